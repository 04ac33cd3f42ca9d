"""Neutral views as Adaptive Cards 1.5: every block drawn, every card valid."""

from __future__ import annotations

import json

import pytest

from bot.errors import reply_for_error
from bot.teams.cards import activity, card, markdown
from handlers.commands import Commands
from handlers.help import help_message, socialbot_command
from handlers.views import Actions, Button, Context, Divider, Fields, Header, Message, Text
from tests.teams.conftest import assert_valid_card

EVERYTHING = Message(
    text="Everything a card can hold",
    blocks=(
        Header("Morning digest"),
        Text("**Bold**, _italic_, `code` and a [link](https://example.com)"),
        Text("With a picture", image_url="https://example.com/p.png", image_alt="A picture"),
        Divider(),
        Fields((("Severity", "high"), ("Reported by", "**3** people"))),
        Actions(
            (
                Button("Open", "open_article", url="https://example.com/a"),
                Button("Acknowledge", "ack", value="report-1", style="primary"),
                Button("Not an issue", "dismiss", value="report-1", style="danger"),
                Button("Later", "snooze"),
                Button("Resolve", "resolve", value="report-1", opens_form=True),
            )
        ),
        Context("Reference: `abc123`"),
        Divider(),
    ),
)


def _commands() -> Commands:
    commands = Commands()
    commands.add(socialbot_command(commands)[0])
    return commands


@pytest.mark.parametrize(
    "message",
    [
        EVERYTHING,
        Message("Just words, no blocks"),
        help_message(_commands(), "teams"),
        reply_for_error(RuntimeError("x"), "test"),
        Message("", blocks=(Divider(),)),
    ],
)
def test_every_card_is_a_valid_adaptive_card_1_5(message: Message) -> None:
    rendered = card(message)

    assert_valid_card(rendered)
    assert rendered["fallbackText"] == message.text


def test_only_an_https_image_on_a_public_host_is_drawn() -> None:
    # review13a S11: a feed item's image went into every card as written (http, intranet hosts)
    for url, drawn in [
        ("https://example.com/p.png", True),
        ("https://93.184.216.34/p.png", True),
        ("HTTPS://CDN.Example.com./p.png?w=200", True),
        ("http://10.0.0.1/p.png", False),
        ("http://intranet/track.png", False),
        ("javascript:alert(1)", False),
        ("https://10.0.0.1/p.png", False),
        ("https://192.168.1.20:8443/p.png", False),
        ("https://[::1]/p.png", False),
        ("https://[::ffff:169.254.169.254]/p.png", False),
        ("https://intranet/track.png", False),
        ("https://wiki.acme.local/logo.png", False),
        ("https://files.corp.internal/p.png", False),
        ("https://nas.home.arpa./p.png", False),
        ("https://printer.LAN/p.png", False),
        ("https://localhost/p.png", False),
        ("https://[::1/p.png", False),
        ("https:///p.png", False),
    ]:
        rendered = card(Message("News", (Text("An article", image_url=url, image_alt="A"),)))
        assert ('"Image"' in json.dumps(rendered)) is drawn, url


def test_buttons_open_links_dialogs_or_execute_with_their_action_id_and_value() -> None:
    actions = next(e for e in card(EVERYTHING)["body"] if e["type"] == "ActionSet")["actions"]

    assert actions[0] == {"type": "Action.OpenUrl", "title": "Open", "url": "https://example.com/a"}
    assert actions[1] == {
        "type": "Action.Execute",
        "title": "Acknowledge",
        "verb": "ack",
        "data": {"action_id": "ack", "value": "report-1"},
        "style": "positive",
    }
    assert actions[2]["style"] == "destructive"
    assert "style" not in actions[3]
    # A button that opens a form asks Teams for a dialog (a task/fetch invoke).
    assert actions[4] == {
        "type": "Action.Submit",
        "title": "Resolve",
        "data": {"action_id": "resolve", "value": "report-1", "msteams": {"type": "task/fetch"}},
    }


def test_a_divider_separates_the_next_element_and_a_trailing_one_vanishes() -> None:
    body = card(EVERYTHING)["body"]

    assert [element.get("separator", False) for element in body] == [
        False,
        False,
        False,
        True,
        False,
        False,
    ]


@pytest.mark.parametrize(
    ("ours", "teams"),
    [
        ("**bold** and _italic_", "**bold** and _italic_"),
        ("run `/socialbot help`", "run /socialbot help"),
        ("[docs](https://example.com)", "[docs](https://example.com) (example.com)"),
        (
            "[https://example.com/a](https://example.com/a)",
            "[https://example.com/a](https://example.com/a)",
        ),
        (r"\[Click\](https://evil.example/ack)", "\\[Click\\]\u200b(https://evil.example/ack)"),
        ("Intro\n- one\n- two\nAfter", "Intro\n\n- one\r- two\n\nAfter"),
        ("one\n\ntwo", "one\n\ntwo"),
    ],
)
def test_markdown_subset(ours: str, teams: str) -> None:
    assert markdown(ours) == teams


def test_a_message_is_one_card_with_a_summary() -> None:
    payload = activity(Message("Hello there"))

    assert payload["type"] == "message"
    assert payload["summary"] == "Hello there"
    [attachment] = payload["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
