"""`socialbot announcements`: list the announcements scheduled or going out, and cancel one
(an admin's way to stop one whose announcer cannot)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from bot.cli_support import database_or_exit, settings_or_exit

if TYPE_CHECKING:
    from sqlite_utils import Database


@contextmanager
def _database(reads_only: bool = False) -> Iterator[Database]:
    from bot.delivery import ledger
    from handlers.announcements import store

    migrations = [store.migrations, ledger.migrations]
    db = database_or_exit(settings_or_exit().db, migrations, reads_only=reads_only)
    try:
        yield db
    finally:
        db.close()


@click.group("announcements")
def announcements() -> None:
    """Announcements: those scheduled or going out, and cancelling one."""


@announcements.command("list")
def list_command() -> None:
    """The announcements scheduled or going out: number, state, headline."""
    from handlers.announcements.store import SCHEDULED, SENDING, AnnouncementStore

    with _database(reads_only=True) as db:
        listed = AnnouncementStore(db).in_state(SCHEDULED, SENDING)
        for announcement in listed:
            state = "late" if announcement.late else announcement.state
            click.echo(f"#{announcement.id}\t{state}\t{announcement.draft.headline}")
        if not listed:
            click.echo("No announcements are scheduled or going out.")


@announcements.command("cancel")
@click.argument("number", type=int)
def cancel(number: int) -> None:
    """Cancel announcement NUMBER: scheduled, nothing goes; going out, the copies not sent
    yet do not (the running bot tells its announcer)."""
    from bot.delivery.ledger import Ledger
    from handlers.announcements import ids
    from handlers.announcements.figures import stopped, went
    from handlers.announcements.store import SCHEDULED, AnnouncementStore
    from handlers.announcements.views import cancelled_text
    from handlers.errors import UserError

    with _database() as db:
        store = AnnouncementStore(db)
        try:
            cancelled = store.cancel(number)
        except UserError as error:
            raise click.ClickException(str(error)) from None
        if cancelled.state != SCHEDULED:
            Ledger(db).withdraw(cancelled.target, ids.PURPOSE, str(number))
        click.echo(cancelled_text(cancelled, stopped(store, cancelled), went(store, number)))
