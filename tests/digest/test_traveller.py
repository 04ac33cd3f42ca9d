"""A Slack traveller: `user_change` brings the new time zone at once, and a digest sent just
before the zone changed counts as the new today's: one digest a day, never two or none
(review9b T7)."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.digest.conftest import (
    COPENHAGEN,
    NEW_YORK,
    add_item,
    at,
    delivered,
    digests_to,
    slack_user,
)
from tests.fakes.slack_requests import post_json


async def travel(bot: Any, user: str, zone: str) -> None:
    """Slack tells the bot that `user`'s time zone is now `zone` (their computer's clock)."""
    envelope = {
        "type": "event_callback",
        "team_id": "T111",
        "api_app_id": "A111",
        "event_id": f"EvTRAVEL{user}{zone}",
        "event_time": 1700000000,
        "event": {"type": "user_change", "user": slack_user(user, zone), "event_ts": "1.2"},
    }
    assert (await post_json(bot, envelope)).status == 200
    for _ in range(200):  # Bolt runs the listener after the acknowledgement
        member = bot.runtime.core.directory.get("slack", user)
        if member is not None and member.tz == zone:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{user} is not in {zone}")


async def test_a_traveller_gets_one_digest_each_morning_of_the_new_zone(bot, slack) -> None:
    tick, db = bot.runtime.core.tick, bot.runtime.db
    # Copenhagen lands in Auckland on Sunday evening, Copenhagen time: Monday morning there.
    await travel(bot, COPENHAGEN, "Pacific/Auckland")
    await tick(at(22, 20, 30))  # Monday 09:30 in Auckland
    await delivered(bot, "2026-11-23")
    assert len(digests_to(slack, COPENHAGEN)) == 1
    add_item(db, 1, "c3", "Example Corp hires", at(23, 7))
    await tick(at(23, 8, 30))  # Monday 09:30 in Copenhagen: hers came already
    assert len(digests_to(slack, COPENHAGEN)) == 1

    # New York has Monday's digest, then flies west; Slack says Auckland on Tuesday morning
    # there, six hours later: that digest was Tuesday's, not a second one the same day.
    await tick(at(23, 14, 30))
    await delivered(bot, "2026-11-23")
    assert len(digests_to(slack, NEW_YORK)) == 1
    await travel(bot, NEW_YORK, "Pacific/Auckland")
    add_item(db, 1, "c4", "Example Corp grows", at(23, 19))
    await tick(at(23, 20, 30))  # Tuesday 09:30 in Auckland
    await delivered(bot, "2026-11-24")
    assert len(digests_to(slack, NEW_YORK)) == 1
    add_item(db, 1, "c5", "Example Corp ships", at(24, 19))
    await tick(at(24, 20, 30))  # Wednesday 09:30 in Auckland
    await delivered(bot, "2026-11-25")
    assert len(digests_to(slack, NEW_YORK)) == 2
