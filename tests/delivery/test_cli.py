"""`socialbot deliveries status` and the fan-out progress bar."""

from __future__ import annotations

import json
import time
from pathlib import Path

from click.testing import CliRunner
from sqlite_utils import Database

from bot.delivery.cli import deliveries, progress_bar
from bot.delivery.ledger import Ledger, migrations
from bot.delivery.progress import Progress
from bot.settings import load_settings
from bot.store import open_database
from handlers.views import Message
from tests.delivery.conftest import EngineFactory


def test_status_lists_counts_and_reasons(
    make_engine: EngineFactory, db: Database, db_path: Path
) -> None:
    make_engine().enqueue("slack", ["U1", "U2", "U3"], "digest", "2025-06-02", Message("hi"))
    ledger = Ledger(db)
    first, second, _ = ledger.due("slack", 0, time.time(), 10)
    for row in (first, second):
        ledger.claim(row.id, "me", time.time())
    ledger.mark_sent(first.id, "D1/1.0", time.time())
    ledger.mark_failed(second.id, "user_not_found", time.time())

    settings = load_settings(db=db_path)
    result = CliRunner().invoke(deliveries, ["status", "--json"], obj=settings)
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    assert json.loads(line) == {
        "purpose": "digest", "key": "2025-06-02", "queued": 1, "sending": 0, "sent": 1,
        "failed": 1, "reasons": {"user_not_found": 1}, "remaining": 1,
    }  # fmt: skip
    table = CliRunner().invoke(deliveries, ["status"], obj=settings).output
    assert "digest" in table and "user_not_found" in table


def test_status_of_an_empty_ledger(db_path: Path) -> None:
    result = CliRunner().invoke(deliveries, ["status"], obj=load_settings(db=db_path))
    assert result.exit_code == 0
    assert "No deliveries yet." in result.output


def test_progress_bar_follows_the_callbacks(monkeypatch, capsys) -> None:
    monkeypatch.setattr("click._termui_impl.isatty", lambda stream: True)  # draw as on a terminal
    steps = [Progress("digest", "d", 10, sent, 0, 10 - sent, 5.0, sent / 5) for sent in (0, 4, 10)]
    with progress_bar("Sending digests") as update:
        for step in steps:
            update(step)
    drawn = capsys.readouterr().err
    assert "Sending digests" in drawn
    assert "4/10" in drawn and "10/10" in drawn


def test_retry_queues_again_what_failed(
    make_engine: EngineFactory, db: Database, db_path: Path
) -> None:
    engine = make_engine()
    engine.enqueue("slack", ["U1", "U2"], "announcement", "1", Message("Launch"))
    engine.enqueue("slack", ["U3"], "digest", "2026-12-06", Message("hi"))
    ledger = Ledger(db)
    for row in ledger.due("slack", 0, time.time(), 10):
        ledger.claim(row.id, "me", time.time())
        ledger.mark_failed(row.id, "gave up after 10 tries: HTTP 503", time.time())
    settings = load_settings(db=db_path)
    runner = CliRunner()
    args = ["retry", "--purpose", "announcement", "--key", "1"]
    result = runner.invoke(deliveries, args, obj=settings)
    assert result.exit_code == 0, result.output
    assert result.output == "announcement 1: 2 slack message(s) queued again\n"
    assert ledger.counts("announcement", "1") == {"queued": 2, "sending": 0, "sent": 0, "failed": 0}
    assert ledger.counts("digest", "2026-12-06")["failed"] == 1
    assert "1 slack message(s)" in runner.invoke(deliveries, ["retry"], obj=settings).output
    again = runner.invoke(deliveries, ["retry"], obj=settings)
    assert again.output == "Nothing failed to send again.\n"
    assert runner.invoke(deliveries, ["retry", "--key", "1"], obj=settings).exit_code == 2
    # The period is the one `insights` and `checks stats` read: garbage is refused in one line.
    for period in ("-5", "nan", "inf", "0d", "abc"):
        refused = runner.invoke(deliveries, ["retry", "--since", period], obj=settings)
        assert refused.exit_code == 2, period
        assert f"Invalid value for '--since': '{period}' is not a period" in refused.output
    week = runner.invoke(deliveries, ["retry", "--since", "2w"], obj=settings)
    assert week.output == "Nothing failed to send again.\n"


