"""The digest's tables: each person's preferences, their schedule, what they got and disliked."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from content_feed.compose import NETWORKS, Network
from handlers.digest.ids import PURPOSE

migrations = Migrations("digest")

# A feed whose items someone called "Not for me" this often comes last in their digests.
DISLIKES_TO_DEMOTE = 2
DISLIKE_MEMORY_DAYS = 90


@migrations()
def create_digest_tables(db: Database) -> None:
    """Preferences, schedule, sent items and dislikes, per (platform, user_id)."""
    # Preferences: NULL means "the workspace default" so a settings change reaches everyone who
    # did not choose otherwise. `days` is a comma list of weekday numbers (Monday is 0).
    db.execute(
        """CREATE TABLE digest_preferences (
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            enabled INTEGER,
            at TEXT,
            days TEXT,
            topics TEXT NOT NULL DEFAULT '[]',
            networks TEXT,
            muted_until REAL,
            PRIMARY KEY (platform, user_id)
        )"""
    )
    # The clock reads only `next_due` (Unix seconds, NULL: nothing planned); `tz` and `eligible`
    # are what the row was computed from, so a directory change is noticed in SQL.
    db.execute(
        """CREATE TABLE digest_schedule (
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            tz TEXT NOT NULL DEFAULT '',
            eligible INTEGER NOT NULL DEFAULT 1,
            next_due REAL,
            last_date TEXT,
            PRIMARY KEY (platform, user_id)
        )"""
    )
    db.execute("CREATE INDEX digest_schedule_due ON digest_schedule (next_due)")
    db.execute(
        """CREATE TABLE digest_sent_items (
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            item_id INTEGER NOT NULL,
            local_date TEXT NOT NULL,
            sent_at REAL NOT NULL,
            PRIMARY KEY (platform, user_id, item_id)
        )"""
    )
    db.execute(
        "CREATE INDEX digest_sent_items_when ON digest_sent_items (platform, user_id, sent_at)"
    )
    db.execute(
        """CREATE TABLE digest_dislikes (
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            item_id INTEGER NOT NULL,
            feed_id INTEGER NOT NULL,
            at REAL NOT NULL,
            PRIMARY KEY (platform, user_id, item_id)
        )"""
    )


@migrations()
def create_digest_welcomed(db: Database) -> None:
    """Whose digest said what the bot is, and the (local) date of that first digest: everyone
    who got a digest already counts as told."""
    db.execute(
        """CREATE TABLE digest_welcomed (
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            local_date TEXT NOT NULL,
            PRIMARY KEY (platform, user_id)
        )"""
    )
    db.execute(
        "INSERT INTO digest_welcomed (platform, user_id, local_date)"
        " SELECT platform, user_id, last_date FROM digest_schedule WHERE last_date IS NOT NULL"
    )


@dataclass(frozen=True)
class Preferences:
    """What one person chose; None (or empty) fields follow the workspace's settings."""

    enabled: bool | None = None
    at: time | None = None
    days: tuple[int, ...] | None = None
    topics: tuple[str, ...] = ()
    networks: tuple[Network, ...] = field(default=NETWORKS)
    muted_until: float | None = None

    def wants(self, opt_in: bool) -> bool:
        """Whether digests go to this person (opt-out by default, opt-in when configured)."""
        return self.enabled if self.enabled is not None else not opt_in

    def muted(self, now: datetime) -> bool:
        """Whether the person muted digests until after `now`."""
        return self.muted_until is not None and self.muted_until > now.timestamp()


