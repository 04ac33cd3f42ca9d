"""The guidelines file, split and indexed, read again whenever it changes on disk."""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import datetime
from pathlib import Path

from handlers.errors import UserError
from handlers.guidelines.embedding import load_embedder
from handlers.guidelines.retrieval import Index
from handlers.guidelines.sections import Section, split_sections

log = logging.getLogger(__name__)

# Files that are no text, by their first bytes, and what to do instead.
_SAVE_AS_TEXT = "save it as plain text (.txt) or markdown and point SOCIALBOT_GUIDELINES at that"
_SIGNATURES = (
    (
        b"%PDF-",
        "is a PDF: convert it to text, e.g. `pdftotext -layout {name} {stem}.txt`, and"
        " point SOCIALBOT_GUIDELINES at that",
    ),
    (b"PK\x03\x04", f"is a Word document or another zip file, not text: {_SAVE_AS_TEXT}"),
    (b"\xd0\xcf\x11\xe0", f"is a Word (.doc) or other Office file, not text: {_SAVE_AS_TEXT}"),
    (b"\xff\xfe", "is UTF-16 text: save it as UTF-8"),
    (b"\xfe\xff", "is UTF-16 text: save it as UTF-8"),
)
# A few bytes that are no UTF-8 (a stray Latin-1 letter) are read as "\ufffd"; more mean the
# file is in another encoding, or no text.
UNDECODED_KEPT = 10


class NotGuidelines(ValueError):
    """A guidelines file the bot cannot answer from: no text, or no passage in it."""


def read_sections(path: Path) -> list[Section]:
    """The sections of the guidelines file at `path`. Raises NotGuidelines, saying what to do,
    when it is no text (a PDF, a Word file, binary data, another encoding) or holds no passage;
    OSError when it cannot be read."""
    data = path.read_bytes()
    for signature, problem in _SIGNATURES:
        if data.startswith(signature):
            raise NotGuidelines(f"{path} " + problem.format(name=path.name, stem=path.stem))
    if b"\x00" in data:
        raise NotGuidelines(f"{path} holds binary data, not text: {_SAVE_AS_TEXT}")
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") - data.count("\ufffd".encode()) > UNDECODED_KEPT:
        raise NotGuidelines(f"{path} is not UTF-8 text: save it as UTF-8")
    sections = split_sections(text, title=path.stem)
    if not sections:
        empty = "is empty" if not text.strip() else "holds no passage of text"
        raise NotGuidelines(f"{path} {empty}: give the guidelines as markdown or plain text")
    return sections


class GuidelinesFile:
    """A guidelines file (markdown or plain text) and its index, reloaded when its mtime changes.

    `embedding` names the embedding model (see `load_embedder`); None for the default one.
    A file that cannot be read, or is no text, after it was read once: the last good version is
    kept, one log line says so (another when that changes) and `problem` says it meanwhile.
    """

    def __init__(self, path: Path, embedding: str | None = None) -> None:
        self.path = path
        self.embedding = embedding
        self._stamp: tuple[int, int] | None = None
        self._index: Index | None = None
        # The index whose passages are embedded (`prepared`), when it is the current one.
        self._ready: Index | None = None
        # Why the file as it is now is not the one answered from (None when it is), and why
        # the version of `_stamp` was refused (None when it was read).
        self.problem: str | None = None
        self._refused: str | None = None
        self._read_at = datetime.now()
        # One reading and embedding at a time, whichever thread asks: the one at start, then
        # one after each edit; and from the event loop, one worker thread waiting for it.
        self._reading = threading.Lock()
        self._waiting = asyncio.Lock()

    def _stamp_now(self) -> tuple[int, int]:
        status = self.path.stat()
        return (status.st_mtime_ns, status.st_size)

    async def prepared_index(self) -> Index:
        """The index of the file as it is now, its passages embedded: at once when the file is
        unchanged since, else read and embedded again in a worker thread (seconds for a long
        policy), so the event loop answers other events meanwhile."""
        async with self._waiting:
            current = self._current()
            return current if current is not None else await asyncio.to_thread(self.prepared)

    def _current(self) -> Index | None:
        """The embedded index when the file is unchanged since it was read (a stat) and
        nothing is wrong with it; else None."""
        try:
            stamp = self._stamp_now()
        except OSError:
            return None  # `prepared` keeps the last good version, and says so
        ready = self._ready
        unchanged = stamp == self._stamp and self.problem is None
        return ready if ready is not None and ready is self._index and unchanged else None

    def prepared(self) -> Index:
        """The index of the file as it is now, its passages embedded (blocks for as long)."""
        with self._reading:
            index = self._read()
            index.prepare()
            self._ready = index
            return index

    @property
    def last_read(self) -> Index | None:
        """The index as last read, without reading the file or waiting for a reading (None
        before the first)."""
        return self._index

    @property
    def index(self) -> Index:
        """The index of the file as it is now, read again if it changed (not embedded yet);
        the last good one if it cannot be read."""
        with self._reading:
            return self._read()

    def _read(self) -> Index:
        try:
            stamp = self._stamp_now()
            if stamp != self._stamp or self._index is None:
                self._stamp, self._refused = stamp, None
                try:
                    sections = read_sections(self.path)
                except NotGuidelines as refused:
                    self._refused = f"SOCIALBOT_GUIDELINES {refused}"
                else:
                    self._index = Index(
                        sections,
                        embedder=load_embedder(self.embedding) if self.embedding else None,
                        semantic=self.embedding != "off",
                    )
                    self._read_at = datetime.now()
                    log.info("guidelines loaded", extra={"sections": len(sections)})
            problem = self._refused
        except OSError as error:
            self._stamp = None  # read it again once it can be
            reason = (error.strerror or str(error)).lower()
            problem = f"cannot read SOCIALBOT_GUIDELINES {self.path}: {reason}"
        if self._index is None:  # never read: nothing to answer from
            self._say(problem)
            raise UserError("The guidelines cannot be read right now; try again later.")
        if problem is not None:
            problem += f"; answering from the version read at {self._read_at:%H:%M}"
        self._say(problem)
        return self._index

    def _say(self, problem: str | None) -> None:
        """One log line when the state changes: a problem, or the file read again."""
        if problem != self.problem:
            if problem is not None:
                log.warning("%s", problem)
            else:
                log.info("guidelines can be read again", extra={"path": str(self.path)})
        self.problem = problem
