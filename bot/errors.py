"""The words a person sees when something fails, and the log line the operator sees."""

from __future__ import annotations

import logging
import secrets

from bot import storage
from handlers.errors import UserError, database_locked
from handlers.views import Context, Message, Text

log = logging.getLogger(__name__)


def reply_for_error(error: BaseException, where: str) -> Message:
    """A friendly reply for `error`; unexpected ones are logged with a correlation id."""
    if isinstance(error, UserError):
        return Message(text=str(error))
    if storage.is_full(error):  # an operator's matter, and /healthz says so: no traceback
        log.error("could not save: the database or its disk is full", extra={"where": where})
        return Message(text=storage.CANNOT_SAVE)
    if database_locked(error):  # another process holds the write lock: an operator's matter
        log.warning(
            "could not save: %s (another process holds its lock)", error, extra={"where": where}
        )
        return Message(text=storage.CANNOT_SAVE_BUSY)
    reference = secrets.token_hex(4)
    log.error(
        "unexpected error",
        exc_info=(type(error), error, error.__traceback__),
        extra={"where": where, "correlation_id": reference},
    )
    text = "Sorry, something went wrong on my side. The team can look it up"
    return Message(
        text=f"{text} with reference {reference}.",
        blocks=(Text(f"{text}."), Context(f"Reference: `{reference}`")),
    )
