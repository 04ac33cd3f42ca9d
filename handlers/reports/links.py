"""Reported links: checked for shape only (never fetched), deduped, and placed on a site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from content_feed.canonical import LINK_END, dedupe_key
from handlers.texts import text_for

MAX_LINKS = 10
MAX_LENGTH = 2000

# Where a mention was seen: (value, label, domains). Order is the form's order.
SITES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("x", "X (Twitter)", ("x.com", "twitter.com", "t.co")),
    ("linkedin", "LinkedIn", ("linkedin.com", "lnkd.in")),
    ("facebook", "Facebook", ("facebook.com", "fb.com", "fb.watch")),
    ("instagram", "Instagram", ("instagram.com",)),
    ("tiktok", "TikTok", ("tiktok.com",)),
    ("youtube", "YouTube", ("youtube.com", "youtu.be")),
    ("reddit", "Reddit", ("reddit.com", "redd.it")),
    ("glassdoor", "Glassdoor", ("glassdoor.com", "glassdoor.co.uk", "glassdoor.de",
                                "glassdoor.fr", "glassdoor.ca", "glassdoor.com.au",
                                "glassdoor.co.in", "glassdoor.nl", "glassdoor.ie")),
    ("trustpilot", "Trustpilot", ("trustpilot.com",)),
    ("g2", "G2", ("g2.com",)),
    ("news", "News site", ()),
    ("other", "Other", ()),
)  # fmt: skip
SITE_LABELS = {value: label for value, label, _ in SITES}

# A token that was meant as a link: a scheme (even a wrong one or a mistyped `https//`), or a
# web address typed without one (`www.example.com`, `x.com/someone/status/1`).
_LINKISH = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|https?//|www\.)\S", re.IGNORECASE)
_SCHEMELESS = re.compile(r"^(?:www\.\S+|(?:[\w-]+\.)+[a-z]{2,63}(?::\d+)?/\S*)$", re.IGNORECASE)
_HOST_LABEL = re.compile(r"^(?!-)[\w-]{1,63}(?<!-)$")
# News sites are too many to list; these words in a host name are a good sign of one.
_NEWS_HINT = re.compile(r"news|nieuws|nachrichten|noticias|nyheder|zeitung|times|herald|tribune")


class BadLink(ValueError):
    """A link that is not a well-formed http(s) URL: `said` says what is wrong, in the
    person's language (the message, in English)."""

    def __init__(self, key: str, **fields: object) -> None:
        super().__init__(text_for(key, "en", **fields))
        self.key, self.fields = key, fields

    def said(self, language: str) -> str:
        """What is wrong, in `language`."""
        return text_for(self.key, language, **self.fields)


@dataclass(frozen=True)
class Split:
    """A typed line split into the links at its start and the words after them."""

    links: tuple[str, ...]
    rest: str


# Slack's `<url|label>` whose label has a space (a link the person made with the composer's link
# button, "this tweet"): split into words, neither half would be a link.
_LABELLED = re.compile(r"<((?:https?://|www\.)[^|>\s]+)\|([^>]*\s[^>]*)>", re.IGNORECASE)


def labels_apart(text: str) -> str:
    """`<url|this tweet>` as `url (this tweet)`, as a Teams link behind a label is read; each
    link apart from the direction marks and Chinese or Japanese punctuation typed against it
    ("…/status/123。ひどい", a full-width colon before "https://")."""
    text = _LABELLED.sub(lambda found: f"{found[1]} ({' '.join(found[2].split())})", text)
    return _WORD.sub(lambda found: _link_apart(found.group()), text)


_WORD = re.compile(r"\S+")
_LINK_START = re.compile(r"<?(?:https?://|www\.)", re.IGNORECASE)
_EDGES = re.compile(f"^(?:{LINK_END.pattern})+|(?:{LINK_END.pattern})+$")


def _link_apart(word: str) -> str:
    """`word` with the link in it apart from what `LINK_END` has against it, on either side;
    as typed when it has none."""
    start = _LINK_START.search(word)
    if start is None or not LINK_END.search(word):
        return word
    before, link = word[: start.start()], word[start.start() :]
    if before and not LINK_END.match(before[-1]):  # "](https://…": no link of its own
        return word
    after = ""
    if link.startswith("<") and ">" in link:
        # Slack's <url> or <url|label>: Slack links up to the next space, so words typed
        # against the link after "。" are inside it (review11c R8); the label (without a
        # space: Slack's own copy of the address, or a word) is dropped, as `unwrap` drops it.
        end = link.index(">") + 1
        address = link[1 : end - 1].partition("|")[0]
        found = LINK_END.search(address)
        if found is not None:
            link, after = f"{address[: found.start()]}{link[end:]}", address[found.start() :]
            end = found.start()
    else:
        found = LINK_END.search(link)
        end = found.start() if found else len(link)
    parts = (_EDGES.sub("", before), link[:end], _EDGES.sub("", after), _EDGES.sub("", link[end:]))
    return " ".join(part for part in parts if part)


def unwrap(token: str) -> str:
    """A link as typed, without the `<url|label>` wrapping Slack may add."""
    if token.startswith("<") and token.endswith(">"):
        return token[1:-1].partition("|")[0]
    return token


# Brackets and quotes typed around a link, and the sentence's punctuation after it: no part of it.
_OPENING = "([{\"'«“\u2018„"
_CLOSING = ".,;:!?)]}\"'»”\u2019"
_OPENED_BY = {")": "(", "]": "[", "}": "{"}


