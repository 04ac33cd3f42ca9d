"""The one HTTP server: Slack events, the Teams messaging endpoint and the health check."""

from __future__ import annotations

import asyncio
import errno
import hmac
import logging
import resource
import socket
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web
from aiohttp.web_protocol import RequestHandler

from bot import screenshots
from bot.readiness import readiness
from bot.repeats import Repeated
from bot.settings import SettingsError
from bot.teams import origin, share_links

if TYPE_CHECKING:
    from bot.app import Runtime

# Slack and Bot Framework payloads are small; a cap keeps a hostile client from filling memory.
MAX_BODY_BYTES = 1024 * 1024
# A Slowloris client opens connections and never finishes a request head: each holds a file
# descriptor. Slack and Bot Framework send a whole head at once, so 10 s is generous.
HEAD_SECONDS = 10.0
# Idle between two requests of a kept-alive connection; longer than the idle time of the
# proxies in front (nginx's upstream keepalive_timeout is 60 s), so they close first.
KEEPALIVE_SECONDS = 75.0
MAX_CONNECTIONS = 1000

log = logging.getLogger(__name__)
# Connections yet to send a whole request head, each until its deadline.
_WAITING = web.AppKey("waiting for a request head", set[RequestHandler])


def build_web_app(runtime: Runtime) -> web.Application:
    """Routes: `POST /slack/events` (Slack over HTTP), `POST /api/messages`, `GET /healthz`,
    `GET /readyz`, `GET /share/<token>` (a Teams share button, through the bot)."""
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[_head_complete])
    app[_WAITING] = set()

    token = runtime.settings.health_token

    def answer(request: web.Request, state: dict[str, Any]) -> web.Response:
        """The whole state for this machine, a private network or the token's bearer; to
        anyone else only whether the bot and each part are ok (no names, errors, counts)."""
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").encode()
        if not origin.from_private_network(request) and not (
            token and hmac.compare_digest(given, token.get_secret_value().encode())
        ):
            parts = {k: v for k, v in state.items() if isinstance(v, dict) and "ok" in v}
            state = {"ok": state["ok"], **{name: {"ok": v["ok"]} for name, v in parts.items()}}
        return web.json_response(state, status=200 if state["ok"] else 503)

    async def healthz(request: web.Request) -> web.Response:
        return answer(request, await runtime.health())

    async def readyz(request: web.Request) -> web.Response:
        return answer(request, await readiness(runtime))

    app.cleanup_ctx.append(runtime.teams.running)  # Bot Framework's signing keys, read ahead
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_post("/api/messages", runtime.teams.handle)
    # Not HEAD: a link checker looking at the link must not count as a click.
    app.router.add_get(share_links.ROUTE, runtime.teams.share_links.handle, allow_head=False)
    app.router.add_get(screenshots.ROUTE, runtime.teams.kept_files.handle)  # reports' evidence
    if runtime.slack is not None and not runtime.settings.slack_socket_mode:
        app.router.add_post("/slack/events", runtime.slack.http.handle)
    return app


@web.middleware
async def _head_complete(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    request.app[_WAITING].discard(request.protocol)
    return await handler(request)


class _Refused(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        transport.close()


class ConnectionGuard:
    """The listening socket's protocol factory: a connection beyond `limit` is closed at once
    (without a log line: a flood must not fill the disk), and one that has not sent a whole
    request head within `head_seconds` is closed then."""

    def __init__(self, runner: web.AppRunner, *, limit: int, head_seconds: float) -> None:
        assert runner.server is not None, "runner.setup() first"
        self._server = runner.server
        self._waiting = runner.app[_WAITING]
        self._limit = limit
        self._head_seconds = head_seconds

    def __call__(self) -> asyncio.Protocol:
        if len(self._server.connections) >= self._limit:
            return _Refused()
        handler = self._server()
        self._waiting.add(handler)
        asyncio.get_running_loop().call_later(self._head_seconds, self._expire, handler)
        return handler

    def _expire(self, handler: RequestHandler) -> None:
        if handler in self._waiting:
            self._waiting.discard(handler)
            handler.force_close()


def open_files_limit() -> int:
    """Raise the soft limit of open files to the hard one (systemd gives a service 1,024) and
    return it: every connection, the SQLite files and outbound calls each take one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:  # the kernel would refuse it as a soft limit
        return soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ValueError, OSError):  # a hard limit above what the kernel allows
        return soft
    return hard


async def listen(
    runner: web.AppRunner,
    host: str | None,
    port: int,
    *,
    limit: int = MAX_CONNECTIONS,
    head_seconds: float = HEAD_SECONDS,
) -> asyncio.Server:
    """Serve `runner`'s app on `host:port` through a `ConnectionGuard`; close the returned
    server before `runner.cleanup()`."""
    guard = ConnectionGuard(runner, limit=limit, head_seconds=head_seconds)
    return await asyncio.get_running_loop().create_server(guard, host, port)


def cannot_listen(host: str | None, port: int, error: OSError) -> SettingsError:
    """Why the bot cannot listen on `host:port`, as the setting to change."""
    where = f"cannot listen on {host}:{port}"
    if error.errno in (errno.EADDRINUSE, errno.EACCES):
        reason = "it is in use" if error.errno == errno.EADDRINUSE else error.strerror
        return SettingsError(
            f"Invalid setting PORT: {where}: {reason}; stop what uses it or set PORT to a free port"
        )
    # Not the port's fault: a host name that does not resolve, an address not this machine's.
    return SettingsError(
        f"Invalid setting SOCIALBOT_HOST: {where}: {error.strerror}; leave it unset to"
        " listen on every address (0.0.0.0)"
    )


def check_listen(host: str | None, port: int) -> None:
    """Bind `host:port` as `listen` will, and let it go: a port in use or a host not this
    machine's is refused (SettingsError) before the database is opened or created, so such a
    start writes nothing (review12b D9). `listen` says the same if it is taken meanwhile."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        for family, kind, protocol, _, address in found:
            with socket.socket(family, kind, protocol) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as asyncio does
                if family == socket.AF_INET6:
                    probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                probe.bind(address)
    except OSError as error:
        raise cannot_listen(host, port, error) from None


ACCEPT_ERROR = "socket.accept() out of system resource"


def quiet_accept_errors(loop: asyncio.AbstractEventLoop) -> None:
    """asyncio logs its accept error with a traceback each time it retries (1 MB/s with all
    descriptors taken): the first one, then a count a minute."""
    errors = Repeated(
        log,
        "cannot accept a connection: out of file descriptors or memory",
        "could not accept a connection {count} times in the last minute",
    )

    def handle(loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        if context.get("message") == ACCEPT_ERROR:
            errors.note(error=str(context.get("exception")))
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handle)
