"""The team's channel refuses the bot (nobody typed `/invite @socialbot`): nothing reported is
lost. Signed Slack requests against the fake Web API, which answers not_in_channel until the
bot is invited."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any

import pytest

from handlers.actions import GUIDELINES_ASK_TEAM
from handlers.reports import ids
from tests.fakes.bot_work import settled
from tests.fakes.slack_requests import buttons, command_reply, wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import CHANNEL, LINK, MANAGERS, messages_to, press, report

OTHER_LINK = "https://x.com/someone_else/status/1790000000000000002"


def refusals(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.getMessage().startswith("the team's channel refuses")]


async def warnings(bot: Any) -> list[str]:
    """The /healthz warnings about the channel."""
    lines = (await (await bot.get("/healthz")).json())["warnings"]
    return [line for line in lines if CHANNEL in line]


async def held(bot: Any) -> list[tuple[str, str, str, int]]:
    """Wait until the card is held for the channel; what the ledger holds."""
    for _ in range(500):
        if rows := bot.runtime.delivery.ledger.held():
            return list(rows)
        await asyncio.sleep(0.01)
    raise AssertionError("nothing was held for the channel")


async def test_the_managers_get_the_card_while_the_bot_is_not_in_the_channel(
    make_slack_bot: Any, slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    slack.outside.add(CHANNEL)
    bot = await make_slack_bot(
        escalation_channel=CHANNEL, social_media_managers=MANAGERS, insights="off"
    )
    receipt = await report(bot, f"{LINK} calls our product a scam")
    await settled(bot.runtime)

    assert "with the social media team" in receipt["text"]
    assert messages_to(slack, CHANNEL) and slack.messages_in(CHANNEL) == []
    for manager in MANAGERS:
        assert "calls our product a scam" in str(slack.messages_in(manager)[0].blocks)
    [warning] = refusals(caplog)
    assert warning.levelno == logging.WARNING
    assert (warning.channel, warning.reason) == (CHANNEL, "not_in_channel")  # type: ignore[attr-defined]
    assert "/invite @socialbot" in warning.fix  # type: ignore[attr-defined]
    [line] = await warnings(bot)
    assert CHANNEL in line and "/invite @socialbot" in line and "managers" in line
    # A manager acknowledges it: the managers' cards change, as the channel's would have.
    card = slack.messages_in(MANAGERS[0])[0]
    acknowledge = {b["action_id"]: b for b in buttons(card.blocks)}[ids.ACKNOWLEDGE]
    await press(bot, slack, acknowledge, user=MANAGERS[0])
    edits = await wait_for_call(slack, "chat.update", len(MANAGERS))
    assert {edit["channel"] for edit in edits} == {slack.dm_channel(m) for m in MANAGERS}

    slack.invite(CHANNEL)
    await report(bot, OTHER_LINK, user="W222")
    await settled(bot.runtime)

    assert OTHER_LINK in str(slack.messages_in(CHANNEL)[0].blocks)
    assert await warnings(bot) == []
    assert len(refusals(caplog)) == 1


@pytest.mark.parametrize("back", ["at the next start", "on a later try", "with the next card"])
async def test_with_no_managers_the_card_waits_for_the_invitation(
    make_slack_bot: Any, slack: FakeSlack, caplog: pytest.LogCaptureFixture, back: str
) -> None:
    slack.outside.add(CHANNEL)
    bot = await make_slack_bot(escalation_channel=CHANNEL, insights="off")
    delivery = bot.runtime.delivery
    if back == "on a later try":
        delivery.policy = dataclasses.replace(delivery.policy, hold_first=0.05, hold_cap=0.2)
    await report(bot, f"{LINK} calls our product a scam")

    [(_, recipient, reason, count)] = await held(bot)
    assert (recipient, count) == (CHANNEL, 1) and reason.startswith("not_in_channel")
    [line] = await warnings(bot)
    assert CHANNEL in line and "1 message(s) kept" in line and "/invite @socialbot" in line
    assert len(refusals(caplog)) == 1

    slack.invite(CHANNEL)
    if back == "at the next start":
        await delivery.stop()
        await delivery.start()
    elif back == "with the next card":
        await report(bot, OTHER_LINK, user="W222")
    for _ in range(500):
        if slack.messages_in(CHANNEL) and not delivery.ledger.held():
            break
        await asyncio.sleep(0.01)
    await settled(bot.runtime)

    assert "calls our product a scam" in str([m.blocks for m in slack.messages_in(CHANNEL)])
    assert await warnings(bot) == []
    assert len(refusals(caplog)) == 1


async def test_the_reporter_hears_the_report_waits_for_the_channel(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    slack.outside.add(CHANNEL)
    bot = await make_slack_bot(escalation_channel=CHANNEL, insights="off", slack_channel_rate=100.0)
    waits = "It reaches the social media team as soon as the bot can reach them"

    # Nobody knows yet that the channel refuses the bot: a word follows once it does.
    first = await report(bot, f"{LINK} calls our product a scam")
    assert "R-0001 is with the social media team" in first["text"]
    await held(bot)
    [follow_up] = await messages_for(slack, "W111")
    assert f"Your report R-0001 is saved. {waits}" in follow_up.text

    # Now it is known: the receipt says so, and no word follows.
    second = await report(bot, OTHER_LINK, user="W222")
    assert f"R-0002 is saved. {waits}" in second["text"]
    assert "with the social media team" not in second["text"]
    for _ in range(500):
        if _held_count(bot) == 2:
            break
        await asyncio.sleep(0.01)
    assert _held_count(bot) == 2

    slack.invite(CHANNEL)
    await bot.runtime.delivery.stop()
    await bot.runtime.delivery.start()  # at the next start, the cards go
    await settled(bot.runtime)
    assert len(slack.messages_in(CHANNEL)) == 2
    assert slack.messages_in("W222") == [] and len(slack.messages_in("W111")) == 1


def _held_count(bot: Any) -> int:
    return sum(count for *_, count in bot.runtime.delivery.ledger.held())


async def messages_for(slack: FakeSlack, user: str) -> list[Any]:
    """The messages in `user`'s chat with the bot, once there is one."""
    for _ in range(500):
        if found := slack.messages_in(user):
            return list(found)
        await asyncio.sleep(0.01)
    raise AssertionError(f"nothing came to {user}")


async def test_a_question_for_the_team_says_it_waits_for_the_channel(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    slack.outside.add(CHANNEL)
    bot = await make_slack_bot(escalation_channel=CHANNEL, insights="off", slack_channel_rate=100.0)
    await report(bot, f"{LINK} calls our product a scam")
    await held(bot)  # the bot now knows the channel refuses it

    # On a loaded machine the answer comes late, at the command's response_url.
    reply = await command_reply(bot, slack, "/guidelines", "How do I book a meeting room?")
    [ask] = [b for b in buttons(reply["blocks"]) if b["action_id"] == GUIDELINES_ASK_TEAM]
    await press(bot, slack, ask, user="W111")
    [answer] = await wait_for_call(slack, "respond")
    assert "saved your question for the social media team: it reaches them as soon as" in str(
        answer
    )
    assert "passed your question" not in str(answer)
