"""The copies of screenshots the bot keeps for the team, served at
`<SOCIALBOT_PUBLIC_URL>/report-files/<token>` (review12c R1).

A picture pasted into a Teams chat with the bot answers only the bot's token, and a file sent
to the bot in a Slack DM is shared with that DM alone: the platform fetches it with the bot's
own credentials, and this keeps it with the report and gives the managers' card a link to it.
The token is unguessable and the only key: whoever has the card's link sees the picture, as
whoever sees the card sees the report.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus

import httpx
from aiohttp import web

from handlers.people import Person
from handlers.reports.screenshots import (
    MAX_BYTES,
    NO_ADDRESS,
    NOT_KEPT,
    TOO_LARGE,
    Screenshot,
    Screenshots,
)
from handlers.views import Attachment

log = logging.getLogger(__name__)

ROUTE = "/report-files/{token}"
TIMEOUT_SECONDS = 10.0  # Teams waits about 15 s for the turn a report is filed in
# Shown in the browser as they are; anything else is downloaded, never drawn as a page.
_SHOWN = frozenset(("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"))


def unseen(file: Attachment, why: str) -> Attachment:
    """`file`, which the team cannot open, with `why` (a reason code of
    handlers/reports/screenshots.py)."""
    return Attachment(file.name, "", file.image, why)


class NotFetched(Exception):
    """The platform did not give the bot the file; the message says why, for the team."""


def _not_kept(file: Attachment, failed: NotFetched) -> Attachment:
    """`file`, which the bot could not pass on, saying why (and logged)."""
    log.warning("a screenshot sent with a report was not kept", extra={"why": str(failed)})
    return unseen(file, f"{NOT_KEPT}: {failed}")


async def read(url: str, headers: dict[str, str], limit: int, platform: str) -> tuple[str, bytes]:
    """GET `url` with `headers`: its content type and bytes (read no further than `limit` and
    one more, for the caller to see it is too large); NotFetched says what `platform`
    answered instead, or that it could not be reached."""
    data = bytearray()
    try:
        async with (
            httpx.AsyncClient(timeout=TIMEOUT_SECONDS) as client,
            client.stream("GET", url, headers=headers) as got,
        ):
            kind = got.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if got.status_code != 200:
                raise NotFetched(f"{platform} answered HTTP {got.status_code}")
            async for chunk in got.aiter_bytes():
                data += chunk
                if len(data) > limit:
                    break
    except httpx.HTTPError as error:
        raise NotFetched(f"{platform} could not be reached ({type(error).__name__})") from None
    return kind or "application/octet-stream", bytes(data)


Fetch = Callable[[int], Awaitable[Screenshot]]  # the file's bytes, refused past the size given
Share = Callable[[Screenshot], Awaitable[str]]  # puts a copy where the team sees it: its link


class KeptFiles:
    """Keeps the files the platforms fetch and makes the links the team opens them by."""

    def __init__(self, public_url: str | None, screenshots: Screenshots) -> None:
        self.public_url = public_url
        self.screenshots = screenshots

    async def keep(
        self, person: Person, file: Attachment, fetch: Fetch, share: Share | None = None
    ) -> Attachment:
        """`file` as the team opens it: where `share` put what `fetch` gives (the team's
        channel), else (no `share`, or it failed) a link to the copy kept here; when there is
        neither, `file` saying why (the report is filed all the same)."""
        if share is None and not self.public_url:
            return unseen(file, NO_ADDRESS)
        try:
            fetched = await fetch(MAX_BYTES)
        except NotFetched as failed:
            return _not_kept(file, failed)
        if len(fetched.data) > MAX_BYTES:
            return unseen(file, TOO_LARGE)
        if share is not None:
            try:
                return Attachment(file.name, await share(fetched), file.image)
            except NotFetched as failed:
                if not self.public_url:
                    return _not_kept(file, failed)
                log.warning(
                    "a screenshot's copy was refused: the team gets a link to the one kept",
                    extra={"why": str(failed)},
                )
        token = self.screenshots.keep(person.platform, person.user_id, fetched)
        return Attachment(file.name, f"{self.public_url}{ROUTE.format(token=token)}", file.image)

    async def handle(self, request: web.Request) -> web.Response:
        """`GET /report-files/<token>`: the kept file, or 404."""
        found = self.screenshots.opened(request.match_info["token"])
        if found is None:
            return web.Response(status=HTTPStatus.NOT_FOUND, text="No such file.")
        shown = found.content_type if found.content_type in _SHOWN else "application/octet-stream"
        name = "".join(c for c in found.name if " " <= c <= "~" and c not in '"\\') or "file"
        how = "inline" if shown in _SHOWN else "attachment"
        headers = {
            "Content-Disposition": f'{how}; filename="{name}"',
            "Cache-Control": "private, no-store",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'",
        }
        return web.Response(body=found.data, content_type=shown, headers=headers)
