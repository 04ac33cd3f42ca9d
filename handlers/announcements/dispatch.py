"""Sending: due announcements go to the outbox, and the announcer's message follows the ledger.

Each tick asks the database what is due; nothing is kept in memory. Sending starts with one
guarded write (scheduled → sending, recipients fixed), then the recipients are enqueued; the
ledger's unique key makes a repeated enqueue (after a crash between the two) a no-op, so a
restart resumes with nobody twice and nobody missed.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from content_feed.compose import UTM
from handlers.announcements import ids
from handlers.announcements.audience import Audience
from handlers.announcements.channels import cannot_post, label
from handlers.announcements.figures import (
    delivered,
    failed_to,
    figures,
    next_edit,
    progress_lost,
)
from handlers.announcements.posts import suggested
from handlers.announcements.store import LATE_AFTER, SENDING, Announcement, AnnouncementStore
from handlers.announcements.views import employee_message, late_message, progress_message
from handlers.announcements.when import local_instant
from handlers.core import Channel, Core, Outbox
from handlers.people import zone_named
from handlers.views import Message

log = logging.getLogger(__name__)

REPORT_DAYS = 7  # share clicks keep updating the announcer's report this long
DRAFTS_KEPT = timedelta(days=1)  # a preview nobody confirmed by then is abandoned
REFUSALS_KEPT = timedelta(days=90)  # who tried to announce without the role


class Dispatcher:
    """Starts due announcements and keeps each announcer's progress message current."""

    def __init__(self, core: Core, store: AnnouncementStore, audience: Audience, utm: UTM) -> None:
        self.core = core
        self.store = store
        self.audience = audience
        self.utm = utm

    def employee_message(self, announcement: Announcement) -> Message:
        """The message everyone in the audience gets."""
        draft = announcement.draft
        sender = self.core.directory.name_of(announcement.platform, announcement.user_id)
        return employee_message(
            announcement.id, draft, sender, suggested(draft.posts, draft.link, self.utm)
        )

    async def tick(self, now: datetime) -> None:
        """Start what is due, follow what is sending, refresh recent reports."""
        outbox = self.core.outbox
        self.store.prune_drafts((now - DRAFTS_KEPT).timestamp())
        self.store.prune_refusals((now - REFUSALS_KEPT).timestamp())
        self.store.hold_late(now - LATE_AFTER)
        for announcement in self.store.untold_late():
            await self._guarded(self.tell_late(outbox, announcement), announcement)
        for announcement in self.store.due(now):
            await self._guarded(self.start(outbox, announcement, now), announcement)
        for announcement in self.store.in_state(SENDING):
            await self._guarded(self.follow(outbox, announcement, now), announcement)
        for announcement in self.store.finished_since(now - timedelta(days=REPORT_DAYS)):
            await self._guarded(self.report(outbox, announcement, done=True), announcement)

    async def _guarded(self, work: Awaitable[None], announcement: Announcement) -> None:
        # One announcement that fails never stops the others; the next tick tries again.
        try:
            await work
        except Exception:
            log.exception("announcement step failed", extra={"announcement": announcement.id})

    async def tell_late(self, outbox: Outbox, announcement: Announcement) -> None:
        """Ask the announcer whether a held announcement still goes out."""
        outbox.enqueue(
            announcement.platform,
            [announcement.user_id],
            ids.LATE,
            str(announcement.id),
            late_message(announcement),
        )
        self.store.told_late(announcement.id)

    async def start(self, outbox: Outbox, announcement: Announcement, now: datetime) -> None:
        """scheduled → sending: fix the recipients, enqueue them and the announcer's message."""
        people = self.audience.recipients(announcement.target, announcement.draft)
        if not self.store.start(announcement.id, people, now):
            return  # cancelled or started meanwhile
        await self._enqueue(outbox, self.store.get(announcement.id))

    async def _enqueue(self, outbox: Outbox, announcement: Announcement) -> None:
        """The announcer's progress message, then every recipient's; both keyed, so doing it
        again after a stop midway sends nothing twice."""
        if announcement.platform == announcement.target:
            figures_now = figures(self.store, self.core.shares, announcement.id)
            # Before the copies are queued: of all it goes to, not "0 of 0" (review13b M2).
            everyone = max(figures_now.total, len(announcement.recipients))
            figures_now = replace(figures_now, total=everyone)
            outbox.enqueue(
                announcement.platform,
                [announcement.user_id],
                ids.PROGRESS,
                str(announcement.id),
                progress_message(announcement, figures_now, done=False),
            )
        message = self.employee_message(announcement)
        for at, recipients in self._instants(announcement):
            await outbox.fan_out(
                announcement.target,
                recipients,
                ids.PURPOSE,
                str(announcement.id),
                message,
                not_before=at,
                wanted=lambda: self._sending(announcement),
            )
        # Queuing a workforce takes a while: a cancel or an edit can come meanwhile, from this
        # process (between batches) or another (the CLI, during a batch).
        now = self.store.get(announcement.id)
        if now.state != SENDING:
            outbox.withdraw(announcement.target, ids.PURPOSE, str(announcement.id))
        elif now.draft != announcement.draft:
            self.revise(outbox, now)

    def _instants(self, announcement: Announcement) -> list[tuple[datetime | None, list[str]]]:
        """The recipients by when they get it: all at once, or for one sent at each person's
        time, by the instant that time comes in their zone (theirs, else the fallback's)."""
        draft, recipients = announcement.draft, list(announcement.recipients)
        if not draft.local:
            return [(None, recipients)]
        fallback = ZoneInfo(self.audience.fallback)
        zones = self.audience.zones_by_recipient(announcement.target, draft, recipients)
        instants = {z: local_instant(draft, zone_named(z, fallback)) for z in set(zones.values())}
        by_instant: dict[datetime | None, list[str]] = {}
        for recipient, zone in zones.items():
            by_instant.setdefault(instants[zone], []).append(recipient)
        return list(by_instant.items())

    def revise(self, outbox: Outbox, announcement: Announcement) -> tuple[int, int]:
        """After an edit of one going out: the copies still waiting get it as it is now, and
        the ones delivered (or on their way) are changed in place, through the queue at the
        platform's pace, counted in the announcer's report; (how many of each)."""
        message = self.employee_message(announcement)
        target, key = announcement.target, str(announcement.id)
        waiting = outbox.revise(target, ids.PURPOSE, key, message)
        edit = (ids.EDITED, next_edit(self.store, announcement.id))
        return waiting, outbox.edit(target, ids.PURPOSE, key, message, edit)

    async def follow(self, outbox: Outbox, announcement: Announcement, now: datetime) -> None:
        """Re-enqueue anyone missing from the ledger; finish when every delivery is settled."""
        states = delivered(self.store, announcement.id)
        if sum(states.values()) < len(announcement.recipients):
            # A stop came while they were queued, or a cancel withdrew them since this tick read
            # the announcement (another process's, or while the tick awaited): only the former
            # are queued again, as it is now.
            current = self.store.get(announcement.id)
            if current.state == SENDING:
                await self._enqueue(outbox, current)
            return
        done = not states.get("queued") and not states.get("sending")
        if done:
            self.store.finish(announcement.id, now)
        await self.report(outbox, announcement, done)

    def _sending(self, announcement: Announcement) -> bool:
        """Whether `announcement` is still going out, as the database says now."""
        return self.store.get(announcement.id).state == SENDING

    async def report(self, outbox: Outbox, announcement: Announcement, done: bool) -> None:
        """Update the announcer's message when its figures changed since it was last shown."""
        if announcement.platform != announcement.target:
            return  # announced from the console: no chat message to update
        now_figures = figures(self.store, self.core.shares, announcement.id)
        seen = repr((done, now_figures))
        if seen == announcement.progress_seen:
            return
        refused: list[tuple[str, str]] = []
        lookup = self.core.channels(announcement.target)
        if done and now_figures.failed and announcement.draft.audience == ids.IN_CHANNELS:
            for channel_id, reason in failed_to(self.store, announcement.id):
                shown = label(await lookup.info(channel_id)) if lookup else channel_id
                refused.append((shown, reason))
        bot = lookup.bot_name() if lookup else ""
        message = progress_message(announcement, now_figures, done, refused, bot)
        platform, announcer = announcement.platform, announcement.user_id
        resent = f"{announcement.id}:report"
        for key in (str(announcement.id), resent):
            if await outbox.update(platform, announcer, ids.PROGRESS, key, message):
                self.store.saw_progress(announcement.id, seen)
                return
        if done and progress_lost(self.store, announcement.id):
            # The progress message never arrived (its platform was down past its use): the
            # report goes as a message of its own, so the announcer learns what happened.
            outbox.enqueue(platform, [announcer], ids.PROGRESS, resent, message)
            self.store.saw_progress(announcement.id, seen)

    async def send_again(self, outbox: Outbox, announcement: Announcement) -> Message:
        """Queue again the channels that refused the announcement and that the bot is in now;
        say which still refuse it and what to do."""
        failed = [channel for channel, _ in failed_to(self.store, announcement.id)]
        if announcement.draft.audience != ids.IN_CHANNELS or not failed:
            return Message(f"No channel missed announcement #{announcement.id}: nothing to send.")
        lookup = self.core.channels(announcement.target)
        bot = lookup.bot_name() if lookup else ""
        ready: dict[str, str] = {}  # id → label
        lines: list[str] = []
        for channel_id in failed:
            channel = await lookup.info(channel_id) if lookup else Channel(channel_id)
            still = cannot_post(channel, announcement.target, bot)
            if still is not None:
                lines.append(f"Still: {still} Then press the button again.")
            else:
                ready[channel_id] = label(channel)
        if ready and outbox.retry(announcement.target, ready, ids.PURPOSE, str(announcement.id)):
            self.store.resume(announcement.id)
            where = ", ".join(ready.values())
            lines.insert(0, f"Sending announcement #{announcement.id} again to {where}.")
        return Message("\n".join(lines))
