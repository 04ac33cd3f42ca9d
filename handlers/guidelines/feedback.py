"""Answers given and the 👍/👎 people gave them, so the guidelines' maintainers see what fails."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError, Table
from sqlite_utils.migrations import Migrations

from handlers.guidelines.answer import Answer
from handlers.privacy import FORGOTTEN, tombstone
from handlers.views import printable

migrations = Migrations("guidelines")


@migrations()
def create_answer_tables(db: Database) -> None:
    """Answers given, and one vote per person per answer."""
    db["guideline_answers"].create(  # type: ignore[union-attr]
        {
            "id": str,
            "asked_at": str,
            "platform": str,
            "user_id": str,
            "question": str,
            "answer": str,
            "section": str,
            "score": float,
            "confident": int,
            "by_model": int,
        },
        pk="id",
    )
    db["guideline_feedback"].create(  # type: ignore[union-attr]
        {
            "answer_id": str,
            "platform": str,
            "user_id": str,
            "helpful": int,
            "at": str,
        },
        pk=("answer_id", "platform", "user_id"),
        foreign_keys=[("answer_id", "guideline_answers", "id")],
    )
    db["guideline_feedback"].create_index(["helpful"])  # type: ignore[union-attr]


@migrations()
def add_answer_verdict(db: Database) -> None:
    """Each answer's verdict ("answer", "unsure", "not_covered"), so the insights can list the
    questions the guidelines do not cover; older answers keep only whether they were sure."""
    db.execute("ALTER TABLE guideline_answers ADD COLUMN verdict TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE guideline_answers SET verdict = 'answer' WHERE confident = 1")


@dataclass(frozen=True)
class StoredAnswer:
    """An answer as recorded."""

    id: str
    asked_at: str
    platform: str
    user_id: str
    question: str
    answer: str
    section: str
    confident: bool


@dataclass(frozen=True)
class Downvote:
    """A 👎 on an answer: who, when, and what was asked and answered."""

    answer: StoredAnswer
    platform: str
    user_id: str
    at: str


def _now() -> str:
    return _iso(datetime.now(UTC))


def _iso(moment: datetime) -> str:
    """How times are stored: ISO 8601 in UTC to the second, so they sort as text."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _table(db: Database, name: str) -> Table:
    table = db[name]
    assert isinstance(table, Table)
    return table


def record_answer(db: Database, answer: Answer, platform: str, user_id: str) -> str:
    """Store an answer given to someone; returns its id (the value of its buttons)."""
    answer_id = uuid.uuid4().hex
    best = answer.sources[0] if answer.sources else None
    _table(db, "guideline_answers").insert(
        {
            "id": answer_id,
            "asked_at": _now(),
            "platform": platform,
            "user_id": user_id,
            "question": answer.question,
            "answer": answer.answer,
            "section": best.section if best else "",
            "score": best.score if best else 0.0,
            "confident": int(answer.confident),
            "by_model": int(answer.by_model),
            "verdict": answer.verdict,
        }
    )
    return answer_id


def get_answer(db: Database, answer_id: str) -> StoredAnswer | None:
    """The recorded answer with this id, if any."""
    try:
        row = _table(db, "guideline_answers").get(answer_id)
    except NotFoundError:
        return None
    return _stored(row)


def _stored(row: dict[str, object]) -> StoredAnswer:
    return StoredAnswer(
        id=str(row["id"]),
        asked_at=str(row["asked_at"]),
        platform=str(row["platform"]),
        user_id=str(row["user_id"]),
        question=str(row["question"]),
        answer=str(row["answer"]),
        section=str(row["section"]),
        confident=bool(row["confident"]),
    )


def record_feedback(
    db: Database, answer_id: str, platform: str, user_id: str, helpful: bool
) -> bool:
    """Store (or change) one person's vote on an answer; False when the answer is unknown."""
    if get_answer(db, answer_id) is None:
        return False
    _table(db, "guideline_feedback").upsert(
        {
            "answer_id": answer_id,
            "platform": platform,
            "user_id": user_id,
            "helpful": int(helpful),
            "at": _now(),
        },
        pk=("answer_id", "platform", "user_id"),
    )
    return True


def prune_answers(db: Database, before: datetime, downvoted_before: datetime) -> int:
    """Drop the answers asked before `before`, with their votes, except those someone marked
    👎, which stay until `downvoted_before` for whoever maintains the guidelines, without who
    asked and who voted (review13a S7): a stand-in each, as `socialbot forget` leaves."""
    downvoted = "SELECT answer_id FROM guideline_feedback WHERE helpful = 0"
    old = f"(asked_at < ? AND id NOT IN ({downvoted})) OR (asked_at < ? AND id IN ({downvoted}))"
    cutoffs = [_iso(before), _iso(downvoted_before)]
    with db.atomic():
        db.execute(
            f"DELETE FROM guideline_feedback WHERE answer_id IN "
            f"(SELECT id FROM guideline_answers WHERE {old})",
            cutoffs,
        )
        cursor = db.execute(f"DELETE FROM guideline_answers WHERE {old}", cutoffs)
        kept = "SELECT id FROM guideline_answers WHERE asked_at < ?"
        named = f"user_id NOT LIKE '{FORGOTTEN}-%'"
        for table, where in (
            ("guideline_answers", f"id IN ({kept})"),
            ("guideline_feedback", f"answer_id IN ({kept})"),
        ):
            rows = db.execute(
                f"SELECT rowid FROM {table} WHERE {where} AND {named}", [_iso(before)]
            ).fetchall()
            db.conn.executemany(
                f"UPDATE {table} SET user_id = ? WHERE rowid = ?",
                [(tombstone(), rowid) for (rowid,) in rows],
            )
    return int(cursor.rowcount)


def downvotes(db: Database) -> list[Downvote]:
    """Every 👎, newest first, with the question and answer it was about (safe to print)."""
    rows = db.query(
        """
        select a.*, f.platform as voter_platform, f.user_id as voter, f.at as voted_at
        from guideline_feedback f join guideline_answers a on a.id = f.answer_id
        where f.helpful = 0
        order by f.at desc, a.asked_at desc
        """
    )
    return [
        Downvote(
            _printable(_stored(row)),
            str(row["voter_platform"]),
            str(row["voter"]),
            str(row["voted_at"]),
        )
        for row in rows
    ]


def _printable(answer: StoredAnswer) -> StoredAnswer:
    """The answer safe to print in a terminal: what people typed (and what a model wrote)
    without control characters."""
    return replace(
        answer,
        question=printable(answer.question),
        answer=printable(answer.answer),
        section=printable(answer.section),
    )
