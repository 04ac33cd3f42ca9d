"""The quotable pieces of a section: sentences, and list items with the line that leads them in."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-ZÆØÅ0-9])")
_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+(.*)$")


def _logical_lines(body: str) -> list[str]:
    """Lines with hard-wrapped paragraphs and list items joined back together."""
    lines: list[str] = []
    joinable = False
    for raw in body.split("\n"):
        line = raw.strip()
        if not line or set(line) <= set("-*_="):
            lines.append("")
            joinable = False
        elif joinable and not _ITEM.match(line) and not lines[-1].endswith(":"):
            lines[-1] += " " + line
        else:
            lines.append(line)
            joinable = True
    return lines


def units(body: str) -> list[tuple[str, str]]:
    """The quotable pieces of a section as (lead-in, text): sentences, and list items with the
    line that introduces their list."""
    pieces: list[tuple[str, str]] = []
    lead_in = ""
    for line in _logical_lines(body):
        line = _clean(line)
        if not line:
            continue
        item = _ITEM.match(line)
        if item:
            pieces.append((lead_in, item.group(1).strip()))
            continue
        lead_in = line if line.endswith(":") else ""
        if not lead_in:
            pieces.extend(("", part.strip()) for part in _SENTENCE_END.split(line) if part.strip())
    return pieces


def _clean(unit: str) -> str:
    return re.sub(r"\*\*|__", "", unit).strip()
