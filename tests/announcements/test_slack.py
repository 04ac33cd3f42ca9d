"""Issue 7 through signed Slack requests against the fake Web API."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from bot.cli import main
from bot.delivery.engine import DeliveryEngine
from bot.delivery.ledger import Ledger
from handlers.announcements.store import AnnouncementStore
from handlers.people import Member
from tests.announcements.conftest import (
    ANNOUNCER,
    GENERAL,
    GOOD,
    PEOPLE,
    announce,
    later,
    named_channels,
    open_form,
    preview,
    submit,
    tomorrow_at,
)
from tests.fakes.bot_work import settled
from tests.fakes.slack_requests import (
    block_action,
    buttons,
    calls,
    post_form,
    slash,
    wait_for_call,
)
from tests.fakes.slack_web_api import FakeSlack


def posted_to(slack: FakeSlack, users: list[str]) -> dict[str, int]:
    """How many messages each of `users` received in their DM."""
    return {user: len(slack.messages_in(user)) for user in users}


async def test_a_non_announcer_is_refused_politely_and_recorded(bot, slack) -> None:
    response = await post_form(bot, slash("/announce", "", user="U002"))
    text = (await response.json())["text"]
    assert "Only announcers" in text and "Ann Ouncer" in text
    assert calls(slack, "views.open") == []
    (row,) = bot.runtime.db["announce_refusals"].rows
    assert (row["platform"], row["user_id"], row["text"]) == ("slack", "U002", "/announce")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"headline": ""}, "headline"),
        ({"link": "ftp://example.com/file"}, "link"),
        ({"post_x": "x" * 260}, "post_x"),
        ({"post_linkedin": "y" * 3001}, "post_linkedin"),
        ({**later(tomorrow_at(9) - timedelta(days=2))}, "time"),
        ({"when": "later", "date": "", "time": "10:00"}, "date"),
        ({"audience": "channels", "channels": ""}, "channels"),
        ({"audience": "channels", "channels": "general"}, "channels"),
        ({"audience": "timezones", "timezones": []}, "timezones"),
        ({"audience": "timezones", "timezones": ["Asia/Tokyo"]}, "timezones"),
        ({"audience": "the-whole-internet"}, "audience"),
    ],
)
async def test_each_mistake_is_shown_on_its_field(bot, slack, changes, field) -> None:
    view = await open_form(bot, slack)
    answer = await submit(bot, view, {**GOOD, **changes})
    assert answer["response_action"] == "errors"
    assert list(answer["errors"]) == [field]
    assert bot.runtime.db["announcements"].count == 0


async def test_an_empty_audience_is_refused(bot, slack) -> None:
    # Everyone known has left (the announcer, who writes, is known: learnt from the request).
    bot.runtime.db.execute("UPDATE people SET deleted = 1")
    view = await open_form(bot, slack)
    answer = await submit(bot, view, GOOD)
    assert list(answer["errors"]) == ["audience"]


@pytest.mark.parametrize(("include_guests", "audience"), [(False, 4), (True, 5)])
async def test_guests_are_reached_only_when_configured(
    make_bot, slack, include_guests, audience
) -> None:
    bot = await make_bot(include_guests=include_guests)
    bot.runtime.core.directory.upsert([Member("slack", "UGUEST", "Guest", "UTC", guest=True)])
    view = await open_form(bot, slack)
    answer = await submit(bot, view, GOOD)
    assert answer["response_action"] == "update"
    assert f"This is what {audience} people will get" in json.dumps(answer["view"])


async def test_preview_shows_the_message_and_audience_then_confirm_sends(bot, slack) -> None:
    view = await preview(bot, slack)
    shown = str(view["blocks"])
    assert "We won the Green Award" in shown and "4 people" in shown
    assert "Share on LinkedIn" in shown and "Not for me" in shown
    assert calls(slack, "chat.postMessage") == []  # nothing before the confirmation

    assert await submit(bot, view, {"next": "confirm"}) == {}
    await wait_for_call(slack, "chat.postMessage", 4 + 1 + 1)
    assert posted_to(slack, PEOPLE) == {user: 1 for user in PEOPLE}
    (received,) = slack.messages_in("U001")
    labels = [b["text"]["text"] for b in buttons(received.blocks)]
    assert labels == ["Share on LinkedIn", "Share on X", "Share on Facebook", "Not for me"]
    announcer_dm = [m.text for m in slack.messages_in(ANNOUNCER)]
    assert any("on its way to 4 people" in text for text in announcer_dm)
    assert any("Sending" in text for text in announcer_dm)

    await bot.runtime.delivery.run_until_done("announcement", "1")
    await bot.runtime.core.tick(tomorrow_at(0))
    report = await wait_for_call(slack, "chat.update")
    assert "4 of 4 delivered" in report[-1]["text"]


async def test_the_bots_words_around_an_announcement_are_in_the_language_it_is_written_in(
    bot, slack
) -> None:
    # closing16: a German announcement came with "Read more", "Share on LinkedIn", "Not for
    # me" and "An announcement from …" in English.
    german = {
        "headline": "Wir haben den Green Award gewonnen",
        "message": "Unser **neues Werk** läuft mit Windkraft, und wir sind sehr stolz darauf.",
    }
    shown = json.dumps((await preview(bot, slack, **german))["blocks"], ensure_ascii=False)
    assert "Mehr lesen" in shown and "Hilf mit, es zu verbreiten." in shown
    assert "Auf LinkedIn teilen" in shown and "Nichts für mich" in shown
    assert "Eine Ankündigung von Ann Ouncer." in shown and "Share on" not in shown
    assert "Wir haben den Green Award gewonnen" in shown  # the announcer's words as written


async def test_edit_from_the_preview_keeps_what_was_typed(bot, slack) -> None:
    view = await preview(bot, slack, post_x="Proud of this one")
    answer = await submit(bot, view, {"next": "edit"})
    form = answer["view"]
    initial = {b["block_id"]: b["element"].get("initial_value") for b in form["blocks"]
               if b["type"] == "input"}  # fmt: skip
    assert initial["headline"] == GOOD["headline"] and initial["post_x"] == "Proud of this one"
    assert initial["post_linkedin"]  # written from the link when left empty


async def test_a_scheduled_announcement_goes_at_its_time_and_not_before(bot, slack) -> None:
    at = tomorrow_at(10)
    await announce(bot, slack, **later(at))
    await bot.runtime.core.tick(at - timedelta(minutes=1))
    await settled(bot.runtime)
    assert posted_to(slack, PEOPLE) == {user: 0 for user in PEOPLE}

    await bot.runtime.core.tick(at)
    await wait_for_call(slack, "chat.postMessage", 1 + 4 + 1)
    assert posted_to(slack, PEOPLE) == {user: 1 for user in PEOPLE}
    await bot.runtime.core.tick(at + timedelta(minutes=1))  # a second tick sends nothing again
    await bot.runtime.delivery.run_until_done("announcement", "1")
    assert posted_to(slack, PEOPLE) == {user: 1 for user in PEOPLE}


async def test_cancel_before_the_time_and_nothing_goes(bot, slack) -> None:
    at = tomorrow_at(10)
    await announce(bot, slack, **later(at))
    response = await post_form(bot, slash("/announce", "list"))
    listing = await response.json()
    assert "Scheduled on" in str(listing["blocks"])
    cancel = next(b for b in buttons(listing["blocks"]) if b["text"]["text"] == "Cancel")
    await post_form(bot, block_action(cancel, slack.url + "respond"))
    (answer,) = await wait_for_call(slack, "respond")
    assert "cancelled" in answer["text"]

    await bot.runtime.core.tick(at)
    await settled(bot.runtime)
    assert posted_to(slack, PEOPLE) == {user: 0 for user in PEOPLE}
    await post_form(bot, block_action(cancel, slack.url + "respond"))
    again = await wait_for_call(slack, "respond", 2)
    assert "can't be cancelled: it was cancelled" in again[-1]["text"]


async def test_the_list_shows_each_announcer_only_the_buttons_they_may_press(
    make_bot, slack
) -> None:
    # review11a M17: a colleague's Cancel and Edit were shown, then refused when pressed.
    bot = await make_bot(announcers=[ANNOUNCER, "W222"])
    await announce(bot, slack, **later(tomorrow_at(10)))
    theirs = await (await post_form(bot, slash("/announce", "list", user="W222"))).json()
    mine = await (await post_form(bot, slash("/announce", "list"))).json()

    assert "Scheduled on" in str(theirs["blocks"]) and not buttons(theirs["blocks"])
    assert "Ann Ouncer's: only they or an admin can change it." in str(theirs["blocks"])
    assert [b["text"]["text"] for b in buttons(mine["blocks"])] == ["Edit", "Cancel"]


@pytest.mark.parametrize("arrived", [True, False], ids=["posted-unanswered", "never-posted"])
async def test_a_restart_mid_delivery_sends_nobody_twice_and_misses_nobody(
    make_bot, slack, arrived
) -> None:
    slack.stall("chat.postMessage", after=2, deliver=arrived)
    first = await make_bot()
    await announce(first, slack)
    await wait_for_call(slack, "chat.postMessage", 3)
    await first.runtime.delivery.stop(grace=0.1)  # the process goes down mid-delivery
    sent = first.runtime.db.execute(
        "SELECT count(*) FROM deliveries WHERE purpose = 'announcement' AND state = 'sent'"
    ).fetchone()[0]
    assert sent < 4  # the restart comes mid-delivery
    slack.release()

    second = await make_bot()
    await second.runtime.core.tick(tomorrow_at(0))  # resumes: enqueues again, idempotently
    await second.runtime.delivery.run_until_done("announcement", "1")
    everyone = [*PEOPLE, ANNOUNCER]
    copies = {u: [m.text.startswith("We won") for m in slack.messages_in(u)].count(True)
              for u in everyone}  # fmt: skip
    assert copies == {user: 1 for user in everyone}
    await second.runtime.core.tick(tomorrow_at(0))
    (row,) = second.runtime.db["announcements"].rows
    assert row["state"] == "sent"


async def test_an_abandoned_preview_is_dropped_after_a_day(bot, slack) -> None:
    view = await open_form(bot, slack)
    await submit(bot, view, GOOD)  # a preview, never confirmed
    db = bot.runtime.db
    assert [row["state"] for row in db["announcements"].rows] == ["draft"]
    await bot.runtime.core.tick(tomorrow_at(0) - timedelta(days=1))
    assert db["announcements"].count == 1
    await bot.runtime.core.tick(tomorrow_at(0) + timedelta(days=2))
    assert db["announcements"].count == 0


@pytest.mark.parametrize("started", [False, True], ids=["before-queueing", "midway"])
async def test_send_now_interrupted_by_a_stop_goes_out_at_the_next_start(
    bot, slack, started
) -> None:
    # "Send now" is answered first and queued right after; a stop can come before the send
    # starts, or once it started (recipients fixed) but before anyone was queued.
    await preview(bot, slack)
    (draft,) = bot.runtime.db["announcements"].rows
    store = AnnouncementStore(bot.runtime.db)
    store.confirm(draft["id"])
    if started:
        store.start(draft["id"], PEOPLE, tomorrow_at(0))
    assert calls(slack, "chat.postMessage") == []

    await bot.runtime.core.tick(tomorrow_at(0))
    await bot.runtime.delivery.run_until_done("announcement", str(draft["id"]))
    assert posted_to(slack, PEOPLE) == {user: 1 for user in PEOPLE}
    progress = await wait_for_call(slack, "chat.postMessage", 3 + 1)
    assert any(m["channel"] == ANNOUNCER and "Sending" in m["text"] for m in progress)


async def test_a_confirmation_slack_refuses_is_one_warning_and_the_announcement_waits(
    bot, slack, caplog
) -> None:
    view = await preview(bot, slack)
    # Slack has an incident: the confirmation and the deliveries get 503s.
    slack.fail("chat.postMessage", "service_unavailable", status=503, times=100)
    assert await submit(bot, view, {"next": "confirm"}) == {}
    # Five transient failures in a row pause Slack's queue: the deliveries wait, tries unspent.
    for _ in range(1000):
        health = await (await bot.get("/healthz")).json()
        if health["deliveries"]["paused"]:
            break
        await asyncio.sleep(0.01)
    assert health["deliveries"]["paused"]["slack"]["waiting"] == 1 + len(PEOPLE) + 1
    assert any(w.startswith("Slack fails since ") for w in health["warnings"])
    assert bot.runtime.delivery.ledger.counts("announcement", "1")["failed"] == 0
    assert [r.levelname for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")] == []
    (warning,) = [r for r in caplog.records if r.message == "a form's confirmation not posted"]
    assert warning.exc_info is None and warning.error == "service_unavailable"


async def test_the_preview_says_plainly_that_teams_people_are_left_out(bot, slack) -> None:
    teams_people = ["7faf8ab2-3d56-4244-b585-20c8a42ed2b8", "eddfa9d4-346e-4cce-a18f-fa6261ad776b"]
    bot.runtime.core.directory.upsert([Member("teams", user, "On Teams") for user in teams_people])
    shown = json.dumps((await preview(bot, slack))["blocks"])
    assert "This is what 4 people will get" in shown
    assert (
        "2 people on Teams won't get it: an announcement goes out on one platform, Slack here;"
        " an announcer on Teams can send it there."
    ) in shown


async def test_one_found_hours_past_its_time_is_held_for_the_announcer(bot, slack) -> None:
    # Review6 item 10: back after two days down, the bot sent "Townhall at 10:00 today" to
    # everyone without a word.
    at = tomorrow_at(10)
    await announce(bot, slack, **later(at))
    await bot.runtime.core.tick(at + timedelta(days=2))  # the bot is back two days later
    await bot.runtime.core.tick(at + timedelta(days=2, minutes=1))
    await wait_for_call(slack, "chat.postMessage", 2)  # the confirmation, then the question
    await settled(bot.runtime)
    assert posted_to(slack, PEOPLE) == {user: 0 for user in PEOPLE}
    (asked,) = [m for m in slack.messages_in(ANNOUNCER) if "was not sent" in m.text]
    assert f"“{GOOD['headline']}” was due on {at:%a %d %b %Y} at 10:00 (UTC)" in asked.text
    labels = [b["text"]["text"] for b in buttons(asked.blocks)]
    assert labels == ["Send now", "Cancel"]
    listing = await (await post_form(bot, slash("/announce", "list"))).json()
    assert "Late: was due on" in str(listing["blocks"])

    send = buttons(asked.blocks)[0]
    await post_form(bot, block_action(send, slack.url + "respond"))
    (answer,) = await wait_for_call(slack, "respond")
    assert "is on its way to 4 people" in answer["text"]
    await settled(bot.runtime)
    await bot.runtime.delivery.run_until_done("announcement", "1")
    assert posted_to(slack, PEOPLE) == {user: 1 for user in PEOPLE}


async def test_the_progress_counts_everyone_from_its_first_version(bot, slack) -> None:
    # review13b M2: it read "Sending… 0 of 0 delivered, 0 failed, 0 to go." until the first
    # minute tick, the copies not yet queued when it was composed.
    await announce(bot, slack)
    await bot.runtime.delivery.run_until_done("announcement-progress", "1")
    (progress,) = [m for m in calls(slack, "chat.postMessage") if "Sending…" in m["text"]]
    assert progress["text"].endswith("Sending… 0 of 4 delivered, 0 failed, 4 to go.")


async def test_one_less_than_an_hour_late_still_goes_by_itself(bot, slack) -> None:
    at = tomorrow_at(10)
    await announce(bot, slack, **later(at))
    await bot.runtime.core.tick(at + timedelta(minutes=59))  # a restart just after its time
    await bot.runtime.delivery.run_until_done("announcement", "1")
    assert posted_to(slack, PEOPLE) == {user: 1 for user in PEOPLE}


async def test_one_given_up_in_a_long_outage_tells_the_announcer_what_to_do(bot, slack) -> None:
    # Review6 item 1's "then with a word to the announcer": the announcer heard nothing, or
    # "the platform refused (given up after 24 h waiting: Slack fails since …)". Times shrunk:
    # the engine pauses Slack at its first failure and gives messages up after 0.3 s.
    delivery = bot.runtime.delivery
    lifetimes = {"announcement": 0.3, "announcement-progress": 0.3}
    delivery.policy = replace(delivery.policy, trip_after=1, probe_every=0.05, lifetimes=lifetimes)
    slack.fail("chat.postMessage", "service_unavailable", status=503, times=10**6)
    await announce(bot, slack)
    await delivery.run_until_done("announcement", "1")  # everyone's copy, given up
    await delivery.run_until_done("announcement-progress", "1")  # and "Sending…"
    await bot.runtime.core.tick(datetime.now(UTC))  # the report is queued on its own
    delivery.policy = replace(delivery.policy, lifetimes={})  # it waits a day, as it would
    slack.heal("chat.postMessage")  # Slack is back
    await delivery.run_until_done("announcement-progress", "1:report")
    (report,) = [m for m in slack.messages_in(ANNOUNCER) if "Sent:" in m.text]
    shown = " ".join(block["text"]["text"] for block in report.blocks if "text" in block)
    assert "Sent: 0 of 4 delivered; 4 failed." in shown  # the three and the announcer
    assert "• 4 people: not sent: Slack was down so long that the bot stopped trying" in shown
    assert (
        "Once Slack works again, an admin can send it to just those who missed it, within a"
        " week: `socialbot deliveries retry --purpose announcement --key 1`. Or send it again"
        " yourself: `/announce`."
    ) in shown
    assert posted_to(slack, PEOPLE) == {user: 0 for user in PEOPLE}


async def test_a_share_pressed_on_a_channel_s_announcement_counts_who_pressed_it(
    bot, slack
) -> None:
    # Slack sends block_actions for a URL button too, with the user: each colleague counts.
    named_channels(slack)
    link = f"https://acme.slack.com/archives/{GENERAL}"  # Copy link (review15a R10)
    await announce(bot, slack, audience="channels", channels=link)
    await bot.runtime.delivery.run_until_done("announcement", "1")
    (posted,) = slack.messages_in(GENERAL)
    share = next(b for b in buttons(posted.blocks) if b["text"]["text"] == "Share on LinkedIn")
    for user in ("U002", "U003", "U002"):
        body = block_action(share, slack.url + "respond", user=user, channel=GENERAL)
        assert (await post_form(bot, body)).status == 200
    [counted] = bot.runtime.core.shares.counts()
    assert (counted.subject, counted.clicks, counted.people) == ("announcement:1", 2, 2)


async def test_the_preview_says_when_other_time_zones_get_a_scheduled_one(bot, slack) -> None:
    # review9b T2: the announcer's 04:00 (UTC) is 05:00 in Paris, where the three colleagues are.
    at = tomorrow_at(4)
    shown = json.dumps((await preview(bot, slack, **later(at)))["blocks"])
    paris = at.astimezone(ZoneInfo("Europe/Paris"))
    assert f"Their clocks: {paris:%a %H:%M} in Europe/Paris (at night)." in shown


async def test_the_preview_says_a_scheduled_one_arrives_on_a_holiday_or_weekend(
    make_bot, slack
) -> None:
    # review17a M4: Christmas Day (a holiday SOCIALBOT_HOLIDAYS names) and a Saturday went
    # without a word, though the night in another zone was warned.
    bot = await make_bot(holidays="Europe/Paris=FR")
    bastille = datetime(2027, 7, 14, 8, tzinfo=UTC)  # a Wednesday: 10:00 in Paris
    shown = json.dumps((await preview(bot, slack, **later(bastille)))["blocks"])
    assert "It arrives on a day off: Wed 14 Jul in Europe/Paris (holiday: FR)." in shown, shown
    saturday = json.dumps((await preview(bot, slack, **later(bastille.replace(day=17))))["blocks"])
    weekend = "(not a workday: SOCIALBOT_DIGEST_DAYS)"
    assert f"day off: Sat 17 Jul in Europe/Paris {weekend}, Sat 17 Jul in UTC {weekend}." in (
        saturday
    )
    workday = json.dumps((await preview(bot, slack, **later(bastille.replace(day=15))))["blocks"])
    assert "day off" not in workday


def nine(day: date, zone: str) -> float:
    """09:00 on `day` in `zone`, as Unix time."""
    return datetime.combine(day, time(9), tzinfo=ZoneInfo(zone)).timestamp()


def waiting(bot: Any) -> dict[str, float]:
    """Each announcement copy in the ledger: its recipient and when it may go."""
    rows = bot.runtime.db.execute(
        "SELECT recipient, not_before FROM deliveries WHERE purpose = 'announcement'"
    )
    return dict(rows.fetchall())


async def test_at_nine_in_each_person_s_own_time_zone(make_bot, slack) -> None:
    # review9b T2: one announcement, each copy at 09:00 on its reader's clock (people with no
    # zone at SOCIALBOT_TIMEZONE's), and a restart midway neither loses nor repeats a copy.
    offices = {"UAKL": "Pacific/Auckland", "UKOL": "Asia/Kolkata", "UNYC": "America/New_York"}
    first = await make_bot(timezone="America/Sao_Paulo")
    people = [*offices.items(), ("UNOTZ", "")]
    first.runtime.core.directory.upsert([Member("slack", u, u, tz) for u, tz in people])
    day = datetime.now(UTC).date() + timedelta(days=2)
    # Seconds as a time picker may send them (review15a R9): refused "Pick a time (HH:MM)".
    local = {"when": "local", "date": day.isoformat(), "time": "09:00:00"}
    shown = json.dumps((await preview(first, slack, **local))["blocks"])
    starts = datetime.fromtimestamp(nine(day, "Pacific/Auckland"), UTC)
    assert f"on {day:%a %d %b %Y} at 09:00 in each person's time zone." in shown
    assert f"first in Pacific/Auckland ({starts:%a %H:%M} UTC), last in America/New_York" in shown
    assert "People with no time zone get it at 09:00 in America/Sao_Paulo (SOCIAL" in shown
    await announce(first, slack, **local)

    await first.runtime.core.tick(starts - timedelta(minutes=1))
    assert waiting(first) == {}
    await first.runtime.core.tick(starts)
    zones = {ANNOUNCER: "UTC", **dict.fromkeys(PEOPLE, "Europe/Paris"), **offices}
    expected = {user: nine(day, zone) for user, zone in zones.items()}
    expected["UNOTZ"] = nine(day, "America/Sao_Paulo")
    assert waiting(first) == expected
    # The process stopped midway through queuing: two copies never made it to the ledger.
    first.runtime.db.execute(
        "DELETE FROM deliveries WHERE purpose = 'announcement' AND recipient IN ('UNYC', 'U001')"
    )
    first.runtime.db.conn.commit()
    second = await make_bot(timezone="America/Sao_Paulo")
    await second.runtime.core.tick(starts + timedelta(minutes=1))
    assert waiting(second) == expected
    listing = await (await post_form(second, slash("/announce", "list"))).json()
    assert "Sending: 0 of 8 delivered, 0 failed; 8 waiting" in str(listing["blocks"])  # one


async def test_people_chosen_by_time_zone_start_at_their_own_time(make_bot, slack) -> None:
    # review10c R4: SOCIALBOT_TIMEZONE (13 h ahead of Paris here) was counted as one of their
    # zones: a time three hours ahead in Paris was refused as "passed for some of them".
    bot = await make_bot(timezone="Pacific/Kiritimati")
    soon = (datetime.now(UTC) + timedelta(hours=3)).astimezone(ZoneInfo("Europe/Paris"))
    local = {"when": "local", "date": soon.date().isoformat(), "time": f"{soon:%H:%M}"}
    shown = json.dumps(
        (await preview(bot, slack, audience="timezones", timezones=["Europe/Paris"], **local))[
            "blocks"
        ]
    )
    assert "first in Europe/Paris" in shown and "People with no time zone" not in shown


async def going_out_in_paris(bot: Any, slack: FakeSlack) -> datetime:
    """An announcement at 09:00 on each person's clock, its copies queued at Paris's 09:00
    (the earliest), New York's (UNYC's) waiting for theirs; that instant."""
    bot.runtime.core.directory.upsert([Member("slack", "UNYC", "Ny", "America/New_York")])
    day = datetime.now(UTC).date() + timedelta(days=2)
    await announce(bot, slack, when="local", date=day.isoformat(), time="09:00")
    starts = datetime.fromtimestamp(nine(day, "Europe/Paris"), UTC)
    await bot.runtime.core.tick(starts)
    return starts


async def test_someone_forgotten_while_their_copy_waits_does_not_get_it(bot, slack) -> None:
    # review10c R20: `socialbot forget` dropped the waiting copy, and the next tick queued it
    # again from the announcement's recipients.
    starts = await going_out_in_paris(bot, slack)
    assert "UNYC" in waiting(bot)
    env = {"SOCIALBOT_DB": str(bot.runtime.settings.db)}
    forget = ["forget", "--platform", "slack", "--user", "UNYC", "--yes"]
    forgotten = CliRunner().invoke(main, forget, env=env)
    assert forgotten.exit_code == 0, forgotten.output
    await bot.runtime.core.tick(starts + timedelta(minutes=1))
    assert "UNYC" not in waiting(bot) and len(waiting(bot)) == 4  # the announcer and the three
    (row,) = bot.runtime.db.execute("SELECT recipients FROM announcements").fetchall()
    assert "UNYC" not in row[0]


async def test_cancel_stops_the_copies_still_waiting_for_their_time(bot, slack) -> None:
    # review10c R3: once Paris's copies were queued, New York's waited hours and nothing could
    # stop them ("can't be cancelled: it is already going out"); meanwhile its progress said
    # "Sending… 0 of 5 delivered, 0 failed, 5 to go." for up to a day, not what they wait for.
    starts = await going_out_in_paris(bot, slack)
    assert len(waiting(bot)) == 5
    await bot.runtime.delivery.run_until_done("announcement-progress", "1")  # it arrived
    await bot.runtime.core.tick(starts + timedelta(minutes=1))
    last = datetime.fromtimestamp(nine(starts.date(), "America/New_York"), UTC)
    waits = f"5 waiting for 09:00 on their own clock, the last on {last:%a %d %b at %H:%M} (UTC)."
    (progress,) = await wait_for_call(slack, "chat.update")
    assert progress["text"].endswith(f"Sending… 0 of 5 delivered, 0 failed; {waits}")
    listing = await (await post_form(bot, slash("/announce", "list"))).json()
    assert f"Sending: 0 of 5 delivered, 0 failed; {waits}" in str(listing["blocks"])
    cancel = next(b for b in buttons(listing["blocks"]) if b["text"]["text"] == "Cancel")
    await post_form(bot, block_action(cancel, slack.url + "respond"))
    (answer,) = await wait_for_call(slack, "respond")
    assert answer["text"] == (
        "Announcement #1 is cancelled: the 5 copies still waiting will not be sent; none went."
    )
    report = await wait_for_call(slack, "chat.update", 2)
    assert "Cancelled: 0 of 5 delivered, 5 stopped; 0 failed." in report[-1]["text"]
    await bot.runtime.core.tick(starts + timedelta(hours=6))
    assert waiting(bot) == {}


async def its_time_comes(bot: Any, slack: FakeSlack, user: str) -> str:
    """`user`'s copy goes now, as if their time had come; the text they got."""
    bot.runtime.db.execute(
        "UPDATE deliveries SET not_before = 0 WHERE purpose = 'announcement' AND recipient = ?",
        [user],
    )
    bot.runtime.db.conn.commit()
    bot.runtime.delivery.kick("slack")
    for _ in range(1000):
        if slack.messages_in(user):
            break
        await asyncio.sleep(0.01)
    (copy,) = slack.messages_in(user)
    return copy.text


