"""Checking drafts in Teams: Bot Framework activities through /api/messages, and the package."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.check_cli import checks
from bot.teams.package import build_package
from handlers.checks import ids
from tests.checks.conftest import CHECK_SETTINGS
from tests.teams.conftest import MakeTeams, Teams, card_text, load_activity, objects_in

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


async def test_a_danish_draft_is_answered_in_danish(teams: Teams) -> None:
    await teams.post(
        PERSONAL, text="check: Smugkig på Polaris i dag, vi glæder os til at vise det!"
    )

    text = card_text(teams.connector.sent[0].activity)
    assert "1 ting at se på, før du poster:" in text
    assert "Fortroligt" in text and "“Polaris” er fortroligt indtil 2099-01-31." in text
    assert "Udelad “Polaris”" in text and "Kilde:" in text
    assert "👍 Nyttigt" in json.dumps(teams.connector.sent[0].activity, ensure_ascii=False)


async def test_a_terms_file_is_read_again_when_it_changes(
    make_teams: MakeTeams, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    terms = tmp_path / "confidential.txt"
    terms.write_text("Polaris until 2099-01-31\n", encoding="utf-8")
    teams = await make_teams(**{**CHECK_SETTINGS, "confidential_terms": str(terms)})

    async def flagged(draft: str) -> bool:
        before = len(teams.connector.sent)
        await teams.post(PERSONAL, text=f"check: {draft}")
        return "is confidential" in card_text(teams.connector.sent[before].activity)

    def rewrite(text: str, stamp: int) -> None:
        terms.write_text(text, encoding="utf-8")
        os.utime(terms, ns=(stamp, stamp))  # a new mtime even within the clock's resolution

    assert await flagged("Polaris ships soon") and not await flagged("Bluefin ships soon")
    rewrite("Bluefin\n# Polaris is out\n", 1_900_000_000_000_000_000)
    assert await flagged("Bluefin ships soon") and not await flagged("Polaris ships soon")
    caplog.clear()
    rewrite("Kestrel until spring\n", 1_900_000_001_000_000_000)
    assert await flagged("Bluefin ships soon") and not await flagged("Kestrel ships soon")
    [line] = [r for r in caplog.records if "confidential terms" in r.getMessage()]
    assert line.levelname == "WARNING" and "YYYY-MM-DD" in line.__dict__["error"]
    terms.unlink()
    assert await flagged("Bluefin ships soon")


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


@pytest.mark.parametrize(
    "text",
    ["check: Sneak peek of Polaris", "check-post Sneak peek of Polaris", "/check-post Polaris"],
)
async def test_a_check_asked_in_a_channel_goes_to_the_personal_chat(
    teams: Teams, text: str
) -> None:
    mention = "teams-message-channel-mention.constructed.json"
    channel = load_activity(mention, "")["conversation"]["id"]
    await teams.post(mention, text=f"<at>Test Bot</at> {text}\n")

    created, private, public = teams.connector.sent
    assert created.method == "create"  # the personal chat, opened for it
    assert created.body["members"][0]["id"] == load_activity(mention, "")["from"]["id"]
    assert private.conversation_id == "a:conversation-1"
    assert "“Polaris” is confidential until 2099-01-31." in card_text(private.activity)
    assert public.conversation_id == channel
    assert "sent you the answer privately" in card_text(public.activity)
    assert "Polaris" not in json.dumps(public.activity)

    # The next one goes to the chat now known, without opening another.
    await teams.post(mention, text="<at>Test Bot</at> check: Polaris again\n")
    assert [c.method for c in teams.connector.sent[3:]] == ["send", "reply"]
    assert teams.connector.sent[3].conversation_id == "a:conversation-1"


async def test_a_check_in_a_channel_stays_private_when_the_chat_cannot_be_opened(
    teams: Teams,
) -> None:
    mention = "teams-message-channel-mention.constructed.json"
    teams.connector.fail(403)  # the personal chat cannot be created
    await teams.post(mention, text="<at>Test Bot</at> check: Sneak peek of Polaris\n")

    [public] = teams.connector.sent
    assert "could not reach you there" in card_text(public.activity)
    assert "Polaris" not in json.dumps(public.activity)


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


async def test_a_button_changed_on_its_way_back_is_refused(
    teams: Teams, caplog: pytest.LogCaptureFixture
) -> None:
    # Teams sends a button's data back from the client: replayed with another draft (or from a
    # card sent before buttons were signed), it must not be taken as the bot's (review8b H).
    await teams.post("teams-message-personal.json", text="check: Sneak peek of Polaris")
    [button] = [
        found["data"]
        for found in objects_in(teams.connector.sent[-1].activity)
        if isinstance(found.get("data"), dict) and found["data"].get("action_id") == ids.UNHELPFUL
    ]
    changed = {**button, "value": button["value"] + " and whatever I like"}
    unsigned = {k: v for k, v in button.items() if k != "signed"}
    url = teams.connector.url

    for number, value in enumerate((changed, unsigned)):
        await teams.post_as_written(load_activity(SUBMIT, url, id=f"m{number}", value=value))
        assert "That button is no longer active" in json.dumps(teams.connector.sent[-1].activity)
    assert teams.db["check_downvotes"].count == 0
    refused = [r for r in caplog.records if "not as the bot signed it" in r.getMessage()]
    assert len(refused) == 1  # then counted, a line a minute

    await teams.post_as_written(load_activity(SUBMIT, url, id="m3", value=button))  # as drawn
    assert [row["draft"] for row in teams.db["check_downvotes"].rows] == ["Sneak peek of Polaris"]
