"""The clock: APScheduler ticks once a minute and asks the core what is due. It keeps no state."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

Tick = Callable[[datetime], Awaitable[None]]


class Clock:
    """A tick at the start of every minute; missed ticks collapse into one, never pile up."""

    def __init__(self, tick: Tick) -> None:
        self._tick = tick
        self._scheduler = AsyncIOScheduler(timezone=UTC)

    async def _run_tick(self) -> None:
        await self._tick(datetime.now(UTC))

    def start(self) -> None:
        """Start ticking; needs a running event loop."""
        self._scheduler.add_job(
            self._run_tick,
            CronTrigger(second=0, timezone=UTC),
            id="tick",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=50,
        )
        self._scheduler.start()

    @property
    def running(self) -> bool:
        """Whether the clock ticks."""
        return bool(self._scheduler.running)

    def stop(self) -> None:
        """Stop ticking; a tick in progress finishes on its own."""
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
