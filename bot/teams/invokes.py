"""The bodies Teams expects in answer to invokes (card actions, dialogs, message extensions)."""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from botbuilder.core import InvokeResponse

from bot.teams import cards, forms
from handlers.views import Form, Message, plain_text

ADAPTIVE_CARD_ACTION = "adaptiveCard/action"
TASK_FETCH = "task/fetch"
TASK_SUBMIT = "task/submit"
EXTENSION_FETCH = "composeExtension/fetchTask"
EXTENSION_SUBMIT = "composeExtension/submitAction"
INVOKE_MESSAGE = "application/vnd.microsoft.activity.message"


def _ok(body: dict[str, Any]) -> InvokeResponse:
    return InvokeResponse(status=HTTPStatus.OK, body=body)


def card_refresh(card: cards.Json) -> InvokeResponse:
    """`Action.Execute`: replace the card that was pressed with `card`."""
    return _ok({"statusCode": 200, "type": cards.CARD_CONTENT_TYPE, "value": card})


def card_message(text: str) -> InvokeResponse:
    """`Action.Execute`: keep the card and show `text` (our markdown) briefly, as plain text:
    a toast shows no emphasis, and no backticks around a command word."""
    return _ok({"statusCode": 200, "type": INVOKE_MESSAGE, "value": plain_text(text)})


def dialog(form: Form, errors: Mapping[str, str] | None = None) -> InvokeResponse:
    """Show `form` in a dialog: the first one, the next step, or again with its mistakes."""
    return _ok({"task": {"type": "continue", "value": cards.dialog(form, errors)}})


def dialog_message(text: str) -> InvokeResponse:
    """Show `text` (our markdown) in a small dialog of its own, as plain text."""
    return _ok({"task": {"type": "message", "value": plain_text(text)}})


def closed() -> InvokeResponse:
    """Close the dialog without a word (any result goes to the person's chat)."""
    return _ok({})


def words(name: str, text: str) -> InvokeResponse | None:
    """The answer to an invoke named `name` that shows `text` where the person pressed (None:
    an invoke with no place for words)."""
    if name == ADAPTIVE_CARD_ACTION:
        return card_message(text)
    if name.startswith(("task/", "composeExtension/")):
        return dialog_message(text)
    return None


def words_in(response: InvokeResponse | None) -> str | None:
    """The words an answer of `card_message` or `dialog_message` shows (None: another answer)."""
    body = response.body if response is not None else None
    if not isinstance(body, dict):
        return None
    if body.get("type") == INVOKE_MESSAGE:
        return str(body.get("value") or "")
    task = body.get("task")
    if isinstance(task, dict) and task.get("type") == "message":
        return str(task.get("value") or "")
    return None


def shown_in(response: InvokeResponse | None) -> cards.Json | None:
    """What an invoke's answer shows where the person pressed, as a message for their chat:
    its words, the card it puts in place of the pressed one, or its dialog's form (drawn as a
    chat draws it); None when it shows nothing (a dialog closed, its result sent already)."""
    text = words_in(response)
    if text:
        return cards.activity(Message(text))
    body = response.body if response is not None else None
    if not isinstance(body, dict):
        return None
    if body.get("type") == cards.CARD_CONTENT_TYPE and isinstance(body.get("value"), dict):
        return _card_message(body["value"])
    task = body.get("task")
    if not isinstance(task, dict) or task.get("type") != "continue":
        return None
    found = next(
        (forms.decode(o[cards.DATA_FORM]) for o in cards.objects_in(task) if cards.DATA_FORM in o),
        None,
    )
    return cards.activity(found) if found is not None else None


def _card_message(card: cards.Json) -> cards.Json:
    """A message activity carrying `card`, a card drawn already."""
    summary = str(card.get("fallbackText") or "")
    return {"type": "message", "summary": summary, "attachments": [cards.attachment(card)]}


def failed(name: str, message: Message) -> InvokeResponse:
    """The answer to an invoke named `name` that failed, carrying the words of `message`."""
    answer = words(name, message.text)
    if answer is not None:
        return answer
    return InvokeResponse(status=HTTPStatus.INTERNAL_SERVER_ERROR, body={"error": message.text})
