"""After `socialbot forget`, the cards show "a former employee", never a blank or a stand-in id."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from click.testing import CliRunner

from bot.app import build_runtime
from bot.cli import main
from bot.store import open_database
from handlers import people
from handlers.privacy import FORGOTTEN_NAME
from handlers.reports import store as reports_store
from tests.conftest import SettingsFactory
from tests.fakes.bot_work import settled
from tests.fakes.slack_requests import (
    SECRET,
    calls,
    message_shortcut,
    post_form,
    post_json,
    wait_for_call,
)
from tests.fakes.slack_web_api import TEAM_ID, FakeSlack
from tests.reports.conftest import (
    CHANNEL,
    LINK,
    SHOT,
    card_buttons,
    inputs,
    opened_view,
    press,
    report,
    responded,
    selected,
    submit,
    text_value,
)
from tests.slack.test_http import with_text


async def test_a_forgotten_reporter_and_assignee_are_a_former_employee(
    bot: Any, slack: FakeSlack
) -> None:
    await report(bot, "https://x.com/a/status/1 calls us crooks", user="W111")
    card = await card_buttons(slack)
    await press(bot, slack, card["report_assign_me"], user="WMGR1")
    await wait_for_call(slack, "chat.update")

    env = {"SOCIALBOT_DB": str(bot.runtime.settings.db)}
    for user in ("W111", "WMGR1"):
        output = await forget(user, env)
    assert "report_assignments: 2 row(s)" in output  # the report and its event

    await report(bot, "https://twitter.com/a/status/1?s=20 still up", user="W222")
    update = (await wait_for_call(slack, "chat.update", 2))[1]
    shown = json.dumps(update["blocks"])
    assert "Reported by (2)*\\na former employee, User W222" in shown  # W222 learnt as they wrote
    assert "_a former employee_: calls us crooks" in shown
    assert "assigned to a former employee" in shown
    assert "forgotten-" not in shown and "__:" not in shown

    # review11a M2: "The 2 reporters have been told", and news sent to the stand-in id
    await press(bot, slack, card["report_dismiss"], user="WMGR2")
    said = (await responded(slack, 2))["text"]
    assert said == "R-0001 closed as not an issue. The reporter has been told; 1 other has left."
    await settled(bot.runtime)
    assert not [c for c in calls(slack, "chat.postMessage") if "forgotten-" in c["channel"]]
    assert "needs no action" in slack.messages_in("W222")[-1].text


async def test_a_forgotten_reporters_file_links_go_with_their_id(bot, slack) -> None:
    # A Slack file's link names its uploader's id (a Teams file's, their OneDrive): review11a M1
    envelope = with_text("message_im.json", f"report {LINK} they deleted it")
    envelope["event"] |= {"subtype": "file_share", "files": [SHOT]}
    await post_json(bot, envelope)
    await wait_for_call(slack, "chat.postMessage", 2)
    await settled(bot.runtime)
    output = await forget("U2147483697", {"SOCIALBOT_DB": str(bot.runtime.settings.db)})
    assert "report_files: 1 row(s)" in output
    (reporter,) = bot.runtime.db["report_reporters"].rows
    assert (reporter["files"], reporter["about"]) == ("", "they deleted it")


async def test_forget_shows_a_former_employee_on_the_cards_already_posted(
    bot: Any, slack: FakeSlack
) -> None:
    await report(bot, "https://x.com/a/status/2 calls us crooks", user="W111")
    await report(bot, "https://x.com/a/status/2 still up", user="W222")
    await card_buttons(slack)
    await wait_for_call(slack, "chat.update")  # the second reporter joined the card
    await settled(bot.runtime)
    posted = json.dumps(slack.messages_in(CHANNEL)[0].blocks)
    assert "User W111" in posted and "User W222" in posted
    db, with_slack = cli_env(bot, slack)

    # Run where Slack is not configured: the card cannot change, and the output says so.
    result = await forget("W111", db)
    assert (
        "Could not update 1 report card(s), which still show the name: R-0001 (slack CSOCIAL)"
        in result
    )
    assert len(calls(slack, "chat.update")) == 1

    result = await forget("W222", with_slack)
    assert "report cards updated to show a former employee: 1" in result
    [_, edit] = calls(slack, "chat.update")
    shown = json.dumps(edit["blocks"])
    assert edit["channel"] == CHANNEL
    assert "Reported by (2)*\\na former employee, a former employee" in shown
    assert "W111" not in shown and "W222" not in shown and "forgotten-" not in shown


async def test_the_author_of_a_reported_message_is_exported_and_forgotten(
    bot: Any, slack: FakeSlack
) -> None:
    # review13a S1: the message shortcut keeps its author's id, and their name in the note
    slack.users["U0AUTHOR"] = {
        "id": "U0AUTHOR",
        "team_id": TEAM_ID,
        "name": "bob",
        "real_name": "Bob Authorname",
        "profile": {"real_name": "Bob Authorname"},
    }
    slack.users["WMGR1"] = {"id": "WMGR1", "name": "anna", "profile": {}, "locale": "de-DE"}
    assert await bot.runtime.slack.sync_people()
    text = f"I really hate our CEO, see <{LINK}>"
    await post_form(bot, message_shortcut("report_message", text, author="U0AUTHOR"))
    view = await opened_view(slack)
    values = {
        name: text_value(field["initial_value"])
        for name, field in inputs(view).items()
        if name in ("links", "about", "note")
    }
    assert await submit(bot, view, values | {"urgency": selected("normal")}) == {}
    await card_buttons(slack)
    await settled(bot.runtime)
    assert "Message by Bob Authorname" in json.dumps(slack.messages_in(CHANNEL)[0].blocks)
    db, with_slack = cli_env(bot, slack)

    exported = await asyncio.to_thread(
        CliRunner().invoke, main, ["export", "--user", "U0AUTHOR"], env=db
    )
    (reported,) = json.loads(exported.output)["tables"]["report_reporters.source_author"]
    assert (reported["user_id"], reported["about"]) == ("W111", text)

    result = await forget("U0AUTHOR", with_slack)
    assert "reported_messages: 1 row(s)" in result
    assert "report cards updated to show a former employee: 1" in result
    shown = json.dumps(calls(slack, "chat.update")[-1]["blocks"])
    assert "Message by a former employee in C111" in shown
    assert "Bob" not in shown and "U0AUTHOR" not in shown and "forgotten-" not in shown
    (reporter,) = bot.runtime.db["report_reporters"].rows
    assert "U0AUTHOR" not in json.dumps(reporter) and "Bob" not in json.dumps(reporter)
    # closing16: "a former employee" was written into the note in English for every reader.
    german = json.dumps((await report(bot, "R-0001", user="WMGR1"))["blocks"], ensure_ascii=False)
    assert "Message by ein ehemaliges Teammitglied in C111" in german
    exported = await asyncio.to_thread(
        CliRunner().invoke, main, ["export", "--user", "W111"], env=db
    )
    assert "Message by a former employee in C111" in exported.output


def cli_env(bot: Any, slack: FakeSlack) -> tuple[dict[str, str], dict[str, str]]:
    """The CLI's settings for the bot's database: alone, and with the bot's Slack settings."""
    db = {"SOCIALBOT_DB": str(bot.runtime.settings.db)}
    with_slack = {
        **db,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.url,
    }
    return db, with_slack


