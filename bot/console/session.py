"""A chat session on a text stream: slash commands as in Slack, `#N` presses a button, forms
are asked field by field, anything else is a message."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Awaitable
from typing import TextIO
from zoneinfo import ZoneInfo

from bot.console.inbox import in_flight, take_unread
from bot.console.render import UnknownChoice, buttons_of, form_prompt, parse_answer, render
from bot.errors import reply_for_error
from content_feed.text import row_id
from handlers.command_words import parse_command
from handlers.core import CONSOLE_TEAM, Core
from handlers.errors import FormErrors, database_locked
from handlers.people import Member, Person, Role
from handlers.texts import text_for
from handlers.views import Button, Form, Message, Reply, Values

INBOX_POLL = 0.5  # seconds between looks for messages that came for this session
DRAIN_STEP = 0.05
QUIT_WORDS = {"/quit", "/exit", "quit", "exit"}
CANCEL_WORDS = {"/cancel", "cancel"}


class EndOfInput(Exception):
    """Standard input ended while the session was waiting for a line."""


class CommandTyped(Exception):
    """A slash command typed in the middle of a form: the form is left for it."""

    def __init__(self, line: str) -> None:
        super().__init__(line)
        self.line = line


UTC = ZoneInfo("UTC")  # the zone of a session given none


class ConsoleSession:
    """Reads lines until end of input (or `quit`) and prints the bot's replies."""

    def __init__(
        self,
        core: Core,
        stdin: TextIO,
        stdout: TextIO,
        user_id: str,
        manager: bool = False,
        *,
        drain: float = 0.0,
        zone: ZoneInfo = UTC,
    ) -> None:
        """`drain`: at the end of input, wait up to this many seconds for messages still on
        their way to this session (a running delivery engine brings them); `zone`: the
        workspace's (SOCIALBOT_TIMEZONE), for a person who chose none."""
        self.core = core
        self.stdin = stdin
        self.stdout = stdout
        person = core.person("console", user_id, user_id)
        roles = person.roles | {Role.MANAGER} if manager else person.roles
        self.person = Person("console", user_id, user_id, frozenset(roles))
        # Like anyone a platform lists: digests and report news come to the console user too.
        core.directory.learn(Member("console", user_id, user_id))
        # Where the bot's messages for this session arrive, when the app delivers to the console.
        self.inboxes = (
            [user_id, *([CONSOLE_TEAM] if self.person.has(Role.MANAGER) else [])]
            if core.can_message("console")
            else []
        )
        self.drain = drain
        self.zone = core.directory.zone_of("console", user_id, zone)
        self._buttons: list[Button] = []
        self._lines: asyncio.Queue[str] | None = None
        self._in_form = False

    @property
    def interactive(self) -> bool:
        """Whether a person is typing (show prompts) rather than a script."""
        return self.stdin.isatty()

    def _print(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    async def _guarded(self, work: Awaitable[Reply | None]) -> Reply | None:
        try:
            return await work
        except Exception as error:
            return reply_for_error(error, "console")

    async def _line(self, prompt: str) -> str:
        if self.interactive:
            self.stdout.write(prompt)
            self.stdout.flush()
        assert self._lines is not None
        line = await self._lines.get()
        if not line:
            raise EndOfInput
        return line.strip()

    async def handle(self, line: str) -> None:
        """Answer one line: a button press (`#2`), a command (`/socialbot help`, or a command
        word as a message on Slack and Teams runs it: `report <link>`) or a message."""
        parsed = parse_command(line, self.core.commands)
        if line.startswith("#") and line[1:].isdigit():  # "#²" too: no button has it
            reply = await self._press(line[1:])
        elif parsed is not None:
            reply = await self._guarded(self.core.command(parsed[0], self.person, parsed[1]))
        else:
            reply = await self._guarded(self.core.message(self.person, line))
        await self._show(reply)

    async def _press(self, typed: str) -> Reply | None:
        number = row_id(typed) or 0
        if not 1 <= number <= len(self._buttons):
            return Message(f"There is no button #{typed} in the last message.")
        button = self._buttons[number - 1]
        if button.url and not self.core.handles(button.action_id):
            return Message(f"Open {button.url}")
        reply = await self._guarded(self.core.action(self.person, button.action_id, button.value))
        if button.url:
            self._print(f"Open {button.url}")
        return reply

    async def _show(self, reply: Reply | None) -> None:
        while isinstance(reply, Form):
            form = reply
            try:
                reply = await self._fill(form)
            except CommandTyped as typed:
                self._print(f"({form.title} cancelled; nothing was sent.)")
                if typed.line.lower() in QUIT_WORDS:
                    raise EndOfInput from None
                await self.handle(typed.line)
                return
        if reply is not None:
            self._buttons = buttons_of(reply)
            self._print(render(reply, zone=self.zone))

    def show_arrived(self) -> bool:
        """Print what the bot sent to this session (or, for a manager, to the team) since the
        last look; its buttons become the ones `#N` presses. Whether anything came."""
        if self._in_form:
            return False  # after the form: its questions and these must not interleave
        try:
            arrived_now = take_unread(self.core.db, self.inboxes)
        except sqlite3.OperationalError as error:
            if not database_locked(error):
                raise
            return False  # another program holds the database's lock: shown once it lets go
        for arrived in arrived_now:
            whom = "the social media team" if arrived.recipient == CONSOLE_TEAM else "you"
            note = " (updated)" if arrived.edited else ""
            self._print(f"\n--- for {whom}{note} ---\n{arrived.text}")
            self._buttons = list(arrived.buttons)
        return bool(arrived_now)

    async def _watch_inbox(self) -> None:
        while True:
            await asyncio.sleep(INBOX_POLL)
            if self.show_arrived() and self.interactive:
                self.stdout.write("you> ")  # the prompt the message pushed up
                self.stdout.flush()

    async def _drain(self, everyone: bool = False) -> None:
        """Wait (up to `drain` seconds) for the console messages still on their way to this
        session (or, at the end, to anyone: no other session may be there to send them), and
        show what came."""
        if self.inboxes:
            for _ in range(round(self.drain / DRAIN_STEP)):
                if not in_flight(self.core.db, None if everyone else self.inboxes):
                    break
                await asyncio.sleep(DRAIN_STEP)  # another process's engine may be sending
        self.show_arrived()

    async def _fill(self, form: Form) -> Reply | None:
        """Ask the form's fields one by one, submit, and ask again what was wrong."""
        self._in_form = True
        try:
            return await self._ask(form)
        finally:
            self._in_form = False

    async def _ask(self, form: Form) -> Reply | None:
        """The form's fields asked in the form's language (the person's: their language
        setting, else the guidelines'), as its own words are."""
        language = form.language
        self._print(render(Message(form.title, form.intro)) if form.intro else form.title)
        self._print(f"({text_for('console_form_keys', language)})")
        values: Values = {}
        pending = list(form.inputs)
        while True:
            for input_ in pending:
                self._print(form_prompt(input_, language))
                while True:
                    line = await self._line("> ")
                    if line.lower() in CANCEL_WORDS:
                        return Message(text_for("console_cancelled", language))
                    if line.startswith("/"):
                        raise CommandTyped(line)
                    try:
                        values[input_.name] = parse_answer(input_, line, language)
                    except UnknownChoice as mistake:
                        self._print(f"! {mistake}")
                        continue
                    # What the core would refuse on submit is asked again at once.
                    problem = self.core.field_problem(
                        form.form_id, input_.name, values[input_.name], language
                    )
                    if problem is None:
                        break
                    self._print(f"! {problem}")
            try:
                return await self.core.submit(self.person, form.form_id, values, form.state)
            except FormErrors as mistakes:
                for problem in mistakes.errors.values():
                    self._print(f"! {problem}")
                pending = [i for i in form.inputs if i.name in mistakes.errors] or pending
            except Exception as error:
                return reply_for_error(error, "console form")

    def _read_lines(self) -> asyncio.Queue[str]:
        """Lines from stdin, read on a daemon thread so a blocked read never holds up exit."""
        loop = asyncio.get_running_loop()
        lines: asyncio.Queue[str] = asyncio.Queue()

        def pump() -> None:
            while True:
                line = self.stdin.readline()
                try:
                    loop.call_soon_threadsafe(lines.put_nowait, line)
                except RuntimeError:
                    return  # the bot has shut down
                if not line:
                    return

        threading.Thread(target=pump, name="console-stdin", daemon=True).start()
        return lines

    async def run(self) -> None:
        """Chat until the input ends."""
        if self.interactive:
            self._print("Chatting with socialbot. Type /socialbot help, or quit to leave.")
        self._lines = self._read_lines()
        await self._drain()  # what came while no session was open
        watcher = asyncio.create_task(self._watch_inbox(), name="console inbox")
        try:
            while True:
                line = await self._line("you> ")
                if not line:
                    continue
                if line.lower() in QUIT_WORDS:
                    return
                await self.handle(line)
                self.show_arrived()
        except EndOfInput:
            return
        finally:
            watcher.cancel()
            await self.core.settle()
            await self._drain(everyone=True)
