"""The team's conversations that refuse the bot: who gets their messages, and what is kept.

A team's channel the bot is not in, or a manager's DM that refuses it (`ConversationRefused`),
is not a failure like another: its messages go to whoever stands in for it (the managers for a
channel, the team now for a manager the settings no longer name), or are held and tried again
(at start, and after a growing pause) until it accepts them. Anyone else's refusal fails.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from bot.delivery.gateway import ConversationRefused, Gateway
from bot.delivery.ledger import Delivery, Ledger

if TYPE_CHECKING:
    from bot.delivery.policy import Policy

log = logging.getLogger("bot.delivery")

MANAGERS_SETTING = "SOCIALBOT_SOCIAL_MEDIA_MANAGERS"  # where a gone manager is replaced
# Who stands in for a team's channel or manager that refuses the bot's messages of a purpose
# (platform, recipient, purpose): None when they are not the team's (they fail as before), else
# the people to send them to instead ([]: keep them until the recipient accepts).
StandIns = Callable[[str, str, str], list[str] | None]
# Told (platform, purpose, key) when a message is first kept for a channel that refuses the
# bot, so that whoever expects it to have arrived can hear it waits.
OnHeld = Callable[[str, str, str], None]
# Told (platform, user id, purpose, key) when a message to someone not of the team fails because
# the platform says the person is gone: they are marked so, and not counted as told.
OnGone = Callable[[str, str, str, str], object]
# Queue a refused row's message for these others instead (the engine's queue).
Forward = Callable[[Delivery, list[str]], None]


class Refusals:
    """The team's channels and managers that refuse the bot's messages, and what is kept."""

    def __init__(
        self,
        ledger: Ledger,
        policy: Policy,
        gateways: Mapping[str, Gateway],
        forward: Forward,
        kick: Callable[[str], None],
        stand_ins: StandIns | None = None,
        on_held: OnHeld | None = None,
        on_gone: OnGone | None = None,
    ) -> None:
        self.ledger = ledger
        self.policy = policy
        self._gateways = gateways
        self._forward = forward
        self._kick = kick
        self._stand_ins = stand_ins or (lambda platform, recipient, purpose: None)
        self._on_held = on_held
        self._on_gone = on_gone
        # Team channels that refused the bot's last message to them, with why and the fix.
        self.refusing: dict[tuple[str, str], str] = {}
        # Of those, the managers' DMs (their account is gone), with what Slack or Teams said.
        self.gone: dict[tuple[str, str], str] = {}

    def remember_held(self) -> None:
        """At start: the conversations with held rows refused the bot before."""
        for platform, recipient, reason, _ in self.ledger.held():
            self.refusing.setdefault((platform, recipient), reason)

    def refused(
        self, row: Delivery, error: ConversationRefused, context: dict[str, object]
    ) -> None:
        """A team's channel or manager refuses the bot: whoever stands in for it gets the
        message instead (the managers for a channel, the team now for a manager the settings no
        longer name), or it is held and tried again (at start, and after a growing pause) until
        the recipient accepts."""
        now = time.time()
        stand_ins = self._stand_ins(row.platform, row.recipient, row.purpose)
        if stand_ins is None:  # not the team's
            self.refusing.pop((row.platform, row.recipient), None)
            self.gone.pop((row.platform, row.recipient), None)
            self.ledger.mark_failed(row.id, str(error), now)
            log.info("delivery failed for good", extra={**context, "reason": str(error)})
            if error.left and self._on_gone is not None:
                try:
                    self._on_gone(row.platform, row.recipient, row.purpose, row.key)
                except Exception:  # the failure is recorded whatever the listener does
                    log.exception("a listener of people gone failed", extra=context)
            return
        others = [r for r in stand_ins if r != row.recipient]
        reason = f"{error}: {error.fix}"
        replaced = error.person and bool(others)  # a manager the settings no longer name
        if replaced:
            log.info(
                "messages kept for a former manager go to the team now",
                extra={**context, "manager": row.recipient, "to": others},
            )
        elif error.not_yet:  # nobody gone: the platform's layer names them, `release` sends
            log.info("kept for a manager the bot cannot reach yet", extra=context)
        elif error.person and (row.platform, row.recipient) not in self.gone:
            self.gone[(row.platform, row.recipient)] = error.fix
            log.warning(
                "a social media manager's DM refuses the bot's messages",
                extra={**context, "manager": row.recipient, "reason": str(error),
                       "fix": f"name an active manager in {MANAGERS_SETTING}",
                       "meanwhile": "kept until the DM accepts them"},
            )  # fmt: skip
        elif (row.platform, row.recipient) not in self.refusing:
            log.warning(
                "the team's channel refuses the bot's messages",
                extra={**context, "channel": row.recipient, "reason": str(error), "fix": error.fix,
                       "meanwhile": "sent to the managers" if others else "kept until it accepts"},
            )  # fmt: skip
        if replaced or error.not_yet:  # kept at start as refusing: not the engine's to tell
            self.refusing.pop((row.platform, row.recipient), None)
            self.gone.pop((row.platform, row.recipient), None)
        else:
            self.refusing[(row.platform, row.recipient)] = reason
        if others:
            self._forward(row, others)
            self.ledger.mark_failed(row.id, f"{reason} (sent to the managers instead)", now)
        elif now - row.created_at > self.policy.hold_for:
            self.ledger.mark_failed(row.id, f"{reason} (given up after waiting)", now)
            log.error("the team's channel never accepted the message", extra=context)
        else:
            pause = self.policy.hold_first * 2 ** max(0, row.attempts - 1)
            self.ledger.hold(row.id, now + min(pause, self.policy.hold_cap), reason)
            if row.attempts == 0 and self._on_held is not None:  # its first try
                try:
                    self._on_held(row.platform, row.purpose, row.key)
                except Exception:  # the message is kept whatever the listener does
                    log.exception("a listener of held messages failed", extra=context)

    def holds(self, platform: str, recipient: str, purpose: str) -> bool:
        """Whether messages of `purpose` to `recipient` are kept for now: it is a team's
        channel or manager that refused the bot's last message or that the bot cannot reach
        yet, and nobody stands in for it."""
        if (platform, recipient) not in self.refusing:
            gateway = self._gateways.get(platform)
            if gateway is None or gateway.reaches(recipient):
                return False
            if self._stand_ins(platform, recipient, purpose) is None:
                return False  # not the team's: it fails, it is not kept
        return not self.others(platform, recipient, purpose)

    def release(self, platform: str, recipients: Iterable[str]) -> int:
        """Send now what is kept for `recipients`, who can be reached now (a manager who
        opened the bot, got the app or joined a team it is in); return how many."""
        now = time.time()
        released = sum(self.ledger.release(now, platform, r) for r in set(recipients))
        if released:
            log.info("kept messages released", extra={"platform": platform, "held": released})
            self._kick(platform)
        return released

    def others(self, platform: str, recipient: str, purpose: str) -> list[str]:
        """Who gets the messages for `recipient` while it refuses the bot (none: they wait)."""
        stand_ins = self._stand_ins(platform, recipient, purpose) or []
        return [r for r in stand_ins if r != recipient]

    def sent(self, platform: str, recipient: str, context: dict[str, object]) -> None:
        """A message reached `recipient`: if it refused the bot before, send what was held
        for it now."""
        if (platform, recipient) not in self.refusing:
            return
        del self.refusing[(platform, recipient)]
        self.gone.pop((platform, recipient), None)
        released = self.ledger.release(time.time(), platform, recipient)
        log.info("the team's channel accepts messages again", extra={**context, "held": released})
        if released:
            self._kick(platform)

    def warnings(self) -> list[str]:
        """A line per manager who is gone and per team channel that refuses the bot."""
        held = {(p, r): n for p, r, _, n in self.ledger.held()}
        gone = [
            f"{MANAGERS_SETTING}: {recipient} {what}: {held.get((platform, recipient), 0)}"
            " message(s) kept for them; name an active manager there"
            for (platform, recipient), what in sorted(self.gone.items())
        ]
        channels = [
            f"the bot cannot post in the {platform} channel {recipient} ({reason}); "
            + (
                f"{held[(platform, recipient)]} message(s) kept until it accepts them"
                if (platform, recipient) in held
                else "the managers get its messages meanwhile"
            )
            for (platform, recipient), reason in sorted(self.refusing.items())
            if (platform, recipient) not in self.gone
        ]
        return gone + channels
