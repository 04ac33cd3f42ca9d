"""Stable ids of the announcement command, forms, buttons, fields and deliveries."""

from __future__ import annotations

COMMAND = "announce"

# Forms: the composer, then the preview that confirms, goes back to edit, or discards.
COMPOSE_FORM = "announce_compose"
PREVIEW_FORM = "announce_preview"

# Buttons: an employee's "Not for me"; an announcer's edit and cancel in `/announce list`.
NOT_FOR_ME = "announce_not_for_me"
EDIT = "announce_edit"
CANCEL = "announce_cancel"
# On the announcer's report: queue the channels that refused it again, once the bot is in them.
SEND_AGAIN = "announce_send_again"
# On an announcement held because it was found well past its time: send it now after all.
SEND_LATE = "announce_send_late"

# Delivery purposes: the announcement itself, and the announcer's progress message and report.
PURPOSE = "announcement"
PROGRESS = "announcement-progress"
# The in-place changes of the copies delivered when one going out is edited; the key is
# "<id>#<n>" for its n-th edit.
EDITED = "announcement-edit"
LATE = "announcement-late"  # the announcer asked about an announcement held past its time

# Form fields.
HEADLINE = "headline"
MESSAGE = "message"
LINK = "link"
IMAGE = "image_url"
POST = "post_"  # + the network's name: post_linkedin, post_x, post_facebook
AUDIENCE = "audience"
CHANNELS = "channels"
TIMEZONES = "timezones"
WHEN = "when"
DATE = "date"
TIME = "time"
SHARE = "share"
NEXT = "next"

# Choices of the select fields.
EVERYONE, IN_CHANNELS, IN_TIMEZONES = "everyone", "channels", "timezones"
NOW, LATER, LOCAL = "now", "later", "local"  # LOCAL: at that time in each person's zone
ASK_TO_SHARE = "ask"
CONFIRM, BACK_TO_EDIT, DISCARD = "confirm", "edit", "discard"


def subject(announcement_id: int) -> str:
    """The share-click subject of an announcement."""
    return f"announcement:{announcement_id}"
