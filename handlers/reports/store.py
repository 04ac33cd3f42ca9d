"""The reports' tables: reports, their links and reporters, what managers did, and their cards.

Every write commits before the caller answers anyone, so a receipt always names a stored report.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from content_feed.canonical import KEY_VERSION
from content_feed.text import collapse
from handlers.privacy import FORGOTTEN_NAME
from handlers.reports import ids, triage
from handlers.reports.links import keys
from handlers.reports.model import (
    OPEN_STATUSES,
    Event,
    Outcome,
    Reopening,
    Report,
    Reporter,
    Status,
    Urgency,
    files_json,
    files_of,
)

migrations = Migrations("reports")


@migrations()
def create_report_tables(db: Database) -> None:
    """Reports, their links, reporters, events and the cards sent about them."""
    db.execute(
        """CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            where_seen TEXT NOT NULL,
            urgency TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new',
            assignee TEXT NOT NULL DEFAULT '',
            outcome TEXT,
            closing_note TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            remind_at REAL NOT NULL,
            nudges INTEGER NOT NULL DEFAULT 0,
            card_queued INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute("CREATE INDEX reports_status ON reports (status, remind_at)")
    db.execute(
        """CREATE TABLE report_links (
            report_id INTEGER NOT NULL REFERENCES reports(id),
            position INTEGER NOT NULL,
            url TEXT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (report_id, key)
        )"""
    )
    db.execute("CREATE INDEX report_links_key ON report_links (key)")
    # `platform` and `user_id` name the reporter, so export and forget find them.
    db.execute(
        """CREATE TABLE report_reporters (
            report_id INTEGER NOT NULL REFERENCES reports(id),
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            about TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            source_author TEXT NOT NULL DEFAULT '',
            source_channel TEXT NOT NULL DEFAULT '',
            source_permalink TEXT NOT NULL DEFAULT '',
            at REAL NOT NULL,
            PRIMARY KEY (report_id, platform, user_id)
        )"""
    )
    db.execute("CREATE INDEX report_reporters_person ON report_reporters (platform, user_id)")
    # Here `platform` and `user_id` name the manager who acted.
    db.execute(
        """CREATE TABLE report_events (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            at REAL NOT NULL
        )"""
    )
    db.execute("CREATE INDEX report_events_report ON report_events (report_id, id)")
    db.execute(
        """CREATE TABLE report_cards (
            report_id INTEGER NOT NULL REFERENCES reports(id),
            purpose TEXT NOT NULL,
            recipient TEXT NOT NULL,
            PRIMARY KEY (report_id, purpose, recipient)
        )"""
    )


@migrations(name=f"report-link-keys-v{KEY_VERSION}")
def rekey_report_links(db: Database) -> None:
    """Compute the links' keys again with today's rules, so a new report of the same post
    merges into a report filed before the rules changed (x.com and twitter.com, share links)."""
    rows = db.execute(
        "SELECT report_id, position, url FROM report_links ORDER BY report_id, position"
    ).fetchall()
    kept: dict[tuple[int, str], tuple[int, int, str, str]] = {}
    for report_id, position, url in rows:
        (key,) = keys((url,))
        kept.setdefault((report_id, key), (report_id, position, url, key))
    db.execute("DELETE FROM report_links")
    db.conn.executemany(
        "INSERT INTO report_links (report_id, position, url, key) VALUES (?, ?, ?, ?)",
        list(kept.values()),
    )


@migrations()
def add_team_platforms(db: Database) -> None:
    """The platform of each card and of the assignee: the team may work on another platform
    than the reporter's (a Teams user's report goes to a team on Slack)."""
    db.execute("ALTER TABLE report_cards ADD COLUMN platform TEXT NOT NULL DEFAULT ''")
    db.execute(
        "UPDATE report_cards SET platform = (SELECT platform FROM reports WHERE id = report_id)"
    )
    db.execute("ALTER TABLE reports ADD COLUMN assignee_platform TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE reports SET assignee_platform = platform WHERE assignee != ''")


