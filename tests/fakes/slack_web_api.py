"""A fake Slack Web API: an aiohttp server on 127.0.0.1 that records every call.

    async with FakeSlack() as slack:
        client = AsyncWebClient(token="xoxb-test", base_url=slack.url)
        ...
        assert slack.calls[-1] == ("chat.postMessage", {...})

It answers auth.test (workspace TEAM_ID), chat.postMessage, chat.postEphemeral, chat.update,
conversations.open, conversations.history, conversations.info, conversations.list, users.info,
users.list, usergroups.users.list (from `user_groups`), views.open and views.publish with
Slack-shaped JSON; the assistant pane's assistant.threads.setStatus, setTitle and
setSuggestedPrompts (checking their required fields and the four-prompt limit), and the streamed
message of chat.startStream, chat.appendStream and chat.stopStream (`markdown_text` or `chunks`; a
stopped stream refuses more, as Slack does); and the file upload of `files_upload_v2`:
files.getUploadURLExternal, a POST of the bytes to the upload URL it gave, and
files.completeUploadExternal (kept in `files`; a shared file is a message in its channel too),
files.info (its `permalink`), and a file's bytes at its `url_private_download` for the bot's
token (`sent_file` makes one someone sent; without the token, Slack's sign-in page).
chat.postMessage refuses more than 50 blocks and views.publish an image block naming a file it has
not got (`invalid_blocks`), as Slack does, and, `processing` times, one naming any file (Slack
still processing it). Optional limits on chat.postMessage mirror Slack's special tier (a workspace
bucket and a per-channel rate), with 429 + Retry-After beyond them; `fail()` injects errors,
`stall()` holds answers (to kill a client mid-request), `transient_rate` sprinkles HTTP 500s,
`unknown_users` answer user_not_found and DMs to `inactive` ones account_inactive; a channel in
`outside` answers not_in_channel until `invite(channel)` (and conversations.info says is_member
false; `channel_names` name channels for conversations.info and conversations.list, `gone` ones
are channel_not_found, `public` ones are not private); a path in `expired` (a command's
response_url) answers HTTP 404 with its text (`expired_url`, `used_url`), as Slack does.
apps.connections.open refuses every app-level token (`invalid_auth`): Socket Mode is served by
tests/slack/test_socket_mode.py's fake.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import json
import math
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from aiohttp import web

Params = dict[str, Any]


@dataclass(frozen=True)
class Request:
    """One request as the server saw it: `at` is time.monotonic() on arrival."""

    method: str
    params: Params
    at: float
    status: int
    error: str | None


@dataclass(frozen=True)
class Posted:
    """A message the fake workspace now holds."""

    channel: str
    ts: str
    text: str
    blocks: list[Any]
    metadata: dict[str, Any] | None
    at: float
    files: tuple[str, ...] = ()
    thread_ts: str = ""
    streaming: bool = False  # a chat.startStream message not stopped yet


@dataclass
class Uploaded:
    """A file uploaded through files.getUploadURLExternal and the upload URL."""

    file_id: str
    filename: str
    length: int
    alt_txt: str
    data: bytes = b""
    title: str = ""
    channel: str = ""  # where files.completeUploadExternal shared it ("" when private)
    completed: bool = False


@dataclass
class _Failure:
    error: str
    times: int
    status: int
    retry_after: float | None
    delivered: bool
    needed: str | None
    after: int = 0  # calls answered normally before the first failure


@dataclass
class _Stall:
    after: int
    deliver: bool
    seen: int = 0
    released: asyncio.Event = field(default_factory=asyncio.Event)


def _truthy(value: object) -> bool:
    return value in (True, 1, "1", "true", "True")


# The workspace auth.test names: the one tests/fakes/slack_requests.py's requests come from.
TEAM_ID = "T111"
# The person of tests/slack/payloads/message_im.json and their DM with the bot, as it names it.
PAYLOAD_DMS = {"U2147483697": "D024BE91L"}


class FakeSlack:
    """The fake server; see the module docstring."""

    def __init__(
        self,
        *,
        rate: float | None = None,
        burst: int = 1,
        channel_rate: float | None = None,
        latency: float = 0.0,
        transient_rate: float = 0.0,
        unknown_users: Iterable[str] = (),
        seed: int = 0,
    ) -> None:
        self.rate = rate  # workspace ceiling for chat.postMessage, msg/s (None: unlimited)
        self.burst = burst
        self.channel_rate = channel_rate  # per channel, msg/s (None: unlimited)
        self.latency = latency  # seconds each chat.postMessage answer is delayed, after posting
        self.transient_rate = transient_rate  # share of chat.postMessage answered HTTP 500
        self.unknown_users = set(unknown_users)
        self.outside: set[str] = set()  # channels the bot is not in until `invite`
        self.inactive: set[str] = set()  # deactivated users: their DMs answer account_inactive
        # Channel names by id (conversations.info and .list); any other channel id exists too,
        # named after its id, unless it is in `gone` (channel_not_found).
        self.channel_names: dict[str, str] = {}
        self.gone: set[str] = set()
        self.external: set[str] = set()  # Slack Connect channels, shared with other organisations
        self.public: set[str] = (
            set()
        )  # public channels (anyone in the workspace joins); else private
        self.bot_name = "socialbot"  # the bot user's name, as auth.test answers it
        self.enterprise_id = ""  # the Enterprise Grid org auth.test names, if the bot is in one
        self.users: dict[str, dict[str, Any]] = {}
        self.user_groups: dict[str, list[str]] = {}  # user group id → member ids
        self.calls: list[tuple[str, Params]] = []
        self.requests: list[Request] = []
        self.messages: list[Posted] = []
        self.files: dict[str, Uploaded] = {}
        # views.publish calls still to refuse the files they show, as Slack does for a moment
        # after an upload while it processes the file.
        self.processing = 0
        self._random = random.Random(seed)
        self._failures: dict[str, list[_Failure]] = {}
        self._stalls: dict[str, _Stall] = {}
        self._tokens = float(burst)
        self._stamp = time.monotonic()
        self._last_post: dict[str, float] = {}
        self._ts = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.url = ""
        # response_url paths (under /api/) answered as Slack does past their 30 minutes or
        # 5 uses: HTTP 404 with the reason as text.
        self.expired: dict[str, str] = {}

    # -- lifecycle -------------------------------------------------------------------------------

    async def start(self, port: int = 0) -> None:
        """Listen on `port` of 127.0.0.1 (0: a free one); `url` is then the base URL ending in
        /api/."""
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._handle)
        app.router.add_post("/upload/{file_id}", self._receive_upload)
        app.router.add_get("/files-pri/{file_id}/{path:.+}", self._file_bytes)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}/api/"

    async def stop(self) -> None:
        """Release stalled answers and shut the server down."""
        for stall in self._stalls.values():
            stall.released.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeSlack:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- steering --------------------------------------------------------------------------------

    def fail(
        self,
        method: str,
        error: str = "internal_error",
        *,
        times: int = 1,
        status: int | None = None,
        retry_after: float | None = None,
        delivered: bool = False,
        needed: str | None = None,
        after: int = 0,
    ) -> None:
        """Answer the next `times` calls of `method` (after `after` answered normally) with
        `error` (HTTP `status`; 429 for "ratelimited" by default); `delivered` posts the message
        first, as Slack sometimes does; `needed` is the scope a `missing_scope` answer names,
        as Slack's does."""
        if status is None:
            status = 429 if error == "ratelimited" else 200
        self._failures.setdefault(method, []).append(
            _Failure(error, times, status, retry_after, delivered, needed, after)
        )

    def heal(self, method: str) -> None:
        """Answer `method` normally again: the failures still to come for it are dropped."""
        self._failures.pop(method, None)

    def stall(self, method: str, *, after: int = 0, deliver: bool = True) -> None:
        """Hold the answer of every call of `method` after the first `after`, until `release()`;
        `deliver` posts the message before holding (the client never learns it arrived)."""
        self._stalls[method] = _Stall(after, deliver)

    def invite(self, channel: str) -> None:
        """Someone typed `/invite @socialbot` in `channel`: posting there works from now on."""
        self.outside.discard(channel)

    def release(self) -> None:
        """Let stalled calls answer (posted ones with ok, the others with HTTP 500)."""
        for stall in self._stalls.values():
            stall.released.set()
        self._stalls.clear()

    # -- reading ---------------------------------------------------------------------------------

    def dm_channel(self, user: str) -> str:
        """The DM channel id the fake gives `user` (the one its event payloads name for theirs)."""
        if user in PAYLOAD_DMS:
            return PAYLOAD_DMS[user]
        return "D" + user[1:] if user[:1] in ("U", "W") else user

    def messages_in(self, channel_or_user: str) -> list[Posted]:
        """Messages posted to a channel, or to the DM with a user."""
        channel = self.dm_channel(channel_or_user)
        return [m for m in self.messages if m.channel == channel]

    def per_channel(self) -> Counter[str]:
        """How many messages each channel holds."""
        return Counter(m.channel for m in self.messages)

    def count(self, method: str, status: int | None = None) -> int:
        """Requests of `method` seen, optionally only those answered with `status`."""
        return sum(1 for r in self.requests if r.method == method and status in (None, r.status))

    # -- serving ---------------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> Params:
        params: Params = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                params.update(await request.json())
            else:
                params.update(await request.post())
        for name in ("blocks", "metadata", "view", "prompts", "chunks"):
            if isinstance(params.get(name), str):
                with contextlib.suppress(ValueError):
                    params[name] = json.loads(params[name])
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        arrived = time.monotonic()
        self.calls.append((method, params))
        if method in self.expired:
            return web.Response(status=404, text=self.expired[method])
        authorized = request.headers.get("Authorization", "").startswith("Bearer ") or params.get(
            "token"
        )
        status: int
        body: dict[str, Any]
        headers: dict[str, str]
        if not authorized:
            status, body, headers = 200, {"ok": False, "error": "not_authed"}, {}
        else:
            status, body, headers = await self._answer(method, params, arrived)
        self.requests.append(Request(method, params, arrived, status, body.get("error")))
        return web.json_response(body, status=status, headers=headers)

    async def _answer(
        self, method: str, params: Params, arrived: float
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        handler = self._methods.get(method)
        if handler is None:
            return 200, {"ok": False, "error": "unknown_method"}, {}
        stall = self._stalls.get(method)
        if stall is not None:
            stall.seen += 1
            if stall.seen > stall.after:
                posted = await handler(self, params, arrived) if stall.deliver else None
                await stall.released.wait()
                if posted is None:
                    return 500, {"ok": False, "error": "internal_error"}, {}
                return 200, posted, {}
        if method == "chat.postMessage":
            limited = self._limit(str(params.get("channel", "")), arrived)
            if limited:
                return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(limited)}
        failures = self._failures.get(method)
        if failures and failures[0].after > 0:
            failures[0].after -= 1
        elif failures:
            failure = failures[0]
            failure.times -= 1
            if failure.times <= 0:
                failures.pop(0)
            if failure.delivered:
                await handler(self, params, arrived)
            headers = (
                {"Retry-After": f"{1 if failure.retry_after is None else failure.retry_after:g}"}
                if failure.status == 429
                else {}
            )
            answer = {"ok": False, "error": failure.error}
            if failure.needed is not None:
                answer |= {"needed": failure.needed, "provided": "chat:write,im:write"}
            return failure.status, answer, headers
        if method == "chat.postMessage" and self._random.random() < self.transient_rate:
            return 500, {"ok": False, "error": "internal_error"}, {}
        answer = await handler(self, params, arrived)
        if method == "chat.postMessage" and self.latency and answer.get("ok"):
            await asyncio.sleep(self.latency)
        return 200, answer, {}

    def _limit(self, target: str, now: float) -> int:
        """0 when the post may go now, else whole seconds to wait (and nothing is spent)."""
        channel = self.dm_channel(target)
        if self.channel_rate is not None:
            last = self._last_post.get(channel)
            gap = 1 / self.channel_rate
            if last is not None and now - last < gap * 0.95:  # 5% slack for network jitter
                return max(1, math.ceil(gap - (now - last)))
        if self.rate is not None:
            self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
            self._stamp = now
            if self._tokens < 1:
                return max(1, math.ceil((1 - self._tokens) / self.rate))
            self._tokens -= 1
        self._last_post[channel] = now
        return 0

    def sent_file(self, name: str, data: bytes, mimetype: str = "image/png") -> dict[str, Any]:
        """A file someone sent in a message, as the message's `files` has it."""
        file_id = f"F{next(self._ts):08d}"
        upload = Uploaded(file_id, name, len(data), "", data, name, "", completed=True)
        self.files[file_id] = upload
        base = self.url.removesuffix("api/")
        return {
            "id": file_id,
            "name": name,
            "title": name,
            "mimetype": mimetype,
            "size": len(data),
            "url_private": f"{base}files-pri/{file_id}/{name}",
            "url_private_download": f"{base}files-pri/{file_id}/download/{name}",
            "permalink": f"https://fake.slack.com/files/W111/{file_id}/{name}",
        }

    async def _file_bytes(self, request: web.Request) -> web.Response:
        """A file's bytes for a token (Slack's sign-in page, as HTML, without one)."""
        upload = self.files.get(request.match_info["file_id"])
        signed = request.headers.get("Authorization", "").startswith("Bearer xoxb-")
        self.requests.append(Request("file", {}, time.monotonic(), 200, None))
        if upload is None or not signed:
            return web.Response(text="<html>Sign in to Slack</html>", content_type="text/html")
        return web.Response(body=upload.data, content_type="application/octet-stream")

    async def _files_info(self, params: Params, arrived: float) -> dict[str, Any]:
        upload = self.files.get(str(params.get("file") or ""))
        if upload is None:
            return {"ok": False, "error": "file_not_found"}
        permalink = f"https://fake.slack.com/files/UBOT/{upload.file_id}/{upload.filename}"
        return {"ok": True, "file": {"id": upload.file_id, "name": upload.filename,
                                     "permalink": permalink}}  # fmt: skip

    async def _receive_upload(self, request: web.Request) -> web.Response:
        """Step 2 of an upload: the bytes, posted to the URL files.getUploadURLExternal gave."""
        upload = self.files.get(request.match_info["file_id"])
        if upload is None or upload.completed:
            return web.Response(status=404, text="unknown upload")
        upload.data = await request.read()
        self.requests.append(Request("upload", {}, time.monotonic(), 200, None))
        return web.Response(text=f"OK - {len(upload.data)}")

    async def _upload_url(self, params: Params, arrived: float) -> dict[str, Any]:
        filename, length = str(params.get("filename") or ""), str(params.get("length") or "")
        if not filename or not length.isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._ts):08d}"
        self.files[file_id] = Uploaded(
            file_id, filename, int(length), str(params.get("alt_txt") or "")
        )
        base = self.url.removesuffix("api/")
        return {"ok": True, "upload_url": f"{base}upload/{file_id}", "file_id": file_id}

    async def _complete_upload(self, params: Params, arrived: float) -> dict[str, Any]:
        """Share the uploaded files in `channel_id` (a message with `initial_comment` or
        `blocks`), as Slack does; a file whose bytes never came, or not as long as announced,
        is refused like Slack refuses it."""
        try:
            listed = json.loads(str(params.get("files") or "[]"))
        except ValueError:
            return {"ok": False, "error": "invalid_arguments"}
        uploads = [self.files.get(str(entry.get("id"))) for entry in listed]
        if not uploads or any(u is None or len(u.data) != u.length for u in uploads):
            return {"ok": False, "error": "file_upload_size_mismatch"}
        channel = str(params.get("channel_id") or "")
        if channel.startswith(("U", "W")):
            return {"ok": False, "error": "invalid_channel"}  # a user id is no conversation
        shared = []
        for entry, upload in zip(listed, uploads, strict=True):
            assert upload is not None
            upload.title, upload.channel, upload.completed = (
                str(entry.get("title") or ""),
                channel,
                True,
            )
            shared.append({"id": upload.file_id, "name": upload.filename, "title": upload.title,
                           "mimetype": "image/png", "size": upload.length,
                           "alt_txt": upload.alt_txt})  # fmt: skip
        if channel:
            self.messages.append(
                Posted(
                    channel=channel,
                    ts=self._new_ts(),
                    text=str(params.get("initial_comment") or ""),
                    blocks=list(params.get("blocks") or []),
                    metadata=None,
                    at=arrived,
                    files=tuple(u.file_id for u in uploads if u is not None),
                )
            )
        return {"ok": True, "files": shared}

    def _new_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ts):06d}"

    async def _post_message(self, params: Params, arrived: float) -> dict[str, Any]:
        target = str(params.get("channel", ""))
        if not target:
            return {"ok": False, "error": "channel_not_found"}
        if target in self.unknown_users or self.dm_channel(target) in self.unknown_users:
            return {"ok": False, "error": "user_not_found"}
        if target in self.inactive:
            return {"ok": False, "error": "account_inactive"}
        if not params.get("text") and not params.get("blocks"):
            return {"ok": False, "error": "no_text"}
        if len(params.get("blocks") or []) > 50:  # as Slack does
            pointer = "must provide an array with no more than 50 items [json-pointer:/blocks]"
            return {"ok": False, "error": "invalid_blocks", "errors": [pointer]}
        if target in self.outside:
            return {"ok": False, "error": "not_in_channel"}
        channel = self.dm_channel(target)
        metadata = params.get("metadata")
        posted = Posted(
            channel=channel,
            ts=self._new_ts(),
            text=str(params.get("text", "")),
            blocks=list(params.get("blocks") or []),
            metadata=metadata if isinstance(metadata, dict) else None,
            at=arrived,
            thread_ts=str(params.get("thread_ts") or ""),
        )
        self.messages.append(posted)
        message = {"type": "message", "ts": posted.ts, "text": posted.text, "bot_id": "B0FAKE"}
        return {"ok": True, "channel": channel, "ts": posted.ts, "message": message}

    async def _update(self, params: Params, arrived: float) -> dict[str, Any]:
        channel, ts = str(params.get("channel", "")), str(params.get("ts", ""))
        for index, posted in enumerate(self.messages):
            if posted.channel == channel and posted.ts == ts:
                # The message keeps its thread and, as far as Slack says, its streaming state.
                self.messages[index] = dataclasses.replace(
                    posted,
                    text=str(params.get("text", posted.text)),
                    blocks=list(params.get("blocks") or posted.blocks),
                )
                return {"ok": True, "channel": channel, "ts": ts, "text": params.get("text", "")}
        return {"ok": False, "error": "message_not_found"}

    async def _open(self, params: Params, arrived: float) -> dict[str, Any]:
        users = str(params.get("users", ""))
        if not users:
            return {"ok": False, "error": "users_list_not_supplied"}
        if users in self.unknown_users:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "channel": {"id": self.dm_channel(users)}}

    async def _history(self, params: Params, arrived: float) -> dict[str, Any]:
        channel = str(params.get("channel", ""))
        oldest = float(params.get("oldest") or 0)
        with_metadata = _truthy(params.get("include_all_metadata"))
        found = []
        for posted in reversed(self.messages):
            if posted.channel == channel and float(posted.ts) >= oldest:
                item: dict[str, Any] = {"type": "message", "ts": posted.ts, "text": posted.text}
                if with_metadata and posted.metadata:
                    item["metadata"] = posted.metadata
                found.append(item)
        limit = int(params.get("limit") or 100)
        return {"ok": True, "messages": found[:limit], "has_more": len(found) > limit}

    async def _connections_open(self, params: Params, arrived: float) -> dict[str, Any]:
        """No websocket is served here (tests/slack/test_socket_mode.py has a fake that is):
        every app-level token is refused, as Slack refuses a revoked one."""
        return {"ok": False, "error": "invalid_auth"}

    def _channel(self, channel: str) -> dict[str, Any]:
        name = self.channel_names.get(channel, channel.lower())
        return {"id": channel, "name": name, "is_channel": True,
                "is_private": channel not in self.public, "is_archived": False,
                "is_member": channel not in self.outside, "is_shared": channel in self.external,
                "is_ext_shared": channel in self.external}  # fmt: skip

    async def _conversations_info(self, params: Params, arrived: float) -> dict[str, Any]:
        channel = str(params.get("channel", ""))
        if not channel or channel in self.gone:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": self._channel(channel)}

    async def _conversations_list(self, params: Params, arrived: float) -> dict[str, Any]:
        """Every named channel on one page (`channel_names`, less `gone`)."""
        channels = [self._channel(c) for c in self.channel_names if c not in self.gone]
        return {"ok": True, "channels": channels, "response_metadata": {"next_cursor": ""}}

    async def _auth_test(self, params: Params, arrived: float) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://fake.slack.com/",
            "team": "Fake",
            "user": self.bot_name,
            "team_id": TEAM_ID,
            "user_id": "U0BOT",
            "bot_id": "B0FAKE",
            **({"enterprise_id": self.enterprise_id} if self.enterprise_id else {}),
        }

    async def _post_ephemeral(self, params: Params, arrived: float) -> dict[str, Any]:
        """A message only `user` sees in `channel`: recorded in `calls`, not in `messages`."""
        return {"ok": True, "message_ts": f"{next(self._ts)}.000000"}

    async def _users_info(self, params: Params, arrived: float) -> dict[str, Any]:
        user = str(params.get("user", ""))
        if user in self.unknown_users:
            return {"ok": False, "error": "user_not_found"}
        profile = {"real_name": f"User {user}", "display_name": user.lower(), "email": ""}
        default = {"id": user, "name": user.lower(), "tz": "UTC", "tz_offset": 0,
                   "is_bot": False, "deleted": False, "profile": profile}  # fmt: skip
        return {"ok": True, "user": _with_locale(self.users.get(user, default), params)}

    async def _users_list(self, params: Params, arrived: float) -> dict[str, Any]:
        """`self.users` in pages of `limit`, with Slack's cursor."""
        people = list(self.users.values())
        start = int(params.get("cursor") or 0)
        limit = int(params.get("limit") or 200)
        page = [_with_locale(person, params) for person in people[start : start + limit]]
        following = str(start + limit) if start + limit < len(people) else ""
        return {"ok": True, "members": page, "response_metadata": {"next_cursor": following}}

    async def _user_group_members(self, params: Params, arrived: float) -> dict[str, Any]:
        """The member ids of `user_groups[usergroup]`, as Slack's docs show the answer."""
        group = str(params.get("usergroup", ""))
        if group not in self.user_groups:
            return {"ok": False, "error": "no_such_subteam"}
        return {"ok": True, "users": list(self.user_groups[group])}

    async def _permalink(self, params: Params, arrived: float) -> dict[str, Any]:
        channel, ts = params.get("channel", ""), str(params.get("message_ts", ""))
        link = f"https://fake.slack.com/archives/{channel}/p{ts.replace('.', '')}"
        return {"ok": True, "channel": channel, "permalink": link}

    async def _views(self, params: Params, arrived: float) -> dict[str, Any]:
        view = params.get("view")
        view = view if isinstance(view, dict) else {}
        # An image block may show only a file that was uploaded (and is still there).
        for n, block in enumerate(view.get("blocks") or []):
            named = (block.get("slack_file") or {}).get("id")
            if named is None:
                continue
            known = getattr(self.files.get(str(named)), "completed", False)
            if not known or self.processing > 0:
                self.processing = max(0, self.processing - 1)
                pointer = f"invalid slack file [json-pointer:/blocks/{n}/slack_file]"
                return {"ok": False, "error": "invalid_blocks", "errors": [pointer]}
        return {"ok": True, "view": {**view, "id": f"V{next(self._ts):08d}"}}

    async def _thread_call(self, params: Params, arrived: float) -> dict[str, Any]:
        """setStatus and setTitle: both name the thread; what they set is only recorded."""
        if not params.get("channel_id"):
            return {"ok": False, "error": "channel_not_found"}
        if not params.get("thread_ts"):
            return {"ok": False, "error": "invalid_thread_ts"}
        return {"ok": True}

    async def _suggested_prompts(self, params: Params, arrived: float) -> dict[str, Any]:
        prompts = params.get("prompts")
        if not params.get("channel_id"):
            return {"ok": False, "error": "channel_not_found"}
        if not isinstance(prompts, list) or not 0 < len(prompts) <= 4:
            return {"ok": False, "error": "invalid_arguments"}
        if not all(isinstance(p, dict) and p.get("title") and p.get("message") for p in prompts):
            return {"ok": False, "error": "invalid_arguments"}
        return {"ok": True}

    @staticmethod
    def _streamed_text(params: Params) -> str:
        chunks = params.get("chunks") or []
        text = "".join(
            str(chunk.get("text", "")) for chunk in chunks if chunk.get("type") == "markdown_text"
        )
        return str(params.get("markdown_text") or "") + text

    async def _start_stream(self, params: Params, arrived: float) -> dict[str, Any]:
        channel, thread = str(params.get("channel") or ""), str(params.get("thread_ts") or "")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        if not thread:
            return {"ok": False, "error": "invalid_arguments"}
        posted = Posted(channel, self._new_ts(), self._streamed_text(params), [], None, arrived,
                        thread_ts=thread, streaming=True)  # fmt: skip
        self.messages.append(posted)
        return {"ok": True, "channel": channel, "ts": posted.ts}

    async def _append_stream(self, params: Params, arrived: float) -> dict[str, Any]:
        return self._stream_more(params, stop=False)

    async def _stop_stream(self, params: Params, arrived: float) -> dict[str, Any]:
        return self._stream_more(params, stop=True)

    def _stream_more(self, params: Params, stop: bool) -> dict[str, Any]:
        channel, ts = str(params.get("channel", "")), str(params.get("ts", ""))
        for index, posted in enumerate(self.messages):
            if posted.channel == channel and posted.ts == ts:
                if not posted.streaming:
                    return {"ok": False, "error": "message_not_in_streaming_state"}
                blocks = list(params.get("blocks") or []) if stop else posted.blocks
                self.messages[index] = dataclasses.replace(
                    posted,
                    text=posted.text + self._streamed_text(params),
                    blocks=blocks,
                    streaming=not stop,
                )
                return {"ok": True, "channel": channel, "ts": ts}
        return {"ok": False, "error": "message_not_found"}

    _methods: ClassVar[
        dict[str, Callable[[FakeSlack, Params, float], Awaitable[dict[str, Any]]]]
    ] = {
        "assistant.threads.setStatus": _thread_call,
        "assistant.threads.setTitle": _thread_call,
        "assistant.threads.setSuggestedPrompts": _suggested_prompts,
        "apps.connections.open": _connections_open,
        "auth.test": _auth_test,
        "chat.startStream": _start_stream,
        "chat.appendStream": _append_stream,
        "chat.stopStream": _stop_stream,
        "chat.postMessage": _post_message,
        "chat.postEphemeral": _post_ephemeral,
        "chat.update": _update,
        "chat.getPermalink": _permalink,
        "conversations.open": _open,
        "conversations.history": _history,
        "conversations.info": _conversations_info,
        "conversations.list": _conversations_list,
        "files.getUploadURLExternal": _upload_url,
        "files.completeUploadExternal": _complete_upload,
        "files.info": _files_info,
        "users.info": _users_info,
        "users.list": _users_list,
        "usergroups.users.list": _user_group_members,
        "views.open": _views,
        "views.publish": _views,
    }


def _with_locale(user: dict[str, Any], params: Params) -> dict[str, Any]:
    """A member as users.info and users.list give them: their `locale` only when asked for
    with `include_locale`."""
    if str(params.get("include_locale", "")).lower() in ("1", "true"):
        return user
    return {key: value for key, value in user.items() if key != "locale"}
