"""`socialbot check` and `socialbot checks stats|feedback` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.check_cli import check, checks
from handlers.checks import stats as check_stats
from handlers.checks.behaviours import behaviours
from handlers.checks.rules import rules
from handlers.guidelines.document import GuidelinesFile


def _answers(drafts: list[str], env: dict[str, str]) -> list[dict[str, Any]]:
    """`socialbot check --json` on one draft a line: its answers, one for each draft."""
    result = CliRunner().invoke(check, ["--json"], input="".join(f"{d}\n" for d in drafts), env=env)
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == len(drafts)
    return answers


def _kinds(drafts: list[str], env: dict[str, str]) -> list[list[str]]:
    """The kinds of concern `socialbot check --json` raises on each draft, in order."""
    return [[c["kind"] for c in answer["concerns"]] for answer in _answers(drafts, env)]


def _with_guidelines(env: dict[str, str], folder: Path, text: str) -> dict[str, str]:
    """`env` with SOCIALBOT_GUIDELINES set to a file of `text` in `folder`."""
    document = folder / "guidelines.md"
    document.write_text(text, encoding="utf-8")
    return env | {"SOCIALBOT_GUIDELINES": str(document)}


def test_one_draft_as_an_argument(env: dict[str, str]) -> None:
    draft = "Sneak peek of Polaris: https://wiki.corp.nordlys.dk/polaris"
    result = CliRunner().invoke(check, [draft], env=env)
    assert result.exit_code == 0, result.output
    assert "confidential: “Polaris” is confidential until 2099-01-31." in result.output
    assert "fix: Cut the internal link" in result.output
    assert "[3. Never publish confidential information]" in result.output


def test_json_lines_one_per_stdin_line_with_line_breaks(env: dict[str, str]) -> None:
    lines = "Bluefin is out!\\nSo proud. #employee at Nordlys\n\n@troll that is simply not true\n"
    result = CliRunner().invoke(check, ["--json"], input=lines, env=env)
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == {
        "draft": "Bluefin is out!\nSo proud. #employee at Nordlys",
        "ok": True,
        "concerns": [],
    }
    assert second["ok"] is False
    (concern,) = second["concerns"]
    assert set(concern) == {"kind", "section", "reason", "span", "fix"}
    assert concern["kind"] == "reply_to_criticism"
    assert concern["span"] == "@troll that is simply not true"


def test_without_settings_it_says_what_to_set(env: dict[str, str]) -> None:
    bare = {"SOCIALBOT_DB": env["SOCIALBOT_DB"]}
    result = CliRunner().invoke(check, ["Try Nordlys Cloud, best tool ever!"], env=bare)
    assert result.exit_code == 0
    assert "OK: Nothing in the guidelines speaks against this post." in result.stdout
    assert "SOCIALBOT_COMPANY_NAMES" in result.stderr
    assert "SOCIALBOT_INTERNAL_DOMAINS" in result.stderr


def test_stats_count_kinds_without_drafts_and_feedback_lists_the_downvoted(
    env: dict[str, str],
) -> None:
    runner = CliRunner()
    drafts = "Polaris demo today\nTry Nordlys Cloud, best tool!\nA nice day at the beach\n"
    runner.invoke(check, ["--json"], input=drafts, env=env)
    result = runner.invoke(checks, ["stats", "--json"], env=env)
    assert result.exit_code == 0, result.output
    counted = json.loads(result.stdout)
    assert counted["checked"] == 3
    assert counted["kinds"] == {
        "confidential": 1,
        "disclosure": 1,
        "reply_to_criticism": 0,
        "guideline": 0,
    }
    db = Database(env["SOCIALBOT_DB"])
    assert "Polaris" not in json.dumps(list(db["check_counts"].rows))
    assert list(db["check_downvotes"].rows) == []
    check_stats.record_downvote(db, "Polaris demo today", ("confidential",))
    listed = runner.invoke(checks, ["feedback"], env=env)
    assert "(confidential)\n    Polaris demo today" in listed.stdout
    assert runner.invoke(checks, ["stats", "--since", "soon"], env=env).exit_code == 2


def test_a_danish_or_german_draft_is_answered_in_its_language(env: dict[str, str]) -> None:
    lines = (
        "Smugkig på Polaris i dag, og vi glæder os til at vise jer det hele!\n"
        "Heute ein kleiner Blick auf Polaris, und wir freuen uns sehr auf eure Meinung!\n"
    )
    result = CliRunner().invoke(check, ["--json"], input=lines, env=env)
    assert result.exit_code == 0, result.output
    danish, german = (json.loads(line)["concerns"][0] for line in result.stdout.splitlines())
    assert danish["reason"] == "“Polaris” er fortroligt indtil 2099-01-31."
    assert danish["fix"] == "Udelad “Polaris”, eller vent til efter 2099-01-31."
    assert german["reason"] == "„Polaris“ ist bis 2099-01-31 vertraulich."
    assert german["fix"] == "Lass „Polaris“ weg, oder warte bis nach dem 2099-01-31."


def test_a_norwegian_draft_in_words_danish_shares_too_is_answered_in_norwegian(
    env: dict[str, str],
) -> None:
    # Every stop word here is Danish as well: "kj" and "takk"-like spellings and "dere" decide;
    # in the job ad (review14a A1: told to add the Danish #ansat), "ansetter" and "søk".
    drafts = [
        "Kjempefin dag: Polaris er snart klar, og snart helg. God helg til dere alle!",
        "Vi ansetter! Søk hos Nordlys: https://nordlys.no/jobb",
    ]
    secret, job_ad = (answer["concerns"][0] for answer in _answers(drafts, env))
    assert secret["reason"] == "«Polaris» er konfidensielt til 2099-01-31."
    assert job_ad["fix"] == "Legg til «Jeg jobber i Nordlys» eller emneknaggen #ansatt."


def test_ones_own_address_is_no_concern_and_somebody_elses_is(env: dict[str, str]) -> None:
    lines = (
        "Questions about the meetup? Drop a line to jonas.berg@nordlys.dk and I'll get back.\n"
        "Spørgsmål til workshoppen? Skriv til lene.dahl@nordlys.dk, så svarer jeg hurtigt.\n"
        "My colleague Mette is leaving us. Reach her at mette.kjaer@nordlys.dk\n"
        "I loved working with Jonas on this. Write to jonas.berg@nordlys.dk for the slides.\n"
    )
    answers = _answers(lines.splitlines(), env)
    assert [answer["ok"] for answer in answers] == [True, True, False, False]
    assert [c["span"] for a in answers for c in a["concerns"]] == [
        "mette.kjaer@nordlys.dk",
        "jonas.berg@nordlys.dk",
    ]


def test_the_word_confidential_alone_is_no_concern(env: dict[str, str]) -> None:
    lines = (
        "Great talk on confidential computing at the conference today.\n"
        "Spannender Vortrag über vertrauliches Rechnen auf der Konferenz heute.\n"
        "We won a huge contract with a bank, but it is still confidential, so shh.\n"
    )
    answers = _answers(lines.splitlines(), env)
    assert [answer["ok"] for answer in answers[:2]] == [True, True]
    (concern,) = answers[2]["concerns"]
    assert concern["section"] == "3. Never publish confidential information"


def test_a_hashtag_term_is_confidential_with_or_without_its_hash(env: dict[str, str]) -> None:
    # checks16 1: "#PolarisLaunch until …" was dropped as a comment, and nothing was flagged.
    hashtag = {**env, "SOCIALBOT_CONFIDENTIAL_TERMS": "#PolarisLaunch until 2099-03-01"}
    lines = "Countdown to #PolarisLaunch is on!\nPolarisLaunch next week.\nPolaris is a star.\n"
    answers = _answers(lines.splitlines(), hashtag)
    assert [[c["span"] for c in answer["concerns"]] for answer in answers] == [
        ["PolarisLaunch"],
        ["PolarisLaunch"],
        [],
    ]
    assert answers[0]["concerns"][0]["reason"] == (
        "“#PolarisLaunch” is confidential until 2099-03-01."
    )


# What people do that the bundled guidelines forbid, said in everyday words in five languages:
# (draft, the section the concern cites, the sentence of the guidelines it quotes, its span).
BEHAVIOURS = [
    (
        "Their support team are a bunch of clowns.",
        "5. Use common sense",
        "discriminatory, harassing, obscene or threatening",
        "Their support team are a bunch of clowns.",
    ),
    (
        "Monday. Printer jammed again. Fuck this place.",
        "5. Use common sense",
        "discriminatory, harassing, obscene or threatening",
        "Fuck this place.",
    ),
    (
        "Go Nordlys! And whatever you do on Sunday, vote against the Greens.",
        "5. Use common sense",
        "Keep political and religious debates apart",
        "And whatever you do on Sunday, vote against the Greens.",
    ),
    (
        "Jag jobbar på Nordlys. Sverigedemokraterna vill förstöra landet, byt regering nu!",
        "5. Use common sense",
        "Keep political and religious debates apart",
        "Sverigedemokraterna vill förstöra landet, byt regering nu!",
    ),
    (
        "Vi beklager nedbruddet hos Nordlys i går. Alle kunder får en måned gratis. #ansat",
        "2. Social media at work is fine when it builds your professional image",
        "Only the social media team speaks for the company",
        "Vi beklager nedbruddet hos Nordlys i går.",
    ),
    (
        "Helt ärligt, som nöjd kund: Nordlys Cloud är bäst. #ad",
        "1. Share our stories, news and events",
        "Never pretend to be a neutral customer.",
        "Helt ärligt, som nöjd kund: Nordlys Cloud är bäst.",
    ),
    (
        "Ikke offentlig ennå, men vi åpner kontor i Bergen i mars! #ansatt",
        "1. Share our stories, news and events",
        "Only share news after it is public.",
        "Ikke offentlig ennå, men vi åpner kontor i Bergen i mars!",
    ),
    (
        "Just set up a Nordlys fan page on Instagram, follow along! #employee",
        "2. Social media at work is fine when it builds your professional image",
        "Do not create accounts or pages in the company's name.",
        "Just set up a Nordlys fan page on Instagram, follow along!",
    ),
    (
        "Ich habe alle meine alten Beiträge über den Ausfall gelöscht.",
        "4. Never answer negative comments yourself: report them",
        "Do not delete your own related posts",
        "Ich habe alle meine alten Beiträge über den Ausfall gelöscht.",
    ),
    (
        "Selfie from the offsite with the whole team, didn't ask them first 😅",
        "2. Social media at work is fine when it builds your professional image",
        "when everyone in them agrees to be shown",
        "Selfie from the offsite with the whole team, didn't ask them first 😅",
    ),
    (
        "Friday bar highlights: a video of Karl from sales, completely hammered 🍺",
        "2. Social media at work is fine when it builds your professional image",
        "when everyone in them agrees to be shown",
        "Friday bar highlights: a video of Karl from sales, completely hammered 🍺",
    ),
]
# Close to those, and fine.
FINE = [
    "We picked up 40 kg of trash on the beach this morning. Who's in next time?",
    "Voting for the team awards closes Friday: who gets your vote?",
    "God weekend til alle, vi ses mandag!",
    "Our release party is tonight, and everyone in the photos said yes to being in them.",
    "Just published: the full text of our annual report, right here on our site. #employee",
    "Lazy Sunday with the kids. No such thing as a stupid question, says my 5-year-old.",
    "On behalf of the meetup's organisers: thank you to all our speakers!",
    "Take care, everyone! Pas på jer selv i julen 🎄",
    "Don't be a fool like me: back up your laptop before the Nordlys hackathon!",
    "Frågor om sommarpraktiken? Mejla praktik@nordlys.dk så svarar vi inom en vecka.",
]


def test_what_people_do_against_the_guidelines_is_found_in_everyday_words(
    env: dict[str, str],
) -> None:
    lines = "".join(f"{draft}\n" for draft, *_ in BEHAVIOURS) + "".join(f"{d}\n" for d in FINE)
    answers = _answers(lines.splitlines(), env)
    assert len(answers) == len(BEHAVIOURS) + len(FINE)
    for (draft, section, rule, span), answer in zip(
        BEHAVIOURS, answers[: len(BEHAVIOURS)], strict=True
    ):
        guideline = [c for c in answer["concerns"] if c["kind"] == "guideline"]
        assert [(c["section"], c["span"]) for c in guideline] == [(section, span)], draft
        assert rule in guideline[0]["reason"], draft
    assert [a["draft"] for a in answers[len(BEHAVIOURS) :] if not a["ok"]] == []


def test_replies_and_promotion_said_in_other_words(env: dict[str, str]) -> None:
    lines = (
        "@sofie_k With all due respect, you're mistaken: our prices never went up.\n"
        "@jens_h So sorry to hear about your invoice! DM me and I'll sort it out.\n"
        "Nordlys Cloud just got even better. You need this!\n"
        "Nordlys Cloud just got even better, and my team built it.\n"
        "Sofie from the meetup asked a great question about pricing models. Thanks!\n"
    )
    answers = _answers(lines.splitlines(), env)
    assert [[c["kind"] for c in a["concerns"]] for a in answers] == [
        ["reply_to_criticism"],
        ["reply_to_criticism"],
        ["disclosure"],
        [],
        [],
    ]


ALLOWING = """# Acme social media guidelines

