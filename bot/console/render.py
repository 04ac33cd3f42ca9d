"""Neutral views drawn as plain text for a terminal."""

from __future__ import annotations

import re
import textwrap

from handlers import views

WIDTH = 78

_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|(?<!\w)_(.+?)_(?!\w)|`([^`]+)`")


def plain(markdown: str) -> str:
    """Our markdown subset as plain text: emphasis dropped, links written out."""
    linked = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", markdown)
    return _EMPHASIS.sub(lambda m: m.group(1) or m.group(2) or m.group(3), linked)


def _wrap(text: str, indent: str = "") -> str:
    lines = []
    for line in plain(text).splitlines() or [""]:
        bullet = line.startswith("- ")
        lines.append(
            textwrap.fill(
                line,
                WIDTH,
                initial_indent=indent,
                subsequent_indent=indent + ("  " if bullet else ""),
                break_long_words=False,
                break_on_hyphens=False,
            )
            or indent
        )
    return "\n".join(lines)


def _button(button: views.Button) -> str:
    return f"[{button.label}] {button.url}" if button.url else f"[{button.label}]"


def _block(block: views.Block) -> str:
    match block:
        case views.Header(text):
            return f"{text}\n{'=' * min(len(text), WIDTH)}"
        case views.Text(text, image_url, _):
            return _wrap(text) + (f"\n  (image: {image_url})" if image_url else "")
        case views.Fields(pairs):
            return "\n".join(f"{plain(label)}: {plain(value)}" for label, value in pairs)
        case views.Actions(buttons):
            return "  ".join(_button(b) for b in buttons)
        case views.Context(text):
            return _wrap(text, indent="  ")
        case views.Divider():
            return "-" * 20
    raise TypeError(f"no console rendering for {block!r}")


def render(message: views.Message) -> str:
    """The message as terminal text."""
    return "\n".join(_block(block) for block in message.as_blocks())
