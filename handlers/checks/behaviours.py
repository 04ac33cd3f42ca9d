"""What a draft does that guidelines forbid, read from everyday phrasing in English, Danish,
German, Swedish and Norwegian. Each behaviour is named after the idea of `rules.CONCEPTS` that
links it to the sentences of the guidelines that forbid it: the guidelines say "obscene", "do
not answer on the company's behalf", "never pretend to be a neutral customer"; people write
"this pipeline is shit", "on behalf of Nordlys I apologise", "not affiliated, just a happy
customer". One behaviour found is enough for a rule that names its idea."""

from __future__ import annotations

import re
from collections.abc import Callable


def _any(*alternatives: str) -> re.Pattern[str]:
    """Whole words or phrases (regular expressions, spaces match any whitespace)."""
    joined = "|".join(a.replace(" ", r"\s+") for a in alternatives)
    return re.compile(rf"(?<![\w@#])(?:{joined})(?!\w)", re.IGNORECASE)


# Name-calling and contempt, of people or of what they make.
_INSULT = _any(
    r"idiot(?:s|er|en|erne|ar|arna)?",
    r"moron(?:s)?",
    r"fool(?:s)?",
    r"clown(?:s|er|erne)?|klovn(?:er|erne|ar|ene)?|pajas(?:er)?",
    r"clueless|incompetent|inkompetente?|inkompetenta",
    r"stupid|dumb|dum|dumme|dumma|dumm(?:en|er)?",
    # Words for rubbish are words for rubbish too ("we picked up trash"): said of something.
    r"(?:is|are|was|its|it's|er|var|är|ist|sind|war) (?:\w+ ){0,2}(?:garbage|trash|rubbish"
    r"|skrald|bras|søppel|skräp|schrott|müll)",
    r"losers?|tabere|taberne|förlorare|tapere|versager",
    r"pathetic|latterlige?|löjliga?|lächerlich(?:e|en)?",
    r"trottel|dummköpfe?|tåbe|tåber",
    r"(?:what|is|are|such) an? (?:joke|disgrace|scam)|(?:er|var) (?:en|et) (?:joke|vits|vittighed)",
    r"(?:är|var) (?:ett|en) (?:skämt|bluff)|(?:ist|sind) (?:ein|eine) (?:witz|witze|farce)",
    r"scam(?:mers)?|svindlere|bedragare|betrüger",
    r"no (?:clue|idea) what (?:they|he|she)|keine ahnung|ingen aning|ingen anelse|aner ikke",
)
# Swear words, and words that start one ("lortedag", "Scheißtag", "skitserver").
_SWEARING = _any(
    r"fuck\w*|f\*+k\w*|shit(?:ty|s)?|bullshit|goddamn|damn(?:ed)?|wtf|asshole|arsehole",
    r"go to hell|bloody hell|piss(?:ed)? off",
    r"lort\w*|pis|fanden|satans?|helvede|kraftedeme|røvhul\w*",
    r"schei(?:ß|ss)\w*|verdammt\w*|arschloch|verfluchte?",
    r"jävla|jävlar|jävel|fan ta|helvete|skitsnack|vilken skit|skit också",
    r"faen|jævla|jævlig|drittsekk|dritt",
)
# Threats of people.
_THREAT = _any(
    r"watch your back|you(?:'ll| will) regret|i know where you live|you(?:'d| had) better",
    r"pas på dig selv|det kommer du til at fortryde|jeg ved hvor du bor",
    r"pass (?:bloß )?auf dich auf|das wirst du bereuen|ich weiß, wo du wohnst",
    r"akta dig|det kommer du att ångra|jag vet var du bor",
    r"pass deg|det kommer du til å angre|jeg vet hvor du bor",
)
# A group of people talked down as a group: "older developers can't keep up".
_GROUP = (
    r"(?:women|men|girls|older (?:\w+ )?(?:people|developers|workers|employees|colleagues)"
    r"|old people|young people|immigrants|foreigners|muslims|jews|christians|gays?|disabled"
    r"|kvinder|mænd|ældre|indvandrere|udlændinge|muslimer|kvinnor|män|äldre|invandrare"
    r"|frauen|männer|ältere|ausländer|migranten|kvinner|menn|eldre|innvandrere)"
)
_DEMEANING = re.compile(
    rf"(?<!\w){_GROUP}\b[^.!?\n]{{0,60}}?(?:can't|cannot|can not|shouldn't|should not|never learn"
    r"|waste of money|are (?:all |just )?(?:lazy|useless|worse|slow|stupid)|kan ikke|duer ikke"
    r"|spild af penge|kan inte|slöseri|können nicht|geldverschwendung|sløsing)",
    re.IGNORECASE,
)
# Taking sides in politics: telling people how to vote, or an opinion in political words.
_VOTE_FOR = _any(
    r"vote (?:for|against|no|yes)|don't vote|do not vote|never vote",
    r"stem (?:på|nej|ja|imod)|stem ikke|ikke stem|stemmer på",
    r"rösta (?:på|nej|ja|emot)|rösta inte|röstar på",
    r"wählt|wählen sie|nicht wählen|stimmt (?:für|gegen)",
    r"stem (?:på|nei|ja|mot)|ikke stem",
)
_POLITICAL = re.compile(
    r"(?<!\w)(?:government|parliament|politicians?|political|referendum|election|elections"
    r"|left[- ]wing|right[- ]wing|prime minister|regering\w*|folketing\w*|politiker\w*"
    r"|parti|partiet|partier|partiets|folkeafstemning\w*|valg|valget|folketingsvalg\w*"
    r"|kommunalvalg\w*|regionsvalg\w*|regierung\w*|bundestag\w*|partei\w*|wahl|wahlen"
    r"|bundestagswahl\w*|riksdag\w*|val|valet|riksdagsval\w*|kommunval\w*|regjering\w*"
    r"|storting\w*|politisk\w*|politisch\w*)(?!\w)",
    re.IGNORECASE,
)
_RELIGIOUS = re.compile(
    r"(?<!\w)(?:jesus|christ|christian|allah|islam\w*|muslim\w*|jewish|church|mosque|bible"
    r"|quran|koran|faith|pray\w*|kristne?|kristen|kirke\w*|kyrka\w*|kirche\w*|christlich\w*"
    r"|glaube\w*|troen|bøn|bön|gebet|religio\w*|religiø\w*|religiö\w*|values|værdier"
    r"|werte|värderingar|verdier)(?!\w)",
    re.IGNORECASE,
)
# Speaking as the company, not as oneself.
_BEHALF = _any(
    r"on behalf of|on (?:the company's|our company's|our) behalf|speaking for (?:the company|us)",
    r"official (?:statement|position|response)|we apologi[sz]e|we take full responsibility",
    r"på (?:\w+s )?vegne|vi beklager|vi tager (?:det )?fulde? ansvar",
    r"im namen (?:von|der|des|unserer|unseres)|wir entschuldigen uns|wir übernehmen die volle",
    r"på (?:\w+s )?vägnar|vi ber om ursäkt|vi tar fullt ansvar",
    r"på vegne av|vi tar fullt ansvar",
)
# Posing as a neutral customer.
_NEUTRAL = _any(
    r"not affiliated|no affiliation|unaffiliated|not sponsored|not paid to say|no connection to",
    r"just an? (?:happy|satisfied|regular|normal|ordinary) (?:customer|user|punter)",
    r"as an? (?:happy|satisfied|loyal|regular|neutral) (?:customer|user)",
    r"(?:independent|unbiased|neutral) (?:review|recommendation|opinion)",
    r"uafhængig anbefaling|almindelig kunde|tilfreds kunde|ikke sponsoreret|ingen forbindelse",
    r"unabhängige (?:empfehlung|meinung)|zufriedener kunde|nicht gesponsert|keine verbindung",
    r"oberoende (?:rekommendation|recension)|nöjd kund|vanlig kund|inte sponsrad|ingen koppling",
    r"uavhengig anbefaling|fornøyd kunde|vanlig kunde|ikke sponset|ingen tilknytning",
)
# Telling news before it is out.
_EARLY = _any(
    r"not (?:yet )?(?:public|announced|official)|isn't (?:public|official|announced) yet",
    r"(?:officially )?announced next (?:week|month)|ahead of (?:the )?(?:launch|announcement)",
    r"you heard it here first|a (?:week|day|month) early",
    r"before (?:it's|it is) (?:announced|official)",
    r"you didn't hear (?:it|this) from me|can't hold it in|under embargo|embargoed",
    r"ikke offentligt? (?:endnu|ennå|enda)|ikke officielt endnu|før det bliver offentliggjort",
    r"har ikke hørt det fra mig|kan ikke holde det for mig selv",
    r"noch nicht (?:offiziell|öffentlich)|bevor es offiziell|ihr habt es nicht von mir",
    r"inte offentligt? (?:än|ännu)|inte officiellt (?:än|ännu)",
    r"innan det (?:annonseras|blir offentligt)",
    r"ikke offisielt ennå|før det blir offentlig",
)
# Starting an account, page or group of one's own for the company.
_NEW_ACCOUNT = _any(
    r"(?:started|created|set up|made|launched|opened) (?:a|an|the|my|our)? ?(?:new )?"
    r"(?:\w+[- ]){0,3}(?:account|page|group|channel|profile)",
    r"(?:oprettet|lavet|startet) (?:en|et|min|vores)? ?(?:ny )?(?:\w+[- ]){0,3}"
    r"(?:side|gruppe|konto|kanal|profil)",
    r"(?:erstellt|angelegt|gegründet|gestartet) (?:\w+ )?(?:seite|gruppe|konto|account|kanal)",
    r"(?:seite|gruppe|konto|account|kanal) (?:\w+ ){0,3}(?:erstellt|angelegt|gegründet)",
    r"(?:skapat|startat|gjort) (?:ett|en)? ?(?:ny |nytt )?(?:\w+[- ])?(?:konto|sida|grupp|kanal)",
    r"(?:opprettet|laget|startet) (?:en|ei|et)? ?(?:ny )?(?:\w+[- ])?(?:side|gruppe|konto|kanal)",
)
# Deleting one's own posts ("deleting my old tweets", "meine Beiträge gelöscht").
_DELETING = r"(?:delet\w*|remov\w*|slet\w*|lösch\w*|gelöscht|rader\w*|ta bort|tar bort)"
_POSTS = (
    r"(?:posts?|tweets?|comments?|opslag\w*|indlæg\w*|beitr\w*|inlägg\w*|innlegg\w*|kommentar\w*)"
)
_DELETE = re.compile(
    rf"(?<!\w){_DELETING}\b[^.!?\n]{{0,30}}?(?<!\w){_POSTS}(?!\w)"
    rf"|(?<!\w){_POSTS}\b[^.!?\n]{{0,40}}?(?<!\w){_DELETING}(?!\w)",
    re.IGNORECASE,
)
# Copying what others own: a whole article pasted, a paywall got round, someone's music.
_COPY = _any(
    r"(?:pasted|pasting|copied|copying|paste|copy) (?:in )?(?:the|this|her|his|their)? ?"
    r"(?:whole|full|entire|complete)? ?(?:\w+ ){0,3}(?:article|piece|text|story|photo|picture)",
    r"(?:whole|full|entire|complete) (?:article|piece|text|story) (?:below|here|pasted|copied)",
    r"(?:get (?:a)?round|skip|bypass|slipper for|umgehen|slippa|slipper unna) (?:\w+ ){0,2}"
    r"(?:paywall|betalingsmur\w*|bezahlschranke|betalvägg\w*)",
    r"found (?:this|the|a) (?:photo|picture|image) on (?:google|the internet|instagram)",
    r"(?:song|music|track|single) by|soundtrack|musik af|musik von|låt av|musik av|sang av",
    r"hele artiklen|kompletten? artikel|ganzen artikel|hela artikeln|hele artikkelen",
    r"(?:kopieret|kopiert|kopierat|eingefügt|inklistrad|limt inn) (?:\w+ ){0,3}"
    r"(?:artikel\w*|tekst\w*|text\w*|billede\w*|bild\w*|foto\w*)",
)
# Other people's health, family or pay ("she's been on sick leave since her diagnosis").
_PRIVATE = re.compile(
    r"(?<!\w)(?:sick leave|sick|surgery|diagnos\w*|cancer\w*|pregnan\w*|divorc\w*|burnout"
    r"|depression|salary|illness|sygemeld\w*|syg|kræft|gravid|skilsmisse|skilt|løn"
    r"|krank\w*|krebs|schwanger|scheidung|gehalt|sjukskriv\w*|sjuk|cancerdiagnos"
    r"|skilsmässa|lön|sykmeld\w*|syk|kreft|skilt)(?!\w)",
    re.IGNORECASE,
)
# Someone else: third-person words, or a name inside a sentence.
_SOMEONE = re.compile(
    r"(?<!\w)(?:she|he|her|his|colleague|candidate|hun|han|hendes|hans|kollega|kandidat\w*"
    r"|kollegin|kollege|bewerber\w*|hon|hennes|honom|henne)(?!\w)"
    r"|(?<=[a-zæøåäöü,] )[A-ZÆØÅÄÖÜ][a-zæøåäöüß]+(?= (?:fra|from|i|in|aus|från|som|who|der)\b)",
)
# Photos of people posted without asking them.
_UNASKED = _any(
    r"didn't ask (?:him|her|them|anyone|anybody)|without asking|without (?:their|his|her) "
    r"(?:permission|consent)|haven't asked|caught \w+ (?:fast )?(?:asleep|sleeping|napping|drunk)",
    r"har ikke spurgt|uden at spørge|uden (?:deres|hans|hendes) (?:tilladelse|samtykke)",
    r"ohne (?:zu fragen|sie zu fragen|ihn zu fragen|erlaubnis|einverständnis)",
    r"utan att fråga|har inte frågat|utan (?:deras|hans|hennes) (?:tillåtelse|samtycke)",
    r"uten å spørre|har ikke spurt",
)


