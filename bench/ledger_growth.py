"""How much the database grows per 1,000 people and working day: real digests, the daily clean-up.

    .venv/bin/python bench/ledger_growth.py                 # 2,000 people
    .venv/bin/python bench/ledger_growth.py --people 500    # a quick run

A fresh database learns `--people` Slack members from the fake Slack Web API
(tests/fakes/slack_web_api.py), fetches the bundled sample feed, and sends everyone today's
digest through the real delivery engine (each digest personal: its picks and suggested posts).
Measured is what the database uses (its pages less the free list, so pages freed by the
clean-up and reused the next day do not count): before the digests, after them, and after the
daily clean-up (`prune_deliveries_daily`, which the running bot does at start and at the first
tick of each day). "Before" is what a release that kept every body until its delivery row went
(90 days) keeps; "after" is what is kept now. Also printed: each table's growth per person,
and the steady state at 100,000 people (65 working days of delivery rows, 43 of sent items).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from bot.app import build_runtime  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from content_feed.refresh import refresh_due  # noqa: E402
from handlers.digest import ids  # noqa: E402
from tests.fakes.slack_web_api import FakeSlack  # noqa: E402

WORKING_DAYS = 65  # 90 days of delivery rows, weekdays only
# Tables kept for less: which items went to whom, 60 days (SENT_ITEMS_KEPT).
SHORTER = {"digest_sent_items": 43}


def days_kept(name: str) -> int:
    """Working days the rows of table or index `name` are kept."""
    return next((days for table, days in SHORTER.items() if table in name), WORKING_DAYS)


def by_table(db: Database) -> dict[str, int]:
    """Bytes of the pages in use per table and index."""
    rows = db.execute("SELECT name, sum(pgsize - unused) FROM dbstat GROUP BY name")
    return {str(name): int(size) for name, size in rows}


def used(db: Database) -> int:
    """Bytes of the database's pages in use."""
    (page_size,) = db.execute("PRAGMA page_size").fetchone()
    (pages,) = db.execute("PRAGMA page_count").fetchone()
    (free,) = db.execute("PRAGMA freelist_count").fetchone()
    return int((pages - free) * page_size)


async def measure(people: int, folder: Path) -> tuple[dict[str, float], dict[str, tuple[int, int]]]:
    """One digest day for `people`: the bytes used at each step, the digests' bodies, and
    each table's growth (after the digests, after the clean-up)."""
    async with FakeSlack() as slack:
        slack.users = {
            f"U{n:07d}": {"id": f"U{n:07d}", "name": f"person{n}", "tz": "UTC"}
            for n in range(people)
        }
        settings = load_settings(
            _env_file=None, db=folder / "socialbot.db", slack_bot_token="xoxb-bench",
            slack_signing_secret="bench", slack_api_url=slack.url, slack_rate=2000.0,
            slack_burst=2000, log_level="WARNING",
        )  # fmt: skip
        runtime = build_runtime(settings)
        try:
            assert runtime.slack is not None
            runtime.seed_feeds()
            await refresh_due(runtime.db, allow_private=True)
            await runtime.slack.sync_people()
            await runtime.delivery.start()
            now = datetime.now(UTC)
            base, tables_base = used(runtime.db), by_table(runtime.db)
            started = time.monotonic()
            queued = await runtime.digest.send_everyone(now)
            for key in queued.keys:
                await runtime.delivery.run_until_done(ids.PURPOSE, key)
            took = time.monotonic() - started
            (bodies,) = runtime.db.execute(
                "SELECT sum(length(body)) FROM delivery_payloads"
            ).fetchone()
            sent, tables_sent = used(runtime.db), by_table(runtime.db)
            await runtime.prune_deliveries_daily(datetime.now(UTC))
            tables = by_table(runtime.db)
            kept = used(runtime.db)
        finally:
            await runtime.delivery.stop()
            await runtime.close_clients()
            runtime.db.close()
    growth = {
        name: (tables_sent.get(name, 0) - tables_base.get(name, 0), size - tables_base.get(name, 0))
        for name, size in tables.items()
    }
    figures = {"base": base, "sent": sent, "kept": kept, "bodies": bodies or 0, "took": took}
    return figures, growth


def main(argv: list[str] | None = None) -> None:
    """Run the bench and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000, help="Slack members (default 2000)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="socialbot-growth-") as folder:
        figures, growth = asyncio.run(measure(args.people, Path(folder)))
    per = 1000 / args.people
    before = (figures["sent"] - figures["base"]) * per
    after = (figures["kept"] - figures["base"]) * per
    print(f"{args.people} people, one working day of digests ({figures['took']:.1f} s to send)")
    print(f"  digest bodies: {figures['bodies'] * per / 1e6:.2f} MB per 1,000 people")
    print(f"  growth per 1,000 people per working day: before {before / 1e6:.2f} MB,"
          f" after {after / 1e6:.2f} MB")  # fmt: skip
    print("  per table and index, bytes per person: after the digests, after the clean-up")
    for name, (grew, kept) in sorted(growth.items(), key=lambda item: -item[1][0])[:8]:
        print(f"    {name:<32} {grew / args.people:>8.0f} {kept / args.people:>8.0f}")
    scale = 100_000 / args.people
    steady_before = scale * sum(grew * days_kept(name) for name, (grew, _) in growth.items())
    steady_after = scale * sum(kept * days_kept(name) for name, (_, kept) in growth.items())
    steady_after += (before - after) * 100  # one day's bodies, until the next clean-up
    print(f"  at 100,000 people, once the oldest rows are pruned: before {steady_before / 1e9:.1f}"
          f" GB, after {steady_after / 1e9:.1f} GB")  # fmt: skip


if __name__ == "__main__":
    main()
