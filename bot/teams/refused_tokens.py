"""Why a run of Bot Framework tokens is refused: a MICROSOFT_APP_ID that is not the Azure Bot's
(the token is for another app), or a clock minutes off (every token looks expired or not yet
valid). Teams' counterpart of Slack's signatures (review12b D1): said in the log and on
`/healthz`, not only counted."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import jwt

log = logging.getLogger(__name__)

# Tokens refused in a row, none accepted between, before the cause is said: one could be junk
# from the internet; a few are Teams (Slack's signatures wait for as many).
REFUSED_IN_A_ROW = 3


@dataclass
class _Run:
    since: datetime
    count: int = 0
    cause: str = ""


class RefusedTokens:
    """The tokens refused since the last one accepted, and the cause the latest shows."""

    def __init__(self, app_id: str | None) -> None:
        self.app_id = app_id or ""
        self._run: _Run | None = None

    def accepted(self) -> None:
        """A token held: whatever was wrong is right now."""
        self._run = None

    def refused(self, token: str, error: Exception) -> None:
        """Note a refused token; a token that is no JWT naming an audience is junk, which says
        nothing about the settings."""
        try:
            claims = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            return
        if not isinstance(claims, dict) or "aud" not in claims:
            return
        run = self._run = self._run or _Run(datetime.now(UTC))
        run.count += 1
        run.cause = self._cause(claims, error)
        if run.count == REFUSED_IN_A_ROW:
            log.warning(self._said(run))

    def warnings(self) -> list[str]:
        """For `/healthz`: every Teams token refused lately, and why."""
        run = self._run
        return [self._said(run)] if run is not None and run.count >= REFUSED_IN_A_ROW else []

    def _cause(self, claims: dict[str, object], error: Exception) -> str:
        audience = claims.get("aud")
        if audience != self.app_id:
            return (
                f"the tokens are for the app {audience}, not MICROSOFT_APP_ID ({self.app_id});"
                " copy the Microsoft App ID from the Azure Bot's Configuration page"
            )
        now = time.time()
        expires, begins = claims.get("exp"), claims.get("nbf")
        off = (
            round(now - expires)
            if isinstance(expires, int | float) and expires < now
            else -round(begins - now)
            if isinstance(begins, int | float) and begins > now
            else 0
        )
        if off:
            side = "ahead of" if off > 0 else "behind"
            return (
                f"this server's clock is about {abs(off)} s {side} Microsoft's (the tokens look"
                " expired or not yet valid); check its clock (NTP)"
            )
        reason = str(error) or type(error).__name__
        return (
            f"{reason}; check MICROSOFT_APP_ID, MICROSOFT_APP_TYPE and MICROSOFT_APP_TENANT_ID"
            " against the Azure Bot's Configuration page"
        )

    @staticmethod
    def _said(run: _Run) -> str:
        return (
            f"every Teams request with a Bot Framework token since {run.since:%Y-%m-%d %H:%M}"
            f" UTC ({run.count}) was refused: {run.cause}. If they came from Teams (anyone who"
            " reaches this address can send such requests), nobody in Teams gets an answer"
        )
