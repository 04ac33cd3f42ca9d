"""Guidelines in other languages than English and Danish: read with the language's own stop
words and Snowball stemmer, answered with the bot's fixed sentences in that language."""

from __future__ import annotations

import random
import sys
import threading
from pathlib import Path

import pytest
import snowballstemmer  # type: ignore[import-untyped]

from handlers.guidelines.answer import offline_answer
from handlers.guidelines.language import (
    LANGUAGES,
    detect_language,
    reply_language,
    stem,
    without,
    written_in,
)
from handlers.guidelines.retrieval import Index
from handlers.guidelines.sections import split_sections
from handlers.texts import TEXTS

GUIDELINES = {
    "de": """# Social-Media-Richtlinien
## 1. Teilen Sie unsere Neuigkeiten
Teilen Sie gerne Blogartikel, Pressemitteilungen und Veranstaltungen des Unternehmens auf
LinkedIn oder anderen Netzwerken. Sagen Sie dabei, dass Sie hier arbeiten.
## 2. Vertrauliche Informationen
Veröffentlichen Sie niemals vertrauliche Informationen: Umsatzzahlen, Kundennamen, Preise oder
interne Dokumente.
## 3. Negative Kommentare
Antworten Sie nicht selbst auf negative Kommentare über das Unternehmen. Melden Sie sie sofort
dem Social-Media-Team.
""",
    "sv": """# Riktlinjer för sociala medier
## 1. Dela våra nyheter
Dela gärna företagets blogginlägg, pressmeddelanden och evenemang på LinkedIn. Berätta att du
jobbar här.
## 2. Konfidentiell information
Publicera aldrig konfidentiell information: försäljningssiffror, kundnamn, priser eller interna
dokument.
## 3. Negativa kommentarer
Svara inte själv på negativa kommentarer om företaget. Rapportera dem direkt till sociala
medier-teamet.
""",
    "nb": """# Retningslinjer for sosiale medier
## 1. Del nyhetene våre
Del gjerne selskapets blogginnlegg, pressemeldinger og arrangementer på LinkedIn. Si at du
jobber her.
## 2. Konfidensiell informasjon
Publiser aldri konfidensiell informasjon: salgstall, kundenavn, priser eller interne dokumenter.
## 3. Negative kommentarer
Ikke svar selv på negative kommentarer om selskapet. Rapporter dem straks til teamet for
sosiale medier.
""",
    "nl": """# Richtlijnen voor sociale media
## 1. Deel ons nieuws
Deel gerust blogartikelen, persberichten en evenementen van het bedrijf op LinkedIn. Vermeld
dat je hier werkt.
## 2. Vertrouwelijke informatie
Publiceer nooit vertrouwelijke informatie: omzetcijfers, klantnamen, prijzen of interne
documenten.
## 3. Negatieve reacties
Reageer niet zelf op negatieve reacties over het bedrijf. Meld ze meteen bij het
socialemediateam.
""",
    "fr": """# Règles d'usage des réseaux sociaux
## 1. Partagez nos actualités
Partagez les articles de blog, les communiqués de presse et les événements de l'entreprise sur
LinkedIn. Dites que vous travaillez ici.
## 2. Informations confidentielles
Ne publiez jamais d'informations confidentielles : chiffres d'affaires, noms de clients, prix
ou documents internes.
## 3. Commentaires négatifs
Ne répondez pas vous-même aux commentaires négatifs sur l'entreprise. Signalez-les tout de
suite à l'équipe réseaux sociaux.
""",
    "es": """# Pautas de redes sociales
## 1. Comparte nuestras noticias
Comparte los artículos del blog, los comunicados de prensa y los eventos de la empresa en
LinkedIn. Di que trabajas aquí.
## 2. Información confidencial
Nunca publiques información confidencial: cifras de ventas, nombres de clientes, precios o
documentos internos.
## 3. Comentarios negativos
No respondas tú mismo a los comentarios negativos sobre la empresa. Infórmalos enseguida al
equipo de redes sociales.
""",
}

