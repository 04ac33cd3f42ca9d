"""A known history: digests, share clicks, items, reports and guideline answers, with the figures
they must give (the period is the week before END, in Copenhagen)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from tests.teams.conftest import (  # noqa: F401 (fixtures: the bot behind /api/messages)
    connector,
    loopback_only,
    make_teams,
    openid_metadata,
)

ZONE = "Europe/Copenhagen"
END = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday 09:00 in Copenhagen
PEOPLE = {"U1": "Ann", "U2": "Bo", "U3": "Cy", "U4": "Di", "U5": "Ed"}


def ts(day: int, hour: int, minute: int = 0, month: int = 11) -> float:
    """A moment in 2026 (UTC) as Unix seconds."""
    return datetime(2026, month, day, hour, minute, tzinfo=UTC).timestamp()


def iso(day: int, hour: int, month: int = 11) -> str:
    """A moment in 2026 (UTC) as guideline answers store it."""
    return datetime(2026, month, day, hour, tzinfo=UTC).isoformat(timespec="seconds")


def fill(db: Database) -> None:
    """Write the known history into a migrated database, committed."""
    with db.conn:
        _people_and_digests(db)
        _items_and_clicks(db)
        _reports(db)
        _questions(db)


def _people_and_digests(db: Database) -> None:
    db.table("people").insert_all(
        {
            "platform": "slack",
            "user_id": uid,
            "name": name,
            "tz": ZONE,
            "is_bot": 0,
            "deleted": 0,
            "guest": 0,
            "updated_at": ts(1, 0),
        }
        for uid, name in PEOPLE.items()
    )
    db.execute("INSERT INTO delivery_payloads VALUES ('p', '{}', 0)")
    digests = [
        ("U1", 24), ("U1", 25), ("U2", 24), ("U3", 26), ("U4", 27),  # in the week
        ("U1", 17), ("U2", 18),  # the week before
        ("U5", 10),  # three weeks before
    ]  # fmt: skip
    for n, (uid, day) in enumerate(digests):
        db.execute(
            "INSERT INTO deliveries (platform, recipient, purpose, key, payload, state,"
            " created_at, finished_at) VALUES ('slack', ?, 'digest', ?, 'p', 'sent', ?, ?)",
            [uid, f"2026-11-{day:02d}", ts(day, 8), ts(day, 8, n)],
        )
    # Queued or failed is not "got a digest".
    db.execute(
        "INSERT INTO deliveries (platform, recipient, purpose, key, payload, state, created_at,"
        " finished_at) VALUES ('slack', 'U5', 'digest', '2026-11-25', 'p', 'failed', ?, ?)",
        [ts(25, 8), ts(25, 8)],
    )


def _items_and_clicks(db: Database) -> None:
    db.execute("INSERT INTO content_feeds (id, url, source_url, added_at) VALUES (1, 'f', 'f', 0)")
    for item_id, title, seen in ((1, "Item one", 23), (2, "Item two", 23), (3, "Item three", 24),
                                 (4, "Item four", 9), (5, "Item five", 25)):  # fmt: skip
        db.execute(
            "INSERT INTO content_items (id, feed_id, guid, url, url_key, title, first_seen_at,"
            " fresh_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
            [item_id, str(item_id), f"https://e.com/{item_id}", f"e.com/{item_id}", title,
             ts(seen, 6), ts(seen, 6)],
        )  # fmt: skip
    sent = [("U1", 1, 24), ("U1", 2, 24), ("U1", 3, 24), ("U2", 1, 24), ("U5", 4, 10)]
    sent.append(("U5", 5, 25))  # in the digest that failed: it reached nobody
    for uid, item_id, day in sent:
        db.execute(
            "INSERT INTO digest_sent_items VALUES ('slack', ?, ?, ?, ?)",
            [uid, item_id, f"2026-11-{day:02d}", ts(day, 8)],
        )
    db.table("announcements").insert(_announcement())
    clicks = [
        ("U1", "item:1", "linkedin", ts(24, 10)),
        ("U1", "item:1", "x", ts(24, 10, 5)),
        ("U1", "item:2", "linkedin", ts(26, 12)),
        ("U2", "item:1", "linkedin", ts(25, 22, 30)),  # 23:30 in Copenhagen: still the 25th
        ("U5", "announcement:1", "facebook", ts(27, 23, 30)),  # 00:30 on the 28th there
        ("U2", "item:2", "x", ts(20, 9)),  # the week before
    ]
    db.table("share_clicks").insert_all(
        {"platform": "slack", "user_id": u, "subject": s, "network": n, "at": at}
        for u, s, n, at in clicks
    )


def _announcement() -> dict[str, Any]:
    return {
        "id": 1,
        "platform": "slack",
        "user_id": "U9",
        "target": "slack",
        "headline": "We won the Green Award",
        "message": "",
        "link": "",
        "image_url": "",
        "posts": "{}",
        "audience": "everyone",
        "channels": "[]",
        "timezones": "[]",
        "zone": "UTC",
        "share": 1,
        "state": "sent",
        "created_at": ts(26, 9),
    }


def _reports(db: Database) -> None:
    reports = [
        (1, "acknowledged", ts(24, 9)),
        (2, "resolved", ts(25, 9)),
        (3, "new", ts(26, 9)),
        (4, "acknowledged", ts(1, 9)),  # filed before the week, still open
    ]
    for report_id, status, created in reports:
        db.execute(
            # Their cards went out and the managers were nudged long ago (else a team on Teams
            # would get them now: it serves Slack's people when Slack has no team).
            "INSERT INTO reports (id, platform, where_seen, urgency, status, created_at,"
            " updated_at, remind_at, card_queued)"
            " VALUES (?, 'slack', 'x', 'normal', ?, ?, ?, ?, 1)",
            [report_id, status, created, created, created + 365 * 86400],
        )
        db.execute(
            "INSERT INTO report_reporters (report_id, platform, user_id, about, at)"
            " VALUES (?, 'slack', 'U3', 'a post', ?)",
            [report_id, created],
        )
    events = [
        (1, "acknowledged", ts(24, 9, 10)),
        (2, "assigned", ts(25, 9, 30)),
        (2, "resolved", ts(25, 11)),
        (4, "acknowledged", ts(1, 10)),
    ]
    for report_id, kind, at in events:
        db.execute(
            "INSERT INTO report_events (report_id, platform, user_id, kind, at)"
            " VALUES (?, 'slack', 'W111', ?, ?)",
            [report_id, kind, at],
        )


def _questions(db: Database) -> None:
    answers = [
        ("a1", iso(24, 10), "U1", "Can I share our blog?", 1, "answer"),
        ("a2", iso(25, 10), "U2", "May I post office photos?", 1, "answer"),
        ("a3", iso(26, 10), "U3", "What about politics?", 0, "unsure"),
        ("a4", iso(27, 10), "U4", "Can I post about the merger?", 0, "not_covered"),
        ("a5", iso(2, 10), "U4", "Can I post about lunch?", 0, "not_covered"),  # before
    ]
    for answer_id, asked_at, uid, question, confident, verdict in answers:
        db.table("guideline_answers").insert(
            {
                "id": answer_id,
                "asked_at": asked_at,
                "platform": "slack",
                "user_id": uid,
                "question": question,
                "answer": "",
                "section": "",
                "score": 0.0,
                "confident": confident,
                "by_model": 0,
                "verdict": verdict,
            }
        )
    # Forwarded to the team: a3 in the week and answered, a5 before and still waiting.
    db.execute("INSERT INTO team_questions VALUES ('a3', ?), ('a5', ?)", [ts(26, 11), ts(2, 11)])
    db.table("team_answers").insert(
        {"question_id": "a3", "reply_id": "r1", "platform": "slack", "user_id": "W111",
         "name": "Boss", "text": "No.", "at": ts(26, 12)}
    )  # fmt: skip
    votes = [("a3", "U3", 0, iso(26, 11)), ("a1", "U1", 1, iso(24, 11))]
    for answer_id, uid, helpful, at in votes:
        db.table("guideline_feedback").insert(
            {
                "answer_id": answer_id,
                "platform": "slack",
                "user_id": uid,
                "helpful": helpful,
                "at": at,
            }
        )


def later(hours: float) -> datetime:
    """A moment `hours` after END."""
    return END + timedelta(hours=hours)
