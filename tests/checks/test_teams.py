"""Checking drafts in Teams: Bot Framework activities through /api/messages, and the package."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest

from bot.teams.package import build_package
from tests.checks.conftest import CHECK_SETTINGS
from tests.teams.conftest import MakeTeams, Teams, card_text, load_activity

PERSONAL = "teams-message-personal.json"
FETCH = "teams-invoke-composeExtension-fetchTask-from-message.json"


@pytest.fixture
async def teams(make_teams: MakeTeams) -> Teams:
    return await make_teams(**CHECK_SETTINGS)


async def test_check_colon_in_the_chat_is_checked(teams: Teams) -> None:
    response = await teams.post(PERSONAL, text="check: Sneak peek of Polaris, coming soon!")

    assert response.status == 200
    [call] = teams.connector.sent
    text = card_text(call.activity)
    assert "“Polaris” is confidential until 2099-01-31." in text
    assert "3. Never publish confidential information" in text
    assert call.conversation_id == load_activity(PERSONAL, "")["conversation"]["id"]


async def test_the_message_action_checks_the_message_in_the_personal_chat(teams: Teams) -> None:
    value: dict[str, Any] = load_activity(FETCH, "")["value"]
    value["commandId"] = "check_post"
    value["messagePayload"]["body"] = {
        "contentType": "html",
        "content": "<p>Try Nordlys Cloud, the best backup tool there is!</p>",
    }
    personal = {"id": "a:personal-chat", "conversationType": "personal"}

    response = await teams.post(FETCH, channelId="msteams", value=value, conversation=personal)

    assert response.status == 200
    assert await response.json() == {}  # no dialog left open
    [call] = teams.connector.sent
    assert call.conversation_id == "a:personal-chat"
    assert "does not say you work there" in card_text(call.activity)


async def test_the_package_offers_the_message_action(teams: Teams) -> None:
    package = build_package(
        teams.runtime.settings,
        teams.core.commands,
        app_id="00000000-0000-0000-0000-000000000001",
        shortcuts=teams.core.shortcuts.values(),
    )
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(package)).read("manifest.json"))
    actions = {c["id"]: c for e in manifest["composeExtensions"] for c in e["commands"]}
    assert actions["check_post"]["title"] == "Check against guidelines"
    assert actions["check_post"]["context"] == ["message"]
    words = [c["title"] for cl in manifest["bots"][0]["commandLists"] for c in cl["commands"]]
    assert "check-post" in words


async def test_check_in_a_channel_mention_is_not_answered_there(teams: Teams) -> None:
    mention = "teams-message-channel-mention.constructed.json"
    await teams.post(mention, text="<at>Test Bot</at> check: Sneak peek of Polaris\n")

    [call] = teams.connector.sent
    assert "only in our direct messages" in card_text(call.activity)
    assert "Polaris" not in card_text(call.activity)
