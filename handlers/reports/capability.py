"""Reporting negative mentions (issue 5): the command, shortcut, buttons, forms, reminders, home.

Store first, then answer: every report is committed before its receipt is made, and every
outbound message goes through the outbox under a key, so retries and restarts never duplicate.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from functools import cache, partial

from content_feed.text import row_id
from handlers.commands import SlashCommand, closest
from handlers.core import Core, Shortcut
from handlers.errors import FormErrors, UserError, database_locked
from handlers.people import Person, Role
from handlers.reports import ids, triage, views
from handlers.reports.kept import KeptReports
from handlers.reports.links import (
    SITE_LABELS,
    BadLink,
    check_links,
    links_anywhere,
    links_in,
    links_problem,
    site_of,
    split_typed,
)
from handlers.reports.model import (
    OPEN_STATUSES,
    Event,
    Outcome,
    Report,
    Reporter,
    Status,
    Urgency,
    reference,
    referenced,
)
from handlers.reports.store import Card, Filed, ReportStore
from handlers.reports.triage import AckWindows, Change, require_manager
from handlers.texts import text_for
from handlers.views import (
    Attachment,
    Block,
    Form,
    Message,
    Reply,
    SharedMessage,
    Values,
    untrusted,
)
from handlers.workdays import Workweek

log = logging.getLogger(__name__)

COMMAND = ids.COMMAND


def _text(values: Values, name: str) -> str:
    value = values.get(name) or ""
    return (value[0] if value else "") if isinstance(value, list) else value.strip()


def _reminder_key(report: Report) -> str:
    """The reminder's part of its message key: its number, counted again from one after the
    report is reopened (reported again: `triage.reported_again`), so after the reopening's
    moment, or a reminder would be taken for one sent before and dropped (fix11f's leftover)."""
    reopened = f"{report.reopened.at:.0f}:" if report.reopened is not None else ""
    return f"{report.ref}:{reopened}{report.nudges + 1}"


class Reports:
    """The report capability; `register` puts it on the core."""

    def __init__(
        self,
        core: Core,
        ack_minutes: int = 30,
        crisis_ack_minutes: int = triage.CRISIS_ACK_MINUTES,
        workweek: Workweek | None = None,
    ) -> None:
        self.core = core
        self.store = ReportStore(core.db)
        self.kept = KeptReports(core.db)
        self.windows = AckWindows(ack_minutes, crisis_ack_minutes)
        # A normal report's reminders go to the managers at work; None: at any hour.
        self.workweek = workweek
        # Reports whose cards are being edited, and whether they changed again meanwhile.
        self._editing: dict[int, bool] = {}

    def register(self, core: Core) -> None:
        """Add the command, shortcut, buttons, forms, reminder tick and home section."""
        core.commands.add(
            SlashCommand(
                COMMAND,
                "Report a negative mention to the social media team",
                "[link] [what it is about] | list | R-0001",
                self.command,
                # The receipt names who reported what: never where others read it.
                private=True,
                with_files=self.command,
                role_usage=(
                    Role.MANAGER,
                    "[link] [what it is about] | list | open [page] | R-0001",
                ),
            )
        )
        core.on_shortcut(
            Shortcut(
                ids.SHORTCUT,
                "Report to social media",  # Slack allows 24 characters
                "Report this message to the social media manager as a negative mention",
                self.shortcut,
            )
        )
        core.on_form(
            ids.REPORT_FORM,
            self.submit,
            checks={"links": links_problem},
            limits={"about": views.TEXT_LIMIT, "note": views.TEXT_LIMIT},
        )
        core.on_link(self.offer)
        core.on_action(ids.REPORT_LINK, self.link_form, any_value=True)
        core.on_action(ids.ACKNOWLEDGE, self.acknowledge, any_value=True)
        core.on_action(ids.ASSIGN_ME, self.assign_me, any_value=True)
        core.on_action(ids.TAKE_OVER, self.take_over, any_value=True)
        core.on_action(ids.ASSIGN_OTHER, self.assign_other, any_value=True)
        core.on_form(ids.ASSIGN_FORM, self.assign_submit, any_state=True)
        core.on_action(ids.RESOLVE, self.resolve, any_value=True)
        core.on_form(
            ids.RESOLVE_FORM,
            self.resolve_submit,
            any_state=True,
            limits={"note": views.NOTE_LIMIT},
        )
        core.on_action(ids.DISMISS, self.dismiss, any_value=True)
        core.on_action(ids.SNOOZE, self.snooze, any_value=True)
        core.on_action(ids.REOPEN, self.reopen, any_value=True)
        core.on_action(ids.ALL_NOTES, self.all_notes, any_value=True)
        core.on_tick("report reminders", self.tick)
        core.on_held(ids.CARD, self._card_held)
        core.on_left(ids.STATUS, self._reporter_left)
        core.for_the_team(ids.CARD, ids.REMINDER, ids.CRISIS_PING, ids.REOPENED, ids.HANDOVER)
        core.on_home(self.home)

    # -- reporting -------------------------------------------------------------------------------

    async def command(self, person: Person, text: str, files: tuple[Attachment, ...] = ()) -> Reply:
        """`/report-mention <link> [note]` files at once; `list`; `open [page]`; a reference
        (R-0001) shows that report; else the form. Typed in a message with `files` (a
        screenshot: of a deleted post, a private group's), it files at once with or without
        a link, the files going to the team as links (review11a M1)."""
        word = text.strip().lower()
        if word == "list":
            mine = self.store.find(
                reporter=(person.platform, person.user_id), limit=views.LISTED + 1
            )
            language = self.core.language_for(person)
            return views.own_reports(mine, time.time(), self.name, person.platform, language)
        first, _, page = word.partition(" ")
        if first == "open" and (not page or page.strip().isdecimal()):
            self._require_manager(person)
            found = self.store.find(OPEN_STATUSES)
            language = self.core.language_for(person)
            return views.open_cards(found, self.name, person.platform, language, int(page or 1))
        wanted = referenced(text)
        if wanted is not None:
            return self._look_up(person, wanted)
        typed = split_typed(text)
        if not typed.links:  # words first: "see this <link>", in any language
            typed = links_anywhere(text)
        if not typed.links and files:
            return await self._file(person, (), "other", text, Urgency.NORMAL, "", files=files)
        language = self.core.language_for(person)
        if not typed.links:
            form = views.report_form(views.Draft(about=text), language)
            return self._mistyped(person, word) or form
        try:
            links = check_links(list(typed.links))
        except BadLink as bad:
            draft = views.Draft(links="\n".join(typed.links), about=typed.rest, files=files)
            return views.report_form(draft, language, bad.said(language))
        where = site_of(links[0])
        return await self._file(person, links, where, typed.rest, Urgency.NORMAL, "", files=files)

    def _mistyped(self, person: Person, word: str) -> Message | None:
        """Core's "Did you mean `list`?" for one word close to a subcommand the person may use
        (`lst`, `opne`), rather than a form reporting "lst"; None for anything else."""
        words = ["list", *(["open"] if person.has(Role.MANAGER) else [])]
        if not word or " " in word or word in words:
            return None
        close = closest(word, words)
        return self.core.did_you_mean(person, COMMAND, close) if close else None

    def _look_up(self, person: Person, report_id: int) -> Message:
        """A report by its reference (a receipt's): its card for a manager, its status for
        those who reported it; anyone else hears it is not theirs."""
        try:
            report: Report | None = self.store.get(report_id)
        except KeyError:
            report = None
        language = self.core.language_for(person)
        if report is not None and person.has(Role.MANAGER):
            return views.card(report, self.name, language)
        if report is not None and report.reported_by(person.platform, person.user_id):
            return views.own_reports([report], time.time(), self.name, person.platform, language)
        manager = person.has(Role.MANAGER)
        return views.not_yours(reference(report_id), person.platform, manager, language)

    async def shortcut(self, person: Person, shared: SharedMessage) -> Form:
        """The report form, prefilled with a chat message someone pointed at."""
        links = links_in(shared.text)
        author = (
            self.name(person.platform, shared.author, shared.author_name)
            if shared.author
            else shared.author_name
        )
        language = self.core.language_for(person)
        by = text_for(
            "rf_message_by_in" if shared.channel else "rf_message_by",
            language,
            author=author or text_for("rf_someone", language),
            channel=shared.channel,
        )
        draft = views.Draft(
            links="\n".join(links),
            where=site_of(links[0]) if links else "",
            about=shared.text,
            note=f"{by}: {shared.permalink}" if shared.permalink else by,
            source_author=shared.author,
            source_author_name=author,
            source_channel=shared.channel,
            source_permalink=shared.permalink,
            files=shared.files,
        )
        return views.report_form(draft, language)

    async def offer(self, person: Person, token: str) -> Message | None:
        """A message that is only a link to a social site: offer to report it."""
        found = links_in(token)
        if len(found) != 1:
            return None
        return (
            None
            if site_of(found[0]) in ("news", "other")
            else views.link_offer(found[0], self.core.language_for(person))
        )

    async def link_form(self, person: Person, value: str) -> Form:
        """ "Report it" under a lone link: the report form with the link in it."""
        links = links_in(value)
        draft = views.Draft("\n".join(links), site_of(links[0]) if links else "")
        return views.report_form(draft, self.core.language_for(person))

    async def submit(self, person: Person, values: Values, state: str) -> Message:
        """A filled-in report form: check it (errors on their fields), then file it."""
        errors: dict[str, str] = {}
        links: tuple[str, ...] = ()
        language = self.core.language_for(person)
        try:
            links = check_links(_text(values, "links").split())
        except BadLink as bad:
            errors["links"] = bad.said(language)
        about = _text(values, "about")
        if not links and not about and "links" not in errors:
            errors["about"] = text_for("rf_no_about", language)
        try:
            urgency = Urgency(_text(values, "urgency") or Urgency.NORMAL)
        except ValueError:
            errors["urgency"] = text_for("rf_bad_urgency", language)
        if errors:
            raise FormErrors(errors)
        where = _text(values, "where")
        if where not in SITE_LABELS:
            where = site_of(links[0]) if links else "other"
        source = views.source_from_state(state)
        return await self._file(
            person,
            links,
            where,
            about,
            urgency,
            _text(values, "note"),
            source.get("author", ""),
            source.get("channel", ""),
            source.get("permalink", ""),
            views.files_from_state(state),
            source.get("author_name", ""),
        )

    async def _file(
        self,
        person: Person,
        links: tuple[str, ...],
        where: str,
        about: str,
        urgency: Urgency,
        note: str,
        source_author: str = "",
        source_channel: str = "",
        source_permalink: str = "",
        files: tuple[Attachment, ...] = (),
        source_author_name: str = "",
    ) -> Message:
        """File the report and answer with its receipt; while another program holds the
        database's lock, keep it to file at the next tick and say so (review10b O4)."""
        reporter = Reporter(
            person.platform,
            person.user_id,
            self.name(person.platform, person.user_id, person.name),
            about,
            note,
            time.time(),
            source_author,
            source_channel,
            source_permalink,
            files,
            source_author_name,
        )
        try:
            filed = self._store(reporter, links, where, urgency)
        except sqlite3.OperationalError as error:
            if not database_locked(error):
                raise
            self.kept.keep(
                {**asdict(reporter), "links": links, "where": where, "urgency": urgency.value}
            )
            log.warning("report kept to file later: %s (another process holds its lock)", error)
            return views.kept(self.core.language_for(person))
        return self._filed(filed, person, files)

    def file_kept(self) -> None:
        """File the reports kept while the database was locked, oldest first, as far as it
        takes them now; each reporter gets the receipt they could not get then. The clock
        calls it, and a console chat, which runs none, while it lasts."""
        for kept in self.kept.waiting():
            fields = {k: v for k, v in kept.items() if k not in ("links", "where", "urgency")}
            try:
                files = tuple(Attachment(**f) for f in fields.pop("files", []))
                reporter = Reporter(**fields, files=files)
                links, where, urgency = (
                    tuple(kept["links"]),
                    kept["where"],
                    Urgency(kept["urgency"]),
                )
            except (TypeError, KeyError, ValueError):
                log.error("a kept report cannot be read: set aside", extra={"kept": kept})
                self.kept.set_aside(kept)
                continue
            try:
                stored = self._store(reporter, links, where, urgency)
            except sqlite3.OperationalError as error:
                if not database_locked(error):
                    raise
                break
            self.kept.filed(1)
            person = self.core.person(reporter.platform, reporter.user_id)
            language = self.core.language_for(person)
            receipt = views.filed_at_last(self._filed(stored, person, reporter.files), language)
            if self.core.can_message(reporter.platform):
                key = f"kept:{reporter.at}"
                self.core.outbox.enqueue(
                    reporter.platform, [reporter.user_id], ids.STATUS, key, receipt
                )

    def _store(
        self, reporter: Reporter, links: tuple[str, ...], where: str, urgency: Urgency
    ) -> Filed:
        remind_at = self.windows.first_reminder(reporter.at, urgency)
        return self.store.file(reporter, links, where, urgency, remind_at)

    def _filed(self, filed: Filed, person: Person, files: tuple[Attachment, ...] = ()) -> Message:
        """Send the team the card of a report just filed (or update theirs); its receipt to
        the `person` who filed it, in their language, which says which of the `files` sent with
        it the team cannot see (and, to an admin, which settings reach the team)."""
        report = filed.report
        if filed.outcome == "new":
            self._send_card(report)
        elif filed.added:
            self._update_cards_soon(report)
        if filed.outcome == "reopened":
            self._tell_reopened(report)
        if report.urgency is Urgency.CRISIS and (
            filed.outcome in ("new", "reopened") or filed.became_crisis
        ):
            self._ping_crisis(report, fresh=filed.outcome == "new")
        reach = self._reach(report)
        if reach is views.Reach.NOBODY:
            log.warning("no channel or managers to see a report", extra={"report": report.ref})
        elif reach is views.Reach.WAITING:
            self.store.tell_waiting(report.id)  # the receipt says so: no word later
        log.info("report filed", extra={"report": report.ref, "outcome": filed.outcome})
        language = self.core.language_for(person)
        admin = person.has(Role.ADMIN)
        return views.receipt(report, filed.outcome, reach, language, filed.added, files, admin)

    def _reach(self, report: Report) -> views.Reach:
        """Who sees the report: on the console, its managers if some are set, else whoever opens
        a `--manager` session; elsewhere the team if a card about it went out, else nobody yet."""
        if report.platform == "console":
            managers = self.core.roles.members(Role.MANAGER, "console")
            return views.Reach.TEAM if managers else views.Reach.CONSOLE
        cards = [card for card in self.store.cards(report.id) if card.purpose == ids.CARD]
        outbox = self.core.outbox
        # Kept for a channel that refuses the bot, or queued while the platform's queue waits.
        if cards and all(
            outbox.holds(c.platform, c.recipient, c.purpose) or outbox.paused(c.platform)
            for c in cards
        ):
            return views.Reach.WAITING
        return views.Reach.TEAM if cards else views.Reach.NOBODY

    def _card_held(self, platform: str, key: str) -> None:
        """The card waits for the team's channel to let the bot post: the reporters, told
        it is with the team, hear that it reaches the team once it can (once per report);
        not while another of its cards (an active manager's) got through."""
        report = self._report(key.removeprefix("R-"))
        if self._reach(report) is not views.Reach.WAITING or not self.store.tell_waiting(report.id):
            return
        self._to_reporters(report, f"{report.ref}:waiting", partial(views.waiting, report))

    # -- the managers' buttons and forms ---------------------------------------------------------

    async def acknowledge(self, person: Person, value: str) -> Message:
        """Acknowledge: the report is seen; reminders stop."""
        self._require_manager(person)
        report = self._report(value, person)
        return await self._apply(person, report, triage.acknowledge, "acknowledged")

    async def assign_me(self, person: Person, value: str) -> Message:
        """Assign the report to the manager who pressed the button, unless another manager
        took it meanwhile: then they hear who holds it, with a button to take it over."""
        self._require_manager(person)
        claim = partial(triage.claim, platform=person.platform, manager=person.user_id)
        try:
            return await self._apply(person, self._report(value, person), claim, "assigned_you")
        except triage.Held as held:
            return views.held(held.report, self.name, self.core.language_for(person))

    async def take_over(self, person: Person, value: str) -> Message:
        """Take over a report another manager holds (who is told it is no longer theirs)."""
        self._require_manager(person)
        mine = partial(triage.assign, platform=person.platform, assignee=person.user_id)
        return await self._apply(person, self._report(value, person), mine, "assigned_you")

    async def assign_other(self, person: Person, value: str) -> Form:
        """The form to assign the report to another manager."""
        self._require_manager(person)
        report = self._open_report(value, person)
        return views.assign_form(report, self._managers(person), self.core.language_for(person))

    async def assign_submit(self, person: Person, values: Values, state: str) -> Message:
        """Assign the report to the chosen manager."""
        self._require_manager(person)
        report = self._report(state, person)
        assignee = _text(values, "assignee")
        if assignee not in dict(self._managers(person)):
            language = self.core.language_for(person)
            raise FormErrors({"assignee": text_for("assign_choose", language)})
        to = partial(triage.assign, platform=person.platform, assignee=assignee)
        who = untrusted(self.name(person.platform, assignee))
        return await self._apply(person, report, to, "assigned", who=who)

    async def resolve(self, person: Person, value: str) -> Form:
        """The form asking how the report ended."""
        self._require_manager(person)
        return views.resolve_form(self._open_report(value, person), self.core.language_for(person))

    async def resolve_submit(self, person: Person, values: Values, state: str) -> Message:
        """Resolve the report with its outcome."""
        self._require_manager(person)
        report = self._report(state, person)
        language = self.core.language_for(person)
        try:
            outcome = Outcome(_text(values, "outcome"))
        except ValueError:
            raise FormErrors({"outcome": text_for("resolve_choose", language)}) from None
        close = partial(triage.resolve, outcome=outcome, note=_text(values, "note"))
        said = text_for(f"outcome_{outcome.value}", language)
        return await self._apply(person, report, close, "resolved", outcome=said)

    async def dismiss(self, person: Person, value: str) -> Message:
        """Close the report as not an issue."""
        self._require_manager(person)
        return await self._apply(person, self._report(value, person), triage.dismiss, "dismissed")

    async def reopen(self, person: Person, value: str) -> Message:
        """Open a closed report again; the manager who pressed Reopen holds it."""
        self._require_manager(person)
        again = partial(triage.reopen, platform=person.platform, manager=person.user_id)
        return await self._apply(person, self._report(value, person), again, "reopened")

    async def all_notes(self, person: Person, value: str) -> Message:
        """Every reporter's notes, to the manager who asked (the card shows the first ten)."""
        self._require_manager(person)
        return views.all_notes(self._report(value, person), self.core.language_for(person))

    async def snooze(self, person: Person, value: str) -> Message:
        """Hold the reminders of a report for an hour or four."""
        self._require_manager(person)
        report_id, _, minutes = value.partition(":")
        # isdecimal, not isdigit: "²" is a digit that int() refuses (a made-up button's value).
        if not minutes.isdecimal() or int(minutes) not in triage.SNOOZE_CHOICES:
            raise UserError(text_for("snooze_gone", self.core.language_for(person)))
        report = self._report(report_id, person)
        until = time.time() + int(minutes) * 60
        change = triage.snooze(report, until, int(minutes))
        language = self.core.language_for(person)
        if change is None:
            status = views.status_line(report, self.name, language)
            return Message(text_for("snooze_stopped", language, ref=report.ref, status=status))
        self.store.record(report.id, (person.platform, person.user_id), *triage.parts(change))
        hours = int(minutes) // 60
        return Message(text_for("snoozed", language, ref=report.ref, hours=hours))

    async def _apply(
        self,
        person: Person,
        report: Report,
        decide: Callable[[Report], Change | None],
        done: str,
        **fields: str,
    ) -> Message:
        """Record what `decide` makes of the report as it is now, update every card in place
        and tell the reporters; the manager who acted hears, in their language, what the report
        became (`done` and its `fields`: `views.done`'s). The report is read and changed in one
        transaction: of two managers pressing at once, the second sees the first's change
        (review17a M1)."""
        language = self.core.language_for(person)
        # The change and the news for the reporters commit together: a crash between them
        # would otherwise lose the reporters' update.
        with self.core.db.atomic():
            before = self.store.get(report.id)
            change = decide(before)
            if change is None:
                status = views.status_line(before, self.name, language)
                return Message(views.done(before, "already", language, status=status))
            who = (person.platform, person.user_id)
            event = self.store.record(report.id, who, *triage.parts(change))
            report = self.store.get(report.id)
            told = self._tell_reporters(report, event)
            previous = triage.holder(before) if event.kind == "assigned" else None
            if event.kind == "assigned" and (report.assignee_platform, report.assignee) != who:
                self._hand_over(report, person, event)
            if previous is not None and previous != who:
                self._taken_from(report, person, previous, event)
        self._update_cards_soon(report)
        gone = sum(self.core.gone(r.platform, r.user_id) for r in report.reporters)
        said = views.done(report, done, language, **fields) + views.told(told, gone, language)
        if previous is not None and previous != who:
            said += " " + text_for("held_told", language, who=untrusted(self.name(*previous)))
        return Message(said)

    def _hand_over(self, report: Report, by: Person, event: Event) -> None:
        """The new assignee hears the report is theirs, with the card, by DM."""
        platform = report.assignee_platform
        if self.core.can_message(platform):
            language = self._language(platform, report.assignee)
            by_name = self.name(by.platform, by.user_id)
            message = views.handed_over(report, by_name, self.name, language)
            key = f"{report.ref}:{event.id}"
            self.core.outbox.enqueue(platform, [report.assignee], ids.HANDOVER, key, message)

    def _taken_from(
        self, report: Report, by: Person, previous: tuple[str, str], event: Event
    ) -> None:
        """Whoever held the report hears, by DM, that another manager took it over (or gave it
        to someone else): it is no longer theirs."""
        platform, user_id = previous
        if not self.core.can_message(platform):
            return
        language = self._language(platform, user_id)
        by_name = self.name(by.platform, by.user_id)
        message = views.taken_from(report, by_name, (by.platform, by.user_id), self.name, language)
        key = f"{report.ref}:{event.id}:from"
        self.core.outbox.enqueue(platform, [user_id], ids.HANDOVER, key, message)

    # -- reminders and home ----------------------------------------------------------------------

    async def tick(self, now: datetime) -> None:
        """File the reports a lock kept, queue cards a crash left unsent, then nudge the
        managers about waiting reports: one message for each of them listing what waits for
        them."""
        self.file_kept()
        for report in self.store.cards_unqueued():
            self._send_card(report)
        waiting: dict[tuple[str, str], list[Report]] = {}
        for report in self.store.due_reminders(now.timestamp()):
            try:
                for whom in self._to_remind(report, now):
                    waiting.setdefault(whom, []).append(report)
            except Exception:  # one bad report must not hold up the others' reminders
                log.exception("report reminder failed", extra={"report": report.ref})
        for (platform, recipient), reports in waiting.items():
            language = self._language(platform, recipient)
            reminder = views.reminder(reports, now.timestamp(), self.name, platform, language)
            key = "+".join(_reminder_key(report) for report in reports)
            self.core.outbox.enqueue(platform, [recipient], ids.REMINDER, key, reminder)
        stamp = now.timestamp()
        for report in {report.id: report for due in waiting.values() for report in due}.values():
            if report.status is Status.NEW:
                next_at = self.windows.next_reminder(stamp, report.urgency, report.nudges + 1)
            else:
                next_at = stamp + triage.FOLLOW_UP_EVERY
            self.store.nudged(report.id, report.nudges + 1, next_at)

    def _to_remind(self, report: Report, now: datetime) -> list[tuple[str, str]]:
        """Who a due report's reminder goes to now, as (platform, recipient): an unacknowledged
        one to the managers (else the team's channel), an acknowledged one to whoever holds it
        (else the same); a normal report, or one someone holds, only to those at work; with
        nobody at work, the reminder waits for the first to start."""
        platform, team = self.core.team_route(report.platform)
        managers = self.core.managers(platform)
        recipients = managers or team
        holder = report.assignee if report.assignee_platform == platform else ""
        # Whoever holds it, while they are one of the managers who can be reached (not gone,
        # not taken off the team): else the managers, who can take it over.
        held = (
            holder
            and not self.core.gone(platform, holder)
            and (not managers or self.core.on_the_team(platform, holder))
        )
        if report.status is not Status.NEW and held:
            recipients, managers = [holder], [holder]
        if not self.core.can_message(platform) or not recipients:
            return []
        if self.workweek is not None and (
            report.urgency is Urgency.NORMAL or report.status is not Status.NEW
        ):
            # A team channel: in the company's hours.
            starts = {
                r: self.workweek.next_at_work(now, platform, r if managers else "")
                for r in recipients
            }
            recipients = [r for r, start in starts.items() if start <= now]
            if not recipients:
                self.store.remind_later(report.id, min(starts.values()).timestamp())
        return [(platform, r) for r in recipients]

    async def home(self, person: Person) -> tuple[Block, ...]:
        """Your open reports; for managers, every open report."""
        mine = self.store.find(OPEN_STATUSES, (person.platform, person.user_id), views.LISTED + 1)
        team = self.store.find(OPEN_STATUSES) if person.has(Role.MANAGER) else None
        language = self.core.language_for(person)
        return views.home_section(mine, team, time.time(), self.name, person.platform, language)

    # -- delivery --------------------------------------------------------------------------------

    def _send_card(self, report: Report) -> None:
        """Queue the card for the team (on the reporter's platform, or on the other one where
        the team is), if there is a way and someone to send it to."""
        platform, team = self.core.team_route(report.platform)
        if not self.core.can_message(platform) or not team:
            return
        self.core.outbox.enqueue(
            platform, team, ids.CARD, report.ref, self._cards(report, platform)
        )
        self.store.cards_sent(report.id, platform, ids.CARD, team)

    def _tell_reopened(self, report: Report) -> None:
        """The team hears, in a new message (an edited card notifies nobody), that a closed
        report is reported again, with how it had been closed."""
        platform, team = self.core.team_route(report.platform)
        if not self.core.can_message(platform) or not team or report.reopened is None:
            return
        notice = cache(partial(views.reopened, report, self.name))
        key = f"{report.ref}:reopened:{report.reopened.at:.3f}"

        def notice_for(recipient: str) -> Message:
            return notice(self._language(platform, recipient))

        self.core.outbox.enqueue(platform, team, ids.REOPENED, key, notice_for)

    def _ping_crisis(self, report: Report, fresh: bool) -> None:
        """Every manager gets the card directly, unless a new card reached them already."""
        platform, _ = self.core.team_route(report.platform)
        cards = self.store.cards(report.id) if fresh else []
        holding = {c.recipient for c in cards if (c.platform, c.purpose) == (platform, ids.CARD)}
        managers = [m for m in self.core.managers(platform) if m not in holding]
        if not self.core.can_message(platform) or not managers:
            return
        card = self._cards(report, platform)
        self.core.outbox.enqueue(platform, managers, ids.CRISIS_PING, report.ref, card)
        self.store.cards_sent(report.id, platform, ids.CRISIS_PING, managers)

    def _update_cards_soon(self, report: Report) -> None:
        """Edit the cards after answering: an edit may wait on Slack's rate limits, and the
        person who pressed the button (or submitted the form) is answered within 3 seconds.
        One edit of a report's cards at a time: a change while one waits (a Retry-After) is
        drawn by one more edit after it, from the report as it is then, so an older edit
        retried late never has the last word on the card."""
        if report.id in self._editing:
            self._editing[report.id] = True
            return
        self._editing[report.id] = False
        self.core.soon("update report cards", self._update_cards(report.id))

    async def _update_cards(self, report_id: int) -> None:
        try:
            while True:
                self._editing[report_id] = False
                await self.update_cards(self.store.get(report_id))
                if not self._editing[report_id]:
                    return
        finally:
            del self._editing[report_id]

    async def update_cards(self, report: Report) -> list[Card]:
        """Show the report as it is now on every card sent about it, each in the language it
        was sent in; the cards that could not be changed (never sent, gone, or on a platform
        not reached from here)."""
        drawn = cache(partial(views.card, report, self.name))
        missed = []
        for sent in self.store.cards(report.id):
            card = drawn(self._language(sent.platform, sent.recipient))
            if not self.core.can_message(sent.platform) or not await self.core.outbox.update(
                sent.platform, sent.recipient, sent.purpose, report.ref, card
            ):
                missed.append(sent)
        return missed

    def _cards(self, report: Report, platform: str) -> Callable[[str], Message]:
        """The report's card for each recipient on `platform`: in a manager's DM in their
        language, in a shared channel in the guidelines' (W10 of review16a)."""
        drawn = cache(partial(views.card, report, self.name))
        return lambda recipient: drawn(self._language(platform, recipient))

    def _language(self, platform: str, recipient: str) -> str:
        """The language of what goes to `recipient` on `platform`: a person's own; for a
        channel (nobody's client), the guidelines'."""
        return self.core.language_for(self.core.person(platform, recipient))

    def _reporter_left(self, platform: str, user_id: str, key: str) -> None:
        """The news `key` ("R-0001:<event id>") did not reach a reporter, who has left: the
        manager whose action it told of, told the reporter was, hears they were not."""
        ref, _, event_id = key.partition(":")
        number = row_id(event_id)
        event = self.store.event(number) if number is not None else None
        if event is None or not self.core.can_message(event.platform):
            return
        reporter = self.name(platform, user_id, user_id)
        member = self.core.directory.get(platform, user_id)
        manager = self.core.person(event.platform, event.user_id)
        bot = member is not None and member.is_bot
        said = views.not_told(ref, reporter, self.core.language_for(manager), bot)
        again = f"{key}:{platform}:{user_id}"
        self.core.outbox.enqueue(event.platform, [event.user_id], ids.NOT_TOLD, again, said)

    def _tell_reporters(self, report: Report, event: Event) -> int:
        """Queue the news for every reporter who can be reached; how many could."""
        message = partial(views.status_update, report, event, self.name)
        return self._to_reporters(report, f"{report.ref}:{event.id}", message)

    def _to_reporters(self, report: Report, key: str, message: Callable[[str], Message]) -> int:
        """Queue `message` (in a language) under `key` for every reporter who can be reached,
        each on their own platform in their own language; how many could."""
        reached = 0
        said = cache(message)

        def told(platform: str, user_id: str) -> Message:
            return said(self._language(platform, user_id))

        for platform in sorted({r.platform for r in report.reporters}):
            if self.core.can_message(platform):
                people = [
                    r.user_id
                    for r in report.reporters
                    if r.platform == platform and not self.core.gone(platform, r.user_id)
                ]
                self.core.outbox.enqueue(platform, people, ids.STATUS, key, partial(told, platform))
                reached += len(people)
        return reached

    # -- lookups ---------------------------------------------------------------------------------

    def name(self, platform: str, user_id: str, fallback: str = "") -> str:
        """The name to show for a person: the directory's, else what the platform said."""
        return self.core.directory.name_of(platform, user_id, fallback)

    def _managers(self, person: Person) -> list[tuple[str, str]]:
        ids_ = sorted({*self.core.roles.members(Role.MANAGER, person.platform), person.user_id})
        return [(user_id, self.name(person.platform, user_id)) for user_id in ids_]

    def _require_manager(self, person: Person) -> None:
        require_manager(person, self.core.language_for(person))

    def _report(self, value: str, person: Person | None = None) -> Report:
        """The report a button or form names; else what the `person` who pressed it hears,
        in their language."""
        report_id = row_id(value)
        try:
            if report_id is not None:
                return self.store.get(report_id)
        except KeyError:
            pass
        language = self.core.language_for(person) if person is not None else "en"
        raise UserError(text_for("report_gone", language))

    def _open_report(self, value: str, person: Person) -> Report:
        """The open report a button or form names; a closed one is said to be, in the
        `person`'s language (before `triage`, whose own check would say it in English)."""
        report = self._report(value, person)
        if not report.status.is_open:
            language = self.core.language_for(person)
            status = text_for(f"listed_{report.status.value}", language)
            raise UserError(text_for("report_closed", language, ref=report.ref, status=status))
        return report
