"""Suggested posts: X length rule, share links, UTM, templates, the model and its fallback."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, parse_qs, quote, urlsplit

import pytest

from bot.llm import OpenAICompleter
from content_feed.compose import (
    NETWORKS,
    SHARE_LINK_LIMIT,
    UTM,
    X_LIMIT,
    Network,
    compose,
    share_link,
    tag_url,
    template_post,
    x_length,
)
from tests.fakes.openai_api import FakeOpenAI


@dataclass(frozen=True)
class Article:
    title: str
    summary: str
    link: str


ARTICLE = Article(
    "Example Corp opens its new Copenhagen office",
    "Forty colleagues moved into our new office by the harbour this week. It has room for the "
    "25 people we plan to hire next year.",
    "https://www.example.com/blog/copenhagen-office?ref=home",
)
LONG = Article("T" * 400, "S " * 600, "https://e.com/" + "p" * 300)


def test_x_counts_every_url_as_23() -> None:
    assert x_length("Read https://example.com/" + "a" * 200) == len("Read ") + 23
    assert x_length("a www.example.com b http://x.y") == len("a  b ") + 23 + 23


def test_x_weighs_cjk_and_each_emoji_as_two() -> None:
    # twitter-text v3: a family (7 code points) or a flag is one emoji, 2; "e" + accent is é.
    assert x_length("\U0001f468\u200d\U0001f469\u200d\U0001f467 \U0001f1e9\U0001f1f0") == 5
    assert x_length("cafe\u0301 \u2014 \u65b0\u88fd\u54c1") == 4 + 1 + 1 + 1 + 6


@pytest.mark.parametrize("article", [ARTICLE, LONG, Article("Short", "", "https://e.com/")])
@pytest.mark.parametrize("variant", ["", "U1", "U2", "U3", "U4", "U5"])
def test_template_posts_fit_x(article: Article, variant: str) -> None:
    text = template_post(article, Network.X, variant)
    assert text
    assert x_length(f"{text} {article.link}") <= X_LIMIT


def test_templates_vary_between_people() -> None:
    texts = {template_post(ARTICLE, Network.LINKEDIN, f"person{n}") for n in range(20)}
    assert len(texts) >= 3
    assert all("Copenhagen" in text for text in texts)


def opened(network: Network, url: str, text: str = "") -> SplitResult:
    """The share link's parts; it is made."""
    link = share_link(network, url, text)
    assert link is not None and len(link) <= SHARE_LINK_LIMIT
    return urlsplit(link)


def test_share_links() -> None:
    url = "https://e.com/a?x=1&y=2"
    linkedin = opened(Network.LINKEDIN, url)
    assert (linkedin.netloc, linkedin.path) == ("www.linkedin.com", "/sharing/share-offsite/")
    assert parse_qs(linkedin.query) == {"url": [url]}
    x = opened(Network.X, url, "Hello & welcome")
    assert (x.netloc, x.path) == ("x.com", "/intent/tweet")
    assert parse_qs(x.query) == {"text": ["Hello & welcome"], "url": [url]}
    facebook = opened(Network.FACEBOOK, url)
    assert (facebook.netloc, facebook.path) == ("www.facebook.com", "/sharer/sharer.php")
    assert parse_qs(facebook.query) == {"u": [url]}


def test_share_links_fit_a_button() -> None:
    # A Japanese slug percent-encoded once in the link, twice in the intent (review12a E6).
    long_link = "https://e.jp/" + quote("再生可能エネルギー" * 15)
    text = "再生可能エネルギーの新しい時代" * 9
    shared = parse_qs(opened(Network.X, long_link, text).query)
    assert shared["url"] == [long_link] and text.startswith(shared["text"][0].rstrip("…"))
    too_long = "https://e.com/?q=" + "x" * SHARE_LINK_LIMIT
    assert all(share_link(network, too_long, "Hi") is None for network in NETWORKS)


def test_utm_on_by_default_and_off_on_request() -> None:
    tagged = tag_url("https://e.com/a?utm_source=old&id=3#frag", Network.LINKEDIN)
    query = parse_qs(urlsplit(tagged).query)
    assert query == {
        "id": ["3"],
        "utm_source": ["linkedin"],
        "utm_medium": ["social"],
        "utm_campaign": ["employee-advocacy"],
    }
    assert tagged.endswith("#frag")
    assert tag_url("https://e.com/a", Network.X, UTM(enabled=False)) == "https://e.com/a"
    custom = tag_url("https://e.com/a", Network.X, UTM(campaign="spring", source="socialbot"))
    assert parse_qs(urlsplit(custom).query)["utm_campaign"] == ["spring"]
    assert parse_qs(urlsplit(custom).query)["utm_source"] == ["socialbot"]


