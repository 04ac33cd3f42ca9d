"""Curation: freshest unseen first, company and industry mixed, topics preferred."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from content_feed import store
from content_feed.curate import DEFAULT_MAX_AGE, pick
from content_feed.parse import ParsedFeed, ParsedItem
from content_feed.store import candidate_items

NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)


@dataclass(frozen=True)
class Entry:
    id: int
    feed_id: int
    kind: str
    fresh_at: datetime
    title: str = "Title"
    summary: str = ""
    tags: tuple[str, ...] = ()


def entries() -> list[Entry]:
    hours = [1, 2, 3, 4, 30, 400]
    kinds = ["company", "company", "company", "industry", "industry", "industry"]
    return [
        Entry(n, feed_id=n % 2, kind=kind, fresh_at=NOW - timedelta(hours=h))
        for n, (h, kind) in enumerate(zip(hours, kinds, strict=True))
    ]


def ids(items: list[Entry]) -> list[int]:
    return [item.id for item in items]


def test_mix_puts_at_least_one_of_each_kind() -> None:
    assert ids(pick(entries(), now=NOW, limit=3)) == [0, 1, 3]
    assert ids(pick(entries(), now=NOW, limit=3, mix=False)) == [0, 1, 2]


def test_seen_and_stale_items_are_left_out() -> None:
    assert ids(pick(entries(), now=NOW, seen={0, 1, 3}, limit=3)) == [2, 4]
    assert ids(pick(entries(), now=NOW, seen={3, 4}, limit=3)) == [0, 1, 2]  # 5 is too old


def test_one_kind_only_still_fills() -> None:
    company = [e for e in entries() if e.kind == "company"]
    assert ids(pick(company, now=NOW, limit=3)) == [0, 1, 2]
    assert pick([], now=NOW) == []


def test_topics_come_first() -> None:
    items = [*entries(), Entry(9, 7, "industry", NOW - timedelta(hours=20), tags=("AI",))]
    assert ids(pick(items, now=NOW, limit=2, topics=["ai"])) == [9, 0]


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Nordlys udgiver rapport om bæredygtighed.", "Bæredygtighed"),
        ("Bæredygtighed: vores nye mål", "bæredygtighed"),
        ("Nordlys investerer i AI, cloud og data", "ai"),
        ("Nordlysの持続可能性レポート", "持続可能性"),
        ("NordlysがAIの新サービスを発表", "AI"),
    ],
)
def test_a_topic_is_found_next_to_punctuation_and_in_japanese(title: str, topic: str) -> None:
    # review11b L12: only a topic with spaces on both sides was found.
    items = [*entries(), Entry(9, 7, "industry", NOW - timedelta(hours=20), title=title)]
    assert ids(pick(items, now=NOW, limit=2, topics=[topic])) == [9, 0]
    said = Entry(9, 7, "industry", NOW - timedelta(hours=20), title="Nordlys said AIR is up")
    assert ids(pick([*entries(), said], now=NOW, limit=2, topics=["AI"])) == [0, 3]


def test_fresh_items_from_the_store(db: Database) -> None:
    company = store.insert_feed(db, "https://e.com/feed", now=NOW - timedelta(days=30))
    industry = store.insert_feed(db, "https://n.example/rss", kind="industry", now=NOW)
    for feed in (company, industry):
        seeded = ParsedFeed("rss20", "F", None, [])
        store.record_success(db, feed, seeded, NOW - timedelta(days=1))
    for feed, host, offset in ((company, "e.com", 0.0), (industry, "n.example", 0.5)):
        batch = [
            ParsedItem(
                f"{host}{n}",
                f"T{n}",
                f"https://{host}/{n}",
                NOW - timedelta(hours=n + offset),
                "",
                None,
            )
            for n in range(3)
        ]
        store.record_success(
            db, store.get_feed(db, feed.id), ParsedFeed("rss20", "F", None, batch), NOW
        )
    chosen = pick(candidate_items(db, since=NOW - DEFAULT_MAX_AGE), now=NOW)
    assert [(item.kind, item.link) for item in chosen] == [
        ("company", "https://e.com/0"),
        ("industry", "https://n.example/0"),
        ("company", "https://e.com/1"),
    ]
    seen = {i.id for i in chosen}
    later = pick(candidate_items(db, since=NOW - DEFAULT_MAX_AGE), now=NOW, seen=seen, limit=1)
    assert [i.link for i in later] == ["https://n.example/1"]


def test_one_story_from_two_feeds_is_one_item() -> None:
    # review9a D1: another feed's copy (another title, the same summary) is the same story.
    said = "Apple's new phone is out today, with a bigger screen and a battery that lasts two days."
    copies = [
        Entry(1, feed_id=1, kind="industry", fresh_at=NOW, title="Phone out", summary=said),
        Entry(2, feed_id=2, kind="company", fresh_at=NOW, title="New phone", summary=said),
        Entry(3, feed_id=2, kind="company", fresh_at=NOW, title="Other", summary=said[:50]),
    ]
    assert sorted(ids(pick(copies, now=NOW, limit=3))) == [2, 3]  # the company's copy
    assert ids(pick(copies, now=NOW, seen={1}, limit=3)) == [3]


def test_ads_and_swearing_are_not_suggested() -> None:
    # review9a D4: words nobody posts under their name, an advertiser's pitch.
    items = [
        Entry(1, 1, "industry", NOW, title="Uber", summary="The ongoing shitshow at Uber."),
        Entry(2, 1, "industry", NOW, title="Sponsored: Timing for Mac"),
        Entry(3, 1, "industry", NOW, title="Tools", summary="Use code GRUBER for 10% off."),
        Entry(4, 1, "industry", NOW, title="Apple ships iOS 11"),
    ]
    assert ids(pick(items, now=NOW, limit=4)) == [4]
