"""Everyday posts that name the company or link to a site named like it, through `socialbot check`
(review4 6, 7, 8, 14): news, articles, other companies' job ads and hashtags need no disclosure;
a private sum ("omzet van de garage sale") is no company figure, "950 000 kronor" is (11, 15)."""

from __future__ import annotations

import pytest

from tests.checks.test_cli import _answers

# Company and product names that are also everyday words and hosts; nothing confidential.
NAMES = {
    "SOCIALBOT_COMPANY_NAMES": "Nordlys, Nordlys Cloud, Polaris, Hub, Go, Link",
    "SOCIALBOT_CONFIDENTIAL_TERMS": "Bluefin until 2099-01-31",
}


def _kinds(drafts: list[str], env: dict[str, str]) -> list[tuple[str, list[str]]]:
    """Each draft with the kinds of its concerns."""
    answers = _answers(drafts, env)
    return [
        (d, sorted({c["kind"] for c in a["concerns"]}))
        for d, a in zip(drafts, answers, strict=True)
    ]


# Links to another site, or to a site named like the company with no word that sells (review4 6).
LINKS_WITHOUT_PROMOTION = [
    "Great article on the northern lights season: https://www.nordlys.no/nyheter/nordlyset-danset",
    "Interesting piece in the local paper about our town: https://nordlys.no/lokalt/tromso-budget",
    "Just visited the Polaris observatory site: https://polaris.observatory.edu/visit",
    "See the docs at https://docs.nordlys.dk",
    "Polaris snowmobiles recalled, read here https://www.polaris.com/en-us/recall",
    "Nordlys over Tromsø i natt, les mer: https://www.nordlys.no/nyheter/nordlys-i-natt",
    "Handy Postgres image for local testing: https://hub.docker.com/_/postgres",
    "Found this paper: https://link.springer.com/article/10.1007/abc",
    "Nice Go tutorial: https://go.dev/tour",
]
# "Read more" is how any article is shared; "hent" is Danish for "pick up" (review4 7).
NEWS_AND_READING = [
    "Did Nordlys really close the Aarhus office? Read more in Børsen: https://borsen.dk/nyheder/123",
    "Nordlys was in the news today about the storm damage in our area, read more: "
    "https://www.dr.dk/nyheder/storm",
    "Polaris (the star) is not the brightest star in the sky, learn more: "
    "https://en.wikipedia.org/wiki/Polaris",
    "Kantinen hos Nordlys serverer æbleskiver i dag, hent dem inden kl. 14!",
    "Mein Sohn hat die Polaris-Sternwarte besucht, mehr erfahren: https://sternwarte.de/polaris",
]
# Another company recruits and asks for our product as a skill (review4 8).
OTHER_COMPANIES_JOB_ADS = [
    "My friend's company Acme is hiring backend devs, experience with Polaris a plus! "
    "Apply: https://acme.com/jobs",
    "Acme søger en udvikler med erfaring i Nordlys, se ledige stillinger: https://acme.dk/job",
    "Mijn oud-collega zoekt een tester bij Acme, kennis van Nordlys is een pré. "
    "Solliciteer via https://acme.nl/vacatures",
    "Mon ancienne boîte recrute : développeur avec expérience Nordlys, postulez ici "
    "https://acme.fr/jobs",
]


@pytest.mark.parametrize(
    "drafts",
    [LINKS_WITHOUT_PROMOTION, NEWS_AND_READING, OTHER_COMPANIES_JOB_ADS],
    ids=["links", "reading", "job-ads"],
)
def test_everyday_posts_need_no_disclosure(drafts: list[str], env: dict[str, str]) -> None:
    env = env | NAMES
    assert _kinds(drafts, env) == [(d, []) for d in drafts]


def test_the_company_s_own_promotion_still_needs_it(env: dict[str, str]) -> None:
    env = env | NAMES
    drafts = [
        # The company recruits: its name near the job word, or its site linked.
        "Nordlys is hiring backend devs with Kotlin experience, apply: https://acme-jobs.com/1",
        "Polaris søger en ny udvikler, se ledige stillinger her!",
        "Ledige stillinger, søg nu: https://www.nordlys.dk/job",
        "Postulez ici : https://nordlys.fr/carrieres, poste à pourvoir à Lyon",
        # Reading words with something one can use; a site of the company's own with a selling word.
        "Read more about the new Nordlys app: https://example.org/review",
        "Try it free for 30 days: https://www.polaris.co.uk/trial",
        # A hashtag that only starts like a disclosure tag says nothing (review4 14).
        "Try the new Nordlys app, free trial! #EmployeeExperience",
        "Try the new Nordlys app, free trial! #ansattefest",
    ]
    assert _kinds(drafts, env) == [(d, ["disclosure"]) for d in drafts]
    fine = ["Try the new Nordlys app, free trial! #employee", "Prøv den nye Nordlys-app! #ansat."]
    assert _kinds(fine, env) == [(d, []) for d in fine]


def test_a_site_link_names_the_company_it_is_named_after(env: dict[str, str]) -> None:
    (answer,) = _answers(["Sign up today: https://nordlys-cloud.com/beta"], env)
    (concern,) = answer["concerns"]
    assert concern["span"] == "https://nordlys-cloud.com/beta"
    assert "Nordlys Cloud" in concern["reason"] and "https://" not in concern["reason"]


def test_a_small_private_sum_is_no_company_figure(env: dict[str, str]) -> None:
    fine = [
        "Onze omzet van de garage sale: 120 euro voor het goede doel!",
        "Notre chiffre d'affaires de la kermesse : 850 euros pour l'école.",
        "Overskuddet fra loppemarkedet ble 3000 kroner til skolekorpset!",
        "Our bake sale revenue: 120 euros for the school trip!",
    ]
    assert _kinds(fine, env) == [(d, []) for d in fine]


def test_kronor_and_thousands_grouped_by_a_space_are_money(env: dict[str, str]) -> None:
    drafts = [
        "Omsättningen landade på 950 000 kronor i kvartalet, inte offentligt än!",
        "Notre chiffre d'affaires atteint 1\u202f250\u00a0000 € ce mois-ci, entre nous !",
        "Omzet van Nordlys dit kwartaal: 2.400 euro per klant, nog niet officieel.",
    ]
    answers = _answers(drafts, env)
    spans = [[c["span"] for c in a["concerns"] if c["kind"] == "confidential"] for a in answers]
    assert spans == [["950 000 kronor"], ["1\u202f250\u00a0000 €"], ["2.400 euro"]]
