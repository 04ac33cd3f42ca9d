"""What a check finds: concerns, each with its kind, section, reason, span and fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any


class Kind(StrEnum):
    """The kinds of concern, as `socialbot check --json` prints them."""

    CONFIDENTIAL = "confidential"
    DISCLOSURE = "disclosure"
    REPLY_TO_CRITICISM = "reply_to_criticism"
    GUIDELINE = "guideline"


@dataclass(frozen=True)
class Span:
    """Where in the draft a concern is: character offsets and the text between them."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, draft: str, start: int, end: int) -> Span:
        """The span of `draft` from `start` to `end`."""
        return cls(start, end, draft[start:end])


@dataclass(frozen=True)
class Concern:
    """One thing in a draft the guidelines speak against."""

    kind: Kind
    section: str
    reason: str
    span: Span | None = None
    fix: str = ""
    # For a reply to criticism: the link to report, when the draft names one.
    report_link: str = ""

    def as_json(self) -> dict[str, Any]:
        """The contract's object: kind, section, reason, span (the text), and fix."""
        return {
            "kind": self.kind.value,
            "section": self.section,
            "reason": self.reason,
            "span": self.span.text if self.span else "",
            "fix": self.fix,
        }


@dataclass(frozen=True)
class Secret:
    """A confidential term and the last day it is secret (None: always)."""

    term: str
    until: date | None = None

    def secret_on(self, day: date) -> bool:
        """Whether the term is still confidential on `day`."""
        return self.until is None or day <= self.until


# What an admin may leave unset, and what it turns off.
MISSING = {
    "company_names": "SOCIALBOT_COMPANY_NAMES (the company's and its products' names) for the"
    " disclosure check",
    "confidential_terms": "SOCIALBOT_CONFIDENTIAL_TERMS (code names, unreleased products,"
    " customers under NDA, each with `until YYYY-MM-DD`) for confidential terms",
    "internal_domains": "SOCIALBOT_INTERNAL_DOMAINS (hosts that are never public) for internal"
    " links",
}


@dataclass(frozen=True)
class CheckSettings:
    """What the admin told the bot: the company's names, its secrets, its internal hosts."""

    company_names: tuple[str, ...] = ()
    confidential_terms: tuple[Secret, ...] = ()
    internal_domains: tuple[str, ...] = ()
    # The file the terms came from, read again when it changes.
    terms_file: Path | None = None

    def missing(self) -> tuple[str, ...]:
        """What an admin could set so that every check runs (for the admin: the start-up log,
        /healthz and `socialbot check`; never in an employee's check)."""
        return tuple(text for name, text in MISSING.items() if not getattr(self, name))


@dataclass(frozen=True)
class Result:
    """A checked draft: its concerns, and settings the checks needed but did not have."""

    draft: str
    concerns: tuple[Concern, ...] = ()
    missing_settings: tuple[str, ...] = ()
    by_model: bool = False
    language: str = "en"

    @property
    def ok(self) -> bool:
        """Nothing in the guidelines speaks against the draft."""
        return not self.concerns

    @property
    def kinds(self) -> frozenset[Kind]:
        """The kinds of concern found."""
        return frozenset(concern.kind for concern in self.concerns)

    def as_json(self) -> dict[str, Any]:
        """One line of `socialbot check --json`."""
        return {
            "draft": self.draft,
            "ok": self.ok,
            "concerns": [concern.as_json() for concern in self.concerns],
        }


@dataclass(frozen=True)
class Context:
    """Who asks, beyond the draft: their profile text and the links of open reports (keys)."""

    profile: str = ""
    open_report_keys: frozenset[str] = field(default_factory=frozenset)
    today: date | None = None
    # The asker's language (their client's): a draft that reads as it and another alike
    # (Norwegian and Danish share most words) is answered in it.
    language: str = ""
