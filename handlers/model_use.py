"""Whose request a model call serves: the core says so around a person's question or check, and
the model's client keeps each person to a budget of calls. Digests, announcements and the
command line are the bot's own: no person's budget."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from handlers.people import Person

_ASKER: ContextVar[str | None] = ContextVar("model_asker", default=None)


@contextmanager
def asked_by(person: Person) -> Iterator[None]:
    """Count the model calls made within it against `person`'s budget."""
    token = _ASKER.set(f"{person.platform}:{person.user_id}")
    try:
        yield
    finally:
        _ASKER.reset(token)


def asker() -> str | None:
    """The person (`platform:user id`) the model call being made is for; None for the bot's own."""
    return _ASKER.get()
