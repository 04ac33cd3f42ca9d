"""Roles and the team's channel are per platform: nobody claims another platform's id."""

from __future__ import annotations

import pytest

from bot.store import open_database
from handlers.core import Core
from handlers.groups import Group
from handlers.people import Role, Roles
from tests.conftest import core_on

SLACK_MANAGER = "U0MANAGER"
TEAMS_MANAGER = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"
SLACK_GROUP = "S0SOCIAL"
ENTRA_GROUP = "0b9f3c1e-5d2a-4c8b-9e7f-1a2b3c4d5e6f"
IN_ENTRA_GROUP = "2c1e4b7a-8d3f-4e6a-9b0c-1d2e3f4a5b6c"


@pytest.mark.parametrize(
    ("platform", "user_id", "manager"),
    [
        ("slack", SLACK_MANAGER, True),
        ("teams", SLACK_MANAGER, False),  # a Teams account calling itself U0MANAGER
        ("teams", TEAMS_MANAGER, True),
        ("slack", TEAMS_MANAGER, False),
        ("slack", "UOTHER", False),
        ("console", "alice", True),
    ],
)
def test_a_role_counts_only_on_its_platform(platform: str, user_id: str, manager: bool) -> None:
    roles = Roles.from_ids([SLACK_MANAGER, TEAMS_MANAGER, "alice"], [], [])
    assert roles.person(platform, user_id).has(Role.MANAGER) is manager


def test_the_team_is_reached_on_each_platform(tmp_path) -> None:
    db = open_database(tmp_path / "r.db", Core.migrations)
    core = core_on(db, Roles.from_ids([SLACK_MANAGER, TEAMS_MANAGER], [], []))
    assert core.team_for("slack") == [SLACK_MANAGER]
    assert core.team_for("teams") == [TEAMS_MANAGER]
    core.escalation_channels = ["CSOCIAL", "teams:19:abc@thread.tacv2"]
    assert core.team_for("slack") == ["CSOCIAL"]
    assert core.team_for("teams") == ["19:abc@thread.tacv2"]


@pytest.mark.parametrize(
    ("platform", "user_id", "manager"),
    [
        ("slack", "WINGROUP", True),
        ("teams", "WINGROUP", False),  # group members count on the group's platform only
        ("teams", IN_ENTRA_GROUP, True),
        ("teams", ENTRA_GROUP, False),  # the group's own id is nobody
        ("console", SLACK_GROUP, False),  # a bare S… is a Slack group, never a console id
        ("slack", "WOTHER", False),
    ],
)
def test_group_members_hold_the_role(tmp_path, platform: str, user_id: str, manager: bool) -> None:
    db = open_database(tmp_path / "r.db", Core.migrations)
    core = core_on(db, Roles.from_ids([SLACK_GROUP, f"teams:group:{ENTRA_GROUP}"], [], []))
    core.group_members.replace(Group("slack", SLACK_GROUP), ["WINGROUP"])
    core.group_members.replace(Group("teams", ENTRA_GROUP), [IN_ENTRA_GROUP])
    assert core.person(platform, user_id).has(Role.MANAGER) is manager


def test_a_bare_object_id_is_a_person_not_a_group(tmp_path) -> None:
    db = open_database(tmp_path / "r.db", Core.migrations)
    core = core_on(db, Roles.from_ids([ENTRA_GROUP], [], []))
    core.group_members.replace(Group("teams", ENTRA_GROUP), [TEAMS_MANAGER])
    assert core.roles.groups() == []
    assert core.team_for("teams") == [ENTRA_GROUP]
    assert not core.person("teams", TEAMS_MANAGER).has(Role.MANAGER)


def test_the_team_includes_named_managers_and_group_members(tmp_path) -> None:
    db = open_database(tmp_path / "r.db", Core.migrations)
    core = core_on(db, Roles.from_ids([SLACK_MANAGER, f"slack:{SLACK_GROUP}"], [], []))
    assert core.team_for("slack") == [SLACK_MANAGER]  # the group not read yet
    core.group_members.replace(Group("slack", SLACK_GROUP), ["W2", "W1", SLACK_MANAGER])
    assert core.team_for("slack") == [SLACK_MANAGER, "W1", "W2"]
    core.group_members.replace(Group("slack", SLACK_GROUP), ["W2"])
    assert core.team_for("slack") == [SLACK_MANAGER, "W2"]
