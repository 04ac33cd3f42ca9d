"""Teams has no slash commands: a message starting with a command word runs that command.

The words come from the core's registry, so the manifest's command list and the routing of
messages cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from handlers.commands import Commands

# Words Teams users expect that are subcommands in the core: word → (command, its text).
ALIASES: dict[str, tuple[str, str]] = {"help": ("socialbot", "help")}


@dataclass(frozen=True)
class CommandWord:
    """A word a Teams user can type (or pick from the command menu) and what it runs."""

    word: str
    command: str
    text: str
    description: str


def command_words(commands: Commands) -> Iterator[CommandWord]:
    """Every command word: the aliases whose command exists, then each registered command."""
    registered = {command.name: command for command in commands}
    for word, (name, text) in ALIASES.items():
        if name in registered:
            target = registered[name]
            yield CommandWord(word, name, text, f"{target.summary}: {name} {text}")
    for command in commands:
        yield CommandWord(
            command.name, command.name, "", f"{command.summary}: {command.name} {command.usage}"
        )


def parse_command(text: str, commands: Commands) -> tuple[str, str] | None:
    """`(command, rest)` when `text` starts with a command word (`help`, `/socialbot help`)."""
    word, _, rest = text.strip().partition(" ")
    key = word.removeprefix("/").lower()
    for candidate in command_words(commands):
        if candidate.word == key:
            return candidate.command, " ".join(part for part in (candidate.text, rest) if part)
    # A slash means a command was meant: let the core answer with its usage and a suggestion.
    return (key, rest) if word.startswith("/") and key else None
