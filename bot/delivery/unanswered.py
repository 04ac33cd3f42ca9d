"""Messages being answered: each noted as it arrives, in the transaction that marks it seen (so
that the platform's retry is skipped), and forgotten when its answer is queued (in the same
transaction: a Slack answer, a Teams answer Teams refused for now) or sent. What a kill (OOM,
SIGKILL, a node drained past its grace) leaves is told at the next start, in the person's
language, to ask again, where its answer would have gone: a queued answer and "please ask it
again" never both (review15b K1, review16b R5). A Teams answer sent inside its turn is marked
`ANSWERING` before it goes: a kill while it goes, or after, tells "if my answer has not reached
you, please ask again" (a line for an answer maybe had, never a silent loss). What was asked
decides the words: a question, a button pressed, a form sent (Teams' buttons and dialogs, whose
turn finishes after Teams was told "Still working on it"). Who asked and where is kept, not what
they asked."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot import storage
from bot.delivery.engine import DeliveryEngine
from handlers.texts import text_for
from handlers.views import Message

log = logging.getLogger(__name__)

migrations = Migrations("unanswered")
TABLE = "unanswered"
# A message older than this when the bot starts again is not asked again: after a long outage
# "please ask it again" days later answers nothing its asker still waits for (review16b R11).
ASK_AGAIN_WITHIN = 24 * 3600.0
# What was asked, each told in its own words at the next start (handlers/texts.py).
QUESTION = "question"
BUTTON = "button"  # a button whose work a kill cut short: pressed again if nothing changed
FORM = "form"  # a form sent whose saving a kill cut short: its content is not kept
ANSWERING = "answering"  # its answer was being sent: it may have arrived
_WORDS = {
    QUESTION: "restarted",
    BUTTON: "restarted_button",
    FORM: "restarted_form",
    ANSWERING: "restarted_answering",
}


@migrations()
def create_unanswered(db: Database) -> None:
    """The messages whose answer is being worked out."""
    db.table(TABLE).create(
        {
            "platform": str,
            "recipient": str,
            "purpose": str,
            "key": str,
            "user_id": str,
            "thread": str,
            "asked_at": float,
        },
        pk=("platform", "purpose", "key"),
    )


@migrations()
def add_kind(db: Database) -> None:
    """What was asked: a question, a button pressed, a form sent, or an answer being sent."""
    db.table(TABLE).add_column("kind", str, not_null_default=QUESTION)


@dataclass(frozen=True)
class Asked:
    """A message being answered: its answer goes to `recipient` under (`purpose`, `key`) in the
    ledger, in the reply thread `thread` where there is one; `user_id` asked; `kind`: what."""

    platform: str
    recipient: str
    purpose: str
    key: str
    user_id: str
    thread: str = ""
    kind: str = QUESTION


class Unanswered:
    """The messages being answered, in the bot's database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # Messages whose handling ended but whose note a full disk or a held lock kept: forgotten
        # at the next chance, so that a start does not ask again what was answered (review16b R8).
        self._still_noted: set[Asked] = set()

    def note(self, asked: Asked) -> None:
        """Note `asked` (in the caller's transaction, beside the seen event's mark)."""
        self.db.execute(
            f"INSERT OR IGNORE INTO {TABLE} (platform, recipient, purpose, key, user_id, thread,"
            " kind, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                asked.platform,
                asked.recipient,
                asked.purpose,
                asked.key,
                asked.user_id,
                asked.thread,
                asked.kind,
                time.time(),
            ],
        )

    def note_alone(self, asked: Asked) -> None:
        """Note `asked` in a transaction of its own; where a full disk or a held lock keeps it
        from being noted, a kill while it is handled goes untold, as it did before notes."""
        try:
            with self.db.atomic():
                self.note(asked)
        except sqlite3.OperationalError as error:
            if storage.unsaved(error) is None:
                raise
            log.warning("could not note what is being answered: %s", error)

    def answering(self, asked: Asked) -> None:
        """Mark `asked`, if noted, as having its answer sent now, before it goes: a kill from
        here on tells its asker "if my answer has not reached you, please ask again". Where a
        full disk or a held lock keeps it unmarked, a kill tells them to ask again, as before."""
        try:
            with self.db.atomic():
                self.db.execute(
                    f"UPDATE {TABLE} SET kind = ? WHERE platform = ? AND purpose = ? AND key = ?",
                    [ANSWERING, asked.platform, asked.purpose, asked.key],
                )
        except sqlite3.OperationalError as error:
            if storage.unsaved(error) is None:
                raise
            log.warning("an answer being sent could not be marked so: %s", error)

    def answered(self, platform: str, purpose: str, key: str) -> None:
        """Forget the message answered under (`purpose`, `key`) (in the answer's transaction)."""
        self.db.execute(
            f"DELETE FROM {TABLE} WHERE platform = ? AND purpose = ? AND key = ?",
            [platform, purpose, key],
        )

    def done_with(self, asked: Asked | None) -> None:
        """Forget `asked`, whose handling ended without its answer queued beside (a turn
        answered in its request, a refusal, a thread reply, a failure logged, an answer posted
        past a full queue); where it cannot be forgotten now (a full disk, a lock held), it is
        at the next message done with or at a stop (`forget_done`)."""
        if asked is not None:
            self._still_noted.add(asked)
        self.forget_done()

    def forget_done(self) -> None:
        """Forget the messages done with that could not be forgotten yet; those a full disk or
        a held lock still keeps are asked again at the next start, unless a later try forgets
        them."""
        if not self._still_noted:
            return
        try:
            with self.db.atomic():
                for asked in self._still_noted:
                    self.answered(asked.platform, asked.purpose, asked.key)
        except sqlite3.OperationalError as error:
            if storage.unsaved(error) is None:
                raise
            log.warning(
                "%d messages answered are still noted as being answered: %s",
                len(self._still_noted),
                error,
            )
            return
        self._still_noted.clear()

    def left(self) -> list[Asked]:
        """The messages whose answering a stop cut short, oldest first."""
        rows = self.db.execute(
            f"SELECT platform, recipient, purpose, key, user_id, thread, kind FROM {TABLE}"
            " ORDER BY asked_at"
        ).fetchall()
        return [Asked(*row) for row in rows]

    def tell_to_ask_again(
        self, engine: DeliveryEngine, language_of: Callable[[str, str], str]
    ) -> int:
        """Queue to each message left unanswered "I was restarted …; please ask it again" (or
        press, or send the form, again; or ask again if the answer has not arrived), in its
        asker's language (`language_of(platform, user_id)`), under its answer's key, and forget
        it; return how many. One asked more than ASK_AGAIN_WITHIN ago is forgotten untold."""
        with self.db.atomic():
            stale = self.db.execute(
                f"DELETE FROM {TABLE} WHERE asked_at < ?", [time.time() - ASK_AGAIN_WITHIN]
            ).rowcount
        if stale:
            log.warning(
                "%d messages a stop cut short more than a day ago are not asked again", stale
            )
        told = 0
        for asked in self.left():
            words = text_for(
                _WORDS.get(asked.kind, _WORDS[QUESTION]),
                language_of(asked.platform, asked.user_id),
            )
            try:
                payload = engine.draw(asked.platform, Message(words))
            except ValueError:  # a platform no longer configured: nobody to tell there
                payload = None
            if asked.thread and payload is not None:
                payload = {**payload, "thread_ts": asked.thread}
            with self.db.atomic():
                if payload is not None:
                    engine.enqueue_drawn(
                        asked.platform, asked.recipient, asked.purpose, asked.key, payload
                    )
                    told += 1
                self.answered(asked.platform, asked.purpose, asked.key)
        if told:
            log.warning(
                "a stop cut short the answers to %d messages: their askers are asked to ask again",
                told,
            )
        return told
