"""The delivery ledger: one row per (platform, recipient, purpose, key), payloads stored once."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from typing import Any
from zoneinfo import ZoneInfo

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.delivery.gateway import MENTION_ANSWER, Payload, mention_of

migrations = Migrations("delivery")

QUEUED, SENDING, SENT, FAILED = "queued", "sending", "sent", "failed"
STATES = (QUEUED, SENDING, SENT, FAILED)
# A finished row's body is dropped (its `payload` becomes DROPPED): a sent message is never sent
# again, a failed one can be sent again (`socialbot deliveries retry`) for FAILED_BODIES_KEPT.
DROPPED = ""
FAILED_BODIES_KEPT = 7 * 86400.0


@migrations()
def create_ledger(db: Database) -> None:
    """The payloads and deliveries tables."""
    db.execute(
        """CREATE TABLE delivery_payloads (
            hash TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            created_at REAL NOT NULL
        )"""
    )
    # `uncertain` marks a row whose last wire attempt has no known outcome (a crash or a timeout
    # after the request went out); `errors` counts transient failures toward the retry limit,
    # `attempts` every request sent. Times are Unix seconds.
    db.execute(
        """CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            recipient TEXT NOT NULL,
            purpose TEXT NOT NULL,
            key TEXT NOT NULL,
            payload TEXT NOT NULL REFERENCES delivery_payloads(hash),
            state TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            uncertain INTEGER NOT NULL DEFAULT 0,
            not_before REAL NOT NULL DEFAULT 0,
            owner TEXT,
            message_id TEXT,
            reason TEXT,
            created_at REAL NOT NULL,
            first_attempt_at REAL,
            last_attempt_at REAL,
            finished_at REAL,
            UNIQUE (platform, recipient, purpose, key)
        )"""
    )
    db.execute("CREATE INDEX deliveries_due ON deliveries (platform, state, id)")
    db.execute("CREATE INDEX deliveries_purpose ON deliveries (purpose, key, state)")


@migrations()
def index_deliveries_by_message(db: Database) -> None:
    """A reply in a thread finds the message it answers by the platform's id for it."""
    db.execute("CREATE INDEX deliveries_message ON deliveries (platform, message_id)")


@migrations()
def hold_refused_deliveries(db: Database) -> None:
    """`held` marks a queued row kept for a team channel that refuses the bot until it accepts."""
    db.table("deliveries").add_column("held", int, not_null_default=0)


@migrations()
def drop_finished_bodies(db: Database) -> None:
    """Bodies are kept only while a delivery may still go out (review6 item 7): the rows that
    finished point at one empty payload, found through an index of the rows that still do not."""
    db.execute(
        "INSERT INTO delivery_payloads (hash, body, created_at) VALUES (?, '', 0)", [DROPPED]
    )
    db.execute(
        "CREATE INDEX deliveries_with_body ON deliveries (finished_at, payload)"
        f" WHERE payload != '{DROPPED}'"
    )
    now = time.time()
    _drop_bodies(db, now, now - FAILED_BODIES_KEPT)


@migrations()
def expire_deliveries(db: Database) -> None:
    """`expires_at` (Unix time) ends a message's use whatever the platform does: a digest is
    not sent after the end of its person's day (review9 item 1)."""
    db.table("deliveries").add_column("expires_at", float)


@migrations()
def expire_digests_queued_before(db: Database) -> None:
    """Digests an older release left queued have no `expires_at` and would go out whenever
    they can, a day late beside that day's own (review10b O14): each gets the end of its day
    (its key, the person's local date) in its person's time zone, or, when the people table
    does not know the zone, a day after it was queued (a digest is queued within its day)."""
    zones: dict[tuple[str, str], str] = {}
    if db["people"].exists():
        zones = {(p, u): tz for p, u, tz in db.execute("SELECT platform, user_id, tz FROM people")}
    rows = db.execute(
        "SELECT id, platform, recipient, key, created_at FROM deliveries WHERE purpose = 'digest'"
        " AND state IN ('queued', 'sending') AND expires_at IS NULL"
    ).fetchall()
    for delivery_id, platform, recipient, key, created_at in rows:
        ends = created_at + 86400.0
        with suppress(ValueError, KeyError):  # a key that is no date, a zone unknown here
            day_after = date.fromisoformat(key) + timedelta(days=1)
            zone = ZoneInfo(zones[platform, recipient])
            ends = datetime.combine(day_after, dt_time(0), zone).timestamp()
        db.execute("UPDATE deliveries SET expires_at = ? WHERE id = ?", (ends, delivery_id))


