"""A Teams channel as people copy it: the link "Get link to channel" gives, or the id as that
link writes it, read as the channel's id. Shared by the settings and the announcement form."""

from __future__ import annotations

import re
from urllib.parse import unquote

from handlers.people import CHANNEL_SHAPES

# A channel's "Get link to channel": https://teams.microsoft.com/l/channel/19%3a…%40thread.tacv2/…
_CHANNEL_LINK = re.compile(r"teams\.microsoft\.com/l/channel/([^/?#\s]+)", re.IGNORECASE)


def linked_channel(text: str) -> str | None:
    """The Teams channel id (19:…@thread.tacv2) `text` gives: the channel's link, the id as the
    link writes it (19%3a…%40thread.tacv2) or the id itself; None when it is none of these."""
    link = _CHANNEL_LINK.search(text)
    channel_id = unquote(link.group(1) if link else text.strip())
    return channel_id if CHANNEL_SHAPES["teams"].match(channel_id) else None