async def test_an_edit_reaches_the_copies_waiting_and_updates_those_delivered(bot, slack) -> None:
    # review10c R3: once the first zone's copies went, Edit was refused ("it is already going
    # out") while the others waited up to a day. Review11c R4: the delivered copies were then
    # updated one after another outside the queue: unpaced, lost on a restart, never counted.
    starts = await going_out_in_paris(bot, slack)
    assert (await its_time_comes(bot, slack, "U001")).startswith(str(GOOD["headline"]))
    bot.runtime.db.execute(  # a copy Slack's outage made the bot give up: sent again later
        "UPDATE deliveries SET state = 'failed', reason = 'gave up', finished_at = ?"
        " WHERE purpose = 'announcement' AND recipient = 'U002'",
        [datetime.now(UTC).timestamp()],
    )
    bot.runtime.db.conn.commit()
    listing = await (await post_form(bot, slash("/announce", "list"))).json()
    edit = next(b for b in buttons(listing["blocks"]) if b["text"]["text"] == "Edit")
    await post_form(bot, block_action(edit, slack.url + "respond"))
    form = (await wait_for_call(slack, "views.open", 2))[-1]["view"]
    assert "its audience and time stay as they are" in json.dumps(form["blocks"])
    fields = {b["block_id"] for b in form["blocks"] if b["type"] == "input"}
    assert not fields & {"audience", "when", "date", "time"}
    moved = "Green Award: the ceremony moved"
    values = {name: value for name, value in GOOD.items() if name in fields}
    answer = await submit(bot, form, {**values, "headline": moved})
    assert "change the copies waiting and those delivered" in json.dumps(answer["view"]["blocks"])
    assert await submit(bot, answer["view"], {"next": "confirm"}) == {}

    told = await wait_for_call(slack, "chat.postMessage", 4)
    assert told[-1]["text"] == (
        "Announcement #1 is changed: the 3 copies still waiting go out as it is now,"
        " and the 1 already delivered are being updated (your report says how many were)."
    )
    # The delivered copy is changed through the delivery queue, as it was sent.
    await bot.runtime.delivery.run_until_done("announcement-edit", "1#1")
    (updated,) = slack.messages_in("U001")
    assert updated.text.startswith(moved)
    await bot.runtime.core.tick(starts + timedelta(minutes=1))  # the announcer's report
    *_, progress = [c["text"] for c in calls(slack, "chat.update") if "Sending" in c["text"]]
    assert progress.endswith("(UTC). Updated 1 of 1 delivered copies."), progress
    assert (await its_time_comes(bot, slack, "UNYC")).startswith(moved)
    env = {"SOCIALBOT_DB": str(bot.runtime.settings.db)}
    retry = ["deliveries", "retry", "--purpose", "announcement", "--key", "1"]
    assert CliRunner().invoke(main, retry, env=env).exit_code == 0
    assert (await its_time_comes(bot, slack, "U002")).startswith(moved)  # as it is now
    (row,) = bot.runtime.db.execute("SELECT state, send_at FROM announcements").fetchall()
    assert row[0] == "sending" and row[1] is not None  # its time stays


