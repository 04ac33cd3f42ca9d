"""A verb and then "never" or "not" opening a guideline's sentence is a rule in every language
("Deel nooit…", "Teilen Sie niemals…", "Del aldrig…"); what permits and what asks is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers.checks.rules import rules
from handlers.guidelines.document import GuidelinesFile
from tests.checks.test_cli import _answers


def _cited(
    env: dict[str, str], document: Path, guidelines: str, drafts: list[str]
) -> list[list[str]]:
    """The sections `socialbot check` cites a rule of on each draft, under `guidelines` written
    to `document`."""
    document.write_text(guidelines, encoding="utf-8")
    answers = _answers(drafts, env | {"SOCIALBOT_GUIDELINES": str(document)})
    return [[c["section"] for c in a["concerns"] if c["kind"] == "guideline"] for a in answers]


# Per language: the guidelines (a rule forbidding photos of screens, one forbidding to share
# customers' information, then what permits or asks), the rules read from them, a draft breaking
# the first and a fine one.
FORMS = [
    (
        "# Richtlijnen\n\n## Vertrouwelijk\nDeel nooit informatie over klanten.\n"
        "Plaats nooit foto's van schermen op kantoor.\n\n## Toon\n"
        "Aarzel niet om foto's van evenementen te delen.\nDeel je nooit iets over je werk?\n",
        ["Deel nooit informatie over klanten.", "Plaats nooit foto's van schermen op kantoor."],
        "Foto van mijn scherm op kantoor vandaag, kijk eens!",
        "Fijne vrijdag allemaal, geniet van het weekend!",
    ),
    (
        "# Richtlinien\n\n## Vertraulich\nTeilen Sie niemals Informationen über Kunden.\n"
        "Poste nie Fotos von Bildschirmen im Büro.\nVeröffentliche keine Zahlen.\n\n## Ton\n"
        "Zögern Sie nicht, Fotos von Veranstaltungen zu teilen.\n",
        [
            "Teilen Sie niemals Informationen über Kunden.",
            "Poste nie Fotos von Bildschirmen im Büro.",
            "Veröffentliche keine Zahlen.",
        ],
        "Foto von meinem Bildschirm im Büro heute, schaut mal!",
        "Schönes Wochenende euch allen, genießt die Sonne!",
    ),
    (
        "# Retningslinjer\n\n## Fortroligt\nSkriv aldrig om kunder.\n"
        "Del aldrig billeder af skærme på kontoret.\n\n## Tone\n"
        "Tøv ikke med at dele billeder fra arrangementer.\n",
        ["Skriv aldrig om kunder.", "Del aldrig billeder af skærme på kontoret."],
        "Billede af min skærm på kontoret i dag, se lige!",
        "God weekend allesammen, nyd solen!",
    ),
    (
        "# Riktlinjer\n\n## Konfidentiellt\nDela aldrig information om kunder.\n"
        "Publicera inte bilder av skärmar på kontoret.\n\n## Ton\n"
        "Tveka inte att dela bilder från evenemang.\n",
        [
            "Dela aldrig information om kunder.",
            "Publicera inte bilder av skärmar på kontoret.",
        ],
        "Bild på min skärm på kontoret idag, titta!",
        "Trevlig helg allihopa, njut av solen!",
    ),
    (
        "# Retningslinjer\n\n## Konfidensielt\nDel aldri informasjon om kunder.\n"
        "Publiser ikke bilder av skjermer på kontoret.\n\n## Tone\n"
        "Nøl ikke med å dele bilder fra arrangementer.\n",
        ["Del aldri informasjon om kunder.", "Publiser ikke bilder av skjermer på kontoret."],
        "Bilde av skjermen min på kontoret i dag, se her!",
        "God helg alle sammen, nyt sola!",
    ),
    (
        "# Charte\n\n## Confidentialité\nNe partagez jamais d'informations sur nos clients.\n"
        "Ne publiez jamais de photos des écrans du bureau.\n\n## Ton\n"
        "N'hésitez pas à partager vos photos des événements.\n",
        [
            "Ne partagez jamais d'informations sur nos clients.",
            "Ne publiez jamais de photos des écrans du bureau.",
        ],
        "Photo de mon écran au bureau aujourd'hui, regardez !",
        "Bon week-end à tous, profitez du soleil !",
    ),
    (
        "# Guidelines\n\n## Confidential\nNever share information about customers.\n"
        "Never post photos of screens in the office.\n\n## Tone\n"
        "Don't hesitate to share photos from events.\n",
        [
            "Never share information about customers.",
            "Never post photos of screens in the office.",
        ],
        "Photo of my screen at the office today, have a look!",
        "Happy weekend everyone, enjoy the sun!",
    ),
    # A polite word before the rule: "Please do not…", "Merci de ne pas…".
    (
        "# Guidelines\n\n## Confidential\nPlease do not share information about customers.\n"
        "Kindly never post photos of screens in the office.\n\n## Tone\n"
        "Please don't hesitate to share photos from events.\n",
        [
            "Please do not share information about customers.",
            "Kindly never post photos of screens in the office.",
        ],
        "Photo of my screen at the office today, have a look!",
        "Happy weekend everyone, enjoy the sun!",
    ),
    (
        "# Charte\n\n## Confidentialité\nMerci de ne pas partager d'informations sur nos clients.\n"
        "Veuillez ne jamais publier de photos des écrans du bureau.\n\n## Ton\n"
        "Merci de partager vos photos des événements.\n",
        [
            "Merci de ne pas partager d'informations sur nos clients.",
            "Veuillez ne jamais publier de photos des écrans du bureau.",
        ],
        "Photo de mon écran au bureau aujourd'hui, regardez !",
        "Bon week-end à tous, profitez du soleil !",
    ),
    # Languages the bot does not read the words of, read as the nearest it knows.
    (
        "# Linee guida\n\n## Riservatezza\nNon condividere informazioni sui clienti.\n"
        "È vietato pubblicare foto degli schermi in ufficio.\n\n## Tono\n"
        "Sentitevi liberi di condividere le foto degli eventi.\n",
        [
            "Non condividere informazioni sui clienti.",
            "È vietato pubblicare foto degli schermi in ufficio.",
        ],
        "Foto del mio schermo in ufficio oggi, guardate!",
        "Buon fine settimana a tutti, godetevi il sole!",
    ),
    (
        "# Diretrizes\n\n## Confidencialidade\nNão compartilhe informações sobre clientes.\n"
        "É proibido publicar fotos das telas do escritório.\n\n## Tom\n"
        "Fique à vontade para compartilhar fotos dos eventos.\n",
        [
            "Não compartilhe informações sobre clientes.",
            "É proibido publicar fotos das telas do escritório.",
        ],
        "Foto da minha tela no escritório hoje, olhem!",
        "Bom fim de semana a todos, aproveitem o sol!",
    ),
    # What the words do, wherever they stand: a word that prohibits at the end, a modal verb and
    # a negation apart ("sollten Sie dabei nicht"); what something is done for forbids nothing.
    (
        "# Richtlinien\n\n## Vertraulich\nFotos von Bildschirmen im Büro sind unzulässig.\n"
        "Informationen über Kunden sollten Sie dabei nicht teilen.\n\n## Ton\n"
        "Fotos von Veranstaltungen sind willkommen.\n",
        [
            "Fotos von Bildschirmen im Büro sind unzulässig.",
            "Informationen über Kunden sollten Sie dabei nicht teilen.",
        ],
        "Foto von meinem Bildschirm im Büro heute, schaut mal!",
        "Schönes Wochenende euch allen, genießt die Sonne!",
    ),
    # The list under a short heading that forbids names what is forbidden.
    (
        "# Guidelines\n\n## Prohibited content\n- Photos of screens in the office\n"
        "- Customer names without permission\n\n## Tone\n"
        "Use a short title to avoid confusion.\n",
        [
            "Prohibited content",
            "Photos of screens in the office",
            "Customer names without permission",
        ],
        "Photo of my screen at the office today, have a look!",
        "Happy weekend everyone, enjoy the sun!",
    ),
    # Japanese forbids at the end of a sentence, and ends it with "。".
    (
        "# ソーシャルメディアポリシー\n\n## 機密情報\n"
        "顧客の個人情報を投稿しないでください。オフィスの画面の写真を投稿することは禁止します。\n\n"
        "## トーン\nイベントの写真は自由に共有してください。\n",
        [
            "顧客の個人情報を投稿しないでください。",
            "オフィスの画面の写真を投稿することは禁止します。",
        ],
        "今日のオフィスの画面の写真です。見てください",
        "週末は海に行きました。天気が最高でした。",
    ),
]


@pytest.mark.parametrize(
    ("guidelines", "expected_rules", "breaking", "fine"),
    FORMS,
    ids=[
        "nl",
        "de",
        "da",
        "sv",
        "nb",
        "fr",
        "en",
        "en-please",
        "fr-merci",
        "it",
        "pt",
        "de-function",
        "en-heading-list",
        "ja",
    ],
)
def test_a_verb_then_never_or_not_is_a_rule(
    env: dict[str, str],
    tmp_path: Path,
    guidelines: str,
    expected_rules: list[str],
    breaking: str,
    fine: str,
) -> None:
    document = tmp_path / "guidelines.md"
    document.write_text(guidelines, encoding="utf-8")
    index = GuidelinesFile(document).index
    assert [r.text for r in rules(index.sections, index.language)] == expected_rules
    answers = _answers([breaking, fine], env | {"SOCIALBOT_GUIDELINES": str(document)})
    found = [[c["section"] for c in a["concerns"] if c["kind"] == "guideline"] for a in answers]
    # The rules are in the first section of each file, the one about what is confidential.
    assert found == [[index.sections[0].title], []]


# A policy that numbers its paragraphs ("2.2  Do not…") and lists its don'ts tersely, several
# of them about answering someone, so that answering alone tells little.
NUMBERED = """# Guidelines

