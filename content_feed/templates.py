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
# its summary in quotation marks (`UNSPOKEN`).
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
# Languages the bot reads or knows the script of but does not speak: no frame around an item's
# title, but the company's own item says the sharer works there, in the item's language.
_DISCLOSURES = {
    "pt": ("{title} (eu trabalho na {employer})", ("\u201c", "\u201d")),
    "it": ("{title} (lavoro presso {employer})", ("\u00ab", "\u00bb")),
    "ca": ("{title} (treballo a {employer})", ("\u00ab", "\u00bb")),
    "pl": ("{title} (pracuję w firmie {employer})", ("\u201e", "\u201d")),
    "cs": ("{title} (pracuji ve společnosti {employer})", ("\u201e", "\u201c")),
    "sk": ("{title} (pracujem v spoločnosti {employer})", ("\u201e", "\u201c")),
    "ro": ("{title} (lucrez la {employer})", ("\u201e", "\u201d")),
    "hu": ("{title} (a(z) {employer} munkatársa vagyok)", ("\u201e", "\u201d")),
    "fi": ("{title} (olen töissä {employer}-yhtiössä)", ("\u201d", "\u201d")),
    "id": ("{title} (saya bekerja di {employer})", ("\u201c", "\u201d")),
    "tr": ("{title} ({employer} \u00e7al\u0131\u015fan\u0131y\u0131m)", ("\u201c", "\u201d")),
    "ru": ("{title} (я работаю в компании {employer})", ("\u00ab", "\u00bb")),
    "uk": ("{title} (я працюю в компанії {employer})", ("\u00ab", "\u00bb")),
    "bg": ("{title} (работя в {employer})", ("\u201e", "\u201c")),
    "el": ("{title} (εργάζομαι στην εταιρεία {employer})", ("\u00ab", "\u00bb")),
    "ja": ("{title}\uff08私は{employer}の社員です\uff09", ("\u300c", "\u300d")),
    "zh": ("{title}\uff08我在{employer}工作\uff09", ("\u201c", "\u201d")),
    "ko": ("{title} (저는 {employer}에서 일하고 있습니다)", ("\u201c", "\u201d")),
    "he": ("{title} (אני עובד/ת ב-{employer})", ("\u201c", "\u201d")),
    "ar": ("{title} (أعمل في {employer})", ("\u00ab", "\u00bb")),
}
UNSPOKEN = {
    code: Frames(leads=("{title}",), ours=(ours,), closers=("",), quotes=quotes)
    for code, (ours, quotes) in _DISCLOSURES.items()
}
# An item whose language nothing tells: its title, and on the company's own item the hashtag
# the bot's own check takes as saying the sharer works there.
UNFRAMED = Frames(leads=("{title}",), ours=("{title} #employee",), closers=("",))


def frames_for(language: str | None) -> Frames:
    """The frames in an item's language (`language`: its code, None when nothing tells)."""
    return FRAMES.get(language or "") or UNSPOKEN.get(language or "") or UNFRAMED


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
