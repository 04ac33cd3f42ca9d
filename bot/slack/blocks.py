"""Neutral views drawn as Block Kit, the one place that knows Slack's layout JSON."""

from __future__ import annotations

import re
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    ImageElement,
    LinkButtonElement,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from handlers import views

SECTION_LIMIT = 3000
HEADER_LIMIT = 150
FIELD_LIMIT = 2000

_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mrkdwn(markdown: str) -> str:
    """Our markdown subset as Slack mrkdwn, with Slack's three control characters escaped."""
    escaped = markdown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    linked = _LINK.sub(lambda m: f"<{m.group(2)}|{m.group(1)}>", escaped)
    bold = _BOLD.sub(r"*\1*", linked)
    return re.sub(r"^- ", "• ", bold, flags=re.MULTILINE)


def _button(button: views.Button) -> ButtonElement:
    label = _clip(button.label, 75)
    if button.url:
        return LinkButtonElement(
            text=label, url=button.url, action_id=button.action_id, style=button.style
        )
    return ButtonElement(
        text=label, action_id=button.action_id, value=button.value or None, style=button.style
    )


def _block(block: views.Block) -> Block:
    match block:
        case views.Header(text):
            return HeaderBlock(text=PlainTextObject(text=_clip(text, HEADER_LIMIT)))
        case views.Text(text, image_url, image_alt):
            accessory = ImageElement(image_url=image_url, alt_text=image_alt or " ")
            return SectionBlock(
                text=MarkdownTextObject(text=_clip(mrkdwn(text), SECTION_LIMIT)),
                accessory=accessory if image_url else None,
            )
        case views.Fields(pairs):
            return SectionBlock(
                fields=[
                    MarkdownTextObject(text=_clip(f"*{mrkdwn(k)}*\n{mrkdwn(v)}", FIELD_LIMIT))
                    for k, v in pairs[:10]
                ]
            )
        case views.Actions(buttons):
            return ActionsBlock(elements=[_button(b) for b in buttons[:25]])
        case views.Context(text):
            return ContextBlock(elements=[MarkdownTextObject(text=_clip(mrkdwn(text), 2000))])
        case views.Divider():
            return DividerBlock()
    raise TypeError(f"no Slack rendering for {block!r}")


def message(view: views.Message) -> dict[str, Any]:
    """`text` and `blocks` for chat.postMessage, chat.update or a slash-command response."""
    return {
        "text": _clip(mrkdwn(view.text), 4000),
        "blocks": [_block(block).to_dict() for block in view.as_blocks()[:50]],
    }
