"""`SOCIALBOT_CONFIDENTIAL_TERMS`: comma-separated or one per line, each may carry `until DATE`;
a file of them is read again when it changes."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from handlers.checks.concerns import Secret

log = logging.getLogger(__name__)

_UNTIL = re.compile(r"^(?P<term>.+?)\s+(?:until|til|bis)\s+(?P<day>\S+)$", re.IGNORECASE)
# A comment line of a terms file: a `#` alone or before a space; one that starts a word is a
# hashtag term ("#PolarisLaunch").
_COMMENT = re.compile(r"#(?:\s|$)")


def parse_secrets(text: str) -> tuple[Secret, ...]:
    """The terms of `text` ("Polaris until 2027-01-31, Hvidsten Energi"); ValueError names a
    bad date by the entry's place, never by its term (the message reaches the logs)."""
    found = []
    for place, entry in enumerate(re.split(r"[,\n;]", text), start=1):
        entry = " ".join(entry.split())
        if not entry or _COMMENT.match(entry):
            continue
        match = _UNTIL.match(entry)
        if match is None:
            found.append(Secret(entry))
            continue
        try:
            until = date.fromisoformat(match["day"])
        except ValueError:
            raise ValueError(
                f"the date {match['day']!r} of entry {place} is not a date: write it as"
                " YYYY-MM-DD, e.g. Project X until 2027-01-31"
            ) from None
        found.append(Secret(match["term"], until))
    return tuple(found)


def _read(path: Path) -> str:
    """The text of a terms file, without the byte-order mark Windows Notepad writes first (it
    would be part of the first term, which then never matches)."""
    return path.read_text(encoding="utf-8-sig")


@dataclass(frozen=True)
class ConfidentialTerms:
    """`SOCIALBOT_CONFIDENTIAL_TERMS` as read at start: the terms, and the file they are in
    when it names one."""

    terms: tuple[Secret, ...] = ()
    path: Path | None = None


def read_terms(value: str) -> ConfidentialTerms:
    """The terms of the setting: comma-separated, or the path of a file with one per line."""
    path = Path(value.strip())
    if "," not in value and path.suffix and path.is_file():
        return ConfidentialTerms(parse_secrets(_read(path)), path)
    return ConfidentialTerms(parse_secrets(value))


class TermsFile:
    """The confidential terms in a file, read again whenever the file changes; a version that
    cannot be read keeps the last good terms, and says so in one log line."""

    def __init__(self, path: Path, terms: tuple[Secret, ...]) -> None:
        self.path = path
        self._terms = terms
        self._stamp: tuple[int, int] | None = None
        try:
            status = path.stat()
            self._stamp = (status.st_mtime_ns, status.st_size)  # `terms` were read from this
        except OSError:
            pass

    @property
    def terms(self) -> tuple[Secret, ...]:
        """The terms as the file says now, or the last good ones."""
        try:
            status = self.path.stat()
            stamp: tuple[int, int] | None = (status.st_mtime_ns, status.st_size)
        except OSError:
            stamp = None
        if stamp == self._stamp:
            return self._terms
        self._stamp = stamp
        try:
            self._terms = parse_secrets(_read(self.path))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            log.warning(
                "cannot read the confidential terms; keeping the last good ones",
                extra={"path": str(self.path), "error": str(error)},
            )
        else:
            log.info("confidential terms read again", extra={"terms": len(self._terms)})
        return self._terms
