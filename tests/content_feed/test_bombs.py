"""Decompression bombs: refused early, in bounded memory, while the bot keeps answering."""

from __future__ import annotations

import asyncio
import gzip
import random
import time
import tracemalloc
import zlib
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.app import build_runtime
from bot.server import build_web_app
from content_feed import store
from content_feed.errors import EncodingError, FetchError, TooLargeError
from content_feed.fetch import fetch, new_client
from tests.conftest import SettingsFactory
from tests.content_feed.conftest import FeedServer, gzip_of_zeros, item, rss

FEED = rss(item("g1", "https://e.com/1")).encode()
# The bomb: about 5 kB on the wire, 2 GiB after two rounds of gzip.
STACKED_BOMB = gzip.compress(gzip_of_zeros(2048), 9, mtime=0)
# One round: 1 MB on the wire, 1 GiB inflated.
SINGLE_BOMB = gzip_of_zeros(1024)
MEMORY_CEILING = 64 * 1024 * 1024


async def peak_memory_of(work: Any) -> tuple[BaseException | None, int]:
    """Run `work` under tracemalloc; the exception it raised (if any) and the peak it allocated."""
    tracemalloc.start()
    try:
        await work
    except Exception as error:
        raised: BaseException | None = error
    else:
        raised = None
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return raised, peak


async def test_stacked_gzip_is_refused_before_inflating(feed_server: FeedServer) -> None:
    assert len(STACKED_BOMB) < 6000
    url = feed_server.serve(
        "/stacked.xml", STACKED_BOMB, headers={"Content-Encoding": "gzip, gzip"}
    )
    async with new_client(allow_private=True) as client:
        raised, peak = await peak_memory_of(fetch(client, url, allow_private=True))
    assert isinstance(raised, EncodingError)
    assert "compressed 2 times over (Content-Encoding: gzip, gzip)" in str(raised)
    assert peak < MEMORY_CEILING


async def test_a_single_gzip_bomb_stops_at_the_cap_of_decoded_bytes(
    feed_server: FeedServer,
) -> None:
    url = feed_server.serve("/bomb.xml", SINGLE_BOMB, headers={"Content-Encoding": "gzip"})
    async with new_client(allow_private=True) as client:
        raised, peak = await peak_memory_of(fetch(client, url, allow_private=True))
    assert isinstance(raised, TooLargeError)
    assert "larger than the cap of 5,242,880 bytes" in str(raised)
    assert peak < MEMORY_CEILING


async def test_a_body_just_under_the_cap_is_read_whole(feed_server: FeedServer) -> None:
    padded = FEED.replace(b"</channel>", b" " * (5 * 1024 * 1024 - len(FEED) - 20) + b"</channel>")
    url = feed_server.serve(
        "/big.xml", gzip.compress(padded, mtime=0), headers={"Content-Encoding": "gzip"}
    )
    async with new_client(allow_private=True) as client:
        result = await fetch(client, url, allow_private=True)
    assert result.body == padded


def member_of(size: int) -> bytes:
    """A gzip member of exactly `size` bytes: random, so it barely compresses."""
    payload = random.Random(size).randbytes(size - 23)
    while len(member := gzip.compress(payload, mtime=0)) != size:
        payload = payload[: len(payload) - (len(member) - size)]
    return member


@pytest.mark.parametrize("first", [1023, 1024, 1025])
async def test_gzip_members_split_anywhere_across_network_chunks(
    feed_server: FeedServer, first: int
) -> None:
    # Served in 1 kB pieces: the next member's magic bytes fall before, on and after a boundary.
    body = member_of(first) + gzip.compress(FEED, mtime=0)
    expected = zlib.decompressobj(31).decompress(body[:first]) + FEED
    headers = {"Content-Encoding": "gzip"}
    url = feed_server.serve("/members.xml", body, headers=headers, pace=0.001)
    async with new_client(allow_private=True) as client:
        result = await fetch(client, url, allow_private=True)
    assert result.body == expected


async def test_junk_after_the_stream_is_ignored_but_counted(feed_server: FeedServer) -> None:
    headers = {"Content-Encoding": "gzip"}
    small = feed_server.serve(
        "/junk.xml", gzip.compress(FEED, mtime=0) + b"junk" * 100, headers=headers
    )
    endless = feed_server.serve(
        "/endless.xml", gzip.compress(FEED, mtime=0) + b"junk" * 2_000_000, headers=headers
    )
    async with new_client(allow_private=True) as client:
        assert (await fetch(client, small, allow_private=True)).body == FEED
        with pytest.raises(TooLargeError):
            await fetch(client, endless, allow_private=True)


