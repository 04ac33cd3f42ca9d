"""Pictures pasted into a Teams message, fetched with the bot's token to be kept with a report.

Teams sends a pasted picture as an `image/*` attachment whose `contentUrl`, on the Bot
Connector that sent the activity, answers only the bot's own Bot Framework token
(microsoft.github.io/teams-sdk, "Receiving Inline Images"): a manager opening it gets an error.
The bot fetches it (the token goes to the activity's own service, nowhere else) and
`bot.screenshots.KeptFiles` keeps it for the team. Files stored in OneDrive or SharePoint keep
their link: those open for whoever they are shared with.
"""

from __future__ import annotations

from functools import partial
from urllib.parse import urlsplit

from botbuilder.schema import Activity

from bot.screenshots import KeptFiles, NotFetched, read
from bot.teams.tokens import AppTokens, TokenRefused
from handlers.people import Person
from handlers.reports.screenshots import Screenshot
from handlers.views import Attachment


def _on_connector(url: str, service_url: str) -> bool:
    """Whether `url` is on the Bot Connector that sent the activity (`service_url`)."""
    there, here = urlsplit(url), urlsplit(service_url)
    return bool(here.netloc) and (there.scheme, there.netloc) == (here.scheme, here.netloc)


class PastedPictures:
    """Keeps the pictures pasted into a message the bot was sent."""

    def __init__(self, kept: KeptFiles, tokens: AppTokens | None) -> None:
        self.kept = kept
        self.tokens = tokens  # None with auth off: the Emulator's attachments need none

    async def kept_from(
        self, activity: Activity, person: Person, files: tuple[Attachment, ...]
    ) -> tuple[Attachment, ...]:
        """`files` as the team opens them: each picture on the Bot Connector replaced by the
        copy the bot keeps (or saying why there is none)."""
        service_url = activity.service_url or ""
        kept = []
        for file in files:
            if file.image and _on_connector(file.url, service_url):
                file = await self.kept.keep(person, file, partial(self._fetch, file))
            kept.append(file)
        return tuple(kept)

    async def _fetch(self, file: Attachment, limit: int) -> Screenshot:
        try:
            token = await self.tokens.token() if self.tokens else ""
        except TokenRefused as refused:
            raise NotFetched(f"no token from Microsoft ({refused})") from None
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return Screenshot(file.name, *await read(file.url, headers, limit, "Teams"))
