"""Waiting for the bot's own work to be done, so that a test can say nothing more came: a wait
on what the bot is doing, not a sleep that a slow machine outlasts."""

from __future__ import annotations

import asyncio

from bot.app import Runtime

# Longer than any test's work on a loaded machine: a bot that never settles fails the test.
SETTLE_LIMIT = 60.0


async def recorded(runtime: Runtime) -> None:
    """Wait until every message the bot queued is sent (or failed) and recorded: it then knows
    the ids of its posts, which replies in their threads carry (a fake platform sees a post
    before the bot has its id)."""
    delivery = runtime.delivery
    for purpose, key in delivery.ledger.unfinished():
        await delivery.run_until_done(purpose, key, every=0.01)


async def settled(runtime: Runtime) -> None:
    """Wait until the bot has done all it set out to do: its listeners' work after the ack,
    its work after answering, its background jobs, and every delivery this queued. What has
    not been sent by then is never sent."""
    try:
        async with asyncio.timeout(SETTLE_LIMIT):
            while True:
                await runtime.settle()
                await runtime.finish_background()
                if not runtime.delivery.ledger.unfinished():
                    return
                await recorded(runtime)
    except TimeoutError:
        raise AssertionError(f"the bot was still at work after {SETTLE_LIMIT:.0f} s") from None
