"""Teams over HTTP: `POST /api/messages` in, Bot Framework's CloudAdapter to run the turn.

botbuilder 4.17's stock aiohttp handler answers 500 to every invoke that expects a body, so this
module reads the request, authenticates it and writes the invoke response itself.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from types import SimpleNamespace
from typing import Any

from aiohttp import web
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes
from botbuilder.schema.teams import TeamsChannelData
from sqlite_utils import Database

from bot import storage
from bot.delivery.engine import DeliveryEngine
from bot.delivery.gateway import LATE_ANSWER
from bot.delivery.ledger import Ledger, canonical
from bot.delivery.unanswered import BUTTON, FORM, QUESTION, Asked, Unanswered
from bot.errors import reply_for_error
from bot.repeats import Repeated
from bot.screenshots import KeptFiles
from bot.settings import Settings
from bot.teams import cards, connector_errors, invokes, keys, origin, people, reach, shapes
from bot.teams.channels import TeamsChannels, learn_channels
from bot.teams.conversations import Conversation, Conversations, migrations
from bot.teams.exposure import REMEDY, ChannelKinds, exposure
from bot.teams.gateway import TOKEN_REFUSED, TeamsGateway
from bot.teams.graph import EntraGroups
from bot.teams.install import NotInstalled, SelfInstall
from bot.teams.refused_tokens import RefusedTokens
from bot.teams.screenshots import PastedPictures
from bot.teams.share_links import ShareLinks
from bot.teams.tokens import FetchingAdapter, connector_tokens
from bot.teams.turns import PLATFORM, Turns, reply
from bot.teams.zones import MailboxZones, learn_zones
from handlers.core import Core
from handlers.errors import database_locked
from handlers.people import CHANNEL_SHAPES, exposed_team_channel, on_platform
from handlers.reports.screenshots import Screenshots
from handlers.texts import language_of, text_for
from handlers.views import Message

log = logging.getLogger(__name__)

__all__ = ["TeamsBot", "bot_framework_configuration", "migrations"]

CLICKS_UNCOUNTED = (
    "SOCIALBOT_PUBLIC_URL is not set: Teams share buttons open the network directly and their"
    " clicks are not counted in the insights and stats; set it to the bot's public https address"
)


def bot_framework_configuration(settings: Settings) -> SimpleNamespace:
    """The settings under the attribute names botbuilder's configuration classes read."""
    password = settings.microsoft_app_password
    return SimpleNamespace(
        APP_ID=settings.microsoft_app_id or "",
        APP_PASSWORD=password.get_secret_value() if password else "",
        APP_TYPE=settings.microsoft_app_type,
        APP_TENANTID=settings.microsoft_app_tenant_id or "",
    )


def _activity(body: bytes) -> Activity | str:
    """The body as an activity, or what is wrong with it (not JSON, nested too deep, a field
    not of its type)."""
    try:
        found = json.loads(body)
    except (ValueError, RecursionError):  # broken JSON, bad UTF-8, a bomb of brackets
        return "the body is not JSON"
    if (field := shapes.problem(found)) is not None:
        return f"the activity's {field} is not as Bot Framework sends it"  # "body": no object
    try:
        return Activity().deserialize(found)
    except (ValueError, RecursionError, TypeError, AttributeError, KeyError):
        return "the body is not a Bot Framework activity"  # msrest's errors are ValueErrors


def tenant_of(activity: Activity) -> str:
    """The Entra tenant the activity comes from, as Teams names it; "" when it names none."""
    tenant = TeamsChannelData().deserialize(activity.channel_data or {}).tenant
    found = tenant.id if tenant and tenant.id else activity.conversation.tenant_id
    return str(found or "")


