"""Slack: the Bolt app, how it starts, connects and reports its health, and its listeners of
slash commands and of messages to the bot (DMs, @mentions, replies in the bot's threads), which
translate Slack requests into core calls and views into Block Kit.

The rest has a module each: HTTP requests (http_requests), Socket Mode (socket_mode), retried
events (seen_events), whom the bot serves (membership), the App Home (home), buttons, forms and
shortcuts (interactivity), the assistant pane (assistant), and how answers reach people
(replies)."""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
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
from bot.screenshots import KeptFiles
from bot.settings import Settings
from bot.slack import blocks, shapes
from bot.slack.assistant import Listener, SlackAssistant
from bot.slack.channels import SlackChannels
from bot.slack.directory import user_group_members
from bot.slack.events import (
    answer_key,
    as_shown,
    files_of,
    without_mentions,
    words_after_mention,
)
from bot.slack.gateway import honour_no_proxy
from bot.slack.home import AppHome
from bot.slack.http_requests import HttpRequests
from bot.slack.interactivity import Interactivity
from bot.slack.membership import Membership
from bot.slack.replies import direct_message, reply_for, show
from bot.slack.screenshots import DirectFiles
from bot.slack.seen_events import ASKED, SeenEvents
from bot.slack.socket_mode import SocketMode
from bot.slack.uploads import HomePublisher
from handlers.command_words import own_data_request, parse_command, said_to_bot
from handlers.core import NOT_SENT_PRIVATELY, SENT_PRIVATELY, Core
from handlers.people import CHANNEL_SHAPES, Person, exposed_team_channel, on_platform
from handlers.reports.screenshots import Screenshots
from handlers.texts import text_for
from handlers.views import Attachment, Form, Message

log = logging.getLogger(__name__)

# Slack wants an answer to a slash command within 3 seconds; a reply ready sooner goes into the
# acknowledgement itself, anything slower follows through the response URL.
ACK_BUDGET_SECONDS = 2.0


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
        self._channel_problem: str | None = None  # who else reads the team's channel
        # Over HTTP only (Socket Mode has no signing secret, and no requests to verify).
        self.http = HttpRequests(
            self.app, signing_secret.get_secret_value() if signing_secret else None
        )
        self._working: set[asyncio.Task[Any]] = set()
        self.unanswered = Unanswered(db)
        self.seen_events = SeenEvents(db, self.unanswered)
        self.home = AppHome(core, HomePublisher(db, self.client))
        kept = KeptFiles(settings.public_url, Screenshots(db))
        token = settings.slack_bot_token.get_secret_value()
        self.direct_files = DirectFiles(self.client, token, core, kept)
        self.membership = Membership(
            settings, core, self.client, self.unanswered, lambda: self._auth
        )
        self.interactivity = Interactivity(core, self.client, self.home)
        self.assistant = SlackAssistant(self.client, core)
        self.channels = SlackChannels(self.client, lambda: str(self._auth.get("user") or ""))
        core.on_channels("slack", self.channels)
        self._register()
        core.on_tick("forget old Slack events", self.seen_events.forget_old_events)

    def _register(self) -> None:
        tracked = self._tracked
        self.app.middleware(self.seen_events.skip_seen_events)
        self.app.middleware(self.membership.only_the_company)
        self.app.middleware(self.membership.learn_sender)
        # Threads of the assistant pane only.
        self.app.assistant(self.assistant.middleware(tracked))
        # Every slash command goes to the core's registry, which answers unknown ones helpfully;
        # the manifest is built from the same registry, so Slack only sends registered ones.
        self.app.command(re.compile(r"^/"))(tracked(self._on_command))
        self.app.event("message")(tracked(self._on_message))
        self.app.event("app_mention")(tracked(self._on_mention))
        self.app.event("app_home_opened")(tracked(self.home.on_home_opened))
        self.app.event("user_change")(tracked(self.membership.on_user_change))
        self.app.action(re.compile(".+"))(tracked(self.interactivity.on_action))
        self.app.view(re.compile(".+"))(tracked(self.interactivity.on_submit))
        self.app.shortcut(re.compile(".+"))(tracked(self.interactivity.on_shortcut))
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
        socket = [self._socket_problem] if self._socket_problem else []
        channel = [self._channel_problem] if self._channel_problem else []
        return [*socket, *self.membership.warnings(), *channel, *self.http.warnings()]

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

    async def _on_command(
        self, ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond
    ) -> None:
        person = self.core.person("slack", command["user_id"], command.get("user_name", ""))
        work = self.core.command(command["command"], person, command.get("text", ""))
        reply = asyncio.ensure_future(reply_for(work, f"slack {command['command']}"))
        done, _ = await asyncio.wait({reply}, timeout=ACK_BUDGET_SECONDS)
        ready = reply.result() if done else None
        if isinstance(ready, Message):
            await ack(response_type="ephemeral", **blocks.message(ready))
        else:
            if done:
                await ack()
            else:
                await ack(response_type="ephemeral", text="Working on it…")
            await show(self.client, await reply, command["trigger_id"], respond)
        await self.home.refresh(person)  # `/socialbot mute`, a report filed

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
        reply = await reply_for(said, "slack dm")
        await self._answer(event, DM_ANSWER, blocks.message(reply))
        await self.home.refresh(person)  # a typed `mute`, `stop`, a report filed

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
        sent = await direct_message(
            self.client, person.user_id, reply, "a private answer not posted", unsent
        )
        return Message(SENT_PRIVATELY if sent else NOT_SENT_PRIVATELY)

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
        reply = await reply_for(said_to, "slack mention")
        answer = {**blocks.message(reply), "thread_ts": event.get("thread_ts") or event["ts"]}
        await self._answer(event, MENTION_ANSWER, answer)

    async def sync_people(self, again_at: datetime | None = None) -> bool:
        """Refresh the people directory from users.list (`Membership.sync_people`)."""
        return await self.membership.sync_people(again_at)

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

    async def _on_error(self, error: Exception, body: dict[str, Any]) -> None:
        reply_for_error(error, f"slack {body.get('type', 'request')}")


async def _honour_no_proxy(
    client: AsyncWebClient, next: Callable[[], Awaitable[BoltResponse]]
) -> BoltResponse:
    honour_no_proxy(client)
    return await next()
