"""Who an announcement goes to: everyone, chosen channels, or the people in given time zones."""

from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.announcements import ids
from handlers.announcements.store import Draft
from handlers.people import Directory

# Channel ids as each platform spells them; a wrong one would only fail at delivery time.
_CHANNEL_IDS = {"slack": re.compile(r"[CG][A-Z0-9]{4,}"), "teams": re.compile(r"19:\S+")}
_ANY_ID = re.compile(r"\S+")
# Slack's channel mention <#C0123|general>, as pasted from a message.
_MENTION = re.compile(r"<#([A-Z0-9]+)(?:\|[^>]*)?>")


def parse_channels(text: str, platform: str) -> tuple[list[str], list[str]]:
    """The channel ids in `text` (commas or spaces between), and the names that are not ids.
    On Teams, whose channel names have spaces ("Social media"), only commas (or lines) come
    between names."""
    text = _MENTION.sub(r"\1", text)
    pattern = _CHANNEL_IDS.get(platform, _ANY_ID)
    words: list[str] = []
    for piece in re.split(r"[,\n]+" if platform == "teams" else r"[,\s]+", text):
        parts = [part.lstrip("#") for part in piece.split()]
        if len(parts) > 1 and not all(pattern.fullmatch(part) for part in parts):
            parts = [" ".join(piece.split()).lstrip("#")]  # one name, in single spaces
        words += [part for part in parts if part]
    good = [w for w in dict.fromkeys(words) if pattern.fullmatch(w)]
    return good, [w for w in words if not pattern.fullmatch(w)]


@dataclass(frozen=True)
class Audience:
    """The people announcements may reach: active humans, guests only when configured;
    `fallback`: the time zone of people the platform gave none, and of channels."""

    directory: Directory
    include_guests: bool = False
    fallback: str = "UTC"

    def known_zones(self, platform: str) -> list[str]:
        """The time zones of the people on `platform`, for the audience choice."""
        return self.directory.zones(platform, include_guests=self.include_guests)

    def zones(self, platform: str, draft: Draft) -> list[str]:
        """The time zones the announcement reaches: everyone's, the chosen ones, none for
        channels."""
        if draft.audience == ids.EVERYONE:
            return self.known_zones(platform)
        return list(draft.timezones)

    def zones_by_recipient(
        self, platform: str, draft: Draft, recipients: list[str]
    ) -> dict[str, str]:
        """Each recipient's time zone: their own, else `fallback` (channels always)."""
        if draft.audience == ids.IN_CHANNELS:
            return dict.fromkeys(recipients, self.fallback)
        known = self.directory.time_zones(platform)
        return {r: known.get(r) or self.fallback for r in recipients}

    def recipients(self, platform: str, draft: Draft) -> list[str]:
        """User ids (DMs) or channel ids (posts) the announcement goes to, each once."""
        if draft.audience == ids.IN_CHANNELS:
            return list(dict.fromkeys(draft.channels))
        return self.directory.active_ids(platform, self.include_guests, self._zones(draft))

    def count(self, platform: str, draft: Draft) -> int:
        """How many `recipients` there are, without reading them all."""
        if draft.audience == ids.IN_CHANNELS:
            return len(dict.fromkeys(draft.channels))
        return self.directory.count_active(platform, self.include_guests, self._zones(draft))

    @staticmethod
    def _zones(draft: Draft) -> tuple[str, ...] | None:
        return tuple(draft.timezones) if draft.audience == ids.IN_TIMEZONES else None


def describe(draft: Draft, count: int) -> str:
    """ "1,204 people", "3 channels", "40 people in Europe/Paris"."""
    if draft.audience == ids.IN_CHANNELS:
        return f"{count:,} channel{'s' * (count != 1)}"
    people = f"{count:,} {'person' if count == 1 else 'people'}"
    if draft.audience == ids.IN_TIMEZONES:
        return f"{people} in {', '.join(draft.timezones)}"
    return people
