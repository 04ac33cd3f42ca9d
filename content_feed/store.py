"""The feeds and their items in SQLite: deduplicated, seeded without flooding, never lost."""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from content_feed.canonical import KEY_VERSION, canonical_url, dedupe_key, shown_url
from content_feed.curate import DEFAULT_MAX_AGE
from content_feed.errors import FeedExistsError, FeedNotFoundError, ItemNotFoundError, quoted
from content_feed.kinds import KINDS as KINDS
from content_feed.kinds import Kind as Kind
from content_feed.parse import ParsedFeed, ParsedItem
from content_feed.text import row_id

log = logging.getLogger(__name__)
migrations = Migrations("content")

# The first fetch of a new feed keeps this many of its newest items as suggestions; the rest of
# its history is recorded only so that it is never suggested as new.
SEED_SUGGESTIONS = 3
UNDATED_STEP = 1.0  # seconds between undated items read together, newest (first) first
# A feed's new item with the title of one it held, published within this many seconds of it (or,
# either undated, while the old one is fresh), is that story under a new link (a CMS migration).
SAME_TIME = 60.0
FAILING_LISTED_AFTER = timedelta(days=1)  # a feed failing longer is listed on `/healthz`
_WORD = re.compile(r"\w+")


@migrations()
def create_content_tables(db: Database) -> None:
    """The feeds and items tables."""
    # Times are Unix seconds (UTC). `origin` tells feeds seeded from SOCIALBOT_FEEDS (which follow
    # the setting) from feeds added by hand. `seeded` is set by the first successful fetch.
    db.execute(
        """CREATE TABLE content_feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            source_url TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'company' CHECK (kind IN ('company', 'industry')),
            origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'settings')),
            enabled INTEGER NOT NULL DEFAULT 1,
            title TEXT,
            site_url TEXT,
            added_at REAL NOT NULL,
            seeded INTEGER NOT NULL DEFAULT 0,
            etag TEXT,
            last_modified TEXT,
            last_fetch_at REAL,
            last_success_at REAL,
            status TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'ok', 'not_modified', 'error')),
            error TEXT,
            warning TEXT,
            failures INTEGER NOT NULL DEFAULT 0
        )"""
    )
    # `url_key` is the article's identity across feeds (canonical URL, no scheme or trackers);
    # `fresh_at` is the publication date, never later than when we first saw the item, so a
    # re-dated item cannot jump ahead; `suggest` = 0 marks history recorded while seeding.
    db.execute(
        """CREATE TABLE content_items (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES content_feeds(id) ON DELETE CASCADE,
            guid TEXT NOT NULL,
            url TEXT NOT NULL,
            url_key TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            image TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            published_at REAL,
            first_seen_at REAL NOT NULL,
            fresh_at REAL NOT NULL,
            suggest INTEGER NOT NULL DEFAULT 1,
            UNIQUE (feed_id, guid)
        )"""
    )
    db.execute("CREATE INDEX content_items_fresh ON content_items (suggest, fresh_at)")


# Where other parts name feeds and items by id: an id still named there is never given to a new
# feed or item, even when it was freed before the ids became AUTOINCREMENT.
_NAMED_IDS = {
    "content_feeds": (("digest_dislikes", "feed_id", "1"),),
    "content_items": (
        ("digest_sent_items", "item_id", "1"),
        ("digest_dislikes", "item_id", "1"),
        ("digest_offered", "item_id", "1"),
        ("share_clicks", "CAST(substr(subject, 6) AS INTEGER)", "subject LIKE 'item:%'"),
    ),
}


