"""The kinds of feed: a module of its own, so the CLI's options need nothing heavier."""

from __future__ import annotations

from typing import Literal

Kind = Literal["company", "industry"]
KINDS: tuple[Kind, ...] = ("company", "industry")
