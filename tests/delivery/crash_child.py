"""One fan-out in its own process, for the crash test to SIGKILL: `crash_child.py URL DB N`."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery.engine import DeliveryEngine
from bot.delivery.ledger import migrations
from bot.slack.gateway import SlackGateway
from bot.store import open_database
from handlers.views import Message
from tests.delivery.conftest import FAST, ROOMY

PURPOSE, KEY = "announcement", "crash"


def people(count: int) -> list[str]:
    """The recipients of the crash fan-out."""
    return [f"U{n:03d}" for n in range(count)]


async def main(url: str, db_path: Path, count: int) -> None:
    """Enqueue and drain; the test kills this process long before it ends."""
    gateway = SlackGateway(AsyncWebClient(token="xoxb-child", base_url=url), timeout=60)
    engine = DeliveryEngine(open_database(db_path, [migrations]), [gateway], {"slack": ROOMY}, FAST)
    engine.enqueue("slack", people(count), PURPOSE, KEY, Message("Launch day"))
    async with engine:
        await engine.run_until_done(PURPOSE, KEY)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])))
