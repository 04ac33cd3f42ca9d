"""Insights for the social media team (issue 17): `/socialbot insights`, the weekly message
and a section of the managers' home page.

The figures are read in a worker thread on a connection of its own, and the chart is drawn in
a process of its own, so a year of history over a large workforce never holds up the event
loop (and nobody's click).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from handlers.command_words import WORDS_ONLY, typed
from handlers.commands import Subcommand
from handlers.core import Core
from handlers.errors import UserError
from handlers.insights import chart as charts
from handlers.insights import figures as numbers
from handlers.insights import latest as kept
from handlers.insights.figures import Figures
from handlers.insights.views import (
    dated_title,
    insights_message,
    lines,
    nothing_message,
    period_title,
)
from handlers.insights.weekly import CATCH_UP, Weekly
from handlers.people import Person, Role
from handlers.texts import text_for
from handlers.views import Block, Context, Header, Image, Message, Text
from handlers.workdays import NO_HOLIDAYS, Holidays

log = logging.getLogger(__name__)

WEEKLY = "insights"  # delivery purpose of the weekly message; the key is its due date
ASKED = "insights-asked"  # delivery purpose of `/socialbot insights`; the key is when
DEFAULT_DAYS = 7
PLATFORMS = ("slack", "teams", "console")
OFFERED_KEPT = timedelta(days=400)  # a year back, the longest period, and some
RETRY = timedelta(minutes=30)  # after a weekly message that could not be made
MOST_DAYS_OFF = 7  # a weekly message waits at most this many holidays in a row
HOME_CHART_KEPT = timedelta(weeks=1)  # an older chart is drawn again when a manager looks

T = TypeVar("T")


@dataclass(frozen=True)
class InsightsSettings:
    """What the insights read from the settings."""

    timezone: str
    weekly: Weekly | None
    leaderboard: bool
    teams_clicks_uncounted: bool = False
    holidays: Holidays = NO_HOLIDAYS


def database_file(db: Database) -> str:
    """The file behind `db` ("" for a database in memory)."""
    for _, name, path in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return str(path or "")
    return ""


async def off_the_loop(db: Database, work: Callable[[Database], T]) -> T:
    """`work(db)` in a worker thread on a read-only connection of its own; on the loop for a
    database in memory (tests, throwaway runtimes), which no other connection can see."""
    path = database_file(db)
    if not path:
        return work(db)

    def run() -> T:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.execute("PRAGMA busy_timeout=5000")
            return work(Database(connection))
        finally:
            connection.close()

    return await asyncio.to_thread(run)


class Insights:
    """The insights capability; `register` puts it on the core."""

    def __init__(self, core: Core, settings: InsightsSettings) -> None:
        self.core = core
        self.zone = ZoneInfo(settings.timezone)
        self.weekly = settings.weekly
        self.days_off = settings.holidays.where(self.zone)  # the team's, in SOCIALBOT_TIMEZONE
        self.leaderboard = settings.leaderboard
        self.teams_clicks_uncounted = settings.teams_clicks_uncounted
        self.latest: Figures | None = None
        self._sent_for: str | None = None
        self._sending = False
        self._retry_at = datetime.min.replace(tzinfo=UTC)
        self._drawing_for_home = asyncio.Lock()
        self._home_retry_at = datetime.min.replace(tzinfo=UTC)  # after a drawing that failed

    def register(self, core: Core) -> None:
        """Add `/socialbot insights`, the home section and the tick."""
        core.socialbot.add(
            Subcommand(
                "insights",
                "for managers: shares, participation, reports, questions (7d, 30d or 90d)",
                self._command,
                role=Role.MANAGER,
            )
        )
        core.on_home(self._home)
        core.on_tick("insights", self.tick)
        core.on_day("prune items offered", self.prune_offered)

    # -- figures and the message -----------------------------------------------------------------

    def compute(self, db: Database, end: datetime, days: int) -> Figures:
        """The figures for the `days` before `end` (on whichever connection is given)."""
        uncounted = ("teams",) if self.teams_clicks_uncounted else ()
        return numbers.compute(
            db, end, days, self.zone, leaderboard=self.leaderboard, uncounted=uncounted
        )

    async def message(self, end: datetime, days: int, language: str = "en") -> Message:
        """The insights with their chart in `language`, computed in a thread and drawn in a
        process."""
        figures = await self._figures(end, days)
        chart = await self._drawn(figures, language)
        return insights_message(figures, chart, self.teams_clicks_uncounted, language)

    async def _figures(self, end: datetime, days: int) -> Figures:
        """`compute` in a worker thread."""
        return await off_the_loop(self.core.db, lambda db: self.compute(db, end, days))

    async def _drawn(self, figures: Figures, language: str) -> charts.Chart:
        """The chart of `figures` in `language`, drawn in a process (kept for the home)."""
        chart = await charts.draw_apart(figures, language)
        self.latest = figures
        title = dated_title(figures, language)
        kept.remember(self.core.db, figures, chart, title, datetime.now(UTC), language)
        return chart

    # -- /socialbot insights ---------------------------------------------------------------------

    async def _command(self, person: Person, text: str) -> Message:
        language = self.core.language_for(person)
        if not person.has(Role.MANAGER):
            raise UserError(text_for("ins_managers_only", language))
        try:
            days = numbers.parse_period(text) if text else DEFAULT_DAYS
        except ValueError:
            example = typed(person.platform, "socialbot", "insights 7d")
            raise UserError(
                text_for("ins_bad_period", language, text=text, example=example)
            ) from None
        now = datetime.now(UTC)
        if not self.core.can_message(person.platform):
            return await self.message(now, days, language)  # the console: no deadline, no upload
        # Slack wants an answer within 3 seconds: the chart follows as a message of its own.
        self.core.soon("insights on demand", self._send_to(person, now, days))
        drawing = "ins_drawing_chat" if person.platform in WORDS_ONLY else "ins_drawing_dm"
        return Message(text_for(drawing, language, days=days))

    async def _send_to(self, person: Person, now: datetime, days: int) -> None:
        message = await self.message(now, days, self.core.language_for(person))
        key = f"{now.timestamp():.6f}"
        self.core.outbox.enqueue(person.platform, [person.user_id], ASKED, key, message)

    # -- the weekly message ----------------------------------------------------------------------

    async def prune_offered(self, now: datetime) -> None:
        """Forget which items went out beyond the longest period (once a day)."""
        numbers.prune_offered(self.core.db, now - OFFERED_KEPT)

    async def tick(self, now: datetime) -> None:
        """Once the week's time has come, queue the weekly message for the team on each
        platform; the delivery ledger's key (the due date) sends it once, restarts or not."""
        if self.weekly is None or self._sending or now < self._retry_at:
            return
        due = self.weekly.last_due(now, self.zone)
        key = due.date().isoformat()
        # On the team's public holiday (Easter Monday) it waits for their next day back, at the
        # same time (review17a M9).
        for _ in range(MOST_DAYS_OFF):
            if due.astimezone(self.zone).date() not in self.days_off:
                break
            due = (due.astimezone(self.zone) + timedelta(days=1)).astimezone(UTC)
        if now < due or self._sent_for == key or now - due > CATCH_UP:
            return
        self._sending = True
        self._retry_at = now + RETRY  # cleared by success; a failure is not redone every minute
        self.core.soon("weekly insights", self._send_weekly(due, key))

    async def _send_weekly(self, due: datetime, key: str) -> None:
        try:
            await self.core.read_guidelines_language()  # the first tick may not have read it
            teams = {p: self.core.team_for(p) for p in PLATFORMS if self.core.can_message(p)}
            try:
                figures = await self._figures(due, DEFAULT_DAYS) if any(teams.values()) else None
            except sqlite3.OperationalError as error:  # its file gone (review15b K4), locked
                log.error(
                    "weekly insights not sent: cannot read the database (%s); tried again later",
                    error,
                    extra={"week": key},
                )
                return
            if figures is not None and figures.nothing_happened and self._new_in(figures):
                # The bot's first week (it started during or after it): no empty report as the
                # team's first message from it (review12b D9).
                log.info(
                    "weekly insights not sent: the bot's first week, nothing in it",
                    extra={"week": key},
                )
            elif figures is not None:
                # A later empty week is news to the team too: the bot works, nothing happened
                # (review13c R8). The chart is drawn once in each language read.
                by_language = {p: self._by_language(p, team) for p, team in teams.items()}
                messages: dict[str, Message] = {}
                for platform, groups in by_language.items():
                    for language, recipients in groups.items():
                        if language not in messages:
                            messages[language] = (
                                nothing_message(figures, language)
                                if figures.nothing_happened
                                else insights_message(
                                    figures,
                                    await self._drawn(figures, language),
                                    self.teams_clicks_uncounted,
                                    language,
                                )
                            )
                        self.core.outbox.enqueue(
                            platform, recipients, WEEKLY, key, messages[language]
                        )
            self._sent_for = key
            self._retry_at = datetime.min.replace(tzinfo=UTC)
        finally:
            self._sending = False

    def _by_language(self, platform: str, team: list[str]) -> dict[str, list[str]]:
        """The team's recipients by the language they read: a manager their own
        (`Core.language_for`), the team's channel English as every post in a channel."""
        found: dict[str, list[str]] = {}
        for recipient in team:
            known = self.core.directory.get(platform, recipient) is not None
            person = self.core.person(platform, recipient)
            found.setdefault(self.core.language_for(person) if known else "en", []).append(
                recipient
            )
        return found

    def _new_in(self, figures: Figures) -> bool:
        """Whether the bot began counting after the start of `figures`' period."""
        since = numbers.counting_since(self.core.db)
        return since is None or since > figures.start

    # -- the home page -----------------------------------------------------------------------------

    async def _home(self, person: Person) -> tuple[Block, ...]:
        """For managers, in their language: the latest chart (drawn now when there is none
        from the last week), with the figures' lines while this process has them; when the
        drawing failed, what there is, with a line that says so."""
        if not person.has(Role.MANAGER):
            return ()
        language = self.core.language_for(person)
        command = typed(person.platform, "socialbot", "insights 30d")
        if self.weekly:
            weekday = text_for("day_names", language).split(",")[self.weekly.weekday]
            at = f"{self.weekly.at:%H:%M}"
            said = text_for("ins_home_weekly", language, weekday=weekday, time=at, command=command)
        else:
            said = text_for("ins_home_any", language, command=command)
        hint = Context(said)
        now = datetime.now(UTC)
        shown = await self._home_chart(now, language)
        failed = (
            (Context(text_for("ins_chart_failed", language)),) if now < self._home_retry_at else ()
        )
        if shown is None:
            return (Header(text_for("ins_home_title", language)), *failed, hint)
        chart = shown.chart
        figures = self.latest
        text = (
            (Text("\n".join(lines(figures, language))),)
            if figures is not None and (figures.start, figures.end) == (shown.start, shown.end)
            else ()
        )
        named = period_title(shown.start, shown.end, shown.days, self.zone, language)
        return (
            Header(named),
            Image(chart.png, chart.alt, chart.width, chart.height, named),
            *text,
            *failed,
            hint,
        )

    async def _home_chart(self, now: datetime, language: str) -> kept.LatestChart | None:
        """The chart drawn last in `language`, or one drawn now for the last week when there
        is none or it is older than a week (one drawing at a time, however many managers
        look). A drawing that failed is logged once and not tried again for a while: the older
        chart, if any."""
        async with self._drawing_for_home:
            shown = kept.latest(self.core.db, language)
            if shown is not None and now - shown.drawn_at <= HOME_CHART_KEPT:
                return shown
            if now < self._home_retry_at:
                return shown
            try:
                await self.message(now, DEFAULT_DAYS, language)
            except Exception:
                log.exception("could not draw the insights chart for the home page")
                self._home_retry_at = now + RETRY
                return shown
            return kept.latest(self.core.db, language)
