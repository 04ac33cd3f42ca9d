"""Checking drafts as the company's offices write them: Japanese with Latin names glued in or typed
full-width, figures in Spanish, Portuguese, Japanese and Indian English, and embargo dates that end
with the day where the asker is."""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from click.testing import CliRunner

from bot.check_cli import check
from handlers.people import Member
from tests.fakes.slack_requests import (
    block_action,
    buttons,
    command_reply,
    post_form,
    wait_for_call,
)
from tests.fakes.slack_web_api import FakeSlack

# Full-width, as Japanese input methods type it.
WIDE, WIDE_4500 = ("".join(chr(ord(c) + 0xFEE0) for c in text) for text in ("Polaris", "4500"))


def _spans(drafts: list[str], env: dict[str, str], kind: str) -> list[list[str]]:
    """The spans of the concerns of `kind` `socialbot check --json` finds in each draft."""
    result = CliRunner().invoke(check, ["--json"], input="".join(f"{d}\n" for d in drafts), env=env)
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    return [[c["span"] for c in a["concerns"] if c["kind"] == kind] for a in answers]


def test_a_name_inside_japanese_text_or_typed_full_width_is_found(env: dict[str, str]) -> None:
    drafts = [
        "来週Polarisを発売します。",
        f"来週 {WIDE} を発売します。",
        f"{WIDE} launches next week",
        "下周Polaris发布。",
        "Polarisation is a physics word.",  # still a whole word in Latin text
        "北极星Polaris2 is another product.",
    ]
    assert _spans(drafts, env, "confidential") == [
        ["Polaris"],
        [WIDE],  # quoted as typed
        [WIDE],
        ["Polaris"],
        [],
        [],
    ]


# Code names as the offices write them: glued to the words Hebrew and Arabic write joined (and,
# the, in), with Arabic's tatweel and vowel marks, declined (Polish, Finnish), in a Danish
# compound, with accents typed as separate marks (NFD, as macOS pastes from PDFs), in capitals.
NAMES = {
    "SOCIALBOT_CONFIDENTIAL_TERMS": "Polaris, פולריס, بولاريس, Nordstjerna, São João, Ark, Weißdorn"
    ", Vega, Kira"
}
GLUED = [
    ("אנחנו עובדים על הפולריס כבר חודש", "הפולריס"),
    ("מחר בפולריס נתחיל", "בפולריס"),
    ("נשיק את הPolaris בקרוב", "Polaris"),
    ("نعمل على البولاريس منذ شهر", "البولاريس"),
    ("سنطلق الـPolaris قريبا", "Polaris"),  # noqa: RUF001
    ("نطلق بولاريـــس الأسبوع القادم", "بولاريـــس"),
    ("نطلق بُولَارِيس الأسبوع القادم", "بُولَارِيس"),
    ("Pracujemy nad Polarisem od miesiąca", "Polarisem"),
    ("Premiera Nordstjerny w przyszłym tygodniu", "Nordstjerny"),
    ("Polarisissa on vielä paljon tehtävää", "Polarisissa"),
    ("Polarisprojektet går i gang i morgen", "Polarisprojektet"),
    (unicodedata.normalize("NFD", "Lançamos o projeto São João amanhã"), "São João"),  # quoted NFD
    ("WEISSDORN STARTET IM MAI", "WEISSDORN"),  # ß folds to ss
]
# A short name is no part of longer words; a longer one's ending is a case ending, not any.
NOT_GLUED = [
    "Arkitekten tegnede et arkiv til os",
    "Polarisation is a physics word.",
    "Polarised debates are tiring.",
    # No case endings in a language that does not decline names.
    "Vegan lunch at the office today, come join!",
    "Kiran joined our team this week.",
    "נסענו לפולין בשבוע שעבר",
]


def test_a_code_name_glued_declined_or_decomposed_is_found(env: dict[str, str]) -> None:
    found = _spans([d for d, _ in GLUED] + NOT_GLUED, env | NAMES, "confidential")
    nfc = [[unicodedata.normalize("NFC", span) for span in spans] for spans in found]
    assert nfc == [[span] for _, span in GLUED] + [[]] * len(NOT_GLUED)


