"""The `socialbot` command line: run the bot, chat on the console, and manage it."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from bot import __version__
from bot.cli_support import LazyGroup, quiet_logs, runtime_or_exit, settings_or_exit

# The commands of other modules: imported only when one runs, so that `socialbot --help` (and
# every command that does not need them) never imports openai, botbuilder, aiohttp or wordllama.
# Each entry is the command's "module:attribute" and the first line of its help.
LAZY_COMMANDS = {
    "announcements": (
        "bot.announcements_cli:announcements",
        "Announcements: those scheduled or going out, and cancelling one.",
    ),
    "ask": (
        "bot.guidelines_cli:ask",
        "Answer a question from the guidelines (or one per line of standard input).",
    ),
    "backup": (
        "bot.backup_cli:backup_command",
        "Copy the live database to FILE (the bot may keep running), checked before it is kept.",
    ),
    "check": (
        "bot.check_cli:check",
        "Check a post before it goes out (or one per line of standard input; \\n is a line break).",
    ),
    "checks": (
        "bot.check_cli:checks",
        "Checked drafts: which concerns come up most, and the checks people marked 👎.",
    ),
    "deliveries": (
        "bot.delivery.cli:deliveries",
        "Outbound messages: what is queued, sent and failed.",
    ),
    "digest": (
        "bot.digest_cli:digest",
        "The daily digest: see what someone would get, or send today's.",
    ),
    "export": ("bot.privacy_cli:export", "Print everything stored about one person, as JSON."),
    "feeds": (
        "bot.feeds_cli:feeds",
        "Manage the company and industry feeds the daily suggestions come from.",
    ),
    "forget": (
        "bot.privacy_cli:forget",
        "Delete one person's own data and unlink them from reports, answers and clicks.",
    ),
    "insights": (
        "bot.insights_cli:insights",
        "The social media team's figures: shares, participation, reports, questions.",
    ),
    "qa": ("bot.guidelines_cli:qa", "Guideline answers: what people thought of them."),
    "questions": (
        "bot.questions_cli:questions",
        "The questions forwarded to the social media team: who asked what, and the answers.",
    ),
    "reports": (
        "bot.reports_cli:reports_group",
        "The negative mentions people reported, for the social media team.",
    ),
    "restore": (
        "bot.backup_cli:restore_command",
        "Replace the database with the backup FILE; refused while `socialbot run` uses it.",
    ),
    "stats": (
        "bot.digest_cli:stats",
        "Share clicks on digest items, per network, most shared first.",
    ),
}


@click.group(
    cls=LazyGroup,
    lazy=LAZY_COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="socialbot")
def main() -> None:
    """socialbot: your social media guidelines, in daily practice, in Slack and Teams.

    Settings come from the environment and a .env file; see README.md.
    """


@main.command()
def run() -> None:
    """Run the bot: Slack, the Teams endpoint, the clock (and the console when nothing else)."""
    from bot import stop_signals

    with stop_signals.noted_early():  # a stop during the start: a clean stop once started
        _run()


def _run() -> None:
    from bot.backup_cli import settle_on_start
    from bot.settings import SettingsError
    from bot.store import AlreadyRunning, RunLock, created_at, refuse_unwritable

    settings = settings_or_exit(for_people=False)
    # The lock before the rest of the bot is imported: a second run refuses at once.
    lock = RunLock(settings.db)
    try:
        refuse_unwritable(settings.db)  # a read-only volume said plainly, not as a lock file's
        stale = lock.acquire()
    except AlreadyRunning as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    except SettingsError as error:
        click.echo(str(error), err=True)
        sys.exit(2)

    import asyncio

    from bot import stop_signals
    from bot.app import WAITING_FOR_THE_LOCK, serve
    from bot.server import check_listen
    from bot.store import StoppedWaiting, WaitForTheLock

    log = logging.getLogger(__name__)
    if stale:
        log.warning(
            "the last socialbot run on this database stopped without cleaning up; taking over",
            extra={"last": stale},
        )
    try:
        check_listen(settings.host, settings.port)  # before the database is opened or made
        new = not settings.db.exists()
        settle_on_start(settings)
        # An upgrade's migrations wait for another program's write lock as the first writes do.
        writable = WaitForTheLock(
            lambda: log.warning(WAITING_FOR_THE_LOCK), stop_signals.asked_early
        )
        runtime = runtime_or_exit(settings, upgrade=True, writable=writable)
        if new:
            # A lost volume or a mistyped path looks like a healthy bot otherwise.
            log.warning(
                "created a new, empty database at %s: if you expected your data here, stop"
                " the bot and check the volume or SOCIALBOT_DB",
                settings.db,
            )
        else:
            log.info(
                "database %s",
                settings.db,
                extra={"database_created": str(created_at(runtime.db) or "unknown")},
            )
        no_platform = runtime.slack is None and not settings.teams_auth_enabled
        console_in = sys.stdin if no_platform and sys.stdin.isatty() else None
        if console_in is not None:
            quiet_logs(settings)  # the console is a chat: logs would break into it
        asyncio.run(serve(runtime, console_in))
    except StoppedWaiting:  # asked to stop while another program held the database's lock
        log.info("asked to stop while starting")
    except SettingsError as error:
        click.echo(str(error), err=True)
        sys.exit(2)
    finally:
        lock.release()


@main.command()
@click.option("--user", "user_id", default="console", show_default=True, help="Who you are.")
@click.option("--manager", is_flag=True, help="Act as a social media manager.")
def console(user_id: str, manager: bool) -> None:
    """Chat with the bot here; reads lines from stdin, so it can be scripted."""
    import asyncio

    from bot.console.chat import WAITING_FOR_THE_LOCK, chat
    from bot.store import WaitForTheLock

    settings = settings_or_exit()
    quiet_logs(settings)  # a chat, not a log, even when piped
    said = WaitForTheLock(lambda: print(WAITING_FOR_THE_LOCK, file=sys.stdout, flush=True))
    runtime = runtime_or_exit(settings, upgrade=True, writable=said)
    try:
        asyncio.run(chat(runtime, sys.stdin, sys.stdout, user_id, manager))
    finally:
        runtime.db.close()


def _base_address(url: str, option: str, what: str) -> None:
    """Refuse `url` when paths cannot go under it: without a host, or with a query string, a
    fragment or a page name they would follow (`https://host/?x=1/slack/events`, review12b D3;
    `…/index.html/privacy`, review14a A3)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    page = "." in parts.path.rstrip("/").rpartition("/")[2]
    if not parts.hostname or parts.query or parts.fragment or page or url.endswith(("?", "#")):
        raise click.BadParameter(
            f"give {what}, without a query string (?…), fragment (#…) or page name (…/index.html)",
            param_hint=option,
        )


