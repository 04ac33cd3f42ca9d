"""URL canonicalisation: trackers, case, ports, fragments and query order."""

from __future__ import annotations

import pytest

from content_feed.canonical import canonical_url, dedupe_key


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Blog.Example.COM/Post?b=2&a=1#top", "https://blog.example.com/Post?a=1&b=2"),
        (
            "https://e.com/p?utm_source=x&utm_MEDIUM=y&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&id=7",
            "https://e.com/p?id=7",
        ),
        ("http://e.com:80/a", "http://e.com/a"),
        ("https://e.com:443", "https://e.com/"),
        ("https://e.com:8443/a", "https://e.com:8443/a"),
        ("https://user:pw@e.com/a", "https://e.com/a"),
        ("https://e.com/a?empty=&x=1", "https://e.com/a?empty=&x=1"),
        ("https://[2001:DB8::1]:8080/a", "https://[2001:db8::1]:8080/a"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_dedupe_key_ignores_scheme_www_and_trailing_slash() -> None:
    keys = {
        dedupe_key(url)
        for url in (
            "https://www.example.com/post/",
            "http://example.com/post?utm_campaign=spring",
            "https://EXAMPLE.com/post#comments",
        )
    }
    assert keys == {"example.com/post"}


def test_dedupe_key_keeps_meaningful_queries() -> None:
    assert dedupe_key("https://e.com/?p=1") != dedupe_key("https://e.com/?p=2")
