"""Slack's assistant pane through Bolt's `AsyncAssistant`: a new thread gets the greeting and
suggested prompts, a message the core's answer (streamed as the model writes it), and the
channel beside the pane is kept for "Report this". Threads the pane did not start are left to
the other listeners, so workspaces without the feature work as before."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from slack_bolt.context.assistant.thread_context import AssistantThreadContext
from slack_bolt.context.assistant.thread_context_store.async_store import (
    AsyncAssistantThreadContextStore,
)
from slack_bolt.context.say.async_say import AsyncSay
from slack_bolt.context.say_stream.async_say_stream import AsyncSayStream
from slack_bolt.context.set_status.async_set_status import AsyncSetStatus
from slack_bolt.context.set_suggested_prompts.async_set_suggested_prompts import (
    AsyncSetSuggestedPrompts,
)
from slack_bolt.context.set_title.async_set_title import AsyncSetTitle
from slack_bolt.middleware.assistant.async_assistant import AsyncAssistant
from slack_sdk.errors import SlackClientError
from slack_sdk.web.async_chat_stream import AsyncChatStream
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import reply_for_error
from bot.slack import blocks
from handlers.assistant import AssistantPane, Turn
from handlers.core import Core
from handlers.views import Message, SharedMessage

log = logging.getLogger(__name__)

# What Bolt runs for an event, given the arguments its signature names.
Listener = Callable[..., Awaitable[None]]

# Characters gathered before each chat.appendStream: a few calls per answer, not one a word.
STREAM_BUFFER = 100
# What a call to Slack may raise: Slack's refusal, or Slack out of reach.
SLACK_FAILURES = (SlackClientError, aiohttp.ClientError, TimeoutError)
RECENT = 20  # messages of the channel beside the pane looked through for "Report this"
# How long "Report this" looks for the channel's message: Slack's trigger id for the form dies
# 3 s after the click, and a slow or rate-limited Slack must not cost the form.
LOOK_UP_SECONDS = 1.5


def thread_key(channel: str, thread_ts: str) -> str:
    """The core's name for a pane thread."""
    return f"{channel}/{thread_ts}"


def _channel(context: dict[str, Any] | None) -> str:
    """The channel beside the pane, when it is one ("" for none, or a DM)."""
    channel = str((context or {}).get("channel_id") or "")
    return channel if channel.startswith(("C", "G")) else ""


class ThreadContexts(AsyncAssistantThreadContextStore):
    """Bolt's thread context read from the pane's threads: Bolt asks for it whenever it replies
    in a DM thread, and would otherwise read the thread back from Slack each time."""

    def __init__(self, pane: AssistantPane) -> None:
        self.pane = pane

    async def save(self, *, channel_id: str, thread_ts: str, context: dict[str, str]) -> None:
        """The person looks at another channel beside a pane thread."""
        self.pane.context_changed(thread_key(channel_id, thread_ts), _channel(context))

    async def find(self, *, channel_id: str, thread_ts: str) -> AssistantThreadContext | None:
        """The channel beside the thread, as Slack last told it."""
        channel = self.pane.context_channel(thread_key(channel_id, thread_ts))
        return AssistantThreadContext({"channel_id": channel}) if channel else None


class Answering:
    """A reply being written in a thread: streamed once the model's text comes, else posted
    whole; a stream Slack refuses falls back to the whole reply, and a started stream is
    always ended. The model never waits on Slack: its pieces are queued and written to Slack
    by a task of their own, so the model's time limit times the model alone."""

    def __init__(self, client: AsyncWebClient, say_stream: AsyncSayStream) -> None:
        self.client = client
        self.say_stream = say_stream
        self._pieces: asyncio.Queue[str | None] = asyncio.Queue()
        self._writer: asyncio.Task[None] | None = None
        self._stream: AsyncChatStream | None = None
        self._streamed = ""
        self._refused = False

    async def append(self, text: str) -> None:
        """Show more of the answer as the model writes it (queued: Slack is not waited on)."""
        if self._writer is None:
            self._writer = asyncio.create_task(self._write(), name="slack assistant stream")
        self._pieces.put_nowait(text)

    async def _write(self) -> None:
        while (text := await self._pieces.get()) is not None:
            if self._refused:
                continue
            try:
                if self._stream is None:
                    self._stream = await self.say_stream(buffer_size=STREAM_BUFFER)
                self._streamed += text
                await self._stream.append(markdown_text=text)
            except SLACK_FAILURES as error:
                self._refused = True
                log.warning("Slack refused a streamed answer", extra={"error": str(error)})

    async def finish(self, reply: Message) -> None:
        """End the reply: below the streamed text when it is the answer's text, else the
        whole reply in the started message's place (the model failed or answered otherwise,
        or Slack refused a piece), else the whole reply as a new message."""
        if self._writer is not None:
            self._pieces.put_nowait(None)
            await self._writer
        stream, channel = self._stream, str(self.say_stream.channel)
        if stream is not None and stream.ts is not None:
            whole = " ".join(self._streamed.split()) == " ".join(reply.text.split())
            if whole and not self._refused:
                below = blocks.assistant_message(reply, streamed=True)["blocks"]
                if await self._stop(stream, below):
                    return
            else:
                await self._stop(stream)  # no message is left "streaming" above the answer
            try:
                await self.client.chat_update(
                    channel=channel, ts=stream.ts, **blocks.assistant_message(reply)
                )
                return
            except SLACK_FAILURES as error:
                log.warning(
                    "Slack refused to replace a streamed answer", extra={"error": str(error)}
                )
        await self.client.chat_postMessage(
            channel=channel, thread_ts=self.say_stream.thread_ts, **blocks.assistant_message(reply)
        )

    @staticmethod
    async def _stop(stream: AsyncChatStream, below: list[dict[str, Any]] | None = None) -> bool:
        """End a started stream (with `below` under its text); False when Slack refused."""
        try:
            await stream.stop(blocks=below)
            return True
        except SLACK_FAILURES as error:
            log.warning("Slack refused to end a streamed answer", extra={"error": str(error)})
            return False


