"""Questions for the social media team from Teams: forwarded, answered in a channel thread or with
the Answer button, relayed to the person who asked once, and the forwarded card marked answered."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import main
from handlers.actions import GUIDELINES_ANSWER, GUIDELINES_ASK_TEAM
from handlers.team_questions import QUESTION_FOR_TEAM, TEAM_ANSWER
from handlers.views import Message
from tests.fakes.bot_connector import FakeBotConnector, Sent
from tests.fakes.bot_work import settled
from tests.teams.conftest import (
    MakeTeams,
    Teams,
    card_text,
    cards_in,
    load_activity,
    objects_in,
)

PERSONAL = "teams-message-personal.json"
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
TASK_FETCH = "task/fetch"
TASK_SUBMIT = "task/submit"
THREAD_REPLY = "teams-message-channel-thread-reply.constructed.json"
INSTALLED_IN_CHANNEL = "teams-installationUpdate-add-channel.json"
CHANNEL = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"
ASKER_CHAT = load_activity(PERSONAL, "")["conversation"]["id"]  # Megan Bowen's chat with the bot
OLO = {
    "id": "29:1ljv6N86roXr5pjPrCJVIz6xHh5QxjI....",
    "name": "Olo Brockhouse",
    "aadObjectId": "eddfa9d4-346e-4cce-a18f-fa6261ad776b",
}
OLO_CHAT = {"conversationType": "personal", "id": "a:chat-olo"}
QUESTION = "How do I book a meeting room?"
ANSWER = "Use the booking page on the intranet."


async def calls_where(
    connector: FakeBotConnector, wanted: Callable[[Sent], bool], count: int = 1
) -> list[Sent]:
    """The delivered calls that are `wanted`, once there are `count` of them (within 15 s)."""
    # A busy machine can take seconds to deliver an edit: wait on the clock, generously.
    deadline = asyncio.get_running_loop().time() + 15
    while True:
        found = [call for call in connector.sent if wanted(call)]
        if len(found) >= count or asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.01)
    if len(found) >= count:
        return found
    raise AssertionError(f"{len(found)} wanted calls, not {count}: {connector.calls}")


def posted_to(conversation: str) -> Callable[[Sent], bool]:
    """New posts (not replies) in `conversation`."""
    return lambda call: call.method == "send" and call.conversation_id == conversation


def updated(conversation: str, activity_id: str | None) -> Callable[[Sent], bool]:
    """Edits of the message `activity_id` in `conversation`."""
    return lambda call: (
        call.method == "update"
        and call.conversation_id == conversation
        and call.activity_id == activity_id
    )


def buttons(activity: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The Action.Execute and Action.Submit buttons of the activity's cards, by action id."""
    return {
        node["data"]["action_id"]: node
        for card in cards_in(activity)
        for node in objects_in(card)
        if node.get("type") in ("Action.Execute", "Action.Submit")
    }


def pressed(button: dict[str, Any]) -> dict[str, Any]:
    """The invoke value of pressing `button`, an Action.Execute."""
    return {"action": {"type": "Action.Execute", "verb": button["verb"], "data": button["data"]}}


def opened(button: dict[str, Any]) -> dict[str, Any]:
    """The task/fetch invoke value of pressing `button`, a button that opens a dialog."""
    assert button["type"] == "Action.Submit"
    assert button["data"]["msteams"] == {"type": TASK_FETCH}
    return {"data": button["data"], "context": {"theme": "default"}}


def submitted(dialog: dict[str, Any], **typed: str) -> dict[str, Any]:
    """The task/submit invoke value of the form in `dialog` (with `typed` in its inputs)."""
    assert dialog["task"]["type"] == "continue"
    [submit] = dialog["task"]["value"]["card"]["content"]["actions"]
    return {"data": {**submit["data"], **typed}, "context": {"theme": "default"}}


async def invoke(teams: Teams, name: str, value: dict[str, Any], **changes: Any) -> Any:
    """The body of the bot's answer to the invoke `name` carrying `value`."""
    response = await teams.post(EXECUTE, name=name, value=value, **changes)
    assert response.status == 200
    return await response.json()


