"""Language detection and language-aware tokens: stop words and Snowball stems."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

import snowballstemmer  # type: ignore[import-untyped]

_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


_ENGLISH_STOP = """
        a about above after again against all am an and any are aren't as at be because been
        before being below between both but by can can't cannot could couldn't did didn't do does
        doesn't doing don't down during each few for from further had hadn't has hasn't have
        haven't having he he'd he'll he's her here here's hers herself him himself his how how's
        i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
        myself no nor not of off on once only or other ought our ours ourselves out over own same
        shan't she she'd she'll she's should shouldn't so some such than that that's the their
        theirs them themselves then there there's these they they'd they'll they're they've this
        those through to too under until up very was wasn't we we'd we'll we're we've were weren't
        what what's when when's where where's which while who who's whom why why's with won't
        would wouldn't you you'd you'll you're you've your yours yourself yourselves
        may might must shall will also just ok okay fine allowed allow alright really actually
        get got go going want wanna gonna like anything something someone somebody thing things
        hey hi hello please thanks thank bot need know tell let lets yes yeah im ive dont whats
        etc e g ie eg
"""
_ENGLISH_MARKERS = "the and is are of to what can should my with this that it you how"
_DANISH_STOP = """
        ad af aldrig alle alt anden andet andre at bare begge blev blive bliver da de dem den
        denne der deres det dette dig din dine disse dit dog du efter eller en end er et far fik
        fire for fordi fra få får gik gjorde gør gøre god har havde have hende hendes her hos hun
        hvad hvem hver hvilken hvis hvor hvordan hvorfor hvornår i igen ikke ind jeg jer jo kan
        kom kommer kun kunne lad lidt lige man mange med meget men mens mere mig min mine mit mod
        må måtte ned noget nogen nogle nu når og også om op os over på sig sin sine sit skal skulle
        som sådan så thi til ud under var vi vil ville vor vores være været okay ok lov hej tak
        nej ja bare egentlig altså fint helt gerne godt jo vel mon"""
_DANISH_MARKERS = "og er det jeg ikke at en på til som med har må vores hvad kan skal"


@dataclass(frozen=True)
class Language:
    """A language the bot reads: its code, stemmer and stop words."""

    code: str
    stemmer: str
    stop_words: frozenset[str]
    markers: frozenset[str]


ENGLISH = Language(
    "en",
    "english",
    frozenset(_ENGLISH_STOP.split()),
    frozenset(_ENGLISH_MARKERS.split()),
)

DANISH = Language(
    "da",
    "danish",
    frozenset(_DANISH_STOP.split()),
    frozenset(_DANISH_MARKERS.split()),
)

LANGUAGES: dict[str, Language] = {language.code: language for language in (ENGLISH, DANISH)}
DEFAULT_LANGUAGE = ENGLISH


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, apostrophes kept inside words."""
    return [word.replace("\u2019", "'") for word in _WORD.findall(text.lower())]


def detect_language(text: str, default: str = DEFAULT_LANGUAGE.code) -> str:
    """The code of the language `text` is most likely written in (by stop words and letters)."""
    found = words(text)
    if not found:
        return default
    scores: dict[str, float] = {}
    for code, language in LANGUAGES.items():
        score = sum(1.0 for word in found if word in language.stop_words)
        score += sum(1.0 for word in found if word in language.markers)
        scores[code] = score
    if any(letter in text.lower() for letter in "æøå"):
        scores["da"] = scores.get("da", 0.0) + 2.0
    best = max(scores, key=lambda code: scores[code])
    if scores[best] == 0:
        return default
    return best


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


@cache
def _stemmer(name: str) -> _Stemmer:
    stemmer: _Stemmer = snowballstemmer.stemmer(name)
    return stemmer


def language(code: str) -> Language:
    """The `Language` for `code`, or the default when the bot does not read that language."""
    return LANGUAGES.get(code, DEFAULT_LANGUAGE)


def stem(word: str, code: str) -> str:
    """The Snowball stem of one lower-case word in the language `code`."""
    return _stemmer(language(code).stemmer).stemWord(word)


def content_words(text: str, code: str) -> list[str]:
    """The words of `text` that carry meaning: stop words and one-letter words removed."""
    stops = language(code).stop_words
    return [word for word in words(text) if word not in stops and len(word) > 1]


def stems(text: str, code: str) -> list[str]:
    """The stems of the content words of `text`."""
    return [stem(word, code) for word in content_words(text, code)]
