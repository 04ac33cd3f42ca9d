"""The `socialbot` command line: run the bot, chat on the console, and manage it."""

from __future__ import annotations

import asyncio
import difflib
import sys
from pathlib import Path
from typing import Any

import click

from bot.app import Runtime, build_runtime, serve
from bot.console.session import ConsoleSession
from bot.logs import configure_logging
from bot.settings import Settings, SettingsError, load_settings
from bot.slack.manifest import manifest_yaml
from bot.teams.package import WEBSITE, PackageError, build_package


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


@click.group(cls=SuggestingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="socialbot")
def main() -> None:
    """socialbot: your social media guidelines, in daily practice, in Slack and Teams.

    Settings come from the environment and a .env file; see README.md.
    """


@main.command()
def run() -> None:
    """Run the bot: Slack, the Teams endpoint, the clock (and the console when nothing else)."""
    settings = settings_or_exit()
    runtime = runtime_or_exit(settings)
    no_platform = runtime.slack is None and not settings.teams_auth_enabled
    console_in = sys.stdin if no_platform and sys.stdin.isatty() else None
    asyncio.run(serve(runtime, console_in))


@main.command()
@click.option("--user", "user_id", default="console", show_default=True, help="Who you are.")
@click.option("--manager", is_flag=True, help="Act as a social media manager.")
def console(user_id: str, manager: bool) -> None:
    """Chat with the bot here; reads lines from stdin, so it can be scripted."""
    runtime = runtime_or_exit(settings_or_exit())
    session = ConsoleSession(runtime.core, sys.stdin, sys.stdout, user_id, manager)
    try:
        asyncio.run(session.run())
    finally:
        runtime.db.close()


@main.command("slack-manifest")
@click.option(
    "--url",
    metavar="BASE_URL",
    help="The bot's public base URL for Slack over HTTP; without it, a Socket Mode manifest.",
)
def slack_manifest(url: str | None) -> None:
    """Print the Slack app manifest (YAML) for "Create an app from a manifest"."""
    if url and not url.startswith("https://"):
        raise click.BadParameter("Slack sends requests to https URLs only", param_hint="--url")
    runtime = runtime_or_exit(settings_or_exit())
    try:
        click.echo(manifest_yaml(runtime.core.commands, url), nl=False)
    finally:
        runtime.db.close()


@main.command("teams-package")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=Path("socialbot-teams.zip"),
    show_default=True,
    help="Where to write the zip.",
)
@click.option("--app-id", help="The bot's Microsoft App ID (default: MICROSOFT_APP_ID).")
@click.option(
    "--website",
    default=WEBSITE,
    show_default=True,
    help="Your page about the bot; the privacy and terms links hang under it.",
)
def teams_package(output: Path, app_id: str | None, website: str) -> None:
    """Write the Teams app package (manifest and icons) to upload in Teams."""
    runtime = runtime_or_exit(settings_or_exit())
    try:
        package = build_package(
            runtime.settings, runtime.core.commands, app_id=app_id, website=website
        )
    except PackageError as error:
        raise click.UsageError(str(error)) from None
    finally:
        runtime.db.close()
    output.write_bytes(package)
    click.echo(f"Wrote {output}: upload it in Teams under Apps > Manage your apps > Upload an app.")
