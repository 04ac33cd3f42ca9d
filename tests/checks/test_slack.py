"""Checking drafts in Slack: signed requests through the Bolt app against the fake Web API."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from bot.slack.manifest import manifest_yaml
from tests.checks.conftest import CHECK_SETTINGS
from tests.fakes.slack_requests import (
    block_action,
    buttons,
    command_reply,
    message_shortcut,
    post_form,
    post_json,
    slash,
    wait_for_call,
)
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import inputs, messages_to, opened_view, submit, text_value
from tests.slack.test_http import with_text

REPORTED = "https://x.com/techgrump/status/1865012345678901234"


@pytest.fixture
async def bot(make_slack_bot: Any) -> Any:
    return await make_slack_bot(
        escalation_channel="CSOCIAL", slack_channel_rate=100.0, **CHECK_SETTINGS
    )


async def check_post(bot: Any, slack: FakeSlack, text: str) -> dict[str, Any]:
    return await command_reply(bot, slack, "/check-post", text)


async def test_check_post_answers_privately_with_section_span_and_fix(bot, slack) -> None:
    reply = await check_post(bot, slack, "Sneak peek of Polaris 👀 try Nordlys Cloud, best tool!")
    assert reply["response_type"] == "ephemeral"
    text = json.dumps(reply["blocks"], ensure_ascii=False)
    assert "2 things to look at before you post" in reply["text"]
    assert "“Polaris” is confidential until 2099-01-31." in text
    assert "3. Never publish confidential information" in text
    assert "Add “I work at Nordlys” or the hashtag #employee." in text
    assert "I never post anything" in text
    assert bot.runtime.db.execute("SELECT COUNT(*) FROM check_counts").fetchone()[0] == 3


async def test_a_fine_draft_says_so_plainly(bot, slack) -> None:
    reply = await check_post(bot, slack, "Ran my first marathon today, 42.2 km! 🏃")
    assert reply["text"] == "✅ Nothing in the guidelines speaks against this post."


async def test_check_post_alone_opens_the_form_and_the_answer_comes_by_dm(bot, slack) -> None:
    assert await check_post_empty(bot) == ""
    view = await opened_view(slack)
    assert view["callback_id"] == "check_post_form"
    assert set(inputs(view)) == {"draft", "profile"}
    values = {
        "draft": text_value("Nordlys Cloud now fails over between regions. Try it!"),
        "profile": text_value("Product manager at Nordlys"),
    }
    assert await submit(bot, view, values) == {}
    (message,) = await wait_for_call(slack, "chat.postMessage")
    assert message["channel"] == "W111"  # the asker's own DM
    assert "Nothing in the guidelines speaks against this post." in message["text"]


async def check_post_empty(bot: Any) -> str:
    response = await post_form(bot, slash("/check-post", ""))
    return await response.text()


async def test_a_dm_starting_with_check_is_checked_not_asked(bot, slack) -> None:
    envelope = with_text("message_im.json", "check: Notes https://wiki.corp.nordlys.dk/eng/ci")
    assert (await post_json(bot, envelope)).status == 200
    (message,) = await wait_for_call(slack, "chat.postMessage")
    assert message["channel"] == "U2147483697"
    assert "wiki.corp.nordlys.dk is an internal address" in json.dumps(message["blocks"])


async def test_the_message_shortcut_checks_the_message_privately(bot, slack) -> None:
    body = message_shortcut(
        "check_post", "Between us: Q4 revenue is DKK 412m", response_url=slack.url + "respond"
    )
    assert (await post_form(bot, body)).status == 200
    (answer,) = await wait_for_call(slack, "respond")
    assert answer["response_type"] == "ephemeral"
    assert "financial figure that is not published" in json.dumps(answer["blocks"])


async def test_a_reply_to_a_reported_post_gets_a_button_that_files_the_report(bot, slack) -> None:
    filed = await post_form(bot, slash("/report-mention", f"{REPORTED} spreading lies"))
    assert filed.status == 200
    reply = await check_post(bot, slack, f"This guy again: {REPORTED}?s=20 don't believe him")
    text = json.dumps(reply["blocks"])
    assert "4. Never answer negative comments yourself" in text
    (report,) = [b for b in buttons(reply["blocks"]) if b["action_id"] == "check_report"]
    assert report["value"] == f"{REPORTED}?s=20"

    await post_form(bot, block_action(report, slack.url + "respond"))
    (receipt,) = await wait_for_call(slack, "respond")
    rows = list(bot.runtime.db["report_reporters"].rows)
    assert len(rows) == 1  # the same post: added to the open report, not a second one
    assert bot.runtime.db.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 1
    assert receipt["response_type"] == "ephemeral"


async def test_a_rebuttal_without_a_link_opens_the_report_form(bot, slack) -> None:
    reply = await check_post(bot, slack, "@techgrump That's simply not true. Read the ticket.")
    (report,) = [b for b in buttons(reply["blocks"]) if b["action_id"] == "check_report"]
    await post_form(bot, block_action(report, slack.url + "respond"))
    view = await opened_view(slack)
    assert "simply not true" in inputs(view)["about"]["initial_value"]


async def test_thumbs_down_keeps_the_draft_without_the_asker(bot, slack) -> None:
    reply = await check_post(bot, slack, "Sneak peek of Polaris")
    (down,) = [b for b in buttons(reply["blocks"]) if b["action_id"] == "check_unhelpful"]
    await post_form(bot, block_action(down, slack.url + "respond"))
    await wait_for_call(slack, "respond")
    (row,) = bot.runtime.db["check_downvotes"].rows
    assert (row["draft"], row["kinds"]) == ("Sneak peek of Polaris", "confidential")
    assert "W111" not in json.dumps(row)
    assert not messages_to(slack, "CSOCIAL")


async def test_the_manifest_offers_the_command_and_the_shortcut(bot) -> None:
    manifest = yaml.safe_load(manifest_yaml(bot.runtime.core))
    commands = [entry["command"] for entry in manifest["features"]["slash_commands"]]
    assert "/check-post" in commands
    shortcuts = {s["callback_id"]: s for s in manifest["features"]["shortcuts"]}
    assert shortcuts["check_post"]["name"] == "Check against guidelines"
    assert shortcuts["check_post"]["type"] == "message"


async def test_check_in_a_channel_mention_is_not_answered_there(bot, slack) -> None:
    envelope = with_text("app_mention.json", "<@W111> check: Sneak peek of Polaris")
    assert (await post_json(bot, envelope)).status == 200
    (message,) = await wait_for_call(slack, "chat.postMessage")
    assert "only in our direct messages" in message["text"]
    assert "Polaris" not in json.dumps(message)


async def test_ones_own_milestone_thanking_colleagues_is_fine_their_news_is_not(bot, slack) -> None:
    """review12a E7: "personal" of one's own milestone or news shares no colleague's data."""
    for draft in (
        "Big personal milestone today: five years at the company. Thanks to all my colleagues"
        " and customers for the support!",
        "Thrilled to share some personal news: I am starting a new chapter on the data team in"
        " Lisbon. Thank you to the colleagues who taught me patience!",
    ):
        reply = await check_post(bot, slack, draft)
        assert reply["text"] == "✅ Nothing in the guidelines speaks against this post."
    reply = await check_post(
        bot,
        slack,
        "Some personal news about my colleague Jens and our customer Ida: both are"
        " in hospital after the crash.",
    )
    assert "Never share personal data about colleagues" in json.dumps(reply["blocks"])


async def test_a_draft_danish_and_norwegian_share_is_answered_in_the_askers_norwegian(
    bot, slack
) -> None:
    """review14a A1: a Norwegian asker's draft in words Danish shares was told to add the Danish
    #ansat; a draft that is Danish by its own words stays Danish."""
    slack.users = {"W111": {"id": "W111", "name": "ola", "profile": {}, "locale": "nb-NO"}}
    assert await bot.runtime.slack.sync_people()
    shared = await check_post(bot, slack, "Prøv Nordlys Cloud i dag, den er super!")
    danish = await check_post(bot, slack, "Vi ansætter! Søg hos Nordlys: https://nordlys.dk/job")
    assert "emneknaggen #ansatt." in json.dumps(shared["blocks"], ensure_ascii=False)
    assert "hashtagget #ansat." in json.dumps(danish["blocks"], ensure_ascii=False)
