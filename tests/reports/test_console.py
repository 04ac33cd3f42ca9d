"""The console offers the same flow: report, receipt, a manager acknowledges with `#N`."""

from __future__ import annotations

import io

from bot.app import build_runtime
from bot.console.session import ConsoleSession
from tests.conftest import SettingsFactory
from tests.reports.conftest import LINK


async def test_report_receipt_and_acknowledge_on_the_console(
    make_settings: SettingsFactory,
) -> None:
    runtime = build_runtime(make_settings())
    try:
        out = io.StringIO()
        script = "\n".join(
            [
                f"/report-mention {LINK} calls us crooks",
                "/report-mention",  # the form, field by field
                "https://notalink",  # links: refused, asked again at once
                "https://www.trustpilot.com/review/acme.example",
                "",
                "",
                "",
                "",
                "/report-mention open",
                "#1",
                "/report-mention list",
            ]
        )
        await ConsoleSession(runtime.core, io.StringIO(script + "\n"), out, "alice").run()
        text = " ".join(out.getvalue().split())
        # No console managers are set: the card waits in the team's inbox for a `--manager`
        # session, and the receipt says so rather than that the team has it.
        assert "Thanks! Your report R-0001 is saved. No social media managers are set up" in text
        assert "which socialbot console --manager shows, and /report-mention open there" in text
        assert "with the social media team" not in text and "handles it from here" not in text
        assert "Don't reply to it" in text
        assert "! `https://notalink` does not name a website" in text
        assert "Your report R-0002" in text
        assert "Only the social media managers can act on reports" in text

        manager = io.StringIO()
        script = "/report-mention open\n#1\n/report-mention open\n"
        await ConsoleSession(runtime.core, io.StringIO(script), manager, "mia", manager=True).run()
        shown = manager.getvalue()
        # the longest waiting first
        assert shown.index("Negative mention R-0001") < shown.index("Negative mention R-0002")
        assert "[#1 Acknowledge]" in shown and "Reported by (1): alice" in shown
        assert "R-0001 acknowledged. The reporter has been told." in shown  # in their inbox
        assert "Status: Acknowledged" in shown.split("R-0001 acknowledged.")[1]
        events = [(e["kind"], e["user_id"]) for e in runtime.db["report_events"].rows]
        assert events == [("acknowledged", "mia")]
    finally:
        runtime.db.close()


async def test_with_console_managers_set_the_receipt_says_the_team_has_it(
    make_settings: SettingsFactory,
) -> None:
    runtime = build_runtime(make_settings(social_media_managers="console:mia"))
    try:
        out, script = io.StringIO(), io.StringIO(f"/report-mention {LINK}\n")
        await ConsoleSession(runtime.core, script, out, "al").run()
        assert "Thanks! Your report R-0001 is with the social media team." in out.getvalue()
        assert "No social media managers are set up" not in out.getvalue()
    finally:
        runtime.db.close()


async def test_a_malformed_link_gets_the_form_not_an_apology(make_settings) -> None:
    runtime = build_runtime(make_settings())
    out = io.StringIO()
    await ConsoleSession(
        runtime.core, io.StringIO("/report-mention http://[::1\ncancel\n"), out, "bo"
    ).run()
    assert "not a well-formed web address" in out.getvalue()
    assert "Sorry, something went wrong" not in out.getvalue()
    runtime.db.close()


async def test_a_report_many_file_shows_the_first_reporters_and_a_count(
    make_settings: SettingsFactory,
) -> None:
    # review10a T8: every reporter and note was listed, until Teams refused the card's size.
    runtime = build_runtime(make_settings())
    try:
        for n in range(11):
            person = runtime.core.person("console", f"person{n:02d}")
            await runtime.core.command("report-mention", person, f"{LINK} note of person{n:02d}")
        manager = io.StringIO()
        script = "/report-mention open\n#6\n"  # Show all notes
        await ConsoleSession(runtime.core, io.StringIO(script), manager, "mia", manager=True).run()
        shown = " ".join(manager.getvalue().split())
    finally:
        runtime.db.close()

    card, _, notes = shown.partition("All 11 reporters of R-0001 and what they wrote")
    assert "Reported by (11):" in card and "person09 and 1 other " in card  # review10c R8
    assert "note of person09" in card and "note of person10" not in card
    assert "What the 1 other wrote: press" in card and "[#6 Show all notes]" in card
    assert "person00: note of person00" in notes and "person10: note of person10" in notes
