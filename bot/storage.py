"""A full disk (or a lock held by another process), told plainly: to the person whose input
could not be saved, to the command line, and to `/healthz`.

When SQLite cannot grow its file ("database or disk is full") nothing already saved is lost,
but nothing new can be saved either: the person is asked to try again later instead of getting
a generic apology, and the health check shows the database as down until there is room again.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.store import file_replaced
from handlers.errors import database_locked

CANNOT_SAVE = "The bot cannot save right now (its storage is full); please try again later."
CANNOT_SAVE_BUSY = (
    "The bot cannot save right now (another program is holding its database);"
    " please try again in a minute."
)
# Below this much free space the next write may well fail (a page, the WAL, a journal).
MIN_FREE_BYTES = 1024 * 1024


def is_full(error: BaseException) -> bool:
    """Whether `error` is SQLite's "database or disk is full"."""
    return isinstance(error, sqlite3.OperationalError) and "full" in str(error).lower()


def unsaved(error: BaseException) -> str | None:
    """Why nothing could be saved, in a command line's words, when `error` is a full disk or
    a lock held elsewhere (None for any other error)."""
    if is_full(error):
        return f"the database or its disk is full ({error}): make room, then try again"
    if database_locked(error):
        return (
            f"the database is busy ({error}: another process holds its write lock);"
            " try again in a moment"
        )
    return None


def _pragma(db: Database, name: str) -> int:
    return int(db.execute(f"PRAGMA {name}").fetchone()[0])


def database_health(db: Database) -> dict[str, Any]:
    """Whether the database answers, and whether it can still grow (its page limit and the
    free space of the disk it is on)."""
    try:
        pages, limit = _pragma(db, "page_count"), _pragma(db, "max_page_count")
        files = {row[1]: row[2] for row in db.execute("PRAGMA database_list").fetchall()}
    except sqlite3.Error as error:
        return {"ok": False, "error": str(error)}
    state: dict[str, Any] = {"ok": True}
    if path := files.get("main"):
        state["free_bytes"] = shutil.disk_usage(Path(path).parent).free
    if pages >= limit or state.get("free_bytes", MIN_FREE_BYTES) < MIN_FREE_BYTES:
        state.update(ok=False, error="the database or its disk is full: nothing new is saved")
    if path and (replaced := file_replaced(db, path)):
        state.update(ok=False, error=replaced)
    return state
