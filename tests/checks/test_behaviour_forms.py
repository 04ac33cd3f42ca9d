"""What a draft does against the bundled guidelines, said in forms the word lists missed (a
compound insult, scorn for someone's brains, finding out where someone lives, leaving people out
by age, "I shouldn't say this, but", a colleague caught snoring, an account named by its handle,
a whole piece copied below); the everyday posts in the same forms are fine. Through `socialbot
check --json`."""

from __future__ import annotations

from tests.checks.test_cli import _kinds

BREAKING = [
    "Die Leute von Acme sind echte Vollidioten, ehrlich.",
    "Wie dat nog gebruikt heeft gewoon geen hersens.",
    "If that guy from accounting parks in my spot again I'll find out where he lives.",
    "Hiring advice: skip the applicants over 55, they won't last.",
    "I really shouldn't say this, but we're opening an office in Madrid in May.",
    "Caught Ole snoring at his desk 😂",
    "Launched a @NordlysDeals account today for Nordlys offers, follow it!",
    "Here's the whole Guardian piece copied below since it's paywalled:",
    # A superlative or a company of clowns, people left out by their accent, a photo posted
    # before its subject wakes up, the press quoted or answered, a pipeline on the screen.
    "Acme's new router is the stupidest gadget of the decade 😂",
    "Ærligt, Acme er et klovnefirma.",
    "No more trainees with a strong regional accent in my team, please.",
    "Posting this pic of Ole before he wakes up on the sofa 📸",
    "@citynews_dk you can quote me: Nordlys will open in Aarhus next year.",
    "Friday drinks, and yes that's our pipeline on the screen behind us 😎",
    # An account named by its handle, or opened in Spanish.
    "Launched @NordlysMadrid today, the new account of the Nordlys office in Madrid!",
    "He abierto una cuenta de Instagram, @nordlys_madrid, para los clientes de Nordlys.",
]
FINE = [
    "Our new puppy has no brains but a huge heart 🐶",
    "We'll find out where the treasure is hidden at the escape room!",
    "Between us and the summit: 300 metres of ice.",
    "No adults over 18 in the ball pit, sorry!",
    "Trying to find out where my cat lives during the day 🐈",
    "The whole story is longer than this, read the book.",
    "Klovnen til børnefødselsdagen var fantastisk!",
    "Learning Danish: my accent is still terrible, but I'm getting there!",
    "Before he wakes up, I'll bake his birthday cake 🎂",
    "Great to read @citynews_dk today on the new bike lanes.",
    "Abrí una cuenta en el banco hoy, por fin.",
]


def test_behaviours_in_other_forms_meet_a_rule_and_everyday_posts_do_not(
    env: dict[str, str],
) -> None:
    assert _kinds(BREAKING + FINE, env) == [["guideline"]] * len(BREAKING) + [[]] * len(FINE)
