"""Jobs the clock runs once a day."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime

from handlers.errors import database_locked

log = logging.getLogger(__name__)

DueJob = Callable[[datetime], Awaitable[None]]


@dataclass
class Daily:
    """A job that runs once a day, at the first clock tick of the day (UTC) it works at: one
    that fails (a locked database, a bug) is tried again at the next tick, its failure logged
    once."""

    name: str
    job: DueJob
    done_on: date | None = None
    failing: bool = False

    async def __call__(self, now: datetime) -> None:
        if self.done_on == now.date():
            return
        try:
            await self.job(now)
        except Exception as error:
            if database_locked(error):
                raise  # the clock's matter, said once for every job it holds up: `Core.tick`
            if not self.failing:
                log.exception("daily job failed; tried at each tick", extra={"job": self.name})
            self.failing = True
            return
        if self.failing:
            log.info("daily job worked again", extra={"job": self.name})
        self.done_on, self.failing = now.date(), False
