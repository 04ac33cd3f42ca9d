"""Announcements from Teams: the command word opens the form for announcers only."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.teams.channels import TeamsChannels
from handlers.announcements import ids
from handlers.people import Member
from tests.announcements.conftest import tomorrow_at
from tests.fakes.bot_work import settled
from tests.teams.conftest import MakeTeams, Teams, card_text, cards_in
from tests.teams.test_team_questions import ASKER_CHAT, buttons

PERSONAL = "teams-message-personal.json"
MENTION = "teams-message-channel-mention.constructed.json"
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
TEAM_EVENT = "teams-conversationUpdate-bot-added-to-team.json"  # in CHANNEL, the team's General
CHANNEL = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"  # the mention's channel
NEWS = "19:0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e@thread.tacv2"  # another channel of that team
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
    preview = json.dumps(await execute(teams, action, typed))

    assert "This is what 2 channels will get" in preview
    assert (
        f"socialbot is not in {ELSEWHERE}: add the app to its team (Manage team, Apps) first."
        in preview
    )
    assert f"not in {CHANNEL}" not in preview


async def test_a_channel_is_chosen_by_its_link_or_its_name_and_a_wrong_one_is_told_how(
    make_teams: MakeTeams,
) -> None:
    # review10a T7: only the raw id worked, and the refusal gave Slack's `/invite` advice.
    teams = await make_teams(announcers=[MEGAN])
    await teams.post(MENTION, text="<at>Test Bot</at> hello")  # the app is in this channel's team
    conversations = teams.bot.conversations
    team = conversations.get(CHANNEL)
    assert team is not None
    conversations.add_channels(team, [(NEWS, "News")])
    await teams.post(PERSONAL, text="announce")
    [card] = cards_in(teams.connector.sent[-1].activity)
    [action] = card["actions"]
    pasted = CHANNEL.replace(":", "%3a").replace("@", "%40")
    link = f"https://teams.microsoft.com/l/channel/{pasted}/General?groupId=1&tenantId=2"
    typed = {"headline": "Launch", "message": "Hi", "audience": "channels", "when": "now",
             "channels": f"{link}, #news"}  # fmt: skip

    preview = json.dumps(await execute(teams, action, typed), ensure_ascii=False)

    assert "This is what 2 channels will get" in preview
    refused = json.dumps(await execute(teams, action, {**typed, "channels": "#Marketing"}))
    assert "I can't find #Marketing: paste the channel's link" in refused
    assert "/invite" not in refused


async def test_a_renamed_channel_is_chosen_by_its_new_name_spaces_and_all(
    make_teams: MakeTeams,
) -> None:
    # review10c R13: only its old name found it, and a name with a space could not be typed.
    teams = await make_teams(announcers=[MEGAN])
    await teams.post(MENTION, text="<at>Test Bot</at> hello")  # the app is in this channel's team
    team = teams.bot.conversations.get(CHANNEL)
    assert team is not None
    teams.bot.conversations.add_channels(team, [(NEWS, "News")])
    renamed = {"team": {"id": team.team_id}, "eventType": "channelRenamed",
               "channel": {"id": NEWS, "name": "Press room"}}  # fmt: skip
    await teams.post(TEAM_EVENT, membersAdded=[], channelData=renamed)
    await teams.post(PERSONAL, text="announce")
    [card] = cards_in(teams.connector.sent[-1].activity)
    [action] = card["actions"]
    typed = {"headline": "Launch", "message": "Hi", "audience": "channels", "when": "now",
             "channels": "#Press  room"}  # fmt: skip

    preview = json.dumps(await execute(teams, action, typed), ensure_ascii=False)

    assert "This is what 1 channel will get" in preview
    assert (await TeamsChannels(teams.bot.conversations).info(NEWS)).name == "Press room"
    refused = json.dumps(await execute(teams, action, {**typed, "channels": "News"}))
    assert "I can't find #News" in refused


async def test_one_found_hours_past_its_time_asks_the_announcer_in_teams(
    make_teams: MakeTeams,
) -> None:
    # Review6 item 10 on Teams: the held announcement's question is a card whose Send now
    # sends it after all.
    teams = await make_teams(announcers=[MEGAN], insights="off", teams_conversation_rate=100.0)
    for person, chat in COLLEAGUES.items():
        sender = {"id": f"29:{person}", "name": person.title(), "aadObjectId": person}
        conversation = {"conversationType": "personal", "id": chat}
        await teams.post(PERSONAL, text="hi", conversation=conversation, **{"from": sender})
    teams.core.directory.upsert(Member("teams", person, person.title()) for person in COLLEAGUES)
    at = tomorrow_at(10)
    await teams.post(PERSONAL, text="announce")
    [form] = cards_in(teams.connector.sent[-1].activity)
    typed = {"headline": "Townhall at 10:00 today", "message": "In the atrium.",
             "audience": "everyone", "when": "later", "date": at.date().isoformat(),
             "time": "10:00"}  # fmt: skip
    preview = await execute(teams, form["actions"][0], typed)
    [confirm] = preview["value"]["actions"]  # Continue, with "What now?" at Confirm
    confirmed = json.dumps(await execute(teams, confirm, {"next": "confirm"}))
    assert "will go to" in confirmed, confirmed
    delivery = teams.runtime.delivery
    async with delivery:
        await teams.core.tick(at + timedelta(days=2))  # back two days later (Megan is in L.A.)
        await delivery.run_until_done(ids.LATE, "1")
        [asked] = [c for c in teams.connector.posted if "was not sent" in card_text(c.activity)]
        assert asked.conversation_id == ASKER_CHAT  # Megan's chat with the bot
        assert f"“Townhall at 10:00 today” was due on {at:%a %d %b %Y} at 10:00" in card_text(
            asked.activity
        )
        offered = buttons(asked.activity)
        send, cancel = offered[ids.SEND_LATE], offered[ids.CANCEL]
        assert (send["title"], cancel["title"]) == ("Send now", "Cancel")
        assert "is on its way to" in json.dumps(await execute(teams, send, {}))
        await settled(teams.runtime)
        await delivery.run_until_done(ids.PURPOSE, "1")
    got = {c.conversation_id for c in teams.connector.posted if "atrium" in str(c.activity)}
    assert set(COLLEAGUES.values()) <= got


COLLEAGUES = {"ada": "a:chat-ada", "bo": "a:chat-bo"}  # Entra id: personal chat


async def execute(teams: Teams, action: dict[str, Any], typed: dict[str, Any]) -> Any:
    """Press `action` (an Action.Execute) with `typed` in the card's inputs: the answer."""
    value = {"action": {"type": "Action.Execute", "verb": action["verb"],
                        "data": {**action["data"], **typed}}}  # fmt: skip
    response = await teams.post(EXECUTE, value=value)
    assert response.status == 200
    return await response.json()


