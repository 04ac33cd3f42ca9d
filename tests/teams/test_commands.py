"""Command words: what Teams users type maps to the core's commands, only while they exist."""

from __future__ import annotations

import pytest

from handlers.command_words import command_words, parse_command
from handlers.commands import Commands, SlashCommand, Subcommand
from handlers.help import socialbot_command
from handlers.people import Person
from handlers.views import Message


async def _run(person: Person, text: str) -> Message:
    return Message(text)


def _commands(*names: str, preferences: bool = False) -> Commands:
    commands = Commands()
    socialbot, subcommands = socialbot_command(commands)
    commands.add(socialbot)
    if preferences:
        subcommands.add(Subcommand("preferences", "Your preferences", _run))
    for name in names:
        commands.add(SlashCommand(name, f"The {name} command", "", _run))
    return commands


ALL = _commands("report-mention", "guidelines", "announce", preferences=True)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("report https://x.com/p/1", ("report-mention", "https://x.com/p/1")),
        ("ask can I post this?", ("guidelines", "can I post this?")),
        ("announce", ("announce", "")),
        ("preferences", ("socialbot", "preferences")),
        ("Help me", ("socialbot", "help me")),
        ("/report-mention now", ("report-mention", "now")),
        ("report-mention now", ("report-mention", "now")),
        ("what is a report?", None),
        # review12a E10: a sentence after the word is a question, not the command's text
        ("report list", ("report-mention", "list")),
        ("report open 2", ("report-mention", "open 2")),
        ("report rude reply https://x.com/p/1", ("report-mention", "rude reply https://x.com/p/1")),
        ("Report on Q3 results: can I share a summary?", None),
        ("Help me understand: can I post photos?", None),
        ("Preferences aside, can I post about lunch?", None),
        (
            "/socialbot help me understand: can I post?",
            ("socialbot", "help me understand: can I post?"),
        ),
    ],
)
def test_words_map_to_commands(text: str, parsed: tuple[str, str] | None) -> None:
    assert parse_command(text, ALL) == parsed


def test_a_word_for_a_missing_command_or_subcommand_is_not_offered() -> None:
    words = [word.word for word in command_words(_commands("guidelines"))]

    assert words == ["ask", "help", "socialbot", "guidelines"]
    assert parse_command("report this", _commands("guidelines")) is None
    assert parse_command("preferences", _commands()) is None


def test_the_menu_lists_each_command_once() -> None:
    listed = [word.word for word in command_words(ALL) if word.listed]

    assert listed == ["report", "ask", "announce", "preferences", "help", "socialbot"]
