"""The `/socialbot` command and the greeting: what the bot can do, from the live registry."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from handlers.command_words import WORDS_ONLY, typed
from handlers.commands import Commands, SlashCommand, Subcommand, Subcommands, may_use, usage_of
from handlers.people import Person
from handlers.texts import text_for, text_or
from handlers.views import Context, Header, Message, Text


def help_message(
    commands: Commands,
    platform: str,
    mention: str = "",
    person: Person | None = None,
    language: str = "en",
) -> Message:
    """The list of the commands `person` may use (None: those everyone may: a channel's
    welcome), one line each, as people on `platform` type them; each after `mention`
    (`@socialbot`) where the bot hears only what @mentions it (a team's channel, a group chat).
    Its words are in `language` (a greeting's), the commands as people type them."""
    lines = "\n".join(_lines(commands, platform, language, mention, person))
    again = " ".join(filter(None, (mention, typed(platform, "socialbot", "help"))))
    where = text_for("help_in_channel" if mention else "help_again", language, again=again)
    intro = text_for("help_intro", language)
    return Message(
        text=f"{intro}\n{lines}",
        blocks=(
            Header(text_for("help_header", language)),
            Text(intro),
            Text(lines),
            Context(where),
        ),
    )


def _lines(
    commands: Commands,
    platform: str,
    language: str,
    mention: str = "",
    person: Person | None = None,
) -> Iterator[str]:
    """A line per command `person` may use, its summary in `language`; where people type
    words, a line per subcommand, as its own word (`preferences`) or after the command's
    (`socialbot digest`); after `mention`, if any."""
    before = f"{mention} " if mention else ""
    for command in commands:
        if not may_use(person, command.role):
            continue
        run, usage = command.run, command.usage_for(person)
        if isinstance(run, Subcommands):
            offered = run.offered(person)
            if platform in WORDS_ONLY:
                for word, summary in offered.items():
                    said = text_or(f"summary:{command.name} {word}", language, summary)
                    yield f"- `{before}{typed(platform, command.name, word)}` {said}"
                continue
            usage = usage_of(offered)
        said = text_or(f"summary:{command.name}", language, command.summary)
        yield f"- `{before}{typed(platform, command.name, usage)}` {said}"


def socialbot_command(
    commands: Commands, language_for: Callable[[Person], str] | None = None
) -> tuple[SlashCommand, Subcommands]:
    """`/socialbot help` (in the language `language_for` the person; None: English), and the
    list capabilities add their subcommands to."""

    async def show_help(person: Person, text: str) -> Message:
        language = language_for(person) if language_for is not None else "en"
        return help_message(commands, person.platform, person=person, language=language)

    subcommands = Subcommands(
        "socialbot", Subcommand("help", "what I can do and how to ask", show_help)
    )
    return SlashCommand("socialbot", "Help and your preferences", "", subcommands), subcommands
