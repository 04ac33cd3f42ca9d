"""Stable ids for the buttons and forms the core puts in its views; adapters route on them."""

from __future__ import annotations

GUIDELINES_HELPFUL = "guidelines_helpful"
GUIDELINES_UNHELPFUL = "guidelines_unhelpful"
GUIDELINES_ASK_TEAM = "guidelines_ask_team"
GUIDELINES_OPEN_SECTION = "guidelines_open_section"
# On a question forwarded to the social media team: opens the form its answer is written in.
GUIDELINES_ANSWER = "guidelines_answer"
GUIDELINES_ANSWER_FORM = "guidelines_answer_form"
SHARE = "share"  # a share link button; its value is "<subject>|<network>"
# In the assistant pane: opens the report form, prefilled with the channel beside the pane.
ASSISTANT_REPORT = "assistant_report"
