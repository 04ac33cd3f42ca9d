"""Reported links are checked for shape only, placed on a site, and split from the note."""

from __future__ import annotations

import pytest

from handlers.reports.links import (
    BadLink,
    check_link,
    links_in,
    looks_like_link,
    site_of,
    split_typed,
)


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        ("javascript:alert(1)", "not a web link"),
        ("ftp://files.example.com/a", "not a web link"),
        ("https//x.com/a/status/1", "not a web link"),
        ("hxxps://x.com/a/status/1", "not a web link"),
        ("https://", "no website"),
        ("https:///path-only", "no website"),
        ("https://localhost/x", "does not name a website"),
        ("https://bad_host-.com/x", "does not name a website"),
        ("https://example.com:port/x", "not a well-formed web address"),
        ("http://[::1", "not a well-formed web address"),
        ("https://exa mple.com", "spaces"),
        ("", "empty"),
        ("https://example.com/" + "a" * 2000, "longer than"),
    ],
)
def test_bad_links_are_refused_with_the_reason(link: str, problem: str) -> None:
    with pytest.raises(BadLink, match=problem):
        check_link(link)


@pytest.mark.parametrize(
    ("typed", "link"),
    [
        ("x.com/someone/status/1", "https://x.com/someone/status/1"),
        ("twitter.com/someone/status/1?s=20", "https://twitter.com/someone/status/1?s=20"),
        ("www.example.com/page", "https://www.example.com/page"),
        ("youtu.be/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ"),
        ("<http://x.com/a/status/1|x.com/a/status/1>", "http://x.com/a/status/1"),
        ("HTTPS://X.com/a/status/1", "HTTPS://X.com/a/status/1"),
    ],
)
def test_a_link_typed_without_a_scheme_is_a_link(typed: str, link: str) -> None:
    assert looks_like_link(typed)
    assert check_link(typed) == link


@pytest.mark.parametrize("word", ["acme.com", "x.com", "e.g.", "Mr.Smith", "v1.2/beta", "and/or"])
def test_words_with_dots_are_not_links(word: str) -> None:
    assert not looks_like_link(word)


@pytest.mark.parametrize(
    ("link", "site"),
    [
        ("https://x.com/a/status/1", "x"),
        ("https://mobile.twitter.com/a/status/1", "x"),
        ("https://www.linkedin.com/posts/abc", "linkedin"),
        ("https://lnkd.in/abc", "linkedin"),
        ("https://m.facebook.com/story.php?id=1", "facebook"),
        ("https://www.instagram.com/p/abc/", "instagram"),
        ("https://www.tiktok.com/@a/video/1", "tiktok"),
        ("https://youtu.be/abc", "youtube"),
        ("https://old.reddit.com/r/a/comments/b", "reddit"),
        ("https://www.glassdoor.de/Bewertungen/x.htm", "glassdoor"),
        ("https://uk.trustpilot.com/review/acme.com", "trustpilot"),
        ("https://www.g2.com/products/acme/reviews", "g2"),
        ("https://www.dailynews.example/story", "news"),
        ("https://news.example.org/a", "news"),
        ("https://someblog.example/post", "other"),
        ("https://notx.com/a", "other"),
    ],
)
def test_the_site_is_detected_from_the_link(link: str, site: str) -> None:
    assert site_of(check_link(link)) == site


def test_slack_wrapped_links_and_notes_are_split() -> None:
    typed = split_typed("<https://x.com/a|x.com/a> https://x.com/b  calls us liars")
    assert typed.links == ("https://x.com/a", "https://x.com/b")
    assert typed.rest == "calls us liars"
    assert split_typed("saw it on TV").links == ()


def test_links_are_found_anywhere_in_a_message() -> None:
    text = "Look (https://x.com/a). And <https://reddit.com/r/b|this>, not javascript:x or ftp://y"
    assert links_in(text) == ("https://x.com/a", "https://reddit.com/r/b")
