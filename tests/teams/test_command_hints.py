"""Teams people are told the words Teams' command menu offers, never Slack's slash commands:
the help and the greeting, the digest's footer and buttons, the manifest's menu, and the
announcement form's channels. (review7 item 6)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.teams.conftest import BOT_APP_ID, MakeTeams, Teams, card_text, cards_in
from tests.teams.test_digest import ADA, INVOKE, ada_digest, titled
from tests.teams.test_package import _commands, _manifest

PERSONAL = "teams-message-personal.json"
PERSONAL_ADDED = "teams-conversationUpdate-bot-added-personal.json"
MEGAN = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the Entra id of the sender
SLASHES = ("/socialbot", "/report-mention", "/guidelines", "/announce", "/check-post")


def _slashes(text: str) -> list[str]:
    return [slash for slash in SLASHES if slash in text]


async def test_the_help_and_the_greeting_list_the_words_to_type(teams: Teams) -> None:
    await teams.post(PERSONAL_ADDED)
    await teams.post(PERSONAL, text="help")

    greeting, helped = (card_text(call.activity) for call in teams.connector.sent)
    assert greeting == helped
    for line in (
        "- help what I can do and how to ask",
        "- preferences your daily digest: time, days, topics",
        "- digest today's digest, now",
        "- stop no more digests",
        "- ask [question] Ask about our social media guidelines",
        "- report [link] [what it is about] | list | R-0001 Report a negative mention",
        "- check: [your draft] Check a post",
        "type help to see this again",
    ):
        assert line in helped
    assert _slashes(helped) == [] and "open [page]" not in helped  # a manager's (fix13a)


async def test_a_managers_help_names_the_open_reports(make_teams: MakeTeams) -> None:
    teams = await make_teams(social_media_managers=[MEGAN])
    await teams.post(PERSONAL, text="help")
    helped = card_text(teams.connector.sent[-1].activity)
    assert "- report [link] [what it is about] | list | open [page] | R-0001" in helped


async def test_a_mistyped_word_is_answered_with_teams_words(teams: Teams) -> None:
    await teams.post(PERSONAL, text="socialbot prefrences")

    said = card_text(teams.connector.sent[0].activity)
    assert "Did you mean preferences?" in said
    assert (
        "Usage: socialbot [help | preferences | digest | mute | unmute | stop | insights"
        " | feeds | questions]" in said
    )
    assert _slashes(said) == []


async def test_the_digest_and_its_stop_button_say_preferences(
    make_teams: MakeTeams, tmp_path: Path
) -> None:
    teams, digest = await ada_digest(make_teams, tmp_path)
    assert "Topics and networks: preferences." in card_text(digest)

    stop = titled(cards_in(digest), "Stop digests")
    execute = {"action": {"type": "Action.Execute", "verb": stop["verb"], "data": stop["data"]}}
    response = await teams.post(INVOKE, name="adaptiveCard/action", value=execute, **ADA)
    stopped = json.dumps(await response.json())
    assert "Turn them back on any time with preferences" in stopped
    assert "`" not in stopped and "**" not in stopped  # a toast shows its text as typed
    assert _slashes(card_text(digest) + stopped) == []


def test_the_command_menu_describes_each_word_as_typed_in_teams(make_settings: Any) -> None:
    commands = _commands("report-mention", "guidelines")
    manifest = _manifest(
        make_settings(microsoft_app_id=BOT_APP_ID, microsoft_app_password="s3cret"), commands
    )

    [command_list] = manifest["bots"][0]["commandLists"]
    described = {entry["title"]: entry["description"] for entry in command_list["commands"]}
    assert described["report"] == "The report-mention command: report [text]"
    assert described["help"] == "what I can do and how to ask: help"
    assert described["socialbot"] == "Help and your preferences: socialbot [help]"
    assert _slashes(json.dumps(described)) == []


async def test_the_announcement_form_says_how_to_name_teams_channels(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(announcers=[MEGAN])
    await teams.post(PERSONAL, text="announce")

    [card] = cards_in(teams.connector.sent[0].activity)
    form = json.dumps(card, ensure_ascii=False)
    assert "paste each channel's link (“Get link to channel”" in form
    assert "#names" not in form


async def test_the_digest_and_insights_words_run_their_commands(make_teams: MakeTeams) -> None:
    # Typed without `socialbot`, as Teams has no slash commands: they were guideline questions,
    # "not covered… Ask the social media team". (review7 item 11)
    teams = await make_teams(social_media_managers=[MEGAN])
    said = []
    asked = ("insights 7d", "digest", "mute", "unmute", "stop", "stop sharing our posts?")
    for text in (*asked, "insights last 30 days"):
        before = len(teams.connector.sent)
        await teams.post(PERSONAL, text=text)
        said.append(" ".join(card_text(call.activity) for call in teams.connector.sent[before:]))

    insights, digest, mute, unmute, stop, question, insights_typed_out = said
    assert "insights" in insights.lower() and "don't cover" not in insights
    assert "they arrive in our chat in a moment" in insights  # Teams has no "direct messages"
    assert "don't cover" not in digest and "Ask the social media team" not in digest
    assert mute.startswith("Digests muted for a week")
    assert unmute.startswith("Digests unmuted")
    assert stop.startswith("Digests stopped")
    assert not question.startswith("Digests stopped")  # a message of more words is a question
    # Review12c R13: "insights last 30 days" had become a guideline question.
    assert "insights for the last 30 days" in insights_typed_out
    # Review13c R1: the digest's answers were English whatever the person's Teams said.
    before = len(teams.connector.sent)
    await teams.post(PERSONAL, text="mute", locale="de-DE")
    german = " ".join(card_text(call.activity) for call in teams.connector.sent[before:])
    assert german.startswith("Deine Übersichten sind aus: Es gibt nichts zu pausieren.")
    # review16a W6: the bot's own German words were guideline questions ("Übersicht" got a
    # confident answer about stock photos); now each runs its command, as its English word.
    said.clear()
    for text in ("einstellungen", "Übersicht", "pausieren", "Hilfe"):
        before = len(teams.connector.sent)
        await teams.post(PERSONAL, text=text, locale="de-DE")
        said.append(" ".join(card_text(call.activity) for call in teams.connector.sent[before:]))
    preferences, digest, mute, helped = said
    assert preferences.startswith("Übersicht-Einstellungen") and "Richtlinien" not in digest
    assert digest.startswith("Es ist noch kein Feed eingerichtet")
    assert mute.startswith("Deine Übersichten sind aus")
    assert "Ich helfe dir" in helped


async def test_check_with_no_draft_says_how_to_type_it_in_teams(teams: Teams) -> None:
    await teams.post(PERSONAL, text="check:")

    said = card_text(teams.connector.sent[0].activity)
    assert "check: Proud to share" in said
    assert _slashes(said) == []


async def test_the_help_lists_what_each_person_may_use(make_teams: MakeTeams) -> None:
    # review12a E9: everyone's help listed the managers' insights and feeds and the
    # announcers' announce; the refusal then told an employee to set SOCIALBOT_ANNOUNCERS.
    employee = await make_teams()
    await employee.post(PERSONAL, text="help")
    await employee.post(PERSONAL, text="announce")
    manager = await make_teams(social_media_managers=[MEGAN])
    await manager.post(PERSONAL, text="help", id="another-message")  # on the same database

    helped, refused, managers = (card_text(call.activity) for call in employee.connector.sent)
    assert "- digest today's digest, now" in helped
    for managers_only in ("insights", "feeds", "questions", "announce"):
        assert managers_only not in helped
    assert "ask the social media team" in refused and "SOCIALBOT_" not in refused
    assert "- insights for managers" in managers and "- socialbot feeds for managers" in managers
    assert "announce" not in managers
