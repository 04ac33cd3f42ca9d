"""Stable action ids for the buttons the core puts in its views; adapters route on them."""

from __future__ import annotations

GUIDELINES_HELPFUL = "guidelines_helpful"
GUIDELINES_UNHELPFUL = "guidelines_unhelpful"
GUIDELINES_ASK_TEAM = "guidelines_ask_team"
GUIDELINES_OPEN_SECTION = "guidelines_open_section"
SHARE = "share"  # a share link button; its value is "<subject>|<network>"
