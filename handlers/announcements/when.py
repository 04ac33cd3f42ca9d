"""When an announcement goes: the announcer's time zone, their date and time, and in words;
or the same clock time in each person's time zone."""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import suppress
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers.announcements import ids
from handlers.announcements.store import Draft
from handlers.digest.preferences import parse_time
from handlers.people import zone_named
from handlers.workdays import Holidays, Workdays

# Local hours when a message buzzes people who are asleep: from NIGHT_FROM to NIGHT_UNTIL.
NIGHT_FROM, NIGHT_UNTIL = 22, 7
SHOWN_ZONES = 6  # the audience's other time zones named in the preview, the rest counted


# A date as typed: year first (2026-12-08, 2026/12/8), or year last, with dots (08.12.2026: day
# first, wherever dots are written) or slashes and dashes (8/12/2026: day or month first).
_YEAR_FIRST = re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})")
_YEAR_LAST = re.compile(r"(\d{1,2})([-./])(\d{1,2})\2(\d{4})")
NOT_A_DAY = "Pick a date (YYYY-MM-DD)."


def parse_day(text: str) -> tuple[date | None, str]:
    """A typed date (2026-12-08, 08.12.2026, 13/12/2026), or None and what to type instead:
    8/12/2026 may be the 8th of December or August the 12th, so it is asked again, in
    YYYY-MM-DD."""
    text = text.strip()
    with suppress(ValueError):
        return date.fromisoformat(text), NOT_A_DAY  # what the date pickers send
    if found := _YEAR_FIRST.fullmatch(text):
        year, month, day = found.group(1, 3, 4)
        return _day(int(year), int(month), int(day)), NOT_A_DAY
    found = _YEAR_LAST.fullmatch(text)
    if found is None:
        return None, NOT_A_DAY
    first, separator, second, year = found.groups()
    day_first = _day(int(year), int(second), int(first))
    month_first = None if separator == "." else _day(int(year), int(first), int(second))
    if day_first and month_first and day_first != month_first:
        return None, (
            f"{text} may be {day_first.day} {day_first:%B} or {month_first.day} {month_first:%B}:"
            f" write it as {day_first.isoformat()} or {month_first.isoformat()} (YYYY-MM-DD)."
        )
    return day_first or month_first, NOT_A_DAY


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # the 31st of February, month 13
        return None


def parse_clock(day: str, clock: str) -> tuple[date | None, time | None]:
    """`day` (as `parse_day` reads it) and `clock` (HH:MM, 9:00 or 9.00, as the settings and
    the digest preferences read it) read; None for either that is not one."""
    return parse_day(day)[0], parse_time(clock)


def parse_local(day: str, clock: str, zone: str) -> tuple[datetime | None, str | None, str | None]:
    """`day` (as `parse_day` reads it) at `clock` (HH:MM) in `zone`, as UTC; or what is wrong
    with each."""
    parsed_day, day_problem = parse_day(day)
    parsed_time = parse_time(clock)
    day_error = None if parsed_day else day_problem
    time_error = None if parsed_time else "Pick a time (HH:MM)."
    if parsed_day is None or parsed_time is None:
        return None, day_error, time_error
    local = datetime.combine(parsed_day, parsed_time, tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC), None, None


def local_fields(moment: datetime, zone: str) -> tuple[str, str]:
    """`moment` as the form's date and time in `zone`."""
    local = moment.astimezone(ZoneInfo(zone))
    return local.date().isoformat(), local.strftime("%H:%M")


def in_words(draft: Draft) -> str:
    """ "now", "on Tue 24 Nov 2026 at 10:00 (Europe/Paris)", or "on Tue 24 Nov 2026 at 09:00
    in each person's time zone"."""
    if draft.send_at is None:
        return "now"
    local = draft.send_at.astimezone(ZoneInfo(draft.zone))
    where = "in each person's time zone" if draft.local else f"({draft.zone})"
    return f"on {local:%a %d %b %Y} at {local:%H:%M} {where}"


def wall_clock(draft: Draft) -> tuple[date, time]:
    """The date and time the announcer chose, on their clock."""
    assert draft.send_at is not None
    local = draft.send_at.astimezone(ZoneInfo(draft.zone))
    return local.date(), local.time()


def local_instant(draft: Draft, zone: ZoneInfo) -> datetime:
    """When a scheduled announcement reaches someone in `zone`: at the announcer's chosen
    clock time there, for one sent at each person's time; at its one instant otherwise."""
    assert draft.send_at is not None
    if not draft.local:
        return draft.send_at
    day, clock = wall_clock(draft)
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def first_instant(draft: Draft, zones: Iterable[str], fallback: str) -> datetime | None:
    """When a scheduled announcement starts going out: its instant, or for one sent at each
    person's time, that time in the earliest of `zones` and `fallback` (people with no zone,
    channels, when the audience has any); None when it goes now."""
    if draft.send_at is None or not draft.local:
        return draft.send_at
    names = [*zones, fallback] if _has_zoneless(draft) else list(zones)
    places = {zone_named(name, ZoneInfo(fallback)) for name in names or [fallback]}
    return min(local_instant(draft, zone) for zone in places)


