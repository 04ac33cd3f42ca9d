"""Why no digest goes out: said in words, so a new install is never met with a bare "no"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlite_utils import Database

from content_feed import store
from content_feed.curate import DEFAULT_MAX_AGE


class Why(StrEnum):
    """The kinds of reason, most basic first."""

    NOBODY = "nobody known"
    NO_FEEDS = "no feeds"
    NOT_FETCHED = "no feed fetched"
    NOTHING_FRESH = "nothing fresh"
    NOT_WANTED = "not wanted"
    NOT_DUE = "not due"
    ALL_SEEN = "all seen"


@dataclass(frozen=True)
class Quiet:
    """Why nothing is sent: the kind (for callers to add their own hint) and the words."""

    why: Why
    text: str


NOBODY = Quiet(
    Why.NOBODY,
    "Nobody is known yet: people are learnt from Slack's and Teams' member lists when"
    " `socialbot run` connects to them, and a console user when their console session starts.",
)
NO_FEEDS = Quiet(
    Why.NO_FEEDS,
    "No feed is set: `socialbot run` adds SOCIALBOT_FEEDS (or the bundled sample) as it"
    " starts, and `socialbot feeds add URL` adds one.",
)
NOT_FETCHED = Quiet(
    Why.NOT_FETCHED,
    "No feed has been fetched yet: `socialbot run` fetches them as it starts, then hourly"
    " (`socialbot feeds refresh` fetches them now).",
)


def _day(stamp: float) -> str:
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d")


def feeds_quiet(db: Database, now: datetime) -> Quiet | None:
    """Why the feeds give nothing to suggest now, or None when they have fresh items."""
    feeds = store.list_feeds(db, enabled_only=True)
    if not feeds:
        return NO_FEEDS
    if all(feed.last_success_at is None for feed in feeds):
        return NOT_FETCHED
    if store.candidate_items(db, since=now - DEFAULT_MAX_AGE, limit=1):
        return None
    newest = store.newest_item_at(db)
    since = f" (the newest is from {_day(newest.timestamp())})" if newest else ""
    days = DEFAULT_MAX_AGE.days
    return Quiet(
        Why.NOTHING_FRESH, f"Nothing fresh: no feed has an item from the last {days} days{since}."
    )


def not_due(next_due: datetime | None) -> Quiet:
    """Nobody's digest time has come yet."""
    if next_due is None:
        return Quiet(Why.NOT_DUE, "Nobody is due: every digest is stopped, muted or sent today.")
    when = next_due.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return Quiet(
        Why.NOT_DUE,
        f"Nobody is due yet, or everyone due got theirs: the next digest is due {when}.",
    )


ALL_SEEN = Quiet(
    Why.ALL_SEEN,
    "Nothing new: everyone due has had today's digest or every fresh item, or stopped or"
    " muted digests.",
)


def person_seen(name: str) -> Quiet:
    """The person has already had every fresh item."""
    return Quiet(Why.ALL_SEEN, f"Nothing new for {name}: every fresh item has already come.")


def person_unwanted(name: str, muted_until: datetime | None) -> Quiet:
    """The person stopped or muted digests."""
    if muted_until is not None:
        until = muted_until.strftime("%Y-%m-%d")
        return Quiet(Why.NOT_WANTED, f"Digests for {name} are muted until {until}.")
    return Quiet(Why.NOT_WANTED, f"Digests for {name} are off (`/socialbot preferences`).")
