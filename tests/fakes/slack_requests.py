"""Requests as Slack sends them to the bot: signed slash commands, events and interactions."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any
from urllib.parse import urlencode

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient
from slack_sdk.signature import SignatureVerifier

from tests.fakes.slack_web_api import FakeSlack

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # the signing secret of Slack's documentation example


def signed(body: str, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    """The signature headers Slack adds to `body`."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    assert signature is not None
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}


def slash(
    command: str,
    text: str,
    user: str = "W111",
    channel: str = "C111",
    response_url: str = "https://hooks.slack.com/commands/T111/111/xxxxx",
) -> str:
    """A slash command body (shape of bolt-python's tests/scenario_tests/test_slash_command.py);
    a late answer goes to `response_url`."""
    return urlencode(
        {
            "token": "verification_token",
            "team_id": "T111",
            "team_domain": "test-domain",
            "channel_id": channel,
            "channel_name": "random",
            "user_id": user,
            "user_name": "primary-owner",
            "command": command,
            "text": text,
            "response_url": response_url,
            "trigger_id": "111.111.xxx",
        }
    )


def interaction(payload: dict[str, Any]) -> str:
    """An interactivity body: the payload as JSON in a form field."""
    return urlencode({"payload": json.dumps(payload)})


def _interaction(kind: str, user: str, **fields: Any) -> str:
    """An interaction payload of `kind` from `user`, with Slack's common fields."""
    return interaction(
        {
            "type": kind,
            "team": {"id": "T111", "domain": "test"},
            "user": {"id": user, "username": user.lower(), "team_id": "T111"},
            "api_app_id": "A111",
            "token": "verification_token",
            "trigger_id": "111.222.valid",
            **fields,
        }
    )


def block_action(
    button: dict[str, Any], response_url: str, user: str = "W111", channel: str = "C111"
) -> str:
    """Pressing a Block Kit `button` (shape of bolt-python's block_actions tests)."""
    action = {
        "action_id": button["action_id"],
        "block_id": "b",
        "text": button["text"],
        "value": button.get("value", ""),
        "type": "button",
        "action_ts": "1596530385.194939",
        **({"url": button["url"]} if "url" in button else {}),
    }
    return _interaction(
        "block_actions",
        user,
        channel={"id": channel, "name": "random"},
        container={"type": "message", "channel_id": channel, "message_ts": "1.000001"},
        response_url=response_url,
        actions=[action],
    )


def view_submission(view: dict[str, Any], values: dict[str, Any], user: str = "W111") -> str:
    """Submitting the modal `view` (as the bot opened it) with `values` as Slack reports them,
    e.g. {"link": {"type": "url_text_input", "value": "https://x.test"}} keyed by block id."""
    submitted = {
        **view,
        "id": "V111",
        "state": {"values": {block: {block: value} for block, value in values.items()}},
    }
    return _interaction("view_submission", user, view=submitted)


def message_shortcut(
    callback_id: str,
    text: str,
    author: str = "U0AUTHOR",
    user: str = "W111",
    channel: str = "C111",
    response_url: str = "https://hooks.slack.com/app/T111/111/xxx",
    files: list[dict[str, Any]] | None = None,
) -> str:
    """Choosing the message shortcut `callback_id` on a message (bolt-python's shortcut tests),
    with the `files` Slack sends for a message that has some."""
    message = {"type": "message", "user": author, "text": text, "ts": "1610198070.000100"}
    return _interaction(
        "message_action",
        user,
        callback_id=callback_id,
        action_ts="1610198080.300836",
        message_ts="1610198070.000100",
        channel={"id": channel, "name": "random"},
        message={**message, "files": files} if files else message,
        response_url=response_url,
    )


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every button of a message's blocks."""
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def home_opened(user: str, event_id: str) -> dict[str, Any]:
    """An Events API envelope: `user` opened the bot's App Home tab."""
    return {
        "type": "event_callback",
        "team_id": "T111",
        "api_app_id": "A111",
        "event_id": event_id,
        "event_time": 1,
        "event": {"type": "app_home_opened", "user": user, "channel": "D1", "tab": "home"},
    }


async def post_form(
    bot: TestClient[Any, Any], body: str, headers: dict[str, str] | None = None
) -> ClientResponse:
    """POST a form-encoded body to /slack/events, signed unless `headers` say otherwise."""
    headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or signed(body))}
    return await bot.post("/slack/events", data=body, headers=headers)


async def command_reply(
    bot: TestClient[Any, Any], slack: FakeSlack, command: str, text: str, **fields: str
) -> dict[str, Any]:
    """Run a slash command and return its answer as the person sees it: the acknowledgement's
    body, or, when the bot acknowledged with "Working on it…" (its answer took longer than its
    2 s budget, as on a loaded machine), the message it sent to the command's response_url (a
    path of its own on the fake, so the answers to buttons pressed later are counted apart)."""
    late = "command_respond"
    answered = len(calls(slack, late))
    response = await post_form(bot, slash(command, text, response_url=slack.url + late, **fields))
    assert response.status == 200
    body = await response.text()
    reply: dict[str, Any] = json.loads(body) if body else {}
    if reply.get("text") == "Working on it…":
        return (await wait_for_call(slack, late, answered + 1))[answered]
    return reply


async def post_json(
    bot: TestClient[Any, Any], payload: dict[str, Any], headers: dict[str, str] | None = None
) -> ClientResponse:
    """POST an Events API envelope to /slack/events, signed unless `headers` say otherwise."""
    body = json.dumps(payload)
    headers = {"Content-Type": "application/json", **(headers or signed(body))}
    return await bot.post("/slack/events", data=body, headers=headers)


def calls(slack: FakeSlack, method: str) -> list[dict[str, Any]]:
    """The parameters of every call of `method` the fake received."""
    return [params for called, params in slack.calls if called == method]


async def wait_for_call(slack: FakeSlack, method: str, count: int = 1) -> list[dict[str, Any]]:
    """Wait until `method` was called `count` times (Bolt runs listeners after the ack; a
    manager's App Home may wait for a chart to be drawn)."""
    for _ in range(2000):
        if len(calls(slack, method)) >= count:
            return calls(slack, method)
        await asyncio.sleep(0.01)
    raise AssertionError(f"the bot called {method} {len(calls(slack, method))} times, not {count}")
