"""The Teams fixtures (the bot behind /api/messages and the fake Bot Connector) for these tests;
no test here may reach a host other than this machine."""

from __future__ import annotations

from typing import Any

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
