"""`socialbot export` and `socialbot forget`: a person's data on request."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import click

from bot.cli_support import echo_json_lines, runtime_or_exit, settings_or_exit

if TYPE_CHECKING:
    from bot.app import Runtime
    from handlers.reports.model import Report

PLATFORMS = click.Choice(["slack", "teams", "console"])
GUESSED = "teams for an Entra object id, slack for any other id, unless given"


def _whom(platform: str | None, user_id: str) -> tuple[str, str]:
    """The platform (`--platform`, else teams for an Entra object id, as the role settings
    read it, and slack for any other id) and the user id as stored: a Teams Entra object id
    in lower case, however it was pasted."""
    from handlers.people import fits, normal_id

    if platform is None:
        platform = "teams" if fits("teams", normal_id(user_id)) else "slack"
    return platform, normal_id(user_id) if platform == "teams" else user_id


@click.command()
@click.option("--platform", type=PLATFORMS, help=f"The person's platform ({GUESSED}).")
@click.option("--user", "user_id", required=True, help="The person's user id on that platform.")
def export(platform: str | None, user_id: str) -> None:
    """Print everything stored about one person, as JSON.

    Times are in ISO 8601 (UTC); nobody found is an error (exit status 1)."""
    from handlers import privacy

    platform, user_id = _whom(platform, user_id)
    runtime = runtime_or_exit(settings_or_exit())
    try:
        found = privacy.export(runtime.db, platform, user_id)
    finally:
        runtime.db.close()
    if not found:
        raise click.ClickException(
            f"Nobody found: nothing is stored about {platform} user {user_id}. "
            f"Check the user id and --platform ({GUESSED})."
        )
    echo_json_lines([{"platform": platform, "user_id": user_id, "tables": found}], "")


@click.command()
@click.option("--platform", type=PLATFORMS, help=f"The person's platform ({GUESSED}).")
@click.option("--user", "user_id", required=True, help="The person's user id on that platform.")
@click.confirmation_option(
    prompt="Forget this person? Their own rows are deleted, others unlinked."
)
def forget(platform: str | None, user_id: str) -> None:
    """Delete one person's own data and unlink them from reports, answers and clicks.

    The report cards already posted that name them are updated to show a former employee."""
    from bot.delivery.ledger import Ledger
    from handlers import privacy
    from handlers.reports.store import ReportStore

    platform, user_id = _whom(platform, user_id)
    runtime = runtime_or_exit(settings_or_exit())
    stand_in = privacy.tombstone()
    try:
        changed = privacy.forget(runtime.db, platform, user_id, stand_in)
        changed["deliveries"] = Ledger(runtime.db).forget(platform, user_id, stand_in)
        changed.update(ReportStore(runtime.db).forget(platform, user_id, stand_in))
        if platform == "teams":
            changed["teams_conversations"] = runtime.teams.conversations.forget(user_id)
        changed = {table: count for table, count in changed.items() if count}
        named = ReportStore(runtime.db).naming(platform, stand_in)
        shown, missed = asyncio.run(_show_cards_again(runtime, named)) if named else (0, [])
    finally:
        runtime.db.close()
    if not changed:
        click.echo(f"Nothing stored about {platform} user {user_id}.")
    for table, count in changed.items():
        click.echo(f"{table}: {count} row(s)")
    if shown:
        click.echo(f"report cards updated to show a former employee: {shown}")
    if missed:
        click.echo(
            f"Could not update {len(missed)} report card(s), which still show the name: "
            + ", ".join(missed)
            + ". Each changes at its report's next update; delete it by hand to remove it now."
        )


async def _show_cards_again(runtime: Runtime, named: list[Report]) -> tuple[int, list[str]]:
    """Update every posted card of the reports `named` (they name a forgotten person): how
    many were updated, and the ones that could not be (a card never sent, deleted, or on a
    platform this command cannot reach)."""
    from handlers.privacy import is_forgotten
    from handlers.reports import Reports

    reports = Reports(runtime.core)
    shown, missed = 0, []
    try:
        for report in named:
            failed = await reports.update_cards(report)
            shown += len(reports.store.cards(report.id)) - len(failed)
            missed += [
                f"{report.ref} ({card.platform} "
                + ("a former employee's chat" if is_forgotten(card.recipient) else card.recipient)
                + ")"
                for card in failed
            ]
    finally:
        await runtime.delivery.stop()
        await runtime.close_clients()
    return shown, missed
