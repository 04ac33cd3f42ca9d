"""Roles from Entra groups: read from a fake Microsoft Graph, checked on Teams turns."""

from __future__ import annotations

import logging
import socket
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.app import Runtime, build_runtime
from bot.settings import Settings
from bot.teams import zones
from handlers.people import Member, Role
from tests.fakes.microsoft_graph import FakeGraph, graph_group, graph_user
from tests.teams.conftest import BOT_APP_ID, MakeTeams, Teams, card_text, cards_in
from tests.teams.test_reports import EXECUTE, LINK, PERSONAL, acknowledge

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
SECRET = "a-client-secret"
GROUP = "0b9f3c1e-5d2a-4c8b-9e7f-1a2b3c4d5e6f"
TEAM = f"teams:group:{GROUP}"
MEGAN = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the Entra id of the sender in the activities
ALEX = "4f1d9a3b-2c6e-4e8f-a1b2-c3d4e5f6a7b8"

MakeSettings = Callable[..., Settings]


@pytest.fixture
async def graph() -> AsyncIterator[FakeGraph]:
    async with FakeGraph(BOT_APP_ID, SECRET, TENANT) as fake:
        fake.groups[GROUP] = [graph_user(MEGAN, "Megan Bowen")]
        yield fake


def online(make_settings: MakeSettings, graph: FakeGraph, **roles: Any) -> Runtime:
    """The bot with its Microsoft credentials, Graph and the login endpoint being the fake."""
    return build_runtime(
        make_settings(
            microsoft_app_id=BOT_APP_ID,
            microsoft_app_password=SECRET,
            microsoft_app_tenant_id=TENANT,
            microsoft_graph_url=graph.graph_url,
            microsoft_login_url=graph.login_url,
            **roles,
        )
    )


async def read_groups(make_settings: MakeSettings, graph: FakeGraph, **roles: Any) -> None:
    """Read the groups as the bot with credentials does, into the tests' database."""
    runtime = online(make_settings, graph, **roles)
    try:
        assert await runtime.read_role_groups()
    finally:
        runtime.db.close()


async def offline_after_reading(
    make_settings: MakeSettings, make_teams: MakeTeams, graph: FakeGraph, **roles: Any
) -> Teams:
    """The bot without credentials, on the database the bot with them read the groups into.

    With MICROSOFT_APP_ID set every Teams request needs a Bot Framework token, which no test can
    sign; so the turns run in the bot as the Bot Framework Emulator meets it, where the members
    read before hold their roles.
    """
    await read_groups(make_settings, graph, **roles)
    return await make_teams(**roles)


async def test_an_entra_group_member_triages_from_teams(
    make_settings: MakeSettings, make_teams: MakeTeams, graph: FakeGraph
) -> None:
    teams = await offline_after_reading(
        make_settings, make_teams, graph, social_media_managers=[TEAM]
    )
    await teams.post(PERSONAL, text=f"report {LINK}")
    (report_id,) = [row["id"] for row in teams.db["reports"].rows]

    alex = {"id": "29:alex", "name": "Alex Wilber", "aadObjectId": ALEX}
    refused = await teams.post(EXECUTE, value=acknowledge(report_id), **{"from": alex})
    assert "social media manager" in str((await refused.json())["value"]).lower()
    assert teams.db.table("reports").get(report_id)["status"] == "new"

    body = await (await teams.post(EXECUTE, value=acknowledge(report_id))).json()
    assert body["statusCode"] == 200
    assert teams.db.table("reports").get(report_id)["status"] == "acknowledged"


async def test_an_entra_group_member_announces_from_teams(
    make_settings: MakeSettings, make_teams: MakeTeams, graph: FakeGraph
) -> None:
    teams = await offline_after_reading(make_settings, make_teams, graph, announcers=[TEAM])
    await teams.post(PERSONAL, text="announce")
    [call] = teams.connector.sent
    [card] = cards_in(call.activity)
    assert {"headline", "message", "link"} <= {element.get("id") for element in card["body"]}

    await teams.post(PERSONAL, text="announce", **{"from": {"id": "29:alex", "aadObjectId": ALEX}})
    assert "Only announcers can send announcements" in card_text(teams.connector.sent[-1].activity)


async def test_members_are_read_page_by_page_with_one_token(
    make_settings: MakeSettings, graph: FakeGraph
) -> None:
    people = [f"{n:08d}-1111-4222-8333-444455556666" for n in range(5)]
    graph.page_size = 2
    graph.groups[GROUP] = [graph_group("5e1f0000-0000-4000-8000-000000000000", "Nested")]
    graph.groups[GROUP] += [graph_user(person, f"Person {person[:8]}") for person in people]
    graph.groups[ALEX] = [graph_user(ALEX, "Alex Wilber")]  # a second group, same token
    runtime = online(
        make_settings, graph, social_media_managers=[TEAM], admins=[f"teams:group:{ALEX}"]
    )

    assert await runtime.read_role_groups()

    assert runtime.core.roles.members(Role.MANAGER, "teams") == people
    assert runtime.core.person("teams", ALEX).has(Role.MANAGER)  # admins hold every role
    assert graph.count("token") == 1
    pages = [call for call in graph.calls if call.method == "members" and GROUP in call.path]
    assert [call.query.get("$skiptoken") for call in pages] == [None, "page+2/", "page+4/"]
    assert {call.query["$select"] for call in pages} == {"id"}
    assert {call.authorization for call in pages} == {"Bearer fake-graph-token-1"}
    runtime.db.close()