@migrations()
def never_reuse_ids(db: Database) -> None:
    """Feed and item ids are never given again (AUTOINCREMENT): what people got, hid and shared
    names items by id, so a removed feed's ids must not come back for the next feed's items.
    Both tables are rebuilt with every row; the counters start above any id still named."""
    schema = {
        name: [
            sql
            for (sql,) in db.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL"
                " ORDER BY type = 'index'",
                [name],
            )
        ]
        for name in _NAMED_IDS
    }
    # Renamed first, the items' reference follows the old feeds table: dropping it cascades
    # into nothing.
    for name in schema:
        db.execute(f"ALTER TABLE {name} RENAME TO {name}_old")
    for name, (table, *_) in schema.items():
        counted = table.replace("id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,")
        assert counted != table, table
        db.execute(counted)
        db.execute(f"INSERT INTO {name} SELECT * FROM {name}_old")
    for name in reversed(schema):
        db.execute(f"DROP TABLE {name}_old")
    for name, (_, *indexes) in schema.items():
        for index in indexes:
            db.execute(index)
        named = [(name, "id", "1")] + [n for n in _NAMED_IDS[name] if db.table(n[0]).exists()]
        highest = max(
            db.execute(f"SELECT coalesce(max({column}), 0) FROM {table} WHERE {where}").fetchone()
            for table, column, where in named
        )[0]
        db.execute("DELETE FROM sqlite_sequence WHERE name = ?", [name])
        db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [name, highest])


@migrations()
def remember_removed_stories(db: Database) -> None:
    """The fresh stories of removed feeds: a feed added in their place (the blog at its new
    address) brings them back under their old ids, so what people got and hid still holds."""
    db.execute(
        """CREATE TABLE content_removed (
            id INTEGER PRIMARY KEY,
            url_key TEXT NOT NULL,
            title_key TEXT NOT NULL,
            published_at REAL,
            fresh_at REAL NOT NULL,
            suggest INTEGER NOT NULL
        )"""
    )


@migrations(name=f"content-url-keys-v{KEY_VERSION}")
def rekey_content_urls(db: Database) -> None:
    """Compute the stories' keys again with today's rules (link keys v3: an escaped address and
    an IDN host as people read them), so a story stored before the rules changed is not stored
    again when another feed carries it under its other spelling. A key two stored stories now
    share stays with the older; the other keeps a key of its own."""
    rows = db.execute("SELECT id, url, url_key FROM content_items ORDER BY id").fetchall()
    keys: dict[int, str] = {}
    taken: set[str] = set()
    for item_id, url, old in rows:
        key = dedupe_key(url)
        if key in taken:
            key = old if old not in taken else f"{old}#{item_id}"
        keys[item_id] = key
        taken.add(key)
    # Out of the way first: a story's new key may be another's old one (UNIQUE).
    db.execute("UPDATE content_items SET url_key = '#' || id")
    db.conn.executemany(
        "UPDATE content_items SET url_key = ? WHERE id = ?",
        [(key, item_id) for item_id, key in keys.items()],
    )
    removed = db.execute("SELECT id, url_key FROM content_removed").fetchall()
    db.conn.executemany(
        "UPDATE content_removed SET url_key = ? WHERE id = ?",
        [(dedupe_key(f"https://{key}"), row_id) for row_id, key in removed],
    )


@migrations()
def hide_items_from_digests(db: Database) -> None:
    """Items the social media team keeps out of every digest (a story that turned sour, a
    wrong link), by id: a removed feed's story that comes back keeps its id, so it stays
    hidden. The title is kept for the list of hidden items, and where it was hidden from
    (`slack`, `teams`, `console`, `command line`), not by whom: nothing personal to forget."""
    db.execute(
        """CREATE TABLE content_hidden (
            item_id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            hidden_at REAL NOT NULL,
            hidden_via TEXT NOT NULL
        )"""
    )


@migrations()
def keep_removed_titles(db: Database) -> None:
    """The titles of removed feeds' items: the figures still name what people got and shared
    by its title, not by an id (review11a M16)."""
    db.execute("CREATE TABLE content_removed_titles (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")


