"""`socialbot forget` leaves nothing of the person in the bodies of messages already sent (a
report card names its reporter and holds their note) nor in the Teams messages lately seen."""

from __future__ import annotations

import asyncio
from typing import Any

from click.testing import CliRunner

from bot.cli import main
from bot.delivery.ledger import DROPPED
from handlers.people import Member
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


async def test_forget_drops_the_failed_cards_about_the_person_and_no_namesakes(
    bot: Any, slack: FakeSlack
) -> None:
    # fix15b 3: failed bodies were matched by the name the directory gives now: a namesake's
    # card lost its body, and the card naming someone by the name they had before kept it.
    names = {"W111": "Alex Kim", "W222": "Alex Kim", "W333": "Bea Old"}
    bot.runtime.core.directory.upsert(Member("slack", user, name) for user, name in names.items())
    slack.fail("chat.postMessage", "msg_too_long", times=3)  # the three cards fail for good
    for number, user in enumerate(("W111", "W222", "W333"), 1):
        await report(bot, f"https://x.com/a/status/{number} they lie", user=user)
    await settled(bot.runtime)
    bot.runtime.core.directory.upsert([Member("slack", "W333", "Bea New")])  # renamed since

    def kept() -> dict[str, bool]:
        rows = bot.runtime.db.execute(
            "SELECT key, payload != ? FROM deliveries WHERE purpose = 'report'", [DROPPED]
        )
        return {key: bool(body) for key, body in rows}

    assert kept() == {"R-0001": True, "R-0002": True, "R-0003": True}
    await forget("slack", "W111", bot.runtime.settings.db)
    await forget("slack", "W333", bot.runtime.settings.db)
    assert kept() == {"R-0001": False, "R-0002": True, "R-0003": False}
    assert "Alex Kim" in bodies(bot.runtime.db)  # W222's card, to send again
    assert "Bea Old" not in bodies(bot.runtime.db)
