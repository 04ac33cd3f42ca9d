"""The offline checks on real-looking drafts, with the settings an admin gives."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.settings import DEFAULT_GUIDELINES, SettingsError, load_settings
from handlers.checks.concerns import CheckSettings, Context, Kind
from handlers.checks.review import OfflineReview
from handlers.checks.secrets import parse_secrets
from handlers.guidelines.document import GuidelinesFile
from handlers.reports.links import keys

SETTINGS = CheckSettings(
    company_names=("Nordlys", "Nordlys Cloud"),
    confidential_terms=parse_secrets("Polaris until 2027-01-31, Hvidsten Energi"),
    internal_domains=("corp.nordlys.dk",),
)
TODAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def review() -> OfflineReview:
    return OfflineReview(GuidelinesFile(DEFAULT_GUIDELINES), SETTINGS, lambda: TODAY)


def kinds(review: OfflineReview, draft: str, **context: object) -> list[str]:
    return [c.kind.value for c in review.check(draft, Context(**context)).concerns]  # type: ignore[arg-type]


def test_a_secret_term_until_its_date_then_not(review: OfflineReview) -> None:
    draft = "Sneak peek of Polaris on my laptop this morning 👀"
    (concern,) = review.check(draft).concerns
    assert concern.kind is Kind.CONFIDENTIAL
    assert concern.span is not None and concern.span.text == "Polaris"
    assert "until 2027-01-31" in concern.reason
    assert concern.section == "3. Never publish confidential information"
    assert review.check(draft, Context(today=date(2027, 2, 1))).ok


def test_a_project_code_name_is_secret_without_its_first_word() -> None:
    settings = CheckSettings(confidential_terms=parse_secrets("Project Havørn until 2027-03-15"))
    review = OfflineReview(GuidelinesFile(DEFAULT_GUIDELINES), settings, lambda: TODAY)
    (concern,) = review.check("Havørn-holdet fik grønt lys i dag 🦅").concerns
    assert concern.kind is Kind.CONFIDENTIAL
    assert concern.span is not None and concern.span.text == "Havørn"


def test_a_term_without_a_date_is_always_secret(review: OfflineReview) -> None:
    later = Context(today=date(2031, 1, 1))
    assert kinds(review, "Great workshop at Hvidsten Energis control room!", today=later.today) == [
        "confidential"
    ]


def test_internal_links_by_domain_and_subdomain_only(review: OfflineReview) -> None:
    (concern,) = review.check("Notes: https://wiki.corp.nordlys.dk/eng/ci, enjoy").concerns
    assert concern.span is not None and concern.span.text == "https://wiki.corp.nordlys.dk/eng/ci"
    assert "Cut the internal link" in concern.fix
    assert review.check("Our blog: https://nordlys.dk/blog/ci and corp.nordlys.com").ok


@pytest.mark.parametrize(
    ("draft", "found"),
    [
        ("Between us: Q4 revenue is already DKK 412m 🚀", True),
        ("Omsætningen i november landede på 48,5 mio. kr. Fortæl det ikke til nogen", True),
        ("Annual report is out: revenue grew 12% to DKK 1.4bn https://nordlys.dk/ir", False),
        ("Raised 15.000 kr for charity on my bike, thank you all!", False),
        # A margin in a compound, revenue in other words, the plan: still the company's figures.
        ("Bruttomarginen landede på 58 % i oktober, ingen uden for huset ved det endnu", True),
        ("Vi passerade 40 MSEK i intäkter, men det är inte officiellt än", True),
        ("From today's all-hands: we're 22% above plan for Q4 🚀", True),
    ],
)
def test_financial_figures(review: OfflineReview, draft: str, found: bool) -> None:
    assert (kinds(review, draft) == ["confidential"]) is found


def test_other_peoples_contact_details_but_not_shared_mailboxes(review: OfflineReview) -> None:
    draft = "Reach Mette at mette.kjaer@nordlys.dk or +45 22 41 87 90."
    spans = [c.span.text for c in review.check(draft).concerns if c.span]
    assert spans == ["mette.kjaer@nordlys.dk", "+45 22 41 87 90"]
    assert review.check("Journalists: write to press@nordlys.dk (I work at Nordlys).").ok
    # A support line is given out to be called.
    assert review.check("Storm damage? Our support line is open all night: +45 70 10 20 30.").ok
    assert review.check("Ran 42.2 km in 4:12:37 on 2026-05-17!").ok


@pytest.mark.parametrize(
    "secret",
    [
        "AWS_ACCESS_KEY_ID=AKIAZ7QW3KJHD82NXC4M",
        "token xoxb-2214563377-5512849900123-Qw8ErTy7UiOpAsDfGhJkLz12",
        "admin / password: Nordlys2026!",
        "with the header Authorization: Bearer 9f8a7c6b5d4e3f2a1b0c9d8e7f6a5b4c",
        "key pk_test_51HxYzAbCdEfGhIjKlMn",
        "gebruiker beheer, wachtwoord Zomer!2026-nl",
    ],
)
def test_credentials(review: OfflineReview, secret: str) -> None:
    (concern,) = review.check(f"Finally working 😅 {secret}").concerns
    assert concern.kind is Kind.CONFIDENTIAL and "changed" in concern.fix
    assert review.check("Use a password manager and never reuse a password.").ok
    assert review.check("Proud to be the bearer of good news: basic training starts Monday!").ok


def test_disclosure_unless_the_post_or_the_profile_says_so(review: OfflineReview) -> None:
    draft = "Just tried Nordlys Cloud backup. Best tool on the market, highly recommend!"
    (concern,) = review.check(draft).concerns
    assert concern.kind is Kind.DISCLOSURE
    assert concern.fix == "Add “I work at Nordlys” or the hashtag #employee."
    assert concern.section == "1. Share our stories, news and events"
    assert review.check(draft + " #employee").ok
    assert review.check(draft, Context(profile="Developer at Nordlys")).ok
    assert review.check("Vi søger en udvikler! Jeg arbejder selv hos Nordlys: søg her").ok


def test_a_reply_to_criticism_and_a_link_of_an_open_report(review: OfflineReview) -> None:
    (concern,) = review.check("@techgrump That's simply not true, read the ticket.").concerns
    assert concern.kind is Kind.REPLY_TO_CRITICISM
    assert concern.section == "4. Never answer negative comments yourself: report them"
    reported = frozenset(keys(("https://x.com/techgrump/status/1865012345678901234",)))
    draft = "lol look at this https://twitter.com/techgrump/status/1865012345678901234?s=20"
    (concern,) = review.check(draft, Context(open_report_keys=reported)).concerns
    assert concern.kind is Kind.REPLY_TO_CRITICISM
    assert concern.report_link.startswith("https://twitter.com/techgrump/status/18650")
    assert review.check("@lena thank you for the kind words about the workshop!").ok


def test_the_guidelines_own_forbidding_sentences(review: OfflineReview) -> None:
    (concern,) = review.check("Snapped a photo of the whiteboard after our offsite 📸").concerns
    assert concern.kind is Kind.GUIDELINE
    assert "Do not post pictures of screens, whiteboards" in concern.reason
    assert concern.section == "3. Never publish confidential information"
    danish = "Her er et billede af min skærm med dagens salgsoversigt 😄"
    assert kinds(review, danish) == ["guideline"]
    # A sentence that only mentions "do not" forbids nothing: "when the guidelines do not cover".
    assert review.check("Question for you all: how do you cover late events?").ok


def test_without_settings_each_check_that_needs_one_says_what_to_set() -> None:
    bare = OfflineReview(GuidelinesFile(DEFAULT_GUIDELINES), CheckSettings())
    result = bare.check("Just tried Nordlys Cloud. Best tool ever, try it!")
    assert result.ok
    assert [m.split(" ")[0] for m in result.missing_settings] == [
        "SOCIALBOT_COMPANY_NAMES",
        "SOCIALBOT_CONFIDENTIAL_TERMS",
        "SOCIALBOT_INTERNAL_DOMAINS",
    ]


def test_settings_read_terms_dates_and_domains(tmp_path) -> None:
    settings = load_settings(
        _env_file=None,
        db=tmp_path / "s.db",
        company_names="Nordlys, Nordlys Cloud",
        confidential_terms="Polaris until 2027-01-31, Hvidsten Energi",
        internal_domains="https://Corp.Nordlys.dk/, *.nordlys.internal",
    )
    assert settings.checks == SETTINGS.__class__(
        ("Nordlys", "Nordlys Cloud"),
        parse_secrets("Polaris until 2027-01-31, Hvidsten Energi"),
        ("corp.nordlys.dk", "nordlys.internal"),
    )
    listed = tmp_path / "terms.txt"
    listed.write_text("Polaris until 2027-01-31\n# comment\nBluefin\n")
    from_file = load_settings(_env_file=None, db=tmp_path / "s.db", confidential_terms=str(listed))
    assert [s.term for s in from_file.checks.confidential_terms] == ["Polaris", "Bluefin"]
    with pytest.raises(SettingsError, match=r"SOCIALBOT_CONFIDENTIAL_TERMS.*YYYY-MM-DD") as bad:
        load_settings(
            _env_file=None, db=tmp_path / "s.db", confidential_terms="Bluefin, Kestrel until soon"
        )
    # The entry is named by its place: a confidential term never reaches the logs.
    assert "entry 2" in str(bad.value) and "Kestrel" not in str(bad.value)


@pytest.mark.parametrize(
    "draft",
    [
        "Excited to start a new position as Senior Backend Engineer at Nordlys Cloud!",
        "After 6 great years I'm leaving Nordlys. Thank you all, onwards to new adventures.",
        "Call me at +45 70 20 30 40 for a demo of our product, I'm at Nordlys sales. #employee",
    ],
)
def test_what_says_who_you_are_is_no_concern(review: OfflineReview, draft: str) -> None:
    assert review.check(draft).ok


def test_a_password_in_words_and_a_page_in_a_hyphenated_word(review: OfflineReview) -> None:
    assert kinds(review, "The password for the guest wifi at our office is Fjord2026 btw") == [
        "confidential"
    ]
    assert kinds(review, "Ich habe eine Facebook-Seite im Namen von Nordlys angelegt!") == [
        "guideline"
    ]


PIECES = [*"aeiou nrstlæøåäöüß@#:/.,-+0123456789\n'\u2019€$%", "Polaris", "https://", "never "]
DRAFTISH = st.lists(st.sampled_from(PIECES), max_size=150).map("".join)


@settings(max_examples=200, database=None, deadline=None, suppress_health_check=[*HealthCheck])
@given(DRAFTISH)
def test_any_text_is_checked_and_every_span_is_a_piece_of_it(
    review: OfflineReview, draft: str
) -> None:
    for concern in review.check(draft).concerns:
        if concern.span is not None:
            assert draft[concern.span.start : concern.span.end] == concern.span.text


def test_a_span_is_the_drafts_own_text_also_beside_a_link(review: OfflineReview) -> None:
    draft = "Photo of the whiteboard from today's offsite: https://example.com/p/1 📸"
    (concern,) = review.check(draft).concerns
    assert concern.span is not None
    assert concern.span.text == draft[concern.span.start : concern.span.end]
    assert "https://example.com/p/1" in concern.span.text


def test_a_code_name_in_lower_case_after_an_article_is_the_everyday_word(
    review: OfflineReview,
) -> None:
    assert review.check("She was the polaris of our little team, a guiding star.").ok
    (concern,) = review.check("polaris ships in March, can't wait").concerns
    assert concern.kind is Kind.CONFIDENTIAL
