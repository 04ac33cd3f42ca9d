"""The only social media manager left the company (deactivated in Slack, the settings still name
them; no team channel): a report is kept for them, the log and /healthz say which setting to
edit, and the reporter is not told the team has it. Signed Slack requests against the fake Web
API, whose DMs to `inactive` users answer account_inactive as Slack does."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime
from typing import Any

import pytest

from handlers.reports.ids import ACKNOWLEDGE
from handlers.views import Message
from tests.fakes.bot_work import settled
from tests.fakes.slack_requests import buttons, calls, wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import LINK, press, report
from tests.reports.test_refused_channel import messages_for

GONE = "WGONE"
ACTIVE = "WMGR1"
SETTING = "SOCIALBOT_SOCIAL_MEDIA_MANAGERS"
WAITS = "It reaches the social media team as soon as the bot can reach them"


async def held(bot: Any, count: int) -> None:
    """Wait until `count` messages are kept for the gone manager."""
    for _ in range(500):
        if sum(n for *_, n in bot.runtime.delivery.ledger.held()) == count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"not {count} message(s) kept: {bot.runtime.delivery.ledger.held()}")


async def warnings(bot: Any) -> list[str]:
    """The /healthz warnings about the managers' setting."""
    lines = (await (await bot.get("/healthz")).json())["warnings"]
    return [line for line in lines if SETTING in line]


async def test_the_only_managers_card_is_kept_and_the_setting_is_named(
    make_slack_bot: Any, slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    slack.inactive.add(GONE)
    bot = await make_slack_bot(social_media_managers=[GONE], insights="off")

    first = await report(bot, f"{LINK} calls our product a scam")
    assert "R-0001 is with the social media team" in first["text"]  # nobody knew yet
    await held(bot, 1)
    [follow_up] = await messages_for(slack, "W111")
    assert f"Your report R-0001 is saved. {WAITS}" in follow_up.text
    [warning] = [r for r in caplog.records if "manager's DM refuses" in r.getMessage()]
    assert warning.levelno == logging.WARNING
    assert warning.manager == GONE and warning.reason == "account_inactive"  # type: ignore[attr-defined]
    assert SETTING in warning.fix  # type: ignore[attr-defined]
    [line] = await warnings(bot)
    assert line.startswith(f"{SETTING}: {GONE} is deactivated in Slack") and "1 message(s)" in line

    # Now it is known: the receipt says so, and no word follows.
    second = await report(bot, "https://x.com/other/status/1790000000000000002", user="W222")
    assert f"R-0002 is saved. {WAITS}" in second["text"]
    assert "with the social media team" not in second["text"]
    await held(bot, 2)
    await bot.runtime.settle()
    assert slack.messages_in(GONE) == [] and slack.messages_in("W222") == []
    assert len([r for r in caplog.records if "manager's DM refuses" in r.getMessage()]) == 1

    # The account is reactivated: the kept cards go at the next start; the warning is gone.
    slack.inactive.discard(GONE)
    await bot.runtime.delivery.stop()
    await bot.runtime.delivery.start()
    await held(bot, 0)
    await settled(bot.runtime)
    assert len(slack.messages_in(GONE)) == 2
    assert await warnings(bot) == []


async def test_another_active_manager_still_gets_the_report(
    make_slack_bot: Any, slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    slack.inactive.add(GONE)
    bot = await make_slack_bot(social_media_managers=[ACTIVE, GONE], insights="off")
    await report(bot, f"{LINK} calls our product a scam")
    await held(bot, 1)
    await bot.runtime.settle()

    assert "calls our product a scam" in str(slack.messages_in(ACTIVE)[0].blocks)
    assert slack.messages_in("W111") == []  # the team has it: no word follows
    second = await report(bot, "https://x.com/other/status/1790000000000000002", user="W222")
    assert "R-0002 is with the social media team" in second["text"]
    [line] = await warnings(bot)
    assert GONE in line and ACTIVE not in line


async def test_a_manager_the_member_list_says_left_is_absent_before_any_card_is_refused(
    make_slack_bot: Any, slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    slack.users = {
        GONE: {"id": GONE, "name": "gone", "deleted": True},
        "W111": {"id": "W111", "name": "alice"},
    }
    slack.inactive.add(GONE)
    bot = await make_slack_bot(social_media_managers=[GONE], admins=["W333"], insights="off")
    await bot.runtime.sync_people_daily(datetime.now(UTC))
    await bot.runtime.finish_background()
    said = f"{SETTING}: {GONE} left Slack (deactivated or gone from its member list); nobody gets"
    [warning] = [r for r in caplog.records if r.getMessage().startswith(said)]
    assert warning.levelno == logging.WARNING
    [line] = await warnings(bot)
    assert line.startswith(said) and line.endswith("name an active manager there")

    receipt = await report(bot, f"{LINK} calls our product a scam")
    assert "the managers named have left), so nobody has seen it" in receipt["text"]
    # fix13a: the employee was told to set two settings; they are told whom to tell.
    assert "please tell whoever runs this bot" in receipt["text"]
    assert "SOCIALBOT_" not in json.dumps(receipt)
    by_admin = await report(bot, "https://x.com/other/status/1790000000000000002", user="W333")
    assert (
        "set SOCIALBOT_ESCALATION_CHANNEL or SOCIALBOT_SOCIAL_MEDIA_MANAGERS" in (by_admin["text"])
    )
    await bot.runtime.settle()
    assert calls(slack, "chat.postMessage") == []  # nothing was tried

    # The admin names an active manager; at the next start the card goes to them.
    await bot.runtime.delivery.stop()
    new = await make_slack_bot(social_media_managers=[ACTIVE], insights="off")
    await new.runtime.core.tick(datetime.now(UTC))
    [card] = await messages_for(slack, ACTIVE)
    assert "calls our product a scam" in str(card.blocks)


async def test_kept_cards_go_to_the_manager_named_instead_and_digests_are_not_kept(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    slack.inactive.add(GONE)  # deactivated; the member list has not said so yet
    bot = await make_slack_bot(social_media_managers=[GONE], insights="off")
    await report(bot, f"{LINK} calls our product a scam")
    await held(bot, 1)
    # A deactivated person needs no digest: theirs fails as anyone's does, it is not kept.
    bot.runtime.delivery.enqueue("slack", [GONE], "digest", "2026-12-07", Message("Your picks"))
    for _ in range(500):
        if bot.runtime.delivery.ledger.counts("digest", "2026-12-07")["failed"] == 1:
            break
        await asyncio.sleep(0.01)
    assert bot.runtime.delivery.ledger.counts("digest", "2026-12-07")["failed"] == 1
    await held(bot, 1)

    # The admin names an active manager; at the next start the kept card goes to them, and
    # their buttons edit it in place.
    await bot.runtime.delivery.stop()
    new = await make_slack_bot(social_media_managers=[ACTIVE], insights="off")
    [card] = await messages_for(slack, ACTIVE)
    assert "calls our product a scam" in str(card.blocks)
    await held(new, 0)
    await settled(new.runtime)
    assert slack.messages_in(GONE) == []
    health = (await (await new.get("/healthz")).json())["warnings"]
    assert [line for line in health if GONE in line] == []
    [acknowledge] = [b for b in buttons(card.blocks) if b["action_id"] == ACKNOWLEDGE]
    await press(new, slack, acknowledge, ACTIVE)
    [edit] = await wait_for_call(slack, "chat.update")
    assert "Acknowledged" in str(edit["blocks"])
