"""`socialbot export` and `socialbot forget`: a person's data on request."""

from __future__ import annotations

import click

from bot.cli_support import echo_json_lines, runtime_or_exit, settings_or_exit

PLATFORMS = click.Choice(["slack", "teams", "console"])


def _user(platform: str, user_id: str) -> str:
    """The user id as stored: a Teams Entra object id in lower case, however it was pasted."""
    from handlers.people import normal_id

    return normal_id(user_id) if platform == "teams" else user_id


@click.command()
@click.option("--platform", type=PLATFORMS, default="slack", show_default=True)
@click.option("--user", "user_id", required=True, help="The person's user id on that platform.")
def export(platform: str, user_id: str) -> None:
    """Print everything stored about one person, as JSON.

    Times are in ISO 8601 (UTC); nobody found is an error (exit status 1)."""
    from handlers import privacy

    user_id = _user(platform, user_id)
    runtime = runtime_or_exit(settings_or_exit())
    try:
        found = privacy.export(runtime.db, platform, user_id)
    finally:
        runtime.db.close()
    if not found:
        raise click.ClickException(
            f"Nobody found: nothing is stored about {platform} user {user_id}. "
            "Check the user id and --platform (slack unless given)."
        )
    echo_json_lines([{"platform": platform, "user_id": user_id, "tables": found}], "")


@click.command()
@click.option("--platform", type=PLATFORMS, default="slack", show_default=True)
@click.option("--user", "user_id", required=True, help="The person's user id on that platform.")
@click.confirmation_option(
    prompt="Forget this person? Their own rows are deleted, others unlinked."
)
def forget(platform: str, user_id: str) -> None:
    """Delete one person's own data and unlink them from reports, answers and clicks."""
    from bot.delivery.ledger import Ledger
    from handlers import privacy
    from handlers.reports.store import ReportStore

    user_id = _user(platform, user_id)
    runtime = runtime_or_exit(settings_or_exit())
    stand_in = privacy.tombstone()
    try:
        changed = privacy.forget(runtime.db, platform, user_id, stand_in)
        changed["deliveries"] = Ledger(runtime.db).forget(platform, user_id, stand_in)
        changed["report_assignments"] = ReportStore(runtime.db).forget(platform, user_id, stand_in)
        if platform == "teams":
            changed["teams_conversations"] = runtime.teams.conversations.forget(user_id)
        changed = {table: count for table, count in changed.items() if count}
    finally:
        runtime.db.close()
    if not changed:
        click.echo(f"Nothing stored about {platform} user {user_id}.")
    for table, count in changed.items():
        click.echo(f"{table}: {count} row(s)")
