"""The feeds in chat, for the social media team (review11a M9): `/socialbot feeds` lists,
adds and removes feeds, lists the items digests may hold, and hides one from every digest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from content_feed import store
from content_feed.canonical import shown_url
from content_feed.errors import FeedError, FeedNotFoundError
from content_feed.kinds import KINDS, Kind
from content_feed.manage import add_feed, is_sample
from handlers.command_words import typed
from handlers.commands import Subcommand
from handlers.core import Core
from handlers.digest.capability import Digest
from handlers.errors import UserError
from handlers.people import Person, Role
from handlers.reports.links import bare
from handlers.views import Message, moment, untrusted

if TYPE_CHECKING:
    from sqlite_utils import Database

MANAGERS_ONLY = "Only the social media managers manage the feeds."
ITEMS_LISTED = 20
USAGE = (
    "`{c} feeds` lists the feeds; `{c} feeds add URL [industry]`, `{c} feeds remove NUMBER`;"
    " `{c} feeds items` lists what digests may hold, `{c} feeds hide NUMBER or LINK` keeps an"
    " item out of every digest from now on, `{c} feeds unhide NUMBER`, `{c} feeds hidden`."
)


@dataclass(frozen=True)
class Hidden:
    """What hiding an item did: the item, whether it is hidden now (False: it was already),
    and how many digests waiting in the delivery queue it was taken out of."""

    item: store.StoredItem
    fresh: bool
    waiting: int


async def hide(digest: Digest, id_or_link: str, via: str) -> Hidden:
    """Keep an item (its number, or its link however a chat hands it over) out of every digest
    from now on, those waiting in the delivery queue too; `via` says where from."""
    item = store.find_item(digest.db, bare(id_or_link))
    now = digest.clock()
    fresh = store.hide_item(digest.db, item, via, now)
    return Hidden(item, fresh, await digest.withdraw_item(item.id, now) if fresh else 0)


def unhide(db: Database, id_or_link: str) -> store.HiddenItem:
    """Let a hidden item (its number, or its link) into digests again."""
    return store.unhide_item(db, bare(id_or_link))


def remove(db: Database, url_or_id: str) -> tuple[store.StoredFeed, str]:
    """Remove a feed (its number or address) and its items: the feed, and what becomes of it
    at the next start ("" when nothing)."""
    feed = store.remove_feed(db, bare(url_or_id))
    if is_sample(feed):
        return feed, (
            "The bundled sample comes back at the next start unless a feed is added or"
            " SOCIALBOT_FEEDS names some."
        )
    if feed.origin == "settings":
        return feed, (
            "It is listed in SOCIALBOT_FEEDS, so it comes back at the next start unless it is"
            " taken out of that setting."
        )
    return feed, ""


class Feeds:
    """The feeds capability; `register` puts it on the core."""

    def __init__(self, core: Core, digest: Digest, *, allow_private: bool) -> None:
        self.core = core
        self.db = core.db
        self.digest = digest
        self.allow_private = allow_private

    def register(self, core: Core) -> None:
        """Add `/socialbot feeds`."""
        core.socialbot.add(
            Subcommand(
                "feeds",
                "for managers: feeds and their items, hide one from digests",
                self._run,
                role=Role.MANAGER,
            )
        )

    async def _run(self, person: Person, text: str) -> Message:
        if not person.has(Role.MANAGER):
            raise UserError(MANAGERS_ONLY)
        word, _, rest = text.partition(" ")
        word, rest = word.lower(), rest.strip()
        try:
            if word in ("", "list"):
                return Message(self._list(person))
            if word == "add":
                return Message(await self._add(person, rest))
            if word == "remove" and rest:
                feed, after = remove(self.db, rest)
                return Message(
                    f"Removed feed {feed.id}: {untrusted(feed.name)} ({feed.item_count} items)."
                    + (f" {after}" if after else "")
                )
            if word == "items":
                return Message(self._items(person))
            if word == "hide" and rest:
                return Message(await self._hide(person, rest))
            if word == "unhide" and rest:
                hidden = unhide(self.db, rest)
                return Message(
                    f"Item {hidden.id} (“{untrusted(hidden.title)}”) may be suggested again."
                )
            if word == "hidden":
                return Message(self._hidden())
        except FeedError as error:
            said = untrusted(str(error))
            if isinstance(error, FeedNotFoundError):
                said += f"; `{typed(person.platform, 'socialbot', 'feeds')}` lists them"
            raise UserError(f"{said[:1].upper()}{said[1:]}.") from None
        raise UserError(USAGE.format(c=typed(person.platform, "socialbot")))

    def _list(self, person: Person) -> str:
        feeds = store.list_feeds(self.db)
        if not feeds:
            return "No feeds yet. " + USAGE.format(c=typed(person.platform, "socialbot"))
        lines = [f"**{len(feeds)} feed(s)**"]
        for feed in feeds:
            state = feed.status if feed.enabled else "off"
            sample = " (the bundled sample)" if is_sample(feed) else ""
            lines.append(
                f"- **{feed.id}** {untrusted(feed.name)}{sample} [{feed.kind}] · {state} ·"
                f" {feed.item_count} items · {untrusted(shown_url(feed.url))}"
            )
            if feed.error:
                lines.append(f"    failing: {untrusted(feed.error)}")
        lines.append(USAGE.format(c=typed(person.platform, "socialbot")))
        return "\n".join(lines)

    async def _add(self, person: Person, rest: str) -> str:
        words = rest.split()
        kinds: list[Kind] = [k for k in KINDS if k in (w.lower() for w in words[1:])]
        if not words or len(words) > 2 or len(words) != 1 + len(kinds):
            example = typed(person.platform, "socialbot", "feeds add https://blog.example.com")
            raise UserError(f"Give one feed or blog address, then `industry` if so: `{example}`.")
        added = await add_feed(
            self.db, bare(words[0]), kinds[0] if kinds else "company",
            allow_private=self.allow_private,
        )  # fmt: skip
        feed = added.feed
        found = f" (found on {untrusted(shown_url(feed.source_url))})" if added.discovered else ""
        said = [
            f"Added feed {feed.id}: {untrusted(feed.name)} [{feed.kind}]{found}:"
            f" {feed.item_count} items stored; {added.what_comes()}"
        ]
        if feed.warning:
            said.append(f"Note: {untrusted(feed.warning)}")
        if added.sample_off:
            said.append("The bundled sample feed is now off: digests draw on your feeds.")
        return "\n".join(said)

    def _items(self, person: Person) -> str:
        items = store.recent_items(self.db, ITEMS_LISTED)
        if not items:
            return "No feed holds an item to suggest."
        hide = typed(person.platform, "socialbot", "feeds hide NUMBER")
        lines = [f"**The {len(items)} freshest items of the feeds** (`{hide}` keeps one out):"]
        for item in items:
            hidden = " · _hidden_" if item.hidden else ""
            lines.append(
                f"- **{item.id}** {untrusted(item.title)} · {untrusted(item.feed)} ·"
                f" {moment(item.fresh_at.timestamp())}{hidden}"
            )
        return "\n".join(lines)

    async def _hide(self, person: Person, rest: str) -> str:
        hidden = await hide(self.digest, rest, person.platform)
        item, title = hidden.item, untrusted(hidden.item.title)
        if not hidden.fresh:
            return f"Item {item.id} (“{title}”) is hidden already."
        undo = typed(person.platform, "socialbot", f"feeds unhide {item.id}")
        return (
            f"Item {item.id} (“{title}”) is kept out of every digest from now on"
            + (f", taken out of {hidden.waiting} still waiting to go out" if hidden.waiting else "")
            + f"; the digests that held it stay counted. Undo: `{undo}`."
        )

    def _hidden(self) -> str:
        hidden = store.hidden_items(self.db)
        if not hidden:
            return "No item is hidden."
        lines = [f"**{len(hidden)} item(s) kept out of the digests:**"]
        lines += [
            f"- **{h.id}** {untrusted(h.title)} · hidden {moment(h.hidden_at.timestamp())}"
            for h in hidden
        ]
        return "\n".join(lines)
