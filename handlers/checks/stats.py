"""What checks find, counted per day and kind with nobody's name; drafts only when marked 👎."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from handlers.checks.concerns import Kind, Result
from handlers.checks.views import MAX_VALUE
from handlers.views import printable

migrations = Migrations("checks")
_KINDS = frozenset(kind.value for kind in Kind)
DOWNVOTED_KEPT = timedelta(days=365)
CHECKED = "checked"  # the row that counts drafts checked, beside one row per kind


@migrations()
def create_check_tables(db: Database) -> None:
    """Counts per day and kind; drafts their askers marked 👎, without who they were."""
    db["check_counts"].create(  # type: ignore[union-attr]
        {"day": str, "kind": str, "count": int}, pk=("day", "kind")
    )
    db["check_downvotes"].create(  # type: ignore[union-attr]
        {"id": int, "at": str, "draft": str, "kinds": str}, pk="id"
    )


def count(db: Database, result: Result, day: date) -> None:
    """Add one checked draft and the kinds of concern found in it to `day`'s counts."""
    with db.conn:
        for kind in (CHECKED, *sorted({k.value for k in result.kinds})):
            db.execute(
                "INSERT INTO check_counts (day, kind, count) VALUES (?, ?, 1)"
                " ON CONFLICT (day, kind) DO UPDATE SET count = count + 1",
                [day.isoformat(), kind],
            )


@dataclass(frozen=True)
class Stats:
    """Drafts checked since a day, and how many had each kind of concern."""

    since: date
    checked: int
    by_kind: dict[str, int]

    def as_json(self) -> dict[str, object]:
        """`socialbot checks stats --json`."""
        return {"since": self.since.isoformat(), "checked": self.checked, "kinds": self.by_kind}


def stats(db: Database, since: date) -> Stats:
    """The counts from `since` on, most frequent kind first (every kind listed)."""
    rows = db.execute(
        "SELECT kind, SUM(count) FROM check_counts WHERE day >= ? GROUP BY kind",
        [since.isoformat()],
    ).fetchall()
    found = {kind: int(total) for kind, total in rows}
    by_kind = {kind.value: found.get(kind.value, 0) for kind in Kind}
    ordered = dict(sorted(by_kind.items(), key=lambda item: -item[1]))
    return Stats(since, found.get(CHECKED, 0), ordered)


@dataclass(frozen=True)
class Downvote:
    """A draft whose check its asker marked 👎, kept for whoever maintains the guidelines."""

    at: str
    draft: str
    kinds: tuple[str, ...]


def record_downvote(db: Database, draft: str, kinds: tuple[str, ...]) -> None:
    """Keep a draft marked 👎 (who marked it is not kept), without control characters, cut
    to the length a check's button carries; kinds that are not ours are dropped."""
    now = datetime.now(UTC)
    known = ",".join(kind for kind in kinds if kind in _KINDS)
    with db.conn:
        db["check_downvotes"].insert(  # type: ignore[union-attr]
            {"at": now.isoformat(timespec="seconds"), "draft": _printable(draft), "kinds": known}
        )
        db.execute(
            "DELETE FROM check_downvotes WHERE at < ?",
            [(now - DOWNVOTED_KEPT).isoformat(timespec="seconds")],
        )


def downvotes(db: Database) -> list[Downvote]:
    """The drafts marked 👎, newest first, safe to print (whatever an older version stored)."""
    rows = db.execute("SELECT at, draft, kinds FROM check_downvotes ORDER BY id DESC").fetchall()
    return [
        Downvote(at, _printable(draft), tuple(k for k in kinds.split(",") if k in _KINDS))
        for at, draft, kinds in rows
    ]


def _printable(text: str) -> str:
    # A 👎 draft comes back from the client (editable on Teams), for an admin's terminal.
    return printable(text)[:MAX_VALUE]
