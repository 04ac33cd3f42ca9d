"""Who is asking, and in which roles."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import time
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from handlers.groups import (
    ENTRA_GROUP,
    ENTRA_GROUP_PREFIX,
    GUID,
    SLACK_GROUP,
    Group,
    GroupMembers,
    group_named,
)
from handlers.privacy import drop_own_rows, is_forgotten
from handlers.texts import text_for

FORMER_EMPLOYEE = text_for("former_employee", "en")  # how someone forgotten is shown


class Role(StrEnum):
    """What a person may do beyond what every employee may."""

    MANAGER = "social media manager"
    ANNOUNCER = "announcer"
    ADMIN = "admin"


@dataclass(frozen=True)
class Person:
    """Someone talking to the bot, on one platform."""

    platform: str
    user_id: str
    name: str = ""
    roles: frozenset[Role] = field(default=frozenset())

    def has(self, role: Role) -> bool:
        """Whether the person holds `role` (admins hold every role)."""
        return role in self.roles or Role.ADMIN in self.roles


# The shape of each platform's user ids. A configured id without a `platform:` prefix counts
# only where it has that platform's shape, so nobody on one platform can claim an id that
# belongs to another (a Teams account calling itself U123 is not the Slack manager U123).
ID_SHAPES = {
    "slack": re.compile(r"^[UW][A-Z0-9]{2,}$"),
    # Teams roles go by the Entra object id alone: a Teams id (`29:…`) is whatever a caller
    # writes in `from.id`, so it is no id to hold a role by.
    "teams": re.compile(rf"^{GUID}$"),
}


PREFIXES = ("slack:", "teams:", "console:")


# The same for the channels the social media team reads.
CHANNEL_SHAPES = {
    "slack": re.compile(r"^[CG][A-Z0-9]{2,}$"),
    "teams": re.compile(r"^19:.+"),
}

Shapes = dict[str, re.Pattern[str]]


def exposed_team_channel(
    channel: str, exposure: str, remedy: str = "make it a private channel of the company alone"
) -> str:
    """The warning that the team's channel `channel` is `exposure` (public, shared…): its
    cards name people; `remedy` says what to make it instead on its platform."""
    return (
        f"SOCIALBOT_ESCALATION_CHANNEL {channel} is {exposure}, while its report cards name the"
        " reporters, their notes and whose message was reported, and forwarded questions name"
        f" who asked: {remedy}"
    )


def fits(platform: str, entry: str, shapes: Shapes = ID_SHAPES) -> bool:
    """Whether `entry` has the shape of `platform`'s ids (the console takes any)."""
    shape = shapes.get(platform)
    return shape is None or bool(shape.match(entry))


def on_platform(entries: Iterable[str], platform: str, shapes: Shapes = ID_SHAPES) -> list[str]:
    """The configured ids that mean someone (or somewhere) on `platform`.

    An entry is `platform:id` (explicit) or a bare id that has the platform's shape.
    """
    prefix = f"{platform}:"
    found = {
        entry.removeprefix(prefix)
        for entry in entries
        if entry.startswith(prefix)
        or (not entry.startswith(PREFIXES) and fits(platform, entry, shapes))
    }
    return sorted(found)


# An Entra object id, bare or as `teams:` / `teams:group:` entry: Teams sends it in lower case.
_ENTRA_ENTRY = re.compile(rf"^(teams:(group:)?)?{GUID}$")


def normal_id(entry: str) -> str:
    """`entry` as Teams writes it: an Entra object id (some admin tools print them in upper
    case) in lower case; any other id unchanged."""
    return entry.lower() if _ENTRA_ENTRY.match(entry) else entry


# What separates the entries of a role setting: commas, and the semicolons and spaces people
# type in PaaS forms and ConfigMaps (no id holds one).
ROLE_SEPARATORS = re.compile(r"[,;\s]+")


def role_entries(value: str) -> list[str]:
    """The entries of a role setting as written, each Slack id in upper case (`u0manager`,
    `slack:u0manager`: Slack writes them so)."""
    return [_slack_case(entry) for entry in ROLE_SEPARATORS.split(value) if entry]


# A bare entry read as a Slack id written in lower case: as long as one (9 characters or more)
# and with a digit, as Slack's ids have and console names such as `walter` or `user1` do not.
_SLACK_ID_LENGTH = 9


