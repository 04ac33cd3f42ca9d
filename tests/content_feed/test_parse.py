"""Every real-world corpus file reads into items (or a clear refusal); bad input never crashes."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from content_feed.errors import (
    NoFeedLinkError,
    NotAFeedError,
    OPMLNotAFeedError,
    ParseError,
    UnsafeXMLError,
)
from content_feed.parse import discover_feed_url, parse_feed, parse_opml
from tests.content_feed.conftest import CORPUS, SHARED_CORPUS, item, rss

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

# Page → the feed its <link rel="alternate"> names (relative links resolved against the page).
PAGES = {
    "DaringFireball.html": "https://daringfireball.net/feeds/main",
    "YouTubeTheVolvoRocks.html": (
        "https://www.youtube.com/feeds/videos.xml?channel_id=UCct7QF2jcWRY6dhXWMSq9LQ"
    ),
    "coco.html": "https://daringfireball.net/feed/all/",
    "furbo.html": "http://furbo.org/feed/",
    "inessential.html": "http://inessential.com/xml/rss.xml",
    "sixcolors.html": "http://feedpress.me/sixcolors",
}
OPML = {"Subs.opml", "SubsNoTitleAttributes.opml"}
# Files that are not (whole) feeds, with the refusal they get.
REFUSED = {"allthis-partial.json": "cut short"}
# JSON Feed test file whose items have neither url nor a URL id: nothing to share.
NO_LINKS = {"authors.json": 4}


def corpus_files() -> list[Path]:
    files = {path.name: path for path in sorted(CORPUS.iterdir()) if path.suffix != ".md"}
    if SHARED_CORPUS.is_dir():
        files.update({path.name: path for path in sorted(SHARED_CORPUS.iterdir())})
    return sorted(files.values())


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_corpus_file(path: Path) -> None:
    data = path.read_bytes()
    page_url = "https://daringfireball.net/"
    if path.name in PAGES:
        assert discover_feed_url(data, page_url) == PAGES[path.name]
        with pytest.raises(NotAFeedError, match="HTML page"):
            parse_feed(data, page_url)
    elif path.name in OPML:
        with pytest.raises(OPMLNotAFeedError, match="OPML list of 207 feeds"):
            parse_feed(data)
        outlines = parse_opml(data)
        assert len(outlines) == 207
        assert all(o.feed_url.startswith("http") and o.title for o in outlines)
    elif path.name in REFUSED:
        with pytest.raises(ParseError, match=REFUSED[path.name]):
            parse_feed(data)
    else:
        feed = parse_feed(data, f"https://feeds.example.com/{path.name}", now=NOW)
        if path.name in NO_LINKS:
            assert (feed.items, feed.skipped) == ([], NO_LINKS[path.name])
            return
        assert feed.items, path.name
        assert feed.title
        for entry in feed.items:
            assert entry.title.strip() and "<" not in entry.title
            assert entry.link.startswith(("http://", "https://"))
            assert entry.guid
            assert "<p>" not in entry.summary and "&amp;" not in entry.summary
            assert len(entry.summary) <= 500
            assert entry.image is None or entry.image.startswith(("http://", "https://"))
            assert entry.published is None or entry.published <= NOW


def test_known_values_of_one_feed() -> None:
    feed = parse_feed((CORPUS / "EMarley.rss").read_bytes(), "https://emarley.example/rss")
    assert feed.format == "rss20"
    first = feed.items[0]
    assert first.published is not None and first.published.tzinfo is not None
    assert first.summary == " ".join(first.summary.split())


def test_json_feed_fields() -> None:
    feed = parse_feed((CORPUS / "allthis.json").read_bytes(), "http://leancrew.com/all-this/")
    assert feed.format == "json1"
    first = feed.items[0]
    assert first.title == "Last thoughts on modifier keys"
    assert first.link == "http://leancrew.com/all-this/2017/11/last-thoughts-on-modifier-keys/"
    assert first.summary == "The first shall be last."
    assert first.published == datetime(2017, 11, 4, 12, 58, 53, tzinfo=UTC) or first.published


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("phpxml.rss", "nl"),  # RSS <language>nl-nl</language>
        ("kc0011.rss", "zh"),
        ("pappacoda.atom", "it"),  # the Atom feed element's xml:lang="it"
        ("3960-3.json", "de"),  # a JSON Feed's "language": "de-DE"
        ("EMarley.rss", None),  # declares none
    ],
)
def test_the_language_a_feed_declares_is_read(name: str, language: str | None) -> None:
    # review17a M6: no feed's declared language was read; a short headline's suggested posts
    # fell back to English frames in a German or Danish feed.
    feed = parse_feed((CORPUS / name).read_bytes(), f"https://feeds.example/{name}", now=NOW)
    assert feed.language == language
    assert feed.items and {i.language for i in feed.items} == {language}


def test_an_entry_s_own_language_and_odd_tags() -> None:
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-DE"><title>T</title>'
        '<entry xml:lang="da"><title>Rekordår</title><link href="https://e.dk/1"/><id>1</id>'
        '</entry><entry><title>Neu</title><link href="https://e.de/2"/><id>2</id></entry></feed>'
    )
    assert [i.language for i in parse_feed(atom.encode()).items] == ["da", "de"]
    for tag, language in [("no-NO", "nb"), ("en_US", "en"), ("x", None), ("de DE", None)]:
        channel = rss(item("1", "https://e.com/1")).replace(
            "<link>", f"<language>{tag}</language><link>", 1
        )
        assert parse_feed(channel.encode()).language == language, tag


def test_images_come_from_media_enclosures_and_img_tags() -> None:
    doc = (
        '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>'
        "<item><title>a</title><link>https://e.com/a</link>"
        '<media:content url="https://e.com/a.jpg" medium="image"/></item>'
        "<item><title>b</title><link>https://e.com/b</link>"
        '<enclosure url="https://e.com/b.png" type="image/png" length="1"/></item>'
        "<item><title>c</title><link>https://e.com/c</link>"
        '<description>&lt;p&gt;Hi &lt;img src="/c.gif"&gt;&lt;/p&gt;</description></item>'
        "<item><title>d</title><link>https://e.com/d</link>"
        '<enclosure url="https://e.com/d.mp3" type="audio/mpeg" length="1"/></item>'
        "</channel></rss>"
    )
    images = [entry.image for entry in parse_feed(doc.encode(), now=NOW).items]
    assert images == ["https://e.com/a.jpg", "https://e.com/b.png", "https://e.com/c.gif", None]


def test_summary_is_plain_text() -> None:
    description = (
        "&lt;p&gt;Caf&amp;eacute; &amp;amp; more&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;"
        "&lt;ul&gt;&lt;li&gt;one&lt;/li&gt;&lt;li&gt;two&lt;/li&gt;&lt;/ul&gt;   spaced\n\nout"
    )
    doc = rss(item("g", "https://e.com/a", description=description))
    assert parse_feed(doc.encode(), now=NOW).items[0].summary == "Café & more one two spaced out"


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("Mon, 16 Nov 2026 08:00:00 +0000", datetime(2026, 11, 16, 8, tzinfo=UTC)),
        ("Tue, 24 Nov 2026 08:00:00 +0000", datetime(2026, 11, 24, 8, tzinfo=UTC)),  # < a day
        ("Fri, 01 Jan 2027 00:00:00 +0000", None),  # the future
        ("Thu, 01 Jan 1970 00:00:00 +0000", None),  # an epoch default
        ("not a date", None),
        (None, None),
    ],
)
def test_dates_are_sane_or_none(date: str | None, expected: datetime | None) -> None:
    doc = rss(item("g", "https://e.com/a", date=date))
    assert parse_feed(doc.encode(), now=NOW).items[0].published == expected


def test_json_feed_dates_are_sane_or_none() -> None:
    doc = (
        '{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": ['
        '{"id": "1", "url": "https://e.com/1", "date_published": "2099-01-01T00:00:00Z"},'
        '{"id": "2", "url": "https://e.com/2", "date_published": "1970-01-01T00:00:00Z"},'
        '{"id": "3", "url": "https://e.com/3", "date_published": "2026-11-20T10:00:00+01:00"}]}'
    )
    dates = [entry.published for entry in parse_feed(doc.encode(), now=NOW).items]
    assert dates == [None, None, datetime(2026, 11, 20, 9, tzinfo=UTC)]


def test_item_without_link_is_skipped_and_counted() -> None:
    doc = rss(item("no-link"), item("https://e.com/guid-is-url"), item("g", "https://e.com/ok"))
    feed = parse_feed(doc.encode(), now=NOW)
    assert [entry.link for entry in feed.items] == ["https://e.com/guid-is-url", "https://e.com/ok"]
    assert feed.skipped == 1


def test_relative_links_are_resolved_against_the_feed() -> None:
    doc = rss(item("g", "/posts/1"))
    assert parse_feed(doc.encode(), "https://e.com/feed").items[0].link == "https://e.com/posts/1"


def test_a_page_without_feed_link_is_refused_clearly() -> None:
    page = b"<!DOCTYPE html><html><head><title>Blog</title></head><body>Hi</body></html>"
    with pytest.raises(NotAFeedError, match="HTML page, not a feed and names no feed"):
        parse_feed(page, "https://e.com/")
    with pytest.raises(NoFeedLinkError):
        discover_feed_url(page, "https://e.com/")


def test_discovery_prefers_feeds_and_honours_base() -> None:
    page = (
        '<html><head><base href="https://cdn.e.com/blog/">'
        '<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">'
        '<link rel="alternate" type="application/atom+xml" href="atom.xml">'
        '<link rel="alternate feed" type="application/rss+xml" href="rss.xml">'
        "</head></html>"
    )
    assert discover_feed_url(page, "https://e.com/") == "https://cdn.e.com/blog/rss.xml"


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"", NotAFeedError, "empty"),
        (b"   \n", NotAFeedError, "empty"),
        (b"just some text, no markup", NotAFeedError, "not an RSS, Atom or JSON feed"),
        (b'{"hello": "world"}', NotAFeedError, "not a JSON Feed"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', ParseError, "cut short"),
        (b"<html><body>Hello</body></html>", NotAFeedError, "HTML page"),
        (b'<?xml version="1.0"?><note><to>x</to></note>', NotAFeedError, "not an RSS"),
    ],
)
def test_not_a_feed(data: bytes, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        parse_feed(data)


def test_truncated_xml_keeps_what_it_can_with_a_warning() -> None:
    whole = rss(*(item(f"g{n}", f"https://e.com/{n}") for n in range(5))).encode()
    feed = parse_feed(whole[: int(len(whole) * 0.7)], now=NOW)
    assert 1 <= len(feed.items) < 5
    assert feed.warning and "not well-formed" in feed.warning


def test_truncated_before_any_item_is_refused_or_empty() -> None:
    feed = parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x', now=NOW)
    assert feed.items == []


def test_entity_expansion_bomb_is_refused_quickly() -> None:
    lol = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    ]
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(lol)}]>'
        "<rss version='2.0'><channel><title>&lol9;</title></channel></rss>"
    ).encode()
    started = time.process_time()
    with pytest.raises(UnsafeXMLError, match="entities"):
        parse_feed(bomb)
    assert time.process_time() - started < 5  # generous: a real expansion takes minutes


def test_external_entity_is_refused() -> None:
    doc = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss/>'
    with pytest.raises(UnsafeXMLError):
        parse_feed(doc)


def test_invalid_utf8_still_reads() -> None:
    doc = rss(item("g", "https://e.com/a", title="Caf\udce9")).encode("utf-8", "surrogateescape")
    feed = parse_feed(doc, now=NOW)
    assert len(feed.items) == 1 and feed.items[0].title.startswith("Caf")


def test_a_file_name_in_the_body_is_not_opened(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text(rss(item("secret", "https://e.com/secret")))
    with pytest.raises(NotAFeedError):
        parse_feed(str(secret).encode())