@migrations()
def add_waiting_told(db: Database) -> None:
    """Whether the reporters were told the report waits for the team's channel to let the
    bot in, so they are told once."""
    db.execute("ALTER TABLE reports ADD COLUMN waiting_told INTEGER NOT NULL DEFAULT 0")


@migrations()
def add_reporter_files(db: Database) -> None:
    """The files (screenshots) each reporter sent with the report, as links (review11a M1)."""
    db.execute("ALTER TABLE report_reporters ADD COLUMN files TEXT NOT NULL DEFAULT ''")


@migrations()
def create_report_screenshots(db: Database) -> None:
    """The screenshots the bot keeps for the team: those it can only fetch itself (review12c
    R1), by the unguessable token of their link, with who sent them."""
    db.table("report_screenshots").create(
        {
            "token": str,
            "platform": str,
            "user_id": str,
            "name": str,
            "content_type": str,
            "data": bytes,
            "kept_at": float,
        },
        pk="token",
        not_null={"platform", "user_id", "name", "content_type", "data", "kept_at"},
    )
    db.execute("CREATE INDEX report_screenshots_sender ON report_screenshots (platform, user_id)")


@migrations()
def add_source_author_name(db: Database) -> None:
    """The name a reported message's author had in the note, so `forget` finds it there after
    the directory dropped it; a Teams author by their id, where Teams' name was kept (review13c
    R5: forget and export reached namesakes). An earlier Teams row's author is the one person
    the directory knows by that name, else none: such rows are found by the name alone."""
    db.execute(
        "ALTER TABLE report_reporters ADD COLUMN source_author_name TEXT NOT NULL DEFAULT ''"
    )
    known = db["people"].exists()
    named = "(SELECT name FROM people WHERE platform = r.platform AND user_id = r.source_author)"
    db.execute(
        "UPDATE report_reporters AS r SET source_author_name = "
        + (f"coalesce(nullif({named}, ''), source_author)" if known else "source_author")
        + " WHERE source_author != ''"
    )
    if not db.execute("SELECT 1 FROM report_reporters WHERE platform = 'teams' LIMIT 1").fetchone():
        return
    one = (
        "SELECT CASE WHEN count(*) = 1 THEN min(user_id) ELSE '' END FROM people"
        " WHERE platform = 'teams' AND name = r.source_author_name"
    )
    db.execute(
        "UPDATE report_reporters AS r SET source_author = "
        + (f"({one})" if known else "''")
        + " WHERE platform = 'teams' AND source_author != ''"
    )


@dataclass(frozen=True)
class Card:
    """A message about a report that the team got: on which platform, why, to whom."""

    platform: str
    purpose: str
    recipient: str


@dataclass(frozen=True)
class Filed:
    """What filing did: a `new` report, `merged` into an open one, a `repeat` of one's own, or
    a closed report `reopened` by a report of its post; `added` says whether a merge or repeat
    brought anything new (words, links, urgency)."""

    report: Report
    outcome: Literal["new", "merged", "repeat", "reopened"]
    became_crisis: bool = False
    added: bool = True


def _same_text(text: str) -> str:
    return collapse(text).casefold()


def _with(old: str, new: str) -> str:
    """`old` with `new` added on a line of its own, unless each of its lines is a line of `old`
    already (whole lines: "urgent" is news after "not urgent")."""
    known = {_same_text(line) for line in old.splitlines()}
    if all(_same_text(line) in known for line in new.splitlines() if line.strip()):
        return old
    return f"{old}\n{new}" if old else new