# Teams gives up on an invoke after about 15 s ("Unable to reach app") and retries a message
# extension's after 5 s: one not answered within this budget is answered at once ("Still
# working on it", in the language of the person's Teams), its turn finishing after, what its
# answer shows sent to the person's chat.
INVOKE_BUDGET_SECONDS = 4.0
# What of a turn's answer Teams refused (LATE_ANSWER) is kept: its conversation comes from the
# stored reference.
_CONTENT = ("type", "text", "textFormat", "summary", "attachments", "attachmentLayout")
# Invokes remembered by (conversation, activity id, content), so that Teams' retry of one is
# answered from the same turn instead of doing its work (a model's check) again.
RECENT_INVOKES = 256
# Tenants not served that `/healthz` names at most (Bot Framework vouches for each one).
OUTSIDER_TENANTS_KEPT = 10


@dataclass
class _Invoke:
    """An invoke's turn, and whether Teams was answered before it was done."""

    turn: asyncio.Task[InvokeResponse | None]
    late: bool = False


# The invokes a person is waiting on (a card's button, a dialog, a message extension's action).
_PRESSES = frozenset(
    (
        invokes.ADAPTIVE_CARD_ACTION,
        invokes.TASK_FETCH,
        invokes.TASK_SUBMIT,
        invokes.EXTENSION_FETCH,
        invokes.EXTENSION_SUBMIT,
    )
)
_SUBMITS = frozenset((invokes.TASK_SUBMIT, invokes.EXTENSION_SUBMIT))  # a dialog's form sent


def _asked(activity: Activity) -> Asked | None:
    """A person's message, as a stop would leave it unanswered: told where a late answer to it
    goes (`_answered_in`), under the key its late answers are forgotten by (`_send_later`); a
    submit button's message (no words, its data) as a form sent or a button pressed."""
    account = activity.from_property
    if not activity.id or account is None:
        return None
    data = activity.value if not activity.text and isinstance(activity.value, dict) else None
    kind = QUESTION if data is None else FORM if cards.DATA_FORM_ID in data else BUTTON
    where = _answered_in(activity)
    return Asked(PLATFORM, where, LATE_ANSWER, activity.id, account.aad_object_id or "", kind=kind)


def _pressed(activity: Activity) -> Asked | None:
    """A button pressed or a form sent (an invoke), as a stop would leave it unanswered: told
    in the person's own chat, where a late answer to it goes (`_finish_late`)."""
    account = activity.from_property
    if activity.name not in _PRESSES or not activity.id or account is None:
        return None
    action = activity.value.get("action") if isinstance(activity.value, dict) else None
    data = action.get("data") if isinstance(action, dict) else None
    form = activity.name in _SUBMITS or (isinstance(data, dict) and cards.DATA_FORM_ID in data)
    kind = FORM if form else BUTTON
    where = _answered_in(activity, own_chat=True)
    return Asked(PLATFORM, where, LATE_ANSWER, activity.id, account.aad_object_id or "", kind=kind)


def _noted(activity: Activity) -> Asked | None:
    """What a stop would leave unanswered of `activity`: a message or an invoke."""
    if activity.type == ActivityTypes.invoke:
        return _pressed(activity)
    return _asked(activity) if activity.type == ActivityTypes.message else None


def _answered_in(turn: Activity, own_chat: bool = False) -> str:
    """Where a late answer to `turn` goes: to the person (their personal chat, as `socialbot
    forget` finds what waits for them) when it belongs there (`own_chat`, or the turn was in
    it), else to its chat, or in a channel to the turn's thread (review16b R5)."""
    account = turn.from_property
    personal = own_chat or (turn.conversation.conversation_type or "personal") == "personal"
    sender = (account.aad_object_id or account.id) if account else None
    return sender if personal and sender else turn.conversation.id or ""


def _problem(status: HTTPStatus, reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=status)


def _http_response(invoke: InvokeResponse | None) -> web.Response:
    if invoke is None:
        return web.Response(status=HTTPStatus.OK)
    body = invoke.body.serialize() if hasattr(invoke.body, "serialize") else invoke.body
    if body is None:
        return web.Response(status=int(invoke.status))
    return web.json_response(body, status=int(invoke.status))


