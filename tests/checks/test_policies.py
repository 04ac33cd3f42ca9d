"""The guidelines' own rules found in real policies the checker was not written for (dev
documents of the guideline corpus), matched to everyday drafts (tests/checks/policies_dev.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from handlers.checks.concerns import CheckSettings
from handlers.checks.review import OfflineReview
from handlers.checks.rules import rules
from handlers.guidelines.document import GuidelinesFile
from tests.checks.evalset import CORPUS, PolicyOutcome, policy_documents, policy_outcomes

# Embedding the documents' passages is most of the cost (about 150 s of CPU for all of
# policies_dev.yaml on a fresh clone): the test leaves the eight largest documents not also in
# the guideline corpus test to bench/check_eval.py, which measures every one (all: 43/201 cited,
# false alarms 13/140 at the tenth session's start).
LEFT_TO_THE_BENCH = {
    "cultivate-staff-handbook-social-media.md",
    "fedora-marketing-social-media.adoc",
    "mattermost-content-guidelines.rst",
    "northcoastchurch-social-media-acceptable-use.md",
    "security-awareness-sosyal-medya-tr.md",
    "socialtic-seguridad-redes-sociales-es.md",
    "tum-cdps-meinungsfreiheit-social-media-de.md",
    "twojdoradcaoze-polityka-social-media-pl.md",
    # Retired from policies_unseen6.yaml at the eleventh session's start: measured by the bench,
    # so the test's time and floors stay as they were.
    "farsetlabs-social-media-policy.md",
    "flipper-chinh-sach-vi.md",
    "manordeilo-salem-cc-online-strategy.md",
    "pythonid-aturan-grup-telegram-id.md",
    # Retired from policies_unseen7.yaml at the twelfth session's start, likewise.
    "brosnan-social-media-policy.md",
    "nys-its-social-media-policy.md",
    "pyvec-propagace-konference-cs.rst",
    "umbrella-socialnye-seti-ru.md",
    # Retired from policies_unseen8.yaml at the thirteenth session's start, likewise.
    "cecere-whatsapp-telegram-it.md",
    "pyladies-brasil-o-que-postar-pt.md",
    "springernature-frontend-social-media.md",
    "webplatform-posting-guidelines.txt",
    # Retired from policies_unseen9.yaml at the fourteenth session's start, likewise.
    "as-kilta-viestinta-fi.md",
    "csie-discord-reguli-ro.md",
    "online-ntnu-instagram-kommunikasjon-nb.md",
    "ufsit-ccdc-social-media-policy.md",
    # Retired from policies_unseen10.yaml at the fifteenth session's start, likewise.
    "arovolife-distributor-social-media-policy.md",
    "csumb-social-media-guidelines.html",
    "edenia-guias-redes-sociales-es.md",
    "souldance-sotsseti-ru.md",
    # Retired from policies_unseen11.yaml at the sixteenth session's start, likewise.
    "bhmt-drustvene-mreze-hr.md",
    "farmacia-ametlla-codi-xarxes-socials-ca.md",
    "lurtsema-hr-portal-policies.md",
    "subhanu-social-media-policy.txt",
    # Retired from policies_unseen12.yaml at the seventeenth session's start, likewise.
    "asm-global-end-user-computing-policy.txt",
    "hydatis-communications-social-media-policy.md",
    "vasas-akademia-hazirend-hu.md",
    # Since the twelfth session the five largest left that only this test embedded (the guideline
    # corpus test measures the others), so that a fresh clone's suite stays in time; since the
    # fifteenth cri-venezia too (25,000 characters), once the corpus floor test had left it.
    "caerwent-community-council-social-media-policy.txt",
    "cri-venezia-manuale-comunicazione-it.md",
    "focuscommunity-site-rules-ko.md",
    "gdeiassistant-shequ-zhunze-zh.md",
    "propolife-social-media-policy-ja.md",
    "stonybrook-social-media-guidelines.md",
    # Since the sixteenth session the eight that only this test embedded (about 23 s of CPU on a
    # fresh clone): the test keeps the documents the guideline corpus test embeds anyway.
    "educacaosp-redes-sociais-pt.md",
    "forwards-social-media-policy.md",
    "hervormdputten-app-berichten-nl.md",
    "kossiitkgp-socials-guidelines.md",
    "matplotlib-communication-guidelines.md",
    "mitocgroup-pol016-social-media-policy.md",
    "openpowerlifting-social-media-guidelines.md",
    "swifty-isms-social-media-policy.md",
}

# Embedded before the first test, once for all workers (tests/embedding_cache.py).
EMBEDDED_DOCUMENTS = policy_documents(leaving=LEFT_TO_THE_BENCH)


@pytest.fixture(scope="module")
def outcomes() -> list[PolicyOutcome]:
    return policy_outcomes(leaving=LEFT_TO_THE_BENCH)


def test_drafts_breaking_a_policy_s_own_rules_are_found(outcomes) -> None:
    breaking = [o.right for o in outcomes if o.rule is not None]
    # 9/11 when written; 10/15 with four more; 11/15 once "Stockfotos" meets "Stockfoto"; 16/57
    # once six blind-written held-out policies (42 breaking drafts, 5 found) retired to this file;
    # 24/57 once rules in policies' own shapes were read and drafts matched by what they do, 31/57
    # with selling, rules inside prose ("This includes…") and obligations; 36/93 once four more
    # blind-written held-out policies (36 breaking drafts, 5 found) retired to this file; 38/129
    # once four more (36 breaking drafts, 2 found) retired too; 42/165 once four more (36, 2 found);
    # 43/201 once four more (36, 1 found) retired at the tenth session's start; 35/129 without the
    # documents left to the bench; 26/88 since five more were left to it (twelfth session); 25/81
    # since cri-venezia, which only this test still embedded, was left to it (fifteenth); 17/28
    # since the eight others only it embedded were too (sixteenth).
    assert sum(breaking) >= 17


def test_fine_drafts_raise_few_alarms_under_those_policies(outcomes) -> None:
    # None of the 14 written with the checker; 4 of the 30 retired blind-written ones (measured),
    # 2 of the 24 of the four policies retired next, none of the 24 of the four after them, and 4
    # of the 24 of the four retired at the ninth session's start, 3 of the 24 of the four retired at
    # the tenth's (13/140); 11/92 without the documents left to the bench, 10/64 since five more
    # were left to it (twelfth session), 9/59 since cri-venezia was too (fifteenth), 2/21 since
    # the eight others only this test embedded were too (sixteenth).
    assert sum(not o.right for o in outcomes if o.rule is None) <= 2


@pytest.mark.parametrize(
    ("document", "rule"),
    [
        ("seed-risesmart-da.txt", "5. Svar ikke på nogen konkurrent"),  # a heading that forbids
        ("cicd-pi-social-media-design-de.md", "Screenshots als Bildbeitrag"),  # under "Don'ts"
        ("cicd-pi-social-media-design-de.md", "keine Stockfotos"),  # one clause of a sentence
        ("swifty-isms-social-media-policy.md", "and avoid using wording or styles"),  # after "and"
        ("swifty-isms-social-media-policy.md", "Be careful what information you share online"),
        # A Spanish command opens with "no"; a Catalan rule reads as Spanish, its subject first.
        ("rladies-social-media-guide-es.md", "No haga declaraciones políticas"),
        ("ics-xarxes-socials-guia-ca.txt", "no es poden emetre opinions personals"),
        ("ics-xarxes-socials-guia-ca.txt", "Cal evitar usos discriminatoris"),
        # French: an adverb before "interdit", "de ne pas" after an obligation, kept confidential.
        ("betagouv-liberte-expression-fr.md", "Il est ainsi interdit de tenir des propos"),
        ("betagouv-liberte-expression-fr.md", "implique même en dehors du service de ne pas"),
        ("betagouv-liberte-expression-fr.md", "doivent rester confidentiels"),
    ],
)
def test_forbidding_sentences_are_found_in_any_shape(document: str, rule: str) -> None:
    assert any(rule in text for text in _rule_texts(document))


@cache
def _rule_texts(document: str) -> tuple[str, ...]:
    """The forbidding sentences read from a document of the corpus (indexed once: ics is long)."""
    index = GuidelinesFile(CORPUS / document).index
    return tuple(r.text for r in rules(index.sections, index.language))


def test_a_connective_or_a_freedom_is_no_rule() -> None:
    """ "No obstant això" (nevertheless) and "de croire ou de ne pas croire" forbid nothing."""
    found = _rule_texts("ics-xarxes-socials-guia-ca.txt")
    found += _rule_texts("betagouv-liberte-expression-fr.md")
    assert "No obstant això" not in found
    assert not [text for text in found if "de ne pas croire" in text]


def test_a_spanish_policy_s_rule_is_cited_and_a_meetup_is_fine() -> None:
    review = OfflineReview(
        GuidelinesFile(CORPUS / "rladies-social-media-guide-es.md"), CheckSettings()
    )
    draft = (
        "Desde la cuenta del capítulo: ¡votad al partido verde! Declaraciones políticas sin miedo."
    )
    (concern,) = review.check(draft).concerns
    assert "No haga declaraciones políticas" in concern.reason
    assert review.check("¡Nuestro próximo meetup es el jueves! Hablaremos de ggplot2.").ok


def test_a_policies_file_may_bring_its_own_document(tmp_path: Path) -> None:
    (tmp_path / "acme.md").write_text(
        "# Acme\n\n## Tone\n\nNever use swear words in posts about Acme.\n", encoding="utf-8"
    )
    policies = tmp_path / "policies.yaml"
    policies.write_text(
        "policies:\n"
        "  - guidelines: acme.md\n"
        "    drafts:\n"
        "      - rule: Never use swear words\n"
        "        text: This Acme release is a damn mess\n"
        "      - rule: null\n"
        "        text: Lovely weekend in the hills\n",
        encoding="utf-8",
    )
    outcomes = policy_outcomes(policies)
    assert [(o.policy, o.rule, o.right) for o in outcomes] == [
        ("acme.md", "Never use swear words", True),
        ("acme.md", None, True),
    ]
