"""Exactly once across a real crash: a fan-out process SIGKILLed while requests are unanswered.

The fake Slack answers the first three posts and then holds every answer, so at the kill the
ledger says `sending` for rows whose message Slack already holds (or, in the second case, never
got). The restarted engine must deliver every message exactly once.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.delivery import crash_child
from tests.delivery.conftest import EngineFactory, drain, until
from tests.fakes.slack_web_api import FakeSlack

POST = "chat.postMessage"
COUNT, ANSWERED = 10, 3


def calls(slack: FakeSlack, method: str) -> int:
    """How many calls of `method` Slack got, answered or not (the DMs' users.info aside)."""
    return sum(name == method for name, _ in slack.calls)


def states(db: Database) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in db["deliveries"].rows:
        found[row["state"]] = found.get(row["state"], 0) + 1
    return found


@pytest.mark.parametrize("arrived", [True, False], ids=["posted-unanswered", "never-posted"])
async def test_sigkill_mid_fan_out_then_restart_delivers_exactly_once(
    slack: FakeSlack, db: Database, db_path: Path, make_engine: EngineFactory, arrived: bool
) -> None:
    slack.stall(POST, after=ANSWERED, deliver=arrived)
    child = await asyncio.create_subprocess_exec(
        sys.executable, crash_child.__file__, slack.url, str(db_path), str(COUNT),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        await until(lambda: calls(slack, POST) == COUNT and states(db).get("sent") == ANSWERED, 60)
    finally:
        child.send_signal(signal.SIGKILL)
        _, errors = await child.communicate()  # reaped: its pid no longer runs
    assert child.returncode == -signal.SIGKILL, errors.decode()
    assert states(db) == {"sent": ANSWERED, "sending": COUNT - ANSWERED}
    assert len(slack.messages) == (COUNT if arrived else ANSWERED)
    slack.release()

    async with make_engine() as engine:
        done = await drain(engine, crash_child.PURPOSE, crash_child.KEY)
    assert engine.recovered == COUNT - ANSWERED
    assert (done.sent, done.failed) == (COUNT, 0)
    everyone = {slack.dm_channel(person): 1 for person in crash_child.people(COUNT)}
    assert slack.per_channel() == everyone  # nobody twice, nobody missing
    assert slack.count(POST, 200) == COUNT
    for row in db["deliveries"].rows:
        (posted,) = slack.messages_in(row["recipient"])
        assert row["message_id"] == f"{posted.channel}/{posted.ts}"