async def _edit_headline(bot, slack, headline: str, forms: int) -> None:
    """Edit the announcement going out to `headline` (the `forms`-th form Slack opened)."""
    listing = await (await post_form(bot, slash("/announce", "list"))).json()
    edit = next(b for b in buttons(listing["blocks"]) if b["text"]["text"] == "Edit")
    await post_form(bot, block_action(edit, slack.url + "respond"))
    form = (await wait_for_call(slack, "views.open", forms))[-1]["view"]
    fields = {b["block_id"] for b in form["blocks"] if b["type"] == "input"}
    values = {name: value for name, value in GOOD.items() if name in fields}
    answer = await submit(bot, form, {**values, "headline": headline})
    assert await submit(bot, answer["view"], {"next": "confirm"}) == {}


async def test_every_edit_reaches_the_copies_delivered_however_many_came_before(bot, slack) -> None:
    # Review12c R3: the rows of a superseded edit are dropped, so counting the edits left gave
    # the third edit the key of the second, and no delivered copy was changed again.
    await going_out_in_paris(bot, slack)
    await its_time_comes(bot, slack, "U001")
    for n, headline in enumerate(("Second text", "Third text", "Fourth text"), start=2):
        await _edit_headline(bot, slack, headline, n)
        if n > 2:  # two quick edits, then one after the queue changed the copies
            edits = bot.runtime.db.execute(
                "SELECT DISTINCT key FROM deliveries WHERE purpose = 'announcement-edit'"
            ).fetchall()
            for (key,) in edits:
                await bot.runtime.delivery.run_until_done("announcement-edit", key)
            (copy,) = slack.messages_in("U001")
            assert copy.text.startswith(headline), (headline, copy.text)


