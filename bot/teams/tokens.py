"""The app's own tokens (client-credentials flow), fetched with an async HTTP client.

botbuilder signs each Bot Connector request in msrest's pipeline by calling the credentials'
synchronous `get_access_token`, which asks msal, which fetches a token with `requests`: on the
event loop, holding every chat while Entra answers. Here the adapter fetches the token ahead,
asynchronously, before each turn and each proactive message, and the credentials only hand out
the token so fetched. Graph's token comes from the same place.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, ResourceResponse
from botframework.connector.auth import (
    AuthenticationConstants,
    MicrosoftAppCredentials,
    PasswordServiceClientCredentialFactory,
)
from msrest.authentication import Authentication
from msrest.exceptions import HttpOperationError

from bot.settings import Settings
from bot.teams import connector_errors

log = logging.getLogger(__name__)

BOT_FRAMEWORK_SCOPE = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
MARGIN_SECONDS = 60.0  # a token this close to expiring is not used for another request
TIMEOUT_SECONDS = 10.0  # for the whole fetch: connecting, sending and the answer
BACK_OFF_SECONDS = 30.0  # a failed fetch is not tried again for this long
# A turn's answer that Teams refused for a moment is sent again this many times, waiting at
# most this long for a throttle: Teams waits about 15 s for the turn, then delivers it again.
REPLY_RETRIES = 2
REPLY_WAIT_SECONDS = 5.0
GATEWAY_WAIT_SECONDS = 0.5
# What Teams refuses for a moment (throttled, its gateway failing): after the retries above, a
# turn's answer so refused is sent later (`FetchingAdapter.later`), not dropped.
FOR_A_MOMENT = frozenset((429, 502, 503, 504))


class TokenRefused(Exception):
    """Entra refused the app's credentials, or could not be reached."""


class NoToken(PermissionError):
    """A Bot Connector request with no token to sign it: it was never sent. (botbuilder's
    credentials raise PermissionError when msal is refused; this is one too.)"""


