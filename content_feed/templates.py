"""Offline suggested posts: a frame around the item's title, and whole sentences of its
summary in quotation marks, never the article's words passed off as the sharer's own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from content_feed.text import collapse


@dataclass(frozen=True, slots=True)
class Frames:
    """The words around a title in one language."""

    leads: tuple[str, ...]  # "{title}" framed, for anyone's item
    ours: tuple[str, ...]  # for the company's own item: they say the sharer works there
    closers: tuple[str, ...]  # a last line of a longer post ("" for none)
    quotes: tuple[str, str] = ("\u201c", "\u201d")


FRAMES: dict[str, Frames] = {
    "en": Frames(
        leads=("Worth a read: {title}", "Sharing this one: {title}", "Good read: {title}",
               "{title}"),
        ours=("From my colleagues at {employer}: {title}", "{title} (I work at {employer}.)"),
        closers=("", "Curious to hear what you think."),
    ),
}  # fmt: skip
# A sentence of a summary: up to its end mark and closing quotes or brackets. A summary's tail
# without one (a feed's own truncation, "…") is no sentence.
_SENTENCE = re.compile(r"\S.*?(?:[.!?]+[\"\u201d\u2019)\]]*(?=\s|$)|[\u3002\uff01\uff1f]+)", re.S)
_NOT_WORD = re.compile(r"[\W_]+")


def _same(one: str, other: str) -> bool:
    return _NOT_WORD.sub("", one.casefold()) == _NOT_WORD.sub("", other.casefold())


def sentences(summary: str, title: str, room: int) -> str:
    """The summary's first whole sentences within `room` characters, leaving out one that
    only repeats the title; "" when none fits."""
    kept: list[str] = []
    for match in _SENTENCE.finditer(collapse(summary)):
        sentence = match.group()
        if not kept and _same(sentence, title):
            continue
        if sentence.endswith(("...", "\u2026")) or len(" ".join([*kept, sentence])) > room:
            break
        kept.append(sentence)
    return " ".join(kept)


def quoted(text: str, frames: Frames) -> str:
    """`text` in the language's quotation marks ("" stays "")."""
    return f"{frames.quotes[0]}{text}{frames.quotes[1]}" if text else ""