def _slack_case(entry: str) -> str:
    prefix = "slack:" if entry.startswith("slack:") else ""
    rest = entry.removeprefix(prefix)
    upper = rest.upper()
    slack = fits("slack", upper) or SLACK_GROUP.match(upper)
    like_an_id = len(rest) >= _SLACK_ID_LENGTH and any(c.isdigit() for c in rest)
    if slack and (prefix or (rest != upper and like_an_id)):
        return prefix + upper
    return entry


# Who `socialbot console` is without --user: a role entry naming it is meant, never a typo.
CONSOLE_USER = "console"


def names_console_user(entry: str) -> bool:
    """Whether a role entry names someone on the local console only: `console:…`, or a bare
    entry that has no platform's shape (a mistyped id reads so too)."""
    if entry.startswith("console:"):
        return True
    bare = not entry.startswith(PREFIXES) and group_named(entry) is None
    return bare and not any(fits(platform, entry) for platform in ID_SHAPES)


def check_role_entry(entry: str) -> None:
    """Raise ValueError, saying how to write it, when `entry` of a role setting cannot name
    anyone. Bare entries that fit no platform's shape are console ids, so they pass."""
    platform, _, rest = entry.partition(":")
    if entry.startswith(ENTRA_GROUP_PREFIX):
        if not ENTRA_GROUP.match(entry.removeprefix(ENTRA_GROUP_PREFIX)):
            raise ValueError(f"{entry!r}: an Entra group is teams:group:<its object id, a GUID>")
    elif platform == "group":
        raise ValueError(f"{entry!r}: write an Entra group as teams:group:<its object id>")
    elif platform == "slack" and not (fits("slack", rest) or SLACK_GROUP.match(rest)):
        raise ValueError(
            f"{entry!r}: a Slack entry is a member id (U… or W…) or a user group id (S…)"
        )
    elif platform == "teams" and not fits("teams", rest):
        raise ValueError(
            f"{entry!r}: a Teams entry is an Entra object id (a GUID) "
            "or teams:group:<an Entra group's object id>"
        )


@dataclass(frozen=True)
class Roles:
    """Role membership as configured: people's ids, bare or as `slack:U123` / `teams:<entra
    id>`, and groups (`S…` or `slack:S…`, `teams:group:<entra id>`) whose members hold the role
    too, as `group_members` last read them."""

    managers: frozenset[str] = frozenset()
    announcers: frozenset[str] = frozenset()
    admins: frozenset[str] = frozenset()
    # Where the groups' members are read; without it nobody holds a role through a group.
    group_members: GroupMembers | None = field(default=None, compare=False)

    @classmethod
    def from_ids(
        cls, managers: Iterable[str], announcers: Iterable[str], admins: Iterable[str]
    ) -> Roles:
        """Build from configured id lists, Entra object ids in lower case as Teams sends them."""

        def normal(ids: Iterable[str]) -> frozenset[str]:
            return frozenset(map(normal_id, ids))

        return cls(normal(managers), normal(announcers), normal(admins))

    def reading_groups_from(self, group_members: GroupMembers) -> Roles:
        """The same roles, with the groups' members read from `group_members`."""
        return dataclasses.replace(self, group_members=group_members)

    def groups(self) -> list[Group]:
        """Every group named in a role, each once."""
        entries = self.managers | self.announcers | self.admins
        return sorted({group for entry in entries if (group := group_named(entry))})

    def _entries(self, role: Role) -> frozenset[str]:
        return {Role.MANAGER: self.managers, Role.ANNOUNCER: self.announcers}.get(role, self.admins)

    def _people(self, role: Role, platform: str) -> list[str]:
        return on_platform((e for e in self._entries(role) if group_named(e) is None), platform)

    def _group_ids(self, role: Role, platform: str) -> set[str]:
        groups = (group_named(entry) for entry in self._entries(role))
        return {group.group_id for group in groups if group and group.platform == platform}

    def members(self, role: Role, platform: str) -> list[str]:
        """The user ids on `platform` holding `role`, named or in a named group (admins not
        included)."""
        found = set(self._people(role, platform))
        if self.group_members is not None:
            found |= self.group_members.members_of(platform, self._group_ids(role, platform))
        return sorted(found)

    def of(self, platform: str, user_id: str) -> frozenset[Role]:
        """The roles `user_id` on `platform` holds, by name or through a group."""
        in_groups: set[str] = set()
        if self.group_members is not None and self.groups():
            in_groups = self.group_members.groups_of(platform, user_id)
        return frozenset(
            role
            for role in Role
            if user_id in self._people(role, platform)
            or in_groups & self._group_ids(role, platform)
        )

    def person(self, platform: str, user_id: str, name: str = "") -> Person:
        """A `Person` with the roles they hold."""
        return Person(platform, user_id, name, self.of(platform, user_id))


