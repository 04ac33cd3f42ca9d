"""Small type checks for JSON payloads from outside, shared by the Slack and Teams shapes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]


def text(value: Any) -> bool:
    """A string."""
    return isinstance(value, str)


def flag(value: Any) -> bool:
    """A boolean."""
    return isinstance(value, bool)


def is_object(value: Any) -> bool:
    """A JSON object."""
    return isinstance(value, dict)


def objects(value: Any) -> bool:
    """A list of JSON objects."""
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def missing(found: dict[str, Any], where: str, required: Mapping[str, Check]) -> str | None:
    """The first of `required` absent from `found` or not passing its check (`where` + name)."""
    for name, check in required.items():
        if not check(found.get(name)):
            return f"{where}{name}"
    return None


def wrong(found: dict[str, Any], where: str, optional: Mapping[str, Check]) -> str | None:
    """The first of `optional` present in `found` but not passing its check."""
    for name, check in optional.items():
        if found.get(name) is not None and not check(found[name]):
            return f"{where}{name}"
    return None
