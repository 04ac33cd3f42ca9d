"""Reports from Teams: filed by a chat command, triaged by card buttons, managers only."""

from __future__ import annotations

from typing import Any

from tests.teams.conftest import MakeTeams, card_text

PERSONAL = "teams-message-personal.json"
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
MEGAN = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the Entra id of the sender in both activities
LINK = "https://x.com/angry_customer/status/1790000000000000001"


def acknowledge(report_id: int) -> dict[str, Any]:
    data = {"action_id": "report_acknowledge", "value": str(report_id)}
    return {"action": {"type": "Action.Execute", "verb": "report_acknowledge", "data": data}}


async def test_a_report_from_teams_and_a_button_only_managers_may_press(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams()
    await teams.post(PERSONAL, text=f"report {LINK} rude reply to our launch post")
    [receipt] = teams.connector.sent
    assert "R-0001" in card_text(receipt.activity)
    assert "Don't reply to it" in card_text(receipt.activity)
    (report_id,) = [row["id"] for row in teams.db["reports"].rows]

    body = await (await teams.post(EXECUTE, value=acknowledge(report_id))).json()
    assert "social media manager" in str(body["value"]).lower()
    assert teams.db.table("reports").get(report_id)["status"] == "new"


async def test_a_manager_acknowledges_from_the_card(make_teams: MakeTeams) -> None:
    teams = await make_teams(social_media_managers=[MEGAN])
    await teams.post(PERSONAL, text=f"report {LINK}")
    (report_id,) = [row["id"] for row in teams.db["reports"].rows]

    body = await (await teams.post(EXECUTE, value=acknowledge(report_id))).json()
    assert body["statusCode"] == 200
    assert teams.db.table("reports").get(report_id)["status"] == "acknowledged"