## Who speaks for us

2.1  Only the press office speaks for the company.

2.2  Do not open accounts, pages or groups in the company's name.

## Don't

- answer journalists
- reply to complaints yourself
- respond to reviews
- comment on rumours
- answer questions about customers
"""


def test_a_numbered_paragraph_and_a_terse_rule_met_in_other_words(
    env: dict[str, str], tmp_path: Path
) -> None:
    """The paragraph's number is no part of its rule; a don't all of whose ideas a draft names
    ("a reporter", "told her"; "un periodista", "le conté") is met, in any language."""
    drafts = [
        "Just opened a new Instagram page for our depot, follow us!",
        "A reporter from the local paper called me today. Told her it's only the Oulu depot.",
        "Un periodista me llamó hoy sobre el depósito de Oulu. Le conté todo.",
        "Lovely sunrise over the harbour this morning.",
    ]
    found = _cited(env, tmp_path / "guidelines.md", NUMBERED, drafts)
    assert found == [["Who speaks for us"], ["Don't"], ["Don't"], []]


def test_a_rule_s_hyphenated_word_is_met_by_its_parts(env: dict[str, str], tmp_path: Path) -> None:
    """ "AI-generated" in a rule is met by a draft's "generated … with an AI tool"."""
    document = tmp_path / "guidelines.md"
    document.write_text(
        "# Guidelines\n\n## Don't\n\n- present AI-generated images as real\n"
        "- share pictures of children without their parents' consent\n",
        encoding="utf-8",
    )
    drafts = [
        "Meet our newest customer, Dona Albertina: generated with an AI tool, as real as can be",
        "Real talk: the sunset from my balcony tonight was unreal.",
    ]
    answers = _answers(drafts, env | {"SOCIALBOT_GUIDELINES": str(document)})
    reasons = [[c["reason"] for c in a["concerns"]] for a in answers]
    assert reasons == [["The guidelines say: “present AI-generated images as real”"], []]


