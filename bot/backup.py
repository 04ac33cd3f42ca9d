"""Backups for admins who do not run Litestream: a checked copy of the live database, and back.

`backup` uses SQLite's online backup API, so the bot keeps running and writing while the copy
is made; the copy is checked with `PRAGMA integrity_check` before it replaces anything. `restore`
checks the file the same way and copies it into place while no bot runs on the database.

A copy lags what happened after it was taken, messages included: a fan-out that went on after
the copy shows as still to send. So after a restore every unfinished delivery is marked
uncertain, and the engine looks each one up on the platform (by the token it carries) before
sending it again: what already arrived is recorded as sent, not sent twice.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from bot.delivery import ledger

BACKUP_PAGES = 1024  # pages copied per step: the bot's writes get the database in between


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


@dataclass(frozen=True)
class Copied:
    """What a backup or restore copied."""

    path: Path
    size: int
    tables: int
    reports: int
    deliveries: int
    unfinished: int = 0  # deliveries to look up before sending (restore only)


@contextlib.contextmanager
def _connect(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    uri = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    conn = sqlite3.connect(uri, uri=read_only, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def _check(conn: sqlite3.Connection, what: str) -> None:
    """Raise BackupError unless `conn` holds an intact SQLite database."""
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{what} is not a usable SQLite database: {error}") from None
    if problems != ["ok"]:
        raise BackupError(f"{what} failed the integrity check: {'; '.join(problems[:3])}")


def _count(conn: sqlite3.Connection, table: str, where: str = "") -> int:
    found = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()[0]
    if not found:
        return 0
    return int(conn.execute(f"SELECT count(*) FROM [{table}] {where}").fetchone()[0])


def _describe(conn: sqlite3.Connection, path: Path, unfinished: int = 0) -> Copied:
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return Copied(
        path=path,
        size=path.stat().st_size,
        tables=int(tables[0]),
        reports=_count(conn, "reports"),
        deliveries=_count(conn, "deliveries"),
        unfinished=unfinished,
    )


def backup(database: Path, target: Path) -> Copied:
    """Copy the live `database` to `target` (replaced only once the copy checks out)."""
    if not database.is_file():
        raise BackupError(f"there is no database at {database}")
    if target.is_dir():
        raise BackupError(f"{target} is a folder; name the backup file")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with _connect(database) as source, _connect(partial) as copy:
            source.backup(copy, pages=BACKUP_PAGES)
            # One self-contained file, whatever journal mode the live database uses.
            copy.execute("PRAGMA journal_mode=DELETE")
            _check(copy, "the copy")
        partial.replace(target)
    except sqlite3.Error as error:
        raise BackupError(f"cannot back up {database} to {target}: {error}") from None
    finally:
        partial.unlink(missing_ok=True)
    with _connect(target, read_only=True) as copy:
        return _describe(copy, target)


def restore(source: Path, database: Path) -> Copied:
    """Replace `database` with the checked copy `source`; unfinished deliveries become
    uncertain. The caller makes sure no bot runs on `database`."""
    if not source.is_file():
        raise BackupError(f"there is no backup at {source}")
    try:
        with _connect(source, read_only=True) as copy:
            _check(copy, str(source))
            with _connect(database) as live:
                copy.backup(live, pages=BACKUP_PAGES)
    except sqlite3.Error as error:
        raise BackupError(f"cannot restore {source} to {database}: {error}") from None
    db = Database(database)
    try:
        ledger.migrations.apply(db)  # a backup from an older release may lack the newest columns
        unfinished = ledger.Ledger(db).distrust_unfinished()
        return _describe(db.conn, database, unfinished)
    finally:
        db.close()
