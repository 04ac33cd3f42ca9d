"""Questions the guidelines don't answer, for the social media team: forwarded on request,
answered by a manager (the Answer button, or a reply in the question's thread), relayed to the
person who asked once, and shown as answered where the team got them."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from content_feed.text import clip, collapse
from handlers import actions
from handlers.command_words import typed
from handlers.commands import Subcommand
from handlers.errors import FormErrors, NotAllowed, UserError
from handlers.guidelines.feedback import StoredAnswer
from handlers.people import Directory, Person, Role
from handlers.privacy import is_forgotten
from handlers.texts import text_for
from handlers.views import (
    Actions,
    Block,
    Button,
    Context,
    Divider,
    Form,
    Header,
    Input,
    Message,
    Text,
    Values,
    moment,
    untrusted,
)

if TYPE_CHECKING:
    from handlers.core import Core

log = logging.getLogger(__name__)

# Delivery purposes of the question forwarded to the team and of the team's answer.
QUESTION_FOR_TEAM = "guidelines-question"
TEAM_ANSWER = "guidelines-answer"
# The one input of the form the team answers a forwarded question with.
ANSWER_INPUT = "answer"
ANSWER_MAX_LENGTH = 2000  # room for the answer in one Slack text block (3,000 characters)
SHOWN_CHARACTERS = 200  # of a question or answer in the list of forwarded ones
_SEEN = "|"  # between the question's id and the answers its form showed, in the form's state

migrations = Migrations("team_questions")


@migrations()
def create_team_answers(db: Database) -> None:
    """The team's answers to forwarded questions, so a question shown again (after a restart,
    or a `socialbot forget`) keeps its latest answer; they go when the question is pruned."""
    db.execute(
        """CREATE TABLE team_answers (
            question_id TEXT NOT NULL REFERENCES guideline_answers(id) ON DELETE CASCADE,
            reply_id TEXT NOT NULL,
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            name TEXT NOT NULL,
            text TEXT NOT NULL,
            at REAL NOT NULL,
            PRIMARY KEY (question_id, reply_id)
        )"""
    )


@migrations()
def record_forwarded_questions(db: Database) -> None:
    """When each question went to the team, kept as long as the question: the list of the
    forwarded questions (review11a M13) reads it, as the delivery ledger forgets after a while.
    Questions forwarded before are found in the ledger while it still has them."""
    db.execute(
        """CREATE TABLE team_questions (
            question_id TEXT PRIMARY KEY REFERENCES guideline_answers(id) ON DELETE CASCADE,
            forwarded_at REAL NOT NULL
        )"""
    )
    if db.table("deliveries").exists():
        db.execute(
            "INSERT INTO team_questions SELECT key, min(created_at) FROM deliveries"
            " WHERE purpose = ? AND key IN (SELECT id FROM guideline_answers) GROUP BY key",
            [QUESTION_FOR_TEAM],
        )


@dataclass(frozen=True)
class Forwarded:
    """A question forwarded to the team, with its latest answer (None while it waits)."""

    id: str
    question: str
    asked_by: str
    platform: str
    forwarded_at: float
    answered_by: str | None
    answer: str | None
    answered_at: float | None

    def as_json(self) -> dict[str, Any]:
        """The question as JSON-ready values (times as ISO 8601, UTC)."""
        return {
            **asdict(self),
            "forwarded_at": _iso(self.forwarded_at),
            "answered_at": None if self.answered_at is None else _iso(self.answered_at),
        }


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds")


def forwarded_questions(
    db: Database, directory: Directory, *, waiting_only: bool = False, limit: int = 50
) -> tuple[list[Forwarded], int, int]:
    """The latest questions forwarded to the team (those with no answer yet when
    `waiting_only`), newest first, and how many there are and how many of them wait. Who
    asked is named as the team's card names them (someone forgotten: a former employee)."""
    total, waiting = db.execute(
        "SELECT count(*), coalesce(sum(NOT EXISTS (SELECT 1 FROM team_answers a"
        " WHERE a.question_id = q.question_id)), 0) FROM team_questions q"
    ).fetchone()
    rows = db.execute(
        """SELECT q.question_id, g.question, g.platform, g.user_id, q.forwarded_at,
               a.platform, a.user_id, a.name, a.text, a.at
           FROM team_questions q JOIN guideline_answers g ON g.id = q.question_id
           LEFT JOIN team_answers a ON a.rowid = (
               SELECT rowid FROM team_answers WHERE question_id = q.question_id
               ORDER BY at DESC, rowid DESC LIMIT 1)
           WHERE NOT :waiting OR a.rowid IS NULL
           ORDER BY q.forwarded_at DESC, q.question_id LIMIT :limit""",
        {"waiting": waiting_only, "limit": limit},
    ).fetchall()
    found = []
    for qid, question, platform, user_id, at, by_platform, by, name, text, answered_at in rows:
        answerer = None if by is None else directory.name_of(by_platform, by, name)
        asker = directory.name_of(platform, user_id)
        found.append(Forwarded(qid, question, asker, platform, at, answerer, text, answered_at))
    return found, int(total), int(waiting)


