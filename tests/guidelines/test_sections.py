"""Splitting guideline documents into sections with their heading paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers.guidelines.sections import split_sections
from tests.guidelines.evalset import load_eval_set

DOCUMENTS = load_eval_set().documents


def titles(name: str) -> list[str]:
    return [section.title for section in split_sections(DOCUMENTS[name].read_text())]


def test_default_guidelines_have_the_five_guidelines_and_who_to_ask() -> None:
    sections = split_sections(DOCUMENTS["default"].read_text())
    assert [s.number for s in sections] == ["", "1", "2", "3", "4", "5", "6"]
    assert sections[3].title == "3. Never publish confidential information"
    assert sections[3].path == ("Social media guidelines",)
    assert "financial results" in sections[3].body


def test_acme_v1_markdown_keeps_the_heading_path() -> None:
    sections = split_sections(DOCUMENTS["acme-v1"].read_text())
    by_title = {s.title: s for s in sections}
    assert len(sections) == 23
    assert by_title["Media and Press"].path == ("Social Media Policy", "Responding to Inquiries")
    assert by_title["Media and Press"].breadcrumb.endswith(
        "Responding to Inquiries \u203a Media and Press"
    )
    # A heading directly followed by a subheading has no text of its own: not a section.
    assert "Responding to Inquiries" not in by_title


def test_acme_v2_numbered_sections() -> None:
    sections = split_sections(DOCUMENTS["acme-v2"].read_text())
    numbers = [s.number for s in sections if s.number]
    assert numbers[:6] == ["1", "2", "3.1", "3.2", "3.3", "3.4"]
    assert "12.3" in numbers and "14.2" in numbers
    compromise = next(s for s in sections if s.number == "12.3")
    assert compromise.title == "12.3 Account Compromise"
    assert compromise.path[-1] == "12. Social Media Emergencies"
    assert "---" not in compromise.body


def test_danish_plain_text_with_hash_number_headings() -> None:
    found = titles("risesmart-da")
    assert found[:4] == [
        "2. kan dele selskab historier, nyheder og begivenheder",
        "3. er du velkommen til at deltage i aktiviteter på sociale medier, der forbedrer dit "
        "professionelle image eller billedet af RiseSmart i normal arbejdstid",
        "4. Undlad at offentliggøre eller på anden måde videregive virksomhedens fortrolige "
        "oplysninger hverken elektronisk eller på anden måde",
        "5. Svar ikke på nogen konkurrent eller anden person, der sender negative anmeldelser "
        "eller kommentarer om virksomheden",
    ]
    assert found[-1] == "Bonus: Brug sund fornuft"
    assert "Skriv et svar" not in found  # the web page's comment form, not the policy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Sharing\n\nShare our news.\n\n1.1 Photos\n\nAsk first.\n\n2. Secrets\n\nKeep them.",
            [("1. Sharing", ()), ("1.1 Photos", ("1. Sharing",)), ("2. Secrets", ())],
        ),
        (
            "Policy\n======\n\nIntro text.\n\nWork hours\n\nFine in moderation.\n",
            [("Policy", ()), ("Work hours", ())],
        ),
        ("No headings at all, just a sentence.", [("Guidelines", ())]),
        (
            # A date line right under the title is part of it, not the root of every chapter.
            "# Social Media Policy\n\nLast updated: 2 April 2025\n\nThis policy covers our"
            " accounts.\n\n## Posting\n\nBe kind.\n",
            [
                ("Last updated: 2 April 2025", ("Social Media Policy",)),
                ("Posting", ("Social Media Policy",)),
            ],
        ),
        (
            "# Guía de redes sociales\n\nEnero 2018\n\n## Empezando\n\nSé amable.\n",
            [("Empezando", ("Guía de redes sociales",))],
        ),
    ],
)
def test_plain_text_headings(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    sections = split_sections(text, title="Guidelines")
    assert [(s.title, s.path) for s in sections] == expected


def test_every_evaluation_answer_names_a_real_heading() -> None:
    evalset = load_eval_set()
    known = {
        name: {heading for s in split_sections(path.read_text()) for heading in (*s.path, s.title)}
        for name, path in evalset.documents.items()
    }
    missing = [
        (item.doc, title)
        for item in evalset.questions
        for title in item.sections
        if title not in known[item.doc]
    ]
    assert missing == []


def test_section_titles_are_unique_per_document() -> None:
    for name in DOCUMENTS:
        found = titles(name)
        assert len(found) == len(set(found)), name


def test_corpus_copies_exist() -> None:
    assert all(Path(path).is_file() for path in DOCUMENTS.values())


def test_bold_lines_and_capitals_are_pseudo_headings_of_their_rules() -> None:
    text = (
        "# Policy\n\n## Personal use\n\n**Do:**\n- Say you speak for yourself.\n\n"
        "**Don't:**\n- Post client photos.\n\nPRIVACY\n\nNever share addresses.\n"
    )
    sections = split_sections(text)
    assert [(s.title, s.path) for s in sections] == [
        ("Do", ("Policy", "Personal use")),
        ("Don't", ("Policy", "Personal use")),
        ("PRIVACY", ("Policy", "Personal use")),
    ]
    assert sections[1].text == "Policy \u203a Personal use \u203a Don't\n- Post client photos."


def test_a_pdf_conversion_loses_page_numbers_running_headers_and_hyphens() -> None:
    text = (
        "Acme Social Media Policy\n"
        "Purpose\n"
        "This policy explains how staff use social media and how we protect the com-\n"
        "pany's reputation online.\n"
        "1\n"
        "Acme Social Media Policy\n"
        "Personal accounts\n"
        "• Say that your views are your own.\n"
        "• Never post confidential information.\n"
        "2\n"
        "Acme Social Media Policy\n"
        "Contact\n"
        "Ask the communications team when unsure.\n"
        "Page 3 of 3\n"
    )
    sections = split_sections(text, title="policy")
    assert [s.title for s in sections] == ["Purpose", "Personal accounts", "Contact"]
    body = sections[0].body
    assert body == "This policy explains how staff use social media and how we protect the " + (
        "company's reputation online."
    )
    assert "- Say that your views are your own." in sections[1].body


def test_html_headings_lists_and_subtitles() -> None:
    text = (
        "<article><h1>Social Media Guidelines</h1><p>Intro &amp; scope.</p>"
        '<h3 class="serif">Tips</h3><div class="subtitle">Be Accurate:</div>'
        "<ul><li>Check facts before posting.</li></ul>"
        '<div class="subtitle">Be Respectful:</div><ul><li>No insults.</li></ul></article>'
    )
    sections = split_sections(text)
    assert [(s.title, s.path) for s in sections] == [
        ("Social Media Guidelines", ()),
        ("Be Accurate", ("Social Media Guidelines", "Tips")),
        ("Be Respectful", ("Social Media Guidelines", "Tips")),
    ]
    assert sections[0].body == "Intro & scope."
    assert sections[1].body == "- Check facts before posting."


def test_japanese_text_is_read_as_character_pairs() -> None:
    from handlers.guidelines.language import content_words

    assert content_words("投稿の削除", "en") == ["投稿", "稿の", "の削", "削除"]


def test_a_very_long_section_is_cut_into_its_rules_each_with_its_lead_in() -> None:
    rules = "\n".join(f"- **Rule {n}.** {'Say what you mean and mean it. ' * 12}" for n in range(8))
    text = f"# Policy\n\n## Conduct\n\nWhen you post:\n\n{rules}\n\nAsk us when in doubt.\n"
    sections = split_sections(text)
    assert [s.title for s in sections][:2] == ["Rule 0", "Rule 1"]
    assert sections[-1].title == "Ask us when in doubt."
    assert all(s.path == ("Policy", "Conduct") for s in sections)
    assert sections[1].body.startswith("When you post:\n- **Rule 1.** Say what you mean")


def test_a_printed_table_of_contents_names_the_chapters_of_a_pdf_conversion() -> None:
    text = (
        "Guia de xarxes\n"
        "Índex\n"
        "Introducció ........................................ 2\n"
        "Blog ............................................... 3\n"
        "Twitter ............................................ 4\n"
        "Introducció\n"
        "Aquesta guia explica com fem servir les xarxes socials.\n"
        "Blog\n"
        "Definició\n"
        "El blog és el nexe de totes les xarxes.\n"
        "Tipus de contingut\n"
        "Notícies i consells de salut.\n"
        "Twitter\n"
        "Tuits curts, sempre en català.\n"
    )
    sections = split_sections(text, title="guia")
    assert [(s.title, s.path) for s in sections] == [
        ("Guia de xarxes", ()),
        ("Introducció", ()),
        ("Blog", ()),
        ("Tipus de contingut", ("Blog",)),
        ("Twitter", ()),
    ]
    assert "....." not in "".join(s.text for s in sections)


def test_a_hashtag_opening_a_line_is_no_heading_and_entities_are_characters() -> None:
    text = (
        "## Contact\n\n#social-media-action channel: send urgent requests here.\n\n"
        "## Les critères de modération&#x20;\n\nR&D &amp; co, &eacute;t&eacute;.\n"
    )
    sections = split_sections(text)
    assert [s.title for s in sections] == ["Contact", "Les critères de modération"]
    assert sections[0].body == "#social-media-action channel: send urgent requests here."
    assert sections[1].body == "R&D & co, été."


def test_a_short_line_over_nothing_but_its_sibling_stays_in_the_text() -> None:
    text = (
        "## Calendaring\n\nWe post at the best times.\n\n1-2x on LinkedIn per day\n\n"
        "1-3x on Twitter per day\n\nContent drives traffic to our website.\n"
    )
    sections = split_sections(text)
    assert [s.title for s in sections] == ["Calendaring", "1-3x on Twitter per day"]
    assert sections[0].body.endswith("1-2x on LinkedIn per day")


def test_latex_sections_and_items_are_headings_and_list_items() -> None:
    text = (
        "\\section{Kommunikationspolicy}\nPolicyns syfte. % a comment\n\n"
        "\\subsection{Annonsering}\nAnnonsera via:\n\\begin{itemize}\n"
        "    \\item Sektionens \\textbf{nyhetsbrev},\\\\\n    \\item Discord.\n\\end{itemize}\n"
    )
    sections = split_sections(text)
    assert [(s.title, s.path) for s in sections] == [
        ("Kommunikationspolicy", ()),
        ("Annonsering", ("Kommunikationspolicy",)),
    ]
    assert sections[0].body == "Policyns syfte."
    assert sections[1].body == "Annonsera via:\n\n- Sektionens nyhetsbrev,\n- Discord."


def test_only_the_last_sentence_of_a_paragraph_leads_its_list_in() -> None:
    # A PDF conversion runs a page into one paragraph: the list's lead-in is its last sentence,
    # not the whole paragraph copied into every rule.
    items = "\n".join(
        f"- Rule {n} says what to do about case {n}. {'Be kind. ' * 30}" for n in range(10)
    )
    text = (
        "# Policy\n\nThe council has a page. It posts news there. Posts will meet these"
        f" criteria:\n{items}\n"
    )
    sections = split_sections(text)
    assert [s.title for s in sections][:3] == [
        "The council has a page. It posts news…",
        "Rule 0 says what to do about case…",
        "Rule 1 says what to do about case…",
    ]
    assert sections[2].body.startswith("Posts will meet these criteria:\n- Rule 1 says")
    assert "The council has a page" not in sections[2].body


def test_a_php_page_template_keeps_its_text_and_drops_its_code() -> None:
    text = (
        "<?php\n    $title = title;\n    $out .= <<< END\n<h1>$title Usage Guidelines</h1>\n"
        "<p>The district supports blogs for staff and students, if 3 < 4.</p>\n"
        "<p><b>General Guidelines</b></p>\n<ol>\n<li>Post safely.</li>\n</ol>\nEND;\n\n?>\n"
    )
    sections = split_sections(text)
    assert [s.title for s in sections] == ["$title Usage Guidelines", "General Guidelines"]
    assert sections[0].body == "The district supports blogs for staff and students, if 3 < 4."
    assert sections[1].body == "- Post safely."


def test_a_pdf_conversion_is_read_as_dense_text_whatever_its_blank_lines() -> None:
    # Pages joined by form feeds: a short line between sentences is a heading even with a
    # paragraph right under it, as in any PDF conversion.
    text = (
        "Council policy\n\nThe council has a page and a website.\n\n"
        "Community Council Website\nWe may direct those who contact us to a councillor.\n\f\n"
        "Community Council email\nThe clerk reads the inbox every week.\n"
    )
    sections = split_sections(text, title="policy")
    titles = [s.title for s in sections]
    assert titles[-2:] == ["Community Council Website", "Community Council email"]
    assert sections[-1].body == "The clerk reads the inbox every week."


def test_asciidoc_headings_lists_tables_and_links_are_read_as_such() -> None:
    text = (
        "= Social media accounts\nWho runs which account.\n\n[[official]]\n== Official accounts\n\n"
        "[NOTE]\n====\nOfficial accounts carry the trademark.\n====\n\n=== Mastodon\n\n"
        "\\&#42; \\&#42;Administrators\\&#42;:\n\\&#42;\\&#42; link:{WIKI}/User:Jo[Jo Gay]\n\n"
        "== Community accounts\n\n[cols=',,',options='header',]\n|===\n|Page name |Links |Admin\n\n"
        "|Fedora Albania\n|https://facebook.com/sq[facebook.com/sq]\n|Jona\n|===\n"
    )
    sections = split_sections(text)
    assert [(s.title, s.path) for s in sections] == [
        ("Social media accounts", ()),
        ("Official accounts", ("Social media accounts",)),
        ("Mastodon", ("Social media accounts", "Official accounts")),
        ("Community accounts", ("Social media accounts",)),
    ]
    assert sections[1].body == "Official accounts carry the trademark."
    assert sections[2].body == "- Administrators:\n  - Jo Gay"
    assert sections[3].body == (
        "- Page name · Links · Admin\n- Fedora Albania · facebook.com/sq · Jona"
    )


def test_an_exported_blog_post_loses_its_tags_images_and_escapes() -> None:
    # A WordPress export: inline HTML in markdown, headings whose bold title runs on into
    # the text, escaped numbers, image references and their targets.
    text = (
        "## **1\\. Devices **<figure>![image][1]</figure>\n\nLock your phone.\n\n"
        '## **2\\. Apps** Check <a href="https://x.org">what apps</a> can read.\n\n'
        " [1]: https://media.example.com/a.jpg\n"
    )
    sections = split_sections(text)
    assert [(s.number, s.title, s.body) for s in sections] == [
        ("1", "1. Devices", "Lock your phone."),
        ("2", "2. Apps", "Check what apps can read."),
    ]


def test_template_code_on_one_line_goes_and_an_item_holding_a_chapter_is_no_item() -> None:
    text = (
        "<?php include 'header.php'; ?>\n<h2>Policy</h2>\n<ul>\n<li>\n<h3>1. Basics</h3>\n"
        "<p>• Be polite.</p>\n<p>• Keep secrets.</p>\n</li>\n<li><h3>2. Contact</h3>\n"
        "<p>Write to us.</p></li>\n</ul>\n<?php include 'footer.php'; ?>\n"
    )
    sections = split_sections(text)
    assert [(s.title, s.body) for s in sections] == [
        ("1. Basics", "- Be polite.\n\n- Keep secrets."),
        ("2. Contact", "Write to us."),
    ]


def test_a_page_components_code_goes_and_its_title_properties_are_headings() -> None:
    text = (
        '"use client";\n\nimport { useMemo } from "react";\n\nexport default function Page() {\n'
        '  const sections = useMemo(\n    () => [\n      {\n        id: "part-1",\n'
        '        title:\n          "I. Why this policy?",\n        content: (\n          <>\n'
        "            <p>\n              1.1. We run accounts.\n            </p>\n"
        "            <ol>\n              <li>Be kind,</li>\n              <li>Be brief.</li>\n"
        '            </ol>\n          </>\n        ),\n      },\n      {\n        id: "part-2",\n'
        '        title: "II. Who answers?",\n        content: (\n          <>\n'
        "            <p>2.1. The team answers.</p>\n          </>\n        ),\n      },\n"
        "    ],\n    []\n  );\n}\n"
    )
    sections = split_sections(text)
    assert [(s.title, s.body) for s in sections] == [
        ("I. Why this policy?", "1.1. We run accounts.\n\n- Be kind,\n\n- Be brief."),
        ("II. Who answers?", "2.1. The team answers."),
    ]


def test_a_numbered_paragraph_leading_a_list_in_stays_whole() -> None:
    items = "\n".join(f"- case {n}: {'say what you mean and mean it, ' * 12}" for n in range(10))
    text = f"# Policy\n\n1.3. You talk with us when:\n{items}\n"
    sections = split_sections(text)
    assert sections[0].body.startswith("1.3. You talk with us when:\n- case 0:")
    assert all(not s.title.startswith("1.3") for s in sections)


def test_restructuredtext_titles_nest_by_their_adornment_and_an_indented_list_is_cut() -> None:
    tips = "\n".join(
        f" {n}. **Tip {n}**. {'Say what you mean and mean it. ' * 12}" for n in range(9)
    )
    text = (
        "=======\nContent\n=======\n\nWhy we write.\n\nHow to write\n------------\n\n"
        f"Goal\n~~~~\n\nBe clear.\n\nTips\n~~~~\n\n{tips}\n\nTwitter\n-------\n\nBe brief.\n"
    )
    sections = split_sections(text)
    assert [(s.title, s.path) for s in sections][:3] == [
        ("Content", ()),
        ("Goal", ("Content", "How to write")),
        ("Tip 0", ("Content", "How to write", "Tips")),
    ]
    assert [(s.title, s.path) for s in sections][-1] == ("Twitter", ("Content",))
    assert len(sections) == 12
    assert sections[1].body == "Be clear."


def test_a_prose_line_starting_import_from_is_no_page_component() -> None:
    text = (
        "# Photos\n\n- Post only pictures that are yours: if you\n"
        "import pictures from a stock site, check its licence.\n- Credit the photographer.\n"
    )
    [section] = split_sections(text)
    assert "import pictures from a stock site, check its licence." in section.body


def test_page_furniture_and_footnotes_are_no_passages() -> None:
    # A saved page: its document type, navigation bar and footnote block are no text of the
    # policy; a style sheet closed as a script is code all the same.
    page = (
        "<!DOCTYPE html>\n<html><body>\n"
        '<ul class="nav nav-pills"><li><a href="#a">Overview</a></li><li>Facebook</li></ul>\n'
        "<h2>Tone</h2>\n<p>Be kind to everyone who writes to us.<sup>1</sup></p>\n"
        "<style>p { color: red; }</script>\n"
        '<ol class="footnotes"><li>As the law says. <a href="#r1">&crarr;</a></li></ol>\n'
        "<p>Answer within a day.</p>\n</body></html>\n"
    )
    assert [(s.title, s.body) for s in split_sections(page, title="page")] == [
        ("Tone", "Be kind to everyone who writes to us.\n\nAnswer within a day."),
    ]
    # Markdown footnotes, and a list of them each opening with its link back into the page,
    # go; so do their marks in the text (a paragraph opening with one, "[[2]](#2)Text", stays).
    text = (
        "# Opinions\n\nYou may say what you think.[^1]\n\n[[2]](#2)Facts must be true.\n\n"
        "[^1]: Art. 5 GG.\n<a id='2'>[[2]](#2.1)</a> BVerfG NJW 2017, 1001.\n"
        "Said once more ↩\n"
    )
    assert [s.body for s in split_sections(text)] == [
        "You may say what you think.\n\nFacts must be true."
    ]


def test_the_text_before_the_first_heading_is_named_by_the_front_matter_title() -> None:
    text = (
        '---\ntitle: "Posting in the app"\nweight: 3\n---\nOnly members post.\n\n## Edit\n\nAny.\n'
    )
    sections = split_sections(text, title="app-berichten-nl")
    assert [s.title for s in sections] == ["Posting in the app", "Edit"]
    assert split_sections("Only members post.\n", title="file")[0].title == "file"


def test_a_page_whose_text_is_all_front_matter_is_read_from_it() -> None:
    # A static site's FAQ keeps its questions and answers in its front matter: it was read as
    # holding no passage, and the bot refused the file at start. Any key names, any nesting;
    # a long value alone is a passage, the page's settings and short values stay out.
    text = (
        "---\ntitle: Posting FAQ\nlayout: layouts/faq\npermalink: /faq/\ndate: 2024-05-01\n"
        "summary: What staff may post about the company, and who answers their questions.\n"
        "groups:\n"
        "  - entries:\n"
        "      - ask: Can I post photos from the office?\n"
        "        reply: |\n          Yes.\n\n          Ask everyone in them first.\n"
        "        tags: [Photos, office life]\n"
        "      - ask: Who runs our accounts?\n        reply: The communications team.\n"
        "    label: Everyday posting\n"
        "---\n"
    )
    sections = split_sections(text, title="faq")
    # With a body, the page's own values are its settings and summary; its FAQ follows it.
    with_body = [s.breadcrumb for s in split_sections(f"{text}Only staff post.\n", title="faq")]
    assert [(s.breadcrumb, s.body) for s in sections] == [
        ("Posting FAQ", "What staff may post about the company, and who answers their questions."),
        (
            "Everyday posting \u203a Can I post photos from the office?",
            "Yes.\n\nAsk everyone in them first.",
        ),
        ("Everyday posting \u203a Who runs our accounts?", "The communications team."),
    ]
    assert with_body[0] == "Posting FAQ" and len(with_body) == 3
    # A page with a body keeps its settings out, nested ones too (review15c R1).
    settings = (
        "---\ntitle: Social media policy\nseo:\n  title: Social media policy | Acme\n"
        "  description: What Acme staff may share about the company on social media, and how.\n"
        "author:\n  name: Ann Lee\n  bio: Ann leads communications at Acme and writes about"
        " brand, trust and the company's voice online.\n---\n"
        "## Sharing\n\nShare only what the company has published.\n"
    )
    page = split_sections(settings, title="policy")
    assert [(s.breadcrumb, s.body) for s in page] == [
        ("Sharing", "Share only what the company has published.")
    ]


def test_a_checklist_s_boxes_stay_out_of_titles_and_quotes() -> None:
    # A markdown task list, as GitHub renders it: the boxes are checkboxes, not words of a rule
    # (cct's checklist showed "[ ] Nutzt Ihre Webseite Cookies…" in every citation).
    text = (
        "# Risikoanalyse\n\n"
        "* [ ] Nutzt Ihre Webseite Cookies, die technisch nicht notwendig sind?\n"
        "\t* Stellen Sie sicher, dass die Nutzer darüber informiert werden.\n"
        "* [x] Posten Sie Fremdproduzierte Inhalte?\n"
        "\t* Holen Sie eine Einwilligung ein.\n"
        "1. [ ] Prüfen Sie das Impressum.\n"
    )
    sections = split_sections(text)
    quoted = " ".join([s.title for s in sections] + [s.body for s in sections])
    assert "[ ]" not in quoted and "[x]" not in quoted
    assert "Nutzt Ihre Webseite Cookies" in quoted and "Prüfen Sie das Impressum." in quoted


def test_a_page_s_data_array_of_policies_is_read_as_its_sections() -> None:
    # An HR portal's React page holding its policies in a mock-data array (erp-hr-policies-ar,
    # dev): every string of code was dropped, so no passage of it answered anything.
    text = (
        "import { useState } from 'react';\n"
        "const POLICIES = [\n"
        "  {\n"
        "    id: 1,\n"
        "    title_en: 'Social Media Policy',\n"
        "    status: 'active',\n"
        "    views: 198,\n"
        "    content_en: 'Using social media for personal purposes during working hours is not"
        " allowed, and nothing confidential about the company or its clients may be posted.',\n"
        "  },\n"
        "];\n"
        "export default function Policies() { return null; }\n"
    )
    sections = split_sections(text, title="HR policies")
    by_title = {s.title: s.body for s in sections}
    body = by_title["Social Media Policy"]
    assert body.startswith("Using social media for personal purposes")
    assert "views" not in body and "active" not in body


def test_an_html_table_in_markdown_is_quoted_as_its_rows() -> None:
    # A brand manual's table of formats per platform, inline HTML in markdown as wikis and
    # GitHub render it (cicd-pi, dev): the answer to "which size?" quoted the tags.
    text = (
        "# Formatvorgaben\n\n"
        "<table>\n<thead>\n<tr>\n<th>Plattform</th>\n<th>Maße (px)</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>Instagram Feed</td>\n<td>1080 x 1080</td>\n</tr>\n"
        "<tr><td><strong>LinkedIn</strong></td><td>1200 x 627</td></tr>\n</tbody>\n</table>\n"
    )
    (section,) = split_sections(text)
    assert "<" not in section.body
    assert "Instagram Feed · 1080 x 1080" in section.body
    assert "LinkedIn · 1200 x 627" in section.body
