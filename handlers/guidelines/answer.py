"""The offline answerer: quote the best section's most relevant sentences, or say "not covered"."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from handlers.guidelines.language import reading_language_near, reply_language
from handlers.guidelines.pieces import units
from handlers.guidelines.retrieval import Hit, Index, analyse
from handlers.guidelines.sections import Section
from handlers.guidelines.tuning import DEFAULT_TUNING, Tuning
from handlers.texts import text_for

MAX_QUOTED = 3
EXCERPT_CHARS = 300
# What is read of a question: a pasted article is answered from its start (the embedding model
# reads less still, see QUERY_TOKENS), and a model's prompt stays bounded.
QUESTION_CHARS = 3_000

Verdict = Literal["answer", "unsure", "not_covered"]


@dataclass(frozen=True)
class Source:
    """A cited passage: its heading text, retrieval score, the quoted excerpt and its key."""

    section: str
    score: float
    excerpt: str
    key: str = ""
    text: str = ""


@dataclass(frozen=True)
class Answer:
    """An answer as plain data: what `socialbot ask --json` prints and the views draw.

    The verdict is "answer" (the first source answers it), "unsure" (the sources look closest;
    the social media team may know better) or "not_covered" (clearly off-topic).
    """

    question: str
    answer: str
    sources: tuple[Source, ...] = field(default=())
    verdict: Verdict = "not_covered"
    language: str = "en"
    by_model: bool = False

    @property
    def confident(self) -> bool:
        """Whether the answer stands on its own (the verdict is "answer")."""
        return self.verdict == "answer"

    def as_json(self) -> dict[str, Any]:
        """The contract's JSON object: question, answer, sources, confident and verdict."""
        return {
            "question": self.question,
            "answer": self.answer,
            "sources": [
                {
                    "section": s.section,
                    "score": round(s.score, 3),
                    "excerpt": s.excerpt,
                    "key": s.key,
                    "text": s.text,
                }
                for s in self.sources
            ],
            "confident": self.confident,
            "verdict": self.verdict,
        }


def _cosine(hit: Hit, tuning: Tuning) -> float | None:
    """The hit's cosine when the verdict's weights were fitted on its model's, else None."""
    if hit.similarity is None or hit.similarity_model != tuning.similarity_model:
        return None
    return hit.similarity


def verdict_features(hits: Sequence[Hit], tuning: Tuning = DEFAULT_TUNING) -> tuple[float, ...]:
    """What the verdict weighs, each on a scale that holds across documents: the idf-weighted
    share of the question the best passage covers, how many of its words it shares (up to
    three), its lead over the runner-up (log, capped), the embedding cosine's distance from
    its usual value, and how much closer the passage is to the whole question than to the
    question cut to the words it shares (negative when the words it lacks are about something
    else); the last two 0 when another model, or none, gave the cosine. A question about
    another workplace topic is no feature: the verdict's rules refuse it."""
    best = hits[0]
    runner_up = hits[1].score if len(hits) > 1 else 0.0
    lead = best.score / runner_up if runner_up > 0 else math.e
    cosine = _cosine(best, tuning)
    shared = best.shared_similarity
    return (
        best.coverage,
        min(best.matched, 3) / 3,
        min(math.log(max(lead, 1.0)), 1.0),
        0.0 if cosine is None else cosine - tuning.similarity_center,
        0.0 if cosine is None or shared is None else cosine - shared,
    )


def judged_across(hit: Hit, tuning: Tuning = DEFAULT_TUNING) -> bool:
    """Whether the verdict judges the hit as one for a question in another language than the
    policy: asked so, sharing at most one word with the passage (a question that shares more,
    through names or the lexicon's ideas, is judged as any), and its cosine read (without it,
    the shared words are all there is)."""
    return hit.across and hit.matched < 2 and _cosine(hit, tuning) is not None


def answer_probability(
    hits: Sequence[Hit], tuning: Tuning = DEFAULT_TUNING, more: Sequence[float] = ()
) -> float:
    """How likely the best passage answers the question, by the verdict's logistic model (its
    weights without the cosine when the model it was fitted with gave none, its own weights for
    a question in another language than the policy). `more`: figures weighed after those of
    verdict_features, by weights fitted with them (a candidate figure the bench measures)."""
    if not hits:
        return 0.0
    if judged_across(hits[0], tuning):
        weights_of = tuning.verdict_weights_across
    elif _cosine(hits[0], tuning) is not None:
        weights_of = tuning.verdict_weights
    else:
        weights_of = tuning.verdict_weights_plain
    bias, *weights = weights_of
    features = (*verdict_features(hits, tuning), *more)
    z = bias + sum(w * f for w, f in zip(weights, features, strict=True))
    return 1 / (1 + math.exp(-z))


