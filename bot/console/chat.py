"""`socialbot console`: a chat session with the parts it needs running around it."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, TextIO
from zoneinfo import ZoneInfo

from bot.console.session import ConsoleSession
from bot.store import RunLock, WaitForTheLock
from content_feed.refresh import refresh_due
from handlers.errors import database_locked

if TYPE_CHECKING:
    from bot.app import Runtime

log = logging.getLogger(__name__)

DRAIN_SECONDS = 10.0  # at the end of input, how long to wait for messages still on their way
# How often a chat files the reports kept while another program held the database's lock:
# `socialbot run`'s clock does it once a minute, and a console chat runs no clock.
KEPT_REPORTS_EVERY = 5.0
LOOK_FOR_A_RUN_EVERY = 5.0  # how often a chat looks for a `socialbot run` started or stopped since
FIRST_FETCH_WAIT = 5.0  # how long the first chat waits for feeds never fetched (the sample: ms)
SENT_BY_THE_RUNNING_BOT = (
    "socialbot run is running on this database ({holder}): it sends what the bot has to"
    " send, this chat's messages included, at the pace Slack and Teams allow."
)
SENT_BY_THIS_CHAT_AGAIN = (
    "socialbot run stopped: this chat sends what the bot has to send again, until one runs."
)
WAITING_FOR_THE_LOCK = (
    "The database is busy: another program holds its write lock (a backup, a database"
    " browser). Waiting for it; what you type is kept and answered then."
)


async def chat(
    runtime: Runtime, stdin: TextIO, stdout: TextIO, user_id: str, manager: bool
) -> None:
    """Chat on the console with the delivery engine running (or `socialbot run`'s, when one
    runs on the database), so what the bot sends to console users (digests, report news, cards
    and questions for the team) arrives, and with the feeds fetched once, so a new install has
    something to suggest."""

    writable = WaitForTheLock(lambda: print(WAITING_FOR_THE_LOCK, file=stdout, flush=True))
    await writable(runtime.seed_feeds)
    settings = runtime.settings
    fetch = asyncio.ensure_future(
        refresh_due(runtime.db, allow_private=settings.allow_private_feeds)
    )
    await asyncio.wait([fetch], timeout=FIRST_FETCH_WAIT)
    # Two senders would share Slack's and Teams' one rate, each refused (429) half the time.
    run = RunLock(settings.db)
    running = run.holder()
    if running is None:
        await writable(runtime.delivery.start)
    else:
        print(SENT_BY_THE_RUNNING_BOT.format(holder=running), file=stdout, flush=True)
    around = [
        fetch,
        asyncio.ensure_future(_file_kept_reports(runtime)),
        asyncio.ensure_future(_share_the_sending(runtime, run, stdout, running is None)),
    ]
    zone = ZoneInfo(settings.timezone)
    session = ConsoleSession(
        runtime.core, stdin, stdout, user_id, manager, drain=DRAIN_SECONDS, zone=zone
    )
    try:
        await session.run()
    finally:
        for task in around:
            task.cancel()
        await asyncio.gather(*around, return_exceptions=True)
        await runtime.delivery.stop()
        await runtime.close_clients()


async def _share_the_sending(runtime: Runtime, run: RunLock, stdout: TextIO, sending: bool) -> None:
    """Stop this chat's delivery engine once a `socialbot run` starts on the database, and
    start it again once no run holds the database (it stopped, or died: its lock goes with it;
    what it left mid-send is recovered as at any start), looking every LOOK_FOR_A_RUN_EVERY
    seconds; `sending`: whether this chat's engine runs now."""
    while True:
        await asyncio.sleep(LOOK_FOR_A_RUN_EVERY)
        running = run.holder()
        if sending and running is not None:
            await runtime.delivery.stop()
            print(SENT_BY_THE_RUNNING_BOT.format(holder=running), file=stdout, flush=True)
            sending = False
        elif not sending and running is None:
            try:
                await runtime.delivery.start()
            except Exception as error:  # a lock held past the wait: the next look tries again
                if not database_locked(error):
                    raise
                continue
            print(SENT_BY_THIS_CHAT_AGAIN, file=stdout, flush=True)
            sending = True


async def _file_kept_reports(runtime: Runtime) -> None:
    """File, every KEPT_REPORTS_EVERY seconds, the reports the database's lock kept (a report
    typed while a backup held it): its reporter gets the receipt once the lock is gone."""
    while True:
        await asyncio.sleep(KEPT_REPORTS_EVERY)
        try:
            runtime.reports.file_kept()
        except Exception as error:  # the chat goes on; the next round tries again
            if not database_locked(error):
                log.exception("kept reports not filed")
