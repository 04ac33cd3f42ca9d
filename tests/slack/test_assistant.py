"""The assistant pane: signed assistant events and messages through the real Bolt app, against
the fake Slack Web API (and the fake OpenAI server for the streamed answers)."""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import logging
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from sqlite_utils import Database

from bot.app import build_runtime
from bot.slack.manifest import manifest_yaml
from handlers.assistant import THREADS_KEPT
from handlers.privacy import export, forget
from handlers.reports import ids as report_ids
from tests.fakes.bot_work import settled
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.slack_requests import (
    block_action,
    calls,
    command_reply,
    interaction,
    post_form,
    post_json,
    signed,
    wait_for_call,
)
from tests.fakes.slack_web_api import FakeSlack

PAYLOADS = Path(__file__).parent / "payloads"
SCHEMA = json.loads((Path(__file__).parents[1] / "schemas/slack-block-kit.schema.json").read_text())
BLOCK_KIT = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)

STARTED = json.loads((PAYLOADS / "assistant_thread_started.json").read_text())
CONTEXT_CHANGED = json.loads((PAYLOADS / "assistant_thread_context_changed.json").read_text())
MESSAGE = json.loads((PAYLOADS / "message_im_assistant_thread.json").read_text())
THREAD = STARTED["event"]["assistant_thread"]
PANE, ROOT, USER = THREAD["channel_id"], THREAD["thread_ts"], THREAD["user_id"]
_event_ids = itertools.count(1)

MODEL_REPLY = (
    "Yes, please share what the company publishes, such as blog posts, news, product launches, "
    "events and job openings [S2]. Add a line of your own so the post reads as yours, and say "
    "that you work here when you share news about the company [S2]."
)


def assert_blocks(blocks: list[dict[str, Any]]) -> None:
    """Fail with every error when `blocks` are not valid Block Kit."""
    errors = [error.message for error in BLOCK_KIT.iter_errors(blocks)]
    assert not errors, errors


def envelope(template: dict[str, Any], **event: Any) -> dict[str, Any]:
    """`template` with a fresh event id (Slack's retries are skipped) and `event` fields."""
    body = copy.deepcopy(template)
    body["event_id"] = f"Ev{next(_event_ids):06d}"
    body["event"].update(event)
    return body


def said(text: str, ts: str) -> dict[str, Any]:
    """USER writes `text` in the pane's thread."""
    return envelope(MESSAGE, text=text, ts=ts, event_ts=ts, channel=PANE, thread_ts=ROOT,
                    user=USER, parent_user_id=USER)  # fmt: skip


def in_thread(slack: FakeSlack, method: str) -> list[dict[str, Any]]:
    """The calls of `method` about the pane's thread."""
    return [
        params
        for params in calls(slack, method)
        if params.get("thread_ts") == ROOT or params.get("channel") == PANE
    ]


async def open_pane(bot: Any, slack: FakeSlack, context: str = "C123ABC456") -> dict[str, Any]:
    """USER opens the pane beside `context`; returns the greeting as posted."""
    started = copy.deepcopy(STARTED)
    started["event"]["assistant_thread"]["context"]["channel_id"] = context
    assert (await post_json(bot, envelope(started))).status == 200
    await wait_for_call(slack, "assistant.threads.setSuggestedPrompts")
    return calls(slack, "chat.postMessage")[-1]


async def ask(bot: Any, slack: FakeSlack, text: str, ts: str) -> None:
    """USER writes `text` in the thread; wait until the bot has answered it."""
    answers = len(calls(slack, "chat.postMessage")) + len(calls(slack, "chat.stopStream"))
    assert (await post_json(bot, said(text, ts))).status == 200
    for _ in range(500):
        if len(calls(slack, "chat.postMessage")) + len(calls(slack, "chat.stopStream")) > answers:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"no answer to {text!r}")


