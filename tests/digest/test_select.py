"""Choosing items: mixed kinds, topics first, disliked feeds only fill what is left."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from content_feed.store import StoredItem
from handlers.digest.select import choose

NOW = datetime(2026, 11, 23, 8, tzinfo=UTC)


def item(item_id: int, feed_id: int, kind: str, hours_old: int, title: str = "") -> StoredItem:
    return StoredItem(
        id=item_id, feed_id=feed_id, feed_title=f"feed {feed_id}", kind=kind,  # type: ignore[arg-type]
        guid=str(item_id), title=title or f"item {item_id}", link=f"https://x.test/{item_id}",
        summary="", image=None, tags=(), published=None,
        fresh_at=NOW - timedelta(hours=hours_old),
    )  # fmt: skip


POOL = [
    item(1, 1, "company", 1),
    item(2, 1, "company", 2),
    item(3, 2, "company", 3, "Wind farms everywhere"),
    item(4, 3, "industry", 4),
    item(5, 3, "industry", 5),
]


def ids(**kwargs: object) -> list[int]:
    options: dict[str, object] = {"seen": (), "demoted_feeds": (), "topics": (), "limit": 3}
    return [i.id for i in choose(POOL, now=NOW, **{**options, **kwargs})]  # type: ignore[arg-type]


def test_freshest_mixed_one_per_feed_first() -> None:
    assert ids() == [1, 3, 4]


def test_topics_come_first_and_seen_never_again() -> None:
    assert ids(topics=("wind",))[0] == 3
    assert 1 not in ids(seen={1})


def test_a_disliked_feed_only_fills_what_is_left() -> None:
    assert ids(demoted_feeds={1}) == [3, 4, 5]
    assert ids(demoted_feeds={1}, limit=5) == [3, 4, 5, 1, 2]
