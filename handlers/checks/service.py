"""Checking drafts for the core: `/check-post` (Slack), "check:" in a DM, the message shortcut, the
form, the report button and 👍/👎; and `socialbot check` through `check`."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from content_feed.compose import TextModel
from handlers.checks import ids, stats, views
from handlers.checks.concerns import CheckSettings, Context, Kind, Result
from handlers.checks.model import DEFAULT_TIMEOUT, MAX_GUIDELINES, model_review
from handlers.checks.review import OfflineReview
from handlers.command_words import typed
from handlers.commands import SlashCommand
from handlers.core import Core, Shortcut
from handlers.errors import FormErrors, UserError
from handlers.model_use import asked_by
from handlers.people import Person
from handlers.reports.links import keys
from handlers.reports.model import OPEN_STATUSES
from handlers.reports.store import ReportStore
from handlers.views import Message, Reply, SharedMessage, Values

REPORT_COMMAND = "report-mention"
UTC_ZONE = ZoneInfo("UTC")


class Checks:
    """The check capability; `register` puts it on the core."""

    def __init__(
        self,
        core: Core,
        settings: CheckSettings,
        model: TextModel | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        zone: ZoneInfo = UTC_ZONE,
        context_chars: int = MAX_GUIDELINES,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.core = core
        self.zone = zone  # the company's day (SOCIALBOT_TIMEZONE): for whom the bot does not know
        self.now = now
        self.review = OfflineReview(core.guidelines.file, settings, self.today)
        self.model = model
        self.timeout = timeout
        self.context_chars = context_chars  # of the guidelines sent whole with a draft

    def today(self, person: Person | None = None) -> date:
        """The day it is for `person` (their zone in the directory), else the company's day:
        a term confidential `until` a date stays so until that day is over where they are."""
        zone = self.zone
        if person is not None:
            zone = self.core.directory.zone_of(person.platform, person.user_id, zone)
        return self.now().astimezone(zone).date()

    def register(self, core: Core) -> None:
        """Add the command, the shortcut, the form and the buttons."""
        core.commands.add(
            SlashCommand(
                ids.COMMAND,
                "Check a post against the guidelines before you publish it",
                "[your draft]",
                self.command,
                private=True,
            )
        )
        core.on_shortcut(
            Shortcut(
                ids.SHORTCUT,
                "Check against guidelines",  # Slack allows 24 characters
                "Check this message against the social media guidelines before you post it",
                self.shortcut,
            )
        )
        core.on_form(ids.FORM, self.submit)
        core.on_action(ids.REPORT, self.report)
        core.on_action(ids.HELPFUL, self.helpful)
        core.on_action(ids.UNHELPFUL, self.unhelpful)
        for prefix in ids.DM_PREFIXES:
            core.on_prefix(prefix, self.message)

    def open_report_keys(self) -> frozenset[str]:
        """The links of the reports still open, as report keys."""
        reports = ReportStore(self.core.db).find(OPEN_STATUSES)
        return frozenset(key for report in reports for key in keys(report.links))

    async def check(self, draft: str, profile: str = "", person: Person | None = None) -> Result:
        """Check `draft` (offline, and by the model when there is one) and count the kinds."""
        draft = draft.strip()
        if not draft:
            raise UserError("Give me the draft to check.")
        if len(draft) > views.MAX_DRAFT * 2:
            raise UserError(f"That is longer than any post ({len(draft)} characters).")
        index = await self.core.guidelines.index()
        # In a worker thread: a long draft takes a while, so do an edited file's rules and
        # sections, and every other user waits meanwhile.
        asker = self.core.language_for(person) if person is not None else ""
        context = Context(profile, self.open_report_keys(), self.today(person), asker)
        result = await asyncio.to_thread(self.review.check, draft, context, index)
        if self.model is not None:
            sections = index.sections
            if sum(len(s.body) for s in sections) > self.context_chars:
                sections = tuple(hit.section for hit in index.search(draft, limit=5))
            result = await model_review(self.model, result, sections, self.timeout)
        stats.count(self.core.db, result, self.today())  # the company's day
        return result

    def objection(self, post: str) -> str | None:
        """Why a post the bot wrote for people to share must not be offered: its first offline
        concern but disclosure (the bot cannot know who says they work here), or None."""
        for concern in self.review.check(post).concerns:
            if concern.kind is not Kind.DISCLOSURE:
                return f"{concern.kind.value}, {concern.section}"
        return None

    async def answer(self, person: Person, draft: str, profile: str = "") -> Message:
        """The check as a message; the model is asked on the person's budget."""
        with asked_by(person):
            return views.result_message(await self.check(draft, profile, person))

    async def command(self, person: Person, text: str) -> Reply:
        """`/check-post <draft>` checks it; `/check-post` alone opens the form."""
        if not text.strip():
            return views.check_form()
        return await self.answer(person, text)

    async def message(self, person: Person, draft: str) -> Message:
        """ "check: <draft>" in a DM or a mention."""
        if not draft.strip():
            example = typed(person.platform, "check-post", "Proud to share…")
            raise UserError(f"Give me the draft to check, e.g. `{example}`.")
        return await self.answer(person, draft)

    async def shortcut(self, person: Person, shared: SharedMessage) -> Message:
        """ "Check against guidelines" on a message."""
        if not shared.text.strip():
            raise UserError("That message has no text I can check.")
        return await self.answer(person, shared.text)

    async def submit(self, person: Person, values: Values, state: str) -> Message:
        """The filled-in form."""
        draft = values.get("draft") or ""
        profile = values.get("profile") or ""
        if isinstance(draft, list) or not draft.strip():
            raise FormErrors({"draft": "Paste the post you are about to publish."})
        if len(draft) > views.MAX_DRAFT:
            raise FormErrors({"draft": f"At most {views.MAX_DRAFT} characters."})
        return await self.answer(person, draft, profile if isinstance(profile, str) else "")

    async def report(self, person: Person, value: str) -> Reply:
        """The report button: file the criticism the draft answers (its link), or open the
        report form with the draft as what it is about."""
        return await self.core.command(REPORT_COMMAND, person, value)

    async def helpful(self, person: Person, value: str) -> Message:
        """👍 on a check: thanks, nothing stored beyond the counts."""
        return views.thanks(helpful=True)

    async def unhelpful(self, person: Person, value: str) -> Message:
        """👎 on a check: keep the draft (without who sent it) for the guidelines' keepers."""
        kinds, _, draft = value.partition("\n")
        stats.record_downvote(self.core.db, draft, tuple(k for k in kinds.split(",") if k))
        return views.thanks(helpful=False)
