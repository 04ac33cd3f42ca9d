"""The announcements, the refused attempts and the "Not for me" answers, in SQLite.

An announcement moves draft → scheduled → sending → sent (or scheduled → cancelled). A draft is
what the preview shows; editing a scheduled announcement makes a draft that `replaces` it, so
closing the preview leaves the scheduled one as it was. A scheduled announcement found well past
its time (the bot was down, or a restore) is held `late` until its announcer sends or cancels it.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from content_feed.compose import Network
from handlers.errors import UserError

migrations = Migrations("announcements")

DRAFT, SCHEDULED, SENDING, SENT, CANCELLED = "draft", "scheduled", "sending", "sent", "cancelled"
# How late a scheduled announcement may still go out by itself; past it the announcer decides.
LATE_AFTER = timedelta(hours=1)
# The `late` column of a scheduled announcement: on time; held, its announcer not told yet; told.
ON_TIME, LATE, LATE_TOLD = 0, 1, 2


@migrations()
def create_announcement_tables(db: Database) -> None:
    """The announcements, refused attempts and dismissals tables."""
    # `platform`/`user_id` name the announcer (the privacy convention); `target` is the platform
    # the announcement goes out on (the announcer's, or a chat platform for the console).
    # Times are Unix seconds; `send_at` NULL means "as soon as confirmed". `recipients` is fixed
    # when sending starts, so a restart resumes the same list.
    db.execute(
        """CREATE TABLE announcements (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            target TEXT NOT NULL,
            headline TEXT NOT NULL,
            message TEXT NOT NULL,
            link TEXT NOT NULL,
            image_url TEXT NOT NULL,
            posts TEXT NOT NULL,
            audience TEXT NOT NULL,
            channels TEXT NOT NULL,
            timezones TEXT NOT NULL,
            send_at REAL,
            zone TEXT NOT NULL,
            share INTEGER NOT NULL,
            state TEXT NOT NULL
                CHECK (state IN ('draft', 'scheduled', 'sending', 'sent', 'cancelled')),
            replaces INTEGER REFERENCES announcements(id),
            recipients TEXT,
            progress_seen TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            started_at REAL,
            finished_at REAL
        )"""
    )
    db.execute("CREATE INDEX announcements_state ON announcements (state, send_at)")
    db.execute(
        """CREATE TABLE announce_refusals (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            text TEXT NOT NULL,
            at REAL NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE announcement_dismissals (
            announcement_id INTEGER NOT NULL REFERENCES announcements(id),
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            at REAL NOT NULL,
            PRIMARY KEY (announcement_id, platform, user_id)
        )"""
    )


@migrations()
def add_late(db: Database) -> None:
    """Scheduled announcements held because they were found past their time."""
    db.execute("ALTER TABLE announcements ADD COLUMN late INTEGER NOT NULL DEFAULT 0")


@migrations()
def add_posts_written(db: Database) -> None:
    """Which suggested posts the bot wrote, so an edit of the announcement rewrites them."""
    db.execute("ALTER TABLE announcements ADD COLUMN posts_written TEXT NOT NULL DEFAULT '[]'")


@migrations()
def add_local_time(db: Database) -> None:
    """Announcements sent at a clock time in each person's time zone: `send_at` is then that
    time on the announcer's clock, and `starts_at` the first person's instant."""
    db.execute("ALTER TABLE announcements ADD COLUMN local_time INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE announcements ADD COLUMN starts_at REAL")


@dataclass(frozen=True)
class Draft:
    """What the announcer wrote and chose, checked: everything but who and when it was made."""

    headline: str
    message: str
    link: str
    image_url: str
    posts: dict[Network, str]
    audience: str
    channels: tuple[str, ...] = ()
    timezones: tuple[str, ...] = ()
    send_at: datetime | None = None  # UTC; None: as soon as confirmed
    zone: str = "UTC"
    share: bool = True
    written: tuple[Network, ...] = ()  # the posts the bot wrote (the rest are the announcer's)
    # At `send_at`'s clock time (in `zone`) in each person's time zone, from `starts_at` on.
    local: bool = False
    starts_at: datetime | None = None

    @property
    def starts(self) -> datetime | None:
        """When it starts going out (UTC); None: as soon as confirmed."""
        return self.starts_at if self.local else self.send_at


@dataclass(frozen=True)
class Announcement:
    """A stored announcement."""

    id: int
    platform: str
    user_id: str
    target: str
    draft: Draft
    state: str
    replaces: int | None = None
    recipients: tuple[str, ...] = field(default=())
    progress_seen: str = ""
    started_at: float | None = None
    finished_at: float | None = None
    late: bool = False  # held past its time: the announcer sends or cancels it


def _row(draft: Draft) -> dict[str, Any]:
    return {
        "headline": draft.headline,
        "message": draft.message,
        "link": draft.link,
        "image_url": draft.image_url,
        "posts": json.dumps({network.value: text for network, text in draft.posts.items()}),
        "audience": draft.audience,
        "channels": json.dumps(list(draft.channels)),
        "timezones": json.dumps(list(draft.timezones)),
        "send_at": draft.send_at.timestamp() if draft.send_at else None,
        "zone": draft.zone,
        "share": int(draft.share),
        "posts_written": json.dumps([network.value for network in draft.written]),
        "local_time": int(draft.local),
        "starts_at": draft.starts.timestamp() if draft.local and draft.starts else None,
    }


def _announcement(row: dict[str, Any]) -> Announcement:
    send_at, starts_at = row["send_at"], row["starts_at"]
    draft = Draft(
        headline=row["headline"],
        message=row["message"],
        link=row["link"],
        image_url=row["image_url"],
        posts={Network(n): text for n, text in json.loads(row["posts"]).items()},
        audience=row["audience"],
        channels=tuple(json.loads(row["channels"])),
        timezones=tuple(json.loads(row["timezones"])),
        send_at=datetime.fromtimestamp(send_at, UTC) if send_at is not None else None,
        zone=row["zone"],
        share=bool(row["share"]),
        written=tuple(Network(n) for n in json.loads(row["posts_written"])),
        local=bool(row["local_time"]),
        starts_at=datetime.fromtimestamp(starts_at, UTC) if starts_at is not None else None,
    )
    return Announcement(
        id=row["id"],
        platform=row["platform"],
        user_id=row["user_id"],
        target=row["target"],
        draft=draft,
        state=row["state"],
        replaces=row["replaces"],
        recipients=tuple(json.loads(row["recipients"])) if row["recipients"] else (),
        progress_seen=row["progress_seen"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        late=row["state"] == SCHEDULED and row["late"] != ON_TIME,
    )


# What an announcement says, as opposed to whom and when: what an edit may change once it is
# going out.
_CONTENT = ("headline", "message", "link", "image_url", "posts", "share", "posts_written")

# When a scheduled announcement starts going out, in SQL.
_STARTS = "coalesce(starts_at, send_at)"


class AnnouncementStore:
    """Reads and writes the announcement tables; every state change is one guarded UPDATE."""

    def prune_drafts(self, before: float) -> int:
        """Drop previews nobody confirmed before `before` (Unix time)."""
        with self.db.atomic():
            cursor = self.db.execute(
                "DELETE FROM announcements WHERE state = 'draft' AND created_at < ?"
                " AND id NOT IN (SELECT replaces FROM announcements WHERE replaces IS NOT NULL)",
                [before],
            )
        return int(cursor.rowcount)

    def prune_refusals(self, before: float) -> int:
        """Forget who tried to announce without the role before `before` (Unix time)."""
        with self.db.atomic():
            cursor = self.db.execute("DELETE FROM announce_refusals WHERE at < ?", [before])
        return int(cursor.rowcount)

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, announcement_id: int) -> Announcement:
        """One announcement; a friendly error when it does not exist (any more)."""
        rows = list(self.db.table("announcements").rows_where("id = ?", [announcement_id], limit=1))
        if not rows:
            # Only previews nobody confirmed are ever deleted: a number above every one made
            # was never an announcement.
            (last,) = self.db.execute("SELECT max(id) FROM announcements").fetchone()
            if last is None or announcement_id > last:
                raise UserError(f"There is no announcement #{announcement_id}.")
            raise UserError(f"Announcement #{announcement_id} no longer exists.")
        return _announcement(rows[0])

    def save_draft(
        self,
        platform: str,
        user_id: str,
        target: str,
        draft: Draft,
        draft_id: int | None = None,
        replaces: int | None = None,
    ) -> int:
        """Store a new draft, or overwrite the draft `draft_id`; return its id."""
        values = _row(draft)
        if draft_id is not None:
            sets = ", ".join(f"{name} = ?" for name in values)
            cursor = self.db.execute(
                f"UPDATE announcements SET {sets} WHERE id = ? AND state = ?",
                [*values.values(), draft_id, DRAFT],
            )
            self.db.conn.commit()
            if cursor.rowcount:
                return draft_id
        row = {
            **values,
            "platform": platform,
            "user_id": user_id,
            "target": target,
            "state": DRAFT,
            "replaces": replaces,
            "created_at": time.time(),
        }
        return int(self.db.table("announcements").insert(row).last_rowid or 0)

    def confirm(self, draft_id: int) -> Announcement:
        """Schedule a draft; a draft that replaces a scheduled one overwrites it instead."""
        draft = self.get(draft_id)
        if draft.state != DRAFT:
            raise UserError(f"Announcement #{draft_id} was already confirmed.")
        if draft.replaces is None:
            self._move(draft_id, DRAFT, SCHEDULED)
            return self.get(draft_id)
        original = self.get(draft.replaces)
        going_out = original.state == SENDING
        with self.db.atomic():
            values = _row(draft.draft)
            if going_out:  # its audience and time stay: only what it says changes
                values = {name: values[name] for name in _CONTENT}
            sets = ", ".join(f"{name} = ?" for name in values)
            cursor = self.db.execute(
                f"UPDATE announcements SET {sets}, late = ? WHERE id = ? AND state = ?",
                [
                    *values.values(),
                    ON_TIME,
                    original.id,
                    original.state if going_out else SCHEDULED,
                ],
            )
            if cursor.rowcount:
                self.db.execute("DELETE FROM announcements WHERE id = ?", [draft_id])
        if not cursor.rowcount:
            raise UserError(refusal(original, "changed"))
        return self.get(original.id)

    def discard(self, draft_id: int) -> None:
        """Forget a draft nobody confirmed."""
        self.db.execute("DELETE FROM announcements WHERE id = ? AND state = ?", [draft_id, DRAFT])
        self.db.conn.commit()

    def going_out(self, announcement: Announcement) -> bool:
        """Whether `announcement` (a draft: the one it replaces) is one whose copies are going
        out (all at once, or at each person's time): it may still be edited, its audience and
        time not."""
        if announcement.state == DRAFT and announcement.replaces is not None:
            announcement = self.get(announcement.replaces)
        return announcement.state == SENDING

    def cancel(self, announcement_id: int) -> Announcement:
        """Cancel a scheduled announcement, or one whose copies are going out (the caller
        withdraws those still waiting); refused with the reason otherwise. Returns it as it
        was."""
        announcement = self.get(announcement_id)
        if not self._move(announcement_id, SCHEDULED, CANCELLED) and not self._stop(
            announcement_id
        ):
            raise UserError(refusal(announcement, "cancelled"))
        return announcement

    def _stop(self, announcement_id: int) -> bool:
        """sending → cancelled, finished now (its report follows as a sent one's does)."""
        cursor = self.db.execute(
            "UPDATE announcements SET state = ?, finished_at = ? WHERE id = ? AND state = ?",
            [CANCELLED, time.time(), announcement_id, SENDING],
        )
        self.db.conn.commit()
        return bool(cursor.rowcount)

    def start(self, announcement_id: int, recipients: list[str], now: datetime) -> bool:
        """scheduled → sending with its recipients fixed; False if it is no longer scheduled."""
        cursor = self.db.execute(
            "UPDATE announcements SET state = ?, recipients = ?, started_at = ? "
            "WHERE id = ? AND state = ?",
            [SENDING, json.dumps(recipients), now.timestamp(), announcement_id, SCHEDULED],
        )
        self.db.conn.commit()
        return bool(cursor.rowcount)

    def finish(self, announcement_id: int, now: datetime) -> None:
        """sending → sent."""
        self.db.execute(
            "UPDATE announcements SET state = ?, finished_at = ? WHERE id = ? AND state = ?",
            [SENT, now.timestamp(), announcement_id, SENDING],
        )
        self.db.conn.commit()

    def resume(self, announcement_id: int) -> bool:
        """sent → sending again: failed channels were queued again; False if not sent."""
        return self._move(announcement_id, SENT, SENDING)

    def saw_progress(self, announcement_id: int, seen: str) -> None:
        """Remember what the announcer's progress message last showed."""
        self.db.execute(
            "UPDATE announcements SET progress_seen = ? WHERE id = ?", [seen, announcement_id]
        )
        self.db.conn.commit()

    def due(self, now: datetime) -> list[Announcement]:
        """Scheduled announcements whose time has come (not those held late)."""
        return self._where(
            f"state = ? AND late = ? AND ({_STARTS} IS NULL OR {_STARTS} <= ?)",
            [SCHEDULED, ON_TIME, now.timestamp()],
        )

    def hold_late(self, before: datetime) -> int:
        """Hold the scheduled announcements due before `before`: none goes out by itself."""
        cursor = self.db.execute(
            f"UPDATE announcements SET late = ? WHERE state = ? AND late = ? AND {_STARTS} < ?",
            [LATE, SCHEDULED, ON_TIME, before.timestamp()],
        )
        self.db.conn.commit()
        return int(cursor.rowcount)

    def untold_late(self) -> list[Announcement]:
        """Held announcements whose announcer has not been told yet."""
        return self._where("state = ? AND late = ?", [SCHEDULED, LATE])

    def told_late(self, announcement_id: int) -> None:
        """The announcer was told that `announcement_id` is held."""
        self.db.execute(
            "UPDATE announcements SET late = ? WHERE id = ? AND late = ?",
            [LATE_TOLD, announcement_id, LATE],
        )
        self.db.conn.commit()

    def send_late(self, announcement_id: int, now: datetime) -> Announcement:
        """A held announcement goes out now (one sent at each person's time: to those whose
        time has passed, the others keep theirs); refused with the reason when it is not held."""
        announcement = self.get(announcement_id)
        cursor = self.db.execute(
            "UPDATE announcements SET late = ?, send_at = iif(local_time, send_at, NULL),"
            " starts_at = iif(local_time, ?, NULL) WHERE id = ? AND state = ? AND late != ?",
            [ON_TIME, now.timestamp(), announcement_id, SCHEDULED, ON_TIME],
        )
        self.db.conn.commit()
        if not cursor.rowcount:
            raise UserError(refusal(announcement, "sent now"))
        return self.get(announcement_id)

    def in_state(self, *states: str) -> list[Announcement]:
        """Announcements in any of `states`, oldest first."""
        marks = ", ".join("?" for _ in states)
        return self._where(f"state IN ({marks})", list(states))

    def finished_since(self, since: datetime) -> list[Announcement]:
        """Announcements sent, or cancelled while going out, since `since`, oldest first."""
        return self._where(
            "state IN (?, ?) AND finished_at >= ?", [SENT, CANCELLED, since.timestamp()]
        )

    def forget(self, platform: str, user_id: str) -> dict[str, int]:
        """Take the person out of the recipients of the announcements going out on `platform`,
        so that a copy the ledger dropped is not queued for them again (the figures count the
        ledger's rows; the announcer's own columns are handled by `handlers.privacy.forget`);
        rows changed per table."""
        changed = 0
        with self.db.atomic():
            rows = self.db.execute(
                "SELECT id, recipients FROM announcements WHERE target = ? AND EXISTS"
                " (SELECT 1 FROM json_each(recipients) WHERE value = ?)",
                [platform, user_id],
            ).fetchall()
            for announcement_id, listed in rows:
                kept = [r for r in json.loads(listed) if r != user_id]
                self.db.execute(
                    "UPDATE announcements SET recipients = ? WHERE id = ?",
                    [json.dumps(kept), announcement_id],
                )
                changed += 1
        return {"announcements": changed} if changed else {}

    def record_refusal(self, platform: str, user_id: str, text: str) -> None:
        """Note that someone without the role tried to announce."""
        self.db.table("announce_refusals").insert(
            {"platform": platform, "user_id": user_id, "text": text, "at": time.time()}
        )

    def dismiss(self, announcement_id: int, platform: str, user_id: str) -> None:
        """Someone said "Not for me" (twice counts once)."""
        self.db.execute(
            "INSERT OR IGNORE INTO announcement_dismissals "
            "(announcement_id, platform, user_id, at) VALUES (?, ?, ?, ?)",
            [announcement_id, platform, user_id, time.time()],
        )
        self.db.conn.commit()

    def dismissals(self, announcement_id: int) -> int:
        """How many people said "Not for me"."""
        row = self.db.execute(
            "SELECT count(*) FROM announcement_dismissals WHERE announcement_id = ?",
            [announcement_id],
        ).fetchone()
        return int(row[0])

    def _move(self, announcement_id: int, before: str, after: str) -> bool:
        cursor = self.db.execute(
            "UPDATE announcements SET state = ? WHERE id = ? AND state = ?",
            [after, announcement_id, before],
        )
        self.db.conn.commit()
        return bool(cursor.rowcount)

    def _where(self, where: str, params: list[Any]) -> list[Announcement]:
        rows = self.db.table("announcements").rows_where(where, params, order_by="id")
        return [_announcement(row) for row in rows]


def refusal(announcement: Announcement, verb: str) -> str:
    """Why an announcement can no longer be `verb` ("changed", "cancelled")."""
    reasons = {
        SENDING: "it is already going out",
        SENT: "it has already been sent",
        CANCELLED: "it was cancelled",
        DRAFT: "it was never confirmed",
    }
    reason = reasons.get(announcement.state, "it is not scheduled")
    return f"Announcement #{announcement.id} can't be {verb}: {reason}."
