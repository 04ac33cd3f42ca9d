"""The circuit breaker of one platform's queue: an outage is the platform's, not the message's.

A row counts its own transient failures toward the policy's `max_errors`. But `trip_after`
transient failures in a row, whichever rows they hit, pause the platform's queue: one row is
tried every `probe_every` seconds (a different one each time), the others wait without spending
tries, and the first answer of any kind resumes the queue. Rows still waiting past their
purpose's `lifetime` or their own end (`expires_at`) are given up with the outage as their reason.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.delivery.ledger import Delivery, Ledger

if TYPE_CHECKING:
    from bot.delivery.policy import Policy

log = logging.getLogger("bot.delivery")

PLATFORM_NAMES = {"slack": "Slack", "teams": "Teams"}
# Why a message with an end of its own (a digest: its person's day) was not sent.
DAY_OVER = "not sent by the end of the person's day"


def utc_clock(when: float) -> str:
    """A Unix time as the operator reads it in /healthz and the logs: "19:00 UTC"."""
    return time.strftime("%H:%M UTC", time.gmtime(when))


@dataclass
class _Outage:
    """A platform failing transiently: since when, the last reason, and the next probe."""

    since: float  # Unix time of the first failure in the run
    reason: str
    paused: bool = False
    probe_at: float = 0.0  # monotonic: when the next probe may go
    probe: int | None = None  # the delivery id in flight as the probe
    probed: int = 0  # the last probe's id: the next is a later row (one bad message blocks none)


class CircuitBreaker:
    """Counts one platform's transient failures in a row; pauses its queue when they trip it,
    lets one probe through at a time, and gives up what is past its use meanwhile."""

    def __init__(self, platform: str, ledger: Ledger, policy: Policy) -> None:
        self.platform = platform
        self.ledger = ledger
        self.policy = policy
        self.failures = 0  # consecutive transient failures, any row
        self.outage: _Outage | None = None

    @property
    def paused(self) -> bool:
        """Whether the platform's queue is paused (only probes go)."""
        return self.outage is not None and self.outage.paused

    def answered(self) -> None:
        """The platform answered (whatever it said): it is up, its queue goes on."""
        self.failures = 0
        outage, self.outage = self.outage, None
        if outage is not None and outage.paused:
            log.warning(
                "the platform answers again; its paused messages go now",
                extra={"platform": self.platform, "failing_since": utc_clock(outage.since),
                       "waiting": self.ledger.waiting(self.platform)},
            )  # fmt: skip

    def failed(
        self, row: Delivery, reason: str, uncertain: bool, context: dict[str, object]
    ) -> bool:
        """A transient failure of `row`; False when the queue is not paused (the row's own
        retry applies), True when it is: the row then waits without spending a try until a
        probe gets through, or is given up when past its use."""
        now = time.time()
        self.failures += 1
        outage = self.outage = self.outage or _Outage(since=now, reason=reason)
        outage.reason = reason
        if not outage.paused and self.failures >= self.policy.trip_after:
            outage.paused = True
            log.warning(
                "the platform fails; its queue is paused and one message tried every probe_every s",
                extra={**context, "reason": reason, "failing_since": utc_clock(outage.since),
                       "probe_every": self.policy.probe_every},
            )  # fmt: skip
        if not outage.paused:
            return False
        outage.probe_at = time.monotonic() + self.policy.probe_every
        if self.policy.past_use(row.purpose, row.created_at, row.expires_at, now):
            reason = self._past_use(row.purpose, row.expires_at, outage)
            self.ledger.mark_failed(row.id, reason, now)
            return True
        delay = self.policy.settle if uncertain else 0.0
        self.ledger.requeue(row.id, now + delay, uncertain=uncertain, error=None)
        return True

    def wait_for_probe(self) -> float:
        """While paused: give up what is past its use, then how long until the next probe may
        go (0: now)."""
        outage = self.outage
        if outage is None or not outage.paused:
            return 0.0
        self._expire(outage)
        wait = outage.probe_at - time.monotonic()
        if outage.probe is not None or wait > 0:
            return wait if wait > 0 else self.policy.probe_every
        return 0.0

    def probe_after(self, now: float) -> int:
        """The id after which the next probe is taken: a later row than the last probe's, or
        the first due row when none is later."""
        probed = self.outage.probed if self.outage is not None else 0
        return probed if self.ledger.due(self.platform, probed, now, limit=1) else 0

    def probing(self, delivery_id: int) -> None:
        """The row `delivery_id` goes out as the probe."""
        if self.outage is not None:
            self.outage.probe = self.outage.probed = delivery_id

    def done(self, delivery_id: int) -> None:
        """The row `delivery_id` has its outcome: if it was the probe, the next may go."""
        if self.outage is not None and self.outage.probe == delivery_id:
            self.outage.probe = None

    def state(self) -> dict[str, object] | None:
        """Since when the paused platform fails, why, how many wait; None when not paused."""
        outage = self.outage
        if outage is None or not outage.paused:
            return None
        return {
            "since": utc_clock(outage.since),
            "reason": outage.reason,
            "waiting": self.ledger.waiting(self.platform),
            "probe_every": self.policy.probe_every,
        }

    def _past_use(self, purpose: str, expires_at: float | None, outage: _Outage) -> str:
        """Why a message is given up: past its use while the platform fails."""
        name = PLATFORM_NAMES.get(self.platform, self.platform)
        failing = f"{name} fails since {utc_clock(outage.since)} ({outage.reason})"
        if expires_at is not None and time.time() >= expires_at:
            return f"{DAY_OVER}: {failing}"
        return f"given up after {self.policy.lifetime_of(purpose) / 3600:g} h waiting: {failing}"

    def _expire(self, outage: _Outage) -> None:
        """Give up the messages of the paused platform that are past their use."""
        now = time.time()
        shortest = min([self.policy.lifetime, *self.policy.lifetimes.values()])
        expired = [
            (row_id, purpose, expires)
            for row_id, purpose, created, expires in self.ledger.waiting_since(
                self.platform, now - shortest, now
            )
            if self.policy.past_use(purpose, created, expires, now)
        ]
        for row_id, purpose, expires in expired:
            self.ledger.mark_failed(row_id, self._past_use(purpose, expires, outage), now)
        if expired:
            log.warning(
                "messages given up: past their use while the platform fails",
                extra={"platform": self.platform, "given_up": len(expired),
                       "reason": outage.reason},
            )  # fmt: skip
