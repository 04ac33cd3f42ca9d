"""What every `socialbot` command needs first: the settings and the wired bot, or a clear exit.

Nothing heavy is imported at module level: `socialbot --help` imports this module, and it must
not pay for openai, botbuilder, aiohttp or wordllama (each command imports what it uses).
"""

from __future__ import annotations

import csv
import difflib
import importlib
import json
import logging
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from bot.app import Runtime
    from bot.settings import Settings
    from bot.store import WaitForTheLock


def settings_or_exit(*, for_people: bool = True, **overrides: Any) -> Settings:
    """The settings, or one clear line per bad setting and exit status 2. A command `for_people`
    says which values a ` #` may have changed (`Settings.comments_at_a_hash`) and, run in a
    terminal, logs only warnings (unless SOCIALBOT_LOG_LEVEL says otherwise): INFO lines would
    break into its output and progress bars."""
    from bot.logs import configure_logging
    from bot.settings import SettingsError, load_settings

    try:
        settings = load_settings(**overrides)
    except SettingsError as error:
        click.echo(str(error), err=True)
        sys.exit(2)
    secrets = [
        value.get_secret_value()
        for value in (
            settings.slack_bot_token,
            settings.slack_app_token,
            settings.slack_signing_secret,
            settings.microsoft_app_password,
            settings.openai_api_key,
        )
        if value is not None
    ]
    configure_logging(settings.log_level, settings.log_format, secrets)
    if for_people:
        for line in settings.comments_at_a_hash():  # `socialbot run` says it with the other gaps
            click.echo(f"Warning: {line}.", err=True)
        if sys.stderr.isatty():
            quiet_logs(settings)
    return settings


def echo_json_lines(records: Iterable[Mapping[str, Any]], empty: str) -> None:
    """`--json` output, the same for every command: JSON Lines on stdout, one compact object
    per record and line. With no record, stdout stays empty (zero records) and `empty` is said
    on stderr, so a person sees an answer and a pipe sees none."""
    said = False
    for record in records:
        click.echo(json.dumps(record, ensure_ascii=False, default=str))
        said = True
    if not said:
        click.echo(empty, err=True)


# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def echo_csv(rows: Iterable[Iterable[Any]]) -> None:
    """CSV on stdout for a spreadsheet: a text cell that starts like a formula (a report's
    note "=HYPERLINK(…)", a display name "@SUM(…)") gets a leading apostrophe, so it is shown
    as typed and never run; numbers stay numbers. It starts with a UTF-8 byte order mark, so
    a spreadsheet opened by double-click reads "João" and "Søren" as such, not as Windows-1252
    (CSV readers skip it: `encoding="utf-8-sig"`)."""
    sys.stdout.write("\ufeff")
    writer = csv.writer(sys.stdout, lineterminator="\n")
    for row in rows:
        writer.writerow(
            "'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS) else cell
            for cell in row
        )


def _period_days(ctx: click.Context, param: click.Parameter, value: str) -> int:
    """A `--since` period (`30d`, `2w`, any number of days or weeks up to a year) as days."""
    from handlers.insights.figures import parse_period

    try:
        return parse_period(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


F = TypeVar("F", bound=Callable[..., Any])


def since_option(default: str = "30d") -> Callable[[F], F]:
    """`--since` of the commands that look back over a period; the command gets `days`."""
    return click.option(
        "--since",
        "days",
        default=default,
        show_default=True,
        callback=_period_days,
        metavar="PERIOD",
        help="How far back: 7d, 30d, 2w (any number of days or weeks, up to a year).",
    )


def quiet_logs(settings: Settings) -> None:
    """Log only warnings and errors, unless SOCIALBOT_LOG_LEVEL was set."""
    if "log_level" not in settings.model_fields_set:
        logging.getLogger().setLevel(logging.WARNING)


def runtime_or_exit(
    settings: Settings,
    *,
    in_memory: bool = False,
    upgrade: bool = False,
    writable: WaitForTheLock | None = None,
    reads_only: bool = False,
) -> Runtime:
    """The wired bot, or a clear line when the database cannot be used. `in_memory` wires it
    on a throwaway database, for commands that only describe the bot (no file is created).
    Only the bot itself (`upgrade`) migrates a database an older release wrote: any other
    command refuses it, as an older bot may still be running on it; `writable` waits while
    another program holds the database's write lock, as the bot's first writes do; a command
    that `reads_only` reads a database that cannot be written (a read-only volume)."""
    from bot.app import build_runtime
    from bot.settings import SettingsError

    try:
        return build_runtime(
            settings, in_memory=in_memory, upgrade=upgrade, writable=writable, reads_only=reads_only
        )
    except SettingsError as error:
        click.echo(str(error), err=True)
        sys.exit(2)


def database_or_exit(
    path: Path, migrations: Iterable[Migrations], *, reads_only: bool = False
) -> Database:
    """The database with the tables of `migrations`, for a command that is not the bot: one
    line and exit status 2, as for a bad setting, when it cannot be used (a database an older
    release wrote is refused, as `runtime_or_exit` refuses it; one that cannot be written is
    read as it is for a command that `reads_only`)."""
    from bot.settings import SettingsError
    from bot.store import open_database

    try:
        return open_database(path, list(migrations), upgrade=False, reads_only=reads_only)
    except SettingsError as error:
        click.echo(str(error), err=True)
        sys.exit(2)


class SuggestingGroup(click.Group):
    """A command group that answers a misspelt command with its closest match."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            close = difflib.get_close_matches(name, self.list_commands(ctx), n=1, cutoff=0.5)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            ctx.fail(f"No such command '{name}'.{hint} See '{ctx.command_path} --help'.")
        return super().resolve_command(ctx, args)


class LazyGroup(SuggestingGroup):
    """A group whose commands from other modules are imported only when one of them runs.

    `lazy` maps a command name to `("module:attribute", short help)`; the short help is what
    `--help` lists without importing the module (tests/test_cli.py checks it matches).
    """

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a database that takes no write (its disk full, another process
        holding its lock) is one line and exit status 1, not a traceback."""
        import sqlite3

        try:
            return super().invoke(ctx)
        except sqlite3.OperationalError as error:
            from bot.storage import unsaved  # not before: `--help` must not import sqlite_utils

            said = unsaved(error)
            if said is None:
                raise
            raise click.ClickException(said) from None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, _, attribute = self.lazy[cmd_name][0].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            assert isinstance(command, click.Command)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names), default=0)
        rows = []
        for name in names:
            command = self.commands.get(name)
            if command is None:
                # A stand-in with the same help shortens it exactly as the real one would.
                stand_in = click.Command(name, help=self.lazy[name][1])
                rows.append((name, stand_in.get_short_help_str(limit)))
            elif not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