async def test_compose_without_model_uses_templates() -> None:
    posts = await compose(ARTICLE)
    assert list(posts) == list(NETWORKS)
    for network, post in posts.items():
        assert post.source == "template"
        assert f"utm_source={network.value}" in post.url
        assert "utm_source" in str(post.share_link)
    x = posts[Network.X]
    assert parse_qs(urlsplit(str(x.share_link)).query)["text"] == [x.text]
    assert x_length(x.full_text) <= X_LIMIT
    off = await compose(ARTICLE, [Network.X], utm=UTM(enabled=False))
    assert off[Network.X].url == ARTICLE.link


@pytest.fixture
async def fake_openai() -> AsyncIterator[tuple[FakeOpenAI, OpenAICompleter]]:
    reply = "Proud of the team: we opened our Copenhagen office this week."
    async with FakeOpenAI(reply) as fake:
        yield fake, fake.model()


async def test_model_posts_are_grounded_in_title_and_summary(fake_openai: Any) -> None:
    fake, model = fake_openai
    posts = await compose(ARTICLE, model=model)
    assert {post.source for post in posts.values()} == {"model"}
    assert posts[Network.LINKEDIN].text == fake.reply
    prompt = fake.requests[0]["messages"]
    assert "only facts" in prompt[0]["content"]
    assert ARTICLE.title in prompt[1]["content"] and ARTICLE.summary in prompt[1]["content"]
    assert ARTICLE.link not in json.dumps(prompt)  # the link is ours to add


async def test_model_answers_are_cleaned_and_clipped_for_x(fake_openai: Any) -> None:
    fake, model = fake_openai
    fake.reply = '"' + "Our new Copenhagen office is open. " * 20 + 'https://spam.example #hype"'
    posts = await compose(ARTICLE, [Network.X], model=model)
    text = posts[Network.X].text
    assert posts[Network.X].source == "model"
    assert "spam.example" not in text and "#hype" not in text and not text.startswith('"')
    assert x_length(posts[Network.X].full_text) <= X_LIMIT


@pytest.mark.parametrize(
    "problem",
    ["server error", "invented number", "empty", "timeout"],
)
async def test_model_failures_fall_back_to_templates(fake_openai: Any, problem: str) -> None:
    fake, model = fake_openai
    if problem == "server error":
        fake.status = 500
    elif problem == "invented number":
        fake.reply = "We opened our Copenhagen office with 300 new colleagues."
    elif problem == "empty":
        fake.reply = ""
    else:
        fake.delay = 1.0
    posts = await compose(ARTICLE, [Network.LINKEDIN], model=model, model_timeout=0.2)
    post = posts[Network.LINKEDIN]
    assert post.source == "template"
    assert post.text == template_post(ARTICLE, Network.LINKEDIN)


FAITHFUL_ZH = "我们在上海的新冷链物流中心正式开业，华东地区的配送将更快！"  # noqa: RUF001
ELSEWHERE_ZH = "今天天气很好，周末一起去公园散步吧，别忘了带上相机！"  # noqa: RUF001


@pytest.mark.parametrize(
    ("reply", "source"),
    [(FAITHFUL_ZH, "model"), (ELSEWHERE_ZH, "template")],
    ids=["faithful", "off-topic"],
)
async def test_a_post_in_a_script_without_spaces_is_judged_by_its_words(
    fake_openai: Any, reply: str, source: str
) -> None:
    # Chinese runs a whole clause together: its words are compared by pairs of characters.
    fake, model = fake_openai
    fake.reply = reply
    article = Article(
        "新物流中心在上海开业",
        "公司在上海开设了新的冷链物流中心，加强华东地区的配送。",  # noqa: RUF001
        "https://www.example.com/news/shanghai",
    )
    posts = await compose(article, [Network.LINKEDIN], model=model)
    assert posts[Network.LINKEDIN].source == source


@pytest.mark.parametrize("network", NETWORKS)
def test_a_summary_only_repeating_the_title_is_left_out(network: Network) -> None:
    # review9a D3 (markdown2.rss): "Sharing this one: <title>\n\n<the title again>."
    title = "ICE and CBP Agents Are Scanning Peoples\u2019 Faces on the Street To Verify It"
    for variant in ("", "U1", "U2", "U3", "U4"):
        post = template_post(Article(title, f"{title}.", "https://e.com/ice"), network, variant)
        assert post.count(title) == 1, post
