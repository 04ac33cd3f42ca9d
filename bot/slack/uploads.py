"""Pictures the bot uploaded to Slack, by their bytes, and the App Home that shows them.

An image block shows an uploaded file by its id (`slack_file`); Slack accepts it when the app
that posts the blocks can see the file, which it can for every file it uploaded, shared in a
conversation or not. So the chart the weekly insights shared is the one the managers' App Home
shows, and a chart nobody was sent yet is uploaded once, unshared (no message), for the Home.
An upload is finished by Slack after `files.completeUploadExternal` answers: until then a
block naming the file is refused, and the Home is published again a moment later. A file
someone deleted is refused for good: the picture is uploaded again.
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


@migrations()
def create_uploads(db: Database) -> None:
    """The file id of each picture uploaded, by the SHA-256 of its bytes."""
    db.table("slack_uploads").create(
        {"sha256": str, "file_id": str, "title": str, "uploaded_at": float}, pk="sha256"
    )


def _digest(png: bytes) -> str:
    return hashlib.sha256(png).hexdigest()


def record(db: Database, png: bytes, file_id: str, title: str) -> None:
    """Remember that `png` is uploaded as `file_id`; forget uploads older than a month."""
    now = time.time()
    with db.atomic():
        db.execute(
            "INSERT OR REPLACE INTO slack_uploads VALUES (?, ?, ?, ?)",
            [_digest(png), file_id, title, now],
        )
        db.execute("DELETE FROM slack_uploads WHERE uploaded_at < ?", [now - KEPT_SECONDS])


def file_for(db: Database, png: bytes) -> str | None:
    """The id of the uploaded file with these bytes, if any."""
    row = db.execute(
        "SELECT file_id FROM slack_uploads WHERE sha256 = ?", [_digest(png)]
    ).fetchone()
    return str(row[0]) if row else None


class HomePublisher:
    """views.publish of an App Home whose pictures are uploaded files."""

    def __init__(self, db: Database, client: AsyncWebClient) -> None:
        self.db = db
        self.client = client

    async def publish(self, user_id: str, home: Message) -> None:
        """Upload the Home's pictures Slack has not got yet (shared nowhere), then publish it;
        a picture Slack no longer has (someone deleted the file) is uploaded again."""
        uploaded = await self._upload_missing(home)
        if await self._published(user_id, home, PUBLISH_WAITS if uploaded else ()):
            return
        if not uploaded:
            self._forget(home)
            await self._upload_missing(home)
            if await self._published(user_id, home, PUBLISH_WAITS):
                return
        log.warning("Slack refused the App Home's picture; published without it")
        await self.client.views_publish(user_id=user_id, view=blocks.home(home))

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

    async def _upload_missing(self, home: Message) -> bool:
        """Upload each picture not uploaded yet; whether there was any. A picture Slack
        refuses (no `files:write` scope, say) is left out of the Home, which still goes out."""
        missing = [
            block
            for block in home.as_blocks()
            if isinstance(block, Image) and file_for(self.db, block.png) is None
        ]
        for image in missing:
            try:
                await self._upload(image)
            except SlackApiError as error:
                code = error.response.get("error") if isinstance(error.response.data, dict) else ""
                log.warning("could not upload the App Home's picture", extra={"error": code})
        return bool(missing)

    def _view(self, home: Message) -> dict[str, Any]:
        return blocks.home(home, lambda png: file_for(self.db, png))

    async def _upload(self, image: Image) -> None:
        response = await self.client.files_upload_v2(
            file=image.png,
            filename="chart.png",
            title="Chart for the App Home",
            alt_txt=image.alt[: blocks.ALT_LIMIT],
        )
        record(self.db, image.png, str(response["file"]["id"]), "App Home")

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