def clock_problems(day: date, clock: time, zones: Iterable[str]) -> list[str]:
    """A line per zone where `clock` on `day` (as typed) does not exist (the clocks jump
    forward) or happens twice (they go back), saying when it goes there instead."""
    lines = []
    for name in dict.fromkeys(zones):
        zone = _zone(name)
        if zone is None:
            continue
        first = datetime.combine(day, clock.replace(fold=0), tzinfo=zone)
        second = first.replace(fold=1)
        if first.utcoffset() == second.utcoffset():
            continue
        named = f"{clock:%H:%M} on {day:%a %d %b %Y} in {name}"
        back = first.astimezone(UTC).astimezone(zone)
        if back.replace(tzinfo=None) != first.replace(tzinfo=None):
            lines.append(
                f"{named} does not exist: the clocks jump forward that night, so it goes at"
                f" {back:%H:%M} there. Pick another time if that is not what you mean."
            )
        else:
            lines.append(
                f"{named} happens twice: the clocks go back that night, so it goes at the"
                f" first {clock:%H:%M} (UTC{first:%z}). Pick another time if that is not what you"
                " mean."
            )
    return lines


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _local_arrivals(draft: Draft, zones: Iterable[str], fallback: str) -> str:
    """Who gets an announcement sent at each person's time when, and at whose clock those
    without a time zone of their own (channels, people the platform gave none) get it."""
    day, clock = wall_clock(draft)
    known = [name for name in dict.fromkeys(zones) if _zone(name) is not None]
    said = f"Each person gets it at {clock:%H:%M} on {day:%a %d %b} on their own clock"
    if known:
        order = sorted(known, key=lambda name: local_instant(draft, ZoneInfo(name)))
        first, last = order[0], order[-1]
        start = local_instant(draft, ZoneInfo(first))
        said += f", first in {first} ({start:%a %H:%M} UTC)"
        if last != first:
            end = local_instant(draft, ZoneInfo(last))
            said += f", last in {last} ({end:%a %H:%M} UTC)"
    if not _has_zoneless(draft):
        return f"{said}."
    without = "Channels" if draft.audience == ids.IN_CHANNELS else "People with no time zone"
    return (
        f"{said}. {without} get it at {clock:%H:%M} in {fallback} (SOCIALBOT_TIMEZONE):"
        " the platform gives them no time zone."
    )


def _has_zoneless(draft: Draft) -> bool:
    """Whether the audience may hold channels or people with no time zone of their own, who
    get it at the fallback zone's time: people chosen by time zone all have one."""
    return draft.audience != ids.IN_TIMEZONES


def days_off(
    draft: Draft, zones: Iterable[str], fallback: str, workdays: Workdays, holidays: Holidays
) -> str | None:
    """Where a scheduled announcement arrives on a public holiday or a day that is no workday
    ("Fri 25 Dec in Europe/Berlin (holiday: DE-BE), …"), as `arrivals` names the
    night (review17a M4: Christmas Day and a Saturday went without a word); None when it
    goes now or on a workday everywhere. `fallback`: the zone of those with none."""
    if draft.send_at is None:
        return None
    names = [*zones, *((fallback,) if _has_zoneless(draft) else ())]
    found: list[str] = []
    for name in dict.fromkeys(names):
        zone = _zone(name)
        if zone is None:
            continue
        day = wall_clock(draft)[0] if draft.local else draft.send_at.astimezone(zone).date()
        if why := holidays.where(zone).why(day):
            found.append(f"{day:%a %d %b} in {name} (holiday: {', '.join(why)})")
        elif day.weekday() not in workdays.where(zone):
            found.append(f"{day:%a %d %b} in {name} (not a workday: SOCIALBOT_DIGEST_DAYS)")
    if not found:
        return None
    more = len(found) - SHOWN_ZONES
    said = ", ".join(found[:SHOWN_ZONES]) + (f" and {more} more" if more > 0 else "")
    return f"It arrives on a day off: {said}."


def arrivals(draft: Draft, zones: Iterable[str], fallback: str) -> str | None:
    """When a scheduled announcement reaches the audience's time zones whose clocks differ from
    the announcer's, night arrivals first ("Their clocks: Tue 03:00 in America/New_York (at
    night), …"), or for one sent at each person's time, from when to when; None when it goes
    now or every clock reads as the announcer's. `fallback`: the zone of those with none."""
    moment, zone = draft.send_at, draft.zone
    if moment is None:
        return None
    if draft.local:
        return _local_arrivals(draft, zones, fallback)
    own = f"{moment.astimezone(ZoneInfo(zone)):%a %H:%M}"
    found: list[tuple[bool, str]] = []
    for name in dict.fromkeys(zones):
        other = _zone(name)
        if other is None:
            continue
        local = moment.astimezone(other)
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
