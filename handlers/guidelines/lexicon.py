"""Everyday words for the ideas social media guidelines talk about, in English and Danish.

People ask "can I tweet our revenue?" where the policy says "never post financial results". Each
idea below lists, per language, the words (any form; they are stemmed) people and policies use
for it.
A word maps to the idea's token (`@money`), added to both the question and the sections, so the
retrieval matches across synonyms and across the two languages. Keep ideas narrow: a broad idea
matches everything and then helps nothing.
"""

from __future__ import annotations

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
  da fortrolig fortrolige hemmelig hemmelige hemmeligheder intern interne følsom følsomme lække
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


@cache
def _lexicon() -> tuple[
    dict[tuple[str, str], frozenset[str]], dict[str, tuple[tuple[str, str], ...]]
]:
    """(language, stem) → ideas, and per language the (word, idea) pairs for compound parts."""
    by_stem: dict[tuple[str, str], set[str]] = {}
    forms: dict[str, list[tuple[str, str]]] = {"en": [], "da": []}
    idea = ""
    for line in IDEAS.splitlines():
        if not line.startswith(" "):
            idea = line.strip().rstrip(":")
            continue
        code, *entries = line.split()
        for word in entries:
            for piece in words(word) or [word]:
                by_stem.setdefault((code, stem(piece, code)), set()).add(idea)
            forms.setdefault(code, []).append((word, idea))
    return (
        {key: frozenset(value) for key, value in by_stem.items()},
        {code: tuple(pairs) for code, pairs in forms.items()},
    )


def ideas(word: str, word_stem: str, code: str) -> frozenset[str]:
    """The ideas one word stands for, found by stem or, for Danish compounds, by part."""
    by_stem, forms = _lexicon()
    found = by_stem.get((code, word_stem), frozenset())
    if found or code != "da" or len(word) < 8:
        return found
    parts: set[str] = set()
    for form, idea in forms.get(code, ()):
        if (
            len(form) >= 4
            and len(word) - len(form) >= 3
            and (word.startswith(form) or word.endswith(form))
        ):
            parts.add(idea)
    return frozenset(parts)
