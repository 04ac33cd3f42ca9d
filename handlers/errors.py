"""Expected failures, each carrying words meant for the person who caused them."""

from __future__ import annotations

import sqlite3


class UserError(Exception):
    """A request the bot cannot do as asked; the message says why and what to do instead."""


class NotAllowed(UserError):
    """The person lacks the role the request needs."""


class FormErrors(UserError):
    """A submitted form has mistakes; `errors` maps an input's name to what is wrong with it."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def database_locked(error: BaseException) -> bool:
    """Whether `error` is SQLite's "database is locked": another process (a backup script, a
    database browser with unsaved edits) held the write lock past the busy timeout."""
    return isinstance(error, sqlite3.OperationalError) and "locked" in str(error).lower()
