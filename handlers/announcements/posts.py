"""Suggested posts: written from the announcement when left empty, held to each network's limit."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, replace

from content_feed.compose import (
    NETWORK_NAMES,
    NETWORKS,
    UTM,
    X_LIMIT,
    X_URL_LENGTH,
    Network,
    SuggestedPost,
    TextModel,
    compose,
    share_link,
    tag_url,
    x_length,
)
from content_feed.text import printable
from handlers.announcements.store import Draft
from handlers.guidelines.language import written_in

# What each network accepts in one post. X counts every link as 23 characters, and the share
# dialog adds the announcement's link after a space.
LIMITS = {Network.LINKEDIN: 3000, Network.X: X_LIMIT, Network.FACEBOOK: 63206}
# A form submission must be answered within Slack's 3 seconds; a slower model leaves templates.
MODEL_SECONDS = 2.0
DEFAULT_UTM = UTM()

_MARKUP = re.compile(r"\*\*(.+?)\*\*|(?<!\w)_(.+?)_(?!\w)|`([^`]+)`|\[([^\]]+)\]\([^)]+\)")


@dataclass(frozen=True)
class _Article:
    """The announcement as compose sees an article."""

    title: str
    summary: str
    link: str


def posted_length(network: Network, text: str, link: str) -> int:
    """The length `network` counts for `text` shared with `link`."""
    if network == Network.X:
        return x_length(text) + (1 + X_URL_LENGTH if link else 0)
    return len(text)


def too_long(network: Network, text: str, link: str) -> str | None:
    """Why `text` does not fit on `network`, or None when it does."""
    length = posted_length(network, text, link)
    if length <= LIMITS[network]:
        return None
    counted = " (the link counts as 23)" if network == Network.X and link else ""
    return (
        f"{NETWORK_NAMES[network]} allows {LIMITS[network]:,} characters{counted}; "
        f"this post has {length:,}. Shorten it by {length - LIMITS[network]:,}."
    )


def _as_sent(text: str) -> str:
    """`text` without what chat clients change in a field they send back: carriage returns
    (CRLF line ends), spaces at the ends of lines and of the text, the Unicode form."""
    lines = unicodedata.normalize("NFC", printable(text)).split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def _unchanged(submitted: str, shown: str) -> bool:
    """Whether a field came back from the form as it was shown, whatever the client did to it
    (`_as_sent`, or all its line breaks dropped, as some clients do); spaces and line breaks
    the announcer added, removed or moved are an edit."""
    back, sent = _as_sent(submitted), _as_sent(shown)
    return back == sent or (
        "\n" not in back and back in (sent.replace("\n", ""), " ".join(sent.split("\n")))
    )


def unless_stale(draft: Draft, previous: Draft) -> Draft:
    """`draft` as submitted after `previous`: the posts the bot wrote for `previous` and the
    announcer left as they were (what a client does to them aside) are dropped (to be written
    again) when the headline, message or link changed, else kept as the bot's."""
    posts, before = draft.posts, previous.posts
    kept = tuple(n for n in previous.written if _unchanged(posts.get(n, ""), before.get(n, "")))
    about = zip(
        (draft.headline, draft.message, draft.link),
        (previous.headline, previous.message, previous.link),
        strict=True,
    )
    if all(_unchanged(now, then) for now, then in about):
        return replace(draft, written=kept)
    posts = {network: text for network, text in posts.items() if network not in kept}
    return replace(draft, posts=posts, written=())


def _plain(message: str) -> str:
    """An announcement's message without its markup (bold, italics, code, links' targets)."""
    return _MARKUP.sub(lambda m: next(g for g in m.groups() if g), message)


def written_language(draft: Draft) -> str | None:
    """The language the announcement is written in (`written_in`'s answer): its suggested
    posts' and the bot's words around it."""
    return written_in(f"{draft.headline} {_plain(draft.message)}")


async def fill_in(
    draft: Draft, model: TextModel | None, utm: UTM, employer: str = ""
) -> tuple[dict[Network, str], str | None]:
    """Every network's text: the announcer's where given, else composed from the announcement,
    saying the sharer works at `employer` (the company's news, shared by its people); and a
    line for the announcer when a configured model wrote none of them (too slow or failed), or
    None."""
    posts = draft.posts
    missing = [network for network in NETWORKS if not posts.get(network)]
    if not draft.link or not missing:
        return {network: text for network, text in posts.items() if text}, None
    message = _plain(draft.message)
    article = _Article(draft.headline, message, draft.link)
    started = time.monotonic()
    language = written_language(draft)
    composed = await compose(
        article, missing, model=model, utm=utm, model_timeout=MODEL_SECONDS, employer=employer,
        language=language,
    )  # fmt: skip
    filled = {network: posts.get(network) or composed[network].text for network in NETWORKS}
    templated = [NETWORK_NAMES[n] for n in missing if composed[n].source == "template"]
    if model is None or not templated:
        return filled, None
    why = (
        f"the model did not answer within {MODEL_SECONDS:g} s (an announcement's form is"
        " answered within Slack's 3 s)"
        if time.monotonic() - started >= MODEL_SECONDS
        else "the model gave nothing usable (it failed, is down or busy, or wrote about"
        " something else)"
    )
    return filled, (
        f"The suggested posts for {', '.join(templated)} were written from templates: {why}."
        " Edit them, or write your own."
    )


def suggested(posts: dict[Network, str], link: str, utm: UTM) -> dict[Network, SuggestedPost]:
    """The posts with their tagged links and share-dialog links, as the share buttons need."""
    found = {}
    for network, text in posts.items():
        url = tag_url(link, network, utm)
        found[network] = SuggestedPost(
            network, text, url, share_link(network, url, text), "announcer"
        )
    return found
