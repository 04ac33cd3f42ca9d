"""A fake Microsoft Entra token endpoint and Microsoft Graph on one aiohttp server, 127.0.0.1.

    async with FakeGraph(app_id, secret, tenant) as graph:
        graph.groups[GROUP] = [graph_user(ENTRA_ID, "Megan Bowen")]
        settings: MICROSOFT_LOGIN_URL=graph.login_url, MICROSOFT_GRAPH_URL=graph.graph_url

The token endpoint (`POST /{tenant}/oauth2/v2.0/token`) runs the client-credentials flow: the
right client id, secret and `https://graph.microsoft.com/.default` scope get
`{"token_type": "Bearer", "expires_in": 3599, "access_token": …}`, anything else a 401 with
`{"error": "invalid_client", "error_description": "AADSTS…"}` (the Bot Connector's scope,
`https://api.botframework.com/.default`, is granted too; `hold()` keeps token answers until
`release()`). Graph answers
`GET /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user` with the group's users in pages of
`$top` (100 unless asked, at most 999; capped by `page_size` for tests of paging) (`{"value":
[…], "@odata.nextLink": …}`, the link carrying an opaque `$skiptoken` that must come back byte
for byte); the cast to users is an advanced query, refused (400 Request_UnsupportedQuery)
without `ConsistencyLevel: eventual` and `$count=true`. Errors come as `{"error": {"code",
"message"}}`: 401 without an issued token, 403 Authorization_RequestDenied unless `granted`,
404 Request_ResourceNotFound for an unknown group. `fail(status, code)` makes the next Graph
call answer an error instead.

The app installing itself (proactive installation): `GET /v1.0/appCatalogs/teamsApps?$filter=
externalId eq '<manifest id>'` lists the organisation's published app (`catalog`: manifest id
to catalog id), `POST /v1.0/users/{id}/teamwork/installedApps` with `{"teamsApp@odata.bind":
…/appCatalogs/teamsApps/<catalog id>}` installs it (201; 409 Conflict when it is already;
`installed` records who has it).

A person's mailbox settings: `GET /v1.0/users/{id}/mailboxSettings` gives `{"timeZone": …}` from
`mailboxes` (404 MailboxNotEnabledForRESTAPI for anyone else; 403 ErrorAccessDenied unless
`mailbox_granted`, the MailboxSettings.Read permission).

A team's channel: `GET /v1.0/teams/{group id}/channels/{channel id}` gives `{"id",
"membershipType"}` from `channels` (404 NotFound for any other).
"""

from __future__ import annotations

import asyncio
import itertools
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from aiohttp import web
from aiohttp.test_utils import TestServer

Json = dict[str, Any]

GRAPH_SCOPE = "https://graph.microsoft.com/.default"
SCOPES = {GRAPH_SCOPE, "https://api.botframework.com/.default"}
PAGE_SIZE = 100  # Graph's default page size for transitiveMembers
MAX_PAGE_SIZE = 999  # the largest $top it takes


def graph_user(object_id: str, name: str) -> Json:
    """A user as a group's member list shows one."""
    return {"@odata.type": "#microsoft.graph.user", "id": object_id, "displayName": name}


def graph_group(object_id: str, name: str) -> Json:
    """A nested group as a group's member list shows one (the user cast leaves it out)."""
    return {"@odata.type": "#microsoft.graph.group", "id": object_id, "displayName": name}


def _skiptoken(offset: int) -> str:
    # Percent-encoded '+' and '/' like Graph's base64 tokens: a client that re-encodes the
    # link instead of following it as given sends a different token.
    return quote(f"page+{offset}/", safe="")


def _graph_error(status: int, code: str, message: str) -> web.Response:
    body = {"error": {"code": code, "message": message, "innerError": {"request-id": "fake"}}}
    return web.json_response(body, status=status)


@dataclass(frozen=True)
class GraphCall:
    """One request as the server saw it."""

    method: str  # "token", "members", "catalog" or "install"
    path: str
    query: dict[str, str]
    form: dict[str, str]
    authorization: str | None
    status: int


