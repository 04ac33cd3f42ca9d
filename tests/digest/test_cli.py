"""`socialbot digest preview|send` and `socialbot stats`, run through click on a real database."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from bot.digest_cli import digest, stats
from tests.digest.conftest import COPENHAGEN, HUMANS, add_item, digests_to
from tests.fakes.slack_requests import SECRET


@pytest.fixture
async def cli(bot: Any, slack: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run a command against the bot's database and the fake Slack, in a worker thread (the
    fake Slack answers on this test's event loop)."""
    monkeypatch.chdir(tmp_path)  # no stray .env
    # The commands use the real clock: give them items of this morning, whatever today is.
    morning = datetime.now(UTC) - timedelta(hours=1)
    for feed_id, guid in ((1, "c-today"), (1, "c-today-2"), (2, "i-today")):
        add_item(bot.runtime.db, feed_id, guid, f"News {guid}", morning)
    env = {
        "SOCIALBOT_DB": str(bot.runtime.settings.db),
        "SOCIALBOT_TIMEZONE": "Asia/Tokyo",
        "SOCIALBOT_SOCIAL_MEDIA_MANAGERS": "W111",
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.url,
    }

    async def run(command: Any, *args: str) -> Result:
        runner = CliRunner()
        result = await asyncio.to_thread(
            runner.invoke, command, list(args), env=env, catch_exceptions=False
        )
        return result

    return run


async def test_preview_json_shows_items_and_posts_without_sending(cli, slack) -> None:
    result = await cli(digest, "preview", "--user", COPENHAGEN, "--json")
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert plan["user"] == COPENHAGEN and plan["platform"] == "slack"
    kinds = {item["kind"] for item in plan["items"]}
    assert len(plan["items"]) == 3 and kinds == {"company", "industry"}
    first = plan["items"][0]
    assert set(first["posts"]) == {"linkedin", "x", "facebook"}
    assert first["posts"]["x"]["share_link"].startswith("https://x.com/intent/tweet?")
    assert digests_to(slack, COPENHAGEN) == []  # nothing sent

    text = await cli(digest, "preview", "--user", COPENHAGEN)
    assert "Your daily picks to share" in text.output and "[#1 Share on LinkedIn]" in text.output

    unknown = await cli(digest, "preview", "--user", "UNOBODY")
    assert unknown.exit_code == 1 and "no one with the id UNOBODY" in unknown.output


async def test_send_now_reaches_everyone_once_with_progress(cli, slack) -> None:
    sent = await cli(digest, "send", "--now")
    assert sent.exit_code == 0, sent.output
    assert "sent, 0 failed" in sent.output
    assert all(len(digests_to(slack, user)) == 1 for user in HUMANS)
    assert digests_to(slack, "UBOT") == []

    again = await cli(digest, "send", "--now")
    assert again.exit_code == 0 and "No digest to send now" in again.output
    assert all(len(digests_to(slack, user)) == 1 for user in HUMANS)


async def test_stats_counts_clicks_per_network(cli, bot) -> None:
    assert "No share clicks" in (await cli(stats)).output
    person = bot.runtime.core.person("slack", COPENHAGEN)
    await bot.runtime.core.action(person, "share", "item:1|linkedin")
    await bot.runtime.core.action(person, "share", "item:1|x")
    await bot.runtime.core.action(person, "share", "item:bogus|x")
    rows = [json.loads(line) for line in (await cli(stats, "--json")).stdout.splitlines()]
    assert rows == [
        {"item_id": 1, "title": rows[0]["title"], "clicks": {"linkedin": 1, "x": 1}, "total": 2}
    ]
    table = (await cli(stats)).output
    assert "LinkedIn" in table and rows[0]["title"] in table
