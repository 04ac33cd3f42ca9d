"""Where the bot may speak in Teams: stored conversation references, installs and uninstalls."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from botbuilder.schema import ConversationReference
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

TABLE = "teams_conversations"

migrations = Migrations("teams")


@migrations()
def create_conversations(db: Database) -> None:
    """One row per personal chat, group chat or team channel the bot was installed in."""
    table = db.table(TABLE)
    table.create(
        {
            "conversation_id": str,
            "kind": str,  # personal, groupChat or channel
            "user_id": str,  # personal chats: the person's Teams id (29:…)
            "aad_object_id": str,  # personal chats: the person's Entra object id
            "tenant_id": str,
            "team_id": str,
            "reference": str,  # ConversationReference as JSON, for proactive messages
            "installed_at": str,
            "greeted_at": str,
            "uninstalled_at": str,
            "updated_at": str,
        },
        pk="conversation_id",
        not_null={"conversation_id", "kind", "reference", "updated_at"},
    )
    table.create_index(["user_id"])
    table.create_index(["aad_object_id"])


ROSTER = "teams_roster"
# A Teams account without an Entra object id (only the loopback Emulator sends one) is known by
# its `from.id` under this prefix, so it can never pass for an Entra object id.
EMULATOR = "emulator:"

# The values of a JSON array parameter: one parameter for any number of ids, as SQLite caps how
# many parameters a statement takes.
_EACH = "(SELECT value FROM json_each(?))"


@migrations()
def create_roster(db: Database) -> None:
    """Who is in each team the bot is installed in, so it can open personal chats with them."""
    table = db.table(ROSTER)
    table.create(
        {"team_id": str, "user_id": str, "aad_object_id": str, "updated_at": str},
        pk=("team_id", "user_id"),
        not_null={"team_id", "user_id", "updated_at"},
    )
    table.create_index(["aad_object_id"])


@migrations()
def add_blocked(db: Database) -> None:
    """When Teams last refused a message because the person blocked or removed the bot."""
    db.table(TABLE).add_column("blocked_at", str)


SEEN = "teams_seen_activities"
SEEN_FOR = timedelta(hours=1)  # Teams redelivers within minutes; a restart takes as long


@migrations()
def create_seen(db: Database) -> None:
    """The message activities handled lately, so a redelivered one is not handled twice."""
    table = db.table(SEEN)
    table.create(
        {"conversation_id": str, "activity_id": str, "seen_at": str},
        pk=("conversation_id", "activity_id"),
        not_null={"conversation_id", "activity_id", "seen_at"},
    )
    table.create_index(["seen_at"])


@migrations()
def add_team_group(db: Database) -> None:
    """The Microsoft 365 group id of a channel's team (Teams' `aadGroupId`), by which Graph
    tells whether the channel is standard, private or shared (review13c R6)."""
    db.table(TABLE).add_column("team_group_id", str)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def channel_of(conversation_id: str) -> str:
    """The channel itself for a thread id such as `19:…@thread.tacv2;messageid=123`."""
    return conversation_id.split(";", 1)[0]


@dataclass(frozen=True)
class Conversation:
    """A stored conversation the bot can post into."""

    conversation_id: str
    kind: str  # as Teams' conversation type said: personal, groupChat or channel
    user_id: str | None
    aad_object_id: str | None
    tenant_id: str | None
    team_id: str | None
    reference: ConversationReference
    uninstalled: bool
    blocked: bool

    @property
    def shared(self) -> bool:
        """Whether anyone in it may press a card's buttons (a channel, a group chat), not one
        person (their chat with the bot)."""
        return self.kind != "personal"


@dataclass(frozen=True)
class RosterEntry:
    """A team member the bot may open a personal chat with, and the team it knows them from."""

    user_id: str
    aad_object_id: str | None
    team: Conversation


class Conversations:
    """The `teams_conversations` table: remember, look up, mark installs and uninstalls."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def remember(
        self,
        reference: ConversationReference,
        *,
        team_id: str | None = None,
        tenant_id: str | None = None,
        team_group_id: str | None = None,
    ) -> str:
        """Store (or refresh) where replies and later proactive messages go; return the key."""
        conversation = reference.conversation
        key = channel_of(conversation.id)
        # Proactive messages start a new post, never a reply to whatever came in last.
        stored = ConversationReference().deserialize(reference.serialize())
        stored.activity_id = None
        stored.conversation.id = key
        kind = conversation.conversation_type or "personal"
        personal = kind == "personal"
        user = reference.user
        row: dict[str, Any] = {
            "conversation_id": key,
            "kind": kind,
            "user_id": user.id if personal and user else None,
            "aad_object_id": user.aad_object_id if personal and user else None,
            "tenant_id": tenant_id or conversation.tenant_id,
            "reference": json.dumps(stored.serialize(), sort_keys=True),
            "blocked_at": None,  # whoever blocked the bot is talking to it again
            "updated_at": _now(),
        }
        if team_id:
            row["team_id"] = team_id
        if team_group_id:
            row["team_group_id"] = team_group_id
        with self.db.atomic():
            self.db.table(TABLE).upsert(row, pk="conversation_id")
        return key

    def first_time(self, conversation_id: str, activity_id: str) -> bool:
        """Note an incoming message; False when it was handled already (Teams redelivered it).
        Kept in the database, as the restart that often causes a redelivery loses memory."""
        now = datetime.now(UTC)
        with self.db.atomic():
            self.db.execute(
                f"DELETE FROM {SEEN} WHERE seen_at < ?",
                [(now - SEEN_FOR).isoformat(timespec="seconds")],
            )
            cursor = self.db.execute(
                f"INSERT OR IGNORE INTO {SEEN} (conversation_id, activity_id, seen_at)"
                " VALUES (?, ?, ?)",
                [conversation_id, activity_id, now.isoformat(timespec="seconds")],
            )
        return cursor.rowcount == 1

    def add_channels(self, team: Conversation, channels: list[tuple[str, str]]) -> int:
        """Store `channels` ((id, name) pairs) of the installed `team` (one of its stored
        channels) as reachable: the app in a team may post in each of them."""
        now = _now()
        rows = []
        for channel_id, name in channels:
            stored = ConversationReference().deserialize(team.reference.serialize())
            stored.conversation.id = channel_id
            stored.conversation.name = name
            reference = json.dumps(stored.serialize(), sort_keys=True)
            rows.append([channel_id, team.tenant_id, team.team_id, reference, now, now, now])
        with self.db.atomic():
            # A channel seen before keeps its reference, with the name it has now when one is
            # given (renamed, it is found by its new name); it is back in the team if it was out.
            self.db.conn.executemany(
                f"INSERT INTO {TABLE} (conversation_id, kind, tenant_id, team_id, reference,"
                " installed_at, greeted_at, updated_at) VALUES (?, 'channel', ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (conversation_id) DO UPDATE SET team_id = excluded.team_id,"
                " reference = CASE WHEN json_extract(excluded.reference, '$.conversation.name')"
                " = '' THEN reference ELSE json_set(reference, '$.conversation.name',"
                " json_extract(excluded.reference, '$.conversation.name')) END,"
                " uninstalled_at = NULL, updated_at = excluded.updated_at",
                rows,
            )
        return len(rows)

    def install(self, conversation_id: str) -> bool:
        """Mark the bot installed; True exactly once per install, when a greeting is due."""
        now = _now()
        with self.db.atomic():
            cursor = self.db.execute(
                f"UPDATE {TABLE} SET installed_at = ?, greeted_at = ?, uninstalled_at = NULL"
                " WHERE conversation_id = ? AND (greeted_at IS NULL OR uninstalled_at IS NOT NULL)",
                [now, now, conversation_id],
            )
        return cursor.rowcount == 1

    def uninstall(self, conversation_id: str, team_id: str | None = None) -> None:
        """Record that the bot was removed (from every channel of `team_id`, when given);
        nothing is sent there until it is added again."""
        with self.db.atomic():
            self.db.execute(
                f"UPDATE {TABLE} SET uninstalled_at = ?, updated_at = ?"
                " WHERE conversation_id = ? OR team_id = ?",
                [_now(), _now(), channel_of(conversation_id), team_id],
            )

    def block(self, conversation_id: str) -> None:
        """Record that Teams refused a message here (403: blocked, or the app removed)."""
        with self.db.atomic():
            self.db.execute(
                f"UPDATE {TABLE} SET blocked_at = ?, updated_at = ? WHERE conversation_id = ?",
                [_now(), _now(), channel_of(conversation_id)],
            )

    def teams(self) -> list[Conversation]:
        """One installed conversation per team (its channel), to read the team's roster through."""
        rows = self.db.query(
            f"SELECT * FROM {TABLE} WHERE team_id IS NOT NULL AND kind = 'channel'"
            " AND uninstalled_at IS NULL ORDER BY team_id, updated_at DESC"
        )
        latest: dict[str, Conversation] = {}
        for row in rows:
            latest.setdefault(row["team_id"], _conversation(row))
        return list(latest.values())

    def replace_roster(self, team_id: str, members: list[tuple[str, str | None]]) -> set[str]:
        """Make `members` ((Teams id, Entra object id) pairs) the whole roster of `team_id`;
        return the Entra object ids that were in it before and are not now."""
        now = _now()
        rows = [
            {"team_id": team_id, "user_id": user, "aad_object_id": aad, "updated_at": now}
            for user, aad in members
        ]
        with self.db.atomic():
            before = self.db.execute(
                f"SELECT aad_object_id FROM {ROSTER} WHERE team_id = ?"
                " AND aad_object_id IS NOT NULL",
                [team_id],
            ).fetchall()
            self.db.execute(f"DELETE FROM {ROSTER} WHERE team_id = ?", [team_id])
            self.db.table(ROSTER).insert_all(rows, pk=("team_id", "user_id"), replace=True)
        return {str(aad) for (aad,) in before} - {aad for _, aad in members if aad}

    def remove_from_roster(self, team_id: str, ids: Collection[str]) -> set[str]:
        """Take people (Teams ids or Entra object ids) out of the roster of `team_id`; return
        the Entra object ids of those who were in it."""
        match = f"team_id = ? AND (user_id IN {_EACH} OR aad_object_id IN {_EACH})"
        listed = json.dumps(sorted(ids))
        with self.db.atomic():
            found = self.db.execute(
                f"SELECT aad_object_id FROM {ROSTER} WHERE {match}", [team_id, listed, listed]
            ).fetchall()
            self.db.execute(f"DELETE FROM {ROSTER} WHERE {match}", [team_id, listed, listed])
        return {str(aad) for (aad,) in found if aad}

    def roster_of(self, team_id: str) -> set[str]:
        """The Entra object ids in the roster of `team_id` as last read."""
        rows = self.db.execute(
            f"SELECT aad_object_id FROM {ROSTER} WHERE team_id = ? AND aad_object_id IS NOT NULL",
            [team_id],
        )
        return {str(aad) for (aad,) in rows}

    def roster_members(self, team_id: str) -> list[tuple[str, str | None]]:
        """(Teams id, Entra object id or None) of everyone in the roster of `team_id` as last
        read; none when it was never read."""
        rows = self.db.execute(
            f"SELECT user_id, aad_object_id FROM {ROSTER} WHERE team_id = ?", [team_id]
        )
        return [(str(user), str(aad) if aad else None) for user, aad in rows]

    def in_removed_team(self, recipient: str) -> bool:
        """Whether a person (Teams id or Entra object id) is in the roster of a team the app
        was removed from."""
        found = self.db.execute(
            f"SELECT 1 FROM {ROSTER} r JOIN {TABLE} c ON c.team_id = r.team_id"
            " AND c.kind = 'channel' WHERE (r.user_id = ? OR r.aad_object_id = ?)"
            " AND c.uninstalled_at IS NOT NULL LIMIT 1",
            [recipient, recipient],
        ).fetchone()
        return found is not None

    def present(self, aad_object_ids: Collection[str]) -> set[str]:
        """The Entra object ids among `aad_object_ids` that Teams still shows the bot: in the
        roster of a team it is installed in, or in a personal chat it is installed in."""
        listed = json.dumps(sorted(aad_object_ids))
        rows = self.db.execute(
            f"SELECT r.aad_object_id FROM {ROSTER} r JOIN {TABLE} c ON c.team_id = r.team_id"
            f" AND c.kind = 'channel' AND c.uninstalled_at IS NULL WHERE r.aad_object_id IN {_EACH}"
            f" UNION SELECT aad_object_id FROM {TABLE} WHERE kind = 'personal'"
            " AND installed_at IS NOT NULL AND uninstalled_at IS NULL"
            f" AND aad_object_id IN {_EACH}",
            [listed, listed],
        )
        return {str(aad) for (aad,) in rows}

    def in_roster(self, recipient: str) -> RosterEntry | None:
        """A person (Teams id or Entra object id) in the roster of a team the bot is in."""
        rows = self.db.query(
            f"SELECT r.user_id AS member_id, r.aad_object_id AS member_aad, c.* FROM {ROSTER} r"
            f" JOIN {TABLE} c ON c.team_id = r.team_id AND c.kind = 'channel'"
            " WHERE (r.user_id = ? OR r.aad_object_id = ?) AND c.uninstalled_at IS NULL"
            " ORDER BY c.updated_at DESC LIMIT 1",
            [recipient, recipient],
        )
        for row in rows:
            member_id, member_aad = row.pop("member_id"), row.pop("member_aad")
            return RosterEntry(member_id, member_aad, _conversation(row))
        return None

    def team_group_of(self, channel_id: str) -> str | None:
        """The Microsoft 365 group id of the team whose channel `channel_id` is, where Teams
        said it (at the app's install in the team, or an event there)."""
        row = self.db.execute(
            f"SELECT team_group_id FROM {TABLE} WHERE team_group_id IS NOT NULL AND team_id ="
            f" (SELECT team_id FROM {TABLE} WHERE conversation_id = ?) LIMIT 1",
            [channel_id],
        ).fetchone()
        return str(row[0]) if row else None

    def set_team_group(self, team_id: str, team_group_id: str) -> None:
        """Keep the Microsoft 365 group id of the team `team_id` with its channels."""
        with self.db.atomic():
            self.db.execute(
                f"UPDATE {TABLE} SET team_group_id = ? WHERE team_id = ?", [team_group_id, team_id]
            )

    def get(self, conversation_id: str) -> Conversation | None:
        """The stored conversation with this id (a thread id finds its channel)."""
        rows = self.db.query(
            f"SELECT * FROM {TABLE} WHERE conversation_id = ?", [channel_of(conversation_id)]
        )
        return next((_conversation(row) for row in rows), None)

    def forget(self, user_id: str) -> int:
        """Drop a person's personal chats, the messages lately seen in them, and roster entries
        (by Teams or Entra id)."""
        with self.db.atomic():
            self.db.execute(
                f"DELETE FROM {SEEN} WHERE conversation_id IN (SELECT conversation_id FROM {TABLE}"
                " WHERE kind = 'personal' AND (user_id = ? OR aad_object_id = ?))",
                (user_id, user_id),
            )
            chats = self.db.execute(
                f"DELETE FROM {TABLE} WHERE kind = 'personal'"
                " AND (user_id = ? OR aad_object_id = ?)",
                (user_id, user_id),
            ).rowcount
            roster = self.db.execute(
                f"DELETE FROM {ROSTER} WHERE user_id = ? OR aad_object_id = ?", (user_id, user_id)
            ).rowcount
        return int(chats + roster)

    def find(self, recipient: str) -> Conversation | None:
        """A conversation id, or a person's Teams id or Entra object id (their personal chat)."""
        found = self.get(recipient)
        if found is not None:
            return found
        if recipient.startswith(EMULATOR):
            match, args = "user_id = ? AND aad_object_id IS NULL", [recipient[len(EMULATOR) :]]
        else:
            match, args = "(user_id = ? OR aad_object_id = ?)", [recipient, recipient]
        rows = self.db.query(
            f"SELECT * FROM {TABLE} WHERE kind = 'personal' AND {match}"
            " ORDER BY updated_at DESC LIMIT 1",
            args,
        )
        return next((_conversation(row) for row in rows), None)


def _conversation(row: dict[str, Any]) -> Conversation:
    return Conversation(
        conversation_id=row["conversation_id"],
        kind=row["kind"],
        user_id=row["user_id"],
        aad_object_id=row["aad_object_id"],
        tenant_id=row["tenant_id"],
        team_id=row["team_id"],
        reference=ConversationReference().deserialize(json.loads(row["reference"])),
        uninstalled=row["uninstalled_at"] is not None,
        blocked=row.get("blocked_at") is not None,
    )
