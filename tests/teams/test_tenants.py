"""Only the company's tenants are served in Teams: an outsider gets one line and leaves no trace."""

from __future__ import annotations

from typing import Any

import pytest

from bot.settings import SettingsError
from tests.teams.conftest import MakeTeams, Teams, card_text

PERSONAL = "teams-message-personal.json"
EXTENSION_FETCH = "teams-invoke-composeExtension-fetchTask-from-message.json"
COMPANY = "72f988bf-86f1-41af-91ab-2d7cd011db47"  # the tenant of the stored personal message
OUTSIDER = "99999999-9999-4999-8999-999999999999"


def _from(tenant: str) -> dict[str, Any]:
    return {"channelData": {"tenant": {"id": tenant}}}


def _stored(teams: Teams) -> tuple[int, int]:
    return teams.db.table("people").count, teams.db.table("teams_conversations").count


async def test_someone_of_another_tenant_gets_one_line_and_is_not_stored(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(microsoft_app_tenant_id=COMPANY, company_names=["Nordlys"])

    await teams.post(PERSONAL, text="hi, what can you do?", **_from(OUTSIDER))
    response = await teams.post(EXTENSION_FETCH, channelId="msteams", **_from(OUTSIDER))

    [call] = teams.connector.sent
    assert card_text(call.activity) == "socialbot is for the people of Nordlys only."
    assert (await response.json())["task"]["value"] == card_text(call.activity)
    assert _stored(teams) == (0, 0)  # never in "everyone", never sent a digest
    # Nobody of the company came since: /healthz says which tenant came and which is set
    # (a mistyped tenant id turns every employee away so, review12b D4).
    (warning,) = await _tenant_warnings(teams)
    assert f"{OUTSIDER} (2); MICROSOFT_APP_TENANT_ID and SOCIALBOT_TEAMS_TENANTS" in warning
    assert f"name {COMPANY}: if these are the company's people" in warning
    await teams.post(PERSONAL, text="hi", **_from(COMPANY.upper()))
    assert _stored(teams) == (1, 1)
    assert "only" not in card_text(teams.connector.sent[-1].activity)
    assert await _tenant_warnings(teams) == []


async def _tenant_warnings(teams: Teams) -> list[str]:
    warnings = (await (await teams.client.get("/healthz")).json())["warnings"]
    return [warning for warning in warnings if "tenant" in warning]


@pytest.mark.parametrize(
    "overrides",
    [
        {"microsoft_app_tenant_id": "contoso.onmicrosoft.com"},
        {"teams_tenants": f"{COMPANY}, {COMPANY[:-1]}"},
    ],
)
async def test_a_tenant_written_as_its_domain_or_mistyped_stops_the_start(
    make_teams: MakeTeams, overrides: dict[str, str]
) -> None:
    with pytest.raises(SettingsError, match="is not a tenant id: write the tenant's id, a GUID"):
        await make_teams(**overrides)


async def test_a_list_of_tenants_serves_each_of_them(make_teams: MakeTeams) -> None:
    teams = await make_teams(teams_tenants=[OUTSIDER, COMPANY])

    await teams.post(PERSONAL, text="hi", **_from(OUTSIDER))

    assert _stored(teams) == (1, 1)
