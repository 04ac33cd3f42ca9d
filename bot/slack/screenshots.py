"""Files sent to the bot in a Slack DM, shared with the team that gets the report.

A file sent in a DM is shared with that DM alone: its page says "file not found" to every
manager (review12c R1). The bot reads it with its own token (`files:read`) and uploads a copy
to the team's channel (`files:write`), where the card's link opens it; a team reached by its
managers' DMs, or whose channel refused the upload, gets the copy the bot keeps instead
(`bot.screenshots.KeptFiles`).
"""

from __future__ import annotations

from functools import partial
from typing import Any
from urllib.parse import urlsplit

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.screenshots import KeptFiles, NotFetched, read
from handlers.core import Core
from handlers.people import Person
from handlers.reports.screenshots import Screenshot
from handlers.views import Attachment

FILES_HOST = "files.slack.com"  # where Slack serves a file's bytes to whoever may read it


class DirectFiles:
    """Passes the files of a DM to the bot on to the social media team."""

    def __init__(self, client: AsyncWebClient, token: str, core: Core, kept: KeptFiles) -> None:
        self.client = client
        self._token = token
        self.core = core
        self.kept = kept
        # The token goes to Slack's file host, or to SLACK_API_URL's (a local Slack in tests).
        self._hosts = {FILES_HOST, urlsplit(client.base_url).netloc}

    async def shared(
        self, person: Person, files: tuple[Attachment, ...], message: dict[str, Any]
    ) -> tuple[Attachment, ...]:
        """`files` (the DM `message`'s, in order) as the team opens them."""
        raw = [f for f in message.get("files") or [] if isinstance(f, dict) and f.get("permalink")]
        channel = next((c for c in self.core.team_for("slack") if c[:1] in "CG"), None)
        shared = []
        for file, sent in zip(files, raw, strict=False):
            fetch = partial(self._download, sent)
            share = partial(self._upload, channel) if channel else None
            shared.append(await self.kept.keep(person, file, fetch, share))
        return tuple(shared)

    async def _download(self, sent: dict[str, Any], limit: int) -> Screenshot:
        url = str(sent.get("url_private_download") or sent.get("url_private") or "")
        if urlsplit(url).netloc not in self._hosts:
            raise NotFetched("Slack gave the bot no address to read it from")
        kind, data = await read(url, {"Authorization": f"Bearer {self._token}"}, limit, "Slack")
        if kind == "text/html":  # Slack's sign-in page, not the file
            raise NotFetched("Slack refused it (the app may lack the files:read scope)")
        name = str(sent.get("name") or sent.get("title") or "file")
        return Screenshot(name, str(sent.get("mimetype") or kind), data)

    async def _upload(self, channel: str, fetched: Screenshot) -> str:
        """Upload `fetched` to the team's `channel`; the copy's page."""
        try:
            done = await self.client.files_upload_v2(
                channel=channel,
                file=fetched.data,
                filename=fetched.name,
                title=fetched.name,
                initial_comment="Sent to the bot with a report (its card follows).",
            )
            file_id = str(done["file"]["id"])
            info = await self.client.files_info(file=file_id)
            return str(info["file"]["permalink"])
        except (SlackApiError, KeyError, TypeError) as error:
            code = error.response.get("error") if isinstance(error, SlackApiError) else error
            raise NotFetched(f"Slack refused the copy for the team's channel ({code})") from None
