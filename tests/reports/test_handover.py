"""Handing a report over reaches the new assignee (review9a R2), through signed Slack requests
and the fake Web API."""

from __future__ import annotations

import asyncio
import json

from tests.fakes.bot_work import settled
from tests.fakes.slack_requests import buttons, calls
from tests.reports.conftest import (
    LINK,
    MANAGERS,
    card_buttons,
    inputs,
    messages_to,
    opened_view,
    press,
    report,
    responded,
    selected,
    submit,
)


async def test_the_new_assignee_gets_the_card_and_the_manager_hears_how_many_were_told(
    bot, slack
) -> None:
    await report(bot, f"{LINK} customer furious", user="W111")
    await report(bot, f"{LINK} still there", user="W222")
    card = await card_buttons(slack)
    await press(bot, slack, card["report_assign_other"], user="WMGR1")
    view = await opened_view(slack)
    assert "WMGR2" in [o["value"] for o in inputs(view)["assignee"]["options"]]
    assert await submit(bot, view, {"assignee": selected("WMGR2")}, user="WMGR1") == {}
    await settled(bot.runtime)

    (handover,) = messages_to(slack, "WMGR2")
    assert handover["text"] == "User WMGR1 assigned R-0001 to you."
    shown = json.dumps(handover["blocks"])
    assert LINK in shown and "customer furious" in shown and "report_resolve" in shown
    (done,) = messages_to(slack, "WMGR1")
    assert done["text"].endswith("assigned to WMGR2. The 2 reporters have been told.")

    # "Assign to me" on a report another holds asks first (review17a M1); it sends nothing
    await press(bot, slack, card["report_assign_me"], user="WMGR1")
    assert (await responded(slack))["text"].startswith("WMGR2 holds R-0001 already.")
    await settled(bot.runtime)
    assert len(messages_to(slack, "WMGR1")) == 1 and len(messages_to(slack, "WMGR2")) == 1


async def test_of_two_managers_pressing_assign_to_me_at_once_one_gets_it(bot, slack) -> None:
    # review17a M1: both heard "assigned to you", the reporter got two "X is handling your
    # report", and a press on a report someone held took it from them silently.
    await report(bot, f"{LINK} customer furious", user="W111")
    card = await card_buttons(slack)
    await asyncio.gather(*(press(bot, slack, card["report_assign_me"], m) for m in MANAGERS))
    await settled(bot.runtime)
    answers = {c["text"].partition(" ")[0]: c for c in calls(slack, "respond")}
    assert len(answers) == 2, answers  # "R-0001 assigned to you. …", "User WMGR… holds …"
    (holder,) = [
        m for m in MANAGERS if f"User {m} holds R-0001 already." in answers["User"]["text"]
    ]
    assert answers["R-0001"]["text"] == "R-0001 assigned to you. The reporter has been told."
    assert len(messages_to(slack, "W111")) == 1  # one "… is handling your report"

    (take_over,) = buttons(answers["User"]["blocks"])
    (other,) = set(MANAGERS) - {holder}
    await press(bot, slack, take_over, other)
    assert (await responded(slack, 3))["text"] == (
        f"R-0001 assigned to you. The reporter has been told. User {holder}, who held it, has"
        " been told."
    )
    await settled(bot.runtime)
    (told,) = messages_to(slack, holder)
    assert told["text"] == f"User {other} took over R-0001 from you: it is no longer yours."
    (row,) = bot.runtime.db["reports"].rows
    assert row["assignee"] == other