@migrations()
def add_edits(db: Database) -> None:
    """`edit_of`: the row whose sent message this one changes in place (the platform's update
    of it, an edited announcement's copy), NULL for a message of its own."""
    db.table("deliveries").add_column("edit_of", int)
    db.execute("CREATE INDEX deliveries_edits ON deliveries (edit_of) WHERE edit_of IS NOT NULL")


def _drop_bodies(
    db: Database, sent_by: float, failed_by: float, where: str = "", params: Iterable[object] = ()
) -> None:
    """Drop the bodies of the rows (matching `where`) sent by `sent_by` or failed by
    `failed_by` (Unix times), and the payloads no row uses any more."""
    db.execute(
        f"UPDATE deliveries SET payload = '{DROPPED}' WHERE payload != '{DROPPED}' AND"
        " ((state = 'sent' AND finished_at <= ?) OR (state = 'failed' AND finished_at <= ?))"
        + where,
        [sent_by, failed_by, *params],
    )
    db.execute(
        f"DELETE FROM delivery_payloads WHERE hash != '{DROPPED}' AND hash NOT IN"
        f" (SELECT payload FROM deliveries WHERE payload != '{DROPPED}')"
    )


def _texts(value: object) -> Iterable[str]:
    """Every string in a payload, as people read it (no JSON escapes)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def canonical(payload: Payload) -> tuple[str, str]:
    """The payload as compact sorted JSON and its hash, so equal payloads are stored once."""
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return body, hashlib.sha256(body.encode()).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Delivery:
    """One ledger row as the engine needs it."""

    id: int
    platform: str
    recipient: str
    purpose: str
    key: str
    payload: str
    attempts: int
    errors: int
    uncertain: bool
    created_at: float
    first_attempt_at: float | None
    expires_at: float | None = None  # not sent after this (Unix time)
    edit_of: int | None = None  # the row whose sent message this one changes in place

    @property
    def token(self) -> str:
        """A stable tag for this delivery, derived from its unique key, sent with the message."""
        raw = "\x1f".join((self.platform, self.recipient, self.purpose, self.key))
        return "sb1-" + hashlib.sha256(raw.encode()).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Edited:
    """The message an edit changes, as the ledger has it now: its state, the platform's
    reference to it once sent, when it may go when queued, and whether a later edit of it
    came."""

    state: str
    message_id: str | None
    not_before: float
    superseded: bool


@dataclass(frozen=True)
class PurposeStatus:
    """Counts per state for one (purpose, key), with the failure reasons and how often."""

    purpose: str
    key: str
    queued: int
    sending: int
    sent: int
    failed: int
    reasons: dict[str, int]

    @property
    def remaining(self) -> int:
        """Deliveries not finished yet."""
        return self.queued + self.sending


_COLUMNS = (
    "id, platform, recipient, purpose, key, payload, attempts, errors, uncertain, "
    "created_at, first_attempt_at, expires_at, edit_of"
)


def _delivery(row: tuple[Any, ...]) -> Delivery:
    i, platform, recipient, purpose, key, payload, attempts, errors, uncertain, *times = row
    return Delivery(
        i, platform, recipient, purpose, key, payload, attempts, errors, bool(uncertain), *times
    )


class Ledger:
    """Reads and writes the deliveries; every write commits at once (the ledger is the truth)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def enqueue(
        self,
        platform: str,
        purpose: str,
        key: str,
        payloads: Iterable[tuple[str, Payload]],
        now: float,
        expires_at: float | None = None,
        not_before: float | None = None,
    ) -> int:
        """Add a queued row per (recipient, payload) not in the ledger yet, not sent after
        `expires_at` nor before `not_before` when given; return how many. A row held back
        counts as queued when its time comes, so its use (`Policy.lifetime`) starts then."""
        queued_at = now if not_before is None else max(now, not_before)
        conn = self.db.conn
        with self.db.atomic():
            before = conn.total_changes
            stored: set[str] = set()
            # A fan-out of one message passes the same payload object for everyone: hash it
            # once. The dict holds each payload, so an id cannot be reused while it is a key.
            seen: dict[int, tuple[Payload, str, str]] = {}
            rows = []
            for recipient, payload in payloads:
                if id(payload) not in seen:
                    seen[id(payload)] = (payload, *canonical(payload))
                _, body, digest = seen[id(payload)]
                if digest not in stored:
                    conn.execute(
                        "INSERT OR IGNORE INTO delivery_payloads (hash, body, created_at) "
                        "VALUES (?, ?, ?)",
                        (digest, body, now),
                    )
                    stored.add(digest)
                row = (platform, recipient, purpose, key, digest, queued_at, expires_at)
                rows.append((*row, not_before or 0))
            payload_changes = conn.total_changes - before
            conn.executemany(
                "INSERT OR IGNORE INTO deliveries (platform, recipient, purpose, key, payload, "
                "created_at, expires_at, not_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            return conn.total_changes - before - payload_changes

    def known(self, platform: str, purpose: str, key: str) -> set[str]:
        """Recipients already in the ledger for this (platform, purpose, key)."""
        # `+platform`: look up by (purpose, key), not through the unique index by platform,
        # which SQLite otherwise prefers and which walks every delivery ever made there.
        cursor = self.db.execute(
            "SELECT recipient FROM deliveries WHERE +platform = ? AND purpose = ? AND key = ?",
            (platform, purpose, key),
        )
        return {recipient for (recipient,) in cursor}

    def message_id(self, platform: str, recipient: str, purpose: str, key: str) -> str | None:
        """The platform's reference to a message sent under this key, if it was sent."""
        row = self.db.execute(
            "SELECT message_id FROM deliveries WHERE platform = ? AND recipient = ?"
            " AND purpose = ? AND key = ? AND state = 'sent'",
            (platform, recipient, purpose, key),
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    def prune(self, before: float, now: float) -> int:
        """Drop finished deliveries older than `before` (Unix time), and the bodies no
        delivery can need any more at `now`; return how many deliveries went.

        A row is kept long enough that no retry or resumed fan-out can still ask for the same
        key (exactly once), and for the figures; its body only while it may still go out.
        """
        with self.db.atomic():
            gone = self.db.execute(
                "DELETE FROM deliveries WHERE state IN ('sent', 'failed') AND finished_at < ?",
                (before,),
            ).rowcount
            _drop_bodies(self.db, now, now - FAILED_BODIES_KEPT)
        return int(gone)

    def withdraw(
        self, platform: str, purpose: str, key: str, recipients: Sequence[str] | None = None
    ) -> int:
        """Drop what is still queued under (purpose, key), only `recipients`' when given (what
        is being sent goes); return how many."""
        to = "" if recipients is None else f" AND recipient IN ({', '.join('?' * len(recipients))})"
        with self.db.atomic():
            dropped = self.db.execute(
                "DELETE FROM deliveries WHERE +platform = ? AND purpose = ? AND key = ?"
                f" AND state = 'queued'{to}",
                (platform, purpose, key, *(recipients or ())),
            ).rowcount
            _drop_bodies(self.db, 0.0, 0.0)  # the payloads no row uses any more
        return int(dropped)

    def revise(self, platform: str, purpose: str, key: str, payload: Payload, now: float) -> int:
        """Put `payload` in place of what is still queued under (purpose, key), and of what
        failed and may be sent again (`retry_failed`); return how many were queued."""
        body, digest = canonical(payload)
        where = " WHERE +platform = ? AND purpose = ? AND key = ?"
        with self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO delivery_payloads (hash, body, created_at) VALUES (?, ?, ?)",
                (digest, body, now),
            )
            revised = self.db.execute(
                f"UPDATE deliveries SET payload = ?{where} AND state = 'queued'",
                (digest, platform, purpose, key),
            ).rowcount
            self.db.execute(
                f"UPDATE deliveries SET payload = ?{where} AND state = 'failed'"
                f" AND payload != '{DROPPED}'",
                (digest, platform, purpose, key),
            )
            _drop_bodies(self.db, 0.0, 0.0)  # the payloads no row uses any more
        return int(revised)

    def enqueue_edits(
        self,
        platform: str,
        purpose: str,
        key: str,
        edit: tuple[str, str],
        payload: Payload,
        now: float,
    ) -> int:
        """Queue, under the (purpose, key) `edit`, an in-place change to `payload` of each
        message sent or being sent under (purpose, key) that does not say it already (sent so,
        or its latest edit, made or to be made, says it); return how many."""
        body, digest = canonical(payload)
        with self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO delivery_payloads (hash, body, created_at) VALUES (?, ?, ?)",
                (digest, body, now),
            )
            return int(
                self.db.execute(
                    "INSERT OR IGNORE INTO deliveries (platform, recipient, purpose, key,"
                    " payload, created_at, edit_of) SELECT platform, recipient, ?, ?, ?, ?, id"
                    " FROM deliveries copy WHERE +platform = ? AND purpose = ? AND key = ?"
                    " AND state IN ('sent', 'sending') AND COALESCE((SELECT payload FROM"
                    " deliveries edit WHERE edit.edit_of = copy.id AND edit.state != 'failed'"
                    " ORDER BY edit.id DESC LIMIT 1), copy.payload) != ?",
                    (*edit, digest, now, platform, purpose, key, digest),
                ).rowcount
            )

    def drop(self, delivery_id: int) -> None:
        """Delete one row that has nothing to do (an edit of a message that never arrived)."""
        self.db.execute("DELETE FROM deliveries WHERE id = ?", (delivery_id,))

    def edited(self, edit: Delivery) -> Edited | None:
        """The message `edit` changes, None when it is no longer in the ledger."""
        assert edit.edit_of is not None
        row = self.db.execute(
            "SELECT state, message_id, not_before, EXISTS (SELECT 1 FROM deliveries later"
            " WHERE later.edit_of = edited.id AND later.id > ?) FROM deliveries edited"
            " WHERE id = ?",
            (edit.id, edit.edit_of),
        ).fetchone()
        if row is None:
            return None
        state, message_id, not_before, superseded = row
        return Edited(str(state), message_id or None, float(not_before), bool(superseded))

    def forget(
        self,
        platform: str,
        recipient: str,
        stand_in: str,
        named: Collection[str] = (),
        about: Collection[str] = (),
    ) -> int:
        """A person asked to be forgotten: drop what was still to go to them, and put
        `stand_in` in place of their id on what went (the counts stay right). Every body no
        delivery needs goes at once, not at the next prune: those of all sent messages (a
        report card sent to the team names its reporter), and of failed ones, which could
        otherwise be sent again, that hold one of `named` as a whole word (their id, the names
        nobody else goes by) or whose key is or lists one of `about` (their reports' refs,
        their forwarded questions' ids: a namesake's messages stay whole)."""
        with self.db.atomic():
            dropped = self.db.execute(
                "DELETE FROM deliveries WHERE platform = ? AND recipient = ? AND state = 'queued'",
                (platform, recipient),
            ).rowcount
            renamed = self.db.execute(
                "UPDATE deliveries SET recipient = ? WHERE platform = ? AND recipient = ?",
                (stand_in, platform, recipient),
            ).rowcount
            # The answers to their @mentions, sent to the channel, keyed by them too.
            theirs = mention_of(recipient)
            mentions = " AND platform = ? AND purpose = ? AND substr(key, -length(?)) = ?"
            asked = (platform, MENTION_ANSWER, theirs, theirs)
            dropped += self.db.execute(
                "DELETE FROM deliveries WHERE state = 'queued'" + mentions, asked
            ).rowcount
            _drop_bodies(self.db, time.time(), time.time(), mentions, asked)
            renamed += self.db.execute(
                "UPDATE deliveries SET key = substr(key, 1, length(key) - length(?)) || ?"
                " WHERE 1" + mentions,
                (theirs, mention_of(stand_in), *asked),
            ).rowcount
            # What was sent to them goes too, failed or not: nothing is sent to a stand-in.
            now = time.time()
            _drop_bodies(
                self.db, now, now, " AND platform = ? AND recipient = ?", (platform, stand_in)
            )
            _drop_bodies(self.db, now, 0.0)
            naming = json.dumps(self._failed_naming(named, about))
            _drop_bodies(self.db, 0.0, now, " AND id IN (SELECT value FROM json_each(?))", [naming])
        return int(dropped + renamed)

    def _failed_naming(self, named: Collection[str], about: Collection[str]) -> list[int]:
        """The failed rows, body kept, whose text holds one of `named` as a whole word ("Ann"
        is not in "Anna") or whose key is, starts or lists one of `about` ("R-0001:12",
        "R-0001@2+R-0004@1"; not "R-00012")."""
        words = [re.compile(rf"(?<!\w){re.escape(word)}(?!\w)") for word in named if word]
        keys = [re.compile(rf"(?<![\w-]){re.escape(key)}(?!\w)") for key in about if key]
        rows = self.db.execute(
            "SELECT d.id, d.key, p.body FROM deliveries d JOIN delivery_payloads p"
            f" ON p.hash = d.payload WHERE d.state = 'failed' AND d.payload != '{DROPPED}'"
        ).fetchall()
        return [
            row_id
            for row_id, key, body in rows
            if any(pattern.search(key) for pattern in keys)
            or any(pattern.search(text) for text in _texts(json.loads(body)) for pattern in words)
        ]

    def sent_as(
        self, platform: str, message_id: str, recipient: str | None = None
    ) -> tuple[str, str] | None:
        """The (purpose, key) of the message the platform knows as `message_id`; `recipient`
        where an id is unique only within a conversation (Teams: a channel post's id is its
        time in milliseconds)."""
        query = "SELECT purpose, key FROM deliveries WHERE platform = ? AND message_id = ?"
        params = [platform, message_id]
        if recipient is not None:
            query += " AND recipient = ?"
            params.append(recipient)
        row = self.db.execute(query, params).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def due(
        self,
        platform: str,
        after_id: int,
        now: float,
        limit: int,
        purposes: Collection[str] = (),
        *,
        excluding: bool = False,
    ) -> list[Delivery]:
        """Queued rows whose time has come, in id order, after `after_id`: only those of
        `purposes` when some are given, or all but those with `excluding`."""
        chosen = ""
        if purposes:
            marks = ", ".join("?" * len(purposes))
            chosen = f"AND purpose {'NOT IN' if excluding else 'IN'} ({marks}) "
        cursor = self.db.execute(
            f"SELECT {_COLUMNS} FROM deliveries WHERE platform = ? AND state = 'queued' "
            f"AND id > ? AND not_before <= ? {chosen}ORDER BY id LIMIT ?",
            (platform, after_id, now, *purposes, limit),
        )
        return [_delivery(row) for row in cursor]

    def next_due(self, platform: str) -> float | None:
        """When the earliest queued row may go, or None when nothing is queued."""
        row = self.db.execute(
            "SELECT min(not_before) FROM deliveries WHERE platform = ? AND state = 'queued'",
            (platform,),
        ).fetchone()
        return None if row is None or row[0] is None else float(row[0])

    def claim(self, delivery_id: int, owner: str, now: float) -> str | None:
        """queued → sending, committed before the request goes out; the payload to send, as it
        is now (an edit may have revised it since the row was read), None if someone else
        won."""
        # One transaction: the payload read is the one claimed. Not UPDATE … RETURNING, which
        # needs SQLite 3.35 (RHEL 9's is 3.34).
        with self.db.atomic():
            claimed = self.db.execute(
                "UPDATE deliveries SET state = 'sending', owner = ?, attempts = attempts + 1, "
                "first_attempt_at = coalesce(first_attempt_at, ?), last_attempt_at = ? "
                "WHERE id = ? AND state = 'queued'",
                (owner, now, now, delivery_id),
            ).rowcount
            if not claimed:
                return None
            (payload,) = self.db.execute(
                "SELECT payload FROM deliveries WHERE id = ?", (delivery_id,)
            ).fetchone()
        return str(payload)

    def mark_sent(self, delivery_id: int, message_id: str, now: float) -> None:
        """sending → sent, with the platform's reference to the message."""
        self.db.execute(
            "UPDATE deliveries SET state = 'sent', message_id = ?, uncertain = 0, reason = NULL, "
            "held = 0, owner = NULL, finished_at = ? WHERE id = ?",
            (message_id, now, delivery_id),
        )

    def mark_failed(self, delivery_id: int, reason: str, now: float) -> None:
        """sending → failed for good, with the reason."""
        self.db.execute(
            "UPDATE deliveries SET state = 'failed', reason = ?, held = 0, owner = NULL, "
            "finished_at = ? WHERE id = ?",
            (reason, now, delivery_id),
        )

    def requeue(
        self, delivery_id: int, not_before: float, *, uncertain: bool, error: str | None
    ) -> None:
        """sending → queued, not before `not_before`; `error` counts toward the retry limit."""
        self.db.execute(
            "UPDATE deliveries SET state = 'queued', owner = NULL, not_before = ?, uncertain = ?, "
            "errors = errors + ?, reason = coalesce(?, reason) WHERE id = ?",
            (not_before, int(uncertain), int(error is not None), error, delivery_id),
        )

    def retry_failed(
        self, platform: str, recipients: Iterable[str], purpose: str, key: str, now: float
    ) -> int:
        """failed → queued, due at `now`, for these recipients under (purpose, key): someone
        fixed what refused them (invited the bot); the row keeps its key, so nobody gets two.
        Rows whose body is dropped (failed FAILED_BODIES_KEPT ago) or that are past their end
        (`expires_at`) stay failed."""
        with self.db.atomic():
            return sum(
                int(
                    self.db.execute(
                        "UPDATE deliveries SET state = 'queued', not_before = ?, errors = 0,"
                        " uncertain = 0, reason = NULL, finished_at = NULL WHERE platform = ?"
                        " AND recipient = ? AND purpose = ? AND key = ? AND state = 'failed'"
                        f" AND payload != '{DROPPED}' AND (expires_at IS NULL OR expires_at > ?)",
                        (now, platform, recipient, purpose, key, now),
                    ).rowcount
                )
                for recipient in dict.fromkeys(recipients)
            )

    def past_end(
        self, platform: str, recipients: Iterable[str], purpose: str, key: str, now: float
    ) -> int:
        """How many of these recipients' failed rows under (purpose, key) are past their end."""
        return sum(
            int(
                self.db.execute(
                    "SELECT count(*) FROM deliveries WHERE platform = ? AND recipient = ?"
                    " AND purpose = ? AND key = ? AND state = 'failed' AND expires_at <= ?",
                    (platform, recipient, purpose, key, now),
                ).fetchone()[0]
            )
            for recipient in dict.fromkeys(recipients)
        )

    def hold(self, delivery_id: int, not_before: float, reason: str) -> None:
        """sending → queued and held for a channel that refuses the bot; no error counted."""
        self.db.execute(
            "UPDATE deliveries SET state = 'queued', held = 1, owner = NULL, uncertain = 0, "
            "not_before = ?, reason = ? WHERE id = ?",
            (not_before, reason, delivery_id),
        )

    def release(self, now: float, platform: str | None = None, recipient: str | None = None) -> int:
        """Make the held rows (of `platform`'s `recipient`, or all) due at `now`."""
        query = "UPDATE deliveries SET not_before = ? WHERE state = 'queued' AND held = 1"
        params: list[object] = [now]
        if platform is not None and recipient is not None:
            query += " AND platform = ? AND recipient = ?"
            params += [platform, recipient]
        return int(self.db.execute(query, params).rowcount)

    def held(self) -> list[tuple[str, str, str, int]]:
        """(platform, recipient, reason, rows) of each conversation with held rows."""
        cursor = self.db.execute(
            "SELECT platform, recipient, max(reason), count(*) FROM deliveries"
            " WHERE state = 'queued' AND held = 1 GROUP BY platform, recipient"
        )
        return [(str(p), str(r), str(reason or ""), int(n)) for p, r, reason, n in cursor]

    def recover(
        self, owner: str, dead: Callable[[str], bool], stale_before: float, not_before: float
    ) -> int:
        """Requeue, as uncertain, rows left `sending` by a dead owner or for too long."""
        rows = self.db.execute(
            "SELECT id, owner, last_attempt_at FROM deliveries WHERE state = 'sending'"
        ).fetchall()
        orphans = [
            (delivery_id,)
            for delivery_id, holder, last in rows
            if holder != owner and (holder is None or dead(holder) or (last or 0) < stale_before)
        ]
        with self.db.atomic():
            self.db.conn.executemany(
                "UPDATE deliveries SET state = 'queued', uncertain = 1, owner = NULL, "
                f"not_before = max(not_before, {float(not_before)!r}) "
                "WHERE id = ? AND state = 'sending'",
                orphans,
            )
        return len(orphans)

    def distrust_unfinished(self) -> int:
        """After a restore: every row not finished in the copy may have been sent since, so
        each becomes an uncertain queued row (looked up before it is sent); return how many."""
        with self.db.atomic():
            return int(
                self.db.execute(
                    "UPDATE deliveries SET state = 'queued', uncertain = 1, owner = NULL "
                    "WHERE state IN ('queued', 'sending')"
                ).rowcount
            )

    def waiting(self, platform: str) -> int:
        """How many of `platform`'s rows are still queued or sending."""
        row = self.db.execute(
            "SELECT count(*) FROM deliveries WHERE platform = ? AND state IN ('queued', 'sending')",
            (platform,),
        ).fetchone()
        return int(row[0])

    def backlog(self, platform: str) -> tuple[int, float]:
        """How many of `platform`'s rows are still queued or sending, and when the oldest of
        them was queued (0: none)."""
        count, oldest = self.db.execute(
            "SELECT count(*), min(created_at) FROM deliveries"
            " WHERE platform = ? AND state IN ('queued', 'sending')",
            (platform,),
        ).fetchone()
        return int(count), float(oldest or 0)

    def waiting_since(
        self, platform: str, before: float, now: float
    ) -> list[tuple[int, str, float, float | None]]:
        """(id, purpose, created_at, expires_at) of `platform`'s queued rows, not held, queued
        before `before` or expired by `now`: the candidates for giving up while it fails."""
        cursor = self.db.execute(
            "SELECT id, purpose, created_at, expires_at FROM deliveries WHERE platform = ?"
            " AND state = 'queued' AND held = 0 AND (created_at < ? OR expires_at <= ?)",
            (platform, before, now),
        )
        return [(int(i), str(p), float(created), expires) for i, p, created, expires in cursor]

    def failed_since(
        self, since: float, purpose: str | None = None, key: str | None = None
    ) -> dict[tuple[str, str, str], list[str]]:
        """The recipients of the rows that failed for good after `since`, by (platform,
        purpose, key), optionally of one purpose (and key)."""
        query = "SELECT platform, purpose, key, recipient FROM deliveries WHERE state = 'failed'"
        query += " AND finished_at >= ?"
        params: list[object] = [since]
        for column, value in (("purpose", purpose), ("key", key)):
            if value is not None:
                query += f" AND {column} = ?"
                params.append(value)
        found: dict[tuple[str, str, str], list[str]] = {}
        for platform, p, k, recipient in self.db.execute(query, params):
            found.setdefault((platform, p, k), []).append(recipient)
        return found

    def unfinished(self) -> list[tuple[str, str]]:
        """(purpose, key) of every fan-out with rows still queued or sending."""
        cursor = self.db.execute(
            "SELECT DISTINCT purpose, key FROM deliveries WHERE state IN ('queued', 'sending')"
        )
        return [(purpose, key) for purpose, key in cursor]

    def payload(self, digest: str) -> Payload:
        """The stored payload with this hash."""
        row = self.db.execute(
            "SELECT body FROM delivery_payloads WHERE hash = ?", (digest,)
        ).fetchone()
        if row is None:
            raise KeyError(digest)
        payload: Payload = json.loads(row[0])
        return payload

    def counts(self, purpose: str, key: str) -> dict[str, int]:
        """How many rows of this (purpose, key) are in each state."""
        counts = dict.fromkeys(STATES, 0)
        for state, count in self.db.execute(
            "SELECT state, count(*) FROM deliveries WHERE purpose = ? AND key = ? GROUP BY state",
            (purpose, key),
        ):
            counts[state] = count
        return counts

    def summary(self, purpose: str | None = None) -> list[PurposeStatus]:
        """State counts and failure reasons per (purpose, key), newest first."""
        where, params = ("WHERE purpose = ?", [purpose]) if purpose else ("", [])
        counts: dict[tuple[str, str], dict[str, int]] = {}
        newest: dict[tuple[str, str], float] = {}
        for p, k, state, count, created in self.db.execute(
            f"SELECT purpose, key, state, count(*), max(created_at) FROM deliveries {where} "
            "GROUP BY purpose, key, state",
            params,
        ):
            counts.setdefault((p, k), dict.fromkeys(STATES, 0))[state] = count
            newest[(p, k)] = max(newest.get((p, k), 0.0), created)
        reasons: dict[tuple[str, str], dict[str, int]] = {}
        for p, k, reason, count in self.db.execute(
            f"SELECT purpose, key, reason, count(*) FROM deliveries {where} "
            f"{'AND' if where else 'WHERE'} state = 'failed' GROUP BY purpose, key, reason "
            "ORDER BY count(*) DESC",
            params,
        ):
            reasons.setdefault((p, k), {})[reason or "unknown"] = count
        return [
            PurposeStatus(p, k, **counts[(p, k)], reasons=reasons.get((p, k), {}))
            for p, k in sorted(counts, key=lambda pk: newest[pk], reverse=True)
        ]
