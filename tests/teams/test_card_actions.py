"""Card buttons: whatever the core's action returns (form, message, nothing) is drawn right."""

from __future__ import annotations

from typing import Any

import pytest

from handlers.people import Person
from handlers.views import Form, Input, Message, Reply
from tests.teams.conftest import Teams, assert_valid_card, card_text, cards_in

EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
SUBMIT = "teams-message-from-action-submit.constructed.json"
FORM = Form("test_mute", "Mute a topic", (Input("topic", "Topic"),))
UPDATED = Message("Acknowledged by Megan Bowen")


@pytest.fixture
def answer_with(teams: Teams) -> Any:
    def register(reply: Reply | None) -> None:
        async def action(person: Person, value: str) -> Reply | None:
            return reply

        teams.core.on_action("test_button", action)

    return register


def _execute(value: str = "item-1") -> dict[str, Any]:
    data = {"action_id": "test_button", "value": value}
    return {"action": {"type": "Action.Execute", "verb": "test_button", "data": data}}


async def test_a_message_refreshes_the_pressed_card(teams: Teams, answer_with: Any) -> None:
    answer_with(UPDATED)

    body = await (await teams.post(EXECUTE, value=_execute())).json()

    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert_valid_card(body["value"])
    assert "Acknowledged by Megan Bowen" in str(body["value"])
    assert teams.connector.calls == []


async def test_a_form_comes_below_and_the_pressed_card_stays(
    teams: Teams, answer_with: Any
) -> None:
    answer_with(FORM)  # from a button not marked as opening a form (on an older card, say)

    body = await (await teams.post(EXECUTE, value=_execute())).json()

    assert body == {
        "statusCode": 200,
        "type": "application/vnd.microsoft.activity.message",
        "value": "Mute a topic",
    }
    [call] = teams.connector.posted
    [card] = cards_in(call.activity)
    assert [e["id"] for e in card["body"] if "id" in e] == ["topic"]


async def test_nothing_to_say_keeps_the_card(teams: Teams, answer_with: Any) -> None:
    answer_with(None)

    body = await (await teams.post(EXECUTE, value=_execute())).json()

    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert teams.connector.calls == []


@pytest.mark.parametrize(
    ("reply", "shown"), [(UPDATED, "Acknowledged"), (FORM, "Mute a topic"), (None, None)]
)
async def test_a_submit_button_message_gets_a_reply_or_none(
    teams: Teams, answer_with: Any, reply: Reply | None, shown: str | None
) -> None:
    answer_with(reply)

    await teams.post(SUBMIT, value={"action_id": "test_button", "value": "item-1"})

    if shown is None:
        assert teams.connector.calls == []
    else:
        [call] = teams.connector.posted
        assert shown in card_text(call.activity)
