"""Share buttons and the clicks on them, the same for digest items and announcements."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from content_feed.compose import Network, SuggestedPost
from handlers import actions
from handlers.people import Person
from handlers.views import Actions, Button

LABELS = {
    Network.LINKEDIN: "Share on LinkedIn",
    Network.X: "Share on X",
    Network.FACEBOOK: "Share on Facebook",
}

migrations = Migrations("shares")


@migrations()
def create_share_clicks(db: Database) -> None:
    """One row per click on a share button."""
    db.table("share_clicks").create(
        {"id": int, "platform": str, "user_id": str, "subject": str, "network": str, "at": float},
        pk="id",
    )
    db.table("share_clicks").create_index(["subject", "network"])


def share_buttons(subject: str, posts: Mapping[Network, SuggestedPost]) -> Actions:
    """A row of share buttons for `subject` ("item:42", "announcement:7"), one per network.

    Each opens the network's share dialog; the click is recorded where the platform reports it.
    """
    return Actions(
        tuple(
            Button(
                LABELS[network], actions.SHARE, f"{subject}|{network.value}", url=post.share_link
            )
            for network, post in posts.items()
        )
    )


@dataclass(frozen=True)
class ClickCount:
    """How often one subject was shared on one network."""

    subject: str
    network: str
    clicks: int
    people: int


class Shares:
    """Records share clicks and counts them."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def clicked(self, person: Person, value: str) -> None:
        """A share button was pressed (the platform opened the link itself)."""
        subject, _, network = value.rpartition("|")
        if subject and network in {n.value for n in Network}:
            self.db.table("share_clicks").insert(
                {
                    "platform": person.platform,
                    "user_id": person.user_id,
                    "subject": subject,
                    "network": network,
                    "at": time.time(),
                }
            )

    def counts(self, subject_prefix: str = "") -> list[ClickCount]:
        """Clicks and distinct people per subject and network, most clicked first."""
        rows = self.db.execute(
            "SELECT subject, network, COUNT(*), COUNT(DISTINCT platform || ':' || user_id)"
            " FROM share_clicks WHERE subject LIKE ? GROUP BY subject, network"
            " ORDER BY COUNT(*) DESC, subject, network",
            [subject_prefix + "%"],
        ).fetchall()
        return [ClickCount(str(s), str(n), int(c), int(p)) for s, n, c, p in rows]
