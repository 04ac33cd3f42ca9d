"""A company on Slack and Teams with its social media team on Slack only: what Teams people
report or ask reaches that team, and its answers come back to them on Teams. Signed Slack
requests and Teams activities through one running bot, against the fake Slack and the fake
Bot Connector."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from handlers.actions import GUIDELINES_ASK_TEAM
from handlers.reports import ids
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.bot_work import recorded, settled
from tests.fakes.slack_requests import post_json, wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import CHANNEL, LINK, MANAGERS, card_buttons, press
from tests.teams.conftest import cards_in, load_activity, objects_in

PERSONAL = "teams-message-personal.json"  # Megan Bowen writes to the bot
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
QUESTION = "How do I book a meeting room?"


@pytest.fixture
async def connector() -> AsyncIterator[FakeBotConnector]:
    async with FakeBotConnector() as fake:
        yield fake


@pytest.fixture
async def bot(make_slack_bot: Any) -> Any:
    return await make_slack_bot(
        escalation_channel=CHANNEL,
        social_media_managers=MANAGERS,  # Slack ids: nobody on Teams
        slack_channel_rate=100.0,
        teams_conversation_rate=100.0,
        insights="off",
        teams_emulator=True,  # Teams without auth, from this machine
    )


async def from_teams(bot: Any, connector: FakeBotConnector, **changes: Any) -> Any:
    """POST Megan's personal message (with `changes`) to the Teams endpoint."""
    activity = load_activity(PERSONAL, connector.url, **changes)
    response = await bot.post("/api/messages", json=activity)
    assert response.status == 200
    return await response.json() if response.content_type == "application/json" else None


def said_to_megan(connector: FakeBotConnector) -> list[str]:
    """What Megan got on Teams, one string per message."""
    return [json.dumps(call.activity) for call in connector.sent]


async def test_a_teams_report_reaches_the_team_on_slack_and_its_news_comes_back(
    bot: Any, slack: FakeSlack, connector: FakeBotConnector
) -> None:
    await from_teams(bot, connector, text=f"report {LINK} rude reply to our launch post")

    [receipt] = said_to_megan(connector)
    assert "R-0001 is with the social media team" in receipt
    assert "No social media team" not in receipt
    card = await card_buttons(slack)
    [posted] = slack.messages_in(CHANNEL)
    assert LINK in json.dumps(posted.blocks) and "Megan Bowen" in json.dumps(posted.blocks)

    # A manager on Slack presses Acknowledge: the card there changes, Megan hears on Teams.
    await press(bot, slack, card[ids.ACKNOWLEDGE], user=MANAGERS[0])
    [edit] = await wait_for_call(slack, "chat.update")
    assert edit["channel"] == CHANNEL and "Acknowledged" in json.dumps(edit["blocks"])
    await settled(bot.runtime)
    told = said_to_megan(connector)[1:]
    assert len(told) == 1 and "has seen your report R-0001" in told[0]
    assert [c for c in connector.sent if c.method == "send"]  # sent to her chat, not replied

    # Assigned on Slack: the card and Megan name the manager as Slack names them.
    await press(bot, slack, card[ids.ASSIGN_ME], user=MANAGERS[0])
    edits = await wait_for_call(slack, "chat.update", 2)
    assert f"assigned to User {MANAGERS[0]}" in json.dumps(edits[1]["blocks"])
    await settled(bot.runtime)
    assert f"User {MANAGERS[0]} is handling your report R-0001" in said_to_megan(connector)[2]


async def test_a_teams_question_for_the_team_is_answered_from_slack(
    bot: Any, slack: FakeSlack, connector: FakeBotConnector
) -> None:
    await from_teams(bot, connector, text=QUESTION)
    [ask] = [
        node
        for card in cards_in(connector.sent[-1].activity)
        for node in objects_in(card)
        if node.get("type") == "Action.Execute"
        and node["data"].get("action_id") == GUIDELINES_ASK_TEAM
    ]
    value = {"action": {"type": "Action.Execute", "verb": ask["verb"], "data": ask["data"]}}
    body = await from_teams(bot, connector, type="invoke", name="adaptiveCard/action", value=value)
    assert "passed your question" in json.dumps(body)
    await recorded(bot.runtime)
    [forwarded] = slack.messages_in(CHANNEL)
    assert QUESTION in json.dumps(forwarded.blocks)
    assert "guidelines_answer" in json.dumps(forwarded.blocks)  # the managers' Answer button

    reply = {
        "type": "message",
        "channel": CHANNEL,
        "channel_type": "channel",
        "user": MANAGERS[0],
        "text": "Use the booking page on the intranet.",
        "ts": "1700000001.000100",
        "thread_ts": forwarded.ts,
    }
    envelope = {"type": "event_callback", "team_id": "T111", "api_app_id": "A111",
                "event_id": "Ev1", "event_time": 2, "event": reply}  # fmt: skip
    assert (await post_json(bot, envelope)).status == 200
    [edit] = await wait_for_call(slack, "chat.update")
    assert "Use the booking page" in json.dumps(edit["blocks"])
    await settled(bot.runtime)
    answered = [text for text in said_to_megan(connector) if "team answered your question" in text]
    assert len(answered) == 1 and "Use the booking page" in answered[0]


async def test_a_teams_report_made_while_the_database_is_locked_is_kept_and_filed_after(
    bot: Any, slack: FakeSlack, connector: FakeBotConnector
) -> None:
    # Review10b O4: another program holds the database's write lock (a backup script).
    await from_teams(bot, connector, text="hello")  # Megan is known to the directory
    db = bot.runtime.db
    holder = sqlite3.connect(db.execute("PRAGMA database_list").fetchone()[2])
    holder.execute("BEGIN IMMEDIATE")
    try:
        await from_teams(bot, connector, text=f"report {LINK} rude reply to our launch post")
    finally:
        holder.rollback()
        holder.close()
    assert "it is kept and filed as soon as the database is free" in said_to_megan(connector)[-1]
    assert db["reports"].count == 0

    await bot.runtime.core.tick(datetime.now(UTC))
    await settled(bot.runtime)
    assert "is filed now" in said_to_megan(connector)[-1]
    assert "R-0001 is with the social media team" in said_to_megan(connector)[-1]
    assert LINK in json.dumps(slack.messages_in(CHANNEL)[0].blocks)