class FakeGraph:
    """The fake server; see the module docstring."""

    def __init__(
        self, app_id: str, secret: str, tenant: str, page_size: int = MAX_PAGE_SIZE
    ) -> None:
        self.app_id = app_id
        self.secret = secret
        self.tenant = tenant
        self.page_size = page_size
        self.granted = True  # whether the app holds GroupMember.Read.All
        self.groups: dict[str, list[Json]] = {}
        self.catalog: dict[str, str] = {}  # an app's manifest id -> its id in the catalog
        self.installed: dict[str, set[str]] = {}  # a user -> the catalog ids installed for them
        # A user -> their mailbox's time zone (a Windows or IANA name); others have no mailbox.
        self.mailboxes: dict[str, str] = {}
        self.mailbox_granted = True  # whether the app holds MailboxSettings.Read
        # (a team's group id, a channel id) -> the channel's membershipType; others are unknown.
        self.channels: dict[tuple[str, str], str] = {}
        self.calls: list[GraphCall] = []
        self._tokens: set[str] = set()
        self._numbers = itertools.count(1)
        self._failures: list[tuple[int, str, float | None]] = []
        self._held: asyncio.Event | None = None
        app = web.Application()
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        members = "/v1.0/groups/{group}/transitiveMembers/microsoft.graph.user"
        app.router.add_get(members, self._members)
        app.router.add_get("/v1.0/appCatalogs/teamsApps", self._catalog)
        app.router.add_post("/v1.0/users/{user}/teamwork/installedApps", self._install)
        app.router.add_get("/v1.0/users/{user}/mailboxSettings", self._mailbox)
        app.router.add_get("/v1.0/teams/{team}/channels/{channel}", self._channel)
        self._server = TestServer(app, host="127.0.0.1")

    @property
    def login_url(self) -> str:
        """The base URL of the token endpoint, as MICROSOFT_LOGIN_URL."""
        return str(self._server.make_url("/"))

    @property
    def graph_url(self) -> str:
        """The base URL of Graph v1.0, as MICROSOFT_GRAPH_URL."""
        return str(self._server.make_url("/v1.0/"))

    def count(self, method: str) -> int:
        """How many `token` or `members` requests came."""
        return sum(1 for call in self.calls if call.method == method)

    def hold(self) -> None:
        """Keep every token request waiting (recorded, unanswered) until `release()`."""
        self._held = asyncio.Event()

    def release(self) -> None:
        """Answer the token requests held."""
        if self._held is not None:
            self._held.set()

    def fail(
        self, status: int, code: str, *, times: int = 1, retry_after: float | None = None
    ) -> None:
        """Answer the next `times` Graph calls with `status` and the error `code` (and a
        Retry-After header of `retry_after` seconds, when given)."""
        self._failures += [(status, code, retry_after)] * times

    def heal(self) -> None:
        """Drop the failures `fail` set that have not been answered yet."""
        self._failures.clear()

    async def __aenter__(self) -> FakeGraph:
        await self._server.start_server()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._server.close()

    def _record(self, request: web.Request, method: str, form: dict[str, str], status: int) -> None:
        authorization = request.headers.get("Authorization")
        query = dict(request.query)
        self.calls.append(GraphCall(method, request.path, query, form, authorization, status))

    async def _token(self, request: web.Request) -> web.Response:
        form = {key: str(value) for key, value in (await request.post()).items()}
        right = (
            request.match_info["tenant"] == self.tenant
            and form.get("grant_type") == "client_credentials"
            and form.get("client_id") == self.app_id
            and form.get("client_secret") == self.secret
            and form.get("scope") in SCOPES
        )
        self._record(request, "token", form, 200 if right else 401)
        if self._held is not None:
            await self._held.wait()
        if not right:
            description = (
                "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent "
                "in the request is the client secret value, not the client secret ID.\r\n"
                "Trace ID: 0000\r\nCorrelation ID: 0000\r\nTimestamp: 2026-01-01 00:00:00Z"
            )
            body = {"error": "invalid_client", "error_description": description}
            return web.json_response(body, status=401)
        token = f"fake-graph-token-{next(self._numbers)}"
        self._tokens.add(token)
        return web.json_response(
            {
                "token_type": "Bearer",
                "expires_in": 3599,
                "ext_expires_in": 3599,
                "access_token": token,
            }
        )

    async def _members(self, request: web.Request) -> web.Response:
        group = request.match_info["group"]
        status, answer = self._members_answer(request, group)
        self._record(request, "members", {}, status)
        return answer

    def _refused(self, request: web.Request) -> tuple[int, web.Response] | None:
        """The answer to a request without a token, failed by `fail`, or not `granted`."""
        authorization = request.headers.get("Authorization", "")
        if authorization.removeprefix("Bearer ") not in self._tokens:
            return 401, _graph_error(401, "InvalidAuthenticationToken", "Access token is empty.")
        if self._failures:
            status, code, retry_after = self._failures.pop(0)
            answer = _graph_error(status, code, f"fake Graph answered {status}")
            if retry_after is not None:
                answer.headers["Retry-After"] = f"{retry_after:g}"
            return status, answer
        if not self.granted:
            message = "Insufficient privileges to complete the operation."
            return 403, _graph_error(403, "Authorization_RequestDenied", message)
        return None

    async def _catalog(self, request: web.Request) -> web.Response:
        status, answer = self._refused(request) or (200, None)
        if answer is None:
            wanted = re.fullmatch(r"externalId eq '([^']*)'", request.query.get("$filter", ""))
            found = self.catalog.get(wanted.group(1)) if wanted else None
            apps = [{"id": found, "externalId": wanted.group(1)}] if wanted and found else []
            answer = web.json_response({"value": apps})
        self._record(request, "catalog", {}, status)
        return answer

    async def _mailbox(self, request: web.Request) -> web.Response:
        status, answer = self._refused(request) or (200, None)
        user = request.match_info["user"]
        if answer is None and not self.mailbox_granted:
            message = "Access is denied. Check credentials and try again."
            status, answer = 403, _graph_error(403, "ErrorAccessDenied", message)
        elif answer is None and user not in self.mailboxes:
            message = "The mailbox is either inactive, soft-deleted, or is hosted on-premise."
            status, answer = 404, _graph_error(404, "MailboxNotEnabledForRESTAPI", message)
        elif answer is None:
            answer = web.json_response({"timeZone": self.mailboxes[user]})
        self._record(request, "mailbox", {}, status)
        return answer

    async def _channel(self, request: web.Request) -> web.Response:
        status, answer = self._refused(request) or (200, None)
        key = (request.match_info["team"], request.match_info["channel"])
        if answer is None and key not in self.channels:
            status, answer = 404, _graph_error(404, "NotFound", "Channel not found.")
        elif answer is None:
            answer = web.json_response({"id": key[1], "membershipType": self.channels[key]})
        self._record(request, "channel", {}, status)
        return answer

    async def _install(self, request: web.Request) -> web.Response:
        status, answer = self._refused(request) or (201, None)
        if answer is None:
            bound = str((await request.json()).get("teamsApp@odata.bind", ""))
            app = bound.rpartition("/appCatalogs/teamsApps/")[2]
            mine = self.installed.setdefault(request.match_info["user"], set())
            if app not in self.catalog.values():
                status, answer = 404, _graph_error(404, "NotFound", f"No app {app}.")
            elif app in mine:
                status, answer = 409, _graph_error(409, "Conflict", "App is already installed.")
            else:
                mine.add(app)
                answer = web.Response(status=201)
        self._record(request, "install", {}, status)
        return answer

    def _members_answer(self, request: web.Request, group: str) -> tuple[int, web.Response]:
        refused = self._refused(request)
        if refused is not None:
            return refused
        if group not in self.groups:
            message = f"Resource '{group}' does not exist or one of its queried reference-property"
            message += " objects are not present."
            return 404, _graph_error(404, "Request_ResourceNotFound", message)
        if request.headers.get("ConsistencyLevel") != "eventual" or (
            request.query.get("$count") != "true"
        ):
            message = "Request with OData cast requires ConsistencyLevel eventual and $count."
            return 400, _graph_error(400, "Request_UnsupportedQuery", message)
        top = int(request.query.get("$top", PAGE_SIZE))
        if not 1 <= top <= MAX_PAGE_SIZE:
            return 400, _graph_error(400, "Request_UnsupportedQuery", "Invalid page size.")
        size = min(top, self.page_size)
        token = request.query.get("$skiptoken", "page+0/")
        if not (token.startswith("page+") and token.endswith("/")):
            return 400, _graph_error(400, "Request_UnsupportedQuery", "Invalid skip token.")
        start = int(token.removeprefix("page+").removesuffix("/"))
        users = [m for m in self.groups[group] if m["@odata.type"] == "#microsoft.graph.user"]
        selected = request.query.get("$select", "").split(",")
        page: Json = {
            "@odata.context": f"{self.graph_url}$metadata#users",
            "value": [
                {key: value for key, value in user.items() if key in selected}
                for user in users[start : start + size]
            ],
        }
        following = start + size
        if following < len(users):
            link = f"{self.graph_url}groups/{group}/transitiveMembers/microsoft.graph.user"
            query = f"$select={','.join(selected)}&$top={top}&$count=true"
            query += f"&$skiptoken={_skiptoken(following)}"
            page["@odata.nextLink"] = f"{link}?{query}"
        return 200, web.json_response(page)