class TeamsBot:
    """The Bot Framework adapter, the turn logic and the HTTP endpoint Teams posts to."""

    def __init__(self, settings: Settings, core: Core, db: Database) -> None:
        self.settings = settings
        self.core = core
        self.conversations = Conversations(db)
        self.unanswered = Unanswered(db)
        core.on_channels("teams", TeamsChannels(self.conversations))
        # With a password, the Bot Connector's token is fetched ahead, off the event loop.
        fetched = connector_tokens(settings)
        self.auth = ConfigurationBotFrameworkAuthentication(
            bot_framework_configuration(settings),
            credentials_factory=fetched[1] if fetched else None,
        )
        # With auth on, the keys that sign tokens are read ahead, never during a request.
        self.keys = (
            keys.install(settings.microsoft_openid_url) if settings.teams_auth_enabled else None
        )
        self.adapter = FetchingAdapter(self.auth)
        self.adapter.tokens = fetched[0] if fetched else None
        self.adapter.on_turn_error = self._on_turn_error
        # The one gateway to reach a chat: the turns use it, and so does the delivery engine.
        self.share_links = ShareLinks(settings.public_url, core.shares)
        self.gateway = TeamsGateway(
            self.adapter,
            self.conversations,
            settings.microsoft_app_id,
            core.shares.signature,
            self.share_links,
        )
        self.mailboxes = MailboxZones.from_settings(settings)
        self.channel_kinds = ChannelKinds.from_settings(settings)
        self._channel_problems: list[str] = []  # who else reads the team's channels
        self.kept_files = KeptFiles(settings.public_url, Screenshots(db))
        pictures = PastedPictures(self.kept_files, self.adapter.tokens)
        self.turns = Turns(
            core, self.conversations, self.gateway, Ledger(db), self.mailboxes, pictures
        )
        self.turns.answering = self._answering
        self.groups = EntraGroups.from_settings(settings)
        self.installer = SelfInstall.from_settings(settings)
        self._install_note = ""  # what came of installing the app for the managers
        self._last_activity: datetime | None = None
        self._rejected = 0
        self._refused_tokens = RefusedTokens(settings.microsoft_app_id)
        # Activities of tenants the bot does not serve since the company's last one, by tenant.
        self._outsiders: dict[str, int] = {}
        self._outsiders_since: datetime | None = None
        self.invoke_budget = INVOKE_BUDGET_SECONDS
        self._late_answers: DeliveryEngine | None = None  # see send_refused_answers_through
        self._recent_invokes: OrderedDict[tuple[str, str, str], _Invoke] = OrderedDict()
        self._refusals = Repeated(
            log, "rejected a Teams request", "rejected {count} Teams requests in the last minute"
        )
        # Unauthenticated activities are served only when asked: the setting, or the console
        # of `socialbot run` without a platform (`serve_emulator`).
        self.emulator = settings.teams_emulator
        self._unserved = Repeated(
            log,
            "refused a Teams request: without MICROSOFT_APP_ID /api/messages serves nobody; set"
            " SOCIALBOT_TEAMS_EMULATOR=true for the Bot Framework Emulator on this machine",
            "refused {count} Teams requests without MICROSOFT_APP_ID in the last minute",
        )

    def send_refused_answers_through(self, engine: DeliveryEngine) -> None:
        """Hand a turn's answer Teams keeps refusing for a moment (throttled past what the
        turn can wait, its gateway failing) to `engine`, which sends it to the same chat or
        channel once Teams takes it, after a restart too: a receipt is late, never lost."""
        self._late_answers = engine

        def later(context: TurnContext, answer: Activity, wait: float) -> None:
            drawn = answer.serialize()
            payload = {name: drawn[name] for name in _CONTENT if name in drawn}
            self._send_later(context.activity, payload, wait)

        self.adapter.later = later

    def _send_later(
        self, turn: Activity, payload: dict[str, Any], wait: float, own_chat: bool = False
    ) -> None:
        """Queue the answer to `turn` that Teams refused, from `wait` seconds on, where a late
        answer goes (`_answered_in`), and forget `turn` as being answered in the same
        transaction: a stop after it sends the answer, never "please ask again" too (review16b
        R5)."""
        if self._late_answers is None:
            log.warning("Teams refused an answer: nothing to send it later", extra={"wait": wait})
            return
        where = _answered_in(turn, own_chat)
        key = f"{turn.id or uuid.uuid4().hex}:{canonical(payload)[1]}"
        with self.unanswered.db.atomic():
            self._late_answers.enqueue_drawn(
                PLATFORM, where, LATE_ANSWER, key, payload, not_before=time.time() + wait
            )
            if turn.id:
                self.unanswered.answered(PLATFORM, LATE_ANSWER, turn.id)
        log.warning("Teams refused an answer for now: it is sent later", extra={"wait": wait})

    def serve_emulator(self) -> None:
        """Serve this machine's Bot Framework Emulator without auth (MICROSOFT_APP_ID unset)."""
        self.emulator = True

    async def handle(self, request: web.Request) -> web.Response:
        """`POST /api/messages`: authenticate an activity, run its turn, answer invokes."""
        auth_on = self.settings.teams_auth_enabled
        if not auth_on and not (self.emulator and origin.from_this_machine(request)):
            # Without MICROSOFT_APP_ID nothing proves a request comes from Microsoft: only
            # local tools (the Bot Framework Emulator, tests) may talk to the endpoint then,
            # when asked to; "this machine" is anyone behind a same-host TCP forwarder.
            self._rejected += 1
            if not self.emulator:
                self._unserved.note()
            return _problem(
                HTTPStatus.UNAUTHORIZED, "set MICROSOFT_APP_ID to accept requests from Teams"
            )
        if auth_on and not request.headers.get("Authorization", "").startswith("Bearer "):
            return self._unauthorized("no token")  # before reading a byte of the body
        if request.content_type != "application/json":
            return _problem(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "expected application/json")
        activity = _activity(await request.read())
        if isinstance(activity, str):
            log.warning("refused a Teams request", extra={"reason": activity})
            return _problem(HTTPStatus.BAD_REQUEST, activity)
        if not activity.type:
            return _problem(HTTPStatus.BAD_REQUEST, "the body is not a Bot Framework activity")
        if not activity.service_url or not activity.conversation or not activity.conversation.id:
            return _problem(
                HTTPStatus.BAD_REQUEST, "the activity has no serviceUrl or conversation"
            )
        if not origin.channel_allowed(activity.channel_id, auth_on):
            return _problem(HTTPStatus.BAD_REQUEST, "only Microsoft Teams activities are accepted")
        if not origin.service_url_allowed(activity.service_url, auth_on):
            where = "a Bot Framework https" if auth_on else "a loopback"
            return _problem(HTTPStatus.BAD_REQUEST, f"the serviceUrl is not {where} address")
        try:
            authenticated = await self.auth.authenticate_request(
                activity, request.headers.get("Authorization", "")
            )
        except Exception as error:
            # botbuilder signals a bad token with PermissionError, PyJWT errors, KeyError and
            # bare Exceptions alike; whichever it is, the caller is not Bot Framework.
            token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
            self._refused_tokens.refused(token, error)
            return self._unauthorized(type(error).__name__)
        self._refused_tokens.accepted()
        self._last_activity = datetime.now(UTC)
        if not self._from_the_company(activity):
            self._note_outsider(tenant_of(activity))
            invoke = await self.adapter.process_activity(authenticated, activity, self._outsider)
            return _http_response(invoke)
        self._outsiders, self._outsiders_since = {}, None
        if activity.type == ActivityTypes.message and not self._first_time(activity):
            log.info("ignored a Teams message delivered again", extra={"id": activity.id})
            return web.Response(status=HTTPStatus.OK)
        if activity.type == ActivityTypes.invoke:
            return await self._invoke(authenticated, activity)
        invoke = await self.adapter.process_activity(authenticated, activity, self._turn)
        # Answered (or failed, logged): only a turn a stop cuts short stays noted.
        self.unanswered.done_with(_asked(activity))
        return _http_response(invoke)

    async def _turn(self, turn_context: TurnContext) -> None:
        """Run a turn, its note marked as being answered before each message the turn sends
        goes (in its conversation here, to the person's own chat through `Turns.answering`)."""
        activity: Activity = turn_context.activity

        async def answering(context: TurnContext, activities: list[Activity], send: Any) -> None:
            if any(sent.type == ActivityTypes.message for sent in activities):
                self._answering(activity)
            await send()

        turn_context.on_send_activities(answering)
        await self.turns.on_turn(turn_context)

    def _answering(self, turn: Activity) -> None:
        """Mark the note of `turn`, if it has one, as being answered, before an answer goes: a
        kill while it goes or after tells its asker, at the next start, to ask again if the
        answer has not reached them, never plainly to ask again beside it."""
        if (asked := _noted(turn)) is not None:
            self.unanswered.answering(asked)

    async def _invoke(self, authenticated: Any, activity: Activity) -> web.Response:
        """Run an invoke's turn; Teams' retry of the same invoke is answered from that turn,
        not run again. One that takes longer than `invoke_budget` is answered at once
        ("Still working on it") and finishes after, its answer going to the person's chat.
        A form sent is noted as it comes (a kill would lose what was filled in), a button
        once Teams was told "Still working on it" (before, a kill shows Teams' error on the
        card, which is pressed again): a kill is told at the next start."""
        # Teams' retry is the same activity; the same id with other content is another invoke.
        content = json.dumps([activity.name, activity.value], sort_keys=True, default=str)
        key = (activity.conversation.id, activity.id or "", content)
        invoke = self._recent_invokes.get(key) if activity.id else None
        if invoke is not None:
            log.info("a Teams invoke delivered again: answered once", extra={"id": activity.id})
        else:
            asked = _pressed(activity)
            if asked is not None and asked.kind == FORM:
                self.unanswered.note_alone(asked)
            invoke = _Invoke(
                asyncio.create_task(
                    self.adapter.process_activity(authenticated, activity, self._turn)
                )
            )
            if activity.id:
                self._recent_invokes[key] = invoke
                while len(self._recent_invokes) > RECENT_INVOKES:
                    self._recent_invokes.popitem(last=False)
            self.core.soon("a Teams invoke's turn", self._finish_late(invoke, activity))
        done, _ = await asyncio.wait({invoke.turn}, timeout=self.invoke_budget)
        if done and not invoke.late:
            return _http_response(invoke.turn.result())
        if not invoke.late and (asked := _pressed(activity)) is not None:
            self.unanswered.note_alone(asked)  # a form's is noted already
        invoke.late = True
        still = text_for("still_working", language_of(activity.locale or ""))
        return _http_response(invokes.words(activity.name or "", still))

    async def _finish_late(self, invoke: _Invoke, activity: Activity) -> None:
        """Once an invoke's turn is done: if Teams was answered without it, what its answer
        shows (words, a refreshed card, a dialog's form) goes to the person's chat, opened if
        they have none yet (an answer sent there by the turn is there already); what Teams
        refuses there is sent later, as a turn's answer is (review11c R12)."""
        answer = await invoke.turn
        shown = invokes.shown_in(answer) if invoke.late else None
        if shown is not None and not await self.turns.to_own_chat(activity, shown):
            self._send_later(activity, shown, 0.0, own_chat=True)  # as a turn's answer
        # Done (or failed, Teams shown the error): only a turn a stop cuts short stays noted.
        self.unanswered.done_with(_pressed(activity))

    def _first_time(self, activity: Activity) -> bool:
        """False for a message Teams delivers again (slow answer, restart): answered once.
        While another program holds the database's lock it cannot be noted: answered (a
        report then is kept to file later, review10b O4); nor on a full disk: answered (a
        report is told the bot cannot save, review15b K2)."""
        asked = _asked(activity)
        try:
            with self.unanswered.db.atomic():
                first = not activity.id or self.conversations.first_time(
                    activity.conversation.id, activity.id
                )
                if first and asked is not None:
                    # Beside the mark, so that a kill mid-turn leaves the asker to be told at
                    # the next start (review15b K1).
                    self.unanswered.note(asked)
                return first
        except sqlite3.OperationalError as error:
            if not (database_locked(error) or storage.is_full(error)):
                raise
            return True

    def _from_the_company(self, activity: Activity) -> bool:
        """Whether the activity comes from one of the company's tenants (any, when none is
        set). Teams always names the tenant; only the loopback Emulator (auth off) names none."""
        tenants = self.settings.company_tenants
        tenant = tenant_of(activity)
        if not tenants:
            return True
        if not tenant:
            return not self.settings.teams_auth_enabled
        return tenant.lower() in tenants

    def _note_outsider(self, tenant: str) -> None:
        """Count an activity of another tenant; the first of each tenant since the company's
        last activity is logged with the tenants served (a mistyped tenant id shows so)."""
        first = tenant not in self._outsiders
        if first and len(self._outsiders) >= OUTSIDER_TENANTS_KEPT:
            return
        self._outsiders[tenant] = self._outsiders.get(tenant, 0) + 1
        self._outsiders_since = self._outsiders_since or datetime.now(UTC)
        log.log(
            logging.WARNING if first else logging.INFO,
            "refused an activity of a tenant the bot does not serve",
            extra={"tenant": tenant, "served": sorted(self.settings.company_tenants)},
        )

    def _outsiders_warning(self) -> list[str]:
        """For `/healthz`: every Teams activity since a moment came from tenants not served."""
        if self._outsiders_since is None:
            return []
        came = ", ".join(f"{tenant or 'none'} ({n})" for tenant, n in self._outsiders.items())
        served = ", ".join(sorted(self.settings.company_tenants))
        return [
            f"every Teams activity since {self._outsiders_since:%Y-%m-%d %H:%M} UTC came from"
            f" a tenant the bot does not serve: {came}; MICROSOFT_APP_TENANT_ID and"
            f" SOCIALBOT_TEAMS_TENANTS name {served}: if these are the company's people, add"
            " their tenant id"
        ]

    async def _outsider(self, turn_context: TurnContext) -> None:
        """Someone of another organisation: one line, and nothing of them stored or counted."""
        activity: Activity = turn_context.activity
        company = next(iter(self.settings.company_names), "") or "one company"
        line = Message(f"socialbot is for the people of {company} only.")
        if activity.type == ActivityTypes.invoke:
            answer = invokes.failed(activity.name or "", line)
            await turn_context.send_activity(
                Activity(type=ActivityTypes.invoke_response, value=answer)
            )
        elif activity.type == ActivityTypes.message:
            await turn_context.send_activity(reply(line))

    def _unauthorized(self, reason: str) -> web.Response:
        self._rejected += 1
        self._refusals.note(reason=reason)
        return _problem(HTTPStatus.UNAUTHORIZED, "missing or invalid Bot Framework token")

    async def running(self, app: web.Application) -> AsyncIterator[None]:
        """While the web server runs: the signing keys read at start and kept fresh."""
        if self.settings.teams_clicks_uncounted:
            log.warning(CLICKS_UNCOUNTED)
        tenants = sorted(self.settings.company_tenants)
        if tenants:
            log.info("Teams: serving only the company's tenants", extra={"tenants": tenants})
        elif self.settings.teams_auth_enabled:  # without an app id nobody outside reaches it
            log.warning(
                "Teams: no MICROSOFT_APP_TENANT_ID or SOCIALBOT_TEAMS_TENANTS set: the people of"
                " every organisation that reaches the bot are served as employees"
            )
        if self.settings.teams_emulator:
            log.warning(
                "SOCIALBOT_TEAMS_EMULATOR is ignored: MICROSOFT_APP_ID is set, so every Teams"
                " request needs a Bot Framework token"
                if self.settings.teams_auth_enabled
                else "SOCIALBOT_TEAMS_EMULATOR=true: /api/messages takes unauthenticated requests"
                " from this machine, for the Bot Framework Emulator; a same-host proxy or tunnel"
                " to it lets anyone in"
            )
        if self.keys is not None:
            self.keys.start()
        yield
        if self.keys is not None:
            await self.keys.stop()

    def stop(self) -> None:
        """Forget the messages answered that a full disk or a held lock kept noted, so that the
        next start does not ask again what was answered (review16b R8, as Slack's stop)."""
        self.unanswered.forget_done()

    def health(self) -> dict[str, Any]:
        """The endpoint's state for `/healthz`."""
        last = self._last_activity
        problem = self._unserved_why()
        return {
            "ok": problem is None,
            **({"error": problem} if problem else {}),
            "enabled": True,
            "auth": self.settings.teams_auth_enabled,
            "last_activity": last.isoformat(timespec="seconds") if last else None,
            "rejected_requests": self._rejected,
            **(self.keys.health() if self.keys is not None else {}),
        }

    def _unserved_why(self) -> str | None:
        """Why nobody in Teams gets an answer now: no signing key to check Teams' requests
        with, or no token for the Bot Connector (which `/healthz` shows as a warning)."""
        if self.keys is not None and (unreadable := self.keys.unreadable()):
            return unreadable
        if (since := self.gateway.token_refused_since) is not None:
            return f"since {since:%Y-%m-%d %H:%M} UTC {TOKEN_REFUSED}"
        tokens = self.adapter.tokens
        if tokens is not None and (refused := tokens.refused()):
            return (
                f"no token for the Bot Connector ({refused}): no answer reaches Teams until"
                " then; check MICROSOFT_APP_PASSWORD (the client secret's Value, not its ID),"
                " MICROSOFT_APP_TYPE and MICROSOFT_APP_TENANT_ID, and outbound HTTPS to"
                " login.microsoftonline.com"
            )
        return None

    def warnings(self) -> list[str]:
        """What an admin should hear of, for `/healthz`: share clicks not counted, every
        Teams token refused lately, Teams activities all of tenants not served, and the
        managers the bot cannot reach yet."""
        uncounted = [CLICKS_UNCOUNTED] if self.settings.teams_clicks_uncounted else []
        refused = self._refused_tokens.warnings()
        return [
            *uncounted,
            *refused,
            *self._outsiders_warning(),
            *self.team_gaps(),
            *self._channel_problems,
        ]

    async def check_team_channels(self) -> None:
        """Warn (in the log when it changes, on `/healthz` while it lasts) of each Teams
        channel of the team that people besides the team's can read, where Graph tells: a
        shared channel, or a standard one of a team with others than managers and admins."""
        problems = []
        for channel in on_platform(self.core.escalation_channels, PLATFORM, CHANNEL_SHAPES):
            group = self.conversations.team_group_of(channel)
            membership = await self.channel_kinds.membership(group, channel) if group else None
            if found := exposure(membership, self._outsiders_in_team_of(channel)):
                problems.append(exposed_team_channel(channel, found, REMEDY))
        for problem in set(problems) - set(self._channel_problems):
            log.warning(problem)
        self._channel_problems = problems

    def _outsiders_in_team_of(self, channel: str) -> int | None:
        """How many in the roster (as last read) of the team of `channel` are neither
        managers nor admins, by either of their ids (one without an Entra object id counts
        too); None when the roster was never read."""
        conversation = self.conversations.get(channel)
        team_id = conversation.team_id if conversation else None
        roster = self.conversations.roster_members(team_id) if team_id else []
        if not roster:
            return None
        return sum(
            not any(
                self.core.gone(PLATFORM, member) or self.core.on_the_team(PLATFORM, member)
                for member in ids
                if member
            )
            for ids in roster
        )

    def team_gaps(self) -> list[str]:
        """The managers the bot cannot reach in Teams yet (logged at start and after each
        roster read)."""
        return reach.warnings(self.core, self.gateway, self._install_note)

    async def install_for_managers(self) -> None:
        """Where Graph lets it, install the app for each manager the bot cannot reach yet:
        Teams then tells the bot of their chat, and what was kept for them goes."""
        if not self.installer.configured:
            return
        notes: dict[str, str] = {}
        for manager in reach.unreached(self.core, self.gateway):
            try:
                installed = await self.installer.install_for(manager)
            except NotInstalled as error:  # that person's, or Graph's for all: each is tried
                notes.setdefault(f"socialbot could not install itself for them: {error}", "")
                log.warning(
                    "could not install the app for a social media manager",
                    extra={"manager": manager, "reason": str(error)},
                )
                continue
            if installed:
                log.info("installed the app for a social media manager", extra={"manager": manager})
                notes.setdefault(
                    "socialbot installed the app for them through Graph: what waits goes once"
                    " Teams tells it their chat",
                    "",
                )
            else:  # Teams announces a chat only at a new install: this one will not come
                notes.setdefault(
                    "the app is installed for them already, but Teams never told socialbot their"
                    " chat: ask them to write to socialbot once",
                    "",
                )
        self._install_note = "; ".join(notes)

    async def sync_people(self) -> int:
        """Read the roster of every team the bot is in into the directory; one failure each.
        Then whoever left a roster and is nowhere else the bot is in Teams is marked gone."""
        total = 0
        left: set[str] = set()
        for team in self.conversations.teams():
            team_id = team.team_id or ""

            async def read(
                turn_context: TurnContext, team_id: str = team_id, team: Conversation = team
            ) -> None:
                nonlocal total
                try:
                    roster = await people.sync_team(
                        turn_context, team_id, self.core.directory, self.conversations
                    )
                except Exception:
                    # One team failing (removed, throttled) must not stop the others; its
                    # roster stays as last read, so nobody leaves it today.
                    log.exception("could not read a team's roster", extra={"team": team_id})
                    return
                total += roster.members
                left.update(roster.left)
                try:  # channels made since: reachable even if no event told of them
                    await learn_channels(turn_context, team, self.conversations)
                except Exception:
                    log.exception("could not list a team's channels", extra={"team": team_id})

            await self.adapter.continue_conversation(
                team.reference, read, self.settings.microsoft_app_id or ""
            )
        # Only now, with every roster read: someone who moved to another team is in its roster.
        gone = people.mark_leavers(left, self.core.directory, self.conversations)
        log.info("synced Teams rosters", extra={"members": total, "gone": gone})
        await learn_zones(self.core.directory, self.mailboxes)
        reach.release(self.core, self.gateway)  # a manager who joined a team the app is in
        await self.install_for_managers()
        await self.check_team_channels()
        return total

    async def _on_turn_error(self, turn_context: TurnContext, error: Exception) -> None:
        """The one error handler: friendly words, or an apology with a logged reference."""
        activity: Activity = turn_context.activity
        where = f"teams {activity.type} {activity.name or ''}".strip()
        if connector_errors.status(error) and activity.type != ActivityTypes.invoke:
            # Teams refused the answer itself, after its retries: the work is done, and an
            # apology saying it failed would be refused the same way.
            log.error("Teams refused the bot's answer", extra={"where": where, "error": str(error)})
            return
        answer = reply_for_error(error, where)
        if activity.type == ActivityTypes.invoke:
            invoke = invokes.failed(activity.name or "", answer)
            await turn_context.send_activity(
                Activity(type=ActivityTypes.invoke_response, value=invoke)
            )
            return
        if activity.type != ActivityTypes.message:
            return  # nobody is waiting for an answer to an install or an event
        try:
            await turn_context.send_activity(reply(answer))
        except Exception:
            log.exception("could not send the error reply to Teams")
