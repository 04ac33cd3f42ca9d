"""Messages through POST /api/messages: personal chats, channel mentions, command words, errors."""

from __future__ import annotations

import json

import pytest
from botbuilder.schema import Activity

from bot.teams.turns import mentions_of_bot, text_for_bot, thread_root
from tests.teams.conftest import Teams, card_text, cards_in, load_activity, objects_in

PERSONAL = "teams-message-personal.json"
MENTION = "teams-message-channel-mention.constructed.json"
THREAD_REPLY = "teams-message-channel-thread-reply.constructed.json"
CHANNEL = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"


async def answers_to(teams: Teams, asked: list[str]) -> list[str]:
    """What the bot answers each of `asked`, said one after another in a personal chat."""
    for text in asked:
        await teams.post(PERSONAL, text=text)
    return [card_text(call.activity) for call in teams.connector.sent]


async def test_a_personal_message_gets_a_reply_in_the_same_chat(teams: Teams) -> None:
    response = await teams.post(PERSONAL, text="Can I post a photo from the office party?")

    assert response.status == 200
    [call] = teams.connector.posted
    incoming = load_activity(PERSONAL, teams.connector.url)
    assert call.conversation_id == incoming["conversation"]["id"]
    assert call.activity_id == incoming["id"]  # a reply to the message
    assert call.activity["recipient"]["id"] == incoming["from"]["id"]
    assert "Photos and videos from the office" in card_text(call.activity)
    assert call.activity["summary"]  # notifications show words, not "sent a card"


@pytest.mark.parametrize("text", ["help", "Help me", "/socialbot help", "socialbot help"])
async def test_a_command_word_runs_the_command(teams: Teams, text: str) -> None:
    await teams.post(PERSONAL, text=text)

    [call] = teams.connector.sent
    assert "socialbot help" in card_text(call.activity)


async def test_thanks_gets_a_short_acknowledgement_not_not_covered(teams: Teams) -> None:
    await teams.post(PERSONAL, text="Thank you! 👍")

    [call] = teams.connector.sent
    assert card_text(call.activity).startswith("You're welcome!")
    assert "don't cover" not in card_text(call.activity)


async def test_an_unknown_subcommand_gets_its_usage_not_a_traceback(teams: Teams) -> None:
    await teams.post(PERSONAL, text="/socialbot frobnicate")

    [call] = teams.connector.sent
    assert "is not something I know" in card_text(call.activity)
    assert "Usage" in card_text(call.activity)


async def test_an_unknown_slash_command_gets_a_suggestion(teams: Teams) -> None:
    await teams.post(PERSONAL, text="/socialbt help")

    [call] = teams.connector.sent
    assert "Did you mean" in card_text(call.activity)


async def test_a_channel_mention_is_answered_in_its_thread(teams: Teams) -> None:
    # Only a stripped mention makes `/socialbot nope` a command; otherwise the core sees a question.
    response = await teams.post(MENTION, text="<at>Test Bot</at> /socialbot nope\n")

    assert response.status == 200
    [call] = teams.connector.sent
    incoming = load_activity(MENTION, teams.connector.url)
    assert call.conversation_id == incoming["conversation"]["id"]
    assert call.activity_id == incoming["id"]
    assert "is not something I know" in card_text(call.activity)


def test_the_mention_of_the_bot_is_taken_out_of_the_text() -> None:
    activity = Activity().deserialize(load_activity(MENTION, "http://127.0.0.1/"))

    assert mentions_of_bot(activity) == ["<at>Test Bot</at>"]
    assert text_for_bot(activity) == "is it fine to share our press release?"


@pytest.mark.parametrize(
    ("conversation_id", "reply_to", "root"),
    [
        (f"{CHANNEL};messageid=1638918000000", None, "1638918000000"),
        (f"{CHANNEL};messageid=1638918600000", None, None),  # the post itself starts a thread
        (CHANNEL, "1638918000000", "1638918000000"),
        (CHANNEL, None, None),
    ],
)
def test_a_channel_reply_knows_the_post_it_answers(
    conversation_id: str, reply_to: str | None, root: str | None
) -> None:
    raw = load_activity(THREAD_REPLY, "http://127.0.0.1/", replyToId=reply_to)
    raw["conversation"]["id"] = conversation_id
    activity = Activity().deserialize(raw)

    assert mentions_of_bot(activity) == []
    assert thread_root(activity) == root


