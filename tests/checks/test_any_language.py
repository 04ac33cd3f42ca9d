"""Signs of a concern that hold in any language: the hashtags a company asks its employees to add,
a critic addressed where they complained, a customer named with an apology, stars or a job ad
beside the company's name; through `socialbot check --json`."""

from __future__ import annotations

from pathlib import Path

from tests.checks.test_cli import _kinds

# Guidelines whose disclosure section asks for a hashtag of its own.
GUIDELINES = """# Acme social media guidelines

## 1. Say that you work here
When you post about Acme's products or jobs, say that you work here: "I work at Acme", or add
#AcmeCrew to the post.

## 2. Confidential information
Never share figures that are not public.
"""


def test_the_hashtags_of_the_company_s_staff_say_who_speaks(
    env: dict[str, str], tmp_path: Path
) -> None:
    guidelines = tmp_path / "guidelines.md"
    guidelines.write_text(GUIDELINES, "utf-8")
    more = {"SOCIALBOT_GUIDELINES": str(guidelines), "SOCIALBOT_COMPANY_NAMES": "Acme, Acme Go"}
    env = env | more
    drafts = [
        "Try the new Acme Go app, it is the best way to plan your week! #AcmeCrew",
        "Try the new Acme Go app, it is the best way to plan your week! #LifeAtAcme",
        "Try the new Acme Go app, it is the best way to plan your week! #acme_team",
        # A product's name or a fan's hashtag says nothing about who writes.
        "Try the new Acme Go app, it is the best way to plan your week! #AcmeGo",
        "Try the new Acme Go app, it is the best way to plan your week! #AcmeRocks",
    ]
    assert _kinds(drafts, env) == [[], [], [], ["disclosure"], ["disclosure"]]


# Replies and promotion in languages beyond the first seven, in the shapes any language has: a
# critic addressed where they complained, a customer by name with an apology and a private
# message, a job ad or stars beside the company's name.
PROBLEMS = [
    ("Ao senhor que reclama no Google dos nossos preços: compare primeiro.", "reply_to_criticism"),
    (
        "Alla signora che si lamenta su Facebook delle consegne: non è colpa nostra.",
        "reply_to_criticism",
    ),
    ("Do pana, który narzeka na Twitterze na naszą aplikację: to nieprawda.", "reply_to_criticism"),
    ("Těm, kteří si stěžují na Facebooku na naše ceny: není to pravda.", "reply_to_criticism"),
    (
        "Sille, joka syyttää Facebookissa kuljettajiamme: jokaisesta toimituksesta otetaan kuva.",
        "reply_to_criticism",
    ),
    (
        "Siento mucho lo de tu pedido, Lucía 😔 Trabajo en el almacén; escríbeme por privado.",
        "reply_to_criticism",
    ),
    (
        "Mi dispiace per il ritardo, Marco 😞 Lavoro in magazzino, scrivimi in privato.",
        "reply_to_criticism",
    ),
    ("Nordlys busca 10 desarrolladores en Madrid. ¡Apúntate!", "disclosure"),
    ("Polecam Nordlys Cloud każdemu, kto planuje tydzień 👍", "disclosure"),
    ("⭐⭐⭐⭐⭐ Nordlys nunca falha, serviço impecável!", "disclosure"),
    ("Nordlys hledá nové kolegy do týmu v Praze, přihlaste se!", "disclosure"),
]
# The same shapes in everyday posts: thanks, condolences, a company that seeks to grow.
FINE = [
    "Para todos los que se quejan del calor: ¡nos vemos en la playa! 🏖️",
    "A todos los que me felicitaron en LinkedIn por mi nuevo trabajo: ¡gracias!",
    "Do wszystkich, którzy pytali na Facebooku o zdjęcia z wesela: wrzucę je jutro!",
    "Bardzo mi przykro, Kasiu 😔 napisz do mnie prywatnie, jeśli chcesz pogadać.",
    "Il consiglio di amministrazione di Nordlys si riunisce domani, dice il giornale.",
    "Nordlys busca crecer en Europa, según El País: https://elpais.com/economia/nordlys",
    "Trabajo en Nordlys desde hace 5 años, ¡recomiendo el nuevo Nordlys Cloud!",
    "Zkuste tu novou kavárnu na náměstí, mají výbornou kávu ☕",
]


def test_replies_and_promotion_in_more_languages(env: dict[str, str]) -> None:
    found = _kinds([d for d, _ in PROBLEMS] + FINE, env)
    assert found == [[kind] for _, kind in PROBLEMS] + [[]] * len(FINE)


def test_figures_of_a_report_are_published_and_a_lower_case_code_name_is_the_word(
    env: dict[str, str],
) -> None:
    drafts = [
        "Vores delårsrapport er ude: omsætningen steg 12 % i tredje kvartal.",
        "Unser Halbjahresbericht: Umsatz plus 9 % im ersten Halbjahr.",
        "Omsætningen steg 12 % i tredje kvartal 🤫",
        # Polaris is a code name; the star is not, in a draft that writes names with capitals.
        "Näin eilen illalla polaris-tähden taivaalla, upea näky ✨",
        "polaris ships next week, can't wait",
    ]
    assert _kinds(drafts, env) == [[], [], ["confidential"], [], ["confidential"]]
