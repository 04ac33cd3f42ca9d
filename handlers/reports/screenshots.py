"""The screenshots the bot keeps for the team: a picture pasted into a Teams chat, or sent to
the bot in a Slack DM, opens only for the bot, so the bot fetches it and keeps a copy the
managers open by an unguessable link (review12c R1). The platforms fetch; this keeps."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from sqlite_utils import Database

# The largest file kept: a phone's full-screen screenshot is a few MB; the database holds
# every copy, so a video or an archive sent as "evidence" is not.
MAX_BYTES = 8 * 1024 * 1024
# Why the team cannot open a file sent with a report (`Attachment.unseen`), kept as a code that
# each reader reads in their own language (handlers/reports/views.py `_why_unseen`); NOT_KEPT
# is followed by what the platform answered (": Slack answered HTTP 403"), for the managers.
TOO_LARGE = "too_large"
NO_ADDRESS = "no_address"
NOT_KEPT = "not_kept"


@dataclass(frozen=True)
class Screenshot:
    """A kept file: its name, its type and its bytes."""

    name: str
    content_type: str
    data: bytes


class Screenshots:
    """The `report_screenshots` table (created by the reports' migrations)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def keep(self, platform: str, user_id: str, screenshot: Screenshot) -> str:
        """Keep `screenshot`, sent by the person; the token of its link."""
        token = secrets.token_urlsafe(24)
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO report_screenshots"
                " (token, platform, user_id, name, content_type, data, kept_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    token,
                    platform,
                    user_id,
                    screenshot.name,
                    screenshot.content_type,
                    screenshot.data,
                    time.time(),
                ],
            )
        return token

    def opened(self, token: str) -> Screenshot | None:
        """The screenshot kept under `token`; None for a token nobody was given (or one
        whose sender asked to be forgotten)."""
        row = self.db.execute(
            "SELECT name, content_type, data FROM report_screenshots WHERE token = ?", [token]
        ).fetchone()
        return Screenshot(str(row[0]), str(row[1]), bytes(row[2])) if row else None
