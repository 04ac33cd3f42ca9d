"""The learnt check (handlers/checks/learnt.py) through `socialbot check --json`: drafts in new
wording the phrase lists miss, its weights file, and a mismatched embedding model."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner

from bot.check_cli import check
from handlers.checks.learnt import FEATURES, REASONS, read_weights
from handlers.guidelines.embedding import load_embedder
from handlers.texts import text_for
from tests.checks.test_cli import _answers

# Praise of the company's product in wording no phrase list holds (written for this test, not
# trained on): the phrases find nothing, the learnt check finds a post that needs disclosure.
PROMOTING = [
    "If your backups still live on a USB stick, do yourself a favour and look at Nordlys Cloud.",
    "Spent the weekend testing storage services for a side project. Nordlys Cloud was twice as"
    " fast as anything else I tried.",
]
# Found by the phrases: its section is the one the learnt disclosure cites too.
PHRASED = "Try Nordlys Cloud, best tool ever!"
FINE = "Proud to work at Nordlys: Nordlys Cloud now runs in Oslo too."


def _disclosure(answer: dict[str, Any]) -> dict[str, Any]:
    concerns: list[dict[str, Any]] = answer["concerns"]
    (concern,) = concerns
    assert concern["kind"] == "disclosure"
    return concern


def test_drafts_the_phrases_miss_are_found(env: dict[str, str]) -> None:
    *learnt, phrased, fine = _answers([*PROMOTING, PHRASED, FINE], env)
    assert fine == {"draft": FINE, "ok": True, "concerns": []}
    section = _disclosure(phrased)["section"]
    assert _disclosure(phrased)["reason"] != text_for("learnt_disclosure", "en")
    for answer in learnt:
        concern = _disclosure(answer)
        assert concern["reason"] == text_for("learnt_disclosure", "en")
        assert concern["section"] == section
        assert concern["fix"] == text_for("fix_disclosure", "en", company="Nordlys")
    # Two sentences: the span is the one that promotes.
    assert _disclosure(learnt[1])["span"] == PROMOTING[1].split(". ", 1)[1]


def test_not_when_the_profile_says_where_the_author_works(env: dict[str, str]) -> None:
    runner = CliRunner()
    args = ["--json", "--profile", "Backend engineer at Nordlys", PROMOTING[0]]
    result = runner.invoke(check, args, env=env)
    assert result.exit_code == 0, result.output
    assert '"ok": true' in result.stdout


def test_the_weights_fit_the_bundled_model() -> None:
    weights = read_weights()
    model = load_embedder()
    assert model is not None and weights.embedding == model.name
    assert set(weights.models) == set(REASONS)
    for kind_model in weights.models.values():
        assert kind_model.weights.shape == (384 + len(FEATURES),)


def test_another_embedding_model_turns_it_off_with_one_log_line(env: dict[str, str]) -> None:
    env = {**env, "SOCIALBOT_EMBEDDING_MODEL": "wordllama"}
    lines = "".join(f"{draft}\n" for draft in [*PROMOTING, PHRASED])
    result = CliRunner().invoke(check, ["--json"], input=lines, env=env)
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["ok"] for a in answers] == [True, True, False]  # the phrases still run
    other = load_embedder("wordllama")
    assert other is not None
    said = (
        "the learnt check is off: its weights fit the embedding model"
        f" {read_weights().embedding}, not {other.name}"
    )
    assert result.stderr.count("learnt check is off") == 1
    assert said in result.stderr