def test_unpublished_figures_are_found_in_the_offices_languages(env: dict[str, str]) -> None:
    drafts = [
        "Los ingresos del tercer trimestre fueron 45 millones de euros.",
        "A receita do terceiro trimestre foi de 45 milhões de reais!",
        "Receita recorde: R$ 45 milhões no trimestre.",
        "売上高は45億円でした。",
        f"第3四半期の売上は{WIDE_4500}万ドルでした。",
        "Revenue this quarter was ₹45 crore.",
        "Revenue this quarter crossed ₹80 lakh.",
        "45 Millionen Euro Umsatz im Quartal.",
        "Nordlys miał 45 mln zł przychodu w trzecim kwartale.",
        "Nordlys zarobił 45 milionów złotych.",
        'ההכנסות של Nordlys ברבעון השלישי היו 45 מיליון ש"ח',
        "بلغت إيرادات Nordlys في الربع الثالث 45 مليون درهم",
        "بلغت إيرادات Nordlys في الربع الثالث ٤٥ مليون درهم",  # Arabic-Indic digits
        # A sum with its thousands spaced is no phone number too.
        "Nordlys odnotował przychód 12 500 000 zł.",
    ]
    assert _spans(drafts, env, "confidential") == [
        ["45 millones"],
        ["45 milhões"],
        ["R$ 45 milhões"],
        ["45億円"],
        [f"{WIDE_4500}万ドル"],
        ["₹45 crore"],
        ["₹80 lakh"],
        ["45 Millionen Euro"],
        ["45 mln zł"],
        ["45 milionów złotych"],
        ['45 מיליון ש"ח'],
        ["45 مليون درهم"],
        ["٤٥ مليون درهم"],
        ["12 500 000 zł"],
    ]


def test_sales_money_raised_and_a_quarters_millions_are_unpublished_figures_too(
    env: dict[str, str],
) -> None:
    # Results told in the words people use, not only "revenue" (review12a E18); and what sounds
    # alike but is no company's result: a shop's sale, a donation, a team, someone else's fund.
    drafts = [
        "Q3 numbers are in: 45 million in sales, up 30%",
        "Sales hit €45 million",
        "We made €45 million in Q3",
        "We raised 45 million dollars",
        "45 millones de euros en ventas",
        "Sales up 30% this quarter at Nordlys!",
        "Winter sales at Nordlys: 30% off everything!",
        "Nordlys raised €12,000 for the children's hospital",
        "Our sales team in Aarhus is hiring",
        "The EU announced a €45 million fund for green shipping",
        "Kavka Glass zoekt een accountmanager voor B2B-verkoop",
        # Milestones counted in other things than money, and a charity's money (review12c R6).
        "We planted 2 million trees in Q3 together with our customers!",
        "Our app passed 10 million downloads in Q2 - thank you all!",
        "Our charity run raised 2 million dollars for the children's hospital.",
        "Wir haben im dritten Quartal 3 Millionen Bäume gepflanzt.",
    ]
    assert _spans(drafts, env | {"SOCIALBOT_COMPANY_NAMES": "Nordlys"}, "confidential") == [
        ["30%"],
        ["€45 million"],
        ["€45 million"],
        ["45 million dollars"],
        ["45 millones"],
        ["30%"],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
    ]


def test_small_sums_and_published_figures_stay_fine(env: dict[str, str]) -> None:
    drafts = [
        "Vendimos pasteles por 120 euros para la beneficencia.",
        "Os ingressos custam 30 reais.",
        "ランチは1500円でした。",
        "Según el informe anual publicado, los ingresos fueron 45 millones de euros.",
    ]
    assert _spans(drafts, env, "confidential") == [[], [], [], []]


def test_a_phone_number_in_arabic_digits_and_an_internal_host_in_either_spelling(
    env: dict[str, str],
) -> None:
    domains = {"SOCIALBOT_INTERNAL_DOMAINS": "intra.nordlys.dk, nordlys-østerbro.dk"}
    drafts = [
        "اتصلوا بأحمد على ٠٥٠١٢٣٤٥٦٧",
        "Zapłaciłem 45 zł za obiad, a rower kosztował 1200 zł.",
        "Se https://intranet.xn--nordlys-sterbro-dub.dk/nyt",  # as browsers copy it
        "Se https://intranet.nordlys-østerbro.dk/nyt",
    ]
    assert _spans(drafts, env | domains, "confidential") == [
        ["٠٥٠١٢٣٤٥٦٧"],
        [],
        ["https://intranet.xn--nordlys-sterbro-dub.dk/nyt"],
        ["https://intranet.nordlys-østerbro.dk/nyt"],
    ]
    punycode = {"SOCIALBOT_INTERNAL_DOMAINS": "xn--nordlys-sterbro-dub.dk"}
    assert _spans(drafts[3:], env | punycode, "confidential") == [
        ["https://intranet.nordlys-østerbro.dk/nyt"]
    ]


# At any instant Pago Pago's day (UTC-11) is at least one day behind Kiritimati's (UTC+14).
BEHIND, AHEAD = ZoneInfo("Pacific/Pago_Pago"), ZoneInfo("Pacific/Kiritimati")