## What you can share
Posts are welcome when they are about:
- product launches
- team events and conferences
- job openings

## Tone
Only a few people read long posts, so keep it short and friendly.
Results may not be typical for every customer, so link to the case study.

## Confidential
Never share customer names or figures that are not public.
"""


def test_what_the_guidelines_allow_is_no_rule(env: dict[str, str], tmp_path: Path) -> None:
    drafts = [
        "Great team event at the conference with the Acme crew!",
        "Acme is hiring: job openings in Oslo, I work here",
        "Acme product launches today, proud of the team (I work at Acme)",
        "Few people read long posts, so here is a short one from our team.",
        "Results are not typical for every customer, the case study says.",
        "We shared customer names and figures that are not public yet.",
    ]
    more = {"SOCIALBOT_COMPANY_NAMES": "Acme"}
    answers = _answers(drafts, _with_guidelines(env, tmp_path, ALLOWING) | more)
    rules = [[c["section"] for c in a["concerns"] if c["kind"] == "guideline"] for a in answers]
    assert rules == [[], [], [], [], [], ["Confidential"]]


def test_one_long_token_is_answered(env: dict[str, str]) -> None:
    shapes = ["a" * 6000, "a-" * 3000, "a." * 3000, "æ" * 6000]
    assert [answer["ok"] for answer in _answers(shapes, env)] == [True] * 4


@pytest.mark.parametrize(
    ("draft", "behaviour"),
    [
        ("I copied the article about Nordlys here", "copy"),
        ("I pasted the article below", "copy"),
        ("Created Nordlys page for fans", "account"),
    ],
)
def test_an_optional_word_in_a_phrase_may_be_left_out(draft: str, behaviour: str) -> None:
    assert behaviour in behaviours(draft, company_mentioned=True)


def test_that_or_great_before_a_selling_word_is_no_at(env: dict[str, str]) -> None:
    drafts = [
        "Nordlys just shipped that new dashboard",
        "He had surgery last week, we miss him at Nordlys",
    ]
    answers = _answers(drafts, env)
    assert [[c["kind"] for c in a["concerns"]] for a in answers] == [["disclosure"], ["guideline"]]


# Everyday posts that only share a word with a behaviour (review 3): a vote in a contest, "the
# lazy Sunday", "full of energy", a song mentioned, "fiction" and "wrong" said of things, a
# Danish sign ("skilt"), "sick" as praise, a recording about Slack (not of it).
EVERYDAY = [
    "Vote for the Nordlys team in the DevOps awards!",
    "Enjoying the lazy Sunday after the Nordlys launch week",
    "Watch the video of Tom at the Nordlys party, he was so full of energy",
    "Great song by Queen playing at the Nordlys party tonight",
    "Thanks for your comment! The sequel is fiction, a great read",
    "Thanks for your post, Anna. Our old office is wrong for us now, so we moved",
    "Se det nye skilt, som Anders fra marketing har designet til Nordlys!",
    "Check out his sick demo from the Nordlys hackathon!",
    "We're recording a podcast episode about our Slack integration at Nordlys",
]


def test_everyday_words_are_no_behaviour(env: dict[str, str]) -> None:
    kinds = {"guideline", "reply_to_criticism"}
    answers = _answers(EVERYDAY, env)
    assert [a["draft"] for a in answers if {c["kind"] for c in a["concerns"]} & kinds] == []


def test_a_company_employee_says_so(env: dict[str, str]) -> None:
    drafts = [
        "As a Nordlys employee I think our new app is great, try it",
        "I'm a Nordlys employee: our new app is out, try it",
        "I work for Nordlys: our new app is out, try it",
        "Great day here at Nordlys: our new app is out, try it!",
        "Nordlys: our new app is out, try it",
        "Here at Web Summit: check out Nordlys, the best app for teams",
    ]
    answers = _answers(drafts, env)
    kinds = [[c["kind"] for c in a["concerns"]] for a in answers]
    assert kinds == [[], [], [], [], ["disclosure"], ["disclosure"]]


def test_praise_alone_is_no_promotion(env: dict[str, str]) -> None:
    drafts = [
        "The Nordlys summer party was perfect, we were better dancers than last year",
        "Nordlys: no discount codes on LinkedIn, we do not do that",
        "Use my Nordlys discount code SAVE20 today",
    ]
    answers = _answers(drafts, env)
    assert [[c["kind"] for c in a["concerns"]] for a in answers] == [[], [], ["disclosure"]]


# Dutch and French, as people write them: (draft, the kinds of concern it gets).
DUTCH_AND_FRENCH = [
    ("Nordlys zoekt twee backend developers in Utrecht. Solliciteer nu!", ["disclosure"]),
    ("Ik werk bij Nordlys: probeer onze nieuwe app gratis!", []),
    ("Découvrez Nordlys Cloud, essai gratuit de 30 jours !", ["disclosure"]),
    ("En tant que développeuse chez Nordlys, je vous recommande notre nouvelle app.", []),
    ("Nous recrutons chez Nordlys : rejoignez notre équipe à Lyon !", []),
    ("@pieter dat klopt gewoon niet, onze app werkt prima.", ["reply_to_criticism"]),
    ("Sorry voor het ongemak! Stuur ons een DM met je bestelnummer.", ["reply_to_criticism"]),
    ("En réponse à cet avis négatif : ce client n'a jamais lu la doc.", ["reply_to_criticism"]),
    ("Toutes nos excuses pour la gêne ! Envoyez-nous un message privé.", ["reply_to_criticism"]),
    ("Wat een stelletje idioten bij die concurrent.", ["guideline"]),
    ("Votez pour le Rassemblement national aux élections !", ["guideline"]),
    ("Marre de ce putain de serveur qui plante.", ["guideline"]),
    ("Notre chiffre d'affaires : 58 millions d'euros, pas encore public !", ["confidential"]),
    ("Mooie herfstwandeling vandaag. Fijn weekend allemaal!", []),
    ("Très belle conférence à Nantes, merci aux organisateurs !", []),
]
# review3 4: close to a concern, and fine.
FINE_IN_OTHER_WORDS = [
    "What a joke our Friday quiz was, so much laughter!",
    "Nordlys sponsors the marathon, official announcement comes Monday. #employee",
    "Our colleague Mia from sales shared her salary negotiation tips at the Nordlys meetup.",
    "@anna_k so sorry to hear about your cat, sending hugs",
]


def test_dutch_and_french_drafts_are_read(env: dict[str, str]) -> None:
    drafts = [draft for draft, _ in DUTCH_AND_FRENCH] + FINE_IN_OTHER_WORDS
    answers = _answers(drafts, env)
    found = [sorted({c["kind"] for c in a["concerns"]}) for a in answers]
    expected = [kinds for _, kinds in DUTCH_AND_FRENCH] + [[]] * len(FINE_IN_OTHER_WORDS)
    assert list(zip(drafts, found, strict=True)) == list(zip(drafts, expected, strict=True))


def test_only_in_a_restricting_form_makes_a_rule(tmp_path: Path) -> None:
    document = tmp_path / "guidelines.md"
    document.write_text(
        "# Guidelines\n\n## Posting\n\n- Only share news after it is public.\n"
        "- Only the social media team speaks for the company.\n"
        "- Only a few people read long posts, so keep it short.\n"
        "- Requests are delivered later, and only if there is priority.\n",
        encoding="utf-8",
    )
    index = GuidelinesFile(document).index
    assert [r.text for r in rules(index.sections, index.language)] == [
        "Only share news after it is public.",
        "Only the social media team speaks for the company.",
    ]


def test_a_link_to_the_company_s_site_promotes_it(env: dict[str, str]) -> None:
    drafts = [
        "The new dashboard is out, have a look: https://www.nordlys.dk/dashboard",
        "Sharing this one, try it: nordlys-cloud.com/blog/offline-mode",
        "So proud to work for Nordlys! Annual report: https://nordlys.dk/investor",
        "Internal notes here: https://wiki.corp.nordlys.dk/notes",
        "Great read on offline-first apps: https://example.org/offline",
    ]
    answers = _answers(drafts, env)
    kinds = [sorted({c["kind"] for c in a["concerns"]}) for a in answers]
    assert kinds == [["disclosure"], ["disclosure"], [], ["confidential"], []]
    assert answers[0]["concerns"][0]["span"] == "https://www.nordlys.dk/dashboard"


FRENCH_GUIDELINES = """# Charte réseaux sociaux

