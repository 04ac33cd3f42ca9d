"""`/socialbot preferences` on the console: asked field by field, mistakes asked again."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from bot.app import build_runtime
from bot.console.session import ConsoleSession

SCRIPT = "\n".join(
    [
        "/socialbot preferences",
        "1",  # Daily digest: On
        "25:00",  # not a time
        "Mars/Olympus_Mons",  # no time zone: asked again at once
        "Asia/Tokyo",
        "1,3,5",  # Monday, Wednesday, Friday
        "wind, hiring",
        "",  # keep the networks
        "8.15",  # the time, asked again
        "/socialbot preferences",
        "",  # keep On; the time question now shows 08:15
        "cancel",
    ]
)


async def test_preferences_on_the_console(make_settings) -> None:
    runtime = build_runtime(make_settings())
    digest = runtime.digest
    # Saturday 21:00 in Tokyo, so the answer names the next digest's day and zone whenever the
    # test runs (on a digest day past 08:15 there it says "Today's digest comes in a minute").
    digest.clock = lambda: datetime(2026, 11, 21, 12, tzinfo=UTC)
    out = io.StringIO()
    await ConsoleSession(runtime.core, io.StringIO(SCRIPT + "\n"), out, "alice").run()
    output = out.getvalue()
    assert "Times are in your time zone (UTC)." in output and "(HH:MM)" in output
    assert "; report reminders to social media managers wait for them too.)" in output
    assert "! Give a time of day such as 09:30." in output
    assert "Saved." in output
    assert "(now: 08:15; press Enter to keep)" in output  # the second opening shows the choice
    assert "Cancelled" in output
    prefs = digest.store.preferences("console", "alice")
    assert prefs.at is not None and prefs.at.strftime("%H:%M") == "08:15"
    assert prefs.days == (0, 2, 4) and prefs.topics == ("wind", "hiring")
    assert len(prefs.networks) == 3
    # The zone is the person's own, kept over what a platform says. (review7 item 4)
    assert "'Mars/Olympus_Mons' is none of the choices." in output
    assert "Your next digest comes" in output and "(Asia/Tokyo)" in output
    again = io.StringIO()  # a new session: the console tells the directory who it is again
    keep = "\n".join(["/socialbot preferences", "", "", "", "", "", "", ""])
    await ConsoleSession(runtime.core, io.StringIO(keep + "\n"), again, "alice").run()
    assert "(now: Asia/Tokyo; press Enter to keep)" in again.getvalue()
    assert str(digest.zone("console", "alice")) == "Asia/Tokyo"
    runtime.db.close()


async def test_the_days_shown_are_the_days_typed_back(make_settings) -> None:
    # Issue 12: the days were numbered 1-7 but shown as 0-4, so typing back what was shown
    # dropped Friday without a word.
    shown = "(now: Monday, Tuesday, Wednesday, Thursday, Friday; press Enter to keep)"
    script = [
        "/socialbot preferences",
        "",  # On
        "",  # the time
        "",  # the time zone
        "0, 1, 2, 3, 4",  # what the old prompt showed: 0 is no choice, asked again
        "Monday, Tuesday, Wednesday, Thursday, Friday, Sunday",  # what it shows now, and Sunday
        "",
        "",
    ]
    # Fix11a's leftover: reminders at any time (README: any hour, any day) wait for no workday.
    runtime = build_runtime(make_settings(reminder_hours="always"))
    out = io.StringIO()
    await ConsoleSession(runtime.core, io.StringIO("\n".join(script) + "\n"), out, "bo").run()
    output = out.getvalue()
    assert "holidays your company set for your office.)" in output
    assert "report reminders" not in output
    assert shown in output and "(now: On; press Enter to keep)" in output
    assert "! There is no choice 0: pick 1 to 7." in output and "Saved." in output
    assert runtime.digest.store.preferences("console", "bo").days == (0, 1, 2, 3, 4, 6)
    runtime.db.close()


async def test_the_preferences_show_a_mute_and_on_ends_it(make_settings) -> None:
    runtime = build_runtime(make_settings())
    store = runtime.digest.store
    until = datetime.now(UTC) + timedelta(days=7)
    store.update("console", "dan", muted_until=until.timestamp())
    day = until.strftime("%A %d %B")
    output = ""
    for choice, muted_until in (("", until.timestamp()), ("2", None)):  # keep it; then On
        script = ["/socialbot preferences", choice, "", "", "", "", ""]
        out = io.StringIO()
        await ConsoleSession(runtime.core, io.StringIO("\n".join(script) + "\n"), out, "dan").run()
        assert "Saved." in out.getvalue()
        assert store.preferences("console", "dan").muted_until == muted_until
        output = output or out.getvalue()
    assert f"(now: Muted until {day}; press Enter to keep)" in output
    assert "Choose On to end the mute now." in output
    runtime.db.close()
