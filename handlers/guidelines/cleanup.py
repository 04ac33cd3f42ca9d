"""A policy's text as it was written: front matter, HTML, LaTeX, AsciiDoc and PDF-conversion
artefacts removed.

Policies arrive saved from a web page (HTML, a PHP or JSP page template), converted from a PDF
(page numbers, a running header on every page, words hyphenated at line ends, bullets as "•", a
table of contents), as LaTeX or AsciiDoc source, or as markdown with a YAML front matter (a
blog's export keeps inline HTML tags and images in it). Each is turned into the plain
markdown-like text the splitter reads.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.entities import html5

import yaml

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_LATEX_HINT = re.compile(r"\\(?:chapter|(?:sub){0,2}section|begin|item)\b")
_LATEX_HEADING = re.compile(r"\\(chapter|section|subsection|subsubsection|paragraph)\*?\{([^}]*)\}")
_LATEX_LEVELS = {"chapter": 1, "section": 1, "subsection": 2, "subsubsection": 3, "paragraph": 4}
_HTML_HINT = re.compile(r"<(p|h[1-6]|li|div|ul|ol|br|article|section)\b", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-\u2013\u2014]\s*)?(?:(?:page|side|seite|página|pagina|sida)\s+)?\d{1,3}"
    r"(?:\s*(?:/|of|af|von|de|av|van)\s*\d{1,3})?(?:\s*[-\u2013\u2014])?\s*$",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BULLET = re.compile(r"^(\s*)[•●▪◦‣∙·\uf0b7\uf0a7§➢►\u2013]\s*")
_HYPHENATED = re.compile(r"(\w)-\n(\s*)([a-zæøåäöüéèàç]\w*)")
# A table of contents' entry: a title, dot leaders, a page number; this many make a table.
_CONTENTS_ENTRY = re.compile(r"^\s*(?P<title>\S.{0,118}?)\s*(?:\.\s?){4,}\s*\d{1,3}\s*$")
_CONTENTS_ENTRIES = 3
_HEADING_NUMBER = re.compile(r"^(\d+(?:\.\d+)*\.?)\s")
# A line seen this often on its own, in a document with page numbers or form feeds, is a
# running header or footer of the PDF it came from.
_RUNNING = 3


def front_matter_title(text: str) -> str:
    """The `title:` of a page's YAML front matter (Jekyll, Hugo, GitBook), or ""."""
    front = _FRONT_MATTER.match(text.replace("\r\n", "\n").lstrip("\ufeff"))
    found = re.search(r"^title:[ \t]*(.+?)[ \t]*$", front.group(0), re.M) if front else None
    return found.group(1).strip("\"'").strip() if found else ""


# A static site's FAQ or data page keeps its text in its front matter (`faqs: - question: …
# answer: …`): its prose is read as markdown, each mapping under the heading of its first
# text (a question, a group's heading) when it has more. A value alone counts as prose from
# this many words: a page's own title, date, layout, permalink or tags are its settings.
_PROSE_WORDS = 12
# A mapping's first text longer than this is a passage of it, not its heading.
_FRONT_HEADING = 300
_SENTENCE = re.compile("[.!?\u2026\u3002\uff01\uff1f](?:\\s|$)")


def _front_matter_text(front: str, bodiless: bool) -> str:
    """The prose of a page's YAML front matter (`front`, its `---` lines included) as markdown
    blocks: headings from the mappings' first texts, passages from their other ones, and the
    page's own long values when it has no body (a page with one has its summary there: the
    same text twice, a passage of the page's gist, drew questions off the ones that answer);
    "" for none, or for front matter that is not YAML."""
    try:
        data = yaml.safe_load(front.strip().strip("-"))
    except yaml.YAMLError:
        return ""
    if not isinstance(data, dict):
        return ""
    blocks: list[str] = []
    for value in data.values():  # the page's own keys: a heading of its own would be its title
        # A FAQ's entries are read whether or not the page has a body; else a page with one
        # has its text there, and its settings and summary (`seo: {description}`, `author:
        # {bio}`, `excerpt`) stay out (review15c R1: an SEO description was cited first).
        if bodiless or isinstance(value, list):
            blocks += _yaml_blocks(value, 1)
    return "\n\n".join(blocks)


