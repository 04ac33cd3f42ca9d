"""Adding, seeding and refreshing feeds against a local server; bad feeds never hurt the rest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

import content_feed
from content_feed import store
from content_feed.errors import (
    BlockedAddressError,
    FeedExistsError,
    InvalidFeedURLError,
    NoFeedLinkError,
    OPMLNotAFeedError,
)
from content_feed.fetch import FetchLimits, new_client
from content_feed.manage import add_feed, seed_feeds
from content_feed.refresh import FeedOutcome, Fetcher, due_feeds, refresh_all
from tests.content_feed.conftest import CORPUS, FeedServer, item, rss

SAMPLE = Path(content_feed.__file__).parent / "data" / "sample-feed.xml"
GOOD = rss(*(item(f"g{n}", f"https://e.com/{n}") for n in range(5)))


async def test_add_a_page_url_discovers_its_feed(db: Database, feed_server: FeedServer) -> None:
    feed_server.serve("/feed.xml", GOOD)
    page = feed_server.serve(
        "/blog/",
        '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
        "</head><body>Blog</body></html>",
        content_type="text/html",
    )
    added = await add_feed(db, page, "industry", allow_private=True)
    assert added.discovered
    assert added.feed.url == feed_server.url("/feed.xml")
    assert (added.feed.kind, added.feed.item_count, added.new_items) == ("industry", 5, 3)
    with pytest.raises(FeedExistsError):
        await add_feed(db, feed_server.url("/feed.xml"), allow_private=True)


@pytest.mark.parametrize(
    ("body", "content_type", "error"),
    [
        ("<html><body>No feed here</body></html>", "text/html", NoFeedLinkError),
        ((CORPUS / "Subs.opml").read_text(), "text/x-opml", OPMLNotAFeedError),
    ],
)
async def test_add_refuses_what_is_not_a_feed(
    db: Database, feed_server: FeedServer, body: str, content_type: str, error: type[Exception]
) -> None:
    url = feed_server.serve("/x", body, content_type=content_type)
    with pytest.raises(error):
        await add_feed(db, url, allow_private=True)
    assert store.list_feeds(db) == []


async def test_add_refuses_private_hosts_by_default(db: Database, feed_server: FeedServer) -> None:
    url = feed_server.serve("/feed.xml", GOOD)
    with pytest.raises(BlockedAddressError):
        await add_feed(db, url)
    with pytest.raises(InvalidFeedURLError):
        await add_feed(db, f"file://{SAMPLE}")  # files only from the operator's side
    assert feed_server.hits == {}


async def test_refresh_all_isolates_failures_and_keeps_items(
    db: Database, feed_server: FeedServer
) -> None:
    paths = ["/good", "/turns-bad", "/missing", "/big", "/bomb", "/html", "/truncated", "/utf8"]
    for path in ("/good", "/turns-bad"):
        feed_server.serve(path, GOOD.replace("e.com/", f"e.com{path}/"))
    for path in paths:
        store.insert_feed(db, feed_server.url(path))
    first = await refresh_all(db, allow_private=True)
    assert {o.url.rsplit("/", 1)[1]: o.status for o in first}["good"] == "ok"
    kept = store.get_feed(db, feed_server.url("/turns-bad")).item_count
    assert kept == 5

    bomb = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><rss/>'
    whole = GOOD.replace("e.com/", "e.com/t/")
    feed_server.serve("/turns-bad", "<rss><channel><title>oops")  # now broken XML, no items
    feed_server.serve("/big", b"<rss>" + b" " * (6 * 1024 * 1024))
    feed_server.serve("/bomb", bomb)
    feed_server.serve(
        "/html", "<html><body>Moved to a new CMS</body></html>", content_type="text/html"
    )
    feed_server.serve("/truncated", whole[: len(whole) * 2 // 3])
    feed_server.serve(
        "/utf8", GOOD.replace("A title", "Caf\udce9").encode("utf-8", "surrogateescape")
    )
    seen: list[FeedOutcome] = []
    later = datetime.now(UTC) + timedelta(hours=2)
    outcomes = await refresh_all(db, allow_private=True, progress=seen.append, now=later)
    assert len(seen) == len(paths)
    by_path = {o.url.rsplit("/", 1)[1]: o for o in outcomes}
    assert by_path["good"].status == "not_modified"
    assert (
        by_path["missing"].error
        == f"the server answered HTTP 404 for {feed_server.url('/missing')}"
    )
    assert "cap" in (by_path["big"].error or "")
    assert "entities" in (by_path["bomb"].error or "")
    assert "names no feed" in (by_path["html"].error or "")
    assert by_path["truncated"].status == "ok" and by_path["utf8"].status == "ok"
    turned = store.get_feed(db, feed_server.url("/turns-bad"))
    assert turned.item_count == kept  # nothing already stored is lost
    truncated = store.get_feed(db, feed_server.url("/truncated"))
    assert truncated.warning and "not well-formed" in truncated.warning
    for feed in store.list_feeds(db):
        assert feed.status in ("ok", "not_modified") or feed.error


async def test_second_refresh_is_a_304_round(db: Database, feed_server: FeedServer) -> None:
    for n in range(5):
        store.insert_feed(db, feed_server.serve(f"/f{n}", GOOD.replace("e.com/", f"e.com/{n}/")))
    first = await refresh_all(db, allow_private=True, concurrency=2)
    second = await refresh_all(db, allow_private=True, concurrency=2)
    assert {o.status for o in first} == {"ok"}
    assert {o.status for o in second} == {"not_modified"}
    assert feed_server.not_modified == 5


async def test_seed_feeds_from_settings(db: Database, feed_server: FeedServer) -> None:
    page = feed_server.serve(
        "/home",
        '<html><head><link rel="alternate" type="application/atom+xml" href="/atom"></head></html>',
        content_type="text/html",
    )
    feed_server.serve(
        "/atom",
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id>'
        '<title>T</title><link href="https://e.com/atom/1"/><updated>2026-11-20T10:00:00Z</updated>'
        "</entry></feed>",
        content_type="application/atom+xml",
    )
    problems = seed_feeds(db, [SAMPLE, f"industry:{page}", "ftp://nope/feed"])
    assert problems == [
        "SOCIALBOT_FEEDS entry 'ftp://nope/feed': 'ftp://nope/feed' is not an http or https URL"
    ]
    outcomes = await refresh_all(db, allow_private=True)
    assert {o.status for o in outcomes} == {"ok"}
    feeds = {f.kind: f for f in store.list_feeds(db)}
    assert feeds["industry"].url == feed_server.url("/atom")  # the page was followed once
    assert feeds["company"].title == "Example Corp blog" and feeds["company"].item_count == 5
    # Seeding again with the sample gone disables it; its items stay for dedupe.
    assert seed_feeds(db, [f"industry:{page}"]) == []
    sample = store.get_feed(db, SAMPLE.resolve().as_uri())
    assert not sample.enabled and sample.item_count == 5
    again = await refresh_all(db, allow_private=True)
    assert [o.status for o in again] == ["not_modified"]


async def test_the_bundled_sample_never_touches_the_network(db: Database) -> None:
    seed_feeds(db, [SAMPLE])

    async def no_dns(host: str, port: int) -> list[str]:
        raise AssertionError("no network for file feeds")

    async with new_client(resolver=no_dns) as client:
        fetcher = Fetcher(client, resolver=no_dns, limits=FetchLimits())
        outcomes = await refresh_all(db, fetcher=fetcher)
        again = await refresh_all(db, fetcher=fetcher)
    assert [o.status for o in outcomes] == ["ok"] and [o.status for o in again] == ["not_modified"]


def test_due_feeds_back_off_after_failures(db: Database) -> None:
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    fresh = store.insert_feed(db, "https://a.example/feed", now=now)
    ok = store.insert_feed(db, "https://b.example/feed", now=now)
    failing = store.insert_feed(db, "https://c.example/feed", now=now)
    store.record_not_modified(db, ok.id, now - timedelta(minutes=61), None, None)
    for _ in range(3):
        store.record_failure(db, failing.id, "down", now - timedelta(hours=2))
    assert [f.id for f in due_feeds(db, now)] == [fresh.id, ok.id]
