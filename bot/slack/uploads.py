"""Pictures the bot uploaded to Slack for the App Home, by their bytes, and the App Home that
shows them.

An image block shows an uploaded file by its id (`slack_file`); Slack's docs say only that the
app posting the blocks must have access to the file. Whether a viewer's client shows a file
shared only in somebody else's conversation is not documented, so the Home never shows the
upload of a message (the weekly insights shared in one manager's DM, say): each picture is
uploaded once for the Home, shared nowhere, and every manager's Home shows that same file.
The Home is published at once without a picture Slack has not got, and again once it is
uploaded. An upload is finished by Slack after `files.completeUploadExternal` answers: until
then a block naming the file is refused, and the Home is published again a moment later. A
file someone deleted is refused for good: the picture is uploaded again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.slack import blocks
from handlers.views import Image, Message

log = logging.getLogger(__name__)

migrations = Migrations("slack_uploads")

KEPT_SECONDS = 30 * 24 * 3600  # the Home's chart is a week old at most: a month is plenty
PUBLISH_WAITS = (1.0, 3.0)  # seconds before publishing again while Slack finishes an upload
HOME_TITLE = "App Home"  # what the uploads for the Home are recorded as


@migrations()
def create_uploads(db: Database) -> None:
    """The file id of each picture uploaded, by the SHA-256 of its bytes."""
    db.table("slack_uploads").create(
        {"sha256": str, "file_id": str, "title": str, "uploaded_at": float}, pk="sha256"
    )


@migrations()
def forget_shared_uploads(db: Database) -> None:
    """Forget the uploads of messages recorded before the Home uploaded its own."""
    db.execute("DELETE FROM slack_uploads WHERE title != ?", [HOME_TITLE])


def _digest(png: bytes) -> str:
    return hashlib.sha256(png).hexdigest()


def record(db: Database, png: bytes, file_id: str) -> None:
    """Remember that `png` is uploaded for the Home as `file_id`; forget uploads older than a
    month."""
    now = time.time()
    with db.atomic():
        db.execute(
            "INSERT OR REPLACE INTO slack_uploads VALUES (?, ?, ?, ?)",
            [_digest(png), file_id, HOME_TITLE, now],
        )
        db.execute("DELETE FROM slack_uploads WHERE uploaded_at < ?", [now - KEPT_SECONDS])


def file_for(db: Database, png: bytes) -> str | None:
    """The id of the uploaded file with these bytes, if any."""
    row = db.execute(
        "SELECT file_id FROM slack_uploads WHERE sha256 = ?", [_digest(png)]
    ).fetchone()
    return str(row[0]) if row else None


class HomePublisher:
    """views.publish of an App Home whose pictures are files uploaded for it."""

    def __init__(self, db: Database, client: AsyncWebClient) -> None:
        self.db = db
        self.client = client
        self._uploading = asyncio.Lock()  # two managers opening at once: one upload
        # A digest of the Home each person was last shown (32 bytes a person, not the Home).
        self._shown: dict[str, bytes] = {}

    async def publish(self, user_id: str, home: Message, changed_only: bool = False) -> None:
        """Publish the Home (`changed_only`: unless it is the one the person was last shown);
        a picture Slack has not got (or no longer has: someone deleted the file) is left out at
        first, uploaded (shared nowhere), then published with it."""
        shown = hashlib.sha256(repr(home).encode()).digest()
        if changed_only and self._shown.get(user_id) == shown:
            return
        # Remembered once Slack took it: one it refused is published at the next refresh.
        if not self._missing(home) and await self._published(user_id, home, ()):
            self._shown[user_id] = shown
            return
        self._forget(home)
        await self.client.views_publish(user_id=user_id, view=self._view(home))
        self._shown[user_id] = shown
        if not await self._upload_missing(home):
            return
        if not await self._published(user_id, home, PUBLISH_WAITS):
            log.warning("Slack refused the App Home's picture; published without it")

    async def _published(self, user_id: str, home: Message, waits: tuple[float, ...]) -> bool:
        """views.publish with the pictures; False when Slack refuses a file even after
        `waits` (the seconds Slack may need to finish an upload)."""
        for wait in (*waits, None):
            try:
                await self.client.views_publish(user_id=user_id, view=self._view(home))
                return True
            except SlackApiError as error:
                if not _file_refused(error.response.data):
                    raise
            if wait is not None:
                await asyncio.sleep(wait)
        return False

    def _missing(self, home: Message) -> list[Image]:
        """The Home's pictures not uploaded yet."""
        return [
            block
            for block in home.as_blocks()
            if isinstance(block, Image) and file_for(self.db, block.png) is None
        ]

    async def _upload_missing(self, home: Message) -> bool:
        """Upload each picture not uploaded yet; whether all are there now. A picture that
        cannot be uploaded (no `files:write` scope, Slack unreachable) is logged and left out
        of the Home."""
        async with self._uploading:  # whoever waited finds the picture uploaded
            for image in self._missing(home):
                try:
                    await self._upload(image)
                except Exception as error:
                    data = error.response.data if isinstance(error, SlackApiError) else None
                    code = data.get("error") if isinstance(data, dict) else type(error).__name__
                    log.warning("could not upload the App Home's picture", extra={"error": code})
                    return False
        return True

    def _view(self, home: Message) -> dict[str, Any]:
        return blocks.home(home, lambda png: file_for(self.db, png))

    async def _upload(self, image: Image) -> None:
        response = await self.client.files_upload_v2(
            file=image.png,
            filename="chart.png",
            title="Chart for the App Home",
            alt_txt=image.alt[: blocks.ALT_LIMIT],
        )
        record(self.db, image.png, str(response["file"]["id"]))

    def _forget(self, home: Message) -> None:
        with self.db.atomic():
            for block in home.as_blocks():
                if isinstance(block, Image):
                    self.db.execute(
                        "DELETE FROM slack_uploads WHERE sha256 = ?", [_digest(block.png)]
                    )


def _file_refused(data: Any) -> bool:
    """Whether Slack refused the blocks for the file an image block names."""
    if not isinstance(data, dict) or data.get("error") != "invalid_blocks":
        return False
    return any("slack_file" in str(error) for error in data.get("errors") or ())
