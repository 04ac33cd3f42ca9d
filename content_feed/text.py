"""HTML to plain text, and the HTML bits a feed needs: first image, feed links."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser

_SPACE = re.compile(r"\s+")
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
     "tr", "td", "th", "table", "section", "article", "figure", "figcaption", "pre", "hr"}
)  # fmt: skip
_HIDDEN = frozenset({"script", "style", "template", "noscript", "iframe", "svg", "head", "title"})
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
    "text/xml",
    "application/xml",
)  # best first; plain application/json is left out: WordPress uses it for its REST API


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.first_image: str | None = None
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append(" ")
        if tag == "img" and self.first_image is None:
            src = dict(attrs).get("src")
            if src and not src.startswith("data:"):
                self.first_image = src.strip()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HIDDEN:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


# Control characters (C0 but newline and tab, DEL, C1) and bidirectional overrides: text from a
# feed or typed by people, printed in an admin's terminal (an item's title, a 👎 draft, a
# question), must not steer it (clear the screen, set the window title, write the clipboard).
# Invisible characters too (soft hyphen, zero-width space, word joiner, invisible operators,
# byte order mark, interlinear marks), which hide words from the checks ("ig\u200bnore") and
# make a name look like another; the zero-width joiners that shape emoji and scripts stay.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
    "\u00ad\u180e\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]"
)


# The invisible marks that set the direction of the text around them (left-to-right and
# right-to-left marks, the Arabic letter mark, embeddings, overrides, isolates): right-to-left
# keyboards and clients put them at the start of a line and around a link or a Latin word, so
# they are never part of a word or a link.
DIRECTION_MARKS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, Japanese, Chinese,
# Korean's syllables, half-width katakana): a word of another script is whole next to them.
UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
)
WORD = f"[^\\W{UNSPACED}]"  # a letter, digit or _ of a script that puts spaces between words


_LARGEST_ROW_ID = 2**63 - 1  # SQLite's integers are 64-bit


def row_id(value: str) -> int | None:
    """The database row a button's value or a typed number names (a report, a digest item, an
    announcement, a feed); None for a value no row can have ("abc", "²", a number past SQLite's
    integers), as a client may make one up: the button then says the thing is gone, as for a
    row deleted."""
    if not (value.isascii() and value.isdigit()) or int(value) > _LARGEST_ROW_ID:
        return None
    return int(value)


def whole_words(phrase: str) -> re.Pattern[str]:
    """`phrase` as whole words, in any case and whatever spaces are between them: next to
    punctuation ("AI,", "Bæredygtighed:"), and in Japanese or Chinese text ("AIの")."""
    words = phrase.split()
    return re.compile(
        (f"(?<!{WORD})" if re.match(WORD, words[0][0]) else "")
        + r"\s+".join(map(re.escape, words))
        + (f"(?!{WORD})" if re.match(WORD, words[-1][-1]) else ""),
        re.IGNORECASE,
    )


def printable(text: str) -> str:
    """`text` without control characters, bidirectional overrides and invisible characters
    (newlines and tabs kept)."""
    return _CONTROL.sub("", text)


def collapse(text: str) -> str:
    """Whitespace runs as one space, trimmed; control characters dropped."""
    return _SPACE.sub(" ", printable(text)).strip()


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Plain text of HTML (entities decoded, whitespace collapsed) and its first image."""
    if "<" not in markup and "&" not in markup:
        return collapse(markup), None
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    return collapse("".join(extractor.parts)), extractor.first_image


def clip(text: str, limit: int, ellipsis: str = "…") -> str:
    """`text` (NFC) cut to at most `limit` characters, on a word boundary when one is near and
    never inside a character as a reader sees it (a flag, an emoji sequence, a letter with its
    accent), with an ellipsis when cut."""
    text = unicodedata.normalize("NFC", text)
    if len(text) <= limit:
        return text
    room, end = max(0, limit - len(ellipsis)), 0
    for cluster in graphemes(text):
        if end + len(cluster) > room:
            break
        end += len(cluster)
    cut = text[:end]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-\u2013\u2014") + ellipsis


_ZWJ = "\u200d"


def _extends(char: str) -> bool:
    """Whether `char` belongs to the character before it: an accent or another combining mark,
    a variation selector, an emoji skin tone, a keycap or a tag (the tail of a flag)."""
    point = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or 0xFE00 <= point <= 0xFE0F
        or 0x1F3FB <= point <= 0x1F3FF
        or 0xE0020 <= point <= 0xE007F
    )


def _regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def graphemes(text: str) -> Iterator[str]:
    """`text` as the characters a reader sees (grapheme clusters, simplified): a letter with its
    accents, a flag's two letters, an emoji with its skin tone and the emoji joined to it."""
    start, size = 0, len(text)
    while start < size:
        end = start + 1
        if _regional(text[start]) and end < size and _regional(text[end]):
            end += 1
        while end < size:
            if _extends(text[end]):
                end += 1
            elif text[end] == _ZWJ:
                end = min(size, end + 2)
            else:
                break
        yield text[start:end]
        start = end


def is_emoji(cluster: str) -> bool:
    """Whether a grapheme cluster (see `graphemes`) is an emoji: a pictograph, a flag, a
    keycap or a sequence joined with emoji marks."""
    return ord(cluster[0]) >= 0x1F000 or any(
        char == _ZWJ or char in "\ufe0f\u20e3" or 0x1F3FB <= ord(char) <= 0x1F3FF
        for char in cluster[1:]
    )


class _FeedLinkFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.links: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        if tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"].strip()
        if tag not in ("link", "a"):
            return
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        href = values.get("href", "").strip()
        if "alternate" in rels and kind in FEED_TYPES and href:
            self.links.append((href, kind, values.get("title", "")))


def find_feed_links(markup: str) -> tuple[str | None, list[tuple[str, str, str]]]:
    """The page's `<base href>` and its feed links as (href, type, title), in page order."""
    finder = _FeedLinkFinder()
    finder.feed(markup)
    finder.close()
    return finder.base, finder.links
