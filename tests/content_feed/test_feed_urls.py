"""Malformed feed URLs: one clear line from `feeds add` and at start-up, never a traceback."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import content_feed
from bot.cli import main
from content_feed.errors import InvalidFeedURLError
from content_feed.fetch import check_feed_url
from content_feed.manage import check_feed_entry, normalise_source

SAMPLE = Path(content_feed.__file__).parent / "data" / "sample-feed.xml"

# Each is refused before any network: none of them names a host that could be looked up.
NASTY = [
    "http://[::1/",
    "http://[::1",
    "http://[]/",
    "http://[v1.fe]/",
    "http://[::1]x/",
    "http://[not-an-address]/",
    "https://[fe80::1%zz/",
    "http://℀.com/",  # NFKC turns it into "a/c.com"
    "http://e︓com/",
    "http://exa mple.com/feed",
    "http://example.com/fe ed",
    "http://example.com/\x00",
    "http://example.com/\r\nX-Injected: 1",
    "http://\udcff.com/",
    "http://-/",
    "http://-leading.com/",
    "http://trailing-.com/",
    "http://a..b/",
    "http://" + "a" * 64 + ".com/",
    "http://" + ".".join(["abc"] * 90) + "/",
    "http://%41.com/",
    "http://a_b%zz.com/",
    "http://e.com:99999/",
    "http://e.com:-1/",
    "http://e.com:port/",
    "http://e.com:/",
    "http:///e.com/feed",
    "http:e.com/feed",
    "http://user:secret@e.com/feed",
    "http://@e.com/feed",
    "https://",
    "ftp://e.com/feed",
    "javascript:alert(1)",
    "data:text/xml,<rss/>",
    "gopher://e.com:70/",
    "//e.com/feed",
    "file://other-host/etc/passwd",
    "file:///no/such/feed.xml",
    "/no/such/feed.xml",
    "~no-such-user-here/feed.xml",
    "a" * 5000,
    "x/" * 3000,
    "\x00",
    "\u202ehttp://e.com/",
    "https://e.com/" + "\u0301" * 10,
    "http://xn--/",
    "http://xn--a.com/",
    "http://ß.example/\u200b",
]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, **env: str) -> Result:
        env = {"SOCIALBOT_DB": str(tmp_path / "bot.db"), **env}
        return runner.invoke(main, list(args), env=env, catch_exceptions=False)

    return invoke


def assert_one_clear_line(result: Result, status: int, starts: str) -> None:
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert result.output.startswith(starts), result.output


@pytest.mark.parametrize("url", [*NASTY, "99999999999999999999999", "-1", "\uff11"])
def test_feeds_add_and_remove_answer_nasty_input_in_one_line(cli, url: str) -> None:
    assert_one_clear_line(cli("feeds", "add", "--", url), 1, "Error: ")
    removed = cli("feeds", "remove", "--", url)
    assert_one_clear_line(removed, 1, "Error: no feed matches")
    assert removed.output.rstrip().endswith("; see 'socialbot feeds list'")


@pytest.mark.parametrize("url", ["http://[::1/", "industry:ftp://e.com/", "/no/such/feed.xml"])
def test_a_bad_feed_setting_stops_the_start_in_one_line(cli, url: str) -> None:
    result = cli("run", SOCIALBOT_FEEDS=f"https://e.com/feed,{url}")
    assert_one_clear_line(result, 2, "Invalid setting SOCIALBOT_FEEDS: ")


def test_good_feed_settings_pass(cli) -> None:
    entries = ["https://e.com/feed", "industry:blog.example.com", str(SAMPLE), SAMPLE.as_uri()]
    assert cli("feeds", "list", SOCIALBOT_FEEDS=",".join(entries)).exit_code == 0


# Text built from the pieces URLs are made of, and the characters that break them.
PIECES = st.sampled_from(
    [*"hpst:/[]@%?#.0123456789abcdefABCDEF-_~ \t\n\x00\\", "http://", "https://", "file:",
     "::", "::1", "%00", "%25", "xn--", "\uff48", "℀", "︓", "é", "İ", "ß", "\udcff", "\u200b"]
)  # fmt: skip
URL_LIKE = st.lists(PIECES, max_size=40).map("".join)
ANY_TEXT = st.one_of(URL_LIKE, st.text(max_size=80), st.text(max_size=60).map("http://".__add__))


@settings(max_examples=1000, database=None, deadline=None, suppress_health_check=[*HealthCheck])
@given(ANY_TEXT)
def test_any_text_is_a_source_or_one_clear_refusal(text: str) -> None:
    try:
        source = check_feed_entry(text)
    except InvalidFeedURLError as error:
        assert str(error) and "\n" not in str(error) and "\r" not in str(error)
        return
    if source.startswith("file:"):
        return
    # What is accepted is fetchable as it stands, and accepted again unchanged.
    assert check_feed_url(source) == source
    assert httpx.URL(source).scheme in ("http", "https")
    assert normalise_source(source) == source


@settings(max_examples=60, database=None, deadline=None, suppress_health_check=[*HealthCheck])
@given(ANY_TEXT)
def test_feeds_add_never_prints_a_traceback(cli, text: str) -> None:
    # Only what is refused before any look-up reaches the command: no test needs a DNS server.
    try:
        normalise_source(text, allow_files=True)
    except InvalidFeedURLError:
        pass
    else:
        assume(False)
    assert_one_clear_line(cli("feeds", "add", "--", text), 1, "Error: ")


@settings(max_examples=25, database=None, deadline=None, suppress_health_check=[*HealthCheck])
@given(path=st.text(max_size=40), private=st.booleans())
def test_feeds_add_with_any_path_on_a_local_host(cli, path: str, private: bool) -> None:
    # Port 9 (discard) is closed: refused as loopback by default, unreachable when allowed.
    url = f"http://127.0.0.1:9/{path}"
    env = {"SOCIALBOT_ALLOW_PRIVATE_FEEDS": "true" if private else "false"}
    assert_one_clear_line(cli("feeds", "add", "--", url, **env), 1, "Error: ")
