"""The insights as a neutral message: the figures in a few lines, with the chart when drawn."""

from __future__ import annotations

from datetime import date, datetime
from itertools import dropwhile
from zoneinfo import ZoneInfo

from content_feed.compose import NETWORK_NAMES, Network
from content_feed.store import FailingFeed
from content_feed.text import clip, collapse
from handlers.insights.chart import Chart
from handlers.insights.figures import Figures, ReportFigures, last_day
from handlers.texts import text_for
from handlers.views import Context, Header, Image, Message, Text, untrusted

LISTED_CHARACTERS = 120  # of a question or item title in the insights' lists


def _per_network(counts: dict[str, int]) -> str:
    return ", ".join(f"{NETWORK_NAMES[Network(key)]} {n}" for key, n in counts.items() if n)


def _percent(part: int, whole: int, language: str) -> str:
    return text_for("percent", language, n=round(100 * part / whole)) if whole else "-"


def failing_line(feed: FailingFeed, language: str = "en", zone: str = "UTC") -> str:
    """A feed that has failed for over a day in `language` (on `/healthz` in English, in UTC):
    "Feed 1 (Acme news) has not been read since 2026-11-30 08:00 UTC: HTTP 404", the time on
    `zone`'s clock (the insights' period's, review17a M9); its error as the feed reader gave
    it, quoted where the line is in another language."""
    error = text_for("ins_feed_error", language, error=feed.error)
    fields = {"id": feed.id, "name": feed.name, "error": error}
    if feed.read is None:
        return text_for("ins_feed_never_read", language, **fields)
    since = f"{feed.read.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M} {zone}"
    return text_for("ins_feed_unread_since", language, since=since, **fields)


def _by_conversation(count: int, language: str) -> str:
    """What the shares count once per Teams channel or group chat, not per person."""
    return text_for("ins_by_conversation", language, count=count) if count else ""


def _not_delivered(count: int, language: str) -> str:
    """What the participation leaves out: digests that never reached their person."""
    if not count:
        return ""
    command = "socialbot deliveries status --purpose digest"
    key = "ins_not_delivered_one" if count == 1 else "ins_not_delivered"
    return text_for(key, language, count=count, command=command)


def _number(value: float, language: str) -> str:
    """`1.5` as `language` writes it ("1,5")."""
    return f"{value:g}".replace(".", text_for("decimal", language))


def duration(minutes: float, language: str = "en") -> str:
    """A wait in the unit a person reads, in `language`: minutes up to 2 h, hours up to 2
    days, then days."""
    if minutes < 120:
        return text_for("ins_minutes", language, n=_number(minutes, language))
    if minutes < 48 * 60:
        return text_for("ins_hours", language, n=_number(round(minutes / 60, 1), language))
    return text_for("ins_days", language, n=_number(round(minutes / 1440, 1), language))


def _trend(figures: Figures, language: str) -> str:
    """The participation of the last four weeks since the first with digests ("; last weeks
    20% → 25%"), or that this is the first week with digests; nothing before any."""
    weeks = list(dropwhile(lambda week: week.rate is None, figures.weekly))
    if len(weeks) == 1:
        return text_for("ins_first_week", language)
    if not weeks:
        return ""
    trend = " → ".join(week.percent(language) for week in weeks[-4:])
    return text_for("ins_trend", language, trend=trend)


def _left_out(platforms: tuple[str, ...], language: str) -> str:
    """Whose people participation leaves out, because their share clicks are not counted."""
    if not platforms:
        return ""
    names = f" {text_for('and', language)} ".join(platform.capitalize() for platform in platforms)
    return text_for("ins_left_out", language, names=names)


def _unacknowledged(reports: ReportFigures, language: str) -> str:
    """How many of the period's reports nobody acknowledged yet, and the longest wait (empty:
    none), after a median that counts only those someone did (review17a M5)."""
    oldest = reports.oldest_minutes_unacknowledged
    if oldest is None:
        return ""
    count = reports.not_acknowledged
    return text_for(
        "ins_reports_unacknowledged", language, count=count, wait=duration(oldest, language)
    )


