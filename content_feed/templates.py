"""Offline suggested posts: a frame around the item's title, and whole sentences of its
summary in quotation marks, never the article's words passed off as the sharer's own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from content_feed.text import collapse


@dataclass(frozen=True, slots=True)
class Frames:
    """The words around a title in one language."""

    leads: tuple[str, ...]  # "{title}" framed, for anyone's item
    ours: tuple[str, ...]  # for the company's own item: they say the sharer works there
    closers: tuple[str, ...]  # a last line of a longer post ("" for none)
    quotes: tuple[str, str] = ("\u201c", "\u201d")


# The languages the bot speaks. An item in any other language gets no frame: its title, and
# its summary in quotation marks.
FRAMES: dict[str, Frames] = {
    "en": Frames(
        leads=("Worth a read: {title}", "Sharing this one: {title}", "Good read: {title}",
               "{title}"),
        ours=("From my colleagues at {employer}: {title}", "{title} (I work at {employer}.)"),
        closers=("", "Curious to hear what you think."),
    ),
    "da": Frames(
        leads=("Værd at læse: {title}", "Deler lige denne: {title}", "{title}"),
        ours=("Fra mine kolleger hos {employer}: {title}", "{title} (jeg arbejder hos {employer})"),
        closers=("", "Hvad tænker I?"),
        quotes=("\u00bb", "\u00ab"),
    ),
    "de": Frames(
        leads=("Lesenswert: {title}", "Teile ich gern: {title}", "{title}"),
        ours=("{title} (ich arbeite bei {employer})",
              "Ich arbeite bei {employer} und teile gern: {title}"),
        closers=("", "Was meint ihr?"),
        quotes=("\u201e", "\u201c"),
    ),
    "sv": Frames(
        leads=("Värt att läsa: {title}", "Delar gärna: {title}", "{title}"),
        ours=("Från mina kollegor på {employer}: {title}", "{title} (jag arbetar på {employer})"),
        closers=("", "Vad tycker ni?"),
        quotes=("\u201d", "\u201d"),
    ),
    "nb": Frames(
        leads=("Verdt å lese: {title}", "Deler gjerne: {title}", "{title}"),
        ours=("Fra kollegene mine i {employer}: {title}", "{title} (jeg jobber i {employer})"),
        closers=("", "Hva tenker dere?"),
        quotes=("\u00ab", "\u00bb"),
    ),
    "nl": Frames(
        leads=("Het lezen waard: {title}", "Deel ik graag: {title}", "{title}"),
        ours=("{title} (ik werk bij {employer})", "Ik werk bij {employer} en deel graag: {title}"),
        closers=("", "Wat vinden jullie?"),
    ),
    "fr": Frames(
        leads=("À lire\u202f: {title}", "Je partage\u202f: {title}", "{title}"),
        ours=("{title} (je travaille chez {employer})",
              "Je travaille chez {employer} et je partage\u202f: {title}"),
        closers=("", "Qu\u2019en pensez-vous\u202f?"),
        quotes=("\u00ab\u202f", "\u202f\u00bb"),
    ),
    "es": Frames(
        leads=("Vale la pena leerlo: {title}", "Comparto esto: {title}", "{title}"),
        ours=("De mis colegas de {employer}: {title}",
              "{title} (trabajo con mis colegas de {employer})"),
        closers=("", "¿Qué opinan?"),
        quotes=("\u00ab", "\u00bb"),
    ),
}  # fmt: skip
UNFRAMED = Frames(leads=("{title}",), ours=("{title}",), closers=("",))
# A few of each language's most frequent words: enough to tell which one an item is in, and
# to tell Portuguese from Spanish, Italian from French, Slovak and Czech from all of them.
_COMMON = {
    "en": "the and of to is are with for this that on it you we our how what new from by has "
          "have was will an be at i my your not can about more all its it's just one after up "
          "out over like why",
    "da": "og af til det der er en et med på ikke som vi os har jeg den nyt nye fra om kan vil "
          "hos vores",
    "nb": "og av til det der er en et med på ikke som vi oss har jeg den nytt nye fra om kan vil "
          "hos vår våre vårt",
    "sv": "och att det som en ett är på för med av till inte vi har jag den nya nytt från om kan "
          "vår våra hos",
    "de": "der die das und ist nicht mit auf für ein eine wir den dem von zu im sich auch neue "
          "neues bei unser unsere",
    "nl": "de het een en van is niet met op voor wij we zijn ons onze naar bij nieuwe ook dat die",
    "fr": "le la les des et est un une du en pour dans sur avec pas nous notre nos au aux qui "
          "nouveau nouvelle",
    "es": "el la los las y es un una del en para por con no nuestro nuestra al que nuevo nueva se",
    "pt": "o os as e um uma do da dos das em para com não nosso nossa que no na ao é novo nova",
    "it": "il lo gli di e che per un una con non della del nel alla è nuovo nuova sono",
    "sk": "a v na sa je so že z do pre o by to ako aj sú bol",
    "cs": "a v na se je že z do pro o by to jako jsou byl",
}  # fmt: skip
_COMMON_WORDS = {code: frozenset(words.split()) for code, words in _COMMON.items()}
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
# Share of a text's words that must be its language's common words to tell the language.
TELLING_SHARE = 0.1
# The language of a Latin-script item whose words tell nothing else (press-release English).
DEFAULT = "en"


def item_language(text: str) -> str | None:
    """The language of `text` among those the bot speaks (`FRAMES`), or None for any other
    language (or when two others tell equally); English when its words tell no other."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(ord(c) > 0x24F for c in letters) > len(letters) // 4:
        return None  # mostly not Latin letters: Chinese, Japanese, Greek, Cyrillic…
    found = [word.replace("\u2019", "'") for word in _WORD.findall(text.casefold())]
    hits = {code: sum(word in common for word in found) for code, common in _COMMON_WORDS.items()}
    ranked = sorted(hits.items(), key=lambda pair: pair[1], reverse=True)
    (best, most), (_, second) = ranked[0], ranked[1]
    if hits.get(DEFAULT, 0) == most:
        return DEFAULT  # nothing tells, or English as much as any: the bot's own language
    if most == second or most < TELLING_SHARE * len(found):
        return None
    return best if best in FRAMES else None


