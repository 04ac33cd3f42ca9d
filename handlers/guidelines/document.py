"""The guidelines file, split and indexed, read again whenever it changes on disk."""

from __future__ import annotations

import logging
from pathlib import Path

from handlers.errors import UserError
from handlers.guidelines.embedding import load_embedder
from handlers.guidelines.retrieval import Index
from handlers.guidelines.sections import Section, split_sections

log = logging.getLogger(__name__)


class GuidelinesFile:
    """A guidelines file (markdown or plain text) and its index, reloaded when its mtime changes.

    `embedding` names the embedding model (see `load_embedder`); None for the default one.
    """

    def __init__(self, path: Path, embedding: str | None = None) -> None:
        self.path = path
        self.embedding = embedding
        self._stamp: tuple[int, int] | None = None
        self._index: Index | None = None

    @property
    def index(self) -> Index:
        """The index of the file as it is now; the last good one if it cannot be read."""
        try:
            status = self.path.stat()
            stamp = (status.st_mtime_ns, status.st_size)
            if stamp != self._stamp or self._index is None:
                text = self.path.read_text(encoding="utf-8", errors="replace")
                self._index = Index(
                    split_sections(text, title=self.path.stem),
                    embedder=load_embedder(self.embedding) if self.embedding else None,
                    semantic=self.embedding != "off",
                )
                self._stamp = stamp
                log.info("guidelines loaded", extra={"sections": len(self._index.sections)})
        except OSError as error:
            if self._index is None:
                raise UserError(
                    "The guidelines cannot be read right now; try again later."
                ) from error
            log.warning("cannot re-read the guidelines; keeping the last version", exc_info=True)
        return self._index

    @property
    def sections(self) -> tuple[Section, ...]:
        """The sections, in document order."""
        return self.index.sections

    def section(self, key: str) -> Section | None:
        """The section whose key (number or title) is `key`."""
        return next((s for s in self.sections if s.key == key), None)
