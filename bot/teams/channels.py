"""Teams' channels for the core: the bot can post in every channel of a team the app is in,
once the channel's conversation is stored (as the gateway needs it to post): each is stored
when the app is installed, at each roster read and when a channel is created."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo

from bot.teams.conversations import TABLE, Conversation, Conversations
from handlers.channel_links import linked_channel
from handlers.core import Channel


async def learn_channels(
    turn_context: TurnContext, team: Conversation, conversations: Conversations
) -> int:
    """Store a conversation for every standard channel of `team` (a stored team channel), so
    any of them takes the bot's messages without anyone @mentioning it there first, and the
    team's group id where Teams never gave it (an install older than keeping it)."""
    client = await TeamsInfo.get_teams_connector_client(turn_context)
    # botbuilder's teams operations are synchronous: off the event loop.
    found = await asyncio.to_thread(client.teams.get_teams_channels, team.team_id)
    channels = [(c.id, c.name or "General") for c in found.conversations or [] if c.id]
    added = conversations.add_channels(team, channels)
    if team.team_id and conversations.team_group_of(team.conversation_id) is None:
        details = await asyncio.to_thread(client.teams.get_team_details, team.team_id)
        if details.aad_group_id:
            conversations.set_team_group(team.team_id, details.aad_group_id)
    return added


def _name(row: dict[str, Any]) -> str:
    """A stored channel's name, in any case."""
    conversation = json.loads(row["reference"]).get("conversation") or {}
    return str(conversation.get("name") or "").casefold()


class TeamsChannels:
    """Channels read from the stored conversations: by id, by the link Teams' "Get link to
    channel" gives, or by the name of a channel of a team the app is in."""

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
        """The channel a pasted channel link names, or the one channel called `name` (any
        case) in the teams the app is in; None when there is none, or several (every team
        has a General)."""
        if channel_id := linked_channel(name, "teams"):
            return channel_id
        rows = self.conversations.db.query(
            f"SELECT conversation_id, reference FROM {TABLE}"
            " WHERE kind = 'channel' AND uninstalled_at IS NULL"
        )
        called = [row["conversation_id"] for row in rows if _name(row) == name.casefold()]
        return called[0] if len(called) == 1 else None