def bare(token: str) -> str:
    """A link as typed in a sentence, without Slack's wrapping, the brackets or quotes around it
    and the full stop, comma… after it (`(https://x.com/a/status/1).` → `https://x.com/a/status/1`);
    a bracket that is part of the link stays (`…/wiki/Mercury_(planet)`)."""
    token = _EDGES.sub("", token.strip()).lstrip(_OPENING)
    while token and token[-1] in _CLOSING:
        opened_by = _OPENED_BY.get(token[-1])
        if opened_by and token.count(opened_by) >= token.count(token[-1]):
            break
        token = token[:-1]
    return unwrap(token)


def looks_like_link(token: str) -> bool:
    """Whether `token` was meant as a link (it may still be a bad one)."""
    token = bare(token)
    return bool(_LINKISH.match(token) or _SCHEMELESS.match(token))


def check_link(raw: str) -> str:
    """`raw` as a well-formed http(s) URL (`https://` added when typed without a scheme), or
    `BadLink` saying what is wrong with it."""
    link = bare(raw)
    if _SCHEMELESS.match(link):
        link = "https://" + link
    shown = link if len(link) <= 60 else link[:59] + "…"
    if not link:
        raise BadLink("link_empty")
    if any(char.isspace() for char in link):
        raise BadLink("link_spaces", link=shown)
    if len(link) > MAX_LENGTH:
        raise BadLink("link_too_long", link=shown, limit=MAX_LENGTH)
    try:
        parts = urlsplit(link)
        host, _ = parts.hostname, parts.port
    except ValueError:  # an unclosed [IPv6] bracket, a port that is not a number, ...
        raise BadLink("link_malformed", link=shown) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BadLink("link_not_web", link=shown)
    if not host:
        raise BadLink("link_no_site", link=shown)
    if not host.startswith("[") and ":" not in host:
        labels = host.rstrip(".").split(".")
        if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
            raise BadLink("link_no_domain", link=shown)
    return link


def check_links(tokens: list[str]) -> tuple[str, ...]:
    """Every token as a checked link, duplicates dropped; `BadLink` for the first bad one."""
    if len(tokens) > MAX_LINKS:
        raise BadLink("too_many_links", limit=MAX_LINKS)
    checked: dict[str, str] = {}
    for token in tokens:
        link = check_link(token)
        checked.setdefault(dedupe_key(link), link)
    return tuple(checked.values())


def links_problem(text: str, language: str) -> str | None:
    """What is wrong with a field of links typed one after another, in `language`, or None:
    the report form's links field, checked alone as it is typed."""
    try:
        check_links(text.split())
    except BadLink as bad:
        return bad.said(language)
    return None


# Words between two links typed one after another ("<link> and <link> rude").
_JOINING = frozenset(("and", "&", "+", ",", "og", "und", "en", "et", "y", "och"))


def _label_end(words: list[str], start: int) -> int:
    """Where the `(label)` a link is followed by ends (`url (Angry Customer (@a) on X)`, as
    a link behind a label is read), or `start` when none begins there."""
    if start >= len(words) or not words[start].startswith("("):
        return start
    depth = 0
    for index in range(start, len(words)):
        depth += words[index].count("(") - words[index].count(")")
        if depth <= 0:
            return index + 1
    return start


def split_typed(text: str) -> Split:
    """`https://a https://b rude comments` → the links at the start, and the words after them;
    a link's `(label)` and the words joining two links (`and`) are no end of the links, and the
    labels stay with the words."""
    words = labels_apart(text).split()
    links: list[str] = []
    labels: list[str] = []
    count = 0
    while count < len(words):
        if looks_like_link(words[count]):
            links.append(bare(words[count]))
            end = _label_end(words, count + 1)
            labels += words[count + 1 : end]
            count = end
        elif (
            links
            and words[count].lower() in _JOINING
            and count + 1 < len(words)
            and looks_like_link(words[count + 1])
        ):
            count += 1
        else:
            break
    return Split(tuple(links), " ".join([*labels, *words[count:]]))


def links_anywhere(text: str) -> Split:
    """The good links anywhere in `text`, and its other words: for a report whose words come
    before its link ("see this <link>", a Japanese "please look" and a full-width colon)."""
    words = labels_apart(text).split()
    return Split(links_in(text), " ".join(w for w in words if not looks_like_link(w)))


def links_in(text: str) -> tuple[str, ...]:
    """The http(s) links anywhere in a message, in order (for the message shortcut)."""
    found = []
    for word in labels_apart(text).split():
        try:
            found.append(check_link(word))
        except BadLink:
            continue
    return tuple(dict.fromkeys(found))[:MAX_LINKS]


def site_of(link: str) -> str:
    """The site a link is on (`x`, `linkedin`, …, `news`), or `other`."""
    try:
        host = (urlsplit(link).hostname or "").rstrip(".")
    except ValueError:
        return "other"
    for value, _, domains in SITES:
        if any(host == domain or host.endswith("." + domain) for domain in domains):
            return value
    return "news" if _NEWS_HINT.search(host.lower()) else "other"


def keys(links: tuple[str, ...]) -> tuple[str, ...]:
    """The identity of each link for merging reports (no scheme, www., trackers, fragment)."""
    return tuple(dedupe_key(link) for link in links)
