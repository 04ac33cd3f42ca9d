"""What goes in one person's digest: fresh, unseen items, mixed, their topics first."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlite_utils import Database

from content_feed.curate import DEFAULT_MAX_AGE, one_per_story, pick
from content_feed.store import StoredItem, candidate_items

POOL_SIZE = 2000  # candidates read once per tick and shared by everyone due in it


def pool(db: Database, now: datetime) -> list[StoredItem]:
    """The suggestable items of the last two weeks, freshest first: one query for a whole tick."""
    return candidate_items(db, since=now - DEFAULT_MAX_AGE, limit=POOL_SIZE)


def choose(
    items: Sequence[StoredItem],
    *,
    now: datetime,
    seen: Collection[int],
    demoted_feeds: Collection[int],
    topics: Collection[str],
    limit: int,
) -> list[StoredItem]:
    """Up to `limit` items by `curate.pick` (mixed, topics first); feeds the person keeps
    calling "Not for me" only fill what the others leave empty."""
    items = one_per_story(items, seen)  # before the split: a story's copies in both halves
    preferred = [item for item in items if item.feed_id not in demoted_feeds]
    chosen = pick(preferred, now=now, seen=seen, limit=limit, topics=topics)
    if len(chosen) < limit:
        rest = [item for item in items if item.feed_id in demoted_feeds]
        chosen += pick(rest, now=now, seen=seen, limit=limit - len(chosen), topics=topics)
    return chosen
