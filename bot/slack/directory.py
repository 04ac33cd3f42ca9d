"""Who is in the Slack workspace: users.list, page by page, into the people directory."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from handlers.people import Directory, Member

PAGE_SIZE = 200  # Slack's recommended page size for users.list


def member(user: dict[str, Any]) -> Member:
    """A directory entry for one users.list member."""
    profile = user.get("profile") or {}
    name = profile.get("real_name") or profile.get("display_name") or user.get("name") or ""
    return Member(
        platform="slack",
        user_id=user["id"],
        name=name,
        tz=user.get("tz") or "",
        # Slackbot is not flagged as a bot, but nobody reads its DMs.
        is_bot=bool(user.get("is_bot")) or user["id"] == "USLACKBOT",
        deleted=bool(user.get("deleted")),
        guest=bool(user.get("is_restricted") or user.get("is_ultra_restricted")),
    )


async def sync_people(client: AsyncWebClient, directory: Directory) -> int:
    """Store every member of the workspace; return how many there were."""
    total, cursor = 0, ""
    while True:
        page = await client.users_list(limit=PAGE_SIZE, cursor=cursor or None)
        members = [member(user) for user in page.get("members") or []]
        total += directory.upsert(members)
        cursor = (page.get("response_metadata") or {}).get("next_cursor") or ""
        if not cursor:
            return total
