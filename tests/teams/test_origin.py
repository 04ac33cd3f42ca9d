"""Only Teams may talk to the endpoint, only Teams answers are sent, and roles come from the
Entra object id alone (issue 14, points 3 and 6): Bot Framework activities through the endpoint."""

from __future__ import annotations

import pytest

from bot.teams.origin import service_url_allowed
from tests.teams.conftest import BOT_APP_ID, MakeTeams
from tests.teams.test_auth import FORGED
from tests.teams.test_reports import EXECUTE, LINK, MEGAN, PERSONAL, acknowledge

BEARER = {"Authorization": f"Bearer {FORGED}"}  # refused, but only once it is checked


async def test_a_from_id_naming_a_manager_without_an_object_id_gets_no_manager_rights(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(social_media_managers=[MEGAN])
    await teams.post(PERSONAL, text=f"report {LINK}")
    (report_id,) = [row["id"] for row in teams.db["reports"].rows]
    impostor = {"id": MEGAN, "name": "Megan Bowen"}  # the manager's object id as from.id

    response = await teams.post(EXECUTE, value=acknowledge(report_id), **{"from": impostor})
    answer = await response.json()

    assert "social media manager" in str(answer["value"]).lower()
    assert teams.db.table("reports").get(report_id)["status"] == "new"
    # The manager herself, with her object id, may.
    await teams.post(EXECUTE, value=acknowledge(report_id))
    assert teams.db.table("reports").get(report_id)["status"] == "acknowledged"


@pytest.mark.parametrize("channel", ["webchat", "directline", "slack", "", None])
async def test_activities_of_other_channels_are_refused(
    make_teams: MakeTeams, channel: str | None
) -> None:
    teams = await make_teams()

    response = await teams.post(PERSONAL, channelId=channel)

    assert response.status == 400
    assert "Microsoft Teams" in (await response.json())["error"]
    assert teams.connector.calls == []
    assert teams.db["teams_conversations"].count == 0


async def test_the_emulator_may_talk_to_a_bot_without_an_app_id(make_teams: MakeTeams) -> None:
    teams = await make_teams()

    response = await teams.post(PERSONAL, channelId="emulator", text="help")

    assert response.status == 200
    assert len(teams.connector.posted) == 1


async def test_the_emulators_channel_is_refused_when_auth_is_on(make_teams: MakeTeams) -> None:
    teams = await make_teams(microsoft_app_id=BOT_APP_ID, microsoft_app_password="a-secret")

    response = await teams.post(
        PERSONAL,
        headers=BEARER,
        channelId="emulator",
        serviceUrl="https://smba.trafficmanager.net/emea/",
    )

    assert response.status == 400


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Real-IP": "203.0.113.7"},
        {"Forwarded": "for=203.0.113.7;proto=https"},
        {"Forwarded": 'for="[2001:db8::1]:4711", for=127.0.0.1'},
        {"Forwarded": "for=unknown"},
        {"X-Forwarded-For": "127.0.0.1", "X-Real-IP": "198.51.100.1"},
    ],
)
async def test_without_an_app_id_a_client_a_local_proxy_names_must_be_local_too(
    make_teams: MakeTeams, headers: dict[str, str]
) -> None:
    teams = await make_teams()

    response = await teams.post(PERSONAL, headers=headers)

    assert response.status == 401
    assert teams.connector.calls == []


@pytest.mark.parametrize(
    "headers",
    [{"X-Real-IP": "127.0.0.1"}, {"Forwarded": 'for="[::1]:51000";proto=http'}],
)
async def test_a_local_proxy_forwarding_a_local_client_is_served(
    make_teams: MakeTeams, headers: dict[str, str]
) -> None:
    teams = await make_teams()

    response = await teams.post(PERSONAL, headers=headers, text="help")

    assert response.status == 200


@pytest.mark.parametrize(
    "service_url",
    [
        "http://169.254.169.254/latest/",
        "file:///etc/passwd",
        "http://10.0.0.5/",
        "https://smba.trafficmanager.net/emea/",  # Microsoft's, but not on this machine
        "http://[::1/",
    ],
)
async def test_without_an_app_id_answers_go_only_to_this_machine(
    make_teams: MakeTeams, service_url: str
) -> None:
    teams = await make_teams()

    response = await teams.post(PERSONAL, serviceUrl=service_url, text="help")

    assert response.status == 400
    assert "serviceUrl" in (await response.json())["error"]
    assert teams.db["teams_conversations"].count == 0


@pytest.mark.parametrize(
    ("service_url", "allowed"),
    [
        ("https://smba.trafficmanager.net/emea/", True),
        ("https://smba.infra.gcc.teams.microsoft.com/", True),
        ("https://europe.webchat.botframework.com/", True),
        ("http://smba.trafficmanager.net/emea/", False),
        ("https://evil.trafficmanager.net/", False),
        ("https://botframework.com.evil.example/", False),
        ("https://169.254.169.254/", False),
        ("https://127.0.0.1:3978/", False),
        ("file:///etc/passwd", False),
    ],
)
def test_with_auth_answers_go_only_to_bot_framework_over_https(
    service_url: str, allowed: bool
) -> None:
    assert service_url_allowed(service_url, authenticated=True) is allowed


async def test_with_auth_a_foreign_service_url_is_refused_before_the_token_is_checked(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(microsoft_app_id=BOT_APP_ID, microsoft_app_password="a-secret")

    foreign = await teams.post(PERSONAL, headers=BEARER, serviceUrl="http://169.254.169.254/")
    microsofts = await teams.post(
        PERSONAL, headers=BEARER, serviceUrl="https://smba.trafficmanager.net/emea/"
    )

    assert foreign.status == 400
    assert microsofts.status == 401  # on to the token, which is forged


async def test_an_account_without_an_object_id_is_never_taken_for_an_entra_id(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams()
    emulator = {"id": MEGAN, "name": "Emulator user"}  # an Entra object id as from.id, no aad

    response = await teams.post(
        PERSONAL, channelId="emulator", text=f"report {LINK}", **{"from": emulator}
    )

    assert response.status == 200
    reporters = [(r["platform"], r["user_id"]) for r in teams.db["report_reporters"].rows]
    assert reporters == [("teams", f"emulator:{MEGAN}")]
    # Its answers still reach it, in its own chat.
    assert "R-0001" in str(teams.connector.posted[-1].activity)


@pytest.mark.parametrize("entry", [MEGAN.upper(), f"teams:{MEGAN.upper()}"])
async def test_an_object_id_written_in_upper_case_holds_the_role(
    make_teams: MakeTeams, entry: str
) -> None:
    teams = await make_teams(social_media_managers=[entry])  # as some admin tools print GUIDs
    await teams.post(PERSONAL, text=f"report {LINK}")
    (report_id,) = [row["id"] for row in teams.db["reports"].rows]

    await teams.post(EXECUTE, value=acknowledge(report_id))  # Teams sends the id in lower case

    assert teams.db.table("reports").get(report_id)["status"] == "acknowledged"
