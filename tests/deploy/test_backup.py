"""`socialbot backup` and `socialbot restore`: a checked copy out, and back without resending."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from slack_sdk.web.async_client import AsyncWebClient
from sqlite_utils import Database

from bot.backup import backup, restore
from bot.cli import main
from bot.delivery.buckets import Pace
from bot.delivery.engine import DeliveryEngine
from bot.delivery.ledger import migrations
from bot.delivery.policy import Policy
from bot.slack.gateway import SlackGateway
from bot.store import RunLock, open_database
from handlers.reports import store as reports_store
from handlers.views import Message
from tests.children import die_with_the_tests
from tests.fakes.slack_web_api import FakeSlack

LINK = "https://x.com/someone/status/123"


def socialbot(tmp_path: Path, *args: str, stdin: str = "", db: str = "socialbot.db") -> Result:
    """The CLI in this process (a subprocess costs seconds on a busy machine)."""
    env = {"SOCIALBOT_DB": str(tmp_path / db)}
    return CliRunner().invoke(main, list(args), input=stdin, env=env)


def test_backup_then_restore_into_an_empty_volume_keeps_the_reports(tmp_path: Path) -> None:
    filed = socialbot(tmp_path, "console", stdin=f"/report-mention {LINK} calls us crooks\n")
    assert filed.exit_code == 0, filed.output

    saved = socialbot(tmp_path, "backup", str(tmp_path / "backup.db"))
    assert saved.exit_code == 0, saved.output
    assert "1 reports" in saved.output and "integrity check ok" in saved.output
    assert not list(tmp_path.glob(".*partial"))

    back = socialbot(tmp_path, "restore", str(tmp_path / "backup.db"), db="restored.db")
    assert back.exit_code == 0, back.output
    listed = socialbot(tmp_path, "reports", "list", "--json", db="restored.db")
    assert LINK in listed.output


def test_a_damaged_backup_is_refused_and_the_database_left_alone(tmp_path: Path) -> None:
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
    whole = (tmp_path / "socialbot.db").read_bytes()
    backup(tmp_path / "socialbot.db", tmp_path / "backup.db")
    copy = (tmp_path / "backup.db").read_bytes()
    (tmp_path / "cut.db").write_bytes(copy[: len(copy) // 2])
    (tmp_path / "text.db").write_text("not a database\n")

    for name in ("cut.db", "text.db"):
        refused = socialbot(tmp_path, "restore", "--yes", str(tmp_path / name))
        assert refused.exit_code == 1
        (line,) = refused.output.splitlines()
        assert line.startswith(f"Error: {tmp_path / name} ")
    assert (tmp_path / "socialbot.db").read_bytes() == whole


def test_a_backup_whose_mark_is_damaged_is_restored_saying_so_in_one_line(tmp_path: Path) -> None:
    # review15b K7: a mark whose page was overwritten was a ValueError traceback at every start.
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
    backup(tmp_path / "socialbot.db", tmp_path / "backup.db")
    with sqlite3.connect(tmp_path / "backup.db") as copy:
        copy.execute("UPDATE socialbot_backup SET taken_at = 'dba49c282b0acdff76e1359da55a8a28'")

    back = socialbot(tmp_path, "restore", "--yes", str(tmp_path / "backup.db"), db="restored.db")

    assert back.exit_code == 0, back.output
    assert "Traceback" not in back.output
    assert (
        "When the backup was taken is unknown: its mark is damaged"
        " ('dba49c282b0acdff76e1359da55a8a28' is not a time); it is treated as restored all the"
        " same." in back.output.splitlines()
    )
    assert LINK in socialbot(tmp_path, "reports", "list", "--json", db="restored.db").output


def test_on_a_read_only_volume_what_only_reads_works_and_run_says_why(tmp_path: Path) -> None:
    # review15b K5: a volume gone read-only (errors=remount-ro, a readOnly mount) refused every
    # command, a backup and the list of reports too, exactly when they are wanted most; then
    # (fix16a's leftover) still `questions`, `insights` and `export`. As root, only a read-only
    # mount stops writes (chmod does not): a tmpfs, where one can be made.
    volume = tmp_path / "volume"
    volume.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(volume)]
    if subprocess.run(mount, capture_output=True).returncode != 0:
        pytest.skip("a read-only volume needs a tmpfs mount (root)")
    try:
        filed = socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n", db="volume/s.db")
        assert filed.exit_code == 0, filed.output
        subprocess.run(["mount", "-o", "remount,ro", str(volume)], check=True)
        listed = socialbot(tmp_path, "reports", "list", "--json", db="volume/s.db")
        saved = socialbot(tmp_path, "backup", str(tmp_path / "backup.db"), db="volume/s.db")
        run = socialbot(tmp_path, "run", db="volume/s.db")
        reads = {
            name: socialbot(tmp_path, *args, db="volume/s.db")
            for name, *args in (
                ("questions", "questions"),
                ("insights", "insights", "--json"),
                ("export", "export", "--platform", "console", "--user", "console"),
                ("stats", "stats"),
                ("ask", "ask", "Can I post a photo from the office party?"),
                ("preview", "digest", "preview"),
                ("deliveries", "deliveries", "status"),
                ("announcements", "announcements", "list"),
                ("feeds", "feeds", "list"),
                ("items", "feeds", "items"),
                ("hidden", "feeds", "hidden"),
                ("qa", "qa", "feedback"),
                ("checks", "checks", "stats"),
                ("check feedback", "checks", "feedback"),
            )
        }
    finally:
        subprocess.run(["umount", str(volume)], check=True)

    read_only = f"cannot write the database {volume / 's.db'}: its volume is read-only"
    assert listed.exit_code == 0, listed.output
    assert LINK in listed.output and f"{read_only} (mounted read-only" in listed.output
    assert saved.exit_code == 0, saved.output
    assert "1 reports" in saved.output and "integrity check ok" in saved.output
    assert run.exit_code == 2
    assert f"Invalid setting SOCIALBOT_DB: {read_only}" in run.output
    assert "the commands that only read it (`reports list`, `questions`" in run.output
    assert {
        name: (r.exit_code, f"{read_only} (mounted" in r.output) for name, r in reads.items()
    } == {name: (0, True) for name in reads}
    assert "0 forwarded to the team" in reads["questions"].output
    assert '"reports": {"filed": 1' in reads["insights"].output
    assert '"report_reporters": [{"report_id": 1' in reads["export"].output


def test_backup_of_no_database_says_so(tmp_path: Path) -> None:
    result = socialbot(tmp_path, "backup", str(tmp_path / "backup.db"), db="missing.db")
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: there is no database at {tmp_path / 'missing.db'}"


def test_backup_into_a_missing_folder_names_it(tmp_path: Path) -> None:
    socialbot(tmp_path, "console", stdin="/socialbot help\n")
    result = socialbot(tmp_path, "backup", str(tmp_path / "backups" / "socialbot.db"))
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    assert line == f"Error: the folder {tmp_path / 'backups'} does not exist; create it first"


def test_backup_copies_a_database_being_written(tmp_path: Path) -> None:
    db = open_database(tmp_path / "live.db", [migrations])
    db.table("notes").insert({"n": 0})
    writer = sqlite3.connect(tmp_path / "live.db")
    writer.execute("BEGIN")
    writer.execute("INSERT INTO notes (n) VALUES (1)")  # uncommitted while the copy is made
    copied = backup(tmp_path / "live.db", tmp_path / "copy.db")
    writer.commit()
    assert copied.tables >= 3
    assert [row["n"] for row in Database(tmp_path / "copy.db")["notes"].rows] == [0]


async def test_after_a_restore_what_went_out_since_the_backup_is_not_sent_again(
    tmp_path: Path,
) -> None:
    """A fan-out goes on after the backup; restored, the engine finishes it exactly once."""
    people = [f"U{n:04d}" for n in range(40)]
    live, saved = tmp_path / "socialbot.db", tmp_path / "backup.db"
    async with FakeSlack() as slack:

        def engine_on(path: Path) -> DeliveryEngine:
            gateway = SlackGateway(AsyncWebClient(token="xoxb-test", base_url=slack.url))
            policy = Policy(backoff=0.05, settle=0.05, idle_poll=0.2)
            pace = Pace(rate=200.0, burst=50, conversation_rate=100.0)
            db = open_database(path, [migrations, reports_store.migrations])
            return DeliveryEngine(db, [gateway], {"slack": pace}, policy)

        first = engine_on(live)
        first.enqueue("slack", people[:30], "announcement", "a1", Message(text="Launch!"))
        backup(live, saved)  # nothing sent yet in the copy
        async with first:
            await asyncio.wait_for(first.run_until_done("announcement", "a1"), 30)
        first.enqueue("slack", people[30:], "announcement", "a1", Message(text="Launch!"))

        copied = restore(saved, live)
        assert copied.settled is not None and copied.settled.unfinished == 30
        async with engine_on(live) as again:
            done = await asyncio.wait_for(again.run_until_done("announcement", "a1"), 30)

    assert (done.sent, done.failed) == (30, 0)  # the ten queued after the backup are gone
    assert slack.per_channel() == {slack.dm_channel(person): 1 for person in people[:30]}


def test_restore_is_refused_while_a_bot_runs_on_the_database(tmp_path: Path) -> None:
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
    backup(tmp_path / "socialbot.db", tmp_path / "backup.db")
    running = RunLock(tmp_path / "socialbot.db")  # what `socialbot run` holds while it runs
    running.acquire()
    try:
        refused = socialbot(tmp_path, "restore", "--yes", str(tmp_path / "backup.db"))
    finally:
        running.release()
    assert refused.exit_code == 1
    (line,) = refused.output.splitlines()
    assert line.startswith("Error: not restored: socialbot run is already running on ")
    assert socialbot(tmp_path, "restore", "--yes", str(tmp_path / "backup.db")).exit_code == 0


def test_backup_onto_the_database_or_a_file_beside_it_is_refused(tmp_path: Path) -> None:
    """The running bot keeps its file: no backup (or restore) swaps it out from under it."""
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
    live = tmp_path / "socialbot.db"
    bot = sqlite3.connect(live, isolation_level=None)  # the running bot's connection
    bot.execute("PRAGMA journal_mode=WAL")
    (tmp_path / "link.db").symlink_to(live)
    (tmp_path / "hard.db").hardlink_to(live)
    whole = live.read_bytes()
    for name in ("socialbot.db", "socialbot.db-wal", "socialbot.db-shm", "link.db", "hard.db"):
        for args in (["backup"], ["restore", "--yes"]):
            refused = socialbot(tmp_path, *args, str(tmp_path / name))
            assert refused.exit_code == 1, refused.output
            (line,) = refused.output.splitlines()
            assert "the live database's file" in line, line
    refused = socialbot(tmp_path, "backup", str(tmp_path / "socialbot.db.lock"))
    assert "the live database's file" in refused.output
    assert live.read_bytes() == whole
    bot.execute("CREATE TABLE written_after (n)")  # lands in the file everyone else reads
    bot.close()
    assert "written_after" in Database(live).table_names()
    assert not list(tmp_path.glob("*before-restore*"))


def test_restore_refuses_a_database_that_is_not_socialbots(tmp_path: Path) -> None:
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
    whole = (tmp_path / "socialbot.db").read_bytes()
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE x (a)")
    other.close()

    refused = socialbot(tmp_path, "restore", "--yes", str(tmp_path / "other.db"))
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        f"Error: {tmp_path / 'other.db'} is not a socialbot database:"
        " it has no _sqlite_migrations table"
    )
    assert (tmp_path / "socialbot.db").read_bytes() == whole
    assert not list(tmp_path.glob("*before-restore*"))


def test_restore_keeps_the_database_it_replaces(tmp_path: Path) -> None:
    later = "https://x.com/someone/status/456"
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
    assert socialbot(tmp_path, "backup", str(tmp_path / "backup.db")).exit_code == 0
    socialbot(tmp_path, "console", stdin=f"/report-mention {later}\n")

    back = socialbot(tmp_path, "restore", "--yes", str(tmp_path / "backup.db"))
    assert back.exit_code == 0, back.output
    (kept,) = tmp_path.glob("socialbot.db.before-restore-*Z")
    assert f"The database it replaced is kept as {kept}." in back.output.splitlines()
    # Nothing reported is lost to a restore, and no number is given out twice (review10b O10).
    assert f"1 reports filed after the backup were carried over from {kept}: R-0002." in back.output
    restored = socialbot(tmp_path, "reports", "list", "--json").output
    assert LINK in restored and later in restored
    third = "https://x.com/someone/status/789"
    filed = socialbot(tmp_path, "console", stdin=f"/report-mention {third}\n").output
    assert "R-0003" in filed


def test_a_restore_stopped_half_way_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped while the reports filed since the backup are carried over: the old database is
    still in place, whole, not a backup without them (review15b K6)."""
    later = "https://x.com/someone/status/456"
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
    assert socialbot(tmp_path, "backup", str(tmp_path / "backup.db")).exit_code == 0
    socialbot(tmp_path, "console", stdin=f"/report-mention {later}\n")

    def stopped(*_: object) -> None:
        raise KeyboardInterrupt  # Ctrl-C, or a container stop, during a slow restore

    monkeypatch.setattr("bot.backup._carry_reports", stopped)
    back = socialbot(tmp_path, "restore", "--yes", str(tmp_path / "backup.db"))

    assert back.exit_code != 0
    assert not list(tmp_path.glob("socialbot.db.before-restore-*"))
    listed = socialbot(tmp_path, "reports", "list", "--json").output
    assert LINK in listed and later in listed


