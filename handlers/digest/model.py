"""One person's digest as data: what the views draw, the CLI prints and the clock sends."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from content_feed.compose import Network, SuggestedPost
from content_feed.store import StoredItem


class Offer(Protocol):
    """Something else worth sharing that another capability offers (issue 7: announcements)."""

    @property
    def headline(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def link(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def posts(self) -> Mapping[Network, SuggestedPost]: ...


# (platform, user_id, now) → what to offer that person besides the feed items.
Offers = Callable[[str, str, datetime], Sequence[Offer]]


@dataclass(frozen=True)
class Entry:
    """One item of a digest with its suggested posts."""

    item: StoredItem
    posts: Mapping[Network, SuggestedPost]


@dataclass(frozen=True)
class DigestPlan:
    """What one person gets today (or would get now)."""

    platform: str
    user_id: str
    local_date: date
    entries: tuple[Entry, ...]
    offers: tuple[Offer, ...] = ()

    @property
    def empty(self) -> bool:
        """Nothing new: a quiet day."""
        return not self.entries and not self.offers

    def as_json(self) -> dict[str, Any]:
        """The plan as JSON-ready values, for `socialbot digest preview --json`."""
        return {
            "platform": self.platform,
            "user": self.user_id,
            "local_date": self.local_date.isoformat(),
            "items": [
                {
                    "id": entry.item.id,
                    "title": entry.item.title,
                    "link": entry.item.link,
                    "source": entry.item.feed_title,
                    "kind": entry.item.kind,
                    "summary": entry.item.summary,
                    "image": entry.item.image,
                    "posts": {
                        network.value: {"text": post.text, "share_link": post.share_link}
                        for network, post in entry.posts.items()
                    },
                }
                for entry in self.entries
            ],
            "offers": [
                {"subject": offer.subject, "headline": offer.headline, "link": offer.link}
                for offer in self.offers
            ],
        }


@dataclass(frozen=True)
class ItemStats:
    """Share clicks on one digest item, per network."""

    item_id: int
    title: str
    clicks: dict[str, int]

    @property
    def total(self) -> int:
        """Clicks on every network."""
        return sum(self.clicks.values())
