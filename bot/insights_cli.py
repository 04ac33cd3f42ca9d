"""`socialbot insights`: the social media team's figures for a period, as text, CSV, JSON or PNG."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import click

from bot.cli_support import (
    echo_csv,
    echo_json_lines,
    runtime_or_exit,
    settings_or_exit,
    since_option,
)

if TYPE_CHECKING:
    from handlers.insights.figures import Figures


def csv_rows(figures: Figures) -> list[list[Any]]:
    """The figures as (figure, label, network, value) rows: one table a spreadsheet pivots."""
    rows: list[list[Any]] = [["figure", "label", "network", "value"]]
    rows += [["shares", "", n, v] for n, v in figures.shares.items()]
    for day in figures.shares_per_day:
        rows += [["shares_per_day", day.day.isoformat(), n, v] for n, v in day.by_network.items()]
    for name, week in [("participation", figures.participation)] + [
        ("weekly_participation", week) for week in figures.weekly
    ]:
        label = f"{week.start.date().isoformat()}/{week.end.date().isoformat()}"
        rows += [[name, label, "", week.reached], [f"{name}_shared", label, "", week.shared]]
    for item in figures.top_items:
        rows += [["top_item", item.title, n, v] for n, v in item.by_network.items()]
    rows += [
        ["items_offered", "", "", figures.offered],
        ["items_unshared", "", "", figures.unshared],
    ]
    rows += [["item_unshared", title, "", 0] for title in figures.unshared_titles]
    reports, questions = figures.reports, figures.questions
    rows += [
        ["reports_filed", "", "", reports.filed],
        ["reports_median_minutes_to_acknowledge", "", "", reports.median_minutes_to_acknowledge],
        ["reports_open_now", "", "", reports.open_now],
        ["questions_asked", "", "", questions.asked],
        ["questions_confident", "", "", questions.confident],
        ["questions_not_covered", "", "", questions.not_covered],
        ["questions_downvoted", "", "", questions.downvoted],
    ]
    rows += [["question_not_covered", gap, "", 1] for gap in questions.gaps]
    rows += [["leader", leader.name, "", leader.clicks] for leader in figures.leaderboard or ()]
    return rows


@click.command("insights")
@since_option()
@click.option(
    "--until",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S%z"]),
    help="The end of the period (UTC unless the time says its offset); default: now.",
)
@click.option(
    "--png",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Also write the chart to this PNG file.",
)
@click.option("--csv", "as_csv", is_flag=True, help="The figures as CSV rows on stdout.")
@click.option("--json", "as_json", is_flag=True, help="The figures as one JSON object.")
def insights(
    days: int, until: datetime | None, png: Path | None, as_csv: bool, as_json: bool
) -> None:
    """The social media team's figures: shares, participation, reports, questions."""
    from bot.console.render import WIDTH, render
    from handlers.insights import chart as charts
    from handlers.insights.figures import compute
    from handlers.insights.views import insights_message

    if as_csv and as_json:
        raise click.UsageError("Choose one of --csv and --json.")
    settings = settings_or_exit()
    runtime = runtime_or_exit(settings)
    try:
        figures = compute(
            runtime.db,
            until.replace(tzinfo=until.tzinfo or UTC) if until else datetime.now(UTC),
            days,
            ZoneInfo(settings.timezone),
            leaderboard=settings.leaderboard,
            ends_now=until is None,
            uncounted=("teams",) if settings.teams_clicks_uncounted else (),
        )
    finally:
        runtime.db.close()
    chart = charts.draw(figures) if png else None
    if png and chart:
        try:
            png.write_bytes(chart.png)
        except OSError as error:
            click.echo(f"Error: cannot write {png}: {error.strerror}", err=True)
            sys.exit(1)
    if as_json:
        echo_json_lines([figures.as_json()], "")
    elif as_csv:
        echo_csv(csv_rows(figures))
    else:
        # Wrapped for a person at a terminal; a file or pipe gets whole lines, figures unbroken.
        width = WIDTH if sys.stdout.isatty() else sys.maxsize
        uncounted = settings.teams_clicks_uncounted
        click.echo(render(insights_message(figures, chart, uncounted), width))
    if png and chart:
        click.echo(f"Wrote {png} ({chart.width}x{chart.height} pixels).", err=True)