# (question, the number of the section that answers it) per language.
QUESTIONS = {
    "de": [
        ("Darf ich die Pressemitteilung auf LinkedIn teilen?", "1"),
        ("Kann ich unsere Umsatzzahlen veröffentlichen?", "2"),
        ("Jemand schreibt negative Kommentare über uns, soll ich antworten?", "3"),
    ],
    "sv": [
        ("Får jag dela pressmeddelandet på LinkedIn?", "1"),
        ("Kan jag publicera våra försäljningssiffror?", "2"),
        ("Någon skriver negativa kommentarer om oss, ska jag svara?", "3"),
    ],
    "nb": [
        ("Kan jeg dele våre pressemeldinger på LinkedIn?", "1"),
        ("Er det greit å publisere salgstall og priser?", "2"),
        ("Noen skriver negative kommentarer om oss, skal jeg svare?", "3"),
    ],
    "nl": [
        ("Mag ik het persbericht op LinkedIn delen?", "1"),
        ("Is het goed om vertrouwelijke omzetcijfers te publiceren?", "2"),
        ("Iemand plaatst negatieve reacties over ons, moet ik reageren?", "3"),
    ],
    "fr": [
        ("Puis-je partager le communiqué de presse sur LinkedIn ?", "1"),
        ("Est-ce que je peux publier nos chiffres d'affaires ?", "2"),
        ("Quelqu'un écrit des commentaires négatifs sur nous, dois-je répondre ?", "3"),
    ],
    "es": [
        ("¿Puedo compartir el comunicado de prensa en LinkedIn?", "1"),
        ("¿Puedo publicar nuestras cifras de ventas?", "2"),
        ("Alguien escribe comentarios negativos sobre nosotros, ¿debo responder?", "3"),
    ],
}

NOT_COVERED = {
    "de": "Wann ist die Weihnachtsfeier?",
    "sv": "När är julfesten?",
    "nb": "Når er julebordet?",
    "nl": "Wanneer is het kerstfeest?",
    "fr": "Quand est la fête de Noël ?",
    "es": "¿Cuándo es la fiesta de Navidad?",
}


@pytest.mark.parametrize("code", sorted(GUIDELINES))
def test_a_policy_in_the_language_is_read_in_it(code: str) -> None:
    index = Index(split_sections(GUIDELINES[code]))
    assert index.language == code
    for question, number in QUESTIONS[code]:
        assert detect_language(question) == code, question
        answer = offline_answer(index, question)
        assert answer.verdict != "not_covered", question
        assert answer.sources[0].key == number, (question, answer.sources)
        assert answer.language == code


@pytest.mark.parametrize("code", sorted(GUIDELINES))
def test_not_covered_is_said_in_the_language(code: str) -> None:
    index = Index(split_sections(GUIDELINES[code]))
    answer = offline_answer(index, NOT_COVERED[code])
    assert answer.verdict == "not_covered"
    assert answer.answer == TEXTS[code]["not_covered"]


def test_every_language_read_has_the_bots_sentences() -> None:
    assert set(TEXTS) == set(LANGUAGES)
    assert all(set(texts) == set(TEXTS["en"]) for texts in TEXTS.values())


DEFAULT_GUIDELINES = Path(__file__).resolve().parents[2] / "handlers" / "data" / "guidelines.md"


@pytest.mark.parametrize(
    ("question", "code", "number"),
    [
        ("¿Puedo compartir noticias de la empresa en LinkedIn?", "es", "1"),
        ("Mag ik vertrouwelijke cijfers van ons bedrijf delen?", "nl", "3"),
        ("Noen skriver negative kommentarer om oss, skal jeg svare på dem?", "nb", "4"),
    ],
)
def test_questions_in_other_languages_on_the_english_default_guidelines_are_answered(
    question: str, code: str, number: str
) -> None:
    index = Index(split_sections(DEFAULT_GUIDELINES.read_text()))
    answer = offline_answer(index, question)
    assert answer.language == code
    assert answer.verdict == "answer", answer
    assert answer.sources[0].key == number
    assert answer.answer.startswith("> ")  # quoted in the guidelines' own language
    assert TEXTS[code]["from_other"] in answer.answer


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Darf ich Fotos von der Weihnachtsfeier posten?", "de"),
    ],
)
def test_a_party_photo_asked_in_another_language_is_unsure_with_the_photo_rule_shown(
    question: str, code: str
) -> None:
    # "Share our stories, news and events" is as close by meaning as the rule on photos from
    # company events (section 2): the bot says it is unsure, in the question's language, and
    # shows both.
    index = Index(split_sections(DEFAULT_GUIDELINES.read_text()))
    answer = offline_answer(index, question)
    assert answer.language == code
    assert answer.verdict == "unsure", answer
    assert "2" in [source.key for source in answer.sources[:3]]
    assert answer.answer.startswith(TEXTS[code]["unsure"])


