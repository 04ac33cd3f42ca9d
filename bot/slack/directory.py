"""Who is in the Slack workspace: users.list, page by page, into the people directory; and who
is in a user group named in the role settings."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.groups import GroupGone, GroupUnreadable
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


def sender_teams(body: dict[str, Any]) -> frozenset[str]:
    """The workspace (and Enterprise Grid org) of whoever sent a request, as far as it says: a
    slash command's team_id and enterprise_id, an interaction's user.team_id, an event's
    user_team (the sender's, in a Slack Connect channel) or team; empty when it says none."""
    user, event = body.get("user"), body.get("event")
    if "command" in body:
        found = [body.get("team_id"), body.get("enterprise_id")]
    elif isinstance(user, dict):
        team = body.get("team")
        grid = team.get("enterprise_id") if isinstance(team, dict) else None
        same = isinstance(team, dict) and team.get("id") == user.get("team_id")
        found = [user.get("team_id"), grid if same else None]
    elif isinstance(event, dict):
        found = [event.get("user_team") or event.get("team")]
    else:
        found = []
    return frozenset(team for team in found if isinstance(team, str) and team)


def outside(teams: frozenset[str], company: frozenset[str]) -> bool:
    """Whether `teams` (a sender's workspace and org) are known and none is the company's;
    an empty `company` (auth.test not answered yet) serves everyone."""
    return bool(company) and bool(teams) and not teams & company


def stranger(user: dict[str, Any], company: frozenset[str]) -> bool:
    """Whether a users.info or users.list member belongs to another organisation: Slack calls
    them a stranger, or their workspace and org are not the company's."""
    grid = user.get("enterprise_user")
    teams = [user.get("team_id"), grid.get("enterprise_id") if isinstance(grid, dict) else None]
    known = frozenset(team for team in teams if isinstance(team, str) and team)
    return bool(user.get("is_stranger")) or outside(known, company)


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
        locale=str(user.get("locale") or ""),  # with `include_locale` only
    )


class MembersCutShort(Exception):
    """Slack kept throttling users.list: `read` members were stored before the sync stopped at
    the page `cursor`."""

    def __init__(self, read: int, cursor: str) -> None:
        super().__init__(f"Slack kept throttling users.list after {read} members")
        self.read = read
        self.cursor = cursor


async def sync_people(
    client: AsyncWebClient,
    directory: Directory,
    company: frozenset[str],
    cursor: str = "",
    read: int = 0,
) -> int:
    """Store every member of the workspace but strangers (of another organisation than
    `company`), from the page `cursor` on (a sync cut short goes on where it stopped, `read`
    members in); return how many there were. MembersCutShort when Slack throttled a page for
    longer than THROTTLED_FOR_SECONDS."""
    total, waited = read, 0.0
    while True:
        try:
            page = await client.users_list(
                limit=PAGE_SIZE, cursor=cursor or None, include_locale=True
            )
        except SlackApiError as error:
            if error.response.status_code != 429:
                raise
            wait = _retry_after(error)
            if waited + wait > THROTTLED_FOR_SECONDS:
                raise MembersCutShort(total, cursor) from None
            waited += wait
            await asyncio.sleep(wait)
            continue
        found = page.get("members") or []
        members = [member(user) for user in found if not stranger(user, company)]
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
        gone = GroupGone if code == "no_such_subteam" else GroupUnreadable
        raise gone(f"{code}: {hint}" if hint else code) from None
    except (aiohttp.ClientError, TimeoutError) as error:
        raise GroupUnreadable(f"cannot reach Slack: {error or type(error).__name__}") from None
    return [str(user_id) for user_id in answer.get("users") or []]
