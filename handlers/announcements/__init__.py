"""Manager announcements with suggested posts (issue 7): `/announce`, its preview, the clock
that sends scheduled ones, the announcer's report, and what the digest may offer again."""

from __future__ import annotations

from handlers.announcements.service import Announcements
from handlers.announcements.shareable import ShareableAnnouncement, shareable_announcements
from handlers.announcements.store import migrations

__all__ = ["Announcements", "ShareableAnnouncement", "migrations", "shareable_announcements"]