def _yaml_blocks(node: object, level: int) -> list[str]:
    """The markdown blocks of one front-matter value nested `level` deep."""
    if isinstance(node, str):
        return _alone(node)
    if isinstance(node, list):
        return [block for item in node for block in _yaml_blocks(item, level)]
    if not isinstance(node, dict):
        return []  # a number, a date, true
    texts = [value.strip() for value in node.values() if isinstance(value, str) and _worded(value)]
    inner = [value for value in node.values() if isinstance(value, (list, dict))]
    heading = texts[0] if texts and len(texts[0]) <= _FRONT_HEADING else ""
    within = [block for value in inner for block in _yaml_blocks(value, level + bool(heading))]
    if not heading or (len(texts) == 1 and not within):
        return [block for text in texts for block in _alone(text)] + within
    body = [text for text in texts[1:] if _SENTENCE.search(text) or _prose(text)]
    if not body and not within:
        return []
    return [f"{'#' * min(level, 6)} {' '.join(heading.split())}", *body, *within]


def _worded(value: str) -> bool:
    """Whether a value is text: words, or one capitalised word; not a slug, path or URL."""
    value = value.strip()
    return any(c.isalpha() for c in value) and (" " in value or value[:1].isupper())


def _prose(value: str) -> bool:
    return len(value.split()) >= _PROSE_WORDS


def _alone(value: str) -> list[str]:
    """A text standing alone in the front matter, as a passage when it is prose."""
    return [value.strip()] if _prose(value) else []


