"""The console answers a scripted session the way Slack would."""

from __future__ import annotations

import io

from bot.console.session import ConsoleSession
from bot.store import open_database
from handlers.core import Core
from handlers.people import Role
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
