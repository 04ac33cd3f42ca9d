"""Fan-out benchmark: N DMs through the real delivery engine into a rate-limited fake Slack.

    .venv/bin/python bench/fanout.py                  # 2,000 users, one process
    .venv/bin/python bench/fanout.py --users 300      # a quick run
    .venv/bin/python bench/fanout.py --kill           # SIGKILL the fan-out mid-way, restart it

The fake Slack Web API (tests/fakes/slack_web_api.py, on 127.0.0.1, random port) allows
chat.postMessage at `--limit` msg/s per workspace with bursts of `--burst`, 1 msg/s per
channel, answers 429 + Retry-After beyond that, fails `--transient` of posts with HTTP 500 and
knows `--unknown` users only to say user_not_found. Each answer comes `--latency` seconds after
the message is posted, so a kill finds requests in flight whose message already arrived.

Printed: wall time, the ideal time the limits allow ((N - burst) / limit), their ratio (the
share of the allowed rate achieved), messages sent, permanent failures, duplicates, missing,
429s and 500s received, and how many interrupted deliveries were looked up after a restart.
`--kill` runs the engine in a child process on the same SQLite file, SIGKILLs it `--kills`
times at random points of the fan-out, restarts it, and checks exactly-once at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).resolve()
ROOT = SCRIPT.parent.parent
sys.path.insert(0, str(ROOT))

from slack_sdk.web.async_client import AsyncWebClient  # noqa: E402

from bot.delivery.buckets import Pace  # noqa: E402
from bot.delivery.engine import DeliveryEngine  # noqa: E402
from bot.delivery.ledger import migrations  # noqa: E402
from bot.delivery.policy import Policy  # noqa: E402
from bot.delivery.progress import Progress  # noqa: E402
from bot.logs import configure_logging  # noqa: E402
from bot.slack.gateway import SlackGateway  # noqa: E402
from bot.store import open_database  # noqa: E402
from handlers.views import Message, Text  # noqa: E402
from tests.fakes.slack_web_api import FakeSlack  # noqa: E402

PURPOSE, KEY = "announcement", "bench"


def users(count: int) -> list[str]:
    """The recipients: Slack-shaped user ids."""
    return [f"U{index:07d}" for index in range(count)]


def unknown(count: int, total: int) -> set[str]:
    """Which users the fake workspace does not know (spread over the list)."""
    everyone = users(total)
    return set(random.Random(7).sample(everyone, min(count, total)))


async def fan_out(url: str, db_path: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Enqueue the announcement for every user (idempotent) and drain it; return figures."""
    gateway = SlackGateway(AsyncWebClient(token="xoxb-bench", base_url=url))
    db = open_database(db_path, [migrations])
    engine = DeliveryEngine(
        db,
        [gateway],
        {"slack": Pace(args.rate or args.limit, args.burst, 1.0)},
        Policy(backoff=0.5, backoff_cap=5.0, settle=1.0),
    )
    message = Message(
        text="Our new product launches today: share the post!",
        blocks=(Text("Our **new product** launches today: [share the post](https://example.com)"),),
    )
    engine.enqueue("slack", users(args.users), PURPOSE, KEY, message)
    last = [0.0]

    def report(progress: Progress) -> None:
        if progress.elapsed - last[0] >= 5 or progress.done:
            last[0] = progress.elapsed
            print(
                f"  {progress.elapsed:6.1f}s sent {progress.sent:>6} failed {progress.failed:>3} "
                f"remaining {progress.remaining:>6} rate {progress.rate:5.1f}/s",
                file=sys.stderr,
                flush=True,
            )

    started = time.monotonic()
    async with engine:
        final = await engine.run_until_done(PURPOSE, KEY, report)
    await gateway.close()
    return {"wall": time.monotonic() - started, "recovered": engine.recovered, **vars(final)}


def verify(slack: FakeSlack, db_path: Path, args: argparse.Namespace) -> dict[str, int]:
    """Count duplicates and missing messages from the fake's own records and the ledger."""
    held = slack.per_channel()
    absent = unknown(args.unknown, args.users)
    expected = [slack.dm_channel(u) for u in users(args.users) if u not in absent]
    db = open_database(db_path, [migrations])
    states = dict(
        db.execute(
            "SELECT state, count(*) FROM deliveries WHERE purpose = ? GROUP BY state", [PURPOSE]
        ).fetchall()
    )
    return {
        "delivered": sum(1 for channel in expected if held[channel] >= 1),
        "duplicates": sum(count - 1 for count in held.values() if count > 1),
        "missing": sum(1 for channel in expected if held[channel] == 0),
        "ledger_sent": states.get("sent", 0),
        "ledger_failed": states.get("failed", 0),
        "ledger_open": states.get("queued", 0) + states.get("sending", 0),
    }


def print_figures(figures: dict[str, Any]) -> None:
    """The figures, one per line."""
    width = max(len(name) for name in figures)
    for name, value in figures.items():
        shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        print(f"{name:<{width}}  {shown}")


