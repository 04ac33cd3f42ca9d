"""With MICROSOFT_APP_ID set, only requests with a valid Bot Framework token run."""

from __future__ import annotations

import jwt
import pytest

from bot.settings import SettingsError
from tests.teams.conftest import BOT_APP_ID, MakeTeams

PERSONAL = "teams-message-personal.json"
TEAMS_SERVICE_URL = "https://smba.trafficmanager.net/emea/"  # never reached: the token is bad

# Tokens that must be refused without asking Microsoft for signing keys (no network in tests).
FORGED = jwt.encode(
    {"iss": "https://attacker.example", "aud": BOT_APP_ID, "serviceurl": "http://127.0.0.1/"},
    "not-the-key-microsoft-signs-with-ever",
    algorithm="HS256",
)


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer not-a-jwt", "Basic dXNlcjpwYXNz", f"Bearer {FORGED}"],
)
async def test_a_request_without_a_valid_token_gets_401_and_nothing_runs(
    make_teams: MakeTeams, authorization: str | None
) -> None:
    teams = await make_teams(microsoft_app_id=BOT_APP_ID, microsoft_app_password="a-client-secret")
    headers = {"Authorization": authorization} if authorization is not None else None

    response = await teams.post(PERSONAL, headers=headers, serviceUrl=TEAMS_SERVICE_URL)

    assert response.status == 401
    assert teams.connector.calls == []
    assert teams.db["teams_conversations"].count == 0
    health = teams.bot.health()
    assert health["auth"] is True
    assert health["rejected_requests"] == 1
    assert health["last_activity"] is None


async def test_auth_on_needs_a_password(make_teams: MakeTeams) -> None:
    with pytest.raises(SettingsError, match="MICROSOFT_APP_PASSWORD"):
        await make_teams(microsoft_app_id=BOT_APP_ID)


async def test_a_single_tenant_bot_needs_its_tenant(make_teams: MakeTeams) -> None:
    with pytest.raises(SettingsError, match="MICROSOFT_APP_TENANT_ID"):
        await make_teams(
            microsoft_app_id=BOT_APP_ID,
            microsoft_app_password="a-client-secret",
            microsoft_app_type="SingleTenant",
        )


async def test_without_an_app_id_nobody_is_served_unless_the_emulator_is_asked_for(
    make_teams: MakeTeams, caplog: pytest.LogCaptureFixture
) -> None:
    # A same-host TCP forwarder (HAProxy without forwardfor, an SSH tunnel) looks like this
    # machine: without SOCIALBOT_TEAMS_EMULATOR, that must not let anyone in (review8b P).
    teams = await make_teams(teams_emulator=False)

    statuses = [(await teams.post(PERSONAL)).status for _ in range(2)]

    assert statuses == [401, 401]
    assert teams.connector.calls == []
    assert teams.db["teams_conversations"].count == 0
    hints = [r for r in caplog.records if "SOCIALBOT_TEAMS_EMULATOR=true" in r.getMessage()]
    assert len(hints) == 1  # the first refusal says what to set; the rest are counted


@pytest.mark.parametrize("forwarded_for", ["203.0.113.7", "127.0.0.1, 198.51.100.1"])
async def test_without_an_app_id_only_this_machine_may_post(
    make_teams: MakeTeams, forwarded_for: str
) -> None:
    teams = await make_teams()

    response = await teams.post(PERSONAL, headers={"X-Forwarded-For": forwarded_for})

    assert response.status == 401
    assert "MICROSOFT_APP_ID" in (await response.json())["error"]
    assert teams.connector.calls == []
    assert teams.db["teams_conversations"].count == 0
