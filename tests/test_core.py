"""The core's work begun after answering someone: awaited at the end, its failures logged."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.store import open_database
from handlers.core import Core
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
