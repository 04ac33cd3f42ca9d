"""The core every entry point builds the same way: its tables, roles, guidelines, model and checks.

The bot (`bot.app.build_runtime`) adds the platforms, delivery and the scheduled work on top;
`socialbot check` and `socialbot checks …` use this alone. It imports no platform library, so a
command that checks a draft or reads the check counts does not pay for Slack, Teams or aiohttp.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.llm import OpenAICompleter, completer_from_settings
from bot.settings import Settings
from bot.store import BUSY_MS, WaitForTheLock, open_database
from handlers import reports
from handlers.checks import stats as check_stats
from handlers.checks.model import MAX_GUIDELINES
from handlers.checks.service import Checks
from handlers.core import Core
from handlers.guidelines import GuidelinesQA
from handlers.people import Roles

# What the core, its reports and its checks read and write; the bot adds its own after these.
CORE_MIGRATIONS: tuple[Migrations, ...] = (
    *Core.migrations,
    reports.migrations,
    check_stats.migrations,
)


def open_core_database(
    path: Path | None,
    more: Iterable[Migrations] = (),
    busy_ms: int = BUSY_MS,
    *,
    upgrade: bool = True,
    writable: WaitForTheLock | None = None,
    reads_only: bool = False,
) -> Database:
    """The database at `path` (None: in memory) with the core's tables, then `more`; an older
    release's file is migrated only with `upgrade` (else refused), waiting with `writable`
    while another program holds the write lock; one that cannot be written is read as it is
    for a command that `reads_only`, else refused."""
    return open_database(
        path,
        [*CORE_MIGRATIONS, *more],
        busy_ms,
        upgrade=upgrade,
        writable=writable,
        reads_only=reads_only,
    )


@dataclass(frozen=True)
class CoreParts:
    """The core and what is built with it from the same settings."""

    core: Core
    checks: Checks
    model: OpenAICompleter | None


def build_core(settings: Settings, db: Database) -> CoreParts:
    """The core on `db`: roles, guidelines and the model (None without a key) from `settings`,
    and the draft checks (not yet registered as a capability)."""
    roles = Roles.from_ids(settings.social_media_managers, settings.announcers, settings.admins)
    model = completer_from_settings(settings)
    guidelines = GuidelinesQA(
        db,
        settings.guidelines,
        model,
        settings.model_timeout,
        embedding=settings.embedding_model,
        whole_chars=settings.model_context_chars,
    )
    core = Core(db, roles, guidelines, settings.escalation_channel)
    context_chars = min(settings.model_context_chars, MAX_GUIDELINES)
    checks = Checks(
        core,
        settings.checks,
        model,
        settings.model_timeout,
        ZoneInfo(settings.timezone),
        context_chars,
    )
    return CoreParts(core, checks, model)
