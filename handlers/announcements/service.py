"""`/announce`: announcers write, preview, schedule, edit and cancel announcements."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from content_feed.compose import NETWORKS, UTM, TextModel
from content_feed.text import row_id
from handlers.announcements import ids
from handlers.announcements.audience import Audience, describe
from handlers.announcements.channels import warnings
from handlers.announcements.dispatch import REPORT_DAYS, Dispatcher
from handlers.announcements.figures import figures, stopped, went
from handlers.announcements.form import (
    HEADLINE_LIMIT,
    MESSAGE_LIMIT,
    compose_form,
    read_form,
    typed_clock,
)
from handlers.announcements.posts import DEFAULT_UTM, fill_in, unless_stale
from handlers.announcements.store import (
    SCHEDULED,
    SENDING,
    Announcement,
    AnnouncementStore,
    Draft,
    refusal,
)
from handlers.announcements.views import (
    ONLY_THEIRS,
    cancelled_text,
    confirmed_message,
    list_message,
    preview_form,
    status_line,
)
from handlers.announcements.when import clock_problems, days_off
from handlers.commands import SlashCommand, Subcommand, Subcommands
from handlers.core import CHAT_PLATFORMS, Core
from handlers.errors import FormErrors, NotAllowed, UserError
from handlers.people import Person, Role
from handlers.views import Form, Message, Reply, Values
from handlers.workdays import NO_HOLIDAYS, Holidays, Workdays

NAMED = 5  # announcers named to someone refused; a group of hundreds is "… and N more"


class Announcements:
    """The announcements capability; `register` puts it on the core."""

    def __init__(
        self,
        core: Core,
        *,
        model: TextModel | None = None,
        utm: UTM = DEFAULT_UTM,
        timezone: str = "UTC",
        console_target: str | None = None,
        include_guests: bool = False,
        employer: str = "",
        workdays: Workdays | None = None,
        holidays: Holidays = NO_HOLIDAYS,
    ) -> None:
        self.core = core
        # The workweek and holidays where people are: the preview says a day off (review17a M4).
        self.workdays, self.holidays = workdays or Workdays(), holidays
        self.store = AnnouncementStore(core.db)
        self.audience = Audience(core.directory, include_guests, timezone)
        self.dispatcher = Dispatcher(core, self.store, self.audience, utm)
        self.model = model
        self.utm = utm
        self.employer = employer  # the posts the bot writes say the sharer works there
        self.timezone = timezone  # for people whose time zone the directory does not know
        self.console_target = console_target  # where console announcements go (e.g. "slack")

    def register(self, core: Core) -> None:
        """Add `/announce`, its forms and buttons, and the minute tick that sends."""
        subcommands = Subcommands(
            ids.COMMAND,
            Subcommand("new", "write an announcement (the default)", self._new),
            Subcommand("list", "scheduled and recent announcements", self._list),
        )
        core.commands.add(
            SlashCommand(
                ids.COMMAND,
                "Announce news, with posts to share",
                "",
                subcommands,
                role=Role.ANNOUNCER,
            )
        )
        core.on_form(
            ids.COMPOSE_FORM,
            self._composed,
            any_state=True,
            limits={ids.HEADLINE: HEADLINE_LIMIT, ids.MESSAGE: MESSAGE_LIMIT},
        )
        core.on_form(ids.PREVIEW_FORM, self._previewed, any_state=True)
        core.on_action(ids.EDIT, self._edit, any_value=True)
        core.on_action(ids.CANCEL, self._cancel, any_value=True)
        core.on_action(ids.NOT_FOR_ME, self._not_for_me, any_value=True)
        core.on_action(ids.SEND_AGAIN, self._send_again, any_value=True)
        core.on_action(ids.SEND_LATE, self._send_late, any_value=True)
        core.on_tick("announcements", self.dispatcher.tick)

    # -- who may, where to, in which zone -------------------------------------------------------

    def _check(self, person: Person, attempt: str) -> None:
        """Let announcers through; refuse anyone else politely, naming who can, and record it."""
        if person.has(Role.ANNOUNCER):
            return
        self.store.record_refusal(person.platform, person.user_id, attempt)
        announcers = self.core.roles.members(Role.ANNOUNCER, person.platform)
        names = [self._name(person.platform, user_id) for user_id in announcers[:NAMED]]
        if len(announcers) > NAMED:
            names.append(f"{len(announcers) - NAMED:,} more")
        if not names:
            raise NotAllowed(
                "Only announcers can send announcements, and there are none yet: if you have"
                " news to share, ask the social media team."
            )
        raise NotAllowed(
            f"Only announcers can send announcements. Who can: {', '.join(names)}."
            " Ask one of them if you have news to share."
        )

    def _name(self, platform: str, user_id: str) -> str:
        return self.core.directory.name_of(platform, user_id)

    def _target(self, person: Person) -> str:
        if person.platform != "console":
            return person.platform
        if self.console_target is None:
            raise UserError(
                "Announcements from the console go out on Slack: set SLACK_BOT_TOKEN first."
            )
        return self.console_target

    def _zone(self, person: Person) -> str:
        fallback = ZoneInfo(self.timezone)
        return self.core.directory.zone_of(person.platform, person.user_id, fallback).key

    def _own(self, person: Person, value: str) -> Announcement:
        """The announcement `value` names, if `person` wrote it (admins may touch any)."""
        if (announcement_id := row_id(value)) is None:
            raise UserError("That announcement no longer exists.")
        announcement = self.store.get(announcement_id)
        if not self._may_change(person, announcement):
            raise NotAllowed(
                f"Announcement #{announcement.id} is {self._owner(announcement)}'s: {ONLY_THEIRS}"
            )
        return announcement

    def _may_change(self, person: Person, announcement: Announcement) -> bool:
        """Whether `person` may edit, cancel or send `announcement`: its announcer or an admin."""
        mine = (announcement.platform, announcement.user_id) == (person.platform, person.user_id)
        return mine or Role.ADMIN in person.roles

    def _owner(self, announcement: Announcement) -> str:
        return self._name(announcement.platform, announcement.user_id)

    def _left_out(self, target: str, draft: Draft) -> list[str]:
        """A line per other chat platform whose known people an announcement to everyone (or
        to time zones) does not reach: it goes out on `target` only."""
        if draft.audience == ids.IN_CHANNELS:
            return []
        lines = []
        for other in CHAT_PLATFORMS:
            count = self.audience.count(other, draft) if other != target else 0
            if count:
                lines.append(
                    f"{describe(draft, count)} on {other.capitalize()} won't get it: an"
                    f" announcement goes out on one platform, {target.capitalize()} here; an"
                    f" announcer on {other.capitalize()} can send it there."
                )
        return lines

    def _audience(self, announcement: Announcement) -> str:
        draft = announcement.draft
        count = self.audience.count(announcement.target, draft)
        return describe(draft, count)

    # -- the command, the forms, the buttons ----------------------------------------------------

    async def _new(self, person: Person, text: str) -> Form:
        self._check(person, f"/{ids.COMMAND} {text}".strip())
        target = self._target(person)
        zones = self.audience.known_zones(target)
        return compose_form(None, zones, self._zone(person), platform=person.platform)

    async def _composed(self, person: Person, values: Values, state: str) -> Form:
        self._check(person, "announcement form")
        previous = self._own(person, state) if state else None
        target = previous.target if previous else self._target(person)
        zone = previous.draft.zone if previous else self._zone(person)
        going_out = previous is not None and self.store.going_out(previous)
        draft = await read_form(
            values,
            people=self.audience,
            target=target,
            zone=zone,
            channels=self.core.channels(target),
            going_out=previous.draft if previous is not None and going_out else None,
        )
        if previous is not None:
            draft = unless_stale(draft, previous.draft)
        written = None
        if draft.share:
            posts, written = await fill_in(draft, self.model, self.utm, self.employer)
            by_bot = [
                n
                for n in NETWORKS
                if n in draft.written or (posts.get(n) and not draft.posts.get(n))
            ]
            draft = replace(draft, posts=posts, written=tuple(by_bot))
        draft_id = self.store.save_draft(
            person.platform, person.user_id, target, draft, previous.id if previous else None
        )
        saved = self.store.get(draft_id)
        message = self.dispatcher.employee_message(saved)
        cannot = await warnings(self.core.channels(target), draft.channels, target)
        cannot += self._left_out(target, draft)
        cannot += [written] if written else []
        zones = self.audience.zones(target, draft)
        if typed := typed_clock(values):
            cannot += clock_problems(*typed, [draft.zone, *(zones if draft.local else ())])
        if off := days_off(draft, zones, self.timezone, self.workdays, self.holidays):
            cannot.append(off)
        audience = self._audience(saved)
        return preview_form(
            draft_id, draft, audience, message, cannot, zones, self.timezone, going_out=going_out
        )

    async def _previewed(self, person: Person, values: Values, state: str) -> Reply:
        self._check(person, "announcement preview")
        draft = self._own(person, state)
        choice = values.get(ids.NEXT) or ids.CONFIRM
        if choice == ids.BACK_TO_EDIT:
            zones = self.audience.known_zones(draft.target)
            return compose_form(
                draft.draft,
                zones,
                draft.draft.zone,
                state,
                editing=draft.replaces is not None,
                platform=person.platform,
                going_out=self.store.going_out(draft),
            )
        if choice == ids.DISCARD:
            self.store.discard(draft.id)
            return Message("Cancelled; nothing was sent.")
        outbox = self.core.outbox
        if self.store.going_out(draft):
            changed = self.store.confirm(draft.id)
            waiting, sent = self.dispatcher.revise(outbox, changed)
            return Message(
                f"Announcement #{changed.id} is changed: the {waiting:,} copies still waiting"
                f" go out as it is now, and the {sent:,} already delivered are being updated"
                " (your report says how many were)."
            )
        now = datetime.now(UTC)
        if draft.draft.starts is not None and draft.draft.starts <= now:
            raise FormErrors({ids.NEXT: "The time you chose has passed; choose “Edit it”."})
        announcement = self.store.confirm(draft.id)
        if announcement.draft.send_at is None:
            # Queuing a whole workforce takes a while: after the answer (Slack wants one within
            # 3 s). Should the process stop before it starts, the next tick starts it (it is
            # due); should it stop midway, the next tick queues the rest (`follow`).
            self.core.soon(
                "start an announcement", self.dispatcher.start(outbox, announcement, now)
            )
        return confirmed_message(announcement, self._audience(announcement), person.platform)

    async def _list(self, person: Person, text: str) -> Message:
        self._check(person, f"/{ids.COMMAND} list")
        since = datetime.now(UTC) - timedelta(days=REPORT_DAYS)
        listed = [*self.store.in_state(SCHEDULED, SENDING), *self.store.finished_since(since)]
        entries = []
        for announcement in listed:
            numbers = (
                None
                if announcement.state == SCHEDULED
                else figures(self.store, self.core.shares, announcement.id)
            )
            status = status_line(announcement, self._audience(announcement), numbers)
            owner = None if self._may_change(person, announcement) else self._owner(announcement)
            entries.append((announcement, status, owner))
        return list_message(entries, person.platform)

    async def _edit(self, person: Person, value: str) -> Form:
        self._check(person, "edit an announcement")
        announcement = self._own(person, value)
        going_out = self.store.going_out(announcement)
        if announcement.state != SCHEDULED and not going_out:
            raise UserError(refusal(announcement, "changed"))
        draft_id = self.store.save_draft(
            person.platform,
            person.user_id,
            announcement.target,
            announcement.draft,
            replaces=announcement.id,
        )
        zones = self.audience.known_zones(announcement.target)
        return compose_form(
            announcement.draft,
            zones,
            announcement.draft.zone,
            str(draft_id),
            editing=True,
            platform=person.platform,
            going_out=going_out,
        )

    async def _cancel(self, person: Person, value: str) -> Message:
        self._check(person, "cancel an announcement")
        cancelled = self.store.cancel(self._own(person, value).id)
        if cancelled.state == SCHEDULED:
            return Message(cancelled_text(cancelled, 0, 0))
        self.core.outbox.withdraw(cancelled.target, ids.PURPOSE, str(cancelled.id))
        # the announcer's progress message becomes the report of what went (now, not at the
        # next tick)
        await self.dispatcher.report(self.core.outbox, self.store.get(cancelled.id), done=True)
        counted = stopped(self.store, cancelled), went(self.store, cancelled.id)
        return Message(cancelled_text(cancelled, *counted))

    async def _send_again(self, person: Person, value: str) -> Message:
        self._check(person, "send an announcement again")
        announcement = self._own(person, value)
        return await self.dispatcher.send_again(self.core.outbox, announcement)

    async def _send_late(self, person: Person, value: str) -> Message:
        """Send a held announcement now, after all."""
        self._check(person, "send a late announcement")
        now = datetime.now(UTC)
        announcement = self.store.send_late(self._own(person, value).id, now)
        self.core.soon(
            "start an announcement", self.dispatcher.start(self.core.outbox, announcement, now)
        )
        audience = self._audience(announcement)
        return confirmed_message(announcement, audience, person.platform, late=True)

    async def _not_for_me(self, person: Person, value: str) -> Message:
        if (announcement_id := row_id(value)) is None:
            raise UserError("That announcement no longer exists.")
        self.store.dismiss(self.store.get(announcement_id).id, person.platform, person.user_id)
        return Message("Noted: I won't bring this announcement up again.")
