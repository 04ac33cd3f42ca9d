"""The offline answerer: quote the best section's most relevant sentences, or say "not covered"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from handlers.guidelines.language import detect_language
from handlers.guidelines.pieces import units
from handlers.guidelines.retrieval import Hit, Index, analyse
from handlers.guidelines.sections import Section

MAX_QUOTED = 3
EXCERPT_CHARS = 300
# Below this cosine, a section that shares a single word with the question is not about it.
# Chosen on the dev split: anything from 0.05 to 0.14 answers every dev question right.
MIN_SIMILARITY = 0.1

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "not_covered": (
            "Our guidelines don't cover this question. Ask the social media team: "
            "they can answer it, and may add it to the guidelines."
        ),
        "from": "From",
        "from_other": "From (quoted in the guidelines' own language)",
        "empty": "Ask me a question about our social media guidelines.",
    },
    "da": {
        "not_covered": (
            "Vores retningslinjer dækker ikke dette spørgsmål. Spørg social media-teamet: "
            "de kan svare, og måske tilføje det til retningslinjerne."
        ),
        "from": "Fra",
        "from_other": "Fra (citeret på retningslinjernes eget sprog)",
        "empty": "Stil mig et spørgsmål om vores retningslinjer for sociale medier.",
    },
    "de": {
        "not_covered": (
            "Unsere Richtlinien behandeln diese Frage nicht. Frag das Social-Media-Team: "
            "es kann sie beantworten und vielleicht in die Richtlinien aufnehmen."
        ),
        "from": "Aus",
        "from_other": "Aus (zitiert in der Sprache der Richtlinien)",
        "empty": "Stell mir eine Frage zu unseren Social-Media-Richtlinien.",
    },
    "sv": {
        "not_covered": (
            "Våra riktlinjer tar inte upp den här frågan. Fråga social media-teamet: "
            "de kan svara och kanske lägga till den i riktlinjerna."
        ),
        "from": "Från",
        "from_other": "Från (citerat på riktlinjernas eget språk)",
        "empty": "Ställ en fråga om våra riktlinjer för sociala medier.",
    },
    "nb": {
        "not_covered": (
            "Retningslinjene våre dekker ikke dette spørsmålet. Spør sosiale medier-teamet: "
            "de kan svare, og kanskje legge det til i retningslinjene."
        ),
        "from": "Fra",
        "from_other": "Fra (sitert på retningslinjenes eget språk)",
        "empty": "Still meg et spørsmål om retningslinjene våre for sosiale medier.",
    },
    "nl": {
        "not_covered": (
            "Onze richtlijnen behandelen deze vraag niet. Vraag het socialemediateam: "
            "zij kunnen hem beantwoorden en misschien aan de richtlijnen toevoegen."
        ),
        "from": "Uit",
        "from_other": "Uit (geciteerd in de taal van de richtlijnen)",
        "empty": "Stel me een vraag over onze richtlijnen voor sociale media.",
    },
    "fr": {
        "not_covered": (
            "Nos règles ne traitent pas cette question. Demandez à l'équipe réseaux sociaux : "
            "elle peut y répondre, et peut-être l'ajouter aux règles."
        ),
        "from": "Extrait de",
        "from_other": "Extrait de (cité dans la langue des règles)",
        "empty": "Posez-moi une question sur nos règles d'usage des réseaux sociaux.",
    },
    "es": {
        "not_covered": (
            "Nuestras pautas no tratan esta pregunta. Pregunta al equipo de redes sociales: "
            "pueden responderla y quizá añadirla a las pautas."
        ),
        "from": "De",
        "from_other": "De (citado en el idioma de las pautas)",
        "empty": "Hazme una pregunta sobre nuestras pautas de redes sociales.",
    },
}


def text_for(key: str, language: str) -> str:
    """A fixed sentence of the bot in `language` (English when it has no translation)."""
    return TEXTS.get(language, TEXTS["en"])[key]


@dataclass(frozen=True)
class Source:
    """A cited section: its heading text, retrieval score and the quoted excerpt."""

    section: str
    score: float
    excerpt: str
    key: str = ""


@dataclass(frozen=True)
class Answer:
    """An answer as plain data: what `socialbot ask --json` prints and the views draw."""

    question: str
    answer: str
    sources: tuple[Source, ...] = field(default=())
    confident: bool = False
    language: str = "en"
    by_model: bool = False

    def as_json(self) -> dict[str, Any]:
        """The contract's JSON object: question, answer, sources and confident."""
        return {
            "question": self.question,
            "answer": self.answer,
            "sources": [
                {"section": s.section, "score": round(s.score, 3), "excerpt": s.excerpt}
                for s in self.sources
            ],
            "confident": self.confident,
        }


