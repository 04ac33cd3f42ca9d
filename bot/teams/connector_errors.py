"""What an error from the Bot Connector says: its HTTP status, and how long Teams asks to wait."""

from __future__ import annotations

from msrest.exceptions import HttpOperationError

# When Teams says 429 without a Retry-After header.
DEFAULT_RETRY_AFTER = 1.0


def status(error: object) -> int:
    """The HTTP status the Bot Connector answered with; 0 when it did not answer."""
    if isinstance(error, HttpOperationError) and error.response is not None:
        return int(error.response.status_code)
    return 0


def retry_after(error: HttpOperationError) -> float:
    """The seconds Teams asks the bot to wait (its Retry-After header), or a second."""
    header = error.response.headers.get("Retry-After") if error.response is not None else None
    try:
        return max(float(header), 0.0) if header else DEFAULT_RETRY_AFTER
    except ValueError:
        return DEFAULT_RETRY_AFTER  # an HTTP date: rare from Teams, and one second is safe