def test_a_report_resolved_after_the_backup_stays_resolved(tmp_path: Path) -> None:
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
    assert socialbot(tmp_path, "backup", str(tmp_path / "backup.db")).exit_code == 0
    live = Database(tmp_path / "socialbot.db")  # a manager resolves it, as the button does
    reports_store.ReportStore(live).record(
        1, ("slack", "UMANAGER"), "resolved", "not worth an answer", {"status": "resolved"}
    )
    live.close()

    back = socialbot(tmp_path, "restore", "--yes", str(tmp_path / "backup.db"))

    assert back.exit_code == 0, back.output
    assert "1 reports that changed after the backup" in back.output and ": R-0001." in back.output
    (report,) = socialbot(tmp_path, "reports", "list", "--json").output.splitlines()
    assert '"status": "resolved"' in report
    events = Database(tmp_path / "socialbot.db")["report_events"].rows_where("kind = 'resolved'")
    assert [e["detail"] for e in events] == ["not worth an answer"]


def test_a_report_whose_number_the_backup_gives_another_keeps_a_new_one(tmp_path: Path) -> None:
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n", db="other.db")
    assert socialbot(tmp_path, "backup", str(tmp_path / "b.db"), db="other.db").exit_code == 0
    ours = "https://x.com/someone/status/456"
    socialbot(tmp_path, "console", stdin=f"/report-mention {ours} rude\n")

    back = socialbot(tmp_path, "restore", "--yes", str(tmp_path / "b.db"))
    assert back.exit_code == 0, back.output
    assert ": R-0001 (now R-0002)." in back.output
    listed = socialbot(tmp_path, "reports", "list", "--json").output.splitlines()
    (report,) = [line for line in listed if ours in line]
    assert '"ref": "R-0002"' in report and "rude" in report


