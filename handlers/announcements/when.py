"""When an announcement goes: the announcer's time zone, their date and time, and in words."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Local hours when a message buzzes people who are asleep: from NIGHT_FROM to NIGHT_UNTIL.
NIGHT_FROM, NIGHT_UNTIL = 22, 7
SHOWN_ZONES = 6  # the audience's other time zones named in the preview, the rest counted


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


def arrivals(moment: datetime | None, zone: str, zones: Iterable[str]) -> str | None:
    """When a scheduled announcement reaches the audience's time zones whose clocks differ from
    the announcer's, night arrivals first ("Their clocks: Tue 03:00 in America/New_York (at
    night), …"); None when it goes now or every clock reads as the announcer's."""
    if moment is None:
        return None
    own = f"{moment.astimezone(ZoneInfo(zone)):%a %H:%M}"
    found: list[tuple[bool, str]] = []
    for name in dict.fromkeys(zones):
        try:
            local = moment.astimezone(ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError):
            continue
        if f"{local:%a %H:%M}" == own:
            continue
        night = local.hour >= NIGHT_FROM or local.hour < NIGHT_UNTIL
        found.append((night, f"{local:%a %H:%M} in {name}" + (" (at night)" if night else "")))
    if not found:
        return None
    found.sort(key=lambda pair: not pair[0])  # stable: night ones first, then as given
    said = [text for _, text in found[:SHOWN_ZONES]]
    more = len(found) - SHOWN_ZONES
    return "Their clocks: " + ", ".join(said) + (f" and {more} more" if more > 0 else "") + "."