class TeamQuestions:
    """The "Ask the social media team" button and what follows it; `register` puts it on the
    core."""

    def __init__(self, core: Core) -> None:
        self.core = core
        # Forwarded questions with an answer not yet shown on them.
        self._unshown: set[str] = set()
        self._showing_answers = asyncio.Lock()

    def register(self) -> None:
        """Route the buttons, the answer form and replies in the questions' threads here."""
        self.core.on_action(actions.GUIDELINES_ASK_TEAM, self._ask_team)
        self.core.on_action(actions.GUIDELINES_ANSWER, self._answer_form, any_value=True)
        self.core.on_form(
            actions.GUIDELINES_ANSWER_FORM,
            self._submit_answer,
            any_state=True,
            limits={ANSWER_INPUT: ANSWER_MAX_LENGTH},  # the platforms' forms stop it; forged not
        )
        self.core.on_thread_reply(QUESTION_FOR_TEAM, self._relay_team_answer)
        self.core.for_the_team(QUESTION_FOR_TEAM)

    async def _ask_team(self, person: Person, answer_id: str) -> Message:
        """Forward a question the guidelines do not answer to the social media team: only its
        asker may (the button is under an answer a channel sees, and the team's answer goes to
        the asker)."""
        stored = self.core.guidelines.question_for_team(answer_id)
        if (person.platform, person.user_id) != (stored.platform, stored.user_id):
            return Message(
                f"This is {self._asker(stored)}'s question, and the team's answer would go to "
                "them. Ask me yours, and you can pass it on the same way."
            )
        platform, team = self.core.team_route(person.platform)
        if not team or not self.core.can_message(platform):
            raise UserError(
                "I can't reach the social media team from here: set "
                "SOCIALBOT_ESCALATION_CHANNEL or SOCIALBOT_SOCIAL_MEDIA_MANAGERS."
                if person.has(Role.ADMIN)
                else "I can't reach the social media team from here yet: please tell whoever "
                "runs this bot for your company, or ask the team directly."
            )
        forwarded = self._forwarded_question(stored)
        language = await self.core.guidelines.answer_language(
            answer_id, self.core.language_for(person)
        )
        self.core.outbox.enqueue(platform, team, QUESTION_FOR_TEAM, answer_id, forwarded)
        self.core.db.execute(
            "INSERT OR IGNORE INTO team_questions (question_id, forwarded_at) VALUES (?, ?)",
            [answer_id, time.time()],
        )
        if all(
            self.core.outbox.holds(platform, recipient, QUESTION_FOR_TEAM) for recipient in team
        ):
            return Message(text_for("saved_for_team", language))
        return Message(text_for("passed_to_team", language))

    async def _answer_form(self, person: Person, answer_id: str) -> Form:
        """The form a manager answers a forwarded question with (the Answer button), with the
        answer the team gave already, if any; its state counts the answers it showed, so an
        answer another manager gives while it is open is not followed by a second one."""
        self._require_manager(person)
        stored = self._reachable(answer_id)
        intro: list[Block] = [
            Text(f"**{self._asker(stored)} asked:** {untrusted(stored.question)}")
        ]
        latest = self._latest_answer(answer_id)
        if latest is not None:
            intro.append(Text(f"**Answered by {latest[0]}:** {latest[1]}"))
        return Form(
            actions.GUIDELINES_ANSWER_FORM,
            "Answer the question",
            (
                Input(
                    ANSWER_INPUT,
                    "Your answer",
                    kind="multiline",
                    hint="It goes to the person who asked, as the social media team's answer.",
                    max_length=ANSWER_MAX_LENGTH,
                ),
            ),
            submit_label="Send the answer",
            intro=tuple(intro),
            state=f"{answer_id}{_SEEN}{len(self._answers(answer_id))}",
        )

    async def _submit_answer(self, person: Person, values: Values, state: str) -> Message:
        """An answer from the form, relayed as a reply in the question's thread would be;
        not when another manager answered while the form was open (two managers answering
        at once): the asker gets one answer, and the second manager hears which (review17a
        M1). A form opened before its state counted the answers (`id` alone) is sent."""
        self._require_manager(person)
        typed = values.get(ANSWER_INPUT)
        text = typed.strip() if isinstance(typed, str) else ""
        if not text:
            raise FormErrors({ANSWER_INPUT: "Write the answer to send."})
        answer_id, _, seen = state.partition(_SEEN)
        stored = self._reachable(answer_id)
        # The same answer submitted twice (a double click, a retried request) is one reply.
        digest = hashlib.sha256(f"{person.user_id}\x1f{text}".encode()).hexdigest()[:16]
        shown = int(seen) if seen.isdecimal() else None
        meanwhile = await self._relay(person, answer_id, text, f"form-{digest}", shown)
        if meanwhile is not None:
            answerer, answered = meanwhile
            return Message(
                f"{answerer} answered {self._asker(stored)} while your form was open: "
                f"{answered}\nYour answer was not sent, so they get one answer; to add to it, "
                f"press **Add to the answer** on the question. Yours was: {untrusted(text)}"
            )
        return Message(f"Thanks! Your answer is on its way to {self._asker(stored)}.")

    async def _relay_team_answer(
        self, person: Person, answer_id: str, text: str, reply_id: str
    ) -> None:
        """A team member answered a forwarded question in its thread: see `_relay`."""
        await self._relay(person, answer_id, text, reply_id)

    async def _relay(
        self, person: Person, answer_id: str, text: str, reply_id: str, seen: int | None = None
    ) -> tuple[str, str] | None:
        """A team member answered a forwarded question (in its thread or with the Answer
        button): tell the person who asked, and show the answer on the forwarded question.
        With `seen` (the answers the form showed), not if another answered since: that
        (answerer, answer) is returned instead, decided in the transaction that records ours.

        Where managers are configured only they answer: other replies in the thread are the
        team talking among themselves, not words for the person who asked.
        """
        stored = self.core.guidelines.question_for_team(answer_id)
        if not text.strip() or not self.core.can_message(stored.platform):
            return None
        if is_forgotten(stored.user_id):
            log.info("a reply to a forwarded question of someone forgotten is not relayed")
            return None
        if self._managers_on(person.platform) and not person.has(Role.MANAGER):
            log.info("a reply to a forwarded question from someone not a manager is not relayed")
            return None
        answerer = self._answerer(person.platform, person.user_id, person.name)
        # In the language the asker was answered in (their question's, their client's).
        asker = self.core.person(stored.platform, stored.user_id)
        language = await self.core.guidelines.answer_language(
            answer_id, self.core.language_for(asker)
        )
        answered = text_for("team_answered", language)
        relayed = Message(
            text=f"{answered}: {text}",
            blocks=(
                Text(f"**{answered}**"),
                Context(text_for("team_you_asked", language, question=untrusted(stored.question))),
                Text(text),
                Context(text_for("team_answered_by", language, name=answerer)),
            ),
        )
        key = f"{answer_id}:{reply_id}"
        with self.core.db.atomic():
            since = self._answers(answer_id)[seen:] if seen is not None else []
            others = [a for a in since if (a[0], a[1]) != (person.platform, person.user_id)]
            if others:
                platform, user_id, name, answered = others[0]
                return self._answerer(platform, user_id, name), answered
            if not self.core.outbox.enqueue(
                stored.platform, [stored.user_id], TEAM_ANSWER, key, relayed
            ):
                return None
            self.core.db.execute(
                "INSERT OR IGNORE INTO team_answers"
                " (question_id, reply_id, platform, user_id, name, text, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [answer_id, reply_id, person.platform, person.user_id, person.name, text,
                 time.time()],
            )  # fmt: skip
        self._unshown.add(answer_id)
        self.core.soon("show a question answered", self._show_answered(stored))
        return None

    async def _show_answered(self, stored: StoredAnswer) -> None:
        """Replace the forwarded question wherever the team got it with its latest answer, so
        nobody answers twice without knowing. One edit at a time: an edit held up
        by a rate limit must not land after, and hide, a later answer (they are rare enough
        to go one at a time altogether)."""
        async with self._showing_answers:
            if stored.id not in self._unshown:  # an edit before this one showed the latest
                return
            self._unshown.discard(stored.id)
            await self.update_cards(stored)

    def naming(self, platform: str, user_id: str) -> list[StoredAnswer]:
        """The forwarded questions whose cards name the person: as the one who asked, or as
        one who answered."""
        rows = self.core.db.execute(
            "SELECT id FROM guideline_answers WHERE platform = ? AND user_id = ?"
            " AND id IN (SELECT key FROM deliveries WHERE purpose = ?)"
            " UNION SELECT question_id FROM team_answers WHERE platform = ? AND user_id = ?",
            [platform, user_id, QUESTION_FOR_TEAM, platform, user_id],
        ).fetchall()
        return [self.core.guidelines.question_for_team(answer_id) for (answer_id,) in rows]

    def cards(self, answer_id: str) -> list[tuple[str, str]]:
        """Where the forwarded question went, as (platform, recipient): the delivery ledger's
        rows for it (read only; a channel that refused it is failed there, and the managers
        who got it instead have rows of their own)."""
        rows = self.core.db.execute(
            "SELECT platform, recipient FROM deliveries WHERE purpose = ? AND key = ?"
            " AND state != 'failed' ORDER BY id",
            [QUESTION_FOR_TEAM, answer_id],
        ).fetchall()
        return [(str(platform), str(recipient)) for platform, recipient in rows]

    async def update_cards(self, stored: StoredAnswer) -> list[tuple[str, str]]:
        """Show the forwarded question as it is now (its asker's name, its latest answer)
        wherever the team got it; the cards that could not be changed (not posted yet, gone,
        or on a platform not reached from here)."""
        card = self._forwarded_question(stored, self._latest_answer(stored.id))
        missed = []
        for platform, recipient in self.cards(stored.id):
            if not self.core.can_message(platform) or not await self.core.outbox.update(
                platform, recipient, QUESTION_FOR_TEAM, stored.id, card
            ):
                missed.append((platform, recipient))
        return missed

    def _answers(self, answer_id: str) -> list[tuple[str, str, str, str]]:
        """The team's answers to the question, oldest first: (platform, user id, name, text)."""
        rows = self.core.db.execute(
            "SELECT platform, user_id, name, text FROM team_answers WHERE question_id = ?"
            " ORDER BY at, rowid",
            [answer_id],
        ).fetchall()
        return [(str(p), str(u), str(n), str(t)) for p, u, n, t in rows]

    def _latest_answer(self, answer_id: str) -> tuple[str, str] | None:
        """The latest (answerer, answer) the team gave to the question, if any."""
        answers = self._answers(answer_id)
        if not answers:
            return None
        platform, user_id, name, text = answers[-1]
        return self._answerer(platform, user_id, name), text

    def _answerer(self, platform: str, user_id: str, name: str) -> str:
        """How a team member who answered is named (markdown)."""
        return untrusted(self.core.directory.name_of(platform, user_id, name))

    def _reachable(self, answer_id: str) -> StoredAnswer:
        """The forwarded question `answer_id`, if its asker can still get an answer."""
        stored = self.core.guidelines.question_for_team(answer_id)
        if is_forgotten(stored.user_id):
            raise UserError("The person who asked this has left: no answer can reach them now.")
        return stored

    def _managers_on(self, platform: str) -> bool:
        # On the console only `--manager` sessions read the team's inbox.
        return platform == "console" or bool(self.core.roles.members(Role.MANAGER, platform))

    @staticmethod
    def _require_manager(person: Person) -> None:
        if not person.has(Role.MANAGER):
            raise NotAllowed(
                "Only the social media managers answer the questions forwarded to the team."
            )

    def _forwarded_question(
        self, stored: StoredAnswer, answer: tuple[str, str] | None = None
    ) -> Message:
        """A question as the social media team sees it, with its latest (answerer, answer) once
        there is one; answering again stays possible, as the team may add to an answer. The
        Answer button is there where managers are configured (only they may use it)."""
        asker = self._asker(stored)
        gone = is_forgotten(stored.user_id)
        who = "" if gone else f" ({stored.platform} user {untrusted(stored.user_id)})"
        blocks: list[Block] = [
            Header("A question the guidelines don't answer"),
            Text(untrusted(stored.question)),
            Context(f"Asked by {asker}{who}."),
        ]
        text = f"A question the guidelines don't answer, from {asker}: {untrusted(stored.question)}"
        button = Button(
            "Answer", actions.GUIDELINES_ANSWER, stored.id, style="primary", opens_form=True
        )
        if answer is not None:
            answerer, answered = answer
            blocks += [Divider(), Text(f"**Answered by {answerer}:** {answered}")]
            text += f" Answered by {answerer}."
            button = Button(
                "Add to the answer", actions.GUIDELINES_ANSWER, stored.id, opens_form=True
            )
        platform, _ = self.core.team_route(stored.platform)
        if gone:
            blocks.append(Context("The person who asked has left: answers no longer reach them."))
            return Message(text, tuple(blocks))
        if not self._managers_on(platform):
            blocks.append(Context(f"In the team's channel, reply in this thread: {asker} gets it."))
            return Message(text, tuple(blocks))
        if platform != "console":  # the console has no threads
            blocks.append(
                Context(
                    f"A manager's reply in this thread in the team's channel goes to {asker} too."
                )
            )
        return Message(text, (*blocks, Actions((button,))))

    def _asker(self, stored: StoredAnswer) -> str:
        """The name of the person who asked `stored` (markdown), the same wherever it is shown."""
        return untrusted(self.core.directory.name_of(stored.platform, stored.user_id))