def clean(text: str) -> str:
    """The text with line ends normalised, front matter dropped, LaTeX and HTML turned into
    markdown-like text (entities decoded in markdown too), a PDF conversion's page numbers,
    running headers, hyphenation and bullets fixed, and a printed table of contents turned
    into the headings it names."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if front := _FRONT_MATTER.match(text):
        body = text[front.end() :]
        read = _front_matter_text(front.group(0), not any(c.isalnum() for c in body))
        text = f"{body}\n\n{read}" if read else body
    if len(_LATEX_HINT.findall(text)) >= 3:
        text = _from_latex(text)
    # Markdown escapes ("1\\.", "\\*", "\\&#42;") stand for the character after the backslash.
    text = _ESCAPED.sub(r"\1", text)
    if len(_ASCIIDOC_HEADING.findall(text)) >= 2 and not _MARKDOWN_HEADING.search(text):
        text = _from_asciidoc(_ENTITY.sub(_entity, text))
    if not _MARKDOWN_HEADING.search(text):
        text = _adorned_headings(text)
    if _SCRIPT_MODULE.search(text):
        text = _from_component(text)
    # Markdown too renders "&#x20;", "&eacute;" and "&amp;" as the characters they name.
    html_page = len(_HTML_HINT.findall(text)) >= 3
    text = _from_html(text) if html_page else _from_markdown(_ENTITY.sub(_entity, text))
    if "\f" in text or _looks_like_pdf(text):
        text = _from_pdf(text.replace("\f", "\n"))
    return _FOOTNOTE_REFERENCE.sub("", _FOOTNOTE.sub("", _contents_as_headings(text)))


# A footnote's own line: markdown's "[^2]: …", one opening with a numbered link back into the
# page ("[[2]](#2.1) Vgl. …", "[2](#fnref2) …"), or one ending in the arrow back ("… ↩").
_FOOTNOTE = re.compile(
    r"^[ \t]*(?:[-*][ \t]+)?(?:\[\^[^\]\s]+\]:|\[\[?\d{1,3}\]?\]\(#[^)\s]*\)[ \t]).*$"
    r"|^.*[↩↵]\ufe0e?[ \t]*$",
    re.M,
)

# A footnote's mark in the text ("[^2]", "[[2]](#2)", "[2](#fn2)"): a sentence ending in it
# would not end a sentence.
_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]\s]+\](?!:)|\[\[?\d{1,3}\]?\]\(#[^)\s]*\)")


def _contents_as_headings(text: str) -> str:
    """A printed document's table of contents ("Blog ........ 17") says which lines are its
    chapter headings: the contents go, and each line that is one of their titles becomes a
    markdown heading (nested by its number, "2.1" under "2")."""
    lines = text.split("\n")
    titles: dict[str, int] = {}
    for line in lines:
        entry = _CONTENTS_ENTRY.match(line)
        if entry:
            number = _HEADING_NUMBER.match(entry.group("title"))
            depth = number.group(1).rstrip(".").count(".") + 1 if number else 1
            titles.setdefault(_title_key(entry.group("title")), min(depth, 6))
    if len(titles) < _CONTENTS_ENTRIES:
        return text
    kept = []
    for line in lines:
        if _CONTENTS_ENTRY.match(line):
            continue
        depth = titles.get(_title_key(line), 0) if line.strip() else 0
        kept.append(f"{'#' * depth} {line.strip()}" if depth else line)
    return "\n".join(kept)


def _title_key(line: str) -> str:
    return " ".join(line.split()).casefold().replace("\u2019", "'")


def _from_latex(text: str) -> str:
    """LaTeX source as markdown: sectioning commands as `#` headings, `\\item` as a list item,
    environments' `\\begin`/`\\end` lines and comments gone, forced line breaks dropped, and
    `\\textbf{…}`, `\\emph{…}`, `\\href{…}{…}` as their text."""
    text = re.sub(r"(?<!\\)%.*", "", text)
    text = _LATEX_HEADING.sub(
        lambda m: f"\n{'#' * _LATEX_LEVELS[m.group(1)]} {m.group(2).strip()}\n", text
    )
    text = re.sub(r"^[ \t]*\\(?:begin|end)\{[^}]*\}.*$", "", text, flags=re.M)
    text = re.sub(r"^[ \t]*\\item\b\s*", "- ", text, flags=re.M)
    text = re.sub(r"\\href\{[^}]*\}\{([^}]*)\}", r"\1", text)
    text = re.sub(r"\\(?:textbf|textit|emph|underline|url|texttt)\{([^}]*)\}", r"\1", text)
    return re.sub(r"\s*\\\\[ \t]*$", "", text, flags=re.M)


def _entity(found: re.Match[str]) -> str:
    """The character a reference names ("&#x20;", "&eacute;"), or the text as it was."""
    entity = found.group()
    named = not entity.startswith("&#")
    return entity if named and entity[1:] not in html5 else html.unescape(entity)


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


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_ASCIIDOC_HEADING = re.compile(r"^(={1,6})[ \t]+(\S.*?)[ \t]*$", re.M)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_ASCIIDOC_LIST = re.compile(r"^[ \t]*(\*{1,5}|\.{1,5}|-)[ \t]+(?=\S)", re.M)
# A block's delimiter (example, listing, sidebar, quote, open block), attribute list
# ("[NOTE]", "[cols=…]"), anchor ("[[id]]"), attribute entry (":toc:") or comment line.
_ASCIIDOC_MARKUP = re.compile(
    r"^(?:={4,}|-{4,}|\*{4,}|_{4,}|\.{4,}|\+{4,}|--|\[\[?[^\]]*\]\]?|:[\w-]+:.*|//.*)[ \t]*$",
    re.M,
)
# "link:url[text]", "https://…[text]", "xref:page.adoc[text]", "<<id,text>>": their text.
_ASCIIDOC_LINK = re.compile(r"(?:link:|xref:|mailto:|https?://)[^\s\[]*\[([^\]]*)\]")
_ASCIIDOC_XREF = re.compile(r"<<[^,>]*,\s*([^>]*)>>")
# A table ("|===" … "|===") and its cells.
_ASCIIDOC_TABLE = re.compile(r"^\|===[ \t]*\n(.*?)^\|===[ \t]*$", re.M | re.S)


def _from_asciidoc(text: str) -> str:
    """AsciiDoc as markdown: "== Title" as "## Title", "*" and "**" list items as nested "- "
    items, each table row as one item with its cells, links and cross-references as their
    text, "*bold*" as text; block delimiters, attribute lists, anchors and comments gone."""
    text = _ASCIIDOC_TABLE.sub(lambda m: _asciidoc_table(m.group(1)), text)
    text = _ASCIIDOC_MARKUP.sub("", text)
    text = _ASCIIDOC_HEADING.sub(lambda m: f"{'#' * len(m.group(1))} {m.group(2)}", text)
    text = _ASCIIDOC_LIST.sub(lambda m: "  " * (len(m.group(1)) - 1) + "- ", text)
    text = _ASCIIDOC_LINK.sub(lambda m: m.group(1) or m.group(0).split("[")[0], text)
    text = _ASCIIDOC_XREF.sub(r"\1", text)
    text = re.sub(r"^image::.*$", "", text, flags=re.M)
    text = re.sub(r"^\.(?=\w)", "", text, flags=re.M)  # a block's title (".Changelog")
    text = re.sub(r"\{[\w-]+\}", "", text)  # an attribute reference ("{FWIKI}")
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])", r"\1", text)
    return re.sub(r"[ \t]\+$", "", text, flags=re.M)  # a forced line break


def _asciidoc_table(body: str) -> str:
    """A table's rows as list items, its cells joined by " · " (as many cells a row as the
    first line has, rows written one cell a line too)."""
    lines = [line.strip() for line in body.split("\n") if line.strip().startswith("|")]
    if not lines:
        return body
    width = max(1, lines[0].count("|"))
    cells = [cell.strip() for line in lines for cell in line.split("|")[1:]]
    rows = [cells[start : start + width] for start in range(0, len(cells), width)]
    return "\n".join("- " + " · ".join(cell for cell in row if cell) for row in rows) + "\n"


# A reStructuredText (or setext) title's underline or overline: one punctuation character.
_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+_:.])\1{2,}[ \t]*$")


def _adorned_headings(text: str) -> str:
    """Titles underlined (and overlined) with a line of "=", "-", "~", "^"… as `#` headings,
    nested in the order their styles first appear (reStructuredText's rule), when there are
    two or more; the adornment lines go."""
    lines = text.split("\n")
    found: list[tuple[int, int, tuple[bool, str]]] = []  # (first line, lines, style)
    index = 0
    while index + 1 < len(lines):
        title = lines[index].strip()
        mark = _ADORNMENT.match(lines[index + 1].strip())
        over = _ADORNMENT.match(title)
        if over and index + 2 < len(lines):
            inner = lines[index + 1].strip()
            if inner and not _ADORNMENT.match(inner) and lines[index + 2].strip() == title:
                found.append((index, 3, (True, title[0])))
                index += 3
                continue
        blank_before = index == 0 or not lines[index - 1].strip()
        width = len(mark.group(0).strip()) if mark else 0
        short = 0 < len(title) <= 140
        if mark and short and not over and blank_before and width >= 0.8 * len(title):
            found.append((index, 2, (False, mark.group(1))))
            index += 2
            continue
        index += 1
    if len(found) < 2:
        return text
    styles: list[tuple[bool, str]] = []
    for _, _, style in found:
        if style not in styles:
            styles.append(style)
    for start, count, style in reversed(found):
        title = lines[start + 1 if count == 3 else start].strip()
        level = min(styles.index(style) + 1, 6)
        lines[start : start + count] = [f"{'#' * level} {title}"]
    return "\n".join(lines)


# A page component's source (React, Vue, Svelte script): its text sits between lines of code.
# Only code says so: a module named in quotes, or a default export of a function, class or name
# (a prose line may start "import photos from…").
_SCRIPT_MODULE = re.compile(
    r"^\s*(?:import\s.+\sfrom\s+[\"'][^\"'\n]+[\"'];?[ \t]*$"
    r"|export\s+default\s+(?:function\b|class\b|async\b|\{|\w+;?[ \t]*$))",
    re.M,
)
_QUOTED = r"[\"'`](?P<text>.*?)[\"'`],?"
# A section's heading as a property ("title: 'II. Where…'", or the string on the next line;
# "title_en:", "titleAr:" in a page's bilingual data).
_TITLE_PROPERTY = re.compile(
    r"^[ \t]*(?:title|heading|label)(?:_?[A-Za-z]{2})?[ \t]*:[ \t]*\n?[ \t]*"
    + _QUOTED
    + r"[ \t]*$",
    re.M,
)
# Any other property holding a string ("content_en: 'Every full-time employee is …',"): the
# page's text kept in its data, a paragraph when it is prose.
_STRING_PROPERTY = re.compile(r"^[ \t]*\w+[ \t]*:[ \t]*" + _QUOTED + r"[ \t]*$", re.M)
_CODE_LINE = re.compile(
    r"^[ \t]*(?:import\s.*|export\s.*|[\"']use \w+[\"'];?|(?:const|let|var)\s.*[=(\[{]"
    r"|\w+[ \t]*:[ \t]*(?:[\[({]|" + _QUOTED + r"|-?\d[\d.]*,?|true,?|false,?|null,?)"
    r"|\(\)[ \t]*=>.*|return\b.*[({]"
    r"|[()\[\]{},; \t]*)[ \t]*$",
    re.M,
)


def _from_component(text: str) -> str:
    """A page component's text without its code: imports, declarations, bracket-only lines,
    properties and fragments ("<>", "</>") go; a section's "title:" property is a heading and a
    property whose string is prose a paragraph (the policies of a page's data array)."""
    text = _TITLE_PROPERTY.sub(lambda m: f"\n## {m.group('text').strip()}\n", text)
    text = _STRING_PROPERTY.sub(_prose_property, text)
    return _CODE_LINE.sub("", text.replace("</>", "").replace("<>", ""))


def _prose_property(found: re.Match[str]) -> str:
    value = found.group("text").replace("\\'", "'").replace('\\"', '"').strip()
    return f"\n{value}\n" if _prose(value) else found.group(0)


# Inline HTML inside markdown (a WordPress or Tumblr export): the tags go, their text stays.
_INLINE_TAG = re.compile(
    r"</?(?:a|img|figure|figcaption|span|strong|b|em|i|u|br|sup|sub|small|font|iframe|mark"
    r"|abbr|cite|del|ins|center|picture|source|video|audio|embed)\b[^<>]*>",
    re.I,
)
# An image ("![image][2]", "![](a.png)") and a reference-style link's target line
# ("[2]: https://…") hold no words of the policy.
_IMAGE = re.compile(r"!\[[^\]]*\](?:\[[^\]]*\]|\([^)]*\))")
_LINK_TARGET = re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]*\S+[ \t]*$", re.M)
# A bullet character opening a line, as a markdown list item.
_TEXT_BULLET = re.compile(r"^(\s*)[•●▪◦‣][ \t]*", re.M)
# A task list's box after a list item's marker ("* [ ] Nutzt Ihre Webseite …?", "- [x] done"):
# a checkbox where it is rendered, a stray "[ ]" in every title and quote where it is not.
_TASK_BOX = re.compile(r"^([ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+)\[[ xX]\][ \t]+", re.M)


def _from_markdown(text: str) -> str:
    """Markdown with its inline HTML tags, images, link targets and task lists' boxes dropped,
    an HTML table's rows as lines and bullet characters ("• ") as list items."""
    text = _table_rows(text)
    text = _INLINE_TAG.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK_TARGET.sub("", text)
    text = _TASK_BOX.sub(r"\1", text)
    return _TEXT_BULLET.sub(r"\1- ", text)


# An HTML table, its rows and their cells.
_TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.I | re.S)
_TABLE_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.I | re.S)
_TABLE_CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.I | re.S)


