"""Slack: Bolt listeners that translate Slack requests into core calls and views into Block Kit."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import re
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import datetime
from http import HTTPStatus
from typing import Any, TypeVar

import aiohttp
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient
from sqlite_utils import Database

from bot import storage
from bot.delivery.engine import DeliveryEngine
from bot.delivery.gateway import DM_ANSWER, MENTION_ANSWER
from bot.delivery.ledger import Ledger
from bot.delivery.unanswered import Unanswered
from bot.errors import reply_for_error
from bot.repeats import Repeated
from bot.screenshots import KeptFiles
from bot.settings import Settings
from bot.slack import blocks, shapes
from bot.slack.assistant import Listener, SlackAssistant
from bot.slack.channels import SlackChannels
from bot.slack.directory import (
    MembersCutShort,
    error_code,
    member,
    outside,
    sender_teams,
    stranger,
    sync_people,
    user_group_members,
)
from bot.slack.events import (
    answer_key,
    as_shown,
    files_of,
    name_in,
    to_the_bot,
    without_mentions,
    words_after_mention,
    written_to_the_bot,
)
from bot.slack.gateway import honour_no_proxy
from bot.slack.http_requests import HttpRequests
from bot.slack.screenshots import DirectFiles
from bot.slack.seen_events import ASKED, SeenEvents
from bot.slack.socket_mode import SocketMode
from bot.slack.uploads import HomePublisher
from handlers.command_words import own_data_request, parse_command, said_to_bot
from handlers.core import NOT_SENT_PRIVATELY, SENT_PRIVATELY, Core
from handlers.errors import FormErrors, database_locked
from handlers.people import CHANNEL_SHAPES, Member, Person, exposed_team_channel, on_platform
from handlers.reports.screenshots import Screenshots
from handlers.texts import text_for
from handlers.views import Attachment, Form, Message, Reply, SharedMessage

log = logging.getLogger(__name__)

R = TypeVar("R")

# Slack wants an answer to a slash command within 3 seconds; a reply ready sooner goes into the
# acknowledgement itself, anything slower follows through the response URL.
ACK_BUDGET_SECONDS = 2.0

# What to do when Slack refuses users.list for a lasting reason.
MEMBER_LIST_HINTS = {
    "missing_scope": "add the users:read scope under OAuth & Permissions (or create the app"
    " again from `socialbot slack-manifest`) and reinstall the app",
    "not_allowed_token_type": "SLACK_BOT_TOKEN must be the Bot User OAuth Token (xoxb-…)",
}
# How long users.info may take for someone new who writes, within Slack's 3-s acknowledgement.
LEARN_SECONDS = 1.0


class SlackBot:
    """The Bolt app, its listeners, and the way it receives events (HTTP or Socket Mode)."""

    def __init__(self, settings: Settings, core: Core, db: Database) -> None:
        assert settings.slack_bot_token is not None, "SlackBot needs SLACK_BOT_TOKEN"
        self.settings = settings
        self.core = core
        self.db = db
        self.ledger = Ledger(db)
        signing_secret = settings.slack_signing_secret
        # Bolt builds its Web API client from the token (given `client=` as well, it warns that
        # the SLACK_BOT_TOKEN it reads from the environment goes unused); that client is then
        # pointed at SLACK_API_URL.
        self.app = AsyncApp(
            token=settings.slack_bot_token.get_secret_value(),
            signing_secret=signing_secret.get_secret_value() if signing_secret else "",
            # Socket Mode connections are authenticated by the app token; HTTP needs signatures.
            request_verification_enabled=not settings.slack_socket_mode,
            logger=logging.getLogger("slack_bolt.AsyncApp"),
            # Bolt makes a client per request, which reads HTTPS_PROXY again: NO_PROXY first.
            before_authorize=_honour_no_proxy,
        )
        self.client: AsyncWebClient = self.app.client
        self.client.base_url = settings.slack_api_url
        honour_no_proxy(self.client)
        # users.list and other low-tier methods answer 429 in big workspaces: wait and retry.
        self.client.retry_handlers = [AsyncRateLimitErrorRetryHandler(max_retry_count=5)]
        self._socket: SocketMode | None = None
        self._answers: DeliveryEngine | None = None  # see send_answers_through
        self._auth: dict[str, Any] = {}
        self._auth_error: str | None = None
        self._socket_problem: str | None = None  # why Socket Mode is not connected
        self._members_problem: str | None = None  # why users.list was refused
        self._channel_problem: str | None = None  # who else reads the team's channel
        self.members_cut_short = False  # whether the last sync stopped part-way, throttled
        self._members_resume = ("", 0)  # where the next sync starts: a page's cursor, read so far
        # Over HTTP only (Socket Mode has no signing secret, and no requests to verify).
        self.http = HttpRequests(
            self.app, signing_secret.get_secret_value() if signing_secret else None
        )
        # A busy Slack Connect channel: a line per partner's message would flood the log.
        self._outsiders = Repeated(
            log,
            "refused a Slack request of another organisation",
            "refused {count} Slack requests of other organisations in the last minute",
        )
        self._working: set[asyncio.Task[Any]] = set()
        self.unanswered = Unanswered(db)
        self.seen_events = SeenEvents(db, self.unanswered)
        self._home = HomePublisher(db, self.client)
        kept = KeptFiles(settings.public_url, Screenshots(db))
        token = settings.slack_bot_token.get_secret_value()
        self.direct_files = DirectFiles(self.client, token, core, kept)
        # Who opened their App Home since the start: what they save in a form there (their
        # digest preferences) is shown on it at once.
        self._home_opened: set[str] = set()
        self.assistant = SlackAssistant(self.client, core)
        self.channels = SlackChannels(self.client, lambda: str(self._auth.get("user") or ""))
        core.on_channels("slack", self.channels)
        self._register()
        core.on_tick("forget old Slack events", self.seen_events.forget_old_events)

    def _register(self) -> None:
        tracked = self._tracked
        self.app.middleware(self.seen_events.skip_seen_events)
        self.app.middleware(self._only_the_company)
        self.app.middleware(self._learn_sender)
        # Threads of the assistant pane only.
        self.app.assistant(self.assistant.middleware(tracked))
        # Every slash command goes to the core's registry, which answers unknown ones helpfully;
        # the manifest is built from the same registry, so Slack only sends registered ones.
        self.app.command(re.compile(r"^/"))(tracked(self._on_command))
        self.app.event("message")(tracked(self._on_message))
        self.app.event("app_mention")(tracked(self._on_mention))
        self.app.event("app_home_opened")(tracked(self._on_home_opened))
        self.app.event("user_change")(tracked(self._on_user_change))
        self.app.action(re.compile(".+"))(tracked(self._on_action))
        self.app.view(re.compile(".+"))(tracked(self._on_submit))
        self.app.shortcut(re.compile(".+"))(tracked(self._on_shortcut))
        self.app.error(self._on_error)

    def _tracked(self, listener: Listener) -> Listener:
        """`listener` counted while it works: Bolt runs listeners in tasks of their own after
        the ack, which `settle` waits for. Bolt reads the arguments to pass from the signature
        of what `functools.wraps` names."""

        @functools.wraps(listener)
        async def tracked(**arguments: Any) -> None:
            task = asyncio.current_task()
            assert task is not None
            self._working.add(task)
            # A message it handled without queuing an answer (a thread reply, the pane's, a
            # failure Bolt logs) is forgotten; one cut short by a stop (CancelledError) is not.
            try:
                await listener(**arguments)
            except Exception:
                self.unanswered.done_with(ASKED.get())
                raise
            else:
                self.unanswered.done_with(ASKED.get())
            finally:
                self._working.discard(task)

        return tracked

    async def settle(self) -> None:
        """Wait for the listeners still at work after their ack: at shutdown, so a slow answer
        still reaches the person, and in tests, before saying that nothing more came."""
        while self._working:
            await asyncio.wait(set(self._working))

    def send_answers_through(self, engine: DeliveryEngine) -> None:
        """Post the answers to @mentions in channels and to direct messages through `engine`,
        which paces each channel at Slack's limit and waits out a 429's Retry-After: twenty
        people asking in one channel at once all get their answer, a second apart, and a DM's
        answer outlasts a workspace-wide 429, none lost (review13b M3)."""
        self._answers = engine

    async def _answer(self, event: dict[str, Any], purpose: str, answer: dict[str, Any]) -> None:
        """Queue `answer` to the message `event`, keyed by that message: one answer per message,
        however often its event comes. A DM's goes to its person (Slack posts it in their DM),
        so `socialbot forget` and the export find it as theirs; a mention's to its channel,
        keyed by its person too ("C…/ts@U…"), for the same. When the queue cannot take it (a
        full disk, a lock held elsewhere past the wait), it is posted at once instead: an answer
        given is never dropped (review15c R6)."""
        if self._answers is None:
            raise RuntimeError("the delivery engine is not connected to the Slack bot")
        asked = answer_key(event)
        to = event["user"] if purpose == DM_ANSWER else event["channel"]
        try:
            with self.db.atomic():
                self._answers.enqueue_drawn("slack", to, purpose, asked, answer)
                self.unanswered.answered("slack", purpose, asked)
            ASKED.set(None)
        except sqlite3.OperationalError as error:
            if storage.unsaved(error) is None:
                raise
            log.warning("answer posted without the queue: %s", error, extra={"purpose": purpose})
            await self.client.chat_postMessage(channel=event["channel"], **answer)

    async def start(self) -> None:
        """Check the bot token (auth.test); what cannot reach Slack is raised."""
        try:
            self._auth = dict((await self.client.auth_test()).data)  # type: ignore[arg-type]
            log.info("connected to Slack", extra={"team": self._auth.get("team")})
        except SlackApiError as error:
            self._auth_error = str(error.response.get("error", error))
            log.error(
                "Slack rejected the bot token, SLACK_BOT_TOKEN: install the app to the workspace"
                " again (OAuth & Permissions) and set its Bot User OAuth Token (xoxb-…) there",
                extra={"error": self._auth_error},
            )

    async def connect_socket(self) -> bool:
        """One try to connect Socket Mode; True when connected, or when there is nothing to
        connect (HTTP, a rejected bot token). A failure is logged when its cause changes and
        shown on `/healthz`; the caller tries again later."""
        if not self._auth or not self.settings.slack_socket_mode:
            return True
        if self._socket is None:
            assert self.settings.slack_app_token is not None
            self._socket = SocketMode(self.app, self.settings.slack_app_token.get_secret_value())
        if await self._socket.connected():
            return True
        problem = await self._socket.open()
        if problem != self._socket_problem:
            if problem is None:
                log.info("connected to Slack over Socket Mode")
            elif problem.startswith("Slack refused"):
                log.error(problem)
            else:
                log.warning(problem + "; trying again until it answers")
        self._socket_problem = problem
        return problem is None

    async def stop(self) -> None:
        """Forget the messages answered that a full disk or a held lock kept noted (review16b
        R8), and close the Socket Mode connection, if any."""
        self.unanswered.forget_done()
        if self._socket is not None:
            await self._socket.close()

    def warnings(self) -> list[str]:
        """What `/healthz` lists under `warnings` about Slack: a Socket Mode that cannot connect,
        a member list Slack refuses, every signed request refused lately."""
        problems = [
            problem
            for problem in (self._socket_problem, self._members_problem, self._channel_problem)
            if problem
        ]
        return [*problems, *self.http.warnings()]

    async def health(self) -> dict[str, Any]:
        """The connection's state for `/healthz`."""
        mode = "socket" if self.settings.slack_socket_mode else "http"
        state: dict[str, Any] = {"mode": mode, "ok": bool(self._auth) and not self._auth_error}
        if mode == "http":
            state["rejected_requests"] = self.http.rejected
        if self._auth:
            state["team"] = self._auth.get("team")
        if self._auth_error:
            state["error"] = self._auth_error
        if mode == "socket" and self._auth:
            connected = self._socket is not None and await self._socket.connected()
            state["connected"] = connected
            state["ok"] = state["ok"] and connected
            if self._socket_problem and not connected:
                state["error"] = self._socket_problem
        return state

    # -- middleware and listeners ----------------------------------------------------------------

    def company(self) -> frozenset[str]:
        """The workspace and Enterprise Grid org of the bot (auth.test) and SOCIALBOT_SLACK_TEAMS:
        whose people the bot serves; empty (everyone) while auth.test has not answered."""
        if not self._auth:
            return frozenset()
        own = [self._auth.get("team_id"), self._auth.get("enterprise_id")]
        return frozenset(str(team) for team in [*own, *self.settings.slack_teams] if team)

    async def _only_the_company(
        self,
        context: AsyncBoltContext,
        body: dict[str, Any],
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        """A request from another organisation's person (a partner in a Slack Connect channel)
        is refused before anything of them is stored. Someone the member sync read as the
        company's is served whatever workspace an event names (an Enterprise Grid org's other
        workspaces: their events carry only their own workspace's id)."""
        teams = sender_teams(body)
        if outside(teams, self.company()) and not self._synced_member(context.user_id):
            return await self._refuse(context, body, teams)
        return await next()

    def _synced_member(self, user_id: str | None) -> bool:
        """Whether the member sync (which keeps no stranger) stored `user_id` as a person."""
        member = self.core.directory.get("slack", user_id) if user_id else None
        return member is not None and member.is_active_human

    async def _refuse(
        self, context: AsyncBoltContext, body: dict[str, Any], teams: frozenset[str]
    ) -> BoltResponse:
        """One line, "socialbot is for the people of … only", where the person asked (a slash
        command's answer, an ephemeral reply to a button, a DM or a mention); other events of
        theirs (messages in a shared channel) get nothing."""
        self._outsiders.note(teams=sorted(teams))
        self.unanswered.done_with(ASKED.get())
        company = next(iter(self.settings.company_names), "") or self._auth.get("team") or ""
        line = f"socialbot is for the people of {company or 'one company'} only."
        if "command" in body:
            answer = json.dumps({"response_type": "ephemeral", "text": line})
            return BoltResponse(
                status=200, body=answer, headers={"content-type": "application/json"}
            )
        event = body.get("event") or {}
        addressed = written_to_the_bot(event)
        try:
            async with asyncio.timeout(LEARN_SECONDS):
                if context.response_url and context.respond is not None:
                    await context.respond(
                        text=line, response_type="ephemeral", replace_original=False
                    )
                elif addressed:
                    await self.client.chat_postEphemeral(
                        channel=event["channel"], user=event["user"], text=line
                    )
        except (SlackApiError, OSError, aiohttp.ClientError, TimeoutError) as error:
            reason = error_code(error) if isinstance(error, SlackApiError) else repr(error)
            log.info("the refusal did not reach its outsider", extra={"error": reason})
        return BoltResponse(status=200, body="")

    async def _learn_sender(
        self,
        context: AsyncBoltContext,
        body: dict[str, Any],
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        """Someone the directory does not know (users.list refused, or they joined since it was
        read) is learnt from their own request, so that their digest, preferences and
        announcements work from their first word, as Teams learns whoever writes; users.info
        may tell that they are of another organisation, whose request is refused. Only a
        request to the bot brings someone forgotten back: a profile edit or a channel message
        the bot overheard stores no one kept out."""
        user_id = context.user_id
        from_bot = bool((body.get("event") or {}).get("bot_id"))
        if user_id and not from_bot and self.core.directory.get("slack", user_id) is None:
            found = await self._look_up(user_id, name_in(body))
            if found is None:
                return await self._refuse(context, body, frozenset())
            try:
                if to_the_bot(body):
                    self.core.directory.learn(found)
                else:
                    self.core.directory.upsert([found])
            except sqlite3.OperationalError as error:  # learnt at their next request
                if not database_locked(error):
                    raise
        return await next()

    async def _look_up(self, user_id: str, name: str) -> Member | None:
        """The member `user_id` as users.info tells (None: a stranger, of another organisation);
        else (no users:read, Slack slow) what their request said: their id and name, and the
        default time zone."""
        try:
            async with asyncio.timeout(LEARN_SECONDS):
                found = await self.client.users_info(user=user_id, include_locale=True)
            if stranger(found["user"], self.company()):
                return None
            return member(found["user"])
        except (SlackApiError, OSError, aiohttp.ClientError, TimeoutError) as error:
            reason = error_code(error) if isinstance(error, SlackApiError) else repr(error)
            log.info("a Slack user learnt from their request", extra={"error": reason})
            return Member("slack", user_id, name=name)

    async def _reply(self, work: Awaitable[R], where: str) -> R | Message:
        """Run `work`; turn any failure into the words a person should see."""
        try:
            return await work
        except Exception as error:
            return reply_for_error(error, where)

    async def _show(self, reply: Reply | None, trigger_id: str, respond: AsyncRespond) -> None:
        """Open a form as a modal, or answer privately with a message."""
        if isinstance(reply, Form):
            await self.client.views_open(trigger_id=trigger_id, view=blocks.modal(reply))
        elif reply is not None:
            sent = await respond(
                response_type="ephemeral", replace_original=False, **blocks.message(reply)
            )
            if sent.status_code != HTTPStatus.OK:  # expired_url, used_url: the answer is lost
                log.warning(
                    "Slack refused the late answer at the response_url (HTTP %s %s): the person"
                    " saw no answer",
                    sent.status_code,
                    " ".join(str(sent.body).split())[:100],
                )

    async def _on_command(
        self, ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond
    ) -> None:
        person = self.core.person("slack", command["user_id"], command.get("user_name", ""))
        work = self.core.command(command["command"], person, command.get("text", ""))
        reply = asyncio.ensure_future(self._reply(work, f"slack {command['command']}"))
        done, _ = await asyncio.wait({reply}, timeout=ACK_BUDGET_SECONDS)
        ready = reply.result() if done else None
        if isinstance(ready, Message):
            await ack(response_type="ephemeral", **blocks.message(ready))
        else:
            if done:
                await ack()
            else:
                await ack(response_type="ephemeral", text="Working on it…")
            await self._show(await reply, command["trigger_id"], respond)
        await self._refresh_home(person)  # `/socialbot mute`, a report filed

    async def _on_message(self, event: dict[str, Any]) -> None:
        if shapes.not_a_persons(event):
            return  # edits, deletions, joins and other bots' messages are not for the bot
        if await self._on_thread_reply(event):
            return
        if event.get("channel_type") == "im":
            await self._on_direct_message(event)

    async def _on_direct_message(self, event: dict[str, Any]) -> None:
        person = self.core.person("slack", event["user"])
        said = self._said(person, event.get("text", ""), files=files_of(event), direct=event)
        reply = await self._reply(said, "slack dm")
        await self._answer(event, DM_ANSWER, blocks.message(reply))
        await self._refresh_home(person)  # a typed `mute`, `stop`, a report filed

    async def _said(
        self,
        person: Person,
        text: str,
        public: bool = False,
        files: tuple[Attachment, ...] = (),
        direct: dict[str, Any] | None = None,
    ) -> Message:
        """A direct message or mention: a command word runs the command as on Teams ("report
        <link>"); where others read (`public`), a command whose answer is for the asker alone
        (a report's receipt names who reported what) answers in their DM, and the channel hears
        only that it went. The rest goes to the core. A form, which a message cannot open, is
        told in words. `files`: the message's, for a command that reads them (a report's
        screenshot); those of a `direct` message (the DM event), which only the bot can open,
        are passed on to the team."""
        parsed = parse_command(text, self.core.commands, with_files=bool(files))
        if parsed is None and public and own_data_request(text) is not None:
            own_data = await self.core.message(person, text)
            return await self._privately(person, own_data, {"own_data": "asked"})
        if parsed is None:
            return await self.core.message(person, text, public=public)
        command, rest = parsed
        if files and direct is not None and self.core.commands.reads_files(command):
            files = await self.direct_files.shared(person, files, direct)
        reply = await self.core.command(command, person, rest, files)
        if isinstance(reply, Form):
            # A message event cannot open a form: said in words, in the person's language.
            language = self.core.language_for(person)
            reply = Message(reply.in_words or text_for("form_in_words", language, command=command))
        if public and self.core.is_private(text, command, rest):
            return await self._privately(person, reply, {"command": command})
        return reply

    async def _privately(self, person: Person, reply: Message, about: dict[str, str]) -> Message:
        """`reply` sent to the person's DM; what the channel hears of it."""
        unsent = {**about, "user": person.user_id}
        sent = await self._direct(person.user_id, reply, "a private answer not posted", unsent)
        return Message(SENT_PRIVATELY if sent else NOT_SENT_PRIVATELY)

    async def _direct(
        self, user_id: str, reply: Message, unsent: str, about: dict[str, str]
    ) -> bool:
        """Post `reply` in the person's DM with the bot; when Slack will not take it, log
        `unsent` (with `about` and Slack's error) and return False."""
        try:
            await self.client.chat_postMessage(channel=user_id, **blocks.message(reply))
        except (SlackApiError, OSError, aiohttp.ClientError, TimeoutError) as error:
            reason = error_code(error) if isinstance(error, SlackApiError) else repr(error)
            log.warning(unsent, extra={**about, "error": reason})
            return False
        return True

    async def _on_thread_reply(self, event: dict[str, Any]) -> bool:
        """A reply in the thread of a message the bot sent (in a channel or a DM) goes to the
        capability that listens to replies to it; False when none does."""
        thread = event.get("thread_ts")
        if not thread or thread == event.get("ts"):
            return False
        sent = self.ledger.sent_as("slack", f"{event['channel']}/{thread}")
        if sent is None or not self.core.hears_replies(sent[0]):
            return False
        purpose, key = sent
        person = self.core.person("slack", event["user"])
        text = as_shown(
            event.get("text", ""), functools.partial(self.core.directory.name_of, "slack")
        )
        await self.core.thread_reply(person, purpose, key, text, event["ts"])
        return True

    async def _on_mention(self, event: dict[str, Any]) -> None:
        person = self.core.person("slack", event["user"])
        said = event.get("text", "")
        text = said_to_bot(without_mentions(said), words_after_mention(said), self.core.commands)
        said_to = self._said(person, text, public=True, files=files_of(event))
        reply = await self._reply(said_to, "slack mention")
        answer = {**blocks.message(reply), "thread_ts": event.get("thread_ts") or event["ts"]}
        await self._answer(event, MENTION_ANSWER, answer)

    async def _on_home_opened(self, event: dict[str, Any]) -> None:
        if event.get("tab") != "home":
            return
        self._home_opened.add(event["user"])
        await self._publish_home(event["user"])

    async def _publish_home(self, user_id: str) -> None:
        person = self.core.person("slack", user_id)
        home = await self._reply(self.core.home(person), "slack home")
        await self._home.publish(user_id, home)

    async def _refresh_home(self, person: Person) -> None:
        """After the person pressed a button, saved a form, typed a command or wrote to the
        bot: their App Home again when what it shows changed (a mute, a stop, a report filed),
        never for someone who has not opened it. One Slack refuses leaves what was done and
        answered as it is: the next refresh publishes it."""
        if person.user_id in self._home_opened:
            home = await self._reply(self.core.home(person), "slack home")
            try:
                await self._home.publish(person.user_id, home, changed_only=True)
            except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
                log.warning("the App Home was not published again", extra={"error": repr(error)})

    async def _on_user_change(self, event: dict[str, Any]) -> None:
        """A member's profile changed (a traveller's time zone, above all): into the directory
        at once, not at the next daily sync, so their next digest comes at their new morning."""
        user = event.get("user")
        if isinstance(user, dict) and user.get("id") and not stranger(user, self.company()):
            self.core.directory.upsert([member(user)])

    async def sync_people(self, again_at: datetime | None = None) -> bool:
        """Refresh the people directory from users.list; failures are logged, not raised.
        `again_at`: when a sync that Slack's throttling cut short is tried again."""
        self.members_cut_short = False
        cursor, read = self._members_resume
        try:
            company = self.company()
            count = await sync_people(self.client, self.core.directory, company, cursor, read)
        except MembersCutShort as cut:
            self.members_cut_short = True
            self._members_resume = (cut.cursor, cut.read)
            again = f"trying again at {again_at:%H:%M} UTC" if again_at else "trying again later"
            again += " from there" if cut.cursor else ""
            self._members_problem = (
                f"Slack kept throttling users.list (ratelimited): read {cut.read} of the"
                f" workspace's members so far; {again}; meanwhile people are learnt when they"
                " write to the bot"
            )
            log.error(self._members_problem)
            return False
        except SlackApiError as error:
            # The next try reads from the first page: a cursor Slack refused once (it expires:
            # invalid_cursor) would be refused at every try after.
            self._members_resume = ("", 0)
            code = error_code(error)
            fix = MEMBER_LIST_HINTS.get(
                code, "the workspace's members stay unknown until the next try, in an hour"
            )
            self._members_problem = (
                f"Slack refused users.list ({code}): {fix}; meanwhile people are learnt when"
                " they write to the bot"
            )
            log.error(self._members_problem)
            return False
        self._members_problem = None
        self._members_resume = ("", 0)
        log.info("synced Slack members", extra={"members": count})
        return True

    async def check_team_channel(self) -> None:
        """Warn (in the log when it changes, on `/healthz` while it lasts) when the team's
        Slack channel is public or shared with another organisation: its cards name reporters,
        their notes and whose message was reported, and forwarded questions who asked."""
        channels = on_platform(self.core.escalation_channels, "slack", CHANNEL_SHAPES)
        exposure = await self.channels.exposure(channels[0]) if channels else None
        problem = exposed_team_channel(channels[0], exposure) if exposure else None
        if problem and problem != self._channel_problem:
            log.warning(problem)
        self._channel_problem = problem

    async def user_group_members(self, group_id: str) -> list[str]:
        """The members of a Slack user group named in the role settings."""
        return await user_group_members(self.client, group_id)

    async def _on_action(
        self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], respond: AsyncRespond
    ) -> None:
        await ack()
        action_id, value = blocks.pressed(action)
        if action.get("url") and not self.core.handles(action_id):
            return  # a plain link button: Slack opened the link, nothing more to do
        user = body["user"]
        person = self.core.person("slack", user["id"], user.get("username", ""))
        work = self.core.action(person, action_id, value)
        reply = await self._reply(work, f"slack action {action_id}")
        await self._show(reply, body["trigger_id"], respond)
        await self._refresh_home(person)

    async def _on_submit(self, ack: AsyncAck, body: dict[str, Any], view: dict[str, Any]) -> None:
        user = body["user"]
        person = self.core.person("slack", user["id"], user.get("username", ""))
        values = blocks.submitted_values(view)
        state = view.get("private_metadata") or ""
        try:
            reply = await self.core.submit(person, view["callback_id"], values, state)
        except FormErrors as mistakes:
            await ack(response_action="errors", errors=mistakes.errors)
            return
        except Exception as error:
            reply = reply_for_error(error, f"slack form {view['callback_id']}")
        if isinstance(reply, Form):
            await ack(response_action="update", view=blocks.modal(reply))
            return
        await ack()
        if reply is None:
            return
        # The form's work is done (an announcement is queued and goes when Slack answers);
        # if Slack will not take it, only its confirmation is lost.
        unsent = {"form": view["callback_id"], "user": user["id"]}
        await self._direct(user["id"], reply, "a form's confirmation not posted", unsent)
        await self._refresh_home(person)

    async def _on_shortcut(
        self, ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond
    ) -> None:
        await ack()
        user = body["user"]
        person = self.core.person("slack", user["id"], user.get("username", ""))
        reply = await self._reply(self._shortcut(person, body), f"slack {body['callback_id']}")
        await self._show(reply, body["trigger_id"], respond)

    async def _shortcut(self, person: Person, body: dict[str, Any]) -> Reply:
        message = body.get("message") or {}
        channel = (body.get("channel") or {}).get("id", "")
        permalink = ""
        if channel and message.get("ts"):
            try:
                found = await self.client.chat_getPermalink(
                    channel=channel, message_ts=message["ts"]
                )
                permalink = str(found.get("permalink") or "")
            except SlackApiError:
                log.warning("no permalink for a shared message", extra={"channel": channel})
        shared = SharedMessage(
            text=message.get("text", ""),
            author=message.get("user", ""),
            channel=channel,
            permalink=permalink,
            files=files_of(message),
        )
        return await self.core.shortcut(person, body["callback_id"], shared)

    async def _on_error(self, error: Exception, body: dict[str, Any]) -> None:
        reply_for_error(error, f"slack {body.get('type', 'request')}")


async def _honour_no_proxy(
    client: AsyncWebClient, next: Callable[[], Awaitable[BoltResponse]]
) -> BoltResponse:
    honour_no_proxy(client)
    return await next()
