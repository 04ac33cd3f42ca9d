"""What bounds the model's cost: a budget of calls per person and per day, and a short-lived
memory of replies, so a question asked again is not paid for again."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from content_feed.compose import ModelSkipped

log = logging.getLogger(__name__)

HOUR = 3600.0
DAY = 24 * HOUR
# A reply is given again for the same prompt (same question or draft, same guidelines) this long.
REPLY_KEPT = 600.0
REPLIES = 256  # replies kept at most, the oldest dropped first


def _drop_before(calls: deque[float], since: float) -> None:
    while calls and calls[0] <= since:
        calls.popleft()


class Budget:
    """How many model calls one person may make in an hour (`per_hour`, 0: no limit) and the
    whole bot in 24 hours (`per_day`, None: no limit); past either, `spend` raises ModelSkipped
    and the caller answers offline, with no error. Each limit reached is logged once."""

    def __init__(
        self, per_hour: int, per_day: int | None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_hour = per_hour
        self.per_day = per_day
        self._clock = clock
        self._calls: dict[str, deque[float]] = {}  # each person's calls in the last hour
        self._day: deque[float] = deque()  # the bot's calls in the last 24 hours
        self._limited: dict[str, float] = {}  # people refused, since when (logged once)
        self._day_spent: datetime | None = None  # when the daily limit was reached
        self._swept = clock()
        self._lock = threading.Lock()  # the digest and the CLI call from other threads' loops

    def spend(self, person: str | None) -> None:
        """Count one call for `person` (None: the bot's own, under the daily limit only), or
        raise ModelSkipped when a limit is reached."""
        now = self._clock()
        with self._lock:
            self._sweep(now)
            if self.per_day is not None:
                _drop_before(self._day, now - DAY)
                if len(self._day) >= self.per_day:
                    self._day_reached()
                    raise ModelSkipped("the model's daily calls are spent")
                self._day_spent = None
            if person is not None and self.per_hour:
                calls = self._calls.setdefault(person, deque())
                _drop_before(calls, now - HOUR)
                if len(calls) >= self.per_hour:
                    self._person_reached(person, now)
                    raise ModelSkipped(f"{person} made {len(calls)} model calls this hour")
                self._limited.pop(person, None)
                calls.append(now)
            if self.per_day is not None:
                self._day.append(now)

    def _day_reached(self) -> None:
        if self._day_spent is None:
            self._day_spent = datetime.now(UTC)
            log.warning(
                "the model was asked %d times in 24 hours (SOCIALBOT_MODEL_DAILY_CALLS):"
                " answers, checks and suggested posts are offline until earlier calls age out",
                self.per_day,
            )

    def _person_reached(self, person: str, now: float) -> None:
        if person not in self._limited:
            self._limited[person] = now
            log.warning(
                "%s asked the model %d times in an hour (SOCIALBOT_MODEL_CALLS_PER_HOUR):"
                " their answers and checks are offline until earlier calls age out",
                person,
                self.per_hour,
            )

    def _sweep(self, now: float) -> None:
        """Forget, once an hour, the people who made no call in the last hour."""
        if now - self._swept < HOUR:
            return
        self._swept = now
        self._calls = {who: calls for who, calls in self._calls.items() if calls[-1] > now - HOUR}
        self._limited = {who: at for who, at in self._limited.items() if at > now - HOUR}

    def health(self) -> dict[str, Any]:
        """The limits, how many people reached theirs in the last hour, and since when the
        daily calls are spent (None while they are not)."""
        now = self._clock()
        with self._lock:
            limited = sum(1 for at in self._limited.values() if at > now - HOUR)
            spent = self._day_spent.isoformat(timespec="seconds") if self._day_spent else None
        return {
            "calls_per_hour": self.per_hour or None,
            "people_at_limit": limited,
            "daily_calls": self.per_day,
            "daily_calls_spent_since": spent,
        }


class Replies:
    """The model's replies of the last REPLY_KEPT seconds, by the exact request they answered."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._kept: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(*request: object) -> str:
        """The key of one request: its messages and the fields sent with them."""
        return hashlib.sha256(repr(request).encode()).hexdigest()

    def get(self, key: str) -> str | None:
        """The reply to the request, while it is kept."""
        with self._lock:
            kept = self._kept.get(key)
            if kept is None or kept[0] <= self._clock() - REPLY_KEPT:
                return None
            return kept[1]

    def put(self, key: str, reply: str) -> None:
        """Keep a usable reply."""
        with self._lock:
            self._kept.pop(key, None)
            self._kept[key] = (self._clock(), reply)
            while len(self._kept) > REPLIES:
                self._kept.popitem(last=False)
