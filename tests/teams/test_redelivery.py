"""Teams delivers a message again when its POST was slow or the bot restarted: answered once."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from typing import Any

import pytest

from handlers.texts import text_for
from handlers.views import Message
from tests.fakes.bot_work import settled
from tests.teams.conftest import MakeTeams, card_text, load_activity

PERSONAL = "teams-message-personal.json"
MENTION = "teams-message-channel-mention.constructed.json"
TASK_SUBMIT = "teams-invoke-task-submit.synthetic.json"
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
QUESTION = "Can I post a photo from the office party?"


async def test_a_message_delivered_again_is_answered_once_even_after_a_restart(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams()
    await teams.post(PERSONAL, text=QUESTION, id="1700000000001")

    again = await teams.post(PERSONAL, text=QUESTION, id="1700000000001")
    restarted = await make_teams()  # the same database, as after a restart
    after_restart = await restarted.post(PERSONAL, text=QUESTION, id="1700000000001")

    assert again.status == after_restart.status == 200
    assert len(teams.connector.sent) == 1
    await restarted.post(PERSONAL, text=QUESTION, id="1700000000002")  # a new message
    assert len(teams.connector.sent) == 2


async def test_a_message_whose_turn_a_kill_cut_short_is_asked_again_at_the_next_start(
    make_running: MakeTeams, monkeypatch: pytest.MonkeyPatch
) -> None:
    # review15b K1: the turn cut short by a kill, the Connector's redelivery ignored: no word.
    killed = await make_running()
    turns: list[asyncio.Task[Any]] = []
    begun = asyncio.Event()

    async def slow(*args: Any, **kwargs: Any) -> Message:
        turns.append(asyncio.current_task())  # type: ignore[arg-type]
        begun.set()
        await asyncio.Event().wait()  # the model takes its time: the kill comes first
        raise AssertionError("never answered")

    monkeypatch.setattr(killed.core, "message", slow)
    posting = asyncio.create_task(killed.post(PERSONAL, text=QUESTION, id="1700000000003"))
    await begun.wait()
    turns[0].cancel()  # what a SIGKILL does to the turn: nothing after it runs
    with contextlib.suppress(Exception):
        await posting
    await killed.runtime.delivery.stop()

    restarted = await make_running()  # the same database, as after a restart
    restarted.runtime.tell_the_unanswered()  # as `socialbot run` does at start
    redelivered = await restarted.post(PERSONAL, text=QUESTION, id="1700000000003")
    await settled(restarted.runtime)

    assert redelivered.status == 200
    (told,) = restarted.connector.sent
    assert card_text(told.activity) == text_for("restarted", "en")
    assert told.conversation_id == load_activity(PERSONAL, "")["conversation"]["id"]
    assert restarted.db["unanswered"].count == 0


async def test_an_answer_teams_refused_goes_once_in_its_thread_after_a_kill(
    make_running: MakeTeams, monkeypatch: pytest.MonkeyPatch
) -> None:
    # review16b R5: the answer queued, the kill before the turn's end: it and "please ask it
    # again" both went, at the channel's root.
    killed = await make_running()
    monkeypatch.setattr(killed.bot.unanswered, "done_with", lambda asked: None)  # the kill
    killed.connector.fail(429, retry_after=60)  # longer than the turn may wait: sent later
    await killed.post(MENTION, text="<at>Test Bot</at> /socialbot nope\n", id="1638918000001")
    await killed.runtime.delivery.stop()

    restarted = await make_running()  # the same database, as after a restart
    restarted.runtime.tell_the_unanswered()  # as `socialbot run` does at start
    restarted.db.execute("UPDATE deliveries SET not_before = 0")  # Teams takes it now
    await settled(restarted.runtime)

    (answer,) = restarted.connector.sent
    assert "is not something I know" in card_text(answer.activity)
    thread = load_activity(MENTION, "")["conversation"]["id"]
    assert (answer.conversation_id, thread.split(";")[1]) == (thread, "messageid=1638918000000")


async def test_an_answer_given_past_a_held_lock_is_not_asked_again_after_a_stop(
    make_teams: MakeTeams, monkeypatch: pytest.MonkeyPatch
) -> None:
    # review16b R8 on Teams: the lock taken while the question was answered, its note could
    # not be forgotten after the turn; nothing forgot it later, so the next start said "I was
    # restarted …; please ask it again" to someone already answered.
    teams = await make_teams()
    db = teams.runtime.db
    holder = sqlite3.connect(db.execute("PRAGMA database_list").fetchone()[2])
    db.execute("PRAGMA busy_timeout = 0")  # as when the lock outlasts the wait for it
    answer = teams.runtime.core.message

    async def locked_meanwhile(*args: Any, **kwargs: Any) -> Any:
        holder.execute("BEGIN IMMEDIATE")  # a backup script, after the message was noted
        return await answer(*args, **kwargs)

    monkeypatch.setattr(teams.runtime.core, "message", locked_meanwhile)
    try:
        response = await teams.post(PERSONAL, text=QUESTION, id="1700000000009")
        assert response.status == 200
    finally:
        holder.rollback()
        holder.close()
    teams.runtime.teams.stop()  # as `socialbot run` does at its shutdown, the lock let go

    assert any(
        "Photos and videos from the office" in card_text(m.activity) for m in teams.connector.sent
    )
    assert db["unanswered"].count == 0  # nothing to ask again at the next start


async def test_an_answer_sent_just_before_a_kill_is_not_followed_by_a_plain_ask_again(
    make_running: MakeTeams, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fix16a's leftover: the answer sent inside the turn, the kill before its note was
    # forgotten: the next start also said "I was restarted …; please ask it again".
    killed = await make_running()
    monkeypatch.setattr(killed.bot.unanswered, "done_with", lambda asked: None)  # the kill
    await killed.post(PERSONAL, text=QUESTION, id="1700000000004")
    await killed.runtime.delivery.stop()

    restarted = await make_running()  # the same database, as after a restart
    restarted.runtime.tell_the_unanswered()  # as `socialbot run` does at start
    await settled(restarted.runtime)

    answer, told = restarted.connector.sent
    assert "Photos and videos from the office" in card_text(answer.activity)
    assert card_text(told.activity) == text_for("restarted_answering", "en")
    assert told.conversation_id == answer.conversation_id


async def test_what_a_kill_cut_short_in_teams_is_told_in_its_own_words_at_the_next_start(
    make_running: MakeTeams, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fix16a's leftovers: invokes were not noted: a form sent, or a button Teams was told
    # "Still working on it" about, that a kill cut short was lost without a word. And an answer
    # that goes to the asker's own chat (the gateway, not the turn), the kill after it, before
    # the channel heard it went: "please ask it again" there beside the answer.
    killed = await make_running()
    await killed.post(PERSONAL, text=QUESTION, id="1700000000005")  # her chat with the bot
    turns: list[asyncio.Task[Any]] = []
    reached = asyncio.Event()

    async def cut_short(*args: Any, **kwargs: Any) -> Any:
        turns.append(asyncio.current_task())  # type: ignore[arg-type]
        reached.set()
        await asyncio.Event().wait()  # the work takes its time: the kill comes first
        raise AssertionError("never done")

    monkeypatch.setattr(killed.core, "submit", cut_short)
    monkeypatch.setattr(killed.core, "action", cut_short)
    killed.bot.invoke_budget = 0.0  # Teams is told "Still working on it" at once
    chat = load_activity(PERSONAL, "")
    who = {"from": chat["from"], "conversation": chat["conversation"]}
    form = {"data": {"form_id": "settings", "language": "de"}}
    await killed.post(TASK_SUBMIT, value=form, id="f:form-1", **who)
    button = {"action": {"type": "Action.Execute", "data": {"action_id": "mute", "value": "7"}}}
    await killed.post(EXECUTE, value=button, id="f:button-1", **who)
    send = killed.bot.gateway.send

    async def then_killed(*args: Any, **kwargs: Any) -> Any:
        await send(*args, **kwargs)
        return await cut_short()  # the kill comes before the channel is told

    monkeypatch.setattr(killed.bot.gateway, "send", then_killed)
    reached.clear()
    text = "<at>Test Bot</at> preferences\n"
    posting = asyncio.create_task(killed.post(MENTION, text=text, id="1638918000006"))
    await reached.wait()
    assert len(turns) == 3
    for turn in turns:
        turn.cancel()  # what a SIGKILL does to the turns: nothing after them runs
    with contextlib.suppress(Exception):
        await posting
    await killed.runtime.delivery.stop()

    restarted = await make_running()  # the same database, as after a restart
    restarted.runtime.tell_the_unanswered()  # as `socialbot run` does at start
    await settled(restarted.runtime)

    *_, private, one, two, three = restarted.connector.sent
    assert "Digest preferences" in card_text(private.activity)
    told = sorted((m.conversation_id, card_text(m.activity)) for m in (one, two, three))
    thread = load_activity(MENTION, "")["conversation"]["id"]
    assert told == sorted(
        [
            (chat["conversation"]["id"], text_for("restarted_button", "en")),
            (chat["conversation"]["id"], text_for("restarted_form", "en")),
            (thread, text_for("restarted_answering", "en")),
        ]
    )
