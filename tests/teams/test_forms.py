"""Forms in Teams: a card with inputs in chat, mistakes on their fields, the answer in place."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.teams import cards, forms
from handlers.commands import SlashCommand
from handlers.errors import FormErrors
from handlers.people import Person
from handlers.views import Actions, Button, Form, Header, Input, Message, Option, Text, Values
from tests.teams.conftest import Teams, assert_valid_card, card_text, cards_in, load_activity

PERSONAL = "teams-message-personal.json"
MENTION = "teams-message-channel-mention.constructed.json"
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
SUBMIT = "teams-message-from-action-submit.constructed.json"
TASK_SUBMIT = "teams-invoke-task-submit.synthetic.json"

FORM = Form(
    form_id="test_report",
    title="Report a mention",
    inputs=(
        Input("url", "Link to the post", kind="url", placeholder="https://…"),
        Input("what", "What happened?", kind="multiline", max_length=500, hint="Two lines do"),
        Input(
            "severity",
            "Severity",
            kind="select",
            initial="low",
            options=(Option("low", "Low"), Option("high", "High")),
        ),
        Input(
            "channels",
            "Where",
            kind="multiselect",
            optional=True,
            options=(Option("x", "X"), Option("linkedin", "LinkedIn")),
        ),
        Input(
            "confirm",
            "Confirm",
            kind="checkboxes",
            options=(Option("true", "It's about us"),),
        ),
        Input("seen_on", "Seen on", kind="date", optional=True, initial="2026-11-23"),
        Input("seen_at", "Seen at", kind="time", optional=True),
    ),
    submit_label="Send report",
    intro=(Header("Reporting"), Text("Tell us **what** you saw.")),
    state="report-7",
)


@pytest.fixture
def submitted(teams: Teams) -> list[tuple[Person, Values, str]]:
    """Register the test form: `/report-test` shows it; a link that is not https is a mistake."""
    seen: list[tuple[Person, Values, str]] = []

    async def show(person: Person, text: str) -> Form:
        return FORM

    async def submit(person: Person, values: Values, state: str) -> Message | None:
        seen.append((person, values, state))
        if not str(values["url"]).startswith("https://"):
            raise FormErrors({"url": "Paste the link to the post (https://…).", "": "Check it."})
        return Message(f"Thanks, report {state} is with the team.")

    teams.core.commands.add(SlashCommand("report-test", "Test form", "", show))
    teams.core.on_form(FORM.form_id, submit)
    return seen


def _inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in card["body"] if str(e["type"]).startswith("Input.")}


def _submit_data(card: dict[str, Any]) -> dict[str, Any]:
    [action] = card["actions"]
    data: dict[str, Any] = action["data"]
    return data


async def _press(teams: Teams, card: dict[str, Any], **values: str) -> dict[str, Any]:
    """Press the form card's Action.Execute with `values` typed in, as Teams would send it."""
    [action] = card["actions"]
    data = {**action["data"], **values}
    value = {"action": {"type": "Action.Execute", "verb": action["verb"], "data": data}}
    response = await teams.post(EXECUTE, value=value)
    assert response.status == 200
    body: dict[str, Any] = await response.json()
    return body


async def test_a_form_reply_is_a_card_with_its_inputs(teams: Teams, submitted: object) -> None:
    await teams.post(PERSONAL, text="/report-test")

    [call] = teams.connector.sent
    [card] = cards_in(call.activity)
    assert_valid_card(card)
    assert call.activity["summary"] == "Report a mention"
    fields = _inputs(card)
    assert list(fields) == ["url", "what", "severity", "channels", "confirm", "seen_on", "seen_at"]
    assert fields["url"]["style"] == "Url"
    assert fields["url"]["isRequired"] and fields["url"]["errorMessage"]
    assert fields["what"]["isMultiline"] and fields["what"]["maxLength"] == 500
    assert fields["severity"]["style"] == "compact" and fields["severity"]["value"] == "low"
    assert fields["channels"]["isMultiSelect"] and "isRequired" not in fields["channels"]
    assert fields["confirm"]["style"] == "expanded" and fields["confirm"]["isMultiSelect"]
    assert fields["seen_on"] == {
        "type": "Input.Date",
        "value": "2026-11-23",
        "id": "seen_on",
        "label": "Seen on",
    }
    assert "Two lines do" in card_text(call.activity)
    [action] = card["actions"]
    assert action["type"] == "Action.Execute"
    assert action["title"] == "Send report"
    assert _submit_data(card)["form_id"] == "test_report"
    assert _submit_data(card)["state"] == "report-7"


async def test_mistakes_refresh_the_card_then_the_answer_replaces_it(
    teams: Teams, submitted: list[tuple[Person, Values, str]]
) -> None:
    await teams.post(PERSONAL, text="report-test")
    [card] = cards_in(teams.connector.sent[0].activity)

    wrong = await _press(teams, card, url="example.com/post", what="Rude", channels="x,linkedin")

    assert wrong["statusCode"] == 200
    assert wrong["type"] == "application/vnd.microsoft.card.adaptive"
    again = wrong["value"]
    assert_valid_card(again)
    texts = [e.get("text") for e in again["body"]]
    # The mistake sits right under its field; one not about a field goes on top.
    url_at = [e.get("id") for e in again["body"]].index("url")
    assert texts[url_at + 1] == "Paste the link to the post (https://…)."
    assert again["body"][url_at + 1]["color"] == "Attention"
    assert "Check it." in texts[:3]
    fields = _inputs(again)
    assert fields["url"]["value"] == "example.com/post"  # what was typed stays
    assert fields["channels"]["value"] == "x,linkedin"
    person, values, state = submitted[0]
    assert values["channels"] == ["x", "linkedin"]
    assert values["confirm"] == []
    assert state == "report-7"
    assert person.user_id == "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the Entra object id

    right = await _press(teams, again, url="https://x.com/p/1", what="Rude", confirm="true")

    assert "Thanks, report report-7 is with the team." in str(right["value"])
    assert_valid_card(right["value"])
    assert submitted[1][1]["url"] == "https://x.com/p/1"
    assert teams.connector.posted[1:] == []  # both answers came in the invoke response