async def ask_the_team(teams: Teams) -> str:
    """Megan asks what the guidelines don't cover and passes it on; the question's answer id."""
    await teams.post(PERSONAL, text=QUESTION)
    ask = buttons(teams.connector.posted[-1].activity)[GUIDELINES_ASK_TEAM]
    body = await (await teams.post(EXECUTE, value=pressed(ask))).json()
    assert "passed your question" in str(body["value"])
    return str(ask["data"]["value"])


BOT_MENTION = {
    "type": "mention",
    "text": "<at>Test Bot</at>",
    "mentioned": {"id": "28:608cacfd-1cea-40c9-b678-4b93e69bb72b", "name": "Test Bot"},
}


@pytest.mark.parametrize("mentioned", [False, True], ids=["plain", "mentioning the bot"])
async def test_a_reply_in_the_channel_thread_reaches_the_person_who_asked_once(
    make_running: MakeTeams, mentioned: bool
) -> None:
    teams = await make_running(
        escalation_channel=CHANNEL, social_media_managers=[OLO["aadObjectId"]]
    )
    await teams.post(INSTALLED_IN_CHANNEL)
    answer_id = await ask_the_team(teams)
    # Sent and recorded: the bot knows the post's id, which replies in its thread carry.
    await teams.runtime.delivery.run_until_done(QUESTION_FOR_TEAM, answer_id)
    [forwarded] = await calls_where(teams.connector, posted_to(CHANNEL))
    assert QUESTION in card_text(forwarded.activity)
    assert forwarded.created_id is not None and forwarded.created_id.isdigit()

    # Olo answers in the card's thread (a mention is taken out); Teams then sends it again.
    reply = load_activity(THREAD_REPLY, teams.connector.url)
    thread = {**reply["conversation"], "id": f"{CHANNEL};messageid={forwarded.created_id}"}
    if mentioned:
        reply.update(text=f"<at>Test Bot</at> {ANSWER}", entities=[BOT_MENTION])
    for _ in range(2):
        response = await teams.post(
            THREAD_REPLY,
            conversation=thread,
            text=reply["text"],
            entities=reply["entities"],
            id=reply["id"],
        )
        assert response.status == 200
    await teams.runtime.delivery.run_until_done(TEAM_ANSWER, f"{answer_id}:{reply['id']}")

    [relayed] = await calls_where(teams.connector, posted_to(ASKER_CHAT))
    assert ANSWER in card_text(relayed.activity)
    assert QUESTION in card_text(relayed.activity)
    assert "Test Bot" not in card_text(relayed.activity)
    [edit] = await calls_where(teams.connector, updated(CHANNEL, forwarded.created_id))
    assert f"Answered by Olo Brockhouse:** {ANSWER}" in card_text(edit.activity)
    assert "Add to the answer" in str(edit.activity)
    await settled(teams.runtime)  # nothing more: no second relay, edit or reply in the thread
    assert len(await calls_where(teams.connector, posted_to(ASKER_CHAT))) == 1
    assert len([call for call in teams.connector.sent if call.method == "update"]) == 1
    assert not [call for call in teams.connector.posted if call.conversation_id == thread["id"]]


async def test_a_mention_in_the_thread_of_another_post_of_the_bots_is_answered(
    make_running: MakeTeams,
) -> None:
    teams = await make_running()
    await teams.post(INSTALLED_IN_CHANNEL)
    teams.core.outbox.enqueue("teams", [CHANNEL], "announcement", "1", Message("Launch day"))
    await teams.runtime.delivery.run_until_done("announcement", "1")
    [post] = await calls_where(teams.connector, posted_to(CHANNEL))

    # Nothing listens to replies to announcements, so the mention is answered as anywhere.
    reply = load_activity(THREAD_REPLY, teams.connector.url)
    thread = {**reply["conversation"], "id": f"{CHANNEL};messageid={post.created_id}"}
    await teams.post(
        THREAD_REPLY, conversation=thread, text="<at>Test Bot</at> help", entities=[BOT_MENTION]
    )

    [answer] = [call for call in teams.connector.posted if call.conversation_id == thread["id"]]
    assert "socialbot help" in card_text(answer.activity)