@pytest.mark.parametrize(
    ("refuse", "error"),
    [
        (
            lambda graph: setattr(graph, "granted", False),
            "Authorization_RequestDenied; Insufficient privileges to complete the operation.; "
            "grant the app the GroupMember.Read.All application permission, with admin consent",
        ),
        (
            lambda graph: setattr(graph, "secret", "a-rotated-secret"),
            "Microsoft refused the app's credentials: invalid_client: AADSTS7000215: "
            "Invalid client secret provided. Ensure the secret being sent in the request is "
            "the client secret value, not the client secret ID.",
        ),
    ],
    ids=["no permission", "bad secret"],
)
async def test_a_refused_reading_keeps_the_last_known_members(
    make_settings: MakeSettings,
    graph: FakeGraph,
    caplog: pytest.LogCaptureFixture,
    refuse: Callable[[FakeGraph], None],
    error: str,
) -> None:
    await read_groups(make_settings, graph, social_media_managers=[TEAM])
    refuse(graph)
    runtime = online(make_settings, graph, social_media_managers=[TEAM])  # no token kept

    with caplog.at_level(logging.ERROR, logger="handlers.groups"):
        assert await runtime.read_role_groups() is False

    assert runtime.core.person("teams", MEGAN).has(Role.MANAGER)
    [shown] = (await runtime.health())["role_groups"]
    assert shown["group"] == TEAM and shown["members"] == 1
    assert shown["error"] == error
    # Only the bot's own line: a client an earlier test left open may be closed (and logged by
    # asyncio) while this one runs.
    [logged] = [record for record in caplog.records if record.name == "handlers.groups"]
    assert (getattr(logged, "reason", None), getattr(logged, "kept", None)) == (error, 1)
    runtime.db.close()


async def test_a_deleted_group_gives_its_role_to_nobody(
    make_settings: MakeSettings, graph: FakeGraph
) -> None:
    # review13a S4: deleting the group kept its last members managers for ever
    await read_groups(make_settings, graph, social_media_managers=[TEAM])
    graph.groups.clear()
    runtime = online(make_settings, graph, social_media_managers=[TEAM])

    assert await runtime.read_role_groups() is False

    assert not runtime.core.person("teams", MEGAN).has(Role.MANAGER)
    health = await runtime.health()
    [shown] = health["role_groups"]
    assert shown["group"] == TEAM and shown["members"] == 0
    error = (
        f"Request_ResourceNotFound; Resource '{GROUP}' does not exist or one of its queried"
        " reference-property objects are not present.; there is no such group in the tenant;"
        " check its object id"
    )
    assert shown["error"] == error
    assert f"role group {TEAM} gives its role to nobody: {error}" in health["warnings"]
    runtime.db.close()


async def test_without_credentials_the_groups_keep_their_members(
    make_settings: MakeSettings, make_teams: MakeTeams, graph: FakeGraph
) -> None:
    teams = await offline_after_reading(
        make_settings, make_teams, graph, social_media_managers=[TEAM]
    )

    assert await teams.runtime.read_role_groups() is False

    assert teams.core.roles.members(Role.MANAGER, "teams") == [MEGAN]
    [shown] = (await teams.runtime.health())["role_groups"]
    assert shown["error"].startswith("set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and")
    assert graph.count("members") == 1  # only the reading with credentials


async def test_an_unreachable_microsoft_keeps_the_members_and_says_so(
    make_settings: MakeSettings, graph: FakeGraph
) -> None:
    await read_groups(make_settings, graph, social_media_managers=[TEAM])
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    runtime = build_runtime(
        make_settings(
            microsoft_app_id=BOT_APP_ID,
            microsoft_app_password=SECRET,
            microsoft_app_tenant_id=TENANT,
            microsoft_login_url=closed,
            social_media_managers=[TEAM],
        )
    )

    assert await runtime.read_role_groups() is False

    assert runtime.core.roles.members(Role.MANAGER, "teams") == [MEGAN]
    [shown] = (await runtime.health())["role_groups"]
    assert shown["error"].startswith("cannot reach Microsoft: ")
    runtime.db.close()


async def test_a_throttled_first_reading_waits_and_reads_the_group(
    make_settings: MakeSettings, graph: FakeGraph
) -> None:
    graph.fail(429, "TooManyRequests", times=2, retry_after=0.1)
    runtime = online(make_settings, graph, social_media_managers=[TEAM])

    assert await runtime.read_role_groups()

    assert runtime.core.roles.members(Role.MANAGER, "teams") == [MEGAN]
    assert [call.status for call in graph.calls if call.method == "members"] == [429, 429, 200]
    assert not [line for line in (await runtime.health())["warnings"] if TEAM in line]
    runtime.db.close()