def json_object(response: httpx.Response) -> dict[str, Any]:
    """The response's JSON object, or {} when it has none."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


class AppTokens:
    """Tokens for one scope, reused until shortly before they expire. One fetch at a time,
    shared by every caller waiting for it, bounded by `timeout`; a fetch that failed is
    answered from memory for `BACK_OFF_SECONDS` (and logged once, with `log_failures`), so
    while Microsoft's login is down the turns waiting on it fail at once instead of each
    trying again."""

    def __init__(
        self,
        app_id: str,
        secret: str,
        tenant: str,
        scope: str,
        login_url: str = "https://login.microsoftonline.com/",
        timeout: float = TIMEOUT_SECONDS,
        *,
        log_failures: bool = False,
    ) -> None:
        self.app_id = app_id
        self._secret = secret
        self.tenant = tenant
        self.scope = scope
        self.login_url = login_url
        self.timeout = timeout
        self._token = ""
        self._expires_at = 0.0
        self._fetched_at = 0.0
        self._fetching: asyncio.Task[str] | None = None
        self._refused = ""  # why the last fetch failed, while it is remembered
        self._refused_until = 0.0
        self._log_failures = log_failures

    def refused(self) -> str | None:
        """Why the last fetch failed; None once one succeeded (or before the first)."""
        return self._refused or None

    def forget(self, refused_at: float) -> None:
        """Drop the token a request was refused with at `refused_at` (monotonic), unless a
        newer one was fetched since: the next caller fetches another."""
        if self._fetched_at <= refused_at:
            self._token, self._expires_at = "", 0.0

    def cached(self) -> str | None:
        """The token, while it is good for another request."""
        return self._token if self._token and time.monotonic() < self._expires_at else None

    async def token(self) -> str:
        """A good token, fetched when there is none; TokenRefused says why there is not."""
        if (token := self.cached()) is not None:
            return token
        if time.monotonic() < self._refused_until:
            raise TokenRefused(self._refused)
        if self._fetching is None:
            self._fetching = asyncio.create_task(self._fetch_once(), name="app token")
            self._fetching.add_done_callback(self._fetched)
        # Shielded: a caller that gives up (a cancelled turn) leaves the fetch to the others.
        return await asyncio.shield(self._fetching)

    def _fetched(self, task: asyncio.Task[str]) -> None:
        self._fetching = None
        if not task.cancelled():
            task.exception()  # retrieved here too, in case every waiter gave up

    async def _fetch_once(self) -> str:
        try:
            async with (
                asyncio.timeout(self.timeout),
                httpx.AsyncClient(timeout=self.timeout) as client,
            ):
                return await self._fetch(client)
        except TimeoutError:
            error = TokenRefused(f"cannot reach Microsoft: no answer in {self.timeout:g} s")
        except TokenRefused as refused:
            error = refused
        self._refused = str(error)
        self._refused_until = time.monotonic() + BACK_OFF_SECONDS
        if self._log_failures:
            log.error(
                "no token from Microsoft; asking again in a while",
                extra={"scope": self.scope, "error": str(error), "retry_in": BACK_OFF_SECONDS},
            )
        raise error

    async def _fetch(self, client: httpx.AsyncClient) -> str:
        try:
            response = await client.post(
                f"{self.login_url}{self.tenant}/oauth2/v2.0/token",
                data={
                    "client_id": self.app_id,
                    "client_secret": self._secret,
                    "scope": f"{self.scope}/.default",
                    "grant_type": "client_credentials",
                },
            )
        except httpx.HTTPError as error:
            raise TokenRefused(f"cannot reach Microsoft: {error or type(error).__name__}") from None
        body = json_object(response)
        if response.status_code != 200 or not body.get("access_token"):
            # Entra's descriptions run on with trace ids and timestamps; the first line says it.
            described = str(body.get("error_description") or "").splitlines()[:1]
            code = str(body.get("error") or f"HTTP {response.status_code}")
            reason = ": ".join([code, *described])
            raise TokenRefused(f"Microsoft refused the app's credentials: {reason}")
        self._token, self._refused = str(body["access_token"]), ""
        self._fetched_at = time.monotonic()
        lifetime = float(body.get("expires_in") or 0)
        self._expires_at = time.monotonic() + lifetime - MARGIN_SECONDS
        return self._token


class _FetchedAhead(MicrosoftAppCredentials):  # type: ignore[misc]
    """botbuilder's credentials, handing out the token the adapter fetched ahead."""

    def __init__(self, tokens: AppTokens, app_id: str, oauth_scope: str) -> None:
        super().__init__(app_id, "", tokens.tenant, oauth_scope)
        self._tokens = tokens

    def get_access_token(self, force_refresh: bool = False) -> str:
        token = self._tokens.cached()
        if token is None:  # the fetch ahead failed, and said why in the log
            raise NoToken("no Bot Framework token: Microsoft refused or could not be reached")
        return token


def connector_tokens(settings: Settings) -> tuple[AppTokens, FetchedAheadCredentials] | None:
    """The Bot Connector's tokens and the credentials factory handing them out, for an app
    with a password (a managed identity keeps botbuilder's own); None with auth off."""
    password = settings.microsoft_app_password
    if not settings.microsoft_app_id or password is None:
        return None
    if settings.microsoft_app_type == "UserAssignedMSI":
        return None
    tenant = (
        settings.microsoft_app_tenant_id if settings.microsoft_app_type == "SingleTenant" else None
    )
    tokens = AppTokens(
        settings.microsoft_app_id,
        password.get_secret_value(),
        tenant or AuthenticationConstants.DEFAULT_CHANNEL_AUTH_TENANT,
        BOT_FRAMEWORK_SCOPE,
        settings.microsoft_login_url,
        log_failures=True,  # the turns and sends that go without it say no more
    )
    return tokens, FetchedAheadCredentials(tokens, password.get_secret_value(), tenant)


