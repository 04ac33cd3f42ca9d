"""The figures behind the insights, exactly, on a database with a known history."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.app import Runtime, build_runtime
from bot.delivery.ledger import Ledger
from content_feed import store
from handlers import privacy
from handlers.insights.figures import Figures, compute, parse_period
from handlers.insights.weekly import Weekly, parse_weekly
from tests.conftest import SettingsFactory
from tests.insights.conftest import END, ZONE, fill, ts


@pytest.fixture
def runtime(make_settings: SettingsFactory) -> Runtime:
    built = build_runtime(make_settings(timezone=ZONE))
    fill(built.db)
    return built


def figures_of(runtime: Runtime, days: int = 7, leaderboard: bool = False) -> Figures:
    return compute(runtime.db, END, days, ZoneInfo(ZONE), leaderboard=leaderboard)


def test_shares_per_network_and_per_local_day(runtime: Runtime) -> None:
    figures = figures_of(runtime)

    assert figures.shares == {"linkedin": 3, "x": 1, "facebook": 1}
    days = {d.day: d.by_network for d in figures.chart_days if d.total}
    assert days == {
        date(2026, 11, 20): {"linkedin": 0, "x": 1, "facebook": 0},
        date(2026, 11, 24): {"linkedin": 1, "x": 1, "facebook": 0},
        date(2026, 11, 25): {"linkedin": 1, "x": 0, "facebook": 0},  # 23:30 local
        date(2026, 11, 26): {"linkedin": 1, "x": 0, "facebook": 0},
        date(2026, 11, 28): {"linkedin": 0, "x": 0, "facebook": 1},  # 00:30 local
    }
    assert len(figures.chart_days) == 56  # eight weeks, whatever the period
    assert figures.chart_days[-1].day == date(2026, 11, 30)
    # The period's own series: the local days from 23 Nov 09:00 to 30 Nov 09:00, its clicks only.
    period = [d.day for d in figures.shares_per_day]
    assert period == [date(2026, 11, 23) + timedelta(days=n) for n in range(8)]
    assert sum(d.total for d in figures.shares_per_day) == figures.shares_total == 5


def test_participation_this_week_and_the_weeks_before(runtime: Runtime) -> None:
    figures = figures_of(runtime)

    assert (figures.participation.reached, figures.participation.shared) == (4, 2)
    weekly = [(week.reached, week.shared) for week in figures.weekly]
    assert weekly == [(0, 0), (0, 0), (0, 0), (0, 0), (0, 0), (1, 0), (2, 1), (4, 2)]
    assert figures.weekly[-1].end == END


def test_top_items_and_the_items_nobody_shared(runtime: Runtime) -> None:
    figures = figures_of(runtime)

    top = [(i.title, i.by_network, i.people) for i in figures.top_items]
    assert top == [
        ("Item one", {"linkedin": 2, "x": 1, "facebook": 0}, 2),
        ("We won the Green Award", {"linkedin": 0, "x": 0, "facebook": 1}, 1),
        ("Item two", {"linkedin": 1, "x": 0, "facebook": 0}, 1),
    ]
    assert (figures.offered, figures.unshared, figures.unshared_titles) == (3, 1, ("Item three",))


def test_reports_and_guideline_questions(runtime: Runtime) -> None:
    figures = figures_of(runtime)

    reports = figures.reports
    assert (reports.filed, reports.looked_at, reports.open_now) == (3, 2, 3)
    assert reports.median_minutes_to_acknowledge == 20.0
    questions = figures.questions
    assert (questions.asked, questions.confident, questions.not_covered) == (4, 2, 1)
    assert questions.gaps == ("Can I post about the merger?",)
    assert (questions.to_team, questions.team_answered, questions.waiting) == (1, 1, 1)
    assert questions.downvoted == 1


def test_a_longer_period_counts_more(runtime: Runtime) -> None:
    figures = figures_of(runtime, days=30)

    assert figures.shares == {"linkedin": 3, "x": 2, "facebook": 1}
    # Ed got a digest on the 10th and shared only the announcement: no digest item (M16).
    assert (figures.participation.reached, figures.participation.shared) == (5, 2)
    assert figures.reports.filed == 4
    assert figures.questions.gaps == ("Can I post about the merger?", "Can I post about lunch?")
    assert len(figures.chart_days) == 56
    assert len(figures.shares_per_day) == 31
    assert sum(d.total for d in figures.shares_per_day) == figures.shares_total == 6


def test_nobody_is_named_unless_the_leaderboard_is_on_and_they_opted_in(
    runtime: Runtime,
) -> None:
    assert figures_of(runtime).leaderboard is None
    assert figures_of(runtime, leaderboard=True).leaderboard == ()
    with runtime.db.conn:
        runtime.db.table("leaderboard_opt_ins").insert(
            {"platform": "slack", "user_id": "U1", "at": 0.0}
        )

    leaders = figures_of(runtime, leaderboard=True).leaderboard

    assert leaders is not None
    assert [(leader.name, leader.clicks) for leader in leaders] == [("Ann", 3)]


def test_forget_keeps_every_count_and_takes_them_off_the_leaderboard(runtime: Runtime) -> None:
    with runtime.db.conn:
        runtime.db.table("leaderboard_opt_ins").insert(
            {"platform": "slack", "user_id": "U1", "at": 0.0}
        )
    before = figures_of(runtime, leaderboard=True).as_json()

    stand_in = privacy.tombstone()
    privacy.forget(runtime.db, "slack", "U1", stand_in)
    Ledger(runtime.db).forget("slack", "U1", stand_in)
    after = figures_of(runtime, leaderboard=True).as_json()

    assert after["leaderboard"] == []
    assert {**after, "leaderboard": None} == {**before, "leaderboard": None}


@pytest.mark.parametrize(
    ("text", "days"),
    [
        *(("7d", 7), ("30d", 30), ("90D", 90), ("2w", 14), (" 1d ", 1), ("30 days", 30)),
        *(("last 30 days", 30), ("Past 2 weeks", 14), ("1 day", 1)),
    ],
)
def test_periods(text: str, days: int) -> None:
    assert parse_period(text) == days


@pytest.mark.parametrize(
    "text", ["", "d", "0d", "400d", "7", "7x", "-7d", "seven days", "last days", "53 weeks"]
)
def test_what_is_no_period_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a period"):
        parse_period(text)


def test_weekly_setting() -> None:
    assert parse_weekly("off") is None
    assert (
        parse_weekly("mon 09:00")
        == parse_weekly("Monday 9.00")
        == Weekly(0, END.time().replace(hour=9))
    )
    assert str(parse_weekly("fri 16:30")) == "fri 16:30"
    for wrong in ("monkey 09:00", "mon", "mon 25:00", "09:00 mon"):
        with pytest.raises(ValueError, match="weekday and time"):
            parse_weekly(wrong)


def test_an_item_counts_as_offered_once_its_digest_is_delivered(runtime: Runtime) -> None:
    # A digest queued on the 29th, then sent: its item counts from then on, not before.
    db = runtime.db
    db.execute(
        "INSERT INTO content_items (id, feed_id, guid, url, url_key, title, first_seen_at,"
        " fresh_at) VALUES (6, 1, '6', 'https://e.com/6', 'e.com/6', 'Item six', ?, ?)",
        [ts(29, 6), ts(29, 6)],
    )
    db.execute(
        "INSERT INTO deliveries (platform, recipient, purpose, key, payload, state, created_at)"
        " VALUES ('slack', 'U3', 'digest', '2026-11-29', 'p', 'queued', ?)",
        [ts(29, 8)],
    )
    db.execute(
        "INSERT INTO digest_sent_items VALUES ('slack', 'U3', 6, '2026-11-29', ?)", [ts(29, 8)]
    )
    assert figures_of(runtime).offered == 3
    db.execute("UPDATE deliveries SET state = 'sent' WHERE recipient = 'U3' AND key = '2026-11-29'")
    assert (figures_of(runtime).offered, figures_of(runtime).unshared_titles[0]) == (4, "Item six")


def test_an_announcement_share_is_no_digest_participation_and_removed_items_keep_titles(
    runtime: Runtime,
) -> None:
    # review11a M16: Cy got a digest and shared only an announcement; then the feed went.
    db = runtime.db
    db.table("share_clicks").insert(
        {"platform": "slack", "user_id": "U3", "subject": "announcement:1", "network": "x",
         "at": ts(26, 12)}
    )  # fmt: skip
    db.execute(
        "INSERT INTO content_items (id, feed_id, guid, url, url_key, title, first_seen_at,"
        " fresh_at) VALUES (6, 1, '6', 'https://e.com/6', 'e.com/6', 'Never offered', 0, 0)"
    )
    store.remove_feed(db, 1, now=END)
    # The titles kept of a removed feed's items were never pruned: its whole history stayed.
    asyncio.run(runtime.digest.prune_titles(END))  # the daily clean-up
    assert store.item_titles(db, [3, 6]) == {3: "Item three"}  # offered, never shared: kept

    figures = figures_of(runtime)

    assert (figures.participation.reached, figures.participation.shared) == (4, 2)
    assert [i.title for i in figures.top_items] == [
        "Item one", "We won the Green Award", "Item two"
    ]  # fmt: skip
    assert (figures.offered, figures.unshared, figures.unshared_titles) == (3, 1, ("Item three",))
