"""A company feed that dies is told: one log line when it stops and when it works again, an
ERROR when every company feed fails, and `/healthz` lists it after a day (review6 item 5)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from content_feed import store
from tests.content_feed.conftest import FeedServer, item, rss

LOGGER = "content_feed.refresh"


async def test_a_dead_feed_is_told_once_and_listed_on_healthz_after_a_day(
    make_slack_bot: Any, feed_server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    news = feed_server.serve("/news.xml", rss(item("n1", "https://acme.example/1"), title="News"))
    jobs = feed_server.serve("/jobs.xml", rss(item("j1", "https://acme.example/j"), title="Jobs"))
    client = await make_slack_bot(allow_private_feeds=True)
    runtime = client.runtime
    for url in (news, jobs):
        store.insert_feed(runtime.db, url)
    now = datetime.now(UTC)

    async def refresh(hours: float) -> list[str]:
        """Refresh the due feeds as the clock does `hours` from now; /healthz's feed lines."""
        await runtime.refresh_feeds_in_background(now + timedelta(hours=hours))
        await runtime.finish_background()
        warnings = (await (await client.get("/healthz")).json())["warnings"]
        return [line for line in warnings if line.startswith("Feed ")]

    def told(level: int) -> list[str]:
        return [
            f"{r.getMessage()} {getattr(r, 'title', '')} {getattr(r, 'error', '')}".strip()
            for r in caplog.records
            if r.name == LOGGER and r.levelno == level
        ]

    caplog.set_level(logging.INFO, logger=LOGGER)
    assert await refresh(-26) == []  # both read
    feed_server.serve("/news.xml", "gone", status=404)  # the blog moved
    assert await refresh(-25) == [
        f"Feed 1 (News) has not been read since {now - timedelta(hours=26):%Y-%m-%d %H:%M} UTC:"
        f" the server answered HTTP 404 for {news}; `socialbot feeds list` shows it,"
        " `socialbot feeds remove` drops it"
    ]
    await refresh(-2)  # News fails again (tried 2 h after the first failure), Jobs still read
    assert told(logging.WARNING) == [
        "a feed stopped working; its items stay, and it is tried again later News"
        f" the server answered HTTP 404 for {news}"
    ]
    assert told(logging.ERROR) == []
    feed_server.serve("/jobs.xml", "<html>proxy error</html>", status=502)
    assert len(await refresh(-1)) == 1  # Jobs failed an hour ago: not listed yet
    assert len(told(logging.WARNING)) == 2
    (error,) = told(logging.ERROR)
    assert error.startswith("every company feed fails: digests offer nothing new")
    assert len(await refresh(0)) == 1 and len(told(logging.ERROR)) == 1  # said once
    feed_server.serve("/news.xml", rss(item("n2", "https://acme.example/2"), title="News"))
    feed_server.serve("/jobs.xml", rss(item("j1", "https://acme.example/j"), title="Jobs"))
    assert await refresh(5) == []  # both back
    assert await refresh(7) == []
    assert told(logging.INFO).count("a feed works again News") == 1
    assert told(logging.INFO).count("a feed works again Jobs") == 1
    assert len(told(logging.WARNING)) == 2 and len(told(logging.ERROR)) == 1
