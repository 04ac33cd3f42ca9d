"""The bodies Teams expects in answer to invokes (card actions, dialogs, message extensions)."""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from botbuilder.core import InvokeResponse

from bot.teams import cards
from handlers.views import Form, Message

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
    """`Action.Execute`: keep the card and show `text` briefly."""
    return _ok({"statusCode": 200, "type": INVOKE_MESSAGE, "value": text})


def dialog(form: Form, errors: Mapping[str, str] | None = None) -> InvokeResponse:
    """Show `form` in a dialog: the first one, the next step, or again with its mistakes."""
    return _ok({"task": {"type": "continue", "value": cards.dialog(form, errors)}})


def dialog_message(text: str) -> InvokeResponse:
    """Show `text` in a small dialog of its own."""
    return _ok({"task": {"type": "message", "value": text}})


def closed() -> InvokeResponse:
    """Close the dialog without a word (any result goes to the person's chat)."""
    return _ok({})


def failed(name: str, message: Message) -> InvokeResponse:
    """The answer to an invoke named `name` that failed, carrying the words of `message`."""
    if name == ADAPTIVE_CARD_ACTION:
        return card_message(message.text)
    if name.startswith(("task/", "composeExtension/")):
        return dialog_message(message.text)
    return InvokeResponse(status=HTTPStatus.INTERNAL_SERVER_ERROR, body={"error": message.text})
