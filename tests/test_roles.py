"""Roles and the team's channel are per platform: nobody claims another platform's id."""

from __future__ import annotations

import pytest

from bot.store import open_database
from handlers.core import Core
from handlers.people import Role, Roles
from tests.conftest import core_on

SLACK_MANAGER = "U0MANAGER"
TEAMS_MANAGER = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"


@pytest.mark.parametrize(
    ("platform", "user_id", "manager"),
    [
        ("slack", SLACK_MANAGER, True),
        ("teams", SLACK_MANAGER, False),  # a Teams account calling itself U0MANAGER
        ("teams", TEAMS_MANAGER, True),
        ("slack", TEAMS_MANAGER, False),
        ("teams", "29:explicit", True),
        ("slack", "UOTHER", False),
        ("console", "alice", True),
    ],
)
def test_a_role_counts_only_on_its_platform(platform: str, user_id: str, manager: bool) -> None:
    roles = Roles.from_ids([SLACK_MANAGER, TEAMS_MANAGER, "teams:29:explicit", "alice"], [], [])
    assert roles.person(platform, user_id).has(Role.MANAGER) is manager


def test_the_team_is_reached_on_each_platform(tmp_path) -> None:
    db = open_database(tmp_path / "r.db", Core.migrations)
    core = core_on(db, Roles.from_ids([SLACK_MANAGER, TEAMS_MANAGER], [], []))
    assert core.team_for("slack") == [SLACK_MANAGER]
    assert core.team_for("teams") == [TEAMS_MANAGER]
    core.escalation_channels = ["CSOCIAL", "teams:19:abc@thread.tacv2"]
    assert core.team_for("slack") == ["CSOCIAL"]
    assert core.team_for("teams") == ["19:abc@thread.tacv2"]