QUESTIONS_LISTED = 15  # in chat; the command line lists more
MANAGERS_SEE_QUESTIONS = "Only the social media managers see the questions forwarded to the team."


def questions_command(core: Core) -> Subcommand:
    """`/socialbot questions [waiting]`: the questions forwarded to the team, for managers."""

    async def run(person: Person, text: str) -> Message:
        if not person.has(Role.MANAGER):
            raise UserError(MANAGERS_SEE_QUESTIONS)
        word = text.strip().lower()
        if word not in ("", "waiting"):
            latest = typed(person.platform, "socialbot", "questions")
            raise UserError(f"`{latest}` lists the latest; `{latest} waiting` those not answered.")
        found, total, waiting = forwarded_questions(
            core.db, core.directory, waiting_only=bool(word), limit=QUESTIONS_LISTED
        )
        said = questions_text(found, total, waiting)
        if len(found) < (waiting if word else total):
            said += f"\nThe latest {len(found)} are shown (the command line lists more)."
        return Message(said)

    return Subcommand(
        "questions",
        "for managers: the questions forwarded to the team and their answers",
        run,
        private=True,  # who asked what: never where a channel reads it
        role=Role.MANAGER,
    )


def questions_text(found: list[Forwarded], total: int, waiting: int) -> str:
    """The forwarded questions as markdown lines: who asked what when, and the latest answer."""
    if not total:
        return "No question has been forwarded to the team yet."
    lines = [f"**{total} question(s) forwarded to the team, {waiting} waiting for an answer**"]
    if not found:
        lines.append("Every question has its answer.")
    for question in found:
        lines.append(
            f"• {moment(question.forwarded_at)} **{untrusted(question.asked_by)}** asked:"
            f" {untrusted(clip(collapse(question.question), SHOWN_CHARACTERS))}"
        )
        if question.answer is None or question.answered_at is None:
            lines.append("    → waiting for an answer")
        else:
            lines.append(
                f"    → {untrusted(question.answered_by or '')} answered"
                f" {moment(question.answered_at)}:"
                f" {untrusted(clip(collapse(question.answer), SHOWN_CHARACTERS))}"
            )
    return "\n".join(lines)
