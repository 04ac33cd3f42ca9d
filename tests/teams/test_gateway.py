"""The Teams gateway: proactive posts through stored references, and failures sorted."""

from __future__ import annotations

import pytest

from bot.delivery.gateway import (
    CannotTell,
    Gateway,
    PermanentFailure,
    RateLimited,
    TransientFailure,
)
from bot.teams import TeamsGateway
from handlers.views import Actions, Button, Message, Text
from tests.teams.conftest import Teams, card_text

CHANNEL = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"
DIGEST = Message(
    text="Your morning digest",
    blocks=(
        Text("**New:** our spring campaign", image_url="https://example.com/a.png"),
        Actions(
            (
                Button("Share on LinkedIn", "share", url="https://example.com/share"),
                Button("Not for me", "not_for_me", value="item-1", style="danger"),
            )
        ),
    ),
)


@pytest.fixture
async def gateway(teams: Teams) -> TeamsGateway:
    await teams.post("teams-installationUpdate-add-channel.json")
    await teams.post("teams-conversationUpdate-bot-added-personal.json")
    teams.connector.calls.clear()
    gateway: Gateway = TeamsGateway(
        teams.bot.adapter, teams.bot.conversations, None, teams.core.shares.signature
    )
    assert isinstance(gateway, TeamsGateway)  # and mypy checks it keeps to the protocol
    return gateway


async def test_a_proactive_message_goes_through_the_stored_reference(
    teams: Teams, gateway: TeamsGateway
) -> None:
    message_id = await gateway.send(CHANNEL, gateway.render(DIGEST))

    [call] = teams.connector.calls
    assert message_id == call.created_id  # the post's id, which replies in its thread carry
    assert message_id.isdigit()
    assert call.method == "send"  # a new post in the channel, not a reply
    assert call.conversation_id == CHANNEL
    assert call.activity["from"]["id"] == "28:608cacfd-1cea-40c9-b678-4b93e69bb72b"
    assert "spring campaign" in card_text(call.activity)


@pytest.mark.parametrize("recipient", ["***", "29:<USERID>"])
async def test_a_person_is_reached_in_their_personal_chat(
    teams: Teams, gateway: TeamsGateway, recipient: str
) -> None:
    await gateway.send(recipient, gateway.render(Message("Hello")))

    [call] = teams.connector.calls
    assert call.conversation_id == "***"


@pytest.mark.parametrize(
    ("status", "failure"),
    [
        (400, PermanentFailure),  # Teams rejects the card
        (403, PermanentFailure),  # the bot was blocked or uninstalled
        (404, PermanentFailure),  # the conversation is gone
        (413, PermanentFailure),  # the card is past Teams' size: that card, not an outage
        (500, TransientFailure),
        (503, TransientFailure),
    ],
)
async def test_failures_are_classified(
    teams: Teams, gateway: TeamsGateway, status: int, failure: type[Exception]
) -> None:
    teams.connector.fail(status)

    with pytest.raises(failure) as raised:
        await gateway.send(CHANNEL, gateway.render(DIGEST), "token-1")

    assert len(teams.connector.calls) == 1  # no hidden retries: the engine decides
    assert not getattr(raised.value, "maybe_delivered", False)


async def test_a_gateway_error_may_hide_a_delivered_message(
    teams: Teams, gateway: TeamsGateway
) -> None:
    teams.connector.fail(502)

    with pytest.raises(TransientFailure) as raised:
        await gateway.send(CHANNEL, gateway.render(DIGEST))

    assert raised.value.maybe_delivered


async def test_whether_a_message_arrived_cannot_be_told(gateway: TeamsGateway) -> None:
    with pytest.raises(CannotTell):
        await gateway.find(CHANNEL, "token-1", since=0)


async def test_429_is_rate_limited_for_as_long_as_teams_says(
    teams: Teams, gateway: TeamsGateway
) -> None:
    teams.connector.fail(429, retry_after=7)

    with pytest.raises(RateLimited) as raised:
        await gateway.send(CHANNEL, gateway.render(DIGEST))

    assert raised.value.retry_after == 7
    assert len(teams.connector.calls) == 1
    assert await gateway.send(CHANNEL, gateway.render(DIGEST))  # and then it goes through


async def test_an_unknown_recipient_is_a_permanent_failure(gateway: TeamsGateway) -> None:
    with pytest.raises(PermanentFailure, match="no stored Teams conversation"):
        await gateway.send("29:never-met", gateway.render(DIGEST))


async def test_an_uninstalled_conversation_is_not_tried(
    teams: Teams, gateway: TeamsGateway
) -> None:
    await teams.post("teams-installationUpdate-add-channel.json", action="remove")

    with pytest.raises(PermanentFailure, match="uninstalled"):
        await gateway.send(CHANNEL, gateway.render(DIGEST))

    assert teams.connector.calls == []


async def test_an_unreachable_connector_is_transient(teams: Teams, gateway: TeamsGateway) -> None:
    await teams.connector.__aexit__(None, None, None)

    with pytest.raises(TransientFailure) as raised:
        await gateway.send(CHANNEL, gateway.render(DIGEST))

    assert not raised.value.maybe_delivered  # refused: the message surely never left


async def test_an_update_replaces_the_card_in_place(teams: Teams, gateway: TeamsGateway) -> None:
    message_id = await gateway.send(CHANNEL, gateway.render(DIGEST))

    await gateway.update(CHANNEL, message_id, gateway.render(Message("Acknowledged by Megan")))

    _, call = teams.connector.calls
    assert call.method == "update"
    assert (call.conversation_id, call.activity_id) == (CHANNEL, message_id)
    assert call.activity["id"] == message_id
    assert "replyToId" not in call.activity
    assert "Acknowledged by Megan" in card_text(call.activity)


@pytest.mark.parametrize(("status", "failure"), [(404, PermanentFailure), (429, RateLimited)])
async def test_a_failed_update_is_classified_without_retries(
    teams: Teams, gateway: TeamsGateway, status: int, failure: type[Exception]
) -> None:
    teams.connector.fail(status)

    with pytest.raises(failure):
        await gateway.update(CHANNEL, "activity-9", gateway.render(DIGEST))

    assert len(teams.connector.calls) == 1
