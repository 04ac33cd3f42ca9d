"""`socialbot questions`: the questions forwarded to the social media team, with their answers."""

from __future__ import annotations

import click

from bot.cli_support import echo_json_lines, runtime_or_exit, settings_or_exit


@click.command("questions")
@click.option("--waiting", is_flag=True, help="Only those the team has not answered yet.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per question and line.")
def questions(waiting: bool, limit: int, as_json: bool) -> None:
    """The questions forwarded to the social media team: who asked what, and the answers."""
    from handlers.team_questions import forwarded_questions

    runtime = runtime_or_exit(settings_or_exit(), reads_only=True)
    try:
        found, total, still = forwarded_questions(
            runtime.db, runtime.core.directory, waiting_only=waiting, limit=limit
        )
    finally:
        runtime.db.close()
    none = "No question waits for an answer." if waiting else "No question forwarded yet."
    if as_json:
        echo_json_lines((question.as_json() for question in found), none)
        return
    click.echo(f"{total} forwarded to the team, {total - still} answered, {still} waiting.")
    for question in found:
        record = question.as_json()
        click.echo(f"{record['forwarded_at']}  {question.asked_by} ({question.platform}) asked:")
        click.echo(f"  {question.question}")
        if question.answer is None:
            click.echo("  waiting for an answer")
        else:
            click.echo(f"  {question.answered_by} answered {record['answered_at']}:")
            click.echo(f"  {question.answer}")
