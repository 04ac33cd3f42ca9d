"""A Teams manager the bot cannot reach yet (no chat with the app, in no team of it): the cards
for them are kept, not failed, the reporter hears so, an admin hears whom and what to do, and
the cards go once the manager says hi."""

from __future__ import annotations

import logging

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
    ("granted", "before", "said"),
    [
        (True, False, "socialbot installed the app for them through Graph"),
        (False, False, f"grant the app the application permissions {GRANTS}, with admin consent"),
        # Installed before the bot kept their chat (a policy, a restored database): Teams
        # announces a chat only at a new install, so it is not claimed as installed now.
        (True, True, "the app is installed for them already, but Teams never told socialbot"),
    ],
    ids=["granted", "refused", "installed-before"],
)
async def test_the_app_installs_itself_for_a_manager_where_graph_lets_it(
    make_teams: MakeTeams, granted: bool, before: bool, said: str
) -> None:
    olo = OLO["aadObjectId"]
    async with FakeGraph(BOT_APP_ID, SECRET, TENANT) as graph:
        graph.catalog[BOT_APP_ID] = "catalog-app-1"  # published to the organisation's store
        graph.granted = granted
        if before:
            graph.installed[olo] = {"catalog-app-1"}
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


async def test_a_manager_who_blocked_the_bot_is_not_tried_again_when_others_say_hi(
    make_running: MakeTeams, caplog: pytest.LogCaptureFixture
) -> None:
    olo = OLO["aadObjectId"]
    teams = await make_running(social_media_managers=[olo])
    await teams.post(PERSONAL, text="hi", conversation=OLO_CHAT, **{"from": OLO})
    teams.connector.fail(403, conversation=OLO_CHAT["id"])  # Olo blocked the bot
    await teams.post(PERSONAL, text=f"report {LINK} rude reply to our launch post")
    assert await held(teams) == [(olo, 1)]
    caplog.set_level(logging.INFO)

    for n in range(3):  # a rollout: new people open their chats with the bot
        someone = {"id": f"29:new-{n}", "name": f"New {n}", "aadObjectId": f"new-aad-{n}"}
        chat = {"conversationType": "personal", "id": f"a:chat-new-{n}"}
        await teams.post(PERSONAL, text="hi", conversation=chat, **{"from": someone})

    assert await held(teams) == [(olo, 1)]  # still kept, with its back-off
    assert not [r for r in caplog.records if "kept messages released" in r.getMessage()]
