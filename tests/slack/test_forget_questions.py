"""After `socialbot forget`, the questions already forwarded to the social media team show "a
former employee" for the person who asked or answered, with the team's latest answer kept."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.delivery.ledger import DROPPED
from tests.fakes.bot_work import settled
from tests.fakes.slack_requests import calls, post_json, wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.test_forget import cli_env, forget
from tests.slack.test_http import ask_the_team, thread_reply, with_text


async def test_forget_shows_a_former_employee_on_the_forwarded_questions(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    bot = await make_slack_bot(escalation_channel="CSOCIAL", social_media_managers=["UMANAGER"])
    await ask_the_team(bot, slack)
    (message,) = slack.messages_in("CSOCIAL")
    reply = thread_reply(
        "EvANSWER", "CSOCIAL", message.ts, "UMANAGER", "Use the booking page.", "1"
    )
    await post_json(bot, reply)
    await wait_for_call(slack, "chat.update")
    await settled(bot.runtime)
    db, with_slack = cli_env(bot, slack)

    # Run where Slack is not configured: the card cannot change, and the output says so.
    output = await forget("UMANAGER", db)
    assert (
        'Could not update 1 forwarded question card(s), which still show the name: "How do I'
        ' book a meeting room?" (slack CSOCIAL). Delete each by hand to remove the name.'
    ) in output
    assert len(calls(slack, "chat.update")) == 1

    # Another process than the one that relayed the answer: the answer is read back.
    output = await forget("W111", with_slack)
    assert "forwarded question cards updated to show a former employee: 1" in output
    [_, edit] = calls(slack, "chat.update")
    assert (edit["channel"], edit["ts"]) == ("CSOCIAL", message.ts)
    shown = json.dumps(edit["blocks"])
    assert "How do I book a meeting room?" in shown
    assert "Asked by a former employee." in shown
    assert "Answered by a former employee:* Use the booking page." in shown
    assert "answers no longer reach them" in shown and "guidelines_answer" not in shown
    for gone in ("W111", "UMANAGER", "forgotten-"):
        assert gone not in shown and gone not in edit["text"]

    # A reply to a question whose asker is forgotten reaches nobody.
    late = thread_reply("EvLATE", "CSOCIAL", message.ts, "UMANAGER", "Also: ask reception.", "2")
    await post_json(bot, late)
    await settled(bot.runtime)
    assert len(calls(slack, "chat.postMessage")) == 2  # the question and the first answer


@pytest.mark.parametrize(
    ("payload", "text", "user", "found_as", "purpose", "to", "to_after"),
    [
        (
            "message_im.json",
            "Can I post a photo?",
            "U2147483697",
            "recipient",
            "dm-answer",
            "U2147483697",
            "forgotten-",
        ),
        (
            "app_mention.json",
            "<@W111> should I reply?",
            "W222",
            "key",
            "mention-answer",
            "C111",
            "C111",
        ),
    ],
)
async def test_an_answer_is_exported_and_forgotten_as_the_askers(
    make_slack_bot: Any,
    slack: FakeSlack,
    payload: str,
    text: str,
    user: str,
    found_as: str,
    purpose: str,
    to: str,
    to_after: str,
) -> None:
    # review15a R6: a DM's answer was queued to the DM channel (D…), not to its person: the
    # export did not show it, and forget neither dropped it while it waited (it was sent after)
    # nor the body of one that failed (kept 7 days, `socialbot deliveries retry` resent it).
    # fix15c's leftover: a mention's answer, queued to its channel, was found by its body alone.
    bot = await make_slack_bot()
    slack.fail("chat.postMessage", "msg_too_long")  # failed for good: its body is kept
    await post_json(bot, with_text(payload, text))
    await wait_for_call(slack, "chat.postMessage")
    await settled(bot.runtime)
    db, _ = cli_env(bot, slack)
    command = ["export", "--user", user]
    exported = await asyncio.to_thread(CliRunner().invoke, main, command, env=db)
    assert exported.exit_code == 0, exported.output
    (answer,) = json.loads(exported.output)["tables"][f"deliveries.{found_as}"]
    assert (answer["purpose"], answer["state"], answer["recipient"]) == (purpose, "failed", to)

    await forget(user, db)
    (row,) = bot.runtime.db["deliveries"].rows
    assert user not in json.dumps(row) and row["payload"] == DROPPED
    assert str(row["recipient"]).startswith(to_after)  # the DM's person; the mention's channel
