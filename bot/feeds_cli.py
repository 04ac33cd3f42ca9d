"""`socialbot feeds`: add, list, remove and refresh the feeds the digest draws from."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from bot.cli_support import echo_json_lines, runtime_or_exit, settings_or_exit
from content_feed.canonical import shown_url
from content_feed.errors import FeedError, FeedNotFoundError
from content_feed.kinds import KINDS, Kind

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bot.settings import Settings


@contextmanager
def _database(reads_only: bool = False) -> Iterator[tuple[Settings, Database]]:
    runtime = runtime_or_exit(settings_or_exit(), reads_only=reads_only)
    try:
        yield runtime.settings, runtime.db
    finally:
        runtime.db.close()


def _fail(error: FeedError) -> None:
    hint = "; see 'socialbot feeds list'" if isinstance(error, FeedNotFoundError) else ""
    click.echo(f"Error: {error}{hint}", err=True)
    sys.exit(1)


def _ago(moment: datetime | None) -> str:
    if moment is None:
        return "never"
    seconds = int((datetime.now(UTC) - moment).total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return "just now"


@click.group("feeds")
def feeds() -> None:
    """Manage the company and industry feeds the daily suggestions come from."""


@feeds.command("add")
@click.argument("url")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="company",
    show_default=True,
    help="Company news or industry reading.",
)
def add(url: str, kind: Kind) -> None:
    """Add a feed, or a blog page whose feed is discovered; fetches it once."""
    from content_feed.manage import add_feed

    with _database() as (settings, db):
        try:
            added = asyncio.run(
                add_feed(
                    db, url, kind, allow_private=settings.allow_private_feeds, allow_files=True
                )
            )
        except FeedError as error:
            _fail(error)
            return
    feed = added.feed
    found = f" (discovered from {feed.source_url})" if added.discovered else ""
    click.echo(f"Added feed {feed.id}: {feed.name} [{feed.kind}]{found}")
    click.echo(f"{feed.item_count} items stored; {added.what_comes()}")
    if feed.warning:
        click.echo(f"Note: {feed.warning}")
    if added.sample_off:
        click.echo("The bundled sample feed (Example Corp) is now off: digests draw on your feeds.")


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per feed and line.")
def list_(as_json: bool) -> None:
    """List the feeds with their last fetch status, error and item counts."""
    from content_feed import store
    from content_feed.manage import is_sample

    with _database(reads_only=True) as (_, db):
        rows = store.list_feeds(db)
    none = "No feeds yet. Add one with: socialbot feeds add URL"
    if as_json:
        echo_json_lines((feed.as_json() for feed in rows), none)
        return
    if not rows:
        click.echo(none)
        return
    for feed in rows:
        state = feed.status if feed.enabled else "disabled"
        click.echo(
            f"{feed.id:>4}  {feed.kind:<8}  {state:<12}  {feed.item_count:>5} items  "
            f"{_ago(feed.last_fetch_at):>10}  {feed.title or '-'}"
            + (" (sample)" if is_sample(feed) else "")
        )
        click.echo(f"      {shown_url(feed.url)}")
        if feed.moved_from and feed.moved_at:
            click.echo(
                f"      moved here from {shown_url(feed.moved_from)} on {feed.moved_at:%Y-%m-%d}"
                " (a permanent redirect)"
            )
        if feed.error:
            click.echo(f"      error: {feed.error}")
        elif feed.warning:
            click.echo(f"      note: {feed.warning}")


@feeds.command("remove")
@click.argument("url_or_id")
def remove(url_or_id: str) -> None:
    """Remove a feed (by URL or id) and its items."""
    from handlers import feeds

    with _database() as (_, db):
        try:
            feed, after = feeds.remove(db, url_or_id)
        except FeedError as error:
            _fail(error)
            return
    click.echo(f"Removed feed {feed.id}: {feed.name} ({feed.item_count} items)")
    if after:
        click.echo(after)


@feeds.command("refresh")
def refresh() -> None:
    """Fetch every enabled feed now, with a progress bar."""
    from content_feed import store
    from content_feed.refresh import FeedOutcome, refresh_all

    with _database() as (settings, db):
        count = len(store.list_feeds(db, enabled_only=True))
        if not count:
            click.echo("No feeds to refresh.")
            return
        with click.progressbar(length=count, label="Refreshing feeds", file=sys.stderr) as bar:

            def advance(_: FeedOutcome) -> None:
                bar.update(1)

            outcomes = asyncio.run(
                refresh_all(db, allow_private=settings.allow_private_feeds, progress=advance)
            )
    new = sum(outcome.new_items for outcome in outcomes)
    failed = [outcome for outcome in outcomes if outcome.status == "error"]
    unchanged = sum(1 for outcome in outcomes if outcome.status == "not_modified")
    read = len(outcomes) - unchanged - len(failed)
    click.echo(
        f"{len(outcomes)} feeds: {read} read ({new} new items), {unchanged} unchanged,"
        f" {len(failed)} failed."
    )
    for outcome in outcomes:
        if outcome.moved_to is not None:
            click.echo(
                f"  feed {outcome.feed_id} moved to {shown_url(outcome.moved_to)} for good"
                " (a permanent redirect): its address is updated."
            )
    for outcome in failed:
        click.echo(f"  {shown_url(outcome.url)}: {outcome.error}", err=True)
    if failed:
        sys.exit(1)


@feeds.command("items")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per item and line.")
def items(limit: int, as_json: bool) -> None:
    """List the freshest items of the feeds, with the numbers `hide` takes."""
    from content_feed import store

    with _database(reads_only=True) as (_, db):
        rows = store.recent_items(db, limit)
    none = "No feed holds an item to suggest."
    if as_json:
        echo_json_lines(({**asdict(i), "fresh_at": i.fresh_at.isoformat()} for i in rows), none)
        return
    if not rows:
        click.echo(none)
        return
    for item in rows:
        hidden = "  (hidden)" if item.hidden else ""
        click.echo(f"{item.id:>6}  {item.fresh_at:%Y-%m-%d}  {item.title}{hidden}")
        click.echo(f"        {item.feed} · {item.link}")


@feeds.command("hide")
@click.argument("item")
def hide(item: str) -> None:
    """Keep an item (its number in `items`, or its link) out of every digest from now on."""
    from handlers import feeds

    runtime = runtime_or_exit(settings_or_exit())
    try:
        hidden = asyncio.run(feeds.hide(runtime.digest, item, "command line"))
    except FeedError as error:
        _fail(error)
        return
    finally:
        runtime.db.close()
    found = hidden.item
    if not hidden.fresh:
        click.echo(f"Item {found.id} is hidden already: {found.title}")
        return
    click.echo(f"Item {found.id} is kept out of every digest from now on: {found.title}")
    if hidden.waiting:
        click.echo(f"Taken out of {hidden.waiting} digests still waiting to go out.")
    click.echo(f"Undo with: socialbot feeds unhide {found.id}")


@feeds.command("unhide")
@click.argument("item")
def unhide(item: str) -> None:
    """Let a hidden item (its number, or its link) into digests again."""
    from handlers import feeds

    with _database() as (_, db):
        try:
            hidden = feeds.unhide(db, item)
        except FeedError as error:
            _fail(error)
            return
    click.echo(f"Item {hidden.id} may be suggested again: {hidden.title}")


@feeds.command("hidden")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per item and line.")
def hidden(as_json: bool) -> None:
    """List the items kept out of the digests."""
    from content_feed import store

    with _database(reads_only=True) as (_, db):
        rows = store.hidden_items(db)
    none = "No item is hidden."
    if as_json:
        echo_json_lines(({**asdict(h), "hidden_at": h.hidden_at.isoformat()} for h in rows), none)
        return
    if not rows:
        click.echo(none)
    for row in rows:
        when = f"{row.hidden_at:%Y-%m-%d %H:%M} UTC"
        click.echo(f"{row.id:>6}  hidden {when} ({row.hidden_via})  {row.title}")
