"""The outcomes of deliveries the database took no write for (its disk full, another process
holding its lock), kept in order and written at the dispatchers' next rounds (review10b O8)."""

from __future__ import annotations

import logging
import sqlite3
from collections import deque
from collections.abc import Callable

log = logging.getLogger("bot.delivery")


class Outcomes:
    """Each row's outcome written now, or kept to write later in order."""

    def __init__(self) -> None:
        # Outcomes the database took no write for (full, locked by another process): written
        # at the dispatchers' next rounds, in order; meanwhile their rows stay `sending`, owned
        # by this process, so nothing sends them again.
        self._unrecorded: deque[tuple[Callable[[], object], dict[str, object]]] = deque()

    def record(self, write: Callable[[], object], context: dict[str, object]) -> None:
        """Write a row's outcome, or keep it to write at the next round when the database
        takes no write (its disk full, another process holding its lock): a message the
        platform took is counted sent once there is room, never left `sending` (review10b O8)."""
        if not self._unrecorded:
            try:
                write()
                return
            except sqlite3.OperationalError as error:
                log.warning(
                    "delivery outcome not saved; will save it again",
                    extra={**context, "error": str(error)},
                )
        self._unrecorded.append((write, context))

    def record_kept(self) -> None:
        """Write the outcomes kept by `record`, oldest first, as far as the database takes them."""
        while self._unrecorded:
            write, context = self._unrecorded[0]
            try:
                write()
            except sqlite3.OperationalError:
                return
            self._unrecorded.popleft()
            log.info("delivery outcome saved", extra=context)