async def forget(user: str, env: dict[str, str]) -> str:
    """`socialbot forget --user USER --yes` with `env`, in a thread: it runs its own loop to
    reach Slack, while this test's loop serves the fake Slack."""
    command = ["forget", "--user", user, "--yes"]
    result = await asyncio.to_thread(CliRunner().invoke, main, command, env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_messages_reported_before_authors_were_kept_by_id_are_found_as_well_as_can_be(
    make_settings: SettingsFactory,
) -> None:
    # review13c R5: Teams kept a reported message's author by name. An author the directory
    # knew by that name alone gets their id; namesakes' stay found by name, and say so.
    settings = make_settings()
    path = settings.db
    db = open_database(path, [people.migrations])
    reports_store.migrations.apply(db, stop_before="add_source_author_name")
    ada, alex, other_alex = (f"{n}0000000-0000-4000-8000-000000000000" for n in "abc")
    db.table("people").insert_all(
        {"platform": "teams", "user_id": user_id, "name": name}
        for user_id, name in ((ada, "Ada Lovelace"), (alex, "Alex Berg"), (other_alex, "Alex Berg"))
    )
    db.table("reports").insert_all(
        {
            "id": n,
            "platform": "teams",
            "where_seen": "x",
            "urgency": "normal",
            "created_at": 1,
            "updated_at": 1,
            "remind_at": 1,
        }
        for n in (1, 2)
    )
    db.table("report_reporters").insert_all(
        {
            "report_id": n,
            "platform": "teams",
            "user_id": "d0000000-0000-4000-8000-000000000000",
            "source_author": name,
            "note": f"Message by {name}: https://teams",
            "at": 1,
        }
        for n, name in ((1, "Ada Lovelace"), (2, "Alex Berg"))
    )
    db.close()
    build_runtime(settings).db.close()  # this release's `socialbot run`: migrated
    env = {"SOCIALBOT_DB": str(path)}

    def run(*command: str) -> dict[str, Any]:
        result = CliRunner().invoke(main, command, env=env)
        assert result.exit_code == 0, result.output
        if command[0] == "export":
            return dict(json.loads(result.output)["tables"])
        return {"output": result.output}

    by_id = run("export", "--user", ada)["report_reporters.source_author"]
    assert [row["report_id"] for row in by_id] == [1]
    by_name = run("export", "--user", alex)["report_reporters.source_author_name"]
    assert [row["report_id"] for row in by_name] == [2]
    run("forget", "--user", ada, "--yes")
    # One Alex Berg forgotten: the message by name only may be the other's, and stays
    # (review13c R5: it was rewritten as the forgotten one's); forget says so.
    said = run("forget", "--user", alex, "--yes")["output"]
    assert "Left as they are: 1 message(s) by someone called Alex Berg" in said
    notes = [row["note"] for row in open_database(path, []).table("report_reporters").rows]
    assert notes == [
        f"Message by {FORGOTTEN_NAME}: https://teams",  # a former employee, in each language
        "Message by Alex Berg: https://teams",
    ]
