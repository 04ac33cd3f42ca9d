"""Reports the database took no write for, because another program held its lock (a backup
script's `BEGIN IMMEDIATE`, a database browser with unsaved edits): kept in a file beside the
database (in memory for a throwaway one) and filed at the next clock tick the lock has gone by,
so nothing reported is lost to a lock (review10b O4).

The file is readable by its owner only, like the database: it holds reporters' names and words.
A report is taken off the file as soon as it is in the database; one whose line could not be
removed is filed again at the next tick, which adds nothing (the same person reporting the
same thing again is a repeat).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlite_utils import Database

# What the file beside the database is called: `<database>` + this.
SUFFIX = ".kept-reports"


def _beside(db: Database) -> Path | None:
    """The kept reports' file beside `db`'s (None: `db` lives in memory)."""
    main = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")
    return Path(main + SUFFIX) if main else None


class KeptReports:
    """Reports waiting for the database, oldest first: each a JSON object of what was filed."""

    def __init__(self, db: Database) -> None:
        self.path = _beside(db)
        self._in_memory: list[dict[str, Any]] = []

    def keep(self, report: dict[str, Any]) -> None:
        """Add `report` to the end (written through to the file before this returns)."""
        if self.path is None:
            self._in_memory.append(report)
            return
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            # On a line of its own even after a line a crash cut short (blank lines are skipped).
            os.write(fd, ("\n" + json.dumps(report, ensure_ascii=False) + "\n").encode())
            os.fsync(fd)
        finally:
            os.close(fd)

    def waiting(self) -> list[dict[str, Any]]:
        """Every report kept, oldest first (a line cut short by a crash is left out)."""
        if self.path is None:
            return list(self._in_memory)
        try:
            lines = self.path.read_bytes().decode("utf-8", "replace").splitlines()
        except FileNotFoundError:
            return []
        kept = []
        for line in lines:
            try:
                report = json.loads(line)
            except ValueError:
                continue
            if isinstance(report, dict):
                kept.append(report)
        return kept

    def set_aside(self, report: dict[str, Any]) -> None:
        """Move the oldest report, which cannot be filed (a hand-edited line), to
        `<file>.unreadable` for an admin to read, so the ones after it are filed."""
        if self.path is not None:
            aside = self.path.with_name(self.path.name + ".unreadable")
            fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(json.dumps(report, ensure_ascii=False) + "\n")
        self.filed(1)

    def filed(self, count: int) -> None:
        """The oldest `count` reports are in the database now: keep only the rest."""
        if self.path is None:
            del self._in_memory[:count]
            return
        rest = self.waiting()[count:]
        if not rest:
            self.path.unlink(missing_ok=True)
            return
        part = self.path.with_name(self.path.name + ".part")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rest)
        part.replace(self.path)
