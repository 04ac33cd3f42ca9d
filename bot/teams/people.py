"""Who is in Teams: team rosters and the people who message the bot, into the directory."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity, ChannelAccount

from bot.teams.conversations import Conversations
from handlers.people import Directory, Member

PLATFORM = "teams"
PAGE_SIZE = 500  # the most Teams returns per roster page


def is_bot(account: ChannelAccount | None) -> bool:
    """Whether the account is a bot's (or an app's): Teams gives them ids that start with 28:."""
    return bool(account and (account.id or "").startswith("28:"))


def member(account: ChannelAccount, tz: str = "", locale: str = "") -> Member | None:
    """The directory entry for a Teams account, with the zone and locale of their client when
    known; None without an Entra id (nobody to key on)."""
    aad = getattr(account, "aad_object_id", None)
    if not aad:
        return None
    role = getattr(account, "user_role", None) or ""
    return Member(
        platform=PLATFORM,
        user_id=aad,
        name=account.name or "",
        tz=tz,
        is_bot=is_bot(account),
        guest=role.lower() in ("guest", "anonymous"),
        locale=locale,
    )


def timezone_of(activity: Activity, known: str = "") -> str:
    """The sender's IANA time zone: the `clientInfo` entity Teams adds to messages, else the
    activity's own `localTimezone` (the Emulator, Web Chat, Direct Line), else a zone with the
    offset of its `localTimestamp`: `known` when it has that offset now, else `Etc/GMT±N`."""
    for entity in activity.entities or []:
        properties = entity.additional_properties or {}
        if entity.type == "clientInfo" and is_zone(properties.get("timezone")):
            return str(properties["timezone"])
    if is_zone(activity.local_timezone):
        return str(activity.local_timezone)
    return _zone_at_offset(activity.local_timestamp, known)


def locale_of(activity: Activity) -> str:
    """The sender's client locale ("da-DK"): the activity's own, else the `clientInfo` entity's;
    "" when neither says."""
    if activity.locale:
        return str(activity.locale)
    for entity in activity.entities or []:
        properties = entity.additional_properties or {}
        if entity.type == "clientInfo" and isinstance(properties.get("locale"), str):
            return str(properties["locale"])
    return ""


def is_zone(name: object) -> bool:
    """Whether `name` is an IANA time zone this machine knows."""
    if not isinstance(name, str) or not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _zone_at_offset(stamp: object, known: str) -> str:
    """A zone whose offset at `stamp` is the stamp's own: `known` if it is one, else the fixed
    `Etc/GMT±N` for whole hours (its sign is POSIX's, the reverse of ISO's); "" otherwise."""
    if not isinstance(stamp, datetime) or (offset := stamp.utcoffset()) is None:
        return ""
    if is_zone(known) and stamp.astimezone(ZoneInfo(known)).utcoffset() == offset:
        return known
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not -12 <= hours <= 14:
        return ""
    return "Etc/UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def unknown_zones(directory: Directory, at: time, zone: str) -> list[str]:
    """A line for the log and `/healthz` while Teams people known only from a roster have no
    time zone: when their digest comes, which may be anyone's night."""
    count = directory.count_active(PLATFORM, zones=[""])
    if not count:
        return []
    who = "1 Teams person has" if count == 1 else f"{count} Teams people have"
    return [
        f"{who} no known time zone (known from a team's roster only): their digest comes at"
        f" {at:%H:%M} {zone} (SOCIALBOT_DIGEST_TIME in SOCIALBOT_TIMEZONE) until they write to"
        " the bot, which gives their zone, or choose one in their preferences (or the app is"
        " granted MailboxSettings.Read, which gives their Outlook zone)"
    ]


def store(directory: Directory, members: Iterable[Member]) -> int:
    """Upsert `members`, keeping a time zone learned earlier when the new entry has none."""
    merged = []
    for entry in members:
        known = directory.get(entry.platform, entry.user_id)
        if known is not None and not entry.tz and known.tz:
            entry = dataclasses.replace(entry, tz=known.tz)
        merged.append(entry)
    return directory.upsert(merged)


class EmptyRoster(Exception):
    """Teams answered a roster read with no people in the team."""


@dataclass(frozen=True)
class RosterRead:
    """A team's roster read into the directory and the roster table."""

    members: int  # how many of its accounts went into the directory
    left: frozenset[str]  # the Entra object ids it listed before and does not any more


async def sync_team(
    turn_context: TurnContext, team_id: str, directory: Directory, conversations: Conversations
) -> RosterRead:
    """Read a team's whole roster (page by page) into the directory and the roster table."""
    accounts: list[ChannelAccount] = []
    token: str | None = None
    while True:
        page = await TeamsInfo.get_paged_team_members(turn_context, team_id, token, PAGE_SIZE)
        accounts.extend(page.members or [])
        token = page.continuation_token
        if not token:
            break
    if not any(getattr(account, "aad_object_id", None) for account in accounts):
        # A team always has its owner: a roster of nobody is Teams failing, not everyone leaving.
        raise EmptyRoster(f"Teams listed nobody in team {team_id}; its roster is kept as it was")
    left = conversations.replace_roster(team_id, _roster_entries(accounts))
    stored = store(directory, (m for a in accounts if (m := member(a)) is not None))
    return RosterRead(stored, frozenset(left))


def remove_from_team(
    team_id: str,
    accounts: Iterable[ChannelAccount],
    directory: Directory,
    conversations: Conversations,
) -> int:
    """People Teams removed from a team: out of its roster, and gone unless Teams still shows
    them to the bot elsewhere; return how many were marked gone."""
    ids = {found for entry in _roster_entries(accounts) for found in entry if found}
    return mark_leavers(conversations.remove_from_roster(team_id, ids), directory, conversations)


def app_removed(
    team_id: str, directory: Directory, conversations: Conversations, keep: Collection[str]
) -> int:
    """The app was removed from a team: its roster's people whom Teams shows the bot nowhere
    else are marked gone (so not counted or sent to; back once a roster lists them or they
    write), but those in `keep` (the managers, named as not reachable yet instead); return how
    many were marked."""
    return mark_leavers(conversations.roster_of(team_id) - set(keep), directory, conversations)


def mark_leavers(left: Collection[str], directory: Directory, conversations: Conversations) -> int:
    """Mark gone the people in `left` (Entra object ids that dropped out of a roster) whom Teams
    no longer shows the bot anywhere: in no other team's roster, no personal chat with the app
    installed; return how many were marked."""
    return directory.mark_gone(PLATFORM, set(left) - conversations.present(left))


def _roster_entries(accounts: Iterable[ChannelAccount]) -> list[tuple[str, str | None]]:
    """(Teams id, Entra object id) of each account that has a Teams id."""
    return [(a.id, getattr(a, "aad_object_id", None)) for a in accounts if a.id]


def note_sender(
    directory: Directory, account: ChannelAccount | None, tz: str, locale: str = ""
) -> None:
    """Record who wrote to the bot (or installed it), their time zone and locale, without
    undoing what a roster said."""
    entry = member(account, tz, locale) if account is not None else None
    if entry is None:
        return
    known = directory.get(PLATFORM, entry.user_id)
    if known is not None:
        # Whoever writes is there, even if a roster had lost them.
        entry = dataclasses.replace(
            known,
            name=entry.name or known.name,
            tz=tz or known.tz,
            locale=locale or known.locale,
            deleted=False,
        )
        if entry == known:
            return  # nothing new; most messages end here without a write
    directory.learn(entry)
