"""`socialbot reports`: list and export the reported mentions (an operator's tool)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import click

from bot.cli_support import echo_csv, echo_json_lines, runtime_or_exit, settings_or_exit
from content_feed.text import printable

if TYPE_CHECKING:
    from handlers.people import Directory
    from handlers.reports.model import Event, Report, Status
    from handlers.reports.store import ReportStore

# The Status values, written out so that `--help` imports no store (tests/test_cli.py checks).
STATUS_CHOICES = ["open", "new", "acknowledged", "resolved", "dismissed"]
CSV_COLUMNS = [
    "ref", "created_at", "status", "urgency", "where", "links", "reporters", "reporter_ids",
    "about", "notes", "files", "assignee", "assignee_id", "outcome", "closing_note",
    "acknowledged_at", "acknowledged_by", "acknowledged_by_id", "closed_at", "closed_by",
    "closed_by_id",
]  # fmt: skip


@contextmanager
def _store() -> Iterator[tuple[ReportStore, Directory]]:
    from handlers.people import Directory
    from handlers.reports.store import ReportStore

    runtime = runtime_or_exit(settings_or_exit(), reads_only=True)
    try:
        yield ReportStore(runtime.db), Directory(runtime.db)
    finally:
        runtime.db.close()


def _when(stamp: float) -> str:
    return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds")


def notes(report: Report) -> list[dict[str, str]]:
    """What each reporter wrote (those who wrote anything), with who and when."""
    from handlers.privacy import forgotten_named

    return [
        {
            "by": r.shown_name,
            "by_id": f"{r.platform}:{r.user_id}",
            "at": _when(r.at),
            "about": r.about,
            "note": forgotten_named(r.note),
        }
        for r in report.reporters
        if r.about or r.note
    ]


def files(report: Report) -> list[dict[str, str]]:
    """The files (screenshots) the reporters sent with it: who sent each, its name and the
    link that opens it on their platform."""
    return [
        {"by": r.shown_name, "by_id": f"{r.platform}:{r.user_id}", "name": f.name, "url": f.url}
        for r in report.reporters
        for f in r.files
    ]


def as_row(report: Report, store: ReportStore, people: Directory) -> dict[str, Any]:
    """One report as fields, for JSON lines and CSV; `notes` holds every reporter's words,
    `files` the files they sent with it.
    People are named, their platform ids beside (`reporter_ids`, `assignee_id`); who first
    acknowledged it and, if it is closed, who closed it, with when."""
    assignee = (report.assignee_platform, report.assignee)
    acknowledged, closed = store.handled(report.id)
    if report.status.is_open:
        closed = None  # closed once, then reopened: open now
    return {
        "ref": report.ref,
        "created_at": _when(report.created_at),
        "status": report.status.value,
        "urgency": report.urgency.value,
        "where": report.where,
        "links": list(report.links),
        "reporters": [r.shown_name for r in report.reporters],
        "reporter_ids": [f"{r.platform}:{r.user_id}" for r in report.reporters],
        "about": report.first.about,
        "notes": notes(report),
        "files": files(report),
        "assignee": people.name_of(*assignee) if report.assignee else "",
        "assignee_id": ":".join(assignee) if report.assignee else "",
        "outcome": report.outcome.value if report.outcome else "",
        "closing_note": report.closing_note,
        **_by("acknowledged", acknowledged, people),
        **_by("closed", closed, people),
    }


def _by(what: str, event: Event | None, people: Directory) -> dict[str, str]:
    """`<what>_at`, `<what>_by` (a name) and `<what>_by_id` of an event, empty without one."""
    if event is None:
        return {f"{what}_at": "", f"{what}_by": "", f"{what}_by_id": ""}
    return {
        f"{what}_at": _when(event.at),
        f"{what}_by": people.name_of(event.platform, event.user_id),
        f"{what}_by_id": f"{event.platform}:{event.user_id}",
    }


def _statuses(status: str | None) -> tuple[Status, ...]:
    from handlers.reports.model import OPEN_STATUSES, Status

    if status is None:
        return tuple(Status)
    return OPEN_STATUSES if status == "open" else (Status(status),)


@click.group("reports")
def reports_group() -> None:
    """The negative mentions people reported, for the social media team."""


@reports_group.command("list")
@click.option(
    "--status",
    type=click.Choice(STATUS_CHOICES),
    help="Only these; open means new or acknowledged.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per report and line.")
def list_(status: str | None, as_json: bool) -> None:
    """List reports, newest first."""
    with _store() as (store, people):
        found = store.find(_statuses(status))
        rows = [as_row(report, store, people) for report in found] if as_json else []
    if as_json:
        echo_json_lines(rows, "No reports.")
        return
    if not found:
        click.echo("No reports.")
        return
    for report in found:
        what = printable(report.links[0] if report.links else report.first.about[:70])
        click.echo(
            f"{report.ref}  {_when(report.created_at)}  {report.status.value:<12}  "
            f"{report.urgency.value:<7}  {len(report.reporters)} reporter(s)  {what}"
        )


@reports_group.command("export")
@click.option("--format", "format_", type=click.Choice(["csv"]), default="csv", show_default=True)
@click.option("--status", type=click.Choice(STATUS_CHOICES), help="Only these.")
def export(format_: str, status: str | None) -> None:
    """Write every report to standard output as CSV (lists joined with newlines; a note is
    "name: what they wrote", a file "name: file name link")."""
    with _store() as (store, people):
        rows = [as_row(report, store, people) for report in store.find(_statuses(status))]
    from handlers.reports.links import SITE_LABELS

    for row in rows:
        row["where"] = SITE_LABELS.get(row["where"], row["where"])  # as the card names it
        row["notes"] = [
            f"{n['by']}: " + " — ".join(text for text in (n["about"], n["note"]) if text)
            for n in row["notes"]
        ]
        row["files"] = [f"{f['by']}: {f['name']} {f['url']}" for f in row["files"]]
    cells = [[row.get(column, "") for column in CSV_COLUMNS] for row in rows]
    echo_csv(
        [CSV_COLUMNS] + [["\n".join(v) if isinstance(v, list) else v for v in c] for c in cells]
    )
