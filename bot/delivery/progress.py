"""Fan-out progress: counts, a recent rate, and the structured log line."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass

log = logging.getLogger("bot.delivery")


@dataclass(frozen=True)
class Progress:
    """Where one fan-out (purpose, key) stands; `rate` is finished deliveries/s lately."""

    purpose: str
    key: str
    total: int
    sent: int
    failed: int
    remaining: int
    rate: float
    elapsed: float

    @property
    def done(self) -> bool:
        """Nothing left to send."""
        return self.remaining == 0

    def log(self, message: str = "delivery progress") -> None:
        """One structured log line with every figure."""
        figures = {**asdict(self), "rate": round(self.rate, 2), "elapsed": round(self.elapsed, 1)}
        log.info(message, extra=figures)


ProgressCallback = Callable[[Progress], None]


class RateMeter:
    """Finished deliveries per second over a sliding window."""

    def __init__(self, window: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._window = window
        self._clock = clock
        self._points: deque[tuple[float, int]] = deque()

    def add(self, finished: int) -> float:
        """Record the running total of finished deliveries; return the recent rate."""
        now = self._clock()
        self._points.append((now, finished))
        while len(self._points) > 2 and now - self._points[0][0] > self._window:
            self._points.popleft()
        first_time, first_count = self._points[0]
        span = now - first_time
        return (finished - first_count) / span if span > 0 else 0.0
