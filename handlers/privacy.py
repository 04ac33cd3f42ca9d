"""A person's data: everything stored about them, exported or forgotten on request.

By convention every table that stores something about a person names them with `platform`
and `user_id` columns, so export and deletion find it without a list to keep up to date.
"""

from __future__ import annotations

import base64
import re
import secrets
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from handlers.texts import text_for

FORGOTTEN = "forgotten"
# Where the name of someone forgotten stood in what another person wrote (a reporter's note of
# the message they reported): drawn as "a former employee" in each reader's language.
FORGOTTEN_NAME = "\ue0f2"
# Tables whose rows are only about the person: removed outright. Elsewhere the row stays for
# the figures (clicks, answers, reports) and the person's id is replaced.
OWN_ROWS = {
    "people",
    "group_members",  # read again from the platform at the next sync, if still a member
    "digest_preferences",
    "digest_schedule",
    "digest_sent_items",
    "digest_dislikes",
    "digest_welcomed",
    "leaderboard_opt_ins",
    "assistant_threads",  # what the assistant pane keeps of a thread
}


# Where a person is named by other columns than `platform` + `user_id`, as "table.column" with
# the condition that finds them (by :platform, :user_id and :name, the name they go by): export
# shows these rows too; forget changes them through the stores that own them.
NAMED_ELSEWHERE = {
    "deliveries.recipient": "platform = :platform AND recipient = :user_id",
    # The answer to an @mention of theirs, sent to its channel (bot/delivery/gateway.py
    # `mention_of`).
    "deliveries.key": "platform = :platform AND purpose = 'mention-answer'"
    " AND substr(key, -length('@' || :user_id)) = '@' || :user_id",
    "report_cards.recipient": "platform = :platform AND recipient = :user_id",
    "reports.assignee": "assignee_platform = :platform AND assignee = :user_id",
    "report_events.detail": "kind = 'assigned' AND platform = :platform AND detail = :user_id",
    # A message of theirs someone reported.
    "report_reporters.source_author": "platform = :platform AND source_author = :user_id",
    # One reported before its author's id was kept (Teams gave a name), whose name was not the
    # directory's for one person alone: by that name, which a namesake may share.
    "report_reporters.source_author_name": "platform = :platform AND source_author = ''"
    " AND :name != '' AND source_author_name = :name",
    "announcements.recipients": "target = :platform"
    " AND EXISTS (SELECT 1 FROM json_each(recipients) WHERE value = :user_id)",
    "console_inbox.recipient": ":platform = 'console' AND recipient = :user_id",
    "teams_conversations.user_id": ":platform = 'teams' AND kind = 'personal'"
    " AND (user_id = :user_id OR aad_object_id = :user_id)",
    "teams_roster.user_id": ":platform = 'teams'"
    " AND (user_id = :user_id OR aad_object_id = :user_id)",
}


def personal_tables(db: Database) -> list[str]:
    """The tables that name people by platform and user id."""
    return sorted(
        table.name
        for table in db.tables
        if {"platform", "user_id"} <= {column.name for column in table.columns}
    )


# Columns holding a moment as seconds since the epoch (`at`, `sent_at`, `muted_until`, …).
_MOMENT = re.compile(r"^(?:at|.+_(?:at|until|due))$")


def _readable(row: dict[str, Any]) -> dict[str, Any]:
    """The row with every moment in ISO 8601 (UTC), 0 ("never") as null, and a file's bytes (a
    kept screenshot) in base64."""
    return {column: _readable_value(column, value) for column, value in row.items()}


def forgotten_named(text: str, language: str = "en") -> str:
    """`text` with the name of each person forgotten in it (`FORGOTTEN_NAME`) in words, in
    the reader's `language`."""
    return text.replace(FORGOTTEN_NAME, text_for("former_employee", language))


def _readable_value(column: str, value: object) -> object:
    if isinstance(value, str):
        return forgotten_named(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if _MOMENT.match(column) and isinstance(value, int | float) and not isinstance(value, bool):
        return (
            datetime.fromtimestamp(value, UTC).isoformat(timespec="seconds") if value > 0 else None
        )
    return value


def export(
    db: Database, platform: str, user_id: str, name: str = ""
) -> dict[str, list[dict[str, Any]]]:
    """Every stored row about the person (`name`: the name they go by), by table, and by
    "table.column" for those naming them elsewhere (NAMED_ELSEWHERE); tables with none are
    left out, times are in ISO 8601."""
    found = {}
    whom = {"platform": platform, "user_id": user_id, "name": name}
    searches = [
        (table, "platform = :platform AND user_id = :user_id", table)
        for table in personal_tables(db)
    ]
    for label, where in NAMED_ELSEWHERE.items():
        if db.table(table := label.split(".")[0]).exists():
            searches.append((table, where, label))
    for table, where, label in searches:
        rows = db.table(table).rows_where(where, whom)
        readable = [_readable(row) for row in rows]
        if readable:
            found[label] = readable
    return found


def tombstone() -> str:
    """A fresh id for someone forgotten: unique, so two forgotten people never merge."""
    return f"{FORGOTTEN}-{secrets.token_hex(6)}"


def is_forgotten(user_id: str) -> bool:
    """Whether `user_id` is the stand-in of someone forgotten."""
    return user_id.startswith(f"{FORGOTTEN}-")


def drop_own_rows(db: Database, platform: str, user_id: str) -> dict[str, int]:
    """Delete only the rows that are the person's own (OWN_ROWS), what the bot keeps of someone
    who left; elsewhere they stay named (a report they made, until `forget`). Returns the rows
    deleted per table."""
    dropped = {}
    with db.atomic():
        for name in sorted(OWN_ROWS & set(personal_tables(db))):
            sql = f"DELETE FROM [{name}] WHERE platform = ? AND user_id = ?"
            if count := db.execute(sql, [platform, user_id]).rowcount:
                dropped[name] = count
    return dropped


def forget(db: Database, platform: str, user_id: str, stand_in: str) -> dict[str, int]:
    """Delete the person's own rows; elsewhere put `stand_in` in place of their id and blank
    their name. Returns the rows changed per table."""
    with db.atomic():
        changed = drop_own_rows(db, platform, user_id)
        for name in personal_tables(db):
            if name in OWN_ROWS:
                continue
            columns = {column.name for column in db.table(name).columns}
            blank = ", name = ''" if "name" in columns else ""
            sql = f"UPDATE [{name}] SET user_id = ?{blank} WHERE platform = ? AND user_id = ?"
            if count := db.execute(sql, [stand_in, platform, user_id]).rowcount:
                changed[name] = count
    return dict(sorted(changed.items()))
