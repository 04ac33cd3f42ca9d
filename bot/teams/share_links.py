"""Share buttons on Teams go through the bot, since Teams tells a bot nothing of a link opened.

Each share button of a card sent to someone leads to `<SOCIALBOT_PUBLIC_URL>/share/<token>`,
the token signed with the bot's own key and naming who, what and which network. The bot records
the click as Slack's are recorded and answers with a redirect to the network's share page.
"""

from __future__ import annotations

import html
import logging
from http import HTTPStatus

from aiohttp import web

from bot.delivery.gateway import Payload
from bot.repeats import Repeated
from bot.teams import cards
from handlers.shares import BadShareLink, Shares

log = logging.getLogger(__name__)

PLATFORM = "teams"
ROUTE = "/share/{token}"
_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Share link</title></head>
<body><h1>This share link does not work</h1><p>{reason}</p>
<p>Go back to Teams and press the share button on the card again.</p></body></html>
"""


class ShareLinks:
    """Makes the links of a recipient's share buttons, and follows them when opened."""

    def __init__(self, public_url: str | None, shares: Shares) -> None:
        self.public_url = public_url
        self.shares = shares
        self._refusals = Repeated(
            log,
            "refused a share link",
            "refused {count} share links in the last minute",
            level=logging.INFO,
        )

    def personal(self, payload: Payload, user_id: str, conversation: bool = False) -> Payload:
        """`payload` with its share buttons leading through the bot for `user_id` (a person's
        Entra object id, or a `conversation`'s id: a channel or group chat, where anyone may
        press them); as it is without a public URL."""
        if not self.public_url or not user_id:
            return payload

        through = f"{self.public_url}/share/"

        def link(value: str, target: str) -> str:
            if target.startswith(through):  # drawn for its recipient already (a late answer)
                return target
            token = self.shares.link_token(PLATFORM, user_id, value, target, conversation)
            return f"{through}{token}"

        return cards.through_bot(payload, link)

    async def handle(self, request: web.Request) -> web.Response:
        """`GET /share/<token>`: record the click and go on to the network's share page."""
        try:
            target = await self.shares.opened(request.match_info["token"])
        except BadShareLink as bad:
            self._refusals.note(reason=str(bad))
            page = _PAGE.format(reason=html.escape(str(bad)))
            return web.Response(status=HTTPStatus.BAD_REQUEST, text=page, content_type="text/html")
        # no-store: a browser going back must come through here again, not replay the redirect.
        headers = {
            "Location": target,
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
        }
        return web.Response(status=HTTPStatus.FOUND, headers=headers)