def _politics(draft: str) -> int | None:
    vote = _VOTE_FOR.search(draft)
    if vote:
        return vote.start()
    for pattern in (_POLITICAL, _RELIGIOUS):
        found = list(pattern.finditer(draft))
        if len({m.group(0).lower() for m in found}) >= 2:
            return found[0].start()
    return None


def _private(draft: str) -> int | None:
    """Health, family or pay in a sentence about someone else."""
    for sentence in re.finditer(r"[^.!?\n]+", draft):
        text = sentence.group(0)
        private = _PRIVATE.search(text)
        if private and _SOMEONE.search(text):
            return sentence.start() + private.start()
    return None


def _harass(draft: str) -> int | None:
    """Name-calling, threats, or a group of people talked down."""
    found = [m.start() for p in (_INSULT, _THREAT, _DEMEANING) if (m := p.search(draft))]
    return min(found) if found else None


def _searcher(pattern: re.Pattern[str]) -> Callable[[str], int | None]:
    def search(draft: str) -> int | None:
        found = pattern.search(draft)
        return found.start() if found else None

    return search


# Behaviour → where in the draft it is (None: not there). The names are ideas of CONCEPTS.
FINDERS: dict[str, Callable[[str], int | None]] = {
    "harass": _harass,
    "swearing": _searcher(_SWEARING),
    "politics": _politics,
    "behalf": _searcher(_BEHALF),
    "neutral": _searcher(_NEUTRAL),
    "early": _searcher(_EARLY),
    "delete": _searcher(_DELETE),
    "copy": _searcher(_COPY),
    "personal": _private,
    "consent": _searcher(_UNASKED),
}
# Behaviours that concern the company only when the draft names it: a page of one's own is fine.
ABOUT_THE_COMPANY = {"account": _NEW_ACCOUNT}


def behaviours(draft: str, company_mentioned: bool) -> dict[str, int]:
    """The behaviours `draft` shows: idea → where it is."""
    found = {}
    for name, finder in FINDERS.items():
        at = finder(draft)
        if at is not None:
            found[name] = at
    if company_mentioned:
        for name, pattern in ABOUT_THE_COMPANY.items():
            match = pattern.search(draft)
            if match:
                found[name] = match.start()
    return found