def zone_named(name: str, fallback: ZoneInfo) -> ZoneInfo:
    """The time zone called `name`, or `fallback` when there is no name or no such zone."""
    try:
        return ZoneInfo(name) if name else fallback
    except (ZoneInfoNotFoundError, ValueError):
        return fallback


log = logging.getLogger(__name__)

migrations = Migrations("people")


@migrations()
def create_people(db: Database) -> None:
    """Everyone the platforms told us about, with what the digest and announcements need."""
    db.table("people").create(
        {
            "platform": str,
            "user_id": str,
            "name": str,
            "tz": str,
            "is_bot": int,
            "deleted": int,
            "guest": int,
            "updated_at": float,
        },
        pk=("platform", "user_id"),
    )


@migrations()
def add_chosen_zone(db: Database) -> None:
    """Whether the person chose their time zone in the preferences: their platform's then no
    longer changes it."""
    db.table("people").add_column("tz_chosen", int, not_null_default=0)


@migrations()
def add_left_at(db: Database) -> None:
    """When the person left (was marked deleted; 0: they have not): their own rows go
    DEPARTED_KEPT after it. Those gone before this release count from the upgrade."""
    db.table("people").add_column("left_at", float, not_null_default=0)
    db.execute("UPDATE people SET left_at = ? WHERE deleted = 1", [time.time()])


@migrations()
def add_pruned_at(db: Database) -> None:
    """When the row of someone who left was cut down to the fact that their id left (0: it was
    not): kept so that the next sync, which lists deactivated members too, does not store their
    name again."""
    db.table("people").add_column("pruned_at", float, not_null_default=0)


@migrations()
def add_locale(db: Database) -> None:
    """The locale the person's Slack or Teams client is in ("da-DK", "" while unknown): what
    the bot says to them alone is in its language when the bot speaks it."""
    db.table("people").add_column("locale", str, not_null_default="")


@migrations()
def create_kept_out(db: Database) -> None:
    """Whom `socialbot forget` forgot, by a hash of their platform and id alone (no name, no
    id): a member sync does not read them again, so that nothing more is stored about someone
    still in the workspace or tenant, until they come to the bot themselves."""
    db.table("kept_out").create({"id_hash": str, "at": float}, pk="id_hash")


def _id_hash(platform: str, user_id: str) -> str:
    """What `kept_out` keeps of a person: a hash of their platform and id."""
    return hashlib.sha256(f"{platform}:{user_id}".encode()).hexdigest()


# How long the directory keeps a person who left (their name, ids, time zone, digest settings):
# long enough for a mistaken deactivation to be undone, and for the 90 days of deliveries the
# figures count; what they reported stays with the report (until `socialbot forget`).
DEPARTED_KEPT = timedelta(days=90)


@dataclass(frozen=True)
class Member:
    """A member of the workspace or tenant, as its platform describes them."""

    platform: str
    user_id: str
    name: str = ""
    tz: str = ""  # an IANA zone name, empty when the platform gives none
    is_bot: bool = False
    deleted: bool = False
    guest: bool = False
    locale: str = ""  # the client's locale ("da-DK"), empty when the platform gives none

    @property
    def is_active_human(self) -> bool:
        """A person who can read messages: not a bot, not deactivated."""
        return not self.is_bot and not self.deleted