class SlackAssistant:
    """The pane's listeners; `middleware()` is what `AsyncApp.assistant` takes."""

    def __init__(self, client: AsyncWebClient, core: Core) -> None:
        self.client = client
        self.core = core
        self.pane = AssistantPane(core, self.latest_with_link)
        self.pane.register(core)

    def middleware(self, tracked: Callable[[Listener], Listener]) -> AsyncAssistant:
        """Bolt's assistant middleware with the pane's listeners, each wrapped in `tracked`."""
        assistant = AsyncAssistant(
            thread_context_store=ThreadContexts(self.pane),
            logger=logging.getLogger("slack_bolt.AsyncAssistant"),
        )
        assistant.thread_started(tracked(self.started))
        assistant.thread_context_changed(tracked(self.context_changed))
        # Bolt adds these matchers to a list: its hint says one, its code wants a list.
        assistant.user_message(matchers=[self.in_pane])(tracked(self.message))  # type: ignore[arg-type]
        return assistant

    def in_pane(self, body: dict[str, Any]) -> bool:
        """Whether a DM thread message is in a thread the pane started."""
        event = body["event"]
        return self.pane.knows(thread_key(event["channel"], event["thread_ts"]))

    async def latest_with_link(self, channel: str) -> SharedMessage | None:
        """The newest of a channel's recent messages by a person that holds a link, when the
        bot may read the channel (it is a member) and Slack answers in time for the form to
        open; None otherwise (the form then has the channel alone)."""
        try:
            async with asyncio.timeout(LOOK_UP_SECONDS):
                history = await self.client.conversations_history(channel=channel, limit=RECENT)
                for message in history.get("messages") or []:
                    text = str(message.get("text") or "")
                    if "<http" in text and not message.get("bot_id") and not message.get("subtype"):
                        found = await self.client.chat_getPermalink(
                            channel=channel, message_ts=message["ts"]
                        )
                        permalink = str(found.get("permalink") or "")
                        user = str(message.get("user") or "")
                        return SharedMessage(text, user, channel, permalink)
        except SLACK_FAILURES as error:  # not a member, a private channel, Slack slow
            reason = str(error) or type(error).__name__
            log.info("cannot read the channel beside the pane", extra={"error": reason})
        return None

    async def started(
        self,
        payload: dict[str, Any],
        say: AsyncSay,
        set_suggested_prompts: AsyncSetSuggestedPrompts,
    ) -> None:
        """The pane opened: greet, offer the prompts and, beside a channel, "Report this"."""
        thread = payload["assistant_thread"]
        person = self.core.person("slack", thread["user_id"])
        key = thread_key(thread["channel_id"], thread["thread_ts"])
        opening = await self.pane.start(person, key, _channel(thread.get("context")))
        await say(**blocks.assistant_message(opening.greeting))
        await set_suggested_prompts(prompts=blocks.prompts(opening.prompts))

    async def context_changed(self, payload: dict[str, Any]) -> None:
        """The person looks at another channel beside the pane: kept for "Report this"."""
        thread = payload["assistant_thread"]
        person = self.core.person("slack", thread["user_id"])
        key = thread_key(thread["channel_id"], thread["thread_ts"])
        self.pane.context_changed(key, _channel(thread.get("context")), person)

    async def message(
        self,
        payload: dict[str, Any],
        set_status: AsyncSetStatus,
        set_title: AsyncSetTitle,
        say_stream: AsyncSayStream,
    ) -> None:
        """A message in a pane thread: a status while it is answered, then the answer."""
        person = self.core.person("slack", payload["user"])
        key = thread_key(payload["channel"], payload["thread_ts"])
        await _cosmetic(
            set_status(await self.pane.status(person, payload.get("text", ""))), "status"
        )
        answering = Answering(self.client, say_stream)
        try:
            turn = await self.pane.reply(person, key, payload.get("text", ""), answering.append)
        except Exception as error:
            turn = Turn(reply_for_error(error, "slack assistant"))
        await answering.finish(turn.reply)  # the answer first: status and title are cosmetic
        if turn.title:
            await _cosmetic(set_title(turn.title), "title")


async def _cosmetic(call: Awaitable[object], what: str) -> None:
    """A call that only dresses the thread (its status, its title): one log line when Slack
    refuses it or cannot be reached, never a lost answer."""
    try:
        await call
    except SLACK_FAILURES as error:
        log.warning("Slack refused the assistant thread's %s", what, extra={"error": str(error)})
