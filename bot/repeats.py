"""A log line for an event anyone on the network can repeat thousands of times a second."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

SUMMARY_SECONDS = 60.0


class Repeated:
    """Logs the first of a run of events at once, then one summary line a minute while they go
    on ("refused 52000 unsigned Slack requests in the last minute"), so a flood cannot fill the
    disk; after a quiet minute the next one is logged at once again."""

    def __init__(
        self,
        logger: logging.Logger,
        first: str,
        summary: str,
        *,
        level: int = logging.WARNING,
        every: float = SUMMARY_SECONDS,
    ) -> None:
        self._logger = logger
        self._first = first
        self._summary = summary  # with `{count}`
        self._level = level
        self._every = every
        self._count = 0
        self._quiet: asyncio.TimerHandle | None = None

    def note(self, **extra: Any) -> None:
        """One more event (from the event loop): logged if it is the first in a minute, else
        counted into the next summary."""
        if self._quiet is not None:
            self._count += 1
            return
        self._logger.log(self._level, self._first, extra=extra or None)
        self._quiet = asyncio.get_running_loop().call_later(self._every, self._flush)

    def _flush(self) -> None:
        if not self._count:
            self._quiet = None
            return
        self._logger.log(self._level, self._summary.format(count=self._count))
        self._count = 0
        self._quiet = asyncio.get_running_loop().call_later(self._every, self._flush)
