"""The Teams side of the delivery engine: proactive messages through stored references."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import (
    Activity,
    ChannelAccount,
    ConversationAccount,
    ConversationParameters,
    ConversationReference,
)
from msrest.exceptions import ClientRequestError, HttpOperationError

from bot.delivery.gateway import (
    CannotTell,
    ConversationRefused,
    Payload,
    PermanentFailure,
    RateLimited,
    TransientFailure,
    reason_of,
)
from bot.teams import cards, connector_errors
from bot.teams.conversations import Conversation, Conversations, channel_of
from bot.teams.install import GRANTS
from bot.teams.share_links import ShareLinks
from bot.teams.tokens import FetchingAdapter, NoToken
from handlers.people import CHANNEL_SHAPES
from handlers.views import Message

log = logging.getLogger(__name__)

CHANNEL_ID = "msteams"
# What a person's chat answering 404 means (a manager's cards wait, see the engine).
PERSON_GONE = "cannot be reached in Teams (their chat with the app is gone: Teams answered 404)"
# What a person's chat answering 403 means: Teams refuses the bot's messages to them.
PERSON_BLOCKED = (
    "blocked or removed the app in Teams, or it was turned off for them (Teams answered 403:"
    " they get the bot's messages again once they open it and say hi)"
)
PERSON_UNINSTALLED = "removed the app in Teams (they get messages again once they add it back)"
# What makes a team's channel take the bot's messages again.
ADD_TO_TEAM = "add the app to the team (Manage team, Apps), or name another channel"
# How a message to someone known only from a team the app was removed from fails.
APP_REMOVED = "the app was removed from the team of"
# A person the bot has no chat with and who is in no team the app is in: Teams opens no chat
# then (the Bot Connector refuses a conversation with someone who has not got the app).
NOT_YET = "has no chat with socialbot in Teams yet"
HOW_TO_REACH = (
    "install the app for them (Teams admin center: Teams apps, Setup policies, Installed apps;"
    " or add it to a team they are in; or grant socialbot the Graph application permissions"
    f" {GRANTS} and it installs itself for them), or ask them to open socialbot in Teams and"
    " say hi"
)


UNAUTHORIZED = 401
TOKEN_REFUSED = (
    "Teams refuses the bot's token: check MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TYPE and"
    " MICROSOFT_APP_TENANT_ID against the Azure Bot's configuration"
)


def classify(error: BaseException, recipient: str) -> Exception:
    """The delivery engine's failure for an error from the Bot Connector."""
    if isinstance(error, HttpOperationError):
        status = error.response.status_code if error.response is not None else 0
        detail = f"Teams answered {status} for {recipient}: {error}"
        if status == 429:
            return RateLimited(connector_errors.retry_after(error), "conversation", detail)
        if status == UNAUTHORIZED:
            # The bot's token, not the recipient: tried again with a new token already; while
            # Teams refuses it the queue waits (the engine pauses it) instead of failing people.
            return TransientFailure(f"{detail} ({TOKEN_REFUSED})", maybe_delivered=False)
        if status == 413:  # that message, never the platform: no retry makes it smaller
            return PermanentFailure(f"{detail} (the message is past Teams' size limit)")
        if status in (400, 403, 404):
            # 403: the bot was blocked or uninstalled; 404: the conversation is gone; 400: Teams
            # rejects the card itself. No retry fixes these.
            return PermanentFailure(detail)
        # A gateway error (502, 504) may hide a message that Teams did deliver.
        return TransientFailure(detail, maybe_delivered=status in (502, 504))
    if isinstance(error, NoToken):  # checked before OSError: the request never left
        return TransientFailure(f"not sent to {recipient}: {error}", maybe_delivered=False)
    if isinstance(error, ClientRequestError | TimeoutError | OSError):
        return TransientFailure(
            f"could not reach Teams for {recipient}: {reason_of(error)}",
            maybe_delivered=not _refused(error),
        )
    return error if isinstance(error, Exception) else RuntimeError(str(error))


def _refused_or(failure: Exception, recipient: str, what: str = PERSON_GONE) -> Exception:
    """`failure`, or ConversationRefused when a team's channel or a person's chat cannot be
    reached (`what` happened: they blocked or removed the app, Bot Framework's 403; their
    chat is gone, 404)."""
    if not isinstance(failure, PermanentFailure):
        return failure
    if CHANNEL_SHAPES["teams"].match(recipient):
        return ConversationRefused(str(failure), ADD_TO_TEAM)
    return ConversationRefused(str(failure), what, person=True)


def _refused(error: BaseException) -> bool:
    """Whether the request surely never left: the connection was refused or the host unknown."""
    seen: set[int] = set()
    pending: list[object] = [error]
    while pending:
        current = pending.pop()
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ConnectionRefusedError | socket.gaierror):
            return True
        # msrest keeps the requests error in `inner_exception`; requests and urllib3 keep
        # theirs in args and the exception chain.
        pending.extend([current.__cause__, current.__context__, *current.args])
        pending.append(getattr(current, "inner_exception", None))
        pending.append(getattr(current, "reason", None))
    return False


