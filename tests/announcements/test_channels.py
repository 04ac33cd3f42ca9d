"""Announcing to chosen channels (review5 item 16): Slack's channel picker, the preview's warning
for a channel the bot is not in, the report's reasons in words (for people too), and sending
again once the bot is invited. Signed Slack requests against the fake Web API."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from bot.slack.gateway import CHECKED_FOR
from tests.announcements.conftest import (
    GENERAL,
    GOOD,
    NEWS,
    PEOPLE,
    announce,
    named_channels,
    open_form,
    slack_values,
    submit,
    tomorrow_at,
)
from tests.fakes.slack_requests import (
    block_action,
    buttons,
    calls,
    post_form,
    view_submission,
    wait_for_call,
)
from tests.fakes.slack_web_api import FakeSlack

SCHEMA = json.loads((Path(__file__).parents[1] / "schemas/slack-block-kit.schema.json").read_text())


def report(slack: FakeSlack) -> str:
    """The announcer's report as last updated."""
    updates = calls(slack, "chat.update")
    return json.dumps(updates[-1]["blocks"]) if updates else ""


async def test_the_bot_not_in_a_picked_channel_is_said_before_and_after_and_it_can_send_again(
    make_bot, slack
) -> None:
    named_channels(slack)
    slack.bot_name = "comms"  # the app's bot user, named by the workspace's admin
    bot = await make_bot()
    view = await open_form(bot, slack)
    errors = list(jsonschema.validators.validator_for(SCHEMA)(SCHEMA).iter_errors(view["blocks"]))
    assert not errors, [error.message for error in errors]
    picker = next(b["element"] for b in view["blocks"] if b.get("block_id") == "channels")
    assert picker["type"] == "multi_conversations_select"
    assert picker["filter"]["include"] == ["public", "private"]  # channels only, no DMs
    hint = next(b["hint"]["text"] for b in view["blocks"] if b.get("block_id") == "channels")
    assert "#names, ids or links (“Copy link” in a channel's menu)" in hint  # fix15d's rest

    values = slack_values({**GOOD, "audience": "channels", "share": []})
    values["channels"] = {
        "type": "multi_conversations_select",
        "selected_conversations": [NEWS, GENERAL],
    }
    response = await post_form(bot, view_submission(view, values))
    preview = (await response.json())["view"]
    shown = json.dumps(preview["blocks"])
    assert "@comms is not in #news: type `/invite @comms` there first." in shown
    assert "#general" not in shown and "This is what 2 channels will get" in shown

    assert await submit(bot, preview, {"next": "confirm"}) == {}
    await bot.runtime.delivery.run_until_done("announcement", "1")
    await bot.runtime.core.tick(tomorrow_at(0))
    said = report(slack)
    assert "1 of 2 delivered; 1 failed" in said and "not_in_channel" not in said
    assert "#news: @comms is not in it: type `/invite @comms` there." in said
    (again,) = [b for b in buttons(calls(slack, "chat.update")[-1]["blocks"])]
    assert again["text"]["text"] == "Send again to the failed channels"

    await post_form(bot, block_action(again, slack.url + "respond"))
    (answer,) = await wait_for_call(slack, "respond")
    assert answer["text"].startswith("Still: @comms is not in #news: type `/invite @comms`")
    assert slack.messages_in(NEWS) == []

    slack.invite(NEWS)
    await post_form(bot, block_action(again, slack.url + "respond"))
    answers = await wait_for_call(slack, "respond", 2)
    assert answers[-1]["text"] == "Sending announcement #1 again to #news."
    await bot.runtime.delivery.run_until_done("announcement", "1")
    assert [m.text.startswith("We won") for m in slack.messages_in(NEWS)] == [True]
    await bot.runtime.core.tick(tomorrow_at(0))
    assert "2 of 2 delivered; 0 failed" in report(slack) and "Send again" not in report(slack)
    assert len(slack.messages_in(GENERAL)) == 1  # nobody twice


async def test_the_preview_says_a_picked_channel_is_shared_with_other_organisations(
    make_bot, slack
) -> None:
    named_channels(slack)
    slack.invite(NEWS)
    slack.external.add(NEWS)  # a Slack Connect channel with a partner company
    bot = await make_bot()
    view = await open_form(bot, slack)
    values = slack_values({**GOOD, "audience": "channels", "share": []})
    values["channels"] = {
        "type": "multi_conversations_select",
        "selected_conversations": [NEWS, GENERAL],
    }
    # review16a W8: channels picked for the audience Everyone were dropped without a word.
    everyone = {**values, "audience": slack_values({"audience": "everyone"})["audience"]}
    refused = await (await post_form(bot, view_submission(view, everyone))).json()
    assert refused["errors"]["channels"].startswith("Channels are for the audience Chosen")
    response = await post_form(bot, view_submission(view, values))
    shown = json.dumps((await response.json())["view"]["blocks"])
    assert "#news is shared with other organisations: people outside the company" in shown
    assert "#general is shared" not in shown


async def test_people_who_were_not_reached_are_said_in_words(bot, slack) -> None:
    slack.unknown_users.add(PEOPLE[0])  # left the workspace since the people list was read
    # Deactivated since then too, no user_change heard: Slack would take her DM without error.
    slack.users[PEOPLE[1]] = {"id": PEOPLE[1], "name": "ada", "deleted": True, "profile": {}}
    # The people list was read yesterday: users.info is asked before each DM (review16b R10).
    bot.runtime.db.execute("UPDATE people SET updated_at = updated_at - ?", [CHECKED_FOR + 60])
    await announce(bot, slack)
    await bot.runtime.delivery.run_until_done("announcement", "1")
    await bot.runtime.core.tick(tomorrow_at(0))
    said = report(slack)
    assert "2 of 4 delivered; 2 failed" in said
    assert "1 person: no longer in the workspace" in said and "user_not_found" not in said
    assert "1 person: account deactivated" in said and slack.messages_in(PEOPLE[1]) == []
    assert bot.runtime.core.gone("slack", PEOPLE[1])  # not counted in the next fan-out
    assert "Send again" not in said
