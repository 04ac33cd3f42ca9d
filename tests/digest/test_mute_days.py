"""A week's mute in the person's own days: it ends as their day starts, across a DST change,
and App Home shows the same day and the digest time with its zone (review9b T1)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from tests.digest.conftest import COPENHAGEN
from tests.digest.test_buttons import labelled, morning_digest, press
from tests.fakes.slack_requests import home_opened, post_json, wait_for_call


async def home_of(bot: Any, slack: Any, user: str) -> str:
    """The App Home the bot publishes when `user` opens it."""
    envelope = home_opened(user, f"EvMUTEHOME{user}")
    assert (await post_json(bot, envelope)).status == 200
    published = await wait_for_call(slack, "views.publish", 1)
    return json.dumps(published[-1]["view"]["blocks"])


async def test_a_mute_across_summer_time_ends_as_the_day_starts(bot, slack) -> None:
    found = await morning_digest(bot, slack)
    # Monday 22 March 2027, 10:35 in Copenhagen (after the digest); summer time starts Sunday.
    bot.digest.clock = lambda: datetime(2027, 3, 22, 9, 35, tzinfo=UTC)

    answer = await press(bot, slack, labelled(found, "Mute for a week")[0])

    assert answer is not None
    assert answer["text"] == (
        "Digests muted for a week, until Monday 29 March. Your next digest comes"
        " Monday 29 March at 09:30 (Europe/Copenhagen)."
    )
    home = await home_of(bot, slack, COPENHAGEN)
    assert "Muted until Monday 29 March" in home
    assert "09:30 (Europe/Copenhagen)" in home
