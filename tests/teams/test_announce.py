"""Announcements from Teams: the command word opens the form for announcers only."""

from __future__ import annotations

from tests.teams.conftest import MakeTeams, card_text, cards_in

PERSONAL = "teams-message-personal.json"
MEGAN = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the Entra id of the sender


async def test_an_announcer_gets_the_form_as_a_card(make_teams: MakeTeams) -> None:
    teams = await make_teams(announcers=[MEGAN])
    await teams.post(PERSONAL, text="announce")
    [call] = teams.connector.sent
    [card] = cards_in(call.activity)
    inputs = {element["id"] for element in card["body"] if "id" in element}
    assert {"headline", "message", "link"} <= inputs


async def test_anyone_else_is_told_who_can_announce(make_teams: MakeTeams) -> None:
    teams = await make_teams()
    await teams.post(PERSONAL, text="announce")
    [call] = teams.connector.sent
    assert "Only announcers can send announcements" in card_text(call.activity)
    assert teams.db["announce_refusals"].count == 1
