"""The HTTP contract of /api/messages: invokes get their body, bad requests their status."""

from __future__ import annotations

from typing import Any

import pytest

from tests.teams.conftest import Teams, load_activity

PERSONAL = "teams-message-personal.json"


async def test_an_adaptive_card_action_invoke_gets_a_body(teams: Teams) -> None:
    response = await teams.post("teams-invoke-adaptiveCard-action.constructed.json")

    assert response.status == 200
    body = await response.json()
    assert body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert "no longer active" in body["value"]
    assert teams.connector.calls == []  # the answer travels in the HTTP response


async def test_an_invoke_that_fails_still_answers_with_a_body(
    teams: Teams, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(teams.bot.turns, "_action", broken)

    response = await teams.post("teams-invoke-adaptiveCard-action.constructed.json")

    assert response.status == 200
    assert "with reference" in (await response.json())["value"]


async def test_an_invoke_not_handled_yet_is_501_not_500(teams: Teams) -> None:
    # A search-based message extension: the app offers none.
    response = await teams.post(
        "teams-invoke-task-submit.synthetic.json", name="composeExtension/query"
    )

    assert response.status == 501


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2, 3]",
        b'{"text": "no type"}',
        b'{"type": "message", "text": "no serviceUrl or conversation"}',
        b'{"type": "message", "timestamp": "yesterday", "serviceUrl": "http://127.0.0.1/"}',
    ],
)
async def test_a_body_that_is_not_an_activity_gets_400(teams: Teams, body: bytes) -> None:
    response = await teams.client.post(
        "/api/messages", data=body, headers={"Content-Type": "application/json"}
    )

    assert response.status == 400
    assert teams.connector.calls == []


async def test_a_body_that_is_not_json_by_type_gets_415(teams: Teams) -> None:
    activity = load_activity(PERSONAL, teams.connector.url)

    response = await teams.client.post("/api/messages", data=str(activity))

    assert response.status == 415


async def test_health_reports_the_last_activity(teams: Teams) -> None:
    assert teams.bot.health()["last_activity"] is None

    await teams.post(PERSONAL)

    health = teams.bot.health()
    assert health["enabled"] is True
    assert health["auth"] is False
    assert health["last_activity"] is not None
