"""Who is asking, and in which roles."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


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


@dataclass(frozen=True)
class Roles:
    """Role membership by user id, as configured."""

    managers: frozenset[str] = frozenset()
    announcers: frozenset[str] = frozenset()
    admins: frozenset[str] = frozenset()

    @classmethod
    def from_ids(
        cls, managers: Iterable[str], announcers: Iterable[str], admins: Iterable[str]
    ) -> Roles:
        """Build from configured id lists."""
        return cls(frozenset(managers), frozenset(announcers), frozenset(admins))

    def of(self, user_id: str) -> frozenset[Role]:
        """The roles configured for `user_id`."""
        granted = {
            Role.MANAGER: self.managers,
            Role.ANNOUNCER: self.announcers,
            Role.ADMIN: self.admins,
        }
        return frozenset(role for role, ids in granted.items() if user_id in ids)

    def person(self, platform: str, user_id: str, name: str = "") -> Person:
        """A `Person` with the roles configured for them."""
        return Person(platform, user_id, name, self.of(user_id))
