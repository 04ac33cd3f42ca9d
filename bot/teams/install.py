"""The app installing itself for a person through Microsoft Graph (proactive installation), so
that Teams opens the chat the bot needs to reach a social media manager who never opened it.

Graph needs the application permissions in `GRANTS` (install itself for a user; find itself in
the organisation's app catalog), granted with admin consent, and the app published to the
organisation's app store. Teams then tells the bot of the install (a conversationUpdate in the
person's chat), which stores the chat; what was kept for the person goes then.
"""

from __future__ import annotations

from urllib.parse import quote

import httpx

from bot.teams.graph import GraphClient, refusal
from bot.teams.tokens import TokenRefused, json_object

GRANTS = "TeamsAppInstallation.ReadWriteSelfForUser.All and AppCatalog.Read.All"
HINTS = {403: f"grant the app the application permissions {GRANTS}, with admin consent"}
UNPUBLISHED = (
    "the app is not in the organisation's app store, and Graph installs only published apps:"
    " upload it (Teams admin center, Teams apps, Manage apps)"
)


class NotInstalled(Exception):
    """Graph did not install the app for someone; the message says why and what to do."""


class SelfInstall(GraphClient):
    """Installs the bot's Teams app for people, app-only, through Microsoft Graph."""

    _catalog_id = ""  # the app's id in the organisation's catalog, once found

    async def install_for(self, user_id: str) -> bool:
        """Install the app for the person `user_id` (an Entra object id); False when they had
        it already. NotInstalled says why Graph would not."""
        if not self.configured:
            raise NotInstalled(
                "set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID"
            )
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                headers = {"Authorization": f"Bearer {await self.token()}"}
                app = await self._in_catalog(client, headers)
                response = await client.post(
                    f"{self.graph_url}users/{quote(user_id)}/teamwork/installedApps",
                    json={"teamsApp@odata.bind": f"{self.graph_url}appCatalogs/teamsApps/{app}"},
                    headers=headers,
                )
        except TokenRefused as error:
            raise NotInstalled(str(error)) from None
        except httpx.HTTPError as error:
            raise NotInstalled(f"cannot reach Microsoft: {error or type(error).__name__}") from None
        if response.status_code == 409:  # installed already
            return False
        if response.status_code not in (200, 201):
            raise NotInstalled(refusal(response, HINTS))
        return True

    async def _in_catalog(self, client: httpx.AsyncClient, headers: dict[str, str]) -> str:
        """The app's id in the organisation's catalog (not the manifest's id)."""
        if not self._catalog_id:
            response = await client.get(
                f"{self.graph_url}appCatalogs/teamsApps",
                params={"$filter": f"externalId eq '{self.app_id}'"},
                headers=headers,
            )
            if response.status_code != 200:
                raise NotInstalled(refusal(response, HINTS))
            found = [app for app in json_object(response).get("value") or [] if app.get("id")]
            if not found:
                raise NotInstalled(UNPUBLISHED)
            self._catalog_id = str(found[0]["id"])
        return self._catalog_id
