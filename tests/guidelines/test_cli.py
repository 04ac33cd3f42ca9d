"""`socialbot ask` and `socialbot qa feedback` through click's runner."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.app import build_runtime
from bot.console.chat import chat
from bot.guidelines_cli import ask, qa
from handlers.guidelines import migrations
from handlers.guidelines.answer import Answer
from handlers.guidelines.feedback import record_answer, record_feedback
from handlers.texts import text_for
from tests.conftest import SettingsFactory
from tests.guidelines.evalset import load_eval_set

DANISH = load_eval_set().documents["risesmart-da"]
# The sentences the bot writes around an answer that is not quoted.
FRAMES = ("unsure", "not_covered")


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)  # no stray .env
    return {"SOCIALBOT_DB": str(tmp_path / "socialbot.db")}


def test_ask_one_question(env: dict[str, str]) -> None:
    result = CliRunner().invoke(ask, ["Can I post a photo from the office party?"], env=env)
    assert result.exit_code == 0, result.output
    assert "Photos and videos from the office" in result.output
    assert "[2. Social media at work is fine" in result.output
    # Only what answers it is quoted: not the section's sentence that shares just "post".
    assert "Keep personal and professional accounts apart" not in result.output


def test_ask_json_one_object_per_stdin_line(env: dict[str, str]) -> None:
    lines = "Må jeg dele vores nyheder?\n\nHow do I book a meeting room?\n"
    result = CliRunner().invoke(ask, ["--json"], input=lines, env=env)
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["question"] for o in objects] == [
        "Må jeg dele vores nyheder?",
        "How do I book a meeting room?",
    ]
    assert (objects[0]["confident"], objects[0]["verdict"]) == (True, "answer")
    assert objects[0]["sources"][0]["section"] == "1. Share our stories, news and events"
    assert isinstance(objects[0]["sources"][0]["score"], float)
    assert (objects[1]["confident"], objects[1]["verdict"]) == (False, "not_covered")


def test_ask_another_guidelines_file(env: dict[str, str]) -> None:
    question = "En kunde skriver en dårlig anmeldelse af os, skal jeg svare igen?"
    result = CliRunner().invoke(ask, ["--guidelines", str(DANISH), "--json", question], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sources"][0]["section"].startswith("5. Svar ikke")


def test_ask_with_a_missing_file_exits_2(env: dict[str, str], tmp_path: Path) -> None:
    result = CliRunner().invoke(ask, ["--guidelines", str(tmp_path / "nope.md"), "hi"], env=env)
    assert result.exit_code == 2
    assert "SOCIALBOT_GUIDELINES" in result.output or "guidelines" in result.output


def test_qa_feedback_lists_thumbs_down(env: dict[str, str]) -> None:
    db = Database(env["SOCIALBOT_DB"])
    migrations.apply(db)
    liked = record_answer(db, Answer("Liked question", "fine", (), "answer"), "slack", "U1")
    disliked = record_answer(db, Answer("Bad question", "meh", (), "unsure"), "slack", "U1")
    record_feedback(db, liked, "slack", "U2", helpful=True)
    record_feedback(db, disliked, "slack", "U2", helpful=False)
    db.close()
    result = CliRunner().invoke(qa, ["feedback"], env=env)
    assert result.exit_code == 0, result.output
    assert "Bad question" in result.output
    assert "Liked question" not in result.output
    as_json = CliRunner().invoke(qa, ["feedback", "--json"], env=env)
    assert json.loads(as_json.output)["voter"] == "slack:U2"


def test_qa_feedback_when_empty(env: dict[str, str]) -> None:
    result = CliRunner().invoke(qa, ["feedback"], env=env)
    assert result.exit_code == 0
    assert "No 👎" in result.output


async def test_qa_feedback_prints_what_people_typed_without_control_characters(
    env: dict[str, str], make_settings: SettingsFactory
) -> None:
    # Asked and marked 👎 on the console (its buttons are the last message's #N: "unsure", the
    # words the escapes leave being no words of the guidelines, shows three passages first).
    runtime = build_runtime(make_settings(db=Path(env["SOCIALBOT_DB"])))
    question = "Can I post a photo \x1b]0;owned\x07\x1b[2Jfrom the office party?\u202e"
    try:
        await chat(runtime, io.StringIO(f"{question}\n#6\n"), io.StringIO(), "alice", False)
    finally:
        runtime.db.close()

    for listing in (["feedback"], ["feedback", "--json"]):
        shown = CliRunner().invoke(qa, listing, env=env)
        assert shown.exit_code == 0, shown.output
        assert "Can I post a photo ]0;owned[2Jfrom the office party?" in shown.stdout
        assert not any(ch in shown.stdout for ch in "\x1b\x07\u202e")


def test_a_question_is_answered_in_its_own_language_or_the_guidelines_never_a_third(
    env: dict[str, str],
) -> None:
    # review5 item 13: Norwegian was answered in Danish (the words both share tied), Italian,
    # which the bot reads but does not speak, in Spanish.
    asked = {
        "Hvem skal jeg spørre om sosiale medier?": "nb",
        "Kan jeg dele et bilde fra kontorfesten?": "nb",
        "Må jeg lægge et billede fra firmafesten op?": "da",
        "Får jag lägga upp en bild från kontorsfesten?": "sv",
        "¿Puedo publicar una foto de la fiesta de la oficina?": "es",
        "Posso pubblicare una foto della festa in ufficio?": "en",
    }
    result = CliRunner().invoke(ask, ["--json"], input="\n".join(asked), env=env)
    assert result.exit_code == 0, result.output
    for line, (question, code) in zip(result.stdout.splitlines(), asked.items(), strict=True):
        answer = json.loads(line)["answer"]
        framed = [other for other in ("en", "da", "nb", "sv", "es") if _framed_in(answer, other)]
        assert framed == [code], (question, answer)


def _framed_in(answer: str, code: str) -> bool:
    """Whether the bot's own sentences around an answer (on the English guidelines) are in the
    language `code`."""
    cited = f"\n{text_for('from' if code == 'en' else 'from_other', code)} _"
    return cited in answer or any(text_for(frame, code) in answer for frame in FRAMES)


def test_a_covered_question_in_another_language_is_not_refused(env: dict[str, str]) -> None:
    # review12a E8, review11b L9: "may I use social media during working hours?" in Portuguese,
    # Polish, Japanese, Hebrew and Arabic on the English guidelines was "not covered" although
    # its section came first: no word can be shared across languages. Annual leave, asked the
    # same way, is still no answer.
    working_hours = [
        "posso usar as redes sociais durante o horário de trabalho?",
        "Czy mogę korzystać z mediów społecznościowych w godzinach pracy?",
        "勤務時間中にソーシャルメディアを使ってもいいですか?",
        "האם מותר לי להשתמש ברשתות חברתיות בזמן העבודה?",
        "هل يمكنني استخدام وسائل التواصل الاجتماعي أثناء ساعات العمل؟",
    ]
    annual_leave = [
        "Quantos dias de férias eu tenho por ano?",
        "Ile dni urlopu mam w roku?",
        "年間の有給休暇は何日ですか?",
        "כמה ימי חופשה יש לי בשנה?",
        "كم يوم إجازة سنوية لدي؟",
    ]
    lines = "\n".join(working_hours + annual_leave)
    result = CliRunner().invoke(ask, ["--json"], input=lines, env=env)
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    for answer in answers[: len(working_hours)]:
        assert answer["verdict"] != "not_covered", answer["question"]
        assert answer["sources"][0]["section"].startswith("2. Social media at work"), answer
    for answer in answers[len(working_hours) :]:
        assert answer["verdict"] != "answer", answer["question"]