async def test_an_unexpected_error_gets_an_apology_with_a_reference(
    teams: Teams, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(person: object, text: str) -> None:
        raise RuntimeError("the core fell over")

    monkeypatch.setattr(teams.core, "message", broken)

    response = await teams.post(PERSONAL)

    assert response.status == 200
    [call] = teams.connector.sent
    assert "something went wrong" in card_text(call.activity)
    assert "Reference" in card_text(call.activity)
    assert "fell over" not in str(call.activity)


async def test_a_submit_button_without_a_handler_says_so(teams: Teams) -> None:
    await teams.post("teams-message-from-action-submit.constructed.json")

    [call] = teams.connector.sent
    assert "no longer active" in card_text(call.activity)
    assert len(cards_in(call.activity)) == 1


async def test_a_card_button_reaches_the_core(teams: Teams) -> None:
    await teams.post(PERSONAL, text="/guidelines")
    [listing] = teams.connector.sent
    assert "Never publish confidential information" in card_text(listing.activity)

    opened = {"action_id": "guidelines_open_section", "value": "3"}
    await teams.post("teams-message-from-action-submit.constructed.json", value=opened)

    [_, answer] = teams.connector.sent
    assert "Never share financial results" in card_text(answer.activity)


async def test_a_lone_social_link_offers_report_it_which_opens_the_form_with_it(
    teams: Teams,
) -> None:
    # fix15a: in the person's language (their Teams' locale), the form with what Teams draws.
    link = "https://x.com/angry_customer/status/1790000000000000001"
    await teams.post(PERSONAL, text=link, locale="nl-NL")

    [call] = teams.connector.sent
    assert "Is dit een bericht dat je bij het socialemediateam wilt melden?" in card_text(
        call.activity
    )
    [report_it] = [o for o in objects_in(call.activity) if o.get("title") == "Melden"]
    assert report_it["data"]["msteams"] == {"type": "task/fetch"}
    fetched = await teams.post(
        "teams-invoke-task-submit.synthetic.json",
        channelId="msteams",
        name="task/fetch",
        value={"data": report_it["data"]},
        locale="nl-NL",
    )
    dialog = (await fetched.json())["task"]["value"]
    assert dialog["title"] == "Vermelding melden"
    fields = {o["id"]: o for o in objects_in(dialog["card"]) if "id" in o}
    assert fields["links"]["value"] == link and fields["links"]["label"] == "Link(s)"
    assert fields["urgency"]["errorMessage"] == "Hoe dringend is het? is verplicht."


async def test_first_words_get_the_help_or_a_short_answer_never_the_team(teams: Teams) -> None:
    # review12a E1: each was "Our guidelines don't cover this question" with Ask the social
    # media team, which forwarded "what can you do?" to the team.
    said = {
        "what can you do?": "socialbot help",
        "hi 👋": "socialbot help",
        "hi there": "socialbot help",
        "hello @socialbot": "socialbot help",
        "ajuda": "socialbot help",
        "hilfe": "Ich helfe dir, unsere Social-Media-Richtlinien",
        "ok": "👍 Ask me whenever you have a question",
        "alles klar": "👍 Frag mich",
        "cool, thanks": "You're welcome!",
        "prefrences": "Did you mean preferences?",
        # review16a W4: a request to be forgotten got a guideline quote and reached nobody.
        "Please delete all my data, I am leaving the company": "Only an admin of this bot",
        "Vergiss mich": "Nur ein Admin dieses Bots kann es dir zeigen oder löschen",
    }
    for text in said:
        await teams.post(PERSONAL, text=text)

    for (text, expected), call in zip(said.items(), teams.connector.sent, strict=True):
        assert expected in card_text(call.activity), text
        assert "Ask the social media team" not in json.dumps(call.activity), text
    # review16a W5: the German help listed every command in English under a German intro.
    german = card_text(teams.connector.sent[list(said).index("hilfe")].activity)
    assert german.startswith("socialbot-Hilfe") and "deine tägliche Übersicht: Uhrzeit" in german
    assert "Frag zu unseren Social-Media-Richtlinien" in german and "Ask about" not in german


async def test_a_question_about_a_customers_data_is_a_guideline_question(teams: Teams) -> None:
    # review16b R2: each got "what I keep about you" and warned the admins that someone asked.
    asked = [
        "A customer commented 'delete all my data' under our post. Should I reply to them?",
        "Ein Kunde schreibt unter unserem Post: lösch meine Daten. Antworte ich?",
        "What data do you keep about customers in our CRM when they comment?",
    ]
    for shown, text in zip(await answers_to(teams, asked), asked, strict=True):
        assert "Only an admin" not in shown and "Nur ein Admin" not in shown, text


async def test_a_topic_of_one_word_is_a_question_not_a_near_miss(teams: Teams) -> None:
    # Review12c R13: "Reposts?" got "Did you mean report?", "Checkin?" "Give me the draft";
    # "Repost", a real word without a question mark, still got "Did you mean report?".
    asked = ["Reposts?", "Checkin?", "Announcements", "Repost", "Reposts", "Annonce"]
    for shown, text in zip(await answers_to(teams, asked), asked, strict=True):
        assert "Did you mean" not in shown and "draft to check" not in shown, text


async def test_a_request_to_check_a_post_in_a_sentence_checks_the_draft(teams: Teams) -> None:
    # review12a E14: answered as a guideline question; the figure was never flagged.
    draft = "Q4 revenue is DKK 412m"
    asked = [f"Check this post: {draft}", f'can you check my post? "{draft}"', f"check - {draft}"]
    asked.append(f"Kannst du meinen Beitrag prüfen? {draft}")
    for shown, text in zip(await answers_to(teams, asked), asked, strict=True):
        assert "financial figure that is not published" in shown, text


async def test_a_question_about_what_one_may_post_is_no_request_to_check(teams: Teams) -> None:
    # Review12c R12: each speaks of reviewing or checking a post, and the first got the check's
    # "✅ Nothing in the guidelines speaks against this post" for its second sentence.
    asked = [
        "Can I post a review of a competitor's product? I tried it last week and it was bad.",
        "Should I check the facts in my post? Our CEO said something at the fair.",
        "Can I review our new product in a post?",
        "May I proofread a colleague's blog post?",
    ]
    for shown, text in zip(await answers_to(teams, asked), asked, strict=True):
        assert "speaks against this post" not in shown and "draft to check" not in shown, text


async def test_a_question_that_begins_with_a_command_word_is_answered(teams: Teams) -> None:
    # review12a E10: each ran the command (the help, the report form, today's digest, the
    # insights refusal, the preferences form) and the question was lost.
    asked = [
        "Help me understand: can I post photos from the office?",
        "Report on Q3 results: can I share a summary on LinkedIn?",
        "Digest items: may I share them on Instagram too?",
        "Insights from the conference talk, can I post them?",
        "Preferences aside, can I post about my team lunch?",
    ]
    for text in asked:
        await teams.post(PERSONAL, text=text)

    for call, text in zip(teams.connector.sent, asked, strict=True):
        assert "Not helpful" in json.dumps(call.activity), text  # a guideline answer's button


async def test_a_follow_up_is_read_with_the_question_before_it(teams: Teams) -> None:
    # review12a E3: read alone, "and on TikTok?" got the guidelines' intro, "Who to ask" and
    # "Never answer negative comments": the pane alone read it with the question before.
    await teams.post(PERSONAL, text="Can I post a photo from the office party?")
    await teams.post(PERSONAL, text="and on TikTok?")

    first, follow_up = (card_text(call.activity) for call in teams.connector.sent)
    assert "Photos and videos from the office" in first
    assert "Photos and videos from the office" in follow_up
