"""Logs are structured and never carry a secret."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime

import pytest

from bot.logs import configure_logging


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_secrets_are_redacted(fmt: str, capsys) -> None:
    configure_logging("INFO", fmt, secrets=["s3cr3t-signing-value"])
    log = logging.getLogger("test")
    log.info("token %s and secret %s", "xoxb-1234-abcd", "s3cr3t-signing-value")
    log.warning("header", extra={"auth": "Bearer abcdefghijklmnopqrstuvwxyz"})
    try:
        raise RuntimeError("failed with xapp-1-A111-222-abc")
    except RuntimeError:
        log.exception("boom")
    err = capsys.readouterr().err
    assert "xoxb-1234-abcd" not in err
    assert "s3cr3t-signing-value" not in err
    assert "abcdefghijklmnopqrstuvwxyz" not in err
    assert "xapp-1-A111-222-abc" not in err
    assert err.count("[redacted]") >= 4
    if fmt == "json":
        entries = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
        assert [e["level"] for e in entries] == ["INFO", "WARNING", "ERROR"]
        assert entries[1]["auth"] == "[redacted]"
        assert "RuntimeError" in entries[2]["traceback"]


def test_text_log_times_are_utc_whatever_the_containers_tz(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14, as a deployer's compose file may set
    time.tzset()
    try:
        configure_logging("INFO", "text", secrets=[])
        logging.getLogger("test").info("hello")
    finally:
        monkeypatch.undo()
        time.tzset()
    stamp = capsys.readouterr().err.split()[0]
    assert stamp.endswith("Z")
    logged = datetime.strptime(stamp, "%H:%M:%SZ").time()
    now = datetime.now(UTC)
    apart = abs(
        now.hour * 3600
        + now.minute * 60
        + now.second
        - logged.hour * 3600
        - logged.minute * 60
        - logged.second
    )
    assert min(apart, 86400 - apart) < 60
