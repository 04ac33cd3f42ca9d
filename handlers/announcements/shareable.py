"""Announcements to offer again in the morning digest, to those who have not shared them yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from content_feed.compose import UTM, Network, SuggestedPost
from handlers.announcements import ids
from handlers.announcements.posts import DEFAULT_UTM, suggested
from handlers.announcements.store import SENDING, SENT, AnnouncementStore

OFFERED_DAYS = 3  # an announcement stays in the digest this many days after it started


@dataclass(frozen=True)
class ShareableAnnouncement:
    """An announcement the digest may offer: `share_buttons(subject, posts)` draws its buttons."""

    id: int
    headline: str
    message: str
    link: str
    subject: str
    posts: dict[Network, SuggestedPost]


def shareable_announcements(
    db: Database,
    platform: str,
    user_id: str,
    now: datetime | None = None,
    utm: UTM = DEFAULT_UTM,
) -> list[ShareableAnnouncement]:
    """Announcements marked for sharing that reached the person (their DM, or a channel
    post on their platform) in the last days, which they neither shared nor said "Not for me"."""
    since = (now or datetime.now(UTC)) - timedelta(days=OFFERED_DAYS)
    offered = []
    for announcement in AnnouncementStore(db).in_state(SENDING, SENT):
        draft = announcement.draft
        started = announcement.started_at or 0.0
        if not draft.share or not draft.posts or started < since.timestamp():
            continue
        everyone_there = draft.audience == ids.IN_CHANNELS  # channel members are not listed
        reached = everyone_there or _delivered(db, announcement.id, user_id)
        if announcement.target != platform or not reached:
            continue
        if _answered(db, announcement.id, platform, user_id):
            continue
        offered.append(
            ShareableAnnouncement(
                id=announcement.id,
                headline=draft.headline,
                message=draft.message,
                link=draft.link,
                subject=ids.subject(announcement.id),
                posts=suggested(draft.posts, draft.link, utm),
            )
        )
    return offered


def _delivered(db: Database, announcement_id: int, user_id: str) -> bool:
    """Whether the announcement was delivered to the person (the ledger's `deliveries`)."""
    row = db.execute(
        "SELECT count(*) FROM deliveries WHERE purpose = ? AND key = ? AND state = 'sent'"
        " AND recipient = ?",
        [ids.PURPOSE, str(announcement_id), user_id],
    ).fetchone()
    return bool(row[0])


def _answered(db: Database, announcement_id: int, platform: str, user_id: str) -> bool:
    """Whether the person shared it or said "Not for me"."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM share_clicks WHERE subject = ? AND platform = ?"
        " AND user_id = ?) + (SELECT count(*) FROM announcement_dismissals"
        " WHERE announcement_id = ? AND platform = ? AND user_id = ?)",
        [ids.subject(announcement_id), platform, user_id, announcement_id, platform, user_id],
    ).fetchone()
    return bool(row[0])
