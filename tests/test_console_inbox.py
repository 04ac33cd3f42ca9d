"""The console as a platform: sessions of different people (separate processes, one database)
get what the bot sends them, as Slack users would: digests, report news, the team's cards."""

from __future__ import annotations

import asyncio
import io
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot import store
from bot.app import build_runtime
from bot.console import chat as console_chat
from bot.console.chat import WAITING_FOR_THE_LOCK, chat
from handlers.core import CONSOLE_TEAM
from tests.conftest import SettingsFactory
from tests.delivery.conftest import until

REPORT = "/report-mention https://x.com/someone/status/123 they are spreading false prices"
UNCOVERED = "what is the capital of mongolia in winter?"


async def session(
    make_settings: SettingsFactory,
    user: str,
    script: list[str],
    manager: bool = False,
    **settings: Any,
) -> str:
    """One `socialbot console` session on the shared database, as its own runtime (with
    `settings` of its own)."""
    runtime = build_runtime(make_settings(**settings))
    out = io.StringIO()
    try:
        lines = io.StringIO("".join(f"{line}\n" for line in script))
        await chat(runtime, lines, out, user, manager)
    finally:
        runtime.db.close()
    return out.getvalue()


async def test_the_console_user_gets_todays_digest_now(make_settings: SettingsFactory) -> None:
    # The bundled sample feed, fetched as the first session starts, on today's real date.
    said = await session(make_settings, "alice", ["/socialbot digest", "/socialbot digest"])
    assert "Today's digest is on its way." in said
    assert "Today's digest has already come" in said
    digest = said.split("--- for you ---")[1]
    assert "Your daily picks to share" in digest
    assert "Example Corp opens its new Copenhagen office" in digest
    assert "[#4 Not for me]" in digest

    # The digest's buttons work like any other: the last message's `#N`.
    again = await session(make_settings, "alice", ["/socialbot digest", "#13"])
    assert "Today's digest has already come" in again
    assert "Digests muted for a week" not in again  # #13 was no button of the last message


async def test_a_manager_console_triages_what_console_reporters_send(
    make_settings: SettingsFactory,
) -> None:
    reporter = await session(make_settings, "alice", [REPORT, UNCOVERED, "#1"])
    assert "Your report R-0001" in reporter
    assert "I've passed your question to the social media team" in reporter
    assert "--- for" not in reporter  # the team's messages are not for alice

    # A manager's session shows what came for the team while nobody was there: the card, then
    # the question, whose Answer button is #1.
    manager = await session(
        make_settings, "bob", ["#1", "Ulaanbaatar; please don't post about it."], manager=True
    )
    card, question = manager.split("--- for the social media team ---")[1:3]
    assert "Negative mention R-0001" in card and "alice: they are spreading false prices" in card
    assert "[#1 Acknowledge]" in card
    assert UNCOVERED in question and "[#1 Answer]" in question
    assert "Thanks! Your answer is on its way to alice." in manager
    _, answered = manager.split("--- for the social media team (updated) ---")  # the question
    assert "Answered by bob: Ulaanbaatar; please don't post about it." in answered

    # `#N` presses a button of the last message shown, and a message may come between two lines
    # (here the question, edited soon after the answer): the triage is a session of its own.
    triage = await session(make_settings, "bob", ["/report-mention open", "#1"], manager=True)
    _, acknowledged = triage.split("R-0001 acknowledged. The reporter has been told.")
    _, edited = acknowledged.split("--- for the social media team (updated) ---")  # in place
    assert "Negative mention R-0001" in edited and "Status: Acknowledged" in edited

    news = await session(make_settings, "alice", [])
    assert "The social media team has seen your report R-0001 and is on it." in news
    assert "Ulaanbaatar; please don't post about it." in news and "Answered by bob." in news
    assert await session(make_settings, "alice", []) == ""  # each message shows once


async def test_messages_are_pruned_with_the_deliveries_shown_or_not(
    make_settings: SettingsFactory,
) -> None:
    await session(make_settings, "alice", [REPORT])  # the card waits for a manager, unshown
    await session(make_settings, "alice", ["/socialbot digest"])  # the digest is shown

    def left() -> list[tuple[str, int]]:
        return sorted((row["recipient"], row["shown"]) for row in runtime.db["console_inbox"].rows)

    runtime = build_runtime(make_settings())
    try:
        await runtime.prune_deliveries_daily(datetime.now(UTC) + timedelta(days=89))
        assert left() == [("alice", 1), (CONSOLE_TEAM, 0)]
        # No `--manager` session ever opened: the team's card goes all the same.
        await runtime.prune_deliveries_daily(datetime.now(UTC) + timedelta(days=91))
        assert left() == []
    finally:
        runtime.db.close()


async def test_a_command_word_runs_as_in_a_slack_dm(make_settings: SettingsFactory) -> None:
    # "report <link> [note]" typed as a message files the report, as a DM to the bot on Slack
    # and Teams does; it was answered as a guideline question.
    said = await session(
        make_settings, "alice", ["report https://x.com/someone/status/9 lies", "help"]
    )
    assert "Your report R-0001" in said
    assert "socialbot help\n=" in said


