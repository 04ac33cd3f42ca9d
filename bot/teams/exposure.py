"""Who besides the social media team reads its Teams channel, as Microsoft Graph tells
(review13c R6): a standard channel is read by everyone in its team, which is the social media
team alone when its roster holds only managers and admins (review15a R5), a shared one by people
of other teams and organisations too. Graph says it with the application permission
Channel.ReadBasic.All (admin consent); without it the bot cannot tell, and says nothing.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

import httpx

from bot.teams.graph import GraphClient, refusal
from bot.teams.tokens import TokenRefused, json_object

log = logging.getLogger(__name__)

SHARED = "a shared channel, which people of other teams and organisations can read"
# What to do instead: a private channel is not listed to the bot (bot/teams/channels.py).
REMEDY = "make it a standard channel of a team of the social media team alone"
CHANNEL_HINTS = {
    403: "grant the app the Channel.ReadBasic.All application permission, with admin consent,"
    " for the bot to check who reads the team's channel (optional)",
}


def exposure(membership: str | None, outsiders: int | None) -> str | None:
    """Who besides the social media team reads a channel of `membership` type (Graph's
    `standard`, `private` or `shared`) in a team whose roster holds `outsiders` people who are
    neither managers nor admins (None: its roster was never read); None when nobody does, or
    Graph did not say."""
    if membership == "shared":
        return SHARED
    if membership == "standard" and outsiders is None:
        return (
            "a standard channel, which everyone in its team reads, and Teams has not let the bot"
            " read its team's roster to tell whether anyone besides the social media managers"
            " and admins is in it"
        )
    if membership != "standard" or not outsiders:
        return None
    people = "1 person who is" if outsiders == 1 else f"{outsiders} people who are"
    return (
        f"a standard channel, which everyone in its team reads, and its team has {people}"
        " neither a social media manager nor an admin"
    )


class ChannelKinds(GraphClient):
    """Reads a team channel's membership type (standard, private or shared)."""

    async def membership(self, team_group_id: str, channel_id: str) -> str | None:
        """The channel's membership type (`standard`, `private` or `shared`); None when Graph
        will not say (logged)."""
        if not self.configured:
            return None
        url = (
            f"{self.graph_url}teams/{quote(team_group_id, safe='')}/channels/"
            f"{quote(channel_id, safe='')}?$select=membershipType"
        )
        try:
            token = await self.token()
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.get(url, headers={"Authorization": f"Bearer {token}"})
        except (TokenRefused, httpx.HTTPError) as error:
            reason = str(error) or repr(error)
        else:
            if response.status_code == 200:
                return str(json_object(response).get("membershipType") or "") or None
            reason = refusal(response, CHANNEL_HINTS)
        log.info(
            "could not tell who reads the team's channel",
            extra={"channel": channel_id, "reason": reason},
        )
        return None
