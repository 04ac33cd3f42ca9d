"""Stable ids of the report buttons, forms and shortcut, and its delivery purposes."""

from __future__ import annotations

COMMAND = "report-mention"  # the slash command; `report` is its word

# Buttons on the managers' card; the value is the report id.
ACKNOWLEDGE = "report_acknowledge"
ASSIGN_ME = "report_assign_me"
TAKE_OVER = "report_take_over"  # offered when "Assign to me" finds someone else holds it
ASSIGN_OTHER = "report_assign_other"
RESOLVE = "report_resolve"
DISMISS = "report_dismiss"
# On a closed card.
REOPEN = "report_reopen"
ALL_NOTES = "report_all_notes"  # every reporter's notes, past the card's first ten
# Snooze buttons on a reminder; the value is "<report id>:<minutes>".
SNOOZE = "report_snooze"

# Offered for a message that is only a social link; the value is the link.
REPORT_LINK = "report_link"

# Forms.
REPORT_FORM = "report_mention"
RESOLVE_FORM = "report_resolve"
ASSIGN_FORM = "report_assign"

# The message shortcut.
SHORTCUT = "report_message"

# Delivery purposes; the card's key is the report's reference ("R-0042").
CARD = "report"
CRISIS_PING = "report-crisis"
STATUS = "report-status"
REMINDER = "report-reminder"
HANDOVER = "report-handover"  # a manager hears a report was assigned to them
REOPENED = "report-reopened"  # the team hears a closed report is reported again
NOT_TOLD = "report-not-told"  # a manager hears a reporter left before their news reached them
