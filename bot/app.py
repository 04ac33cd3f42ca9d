"""The app factory: one settings object in, every part wired together out; and the main loop."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from aiohttp import ClientError, web
from sqlite_utils import Database

from bot import __version__, stop_signals, storage
from bot.clock import Clock
from bot.console import inbox as console_inbox
from bot.console.inbox import CONSOLE_PACE, ConsoleGateway
from bot.console.session import ConsoleSession
from bot.delivery import ledger as delivery_ledger
from bot.delivery import unanswered
from bot.delivery.engine import DeliveryEngine
from bot.delivery.gateway import Gateway
from bot.delivery.policy import paces_from_settings
from bot.delivery.unanswered import Unanswered
from bot.llm import OpenAICompleter
from bot.server import (
    KEEPALIVE_SECONDS,
    MAX_CONNECTIONS,
    build_web_app,
    cannot_listen,
    listen,
    open_files_limit,
    quiet_accept_errors,
)
from bot.settings import Settings, without_userinfo
from bot.slack import seen_events as slack_seen_events
from bot.slack import uploads as slack_uploads
from bot.slack.app import SlackBot
from bot.slack.gateway import SlackGateway
from bot.store import BUSY_MS_ON_THE_LOOP, StoppedWaiting, WaitForTheLock, created_at
from bot.teams import bot as teams_bot
from bot.teams import people as teams_people
from bot.teams.bot import TeamsBot
from bot.wiring import build_core, open_core_database
from content_feed import store as content_store
from content_feed.compose import UTM, failure_line
from content_feed.manage import seed_feeds
from content_feed.refresh import refresh_due
from content_feed.store import failing_feeds
from handlers import announcements, digest, reports
from handlers import assistant as pane
from handlers.core import Core
from handlers.daily import Daily
from handlers.digest.store import DigestStore
from handlers.feeds import Feeds
from handlers.groups import GroupReader, GroupState
from handlers.insights import figures as insights_figures
from handlers.insights import latest as insights_latest
from handlers.insights.capability import Insights, InsightsSettings
from handlers.insights.views import failing_line
from handlers.team_questions import questions_command
from handlers.workdays import Workweek

log = logging.getLogger(__name__)
# Where the openai client goes without OPENAI_BASE_URL.
OPENAI_URL = "https://api.openai.com/v1"

SYNC_RETRY = timedelta(hours=1)
SOON_RETRY = timedelta(minutes=5)  # a role group never read yet, a sync cut short by throttling
DELIVERIES_KEPT = timedelta(days=90)  # far beyond any retry, resume or report window
SETTLE_SECONDS = 10.0  # how long a shutdown waits for work begun after answering someone
SLACK_RETRY_SECONDS = (1.0, 60.0)  # first and longest wait between tries to reach Slack

# What reaching Slack's Web API can fail with before Slack answers at all.
UNREACHABLE = (OSError, ClientError, TimeoutError)

CONNECT_HINT = """\
No chat platform is configured, so socialbot runs on this console only.
  Slack: create an app from `socialbot slack-manifest`, then set SLACK_BOT_TOKEN and
         SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP).
  Teams: upload `socialbot teams-package` and set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.
  Teams endpoint for the Bot Framework Emulator: http://localhost:{port}/api/messages
