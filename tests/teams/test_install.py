"""Installs greet once and store where to write later; uninstalls are recorded."""

from __future__ import annotations

import json

from tests.teams.conftest import Teams, card_text

PERSONAL_ADDED = "teams-conversationUpdate-bot-added-personal.json"
TEAM_ADDED = "teams-conversationUpdate-bot-added-to-team.json"
CHANNEL_INSTALLED = "teams-installationUpdate-add-channel.json"
CHANNEL = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"
GROUP_CHAT_INSTALLED = "teams-installationUpdate-add-groupChat.constructed.json"
GROUP_CHAT_ID = "19:group-chat-id@thread.v2"
GROUP_CHAT = {"isGroup": True, "id": GROUP_CHAT_ID, "conversationType": "groupChat"}
MENTION = "teams-message-channel-mention.constructed.json"


def stored(teams: Teams) -> dict[str, dict[str, object]]:
    return {row["conversation_id"]: row for row in teams.db["teams_conversations"].rows}


async def test_a_personal_install_greets_once_and_stores_the_reference(teams: Teams) -> None:
    first = await teams.post(PERSONAL_ADDED)
    again = await teams.post(PERSONAL_ADDED)
    # Teams also sends installationUpdate for the same install.
    also = await teams.post(PERSONAL_ADDED, type="installationUpdate", action="add")

    assert (first.status, again.status, also.status) == (200, 200, 200)
    [greeting] = teams.connector.sent
    assert greeting.method == "send"  # a new message, not a reply to the event
    assert greeting.conversation_id == "***"
    assert "socialbot help" in card_text(greeting.activity)
    row = stored(teams)["***"]
    assert row["kind"] == "personal"
    assert row["user_id"] == "29:<USERID>"
    assert row["aad_object_id"] == "***"
    assert row["tenant_id"] == "<TENANT ID>"
    reference = json.loads(str(row["reference"]))
    assert reference["serviceUrl"] == teams.connector.url
    assert reference["bot"]["id"] == "28:f5d48856-5b42-41a0-8c3a-c5f944b679b0"
    assert "activityId" not in reference


async def test_a_team_install_greets_the_channel_once(teams: Teams) -> None:
    await teams.post(TEAM_ADDED)
    await teams.post(CHANNEL_INSTALLED)

    [greeting] = teams.connector.posted
    assert greeting.conversation_id == CHANNEL
    row = stored(teams)[CHANNEL]
    assert row["kind"] == "channel"
    assert row["team_id"] == "19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2"
    assert row["user_id"] is None


async def test_people_joining_a_team_are_not_greeted(teams: Teams) -> None:
    response = await teams.post(
        TEAM_ADDED, membersAdded=[{"id": "29:someone", "aadObjectId": "0000"}]
    )

    assert response.status == 200
    assert teams.connector.calls == []
    assert stored(teams) == {}


async def test_an_uninstall_is_recorded_and_a_reinstall_greets_again(teams: Teams) -> None:
    await teams.post(CHANNEL_INSTALLED)
    await teams.post(CHANNEL_INSTALLED, action="remove")

    assert stored(teams)[CHANNEL]["uninstalled_at"] is not None

    await teams.post(CHANNEL_INSTALLED)

    assert stored(teams)[CHANNEL]["uninstalled_at"] is None
    assert len(teams.connector.posted) == 2


async def test_removing_the_bot_from_a_team_is_an_uninstall(teams: Teams) -> None:
    await teams.post(TEAM_ADDED)
    added = json.loads(json.dumps(teams.connector.sent[0].activity))
    bot = {"id": added["from"]["id"]}

    await teams.post(TEAM_ADDED, membersAdded=None, membersRemoved=[bot])

    assert stored(teams)[CHANNEL]["uninstalled_at"] is not None


async def test_a_group_chat_install_says_to_mention_the_bot_and_a_mention_runs_a_command(
    teams: Teams,
) -> None:
    # review10c R17: the welcome listed bare words, which Teams never gives the bot there.
    await teams.post(GROUP_CHAT_INSTALLED)
    [welcome] = teams.connector.posted
    assert welcome.conversation_id == GROUP_CHAT_ID
    said = card_text(welcome.activity)
    assert "- @Test Bot report [link]" in said
    assert "Here, @mention me first (@Test Bot help shows this again)" in said
    assert "`" not in welcome.activity["summary"]  # a notification's plain text
    assert stored(teams)[GROUP_CHAT_ID]["kind"] == "groupChat"

    link = "https://x.com/angry_customer/status/1790000000000000001"
    await teams.post(
        MENTION, text=f"<at>Test Bot</at> report {link} rude", conversation=GROUP_CHAT,
        channelData={"tenant": {"id": "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f"}},
    )  # fmt: skip

    assert [row["url"] for row in teams.db["report_links"].rows] == [link]
    *_, said_there = [
        call for call in teams.connector.posted if call.conversation_id == GROUP_CHAT_ID
    ]
    assert "privately" in card_text(said_there.activity)  # the receipt: to the reporter alone

    # review11c R9: "@Test Bot help", which the welcome says to type there, listed bare words.
    for said in ("help", "Hello"):  # what the welcome says to type, and a greeting
        await teams.post(MENTION, text=f"<at>Test Bot</at> {said}", conversation=GROUP_CHAT)
        *_, helped = [c for c in teams.connector.posted if c.conversation_id == GROUP_CHAT_ID]
        assert "- @Test Bot report [link]" in card_text(helped.activity)
