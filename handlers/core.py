"""The bot's capabilities wired together: the one object every platform adapter talks to."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from handlers import actions, groups, guidelines, people, shares
from handlers.commands import Commands
from handlers.errors import FormErrors, NotAllowed, UserError
from handlers.groups import GroupMembers
from handlers.guidelines import GuidelinesQA
from handlers.guidelines.feedback import StoredAnswer
from handlers.help import help_message, socialbot_command
from handlers.people import CHANNEL_SHAPES, Directory, Person, Role, Roles, on_platform
from handlers.shares import Shares
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
    Reply,
    SharedMessage,
    Text,
    Values,
)

log = logging.getLogger(__name__)

DueJob = Callable[[datetime], Awaitable[None]]
Action = Callable[[Person, str], Awaitable[Reply | None]]
Submit = Callable[[Person, Values, str], Awaitable[Reply | None]]
OnShortcut = Callable[[Person, SharedMessage], Awaitable[Reply]]
HomeSection = Callable[[Person], Awaitable[tuple[Block, ...]]]
# (who replied, the key the message was sent under, the reply's text, the reply's own id)
ThreadReply = Callable[[Person, str, str, str], Awaitable[None]]

# Delivery purposes of the question forwarded to the team and of the team's answer.
QUESTION_FOR_TEAM = "guidelines-question"
TEAM_ANSWER = "guidelines-answer"
# The one input of the form the team answers a forwarded question with.
ANSWER_INPUT = "answer"
ANSWER_MAX_LENGTH = 2000  # room for the answer in one Slack text block (3,000 characters)

# Messages that ask for the bot itself rather than ask a question.
GREETINGS = {"", "help", "hi", "hello", "hey", "hej", "hjælp", "?"}


class Outbox(Protocol):
    """Where the core's outbound messages go: the delivery engine, exactly once per key."""

    def enqueue(
        self,
        platform: str,
        recipients: Iterable[str],
        purpose: str,
        key: str,
        message: Message | Callable[[str], Message | None],
    ) -> int:
        """Queue `message` for each recipient not yet sent under (purpose, key)."""
        ...

    async def fan_out(
        self, platform: str, recipients: Iterable[str], purpose: str, key: str, message: Message
    ) -> int:
        """`enqueue` for a large audience, a batch at a time, so people's clicks are answered
        between the batches."""
        ...

    async def update(
        self, platform: str, recipient: str, purpose: str, key: str, message: Message
    ) -> bool:
        """Replace a message sent earlier under (purpose, key); False if there is none."""
        ...


@dataclass(frozen=True)
class Shortcut:
    """A message shortcut ("Report to social media manager" on any message)."""

    shortcut_id: str
    name: str
    description: str
    run: OnShortcut


