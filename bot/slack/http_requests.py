"""Slack's requests over HTTP (`POST /slack/events`): each signature checked before anything
in the request is read, a body Bolt cannot read refused with a 400, the rest dispatched to the
Bolt app."""

from __future__ import annotations

import logging
from http import HTTPStatus

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.repeats import Repeated
from bot.slack import shapes
from bot.slack.signatures import Signatures

log = logging.getLogger(__name__)


def _refused(status: HTTPStatus, reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=status)


class HttpRequests:
    """The requests Slack posts to the bot, verified and handed to `app`."""

    def __init__(self, app: AsyncApp, signing_secret: str | None) -> None:
        self.app = app
        self._signatures = Signatures(signing_secret)
        self._rejected = 0
        self._refusals = Repeated(
            log,
            "refused a Slack request without a valid signature",
            "refused {count} unsigned Slack requests in the last minute",
        )

    @property
    def rejected(self) -> int:
        """How many requests were refused for their signature or body since the start."""
        return self._rejected

    def warnings(self) -> list[str]:
        """Why every signed request is refused lately, if it is."""
        return self._signatures.warnings()

    async def handle(self, request: web.Request) -> web.Response:
        """`POST /slack/events`: verify, dispatch and answer an HTTP request from Slack.

        The signature is checked before anything in the request is read, so junk from anyone
        gets a 401 (logged once a minute); a signed body Bolt cannot read gets a 400."""
        try:
            body = (await request.read()).decode()
        except UnicodeDecodeError:  # Slack signs text: this cannot be a request from Slack
            self._rejected += 1
            self._refusals.note(reason="the body is not UTF-8")
            return _refused(HTTPStatus.BAD_REQUEST, "the body is not UTF-8")
        stamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature")
        if not self._signatures.valid(body, stamp, signature):
            self._rejected += 1
            self._refusals.note()
            return _refused(HTTPStatus.UNAUTHORIZED, "invalid or missing Slack signature")
        try:
            bolt_request = AsyncBoltRequest(
                body=body, query=request.query_string, headers=dict(request.headers)
            )
        except (ValueError, RecursionError, TypeError, AttributeError, KeyError) as error:
            # Not a body Slack sends: broken JSON, a payload whose fields Bolt trips on.
            log.warning("a signed Slack request Bolt cannot read", extra={"error": repr(error)})
            return _refused(HTTPStatus.BAD_REQUEST, "not a Slack request body")
        # Bolt's own middleware reads fields before any of ours runs: check them here.
        if (field := shapes.problem(bolt_request.body)) is not None:
            log.warning(
                "refused a Slack payload not shaped as Slack sends it", extra={"field": field}
            )
            return _refused(HTTPStatus.BAD_REQUEST, f"unexpected {field}")
        try:
            answer = await self.app.async_dispatch(bolt_request)
        except (AttributeError, TypeError, KeyError, ValueError) as error:
            # Bolt reads fields of its own (`authorizations`, `enterprise`, ...) around the
            # listeners, whose errors it hands to `_on_error`: what escapes is a payload unlike
            # Slack's that Bolt itself tripped on.
            log.warning("a signed Slack payload Bolt cannot read", extra={"error": repr(error)})
            return _refused(HTTPStatus.BAD_REQUEST, "not a Slack request body")
        return await to_aiohttp_response(answer)
