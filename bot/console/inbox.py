"""The console as a platform: what the bot sends to console users lands in an inbox table.

Console sessions are separate processes (a reporter's, a manager's, `socialbot run`'s), so they
meet in the database: the delivery engine of whichever process runs "sends" a console message
by storing it here, and each session shows what arrived for it. A `--manager` session reads the
team's inbox too (`CONSOLE_TEAM`), where report cards and forwarded questions go.
"""

from __future__ import annotations

import json
import time
from collections.abc import Collection
from dataclasses import asdict, dataclass
from zoneinfo import ZoneInfo

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.console.render import buttons_of, render
from bot.delivery.buckets import Pace
from bot.delivery.gateway import Payload
from handlers.views import Button, Message

migrations = Migrations("console")
# Storing a row costs nothing: no platform limit to keep under.
CONSOLE_PACE = Pace(rate=200, burst=200, conversation_rate=50)


@migrations()
def create_console_inbox(db: Database) -> None:
    """One row per message sent to a console user or the console team."""
    # `shown` is cleared when the message is edited (a report card changing state), so the
    # session shows it again.
    db.execute(
        """CREATE TABLE console_inbox (
            id INTEGER PRIMARY KEY,
            recipient TEXT NOT NULL,
            token TEXT NOT NULL,
            text TEXT NOT NULL,
            buttons TEXT NOT NULL DEFAULT '[]',
            sent_at REAL NOT NULL,
            edited INTEGER NOT NULL DEFAULT 0,
            shown INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute("CREATE INDEX console_inbox_unread ON console_inbox (recipient, shown)")


@dataclass(frozen=True)
class Arrived:
    """A message that came for a session: to whom, its text, its buttons, whether edited."""

    recipient: str
    text: str
    buttons: tuple[Button, ...]
    edited: bool


class ConsoleGateway:
    """The delivery engine's gateway for the console: sending is storing in the inbox."""

    platform = "console"

    def __init__(self, db: Database, zone: ZoneInfo) -> None:
        self.db = db
        self.zone = zone  # the workspace's: a message is drawn once for all its readers

    def render(self, message: Message) -> Payload:
        """The message as terminal text with its buttons (to press with `#N`)."""
        return {
            "text": render(message, zone=self.zone),
            "buttons": [asdict(b) for b in buttons_of(message)],
        }

    async def send(self, recipient: str, payload: Payload, token: str) -> str:
        """Store the message for `recipient`; its row id is its reference."""
        cursor = self.db.execute(
            "INSERT INTO console_inbox (recipient, token, text, buttons, sent_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [recipient, token, payload["text"], json.dumps(payload["buttons"]), time.time()],
        )
        return str(cursor.lastrowid)

    async def update(self, recipient: str, message_id: str, payload: Payload) -> None:
        """Replace a stored message; the session shows it again, marked as updated."""
        self.db.execute(
            "UPDATE console_inbox SET text = ?, buttons = ?, edited = 1, shown = 0"
            " WHERE id = ? AND recipient = ?",
            [payload["text"], json.dumps(payload["buttons"]), message_id, recipient],
        )

    async def find(self, recipient: str, token: str, since: float) -> str | None:
        """The message stored under `token`, if an interrupted send got that far."""
        row = self.db.execute(
            "SELECT id FROM console_inbox WHERE recipient = ? AND token = ? AND sent_at >= ?",
            [recipient, token, since],
        ).fetchone()
        return None if row is None else str(row[0])

    async def close(self) -> None:
        """Nothing to release."""

    def reaches(self, recipient: str) -> bool:
        """Anyone's inbox takes messages."""
        return True


def take_unread(db: Database, recipients: Collection[str]) -> list[Arrived]:
    """The messages for `recipients` not shown yet, oldest first, now marked shown."""
    if not recipients:
        return []
    marks = ", ".join("?" for _ in recipients)
    with db.atomic():
        rows = db.execute(
            f"SELECT id, recipient, text, buttons, edited FROM console_inbox"
            f" WHERE shown = 0 AND recipient IN ({marks}) ORDER BY sent_at, id",
            list(recipients),
        ).fetchall()
        db.execute(
            f"UPDATE console_inbox SET shown = 1 WHERE id IN ({', '.join('?' for _ in rows)})",
            [row[0] for row in rows],
        )
    return [
        Arrived(recipient, text, tuple(Button(**b) for b in json.loads(buttons)), bool(edited))
        for _, recipient, text, buttons, edited in rows
    ]


def prune(db: Database, before: float) -> int:
    """Forget the messages sent before `before` (Unix time), shown or not: the team's inbox
    must not grow if no `--manager` session ever opens. Returns how many."""
    with db.atomic():
        cursor = db.execute("DELETE FROM console_inbox WHERE sent_at < ?", [before])
    return int(cursor.rowcount)


def in_flight(db: Database, recipients: Collection[str] | None = None) -> int:
    """How many console messages (for `recipients`, or anyone) the ledger still holds unsent."""
    if recipients is not None and not recipients:
        return 0
    chosen = list(recipients or ())
    only = f" AND recipient IN ({', '.join('?' for _ in chosen)})" if chosen else ""
    (count,) = db.execute(
        "SELECT count(*) FROM deliveries WHERE platform = 'console'"
        f" AND state IN ('queued', 'sending'){only}",
        chosen,
    ).fetchone()
    return int(count)