def frames_for(title: str, summary: str) -> Frames:
    """The frames in the item's language, or `UNFRAMED` when the bot does not speak it."""
    language = item_language(f"{title} {summary}")
    return FRAMES[language] if language else UNFRAMED


# A sentence of a summary: up to its end mark and closing quotes or brackets. A summary's tail
# without one (a feed's own truncation, "…") is no sentence.
_SENTENCE = re.compile(r"\S.*?(?:[.!?]+[\"\u201d\u2019)\]]*(?=\s|$)|[\u3002\uff01\uff1f]+)", re.S)
_NOT_WORD = re.compile(r"[\W_]+")


def _same(one: str, other: str) -> bool:
    return _NOT_WORD.sub("", one.casefold()) == _NOT_WORD.sub("", other.casefold())


def sentences(summary: str, title: str, room: int) -> str:
    """The summary's first whole sentences within `room` characters, leaving out one that
    only repeats the title; "" when none fits."""
    kept: list[str] = []
    for match in _SENTENCE.finditer(collapse(summary)):
        sentence = match.group()
        if not kept and _same(sentence, title):
            continue
        if sentence.endswith(("...", "\u2026")) or len(" ".join([*kept, sentence])) > room:
            break
        kept.append(sentence)
    return " ".join(kept)


def quoted(text: str, frames: Frames) -> str:
    """`text` in the language's quotation marks ("" stays "")."""
    return f"{frames.quotes[0]}{text}{frames.quotes[1]}" if text else ""
