"""Find the sections that answer a question: BM25 over stems and lexicon ideas, in any language."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from handlers.guidelines.language import content_words, detect_language, stem
from handlers.guidelines.lexicon import ideas
from handlers.guidelines.sections import Section

K1 = 1.6
B = 0.9
TITLE_WEIGHT = 2
IDEA_WEIGHT = 2.0


@dataclass(frozen=True)
class Term:
    """One meaningful word of a question: its stem and the ideas it stands for."""

    word: str
    stem: str
    ideas: frozenset[str]

    @property
    def keys(self) -> tuple[str, ...]:
        """What it matches in the index: the stem and each idea token."""
        return (self.stem, *(f"@{idea}" for idea in sorted(self.ideas)))


@dataclass(frozen=True)
class Hit:
    """A section found for a question: its BM25 score and how much of the question it covers."""

    section: Section
    score: float
    coverage: float
    matched: int = 0
    matched_ideas: int = 0


def analyse(text: str, code: str) -> list[Term]:
    """The terms of `text`, read as the language `code`."""
    terms = []
    for word in content_words(text, code):
        word_stem = stem(word, code)
        terms.append(Term(word, word_stem, ideas(word, word_stem, code)))
    return terms


def _index_keys(terms: Sequence[Term]) -> list[str]:
    return [key for term in terms for key in term.keys]


class Index:
    """A BM25 index over the sections of one document."""

    def __init__(self, sections: Sequence[Section], language: str | None = None) -> None:
        self.sections = tuple(sections)
        whole = "\n".join(f"{s.title}\n{s.body}" for s in self.sections)
        self.language = language or detect_language(whole)
        self._docs: list[Counter[str]] = []
        for section in self.sections:
            counts: Counter[str] = Counter()
            for _ in range(TITLE_WEIGHT):
                counts.update(_index_keys(analyse(section.title, self.language)))
            counts.update(_index_keys(analyse(" ".join(section.path), self.language)))
            counts.update(_index_keys(analyse(section.body, self.language)))
            self._docs.append(counts)
        self._lengths = [sum(doc.values()) for doc in self._docs]
        self._average = sum(self._lengths) / len(self._lengths) if self._lengths else 1.0
        frequency: Counter[str] = Counter()
        for doc in self._docs:
            frequency.update(doc.keys())
        total = len(self._docs)
        self._idf = {
            key: math.log(1 + (total - seen + 0.5) / (seen + 0.5))
            for key, seen in frequency.items()
        }
        self._unknown_idf = math.log(1 + (total + 0.5) / 0.5)

    def query_terms(self, question: str) -> list[Term]:
        """The question's terms, read in its own language and, if different, the document's."""
        asked = detect_language(question, default=self.language)
        terms = analyse(question, asked)
        if asked != self.language:
            extra = analyse(question, self.language)
            terms = [
                Term(mine.word, theirs.stem, mine.ideas | theirs.ideas)
                if theirs.stem in self._idf
                else mine
                for mine, theirs in zip(terms, extra, strict=False)
            ] + [term for term in extra[len(terms) :]]
        return terms

    def _term_score(self, doc: int, key: str, weight: float) -> float:
        tf = self._docs[doc].get(key, 0)
        if not tf:
            return 0.0
        norm = K1 * (1 - B + B * self._lengths[doc] / self._average)
        return weight * self._idf[key] * tf * (K1 + 1) / (tf + norm)

    def _hit(self, doc: int, score: float, terms: Sequence[Term]) -> Hit:
        """A hit, with the idf-weighted share of the question's words the section speaks about."""
        total = covered = 0.0
        matched = matched_ideas = 0
        words = self._docs[doc]
        for term in terms:
            known = [self._idf[key] for key in term.keys if key in self._idf]
            weight = max(known) if known else self._unknown_idf
            total += weight
            if term.stem in words or any(f"@{idea}" in words for idea in term.ideas):
                covered += weight
                matched += 1
                matched_ideas += any(f"@{idea}" in words for idea in term.ideas)
        coverage = covered / total if total else 0.0
        return Hit(self.sections[doc], score, coverage, matched, matched_ideas)

    def scores(self, terms: Sequence[Term]) -> list[float]:
        """The BM25 score of every section for the question's terms, in document order."""
        scores = []
        for doc in range(len(self.sections)):
            score = 0.0
            for term in terms:
                score += self._term_score(doc, term.stem, 1.0)
                for idea in term.ideas:
                    score += self._term_score(doc, f"@{idea}", IDEA_WEIGHT)
            scores.append(score)
        return scores

    def search(self, question: str, limit: int = 3) -> list[Hit]:
        """The best `limit` sections for `question`, best first (none when nothing matches)."""
        terms = self.query_terms(question)
        if not terms or not self.sections:
            return []
        scores = self.scores(terms)
        ranked = sorted(range(len(scores)), key=lambda doc: scores[doc], reverse=True)
        return [self._hit(doc, scores[doc], terms) for doc in ranked[:limit] if scores[doc] > 0]