# Rules that allow what they forbid once it is approved or agreed to.
CONDITIONAL = """# Guidelines

## Whiteboards
Never post photos of a whiteboard unless Communications has approved it.

## Colleagues
Avoid posting photos of colleagues who have not agreed to it.

## Customers
Never name a customer unless it is on our list at acme.com/cases. Ask us.
"""


def test_a_draft_that_says_a_rule_s_condition_is_met_breaks_no_rule(
    env: dict[str, str], tmp_path: Path
) -> None:
    document = tmp_path / "guidelines.md"
    document.write_text(CONDITIONAL, encoding="utf-8")
    index = GuidelinesFile(document).index
    # A stop inside an address ends no sentence.
    assert [r.text for r in rules(index.sections, index.language)][-1] == (
        "Never name a customer unless it is on our list at acme.com/cases."
    )
    drafts = [
        "Photo of the whiteboard after today's planning, what a view!",
        "Photo of the whiteboard after today's planning, approved by Communications 👍",
        "Photo of the whiteboard after today's planning, not approved yet but who cares",
        "A photo of my colleague Mia asleep at her desk 😄",
        "A photo of my colleague Mia at her desk, with her permission 😄",
        "Mijn collega Mia op de foto (ze vond de foto goed 😄)",
    ]
    found = _cited(env, document, CONDITIONAL, drafts)
    whiteboards, colleagues = ["Whiteboards"], ["Colleagues"]
    assert found == [whiteboards, [], whiteboards, colleagues, [], []]


# Short clauses of one sentence, each a rule of its own: the act and what it is done to.
CLAUSES = """# Guidelines

## Online
Be yourself online: do not open accounts, never write reviews.
"""


def test_a_clause_is_met_by_its_act_not_by_its_noun_alone(
    env: dict[str, str], tmp_path: Path
) -> None:
    drafts = [
        "The timetable is on our official page.",
        "Saw a one-star review of a cafe today, harsh.",
        "Just opened a new account for our team on Instagram!",
        "Writing a five-star review of our app on the App Store 😄",
    ]
    found = _cited(env, tmp_path / "guidelines.md", CLAUSES, drafts)
    assert found == [[], [], ["Online"], ["Online"]]
