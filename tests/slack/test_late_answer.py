"""A slash command answered late, by its response_url, where Slack refuses the answer (the URL
expired after 30 minutes or 5 uses): the bot says so in one log line instead of losing it."""

from __future__ import annotations

import asyncio
import logging

import pytest

import bot.slack.app as slack_app
from tests.fakes.slack_requests import calls, post_form, slash, wait_for_call
from tests.fakes.slack_web_api import FakeSlack


async def test_a_late_answer_slack_refuses_is_logged(
    make_slack_bot, slack: FakeSlack, caplog: pytest.LogCaptureFixture, monkeypatch
) -> None:
    monkeypatch.setattr(slack_app, "ACK_BUDGET_SECONDS", 0)  # every answer goes late
    bot = await make_slack_bot()
    slack.expired["late_answer"] = "expired_url"
    command = slash("/guidelines", "may I share our news?", response_url=slack.url + "late_answer")

    with caplog.at_level(logging.WARNING, logger="bot.slack.app"):
        acked = await post_form(bot, command)
        assert (await acked.json())["text"] == "Working on it…"
        await wait_for_call(slack, "late_answer")
        for _ in range(1000):  # the log line follows Slack's answer (other warnings may come first)
            if any("response_url" in r.getMessage() for r in caplog.records):
                break
            await asyncio.sleep(0.01)

    assert len(calls(slack, "late_answer")) == 1
    [line] = [r.getMessage() for r in caplog.records if "response_url" in r.getMessage()]
    assert "Slack refused the late answer at the response_url (HTTP 404 expired_url)" in line
