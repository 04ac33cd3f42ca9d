"""Feed documents to items: RSS 0.9x/1.0/2.0 and Atom via feedparser, JSON Feed by hand."""

from __future__ import annotations

import calendar
import io
import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, NoReturn
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree
from xml.parsers import expat

import feedparser
from feedparser.encodings import convert_to_utf8

from content_feed.errors import (
    NoFeedLinkError,
    NotAFeedError,
    OPMLNotAFeedError,
    ParseError,
    UnsafeXMLError,
)
from content_feed.text import FEED_TYPES, clip, collapse, find_feed_links, html_to_text

SUMMARY_LIMIT = 500
TITLE_LIMIT = 200
# A feed reader keeps a feed's newest hundred or two; a digest needs a handful. More is a
# document nobody writes by hand (85,000 tiny items fit under the size limit).
ITEMS_KEPT = 200
# Whole articles ride in some feeds; the summary and first image come from the start of them.
MARKUP_LIMIT = 20_000
# Nothing on a corporate or industry blog predates this; earlier dates are broken defaults.
EARLIEST_SANE_DATE = datetime(1995, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE = timedelta(days=1)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
# The prolog is read this much at a time, until the root element begins.
_PROLOG_CHUNK = 16 * 1024
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S
)
# A language tag's primary subtag ("da" of "da-DK", "de" of "de_DE"); Norwegian as the bot
# knows it (its Bokmål and Nynorsk items framed alike).
_LANGUAGE_TAG = re.compile(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")
_NORWEGIAN = {"no": "nb", "nn": "nb"}
_HTML_LANG = re.compile(rb"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z_-]+)", re.I)


@dataclass(frozen=True)
class ParsedItem:
    """One entry of a feed, normalised: plain-text title and summary, absolute links."""

    guid: str
    title: str
    link: str
    published: datetime | None
    summary: str
    image: str | None
    tags: tuple[str, ...] = ()
    language: str | None = None  # as the entry or its document declares it (`declared_language`)


@dataclass(frozen=True)
class ParsedFeed:
    """A feed document read into items; `warning` says what was odd but survivable;
    `language` the one it declares (or the page it was found through), if any."""

    format: str
    title: str
    site_url: str | None
    items: list[ParsedItem]
    skipped: int = 0
    warning: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class OPMLOutline:
    """One subscription of an OPML list."""

    title: str
    feed_url: str
    site_url: str | None = None


@dataclass
class _Draft:
    guid: str = ""
    title: str = ""
    link: str = ""
    date: datetime | None = None
    html: str = ""
    images: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str = ""


def sniff(data: bytes, content_type: str = "") -> str:
    """Guess what a document is: "json", "html", "opml" or "xml" (the feed formats)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    mime = content_type.split(";")[0].strip().lower()
    if head.startswith((b"{", b"[")) or mime in ("application/feed+json", "application/json"):
        return "json"
    if _HTML_START.match(head) or (mime == "text/html" and b"<rss" not in head):
        return "html"
    if re.search(rb"<opml[\s>]", head):
        return "opml"
    return "xml"


def parse_feed(
    data: bytes, url: str = "", content_type: str = "", now: datetime | None = None
) -> ParsedFeed:
    """Read a feed document; raise `ParseError` (or a subclass) saying why it is not one."""
    if not data.strip():
        raise NotAFeedError("the document is empty")
    now = now or datetime.now(UTC)
    kind = sniff(data, content_type)
    if kind == "json":
        return _newest(_parse_json_feed(data, url, now))
    if kind == "html":
        links = discover_feed_urls(data, url)
        hint = f"; it links to the feed {links[0]}" if links else " and names no feed"
        raise NotAFeedError(f"this is an HTML page, not a feed{hint}")
    if kind == "opml":
        count = len(parse_opml(data))
        raise OPMLNotAFeedError(
            f"this is an OPML list of {count} feeds, not a feed; add its feeds one by one"
        )
    return _newest(_parse_xml_feed(data, url, now))


def _newest(parsed: ParsedFeed) -> ParsedFeed:
    """The feed with its newest `ITEMS_KEPT` items (undated ones in the document's order after
    the dated), saying so when there were more."""
    if len(parsed.items) <= ITEMS_KEPT:
        return parsed
    oldest = datetime.min.replace(tzinfo=UTC)
    kept = sorted(parsed.items, key=lambda item: item.published or oldest, reverse=True)
    note = f"kept the newest {ITEMS_KEPT} of its {len(parsed.items):,} entries"
    warning = f"{parsed.warning}; {note}" if parsed.warning else note
    return replace(parsed, items=kept[:ITEMS_KEPT], warning=warning)


class _RootReached(Exception):
    """The root element began: the prolog, the only place for a DTD, has been read."""


def _refuse_dtd(doctype: str, system_id: str | None, public_id: str | None, internal: int) -> None:
    if internal:
        raise UnsafeXMLError(
            "the XML has a DTD of its own, where entities are declared (a possible "
            "entity-expansion attack)"
        )


def _refuse_entity(*_: object) -> NoReturn:
    raise UnsafeXMLError("the XML declares entities (a possible entity-expansion attack)")


def _stop_at_root(*_: object) -> NoReturn:
    raise _RootReached


def refuse_unsafe_xml(data: bytes) -> None:
    """Raise `UnsafeXMLError` when the XML has a DTD of its own or declares or refers to entities.

    Expat reads the prolog (up to the root element) with handlers that refuse instead of
    expanding: comments and processing instructions cannot hide a declaration from it. A DOCTYPE
    that only names an external DTD (RSS 0.91) passes; that DTD is never fetched.
    """
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_entity
    parser.StartElementHandler = _stop_at_root
    try:
        for start in range(0, len(data), _PROLOG_CHUNK):
            parser.Parse(data[start : start + _PROLOG_CHUNK], False)
        parser.Parse(b"", True)
    except _RootReached:
        return
    except (expat.ExpatError, ValueError):  # ValueError: a multi-byte encoding expat cannot read
        # feedparser reads what expat cannot with a lenient parser: no declaration anywhere then.
        if _ENTITY_DECLARATION.search(data):
            raise UnsafeXMLError(
                "the XML is not well-formed and declares entities (a possible entity-expansion "
                "attack)"
            ) from None


def _parse_xml_feed(data: bytes, url: str, now: datetime) -> ParsedFeed:
    headers = {"content-location": url} if url else {}
    # A missing or wrong Content-Type says nothing about the document; only the bytes matter.
    headers["content-type"] = "application/xml"
    # Checked as feedparser will read it: converted to UTF-8 the way it converts, so no encoding
    # (UTF-16, EBCDIC, Shift_JIS...) hides a declaration from the check but not from the parser.
    refuse_unsafe_xml(convert_to_utf8(dict(headers), data, {}))
    # A file object, never bytes or str: feedparser treats a string as a URL or a file name.
    # Sanitising and relative-URI rewriting of embedded HTML are skipped: we keep plain text only.
    result: Any = feedparser.parse(
        io.BytesIO(data), response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    entries = result.get("entries") or []
    version = result.get("version") or ""
    problem = result.get("bozo_exception") if result.get("bozo") else None
    if not version and not entries:
        reason = f" ({_describe(problem)})" if problem else ""
        raise NotAFeedError(f"not an RSS, Atom or JSON feed{reason}")
    info = result.get("feed") or {}
    base = info.get("link") or url
    drafts = [_draft_from_entry(entry) for entry in entries]
    # RSS `<language>`, or the Atom feed element's `xml:lang`.
    language = declared_language(info.get("language"))
    items, skipped = _finish(drafts, base, url, now, language)
    warning = None
    if isinstance(problem, feedparser.NonXMLContentType):
        problem = None
    if problem is not None and not isinstance(problem, feedparser.CharacterEncodingOverride):
        warning = f"the feed is not well-formed ({_describe(problem)}); read what could be read"
    elif problem is not None:
        warning = "the feed's declared encoding was wrong; read with a fallback encoding"
    return ParsedFeed(
        format=version or "xml",
        title=clip(html_to_text(info.get("title", ""))[0], TITLE_LIMIT),
        site_url=_absolute(info.get("link"), url),
        items=items,
        skipped=skipped,
        warning=warning,
        language=language,
    )


def declared_language(tag: object) -> str | None:
    """The language a feed, entry or page declares ("da-DK" → "da"), None for none or a tag
    that is no language's."""
    if not isinstance(tag, str) or not (match := _LANGUAGE_TAG.match(tag)):
        return None
    code = match.group(1).lower()
    return _NORWEGIAN.get(code, code)


def page_language(page: bytes) -> str | None:
    """The language an HTML page declares in `<html lang>`, if any."""
    match = _HTML_LANG.search(page[:_PROLOG_CHUNK])
    return declared_language(match.group(1).decode("ascii")) if match else None


def _describe(problem: object) -> str:
    text = collapse(str(problem)) or type(problem).__name__
    return clip(text, 160)


def _draft_from_entry(entry: dict[str, Any]) -> _Draft:
    draft = _Draft()
    draft.guid = str(entry.get("id") or "").strip()
    draft.title = entry.get("title") or ""
    draft.link = entry.get("link") or ""
    if not draft.link:
        for link in entry.get("links") or []:
            if link.get("rel", "alternate") == "alternate" and link.get("href"):
                draft.link = link["href"]
                break
    if not draft.link and entry.get("guidislink") and draft.guid.startswith("http"):
        draft.link = draft.guid
    # dict.get: feedparser's own get() maps one key to the other with a DeprecationWarning.
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if isinstance(parsed, time.struct_time):
        # feedparser gives UTC struct_time; timegm keeps it UTC.
        draft.date = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    contents = [c.get("value", "") for c in entry.get("content") or []]
    draft.html = (entry.get("summary") or next((c for c in contents if c), ""))[:MARKUP_LIMIT]
    contents = [c[:MARKUP_LIMIT] for c in contents]
    for media in entry.get("media_content") or []:
        if _looks_like_image(media.get("url"), media.get("type"), media.get("medium")):
            draft.images.append(media["url"])
    for media in entry.get("media_thumbnail") or []:
        if media.get("url"):
            draft.images.append(media["url"])
    for enclosure in entry.get("enclosures") or []:
        if _looks_like_image(enclosure.get("href"), enclosure.get("type"), None):
            draft.images.append(enclosure["href"])
    image = entry.get("image")
    if isinstance(image, Mapping) and image.get("href"):
        draft.images.append(image["href"])
    for html in [draft.html, *contents]:
        first = html_to_text(html)[1] if html else None
        if first:
            draft.images.append(first)
            break
    draft.tags = [t.get("term", "") for t in entry.get("tags") or [] if t.get("term")]
    # An Atom entry's own `xml:lang` (feedparser gives the one in force on each text).
    details = [entry.get("title_detail"), entry.get("summary_detail"), *entry.get("content", [])]
    draft.language = next(
        (d["language"] for d in details if isinstance(d, Mapping) and d.get("language")), ""
    )
    return draft


def _looks_like_image(url: object, mime: object, medium: object) -> bool:
    if not isinstance(url, str) or not url:
        return False
    if medium == "image" or (isinstance(mime, str) and mime.startswith("image/")):
        return True
    try:
        path = urlsplit(url).path
    except ValueError:  # "http://[::1/" and other text urllib cannot split
        return False
    return not mime and not medium and path.lower().endswith(IMAGE_SUFFIXES)


def _absolute(link: object, base: str) -> str | None:
    if not isinstance(link, str) or not link.strip():
        return None
    try:
        absolute = urljoin(base, link.strip()) if base else link.strip()
        return absolute if urlsplit(absolute).scheme in ("http", "https") else None
    except ValueError:  # "http://[::1/" and other text urllib cannot split
        return None


def sane_date(value: datetime | None, now: datetime) -> datetime | None:
    """The date, or None when it is in the future beyond a day or before the web's blogs."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if value < EARLIEST_SANE_DATE or value > now + FUTURE_TOLERANCE:
        return None
    return value.astimezone(UTC)


def _finish(
    drafts: Iterable[_Draft], base: str, feed_url: str, now: datetime, language: str | None
) -> tuple[list[ParsedItem], int]:
    items: list[ParsedItem] = []
    skipped = 0
    seen: set[str] = set()
    for draft in drafts:
        link = _absolute(draft.link, base or feed_url)
        if link is None and draft.guid.startswith(("http://", "https://")):
            link = _absolute(draft.guid, base or feed_url)
        if link is None:
            skipped += 1  # nothing to share without a link
            continue
        guid = draft.guid or link
        if guid in seen:
            skipped += 1
            continue
        seen.add(guid)
        summary, _ = html_to_text(draft.html) if draft.html else ("", None)
        title = html_to_text(draft.title)[0] if draft.title else ""
        title = clip(title or clip(summary, 90) or link, TITLE_LIMIT)
        image = next(
            (url for url in (_absolute(i, link) for i in draft.images) if url is not None), None
        )
        items.append(
            ParsedItem(
                guid=clip(guid, 1000, ""),
                title=title,
                link=link,
                published=sane_date(draft.date, now),
                summary=clip(summary, SUMMARY_LIMIT),
                image=image,
                tags=tuple(dict.fromkeys(collapse(t) for t in draft.tags if collapse(t)))[:10],
                language=declared_language(draft.language) or language,
            )
        )
    return items, skipped


def _parse_json_feed(data: bytes, url: str, now: datetime) -> ParsedFeed:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ParseError("the JSON feed is not valid UTF-8") from None
    try:
        # strict=False: raw newlines and tabs inside strings are common and harmless.
        document = json.loads(text, strict=False)
    except json.JSONDecodeError as error:
        if error.msg.startswith("Unterminated") or error.pos >= len(text.rstrip()) - 1:
            raise ParseError("the JSON feed is cut short (truncated)") from None
        raise ParseError(f"the JSON feed is not valid JSON: {error}") from None
    except RecursionError:
        raise ParseError("the JSON feed is nested too deeply to read") from None
    except ValueError:
        # What json raises past Python's limit on integer digits (4,300 by default).
        raise ParseError("the JSON feed has a number too long to read") from None
    if isinstance(document, dict) and isinstance(document.get("rss"), dict):
        return _parse_rss_in_json(document["rss"], url, now)
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or not re.match(r"https?://jsonfeed\.org/version/", version):
        raise NotAFeedError("JSON, but not a JSON Feed (no jsonfeed.org version)")
    raw_items = document.get("items")
    if not isinstance(raw_items, list):
        raise ParseError("the JSON Feed has no items list")
    base = _text(document.get("home_page_url")) or url
    drafts = []
    for raw in raw_items:
        if not isinstance(raw, dict):
            continue
        draft = _Draft(
            guid=_text(raw.get("id")),
            title=_text(raw.get("title")),
            link=_text(raw.get("url")) or _text(raw.get("external_url")),
            date=_iso_date(raw.get("date_published")) or _iso_date(raw.get("date_modified")),
        )
        summary = _text(raw.get("summary"))
        content_html = _text(raw.get("content_html"))
        content_text = _text(raw.get("content_text"))
        draft.html = summary or content_html or _escape(content_text)
        for key in ("image", "banner_image"):
            if _text(raw.get(key)):
                draft.images.append(_text(raw.get(key)))
        for attachment in raw.get("attachments") or []:
            if isinstance(attachment, dict) and _looks_like_image(
                attachment.get("url"), attachment.get("mime_type"), None
            ):
                draft.images.append(attachment["url"])
        first = html_to_text(content_html)[1] if content_html else None
        if first:
            draft.images.append(first)
        draft.tags = [t for t in raw.get("tags") or [] if isinstance(t, str)]
        draft.language = _text(raw.get("language"))  # JSON Feed 1.1
        drafts.append(draft)
    language = declared_language(document.get("language"))
    items, skipped = _finish(drafts, base, url, now, language)
    return ParsedFeed(
        format="json" + version.rsplit("/", 1)[-1].replace(".", ""),
        title=clip(collapse(_text(document.get("title"))), TITLE_LIMIT),
        site_url=_absolute(document.get("home_page_url"), url),
        items=items,
        skipped=skipped + len(raw_items) - len(drafts),
        language=language,
    )


def _parse_rss_in_json(rss: dict[str, Any], url: str, now: datetime) -> ParsedFeed:
    """RSS 2.0 written as JSON (scripting.com's rss.js): the channel and items, keys as in XML."""
    channel = rss.get("channel")
    if not isinstance(channel, dict) or not isinstance(channel.get("item", []), list):
        raise NotAFeedError("JSON with an rss key, but no channel with items")
    drafts = []
    for raw in channel.get("item", []):
        if not isinstance(raw, dict):
            continue
        enclosure = raw.get("enclosure")
        images = []
        if isinstance(enclosure, dict) and _looks_like_image(
            enclosure.get("url"), enclosure.get("type"), None
        ):
            images.append(enclosure["url"])
        pub_date = _text(raw.get("pubDate"))
        try:
            date = parsedate_to_datetime(pub_date) if pub_date else None
        except (TypeError, ValueError):
            date = None
        drafts.append(
            _Draft(
                guid=_text(raw.get("guid")),
                title=_text(raw.get("title")),
                link=_text(raw.get("link")),
                date=date,
                html=_text(raw.get("description"))[:MARKUP_LIMIT],
                images=images,
            )
        )
    base = _text(channel.get("link")) or url
    language = declared_language(channel.get("language"))
    items, skipped = _finish(drafts, base, url, now, language)
    return ParsedFeed(
        format="rss-json",
        title=clip(collapse(_text(channel.get("title"))), TITLE_LIMIT),
        site_url=_absolute(channel.get("link"), url),
        items=items,
        skipped=skipped,
        language=language,
    )


def _text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # JSON Feed ids are strings, but numbers are seen in the wild
    return ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _iso_date(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("z", "Z"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def discover_feed_urls(page: bytes | str, page_url: str) -> list[str]:
    """The feed URLs an HTML page names in `<link rel="alternate">`, best first, absolute."""
    markup = page.decode("utf-8", "replace") if isinstance(page, bytes) else page
    base, links = find_feed_links(markup)
    base_url = (_absolute(base, page_url) if base else None) or page_url
    ranked = sorted(enumerate(links), key=lambda pair: (FEED_TYPES.index(pair[1][1]), pair[0]))
    found: list[str] = []
    for _, (href, _kind, _title) in ranked:
        absolute = _absolute(href, base_url)
        if absolute and absolute not in found:
            found.append(absolute)
    return found


def discover_feed_url(page: bytes | str, page_url: str) -> str:
    """The best feed URL of an HTML page; `NoFeedLinkError` when it names none."""
    found = discover_feed_urls(page, page_url)
    if not found:
        raise NoFeedLinkError("this is an HTML page that names no feed (no <link rel=alternate>)")
    return found[0]


def parse_opml(data: bytes) -> list[OPMLOutline]:
    """The feeds of an OPML subscription list; `ParseError` when it is not one."""
    refuse_unsafe_xml(data)
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError) as error:  # ValueError: a multi-byte encoding
        raise ParseError(f"the OPML list is not XML the bot can read: {error}") from None
    if root.tag.lower() != "opml":
        raise ParseError("not an OPML document")
    outlines = []
    for node in root.iter("outline"):
        feed_url = (node.get("xmlUrl") or node.get("xmlurl") or "").strip()
        if not feed_url:
            continue
        title = node.get("title") or node.get("text") or feed_url
        site = node.get("htmlUrl") or node.get("htmlurl")
        outlines.append(OPMLOutline(collapse(title), feed_url, site.strip() if site else None))
    return outlines
