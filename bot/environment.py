"""Environment values as the deployer meant them: shared by the settings and by the image's
health check, which runs every 30 s and so imports nothing heavy (no pydantic, no handlers)."""

from __future__ import annotations

import re

QUOTES = ('"', "'")
# Where the bot listens when PORT is not set (or set empty, as a `.env` from .env.example has it).
DEFAULT_PORT = 3978
DEFAULT_HOST = "0.0.0.0"


# What an env file's reader (Compose's, the `.env` reader's) takes for a comment after an
# unquoted value: a `#` with a space before it (`Fjordtech # firmanavn`), not one inside a word
# (`C#`, a link's `#fragment`) or a value's first character (`#general`). A value from the
# process environment keeps it: there it may be a list's next item (`Fjordtech, #LifeAtFjordtech`).
INLINE_COMMENT = re.compile(r"\s+#.*\Z", re.DOTALL)


def _quoted(text: str) -> bool:
    return len(text) >= 2 and text[0] == text[-1] and text[0] in QUOTES


def tidy_value(value: object) -> object:
    """A value as the deployer meant it: without surrounding spaces or one pair of quotes around
    it, which `docker run --env-file` and `kubectl --from-env-file` pass on as written."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if _quoted(text):
        text = text[1:-1].strip()
    return text


# The paths the bot serves Slack and Teams at: no part of its base address.
ENDPOINTS = ("/slack/events", "/api/messages")


def without_endpoint(url: str) -> tuple[str, str]:
    """`url` without an endpoint path it ends with (a copy of Slack's Request URL or the Azure
    Bot's Messaging endpoint), and that path ("" when it ends with none)."""
    trimmed = url.rstrip("/")
    found = next((path for path in ENDPOINTS if trimmed.endswith(path)), "")
    return (trimmed.removesuffix(found) if found else url), found
