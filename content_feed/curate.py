"""Choosing what to suggest: the freshest unseen items, company and industry mixed."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

DEFAULT_LIMIT = 3
DEFAULT_MAX_AGE = timedelta(days=14)


class Candidate(Protocol):
    """What curation needs to know of an item."""

    @property
    def id(self) -> int: ...
    @property
    def feed_id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def fresh_at(self) -> datetime: ...


C = TypeVar("C", bound=Candidate)


def matches_topics(item: Candidate, topics: Collection[str]) -> bool:
    """Whether the item's tags, title or summary mention one of `topics` (case-insensitive)."""
    if not topics:
        return False
    tags = {tag.lower() for tag in item.tags}
    text = f" {item.title} {item.summary} ".lower()
    return any(t.lower() in tags or f" {t.lower()} " in text for t in topics if t.strip())


def pick(
    items: Sequence[C],
    *,
    now: datetime,
    seen: Collection[int] = (),
    limit: int = DEFAULT_LIMIT,
    max_age: timedelta = DEFAULT_MAX_AGE,
    topics: Collection[str] = (),
    mix: bool = True,
) -> list[C]:
    """Up to `limit` items: unseen, younger than `max_age`, topic matches and fresh ones first,
    at least one company and one industry item when both exist (with `mix`), one per feed
    before a second from the same feed. Returned in display order."""
    oldest = now - max_age
    pool = [item for item in items if item.id not in seen and item.fresh_at >= oldest]
    pool.sort(key=lambda i: (matches_topics(i, topics), i.fresh_at, i.id), reverse=True)
    if limit <= 0 or not pool:
        return []
    chosen: list[C] = []
    if mix and limit >= 2:
        for kind in ("company", "industry"):
            first = next((item for item in pool if item.kind == kind), None)
            if first is not None:
                chosen.append(first)
    used_feeds = {item.feed_id for item in chosen}
    for item in pool:
        if len(chosen) >= limit:
            break
        if item not in chosen and item.feed_id not in used_feeds:
            chosen.append(item)
            used_feeds.add(item.feed_id)
    for item in pool:
        if len(chosen) >= limit:
            break
        if item not in chosen:
            chosen.append(item)
    rank = {id(item): position for position, item in enumerate(pool)}
    return sorted(chosen[:limit], key=lambda item: rank[id(item)])
