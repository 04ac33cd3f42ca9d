"""URL canonicalisation: one spelling per article or post, so re-posts and share links dedupe."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from content_feed.text import DIRECTION_MARKS

# Click and campaign trackers that never change which page is served.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "_hsenc",
        "_hsmi",
        "__hstc",
        "__hssc",
        "__hsfp",
        "hsctatracking",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "vero_conv",
        "_ga",
        "_gl",
        "s_cid",
        "ss_source",
        "ss_campaign_id",
        "wt.mc_id",
        "cmpid",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
DEFAULT_PORTS = {"http": 80, "https": 443}

# Social sites: one post has many links (apps add who shared it, hosts have aliases, paths carry
# cosmetic parts). Only these parameters say which content a page on the site shows; every other
# one is dropped there. Comments are content too: a link to one comment is not the whole post.
_YOUTUBE = frozenset({"v", "list", "lc", "lb"})  # video, playlist, comment, community post
IDENTIFYING = {
    "x.com": frozenset(),
    "t.co": frozenset(),
    "youtube.com": _YOUTUBE,
    "youtu.be": _YOUTUBE,
    "facebook.com": frozenset({"story_fbid", "id", "fbid", "v", "comment_id", "reply_comment_id"}),
    "fb.watch": frozenset(),
    "instagram.com": frozenset(),
    "tiktok.com": frozenset(),
    "linkedin.com": frozenset({"commentUrn"}),
    "lnkd.in": frozenset(),
    "reddit.com": frozenset(),
    "redd.it": frozenset(),
    "threads.com": frozenset(),
}
# Hosts that serve the same pages as another (after `www.` is dropped).
HOST_ALIASES = {
    "twitter.com": "x.com",
    "mobile.twitter.com": "x.com",
    "m.twitter.com": "x.com",
    "mobile.x.com": "x.com",
    # what people paste in chat so that the post's preview unfolds: the same status ids
    "fxtwitter.com": "x.com",
    "vxtwitter.com": "x.com",
    "fixupx.com": "x.com",
    "fixvx.com": "x.com",
    "m.youtube.com": "youtube.com",
    "music.youtube.com": "youtube.com",
    "youtube-nocookie.com": "youtube.com",
    "m.facebook.com": "facebook.com",
    "mbasic.facebook.com": "facebook.com",
    "mobile.facebook.com": "facebook.com",
    "touch.facebook.com": "facebook.com",
    "web.facebook.com": "facebook.com",
    "fb.com": "facebook.com",
    "instagr.am": "instagram.com",
    "m.instagram.com": "instagram.com",
    "m.tiktok.com": "tiktok.com",
    "m.linkedin.com": "linkedin.com",
    "threads.net": "threads.com",  # Threads moved to .com in 2025
    "old.reddit.com": "reddit.com",
    "new.reddit.com": "reddit.com",
    "np.reddit.com": "reddit.com",
    "m.reddit.com": "reddit.com",
    "i.reddit.com": "reddit.com",
    "amp.reddit.com": "reddit.com",
    "sh.reddit.com": "reddit.com",
}
_COUNTRY_LINKEDIN = re.compile(r"^[a-z]{2}\.linkedin\.com$")  # uk.linkedin.com, de.linkedin.com
# Redirect wrappers (host and path after aliasing) and the parameter holding the real link.
WRAPPERS = {
    ("l.facebook.com", "/l.php"): "u",
    ("lm.facebook.com", "/l.php"): "u",
    ("facebook.com", "/l.php"): "u",
    ("l.instagram.com", "/"): "u",
    ("google.com", "/url"): "q",
    ("youtube.com", "/redirect"): "q",
    ("linkedin.com", "/redir/redirect"): "url",
}
# Paths whose cosmetic parts go (`host/path` → `host/path?query`); the first match wins.
# X keys a post on its status id: the handle in front of it is whoever posted, and changes.
POST_PATHS = tuple(
    (re.compile(pattern, re.IGNORECASE), replacement)
    for pattern, replacement in (
        (r"^x\.com/(?:i/web|i|[^/]+)/status(?:es)?/(\d+)(?:/.*)?$", r"x.com/i/status/\1"),
        (r"^youtu\.be/([\w-]+)/?$", r"youtube.com/watch?v=\1"),
        (r"^youtube\.com/(?:shorts|live|embed|v|e)/([\w-]+)/?$", r"youtube.com/watch?v=\1"),
        (r"^facebook\.com/permalink\.php$", "facebook.com/story.php"),
        (r"^facebook\.com/[^/]+/videos/(?:[^/]+/)?(\d+)/?$", r"facebook.com/watch?v=\1"),
        (r"^facebook\.com/groups/([^/]+)/permalink/(\d+)/?$", r"facebook.com/groups/\1/posts/\2"),
        # one shortcode is one post, shown as a post, a reel or a video
        (r"^instagram\.com/(?:[\w.]+/)?(?:p|reel|tv)s?/([\w-]+)(?:/.*)?$", r"instagram.com/p/\1"),
        (r"^tiktok\.com/@[^/]*/(video|photo)/(\d+)(?:/.*)?$", r"tiktok.com/\1/\2"),
        (r"^tiktok\.com/v/(\d+)(?:\.html)?$", r"tiktok.com/video/\1"),
        (
            r"^linkedin\.com/posts/[^/]*[-_](activity|share|ugcPost)-(\d+)-[^/]*/?$",
            r"linkedin.com/feed/update/urn:li:\1:\2",
        ),
        (
            r"^linkedin\.com/feed/update/urn:li:(activity|share|ugcPost):(\d+)/?$",
            r"linkedin.com/feed/update/urn:li:\1:\2",
        ),
        (
            r"^reddit\.com/(?:(?:r|u|user)/[^/]+/)?comments/(\w+)/[^/]*/(\w+)/?$",
            r"reddit.com/comments/\1/_/\2",
        ),
        (
            r"^reddit\.com/(?:(?:r|u|user)/[^/]+/)?comments/(\w+)(?:/[^/]*)?/?$",
            r"reddit.com/comments/\1",
        ),
        (r"^redd\.it/(\w+)/?$", r"reddit.com/comments/\1"),
    )
)
# Raise when `dedupe_key` changes, so keys stored with the old rules are computed again.
KEY_VERSION = 3
# What ends a link typed without a space after it: a direction mark (right-to-left clients put
# them around a link) or the punctuation of Chinese and Japanese, which is written without a
# space after it ("…/status/123。ひどい"), or before it (a full-width colon before "https://").
LINK_END = re.compile(
    f"[{DIRECTION_MARKS}\u3001\u3002\uff0c\uff1a\uff1b\uff01\uff1f"
    "\u300c\u300d\u300e\u300f\u3010\u3011\uff08\uff09]"
)
# Percent-escapes of non-ASCII characters: a browser copies "wiki/Øresund" as "wiki/%C3%98resund".
_ESCAPED_TEXT = re.compile(r"(?:%[89a-fA-F][0-9a-fA-F])+")
_WRAPPED_HOPS = 3  # a wrapper inside a wrapper inside a wrapper is enough


def is_tracking_parameter(name: str) -> bool:
    """Whether a query parameter name is a known click or campaign tracker."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)


