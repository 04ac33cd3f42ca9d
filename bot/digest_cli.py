"""`socialbot digest preview|send` and `socialbot stats`: the daily digest from the command line."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

import click

from bot.cli_support import echo_json_lines, runtime_or_exit, settings_or_exit

if TYPE_CHECKING:
    from bot.app import Runtime
    from handlers.digest import Digest

T = TypeVar("T")


@contextmanager
def _digest(reads_only: bool = False) -> Iterator[tuple[Runtime, Digest]]:
    """The wired bot and its digest (on a database it cannot write, only read, for a command
    that `reads_only`); the database is closed on the way out."""
    runtime = runtime_or_exit(settings_or_exit(), reads_only=reads_only)
    try:
        yield runtime, runtime.digest
    finally:
        runtime.db.close()


async def _closing(runtime: Runtime, work: Awaitable[T]) -> T:
    """`work`, then the model's client closed (the model may write the posts)."""
    try:
        return await work
    finally:
        await runtime.close_clients()


def _whom(runtime: Runtime, user_id: str | None) -> tuple[str, str]:
    """(platform, user id) of `--user`, or of the first person the directory knows (on
    Slack or Teams rather than the console)."""
    from handlers.digest.capability import PLATFORMS

    directory = runtime.core.directory
    if user_id is None:
        people = directory.active(include_guests=runtime.settings.include_guests)
        people.sort(key=lambda member: member.platform == "console")  # chat platforms first
        return (people[0].platform, people[0].user_id) if people else ("console", "console")
    for platform in PLATFORMS:
        if directory.get(platform, user_id) is not None:
            return platform, user_id
    click.echo(
        f"Error: no one with the id {user_id} is in the directory; people come from Slack's"
        " and Teams' member lists once the bot has run, console users once their session starts.",
        err=True,
    )
    sys.exit(1)


@click.group("digest")
def digest() -> None:
    """The daily digest: see what someone would get, or send today's."""


@digest.command("preview")
@click.option("--user", "user_id", metavar="ID", help="Whose digest (default: the first person).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object with the items and posts.")
def preview(user_id: str | None, as_json: bool) -> None:
    """Show what someone would get now; nothing is sent or recorded."""
    from bot.console.render import render

    with _digest(reads_only=True) as (runtime, capability):
        platform, user = _whom(runtime, user_id)
        now = datetime.now(UTC)
        plan = asyncio.run(_closing(runtime, capability.plan_for(platform, user, now)))
        quiet = capability.why_quiet_for(platform, user, now)
        off = capability.day_off(platform, user, now)
        shown = capability.preview(plan)
    if as_json:
        echo_json_lines([plan.as_json()], "")
    elif plan.empty:
        click.echo(f"No digest for {user} now. {off or quiet.text}")
    else:
        if off:
            click.echo(f"{off} It would hold:")
        click.echo(render(shown))


@digest.command("send")
@click.option(
    "--now", "everyone", is_flag=True, help="Everyone who wants digests, whatever their time."
)
def send(everyone: bool) -> None:
    """Queue today's digest for everyone due (or everyone) and deliver it, with progress."""
    with _digest() as (runtime, capability):
        asyncio.run(_closing(runtime, _send(runtime, capability, everyone)))


async def _send(runtime: Runtime, capability: Digest, everyone: bool) -> None:
    from bot.delivery.cli import progress_bar
    from bot.store import RunLock
    from handlers.digest import ids
    from handlers.digest.quiet import Why

    now = datetime.now(UTC)
    # Two senders would share Slack's and Teams' one rate, each refused (429) half the time.
    running = RunLock(runtime.settings.db).holder()
    if running is None:
        await runtime.delivery.start()
    try:
        queued = await (capability.send_everyone(now) if everyone else capability.send_due(now))
        # A run killed half-way left its digests queued in the ledger: finish them too.
        left = {
            key for purpose, key in runtime.delivery.ledger.unfinished() if purpose == ids.PURPOSE
        }
        if not queued.keys and not left:
            quiet = capability.why_quiet(now, queued, due_only=not everyone)
            hint = ""
            if quiet.why is Why.NOT_DUE:
                hint = f"{_days_off(runtime, capability, now)} `--now` sends everyone theirs now."
            click.echo(f"No digest to send now. {quiet.text}{hint}")
            return
        if running is not None:
            click.echo(
                f"socialbot run is running on this database ({running}): it sends the digests"
                " at the pace Slack and Teams allow, within seconds; waiting for it (Ctrl-C"
                " stops the waiting, not the sending).",
                err=True,
            )
        for key in sorted(queued.keys | left):
            with progress_bar(f"Digest {key}") as bar:
                state = await runtime.delivery.run_until_done(
                    ids.PURPOSE, key, bar, by_another=running is not None
                )
            click.echo(f"Digest {key}: {state.sent} sent, {state.failed} failed.")
    finally:
        await runtime.delivery.stop()


def _days_off(runtime: Runtime, capability: Digest, now: datetime) -> str:
    """Whose day off today is (a holiday, or none of their digest days), with the first's
    reason and next digest; "" when it is nobody's (review16a W9)."""
    people = runtime.core.directory.active(include_guests=runtime.settings.include_guests)
    off = [
        (member.user_id, why)
        for member in people
        if (why := capability.day_off(member.platform, member.user_id, now))
    ]
    if not off:
        return ""
    whom = "1 person" if len(people) == 1 else f"{len(off)} of {len(people)} people"
    user_id, why = off[0]
    return f" Today is off for {whom}; for {user_id}: {why}"


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per item.")
def stats(as_json: bool) -> None:
    """Share clicks on digest items, per network, most shared first."""
    from content_feed.compose import NETWORK_NAMES, NETWORKS

    with _digest(reads_only=True) as (_, capability):
        rows = capability.stats()
    if as_json:
        records = ({**asdict(row), "total": row.total} for row in rows)
        echo_json_lines(records, "No share clicks yet.")
        return
    if not rows:
        click.echo("No share clicks on digest items yet.")
        return
    names = [NETWORK_NAMES[n] for n in NETWORKS]
    click.echo(f"{'ITEM':>6}  " + "".join(f"{n:>10}" for n in names) + "  TITLE")
    for row in rows:
        figures = "".join(f"{row.clicks.get(n.value, 0):>10}" for n in NETWORKS)
        click.echo(f"{row.item_id:>6}  {figures}  {row.title}")
