"""What the delivery engine needs from a platform: render a message, send it, classify failures."""

from __future__ import annotations

from typing import Any, Protocol

from handlers.views import Message

Payload = dict[str, Any]

# The purposes of the answers a platform's app queues itself (`DeliveryEngine.enqueue_drawn`):
# a Slack DM's, to its person; a Slack @mention's, in its channel (review13b M3); a Teams turn's
# that Teams refused for longer than the turn could wait.
DM_ANSWER = "dm-answer"
MENTION_ANSWER = "mention-answer"
LATE_ANSWER = "late-answer"


def mention_of(user_id: str) -> str:
    """How a mention answer's key ends: with whose @mention it answers ("C…/ts@U…"), so that
    `socialbot export` and `forget` find it as theirs."""
    return f"@{user_id}"


def reason_of(error: BaseException) -> str:
    """What went wrong, for the log and the ledger: the error's class and text, and for a
    timeout, whose text is empty, what it means (review12b D9)."""
    text = str(error) or ("no answer in time" if isinstance(error, TimeoutError) else "")
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class DeliveryError(Exception):
    """Sending failed; the subclass says whether and when to try again."""


class PermanentFailure(DeliveryError):
    """The platform will never accept this (user deactivated, bot blocked, channel gone)."""


class ConversationRefused(PermanentFailure):
    """A channel does not take the bot's messages now (the bot is not in it, it is archived or
    gone, the app is not in the team), until someone does what `fix` says; or, `person`, a
    person's DM does not (deactivated, gone), `fix` saying how; or, `not_yet`, the bot has no
    way to reach a person yet (Teams: no chat with the app, in no team of it), nobody gone;
    `left`: the platform says the person is no longer there (not that the bot may not reach
    them: an app blocked, the bot's own account deactivated)."""

    def __init__(
        self, detail: str, fix: str, person: bool = False, not_yet: bool = False, left: bool = False
    ) -> None:
        super().__init__(detail)
        self.fix = fix
        self.person = person or not_yet or left
        self.not_yet = not_yet
        self.left = left


class TransientFailure(DeliveryError):
    """Worth another try after a backoff (5xx, timeout, connection reset).

    `maybe_delivered` says the request may have reached the platform (a timeout or a dropped
    connection after the body went out): the engine then asks `find` before sending again.
    """

    def __init__(self, detail: str = "", *, maybe_delivered: bool = False) -> None:
        super().__init__(detail)
        self.maybe_delivered = maybe_delivered


class RateLimited(DeliveryError):
    """The platform said 429: nothing more to `scope` until `retry_after` seconds pass."""

    def __init__(self, retry_after: float, scope: str, detail: str = "") -> None:
        super().__init__(detail or f"rate limited for {retry_after:g}s ({scope})")
        self.retry_after = retry_after
        self.scope = scope  # "platform" (the workspace/tenant bucket) or "conversation"


class CannotTell(DeliveryError):
    """The platform cannot say whether an earlier, unanswered attempt arrived."""


class Gateway(Protocol):
    """One platform's outbound side, used only through the delivery engine.

    A recipient is one conversation (a user id for a DM, a channel id, a Teams conversation
    reference key): the engine keeps one per-conversation token bucket per recipient.
    """

    platform: str

    def render(self, message: Message) -> Payload:
        """The platform's JSON for `message`, stored in the ledger before sending."""
        ...

    async def send(self, recipient: str, payload: Payload, token: str) -> str:
        """Post `payload` to `recipient`, tagged with `token` where the platform can carry it
        invisibly; return an opaque reference to the posted message (for later edits)."""
        ...

    async def close(self) -> None:
        """Release pooled connections; the gateway may be used again afterwards."""
        ...

    async def update(self, recipient: str, message_id: str, payload: Payload) -> None:
        """Replace the message `message_id` (as `send` returned it) with `payload`."""
        ...

    async def find(self, recipient: str, token: str, since: float) -> str | None:
        """The reference of a message tagged `token` posted to `recipient` at or after `since`
        (Unix time), None if there surely is none; raise CannotTell if the platform can't say."""
        ...

    def reaches(self, recipient: str) -> bool:
        """Whether a message to `recipient` can go without anyone doing anything first (False
        for a Teams person the bot has no chat with and no team roster to open one from)."""
        ...