def _table_rows(text: str) -> str:
    """An HTML table inline in markdown (as wikis and GitHub render it) as one paragraph of a
    line per row, its cells apart ("Instagram Feed · Quadratisch · 1080 x 1080"): a quoted row
    reads as a row, not as tags. (A whole HTML page's tables lose their tags in `_from_html`,
    each row a paragraph: measured on lurtsema's, rows as lines merged its sections and answered
    two more uncovered questions.)"""

    def row(cells: str) -> str:
        return " · ".join(cell for found in _TABLE_CELL.findall(cells) if (cell := _inline(found)))

    def table(found: re.Match[str]) -> str:
        rows = [line for cells in _TABLE_ROW.findall(found.group(1)) if (line := row(cells))]
        return "\n\n" + "\n".join(rows) + "\n\n"

    return _TABLE.sub(table, text)


# A tag: "<" and a letter (or "/"), up to its ">", with no "<" inside.
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_TEMPLATE_CODE = re.compile(r"<\?(?:php\b|=)?|\?>")
_TEMPLATE_LINE = re.compile(r"<\?(?:php\b|=)?[^\n]*?\?>|<%[^\n]*?%>")
_PHP_STATEMENT = re.compile(r"^[ \t]*(?:\$\w+\s*\.?=.*|[A-Z_]+;)[ \t]*$", re.M)
_BLOCK_TAGS = re.compile(
    r"</?(p|div|section|article|ul|ol|li|table|tr|br|header|footer)\b[^>]*>", re.I
)


