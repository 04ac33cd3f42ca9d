"""Slack `message` events with a subtype: a person's "Also send to channel" reply or a message
with a file is read as their message; edits, deletions, joins and bots' messages are not."""

from __future__ import annotations

import json

import pytest

from tests.fakes.bot_work import settled
from tests.fakes.slack_requests import post_json, wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.slack.test_http import ask_the_team, posted, thread_reply, with_text

FILE = {"id": "F0PHOTO", "name": "party.jpg", "mimetype": "image/jpeg"}


@pytest.mark.parametrize(
    "extra",
    [
        {"subtype": "thread_broadcast", "root": {"ts": "x"}},
        {"subtype": "file_share", "files": [FILE]},
    ],
    ids=["also-sent-to-channel", "with-a-file"],
)
async def test_a_managers_thread_answer_with_a_subtype_reaches_the_asker(
    make_slack_bot, slack: FakeSlack, extra
) -> None:
    bot = await make_slack_bot(escalation_channel="CSOCIAL", social_media_managers=["UMANAGER"])
    await ask_the_team(bot, slack)
    (message,) = slack.messages_in("CSOCIAL")
    reply = thread_reply("EvSUB", "CSOCIAL", message.ts, "UMANAGER", "Use the booking page.", "9.1")
    reply["event"] |= extra
    assert (await post_json(bot, reply)).status == 200
    answers = await wait_for_call(slack, "chat.postMessage", count=2)
    assert answers[1]["channel"] == "W111"
    assert "Use the booking page." in answers[1]["text"]
    (edit,) = await wait_for_call(slack, "chat.update")
    assert "Answered by User UMANAGER:* Use the booking page" in json.dumps(edit["blocks"])


async def test_a_dm_with_a_photo_gets_the_guideline_answer(make_slack_bot, slack) -> None:
    bot = await make_slack_bot()
    envelope = with_text("message_im.json", "Can I post this photo from the office party?")
    envelope["event"] |= {"subtype": "file_share", "files": [FILE], "upload": False}
    assert (await post_json(bot, envelope)).status == 200
    (answer,) = await wait_for_call(slack, "chat.postMessage")
    assert answer["channel"] == "U2147483697"
    assert "Photos and videos from the office" in answer["text"]


@pytest.mark.parametrize(
    "extra",
    [
        {"subtype": "message_changed", "message": {"text": "can I post a photo?"}},
        {"subtype": "message_deleted", "previous_message": {"text": "can I post a photo?"}},
        {"subtype": "channel_join"},
        {"subtype": "bot_message", "bot_id": "B1"},
        {"subtype": "file_share", "bot_id": "B1", "files": [FILE]},
    ],
    ids=["edit", "deletion", "join", "bot", "bots-file"],
)
async def test_edits_deletions_joins_and_bots_are_not_answered(
    make_slack_bot, slack: FakeSlack, extra
) -> None:
    bot = await make_slack_bot()
    envelope = with_text("message_im.json", "Can I post a photo from the office party?")
    envelope["event"] |= extra
    assert (await post_json(bot, envelope)).status == 200
    await settled(bot.runtime)
    assert posted(slack) == []