def test_an_embargo_ends_when_its_day_is_over_in_the_company_zone(env: dict[str, str]) -> None:
    until = datetime.now(BEHIND).date().isoformat()  # today in Pago Pago, over in Kiritimati
    found = []
    for zone in (BEHIND, AHEAD):
        terms = {"SOCIALBOT_CONFIDENTIAL_TERMS": f"Polaris until {until}"}
        found += _spans(
            ["Polaris launches tomorrow"],
            env | terms | {"SOCIALBOT_TIMEZONE": zone.key},
            "confidential",
        )
    assert found == [["Polaris"], []]


async def test_an_embargo_ends_when_the_askers_day_is_over(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    until = datetime.now(BEHIND).date().isoformat()
    bot = await make_slack_bot(confidential_terms=f"Polaris until {until}", timezone=AHEAD.key)
    bot.runtime.core.directory.upsert([Member("slack", "UPAGO", tz=BEHIND.key)])
    # Slack gives no zone for UKIRI (the fake's default is UTC, whose day is Pago Pago's from
    # 11:00 UTC on: the test held only before then).
    slack.users["UKIRI"] = {"id": "UKIRI", "name": "ukiri", "is_bot": False, "deleted": False}
    answers = [
        await command_reply(bot, slack, "/check-post", "Polaris launches tomorrow", user=user)
        for user in ("UPAGO", "UKIRI")  # UKIRI's zone is unknown: the company's (Kiritimati)
    ]
    assert [bool(a["text"].startswith("✅")) for a in answers] == [False, True]


def test_a_draft_in_a_language_the_bot_does_not_speak_is_answered_in_the_guidelines_one(
    env: dict[str, str],
) -> None:
    drafts = [
        "Lançamos o Polaris na próxima semana, a receita do terceiro trimestre foi de 45 milhões!",
        "O que faço com o Polaris? Vejo um comentário negativo sobre a empresa.",
        "Great news! Polaris ships next week — Q3 revenue was $45 million",  # "was" is German too
    ]
    result = CliRunner().invoke(check, ["--json"], input="".join(f"{d}\n" for d in drafts), env=env)
    reasons = [json.loads(line)["concerns"][0]["reason"] for line in result.stdout.splitlines()]
    assert reasons == ["“Polaris” is confidential until 2099-01-31."] * 3


async def test_a_check_speaks_one_language_and_settings_are_for_admins(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    bot = await make_slack_bot(confidential_terms="Polaris")  # no company names, no domains
    reply = await command_reply(bot, slack, "/check-post", "Vi lancerer Polaris i næste uge!")
    shown = json.dumps(reply, ensure_ascii=False)
    assert "“Polaris” er fortroligt." in shown
    assert "SOCIALBOT_" not in shown and "admin" not in shown
    warnings = (await (await bot.get("/healthz")).json())["warnings"]
    assert any(w.startswith("Some checks are off: set SOCIALBOT_COMPANY_NAMES") for w in warnings)


async def test_an_answer_its_buttons_and_receipts_speak_the_askers_language(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    bot = await make_slack_bot(escalation_channel="CSOCIAL")
    reply = await command_reply(bot, slack, "/guidelines", "¿Cómo reservo una sala de reuniones?")
    labels = {b["action_id"]: b["text"]["text"] for b in buttons(reply["blocks"])}
    assert labels["guidelines_ask_team"] == "Preguntar al equipo de redes sociales"
    assert labels["guidelines_helpful"] == "👍 Útil"
    receipts: list[str] = []
    for action in ("guidelines_ask_team", "guidelines_helpful"):
        pressed = next(b for b in buttons(reply["blocks"]) if b["action_id"] == action)
        await post_form(bot, block_action(pressed, slack.url + "respond"))
        said = await wait_for_call(slack, "respond", count=len(receipts) + 1)
        receipts.append(said[-1]["text"])
    assert receipts == [
        "He pasado tu pregunta al equipo de redes sociales; su respuesta te llegará en tu chat"
        " conmigo.",
        "Gracias, me alegra que haya servido.",
    ]


def test_a_terms_file_saved_with_a_byte_order_mark_keeps_its_first_term(
    env: dict[str, str], tmp_path: Path
) -> None:
    terms = tmp_path / "terms.txt"
    terms.write_bytes("\ufeffPolaris\r\nØresund\r\n".encode())  # Notepad's "UTF-8 with BOM"
    found = _spans(
        ["Polaris kommer snart", "Øresund kommer snart"],
        env | {"SOCIALBOT_CONFIDENTIAL_TERMS": str(terms)},
        "confidential",
    )
    assert found == [["Polaris"], ["Øresund"]]
