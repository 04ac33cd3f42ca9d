"""Days off: public holidays (the `holidays` package's, per country) and dates the company
names, for everyone or for the people in one time zone (an office), as SOCIALBOT_HOLIDAYS says.

`Europe/Copenhagen=DK, Asia/Kolkata=IN, America/New_York=US-NY, 2026-12-24` gives Copenhagen
Denmark's public holidays, Kolkata India's, New York the state's, and everyone 24 December.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

EVERYONE = ""  # the zone key of what is off for everyone


@cache
def _country(code: str) -> holidays.HolidayBase:
    """The public holidays of a country (`DK`) or a subdivision (`US-NY`), any year."""
    country, _, subdivision = code.partition("-")
    return holidays.country_holidays(country, subdiv=subdivision or None)


@dataclass(frozen=True)
class DaysOff:
    """The days off where one time zone's people are; `day in off` asks about one day."""

    dates: frozenset[date] = frozenset()
    countries: tuple[str, ...] = ()

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and (
            day in self.dates or any(day in _country(code) for code in self.countries)
        )


@dataclass(frozen=True)
class Holidays:
    """SOCIALBOT_HOLIDAYS read: dates and country codes by time zone (EVERYONE: all zones)."""

    dates: tuple[tuple[str, date], ...] = ()
    countries: tuple[tuple[str, str], ...] = ()

    def where(self, zone: ZoneInfo) -> DaysOff:
        """The days off of the people in `zone`."""
        mine = (EVERYONE, str(zone))
        return DaysOff(
            frozenset(day for key, day in self.dates if key in mine),
            tuple(dict.fromkeys(code for key, code in self.countries if key in mine)),
        )


NO_HOLIDAYS = Holidays()


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name!r} is not a time zone such as Europe/Copenhagen") from None
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
    """`[ZONE=]DATE` or `[ZONE=]COUNTRY[-SUBDIVISION]`, comma-separated; ValueError naming the
    entry that is wrong."""
    dates: list[tuple[str, date]] = []
    countries: list[tuple[str, str]] = []
    for entry in (part.strip() for part in text.split(",")):
        if not entry:
            continue
        zone, _, what = entry.rpartition("=")
        zone, what = zone.strip(), what.strip()
        if zone:
            _zone(zone)
        if what[:1].isdigit():
            try:
                dates.append((zone, date.fromisoformat(what)))
            except ValueError:
                raise ValueError(f"{what!r} is not a date such as 2026-12-24") from None
        else:
            countries.append((zone, _country_code(what)))
    return Holidays(tuple(dates), tuple(countries))
