"""Shared fixtures: settings on a temporary SQLite file, isolated from the real environment."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from bot.settings import DEFAULT_GUIDELINES, Settings, load_settings
from handlers.core import Core
from handlers.guidelines import GuidelinesQA
from handlers.people import Roles

# Variables a developer's shell may carry that would change what the tests see.
_OUR_VARIABLES = ("SLACK_", "MICROSOFT_APP_", "OPENAI_", "SOCIALBOT_", "PORT")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests see only the settings they set themselves."""
    for name in list(os.environ):
        if name.startswith(_OUR_VARIABLES):
            monkeypatch.delenv(name)
    yield


SettingsFactory = Callable[..., Settings]


@pytest.fixture
def make_settings(tmp_path: Path) -> SettingsFactory:
    """Settings with a database in `tmp_path`; keyword arguments override fields by name."""

    def make(**overrides: Any) -> Settings:
        overrides.setdefault("db", tmp_path / "socialbot.db")
        return load_settings(_env_file=None, **overrides)

    return make


def core_on(db: Database, roles: Roles | None = None) -> Core:
    """The core on `db` with the bundled guidelines and no model."""
    return Core(db, roles or Roles(), GuidelinesQA(db, DEFAULT_GUIDELINES))


def bot_env(tmp_path: Path, **variables: str) -> dict[str, str]:
    """An environment for running `socialbot` as a subprocess, without our variables leaking in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_OUR_VARIABLES)}
    env["SOCIALBOT_DB"] = str(tmp_path / "socialbot.db")
    env.update(variables)
    return env
