"""A receipt says who will see the report; with no team configured it says what an admin must
set, and the report is kept. Odd input to the command gets a clear answer, never an apology."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.app import build_runtime
from handlers.views import Form, Text
from tests.conftest import SettingsFactory
from tests.fakes.slack_requests import calls, wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import CHANNEL, LINK, report
from tests.teams.conftest import (  # noqa: F401 (fixtures)
    MakeTeams,
    card_text,
    connector,
    loopback_only,
    make_teams,
)

PERSONAL = "teams-message-personal.json"
# An employee is told whom to tell (the settings are for an admin's receipt: fix13a).
SET_A_TEAM = "please tell whoever runs this bot for your company"


async def test_slack_without_a_team_says_so_and_keeps_the_report(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    bot = await make_slack_bot()  # no escalation channel, no managers
    reply = await report(bot, f"{LINK} calls us crooks")
    text = reply["text"] + json.dumps(reply["blocks"])
    assert "R-0001" in text and SET_A_TEAM in text and "SOCIALBOT_" not in text
    assert "with the social media team" not in text and "handles it from here" not in text
    assert [row["status"] for row in bot.runtime.db["reports"].rows] == ["new"]
    # someone else reporting it is not told "the team already has it" either
    merged = await report(bot, LINK, user="W222")
    assert "you are added to R-0001." in merged["text"] and SET_A_TEAM in merged["text"]
    assert calls(slack, "chat.postMessage") == []


async def test_slack_with_a_team_says_it_has_it(bot: Any, slack: FakeSlack) -> None:
    reply = await report(bot, LINK)
    assert "is with the social media team" in reply["text"]
    assert SET_A_TEAM not in json.dumps(reply)
    (card,) = await wait_for_call(slack, "chat.postMessage")
    assert card["channel"] == CHANNEL


@pytest.mark.parametrize(
    ("settings", "has_team"),
    [({}, False), ({"social_media_managers": ["7faf8ab2-3d56-4244-b585-20c8a42ed2b8"]}, True)],
)
async def test_teams_receipt_says_who_will_see_it(
    make_teams: MakeTeams,  # noqa: F811
    settings: dict[str, Any],
    has_team: bool,
) -> None:
    teams = await make_teams(**settings)
    await teams.post(PERSONAL, text=f"report {LINK} rude reply to our launch post")
    [receipt] = teams.connector.sent
    shown = card_text(receipt.activity)
    assert "R-0001" in shown
    assert ("with the social media team" in shown) is has_team
    assert (SET_A_TEAM in shown) is not has_team
    assert teams.db["reports"].count == 1


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("https://", "has no website in it."),
        ("http//x.com/a/status/1", "is not a web link; it must start with https:// or http://."),
        ("javascript:alert(1)", "is not a web link"),
        (" ".join(f"https://x.com/a/status/{n}" for n in range(11)), "more than 10 links"),
        ("http://[::1", "is not a well-formed web address."),
        ("https://acme", "does not name a website such as example.com."),
        # no link in it: the form, with the words as the description
        ("<>", ""),
        ("💩💩💩", ""),
        ("\u200b\u0000\x1b[2J", ""),
        ("x" * 5000, ""),
        ("list please", ""),
        ("<https://x.com/a/status/1|", ""),
    ],
)
async def test_odd_input_gets_the_form_saying_what_is_wrong(
    make_settings: SettingsFactory, typed: str, problem: str
) -> None:
    runtime = build_runtime(make_settings())
    try:
        alice = runtime.core.person("console", "alice")
        form = await runtime.core.command("report-mention", alice, typed)
        assert isinstance(form, Form) and form.form_id == "report_mention"
        shown = [block.text for block in form.intro if isinstance(block, Text)]
        if problem:
            assert problem in shown[-1]
        else:
            assert not any("Please check" in text for text in shown)
            assert form.inputs[2].initial == typed[:2899] + ("…" if len(typed) > 2900 else "")
        assert runtime.db["reports"].count == 0
    finally:
        runtime.db.close()
