"""Slack's Socket Mode connection: a websocket URL asked for with SLACK_APP_TOKEN and opened,
what went wrong said in one line, and Bolt's own reports of failed tries kept to one line each."""

from __future__ import annotations

import asyncio
import logging

import aiohttp
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from bot.slack.directory import error_code

# How long one try to open the Socket Mode websocket may take before a fresh URL is asked for.
SOCKET_CONNECT_SECONDS = 10.0

# What Slack's refusals of SLACK_APP_TOKEN (apps.connections.open) mean, and what to do.
APP_TOKEN_HINTS = {
    "invalid_auth": "the token is not valid (revoked, regenerated, or another app's)",
    "not_authed": "no token reached Slack",
    "not_allowed_token_type": "it is not an app-level token (xapp-…)",
    "missing_scope": "the token lacks the connections:write scope",
    "token_revoked": "the token was revoked",
}
APP_TOKEN_FIX = (
    "generate an app-level token with the connections:write scope under Basic Information →"
    " App-Level Tokens (Socket Mode enabled) and set it as SLACK_APP_TOKEN"
)


class SocketMode:
    """Bolt's Socket Mode handler for `app`, authenticated by the app-level token."""

    def __init__(self, app: AsyncApp, app_token: str) -> None:
        self.client = app.client
        # Bolt's Socket Mode client logs each failed try with a traceback: the connection's
        # state is told by the bot, once, and its own reports are kept to one line each.
        sdk_log = app.logger.getChild("socket_mode")
        sdk_log.addFilter(_one_line)
        self._socket = AsyncSocketModeHandler(app, app_token, logger=sdk_log)

    async def connected(self) -> bool:
        """Whether the websocket is open."""
        return await self._socket.client.is_connected()

    async def open(self) -> str | None:
        """Ask Slack for a websocket URL with SLACK_APP_TOKEN and open it; None when connected,
        else what went wrong."""
        socket = self._socket
        try:
            opened = await self.client.apps_connections_open(app_token=socket.app_token)
        except SlackApiError as error:
            code = error_code(error)
            hint = APP_TOKEN_HINTS.get(code)
            return f"Slack refused SLACK_APP_TOKEN ({code}): {hint + '; ' if hint else ''}" + (
                APP_TOKEN_FIX
            )
        except (OSError, aiohttp.ClientError, TimeoutError) as error:
            return f"cannot reach Slack for Socket Mode: {error or type(error).__name__}"
        socket.client.wss_uri = str(opened["url"])
        try:
            async with asyncio.timeout(SOCKET_CONNECT_SECONDS):
                await socket.connect_async()  # type: ignore[no-untyped-call]
        except TimeoutError:
            return "cannot open Slack's Socket Mode websocket"
        return None

    async def close(self) -> None:
        """Close the websocket."""
        await self._socket.close_async()  # type: ignore[no-untyped-call]


def _one_line(record: logging.LogRecord) -> bool:
    """A log record cut to its first line, without a traceback."""
    record.msg = next(iter(record.getMessage().splitlines()), "")
    record.args = None
    record.exc_info = record.exc_text = None
    return True
