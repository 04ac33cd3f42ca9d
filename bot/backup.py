"""Backups for admins who do not run Litestream: a checked copy of the live database, and back.

`backup` uses SQLite's online backup API in one step (a snapshot: the bot keeps writing
meanwhile, WAL readers never block it); the copy carries a mark saying when it was taken, and is
checked with `PRAGMA integrity_check` before it replaces anything; it never replaces the database
itself. `restore` checks the file the same way, takes only a socialbot database, moves the current
one aside and copies the file into place while nothing else has the database open (no bot, no
Litestream: a file replaced under Litestream corrupts its replica).

A copy lags what happened after it was taken, messages included: a fan-out that went on after
the copy shows as still to send. So after a restore every unfinished delivery is marked
uncertain, and the engine looks each one up on the platform (by the token it carries) before
sending it again: what already arrived is recorded as sent, not sent twice. What would start
afresh from the copy makes deliveries nobody looks up, so today's digest counts as sent for
everyone whose time had come, and announcements due before the restore wait for their announcer.
A file Litestream has just restored from its replica is current to within seconds: its digests
are left to the ledger. Only the Litestream restore path says so (`deploy/socialbot-litestream`,
`socialbot restore --litestream-replica`): the file cannot, since every copy of a replicated
database carries Litestream's table, an old `sqlite3 .backup` or disk snapshot as much as a
replica (review10c R12). A marked backup copied into place by hand gets a backup's treatment
when `socialbot run` starts on it (`settle_copied_backup`).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.delivery import ledger
from bot.store import (
    connect_read_only,
    create_private,
    note_read_only,
    refuse_a_replaced_databases_wal,
    unwritable,
)
from handlers.announcements import store as announcement_store
from handlers.core import Core
from handlers.digest import store as digest_store
from handlers.digest.schedule import Plan, Schedule
from handlers.reports import store as reports_store

SQLITE_FILES = ("", "-wal", "-shm", "-journal")  # the database and the files SQLite keeps beside it
CORE_TABLES = (Migrations.migrations_table, "reports")  # what every socialbot database has
MARK_TABLE = "socialbot_backup"  # in a backup only: when it was taken (gone once restored)
LITESTREAM_TABLE = "_litestream_seq"  # what Litestream adds to a database it replicates
SHM_DMS_BYTE = 128  # SQLite (unix): every connection holds a shared lock on this -shm byte


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


@dataclass(frozen=True)
class Settled:
    """What the care after a restore did to the restored database."""

    unfinished: int  # deliveries to look up before sending
    digests_done: int  # people whose digest today counts as sent
    held: int  # announcements due by now, held for their announcer
    taken_at: datetime | None  # when the backup was taken (its mark; None: unmarked)
    replica: bool  # a Litestream replica: nothing closed, the ledger knows
    damaged_mark: str | None = None  # the mark, unreadable as a time (a page overwritten)


@dataclass(frozen=True)
class Copied:
    """What a backup or restore copied."""

    path: Path
    size: int
    tables: int
    reports: int
    deliveries: int
    settled: Settled | None = None  # the care after a restore (restore only)
    previous: Path | None = None  # where the replaced database was moved (restore only)
    carried: Carried | None = None  # what the restore brought over (restore only)


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
    conn = connect_read_only(path) if read_only else sqlite3.connect(path, isolation_level=None)
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


def _has_table(conn: sqlite3.Connection, table: str) -> bool:
    return bool(
        conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()[0]
    )


def _count(conn: sqlite3.Connection, table: str) -> int:
    if not _has_table(conn, table):
        return 0
    return int(conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])


def _describe(
    conn: sqlite3.Connection,
    path: Path,
    settled: Settled | None = None,
    previous: Path | None = None,
    carried: Carried | None = None,
) -> Copied:
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return Copied(
        path=path,
        size=path.stat().st_size,
        tables=int(tables[0]),
        reports=_count(conn, "reports"),
        deliveries=_count(conn, "deliveries"),
        settled=settled,
        previous=previous,
        carried=carried,
    )


@contextlib.contextmanager
def _checked_copy(
    source: sqlite3.Connection, target: Path, taken_at: datetime | None = None
) -> Iterator[Path]:
    """A checked, self-contained copy of `source` beside `target`, for the caller to move
    into place; removed if it is still there afterwards. `taken_at`: the copy is a backup,
    marked as one taken then."""
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    create_private(partial)  # a backup holds what the database holds
    try:
        with _connect(partial) as copy:
            # One step: a snapshot of the source while the bot keeps writing. In steps, SQLite
            # starts over at every write another connection makes (every send of a fan-out).
            source.backup(copy, pages=-1)
            if taken_at is not None:
                copy.execute(f"CREATE TABLE [{MARK_TABLE}] (taken_at TEXT NOT NULL)")
                copy.execute(f"INSERT INTO [{MARK_TABLE}] VALUES (?)", (taken_at.isoformat(),))
            # One self-contained file, whatever journal mode the source uses.
            copy.execute("PRAGMA journal_mode=DELETE")
            _check(copy, "the copy")
        yield partial
    finally:
        partial.unlink(missing_ok=True)


def backup(database: Path, target: Path) -> Copied:
    """Copy the live `database` to `target` (replaced only once the copy checks out), marked
    as a backup taken now."""
    if not database.is_file():
        raise BackupError(f"there is no database at {database}")
    if target.is_dir():
        raise BackupError(f"{target} is a folder; name the backup file")
    if not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist; create it first")
    _refuse_the_database(target, database.resolve(), "name another file for the backup")
    why = unwritable(database)  # a read-only volume: a backup is what is wanted most
    if why is not None:
        note_read_only(why)
    try:
        with (
            _connect(database, read_only=why is not None) as source,
            _checked_copy(source, target, taken_at=datetime.now(UTC)) as partial,
        ):
            partial.replace(target)
    except sqlite3.Error as error:
        raise BackupError(f"cannot back up {database} to {target}: {error}") from None
    with _connect(target, read_only=True) as copy:
        return _describe(copy, target)


def _open_elsewhere(database: Path) -> bool:
    """Whether another process has `database` open: while a connection is open (in WAL mode)
    it holds a shared lock on a byte of the `-shm` file, which a test lock here conflicts
    with. Litestream keeps the database open while it replicates. Sound only while this
    process has no connection to it (POSIX locks are per process)."""
    shm = database.with_name(database.name + "-shm")
    if sys.platform == "win32":  # no fcntl: one user of the file is up to the admin
        return False
    import fcntl

    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:  # no -shm file: nobody has it open in WAL mode
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, SHM_DMS_BYTE)
        return False
    finally:
        os.close(fd)


def _refuse_while_open(database: Path) -> None:
    """Raise BackupError when another process has `database` open; the message names
    Litestream when the database is one it replicates."""
    if not _open_elsewhere(database):
        return
    try:
        with _connect(database, read_only=True) as conn:
            replicated = _has_table(conn, LITESTREAM_TABLE)
    except sqlite3.Error:
        replicated = False
    if replicated:
        raise BackupError(
            f"not restored: Litestream is replicating {database} (a file replaced under it"
            " corrupts the replica); stop it first (Compose: `docker compose stop litestream`;"
            " Kubernetes: scale the deployment to 0), restore, then start it again"
        )
    raise BackupError(
        f"not restored: another process has {database} open; stop it first (`fuser"
        f" {database}` names it), then restore"
    )


REPORT_TABLES = ("report_links", "report_reporters", "report_events", "report_cards")


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")]


@dataclass(frozen=True)
class Carried:
    """What a restore brought over from the database it replaced."""

    # Reports only the replaced database had: {number before: number now}.
    numbers: dict[int, int] = field(default_factory=dict)
    # Reports both had that changed after the backup (triage, reporters, notes), brought up to date.
    updated: tuple[int, ...] = ()


def _carry_reports(previous: Path | None, restored: Database) -> Carried:
    """Bring into the restored database what the replaced one knew of reports that the backup
    does not: the reports filed after it, with their links, reporters, events and cards (under
    their own numbers, but where the restored database gives that number to another report), and
    for the reports both have (same number, same filing time) the reporters, links, events and
    cards added since and the triage when it is newer. So a restore loses nothing reported and
    gives no number out twice."""
    if previous is None:
        return Carried()
    try:
        with _connect(previous, read_only=True) as old:
            if not _has_table(old, "reports"):
                return Carried()
            known = {
                number: (created, updated)
                for number, created, updated in restored.execute(
                    "SELECT id, created_at, updated_at FROM reports"
                )
            }
            every = _columns(old, "reports")
            created, updated = every.index("created_at"), every.index("updated_at")
            reports = old.execute("SELECT * FROM reports ORDER BY id").fetchall()
            shared = [r for r in reports if known.get(r[0], (None,))[0] == r[created]]
            both = {r[0] for r in shared}
            lost = [r for r in reports if r[0] not in both]
            newer = [r for r in shared if r[updated] > known[r[0]][1]]
            columns = {
                table: [c for c in _columns(old, table) if c in _columns(restored.conn, table)]
                for table in ("reports", *REPORT_TABLES)
                if _has_table(old, table)
            }
            rows = {
                table: old.execute(
                    f"SELECT {', '.join(f'[{c}]' for c in names)} FROM [{table}]"
                    " WHERE report_id IN (SELECT value FROM json_each(?))"
                    + (" ORDER BY id" if table == "report_events" else ""),
                    (json.dumps([r[0] for r in reports]),),
                ).fetchall()
                for table, names in columns.items()
                if table != "reports"
            }
    except sqlite3.Error:  # a damaged database is often why it is replaced: nothing to carry
        return Carried()
    numbers = {number: number for number in both}
    carried: dict[int, int] = {}
    added: set[int] = set()
    with restored.atomic():
        # Those whose number is free first, so that a number given anew comes after them all.
        for row in sorted(lost, key=lambda row: row[0] in known):
            values = {name: row[every.index(name)] for name in columns["reports"]}
            if values["id"] in known:  # another report has that number here: a new one
                del values["id"]
            cursor = restored.execute(
                f"INSERT INTO reports ({', '.join(f'[{c}]' for c in values)})"
                f" VALUES ({', '.join('?' for _ in values)})",
                tuple(values.values()),
            )
            numbers[row[0]] = carried[row[0]] = int(cursor.lastrowid or row[0])
        for row in newer:  # triage since the backup: the replaced database's is the latest
            names = [c for c in columns["reports"] if c not in ("id", "created_at")]
            restored.execute(
                f"UPDATE reports SET {', '.join(f'[{c}] = ?' for c in names)} WHERE id = ?",
                (*(row[every.index(c)] for c in names), row[0]),
            )
            added.add(row[0])
        for table, found in rows.items():
            names = [c for c in columns[table] if not (table == "report_events" and c == "id")]
            seen = set(
                restored.execute(f"SELECT {', '.join(f'[{c}]' for c in names)} FROM [{table}]")
            )
            for row in found:
                values = dict(zip(columns[table], row, strict=True))
                number = values["report_id"]
                values["report_id"] = numbers[number]
                record = tuple(values[c] for c in names)
                if record in seen:  # the backup has it (an event is known by all it says)
                    continue
                inserted = restored.execute(
                    f"INSERT OR IGNORE INTO [{table}] ({', '.join(f'[{c}]' for c in names)})"
                    f" VALUES ({', '.join('?' for _ in names)})",
                    record,
                ).rowcount
                if inserted and number in both:
                    added.add(number)
    return Carried(dict(sorted(carried.items())), tuple(sorted(added)))


def settle(db: Database, plan: Plan | None, now: datetime, replica: bool = False) -> Settled:
    """The care a database put back from a copy needs before a bot runs on it: unfinished
    deliveries become uncertain, announcements due by `now` are held, and (with `plan`, unless
    it is a `replica` Litestream has just restored, with no backup's mark) today's digests due
    by `now` count as sent; the backup's mark is removed. A backup from an older release may
    lack the newest columns: those come first."""
    for tables in (
        *Core.migrations,  # the people the digests' marks read
        ledger.migrations,
        digest_store.migrations,
        announcement_store.migrations,
    ):
        tables.apply(db)
    taken_at, damaged = None, None
    if db[MARK_TABLE].exists():
        row = db.execute(f"SELECT max(taken_at) FROM [{MARK_TABLE}]").fetchone()
        try:
            taken_at = datetime.fromisoformat(row[0]) if row and row[0] else None
        except (TypeError, ValueError):  # settled all the same: when is only told
            damaged = str(row[0])
    replica = replica and taken_at is None and damaged is None
    unfinished = ledger.Ledger(db).distrust_unfinished()
    held = announcement_store.AnnouncementStore(db).hold_late(now)
    done = 0
    if plan is not None and not replica:
        done = Schedule(db, digest_store.DigestStore(db), plan).close_today(now)
    with db.atomic():
        db.execute(f"DROP TABLE IF EXISTS [{MARK_TABLE}]")
    return Settled(unfinished, done, held, taken_at, replica, damaged)


def settle_copied_backup(database: Path, plan: Plan | None) -> Settled | None:
    """When `database` is a backup put in place by copying it (its mark is still there), give
    it what `restore` gives a backup; None when it is not (or cannot be read: whoever opens it
    next says why; a -wal the copy replaced is refused with SettingsError)."""
    refuse_a_replaced_databases_wal(database)
    try:
        with _connect(database, read_only=True) as conn:
            if not _has_table(conn, MARK_TABLE):
                return None
    except sqlite3.Error:
        return None
    db = Database(database)
    try:
        return settle(db, plan, datetime.now(UTC))
    finally:
        db.close()


def restore(
    source: Path,
    database: Path,
    confirm: Callable[[], object] = lambda: None,
    plan: Plan | None = None,
    replica: bool = False,
) -> Copied:
    """Replace `database` with the checked socialbot database `source`, the old one moved
    aside, then `settle` it (`replica`: Litestream has just restored `source`). `confirm` runs
    once `source` checked out, before anything changes (it raises to stop). The caller makes
    sure no bot runs on it; refused while another process (Litestream) has it open. A
    `database` that is a symlink stays one: the file it leads to is replaced."""
    if not source.is_file():
        raise BackupError(f"there is no backup at {source}")
    database = database.resolve()
    _refuse_the_database(source, database, "restore from a backup")
    _refuse_while_open(database)
    try:
        with _connect(source, read_only=True) as copy:
            _check(copy, str(source))
            _check_socialbot(copy, str(source))
            confirm()
            with _checked_copy(copy, database) as partial:
                # All or nothing: the copy is settled and given the reports filed since before
                # it takes the database's place, so a restore stopped half-way leaves the old
                # database as it was (review15b K6).
                settled, carried = _settled_copy(partial, database, plan, replica)
                previous = _move_aside(database)
                partial.replace(database)
    except sqlite3.Error as error:
        raise BackupError(f"cannot restore {source} to {database}: {error}") from None
    db = Database(database)
    try:
        return _describe(db.conn, database, settled, previous, carried)
    finally:
        db.close()


def _settled_copy(
    copy: Path, database: Path, plan: Plan | None, replica: bool
) -> tuple[Settled, Carried]:
    """`settle` the `copy` about to replace `database`, and carry over to it the reports only
    `database` (if any) knows."""
    db = Database(copy)
    try:
        settled = settle(db, plan, datetime.now(UTC), replica)
        reports_store.migrations.apply(db)  # a backup from an older release: the newest columns
        return settled, _carry_reports(database if database.exists() else None, db)
    finally:
        db.close()
