"""Microsoft Graph, app-only: who is in an Entra group named in the role settings.

The bot's own credentials (MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID)
get a token in the client-credentials flow; the app needs the application permission
GroupMember.Read.All, granted with admin consent.
"""

from __future__ import annotations

import asyncio
from typing import Any, Self

import httpx

from bot.settings import Settings
from bot.teams.tokens import AppTokens, TokenRefused, json_object
from handlers.groups import GroupGone, GroupUnreadable

GRAPH_SCOPE = "https://graph.microsoft.com"
PAGE_SIZE = 999  # the most users Graph lists in one page (it lists 100 unless asked)

# Graph throttles (429) or is briefly unavailable (503): wait its Retry-After and ask again, a
# few times, each wait at most the longest; a longer wait is left to the next reading.
BUSY = (429, 503)
BUSY_TRIES = 4
BUSY_WAIT_SECONDS = (2.0, 60.0)  # without Retry-After, and the longest wait

# What to do about Graph's refusals that a person can put right.
GRAPH_HINTS = {
    403: "grant the app the GroupMember.Read.All application permission, with admin consent",
    404: "there is no such group in the tenant; check its object id",
}


class GraphClient:
    """Microsoft Graph, app-only, with the bot's credentials."""

    def __init__(
        self,
        app_id: str,
        secret: str,
        tenant_id: str,
        graph_url: str = "https://graph.microsoft.com/v1.0/",
        login_url: str = "https://login.microsoftonline.com/",
        timeout: float = 30.0,
    ) -> None:
        self.app_id = app_id
        self._secret = secret
        self.tenant_id = tenant_id
        self.graph_url = graph_url
        self.login_url = login_url
        self.timeout = timeout
        self._tokens = AppTokens(app_id, secret, tenant_id, GRAPH_SCOPE, login_url, timeout)

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """The client with the bot's credentials and the Graph and login URLs of `settings`."""
        secret = settings.microsoft_app_password
        return cls(
            settings.microsoft_app_id or "",
            secret.get_secret_value() if secret else "",
            settings.microsoft_app_tenant_id or "",
            settings.microsoft_graph_url,
            settings.microsoft_login_url,
        )

    @property
    def configured(self) -> bool:
        """Whether the bot's credentials are all set."""
        return bool(self.app_id and self._secret and self.tenant_id)

    async def token(self) -> str:
        """An app-only Graph token, reused until shortly before it expires; TokenRefused says
        why there is none."""
        return await self._tokens.token()


def refusal(response: httpx.Response, hints: dict[int, str]) -> str:
    """What Graph's error answer says, and what to do about its status (`hints`)."""
    error = json_object(response).get("error")
    if not isinstance(error, dict):
        error = {}
    code = str(error.get("code") or f"HTTP {response.status_code}")
    message = str(error.get("message") or "")
    hint = hints.get(response.status_code, "")
    return "; ".join(part for part in (code, message, hint) if part)


class EntraGroups(GraphClient):
    """Reads the members of Entra groups (nested groups included) from Microsoft Graph."""

    async def members(self, group_id: str) -> list[str]:
        """The Entra object ids of the users in the group, page by page; GroupUnreadable says
        why Graph would not tell."""
        if not self.configured:
            raise GroupUnreadable(
                "set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID "
                "to read Entra groups"
            )
        url = f"{self.graph_url}groups/{group_id}/transitiveMembers/microsoft.graph.user"
        found: list[str] = []
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                token = await self._app_token()
                # Casting to users is an advanced query: it needs $count and ConsistencyLevel.
                next_url = f"{url}?$select=id&$top={PAGE_SIZE}&$count=true"
                while next_url:
                    page = await self._page(client, next_url, token)
                    found += [str(user["id"]) for user in page.get("value") or [] if user.get("id")]
                    next_url = str(page.get("@odata.nextLink") or "")
                    if next_url and not next_url.startswith(self.graph_url):
                        # The token must not go anywhere but Graph.
                        raise GroupUnreadable(f"Graph's next page is elsewhere: {next_url}")
        except httpx.HTTPError as error:
            raise GroupUnreadable(
                f"cannot reach Microsoft: {error or type(error).__name__}"
            ) from None
        return found

    async def _app_token(self) -> str:
        """An app-only Graph token, reused until shortly before it expires."""
        try:
            return await self.token()
        except TokenRefused as error:
            raise GroupUnreadable(str(error)) from None

    async def _page(self, client: httpx.AsyncClient, url: str, token: str) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}", "ConsistencyLevel": "eventual"}
        response = await client.get(url, headers=headers)
        for _ in range(BUSY_TRIES - 1):
            wait = _busy_wait(response)
            if wait is None:
                break
            await asyncio.sleep(wait)
            response = await client.get(url, headers=headers)
        if response.status_code != 200:
            gone = GroupGone if response.status_code == 404 else GroupUnreadable
            raise gone(refusal(response, GRAPH_HINTS))
        return json_object(response)


def retry_after(response: httpx.Response) -> float:
    """How long Graph asks to be left alone after throttling (its Retry-After, in seconds),
    or a short while when it does not say."""
    default, _ = BUSY_WAIT_SECONDS
    try:
        return max(float(response.headers.get("Retry-After", default)), 0.0)
    except ValueError:
        return default


def _busy_wait(response: httpx.Response) -> float | None:
    """How long to wait before asking again when Graph throttled or was busy; None when the
    answer stands (a success, a refusal, or a Retry-After longer than worth waiting)."""
    if response.status_code not in BUSY:
        return None
    wait = retry_after(response)
    return wait if wait <= BUSY_WAIT_SECONDS[1] else None
