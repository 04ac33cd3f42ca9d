"""A chat session on a text stream: slash commands as in Slack, anything else is a message."""

from __future__ import annotations

import asyncio
import threading
from typing import TextIO

from bot.console.render import render
from bot.errors import reply_for_error
from handlers.core import Core
from handlers.people import Person, Role

QUIT_WORDS = {"/quit", "/exit", "quit", "exit"}


class ConsoleSession:
    """Reads lines until end of input (or `quit`) and prints the bot's replies."""

    def __init__(
        self, core: Core, stdin: TextIO, stdout: TextIO, user_id: str, manager: bool = False
    ) -> None:
        self.core = core
        self.stdin = stdin
        self.stdout = stdout
        person = core.person("console", user_id, user_id)
        roles = person.roles | {Role.MANAGER} if manager else person.roles
        self.person = Person("console", user_id, user_id, frozenset(roles))

    @property
    def interactive(self) -> bool:
        """Whether a person is typing (show prompts) rather than a script."""
        return self.stdin.isatty()

    def _print(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    async def answer(self, line: str) -> str:
        """The bot's reply to one line, as text."""
        try:
            if line.startswith("/"):
                name, _, rest = line.partition(" ")
                reply = await self.core.command(name, self.person, rest)
            else:
                reply = await self.core.message(self.person, line)
        except Exception as error:
            reply = reply_for_error(error, "console")
        return render(reply)

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
        lines = self._read_lines()
        while True:
            if self.interactive:
                self.stdout.write("you> ")
                self.stdout.flush()
            line = await lines.get()
            if not line:
                return
            line = line.strip()
            if not line:
                continue
            if line.lower() in QUIT_WORDS:
                return
            self._print(await self.answer(line))
