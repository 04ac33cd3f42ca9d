"""The bot's capabilities wired together: the one object every platform adapter talks to."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from handlers import actions, guidelines
from handlers.commands import Commands, Reply
from handlers.errors import UserError
from handlers.guidelines import GuidelinesQA
from handlers.help import help_message, socialbot_command
from handlers.people import Person, Roles
from handlers.views import Context, Header, Message, Text

log = logging.getLogger(__name__)

DueJob = Callable[[datetime], Awaitable[None]]
Action = Callable[[Person, str], Awaitable[Message]]
# Queue `message` for recipients on a platform under (purpose, key); returns how many are new.
Outbox = Callable[[str, list[str], str, str, Message], int]

# Messages that ask for the bot itself rather than ask a question.
GREETINGS = {"", "help", "hi", "hello", "hey", "hej", "hjælp", "?"}


class Core:
    """Commands, messages, button actions and due work, for any platform."""

    migrations: tuple[Migrations, ...] = (guidelines.migrations,)

    def __init__(
        self,
        db: Database,
        roles: Roles,
        guidelines: GuidelinesQA,
        escalation_channel: str | None = None,
    ) -> None:
        self.db = db
        self.roles = roles
        self.guidelines = guidelines
        self.escalation_channel = escalation_channel
        self.outbox: Outbox | None = None  # set by the app once the delivery engine exists
        self.commands = Commands()
        self.commands.add(socialbot_command(self.commands))
        self.commands.add(guidelines.slash_command())
        self._actions: dict[str, Action] = {
            actions.GUIDELINES_OPEN_SECTION: self._open_section,
            actions.GUIDELINES_HELPFUL: self._helpful,
            actions.GUIDELINES_UNHELPFUL: self._unhelpful,
            actions.GUIDELINES_ASK_TEAM: self._ask_team,
        }
        self._due_jobs: list[tuple[str, DueJob]] = []

    def person(self, platform: str, user_id: str, name: str = "") -> Person:
        """The person behind a platform user id, with their configured roles."""
        return self.roles.person(platform, user_id, name)

    async def command(self, name: str, person: Person, text: str) -> Reply:
        """Answer a slash command."""
        return await self.commands.dispatch(name, person, text)

    async def message(self, person: Person, text: str) -> Message:
        """Answer a direct message or a mention: a greeting gets the help, the rest an answer."""
        if text.strip().strip("!.").lower() in GREETINGS:
            return help_message(self.commands)
        return await self.guidelines.ask(person, text)

    def on_action(self, action_id: str, action: Action) -> None:
        """Route the buttons with `action_id` to `action`."""
        self._actions[action_id] = action

    async def action(self, person: Person, action_id: str, value: str) -> Message:
        """Answer a button press."""
        action = self._actions.get(action_id)
        if action is None:
            raise UserError(
                "That button is no longer active. Type `/socialbot help` to start over."
            )
        return await action(person, value)

    async def _open_section(self, person: Person, key: str) -> Message:
        return self.guidelines.open_section(key)

    async def _helpful(self, person: Person, answer_id: str) -> Message:
        return self.guidelines.feedback(person, answer_id, helpful=True)

    async def _unhelpful(self, person: Person, answer_id: str) -> Message:
        return self.guidelines.feedback(person, answer_id, helpful=False)

    async def _ask_team(self, person: Person, answer_id: str) -> Message:
        """Forward a question the guidelines do not answer to the social media team."""
        stored = self.guidelines.question_for_team(answer_id)
        team = [self.escalation_channel] if self.escalation_channel else sorted(self.roles.managers)
        if self.outbox is None or not team or person.platform == "console":
            raise UserError(
                "I can't reach the social media team from here. An admin can set "
                "SOCIALBOT_ESCALATION_CHANNEL or SOCIALBOT_SOCIAL_MEDIA_MANAGERS."
            )
        asker = person.name or person.user_id
        forwarded = Message(
            text=f"A question the guidelines don't answer, from {asker}: {stored.question}",
            blocks=(
                Header("A question the guidelines don't answer"),
                Text(stored.question),
                Context(f"Asked by {asker} ({person.platform} user {person.user_id})."),
            ),
        )
        self.outbox(person.platform, team, "guidelines-question", answer_id, forwarded)
        return Message("I've passed your question to the social media team.")

    def on_tick(self, name: str, job: DueJob) -> None:
        """Run `job` on every clock tick (once a minute)."""
        self._due_jobs.append((name, job))

    async def tick(self, now: datetime) -> None:
        """Run every due job; one failing job never stops the others."""
        for name, job in self._due_jobs:
            try:
                await job(now)
            except Exception:
                log.exception("due job failed", extra={"job": name})
