"""Slack over Socket Mode: a slash command arrives on the websocket and is acknowledged on it."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from typing import Any

import pytest
from aiohttp import WSMsgType, web

from bot.app import build_runtime
from bot.slack import socket_mode

# From python-slack-sdk tests/slack_sdk/socket_mode/mock_socket_mode_server.py, command renamed.
SLASH_ENVELOPE = {
    "envelope_id": "1d3c79ab-0ffb-41f3-a080-d19e85f53649",
    "payload": {
        "token": "verification-token",
        "team_id": "T111",
        "team_domain": "xxx",
        "channel_id": "C111",
        "channel_name": "random",
        "user_id": "U111",
        "user_name": "testxyz",
        "command": "/socialbot",
        "text": "help",
        "api_app_id": "A111",
        "response_url": "https://hooks.slack.com/commands/T111/111/xxx",
        "trigger_id": "111.222.xxx",
    },
    "type": "slash_commands",
    "accepts_response_payload": True,
}


class FakeSocketModeSlack:
    """Just enough of Slack for Socket Mode: auth.test, apps.connections.open and the socket."""

    def __init__(self) -> None:
        self.acks: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.app_tokens: list[str] = []
        self.url = ""
        self.socket_url = ""  # where apps.connections.open points; "" for the fake's own socket
        self._runner: web.AppRunner | None = None

    async def __aenter__(self) -> FakeSocketModeSlack:
        app = web.Application()
        app.router.add_post("/api/auth.test", self._auth_test)
        app.router.add_post("/api/apps.connections.open", self._open)
        app.router.add_get("/link", self._socket)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/api/"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        await self._runner.cleanup()

    async def _auth_test(self, request: web.Request) -> web.Response:
        return web.json_response(
            {"ok": True, "team": "Test", "team_id": "T111", "user_id": "UBOT", "bot_id": "BBOT"}
        )

    async def _open(self, request: web.Request) -> web.Response:
        self.app_tokens.append(request.headers.get("Authorization", ""))
        host = request.host
        return web.json_response({"ok": True, "url": self.socket_url or f"ws://{host}/link"})

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_str(json.dumps({"type": "hello", "num_connections": 1}))
        await socket.send_str(json.dumps(SLASH_ENVELOPE))
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                await self.acks.put(json.loads(message.data))
        return socket


@pytest.fixture
async def slack():
    async with FakeSocketModeSlack() as fake:
        yield fake


async def test_slash_command_over_socket_mode(make_settings, slack) -> None:
    settings = make_settings(
        slack_bot_token="xoxb-test-token", slack_app_token="xapp-1-test", slack_api_url=slack.url
    )
    assert settings.slack_socket_mode
    runtime = build_runtime(settings)
    assert runtime.slack is not None
    await runtime.slack.start()
    try:
        assert await runtime.slack.connect_socket()
        ack = await asyncio.wait_for(slack.acks.get(), timeout=15)
        assert ack["envelope_id"] == SLASH_ENVELOPE["envelope_id"]
        assert ack["payload"]["response_type"] == "ephemeral"
        assert "socialbot help" in json.dumps(ack["payload"]["blocks"])
        assert slack.app_tokens == ["Bearer xapp-1-test"]
        assert await runtime.slack.health() == {
            "mode": "socket",
            "ok": True,
            "team": "Test",
            "connected": True,
        }
    finally:
        await runtime.slack.stop()
        runtime.db.close()


async def test_a_websocket_that_does_not_open_is_told_in_one_line(
    make_settings, slack, monkeypatch, caplog
) -> None:
    monkeypatch.setattr(socket_mode, "SOCKET_CONNECT_SECONDS", 0.5)
    with socket.socket() as closed:  # bound, not listening: connections are refused
        closed.bind(("127.0.0.1", 0))
        slack.socket_url = f"ws://127.0.0.1:{closed.getsockname()[1]}/link"
        settings = make_settings(
            slack_bot_token="xoxb-test-token",
            slack_app_token="xapp-1-test",
            slack_api_url=slack.url,
        )
        runtime = build_runtime(settings)
        assert runtime.slack is not None
        await runtime.slack.start()
        try:
            with caplog.at_level(logging.INFO):
                assert not await runtime.slack.connect_socket()
                assert not await runtime.slack.connect_socket()  # tried again: not told again
            assert runtime.slack.warnings() == ["cannot open Slack's Socket Mode websocket"]
            health = await runtime.slack.health()
            assert (health["ok"], health["connected"]) == (False, False)
        finally:
            await runtime.slack.stop()
            runtime.db.close()
    told = [r for r in caplog.records if r.name == "bot.slack.app" and "Socket Mode" in r.message]
    assert [r.message for r in told] == [
        "cannot open Slack's Socket Mode websocket; trying again until it answers"
    ]
    sdk = [r for r in caplog.records if r.name.startswith("slack_bolt")]
    assert sdk, "Bolt's client said nothing of the failed tries"
    assert all(r.exc_info is None and "\n" not in r.getMessage() for r in sdk)
