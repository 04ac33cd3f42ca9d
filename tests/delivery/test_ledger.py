"""The ledger: idempotent enqueue, payloads stored once, claims, recovery after a crash."""

from __future__ import annotations

import time

import pytest
from sqlite_utils import Database

from bot.delivery.engine import DeliveryEngine
from bot.delivery.ledger import Ledger, migrations
from bot.store import open_database
from handlers.views import Message
from tests.delivery.conftest import EngineFactory


def test_enqueue_twice_is_a_no_op(make_engine: EngineFactory, db: Database) -> None:
    engine = make_engine()
    people = ["U1", "U2", "U3"]
    assert engine.enqueue("slack", people, "digest", "2025-06-02", Message("hi")) == 3
    assert engine.enqueue("slack", people, "digest", "2025-06-02", Message("hi")) == 0
    assert engine.enqueue("slack", [*people, "U4"], "digest", "2025-06-02", Message("hi")) == 1
    assert engine.enqueue("slack", people, "digest", "2025-06-03", Message("hi")) == 3
    assert db["deliveries"].count == 7


def test_a_shared_payload_is_stored_once(make_engine: EngineFactory, db: Database) -> None:
    engine = make_engine()
    people = [f"U{n}" for n in range(500)]
    engine.enqueue("slack", people, "announcement", "42", Message("Launch day"))
    assert db["deliveries"].count == 500
    assert db["delivery_payloads"].count_where("body != ''") == 1


def test_per_recipient_messages(make_engine: EngineFactory, db: Database) -> None:
    engine = make_engine()

    def digest(person: str) -> Message | None:
        return None if person == "U3" else Message(f"Your picks, {person}")

    assert engine.enqueue("slack", ["U1", "U2", "U3"], "digest", "d", digest) == 2
    assert db["delivery_payloads"].count_where("body != ''") == 2
    bodies = {row["recipient"]: row["payload"] for row in db["deliveries"].rows}
    assert bodies["U1"] != bodies["U2"]


def test_a_row_is_claimed_once(make_engine: EngineFactory, db: Database) -> None:
    make_engine().enqueue("slack", ["U1"], "digest", "d", Message("hi"))
    ledger = Ledger(db)
    (row,) = ledger.due("slack", 0, time.time(), 10)
    assert ledger.claim(row.id, "a", time.time())
    assert not ledger.claim(row.id, "b", time.time())
    assert ledger.due("slack", 0, time.time(), 10) == []


def test_recovery_takes_rows_of_dead_or_stale_owners_only(
    make_engine: EngineFactory, db: Database
) -> None:
    make_engine().enqueue("slack", ["U1", "U2", "U3", "U4"], "digest", "d", Message("hi"))
    ledger = Ledger(db)
    now = time.time()
    rows = ledger.due("slack", 0, now, 10)
    owners = ["dead", "alive-stale", "alive", "me"]
    for row, owner in zip(rows, owners, strict=True):
        ledger.claim(row.id, owner, now - 100 if owner == "alive-stale" else now)
    recovered = ledger.recover(
        "me", lambda owner: owner == "dead", stale_before=now - 50, not_before=now
    )
    assert recovered == 2
    states = {r["recipient"]: (r["state"], r["uncertain"]) for r in db["deliveries"].rows}
    assert states == {
        "U1": ("queued", 1),
        "U2": ("queued", 1),
        "U3": ("sending", 0),
        "U4": ("sending", 0),
    }


def test_enqueue_refuses_a_platform_without_gateway(make_engine: EngineFactory) -> None:
    engine: DeliveryEngine = make_engine()
    with pytest.raises(ValueError, match="teams"):
        engine.enqueue("teams", ["a"], "digest", "d", Message("hi"))


def test_old_finished_deliveries_and_their_payloads_are_pruned(tmp_path) -> None:
    db = open_database(tmp_path / "p.db", [migrations])
    ledger = Ledger(db)
    ledger.enqueue("slack", "digest", "old", [("U1", {"text": "old"}), ("U2", {"text": "old"})], 0)
    ledger.enqueue("slack", "digest", "new", [("U1", {"text": "new"})], 0)
    old = [row["id"] for row in db["deliveries"].rows_where("key = 'old'")]
    ledger.mark_sent(old[0], "C1/1", now=100.0)
    ledger.mark_failed(old[1], "user_not_found", now=100.0)
    assert ledger.prune(before=200.0, now=300.0) == 2
    assert [row["key"] for row in db["deliveries"].rows] == ["new"]  # queued rows stay
    assert db["delivery_payloads"].count_where("body != ''") == 1


def test_a_message_id_is_found_per_recipient_where_ids_repeat(tmp_path) -> None:
    # Teams numbers channel posts by their time in milliseconds: two channels can share an id.
    db = open_database(tmp_path / "m.db", [migrations])
    ledger = Ledger(db)
    ledger.enqueue("teams", "question", "q1", [("19:a@thread.tacv2", {"text": "q1"})], 0)
    ledger.enqueue("teams", "report", "r1", [("19:b@thread.tacv2", {"text": "r1"})], 0)
    for row in db["deliveries"].rows:
        ledger.mark_sent(row["id"], "1700000000001", now=1.0)

    assert ledger.sent_as("teams", "1700000000001", "19:a@thread.tacv2") == ("question", "q1")
    assert ledger.sent_as("teams", "1700000000001", "19:b@thread.tacv2") == ("report", "r1")
    assert ledger.sent_as("teams", "1700000000001", "19:c@thread.tacv2") is None
    assert ledger.sent_as("slack", "1700000000001") is None
