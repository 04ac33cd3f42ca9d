"""Fetching feeds politely and safely: conditional GET, caps, and a guard against SSRF."""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import unicodedata
import zlib
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from email.utils import formatdate
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import httpcore
import httpx

from content_feed.canonical import shown_url
from content_feed.errors import (
    BlockedAddressError,
    EncodingError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    InvalidFeedURLError,
    TooLargeError,
    TooManyRedirectsError,
    quoted,
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECT_CODES = frozenset({301, 308})
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5"
)
# Cloud metadata and platform services: never a feed, refused even when private feeds are allowed
# (with link-local addresses, where AWS, GCP and Azure also answer: 169.254.169.254 and friends).
METADATA_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "fd00:ec2::/32",  # AWS over IPv6: the instance metadata (::254) and time sync (::123)
        "100.100.100.200/32",  # Alibaba Cloud
        "192.0.0.192/32",  # Oracle Cloud (classic)
        "168.63.129.16/32",  # Azure's platform endpoint (WireServer), a public address
    )
)
# IPv6 forms that carry an IPv4 address in their last 32 bits; such an address is judged by it.
_LAST_32_BITS = (
    ipaddress.ip_network("::ffff:0:0:0/96"),  # IPv4-translated (SIIT)
    ipaddress.ip_network("64:ff9b::/96"),  # NAT64, well-known prefix
    ipaddress.ip_network("64:ff9b:1::/48"),  # NAT64, local-use prefix (the common /96 layout)
    ipaddress.ip_network("::/96"),  # IPv4-compatible (deprecated), past :: and ::1
)
_SITE_LOCAL = ipaddress.ip_network("fec0::/10")  # deprecated, still routed inside some networks
# The content codings the bot decodes itself, in bounded steps: zlib's window bits for each.
CODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
_HOST_LABEL = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)", re.IGNORECASE)
GZIP_MAGIC = b"\x1f\x8b"
# Decoded bytes produced per step; a step takes well under a millisecond.
INFLATE_STEP = 64 * 1024


def _user_agent() -> str:
    try:
        release = version("socialbot")
    except PackageNotFoundError:
        release = "dev"
    return f"socialbot/{release} (self-hosted feed reader; +https://github.com/socialbot)"


USER_AGENT = _user_agent()


@dataclass(frozen=True)
class FetchLimits:
    """How much a fetch may cost: bytes, seconds, redirects."""

    max_bytes: int = 5 * 1024 * 1024
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 30.0
    max_redirects: int = 5


@dataclass(frozen=True)
class FetchResult:
    """What the server said: a body (200) or nothing new (304), with the validators to keep."""

    url: str
    status: int
    body: bytes | None
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    # Where the feed moved for good: the last address of the permanent redirects (301, 308) it
    # began with, none downgrading https to http; None when it did not move.
    moved_to: str | None = None

    @property
    def not_modified(self) -> bool:
        """The feed has not changed since the validators were taken."""
        return self.status == 304


