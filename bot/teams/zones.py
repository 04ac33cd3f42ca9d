"""Time zones of Teams people known from a roster only, from their Outlook mailbox settings in
Microsoft Graph, only where an admin granted the app the application permission
MailboxSettings.Read (with admin consent): never needed, as people's zones come from what they
send the bot; with it, their first digests come at their own morning, not the company's.

Graph gives a Windows zone name ("Central Standard Time") or, where the person chose one, an
IANA name; the Windows names map to IANA as the Unicode CLDR does (the table of tzlocal, which
apscheduler 3 requires, so it is always installed).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import httpx
from tzlocal.windows_tz import win_tz

from bot.teams.graph import GraphClient, refusal
from bot.teams.people import PLATFORM, is_zone
from bot.teams.tokens import TokenRefused, json_object
from handlers.people import Directory

log = logging.getLogger(__name__)

# Graph's answers that say the app may not read mailbox settings at all: no use asking for the
# others today.
NOT_GRANTED = (401, 403)
# What a mailbox whose zone was never set commonly reads: no zone of the person's own, so the
# company's (SOCIALBOT_TIMEZONE) stays theirs.
UNSET = frozenset({"UTC", "Etc/UTC"})
MAILBOX_HINTS = {
    403: "grant the app the MailboxSettings.Read application permission, with admin consent, for"
    " roster people's digests to come at their own morning (optional)",
}


class MailboxZones(GraphClient):
    """Reads people's time zones from their mailbox settings."""

    async def zones(self, user_ids: Iterable[str]) -> dict[str, str]:
        """The IANA zone of each of `user_ids` whose mailbox tells one (none for a person
        without a mailbox or a zone in it, or with UTC, a mailbox's unset zone); {} when the
        app may not read them, said in one log line."""
        if not self.configured:
            return {}
        found: dict[str, str] = {}
        try:
            token = await self.token()
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                for user_id in user_ids:
                    url = f"{self.graph_url}users/{user_id}/mailboxSettings?$select=timeZone"
                    response = await client.get(url, headers={"Authorization": f"Bearer {token}"})
                    if response.status_code in NOT_GRANTED:
                        log.info(
                            "no time zones from Outlook",
                            extra={"reason": refusal(response, MAILBOX_HINTS)},
                        )
                        return found
                    zone = iana(str(json_object(response).get("timeZone") or ""))
                    if response.status_code == 200 and zone and zone not in UNSET:
                        found[user_id] = zone
        except (TokenRefused, httpx.HTTPError) as error:
            log.info("no time zones from Outlook", extra={"reason": str(error) or repr(error)})
        return found


def iana(name: str) -> str:
    """The IANA zone for a mailbox's zone name, Windows ("W. Europe Standard Time") or IANA
    ("Europe/Lisbon"); "" for one that is neither."""
    named = win_tz.get(name, name)
    return named if is_zone(named) else ""


async def learn_zones(directory: Directory, mailboxes: MailboxZones) -> None:
    """Give the Teams people with no known zone (known from a roster only) the zone of their
    mailbox, where the app may read it."""
    unknown = directory.active_ids(PLATFORM, include_guests=True, zones=[""])
    learnt = directory.learn_zones(PLATFORM, await mailboxes.zones(unknown) if unknown else {})
    if learnt:
        log.info("time zones from Outlook", extra={"people": learnt})
