"""The insights' figures for a period, computed in SQL over the tables the other capabilities keep.

Shares come from `share_clicks`, who got a digest from the delivery ledger (`deliveries`,
purpose `digest`, sent), the items offered from `digest_sent_items` (of the digests that were
delivered), reports from `reports` and `report_events`, guideline questions from
`guideline_answers` and `guideline_feedback`. Which items went out when is kept apart from
who got them (`digest_offered`, filled by triggers on `digest_sent_items` and `deliveries`),
since forget deletes a person's digest history.
Nobody is named, except in the leaderboard, which lists only people who opted in and only
when the workspace turned it on. `forget` replaces a person's id by one stand-in everywhere,
so every count here stays the same after it.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from content_feed.compose import NETWORKS
from content_feed.store import FailingFeed, failing_feeds, item_titles
from content_feed.text import row_id
from handlers.shares import BY_CONVERSATION
from handlers.texts import text_for

PERIODS = {"7d": 7, "30d": 30, "90d": 90}
CHART_WEEKS = 8
TOP_ITEMS = 5
LISTED = 5  # unshared items and uncovered questions listed by name
LEADERBOARD = 10
# The first manager action on a report; any of them means someone looked.
TRIAGE_KINDS = ("acknowledged", "assigned", "resolved", "dismissed")
OPEN = ("new", "acknowledged")
_BUCKET = 900  # share clicks are counted per quarter hour, then per local day (any UTC offset)
NETWORK_KEYS = tuple(network.value for network in NETWORKS)

migrations = Migrations("insights")


@migrations()
def create_insights_tables(db: Database) -> None:
    """Who opted in to the leaderboard, and the indexes the figures read by."""
    db.execute(
        """CREATE TABLE leaderboard_opt_ins (
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            at REAL NOT NULL,
            PRIMARY KEY (platform, user_id)
        )"""
    )
    db.execute("CREATE INDEX share_clicks_at ON share_clicks (at)")
    # Each item offered in a digest, per quarter hour it went out in: no person in it, so it
    # outlives forget and the 60 days the digest keeps who got what.
    db.execute(
        """CREATE TABLE digest_offered (
            item_id INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            PRIMARY KEY (item_id, bucket)
        ) WITHOUT ROWID"""
    )
    db.execute(
        f"""CREATE TRIGGER digest_offered_record AFTER INSERT ON digest_sent_items BEGIN
            INSERT OR IGNORE INTO digest_offered
            VALUES (NEW.item_id, CAST(NEW.sent_at / {_BUCKET} AS INTEGER));
        END"""
    )
    db.execute(
        "INSERT OR IGNORE INTO digest_offered SELECT item_id, CAST(sent_at / ? AS INTEGER)"
        " FROM digest_sent_items",
        [_BUCKET],
    )


def counting_since(db: Database) -> datetime | None:
    """When the insights began to count: their tables were made at the bot's first start
    (None: not yet)."""
    applied = migrations.applied(db)
    return min(datetime.fromisoformat(m.applied_at) for m in applied) if applied else None


# The items of the digests that reached their person (a digest's ledger key is its local
# date), per quarter hour they were chosen in.
_DELIVERED_ITEMS = f"""SELECT s.item_id, CAST(s.sent_at / {_BUCKET} AS INTEGER)
    FROM digest_sent_items s JOIN deliveries d ON d.platform = s.platform
        AND d.recipient = s.user_id AND d.purpose = 'digest' AND d.key = s.local_date
        AND d.state = 'sent'"""


@migrations()
def offer_only_delivered_digests(db: Database) -> None:
    """An item counts as offered once a digest holding it reached someone, not when the
    digest was queued (it may fail, or expire at the end of the person's day): from the
    rows the digest still keeps (60 days), what was counted is counted again that way."""
    db.execute("DROP TRIGGER digest_offered_record")
    db.execute(
        f"""CREATE TRIGGER digest_offered_on_delivery AFTER UPDATE OF state ON deliveries
            WHEN NEW.state = 'sent' AND NEW.purpose = 'digest' BEGIN
            INSERT OR IGNORE INTO digest_offered {_DELIVERED_ITEMS}
                WHERE s.platform = NEW.platform AND s.user_id = NEW.recipient
                AND s.local_date = NEW.key;
        END"""
    )
    db.execute(
        f"""CREATE TRIGGER digest_offered_record AFTER INSERT ON digest_sent_items BEGIN
            INSERT OR IGNORE INTO digest_offered {_DELIVERED_ITEMS}
                WHERE s.platform = NEW.platform AND s.user_id = NEW.user_id
                AND s.item_id = NEW.item_id;
        END"""
    )
    db.execute(
        "DELETE FROM digest_offered WHERE bucket >="
        f" (SELECT CAST(min(sent_at) / {_BUCKET} AS INTEGER) FROM digest_sent_items)"
    )
    db.execute(f"INSERT OR IGNORE INTO digest_offered {_DELIVERED_ITEMS}")


@dataclass(frozen=True)
class DayShares:
    """Share clicks on one local day, per network."""

    day: date
    by_network: dict[str, int]

    @property
    def total(self) -> int:
        """Clicks on every network."""
        return sum(self.by_network.values())


@dataclass(frozen=True)
class Participation:
    """Of the people who got a digest in [start, end), how many shared anything then."""

    start: datetime
    end: datetime
    reached: int
    shared: int

    @property
    def rate(self) -> float | None:
        """`shared` out of `reached`; None when nobody got a digest (the bot was not running,
        or not installed yet): no rate, not 0%."""
        return self.shared / self.reached if self.reached else None

    def percent(self, language: str = "en") -> str:
        """The rate as people read it in `language`: "40%", "40 %", or "n/a" when nobody got
        a digest."""
        if self.rate is None:
            return text_for("ins_no_rate", language)
        return text_for("percent", language, n=round(self.rate * 100))


@dataclass(frozen=True)
class TopItem:
    """One shared item (or announcement) with its clicks per network."""

    subject: str
    title: str
    by_network: dict[str, int]
    people: int

    @property
    def total(self) -> int:
        """Clicks on every network."""
        return sum(self.by_network.values())


@dataclass(frozen=True)
class ReportFigures:
    """Reports filed in the period, how fast the team looked, and what is open now."""

    filed: int
    looked_at: int
    median_minutes_to_acknowledge: float | None  # of those looked at only
    open_now: int
    # Filed in the period and not acknowledged by its end, and the longest such wait: the
    # median alone read "0.5 min" with five of six reports ignored for 20 days (review17a M5).
    not_acknowledged: int
    oldest_minutes_unacknowledged: float | None


@dataclass(frozen=True)
class QuestionFigures:
    """Guideline questions asked in the period and how they were answered."""

    asked: int
    confident: int
    not_covered: int
    gaps: tuple[str, ...]
    downvoted: int
    to_team: int  # forwarded to the social media team in the period
    team_answered: int  # of those, answered by the team
    waiting: int  # forwarded at any time and still waiting for an answer now

    @property
    def confident_rate(self) -> float | None:
        """The share of questions answered with confidence; None when none was asked (not 0%)."""
        return self.confident / self.asked if self.asked else None


@dataclass(frozen=True)
class Leader:
    """Someone on the leaderboard (they opted in)."""

    name: str
    clicks: int


@dataclass(frozen=True)
class Figures:
    """Everything the insights show for the `days` before `end`; only the chart's series
    (`chart_days`, `weekly`) reach further back, over at least 8 weeks."""

    start: datetime
    end: datetime
    days: int
    zone: str
    shares_per_day: tuple[DayShares, ...]
    chart_days: tuple[DayShares, ...]
    shares: dict[str, int]
    participation: Participation
    weekly: tuple[Participation, ...]
    top_items: tuple[TopItem, ...]
    offered: int  # items in digests that reached people (not those that failed or expired)
    unshared: int
    unshared_titles: tuple[str, ...]
    reports: ReportFigures
    questions: QuestionFigures
    leaderboard: tuple[Leader, ...] | None = field(default=None)
    ends_now: bool = True
    feeds_failing: tuple[FailingFeed, ...] = ()  # for over a day, when the period ends now
    digests_not_delivered: int = 0  # failed for good in the period, or the person's day ended
    shares_by_conversation: int = 0  # of `shares`, on Teams channel posts: nobody named
    # Platforms whose share clicks are not counted: their people are left out of participation.
    uncounted: tuple[str, ...] = ()

    @property
    def shares_total(self) -> int:
        """Share clicks in the period, every network."""
        return sum(self.shares.values())

    @property
    def nothing_happened(self) -> bool:
        """No digest reached anyone or failed, nothing was shared, reported or asked, nothing
        waits and no feed fails: a period with nothing to tell (before the bot was there)."""
        return not (
            self.offered
            or self.participation.reached
            or self.shares_total
            or self.digests_not_delivered
            or self.reports.filed
            or self.reports.open_now
            or self.questions.asked
            or self.questions.waiting
            or self.feeds_failing
        )

    def as_json(self) -> dict[str, Any]:
        """The figures as one JSON object (times ISO 8601, days as dates)."""
        return {
            "start": _iso(self.start),
            "end": _iso(self.end),
            "days": self.days,
            "zone": self.zone,
            "shares": {**self.shares, "total": self.shares_total},
            "shares_per_day": [
                {"day": d.day.isoformat(), **d.by_network, "total": d.total}
                for d in self.shares_per_day
            ],
            "participation": _participation(self.participation),
            "weekly": [_participation(week) for week in self.weekly],
            "top_items": [
                {
                    "subject": item.subject,
                    "title": item.title,
                    **item.by_network,
                    "total": item.total,
                    "people": item.people,
                }
                for item in self.top_items
            ],
            "offered": self.offered,
            "unshared": self.unshared,
            "unshared_titles": list(self.unshared_titles),
            "reports": {
                "filed": self.reports.filed,
                "looked_at": self.reports.looked_at,
                "median_minutes_to_acknowledge": self.reports.median_minutes_to_acknowledge,
                "open_now": self.reports.open_now,
                "not_acknowledged": self.reports.not_acknowledged,
                "oldest_minutes_unacknowledged": self.reports.oldest_minutes_unacknowledged,
            },
            "questions": {
                "asked": self.questions.asked,
                "confident": self.questions.confident,
                "confident_rate": _json_rate(self.questions.confident_rate),
                "not_covered": self.questions.not_covered,
                "gaps": list(self.questions.gaps),
                "downvoted": self.questions.downvoted,
                "to_team": self.questions.to_team,
                "team_answered": self.questions.team_answered,
                "waiting": self.questions.waiting,
            },
            "leaderboard": None
            if self.leaderboard is None
            else [{"name": leader.name, "clicks": leader.clicks} for leader in self.leaderboard],
            "feeds_failing": [
                {
                    "feed": feed.id,
                    "name": feed.name,
                    "last_read": _iso(feed.read) if feed.read else None,
                    "error": feed.error,
                }
                for feed in self.feeds_failing
            ],
            "digests_not_delivered": self.digests_not_delivered,
            "shares_by_conversation": self.shares_by_conversation,
            "participation_leaves_out": list(self.uncounted),
        }


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _participation(week: Participation) -> dict[str, Any]:
    return {
        "start": _iso(week.start),
        "end": _iso(week.end),
        "reached": week.reached,
        "shared": week.shared,
        "rate": _json_rate(week.rate),
    }


def _json_rate(rate: float | None) -> float | None:
    """A rate for the JSON: four decimals, or null where there is none (never 0)."""
    return None if rate is None else round(rate, 4)


# A period as people type it after `insights`: `30d`, `2w`, `30 days`, `last 2 weeks`.
_PERIOD = re.compile(r"^(?:(?:last|past)\s+)?(\d+)\s*(d|days?|w|weeks?)$", re.IGNORECASE)


def parse_period(text: str) -> int:
    """`7d`, `30d`, `90d`, `2w`, `30 days`, `last 2 weeks` (any number of days or weeks from 1
    day to a year) as days; ValueError else."""
    found = _PERIOD.match(text.strip())
    days = int(found[1]) * (7 if found[2][0].lower() == "w" else 1) if found else 0
    if not 1 <= days <= 366:
        raise ValueError(f"{text!r} is not a period from 1d to a year, such as 7d, 2w or 90d")
    return days


def compute(
    db: Database,
    end: datetime,
    days: int,
    zone: ZoneInfo,
    *,
    leaderboard: bool = False,
    ends_now: bool = True,
    uncounted: tuple[str, ...] = (),
) -> Figures:
    """The figures for the `days` before `end`; the chart's days cover at least 8 weeks.
    `ends_now` is false for a period the caller ended in the past (the title then says when);
    participation leaves out the people of the `uncounted` platforms, whose clicks are unknown."""
    start = end - timedelta(days=days)
    chart_first = last_day(end, zone) - timedelta(days=max(days, CHART_WEEKS * 7) - 1)
    t0, t1 = start.timestamp(), end.timestamp()
    weeks = tuple(
        (end - timedelta(weeks=k + 1), end - timedelta(weeks=k))
        for k in reversed(range(CHART_WEEKS))
    )
    offered, unshared, unshared_titles = _unshared(db, t0, t1)
    return Figures(
        start=start,
        end=end,
        days=days,
        zone=zone.key,
        shares_per_day=_shares_per_day(db, start, end, zone),
        chart_days=_shares_per_day(db, datetime.combine(chart_first, time(), zone), end, zone),
        shares=_shares(db, t0, t1),
        participation=_participation_in(db, [(start, end)], uncounted)[0],
        weekly=tuple(_participation_in(db, list(weeks), uncounted)),
        top_items=_top_items(db, t0, t1),
        offered=offered,
        unshared=unshared,
        unshared_titles=unshared_titles,
        reports=_reports(db, t0, t1),
        questions=_questions(db, start, end),
        leaderboard=_leaderboard(db, t0, t1) if leaderboard else None,
        ends_now=ends_now,
        feeds_failing=tuple(failing_feeds(db, end)) if ends_now else (),
        digests_not_delivered=_not_delivered(db, start, end),
        shares_by_conversation=_by_conversation(db, t0, t1),
        uncounted=uncounted,
    )


def _shares(db: Database, t0: float, t1: float) -> dict[str, int]:
    counts = dict.fromkeys(NETWORK_KEYS, 0)
    rows = db.execute(
        "SELECT network, COUNT(*) FROM share_clicks WHERE at >= ? AND at < ? GROUP BY network",
        [t0, t1],
    ).fetchall()
    for network, clicks in rows:
        if network in counts:
            counts[network] = int(clicks)
    return counts


def _by_conversation(db: Database, t0: float, t1: float) -> int:
    """Share clicks counted for a conversation, not a person (`BY_CONVERSATION`)."""
    (count,) = db.execute(
        f"SELECT COUNT(*) FROM share_clicks WHERE at >= ? AND at < ? AND {BY_CONVERSATION}",
        [t0, t1],
    ).fetchone()
    return int(count)


def _shares_per_day(
    db: Database, start: datetime, end: datetime, zone: ZoneInfo
) -> tuple[DayShares, ...]:
    """Clicks in [start, end) per local day, for each local day the period touches."""
    first = start.astimezone(zone).date()
    last = max(first, last_day(end, zone))
    per_day: dict[date, dict[str, int]] = {
        first + timedelta(days=n): dict.fromkeys(NETWORK_KEYS, 0)
        for n in range((last - first).days + 1)
    }
    rows = db.execute(
        f"SELECT CAST(at / {_BUCKET} AS INTEGER), network, COUNT(*) FROM share_clicks"
        " WHERE at >= ? AND at < ? GROUP BY 1, 2",
        [start.timestamp(), end.timestamp()],
    ).fetchall()
    for bucket, network, clicks in rows:
        day = datetime.fromtimestamp(bucket * _BUCKET, zone).date()
        if day in per_day and network in per_day[day]:
            per_day[day][network] += int(clicks)
    return tuple(DayShares(day, counts) for day, counts in per_day.items())


def last_day(end: datetime, zone: ZoneInfo) -> date:
    """The last local day a period ending (exclusively) at `end` touches."""
    return (end - timedelta(microseconds=1)).astimezone(zone).date()


def _window_case(column: str, windows: Sequence[tuple[datetime, datetime]]) -> str:
    """A SQL expression numbering the window `column` falls in (NULL: none)."""
    whens = " ".join(
        f"WHEN {column} >= {a.timestamp()!r} AND {column} < {b.timestamp()!r} THEN {n}"
        for n, (a, b) in enumerate(windows)
    )
    return f"CASE {whens} END"


def _participation_in(
    db: Database, windows: list[tuple[datetime, datetime]], uncounted: tuple[str, ...] = ()
) -> list[Participation]:
    """For each window: the people sent a digest in it, and how many of them shared in it;
    none on the `uncounted` platforms."""
    lo = min(a for a, _ in windows)
    hi = max(b for _, b in windows)
    first_key, last_key = _key_range(lo, hi)  # `finished_at` then decides exactly
    span = (lo.timestamp(), hi.timestamp())
    # One sort of both sides (no index on share_clicks by person is needed): per window and
    # person, 0 marks a digest and 1 a share; people with a 0 were reached, with a 1 shared.
    rows = db.execute(
        f"""
        SELECT w, COUNT(*), SUM(shared) FROM (
            SELECT w, MAX(s) AS shared FROM (
                SELECT {_window_case("finished_at", windows)} AS w, platform,
                    recipient AS user_id, 0 AS s
                FROM deliveries
                WHERE purpose = 'digest' AND key >= ? AND key <= ? AND state = 'sent'
                    AND finished_at >= ? AND finished_at < ?
                    AND platform NOT IN ({", ".join("?" for _ in uncounted)})
                UNION ALL
                SELECT {_window_case("at", windows)}, platform, user_id, 1
                FROM share_clicks WHERE at >= ? AND at < ? AND subject LIKE 'item:%'
            )
            WHERE w IS NOT NULL
            GROUP BY w, platform, user_id
            HAVING MIN(s) = 0
        )
        GROUP BY w
        """,
        [first_key, last_key, *span, *uncounted, *span],
    ).fetchall()
    found = {int(w): (int(reached), int(shared)) for w, reached, shared in rows}
    return [Participation(a, b, *found.get(n, (0, 0))) for n, (a, b) in enumerate(windows)]


def _not_delivered(db: Database, start: datetime, end: datetime) -> int:
    """Digests given up in [start, end): refused, failed for good, or their person's day ended."""
    (count,) = db.execute(
        "SELECT count(*) FROM deliveries WHERE purpose = 'digest' AND key >= ? AND key <= ?"
        " AND state = 'failed' AND finished_at >= ? AND finished_at < ?",
        [*_key_range(start, end), start.timestamp(), end.timestamp()],
    ).fetchone()
    return int(count)


def _key_range(lo: datetime, hi: datetime) -> tuple[str, str]:
    """The ledger's keys (the recipients' local dates) of digests finished in [lo, hi): a
    day's margin on each side lets the (purpose, key) index narrow the rows."""
    return (lo - timedelta(days=1)).date().isoformat(), (hi + timedelta(days=1)).date().isoformat()


def _titles(db: Database, subjects: Sequence[str]) -> dict[str, str]:
    """Each subject's title, in order: an "item:N"'s (a removed feed's too: its title is
    kept), an "announcement:N"'s headline; "item N (removed)" for an item removed before
    titles were kept, the subject itself for anything else."""
    items = [
        number
        for s in subjects
        if s.startswith("item:") and (number := row_id(s.removeprefix("item:"))) is not None
    ]
    found = {f"item:{i}": title for i, title in item_titles(db, items).items()}
    ids = [
        number
        for s in subjects
        if s.startswith("announcement:")
        and (number := row_id(s.removeprefix("announcement:"))) is not None
    ]
    if ids and db.table("announcements").exists():
        marks = ", ".join("?" for _ in ids)
        for announcement, title in db.execute(
            f"SELECT id, headline FROM announcements WHERE id IN ({marks})", ids
        ).fetchall():
            found[f"announcement:{announcement}"] = str(title)
    gone = {f"item:{i}": f"item {i} (removed)" for i in items}
    return {s: found.get(s) or gone.get(s, s) for s in subjects}


def _top_items(db: Database, t0: float, t1: float) -> tuple[TopItem, ...]:
    rows = db.execute(
        """
        SELECT subject, network, COUNT(*) FROM share_clicks
        WHERE at >= ? AND at < ? GROUP BY subject, network
        """,
        [t0, t1],
    ).fetchall()
    clicks: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(NETWORK_KEYS, 0))
    for subject, network, count in rows:
        if network in NETWORK_KEYS:
            clicks[str(subject)][network] += int(count)
    top = sorted(clicks, key=lambda s: (-sum(clicks[s].values()), s))[:TOP_ITEMS]
    if not top:
        return ()
    people = dict(
        db.execute(
            f"""
            SELECT subject, COUNT(DISTINCT CASE WHEN NOT {BY_CONVERSATION}
                THEN platform || ' ' || user_id END) FROM share_clicks
            WHERE at >= ? AND at < ? AND subject IN ({", ".join("?" for _ in top)})
            GROUP BY subject
            """,
            [t0, t1, *top],
        ).fetchall()
    )
    titles = _titles(db, top)
    return tuple(TopItem(s, titles[s], clicks[s], int(people.get(s, 0))) for s in top)


