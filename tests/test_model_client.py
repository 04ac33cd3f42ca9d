"""The model's HTTP client is closed when the bot stops: no connection left open to the
OpenAI-compatible server (a pooled client keeps one alive otherwise)."""

from __future__ import annotations

import asyncio
import io

from bot.app import build_runtime
from bot.console.chat import chat
from tests.conftest import SettingsFactory
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
        for _ in range(100):  # the server sees the close a moment later
            if model.open_connections() == 0:
                break
            await asyncio.sleep(0.01)
        assert model.open_connections() == 0
