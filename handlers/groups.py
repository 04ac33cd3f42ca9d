"""Role groups: the Slack user groups and Entra groups named in the role settings, and their
members as each platform last listed them."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

log = logging.getLogger(__name__)

GUID = r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}"
SLACK_GROUP = re.compile(r"^S[A-Z0-9]{2,}$")  # Slack user group ids start with S
ENTRA_GROUP = re.compile(rf"^{GUID}$")
# An Entra group is always written with this prefix: a bare GUID is a person's Entra object id.
ENTRA_GROUP_PREFIX = "teams:group:"
_WRITTEN = {"slack": "slack:", "teams": ENTRA_GROUP_PREFIX}

# Reads the user ids in one group (by its id) from the group's platform.
GroupReader = Callable[[str], Awaitable[Iterable[str]]]


# How long a group that cannot be read keeps the members of its last good reading; then its
# role goes to nobody through it (review13a S4: removing the app's scope or permission must not
# leave the last members holding a manager's powers for ever).
KEPT_UNREADABLE = timedelta(days=7)


class GroupUnreadable(Exception):
    """A platform would not list a group's members; the message says why."""


class GroupGone(GroupUnreadable):
    """The platform has no such group (deleted, or a wrong id): nobody is in it."""


@dataclass(frozen=True, order=True)
class Group:
    """A group whose members hold a role: a Slack user group or an Entra group."""

    platform: str
    group_id: str

    def __str__(self) -> str:
        return f"{_WRITTEN[self.platform]}{self.group_id}"


def group_named(entry: str) -> Group | None:
    """The group a role entry names (`S…` or `slack:S…`, `teams:group:<object id>`); None when
    the entry names a person."""
    if entry.startswith(ENTRA_GROUP_PREFIX):
        return Group("teams", entry.removeprefix(ENTRA_GROUP_PREFIX))
    slack_id = entry.removeprefix("slack:")
    return Group("slack", slack_id) if SLACK_GROUP.match(slack_id) else None


@dataclass(frozen=True)
class GroupState:
    """How a group's members were last read."""

    group: Group
    members: int
    read_at: float | None  # the last reading that worked; None: never
    error: str  # why the latest reading failed; empty when it worked

    @property
    def kept_until(self) -> float | None:
        """Until when the members of the last good reading keep the role while the group
        cannot be read; None when it was never read."""
        return None if self.read_at is None else self.read_at + KEPT_UNREADABLE.total_seconds()


migrations = Migrations("groups")


@migrations()
def create_groups(db: Database) -> None:
    """The role groups with how their last reading went, and their members."""
    db.table("role_groups").create(
        {"platform": str, "group_id": str, "read_at": float, "failed_at": float, "error": str},
        pk=("platform", "group_id"),
    )
    db.table("group_members").create(
        {"platform": str, "group_id": str, "user_id": str},
        pk=("platform", "group_id", "user_id"),
    )
    db.table("group_members").create_index(["platform", "user_id"])


