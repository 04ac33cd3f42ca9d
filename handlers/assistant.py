"""The assistant pane (Slack's AI app view): its opening, guideline questions with their
follow-ups, and the ways into checking a post and reporting a mention. Platform-free: each
thread is known by an opaque key, and the adapter draws what is returned."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError, Table
from sqlite_utils.migrations import Migrations

from content_feed.text import clip, collapse
from handlers.actions import ASSISTANT_REPORT
from handlers.checks import ids as check_ids
from handlers.core import Core
from handlers.guidelines.language import reply_language
from handlers.guidelines.service import ANSWERS_KEPT
from handlers.guidelines.streaming import OnText
from handlers.people import Person
from handlers.reports import ids as report_ids
from handlers.reports.capability import COMMAND as REPORT_COMMAND
from handlers.texts import TEXTS, text_for
from handlers.views import Actions, Block, Button, Form, Message, SharedMessage, Text

migrations = Migrations("assistant")

# The flows' suggested prompts (handlers/texts.py), and the questions suggested on a new install
# until people's own questions take their place.
CHECK_PROMPT, REPORT_PROMPT = "pane_check_prompt", "pane_report_prompt"
BUNDLED_QUESTIONS = ("pane_question_news", "pane_question_criticism")
MAX_PROMPTS = 4  # Slack shows up to four suggested prompts
POPULAR_DAYS = 30
# A question is suggested to everyone only once this many people asked it: what one person
# asked may say more about them than they would want shown.
POPULAR_ASKERS = 3
TITLE_LIMIT = 80
THREADS_KEPT = ANSWERS_KEPT

Awaiting = Literal["", "check", "report"]
# The platform's way to the latest message with a link in a channel, if it may read it.
LookUp = Callable[[str], Awaitable[SharedMessage | None]]


@migrations()
def create_threads(db: Database) -> None:
    """Assistant threads: whose, the channel beside them, the question follow-ups refer to,
    and the flow a prompt started."""
    db["assistant_threads"].create(  # type: ignore[union-attr]
        {
            "thread": str,
            "platform": str,
            "user_id": str,
            "context_channel": str,
            "topic": str,
            "awaiting": str,
            "messages": int,
            "updated_at": float,
        },
        pk="thread",
    )
    db["assistant_threads"].create_index(["updated_at"])  # type: ignore[union-attr]


@dataclass(frozen=True)
class Prompt:
    """A suggested prompt: the title shown, and the message it sends."""

    title: str
    message: str


@dataclass(frozen=True)
class Opening:
    """What a new thread shows: a greeting and the suggested prompts."""

    greeting: Message
    prompts: tuple[Prompt, ...]


@dataclass(frozen=True)
class Turn:
    """The answer to one message in a thread; `title` names the thread after its first one."""

    reply: Message
    title: str = ""


def _prompts(questions: Sequence[str], flows: Sequence[Prompt]) -> tuple[Prompt, ...]:
    asked = [
        Prompt(clip(collapse(q), TITLE_LIMIT), q) for q in questions[: MAX_PROMPTS - len(flows)]
    ]
    return (*asked, *flows)


def _suggested(said: str) -> tuple[str, str] | None:
    """The suggested prompt `said` is, as its key and language (a prompt sends its own text,
    whose language is known better than a short sentence tells), or None."""
    for language, texts in TEXTS.items():
        for key in (CHECK_PROMPT, REPORT_PROMPT, *BUNDLED_QUESTIONS):
            if texts[key].lower() == said.lower():
                return key, language
    return None


def _language(said: str, default: str, near: str) -> str:
    """The language of `said`: a suggested prompt's own, else the one it reads as (`default`,
    the person's, when that cannot be told; `near`, the guidelines', on a tie without it)."""
    suggested = _suggested(said)
    return suggested[1] if suggested else reply_language(said, default, near)


def _bundled(language: str) -> list[str]:
    return [text_for(key, language) for key in BUNDLED_QUESTIONS]


class AssistantPane:
    """The pane's conversations; `register` adds its button to the core."""

    def __init__(self, core: Core, look_up: LookUp | None = None) -> None:
        self.core = core
        self.db = core.db
        self.look_up = look_up

    def register(self, core: Core) -> None:
        """Add the "Report this" button and the daily pruning of old threads."""
        core.on_action(ASSISTANT_REPORT, self.report_form)
        core.on_day("prune assistant threads", self.prune)

    # -- what the adapter calls ------------------------------------------------------------------

    async def start(self, person: Person, thread: str, context_channel: str = "") -> Opening:
        """A new thread: remember it, and greet with the suggested prompts."""
        self._remember(person, thread, context_channel)
        await self.core.read_guidelines_language()
        language = self.core.language_for(person)  # nothing said yet
        greeting = text_for("pane_greeting", language)
        blocks: list[Block] = [Text(greeting)]
        if context_channel and self._reports():
            report = Button(
                text_for("pane_report_this", language), ASSISTANT_REPORT, context_channel
            )
            blocks.append(Actions((report,)))
        return Opening(Message(greeting, tuple(blocks)), self.prompts(language))

    async def status(self, person: Person, said: str) -> str:
        """The thread's status while `said` is answered ("is looking in the guidelines…"),
        in the language it is written in (the person's when that cannot be told)."""
        index = await self.core.guidelines.index()
        language = _language(said, self.core.language_for(person), index.spoken)
        return text_for("pane_status", language)

    def knows(self, thread: str) -> bool:
        """Whether `thread` is a pane thread (started while the bot listened)."""
        return self._row(thread) is not None

    def context_changed(
        self, thread: str, context_channel: str, person: Person | None = None
    ) -> None:
        """The person looks at another channel beside the thread; a thread opened before the
        bot listened is taken on from here (when it is known whose it is)."""
        if self.knows(thread):
            self._table().update(thread, {"context_channel": context_channel}, alter=False)
        elif person is not None:
            self._remember(person, thread, context_channel)

    def context_channel(self, thread: str) -> str:
        """The channel beside the thread, as Slack last told it ("" when none)."""
        row = self._row(thread)
        return str(row["context_channel"]) if row else ""

    async def reply(
        self, person: Person, thread: str, text: str, on_text: OnText | None = None
    ) -> Turn:
        """Answer a message in the thread: a prompt's flow, the flow's next step, what a DM
        answers (the core's `message`: a greeting, "check: <draft>"), or a guideline question
        read with the one before when it is a follow-up."""
        row = self._row(thread) or {}
        first = not row.get("messages")
        said = " ".join(text.split())
        awaiting: Awaiting = row.get("awaiting") or ""
        topic = str(row.get("topic") or "")
        # Read and embedded in a worker thread when the guidelines were edited.
        index = await self.core.guidelines.index()
        language = _language(said, self.core.language_for(person), index.spoken)
        flow = (_suggested(said) or ("", ""))[0]
        check_ask = Message(text_for("pane_check_ask", language))
        if flow == CHECK_PROMPT and self._checks():
            reply, awaiting = check_ask, "check"
        elif flow == REPORT_PROMPT and self._reports():
            reply, awaiting = self._report_ask("pane_report_ask", language, thread), "report"
        elif awaiting == "check":
            checked = await self.core.command(check_ids.COMMAND, person, text)
            reply = checked if isinstance(checked, Message) else check_ask
            awaiting = "" if isinstance(checked, Message) else "check"
        elif awaiting == "report":
            filed = await self.core.command(REPORT_COMMAND, person, text)
            no_link = self._report_ask("pane_no_link", language, thread)
            reply = filed if isinstance(filed, Message) else no_link
            awaiting = "" if isinstance(filed, Message) else "report"
        elif self.core.speaks_to_the_bot(text, language):  # "check: <draft>", "help": as in a DM
            reply, awaiting = await self.core.message(person, text), ""
            said = ""  # a draft is never the thread's title nor what follow-ups refer to
        else:
            follows = bool(topic) and await self.core.follows_up(said)
            question = f"{topic} {said}" if follows else said
            topic = topic if follows else said
            reply = await self.core.message(person, question, on_text=on_text, read_alone=True)
        self._table().update(
            thread,
            {
                "topic": topic,
                "awaiting": awaiting,
                "messages": int(row.get("messages") or 0) + 1,
                "updated_at": time.time(),
            },
            alter=False,
        )
        return Turn(reply, clip(collapse(said), TITLE_LIMIT) if first and said else "")

    async def report_form(self, person: Person, channel: str) -> Form:
        """The report form for "Report this", prefilled with the latest message with a link
        in the channel beside the pane (when the platform lets the bot read it), else with
        the channel alone; a button the bot no longer knows, in the person's language, once
        reports are not taken here."""
        if not self._reports():
            raise self.core.button_gone(person)
        found = await self.look_up(channel) if self.look_up and channel else None
        shared = found or SharedMessage(text="", channel=channel)
        form = await self.core.shortcut(person, report_ids.SHORTCUT, shared)
        assert isinstance(form, Form)
        return form

    def prompts(self, language: str) -> tuple[Prompt, ...]:
        """Up to four suggestions: the most asked guideline questions of the last 30 days
        (the bundled ones fill in while there are fewer), then checking a post and reporting;
        what the bot words itself is in `language`."""
        flows = self._flows(language)
        popular = self._popular(MAX_PROMPTS - len(flows))
        return _prompts([*popular, *_bundled(language)], flows)

    def default_prompts(self) -> tuple[Prompt, ...]:
        """The suggestions of a new install (the app manifest's, in English)."""
        return _prompts(_bundled("en"), self._flows("en"))

    async def prune(self, now: datetime) -> None:
        """Forget threads nobody wrote in for as long as guideline answers are kept (once a
        day)."""
        cutoff = (now - THREADS_KEPT).timestamp()
        with self.db.atomic():
            self.db.execute("DELETE FROM assistant_threads WHERE updated_at < ?", [cutoff])

    # -- helpers ---------------------------------------------------------------------------------

    def _popular(self, limit: int) -> list[str]:
        since = (datetime.now(UTC) - timedelta(days=POPULAR_DAYS)).isoformat(timespec="seconds")
        rows = self.db.execute(
            """
            SELECT min(question) FROM guideline_answers
            WHERE asked_at >= ? AND verdict = 'answer'
            GROUP BY lower(trim(question, ' ?!.'))
            HAVING count(DISTINCT platform || ':' || user_id) >= ?
            ORDER BY count(*) DESC, max(asked_at) DESC
            LIMIT ?
            """,
            [since, POPULAR_ASKERS, limit],
        ).fetchall()
        return [str(row[0]) for row in rows]

    def _remember(self, person: Person, thread: str, context_channel: str) -> None:
        self._table().upsert(
            {
                "thread": thread,
                "platform": person.platform,
                "user_id": person.user_id,
                "context_channel": context_channel,
                "topic": "",
                "awaiting": "",
                "messages": 0,
                "updated_at": time.time(),
            },
            pk="thread",
        )

    def _flows(self, language: str) -> list[Prompt]:
        keys = [CHECK_PROMPT] if self._checks() else []
        if self._reports():
            keys.append(REPORT_PROMPT)
        return [Prompt(text_for(key, language), text_for(key, language)) for key in keys]

    def _report_ask(self, key: str, language: str, thread: str) -> Message:
        text = text_for(key, language)
        form = text_for("pane_open_form", language)
        button = Button(form, ASSISTANT_REPORT, self.context_channel(thread))
        return Message(text, (Text(text), Actions((button,))))

    def _checks(self) -> bool:
        return any(command.name == check_ids.COMMAND for command in self.core.commands)

    def _reports(self) -> bool:
        return report_ids.SHORTCUT in self.core.shortcuts

    def _table(self) -> Table:
        table = self.db["assistant_threads"]
        assert isinstance(table, Table)
        return table

    def _row(self, thread: str) -> dict[str, Any] | None:
        try:
            return dict(self._table().get(thread))
        except NotFoundError:
            return None