def _unshared(db: Database, t0: float, t1: float) -> tuple[int, int, tuple[str, ...]]:
    """(items in digests that reached people in the period, how many nobody shared since,
    their titles)."""
    # A removed feed's items count too (no `content_items` row): named by their kept title.
    rows = db.execute(
        """
        SELECT o.item_id,
            EXISTS (SELECT 1 FROM share_clicks c WHERE c.subject = 'item:' || o.item_id
                    AND c.at >= ?)
        FROM (SELECT DISTINCT item_id FROM digest_offered WHERE bucket >= ? AND bucket < ?) o
        LEFT JOIN content_items i ON i.id = o.item_id
        ORDER BY i.fresh_at IS NULL, i.fresh_at DESC, o.item_id DESC
        """,
        [t0, _bucket(t0), _bucket(t1)],
    ).fetchall()
    unshared = [int(item_id) for item_id, shared in rows if not shared]
    titles = _titles(db, [f"item:{i}" for i in unshared[:LISTED]])
    return len(rows), len(unshared), tuple(titles.values())


def _bucket(moment: float) -> int:
    """The first quarter hour starting at or after `moment`."""
    return -int(-moment // _BUCKET)


def prune_offered(db: Database, before: datetime) -> int:
    """Forget which items went out before `before` (beyond every period shown)."""
    with db.atomic():
        cursor = db.execute(
            "DELETE FROM digest_offered WHERE bucket < ?", [int(before.timestamp()) // _BUCKET]
        )
    return int(cursor.rowcount)


def _reports(db: Database, t0: float, t1: float) -> ReportFigures:
    kinds = ", ".join(f"'{kind}'" for kind in TRIAGE_KINDS)
    rows = db.execute(
        f"""
        SELECT r.created_at,
            (SELECT MIN(e.at) FROM report_events e
             WHERE e.report_id = r.id AND e.kind IN ({kinds}))
        FROM reports r WHERE r.created_at >= ? AND r.created_at < ?
        """,
        [t0, t1],
    ).fetchall()
    waits = [(looked - created) / 60 for created, looked in rows if looked is not None]
    ignored = [created for created, looked in rows if looked is None]
    open_marks = ", ".join(f"'{status}'" for status in OPEN)
    (open_now,) = db.execute(
        f"SELECT COUNT(*) FROM reports WHERE status IN ({open_marks})"
    ).fetchone()
    return ReportFigures(
        filed=len(rows),
        looked_at=len(waits),
        median_minutes_to_acknowledge=round(statistics.median(waits), 1) if waits else None,
        open_now=int(open_now),
        not_acknowledged=len(ignored),
        oldest_minutes_unacknowledged=round((t1 - min(ignored)) / 60, 1) if ignored else None,
    )


def _questions(db: Database, start: datetime, end: datetime) -> QuestionFigures:
    since, until = _iso(start), _iso(end)
    asked, confident, not_covered = db.execute(
        """
        SELECT COUNT(*), COALESCE(SUM(confident), 0),
            COALESCE(SUM(verdict = 'not_covered'), 0)
        FROM guideline_answers WHERE asked_at >= ? AND asked_at < ?
        """,
        [since, until],
    ).fetchone()
    gaps = [
        str(question)
        for (question,) in db.execute(
            """
            SELECT question FROM guideline_answers
            WHERE asked_at >= ? AND asked_at < ? AND verdict = 'not_covered'
            GROUP BY lower(question) ORDER BY COUNT(*) DESC, MAX(asked_at) DESC LIMIT ?
            """,
            [since, until, LISTED],
        ).fetchall()
    ]
    (downvoted,) = db.execute(
        "SELECT COUNT(*) FROM guideline_feedback WHERE helpful = 0 AND at >= ? AND at < ?",
        [since, until],
    ).fetchone()
    # Questions forwarded to the team (review11a M13): in the period, answered, waiting now.
    to_team, team_answered, waiting = db.execute(
        """
        SELECT COALESCE(SUM(forwarded_at >= :t0 AND forwarded_at < :t1), 0),
            COALESCE(SUM(forwarded_at >= :t0 AND forwarded_at < :t1 AND answered), 0),
            COALESCE(SUM(NOT answered), 0)
        FROM (SELECT forwarded_at, EXISTS (SELECT 1 FROM team_answers a
                  WHERE a.question_id = q.question_id) AS answered
              FROM team_questions q)
        """,
        {"t0": start.timestamp(), "t1": end.timestamp()},
    ).fetchone()
    return QuestionFigures(
        asked=int(asked),
        confident=int(confident),
        not_covered=int(not_covered),
        gaps=tuple(gaps),
        downvoted=int(downvoted),
        to_team=int(to_team),
        team_answered=int(team_answered),
        waiting=int(waiting),
    )


def _leaderboard(db: Database, t0: float, t1: float) -> tuple[Leader, ...]:
    rows = db.execute(
        """
        SELECT COALESCE(NULLIF(p.name, ''), c.user_id), COUNT(*) AS clicks
        FROM share_clicks c
        JOIN leaderboard_opt_ins o ON o.platform = c.platform AND o.user_id = c.user_id
        LEFT JOIN people p ON p.platform = c.platform AND p.user_id = c.user_id
        WHERE c.at >= ? AND c.at < ?
        GROUP BY c.platform, c.user_id
        ORDER BY clicks DESC, 1
        LIMIT ?
        """,
        [t0, t1, LEADERBOARD],
    ).fetchall()
    return tuple(Leader(str(name), int(clicks)) for name, clicks in rows)
