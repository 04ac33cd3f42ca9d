"""Settings: parsing, defaults, and one clear line per bad setting."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.settings import DEFAULT_GUIDELINES, SettingsError, load_settings
from handlers.people import Roles
from handlers.workdays import parse_weekdays
from tests.conftest import SettingsFactory

GUID = "0b9f3c1e-5d2a-4c8b-9e7f-1a2b3c4d5e6f"


def test_defaults_run_without_any_credentials(make_settings: SettingsFactory) -> None:
    settings = make_settings()
    assert not settings.slack_enabled
    assert not settings.teams_auth_enabled
    assert settings.guidelines == DEFAULT_GUIDELINES
    assert settings.digest_time == time(9, 30)
    assert settings.digest_days.days == (0, 1, 2, 3, 4)
    assert settings.port == 3978


def test_environment_lists_and_days(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("SOCIALBOT_SOCIAL_MEDIA_MANAGERS", " U1, U2 ,,U3")
    monkeypatch.setenv("SOCIALBOT_DIGEST_DAYS", "sun-thu; Europe/Copenhagen=mon,wed")
    monkeypatch.setenv("SOCIALBOT_DIGEST_TIME", "08:15")
    settings = load_settings(_env_file=None)
    assert settings.social_media_managers == ["U1", "U2", "U3"]
    assert settings.digest_days.days == (0, 1, 2, 3, 6)
    assert settings.digest_days.where(ZoneInfo("Europe/Copenhagen")) == (0, 2)
    assert settings.digest_days.where(ZoneInfo("Asia/Dubai")) == (0, 1, 2, 3, 6)
    assert settings.digest_time == time(8, 15)


def test_dotenv_is_honoured(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"SOCIALBOT_DB={tmp_path / 'from-dotenv.db'}\nPORT=4000\n")
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.db == tmp_path / "from-dotenv.db"
    assert settings.port == 4000


@pytest.mark.parametrize(
    ("text", "days"),
    [("mon-fri", (0, 1, 2, 3, 4)), ("Mon,Wed,FRI", (0, 2, 4)), ("fri-mon", (0, 4, 5, 6))],
)
def test_weekdays(text: str, days: tuple[int, ...]) -> None:
    assert parse_weekdays(text) == days


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        (
            {"SLACK_BOT_TOKEN": "not-a-token"},
            "SLACK_BOT_TOKEN: a Slack bot token starts with xoxb-",
        ),
        ({"SLACK_APP_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN"),
        ({"SOCIALBOT_GUIDELINES": "/nonexistent/guidelines.md"}, "SOCIALBOT_GUIDELINES"),
        ({"SOCIALBOT_TIMEZONE": "Mars/Olympus"}, "SOCIALBOT_TIMEZONE"),
        ({"SOCIALBOT_DIGEST_DAYS": "someday"}, "SOCIALBOT_DIGEST_DAYS"),
        ({"SOCIALBOT_DIGEST_TIME": "25:99"}, "SOCIALBOT_DIGEST_TIME"),
        ({"PORT": "http"}, "PORT"),
        ({"SLACK_API_URL": "slack.com"}, "SLACK_API_URL"),
        ({"MICROSOFT_GRAPH_URL": "graph.microsoft.com"}, "MICROSOFT_GRAPH_URL"),
        (
            {"SOCIALBOT_SOCIAL_MEDIA_MANAGERS": "U0ADA, teams:group:not-a-guid"},
            "SOCIALBOT_SOCIAL_MEDIA_MANAGERS: 'teams:group:not-a-guid': an Entra group is",
        ),
        (
            {"SOCIALBOT_ANNOUNCERS": f"group:{GUID}"},
            f"SOCIALBOT_ANNOUNCERS: 'group:{GUID}': write an Entra group as teams:group:",
        ),
        ({"SOCIALBOT_ADMINS": "slack:C0CHANNEL"}, "SOCIALBOT_ADMINS: 'slack:C0CHANNEL'"),
        ({"SOCIALBOT_ADMINS": "teams:alice"}, "SOCIALBOT_ADMINS: 'teams:alice'"),
        (
            {"SOCIALBOT_ADMINS": "teams:29:1aBjVi5M"},
            "SOCIALBOT_ADMINS: 'teams:29:1aBjVi5M': a Teams entry is an Entra object id",
        ),
        (
            {
                "MICROSOFT_APP_ID": GUID,
                "MICROSOFT_APP_PASSWORD": "a-client-secret",
                "SOCIALBOT_ADMINS": f"teams:group:{GUID}",
            },
            "MICROSOFT_APP_TENANT_ID: reading the Entra groups",
        ),
        ({"OPENAI_BASE_URL": "api.openai.com/v1"}, "OPENAI_BASE_URL: 'api.openai.com/v1' must"),
        ({"SOCIALBOT_ESCALATION_CHANNEL": "#social"}, "ESCALATION_CHANNEL: '#social' is not a"),
        ({"SOCIALBOT_ESCALATION_CHANNEL": "CSOCIAL,slack:general"}, "'slack:general' is not"),
        ({"SOCIALBOT_ANNOUNCERS": "U0ADA, ada@example.com"}, "'ada@example.com': roles go by"),
        ({"SOCIALBOT_ADMINS": "@ada"}, "SOCIALBOT_ADMINS: '@ada': roles go by ids"),
        # review16a W7: pydantic's "Input should be a valid integer, unable to parse string…"
        ({"PORT": "abc"}, "PORT: 'abc' is not a whole number such as 30"),
        (
            {"SOCIALBOT_DIGEST_OPT_IN": "nein"},
            "SOCIALBOT_DIGEST_OPT_IN: 'nein' is not true or false",
        ),
        ({"SOCIALBOT_PUBLIC_URL": "http://bot.example.com"}, "PUBLIC_URL: 'http://bot.exa"),
        ({"SOCIALBOT_PUBLIC_URL": "https://bot.example.com/?next=x"}, "public https address"),
        (
            {"SOCIALBOT_PUBLIC_URL": "https://bot.example.com/api/messages"},
            "is the bot's /api/messages endpoint, not its base address: write https://bot.examp",
        ),
        ({"SOCIALBOT_DIGEST_ITEMS": "12"}, "less than or equal to 10 (got '12')"),
        ({"SOCIALBOT_HOLIDAYS": "Europe/Copenhagen=DK, Asia/Dubai=XX"}, "HOLIDAYS: 'XX' is"),
        ({"SOCIALBOT_HOLIDAYS": "US-ZZ"}, "SOCIALBOT_HOLIDAYS: 'US-ZZ' is neither a date"),
        ({"SOCIALBOT_HOLIDAYS": "2026-12-32"}, "HOLIDAYS: '2026-12-32' is not a date such as"),
        ({"SOCIALBOT_HOLIDAYS": "Europe/Kopenhagen=DK"}, "'Europe/Kopenhagen' is not a time"),
        ({"SOCIALBOT_REMINDER_HOURS": "18:00-08:00"}, "REMINDER_HOURS: '18:00-08:00' is not"),
        ({"SOCIALBOT_DIGEST_DAYS": "mon-fri; Asia/Dubia=sun-thu"}, "'Asia/Dubia' is not a time"),
        ({"SOCIALBOT_DIGEST_DAYS": "mon-fri; sun-thu"}, "'sun-thu': name the workweek once"),
        ({"SOCIALBOT_REMINDER_HOURS": "nine to five"}, "such as 08:00-18:00 (the start before"),
    ],
)
def test_bad_settings_name_the_setting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, overrides: dict[str, str], named: str
) -> None:
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "x.db"))
    for name, value in overrides.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        load_settings(_env_file=None)
    assert named in str(raised.value)
    assert len(str(raised.value).splitlines()) == 1


def test_unwritable_database_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("SOCIALBOT_DB", str(blocker / "sub" / "socialbot.db"))
    with pytest.raises(SettingsError, match="SOCIALBOT_DB"):
        load_settings(_env_file=None)


def test_secrets_do_not_show_in_repr(make_settings: SettingsFactory) -> None:
    settings = make_settings(slack_bot_token="xoxb-very-secret", slack_signing_secret="shh-secret")
    assert "xoxb-very-secret" not in repr(settings)
    assert "shh-secret" not in repr(settings)


def test_a_bad_override_is_named_by_its_variable(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"^Invalid setting SOCIALBOT_GUIDELINES: cannot read"):
        load_settings(_env_file=None, db=tmp_path / "x.db", guidelines=tmp_path / "nope.md")


def test_role_entries_name_people_and_groups(make_settings: SettingsFactory) -> None:
    entries = ["S0SOCIAL", "slack:S0PR", f"teams:group:{GUID}", "U0ADA", GUID, "al"]
    settings = make_settings(social_media_managers=entries)
    roles = Roles.from_ids(settings.social_media_managers, [], [])
    assert [str(group) for group in roles.groups()] == [
        "slack:S0PR",
        "slack:S0SOCIAL",
        f"teams:group:{GUID}",
    ]


def test_role_lists_typed_as_people_type_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Semicolons and spaces separate entries, a Slack id in lower case is that id; on a Slack
    # install an entry no platform's id (an Entra id a character short) is said at start and
    # on /healthz, and does not count as a manager (review12b D10).
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "shh")
    monkeypatch.setenv("SOCIALBOT_SOCIAL_MEDIA_MANAGERS", f"u0manager;slack:s0pr  {GUID[:-1]}")
    monkeypatch.setenv("SOCIALBOT_ANNOUNCERS", "U0MANAGER U0001, console:ada user1")
    settings = load_settings(_env_file=None)
    assert settings.social_media_managers == ["U0MANAGER", "slack:S0PR", GUID[:-1]]
    assert settings.announcers == ["U0MANAGER", "U0001", "console:ada", "user1"]
    (said,) = [gap for gap in settings.gaps() if GUID[:-1] in gap]
    assert said.startswith(f"SOCIALBOT_SOCIAL_MEDIA_MANAGERS: '{GUID[:-1]}' is no Slack member")
    monkeypatch.setenv("SOCIALBOT_SOCIAL_MEDIA_MANAGERS", "alice")
    assert any(g.startswith("Reports reach nobody") for g in load_settings(_env_file=None).gaps())
    # The README's SOCIALBOT_ANNOUNCERS=console: the console's own user, as meant (review12c R7).
    monkeypatch.setenv("SOCIALBOT_ANNOUNCERS", "console")
    assert not any("ANNOUNCERS" in gap for gap in load_settings(_env_file=None).gaps())
    monkeypatch.delenv("SLACK_BOT_TOKEN")  # the console's own names, on a console install
    assert not any("alice" in gap or "reach" in gap for gap in load_settings(_env_file=None).gaps())


@pytest.mark.parametrize(
    ("text", "at"), [("8:00", time(8)), ("08:00", time(8)), ("7.45", time(7, 45))]
)
def test_digest_time_as_the_preferences_form_reads_it(
    make_settings: SettingsFactory, text: str, at: time
) -> None:
    assert make_settings(digest_time=text).digest_time == at


def test_empty_variables_are_unset(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("PORT", "SOCIALBOT_DB", "OPENAI_API_KEY", "SLACK_APP_TOKEN", "SOCIALBOT_FEEDS"):
        monkeypatch.setenv(name, "")
    settings = load_settings(_env_file=None)
    assert (settings.port, settings.db, settings.feeds) == (3978, Path("socialbot.db"), [])
    assert settings.openai_api_key is None and settings.slack_app_token is None


def test_database_folder_is_not_created(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "typo" / "socialbot.db"))
    with pytest.raises(
        SettingsError, match=r"^Invalid setting SOCIALBOT_DB: the folder .* does not"
    ):
        load_settings(_env_file=None)
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize(
    ("overrides", "said"),
    [
        ({"slack_bot_token": "xoxb-1"}, "Slack is off: SLACK_BOT_TOKEN is set, but neither"),
        ({"slack_signing_secret": "shh"}, "Slack is off: SLACK_SIGNING_SECRET is set, but"),
        ({"microsoft_app_password": "pw"}, "Teams requests are not authenticated"),
        ({}, "No chat platform is configured"),
        ({"escalation_channel": ""}, "Reports reach nobody"),
        ({"admins": ["U1"]}, "SOCIALBOT_ANNOUNCERS is not set: only admins can"),
    ],
)
def test_half_a_configuration_is_named(
    make_settings: SettingsFactory, overrides: dict[str, object], said: str
) -> None:
    assert any(gap.startswith(said) for gap in make_settings(**overrides).gaps())


def test_a_whole_configuration_has_no_gaps(make_settings: SettingsFactory) -> None:
    settings = make_settings(
        slack_bot_token="xoxb-1",
        slack_app_token="xapp-1",
        social_media_managers=["U0MANAGER"],
        announcers=["U0ANNOUNCER"],
        company_names="Nordlys",
        confidential_terms="Polaris",
        internal_domains="corp.nordlys.dk",
    )
    assert settings.gaps() == []
    assert not any("platform" in gap for gap in make_settings().gaps(console=True))


@pytest.mark.parametrize(
    ("written", "zone"),
    [
        (" Europe/Copenhagen ", "Europe/Copenhagen"),
        ('"Europe/Copenhagen"', "Europe/Copenhagen"),
        ("'Europe/Copenhagen' ", "Europe/Copenhagen"),
        ("  ", "UTC"),
        ('""', "UTC"),
    ],
)
def test_spaces_and_quotes_around_a_value_are_dropped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, written: str, zone: str
) -> None:
    # `docker run --env-file` and `kubectl create secret --from-env-file` keep them as written.
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("SOCIALBOT_TIMEZONE", written)
    monkeypatch.setenv("SLACK_BOT_TOKEN", f" {written[:1]}xoxb-1{written[:1]}")
    settings = load_settings(_env_file=None)
    assert settings.timezone == zone
    assert settings.slack_bot_token is not None
    assert settings.slack_bot_token.get_secret_value() == "xoxb-1"


@pytest.mark.parametrize(
    ("written", "names"),
    [
        # A list's item may start with a `#`: only an env file's reader takes ` #` for a comment
        # (review15a R2: "#LifeAtFjordtech" was dropped as one, from the environment too).
        ("Fjordtech, #LifeAtFjordtech", ["Fjordtech", "#LifeAtFjordtech"]),
        ('"Fjordtech"\t', ["Fjordtech"]),
        ("Fjordtech, C#Sky", ["Fjordtech", "C#Sky"]),
        ("'Fjordtech # Sky'", ["Fjordtech # Sky"]),
    ],
)
def test_a_value_from_the_environment_is_read_whole(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, written: str, names: list[str]
) -> None:
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("SOCIALBOT_COMPANY_NAMES", written)
    assert load_settings(_env_file=None).company_names == names


def test_a_comment_docker_keeps_in_a_value_is_not_read_as_part_of_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # review15c R2: `docker run --env-file` passes `SOCIALBOT_DB=/data/socialbot.db  # volume`
    # on whole; read whole, it opened a new, empty database beside the real one.
    monkeypatch.setenv("SOCIALBOT_DB", f"{tmp_path / 'x.db'}  # on the volume")
    monkeypatch.setenv("SOCIALBOT_DIGEST_TIME", "09:00 #")
    monkeypatch.setenv("SOCIALBOT_FEEDS", "https://acme.example/feed#news  # the blog")
    settings = load_settings(_env_file=None)
    assert settings.db == tmp_path / "x.db"
    assert settings.digest_time.strftime("%H:%M") == "09:00"
    assert settings.feeds == ["https://acme.example/feed#news"]


def test_choices_are_read_in_any_case(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("SOCIALBOT_LOG_LEVEL", "info")
    monkeypatch.setenv("SOCIALBOT_LOG_FORMAT", "JSON")
    # review16a W7: a time zone in another case was refused; offices' holidays apart by ";" (as
    # in SOCIALBOT_DIGEST_DAYS) were read as one glued "time zone".
    monkeypatch.setenv("SOCIALBOT_TIMEZONE", "Europe/berlin")
    monkeypatch.setenv("SOCIALBOT_HOLIDAYS", "europe/berlin=DE-BE; America/New_York=US-NY")
    settings = load_settings(_env_file=None)
    assert (settings.log_level, settings.log_format) == ("INFO", "json")
    assert settings.timezone == "Europe/Berlin"
    assert settings.holidays.countries == (
        ("Europe/Berlin", "DE-BE"),
        ("America/New_York", "US-NY"),
    )


def test_channel_ids_of_both_platforms_are_taken(make_settings: SettingsFactory) -> None:
    channels = "CSOCIAL, slack:G0PRIVATE, teams:19:abc@thread.tacv2, 19:def@thread.tacv2"
    assert make_settings(escalation_channel=channels).escalation_channel == channels.replace(
        ", ", ","
    )


def test_a_channel_is_taken_as_its_link_gives_it(make_settings: SettingsFactory) -> None:
    # The link from "Get link to channel" holds the id percent-encoded (review14a A4).
    link = (
        "https://teams.microsoft.com/l/channel/19%3a4a1b2c3d4e5f%40thread.tacv2/Sosiale%20medier"
        "?groupId=0b1c2d3e-1111-2222-3333-444455556666&tenantId=0b1c2d3e-1111-2222-3333-444455556667"
    )
    # review15a R10: and a Slack channel's as its Copy link gives it.
    slack = "https://acme.slack.com/archives/C0123ABCD"
    channels = f"{slack}, teams:19%3a4a1b2c3d4e5f%40thread.tacv2, {link}"
    assert make_settings(escalation_channel=channels).escalation_channel == (
        "C0123ABCD,teams:19:4a1b2c3d4e5f@thread.tacv2,19:4a1b2c3d4e5f@thread.tacv2"
    )


def test_a_secret_is_never_quoted_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxp-a-user-token")
    with pytest.raises(SettingsError) as raised:
        load_settings(_env_file=None)
    assert "xoxp-a-user-token" not in str(raised.value)


@pytest.mark.parametrize(
    "url",
    [
        "llmuser:s3cr3tpass@llm.internal:8000/v1",
        "ftp://llmuser:s3cr3tpass@llm.internal/v1",
        "llmuser:s3cr3t@pass@llm.internal/v1",
        "llmuser:s3cr3t/pass@llm.internal/v1",
    ],
)
def test_a_password_in_a_model_url_is_never_quoted_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, url: str
) -> None:
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    with pytest.raises(SettingsError) as raised:
        load_settings(_env_file=None)
    message = str(raised.value)
    assert "s3cr3t" not in message and "pass" not in message and "llmuser" not in message
    assert "OPENAI_BASE_URL" in message and "llm.internal" in message


def test_a_misspelt_variable_is_named_at_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("SOCIALBOT_ANNOUNCER=U0ADA\nSOCIALBOT_UNUSED=\n")
    monkeypatch.setenv("SOCIALBOT_TIMEZON", "Europe/Copenhagen")
    gaps = load_settings().gaps()
    meant = "SOCIALBOT_TIMEZON is ignored: socialbot has no such setting (did you mean"
    assert f"{meant} SOCIALBOT_TIMEZONE?)" in gaps
    assert any(gap.startswith("SOCIALBOT_ANNOUNCER is ignored") for gap in gaps)
    assert not any("SOCIALBOT_UNUSED" in gap for gap in gaps)  # empty: nothing was meant


def test_a_terms_file_that_is_not_there_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("SOCIALBOT_CONFIDENTIAL_TERMS", "/run/secrets/terms.txt")
    with pytest.raises(SettingsError, match=r"^Invalid setting SOCIALBOT_CONFIDENTIAL_TERMS: no"):
        load_settings(_env_file=None)


def test_a_path_from_the_home_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SOCIALBOT_DB", "~/socialbot.db")
    assert load_settings(_env_file=None).db == tmp_path / "socialbot.db"


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("policy.pdf", b"%PDF-1.7\n1 0 obj\n", "is a PDF: convert it to text, e.g. `pdftotext"),
        ("policy.docx", b"PK\x03\x04\x14\x00word/document.xml", "is a Word document or"),
        ("policy.md", b"\x7fELF\x02\x01\x01\x00\x00\x00", "holds binary data, not text"),
        (
            "policy.md",
            "Die Richtlinien für Ärzte und Öffentlichkeit. ".encode("latin-1") * 9,
            "is not UTF-8 text: save it as UTF-8",
        ),
        ("policy.md", b"", "is empty"),
        ("policy.md", b"# Social media guidelines\n", "holds no passage of text"),
    ],
)
def test_guidelines_that_are_no_text_are_refused_saying_what_to_do(
    tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    policy = tmp_path / name
    policy.write_bytes(content)
    with pytest.raises(SettingsError) as refused:
        load_settings(_env_file=None, db=tmp_path / "x.db", guidelines=policy)
    (line,) = str(refused.value).splitlines()
    assert line.startswith(f"Invalid setting SOCIALBOT_GUIDELINES: {policy} {says}"), line


def test_a_few_bytes_in_another_encoding_are_read(tmp_path: Path) -> None:
    policy = tmp_path / "policy.md"
    policy.write_bytes(b"# Rules\n\nNo photos of the caf\xe9 kitchen.\n")
    assert load_settings(_env_file=None, db=tmp_path / "x.db", guidelines=policy).guidelines


def test_a_term_a_hash_cut_is_said_at_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # fix15b 4: unquoted, `Release #42` is cut at the ` #` (as Compose does), silently: the
    # bot flagged every "release" and let "Polaris" through.
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(
        f"SOCIALBOT_DB={tmp_path / 'x.db'}\n"
        "SOCIALBOT_CONFIDENTIAL_TERMS=Release #42, Polaris\n"
        'SOCIALBOT_COMPANY_NAMES="Nordlys # Cloud"\n'  # quoted: kept whole, nothing said
        "SOCIALBOT_INTERNAL_DOMAINS=corp.example.com # the intranet\n"  # a comment, meant
    )
    result = CliRunner().invoke(main, ["check", "Polaris ships in May"])
    assert result.exit_code == 0, result.output
    (said,) = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert said == (
        "Warning: SOCIALBOT_CONFIDENTIAL_TERMS was read as 'Release': the rest, '#42, Polaris',"
        " was taken for a comment (in an env file a # with a space before it starts one); put"
        " the whole value in quotes to keep it."
    )
    assert said.removeprefix("Warning: ").removesuffix(".") in load_settings().gaps()
    # review16a W11: a comment written as one (`# short`) was warned of by every command.
    (tmp_path / ".env").write_text(
        f"SOCIALBOT_DB={tmp_path / 'x.db'}\n"
        "SOCIALBOT_CONFIDENTIAL_TERMS=Polaris, Hvidsten #\n"
        "SOCIALBOT_COMPANY_NAMES=CCT # short\n"
    )
    result = CliRunner().invoke(main, ["deliveries", "status"])
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.stderr
    assert load_settings().company_names == ["CCT"]


def test_a_value_from_the_environment_keeps_its_hash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # review15a R2: from the environment (Kubernetes' `env:`, systemd's `Environment=`), every
    # value was cut at " #" as if it began a comment: "Release #42" was read as "Release".
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("SOCIALBOT_CONFIDENTIAL_TERMS", "Release #42 until 2099-01-31, Polaris")
    # `docker run --env-file` keeps a comment in the value: read whole, and said.
    monkeypatch.setenv("SOCIALBOT_COMPANY_NAMES", "Fjordtech # firmanavn")
    result = CliRunner().invoke(main, ["deliveries", "status"])
    assert result.exit_code == 0, result.output
    terms = load_settings().confidential_terms.terms
    assert [(term.term, str(term.until)) for term in terms] == [
        ("Release #42", "2099-01-31"),
        ("Polaris", "None"),
    ]
    (said,) = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert said == (
        "Warning: SOCIALBOT_COMPANY_NAMES holds '# firmanavn', read as a part of it: a value from"
        " the environment is taken as written (docker run --env-file and kubectl keep a comment"
        " in it); remove it there if it is a comment."
    )
