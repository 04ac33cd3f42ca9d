"""Card buttons: whatever the core's action returns (form, message, nothing) is drawn right."""

from __future__ import annotations

from typing import Any

import pytest

from handlers.announcements import ids as announce_ids
from handlers.announcements.store import AnnouncementStore, Draft
from handlers.people import Person
from handlers.views import Actions, Button, Form, Input, Message, Reply, Text
from tests.teams.conftest import (
    MakeTeams,
    Teams,
    assert_valid_card,
    card_text,
    cards_in,
    load_activity,
)

EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
SUBMIT = "teams-message-from-action-submit.constructed.json"
FORM = Form("test_mute", "Mute a topic", (Input("topic", "Topic"),))
UPDATED = Message("Acknowledged by Megan Bowen")
MUTED = Message(
    "Muted until Monday.",
    (Text("Muted until Monday."), Actions((Button("Unmute", "test_button", "unmute"),))),
)


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


async def test_words_show_briefly_and_the_pressed_card_stays(
    teams: Teams, answer_with: Any
) -> None:
    answer_with(UPDATED)  # a digest, an announcement or a report card keeps all it shows

    body = await (await teams.post(EXECUTE, value=_execute())).json()

    assert body == {
        "statusCode": 200,
        "type": "application/vnd.microsoft.activity.message",
        "value": "Acknowledged by Megan Bowen",
    }
    assert teams.connector.calls == []


async def test_an_answer_with_buttons_comes_below_and_the_pressed_card_stays(
    teams: Teams, answer_with: Any
) -> None:
    answer_with(MUTED)

    body = await (await teams.post(EXECUTE, value=_execute())).json()

    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert body["value"] == "Muted until Monday."
    [call] = teams.connector.posted
    assert call.conversation_id == load_activity(EXECUTE, "")["conversation"]["id"]
    [card] = cards_in(call.activity)
    assert_valid_card(card)
    assert [a["title"] for a in card["body"][1]["actions"]] == ["Unmute"]


async def test_an_answer_with_buttons_to_a_channel_card_goes_to_the_presser_alone(
    teams: Teams, answer_with: Any
) -> None:
    answer_with(MUTED)
    channel = {"conversationType": "channel", "id": "19:general@thread.tacv2"}

    body = await (await teams.post(EXECUTE, value=_execute(), conversation=channel)).json()

    assert body["value"] == "Muted until Monday."
    posted = [call.conversation_id for call in teams.connector.posted]
    assert posted and "19:general@thread.tacv2" not in posted


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
        assert teams.connector.posted == []
    else:
        [call] = teams.connector.posted
        assert shown in card_text(call.activity)


async def test_not_for_me_on_an_announcement_leaves_the_card_as_it_was(teams: Teams) -> None:
    store = AnnouncementStore(teams.db)
    draft = Draft("Launch day", "We launch today.", "", "", {}, "everyone")
    announcement = store.confirm(store.save_draft("teams", "megan", "everyone", draft)).id
    data = {"action_id": announce_ids.NOT_FOR_ME, "value": str(announcement)}
    value = {"action": {"type": "Action.Execute", "verb": announce_ids.NOT_FOR_ME, "data": data}}

    body = await (await teams.post(EXECUTE, value=value)).json()

    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert body["value"] == "Noted: I won't bring this announcement up again."
    assert teams.connector.calls == []
    assert store.dismissals(announcement) == 1


async def test_a_made_up_number_on_a_button_gets_a_clear_answer(
    make_teams: MakeTeams, caplog: pytest.LogCaptureFixture
) -> None:
    # review14b T1: a number past SQLite's integers, or "²" (a digit to str.isdigit, not to
    # int), answered "something went wrong" with a traceback; these buttons take unsigned data.
    teams = await make_teams(social_media_managers=["7faf8ab2-3d56-4244-b585-20c8a42ed2b8"])
    cases = {
        "report_acknowledge": ("", "I can't find that report any more."),
        "digest_not_for_me": ("", "That item is no longer available."),
        "announce_not_for_me": ("", "That announcement no longer exists."),
        "report_snooze": ("1:", "That snooze button is no longer valid."),  # minutes
    }
    for action_id, (before, answer) in cases.items():
        for value in (before + "9" * 24, before + "²"):
            data = {"action_id": action_id, "value": value}
            pressed = {"action": {"type": "Action.Execute", "verb": action_id, "data": data}}
            activity = load_activity(EXECUTE, teams.connector.url, value=pressed)
            response = await teams.post_as_written({**activity, "id": f"{action_id}{value}"})

            assert (await response.json())["value"] == answer, (action_id, value)
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
