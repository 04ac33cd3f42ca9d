"""`socialbot console`: a chat session with the parts it needs running around it."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TextIO
from zoneinfo import ZoneInfo

from bot.console.session import ConsoleSession
from content_feed.refresh import refresh_due
from handlers.errors import database_locked

if TYPE_CHECKING:
    from bot.app import Runtime

DRAIN_SECONDS = 10.0  # at the end of input, how long to wait for messages still on their way
FIRST_FETCH_WAIT = 5.0  # how long the first chat waits for feeds never fetched (the sample: ms)
LOCK_RETRY_SECONDS = 1.0  # between tries while another program holds the database's write lock
WAITING_FOR_THE_LOCK = (
    "The database is busy: another program holds its write lock (a backup, a database"
    " browser). Waiting for it; what you type is kept and answered then."
)


async def _when_writable(stdout: TextIO, start: Callable[[], Awaitable[None]]) -> None:
    """Run `start` (the session's first writes), waiting while another program holds the
    database's write lock, as the running bot waits out a lock, instead of ending the session
    and what was typed into it; said once."""
    told = False
    while True:
        try:
            await start()
            return
        except sqlite3.OperationalError as error:
            if not database_locked(error):
                raise
            if not told:
                print(WAITING_FOR_THE_LOCK, file=stdout, flush=True)
                told = True
        await asyncio.sleep(LOCK_RETRY_SECONDS)


async def chat(
    runtime: Runtime, stdin: TextIO, stdout: TextIO, user_id: str, manager: bool
) -> None:
    """Chat on the console with the delivery engine running, so what the bot sends to console
    users (digests, report news, cards and questions for the team) arrives, and with the feeds
    fetched once, so a new install has something to suggest."""

    async def seed_feeds() -> None:
        runtime.seed_feeds()

    await _when_writable(stdout, seed_feeds)
    settings = runtime.settings
    fetch = asyncio.ensure_future(
        refresh_due(runtime.db, allow_private=settings.allow_private_feeds)
    )
    await asyncio.wait([fetch], timeout=FIRST_FETCH_WAIT)
    await _when_writable(stdout, runtime.delivery.start)
    zone = ZoneInfo(settings.timezone)
    session = ConsoleSession(
        runtime.core, stdin, stdout, user_id, manager, drain=DRAIN_SECONDS, zone=zone
    )
    try:
        await session.run()
    finally:
        fetch.cancel()
        await asyncio.gather(fetch, return_exceptions=True)
        await runtime.delivery.stop()
        await runtime.close_clients()
