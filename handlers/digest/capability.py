"""The daily digest (issue 4): who gets which items when, and what they can do with them."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from itertools import combinations
from typing import Protocol
from zoneinfo import ZoneInfo

from content_feed.compose import UTM, Network, SuggestedPost, TextModel, Vet, compose
from content_feed.curate import DEFAULT_MAX_AGE
from content_feed.store import (
    StoredItem,
    awaiting_first_fetch,
    get_items,
    item_titles,
    prune_removed_titles,
)
from content_feed.text import row_id
from handlers.checks.text import name_pattern
from handlers.command_words import typed
from handlers.commands import Subcommand
from handlers.core import Core
from handlers.digest import ids, quiet
from handlers.digest.model import DigestPlan, Entry, ItemStats, Offer, Offers
from handlers.digest.preferences import read_preferences
from handlers.digest.quiet import Quiet
from handlers.digest.schedule import Plan, Schedule, next_due, on_time
from handlers.digest.select import choose, pool
from handlers.digest.store import DISLIKES_TO_DEMOTE, DigestStore, Preferences
from handlers.digest.views import (
    TOPICS_LIMIT,
    digest_message,
    home_section,
    muted_day,
    preferences_fields,
    preferences_form,
    stats_blocks,
    welcome,
)
from handlers.errors import UserError
from handlers.guidelines.language import written_in_near
from handlers.insights.leaderboard import joined, set_joined
from handlers.people import Person, Role
from handlers.texts import text_for
from handlers.views import (
    Actions,
    Block,
    Button,
    Context,
    Fields,
    Form,
    Message,
    Text,
    Values,
    untrusted,
)
from handlers.workdays import Holidays, Workdays, WorkingHours

log = logging.getLogger(__name__)
# Teams welcomes people as they install the app; Slack has no such moment, so a person's first
# digest there starts with a few lines saying what the bot is.
WELCOMED_IN_DIGEST = ("slack",)

# People handled per tick, the rest a minute later: above Slack's pace (600 a minute), so the
# engine is never starved, and each person yields to the event loop so acks stay prompt.
BATCH = 1000
MUTE_DAYS = 7  # a mute ends as the person's day starts a week on, whatever DST does between
POSTS_CACHED = 5000
SENT_ITEMS_KEPT = timedelta(days=60)  # items older than the freshness window are never offered
# Someone with nothing to get is looked at again this much later the same day (the feeds are
# refreshed hourly); the day is theirs until something is sent or its digest closes.
EMPTY_RETRY = timedelta(hours=1)
# A digest that failed (a bug, a message its platform cannot draw whatever is left out) is
# tried again this much later while its day's digest is open; then the person is told.
FAILED_RETRY = timedelta(minutes=30)
# A digest its platform cannot draw goes without the fewest items that stop it: up to this
# many left out at once (each try draws the digest again), else every item it cannot draw alone;
# others in their place when it held no more; planned again at most DRAW_ROUNDS times.
BLAMED_AT_MOST = 2
DRAW_ROUNDS = 10

# What `/socialbot digest` answers a person when no digest comes, by why (texts.py keys).
_QUIET_TEXTS = {
    quiet.Why.NO_FEEDS: "digest_no_feeds",
    quiet.Why.NOT_FETCHED: "digest_not_fetched",
    quiet.Why.NOTHING_FRESH: "digest_nothing_fresh",
    quiet.Why.ALL_SEEN: "digest_all_seen",
}
PLATFORMS = ("slack", "teams", "console")


@dataclass
class Queued:
    """What a send queued: the delivery keys (local dates), and how many people it looked at."""

    keys: set[str] = field(default_factory=set)
    considered: int = 0


class DigestSettings(Protocol):
    """The settings the digest reads (`bot.settings.Settings` has them all)."""

    @property
    def digest_time(self) -> time: ...
    @property
    def digest_days(self) -> Workdays: ...
    @property
    def holidays(self) -> Holidays: ...
    @property
    def digest_items(self) -> int: ...
    @property
    def digest_opt_in(self) -> bool: ...
    @property
    def include_guests(self) -> bool: ...
    @property
    def timezone(self) -> str: ...
    @property
    def utm(self) -> bool: ...
    @property
    def utm_campaign(self) -> str: ...
    @property
    def leaderboard(self) -> bool: ...
    @property
    def company_names(self) -> Sequence[str]: ...
    @property
    def reminder_hours(self) -> WorkingHours | None: ...


def plan_of(settings: DigestSettings) -> Plan:
    """When digests go out, from the settings."""
    return Plan(
        at=settings.digest_time,
        days=settings.digest_days,
        zone=ZoneInfo(settings.timezone),
        opt_in=settings.digest_opt_in,
        include_guests=settings.include_guests,
        holidays=settings.holidays,
    )


class Digest:
    """The digest capability; `register` puts it on the core."""

    def __init__(
        self,
        core: Core,
        settings: DigestSettings,
        *,
        model: TextModel | None = None,
        vet: Vet | None = None,
    ) -> None:
        self.core = core
        self.db = core.db
        self.store = DigestStore(core.db)
        self.plan = plan_of(settings)
        self.schedule = Schedule(core.db, self.store, self.plan)
        self.items = settings.digest_items
        self.utm = UTM(enabled=settings.utm, campaign=settings.utm_campaign)
        self.model = model
        self.vet = vet  # the bot's own check on a model's post (a feed item may hold orders)
        self.leaderboard = settings.leaderboard
        # Report reminders wait for each manager's workdays, unless they come at any time.
        self.reminders_wait = settings.reminder_hours is not None
        # The posts of the company's items, and of any naming it (press coverage, an award),
        # say the sharer works there (disclosure), as the bot's own check asks.
        self.employer = next(iter(settings.company_names), "")
        self.company = name_pattern(settings.company_names)
        self._offers: list[Offers] = []
        # Items no digest can carry (a link too long for a share button, a message the platform
        # refuses to draw): left out of everyone's digests, each logged once.
        self._undrawable: set[int] = set()
        # (item id, its text's hash, the person or "" with a model, network) → the post
        self._posts: dict[tuple[int, str, str, Network], SuggestedPost] = {}
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)  # tests move it

    def register(self, core: Core) -> None:
        """Add `/socialbot preferences`, the digest's buttons, form, home section and tick."""
        core.socialbot.add(
            Subcommand("preferences", "your daily digest: time, days, topics", self._command)
        )
        core.socialbot.add(Subcommand("digest", "today's digest, now", self._digest_now))
        core.socialbot.add(Subcommand("mute", "no digest for a week", self._mute))
        core.socialbot.add(Subcommand("unmute", "digests again after a mute", self._unmute))
        core.socialbot.add(Subcommand("stop", "no more digests", self._stop))
        core.on_form(
            ids.PREFERENCES_FORM,
            self._submitted,
            any_state=True,
            limits={ids.TOPICS: TOPICS_LIMIT},
        )
        core.on_action(ids.NOT_FOR_ME, self._not_for_me, any_value=True)
        core.on_action(ids.MUTE_WEEK, self._mute, any_value=True)
        core.on_action(ids.UNMUTE, self._unmute, any_value=True)
        core.on_action(ids.CHANGE_TIME, self._open_preferences, any_value=True)
        core.on_action(ids.OPEN_PREFERENCES, self._open_preferences, any_value=True)
        core.on_action(ids.STOP, self._stop, any_value=True)
        core.on_home(self._home)
        core.on_tick("digest", self.tick)
        core.on_day("prune digest items sent", self.prune_sent)
        core.on_day("prune removed feeds' titles", self.prune_titles)

    def offer(self, source: Offers) -> None:
        """Offer more than feed items in each digest (announcements to share, issue 7)."""
        self._offers.append(source)

    # -- what someone gets -----------------------------------------------------------------------

    def zone(self, platform: str, user_id: str) -> ZoneInfo:
        """The person's time zone: the platform's, else the workspace's."""
        return self.core.directory.zone_of(platform, user_id, self.plan.zone)

    async def plan_for(
        self, platform: str, user_id: str, now: datetime, items: Sequence[StoredItem] | None = None
    ) -> DigestPlan:
        """What the person would get at `now` (nothing is sent or recorded)."""
        await self.core.read_guidelines_language()  # the company's, for items' posts
        prefs = self.store.preferences(platform, user_id)
        candidates = pool(self.db, now) if items is None else items
        seen = self.store.seen(platform, user_id, now - DEFAULT_MAX_AGE)
        demoted = self.store.demoted_feeds(platform, user_id, now)
        variant = f"{platform}:{user_id}"
        entries: list[Entry] = []
        while len(entries) < self.items:  # again in place of an item left out
            chosen = choose(
                [item for item in candidates if item.id not in self._undrawable],
                now=now,
                seen={*seen, *(entry.item.id for entry in entries)},
                demoted_feeds=demoted,
                topics=prefs.topics,
                limit=self.items - len(entries),
            )
            if not chosen:
                break
            for item in chosen:
                posts = await self._compose(item, prefs.networks, variant)
                if any(post.share_link for post in posts.values()):
                    entries.append(Entry(item, posts))
                else:
                    self._leave_out(item.id, "its link is too long for a share button")
        offers: list[Offer] = [o for source in self._offers for o in source(platform, user_id, now)]
        return DigestPlan(
            platform,
            user_id,
            now.astimezone(self.zone(platform, user_id)).date(),
            tuple(entries),
            tuple(offers),
        )

    async def _compose(
        self, item: StoredItem, networks: tuple[Network, ...], variant: str
    ) -> dict[Network, SuggestedPost]:
        """Suggested posts, each made once per item and network while the item is unchanged
        (whatever networks each person chose); a model's texts do not vary by person,
        templates do."""
        text = f"{item.title} {item.summary}"
        # The feed's declared language, else the company's, when the item's words tell too little.
        language = written_in_near(text, item.language or self.core.company_language())
        version = hashlib.sha256(
            f"{item.title}\x1f{item.summary}\x1f{item.link}\x1f{language}".encode()
        )
        made = (item.id, version.hexdigest()[:16], "" if self.model else variant)
        missing = [n for n in networks if (*made, n) not in self._posts]
        if missing:
            if len(self._posts) + len(missing) > POSTS_CACHED:
                self._posts.clear()
                missing = list(networks)
            about = item.kind == "company" or self.company.search(text)
            employer = self.employer if about else ""
            posts = await compose(
                item, missing, model=self.model, utm=self.utm, variant=variant, vet=self.vet,
                employer=employer, language=language,
            )  # fmt: skip
            self._posts.update({(*made, n): post for n, post in posts.items()})
        return {n: self._posts[(*made, n)] for n in networks}

    # -- the clock ---------------------------------------------------------------------------------

    async def prune_sent(self, now: datetime) -> None:
        """Forget which items went to whom SENT_ITEMS_KEPT ago (once a day is plenty)."""
        self.store.prune_sent((now - SENT_ITEMS_KEPT).timestamp())

    async def prune_titles(self, now: datetime) -> None:
        """Forget the titles of removed feeds' items that no figure names any more."""
        prune_removed_titles(self.db)

    async def tick(self, now: datetime) -> None:
        """Queue the digests whose local time has come (a batch a minute)."""
        await self.schedule.follow_directory(now)
        if awaiting_first_fetch(self.db):
            # A new install, or a feed just added: its items are on the way, and a digest
            # planned before they land would be empty.
            return
        due = self.schedule.due(now, BATCH)
        if due:
            await self._run(due, now, check_time=True)

    async def send_due(self, now: datetime) -> Queued:
        """Queue every digest due now, in batches."""
        await self.schedule.follow_directory(now)
        queued = Queued()
        while due := self.schedule.due(now, BATCH):
            queued.keys |= await self._run(due, now, check_time=True)
            queued.considered += len(due)
        return queued

    async def send_everyone(self, now: datetime) -> Queued:
        """Queue today's digest for everyone who wants one, whatever their time and day."""
        await self.schedule.follow_directory(now)
        people = self.core.directory.active(include_guests=self.plan.include_guests)
        keys = await self._run([(m.platform, m.user_id, m.tz) for m in people], now, False)
        return Queued(keys, len(people))

    def why_quiet(self, now: datetime, queued: Queued, due_only: bool) -> Quiet:
        """Why `send_due` (`due_only`) or `send_everyone` queued nothing."""
        if not any(
            self.core.directory.count_active(p, self.plan.include_guests) for p in PLATFORMS
        ):
            return quiet.NOBODY
        feeds = quiet.feeds_quiet(self.db, now)
        if feeds is not None:
            return feeds
        if due_only and not queued.considered:
            return quiet.not_due(self.schedule.next_due())
        return quiet.ALL_SEEN

    def preview(self, plan: DigestPlan) -> Message:
        """The digest of `plan` as its person would get it: in their language, with the
        welcome atop their first."""
        language = self._language(plan.platform, plan.user_id)
        greeting = self._greeting(plan.platform, plan.user_id, plan.local_date, language)
        return digest_message(plan, greeting, language)

    def day_off(self, platform: str, user_id: str, now: datetime) -> str | None:
        """Why the person gets no digest today, their day being none of their digest days or
        a holiday where they are, and when their next comes; None on a digest day."""
        prefs = self.store.preferences(platform, user_id)
        zone = self.zone(platform, user_id)
        today, days = now.astimezone(zone).date(), self.plan.days_of(prefs, zone)
        off = self.plan.holidays.where(zone)
        if today.weekday() in days and today not in off:
            return None
        why = (
            "a day off (SOCIALBOT_HOLIDAYS)"
            if today in off
            else "not a digest day (SOCIALBOT_DIGEST_DAYS, or their own days)"
        )
        at = self.plan.time_of(prefs)
        muted = prefs.muted_until if prefs.muted(now) else None
        following = next_due(now, zone, at, days, today, muted, off)
        then = (
            f"; the next is on {following.astimezone(zone):%a %d %b at %H:%M}"
            if following
            else "; none comes in the next weeks"
        )
        return f"No digest on {today:%a %d %b %Y}: {why} in {zone.key}{then}."

    def why_quiet_for(self, platform: str, user_id: str, now: datetime) -> Quiet:
        """Why the person would get nothing now."""
        member = self.core.directory.get(platform, user_id)
        if member is None or not self.plan.reaches(member):
            return quiet.NOBODY
        name = member.name or user_id
        prefs = self.store.preferences(platform, user_id)
        if not prefs.wants(self.plan.opt_in) or prefs.muted(now):
            muted = prefs.muted_until if prefs.muted(now) else None
            until = datetime.fromtimestamp(muted, self.zone(platform, user_id)) if muted else None
            return quiet.person_unwanted(name, until)
        return quiet.feeds_quiet(self.db, now) or quiet.person_seen(name)

    async def _run(
        self, people: Sequence[tuple[str, str, str]], now: datetime, check_time: bool
    ) -> set[str]:
        """Queue each person's digest; one person's failure never stops the others."""
        # In the guidelines' language for whoever's client never said: `socialbot digest send`
        # and the first tick come before anything else read it (review15a R4).
        await self.core.read_guidelines_language()
        items = pool(self.db, now)
        keys: set[str] = set()
        queued = 0
        for platform, user_id, tz in people:
            await asyncio.sleep(0)
            today = now.astimezone(self.plan.zone_of(tz)).date()
            try:
                if await self._run_one(platform, user_id, now, today, items, check_time):
                    keys.add(today.isoformat())
                    queued += 1
            except sqlite3.Error:
                raise  # a locked database: the clock tries them again, nothing is to blame
            except Exception:
                log.exception("digest failed", extra={"platform": platform, "user_id": user_id})
                self._failed(platform, user_id, tz, now, today)
        if queued:  # one line for the batch, not one a person (the delivery's is DEBUG)
            log.info("digests queued", extra={"people": queued})
        return keys

    async def _run_one(
        self,
        platform: str,
        user_id: str,
        now: datetime,
        today: date,
        items: Sequence[StoredItem],
        check_time: bool,
    ) -> bool:
        """Queue one person's digest for `today` (their local date); False when none is due."""
        member = self.core.directory.get(platform, user_id)
        if member is None or not self.plan.reaches(member):  # left, or forgotten on request
            self.schedule.replan(platform, user_id, now)
            return False
        prefs = self.store.preferences(platform, user_id)
        zone, at = self.plan.zone_of(member.tz), self.plan.time_of(prefs)
        off = self.plan.holidays.where(zone)
        due_now = on_time(now, zone, at, self.plan.days_of(prefs, zone), off)
        done_today = self.schedule.last_date(platform, user_id) == today
        wanted = prefs.wants(self.plan.opt_in) and not prefs.muted(now)
        if done_today or not wanted or (check_time and not due_now):
            self.schedule.replan(platform, user_id, now)
            return False
        if not await self._send(platform, user_id, now, items):
            # quiet for now; the day is not spent on nothing
            self.schedule.replan(platform, user_id, now, not_before=now + EMPTY_RETRY)
            return False
        return True

    async def _send(
        self, platform: str, user_id: str, now: datetime, items: Sequence[StoredItem] | None = None
    ) -> bool:
        """Queue the person's digest for now; False when they have nothing new. Items their
        platform cannot draw are left out, others in their place when the digest held no more."""
        for _ in range(DRAW_ROUNDS):
            plan = await self.plan_for(platform, user_id, now, items)
            if plan.empty:
                return False
            if self._queue(plan, now):
                return True
        raise RuntimeError(f"no digest {platform} can draw after {DRAW_ROUNDS} plans")

    def _failed(self, platform: str, user_id: str, tz: str, now: datetime, today: date) -> None:
        """After the person's digest failed: try it again FAILED_RETRY later while today's is
        open; else tell them today's could not be sent, so their day is never lost unsaid."""
        again = self.schedule.replan(platform, user_id, now, not_before=now + FAILED_RETRY)
        if again is not None and again.astimezone(self.plan.zone_of(tz)).date() == today:
            return
        try:
            self.core.outbox.enqueue(
                platform, [user_id], ids.PURPOSE, today.isoformat(),
                Message(text_for("digest_failed", self._language(platform, user_id))),
                quiet=True, expires_in=self._left_of_day(platform, user_id, today, now),
            )  # fmt: skip
        except sqlite3.Error:
            raise  # a locked database: the clock tries them again
        except Exception:  # no way to reach them (their platform is not connected)
            log.exception("digest failure not told", extra={"platform": platform})
        self.schedule.replan(platform, user_id, now, last_date=today)

    def _guest(self, person: Person) -> bool:
        """Whether `person` is a guest account, who gets no digest (unless
        SOCIALBOT_INCLUDE_GUESTS)."""
        member = self.core.directory.get(person.platform, person.user_id)
        return member is not None and member.guest and not self.plan.include_guests

    def _refuse_guests(self, person: Person) -> None:
        """Say a guest gets no digest, rather than send one or offer a time for one that never
        comes; a guest who is a manager still sets the workdays and zone of their reminders."""
        if self._guest(person) and not person.has(Role.MANAGER):
            raise UserError(text_for("guests_get_none", self.core.language_for(person)))

    async def _digest_now(self, person: Person, text: str) -> Message:
        """Send the person today's digest now, whatever their time and day (once a day)."""
        if self._guest(person):
            raise UserError(text_for("guests_get_none", self.core.language_for(person)))
        now = datetime.now(UTC)
        language = self.core.language_for(person)
        member = self.core.directory.get(person.platform, person.user_id)
        if member is None:
            return Message(text_for("digest_nobody", language))
        today = now.astimezone(self.plan.zone_of(member.tz)).date()
        if self.schedule.last_date(person.platform, person.user_id) == today:
            return Message(text_for("digest_came", language))
        if not await self._send(person.platform, person.user_id, now):
            why = (quiet.feeds_quiet(self.db, now) or quiet.ALL_SEEN).why
            return Message(text_for(_QUIET_TEXTS[why], language, days=DEFAULT_MAX_AGE.days))
        return Message(text_for("digest_coming", language))

    def _leave_out(self, item_id: int, why: str) -> None:
        """Leave the item out of every digest from now on (said once)."""
        if item_id not in self._undrawable:
            self._undrawable.add(item_id)
            log.error("digest item left out: %s", why, extra={"item_id": item_id})

    def _queue(self, plan: DigestPlan, now: datetime) -> bool:
        """Send the person their digest for the day, and remember what it held. A digest the
        platform cannot draw goes without the items that stop it (left out from then on);
        False when that leaves nothing (plan again: others in their place)."""
        platform, user_id, today = plan.platform, plan.user_id, plan.local_date
        key = today.isoformat()
        left = self._left_of_day(platform, user_id, today, now)

        language = self._language(platform, user_id)
        greeting = self._greeting(platform, user_id, today, language)

        def enqueue(sent: DigestPlan) -> None:
            self.core.outbox.enqueue(
                platform, [user_id], ids.PURPOSE, key, digest_message(sent, greeting, language),
                quiet=True, expires_in=left,
            )  # fmt: skip

        def draws(sent: DigestPlan) -> bool:
            try:
                self.core.outbox.draw(platform, digest_message(sent, greeting, language))
            except Exception:
                return False
            return True

        try:
            enqueue(plan)
        except sqlite3.Error:
            raise  # no item is to blame for a locked database
        except Exception:
            kept = self._without_undrawable(plan, enqueue, draws)
            if kept is None:
                raise
            if kept.empty:
                return False
            plan = kept
        if greeting:
            self.store.welcome(platform, user_id, today)
        self.store.record_sent(platform, user_id, [e.item.id for e in plan.entries], today, now)
        self.schedule.replan(platform, user_id, now, last_date=today)
        return True

    def _language(self, platform: str, user_id: str) -> str:
        """The language of the person's digest and what its buttons answer (`Core.language_for`,
        as the help)."""
        return self.core.language_for(self.core.person(platform, user_id))

    def _greeting(self, platform: str, user_id: str, day: date, language: str) -> str:
        """The welcome atop the person's digest of `day` when it is their first (or a
        digest of the day the welcome went with), else nothing."""
        welcomed = self.store.welcomed_on(platform, user_id)
        welcomes = platform in WELCOMED_IN_DIGEST and welcomed in (None, day.isoformat())
        return self._welcome(platform, user_id, language) if welcomes else ""

    def _welcome(self, platform: str, user_id: str, language: str) -> str:
        """The lines atop the person's first digest, in their `language`, naming their digest
        days and networks."""
        prefs = self.store.preferences(platform, user_id)
        days = self.plan.days_of(prefs, self.zone(platform, user_id))
        return welcome(platform, language, days, prefs.networks)

    def _left_of_day(self, platform: str, user_id: str, day: date, now: datetime) -> float:
        """Seconds left of the person's `day`: their digest is sent until its end, never
        after (then one for a day comes on it)."""
        zone = self.zone(platform, user_id)
        ends = datetime.combine(day + timedelta(days=1), time(0), zone)
        return (ends - now).total_seconds()

    async def withdraw_item(self, item_id: int, now: datetime) -> int:
        """Take an item the team hid out of the digests still waiting in the delivery queue
        (each waits its turn, up to the end of its person's day): each waiting digest that
        holds it is put in its own place, in one transaction, with what it held but that item,
        which no longer counts as offered to them; the others stay as they are. Returns how
        many waiting digests held it."""
        held = 0
        for platform, key in self.store.queued_with(item_id):
            if not self.core.can_message(platform):
                continue
            for user_id in self.store.queued_to(platform, key):
                got = self.store.items_of_day(platform, user_id, key)
                if item_id not in got:
                    continue
                held += 1
                found = {item.id: item for item in get_items(self.db, got)}
                networks = self.store.preferences(platform, user_id).networks
                variant = f"{platform}:{user_id}"
                entries = [
                    Entry(found[i], await self._compose(found[i], networks, variant))
                    for i in got
                    if i in found and i != item_id
                ]
                offers = [o for source in self._offers for o in source(platform, user_id, now)]
                day = date.fromisoformat(key)
                plan = DigestPlan(platform, user_id, day, tuple(entries), tuple(offers))
                added: list[int] = []
                if not entries:  # it held that item alone: the next one in its place
                    instead = await self.plan_for(platform, user_id, now)
                    plan = replace(instead, local_date=day)
                    added = [entry.item.id for entry in plan.entries]
                welcomes = self.store.welcomed_on(platform, user_id) == key
                language = self._language(platform, user_id)
                greeting = self._welcome(platform, user_id, language) if welcomes else ""
                message = digest_message(plan, greeting, language)
                with self.db.atomic():  # a stop or a lock never leaves them without a digest
                    self.core.outbox.withdraw(platform, ids.PURPOSE, key, [user_id])
                    self.store.unrecord(platform, user_id, item_id, key)
                    if added:
                        self.store.record_sent(platform, user_id, added, day, now)
                    if not plan.empty:
                        self.core.outbox.enqueue(
                            platform, [user_id], ids.PURPOSE, key, message,
                            quiet=True, expires_in=self._left_of_day(platform, user_id, day, now),
                        )  # fmt: skip
                await asyncio.sleep(0)  # people's clicks are answered in between
        if held:
            log.info("a hidden item taken out of queued digests", extra={"digests": held})
        return held

    def _without_undrawable(
        self,
        plan: DigestPlan,
        enqueue: Callable[[DigestPlan], None],
        draws: Callable[[DigestPlan], bool],
    ) -> DigestPlan | None:
        """`plan` queued without the fewest items (up to BLAMED_AT_MOST) its platform cannot
        draw, else without every item it cannot draw alone (`draws`), each left out from then
        on; empty, and not queued, when those were all it held (its header and footer always
        draw); None when leaving items out is not enough."""
        entries = plan.entries

        def choices() -> Iterator[tuple[int, ...]]:
            """The entries to keep, in the order tried."""
            for size in range(1, min(len(entries), BLAMED_AT_MOST) + 1):
                for blamed in combinations(range(len(entries)), size):
                    yield tuple(i for i in range(len(entries)) if i not in blamed)
            # More stop it (three pictures Slack refuses): decided now, not failed till evening.
            yield tuple(i for i, e in enumerate(entries) if draws(replace(plan, entries=(e,))))

        for kept_at in choices():
            kept = replace(plan, entries=tuple(entries[i] for i in kept_at))
            if not kept.empty:
                try:
                    enqueue(kept)
                except sqlite3.Error:
                    raise
                except Exception:
                    continue
            for i in range(len(entries)):
                if i not in kept_at:
                    self._leave_out(entries[i].item.id, f"{plan.platform} cannot draw it")
            return kept
        return None

    # -- preferences -------------------------------------------------------------------------------

    def _form(self, person: Person) -> Form:
        self._refuse_guests(person)
        prefs = self.store.preferences(person.platform, person.user_id)
        zone = self.zone(person.platform, person.user_id)
        muted = prefs.muted_until if prefs.muted(datetime.now(UTC)) else None
        return preferences_form(
            prefs,
            self.plan.time_of(prefs),
            self.plan.days_of(prefs, zone),
            prefs.wants(self.plan.opt_in),
            str(zone),
            joined(self.db, person.platform, person.user_id) if self.leaderboard else None,
            None if muted is None else datetime.fromtimestamp(muted, zone),
            self.plan.office_zones(),
            self.reminders_wait,
            self.core.language_for(person),
        )

    async def _command(self, person: Person, text: str) -> Form:
        return self._form(person)

    async def _open_preferences(self, person: Person, value: str) -> Form:
        return self._form(person)

    async def _submitted(self, person: Person, values: Values, state: str) -> Message:
        """Save the preferences form (mistakes come back on their fields)."""
        current = self.store.preferences(person.platform, person.user_id)
        language = self.core.language_for(person)
        prefs, joins, zone = read_preferences(
            values, current, language, leaderboard=self.leaderboard
        )
        shown_zone = self.zone(person.platform, person.user_id)
        self.store.save(
            person.platform, person.user_id, self._own_choices(prefs, current, shown_zone)
        )
        self._choose_zone(person, zone)
        if joins is not None:
            set_joined(self.db, person.platform, person.user_id, joins)
        now = self.clock()
        due = self.schedule.replan(person.platform, person.user_id, now)
        if self._guest(person):  # a guest manager's workdays and zone time their reminders
            said = "saved_guest_timed" if self.reminders_wait else "saved_guest"
            return Message(text_for(said, language))
        if not prefs.wants(self.plan.opt_in):
            return Message(text_for("saved_off", language))
        return Message(self._next_digest(person, text_for("saved", language), due, now))

    def _own_choices(self, prefs: Preferences, current: Preferences, zone: ZoneInfo) -> Preferences:
        """`prefs` with the digest time and workdays the form showed from the settings (the
        company's, the office's in `zone`) and got back unchanged left to the settings, so a
        later change there still reaches the person; what they changed, or chose before, is
        theirs."""
        days, at = prefs.days, prefs.at
        if current.days is None and days == self.plan.days_of(current, zone):
            days = None
        if current.at is None and at == self.plan.time_of(current):
            at = None
        return replace(prefs, days=days, at=at)

    def _choose_zone(self, person: Person, zone: str) -> None:
        """Keep the zone the person chose: only a change, or a choice made before, counts
        (the form comes filled with what their platform gave, which may still change)."""
        directory = self.core.directory
        shown = str(self.zone(person.platform, person.user_id))
        if zone and (zone != shown or directory.zone_chosen(person.platform, person.user_id)):
            directory.choose_zone(person.platform, person.user_id, zone)

    def _next_digest(self, person: Person, first: str, due: datetime | None, now: datetime) -> str:
        """`first`, then when the person's next digest comes (if one is planned), in their
        language: "in a minute" when its time today has passed and its day is still open."""
        if due is None:
            return first
        language = self.core.language_for(person)
        if due <= now:
            return f"{first} {text_for('next_in_a_minute', language)}"
        zone = self.zone(person.platform, person.user_id)
        local = due.astimezone(zone)
        day = muted_day(local, language)
        when = text_for("date_at", language, date=day, time=local.strftime("%H:%M"))
        return f"{first} {text_for('next_digest', language, when=when, zone=zone)}"

    # -- the digest's buttons ----------------------------------------------------------------------

    async def _not_for_me(self, person: Person, value: str) -> Message:
        """Hide the item and show fewer from its feed."""
        found = get_items(self.db, [item_id]) if (item_id := row_id(value)) is not None else []
        if not found:
            raise UserError(text_for("item_gone", self.core.language_for(person)))
        item = found[0]
        count = self.store.dislike(
            person.platform, person.user_id, item.id, item.feed_id, datetime.now(UTC)
        )
        language = self.core.language_for(person)
        note = text_for("hidden", language, title=untrusted(item.title))
        if count >= DISLIKES_TO_DEMOTE:
            note += " " + text_for("demoted", language, feed=untrusted(item.feed_title))
        return Message(note)

    async def _mute(self, person: Person, value: str) -> Message:
        now = self.clock()
        language = self.core.language_for(person)
        if not self.store.preferences(person.platform, person.user_id).wants(self.plan.opt_in):
            return self._digests_off(person, text_for("nothing_to_mute", language))
        zone = self.zone(person.platform, person.user_id)
        day = now.astimezone(zone).date() + timedelta(days=MUTE_DAYS)
        until = datetime.combine(day, time(0), tzinfo=zone)
        self.store.update(person.platform, person.user_id, muted_until=until.timestamp())
        due = self.schedule.replan(person.platform, person.user_id, now)
        muted = text_for("muted_week", language, day=muted_day(until, language))
        text = self._next_digest(person, muted, due, now)
        unmute = Button(text_for("unmute", language), ids.UNMUTE)
        return Message(text, (Text(text), Actions((unmute,))))

    async def _unmute(self, person: Person, value: str) -> Message:
        """End the person's mute now."""
        now = self.clock()
        prefs = self.store.preferences(person.platform, person.user_id)
        if prefs.muted(now):
            self.store.update(person.platform, person.user_id, muted_until=None)
        due = self.schedule.replan(person.platform, person.user_id, now)
        language = self.core.language_for(person)
        if not prefs.wants(self.plan.opt_in):
            return self._digests_off(person, text_for("off_none_come", language))
        if not prefs.muted(now):
            return Message(text_for("not_muted", language))
        return Message(self._next_digest(person, text_for("unmuted", language), due, now))

    async def _stop(self, person: Person, value: str) -> Message:
        self.store.update(person.platform, person.user_id, enabled=False)
        self.schedule.replan(person.platform, person.user_id, self.clock())
        return self._digests_off(person, text_for("stopped", self.core.language_for(person)))

    def _digests_off(self, person: Person, first: str) -> Message:
        """`first`, then how to turn digests back on, with the button that does, in the
        person's language."""
        language = self.core.language_for(person)
        again = typed(person.platform, "socialbot", "preferences")
        text = f"{first} {text_for('on_again', language, command=again)}"
        change = text_for("change_preferences", language)
        blocks: tuple[Block, ...] = (
            Text(text),
            Actions((Button(change, ids.OPEN_PREFERENCES, opens_form=True),)),
        )
        return Message(text, blocks)

    # -- home and figures --------------------------------------------------------------------------

    async def _home(self, person: Person) -> tuple[Block, ...]:
        prefs = self.store.preferences(person.platform, person.user_id)
        zone = self.zone(person.platform, person.user_id)
        manager = person.has(Role.MANAGER)
        guest = self._guest(person)
        language = self.core.language_for(person)
        if guest and not manager:
            title = Text(f"**{text_for('home_digest', language)}**")
            return (title, Context(text_for("guests_get_none", language)))
        fields = preferences_fields(
            prefs,
            self.plan.time_of(prefs),
            self.plan.days_of(prefs, zone),
            prefs.wants(self.plan.opt_in),
            self.clock().astimezone(zone),
            language,
        )
        if guest:  # a guest manager's form times their report reminders
            none = (text_for("daily_digest", language), text_for("home_guest", language))
            fields = Fields((none, *fields.pairs[1:]))
        stats = stats_blocks(self.stats(), language) if manager else ()
        return home_section(fields, stats, language)

    def stats(self) -> list[ItemStats]:
        """Share clicks per digest item and network, most shared first."""
        clicks: dict[int, dict[str, int]] = {}
        for count in self.core.shares.counts(ids.ITEM_PREFIX):
            item_id = row_id(count.subject.removeprefix(ids.ITEM_PREFIX))
            if item_id is not None:  # a click value someone made up is not an item
                clicks.setdefault(item_id, {})[count.network] = count.clicks
        titles = item_titles(self.db, list(clicks))  # a removed feed's items' too
        stats = [
            ItemStats(item_id, titles.get(item_id, f"item {item_id} (removed)"), networks)
            for item_id, networks in clicks.items()
        ]
        return sorted(stats, key=lambda s: (-s.total, s.item_id))