@pytest.mark.parametrize(
    ("root", "reply_to"),
    [("1638918600000", None), ("1638917000000", None), ("", "1638917000000")],
    ids=["a new post", "a reply to someone's post", "a reply known by replyToId"],
)
async def test_a_channel_post_without_a_mention_is_none_of_the_bots_business(
    teams: Teams, root: str, reply_to: str | None
) -> None:
    reply = load_activity(THREAD_REPLY, teams.connector.url)
    conversation_id = f"{CHANNEL};messageid={root}" if root else CHANNEL
    response = await teams.post(
        THREAD_REPLY,
        conversation={**reply["conversation"], "id": conversation_id},
        replyToId=reply_to,
        text="Lunch at noon, anyone?",
    )

    assert response.status == 200
    assert teams.connector.calls == []
    assert teams.db["teams_conversations"].count == 0


async def said_to(teams: Teams, text: str, chat: dict[str, str], **sender: Any) -> str:
    """What the bot answers `text` typed in the personal chat `chat`."""
    before = len(teams.connector.posted)
    await teams.post(PERSONAL, text=text, conversation=chat, **sender)
    [answer] = [c for c in teams.connector.posted[before:] if c.conversation_id == chat["id"]]
    return card_text(answer.activity)


async def test_a_manager_answers_with_the_answer_button_in_their_personal_chat(
    make_running: MakeTeams, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No escalation channel: the question goes to each manager's personal chat.
    teams = await make_running(social_media_managers=[OLO["aadObjectId"]])
    await teams.post(PERSONAL, text="hi", conversation=OLO_CHAT, **{"from": OLO})
    answer_id = await ask_the_team(teams)
    [forwarded] = await calls_where(teams.connector, posted_to(OLO_CHAT["id"]))
    answer = buttons(forwarded.activity)[GUIDELINES_ANSWER]
    assert answer["data"]["value"] == answer_id
    # The team finds its forwarded questions again (review11a M13); nobody else sees them.
    listed = await said_to(teams, "socialbot questions", OLO_CHAT, **{"from": OLO})
    assert "1 question(s) forwarded to the team, 1 waiting for an answer" in listed
    assert f"Megan Bowen** asked: {QUESTION}" in listed and "waiting for an answer" in listed
    asker = load_activity(PERSONAL, "")["conversation"]
    refused = await said_to(teams, "socialbot questions", asker)
    assert refused == "Only the social media managers see the questions forwarded to the team."
    # Asked for in a team's channel, the list goes to the manager's chat alone (review12c R8).
    before = len(teams.connector.posted)
    mention = "teams-message-channel-mention.constructed.json"
    await teams.post(mention, text="<at>Test Bot</at> socialbot questions\n", **{"from": OLO})
    told = {
        str(c.conversation_id).split(";")[0]: card_text(c.activity)
        for c in teams.connector.posted[before:]
    }
    assert QUESTION not in told[CHANNEL] and "privately" in told[CHANNEL]
    assert QUESTION in told[OLO_CHAT["id"]]

    # Megan can't answer her own question for the team, whatever her card sends.
    before = len(teams.connector.calls)
    body = await invoke(teams, TASK_FETCH, opened(answer))
    assert body["task"]["type"] == "message"
    assert "Only the social media managers" in body["task"]["value"]
    assert teams.connector.calls[before:] == []

    # The form opens in a dialog; an empty answer gets it back with its mistake.
    olo = {"conversation": OLO_CHAT, "from": OLO}
    dialog = await invoke(teams, TASK_FETCH, opened(answer), **olo)
    assert dialog["task"]["value"]["title"] == "Answer the question"
    assert f"Megan Bowen asked:** {QUESTION}" in str(dialog["task"]["value"]["card"])
    wrong = await invoke(teams, TASK_SUBMIT, submitted(dialog, answer="  "), **olo)
    assert "Write the answer to send." in str(wrong["task"]["value"]["card"])
    assert teams.connector.calls[before:] == []

    for _ in range(2):  # a double click sends one answer; the dialog closes, thanks come below
        assert await invoke(teams, TASK_SUBMIT, submitted(wrong, answer=ANSWER), **olo) == {}
    thanks = [c for c in teams.connector.posted if "on its way to" in card_text(c.activity)]
    assert [call.conversation_id for call in thanks] == [OLO_CHAT["id"]] * 2
    [relayed] = await calls_where(teams.connector, posted_to(ASKER_CHAT))
    assert ANSWER in card_text(relayed.activity)
    [edit] = await calls_where(teams.connector, updated(OLO_CHAT["id"], forwarded.created_id))
    assert f"Answered by Olo Brockhouse:** {ANSWER}" in card_text(edit.activity)

    # The team may add to an answer: that goes to Megan too, and the card shows the latest.
    more = "Rooms for more than ten people need a manager's approval."
    add = buttons(edit.activity)[GUIDELINES_ANSWER]
    assert add["title"] == "Add to the answer"
    dialog = await invoke(teams, TASK_FETCH, opened(add), **olo)
    await invoke(teams, TASK_SUBMIT, submitted(dialog, answer=more), **olo)
    relays = await calls_where(teams.connector, posted_to(ASKER_CHAT), count=2)
    assert more in card_text(relays[-1].activity)
    edits = await calls_where(
        teams.connector, updated(OLO_CHAT["id"], forwarded.created_id), count=2
    )
    assert more in card_text(edits[-1].activity)
    await settled(teams.runtime)
    assert len(await calls_where(teams.connector, posted_to(ASKER_CHAT))) == 2
    assert len([call for call in teams.connector.sent if call.method == "update"]) == 2

    listed = await said_to(teams, "socialbot questions", OLO_CHAT, **{"from": OLO})
    assert "1 question(s) forwarded to the team, 0 waiting for an answer" in listed
    assert "→ Olo Brockhouse answered" in listed and more.removesuffix(".") in listed
    assert "Every question has its answer." in await said_to(
        teams, "socialbot questions waiting", OLO_CHAT, **{"from": OLO}
    )
    monkeypatch.chdir(tmp_path)  # the command line reads the same database
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "socialbot.db"))
    result = CliRunner().invoke(main, ["questions", "--json"], catch_exceptions=False)
    (row,) = [json.loads(line) for line in result.output.splitlines()]
    assert (row["question"], row["asked_by"], row["platform"]) == (QUESTION, "Megan Bowen", "teams")
    assert (row["answer"], row["answered_by"]) == (more, "Olo Brockhouse")
    waiting = CliRunner().invoke(main, ["questions", "--waiting"], catch_exceptions=False)
    assert waiting.output.startswith("1 forwarded to the team, 1 answered, 0 waiting.")


