"""What can go wrong with a feed, each failure with a message fit for `feeds list`."""

from __future__ import annotations

from content_feed.canonical import shown_url


def quoted(text: str, limit: int = 100) -> str:
    """`text` quoted for a one-line message: control characters escaped, long text cut."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


class FeedError(Exception):
    """A feed could not be added, fetched or read; the message says why in plain words."""


class InvalidFeedURLError(FeedError, ValueError):
    """The text given is not a URL the bot can fetch a feed from (a ValueError to settings)."""


class FetchError(FeedError):
    """The feed's server could not be reached or did not answer with the feed."""


class BlockedAddressError(FetchError):
    """The host resolves to an address feeds may not use (loopback, private, metadata...)."""


class FetchTimeoutError(FetchError):
    """The server took too long to connect or to send the feed."""


class TooLargeError(FetchError):
    """The response is larger than the size cap."""


class EncodingError(FetchError):
    """The body is compressed in a way the bot refuses: stacked, unknown or broken."""


class TooManyRedirectsError(FetchError):
    """The server redirected more times than allowed."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, status: int, url: str) -> None:
        super().__init__(f"the server answered HTTP {status} for {shown_url(url)}")
        self.status = status


class ParseError(FeedError):
    """The document is not a feed the bot can read."""


class NotAFeedError(ParseError):
    """The document is neither RSS, Atom nor JSON Feed."""


class NoFeedLinkError(NotAFeedError):
    """An HTML page that names no feed in a `<link rel="alternate">`."""


class OPMLNotAFeedError(NotAFeedError):
    """An OPML subscription list was given where one feed was expected."""


class UnsafeXMLError(ParseError):
    """The XML declares entities, the vehicle of entity-expansion attacks; refused unread."""


class FeedExistsError(FeedError):
    """The feed is already in the database."""


class FeedNotFoundError(FeedError):
    """No stored feed matches the given URL or id."""


class ItemNotFoundError(FeedError):
    """No stored item matches the given id or link."""
