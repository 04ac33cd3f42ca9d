"""The model's HTTP client is closed when the bot stops: no connection left open to the
OpenAI-compatible server (a pooled client keeps one alive otherwise)."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from click.testing import CliRunner

from bot.app import build_runtime
from bot.cli import main
from bot.console.chat import chat
from tests.conftest import SettingsFactory, bot_env
from tests.fakes.openai_api import FakeOpenAI


async def test_the_console_closes_the_model_client_when_it_ends(
    make_settings: SettingsFactory,
) -> None:
    async with FakeOpenAI(reply="{}") as model:
        settings = make_settings(openai_api_key="sk-test", openai_base_url=model.url)
        runtime = build_runtime(settings)
        out = io.StringIO()
        try:
            script = io.StringIO("/check-post Snapped a photo of the whiteboard\n")
            await chat(runtime, script, out, "alice", False)
        finally:
            runtime.db.close()

        assert len(model.requests) == 1  # the model was asked, over a pooled connection
        await all_closed(model)


async def test_socialbot_check_closes_the_model_client(tmp_path: Path) -> None:
    async with FakeOpenAI(reply="{}") as model:
        env = bot_env(tmp_path, OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=model.url)
        args = ["check", "Snapped a photo of the whiteboard"]
        # In this process, on a loop of its own: the server here sees what it leaves open.
        result = await asyncio.to_thread(CliRunner().invoke, main, args, env=env)

        assert result.exit_code == 0, result.output
        assert len(model.requests) == 1  # the runtime's one model was asked
        await all_closed(model)


async def all_closed(model: FakeOpenAI) -> None:
    """Wait for the server to see the client's connections close (a moment after the close)."""
    for _ in range(100):
        if model.open_connections() == 0:
            break
        await asyncio.sleep(0.01)
    assert model.open_connections() == 0
