"""The Teams fixtures (the bot behind /api/messages and the fake Bot Connector) for these tests;
no test here may reach a host other than this machine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.teams.conftest import (  # noqa: F401 (fixtures)
    connector,
    loopback_only,
    make_teams,
    openid_metadata,
)

# What an admin sets for the checks, in the chat tests of both platforms.
CHECK_SETTINGS: dict[str, Any] = {
    "company_names": "Nordlys, Nordlys Cloud",
    "confidential_terms": "Polaris until 2099-01-31",
    "internal_domains": "corp.nordlys.dk",
}


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The environment `socialbot check` runs with in the CLI tests: its own database, no .env."""
    monkeypatch.chdir(tmp_path)  # no stray .env
    return {
        "SOCIALBOT_DB": str(tmp_path / "socialbot.db"),
        "SOCIALBOT_COMPANY_NAMES": "Nordlys, Nordlys Cloud",
        "SOCIALBOT_CONFIDENTIAL_TERMS": "Polaris until 2099-01-31, Bluefin until 2020-01-01",
        "SOCIALBOT_INTERNAL_DOMAINS": "corp.nordlys.dk",
    }
