"""A flood of refused requests writes one log line, then a count a minute (review8b M): an
anonymous client cannot fill the disk."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from bot.repeats import Repeated
from tests.teams.conftest import BOT_APP_ID, MakeTeams

FLOOD = 25


def bot_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the bot logged at INFO and above."""
    return [r.getMessage() for r in caplog.records if r.name.startswith("bot")]


async def test_unsigned_slack_requests_are_logged_once(
    make_slack_bot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = await make_slack_bot()
    caplog.clear()
    for number in range(FLOOD):
        body = (
            b"\xff" if number % 5 == 0 else b"token=x&command=/socialbot"
        )  # not UTF-8, or unsigned
        response = await client.post("/slack/events", data=body)
        assert response.status in (400, 401)

    assert bot_lines(caplog) == ["refused a Slack request without a valid signature"]
    assert (await client.runtime.slack.health())["rejected_requests"] == FLOOD


async def test_teams_requests_without_a_token_are_logged_once(
    make_teams: MakeTeams, caplog: pytest.LogCaptureFixture
) -> None:
    teams = await make_teams(microsoft_app_id=BOT_APP_ID, microsoft_app_password="s")
    caplog.clear()
    for _ in range(FLOOD):
        response = await teams.client.post("/api/messages", json={"type": "message"})
        assert response.status == 401

    assert bot_lines(caplog) == ["rejected a Teams request"]
    assert teams.bot.health()["rejected_requests"] == FLOOD


async def test_forged_share_links_are_logged_once(
    make_teams: MakeTeams, caplog: pytest.LogCaptureFixture
) -> None:
    teams = await make_teams(public_url="https://bot.example.com")
    caplog.set_level(logging.INFO)
    caplog.clear()
    for number in range(FLOOD):
        response = await teams.client.get(f"/share/bm9uc2Vuc2U.A{number}")
        assert response.status == 400

    assert bot_lines(caplog) == ["refused a share link"]


async def test_a_flood_that_goes_on_is_counted_once_a_minute(
    caplog: pytest.LogCaptureFixture,
) -> None:
    log = logging.getLogger("bot.test")
    every = 0.05  # a minute in the bot
    refusals = Repeated(log, "refused one", "refused {count} in the last minute", every=every)
    for _ in range(10):
        refusals.note()
    await asyncio.sleep(every * 1.5)
    for _ in range(3):
        refusals.note()
    await asyncio.sleep(every * 3)  # the last count is written, then a quiet minute
    refusals.note()

    assert bot_lines(caplog) == [
        "refused one",
        "refused 9 in the last minute",
        "refused 3 in the last minute",
        "refused one",
    ]
