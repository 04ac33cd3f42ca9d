"""The README and app.json document every setting and every command, so they cannot drift."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from bot.cli import main
from bot.settings import Settings
from tests.deploy.test_files import LITESTREAM

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
APP_JSON = json.loads((ROOT / "app.json").read_text())


def setting_names() -> set[str]:
    return {str(field.validation_alias) for field in Settings.model_fields.values()}


def test_every_setting_is_in_the_readme() -> None:
    missing = sorted(name for name in setting_names() if f"`{name}`" not in README)
    assert missing == []


def test_app_json_lists_exactly_the_settings() -> None:
    # Litestream's too: a platform without a lasting volume runs `socialbot-litestream`.
    assert set(APP_JSON["env"]) == setting_names() | set(LITESTREAM)
    for name, entry in APP_JSON["env"].items():
        assert entry["description"], name
        assert isinstance(entry["required"], bool), name


def test_app_json_process_is_a_real_command() -> None:
    program, command = APP_JSON["processes"]["web"].split()
    assert program == "socialbot"
    assert command in main.commands


def all_commands(group: click.Group, prefix: str = "socialbot") -> list[str]:
    found = []
    for name, command in group.commands.items():
        found.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            found.extend(all_commands(command, f"{prefix} {name}"))
    return found


@pytest.mark.parametrize("command", all_commands(main))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`{command}" in README


@pytest.mark.parametrize("command", all_commands(main))
def test_every_command_has_a_one_line_summary(command: str) -> None:
    group: click.Command = main
    for word in command.split()[1:]:
        assert isinstance(group, click.Group)
        group = group.commands[word]
    assert group.get_short_help_str(limit=200).strip()
