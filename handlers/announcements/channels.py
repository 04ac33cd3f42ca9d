"""Announcements to channels: typed `#names` found, the bot's membership checked before sending,
and why a channel or a person was not reached, in words."""

from __future__ import annotations

from collections.abc import Iterable

from handlers.core import Channel, Channels

BOT = "socialbot"  # the bot's name until the platform tells it
# How the delivery engine's reason starts for a message given up while its platform was down
# (paused, past its use): the announcer can have it sent once the platform works again.
GIVEN_UP_IN_OUTAGE = "given up after "
DOWN_TOO_LONG = "not sent: {platform} was down so long that the bot stopped trying"

# What the platforms answer (Slack's codes, Teams' sentences' starts) → what it means, in words.
# A channel's refusal ends with what to do about it; `{bot}` is the bot's name.
CHANNEL_REASONS = {
    "not_in_channel": "@{bot} is not in it: type `/invite @{bot}` there",
    "channel_not_found": "I can't see it: it was deleted, or it is private and needs"
    " `/invite @{bot}` there",
    "is_archived": "it is archived: unarchive it and type `/invite @{bot}` there",
    "no stored Teams conversation": "the app is not in its team: add it (Manage team, Apps)",
    "the app was uninstalled": "the app was removed from that team: add it again",
    GIVEN_UP_IN_OUTAGE: DOWN_TOO_LONG,
}
PERSON_REASONS = {
    "user_not_found": "no longer in the workspace",
    "account_inactive": "account deactivated",
    "user_disabled": "account deactivated",
    "cannot_dm_bot": "a bot, which cannot get messages",
    "no stored Teams conversation": "has not installed the app yet",
    "the bot is blocked": "blocked the bot",
    "the app was uninstalled": "removed the app",
    "the app was removed from the team": "not reachable since the app was removed from their"
    " team (back once the app is, or once they open socialbot)",
    GIVEN_UP_IN_OUTAGE: DOWN_TOO_LONG,
}


def _worded(reason: str, words: dict[str, str]) -> str | None:
    return next((said for start, said in words.items() if reason.startswith(start)), None)


def channel_reason(reason: str, bot: str, platform: str) -> str:
    """Why a channel did not get the announcement on `platform` and what to do, in words."""
    said = _worded(reason, CHANNEL_REASONS)
    if said is None:
        return f"the platform refused it ({reason})"
    return said.format(bot=bot or BOT, platform=platform.capitalize())


def person_reason(reason: str, platform: str) -> str:
    """Why people did not get the announcement on `platform`, in words."""
    said = _worded(reason, PERSON_REASONS)
    if said is None:
        return f"the platform refused ({reason})"
    return said.format(platform=platform.capitalize())


def person_reasons(reasons: Iterable[tuple[str, int]], platform: str) -> list[tuple[str, int]]:
    """Why people did not get the announcement on `platform`, each in words once with how
    many it kept (the platforms' reasons name each person), the most first."""
    counts: dict[str, int] = {}
    for reason, count in reasons:
        said = person_reason(reason, platform)
        counts[said] = counts.get(said, 0) + count
    return sorted(counts.items(), key=lambda said: -said[1])


def given_up_in_outage(reason: str) -> bool:
    """Whether a delivery failed because its platform was down for longer than it was worth."""
    return reason.startswith(GIVEN_UP_IN_OUTAGE)


def label(channel: Channel) -> str:
    """`#news`, or the id when the name is unknown."""
    return f"#{channel.name}" if channel.name else channel.id


async def found(lookup: Channels | None, names: list[str]) -> tuple[list[str], list[str]]:
    """The ids of the channels typed by name, and the names no channel has."""
    ids: list[str] = []
    missing: list[str] = []
    for name in names:
        channel_id = await lookup.named(name) if lookup is not None else None
        if channel_id is None:
            missing.append(name)
        else:
            ids.append(channel_id)
    return ids, missing


def not_found(names: list[str], lookup: Channels | None, platform: str) -> str:
    """The form's line for typed channels that are none the bot can see on `platform`."""
    listed = ", ".join(f"#{name}" for name in names)
    if lookup is None:
        return f"These are not channel ids: {', '.join(names)}."
    if platform == "teams":
        return (
            f"I can't find {listed}: paste the channel's link (“Get link to channel” in the"
            " channel's … menu), or its name when only one channel of the teams that added me"
            " has it."
        )
    bot = lookup.bot_name() or BOT
    return (
        f"I can't find {listed}: check the spelling; a private channel shows only after"
        f" `/invite @{bot}` there."
    )


def cannot_post(channel: Channel, platform: str, bot: str) -> str | None:
    """What keeps the bot from posting in `channel` and what to do first, or None."""
    bot = bot or BOT
    if platform == "teams" and (channel.member is False or not channel.found):
        return (
            f"{bot} is not in {label(channel)}: add the app to its team (Manage team, Apps) first."
        )
    if not channel.found:
        return (
            f"I can't see {channel.id}: it was deleted, or it is private: type `/invite @{bot}`"
            " there first."
        )
    if channel.member is False:
        return f"@{bot} is not in {label(channel)}: type `/invite @{bot}` there first."
    return None


async def warnings(lookup: Channels | None, channel_ids: Iterable[str], platform: str) -> list[str]:
    """A line per chosen channel the bot cannot post in, or whose people include other
    organisations', for the preview."""
    if lookup is None:
        return []
    lines = []
    for channel_id in channel_ids:
        channel = await lookup.info(channel_id)
        line = cannot_post(channel, platform, lookup.bot_name())
        if line is None and channel.external:
            line = (
                f"{label(channel)} is shared with other organisations: people outside the"
                " company will see this announcement and its suggested posts."
            )
        if line is not None:
            lines.append(line)
    return lines