def embedded_ipv4s(address: IPAddress) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries: mapped, translated, compatible, NAT64,
    6to4 or Teredo (server and client); none for the rest."""
    if isinstance(address, ipaddress.IPv4Address):
        return []
    if address.ipv4_mapped is not None:
        return [address.ipv4_mapped]
    if address.sixtofour is not None:
        return [address.sixtofour]
    if address.teredo is not None:
        return list(address.teredo)
    if int(address) > 1 and any(address in network for network in _LAST_32_BITS):
        return [ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)]
    return []


def _always_refused(address: IPAddress) -> str | None:
    if any(address in network for network in METADATA_NETWORKS):
        return "a cloud metadata address"
    if address.is_link_local:
        return "a link-local address, where cloud metadata services answer"
    if address.is_multicast:
        return "a multicast address"
    if address.is_unspecified:
        return "an unspecified address"
    return None


def _judged(address: IPAddress, allow_private: bool) -> str | None:
    site_local = address in _SITE_LOCAL
    if address.is_global and not site_local:
        return None
    if allow_private and (address.is_private or address.is_loopback or site_local):
        return None
    if address.is_loopback:
        return "a loopback address"
    if address.is_private or site_local:
        return "a private address"
    return "a reserved address"


def address_problem(address: IPAddress, allow_private: bool) -> str | None:
    """Why feeds may not use `address` (None when they may).

    Metadata, link-local, multicast and unspecified addresses are refused always, also when
    carried inside an IPv6 address; an IPv6 address carrying IPv4 is judged by what it carries.
    """
    inner = embedded_ipv4s(address)
    for candidate in (address, *inner):
        problem = _always_refused(candidate)
        if problem:
            return problem
    judged: list[IPAddress] = [*inner] if inner else [address]
    for candidate in judged:
        problem = _judged(candidate, allow_private)
        if problem:
            return problem
    return None


# Names only a company's own network resolves: special-use (RFC 6761/6762, 8375, ICANN's
# `.internal`) and the ones intranets commonly use.
PRIVATE_NAME_SUFFIXES = (
    ".local",
    ".localhost",
    ".internal",
    ".home.arpa",
    ".lan",
    ".corp",
    ".intranet",
    ".private",
)


def reachable_by_anyone(url: str) -> bool:
    """Whether `url` is https on a host anyone's client reaches on the public internet: a dotted
    name, or an IP address that is neither private, loopback, link-local nor reserved.

    For a feed item's image, which a Teams client may fetch itself from inside the company's
    network: never an intranet host, a single-label name or a private address.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:  # "https://[::1/" and other text urllib cannot split
        return False
    if parts.scheme.lower() != "https" or not host:
        return False
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        name = host.removesuffix(".").lower()
        private = name.endswith(PRIVATE_NAME_SUFFIXES)
        return "." in name and not private and _valid_host(host)
    return address_problem(address, allow_private=False) is None


