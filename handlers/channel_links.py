"""A channel as people copy it: its link (Slack's "Copy link", Teams' "Get link to channel"),
or a Teams id as that link writes it, read as the channel's id. Shared by the settings and the
announcement form."""

from __future__ import annotations

import re
from urllib.parse import unquote

from handlers.people import CHANNEL_SHAPES

LINKS = {
    # A Slack channel's "Copy link": https://acme.slack.com/archives/C0123ABCD
    "slack": re.compile(r"\.slack\.com/archives/([^/?#\s]+)", re.IGNORECASE),
    # A Teams channel's "Get link to channel": https://teams.microsoft.com/l/channel/19%3a…%40thread.tacv2/…
    "teams": re.compile(r"teams\.microsoft\.com/l/channel/([^/?#\s]+)", re.IGNORECASE),
}


def linked_channel(text: str, platform: str | None = None) -> str | None:
    """The channel id `text` gives on `platform` (None: either): the channel's link, a Teams id
    as its link writes it (19%3a…%40thread.tacv2) or the id itself; None when it is none of
    these."""
    for name, link in LINKS.items():
        if platform in (None, name):
            found = link.search(text)
            channel_id = unquote(found.group(1) if found else text.strip())
            if CHANNEL_SHAPES[name].match(channel_id):
                return channel_id
    return None
