"""`/readyz`: whether this process should get traffic, beyond merely being alive (`/healthz`)."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from bot import storage

if TYPE_CHECKING:
    from bot.app import Runtime


def database_writable(db: Database) -> dict[str, Any]:
    """Write to the database in a transaction that is rolled back: a read-only file or a broken
    volume shows here, where a read would still succeed. A full disk does not (SQLite writes
    nothing before the commit), so the space left is checked as `/healthz` checks it."""
    state = _rolled_back_write(db)
    if state["ok"]:
        room = storage.database_health(db)
        if not room["ok"]:
            return {**room, **({"busy": True} if state.get("busy") else {})}
    return state


def _rolled_back_write(db: Database) -> dict[str, Any]:
    conn = db.conn
    if conn.in_transaction:
        return {"ok": True}  # someone is writing on this very connection right now
    timeout = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute("PRAGMA busy_timeout=0")  # never stall the event loop behind another writer
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute(f"PRAGMA user_version={int(version)}")
        finally:
            conn.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return {"ok": True, "busy": True}  # another process holds the write lock
        return {"ok": False, "error": str(error)}
    except sqlite3.DatabaseError as error:
        return {"ok": False, "error": str(error)}
    finally:
        conn.execute(f"PRAGMA busy_timeout={timeout}")
    return {"ok": True}


async def readiness(runtime: Runtime) -> dict[str, Any]:
    """Ready when the database takes writes and the clock runs (the HTTP server answers: this
    very request). The platforms' states are shown but do not count: a Slack that refuses the
    bot must not cut Teams' `POST /api/messages` off, nor the other way round."""
    health = await runtime.health()
    parts = {"database": database_writable(runtime.db), "clock": health["clock"]}
    return {
        "ok": all(part["ok"] for part in parts.values()),
        **parts,
        "slack": health["slack"],
        "teams": health["teams"],
    }
