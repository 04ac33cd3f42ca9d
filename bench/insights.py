"""The insights over a large workforce and a year of history: time, memory, event-loop stalls.

    .venv/bin/python bench/insights.py                    # 100,000 people, a year
    .venv/bin/python bench/insights.py --people 20000     # a quick run

A fresh SQLite file is filled, in SQL, with what a year of a busy workspace leaves behind:
`--people` Slack members who each get a digest every workday (the ledger keeps 90 days of
them), three feed items a day offered in every digest, a tenth of the people sharing about
twice a week (a year of share clicks), a report a day with its triage, and `--questions`
guideline questions a day over the 90 days their answers are kept, some marked 👎.

Printed: first the weekly job as the running bot does it (figures and chart in a worker
thread, matplotlib imported there cold, the message queued in the delivery ledger) with a
heartbeat on the loop, as bench/loop_stalls.py measures it: the longest any click would have
waited; then the figures' time for 7, 30 and 90 days on the calling thread (as the command
line computes them), the chart's time and size, the peak memory of Python objects while
computing, and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.loop_stalls import Heartbeat  # noqa: E402
from bot.app import build_runtime  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from handlers.insights import chart  # noqa: E402
from handlers.insights.capability import WEEKLY  # noqa: E402
from handlers.insights.figures import compute  # noqa: E402
from handlers.insights.weekly import Weekly  # noqa: E402

MANAGER = "W0000000"
DAY = 86400


def fill(db: object, people: int, questions: int, end: float) -> None:
    """A year of history ending at `end` (Unix seconds), written by SQL alone."""
    from sqlite_utils import Database

    assert isinstance(db, Database)
    year, kept = end - 365 * DAY, end - 90 * DAY
    db.execute("CREATE TEMP TABLE calendar (day INTEGER, at REAL, weekday INTEGER)")
    with db.conn:
        db.execute(
            f"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {people - 1})
            INSERT INTO people (platform, user_id, name, tz, is_bot, deleted, guest, updated_at)
            SELECT 'slack', printf('U%07d', i), 'Person ' || i, 'UTC', 0, 0, 0, {end} FROM n
            """
        )
        db.execute(
            f"""
            WITH RECURSIVE d(day) AS (SELECT 0 UNION ALL SELECT day + 1 FROM d WHERE day < 364)
            INSERT INTO temp.calendar SELECT day, {year} + day * {DAY} + 8 * 3600,
                CAST(strftime('%w', {year} + day * {DAY}, 'unixepoch') AS INTEGER) FROM d
            """
        )
        db.execute("INSERT INTO delivery_payloads VALUES ('p', '{}', 0)")
        print("  digests ...", flush=True)
        db.execute(
            f"""
            INSERT INTO deliveries (platform, recipient, purpose, key, payload, state,
                created_at, finished_at)
            SELECT 'slack', p.user_id, 'digest', date(c.at, 'unixepoch'), 'p', 'sent', c.at,
                c.at + (p.rowid % 3600)
            FROM temp.calendar c CROSS JOIN people p
            WHERE c.at >= {kept} AND c.weekday BETWEEN 1 AND 5
            """
        )
        db.execute(
            "INSERT INTO content_feeds (id, url, source_url, added_at) VALUES (1, 'f', 'f', 0)"
        )
        db.execute(
            """
            INSERT INTO content_items (id, feed_id, guid, url, url_key, title, first_seen_at,
                fresh_at)
            SELECT c.day * 3 + k.k, 1, c.day * 3 + k.k, 'https://e.com/' || (c.day * 3 + k.k),
                'e.com/' || (c.day * 3 + k.k), 'Item ' || (c.day * 3 + k.k), c.at - 3600,
                c.at - 3600
            FROM temp.calendar c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) k
            """
        )
        db.execute(
            """
            INSERT INTO digest_offered SELECT i.id, CAST((c.at + h.h * 900) / 900 AS INTEGER)
            FROM temp.calendar c
            JOIN content_items i ON i.id BETWEEN c.day * 3 + 1 AND c.day * 3 + 3
            CROSS JOIN (SELECT 0 AS h UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) h
            WHERE c.weekday BETWEEN 1 AND 5
            """
        )
        print("  share clicks ...", flush=True)
        networks = (
            "CASE abs(random()) % 4 WHEN 3 THEN 'x' WHEN 2 THEN 'facebook' ELSE 'linkedin' END"
        )
        db.execute(
            f"""
            INSERT INTO share_clicks (platform, user_id, subject, network, at)
            SELECT 'slack', p.user_id, 'item:' || (c.day * 3 + 1 + abs(random()) % 3), {networks},
                c.at + 3600 + abs(random()) % 28800
            FROM temp.calendar c CROSS JOIN people p
            WHERE c.weekday IN (2, 4) AND (abs(random()) + p.rowid) % 10 = 0
            """
        )
        db.execute(
            """
            INSERT INTO reports (platform, where_seen, urgency, status, created_at, updated_at,
                remind_at, card_queued)
            SELECT 'slack', 'x', 'normal', CASE WHEN day > 350 THEN 'new' ELSE 'resolved' END,
                at, at, at, 1 FROM temp.calendar
            """
        )
        db.execute(
            "INSERT INTO report_events (report_id, platform, user_id, kind, at)"
            f" SELECT id, 'slack', '{MANAGER}', 'acknowledged', created_at + 600 + id * 60"
            " FROM reports WHERE status = 'resolved'"
        )
        print("  guideline answers ...", flush=True)
        db.execute(
            f"""
            WITH RECURSIVE q(i) AS (
                SELECT 0 UNION ALL SELECT i + 1 FROM q WHERE i < {questions - 1}
            )
            INSERT INTO guideline_answers (id, asked_at, platform, user_id, question, answer,
                section, score, confident, by_model, verdict)
            SELECT c.day || '-' || q.i, strftime('%Y-%m-%dT%H:%M:%S+00:00', c.at + q.i * 7,
                'unixepoch'), 'slack', printf('U%07d', (c.day * {questions} + q.i) % {people}),
                'Question ' || (q.i % 50), '', '', 0.0, q.i % 3 > 0, 0,
                CASE q.i % 3 WHEN 0 THEN CASE q.i % 2 WHEN 0 THEN 'unsure' ELSE 'not_covered' END
                     ELSE 'answer' END
            FROM temp.calendar c CROSS JOIN q WHERE c.at >= {kept}
            """
        )
        db.execute(
            """
            INSERT INTO guideline_feedback (answer_id, platform, user_id, helpful, at)
            SELECT id, platform, user_id, 0, asked_at FROM guideline_answers WHERE rowid % 20 = 0
            """
        )


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def main() -> None:
    """Fill a fresh database, then time the figures, the chart and the weekly job."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=500, help="guideline questions a day")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        # Slack over HTTP, so the weekly message has a platform; nothing is sent (the delivery
        # engine is not started), and the API address is a closed local port.
        settings = load_settings(
            _env_file=None,
            db=Path(folder) / "bench.db",
            social_media_managers=[MANAGER],
            slack_bot_token="xoxb-bench",
            slack_signing_secret="bench",
            slack_api_url="http://127.0.0.1:9/api/",
            insights=Weekly(0, datetime.min.time()),
        )
        runtime = build_runtime(settings)
        db = runtime.db
        # The end: the latest Monday 00:00 UTC, when the weekly message is due.
        today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        end = today - timedelta(days=today.weekday())
        started = time.perf_counter()
        print(f"Filling {args.people:,} people and a year of history ...", flush=True)
        fill(db, args.people, args.questions, end.timestamp())
        rows = {
            table: db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
            for table in ("deliveries", "share_clicks", "guideline_answers", "reports")
        }
        size = (Path(folder) / "bench.db").stat().st_size / 1e6
        print(f"  filled in {time.perf_counter() - started:.0f} s: " + ", ".join(
            f"{count:,} {table}" for table, count in rows.items()
        ) + f"; {size:,.0f} MB")  # fmt: skip

        heartbeat = Heartbeat()

        async def weekly_job() -> None:
            await runtime.insights.tick(end + timedelta(minutes=1))
            await runtime.core.settle()

        await heartbeat.measure("weekly job (thread + process), loop stall:", weekly_job())
        queued = db.execute(
            "SELECT count(*) FROM deliveries WHERE purpose = ?", [WEEKLY]
        ).fetchone()[0]
        print(f"weekly messages queued{'':21} {queued:7d}")
        zone = ZoneInfo("UTC")
        tracemalloc.start()
        for days in (7, 30, 90):
            started = time.perf_counter()
            figures = compute(db, end, days, zone)
            print(
                f"figures for {days:>2} days{'':22} {time.perf_counter() - started:7.2f} s"
                f"   ({figures.shares_total:,} shares, {figures.participation.reached:,} reached)"
            )
        started = time.perf_counter()
        drawn = chart.draw(figures)
        print(
            f"chart{'':38} {time.perf_counter() - started:7.2f} s   ({len(drawn.png):,} bytes PNG)"
        )
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak memory of Python objects{'':14} {peak / 1e6:7.1f} MB")

        print(f"peak resident memory of the process{'':8} {peak_rss_mb():7.0f} MB")
        db.close()


if __name__ == "__main__":
    asyncio.run(main())