def is_confident(hits: Sequence[Hit]) -> bool:
    """Whether the best section speaks about the question: two of its words, or one idea.

    Chosen on the evaluation set (bench/qa_eval.py): a question the guidelines do not cover
    shares at most one plain word with the best section ("office", "open"), while covered ones,
    also when asked in another language, share two words or one of the lexicon's ideas. A
    question needs two shared words when it is about another workplace topic (expenses, leave,
    IT), when none of its words speaks of social media or the guidelines ("Who is the CEO?"),
    and when its meaning is far from every sentence of the section (if the embedding model read
    both: "When is the Christmas party?" shares only "party" with a rule about photos).
    """
    if not hits:
        return False
    best = hits[0]
    if best.matched < 2:
        if best.off_topic or not best.social:
            return False
        if best.similarity is not None and best.similarity < MIN_SIMILARITY:
            return False
    return best.matched >= 2 or best.matched_ideas >= 1


def quote(
    section: Section, question: str, language: str, limit: int = MAX_QUOTED
) -> list[tuple[str, str]]:
    """The pieces of `section` that share most with `question`, in the section's order."""
    asked = detect_language(question, default=language)
    keys = {key for term in analyse(question, asked) for key in term.keys}
    if asked != language:
        keys |= {key for term in analyse(question, language) for key in term.keys}
    pieces = units(section.body)
    scored = []
    for position, (lead_in, text) in enumerate(pieces):
        own = {key for term in analyse(text, language) for key in term.keys}
        lead = {key for term in analyse(lead_in, language) for key in term.keys}
        overlap = len(keys & own) + 0.5 * len(keys & (lead - own))
        if overlap:
            scored.append((overlap, -position))
    best = sorted(scored, reverse=True)[:limit]
    if not best:
        return pieces[:1]
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


def offline_answer(index: Index, question: str) -> Answer:
    """Answer from the guidelines alone: quoted sentences of the best section, cited."""
    question = " ".join(question.split())
    language = detect_language(question, default=index.language)
    if not question:
        return Answer(question, text_for("empty", language), language=language)
    hits = index.search(question, limit=3)
    confident = is_confident(hits)
    if not confident:
        sources = tuple(_source(hit, "") for hit in hits)
        return Answer(question, text_for("not_covered", language), sources, False, language)
    best = hits[0]
    quoted = render_quote(quote(best.section, question, index.language))
    text = "\n".join(f"> {line}" for line in quoted)
    label = text_for("from" if language == index.language else "from_other", language)
    text += f"\n{label} _{best.section.title}_"
    sources = (_source(best, " ".join(quoted)), *(_source(hit, "") for hit in hits[1:]))
    return Answer(question, text, sources, True, language)


def _source(hit: Hit, excerpt: str) -> Source:
    if not excerpt:
        excerpt = " ".join(render_quote(units(hit.section.body)[:2]))
    if len(excerpt) > EXCERPT_CHARS:
        excerpt = excerpt[: EXCERPT_CHARS - 1].rstrip() + "…"
    return Source(hit.section.title, hit.score, excerpt, hit.section.key)