async def test_send_now_on_a_held_one_keeps_each_zone_s_time(bot, slack) -> None:
    # review10c R5: "Send now" on one held late (the bot was down at Paris's 09:00) sent every
    # copy at once, New York's at 03:00 there, without saying so.
    bot.runtime.core.directory.upsert([Member("slack", "UNYC", "Ny", "America/New_York")])
    day = datetime.now(UTC).date() + timedelta(days=2)
    await announce(bot, slack, when="local", date=day.isoformat(), time="09:00")
    back = datetime.fromtimestamp(nine(day, "Europe/Paris"), UTC) + timedelta(hours=2)
    await bot.runtime.core.tick(back)
    await bot.runtime.core.tick(back + timedelta(minutes=1))
    await wait_for_call(slack, "chat.postMessage", 2)  # the confirmation, then the question
    (asked,) = [m for m in slack.messages_in(ANNOUNCER) if "was not sent" in m.text]
    keeps = "the others get it at 09:00 on their own clock."
    assert f"“Send now” sends it to those whose 09:00 has passed; {keeps}" in asked.text

    await post_form(bot, block_action(buttons(asked.blocks)[0], slack.url + "respond"))
    (answer,) = await wait_for_call(slack, "respond")
    assert (
        f"on its way to those of 5 people whose 09:00 on {day:%a %d %b} has passed"
        in (answer["text"])
    )
    await bot.runtime.finish_background()  # the start, after the answer
    zones = {ANNOUNCER: "UTC", **dict.fromkeys(PEOPLE, "Europe/Paris"), "UNYC": "America/New_York"}
    assert waiting(bot) == {user: nine(day, zone) for user, zone in zones.items()}


