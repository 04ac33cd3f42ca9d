"""Who joined the leaderboard (a field of `/socialbot preferences` when it is on)."""

from __future__ import annotations

import time

from sqlite_utils import Database

TABLE = "leaderboard_opt_ins"


def joined(db: Database, platform: str, user_id: str) -> bool:
    """Whether the person opted in to the leaderboard."""
    row = db.execute(
        f"SELECT 1 FROM {TABLE} WHERE platform = ? AND user_id = ?", [platform, user_id]
    ).fetchone()
    return row is not None


def set_joined(db: Database, platform: str, user_id: str, on: bool) -> None:
    """Put the person on the leaderboard (`on`) or take them off it."""
    if on:
        db.table(TABLE).upsert(
            {"platform": platform, "user_id": user_id, "at": time.time()},
            pk=("platform", "user_id"),
        )
    else:
        db.table(TABLE).delete_where("platform = ? AND user_id = ?", [platform, user_id])
