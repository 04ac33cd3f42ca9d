"""Days off: public holidays (the `holidays` package's, per country) and dates the company
names, for everyone or for the people in one time zone (an office), as SOCIALBOT_HOLIDAYS says.

`Europe/Copenhagen=DK, Asia/Kolkata=IN, America/New_York=US-NY, 2026-12-24` gives Copenhagen
Denmark's public holidays, Kolkata India's, New York the state's, and everyone 24 December.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from handlers.people import Directory

if TYPE_CHECKING:
    from holidays import HolidayBase

EVERYONE = ""  # the zone key of what is off for everyone
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SEARCH_DAYS = 30  # far enough to pass any choice of workdays and a holiday season


def _tz_file(name: str) -> bytes | None:
    """A file of the time zone database (a zone's compiled rules, zone.tab), found where
    `ZoneInfo` looks: the system's folders, then the tzdata package; None when neither has it."""
    for root in zoneinfo.TZPATH:
        path = Path(root, name)
        if path.is_file():
            return path.read_bytes()
    with suppress(ImportError, OSError, ValueError):
        return resources.files("tzdata").joinpath("zoneinfo", *name.split("/")).read_bytes()
    return None


@cache
def _rules(name: str) -> bytes:
    """A time zone's compiled rules (its TZif file): the names of one zone (Asia/Kolkata and
    Asia/Calcutta, America/New_York and US/Eastern) have the same; a name not found has only
    itself."""
    return _tz_file(name) or name.encode()


@cache
def _countries_own() -> frozenset[str]:
    """The zones zone.tab gives a country as its own (Europe/Copenhagen for Denmark,
    Europe/Berlin for Germany): never other names of one another, though the tz data since
    2022 compiles some of them alike (Copenhagen, Oslo and Stockholm as Berlin)."""
    table = (_tz_file("zone.tab") or b"").decode("utf-8", "replace")
    rows = (line.split("\t") for line in table.splitlines() if not line.startswith("#"))
    return frozenset(row[2] for row in rows if len(row) > 2)


@cache
def office_of(keys: tuple[str, ...], zone: str) -> frozenset[str]:
    """Which of `keys` (zones named in the settings) are the office of the people in `zone`:
    its own name when the settings have it, else another name of the same zone (a client may
    say Asia/Calcutta where the settings say Asia/Kolkata), never another country's zone."""
    if zone in keys:
        return frozenset((zone,))
    own = _countries_own()
    return frozenset(
        key for key in keys if not (key in own and zone in own) and _rules(key) == _rules(zone)
    )


def parse_weekdays(value: str) -> tuple[int, ...]:
    """Parse `mon-fri`, `mon,wed,fri` or `sun-thu` into weekday numbers (Monday is 0)."""
    days: set[int] = set()
    for part in (piece.strip().lower() for piece in value.split(",")):
        if not part:
            continue
        first, _, last = (piece.strip()[:3] for piece in part.partition("-"))
        if first not in WEEKDAYS or (last and last not in WEEKDAYS):
            raise ValueError(f"{part!r} is not a day or range of days such as mon-fri")
        start, end = WEEKDAYS.index(first), WEEKDAYS.index(last or first)
        span = (end - start) % 7
        days.update((start + offset) % 7 for offset in range(span + 1))
    if not days:
        raise ValueError("name at least one day, for example mon-fri")
    return tuple(sorted(days))


@dataclass(frozen=True)
class Workdays:
    """SOCIALBOT_DIGEST_DAYS read: the company's workweek, and an office's own by time zone."""

    days: tuple[int, ...] = (0, 1, 2, 3, 4)
    by_zone: tuple[tuple[str, tuple[int, ...]], ...] = ()

    def where(self, zone: ZoneInfo) -> tuple[int, ...]:
        """The workweek of the people in `zone`."""
        office = office_of(tuple(key for key, _ in self.by_zone), str(zone))
        return next((days for key, days in self.by_zone if key in office), self.days)

    def of(self, chosen: tuple[int, ...] | None, zone: ZoneInfo) -> tuple[int, ...]:
        """A person's workdays: their own choice, else their office's (by `zone`)."""
        return chosen if chosen is not None else self.where(zone)


def parse_workdays(text: str) -> Workdays:
    """`mon-fri; Asia/Riyadh=sun-thu`: the workweek, then offices' own by time zone, separated
    by semicolons; ValueError naming what is wrong."""
    days: tuple[int, ...] | None = None
    by_zone: list[tuple[str, tuple[int, ...]]] = []
    for part in (piece.strip() for piece in text.split(";")):
        zone, _, named = part.rpartition("=")
        if not zone:
            if days is not None:
                raise ValueError(
                    f"{part!r}: name the workweek once, and an office's own as ZONE=days,"
                    " such as mon-fri; Asia/Riyadh=sun-thu"
                )
            days = parse_weekdays(named)
        else:
            by_zone.append((known_zone(zone.strip()), parse_weekdays(named)))
    return Workdays(Workdays.days if days is None else days, tuple(by_zone))


@cache
def _country(code: str) -> HolidayBase:
    """The public holidays of a country (`DK`) or a subdivision (`US-NY`), any year."""
    from holidays import country_holidays  # 0.2 s: only where holidays are asked about

    country, _, subdivision = code.partition("-")
    return country_holidays(country, subdiv=subdivision or None)


@dataclass(frozen=True)
class DaysOff:
    """The days off where one time zone's people are; `day in off` asks about one day."""

    dates: frozenset[date] = frozenset()
    countries: tuple[str, ...] = ()

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and bool(self.why(day))

    def why(self, day: date) -> tuple[str, ...]:
        """What makes `day` a day off here: SOCIALBOT_HOLIDAYS naming the date, and the
        countries (`DK`, `DE-BE`) whose public holiday it is; empty for a day at work."""
        named = ("SOCIALBOT_HOLIDAYS",) if day in self.dates else ()
        return named + tuple(code for code in self.countries if day in _country(code))


@dataclass(frozen=True)
class Holidays:
    """SOCIALBOT_HOLIDAYS read: dates and country codes by time zone (EVERYONE: all zones)."""

    dates: tuple[tuple[str, date], ...] = ()
    countries: tuple[tuple[str, str], ...] = ()

    def where(self, zone: ZoneInfo) -> DaysOff:
        """The days off of the people in `zone`."""
        keys = tuple(key for key, _ in (*self.dates, *self.countries) if key != EVERYONE)
        mine = {EVERYONE, *office_of(keys, str(zone))}
        return DaysOff(
            frozenset(day for key, day in self.dates if key in mine),
            tuple(dict.fromkeys(code for key, code in self.countries if key in mine)),
        )


NO_HOLIDAYS = Holidays()


def known_zone(name: str) -> str:
    """`name` as the time zone database spells it, read in any case ("Europe/berlin" is
    Europe/Berlin); ValueError when it is no time zone."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        spelt = {zone.lower(): zone for zone in available_timezones()}.get(name.lower())
        if spelt is None:
            raise ValueError(f"{name!r} is not a time zone such as Europe/Copenhagen") from None
        return spelt
    return name


def _country_code(text: str) -> str:
    code = text.upper()
    try:
        _country(code)
    except NotImplementedError:
        raise ValueError(
            f"{text!r} is neither a date (YYYY-MM-DD) nor a country code the holidays package"
            " knows, such as DK, or with a subdivision, US-NY"
        ) from None
    return code


def parse_holidays(text: str) -> Holidays:
    """`[ZONE=]DATE` or `[ZONE=]COUNTRY[-SUBDIVISION]`, separated by commas or semicolons (as
    offices are in SOCIALBOT_DIGEST_DAYS); ValueError naming the entry that is wrong."""
    dates: list[tuple[str, date]] = []
    countries: list[tuple[str, str]] = []
    for entry in (part.strip() for part in re.split(r"[,;]", text)):
        if not entry:
            continue
        zone, _, what = entry.rpartition("=")
        zone, what = zone.strip(), what.strip()
        if zone:
            zone = known_zone(zone)
        if what[:1].isdigit():
            try:
                dates.append((zone, date.fromisoformat(what)))
            except ValueError:
                raise ValueError(f"{what!r} is not a date such as 2026-12-24") from None
        else:
            countries.append((zone, _country_code(what)))
    return Holidays(tuple(dates), tuple(countries))


@dataclass(frozen=True)
class WorkingHours:
    """When people are at work on a workday, on their own clock (SOCIALBOT_REMINDER_HOURS)."""

    start: time
    end: time


def parse_hours(text: str) -> WorkingHours | None:
    """`08:00-18:00` as working hours, `always` as None (any hour); ValueError otherwise."""
    if text.strip().lower() == "always":
        return None
    from handlers.digest.preferences import parse_time  # only when set: a heavy import

    first, _, last = text.partition("-")
    start, end = parse_time(first), parse_time(last)
    if start is None or end is None or start >= end:
        raise ValueError(
            f"{text!r} is not working hours such as 08:00-18:00 (the start before the end),"
            " nor always"
        )
    return WorkingHours(start, end)


class Workweek:
    """Who is at work when: each person's workdays (their own choice, else the company's),
    their time zone, the holidays where they are, and the working hours."""

    def __init__(
        self,
        directory: Directory,
        chosen_days: Callable[[str, str], tuple[int, ...] | None],
        days: Workdays,
        zone: ZoneInfo,
        holidays: Holidays,
        hours: WorkingHours | None,
    ) -> None:
        self.directory = directory
        self.chosen_days = chosen_days
        self.days = days
        self.zone = zone
        self.holidays = holidays
        self.hours = hours

    def next_at_work(self, now: datetime, platform: str = "", user_id: str = "") -> datetime:
        """`now` when the person is at work, else when they next are (UTC); with no person,
        the company's: its workweek in SOCIALBOT_TIMEZONE (a team channel has no clock)."""
        if self.hours is None:
            return now
        zone = self.directory.zone_of(platform, user_id, self.zone) if user_id else self.zone
        days = set(self.days.of(self.chosen_days(platform, user_id) if user_id else None, zone))
        off = self.holidays.where(zone)
        today = now.astimezone(zone).date()
        for day in (today + timedelta(days=offset) for offset in range(SEARCH_DAYS)):
            if day.weekday() not in days or day in off:
                continue
            start = datetime.combine(day, self.hours.start, tzinfo=zone).astimezone(UTC)
            end = datetime.combine(day, self.hours.end, tzinfo=zone).astimezone(UTC)
            if now < end:
                return max(now, start)
        return now  # no workday in sight (none chosen): no reason to wait
