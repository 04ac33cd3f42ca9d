"""Forms on the console, through `socialbot console`'s chat: a bad link is asked again at
once, and a slash command typed in a form leaves the form for the command."""

from __future__ import annotations

from pathlib import Path

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


async def test_a_number_int_refuses_is_asked_again_not_the_end(
    make_settings: SettingsFactory,
) -> None:
    # review15a R7: "²" is a digit to str.isdigit and nothing to int(): typed as a button or
    # as a form's choice it ended the console with a traceback, the form half filled lost.
    script = ["/guidelines", "#²", "/report-mention", "x.com/someone/status/9", "²", "", "rude"]
    said = await session(make_settings, "alice", [*script, "", "", "/report-mention list"])
    assert "There is no button #² in the last message." in said
    # Asked again (the next line answers it), the link kept: the report is filed.
    after = said.split("! There is no choice ²: pick 1 to 12.")[1]
    assert "Your report R-0001" in after
    assert "- R-0001 https://x.com/someone/status/9 ·" in after


GERMAN_GUIDELINES = """# Richtlinien für soziale Medien

## Neuigkeiten teilen
Teile gern die Neuigkeiten des Unternehmens auf LinkedIn und schreib selbst eine Zeile dazu.

## Kritik
Antworte nicht selbst auf Kritik am Unternehmen im Netz; gib sie an das Social-Media-Team weiter.
"""


async def test_a_form_on_the_console_is_asked_in_the_persons_language(
    make_settings: SettingsFactory, tmp_path: Path
) -> None:
    # fix16b: the form's own words were German (the console's person reads the guidelines'
    # language), what the console said around them English.
    guidelines = tmp_path / "richtlinien.md"
    guidelines.write_text(GERMAN_GUIDELINES, encoding="utf-8")
    script = ["/report-mention", "not a link", "x.com/someone/status/9", "99", "", "rude", "", ""]
    said = await session(
        make_settings, "alice", [*script, "/report-mention", "cancel"], guidelines=guidelines
    )
    assert "(Tippe cancel zum Abbrechen oder einen /Befehl" in said
    assert "! `not` ist kein Weblink" in said
    assert "! Es gibt keine Wahl 99: Wähle 1 bis 12." in said
    assert "(jetzt: Normal; Enter behält es)" in said
    assert "Danke! Deine Meldung R-0001" in said
    assert said.rstrip().endswith("Abgebrochen; nichts wurde gesendet.")
