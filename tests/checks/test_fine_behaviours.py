"""Everyday French and Dutch posts that no behaviour of the guidelines speaks against (review4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers.checks.rules import rules
from handlers.guidelines.document import GuidelinesFile
from tests.checks.test_cli import _answers

# Said of a match, a film, oneself, the weather; a warning, a vote for a photo (review4 5).
FINE_EVERYDAY = [
    "Le match était nul hier soir, 1-1 contre Lyon.",
    "C'est bête, j'ai raté le train ce matin.",
    "Ce film est nul, je me suis endormi au cinéma haha",
    "Fais gaffe à toi sur la route, il neige !",
    "Pas maar op met de gladheid vandaag, fietsers!",
    "Het was dom van mij om mijn paraplu te vergeten.",
    "Het was een grap, hoor, niemand is boos.",
    "La réunion de parents d'élèves était vraiment chiante ce soir.",
    "Votez pour votre photo préférée de la sortie d'équipe !",
    "Stem op je favoriete foto van het zomerfeest!",
    "Wat een waardeloos weer vandaag, ik blijf binnen met een boek.",
    "Die arme hond zag er zo zielig uit in de regen.",
    "Mijn oude telefoon is nutteloos geworden na de update…",
    "Ik ben echt een sukkel, weer mijn sleutels vergeten.",
    "C'est une honte que la piscine du quartier ferme cet été.",
    "Quoi, il neige en mai ? C'est une blague !",
    "Pique-nique au parc demain, qui vient ?",
]


@pytest.mark.parametrize("drafts", [FINE_EVERYDAY], ids=["fr-nl"])
def test_everyday_french_and_dutch_is_no_insult_threat_or_politics(
    drafts: list[str], env: dict[str, str]
) -> None:
    flagged = [a for a in _answers(drafts, env) if not a["ok"]]
    assert flagged == []


# Guidelines that permit, reassure or remind in a negated form, in seven languages (review4 4).
PERMITTING = {
    "fr": "N'hésitez pas à partager vos photos des événements de l'équipe.\n"
    "Vous n'avez pas besoin de demander l'autorisation pour partager nos articles de blog.\n"
    "Il n'est pas nécessaire d'ajouter un hashtag à chaque publication.\n"
    "Aucun problème pour partager des photos de nos événements.\n"
    "Vous ne devez pas hésiter à republier nos articles.\n"
    "N'oubliez pas d'indiquer que vous travaillez chez Nordlys quand vous parlez de nos produits.\n"
    "Ne vous inquiétez pas si vous faites une petite erreur de frappe.",
    "nl": "Aarzel niet om foto's van evenementen te delen.\n"
    "Je hoeft geen toestemming te vragen om onze blogartikelen te delen.\n"
    "Twijfel je? Schroom niet om het social media team te vragen.\n"
    "Foto's van het zomerfeest delen? Geen probleem, als iedereen akkoord is.\n"
    "Geen zorgen: een typfout in een bericht is niet erg.\n"
    "Vergeet niet te vermelden dat je bij Nordlys werkt als je over onze producten praat.",
    "en": "Don't forget to say that you work at Nordlys when you talk about our products.\n"
    "You don't need to ask before sharing our blog posts.",
    "de": "Zögern Sie nicht, Fotos von Teamevents zu teilen.\n"
    "Sie müssen nicht um Erlaubnis fragen, um unsere Blogartikel zu teilen.",
    "da": "Ingen problem i at dele billeder fra firmafesten.\n"
    "Du behøver ikke spørge om lov for at dele vores blogindlæg.\nTøv ikke med at dele billeder.",
    "sv": "Inga problem att dela bilder från firmafesten.\n"
    "Du behöver inte be om lov för att dela våra blogginlägg.",
}
FORBIDDING = {
    "fr": "Ne partagez jamais d'informations confidentielles sur nos clients.",
    "nl": "Geen vertrouwelijke informatie over klanten delen.",
    "en": "Never share confidential information about customers.",
    "de": "Keine vertraulichen Informationen über Kunden teilen.",
    "da": "Du må ikke dele fortrolige oplysninger om kunder.",
    "sv": "Du får inte dela konfidentiell information om kunder.",
}


def _guidelines(tmp_path: Path, code: str) -> Path:
    document = tmp_path / f"{code}.md"
    document.write_text(
        f"# Guidelines\n\n## Sharing\n{PERMITTING[code]}\n\n## Confidential\n{FORBIDDING[code]}\n",
        encoding="utf-8",
    )
    return document


@pytest.mark.parametrize("code", sorted(PERMITTING))
def test_what_guidelines_permit_in_a_negated_form_is_no_rule(tmp_path: Path, code: str) -> None:
    index = GuidelinesFile(_guidelines(tmp_path, code)).index
    assert index.language == code
    assert [r.text for r in rules(index.sections, index.language)] == [FORBIDDING[code]]


@pytest.mark.parametrize(
    ("code", "drafts"),
    [
        (
            "fr",
            [
                "Je partage les photos de l'événement de l'équipe, quelle soirée !",
                "Je travaille chez Nordlys et je suis fière de nos produits : découvrez la nouvelle"
                " app ! #employee",
            ],
        ),
        (
            "nl",
            [
                "Ik deel graag de foto's van de evenementen van vorige week!",
                "Probleem met mijn fiets eindelijk opgelost!",
                "Zorgen over het weer voor de barbecue, hopelijk blijft het droog",
            ],
        ),
    ],
)
def test_a_draft_doing_what_the_guidelines_permit_is_fine(
    env: dict[str, str], tmp_path: Path, code: str, drafts: list[str]
) -> None:
    document = _guidelines(tmp_path, code)
    answers = _answers(drafts, env | {"SOCIALBOT_GUIDELINES": str(document)})
    assert [a["concerns"] for a in answers] == [[] for _ in drafts]


def test_a_date_to_come_in_private_life_is_no_news_told_early(env: dict[str, str]) -> None:
    """review4 11: "ne sort qu'…", "kan nog niet zeggen", "nog niet officieel verkocht"."""
    drafts = [
        "Le film ne sort qu'en avril, nous avons hâte de le voir.",
        "Ik kan nog niet zeggen of we zaterdag komen, de oppas is ziek.",
        "Ons huis is nog niet officieel verkocht, maar we zijn blij!",
        "Nordlys ouvre un bureau à Lyon, ça ne sera annoncé que lundi !",
        "Onze nieuwe app is nog niet officieel aangekondigd!",
        "Notre bébé arrive en mars ! Je ne peux pas en dire plus, c'est une surprise.",
        "Three new Nordlys products next year. Can't say more 😉 #employee",
    ]
    found = [[c["kind"] for c in a["concerns"]] for a in _answers(drafts, env)]
    assert found == [[], [], [], ["guideline"], ["guideline"], [], ["guideline"]]


SOCIAL_AT_WORK = "2. Social media at work is fine when it builds your professional image"
NEGATIVE_COMMENTS = "4. Never answer negative comments yourself: report them"


def test_a_group_or_a_clean_up_of_ones_own_is_no_company_account_or_deletion(
    env: dict[str, str],
) -> None:
    """review4 17: "in the company's name" and "related" need the company, "we" or an incident."""
    drafts = [
        "J'ai créé un groupe WhatsApp pour les parents de la classe de CP.",
        "Ik heb een nieuw profiel aangemaakt op Strava, volg me!",
        "J'ai supprimé mes vieux commentaires sur Facebook, ça fait du bien.",
        "Ik heb mijn oude berichten verwijderd, frisse start op Instagram.",
        "I created a new WhatsApp group for the parents of the class.",
        "J'ai créé une page Facebook pour Nordlys, abonnez-vous !",
        "Ik heb al mijn oude berichten over de storing verwijderd.",
    ]
    answers = _answers(drafts, env)
    found = [[c["section"] for c in a["concerns"] if c["kind"] == "guideline"] for a in answers]
    assert found == [[], [], [], [], [], [SOCIAL_AT_WORK], [NEGATIVE_COMMENTS]]


def test_a_short_french_draft_is_answered_in_french(env: dict[str, str]) -> None:
    """review4 13: "de", "en", "du", "mon" are Danish words too."""
    drafts = ["Merde, j'ai oublié mon parapluie.", "Putain de train en retard."]
    reasons = [c["reason"] for a in _answers(drafts, env) for c in a["concerns"]]
    assert len(reasons) == 2
    assert all(reason.startswith("Nos règles disent") for reason in reasons)
