"""Feed benchmark: refresh N feeds served on 127.0.0.1 (first fetch, then the 304 round), and
parse throughput against plain feedparser on the same files.

    .venv/bin/python bench/feeds.py                       # 200 feeds, concurrency 8
    .venv/bin/python bench/feeds.py --feeds 500 --concurrency 16

The feeds are the corpus files (tests/content_feed/corpus, plus ../shared/corpora/feeds when
present) cycled to N distinct URLs; the server runs in its own thread and event loop, honours
If-None-Match with an ETag per body. Items repeat across copies of a file, so the store's
cross-feed dedupe is exercised too. Printed: wall time per round, feeds/s, statuses, new items;
parse: files, MB, items, seconds for ours (feedparser + JSON Feed + plain-text summaries) and
for `feedparser.parse` with its defaults (sanitising, relative-URI rewriting), on XML feeds only
for the comparison since feedparser reads no JSON Feed.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import io
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import feedparser
from aiohttp import web
from sqlite_utils import Database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from content_feed import store  # noqa: E402
from content_feed.errors import FeedError  # noqa: E402
from content_feed.parse import parse_feed, sniff  # noqa: E402
from content_feed.refresh import refresh_all  # noqa: E402

CORPORA = [ROOT / "tests" / "content_feed" / "corpus", ROOT.parent / "shared" / "corpora" / "feeds"]


def feed_files() -> list[Path]:
    """Every corpus file that parses as a feed with items (pages and OPML left out)."""
    found: dict[str, Path] = {}
    for folder in CORPORA:
        if folder.is_dir():
            found.update({p.name: p for p in folder.iterdir() if p.suffix != ".md"})
    usable = []
    for path in sorted(found.values()):
        try:
            if parse_feed(path.read_bytes()).items:
                usable.append(path)
        except FeedError:
            pass
    return usable


def start_server(bodies: dict[str, bytes]) -> tuple[str, threading.Event, list[int]]:
    """Serve `bodies` by path on 127.0.0.1 in a thread; returns the base URL and a stop event."""
    etags = {
        path: '"' + hashlib.sha256(body).hexdigest()[:16] + '"' for path, body in bodies.items()
    }
    counts = [0, 0]  # 200s, 304s
    ready, stop = threading.Event(), threading.Event()
    port: list[int] = []

    async def handle(request: web.Request) -> web.Response:
        body = bodies.get(request.path)
        if body is None:
            return web.Response(status=404)
        if request.headers.get("If-None-Match") == etags[request.path]:
            counts[1] += 1
            return web.Response(status=304, headers={"ETag": etags[request.path]})
        counts[0] += 1
        return web.Response(body=body, headers={"ETag": etags[request.path]})

    async def serve() -> None:
        app = web.Application()
        app.router.add_get("/{tail:.*}", handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port.append(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]
        ready.set()
        await asyncio.to_thread(stop.wait)
        await runner.cleanup()

    threading.Thread(target=lambda: asyncio.run(serve()), daemon=True).start()
    ready.wait()
    return f"http://127.0.0.1:{port[0]}", stop, counts


async def refresh_rounds(count: int, concurrency: int, files: list[Path]) -> None:
    """Time the first refresh and the 304 round of `count` local feeds."""
    bodies = {f"/feed/{n}/{files[n % len(files)].name}": files[n % len(files)].read_bytes()
              for n in range(count)}  # fmt: skip
    base, stop, counts = start_server(bodies)
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "bench.db")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        store.migrations.apply(db)
        for path in bodies:
            store.insert_feed(db, base + path)
        for label in ("first fetch", "304 round"):
            started = time.perf_counter()
            outcomes = await refresh_all(db, allow_private=True, concurrency=concurrency)
            elapsed = time.perf_counter() - started
            statuses = Counter(o.status for o in outcomes)
            new = sum(o.new_items for o in outcomes)
            print(
                f"refresh {label:<12} {count} feeds, concurrency {concurrency}: {elapsed:6.2f} s "
                f"({count / elapsed:6.1f} feeds/s)  {dict(statuses)}  new items {new}"
            )
        items = db.execute("SELECT count(*) FROM content_items").fetchone()[0]
        print(f"  items stored {items}; server answered {counts[0]} x 200, {counts[1]} x 304")
        db.close()
    stop.set()


def parse_throughput(files: list[Path], repeat: int) -> None:
    """Parse every file `repeat` times with ours and with plain feedparser."""
    data = [path.read_bytes() for path in files]
    xml = [d for d in data if sniff(d) == "xml"]
    for label, docs in (("all feeds", data), ("XML feeds", xml)):
        megabytes = sum(map(len, docs)) / 1e6
        started = time.perf_counter()
        items = 0
        for _ in range(repeat):
            items += sum(len(parse_feed(d).items) for d in docs)
        ours = time.perf_counter() - started
        print(
            f"parse ours       {label:<9} {len(docs)} files {megabytes:5.2f} MB x{repeat}: "
            f"{ours:6.2f} s  {megabytes * repeat / ours:5.2f} MB/s  {items / ours:7.0f} items/s"
        )
    started = time.perf_counter()
    items = 0
    for _ in range(repeat):
        items += sum(len(feedparser.parse(io.BytesIO(d)).entries) for d in xml)
    plain = time.perf_counter() - started
    megabytes = sum(map(len, xml)) / 1e6
    print(
        f"parse feedparser XML feeds {len(xml)} files {megabytes:5.2f} MB x{repeat}: "
        f"{plain:6.2f} s  {megabytes * repeat / plain:5.2f} MB/s  {items / plain:7.0f} items/s"
    )


def main() -> None:
    """Run both benchmarks and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = feed_files()
    print(f"{len(files)} corpus feeds")
    asyncio.run(refresh_rounds(args.feeds, args.concurrency, files))
    parse_throughput(files, args.repeat)


if __name__ == "__main__":
    main()