@migrations()
def keep_declared_languages(db: Database) -> None:
    """The language an item's feed declares for it (RSS `<language>`, Atom `xml:lang`, a JSON
    Feed's `language`), and a feed's own (or its page's `<html lang>`): a short headline's words
    tell too little to frame its suggested posts in the right language (review17a M6). Stored
    items get theirs at their feed's next fetch, a whole one: a conditional request a feed
    answers "304 Not Modified" would read no declaration (review17b R1)."""
    db.execute("ALTER TABLE content_items ADD COLUMN language TEXT")
    db.execute("ALTER TABLE content_feeds ADD COLUMN language TEXT")
    db.execute("UPDATE content_feeds SET etag = NULL, last_modified = NULL")


@migrations()
def remember_moves(db: Database) -> None:
    """Where a feed was before it moved for good (a permanent redirect) and when: its address
    is updated, and `feeds list` says so (review17a M7)."""
    db.execute("ALTER TABLE content_feeds ADD COLUMN moved_from TEXT")
    db.execute("ALTER TABLE content_feeds ADD COLUMN moved_at REAL")


@dataclass(frozen=True, slots=True)
class StoredFeed:
    """A feed row, with its item count."""

    id: int
    url: str
    source_url: str
    kind: Kind
    origin: str
    enabled: bool
    title: str | None
    site_url: str | None
    added_at: datetime
    seeded: bool
    etag: str | None
    last_modified: str | None
    last_fetch_at: datetime | None
    last_success_at: datetime | None
    status: str
    error: str | None
    warning: str | None
    failures: int
    item_count: int
    moved_from: str | None = None  # its address before it moved for good, if it did
    moved_at: datetime | None = None

    @property
    def name(self) -> str:
        """What logs and screens call the feed: its title, else its URL with query values
        masked."""
        return self.title or shown_url(self.url)

    def as_json(self) -> dict[str, Any]:
        """The feed as JSON-ready values (times as ISO 8601)."""
        return {
            name: value.isoformat() if isinstance(value, datetime) else value
            for name, value in ((n, getattr(self, n)) for n in self.__slots__)
            if name not in ("etag", "last_modified")
        }


@dataclass(frozen=True, slots=True)
class StoredItem:
    """An item as the digest needs it: what to show, where it comes from, how fresh it is."""

    id: int
    feed_id: int
    feed_title: str
    kind: Kind
    guid: str
    title: str
    link: str
    summary: str
    image: str | None
    tags: tuple[str, ...]
    published: datetime | None
    fresh_at: datetime
    language: str | None = None  # as its feed declares it (None: the feed is silent)


