"""Each person's App Home: published when they open it, and again when what it shows changed
after something they did."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError

from bot.slack.replies import reply_for
from bot.slack.uploads import HomePublisher
from handlers.core import Core
from handlers.people import Person

log = logging.getLogger(__name__)


class AppHome:
    """The App Homes of the people who opened theirs since the start."""

    def __init__(self, core: Core, publisher: HomePublisher) -> None:
        self.core = core
        self._home = publisher
        # Who opened their App Home since the start: what they save in a form there (their
        # digest preferences) is shown on it at once.
        self._home_opened: set[str] = set()

    async def on_home_opened(self, event: dict[str, Any]) -> None:
        if event.get("tab") != "home":
            return
        self._home_opened.add(event["user"])
        await self._publish_home(event["user"])

    async def _publish_home(self, user_id: str) -> None:
        person = self.core.person("slack", user_id)
        home = await reply_for(self.core.home(person), "slack home")
        await self._home.publish(user_id, home)

    async def refresh(self, person: Person) -> None:
        """After the person pressed a button, saved a form, typed a command or wrote to the
        bot: their App Home again when what it shows changed (a mute, a stop, a report filed),
        never for someone who has not opened it. One Slack refuses leaves what was done and
        answered as it is: the next refresh publishes it."""
        if person.user_id in self._home_opened:
            home = await reply_for(self.core.home(person), "slack home")
            try:
                await self._home.publish(person.user_id, home, changed_only=True)
            except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
                log.warning("the App Home was not published again", extra={"error": repr(error)})
