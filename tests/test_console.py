"""The console answers a scripted session the way Slack would."""

from __future__ import annotations

import io
import re

from bot.console.render import render
from bot.console.session import ConsoleSession
from bot.store import open_database
from handlers.commands import SlashCommand
from handlers.core import Core
from handlers.errors import FormErrors
from handlers.people import Person, Role
from handlers.views import Form, Input, Message, Option, Values
from tests.conftest import core_on


async def run_script(tmp_path, script: str, manager: bool = False) -> tuple[str, ConsoleSession]:
    db = open_database(tmp_path / "c.db", Core.migrations)
    out = io.StringIO()
    session = ConsoleSession(core_on(db), io.StringIO(script), out, "alice", manager)
    await session.run()
    return out.getvalue(), session


async def test_help_and_end_of_input(tmp_path) -> None:
    output, _ = await run_script(tmp_path, "/socialbot help\n")
    assert "socialbot help" in output
    assert "/socialbot [help]" in output
    assert "**" not in output and "`" not in output  # markdown is drawn as plain text


async def test_mistakes_get_a_suggestion_not_a_traceback(tmp_path) -> None:
    output, _ = await run_script(tmp_path, "/socialbot hlep\n/socialbt help\n\nquit\n/socialbot\n")
    assert "Did you mean /socialbot help?" in output
    assert "I don't know the command /socialbt. Did you mean /socialbot?" in output
    assert "Traceback" not in output
    assert output.count("socialbot help\n=") == 0  # stopped at quit, before the last line


async def test_manager_flag_grants_the_role(tmp_path) -> None:
    _, session = await run_script(tmp_path, "", manager=True)
    assert session.person.has(Role.MANAGER)
    _, session = await run_script(tmp_path, "")
    assert not session.person.has(Role.MANAGER)


async def test_buttons_are_pressed_by_number(tmp_path) -> None:
    listing, _ = await run_script(tmp_path, "/guidelines\n")
    found = re.search(r"\[#(\d+) 3\. Never publish confidential information\]", listing)
    assert found is not None
    output, _ = await run_script(tmp_path, f"/guidelines\n#{found.group(1)}\n#99\n")
    assert "Never share financial results" in output
    assert "There is no button #99 in the last message." in output


async def test_a_form_is_asked_field_by_field_and_errors_asked_again(tmp_path) -> None:
    db = open_database(tmp_path / "f.db", Core.migrations)
    core = core_on(db)
    submitted: list[Values] = []

    async def open_form(person: Person, text: str) -> Form:
        return Form(
            "pick",
            "Pick a colour",
            (
                Input(
                    "colour", "Colour", "select", options=(Option("r", "Red"), Option("g", "Green"))
                ),
                Input("why", "Why", optional=True),
            ),
        )

    async def submit(person: Person, values: Values, state: str) -> Message:
        if values["colour"] != "g":
            raise FormErrors({"colour": "Only green is allowed."})
        submitted.append(values)
        return Message("Saved.")

    core.commands.add(SlashCommand("pick", "Pick a colour", "", open_form))
    core.on_form("pick", submit)
    out = io.StringIO()
    script = "/pick\n1\nbecause\n2\n/pick\ncancel\n"
    await ConsoleSession(core, io.StringIO(script), out, "alice").run()
    text = out.getvalue()
    assert "  1. Red\n  2. Green" in text
    assert "! Only green is allowed." in text
    assert "Saved." in text
    assert submitted == [{"colour": "g", "why": "because"}]
    assert "Cancelled; nothing was sent." in text


async def test_a_guideline_answer_names_its_section_once(tmp_path) -> None:
    output, _ = await run_script(tmp_path, "Can I share our quarterly financial results?\n")
    from_line = re.search(r"^From .*\u203a (.+)$", output, re.MULTILINE)
    assert from_line is not None, output
    assert output.count(from_line.group(1)) == 1
    assert "Source:" not in output


def test_what_people_typed_never_steers_the_terminal() -> None:
    # A report's note or a feed item's title, printed by the console or `digest preview`, less
    # what would clear the screen, set the window title or write the clipboard.
    typed = "lies\x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07 about us\u202e"
    printed = render(Message(typed))
    assert printed == "lies[2J]52;c;cm0gLXJmIH4= about us"
