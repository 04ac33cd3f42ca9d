"""A post reported again after its report was closed reopens that report (review9a R1),
through signed Slack requests and the fake Web API."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.fakes.bot_work import settled
from tests.fakes.slack_requests import buttons, calls
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import (
    CHANNEL,
    LINK,
    card_buttons,
    messages_to,
    opened_view,
    press,
    report,
    responded,
    selected,
    submit,
    text_value,
)


async def _resolve_ignored(bot: Any, slack: FakeSlack) -> None:
    card = await card_buttons(slack)
    await press(bot, slack, card["report_resolve"], user="WMGR2")
    view = await opened_view(slack)
    values = {"outcome": selected("ignored"), "note": text_value("troll account, do not engage")}
    assert await submit(bot, view, values, user="WMGR2") == {}
    await settled(bot.runtime)


async def test_a_closed_report_reported_again_is_reopened_with_its_history(bot, slack) -> None:
    await report(bot, f"{LINK} customer furious", user="W111")
    await _resolve_ignored(bot, slack)
    closed = calls(slack, "chat.update")[-1]["blocks"]
    assert [b["action_id"] for b in buttons(closed)] == ["report_reopen"]

    reply = await report(bot, f"{LINK} it is going viral now", user="W222")
    assert "reported before as R-0001" in reply["text"] and "reopens it" in reply["text"]
    await settled(bot.runtime)
    (row,) = bot.runtime.db["reports"].rows
    assert (row["status"], row["outcome"], row["closing_note"]) == ("new", None, "")

    # the team gets a new message (an edited card notifies nobody) with the history
    notice = messages_to(slack, CHANNEL)[-1]
    shown = json.dumps(notice["blocks"])
    assert "Reopened: reported again by User W222" in shown and "going viral now" in shown
    assert "Resolved: ignored on purpose, by User WMGR2" in shown and "troll account" in shown
    assert "report_acknowledge" in shown
    card = json.dumps(calls(slack, "chat.update")[-1]["blocks"])
    assert "Reported by (2)" in card and "troll account" in card and "report_resolve" in card

    mine = await report(bot, "list", user="W111")
    assert mine["text"].count("R-00") == 1


async def test_a_manager_reopens_a_closed_card(bot, slack) -> None:
    await report(bot, LINK, user="W111")
    await press(bot, slack, (await card_buttons(slack))["report_dismiss"], user="WMGR1")
    await settled(bot.runtime)
    closed = calls(slack, "chat.update")[-1]["blocks"]
    (reopen,) = buttons(closed)
    await press(bot, slack, reopen, user="WMGR2")
    assert "R-0001 reopened and assigned to you" in (await responded(slack, 2))["text"]
    await settled(bot.runtime)
    card = json.dumps(calls(slack, "chat.update")[-1]["blocks"])
    assert "Reopened by User WMGR2" in card and "Not an issue, by User WMGR1" in card
    assert "assigned to User WMGR2" in card and "report_resolve" in card
    assert "reopened your report R-0001" in messages_to(slack, "W111")[-1]["text"]


async def test_a_reporter_slack_no_longer_knows_is_not_told_again(bot, slack) -> None:
    # review11a M2's leftover: a reporter whose DM Slack answers user_not_found was counted as
    # told, and sent the report's news, at every change of it. (Not account_inactive: Slack
    # answers that when the bot's own account is deactivated, for everyone: review12c R15.)
    await report(bot, LINK, user="W111")
    await report(bot, LINK, user="W333")
    slack.unknown_users.add("W333")  # gone; the member list has not said so yet
    await press(bot, slack, (await card_buttons(slack))["report_dismiss"], user="WMGR1")
    assert "The 2 reporters have been told." in (await responded(slack))["text"]
    await settled(bot.runtime)
    # Slack said so only when the news was sent: the manager, told they were, hears they were
    # not (fix14d 6).
    (not_told,) = messages_to(slack, "WMGR1")
    assert not_told["text"] == "R-0001: User W333 has left, so they were not told after all."
    (reopen,) = buttons(calls(slack, "chat.update")[-1]["blocks"])
    await press(bot, slack, reopen, user="WMGR2")
    said = (await responded(slack, 2))["text"]
    assert "The reporter has been told; 1 other has left." in said


async def test_a_refusal_of_the_bots_own_account_marks_nobody_gone(bot, slack) -> None:
    # Review12c R15: Slack answers account_inactive when the bot's token is for a deactivated
    # account, to every message; 66c12bb took it for the reporter's leaving and marked them gone.
    await report(bot, LINK, user="W333")
    slack.inactive.add("W333")
    await press(bot, slack, (await card_buttons(slack))["report_dismiss"], user="WMGR1")
    await settled(bot.runtime)
    (deleted,) = bot.runtime.db.execute(
        "SELECT deleted FROM people WHERE user_id = 'W333'"
    ).fetchone()
    assert deleted == 0


@pytest.mark.parametrize(
    ("code", "locale", "told", "not_said"),
    [
        (
            "user_disabled",
            "",
            "R-0001 closed as not an issue. The reporter has been told.",
            "R-0001: User W333 has left, so they were not told after all.",
        ),
        (
            "cannot_dm_bot",  # W333 is a bot account (fix15b: it was said to have left)
            "sv-SE",
            "R-0001 är stängd som inget problem. Den som rapporterade har fått besked.",
            "R-0001: User W333 är ett botkonto som boten inte kan skriva till och fick därför"
            " ändå inget besked.",
        ),
    ],
)
async def test_a_reporter_slack_will_not_let_the_bot_tell_is_not_counted_told(
    bot, slack, code, locale, told, not_said
) -> None:
    # fix15b 2: Slack's other answers for a DM nobody can ever read failed it for good while
    # the manager, told the reporter was told, never heard otherwise; fix15a: in the
    # manager's language; review16a W10: what they did too.
    if locale:
        slack.users = {"WMGR1": {"id": "WMGR1", "name": "mgr", "profile": {}, "locale": locale}}
        assert await bot.runtime.slack.sync_people()
    if code == "cannot_dm_bot":
        profile = {"real_name": "User W333"}
        slack.users["W333"] = {"id": "W333", "name": "w", "is_bot": True, "profile": profile}
    await report(bot, LINK, user="W333")
    await settled(bot.runtime)
    slack.fail("chat.postMessage", code)  # the news to the reporter
    await press(bot, slack, (await card_buttons(slack))["report_dismiss"], user="WMGR1")
    assert (await responded(slack))["text"] == told
    await settled(bot.runtime)
    (not_told,) = messages_to(slack, "WMGR1")
    assert not_told["text"] == not_said
    (reopen,) = buttons(calls(slack, "chat.update")[-1]["blocks"])
    await press(bot, slack, reopen, user="WMGR2")
    assert "The reporter has left: nobody was told." in (await responded(slack, 2))["text"]
