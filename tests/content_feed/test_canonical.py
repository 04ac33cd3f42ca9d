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


# Real share links (from public pages and issue threads) and the spellings of the same post;
# each group has one key.
SAME_POST = {
    # review11b L4: as a browser copies a link, and its IDN host as punycode.
    "da.wikipedia.org/wiki/Øresund": [
        "https://da.wikipedia.org/wiki/Øresund",
        "https://da.wikipedia.org/wiki/%C3%98resund",
        "https://da.wikipedia.org/wiki/%c3%98resund#Historie",
    ],
    "bücher.de/neu/roman": [
        "https://bücher.de/neu/roman",
        "https://xn--bcher-kva.de/neu/roman",
        "https://www.BÜCHER.de/neu/roman/",
    ],
    "x.com/i/status/1507163038666919941": [
        "https://twitter.com/ak92501/status/1507163038666919941?s=20&t=y2AWW1GNA8vyxsWqTXmKPQ",
        "https://x.com/ak92501/status/1507163038666919941",
        "https://x.com/AK92501/status/1507163038666919941?s=46",
        "https://mobile.twitter.com/ak92501/status/1507163038666919941",
        "https://x.com/renamed_handle/status/1507163038666919941/photo/1",
        "https://twitter.com/i/web/status/1507163038666919941",
        "http://www.twitter.com/ak92501/statuses/1507163038666919941?ref_src=twsrc%5Etfw",
        # review11a M11: pasted so the preview unfolds
        "https://fxtwitter.com/ak92501/status/1507163038666919941",
        "https://vxtwitter.com/ak92501/status/1507163038666919941",
        "https://fixupx.com/ak92501/status/1507163038666919941",
    ],
    "youtube.com/watch?v=dQw4w9WgXcQ": [
        "https://youtu.be/dQw4w9WgXcQ?si=YjziZuccJeIE-b6z",
        "https://youtu.be/dQw4w9WgXcQ?feature=shared",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=CBdq-ZOZZRzc2qpu",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=youtu.be&t=42",
        "https://www.youtube.com/watch?app=desktop&v=dQw4w9WgXcQ&pp=ygUJcmljayByb2xs",
        "https://youtube.com/shorts/dQw4w9WgXcQ?si=8PxTq0nqmSLWBL3u",
        "https://www.youtube.com/live/dQw4w9WgXcQ?si=abc&is=Xy1",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
    ],
    "youtube.com/watch?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI&v=7s6tufofYrg": [
        "https://www.youtube.com/watch?v=7s6tufofYrg&list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI&index=4",
        "https://youtu.be/7s6tufofYrg?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI&si=Zq3",
    ],
    "youtube.com/post/UgkxwPgT4j_tkJE_g05RBCinsEikj8HzKeXi": [
        "http://youtube.com/post/UgkxwPgT4j_tkJE_g05RBCinsEikj8HzKeXi?si=0W0zvSglydHYCy3d",
    ],
    "instagram.com/p/C04bQYMRoQj": [
        "https://www.instagram.com/p/C04bQYMRoQj/",  # review11a M11: one shortcode, one post
        "https://www.instagram.com/reel/C04bQYMRoQj/?utm_source=ig_web_button_share_sheet&igsh=ZDNlZDc0MzIxNw==",
        "https://www.instagram.com/reel/C04bQYMRoQj/?igsh=MW1zMTJua25wYnkzeA%3D%3D",
        "https://instagram.com/reels/C04bQYMRoQj",
        "https://www.instagram.com/somecreator/reel/C04bQYMRoQj/?igshid=NTc4MTIwNjQ2YQ==",
    ],
    "instagram.com/p/C1nNxSbsAzk": [
        "https://www.instagram.com/p/C1nNxSbsAzk/?utm_source=ig_web_button_share_sheet&igsh=ZDNlZDc0MzIxNw==",
        "https://www.instagram.com/p/C1nNxSbsAzk/?img_index=2",
    ],
    "facebook.com/story.php?id=100072180541535&story_fbid=pfbid02MezoBByuKGUE4x817DXpTYQ": [
        "https://m.facebook.com/story.php?story_fbid=pfbid02MezoBByuKGUE4x817DXpTYQ&id=100072180541535&mibextid=Nif5oz",
        "https://www.facebook.com/permalink.php?story_fbid=pfbid02MezoBByuKGUE4x817DXpTYQ&id=100072180541535&rdid=EEVU0anFl7ndswxu#",
        "https://web.facebook.com/story.php?story_fbid=pfbid02MezoBByuKGUE4x817DXpTYQ&id=100072180541535&sfnsn=wiwspwawes",
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fm.facebook.com%2Fstory.php%3Fstory_fbid%3Dpfbid02MezoBByuKGUE4x817DXpTYQ%26id%3D100072180541535&h=AT1jiXMxDmPJt84TA4P51nsGE",
    ],
    "facebook.com/share/1AY2um7oZo": [
        "https://www.facebook.com/share/1AY2um7oZo/?mibextid=wwXIfr",
        "https://m.facebook.com/share/1AY2um7oZo/",
    ],
    "facebook.com/watch?v=1042877513596254": [
        "https://www.facebook.com/watch/?v=1042877513596254&mibextid=rS40aB7S9Ucbxw6v",
        "https://www.facebook.com/acmecorp/videos/1042877513596254/?__cft__[0]=AZX&__tn__=%2CO%2CP-R",
    ],
    "workplace.fb.com/": [
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fworkplace.fb.com%2F&h=ATOlSeblb5ZxELtpz1PNGuEM38v3",
        "https://workplace.fb.com/",
    ],
    "tiktok.com/video/7627688728240147732": [
        "https://www.tiktok.com/@quangdnn104/video/7627688728240147732?is_from_webapp=1&sender_device=pc&web_id=7570986163722601985",
        "https://www.tiktok.com/@quangdnn104/video/7627688728240147732?_r=1&_t=ZN-8tK2pQ7aXy1",
        "https://m.tiktok.com/v/7627688728240147732.html",
        "https://www.tiktok.com/@new.handle/video/7627688728240147732",
    ],
    "vt.tiktok.com/ZSCwuVCfd": [
        "https://vt.tiktok.com/ZSCwuVCfd/",
        "https://vt.tiktok.com/ZSCwuVCfd/?_r=1",
    ],
    "linkedin.com/feed/update/urn:li:activity:7186021741909942272": [
        "https://www.linkedin.com/posts/tumichel_softwareengineering-test-code-activity-7186021741909942272-SxDT?utm_source=share&utm_medium=member_desktop",
        "https://www.linkedin.com/posts/tumichel_softwareengineering-test-code-activity-7186021741909942272-SxDT?utm_source=share&utm_medium=member_android&rcm=ACoAAB3kFQ0B",
        "https://www.linkedin.com/feed/update/urn:li:activity:7186021741909942272/?trk=public_post_feed-article-content",
        "https://uk.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7186021741909942272",
        # review11a M11: "Copy link" of a post with no words in its slug
        "https://www.linkedin.com/posts/tumichel_activity-7186021741909942272-SxDT",
    ],
    "linkedin.com/feed/update/urn:li:share:7487021286582403072": [
        "https://www.linkedin.com/posts/yuliamelekhova_systemsanalysis-knowledgemanagement-fintech-share-7487021286582403072-yWuY/",
        "https://www.linkedin.com/feed/update/urn:li:share:7487021286582403072/",
    ],
    "threads.com/@zuck/post/C1abcDEFghi": [  # review11a M11: Threads moved to .com
        "https://www.threads.net/@zuck/post/C1abcDEFghi?xmt=AQGz",
        "https://www.threads.com/@zuck/post/C1abcDEFghi",
    ],
    "reddit.com/comments/1jn372q": [
        "https://www.reddit.com/r/RooCode/comments/1jn372q/roocode_vs_cline_updated_march_29/?share_id=8QGnCavUI2VCyv7oNIryz&utm_content=2&utm_medium=ios_app&utm_name=ioscss&utm_source=share&utm_term=1",
        "https://old.reddit.com/r/RooCode/comments/1jn372q/roocode_vs_cline_updated_march_29/",
        "https://new.reddit.com/r/RooCode/comments/1jn372q/",
        "https://redd.it/1jn372q",
    ],
    "reddit.com/comments/15ukrpi/_/jycmovx": [
        "https://reddit.com/r/webdev/comments/15ukrpi/what_is_the_si_parameter_in_a_youtube_share_link/jycmovx/?context=3",
        "https://www.reddit.com/r/webdev/comments/15ukrpi/comment/jycmovx/?share_id=Qx1",
    ],
}


