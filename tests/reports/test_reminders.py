"""Unacknowledged reports nudge the managers on the clock: backoff, snoozes, no repeats."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from handlers.people import Member
from tests.fakes.bot_work import settled
from tests.fakes.slack_requests import buttons, calls, wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import (
    CHANNEL,
    LINK,
    MANAGERS,
    card_buttons,
    press,
    report,
    responded,
)


def created(bot: Any) -> datetime:
    (row,) = bot.runtime.db["reports"].rows
    return datetime.fromtimestamp(row["created_at"], UTC)


def nudges(slack: FakeSlack, manager: str) -> list[dict[str, Any]]:
    return [
        c
        for c in calls(slack, "chat.postMessage")
        if c["channel"] == manager and "without acknowledgement" in c["text"]
    ]


def created_first(bot: Any) -> datetime:
    first = min(row["created_at"] for row in bot.runtime.db["reports"].rows)
    return datetime.fromtimestamp(first, UTC)


async def settle(bot: Any, slack: FakeSlack, count: int) -> None:
    """Once the bot has done all it set out to do, `count` messages were posted in all."""
    await settled(bot.runtime)
    assert len(calls(slack, "chat.postMessage")) == count


async def test_a_reminder_fires_after_the_window_once_then_backs_off(bot, slack) -> None:
    await report(bot, f"{LINK} rude")
    await wait_for_call(slack, "chat.postMessage")
    start, tick = created(bot), bot.runtime.core.tick

    await tick(start + timedelta(minutes=29))
    await settle(bot, slack, 1)

    await tick(start + timedelta(minutes=31))
    await settle(bot, slack, 1 + len(MANAGERS))
    (nudge,) = nudges(slack, "WMGR1")
    assert "R-0001 (normal) has waited 31 min" in nudge["text"]
    labels = [b["text"]["text"] for b in buttons(nudge["blocks"])]
    assert labels == ["Acknowledge", "Snooze 1 h", "Snooze 4 h"]

    await tick(start + timedelta(minutes=32))
    await tick(start + timedelta(minutes=31 + 59))  # the next one waits twice as long
    await settle(bot, slack, 3)
    await tick(start + timedelta(minutes=31 + 61))
    await settle(bot, slack, 5)
    assert len(nudges(slack, "WMGR2")) == 2


async def test_a_report_nobody_acknowledges_is_raised_daily_a_crisis_hourly(bot, slack) -> None:
    # review17a M10: the wait doubled for good: a normal report was raised 5, 10, 21 days
    # apart after its first week, a crisis 21 hours then 42 after its first day.
    core = bot.runtime.core
    await report(bot, f"{LINK} rude")
    crisis = {"links": "https://x.com/someone_else/status/2", "urgency": "crisis"}
    await core.submit(core.person("slack", "W111"), "report_mention", crisis, "")
    await settled(bot.runtime)
    start = created_first(bot)
    hours = [*range(6, 24, 6), *range(24, 30), *range(30, 8 * 24, 6)]  # hourly on day 2
    reminded: dict[int, list[int]] = {1: [], 2: []}
    for hour in hours:
        await core.tick(start + timedelta(hours=hour, minutes=1))
        for row in bot.runtime.db["reports"].rows:
            if len(reminded[row["id"]]) < row["nudges"]:
                reminded[row["id"]].append(hour)
    normal_days = {hour // 24 for hour in reminded[1]}
    assert normal_days == set(range(8)), reminded[1]
    assert set(range(24, 30)) <= set(reminded[2]), reminded[2]


async def test_a_window_set_above_the_cap_is_kept_between_reminders(make_slack_bot, slack) -> None:
    # review17b R2: the cap of a day made every reminder after the first come a day apart, a
    # window of two days set by the team notwithstanding.
    bot = await make_slack_bot(
        escalation_channel=CHANNEL, social_media_managers=MANAGERS, slack_channel_rate=100.0,
        insights="off", reminder_hours="always", report_ack_minutes=2 * 24 * 60,
    )  # fmt: skip
    await report(bot, f"{LINK} rude")
    await settled(bot.runtime)
    start = created_first(bot)
    reminded: list[int] = []
    for hour in range(12, 9 * 24, 12):
        await bot.runtime.core.tick(start + timedelta(hours=hour, minutes=1))
        (row,) = bot.runtime.db["reports"].rows
        if len(reminded) < row["nudges"]:
            reminded.append(hour)
    assert reminded == [48, 96, 144, 192]


async def test_each_manager_gets_one_reminder_of_what_waits_held_reports_too(bot, slack) -> None:
    # review11a M8: one DM per waiting report per manager (12 reports, 12 DMs at once);
    # M15: a report someone took was never mentioned again, however long it stayed open.
    for number in range(1, 4):
        await report(bot, f"https://x.com/angry_customer/status/{number} rude")
    taken = await card_buttons(slack, 2)
    await press(bot, slack, taken["report_assign_me"], user="WMGR2")
    await settled(bot.runtime)
    start, tick = created_first(bot), bot.runtime.core.tick

    def reminders(manager: str) -> list[dict[str, Any]]:
        return [c for c in calls(slack, "chat.postMessage") if c["channel"] == manager]

    await tick(start + timedelta(minutes=31))
    await settled(bot.runtime)
    for manager in MANAGERS:
        (reminder,) = reminders(manager)
        assert reminder["text"].startswith("2 reports wait: R-0001 (normal) has waited 31 min")
        acknowledge = [
            b["value"] for b in buttons(reminder["blocks"]) if b["text"]["text"] == "Acknowledge"
        ]
        assert acknowledge == ["1", "3"]

    await tick(start + timedelta(days=2))  # R-0002 is held: not yet worth a word
    await settled(bot.runtime)
    assert [len(reminders(m)) for m in MANAGERS] == [2, 2]
    await tick(start + timedelta(days=3, minutes=1))
    await settled(bot.runtime)
    assert "R-0002" not in json.dumps(reminders("WMGR1"))
    latest = reminders("WMGR2")[-1]
    assert "R-0002 (normal) is still open, 3 d after it was reported." in latest["text"]
    assert "Acknowledged, assigned to User WMGR2" in json.dumps(latest["blocks"])
    await tick(start + timedelta(days=3, hours=12))  # then once a day
    await tick(start + timedelta(days=4, minutes=2))
    await settled(bot.runtime)
    followed_up = [c for c in reminders("WMGR2") if "R-0002" in c["text"]]
    assert len(followed_up) == 2


async def test_a_report_held_by_someone_who_left_is_the_managers_again(bot, slack) -> None:
    # review11c R3: its follow-ups went to its holder for good after they left (deactivated,
    # off the team), queued for an account Slack refuses; the managers never heard of it.
    await report(bot, f"{LINK} rude")
    taken = await card_buttons(slack, 1)
    await press(bot, slack, taken["report_assign_me"], user="WMGR2")
    await settled(bot.runtime)
    bot.runtime.core.directory.mark_gone("slack", ["WMGR2"])
    await bot.runtime.core.tick(created(bot) + timedelta(days=3, minutes=1))
    await settled(bot.runtime)
    (follow_up,) = [c for c in calls(slack, "chat.postMessage") if c["channel"] == "WMGR1"]
    assert "R-0001 (normal) is still open, 3 d after it was reported." in follow_up["text"]


async def test_a_report_an_admin_holds_is_followed_up_with_them(make_slack_bot, slack) -> None:
    # An admin may take a report (admins hold every role) but is no manager by name: its
    # follow-up still goes to them, not to the managers.
    bot = await make_slack_bot(
        escalation_channel=CHANNEL,
        social_media_managers=MANAGERS,
        admins=["WADM1"],
        slack_channel_rate=100.0,
        insights="off",
        reminder_hours="always",
    )
    await report(bot, f"{LINK} rude")
    taken = await card_buttons(slack, 1)
    await press(bot, slack, taken["report_assign_me"], user="WADM1")
    await settled(bot.runtime)
    await bot.runtime.core.tick(created(bot) + timedelta(days=3, minutes=1))
    await settled(bot.runtime)
    follow_ups = [
        c["channel"] for c in calls(slack, "chat.postMessage") if "still open" in c["text"]
    ]
    assert follow_ups == ["WADM1"]


async def test_a_restart_never_nudges_twice(bot, slack, make_settings) -> None:
    await report(bot, LINK)
    await wait_for_call(slack, "chat.postMessage")
    start = created(bot)
    await bot.runtime.core.tick(start + timedelta(minutes=31))
    await settle(bot, slack, 3)
    # the reminder was queued but the count was never written: a crash between the two
    bot.runtime.db.execute("UPDATE reports SET nudges = 0, remind_at = 0")
    bot.runtime.db.conn.commit()
    await bot.runtime.core.tick(start + timedelta(minutes=33))
    await settled(bot.runtime)
    assert len(nudges(slack, "WMGR1")) == 1


async def test_a_report_reported_again_after_closing_reminds_the_managers_again(bot, slack) -> None:
    # fix11f's leftover: its reminders count from one again, under the keys of those sent
    # before it was closed, and the outbox took them for those and dropped them.
    await report(bot, LINK)
    card = await card_buttons(slack)
    start, tick = created(bot), bot.runtime.core.tick
    await tick(start + timedelta(minutes=31))
    await settle(bot, slack, 3)
    await press(bot, slack, card["report_dismiss"], user="WMGR1")
    await settle(bot, slack, 4)  # the reporter is told
    await report(bot, f"{LINK} it is back", user="W222")
    await settled(bot.runtime)
    await tick(start + timedelta(minutes=62))
    await settled(bot.runtime)
    assert len(nudges(slack, "WMGR1")) == 2


async def test_crisis_reports_remind_after_five_minutes(bot, slack) -> None:
    core = bot.runtime.core
    person = core.person("slack", "W111")
    await core.submit(person, "report_mention", {"links": LINK, "urgency": "crisis"}, "")
    await settle(bot, slack, 3)  # the card and a ping per manager
    start = created(bot)
    await core.tick(start + timedelta(minutes=4))
    await settle(bot, slack, 3)
    await core.tick(start + timedelta(minutes=6))
    await settle(bot, slack, 5)


async def test_snooze_and_acknowledge_stop_the_reminders(bot, slack) -> None:
    await report(bot, LINK)
    await wait_for_call(slack, "chat.postMessage")
    start, tick = created(bot), bot.runtime.core.tick
    await tick(start + timedelta(minutes=31))
    await settle(bot, slack, 3)
    snooze = next(
        b for b in buttons(nudges(slack, "WMGR1")[0]["blocks"]) if b["value"].endswith(":60")
    )

    await press(bot, slack, snooze, user="W111")
    assert "Only the social media managers" in (await responded(slack))["text"]
    await press(bot, slack, snooze, user="WMGR1")
    assert "snoozed for 1 h" in (await responded(slack, 2))["text"]
    (row,) = bot.runtime.db["reports"].rows
    snoozed_until = datetime.fromtimestamp(row["remind_at"], UTC)
    assert snoozed_until > datetime.now(UTC) + timedelta(minutes=59)

    await tick(snoozed_until - timedelta(minutes=1))
    await settle(bot, slack, 3)
    await tick(snoozed_until + timedelta(minutes=1))
    await settle(bot, slack, 5)

    acknowledge = buttons(nudges(slack, "WMGR1")[1]["blocks"])[0]
    await press(bot, slack, acknowledge, user="WMGR2")
    await wait_for_call(slack, "chat.update")
    await settle(bot, slack, 6)  # the reporter is told
    await tick(snoozed_until + timedelta(days=2))
    await settle(bot, slack, 6)
    kinds = [e["kind"] for e in bot.runtime.db["report_events"].rows]
    assert kinds == ["snoozed", "acknowledged"]
    assert json.dumps(calls(slack, "chat.update")[0]["blocks"]).count("Acknowledged") == 1


async def test_a_card_lost_in_a_crash_is_sent_on_the_next_tick(bot, slack) -> None:
    runtime = bot.runtime
    await report(bot, LINK)
    await wait_for_call(slack, "chat.postMessage")
    runtime.db.execute("UPDATE reports SET card_queued = 0")
    runtime.db.conn.commit()
    await runtime.core.tick(datetime.now(UTC))
    await settled(runtime)
    assert [c["channel"] for c in calls(slack, "chat.postMessage")] == [CHANNEL]


def local(day: date, hour: int, zone: str) -> datetime:
    """`hour`:00 on `day` in `zone`."""
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(zone))


async def test_a_normal_report_waits_for_a_manager_at_work_an_urgent_one_does_not(
    make_slack_bot, slack
) -> None:
    # review9b T5: a manager in Kolkata, where Monday is a holiday, and one in New York; two
    # reports over the weekend. The urgent one's reminder goes at once; the normal one's waits
    # for the first manager's working morning, and goes to whoever is at work then.
    today = datetime.now(UTC).date()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    monday = saturday + timedelta(days=2)
    bot = await make_slack_bot(
        escalation_channel=CHANNEL,
        social_media_managers=MANAGERS,
        slack_channel_rate=100.0,
        insights="off",
        holidays=f"Asia/Kolkata={monday.isoformat()}",
    )
    core = bot.runtime.core
    kolkata, new_york = ("WMGR1", "Asia/Kolkata"), ("WMGR2", "America/New_York")
    core.directory.upsert([Member("slack", user, user, zone) for user, zone in (kolkata, new_york)])
    await report(bot, LINK)
    other = "https://x.com/someone_else/status/1790000000000000002"
    urgent = {"links": other, "urgency": "urgent"}
    await core.submit(core.person("slack", "W111"), "report_mention", urgent, "")
    await settle(bot, slack, 2)  # the two cards

    def got(manager: str, ref: str) -> int:
        return sum(ref in n["text"] for n in nudges(slack, manager))

    await core.tick(local(saturday, 12, "UTC"))
    await settle(bot, slack, 4)
    assert [got(m, "R-0002") for m in MANAGERS] == [1, 1]  # urgent: at once, a weekend or not
    assert [got(m, "R-0001") for m in MANAGERS] == [0, 0]
    await core.tick(local(monday, 9, "Asia/Kolkata"))  # a holiday in Kolkata
    new_york_morning = local(monday, 8, "America/New_York")
    await core.tick(new_york_morning - timedelta(minutes=1))
    await settled(bot.runtime)
    assert [got(m, "R-0001") for m in MANAGERS] == [0, 0]
    await core.tick(new_york_morning)
    await settled(bot.runtime)
    assert [got(m, "R-0001") for m in MANAGERS] == [0, 1]  # Kolkata's evening: not there
