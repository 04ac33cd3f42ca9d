"""Questions the guidelines don't answer, for the social media team: forwarded on request,
answered by a manager (the Answer button, or a reply in the question's thread), relayed to the
person who asked once, and shown as answered where the team got them."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import TYPE_CHECKING

from handlers import actions
from handlers.errors import FormErrors, NotAllowed, UserError
from handlers.guidelines.feedback import StoredAnswer
from handlers.people import Person, Role
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


class TeamQuestions:
    """The "Ask the social media team" button and what follows it; `register` puts it on the
    core."""

    def __init__(self, core: Core) -> None:
        self.core = core
        # Forwarded questions' latest (answerer, answer) not yet shown on them.
        self._latest_answers: dict[str, tuple[str, str]] = {}
        self._showing_answers = asyncio.Lock()

    def register(self) -> None:
        """Route the buttons, the answer form and replies in the questions' threads here."""
        self.core.on_action(actions.GUIDELINES_ASK_TEAM, self._ask_team)
        self.core.on_action(actions.GUIDELINES_ANSWER, self._answer_form)
        self.core.on_form(actions.GUIDELINES_ANSWER_FORM, self._submit_answer)
        self.core.on_thread_reply(QUESTION_FOR_TEAM, self._relay_team_answer)

    async def _ask_team(self, person: Person, answer_id: str) -> Message:
        """Forward a question the guidelines do not answer to the social media team."""
        stored = self.core.guidelines.question_for_team(answer_id)
        platform, team = self.core.team_route(person.platform)
        if not team or not self.core.can_message(platform):
            raise UserError(
                "I can't reach the social media team from here. An admin can set "
                "SOCIALBOT_ESCALATION_CHANNEL or SOCIALBOT_SOCIAL_MEDIA_MANAGERS."
            )
        forwarded = self._forwarded_question(stored)
        self.core.outbox.enqueue(platform, team, QUESTION_FOR_TEAM, answer_id, forwarded)
        if all(self.core.outbox.holds(platform, recipient) for recipient in team):
            return Message(
                "I've saved your question for the social media team: it reaches them as soon as"
                " the bot can reach them, and their answer will come here."
            )
        return Message(
            "I've passed your question to the social media team; their answer will come here."
        )

    async def _answer_form(self, person: Person, answer_id: str) -> Form:
        """The form a manager answers a forwarded question with (the Answer button)."""
        self._require_manager(person)
        stored = self.core.guidelines.question_for_team(answer_id)
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
            intro=(Text(f"**{self._asker(stored)} asked:** {untrusted(stored.question)}"),),
            state=answer_id,
        )

    async def _submit_answer(self, person: Person, values: Values, answer_id: str) -> Message:
        """An answer from the form, relayed as a reply in the question's thread would be."""
        self._require_manager(person)
        typed = values.get(ANSWER_INPUT)
        text = typed.strip() if isinstance(typed, str) else ""
        if not text:
            raise FormErrors({ANSWER_INPUT: "Write the answer to send."})
        if len(text) > ANSWER_MAX_LENGTH:  # the platforms' forms stop this; a forged one not
            raise FormErrors({ANSWER_INPUT: f"Keep it under {ANSWER_MAX_LENGTH:,} characters."})
        stored = self.core.guidelines.question_for_team(answer_id)
        # The same answer submitted twice (a double click, a retried request) is one reply.
        digest = hashlib.sha256(f"{person.user_id}\x1f{text}".encode()).hexdigest()[:16]
        await self._relay_team_answer(person, answer_id, text, f"form-{digest}")
        return Message(f"Thanks! Your answer is on its way to {self._asker(stored)}.")

    async def _relay_team_answer(
        self, person: Person, answer_id: str, text: str, reply_id: str
    ) -> None:
        """A team member answered a forwarded question (in its thread or with the Answer
        button): tell the person who asked, and show the answer on the forwarded question.

        Where managers are configured only they answer: other replies in the thread are the
        team talking among themselves, not words for the person who asked.
        """
        stored = self.core.guidelines.question_for_team(answer_id)
        if not text.strip() or not self.core.can_message(stored.platform):
            return
        if self._managers_on(person.platform) and not person.has(Role.MANAGER):
            log.info("a reply to a forwarded question from someone not a manager is not relayed")
            return
        answerer = untrusted(
            self.core.directory.name_of(person.platform, person.user_id, person.name)
        )
        relayed = Message(
            text=f"The social media team answered your question: {text}",
            blocks=(
                Text("**The social media team answered your question**"),
                Context(f"You asked: {untrusted(stored.question)}"),
                Text(text),
                Context(f"Answered by {answerer}."),
            ),
        )
        key = f"{answer_id}:{reply_id}"
        if self.core.outbox.enqueue(stored.platform, [stored.user_id], TEAM_ANSWER, key, relayed):
            self._latest_answers[answer_id] = (answerer, text)
            self.core.soon("show a question answered", self._show_answered(stored))

    async def _show_answered(self, stored: StoredAnswer) -> None:
        """Replace the forwarded question wherever the team got it with its latest answer, so
        nobody answers twice without knowing. One edit at a time: an edit held up
        by a rate limit must not land after, and hide, a later answer (they are rare enough
        to go one at a time altogether)."""
        async with self._showing_answers:
            latest = self._latest_answers.pop(stored.id, None)
            if latest is None:  # an edit before this one already showed the latest
                return
            answered = self._forwarded_question(stored, latest)
            platform, team = self.core.team_route(stored.platform)
            for recipient in team:
                await self.core.outbox.update(
                    platform, recipient, QUESTION_FOR_TEAM, stored.id, answered
                )

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
        blocks: list[Block] = [
            Header("A question the guidelines don't answer"),
            Text(untrusted(stored.question)),
            Context(f"Asked by {asker} ({stored.platform} user {untrusted(stored.user_id)})."),
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