class Directory:
    """The people table: filled by each platform's sync, read by the capabilities."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def upsert(self, members: Iterable[Member]) -> int:
        """Store or refresh `members`, as a platform lists them; return how many were given.
        Someone forgotten (`keep_out`) is not stored again (until `learn`). Someone the
        platform lists as deactivated is stored without their name or zone when not known
        before, and keeps what is stored of them otherwise: the directory keeps a name
        DEPARTED_KEPT after its owner left, never longer. A locale stays until the platform
        gives another (a roster and users.list without `include_locale` give none)."""
        members = list(members)
        hashes = {_id_hash(m.platform, m.user_id): m for m in members}
        kept_out = {
            hashes[id_hash]
            for (id_hash,) in self.db.execute(
                "SELECT id_hash FROM kept_out WHERE id_hash IN (SELECT value FROM json_each(?))",
                [json.dumps(sorted(hashes))],
            )
        }
        now = time.time()
        rows = [
            (
                *(m.platform, m.user_id, "" if m.deleted else m.name, "" if m.deleted else m.tz),
                *(int(m.is_bot), int(m.deleted), int(m.guest), now),
                *((now, now) if m.deleted else (0, 0)),
                "" if m.deleted else m.locale,
            )
            for m in members
            if m not in kept_out
        ]
        with self.db.atomic():
            # A zone the person chose stays: their platform's is only what it last saw.
            # Someone who left keeps the moment they left, however often a sync says it again.
            self.db.conn.executemany(
                "INSERT INTO people (platform, user_id, name, tz, is_bot, deleted, guest,"
                " updated_at, left_at, pruned_at, locale)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (platform, user_id) DO UPDATE SET"
                " name = CASE WHEN excluded.deleted THEN name ELSE excluded.name END,"
                " tz = CASE WHEN tz_chosen OR excluded.deleted THEN tz ELSE excluded.tz END,"
                " locale = CASE WHEN excluded.locale != '' THEN excluded.locale ELSE locale END,"
                " is_bot = excluded.is_bot, deleted = excluded.deleted, guest = excluded.guest,"
                " updated_at = excluded.updated_at, left_at = CASE WHEN NOT excluded.deleted"
                " THEN 0 WHEN left_at > 0 THEN left_at ELSE excluded.left_at END,"
                " pruned_at = CASE WHEN excluded.deleted THEN pruned_at ELSE 0 END",
                rows,
            )
        return len(members)

    def keep_out(self, platform: str, user_id: str) -> None:
        """Someone forgotten on request: no sync stores them again, until they `learn`."""
        with self.db.atomic():
            self.db.table("kept_out").upsert(
                {"id_hash": _id_hash(platform, user_id), "at": time.time()}, pk="id_hash"
            )

    def learn(self, member: Member) -> None:
        """Store `member`, who came to the bot themselves (wrote, pressed a button): someone
        forgotten is known again from then on."""
        with self.db.atomic():
            id_hash = _id_hash(member.platform, member.user_id)
            self.db.execute("DELETE FROM kept_out WHERE id_hash = ?", [id_hash])
            self.upsert([member])

    def choose_zone(self, platform: str, user_id: str, tz: str) -> None:
        """The person's own choice of time zone (an IANA name), kept over their platform's."""
        with self.db.atomic():
            self.db.execute(
                "UPDATE people SET tz = ?, tz_chosen = 1, updated_at = ?"
                " WHERE platform = ? AND user_id = ?",
                [tz, time.time(), platform, user_id],
            )

    def learn_zones(self, platform: str, zones: Mapping[str, str]) -> int:
        """Give `zones` (user id → IANA name, from elsewhere than their client: their mailbox)
        to those on `platform` with no zone yet; return how many got one."""
        with self.db.atomic():
            cursor = self.db.conn.executemany(
                "UPDATE people SET tz = ? WHERE platform = ? AND user_id = ? AND tz = ''",
                [(tz, platform, user_id) for user_id, tz in zones.items()],
            )
        return int(cursor.rowcount)

    def zone_chosen(self, platform: str, user_id: str) -> bool:
        """Whether the person chose their time zone themselves."""
        row = self.db.execute(
            "SELECT tz_chosen FROM people WHERE platform = ? AND user_id = ?", [platform, user_id]
        ).fetchone()
        return bool(row and row[0])

    def mark_gone(self, platform: str, user_ids: Collection[str]) -> int:
        """Mark `user_ids` on `platform` as no longer there (as a deactivated account), until
        their platform shows them again; return how many were active."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE people SET deleted = 1, updated_at = ?, left_at = ? WHERE platform = ?"
                " AND deleted = 0 AND user_id IN (SELECT value FROM json_each(?))",
                # One JSON parameter, however many leave: SQLite caps the number of parameters.
                [now := time.time(), now, platform, json.dumps(sorted(user_ids))],
            )
        return int(cursor.rowcount)

    async def prune(self, now: datetime) -> None:
        """Drop the own rows (directory entry, digest settings, …) of everyone who left more
        than DEPARTED_KEPT ago (review10b O12), all but a nameless directory row that says
        their id left: a manager named in the settings is then still known to be gone, and the
        next sync, which lists deactivated members, does not store them again."""
        departed = self.db.execute(
            "SELECT platform, user_id, left_at FROM people"
            " WHERE deleted = 1 AND left_at > 0 AND left_at < ? AND pruned_at = 0",
            [(now - DEPARTED_KEPT).timestamp()],
        ).fetchall()
        for platform, user_id, left_at in departed:
            with self.db.atomic():
                drop_own_rows(self.db, platform, user_id)
                self.db.execute(
                    "INSERT INTO people (platform, user_id, name, tz, is_bot, deleted, guest,"
                    " updated_at, left_at, pruned_at) VALUES (?, ?, '', '', 0, 1, 0, ?, ?, ?)",
                    [platform, user_id, now.timestamp(), left_at, now.timestamp()],
                )
        if departed:
            log.info("people who left pruned from the directory", extra={"people": len(departed)})

    def get(self, platform: str, user_id: str) -> Member | None:
        """One member, if known."""
        row = self.db.execute(
            f"SELECT {_MEMBER_COLUMNS} FROM people WHERE platform = ? AND user_id = ?",
            [platform, user_id],
        ).fetchone()
        return _member(row) if row else None

    def name_of(self, platform: str, user_id: str, fallback: str = "") -> str:
        """The name to show for a person: the directory's, else `fallback` (what the platform
        said), else their id; someone forgotten is a former employee."""
        if is_forgotten(user_id):
            return FORMER_EMPLOYEE
        member = self.get(platform, user_id)
        return (member.name if member else "") or fallback or user_id

    def seen_active_at(self, platform: str, user_id: str) -> float | None:
        """When a member sync, or the person's own event or choice, last stored them not
        deactivated (a Unix time); None when unknown or deactivated."""
        row = self.db.execute(
            "SELECT updated_at FROM people WHERE platform = ? AND user_id = ? AND NOT deleted",
            [platform, user_id],
        ).fetchone()
        return float(row[0]) if row and row[0] is not None else None

    def zone_of(self, platform: str, user_id: str, fallback: ZoneInfo) -> ZoneInfo:
        """The person's time zone as they chose it or their platform gave it, else
        `fallback`."""
        member = self.get(platform, user_id)
        return zone_named(member.tz if member else "", fallback)

    def active(self, platform: str | None = None, include_guests: bool = False) -> list[Member]:
        """Active humans (no bots, no deactivated accounts, no guests unless asked)."""
        where, params = _active(platform, include_guests)
        rows = self.db.execute(
            f"SELECT {_MEMBER_COLUMNS} FROM people WHERE {where} ORDER BY platform, user_id",
            params,
        )
        return [_member(row) for row in rows]

    def active_ids(
        self, platform: str, include_guests: bool = False, zones: Collection[str] | None = None
    ) -> list[str]:
        """The ids of the active humans on `platform` (only those in `zones`, when given): a
        whole workforce is read at once, so as plain strings."""
        where, params = _active(platform, include_guests, zones)
        rows = self.db.execute(f"SELECT user_id FROM people WHERE {where} ORDER BY user_id", params)
        return [str(user_id) for (user_id,) in rows]

    def count_active(
        self, platform: str, include_guests: bool = False, zones: Collection[str] | None = None
    ) -> int:
        """How many `active_ids` there are."""
        where, params = _active(platform, include_guests, zones)
        (count,) = self.db.execute(f"SELECT count(*) FROM people WHERE {where}", params).fetchone()
        return int(count)

    def time_zones(self, platform: str) -> dict[str, str]:
        """Everyone's time zone on `platform` by user id ("" where none is known)."""
        rows = self.db.execute("SELECT user_id, tz FROM people WHERE platform = ?", [platform])
        return {str(user_id): str(tz or "") for user_id, tz in rows}

    def zones(self, platform: str, include_guests: bool = False) -> list[str]:
        """The time zones the active humans on `platform` are in, sorted."""
        where, params = _active(platform, include_guests)
        rows = self.db.execute(
            f"SELECT DISTINCT tz FROM people WHERE {where} AND tz != '' ORDER BY tz", params
        )
        return [str(tz) for (tz,) in rows]


def _active(
    platform: str | None, include_guests: bool, zones: Collection[str] | None = None
) -> tuple[str, list[object]]:
    """The SQL condition (and its parameters) on `people` for active humans."""
    where = "is_bot = 0 AND deleted = 0"
    params: list[object] = []
    if not include_guests:
        where += " AND guest = 0"
    if platform is not None:
        where += " AND platform = ?"
        params.append(platform)
    if zones is not None:
        where += f" AND tz IN ({', '.join('?' for _ in zones)})"
        params.extend(zones)
    return where, params


_MEMBER_COLUMNS = "platform, user_id, name, tz, is_bot, deleted, guest, locale"


def _member(row: Sequence[object]) -> Member:
    """A member from a row of _MEMBER_COLUMNS."""
    platform, user_id, name, tz, is_bot, deleted, guest, locale = row
    return Member(
        str(platform),
        str(user_id),
        str(name or ""),
        str(tz or ""),
        bool(is_bot),
        bool(deleted),
        bool(guest),
        str(locale or ""),
    )
