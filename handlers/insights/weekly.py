"""When the weekly insights go out: `SOCIALBOT_INSIGHTS` ("mon 09:00", or "off")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
OFF = {"off", "false", "no", "none", "0"}
_WEEKLY = re.compile(r"^\s*([a-z]+)\s+(\S+)\s*$")
# A week's message still goes out this long after its time (the bot was down then); later,
# the next week's is the one to wait for.
CATCH_UP = timedelta(days=1)


@dataclass(frozen=True)
class Weekly:
    """A weekday (Monday is 0) and a local time."""

    weekday: int
    at: time

    def __str__(self) -> str:
        return f"{DAYS[self.weekday]} {self.at:%H:%M}"

    def last_due(self, now: datetime, zone: ZoneInfo) -> datetime:
        """The latest moment at or before `now` when the weekly message was due."""
        local = now.astimezone(zone)
        day = local.date() - timedelta(days=(local.weekday() - self.weekday) % 7)
        due = datetime.combine(day, self.at, zone)
        return due if due <= now else due - timedelta(weeks=1)


def parse_weekly(text: str) -> Weekly | None:
    """`mon 09:00` (any weekday's first three letters or full name, a time as the digest's)
    as a Weekly; `off` as None; ValueError for anything else."""
    from handlers.digest.preferences import parse_time  # only when set: the settings stay light

    if text.strip().lower() in OFF:
        return None
    found = _WEEKLY.match(text.lower())
    word = found.group(1) if found else ""
    at = parse_time(found.group(2)) if found else None
    if at is None or (word not in DAYS and word not in NAMES):
        raise ValueError(f"{text!r} is not a weekday and time such as 'mon 09:00', nor 'off'")
    return Weekly(DAYS.index(word[:3]), at)
