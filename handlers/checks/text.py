"""Finding things in a draft: links, hosts, names and phrases, with where they are."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from content_feed.text import UNSPACED, WORD
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


# The letters of the scripts written with spaces whose words take another script's name glued
# to them (Hebrew "הPolaris", Arabic "al-Polaris", a Cyrillic ending): a word is its own
# script's letters.
_ACCENTS = "\u0300-\u036f"  # combining accents, as NFD text writes them
_LATIN = (
    "A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u1e00-\u1eff"
    f"\u2c60-\u2c7f\ua720-\ua7ff{_ACCENTS}"
)
_CYRILLIC = f"\u0400-\u0482\u048a-\u052f\u1c80-\u1c8f\ua640-\ua66e{_ACCENTS}"
_HEBREW = "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u05d0-\u05ea\u05ef-\u05f2\ufb1d-\ufb4f"
_ARABIC = (
    "\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06d5-\u06ff\u0750-\u077f\u08a0-\u08ff"
    "\ufb50-\ufd3d\ufd50-\ufdff\ufe70-\ufeff"
)
_GREEK = f"\u0370-\u0373\u0376-\u037d\u037f-\u0386\u0388-\u03ff\u1f00-\u1fff{_ACCENTS}"
_SCRIPTS = (_LATIN, _CYRILLIC, _HEBREW, _ARABIC, _GREEK)
# Hebrew points and Arabic vowel marks, optional in writing, and the Arabic tatweel that only
# stretches a word ("بولاريـــس"): never part of how a name is spelt.
_POINTS = (
    "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
)
_POINTED = f"[{_POINTS}]*"
# The one-letter words Hebrew and Arabic write glued to the next one: and, the, in, to, from,
# that, as (vav, he, bet, lamed, mem, shin, kaf); and, so, with, for, as, the (wa, fa, bi, li,
# ka, al-; lil- for "for the").
_GLUED_BEFORE = {
    _HEBREW: f"(?:[והבלמשכ]{_POINTED}){{0,3}}",
    _ARABIC: f"(?:[وف]{_POINTED})?(?:[بكل]{_POINTED})?(?:ا{_POINTED}ل{_POINTED}|ل{_POINTED})?",  # noqa: RUF001
}
# Case endings of the languages that decline a name (Polish, Czech, Slovak, Finnish, Estonian,
# Hungarian, Turkish, the Baltic and Scandinavian ones: "Polarisem", "Polarisissa", "Polarisen",
# "Polaris'in"), Russian's and Ukrainian's, and Arabic's attached pronouns ("بولاريسنا"). Not
# the Scandinavian definite article (-en, -et, -ne): names never take it, everyday words do
# ("Tidevandet" is the tide, not Project Tidevand).
_ENDINGS = {
    _LATIN: listed(
        "a|u|e|i|y|o|ą|ę|ě|ů|\u0131|ü|n|t|s|em|om|ie|ou|ov|ów|ům|ám|ách|ech|ach|ami|ovi|owi|owie"
        "|ové|in|iin|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|na|nä|ksi|ia|iä|issa|issä|ista|istä|illa"
        "|illä|ilta|iltä|ille|iksi|ina|inä|ineen|ga|ks|le|st|sse|ot|nak|nek|ban|ben|ba|be|ra|re"
        "|ról|ről|on|ön|hoz|hez|tól|től|val|vel|ért|\u0131n|un|ün|da|de|ta|te|den|dan|ten|tan"
        "|la|as|ui"
    ),
    _CYRILLIC: listed("а|у|е|ы|и|ом|ой|ою|ов|ам|ами|ах|ем|ю|я|і|ові|ів"),  # noqa: RUF001
    _ARABIC: listed("ه|ها|هم|هما|هن|ك|كم|كما|كن|ي|نا"),  # noqa: RUF001
}
# A feminine name in -a changes it ("Nordstjerna": "Nordstjerny", "Nordstjerną").
_FOR_FINAL_A = "y|ie|ę|ą|o|ou|ě|ami|ach|om"
_DECLINED = 4  # letters a name's last word needs to take a case ending ("Nord": "Norden" is a word)
_COMPOUNDED = 5  # letters it needs to start a compound ("Polarisprojektet") or lose a final -a
_COMPOUND_TAIL = 6  # letters the rest of a compound has at least ("Polarisation" is one word)


def _script(char: str) -> str | None:
    """The letters of `char`'s script as a character class's content ("" for a script not
    listed, or no letter), or None when that script is written without spaces (a name in it is
    whole anywhere)."""
    if re.match(f"[{UNSPACED}]", char):
        return None
    return next((s for s in _SCRIPTS if re.match(f"[{s}]", char)), "")


def _word(letters: str) -> str:
    """A character of a word written in the script of `letters` (any word's, for "")."""
    return rf"[{letters}\d_]" if letters else WORD


def _spelt(word: str) -> str:
    """`word` as a pattern that matches it in NFC or NFD text (composed "ã" or "a" + tilde), case
    folded ("ß" as "ss") and with or without Hebrew points, Arabic vowel marks and tatweel."""
    parts = []
    for char in re.sub(f"[{_POINTS}]", "", unicodedata.normalize("NFKC", word)):
        forms = [char, unicodedata.normalize("NFD", char), char.casefold()]
        if len(forms[2]) == 1:  # the case is ignored anyway, unless it folds to more ("ss")
            del forms[2]
        unique = dict.fromkeys(forms)
        spelt = "|".join(map(re.escape, unique))
        parts.append(f"(?:{spelt})" if len(unique) > 1 else spelt)
        parts.append(_POINTED if re.match(f"[{_HEBREW}{_ARABIC}]", char) else "")
    return "".join(parts)


def _name(name: str, declined: bool, cased: bool) -> str:
    """One name of `name_pattern`: the name, what may be glued before and after it, and where
    its word ends."""
    words = [unicodedata.normalize("NFKC", word) for word in name.split()]
    body = r"\s+".join(map(_spelt, words))
    first, last = _script(name[0]), words[-1]
    before = "" if first is None else rf"(?<!{_word(first)}){_GLUED_BEFORE.get(first, '')}"
    letters = _script(last[-1])
    if letters is None:
        return before + body
    whole = rf"(?!{_word(letters)})"
    genitive = r"['\u2019]s|['\u2019]|s" if letters == _LATIN else ""
    if not declined or letters not in _ENDINGS or len(last) < _DECLINED:
        return before + body + (f"(?:{genitive})?" if genitive else "") + whole
    # Latin letters take a case ending only in a language that declines names (Polish,
    # Finnish…): "Vegan" is not "Vega" declined in an English draft.
    cased = cased or letters != _LATIN
    endings = "|".join(sorted(_ENDINGS[letters], key=len, reverse=True))
    forms = [rf"['\u2019:]?(?:{endings})", "['\u2019]"] if cased else [genitive]
    if len(last) >= _COMPOUNDED:
        forms.append(f"[{letters}]{{{_COMPOUND_TAIL},}}")
    ending = f"(?:{'|'.join(forms)})?"
    if cased and letters == _LATIN and last[-1] in "aA" and len(last) > _COMPOUNDED:
        stem = r"\s+".join(map(_spelt, [*words[:-1], last[:-1]]))
        return f"{before}(?:{body}{ending}|{stem}(?:{_FOR_FINAL_A})){whole}"
    return before + body + ending + whole


def name_pattern(
    names: Iterable[str], declined: bool = False, cased: bool = True
) -> re.Pattern[str]:
    """Names as whole words, allowing a possessive or genitive ending ("Nordlys'", "Polaris's"),
    and handles and hashtags that start with one, its words joined ("@vindelsystems"); a name
    is whole next to another script's letters ("来週Polarisを", "הPolaris"), after the words
    Hebrew and Arabic glue to the next ("ופולריס", "البولاريس"), and one in Japanese or Chinese
    anywhere. A `declined` name may also take a case ending ("Polarisem", "Nordstjerny") or
    start a compound ("Polarisprojektet"); in Latin letters a case ending only when `cased`
    (the text is in a language that declines names). Accents match composed or not, Hebrew and
    Arabic vowel marks and tatweel written or not. A name given as its hashtag ("#PolarisLaunch")
    is found with or without the `#`."""
    bare = (" ".join(name.strip().removeprefix("#").split()) for name in names)
    parts = sorted({name for name in bare if name}, key=len, reverse=True)
    alternatives = "|".join(_name(part, declined, cased) for part in parts)
    joined = "|".join(_spelt("".join(part.split())) for part in parts)
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
