"""Refreshing feeds: all at once with a bound, each on its own, its outcome stored."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

import httpx
from sqlite_utils import Database

from content_feed import store
from content_feed.canonical import canonical_url, shown_url
from content_feed.errors import FeedError, FeedExistsError, NoFeedLinkError
from content_feed.fetch import (
    FetchLimits,
    FetchResult,
    Resolver,
    fetch,
    new_client,
    read_file_feed,
    system_resolver,
)
from content_feed.parse import ParsedFeed, discover_feed_urls, page_language, parse_feed, sniff

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = timedelta(hours=1)
DEFAULT_CONCURRENCY = 8


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    """What one feed's refresh did."""

    feed_id: int
    url: str
    status: Literal["ok", "not_modified", "error"]
    new_items: int = 0
    error: str | None = None
    moved_to: str | None = None  # the address it moved to for good (a 301 or 308), now its own


@dataclass(frozen=True, slots=True)
class Fetcher:
    """How feeds are fetched: one shared client, the SSRF policy, the limits."""

    client: httpx.AsyncClient
    allow_private: bool = False
    limits: FetchLimits = field(default_factory=FetchLimits)
    resolver: Resolver = system_resolver

    async def get(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """Fetch `url`: `file:` URLs from disk, the rest over guarded HTTP."""
        if url.startswith("file:"):
            return await asyncio.to_thread(read_file_feed, url, last_modified, self.limits)
        return await fetch(
            self.client,
            url,
            etag=etag,
            last_modified=last_modified,
            allow_private=self.allow_private,
            limits=self.limits,
            resolver=self.resolver,
        )

    async def get_feed(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> tuple[FetchResult, ParsedFeed | None, bool]:
        """Fetch and parse a feed; an HTML page is followed once to the feed it links to.

        Returns the final fetch, the parsed feed (None on 304) and whether a page was followed.
        """
        result = await self.get(url, etag, last_modified)
        if result.body is None:
            return result, None, False
        discovered = False
        page_said: str | None = None
        if sniff(result.body, result.content_type) == "html":
            links = discover_feed_urls(result.body, result.url)
            if not links:
                raise NoFeedLinkError("this is an HTML page that names no feed")
            page_said = page_language(result.body)
            result = await self.get(links[0])
            discovered = True
        if result.body is None:
            return result, None, discovered
        parsed = await asyncio.to_thread(parse_feed, result.body, result.url, result.content_type)
        if parsed.language is None and page_said is not None:
            parsed = replace(parsed, language=page_said)  # the page's `<html lang>` holds for it
        return result, parsed, discovered


async def refresh_feed(
    db: Database, feed: store.StoredFeed, fetcher: Fetcher, now: datetime | None = None
) -> FeedOutcome:
    """Fetch, parse and store one feed; any failure is recorded on the feed, never raised."""
    now = now or datetime.now(UTC)
    try:
        result, parsed, discovered = await fetcher.get_feed(feed.url, feed.etag, feed.last_modified)
        moved_to = None if discovered else _record_move(db, feed, result, now)
        if parsed is None:
            store.record_not_modified(db, feed.id, now, result.etag, result.last_modified)
            return FeedOutcome(feed.id, feed.url, "not_modified", moved_to=moved_to)
        if discovered:
            # A page URL (from SOCIALBOT_FEEDS) is read through its feed from now on, so the
            # validators match the document they came from.
            feed_url = canonical_url(result.url)
            if store.find_feed(db, feed_url) is not None:
                raise FeedExistsError(f"this page's feed {feed_url} is already another feed")
            store.update_feed(db, feed.id, url=feed_url)
        new = store.record_success(
            db, feed, parsed, now, etag=result.etag, last_modified=result.last_modified
        )
        return FeedOutcome(feed.id, feed.url, "ok", new_items=new, moved_to=moved_to)
    except FeedError as error:
        message = str(error)
    except Exception as error:
        # One broken feed must never stop the others; the operator sees the kind of failure in
        # `feeds list` and the traceback in the log.
        log.exception("unexpected error refreshing feed %s", shown_url(feed.url))
        message = f"unexpected error: {type(error).__name__}"
    store.record_failure(db, feed.id, message, now)
    return FeedOutcome(feed.id, feed.url, "error", error=message)


def _record_move(
    db: Database, feed: store.StoredFeed, result: FetchResult, now: datetime
) -> str | None:
    """Make the address `feed` moved to for good (review17a M7: followed on every fetch, never
    recorded, until the old address was retired) its own; the new address, or None."""
    if result.moved_to is None:
        return None
    moved_to = canonical_url(result.moved_to)
    if moved_to == feed.url:
        return None
    other = store.find_feed(db, moved_to)
    if other is not None and other.id != feed.id:
        raise FeedExistsError(f"this feed moved to {moved_to}, which is feed {other.id} already")
    store.record_move(db, feed.id, moved_to, now)
    log.info(
        "a feed moved for good (a permanent redirect): its address is updated",
        extra={"feed": feed.id, "from": shown_url(feed.url), "to": shown_url(moved_to)},
    )
    return moved_to


async def refresh_all(
    db: Database,
    *,
    allow_private: bool = False,
    feeds: Sequence[store.StoredFeed] | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    progress: Callable[[FeedOutcome], None] | None = None,
    fetcher: Fetcher | None = None,
    now: datetime | None = None,
) -> list[FeedOutcome]:
    """Refresh `feeds` (default: every enabled feed), at most `concurrency` at a time."""
    targets = list(store.list_feeds(db, enabled_only=True) if feeds is None else feeds)
    if not targets:
        return []
    semaphore = asyncio.Semaphore(concurrency)

    async def one(feed: store.StoredFeed, active: Fetcher) -> FeedOutcome:
        async with semaphore:
            outcome = await refresh_feed(db, feed, active, now)
        if progress is not None:
            progress(outcome)
        return outcome

    if fetcher is not None:
        return list(await asyncio.gather(*(one(feed, fetcher) for feed in targets)))
    async with new_client(allow_private) as client:
        own = Fetcher(client, allow_private)
        return list(await asyncio.gather(*(one(feed, own) for feed in targets)))


def due_feeds(
    db: Database, now: datetime | None = None, interval: timedelta = DEFAULT_INTERVAL
) -> list[store.StoredFeed]:
    """Enabled feeds last fetched over `interval` ago (failing ones back off, up to a day)."""
    now = now or datetime.now(UTC)
    due = []
    for feed in store.list_feeds(db, enabled_only=True):
        if feed.last_fetch_at is None:
            due.append(feed)
            continue
        wait = min(interval * (2 ** min(feed.failures, 5)), max(interval, timedelta(days=1)))
        if now - feed.last_fetch_at >= wait:
            due.append(feed)
    return due


async def refresh_due(
    db: Database,
    *,
    allow_private: bool = False,
    interval: timedelta = DEFAULT_INTERVAL,
    now: datetime | None = None,
    fetcher: Fetcher | None = None,
) -> list[FeedOutcome]:
    """Refresh the feeds that are due; what the clock's minute tick calls. A feed that stops
    working is logged once (a WARNING with the reason), and once when it works again (INFO);
    an ERROR when this refresh leaves every company feed failing."""
    feeds = due_feeds(db, now, interval)
    if not feeds:
        return []
    company_was_down = _company_down(db)
    outcomes = await refresh_all(
        db, allow_private=allow_private, feeds=feeds, fetcher=fetcher, now=now
    )
    for feed, outcome in zip(feeds, outcomes, strict=True):
        name = {"feed": feed.id, "title": feed.name}
        if outcome.status == "error" and feed.status != "error":
            log.warning(
                "a feed stopped working; its items stay, and it is tried again later",
                extra={**name, "url": shown_url(feed.url), "error": outcome.error},
            )
        elif outcome.status != "error" and feed.status == "error":
            log.info("a feed works again", extra=name)
    if not company_was_down and _company_down(db):
        log.error(
            "every company feed fails: digests offer nothing new until one works again;"
            " see `socialbot feeds list`"
        )
    return outcomes


def _company_down(db: Database) -> bool:
    """Whether there are company feeds and every one of them failed its last fetch."""
    company = [feed for feed in store.list_feeds(db, enabled_only=True) if feed.kind == "company"]
    return bool(company) and all(feed.status == "error" for feed in company)
