"""A full disk (SQLite's own page limit on a real file stands in for it): the reporter hears the
bot cannot save right now, `/healthz` says the database is down, and once there is room again
the same report goes through."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot import storage
from tests.fakes.slack_requests import (
    command_reply,
    post_form,
    post_json,
    slash,
    wait_for_call,
)
from tests.slack.test_http import with_text

LINK = "https://x.com/angry_customer/status/1790000000000000001"
# Far more than fits in the room left in any page: saving it needs a new one.
NOTE = "é" * 3000


def fill_the_disk(db: Any) -> None:
    """Let the database file grow no more, with no free page left inside it (a migration that
    dropped a table leaves some, where a row still fits)."""
    db.execute("VACUUM")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def leave_no_room(db: Any, insert: str, values: Callable[[str], list[object]]) -> None:
    """Fill the disk, and the room left in the pages of the table `insert` writes to (with
    `values` of a key): not even a small row fits."""
    fill_the_disk(db)
    for width in (200, 1):
        with pytest.raises(sqlite3.OperationalError, match="full"):
            for n in range(100_000):
                db.execute(insert, values(f"{n:0>{width}}"))


async def test_a_full_disk_is_told_to_the_reporter_and_to_healthz(
    make_slack_bot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await make_slack_bot(escalation_channel="CSOCIAL")
    db = bot.runtime.db
    fill_the_disk(db)

    answer = await (await post_form(bot, slash("/report-mention", f"{LINK} {NOTE}"))).json()
    health = await bot.get("/healthz")

    assert "cannot save right now" in answer["text"] and "Sorry" not in answer["text"]
    assert db["reports"].count == 0
    database = (await health.json())["database"]
    assert database["ok"] is False and "full" in database["error"]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [(r.getMessage(), r.exc_info) for r in errors] == [
        ("could not save: the database or its disk is full", None)
    ]

    db.execute("PRAGMA max_page_count = 1073741823")  # room again
    again = await (await post_form(bot, slash("/report-mention", f"{LINK} {NOTE}"))).json()

    assert "R-0001" in again["text"]
    assert (await (await bot.get("/healthz")).json())["database"]["ok"] is True
    assert db["reports"].count == 1


async def test_a_database_file_moved_under_the_running_bot_shows_on_healthz(
    make_slack_bot: Any,
) -> None:
    """Moved (or its volume swapped): what the bot saves goes to a file the next start will
    not open (review15b K4)."""
    bot = await make_slack_bot()
    path = Path(bot.runtime.db.execute("PRAGMA database_list").fetchone()[2])
    assert (await (await bot.get("/healthz")).json())["database"]["ok"] is True
    await asyncio.to_thread(path.rename, path.with_name("old.db"))  # as a volume remounted

    database = (await (await bot.get("/healthz")).json())["database"]

    assert database["ok"] is False
    assert f"the database file at {path} is gone or was replaced" in database["error"]


async def test_a_guideline_question_is_answered_on_a_full_disk(
    make_slack_bot: Any, slack: Any
) -> None:
    """Answering needs no room: only the record for 👍/👎 is left out (review10b O5)."""
    bot = await make_slack_bot()
    db = bot.runtime.db
    fill_the_disk(db)
    question = "can I post a photo of the office? " + NOTE  # its record needs a new page

    reply = await command_reply(bot, slack, "/guidelines", question)

    assert "cannot save" not in reply["text"] and "Sorry" not in reply["text"]
    assert reply.get("blocks"), reply
    assert db["guideline_answers"].count == 0


async def test_direct_messages_on_a_full_disk_are_answered_not_refused(
    make_slack_bot: Any, slack: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Even the record of a DM's event id finds no room: a report is told the bot cannot save,
    a question is answered, Slack gets 200, no traceback (review15b K2)."""
    bot = await make_slack_bot(escalation_channel="CSOCIAL")
    db = bot.runtime.db
    leave_no_room(db, "INSERT INTO slack_seen_events VALUES (?, 0)", lambda key: [key])
    report = with_text("message_im.json", f"report {LINK} {NOTE}")
    question = with_text("message_im.json", "Can I post a photo from the office party?")
    question["event_id"], question["event"]["ts"] = "Ev0QUESTION", "1355517524.000001"

    assert [(await post_json(bot, event)).status for event in (report, question)] == [200, 200]

    texts = [m["text"] for m in await wait_for_call(slack, "chat.postMessage", 2)]
    assert any(storage.CANNOT_SAVE in text for text in texts), texts
    assert any("Photos and videos from the office" in text for text in texts), texts
    assert db["reports"].count == 0
    assert not [r for r in caplog.records if r.exc_info]


