"""Real SQLite files, a fake Slack server, the real engine and Slack gateway."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from slack_sdk.web.async_client import AsyncWebClient
from sqlite_utils import Database

from bot.delivery.buckets import Pace
from bot.delivery.engine import DeliveryEngine
from bot.delivery.ledger import migrations
from bot.delivery.policy import Policy
from bot.delivery.progress import Progress
from bot.slack.gateway import SlackGateway
from bot.store import open_database
from tests.fakes.slack_web_api import FakeSlack

# Fast but real: backoffs and settle times are short, the buckets roomy unless a test says so.
FAST = Policy(backoff=0.05, backoff_cap=0.2, settle=0.05, max_errors=4, idle_poll=0.5)
ROOMY = Pace(rate=200.0, burst=50, conversation_rate=100.0)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "socialbot.db"


@pytest.fixture
def db(db_path: Path) -> Database:
    return open_database(db_path, [migrations])


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as server:
        yield server


@pytest.fixture
async def gateway(slack: FakeSlack) -> AsyncIterator[SlackGateway]:
    gateway = SlackGateway(AsyncWebClient(token="xoxb-test", base_url=slack.url), timeout=5)
    yield gateway
    await gateway.close()


EngineFactory = Callable[..., DeliveryEngine]


@pytest.fixture
def make_engine(db: Database, gateway: SlackGateway) -> EngineFactory:
    def make(pace: Pace = ROOMY, policy: Policy = FAST) -> DeliveryEngine:
        return DeliveryEngine(db, [gateway], {"slack": pace}, policy)

    return make


async def until(check: Callable[[], bool], within: float = 10.0) -> None:
    """Wait for `check()` to hold (polling); fail the test if it does not within `within` s."""
    deadline = time.monotonic() + within
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("the condition did not hold in time")
        await asyncio.sleep(0.01)


async def drain(engine: DeliveryEngine, purpose: str, key: str) -> Progress:
    """`engine.run_until_done`, failing the test instead of hanging it."""
    async with asyncio.timeout(60):
        return await engine.run_until_done(purpose, key)
