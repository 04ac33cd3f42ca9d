"""A one-way street: bot → handlers → content_feed; the core imports no platform."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLATFORM_LIBRARIES = {"slack_bolt", "slack_sdk", "botbuilder", "botframework"}
FORBIDDEN = {
    "handlers": PLATFORM_LIBRARIES | {"bot"},
    "content_feed": PLATFORM_LIBRARIES | {"bot", "handlers"},
}


def imported_top_level_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_core_packages_import_nothing_upstream(package: str) -> None:
    offences = {
        str(path.relative_to(ROOT)): sorted(imported_top_level_names(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert {path: names for path, names in offences.items() if names} == {}


def test_the_check_sees_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from slack_sdk.models.blocks import HeaderBlock\nimport bot.settings\n")
    assert imported_top_level_names(sample) == {"slack_sdk", "bot"}


def test_no_environment_reads_outside_settings() -> None:
    readers = [
        str(path.relative_to(ROOT))
        for package in ("bot", "handlers", "content_feed")
        for path in (ROOT / package).rglob("*.py")
        if "os.environ" in path.read_text() or "getenv" in path.read_text()
    ]
    # The image's HEALTHCHECK, run every 30 s, reads PORT and SOCIALBOT_HOST without pydantic,
    # through bot.environment's tidy_value as the settings do.
    assert readers == ["bot/healthcheck.py"]
