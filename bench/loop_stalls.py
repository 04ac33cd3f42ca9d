"""How long the bot's one event loop stalls on work that grows with the workforce.

    .venv/bin/python bench/loop_stalls.py                   # 100,000 people
    .venv/bin/python bench/loop_stalls.py --people 20000    # a quick run

Everything runs in one asyncio process, so while one piece of work holds the loop, no Slack
interaction is acknowledged (Slack allows 3 s) and no Teams activity answered. A heartbeat task
asks to wake every 10 ms; the longest gap between its wake-ups is the longest any answer would
have waited. Measured on a fresh SQLite file with `--people` Slack members:

- the first digest tick after a start, which plans everyone's next digest;
- an announcer's "Send now": the time until the confirmation is answered, and the start of the
  send that follows it (every recipient queued in the delivery ledger).

Printed: each step's wall time and the longest stall of the loop during it.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import Runtime, build_runtime  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from handlers.announcements import ids  # noqa: E402
from handlers.people import Member  # noqa: E402
from handlers.views import Form  # noqa: E402

ANNOUNCER = "W0000000"
HEARTBEAT = 0.01


class Heartbeat:
    """Wakes every HEARTBEAT seconds and keeps the longest gap between two wake-ups."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _beat(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(HEARTBEAT)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last - HEARTBEAT)
            last = now

    async def measure(self, name: str, work: Awaitable[Any]) -> Any:
        """Run `work` with the heartbeat going; print its wall time and the longest stall."""
        self.longest = 0.0
        self._task = asyncio.create_task(self._beat())
        await asyncio.sleep(HEARTBEAT * 2)
        start = time.perf_counter()
        result = await work
        wall = time.perf_counter() - start
        await asyncio.sleep(HEARTBEAT * 2)
        self._task.cancel()
        print(f"{name:44} {wall:7.2f} s   longest stall {self.longest * 1000:7.0f} ms")
        return result


def with_people(runtime: Runtime, count: int) -> None:
    """`count` Slack members across a few time zones, and the announcer."""
    zones = ["Europe/Copenhagen", "America/New_York", "Asia/Tokyo", "UTC"]
    members = [Member("slack", ANNOUNCER, "Ann Ouncer", "UTC")]
    members += [
        Member("slack", f"U{index:07d}", f"Person {index}", zones[index % len(zones)])
        for index in range(count)
    ]
    runtime.core.directory.upsert(members)


async def send_now(runtime: Runtime, heartbeat: Heartbeat) -> None:
    """Compose, preview and confirm an announcement to everyone, now, as the announcer would."""
    core = runtime.core
    person = core.person("slack", ANNOUNCER, "Ann Ouncer")
    values: dict[str, str | list[str]] = {
        "headline": "We won the Green Award",
        "message": "Our new plant runs on wind.",
        "link": "https://example.com/award",
        "image_url": "",
        "post_linkedin": "Proud of the team behind our new wind-powered plant.",
        "post_x": "Our new plant runs on wind.",
        "post_facebook": "Our new plant runs on wind.",
        "audience": "everyone",
        "channels": "",
        "when": "now",
        "date": "",
        "time": "",
        "share": ["ask"],
    }
    preview = await core.submit(person, ids.COMPOSE_FORM, values, "")
    assert isinstance(preview, Form), preview
    confirm = core.submit(person, ids.PREVIEW_FORM, {ids.NEXT: ids.CONFIRM}, preview.state)
    await heartbeat.measure("announcement: answer to Send now", confirm)
    started = time.perf_counter()
    everyone = len(core.directory.active(include_guests=False)) - 1  # all but the announcer

    async def queued() -> None:
        while (
            runtime.db.execute(
                "SELECT count(*) FROM deliveries WHERE purpose = ?", [ids.PURPOSE]
            ).fetchone()[0]
            < everyone
        ):
            if time.perf_counter() - started > 120:
                raise TimeoutError("the recipients were not queued within 2 minutes")
            await asyncio.sleep(0.05)

    await heartbeat.measure("announcement: everyone queued after it", queued())


async def main() -> None:
    """Build the bot on a fresh database with `--people` members and measure each step."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        # Slack over HTTP, so announcements have a platform to go to; nothing is sent (the
        # delivery engine is not started), and the API address is a closed local port.
        settings = load_settings(
            _env_file=None,
            db=Path(folder) / "bench.db",
            announcers=[ANNOUNCER],
            slack_bot_token="xoxb-bench",
            slack_signing_secret="bench",
            slack_api_url="http://127.0.0.1:9/api/",
        )
        runtime = build_runtime(settings)
        with_people(runtime, args.people)
        heartbeat = Heartbeat()
        print(f"{args.people:,} people")
        now = datetime.now(UTC)
        await heartbeat.measure("digest: first tick after a start", runtime.digest.tick(now))
        await heartbeat.measure("digest: the next tick", runtime.digest.tick(now))
        await send_now(runtime, heartbeat)
        runtime.db.close()


if __name__ == "__main__":
    asyncio.run(main())
