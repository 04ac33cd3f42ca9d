"""Everyday words for the ideas social media guidelines talk about, in English and Danish (the
other languages the bot reads are in lexicon_languages.py).

People ask "can I tweet our revenue?" where the policy says "never post financial results". Each
idea below lists, per language, the words (any form; they are stemmed) people and policies use
for it.
A word maps to the idea's token (`@money`), added to both the question and the sections, so the
retrieval matches across synonyms and across the two languages. Keep ideas narrow: a broad idea
matches everything and then helps nothing, and keep out words with a second, common meaning
("address" the verb is no personal data; a computer "monitor" is listed off-topic).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from handlers.guidelines import lexicon_languages
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
  en offsite outing outings excursion trip trips picnic kickoff webinar webinars seminar seminars
  da begivenhed begivenheder arrangement fest festen julefrokost konference
company:
  en company companies firm employer business organisation organization corporation
  da virksomhed virksomheden virksomhedens firma firmaet firmaets selskab selskabet arbejdsgiver
  da organisation
secret:
  en confidential secret secrets internal proprietary sensitive classified leak leaks leaked nda
  en non-public unannounced unreleased acquisition acquisitions merger mergers takeover
  da fortrolig fortrolige hemmelig hemmelige hemmeligheder interne internt følsom følsomme lække
  da læk opkøb fusion overtagelse
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
  en newspaper newspapers interview interviews podcast podcasts blogger bloggers
  da journalist journalister presse avis aviser analytiker investor interview interviewe
  da podcast blogger
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
  en health sick illness privacy
  da sygdom syg sygemelding privatliv helbred adresse
account:
  en account accounts profile profiles bio page pages handle group groups
  da konto konti profil profilen side gruppe grupper
mistake:
  en mistake mistakes error errors wrong accident accidentally oops typo
  da fejl uheld ved-en-fejl forkert forkerte
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
  en hacked hack hacker compromised stolen spam spamming phishing
  da hacket hacke hackere stjålet
violation:
  en violate violation violations break breach breaches breaking consequence consequences discipline
  en disciplined disciplinary punish punished fired termination
  da overtræde overtrædelse brud konsekvens konsekvenser straf fyret afskedigelse
device:
  en device devices laptop computer phone mobile smartphone
  da enhed computer telefon mobil mobiltelefon smartphone bærbar
network:
  en wifi wi-fi bandwidth
  da wifi
recruit:
  en recruit recruiter recruiting hire hiring candidate candidates applicant applicants job jobs
  en vacancy vacancies career careers
  da rekruttere ansætte ansættelse kandidat kandidater ansøger job jobopslag stilling stillinger
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
  en untrue false lie lies lying fake fact facts accurate honest rumour rumours rumor rumors
  en unverified verify verified gossip hearsay
  da usand falsk løgn løgne lyve fakta rygte rygter sladder
article:
  en article articles blog link links content
  da artikel artikler blogindlæg link indhold
industry:
  en industry sector trend trends
  da branche branchen industri sektor
monitor:
  en monitor monitored monitoring watch watching watches track tracking surveillance spy spying
  da overvåge overvåger overvågning overvåget
leadership:
  en executive executives leader leaders leadership senior vp ceo cfo cto director directors
  da direktør direktører ledelse leder ledere topledelse chef
official:
  en official officially
  da officiel officielle
harassment:
  en harass harassed harassment harassing bully bullies bullying bullied abuse abusive threat
  en threats threaten threatening intimidate stalk stalking
  da chikane chikanere chikanerer mobning mobbe mobber mobbet trussel trusler truer
discrimination:
  en discriminate discriminatory discrimination racist racism sexist sexism homophobic offensive
  en obscene slur slurs
  da diskrimination diskriminerende racistisk racisme sexistisk krænkende stødende
labour:
  en union unions unionise unionize strike strikes collective concerted whistleblower
  en whistleblowing
  da fagforening fagforeninger strejke whistleblower
procedure:
  en step steps process processes procedure procedures workflow
  da trin proces procedure procedurer arbejdsgang
brand:
  en logo logos brand branding
  da logo logoer brand
""".strip()

