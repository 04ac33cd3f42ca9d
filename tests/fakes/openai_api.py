"""A fake OpenAI-compatible server: /v1/chat/completions on 127.0.0.1, answering from a script."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web
from openai import AsyncOpenAI

from bot.llm import OpenAICompleter


class FakeOpenAI:
    """Answers every chat completion with `reply` (or `status`, after `delay` seconds) and
    keeps each request body in `requests`. `url` is the base URL, ending in /v1."""

    def __init__(self, reply: str | None = "") -> None:
        self.reply = reply
        self.status = 200
        self.delay = 0.0
        self.requests: list[dict[str, Any]] = []
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def __aenter__(self) -> FakeOpenAI:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._complete)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/v1"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        await self._runner.cleanup()

    def model(self, name: str = "fake-model") -> OpenAICompleter:
        """The bot's own client for this server, with no retries and a short timeout."""
        client = AsyncOpenAI(api_key="sk-test", base_url=self.url, max_retries=0, timeout=5)
        return OpenAICompleter(client, name)

    async def _complete(self, request: web.Request) -> web.Response:
        self.requests.append(await request.json())
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.status != 200:
            return web.json_response({"error": {"message": "down"}}, status=self.status)
        choice = {
            "index": 0,
            "finish_reason": "stop",
            "message": {"role": "assistant", "content": self.reply},
        }
        return web.json_response(
            {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "created": 0,
                "model": "fake",
                "choices": [choice],
            }
        )
