"""The `/socialbot` command and the greeting: what the bot can do, from the live registry."""

from __future__ import annotations

from handlers.commands import Commands, SlashCommand, Subcommand, Subcommands
from handlers.people import Person
from handlers.views import Context, Header, Message, Text

INTRO = (
    "I help you put our social media guidelines into practice: "
    "share company news in one click, report negative mentions to the social media team, "
    "and get quick answers about what is fine to post."
)


def help_message(commands: Commands) -> Message:
    """The list of commands, one line each."""
    lines = "\n".join(f"- `{c.slash} {c.usage}` {c.summary}" for c in commands)
    return Message(
        text=f"{INTRO}\n{lines}",
        blocks=(
            Header("socialbot help"),
            Text(INTRO),
            Text(lines),
            Context("Send me a direct message any time; type `/socialbot help` to see this again."),
        ),
    )


def socialbot_command(commands: Commands) -> tuple[SlashCommand, Subcommands]:
    """`/socialbot help`, and the list capabilities add their subcommands to."""

    async def show_help(person: Person, text: str) -> Message:
        return help_message(commands)

    subcommands = Subcommands(
        "socialbot", Subcommand("help", "what I can do and how to ask", show_help)
    )
    return SlashCommand("socialbot", "Help and your preferences", "", subcommands), subcommands
