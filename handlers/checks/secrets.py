"""`SOCIALBOT_CONFIDENTIAL_TERMS`: comma-separated or one per line, each may carry `until DATE`."""

from __future__ import annotations

import re
from datetime import date

from handlers.checks.concerns import Secret

_UNTIL = re.compile(r"^(?P<term>.+?)\s+(?:until|til|bis)\s+(?P<day>\S+)$", re.IGNORECASE)


def parse_secrets(text: str) -> tuple[Secret, ...]:
    """The terms of `text` ("Polaris until 2027-01-31, Hvidsten Energi"); ValueError names a
    bad date."""
    found = []
    for entry in re.split(r"[,\n;]", text):
        entry = " ".join(entry.split())
        if not entry or entry.startswith("#"):
            continue
        match = _UNTIL.match(entry)
        if match is None:
            found.append(Secret(entry))
            continue
        try:
            until = date.fromisoformat(match["day"])
        except ValueError:
            raise ValueError(
                f"{entry!r}: write the date as YYYY-MM-DD, e.g. {match['term']} until 2027-01-31"
            ) from None
        found.append(Secret(match["term"], until))
    return tuple(found)
