"""Announcements from Teams: the command word opens the form for announcers only."""

from __future__ import annotations

import json

from tests.teams.conftest import MakeTeams, card_text, cards_in

PERSONAL = "teams-message-personal.json"
MENTION = "teams-message-channel-mention.constructed.json"
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
CHANNEL = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"  # the mention's channel
ELSEWHERE = "19:ffff0000ffff0000ffff0000ffff0000@thread.tacv2"  # a team without the app
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


async def test_the_preview_says_which_chosen_channels_the_app_cannot_post_in(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(announcers=[MEGAN])
    await teams.post(MENTION, text="<at>Test Bot</at> hello")  # the app is in this channel's team
    await teams.post(PERSONAL, text="announce")
    [card] = cards_in(teams.connector.sent[-1].activity)
    [action] = card["actions"]
    typed = {"headline": "Launch", "message": "Hi", "audience": "channels", "when": "now",
             "channels": f"{CHANNEL}, {ELSEWHERE}"}  # fmt: skip
    value = {"action": {"type": "Action.Execute", "verb": action["verb"],
                        "data": {**action["data"], **typed}}}  # fmt: skip
    preview = json.dumps(await (await teams.post(EXECUTE, value=value)).json())

    assert "This is what 2 channels will get" in preview
    assert (
        f"socialbot is not in {ELSEWHERE}: add the app to its team (Manage team, Apps) first."
        in preview
    )
    assert f"not in {CHANNEL}" not in preview
