"""The engine against a fake Slack server: pacing, 429s, retries, failures, interruptions."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import sqlite3
import time
from pathlib import Path
from typing import Literal

import pytest
from sqlite_utils import Database

from bot.delivery.breaker import utc_clock
from bot.delivery.buckets import Pace
from bot.delivery.ledger import Ledger
from bot.delivery.policy import Policy
from bot.slack.gateway import EVENT_TYPE
from handlers.views import Message
from tests.delivery.conftest import FAST, EngineFactory, drain, until
from tests.fakes.slack_web_api import FakeSlack

POST = "chat.postMessage"


def rows(db: Database) -> dict[str, dict[str, object]]:
    return {str(row["recipient"]): row for row in db["deliveries"].rows}


async def test_fan_out_sends_each_message_once_and_keeps_its_id(
    make_engine: EngineFactory, slack: FakeSlack, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "bot.delivery")
    people = [f"U{n:03d}" for n in range(30)]
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    async with make_engine() as engine:
        engine.enqueue("slack", people, "announcement", "7", Message("Launch day"))
        done = await drain(engine, "announcement", "7")
        await until(lambda: any(r.message == "delivery finished" for r in caplog.records))
    db.conn.set_trace_callback(None)
    # Nothing SQLite 3.34 refuses (RHEL 9's, which its Python 3.11 uses): each claim's
    # UPDATE … RETURNING failed there, so nothing was ever sent (review15a R3).
    assert statements and not [s for s in statements if "RETURNING" in s.upper()]
    (finished,) = [r for r in caplog.records if r.message == "delivery finished"]
    assert (finished.sent, finished.failed, finished.remaining) == (30, 0, 0)  # type: ignore[attr-defined]
    assert (done.sent, done.failed, done.remaining) == (30, 0, 0)
    assert slack.per_channel() == {slack.dm_channel(p): 1 for p in people}
    assert slack.count("conversations.open") == 0  # DMs are posted by user id
    for person, row in rows(db).items():
        (posted,) = slack.messages_in(person)
        assert row["state"] == "sent"
        assert row["message_id"] == f"{posted.channel}/{posted.ts}"
        assert posted.metadata is not None and posted.metadata["event_type"] == EVENT_TYPE


async def test_429_pauses_the_whole_bucket_until_retry_after(
    make_engine: EngineFactory, slack: FakeSlack, db: Database
) -> None:
    slack.fail(POST, "ratelimited", retry_after=1)
    async with make_engine() as engine:
        engine.enqueue("slack", ["U0"], "digest", "d", Message("hi"))
        await until(lambda: rows(db)["U0"]["attempts"] == 1 and rows(db)["U0"]["state"] == "queued")
        # The engine has the 429; everything it sends now must wait for the bucket to reopen.
        engine.enqueue("slack", [f"U{n}" for n in range(1, 6)], "digest", "d", Message("hi"))
        done = await drain(engine, "digest", "d")
    assert done.sent == 6
    posts = [r for r in slack.requests if r.method == POST]
    (limited,) = [r for r in posts if r.status == 429]
    later = [r for r in posts if r is not limited]
    assert len(later) == 6
    # Measured by the server's own clock: nothing reached the limited bucket before it reopened.
    assert min(r.at for r in later) >= limited.at + 1.0


async def test_a_huge_retry_after_is_waited_no_longer_than_the_cap_and_shown(
    make_engine: EngineFactory, slack: FakeSlack, db: Database
) -> None:
    # A proxy's or a bug's Retry-After of 15 minutes held every Slack message that long, with
    # nothing on /healthz (review12b D2).
    slack.fail(POST, "ratelimited", retry_after=900)
    policy = dataclasses.replace(FAST, longest_pause=1.0, notable_pause=0.5)
    async with make_engine(policy=policy) as engine:
        engine.enqueue("slack", ["U0"], "report", "r", Message("crisis"))
        await until(lambda: rows(db)["U0"]["attempts"] == 1 and rows(db)["U0"]["state"] == "queued")
        (said,) = engine.warnings()
        assert said.startswith("Slack asked to wait 900 s at ")
        assert "(429): its 1 message(s) wait until " in said and "the most the bot waits" in said
        done = await drain(engine, "report", "r")
        assert done.sent == 1 and engine.warnings() == []


async def test_permanent_failures_are_recorded_and_never_retried(
    make_engine: EngineFactory, slack: FakeSlack, db: Database
) -> None:
    codes = ["user_not_found", "account_inactive", "cannot_dm_bot", "user_disabled",
             "channel_not_found", "is_archived", "not_in_channel", "token_revoked"]  # fmt: skip
    people = [f"U{n}" for n in range(len(codes))]
    slack.unknown_users = {people[0]}
    async with make_engine(policy=dataclasses.replace(FAST, max_errors=10)) as engine:
        # One failing recipient at a time, so each injected error meets its own recipient.
        for person, code in zip(people, codes, strict=True):
            if person != people[0]:
                slack.fail(POST, code)
            engine.enqueue("slack", [person], "digest", person, Message("hi"))
            done = await drain(engine, "digest", person)
            assert done.failed == 1
    found = rows(db)
    for person, code in zip(people, codes, strict=True):
        assert (found[person]["state"], found[person]["reason"]) == ("failed", code)
        assert found[person]["attempts"] == 1
    assert slack.count(POST) == len(codes)
    status = Ledger(db).summary("digest")
    assert sum(s.failed for s in status) == len(codes)


async def test_transient_errors_are_retried_with_backoff(
    make_engine: EngineFactory, slack: FakeSlack, db: Database
) -> None:
    slack.fail(POST, "service_unavailable", status=503, times=2)
    async with make_engine() as engine:
        engine.enqueue("slack", ["U1"], "digest", "d", Message("hi"))
        done = await drain(engine, "digest", "d")
    assert done.sent == 1
    assert len(slack.messages) == 1
    row = rows(db)["U1"]
    assert (row["attempts"], row["errors"]) == (3, 2)
    times = [r.at for r in slack.requests if r.method == POST]
    # Backoff doubles (with jitter down to half): at least 0.025 s, then 0.05 s.
    assert times[1] - times[0] >= FAST.backoff / 2
    assert times[2] - times[1] >= FAST.backoff


async def test_transient_errors_give_up_after_the_limit(
    make_engine: EngineFactory, slack: FakeSlack, db: Database
) -> None:
    # A message failing on its own: the platform pauses only after more failures in a row.
    slack.fail(POST, "service_unavailable", status=503, times=100)
    async with make_engine(policy=dataclasses.replace(FAST, trip_after=100)) as engine:
        engine.enqueue("slack", ["U1"], "digest", "d", Message("hi"))
        done = await drain(engine, "digest", "d")
    assert done.failed == 1
    assert slack.count(POST) == FAST.max_errors
    assert str(rows(db)["U1"]["reason"]).startswith(f"gave up after {FAST.max_errors} tries")


async def test_an_outage_pauses_slack_and_the_messages_go_when_it_answers(
    make_engine: EngineFactory, slack: FakeSlack, db: Database
) -> None:
    # Slack answers 503 to far more posts than the messages have tries (FAST: 4 each).
    outage = FAST.max_errors * 4
    slack.fail(POST, "service_unavailable", status=503, times=outage)
    slack.unknown_users = {"Ugone"}
    probing = dataclasses.replace(FAST, probe_every=0.2, lifetimes={"digest": 0.5})
    people = ["U1", "U2", "Ugone"]
    async with make_engine(policy=probing) as engine:
        engine.enqueue("slack", people, "announcement", "1", Message("During the incident"))
        engine.enqueue("slack", ["U9"], "digest", "2026-12-06", Message("Today's digest"))
        await until(lambda: bool(engine.outages()))
        (warning,) = engine.warnings()
        assert warning.startswith("Slack fails since ")
        assert "(HTTP 503 service_unavailable): 4 message(s) waiting" in warning
        assert engine.outages()["slack"]["reason"] == "HTTP 503 service_unavailable"
        # The digest is past its use before Slack is back: given up, and says why.
        await until(lambda: rows(db)["U9"]["state"] == "failed")
        assert str(rows(db)["U9"]["reason"]).startswith("given up after ")
        done = await drain(engine, "announcement", "1")
        assert engine.outages() == {} and engine.warnings() == []
    assert slack.count(POST, 503) == outage
    assert (done.sent, done.failed) == (2, 1)
    assert slack.per_channel() == {"D1": 1, "D2": 1}
    found = rows(db)
    # The outage spent no tries: only the failures before the pause counted.
    assert sum(int(r["errors"]) for r in found.values()) <= probing.trip_after  # type: ignore[call-overload]
    # A permanent answer still fails at once, once Slack answers again.
    assert (found["Ugone"]["state"], found["Ugone"]["reason"]) == ("failed", "user_not_found")


async def test_each_conversation_keeps_its_own_pace(
    make_engine: EngineFactory, slack: FakeSlack
) -> None:
    pace = Pace(rate=200, burst=50, conversation_rate=5)
    async with make_engine(pace=pace) as engine:
        for n in range(4):
            engine.enqueue("slack", ["C-general"], "announcement", str(n), Message(f"news {n}"))
        engine.enqueue("slack", ["U1", "U2"], "announcement", "0", Message("news 0"))
        for n in range(4):
            await drain(engine, "announcement", str(n))
    general = [r.at for r in slack.requests if r.params.get("channel") == "C-general"]
    others = [r.at for r in slack.requests if r.params.get("channel") in ("U1", "U2")]
    assert len(general) == 4
    # Three gaps of 0.2 s at the sender. Arrival times at the fake server carry the jitter of a
    # busy machine (a late first request shortens the span), so allow a third of it: unpaced,
    # the four would arrive within milliseconds.
    assert general[-1] - general[0] >= 0.4
    # The busy channel holds back nobody else.
    assert max(others) < general[1]


async def test_a_post_that_arrived_but_failed_is_found_not_resent(
    make_engine: EngineFactory, slack: FakeSlack, db: Database
) -> None:
    # Slack posted the message, then answered 500: the engine must look before resending.
    slack.fail(POST, "internal_error", status=500, delivered=True)
    async with make_engine() as engine:
        engine.enqueue("slack", ["U1"], "digest", "d", Message("hi"))
        await drain(engine, "digest", "d")
    (posted,) = slack.messages_in("U1")
    assert slack.count(POST) == 1
    assert slack.count("conversations.history") == 1
    assert rows(db)["U1"]["message_id"] == f"{posted.channel}/{posted.ts}"


async def test_cancelled_mid_request_then_restarted_sends_once(
    make_engine: EngineFactory, slack: FakeSlack, db: Database
) -> None:
    # The message reaches Slack, the answer never comes, and the engine is stopped meanwhile:
    # the task dies between the send and the ledger write.
    slack.stall(POST, deliver=True)
    first = make_engine()
    await first.start()
    first.enqueue("slack", ["U1", "U2"], "digest", "d", Message("hi"))
    await until(lambda: len(slack.messages) == 2)
    await first.stop(grace=0)
    assert {r["state"] for r in rows(db).values()} == {"queued"}
    assert all(r["uncertain"] for r in rows(db).values())
    slack.release()
    async with make_engine() as second:
        done = await drain(second, "digest", "d")
    assert done.sent == 2
    assert slack.per_channel() == {"D1": 1, "D2": 1}
    assert slack.count(POST) == 2


async def test_a_sent_message_whose_outcome_cannot_be_saved_is_saved_once_there_is_room(
    make_engine: EngineFactory,
    slack: FakeSlack,
    db: Database,
    db_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Slack takes two messages while another process holds the database's write lock (as a
    # full disk refuses writes): their "sent" cannot be written. Once the lock goes, they are
    # counted sent by this process, and the fan-out finishes, nobody twice (review10b O8).
    caplog.set_level(logging.INFO, "bot.delivery")
    db.execute("PRAGMA busy_timeout=0")  # the engine's writes fail at once, not in 5 s
    slack.stall(POST, deliver=True)
    other = sqlite3.connect(db_path, isolation_level=None)
    async with make_engine() as engine:
        engine.enqueue("slack", ["U1", "U2"], "announcement", "8", Message("Launch day"))
        await until(lambda: len(slack.messages) == 2)
        other.execute("BEGIN IMMEDIATE")
        slack.release()
        await until(
            lambda: any(r.message.startswith("delivery outcome not saved") for r in caplog.records)
        )
        other.execute("ROLLBACK")
        async with asyncio.timeout(10):
            done = await drain(engine, "announcement", "8")
    other.close()
    assert (done.sent, done.remaining) == (2, 0)
    assert {r["state"] for r in rows(db).values()} == {"sent"}
    assert slack.per_channel() == {"D1": 1, "D2": 1}
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_claims_refused_by_a_locked_database_stop_no_sending(
    make_engine: EngineFactory,
    slack: FakeSlack,
    db: Database,
    db_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Each pass's claim raised "database is locked" (a backup or `socialbot digest send` held
    # the write lock past the busy timeout; a full disk the same) and kept its send slot: after
    # four such passes Slack got nothing more until a restart, and /healthz said nothing
    # (review15a R1).
    db.execute("PRAGMA busy_timeout=0")  # the claims fail at once, not in 5 s
    other = sqlite3.connect(db_path, isolation_level=None)
    retrying = dataclasses.replace(FAST, idle_poll=0.02)
    pace = Pace(rate=1.0, burst=50, conversation_rate=100.0)  # 4 sends at once

    def failed_passes() -> int:
        return sum(r.message == "delivery dispatcher failed; retrying" for r in caplog.records)

    async with make_engine(pace=pace, policy=retrying) as engine:
        engine.enqueue("slack", ["U1", "U2"], "report", "r", Message("crisis"))
        other.execute("BEGIN IMMEDIATE")  # before the dispatcher's first pass
        await until(lambda: failed_passes() > 2 * pace.concurrency)
        (said,) = engine.warnings()
        assert said.startswith("Slack: nothing is sent since ")
        assert "the queue cannot be read or claimed (OperationalError: database is locked)" in said
        queued = utc_clock(min(float(str(r["created_at"])) for r in rows(db).values()))
        assert f"; 2 message(s) wait, the oldest queued at {queued} (0 min ago);" in said
        other.execute("ROLLBACK")
        async with asyncio.timeout(5):
            done = await drain(engine, "report", "r")
        assert engine.warnings() == []
    other.close()
    assert done.sent == 2
    assert slack.per_channel() == {"D1": 1, "D2": 1}


@pytest.mark.parametrize(
    ("policy", "messages", "state"), [("resend", 2, "sent"), ("fail", 1, "failed")]
)
async def test_when_slack_cannot_tell_the_policy_decides(
    make_engine: EngineFactory,
    slack: FakeSlack,
    db: Database,
    policy: Literal["resend", "fail"],
    messages: int,
    state: str,
) -> None:
    slack.fail(POST, "internal_error", status=500, delivered=True)
    slack.fail("conversations.history", "missing_scope")
    tuned = dataclasses.replace(FAST, on_uncertain=policy)
    async with make_engine(policy=tuned) as engine:
        engine.enqueue("slack", ["U1"], "digest", "d", Message("hi"))
        await drain(engine, "digest", "d")
    assert len(slack.messages_in("U1")) == messages
    assert rows(db)["U1"]["state"] == state


async def test_stop_is_prompt_when_woken_at_the_same_moment(make_engine: EngineFactory) -> None:
    # A wake-up racing the cancellation once made the dispatcher swallow it and stop() hang.
    for turns in range(4):
        engine = make_engine()
        await engine.start()
        await asyncio.sleep(0.01)  # the dispatcher is now waiting to be woken
        engine.kick()
        for _ in range(turns):
            await asyncio.sleep(0)
        async with asyncio.timeout(5):
            await engine.stop()


async def test_a_batched_fan_out_lets_others_in_between_and_queues_each_once(
    make_engine: EngineFactory, slack: FakeSlack, db: Database
) -> None:
    people = [f"U{n:03d}" for n in range(25)]
    turns: list[int] = []

    async def meanwhile() -> None:  # someone's click, answered while the fan-out goes on
        for _ in range(10):
            turns.append(db.execute("SELECT count(*) FROM deliveries").fetchone()[0])
            await asyncio.sleep(0)

    async with make_engine() as engine:
        engine.enqueue("slack", people[:5], "announcement", "8", Message("Launch day"))
        fanned = engine.fan_out("slack", people, "announcement", "8", Message("Launch day"), 4)
        added, _ = await asyncio.gather(fanned, meanwhile())
        done = await drain(engine, "announcement", "8")
    assert added == 20
    assert any(5 < seen < 25 for seen in turns), turns  # it ran between two batches
    assert done.sent == 25
    assert slack.per_channel() == {slack.dm_channel(p): 1 for p in people}


async def test_a_report_card_queued_during_a_fan_out_goes_within_a_few_sends(
    make_engine: EngineFactory, slack: FakeSlack, db: Database
) -> None:
    people = [f"U{n:03d}" for n in range(40)]
    slow = Pace(rate=40.0, burst=1, conversation_rate=100.0)  # the fan-out takes a second
    async with make_engine(pace=slow) as engine:
        engine.enqueue("slack", people, "digest", "2026-12-07", Message("Today's picks"))
        await until(lambda: len(slack.requests) >= 5)
        engine.enqueue("slack", ["W111"], "report-card", "R-0001", Message("New report"))
        await drain(engine, "report-card", "R-0001")
        await drain(engine, "digest", "2026-12-07")
    order = [str(params.get("channel")) for method, params in slack.calls if method == POST]
    assert len(order) == 41
    assert order.index("W111") < 5 + 1 + Policy().bulk_batch, order  # not after the 35 others


async def test_an_edit_changes_each_copy_once_it_arrived_and_only_the_latest_is_made(
    make_engine: EngineFactory, slack: FakeSlack, db: Database
) -> None:
    # Review11c R4: an edited announcement's delivered copies were changed outside the queue.
    people = ["U0", "U1", "U2"]
    async with make_engine() as engine:
        engine.enqueue("slack", people, "announcement", "7", Message("Launch at 10"))
        await drain(engine, "announcement", "7")
    on_its_way = "state = 'sending', owner = 'elsewhere:1:a', last_attempt_at = ?"
    db.execute(f"UPDATE deliveries SET {on_its_way} WHERE recipient = 'U1'", [time.time()])
    db.execute("UPDATE deliveries SET state = 'failed' WHERE recipient = 'U2'")  # never arrived
    engine = make_engine()
    assert engine.edit("slack", "announcement", "7", Message("Launch at 11"), ("edit", "7#1")) == 2
    assert engine.edit("slack", "announcement", "7", Message("Launch at 12"), ("edit", "7#2")) == 2
    async with engine:  # what was queued before a start is made after it
        await until(lambda: slack.messages_in("U0")[0].text == "Launch at 12")
        assert slack.messages_in("U1")[0].text == "Launch at 10"  # waits for its copy
        db.execute("UPDATE deliveries SET state = 'sent' WHERE recipient = 'U1' AND key = '7'")
        done = await drain(engine, "edit", "7#2")
    assert (done.total, done.sent) == (2, 2)
    assert [m.text for m in slack.messages_in("U1")] == ["Launch at 12"]
    assert [m.text for m in slack.messages_in("U2")] == ["Launch at 10"]
    assert slack.count("chat.update") == 2  # the first edit, superseded, was never made
    assert engine.ledger.counts("edit", "7#1") == dict.fromkeys(
        ("queued", "sending", "sent", "failed"), 0
    )


async def test_a_row_cancelled_before_its_claim_costs_no_rate_token(
    make_engine: EngineFactory, slack: FakeSlack
) -> None:
    # fix15b 7: the dispatcher took the workspace's token before claiming the row: one a cancel
    # withdrew meanwhile spent it, and the next message waited a whole token's time.
    slow = Pace(rate=0.05, burst=1, conversation_rate=100.0)  # one token, the next in 20 s
    engine = make_engine(pace=slow)
    engine.enqueue("slack", ["U1", "U2"], "announcement", "7", Message("Launch at 10"))
    claim = engine.ledger.claim

    def cancelled_first(delivery_id: int, owner: str, now: float) -> str | None:
        engine.withdraw("slack", "announcement", "7", ["U1"])  # the announcer's cancel, now
        return claim(delivery_id, owner, now)

    engine.ledger.claim = cancelled_first  # type: ignore[method-assign]
    async with engine:
        await until(lambda: slack.count("chat.postMessage") == 1, within=5)
    assert [m.text for m in slack.messages_in("U2")] == ["Launch at 10"]
    assert slack.messages_in("U1") == []


async def test_an_edit_leaves_the_copies_that_say_it_already(
    make_engine: EngineFactory, slack: FakeSlack
) -> None:
    # fix15b 7: an edit during an announcement's queuing was made again at its end, with the
    # same text, on the copies the first one had changed and on those sent as it is now.
    now, later = Message("Launch at 11"), Message("Launch at 12")
    async with make_engine() as engine:
        engine.enqueue("slack", ["U0", "U1"], "announcement", "7", Message("Launch at 10"))
        await drain(engine, "announcement", "7")
        assert engine.edit("slack", "announcement", "7", now, ("edit", "7#1")) == 2
        await drain(engine, "edit", "7#1")
        engine.enqueue("slack", ["U2"], "announcement", "7", now)  # queued since, as it is now
        await drain(engine, "announcement", "7")
        assert engine.edit("slack", "announcement", "7", now, ("edit", "7#2")) == 0
        assert engine.edit("slack", "announcement", "7", later, ("edit", "7#3")) == 3
        await drain(engine, "edit", "7#3")
    assert slack.count("chat.update") == 5  # each copy changed once for each new text
    assert {m.text for user in ("U0", "U1", "U2") for m in slack.messages_in(user)} == {
        "Launch at 12"
    }
