"""Guideline Q&A for the core: ask, list and open sections, 👍/👎, and the `/guidelines` command."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from content_feed.compose import TextModel
from handlers.commands import SlashCommand
from handlers.errors import UserError
from handlers.guidelines.answer import Answer, offline_answer
from handlers.guidelines.document import GuidelinesFile
from handlers.guidelines.feedback import (
    StoredAnswer,
    get_answer,
    prune_answers,
    record_answer,
    record_feedback,
)
from handlers.guidelines.language import reply_language
from handlers.guidelines.model import DEFAULT_TIMEOUT, WHOLE_DOCUMENT_CHARS, model_answer
from handlers.guidelines.retrieval import Index
from handlers.guidelines.streaming import OnText, Relay, StreamingModel
from handlers.guidelines.views import answer_message, section_message, sections_message
from handlers.model_use import asked_by
from handlers.people import Person
from handlers.texts import text_for
from handlers.views import Message, Text

log = logging.getLogger(__name__)

# Recorded answers back their 👍/👎 and "Ask the social media team" buttons; as long as the
# delivery records those buttons are answered from. A 👎 stays a year for the guidelines' keepers.
ANSWERS_KEPT = timedelta(days=90)
DOWNVOTED_KEPT = timedelta(days=365)


class GuidelinesQA:
    """Answers questions from the guidelines file, with a model when one is configured."""

    def __init__(
        self,
        db: Database,
        path: Path,
        completer: TextModel | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        embedding: str | None = None,
        whole_chars: int = WHOLE_DOCUMENT_CHARS,
    ) -> None:
        self.db = db
        self.file = GuidelinesFile(path, embedding)
        self.completer = completer
        self.timeout = timeout
        self.whole_chars = whole_chars  # of the guidelines sent to the model with a question

    def prepare(self) -> None:
        """Read the guidelines and embed their passages now (seconds for a long policy with
        the multilingual model), not at the first question."""
        start = time.monotonic()
        index = self.file.prepared()
        log.info(
            "guidelines embedded",
            extra={"model": index.model_name, "seconds": round(time.monotonic() - start, 1)},
        )

    async def index(self) -> Index:
        """The index of the guidelines as they are now, for every caller on the event loop: a
        file edited while the bot runs is read and embedded again in a worker thread (seconds
        for a long policy), so the bot answers other events meanwhile."""
        return await self.file.prepared_index()

    async def answer(
        self, question: str, on_text: OnText | None = None, asker: str | None = None
    ) -> Answer:
        """The answer as plain data (what `socialbot ask` prints); nothing is stored. With
        `on_text`, a model that streams hands it the answer's text as it is written. In the
        question's language, `asker`'s (the asker's client's) when that cannot be told. The
        offline answer runs in a worker thread (a long question takes a second or more to
        embed), so the bot answers everyone else meanwhile."""
        index = await self.index()
        if self.completer is None:
            return await asyncio.to_thread(offline_answer, index, question, asker)
        model = self.completer
        if on_text is not None and isinstance(model, StreamingModel):
            model = Relay(model, on_text)
        return await model_answer(
            model, index, question, self.timeout, self.whole_chars, asker=asker
        )

    async def ask(
        self,
        person: Person,
        question: str,
        on_text: OnText | None = None,
        asker: str | None = None,
    ) -> Message:
        """Answer a DM, a mention, `/guidelines <question>` or the assistant pane, and record
        it for 👍/👎 (`on_text`, `asker`: see `answer`); the model is asked on the person's
        budget."""
        with asked_by(person):
            answer = await self.answer(question, on_text, asker)
        try:
            answer_id = record_answer(self.db, answer, person.platform, person.user_id)
        except sqlite3.OperationalError as error:
            # A full disk or a lock another program holds: the answer needs no room, so it is
            # given; only its 👍/👎 and "ask the team" then find nothing to go by.
            log.warning("answer given but not recorded: %s", error)
            answer_id = uuid.uuid4().hex
        return answer_message(answer, answer_id)

    def warnings(self) -> list[str]:
        """What is wrong with the guidelines file as last looked at (answers then come from
        the last good version), for `/healthz`."""
        return [self.file.problem] if self.file.problem else []

    async def sections(self) -> Message:
        """The list of sections, each openable (`/guidelines` alone)."""
        return sections_message((await self.index()).sections)

    async def open_section(self, key: str) -> Message:
        """One section in full (the value of a section button), from the guidelines as they
        are now."""
        index = await self.index()
        section = next((s for s in index.sections if s.key == key), None)
        if section is None:
            raise UserError(
                "That section is no longer in the guidelines. Type `/guidelines` to see them."
            )
        return section_message(section)

    def feedback(
        self, person: Person, answer_id: str, helpful: bool, language: str = "en"
    ) -> Message:
        """Store a 👍 or 👎 on an answer; thanks in `language` (the answer's)."""
        if not record_feedback(self.db, answer_id, person.platform, person.user_id, helpful):
            raise UserError("I can't find that answer any more, so I couldn't record your vote.")
        if helpful:
            return Message(text_for("thanks_helpful", language))
        thanks = text_for("thanks_unhelpful", language)
        return Message(thanks, blocks=(Text(thanks),))

    async def answer_language(self, answer_id: str, asker: str | None = None) -> str:
        """The language an answer was given in: its question's, as the guidelines are now
        (`asker`: see `answer`)."""
        stored = get_answer(self.db, answer_id)
        spoken = (await self.index()).spoken
        if stored is None:
            return asker or spoken
        return reply_language(stored.question, default=asker or spoken, near=spoken)

    async def prune(self, now: datetime) -> None:
        """Drop recorded answers older than ANSWERS_KEPT (👎 ones older than DOWNVOTED_KEPT):
        questions may say more about the asker than they meant to keep. Run once a day."""
        gone = prune_answers(self.db, now - ANSWERS_KEPT, now - DOWNVOTED_KEPT)
        log.info("old guideline answers pruned", extra={"answers": gone})

    def question_for_team(self, answer_id: str) -> StoredAnswer:
        """The question behind an "Ask the social media team" button, to forward it."""
        stored = get_answer(self.db, answer_id)
        if stored is None:
            raise UserError("I can't find that question any more; please ask it again.")
        return stored

    def slash_command(self, language_for: Callable[[Person], str]) -> SlashCommand:
        """The `/guidelines` command for the registry: alone it lists the sections, with a
        question it answers it (`language_for` the asker: see `answer`)."""

        async def command(person: Person, text: str) -> Message:
            if not text.strip():
                return await self.sections()
            return await self.ask(person, text, asker=language_for(person))

        return SlashCommand(
            "guidelines", "Ask about our social media guidelines", "[question]", command
        )
