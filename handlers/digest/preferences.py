"""Reading the preferences form: every mistake named on its own field, nothing typed lost."""

from __future__ import annotations

import re
from datetime import time
from functools import cache
from zoneinfo import available_timezones

from content_feed.compose import Network
from handlers.digest import ids
from handlers.digest.store import Preferences
from handlers.errors import FormErrors
from handlers.texts import text_for
from handlers.views import Values

MAX_TOPICS = 20
DAY_VALUES = {str(day) for day in range(7)}
# Seconds too, as a client's time picker may send them (`09:00:00`): dropped.
_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?::([0-5]\d))?\s*$")


def _text(values: Values, name: str) -> str:
    value = values.get(name, "")
    return value if isinstance(value, str) else ",".join(value)


def _list(values: Values, name: str) -> list[str]:
    value = values.get(name, [])
    return [
        part for part in (value.split(",") if isinstance(value, str) else value) if part.strip()
    ]


def parse_time(text: str) -> time | None:
    """`09:30` (or `9.30`, `09:30:00`) as a time, to the minute; None when it is not a time
    of day."""
    found = _TIME.match(text)
    if found is None:
        return None
    hour, minute = int(found.group(1)), int(found.group(2))
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _on_off(values: Values, name: str, errors: dict[str, str], language: str) -> bool:
    """An On/Off select (On when left empty); a mistake goes in `errors`, in `language`."""
    chosen = _text(values, name).strip() or ids.ON
    if chosen not in (ids.ON, ids.OFF):
        errors[name] = text_for("choose_on_off", language)
    return chosen == ids.ON


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def read_preferences(
    values: Values, current: Preferences, language: str, *, leaderboard: bool = False
) -> tuple[Preferences, bool | None, str]:
    """The submitted preferences, whether the person joins the leaderboard (None when the
    form had no such field: `leaderboard` is off) and the time zone chosen ("" when none was
    sent); `FormErrors` on the fields that are wrong, said in the person's `language`."""
    errors: dict[str, str] = {}
    zone = _text(values, ids.ZONE).strip()
    if zone and zone not in _zones():
        errors[ids.ZONE] = text_for("choose_zone", language)
    # Left on "Muted until …", the mute stays; On (or Off) ends it.
    muted = _text(values, ids.ENABLED).strip() == ids.MUTED and current.muted_until is not None
    enabled = True if muted else _on_off(values, ids.ENABLED, errors, language)
    joins = _on_off(values, ids.LEADERBOARD, errors, language) if leaderboard else None
    at = parse_time(_text(values, ids.TIME))
    if at is None:
        errors[ids.TIME] = text_for("give_time", language)
    typed_days = [d.strip() for d in _list(values, ids.DAYS)]
    days = sorted({int(d) for d in typed_days if d in DAY_VALUES})
    if not days or len(days) != len(set(typed_days)):
        errors[ids.DAYS] = text_for("choose_days", language)
    known = {n.value for n in Network}
    networks = [n.strip() for n in _list(values, ids.NETWORKS)]
    if not networks or any(n not in known for n in networks):
        errors[ids.NETWORKS] = text_for("choose_networks", language)
    topics = list(
        dict.fromkeys(t.strip() for t in _text(values, ids.TOPICS).split(",") if t.strip())
    )
    if len(topics) > MAX_TOPICS:
        errors[ids.TOPICS] = text_for("too_many_topics", language, count=MAX_TOPICS)
    if errors:
        raise FormErrors(errors)
    prefs = Preferences(
        enabled=enabled,
        at=at,
        days=tuple(days),
        topics=tuple(topics),
        networks=tuple(Network(n) for n in dict.fromkeys(networks)),
        muted_until=current.muted_until if muted else None,
    )
    return prefs, joins, zone
