"""Teams' channels for the core: the bot can post in every channel of a team the app is in,
once the channel's conversation is stored (as the gateway needs it to post): each is stored
when the app is installed, at each roster read and when a channel is created."""

from __future__ import annotations

import asyncio

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo

from bot.teams.conversations import Conversation, Conversations
from handlers.core import Channel


async def learn_channels(
    turn_context: TurnContext, team: Conversation, conversations: Conversations
) -> int:
    """Store a conversation for every standard channel of `team` (a stored team channel), so
    any of them takes the bot's messages without anyone @mentioning it there first."""
    client = await TeamsInfo.get_teams_connector_client(turn_context)
    # botbuilder's teams operations are synchronous: off the event loop.
    found = await asyncio.to_thread(client.teams.get_teams_channels, team.team_id)
    channels = [(c.id, c.name or "General") for c in found.conversations or [] if c.id]
    return conversations.add_channels(team, channels)


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