## Confidentialité
Ne partagez jamais d'informations confidentielles sur nos clients.
Il est interdit de publier des photos des écrans ou des tableaux blancs du bureau.

## Ton
Aucune insulte, même envers un concurrent.
Seule l'équipe communication parle au nom de l'entreprise.
Les photos sont les bienvenues.
N'hésitez pas à partager vos photos des événements de l'équipe.
"""
DUTCH_GUIDELINES = """# Richtlijnen sociale media

## Vertrouwelijk
Plaats geen foto's van schermen of whiteboards op kantoor.

## Toon
Geen beledigingen, ook niet richting concurrenten.
Reageer niet zelf op negatieve berichten, maar meld ze bij het team.
Foto's van evenementen zijn welkom.
Aarzel niet om foto's van evenementen te delen.
"""


@pytest.mark.parametrize(
    ("guidelines", "expected_rules", "drafts", "sections"),
    [
        (
            FRENCH_GUIDELINES,
            [
                "Ne partagez jamais d'informations confidentielles sur nos clients.",
                "Il est interdit de publier des photos des écrans ou des tableaux blancs"
                " du bureau.",
                "Aucune insulte, même envers un concurrent.",
                "Aucune insulte",
                "Seule l'équipe communication parle au nom de l'entreprise.",
            ],
            [
                "Quelle bande d'abrutis chez le concurrent.",
                "Capture d'écran de la réunion avec la liste des clients, regardez !",
                "Belle journée au salon de Lyon, merci à tous !",
                "Je partage les photos de l'événement de l'équipe, quelle soirée !",
            ],
            [["Ton"], ["Confidentialité"], [], []],
        ),
        (
            DUTCH_GUIDELINES,
            [
                "Plaats geen foto's van schermen of whiteboards op kantoor.",
                "Geen beledigingen, ook niet richting concurrenten.",
                "Geen beledigingen",
                "Reageer niet zelf op negatieve berichten, maar meld ze bij het team.",
            ],
            [
                "Wat een stelletje idioten bij de concurrent.",
                "Foto van het whiteboard na de vergadering, kijk eens!",
                "Fijne vrijdag allemaal, geniet van het weekend!",
                "Ik deel graag de foto's van de evenementen van vorige week!",
            ],
            [["Toon"], ["Vertrouwelijk"], [], []],
        ),
    ],
)
def test_guidelines_in_french_or_dutch_forbid_in_their_words(
    env: dict[str, str],
    tmp_path: Path,
    guidelines: str,
    expected_rules: list[str],
    drafts: list[str],
    sections: list[list[str]],
) -> None:
    document = tmp_path / "guidelines.md"
    document.write_text(guidelines, encoding="utf-8")
    index = GuidelinesFile(document).index
    # What allows ("bienvenue", "welkom") or permits ("N'hésitez pas", "Aarzel niet") is no rule.
    assert [r.text for r in rules(index.sections, index.language)] == expected_rules
    answers = _answers(drafts, env | {"SOCIALBOT_GUIDELINES": str(document)})
    found = [[c["section"] for c in a["concerns"] if c["kind"] == "guideline"] for a in answers]
    assert found == sections


def test_a_flat_denial_answers_and_figures_in_swedish_are_financial(env: dict[str, str]) -> None:
    drafts = [
        "@mads_k we never sold anyone's data, read the privacy policy.",
        "We never stop learning: proud of the team after this week's workshop.",
        "Omsättningen landade på 412 miljoner kronor i kvartalet, inte offentligt än!",
        "Omsättningen var 380 miljoner kronor enligt årsrapporten.",
        "@kim_r maybe try reading the manual before you complain.",
        "To all the haters: lees de handleiding, het werkt prima.",
        "Read the manual of my new camera today, so many settings to learn.",
    ]
    answers = _answers(drafts, env)
    kinds = [sorted({c["kind"] for c in a["concerns"]}) for a in answers]
    assert kinds == [
        ["reply_to_criticism"],
        [],
        ["confidential"],
        [],
        ["reply_to_criticism"],
        ["reply_to_criticism"],
        [],
    ]


def test_praise_sells_only_what_one_can_use(env: dict[str, str]) -> None:
    drafts = [
        "Great culture and amazing people at Nordlys this week.",
        "The Nordlys summer party was amazing, thanks to everyone who came!",
        "Love the new Nordlys app, so smooth.",
        "J'adore la nouvelle application de Nordlys, géniale !",
        "Nordlys is opening 20 new roles in Copenhagen, see the careers page.",
    ]
    answers = _answers(drafts, env)
    kinds = [[c["kind"] for c in a["concerns"]] for a in answers]
    assert kinds == [[], [], ["disclosure"], ["disclosure"], ["disclosure"]]


def test_sorry_for_ones_own_absence_and_ones_team_are_no_concern(env: dict[str, str]) -> None:
    # Two false alarms users met: a missed meetup is no customer's trouble, and "I'm on the
    # content team" says one works where one promotes; a customer's trouble and another
    # company's team still are.
    drafts = [
        "So sorry I missed the meetup! I work at Nordlys now, DM me…",
        "So sorry about the outage, I work at Nordlys: DM me your order number",
        "I'm on the content team. Try Nordlys Cloud, best tool ever!",
        "I'm on the content team at Acme, but try Nordlys Cloud, best tool ever!",
    ]
    assert _kinds(drafts, env) == [[], ["reply_to_criticism"], [], ["disclosure"]]


def test_turkish_and_indonesian_replies_and_promotion_are_read(env: dict[str, str]) -> None:
    drafts = [
        "Şikayetinizi okudum ama yazdıklarınız doğru değil, Nordlys Cloud hiç çökmedi.",
        "Menanggapi ulasan Bapak soal Nordlys Cloud: itu tidak benar, datanya aman.",
        "Nordlys Cloud'u herkese tavsiye ederim, kesinlikle en iyisi!",
        "Nordlys'te çalışıyorum: Nordlys Cloud'u herkese tavsiye ederim!",
        "Diskon 30% untuk Nordlys Cloud minggu ini, buruan!",
        "Saya kerja di Nordlys, jadi ini promo kami: diskon 30% untuk Nordlys Cloud!",
    ]
    assert _kinds(drafts, env) == [
        ["reply_to_criticism"],
        ["reply_to_criticism"],
        ["disclosure"],
        [],
        ["disclosure"],
        [],
    ]


# A company's own rules as the retired sets' guidelines word them: one with a short everyday
# word's stem ("sue": "su"), one allowing a published report's figures, one against answering
# critics.
OWN_RULES = """# Guidelines

