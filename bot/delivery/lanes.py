"""One platform's lane through the delivery engine: its gateway, pace, buckets, circuit breaker
and the work it has in flight."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from bot.delivery.breaker import CircuitBreaker
from bot.delivery.buckets import ConversationBuckets, Pace, TokenBucket
from bot.delivery.gateway import Gateway


@dataclass
class Lane:
    """One platform's gateway, buckets and in-flight work."""

    gateway: Gateway
    pace: Pace
    bucket: TokenBucket
    conversations: ConversationBuckets
    slots: asyncio.Semaphore
    breaker: CircuitBreaker
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    inflight: set[int] = field(default_factory=set)
    # The platform's last 429 for its whole queue: when, the seconds it asked, until when.
    asked_to_wait: tuple[float, float, float] | None = None
    # Since when the dispatcher's passes fail (the ledger locked or full), and the last reason.
    failing: tuple[float, str] | None = None
