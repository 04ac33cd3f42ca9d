"""A report made while Slack's queue waits (Slack asked the bot to wait, or fails for everyone):
the reporter hears it is kept and reaches the team, not that the team has it (review12b D8)."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import CHANNEL, LINK, report

OTHER_LINK = "https://x.com/someone_else/status/1790000000000000002"


async def test_a_report_while_slack_asked_to_wait_is_said_to_reach_the_team(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    slack.fail("chat.postMessage", "ratelimited", retry_after=900)
    bot = await make_slack_bot(escalation_channel=CHANNEL, insights="off")
    first = await report(bot, f"{LINK} calls our product a scam")
    assert "with the social media team" in first["text"]  # its card not tried yet
    engine = bot.runtime.delivery
    for _ in range(500):  # the card's 429 paused the workspace's queue (capped at 2 minutes)
        if engine.paused("slack"):
            break
        await asyncio.sleep(0.01)
    assert engine.paused("slack")

    second = await report(bot, f"{OTHER_LINK} calls us crooks", user="W222")

    assert "reaches the social media team as soon as the bot can reach them" in second["text"]
    assert "with the social media team" not in second["text"]
