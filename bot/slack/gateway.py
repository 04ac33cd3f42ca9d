"""Slack's outbound side for the delivery engine: chat.postMessage and its errors, classified."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import time
import urllib.request
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery.gateway import (
    CannotTell,
    ConversationRefused,
    DeliveryError,
    Payload,
    PermanentFailure,
    RateLimited,
    TransientFailure,
    reason_of,
)
from bot.settings import Settings
from bot.slack import blocks
from handlers.views import Message

log = logging.getLogger(__name__)

# Message metadata is invisible to people and readable with conversations.history, which is how
# `find` recognises a message an interrupted attempt may have posted.
EVENT_TYPE = "socialbot_delivery"

# Slack error codes worth another try. `fatal_error` and `internal_error` may come after the
# message was posted (Slack's docs say "some aspect of the operation" may have succeeded).
TRANSIENT = {"internal_error": True, "fatal_error": True, "request_timeout": True,
             "service_unavailable": False, "team_added_to_org": False}  # fmt: skip

# Errors of conversations.history/open that mean "I may not look", not "nothing is there".
NO_LOOKING = {
    "missing_scope", "not_allowed_token_type", "no_permission", "access_denied", "invalid_auth",
    "not_authed", "token_revoked", "account_inactive", "ekm_access_denied",
}  # fmt: skip
NOTHING_THERE = {"channel_not_found", "user_not_found", "user_disabled", "cannot_dm_bot"}

# What a channel answers while the bot may not post there, and what makes it take posts again.
REFUSING = {
    "not_in_channel": "invite the bot there: /invite @socialbot",
    "is_archived": "unarchive it and /invite @socialbot, or name another channel",
    "channel_not_found": "check its id; a private channel needs /invite @socialbot first",
}
# What a DM answers while its person is deactivated or gone (the manager's card waits).
GONE = {
    "account_inactive": "is deactivated in Slack",
    "user_not_found": "is not found in Slack",
    "user_disabled": "is deactivated in Slack",
    "cannot_dm_bot": "is a bot, which Slack lets no bot message",
}
# Of those, what says the person cannot be told, now or later: `account_inactive` is Slack's
# answer when the bot's own account (its token) is deactivated, for everyone (review12c R15).
LEFT = {"user_not_found", "user_disabled", "cannot_dm_bot"}

# Slack takes a DM to a deactivated person without error (python-slack-sdk #1156), so a DM goes
# only after users.info said its person is not `deleted`, once per CHECKED_FOR a person; when
# users.info cannot tell (no users:read, throttled, slow: CHECK_SECONDS), the DM goes unchecked,
# the member sync and the user_change event being what marks them gone then. Nor is it asked
# when the directory saw the person active within CHECKED_FOR (a sync, an event of theirs):
# users.info's quota is the one a newcomer's name is learnt with (review16b R10).
CHECKED_FOR = 6 * 3600.0
CHECK_SECONDS = 5.0
DEACTIVATED = "user_disabled (users.info: deleted)"

# The key of a rendered message's picture, which `send` uploads (see blocks.picture).
UPLOAD = "socialbot_upload"

PAGES = 5  # history pages searched per lookup; a fan-out posts one message per DM


def classify(error: Exception) -> DeliveryError:
    """Turn what slack_sdk or aiohttp raised into the engine's failure classes."""
    if isinstance(error, SlackApiError):
        response = error.response
        status = int(getattr(response, "status_code", None) or getattr(response, "status", 0) or 0)
        data = getattr(response, "data", None)
        code = str(data.get("error", "")) if isinstance(data, dict) else ""
        if status == 429 or code == "ratelimited":
            headers = getattr(response, "headers", None) or {}
            try:
                retry_after = max(0.0, float(headers.get("Retry-After", 1)))
            except ValueError:
                retry_after = 1.0
            # Slack does not say which limit was hit; the engine already paces each channel
            # at its limit, so the workspace ceiling is the likely one: pause everything.
            return RateLimited(retry_after, "platform", f"ratelimited ({retry_after:g}s)")
        if status >= 500:
            return TransientFailure(f"HTTP {status} {code}".strip(), maybe_delivered=status != 503)
        if code in TRANSIENT:
            return TransientFailure(code, maybe_delivered=TRANSIENT[code])
        # Everything else (user gone, channel archived, app uninstalled, bad blocks) will fail
        # the same way next time.
        return PermanentFailure(code or f"HTTP {status}")
    if isinstance(error, aiohttp.ClientConnectorError):
        return TransientFailure(f"cannot connect: {error}", maybe_delivered=False)
    if isinstance(error, TimeoutError | aiohttp.ClientError):
        return TransientFailure(reason_of(error), maybe_delivered=True)
    if isinstance(error, SlackRequestError):
        return PermanentFailure(f"bad request: {error}")
    raise error