async def test_people_not_reached_since_the_app_left_their_team_are_one_line_of_the_report(
    make_teams: MakeTeams,
) -> None:
    # Review7 item 8: the reasons (each naming its person) are grouped after they are worded.
    teams = await make_teams(announcers=[MEGAN], insights="off", teams_conversation_rate=100.0)
    team = TEAM_INSTALLED["channelData"]["team"]["id"]
    teams.connector.rosters[team] = [
        {"id": f"29:user-{n}", "name": f"Person {n}", "aadObjectId": f"aad-{n}"} for n in (1, 2, 3)
    ]
    await teams.post(TEAM_INSTALLED_FIXTURE)
    await teams.post(PERSONAL, text="announce")
    [form] = cards_in(teams.connector.sent[-1].activity)
    typed = {"headline": "Townhall at 10:00", "message": "In the atrium.",
             "audience": "everyone", "when": "now"}  # fmt: skip
    preview = await execute(teams, form["actions"][0], typed)
    assert "This is what 4 people will get" in json.dumps(preview)
    [confirm] = preview["value"]["actions"]
    await execute(teams, confirm, {"next": "confirm"})
    await teams.post(TEAM_INSTALLED_FIXTURE, action="remove")  # before the fan-out went out

    delivery = teams.runtime.delivery
    async with delivery:
        await delivery.run_until_done(ids.PURPOSE, "1")
        await teams.core.tick(tomorrow_at(0))
        await settled(teams.runtime)
    said = card_text(teams.connector.calls[-1].activity)
    assert "Sent: 1 of 4 delivered; 3 failed." in said
    assert "- 3 people: not reachable since the app was removed from their team" in said


TEAM_INSTALLED_FIXTURE = "teams-installationUpdate-add-channel.json"
TEAM_INSTALLED = json.loads(
    (Path(__file__).parent / "activities" / TEAM_INSTALLED_FIXTURE).read_text(encoding="utf-8")
)
