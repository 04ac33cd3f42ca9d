"""The Teams report card says when the report came in with Adaptive Cards' date functions,
drawn in each reader's own zone (review9b T4)."""

from __future__ import annotations

from tests.reports.conftest import LINK
from tests.reports.test_report_time import created_at
from tests.teams.conftest import MakeTeams, card_text
from tests.teams.test_team_questions import OLO, OLO_CHAT, calls_where, posted_to

PERSONAL = "teams-message-personal.json"


async def test_the_teams_card_shows_the_time_in_each_readers_zone(make_teams: MakeTeams) -> None:
    teams = await make_teams(social_media_managers=[OLO["aadObjectId"]])
    await teams.runtime.delivery.start()
    try:
        await teams.post(PERSONAL, text="hi", conversation=OLO_CHAT, **{"from": OLO})
        await teams.post(PERSONAL, text=f"report {LINK}")
        [card] = await calls_where(teams.connector, posted_to(OLO_CHAT["id"]))
    finally:
        await teams.runtime.delivery.stop()
    iso = f"{created_at(teams.db):%Y-%m-%dT%H:%M:%SZ}"
    assert f"Reported {{{{DATE({iso}, SHORT)}}}} {{{{TIME({iso})}}}}." in card_text(card.activity)