class TeamsGateway:
    """Sends rendered cards to stored conversations; classifies what Teams answers."""

    platform = "teams"

    def __init__(
        self,
        adapter: FetchingAdapter,
        conversations: Conversations,
        app_id: str | None,
        sign: Callable[[str], str],
        share_links: ShareLinks | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.adapter = adapter
        self.conversations = conversations
        self.app_id = app_id or ""
        self.share_links = share_links
        self.sign = sign  # of the buttons' and forms' data (`cards.signed`)
        self.timeout = timeout
        self.token_refused_since: datetime | None = None  # Teams answering 401 to the bot

    def render(self, message: Message) -> Payload:
        """The message activity (JSON) for `message`, stored in the ledger before sending."""
        return cards.activity(message)

    async def send(self, recipient: str, payload: Payload, token: str = "") -> str:
        """Post `payload` to a conversation id, or to a person's personal chat by their id.

        Teams keeps nothing a bot could read back, so `token` is not sent.
        """
        payload = self.personal(payload, recipient, self._shared(recipient))
        return await self._proactive(recipient, lambda turn: self._post(turn, payload, recipient))

    async def close(self) -> None:
        """Nothing to release: the connector clients belong to the adapter."""

    async def update(self, recipient: str, message_id: str, payload: Payload) -> None:
        """Replace the card `message_id` in the recipient's conversation."""
        payload = self.personal(payload, recipient, self._shared(recipient))

        async def edit(turn_context: TurnContext) -> str:
            activity = self._outgoing(turn_context, payload)
            activity.id = message_id
            async with asyncio.timeout(self.timeout + 5):
                await self._client(turn_context).conversations.update_activity(
                    activity.conversation.id, message_id, activity
                )
            return message_id

        await self._proactive(recipient, edit)

    def personal(self, payload: Payload, recipient: str, conversation: bool) -> Payload:
        """`payload` with the recipient's own share links (the same card goes to many): a
        person's Entra object id, or the `conversation`'s id when anyone in it may press them;
        and its buttons' and forms' data signed (a body stored before buttons were signed is
        signed when sent)."""
        links = self.share_links
        payload = payload if links is None else links.personal(payload, recipient, conversation)
        return cards.signed(payload, self.sign)

    def _shared(self, recipient: str) -> bool:
        """Whether `recipient` is a conversation anyone in may press a button (a channel, a
        group chat), as Teams said when it was stored; a person's id never is."""
        stored = self.conversations.get(recipient)
        return stored is not None and stored.shared

    async def _proactive(
        self, recipient: str, work: Callable[[TurnContext], Awaitable[str]]
    ) -> str:
        """Run `work` in a proactive turn in the recipient's stored conversation."""
        conversation = self.conversations.find(recipient) or await self._from_roster(recipient)
        if conversation is None:
            missing = f"no stored Teams conversation for {recipient}"
            if CHANNEL_SHAPES["teams"].match(recipient):
                raise ConversationRefused(missing, ADD_TO_TEAM)
            if self.conversations.in_removed_team(recipient):
                missing = f"{APP_REMOVED} {recipient}"
            # Nobody is gone: whoever never got the app is reachable once they have it.
            raise ConversationRefused(missing, HOW_TO_REACH, not_yet=True)
        if conversation.uninstalled:
            gone = f"the app was uninstalled from {conversation.conversation_id}"
            raise _refused_or(PermanentFailure(gone), recipient, PERSON_UNINSTALLED)
        if conversation.blocked:  # until the person writes to the bot again
            blocked = f"the bot is blocked in {conversation.conversation_id}"
            raise _refused_or(PermanentFailure(blocked), recipient, PERSON_BLOCKED)
        result = await self._turn(conversation, work)
        if connector_errors.status(result) == UNAUTHORIZED and self.adapter.forget_token(
            time.monotonic()
        ):
            result = await self._turn(conversation, work)  # once, with a new token
        self._note_token(result)
        if isinstance(result, BaseException):
            if connector_errors.status(result) == 403:
                self.conversations.block(conversation.conversation_id)
            failure = classify(result, recipient)
            if connector_errors.status(result) == 403:
                failure = _refused_or(failure, recipient, PERSON_BLOCKED)
            elif connector_errors.status(result) == 404:
                failure = _refused_or(failure, recipient)
            raise failure from result
        return str(result)

    async def _turn(
        self, conversation: Conversation, work: Callable[[TurnContext], Awaitable[str]]
    ) -> Any:
        """What `work` returned or raised in a proactive turn in `conversation`."""
        outcome: list[Any] = []

        async def turn(turn_context: TurnContext) -> None:
            # Failures are kept, not raised: a raise here would reach the adapter's turn error
            # handler, which answers people, and there is nobody to answer in a proactive turn.
            try:
                outcome.append(await work(turn_context))
            except Exception as error:
                outcome.append(error)

        await self.adapter.continue_conversation(conversation.reference, turn, self.app_id)
        return outcome[0] if outcome else RuntimeError("the proactive turn did not run")

    def _note_token(self, result: Any) -> None:
        """Remember (and log once) since when Teams refuses the bot's token; forget it when
        Teams takes a message again."""
        if connector_errors.status(result) == UNAUTHORIZED:
            if self.token_refused_since is None:
                self.token_refused_since = datetime.now(UTC)
                log.error(TOKEN_REFUSED, extra={"error": str(result)[:300]})
        elif not isinstance(result, BaseException) and self.token_refused_since is not None:
            self.token_refused_since = None
            log.info("Teams takes the bot's token again")

    async def open_chat(
        self,
        user: ChannelAccount,
        bot: ChannelAccount,
        tenant_id: str | None,
        service_url: str,
    ) -> Conversation:
        """Create (or get back) the personal chat with `user`, and store its reference."""
        parameters = ConversationParameters(
            is_group=False,
            bot=bot,
            members=[ChannelAccount(id=user.id)],
            tenant_id=tenant_id,
            channel_data={"tenant": {"id": tenant_id}} if tenant_id else None,
        )
        created: list[ConversationReference] = []

        async def remember(turn_context: TurnContext) -> None:
            created.append(TurnContext.get_conversation_reference(turn_context.activity))

        try:
            async with asyncio.timeout(self.timeout + 5):
                await self.adapter.create_conversation(
                    self.app_id, remember, parameters, CHANNEL_ID, service_url
                )
        except Exception as error:
            raise classify(error, user.id or "") from error
        reference = created[0]
        reference.user = ChannelAccount(id=user.id, aad_object_id=user.aad_object_id)
        reference.conversation = ConversationAccount(
            id=reference.conversation.id, conversation_type="personal", tenant_id=tenant_id
        )
        key = self.conversations.remember(reference, tenant_id=tenant_id)
        found = self.conversations.get(key)
        assert found is not None, "a conversation just stored is there"
        return found

    async def _from_roster(self, recipient: str) -> Conversation | None:
        """The personal chat with a team member who never wrote to the bot, opened now."""
        entry = self.conversations.in_roster(recipient)
        if entry is None:
            return None
        team = entry.team.reference
        return await self.open_chat(
            ChannelAccount(id=entry.user_id, aad_object_id=entry.aad_object_id),
            team.bot,
            entry.team.tenant_id,
            team.service_url,
        )

    def reaches(self, recipient: str) -> bool:
        """Whether the bot has a chat with `recipient` or can open one (a team roster lists
        them); a channel counts as reached (its refusals are the engine's to tell); a person
        who blocked or removed the bot is not, until they write to it again."""
        if CHANNEL_SHAPES["teams"].match(recipient):
            return True
        chat = self.conversations.find(recipient)
        if chat is not None:
            return not (chat.blocked or chat.uninstalled)
        return self.conversations.in_roster(recipient) is not None

    async def find(self, recipient: str, token: str, since: float) -> str | None:
        """Teams has no history a bot can read, so whether a message arrived cannot be told."""
        raise CannotTell("Teams keeps no conversation history that a bot can read")

    def _client(self, turn_context: TurnContext) -> Any:
        client = turn_context.turn_state[self.adapter.BOT_CONNECTOR_CLIENT_KEY]
        # The delivery engine owns retries and honours Retry-After without blocking a thread;
        # msrest would otherwise retry 429 and 5xx itself, sleeping in its worker thread.
        client.config.retry_policy.retries = 0
        client.config.connection.timeout = self.timeout
        return client

    @staticmethod
    def _outgoing(turn_context: TurnContext, payload: Payload) -> Activity:
        reference = TurnContext.get_conversation_reference(turn_context.activity)
        activity = TurnContext.apply_conversation_reference(
            Activity().deserialize(payload), reference
        )
        activity.reply_to_id = None  # a new post, not a reply to the continuation event
        return activity

    async def _post(self, turn_context: TurnContext, payload: Payload, recipient: str) -> str:
        activity = self._outgoing(turn_context, payload)
        if recipient != channel_of(recipient):  # a channel thread's id: a reply in that thread
            activity.conversation = ConversationAccount().deserialize(
                {**activity.conversation.serialize(), "id": recipient}
            )
        async with asyncio.timeout(self.timeout + 5):
            response = await self._client(turn_context).conversations.send_to_conversation(
                activity.conversation.id, activity
            )
        return str(response.id) if response is not None and response.id else ""
