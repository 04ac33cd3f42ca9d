"""Everyday words for the ideas social media guidelines talk about, in English and Danish.

People ask "can I tweet our revenue?" where the policy says "never post financial results". Each
idea below lists, per language, the words (any form; they are stemmed) people and policies use
for it.
A word maps to the idea's token (`@money`), added to both the question and the sections, so the
retrieval matches across synonyms and across the two languages. Keep ideas narrow: a broad idea
matches everything and then helps nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from handlers.guidelines.language import stem, words

IDEAS = """
share:
  en share shares shared sharing repost reshare retweet forward spread boost amplify
  da dele deler delt deling videresende sprede spreder
publish:
  en publish post posts posting tweet tweeting upload put write blog
  da offentliggøre offentliggjort udgive opslag poste lægge skrive
photo:
  en photo photos picture pictures pic pics image images selfie selfies photograph photography
  en snapshot video videos film filming footage
  da billede billeder foto fotos video videoer selfie film filme optage
news:
  en news announcement announcements announce press release story stories launch launches
  da nyhed nyheder meddelelse meddelelser pressemeddelelse historie historier lancering
event:
  en event events party parties conference conferences celebration celebrations gathering meetup
  en offsite
  da begivenhed begivenheder arrangement fest festen julefrokost konference
company:
  en company companies firm employer business organisation organization corporation
  da virksomhed virksomheden virksomhedens firma firmaet firmaets selskab selskabet arbejdsgiver
  da organisation
secret:
  en confidential secret secrets internal proprietary sensitive classified leak leaks leaked nda
  en non-public unannounced unreleased
  da fortrolig fortrolige hemmelig hemmelige hemmeligheder interne internt følsom følsomme lække
  da læk
money:
  en financial finance finances revenue earnings results numbers figures profit profits quarterly
  en forecast forecasts budget money sales turnover
  da økonomi økonomiske regnskab omsætning resultat resultater tal indtjening overskud budget
  da penge salg
customer:
  en customer customers client clients
  da kunde kunder kunden klient klienter
press:
  en journalist journalists reporter reporters press analyst analysts investor investors
  en newspaper newspapers
  da journalist journalister presse avis aviser analytiker investor
negative:
  en negative nasty bad angry hate hateful troll trolls attack attacks attacking criticise
  en criticize criticism critical complain complaint complaints complaining trash trashing bash
  en bashing slam insult insults moan moaning rant smear lies lie
  da negativ negative dårlig dårlige grim grimme vred vrede troll trolde angreb angriber angribe
  da kritik kritisere klage klager sur løgn løgne bagtale
reply:
  en respond response responses reply replies answer answers comment comments argue arguing
  en argument arguments defend react engage engaging
  da svare svar svarer kommentere kommentar kommentarer forsvare reagere diskutere
message:
  en dm dms dmed pm inbox message messages messaged messaging
  da besked beskeder dm privatbesked
report:
  en report reporting flag escalate notify inform
  da rapportere indberette informere underrette
worktime:
  en hours workday working lunch break breaks daytime
  da arbejdstid arbejdstiden arbejdsdag arbejdsdagen frokost pause jobbet
competitor:
  en competitor competitors rival rivals competition
  da konkurrent konkurrenter konkurrenten konkurrenterne
colleague:
  en colleague colleagues coworker coworkers co-worker teammate teammates
  da kollega kolleger kollegaer
politics:
  en politics political election elections vote voting religion religious
  da politik politisk politiske valg religion religiøs
copyright:
  en copyright copyrighted song songs music licence license trademark
  da ophavsret musik sang sange varemærke
personaldata:
  en health sick illness address privacy
  da sygdom syg sygemelding privatliv helbred adresse
account:
  en account accounts profile profiles bio page pages handle
  da konto konti profil profilen side
mistake:
  en mistake mistakes error errors wrong accident accidentally oops typo
  da fejl uheld ved-en-fejl
ask:
  en ask question questions contact help
  da spørge spørgsmål kontakte hjælp
concern:
  en concern concerns concerning worry worrying worried worries
  da bekymring bekymret bekymrende
mention:
  en mention mentions name names naming tag tagging
  da nævne nævner navn navne
disclose:
  en disclose disclosure disclaimer identify employee
  da oplyse ansat medarbejder
approve:
  en approve approval approved sign permission consent
  da godkende godkendelse godkendt tilladelse samtykke
hacked:
  en hacked hack hacker compromised stolen
  da hacket hacke hackere stjålet
violation:
  en violate violation violations break breach breaking consequence consequences discipline
  en disciplinary punish punished fired termination
  da overtræde overtrædelse brud konsekvens konsekvenser straf fyret afskedigelse
device:
  en device devices laptop computer phone mobile smartphone
  da enhed computer telefon mobil mobiltelefon smartphone bærbar
network:
  en wifi wi-fi bandwidth
  da wifi