def test_an_english_question_finds_the_section_of_a_spanish_policy() -> None:
    index = Index(split_sections(GUIDELINES["es"]))
    answer = offline_answer(index, "Can I share confidential figures of the company?")
    assert answer.language == "en"
    assert answer.verdict != "not_covered"
    assert answer.sources[0].key == "2"


def test_a_catalan_policy_is_read_in_catalan_and_answered_in_a_language_the_bot_speaks() -> None:
    text = (
        "# Guia de xarxes socials\n\n## Comentaris\n\nCal respondre els comentaris amb"
        " educació i sempre en nom de la institució.\n\n## Fotografies\n\nNo publiqueu"
        " fotografies de pacients sense el seu consentiment per escrit.\n"
    )
    index = Index(split_sections(text), semantic=False)
    # Read in Catalan, its rules found as in Spanish (the checks), answered in English, not in
    # Spanish, a third language (review5 item 13).
    assert (index.reading, index.language, index.spoken) == ("ca", "es", "en")
    question = "Puc publicar la fotografia d'un pacient?"
    assert [term.stem for term in index.query_terms(question)] == [
        stem(word, "ca") for word in ("publicar", "fotografia", "pacient")
    ]
    answer = offline_answer(index, question)
    assert answer.sources[0].section == "Fotografies"
    assert answer.language == "en"


TURKISH = (
    "# Sosyal medya\n\n## Şifreler\n\nHer hesap için güçlü ve benzersiz bir şifre"
    " kullan\u0131n.\n\n## Konum\n\nTatildeyken konumunuzu paylaşmay\u0131n, çünkü bu"
    " bilgi çok değerlidir.\n"
)


@pytest.mark.parametrize(
    ("code", "text", "question", "expected"),
    [
        (
            "pl",
            "# Zasady\n\n## Komentarze\n\nUsuwamy komentarze, które obrażają innych"
            " użytkowników.\n\n## Zdjęcia\n\nNie publikujemy zdjęć klientów bez ich zgody.\n",
            "Czy możemy publikować zdjęcia klientów?",
            ["możemy", "publikować", "zdjęcia", "klientów"],
        ),
        (
            "tr",
            TURKISH,
            "Şifremi nas\u0131l daha güçlü yapabilirim?",
            ["şifremi", "güçlü", "yapabilirim"],
        ),
    ],
)
def test_a_policy_in_a_language_with_a_general_stop_list_is_not_read_as_english(
    code: str, text: str, question: str, expected: list[str]
) -> None:
    # Polish and Turkish have no hand-made list: the stop-words package's (its Turkish one
    # decoded from the code page it was saved in) and Snowball's stemmer read them.
    index = Index(split_sections(text), semantic=False)
    assert index.reading == code
    assert [term.stem for term in index.query_terms(question)] == [
        stem(word, code) for word in expected
    ]
    assert stem(expected[0], code) != expected[0]
    # An English question on it is still read as English.
    assert [term.word for term in index.query_terms("Can we post photos of customers?")] == [
        "post",
        "photos",
        "customers",
    ]


def test_a_short_question_in_the_policys_language_is_read_in_it() -> None:
    # Turkish has few stop words in a short question, and Swedish, German or French shares one
    # or two of them: read as one of those, its words were stemmed as theirs and met none of
    # the policy's (its Turkish and Italian policies' questions were read so).
    index = Index(split_sections(TURKISH), semantic=False)
    question = "Bir gönderiyi silersem tamamen yok olur mu?"
    assert [term.stem for term in index.query_terms(question)] == [
        stem(word, "tr") for word in ("gönderiyi", "silersem", "tamamen", "yok", "olur")
    ]
    # A question clearly in another language is still read in it.
    assert [term.word for term in index.query_terms("Can I delete a post?")] == ["delete", "post"]


VIETNAMESE = (
    "# Chính sách mạng xã hội\n\n## Mật khẩu\n\nKhông chia sẻ mật khẩu của tài khoản công ty"
    " với người khác.\n\n## Bình luận\n\nKhông trả lời các bình luận tiêu cực về công ty và"
    " hãy báo cho nhóm truyền thông.\n"
)


