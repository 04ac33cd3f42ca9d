"""The store: dedupe by guid and canonical URL, seeding without flooding, nothing lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

import content_feed
from content_feed import store
from content_feed.canonical import KEY_VERSION
from content_feed.curate import DEFAULT_MAX_AGE
from content_feed.manage import seed_feeds
from content_feed.parse import ParsedFeed, ParsedItem
from content_feed.refresh import refresh_all

ADDED = datetime(2026, 11, 1, 9, tzinfo=UTC)
SAMPLE = Path(content_feed.__file__).parent / "data" / "sample-feed.xml"


def entry(guid: str, link: str, days_ago: float | None = 1, now: datetime = ADDED) -> ParsedItem:
    published = None if days_ago is None else now - timedelta(days=days_ago)
    return ParsedItem(guid, f"Title {guid}", link, published, "Summary.", None)


def feed_of(*items: ParsedItem) -> ParsedFeed:
    return ParsedFeed("rss20", "Blog", "https://e.com/", list(items))


def suggested(db: Database) -> list[str]:
    since = datetime(2000, 1, 1, tzinfo=UTC)
    return sorted(i.guid for i in store.candidate_items(db, since=since))


def test_first_fetch_seeds_without_flooding(db: Database) -> None:
    feed = store.insert_feed(db, "https://e.com/feed", now=ADDED)
    history = [entry(f"g{n}", f"https://e.com/{n}", days_ago=n + 1) for n in range(20)]
    new = store.record_success(db, feed, feed_of(*history), ADDED)
    assert new == store.SEED_SUGGESTIONS
    assert suggested(db) == ["g0", "g1", "g2"]
    assert store.get_feed(db, feed.id).item_count == 20
    # Seeded items are never fresher than the feed's addition, even if dated later.
    assert all(i.fresh_at <= ADDED for i in store.candidate_items(db, since=ADDED - timedelta(30)))


def test_later_items_are_new_and_known_ones_are_not(db: Database) -> None:
    feed = store.insert_feed(db, "https://e.com/feed", now=ADDED)
    store.record_success(db, feed, feed_of(entry("a", "https://e.com/a")), ADDED)
    feed = store.get_feed(db, feed.id)
    later = ADDED + timedelta(hours=1)
    batch = feed_of(
        entry("b", "https://e.com/b", days_ago=0, now=later),
        entry("a", "https://e.com/a", days_ago=-5, now=later),  # same guid, re-dated forward
        entry("c", "https://www.e.com/a/?utm_source=x", now=later),  # re-post of a, new guid
    )
    assert store.record_success(db, feed, batch, later) == 1
    assert suggested(db) == ["a", "b"]
    a = next(i for i in store.candidate_items(db, since=ADDED - timedelta(30)) if i.guid == "a")
    assert a.fresh_at <= ADDED  # the re-dating did not move it up


def test_a_story_under_a_new_link_is_kept_unless_it_is_another_story(db: Database) -> None:
    # review6 item 9: an undated story whose link moved is the one the feed held (fresh); one the
    # feed still lists, or one of the same title on another date, is another story.
    def story(guid: str, title: str, when: datetime | None) -> ParsedItem:
        return ParsedItem(guid, title, f"https://e.com/{guid}", when, "Summary.", None)

    feed = store.insert_feed(db, "https://e.com/feed", now=ADDED)
    week = ADDED - timedelta(days=7)
    first = [story("a", "Our news", None), story("b", "Weekly: a roundup", week)]
    store.record_success(db, feed, feed_of(*first), ADDED)
    feed = store.get_feed(db, feed.id)
    later = ADDED + timedelta(hours=1)
    moved = [story("a2", "OUR  news!", None), story("b", "Weekly: a roundup", week),
             story("b2", "Weekly: a roundup", ADDED)]  # fmt: skip
    assert store.record_success(db, feed, feed_of(*moved), later) == 1
    assert suggested(db) == ["a2", "b", "b2"]
    twin = [*moved, story("a3", "Our news", None)]  # "a2" is still listed: a3 is another item
    assert store.record_success(db, feed, feed_of(*twin), later) == 1


def test_same_article_in_two_feeds_is_stored_once(db: Database) -> None:
    one = store.insert_feed(db, "https://e.com/feed", now=ADDED)
    two = store.insert_feed(db, "https://news.example/rss", kind="industry", now=ADDED)
    store.record_success(db, one, feed_of(entry("x", "https://e.com/story")), ADDED)
    store.record_success(db, two, feed_of(entry("y", "http://e.com/story?fbclid=1")), ADDED)
    assert suggested(db) == ["x"]


def test_a_failure_keeps_items_and_validators(db: Database) -> None:
    feed = store.insert_feed(db, "https://e.com/feed", now=ADDED)
    store.record_success(db, feed, feed_of(entry("a", "https://e.com/a")), ADDED, etag='"v1"')
    store.record_failure(db, feed.id, "the server answered HTTP 500", ADDED)
    after = store.get_feed(db, feed.id)
    assert (after.status, after.error, after.failures) == (
        "error",
        "the server answered HTTP 500",
        1,
    )
    assert (after.item_count, after.etag) == (1, '"v1"')


def test_remove_by_id_or_url(db: Database) -> None:
    feed = store.insert_feed(db, "https://e.com/feed", now=ADDED)
    store.record_success(db, feed, feed_of(entry("a", "https://e.com/a")), ADDED)
    assert store.remove_feed(db, "https://e.com/feed").id == feed.id
    assert store.list_feeds(db) == []
    assert db.execute("SELECT count(*) FROM content_items").fetchone()[0] == 0


async def test_the_bundled_sample_is_fresh_whenever_it_is_first_read(db: Database) -> None:
    # The real clock: the sample must give a demo something to suggest on any date.
    seed_feeds(db, [SAMPLE])
    [outcome] = await refresh_all(db)
    now = datetime.now(UTC)
    fresh = store.candidate_items(db, since=now - DEFAULT_MAX_AGE)
    assert outcome.status == "ok" and len(fresh) == store.SEED_SUGGESTIONS
    # Undated items keep the feed's own order (newest first), a second apart.
    titles = [item.title for item in fresh]
    assert titles[0] == "Example Corp opens its new Copenhagen office"
    assert titles[1] == "How we cut our customers' onboarding time in half"
    assert all(now - timedelta(minutes=5) < item.fresh_at <= now for item in fresh)


def test_undated_items_arriving_later_count_from_when_they_are_read(db: Database) -> None:
    feed = store.insert_feed(db, "https://e.com/feed", now=ADDED)
    store.record_success(db, feed, feed_of(entry("old", "https://e.com/old")), ADDED)
    later = ADDED + timedelta(days=3)
    undated = [entry(f"u{n}", f"https://e.com/u{n}", days_ago=None) for n in range(2)]
    assert store.record_success(db, store.get_feed(db, feed.id), feed_of(*undated), later) == 2
    found = store.candidate_items(db, since=later - timedelta(minutes=1))
    assert [i.guid for i in found] == ["u0", "u1"]
    assert found[0].fresh_at == later and found[0].published is None


def test_a_story_stored_under_the_previous_link_keys_is_not_stored_again() -> None:
    # review11c R1: link keys v3 read an escaped address as people read it ('%C3%98resund' is
    # 'Øresund'), but the stories stored before kept their old keys: the same story from
    # another feed was stored, and offered, a second time after the upgrade.
    previous = Database(memory=True)
    store.migrations.apply(previous, stop_before=f"content-url-keys-v{KEY_VERSION}")
    one = previous.table("content_feeds").insert(  # as the previous release stored it
        {"url": "https://e.com/feed", "source_url": "https://e.com/feed",
         "added_at": ADDED.timestamp()}
    ).last_pk  # fmt: skip
    previous.table("content_items").insert(
        {"feed_id": one, "guid": "x", "url": "https://e.com/%C3%98resund-bridge",
         "url_key": "e.com/%C3%98resund-bridge", "title": "Title x",
         "first_seen_at": ADDED.timestamp(), "fresh_at": ADDED.timestamp()}
    )  # fmt: skip
    store.migrations.apply(previous)  # the upgrade
    two = store.insert_feed(previous, "https://news.example/rss", kind="industry", now=ADDED)
    store.record_success(previous, two, feed_of(entry("y", "https://e.com/Øresund-bridge")), ADDED)
    assert suggested(previous) == ["x"]
