"""The triage rules: who may act, what each action changes, and when reminders are due."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from handlers.command_words import typed
from handlers.errors import NotAllowed, UserError
from handlers.people import Person, Role
from handlers.reports import ids
from handlers.reports.model import Outcome, Report, Status, Urgency
from handlers.texts import text_for

CRISIS_ACK_MINUTES = 5
SNOOZE_CHOICES = (60, 240)  # minutes offered on a reminder
FOLLOW_UP_EVERY = 86400.0  # an acknowledged report still open is reminded of once a day
# The longest wait between two reminders of a report nobody acknowledged: a day (a working
# day for a normal one, whose reminders keep to working hours), an hour for a crisis.
CRISIS_REMINDED_EVERY = 3600.0


@dataclass(frozen=True)
class AckWindows:
    """Minutes a report may wait unacknowledged before the managers are nudged."""

    normal: int = 30
    crisis: int = CRISIS_ACK_MINUTES

    def minutes(self, urgency: Urgency) -> int:
        """The window for `urgency`; a crisis never waits longer than any other report."""
        return min(self.crisis, self.normal) if urgency is Urgency.CRISIS else self.normal

    def first_reminder(self, created_at: float, urgency: Urgency) -> float:
        """When a new report first nudges the managers."""
        return created_at + self.minutes(urgency) * 60

    def next_reminder(self, now: float, urgency: Urgency, nudges: int) -> float:
        """After the `nudges`-th reminder, the next one: the window doubles each time, up to a
        day (an hour for a crisis), so a report nobody acknowledges is never left to fade
        (review17a M10: 10, 21, 43 days apart after a week); never sooner than the window set
        (review17b R2: a window set above the cap)."""
        longest = CRISIS_REMINDED_EVERY if urgency is Urgency.CRISIS else FOLLOW_UP_EVERY
        backoff = self.minutes(urgency) * 60.0 * (1 << min(nudges, 32))
        return now + max(self.minutes(urgency) * 60.0, min(backoff, longest))


def follow_up_after(urgency: Urgency) -> float:
    """Seconds an acknowledged report may stay open, unchanged, before whoever holds it is
    reminded of it: a day for an urgent or crisis one, three for a normal one."""
    return 86400.0 * (3 if urgency is Urgency.NORMAL else 1)


def require_manager(person: Person, language: str) -> None:
    """Refuse politely, in the person's `language`, unless `person` is a social media
    manager."""
    if not person.has(Role.MANAGER):
        command = typed(person.platform, ids.COMMAND, "list")
        raise NotAllowed(text_for("not_a_manager", language, command=command))


def _require_open(report: Report) -> None:
    if not report.status.is_open:
        raise UserError(f"{report.ref} is already closed ({report.status.value}).")


@dataclass(frozen=True)
class Change:
    """What one manager action does: the event kind, its detail and the columns it sets."""

    kind: str
    detail: str
    columns: dict[str, Any]


def acknowledge(report: Report) -> Change | None:
    """Acknowledge a new report (None: it already was)."""
    _require_open(report)
    if report.status is not Status.NEW:
        return None
    return Change("acknowledged", "", {"status": Status.ACKNOWLEDGED.value})


def assign(report: Report, platform: str, assignee: str) -> Change | None:
    """Give the report to `assignee` on `platform` (acknowledging it); None when it is theirs
    already."""
    _require_open(report)
    if (report.assignee_platform, report.assignee) == (platform, assignee):
        return None
    columns = {"status": Status.ACKNOWLEDGED.value, "assignee": assignee}
    return Change("assigned", assignee, {**columns, "assignee_platform": platform})


def holder(report: Report) -> tuple[str, str] | None:
    """Who holds the open report, as (platform, user id); None: nobody yet, or it is closed."""
    if not report.status.is_open or not report.assignee:
        return None
    return report.assignee_platform, report.assignee


class Held(UserError):
    """ "Assign to me" on a report someone else took meanwhile: the manager is asked whether
    to take it over rather than taking it silently (review17a M1)."""

    def __init__(self, report: Report) -> None:
        super().__init__(f"{report.ref} is held by someone else.")
        self.report = report


def claim(report: Report, platform: str, manager: str) -> Change | None:
    """ "Assign to me": the report becomes `manager`'s, unless someone else holds it (Held);
    None when it is theirs already."""
    _require_open(report)
    current = holder(report)
    if current is not None and current != (platform, manager):
        raise Held(report)
    return assign(report, platform, manager)


def resolve(report: Report, outcome: Outcome, note: str) -> Change:
    """Close the report with its outcome."""
    _require_open(report)
    columns = {"status": Status.RESOLVED.value, "outcome": outcome.value, "closing_note": note}
    return Change("resolved", outcome.value, columns)


def dismiss(report: Report) -> Change:
    """Close the report as not an issue."""
    _require_open(report)
    return Change("dismissed", "", {"status": Status.DISMISSED.value})


def _earlier(report: Report, again: bool, said: str) -> str:
    """How the report was closed, kept in the reopening's event for the card."""
    outcome = report.outcome.value if report.outcome else None
    earlier = {"status": report.status.value, "outcome": outcome, "note": report.closing_note}
    return json.dumps({"again": again, "said": said, **earlier})


def reopen(report: Report, platform: str, manager: str) -> Change | None:
    """A manager opens a closed report again and holds it (None: it is open)."""
    if report.status.is_open:
        return None
    columns: dict[str, Any] = {"status": Status.ACKNOWLEDGED.value, "outcome": None}
    columns |= {"closing_note": ""}
    columns |= {"assignee": manager, "assignee_platform": platform}
    return Change("reopened", _earlier(report, False, ""), columns)


def reported_again(report: Report, urgency: Urgency, remind_at: float, said: str) -> Change:
    """A closed report's post is reported again: the report is new again, for the whole team,
    at the higher of the two urgencies, with its reminders starting over."""
    higher = max(report.urgency, urgency, key=lambda u: u.rank)
    columns: dict[str, Any] = {"status": Status.NEW.value, "outcome": None, "closing_note": ""}
    columns |= {"assignee": "", "assignee_platform": "", "urgency": higher.value}
    columns |= {"remind_at": remind_at, "nudges": 0}
    return Change("reopened", _earlier(report, True, said), columns)


def snooze(report: Report, until: float, minutes: int) -> Change | None:
    """Hold the reminders until `until` (None: the report was acknowledged meanwhile)."""
    if report.status is not Status.NEW:
        return None
    return Change("snoozed", f"{minutes} min", {"remind_at": until})


def parts(change: Change) -> tuple[str, str, dict[str, Any]]:
    """The change as `ReportStore.record` takes it: kind, detail, columns."""
    return change.kind, change.detail, change.columns
