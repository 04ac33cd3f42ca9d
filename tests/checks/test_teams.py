"""Checking drafts in Teams: Bot Framework activities through /api/messages, and the package."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from click.testing import CliRunner

from bot.check_cli import checks
from bot.teams.package import build_package
from handlers.checks import ids
from tests.checks.conftest import CHECK_SETTINGS
from tests.teams.conftest import MakeTeams, Teams, card_text, load_activity

PERSONAL = "teams-message-personal.json"
SUBMIT = "teams-message-from-action-submit.constructed.json"
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


async def test_an_edited_thumbs_down_reaches_the_admin_without_control_characters(
    teams: Teams,
) -> None:
    # Action.Submit data can be edited on its way back: escape sequences, a made-up kind, a
    # draft far longer than any button carries.
    draft = "Polaris \x1b]0;owned\x07\x1b[2Jsoon\u202e!\tok\nline two" + "x" * 5000
    value = {"action_id": ids.UNHELPFUL, "value": "confidential,\x1b[31mfake\n" + draft}
    await teams.post(SUBMIT, value=value)

    (row,) = teams.db["check_downvotes"].rows
    assert row["draft"].startswith("Polaris ]0;owned[2Jsoon!\tok\nline two")
    assert len(row["draft"]) < 2000
    assert row["kinds"] == "confidential"
    # A row an older version stored raw is printed clean too.
    raw = {"at": "2026-01-01T00:00:00+00:00", "draft": "Old \x1b[2Jone", "kinds": "x\x1b[2J"}
    teams.db["check_downvotes"].insert(raw)  # type: ignore[union-attr]
    env = {"SOCIALBOT_DB": str(teams.runtime.settings.db)}
    for listing in ("feedback", "feedback --json"):
        shown = CliRunner().invoke(checks, listing.split(), env=env)
        assert shown.exit_code == 0, shown.output
        assert "Polaris ]0;owned[2Jsoon!" in shown.stdout
        assert "Old [2Jone" in shown.stdout
        assert not any(ch in shown.stdout for ch in "\x1b\x07\u202e")
