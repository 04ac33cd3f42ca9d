"""Neutral views drawn as Adaptive Cards 1.5, the one place that knows Teams' card JSON."""

from __future__ import annotations

import re
from typing import Any

from handlers import views

CARD_VERSION = "1.5"  # the highest version Teams renders
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
# The keys of every button's data; an action handler reads them back from the invoke.
DATA_ACTION_ID = "action_id"
DATA_VALUE = "value"

Json = dict[str, Any]

_CODE = re.compile(r"`([^`\n]+)`")
_BUTTON_STYLES = {"primary": "positive", "danger": "destructive"}


def markdown(text: str) -> str:
    """Our markdown subset as TextBlock markdown (no code spans; lists need `\\r` breaks)."""
    plain = _CODE.sub(r"\1", text)
    parts: list[str] = []
    previous_item = False
    for line in (line.rstrip() for line in plain.split("\n")):
        if not line:
            continue
        item = line.startswith("- ")
        if parts:
            # Teams: `\r` between list items; `\n\n` for any other line break in a TextBlock.
            parts.append("\r" if item and previous_item else "\n\n")
        parts.append(line)
        previous_item = item
    return "".join(parts)


def _text_block(text: str, **style: Any) -> Json:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def _action(button: views.Button) -> Json:
    action: Json
    if button.url:
        action = {"type": "Action.OpenUrl", "title": button.label, "url": button.url}
    else:
        action = {
            "type": "Action.Execute",
            "title": button.label,
            "verb": button.action_id,
            "data": {DATA_ACTION_ID: button.action_id, DATA_VALUE: button.value},
        }
    if button.style:
        action["style"] = _BUTTON_STYLES[button.style]
    return action


def _element(block: views.Block) -> Json | None:
    match block:
        case views.Header(text):
            return _text_block(text, size="Large", weight="Bolder", style="heading")
        case views.Text(text, image_url, image_alt):
            body = _text_block(markdown(text))
            if not image_url:
                return body
            image = {"type": "Image", "url": image_url, "altText": image_alt, "size": "Medium"}
            return {
                "type": "ColumnSet",
                "columns": [
                    {"type": "Column", "width": "stretch", "items": [body]},
                    {"type": "Column", "width": "auto", "items": [image]},
                ],
            }
        case views.Fields(pairs):
            facts = [{"title": markdown(k), "value": markdown(v)} for k, v in pairs]
            return {"type": "FactSet", "facts": facts}
        case views.Actions(buttons):
            return {"type": "ActionSet", "actions": [_action(button) for button in buttons]}
        case views.Context(text):
            return _text_block(markdown(text), size="Small", isSubtle=True)
        case views.Divider():
            return None  # drawn as a separator above the next element
    raise TypeError(f"no Adaptive Card rendering for {block!r}")


def card(message: views.Message) -> Json:
    """The Adaptive Card for `message`."""
    body: list[Json] = []
    separate = False
    for block in message.as_blocks():
        element = _element(block)
        if element is None:
            separate = bool(body)
            continue
        if separate:
            element["separator"] = True
            separate = False
        body.append(element)
    return {
        "type": "AdaptiveCard",
        "$schema": CARD_SCHEMA,
        "version": CARD_VERSION,
        "fallbackText": message.text,
        "body": body,
    }


def attachment(message: views.Message) -> Json:
    """`message` as a Bot Framework attachment."""
    return {"contentType": CARD_CONTENT_TYPE, "content": card(message)}


def activity(message: views.Message) -> Json:
    """A Bot Framework message activity (JSON) carrying `message` as one card."""
    return {
        "type": "message",
        # Most Teams clients show the summary in notifications instead of "sent a card".
        "summary": message.text,
        "attachments": [attachment(message)],
    }