class ReportStore:
    """Reads and writes reports; each write is one committed transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- filing ----------------------------------------------------------------------------------

    def file(
        self,
        reporter: Reporter,
        links: tuple[str, ...],
        where: str,
        urgency: Urgency,
        remind_at: float,
    ) -> Filed:
        """Store a report, or merge it into the open report of the same link (or, without a
        link, the same person's open report with the same description). A person reporting
        it again adds what they wrote this time to what they wrote before. A link whose report
        is closed reopens that report: the team sees it was closed, how and by whom."""
        with self.db.atomic():
            existing = self._open_match(reporter, links)
            closed = self._closed_match(links) if existing is None else None
            if closed is not None:
                return Filed(self._reopen(closed, reporter, links, urgency, remind_at), "reopened")
            if existing is None:
                return Filed(self._create(reporter, links, where, urgency, remind_at), "new")
            repeat = existing.reported_by(reporter.platform, reporter.user_id)
            if repeat:
                added = self._add_words(existing.id, reporter)
            else:
                self._add_reporter(existing.id, reporter)
                added = True
            added |= self._add_links(existing.id, links, start=len(existing.links)) > 0
            raised = urgency.rank > existing.urgency.rank
            if raised:
                self.db.execute(
                    "UPDATE reports SET urgency = ?, remind_at = MIN(remind_at, ?) WHERE id = ?",
                    [urgency.value, remind_at, existing.id],
                )
            if added or raised:
                self._touch(existing.id, reporter.at)
        return Filed(
            self.get(existing.id),
            "repeat" if repeat else "merged",
            raised and urgency is Urgency.CRISIS,
            added or raised,
        )

    def _open_match(self, reporter: Reporter, links: tuple[str, ...]) -> Report | None:
        open_marks = ", ".join("?" for _ in OPEN_STATUSES)
        if links:
            wanted = keys(links)
            row = self.db.execute(
                "SELECT r.id FROM report_links l JOIN reports r ON r.id = l.report_id"
                f" WHERE r.status IN ({open_marks}) AND l.key IN ({', '.join('?' * len(wanted))})"
                " ORDER BY r.id LIMIT 1",
                [*OPEN_STATUSES, *wanted],
            ).fetchone()
            return self.get(int(row[0])) if row else None
        rows = self.db.execute(
            "SELECT r.id, p.about FROM report_reporters p JOIN reports r ON r.id = p.report_id"
            f" WHERE r.status IN ({open_marks}) AND p.platform = ? AND p.user_id = ?"
            " AND NOT EXISTS (SELECT 1 FROM report_links l WHERE l.report_id = r.id)",
            [*OPEN_STATUSES, reporter.platform, reporter.user_id],
        ).fetchall()
        same = [int(i) for i, about in rows if _same_text(about) == _same_text(reporter.about)]
        return self.get(same[0]) if same else None

    def _closed_match(self, links: tuple[str, ...]) -> Report | None:
        """The latest closed report of one of `links`."""
        if not links:
            return None
        wanted = keys(links)
        row = self.db.execute(
            "SELECT l.report_id FROM report_links l"
            f" WHERE l.key IN ({', '.join('?' * len(wanted))}) ORDER BY l.report_id DESC LIMIT 1",
            wanted,
        ).fetchone()
        return self.get(int(row[0])) if row else None

    def _reopen(
        self,
        closed: Report,
        reporter: Reporter,
        links: tuple[str, ...],
        urgency: Urgency,
        remind_at: float,
    ) -> Report:
        said = "\n".join(text for text in (reporter.about, reporter.note) if text)
        change = triage.reported_again(closed, urgency, remind_at, said)
        if closed.reported_by(reporter.platform, reporter.user_id):
            self._add_words(closed.id, reporter)
        else:
            self._add_reporter(closed.id, reporter)
        self._add_links(closed.id, links, start=len(closed.links))
        self.record(closed.id, (reporter.platform, reporter.user_id), *triage.parts(change))
        return self.get(closed.id)

    def _create(
        self,
        reporter: Reporter,
        links: tuple[str, ...],
        where: str,
        urgency: Urgency,
        remind_at: float,
    ) -> Report:
        cursor = self.db.execute(
            "INSERT INTO reports (platform, where_seen, urgency, created_at, updated_at,"
            " remind_at) VALUES (?, ?, ?, ?, ?, ?)",
            [reporter.platform, where, urgency.value, reporter.at, reporter.at, remind_at],
        )
        report_id = int(cursor.lastrowid or 0)
        self._add_links(report_id, links, start=0)
        self._add_reporter(report_id, reporter)
        return self.get(report_id)

    def _add_links(self, report_id: int, links: tuple[str, ...], start: int) -> int:
        cursor = self.db.conn.executemany(
            "INSERT OR IGNORE INTO report_links (report_id, position, url, key)"
            " VALUES (?, ?, ?, ?)",
            [
                (report_id, start + n, link, key)
                for n, (link, key) in enumerate(zip(links, keys(links), strict=True))
            ],
        )
        return cursor.rowcount

    def _add_reporter(self, report_id: int, reporter: Reporter) -> None:
        self.db.execute(
            "INSERT INTO report_reporters (report_id, platform, user_id, name, about, note,"
            " source_author, source_channel, source_permalink, source_author_name, at, files)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                report_id,
                reporter.platform,
                reporter.user_id,
                reporter.name,
                reporter.about,
                reporter.note,
                reporter.source_author,
                reporter.source_channel,
                reporter.source_permalink,
                reporter.source_author_name,
                reporter.at,
                files_json(reporter.files),
            ],
        )

    def _add_words(self, report_id: int, reporter: Reporter) -> bool:
        """Add what the reporter wrote this time to their earlier words; whether anything was
        new. Where they found it (a shared message) fills in only what was unknown; files they
        send this time are added to the earlier ones."""
        where = "WHERE report_id = ? AND platform = ? AND user_id = ?"
        key = [report_id, reporter.platform, reporter.user_id]
        row = self.db.execute(
            "SELECT about, note, source_author, source_channel, source_permalink,"
            f" source_author_name, files FROM report_reporters {where}",
            key,
        ).fetchone()
        about, note = _with(row[0], reporter.about), _with(row[1], reporter.note)
        sources = [
            old or new
            for old, new in zip(
                row[2:6],
                (
                    reporter.source_author,
                    reporter.source_channel,
                    reporter.source_permalink,
                    reporter.source_author_name,
                ),
                strict=True,
            )
        ]
        earlier = files_of(row[6])
        files = files_json(earlier + tuple(f for f in reporter.files if f not in earlier))
        if [about, note, *sources, files] == list(row):
            return False
        self.db.execute(
            "UPDATE report_reporters SET about = ?, note = ?, source_author = ?,"
            " source_channel = ?, source_permalink = ?, source_author_name = ?, files = ?"
            f" {where}",
            [about, note, *sources, files, *key],
        )
        return True

    def _touch(self, report_id: int, at: float) -> None:
        self.db.execute("UPDATE reports SET updated_at = ? WHERE id = ?", [at, report_id])

    # -- reading ---------------------------------------------------------------------------------

    def get(self, report_id: int) -> Report:
        """One report with its links and reporters; `KeyError` when there is none."""
        row = self.db.execute(f"SELECT {_COLUMNS} FROM reports WHERE id = ?", [report_id])
        found = row.fetchone()
        if found is None:
            raise KeyError(report_id)
        return self._report(found)

    def find(
        self,
        statuses: Iterable[Status] = tuple(Status),
        reporter: tuple[str, str] | None = None,
        limit: int | None = None,
    ) -> list[Report]:
        """Reports in `statuses`, newest first; only those `reporter` (platform, id) filed."""
        wanted = [status.value for status in statuses]
        where = f"status IN ({', '.join('?' * len(wanted))})"
        params: list[Any] = list(wanted)
        if reporter is not None:
            where += (
                " AND id IN (SELECT report_id FROM report_reporters"
                " WHERE platform = ? AND user_id = ?)"
            )
            params += list(reporter)
        sql = f"SELECT {_COLUMNS} FROM reports WHERE {where} ORDER BY id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self._report(row) for row in self.db.execute(sql, params).fetchall()]

    def due_reminders(self, now: float) -> list[Report]:
        """Reports whose reminder time has come: unacknowledged ones, and acknowledged ones
        left unchanged for longer than their follow-up delay (triage.follow_up_after)."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS}, updated_at FROM reports"
            " WHERE status IN (?, ?) AND remind_at <= ? ORDER BY id",
            [Status.NEW.value, Status.ACKNOWLEDGED.value, now],
        ).fetchall()
        return [
            self._report(row[:-1])
            for row in rows
            if row[4] == Status.NEW.value
            or row[-1] + triage.follow_up_after(Urgency(row[3])) <= now
        ]

    def cards_unqueued(self) -> list[Report]:
        """Open reports whose card never reached the outbox (a crash between store and send)."""
        marks = ", ".join("?" for _ in OPEN_STATUSES)
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM reports WHERE card_queued = 0 AND status IN ({marks})",
            list(OPEN_STATUSES),
        ).fetchall()
        return [self._report(row) for row in rows]

    def naming(self, platform: str, user_id: str) -> list[Report]:
        """The reports whose cards name the person: as a reporter, as the assignee, or as
        the author of a message reported."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM reports WHERE (assignee_platform = ? AND assignee = ?)"
            " OR id IN (SELECT report_id FROM report_reporters WHERE platform = ?"
            " AND ? IN (user_id, source_author)) ORDER BY id",
            [platform, user_id, platform, user_id],
        ).fetchall()
        return [self._report(row) for row in rows]

    def cards(self, report_id: int) -> list[Card]:
        """Every card sent about the report."""
        rows = self.db.execute(
            "SELECT platform, purpose, recipient FROM report_cards WHERE report_id = ?"
            " ORDER BY rowid",
            [report_id],
        ).fetchall()
        return [Card(*map(str, row)) for row in rows]

    # -- writing ---------------------------------------------------------------------------------

    def cards_sent(
        self, report_id: int, platform: str, purpose: str, recipients: Iterable[str]
    ) -> None:
        """Remember where cards about the report went, so every one is updated later."""
        with self.db.atomic():
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO report_cards (report_id, platform, purpose, recipient)"
                " VALUES (?, ?, ?, ?)",
                [(report_id, platform, purpose, recipient) for recipient in recipients],
            )
            if purpose == ids.CARD:
                self.db.execute("UPDATE reports SET card_queued = 1 WHERE id = ?", [report_id])

    def record(
        self,
        report_id: int,
        actor: tuple[str, str],
        kind: str,
        detail: str = "",
        changes: dict[str, Any] | None = None,
    ) -> Event:
        """Apply `changes` to the report and record the event, in one transaction."""
        at = time.time()
        with self.db.atomic():
            columns = {**(changes or {}), "updated_at": at}
            assignments = ", ".join(f"{name} = ?" for name in columns)
            self.db.execute(
                f"UPDATE reports SET {assignments} WHERE id = ?", [*columns.values(), report_id]
            )
            cursor = self.db.execute(
                "INSERT INTO report_events (report_id, platform, user_id, kind, detail, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [report_id, *actor, kind, detail, at],
            )
        return Event(int(cursor.lastrowid or 0), report_id, *actor, kind, detail, at)

    def event(self, event_id: int) -> Event | None:
        """The event `event_id`, None when there is none."""
        row = self.db.execute(
            "SELECT id, report_id, platform, user_id, kind, detail, at FROM report_events"
            " WHERE id = ?",
            [event_id],
        ).fetchone()
        return Event(*row) if row else None

    def handled(self, report_id: int) -> tuple[Event | None, Event | None]:
        """Who first acknowledged the report (Acknowledge, or an assignment, which
        acknowledges) and who last closed it (resolved, not an issue), with when."""
        found = []
        for kinds, order in (
            (("acknowledged", "assigned"), "ASC"),
            (("resolved", "dismissed"), "DESC"),
        ):
            row = self.db.execute(
                "SELECT id, report_id, platform, user_id, kind, detail, at FROM report_events"
                f" WHERE report_id = ? AND kind IN (?, ?) ORDER BY id {order} LIMIT 1",
                [report_id, *kinds],
            ).fetchone()
            found.append(Event(*row) if row else None)
        return found[0], found[1]

    def tell_waiting(self, report_id: int) -> bool:
        """Record that the reporters hear the report waits for the team's channel; False when
        they heard it already."""
        with self.db.atomic():
            return bool(
                self.db.execute(
                    "UPDATE reports SET waiting_told = 1 WHERE id = ? AND waiting_told = 0",
                    [report_id],
                ).rowcount
            )

    def remind_later(self, report_id: int, at: float) -> None:
        """Hold the next reminder until `at`: nobody it would go to is at work before then."""
        with self.db.atomic():
            self.db.execute("UPDATE reports SET remind_at = ? WHERE id = ?", [at, report_id])

    def nudged(self, report_id: int, nudges: int, next_at: float) -> None:
        """A reminder went out: count it and set the next one."""
        with self.db.atomic():
            self.db.execute(
                "UPDATE reports SET nudges = ?, remind_at = ? WHERE id = ?",
                [nudges, next_at, report_id],
            )

    def forget(self, platform: str, user_id: str, stand_in: str) -> dict[str, int]:
        """Put `stand_in` where the person is the assignee of a report, where a card went to
        them and as the author of a message of theirs someone reported (whose prefilled note
        named them: that name there becomes a former employee), and drop the links of the
        files they sent with reports (the reporters' and events' own columns are handled by
        `handlers.privacy.forget`, which runs first); rows changed per table. A message
        reported before its author's id was kept is not theirs to change (see `by_name`)."""
        with self.db.atomic():
            authored = self._forget_author(platform, user_id, stand_in)
            cards = self.db.execute(
                "UPDATE report_cards SET recipient = ? WHERE platform = ? AND recipient = ?",
                [stand_in, platform, user_id],
            ).rowcount
            assigned = self.db.execute(
                "UPDATE reports SET assignee = ? WHERE assignee_platform = ? AND assignee = ?",
                [stand_in, platform, user_id],
            ).rowcount
            # Who assigned is on the assignee's platform (they chose among its managers).
            named = self.db.execute(
                "UPDATE report_events SET detail = ?"
                " WHERE kind = 'assigned' AND platform = ? AND detail = ?",
                [stand_in, platform, user_id],
            ).rowcount
            # A file's link names who sent it (a Slack file's their id, a Teams file their
            # OneDrive): what they wrote stays with the report, the links and the screenshots
            # the bot kept of theirs go.
            files = self.db.execute(
                "UPDATE report_reporters SET files = '' WHERE platform = ? AND user_id = ?"
                " AND files != ''",
                [platform, stand_in],
            ).rowcount
            files += self.db.execute(
                "DELETE FROM report_screenshots WHERE platform = ? AND user_id = ?",
                [platform, stand_in],
            ).rowcount
        return {
            "report_assignments": assigned + named,
            "report_cards": cards,
            "report_files": files,
            "reported_messages": authored,
        }

    def by_name(self, platform: str, name: str) -> int:
        """How many messages reported before their authors' ids were kept (Teams gave a name
        the directory did not hold for one person alone) are by someone called `name`: a
        namesake may have written them."""
        (count,) = self.db.execute(
            "SELECT count(*) FROM report_reporters WHERE platform = ? AND source_author = ''"
            " AND ? != '' AND source_author_name = ?",
            [platform, name, name],
        ).fetchone()
        return int(count)

    def _forget_author(self, platform: str, user_id: str, stand_in: str) -> int:
        """Put `stand_in` as the author of the messages of theirs someone reported (by their
        id: review13c R5), and a former employee for their name in those reports' notes (a
        mark each reader sees in their language), as a whole word ("Ann" stays in
        "Announcement"); how many reports changed."""
        rows = self.db.execute(
            "SELECT rowid, note, source_author_name FROM report_reporters WHERE platform = ?"
            " AND source_author = ?",
            [platform, user_id],
        ).fetchall()
        for rowid, note, author_name in rows:
            if author_name:
                whole = rf"(?<!\w){re.escape(author_name)}(?!\w)"
                note = re.sub(whole, FORGOTTEN_NAME, note)
            self.db.execute(
                "UPDATE report_reporters SET source_author = ?, source_author_name = '',"
                " note = ? WHERE rowid = ?",
                [stand_in, note, rowid],
            )
        return len(rows)

    # -- rows ------------------------------------------------------------------------------------

    def _report(self, row: tuple[Any, ...]) -> Report:
        (report_id, platform, where, urgency, status, assignee, assignee_platform, outcome,
         closing_note, created_at, nudges, remind_at) = row  # fmt: skip
        links = self.db.execute(
            "SELECT url FROM report_links WHERE report_id = ? ORDER BY position", [report_id]
        ).fetchall()
        reporters = self.db.execute(
            "SELECT platform, user_id, name, about, note, at, source_author, source_channel,"
            " source_permalink, files, source_author_name FROM report_reporters"
            " WHERE report_id = ?"
            " ORDER BY at, rowid",
            [report_id],
        ).fetchall()
        return Report(
            reopened=self._reopening(int(report_id)),
            id=int(report_id),
            platform=str(platform),
            where=str(where),
            urgency=Urgency(urgency),
            status=Status(status),
            links=tuple(str(url) for (url,) in links),
            reporters=tuple(_reporter(*row) for row in reporters),
            created_at=float(created_at),
            assignee=str(assignee),
            assignee_platform=str(assignee_platform),
            outcome=Outcome(outcome) if outcome else None,
            closing_note=str(closing_note),
            nudges=int(nudges),
            remind_at=float(remind_at),
        )

    def _reopening(self, report_id: int) -> Reopening | None:
        """The report's latest reopening, with the manager who had closed it before."""
        found = self.db.execute(
            "SELECT id, platform, user_id, detail, at FROM report_events"
            " WHERE report_id = ? AND kind = 'reopened' ORDER BY id DESC LIMIT 1",
            [report_id],
        ).fetchone()
        if found is None:
            return None
        event_id, platform, user_id, detail, at = found
        closer = self.db.execute(
            "SELECT platform, user_id FROM report_events WHERE report_id = ? AND id < ?"
            " AND kind IN ('resolved', 'dismissed') ORDER BY id DESC LIMIT 1",
            [report_id, event_id],
        ).fetchone()
        earlier = json.loads(detail)
        return Reopening(
            str(platform),
            str(user_id),
            bool(earlier["again"]),
            str(earlier["said"]),
            float(at),
            Status(earlier["status"]),
            Outcome(earlier["outcome"]) if earlier["outcome"] else None,
            str(earlier["note"]),
            (str(closer[0]), str(closer[1])) if closer else None,
        )


def _reporter(*row: Any) -> Reporter:
    """A reporter from its row (the columns `ReportStore._report` reads)."""
    platform, user_id, name, about, note, at, author, channel, permalink, files, author_name = row
    return Reporter(
        platform,
        user_id,
        name,
        about,
        note,
        at,
        author,
        channel,
        permalink,
        files_of(files),
        author_name,
    )


_COLUMNS = (
    "id, platform, where_seen, urgency, status, assignee, assignee_platform, outcome,"
    " closing_note, created_at, nudges, remind_at"
)
