"""`socialbot backup FILE` and `socialbot restore FILE`: the database copied out and back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.cli_support import settings_or_exit

if TYPE_CHECKING:
    from bot.backup import Copied

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
def restore_command(file: Path, yes: bool) -> None:
    """Replace the database with the backup FILE; refused while `socialbot run` uses it."""
    from bot.backup import BackupError, restore
    from bot.store import AlreadyRunning, RunLock
    from handlers.digest.capability import plan_of

    settings = settings_or_exit()
    # The run lock, held while the file is replaced: refused while a bot runs on the database,
    # and no bot can start on it halfway through.
    lock = RunLock(settings.db)
    try:
        lock.acquire()
    except AlreadyRunning as error:
        raise click.ClickException(f"not restored: {error}") from None

    def ask() -> None:
        if settings.db.exists() and not yes:
            click.confirm(f"Replace {settings.db} with {file}?", abort=True)

    try:
        # Asks once the backup checked out.
        copied = restore(file, settings.db, confirm=ask, plan=plan_of(settings))
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    finally:
        lock.release()
    click.echo(f"Restored {_summary(copied)}")
    if copied.previous is not None:
        click.echo(f"The database it replaced is kept as {copied.previous}.")
    if copied.unfinished:
        click.echo(
            f"{copied.unfinished} unfinished deliveries will each be looked up on the platform"
            " before sending, in case they went out after the backup was taken."
        )
    if copied.digests_done:
        click.echo(
            f"Today's digest counts as sent for {copied.digests_done} people whose digest time"
            " had come (it may have gone out after the backup was taken); the next comes on"
            " their next day."
        )
    if copied.held:
        click.echo(
            f"{copied.held} scheduled announcements were due before now and may have gone out"
            " after the backup: none is sent by itself; each announcer is asked to send it now"
            " or cancel it (`/announce list` shows them)."
        )
