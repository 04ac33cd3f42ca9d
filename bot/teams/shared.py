"""The message a message-extension action was started on, as the core's `SharedMessage`."""

from __future__ import annotations

import html
import re
from typing import Any

from botbuilder.schema import Activity

from bot.teams.conversations import channel_of
from handlers.views import SharedMessage

_BREAK = re.compile(r"<\s*(br|/p|/div|/li)\s*/?\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def plain_text(markup: str) -> str:
    """Teams' message HTML as plain text: tags out, entities decoded, one line per paragraph."""
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", markup)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def shared_message(activity: Activity) -> SharedMessage:
    """The `messagePayload` of a `composeExtension/*` invoke from a message's `…` menu."""
    value: dict[str, Any] = activity.value if isinstance(activity.value, dict) else {}
    payload: dict[str, Any] = value.get("messagePayload") or {}
    body: dict[str, Any] = payload.get("body") or {}
    content = str(body.get("content") or "")
    kind = str(body.get("contentType") or "text").lower()
    if kind == "html":
        text = plain_text(content)
    elif kind == "text":
        text = content.strip()
    else:  # a card: Teams adds its text as `textContent`
        text = str(body.get("textContent") or "").strip()
    sender: dict[str, Any] = payload.get("from") or {}
    who: dict[str, Any] = sender.get("user") or sender.get("application") or {}
    channel_data: dict[str, Any] = activity.channel_data or {}
    channel = (channel_data.get("channel") or {}).get("id") or channel_of(
        activity.conversation.id if activity.conversation else ""
    )
    return SharedMessage(
        text=text,
        author=str(who.get("displayName") or ""),
        channel=str(channel),
        permalink=str(payload.get("linkToMessage") or ""),
    )
