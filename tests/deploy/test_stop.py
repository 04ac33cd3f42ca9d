"""Stopping on SIGTERM: no new sends, the ones in flight finish within the grace period or go
back to the queue marked uncertain, and nothing waits longer than the grace."""

from __future__ import annotations

import asyncio

from slack_sdk.web.async_client import AsyncWebClient
from sqlite_utils import Database

from bot.delivery.buckets import Pace
from bot.delivery.engine import DeliveryEngine
from bot.delivery.ledger import migrations
from bot.delivery.policy import Policy
from bot.slack.gateway import SlackGateway
from bot.store import open_database
from handlers.views import Message
from tests.delivery.conftest import until
from tests.fakes.slack_web_api import FakeSlack

PEOPLE = [f"U{n:03d}" for n in range(20)]
IN_FLIGHT = 4


def engine_on(db: Database, slack: FakeSlack) -> DeliveryEngine:
    gateway = SlackGateway(AsyncWebClient(token="xoxb-test", base_url=slack.url), timeout=5)
    # IN_FLIGHT sends at once (the engine's least concurrency), a fifth token in the bucket,
    # then none for minutes: the stop always comes while most are queued, however slow the machine.
    pace = Pace(rate=0.01, burst=IN_FLIGHT + 1, conversation_rate=100.0)
    return DeliveryEngine(db, [gateway], {"slack": pace}, Policy(settle=0.05))


def states(db: Database) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in db["deliveries"].rows:
        key = row["state"] + (" uncertain" if row["uncertain"] else "")
        found[key] = found.get(key, 0) + 1
    return found


async def test_sends_in_flight_finish_within_the_grace(tmp_path) -> None:
    db = open_database(tmp_path / "socialbot.db", [migrations])
    async with FakeSlack() as slack:
        slack.stall("chat.postMessage", deliver=True)  # posted; the answers wait for release()
        engine = engine_on(db, slack)
        await engine.start()
        engine.enqueue("slack", PEOPLE, "announcement", "a", Message(text="Launch!"))
        await until(lambda: len(slack.messages) >= IN_FLIGHT)
        stopping = asyncio.create_task(engine.stop(grace=5))
        await asyncio.sleep(0)  # the stop has begun: nothing new is taken from now on
        slack.release()  # the answers of the sends in flight come within the grace
        await stopping
    counts = states(db)
    # The bucket held a fifth token: a stop that kept taking rows would have sent one more.
    assert len(slack.messages) == IN_FLIGHT
    assert counts["sent"] == len(slack.messages)  # every send in flight was recorded
    assert counts["queued"] == len(PEOPLE) - len(slack.messages)  # the rest waits, not lost
    assert set(counts) == {"sent", "queued"}


async def test_sends_slower_than_the_grace_go_back_to_the_queue_uncertain(tmp_path) -> None:
    db = open_database(tmp_path / "socialbot.db", [migrations])
    async with FakeSlack() as slack:
        slack.stall("chat.postMessage", deliver=True)  # posted, but the answers never come
        engine = engine_on(db, slack)
        await engine.start()
        engine.enqueue("slack", PEOPLE, "announcement", "a", Message(text="Launch!"))
        await until(lambda: len(slack.messages) >= 3)
        # The answers never come: the grace, not the platform, ends the stop.
        await asyncio.wait_for(engine.stop(grace=0.5), timeout=30)
        slack.release()
    counts = states(db)
    assert counts["queued uncertain"] == len(slack.messages)  # looked up before any resend
    assert counts["queued"] == len(PEOPLE) - len(slack.messages)
