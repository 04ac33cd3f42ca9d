"""A policy's text as it was written: front matter, HTML and PDF-conversion artefacts removed.

Policies arrive saved from a web page (HTML), converted from a PDF (page numbers, a running
header on every page, words hyphenated at line ends, bullets as "•"), or as markdown with a YAML
front matter. Each is turned into the plain markdown-like text the splitter reads.
"""

from __future__ import annotations

import html
import re
from collections import Counter

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_HTML_HINT = re.compile(r"<(p|h[1-6]|li|div|ul|ol|br|article|section)\b", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-\u2013\u2014]\s*)?(?:(?:page|side|seite|página|pagina|sida)\s+)?\d{1,3}"
    r"(?:\s*(?:/|of|af|von|de|av|van)\s*\d{1,3})?(?:\s*[-\u2013\u2014])?\s*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(\s*)[•●▪◦‣∙·\uf0b7\uf0a7§➢►\u2013]\s*")
_HYPHENATED = re.compile(r"(\w)-\n(\s*)([a-zæøåäöüéèàç]\w*)")
# A line seen this often on its own, in a document with page numbers or form feeds, is a
# running header or footer of the PDF it came from.
_RUNNING = 3


def clean(text: str) -> str:
    """The text with line ends normalised, front matter dropped, HTML turned into markdown-like
    text, and a PDF conversion's page numbers, running headers, hyphenation and bullets fixed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = _FRONT_MATTER.sub("", text)
    if len(_HTML_HINT.findall(text)) >= 3:
        text = _from_html(text)
    if "\f" in text or _looks_like_pdf(text):
        text = _from_pdf(text.replace("\f", "\n"))
    return text


def _looks_like_pdf(text: str) -> bool:
    """Hard-wrapped lines with almost no blank lines between paragraphs, or page numbers."""
    lines = text.split("\n")
    blank = sum(not line.strip() for line in lines)
    pages = sum(bool(_PAGE_NUMBER.match(line)) and bool(line.strip()) for line in lines)
    return pages >= 2 or (len(lines) >= 20 and blank < len(lines) * 0.05)


def _from_pdf(text: str) -> str:
    lines = text.split("\n")
    repeated = Counter(line.strip() for line in lines if 0 < len(line.strip()) <= 80)
    kept = []
    for line in lines:
        stripped = line.strip()
        if stripped and _PAGE_NUMBER.match(stripped):
            continue
        if stripped and repeated[stripped] >= _RUNNING and not stripped.startswith(("#", "-")):
            continue
        kept.append(_BULLET.sub(r"\1- ", line))
    return _HYPHENATED.sub(r"\1\3", "\n".join(kept))


_BLOCK_TAGS = re.compile(
    r"</?(p|div|section|article|ul|ol|table|tr|br|header|footer)\b[^>]*>", re.I
)


def _from_html(text: str) -> str:
    """Headings as `#`, list items as `- `, a class="subtitle" or <strong> line alone as a bold
    pseudo-heading, every other tag dropped and entities decoded."""
    text = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.I | re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(
        r"<h([1-6])\b[^>]*>(.*?)</h\1>",
        lambda m: f"\n\n{'#' * int(m.group(1))} {_inline(m.group(2))}\n\n",
        text,
        flags=re.I | re.S,
    )
    text = re.sub(
        r"<div\b[^>]*class=\"[^\"]*(?:subtitle|heading|title)[^\"]*\"[^>]*>(.*?)</div>",
        lambda m: f"\n\n**{_inline(m.group(1))}**\n\n",
        text,
        flags=re.I | re.S,
    )
    text = re.sub(
        r"<li\b[^>]*>(.*?)</li>",
        lambda m: f"\n- {_inline(m.group(1))}\n",
        text,
        flags=re.I | re.S,
    )
    text = _BLOCK_TAGS.sub("\n\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _inline(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())