def feedback_press(blocks: list[dict[str, Any]], which: str, user: str = USER) -> str:
    """Pressing 👍 ("positive_button") or 👎 on the native feedback buttons of a reply."""
    element = next(
        element
        for block in blocks
        if block["type"] == "context_actions"
        for element in block["elements"]
        if element["type"] == "feedback_buttons"
    )
    button = element[which]
    action = {"type": "feedback_buttons", "action_id": element["action_id"], "block_id": "fb",
              "text": button["text"], "value": button["value"], "action_ts": "1.2"}  # fmt: skip
    return interaction(
        {
            "type": "block_actions",
            "team": {"id": "T111", "domain": "test"},
            "user": {"id": user, "username": "asker", "team_id": "T111"},
            "api_app_id": "A123ABC456",
            "token": "verification_token",
            "trigger_id": "111.222.valid",
            "channel": {"id": PANE, "name": "directmessage"},
            "container": {"type": "message", "channel_id": PANE, "message_ts": "2.000001"},
            "response_url": "https://hooks.slack.com/actions/T1/1/x",
            "actions": [action],
        }
    )


@pytest.fixture
async def bot(make_slack_bot):
    return await make_slack_bot()


async def test_opening_the_pane_greets_offers_four_prompts_and_report_this(bot, slack) -> None:
    greeting = await open_pane(bot, slack)
    assert greeting["channel"] == PANE and greeting["thread_ts"] == ROOT
    assert "I answer questions about our social media guidelines" in greeting["text"]
    assert_blocks(greeting["blocks"])
    buttons = [e for b in greeting["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [(b["text"]["text"], b["value"]) for b in buttons] == [("Report this", "C123ABC456")]
    prompts = calls(slack, "assistant.threads.setSuggestedPrompts")[0]
    assert prompts["channel_id"] == PANE and prompts["thread_ts"] == ROOT
    assert [p["title"] for p in prompts["prompts"]] == [
        "Can I share company news on LinkedIn?",
        "How should I respond to criticism of the company online?",
        "Check a post before I publish it",
        "Report a negative mention",
    ]


async def test_a_question_gets_a_status_a_title_and_a_cited_answer_with_feedback(
    bot, slack
) -> None:
    await open_pane(bot, slack, context=PANE)  # opened from the DM itself: no "Report this"
    assert not [b for b in calls(slack, "chat.postMessage")[0]["blocks"] if b["type"] == "actions"]
    await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999330.000100")
    assert in_thread(slack, "assistant.threads.setStatus")[0]["status"]
    await wait_for_call(slack, "assistant.threads.setTitle")  # once the answer is out
    assert in_thread(slack, "assistant.threads.setTitle")[0]["title"] == (
        "Can I share company news on LinkedIn?"
    )
    answer = calls(slack, "chat.postMessage")[-1]
    assert answer["channel"] == PANE and answer["thread_ts"] == ROOT
    assert "share what the company publishes" in answer["text"]
    assert "Share our stories, news and events" in json.dumps(answer["blocks"])
    assert_blocks(answer["blocks"])
    assert calls(slack, "chat.startStream") == []  # offline: the answer arrives at once

    await post_form(bot, feedback_press(answer["blocks"], "negative_button"))
    db = Database(bot.runtime.settings.db)
    for _ in range(200):
        votes = list(db["guideline_feedback"].rows)
        if votes:
            break
        await asyncio.sleep(0.01)
    assert [(v["user_id"], v["helpful"]) for v in votes] == [(USER, 0)]
    asked = db.table("guideline_answers").get(votes[0]["answer_id"])
    assert asked["question"] == "Can I share company news on LinkedIn?"


async def test_a_follow_up_is_read_with_the_question_before_it(bot, slack) -> None:
    await open_pane(bot, slack)
    await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999330.000100")
    await ask(bot, slack, "and on Instagram?", "1729999340.000100")
    answer = calls(slack, "chat.postMessage")[-1]
    assert "Share our stories, news and events" in json.dumps(answer["blocks"])
    assert "don't cover" not in answer["text"]
    assert len(in_thread(slack, "assistant.threads.setTitle")) == 1  # titled after the first
    assert len(in_thread(slack, "assistant.threads.setStatus")) == 2
    await ask(bot, slack, "Who should I ask?", "1729999350.000100")  # answered on its own
    assert "Who to ask" in json.dumps(calls(slack, "chat.postMessage")[-1]["blocks"])
    questions = [
        row["question"] for row in Database(bot.runtime.settings.db)["guideline_answers"].rows
    ]
    assert questions == [
        "Can I share company news on LinkedIn?",
        "Can I share company news on LinkedIn? and on Instagram?",
        "Who should I ask?",
    ]
    db = Database(bot.runtime.settings.db)  # what the thread keeps is the asker's own data
    assert export(db, "slack", USER)["assistant_threads"][0]["topic"] == "Who should I ask?"
    assert forget(db, "slack", USER, "forgotten-1")["assistant_threads"] == 1


async def test_check_and_report_prompts_lead_into_their_flows(bot, slack) -> None:
    await open_pane(bot, slack)
    changed = copy.deepcopy(CONTEXT_CHANGED)
    changed["event"]["assistant_thread"]["context"]["channel_id"] = "C0NEWS"
    await post_json(bot, envelope(changed))

    await ask(bot, slack, "Check a post before I publish it", "1729999330.000100")
    assert "Paste your draft" in calls(slack, "chat.postMessage")[-1]["text"]
    await ask(bot, slack, "Our Q3 revenue grew 40%, announcing it tomorrow!", "1729999331.000100")
    checked = calls(slack, "chat.postMessage")[-1]
    assert_blocks(checked["blocks"])
    assert "confidential" in json.dumps(checked["blocks"]).lower()
    assert any(b["type"] == "context_actions" for b in checked["blocks"])  # its 👍/👎, native

    await ask(bot, slack, "Report a negative mention", "1729999340.000100")
    asked = calls(slack, "chat.postMessage")[-1]
    assert_blocks(asked["blocks"])
    form = next(e for b in asked["blocks"] if b["type"] == "actions" for e in b["elements"])
    assert form["value"] == "C0NEWS"  # the channel beside the pane now
    # The newest message with a link in the channel beside the pane prefills the form.
    for text in ("see <https://x.com/troll/status/42>", "lunch at noon?"):
        await bot.runtime.slack.client.chat_postMessage(channel="C0NEWS", text=text)
    await post_form(bot, block_action(form, slack.url + "respond", user=USER, channel=PANE))
    opened = (await wait_for_call(slack, "views.open"))[0]["view"]
    assert opened["callback_id"] == "report_mention"
    assert "https://x.com/troll/status/42" in json.dumps(opened)
    assert "https://fake.slack.com/archives/C0NEWS/p" in json.dumps(opened)
    await ask(bot, slack, "x.com/someone/status/123 they say we lie", "1729999341.000100")
    assert "Your report R-0001 is saved" in calls(slack, "chat.postMessage")[-1]["text"]


@pytest.fixture
async def model() -> Any:
    async with FakeOpenAI(MODEL_REPLY) as fake:
        yield fake


async def test_with_a_model_the_answer_streams_as_it_is_written(make_slack_bot, slack, model):
    bot = await make_slack_bot(openai_api_key="sk-test", openai_base_url=model.url)
    await open_pane(bot, slack)
    await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999330.000100")
    assert model.requests[-1]["stream"] is True
    started = calls(slack, "chat.startStream")
    assert [(s["channel"], s["thread_ts"], s["recipient_user_id"]) for s in started] == [
        (PANE, ROOT, USER)
    ]
    assert calls(slack, "chat.appendStream")  # more than one piece reached Slack
    stop = calls(slack, "chat.stopStream")[0]
    streamed = next(m for m in slack.messages if m.ts == stop["ts"])
    assert streamed.text == MODEL_REPLY.replace(" [S2]", "")
    assert (streamed.channel, streamed.thread_ts, streamed.streaming) == (PANE, ROOT, False)
    assert_blocks(stop["blocks"])
    assert "Share our stories" in json.dumps(stop["blocks"])
    assert any(b["type"] == "context_actions" for b in stop["blocks"])
    assert len(calls(slack, "chat.postMessage")) == 1  # the greeting only
    assert calls(slack, "chat.update") == []


async def test_a_model_failing_mid_stream_leaves_the_offline_answer(
    make_slack_bot, slack, model, caplog
) -> None:
    model.break_after = 20  # past the first piece Slack was sent
    bot = await make_slack_bot(openai_api_key="sk-test", openai_base_url=model.url)
    await open_pane(bot, slack)
    with caplog.at_level(logging.WARNING):
        await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999330.000100")
        await wait_for_call(slack, "chat.update")
    replaced = calls(slack, "chat.update")[-1]
    assert replaced["ts"] == calls(slack, "chat.stopStream")[0]["ts"]
    assert "share what the company publishes" in replaced["text"]  # quoted, offline
    assert_blocks(replaced["blocks"])
    assert any(b["type"] == "context_actions" for b in replaced["blocks"])
    failures = [r for r in caplog.records if "answering offline" in r.getMessage()]
    assert len(failures) == 1 and failures[0].exc_info is None


async def test_a_stream_slack_refuses_is_posted_whole(make_slack_bot, slack, model) -> None:
    slack.fail("chat.startStream", "not_allowed")
    bot = await make_slack_bot(openai_api_key="sk-test", openai_base_url=model.url)
    await open_pane(bot, slack)
    await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999330.000100")
    answer = calls(slack, "chat.postMessage")[-1]
    assert answer["text"] == MODEL_REPLY.replace(" [S2]", "") and answer["thread_ts"] == ROOT
    assert_blocks(answer["blocks"])
    assert calls(slack, "chat.appendStream") == calls(slack, "chat.stopStream") == []


async def test_a_thread_the_pane_did_not_start_is_a_direct_message_as_before(bot, slack):
    body = said("Can I share company news on LinkedIn?", "1729999330.000100")
    body["event"]["thread_ts"] = "1111111111.000001"
    assert (await post_json(bot, body)).status == 200
    await wait_for_call(slack, "chat.postMessage")
    assert calls(slack, "assistant.threads.setStatus") == []
    assert calls(slack, "chat.postMessage")[0]["channel"] == USER  # in their DM, the pane


async def test_a_pane_thread_opened_before_the_bot_listened_is_taken_on(bot, slack) -> None:
    await post_json(bot, envelope(CONTEXT_CHANGED))  # no assistant_thread_started came for it
    await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999330.000100")
    assert in_thread(slack, "assistant.threads.setStatus")
    assert calls(slack, "chat.postMessage")[-1]["thread_ts"] == ROOT


async def test_questions_asked_by_several_people_become_the_suggestions(bot, slack) -> None:
    for user in ("U1", "U2", "U3"):
        body = said("Can I post a photo from the office?", f"17299993{user[-1]}.000100")
        body["event"].update(user=user, thread_ts=None, channel=f"D{user}")
        del body["event"]["thread_ts"]
        await post_json(bot, body)
    await wait_for_call(slack, "chat.postMessage", 3)
    await open_pane(bot, slack)
    prompts = calls(slack, "assistant.threads.setSuggestedPrompts")[0]["prompts"]
    assert [p["message"] for p in prompts][:2] == [
        "Can I post a photo from the office?",
        "Can I share company news on LinkedIn?",
    ]


async def test_a_question_the_model_finds_not_covered_is_never_streamed(make_slack_bot, slack):
    async with FakeOpenAI("NOT COVERED") as model:
        bot = await make_slack_bot(openai_api_key="sk-test", openai_base_url=model.url)
        await open_pane(bot, slack)
        await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999330.000100")
    assert calls(slack, "chat.startStream") == []
    answer = calls(slack, "chat.postMessage")[-1]
    assert "don't cover" in answer["text"] and answer["thread_ts"] == ROOT
    assert_blocks(answer["blocks"])


@pytest.mark.parametrize("reply", ["NOT COVERED.", "Not covered!", "not_covered"])
async def test_not_covered_in_any_form_is_never_relayed(make_settings, reply) -> None:
    async with FakeOpenAI(reply, piece=4) as model:
        settings = make_settings(openai_api_key="sk-test", openai_base_url=model.url)
        runtime = build_runtime(settings, in_memory=True)
        relayed: list[str] = []

        async def on_text(text: str) -> None:
            relayed.append(text)

        try:
            answer = await runtime.core.guidelines.answer("Can I share company news?", on_text)
        finally:
            await runtime.close_clients()
    assert answer.verdict == "not_covered" and relayed == []


def test_the_manifest_declares_the_assistant_view(make_settings) -> None:
    runtime = build_runtime(make_settings(), in_memory=True)
    declared = yaml.safe_load(manifest_yaml(runtime.core))
    view = declared["features"]["assistant_view"]
    assert "social media guidelines" in view["assistant_description"]
    assert [p["title"] for p in view["suggested_prompts"]][2:] == [
        "Check a post before I publish it",
        "Report a negative mention",
    ]
    assert "assistant:write" in declared["oauth_config"]["scopes"]["bot"]
    events = declared["settings"]["event_subscriptions"]["bot_events"]
    assert {"assistant_thread_started", "assistant_thread_context_changed", "message.im"} <= set(
        events
    )


def thread_messages(slack: FakeSlack) -> list[Any]:
    """The bot's messages in the pane's thread, the greeting left out."""
    return [m for m in slack.messages if m.channel == PANE and m.thread_ts == ROOT][1:]


async def test_a_status_and_title_slack_refuses_never_lose_the_answer(
    make_slack_bot, slack, model, caplog
) -> None:
    slack.fail("assistant.threads.setStatus", "invalid_thread")
    slack.fail("assistant.threads.setTitle", "invalid_thread")
    bot = await make_slack_bot(openai_api_key="sk-test", openai_base_url=model.url)
    await open_pane(bot, slack)
    with caplog.at_level(logging.WARNING):
        await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999330.000100")
        for _ in range(500):  # until the refused title (asked for after the answer) is logged
            refused = [r.getMessage() for r in caplog.records if "thread's" in r.getMessage()]
            if len(refused) == 2:
                break
            await asyncio.sleep(0.01)
    [answer] = thread_messages(slack)  # streamed, and its stream ended
    assert answer.text == MODEL_REPLY.replace(" [S2]", "") and not answer.streaming
    assert any(b["type"] == "context_actions" for b in answer.blocks)
    assert refused == [
        "Slack refused the assistant thread's status",
        "Slack refused the assistant thread's title",
    ]


async def test_a_piece_slack_refuses_ends_the_stream_with_the_whole_answer(
    make_slack_bot, slack, model
) -> None:
    slack.fail("chat.appendStream", "msg_too_long")
    bot = await make_slack_bot(openai_api_key="sk-test", openai_base_url=model.url)
    await open_pane(bot, slack)
    await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999330.000100")
    await wait_for_call(slack, "chat.update")
    [answer] = thread_messages(slack)  # one message, not a stuck one above a second copy
    assert calls(slack, "chat.stopStream")[0]["ts"] == answer.ts
    assert answer.text == MODEL_REPLY.replace(" [S2]", "") and not answer.streaming
    assert_blocks(answer.blocks)
    assert any(b["type"] == "context_actions" for b in answer.blocks)


async def test_a_slow_slack_does_not_spend_the_models_time(make_slack_bot, slack, model) -> None:
    slack.stall("chat.startStream")  # Slack holds the stream's start until released
    bot = await make_slack_bot(openai_api_key="sk-test", openai_base_url=model.url)
    await open_pane(bot, slack)
    assert (await post_json(bot, said("Can I share company news?", "1729999330.000100"))).status
    db = Database(bot.runtime.settings.db)
    for _ in range(500):  # the model's answer is taken while Slack is still held
        if recorded := list(db["guideline_answers"].rows):
            break
        await asyncio.sleep(0.01)
    slack.release()
    assert [row["by_model"] for row in recorded] == [1]
    await wait_for_call(slack, "chat.stopStream")
    [answer] = thread_messages(slack)
    assert answer.text == MODEL_REPLY.replace(" [S2]", "") and not answer.streaming


async def test_a_retried_event_in_the_pane_is_answered_once(bot, slack) -> None:
    await open_pane(bot, slack)
    body = said("Can I share company news on LinkedIn?", "1729999330.000100")
    assert (await post_json(bot, body)).status == 200
    await wait_for_call(slack, "chat.postMessage", 2)
    retry = signed(json.dumps(body)) | {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "x"}
    assert (await post_json(bot, body, retry)).status == 200
    await ask(bot, slack, "Who should I ask?", "1729999340.000100")
    assert len(in_thread(slack, "assistant.threads.setStatus")) == 2
    assert len(thread_messages(slack)) == 2


async def test_threads_nobody_wrote_in_are_forgotten_once_a_day(bot, slack) -> None:
    await open_pane(bot, slack)
    db = Database(bot.runtime.settings.db)
    opened = datetime.fromtimestamp(
        db.table("assistant_threads").get(f"{PANE}/{ROOT}")["updated_at"], UTC
    )
    due = datetime.combine(opened.date() + THREADS_KEPT, time(0, 0), UTC)
    await bot.runtime.core.tick(due)  # the day it falls due: looked at once, still young
    await bot.runtime.core.tick(due + timedelta(hours=23, minutes=59))
    assert db["assistant_threads"].count == 1
    await bot.runtime.core.tick(due + timedelta(days=1))
    assert db["assistant_threads"].count == 0


async def test_dm_words_in_the_pane_work_as_in_a_dm_and_keep_no_draft(bot, slack) -> None:
    await open_pane(bot, slack)
    draft = "Our Q3 revenue grew 40%, announcing it tomorrow!"
    await ask(bot, slack, f"check: {draft}", "1729999330.000100")
    checked = calls(slack, "chat.postMessage")[-1]
    assert "confidential" in json.dumps(checked["blocks"]).lower()
    assert_blocks(checked["blocks"])
    await ask(bot, slack, "help", "1729999340.000100")
    assert "/guidelines [question]" in calls(slack, "chat.postMessage")[-1]["text"]
    db = Database(bot.runtime.settings.db)
    assert list(db["guideline_answers"].rows) == []  # neither was taken for a question
    await settled(bot.runtime)
    assert db["unanswered"].count == 0  # answered in the pane, not queued: forgotten all the same
    assert [row["topic"] for row in db["assistant_threads"].rows] == [""]
    assert "Q3" not in json.dumps(calls(slack, "assistant.threads.setTitle"))


async def test_report_this_opens_the_form_though_slack_is_slow_to_read_the_channel(
    bot, slack
) -> None:
    greeting = await open_pane(bot, slack, context="C0NEWS")
    button = next(e for b in greeting["blocks"] if b["type"] == "actions" for e in b["elements"])
    slack.stall("conversations.history")  # Slack does not answer in time for the form
    try:
        await post_form(bot, block_action(button, slack.url + "respond", user=USER, channel=PANE))
        opened = (await wait_for_call(slack, "views.open"))[0]["view"]
    finally:
        slack.release()
    assert opened["callback_id"] == "report_mention"  # with the channel alone


async def test_report_this_once_reports_are_not_taken_says_so_in_the_persons_language(
    bot, slack
) -> None:
    # closing16: "Reporting mentions is not set up here." in English to everyone.
    slack.users = {USER: {"id": USER, "name": "jan", "profile": {}, "locale": "de-DE"}}
    assert await bot.runtime.slack.sync_people()
    greeting = await open_pane(bot, slack, context="C0NEWS")
    button = next(e for b in greeting["blocks"] if b["type"] == "actions" for e in b["elements"])
    del bot.runtime.core.shortcuts[report_ids.SHORTCUT]  # a bot that takes no reports (now)
    await post_form(bot, block_action(button, slack.url + "respond", user=USER, channel=PANE))
    (answer,) = await wait_for_call(slack, "respond")
    assert answer["text"] == (
        "Diese Schaltfläche ist nicht mehr aktiv. Mit `/socialbot help` fängst du von vorn an."
    )


async def test_the_pane_answers_in_the_language_the_person_writes(bot, slack) -> None:
    await open_pane(bot, slack)
    await ask(bot, slack, "Report a negative mention", "1729999330.000100")
    await ask(bot, slack, "Der er en grim kommentar om os på Facebook", "1729999340.000100")
    asked = calls(slack, "chat.postMessage")[-1]
    assert asked["text"].startswith("Jeg fandt intet link")
    assert_blocks(asked["blocks"])
    assert "Åbn rapportformularen" in json.dumps(asked["blocks"], ensure_ascii=False)


DANISH_GUIDELINES = """# Retningslinjer for sociale medier

## Deling af nyheder
Del gerne virksomhedens nyheder, blogindlæg og jobopslag på LinkedIn, og skriv en linje selv.

## Kritik
Svar ikke selv på kritik af virksomheden på nettet; send den videre til social media-teamet.
"""


async def test_the_pane_greets_in_the_language_of_the_persons_slack_client(bot, slack) -> None:
    # The pane greeted everyone in the guidelines' language (English here): a Copenhagen
    # employee's Slack says da-DK.
    slack.users = {USER: {"id": USER, "name": "lars", "profile": {}, "locale": "da-DK"}}
    assert await bot.runtime.slack.sync_people()
    greeting = await open_pane(bot, slack)
    assert greeting["text"].startswith("Hej! Jeg svarer på spørgsmål")
    prompts = calls(slack, "assistant.threads.setSuggestedPrompts")[0]["prompts"]
    assert "Tjek et opslag, før jeg udgiver det" in [p["title"] for p in prompts]
    # fix16b: what the pane says of a message whose language cannot be told (its status, a
    # flow's next step) fell back to the guidelines' language (English here).
    await ask(bot, slack, "Rapportér en negativ omtale", "1729999330.000100")
    await ask(bot, slack, "LinkedIn", "1729999340.000100")
    assert calls(slack, "chat.postMessage")[-1]["text"].startswith("Jeg fandt intet link")
    statuses = [c["status"] for c in in_thread(slack, "assistant.threads.setStatus")]
    assert statuses == ["kigger i retningslinjerne…"] * 2


async def test_the_panes_prompts_and_status_speak_the_guidelines_and_the_askers_language(
    make_slack_bot, slack, tmp_path
) -> None:
    guidelines = tmp_path / "retningslinjer.md"
    guidelines.write_text(DANISH_GUIDELINES, encoding="utf-8")
    bot = await make_slack_bot(guidelines=guidelines)
    greeting = await open_pane(bot, slack)
    assert greeting["text"].startswith("Hej!")  # nothing said yet: the guidelines' language
    prompts = calls(slack, "assistant.threads.setSuggestedPrompts")[0]["prompts"]
    assert [p["title"] for p in prompts] == [
        "Må jeg dele firmanyheder på LinkedIn?",
        "Hvordan skal jeg svare på kritik af virksomheden online?",
        "Tjek et opslag, før jeg udgiver det",
        "Rapportér en negativ omtale",
    ]
    await ask(bot, slack, prompts[2]["message"], "1729999330.000100")  # leads into its flow
    assert calls(slack, "chat.postMessage")[-1]["text"].startswith("Indsæt dit udkast her")

    await ask(bot, slack, "Darf ich Unternehmensnachrichten auf LinkedIn teilen?", "1729999340.1")
    await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999350.000100")
    # review11b L6: Portuguese and Polish read as French and Dutch, a third language: the
    # guidelines' language, as the answer.
    await ask(bot, slack, "Um jornalista me ligou, o que devo fazer?", "1729999360.000100")
    await ask(bot, slack, "Czy mogę udostępnić nasze wyniki na LinkedIn?", "1729999370.000100")
    statuses = [c["status"] for c in in_thread(slack, "assistant.threads.setStatus")]
    assert statuses == [
        "kigger i retningslinjerne…",
        "sieht in den Richtlinien nach…",
        "is looking in the guidelines…",
        *["kigger i retningslinjerne…"] * 2,
    ]
    # Review13c R1: one rule for someone whose client never said a language, the guidelines',
    # where the help, the App Home and the near-miss answer took English.
    helped = await command_reply(bot, slack, "/socialbot", "help")
    assert "Jeg hjælper dig" in json.dumps(helped["blocks"], ensure_ascii=False)
