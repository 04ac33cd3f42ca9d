"""Slack's request signatures, and why a run of signed requests is refused: a signing secret
that is not the app's (a typo, a regenerated secret) or a clock minutes off (review12b D1)."""

from __future__ import annotations

import hmac
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from slack_sdk.signature import SignatureVerifier

log = logging.getLogger(__name__)

# Slack's window for a request's timestamp (slack_sdk's too).
WINDOW_SECONDS = 5 * 60
# Signed requests refused in a row, none verified between, before the cause is said: one could
# be junk from the internet; a few signed ones are Slack.
REFUSED_IN_A_ROW = 3


@dataclass
class _Run:
    since: datetime
    count: int = 0
    skew: int | None = None  # seconds off this server's clock; None: the signature is wrong


class Signatures:
    """Checks each request's signature and remembers the refused ones since the last that held."""

    def __init__(self, signing_secret: str | None) -> None:
        self._verifier = SignatureVerifier(signing_secret) if signing_secret else None
        self._run: _Run | None = None

    def valid(self, body: str, stamp: str, signature: str | None) -> bool:
        """Whether Slack signed `body` at `stamp` with the app's secret within the window."""
        if self._verifier is None or not (stamp.isascii() and stamp.isdigit()) or not signature:
            return False  # unsigned: nothing Slack sent, so no sign of a wrong setting
        expected = self._verifier.generate_signature(timestamp=stamp, body=body) or ""
        skew = int(time.time()) - int(stamp)
        if hmac.compare_digest(expected, signature) and abs(skew) <= WINDOW_SECONDS:
            self._run = None
            return True
        run = self._run = self._run or _Run(datetime.now(UTC))
        run.count += 1
        run.skew = skew if hmac.compare_digest(expected, signature) else None
        if run.count == REFUSED_IN_A_ROW:
            log.warning(self._cause(run))
        return False

    def warnings(self) -> list[str]:
        """For `/healthz`: every signed Slack request refused lately, and why."""
        run = self._run
        return [self._cause(run)] if run is not None and run.count >= REFUSED_IN_A_ROW else []

    @staticmethod
    def _cause(run: _Run) -> str:
        every = f"every signed Slack request since {run.since:%Y-%m-%d %H:%M} UTC ({run.count})"
        if run.skew is None:
            return (
                f"{every} was refused: its signature does not match SLACK_SIGNING_SECRET. If"
                " they came from Slack (anyone who reaches this address can send such requests),"
                " copy the Signing Secret from the Slack app's Basic Information page again"
            )
        off = "ahead of" if run.skew > 0 else "behind"
        return (
            f"{every} was refused: this server's clock is {abs(run.skew)} s {off} Slack's, past"
            f" the {WINDOW_SECONDS // 60} minutes allowed; check its clock (NTP)"
        )
