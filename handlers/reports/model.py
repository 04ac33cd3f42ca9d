"""What a report is: its urgency, status and outcome, the people who filed it, and its history."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum

from handlers.privacy import is_forgotten
from handlers.texts import text_for
from handlers.views import Attachment


class Urgency(StrEnum):
    """How fast the team should look; a crisis pings every manager."""

    NORMAL = "normal"
    URGENT = "urgent"
    CRISIS = "crisis"

    @property
    def rank(self) -> int:
        """Order of urgency, for keeping the higher one when reports merge."""
        return list(Urgency).index(self)


class Status(StrEnum):
    """Where a report stands; `new` ones are the ones that remind the managers."""

    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"

    @property
    def is_open(self) -> bool:
        """Still being worked on (new reports merge into open ones)."""
        return self in (Status.NEW, Status.ACKNOWLEDGED)


OPEN_STATUSES = tuple(status for status in Status if status.is_open)


class Outcome(StrEnum):
    """How a resolved report ended."""

    RESPONDED = "responded"
    REMOVED = "removed"
    IGNORED = "ignored"
    ESCALATED = "escalated"

    @property
    def label(self) -> str:
        """The outcome in words."""
        return OUTCOME_LABELS[self]


OUTCOME_LABELS = {
    Outcome.RESPONDED: "Responded",
    Outcome.REMOVED: "Removed by the platform",
    Outcome.IGNORED: "Ignored on purpose",
    Outcome.ESCALATED: "Escalated to legal/PR",
}


@dataclass(frozen=True)
class Reporter:
    """Someone who reported the mention, with what they added and where they found it."""

    platform: str
    user_id: str
    name: str
    about: str
    note: str
    at: float
    source_author: str = ""
    source_channel: str = ""
    source_permalink: str = ""
    # What they sent with it (screenshots): links to the files, never the files themselves.
    files: tuple[Attachment, ...] = ()
    # The name the reported message's author had in the note, replaced when they are forgotten
    # (the directory drops it 90 days after they leave).
    source_author_name: str = ""

    @property
    def shown_name(self) -> str:
        """The name to show: as stored when they reported, or "a former employee"."""
        return self.name_in("en")

    def name_in(self, language: str) -> str:
        """The name to show: as stored when they reported, or "a former employee" in the
        reader's `language`."""
        if is_forgotten(self.user_id):
            return text_for("former_employee", language)
        return self.name or self.user_id


@dataclass(frozen=True)
class Reopening:
    """A closed report opened again: by whom (a reporter reporting it again, or a manager),
    what they said, and how it had been closed and by whom."""

    platform: str
    user_id: str
    again: bool  # reported again (else a manager pressed Reopen)
    said: str
    at: float
    earlier_status: Status
    earlier_outcome: Outcome | None
    earlier_note: str
    closed_by: tuple[str, str] | None  # (platform, user id) of the manager who closed it


@dataclass(frozen=True)
class Report:
    """A reported mention with everyone who reported it."""

    id: int
    platform: str
    where: str
    urgency: Urgency
    status: Status
    links: tuple[str, ...]
    reporters: tuple[Reporter, ...]
    created_at: float
    assignee: str = ""
    assignee_platform: str = ""  # the team's platform, which may not be the reporter's
    outcome: Outcome | None = None
    closing_note: str = ""
    nudges: int = 0
    remind_at: float = 0.0
    reopened: Reopening | None = None

    @property
    def ref(self) -> str:
        """The reference people quote: R-0042."""
        return reference(self.id)

    @property
    def first(self) -> Reporter:
        """Whoever reported it first."""
        return self.reporters[0]

    def reported_by(self, platform: str, user_id: str) -> bool:
        """Whether this person is among the reporters."""
        return any(r.platform == platform and r.user_id == user_id for r in self.reporters)


@dataclass(frozen=True)
class Event:
    """Something a manager did to a report, recorded with who and when."""

    id: int
    report_id: int
    platform: str
    user_id: str
    kind: str
    detail: str
    at: float


def reference(report_id: int) -> str:
    """R-0042 for report 42."""
    return f"R-{report_id:04d}"


_REFERENCE = re.compile(r"R-?0*(\d{1,9})", re.IGNORECASE)


def referenced(text: str) -> int | None:
    """The id of the report a typed reference names ("R-0042", "r42"), else None."""
    found = _REFERENCE.fullmatch(text.strip())
    return int(found.group(1)) if found else None


def files_json(files: tuple[Attachment, ...]) -> str:
    """Files as stored: a JSON list of [name, url, image] (and why the team cannot open it,
    when it cannot), "" for none."""
    stored = [[f.name, f.url, f.image, *([f.unseen] if f.unseen else [])] for f in files]
    return json.dumps(stored) if files else ""


def files_of(stored: str) -> tuple[Attachment, ...]:
    """The files `files_json` stored."""
    return tuple(
        Attachment(str(n), str(u), bool(i), str(unseen[0]) if unseen else "")
        for n, u, i, *unseen in json.loads(stored or "[]")
    )
