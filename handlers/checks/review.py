"""The offline review: every check on a draft, each concern citing its guideline section."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from handlers.checks.concerns import CheckSettings, Concern, Context, Kind, Result, Span
from handlers.checks.confidential import confidential
from handlers.checks.criticism import criticism
from handlers.checks.disclosure import disclosure, hashtags
from handlers.checks.rules import Rule, answers_critics, guideline, rules
from handlers.checks.secrets import TermsFile
from handlers.checks.text import name_pattern, narrowed, without_links
from handlers.guidelines.document import GuidelinesFile
from handlers.guidelines.language import reply_language
from handlers.guidelines.retrieval import Index, analyse

# How each kind's section is found in whatever guidelines the company has.
SECTION_QUERIES = {
    Kind.CONFIDENTIAL: "never publish confidential internal information",
    Kind.DISCLOSURE: "say that you work here when you post about the company",
    Kind.REPLY_TO_CRITICISM: "never answer negative comments yourself, report them",
}
FALLBACK_SECTIONS = {
    Kind.CONFIDENTIAL: "Confidential information",
    Kind.DISCLOSURE: "Say that you work here",
    Kind.REPLY_TO_CRITICISM: "Negative comments: report them, don't answer",
}
# Each behaviour a draft may show (handlers/checks/behaviours.py), as a question to the
# guidelines: the section a document forbids it in when none of its rules names it in words.
QUERIES_LANGUAGE = "en"  # the language BEHAVIOUR_QUERIES are written in
BEHAVIOUR_QUERIES = {
    "harass": "insulting, mocking, threatening or demeaning people: personal attacks,"
    " harassment, offensive or discriminatory remarks",
    "swearing": "swearing, profanity, vulgar or obscene language",
    "politics": "political opinions, parties, elections, telling people how to vote,"
    " religious views",
    "copy": "copying other people's articles, texts or pictures: copyright and intellectual"
    " property",
    "sell": "selling or advertising things: commercial offers, promotions, spam",
    "personal": "other people's personal data: addresses, phone numbers, private life, health",
    "consent": "photos or videos of people posted without their permission or consent",
    "screen": "photos of screens, whiteboards or documents showing internal information",
    "press": "talking to journalists or the press about the company",
    "behalf": "speaking on behalf of the company or giving official statements",
    "neutral": "pretending to be an ordinary customer and hiding that you work for the company",
    "account": "creating an account, page or group in the company's name",
    "delete": "deleting posts",
    "early": "announcing news before it is public: leaking unreleased information",
}
# A draft creating an account shows both (behaviours.py): the same section either way.
BEHAVIOUR_QUERIES["create"] = BEHAVIOUR_QUERIES["account"]
# What the confidential check already says when it finds something: news not public yet.
SAID_BY_CONFIDENTIAL = frozenset({"early", "secret"})
# What the criticism check already says when it finds a reply: the draft answers someone.
SAID_BY_CRITICISM = frozenset({"answer"})


class OfflineReview:
    """Checks drafts against the guidelines file and the admin's settings, with no model."""

    def __init__(
        self,
        guidelines: GuidelinesFile,
        settings: CheckSettings,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.guidelines = guidelines
        self._settings = settings
        self._terms = (
            TermsFile(settings.terms_file, settings.confidential_terms)
            if (settings.terms_file)
            else None
        )
        self.today = today
        self._read: tuple[Index, list[Rule], dict[Kind, str], frozenset[str]] | None = None
        # Each behaviour's rule by meaning, for the document `index` it was found in.
        self._meant: tuple[Index | None, dict[str, Rule | None]] = (None, {})

    def _prepared(self, index: Index) -> tuple[Index, list[Rule], dict[Kind, str], frozenset[str]]:
        """`index`, its forbidding sentences, each kind's section and the hashtags its disclosure
        section asks for ("#RoutaEmployee"), again when it changes."""
        read = self._read
        if read is None or read[0] is not index:
            sections = {}
            tags: frozenset[str] = frozenset()
            for kind, query in SECTION_QUERIES.items():
                hits = index.search(query, limit=1)
                sections[kind] = hits[0].section.title if hits else FALLBACK_SECTIONS[kind]
                if hits and kind is Kind.DISCLOSURE:
                    tags = hashtags(hits[0].section.body)
            read = self._read = (index, rules(index.sections, index.language), sections, tags)
        return read

    def _by_meaning(self, index: Index, forbidding: list[Rule], behaviour: str) -> Rule | None:
        """The rule of the section closest by meaning to `behaviour` (BEHAVIOUR_QUERIES), found
        once per document; None without the embedding model or a section with rules."""
        if self._meant[0] is not index:
            self._meant = (index, {})
        meant = self._meant[1]
        if behaviour not in meant:
            found = None
            query = BEHAVIOUR_QUERIES.get(behaviour, "")
            # Only where the model read the document: the query's words alone find sections
            # that merely share them.
            for hit in index.search(query, limit=5) if query else []:
                mine = [
                    r for r in forbidding if r.section.key == hit.section.key and not r.obliging
                ]
                if mine and hit.similarity is not None:
                    # The rule of that section that shares most of the query's words, or its first.
                    keys = {key for term in analyse(query, index.language) for key in term.keys}
                    overlap, found = max(
                        ((sum(bool(g & keys) for g in r.groups), r) for r in mine),
                        key=lambda pair: pair[0],
                    )
                    if index.language == QUERIES_LANGUAGE and not overlap:
                        # In the queries' own language a rule about it shares a word with them:
                        # "Do not alter the club logo" is no rule on selling club shirts.
                        found = None
                        continue
                    break
            meant[behaviour] = found
        return meant[behaviour]

    def _cited(self, index: Index, forbidding: list[Rule], behaviour: str) -> str | None:
        """How the section of the rule closest by meaning to `behaviour` is cited, if any."""
        rule = self._by_meaning(index, forbidding, behaviour)
        return rule.section.title if rule else None

    def _names(self, language: str) -> frozenset[str]:
        """The keys of the company's names, as the rules' words are read in `language`."""
        names = self.settings.company_names
        return frozenset(key for name in names for t in analyse(name, language) for key in t.keys)

    @property
    def settings(self) -> CheckSettings:
        """The admin's settings, with the confidential terms as their file says now."""
        if self._terms is None:
            return self._settings
        return replace(self._settings, confidential_terms=self._terms.terms)

    def missing_settings(self) -> tuple[str, ...]:
        """What an admin could set so that every check runs."""
        return self.settings.missing()

    def check(
        self, draft: str, context: Context | None = None, index: Index | None = None
    ) -> Result:
        """Every offline check on `draft`, against `index` (the file's now when None)."""
        # Checked as "Polaris" when typed full-width (U+FF30…), quoted as typed.
        typed, draft = draft, narrowed(draft)
        context = context or Context()
        index, forbidding, sections, tags = self._prepared(index or self.guidelines.prepared())
        today = context.today or self.today()
        settings = self.settings
        # Never a third one; the asker's of two that tie (Norwegian and Danish share most words).
        language = reply_language(draft, index.language, near=context.language or None)
        company_mentioned = bool(
            settings.company_names
            and name_pattern(settings.company_names).search(without_links(draft))
        )
        concerns: list[Concern] = [
            *confidential(
                draft,
                settings,
                today,
                sections[Kind.CONFIDENTIAL],
                language,
                lambda: self._cited(index, forbidding, "personal"),
            ),
            *disclosure(
                draft,
                settings.company_names,
                context.profile,
                sections[Kind.DISCLOSURE],
                language,
                settings.internal_domains,
                tags,
            ),
            *criticism(
                draft,
                context.open_report_keys,
                sections[Kind.REPLY_TO_CRITICISM],
                language,
                company_mentioned,
            ),
        ]
        # A reply to criticism is not to be posted at all: saying who wrote it fixes nothing, and
        # defending the company is not promoting it.
        if any(concern.kind is Kind.REPLY_TO_CRITICISM for concern in concerns):
            concerns = [c for c in concerns if c.kind is not Kind.DISCLOSURE]
        # A rule of a section another kind cites is already said in that kind's words; the
        # disclosure section's rules forbid other things (posing as a neutral customer).
        cited = {c.section for c in concerns if c.kind is not Kind.DISCLOSURE}
        kinds = {c.kind for c in concerns}
        covered = (SAID_BY_CONFIDENTIAL if Kind.CONFIDENTIAL in kinds else frozenset()) | (
            SAID_BY_CRITICISM if Kind.REPLY_TO_CRITICISM in kinds else frozenset()
        )
        # The criticism section's rule against answering critics is the criticism check's to
        # read: words it shares with a draft that answers no one are no breach of it.
        matched = [
            rule
            for rule in forbidding
            if Kind.REPLY_TO_CRITICISM in kinds
            or rule.section.title != sections[Kind.REPLY_TO_CRITICISM]
            or not answers_critics(rule)
        ]
        concerns += [
            concern
            for concern in guideline(
                draft,
                matched,
                index.language,
                company_mentioned,
                {section.key: section.title for section in index.sections},
                language,
                covered,
                self._names(index.language),
                lambda behaviour: self._by_meaning(index, forbidding, behaviour),
            )
            if concern.section not in cited  # already said, in the words of its own kind
        ]
        return Result(
            typed,
            tuple(_as_typed(typed, concern) for concern in _distinct(concerns)),
            self.missing_settings(),
            language=language,
        )


def _as_typed(typed: str, concern: Concern) -> Concern:
    """`concern` with its span's text as the draft was typed (the same offsets)."""
    span = concern.span
    return replace(concern, span=Span.of(typed, span.start, span.end)) if span else concern


def _distinct(concerns: list[Concern]) -> list[Concern]:
    seen: set[tuple[Kind, str]] = set()
    kept = []
    for concern in concerns:
        key = (concern.kind, concern.span.text if concern.span else concern.reason)
        if key not in seen:
            seen.add(key)
            kept.append(concern)
    return kept
