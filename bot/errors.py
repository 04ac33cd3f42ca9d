"""The words a person sees when something fails, and the log line the operator sees."""

from __future__ import annotations

import logging
import secrets

from handlers.errors import UserError
from handlers.views import Context, Message, Text

log = logging.getLogger(__name__)


def reply_for_error(error: BaseException, where: str) -> Message:
    """A friendly reply for `error`; unexpected ones are logged with a correlation id."""
    if isinstance(error, UserError):
        return Message(text=str(error))
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
