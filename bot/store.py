"""The SQLite file: opened once, tuned for one busy process, migrated on open."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.settings import SettingsError


def open_database(path: Path, migrations: Iterable[Migrations]) -> Database:
    """Open (or create) the database at `path` and apply every pending migration."""
    try:
        db = Database(path)
        with db.ensure_autocommit_on():
            # WAL lets readers (the CLI) work while the bot writes; NORMAL is durable in WAL mode
            # across application crashes, which is the failure we guard against.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA busy_timeout=5000")
        for migration_set in migrations:
            migration_set.apply(db)
    except sqlite3.DatabaseError as error:
        raise SettingsError(f"Invalid setting SOCIALBOT_DB: cannot use {path}: {error}") from None
    return db