class GroupMembers:
    """The role groups' members, refreshed by the platforms' readers and read by `Roles`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def members_of(self, platform: str, group_ids: Iterable[str]) -> set[str]:
        """Everyone in any of the groups `group_ids` on `platform`."""
        wanted = sorted(set(group_ids))
        if not wanted:
            return set()
        marks = ", ".join("?" for _ in wanted)
        rows = self.db.execute(
            f"SELECT user_id FROM group_members WHERE platform = ? AND group_id IN ({marks})",
            [platform, *wanted],
        )
        return {str(user_id) for (user_id,) in rows.fetchall()}

    def groups_of(self, platform: str, user_id: str) -> set[str]:
        """The ids of the groups on `platform` that `user_id` is in."""
        rows = self.db.execute(
            "SELECT group_id FROM group_members WHERE platform = ? AND user_id = ?",
            [platform, user_id],
        )
        return {str(group_id) for (group_id,) in rows.fetchall()}

    def replace(self, group: Group, user_ids: Iterable[str]) -> int:
        """Make `user_ids` the group's members; return how many there are."""
        key = {"platform": group.platform, "group_id": group.group_id}
        rows = [{**key, "user_id": user_id} for user_id in sorted(set(user_ids))]
        with self.db.atomic():
            self.db.execute(
                "DELETE FROM group_members WHERE platform = ? AND group_id = ?",
                [group.platform, group.group_id],
            )
            self.db.table("group_members").insert_all(rows)
            self.db.table("role_groups").upsert(
                {**key, "read_at": time.time(), "error": ""}, pk=("platform", "group_id")
            )
        return len(rows)

    def failed(self, group: Group, reason: str) -> bool:
        """Record why the group could not be read (its members stay); True when the last
        reading failed for the same reason."""
        key = {"platform": group.platform, "group_id": group.group_id}
        before = self.db.execute(
            "SELECT error FROM role_groups WHERE platform = ? AND group_id = ?",
            [group.platform, group.group_id],
        ).fetchone()
        with self.db.atomic():
            self.db.table("role_groups").upsert(
                {**key, "failed_at": time.time(), "error": reason}, pk=("platform", "group_id")
            )
        return before is not None and before[0] == reason

    def states(self, groups: Iterable[Group]) -> list[GroupState]:
        """How each of `groups` was last read, in the order given."""
        states = []
        for group in groups:
            where = [group.platform, group.group_id]
            rows = list(
                self.db.table("role_groups").rows_where(
                    "platform = ? AND group_id = ?", where, limit=1
                )
            )
            row = rows[0] if rows else {}
            count = self.db.table("group_members").count_where(
                "platform = ? AND group_id = ?", where
            )
            read_at = float(row["read_at"]) if row.get("read_at") else None
            states.append(GroupState(group, count, read_at, row.get("error") or ""))
        return states

    async def refresh(self, groups: Iterable[Group], readers: Mapping[str, GroupReader]) -> bool:
        """Read each group anew through its platform's reader (groups of platforms without one
        are left as they are). A group that cannot be read keeps its last known members for
        KEPT_UNREADABLE after its last good reading, so a passing failure takes a role from
        nobody; a group its platform says is gone has nobody in it. True when every reading
        worked."""
        every = True
        for group in groups:
            read = readers.get(group.platform)
            if read is None:
                continue
            try:
                user_ids = await read(group.group_id)
            except Exception as error:  # one group failing must not keep the others unread
                every = False
                self._keep(group, error)
                continue
            count = self.replace(group, user_ids)
            log.info("read a role group", extra={"group": str(group), "members": count})
        return every

    def _keep(self, group: Group, error: Exception) -> None:
        expected = isinstance(error, GroupUnreadable)
        reason = str(error) if expected else f"unexpected {type(error).__name__}: {error}"
        again = self.failed(group, reason)
        # Said loudly once; the same failure at each hourly retry is only a warning.
        level = logging.WARNING if again else logging.ERROR
        where = {"group": str(group), "reason": reason}
        [state] = self.states([group])
        if isinstance(error, GroupGone) or (state.kept_until or 0) < time.time():
            dropped = self._empty(group)
            said = "gone" if isinstance(error, GroupGone) else "unreadable for too long"
            log.log(
                level,
                f"a role group is {said}: nobody holds its role through it",
                extra={**where, "dropped": dropped},
            )
            return
        until = datetime.fromtimestamp(state.kept_until or 0, UTC).isoformat(timespec="minutes")
        log.log(
            level,
            "could not read a role group; its last known members keep the role",
            exc_info=None if expected else error,
            extra={**where, "kept": state.members, "until": until},
        )

    def _empty(self, group: Group) -> int:
        """Take everyone out of the group; how many were in it."""
        with self.db.atomic():
            return self.db.execute(
                "DELETE FROM group_members WHERE platform = ? AND group_id = ?",
                [group.platform, group.group_id],
            ).rowcount
