"""The social media managers the bot cannot reach in Teams yet: named, and their cards sent once
they can be reached (Teams opens no chat with someone who has not got the app)."""

from __future__ import annotations

from bot.teams.gateway import HOW_TO_REACH, NOT_YET, TeamsGateway
from handlers.core import Core
from handlers.people import CHANNEL_SHAPES

PLATFORM = "teams"
MANAGERS_SETTING = "SOCIALBOT_SOCIAL_MEDIA_MANAGERS"


def unreached(core: Core, gateway: TeamsGateway) -> list[str]:
    """The Teams managers with no chat with the bot and in no team it is in (one who blocked
    or removed it has a chat: the delivery engine names them, as it holds their cards)."""
    return [
        m
        for m in core.managers(PLATFORM)
        if not gateway.reaches(m) and gateway.conversations.find(m) is None
    ]


def release(core: Core, gateway: TeamsGateway) -> int:
    """Send what is kept for the managers the bot can reach now; return how many messages."""
    if not core.can_message(PLATFORM):
        return 0
    reached = [m for m in core.managers(PLATFORM) if gateway.reaches(m)]
    return core.outbox.release(PLATFORM, reached)


def warnings(core: Core, gateway: TeamsGateway, note: str = "") -> list[str]:
    """One line naming the managers the bot cannot reach yet, what to do (and `note`: what
    came of installing the app for them), and who gets the reports meanwhile (for the log at
    start and after each roster read, and `/healthz`)."""
    missing = unreached(core, gateway)
    if not missing:
        return []
    team = core.team_for(PLATFORM)
    if any(CHANNEL_SHAPES[PLATFORM].match(r) for r in team):
        meanwhile = "the escalation channel gets the reports meanwhile"
    elif set(team) - set(missing):
        meanwhile = "the other managers get the reports and questions; theirs wait until then"
    else:
        meanwhile = "the reports and questions are kept for them until then"
    verb = "has" if len(missing) == 1 else "have"
    return [
        f"{MANAGERS_SETTING}: {', '.join(missing)} {NOT_YET.replace('has', verb, 1)}:"
        f" {HOW_TO_REACH}; {note + '; ' if note else ''}{meanwhile}"
    ]
