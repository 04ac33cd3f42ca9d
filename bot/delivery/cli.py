"""`socialbot deliveries`: the ledger per purpose, and the progress bar a CLI fan-out shows."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import click

from bot.cli_support import database_or_exit, echo_json_lines, settings_or_exit, since_option

if TYPE_CHECKING:
    from bot.delivery.ledger import Ledger
    from bot.delivery.progress import Progress, ProgressCallback


def _show(item: object) -> str | None:
    return None if item is None else str(item)


@contextmanager
def progress_bar(label: str) -> Iterator[ProgressCallback]:
    """A progress callback for `engine.run_until_done` drawing a bar on stderr."""
    bar: Any = None
    shown = 0

    def update(progress: Progress) -> None:
        nonlocal bar, shown
        if bar is None:
            bar = click.progressbar(
                length=max(progress.total, 1),
                label=label,
                show_pos=True,
                show_eta=True,
                item_show_func=_show,
                file=sys.stderr,
            )
            bar.__enter__()
        finished = progress.sent + progress.failed
        note = f"{progress.rate:.1f}/s" + (f", {progress.failed} failed" if progress.failed else "")
        bar.update(finished - shown, current_item=note)
        shown = finished

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def _ledger(ctx: click.Context, reads_only: bool = False) -> Ledger:
    from bot.delivery.ledger import Ledger, migrations
    from bot.settings import Settings

    settings = ctx.find_object(Settings) or settings_or_exit()
    return Ledger(database_or_exit(settings.db, [migrations], reads_only=reads_only))


def _purposes(ledger: Ledger) -> list[str]:
    """The purposes the bot sends under, and any other the ledger holds."""
    from bot.delivery.gateway import DM_ANSWER, LATE_ANSWER, MENTION_ANSWER
    from handlers.announcements import ids as announcements
    from handlers.digest import ids as digest
    from handlers.insights.capability import ASKED, WEEKLY
    from handlers.reports import ids as reports
    from handlers.team_questions import QUESTION_FOR_TEAM, TEAM_ANSWER

    known = [digest.PURPOSE, announcements.PURPOSE, announcements.PROGRESS, reports.CARD]
    known += [reports.STATUS, reports.REMINDER, reports.CRISIS_PING, reports.REOPENED]
    known += [reports.HANDOVER, reports.NOT_TOLD, WEEKLY, ASKED]
    known += [QUESTION_FOR_TEAM, TEAM_ANSWER, DM_ANSWER, MENTION_ANSWER, LATE_ANSWER]
    return known + sorted({row.purpose for row in ledger.summary()} - set(known))


def _check_purpose(ledger: Ledger, purpose: str | None) -> None:
    """Refuse a purpose the bot never sends under, as click refuses a choice."""
    if purpose is not None and purpose not in (purposes := _purposes(ledger)):
        one_of = ", ".join(f"'{known}'" for known in purposes)
        raise click.BadParameter(f"'{purpose}' is not one of {one_of}.", param_hint="'--purpose'")


@click.group("deliveries")
def deliveries() -> None:
    """Outbound messages: what is queued, sent and failed."""


@deliveries.command("status")
@click.option("--purpose", help="Only this purpose (digest, announcement, ...).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per fan-out and line.")
@click.pass_context
def status(ctx: click.Context, purpose: str | None, as_json: bool) -> None:
    """Queued, sent and failed counts per purpose and key, with the failure reasons."""
    ledger = _ledger(ctx, reads_only=True)
    rows = ledger.summary(purpose)
    if not rows:
        _check_purpose(ledger, purpose)
    if as_json:
        echo_json_lines(
            ({**asdict(row), "remaining": row.remaining} for row in rows), "No deliveries yet."
        )
        return
    if not rows:
        click.echo("No deliveries yet.")
        return
    click.echo(
        f"{'PURPOSE':<16} {'KEY':<24} {'QUEUED':>7} {'SENDING':>7} {'SENT':>7} {'FAILED':>7}"
    )
    for row in rows:
        click.echo(
            f"{row.purpose:<16} {row.key:<24} {row.queued:>7} {row.sending:>7} "
            f"{row.sent:>7} {row.failed:>7}"
        )
        for reason, count in row.reasons.items():
            click.echo(f"    {count:>6}  {reason}")


@deliveries.command("retry")
@click.option("--purpose", help="Only this purpose (digest, announcement, ...).")
@click.option("--key", help="Only this key of the purpose (an announcement's number, a date).")
@since_option("1d")
@click.pass_context
def retry(ctx: click.Context, purpose: str | None, key: str | None, days: int) -> None:
    """Queue again what failed for good (recently, of this purpose and key); the running bot
    sends it, nobody gets a message twice."""
    import time

    from bot.delivery.ledger import FAILED_BODIES_KEPT

    if key is not None and purpose is None:
        raise click.UsageError("--key needs --purpose")
    ledger = _ledger(ctx)
    failed = ledger.failed_since(time.time() - days * 86400, purpose, key)
    if not failed:
        _check_purpose(ledger, purpose)
        click.echo("Nothing failed to send again.")
        return
    for (platform, p, k), recipients in sorted(failed.items()):
        now = time.time()
        ended = ledger.past_end(platform, recipients, p, k, now)
        again = ledger.retry_failed(platform, recipients, p, k, now)
        too_old = len(recipients) - again - ended
        kept = f"a message is kept {FAILED_BODIES_KEPT / 86400:g} days after it fails"
        note = f"; {too_old} failed too long ago to send again ({kept})" if too_old else ""
        note += f"; {ended} past its end (a digest: its person's day) is not sent" if ended else ""
        click.echo(f"{p} {k}: {again} {platform} message(s) queued again{note}")