def deflate(data: bytes, wbits: int) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(FEED, mtime=0)),
        ("x-gzip", gzip.compress(FEED, mtime=0)),
        ("GZIP", gzip.compress(FEED, mtime=0)),
        ("identity, gzip", gzip.compress(FEED, mtime=0)),
        (
            "gzip",
            gzip.compress(FEED[:100], mtime=0) + gzip.compress(FEED[100:], mtime=0),
        ),  # two members
        ("gzip", gzip.compress(FEED, mtime=0) + b"\0\0\0\0"),  # padding after the stream
        ("deflate", deflate(FEED, zlib.MAX_WBITS)),  # as the standard says: zlib-wrapped
        ("deflate", deflate(FEED, -zlib.MAX_WBITS)),  # as some servers send it: raw
        ("identity", FEED),
        ("", FEED),
    ],
)
async def test_codings_that_are_decoded(
    feed_server: FeedServer, encoding: str, body: bytes
) -> None:
    headers = {"Content-Encoding": encoding} if encoding else {}
    url = feed_server.serve("/coded.xml", body, headers=headers)
    async with new_client(allow_private=True) as client:
        result = await fetch(client, url, allow_private=True)
    assert result.body == FEED


@pytest.mark.parametrize(
    ("encoding", "body", "message"),
    [
        ("gzip, gzip", gzip.compress(gzip.compress(FEED), mtime=0), "compressed 2 times over"),
        ("gzip,deflate", gzip.compress(deflate(FEED, 15), mtime=0), "compressed 2 times over"),
        ("br", b"\x0b\x02\x80hello\x03", "Content-Encoding 'br', not gzip"),
        ("compress", FEED, "Content-Encoding 'compress', not gzip"),
        ("gzip", b"not gzip at all", "the gzip body is broken"),
        ("gzip", gzip.compress(FEED, mtime=0)[:10] + b"\xff" * 50, "the gzip body is broken"),
    ],
)
async def test_codings_that_are_refused(
    feed_server: FeedServer, encoding: str, body: bytes, message: str
) -> None:
    url = feed_server.serve("/coded.xml", body, headers={"Content-Encoding": encoding})
    async with new_client(allow_private=True) as client:
        with pytest.raises(FetchError, match=message):
            await fetch(client, url, allow_private=True)


async def test_health_answers_while_the_bot_fetches_bombs(
    feed_server: FeedServer, make_settings: SettingsFactory, aiohttp_client: Any
) -> None:
    # Paced bodies keep the fetches going while /healthz is asked, as a slow bomb host would.
    feeds = [
        feed_server.serve(
            "/stacked.xml", STACKED_BOMB, headers={"Content-Encoding": "gzip, gzip"}, pace=0.05
        ),
        feed_server.serve(
            "/bomb.xml", SINGLE_BOMB[:20_000], headers={"Content-Encoding": "gzip"}, pace=0.05
        ),
        feed_server.serve("/fine.xml", FEED),
    ]
    runtime = build_runtime(make_settings(feeds=feeds, allow_private_feeds=True))
    client = await aiohttp_client(build_web_app(runtime))
    runtime.seed_feeds()
    await runtime.refresh_feeds_in_background(datetime.now(UTC))
    refresh = runtime._background["refresh feeds"]
    answers: list[float] = []
    while not refresh.done() or not answers:
        started = time.monotonic()
        response = await client.get("/healthz")
        answers.append(time.monotonic() - started)
        assert (await response.json())["database"]["ok"]  # 503 only because no clock ticks
        await asyncio.sleep(0.02)
    await refresh
    # Generous: an unbounded inflate on the event loop held /healthz for 15-20 s.
    assert max(answers) < 1.0, answers
    errors = {feed.url.rsplit("/", 1)[-1]: feed.error for feed in store.list_feeds(runtime.db)}
    assert errors["stacked.xml"] is not None and "compressed 2 times over" in errors["stacked.xml"]
    assert errors["bomb.xml"] is not None and "larger than the cap" in errors["bomb.xml"]
    assert errors["fine.xml"] is None
