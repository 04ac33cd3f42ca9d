"""Find the sections that answer a question: BM25 over stems and lexicon ideas, in any language,
fused with an embedding model's cosine (the multilingual model ranks every section, in any
language; the English static one re-ranks BM25's best few), with no more than two neighbours of
one chapter among those shown."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from handlers.guidelines.embedding import Embedder, default_embedder, embed_passages
from handlers.guidelines.language import (
    content_words,
    detect_language,
    reading_language,
    reading_language_near,
    reply_language,
    stem,
    without,
    writing_system,
)
from handlers.guidelines.lexicon import ideas, off_topic, social
from handlers.guidelines.pieces import units
from handlers.guidelines.sections import Section
from handlers.guidelines.tuning import DEFAULT_TUNING, Tuning

if TYPE_CHECKING:
    from handlers.guidelines.embedding import Vectors

# At most this many of the sections found may share a parent heading, unless that heading is
# above every section (the document's title, not a chapter).
MAX_SIBLINGS = 2
# Question vectors kept per index: the same question asked again is not embedded again.
QUESTIONS_KEPT = 256


@dataclass(frozen=True)
class Term:
    """One meaningful word of a question: its stem and the ideas it stands for."""

    word: str
    stem: str
    ideas: frozenset[str]
    off_topic: bool = False
    social: bool = False

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
    off_topic: int = 0
    # How many of the question's words the section holds as they are (their stem), not only
    # through an idea of the lexicon.
    matched_stems: int = 0
    # How many of the question's words speak of social media or the guidelines at all.
    social: int = 0
    # The embedding model's cosine of the question and the section (the mean of the closest
    # sentence's and the whole section's), when the model read both; None otherwise. Its scale
    # is the model's: `Index.model_name` says which.
    similarity: float | None = None
    # The name of the model that gave `similarity` (the verdict's weights hold for one model).
    similarity_model: str | None = None
    # The same cosine with the question's words the section lacks blanked out ("Who has the
    # password of the Facebook page?" read as "Who has the of the Facebook page?"); the same
    # as `similarity` when it holds them all. Given for the best hit only.
    shared_similarity: float | None = None
    # Whether the question is in another language than the section (another script, or the
    # words of another language): few words, if any, can be shared then.
    across: bool = False


def unit_texts(section: Section) -> list[str]:
    """What the embedding model reads of a section apart from its whole text: its heading, then
    each sentence or list item (with the line that leads it in)."""
    return [section.title, *(f"{lead_in} {text}".strip() for lead_in, text in units(section.body))]


def analyse(text: str, code: str) -> list[Term]:
    """The terms of `text`, read as the language `code`."""
    terms = []
    for word in content_words(text, code):
        word_stem = stem(word, code)
        word_ideas = ideas(word, word_stem, code)
        terms.append(
            Term(
                word,
                word_stem,
                word_ideas,
                off_topic(word_stem, code),
                social(word_stem, code, word_ideas),
            )
        )
    return terms


def _index_keys(terms: Sequence[Term]) -> list[str]:
    return [key for term in terms for key in term.keys]


class Index:
    """A BM25F index over the sections of one document: heading and text weighed apart."""

    def __init__(
        self,
        sections: Sequence[Section],
        language: str | None = None,
        embedder: Embedder | None = None,
        *,
        semantic: bool = True,
        tuning: Tuning = DEFAULT_TUNING,
    ) -> None:
        """Index `sections`; `semantic=False` ranks by BM25 alone, without the embedding model
        (the default model is loaded at the first question, once per process)."""
        self.sections = tuple(sections)
        self.tuning = tuning
        self._embedder = embedder
        self._semantic = semantic
        self._unit_texts = [unit_texts(section) for section in self.sections]
        self._title = _title_path(self.sections)
        self._unit_vectors: list[Vectors] | None = None
        self._asked: dict[str, Vectors] = {}
        whole = "\n".join(f"{s.title}\n{s.body}" for s in self.sections)
        self.language = language or detect_language(whole)
        # The language its words are read in: a language the bot reads but does not speak.
        self.reading = reading_language(whole, self.language)
        # The language its answers are framed in when the question does not tell another.
        self.spoken = language or reply_language(whole)
        self.script = writing_system(whole)
        self._titles: list[Counter[str]] = []
        self._paths: list[Counter[str]] = []
        self._bodies: list[Counter[str]] = []
        self._units: list[list[tuple[frozenset[str], frozenset[str]]]] = []
        for section in self.sections:
            self._titles.append(Counter(_index_keys(analyse(section.title, self.reading))))
            self._paths.append(Counter(_index_keys(analyse(" ".join(section.path), self.reading))))
            self._bodies.append(Counter(_index_keys(analyse(section.body, self.reading))))
            self._units.append(
                [
                    (self._keys(text), self._keys(lead_in))
                    for lead_in, text in [("", section.title), *units(section.body)]
                ]
            )
        self._docs = [
            t + p + b for t, p, b in zip(self._titles, self._paths, self._bodies, strict=True)
        ]
        self._lengths = [sum(doc.values()) for doc in self._bodies]
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

    def _keys(self, text: str) -> frozenset[str]:
        return frozenset(_index_keys(analyse(text, self.reading))) if text else frozenset()

    def query_terms(self, question: str) -> list[Term]:
        """The question's terms, read in its own language and, if different, the document's.

        A word of another language keeps its own ideas and gains the document language's: its
        stem is the document language's when the document uses it ("LinkedIn", "profil").
        """
        asked = reading_language_near(question, self.reading)
        terms = analyse(question, asked)
        if asked == self.reading:
            return terms
        crossed = []
        for term in terms:
            theirs = stem(term.word, self.reading)
            extra = ideas(term.word, theirs, self.reading)
            known = theirs in self._idf and term.stem not in self._idf
            crossed.append(
                Term(
                    term.word,
                    theirs if known else term.stem,
                    term.ideas | extra,
                    term.off_topic or off_topic(theirs, self.reading),
                    term.social or social(theirs, self.reading, extra),
                )
            )
        return crossed

    def asked_across(self, question: str) -> bool:
        """Whether `question` is in another language than the document: written in another
        script, or read in another language (a question with no letters tells nothing)."""
        script = writing_system(question)
        if script and script != self.script:
            return True
        return reading_language_near(question, self.reading) != self.reading

    def _key_score(self, doc: int, key: str) -> float:
        """BM25F: the key's count in the heading, its path and the (length-normalised) text."""
        body = self._bodies[doc].get(key, 0)
        t = self.tuning
        tf = t.title_weight * self._titles[doc].get(key, 0)
        tf += t.path_weight * self._paths[doc].get(key, 0)
        if body:
            tf += body / (1 - t.b + t.b * self._lengths[doc] / self._average)
        if not tf:
            return 0.0
        return self._idf[key] * tf * (t.k1 + 1) / (tf + t.k1)

    def _term_score(self, doc: int, term: Term) -> float:
        """A term scores by its best key (its stem or one of its ideas), synonyms not summed."""
        found = [self._key_score(doc, term.stem)]
        found += [self.tuning.idea_weight * self._key_score(doc, f"@{idea}") for idea in term.ideas]
        best = max(found)
        return best + self.tuning.syn_sum * (sum(found) - best)

    def _weight(self, term: Term) -> float:
        known = [self._idf[key] for key in term.keys if key in self._idf]
        return max(known) if known else self.tuning.unknown_weight * self._unknown_idf

    def _unit_match(self, doc: int, terms: Sequence[Term], weights: Sequence[float]) -> float:
        """The idf-weighted share of the question found in one sentence or list item of the
        section (its lead-in counts half): words asked together should be found together."""
        total = sum(weights)
        if not total:
            return 0.0
        best = 0.0
        for own, lead in self._units[doc]:
            found = 0.0
            for term, weight in zip(terms, weights, strict=True):
                keys = term.keys
                if any(key in own for key in keys):
                    found += weight
                elif any(key in lead for key in keys):
                    found += weight / 2
            best = max(best, found / total)
        return best

    def _hit(
        self,
        doc: int,
        score: float,
        terms: Sequence[Term],
        similarity: float | None,
        across: bool,
    ) -> Hit:
        """A hit, with the idf-weighted share of the question's words the section speaks about."""
        coverage, matched, matched_ideas, matched_stems = self._coverage(doc, terms)
        return Hit(
            self.sections[doc],
            score,
            coverage,
            matched,
            matched_ideas,
            off_topic=sum(term.off_topic for term in terms),
            social=sum(term.social for term in terms),
            matched_stems=matched_stems,
            similarity=similarity,
            similarity_model=self.model_name if similarity is not None else None,
            across=across,
        )

    def _coverage(self, doc: int, terms: Sequence[Term]) -> tuple[float, int, int, int]:
        """The idf-weighted share of the question's words the section holds, and how many it
        holds: in all, through an idea of the lexicon, as they are (their stem)."""
        total = covered = 0.0
        matched = matched_ideas = matched_stems = 0
        words = self._docs[doc]
        for term in terms:
            weight = self._weight(term)
            total += weight
            if _holds(words, term):
                covered += weight
                matched += 1
                matched_ideas += any(f"@{idea}" in words for idea in term.ideas)
                matched_stems += term.stem in words
        return (covered / total if total else 0.0), matched, matched_ideas, matched_stems

    def _about(
        self, ranked: Sequence[tuple[int, float]], terms: Sequence[Term]
    ) -> list[tuple[int, float]]:
        """The best `rerank_depth` reordered with the share of the question each holds: among
        overlapping passages close in score, the one that holds more of what is asked is the one
        about it, not the one that mentions a word of it often."""
        weight = self.tuning.coverage_weight
        if not weight or not ranked or not terms:
            return list(ranked)
        depth = self.tuning.rerank_depth
        best = ranked[0][1]
        head = [
            (doc, score + weight * best * self._coverage(doc, terms)[0])
            for doc, score in ranked[:depth]
        ]
        return sorted(head, key=lambda item: item[1], reverse=True) + list(ranked[depth:])

    def scores(self, terms: Sequence[Term]) -> list[float]:
        """The score of every section for the question's terms, in document order: BM25F, plus
        a bonus for the share of the question one of its sentences holds."""
        weights = [self._weight(term) for term in terms]
        scores = []
        for doc in range(len(self.sections)):
            score = sum(self._term_score(doc, term) for term in terms)
            if score > 0 and self.tuning.unit_weight:
                share = self._unit_match(doc, terms, weights)
                score += self.tuning.unit_weight * sum(weights) * share
            scores.append(score)
        return scores

    def search(self, question: str, limit: int = 3) -> list[Hit]:
        """The best `limit` sections for `question`, best first: with the multilingual model the
        closest by meaning even when no word matches, else none then."""
        terms = self.query_terms(question)
        if not self.sections or not (terms or question.strip()):
            return []
        scores = self.scores(terms) if terms else [0.0] * len(self.sections)
        ranked = sorted(range(len(scores)), key=lambda doc: scores[doc], reverse=True)
        ranked = [doc for doc in ranked if scores[doc] > 0]
        model = self._model(question)
        if model is not None and model.languages is None:
            # Every section, even one sharing no word with the question: the answer may say
            # it in other words, or in another language.
            similarities = self._similarities(model, question, range(len(self.sections)))
            fused = _fuse(scores, similarities, self.tuning)
        elif not ranked:
            return []
        else:
            depth = ranked[: max(limit, self.tuning.rerank_depth)]
            similarities = self._similarities(model, question, depth) if model else {}
            fused = _rerank(depth, scores, similarities, self.tuning.semantic_weight)
        chosen = self._diverse(self._about(fused, terms), limit)
        across = self.asked_across(question)
        hits = [
            self._hit(doc, score, terms, similarities.get(doc), across) for doc, score in chosen
        ]
        # Only where the verdict reads it: from the model its weights were fitted with.
        if model is not None and hits and hits[0].similarity_model == self.tuning.similarity_model:
            shared = self._shared_similarity(model, question, chosen[0][0], terms)
            hits[0] = replace(hits[0], shared_similarity=shared)
        return hits

    def _shared_similarity(
        self, model: Embedder, question: str, doc: int, terms: Sequence[Term]
    ) -> float | None:
        """The section's cosine with the question cut to the words it shares with it: when the
        words it lacks pull the question away from it, it does not say what is asked. None
        when it shares none (the small words left say nothing)."""
        words = self._docs[doc]
        lacking = {term.word for term in terms if not _holds(words, term)}
        if len(lacking) == len({term.word for term in terms}):
            return None
        cut = without(question, lacking) if lacking else ""
        return self._similarities(model, cut or question, [doc])[doc]

    def _diverse(self, ranked: Sequence[tuple[int, float]], limit: int) -> list[tuple[int, float]]:
        """The best `limit`, with at most MAX_SIBLINGS under the same parent heading: three
        neighbours of one chapter leave no room for the other chapter that may be the answer.
        The document's title above every section is no chapter."""
        chosen: list[tuple[int, float]] = []
        skipped: list[tuple[int, float]] = []
        parents: Counter[tuple[str, ...]] = Counter()
        for doc, score in ranked:
            parent = self.sections[doc].path
            title = parent == self._title[: len(parent)]
            if parent and not title and parents[parent] >= MAX_SIBLINGS:
                skipped.append((doc, score))
                continue
            parents[parent] += 1
            chosen.append((doc, score))
        return (chosen + skipped)[:limit]

    def _model(self, question: str = "") -> Embedder | None:
        """The embedding model, when it reads the document's language (and the question's)."""
        if not self._semantic:
            return None
        if self._embedder is None:
            self._embedder = default_embedder()
        model = self._embedder
        if model is None or model.languages is None:
            return model
        asked = detect_language(question, default=self.language) if question else self.language
        read = {self.language, self.reading, asked, reading_language(question, asked)}
        return model if read <= model.languages else None

    @property
    def model_name(self) -> str | None:
        """The name of the embedding model that reads this document, if any."""
        model = self._model()
        return model.name if model else None

    def prepare(self) -> None:
        """Load the embedding model and embed the sections now, not at the first question."""
        model = self._model()
        if model is not None:
            self._section_vectors(model)

    def _section_vectors(self, model: Embedder) -> list[Vectors]:
        """Each section's vectors: its heading, each sentence, then the whole section (one
        batch for the document). The list is set whole: a search on another thread never sees
        it half built."""
        if self._unit_vectors is None:
            texts = [
                text
                for section, unit_texts in zip(self.sections, self._unit_texts, strict=True)
                for text in (*unit_texts, section.text)
            ]
            vectors = embed_passages(model, texts)
            built = []
            start = 0
            for unit_texts in self._unit_texts:
                end = start + len(unit_texts) + 1
                built.append(vectors[start:end])
                start = end
            self._unit_vectors = built
        return self._unit_vectors

    def _question_vector(self, model: Embedder, question: str) -> Vectors:
        if question not in self._asked:
            if len(self._asked) >= QUESTIONS_KEPT:
                self._asked.clear()
            self._asked[question] = model.embed([question], query=True)[0]
        return self._asked[question]

    def _similarities(
        self, model: Embedder, question: str, ranked: Iterable[int]
    ) -> dict[int, float]:
        """Each ranked section's cosine with the question: the mean of its closest sentence's
        (or heading's) and the whole section's."""
        vectors = self._section_vectors(model)
        asked = self._question_vector(model, question)
        found = {}
        for doc in ranked:
            cosines = vectors[doc] @ asked
            found[doc] = (float(cosines[:-1].max()) + float(cosines[-1])) / 2
        return found


