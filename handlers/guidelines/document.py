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
from handlers.guidelines.sections import split_sections

log = logging.getLogger(__name__)


class GuidelinesFile:
    """A guidelines file (markdown or plain text) and its index, reloaded when its mtime changes.

    `embedding` names the embedding model (see `load_embedder`); None for the default one.
    A file that cannot be read after it was read once: the last good version is kept, one log
    line says so (another when that changes) and `problem` says it meanwhile.
    """

    def __init__(self, path: Path, embedding: str | None = None) -> None:
        self.path = path
        self.embedding = embedding
        self._stamp: tuple[int, int] | None = None
        self._index: Index | None = None
        # The index whose passages are embedded (`prepared`), when it is the current one.
        self._ready: Index | None = None
        # Why the file as it is now is not the one answered from (None when it is).
        self.problem: str | None = None
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
    def index(self) -> Index:
        """The index of the file as it is now, read again if it changed (not embedded yet);
        the last good one if it cannot be read."""
        with self._reading:
            return self._read()

    def _read(self) -> Index:
        problem: str | None = None
        try:
            stamp = self._stamp_now()
            if stamp != self._stamp or self._index is None:
                text = self.path.read_text(encoding="utf-8", errors="replace")
                self._index = Index(
                    split_sections(text, title=self.path.stem),
                    embedder=load_embedder(self.embedding) if self.embedding else None,
                    semantic=self.embedding != "off",
                )
                self._stamp = stamp
                self._read_at = datetime.now()
                log.info("guidelines loaded", extra={"sections": len(self._index.sections)})
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
