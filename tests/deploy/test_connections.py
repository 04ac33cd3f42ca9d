"""Hostile connections (review8b L): half-sent requests are closed after a deadline, those
beyond the cap at once, and people's requests are answered through it all."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp import web

from bot.app import build_runtime
from bot.server import ACCEPT_ERROR, build_web_app, listen, quiet_accept_errors
from bot.settings import Settings

HALF_SENT = b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nX-Slowloris: 1\r\n"


@pytest.fixture
async def serving(make_settings: Callable[..., Settings]) -> AsyncIterator[int]:
    """The bot's web app on a free loopback port behind a guard of 3 connections and a 1 s
    head deadline; yields the port."""
    runtime = build_runtime(make_settings())
    runner = web.AppRunner(build_web_app(runtime), access_log=None)
    await runner.setup()
    listener = await listen(runner, "127.0.0.1", 0, limit=3, head_seconds=3.0)
    yield listener.sockets[0].getsockname()[1]
    listener.close()
    await runner.cleanup()
    await runtime.close_clients()
    runtime.db.close()


async def closed_by_server(reader: asyncio.StreamReader, within: float) -> bool:
    """Whether the server closes the connection (end of stream or reset) within `within` s."""
    try:
        async with asyncio.timeout(within):
            return await reader.read() == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


async def test_half_sent_requests_are_closed_and_the_bot_answers(serving: int) -> None:
    held = []
    for _ in range(3):
        reader, writer = await asyncio.open_connection("127.0.0.1", serving)
        writer.write(HALF_SENT)
        held.append((reader, writer))
    await asyncio.sleep(0.1)  # the three are accepted before the next ones arrive
    beyond = []
    for _ in range(2):
        reader, writer = await asyncio.open_connection("127.0.0.1", serving)
        writer.write(HALF_SENT)
        beyond.append((reader, writer))
    for reader, _ in beyond:
        assert await closed_by_server(reader, 0.5), "a connection beyond the cap was kept"
    assert not await closed_by_server(held[0][0], 0.2), "closed before its deadline (3 s)"
    for reader, _ in held:
        assert await closed_by_server(reader, 5), "a half-sent request was kept open"

    reader, writer = await asyncio.open_connection("127.0.0.1", serving)
    writer.write(b"GET /healthz HTTP/1.1\r\nHost: bot\r\nConnection: close\r\n\r\n")
    async with asyncio.timeout(10):
        answer = await reader.read()
    assert answer.startswith(b"HTTP/1.1 ") and b'{"ok": ' in answer, answer[:200]  # answered
    writer.close()
    for _, other in [*held, *beyond]:
        other.close()


async def test_accept_errors_are_logged_once_a_minute(caplog: pytest.LogCaptureFixture) -> None:
    loop = asyncio.get_running_loop()
    quiet_accept_errors(loop)
    try:
        for _ in range(50):  # what asyncio reports while every descriptor is taken
            error = OSError(24, "Too many open files")
            context: dict[str, Any] = {"message": ACCEPT_ERROR, "exception": error}
            loop.call_exception_handler(context)
    finally:
        loop.set_exception_handler(None)
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1, [r.getMessage() for r in lines]
    assert "cannot accept a connection" in lines[0].getMessage()
