"""Choosing what to suggest: the freshest unseen items, company and industry mixed."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

from content_feed.text import whole_words

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

_NOT_WORD = re.compile(r"[\W_]+")
# A summary this long (letters and digits) names one story: two feeds giving it are one story.
STORY_SUMMARY_MIN = 60


def _story_keys(item: Candidate) -> tuple[tuple[str, int], str]:
    """The item's story as its normalised title and minute of publication, and its summary."""
    title = _NOT_WORD.sub("", item.title.casefold())
    summary = _NOT_WORD.sub("", item.summary.casefold())
    minute = int(item.fresh_at.timestamp()) // 60
    return (title, minute), summary if len(summary) >= STORY_SUMMARY_MIN else ""


# Paid placements: an employee would share an advertiser's pitch under their own name. A label
# ("[Sponsor] …", "Sponsored: …"), "Sponsored by" opening a sentence or before a colon, or a
# promo code with its code ("use code GRUBER"); not "use code signing", "brought to you by the
# platform team" inside a sentence.
_LABEL = r"sponsor(?:ed)?|ad|advertorial|paid post|partner content|anzeige|publicidad"
_SPONSORED = re.compile(
    rf"^\W*(?:\[\s*(?:{_LABEL})\s*\]|(?:{_LABEL})\s*:)"
    r"|(?:^|[.!?]\s+|\n)\s*(?:sponsored by|brought to you by)\b"
    r"|\b(?:sponsored by|brought to you by)\s*:",
    re.IGNORECASE,
)
_PROMO_CODE = re.compile(
    r"(?i:\b(?:use (?:the |promo |discount )?code|promo code|coupon code|discount code))"
    r"\s*:?\s*[\"\u201c']?[A-Z0-9]{4,}\b"
)
# Words nobody should find in a post suggested to them (English, and the bot's other languages).
_PROFANE = re.compile(
    r"\b(?:fuck\w*|motherfuck\w*|shit(?:s|ty|show)?|bullshit\w*|asshole\w*|bitch\w*|cunt\w*"
    r"|wank(?:er|ers|ing)?|dickhead\w*|scheiß\w*|scheiss\w*|arschloch\w*|merde|putain"
    r"|connard\w*|mierda|joder|gilipollas|klote|godverdomme|jävla|jävlar|faen|helvete)\b",
    re.IGNORECASE,
)


def unsuitable(item: Candidate) -> bool:
    """Whether the item is no story to suggest: an advertiser's ("[Sponsor] …", "Sponsored by:",
    a promo code) or one whose title or summary swears."""
    text = f"{item.title}\n{item.summary}"
    return bool(_SPONSORED.search(item.title) or _SPONSORED.search(item.summary)
                or _PROMO_CODE.search(text) or _PROFANE.search(text))  # fmt: skip


def one_per_story(items: Sequence[C], seen: Collection[int] = ()) -> list[C]:
    """`items` in their order with one item per story (the same article from two feeds, or
    linked by an aggregator: same normalised title and publication minute, or the same summary
    from another feed), a company feed's copy first; none of a story whose copy is `seen`."""
    story: dict[int, int] = {}  # item id -> the id of the story's first copy
    by_title: dict[tuple[str, int], int] = {}
    by_summary: dict[str, tuple[int, int]] = {}  # summary -> (story, feed)
    keys = {item.id: _story_keys(item) for item in items}
    # A summary two items of one feed share is the site's tagline or boilerplate, no story's.
    shared = Counter((item.feed_id, keys[item.id][1]) for item in items if keys[item.id][1])
    boilerplate = {summary for (_, summary), count in shared.items() if count > 1}
    for item in sorted(items, key=lambda i: (i.kind != "company", i.id)):
        title, summary = keys[item.id]
        if summary in boilerplate:
            summary = ""
        known = by_title.get(title)
        if known is None and summary in by_summary and by_summary[summary][1] != item.feed_id:
            known = by_summary[summary][0]
        story[item.id] = item.id if known is None else known
        by_title.setdefault(title, story[item.id])
        if summary:
            by_summary.setdefault(summary, (story[item.id], item.feed_id))
    taken = {story[i] for i in seen if i in story}
    kept: list[C] = []
    for item in items:
        if story[item.id] == item.id and item.id not in taken:
            kept.append(item)
    return kept


def matches_topics(item: Candidate, topics: Collection[str]) -> bool:
    """Whether the item's tags, title or summary mention one of `topics` as whole words, in any
    case (next to punctuation and in Japanese or Chinese text too)."""
    if not topics:
        return False
    tags = {tag.casefold() for tag in item.tags}
    text = unicodedata.normalize("NFC", f"{item.title}\n{item.summary}")
    return any(
        topic.casefold() in tags or whole_words(unicodedata.normalize("NFC", topic)).search(text)
        for topic in (topic.strip() for topic in topics)
        if topic
    )


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
    before a second from the same feed; one item per story (`one_per_story`), none
    `unsuitable`. Returned in display order."""
    oldest = now - max_age
    pool = [
        item
        for item in one_per_story(items, seen)
        if item.fresh_at >= oldest and not unsuitable(item)
    ]
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
