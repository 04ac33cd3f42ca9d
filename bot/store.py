"""The SQLite file: opened once, tuned for one busy process, migrated on open; one runner."""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import os
import re
import socket
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.settings import SettingsError
from handlers.errors import database_locked

log = logging.getLogger(__name__)

# A migration run again when its rules change: `<name>-v<version>`
_VERSIONED = re.compile(r"(.+)-v(\d+)")


class ImmediateDatabase(Database):
    """Transactions take the write lock as they begin (BEGIN IMMEDIATE), waiting up to the busy
    timeout for it. A deferred one that reads, then writes, fails at once with "database is
    locked" when another connection wrote in between: Litestream writes every second, and the
    CLI writes beside the bot."""

    # The (device, inode) of the file opened, to tell when the path leads elsewhere since.
    opened_file: tuple[int, int] | None = None

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction (a savepoint when one is already open)."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise


def refuse_a_replaced_databases_wal(path: Path) -> None:
    """Raise SettingsError when `path` is a backup (journal_mode=DELETE: header bytes 18 and 19
    are 1; every database the bot ran on says 2, WAL) with a -wal beside it that holds frames:
    they are the replaced database's, left by a crash, and SQLite would lay them over the copy
    (silently no restore, or a corrupt file) as soon as it is opened in WAL mode (review15b K7)."""
    wal = path.with_name(f"{path.name}-wal")
    try:
        with path.open("rb") as file:
            header = file.read(20)
        left = wal.stat().st_size
    except OSError:
        return
    if left and header.startswith(b"SQLite format 3\0") and header[18:20] == b"\1\1":
        raise SettingsError(
            f"Invalid setting SOCIALBOT_DB: {path} is a copy of a backup, but {wal.name} and"
            f" {path.name}-shm beside it belong to the database it replaced: move them away (keep"
            " them until the restore is checked) and start again"
        )


def unwritable(path: Path) -> str | None:
    """Why the database at `path` (before it exists, its folder) cannot be written, or None: a
    read-only volume (mounted so, or remounted so after disk errors) is named as such."""
    target = path if path.exists() else path.parent
    if os.access(target, os.W_OK):
        return None
    with suppress(OSError):
        if os.statvfs(target).f_flag & os.ST_RDONLY:
            return (
                f"cannot write the database {path}: its volume is read-only (mounted read-only,"
                " or remounted so after disk errors); `socialbot backup` and the commands that"
                " only read it (`reports list`, `questions`, `insights`, `export`, `stats` and"
                " the other lists) still work"
            )
    return f"cannot write the database {path}"


def refuse_unwritable(path: Path) -> None:
    """Raise SettingsError, saying why, when the database at `path` cannot be written."""
    why = unwritable(path)
    if why is not None:
        raise SettingsError(f"Invalid setting SOCIALBOT_DB: {why}")


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that only reads the database at `path` (SQLite's `mode=ro`). On a read-only
    volume a WAL database whose -shm went with the last connection cannot be opened so: it is
    read as immutable instead (nothing can change it there), unless a -wal holds changes."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA schema_version")
    except sqlite3.OperationalError:  # "unable to open database file": no -shm to be had
        conn.close()
        wal = path.with_name(f"{path.name}-wal")
        if wal.exists() and wal.stat().st_size:
            raise
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
    except sqlite3.DatabaseError:  # not a database, or a damaged one: whoever reads it says so
        pass
    return conn


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        found = Path(path).stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def file_replaced(db: Database, path: str) -> str | None:
    """Why `path` no longer leads to the file `db` opened (moved or deleted, its volume swapped
    or remounted), or None: what the bot saves goes to a file the next start will not open
    (review15b K4)."""
    opened = db.opened_file if isinstance(db, ImmediateDatabase) else None
    if opened is None or _identity(path) == opened:
        return None
    return (
        f"the database file at {path} is gone or was replaced since the bot opened it (moved,"
        " or its volume swapped): what is saved now is lost at the next start; restart the bot"
        " on the right file"
    )


