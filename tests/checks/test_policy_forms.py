"""A company's own rules in the shapes real policies write them ("will not be tolerated", "are
not to be posted", "only if authorized", "must be approved", a list item "Not contain…", Italian,
Portuguese and Polish forms, what "will be removed"), matched by what a draft does (a photo
posted without asking, someone's phone number or address, insults in any language) rather than
by the company's name a rule spells out; through `socialbot check --json`."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers.checks.rules import rules
from handlers.guidelines.document import GuidelinesFile
from tests.checks.test_cli import _answers

# A rowing club's policy, in shapes the rule forms of tests/checks/test_rule_forms.py miss.
CLUB = """# Acme Rowing Club social media policy

## Photos
Photos of junior members are not to be posted without parent permission.
Use the Acme crest only if authorized by the board.

## Respect
Bad language or threats will not be tolerated.
Coaches should avoid posting personal addresses or phone numbers.
We also do not permit adverts for private lessons.

## Club page
Posts on the club page must:
- Not contain any personal information
- be about rowing

## Print
Every poster with the crest must be approved by the secretary.

## Moderation
We reserve the right to remove comments that promote betting.
Results may not be typical of every crew.
"""
CLUB_RULES = [
    "Photos of junior members are not to be posted without parent permission.",
    "Use the Acme crest only if authorized by the board.",
    "Bad language or threats will not be tolerated.",
    "Coaches should avoid posting personal addresses or phone numbers.",
    "We also do not permit adverts for private lessons.",
    "Not contain any personal information",
    "Every poster with the crest must be approved by the secretary.",
    "We reserve the right to remove comments that promote betting.",
]
OTHER_LANGUAGES = [
    # Italian, Portuguese and Polish are read as the nearest language the bot knows.
    (
        "# Regole\n\n## Commenti\nNon saranno tollerate bestemmie o minacce.\n"
        "Vanno evitate le foto sfocate.\nNon è possibile usare la pagina per vendere.\n",
        [
            "Non saranno tollerate bestemmie o minacce.",
            "Vanno evitate le foto sfocate.",
            "Non è possibile usare la pagina per vendere.",
        ],
    ),
    (
        "# Regras\n\n## Comentários\nNão é permitido publicar fotos de alunos.\n"
        "Os comentários ofensivos serão removidos.\nO logotipo deve ser aprovado pela direção.\n",
        [
            "Não é permitido publicar fotos de alunos.",
            "Os comentários ofensivos serão removidos.",
            "O logotipo deve ser aprovado pela direção.",
        ],
    ),
    (
        "# Zasady\n\n## Komentarze\nZabrania się publikowania danych osobowych.\n"
        "Obraźliwe komentarze zostaną usunięte.\n",
        [
            "Zabrania się publikowania danych osobowych.",
            "Obraźliwe komentarze zostaną usunięte.",
        ],
    ),
]


# Shapes that forbid or limit in any language: "neither … nor", "sparingly", a noun naming a ban.
SHAPES = [
    (
        "# Team rules\n\n## Style\nUse capital letters sparingly.\n"
        "We neither confirm nor deny rumours about partners.\n"
        "There is a ban on posting betting odds.\n\n## Tone\nOur posts sound friendly.\n",
        [
            "Use capital letters sparingly.",
            "We neither confirm nor deny rumours about partners.",
            "There is a ban on posting betting odds.",
        ],
    ),
    (
        "# Regeln\n\n## Ton\nKollegen im Netz weder bloßstellen noch lächerlich machen.\n"
        "Für Nebentätigkeiten gilt ein Werbeverbot.\n\n## Bilder\n"
        "Bilder machen Beiträge lebendig.\n",
        [
            "Kollegen im Netz weder bloßstellen noch lächerlich machen.",
            "Für Nebentätigkeiten gilt ein Werbeverbot.",
        ],
    ),
]


def _rule_texts(document: Path) -> list[str]:
    index = GuidelinesFile(document).index
    return [r.text for r in rules(index.sections, index.language)]


def test_rules_written_as_policies_write_them_are_read(tmp_path: Path) -> None:
    document = tmp_path / "club.md"
    document.write_text(CLUB, encoding="utf-8")
    found = _rule_texts(document)
    assert [text for text in CLUB_RULES if text not in found] == []
    assert "Results may not be typical of every crew." not in found  # a possibility


@pytest.mark.parametrize(
    ("text", "expected"),
    OTHER_LANGUAGES + SHAPES,
    ids=["it", "pt", "pl", "neither-sparingly-ban-en", "neither-ban-de"],
)
def test_rules_in_languages_read_as_another_and_in_any_language_s_shapes_are_read(
    tmp_path: Path, text: str, expected: list[str]
) -> None:
    document = tmp_path / "rules.md"
    document.write_text(text, encoding="utf-8")
    assert _rule_texts(document) == expected


BREAKING = [
    ("Photos", "Video of the whole junior crew capsizing 😂 didn't have time to ask the parents!"),
    ("Respect", "New coach here: text me on 0612 345 678 or drop by 14 Harbour Road for kit."),
    ("Photos", "Printed hoodies with the Acme crest for the regatta, we didn't ask anyone lol"),
]
FINE = [
    "Proud of the Acme Rowing Club crew today, what a race!",
    "Boathouse opens at 7 on Saturday: see you at 12 Harbour Road!",
    "Personal best for our junior eight this morning 🚣",
]


def test_drafts_are_matched_by_what_they_do_not_by_the_club_s_name(
    env: dict[str, str], tmp_path: Path
) -> None:
    document = tmp_path / "club.md"
    document.write_text(CLUB, encoding="utf-8")
    _assert_cited(BREAKING, FINE, env, document, "Acme Rowing Club, Acme")


def _assert_cited(
    breaking: list[tuple[str, str]],
    fine: list[str],
    env: dict[str, str],
    document: Path,
    company: str,
) -> None:
    """Each breaking draft cites its section under `document`; the fine ones raise nothing."""
    env = env | {"SOCIALBOT_GUIDELINES": str(document), "SOCIALBOT_COMPANY_NAMES": company}
    answers = _answers([draft for _, draft in breaking] + fine, env)
    cited = [{c["section"] for c in a["concerns"] if c["kind"] == "guideline"} for a in answers]
    for (section, draft), found in zip(breaking, cited, strict=False):
        assert section in found, draft
    assert [a["draft"] for a in answers[len(breaking) :] if a["concerns"]] == []


# Rules inside prose, an obligation, and what drafts do that they forbid.
COUNCIL = """# Village council page

