"""`socialbot export` and `socialbot forget`: a person's data on request."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from textwrap import shorten
from typing import TYPE_CHECKING

import click

from bot.cli_support import echo_json_lines, runtime_or_exit, settings_or_exit

if TYPE_CHECKING:
    from bot.app import Runtime
    from handlers.guidelines.feedback import StoredAnswer
    from handlers.reports import Reports
    from handlers.reports.model import Report
    from handlers.team_questions import TeamQuestions

PLATFORMS = click.Choice(["slack", "teams", "console"])
GUESSED = "teams for an Entra object id, slack for any other id, unless given"


def _an_id(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """`--user` as given, refused when empty or blank (review12b D9: `--user ""` answered
    "nothing is stored about slack user .")."""
    if not value.strip():
        raise click.BadParameter("give the person's user id, not an empty one")
    return value.strip()


def _nobody(platform: str, user_id: str) -> click.ClickException:
    """Nothing stored about that id: exit status 1, so a script tells a typo from a done job."""
    return click.ClickException(
        f"Nobody found: nothing is stored about {platform} user {user_id}. "
        f"Check the user id and --platform ({GUESSED})."
    )


def _whose(command: Callable[..., None]) -> Callable[..., None]:
    """`--platform` and `--user`: whose data a command is about."""
    platform = click.option(
        "--platform", type=PLATFORMS, help=f"The person's platform ({GUESSED})."
    )
    user = click.option(
        "--user",
        "user_id",
        required=True,
        callback=_an_id,
        help="The person's user id on that platform.",
    )
    return platform(user(command))


def _whom(platform: str | None, user_id: str) -> tuple[str, str]:
    """The platform (`--platform`, else teams for an Entra object id, as the role settings
    read it, and slack for any other id) and the user id as stored: a Teams Entra object id
    in lower case, however it was pasted."""
    from handlers.people import fits, normal_id

    if platform is None:
        platform = "teams" if fits("teams", normal_id(user_id)) else "slack"
    return platform, normal_id(user_id) if platform == "teams" else user_id


@click.command()
@_whose
def export(platform: str | None, user_id: str) -> None:
    """Print everything stored about one person, as JSON.

    Times are in ISO 8601 (UTC); nobody found is an error (exit status 1)."""
    from handlers import privacy

    platform, user_id = _whom(platform, user_id)
    runtime = runtime_or_exit(settings_or_exit(), reads_only=True)
    try:
        name = runtime.core.directory.name_of(platform, user_id)
        found = privacy.export(runtime.db, platform, user_id, name)
    finally:
        runtime.db.close()
    if not found:
        raise _nobody(platform, user_id)
    echo_json_lines([{"platform": platform, "user_id": user_id, "tables": found}], "")


@click.command()
@_whose
@click.option("--yes", is_flag=True, help="Forget them without asking first.")
def forget(platform: str | None, user_id: str, yes: bool) -> None:
    """Delete one person's own data and unlink them from reports, answers and clicks.

    Asks first, naming the person. Nobody found (a mistyped id, or someone already forgotten)
    is an error (exit status 1), before asking. The report cards and forwarded questions
    already posted that name them are updated to show a former employee. Someone still in the
    workspace or tenant is not read again from its member list (a hash of their id is kept for
    that), so gets no digests, until they write to the bot themselves."""
    from bot.delivery.ledger import Ledger
    from handlers import privacy
    from handlers.announcements.store import AnnouncementStore
    from handlers.reports import Reports
    from handlers.reports.store import ReportStore
    from handlers.team_questions import TeamQuestions

    platform, user_id = _whom(platform, user_id)
    runtime = runtime_or_exit(settings_or_exit())
    stand_in = privacy.tombstone()
    try:
        name = runtime.core.directory.name_of(platform, user_id)
        # The id is typed by hand from a request, one character from a colleague's (review14a A9).
        if not privacy.export(runtime.db, platform, user_id, name):
            raise _nobody(platform, user_id)
        whom = f"{platform} user {user_id}"
        if name != user_id:  # the directory knows their name
            whom = f"{name} ({whom})"
        if not yes:
            question = f"Forget {whom}? Their own rows are deleted, others unlinked."
            click.confirm(question, abort=True)
        went_by = _names_of_theirs(runtime, platform, user_id)
        changed = privacy.forget(runtime.db, platform, user_id, stand_in)
        runtime.core.directory.keep_out(platform, user_id)
        report_store = ReportStore(runtime.db)
        changed.update(report_store.forget(platform, user_id, stand_in))
        namesakes = report_store.by_name(platform, name) if name != user_id else 0
        changed.update(AnnouncementStore(runtime.db).forget(platform, user_id))
        if platform == "teams":
            changed["teams_conversations"] = runtime.teams.conversations.forget(user_id)
        reports, questions = Reports(runtime.core), TeamQuestions(runtime.core)
        named = reports.store.naming(platform, stand_in)
        asked = questions.naming(platform, stand_in)
        about = [report.ref for report in named] + [question.id for question in asked]
        changed["deliveries"] = Ledger(runtime.db).forget(
            platform, user_id, stand_in, (user_id, *went_by), about
        )
        changed = {table: count for table, count in changed.items() if count}
        # Only then the platforms' clients: most people are on no card.
        if named or asked:
            shown = asyncio.run(_show_cards_again(runtime, reports, named, questions, asked))
        else:
            shown = []
    finally:
        runtime.db.close()
    if not changed:
        raise _nobody(platform, user_id)
    for table, count in changed.items():
        click.echo(f"{table}: {count} row(s)")
    click.echo(
        f"Kept out: {platform} user {user_id} is not read again from the member list, so gets no"
        " digests and nothing more is stored about them (only a hash of their id is kept for"
        " that), until they write to the bot themselves: then they are a new person to it."
    )
    for cards in shown:
        if cards.updated:
            click.echo(f"{cards.kind}s updated to show a former employee: {cards.updated}")
    if namesakes:
        click.echo(
            f"Left as they are: {namesakes} message(s) by someone called {name} reported before"
            " authors were kept by id, which a namesake may have written"
            " (`socialbot export` lists them under report_reporters.source_author_name)."
        )
    for cards in shown:
        if cards.missed:
            click.echo(
                f"Could not update {len(cards.missed)} {cards.kind}(s), which still show the"
                f" name: {', '.join(cards.missed)}. {cards.then}"
            )


def _names_of_theirs(runtime: Runtime, platform: str, user_id: str) -> set[str]:
    """The names the person went by (the directory's, and the ones their reports keep from
    before a change) that nobody else in the directory goes by: a namesake's messages are not
    theirs (the ones about their own reports and questions are found by key)."""
    went_by = {
        name
        for (name,) in runtime.db.execute(
            "SELECT name FROM people WHERE platform = ? AND user_id = ?"
            " UNION SELECT name FROM report_reporters WHERE platform = ? AND user_id = ?",
            [platform, user_id, platform, user_id],
        )
        if name
    }
    shared = runtime.db.execute(
        "SELECT name FROM people WHERE name IN (SELECT value FROM json_each(?))"
        " AND NOT (platform = ? AND user_id = ?)",
        [json.dumps(sorted(went_by)), platform, user_id],
    )
    return went_by - {name for (name,) in shared}


@dataclass
class _Shown:
    """What showing one kind of card again did: how many were updated, and where the ones
    that could not be are (`then`: what becomes of those)."""

    kind: str
    then: str
    updated: int = 0
    missed: list[str] = field(default_factory=list)

    def add(self, label: str, cards: int, failed: list[tuple[str, str]]) -> None:
        """Count the `cards` about `label` updated but those `failed` (platform, recipient)."""
        from handlers.privacy import is_forgotten

        self.updated += cards - len(failed)
        self.missed += [
            f"{label} ({platform} "
            + ("a former employee's chat" if is_forgotten(recipient) else recipient)
            + ")"
            for platform, recipient in failed
        ]


async def _show_cards_again(
    runtime: Runtime,
    reports: Reports,
    named: list[Report],
    questions: TeamQuestions,
    asked: list[StoredAnswer],
) -> list[_Shown]:
    """Update every posted card of the reports `named` and the forwarded questions `asked`
    (they name a forgotten person). Cards never sent, deleted, or on a platform this command
    cannot reach are listed as missed."""
    report_cards = _Shown(
        "report card",
        "Each changes at its report's next update; delete it by hand to remove it now.",
    )
    forwarded = _Shown("forwarded question card", "Delete each by hand to remove the name.")
    try:
        for report in named:
            failed = await reports.update_cards(report)
            cards = len(reports.store.cards(report.id))
            report_cards.add(report.ref, cards, [(c.platform, c.recipient) for c in failed])
        for question in asked:
            cards = len(questions.cards(question.id))
            label = f'"{shorten(question.question, 40, placeholder="…")}"'
            forwarded.add(label, cards, await questions.update_cards(question))
    finally:
        await runtime.delivery.stop()
        await runtime.close_clients()
    return [report_cards, forwarded]
