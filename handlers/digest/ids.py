"""Stable ids of the digest's deliveries, buttons, form and fields."""

from __future__ import annotations

PURPOSE = "digest"  # delivery purpose; the key is the person's local date

# Buttons: under each item, in the footer, and in the App Home section.
NOT_FOR_ME = "digest_not_for_me"  # value: the item id
MUTE_WEEK = "digest_mute_week"
UNMUTE = "digest_unmute"  # on the mute's confirmation
CHANGE_TIME = "digest_change_time"
STOP = "digest_stop"
OPEN_PREFERENCES = "digest_open_preferences"

# The preferences form and its fields.
PREFERENCES_FORM = "digest_preferences"
ENABLED = "enabled"
TIME = "time"
ZONE = "zone"  # an IANA time zone name
DAYS = "days"
TOPICS = "topics"
NETWORKS = "networks"
LEADERBOARD = "leaderboard"  # only when SOCIALBOT_LEADERBOARD=true
ON, OFF = "on", "off"
MUTED = "muted"  # the digest's choice while muted: stays muted; On ends the mute

ITEM_PREFIX = "item:"


def subject(item_id: int) -> str:
    """The share-click subject of a feed item."""
    return f"{ITEM_PREFIX}{item_id}"
