"""Who besides the social media team reads its Teams channel, as Microsoft Graph tells
(review13c R6): a standard channel is read by everyone in its team, a shared one by people of
other teams and organisations too. Graph says it with the application permission
Channel.ReadBasic.All (admin consent); without it the bot cannot tell, and says nothing.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

import httpx

from bot.teams.graph import GraphClient, refusal
from bot.teams.tokens import TokenRefused, json_object

log = logging.getLogger(__name__)

EXPOSURES = {
    "standard": "a standard channel, which everyone in its team can read",
    "shared": "a shared channel, which people of other teams and organisations can read",
}
CHANNEL_HINTS = {
    403: "grant the app the Channel.ReadBasic.All application permission, with admin consent,"
    " for the bot to check that the team's channel is private (optional)",
}


class ChannelKinds(GraphClient):
    """Reads a team channel's membership type (standard, private or shared)."""

    async def exposure(self, team_group_id: str, channel_id: str) -> str | None:
        """Who besides its members may read the channel (see EXPOSURES); None for a private
        channel, or when Graph will not say (logged)."""
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
                return EXPOSURES.get(str(json_object(response).get("membershipType") or ""))
            reason = refusal(response, CHANNEL_HINTS)
        log.info(
            "could not tell who reads the team's channel",
            extra={"channel": channel_id, "reason": reason},
        )
        return None
