"""Everyday French and Dutch posts that no behaviour of the guidelines speaks against (review4)."""

from __future__ import annotations

import pytest

from tests.checks.test_cli import _answers, env

__all__ = ["env"]

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