def test_a_renumbered_report_takes_no_number_a_carried_one_keeps(tmp_path: Path) -> None:
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n", db="other.db")
    assert socialbot(tmp_path, "backup", str(tmp_path / "b.db"), db="other.db").exit_code == 0
    ours = ["https://x.com/someone/status/456", "https://x.com/someone/status/789"]
    socialbot(tmp_path, "console", stdin="".join(f"/report-mention {link}\n" for link in ours))

    back = socialbot(tmp_path, "restore", "--yes", str(tmp_path / "b.db"))

    assert back.exit_code == 0, back.output
    assert ": R-0001 (now R-0003), R-0002." in back.output
    listed = socialbot(tmp_path, "reports", "list", "--json").output
    assert all(link in listed for link in [LINK, *ours])


def test_restore_checks_the_backup_before_asking(tmp_path: Path) -> None:
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
    (tmp_path / "text.db").write_text("not a database\n")

    refused = socialbot(tmp_path, "restore", str(tmp_path / "text.db"), stdin="y\n")
    assert refused.exit_code == 1
    (line,) = refused.output.splitlines()  # no question first: nothing to say yes to
    assert line.startswith(f"Error: {tmp_path / 'text.db'} ")

    assert socialbot(tmp_path, "backup", str(tmp_path / "backup.db")).exit_code == 0
    kept = socialbot(tmp_path, "restore", str(tmp_path / "backup.db"), stdin="n\n")
    assert kept.exit_code == 1 and "Replace " in kept.output and "Aborted!" in kept.output
    assert not list(tmp_path.glob("*before-restore*"))