def _refused_or(failure: DeliveryError, recipient: str) -> DeliveryError:
    """`failure`, or ConversationRefused when a channel refuses the bot or a person is gone."""
    if not isinstance(failure, PermanentFailure):
        return failure
    if recipient[:1] in ("U", "W"):
        gone = GONE.get(str(failure))
        if gone is None:
            return failure
        return ConversationRefused(str(failure), gone, person=True, left=str(failure) in LEFT)
    fix = REFUSING.get(str(failure))
    return failure if fix is None else ConversationRefused(str(failure), fix)


def honour_no_proxy(client: AsyncWebClient) -> None:
    """Reach Slack directly when NO_PROXY names its host: slack_sdk takes HTTPS_PROXY (or
    HTTP_PROXY) from the environment for every call, but not NO_PROXY (review10c R19). Call it
    once `client.base_url` is where the calls go."""
    host = urlsplit(client.base_url).hostname or ""
    if client.proxy and urllib.request.proxy_bypass(host):
        client.proxy = None


class SlackGateway:
    """Posts by user id (Slack opens the DM) or channel id; never retries on its own."""

    platform = "slack"

    def __init__(
        self,
        client: AsyncWebClient,
        timeout: float = 30.0,
        seen_active: Callable[[str], float | None] | None = None,
    ) -> None:
        """`seen_active`: when the directory last saw a person active (a Unix time), if it
        did (without it, users.info alone tells)."""
        # No retry handlers: slack_sdk's would sleep on 429 or repeat a request that may have
        # arrived, behind the engine's back; the engine owns every retry.
        client.retry_handlers = []
        self.client = client
        self._timeout = timeout
        self._told_scope = False  # the missing files:write scope is logged once
        self._active: dict[str, float] = {}  # person → when users.info said not deleted
        self._seen_active = seen_active
        self._unchecked_until = 0.0  # users.info throttled or refused: DMs go unchecked till

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        timeout: float = 30.0,
        seen_active: Callable[[str], float | None] | None = None,
    ) -> SlackGateway:
        """A gateway for the workspace of SLACK_BOT_TOKEN at SLACK_API_URL."""
        token = settings.slack_bot_token
        client = AsyncWebClient(
            token=token.get_secret_value() if token else None,
            base_url=settings.slack_api_url,
            timeout=int(timeout),
            retry_handlers=[],
        )
        honour_no_proxy(client)
        return cls(client, timeout, seen_active)

    def _session(self) -> aiohttp.ClientSession:
        # One pooled session (keep-alive, TLS reused), made inside the running loop.
        if self.client.session is None or self.client.session.closed:
            self.client.session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self._timeout)
            )
        return self.client.session

    async def close(self) -> None:
        """Close the pooled HTTP session."""
        if self.client.session is not None and not self.client.session.closed:
            await self.client.session.close()

    def reaches(self, recipient: str) -> bool:
        """Slack lets a bot open a DM with anyone in the workspace."""
        return True

    def render(self, message: Message) -> Payload:
        """Block Kit for `message`, with its picture to upload, if any."""
        payload = blocks.message(message)
        picture = blocks.picture(message)
        if picture is not None:
            payload[UPLOAD] = picture
        return payload

    async def send(self, recipient: str, payload: Payload, token: str) -> str:
        """chat.postMessage to a user id (a DM) or a channel id; return "channel/ts". A
        message with a picture is the picture's upload, shared there with the blocks; when
        the app may not upload (no files:write scope), the message goes without its picture
        and says so."""
        self._session()
        if recipient[:1] in ("U", "W") and await self._deactivated(recipient):
            raise ConversationRefused(DEACTIVATED, GONE["user_disabled"], person=True, left=True)
        if UPLOAD in payload:
            uploaded = await self._upload(recipient, payload)
            if uploaded is not None:
                return uploaded
            payload = blocks.without_picture(payload, blocks.NO_UPLOAD_SCOPE)
        metadata = {"event_type": EVENT_TYPE, "event_payload": {"token": token}}
        try:
            response = await self.client.chat_postMessage(
                channel=recipient, metadata=metadata, **payload
            )
        except Exception as error:
            raise _refused_or(classify(error), recipient) from error
        return f"{response['channel']}/{response['ts']}"

    async def _deactivated(self, person: str) -> bool:
        """Whether users.info says `person`'s account is deactivated (`deleted`); False when it
        or the directory said otherwise within CHECKED_FOR, or it cannot tell now."""
        now = time.monotonic()
        checked = self._active.get(person, -CHECKED_FOR)
        if now - checked < CHECKED_FOR or now < self._unchecked_until:
            return False
        seen = self._seen_active(person) if self._seen_active is not None else None
        if seen is not None and time.time() - seen < CHECKED_FOR:
            return False
        try:
            async with asyncio.timeout(CHECK_SECONDS):
                found = await self.client.users_info(user=person)
        except Exception as error:  # unknown here: Slack's answer to the DM says more
            failure = classify(error) if isinstance(error, SlackApiError) else None
            if isinstance(failure, RateLimited):
                self._unchecked_until = now + failure.retry_after
            elif isinstance(failure, PermanentFailure) and str(failure) in NO_LOOKING:
                self._unchecked_until = now + CHECKED_FOR  # no users:read: ask again later
            log.info("a DM goes unchecked", extra={"reason": reason_of(error)})
            return False
        if (found.get("user") or {}).get("deleted"):
            self._active.pop(person, None)
            return True
        self._active[person] = now
        return False

    async def _upload(self, recipient: str, payload: Payload) -> str | None:
        """files_upload_v2 (files.getUploadURLExternal, the bytes, files.completeUploadExternal)
        into the conversation, the message's blocks with it; return "channel/file id", or
        None when Slack refuses the upload for a missing scope."""
        picture = payload[UPLOAD]
        png = base64.b64decode(picture["png"])
        try:
            channel = await self._conversation(recipient)
        except Exception as error:
            raise _refused_or(classify(error), recipient) from error
        try:
            response = await self.client.files_upload_v2(
                channel=channel,
                file=png,
                filename=picture["filename"],
                title=picture["title"],
                alt_txt=picture["alt_txt"],
                blocks=json.dumps(payload["blocks"]),
            )
        except Exception as error:
            data = error.response.data if isinstance(error, SlackApiError) else None
            if not isinstance(data, dict) or data.get("error") != "missing_scope":
                raise _refused_or(classify(error), recipient) from error
            if not self._told_scope:
                self._told_scope = True
                scope = str(data.get("needed") or "files:write")
                log.warning(
                    "Slack refuses the charts for a missing scope: messages go without them;"
                    " add the scope under OAuth & Permissions and reinstall the app",
                    extra={"scope": scope},
                )
            return None
        return f"{channel}/{response['file']['id']}"

    async def _conversation(self, recipient: str) -> str:
        """The conversation id of a channel id, or of the DM with a user id."""
        if recipient[:1] not in ("U", "W"):
            return recipient
        opened = await self.client.conversations_open(users=recipient)
        return str(opened["channel"]["id"])

    async def update(self, recipient: str, message_id: str, payload: Payload) -> None:
        """chat.update the message "channel/ts" that `send` returned."""
        self._session()
        channel, _, ts = message_id.partition("/")
        try:
            await self.client.chat_update(channel=channel, ts=ts, **payload)
        except Exception as error:
            raise classify(error) from error

    async def find(self, recipient: str, token: str, since: float) -> str | None:
        """Look for our message tagged `token` in the conversation's history since `since`."""
        self._session()
        try:
            channel = await self._conversation(recipient)
            cursor: str | None = None
            for _ in range(PAGES):
                page = await self.client.conversations_history(
                    channel=channel,
                    oldest=f"{since - 60:.6f}",  # a minute of slack for clock skew
                    include_all_metadata=True,
                    limit=200,
                    cursor=cursor,
                )
                for item in page.get("messages") or []:
                    if _tagged(item, token):
                        return f"{channel}/{item['ts']}"
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not page.get("has_more") or not cursor:
                    return None
        except SlackApiError as error:
            code = error.response.get("error") if isinstance(error.response.data, dict) else None
            if code in NO_LOOKING:
                raise CannotTell(f"cannot read the conversation: {code}") from error
            if code in NOTHING_THERE:
                return None
            failure = classify(error)
            if isinstance(failure, RateLimited):
                # The history methods have their own limits; do not pause chat.postMessage.
                raise TransientFailure(str(failure)) from error
            if isinstance(failure, PermanentFailure):
                raise CannotTell(f"cannot read the conversation: {failure}") from error
            raise failure from error
        except Exception as error:
            raise classify(error) from error
        raise CannotTell(f"more than {PAGES} pages of history to search")


def _tagged(item: dict[str, Any], token: str) -> bool:
    metadata = item.get("metadata") or {}
    return bool(
        metadata.get("event_type") == EVENT_TYPE
        and (metadata.get("event_payload") or {}).get("token") == token
    )