def fake(args: argparse.Namespace) -> FakeSlack:
    """The rate-limited fake workspace."""
    return FakeSlack(
        rate=args.limit,
        burst=args.burst,
        channel_rate=1.0,
        latency=args.latency,
        transient_rate=args.transient,
        unknown_users=unknown(args.unknown, args.users),
        seed=11,
    )


def ideal(args: argparse.Namespace) -> float:
    """Seconds the limits need for N posts: the burst at once, then `limit` per second."""
    return float(max(0, args.users - args.burst) / args.limit)


async def run_single(args: argparse.Namespace, db_path: Path) -> None:
    """One process: fake and engine side by side."""
    async with fake(args) as slack:
        result = await fan_out(slack.url, db_path, args)
        checks = verify(slack, db_path, args)
    print_figures(
        {
            "users": args.users,
            "wall time (s)": result["wall"],
            "ideal time (s)": ideal(args),
            "ratio (ideal/wall)": ideal(args) / result["wall"],
            "messages sent": checks["delivered"],
            "permanent failures": checks["ledger_failed"],
            "duplicates": checks["duplicates"],
            "missing": checks["missing"],
            "429s received": slack.count("chat.postMessage", 429),
            "500s received": slack.count("chat.postMessage", 500),
            "lookups after doubt": slack.count("conversations.history"),
        }
    )


async def run_with_kills(args: argparse.Namespace, db_path: Path) -> None:
    """Run the fan-out in a child, SIGKILL it mid-way `--kills` times, restart, verify."""
    chooser = random.Random(args.seed)
    marks = sorted(chooser.uniform(0.15, 0.85) * args.users for _ in range(args.kills))
    async with fake(args) as slack:
        command = [sys.executable, str(SCRIPT), "--worker", slack.url,
                   "--db", str(db_path), *args.passthrough]  # fmt: skip
        started, kills, in_flight = time.monotonic(), 0, []
        while True:
            child = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE)
            target = marks[kills] if kills < len(marks) else None
            while target is not None and child.returncode is None:
                if len(slack.messages) >= target:
                    # Count answers not given yet: those messages exist but the child never
                    # learns it.
                    in_flight.append(len(slack.calls) - len(slack.requests))
                    child.send_signal(signal.SIGKILL)
                    break
                await asyncio.sleep(0.005)
            output, _ = await child.communicate()  # reaps the child, so its pid is gone
            if child.returncode == -signal.SIGKILL:
                kills += 1
                print(f"  killed at {len(slack.messages)} messages posted", file=sys.stderr)
                continue
            if child.returncode != 0:
                sys.exit(f"the fan-out failed with exit code {child.returncode}")
            result = json.loads(output)
            break
        wall = time.monotonic() - started
        checks = verify(slack, db_path, args)
    print_figures(
        {
            "users": args.users,
            "kills (SIGKILL)": kills,
            "requests unanswered at kills": sum(in_flight),
            "wall time incl. restarts (s)": wall,
            "ideal time (s)": ideal(args),
            "messages sent": checks["delivered"],
            "permanent failures": checks["ledger_failed"],
            "duplicates": checks["duplicates"],
            "missing": checks["missing"],
            "ledger rows still open": checks["ledger_open"],
            "recovered on last restart": result["recovered"],
            "lookups after doubt": slack.count("conversations.history"),
            "429s received": slack.count("chat.postMessage", 429),
            "500s received": slack.count("chat.postMessage", 500),
        }
    )


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--limit", type=float, default=20.0, help="workspace msg/s (fake)")
    parser.add_argument("--burst", type=int, default=40, help="workspace burst (fake, engine)")
    parser.add_argument("--rate", type=float, default=None, help="engine msg/s (default: limit)")
    parser.add_argument("--transient", type=float, default=0.02, help="share of HTTP 500s")
    parser.add_argument("--unknown", type=int, default=5, help="users that do not exist")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per answer")
    parser.add_argument("--kill", action="store_true", help="SIGKILL and restart mid-way")
    parser.add_argument("--kills", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, default=None, help="SQLite file (default: temporary)")
    parser.add_argument("--worker", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.passthrough = [
        f"--users={args.users}", f"--limit={args.limit}", f"--burst={args.burst}",
        f"--unknown={args.unknown}", *([f"--rate={args.rate}"] if args.rate else []),
    ]  # fmt: skip
    return args


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark (or, with --worker, one fan-out process of the --kill mode)."""
    args = parse(argv)
    configure_logging("ERROR", "text", [])
    if args.worker:
        result = asyncio.run(fan_out(args.worker, args.db, args))
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as folder:
        db_path = args.db or Path(folder) / "bench.db"
        if args.db is not None and db_path.exists():
            sys.exit(f"{db_path} exists; the benchmark needs a fresh ledger")
        print(f"fan-out of {args.users} DMs, pid {os.getpid()}", file=sys.stderr)
        runner = run_with_kills if args.kill else run_single
        asyncio.run(runner(args, db_path))


if __name__ == "__main__":
    main()
