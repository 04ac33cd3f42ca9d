"""`socialbot forget` leaves nothing of the person in the bodies of messages already sent (a
report card names its reporter and holds their note) nor in the Teams messages lately seen."""

from __future__ import annotations

import asyncio
from typing import Any

from click.testing import CliRunner

from bot.cli import main
from tests.fakes.bot_work import settled
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import card_buttons, report
from tests.teams.conftest import (  # noqa: F401 (fixtures)
    MakeTeams,
    connector,
    load_activity,
    loopback_only,
    make_teams,
    openid_metadata,
)

PERSONAL = "teams-message-personal.json"


async def forget(platform: str, user: str, db: Any) -> str:
    """`socialbot forget` on the bot's database, in a thread (it runs a loop of its own)."""
    command = ["forget", "--platform", platform, "--user", user, "--yes"]
    env = {"SOCIALBOT_DB": str(db)}
    result = await asyncio.to_thread(CliRunner().invoke, main, command, env=env)
    assert result.exit_code == 0, result.output
    return result.output


def bodies(db: Any) -> str:
    return " ".join(row["body"] for row in db.table("delivery_payloads").rows)


async def test_forget_drops_the_sent_cards_bodies_naming_the_person(
    bot: Any, slack: FakeSlack
) -> None:
    await report(bot, "https://x.com/a/status/1 MARKERNOTE they lie", user="W111")
    await card_buttons(slack)
    await settled(bot.runtime)
    assert "User W111" in bodies(bot.runtime.db) and "MARKERNOTE" in bodies(bot.runtime.db)

    await forget("slack", "W111", bot.runtime.settings.db)

    assert "W111" not in bodies(bot.runtime.db) and "MARKERNOTE" not in bodies(bot.runtime.db)


async def test_forget_drops_the_teams_messages_lately_seen_in_the_persons_chat(
    make_teams: MakeTeams,  # noqa: F811 (the fixture)
) -> None:
    teams = await make_teams()
    await teams.post(PERSONAL, text="hi")
    seen = teams.db.table("teams_seen_activities")
    assert seen.count == 1

    await forget("teams", load_activity(PERSONAL, "")["from"]["id"], teams.bot.settings.db)

    assert seen.count == 0
