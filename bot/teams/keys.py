"""Bot Framework's token signing keys, fetched and refreshed in the background with timeouts.

botbuilder 4.17 fetches the OpenID metadata and keys with a blocking `requests.get` without a
timeout, on the event loop, the first time a token arrives (and when a token names a key it
does not know): with a slow metadata endpoint one forged token stalls the whole bot. Here the
keys are read at start and twice a day in the background, with aiohttp and a timeout; a token
waits (without blocking anyone else) only for a reading already under way, and an unknown key
asks for a new reading at most every few minutes.

botbuilder has no hook for this but its class-level cache of metadata by URL
(`JwtTokenExtractor.metadataCache`), so `install` puts these stores there: the Teams channel's
URL is served by `SigningKeys`, any other (the Emulator's, skills', government clouds', none of
which a Teams bot with an app id accepts) by a store without keys, which refuses every token.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from botframework.connector.auth import AuthenticationConstants, JwtTokenExtractor
from jwt.algorithms import RSAAlgorithm

log = logging.getLogger(__name__)

CHANNEL_METADATA_URL = AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
METADATA_PATH = "v1/.well-known/openidconfiguration"  # below the Bot Framework login URL
TIMEOUT_SECONDS = 10.0
REFRESH_SECONDS = 12 * 3600  # Microsoft rotates keys with weeks of overlap; botbuilder: daily
RETRY_SECONDS = 300  # after a failed reading, or when a token names a key not seen yet
MAX_KEYS = 100


class UnknownSigningKey(PermissionError):
    """The token names no signing key Bot Framework publishes (or the keys could not be read)."""


@dataclass(frozen=True)
class SigningKey:
    """One key as botbuilder's token check reads it: `public_key` and `endorsements`."""

    public_key: Any
    endorsements: list[str]


class SigningKeys:
    """The signing keys behind one OpenID metadata URL, kept fresh in the background."""

    def __init__(self, metadata_url: str, timeout: float = TIMEOUT_SECONDS) -> None:
        self.metadata_url = metadata_url
        self.timeout = timeout
        self._keys: dict[str, SigningKey] = {}
        self._reading: asyncio.Task[None] | None = None
        self._last_attempt = float("-inf")
        self._read_at: float | None = None
        self._error: str | None = None
        self._refresher: asyncio.Task[None] | None = None

    async def get(self, key_id: str | None) -> SigningKey:
        """The key a token names (botbuilder's interface); waits only for a reading under way."""
        if key_id not in self._keys and time.monotonic() - self._last_attempt >= RETRY_SECONDS:
            self.refresh_soon()
        if key_id not in self._keys and self._reading is not None:
            await asyncio.wait({self._reading}, timeout=self.timeout)
        key = self._keys.get(key_id or "")
        if key is None:
            raise UnknownSigningKey("the token names no known Bot Framework signing key")
        return key

    def refresh_soon(self) -> asyncio.Task[None]:
        """Start a reading of the keys unless one is under way; the task of that reading."""
        if self._reading is None or self._reading.done():
            self._last_attempt = time.monotonic()
            self._reading = asyncio.create_task(self._read(), name="read signing keys")
        return self._reading

    def start(self) -> None:
        """Read the keys now and then every REFRESH_SECONDS, in the background."""
        if self._refresher is None:
            self._refresher = asyncio.create_task(self._refresh_forever(), name="signing keys")

    async def stop(self) -> None:
        """Stop reading keys."""
        tasks = [task for task in (self._refresher, self._reading) if task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._refresher = self._reading = None

    def unreadable(self) -> str | None:
        """Why no key is known, once a reading failed: every token is refused meanwhile."""
        if self._keys or self._error is None:
            return None
        host = urlsplit(self.metadata_url).netloc
        return (
            f"cannot read Bot Framework's signing keys from {host} ({self._error}): every Teams"
            f" request is refused until then; allow outbound HTTPS to {host} (through"
            " HTTPS_PROXY if the server's way out is a proxy)"
        )

    def health(self) -> dict[str, Any]:
        """How many keys are known, when they were read and the last reading's error."""
        read_at = self._read_at
        return {
            "signing_keys": len(self._keys),
            "keys_read_seconds_ago": None if read_at is None else round(time.monotonic() - read_at),
            "keys_error": self._error,
        }

    async def _refresh_forever(self) -> None:
        while True:
            await self.refresh_soon()
            await asyncio.sleep(RETRY_SECONDS if self._error else REFRESH_SECONDS)

    async def _read(self) -> None:
        try:
            timeout = aiohttp.ClientTimeout(total=self.timeout)
            # trust_env: through HTTPS_PROXY (and NO_PROXY) when the server's way out is one.
            async with aiohttp.ClientSession(timeout=timeout, trust_env=True) as session:
                metadata = await _json(session, self.metadata_url)
                keys = (await _json(session, str(metadata["jwks_uri"])))["keys"]
            self._keys = {str(key["kid"]): _signing_key(key) for key in keys[:MAX_KEYS]}
        except Exception as error:  # every way a reading fails leaves the last keys in place
            self._error = f"{type(error).__name__}: {error}"[:300]
            log.warning(
                "could not read Bot Framework's signing keys",
                extra={"url": self.metadata_url, "error": self._error},
            )
            return
        self._read_at, self._error = time.monotonic(), None
        log.info("read Bot Framework's signing keys", extra={"keys": len(self._keys)})


class NoSigningKeys:
    """A metadata URL the bot does not serve: every token naming it is refused, nothing read."""

    async def get(self, key_id: str | None) -> SigningKey:
        """Refuse (botbuilder's interface)."""
        raise UnknownSigningKey("tokens of this issuer are not accepted")


class _Stores(dict[str, Any]):
    """botbuilder's metadata cache: ours for the channel's URL, a refusal for any other."""

    def __init__(self, channel: SigningKeys) -> None:
        super().__init__({CHANNEL_METADATA_URL: channel})

    def get(self, url: str, default: Any = None) -> Any:
        return super().get(url) or NoSigningKeys()


def install(login_url: str) -> SigningKeys:
    """The Teams channel's keys, read below `login_url`, put where botbuilder looks for them."""
    channel = SigningKeys(login_url.rstrip("/") + "/" + METADATA_PATH)
    JwtTokenExtractor.metadataCache = _Stores(channel)
    return channel


async def _json(session: aiohttp.ClientSession, url: str) -> dict[str, Any]:
    async with session.get(url) as response:
        response.raise_for_status()
        found = json.loads(await response.read())
    if not isinstance(found, dict):
        raise ValueError(f"{url} answered no JSON object")
    return found


def _signing_key(jwk: dict[str, Any]) -> SigningKey:
    endorsements = jwk.get("endorsements") or []
    return SigningKey(RSAAlgorithm.from_jwk(json.dumps(jwk)), [str(e) for e in endorsements])
