"""Teams' channels for the core: the bot can post in a team's channel once the app is in the
team and the channel's conversation is stored (as the gateway needs it to post)."""

from __future__ import annotations

from bot.teams.conversations import Conversations
from handlers.core import Channel


class TeamsChannels:
    """Channels read from the stored conversations; Teams has no names to look up by."""

    def __init__(self, conversations: Conversations) -> None:
        self.conversations = conversations

    def bot_name(self) -> str:
        """Unknown here: the core says "socialbot"."""
        return ""

    async def info(self, channel_id: str) -> Channel:
        """Whether the bot can post in the channel `channel_id` (19:…), with its name."""
        stored = self.conversations.get(channel_id)
        if stored is None or stored.kind != "channel":
            return Channel(channel_id, member=False)
        name = str(getattr(stored.reference.conversation, "name", None) or "")
        return Channel(channel_id, name, not stored.uninstalled)

    async def named(self, name: str) -> str | None:
        """Teams channels are chosen by id."""
        return None