async def test_an_admin_cancels_one_going_out_on_the_command_line(bot, slack) -> None:
    # review10c R3: `socialbot deliveries` had only retry and status: nothing could stop an
    # announcement whose announcer could not.
    starts = await going_out_in_paris(bot, slack)
    env = {"SOCIALBOT_DB": str(bot.runtime.settings.db)}
    listed = CliRunner().invoke(main, ["announcements", "list"], env=env)
    assert listed.output == f"#1\tsending\t{GOOD['headline']}\n"
    cancelled = CliRunner().invoke(main, ["announcements", "cancel", "1"], env=env)
    assert cancelled.exit_code == 0, cancelled.output
    assert cancelled.output == (
        "Announcement #1 is cancelled: the 5 copies still waiting will not be sent; none went.\n"
    )
    again = CliRunner().invoke(main, ["announcements", "cancel", "1"], env=env)
    assert (again.exit_code, again.output) == (
        1,
        "Error: Announcement #1 can't be cancelled: it was cancelled.\n",
    )
    never = CliRunner().invoke(main, ["announcements", "cancel", "3"], env=env)  # review11c R12
    assert (never.exit_code, never.output) == (1, "Error: There is no announcement #3.\n")
    await bot.runtime.delivery.run_until_done("announcement-progress", "1")  # it arrived
    await bot.runtime.core.tick(starts + timedelta(minutes=1))  # the running bot's next tick
    report = await wait_for_call(slack, "chat.update")
    assert "Cancelled: 0 of 5 delivered, 5 stopped; 0 failed." in report[-1]["text"]
    assert waiting(bot) == {}