# Page furniture, no text of the policy: the document type, a navigation bar or menu, a
# breadcrumb trail, the block of footnotes (each is said where it is referenced, or cites a
# source).
_FURNITURE = re.compile(
    r"<!doctype\b[^>]*>|<nav\b.*?</nav>"
    r"|<(ul|ol)\b[^>]*class=[\"'][^\"']*\b(?:nav|navbar|menu|breadcrumbs?)\b[^>]*>.*?</\1>"
    r"|<(ol|ul|div|section|aside)\b[^>]*class=[\"'][^\"']*\bfootnotes?\b[^>]*>.*?</\2>",
    re.I | re.S,
)

# A footnote's mark in the text ("<sup>1</sup>", "<sup><a href=…>[2]</a></sup>"): left in, the
# sentence before it would end in a number ("…to us.1") and read as a heading.
_FOOTNOTE_MARK = re.compile(
    r"<sup\b[^>]*>\s*(?:<a\b[^>]*>\s*)?(?:\d{1,3}|\[\[?\d{1,3}\]?\](?:\(#[^)\s]*\))?)"
    r"\s*(?:</a>\s*)?</sup>",
    re.I,
)


def _from_html(text: str) -> str:
    """Headings as `#`, list items as `- `, a class="subtitle" or <strong> line alone as a bold
    pseudo-heading, every other tag dropped and entities decoded. A page template's `<?php`
    and `?>` go; a "<" that opens no tag ("<<<", "a < b") is text, not the start of a tag
    that would swallow the text up to the next ">"."""
    if "<?php" in text:  # the page template's statements ("$title = …;", "END;") are no text
        text = _PHP_STATEMENT.sub("", text)
    # Code on one line ("<?php include 'header.php'; ?>", "<%@ include file=… %>") is no text;
    # a block that spans lines may be a heredoc of the page's text: only its markers go.
    text = _TEMPLATE_LINE.sub("", text)
    text = _TEMPLATE_CODE.sub("\n", text)
    # A style sheet closed as a script ("<style>…</script>", as found) is code all the same.
    text = re.sub(r"<(?:script|style)\b.*?</(?:script|style)>", "", text, flags=re.I | re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = _FURNITURE.sub("\n", text)
    text = _FOOTNOTE_MARK.sub("", text)
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
    # An item holding blocks (a heading and its paragraphs) is a part of the page, no item.
    text = re.sub(
        r"<li\b[^>]*>((?:(?!<li\b|\n\n#|<(?:ul|ol|table)\b).)*?)</li>",
        lambda m: f"\n- {_inline(m.group(1))}\n",
        text,
        flags=re.I | re.S,
    )
    text = _BLOCK_TAGS.sub("\n\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [_TEXT_BULLET.sub("- ", line) for line in lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _inline(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())
