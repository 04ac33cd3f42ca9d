"""Slack serves only the company: a partner's person in a Slack Connect channel (another
workspace than auth.test's) gets one line and leaves no trace, as on Teams."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest

from tests.fakes.bot_work import settled
from tests.fakes.slack_requests import block_action, calls, post_form, post_json, slash
from tests.fakes.slack_web_api import TEAM_ID, FakeSlack

OUTSIDER = "U0EXTERNAL"
OTHER_ORG = "T0OTHERORG"
REFUSAL = "socialbot is for the people of Nordlys only."


def from_team(body: str, team: str, **fields: str) -> str:
    """A slash command body as Slack sends it for someone of workspace `team`."""
    return urlencode({**dict(parse_qsl(body)), "team_id": team, **fields})


def event(kind: str, event_id: str, user: str = OUTSIDER, **fields: Any) -> dict[str, Any]:
    """An Events API envelope delivered to the bot's workspace, sent by `user`."""
    message = {"type": kind, "user": user, "text": "<@U0BOT> hi", "ts": "1.2", **fields}
    return {
        "type": "event_callback",
        "team_id": TEAM_ID,
        "api_app_id": "A111",
        "event_id": event_id,
        "event_time": 1,
        "event": {"channel": "C0SHARED", **message},
    }


def stored(bot: Any) -> list[str]:
    return [row["user_id"] for row in bot.runtime.db.table("people").rows]


async def test_an_outsiders_commands_get_one_line_and_nothing_is_stored(
    make_slack_bot: Any, slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await make_slack_bot(
        company_names=["Nordlys"], escalation_channel="CSOCIAL", slack_teams=["T0SISTER"]
    )

    for command, text in [
        ("/guidelines", "can I post a photo of the office?"),
        ("/report-mention", "https://x.com/z/status/42 from outside"),
        ("/socialbot", "digest"),
    ]:
        body = from_team(slash(command, text, user=OUTSIDER), OTHER_ORG)
        response = await post_form(bot, body)
        assert (await response.json()) == {"response_type": "ephemeral", "text": REFUSAL}
    button = {"action_id": "digest_more", "text": {"type": "plain_text", "text": "More"}}
    pressed = json.loads(dict(parse_qsl(block_action(button, slack.url + "respond")))["payload"])
    pressed["user"] = {"id": OUTSIDER, "username": "ext", "team_id": OTHER_ORG}
    await post_form(bot, urlencode({"payload": json.dumps(pressed)}))
    await post_json(bot, event("app_mention", "Ev1", user_team=OTHER_ORG, team=OTHER_ORG))
    await post_json(bot, event("message", "Ev2", channel_type="im", team=OTHER_ORG))
    await post_json(bot, event("message", "Ev3", channel_type="channel", user_team=OTHER_ORG))
    await settled(bot.runtime)

    assert [call["text"] for call in calls(slack, "respond")] == [REFUSAL]
    assert [call["text"] for call in calls(slack, "chat.postEphemeral")] == [REFUSAL] * 2
    assert calls(slack, "users.info") == calls(slack, "chat.postMessage") == []
    assert stored(bot) == []
    assert bot.runtime.db.table("reports").count == 0
    assert bot.runtime.db.table("unanswered").count == 0  # refused: nobody to tell at a restart
    # Logged once, then counted: a busy shared channel does not flood the log.
    refused = [r for r in caplog.records if "of another organisation" in r.getMessage()]
    assert len(refused) == 1
    # The company's own people, and a further workspace of the company, are served.
    for team in (TEAM_ID, "T0SISTER"):
        response = await post_form(bot, from_team(slash("/socialbot", "help"), team))
        assert REFUSAL not in await response.text()


async def test_a_stranger_by_users_info_is_refused_and_never_stored(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    slack.users[OUTSIDER] = {"id": OUTSIDER, "team_id": OTHER_ORG, "name": "ext",
                             "is_stranger": True, "profile": {"real_name": "Outsider"}}  # fmt: skip
    slack.users["W111"] = {"id": "W111", "team_id": TEAM_ID, "name": "w", "profile": {}}
    slack.users["W222"] = {"id": "W222", "team_id": "T0GRIDSIB", "name": "g", "profile": {},
                           "enterprise_user": {"enterprise_id": "E0NORDLYS"}}  # fmt: skip
    bot = await make_slack_bot(slack_teams=["E0NORDLYS"])

    # A DM whose event names no team: users.info tells.
    await post_json(bot, event("message", "Ev4", channel="D0EXT", channel_type="im"))
    await settled(bot.runtime)
    assert await bot.runtime.slack.sync_people()

    [refusal] = calls(slack, "chat.postEphemeral")
    assert refusal["text"] == "socialbot is for the people of Fake only."  # the workspace's name
    assert sorted(stored(bot)) == ["W111", "W222"]


async def test_a_colleague_in_another_workspace_of_the_grid_org_is_served(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    # On Enterprise Grid a DM's event names the sender's own workspace only, not the org.
    slack.enterprise_id = "E0NORDLYS"
    slack.users["W333"] = {"id": "W333", "team_id": "T0GRIDSIB", "name": "g", "profile": {},
                           "enterprise_user": {"enterprise_id": "E0NORDLYS"}}  # fmt: skip
    bot = await make_slack_bot()
    assert await bot.runtime.slack.sync_people()
    assert "W333" in stored(bot)

    dm = event("message", "Ev5", user="W333", channel="D0SIB", channel_type="im", text="hi")
    await post_json(bot, {**dm, "event": {**dm["event"], "team": "T0GRIDSIB"}})
    await settled(bot.runtime)

    assert calls(slack, "chat.postEphemeral") == []  # no refusal
    assert [call["channel"] for call in calls(slack, "chat.postMessage")] == ["W333"]


async def test_a_team_channel_others_can_read_is_warned_of_once(
    make_slack_bot: Any, slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    # review13a S9: report cards name reporters; a public or Slack Connect channel was taken as
    # it was, unwarned.
    slack.public.add("C0SOCIAL")
    bot = await make_slack_bot(escalation_channel="C0SOCIAL")
    runtime = bot.runtime

    async def warned(day: int) -> list[str]:
        """The /healthz warnings about the channel after the daily sync of `day`."""
        await runtime.sync_people_daily(datetime.now(UTC) + timedelta(days=day))
        await runtime.finish_background()
        lines = (await (await bot.get("/healthz")).json())["warnings"]
        return [line for line in lines if "C0SOCIAL" in line]

    public = "SOCIALBOT_ESCALATION_CHANNEL C0SOCIAL is public: anyone in the workspace can join"
    assert [line[: len(public)] for line in await warned(0)] == [public]
    assert "make it a private channel of the company alone" in (await warned(1))[0]
    logged = [r for r in caplog.records if r.getMessage().startswith(public)]
    assert [r.levelno for r in logged] == [logging.WARNING]  # once, not at each sync
    slack.public.clear()
    slack.external.add("C0SOCIAL")
    assert "is shared with another organisation (Slack Connect)" in (await warned(2))[0]
    slack.external.clear()
    assert await warned(3) == []  # private and the company's alone