async def test_a_question_while_another_program_holds_the_database_is_answered(
    make_slack_bot: Any, slack: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """The record of a DM's event id waits for a lock held elsewhere (a backup script's `BEGIN
    IMMEDIATE`) and times out: the question is answered all the same, Slack gets 200, no
    traceback (review15c R6: HTTP 500, the person no word)."""
    bot = await make_slack_bot(escalation_channel="CSOCIAL")
    db = bot.runtime.db
    holder = sqlite3.connect(db.execute("PRAGMA database_list").fetchone()[2])
    holder.execute("BEGIN IMMEDIATE")
    db.execute("PRAGMA busy_timeout = 0")  # as when the lock outlasts the wait for it
    question = with_text("message_im.json", "Can I post a photo from the office party?")
    try:
        status = (await post_json(bot, question)).status
        texts = [m["text"] for m in await wait_for_call(slack, "chat.postMessage")]
    finally:
        holder.rollback()
        holder.close()

    assert status == 200
    assert any("Photos and videos from the office" in text for text in texts), texts
    assert not [r for r in caplog.records if r.exc_info]


async def test_a_report_made_while_another_program_holds_the_database_is_kept_and_filed_after(
    make_slack_bot: Any, slack: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """A backup script's `BEGIN IMMEDIATE` (or a database browser with unsaved edits): the
    report is kept beside the database, filed once the lock goes, and the reporter gets its
    receipt then; one WARNING naming the lock, no traceback (review10b O4)."""
    bot = await make_slack_bot(escalation_channel="CSOCIAL")
    db = bot.runtime.db
    holder = sqlite3.connect(db.execute("PRAGMA database_list").fetchone()[2])
    holder.execute("BEGIN IMMEDIATE")
    caplog.clear()
    try:
        reply = await command_reply(bot, slack, "/report-mention", f"{LINK} calls us crooks")
        db.execute("PRAGMA busy_timeout = 0")  # as when the lock outlasts the wait for it
        await bot.runtime.core.tick(datetime.now(UTC))  # the clock's work waits (review12b D11)
        await bot.runtime.core.tick(datetime.now(UTC))
    finally:
        holder.rollback()
        holder.close()

    assert "kept" in reply["text"] and "Sorry" not in reply["text"], reply
    assert db["reports"].count == 0
    told = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [(r.levelno, "write lock" in r.getMessage(), r.exc_info) for r in told] == [
        (logging.WARNING, False, None),  # the reporter's: "database is locked"
        (logging.WARNING, True, None),  # the clock's, once
    ]

    caplog.set_level(logging.INFO, logger="handlers.core")
    await bot.runtime.core.tick(datetime.now(UTC))
    assert any("write lock is free again" in r.getMessage() for r in caplog.records)

    (reporter,) = db["report_reporters"].rows
    assert reporter["user_id"] == "W111" and "calls us crooks" in json.dumps(reporter)
    sent = await wait_for_call(slack, "chat.postMessage", count=2)  # the card and the receipt
    assert {call["channel"] for call in sent if "R-0001" in call["text"]} >= {"CSOCIAL"}
    assert any("R-0001" in c["text"] and c["channel"] != "CSOCIAL" for c in sent), sent


async def test_a_kept_reports_file_with_a_damaged_line_still_files_the_rest(
    make_slack_bot: Any, slack: Any
) -> None:
    """A line cut short by a crash (no newline), a byte that is no UTF-8, a line that is no
    report: the reports after them are filed, the unreadable one is set aside for an admin,
    and the clock's other work goes on."""
    bot = await make_slack_bot(escalation_channel="CSOCIAL")
    db = bot.runtime.db
    holder = sqlite3.connect(db.execute("PRAGMA database_list").fetchone()[2])
    holder.execute("BEGIN IMMEDIATE")
    try:
        kept_path = bot.runtime.settings.db.with_name(
            bot.runtime.settings.db.name + ".kept-reports"
        )
        kept_path.write_bytes(b'[1, 2]\n{"links": 5}\n\xff\xfe\n{"cut short')
        await command_reply(bot, slack, "/report-mention", f"{LINK} calls us crooks")
    finally:
        holder.rollback()
        holder.close()

    await bot.runtime.core.tick(datetime.now(UTC))

    (reporter,) = db["report_reporters"].rows
    assert "calls us crooks" in json.dumps(reporter)
    assert not kept_path.exists()
    aside = kept_path.with_name(kept_path.name + ".unreadable").read_text(encoding="utf-8")
    assert aside == '{"links": 5}\n'


async def test_an_answer_posted_past_a_held_lock_is_not_asked_again_after_a_stop(
    make_slack_bot: Any, slack: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock taken while the question is answered: the answer is posted without the queue,
    and its note, which could not be forgotten then, is at the stop (review16b R8: the next
    start also said "I was restarted …; please ask it again")."""
    bot = await make_slack_bot()
    db = bot.runtime.db
    holder = sqlite3.connect(db.execute("PRAGMA database_list").fetchone()[2])
    db.execute("PRAGMA busy_timeout = 0")  # as when the lock outlasts the wait for it
    answer = bot.runtime.core.message

    async def locked_meanwhile(*args: Any, **kwargs: Any) -> Any:
        holder.execute("BEGIN IMMEDIATE")  # a backup script, after the question was noted
        return await answer(*args, **kwargs)

    monkeypatch.setattr(bot.runtime.core, "message", locked_meanwhile)
    question = with_text("message_im.json", "Can I post a photo from the office party?")
    try:
        assert (await post_json(bot, question)).status == 200
        texts = [m["text"] for m in await wait_for_call(slack, "chat.postMessage")]
        await bot.runtime.slack.settle()
    finally:
        holder.rollback()
        holder.close()
    await bot.runtime.slack.stop()  # as `socialbot run` does, once the lock is let go

    assert any("Photos and videos from the office" in text for text in texts), texts
    assert db["unanswered"].count == 0  # nothing to ask again at the next start
