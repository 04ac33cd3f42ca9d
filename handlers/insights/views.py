"""The insights as a neutral message: the figures in a few lines, with the chart when drawn."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from content_feed.compose import Network
from content_feed.text import clip, collapse
from handlers.digest.views import NETWORK_NAMES
from handlers.insights.chart import Chart
from handlers.insights.figures import Figures, last_day
from handlers.views import Context, Header, Image, Message, Text, untrusted

LISTED_CHARACTERS = 120  # of a question or item title in the insights' lists


def _per_network(counts: dict[str, int]) -> str:
    return ", ".join(f"{NETWORK_NAMES[Network(key)]} {n}" for key, n in counts.items() if n)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def _by_conversation(count: int) -> str:
    """What the shares count once per Teams channel or group chat, not per person."""
    if not count:
        return ""
    return (
        f"; {count} on posts in Teams channels or group chats, once per conversation"
        " (Teams does not say who opened a link there)"
    )


def _not_delivered(count: int) -> str:
    """What the participation leaves out: digests that never reached their person."""
    if not count:
        return ""
    noun = "digest" if count == 1 else "digests"
    return f"; {count} {noun} not delivered (`socialbot deliveries status --purpose digest`)"


def duration(minutes: float) -> str:
    """A wait in the unit a person reads: minutes up to 2 h, hours up to 2 days, then days."""
    if minutes < 120:
        return f"{minutes:g} min"
    if minutes < 48 * 60:
        return f"{round(minutes / 60, 1):g} h"
    return f"{round(minutes / 1440, 1):g} d"


def _left_out(platforms: tuple[str, ...]) -> str:
    """Whose people participation leaves out, because their share clicks are not counted."""
    if not platforms:
        return ""
    names = " and ".join(platform.capitalize() for platform in platforms)
    return f" (not counting {names}, whose share clicks are not counted)"


def lines(figures: Figures) -> list[str]:
    """The figures as short markdown lines, the same in chat and on the command line."""
    shares = figures.shares_total
    people = figures.participation
    trend = " → ".join(week.percent for week in figures.weekly[-4:])
    found = []
    if figures.feeds_failing:  # why the digests may have had nothing new: said first
        found.append("**Feeds failing** (their new stories are missing from the digests):")
        found += [f"- {untrusted(line)}" for line in figures.feeds_failing]
    found += [
        f"**Shares:** {shares}"
        + (f" ({_per_network(figures.shares)})" if shares else "")
        + _by_conversation(figures.shares_by_conversation),
        f"**Participation:** {people.shared} of {people.reached} people who got a digest"
        f"{_left_out(figures.uncounted)} shared ({_percent(people.shared, people.reached)});"
        f" last weeks {trend}" + _not_delivered(figures.digests_not_delivered),
    ]
    for item in figures.top_items:
        found.append(f"- {_listed(item.title)}: {item.total} ({_per_network(item.by_network)})")
    found.append(
        f"**Not shared by anyone:** {figures.unshared} of the {figures.offered} items in the"
        " digests people got"
    )
    found += [f"- {_listed(title)}" for title in figures.unshared_titles]
    reports = figures.reports
    wait = reports.median_minutes_to_acknowledge
    found.append(
        f"**Reports:** {reports.filed} filed, median time to acknowledge "
        + (duration(wait) if wait is not None else "-")
        + f", {reports.open_now} open now"
    )
    asked = figures.questions
    found.append(
        f"**Guideline questions:** {asked.asked}, {_percent(asked.confident, asked.asked)}"
        f" answered with confidence, {asked.not_covered} not covered, {asked.downvoted} marked 👎"
    )
    found += [f"- not covered: {_listed(question)}" for question in asked.gaps]
    found.append(
        f"**Sent to the team:** {asked.to_team}, {asked.team_answered} answered;"
        f" {asked.waiting} waiting for an answer now"
    )
    if figures.leaderboard:
        found.append("**Top sharers** (who opted in):")
        found += [
            f"{n}. {untrusted(leader.name)}: {leader.clicks}"
            for n, leader in enumerate(figures.leaderboard, 1)
        ]
    return found


def _listed(text: str) -> str:
    """A question or title as one line of a list: a pasted article would push the rest of the
    insights past Slack's section and Teams' card limits."""
    return untrusted(clip(collapse(text), LISTED_CHARACTERS))


def title(figures: Figures) -> str:
    """The insights' title, naming the period: its dates when it does not end now."""
    if figures.ends_now:
        return f"Insights: the last {figures.days} days"
    return dated_title(figures)


def dated_title(figures: Figures) -> str:
    """The insights' title with the period's dates, for wherever it is shown later."""
    return f"Insights: {_dates(figures)} ({figures.days} days)"


def _dates(figures: Figures) -> str:
    """The period's first and last days, local: a period ending at midnight ends the day before."""
    zone = ZoneInfo(figures.zone)
    start, last = figures.start.astimezone(zone), last_day(figures.end, zone)
    return f"{start:%d %b %Y} to {last:%d %b %Y}"


def nothing_message(figures: Figures) -> Message:
    """One line for a week with nothing to tell: the bot ran, nobody used it."""
    text = (
        f"{title(figures)}: nothing happened. No digest went out, nothing was shared, reported"
        f" or asked, and no feed failed ({_dates(figures)}, {figures.zone})."
    )
    return Message(text, (Text(text),))


TEAMS_CLICKS_UNCOUNTED = (
    "Share clicks on Teams are not counted: set SOCIALBOT_PUBLIC_URL to the bot's public address"
    " so that Teams share buttons go through the bot."
)


def insights_message(
    figures: Figures, chart: Chart | None, teams_clicks_uncounted: bool = False
) -> Message:
    """The insights with the chart on top (when drawn), then the figures; saying so when
    Teams' share clicks cannot be counted."""
    body = "\n".join(lines(figures))
    dated = dated_title(figures)
    picture = (Image(chart.png, chart.alt, chart.width, chart.height, dated),) if chart else ()
    return Message(
        text=f"{title(figures)}: {figures.shares_total} shares",
        blocks=(
            Header(title(figures)),
            *picture,
            Text(body),
            Context(
                f"{_dates(figures)} ({figures.zone})."
                " People are counted, never named, unless they joined the leaderboard."
                + (f" {TEAMS_CLICKS_UNCOUNTED}" if teams_clicks_uncounted else "")
            ),
        ),
    )
