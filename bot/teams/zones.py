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
import time
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import httpx
from tzlocal.windows_tz import win_tz

from bot.teams.graph import BUSY, GraphClient, refusal, retry_after
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


# The most mailboxes asked at one roster read, one after another (review13c R7): a large
# tenant's people get theirs over a few reads, not thousands of calls at each.
PER_READ = 200
# A mailbox that gave no zone (none set, no mailbox: no licence, a shared or room account) is
# not asked again for this long.
UNANSWERED_KEPT = timedelta(days=7)


class MailboxZones(GraphClient):
    """Reads people's time zones from their mailbox settings, remembering (while the bot
    runs) whose mailbox gave none and Graph's throttling."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._unanswered: dict[str, float] = {}  # person → when their mailbox gave no zone
        self._quiet_until = 0.0  # Graph asked to be left alone until then (its Retry-After)

    async def zones(self, user_ids: Iterable[str]) -> dict[str, str]:
        """The IANA zone of each of `user_ids` whose mailbox tells one (none for a person
        without a mailbox or a zone in it, or with UTC, a mailbox's unset zone), asking at most
        PER_READ mailboxes and none asked in the last UNANSWERED_KEPT without an answer; {}
        when the app may not read them, said in one log line. Graph's throttling ends the
        read, and the next asks nothing before its Retry-After is over."""
        now = time.monotonic()
        if not self.configured or now < self._quiet_until:
            return {}
        kept = UNANSWERED_KEPT.total_seconds()
        self._unanswered = {u: at for u, at in self._unanswered.items() if now - at < kept}
        asked = [user_id for user_id in user_ids if user_id not in self._unanswered][:PER_READ]
        found: dict[str, str] = {}
        try:
            token = await self.token()
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                for user_id in asked:
                    url = f"{self.graph_url}users/{user_id}/mailboxSettings?$select=timeZone"
                    response = await client.get(url, headers={"Authorization": f"Bearer {token}"})
                    if response.status_code in NOT_GRANTED:
                        log.info(
                            "no time zones from Outlook",
                            extra={"reason": refusal(response, MAILBOX_HINTS)},
                        )
                        return found
                    if response.status_code in BUSY:
                        wait = retry_after(response)
                        self._quiet_until = time.monotonic() + wait
                        log.info("Graph throttles: zones from Outlook wait", extra={"wait": wait})
                        return found
                    zone = iana(str(json_object(response).get("timeZone") or ""))
                    if response.status_code == 200 and zone and zone not in UNSET:
                        found[user_id] = zone
                    else:
                        self._unanswered[user_id] = now
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
    # Guests' mailboxes are in their own tenants, never in this one.
    unknown = directory.active_ids(PLATFORM, zones=[""])
    learnt = directory.learn_zones(PLATFORM, await mailboxes.zones(unknown) if unknown else {})
    if learnt:
        log.info("time zones from Outlook", extra={"people": learnt})
