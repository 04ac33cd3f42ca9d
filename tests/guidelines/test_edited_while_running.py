"""A guidelines file edited while the bot runs is read and embedded again at the next question
or check in a worker thread: the bot answers everyone else meanwhile."""

from __future__ import annotations

import asyncio
import errno
import os
import threading
import time
from pathlib import Path
from typing import Any

from tests.fakes.slack_requests import post_form, slash, wait_for_call
from tests.fakes.slack_web_api import FakeSlack

TINY_MODEL = Path(__file__).parent / "models" / "tiny-e5.bin"
BEFORE = "# Rules\n\n## Pets\n\nDogs are welcome in the office on Fridays.\n"
AFTER = "# Rules\n\n## Drones\n\nNever fly a drone over the office or the car park.\n"
DRAFT = "Flying my drone over the office car park this afternoon, what a view!"
DRAFT_SECTION = "Drones"
# Only when the bot reads the file on its event loop: the pipe is then fed by a thread, so the
# test fails instead of hanging.
RESCUE_SECONDS = 30


class Pipe:
    """The writing end of the named pipe standing for the guidelines file: fed and closed
    once, by the test or by the rescue."""

    def __init__(self, fifo: Path) -> None:
        self.fifo = fifo
        self.end: int | None = None
        self._feeding = threading.Lock()
        self._fed = False

    def opened(self) -> bool:
        """Whether someone reads the pipe (the writing end is then held open)."""
        if self.end is None:
            try:
                self.end = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as error:
                if error.errno != errno.ENXIO:  # ENXIO: nobody reads it yet
                    raise
        return self.end is not None

    def feed(self) -> None:
        """Write the edited guidelines and close the pipe (once someone reads it)."""
        with self._feeding:
            while not self._fed and not self.opened():
                time.sleep(0.05)
            if not self._fed and self.end is not None:
                os.write(self.end, AFTER.encode())
                os.close(self.end)
                self._fed = True


def rescuer(pipe: Pipe, stand_down: threading.Event, rescued: threading.Event) -> None:
    """Start a thread that feeds `pipe` after RESCUE_SECONDS unless told to stand down."""

    def rescue() -> None:
        if stand_down.wait(RESCUE_SECONDS):
            return
        rescued.set()
        pipe.feed()

    threading.Thread(target=rescue, daemon=True).start()


async def test_an_edited_file_is_read_and_embedded_while_the_bot_answers_others(
    make_slack_bot: Any, slack: FakeSlack, tmp_path: Path
) -> None:
    guidelines = tmp_path / "guidelines.md"
    guidelines.write_text(BEFORE, encoding="utf-8")
    bot = await make_slack_bot(guidelines=guidelines, embedding_model=str(TINY_MODEL))
    asked_first = slash("/guidelines", "Are dogs welcome in the office?")
    first = await (await post_form(bot, asked_first)).json()
    assert "Dogs are welcome" in first["text"]

    # The edit: a file that takes as long to read as this test wants (a named pipe).
    guidelines.unlink()
    os.mkfifo(guidelines)
    pipe = Pipe(guidelines)
    stand_down, rescued = threading.Event(), threading.Event()
    rescuer(pipe, stand_down, rescued)
    late = slack.url + "respond"  # where answers slower than the acknowledgement go
    question = slash("/guidelines", "Can I fly a drone over the car park?", response_url=late)
    asked = asyncio.ensure_future(post_form(bot, question))
    while not pipe.opened():  # until the question's reading has begun
        assert not rescued.is_set(), "the bot read the guidelines on its event loop"
        await asyncio.sleep(0.01)
    assert not rescued.is_set(), "the bot read the guidelines on its event loop"
    edited = tmp_path / "edited.md"
    edited.write_text(AFTER, encoding="utf-8")
    edited.replace(guidelines)  # the pipe's reader has it open: later reads find the file

    # The reading waits for the pipe; the bot answers someone else meanwhile, and a draft
    # checked now is acknowledged, then checked against the guidelines once they are read.
    try:
        helped = await (await post_form(bot, slash("/socialbot", "help", user="W222"))).json()
        assert helped["blocks"][0]["text"]["text"] == "socialbot help"
        check = slash("/check-post", DRAFT, user="W333", response_url=late)
        checking = await (await post_form(bot, check)).json()
        assert not rescued.is_set(), "the bot read the guidelines on its event loop"
        assert checking["text"] == "Working on it…"
    finally:  # whatever happened, the reading thread ends
        stand_down.set()
        pipe.feed()

    reply = await (await asked).json()
    late_answers = await wait_for_call(
        slack, "respond", 2 if reply["text"] == "Working on it…" else 1
    )
    answers = [reply, *late_answers]  # the question's (at once or late), then the check's
    assert any("Never fly a drone" in answer["text"] for answer in answers), answers
    (checked,) = [answer for answer in answers if "before you post" in answer["text"]]
    assert f"Source: _{DRAFT_SECTION}_" in str(checked["blocks"])  # the edited guidelines'
