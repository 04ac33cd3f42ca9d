"""Adding, seeding and removing feeds: what the CLI and the bot's start-up call."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.request import url2pathname

from sqlite_utils import Database

from content_feed import store
from content_feed.canonical import canonical_url
from content_feed.curate import DEFAULT_MAX_AGE
from content_feed.errors import FeedExistsError, InvalidFeedURLError, quoted
from content_feed.fetch import check_feed_url, new_client
from content_feed.refresh import Fetcher

# The bundled sample feed: for a bot with no feed of its own, off once an admin adds one.
SAMPLE_FEED = Path(__file__).parent / "data" / "sample-feed.xml"

# A scheme as people type one: `name://`, or `file:` alone.
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):(?=//|(?<=file:))", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AddedFeed:
    """A feed just added and fetched once."""

    feed: store.StoredFeed
    new_items: int
    discovered: bool
    sample_off: bool  # the bundled sample feed was on and is now off
    fresh_items: int = 0  # of the `new_items` suggested, those new enough for a digest
    newest_at: datetime | None = None  # when its newest item was published (None: it has none)

    def what_comes(self) -> str:
        """What digests will make of the feed's items, said after their count: how many can be
        suggested, or none, its newest being older than a digest looks back (review16a W1: "the
        newest 3 can be suggested" of a feed last updated years before, and none ever was)."""
        if self.fresh_items:
            return (
                f"the newest {self.fresh_items} can be suggested, older ones are kept only so"
                " they never come back as new."
            )
        if self.newest_at is None:
            return "none can be suggested yet: its next post can."
        return (
            f"none can be suggested: its newest is from {self.newest_at:%Y-%m-%d}, older than"
            f" the {DEFAULT_MAX_AGE.days} days a digest looks back; its next post can."
        )


def normalise_source(text: str, *, allow_files: bool = False) -> str:
    """A feed or page URL ready to fetch; local paths become `file:` URLs when files are allowed."""
    text = text.strip()
    if not text:
        raise InvalidFeedURLError("give a feed or page URL")
    named = _SCHEME.match(text)
    scheme = named.group(1).lower() if named else ""
    path_like = not scheme and (text.startswith(("/", "./", "../", "~")) or _is_file(Path(text)))
    if scheme == "file" or (allow_files and path_like):
        if not allow_files:
            raise InvalidFeedURLError("local files cannot be added as feeds here")
        return _file_url(_file_path(text) if scheme == "file" else Path(text))
    if not scheme and "." in text.split("/")[0]:
        text = f"https://{text}"  # "blog.example.com/feed" is what people paste
    return canonical_url(check_feed_url(text))


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long, a NUL byte
        return False


def _file_path(url: str) -> Path:
    rest = url[len("file:") :]
    if rest.startswith("//"):
        rest = rest[2:]
        rest = rest.removeprefix("localhost") if rest.startswith("localhost/") else rest
        if not rest.startswith("/"):
            raise InvalidFeedURLError(f"{quoted(url)} names a file on another host")
    return Path(url2pathname(rest))


def _file_url(path: Path) -> str:
    try:
        resolved = path.expanduser().resolve()
    except (OSError, ValueError, RuntimeError) as error:  # RuntimeError: ~nobody's home
        raise InvalidFeedURLError(
            f"cannot use the file {quoted(str(path))}: {type(error).__name__}"
        ) from None
    if not _is_file(resolved):
        raise InvalidFeedURLError(f"no such file: {quoted(str(resolved))}")
    return resolved.as_uri()


def check_feed_entry(entry: str) -> str:
    """The source a SOCIALBOT_FEEDS entry names; `InvalidFeedURLError` (a ValueError) if none."""
    return normalise_source(parse_kind(entry)[1], allow_files=True)


def parse_kind(text: str) -> tuple[store.Kind, str]:
    """Split an optional `company:` / `industry:` prefix off a SOCIALBOT_FEEDS entry."""
    head, sep, rest = text.partition(":")
    if sep and head.strip().lower() in store.KINDS and not rest.startswith("//"):
        kind: store.Kind = "industry" if head.strip().lower() == "industry" else "company"
        return kind, rest.strip()
    return "company", text.strip()


async def add_feed(
    db: Database,
    url: str,
    kind: store.Kind = "company",
    *,
    allow_private: bool = False,
    allow_files: bool = False,
    fetcher: Fetcher | None = None,
    now: datetime | None = None,
) -> AddedFeed:
    """Validate, discover (for a page URL), fetch and store a feed; raises `FeedError` if bad."""
    source = normalise_source(url, allow_files=allow_files)
    existing = store.find_feed(db, source)
    if existing is not None:
        raise FeedExistsError(f"already added as feed {existing.id} ({existing.url})")
    if fetcher is None:
        async with new_client(allow_private) as client:
            return await add_feed(
                db, source, kind, allow_private=allow_private, allow_files=allow_files,
                fetcher=Fetcher(client, allow_private), now=now,
            )  # fmt: skip
    now = now or datetime.now(UTC)
    result, parsed, _ = await fetcher.get_feed(source)
    assert parsed is not None  # an unconditional GET never answers 304
    feed_url = result.url if result.url.startswith("file:") else canonical_url(result.url)
    existing = store.find_feed(db, feed_url)
    if existing is not None:
        raise FeedExistsError(f"{source} is feed {existing.id} ({existing.url}), already added")
    with db.atomic():
        feed = store.insert_feed(
            db, feed_url, source_url=source, kind=kind, title=parsed.title or None,
            site_url=parsed.site_url, now=now,
        )  # fmt: skip
        new = store.record_success(
            db, feed, parsed, now, etag=result.etag, last_modified=result.last_modified
        )
        sample_off = _disable_sample(db)
    fresh, newest = db.execute(
        "SELECT COALESCE(SUM(suggest = 1 AND fresh_at >= ?), 0), MAX(fresh_at)"
        " FROM content_items WHERE feed_id = ?",
        [(now - DEFAULT_MAX_AGE).timestamp(), feed.id],
    ).fetchone()
    return AddedFeed(
        store.get_feed(db, feed.id),
        new,
        discovered=feed_url != source,
        sample_off=sample_off,
        fresh_items=int(fresh),
        newest_at=datetime.fromtimestamp(newest, UTC) if newest is not None else None,
    )


def is_sample(feed: store.StoredFeed) -> bool:
    """Whether `feed` is the bundled sample feed as the start seeds it."""
    return feed.origin == "settings" and feed.url == SAMPLE_FEED.resolve().as_uri()


def _disable_sample(db: Database) -> bool:
    """Turn the bundled sample feed off; whether it was on."""
    for feed in store.list_feeds(db, enabled_only=True):
        if is_sample(feed):
            store.update_feed(db, feed.id, enabled=0)
            return True
    return False


def seed_feeds(db: Database, urls: Iterable[str | Path], now: datetime | None = None) -> list[str]:
    """Make the feeds from SOCIALBOT_FEEDS (or the bundled sample) the settings-owned feeds.

    With no entries the bundled sample is seeded, unless a feed added by hand (`feeds add`)
    exists: then the bot has feeds of its own and the sample stays off. Missing ones are added
    (fetched later by the refresh), settings-owned feeds no longer listed are disabled (their
    items stay, so nothing comes back as new), listed ones re-enabled. No network at start-up.
    Entries may carry a `company:` or `industry:` prefix; a `Path` is a local file. Returns one
    line per entry that could not be used.
    """
    problems: list[str] = []
    wanted: set[int] = set()
    entries = list(urls)
    if not entries and not any(feed.origin == "manual" for feed in store.list_feeds(db)):
        entries = [SAMPLE_FEED]
    for entry in entries:
        if isinstance(entry, Path):
            kind: store.Kind = "company"
            text = entry.resolve().as_uri()
        else:
            kind, text = parse_kind(entry)
        try:
            source = normalise_source(text, allow_files=True)
        except InvalidFeedURLError as error:
            problems.append(f"SOCIALBOT_FEEDS entry {text!r}: {error}")
            continue
        feed = store.find_feed(db, source)
        if feed is None:
            feed = store.insert_feed(db, source, kind=kind, origin="settings", now=now)
        elif feed.origin == "settings" and (feed.kind != kind or not feed.enabled):
            store.update_feed(db, feed.id, kind=kind, enabled=1)
        wanted.add(feed.id)
    for feed in store.list_feeds(db):
        if feed.origin == "settings" and feed.id not in wanted and feed.enabled:
            store.update_feed(db, feed.id, enabled=0)
    return problems