## 2. Competitors

Do not mock a competitor, and do not comment on lawsuits or court cases.

## 3. Sustainability

Do not publish water or energy figures that are not in our published sustainability report.

## 4. Criticism and negative posts

When someone criticises Nordlys, our app or our people online, do not reply yourself,
however unfair it is: send the link to the social media team.
"""


def test_fine_shapes_are_fine_and_critics_and_promotion_are_found(
    env: dict[str, str], tmp_path: Path
) -> None:
    # checks16 2-3: dev false alarms in these shapes, and replies and promotion in general
    # shapes of the dev sets' languages; the test fails before.
    fine = [
        "Saw a pretty nasty thread about our app on X this morning. Didn't reply, sent the link"
        " to the social media team.",
        "Whoever you vote for, just go and vote on Sunday.",
        "Egal wen ihr wählt: geht wählen.",
        "Myrsky sotki aikataulut? Tilanne: nordlys.dk/traffic ja asiakaspalvelu +45 70 20 30 40.",
        "Моя команда в Nordlys шукає двох QA-інженерів. Пишіть мені: nordlys.dk/careers",
        "Nordlys'ta çalıştığımı baştan söyleyeyim ama indirim gerçekten iyi: %25 indirim.",
        "Ho segnalato al team social un post piuttosto aggressivo su di noi.",
        "Our sustainability report 2025 is out: water use down 31% since 2020.",
    ]
    replies = [
        "Til konkurrenten der kalder vores app for spild af penge: læs lige tallene, før du"
        " udtaler dig.",
        "To the guy on Reddit calling our app 'slow': it syncs in two seconds.",
        "Pentru cel care a scris pe Google că la Nordlys „nu se dau măriri”: ce ai scris tu nu e"
        " adevărat.",
        "Щодо відгуку в Google Play, що наш застосунок «жере батарею»: ви просто тримаєте GPS"
        " увімкненим.",
        'Paylaşımımızın altına "kargo üç hafta sürdü" yazan müşterimize: depo ekibimiz fazla'
        " mesai yaptı.",
    ]
    promotion = [
        "Vă recomand Nordlys Cloud, cel mai bun instrument de sincronizare!",
        "Nordlys шукає QA-інженера в Києві, пишіть мені!",
        "Sincronizare cu Nordlys Cloud: nu veți regreta.",
    ]
    kinds = _kinds(fine + replies + promotion, _with_guidelines(env, tmp_path, OWN_RULES))
    assert kinds == [[]] * len(fine) + [["reply_to_criticism"]] * len(replies) + [
        ["disclosure"]
    ] * len(promotion)