def test_a_vietnamese_policy_is_read_in_vietnamese_syllable_by_syllable() -> None:
    # flipper-chinh-sach-vi, a Vietnamese dev policy, was read as Italian, then Romanian: its
    # syllables and its questions' cut by another language's stemmer and stop words.
    index = Index(split_sections(VIETNAMESE), semantic=False)
    assert index.reading == "vi"
    question = "Tôi có được chia sẻ mật khẩu của trang với đồng nghiệp không?"
    assert [term.stem for term in index.query_terms(question)] == [
        *("tôi", "có", "được", "chia", "sẻ", "mật", "khẩu", "trang"),
        *("đồng", "nghiệp", "không"),
    ]
    # An English question on it is read as English.
    assert [term.word for term in index.query_terms("Can I share the password?")] == [
        "share",
        "password",
    ]


def test_words_stemmed_in_many_threads_at_once_get_their_own_stems() -> None:
    # Checks and answers run in worker threads, so two people answered at once stem words at
    # the same moment; a stemmer shared between threads raised IndexError and gave wrong stems
    # (kept by `stem`'s cache for everyone after). Threads switched as often as Python allows.
    made_up = random.Random(7)
    endings = ("ing", "ation", "ness", "ies", "ed", "ly", "ement", "ful")
    words = [
        "".join(made_up.choice("abcdefghiklmnoprstu") for _ in range(made_up.randint(3, 12)))
        + made_up.choice(endings)
        for _ in range(6000)
    ]
    failed: list[BaseException] = []

    def stem_all(share: list[str]) -> None:
        for word in share:
            try:
                stem(word, "en")
            except Exception as error:  # counted, then asserted on
                failed.append(error)

    switching = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=stem_all, args=(words[i::4],)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switching)
    assert failed == []
    alone = snowballstemmer.stemmer("english")
    assert [stem(word, "en") for word in words] == [alone.stemWord(word) for word in words]


def test_a_question_cut_to_the_words_a_passage_shares_keeps_the_rest_as_written() -> None:
    # What the verdict embeds a second time: the question without the words the passage lacks.
    assert without("Chi ha la Password della pagina Facebook?", {"password"}) == (
        "Chi ha la della pagina Facebook?"
    )
    assert without("Est-ce que l'entreprise paie ?", {"entreprise"}) == "Est-ce que l' paie ?"
    # Read as overlapping pairs, a character goes when every pair it is in is dropped: "ド" is
    # also in "ドは", which is kept.
    lacking = {"のパ", "パス", "スワ", "ワー", "ード"}
    assert without("公式アカウントのパスワードは", lacking) == "公式アカウントの ドは"
    assert without("Who runs our accounts?", set()) == "Who runs our accounts?"


@pytest.mark.parametrize(
    ("item", "language"),
    [
        # review11c R7: a disclosure in the wrong language ("(trabajo en Nordlys)" on an Italian
        # post, a Swedish sentence leading a Finnish one) is worse than #employee (None).
        ("Nordlys apre un nuovo ufficio a Milano. L'azienda assumerà 50 persone quest'anno.", None),
        ("Nordlys julkaisee kolmannen neljänneksen tuloksensa. Liikevaihto kasvoi 12 %.", None),
        ("Nordlys получила премию", None),
        ("نوردلیس جایزه پایداری را برد", None),
        ("Nordlys vinder pris for bæredygtighed. Prisen blev uddelt i går i København.", "da"),
        ("Nordlys opens a new office in Aarhus. The office will employ 40 people.", "en"),
        ("Nordlys Q3 results", "en"),
    ],
)
def test_a_feed_item_s_language_is_told_only_on_clear_evidence(
    item: str, language: str | None
) -> None:
    assert written_in(item) == language


@pytest.mark.parametrize(
    ("question", "language"),
    [
        # review11b L11: Portuguese that scores as much Spanish got Spanish labels ("Fonte"
        # as "Fuente") on Danish guidelines: a third language.
        ("Posso usar redes sociais durante o horário de trabalho?", "da"),
        ("O que posso dizer sobre o novo produto?", "da"),
        ("¿Puedo publicar fotos de la oficina?", "es"),
        ("Darf ich Fotos vom Büro posten?", "de"),
        ("Kan jeg dele en artikel?", "da"),
    ],
)
def test_a_question_is_answered_in_its_language_or_the_guidelines_never_a_third(
    question: str, language: str
) -> None:
    assert reply_language(question, "da") == language


def test_a_question_norwegian_and_danish_alike_is_answered_in_the_guidelines_of_the_two() -> None:
    # review14a A1: the asker's client (a default) said nothing of either; Danish, the first of
    # the tie, was taken though the guidelines are Norwegian.
    assert reply_language("Må jeg si at jeg jobber her?", "en", near="nb") == "nb"
    assert reply_language("Må jeg si at jeg jobber her?", "en", near="da") == "da"