@pytest.mark.parametrize(
    ("key", "url"), [(key, url) for key, urls in SAME_POST.items() for url in urls]
)
def test_every_share_link_of_a_post_has_the_posts_key(key: str, url: str) -> None:
    assert dedupe_key(url) == key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "https://x.com/a/status/1790000000000000001",
            "https://x.com/a/status/1790000000000000002",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://youtu.be/HUUy3mnAhCE"),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch"),
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzBx3",  # one comment under it
        ),
        (
            "https://www.facebook.com/story.php?story_fbid=1&id=2",
            "https://www.facebook.com/story.php?story_fbid=1&id=2&comment_id=3",
        ),
        ("https://www.facebook.com/profile.php?id=1", "https://www.facebook.com/profile.php?id=2"),
        ("https://www.instagram.com/p/C1nNxSbsAzk/", "https://www.instagram.com/p/C1nNxSbsAzK/"),
        (
            "https://www.reddit.com/r/a/comments/1jn372q/",
            "https://www.reddit.com/r/a/comments/1jn372r/",
        ),
        ("https://vt.tiktok.com/ZSCwuVCfd/", "https://vt.tiktok.com/ZSCwuVCfe/"),
        ("https://example.com/watch?v=1", "https://example.com/watch?v=2"),
    ],
)
def test_different_posts_keep_different_keys(one: str, other: str) -> None:
    assert dedupe_key(one) != dedupe_key(other)


def test_site_rules_leave_urls_of_other_sites_and_feed_urls_alone() -> None:
    assert (
        dedupe_key("https://blog.example.com/p?share_id=1&s=20")
        == "blog.example.com/p?s=20&share_id=1"
    )
    feed = "https://www.youtube.com/feeds/videos.xml?channel_id=UCBJycsmduvYEL83R_U4JriQ"
    assert canonical_url(feed) == feed
    # a wrapper without a web link inside stays what it is
    assert (
        dedupe_key("https://l.facebook.com/l.php?u=javascript:alert(1)") == "l.facebook.com/l.php"
    )
