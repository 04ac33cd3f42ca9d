"""Token buckets on a hand-driven clock: bursts, steady rate, pauses after a 429."""

from __future__ import annotations

import pytest

from bot.delivery.buckets import ConversationBuckets, Pace, TokenBucket


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def drain(bucket: TokenBucket) -> int:
    taken = 0
    while bucket.delay() == 0:
        bucket.take()
        taken += 1
    return taken


def test_burst_then_rate() -> None:
    clock = Clock()
    bucket = TokenBucket(rate=10, burst=5, clock=clock)
    assert drain(bucket) == 5
    assert bucket.delay() == pytest.approx(0.1)
    clock.now += 1
    assert drain(bucket) == 5  # refilled, capped at the burst
    clock.now += 0.25
    assert drain(bucket) == 2


def test_pause_blocks_until_it_ends_then_refills_from_empty() -> None:
    clock = Clock()
    bucket = TokenBucket(rate=10, burst=5, clock=clock)
    bucket.pause(3)
    assert bucket.delay() == pytest.approx(3.1)
    clock.now += 2.9
    assert bucket.delay() > 0
    clock.now += 0.35  # 0.25 s past the pause: 2.5 tokens
    assert drain(bucket) == 2


def test_a_shorter_pause_does_not_shorten_a_longer_one() -> None:
    clock = Clock()
    bucket = TokenBucket(rate=1, burst=1, clock=clock)
    bucket.pause(10)
    bucket.pause(1)
    assert bucket.delay() == pytest.approx(11)


def test_idle_conversation_buckets_are_forgotten() -> None:
    clock = Clock()
    buckets = ConversationBuckets(rate=1, burst=1, clock=clock)
    busy = buckets.get("C-busy")
    busy.take()
    for n in range(5000):
        buckets.get(f"D{n}")
    assert buckets.get("C-busy") is busy
    assert len(buckets._buckets) <= 2048


@pytest.mark.parametrize(
    ("pace", "concurrency"),
    [(Pace(1, 1, 1.0), 4), (Pace(20, 40, 7.0), 40), (Pace(1000, 50, 1), 200)],
)
def test_concurrency_follows_the_rate(pace: Pace, concurrency: int) -> None:
    assert pace.concurrency == concurrency
