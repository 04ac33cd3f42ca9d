"""Guideline answers shown as the model writes them: the model's reply is relayed piece by
piece, with its citation marks taken out, while the model path parses the whole of it."""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, Awaitable, Callable
from contextlib import aclosing
from typing import Protocol, runtime_checkable

from content_feed.compose import TextModel
from handlers.guidelines.model import NOT_COVERED, as_not_covered

# Where the text of an answer goes as it is written (a chat platform's streamed message).
OnText = Callable[[str], Awaitable[None]]

# A citation mark with the spaces before it: "posts [S1]." reads "posts.".
_MARK = re.compile(r"\s*\[\s*S\d+\s*\]")


@runtime_checkable
class StreamingModel(TextModel, Protocol):
    """A chat model that can also hand its reply over as it is written."""

    def stream(self, system: str, user: str) -> AsyncGenerator[str, None]:
        """The model's reply to one system and one user message, in pieces."""
        ...


class Readable:
    """The model's reply as a reader should see it while it is written: citation marks out,
    nothing that may still become a mark or the spaces before one, and nothing at all while
    the reply may still be the model's NOT COVERED."""

    def __init__(self) -> None:
        self._raw = ""
        self._given = 0  # characters of the readable text handed out so far

    def feed(self, piece: str) -> str:
        """Take the next piece of the reply; return the readable text that is now certain."""
        self._raw += piece
        clean = _MARK.sub("", self._raw)
        if NOT_COVERED.startswith(as_not_covered(clean)):
            return ""
        opened = clean.rfind("[")
        if opened != -1 and "]" not in clean[opened:]:
            clean = clean[:opened]
        return self._give(clean.rstrip())

    def rest(self) -> str:
        """Whatever readable text is left once the reply is complete."""
        clean = _MARK.sub("", self._raw).rstrip()
        if as_not_covered(clean) == NOT_COVERED:
            return ""
        return self._give(clean)

    def _give(self, certain: str) -> str:
        if len(certain) <= self._given:
            return ""
        new, self._given = certain[self._given :], len(certain)
        return new


class Relay:
    """A `TextModel` that streams the model's reply, hands the readable text to `on_text` as
    it comes, and returns the whole reply, so the model path treats it as any other reply."""

    def __init__(self, model: StreamingModel, on_text: OnText) -> None:
        self.model = model
        self.on_text = on_text

    async def complete(self, system: str, user: str) -> str:
        """The whole reply, after relaying it piece by piece."""
        readable = Readable()
        pieces: list[str] = []
        # Closed at once when the caller stops early (the model's time limit), not when the
        # garbage collector gets to it: the model's response is not left open meanwhile.
        async with aclosing(self.model.stream(system, user)) as stream:
            async for piece in stream:
                pieces.append(piece)
                if text := readable.feed(piece):
                    await self.on_text(text)
        if text := readable.rest():
            await self.on_text(text)
        return "".join(pieces)