## Conduct
Anything you would not say at a council meeting is inappropriate here. This includes, but is
not limited to, insults and name-calling.
Always ask people before posting photos of them.

## Commercial use
Refrain from using the council page to advertise or sell products.
"""
COUNCIL_DRAFTS = [
    ("Conduct", "Our treasurer is a lazy old fool, everybody knows it."),
    ("Conduct", "Snapped the whole choir mid-yawn 😂 didn't ask anyone, too good not to share"),
    ("Commercial use", "Selling my old rowing machine, £80, DM me!"),
    ("Commercial use", "Cottage free for holiday lets, €95 a night, message me for bookings"),
]
COUNCIL_FINE = [
    "Photos from the summer fair: everyone in them said yes, thank you all!",
    "The council meets on Tuesday at 7 in the village hall.",
    "Tickets for the fair are £5 at the door.",
]


def test_prose_rules_an_obligation_and_selling_are_matched(
    env: dict[str, str], tmp_path: Path
) -> None:
    document = tmp_path / "council.md"
    document.write_text(COUNCIL, encoding="utf-8")
    found = _rule_texts(document)
    assert "This includes, but is not limited to, insults and name-calling." in found
    assert "Always ask people before posting photos of them." in found
    _assert_cited(COUNCIL_DRAFTS, COUNCIL_FINE, env, document, "Village")


def test_insults_only_and_obligations_in_languages_read_as_another(
    env: dict[str, str], tmp_path: Path
) -> None:
    document = tmp_path / "regole.md"
    document.write_text(
        "# Regole\n\n## Commenti\nNon saranno tollerati insulti, volgarità e minacce.\n\n"
        "## Foto\nLe foto dei bambini si pubblicano solo con il consenso dei genitori.\n\n"
        "## Profilo\nSolo lo staff della comunicazione può pubblicare sul profilo ufficiale.\n\n"
        "## Volontari\nÈ obbligatorio chiedere il permesso prima di pubblicare foto di "
        "volontari.\n",
        encoding="utf-8",
    )
    found = _rule_texts(document)
    assert "Non saranno tollerati insulti, volgarità e minacce." in found
    assert "Solo lo staff della comunicazione può pubblicare sul profilo ufficiale." in found
    assert len([text for text in found if text.startswith(("Le foto", "È obbligatorio"))]) == 2
    _assert_cited(
        [
            ("Commenti", "Siete degli idioti incompetenti, vergognatevi!"),
            ("Foto", "Ecco le foto dei bambini alla festa, non ho chiesto ai genitori 😅"),
        ],
        ["Che bella festa ieri sera, grazie a tutti i volontari!"],
        env,
        document,
        "Croce Verde",
    )


# A rule in words no list links to what a draft does ("belittling remarks"): the draft's
# name-calling finds it by meaning, not the section of another rule.
GUILD = """# Chess club guidelines

## Respect
Belittling remarks about other players are not welcome on our pages.

## Logo
Do not alter the club logo.
"""


def test_a_behaviour_no_rule_names_finds_the_rule_closest_by_meaning(
    env: dict[str, str], tmp_path: Path
) -> None:
    document = tmp_path / "guild.md"
    document.write_text(GUILD, encoding="utf-8")
    breaking = [("Respect", "The arbiters at yesterday's open were a bunch of clowns.")]
    fine = [
        "Great games at the open yesterday, congratulations to all players!",
        # Selling, which no rule here speaks of, is not "Do not alter the club logo".
        "Our new club shirts are available in the shop, order now for 25 euro.",
    ]
    _assert_cited(breaking, fine, env, document, "Riverside Chess Club")


# Someone's phone number is confidential; where the guidelines keep personal data apart from
# secrets, the concern cites that section, found by meaning.
BAKERY = """# Bakery team guidelines

## Confidential information
Never share our recipes or supplier prices.

## Privacy
Other people's contact details stay private: do not post them.
"""


def test_someone_s_number_cites_the_section_on_personal_data(
    env: dict[str, str], tmp_path: Path
) -> None:
    document = tmp_path / "bakery.md"
    document.write_text(BAKERY, encoding="utf-8")
    env = env | {"SOCIALBOT_GUIDELINES": str(document)}
    [answer] = _answers(["Need a wedding cake? Ring our baker Jonas on 0612 345 678."], env)
    assert [(c["kind"], c["section"]) for c in answer["concerns"]] == [("confidential", "Privacy")]
