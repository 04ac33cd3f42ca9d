"""Who may post to `/api/messages` and where the answers may go, checked before a turn runs."""

from __future__ import annotations

import re
from ipaddress import ip_address
from urllib.parse import urlsplit

from aiohttp import web

TEAMS_CHANNEL = "msteams"
EMULATOR_CHANNEL = "emulator"
# Headers a reverse proxy on this machine may put the real client's address in. A request that
# carries any of them came through a proxy: loopback-only mode trusts it only when every
# address named is this machine too.
_CLIENT_HEADERS = (
    "X-Forwarded-For",
    "X-Real-IP",
    "Forwarded",
    "X-Client-IP",
    "True-Client-IP",
    "CF-Connecting-IP",
    "X-Original-Forwarded-For",
    "Client-IP",
)
_FORWARDED_FOR = re.compile(r'(?:^|[;,\s])for\s*=\s*("[^"]*"|[^;,\s]*)', re.IGNORECASE)
# Where the Bot Framework's connectors live (the service URLs Teams sends, in every cloud).
_BOT_FRAMEWORK_HOSTS = ("smba.trafficmanager.net",)
_BOT_FRAMEWORK_DOMAINS = (
    ".botframework.com",
    ".botframework.us",
    ".botframework.azure.us",
    ".teams.microsoft.com",
    ".teams.microsoft.us",
)


def _addresses(request: web.Request) -> list[str]:
    """The peer's address and every client address a proxy named, as written."""
    found = [request.remote or ""]
    for name in _CLIENT_HEADERS:
        for value in request.headers.getall(name, []):
            if name.lower() == "forwarded":
                found += [m.strip('"') for m in _FORWARDED_FOR.findall(value)] or [value]
            else:
                found += value.split(",")
    return [a.strip() for a in found]


def _loopback(address: str, *, private: bool = False) -> bool:
    host = address
    if host.startswith("["):  # `[::1]:8080` in a Forwarded header
        host = host[1:].partition("]")[0]
    elif host.count(":") == 1:  # `127.0.0.1:8080`
        host = host.partition(":")[0]
    try:
        ip = ip_address(host)
    except ValueError:  # "unknown", an obfuscated `_hidden` node, garbage
        return False
    mapped = getattr(ip, "ipv4_mapped", None)  # `::ffff:127.0.0.1` from a dual-stack socket
    if mapped:
        ip = mapped
    return ip.is_loopback or (private and ip.is_private)


def from_this_machine(request: web.Request) -> bool:
    """Whether the request, and every client any proxy names, is on a loopback address."""
    addresses = _addresses(request)
    return bool(addresses) and all(_loopback(address) for address in addresses)


def from_private_network(request: web.Request) -> bool:
    """Whether the request, and every client any proxy names, is on this machine or a private
    network (10/8, 172.16/12, 192.168/16, fc00::/7 and the like)."""
    addresses = _addresses(request)
    return bool(addresses) and all(_loopback(address, private=True) for address in addresses)


def channel_allowed(channel_id: str | None, authenticated: bool) -> bool:
    """Teams activities only; the Bot Framework Emulator's too when only this machine posts."""
    allowed = {TEAMS_CHANNEL} if authenticated else {TEAMS_CHANNEL, EMULATOR_CHANNEL}
    return channel_id in allowed


def service_url_allowed(service_url: str, authenticated: bool) -> bool:
    """Whether replies may go to `service_url`: an https Bot Framework connector, or with
    auth off a server on this machine (the Emulator, a test's fake connector)."""
    try:
        parts = urlsplit(service_url)
        host = (parts.hostname or "").rstrip(".").lower()
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        return False
    if not authenticated:
        return parts.scheme in ("http", "https") and (host == "localhost" or _loopback(host))
    return parts.scheme == "https" and (
        host in _BOT_FRAMEWORK_HOSTS or host.endswith(_BOT_FRAMEWORK_DOMAINS)
    )