async def test_the_answer_button_in_the_escalation_channel_opens_a_dialog(
    make_running: MakeTeams,
) -> None:
    teams = await make_running(
        escalation_channel=CHANNEL, social_media_managers=[OLO["aadObjectId"]]
    )
    await teams.post(INSTALLED_IN_CHANNEL)
    await ask_the_team(teams)
    [forwarded] = await calls_where(teams.connector, posted_to(CHANNEL))
    answer = buttons(forwarded.activity)[GUIDELINES_ANSWER]
    thread = {
        **load_activity(THREAD_REPLY, "")["conversation"],
        "id": f"{CHANNEL};messageid={forwarded.created_id}",
    }
    olo = {"conversation": thread, "from": OLO}

    # The form opens in a dialog: nothing goes into the thread for the whole team to see.
    before = len(teams.connector.calls)
    dialog = await invoke(teams, TASK_FETCH, opened(answer), **olo)
    assert dialog["task"]["value"]["title"] == "Answer the question"
    wrong = await invoke(teams, TASK_SUBMIT, submitted(dialog, answer=""), **olo)
    assert "Write the answer to send." in str(wrong["task"]["value"]["card"])
    assert teams.connector.calls[before:] == []

    assert await invoke(teams, TASK_SUBMIT, submitted(wrong, answer=ANSWER), **olo) == {}

    [relayed] = await calls_where(teams.connector, posted_to(ASKER_CHAT))
    assert ANSWER in card_text(relayed.activity)
    [edit] = await calls_where(teams.connector, updated(CHANNEL, forwarded.created_id))
    assert f"Answered by Olo Brockhouse:** {ANSWER}" in card_text(edit.activity)
    assert buttons(edit.activity)[GUIDELINES_ANSWER]["type"] == "Action.Submit"
    # The thanks go to Olo's own chat, opened for them; never to the channel or its thread.
    [create] = [call for call in teams.connector.sent if call.method == "create"]
    assert create.body["members"] == [{"id": OLO["id"]}]
    [thanks] = [c for c in teams.connector.posted if "on its way" in card_text(c.activity)]
    assert str(thanks.conversation_id).startswith("a:conversation-")
    await settled(teams.runtime)
    assert len(await calls_where(teams.connector, posted_to(ASKER_CHAT))) == 1
    shown = [c for c in teams.connector.calls[before:] if c.method in ("send", "reply")]
    assert thanks in shown
    assert not [call for call in shown if str(call.conversation_id).startswith(CHANNEL)]