def test_a_digest_past_its_person_s_day_is_not_queued_again(
    make_engine: EngineFactory, db: Database, db_path: Path
) -> None:
    engine = make_engine()
    engine.enqueue("slack", ["U1"], "digest", "2026-12-06", Message("hi"), expires_in=-1.0)
    engine.enqueue("slack", ["U2"], "digest", "2026-12-06", Message("hi"), expires_in=3600.0)
    ledger = Ledger(db)
    for row in ledger.due("slack", 0, time.time(), 10):
        ledger.mark_failed(row.id, "gave up after 10 tries: HTTP 503", time.time())
    result = CliRunner().invoke(deliveries, ["retry"], obj=load_settings(db=db_path))
    assert result.output == (
        "digest 2026-12-06: 1 slack message(s) queued again; 1 past its end (a digest: its"
        " person's day) is not sent\n"
    )
    assert ledger.counts("digest", "2026-12-06") == {
        "queued": 1, "sending": 0, "sent": 0, "failed": 1
    }  # fmt: skip


def test_a_purpose_the_bot_never_sends_under_is_refused(
    make_engine: EngineFactory, db_path: Path
) -> None:
    make_engine().enqueue("slack", ["U1"], "digest", "2026-12-06", Message("hi"))
    settings = load_settings(db=db_path)
    runner = CliRunner()
    for args in (["status", "--purpose", "nope"], ["retry", "--purpose", "nope"]):
        result = runner.invoke(deliveries, args, obj=settings)
        assert result.exit_code == 2
        assert "Invalid value for '--purpose': 'nope' is not one of 'digest', 'announcement'," in (
            result.output
        )
        assert "'report-status'" in result.output
    # A DM's answer too, before one is in the ledger (review15a R6).
    for purpose in ("report-status", "dm-answer"):
        known = runner.invoke(deliveries, ["status", "--purpose", purpose], obj=settings)
        assert (known.exit_code, known.output) == (0, "No deliveries yet.\n")


def test_an_older_database_keeps_only_the_bodies_that_may_still_go_out(db_path: Path) -> None:
    # A database of the release before: every body kept until its row goes, 90 days later.
    # Its rows as that release wrote them (today's Ledger knows columns it did not have).
    old = Database(db_path)
    migrations.apply(old, stop_before="drop_finished_bodies")
    now = time.time()
    rows = {"sent": ("sent", now - 3600), "failed-today": ("failed", now - 3600),
            "failed-long-ago": ("failed", now - 8 * 86400), "queued": ("queued", None)}  # fmt: skip
    with old.atomic():
        for n, (key, (state, finished)) in enumerate(rows.items()):
            body = json.dumps({"text": f"digest {n}"}, separators=(",", ":"))
            old.execute("INSERT INTO delivery_payloads VALUES (?, ?, ?)", [f"p{n}", body, now])
            old.execute(
                "INSERT INTO deliveries (platform, recipient, purpose, key, payload, state,"
                " reason, created_at, finished_at) VALUES ('slack', 'U1', 'digest', ?, ?, ?, ?,"
                " ?, ?)",
                [key, f"p{n}", state, "user_not_found" if state == "failed" else None, now,
                 finished],
            )  # fmt: skip
    old.close()

    open_database(db_path, [migrations]).close()  # `socialbot run` of this release: migrated
    settings = load_settings(db=db_path)
    status = CliRunner().invoke(deliveries, ["status"], obj=settings)
    assert status.exit_code == 0, status.output
    assert status.output.count("digest") == 4  # every row is still counted
    kept = Database(db_path).execute(
        "SELECT d.key, p.body FROM deliveries d JOIN delivery_payloads p ON p.hash = d.payload"
        " WHERE p.body != '' ORDER BY d.key"
    )
    assert kept.fetchall() == [
        ("failed-today", '{"text":"digest 1"}'),
        ("queued", '{"text":"digest 3"}'),
    ]
    again = CliRunner().invoke(deliveries, ["retry", "--since", "30d"], obj=settings)
    assert again.output.splitlines() == [
        "digest failed-long-ago: 0 slack message(s) queued again; 1 failed too long ago to send"
        " again (a message is kept 7 days after it fails)",
        "digest failed-today: 1 slack message(s) queued again",
    ]
