"""The `socialbot` command line: run the bot, chat on the console, and manage it."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

import click

from bot.app import serve
from bot.cli_support import SuggestingGroup, runtime_or_exit, settings_or_exit
from bot.console.session import ConsoleSession
from bot.delivery.cli import deliveries
from bot.digest_cli import digest, stats
from bot.feeds_cli import feeds
from bot.guidelines_cli import ask, qa
from bot.privacy_cli import export, forget
from bot.reports_cli import reports_group
from bot.slack.manifest import manifest_yaml
from bot.teams.package import WEBSITE, PackageError, build_package


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
    settings = settings_or_exit()
    if "log_level" not in settings.model_fields_set:
        logging.getLogger().setLevel(logging.WARNING)  # a chat, not a log, unless asked for
    runtime = runtime_or_exit(settings)
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
        click.echo(manifest_yaml(runtime.core, url), nl=False)
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
            runtime.settings,
            runtime.core.commands,
            app_id=app_id,
            website=website,
            shortcuts=runtime.core.shortcuts.values(),
        )
    except PackageError as error:
        raise click.UsageError(str(error)) from None
    finally:
        runtime.db.close()
    output.write_bytes(package)
    click.echo(f"Wrote {output}: upload it in Teams under Apps > Manage your apps > Upload an app.")


main.add_command(ask)
main.add_command(deliveries)
main.add_command(digest)
main.add_command(export)
main.add_command(feeds)
main.add_command(forget)
main.add_command(qa)
main.add_command(reports_group)
main.add_command(stats)
