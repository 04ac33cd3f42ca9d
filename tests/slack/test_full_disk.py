"""A full disk (SQLite's own page limit on a real file stands in for it): the reporter hears the
bot cannot save right now, `/healthz` says the database is down, and once there is room again
the same report goes through."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.fakes.slack_requests import command_reply, post_form, slash

LINK = "https://x.com/angry_customer/status/1790000000000000001"
# Far more than fits in the room left in any page: saving it needs a new one.
NOTE = "é" * 3000


def fill_the_disk(db: Any) -> None:
    """Let the database file grow no more."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


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
