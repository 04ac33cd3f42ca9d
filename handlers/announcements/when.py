"""When an announcement goes: the announcer's time zone, their date and time, and in words."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo


def parse_local(day: str, clock: str, zone: str) -> tuple[datetime | None, str | None, str | None]:
    """`day` (YYYY-MM-DD) at `clock` (HH:MM) in `zone`, as UTC; or what is wrong with each."""
    try:
        parsed_day: date | None = date.fromisoformat(day)
    except ValueError:
        parsed_day = None
    try:
        parsed_time: time | None = time.fromisoformat(clock)
    except ValueError:
        parsed_time = None
    day_error = None if parsed_day else "Pick a date (YYYY-MM-DD)."
    time_error = None if parsed_time else "Pick a time (HH:MM)."
    if parsed_day is None or parsed_time is None:
        return None, day_error, time_error
    local = datetime.combine(parsed_day, parsed_time, tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC), None, None


def local_fields(moment: datetime, zone: str) -> tuple[str, str]:
    """`moment` as the form's date and time in `zone`."""
    local = moment.astimezone(ZoneInfo(zone))
    return local.date().isoformat(), local.strftime("%H:%M")


def in_words(moment: datetime | None, zone: str) -> str:
    """ "now", or "on Tue 24 Nov 2026 at 10:00 (Europe/Paris)"."""
    if moment is None:
        return "now"
    local = moment.astimezone(ZoneInfo(zone))
    return f"on {local:%a %d %b %Y} at {local:%H:%M} ({zone})"
