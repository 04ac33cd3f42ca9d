"""116 everyday posts in seven languages (private life, thanks, sport, picnics, friends' job ads,
news links), written by a reviewer of the checks, through `socialbot check`: the false alarms an
employee would hit. One night's new phrase lists flagged 50 of them; the four still flagged are
named here, so a new one fails."""

from __future__ import annotations

from pathlib import Path

from tests.checks.test_cli import _answers

POSTS = Path(__file__).with_name("everyday_posts.txt")

# Flagged and known: each is ambiguous without knowing the author's life.
KNOWN = {
    # "Do not reply" met by "reply" and a delivery: a rule said in two words.
    "Sorry for the late reply @jens, the delivery from IKEA came only today",
    # A support-style apology for an order to someone mentioned.
    "@anna so sorry to hear about your order troubles with the airline, hope it gets sorted",
    # Recommending a film whose name is the company's product.
    "Har dere sett den nye Polaris-filmen? Anbefales!",
    # Swearing, read as obscene.
    "Merde, j'ai oublié mon parapluie.",
}


def test_everyday_posts_raise_no_new_false_alarm(env: dict[str, str]) -> None:
    posts = [line for line in POSTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    env = {**env, "SOCIALBOT_COMPANY_NAMES": "Nordlys, Polaris", "SOCIALBOT_CONFIDENTIAL_TERMS": ""}
    env["SOCIALBOT_INTERNAL_DOMAINS"] = "intra.nordlys.dk"
    flagged = {answer["draft"] for answer in _answers(posts, env) if not answer["ok"]}
    assert flagged - KNOWN == set()
    assert len(posts) == 116