def create_private(path: Path) -> None:
    """Create `path` empty and readable by its owner only, whatever the umask, unless it exists
    (or cannot be made: whoever opens it next says why). A database holds reporters' names and
    people's questions; SQLite gives its -wal and -shm files the database file's mode."""
    with suppress(OSError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


# How long a write waits for a lock another process holds: a command line may wait a while;
# the running bot waits on its event loop, where every Slack ack, Teams activity and health
# probe waits with it, so it gives up sooner (what it could not write it keeps or writes again
# later: a report, a delivery's outcome, a tick's work). Longer than Litestream holds the lock.
BUSY_MS = 5000
BUSY_MS_ON_THE_LOOP = 1000


LOCK_RETRY_SECONDS = 1.0  # between tries while another program holds the write lock


class StoppedWaiting(Exception):
    """A stop was asked while a first write waited for the database's lock."""


class WaitForTheLock:
    """Runs a process's first writes, each waiting while another program holds the
    database's write lock (a backup script's `BEGIN IMMEDIATE`) instead of giving up; `say`
    tells so, once however many wait. A wait ends with StoppedWaiting once `stopped()`."""

    def __init__(
        self, say: Callable[[], None], stopped: Callable[[], bool] = lambda: False
    ) -> None:
        self._say: Callable[[], None] | None = say
        self._stopped = stopped

    async def __call__(self, start: Callable[[], object]) -> None:
        """Run `start` (a function, or a coroutine function) until the lock lets it write."""
        while True:
            try:
                begun = start()
                if inspect.isawaitable(begun):
                    await begun
                return
            except sqlite3.OperationalError as error:
                self._waiting(error)
            await asyncio.sleep(LOCK_RETRY_SECONDS)

    def before_the_loop(self, start: Callable[[], object]) -> None:
        """Run the function `start` until the lock lets it write, before any event loop runs
        (a start's migrations)."""
        while True:
            try:
                start()
                return
            except sqlite3.OperationalError as error:
                self._waiting(error)
            time.sleep(LOCK_RETRY_SECONDS)

    def _waiting(self, error: sqlite3.OperationalError) -> None:
        """After `start` failed with `error`: raised again unless the lock is to blame; said
        (once); StoppedWaiting once stopped."""
        if not database_locked(error):
            raise error
        if self._say is not None:
            self._say()
            self._say = None
        if self._stopped():
            raise StoppedWaiting


def open_database(
    path: Path | None,
    migrations: Iterable[Migrations],
    busy_ms: int = BUSY_MS,
    *,
    upgrade: bool = True,
    writable: WaitForTheLock | None = None,
    reads_only: bool = False,
) -> Database:
    """Open (or create, for its owner only) the database at `path` (None: a throwaway one in
    memory) and apply every pending migration, waiting with `writable` while another program
    holds the write lock (else the busy timeout, then refused); later writes wait `busy_ms`
    for another process's lock. Without `upgrade`, a database an older release wrote is
    refused instead of migrated (tables it has never had are still made). One that cannot be
    written is refused, saying why, unless the command `reads_only`: it is then read as it
    is (review15b K5)."""
    if path is not None:
        refuse_a_replaced_databases_wal(path)
        if reads_only and path.exists() and (why := unwritable(path)) is not None:
            return _read_only(path, migrations, why)
        refuse_unwritable(path)
        create_private(path)
    try:
        db = ImmediateDatabase(memory=True) if path is None else ImmediateDatabase(path)
        db.opened_file = None if path is None else _identity(path)
        with db.ensure_autocommit_on():
            # WAL lets readers (the CLI) work while the bot writes; NORMAL is durable in WAL mode
            # across application crashes, which is the failure we guard against.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            # `writable` waits in steps of its own, saying so: each as short as later writes'.
            db.execute(f"PRAGMA busy_timeout={BUSY_MS if writable is None else int(busy_ms)}")
        for migration_set in migrations:
            _refuse_newer(path, db, migration_set)
            if not upgrade:
                _refuse_older(path, db, migration_set)
            if writable is None:
                migration_set.apply(db)
            else:
                writable.before_the_loop(partial(migration_set.apply, db))
        db.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    except sqlite3.DatabaseError as error:
        raise SettingsError(f"Invalid setting SOCIALBOT_DB: cannot use {path}: {error}") from None
    return db


def _read_only(path: Path, migrations: Iterable[Migrations], why: str) -> Database:
    """The database at `path`, which cannot be written (`why`), opened to read only: refused
    when it lacks a migration this release would apply, as nothing can be written to it."""
    try:
        db = ImmediateDatabase(connect_read_only(path))
        for migration_set in migrations:
            _refuse_newer(path, db, migration_set)
            pending = migration_set.pending(db)
            if pending:
                raise SettingsError(
                    f"Invalid setting SOCIALBOT_DB: {why}, and this release would change it"
                    f" first (migration {migration_set.name}/{pending[0].name})"
                )
    except sqlite3.DatabaseError as error:
        raise SettingsError(f"Invalid setting SOCIALBOT_DB: cannot use {path}: {error}") from None
    note_read_only(why)
    return db


def note_read_only(why: str) -> None:
    """Say, once per command, that the database is only read, and why (`unwritable`)."""
    log.warning("%s: it is read, nothing is written", why.partition(";")[0])


def created_at(db: Database) -> datetime | None:
    """When the database was created: its first migration (None: it has none)."""
    if not db[Migrations.migrations_table].exists():
        return None
    first = db.execute(f"SELECT min(applied_at) FROM [{Migrations.migrations_table}]").fetchone()
    return datetime.fromisoformat(first[0]) if first and first[0] else None


def _refuse_newer(path: Path | None, db: Database, migration_set: Migrations) -> None:
    """Refuse a database a newer release has migrated (a downgrade): this release would run on
    tables it does not know and write rows without what the newer one fills in (review10b O3)."""
    known = {migration.name for migration in migration_set._migrations}
    unknown = [
        m.name
        for m in migration_set.applied(db)
        if m.name not in known and not _an_older_version(m.name, known)
    ]
    if unknown:
        raise SettingsError(
            f"Invalid setting SOCIALBOT_DB: {path} was written by a newer socialbot (its"
            f" migration {migration_set.name}/{unknown[0]} is unknown to this one): run that"
            " release, or restore the backup taken before the upgrade"
        )


def _refuse_older(path: Path | None, db: Database, migration_set: Migrations) -> None:
    """Refuse a database an older release wrote, for a command that is not `socialbot run`: a
    newer release's command run before the upgrade (`docker compose run … socialbot reports
    list`) would otherwise migrate the file under the older bot still running on it (review10b
    O3). A migration set none of whose migrations ran yet only makes its own new tables."""
    if not migration_set.applied(db):
        return
    pending = migration_set.pending(db)
    if pending:
        raise SettingsError(
            f"Invalid setting SOCIALBOT_DB: {path} was written by an older socialbot (its"
            f" migration {migration_set.name}/{pending[0].name} has not run yet): start this"
            f" release's `socialbot run` first (it upgrades the file; stop the older one"
            f" before), or use the older release's commands on it"
        )


def _an_older_version(name: str, known: set[str]) -> bool:
    """Whether `name` is an older version of a migration this release knows under a higher one
    (`report-link-keys-v2` when it has `report-link-keys-v3`): one run again when its rules
    change, which this release retired, not a newer release's (review10c R25)."""
    older = _VERSIONED.fullmatch(name)
    return older is not None and any(
        (this := _VERSIONED.fullmatch(other)) is not None
        and this[1] == older[1]
        and int(this[2]) > int(older[2])
        for other in known
    )


class AlreadyRunning(Exception):
    """Another `socialbot run` holds the database; the message names it."""


class RunLock:
    """One `socialbot run` per database file: an exclusive lock on `<database>.lock`, which the
    kernel releases when the holder ends however it ends (SIGKILL and power loss included), so
    a lock left behind by a dead process is simply taken over. The file says who holds it.
    The lock sits beside the file the path leads to, symlinks followed: a link to the database
    (or to its folder) reaches the same lock as the database's own path."""

    def __init__(self, database: Path) -> None:
        self.database = database
        real = database.resolve()
        self.path = real.with_name(real.name + ".lock")
        self._named = f"{database} (the file {real})" if real != database.absolute() else database
        self._fd: int | None = None

    def acquire(self) -> str | None:
        """Take the lock, or raise AlreadyRunning naming the holder (SettingsError when the
        lock file cannot be opened). Returns the holder a process that died without cleaning
        up left in the file (None after a clean stop)."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise SettingsError(
                f"Invalid setting SOCIALBOT_DB: cannot open the lock file {self.path}"
                f" next to it: {error.strerror}"
            ) from None
        if sys.platform != "win32":  # no advisory locks there: one runner is up to the admin
            import fcntl

            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _holder(fd) or "a process that has not said who it is yet"
                os.close(fd)
                raise AlreadyRunning(
                    f"socialbot run is already running on {self._named}: {holder}."
                    " Stop it first, or set SOCIALBOT_DB to another file."
                ) from None
        stale = _holder(fd)
        me = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(me).encode(), 0)
        self._fd = fd
        return stale

    def holder(self) -> str | None:
        """Who holds the lock now, as words (None: nobody runs on the database), taking
        nothing: a command that sends (`digest send`) leaves the sending to the running bot."""
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_CREAT, 0o644)
        except OSError:
            return None  # no lock file can be made: nobody took one either
        try:
            if sys.platform == "win32":
                return None
            import fcntl

            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return _holder(fd) or "a process that has not said who it is yet"
            fcntl.flock(fd, fcntl.LOCK_UN)
            return None
        finally:
            os.close(fd)

    def release(self) -> None:
        """Clear the holder and let go of the lock."""
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)
            self._fd = None


def _holder(fd: int) -> str | None:
    """Who the lock file names, as words: `pid 12 on host web-1 since 2026-12-06T08:00:00+00:00`."""
    try:
        record = json.loads(os.pread(fd, 4096, 0) or b"null")
        return f"pid {record['pid']} on host {record['host']} since {record['since']}"
    except (ValueError, TypeError, KeyError):
        return None