def _time(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def _stamp(value: datetime) -> float:
    return value.timestamp()


_FEED_SELECT = """SELECT f.*, (SELECT count(*) FROM content_items i WHERE i.feed_id = f.id)
    AS item_count FROM content_feeds f"""


def _feed(row: dict[str, Any]) -> StoredFeed:
    return StoredFeed(
        id=row["id"],
        url=row["url"],
        source_url=row["source_url"],
        kind=row["kind"],
        origin=row["origin"],
        enabled=bool(row["enabled"]),
        title=row["title"],
        site_url=row["site_url"],
        added_at=datetime.fromtimestamp(row["added_at"], UTC),
        seeded=bool(row["seeded"]),
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_fetch_at=_time(row["last_fetch_at"]),
        last_success_at=_time(row["last_success_at"]),
        status=row["status"],
        error=row["error"],
        warning=row["warning"],
        failures=row["failures"],
        item_count=row["item_count"],
        moved_from=row["moved_from"],
        moved_at=_time(row["moved_at"]),
    )


def list_feeds(db: Database, *, enabled_only: bool = False) -> list[StoredFeed]:
    """Every feed, oldest first."""
    where = " WHERE f.enabled = 1" if enabled_only else ""
    return [_feed(row) for row in db.query(f"{_FEED_SELECT}{where} ORDER BY f.id")]


@dataclass(frozen=True)
class FailingFeed:
    """An enabled feed that has failed for more than a day: which, when it was last read
    (None: never), and why."""

    id: int
    name: str
    read: datetime | None
    error: str


def failing_feeds(db: Database, now: datetime) -> list[FailingFeed]:
    """Each enabled feed that has failed for more than a day (on `/healthz` and in the
    insights, in words of handlers/insights/views.py `failing_line`)."""
    return [
        FailingFeed(feed.id, feed.name, feed.last_success_at, feed.error or "")
        for feed in list_feeds(db, enabled_only=True)
        if feed.status == "error"
        and now - (feed.last_success_at or feed.added_at) > FAILING_LISTED_AFTER
    ]


def get_feed(db: Database, url_or_id: str | int) -> StoredFeed:
    """The feed with this id, feed URL or source URL; `FeedNotFoundError` when none."""
    # Surrogates (undecodable command-line bytes) cannot reach SQLite; they match nothing anyway.
    text = str(url_or_id).strip().encode("utf-8", "replace").decode("utf-8")
    if (feed_id := row_id(text)) is not None:
        rows = list(db.query(f"{_FEED_SELECT} WHERE f.id = ?", [feed_id]))
    else:
        try:
            url = canonical_url(text) if "://" in text else text
        except ValueError:  # not a URL urllib can split ("http://[::1/"): matched as written
            url = text
        rows = list(
            db.query(
                f"{_FEED_SELECT} WHERE f.url IN (?, ?) OR f.source_url IN (?, ?) ORDER BY f.id",
                [text, url, text, url],
            )
        )
    if not rows:
        raise FeedNotFoundError(f"no feed matches {text!r}")
    return _feed(rows[0])


def find_feed(db: Database, url: str) -> StoredFeed | None:
    """The feed stored under this feed or source URL, if any."""
    try:
        return get_feed(db, url)
    except FeedNotFoundError:
        return None


def insert_feed(
    db: Database,
    url: str,
    *,
    source_url: str | None = None,
    kind: Kind = "company",
    origin: str = "manual",
    title: str | None = None,
    site_url: str | None = None,
    now: datetime | None = None,
) -> StoredFeed:
    """Add a feed row (not fetched yet); `FeedExistsError` when the URL is already there."""
    if find_feed(db, url) is not None:
        raise FeedExistsError(f"the feed {url} is already added")
    now = now or datetime.now(UTC)
    cursor = db.execute(
        """INSERT INTO content_feeds (url, source_url, kind, origin, title, site_url, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [url, source_url or url, kind, origin, title, site_url, _stamp(now)],
    )
    assert cursor.lastrowid is not None
    return get_feed(db, cursor.lastrowid)


def awaiting_first_fetch(db: Database) -> bool:
    """Whether an enabled feed has never been fetched yet (a new install, a feed just added)."""
    row = db.execute(
        "SELECT 1 FROM content_feeds WHERE enabled = 1 AND last_fetch_at IS NULL LIMIT 1"
    ).fetchone()
    return row is not None


def update_feed(db: Database, feed_id: int, **values: Any) -> None:
    """Set columns of one feed (kind, enabled, url...)."""
    if values:
        columns = ", ".join(f"{name} = ?" for name in values)
        db.execute(f"UPDATE content_feeds SET {columns} WHERE id = ?", [*values.values(), feed_id])


def record_move(db: Database, feed_id: int, url: str, now: datetime) -> None:
    """Note that a feed moved for good to `url`: its address from now on."""
    db.execute(
        "UPDATE content_feeds SET moved_from = url, url = ?, moved_at = ? WHERE id = ?",
        [url, _stamp(now), feed_id],
    )


def remove_feed(db: Database, url_or_id: str | int, now: datetime | None = None) -> StoredFeed:
    """Delete a feed and its items (its fresh stories are remembered, see
    `remember_removed_stories`); returns what was removed."""
    feed = get_feed(db, url_or_id)
    oldest = _stamp((now or datetime.now(UTC)) - DEFAULT_MAX_AGE)
    rows = db.execute(
        "SELECT id, url_key, title, published_at, fresh_at, suggest FROM content_items"
        " WHERE feed_id = ? AND fresh_at >= ?",
        [feed.id, oldest],
    ).fetchall()
    with db.atomic():
        db.execute("DELETE FROM content_removed WHERE fresh_at < ?", [oldest])
        db.conn.executemany(
            "INSERT OR REPLACE INTO content_removed VALUES (?, ?, ?, ?, ?, ?)",
            [(i, key, _title_key(title), *rest) for i, key, title, *rest in rows],
        )
        db.execute(
            "INSERT OR REPLACE INTO content_removed_titles SELECT id, title FROM content_items"
            " WHERE feed_id = ?",
            [feed.id],
        )
        db.execute("DELETE FROM content_items WHERE feed_id = ?", [feed.id])
        db.execute("DELETE FROM content_feeds WHERE id = ?", [feed.id])
    return feed


def record_failure(db: Database, feed_id: int, error: str, now: datetime) -> None:
    """Note a failed fetch; the feed's items and validators stay as they were."""
    db.execute(
        """UPDATE content_feeds SET status = 'error', error = ?, last_fetch_at = ?,
           failures = failures + 1 WHERE id = ?""",
        [error, _stamp(now), feed_id],
    )


def record_not_modified(
    db: Database, feed_id: int, now: datetime, etag: str | None, last_modified: str | None
) -> None:
    """Note a 304: nothing new, the feed is healthy."""
    db.execute(
        """UPDATE content_feeds SET status = 'not_modified', error = NULL, last_fetch_at = ?,
           last_success_at = ?, failures = 0, etag = ?, last_modified = ? WHERE id = ?""",
        [_stamp(now), _stamp(now), etag, last_modified, feed_id],
    )


def record_success(
    db: Database,
    feed: StoredFeed,
    parsed: ParsedFeed,
    now: datetime,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
) -> int:
    """Store a fetched feed's items and status in one transaction; returns how many are new."""
    with db.atomic():
        new = store_items(db, feed, parsed.items, now)
        warning = parsed.warning
        if parsed.skipped:
            note = f"{parsed.skipped} entries skipped (no link or duplicate id)"
            warning = f"{warning}; {note}" if warning else note
        db.execute(
            """UPDATE content_feeds SET status = 'ok', error = NULL, warning = ?,
               last_fetch_at = ?, last_success_at = ?, failures = 0, seeded = 1, etag = ?,
               last_modified = ?, title = coalesce(nullif(?, ''), title),
               site_url = coalesce(?, site_url), language = coalesce(?, language)
               WHERE id = ?""",
            [
                warning,
                _stamp(now),
                _stamp(now),
                etag,
                last_modified,
                parsed.title,
                parsed.site_url,
                parsed.language,
                feed.id,
            ],
        )
    return new


def store_items(db: Database, feed: StoredFeed, items: Sequence[ParsedItem], now: datetime) -> int:
    """Insert the items not yet known (by guid in this feed, or by canonical URL anywhere, or as
    a story the feed holds under another link); returns how many are new."""
    seeding = not feed.seeded
    added = _stamp(feed.added_at)
    keep: set[str] = set()
    if seeding:
        newest = sorted(
            items, key=lambda i: i.published or datetime.min.replace(tzinfo=UTC), reverse=True
        )
        keep = {item.guid for item in newest[:SEED_SUGGESTIONS]}
    guids = {item.guid for item in items}
    seen_at = _stamp(now)
    new = moved = 0
    for position, item in enumerate(items):
        if not seeding and _moved(db, feed.id, item, guids, now):
            moved += 1
            continue
        removed = _removed_story(db, item) if seeding else None
        published = _stamp(item.published) if item.published else None
        # An undated item counts from when it was first read (the bundled sample has no dates,
        # so the demo stays fresh whatever the date); a second apart, in the feed's own order.
        undated = (added if seeding else seen_at) - position * UNDATED_STEP
        if seeding:
            # History is older than the feed's addition, whatever the feed claims.
            fresh = min(published or undated, added)
        else:
            fresh = min(published, seen_at) if published is not None else undated
        suggest = 0 if seeding and item.guid not in keep else 1
        if removed is not None:  # a removed feed's story: its id, freshness and history again
            fresh, suggest = removed[1:]
        cursor = db.execute(
            """INSERT OR IGNORE INTO content_items (id, feed_id, guid, url, url_key, title,
               summary, image, tags, published_at, first_seen_at, fresh_at, suggest, language)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                None if removed is None else removed[0],
                feed.id,
                item.guid,
                item.link,
                dedupe_key(item.link),
                item.title,
                item.summary,
                item.image,
                json.dumps(list(item.tags)),
                published,
                seen_at,
                fresh,
                suggest,
                item.language,
            ],
        )
        if cursor.rowcount:
            new += 1 if suggest else 0
        else:
            # A known item may fix a typo or gain an image (or the language its feed now
            # declares); its dates and freshness stay put.
            db.execute(
                """UPDATE content_items SET title = ?, summary = ?, image = coalesce(?, image),
                   language = ? WHERE feed_id = ? AND guid = ?""",
                [item.title, item.summary, item.image, item.language, feed.id, item.guid],
            )
    if moved:
        log.info("feed %s: %d items changed link (same titles and dates: not new)", feed.id, moved)
    return new


def _removed_story(db: Database, item: ParsedItem) -> tuple[int, float, int] | None:
    """(id, freshness, suggest) of the removed feed's story `item` is, by link or by title and
    date (either undated: by title), taken out of the remembered ones; None when none."""
    published = _stamp(item.published) if item.published else None
    row = db.execute(
        """SELECT id, fresh_at, suggest FROM content_removed WHERE url_key = :key
           OR (title_key = :title AND :title != '' AND (:at IS NULL OR published_at IS NULL
               OR abs(published_at - :at) <= :near))
           ORDER BY url_key = :key DESC LIMIT 1""",
        {"key": dedupe_key(item.link), "title": _title_key(item.title), "at": published,
         "near": SAME_TIME},
    ).fetchone()  # fmt: skip
    if row is None:
        return None
    db.execute("DELETE FROM content_removed WHERE id = ?", [row[0]])
    return int(row[0]), float(row[1]), int(row[2])


def _title_key(title: str) -> str:
    """A title as compared across a blog's moves: case, punctuation and spacing aside."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", title).casefold()))


def _moved(
    db: Database, feed_id: int, item: ParsedItem, guids: Collection[str], now: datetime
) -> bool:
    """Whether `item` is a story the feed holds under another guid and link that it no longer
    lists (a CMS migration, a move to https): that item then takes the new guid and link and
    keeps its id, freshness and history. A same-titled item with another date is another story
    (a weekly post), and so is one the feed still lists."""
    key, title = dedupe_key(item.link), _title_key(item.title)
    if not title:
        return False
    known = db.execute(
        "SELECT 1 FROM content_items WHERE (feed_id = ? AND guid = ?) OR url_key = ?",
        [feed_id, item.guid, key],
    ).fetchone()
    if known is not None:
        return False
    published = _stamp(item.published) if item.published else None
    rows = db.execute(
        """SELECT id, guid, title FROM content_items WHERE feed_id = ? AND (
               abs(published_at - ?) <= ? OR ((? IS NULL OR published_at IS NULL) AND fresh_at >= ?)
           ) ORDER BY fresh_at DESC, id DESC""",
        [feed_id, published, SAME_TIME, published, _stamp(now - DEFAULT_MAX_AGE)],
    )
    old = next((i for i, guid, t in rows if guid not in guids and _title_key(t) == title), None)
    if old is None:
        return False
    db.execute(
        """UPDATE content_items SET guid = ?, url = ?, url_key = ?, title = ?, summary = ?,
           image = coalesce(?, image), language = ? WHERE id = ?""",
        [item.guid, item.link, key, item.title, item.summary, item.image, item.language, old],
    )
    return True


# An item with what `_item` reads of its feed (an item its feed declares no language for has
# the feed's own, or its page's).
_ITEM_COLUMNS = """i.*, f.title AS feed_title, f.url AS feed_url, f.kind AS kind,
    coalesce(i.language, f.language) AS declared"""
# An item the team hid never goes out again (`hide_item`).
_NOT_HIDDEN = "NOT EXISTS (SELECT 1 FROM content_hidden h WHERE h.item_id = i.id)"


def candidate_items(
    db: Database,
    *,
    since: datetime,
    exclude_ids: Collection[int] = (),
    limit: int = 500,
) -> list[StoredItem]:
    """Suggestable items of enabled feeds fresher than `since`, freshest first."""
    rows = db.query(
        f"""SELECT {_ITEM_COLUMNS} FROM content_items i JOIN content_feeds f ON f.id = i.feed_id
           WHERE i.suggest = 1 AND f.enabled = 1 AND i.fresh_at >= ? AND {_NOT_HIDDEN}
           ORDER BY i.fresh_at DESC, i.id DESC LIMIT ?""",
        [_stamp(since), limit + len(exclude_ids)],
    )
    excluded = set(exclude_ids)
    found = [_item(row) for row in rows if row["id"] not in excluded]
    return found[:limit]


def newest_item_at(db: Database) -> datetime | None:
    """When the freshest suggestable item of an enabled feed was new, if there is one."""
    (newest,) = db.execute(
        f"""SELECT max(i.fresh_at) FROM content_items i JOIN content_feeds f ON f.id = i.feed_id
           WHERE i.suggest = 1 AND f.enabled = 1 AND {_NOT_HIDDEN}"""
    ).fetchone()
    return _time(newest)


def get_items(db: Database, ids: Collection[int]) -> list[StoredItem]:
    """The items with these ids (any order)."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = db.query(
        f"""SELECT {_ITEM_COLUMNS} FROM content_items i JOIN content_feeds f ON f.id = i.feed_id
            WHERE i.id IN ({marks})""",
        list(ids),
    )
    return [_item(row) for row in rows]


def item_titles(db: Database, ids: Collection[int]) -> dict[int, str]:
    """The titles of the items with these ids, those of removed feeds' items too."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        f"""SELECT id, title FROM content_removed_titles WHERE id IN ({marks})
            UNION ALL SELECT id, title FROM content_items WHERE id IN ({marks})""",
        [*ids, *ids],
    )
    return {int(item_id): str(title) for item_id, title in rows}  # a stored item's last


def prune_removed_titles(db: Database) -> int:
    """Forget the kept titles of removed feeds' items that no figure names any more: not
    offered in a digest the insights still count (`digest_offered`), never shared
    (`share_clicks`, counted for good); returns how many. A feed's history of items never
    suggested goes at once."""
    cursor = db.execute(
        "DELETE FROM content_removed_titles WHERE id NOT IN (SELECT item_id FROM digest_offered)"
        " AND NOT EXISTS (SELECT 1 FROM share_clicks c"
        " WHERE c.subject = 'item:' || content_removed_titles.id)"
    )
    return int(cursor.rowcount)


def _item(row: dict[str, Any]) -> StoredItem:
    return StoredItem(
        id=row["id"],
        feed_id=row["feed_id"],
        feed_title=row["feed_title"] or shown_url(row["feed_url"]),
        kind=row["kind"],
        guid=row["guid"],
        title=row["title"],
        link=row["url"],
        summary=row["summary"],
        image=row["image"],
        tags=tuple(json.loads(row["tags"])),
        published=_time(row["published_at"]),
        fresh_at=datetime.fromtimestamp(row["fresh_at"], UTC),
        language=row["declared"],
    )


@dataclass(frozen=True, slots=True)
class ListedItem:
    """An item as the team lists it to pick one to hide: id, title, feed, when, hidden."""

    id: int
    title: str
    feed: str
    link: str
    fresh_at: datetime
    hidden: bool


@dataclass(frozen=True, slots=True)
class HiddenItem:
    """An item kept out of every digest: when, and where from (chat platform or command line)."""

    id: int
    title: str
    hidden_at: datetime
    hidden_via: str


def recent_items(db: Database, limit: int = 20) -> list[ListedItem]:
    """The freshest items of the enabled feeds digests may hold (and the hidden ones among
    them), freshest first."""
    rows = db.query(
        f"""SELECT i.id, i.title, i.url, i.fresh_at, f.title AS feed_title, f.url AS feed_url,
                NOT {_NOT_HIDDEN} AS hidden
            FROM content_items i JOIN content_feeds f ON f.id = i.feed_id
            WHERE i.suggest = 1 AND f.enabled = 1
            ORDER BY i.fresh_at DESC, i.id DESC LIMIT ?""",
        [limit],
    )
    return [
        ListedItem(
            id=row["id"],
            title=row["title"],
            feed=row["feed_title"] or shown_url(row["feed_url"]),
            link=row["url"],
            fresh_at=datetime.fromtimestamp(row["fresh_at"], UTC),
            hidden=bool(row["hidden"]),
        )
        for row in rows
    ]


def _typed_item(id_or_link: str) -> tuple[str, int | None]:
    """An item as typed: the text, and the number it gives (None for a link)."""
    text = id_or_link.strip().removeprefix("#").encode("utf-8", "replace").decode("utf-8")
    return text, row_id(text)


def _link_key(link: str) -> str:
    """The story key of a link as typed (a scheme is optional); "" for no link."""
    try:
        return dedupe_key(link if "://" in link else f"https://{link}")
    except ValueError:
        return ""


def find_item(db: Database, id_or_link: str) -> StoredItem:
    """The item with this id, or whose link is this story's; `ItemNotFoundError` when none."""
    text, item_id = _typed_item(id_or_link)
    if item_id is None:
        key = _link_key(text)
        row = db.execute("SELECT id FROM content_items WHERE url_key = ?", [key]).fetchone()
        item_id = row[0] if row else None
    found = get_items(db, [item_id]) if item_id is not None else []
    if not found:
        raise ItemNotFoundError(f"no item matches {quoted(text)}: give its number or its link")
    return found[0]


def hide_item(db: Database, item: StoredItem, via: str, now: datetime) -> bool:
    """Keep `item` out of every digest from now on; False when it was hidden already."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO content_hidden (item_id, title, hidden_at, hidden_via)"
        " VALUES (?, ?, ?, ?)",
        [item.id, item.title, _stamp(now), via],
    )
    return bool(cursor.rowcount)


def unhide_item(db: Database, id_or_link: str) -> HiddenItem:
    """Let a hidden item (by its id, or its link: a removed feed's fresh stories' are known)
    into digests again; `ItemNotFoundError` when it is not hidden."""
    text, item_id = _typed_item(id_or_link)
    if item_id is None:
        key = _link_key(text)
        row = db.execute(
            "SELECT id FROM content_items WHERE url_key = ?"
            " UNION ALL SELECT id FROM content_removed WHERE url_key = ?",
            [key, key],
        ).fetchone()
        if row is None:
            raise ItemNotFoundError(
                f"no item matches {quoted(text)}: give its number (the hidden ones are listed)"
            )
        item_id = int(row[0])
    hidden = next((h for h in hidden_items(db) if h.id == item_id), None)
    if hidden is None:
        raise ItemNotFoundError(f"item {item_id} is not hidden")
    db.execute("DELETE FROM content_hidden WHERE item_id = ?", [item_id])
    return hidden


def hidden_items(db: Database) -> list[HiddenItem]:
    """The items kept out of the digests, the latest hidden first."""
    rows = db.execute(
        "SELECT item_id, title, hidden_at, hidden_via FROM content_hidden"
        " ORDER BY hidden_at DESC, item_id DESC"
    )
    return [
        HiddenItem(item_id, title, datetime.fromtimestamp(at, UTC), via)
        for item_id, title, at, via in rows
    ]
