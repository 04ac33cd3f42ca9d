"""A local feed server on 127.0.0.1 and a content database, for the content_feed tests."""

from __future__ import annotations

import asyncio
import hashlib
import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web
from sqlite_utils import Database

from content_feed.store import migrations

CORPUS = Path(__file__).parent / "corpus"
SHARED_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "feeds"


@dataclass
class Route:
    """What the fake server answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml"
    headers: dict[str, str] = field(default_factory=dict)
    validators: bool = True  # send ETag and Last-Modified, honour conditional requests
    pace: float = 0.0  # seconds between 1 kB pieces of the body (0: all at once)


class FeedServer:
    """Serves `routes` by path; counts requests and 304s."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.not_modified = 0
        self.base = ""
        self.last_headers: dict[str, str] = {}

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def serve(self, path: str, body: bytes | str = b"", **options: object) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)  # type: ignore[arg-type]
        return self.url(path)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path_qs
        self.hits[path] = self.hits.get(path, 0) + 1
        self.last_headers = dict(request.headers)
        route = self.routes.get(path) or self.routes.get(request.path)
        if route is None:
            return web.Response(status=404, text="not found")
        headers = dict(route.headers)
        if route.validators and route.status == 200:
            etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
            headers["ETag"] = etag
            headers["Last-Modified"] = "Mon, 16 Nov 2026 08:00:00 GMT"
            if request.headers.get("If-None-Match") == etag:
                self.not_modified += 1
                return web.Response(status=304, headers=headers)
        headers.setdefault("Content-Type", route.content_type)
        if not route.pace:
            return web.Response(status=route.status, body=route.body, headers=headers)
        response = web.StreamResponse(status=route.status, headers=headers)
        await response.prepare(request)
        for start in range(0, len(route.body), 1024):
            await asyncio.sleep(route.pace)
            await response.write(route.body[start : start + 1024])
        await response.write_eof()
        return response


@pytest.fixture
async def feed_server(aiohttp_server: object) -> AsyncIterator[FeedServer]:
    """A feed server on 127.0.0.1 (tests reach it with allow_private=True)."""
    server = FeedServer()
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", server.handle)
    running = await aiohttp_server(app, host="127.0.0.1")  # type: ignore[operator]
    server.base = f"http://127.0.0.1:{running.port}"
    yield server


def gzip_of_zeros(size_mib: int) -> bytes:
    """A gzip member of `size_mib` MiB of zero bytes, built in milliseconds, not by inflating.

    A full flush after each MiB resets the compressor, so every MiB compresses to the very same
    bytes and the stream is one block repeated. The trailer is left off: a decoder has inflated
    everything before it would read it.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    mebibyte = bytes(1 << 20)
    first = compressor.compress(mebibyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(mebibyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    return first + again * (size_mib - 1)


@pytest.fixture
def db() -> Iterator[Database]:
    """An in-memory database with the content tables."""
    database = Database(memory=True)
    database.execute("PRAGMA foreign_keys=ON")
    migrations.apply(database)
    yield database
    database.close()


def rss(*items: str, title: str = "Test feed") -> str:
    """An RSS 2.0 document around `items`."""
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://blog.example.com/</link>"
        f"{''.join(items)}</channel></rss>"
    )


def item(
    guid: str,
    link: str | None = None,
    *,
    title: str = "A title",
    date: str | None = "Mon, 16 Nov 2026 08:00:00 +0000",
    description: str = "A summary.",
) -> str:
    """One RSS item."""
    parts = [f"<title>{title}</title>", f'<guid isPermaLink="false">{guid}</guid>']
    if link is not None:
        parts.append(f"<link>{link}</link>")
    if date is not None:
        parts.append(f"<pubDate>{date}</pubDate>")
    parts.append(f"<description>{description}</description>")
    return f"<item>{''.join(parts)}</item>"
