"""Guideline Q&A as the core uses it: answers with buttons, sections, 👍/👎, reload on change."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.store import open_database
from handlers.actions import (
    GUIDELINES_ASK_TEAM,
    GUIDELINES_HELPFUL,
    GUIDELINES_OPEN_SECTION,
    GUIDELINES_UNHELPFUL,
)
from handlers.core import Core
from handlers.errors import UserError
from handlers.guidelines import GuidelinesQA, downvotes, migrations
from handlers.guidelines.answer import answer_probability, verdict
from handlers.guidelines.retrieval import Hit
from handlers.guidelines.sections import Section
from handlers.people import Person
from handlers.views import Actions, Button, Context, Header, Message
from tests.conftest import core_on
from tests.guidelines.evalset import load_eval_set

DEFAULT = load_eval_set().documents["default"]
ANNA = Person("slack", "U1", "Anna")


@pytest.fixture
def db() -> Database:
    database = Database(memory=True)
    migrations.apply(database)
    return database


@pytest.fixture
def qa(db: Database) -> GuidelinesQA:
    return GuidelinesQA(db, DEFAULT)


def buttons(message: Message) -> list[Button]:
    return [b for block in message.blocks if isinstance(block, Actions) for b in block.buttons]


async def test_an_answer_cites_its_section_and_asks_for_feedback(qa: GuidelinesQA) -> None:
    message = await qa.ask(ANNA, "Can I post a photo from the office party?")
    assert "Photos and videos from the office" in message.text
    contexts = [b.text for b in message.blocks if isinstance(b, Context)]
    assert any("2. Social media at work" in text for text in contexts)
    ids = [b.action_id for b in buttons(message)]
    assert ids == [GUIDELINES_HELPFUL, GUIDELINES_UNHELPFUL]
    assert buttons(message)[0].value == buttons(message)[1].value != ""


async def test_not_covered_offers_the_social_media_team(qa: GuidelinesQA) -> None:
    message = await qa.ask(ANNA, "How do I book a meeting room?")
    assert "don't cover" in message.text
    first = buttons(message)[0]
    assert (first.label, first.action_id) == ("Ask the social media team", GUIDELINES_ASK_TEAM)
    stored = qa.question_for_team(first.value)
    assert stored.question == "How do I book a meeting room?"
    assert stored.user_id == "U1"


async def test_a_danish_question_gets_danish_words(qa: GuidelinesQA) -> None:
    message = await qa.ask(ANNA, "Hvor mange feriedage har jeg tilbage?")
    assert "dækker ikke" in message.text
    assert buttons(message)[0].label == "Spørg social media-teamet"


async def test_feedback_is_stored_and_listed(qa: GuidelinesQA, db: Database) -> None:
    message = await qa.ask(ANNA, "Can I post a photo from the office party?")
    answer_id = buttons(message)[0].value
    bob = Person("teams", "B2", "Bob")
    qa.feedback(bob, answer_id, helpful=True)
    assert downvotes(db) == []
    qa.feedback(bob, answer_id, helpful=False)  # a second click changes the vote
    votes = downvotes(db)
    assert len(votes) == 1
    assert (votes[0].platform, votes[0].user_id) == ("teams", "B2")
    assert votes[0].answer.question == "Can I post a photo from the office party?"
    with pytest.raises(UserError):
        qa.feedback(bob, "no-such-answer", helpful=False)


async def test_guidelines_alone_lists_openable_sections(qa: GuidelinesQA) -> None:
    message = await qa.slash_command(lambda person: "en").run(ANNA, "")
    assert isinstance(message, Message) and isinstance(message.blocks[0], Header)
    opens = [b for b in buttons(message) if b.action_id == GUIDELINES_OPEN_SECTION]
    assert [b.value for b in opens] == ["Social media guidelines", "1", "2", "3", "4", "5", "6"]
    section = await qa.open_section("3")
    assert section.blocks[0] == Header("3. Never publish confidential information")
    assert "- Never share personal data" in section.text
    with pytest.raises(UserError):
        await qa.open_section("99")


async def test_guidelines_with_text_answers(qa: GuidelinesQA) -> None:
    command = qa.slash_command(lambda person: "en")
    assert command.name == "guidelines"
    message = await command.run(ANNA, "a journalist DMed me on LinkedIn, should I answer?")
    assert isinstance(message, Message)
    assert "journalist" in message.text


async def test_the_file_is_read_again_when_it_changes(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "guidelines.md"
    path.write_text("# Rules\n\n## Pets\n\nDogs are welcome in the office on Fridays.\n")
    qa = GuidelinesQA(db, path)
    assert (await qa.answer("Are dogs welcome in the office?")).confident
    path.write_text("# Rules\n\n## Parking\n\nPark behind the building.\n")
    os.utime(path, ns=(1, 1))  # a different mtime even on coarse file systems
    assert [s.title for s in (await qa.index()).sections] == ["Parking"]
    assert (await qa.answer("Are dogs welcome in the office?")).verdict == "not_covered"
    path.unlink()  # the last good version stays
    assert [s.title for s in (await qa.index()).sections] == ["Parking"]


async def test_answers_are_kept_90_days_and_downvoted_ones_a_year(tmp_path: Path) -> None:
    db = open_database(tmp_path / "socialbot.db", Core.migrations)
    core = core_on(db)
    asked = await core.message(ANNA, "Can I post a photo from the office party?")
    kept = await core.message(ANNA, "Can I share our quarterly revenue?")
    asked_id, kept_id = (
        next(b.value for b in buttons(m) if b.action_id == GUIDELINES_HELPFUL)
        for m in (asked, kept)
    )
    await core.action(ANNA, GUIDELINES_HELPFUL, asked_id)
    await core.action(ANNA, GUIDELINES_UNHELPFUL, kept_id)
    now = datetime.now(UTC)

    await core.tick(now + timedelta(days=89))
    assert {row["id"] for row in db["guideline_answers"].rows} == {asked_id, kept_id}
    await core.tick(now + timedelta(days=91))
    assert [row["id"] for row in db["guideline_answers"].rows] == [kept_id]
    assert [row["answer_id"] for row in db["guideline_feedback"].rows] == [kept_id]
    with pytest.raises(UserError, match="can't find that answer"):
        await core.action(ANNA, GUIDELINES_UNHELPFUL, asked_id)
    assert len(downvotes(db)) == 1

    await core.tick(now + timedelta(days=366))
    assert downvotes(db) == []
    assert db["guideline_answers"].count == 0


async def test_an_unsure_answer_offers_the_closest_sections_and_the_team(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "guidelines.md"
    path.write_text(
        "# Rules\n\n## Photos\n\nAsk before you post photos of colleagues.\n\n"
        "## Profile\n\nKeep your profile up to date and post with care.\n"
    )
    qa = GuidelinesQA(db, path)
    answer = await qa.answer("Can I post a painting on Instagram?")
    assert answer.verdict == "unsure" and not answer.confident
    assert answer.answer.startswith("I'm not sure our guidelines answer this")
    message = await qa.ask(ANNA, "Can I post a painting on Instagram?")
    rows = [block for block in message.blocks if isinstance(block, Actions)]
    opened = [(b.action_id, b.value) for b in rows[0].buttons]
    assert opened == [(GUIDELINES_OPEN_SECTION, "Photos"), (GUIDELINES_OPEN_SECTION, "Profile")]
    assert rows[-1].buttons[0].action_id == GUIDELINES_ASK_TEAM


def _hit(
    coverage: float,
    matched: int,
    score: float = 10.0,
    *,
    matched_ideas: int = 0,
    matched_stems: int = 0,
    off_topic: int = 0,
    social: int = 0,
) -> Hit:
    photos = Section("Photos", (), "Ask before you post a photo.")
    return Hit(
        photos,
        score,
        coverage,
        matched,
        matched_ideas,
        off_topic,
        matched_stems=matched_stems,
        social=social,
    )


def test_the_verdict_weighs_how_much_of_the_question_the_best_passage_holds() -> None:
    runner_up = _hit(0.2, 1, score=4.0)
    assert verdict([_hit(1.0, 3, matched_stems=3, social=1), runner_up]) == "answer"
    assert verdict([_hit(0.2, 1, score=5.0, matched_stems=1, social=1), runner_up]) == "unsure"
    assert verdict([]) == "not_covered"
    # One word shared only through an idea of the lexicon, and nothing about social media.
    assert verdict([_hit(1.0, 1, matched_ideas=1), runner_up]) == "not_covered"
    # One word about another workplace topic.
    assert verdict([_hit(0.5, 1, matched_stems=1, off_topic=1), runner_up]) == "not_covered"
    weak, strong = _hit(0.3, 2), _hit(0.9, 2)
    assert answer_probability([weak, runner_up]) < answer_probability([strong, runner_up])