# Words of the workplace topics a social media policy does not deal with (expenses, leave, pay,
# IT support, facilities). A question that uses one and shares little else with the best section
# is "not covered", even when a word like "client" or "laptop" matches something.
OFF_TOPIC = """
  en expense expenses expensed reimburse reimbursed reimbursement refund receipt receipts mileage
  en taxi vacation vacations holiday holidays payday salary salaries payslip pension parental
  en maternity paternity sick-leave vpn printer printers parking park canteen cafeteria menu gym
  en meeting-room desk desks keycard pet pets dog dogs repair broken monitor monitors order
  en ordering purchase purchasing insurance
  da udgift udgifter refusion refunderet refundere kvittering kvitteringer kørsel taxa ferie
  da feriedage fridage sygedage barsel barselsorlov orlov løn lønnen lønseddel pension printer
  da parkering parkere parkeringsplads kantine kantinen menu mødelokale mødelokaler hund hunde
  da bestille bestiller bestilling indkøb
""".strip()


# Ideas and words that make a question one about social media or the guidelines' concerns at
# all. A question with none of them ("When is lunch?", "Who is the CEO?") that shares a single
# word with a section is not covered by it; one about revenue, a leak or whom to ask is.
SOCIAL_IDEAS = frozenset(
    {"share", "publish", "photo", "reply", "message", "account", "article", "mention", "press"}
    | {"news", "secret", "money", "negative", "report", "ask", "opinion", "politics"}
    | {"copyright", "hacked", "violation", "disclose", "approve", "harassment", "truth"}
    | {"discrimination", "brand", "official", "monitor", "mistake", "sponsored", "legal"}
)
SOCIAL = """
  en social media online internet web website websites site sites platform platforms network
  en networking linkedin facebook twitter instagram tiktok youtube reddit glassdoor snapchat
  en threads bluesky mastodon whatsapp blog blogs vlog follower followers like likes hashtag
  en hashtags tag tagged feed feeds viral influencer policy policies rule rules guideline
  en guidelines
  da sociale medier online internettet nettet netværk linkedin facebook twitter instagram tiktok
  da youtube reddit glassdoor snapchat whatsapp blog blogge følger følgere hashtag regel regler
  da reglerne retningslinje retningslinjer retningslinjerne
""".strip()


def _stems(listing: str) -> frozenset[tuple[str, str]]:
    """(language, stem) of every word of a listing of lines like `en word word …`."""
    found = set()
    for line in listing.splitlines():
        code, *entries = line.split()
        found |= {(code, stem(piece, code)) for word in entries for piece in words(word)}
    return frozenset(found)


@cache
def _off_topic() -> frozenset[tuple[str, str]]:
    return _stems(f"{OFF_TOPIC}\n{lexicon_languages.OFF_TOPIC}")


@cache
def _social() -> frozenset[tuple[str, str]]:
    return _stems(f"{SOCIAL}\n{lexicon_languages.SOCIAL}")


def off_topic(word_stem: str, code: str) -> bool:
    """Whether a word belongs to a workplace topic outside social media (expenses, leave, IT)."""
    return (code, word_stem) in _off_topic()


def social(word_stem: str, code: str, word_ideas: frozenset[str]) -> bool:
    """Whether a word speaks of social media or the guidelines' concerns (a platform, posting,
    a secret, a complaint, whom to ask)."""
    return bool(word_ideas & SOCIAL_IDEAS) or (code, word_stem) in _social()


# Shorter stems are too ambiguous to stand for an idea: Snowball's Danish stemmer cuts both
# "interne" and "internet" to "int". For the same reason a listed word must not share its stem
# with a common word of another meaning: Danish "intern" and "internet" are both "intern", so
# only its other forms are listed ("internet-trold" is no secret).
MIN_STEM = 4
# Languages that write compounds as one word: "Weihnachtsfeier" is a "Feier".
COMPOUNDING = frozenset({"da", "de", "sv", "nb", "nl"})


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
    for line in f"{IDEAS}\n{lexicon_languages.IDEAS}".splitlines():
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
    of a hyphenated word, and the last part of a compound ("arbejdscomputeren")."""
    lexicon = _lexicon()
    found = lexicon.by_word.get((code, word))
    if not found and len(word_stem) >= MIN_STEM:
        found = lexicon.by_stem.get((code, word_stem))
    if found:
        return found
    if "-" in word:
        parts = [part for part in word.split("-") if len(part) > 1]
        return frozenset().union(*(ideas(part, stem(part, code), code) for part in parts))
    if code not in COMPOUNDING or len(word_stem) < 7:
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
