"""Share buttons and the clicks on them, the same for digest items and announcements."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from content_feed.compose import NETWORK_NAMES, SHARE_PAGES, Network, SuggestedPost
from handlers import actions
from handlers.errors import UserError
from handlers.people import CHANNEL_SHAPES, Person
from handlers.privacy import is_forgotten, tombstone
from handlers.texts import text_for
from handlers.views import Actions, Button

migrations = Migrations("shares")

# A link that goes through the bot (where the platform does not report the click) stays good
# this long: old digests are opened late, but not forever.
LINK_DAYS = 90
_SIGNATURE_BYTES = 16
# Clicks counted for a conversation rather than a person, as SQL over `share_clicks`: a link
# through the bot on a post in a Teams channel or group chat (as its activity's conversation
# type says), which anyone there may open while Teams does not say who did (an Action.OpenUrl
# reaches no bot). Slack reports who pressed a share button wherever it is.
BY_CONVERSATION = "conversation = 1"
# Past this a click no longer names who made it (the insights read back a year, and some): its
# person's id is replaced by a stand-in, one per person and calendar month, so the counts of
# people in a month stay right.
NAMED_FOR = timedelta(days=400)
# A click's calendar month (UTC), as `at` (seconds since the epoch) falls.
_MONTH = "strftime('%Y-%m', at, 'unixepoch')"
# Where a click may lead: each network's share page, nothing else (no open redirect).
_SHARE_PAGES = {n.value: page for n, page in SHARE_PAGES.items()}


@migrations()
def create_share_clicks(db: Database) -> None:
    """One row per click on a share button (since made one per person, subject and network)."""
    db.table("share_clicks").create(
        {"id": int, "platform": str, "user_id": str, "subject": str, "network": str, "at": float},
        pk="id",
    )
    db.table("share_clicks").create_index(["subject", "network"])


@migrations()
def create_share_link_key(db: Database) -> None:
    """The bot's own secret that signs links through the bot, made once, kept in the database
    so that links sent before a restart (or a restore) still work."""
    db.table("share_link_key").create({"id": int, "key": str}, pk="id")
    db.table("share_link_key").insert({"id": 1, "key": secrets.token_hex(32)})


@migrations()
def one_click_per_person_subject_and_network(db: Database) -> None:
    """A share is counted once per person, subject and network: a link opened again (a
    forwarded copy, a script, someone topping the leaderboard) still leads to the network but
    adds no row. Repeats recorded before are dropped, the first click kept."""
    db.execute(
        "DELETE FROM share_clicks WHERE id NOT IN (SELECT MIN(id) FROM share_clicks"
        " GROUP BY subject, network, platform, user_id)"
    )
    db.execute("DROP INDEX IF EXISTS idx_share_clicks_subject_network")
    db.execute(
        "CREATE UNIQUE INDEX share_clicks_once"
        " ON share_clicks (subject, network, platform, user_id)"
    )


@migrations()
def clicks_of_conversations_marked(db: Database) -> None:
    """A click counted for a conversation is marked so, as the bot knew when it made the link,
    no longer told by the shape of its id; clicks stored before were counted by that shape
    (Teams channel and group chat ids, "19:…") and are marked by it."""
    db.execute("ALTER TABLE share_clicks ADD COLUMN conversation INTEGER NOT NULL DEFAULT 0")
    db.execute(
        "UPDATE share_clicks SET conversation = 1 WHERE platform = 'teams' AND user_id LIKE '19:%'"
    )


class BadShareLink(UserError):
    """A link through the bot that was altered, forged, cut short or is too old."""


def share_buttons(
    subject: str, posts: Mapping[Network, SuggestedPost], language: str = "en"
) -> Actions:
    """A row of share buttons for `subject` ("item:42", "announcement:7"), one per network,
    labelled in `language`.

    Each opens the network's share dialog; the click is recorded where the platform reports it.
    """
    return Actions(
        tuple(
            Button(
                text_for("share_on", language, network=NETWORK_NAMES[network]),
                actions.SHARE,
                f"{subject}|{network.value}",
                url=post.share_link,
            )
            for network, post in posts.items()
            if post.share_link  # None: the article's link is too long for a button
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

    def link_token(
        self, platform: str, user_id: str, value: str, target: str, conversation: bool = False
    ) -> str:
        """A signed token naming who (`user_id`: a person, or a `conversation` anyone in may
        open it), what (`value`, "<subject>|<network>") and where to (`target`, the network's
        share page), for a link through the bot."""
        issued = int(time.time())
        body = json.dumps([platform, user_id, value, target, issued, conversation]).encode()
        return f"{_b64(body)}.{_b64(self._sign(body))}"

    async def opened(self, token: str) -> str:
        """Record the click a link's `token` stands for; the share page to go on to."""
        body, _, signature = token.partition(".")
        try:
            payload = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            given = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
        except ValueError as error:
            raise BadShareLink("This share link is damaged.") from error
        if not hmac.compare_digest(given, self._sign(payload)):
            raise BadShareLink("This share link is not one the bot made, or it was changed.")
        platform, user_id, value, target, issued, *rest = json.loads(payload)
        # A link made before the token said so names a conversation by its id's shape.
        shape = CHANNEL_SHAPES.get(str(platform))
        conversation = bool(rest[0]) if rest else bool(shape and shape.match(str(user_id)))
        network = str(value).rpartition("|")[2]
        if not str(target).startswith(_SHARE_PAGES.get(network, "\0")):
            raise BadShareLink("This share link does not lead to a share page.")
        if time.time() - float(issued) > LINK_DAYS * 86400:
            raise BadShareLink(
                f"This share link is more than {LINK_DAYS} days old. Share from a newer digest"
                " or announcement."
            )
        await self.clicked(Person(str(platform), str(user_id)), str(value), conversation)
        return str(target)

    def signature(self, text: str) -> str:
        """`text` (a chat button's data, which the client sends back) signed with the same key
        as the links, never with a share link's signature (those sign JSON, this "button\0…")."""
        return _b64(self._sign(b"button\0" + text.encode()))

    def _sign(self, body: bytes) -> bytes:
        row = self.db.execute("SELECT key FROM share_link_key WHERE id = 1").fetchone()
        return hmac.digest(bytes.fromhex(row[0]), body, hashlib.sha256)[:_SIGNATURE_BYTES]

    async def clicked(self, person: Person, value: str, conversation: bool = False) -> None:
        """A share button was pressed (the platform opened the link itself): counted the first
        time this person (or `conversation`, whose id `person` holds) presses it for this
        subject and network."""
        subject, _, network = value.rpartition("|")
        if subject and network in {n.value for n in Network}:
            self.db.table("share_clicks").insert(
                {
                    "platform": person.platform,
                    "user_id": person.user_id,
                    "subject": subject,
                    "network": network,
                    "at": time.time(),
                    "conversation": int(conversation),
                },
                ignore=True,
            )

    async def unname_old(self, now: datetime) -> None:
        """Put a stand-in in place of the person on the clicks of each calendar month that
        ended longer than NAMED_FOR ago (looked at once a day), as `socialbot forget` does on
        all of a person's: a whole month at once, one stand-in per person in it, so a month's
        figures count each person once however the days fell (review13c R3: a stand-in per
        day made one person many), and no stand-in of one month leads to another's."""
        aged = (now - NAMED_FOR).astimezone(UTC)
        before = datetime(aged.year, aged.month, 1, tzinfo=UTC).timestamp()
        with self.db.atomic():
            people = self.db.execute(
                f"SELECT DISTINCT {_MONTH}, platform, user_id FROM share_clicks"
                f" WHERE at < ? AND NOT {BY_CONVERSATION}",
                [before],
            ).fetchall()
            for month, platform, user_id in people:
                if not is_forgotten(user_id):
                    self.db.execute(
                        "UPDATE share_clicks SET user_id = ?"
                        f" WHERE platform = ? AND user_id = ? AND at < ? AND {_MONTH} = ?",
                        [tombstone(), platform, user_id, before, month],
                    )

    def counts(self, subject_prefix: str = "") -> list[ClickCount]:
        """Clicks and distinct people (not conversations) per subject and network, most
        clicked first."""
        rows = self.db.execute(
            "SELECT subject, network, COUNT(*), COUNT(DISTINCT CASE WHEN NOT"
            f" {BY_CONVERSATION} THEN platform || ':' || user_id END)"
            " FROM share_clicks WHERE subject LIKE ? GROUP BY subject, network"
            " ORDER BY COUNT(*) DESC, subject, network",
            [subject_prefix + "%"],
        ).fetchall()
        return [ClickCount(str(s), str(n), int(c), int(p)) for s, n, c, p in rows]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")
