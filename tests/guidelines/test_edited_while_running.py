"""A guidelines file edited while the bot runs is read and embedded again at the next question
in a worker thread: the bot answers everyone else meanwhile."""

from __future__ import annotations

import asyncio
import errno
import os
import threading
from pathlib import Path
from typing import Any

from tests.fakes.slack_requests import post_form, slash, wait_for_call
from tests.fakes.slack_web_api import FakeSlack

TINY_MODEL = Path(__file__).parent / "models" / "tiny-e5.bin"
BEFORE = "# Rules\n\n## Pets\n\nDogs are welcome in the office on Fridays.\n"
AFTER = "# Rules\n\n## Drones\n\nNever fly a drone over the office or the car park.\n"
# Only when the bot reads the file on its event loop: the pipe is then fed by a thread, so the
# test fails instead of hanging.
RESCUE_SECONDS = 30


def writer(fifo: Path) -> int | None:
    """The writing end of the named pipe `fifo` once someone opens it to read, else None."""
    try:
        return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ENXIO:  # nobody reads it yet
            return None
        raise


def rescuer(fifo: Path, stand_down: threading.Event, rescued: threading.Event) -> None:
    """Start a thread that feeds `fifo` after RESCUE_SECONDS unless told to stand down."""

    def rescue() -> None:
        if stand_down.wait(RESCUE_SECONDS):
            return
        while (end := writer(fifo)) is None:
            stand_down.wait(0.05)
        rescued.set()
        with os.fdopen(end, "w", encoding="utf-8") as pipe:
            pipe.write(AFTER)

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
    stand_down, rescued = threading.Event(), threading.Event()
    rescuer(guidelines, stand_down, rescued)
    question = slash("/guidelines", "Can I fly a drone over the car park?")
    asked = asyncio.ensure_future(post_form(bot, question))
    while (end := writer(guidelines)) is None:  # until the question's reading has begun
        assert not rescued.is_set(), "the bot read the guidelines on its event loop"
        await asyncio.sleep(0.01)
    assert not rescued.is_set(), "the bot read the guidelines on its event loop"
    edited = tmp_path / "edited.md"
    edited.write_text(AFTER, encoding="utf-8")
    edited.replace(guidelines)  # the pipe's reader has it open: later reads find the file

    # The reading waits for the pipe; the bot answers someone else meanwhile.
    with os.fdopen(end, "w", encoding="utf-8") as pipe:
        try:
            helped = await (await post_form(bot, slash("/socialbot", "help", user="W222"))).json()
            assert helped["blocks"][0]["text"]["text"] == "socialbot help"
        finally:  # whatever happened, the reading thread ends
            stand_down.set()
            pipe.write(AFTER)

    reply = await (await asked).json()
    if reply["text"] == "Working on it…":  # slower than the acknowledgement may wait
        reply = (await wait_for_call(slack, "respond"))[-1]
    assert "Never fly a drone" in reply["text"]
