"""The core's work begun after answering someone: awaited at the end, its failures logged."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import pytest

from bot.store import open_database
from handlers.core import Core
from handlers.follow_ups import FOLLOW_UP_WITHIN
from handlers.people import Person
from tests.conftest import core_on


async def test_work_begun_after_an_answer_is_awaited_and_a_failure_only_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    core = core_on(open_database(tmp_path / "socialbot.db", Core.migrations))
    done: list[str] = []

    async def slow() -> None:
        await asyncio.sleep(0.05)
        done.append("slow")

    async def broken() -> None:
        raise RuntimeError("the platform fell over")

    with caplog.at_level(logging.ERROR):
        core.soon("slow work", slow())
        core.soon("broken work", broken())
        assert done == []  # nothing waits for it: the person is answered first
        await core.settle()

    assert done == ["slow"]
    (failed,) = [r for r in caplog.records if r.getMessage() == "background work failed"]
    assert failed.work == "broken work"  # type: ignore[attr-defined]
    await core.settle()  # nothing left: returns at once


async def test_the_questions_follow_ups_are_read_with_are_kept_for_a_bounded_few(
    tmp_path: Path,
) -> None:
    # review12c: the question before each asker was kept for the process's life, one entry per
    # person who ever asked; now the last ASKERS_KEPT askers' (or fewer: FOLLOW_UP_WITHIN).
    core = core_on(open_database(tmp_path / "socialbot.db", Core.migrations))
    core.questions_before.kept = 3
    for n in range(5):
        await core.message(Person("slack", f"U{n}"), "Can I post photos from the office?")
    assert len(core.questions_before) == 3
    # The last askers' follow-ups are still read with their question before; the first's not.
    assert await core._with_question_before(Person("slack", "U4"), "and on TikTok?") == (
        "Can I post photos from the office? and on TikTok?"
    )
    assert await core._with_question_before(Person("slack", "U0"), "and on TikTok?") == (
        "and on TikTok?"
    )
    # A quarter of an hour on, nobody's is kept but the new asker's.
    later = time.monotonic() + FOLLOW_UP_WITHIN + 1
    core.questions_before.remember(("slack", "U9"), "Can I swear?", later)
    assert len(core.questions_before) == 1
