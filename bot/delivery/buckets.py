"""Token buckets: one per platform (workspace/tenant) and one per conversation."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]


@dataclass(frozen=True)
class Pace:
    """A platform's limits: `rate` msg/s with bursts of `burst`, and `conversation_rate` each."""

    rate: float
    burst: int
    conversation_rate: float

    @property
    def concurrency(self) -> int:
        """Requests in flight needed to keep the rate with answers up to ~2 s slow."""
        return max(4, min(200, math.ceil(self.rate * 2)))


class TokenBucket:
    """Refills at `rate` tokens/s up to `burst`; a pause empties it until the pause ends."""

    def __init__(self, rate: float, burst: int, clock: Clock = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._tokens = float(burst)
        self._stamp = clock()  # refilled up to here; in the future while paused

    def _refill(self, now: float) -> None:
        if now > self._stamp:
            self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
            self._stamp = now

    def delay(self) -> float:
        """Seconds until a token is available (0 if one is)."""
        now = self._clock()
        self._refill(now)
        if self._tokens >= 1:
            return 0.0
        return max(0.0, self._stamp - now) + (1 - self._tokens) / self.rate

    def take(self) -> None:
        """Spend a token; call only when `delay()` is 0."""
        self._tokens -= 1

    async def ready(self) -> None:
        """Wait until a token is there, spending none (`take` spends it once it is used); a
        pause that starts meanwhile is honoured."""
        # Tokens come with time, not with an event another task could set.
        while (wait := self.delay()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(wait)

    def pause(self, seconds: float) -> None:
        """Nothing until `seconds` from now, then refill from empty (the platform said 429)."""
        until = self._clock() + seconds
        if until > self._stamp:
            self._stamp = until
        self._tokens = 0.0

    @property
    def idle(self) -> bool:
        """Full and not paused: forgetting this bucket changes nothing."""
        return self.delay() == 0 and self._tokens >= self.burst


class ConversationBuckets:
    """One bucket per conversation, made on demand; idle ones are forgotten when many pile up."""

    def __init__(self, rate: float, burst: int, clock: Clock = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, TokenBucket] = {}
        self._limit = 1024

    def get(self, conversation: str) -> TokenBucket:
        """The bucket for `conversation`."""
        bucket = self._buckets.get(conversation)
        if bucket is None:
            if len(self._buckets) >= self._limit:
                self._buckets = {k: b for k, b in self._buckets.items() if not b.idle}
                self._limit = max(1024, 2 * len(self._buckets))
            bucket = self._buckets[conversation] = TokenBucket(self.rate, self.burst, self._clock)
        return bucket
