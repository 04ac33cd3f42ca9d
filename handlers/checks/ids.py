"""Stable ids of the check's command, shortcut, form and buttons; adapters route on them."""

from __future__ import annotations

COMMAND = "check-post"
SHORTCUT = "check_post"
FORM = "check_post_form"
REPORT = "check_report"  # files the criticism a draft answers as a report
HELPFUL = "check_helpful"
UNHELPFUL = "check_unhelpful"  # keeps the draft for whoever maintains the guidelines
# In a DM: "check: <draft>" checks the draft instead of asking a question.
DM_PREFIXES = ("check:", "tjek:", "prüfen:", "check post:")
