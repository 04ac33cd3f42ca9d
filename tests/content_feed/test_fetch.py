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


# Teredo: 2001:0:<server>:<flags>:<port>:<client>, the client's address inverted bit by bit.
TEREDO_SERVER = "2001:0:4136:e378:8000:63bf"
# Refused always, with private feeds allowed too: cloud metadata, link-local and the like, in
# every form an IPv6 address can carry them.
ALWAYS_REFUSED = [
    ("169.254.169.254", "metadata"),  # AWS, GCP, Azure, OpenStack
    ("169.254.170.2", "link-local"),  # ECS task credentials
    ("169.254.170.23", "link-local"),  # EKS pod identity
    ("169.254.169.253", "link-local"),  # AWS DNS
    ("169.254.1.1", "link-local"),
    ("fd00:ec2::254", "metadata"),
    ("fd00:ec2::23", "metadata"),
    ("fd00:ec2::123", "metadata"),
    ("fe80::a9fe:a9fe", "link-local"),
    ("fe80::1", "link-local"),
    ("fe80::1%2", "link-local"),
    ("100.100.100.200", "metadata"),
    ("192.0.0.192", "metadata"),
    ("168.63.129.16", "metadata"),
    ("::ffff:169.254.169.254", "link-local"),
    ("::ffff:0:a9fe:a9fe", "link-local"),
    ("::169.254.169.254", "link-local"),
    ("64:ff9b::a9fe:a9fe", "link-local"),
    ("64:ff9b:1::a9fe:a9fe", "link-local"),
    ("2002:a9fe:a9fe::1", "link-local"),
    (f"{TEREDO_SERVER}:5601:5601", "link-local"),  # Teredo client 169.254.169.254
    ("::ffff:100.100.100.200", "metadata"),
    ("224.0.0.1", "multicast"),
    ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("::ffff:0.0.0.0", "unspecified"),
]
# Refused by default, allowed with SOCIALBOT_ALLOW_PRIVATE_FEEDS: loopback and intranet, again
# in every IPv6 form that carries them.
PRIVATE = [
    ("127.0.0.1", "loopback"),
    ("127.8.9.10", "loopback"),
    ("10.0.0.1", "private"),
    ("172.16.5.4", "private"),
    ("192.168.1.1", "private"),
    ("::1", "loopback"),
    ("::127.0.0.1", "loopback"),  # IPv4-compatible
    ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
    ("::ffff:0:7f00:1", "loopback"),  # IPv4-translated
    ("64:ff9b::7f00:1", "loopback"),  # NAT64
    ("64:ff9b:1::7f00:1", "loopback"),  # NAT64, local-use prefix
    ("64:ff9b::a00:1", "private"),
    ("2002:7f00:1::", "loopback"),  # 6to4
    ("2002:c0a8:101::1", "private"),
    (f"{TEREDO_SERVER}:80ff:fffe", "loopback"),  # Teredo client 127.0.0.1
    ("::ffff:10.0.0.1", "private"),
    ("fc00::1", "private"),
    ("fd12:3456::1", "private"),
    ("fec0::1", "private"),  # site-local, deprecated but routed in places
]
# Neither: other reserved ranges stay refused even with private feeds allowed.
RESERVED = [("100.64.0.1", "reserved"), ("240.0.0.1", "private"), ("2001:db8::1", "private")]
PUBLIC = [
    "93.184.216.34",
    "2606:2800:220:1:248:1893:25c8:1946",
    "::ffff:93.184.216.34",
    "64:ff9b::5db8:d822",
    "2002:5db8:d822::1",
    f"{TEREDO_SERVER}:a247:2dcb",  # Teredo client 93.184.210.52
]


@pytest.mark.parametrize(("address", "problem"), ALWAYS_REFUSED + PRIVATE + RESERVED)
def test_forbidden_addresses(address: str, problem: str) -> None:
    found = address_problem(ipaddress.ip_address(address), allow_private=False)
    assert found is not None and problem in found


@pytest.mark.parametrize(("address", "problem"), ALWAYS_REFUSED)
def test_metadata_and_link_local_are_refused_even_with_private_feeds(
    address: str, problem: str
) -> None:
    found = address_problem(ipaddress.ip_address(address), allow_private=True)
    assert found is not None and problem in found


@pytest.mark.parametrize(("address", "problem"), PRIVATE)
def test_private_feeds_open_loopback_and_intranet(address: str, problem: str) -> None:
    assert address_problem(ipaddress.ip_address(address), allow_private=True) is None


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address), allow_private=False) is None


@pytest.mark.parametrize(
    "host",
    ["[::127.0.0.1]", "[64:ff9b:1::7f00:1]", "[::ffff:0:7f00:1]", "2130706433", "0x7f.1", "127.1",
     "localhost"],
)  # fmt: skip
async def test_loopback_in_any_spelling_is_refused_unfetched(
    feed_server: FeedServer, host: str
) -> None:
    feed_server.serve("/feed.xml", FEED)
    port = feed_server.base.rsplit(":", 1)[1]
    async with new_client() as client:
        with pytest.raises(BlockedAddressError, match="loopback") as refused:
            await fetch(client, f"http://{host}:{port}/feed.xml")
    assert feed_server.hits == {}
    if host.startswith("[") and "ffff" not in host:
        assert "which carries 127.0.0.1" in str(refused.value)


async def test_every_address_of_a_name_is_checked() -> None:
    resolver = fake_resolver({"mixed.test": ["93.184.216.34", "169.254.170.23"]})
    async with new_client(allow_private=True, resolver=resolver) as client:
        said = r"mixed\.test resolves to 169\.254\.170\.23, a link-local"
        with pytest.raises(BlockedAddressError, match=said):
            await fetch(client, "http://mixed.test/feed", allow_private=True, resolver=resolver)


async def test_a_name_is_tried_at_each_of_its_addresses(feed_server: FeedServer) -> None:
    # "localhost" is ::1 first on most systems; the feed server listens on 127.0.0.1 only.
    port = feed_server.base.rsplit(":", 1)[1]
    final = feed_server.serve("/final.xml", FEED)
    feed_server.serve("/moved", status=302, headers={"Location": f"http://feeds.test:{port}/"})
    feed_server.serve("/", status=302, headers={"Location": final})
    resolver = fake_resolver({"127.0.0.1": ["127.0.0.1"], "feeds.test": ["::1", "127.0.0.1"]})
    async with new_client(allow_private=True, resolver=resolver) as client:
        first = await fetch(
            client, f"http://feeds.test:{port}/final.xml", allow_private=True, resolver=resolver
        )
        redirected = await fetch(
            client, feed_server.url("/moved"), allow_private=True, resolver=resolver
        )
    assert first.body == redirected.body == FEED.encode()
    assert feed_server.hits["/"] == 1


async def test_a_name_whose_addresses_all_fail_is_a_clear_error() -> None:
    resolver = fake_resolver({"down.test": ["::1", "127.0.0.1"]})
    async with new_client(allow_private=True, resolver=resolver) as client:
        with pytest.raises(FetchError, match=r"cannot fetch http://down\.test:9/feed"):
            await fetch(client, "http://down.test:9/feed", allow_private=True, resolver=resolver)


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