def _holds(words: Counter[str], term: Term) -> bool:
    """Whether a section's words hold the term: its stem or one of its ideas."""
    return term.stem in words or any(f"@{idea}" in words for idea in term.ideas)


def _title_path(sections: Sequence[Section]) -> tuple[str, ...]:
    """The headings above every section (the document's title, a subtitle), or none: the
    parent heading most sections share, when each other section is above it or under it."""
    parents = Counter(section.path for section in sections)
    if not parents:
        return ()
    title = parents.most_common(1)[0][0]
    for section in sections:
        own = (*section.path, section.title)
        if section.path[: len(title)] != title and own != title[: len(own)]:
            return ()
    return title


def _rerank(
    ranked: Sequence[int], scores: Sequence[float], similarities: dict[int, float], weight: float
) -> list[tuple[int, float]]:
    """The ranked sections reordered by BM25 and meaning together, each with its score.

    The score stays on BM25's scale: BM25 + weight * cosine * the best BM25.
    """
    if not similarities or not ranked:
        return [(doc, scores[doc]) for doc in ranked]
    best = scores[ranked[0]]
    combined = [(doc, scores[doc] + weight * best * similarities[doc]) for doc in ranked]
    return sorted(combined, key=lambda item: item[1], reverse=True)


def _fuse(
    scores: Sequence[float], similarities: dict[int, float], tuning: Tuning
) -> list[tuple[int, float]]:
    """Every section ranked by BM25 and the multilingual model's cosine together (an answer
    may say it in other words, or in another language). The score stays on BM25's scale:
    BM25 + model_weight * the best BM25 * the cosine min-max normalised over the document's
    sections, the spread taken as at least `model_spread` (cosines that hardly differ say
    little), the model weight gated by how flat BM25 is (the runner-up's share of the best).
    When no word matches, the best BM25 is taken as 1: the cosine alone ranks."""
    best = max(scores) or 1.0
    runner_up = sorted(scores)[-2] if len(scores) > 1 else best
    flat = runner_up / best if max(scores) > 0 else 1.0
    weight = tuning.model_weight * (tuning.model_gate + (1 - tuning.model_gate) * flat)
    low, high = min(similarities.values()), max(similarities.values())
    spread = max(high - low, tuning.model_spread, 1e-9)
    combined = [
        (doc, scores[doc] + weight * best * (similarity - low) / spread)
        for doc, similarity in similarities.items()
    ]
    return sorted(combined, key=lambda item: item[1], reverse=True)
