"""The confidential check: the admin's secret terms, internal links, unannounced financial
figures, other people's contact details, and credentials."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date

from content_feed.canonical import readable_host
from content_feed.text import WORD
from handlers.checks.concerns import CheckSettings, Concern, Kind, Secret, Span
from handlers.checks.text import (
    EMAIL,
    links,
    listed,
    name_pattern,
    phrase_pattern,
    sentences_of,
    without_links,
)
from handlers.guidelines.language import detect_language, reading_language
from handlers.texts import text_for

# Shared mailboxes a company publishes: writing to them is what they are for.
ROLE_MAILBOXES = frozenset(
    listed(
        """press presse info hello hej hallo contact kontakt jobs job careers career karriere
    recruiting support sales salg vertrieb hr service kundeservice noreply no-reply office
    mail team investor investors ir newsroom media jobb karriär rekrytering rekruttering
    rekrutering recruitment talent bewerbung bewerbungen praktik praktikant praktikum
    internship internships intern students studerende student studenter events event
    kundtjänst kundenservice help hjælp hjelp hjälp hilfe billing faktura privacy gdpr dpo
    security sikkerhed säkerhet sikkerhet partners partner marketing kommunikation
    communications comms""",
        separator=" ",
    )
)
_CURRENCY = (
    r"(?:DKK|EUR|USD|SEK|NOK|GBP|CHF|BRL|JPY|INR|PLN|CZK|HUF|ILS|NIS|AED|SAR|QAR|TRY|kr\.?|R\$|€"
    r"|\$|£|¥|₹|₪|Rs\.?|euros?|Euro|kroner|kronor|dollars?|d['\u2019]euros|reais"
    r"|zł(?:otych|ote|oty)?|Kč|korun|円|ドル|ユーロ"
    # The shekel (ש"ח, with a gershayim or a quote), the dirham, riyal, dollar and euro in Arabic.
    r"|ש[\"\u05f4]ח|שקל\w*|دراهم|درهم|ريال|دولار|يورو)"
)
_SCALE = (
    r"(?:bn|mn|[mkMBK]|mio\.?|mia\.?|mill\.?|Mio\.?|Mrd\.?|million(?:s|er)?|billion(?:s)?"
    r"|milliard(?:s|er)?|Millionen|Milliarden|miljoen|miljard|miljoner|miljarder"
    r"|millions? d['\u2019]euros|mil millones|millones|millón|milhões|milhão|bilhões|bilhão"
    r"|crores?|lakhs?|万|億|兆|mln|mld|milion(?:y|ów|a)?|miliard(?:y|ów|a)?|milion[ůy]|miliard[ůy]"
    r"|milj\.?|miljoonaa|miljardia|millió|milliárd|milyon|milyar|juta|miliar|triliun|млн|млрд"
    r"|מיליון|מיליוני|מליון|מיליארד|مليون|ملايين|مليار|مليارات)"
)
# Thousands grouped by a space (sv, nb, da, fr: "950 000", also U+00A0 and U+202F) or a dot.
_NUMBER = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d[\d.,]*)"
# A number starts no sum inside a Latin word or another number: "B2B" holds no "2B" (Japanese and
# Chinese glue figures to their words: "売上高は45億円").
MONEY = re.compile(
    rf"(?:{_CURRENCY}\s?{_NUMBER}(?:\s?{_SCALE}(?!{WORD}))?"
    rf"|(?<![\dA-Za-z]){_NUMBER}\s?(?:{_SCALE}\s?)?{_CURRENCY}(?!{WORD})"
    rf"|(?<![\dA-Za-z]){_NUMBER}\s?{_SCALE}(?!{WORD})\.?)"
)
# A sum this large, or any sum with a business word or the company's name near it, is the kind
# of figure a company publishes; a bake sale's "120 euros" or a flea market's "3000 kroner" is not.
_LARGE = 100_000
_THOUSANDS = re.compile(r"\dk\b|\d\s?K\b")
_SCALED = re.compile(rf"\d\s?(?:{_SCALE})(?:\s?{_CURRENCY})?(?!{WORD})")
BUSINESS = re.compile(
    r"(?<!\w)(?:quarter\w*|Q[1-4]|H[12]|fiscal|FY\s?\d*|YTD|year-to-date|kvartal\w*|halvår\w*"
    r"|Quartal\w*|Halbjahr\w*|Geschäftsjahr\w*|kwarta(?:al|len)\w*|boekjaar|trimest\w*"
    r"|semestre\w*|exercice|regnskabsår\w*|räkenskapsår\w*|regnskapsår\w*|kwarta[lł]\w*"
    r"|półrocz\w*|čtvrtlet\w*|neljännes\w*)(?!\w)"
    # Japanese and Chinese glue words together, Hebrew and Arabic glue "the", "in" before them.
    r"|四半期|上半期|下半期|決算|季度|רבעון|الربع|ربع سنوي",
    re.IGNORECASE,
)
_NEAR = 80  # characters between a figure and the business word or name that makes it one
PERCENT = re.compile(rf"{_NUMBER}\s?(?:%|procent\b|prozent\b|percent\b|pct\b)", re.IGNORECASE)
FINANCIAL = re.compile(
    r"(?<!\w)(?:revenue|turnover|sales figures|EBITDA|EBIT|ARR|MRR|margin|profits?|earnings"
    r"|budget|valuation|bookings|omsætning\w*|overskud\w*|indtjening\w*|resultat\w*|salgstal\w*"
    r"|budget\w*|Umsatz\w*|Gewinn\w*|Ergebnis\w*|Marge|Erlös\w*|Quartalszahlen"
    r"|omzet\w*|winst\w*|kwartaalcijfers|jaarcijfers|chiffre d['\u2019]affaires|bénéfice\w*"
    r"|omsättning\w*|vinst\w*|rörelseresultat\w*|omsetning\w*|overskudd\w*|driftsresultat\w*"
    r"|résultats? (?:trimestriels?|annuels?|financiers?)|du trimestre"
    # Compounds ("bruttomargin", "Bruttomarge"), revenue in other words, the plan and a round.
    r"|\w*margin\w*|\w*marge|intäkt\w*|inntekt\w*|indtægt\w*|Einnahmen|opbrengst\w*|recettes"
    r"|revenus|ingresos|receitas?|fatturato|przychod\w*|(?:above|ahead of|behind|below) plan"
    r"|series [A-E]|funding round|finansieringsrunde|Finanzierungsrunde|finansieringsrunda"
    r"|financieringsronde|levée de fonds|facturación|beneficios?|ganancias|faturamento|lucros?"
    r"|przych[oó]d\w*|zysk\w*|zarobi\w*|tržb\w*|zisk\w*|liikevaiht\w*|ciro\w*|kâr\w*|gelir\w*"
    r"|pendapatan|laba"
    r")(?!\w)"
    r"|売上|売り上げ|収益|利益|営収|营收|收入|利润"
    r"|הכנסות|הכנסה|רווח|מחזור המכירות|מחזור מכירות|תקציב"
    r"|إيراد|ايراد|أرباح|ارباح|ربح|مبيعات|ميزانية|عائدات",
    re.IGNORECASE,
)
# Sales and money raised: with a sum of millions (or 100,000 or more) they are a company's
# figures; a percentage counts only beside a quarter or a year's half ("Sales up 30% in Q3"), not
# a shop's "sales: 30% off".
SALES = re.compile(
    r"(?<!\w)(?:sales|raised|ventas|vendas|vendite|ventes|Verkäufe|Absatz\w*|salg\w*"
    r"|försäljning\w*|verkoop\w*|sprzedaż\w*|sprzedaży|myynti\w*|prodej\w*|satış\w*|sipariş\w*"
    r"|ihracat\w*|penjualan|pesanan|closing order)(?!\w)"
    r"|販売|销售|销量|מכירות",
    re.IGNORECASE,
)
_IN_CURRENCY = re.compile(_CURRENCY)
# Money raised or sold for a good cause ("Our charity run raised 2 million dollars for the
# children's hospital").
CHARITY = re.compile(
    r"(?<!\w)(?:charit\w*|donat\w*|fundrais\w*|good cause|hospital\w*|velgørenhed\w*"
    r"|välgörenhet\w*|veldedig\w*|Spende\w*|gespendet|wohltätig\w*|goede doel\w*|caridad"
    r"|benéfic\w*|beneficen\w*|solidári\w*|beneficenza|charitativ\w*|hyväntekeväisyy\w*"
    r"|dobroczynn\w*|charytatyw\w*)(?!\w)",
    re.IGNORECASE,
)
# Said of figures already out: the annual report, a press release, a public source.
PUBLISHED = phrase_pattern(
    """annual report|quarterly report|is out|are out|published|announced today|press release
    |according to|årsrapport|årsrapporten|kvartalsrapport|offentliggjort|offentliggjorde
    |pressemeddelelse|ifølge|geschäftsbericht|quartalsbericht|veröffentlicht|pressemitteilung
    |laut|jaarverslag|persbericht|gepubliceerd|volgens|rapport annuel|communiqué de presse
    |publiés|publié|selon|informe anual|relatório anual|publicado|publicados|divulgado|divulgados
    |según|de acordo com|er ude|er ute|är ute|ist raus|sind raus|is uit|zijn uit|publicada
    |publicadas|pubblicato|pubblicati|opublikowane|opublikowany|julkaistu|julkaisi|zveřejněny
    |zveřejněné|zveřejnila"""
)
# Any kind of company report, in any language's compounds ("delårsrapport", "Halbjahresbericht",
# "raport kwartalny", "osavuosikatsaus"): its figures are the published ones.
_REPORT = re.compile(
    r"\w*(?:report|rapport|bericht|verslag|raport|relatório|informe|relazione|katsaus|zpráv)\w*",
    re.IGNORECASE,
)
# Said of figures not yet out.
UNANNOUNCED = phrase_pattern(
    """not public|not yet public|not official|before the official|official numbers drop
    |between us|preliminary|sneak peek|heard it here first|don't tell|under wraps|internal
    |ikke offentlig|ikke officielt|foreløbige|foreløbig|fortæl det ikke|mellem os|intern|interne
    |noch nicht offiziell|noch nicht öffentlich|vorläufig|vorläufige|unter uns
    |kommen nächste woche|nog niet openbaar|nog niet officieel|voorlopige|tussen ons
    |pas encore public|pas encore officiel|pas encore officiels|entre nous|préliminaires
    |ne sortent qu'en|ne sortent que|inte offentligt|inte officiellt|preliminära|mellan oss
    |ikke offentlig ennå|foreløpige|mellom oss|all-hands|all hands|town hall|board meeting
    |ingen uden for huset|niemand außerhalb|ingen utanför|ingen utenfor|niemand buiten
    |henüz açıklanmadı|açıklanmadan|düşmeden|ilk siz duyun|ilk benden duyun|aramızda kalsın
    |belum diumumkan|belum resmi|sstt|rahasia|jangan bilang-bilang|bocoran"""
)
# The word for a password in the languages read.
_PASSWORD = (
    r"password|passwd|pwd|kodeord|adgangskode|passwort|kennwort|wachtwoord|lösenord|passord"
    r"|mot de passe|mdp|contraseña|senha|hasło|parola d['\u2019]ordine"
)
CREDENTIALS = re.compile(
    r"AKIA[0-9A-Z]{16}"
    r"|\bxox[abposr]-[\w-]{10,}|\bxapp-[\w-]{10,}"
    r"|\bgh[pousr]_[A-Za-z0-9]{20,}|\bsk-[A-Za-z0-9_-]{20,}"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----"
    # An Authorization header's value, and keys named live or test ("sk_live_…", "fs_test_…").
    r"|(?i:\b(?:bearer|basic)\s+[A-Za-z0-9._~+/-]{20,}=*)"
    r"|\b[a-z]{2,6}_(?:live|test|prod)_[A-Za-z0-9]{16,}"
    r"|\beyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{5,}"
    r"|\b[A-Z_]*(?:SECRET|TOKEN|PASSWORD|API_KEY|ACCESS_KEY)[A-Z_]*\s*[:=]\s*\S{6,}"
    rf"|(?i:\b(?:{_PASSWORD}|api[_ -]?key|secret|token)\s*(?:is|er|ist|är|est)?\s*[:=]\s*\S{{4,}})"
    # "the password for the guest wifi is Fjord2026": a word with a digit after "is"
    rf"|(?i:\b(?:{_PASSWORD})\s+(?:\S+\s+){{0,8}}?"
    r"(?:is|er|ist|lautet|är|est|es|è|é|jest)\s+[\"'“]?(?=\S*\d)(?=\S*[^\W\d])\S{4,})"
    # "wachtwoord Tg!Rdam-2026-depot": the password right after the word, letters and digits.
    rf"|(?i:\b(?:{_PASSWORD})\s+[\"'“]?(?=\S*\d)(?=\S*[^\W\d])\S{{6,}})"
)
PHONE = re.compile(r"(?<![\w+./:-])\+?\d[\d \-]{6,16}\d(?!\w|[.,]\d|[/:-])")
# A number a company gives out to be called: its support line, not a person's.
SERVICE_LINE = phrase_pattern(
    """support line|hotline|helpline|help line|service line|customer service|call us|our number
    |kundeservice|supportlinje|ring til os|vores nummer|hotlinen|kundenservice|ruf uns an
    |rufen sie uns an|unsere nummer|kundtjänst|ring oss|vårt nummer
    |klantenservice|bel ons|ons nummer|service client|appelez-nous|notre numéro
    |asiakaspalvelu|asiakaspalvelun|asiakaspalveluun|asiakaspalvelumme|asiakaspalveluumme
    |atención al cliente|servicio al cliente|atendimento ao cliente|apoio ao cliente
    |servizio clienti|assistenza clienti|numero verde|biuro obsługi klienta|infolinia|infolinię
    |zákaznická linka|zákaznickou linku|zákaznický servis|müşteri hizmetleri|çağrı merkezi
    |layanan pelanggan|call center|serviciul clienți|relații cu clienții|служба підтримки
    |гаряча лінія|гарячу лінію"""
)
_SERVICE_NEAR = 60  # characters between a support line and its number
# A capitalised word inside a sentence: a person's name ("call Mikkel on…").
_NAMED = re.compile(r"(?<![.!?:]\s)\b[A-ZÆØÅÄÖÜ][a-zæøåäöü]+")
# Said just before one's own address or number: it is the author's to share.
OWN = re.compile(
    r"\b(?:call me|reach me|text me|mail me|write to me|email me|e-mail me|my number|my phone"
    r"|my e-?mail|ring til mig|skriv til mig|mit nummer|min mail|ruf mich an|schreib mir"
    r"|meine nummer|meine e-?mail)\b\W{0,3}(?:\w+\W{1,3}){0,2}$",
    re.IGNORECASE,
)
# How a draft points at its author, and at somebody else (pronouns of the languages read; "I"
# is also Danish "you" and "in", "sie" German "you": left out).
FIRST_PERSON = frozenset(
    listed(
        """i me my mine myself jeg mig min mit mine ich mich mir mein meine meinem meinen meiner
    jag mej mitt mina meg ik mij mijn je moi mon mes yo mi mis""",
        separator=" ",
    )
)
SOMEBODY_ELSE = frozenset(
    listed(
        """he him his she her hers colleague colleagues coworker han ham hans hun hende hendes
    kollega kollegaen kolleger kollegaer er ihn ihm seine seinem seinen kollege kollegin
    kollegen henne honom hennes kollegan kollegor hun henne hennes hij hem zijn zij haar
    collega il elle lui collègue él ella su colega""",
        separator=" ",
    )
)
# Years and dates are no phone numbers: 2025-2026, 2026-05-17, 17-05-2026.
_NOT_PHONE = re.compile(r"^\d{4}\s?-\s?\d{4}$|^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}-\d{1,2}-\d{4}$")


def confidential(
    draft: str,
    settings: CheckSettings,
    today: date,
    section: str,
    language: str = "en",
    personal: Callable[[], str | None] = lambda: None,
) -> Iterator[Concern]:
    """Every confidential thing in `draft`, said in `language`; someone's e-mail address or
    phone number cites the section `personal` gives (the guidelines' on personal data), if any."""
    yield from _secret_terms(draft, settings.confidential_terms, today, section, language)
    yield from _internal_links(draft, settings.internal_domains, section, language)
    yield from _financials(draft, settings.company_names, section, language)
    contacts = list(_contacts(draft, section, language))
    cited = personal() if contacts else None
    yield from (replace(concern, section=cited) if cited else concern for concern in contacts)
    for match in CREDENTIALS.finditer(draft):
        yield Concern(
            Kind.CONFIDENTIAL,
            section,
            text_for("credential", language),
            Span.of(draft, match.start(), match.end()),
            text_for("fix_credential", language),
        )


def _secret_terms(
    draft: str, secrets: tuple[Secret, ...], today: date, section: str, language: str
) -> Iterator[Concern]:
    cased = reading_language(draft, detect_language(draft)) in _DECLINING
    for secret in secrets:
        if not secret.secret_on(today):
            continue
        # "Project Havørn" is also "Havørn" ("Havørn-holdet").
        names = [secret.term, *[m.group(1) for m in [_PROJECT.match(secret.term)] if m]]
        found = name_pattern(names, declined=True, cased=cased).finditer(draft)
        match = next((m for m in found if not _common_word(draft, m)), None)
        if match is None:
            continue
        until = secret.until.isoformat() if secret.until else ""
        dated = "_until" if until else ""
        yield Concern(
            Kind.CONFIDENTIAL,
            section,
            text_for(f"term{dated}", language, term=secret.term, until=until),
            Span.of(draft, match.start(), match.end()),
            text_for(f"fix_term{dated}", language, term=secret.term, until=until),
        )


# The languages read whose names take case endings in Latin letters ("Polarisem", "Polarisissa").
_DECLINING = frozenset({"pl", "cs", "sk", "fi", "hu", "ro", "tr"})
# A code name's generic first word: the name is also said without it.
_PROJECT = re.compile(
    r"(?i:project|projekt|projet|proyecto|progetto|projeto|projekt|operation|codename|code name)"
    r"\s+(\S.{2,})$"
)
_LETTER = re.compile(r"[^\W\d_]")
# An article before a code name written in lower case: "the lodestar my manager was" is the word.
_ARTICLE_BEFORE = re.compile(
    r"(?<!\w)(?:the|a|an|my|his|her|their|den|det|en|et|der|die|das|ein|eine|einen|het|de|een"
    r"|le|la|les|un|une|ett)\s+$",
    re.IGNORECASE,
)


def _common_word(draft: str, match: re.Match[str]) -> bool:
    """Whether a capitalised code name is found as the everyday word it also is."""
    found = match.group(0)
    if not found.islower():
        return False
    # After an article; or in a draft that capitalises ("Pihalla juoksi aamulla lumikko…"),
    # where the code name would be capitalised too.
    first = _LETTER.search(draft)
    return bool(
        _ARTICLE_BEFORE.search(draft, 0, match.start()) or (first and first.group(0).isupper())
    )


def _internal_links(
    draft: str, domains: tuple[str, ...], section: str, language: str
) -> Iterator[Concern]:
    internal = {readable_host(domain) for domain in domains}
    for span, host in links(draft):
        key = readable_host(host)
        if any(key == domain or key.endswith(f".{domain}") for domain in internal):
            yield Concern(
                Kind.CONFIDENTIAL,
                section,
                text_for("internal_link", language, host=host),
                span,
                text_for("fix_internal_link", language),
            )


def _financials(
    draft: str, company_names: tuple[str, ...], section: str, language: str
) -> Iterator[Concern]:
    business = [m.start() for m in BUSINESS.finditer(draft)]
    financial = FINANCIAL.search(draft)
    word = financial or SALES.search(draft)
    if word is None:
        # No word for money at all: a sum of millions in a currency beside a quarter is a result
        # all the same ("We made €45 million this quarter"); "2 million trees in Q3" is none.
        figures = [
            m
            for m in MONEY.finditer(draft)
            if _scaled(m.group(0))
            and _IN_CURRENCY.search(m.group(0))
            and _near(m.start(), business)
        ]
        word = figures[0] if figures else None
    elif financial:
        context = list(business)
        if company_names:
            context += [
                m.start() for m in name_pattern(company_names).finditer(without_links(draft))
            ]
        figures = [
            m for m in MONEY.finditer(draft) if _company_sized(m.group(0), m.start(), context)
        ] + list(PERCENT.finditer(draft))
    elif CHARITY.search(draft):  # money raised for a good cause is no company's result
        return
    else:  # sales or money raised: the sum must be a company's by its size alone
        figures = [
            m for m in MONEY.finditer(draft) if _company_sized(m.group(0), m.start(), [])
        ] + [m for m in PERCENT.finditer(draft) if _near(m.start(), business)]
    if word is None or not figures:
        return
    if (PUBLISHED.search(draft) or _REPORT.search(draft)) and not UNANNOUNCED.search(draft):
        return
    figure = min(figures, key=lambda m: abs(m.start() - word.start()))
    yield Concern(
        Kind.CONFIDENTIAL,
        section,
        text_for("financial", language),
        Span.of(draft, figure.start(), figure.end()),
        text_for("fix_financial", language),
    )


def _near(start: int, context: list[int]) -> bool:
    """Whether a figure at `start` has a business word or the company's name (at `context`)
    within `_NEAR` characters."""
    return any(abs(at - start) <= _NEAR for at in context)


def _scaled(figure: str) -> bool:
    """Whether a sum is said in millions or more ("DKK 412m", "48,5 mio. kr.", not "12k")."""
    return bool(_SCALED.search(figure)) and not _THOUSANDS.search(figure)


def _company_sized(figure: str, start: int, context: list[int]) -> bool:
    """Whether a sum of money is a company's: millions or more ("DKK 412m", "48,5 mio. kr."),
    at least `_LARGE`, or any sum with a business word or the company's name near it."""
    if _near(start, context) or _scaled(figure):
        return True
    number = re.search(_NUMBER, figure)
    whole = re.sub(r"[.,]\d{1,2}$", "", number.group(0)) if number else ""
    return int(re.sub(r"\D", "", whole) or 0) * (1000 if _THOUSANDS.search(figure) else 1) >= _LARGE


def _own(draft: str, start: int, end: int, local: str = "") -> bool:
    """Whether the address or number from `start` to `end` is the author's own: introduced as
    theirs, or in a draft the author writes in the first person near it (this sentence or the
    two before) while naming nobody else there, nor the person the address's `local` part is."""
    if OWN.search(draft[max(0, start - 40) : start]):
        return True
    spans = list(sentences_of(draft))
    at = next((n for n, span in enumerate(spans) if span.start <= start < span.end), 0)
    near = " ".join(span.text for span in spans[max(0, at - 2) : at + 1])
    near = without_links(near).lower()
    words = set(re.findall(r"[^\W\d_]+", near))
    if not words & FIRST_PERSON or words & SOMEBODY_ELSE:
        return False
    rest = without_links(draft[:start] + draft[end:]).lower()
    names = {part for part in re.split(r"[\W\d_]+", local.lower()) if len(part) >= 3}
    return not any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", rest) for name in names)


def _service_line(before: str) -> bool:
    """Whether a number after `before` is introduced as a support line ("our support line is
    open all weekend: …", "Customer service can sort out refunds: ….fi/help or …"), in its
    sentence or just before, not as someone's ("skip the hotline and call Mikkel on …")."""
    sentence = [span.start for span in sentences_of(before)][-1:] or [0]
    start = min(sentence[0], max(0, len(before) - _SERVICE_NEAR))
    lines = list(SERVICE_LINE.finditer(before, start))
    return bool(lines) and _NAMED.search(before, lines[-1].end()) is None


def _contacts(draft: str, section: str, language: str) -> Iterator[Concern]:
    for match in EMAIL.finditer(draft):
        local = match.group(0).split("@", 1)[0].lower()
        if local in ROLE_MAILBOXES or _own(draft, match.start(), match.end(), local):
            continue
        yield Concern(
            Kind.CONFIDENTIAL,
            section,
            text_for("email", language),
            Span.of(draft, match.start(), match.end()),
            text_for("fix_email", language),
        )
    sums = [m.span() for m in MONEY.finditer(draft)]
    for match in PHONE.finditer(without_links(draft)):
        number = match.group(0)
        digits = sum(c.isdigit() for c in number)
        # Any script's digits: "٠٥٠١٢٣٤٥٦٧" starts with a zero as "0501234567" does.
        spaced = (
            number[0] == "+" or unicodedata.digit(number[0]) == 0 or " " in number or "-" in number
        )
        if not 8 <= digits <= 13 or not spaced or _NOT_PHONE.match(number):
            continue
        if any(start < match.end() and match.start() < end for start, end in sums):
            continue  # a sum of money ("12 500 000 zł"), not a number to call
        if _own(draft, match.start(), match.end()) or _service_line(
            without_links(draft)[: match.start()]
        ):
            continue
        yield Concern(
            Kind.CONFIDENTIAL,
            section,
            text_for("phone", language),
            Span.of(draft, match.start(), match.end()),
            text_for("fix_phone", language),
        )