class DigestStore:
    """Reads and writes the digest tables."""

    def prune_sent(self, before: float) -> int:
        """Forget which items went to whom before `before`: they are too old to suggest again."""
        with self.db.atomic():
            cursor = self.db.execute("DELETE FROM digest_sent_items WHERE sent_at < ?", [before])
        return int(cursor.rowcount)

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- preferences ---------------------------------------------------------------------------

    def preferences(self, platform: str, user_id: str) -> Preferences:
        """The person's preferences (the defaults when they never chose)."""
        row = self.db.execute(
            "SELECT enabled, at, days, topics, networks, muted_until FROM digest_preferences"
            " WHERE platform = ? AND user_id = ?",
            [platform, user_id],
        ).fetchone()
        if row is None:
            return Preferences()
        enabled, at, days, topics, networks, muted_until = row
        return Preferences(
            enabled=None if enabled is None else bool(enabled),
            at=time.fromisoformat(at) if at else None,
            days=tuple(int(d) for d in days.split(",")) if days else None,
            topics=tuple(json.loads(topics)),
            networks=tuple(Network(n) for n in json.loads(networks)) if networks else NETWORKS,
            muted_until=muted_until,
        )

    def save(self, platform: str, user_id: str, prefs: Preferences) -> None:
        """Store the person's preferences."""
        self.db.table("digest_preferences").upsert(
            {
                "platform": platform,
                "user_id": user_id,
                "enabled": None if prefs.enabled is None else int(prefs.enabled),
                "at": prefs.at.strftime("%H:%M") if prefs.at else None,
                "days": ",".join(map(str, prefs.days)) if prefs.days is not None else None,
                "topics": json.dumps(list(prefs.topics)),
                "networks": json.dumps([n.value for n in prefs.networks]),
                "muted_until": prefs.muted_until,
            },
            pk=("platform", "user_id"),
        )

    def update(self, platform: str, user_id: str, **changes: object) -> Preferences:
        """Change some preferences, keep the rest; returns the new preferences."""
        prefs = replace(self.preferences(platform, user_id), **changes)  # type: ignore[arg-type]
        self.save(platform, user_id, prefs)
        return prefs

    # -- what people got and did not want ------------------------------------------------------

    def seen(self, platform: str, user_id: str, since: datetime) -> set[int]:
        """Items sent to the person since `since`, but those of a digest that never reached
        them (it failed, or their day ended first), and every item they hid."""
        rows = self.db.execute(
            "SELECT item_id FROM digest_sent_items s WHERE platform = ? AND user_id = ?"
            " AND sent_at >= ? AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE"
            " d.platform = s.platform AND d.recipient = s.user_id AND d.purpose = ?"
            " AND d.key = s.local_date AND d.state = 'failed')"
            " UNION SELECT item_id FROM digest_dislikes WHERE platform = ? AND user_id = ?",
            [platform, user_id, since.timestamp(), PURPOSE, platform, user_id],
        )
        return {int(item_id) for (item_id,) in rows}

    def record_sent(
        self, platform: str, user_id: str, item_ids: Iterable[int], day: date, now: datetime
    ) -> None:
        """Remember which items went to the person, so none comes again."""
        with self.db.atomic():
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO digest_sent_items (platform, user_id, item_id, local_date,"
                " sent_at) VALUES (?, ?, ?, ?, ?)",
                [(platform, user_id, i, day.isoformat(), now.timestamp()) for i in item_ids],
            )

    def queued_with(self, item_id: int) -> list[tuple[str, str]]:
        """(platform, local date) of the digests holding `item_id` still waiting to be sent."""
        rows = self.db.execute(
            "SELECT DISTINCT s.platform, s.local_date FROM digest_sent_items s JOIN deliveries d"
            " ON d.platform = s.platform AND d.recipient = s.user_id AND d.purpose = ?"
            " AND d.key = s.local_date AND d.state = 'queued' WHERE s.item_id = ?",
            [PURPOSE, item_id],
        )
        return [(str(platform), str(day)) for platform, day in rows]

    def queued_to(self, platform: str, day: str) -> list[str]:
        """Who has a digest of `day` (a local date) still waiting to be sent on `platform`."""
        rows = self.db.execute(
            "SELECT recipient FROM deliveries WHERE +platform = ? AND purpose = ? AND key = ?"
            " AND state = 'queued' ORDER BY id",
            [platform, PURPOSE, day],
        )
        return [str(recipient) for (recipient,) in rows]

    def items_of_day(self, platform: str, user_id: str, day: str) -> list[int]:
        """The items of the person's digest of `day`, in its order."""
        rows = self.db.execute(
            "SELECT item_id FROM digest_sent_items WHERE platform = ? AND user_id = ?"
            " AND local_date = ? ORDER BY rowid",
            [platform, user_id, day],
        )
        return [int(item_id) for (item_id,) in rows]

    def unrecord(self, platform: str, user_id: str, item_id: int, day: str) -> None:
        """Forget that the digest of `day` held `item_id` (taken out before it went)."""
        self.db.execute(
            "DELETE FROM digest_sent_items WHERE platform = ? AND user_id = ? AND item_id = ?"
            " AND local_date = ?",
            [platform, user_id, item_id, day],
        )

    def welcomed_on(self, platform: str, user_id: str) -> str | None:
        """The local date of the person's digest that said what the bot is (their first), or
        None while none did."""
        row = self.db.execute(
            "SELECT local_date FROM digest_welcomed WHERE platform = ? AND user_id = ?",
            [platform, user_id],
        ).fetchone()
        return None if row is None else str(row[0])

    def welcome(self, platform: str, user_id: str, day: date) -> None:
        """Remember that the person's digest of `day` said what the bot is."""
        with self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO digest_welcomed (platform, user_id, local_date)"
                " VALUES (?, ?, ?)",
                [platform, user_id, day.isoformat()],
            )

    def last_sent(self, platform: str, user_id: str) -> datetime | None:
        """When the person's last digest with items went out, if one did lately."""
        (sent,) = self.db.execute(
            "SELECT max(sent_at) FROM digest_sent_items WHERE platform = ? AND user_id = ?",
            [platform, user_id],
        ).fetchone()
        return None if sent is None else datetime.fromtimestamp(sent, UTC)

    def dislike(
        self, platform: str, user_id: str, item_id: int, feed_id: int, now: datetime
    ) -> int:
        """Record "Not for me"; returns how often the person disliked that feed lately."""
        self.db.execute(
            "INSERT OR IGNORE INTO digest_dislikes (platform, user_id, item_id, feed_id, at)"
            " VALUES (?, ?, ?, ?, ?)",
            [platform, user_id, item_id, feed_id, now.timestamp()],
        )
        return self._dislike_counts(platform, user_id, now).get(feed_id, 0)

    def demoted_feeds(self, platform: str, user_id: str, now: datetime) -> set[int]:
        """Feeds the person keeps calling "Not for me": their items come last."""
        counts = self._dislike_counts(platform, user_id, now)
        return {feed for feed, count in counts.items() if count >= DISLIKES_TO_DEMOTE}

    def _dislike_counts(self, platform: str, user_id: str, now: datetime) -> dict[int, int]:
        since = now.timestamp() - DISLIKE_MEMORY_DAYS * 86400
        rows = self.db.execute(
            "SELECT feed_id, count(*) FROM digest_dislikes WHERE platform = ? AND user_id = ?"
            " AND at >= ? GROUP BY feed_id",
            [platform, user_id, since],
        )
        return {int(feed): int(count) for feed, count in rows}
