"""Slack's retried events, handled once: each event's id is noted before its listener runs,
with the question it asks (a DM, an @mention) noted as unanswered beside it, and forgotten
after a day."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from slack_bolt.response import BoltResponse
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot import storage
from bot.delivery.unanswered import Asked, Unanswered
from bot.slack.events import asked_in

log = logging.getLogger(__name__)

SEEN_EVENTS_KEPT_SECONDS = 24 * 3600
# The message a request's listener answers, as `skip_seen_events` noted it (None for any other
# request): Bolt runs the listener in a task of its own, which starts with the request's context.
ASKED: ContextVar[Asked | None] = ContextVar("asked", default=None)

migrations = Migrations("slack")


@migrations()
def create_seen_events(db: Database) -> None:
    """Event ids already handled, so Slack's retries never run twice."""
    db.table("slack_seen_events").create({"event_id": str, "seen_at": float}, pk="event_id")


@migrations()
def index_seen_events_by_time(db: Database) -> None:
    """Old event ids are forgotten by time."""
    db.table("slack_seen_events").create_index(["seen_at"])


class SeenEvents:
    """The ids of the events handled, in `slack_seen_events`."""

    def __init__(self, db: Database, unanswered: Unanswered) -> None:
        self.db = db
        self.unanswered = unanswered

    async def forget_old_events(self, now: datetime) -> None:
        """Drop event ids older than Slack's retry window (a day is far beyond it)."""
        cutoff = now.timestamp() - SEEN_EVENTS_KEPT_SECONDS
        with self.db.atomic():
            self.db.execute("DELETE FROM slack_seen_events WHERE seen_at < ?", [cutoff])

    async def skip_seen_events(
        self, body: dict[str, Any], next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse | None:
        """Acknowledge a retried event without running it again.

        The id is recorded before the listener runs, so an event whose handling crashed is not
        handled on Slack's retry either: at most once, which suits questions and mentions (a
        person can ask again) better than answering twice. On a full disk it cannot be
        recorded: the event runs all the same (a question is answered, a report is told the bot
        cannot save), as a slash command does, not refused with HTTP 500 (review15b K2).
        """
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        asked = asked_in(body)
        ASKED.set(None)
        if event_id:
            try:
                with self.db.atomic():
                    cursor = self.db.execute(
                        "INSERT OR IGNORE INTO slack_seen_events (event_id, seen_at) VALUES (?, ?)",
                        [event_id, time.time()],
                    )
                    if asked is not None and cursor.rowcount:
                        # Beside the mark, so that a kill before the answer is queued leaves
                        # the asker to be told at the next start (review15b K1).
                        self.unanswered.note(asked)
                        ASKED.set(asked)
            except sqlite3.OperationalError as error:
                if storage.unsaved(error) is None:  # neither a full disk nor a lock held
                    raise
                return await next()
            if cursor.rowcount == 0:
                log.info("skipped a retried event", extra={"event_id": event_id})
                return BoltResponse(status=200, body="")
        return await next()