class Core:
    """Commands, messages, buttons, forms, shortcuts and due work, for any platform."""

    migrations: tuple[Migrations, ...] = (
        people.migrations,
        groups.migrations,
        guidelines.migrations,
        shares.migrations,
    )

    def __init__(
        self,
        db: Database,
        roles: Roles,
        guidelines: GuidelinesQA,
        escalation_channel: str | None = None,
    ) -> None:
        self.db = db
        self.group_members = GroupMembers(db)
        self.roles = roles.reading_groups_from(self.group_members)
        self.directory = Directory(db)
        self.shares = Shares(db)
        self.guidelines = guidelines
        self.escalation_channels = [
            entry.strip() for entry in (escalation_channel or "").split(",") if entry.strip()
        ]
        self._outbox: Outbox | None = None  # connected by the app once the engine exists
        self.commands = Commands()
        self.shortcuts: dict[str, Shortcut] = {}
        self._actions: dict[str, Action] = {}
        self._forms: dict[str, Submit] = {}
        self._due_jobs: list[tuple[str, DueJob]] = []
        self._home: list[HomeSection] = []
        self._thread_replies: dict[str, ThreadReply] = {}
        self._soon: set[asyncio.Task[None]] = set()
        # Forwarded questions' latest (answerer, answer) not yet shown on them.
        self._latest_answers: dict[str, tuple[str, str]] = {}
        self._showing_answers = asyncio.Lock()
        socialbot, self.socialbot = socialbot_command(self.commands)
        self.commands.add(socialbot)
        self.commands.add(guidelines.slash_command())
        self.on_action(actions.GUIDELINES_OPEN_SECTION, self._open_section)
        self.on_action(actions.GUIDELINES_HELPFUL, self._helpful)
        self.on_action(actions.GUIDELINES_UNHELPFUL, self._unhelpful)
        self.on_action(actions.GUIDELINES_ASK_TEAM, self._ask_team)
        self.on_action(actions.GUIDELINES_ANSWER, self._answer_form)
        self.on_form(actions.GUIDELINES_ANSWER_FORM, self._submit_answer)
        self.on_action(actions.SHARE, self.shares.clicked)
        self.on_tick("prune guideline answers", self.guidelines.prune_daily)
        self.on_thread_reply(QUESTION_FOR_TEAM, self._relay_team_answer)

    # -- registration ----------------------------------------------------------------------------

    def on_action(self, action_id: str, action: Action) -> None:
        """Route the buttons with `action_id` to `action`."""
        self._actions[action_id] = action

    def on_form(self, form_id: str, submit: Submit) -> None:
        """Route submissions of the form `form_id` to `submit`."""
        self._forms[form_id] = submit

    def on_shortcut(self, shortcut: Shortcut) -> None:
        """Offer a message shortcut."""
        self.shortcuts[shortcut.shortcut_id] = shortcut

    def on_thread_reply(self, purpose: str, reply: ThreadReply) -> None:
        """Hear replies in the thread of messages the bot sent under `purpose`."""
        self._thread_replies[purpose] = reply

    def on_home(self, section: HomeSection) -> None:
        """Add a section to each person's home page (Slack's App Home)."""
        self._home.append(section)

    def on_tick(self, name: str, job: DueJob) -> None:
        """Run `job` on every clock tick (once a minute)."""
        self._due_jobs.append((name, job))

    # -- what the platforms call -----------------------------------------------------------------

    def connect(self, outbox: Outbox) -> None:
        """Send outbound messages through `outbox` (the delivery engine)."""
        self._outbox = outbox

    @property
    def outbox(self) -> Outbox:
        """The delivery engine; every outbound message goes through it."""
        if self._outbox is None:
            raise RuntimeError("the delivery engine is not connected to the core")
        return self._outbox

    def can_message(self, platform: str) -> bool:
        """Whether the bot can send messages to people on `platform` (not the console)."""
        return self._outbox is not None and platform != "console"

    def team_for(self, platform: str) -> list[str]:
        """Where the social media team is reached on `platform`: its escalation channel, or
        else each of its managers there."""
        channels = on_platform(self.escalation_channels, platform, CHANNEL_SHAPES)
        return channels[:1] or self.roles.members(Role.MANAGER, platform)

    def person(self, platform: str, user_id: str, name: str = "") -> Person:
        """The person behind a platform user id, with the roles they hold."""
        return self.roles.person(platform, user_id, name)

    async def command(self, name: str, person: Person, text: str) -> Reply:
        """Answer a slash command."""
        return await self.commands.dispatch(name, person, text)

    async def message(self, person: Person, text: str) -> Message:
        """Answer a direct message or a mention: a greeting gets the help, the rest an answer."""
        if text.strip().strip("!.").lower() in GREETINGS:
            return help_message(self.commands)
        return await self.guidelines.ask(person, text)

    def handles(self, action_id: str) -> bool:
        """Whether a button with `action_id` does something (link buttons may not)."""
        return action_id in self._actions

    async def action(self, person: Person, action_id: str, value: str) -> Reply | None:
        """Answer a button press (None: nothing to say, e.g. a recorded share click)."""
        action = self._actions.get(action_id)
        if action is None:
            raise UserError(
                "That button is no longer active. Type `/socialbot help` to start over."
            )
        return await action(person, value)

    async def submit(
        self, person: Person, form_id: str, values: Values, state: str
    ) -> Reply | None:
        """Take a submitted form; raise `FormErrors` to show mistakes on their fields."""
        submit = self._forms.get(form_id)
        if submit is None:
            raise UserError("That form is no longer in use. Please start again.")
        return await submit(person, values, state)

    async def shortcut(self, person: Person, shortcut_id: str, shared: SharedMessage) -> Reply:
        """Answer a message shortcut."""
        shortcut = self.shortcuts.get(shortcut_id)
        if shortcut is None:
            raise UserError("That shortcut is no longer in use.")
        return await shortcut.run(person, shared)

    def hears_replies(self, purpose: str) -> bool:
        """Whether a capability listens to replies in the threads of messages sent under
        `purpose`."""
        return purpose in self._thread_replies

    async def thread_reply(
        self, person: Person, purpose: str, key: str, text: str, reply_id: str
    ) -> None:
        """Someone replied in the thread of a message the bot sent under (purpose, key)."""
        reply = self._thread_replies.get(purpose)
        if reply is not None:
            await reply(person, key, text, reply_id)

    async def home(self, person: Person) -> Message:
        """A person's home page: what the bot does, then each capability's section."""
        blocks: list[Block] = [*help_message(self.commands).blocks]
        for section in self._home:
            blocks += [Divider(), *await section(person)]
        return Message("socialbot", tuple(blocks))

    async def tick(self, now: datetime) -> None:
        """Run every due job; one failing job never stops the others."""
        for name, job in self._due_jobs:
            try:
                await job(now)
            except Exception:
                log.exception("due job failed", extra={"job": name})

    def soon(self, name: str, work: Coroutine[Any, Any, None]) -> None:
        """Run `work` after the person is answered: edits of sent messages may wait on rate
        limits, and Slack wants an answer within 3 seconds. A failure is logged, not shown."""
        task = asyncio.create_task(self._logged(name, work), name=name)
        self._soon.add(task)
        task.add_done_callback(self._soon.discard)

    async def settle(self) -> None:
        """Wait for the work started with `soon`: at shutdown, and when a console chat ends."""
        while self._soon:
            await asyncio.gather(*self._soon)  # each logs its own failure

    @staticmethod
    async def _logged(name: str, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except Exception:
            log.exception("background work failed", extra={"work": name})

    # -- guideline buttons -----------------------------------------------------------------------

    async def _open_section(self, person: Person, key: str) -> Message:
        return self.guidelines.open_section(key)

    async def _helpful(self, person: Person, answer_id: str) -> Message:
        return self.guidelines.feedback(person, answer_id, helpful=True)

    async def _unhelpful(self, person: Person, answer_id: str) -> Message:
        return self.guidelines.feedback(person, answer_id, helpful=False)

    # -- questions for the social media team ----------------------------------------------------

    async def _ask_team(self, person: Person, answer_id: str) -> Message:
        """Forward a question the guidelines do not answer to the social media team."""
        stored = self.guidelines.question_for_team(answer_id)
        team = self.team_for(person.platform)
        if not team or not self.can_message(person.platform):
            raise UserError(
                "I can't reach the social media team from here. An admin can set "
                "SOCIALBOT_ESCALATION_CHANNEL or SOCIALBOT_SOCIAL_MEDIA_MANAGERS."
            )
        forwarded = self._forwarded_question(stored)
        self.outbox.enqueue(person.platform, team, QUESTION_FOR_TEAM, answer_id, forwarded)
        return Message(
            "I've passed your question to the social media team; their answer will come here."
        )

    async def _answer_form(self, person: Person, answer_id: str) -> Form:
        """The form a manager answers a forwarded question with (the Answer button)."""
        self._require_manager(person)
        stored = self.guidelines.question_for_team(answer_id)
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
            intro=(Text(f"**{self._asker(stored)} asked:** {stored.question}"),),
            state=answer_id,
        )

    async def _submit_answer(self, person: Person, values: Values, answer_id: str) -> Message:
        """An answer from the form, relayed as a reply in the question's thread would be."""
        self._require_manager(person)
        typed = values.get(ANSWER_INPUT)
        text = typed.strip() if isinstance(typed, str) else ""
        if not text:
            raise FormErrors({ANSWER_INPUT: "Write the answer to send."})
        stored = self.guidelines.question_for_team(answer_id)
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
        stored = self.guidelines.question_for_team(answer_id)
        if not text.strip() or not self.can_message(stored.platform):
            return
        if self._managers_on(person.platform) and not person.has(Role.MANAGER):
            log.info("a reply to a forwarded question from someone not a manager is not relayed")
            return
        answerer = self.directory.name_of(person.platform, person.user_id, person.name)
        relayed = Message(
            text=f"The social media team answered your question: {text}",
            blocks=(
                Text("**The social media team answered your question**"),
                Context(f"You asked: {stored.question}"),
                Text(text),
                Context(f"Answered by {answerer}."),
            ),
        )
        key = f"{answer_id}:{reply_id}"
        if self.outbox.enqueue(stored.platform, [stored.user_id], TEAM_ANSWER, key, relayed):
            self._latest_answers[answer_id] = (answerer, text)
            self.soon("show a question answered", self._show_answered(stored))

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
            for recipient in self.team_for(stored.platform):
                await self.outbox.update(
                    stored.platform, recipient, QUESTION_FOR_TEAM, stored.id, answered
                )

    def _managers_on(self, platform: str) -> bool:
        return bool(self.roles.members(Role.MANAGER, platform))

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
            Text(stored.question),
            Context(f"Asked by {asker} ({stored.platform} user {stored.user_id})."),
        ]
        text = f"A question the guidelines don't answer, from {asker}: {stored.question}"
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
        if not self._managers_on(stored.platform):
            blocks.append(Context(f"In the team's channel, reply in this thread: {asker} gets it."))
            return Message(text, tuple(blocks))
        blocks.append(
            Context(f"A manager's reply in this thread in the team's channel goes to {asker} too.")
        )
        return Message(text, (*blocks, Actions((button,))))

    def _asker(self, stored: StoredAnswer) -> str:
        """The name of the person who asked `stored`, the same whenever the question is shown."""
        return self.directory.name_of(stored.platform, stored.user_id)