@main.command("slack-manifest")
@click.option(
    "--url",
    metavar="BASE_URL",
    help="The bot's public base URL for Slack over HTTP; without it, a Socket Mode manifest.",
)
def slack_manifest(url: str | None) -> None:
    """Print the Slack app manifest (YAML) for "Create an app from a manifest"."""
    from bot.slack.manifest import manifest_yaml

    if url and not url.startswith("https://"):
        raise click.BadParameter("Slack sends requests to https URLs only", param_hint="--url")
    if url:
        _base_address(url, "--url", "the bot's base address, such as https://bot.example.com")
    runtime = runtime_or_exit(settings_or_exit(), in_memory=True)
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
    help="Your page about the bot; the privacy and terms links hang under it"
    " (default: a placeholder page).",
)
@click.option(
    "--version",
    "version",
    help="The package's version, such as 2.0.0 (default: higher than any package built"
    " before; give one above the version Teams shows for the app when that is higher).",
)
def teams_package(
    output: Path, app_id: str | None, website: str | None, version: str | None
) -> None:
    """Write the Teams app package (manifest and icons) to upload in Teams."""
    from datetime import UTC, datetime

    from bot.settings import HTTP_URL
    from bot.teams.package import WEBSITE, PackageError, build_package, package_version

    if website and not (website.startswith("https://") and HTTP_URL.match(website)):
        raise click.BadParameter(
            f"{website!r}: Teams takes https URLs only, such as https://intranet.example.com/socialbot",
            param_hint="--website",
        )
    if website:
        # The privacy and terms links go under it (review14a A3).
        example = "https://intranet.example.com/socialbot"
        _base_address(website, "--website", f"your page's folder, such as {example}")
    chosen = version or package_version(datetime.now(UTC))
    # The package names only the app id: built where the secret and tenant are not (an admin's
    # laptop), it needs neither.
    settings = settings_or_exit(
        microsoft_app_password="not-needed", microsoft_app_type="MultiTenant"
    )
    runtime = runtime_or_exit(settings, in_memory=True)
    try:
        package = build_package(
            runtime.settings,
            runtime.core.commands,
            app_id=app_id,
            website=website or WEBSITE,
            shortcuts=runtime.core.shortcuts.values(),
            version=chosen,
        )
    except PackageError as error:
        raise click.UsageError(str(error)) from None
    finally:
        runtime.db.close()
    try:
        output.write_bytes(package)
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from None
    click.echo(
        f"Wrote {output} (version {chosen}): upload it in Teams under Apps >"
        " Manage your apps > Upload an app, or over the app installed before to update it."
    )
