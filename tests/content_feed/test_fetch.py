"""Fetching: conditional GET against a local server, caps, redirects, and the SSRF guard."""

from __future__ import annotations

import gzip
import ipaddress

import pytest

from content_feed.errors import (
    BlockedAddressError,
    FetchError,
    HTTPStatusError,
    InvalidFeedURLError,
    TooLargeError,
    TooManyRedirectsError,
)
from content_feed.fetch import (
    USER_AGENT,
    FetchLimits,
    address_problem,
    check_feed_url,
    checked_addresses,
    fetch,
    new_client,
)
from tests.content_feed.conftest import FeedServer, item, rss

FEED = rss(item("g1", "https://e.com/1"))


def fake_resolver(table: dict[str, list[str]]):
    """A resolver answering from `table` (and counting calls)."""
    calls: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        return table[host]

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


async def test_conditional_get_round_trip(feed_server: FeedServer) -> None:
    url = feed_server.serve("/feed.xml", FEED)
    async with new_client(allow_private=True) as client:
        first = await fetch(client, url, allow_private=True)
        assert first.status == 200 and first.body == FEED.encode()
        assert first.etag and first.last_modified
        second = await fetch(
            client, url, etag=first.etag, last_modified=first.last_modified, allow_private=True
        )
    assert second.not_modified and second.body is None
    assert second.etag == first.etag
    assert feed_server.not_modified == 1


async def test_user_agent_and_gzip(feed_server: FeedServer) -> None:
    url = feed_server.serve(
        "/gz.xml", gzip.compress(FEED.encode()), headers={"Content-Encoding": "gzip"}
    )
    async with new_client(allow_private=True) as client:
        result = await fetch(client, url, allow_private=True)
    assert result.body == FEED.encode()
    seen = feed_server.last_headers
    assert seen["User-Agent"] == USER_AGENT and USER_AGENT.startswith("socialbot/")
    assert "gzip" in seen["Accept-Encoding"]


async def test_size_cap_with_declared_length(feed_server: FeedServer) -> None:
    url = feed_server.serve("/big.xml", b"x" * (10 * 1024 * 1024))
    async with new_client(allow_private=True) as client:
        with pytest.raises(TooLargeError, match="cap"):
            await fetch(client, url, allow_private=True)


async def test_size_cap_counts_inflated_bytes(feed_server: FeedServer) -> None:
    bomb = gzip.compress(b"<" * (10 * 1024 * 1024))  # ~10 kB on the wire
    url = feed_server.serve("/bomb.xml", bomb, headers={"Content-Encoding": "gzip"})
    async with new_client(allow_private=True) as client:
        with pytest.raises(TooLargeError):
            await fetch(client, url, allow_private=True, limits=FetchLimits(max_bytes=1_000_000))


async def test_http_errors_are_clear(feed_server: FeedServer) -> None:
    async with new_client(allow_private=True) as client:
        with pytest.raises(HTTPStatusError, match="HTTP 404"):
            await fetch(client, feed_server.url("/missing"), allow_private=True)


async def test_redirects_are_followed_and_limited(feed_server: FeedServer) -> None:
    final = feed_server.serve("/final.xml", FEED)
    feed_server.serve("/moved", status=301, headers={"Location": "/final.xml"})
    for n in range(10):
        feed_server.serve(f"/loop{n}", status=302, headers={"Location": f"/loop{n + 1}"})
    async with new_client(allow_private=True) as client:
        moved = await fetch(client, feed_server.url("/moved"), allow_private=True)
        assert moved.url == final and moved.body == FEED.encode()
        with pytest.raises(TooManyRedirectsError):
            await fetch(client, feed_server.url("/loop0"), allow_private=True)


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://metadata.test/computeMetadata/v1/",
        "file:///etc/passwd",
    ],
)
async def test_a_redirect_to_a_forbidden_address_is_refused(
    feed_server: FeedServer, target: str
) -> None:
    # Private feeds are allowed here (the server is on 127.0.0.1); metadata never is.
    feed_server.serve("/evil", status=302, headers={"Location": target})
    resolver = fake_resolver({"127.0.0.1": ["127.0.0.1"], "metadata.test": ["169.254.169.254"]})
    async with new_client(allow_private=True, resolver=resolver) as client:
        with pytest.raises((BlockedAddressError, InvalidFeedURLError)):
            await fetch(client, feed_server.url("/evil"), allow_private=True, resolver=resolver)


async def test_a_redirect_to_loopback_is_refused_by_default() -> None:
    # A public name redirecting to 127.0.0.1: the first hop would need the network, so the
    # redirect target is checked directly, as the redirect loop does for every hop.
    with pytest.raises(BlockedAddressError, match="loopback"):
        await checked_addresses("127.0.0.1", 80, allow_private=False)


async def test_loopback_is_refused_by_default(feed_server: FeedServer) -> None:
    url = feed_server.serve("/feed.xml", FEED)
    async with new_client() as client:
        with pytest.raises(BlockedAddressError, match=r"loopback.*SOCIALBOT_ALLOW_PRIVATE_FEEDS"):
            await fetch(client, url)
    assert feed_server.hits == {}


async def test_dns_names_resolving_to_private_addresses_are_refused() -> None:
    resolver = fake_resolver({"intranet.test": ["93.184.216.34", "10.1.2.3"]})
    async with new_client(resolver=resolver) as client:
        with pytest.raises(BlockedAddressError, match="private address"):
            await fetch(client, "http://intranet.test/feed", resolver=resolver)


async def test_dns_rebinding_between_check_and_connect_is_refused() -> None:
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    async with new_client(resolver=rebinding) as client:
        with pytest.raises(BlockedAddressError, match="loopback"):
            await fetch(client, "http://rebind.test/feed", resolver=rebinding)


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "metadata"),
        ("169.254.1.1", "link-local"),
        ("100.64.0.1", "reserved"),  # carrier-grade NAT: not global, not "private" either
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "private"),  # reserved 240/4 is also in Python's private table
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "metadata"),
        ("64:ff9b::a00:1", "private"),  # NAT64 of 10.0.0.1
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("fd00:ec2::254", "metadata"),
        ("ff02::1", "multicast"),
    ],
)
def test_forbidden_addresses(address: str, problem: str) -> None:
    found = address_problem(ipaddress.ip_address(address), allow_private=False)
    assert found is not None and problem in found


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address), allow_private=False) is None


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("127.0.0.1", True),
        ("10.0.0.1", True),
        ("::ffff:192.168.0.1", True),
        ("169.254.169.254", False),
        ("224.0.0.1", False),
        ("0.0.0.0", False),
    ],
)
def test_allow_private_opens_intranet_but_never_metadata(address: str, allowed: bool) -> None:
    found = address_problem(ipaddress.ip_address(address), allow_private=True)
    assert (found is None) is allowed


@pytest.mark.parametrize(
    "url",
    [
        "ftp://e.com/feed",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "https://",
        "https://user:secret@e.com/feed",
        "http://e.com:99999/",
    ],
)
def test_invalid_urls(url: str) -> None:
    with pytest.raises(InvalidFeedURLError):
        check_feed_url(url)


async def test_unresolvable_host_is_a_fetch_error() -> None:
    async def failing(host: str, port: int) -> list[str]:
        raise FetchError(f"cannot resolve the host {host}")

    async with new_client(resolver=failing) as client:
        with pytest.raises(FetchError, match="cannot resolve"):
            await fetch(client, "http://nowhere.test/feed", resolver=failing)