async def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host`."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError(f"cannot resolve the host {host}: {error.strerror}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


async def checked_addresses(
    host: str, port: int, allow_private: bool, resolver: Resolver = system_resolver
) -> list[str]:
    """The addresses of `host`, all of them allowed; `BlockedAddressError` otherwise."""
    try:
        addresses, literal = [ipaddress.ip_address(host.strip("[]"))], True
    except ValueError:
        addresses = [ipaddress.ip_address(a.split("%")[0]) for a in await resolver(host, port)]
        literal = False
    if not addresses:
        raise FetchError(f"the host {host} has no address")
    for address in addresses:
        problem = address_problem(address, allow_private)
        if problem:
            inner = ", ".join(str(a) for a in embedded_ipv4s(address))
            shown = f"{address} (which carries {inner})" if inner else str(address)
            said = f"{shown} is" if literal else f"{host} resolves to {shown},"
            # The setting is named only where it would help: never for metadata, link-local...
            helps = not allow_private and address_problem(address, True) is None
            hint = "; SOCIALBOT_ALLOW_PRIVATE_FEEDS allows intranet hosts" if helps else ""
            raise BlockedAddressError(f"refused: {said} {problem}{hint}")
    return [str(a) for a in addresses]


def check_feed_url(url: str) -> str:
    """`url` when it is an http(s) URL with a host; `InvalidFeedURLError` otherwise."""
    text = url.strip()
    shown = quoted(text)
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cs") for ch in text):
        raise InvalidFeedURLError(f"{shown} has spaces or control characters in it")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError as error:
        raise InvalidFeedURLError(f"{shown} is not a valid URL ({_reason(error)})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidFeedURLError(f"{shown} is not an http or https URL")
    if not parts.hostname:
        raise InvalidFeedURLError(f"{shown} has no host")
    if parts.username is not None or parts.password is not None:
        raise InvalidFeedURLError("feed URLs with a user name or password are not supported")
    try:
        # httpx refuses some URLs that urlsplit takes (and encodes international names): the
        # URL is checked as it will be fetched.
        host = httpx.URL(text).raw_host.decode("ascii")
    except (httpx.InvalidURL, ValueError) as error:  # UnicodeError is a ValueError
        raise InvalidFeedURLError(f"{shown} is not a valid URL ({_reason(error)})") from None
    if not _valid_host(host):
        raise InvalidFeedURLError(f"{shown} has an invalid host name")
    return text


def _valid_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        labels = host.removesuffix(".").split(".")
        return len(host) <= 253 and all(_HOST_LABEL.fullmatch(label) for label in labels)
    return True


def _reason(error: Exception) -> str:
    return quoted(str(error))[1:-1]


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to checked addresses, and to the very address it checked.

    Checking a name and then letting the connection resolve it again leaves a window for DNS
    rebinding; connecting to the checked IP closes it (TLS still verifies the original name).
    """

    def __init__(self, allow_private: bool, resolver: Resolver = system_resolver) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._allow_private = allow_private
        self._resolver = resolver

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Resolve and check `host`, then connect to its addresses in turn until one answers."""
        addresses = await checked_addresses(host, port, self._allow_private, self._resolver)
        for address in addresses[:-1]:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue  # "localhost" is ::1 first, where often only 127.0.0.1 listens
        return await self._inner.connect_tcp(
            addresses[-1], port, timeout, local_address, socket_options
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Unix sockets are never a feed source."""
        raise BlockedAddressError("refused: unix sockets are not feed hosts")

    async def sleep(self, seconds: float) -> None:
        """Sleep through the inner backend."""
        await self._inner.sleep(seconds)


def new_client(
    allow_private: bool = False,
    limits: FetchLimits = FetchLimits(),
    resolver: Resolver = system_resolver,
) -> httpx.AsyncClient:
    """An HTTP client for feeds: our User-Agent, timeouts, no automatic redirects, guarded DNS."""
    transport = httpx.AsyncHTTPTransport(retries=0)
    # httpx offers no public hook for the connect step; the pool's backend is where every
    # connection is opened, so the address check sits there.
    transport._pool._network_backend = GuardedBackend(allow_private, resolver)
    return httpx.AsyncClient(
        transport=transport,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout),
        follow_redirects=False,
        # Proxies from the environment would make the address check meaningless.
        trust_env=False,
    )


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    allow_private: bool = False,
    limits: FetchLimits = FetchLimits(),
    resolver: Resolver = system_resolver,
) -> FetchResult:
    """GET `url` (conditionally when validators are given), following checked redirects."""
    try:
        async with asyncio.timeout(limits.total_timeout):
            return await _fetch(client, url, etag, last_modified, allow_private, limits, resolver)
    except TimeoutError:
        raise FetchTimeoutError(f"gave up after {limits.total_timeout:g} s") from None
    except httpx.TimeoutException:
        raise FetchTimeoutError("the server took too long to answer") from None
    except httpx.TooManyRedirects:
        raise TooManyRedirectsError("too many redirects") from None
    except httpx.HTTPError as error:
        raise FetchError(f"cannot fetch {shown_url(url)}: {_http_error(error)}") from None


def _http_error(error: httpx.HTTPError) -> str:
    text = str(error).strip()
    return text if text else type(error).__name__


async def _fetch(
    client: httpx.AsyncClient,
    url: str,
    etag: str | None,
    last_modified: str | None,
    allow_private: bool,
    limits: FetchLimits,
    resolver: Resolver,
) -> FetchResult:
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = check_feed_url(url)
    moved_to: str | None = None
    permanent = True  # every redirect so far was for good
    for _hop in range(limits.max_redirects + 1):
        parts = urlsplit(current)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        # Checked here for a clear message; the guarded backend checks again at connect time.
        await checked_addresses(parts.hostname or "", port, allow_private, resolver)
        async with client.stream("GET", current, headers=headers) as response:
            if response.status_code in REDIRECT_CODES:
                # httpx joins and checks the Location (an invalid one is an error before this).
                if response.next_request is None:
                    raise FetchError(f"a redirect without a Location from {shown_url(current)}")
                target = check_feed_url(str(response.next_request.url))
                downgrade = parts.scheme == "https" and urlsplit(target).scheme != "https"
                permanent = (
                    permanent and response.status_code in PERMANENT_REDIRECT_CODES and not downgrade
                )
                if permanent:
                    moved_to = target
                current = target
                continue
            if response.status_code == 304:
                return FetchResult(
                    url=current,
                    status=304,
                    body=None,
                    etag=response.headers.get("etag") or etag,
                    last_modified=response.headers.get("last-modified") or last_modified,
                    moved_to=moved_to,
                )
            if response.status_code != 200:
                raise HTTPStatusError(response.status_code, current)
            body = await _read_capped(response, limits.max_bytes)
            return FetchResult(
                url=current,
                status=200,
                body=body,
                content_type=response.headers.get("content-type", ""),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                moved_to=moved_to,
            )
    raise TooManyRedirectsError(f"more than {limits.max_redirects} redirects")


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLargeError(f"the feed is {int(declared):,} bytes; the cap is {max_bytes:,}")
    inflater = Inflater.for_header(response.headers.get("content-encoding", ""))
    chunks: list[bytes] = []
    size = received = 0
    too_large = TooLargeError(f"the feed is larger than the cap of {max_bytes:,} bytes")
    # The raw bytes are decoded here, not by httpx, which inflates each network chunk whole
    # before anything can count it: 5 kB of "gzip, gzip" is 3 GiB in one call.
    async for raw in response.aiter_raw():
        received += len(raw)
        if received > max_bytes:  # what is sent counts too, junk after the stream included
            raise too_large
        for piece in inflater.inflate(raw):
            size += len(piece)
            if size > max_bytes:
                raise too_large
            chunks.append(piece)
            await asyncio.sleep(0)  # a step at a time: other work runs between steps
    return b"".join(chunks)


class Inflater:
    """Decodes a body's one content coding in bounded steps of at most `INFLATE_STEP` bytes."""

    def __init__(self, coding: str | None) -> None:
        self._coding = coding
        self._decoder = self._new_decoder()
        self._started = False
        self._finished = False

    @classmethod
    def for_header(cls, header: str) -> Inflater:
        """The inflater for a Content-Encoding header; `EncodingError` for stacked or unknown."""
        codings = [c.strip().lower() for c in header.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1:
            raise EncodingError(
                f"refused: the feed is compressed {len(codings)} times over "
                f"(Content-Encoding: {header.strip()}), a sign of a decompression bomb"
            )
        if codings and codings[0] not in CODINGS:
            raise EncodingError(f"the server sent Content-Encoding {codings[0]!r}, not gzip")
        return cls(codings[0] if codings else None)

    def _new_decoder(self) -> Any:
        return zlib.decompressobj(CODINGS[self._coding]) if self._coding else None

    def inflate(self, data: bytes) -> Iterator[bytes]:
        """The decoded bytes of `data`, one bounded piece at a time."""
        if self._decoder is None:
            yield data
            return
        pending = data
        while pending and not self._finished:
            try:
                piece = self._decoder.decompress(pending, INFLATE_STEP)
            except zlib.error as error:
                if self._coding == "deflate" and not self._started:
                    # "deflate" is meant to be zlib-wrapped, but some servers send it raw.
                    self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._started = True
                    continue
                raise EncodingError(f"the {self._coding} body is broken ({error})") from None
            self._started = True
            if self._decoder.eof:
                # What follows the stream (perhaps in the next chunk) decides what comes next.
                pending = self._decoder.unused_data
                if not pending:
                    pass
                elif self._coding != "deflate" and GZIP_MAGIC.startswith(pending[:2]):
                    self._decoder = self._new_decoder()  # the next member of a multi-member gzip
                else:
                    self._finished = True  # bytes after the stream are ignored, as browsers do
            else:
                pending = self._decoder.unconsumed_tail
            if piece:
                yield piece


def read_file_feed(
    url: str, last_modified: str | None = None, limits: FetchLimits = FetchLimits()
) -> FetchResult:
    """Read a `file:` feed (the bundled sample, or one an operator named); mtime stands for 304."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise InvalidFeedURLError(f"{url!r} is not a local file URL")
    path = Path(url2pathname(parts.path))
    try:
        stat = path.stat()
        if stat.st_size > limits.max_bytes:
            raise TooLargeError(
                f"the file is {stat.st_size:,} bytes; the cap is {limits.max_bytes:,}"
            )
        stamp = formatdate(stat.st_mtime, usegmt=True)
        if last_modified == stamp:
            return FetchResult(url=url, status=304, body=None, last_modified=stamp)
        body = path.read_bytes()
    except OSError as error:
        raise FetchError(f"cannot read {path}: {error.strerror}") from None
    return FetchResult(url=url, status=200, body=body, last_modified=stamp)