recruit:
  en recruit recruiter recruiting hire hiring candidate candidates applicant applicants
  da rekruttere ansætte ansættelse kandidat kandidater ansøger
sponsored:
  en free gift gifts sponsored paid compensation freebie gadget
  da gratis gave gaver sponsoreret betalt
legal:
  en legal lawyer lawyers lawsuit litigation court untrue false defamation defamatory
  da juridisk advokat retssag usand falsk
crisis:
  en crisis crises emergency emergencies disaster incident
  da krise kriser nødsituation katastrofe
training:
  en training course courses learn learning workshop
  da træning kursus kurser lære uddannelse
product:
  en product products feature features roadmap
  da produkt produkter funktion
opinion:
  en opinion opinions view views
  da mening meninger holdning holdninger synspunkt
sense:
  en sense judgement judgment common careful doubt unsure
  da fornuft dømmekraft omtanke tvivl usikker
truth:
  en untrue false lie lies lying fake fact facts accurate honest
  da usand falsk løgn løgne lyve fakta
article:
  en article articles blog link links content
  da artikel artikler blogindlæg link indhold
industry:
  en industry sector trend trends
  da branche branchen industri sektor
""".strip()

# Words of the workplace topics a social media policy does not deal with (expenses, leave, pay,
# IT support, facilities). A question that uses one and shares little else with the best section
# is "not covered", even when a word like "client" or "laptop" matches something.
OFF_TOPIC = """
  en expense expenses expensed reimburse reimbursed reimbursement refund receipt receipts mileage
  en taxi vacation vacations holiday holidays payday salary salaries payslip pension parental
  en maternity paternity sick-leave vpn printer printers parking park canteen cafeteria menu gym
  en meeting-room desk desks keycard pet pets dog dogs repair broken
  da udgift udgifter refusion refunderet refundere kvittering kvitteringer kørsel taxa ferie
  da feriedage fridage sygedage barsel barselsorlov orlov løn lønnen lønseddel pension printer
  da parkering parkere parkeringsplads kantine kantinen menu mødelokale mødelokaler hund hunde
""".strip()


@cache
def _off_topic() -> frozenset[tuple[str, str]]:
    found = set()
    for line in OFF_TOPIC.splitlines():
        code, *entries = line.split()
        found |= {(code, stem(piece, code)) for word in entries for piece in words(word)}
    return frozenset(found)


def off_topic(word_stem: str, code: str) -> bool:
    """Whether a word belongs to a workplace topic outside social media (expenses, leave, IT)."""
    return (code, word_stem) in _off_topic()


# Shorter stems are too ambiguous to stand for an idea: Snowball's Danish stemmer cuts both
# "interne" and "internet" to "int". For the same reason a listed word must not share its stem
# with a common word of another meaning: Danish "intern" and "internet" are both "intern", so
# only its other forms are listed ("internet-trold" is no secret).
MIN_STEM = 4


@dataclass(frozen=True)
class _Lexicon:
    by_word: dict[tuple[str, str], frozenset[str]]
    by_stem: dict[tuple[str, str], frozenset[str]]


@cache
def _lexicon() -> _Lexicon:
    """(language, listed word) → ideas, and (language, stem) → ideas."""
    by_word: dict[tuple[str, str], set[str]] = {}
    by_stem: dict[tuple[str, str], set[str]] = {}
    idea = ""
    for line in IDEAS.splitlines():
        if not line.startswith(" "):
            idea = line.strip().rstrip(":")
            continue
        code, *entries = line.split()
        for word in entries:
            by_word.setdefault((code, word), set()).add(idea)
            for piece in words(word) or [word]:
                by_stem.setdefault((code, stem(piece, code)), set()).add(idea)
    return _Lexicon(
        {key: frozenset(value) for key, value in by_word.items()},
        {key: frozenset(value) for key, value in by_stem.items()},
    )


def ideas(word: str, word_stem: str, code: str) -> frozenset[str]:
    """The ideas one word stands for: by its listed form first (so "reporter" is the press and
    "report" is reporting, though they share a stem), then by stem, then by its parts: each part
    of a hyphenated word, and the last part of a Danish compound ("arbejdscomputeren")."""
    lexicon = _lexicon()
    found = lexicon.by_word.get((code, word))
    if not found and len(word_stem) >= MIN_STEM:
        found = lexicon.by_stem.get((code, word_stem))
    if found:
        return found
    if "-" in word:
        parts = [part for part in word.split("-") if len(part) > 1]
        return frozenset().union(*(ideas(part, stem(part, code), code) for part in parts))
    if code != "da" or len(word_stem) < 7:
        return frozenset()
    return frozenset(
        idea
        for (language, form), found_ideas in lexicon.by_stem.items()
        if language == code
        and len(form) >= 4
        and len(word_stem) - len(form) >= 3
        and word_stem.endswith(form)
        for idea in found_ideas
    )
