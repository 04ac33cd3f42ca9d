"""What every `socialbot` command needs first: the settings and the wired bot, or a clear exit."""

from __future__ import annotations

import difflib
import sys
from typing import Any

import click

from bot.app import Runtime, build_runtime
from bot.logs import configure_logging
from bot.settings import Settings, SettingsError, load_settings


def settings_or_exit(**overrides: Any) -> Settings:
    """The settings, or one clear line per bad setting and exit status 2."""
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
    return settings


def runtime_or_exit(settings: Settings) -> Runtime:
    """The wired bot, or a clear line when the database cannot be used."""
    try:
        return build_runtime(settings)
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
