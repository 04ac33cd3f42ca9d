"""Roles from Slack user groups: read with usergroups.users.list, checked on signed requests."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.app import Runtime
from bot.slack.manifest import manifest
from handlers.people import Role
from tests.conftest import SlackBotFactory
from tests.fakes.bot_work import settled
from tests.fakes.slack_requests import calls, post_form, slash, wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import (
    CHANNEL,
    LINK,
    card_buttons,
    messages_to,
    press,
    report,
    responded,
)

MANAGERS = "S0SOCIAL"
ANNOUNCERS = "S0NEWS"


@pytest.fixture
async def bot(make_slack_bot: SlackBotFactory, slack: FakeSlack) -> Any:
    """The bot with its managers and announcers in user groups, not yet read."""
    slack.user_groups = {MANAGERS: ["WMGR1", "WMGR2"], ANNOUNCERS: ["W0ANN"]}
    return await make_slack_bot(
        escalation_channel=CHANNEL,
        social_media_managers=[MANAGERS],
        announcers=[f"slack:{ANNOUNCERS}"],
        slack_channel_rate=100.0,  # no pacing waits in tests
    )


def managers(runtime: Runtime) -> list[str]:
    return runtime.core.roles.members(Role.MANAGER, "slack")


async def role_groups(bot: Any) -> dict[str, dict[str, Any]]:
    """The role groups as `/healthz` shows them, by group."""
    health = await (await bot.get("/healthz")).json()
    return {entry["group"]: entry for entry in health["role_groups"]}


async def test_a_group_member_triages_a_report_and_a_non_member_cannot(bot, slack) -> None:
    assert await bot.runtime.read_role_groups()
    assert sorted(call["usergroup"] for call in calls(slack, "usergroups.users.list")) == [
        ANNOUNCERS,
        MANAGERS,
    ]
    assert {call["include_disabled"] for call in calls(slack, "usergroups.users.list")} == {"0"}

    await report(bot, LINK)
    card = await card_buttons(slack)
    await press(bot, slack, card["report_acknowledge"], user="W0ANN")  # an announcer only
    assert "Only the social media managers" in (await responded(slack))["text"]
    await press(bot, slack, card["report_acknowledge"], user="WMGR2")
    (update,) = await wait_for_call(slack, "chat.update")
    assert "Acknowledged" in json.dumps(update["blocks"])
    events = [(e["kind"], e["user_id"]) for e in bot.runtime.db["report_events"].rows]
    assert events == [("acknowledged", "WMGR2")]


async def test_without_a_channel_the_group_members_get_the_card(make_slack_bot, slack) -> None:
    slack.user_groups = {MANAGERS: ["WMGR1", "WMGR2"]}
    bot = await make_slack_bot(social_media_managers=[MANAGERS], slack_channel_rate=100.0)
    await bot.runtime.read_role_groups()
    await report(bot, LINK)
    await wait_for_call(slack, "chat.postMessage", 2)
    assert [len(messages_to(slack, manager)) for manager in ("WMGR1", "WMGR2")] == [1, 1]


async def test_a_group_member_announces_and_a_non_member_is_told_who_can(bot, slack) -> None:
    await bot.runtime.read_role_groups()
    refused = await (await post_form(bot, slash("/announce", "", user="WMGR1"))).json()
    assert "Only announcers" in refused["text"] and "W0ANN" in refused["text"]
    assert calls(slack, "views.open") == []
    assert (await post_form(bot, slash("/announce", "", user="W0ANN"))).status == 200
    (opened,) = await wait_for_call(slack, "views.open")
    assert opened["view"]["callback_id"] == "announce_compose"


async def test_a_big_announcer_group_is_not_listed_to_whoever_is_refused(bot, slack) -> None:
    slack.user_groups[ANNOUNCERS] = [f"W{n:04d}" for n in range(400)]
    await bot.runtime.read_role_groups()
    refused = await (await post_form(bot, slash("/announce", "", user="WMGR1"))).json()
    assert "W0000, W0001, W0002, W0003, W0004, 395 more." in refused["text"]
    assert "W0005" not in refused["text"]


async def test_a_failed_reading_keeps_the_last_known_members(
    bot, slack, caplog: pytest.LogCaptureFixture
) -> None:
    assert await bot.runtime.read_role_groups()
    slack.user_groups[MANAGERS] = ["WMGR3"]
    slack.fail("usergroups.users.list", "missing_scope", times=2)

    with caplog.at_level(logging.ERROR, logger="handlers.groups"):
        assert await bot.runtime.read_role_groups() is False

    assert managers(bot.runtime) == ["WMGR1", "WMGR2"]
    assert bot.runtime.core.person("slack", "WMGR1").has(Role.MANAGER)
    failures = [r for r in caplog.records if getattr(r, "group", "") == f"slack:{MANAGERS}"]
    assert [(r.getMessage(), getattr(r, "kept", None)) for r in failures] == [
        ("could not read a role group; its last known members keep the role", 2)
    ]
    shown = (await role_groups(bot))[f"slack:{MANAGERS}"]
    assert shown["members"] == 2 and shown["read_at"] is not None
    assert shown["error"].startswith("missing_scope: the app lacks the usergroups:read scope")
    [warning] = [w for w in await warnings(bot) if w.startswith(f"role group slack:{MANAGERS}")]
    assert "the 2 member(s) of its last reading keep its role until 20" in warning

    caplog.clear()  # an hour later, the same failure: said again, but only as a warning
    slack.fail("usergroups.users.list", "missing_scope", times=2)
    with caplog.at_level(logging.WARNING, logger="handlers.groups"):
        assert await bot.runtime.read_role_groups() is False
    assert {r.levelname for r in caplog.records} == {"WARNING"}

    assert await bot.runtime.read_role_groups()  # the scope was added: the group is current
    assert managers(bot.runtime) == ["WMGR3"]
    assert "error" not in (await role_groups(bot))[f"slack:{MANAGERS}"]


async def test_a_deleted_group_and_one_unreadable_for_a_week_give_their_role_to_nobody(
    bot, slack, caplog: pytest.LogCaptureFixture
) -> None:
    # review13a S4: their last members kept a manager's powers for ever
    assert await bot.runtime.read_role_groups()
    del slack.user_groups[MANAGERS]  # deleted in Slack
    slack.fail("usergroups.users.list", "missing_scope")  # announcers, read first: unreadable
    eight_days = time.time() - timedelta(days=8).total_seconds()
    bot.runtime.db["role_groups"].update(("slack", ANNOUNCERS), {"read_at": eight_days})

    with caplog.at_level(logging.ERROR, logger="handlers.groups"):
        assert await bot.runtime.read_role_groups() is False

    assert managers(bot.runtime) == []
    assert bot.runtime.core.roles.members(Role.ANNOUNCER, "slack") == []
    assert not bot.runtime.core.person("slack", "WMGR1").has(Role.MANAGER)
    said = {
        getattr(r, "group", ""): (r.getMessage(), getattr(r, "dropped", 0)) for r in caplog.records
    }
    assert said == {
        f"slack:{ANNOUNCERS}": (
            "a role group is unreadable for too long: nobody holds its role through it",
            1,
        ),
        f"slack:{MANAGERS}": ("a role group is gone: nobody holds its role through it", 2),
    }
    shown = [w for w in await warnings(bot) if w.startswith("role group")]
    assert shown == [
        f"role group slack:{ANNOUNCERS} gives its role to nobody: missing_scope: the app lacks"
        " the usergroups:read scope; add it (or create the app again from `socialbot"
        " slack-manifest`) and reinstall the app",
        f"role group slack:{MANAGERS} gives its role to nobody: no_such_subteam: there is no"
        " such user group in the workspace; check its S… id",
    ]


async def warnings(bot: Any) -> list[str]:
    """The warnings `/healthz` shows."""
    found: list[str] = (await (await bot.get("/healthz")).json())["warnings"]
    return found


async def test_an_unknown_group_is_named_and_gives_nobody_the_role(
    make_slack_bot: SlackBotFactory,
) -> None:
    bot = await make_slack_bot(social_media_managers=["S0GONE", "WMGR1"])
    assert await bot.runtime.read_role_groups() is False
    assert managers(bot.runtime) == ["WMGR1"]
    shown = (await role_groups(bot))["slack:S0GONE"]
    assert shown["members"] == 0 and shown["read_at"] is None
    assert shown["error"].startswith("no_such_subteam: there is no such user group")


async def test_the_clock_reads_groups_daily_and_minutes_after_a_first_failure(bot, slack) -> None:
    runtime = bot.runtime
    morning = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    slack.fail("usergroups.users.list", "internal_error", times=2)
    await runtime.sync_people_daily(morning)
    await settled(runtime)  # the groups are read, and the attempt recorded
    assert managers(runtime) == []

    for minutes in (1, 4):  # never read: nobody holds the role, so tried again in 5 minutes
        await runtime.sync_people_daily(morning + timedelta(minutes=minutes))
    await settled(runtime)
    assert len(calls(slack, "usergroups.users.list")) == 2

    await runtime.sync_people_daily(morning + timedelta(minutes=5))
    await settled(runtime)
    assert len(calls(slack, "usergroups.users.list")) == 4
    assert managers(runtime) == ["WMGR1", "WMGR2"]
    await runtime.sync_people_daily(morning + timedelta(hours=5))
    await settled(runtime)
    assert len(calls(slack, "usergroups.users.list")) == 4

    # Read once, a failing group keeps its members and is tried again an hour later.
    slack.fail("usergroups.users.list", "internal_error", times=2)
    tomorrow = morning + timedelta(days=1)
    for minutes in (0, 5, 59):
        await runtime.sync_people_daily(tomorrow + timedelta(minutes=minutes))
        await settled(runtime)
    assert len(calls(slack, "usergroups.users.list")) == 6
    await runtime.sync_people_daily(tomorrow + timedelta(hours=1))
    await wait_for_call(slack, "usergroups.users.list", 8)


async def test_the_manifest_asks_for_the_user_groups_scope(bot) -> None:
    assert "usergroups:read" in manifest(bot.runtime.core)["oauth_config"]["scopes"]["bot"]
