"""The delivery engine's knobs: how often a message is retried and after how long, how long it
is worth sending, when a platform's queue pauses, and each platform's pace."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from bot.delivery.buckets import Pace
from bot.settings import Settings


@dataclass(frozen=True)
class Policy:
    """Retry and recovery knobs; the defaults suit production, tests shrink the times."""

    max_errors: int = 10  # transient failures before a row fails for good
    backoff: float = 1.0  # first retry delay, doubled each time, jittered
    backoff_cap: float = 300.0
    settle: float = 2.0  # wait before looking for an unanswered attempt
    lease: float = 180.0  # a live owner's `sending` row is taken over after this
    on_uncertain: Literal["resend", "fail"] = "resend"
    idle_poll: float = 5.0  # look for rows other processes queued this often
    log_every: float = 10.0  # a progress log line per running fan-out
    hold_first: float = 60.0  # a held row (its channel refuses the bot) is tried again after
    hold_cap: float = 900.0  # ... doubling up to this
    hold_for: float = 14 * 86400.0  # then given up (the report itself stays in the database)
    trip_after: int = 5  # consecutive transient failures on a platform that pause its queue
    probe_every: float = 60.0  # while paused, one message is tried this often
    # The longest a 429's Retry-After holds a queue (a proxy's or a bug's can say hours), and
    # from how long a pause of a platform's whole queue `/healthz` shows it (review12b D2).
    longest_pause: float = 120.0
    notable_pause: float = 60.0
    # While a platform fails, a message waits (its tries unspent) until it is past its use:
    # this long after it was queued, or its own end (a digest's: the end of its person's day,
    # never sent after it), then it is given up.
    lifetime: float = 86400.0
    lifetimes: Mapping[str, float] = field(default_factory=dict)
    # Fan-outs to everyone, sent a few at a time after whatever else is due: a report's card
    # queued behind thousands of digests goes within a few sends, not after all of them.
    bulk: frozenset[str] = frozenset({"digest", "announcement", "announcement-edit"})
    bulk_batch: int = 8

    def lifetime_of(self, purpose: str) -> float:
        """How long a message of `purpose` is worth sending after it was queued."""
        return self.lifetimes.get(purpose, self.lifetime)

    def past_use(
        self, purpose: str, created_at: float, expires_at: float | None, now: float
    ) -> bool:
        """Whether a message queued at `created_at` is no longer worth sending at `now`."""
        lived = now - created_at > self.lifetime_of(purpose)
        return lived or (expires_at is not None and now >= expires_at)

    def retry_delay(self, errors: int) -> float:
        """Exponential backoff with jitter for the `errors`-th transient failure."""
        ceiling = min(self.backoff_cap, self.backoff * 2 ** (errors - 1))
        return random.uniform(ceiling / 2, ceiling)


def paces_from_settings(settings: Settings) -> dict[str, Pace]:
    """Each platform's pace from the settings."""
    return {
        "slack": Pace(settings.slack_rate, settings.slack_burst, settings.slack_channel_rate),
        "teams": Pace(settings.teams_rate, settings.teams_burst, settings.teams_conversation_rate),
    }
