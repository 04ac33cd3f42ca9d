"""Who is in Teams: team rosters and the people who message the bot, into the directory."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity, ChannelAccount

from bot.teams.conversations import Conversations
from handlers.people import Directory, Member

PLATFORM = "teams"
PAGE_SIZE = 500  # the most Teams returns per roster page


def member(account: ChannelAccount, tz: str = "") -> Member | None:
    """The directory entry for a Teams account; None without an Entra id (nobody to key on)."""
    aad = getattr(account, "aad_object_id", None)
    if not aad:
        return None
    role = getattr(account, "user_role", None) or ""
    return Member(
        platform=PLATFORM,
        user_id=aad,
        name=account.name or "",
        tz=tz,
        is_bot=(account.id or "").startswith("28:"),
        guest=role.lower() in ("guest", "anonymous"),
    )


def timezone_of(activity: Activity) -> str:
    """The sender's IANA time zone from the `clientInfo` entity Teams adds to messages."""
    for entity in activity.entities or []:
        properties = entity.additional_properties or {}
        if entity.type == "clientInfo" and isinstance(properties.get("timezone"), str):
            return str(properties["timezone"])
    return ""


def store(directory: Directory, members: Iterable[Member]) -> int:
    """Upsert `members`, keeping a time zone learned earlier when the new entry has none."""
    merged = []
    for entry in members:
        known = directory.get(entry.platform, entry.user_id)
        if known is not None and not entry.tz and known.tz:
            entry = dataclasses.replace(entry, tz=known.tz)
        merged.append(entry)
    return directory.upsert(merged)


async def sync_team(
    turn_context: TurnContext, team_id: str, directory: Directory, conversations: Conversations
) -> int:
    """Read a team's whole roster (page by page) into the directory and the roster table."""
    accounts: list[ChannelAccount] = []
    token: str | None = None
    while True:
        page = await TeamsInfo.get_paged_team_members(turn_context, team_id, token, PAGE_SIZE)
        accounts.extend(page.members or [])
        token = page.continuation_token
        if not token:
            break
    conversations.replace_roster(
        team_id, [(a.id, getattr(a, "aad_object_id", None)) for a in accounts if a.id]
    )
    return store(directory, (m for a in accounts if (m := member(a)) is not None))


def note_sender(directory: Directory, account: ChannelAccount | None, tz: str) -> None:
    """Record who wrote to the bot, and their time zone, without undoing what a roster said."""
    entry = member(account, tz) if account is not None else None
    if entry is None:
        return
    known = directory.get(PLATFORM, entry.user_id)
    if known is not None:
        entry = dataclasses.replace(known, name=entry.name or known.name, tz=tz or known.tz)
        if entry == known:
            return  # nothing new; most messages end here without a write
    directory.upsert([entry])