async def test_questions_reach_the_team_while_its_channel_refuses_the_bot(
    make_running: MakeTeams,
) -> None:
    teams = await make_running(
        escalation_channel=f"teams:{CHANNEL}", social_media_managers=[OLO["aadObjectId"]]
    )
    await teams.post(PERSONAL, text="hi", conversation=OLO_CHAT, **{"from": OLO})
    # The app was never added to the team: Teams has no conversation for its channel.
    await ask_the_team(teams)
    [forwarded] = await calls_where(teams.connector, posted_to(OLO_CHAT["id"]))
    assert QUESTION in card_text(forwarded.activity)
    warnings = (await (await teams.client.get("/healthz")).json())["warnings"]
    [warning] = [line for line in warnings if CHANNEL in line]
    assert "add the app to the team" in warning and "managers" in warning


async def test_with_no_managers_a_question_waits_until_the_app_is_back_in_the_team(
    make_running: MakeTeams,
) -> None:
    teams = await make_running(escalation_channel=CHANNEL)
    delivery = teams.runtime.delivery
    await teams.post(INSTALLED_IN_CHANNEL)
    teams.connector.fail(403, conversation=CHANNEL)  # removed from the team meanwhile
    answer_id = await ask_the_team(teams)
    for _ in range(500):
        if delivery.ledger.held():
            break
        await asyncio.sleep(0.01)
    assert delivery.ledger.counts(QUESTION_FOR_TEAM, answer_id)["queued"] == 1

    await teams.post(INSTALLED_IN_CHANNEL)  # added back
    await delivery.stop()
    await delivery.start()
    [forwarded] = await calls_where(teams.connector, posted_to(CHANNEL))
    assert QUESTION in card_text(forwarded.activity)
    await settled(teams.runtime)
    warnings = (await (await teams.client.get("/healthz")).json())["warnings"]
    assert [line for line in warnings if CHANNEL in line] == []


@pytest.mark.parametrize(
    ("admins", "said"),
    [
        ([], "please tell whoever runs this bot for your company, or ask the team directly"),
        (["7faf8ab2-3d56-4244-b585-20c8a42ed2b8"], "set SOCIALBOT_ESCALATION_CHANNEL or"),
    ],
)
async def test_no_team_to_ask_names_the_settings_to_admins_only(
    make_teams: MakeTeams, admins: list[str], said: str
) -> None:
    # fix13a: every employee was told "An admin can set SOCIALBOT_ESCALATION_CHANNEL …".
    teams = await make_teams(admins=admins)  # no channel, no managers: no team
    await teams.post(PERSONAL, text=QUESTION)
    ask = buttons(teams.connector.posted[-1].activity)[GUIDELINES_ASK_TEAM]
    body = await (await teams.post(EXECUTE, value=pressed(ask))).json()
    assert said in str(body["value"])
    assert ("SOCIALBOT_" in str(body["value"])) == bool(admins)