async def test_a_submit_button_message_gets_the_form_again_or_the_answer(
    teams: Teams, submitted: object
) -> None:
    # Older clients send Action.Submit as a message whose value holds the inputs and the data.
    data = cards.form_card(FORM)["actions"][0]["data"]

    await teams.post(SUBMIT, value={**data, "url": "nope"})
    await teams.post(SUBMIT, value={**data, "url": "https://x.com/p/2"})

    mistakes, answer = teams.connector.sent
    assert "Paste the link" in card_text(mistakes.activity)
    assert _inputs(cards_in(mistakes.activity)[0])["url"]["value"] == "nope"
    assert "is with the team" in card_text(answer.activity)


async def test_a_form_answering_nothing_says_done(teams: Teams) -> None:
    async def quiet(person: Person, values: Values, state: str) -> None:
        return None

    teams.core.on_form(FORM.form_id, quiet)

    body = await _press(teams, cards.form_card(FORM), url="https://x.com/p/3")

    assert "Done." in str(body["value"])


async def test_an_unknown_form_says_so_in_the_invoke(teams: Teams) -> None:
    body = await _press(teams, cards.form_card(FORM), url="https://x.com/p/3")

    assert body == {
        "statusCode": 200,
        "type": "application/vnd.microsoft.activity.message",
        "value": "That form is no longer in use. Please start again.",
    }


def test_the_form_travels_in_the_data_and_comes_back_whole() -> None:
    encoded = cards.form_card(FORM)["actions"][0]["data"]["form"]

    assert forms.decode(encoded) == FORM
    assert forms.decode("{not json") is None
    assert forms.decode('{"@": "Popen", "args": "x"}') is None
    assert forms.decode(None) is None


@pytest.mark.parametrize("dialog", [False, True])
def test_form_cards_are_valid(dialog: bool) -> None:
    errors = {"url": "Wrong", "what": "Too short"}

    assert_valid_card(cards.form_card(FORM, errors, dialog=dialog))
    assert_valid_card(cards.form_card(forms.refilled(FORM, {"channels": ["x"]}), dialog=dialog))


def test_input_names_the_card_needs_itself_are_refused() -> None:
    clashing = Form("f", "F", (Input("state", "State"),))

    with pytest.raises(ValueError, match="reserved"):
        cards.form_card(clashing)


async def test_a_form_asked_for_in_a_channel_goes_to_the_askers_chat_and_takes_nobodys_save(
    teams: Teams, submitted: list[tuple[Person, Values, str]]
) -> None:
    # review10a T9: `preferences` in a channel posted Olo's form there; Megan's Save took it.
    await teams.post(MENTION, text="<at>Test Bot</at> report-test")

    create, private, public = teams.connector.sent
    assert create.method == "create"  # the asker's own chat with the bot, opened
    assert cards_in(private.activity)[0]["actions"][0]["data"]["form_id"] == "test_report"
    assert "I've sent you the form privately" in card_text(public.activity)
    assert not cards_in(public.activity)[0].get("actions")
    in_channel = load_activity(MENTION, teams.connector.url)["conversation"]
    data = {**cards.form_card(FORM)["actions"][0]["data"], "url": "https://x.com/p/4"}
    value = {"action": {"type": "Action.Execute", "verb": cards.FORM_VERB, "data": data}}

    pressed = await (await teams.post(EXECUTE, value=value, conversation=in_channel)).json()

    assert "does not take anyone's answers here" in str(pressed["value"])
    assert submitted == []


async def test_a_form_a_client_made_up_is_not_drawn_back_signed(teams: Teams) -> None:
    # review14b T4: the digest's settings take unsigned data (cards drawn before buttons were
    # signed bring it), but a form riding in that data is the client's: drawing it again with
    # the mistakes would sign its buttons and its hidden state as the bot's.
    made_up = Form(
        form_id="report_mention",
        title="Report",
        inputs=(Input("time", "Time"), Input("links", "Links")),
        intro=(Actions((Button("Share", "share", "item:1|linkedin"),)),),
        state='{"author": "aad-ceo", "channel": "#ceo-office", "permalink": "https://evil.example"}',
    )
    data = {
        cards.DATA_FORM_ID: "digest_preferences",
        cards.DATA_STATE: "",
        cards.DATA_FORM: forms.encode(made_up),
        "time": "not a time",
    }

    response = await teams.post_as_written(
        load_activity(
            TASK_SUBMIT,
            teams.connector.url,
            value={"data": data},
            conversation={"id": "a:me", "conversationType": "personal"},
            **{"from": load_activity(PERSONAL, "")["from"]},
        )
    )

    body = await response.json()
    assert response.status == 200
    assert not [o for o in cards.objects_in(body) if cards.DATA_SIGNATURE in o]
    assert "evil.example" not in json.dumps(body)
    assert "time of day" in body["task"]["value"]  # the mistakes, said in words
