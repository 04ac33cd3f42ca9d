"""A Teams manager the bot cannot reach yet (no chat with the app, in no team of it): the cards
for them are kept, not failed, the reporter hears so, an admin hears whom and what to do, and
the cards go once the manager says hi."""

from __future__ import annotations

import pytest

from bot.teams.install import GRANTS
from tests.fakes.microsoft_graph import FakeGraph
from tests.teams.conftest import BOT_APP_ID, MakeTeams, card_text
from tests.teams.test_entra_groups import SECRET, TENANT
from tests.teams.test_reports import held
from tests.teams.test_team_questions import OLO, OLO_CHAT, calls_where, posted_to

PERSONAL = "teams-message-personal.json"
LINK = "https://x.com/angry_customer/status/1790000000000000001"


async def test_a_card_for_a_manager_without_the_app_waits_for_them_and_an_admin_hears_whom(
    make_running: MakeTeams,
) -> None:
    olo = OLO["aadObjectId"]
    teams = await make_running(social_media_managers=[olo])
    warnings = (await (await teams.client.get("/healthz")).json())["warnings"]
    [line] = [w for w in warnings if "SOCIALBOT_SOCIAL_MEDIA_MANAGERS" in w]
    assert line.startswith(f"SOCIALBOT_SOCIAL_MEDIA_MANAGERS: {olo} has no chat with socialbot")
    assert "install the app for them" in line and "say hi" in line

    await teams.post(PERSONAL, text=f"report {LINK} rude reply to our launch post")
    [receipt] = teams.connector.sent
    assert "R-0001 is saved" in card_text(receipt.activity)
    assert "as soon as the bot can reach them" in card_text(receipt.activity)
    assert await held(teams) == [(olo, 1)]  # kept, not failed

    await teams.post(PERSONAL, text="hi", conversation=OLO_CHAT, **{"from": OLO})
    [card] = await calls_where(teams.connector, posted_to(OLO_CHAT["id"]))
    assert "R-0001" in card_text(card.activity)
    warnings = (await (await teams.client.get("/healthz")).json())["warnings"]
    assert not [w for w in warnings if "SOCIALBOT_SOCIAL_MEDIA_MANAGERS" in w]
    assert teams.runtime.delivery.ledger.held() == []


@pytest.mark.parametrize(
    ("granted", "said"),
    [
        (True, "socialbot installed the app for them through Graph"),
        (False, f"grant the app the application permissions {GRANTS}, with admin consent"),
    ],
    ids=["granted", "refused"],
)
async def test_the_app_installs_itself_for_a_manager_where_graph_lets_it(
    make_teams: MakeTeams, granted: bool, said: str
) -> None:
    olo = OLO["aadObjectId"]
    async with FakeGraph(BOT_APP_ID, SECRET, TENANT) as graph:
        graph.catalog[BOT_APP_ID] = "catalog-app-1"  # published to the organisation's store
        graph.granted = granted
        teams = await make_teams(
            social_media_managers=[olo],
            microsoft_app_id=BOT_APP_ID,
            microsoft_app_password=SECRET,
            microsoft_app_tenant_id=TENANT,
            microsoft_graph_url=graph.graph_url,
            microsoft_login_url=graph.login_url,
        )

        await teams.bot.sync_people()  # at start and daily, after the rosters

        assert graph.installed == ({olo: {"catalog-app-1"}} if granted else {})
        warnings = (await (await teams.client.get("/healthz")).json())["warnings"]
        [line] = [w for w in warnings if "SOCIALBOT_SOCIAL_MEDIA_MANAGERS" in w]
        assert said in line
