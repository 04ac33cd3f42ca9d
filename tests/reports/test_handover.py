"""Handing a report over reaches the new assignee (review9a R2), through signed Slack requests
and the fake Web API."""

from __future__ import annotations

import json

from tests.fakes.bot_work import settled
from tests.reports.conftest import (
    LINK,
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

    # taking it yourself sends you nothing
    await press(bot, slack, card["report_assign_me"], user="WMGR1")
    assert "assigned to you" in (await responded(slack))["text"]
    await settled(bot.runtime)
    assert len(messages_to(slack, "WMGR1")) == 1 and len(messages_to(slack, "WMGR2")) == 1