def verdict(
    hits: Sequence[Hit], tuning: Tuning = DEFAULT_TUNING, more: Sequence[float] = ()
) -> Verdict:
    """How sure the best passage answers the question: "answer", "unsure" or "not_covered".

    Refused ("not_covered") only when the question is clearly elsewhere: nothing matches, or
    the best passage shares a single word with it while the question is about another
    workplace topic (expenses, leave, IT), or speaks of neither social media nor the
    guidelines' concerns and either shares that word only through an idea of the lexicon
    ("When is the Christmas party?" and "events") or covers little of it, or means something
    far from every sentence of the passage, or the logistic model finds it unlikely. A
    confident answer is one the model finds likely enough; anything between is "unsure". A
    question in another language than the policy, sharing at most one word with the passage,
    is judged by weights and thresholds of its own, and refused only when about another
    workplace topic or unlikely by them: no rule on shared words holds across languages.
    `more` as for answer_probability.
    """
    if not hits:
        return "not_covered"
    best = hits[0]
    probability = answer_probability(hits, tuning, more)
    if judged_across(best, tuning):
        if best.off_topic or probability < tuning.refuse_probability_across:
            return "not_covered"
        return "answer" if probability >= tuning.answer_probability_across else "unsure"
    if best.matched < 2:
        if best.off_topic or not (best.social or best.matched_stems):
            return "not_covered"
        if best.similarity is not None and best.similarity < tuning.min_similarity:
            return "not_covered"
        if best.matched_ideas < 1 and best.coverage < tuning.refuse_coverage and not best.social:
            return "not_covered"
        if probability < tuning.refuse_probability:
            return "not_covered"
    return "answer" if probability >= tuning.answer_probability else "unsure"


def quote(
    section: Section, question: str, language: str, limit: int = MAX_QUOTED
) -> list[tuple[str, str]]:
    """The pieces of `section` that share most with `question` (at least half as much as the
    best one), in the section's order."""
    asked = reading_language_near(question, language)
    # Each word of the question once, by any of its keys (its stem, or an idea it stands for).
    words = [frozenset(term.keys) for term in analyse(question, asked)]
    if asked != language:
        words += [frozenset(term.keys) for term in analyse(question, language)]
    pieces = units(section.body)
    scored = []
    for position, (lead_in, text) in enumerate(pieces):
        own = {key for term in analyse(text, language) for key in term.keys}
        lead = {key for term in analyse(lead_in, language) for key in term.keys}
        overlap = sum(1.0 if word & own else 0.5 if word & lead else 0.0 for word in words)
        if overlap:
            scored.append((overlap, -position))
    best = sorted(scored, reverse=True)[:limit]
    if not best:
        return pieces[:1]
    # A piece sharing a word or two, beside one that holds most of the question, is no answer
    # to it ("post" beside the sentence on photos from the office party).
    best = [item for item in best if item[0] * 2 >= best[0][0]]
    return [pieces[-position] for _, position in sorted(best, key=lambda item: -item[1])]


def render_quote(pieces: list[tuple[str, str]]) -> list[str]:
    """Quoted lines: each list's lead-in once, then its items."""
    lines: list[str] = []
    current = None
    for lead_in, text in pieces:
        if lead_in and lead_in != current:
            lines.append(lead_in)
        current = lead_in
        lines.append(f"- {text}" if lead_in else text)
    return lines


def offline_answer(index: Index, question: str, asker: str | None = None) -> Answer:
    """Answer from the guidelines alone: quoted sentences of the best passage, cited; when
    unsure, the closest three passages; when clearly off-topic, "not covered". In the
    question's language; `asker`'s (their client's) when that cannot be told or ties with a
    close one (Norwegian or Danish), else the guidelines'."""
    question = " ".join(question.split())[:QUESTION_CHARS]
    language = reply_language(question, default=asker or index.spoken, near=index.spoken)
    if not question:
        return Answer(question, text_for("empty", language), language=language)
    hits = index.search(question, limit=3)
    found = verdict(hits, index.tuning)
    if found == "not_covered":
        sources = tuple(_source(hit, "") for hit in hits)
        return Answer(question, text_for("not_covered", language), sources, found, language)
    if found == "unsure":
        sources = tuple(_source(hit, "") for hit in hits)
        lines = [text_for("unsure", language)]
        lines += [
            f"• _{hit.section.breadcrumb}_: {source.excerpt}"
            for hit, source in zip(hits, sources, strict=True)
        ]
        return Answer(question, "\n".join(lines), sources, found, language)
    best = hits[0]
    quoted = render_quote(quote(best.section, question, index.reading))
    text = "\n".join(f"> {line}" for line in quoted)
    label = text_for("from" if language == index.reading else "from_other", language)
    text += f"\n{label} _{best.section.breadcrumb}_"
    sources = (_source(best, " ".join(quoted)), *(_source(hit, "") for hit in hits[1:]))
    return Answer(question, text, sources, found, language)


def excerpt(section: Section, quoted: str = "") -> str:
    """What a citation shows of a passage: the quoted sentences, or its first two pieces."""
    shown = quoted or " ".join(render_quote(units(section.body)[:2]))
    if len(shown) > EXCERPT_CHARS:
        shown = shown[: EXCERPT_CHARS - 1].rstrip() + "…"
    return shown


def _source(hit: Hit, quoted: str) -> Source:
    shown = excerpt(hit.section, quoted)
    return Source(hit.section.title, hit.score, shown, hit.section.key, hit.section.text)
