"""Split a guidelines document (markdown, numbered or loosely formatted text) into sections."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HASH_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)(?:[.:)]\s*|\s+(?=\S))")
_PLAIN_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)(?:[.:)]\s+|\.?\d*\s+(?=[A-ZÆØÅ]))")
_RULE = re.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_MAX_PLAIN_HEADING = 70
# A policy saved from a web page ends with the page's comment form; it is no section of the policy.
_PAGE_FOOTERS = frozenset(
    {"leave a reply", "leave a comment", "post a comment", "skriv et svar", "skriv en kommentar"}
)


@dataclass(frozen=True)
class Section:
    """One section: its heading, the headings above it, and its text."""

    title: str
    path: tuple[str, ...]
    body: str
    number: str = ""

    @property
    def key(self) -> str:
        """A stable id for buttons and citations: the number, or the title."""
        return self.number or self.title

    @property
    def breadcrumb(self) -> str:
        """The heading path, outermost first, joined with arrows."""
        return " \u203a ".join((*self.path, self.title))

    @property
    def text(self) -> str:
        """The passage as cited: its heading path, then its text."""
        return f"{self.breadcrumb}\n{self.body}"


@dataclass
class _Heading:
    title: str
    level: int
    number: str


def _clean_title(text: str) -> str:
    text = text.strip().strip("*_").strip()
    return re.sub(r"\s+", " ", text)


def _numbered(text: str, pattern: re.Pattern[str]) -> tuple[str, str]:
    """Split a leading section number off a heading: `2: Share` → ("2", "2. Share")."""
    match = pattern.match(text)
    if not match:
        return "", _clean_title(text)
    number = match.group(1)
    rest = _clean_title(text[match.end() :])
    separator = " " if "." in number else ". "
    return number, f"{number}{separator}{rest}" if rest else number


def _is_plain_heading(lines: list[str], index: int) -> bool:
    """A short line standing alone between blank lines, not a sentence, list item or quote."""
    line = lines[index].strip()
    if not line or len(line) > _MAX_PLAIN_HEADING or len(line.split()) > 10:
        return False
    if line[-1] in ".,;:!?*)\"”'" or line[0] in "-*+>|\"“'`[(_!":
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    before = lines[index - 1].strip() if index > 0 else ""
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return not before and not after


def split_sections(text: str, title: str = "") -> list[Section]:
    """Sections of `text` in order, each with its heading path; empty sections are dropped.

    Understands markdown `#` headings (also `#2:` and `# 3` without the usual space), setext
    headings, numbered plain-text headings (`1.`, `1.1`) and short lines standing alone between
    blank lines. Text before the first heading belongs to a section named after `title`.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    sections: list[Section] = []
    stack: list[_Heading] = []
    current = _Heading(title or "Introduction", 0, "")
    body: list[str] = []

    def flush() -> None:
        content = "\n".join(body).strip()
        footer = current.title.casefold().rstrip(" :") in _PAGE_FOOTERS
        if content and not _RULE.match(content) and not footer:
            path = tuple(heading.title for heading in stack if heading is not current)
            sections.append(Section(current.title, path, content, current.number))
        body.clear()

    def open_heading(heading: _Heading) -> None:
        nonlocal current
        flush()
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
        current = heading

    index = 0
    while index < len(lines):
        raw = lines[index]
        line = raw.strip()
        following = lines[index + 1] if index + 1 < len(lines) else ""
        hashed = _HASH_HEADING.match(line)
        if hashed and hashed.group(2) and not line.startswith("#!"):
            number, heading_title = _numbered(hashed.group(2), _NUMBER)
            level = len(hashed.group(1))
            open_heading(_Heading(heading_title, level, number))
        elif (
            line
            and _SETEXT.match(following)
            and not _RULE.match(line)
            and (index == 0 or not lines[index - 1].strip())
            and len(line) <= _MAX_PLAIN_HEADING
            and following.strip()[0] == "="
        ):
            number, heading_title = _numbered(line, _PLAIN_NUMBER)
            open_heading(_Heading(heading_title, 1, number))
            index += 1
        elif _is_plain_heading(lines, index):
            number, heading_title = _numbered(line, _PLAIN_NUMBER)
            sibling = stack[-1].level if stack else 1
            level = number.count(".") + 1 if number else sibling
            if not title and not stack and not sections and not body:
                current.title = heading_title
            open_heading(_Heading(heading_title, level, number))
        elif not _RULE.match(line):
            body.append(raw.rstrip())
        index += 1
    flush()
    return sections
