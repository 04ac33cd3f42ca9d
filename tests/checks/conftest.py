"""The Teams fixtures (the bot behind /api/messages and the fake Bot Connector) for these tests;
no test here may reach a host other than this machine."""

from __future__ import annotations

from tests.teams.conftest import (  # noqa: F401 (fixtures)
    connector,
    loopback_only,
    make_teams,
    openid_metadata,
)