class FetchedAheadCredentials(PasswordServiceClientCredentialFactory):  # type: ignore[misc]
    """The credentials factory for an app id and password: Bot Connector credentials use the
    token of `tokens`; any other audience keeps botbuilder's own."""

    def __init__(self, tokens: AppTokens, password: str, tenant: str | None) -> None:
        super().__init__(tokens.app_id, password, tenant)
        self.tokens = tokens

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Authentication:
        """Credentials for the Bot Connector's audience from the token fetched ahead."""
        if (
            not await self.is_authentication_disabled()
            and await self.is_valid_app_id(app_id)
            and (oauth_scope or BOT_FRAMEWORK_SCOPE) == BOT_FRAMEWORK_SCOPE
        ):
            return _FetchedAhead(self.tokens, app_id, BOT_FRAMEWORK_SCOPE)
        own: Authentication = await super().create_credentials(
            app_id, oauth_scope, login_endpoint, validate_authority
        )
        return own


class FetchingAdapter(CloudAdapter):  # type: ignore[misc]
    """The CloudAdapter, with the Bot Connector's token fetched (asynchronously) before each
    turn, proactive turn and new conversation that may call the Bot Connector."""

    tokens: AppTokens | None = None
    # Where a turn's answer goes that Teams refused for longer than the turn can wait: called
    # with the turn, the answer and the seconds Teams asked to wait; None: the turn fails.
    later: Callable[[TurnContext, Activity, float], None] | None = None

    async def process_activity(self, *args: Any, **kwargs: Any) -> Any:
        """Fetch the token, then run the turn."""
        await self._fetch_token()
        return await super().process_activity(*args, **kwargs)

    async def continue_conversation(self, *args: Any, **kwargs: Any) -> Any:
        """Fetch the token, then run the proactive turn."""
        await self._fetch_token()
        return await super().continue_conversation(*args, **kwargs)

    async def create_conversation(self, *args: Any, **kwargs: Any) -> Any:
        """Fetch the token, then create the conversation."""
        await self._fetch_token()
        return await super().create_conversation(*args, **kwargs)

    def forget_token(self, refused_at: float) -> bool:
        """Drop the token the Bot Connector refused (401) at `refused_at` (monotonic); whether
        a request with a new one may go through where it did not."""
        if self.tokens is None:
            return False
        self.tokens.forget(refused_at)
        return True

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        """Send a turn's answers one by one, each again where Teams refused it for a moment:
        throttled (429, after a Retry-After short enough for the turn), a gateway that dropped
        it (502-504; a reply twice beats none), or a token refused (401, with a new one). One
        still refused for a moment, and those after it, are handed to `later`."""
        responses: list[ResourceResponse] = []
        for index, activity in enumerate(activities):
            for attempt in itertools.count():
                try:
                    responses += await super().send_activities(context, [activity])
                    break
                except HttpOperationError as error:
                    wait = await self._again_after(error, attempt)
                    if wait is not None:
                        await asyncio.sleep(wait)
                        continue
                    if self.later is None or connector_errors.status(error) not in FOR_A_MOMENT:
                        raise
                    throttled = connector_errors.status(error) == 429
                    asked = connector_errors.retry_after(error) if throttled else 0.0
                    for left in activities[index:]:
                        self.later(context, left, asked)
                    return responses + [ResourceResponse() for _ in activities[index:]]
        return responses

    async def _again_after(self, error: HttpOperationError, attempt: int) -> float | None:
        """How long to wait before sending an answer Teams refused again; None: not again."""
        code = connector_errors.status(error)
        if attempt >= REPLY_RETRIES:
            return None
        if code == 429:
            wait = connector_errors.retry_after(error)
            return wait if wait <= REPLY_WAIT_SECONDS else None
        if code in (502, 503, 504):
            return GATEWAY_WAIT_SECONDS
        if code == 401 and attempt == 0 and self.forget_token(time.monotonic()):
            await self._fetch_token()
            return 0.0
        return None

    async def _fetch_token(self) -> None:
        if self.tokens is None:
            return
        # Without a token the Bot Connector call that follows fails with PermissionError, as
        # it does when msal is refused; the tokens logged why, once per fetch.
        with contextlib.suppress(TokenRefused):
            await self.tokens.token()
