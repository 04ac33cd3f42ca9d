"""The bot over signed Slack requests against the fake Web API, with reports registered."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.fakes.slack_requests import (
    block_action,
    buttons,
    calls,
    post_form,
    slash,
    view_submission,
    wait_for_call,
)
from tests.fakes.slack_web_api import FakeSlack

MANAGERS = ["WMGR1", "WMGR2"]
CHANNEL = "CSOCIAL"
LINK = "https://x.com/angry_customer/status/1790000000000000001"
# Files sent with a report, as Slack and Teams describe them (sources in the file).
ATTACHMENTS = json.loads((Path(__file__).parent / "attachments.json").read_text())
SHOT = ATTACHMENTS["slack_file"]


@pytest.fixture
async def bot(make_slack_bot: Any) -> Any:
    return await make_slack_bot(
        escalation_channel=CHANNEL,
        social_media_managers=MANAGERS,
        slack_channel_rate=100.0,  # no pacing waits in tests
        insights="off",  # the weekly message would join the team's messages on some weekdays
        reminder_hours="always",  # the tests run at any hour (working hours: test_reminders)
    )


async def report(bot: Any, text: str, user: str = "W111") -> dict[str, Any]:
    """Run `/report-mention text`; the immediate answer, or {} when a form opens instead."""
    response = await post_form(bot, slash("/report-mention", text, user=user))
    assert response.status == 200
    body = await response.text()
    return dict(json.loads(body)) if body else {}


async def opened_view(slack: FakeSlack, count: int = 1) -> dict[str, Any]:
    """The view of the `count`-th views.open call."""
    return dict((await wait_for_call(slack, "views.open", count))[count - 1]["view"])


def inputs(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The modal's input elements by block id."""
    return {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}


def text_value(value: str) -> dict[str, Any]:
    return {"type": "plain_text_input", "value": value}


def selected(value: str | None) -> dict[str, Any]:
    option = {"value": value, "text": {"type": "plain_text", "text": value}} if value else None
    return {"type": "static_select", "selected_option": option}


async def submit(
    bot: Any, view: dict[str, Any], values: dict[str, Any], user: str = "W111"
) -> dict[str, Any]:
    """Submit a modal; the JSON answer (`response_action`) or {} for a plain ack."""
    response = await post_form(bot, view_submission(view, values, user=user))
    assert response.status == 200
    body = await response.text()
    return dict(json.loads(body)) if body else {}


def messages_to(slack: FakeSlack, channel: str) -> list[dict[str, Any]]:
    """chat.postMessage calls addressed to `channel` (a channel or user id)."""
    return [c for c in calls(slack, "chat.postMessage") if c["channel"] == channel]


async def card_buttons(slack: FakeSlack, count: int = 1) -> dict[str, dict[str, Any]]:
    """The buttons of the `count`-th card in the escalation channel, by action id."""
    await wait_for_call(slack, "chat.postMessage", count)
    cards = messages_to(slack, CHANNEL)
    return {b["action_id"]: b for b in buttons(cards[count - 1]["blocks"])}


async def press(bot: Any, slack: FakeSlack, button: dict[str, Any], user: str) -> None:
    response = await post_form(bot, block_action(button, slack.url + "respond", user=user))
    assert response.status == 200


async def responded(slack: FakeSlack, count: int = 1) -> dict[str, Any]:
    """What the bot sent to the interaction's response URL the `count`-th time."""
    found = await wait_for_call(slack, "respond", count)
    return found[count - 1]
