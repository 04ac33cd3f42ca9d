"""`socialbot insights`: the social media team's figures for a period, as text, CSV, JSON or PNG."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, time, timedelta
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
        ["reports_not_acknowledged", "", "", reports.not_acknowledged],
        ["reports_oldest_minutes_unacknowledged", "", "", reports.oldest_minutes_unacknowledged],
        ["questions_asked", "", "", questions.asked],
        ["questions_confident", "", "", questions.confident],
        ["questions_not_covered", "", "", questions.not_covered],
        ["questions_downvoted", "", "", questions.downvoted],
    ]
    rows += [["question_not_covered", gap, "", 1] for gap in questions.gaps]
    rows += [["leader", leader.name, "", leader.clicks] for leader in figures.leaderboard or ()]
    return rows


_MOMENTS = click.DateTime(["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S%z"])


def _until(ctx: click.Context, param: click.Parameter, text: str | None) -> date | None:
    """`--until`: a day (a `date`, its whole day counts) or a moment (an aware `datetime`)."""
    if text is None:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        pass
    try:
        moment = _MOMENTS.convert(text, param, ctx)
    except click.BadParameter:
        raise click.BadParameter(
            f"{text!r} is no day (YYYY-MM-DD: 2026-11-30) nor moment (YYYY-MM-DDTHH:MM,"
            " UTC, or with seconds and its offset: 2026-11-30T17:00:00+01:00)."
        ) from None
    return moment.replace(tzinfo=moment.tzinfo or UTC)


def _period_end(until: date, zone: ZoneInfo, now: datetime) -> datetime:
    """When a period asked to end at `until` ends: after the whole of a day in `zone` (today's
    so far); a moment or a day still to come is refused, as it has no figures yet."""
    if until > (now if isinstance(until, datetime) else now.astimezone(zone).date()):
        raise click.BadParameter(
            f"{until.isoformat()} is in the future: the figures end now at the latest"
            " (leave --until out for the period ending now).",
            param_hint="'--until'",
        )
    if isinstance(until, datetime):
        return until
    return min(datetime.combine(until + timedelta(days=1), time(), zone), now)


@click.command("insights")
@since_option()
@click.option(
    "--until",
    metavar="DATE",
    callback=_until,
    help="The last day of the period, counted whole in SOCIALBOT_TIMEZONE (YYYY-MM-DD), or its"
    " end (YYYY-MM-DDTHH:MM, UTC unless the time says its offset); default: now.",
)
@click.option(
    "--png",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Also write the chart to this PNG file.",
)
@click.option("--csv", "as_csv", is_flag=True, help="The figures as CSV rows on stdout.")
@click.option("--json", "as_json", is_flag=True, help="The figures as one JSON object.")
def insights(days: int, until: date | None, png: Path | None, as_csv: bool, as_json: bool) -> None:
    """The social media team's figures: shares, participation, reports, questions."""
    from bot.console.render import WIDTH, render
    from handlers.insights import chart as charts
    from handlers.insights.figures import compute
    from handlers.insights.views import insights_message

    if as_csv and as_json:
        raise click.UsageError("Choose one of --csv and --json.")
    settings = settings_or_exit()
    zone, now = ZoneInfo(settings.timezone), datetime.now(UTC)
    end = now if until is None else _period_end(until, zone, now)
    runtime = runtime_or_exit(settings, reads_only=True)
    try:
        figures = compute(
            runtime.db,
            end,
            days,
            zone,
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
