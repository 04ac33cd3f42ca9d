"""`next_due`: a person's next digest instant in their zone, on their days, after their mute."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from handlers.digest.schedule import closes, next_due
from handlers.digest.store import DigestStore, Preferences, migrations

WEEKDAYS = (0, 1, 2, 3, 4)
CPH = ZoneInfo("Europe/Copenhagen")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "zone", "last", "muted", "expected"),
    [
        # before the time on a Monday: today at 09:30 local
        ("2026-11-23 06:00", CPH, None, None, "2026-11-23 08:30"),
        # after the time and not sent yet: still today (a late digest beats none)
        ("2026-11-23 11:29", CPH, None, None, "2026-11-23 08:30"),
        # past the day's window (09:30 + 3 h): tomorrow, not a "morning" digest in the evening
        ("2026-11-23 11:30", CPH, None, None, "2026-11-24 08:30"),
        ("2026-11-23 19:40", CPH, None, None, "2026-11-24 08:30"),
        # sent today: tomorrow
        ("2026-11-23 12:00", CPH, date(2026, 11, 23), None, "2026-11-24 08:30"),
        # Friday after sending: Monday
        ("2026-11-27 12:00", CPH, date(2026, 11, 27), None, "2026-11-30 08:30"),
        # Sunday evening in New York is already Monday in UTC: Monday 09:30 New York time
        ("2026-11-23 01:00", ZoneInfo("America/New_York"), None, None, "2026-11-23 14:30"),
        # muted until Wednesday noon: Thursday
        ("2026-11-23 06:00", CPH, None, "2026-11-25 12:00", "2026-11-26 08:30"),
        # summer time: 09:30 in Copenhagen is 07:30 UTC
        ("2026-06-01 05:00", CPH, None, None, "2026-06-01 07:30"),
        # the night summer time ends (Sunday 25 October 2026) does not shift Monday
        ("2026-10-24 12:00", CPH, date(2026, 10, 23), None, "2026-10-26 08:30"),
    ],
)
def test_next_due(now, zone, last, muted, expected) -> None:
    mute = utc(muted).timestamp() if muted else None
    assert next_due(utc(now), zone, time(9, 30), WEEKDAYS, last, mute) == utc(expected)


@pytest.mark.parametrize(
    ("at", "closes_at"),
    [
        (time(7, 0), "2026-11-23 11:00"),  # an early digest waits until noon
        (time(9, 30), "2026-11-23 11:30"),  # three hours after its time
        (time(22, 30), "2026-11-23 23:00"),  # never past the person's midnight
    ],
)
def test_a_day_s_digest_closes_three_hours_later_or_at_noon(at, closes_at) -> None:
    assert closes(date(2026, 11, 23), CPH, at) == utc(closes_at)


def test_no_day_chosen_means_never() -> None:
    assert next_due(utc("2026-11-23 06:00"), CPH, time(9, 30), ()) is None


@pytest.mark.parametrize(
    ("prefs", "opt_in", "wanted"),
    [
        (Preferences(), False, True),
        (Preferences(), True, False),
        (Preferences(enabled=True), True, True),
        (Preferences(enabled=False), False, False),
    ],
)
def test_opt_out_by_default_opt_in_when_configured(prefs, opt_in, wanted) -> None:
    assert prefs.wants(opt_in) is wanted


def test_people_who_got_digests_before_the_welcome_came_are_not_welcomed(tmp_path) -> None:
    # The welcome before a first digest (review12a E11) is not sent to everyone on the upgrade.
    db = Database(tmp_path / "bot.db")
    migrations.apply(db, stop_before="create_digest_welcomed")
    db.execute(
        "INSERT INTO digest_schedule (platform, user_id, last_date) VALUES"
        " ('slack', 'UOLD', '2026-11-20'), ('slack', 'UNEW', NULL)"
    )
    migrations.apply(db)
    store, now = DigestStore(db), datetime(2026, 11, 23, tzinfo=UTC)
    assert store.welcomed_on("slack", "UOLD") == "2026-11-20"
    assert store.welcomed_on("slack", "UNEW") is None
    store.welcome("slack", "UNEW", now.date())
    assert store.welcomed_on("slack", "UNEW") == "2026-11-23"
