"""The one HTTP server: Slack events, the Teams messaging endpoint and the health check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from bot.readiness import readiness
from bot.teams import share_links

if TYPE_CHECKING:
    from bot.app import Runtime

# Slack and Bot Framework payloads are small; a cap keeps a hostile client from filling memory.
MAX_BODY_BYTES = 1024 * 1024


def build_web_app(runtime: Runtime) -> web.Application:
    """Routes: `POST /slack/events` (Slack over HTTP), `POST /api/messages`, `GET /healthz`,
    `GET /readyz`, `GET /share/<token>` (a Teams share button, through the bot)."""
    app = web.Application(client_max_size=MAX_BODY_BYTES)

    async def healthz(request: web.Request) -> web.Response:
        state = await runtime.health()
        return web.json_response(state, status=200 if state["ok"] else 503)

    async def readyz(request: web.Request) -> web.Response:
        state = await readiness(runtime)
        return web.json_response(state, status=200 if state["ok"] else 503)

    app.cleanup_ctx.append(runtime.teams.running)  # Bot Framework's signing keys, read ahead
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_post("/api/messages", runtime.teams.handle)
    # Not HEAD: a link checker looking at the link must not count as a click.
    app.router.add_get(share_links.ROUTE, runtime.teams.share_links.handle, allow_head=False)
    if runtime.slack is not None and not runtime.settings.slack_socket_mode:
        app.router.add_post("/slack/events", runtime.slack.handle)
    return app