def shown_url(url: str) -> str:
    """`url` for logs and screens, every query value masked (`?apikey=…`): private feeds carry
    their tokens there. The stored URL keeps them."""
    try:
        parts = urlsplit(url)
    except ValueError:  # not a URL urllib can split: nothing after the "?" is shown
        return url.partition("?")[0]
    if not parts.query:
        return url
    pairs = (pair.partition("=") for pair in parts.query.split("&"))
    query = "&".join(f"{name}=…" if equals else "…" for name, equals, _ in pairs)
    return urlunsplit(parts._replace(query=query))


def canonical_url(url: str) -> str:
    """`url` with lowercase scheme and host, no default port, fragment or trackers; query sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    # Credentials (user:pass@) are dropped: they are a leak in a shared link, never identity.
    host = (parts.hostname or "").rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_parameter(name)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def dedupe_key(url: str) -> str:
    """The identity of an article or post: its canonical URL without scheme, `www.` or
    trailing slash, up to a direction mark or Chinese and Japanese punctuation (`LINK_END`),
    its host and path as people read them (an IDN host decoded from its xn-- form, non-ASCII
    letters unescaped, NFC); on social sites also without share parameters, host aliases,
    redirect wrappers and the cosmetic parts of the path."""
    return _key(LINK_END.split(url.strip(), maxsplit=1)[0], _WRAPPED_HOPS)


def readable_host(host: str) -> str:
    """`host` with its xn-- labels decoded (`xn--bcher-kva.de` is `bücher.de`), NFC, lower-case:
    a host as people read it, however it was copied."""
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(UnicodeError):  # not punycode: compared as it is
                label = label[4:].encode("ascii").decode("punycode")
        labels.append(label)
    return unicodedata.normalize("NFC", ".".join(labels)).lower()


def _readable_path(path: str) -> str:
    """`path` with its non-ASCII letters unescaped (`%C3%98resund` is `Øresund`), NFC."""
    unescaped = _ESCAPED_TEXT.sub(lambda found: unquote(found.group()), path)
    return unicodedata.normalize("NFC", unescaped)


def _key(url: str, hops: int) -> str:
    parts = urlsplit(canonical_url(url))
    host = readable_host(parts.netloc.removeprefix("www."))
    host = HOST_ALIASES.get(host) or ("linkedin.com" if _COUNTRY_LINKEDIN.match(host) else host)
    path = _readable_path(parts.path)
    query = parse_qsl(parts.query, keep_blank_values=True)
    wrapper = WRAPPERS.get((host, path))
    target = dict(query).get(wrapper, "") if wrapper else ""
    if hops and target.lower().startswith(("https://", "http://")):
        return _key(target, hops - 1)
    site = site_domain(host)
    if site is not None:
        query = [(name, value) for name, value in query if name in IDENTIFYING[site]]
        host, path, named = _post_path(host, unquote(path))
        query = sorted({**dict(query), **dict(named)}.items())
    path = path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")


def site_domain(host: str) -> str | None:
    """The social site `host` belongs to (`x.com`, `youtube.com`, …), if any."""
    for domain in IDENTIFYING:
        if host == domain or host.endswith("." + domain):
            return domain
    return None


def _post_path(host: str, path: str) -> tuple[str, str, list[tuple[str, str]]]:
    """The host, path and identifying parameters of a post, from its site's path rules."""
    where = f"{host}{path}"
    for pattern, replacement in POST_PATHS:
        if pattern.match(where):
            where = pattern.sub(replacement, where)
            break
    where, _, query = where.partition("?")
    host, slash, path = where.partition("/")
    path = slash + path
    if host == "x.com":
        path = path.lower()  # handles are not case-sensitive
    return host, path, parse_qsl(query)
