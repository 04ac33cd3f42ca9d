"""A stop (SIGTERM, SIGINT) that comes while `socialbot run` is still starting: before the bot's
event loop listens for it, the process would end at once with no word (SIGTERM), or, as PID 1
of a container, ignore it until `docker stop` gives up and kills it (review12b D9). Noted from
the first moment instead, and honoured as soon as the loop listens: a clean stop."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGTERM, signal.SIGINT)
_asked: list[int] = []
_noting: list[bool] = []  # [True] inside `noted_early`


def _note(signum: int, frame: FrameType | None) -> None:
    _asked.append(signum)


@contextmanager
def noted_early() -> Iterator[None]:
    """Meanwhile, a stop signal is noted rather than obeyed at once (the loop's handlers,
    installed later, take over); the handlers from before are put back at the end."""
    before = {signum: signal.getsignal(signum) for signum in SIGNALS}
    _asked.clear()
    for signum in SIGNALS:
        signal.signal(signum, _note)
    _noting.append(True)
    try:
        yield
    finally:
        _noting.clear()
        for signum, handler in before.items():
            signal.signal(signum, handler)


def noted_again() -> None:
    """Inside `noted_early`, once the loop's handlers are gone (its shutdown done): a stop
    signal is noted, not obeyed, until the process ends, so that a second SIGTERM cannot end
    it before it has closed what it opened. Elsewhere (the loop run by anything but `socialbot
    run`) nothing changes."""
    if _noting:
        for signum in SIGNALS:
            signal.signal(signum, _note)


def asked_early() -> bool:
    """Whether a stop signal came before the loop listened for it."""
    return bool(_asked)
