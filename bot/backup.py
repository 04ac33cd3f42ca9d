"""Backups for admins who do not run Litestream: a checked copy of the live database, and back.

`backup` uses SQLite's online backup API, so the bot keeps running and writing while the copy
is made; the copy is checked with `PRAGMA integrity_check` before it replaces anything, and it
never replaces the database itself. `restore` checks the file the same way, takes only a socialbot
database, moves the current one aside and copies the file into place while no bot runs on it.

A copy lags what happened after it was taken, messages included: a fan-out that went on after
the copy shows as still to send. So after a restore every unfinished delivery is marked
uncertain, and the engine looks each one up on the platform (by the token it carries) before
sending it again: what already arrived is recorded as sent, not sent twice. What would start
afresh from the copy makes deliveries nobody looks up, so today's digest counts as sent for
everyone whose time had come, and announcements due before the restore wait for their announcer.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.delivery import ledger
from bot.store import create_private
from handlers.announcements import store as announcement_store
from handlers.core import Core
from handlers.digest import store as digest_store
from handlers.digest.schedule import Plan, Schedule

BACKUP_PAGES = 1024  # pages copied per step: the bot's writes get the database in between
SQLITE_FILES = ("", "-wal", "-shm", "-journal")  # the database and the files SQLite keeps beside it
CORE_TABLES = (Migrations.migrations_table, "reports")  # what every socialbot database has


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
    digests_done: int = 0  # people whose digest today counts as sent (restore only)
    held: int = 0  # announcements due before the restore, held for their announcer (restore only)
    previous: Path | None = None  # where the replaced database was moved (restore only)


def _beside(database: Path, suffixes: tuple[str, ...] = SQLITE_FILES) -> list[Path]:
    return [database.with_name(database.name + suffix) for suffix in suffixes]


def _refuse_the_database(path: Path, database: Path, what: str) -> None:
    """Raise BackupError when `path` is `database` or a file beside it (its lock included);
    `database` resolved, as SQLite and the run lock put those beside the file a link leads to."""
    for own in _beside(database, (*SQLITE_FILES, ".lock")):
        same = path.resolve() == own.resolve()
        if same or (path.exists() and own.exists() and path.samefile(own)):
            raise BackupError(f"{path} is the live database's file {own}; {what}")


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


def _check_socialbot(conn: sqlite3.Connection, what: str) -> None:
    """Raise BackupError unless `conn` holds a socialbot database (its core tables)."""
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = [table for table in CORE_TABLES if table not in names]
    if missing:
        raise BackupError(f"{what} is not a socialbot database: it has no {missing[0]} table")


def _move_aside(database: Path) -> Path | None:
    """Rename `database` (and the files SQLite keeps beside it) to a name not in use,
    `<database>.before-restore-<UTC time>`; None when there is no database."""
    if not database.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = database.with_name(f"{database.name}.before-restore-{stamp}")
    n = 1
    while any(path.exists() for path in _beside(aside)):
        n += 1
        aside = database.with_name(f"{database.name}.before-restore-{stamp}-{n}")
    try:
        for old, new in zip(_beside(database), _beside(aside), strict=True):
            if old.exists():
                old.replace(new)
    except OSError as error:
        raise BackupError(f"cannot move {database} aside to {aside}: {error.strerror}") from None
    return aside


def _count(conn: sqlite3.Connection, table: str, where: str = "") -> int:
    found = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()[0]
    if not found:
        return 0
    return int(conn.execute(f"SELECT count(*) FROM [{table}] {where}").fetchone()[0])


def _describe(
    conn: sqlite3.Connection,
    path: Path,
    unfinished: int = 0,
    previous: Path | None = None,
    digests_done: int = 0,
    held: int = 0,
) -> Copied:
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return Copied(
        path=path,
        size=path.stat().st_size,
        tables=int(tables[0]),
        reports=_count(conn, "reports"),
        deliveries=_count(conn, "deliveries"),
        unfinished=unfinished,
        previous=previous,
        digests_done=digests_done,
        held=held,
    )


@contextlib.contextmanager
def _checked_copy(source: sqlite3.Connection, target: Path) -> Iterator[Path]:
    """A checked, self-contained copy of `source` beside `target`, for the caller to move
    into place; removed if it is still there afterwards."""
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    create_private(partial)  # a backup holds what the database holds
    try:
        with _connect(partial) as copy:
            source.backup(copy, pages=BACKUP_PAGES)
            # One self-contained file, whatever journal mode the source uses.
            copy.execute("PRAGMA journal_mode=DELETE")
            _check(copy, "the copy")
        yield partial
    finally:
        partial.unlink(missing_ok=True)


def backup(database: Path, target: Path) -> Copied:
    """Copy the live `database` to `target` (replaced only once the copy checks out)."""
    if not database.is_file():
        raise BackupError(f"there is no database at {database}")
    if target.is_dir():
        raise BackupError(f"{target} is a folder; name the backup file")
    if not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist; create it first")
    _refuse_the_database(target, database.resolve(), "name another file for the backup")
    try:
        with _connect(database) as source, _checked_copy(source, target) as partial:
            partial.replace(target)
    except sqlite3.Error as error:
        raise BackupError(f"cannot back up {database} to {target}: {error}") from None
    with _connect(target, read_only=True) as copy:
        return _describe(copy, target)


def restore(
    source: Path,
    database: Path,
    confirm: Callable[[], object] = lambda: None,
    plan: Plan | None = None,
) -> Copied:
    """Replace `database` with the checked socialbot database `source`, the old one moved
    aside; unfinished deliveries become uncertain, today's digests due by now (with `plan`)
    count as sent, announcements due by now are held. `confirm` runs once `source` checked
    out, before anything changes (it raises to stop). The caller makes sure no bot runs on it.
    A `database` that is a symlink stays one: the file it leads to is replaced."""
    if not source.is_file():
        raise BackupError(f"there is no backup at {source}")
    database = database.resolve()
    _refuse_the_database(source, database, "restore from a backup")
    try:
        with _connect(source, read_only=True) as copy:
            _check(copy, str(source))
            _check_socialbot(copy, str(source))
            confirm()
            with _checked_copy(copy, database) as partial:
                previous = _move_aside(database)
                partial.replace(database)
    except sqlite3.Error as error:
        raise BackupError(f"cannot restore {source} to {database}: {error}") from None
    db = Database(database)
    try:
        # A backup from an older release may lack the newest columns.
        for tables in (
            *Core.migrations,  # the people the digests' marks read
            ledger.migrations,
            digest_store.migrations,
            announcement_store.migrations,
        ):
            tables.apply(db)
        unfinished = ledger.Ledger(db).distrust_unfinished()
        now = datetime.now(UTC)
        held = announcement_store.AnnouncementStore(db).hold_late(now)
        schedule = Schedule(db, digest_store.DigestStore(db), plan) if plan else None
        done = schedule.close_today(now) if schedule else 0
        return _describe(db.conn, database, unfinished, previous, done, held)
    finally:
        db.close()