async def beside_a_backup(make_settings: SettingsFactory) -> tuple[Any, sqlite3.Connection]:
    """A runtime on the shared database (made by a first session), its lock waits shortened,
    and another program's connection to it, to take the write lock as a backup script does."""
    await session(make_settings, "alice", ["/socialbot help"])
    runtime = build_runtime(make_settings())
    runtime.db.execute("PRAGMA busy_timeout=50")
    return runtime, sqlite3.connect(make_settings().db, isolation_level=None)


async def test_a_session_started_while_another_program_holds_the_lock_waits_for_it(
    make_settings: SettingsFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A backup script's `BEGIN IMMEDIATE` as the console starts: the session waits for the lock
    # and then answers what was typed, instead of ending with it (closing11).
    runtime, other = await beside_a_backup(make_settings)
    monkeypatch.setattr(store, "LOCK_RETRY_SECONDS", 0.01)
    other.execute("BEGIN IMMEDIATE")
    out = io.StringIO()
    typed = io.StringIO(f"{REPORT}\n")
    chatting = asyncio.create_task(chat(runtime, typed, out, "alice", False))
    try:
        while WAITING_FOR_THE_LOCK not in out.getvalue():
            assert not chatting.done(), out.getvalue()
            await asyncio.sleep(0.01)
        other.execute("ROLLBACK")  # the backup is done
        await asyncio.wait_for(chatting, 30)
    finally:
        other.close()
        runtime.db.close()
    said = out.getvalue()
    assert said.count(WAITING_FOR_THE_LOCK) == 1
    assert "Your report R-0001" in said.split(WAITING_FOR_THE_LOCK)[1]


async def test_a_report_kept_mid_session_is_filed_once_the_lock_frees(
    make_settings: SettingsFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fix14d 6: typed while a backup held the lock, a report was "filed as soon as the database
    # is free", but only `socialbot run`'s clock filed it: the console's typist never got it.
    runtime, other = await beside_a_backup(make_settings)
    monkeypatch.setattr(console_chat, "KEPT_REPORTS_EVERY", 0.05)
    monkeypatch.setattr(console_chat, "DRAIN_SECONDS", 0.5)
    alice = LiveChat(runtime)
    try:
        await alice.type("/socialbot help", "socialbot help")  # the session runs
        other.execute("BEGIN IMMEDIATE")
        await alice.type(REPORT, "so it is kept and filed as soon as the database is")
        other.execute("ROLLBACK")  # the backup is done
        await asyncio.wait_for(alice.shown("is filed now."), 30)
        await alice.end()
    finally:
        other.close()
        runtime.db.close()
    assert "Your report R-0001" in alice.said.split("is filed now.")[1]


class LiveChat:
    """alice's chat on a pipe, typed into while it runs."""

    def __init__(self, runtime: Any) -> None:
        read, write = os.pipe()
        self._typing = os.fdopen(write, "w")
        self._out = io.StringIO()
        self._chat = asyncio.create_task(chat(runtime, os.fdopen(read), self._out, "alice", False))

    @property
    def said(self) -> str:
        """What the chat printed so far."""
        return self._out.getvalue()

    async def shown(self, text: str) -> None:
        """Wait until the chat printed `text`; fail if it ended first."""
        while text not in self.said:
            assert not self._chat.done(), self.said
            await asyncio.sleep(0.01)

    async def type(self, line: str, answer: str) -> None:
        """Type `line`, and wait for `answer`."""
        self._typing.write(f"{line}\n")
        self._typing.flush()
        await self.shown(answer)

    async def end(self) -> None:
        """End the input, and wait for the chat to end."""
        self._typing.close()
        await asyncio.wait_for(self._chat, 30)


async def test_a_chat_leaves_the_sending_to_a_bot_started_meanwhile(
    make_settings: SettingsFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fix15b 1: a console chat sent beside `socialbot run`, two senders at one rate.
    monkeypatch.setattr(console_chat, "LOOK_FOR_A_RUN_EVERY", 0.05)
    monkeypatch.setattr(console_chat, "DRAIN_SECONDS", 0.2)
    runtime = build_runtime(make_settings())
    alice = LiveChat(runtime)
    run = store.RunLock(make_settings().db)
    try:
        await alice.type("/socialbot help", "socialbot help")  # the session runs, its engine too
        run.acquire()  # `socialbot run` starts on the database
        await asyncio.wait_for(alice.shown("socialbot run is running on this database (pid"), 30)
        await alice.type(REPORT, "Your report R-0001")
        # The team's card waits for the running bot's engine: the chat's sent nothing more.
        assert {row["state"] for row in runtime.db["deliveries"].rows} == {"queued"}
        run.release()  # the run stops: the chat sends again (fix15b's leftover)
        await asyncio.wait_for(alice.shown("socialbot run stopped: this chat sends"), 30)
        # The card goes out, to the team's inbox.
        await until(lambda: {row["state"] for row in runtime.db["deliveries"].rows} == {"sent"}, 30)
        await alice.end()
    finally:
        run.release()
        runtime.db.close()
