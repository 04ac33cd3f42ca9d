"""Split a guidelines document (markdown, numbered or loosely formatted text) into sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from handlers.guidelines.cleanup import clean, front_matter_title

# `#2:` is a heading without the usual space; `#hashtag` opening a line is none.
_HASH_HEADING = re.compile(r"^(#{1,6})(?:\s+|(?=\d+(?:\.\d+)*(?:[.:)]|\s|$)))(.*?)\s*#*\s*$")
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)(?:[.:)]\s*|\s+(?=\S))")
_PLAIN_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)(?:[.:)]\s+|\.?\d*\s+(?=[A-ZÆØÅ]))")
_RULE = re.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_MAX_PLAIN_HEADING = 70
# A line that is all bold (`**Do not post…**`, `__Privacy__:`) is a pseudo-heading.
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<title>[^*_].*?)\1\s*:?\s*$")
_BOLD_LEAD = re.compile(r"^\s*(\*\*|__)(?P<title>[^*_]+?)\1\s*(?P<rest>\S.{3,})$")
# A section longer than this is cut into its rules: paragraphs and top-level list items. On
# the development corpus cutting shorter sections lost more than it gained: the passage that
# answers a question is often two paragraphs, or a list with the sentence before it.
MAX_PASSAGE = 3000
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,2}[.)]|[a-z][.)]|\([a-z0-9]{1,3}\))\s+")
_RULE_TITLE_WORDS = 8
# The end of a sentence inside a paragraph (its last sentence may lead a list in).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-ZÆØÅÄÖÜÀ-Ý0-9])")
_SHORT_ITEM = 60
_ENUMERATOR = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6}|[a-z])(?:\.\d{1,3})*[.)]?$")
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
    # Marked up as a heading (`#`, setext, bold), not only guessed from a short line alone.
    marked: bool = True


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


def _is_plain_heading(lines: list[str], index: int, dense: bool = False) -> bool:
    """A short line standing alone between blank lines, not a sentence, list item or quote.

    In `dense` text (a PDF conversion, with hardly a blank line) a shorter line is a heading
    without blank lines around it when the line before it ends a sentence and the line after
    it does not continue it.
    """
    line = lines[index].strip()
    if not line or len(line) > _MAX_PLAIN_HEADING or len(line.split()) > 10:
        return False
    if line[-1] in ".,;:!?*)\"”'" or line[0] in "-*+>|\"“'`[(_!":
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    before = lines[index - 1].strip() if index > 0 else ""
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    if not before and not after:
        return True
    if not dense or len(line.split()) > 7 or _ITEM.match(line):
        return False
    ends_sentence = not before or before[-1] in ".!?:)" or _is_plain_heading(lines, index - 1)
    continued = bool(after) and (after[0].islower() or after[0] in ",;")
    return ends_sentence and not continued


def _is_bold_heading(line: str) -> str:
    """The title of a line that is all bold, or of a short line in capitals ("DO NOT:")."""
    bold = _BOLD_LINE.match(line.strip())
    if bold and len(bold.group("title")) <= _MAX_PLAIN_HEADING * 2:
        return bold.group("title").strip().rstrip(":").strip()
    stripped = line.strip().rstrip(":")
    letters = [c for c in stripped if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) >= 2 and not any(c.islower() for c in letters)
    if capitals and len(stripped.split()) <= 6 and not stripped.startswith(("#", "-", "*", ">")):
        return stripped
    return ""


def split_sections(text: str, title: str = "") -> list[Section]:
    """Sections of `text` in order, each with its heading path; empty sections are dropped.

    Understands markdown `#` headings (also `#2:` and `# 3` without the usual space), setext
    headings, numbered plain-text headings (`1.`, `1.1`) and short lines standing alone between
    blank lines. Text before the first heading belongs to a section named after the page's
    front-matter title, else `title`.
    """
    # A page's own title names the text before its first heading better than its file name.
    title = front_matter_title(text) or title
    lines = clean(text).split("\n")
    dense = "\f" in text or sum(not line.strip() for line in lines) <= max(1, len(lines) * 0.05)
    sections: list[Section] = []
    stack: list[_Heading] = []
    current = _Heading(title or "Introduction", 0, "")
    body: list[str] = []

    def flush() -> None:
        content = "\n".join(body).strip()
        footer = current.title.casefold().rstrip(" :") in _PAGE_FOOTERS
        # A passage with no word in it ("?>" left by a page template) is nothing to cite.
        worded = any(c.isalnum() for c in content)
        if worded and not _RULE.match(content) and not footer:
            path = tuple(heading.title for heading in stack if heading is not current)
            sections.append(Section(current.title, path, content, current.number))
        body.clear()

    def open_heading(heading: _Heading) -> None:
        nonlocal current
        empty = not current.marked and not any(map(str.strip, body))
        flush()
        if empty and heading.level <= current.level and sections:
            # A line guessed to be a heading, over nothing but its sibling ("1-2x on LinkedIn
            # per day" above "1-3x on Twitter per day"), is a line of the text before it.
            sections[-1] = replace(sections[-1], body=f"{sections[-1].body}\n\n{current.title}")
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
            # "## **3. Apps** When you work…": a bold title running on into its text (an
            # export that lost the line break) heads the text after it.
            heading_text, run_on = hashed.group(2), ""
            if bold_lead := _BOLD_LEAD.match(heading_text):
                heading_text, run_on = bold_lead.group("title"), bold_lead.group("rest")
            number, heading_title = _numbered(_clean_title(heading_text), _NUMBER)
            level = len(hashed.group(1))
            open_heading(_Heading(heading_title, level, number))
            if run_on:
                body.append(run_on)
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
        elif line and (bold := _is_bold_heading(line)):
            number, heading_title = _numbered(bold, _PLAIN_NUMBER)
            level = (stack[-1].level if stack else 0) + 1
            if stack and stack[-1].level >= 7:  # a pseudo-heading after another: a sibling
                level = stack[-1].level
            open_heading(_Heading(heading_title, max(level, 7), number))
        elif _is_plain_heading(lines, index, dense):
            number, heading_title = _numbered(line, _PLAIN_NUMBER)
            sibling = stack[-1].level if stack else 1
            level = number.count(".") + 1 if number else sibling
            marked = [heading.level for heading in stack if heading.marked]
            right_under = bool(stack) and stack[-1].marked and not any(map(str.strip, body))
            if marked and not number and (dense or right_under):
                # A short line right under a marked-up heading ("Last updated: 2 April 2025"),
                # or in a PDF conversion under a chapter its contents list, is a part of it,
                # never the heading of the chapters that follow.
                level = max(level, marked[-1] + 1)
            if not title and not stack and not sections and not body:
                current.title = heading_title
            open_heading(_Heading(heading_title, level, number, marked=False))
        elif not _RULE.match(line):
            body.append(raw.rstrip())
        index += 1
    flush()
    return _unique([rule for section in sections for rule in _rules(section)])


def _rules(section: Section) -> list[Section]:
    """A long section as its rules: each paragraph, and each top-level list item with the
    sentence that leads into its list, under the section's heading path. A short one stays
    whole, and so does a list of short items (platform names are no rules)."""
    if len(section.body) <= MAX_PASSAGE:
        return [section]
    # Each part with the text its name is taken from (an item's, not its lead-in's).
    parts: list[tuple[str, str]] = []
    paragraph = before = lead_in = ""
    for kind, lines in _blocks(section.body):
        if kind == "text":
            paragraph = "\n".join(lines)
            before, lead_in = _lead_in(paragraph)
            parts.append((paragraph, paragraph))
            continue
        if lead_in and parts and parts[-1][1] == paragraph:
            # The paragraph's last sentence leads the items in; the rest is a part of its own.
            parts.pop()
            if before:
                parts.append((before, before))
        if sum(map(len, lines)) / len(lines) < _SHORT_ITEM:
            text = "\n".join(lines)
            parts.append((text, f"{lead_in}\n{text}" if lead_in else text))
        else:
            parts += [(item, f"{lead_in}\n{item}" if lead_in else item) for item in lines]
        paragraph = ""
    if len(parts) < 2:
        return [section]
    path = (*section.path, section.title)
    return [Section(_rule_title(named), path, part) for named, part in parts]


def _lead_in(text: str) -> tuple[str, str]:
    """A paragraph ending in ":" as the text before its last sentence and that sentence, the
    lead-in of the list after it (a PDF conversion runs a whole page into one paragraph: only
    its last sentence leads each item in); ("", "") when it does not lead a list in."""
    if not text.endswith(":"):
        return "", ""
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        return "", text
    cut = ends[-1]
    before = text[: cut.start()].rstrip()
    if _ENUMERATOR.match(before):  # "1.3. When you comment:" is one sentence, numbered
        return "", text
    return before, text[cut.end() :]


def _blocks(body: str) -> list[tuple[str, list[str]]]:
    """Paragraphs ("text", their lines) and lists ("items", one text per top-level item with
    its continuation lines and nested items)."""
    blocks: list[tuple[str, list[str]]] = []
    blank = True
    # A list indented as a whole (a reStructuredText block quote) has its top level there
    # (the body's first line has lost its indent).
    lines = body.split("\n")[1:]
    top = min((len(item.group(1)) for line in lines if (item := _ITEM.match(line))), default=0)
    for raw in body.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            blank = True
            continue
        item = _ITEM.match(line)
        if item and len(item.group(1)) <= top:
            if blocks and blocks[-1][0] == "items":
                blocks[-1][1].append(line)
            else:
                blocks.append(("items", [line]))
        elif blocks and blocks[-1][0] == "items" and (raw[:1].isspace() or not blank):
            blocks[-1][1][-1] += "\n" + line
        elif blocks and blocks[-1][0] == "text" and not blank:
            blocks[-1][1].append(line)
        else:
            blocks.append(("text", [line]))
        blank = False
    return blocks


def _rule_title(text: str) -> str:
    """A rule's name: its bold lead ("**Be kind.** Treat…"), or its first words."""
    first = _ITEM.sub("", text.split("\n")[0])
    bold = re.match(r"^\s*(\*\*|__)(.+?)\1", first)
    if bold:
        return _clean_title(bold.group(2)).rstrip(".:")
    words = _clean_title(first).split()
    title = " ".join(words[:_RULE_TITLE_WORDS])
    return title + ("…" if len(words) > _RULE_TITLE_WORDS else "")


def _unique(sections: list[Section]) -> list[Section]:
    """The sections with unique titles (their keys for buttons): repeats get " (2)", " (3)"."""
    seen: dict[str, int] = {}
    unique = []
    for section in sections:
        count = seen.get(section.title, 0) + 1
        seen[section.title] = count
        unique.append(
            section if count == 1 else replace(section, title=f"{section.title} ({count})")
        )
    return unique
