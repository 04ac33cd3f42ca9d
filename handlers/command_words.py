"""A message starting with a command word runs that command: Teams has no slash commands, and
Slack direct messages and mentions understand the same words.

The words come from the core's registry, so the manifest's command list and the routing of
messages cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from handlers.commands import Commands, SlashCommand, Subcommands

# The words people type in a message (and Teams users see in the command menu): word →
# (command, its text). Each is offered only while the core has that command (and
# subcommand), so the manifest stays true.
ALIASES: dict[str, tuple[str, str]] = {
    "report": ("report-mention", ""),
    "ask": ("guidelines", ""),
    "announce": ("announce", ""),
    "preferences": ("socialbot", "preferences"),
    "help": ("socialbot", "help"),
}


@dataclass(frozen=True)
class CommandWord:
    """A word a person can type in a message (or pick from the command menu) and what it runs."""

    word: str
    command: str
    text: str
    description: str
    listed: bool = True  # in the manifest's command menu (not when an alias stands for it)


def _offers(command: SlashCommand, text: str) -> bool:
    """Whether `command` answers `text`: any text, or a subcommand it has."""
    if not text or not isinstance(command.run, Subcommands):
        return True
    return text in command.run.words


def command_words(commands: Commands) -> Iterator[CommandWord]:
    """Every command word: the aliases whose command exists, then each registered command."""
    registered = {command.name: command for command in commands}
    aliased: set[str] = set()
    for word, (name, text) in ALIASES.items():
        target = registered.get(name)
        if target is not None and _offers(target, text):
            if not text:
                aliased.add(name)
            yield CommandWord(word, name, text, f"{target.summary}: /{name} {text}".rstrip())
    for command in commands:
        description = f"{command.summary}: {command.slash} {command.usage}".rstrip()
        yield CommandWord(command.name, command.name, "", description, command.name not in aliased)


def parse_command(text: str, commands: Commands) -> tuple[str, str] | None:
    """`(command, rest)` when `text` starts with a command word (`help`, `/socialbot help`)."""
    word, _, rest = text.strip().partition(" ")
    key = word.removeprefix("/").lower()
    for candidate in command_words(commands):
        if candidate.word == key:
            return candidate.command, " ".join(part for part in (candidate.text, rest) if part)
    # A slash means a command was meant: let the core answer with its usage and a suggestion.
    return (key, rest) if word.startswith("/") and key else None
