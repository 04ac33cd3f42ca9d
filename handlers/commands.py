"""Slash commands: one registry that the platforms, the manifest and the help all read."""

from __future__ import annotations

import difflib
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass

from handlers.command_words import typed
from handlers.errors import UserError
from handlers.people import Person, Role
from handlers.views import Attachment, Reply

Run = Callable[[Person, str], Awaitable[Reply]]
# A command that reads the files sent with the message that typed it (a report's screenshot).
RunWithFiles = Callable[[Person, str, tuple[Attachment, ...]], Awaitable[Reply]]


@dataclass(frozen=True)
class SlashCommand:
    """A slash command as people type it (`name` without the slash)."""

    name: str
    summary: str
    usage_hint: str
    run: Run
    # Answered to the asker alone: never where others read it (a channel, a group chat).
    private: bool = False
    # Run instead of `run` when the message that typed the command came with files.
    with_files: RunWithFiles | None = None
    # Who may use it beyond every employee (the help lists it only to them); None: everyone.
    role: Role | None = None
    # The usage those with the role read instead of `usage_hint` (the words only they may
    # type: a manager's `open`); the manifests, which everyone reads, keep `usage_hint`.
    role_usage: tuple[Role, str] | None = None

    @property
    def usage(self) -> str:
        """What may follow the command; for subcommands, always the current list."""
        return self.run.usage if isinstance(self.run, Subcommands) else self.usage_hint

    def usage_for(self, person: Person | None) -> str:
        """What `person` may type after the command (`usage`, with the words of their role)."""
        if self.role_usage is not None and may_use(person, self.role_usage[0]):
            return self.role_usage[1]
        return self.usage

    @property
    def slash(self) -> str:
        """The command as typed, with its slash."""
        return f"/{self.name}"


def may_use(person: Person | None, role: Role | None) -> bool:
    """Whether `person` may use what `role` guards (None: everyone may); with no person (the
    welcome of a channel, which everyone reads) only what everyone may."""
    return role is None or (person is not None and person.has(role))


def usage_of(words: Iterable[str]) -> str:
    """`[a | b | c]`: the subcommands' words, as a usage."""
    return "[" + " | ".join(words) + "]"


def closest(word: str, choices: list[str]) -> str | None:
    """The choice a mistyped `word` is closest to, or None when none is close."""
    close = difflib.get_close_matches(word.lower(), choices, n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(word: str, choices: list[str], shown: Callable[[str], str] = str) -> str:
    """' Did you mean `x`?' for the closest choice (as `shown` writes it), or nothing when
    none is close."""
    close = closest(word, choices)
    return f" Did you mean `{shown(close)}`?" if close else ""


class Commands:
    """The slash commands the bot answers, in the order they were added."""

    def __init__(self) -> None:
        self._by_name: dict[str, SlashCommand] = {}

    def add(self, command: SlashCommand) -> None:
        """Register a command; names are unique."""
        if command.name in self._by_name:
            raise ValueError(f"/{command.name} is registered twice")
        self._by_name[command.name] = command

    def private(self, name: str, text: str = "") -> bool:
        """Whether the command `name`, with `text` after it, is answered to the asker alone:
        the command is, or the subcommand `text` starts with is (`socialbot questions`)."""
        command = self._by_name.get(name.removeprefix("/").strip().lower())
        if command is None:
            return False
        if isinstance(command.run, Subcommands) and command.run.private(text):
            return True
        return command.private

    def __iter__(self) -> Iterator[SlashCommand]:
        return iter(self._by_name.values())

    def reads_files(self, name: str) -> bool:
        """Whether the command `name` reads the files sent with the message that typed it
        (a report's screenshot): the platforms fetch and pass on files for those alone."""
        command = self._by_name.get(name.removeprefix("/").strip().lower())
        return command is not None and command.with_files is not None

    async def dispatch(
        self, name: str, person: Person, text: str, files: tuple[Attachment, ...] = ()
    ) -> Reply:
        """Run the command `name` (with or without its slash) for `person`, with the `files`
        its message came with where the command reads them."""
        key = name.removeprefix("/").strip().lower()
        command = self._by_name.get(key)
        if command is None:

            def shown(name: str) -> str:
                return typed(person.platform, name)

            raise UserError(
                f"I don't know the command `/{key}`.{suggest(key, list(self._by_name), shown)}"
                f" Type `{typed(person.platform, 'socialbot', 'help')}` to see what I can do."
            )
        if files and command.with_files is not None:
            return await command.with_files(person, " ".join(text.split()), files)
        return await command.run(person, " ".join(text.split()))


@dataclass(frozen=True)
class Subcommand:
    """One word after a command, such as `help` in `/socialbot help`."""

    word: str
    summary: str
    run: Run
    # Answered to the asker alone, as a private command is (others' names and questions).
    private: bool = False
    role: Role | None = None  # as SlashCommand's


class Subcommands:
    """Dispatch on the first word of a command's text; the first subcommand is the default."""

    def __init__(self, command: str, *subcommands: Subcommand) -> None:
        self.command = command
        self._by_word = {sub.word: sub for sub in subcommands}
        self._default = subcommands[0]

    def add(self, subcommand: Subcommand) -> None:
        """Offer another subcommand."""
        if subcommand.word in self._by_word:
            raise ValueError(f"/{self.command} {subcommand.word} is registered twice")
        self._by_word[subcommand.word] = subcommand

    @property
    def words(self) -> list[str]:
        """The subcommands' words, in the order they were added."""
        return list(self._by_word)

    @property
    def summaries(self) -> dict[str, str]:
        """Each subcommand's word and summary, in the order they were added."""
        return {word: sub.summary for word, sub in self._by_word.items()}

    def private(self, text: str) -> bool:
        """Whether the subcommand `text` starts with is answered to the asker alone."""
        sub = self._by_word.get(text.partition(" ")[0].lower())
        return sub is not None and sub.private

    @property
    def usage(self) -> str:
        """`[a | b | c]`, for the manifest and error messages."""
        return usage_of(self._by_word)

    def offered(self, person: Person | None) -> dict[str, str]:
        """The word and summary of each subcommand `person` may use (see `may_use`)."""
        return {
            word: sub.summary for word, sub in self._by_word.items() if may_use(person, sub.role)
        }

    async def __call__(self, person: Person, text: str) -> Reply:
        word, _, rest = text.partition(" ")
        if not word:
            return await self._default.run(person, "")
        sub = self._by_word.get(word.lower())
        if sub is None:

            def shown(text: str) -> str:
                return typed(person.platform, self.command, text)

            raise UserError(
                f"`{shown(word)}` is not something I know.{suggest(word, self.words, shown)}"
                f" Usage: `{shown(self.usage)}`"
            )
        return await sub.run(person, rest.strip())
