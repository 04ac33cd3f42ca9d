"""The console flow: the form asked field by field, a mistake asked again, preview, confirm."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, timedelta

from bot.app import Runtime, build_runtime
from bot.console.session import ConsoleSession
from handlers.announcements.ids import LATE, PURPOSE
from handlers.people import Member
from tests.announcements.conftest import GENERAL, NEWS, PEOPLE, named_channels, tomorrow_at
from tests.conftest import SettingsFactory
from tests.fakes.slack_requests import SECRET
from tests.fakes.slack_web_api import FakeSlack

FIELDS = [
    "",  # headline: forgotten at first
    "Our new plant runs on **wind**.",
    "https://example.com/award",
    "",  # image
    "",  # LinkedIn post: written from the link
    "Proud of our new plant!",  # X post
    "",  # Facebook post
    "1",  # audience: everyone
    "",  # channels
    "",  # time zones
    "1",  # when: now
    "",  # date
    "",  # time
    "",  # sharing: keep "ask"
    "We won the Green Award",  # the headline, asked again
    "",  # preview: an empty line does not send it (review14a A6) …
    "1",  # … its number does: "Confirm"
]


async def on_console(
    make_settings: SettingsFactory, slack: FakeSlack, fields: list[str]
) -> tuple[Runtime, str]:
    """`/announce` on the console by alice, an announcer, answering `fields`; what it said."""
    settings = make_settings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SECRET,
        slack_api_url=slack.url,
        announcers=["alice"],
    )
    runtime = build_runtime(settings)
    runtime.core.directory.upsert([Member("slack", user, user, "Europe/Paris") for user in PEOPLE])
    out = io.StringIO()
    script = "/announce\n" + "\n".join(fields) + "\n"
    await ConsoleSession(runtime.core, io.StringIO(script), out, "alice").run()
    return runtime, out.getvalue()


async def test_an_announcement_from_the_console_goes_out_on_slack(make_settings, slack: FakeSlack):
    runtime, text = await on_console(make_settings, slack, FIELDS)
    assert "! Write a headline" in text
    assert "This is what 3 people will get, now." in text
    assert text.count("! Type the number of your choice: this step cannot be undone.") == 1
    assert "Proud of our new plant!" in text and "[#1 Share on LinkedIn]" in text
    assert "Announcement #1 is on its way to 3 people." in text

    async with runtime.delivery:
        await runtime.delivery.run_until_done("announcement", "1")
    assert {user: len(slack.messages_in(user)) for user in PEOPLE} == {u: 1 for u in PEOPLE}
    runtime.db.close()


async def test_channels_typed_by_name_are_found_and_the_bot_not_in_one_is_said(
    make_settings, slack: FakeSlack
) -> None:
    named_channels(slack)
    # Headline, message, link, image, three posts, audience, channels, time zones, when, date,
    # time, sharing; then the channels asked again, and the preview's "Confirm".
    fields = ["Launch", "Hi", "https://example.com/l", "", "", "", "", "2", "#general, #nowhere",
              "", "1", "", "", "", "#general, #news", "1"]  # fmt: skip
    runtime, text = await on_console(make_settings, slack, fields)
    assert "I can't find #nowhere: check the spelling" in text
    assert "@socialbot is not in #news: type /invite @socialbot there first." in text
    assert "This is what 2 channels will get" in text
    (row,) = runtime.db["announcements"].rows
    assert json.loads(row["channels"]) == [GENERAL, NEWS]
    runtime.db.close()


async def test_the_console_needs_a_chat_platform_to_announce(make_settings) -> None:
    runtime = build_runtime(make_settings(announcers=["alice"]))
    out = io.StringIO()
    await ConsoleSession(runtime.core, io.StringIO("/announce\n"), out, "alice").run()
    assert "Announcements from the console go out on Slack" in out.getvalue()
    runtime.db.close()


async def test_one_found_hours_past_its_time_asks_the_console_announcer(
    make_settings, slack: FakeSlack
) -> None:
    # Review6 item 10 on the console: the held announcement's question reaches the announcer's
    # next session, whose "#1" sends it after all. The time typed as the settings take it
    # (review14a A7: "9.00" and "9:00" were refused).
    at = tomorrow_at(9)
    fields = [*FIELDS[:10], "2", at.date().isoformat(), "9.00", *FIELDS[13:]]
    runtime, text = await on_console(make_settings, slack, fields)
    assert "Announcement #1 will go to 3 people on" in text, text
    async with runtime.delivery:
        await runtime.core.tick(at + timedelta(days=2))  # the bot is back two days later
        await runtime.delivery.run_until_done(LATE, "1")
        # Her next session shows the question first; the list offers the same buttons.
        shown = await session(runtime, "/announce list\n#1\n")
        asked, listing = " ".join(shown.split()).split("Announcements ====")
        assert f"“We won the Green Award” was due on {at:%a %d %b %Y} at 09:00" in asked
        assert asked.endswith("Send it now, or cancel it? [#1 Send now] [#2 Cancel] ")
        assert "Late: was due on" in listing and "[#1 Send now] [#2 Cancel]" in listing
        assert listing.endswith("Announcement #1 is on its way to 3 people.")
        await runtime.delivery.run_until_done(PURPOSE, "1")
    assert {user: len(slack.messages_in(user)) for user in PEOPLE} == {u: 1 for u in PEOPLE}
    runtime.db.close()


async def session(runtime: Runtime, script: str) -> str:
    """A console session of alice's typing `script`: what it showed."""
    out = io.StringIO()
    await ConsoleSession(runtime.core, io.StringIO(script), out, "alice").run()
    return out.getvalue()


async def test_a_japanese_x_post_is_counted_as_x_counts_it(make_settings, slack: FakeSlack):
    # review9b L8: X weighs each Japanese character 2: 156 of them and the link are 336 on X.
    japanese = "来週、新製品を発表します\uff01" * 12
    fields = ["We won the Green Award", *FIELDS[1:5], japanese, *FIELDS[6:14]]
    fields += ["Proud of our new plant!", "1"]  # the X post, asked again; preview: confirm
    runtime, text = await on_console(make_settings, slack, fields)
    assert "! X allows 280 characters (the link counts as 23); this post has 336." in text
    assert "Announcement #1 is on its way to 3 people." in text
    runtime.db.close()


async def test_a_date_typed_day_first_is_read_and_an_ambiguous_one_asked_again(
    make_settings, slack: FakeSlack
) -> None:
    # fix15b 5: only YYYY-MM-DD was read: "08.12.2026" was refused as no date at all.
    year = datetime.now(UTC).year + 1
    fields = ["Launch", "Hi", "https://example.com/l", "", "", "", "", "1", "", "",
              "2", f"8/12/{year}", "10:00", "", f"08.12.{year}", "1"]  # fmt: skip
    runtime, text = await on_console(make_settings, slack, fields)
    runtime.db.close()
    assert (
        f"! 8/12/{year} may be 8 December or 12 August: write it as {year}-12-08 or"
        f" {year}-08-12 (YYYY-MM-DD)."
    ) in " ".join(text.split())
    assert f"on {date(year, 12, 8):%a %d %b %Y} at 10:00" in text
    assert "Announcement #1 will go to 3 people on" in text
