"""Who is due when: each person's next digest instant, kept in SQL so a tick stays cheap.

Every eligible person has a `digest_schedule` row whose `next_due` is the UTC instant of their
next digest (their time, on their days, in their zone, after their mute). A tick selects
`next_due <= now` through an index, so 100k people cost one indexed query a minute.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from handlers.digest.store import DigestStore, Preferences
from handlers.people import Member, zone_named
from handlers.workdays import NO_HOLIDAYS, Holidays, Workdays

SEARCH_DAYS = 30  # far enough to pass a week's mute, any choice of days and a holiday season
# A day's digest is due from the person's time until this much later, or noon if that is
# later, and never past their midnight: a morning digest does not arrive in the evening.
LATE_BY = timedelta(hours=3)
NOON = time(12, 0)
# A digest sent this long before a person's zone changed was their new today's digest.
MOVED_WITHIN = timedelta(hours=20)
REPLAN_BATCH = 1000  # people replanned per transaction when the directory changed
# No plan reaches further than SEARCH_DAYS after tomorrow: a next digest planned beyond this was
# planned on a clock that ran ahead (review15b K3).
FURTHEST = timedelta(days=SEARCH_DAYS + 2)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Plan:
    """When digests go out unless a person chooses otherwise."""

    at: time
    days: Workdays
    zone: ZoneInfo
    opt_in: bool
    include_guests: bool
    holidays: Holidays = NO_HOLIDAYS

    def office_zones(self) -> tuple[str, ...]:
        """The zones the settings name: the workspace's, and those given workdays or holidays
        of their own (an office's)."""
        named = (*self.days.by_zone, *self.holidays.dates, *self.holidays.countries)
        return tuple(dict.fromkeys([str(self.zone), *(zone for zone, _ in named if zone)]))

    def zone_of(self, tz: str) -> ZoneInfo:
        """The person's zone, or the workspace's when the platform gave none (or a bad one)."""
        return zone_named(tz, self.zone)

    def reaches(self, member: Member) -> bool:
        """Whether digests go to this member at all: active humans, guests when included."""
        return member.is_active_human and (self.include_guests or not member.guest)

    def time_of(self, prefs: Preferences) -> time:
        """The person's digest time."""
        return prefs.at or self.at

    def days_of(self, prefs: Preferences, zone: ZoneInfo) -> tuple[int, ...]:
        """The person's digest days: their workdays, else their office's (by `zone`)."""
        return self.days.of(prefs.days, zone)


def closes(day: date, zone: ZoneInfo, at: time) -> datetime:
    """When `day`'s digest (due at `at` in `zone`) is given up, in UTC."""
    start = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
    noon = datetime.combine(day, NOON, tzinfo=zone).astimezone(UTC)
    midnight = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return min(max(start + LATE_BY, noon), midnight)


def on_time(
    now: datetime, zone: ZoneInfo, at: time, days: Iterable[int], off: Container[date] = ()
) -> bool:
    """Whether `now` is within the person's digest window on a chosen day that is not `off`."""
    local = now.astimezone(zone)
    start = datetime.combine(local.date(), at, tzinfo=zone).astimezone(UTC)
    workday = local.weekday() in set(days) and local.date() not in off
    return workday and start <= now < closes(local.date(), zone, at)


def next_due(
    now: datetime,
    zone: ZoneInfo,
    at: time,
    days: Iterable[int],
    last_date: date | None = None,
    muted_until: float | None = None,
    off: Container[date] = (),
) -> datetime | None:
    """The first digest instant (UTC) on a chosen day after `last_date`, not muted, not `off`
    (a holiday where the person is).

    Today counts until its digest closes (`closes`) even when its time has passed: someone
    whose digest is late (a restart, a new employee) gets it then rather than tomorrow.
    """
    chosen = set(days)
    first = now.astimezone(zone).date()
    if last_date is not None and last_date >= first:
        first = last_date + timedelta(days=1)
    for offset in range(SEARCH_DAYS):
        day = first + timedelta(days=offset)
        if day.weekday() not in chosen or day in off:
            continue
        instant = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
        if muted_until is not None and instant.timestamp() < muted_until:
            continue
        if closes(day, zone, at) <= now:
            continue
        return instant
    return None


# Active humans (guests only when included), as an SQL condition on `people p`.
_ELIGIBLE = "(p.is_bot = 0 AND p.deleted = 0 AND (p.guest = 0 OR ?))"


class Schedule:
    """The `digest_schedule` table: computed from people and preferences, read by the clock."""

    def __init__(self, db: Database, store: DigestStore, plan: Plan) -> None:
        self.db = db
        self.store = store
        self.plan = plan
        self._people_version: tuple[object, ...] | None = None

    async def follow_directory(self, now: datetime) -> int:
        """(Re)plan people who are new, changed zone or (in)eligibility; returns how many.

        Skipped while the people table is unchanged since the last look; the first look after
        a start replans everyone, so a settings change reaches everyone at once: REPLAN_BATCH
        people a transaction, the loop free for people's clicks between the batches.
        """
        version = tuple(self.db.execute("SELECT count(*), max(updated_at) FROM people").fetchone())
        if version == self._people_version:
            return 0
        first_look = self._people_version is None
        stale = (
            "1"
            if first_look
            else f"(s.user_id IS NULL OR s.tz IS NOT p.tz OR s.eligible != {_ELIGIBLE})"
        )
        params = [] if first_look else [int(self.plan.include_guests)]
        rows = self.db.execute(
            f"SELECT p.platform, p.user_id, p.tz, {_ELIGIBLE} FROM people p"
            " LEFT JOIN digest_schedule s ON s.platform = p.platform AND s.user_id = p.user_id"
            f" WHERE {stale}",
            [int(self.plan.include_guests), *params],
        ).fetchall()
        for start in range(0, len(rows), REPLAN_BATCH):
            with self.db.atomic():
                for platform, user_id, tz, eligible in rows[start : start + REPLAN_BATCH]:
                    self.replan(platform, user_id, now, tz=tz or "", eligible=bool(eligible))
            await asyncio.sleep(0)
        self._people_version = version
        return len(rows)

    def replan(
        self,
        platform: str,
        user_id: str,
        now: datetime,
        *,
        tz: str | None = None,
        eligible: bool | None = None,
        last_date: date | None = None,
        not_before: datetime | None = None,
    ) -> datetime | None:
        """Compute and store the person's next digest instant; None when none is planned.

        `not_before` holds a digest that had nothing to send back until then, without taking
        the day from the person: a later look may find news, unless the day closes first.
        """
        if tz is None or eligible is None:
            # Someone the directory does not know (the console) has no digest to receive.
            known = self.db.execute(
                f"SELECT p.tz, {_ELIGIBLE} FROM people p WHERE p.platform = ? AND p.user_id = ?",
                [int(self.plan.include_guests), platform, user_id],
            ).fetchone()
            tz, eligible = (str(known[0] or ""), bool(known[1])) if known else ("", False)
        if last_date is None:
            last_date = self.last_date(platform, user_id)
        last_date = self._moved(platform, user_id, tz, now, last_date)
        today = now.astimezone(self.plan.zone_of(tz)).date()
        if last_date is not None and last_date > today + timedelta(days=1):
            last_date = None  # sent while the clock ran ahead: that day has not come
        prefs = self.store.preferences(platform, user_id)
        due = None
        if eligible and prefs.wants(self.plan.opt_in):
            zone = self.plan.zone_of(tz)
            due = next_due(
                now if not_before is None else max(now, not_before),
                zone,
                self.plan.time_of(prefs),
                self.plan.days_of(prefs, zone),
                last_date,
                prefs.muted_until,
                self.plan.holidays.where(zone),
            )
        if due is not None and not_before is not None:
            due = max(due, not_before)
        self.db.execute(
            "INSERT INTO digest_schedule (platform, user_id, tz, eligible, next_due, last_date)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, user_id) DO UPDATE SET"
            " tz = excluded.tz, eligible = excluded.eligible, next_due = excluded.next_due,"
            " last_date = excluded.last_date",
            [
                platform,
                user_id,
                tz,
                int(eligible),
                due.timestamp() if due else None,
                last_date.isoformat() if last_date else None,
            ],
        )
        return due

    def _moved(
        self, platform: str, user_id: str, tz: str, now: datetime, last_date: date | None
    ) -> date | None:
        """`last_date` in the zone `tz`: when the person's zone changed, a digest sent in the
        last MOVED_WITHIN counts as their new today's (dates of two zones do not compare: a
        traveller would get two, or none)."""
        row = self.db.execute(
            "SELECT tz FROM digest_schedule WHERE platform = ? AND user_id = ?", [platform, user_id]
        ).fetchone()
        if row is None or (row[0] or "") == tz:
            return last_date
        sent = self.store.last_sent(platform, user_id)
        if sent is None or sent < now - MOVED_WITHIN:
            return last_date
        today = now.astimezone(self.plan.zone_of(tz)).date()
        return today if last_date is None else max(last_date, today)

    def close_today(self, now: datetime) -> int:
        """Mark today's digest done for everyone whose time today came before `now` (after a
        restore: it may have gone out after the backup was taken); returns how many."""
        rows = self.db.execute(
            "SELECT p.platform, p.user_id, p.tz, s.last_date FROM people p LEFT JOIN"
            " digest_schedule s ON s.platform = p.platform AND s.user_id = p.user_id"
            f" WHERE {_ELIGIBLE}",
            [int(self.plan.include_guests)],
        ).fetchall()
        marked = 0
        with self.db.atomic():
            for platform, user_id, tz, last in rows:
                prefs = self.store.preferences(platform, user_id)
                zone = self.plan.zone_of(tz or "")
                today = now.astimezone(zone).date()
                due = datetime.combine(today, self.plan.time_of(prefs), tzinfo=zone)
                done = last is not None and date.fromisoformat(last) >= today
                chosen = today.weekday() in self.plan.days_of(prefs, zone)
                chosen = chosen and today not in self.plan.holidays.where(zone)
                if done or not chosen or due > now or not prefs.wants(self.plan.opt_in):
                    continue
                self.replan(platform, user_id, now, tz=tz or "", eligible=True, last_date=today)
                marked += 1
        return marked

    def due(self, now: datetime, limit: int) -> list[tuple[str, str, str]]:
        """Up to `limit` (platform, user_id, tz) whose digest time has come, most overdue first."""
        self._replan_after_the_clock_ran_ahead(now)
        rows = self.db.execute(
            "SELECT platform, user_id, tz FROM digest_schedule WHERE next_due <= ?"
            " ORDER BY next_due LIMIT ?",
            [now.timestamp(), limit],
        )
        return [(str(p), str(u), str(t)) for p, u, t in rows]

    def _replan_after_the_clock_ran_ahead(self, now: datetime) -> None:
        """Plan again from `now` the digests planned further ahead than any plan reaches: a
        tick on a clock set ahead (a wrong RTC at boot, a bad NTP server) sent digests keyed
        with a future day and planned the next after it; nobody would get one until that
        day came (review15b K3)."""
        ahead = self.db.execute(
            "SELECT platform, user_id FROM digest_schedule WHERE next_due > ?",
            [(now + FURTHEST).timestamp()],
        ).fetchall()
        if not ahead:
            return
        log.warning(
            "%d people's next digest was planned more than %d days ahead, as the clock ran"
            " ahead when it was planned: planned again from now (%s)",
            len(ahead),
            FURTHEST.days,
            now.isoformat(timespec="minutes"),
        )
        with self.db.atomic():
            for platform, user_id in ahead:
                self.replan(platform, user_id, now)

    def next_due(self) -> datetime | None:
        """The soonest digest instant planned for anyone, if any."""
        (soonest,) = self.db.execute("SELECT min(next_due) FROM digest_schedule").fetchone()
        return None if soonest is None else datetime.fromtimestamp(soonest, UTC)

    def last_date(self, platform: str, user_id: str) -> date | None:
        """The local date of the person's last digest run, if any."""
        row = self.db.execute(
            "SELECT last_date FROM digest_schedule WHERE platform = ? AND user_id = ?",
            [platform, user_id],
        ).fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None
