"""Who is in the Slack workspace: users.list, page by page, into the people directory; and who
is in a user group named in the role settings."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.groups import GroupUnreadable
from handlers.people import Directory, Member

PAGE_SIZE = 200  # Slack's recommended page size for users.list
# Beyond the client's own retries, a throttled page waits Slack's Retry-After and is asked for
# again (from its cursor) for this long in all; after that the sync stops where it is.
THROTTLED_FOR_SECONDS = 600.0

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


class MembersCutShort(Exception):
    """Slack kept throttling users.list: `read` members were stored before the sync stopped at
    the page `cursor`."""

    def __init__(self, read: int, cursor: str) -> None:
        super().__init__(f"Slack kept throttling users.list after {read} members")
        self.read = read
        self.cursor = cursor


async def sync_people(
    client: AsyncWebClient, directory: Directory, cursor: str = "", read: int = 0
) -> int:
    """Store every member of the workspace, from the page `cursor` on (a sync cut short goes
    on where it stopped, `read` members in); return how many there were. MembersCutShort when
    Slack throttled a page for longer than THROTTLED_FOR_SECONDS."""
    total, waited = read, 0.0
    while True:
        try:
            page = await client.users_list(limit=PAGE_SIZE, cursor=cursor or None)
        except SlackApiError as error:
            if error.response.status_code != 429:
                raise
            wait = _retry_after(error)
            if waited + wait > THROTTLED_FOR_SECONDS:
                raise MembersCutShort(total, cursor) from None
            waited += wait
            await asyncio.sleep(wait)
            continue
        members = [member(user) for user in page.get("members") or []]
        total += directory.upsert(members)
        cursor = (page.get("response_metadata") or {}).get("next_cursor") or ""
        if not cursor:
            return total


def _retry_after(error: SlackApiError) -> float:
    """The seconds Slack's 429 asks to wait, at least one."""
    headers = error.response.headers or {}
    value = headers.get("Retry-After") or headers.get("retry-after")
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        return max(float(value), 1.0) if value is not None else 1.0
    except ValueError:
        return 1.0


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
