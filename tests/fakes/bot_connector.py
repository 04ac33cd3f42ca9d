"""A fake Bot Connector: an aiohttp server on 127.0.0.1 that records what the bot sends to Teams.

    async with FakeBotConnector() as connector:
        activity["serviceUrl"] = connector.url
        ...  # post the activity to the bot
        assert connector.sent[-1].activity["type"] == "message"

It answers the Connector REST calls a bot makes: send (`POST /v3/conversations/{id}/activities`),
reply (`POST …/activities/{replyToId}`), update (`PUT …/activities/{id}`), create a
conversation (`POST /v3/conversations`) and read a roster (`GET …/{id}/pagedmembers`, paged by
`pageSize`, and `GET …/{id}/members`) from `rosters[conversation or team id]`, read one member
(`GET …/{id}/members/{member}`) from there or `accounts[id]` (404 otherwise), and list a team's
channels (`GET /v3/teams/{id}/conversations`) from `channels[team id]` (`[{"id", "name"}]`) and
its details (`GET /v3/teams/{id}`, with `team_groups[team id]` as its `aadGroupId`), and
serve a picture pasted into a message (`GET /v3/attachments/{id}/views/original`, the
`contentUrl` Teams gives the bot) from `attachments[id]` (content type, bytes; 404 otherwise).
`fail(status, retry_after=…, times=…)` makes the next calls answer an error instead (401 the
bot's token refused, 403 blocked, 404 gone, 413 a message too big, 429 throttled, 500 broken,
502 a gateway that dropped the call).

A message posted to a channel or group chat (`19:…`) gets an id as Teams gives it: the post's time
in milliseconds, which is also the `;messageid=` of its thread; elsewhere ids are opaque.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

Json = dict[str, Any]

_READS = (
    "member",
    "members",
    "pagedmembers",
    "channels",
    "attachment",
)  # calls that deliver nothing
FIRST_POST_MS = 1_700_000_000_000  # the time of the first post, as its id

_ERROR_CODES = {
    401: "Unauthorized",
    403: "BotDisabledByAdmin",
    404: "ConversationNotFound",
    413: "MessageSizeTooBig",
    429: "TooManyRequests",
    500: "ServiceError",
}


@dataclass(frozen=True)
class Sent:
    """One call as the connector saw it."""

    method: str  # "send", "reply", "update", "create", "members", "pagedmembers", "channels"
    # or "attachment"
    conversation_id: str | None
    activity_id: str | None  # the replyToId of a reply, the id of an update
    body: Json
    authorization: str | None
    status: int
    created_id: str | None = None  # the id the connector gave the activity sent or replied

    @property
    def activity(self) -> Json:
        """The activity that was sent (for `create`, the optional first activity)."""
        return self.body.get("activity") or {} if self.method == "create" else self.body


@dataclass
class _Failure:
    status: int
    retry_after: float | None
    times: int
    conversation: str | None = None  # only calls to this conversation fail; None: any


class FakeBotConnector:
    """The fake server; see the module docstring."""

    def __init__(self) -> None:
        self.calls: list[Sent] = []
        self.rosters: dict[str, list[Json]] = {}
        self.channels: dict[str, list[Json]] = {}
        self.team_groups: dict[str, str] = {}  # a team id -> its Microsoft 365 group id
        self.accounts: dict[str, Json] = {}  # whom Teams knows besides rosters, by id
        self.attachments: dict[str, tuple[str, bytes]] = {}  # pasted pictures, by id
        self._failures: list[_Failure] = []
        self._ids = itertools.count(1)
        app = web.Application()
        app.router.add_post("/v3/conversations", self._create)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._send)
        app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", self._reply)
        app.router.add_put("/v3/conversations/{conversation}/activities/{activity}", self._update)
        app.router.add_get("/v3/conversations/{conversation}/members", self._members)
        app.router.add_get("/v3/conversations/{conversation}/members/{member}", self._member)
        app.router.add_get("/v3/conversations/{conversation}/pagedmembers", self._paged_members)
        app.router.add_get("/v3/teams/{team}/conversations", self._team_channels)
        app.router.add_get("/v3/teams/{team}", self._team)
        app.router.add_get("/v3/attachments/{attachment}/views/{view}", self._attachment)
        self._server = TestServer(app, host="127.0.0.1")

    @property
    def url(self) -> str:
        """The serviceUrl to put into activities, with its trailing slash as Teams sends it."""
        return str(self._server.make_url("/"))

    @property
    def sent(self) -> list[Sent]:
        """The calls that delivered something (the failed ones and the reads are only in
        `calls`)."""
        return [call for call in self.calls if call.status < 300 and call.method not in _READS]

    @property
    def posted(self) -> list[Sent]:
        """The messages delivered: sends and replies, not roster reads or conversation creates."""
        return [call for call in self.sent if call.method in ("send", "reply")]

    def replies_to(self, activity_id: str) -> list[Sent]:
        """The messages delivered in reply to the activity `activity_id` (not a digest or
        anything else the bot sent meanwhile)."""
        return [call for call in self.posted if call.activity_id == activity_id]

    def fail(
        self,
        status: int,
        *,
        retry_after: float | None = None,
        times: int = 1,
        conversation: str | None = None,
    ) -> None:
        """Answer the next `times` calls (to `conversation`, if given) with `status` (and a
        Retry-After header, if given)."""
        self._failures.append(_Failure(status, retry_after, times, conversation))

    async def __aenter__(self) -> FakeBotConnector:
        await self._server.start_server()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._server.close()

    async def _answer(
        self,
        request: web.Request,
        method: str,
        conversation: str | None,
        activity: str | None,
        created: str | None = None,
    ) -> web.Response | None:
        body = await request.json() if request.can_read_body else dict(request.query)
        failure = next((f for f in self._failures if f.conversation in (None, conversation)), None)
        status = failure.status if failure else 200
        authorization = request.headers.get("Authorization")
        created = None if failure else created
        self.calls.append(
            Sent(method, conversation, activity, body, authorization, status, created)
        )
        if failure is None:
            return None
        failure.times -= 1
        if failure.times <= 0:
            self._failures.remove(failure)
        headers = {"Retry-After": f"{failure.retry_after:g}"} if failure.retry_after else {}
        code = _ERROR_CODES.get(failure.status, "Error")
        error = {"error": {"code": code, "message": f"fake connector answered {failure.status}"}}
        return web.json_response(error, status=failure.status, headers=headers)

    def _new_id(self, conversation: str) -> str:
        number = next(self._ids)
        if conversation.startswith("19:"):
            return str(FIRST_POST_MS + number)
        return f"activity-{number}"

    async def _send(self, request: web.Request) -> web.Response:
        conversation = request.match_info["conversation"]
        created = self._new_id(conversation)
        failed = await self._answer(request, "send", conversation, None, created)
        return failed or web.json_response({"id": created})

    async def _reply(self, request: web.Request) -> web.Response:
        conversation, activity = request.match_info["conversation"], request.match_info["activity"]
        created = self._new_id(conversation)
        failed = await self._answer(request, "reply", conversation, activity, created)
        return failed or web.json_response({"id": created})

    async def _update(self, request: web.Request) -> web.Response:
        conversation, activity = request.match_info["conversation"], request.match_info["activity"]
        failed = await self._answer(request, "update", conversation, activity)
        return failed or web.json_response({"id": activity})

    async def _create(self, request: web.Request) -> web.Response:
        failed = await self._answer(request, "create", None, None)
        number = next(self._ids)
        return failed or web.json_response(
            {"id": f"a:conversation-{number}", "activityId": f"activity-{number}"}, status=201
        )

    async def _members(self, request: web.Request) -> web.Response:
        conversation = request.match_info["conversation"]
        failed = await self._answer(request, "members", conversation, None)
        return failed or web.json_response(self.rosters.get(conversation, []))

    async def _member(self, request: web.Request) -> web.Response:
        conversation, member = request.match_info["conversation"], request.match_info["member"]
        failed = await self._answer(request, "member", conversation, member)
        listed = [*self.rosters.get(conversation, []), *self.accounts.values()]
        found = [m for m in listed if member in (m.get("id"), m.get("aadObjectId"))]
        if failed or found:
            return failed or web.json_response(found[0])
        error = {"error": {"code": "NotFound", "message": "member not found"}}
        return web.json_response(error, status=404)

    def attachment_url(self, attachment: str) -> str:
        """The `contentUrl` of the picture `attachments[attachment]`, as Teams gives it."""
        return f"{self.url}v3/attachments/{attachment}/views/original"

    async def _attachment(self, request: web.Request) -> web.Response:
        attachment = request.match_info["attachment"]
        failed = await self._answer(request, "attachment", None, attachment)
        if failed or attachment not in self.attachments:
            return failed or web.json_response({"error": {"code": "NotFound"}}, status=404)
        content_type, data = self.attachments[attachment]
        return web.Response(body=data, content_type=content_type)

    async def _team_channels(self, request: web.Request) -> web.Response:
        team = request.match_info["team"]
        failed = await self._answer(request, "channels", team, None)
        return failed or web.json_response({"conversations": self.channels.get(team, [])})

    async def _team(self, request: web.Request) -> web.Response:
        team = request.match_info["team"]
        failed = await self._answer(request, "team", team, None)
        group = {"aadGroupId": self.team_groups[team]} if team in self.team_groups else {}
        return failed or web.json_response({"id": team, "name": "A team", **group})

    async def _paged_members(self, request: web.Request) -> web.Response:
        conversation = request.match_info["conversation"]
        failed = await self._answer(request, "pagedmembers", conversation, None)
        if failed:
            return failed
        members = self.rosters.get(conversation, [])
        start = int(request.query.get("continuationToken") or 0)
        size = int(request.query.get("pageSize") or 200)
        page: Json = {"members": members[start : start + size]}
        if start + size < len(members):
            page["continuationToken"] = str(start + size)
        return web.json_response(page)