See README.md for the details."""


@dataclass
class DailyJob:
    """When a once-a-day job last worked; after a failure (a platform throttled, a token
    revoked) it is tried again an hour later, not at every tick."""

    done_on: date | None = None
    retry_at: datetime = field(default=datetime.min.replace(tzinfo=UTC))

    def due(self, now: datetime) -> bool:
        """Whether the job should run at `now`."""
        return self.done_on != now.date() and now >= self.retry_at

    def finished(self, started: datetime, worked: bool, retry: timedelta = SYNC_RETRY) -> None:
        """Record how the run begun at `started` went; a failed one is tried again `retry`
        later."""
        if worked:
            self.done_on = started.date()
        else:
            self.retry_at = started + retry


def _platforms_down(platforms: dict[str, Any], warnings: list[str]) -> list[str]:
    """A line per platform that is not connected, unless a warning already says why."""
    lines = []
    for name, state in platforms.items():
        error = state.get("error")
        if not state["ok"] and not any(error and error in warning for warning in warnings):
            lines.append(
                f"{name.capitalize()} is not connected" + (f": {error}" if error else " yet")
            )
    return lines


def _group_health(state: GroupState) -> dict[str, Any]:
    read_at = datetime.fromtimestamp(state.read_at, UTC) if state.read_at else None
    health: dict[str, Any] = {
        "group": str(state.group),
        "members": state.members,
        "read_at": read_at.isoformat(timespec="seconds") if read_at else None,
    }
    if state.error:
        health["error"] = state.error
    return health


def _group_warning(state: GroupState) -> str:
    """What admins should know of a group whose latest reading failed: who holds its role
    meanwhile, and until when."""
    if state.kept_until is None:
        return (
            f"role group {state.group} has never been read, so nobody holds its role yet:"
            f" {state.error}; tried again every {SOON_RETRY.seconds // 60} minutes"
        )
    if not state.members:
        return f"role group {state.group} gives its role to nobody: {state.error}"
    until = datetime.fromtimestamp(state.kept_until, UTC).isoformat(timespec="minutes")
    return (
        f"role group {state.group} cannot be read: {state.error}; the {state.members} member(s)"
        f" of its last reading keep its role until {until}, then nobody holds it through the group"
    )


@dataclass
class Runtime:
    """Everything the running bot is made of."""

    settings: Settings
    db: Database
    core: Core
    teams: TeamsBot
    slack: SlackBot | None
    delivery: DeliveryEngine
    digest: digest.Digest
    insights: Insights
    reports: reports.Reports
    model: OpenAICompleter | None = None
    clock: Clock = field(init=False)

    _background: dict[str, asyncio.Task[object]] = field(init=False, default_factory=dict)
    _people_sync: DailyJob = field(init=False, default_factory=DailyJob)
    _groups_read: DailyJob = field(init=False, default_factory=DailyJob)
    prune_deliveries_daily: Daily = field(init=False)
    _slack_unreachable: str | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.clock = Clock(self.core.tick)
        self.prune_deliveries_daily = self.core.on_day("prune deliveries", self.prune_deliveries)
        self.core.on_day("unname old share clicks", self.core.shares.unname_old)

    def seed_feeds(self) -> None:
        """Make SOCIALBOT_FEEDS (or, with no feed added by hand, the bundled sample) the feeds."""
        for problem in seed_feeds(self.db, self.settings.feeds):
            log.warning("feed setting not used", extra={"problem": problem})

    def _in_background(self, name: str, work: Callable[[], Coroutine[Any, Any, object]]) -> None:
        """Start `work` as a task unless the last one of that name still runs: slow jobs
        (a big workspace's member list, two hundred feeds) never hold up the minute tick."""
        running = self._background.get(name)
        if running is None or running.done():
            self._background[name] = asyncio.create_task(work(), name=name)

    def model_name(self) -> str:
        """ "<model> at <base URL>", as the start log and /healthz name the configured model."""
        where = without_userinfo(self.settings.openai_base_url or OPENAI_URL)
        return f"{self.settings.openai_model} at {where}"

    def try_model_in_background(self) -> None:
        """Name the model in the log at start and try it with one short call, so that a model
        that does not work (a wrong key, model name or URL) is one clear line at once."""
        if self.model is None:
            return
        log.info("model %s", self.model_name())
        self._in_background("try the model", self._try_model)

    async def _try_model(self) -> None:
        assert self.model is not None
        try:
            await self.model.complete("Reply with the one word OK.", "OK?")
        except Exception as error:
            log.warning(
                "the model %s failed its test call (%s): answers, checks and suggested posts"
                " stay offline until it works",
                self.model_name(),
                failure_line(error),
            )

    def embed_guidelines_in_background(self) -> None:
        """Embed the guidelines' passages in a thread at start: the first question would
        otherwise hold the event loop for as long (seconds for a long policy)."""
        self._in_background(
            "embed the guidelines", lambda: asyncio.to_thread(self.core.guidelines.prepare)
        )

    async def sync_people_daily(self, now: datetime) -> None:
        """Refresh the people directory and the role groups' members once a day (at start,
        then at the first tick of each day), in the background."""
        if self._people_sync.due(now):
            self._in_background("sync people", lambda: self._sync_people(now))
        if self._groups_read.due(now):
            self._in_background("read role groups", lambda: self._read_role_groups(now))

    async def connect_slack(self) -> None:
        """Connect to Slack. When Slack cannot be reached, say so in one line and keep trying
        in the background, waiting twice as long each time (`/healthz` says so until then);
        the people are read once it answers. Socket Mode connects in the background the same
        way, so the rest of the start (deliveries, the clock, Teams) never waits for it, not
        even for an SLACK_APP_TOKEN that Slack refuses."""
        if self.slack is None:
            return
        if await self._reach_slack():
            self._in_background("connect to Slack", self._connect_socket)
        else:
            self._in_background("connect to Slack", self._keep_trying_slack)

    async def _reach_slack(self) -> bool:
        assert self.slack is not None
        try:
            await self.slack.start()
        except UNREACHABLE as error:
            if self._slack_unreachable is None:
                log.warning(
                    "cannot reach Slack; trying again until it answers",
                    extra={"url": self.settings.slack_api_url, "error": str(error) or repr(error)},
                )
            self._slack_unreachable = f"cannot reach {self.settings.slack_api_url}: {error}"
            return False
        self._slack_unreachable = None
        return True

    async def _keep_trying_slack(self) -> None:
        await _until(self._reach_slack, first_wait=True)
        self._people_sync = DailyJob()  # the try at start could not read Slack's people
        await self.sync_people_daily(datetime.now(UTC))
        await self._connect_socket()

    async def _connect_socket(self) -> None:
        assert self.slack is not None
        await _until(self.slack.connect_socket, first_wait=False)

    async def _sync_people(self, now: datetime) -> None:
        synced, retry = True, SYNC_RETRY
        if self.slack is not None:  # an unreachable Slack is read once it answers
            again_at = now + SOON_RETRY
            synced = self._slack_unreachable is None and await self.slack.sync_people(again_at)
            if self.slack.membership.members_cut_short:
                retry = SOON_RETRY
            if self._slack_unreachable is None:
                await self.slack.check_team_channel()
        await self.teams.sync_people()
        self._people_sync.finished(now, synced, retry)
        for gap in [*self.core.team_gaps(), *self.teams.team_gaps(), *self._unknown_zones()]:
            log.warning(gap)  # at start, then daily

    def _unknown_zones(self) -> list[str]:
        settings = self.settings
        return teams_people.unknown_zones(
            self.core.directory, settings.digest_time, settings.timezone
        )

    async def _read_role_groups(self, now: datetime) -> None:
        worked = await self.read_role_groups()
        # A group never read gives its role to nobody: try again in minutes, not in an hour.
        unread = any(state.error and not state.read_at for state in self._role_groups())
        self._groups_read.finished(now, worked, SOON_RETRY if unread else SYNC_RETRY)

    def _role_groups(self) -> list[GroupState]:
        return self.core.group_members.states(self.core.roles.groups())

    async def read_role_groups(self) -> bool:
        """Read the members of the groups named in the role settings from their platforms;
        True when every group was read (the others keep their last known members)."""
        readers: dict[str, GroupReader] = {"teams": self.teams.groups.members}
        if self.slack is not None:
            readers["slack"] = self.slack.user_group_members
        return await self.core.group_members.refresh(self.core.roles.groups(), readers)

    async def prune_deliveries(self, now: datetime) -> None:
        """Drop delivery records older than DELIVERIES_KEPT, and the bodies of the messages
        that will not go out again (once a day: `prune_deliveries_daily`)."""
        gone = self.delivery.ledger.prune((now - DELIVERIES_KEPT).timestamp(), now.timestamp())
        log.info("old deliveries pruned", extra={"deliveries": gone})
        console_inbox.prune(self.db, (now - DELIVERIES_KEPT).timestamp())

    def tell_the_unanswered(self) -> None:
        """Ask again, in their language, whoever's question the last stop cut short before its
        answer was queued (a kill, an OOM, a shutdown's settle running out; review15b K1)."""

        def language(platform: str, user_id: str) -> str:
            return self.core.language_for(self.core.person(platform, user_id))

        Unanswered(self.db).tell_to_ask_again(self.delivery, language)

    async def refresh_feeds_in_background(self, now: datetime) -> None:
        """Start refreshing the feeds that are due, unless a refresh is still running."""
        allow_private = self.settings.allow_private_feeds
        self._in_background(
            "refresh feeds", lambda: refresh_due(self.db, allow_private=allow_private, now=now)
        )

    async def settle(self) -> None:
        """Wait for the work begun after answering someone: Slack's listeners, which Bolt runs
        after the ack, then the core's work they (or anything else) started with `soon`."""
        if self.slack is not None:
            await self.slack.settle()
        await self.core.settle()

    async def finish_background(self) -> None:
        """Wait for the background jobs running now (a people sync, a feeds refresh) to end."""
        await asyncio.gather(*self._background.values(), return_exceptions=True)

    async def stop_background(self) -> None:
        """Cancel the background jobs still running."""
        for task in self._background.values():
            task.cancel()
        await asyncio.gather(*self._background.values(), return_exceptions=True)

    async def close_clients(self) -> None:
        """Close the model's HTTP client: its pooled connections belong to this loop."""
        if self.model is not None:
            await self.model.aclose()

    async def health(self) -> dict[str, Any]:
        """`/healthz`: `ok` (and 200) while the process works, its database answering and its
        clock ticking; each platform's state, which never makes the bot look down (Teams, the
        deliveries and the clock run while Slack refuses it), and what someone should hear of."""
        process: dict[str, Any] = {
            # When it was created: a lost volume shows as a database created at the last start.
            "database": {**storage.database_health(self.db), "created": str(created_at(self.db))},
            "clock": {"ok": self.clock.running},
        }
        platforms: dict[str, Any] = {
            "teams": {"ok": True, **self.teams.health()},
            "slack": await self._slack_health(),
        }
        model = self._model_health()
        # The role groups are no connection: a failed reading keeps the last known members, so
        # it shows here without making the bot look down.
        groups = self._role_groups()
        # Half a configuration runs, but someone should hear of it; so does a Slack that
        # refuses part of what the bot needs, a guidelines file that cannot be read, a team
        # channel that refuses the bot, and a feed that has failed for a day.
        warnings = [
            *self.settings.gaps(),
            *self._model_warnings(model),
            *(self.slack.warnings() if self.slack else []),
            *self.core.guidelines.warnings(),
            *self.delivery.warnings(),
            *self.core.team_gaps(),
            *self.teams.warnings(),
            *self._unknown_zones(),
            *(_group_warning(state) for state in groups if state.error),
            *(
                f"{failing_line(feed)}; `socialbot feeds list` shows it, `socialbot feeds remove`"
                " drops it"
                for feed in failing_feeds(self.db, datetime.now(UTC))
            ),
        ]
        return {
            "ok": all(part["ok"] for part in process.values()),
            "version": __version__,
            **process,
            **platforms,
            "model": model,
            "role_groups": [_group_health(state) for state in groups],
            # A platform failing for everyone pauses its queue: since when, why, how many wait.
            "deliveries": {"paused": self.delivery.outages()},
            "warnings": [*_platforms_down(platforms, warnings), *warnings],
        }

    def _model_warnings(self, model: dict[str, Any]) -> list[str]:
        """A line while the configured model fails (its last call, or down a while), and one
        while the bot's daily calls are spent."""
        warnings = []
        if not model["ok"] or model.get("failures"):
            warnings.append(
                f"the model {self.model_name()} fails ({model['last_error']}): answers, checks"
                " and suggested posts are offline meanwhile"
            )
        if since := model.get("budget", {}).get("daily_calls_spent_since"):
            warnings.append(
                f"the model's daily calls (SOCIALBOT_MODEL_DAILY_CALLS) are spent since {since}:"
                " answers, checks and suggested posts are offline until earlier calls age out"
            )
        return warnings

    def _model_health(self) -> dict[str, Any]:
        """The model's part: off, or its name, ok, down since, last error, failures in a row
        (a failing model never makes the bot look down: everything answers offline) and its
        budget: the limits, people at theirs, since when the daily calls are spent."""
        if self.model is None:
            return {"ok": True, "mode": "off"}
        budget = self.model.budget.health()
        return {"name": self.model_name(), **self.model.health(), "budget": budget}

    async def _slack_health(self) -> dict[str, Any]:
        if self.slack is None:
            return {"ok": True, "mode": "off"}
        state = await self.slack.health()
        if self._slack_unreachable and not state["ok"]:
            state["error"] = self._slack_unreachable
        return state


async def _until(attempt: Callable[[], Awaitable[bool]], *, first_wait: bool) -> None:
    """Call `attempt` until it returns True, waiting twice as long after each failure (from
    SLACK_RETRY_SECONDS' first wait up to its longest); `first_wait`: wait before the first."""
    wait, longest = SLACK_RETRY_SECONDS
    if first_wait:
        await asyncio.sleep(wait)
        wait = min(wait * 2, longest)
    while not await attempt():
        await asyncio.sleep(wait)
        wait = min(wait * 2, longest)


def build_runtime(
    settings: Settings,
    *,
    in_memory: bool = False,
    upgrade: bool = True,
    writable: WaitForTheLock | None = None,
    reads_only: bool = False,
) -> Runtime:
    """Open the database (a throwaway one `in_memory`; an older release's migrated only with
    `upgrade`, else refused; `writable` waits while another program holds its write lock; one
    that cannot be written only read, for a command that `reads_only`) and build the core and
    the platform adapters from `settings`."""
    db = open_core_database(
        None if in_memory else settings.db,
        [
            announcements.migrations,
            digest.migrations,
            content_store.migrations,
            delivery_ledger.migrations,
            unanswered.migrations,
            console_inbox.migrations,
            slack_seen_events.migrations,
            slack_uploads.migrations,
            pane.migrations,
            teams_bot.migrations,
            insights_figures.migrations,  # after the tables it indexes
            insights_latest.migrations,
        ],
        BUSY_MS_ON_THE_LOOP,
        upgrade=upgrade,
        writable=writable,
        reads_only=reads_only,
    )
    parts = build_core(settings, db)
    core, model = parts.core, parts.model
    workweek = Workweek(
        core.directory,
        lambda platform, user_id: DigestStore(db).preferences(platform, user_id).days,
        settings.digest_days,
        ZoneInfo(settings.timezone),
        settings.holidays,
        settings.reminder_hours,
    )
    team_reports = reports.Reports(core, ack_minutes=settings.report_ack_minutes, workweek=workweek)
    team_reports.register(core)
    parts.checks.register(core)
    slack = SlackBot(settings, core, db) if settings.slack_enabled else None
    teams = TeamsBot(settings, core, db)
    gateways: list[Gateway] = [teams.gateway, ConsoleGateway(db, ZoneInfo(settings.timezone))]
    if slack is not None:
        directory = core.directory
        gateway = SlackGateway.from_settings(
            settings, seen_active=lambda user_id: directory.seen_active_at("slack", user_id)
        )
        gateways.append(gateway)
    paces = {**paces_from_settings(settings), "console": CONSOLE_PACE}
    delivery = DeliveryEngine(
        db,
        gateways,
        paces,
        stand_ins=core.stand_ins,
        on_held=core.held,
        on_gone=core.left,
    )
    core.connect(delivery, [gateway.platform for gateway in gateways])
    teams.send_refused_answers_through(delivery)
    if slack is not None:
        slack.send_answers_through(delivery)
    utm = UTM(enabled=settings.utm, campaign=settings.utm_campaign)
    announcements.Announcements(
        core,
        model=model,
        utm=utm,
        timezone=settings.timezone,
        console_target="slack" if slack is not None else None,
        include_guests=settings.include_guests,
        employer=next(iter(settings.company_names), ""),
        workdays=settings.digest_days,
        holidays=settings.holidays,
    ).register(core)
    daily = digest.Digest(core, settings, model=model, vet=parts.checks.objection)
    daily.offer(
        lambda platform, user_id, now: announcements.shareable_announcements(
            db, platform, user_id, now, utm
        )
    )
    daily.register(core)
    team_insights = Insights(
        core,
        InsightsSettings(
            settings.timezone,
            settings.insights,
            settings.leaderboard,
            settings.teams_clicks_uncounted,
            settings.holidays,
        ),
    )
    team_insights.register(core)
    Feeds(core, daily, allow_private=settings.allow_private_feeds).register(core)
    core.socialbot.add(questions_command(core))
    runtime = Runtime(
        settings, db, core, teams, slack, delivery, daily, team_insights, team_reports, model
    )
    core.on_tick("refresh feeds", runtime.refresh_feeds_in_background)
    core.on_tick("sync people", runtime.sync_people_daily)
    return runtime


# At start, while a backup script or a database browser holds the database's write lock.
WAITING_FOR_THE_LOCK = (
    "the database is busy: another program holds its write lock (a backup, a database"
    " browser); the bot starts once it lets go"
)


async def serve(runtime: Runtime, console_in: TextIO | None = None) -> None:
    """Run until SIGTERM/SIGINT (or the end of the console's input, when there is one)."""
    settings = runtime.settings
    quiet_accept_errors(asyncio.get_running_loop())
    files = open_files_limit()
    runner = web.AppRunner(
        build_web_app(runtime), access_log=None, keepalive_timeout=KEEPALIVE_SECONDS
    )
    await runner.setup()
    try:
        # Half the descriptors at most for connections: the rest for SQLite and outbound calls.
        listener = await listen(
            runner, settings.host, settings.port, limit=min(MAX_CONNECTIONS, files // 2)
        )
    except OSError as error:
        await runner.cleanup()
        runtime.db.close()
        raise cannot_listen(settings.host, settings.port, error) from None
    log.info(
        "socialbot %s listening",
        __version__,
        # The zone in force: a ConfigMap's or an old .env's that overrides the meant one shows.
        extra={
            "host": settings.host,
            "port": settings.port,
            "version": __version__,
            "timezone": settings.timezone,
        },
    )
    for gap in settings.gaps(console=console_in is not None):
        log.warning(gap)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in stop_signals.SIGNALS:
        loop.add_signal_handler(signum, stop.set)
    if stop_signals.asked_early():
        log.info("asked to stop while starting")
        stop.set()
    waiters: list[asyncio.Future[Any]] = [asyncio.ensure_future(stop.wait())]
    try:
        if not stop.is_set():  # nothing begun for a stop asked during the start
            writable = WaitForTheLock(lambda: log.warning(WAITING_FOR_THE_LOCK), stop.is_set)
            await writable(runtime.seed_feeds)
            runtime.embed_guidelines_in_background()
            runtime.try_model_in_background()
            await runtime.connect_slack()
            await writable(runtime.tell_the_unanswered)
            await writable(runtime.delivery.start)
            await runtime.prune_deliveries_daily(datetime.now(UTC))  # at start, not a minute later
            await runtime.sync_people_daily(datetime.now(UTC))  # so is the sync
            await runtime.refresh_feeds_in_background(datetime.now(UTC))  # so is the first fetch
            runtime.clock.start()
            if console_in is not None:
                runtime.teams.serve_emulator()  # the hint below offers it
                print(CONNECT_HINT.format(port=settings.port), file=sys.stderr)
                session = ConsoleSession(
                    runtime.core,
                    console_in,
                    sys.stdout,
                    user_id="console",
                    drain=SETTLE_SECONDS,
                    zone=ZoneInfo(settings.timezone),
                )
                waiters.append(asyncio.ensure_future(session.run()))
        await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    except StoppedWaiting:  # asked to stop while another program held the database's lock
        pass
    finally:
        log.info("shutting down")
        for waiter in waiters:
            waiter.cancel()
        # Another stop (`docker stop` and orchestrators send SIGTERM again, Ctrl-C twice) lets
        # this one finish: it would end the process half-way (what a SIGKILL is for).
        for signum in stop_signals.SIGNALS:
            loop.add_signal_handler(signum, log.info, "already shutting down")
        runtime.clock.stop()
        try:
            async with asyncio.timeout(SETTLE_SECONDS):
                await runtime.settle()
        except TimeoutError:
            log.warning("work begun after answering someone was cut short by the shutdown")
        await runtime.delivery.stop()
        await runtime.stop_background()
        await runtime.close_clients()
        runtime.teams.stop()
        if runtime.slack is not None:
            await runtime.slack.stop()
        listener.close()
        await runner.cleanup()
        runtime.db.close()
        for signum in stop_signals.SIGNALS:
            loop.remove_signal_handler(signum)
        stop_signals.noted_again()
