"""Finding things in a draft: links, hosts, names and phrases, with where they are."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from handlers.checks.concerns import Span

# A link as people type it: with a scheme, or a bare host with a dot and a path or a known TLD.
# Labels and local parts are bounded as in DNS and SMTP (63, 64), hosts to 8 labels: unbounded,
# one long token ("aaa…", "a.a.a…") backtracks from each of its characters for seconds.
URL = re.compile(
    r"\bhttps?://[^\s<>\"'()\[\]]+|\b(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}(?:/[^\s<>\"']*)?", re.I
)
EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_TRAILING = ".,;:!?)\u2026"
# A sentence ends at . ! or ? before a space or the end (not inside a link or "1.4bn"), or a line.
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?]+(?=\s|$)|(?=\n)|$)")


def links(draft: str) -> Iterator[tuple[Span, str]]:
    """Each link or bare host in `draft`, with its host (lower-case); e-mail domains are not."""
    emails = [match.span() for match in EMAIL.finditer(draft)]
    for match in URL.finditer(draft):
        if any(start <= match.start() < end for start, end in emails):
            continue
        text = match.group(0).rstrip(_TRAILING)
        address = text if "://" in text else f"https://{text}"
        try:
            host = (urlsplit(address).hostname or "").lower()
        except ValueError:
            continue
        if host:
            yield Span.of(draft, match.start(), match.start() + len(text)), host


def without_links(draft: str) -> str:
    """`draft` with its links and e-mail addresses blanked out, same length (offsets hold)."""
    blank = EMAIL.sub(lambda m: " " * len(m.group(0)), draft)
    return URL.sub(lambda m: " " * len(m.group(0)), blank)


def listed(listing: str, separator: str = "|") -> list[str]:
    """The entries of a listing written across lines, `a|b c|d` → ["a", "b c", "d"]."""
    return [" ".join(part.split()) for part in listing.split(separator) if part.strip()]


def phrase_pattern(phrases: Iterable[str] | str) -> re.Pattern[str]:
    """A case-insensitive pattern for whole words or phrases (spaces match any whitespace); a
    string is a listing separated by `|`."""
    if isinstance(phrases, str):
        phrases = listed(phrases)
    parts = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(_escaped, part.split())) for part in parts)
    return re.compile(rf"(?<![\w@#])(?:{alternatives or '(?!)'})(?!\w)", re.IGNORECASE)


def _escaped(word: str) -> str:
    """`word` as a pattern; an apostrophe matches the typographic one too (U+2019, as in French)."""
    return re.escape(word).replace("'", "['\u2019]")


# Scripts written without spaces between words (kana, kanji and hanzi, Hangul with its particles,
# Thai, Lao, Khmer, Myanmar): a Latin name is glued to them ("来週Polarisを発売"), so a letter of
# theirs is no part of the name's word.
_UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
)
WORD = rf"[^\W{_UNSPACED}]"  # a letter, digit or _ of a script that puts spaces between words


def name_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """Names as whole words, allowing a possessive or genitive ending ("Nordlys'", "Polaris's"),
    and handles and hashtags that start with one, its words joined ("@vindelsystems"); a name
    is whole next to Japanese or Chinese ("来週Polarisを"), and one in those scripts anywhere."""
    parts = sorted({" ".join(n.split()) for n in names if n.strip()}, key=len, reverse=True)
    alternatives = "|".join(
        (rf"(?<!{WORD})" if re.match(WORD, part[0]) else "")
        + r"\s+".join(map(re.escape, part.split()))
        + (rf"(?:['\u2019]s|['\u2019]|s)?(?!{WORD})" if re.match(WORD, part[-1]) else "")
        for part in parts
    )
    joined = "|".join(re.escape("".join(part.split())) for part in parts)
    return re.compile(
        rf"(?:{alternatives or '(?!)'})|(?<=[@#])(?:{joined or '(?!)'})\w*", re.IGNORECASE
    )


_WIDE = re.compile("[\u3000\uff01-\uff5e]")


def narrowed(draft: str) -> str:
    """`draft` with full-width letters, digits and signs (as Japanese input methods type them,
    U+FF21…) and the ideographic space as ASCII (NFKC), same length."""
    return _WIDE.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), draft)


def sentences_of(draft: str) -> Iterator[Span]:
    """The sentences (or lines) of `draft`, without their leading spaces."""
    for match in _SENTENCE.finditer(draft):
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        yield Span.of(draft, start, match.end())


def sentence_at(draft: str, position: int) -> Span:
    """The sentence (or line) of `draft` around `position`."""
    for span in sentences_of(draft):
        if span.start <= position < span.end:
            return span
    return Span.of(draft, 0, len(draft))