async def test_a_cancel_while_the_bot_follows_it_sends_nothing_again(
    bot, slack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # review11c R5: a cancel committed (by another process) after the tick read the
    # announcements going out and before it followed this one: the copies it withdrew were
    # taken for ones a stop lost, and all five were queued again.
    starts = await going_out_in_paris(bot, slack)
    env = {"SOCIALBOT_DB": str(bot.runtime.settings.db)}
    read = AnnouncementStore.in_state

    def then_cancelled(store: AnnouncementStore, *states: str) -> list[Any]:
        going_out = read(store, *states)
        cancelled = CliRunner().invoke(main, ["announcements", "cancel", "1"], env=env)
        assert cancelled.exit_code == 0, cancelled.output
        return going_out

    monkeypatch.setattr(AnnouncementStore, "in_state", then_cancelled)
    await bot.runtime.core.tick(starts + timedelta(minutes=1))
    assert waiting(bot) == {}


def clock_changes(zone: str) -> tuple[date, date]:
    """The next days the clocks go forward and back in `zone`."""
    tz, day = ZoneInfo(zone), datetime.now(UTC).date()
    found: dict[bool, date] = {}
    while len(found) < 2:
        day += timedelta(days=1)
        night = datetime.combine(day, time(0), tzinfo=tz).utcoffset()
        noon = datetime.combine(day, time(12), tzinfo=tz).utcoffset()
        if night is not None and noon is not None and night != noon:
            found.setdefault(noon > night, day)
    return found[True], found[False]


async def test_the_preview_warns_of_a_time_the_clocks_skip_or_repeat(bot, slack) -> None:
    bot.runtime.core.directory.upsert([Member("slack", ANNOUNCER, "Ann", "Europe/Copenhagen")])
    forward, back = clock_changes("Europe/Copenhagen")
    at = {"when": "later", "time": "02:30"}
    skipped = json.dumps((await preview(bot, slack, **at, date=forward.isoformat()))["blocks"])
    assert f"02:30 on {forward:%a %d %b %Y} in Europe/Copenhagen does not exist" in skipped
    assert "so it goes at 03:30 there" in skipped
    twice = json.dumps((await preview(bot, slack, **at, date=back.isoformat()))["blocks"])
    assert f"02:30 on {back:%a %d %b %Y} in Europe/Copenhagen happens twice" in twice
    assert "so it goes at the first 02:30 (UTC+0200)" in twice


T = TypeVar("T")
COLLEAGUES = [f"U{n}" for n in range(200, 220)]  # 20 more: 24 people, minutes at 2 a second


def reached(slack: FakeSlack, users: list[str], headline: str = str(GOOD["headline"])) -> list[str]:
    """Those of `users` whose copy of the announcement reads `headline`."""
    return [u for u in users if any(m.text.startswith(headline) for m in slack.messages_in(u))]


async def until(check: Callable[[], T]) -> T:
    """What `check` gives once it is something (the bot works after its answers)."""
    for _ in range(1000):
        if found := check():
            return found
        await asyncio.sleep(0.01)
    raise AssertionError(f"never came: {check}")


async def going_out_slowly(
    make_bot: Any, slack: FakeSlack, rate: float, colleagues: list[str]
) -> tuple[Any, list[str]]:
    """An announcement to everyone (the announcer, PEOPLE and `colleagues`), sent now, at
    `rate` messages a second: the bot and everyone, once the first copy arrived."""
    bot = await make_bot(slack_rate=rate, slack_burst=2)
    bot.runtime.core.directory.upsert([Member("slack", u, u, "UTC") for u in colleagues])
    await announce(bot, slack)
    everyone = [ANNOUNCER, *PEOPLE, *colleagues]
    await until(lambda: reached(slack, everyone))
    return bot, everyone


CANCELLED = re.compile(
    r"Announcement #1 is cancelled: the (\d+) copies still waiting will not be sent; (\d+) went."
)


async def test_one_sent_now_is_cancelled_while_it_goes_out(make_bot, slack) -> None:
    # review13b M1: while one sent now went out (200 s for 2,000 people), neither the list nor
    # the progress message had a Cancel, and the CLI said "can't be cancelled: it is already
    # going out" (the next test cancels there); a restart resumed the fan-out.
    bot, everyone = await going_out_slowly(make_bot, slack, 2, COLLEAGUES)
    (progress,) = [m for m in slack.messages_in(ANNOUNCER) if "Sending…" in m.text]
    edit, cancel = buttons(progress.blocks)
    assert (edit["text"]["text"], cancel["text"]["text"]) == ("Edit", "Cancel")
    await post_form(bot, block_action(cancel, slack.url + "respond"))
    said = (await wait_for_call(slack, "respond"))[0]["text"]
    numbers = CANCELLED.fullmatch(said)
    assert numbers, said
    stopped, went = map(int, numbers.groups())
    assert stopped and stopped + went == len(everyone)
    await bot.runtime.delivery.run_until_done("announcement", "1")
    assert len(reached(slack, everyone)) == went  # those on their way when it came went too
    await bot.runtime.core.tick(tomorrow_at(0))
    report = (await wait_for_call(slack, "chat.update"))[-1]["text"]
    assert f"Cancelled: {went} of 24 delivered, {stopped} stopped; 0 failed." in report

    await bot.runtime.delivery.stop(grace=0.1)  # a restart sends nothing more
    again = await make_bot()
    await again.runtime.core.tick(tomorrow_at(0))
    await again.runtime.delivery.run_until_done("announcement", "1")
    assert len(reached(slack, everyone)) == went


async def test_a_cancel_while_it_is_being_queued_stops_the_rest(
    bot, slack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # review13b M1: a workforce is queued a batch at a time (2,000 people each); an admin's
    # cancel between two batches must stop the batches still to come, not only those queued.
    monkeypatch.setattr(DeliveryEngine.fan_out, "__defaults__", (2,))  # two people a batch
    env = {"SOCIALBOT_DB": str(bot.runtime.settings.db)}
    enqueue = Ledger.enqueue
    said: list[Result] = []

    def then_cancelled(ledger: Ledger, platform: str, purpose: str, *rest: Any) -> int:
        added = enqueue(ledger, platform, purpose, *rest)
        if purpose == "announcement" and not said:
            said.append(CliRunner().invoke(main, ["announcements", "cancel", "1"], env=env))
        return added

    monkeypatch.setattr(Ledger, "enqueue", then_cancelled)
    await announce(bot, slack)
    await bot.runtime.finish_background()  # the queuing, after the answer
    (cancelled,) = said
    assert cancelled.output == (
        "Announcement #1 is cancelled: the 4 copies still waiting will not be sent; none went.\n"
    )
    await bot.runtime.delivery.run_until_done("announcement", "1")
    assert posted_to(slack, PEOPLE) == {user: 0 for user in PEOPLE}


async def test_one_sent_now_is_edited_while_it_goes_out(make_bot, slack) -> None:
    # review13b M1: a wrong link noticed once the first copies went, the others still to go:
    # Edit said "can't be changed: it is already going out".
    bot, everyone = await going_out_slowly(make_bot, slack, 4, [])
    moved = "Green Award: the ceremony moved"
    await _edit_headline(bot, slack, moved, 2)
    (told,) = await until(
        lambda: [m.text for m in slack.messages_in(ANNOUNCER) if "changed" in m.text]
    )
    numbers = re.search(r"the (\d+) copies still waiting .* the (\d+) already delivered", told)
    assert numbers, told
    assert sum(map(int, numbers.groups())) == len(everyone)
    await bot.runtime.delivery.run_until_done("announcement", "1")
    await bot.runtime.delivery.run_until_done("announcement-edit", "1#1")
    # those it reached before are changed in place, the others get it so
    assert reached(slack, everyone, moved) == everyone
