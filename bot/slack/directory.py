"""Who is in the Slack workspace: users.list, page by page, into the people directory; and who
is in a user group named in the role settings."""

from __future__ import annotations

from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.groups import GroupUnreadable
from handlers.people import Directory, Member

PAGE_SIZE = 200  # Slack's recommended page size for users.list

# What to do about the errors of usergroups.users.list that a person can put right.
USER_GROUP_HINTS = {
    "missing_scope": "the app lacks the usergroups:read scope; add it (or create the app "
    "again from `socialbot slack-manifest`) and reinstall the app",
    "no_such_subteam": "there is no such user group in the workspace; check its S… id",
    "plan_upgrade_required": "user groups need a paid Slack plan",
}


def error_code(error: SlackApiError) -> str:
    """Slack's error code in a refusal (`missing_scope`), or the HTTP status without one."""
    data = error.response.data  # text, not JSON, when something other than Slack answered
    code = data.get("error") if isinstance(data, dict) else None
    return str(code or "") or f"HTTP {error.response.status_code}"


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


async def user_group_members(client: AsyncWebClient, group_id: str) -> list[str]:
    """The member ids of the user group `group_id`; GroupUnreadable says why Slack would not
    tell."""
    try:
        answer = await client.usergroups_users_list(usergroup=group_id, include_disabled=False)
    except SlackApiError as error:
        code = error_code(error)
        hint = USER_GROUP_HINTS.get(code)
        raise GroupUnreadable(f"{code}: {hint}" if hint else code) from None
    except (aiohttp.ClientError, TimeoutError) as error:
        raise GroupUnreadable(f"cannot reach Slack: {error or type(error).__name__}") from None
    return [str(user_id) for user_id in answer.get("users") or []]
