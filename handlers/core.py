"""The bot's capabilities wired together: the one object every platform adapter talks to."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from handlers.commands import Commands, Reply
from handlers.help import help_message, socialbot_command
from handlers.people import Person, Roles
from handlers.views import Message

log = logging.getLogger(__name__)

DueJob = Callable[[datetime], Awaitable[None]]


class Core:
    """Commands, messages and due work, for any platform."""

    migrations: tuple[Migrations, ...] = ()

    def __init__(self, db: Database, roles: Roles) -> None:
        self.db = db
        self.roles = roles
        self.commands = Commands()
        self.commands.add(socialbot_command(self.commands))
        self._due_jobs: list[tuple[str, DueJob]] = []

    def person(self, platform: str, user_id: str, name: str = "") -> Person:
        """The person behind a platform user id, with their configured roles."""
        return self.roles.person(platform, user_id, name)

    async def command(self, name: str, person: Person, text: str) -> Reply:
        """Answer a slash command."""
        return await self.commands.dispatch(name, person, text)

    async def message(self, person: Person, text: str) -> Message:
        """Answer a direct message or a mention."""
        return help_message(self.commands)

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
