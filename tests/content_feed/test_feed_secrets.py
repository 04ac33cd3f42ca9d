"""A private feed's token in its query string is never logged nor shown: the log, `/healthz`,
the insights' failing-feed line and `feeds list` mask query values (review8b J)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.feeds_cli import feeds
from content_feed import store
from tests.content_feed.conftest import FeedServer

SECRET = "APIKEY123"


async def test_a_feed_token_is_masked_wherever_the_feed_is_named(
    make_slack_bot: Any,
    feed_server: FeedServer,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = feed_server.serve(f"/rss?apikey={SECRET}&format=rss", "gone", status=404)
    client = await make_slack_bot(allow_private_feeds=True)
    runtime = client.runtime
    now = datetime.now(UTC)
    store.insert_feed(runtime.db, url, now=now - timedelta(hours=26))
    for hours in (-26, 0):  # failing for more than a day: /healthz and the insights name it
        await runtime.refresh_feeds_in_background(now + timedelta(hours=hours))
        await runtime.finish_background()

    logged = [
        json.dumps([r.getMessage(), vars(r)], default=str, ensure_ascii=False)
        for r in caplog.records
    ]
    assert any("apikey=…&format=…" in line for line in logged), logged
    warnings = (await (await client.get("/healthz")).json())["warnings"]
    (failing,) = [line for line in warnings if line.startswith("Feed 1")]
    assert "(http://127.0.0.1:" in failing and "/rss?apikey=…&format=…)" in failing

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOCIALBOT_DB", str(runtime.settings.db))
    listed = CliRunner().invoke(feeds, ["list"], catch_exceptions=False).output
    assert "apikey=…" in listed
    insights = CliRunner().invoke(main, ["insights"], catch_exceptions=False).output
    assert "Feeds failing" in insights and "apikey=…&format=…" in insights
    for shown in [*logged, *warnings, *insights, listed]:
        assert SECRET not in shown
    assert store.get_feed(runtime.db, 1).url == url  # the stored URL keeps its token
