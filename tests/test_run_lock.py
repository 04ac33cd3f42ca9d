"""One `socialbot run` per database: the lock file next to it."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from bot.settings import SettingsError
from bot.store import AlreadyRunning, RunLock


def test_a_second_holder_is_refused_with_the_first_named(tmp_path: Path) -> None:
    first = RunLock(tmp_path / "socialbot.db")
    assert first.acquire() is None
    with pytest.raises(AlreadyRunning) as refused:
        RunLock(tmp_path / "socialbot.db").acquire()
    message = str(refused.value)
    assert message.startswith(f"socialbot run is already running on {tmp_path / 'socialbot.db'}")
    assert f"pid {os.getpid()} on host {socket.gethostname()} since " in message
    assert len(message.splitlines()) == 1
    first.release()
    second = RunLock(tmp_path / "socialbot.db")
    assert second.acquire() is None  # a clean stop leaves nobody to take over from
    second.release()


def test_a_holder_that_died_is_taken_over(tmp_path: Path) -> None:
    # What a SIGKILLed run leaves: its record in the file, and no lock (the kernel dropped it).
    record = {"pid": 999999, "host": "web-1", "since": "2026-12-06T08:00:00+00:00"}
    (tmp_path / "socialbot.db.lock").write_text(json.dumps(record))
    lock = RunLock(tmp_path / "socialbot.db")
    assert lock.acquire() == "pid 999999 on host web-1 since 2026-12-06T08:00:00+00:00"
    assert json.loads((tmp_path / "socialbot.db.lock").read_text())["pid"] == os.getpid()
    lock.release()


def test_a_lock_file_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "socialbot.db.lock").mkdir()  # not a file: even root cannot open it to write
    with pytest.raises(SettingsError) as refused:
        RunLock(tmp_path / "socialbot.db").acquire()
    assert str(refused.value).startswith("Invalid setting SOCIALBOT_DB: cannot open the lock file")
