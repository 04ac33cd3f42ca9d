"""Forms on the console, through `socialbot console`'s chat: a bad link is asked again at
once, and a slash command typed in a form leaves the form for the command."""

from __future__ import annotations

from tests.conftest import SettingsFactory
from tests.test_console_inbox import session

NOT_A_LINK = "! `not` is not a web link; it must start with https:// or http://."
LINK_QUESTION = "Link(s) (One per line."


async def test_a_bad_link_is_refused_at_once_and_asked_again(
    make_settings: SettingsFactory,
) -> None:
    script = ["/report-mention", "not a link at all", "x.com/someone/status/9 ", "", "rude", ""]
    said = await session(make_settings, "alice", [*script, "", "/report-mention list"])
    # The core's own message (as Slack and Teams show it) before the form's next field.
    refused, after = said.split(NOT_A_LINK)
    assert refused.count(LINK_QUESTION) == 1 and "Where you saw it" not in refused
    assert after.lstrip().startswith("Where you saw it")  # the next line was the link again
    assert "Your report R-0001" in after
    assert "- R-0001 https://x.com/someone/status/9 ·" in after


async def test_a_slash_command_in_a_form_cancels_it_and_runs(
    make_settings: SettingsFactory,
) -> None:
    said = await session(make_settings, "alice", ["/report-mention", "/socialbot help", "quit"])
    assert "(Report a mention cancelled; nothing was sent.)" in said
    assert "to see this again" in said  # the command ran, not taken as the link
    assert "not a web link" not in said and "Your report R-0001" not in said
    assert said.count(LINK_QUESTION) == 1

    left = await session(make_settings, "alice", ["/report-mention", "/quit", "/socialbot help"])
    assert "(Report a mention cancelled; nothing was sent.)" in left
    assert "to see this again" not in left  # /quit in a form leaves the console too
