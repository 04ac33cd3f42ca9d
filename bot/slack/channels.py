"""Slack's channels for the core: a channel's name and whether the bot is in it
(conversations.info), and a typed `#name` found among the channels (conversations.list), or a
pasted link read."""

from __future__ import annotations

import logging
from collections.abc import Callable

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.directory import error_code
from handlers.channel_links import linked_channel
from handlers.core import Channel

log = logging.getLogger(__name__)

PAGES = 10  # conversations.list pages (1,000 channels each) searched for a typed name
# Where Slack says the channel is not there for the bot (a private one it was never added to).
NOT_FOUND = {"channel_not_found", "not_in_channel"}


class SlackChannels:
    """conversations.info and conversations.list; an answer Slack refuses is "cannot tell"."""

    def __init__(self, client: AsyncWebClient, bot_name: Callable[[], str]) -> None:
        self.client = client
        self._bot_name = bot_name
        self._names: dict[str, str] = {}  # id → name, of channels seen
        self._private: dict[str, bool] = {}  # id → whether private, of channels looked up

    def bot_name(self) -> str:
        """The bot user's name from auth.test, "" before it answered."""
        return self._bot_name()

    async def info(self, channel_id: str) -> Channel:
        """The channel's name and whether the bot is in it; unknown when Slack will not say."""
        try:
            answer = await self.client.conversations_info(channel=channel_id)
        except SlackApiError as error:
            code = error_code(error)
            if code in NOT_FOUND:
                return Channel(channel_id, found=False)
            log.info("cannot look up a Slack channel", extra={"channel": channel_id, "error": code})
            return Channel(channel_id, self._names.get(channel_id, ""))
        except (OSError, aiohttp.ClientError, TimeoutError) as error:
            log.info("cannot look up a Slack channel", extra={"error": repr(error)})
            return Channel(channel_id, self._names.get(channel_id, ""))
        found = answer.get("channel") or {}
        name = str(found.get("name") or "")
        if name:
            self._names[channel_id] = name
        if isinstance(private := found.get("is_private"), bool):
            self._private[channel_id] = private
        member = found.get("is_member")
        # Shared with another organisation, or about to be (an invitation not yet accepted).
        external = bool(found.get("is_ext_shared") or found.get("is_pending_ext_shared"))
        return Channel(
            channel_id, name, member if isinstance(member, bool) else None, external=external
        )

    async def exposure(self, channel_id: str) -> str | None:
        """Who besides its members may read the channel: "public" (anyone in the workspace
        can join it and read its history) or "shared with another organisation" (Slack
        Connect); None for a private channel of the company alone, or when Slack will not say."""
        channel = await self.info(channel_id)
        if channel.external:
            return "shared with another organisation (Slack Connect)"
        if channel.found and self._private.get(channel_id) is False:
            return "public: anyone in the workspace can join it and read its history"
        return None

    async def named(self, name: str) -> str | None:
        """The id of the channel a pasted link names, or of the public channel (or private one
        with the bot) called `name`."""
        if channel_id := linked_channel(name, "slack"):
            return channel_id
        wanted = name.lower()
        cursor = ""
        try:
            for _ in range(PAGES):
                answer = await self.client.conversations_list(
                    types="public_channel,private_channel",
                    exclude_archived=True,
                    limit=1000,
                    cursor=cursor or None,
                )
                for channel in answer.get("channels") or []:
                    if str(channel.get("name", "")).lower() == wanted:
                        self._names[str(channel["id"])] = str(channel["name"])
                        return str(channel["id"])
                cursor = str((answer.get("response_metadata") or {}).get("next_cursor") or "")
                if not cursor:
                    break
        except SlackApiError as error:
            log.info("cannot list Slack channels", extra={"error": error_code(error)})
        except (OSError, aiohttp.ClientError, TimeoutError) as error:
            log.info("cannot list Slack channels", extra={"error": repr(error)})
        return None