def lines(figures: Figures, language: str = "en") -> list[str]:
    """The figures as short markdown lines in `language`, the same in chat and on the command
    line."""
    shares = figures.shares_total
    people = figures.participation
    found = []
    if figures.feeds_failing:  # why the digests may have had nothing new: said first
        found.append(text_for("ins_feeds_failing", language))
        found += [
            f"- {untrusted(failing_line(feed, language, figures.zone))}"
            for feed in figures.feeds_failing
        ]
    found += [
        text_for("ins_shares", language, count=shares)
        + (f" ({_per_network(figures.shares)})" if shares else "")
        + _by_conversation(figures.shares_by_conversation, language),
        text_for(
            "ins_participation",
            language,
            shared=people.shared,
            reached=people.reached,
            left_out=_left_out(figures.uncounted, language),
            percent=_percent(people.shared, people.reached, language),
        )
        + _trend(figures, language)
        + _not_delivered(figures.digests_not_delivered, language),
    ]
    for item in figures.top_items:
        found.append(f"- {_listed(item.title)}: {item.total} ({_per_network(item.by_network)})")
    found.append(
        text_for("ins_unshared", language, unshared=figures.unshared, offered=figures.offered)
    )
    found += [f"- {_listed(title)}" for title in figures.unshared_titles]
    reports = figures.reports
    wait = reports.median_minutes_to_acknowledge
    found.append(
        text_for(
            "ins_reports",
            language,
            filed=reports.filed,
            wait=duration(wait, language) if wait is not None else "-",
            open=reports.open_now,
        )
        + _unacknowledged(reports, language)
    )
    asked = figures.questions
    found.append(
        text_for(
            "ins_questions",
            language,
            asked=asked.asked,
            percent=_percent(asked.confident, asked.asked, language),
            not_covered=asked.not_covered,
            downvoted=asked.downvoted,
        )
    )
    found += [
        text_for("ins_not_covered", language, question=_listed(question)) for question in asked.gaps
    ]
    found.append(
        text_for(
            "ins_to_team",
            language,
            sent=asked.to_team,
            answered=asked.team_answered,
            waiting=asked.waiting,
        )
    )
    if figures.leaderboard:
        found.append(text_for("ins_top_sharers", language))
        found += [
            f"{n}. {untrusted(leader.name)}: {leader.clicks}"
            for n, leader in enumerate(figures.leaderboard, 1)
        ]
    return found


def _listed(text: str) -> str:
    """A question or title as one line of a list: a pasted article would push the rest of the
    insights past Slack's section and Teams' card limits."""
    return untrusted(clip(collapse(text), LISTED_CHARACTERS))


def title(figures: Figures, language: str = "en") -> str:
    """The insights' title in `language`, naming the period: its dates when it does not end
    now."""
    if figures.ends_now:
        return text_for("ins_title_days", language, days=figures.days)
    return dated_title(figures, language)


def dated_title(figures: Figures, language: str = "en") -> str:
    """The insights' title with the period's dates, for wherever it is shown later."""
    return period_title(figures.start, figures.end, figures.days, ZoneInfo(figures.zone), language)


def period_title(start: datetime, end: datetime, days: int, zone: ZoneInfo, language: str) -> str:
    """The title of the period from `start` to `end` (its days in `zone`) in `language`:
    "Insights: 23 Nov 2026 to 30 Nov 2026 (7 days)"."""
    dates = _period(start, end, zone, language)
    return text_for("ins_title_dated", language, dates=dates, days=days)


def _dates(figures: Figures, language: str) -> str:
    return _period(figures.start, figures.end, ZoneInfo(figures.zone), language)


def _period(start: datetime, end: datetime, zone: ZoneInfo, language: str) -> str:
    """The period's first and last days, local: a period ending at midnight ends the day before."""
    first, last = start.astimezone(zone), last_day(end, zone)
    return text_for("ins_dates", language, start=_date(first, language), last=_date(last, language))


def _date(day: date, language: str) -> str:
    """ "03 Dec 2025", "3. dec. 2025"."""
    month = text_for("month_abbr", language).split(",")[day.month - 1]
    return text_for("ins_date", language, day=day.day, month=month, year=day.year)


def nothing_message(figures: Figures, language: str = "en") -> Message:
    """One line for a week with nothing to tell, in `language`: the bot ran, nobody used it."""
    text = text_for(
        "ins_nothing",
        language,
        title=title(figures, language),
        dates=_dates(figures, language),
        zone=figures.zone,
    )
    return Message(text, (Text(text),))


def insights_message(
    figures: Figures,
    chart: Chart | None,
    teams_clicks_uncounted: bool = False,
    language: str = "en",
) -> Message:
    """The insights in `language` with the chart on top (when drawn), then the figures; saying
    so when Teams' share clicks cannot be counted."""
    body = "\n".join(lines(figures, language))
    dated = dated_title(figures, language)
    picture = (Image(chart.png, chart.alt, chart.width, chart.height, dated),) if chart else ()
    named = title(figures, language)
    said = f"{_dates(figures, language)} ({figures.zone}). {text_for('ins_counted', language)}"
    if teams_clicks_uncounted:
        said += " " + text_for("ins_teams_uncounted", language)
    return Message(
        text=text_for("ins_summary", language, title=named, count=figures.shares_total),
        blocks=(Header(named), *picture, Text(body), Context(said)),
    )
