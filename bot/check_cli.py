"""`socialbot check` and `socialbot checks stats|feedback`: drafts checked on the command line."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import click

from bot.cli_support import SuggestingGroup, echo_json_lines, settings_or_exit, since_option

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bot.llm import OpenAICompleter
    from bot.settings import Settings
    from handlers.checks.concerns import Result
    from handlers.checks.service import Checks


def _print(result: Result, as_json: bool, model: bool) -> None:
    from handlers.texts import text_for

    if as_json:
        # With a model configured, whether it reviewed this draft (it may be down or slow).
        shown = {**result.as_json(), "by_model": result.by_model} if model else result.as_json()
        click.echo(json.dumps(shown, ensure_ascii=False))
        return
    if result.ok:
        click.echo(f"OK: {text_for('nothing', result.language)}")
    for concern in result.concerns:
        click.echo(f"{concern.kind.value}: {concern.reason}")
        if concern.span:
            click.echo(f"    in: {' '.join(concern.span.text.split())}")
        if concern.fix:
            click.echo(f"    fix: {concern.fix}")
        if concern.section:
            click.echo(f"    [{concern.section}]")
    click.echo()


def _database_or_exit(settings: Settings, reads_only: bool = False) -> Database:
    """The database with the core's tables (those of the checks included) and nothing of the
    platforms; one line and exit status 2 when it cannot be used (read as it is where it
    cannot be written, for a command that `reads_only`)."""
    from bot.settings import SettingsError
    from bot.wiring import open_core_database

    try:
        return open_core_database(settings.db, upgrade=False, reads_only=reads_only)
    except SettingsError as error:
        click.echo(str(error), err=True)
        sys.exit(2)


def _checks_or_exit(settings: Settings) -> tuple[Checks, OpenAICompleter | None]:
    """Only what checking needs: the database (for open reports and the check counts), the
    guidelines and the model; no platform client, scheduler or delivery engine. A database
    that cannot be used is one line and exit status 2."""
    from bot.wiring import build_core

    parts = build_core(settings, _database_or_exit(settings))
    return parts.checks, parts.model


async def _check_all(
    checks: Checks, model: OpenAICompleter | None, drafts: list[str], profile: str, as_json: bool
) -> None:
    from handlers.errors import UserError

    try:
        for draft in drafts:
            try:
                result = await checks.check(draft, profile)
            except UserError as error:
                click.echo(f"Not checked: {error}", err=True)
                continue
            _print(result, as_json, model is not None)
    finally:
        if model is not None:
            await model.aclose()  # its pooled connections belong to this loop


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per draft.")
@click.option("--profile", default="", help="What the author's profile says (for disclosure).")
@click.argument("draft", required=False)
def check(as_json: bool, profile: str, draft: str | None) -> None:
    """Check a post before it goes out (or one per line of standard input; \\n is a line break)."""
    checks, model = _checks_or_exit(settings_or_exit())
    if draft is not None:
        drafts = [draft]
    else:
        drafts = [line.strip().replace("\\n", "\n") for line in sys.stdin if line.strip()]
    if not drafts:
        click.echo("No draft: give one as an argument or one per line of stdin.", err=True)
    missing = checks.review.missing_settings()
    if missing and not as_json:
        click.echo("Some checks are off; set " + "; ".join(missing) + ".", err=True)
    try:
        asyncio.run(_check_all(checks, model, drafts, profile, as_json))
    finally:
        checks.core.db.close()


@click.group(cls=SuggestingGroup)
def checks() -> None:
    """Checked drafts: which concerns come up most, and the checks people marked 👎."""


@checks.command()
@since_option()
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
def stats(days: int, as_json: bool) -> None:
    """How many drafts were checked and how many had each kind of concern (nobody's names)."""
    from handlers.checks import stats as check_stats

    settings = settings_or_exit()
    db = _database_or_exit(settings, reads_only=True)
    try:
        today = datetime.now(ZoneInfo(settings.timezone)).date()  # the company's day
        found = check_stats.stats(db, today - timedelta(days=days))
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps(found.as_json()))
        return
    click.echo(f"{found.checked} drafts checked since {found.since.isoformat()}")
    for kind, count in found.by_kind.items():
        share = f" ({count / found.checked:.0%})" if found.checked else ""
        click.echo(f"  {kind:<20} {count}{share}")


@checks.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per draft.")
def feedback(as_json: bool) -> None:
    """The drafts whose check their askers marked 👎, newest first (without their names)."""
    from handlers.checks import stats as check_stats

    db = _database_or_exit(settings_or_exit(), reads_only=True)
    try:
        votes = check_stats.downvotes(db)
    finally:
        db.close()
    none = "No 👎 on any check yet."
    if as_json:
        records = ({"at": v.at, "draft": v.draft, "kinds": list(v.kinds)} for v in votes)
        echo_json_lines(records, none)
        return
    if not votes:
        click.echo(none)
    for vote in votes:
        found = ", ".join(vote.kinds) or "no concerns"
        click.echo(f"{vote.at}  ({found})\n    {' '.join(vote.draft.split())}")
