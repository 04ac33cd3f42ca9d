"""Dialogs: the message-extension action on a message, task/fetch and task/submit, round trip."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from typing import Any

import pytest

from bot.teams import cards
from handlers.core import Shortcut
from handlers.errors import FormErrors
from handlers.people import Person
from handlers.texts import text_for
from handlers.views import Form, Input, Message, Reply, SharedMessage, Text, Values
from tests.teams.conftest import (
    Teams,
    assert_valid_card,
    card_text,
    cards_in,
    load_activity,
)
from tests.teams.test_team_questions import calls_where

FETCH = "teams-invoke-composeExtension-fetchTask-from-message.json"
SUBMIT_SYNTHETIC = "teams-invoke-composeExtension-submitAction-message-context.synthetic.json"
TASK_SUBMIT = "teams-invoke-task-submit.synthetic.json"
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
BOT = {"id": "28:f5d48856-5b42-41a0-8c3a-c5f944b679b0", "name": "socialbot"}
OLO_AAD = "b130c271-d2eb-45f9-83ab-9eb3fe3788bc"


@pytest.fixture
def shared(teams: Teams) -> list[SharedMessage]:
    """A test shortcut: a form quoting the message; a note under five letters is a mistake."""
    seen: list[SharedMessage] = []

    async def run(person: Person, message: SharedMessage) -> Form:
        seen.append(message)
        return Form(
            "test_flag",
            "Report to social media manager",
            (Input("note", "Why?", kind="multiline"),),
            intro=(Text(f"> {message.text}"),),
            state=message.permalink,
        )

    async def submit(person: Person, values: Values, state: str) -> Message:
        if len(str(values["note"])) < 5:
            raise FormErrors({"note": "Say a little more."})
        return Message(f"Reported {state} for {person.name}: {values['note']}")

    teams.core.on_shortcut(Shortcut("test_flag", "Report to social media manager", "Flag", run))
    teams.core.on_form("test_flag", submit)
    return seen


async def _invoke(teams: Teams, fixture: str, /, **changes: Any) -> dict[str, Any]:
    # The verbatim fetch invoke from Microsoft's documentation lacks the channel Teams sends.
    response = await teams.post(fixture, **{"channelId": "msteams", **changes})
    assert response.status == 200
    body: dict[str, Any] = await response.json()
    return body


def _dialog_card(body: dict[str, Any]) -> dict[str, Any]:
    assert body["task"]["type"] == "continue"
    attachment = body["task"]["value"]["card"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card: dict[str, Any] = attachment["content"]
    assert_valid_card(card)
    return card


def _submit_value(card: dict[str, Any], **typed: str) -> dict[str, Any]:
    [action] = card["actions"]
    assert action["type"] == "Action.Submit"  # dialogs know no Action.Execute
    return {
        "commandId": "test_flag",
        "commandContext": "message",
        "data": {**action["data"], **typed},
    }


async def test_the_message_action_round_trip(teams: Teams, shared: list[SharedMessage]) -> None:
    opened = await _invoke(teams, FETCH, value=_fetch_value(), recipient=BOT)

    [message] = shared
    assert message.text == "Testing outgoing Webhook-Nikitha - Hi"
    assert (message.author, message.author_name) == (OLO_AAD, "Olo Brockhouse")  # review13c R5
    assert message.channel == "#parsable"  # as Teams names it: the id means nothing to people
    assert message.permalink.startswith("https://teams.microsoft.com/l/message/19:6decf54d")
    assert opened["task"]["value"]["title"] == "Report to social media manager"
    card = _dialog_card(opened)
    assert "Testing outgoing Webhook-Nikitha - Hi" in str(card["body"])

    submit = "composeExtension/submitAction"
    wrong = await _invoke(teams, FETCH, name=submit, value=_submit_value(card, note="meh"))

    again = _dialog_card(wrong)
    assert "Say a little more." in str(again["body"])
    assert teams.connector.calls == []

    right = await _invoke(
        teams, FETCH, name=submit, value=_submit_value(again, note="Rude reply"), recipient=BOT
    )

    assert right == {}  # the dialog closes
    # Never in the channel: the person had no chat with the bot yet, so one is opened.
    create, sent = teams.connector.calls
    assert create.method == "create"
    assert create.body["members"] == [{"id": load_activity(FETCH, "")["from"]["id"]}]
    assert create.body["bot"]["id"] == BOT["id"]
    tenant = "0d9b645f-597b-41f0-a2a3-ef103fbd91bb"
    assert create.body["channelData"] == {"tenant": {"id": tenant}}  # what Teams reads
    assert create.body["tenantID"] == tenant
    assert sent.method == "send" and sent.conversation_id == "a:conversation-1"
    assert "Reported https://teams.microsoft.com/l/message/" in card_text(sent.activity)
    assert "for Olo Brockhouse: Rude reply" in card_text(sent.activity)
    row = teams.db.table("teams_conversations").get("a:conversation-1")
    assert (row["kind"], row["aad_object_id"]) == ("personal", OLO_AAD)

    # The next result goes to the chat now stored, without opening another.
    teams.connector.calls.clear()
    await _invoke(teams, FETCH, name=submit, value=_submit_value(again, note="Again, rude"))
    [sent] = teams.connector.calls
    assert sent.method == "send" and sent.conversation_id == "a:conversation-1"


async def test_in_a_personal_chat_the_result_is_a_reply(
    teams: Teams, shared: list[SharedMessage]
) -> None:
    personal = {"id": "a:personal-chat", "conversationType": "personal"}
    opened = await _invoke(teams, FETCH, value=_fetch_value(), conversation=personal)
    value = _submit_value(_dialog_card(opened), note="Rude reply")

    body = await _invoke(
        teams, FETCH, name="composeExtension/submitAction", value=value, conversation=personal
    )

    assert body == {}
    [call] = teams.connector.sent
    assert call.conversation_id == "a:personal-chat"
    assert "Rude reply" in card_text(call.activity)


async def test_a_dialog_that_cannot_reach_the_chat_shows_the_result_itself(
    teams: Teams, shared: list[SharedMessage]
) -> None:
    opened = await _invoke(teams, FETCH, value=_fetch_value(), recipient=BOT)
    teams.connector.fail(403)

    body = await _invoke(
        teams,
        FETCH,
        name="composeExtension/submitAction",
        value=_submit_value(_dialog_card(opened), note="Rude reply"),
        recipient=BOT,
    )

    assert body["task"]["type"] == "message"
    assert "Rude reply" in body["task"]["value"]


async def test_a_shortcut_answering_words_shows_them_in_a_small_dialog(teams: Teams) -> None:
    async def words(person: Person, message: SharedMessage) -> Message:
        return Message("Only managers can do that.")

    teams.core.on_shortcut(Shortcut("test_flag", "Flag", "Flag", words))

    body = await _invoke(teams, FETCH, value=_fetch_value())

    assert body == {"task": {"type": "message", "value": "Only managers can do that."}}


@pytest.mark.parametrize("name", [SUBMIT_SYNTHETIC, TASK_SUBMIT])
async def test_a_submission_of_no_form_of_ours_is_answered_in_the_dialog(
    teams: Teams, name: str
) -> None:
    # The synthetic submitAction even asks for a preview edit; it still gets a dialog answer.
    body = await _invoke(teams, name)

    assert body == {
        "task": {"type": "message", "value": "That form is no longer in use. Please start again."}
    }


async def test_task_fetch_opens_the_form_an_action_returns(
    teams: Teams, shared: list[SharedMessage]
) -> None:
    form = Form("test_flag", "Tell us more", (Input("note", "Why?"),))

    async def open_form(person: Person, value: str) -> Form:
        return form

    teams.core.on_action("test_open", open_form)
    data = {"msteams": {"type": "task/fetch"}, "action_id": "test_open", "value": "x"}

    opened = await _invoke(teams, TASK_SUBMIT, name="task/fetch", value={"data": data})
    card = _dialog_card(opened)
    submitted = {"data": {**card["actions"][0]["data"], "note": "Rude reply"}}
    closed = await _invoke(teams, TASK_SUBMIT, name="task/submit", value=submitted)

    assert opened["task"]["value"]["title"] == "Tell us more"
    assert closed == {}
    # A group chat: the result goes to the person's own chat, opened for it.
    create, call = teams.connector.sent
    assert (create.method, call.method) == ("create", "send")
    assert "Rude reply" in card_text(call.activity)


def _fetch_value() -> dict[str, Any]:
    value: dict[str, Any] = load_activity(FETCH, "")["value"]
    return {**value, "commandId": "test_flag"}


def test_dialog_cards_submit_with_the_form_data() -> None:
    form = Form("f", "Title", (Input("note", "Why?"),), state="s")

    task = cards.dialog(form, {"note": "Wrong"})

    assert task["title"] == "Title"
    content = task["card"]["content"]
    assert_valid_card(content)
    assert content["actions"][0]["data"]["form_id"] == "f"
    assert "Title" not in str(content["body"])  # the dialog shows the title itself


async def test_a_late_dialog_teams_throttles_in_the_chat_is_sent_when_it_takes_it(
    teams: Teams, shared: list[SharedMessage]
) -> None:
    # review11c R12: the late answer was tried once and dropped with a log line on a 429.
    olo = load_activity(FETCH, "")["from"]
    flag = teams.core.shortcuts["test_flag"]
    answered = asyncio.Event()

    async def slow(person: Person, message: SharedMessage) -> Reply:
        await answered.wait()
        return await flag.run(person, message)

    teams.core.on_shortcut(replace(flag, run=slow))
    teams.bot.invoke_budget = 0.0
    await _invoke(teams, FETCH, value=_fetch_value(), recipient=BOT)
    teams.connector.fail(429, retry_after=60, times=5)  # longer than the turn may wait
    answered.set()
    await teams.runtime.settle()  # the invoke's work after Teams was answered
    await teams.runtime.finish_background()

    [late] = teams.db.query(
        "SELECT recipient, state, body FROM deliveries JOIN delivery_payloads ON hash = payload"
        " WHERE purpose = 'late-answer'"
    )
    assert (late["recipient"], late["state"]) == (olo["aadObjectId"], "queued")
    assert "Report to social media manager" in late["body"]


async def test_a_dialog_teams_stopped_waiting_for_arrives_in_the_chat(
    teams: Teams, shared: list[SharedMessage]
) -> None:
    # review10c R24: "the answer comes in your chat", and the form never came.
    olo = load_activity(FETCH, "")["from"]  # pressed in a channel, never wrote to the bot
    flag = teams.core.shortcuts["test_flag"]
    answered = asyncio.Event()

    async def slow(person: Person, message: SharedMessage) -> Reply:
        await answered.wait()  # past Teams' time: the form comes after the invoke's answer
        return await flag.run(person, message)

    teams.core.on_shortcut(replace(flag, run=slow))
    # Read as at start: with no time to answer in, a form's press waits for nothing else.
    await teams.core.read_guidelines_language()
    teams.bot.invoke_budget = 0.0

    late = await _invoke(teams, FETCH, value=_fetch_value(), recipient=BOT, locale="de-DE")
    answered.set()

    assert late == {"task": {"type": "message", "value": text_for("still_working", "de")}}
    assert late["task"]["value"].startswith("Ich arbeite noch daran")  # in the client's language
    [sent] = await calls_where(teams.connector, lambda call: call.method == "send")
    assert sent.conversation_id == "a:conversation-1"  # Olo's chat with the bot, opened
    chat = {"conversationType": "personal", "id": sent.conversation_id}
    assert "Report to social media manager" in card_text(sent.activity)
    [action] = cards_in(sent.activity)[0]["actions"]
    assert action["type"] == "Action.Execute"  # as a chat draws a form: pressed in place
    data = {**action["data"], "note": "It is rude"}
    pressed = {"action": {"type": "Action.Execute", "verb": action["verb"], "data": data}}
    answer = await teams.post(EXECUTE, value=pressed, conversation=chat, **{"from": olo})
    assert "Reported" in json.dumps(await answer.json())