def test_the_database_and_its_backups_are_for_their_owner_only(tmp_path: Path) -> None:
    # Reporters' names and people's questions: a shared machine's usual umask (022) would let
    # every local account read them (review6 item 12).
    shell_umask = os.umask(0o022)
    try:
        socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
        assert socialbot(tmp_path, "backup", str(tmp_path / "backup.db")).exit_code == 0
        back = socialbot(tmp_path, "restore", str(tmp_path / "backup.db"), db="restored.db")
        assert back.exit_code == 0, back.output
        held = socialbot(tmp_path, "reports", "list", db="restored.db")  # opened, with its WAL
        assert held.exit_code == 0, held.output
    finally:
        os.umask(shell_umask)
    written = [path for path in tmp_path.iterdir() if path.name.endswith((".db", "-wal", "-shm"))]
    assert {path.name for path in written} >= {"socialbot.db", "backup.db", "restored.db"}
    assert {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in written} == {
        path.name: oct(0o600) for path in written
    }


def test_a_symlinked_database_is_backed_up_and_restored_as_the_file_it_leads_to(
    tmp_path: Path,
) -> None:
    # Review6 item 11, rest: SOCIALBOT_DB is a link (/srv/current.db -> /data/socialbot.db).
    data, srv = tmp_path / "data", tmp_path / "srv"
    data.mkdir()
    srv.mkdir()
    live = data / "socialbot.db"
    (srv / "current.db").symlink_to(live)
    link = str(Path("srv", "current.db"))
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n", db=link)
    running = RunLock(srv / "current.db")  # a bot runs: its lock sits beside the real file
    running.acquire()
    bot = sqlite3.connect(live, isolation_level=None)  # the running bot's connection
    bot.execute("PRAGMA journal_mode=WAL")
    whole = live.read_bytes()
    try:
        for name in ("socialbot.db.lock", "socialbot.db-wal"):
            refused = socialbot(tmp_path, "backup", str(data / name), db=link)
            assert refused.exit_code == 1, refused.output
            assert f"the live database's file {data / name}" in refused.output
    finally:
        bot.close()
        running.release()
    assert live.read_bytes() == whole

    assert socialbot(tmp_path, "backup", str(tmp_path / "backup.db"), db=link).exit_code == 0
    socialbot(tmp_path, "console", stdin="/report-mention https://x.com/b/status/9\n", db=link)
    back = socialbot(tmp_path, "restore", "--yes", str(tmp_path / "backup.db"), db=link)
    assert back.exit_code == 0, back.output
    assert back.output.startswith(f"Restored {live}:")
    assert (srv / "current.db").is_symlink() and (srv / "current.db").resolve() == live
    (kept,) = data.glob("socialbot.db.before-restore-*Z")
    assert "x.com/b/status/9" in socialbot(tmp_path, "reports", "list", db=str(kept)).output
    assert "were carried over from" in back.output  # the report filed after the backup
    assert "x.com/b/status/9" in socialbot(tmp_path, "reports", "list", db=link).output