async def test_a_group_never_read_is_a_warning_and_tried_again_in_minutes(
    make_settings: MakeSettings, graph: FakeGraph
) -> None:
    graph.fail(429, "TooManyRequests", times=4, retry_after=3600)  # longer than worth waiting
    runtime = online(make_settings, graph, social_media_managers=[TEAM])
    start = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)

    await runtime.sync_people_daily(start)
    await runtime.finish_background()

    assert graph.count("members") == 1
    [warning] = [line for line in (await runtime.health())["warnings"] if TEAM in line]
    assert warning.startswith(f"role group {TEAM} has never been read, so nobody holds its role")
    assert "TooManyRequests" in warning and "tried again every 5 minutes" in warning
    await runtime.sync_people_daily(start + timedelta(minutes=4))
    await runtime.finish_background()
    assert graph.count("members") == 1
    graph.heal()
    await runtime.sync_people_daily(start + timedelta(minutes=5))
    await runtime.finish_background()
    assert runtime.core.roles.members(Role.MANAGER, "teams") == [MEGAN]
    assert not [line for line in (await runtime.health())["warnings"] if TEAM in line]
    runtime.db.close()


async def test_roster_people_get_their_outlook_zone_only_where_an_admin_granted_it(
    make_settings: MakeSettings, graph: FakeGraph, caplog: pytest.LogCaptureFixture
) -> None:
    # review12a E13: Teams people known from a roster only got the company's morning (03:30 in
    # Chicago). Their mailbox's zone, where the app may read it, times their first digest.
    runtime = online(make_settings, graph)
    directory = runtime.core.directory
    nobody = "9a8b7c6d-0000-4000-8000-000000000001"  # no mailbox
    chose = "9a8b7c6d-0000-4000-8000-000000000002"  # chose a zone already
    # A mailbox whose zone was never set reads UTC: the company's zone stays theirs (review13c R7).
    unset = "9a8b7c6d-0000-4000-8000-000000000003"
    people = (MEGAN, ALEX, nobody, chose, unset)
    directory.upsert(Member("teams", person, "Someone") for person in people)
    directory.choose_zone("teams", chose, "Europe/Lisbon")
    graph.mailboxes = {
        MEGAN: "Central Standard Time",
        ALEX: "Asia/Singapore",
        chose: "UTC",
        unset: "UTC",
    }

    def zones() -> list[str]:
        return [member.tz for person in people if (member := directory.get("teams", person))]

    try:
        graph.mailbox_granted = False
        with caplog.at_level(logging.INFO):
            await runtime.teams.sync_people()
        assert zones() == ["", "", "", "Europe/Lisbon", ""]
        assert graph.count("mailbox") == 1  # not granted: nobody else is asked today
        assert any("MailboxSettings.Read" in str(r.__dict__) for r in caplog.records)

        graph.mailbox_granted = True
        await runtime.teams.sync_people()
        assert zones() == ["America/Chicago", "Asia/Singapore", "", "Europe/Lisbon", ""]
    finally:
        runtime.db.close()


async def test_outlook_zones_are_asked_a_few_at_a_time_never_of_guests_and_wait_out_a_429(
    make_settings: MakeSettings, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    # review13c R7: every unknown person's mailbox at each roster read, guests too, one call
    # after another, and a 429 read as "no zone"
    monkeypatch.setattr(zones, "PER_READ", 2)
    runtime = online(make_settings, graph)
    directory = runtime.core.directory
    people = [f"9a8b7c6d-0000-4000-8000-00000000000{n}" for n in range(5)]
    directory.upsert(Member("teams", person, "Someone") for person in people[:4])
    directory.upsert([Member("teams", people[4], "A guest", guest=True)])
    graph.mailboxes = {people[0]: "Asia/Singapore", people[3]: "Asia/Tokyo", people[4]: "UTC"}

    def asked() -> list[str]:
        return [call.path.split("/")[3] for call in graph.calls if call.method == "mailbox"]

    try:
        await runtime.teams.sync_people()  # the first two: one zone, one mailbox without
        graph.fail(429, "TooManyRequests", retry_after=3600)
        await runtime.teams.sync_people()  # the next one throttled: the read ends there
        await runtime.teams.sync_people()  # within the Retry-After: nobody asked
        assert asked() == people[:3]
        runtime.teams.mailboxes._quiet_until = 0.0  # an hour later
        await runtime.teams.sync_people()  # the rest; no mailbox is asked twice in a week
        assert asked() == [*people[:3], people[2], people[3]]
        assert directory.get("teams", people[3]).tz == "Asia/Tokyo"  # type: ignore[union-attr]
        await runtime.teams.sync_people()
        assert len(asked()) == 5  # who gave no zone is not asked again this week
    finally:
        runtime.db.close()
