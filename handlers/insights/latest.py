"""The latest insights chart in each language, kept for the managers' home page: its period,
when it was drawn, the PNG and its text alternative. Only the chart is kept (totals, nobody
named), never the figures' lines, which may name the leaderboard's people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from handlers.insights.chart import Chart
from handlers.insights.figures import Figures

migrations = Migrations("insights_latest")


@migrations()
def create_latest_chart(db: Database) -> None:
    """One row: the chart the insights drew last."""
    db.execute(
        """CREATE TABLE insights_latest_chart (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            start TEXT NOT NULL,
            end TEXT NOT NULL,
            days INTEGER NOT NULL,
            drawn_at REAL NOT NULL,
            title TEXT NOT NULL,
            alt TEXT NOT NULL,
            png BLOB NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL
        )"""
    )


@migrations()
def latest_chart_per_language(db: Database) -> None:
    """The latest chart of each language its words are in (the one kept before is English)."""
    db.execute(
        """CREATE TABLE insights_latest_charts (
            language TEXT PRIMARY KEY,
            start TEXT NOT NULL,
            end TEXT NOT NULL,
            days INTEGER NOT NULL,
            drawn_at REAL NOT NULL,
            title TEXT NOT NULL,
            alt TEXT NOT NULL,
            png BLOB NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL
        )"""
    )
    db.execute(
        "INSERT INTO insights_latest_charts SELECT 'en', start, end, days, drawn_at, title, alt,"
        " png, width, height FROM insights_latest_chart"
    )
    db.execute("DROP TABLE insights_latest_chart")


@dataclass(frozen=True)
class LatestChart:
    """The chart drawn last, with the period it shows and when it was drawn."""

    start: datetime
    end: datetime
    days: int
    drawn_at: datetime
    title: str
    chart: Chart


def remember(
    db: Database, figures: Figures, chart: Chart, title: str, now: datetime, language: str
) -> None:
    """Keep `chart` (of `figures`, headed `title`, its words in `language`) as the latest in
    `language`, drawn at `now`."""
    with db.atomic():
        db.execute(
            "INSERT OR REPLACE INTO insights_latest_charts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                language,
                figures.start.isoformat(),
                figures.end.isoformat(),
                figures.days,
                now.timestamp(),
                title,
                chart.alt,
                chart.png,
                chart.width,
                chart.height,
            ],
        )


def latest(db: Database, language: str) -> LatestChart | None:
    """The chart drawn last in `language`, or None before the first."""
    row = db.execute(
        "SELECT start, end, days, drawn_at, title, alt, png, width, height"
        " FROM insights_latest_charts WHERE language = ?",
        [language],
    ).fetchone()
    if row is None:
        return None
    start, end, days, drawn_at, title, alt, png, width, height = row
    return LatestChart(
        start=datetime.fromisoformat(start),
        end=datetime.fromisoformat(end),
        days=days,
        drawn_at=datetime.fromtimestamp(drawn_at, UTC),
        title=title,
        chart=Chart(bytes(png), width, height, alt),
    )