def test_restore_is_refused_while_litestream_replicates_the_database(tmp_path: Path) -> None:
    """Review10b O9: a file replaced under Litestream corrupts its replica."""
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
    assert socialbot(tmp_path, "backup", str(tmp_path / "backup.db")).exit_code == 0
    live = tmp_path / "socialbot.db"
    # What Litestream does: its table, and the database held open (a read transaction).
    hold = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        " c.execute('CREATE TABLE IF NOT EXISTS _litestream_seq (id INTEGER PRIMARY KEY)');"
        " c.execute('BEGIN'); c.execute('SELECT * FROM _litestream_seq').fetchall();"
        " print('open', flush=True); sys.stdin.read()"
    )
    litestream = subprocess.Popen(
        [sys.executable, "-c", hold, str(live)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        preexec_fn=die_with_the_tests,
    )
    try:
        assert litestream.stdout is not None and litestream.stdout.readline() == b"open\n"
        inode = live.stat().st_ino
        refused = socialbot(tmp_path, "restore", "--yes", str(tmp_path / "backup.db"))
    finally:
        litestream.communicate(b"")
    assert refused.exit_code == 1
    (line,) = refused.output.splitlines()
    assert line.startswith(f"Error: not restored: Litestream is replicating {live} ")
    assert "stop it first" in line
    assert live.stat().st_ino == inode  # the same file, not replaced
    assert not list(tmp_path.glob("*before-restore*"))
    assert socialbot(tmp_path, "restore", "--yes", str(tmp_path / "backup.db")).exit_code == 0


def test_a_backup_copied_over_a_crashed_database_with_its_wal_left_is_refused(
    tmp_path: Path,
) -> None:
    socialbot(tmp_path, "console", stdin=f"/report-mention {LINK}\n")
    backup(tmp_path / "socialbot.db", tmp_path / "backup.db")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    live = sqlite3.connect(tmp_path / "socialbot.db", isolation_level=None)
    live.execute("PRAGMA wal_autocheckpoint=0")
    live.execute("UPDATE reports SET closing_note = 'after the backup'")
    for name in ("socialbot.db", "socialbot.db-wal"):  # the files a SIGKILL leaves
        (crashed / name).write_bytes((tmp_path / name).read_bytes())
    live.close()
    (crashed / "socialbot.db").write_bytes((tmp_path / "backup.db").read_bytes())  # cp by hand

    for command in (("reports", "list"), ("run",)):
        refused = socialbot(tmp_path, *command, db="crashed/socialbot.db")
        assert refused.exit_code == 2, refused.output
        assert "socialbot.db-wal and socialbot.db-shm beside it belong to" in refused.output
    (crashed / "socialbot.db-wal").rename(tmp_path / "aside.db-wal")
    listed = socialbot(tmp_path, "reports", "list", "--json", db="crashed/socialbot.db")
    assert LINK in listed.output
    notes = sqlite3.connect(crashed / "socialbot.db").execute("SELECT closing_note FROM reports")
    assert notes.fetchall() == [("",)]  # the backup's state, not the crashed database's
