"""A fake OpenAI-compatible server: /v1/chat/completions on 127.0.0.1, answering from a script."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web
from openai import AsyncOpenAI

from bot.llm import OpenAICompleter


class FakeOpenAI:
    """Answers every chat completion with `reply` (or `status`, after `delay` seconds) and
    keeps each request body in `requests`. `url` is the base URL, ending in /v1.

    A request with `"stream": true` gets the reply as server-sent events, `piece` characters
    per chunk (so a citation mark may be cut in two, as real streams do); with `break_after`
    set, the connection drops after that many chunks, mid-answer.

    Real servers' other answers: `finish_reason` ("length", "content_filter"), `refusal` (OpenAI's
    refusal field, content null), `html` (a proxy's 200 sign-in page), `retry_after` (a header
    sent with `status`) and `refuses` (request fields answered with OpenAI's 400 for
    gpt-5/o-series: "temperature", "max_tokens"). `headers` keeps each request's headers."""

    def __init__(self, reply: str | None = "", piece: int = 7) -> None:
        self.reply = reply
        self.status = 200
        self.delay = 0.0
        self.piece = piece
        self.break_after: int | None = None
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.finish_reason = "stop"
        self.refusal: str | None = None
        self.html = False
        self.retry_after: str | None = None
        self.refuses: set[str] = set()
        self.url = ""
        self._runner: web.AppRunner | None = None
        self._clients: list[OpenAICompleter] = []

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
        # The clients handed out are closed here, on their loop: left to the garbage collector,
        # they would be closed during a later test, on a loop that has ended.
        for client in self._clients:
            await client.aclose()
        await self._runner.cleanup()

    def open_connections(self) -> int:
        """How many client connections are open now (a pooled client keeps one alive)."""
        assert self._runner is not None and self._runner.server is not None
        return len(self._runner.server.connections)

    def model(self, name: str = "fake-model") -> OpenAICompleter:
        """The bot's own client for this server, with no retries and a short timeout."""
        client = AsyncOpenAI(api_key="sk-test", base_url=self.url, max_retries=0, timeout=5)
        self._clients.append(OpenAICompleter(client, name))
        return self._clients[-1]

    async def _complete(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append(body)
        self.headers.append(dict(request.headers))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.status != 200:
            headers = {"Retry-After": self.retry_after} if self.retry_after else None
            return web.json_response(
                {"error": {"message": "down"}}, status=self.status, headers=headers
            )
        if refused := self.refuses & set(body):
            return web.json_response({"error": _REFUSALS[min(refused)]}, status=400)
        if self.html:
            return web.Response(text="<html><body>Sign in</body></html>", content_type="text/html")
        if body.get("stream"):
            return await self._stream(request)
        message = {"role": "assistant", "content": self.reply, "refusal": self.refusal}
        if self.refusal:
            message["content"] = None
        choice = {"index": 0, "finish_reason": self.finish_reason, "message": message}
        return web.json_response(
            {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "created": 0,
                "model": "fake",
                "choices": [choice],
            }
        )

    async def _stream(self, request: web.Request) -> web.StreamResponse:
        """The reply as `chat.completion.chunk` events, ended by `data: [DONE]`."""
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        text = self.reply or ""
        pieces = [text[at : at + self.piece] for at in range(0, len(text), self.piece)]
        deltas = [{"role": "assistant", "content": piece} for piece in pieces]
        for number, delta in enumerate([*deltas, {}]):
            if self.break_after is not None and number >= self.break_after:
                assert request.transport is not None
                request.transport.close()  # the server went away in the middle of the answer
                return response
            end = None if delta else self.finish_reason
            choice = {"index": 0, "delta": delta, "finish_reason": end}
            chunk = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0,
                     "model": "fake", "choices": [choice]}  # fmt: skip
            await response.write(f"data: {json.dumps(chunk)}\n\n".encode())
        await response.write(b"data: [DONE]\n\n")
        await response.write_eof()
        return response


# OpenAI's 400 bodies for a reasoning model (gpt-5*, o-series) asked with these fields.
_REFUSALS = {
    "max_tokens": {
        "message": "Unsupported parameter: 'max_tokens' is not supported with this model. Use"
        " 'max_completion_tokens' instead.",
        "type": "invalid_request_error",
        "param": "max_tokens",
        "code": "unsupported_parameter",
    },
    "temperature": {
        "message": "Unsupported value: 'temperature' does not support 0 with this model. Only"
        " the default (1) value is supported.",
        "type": "invalid_request_error",
        "param": "temperature",
        "code": "unsupported_value",
    },
}

# fixllm2: a server that does not take `response_format` (an older local server or proxy).
_REFUSALS["response_format"] = {
    "message": "response_format is not supported by this server",
    "type": "invalid_request_error",
    "param": "response_format",
    "code": "invalid_request",
}
