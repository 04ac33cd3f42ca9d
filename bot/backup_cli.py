"""`socialbot backup FILE` and `socialbot restore FILE`: the database copied out and back."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.cli_support import settings_or_exit

if TYPE_CHECKING:
    from bot.backup import Copied, Settled
    from bot.settings import Settings

log = logging.getLogger(__name__)

FILE = click.Path(dir_okay=False, path_type=Path)
BACKUP = click.Path(exists=True, dir_okay=False, path_type=Path)


def _summary(copied: Copied) -> str:
    return (
        f"{copied.path}: {copied.size / 1e6:.1f} MB, {copied.tables} tables, "
        f"{copied.reports} reports, {copied.deliveries} deliveries; integrity check ok."
    )


@click.command("backup")
@click.argument("file", type=FILE)
def backup_command(file: Path) -> None:
    """Copy the live database to FILE (the bot may keep running), checked before it is kept."""
    from bot.backup import BackupError, backup

    settings = settings_or_exit()
    try:
        copied = backup(settings.db, file)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backed up {settings.db} to {_summary(copied)}")


@click.command("restore")
@click.argument("file", type=BACKUP)
@click.option("--yes", is_flag=True, help="Do not ask before replacing the database.")
@click.option(
    "--litestream-replica",
    "replica",
    is_flag=True,
    help="FILE is what `litestream restore` has just made from the replica (current to within"
    " seconds): today's digests are left to the delivery ledger, not counted as sent.",
)
def restore_command(file: Path, yes: bool, replica: bool) -> None:
    """Replace the database with the backup FILE; refused while `socialbot run` uses it."""
    from bot.backup import BackupError, restore
    from bot.settings import SettingsError
    from bot.store import AlreadyRunning, RunLock, refuse_unwritable
    from handlers.digest.capability import plan_of

    settings = settings_or_exit()
    # The run lock, held while the file is replaced: refused while a bot runs on the database,
    # and no bot can start on it halfway through.
    lock = RunLock(settings.db)
    try:
        refuse_unwritable(settings.db)
        lock.acquire()
    except AlreadyRunning as error:
        raise click.ClickException(f"not restored: {error}") from None
    except SettingsError as error:
        click.echo(str(error), err=True)
        sys.exit(2)

    def ask() -> None:
        if settings.db.exists() and not yes:
            click.confirm(f"Replace {settings.db} with {file}?", abort=True)

    try:
        # Asks once the backup checked out.
        copied = restore(file, settings.db, confirm=ask, plan=plan_of(settings), replica=replica)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    finally:
        lock.release()
    click.echo(f"Restored {_summary(copied)}")
    if copied.previous is not None:
        click.echo(f"The database it replaced is kept as {copied.previous}.")
    carried = copied.carried
    if carried is not None and (carried.numbers or carried.updated):
        from handlers.reports.model import reference

        if carried.numbers:
            numbers = ", ".join(
                reference(before) + ("" if now == before else f" (now {reference(now)})")
                for before, now in carried.numbers.items()
            )
            click.echo(
                f"{len(carried.numbers)} reports filed after the backup were carried over from"
                f" {copied.previous}: {numbers}."
            )
        if carried.updated:
            click.echo(
                f"{len(carried.updated)} reports that changed after the backup (reporters,"
                f" notes, triage) were brought up to date from {copied.previous}:"
                f" {', '.join(reference(number) for number in carried.updated)}."
            )
    if copied.settled is not None:
        for line in settled_lines(copied.settled):
            click.echo(line)


def settled_lines(settled: Settled) -> list[str]:
    """What the care after a restore did, as sentences for the operator."""
    lines = []
    if settled.taken_at is not None:
        lines.append(f"The backup was taken at {settled.taken_at:%Y-%m-%d %H:%M:%S} UTC.")
    if settled.damaged_mark is not None:
        lines.append(
            f"When the backup was taken is unknown: its mark is damaged ({settled.damaged_mark!r}"
            " is not a time); it is treated as restored all the same."
        )
    if settled.replica:
        lines.append(
            "It is a Litestream replica, current to within seconds: today's digests are left"
            " to the delivery ledger (nobody's counts as sent unless it went out)."
        )
    if settled.unfinished:
        lines.append(
            f"{settled.unfinished} unfinished deliveries will each be looked up on the platform"
            " before sending, in case they went out after the backup was taken."
        )
    if settled.digests_done:
        lines.append(
            f"Today's digest counts as sent for {settled.digests_done} people whose digest time"
            " had come (it may have gone out after the backup was taken); the next comes on"
            " their next day."
        )
    if settled.held:
        lines.append(
            f"{settled.held} scheduled announcements were due before now and may have gone out"
            " after the backup: none is sent by itself; each announcer is asked to send it now"
            " or cancel it (`/announce list` shows them)."
        )
    return lines


def settle_on_start(settings: Settings) -> None:
    """`socialbot run` on a backup copied into place (not through `socialbot restore`): the
    same care as a restore, so that a fan-out the copy shows unfinished is not sent again."""
    from bot.backup import settle_copied_backup
    from handlers.digest.capability import plan_of

    settled = settle_copied_backup(settings.db, plan_of(settings))
    if settled is not None:
        log.warning(
            "%s is a backup put in place by copying it, so it is treated as restored (next"
            " time, `socialbot restore FILE`). %s",
            settings.db,
            " ".join(settled_lines(settled)),
        )
