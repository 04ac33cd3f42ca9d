"""What a draft does that guidelines forbid, read from everyday phrasing in English, Danish,
German, Swedish, Norwegian, Dutch and French. Each behaviour is named after the idea of
`rules.CONCEPTS` that links it to the sentences of the guidelines that forbid it: the
guidelines say "obscene", "do not answer on the company's behalf", "never pretend to be a
neutral customer"; people write "this pipeline is shit", "on behalf of Nordlys I apologise",
"not affiliated, just a happy customer". One behaviour found is enough for a rule that names
its idea."""

from __future__ import annotations

import re
from collections.abc import Callable

from handlers.checks.confidential import OWN


def _any(*alternatives: str) -> re.Pattern[str]:
    """Whole words or phrases (regular expressions, spaces match any whitespace)."""
    # An optional space stays optional, and a space in `[- ]` stays one character of the class.
    joined = "|".join(
        a.replace("[- ]", r"[-\s]").replace(" ?", r"\s*").replace(" ", r"\s+") for a in alternatives
    )
    return re.compile(rf"(?<![\w@#])(?:{joined})(?!\w)", re.IGNORECASE)


# Name-calling and contempt, of people or of what they make.
_INSULT = _any(
    r"idiot(?:s|er|en|erne|ar|arna)?",
    r"moron(?:s)?",
    # Said of someone ("is a fool", "you fools"), not of oneself ("don't be a fool like me").
    r"(?:is|are|was|were|you|such|bunch of) (?:an? )?(?:\w+ ){0,2}fools?",
    r"(?:is|are|was|were) (?:the )?(?:most|so|really|utterly|completely) useless",
    r"clown(?:s|er|erne)?|klovn(?:er|erne|ar|ene)?|pajas(?:er)?",
    # A company or a show of clowns ("Klovnefirma", "clown show").
    r"klovne(?:firma|selskab|show|forestilling|bande|butik)\w*|clown ?(?:show|company|car|outfit)",
    r"(?:the )?(?:dumbest|stupidest)|(?:den |det |die |das )?(?:dummeste|dummaste|dümmste\w*)",
    r"(?:des|quels|quelle bande d['\u2019]|bande d['\u2019]) ?amateurs",
    r"clueless|incompetent|inkompetente?|inkompetenta",
    # Said of someone, not of a question ("there's no such thing as a stupid question").
    r"(?:is|are|was|were|so|such|er|var|är|ist|sind|war) (?:\w+ )?(?:stupid|dumb|dum|dumme"
    r"|dumma|dumm\w*)",
    # Words for rubbish are words for rubbish too ("we picked up trash"): said of something.
    r"(?:is|are|was|its|it's|er|var|är|ist|sind|war) (?:\w+ ){0,2}(?:garbage|trash|rubbish"
    r"|skrald|bras|søppel|skräp|schrott|müll)",
    r"losers?|tabere|taberne|förlorare|tapere|versager",
    r"pathetic",
    r"trottel|dummköpfe?|tåbe|tåber",
    # "What a joke our quiz was" laughs with people: a joke only said to be one is contempt.
    r"(?:what|such) an? (?:disgrace|scam)|(?:is|are) (?:a|an|such a) (?:joke|disgrace|scam)",
    r"(?:er|var) (?:en|et) (?:joke|vits|vittighed)",
    r"(?:är|var) (?:ett|en) (?:skämt|bluff)|(?:ist|sind) (?:ein|eine) (?:witz|witze|farce)",
    # Contempt for someone's work or sense.
    # said of someone ("such amateurs", "a bunch of useless"), not of "the lazy Sunday".
    r"(?:is|are|was|were|such|bunch of|absolute|complete|total|utter|er|var|är|ist"
    r"|sind|war|så|sådana|vilka|hvilke"
    r"|nogle|några|noen|welche|echte|totale?|komplette?) (?:\w+ )?(?:lazy|laziest|useless"
    r"|worthless|hopeless|amateurs|amatører|amatörer|amateure|doven|dovne|ubrugelige?"
    r"|værdiløse?|lat|lata|oduglig[at]?|faul(?:e|en)?|nutzlos(?:e|en)?|unfähig(?:e|en)?"
    r"|ubrukelige?)",
    r"no (?:clue|idea) what (?:they|he|she)|keine ahnung|ingen aning|ingen anelse|aner ikke",
    r"(?:who|don't|doesn't) (?:actually |even )?know what (?:they're|they are|he's|she's) doing",
    r"keinen (?:plan|schimmer)|null peiling|ingen peiling|aner ikke hvad",
    r"vet inte vad (?:de|han|hon) (?:håller på med|gör)",
    r"idioot|idioten|prutsers|klungels|amateuristisch|incompetente"
    r"|stelletje (?:\w+ )?(?:idioten|amateurs|clowns|sukkels|prutsers)",
    # Said of someone ("jullie zijn waardeloos"), not of the weather or of oneself.
    r"(?:jij bent|je bent|jullie zijn|hij is|zij is|ze zijn|zij zijn) (?:\w+ )?(?:een )?"
    r"(?:dom|dommer|achterlijk|achterlijke|waardeloos|waardeloze|nutteloos|nutteloze|zielig"
    r"|sukkel|sukkels|prutser|prutsers|klungel|klungels)",
    r"(?:is|zijn) (?:\w+ )?een (?:grap|schande)",
    r"(?:snappen|begrijpen|weten) (?:er )?(?:echt )?(?:niks|niets|geen bal) van",
    r"abruti|abrutis|abrutie|crétin|crétins|crétine|imbécile|imbéciles|débile|débiles"
    r"|incompétent|incompétents|incompétente|incompétentes|guignol|guignols|bouffon|bouffons"
    r"|bande d['\u2019](?:idiots|incapables|incompétents|amateurs|abrutis)",
    # Said of someone ("vous êtes nuls"), not of a match, a film or a missed train ("c'est bête").
    r"(?:tu es|t['\u2019]es|vous êtes|il est|elle est|ils sont|elles sont|ils étaient"
    r"|elles étaient|(?:ce|cet|cette|ces) (?:\w+ )?(?:mec|mecs|type|types|gens|nana|nanas|gars"
    r"|équipe|clients?|collègues?|managers?|chefs?) (?:est|sont|était|étaient)) (?:\w+ )?"
    r"(?:des |un |une )?(?:stupides?|idiots?|idiotes?|débiles|bêtes?|nuls|nulles?|minables?"
    r"|pathétiques?|honte|blague)",
    r"(?:comprennent|savent|connaissent) rien",
    # Compounds of a word for a fool ("Vollidioten", "randdebielen").
    r"\w+idiot(?:en|er|erne|s)?|\w*debiel(?:en|e)?|bande de (?:nuls|cons|guignols|bras cassés)",
    r"liars|frauds|crooks|scammers|charlatans|svindlere|betrüger|bedragare|oplichters|escrocs",
    # Italian, Spanish, Portuguese and Polish, read by no list of their own.
    r"idioti|idiota|idiotas|imbecill[ei]|imbécil(?:es)?|imbecis|cretin[oi]|deficienti|buffoni"
    r"|pagliacci|payasos|palhaços|incompetenti|incompetentes|incapaci|inúteis|inútiles"
    r"|vergognatevi|vergogna|qué vergüenza|que vergonha|idioci|idiotów|debil(?:e|i|ami)?"
    r"|kretyn(?:i|ów)?|imbecyl(?:e|i|ów)?|nieudacznik\w*|niekompetentn\w*|żenada",
    # "Heeft gewoon geen hersens", "they simply have no brains": said with scorn, not of a puppy.
    r"(?:has|have|har|hat|haben|heeft|hebben|a|ont) (?:simply|just|clearly|obviously|really"
    r"|gewoon|echt|duidelijk|bare|simpelthen|jo|einfach|halt|helt enkelt|rett og slett"
    r"|tout simplement|vraiment) (?:no|geen|ingen|keine?|pas de)"
    r" (?:brains?|hersens|hersenen|hjerne|gehirn|hirn|cerveau|hjärna)",
)
# Swear words, and words that start one ("lortedag", "Scheißtag", "skitserver").
_SWEARING = _any(
    r"fuck\w*|f\*+k\w*|shit(?:ty|s)?|bullshit|goddamn|damn(?:ed)?|wtf|asshole|arsehole",
    r"go to hell|bloody hell|piss(?:ed)? off",
    r"lort\w*|pis|fanden|satans?|helvede|kraftedeme|røvhul\w*",
    r"schei(?:ß|ss)\w*|verdammt\w*|arschloch|verfluchte?",
    r"jävla|jävlar|jävel|fan ta|helvete|skitsnack|vilken skit|skit också",
    r"faen|jævla|jævlig|drittsekk|dritt",
    r"kut(?:zooi|dag|ding|weer)?|klote\w*|verdomme|verdomd\w*|godverdomme|tering\w*|klootzak\w*"
    r"|lul|eikel|rot op|kolere",
    r"cazzo|vaffanculo|fanculo|stronz[oi]|porca miseria|mierda|joder|coño|gilipollas|cabrón"
    r"|porra|caralho|foda-se|kurw\w+|chuj\w*|pierdol\w+|gówno",
    r"putain|merde\w*|bordel|connard\w*|connasse|salaud|salope|foutu\w*|fais chier"
    r"|fait chier|emmerde\w*|enfoiré\w*|(?<!-)nique\w*",
)
# Threats of people.
_THREAT = _any(
    r"watch your back|you(?:'ll| will) (?:\w+ ){0,2}regret|i know where you live"
    r"|i know who you are",
    r"det kommer du til at fortryde|jeg ved hvor du bor",
    r"das wirst du bereuen|ich weiß, wo du wohnst",
    r"det kommer du att ångra|jag vet var du bor",
    r"det kommer du til å angre|jeg vet hvor du bor",
    # "Pas maar op met de gladheid" is a warning, "fais gaffe à toi sur la route" care.
    r"daar ga je spijt van krijgen|ik weet waar je woont|pas (?:jij|jou|je) maar op(?! met| voor)",
    r"tu vas le regretter|vous allez le regretter|je sais où tu habites"
    # Finding out where someone lives.
    r"|(?:find out|finder (?:jeg )?ud af|finde (?:jeg )?ud af|herausfinden|ta reda på|finne ut"
    r"|uitzoeken|zoek ik uit|trouver|découvrir) (?:\w+ ){0,2}(?:where|hvor|wo|var|waar|où)"
    r" (?:\w+ )?(?:lives?|bor|wohnt|woont|habite)"
    r"|fais gaffe à toi,? (?:sinon|ou)",
)
# A group of people talked down as a group: "older developers can't keep up".
_GROUP = (
    r"(?:women|men|girls|older (?:\w+ )?(?:people|developers|workers|employees|colleagues)"
    r"|old people|young people|immigrants|foreigners|muslims|jews|christians|gays?|disabled"
    r"|kvinder|mænd|ældre|indvandrere|udlændinge|muslimer|kvinnor|män|äldre|invandrare"
    r"|frauen|männer|ältere|ausländer|migranten|kvinner|menn|eldre|innvandrere"
    r"|vrouwen|mannen|ouderen|buitenlanders|allochtonen|femmes|hommes|vieux|seniors|immigrés"
    r"|étrangers)"
)
# Leaving people out by their accent: "no more interns with a southern accent".
_BY_ACCENT = _any(
    r"(?:no more|plus de|plus aucun|ikke flere|inga fler|ingen flere|keine|geen)"
    r" (?:[\w'\u2019-]+ ){0,3}?(?:with|avec|med|mit|met) (?:[\w'\u2019-]+ ?){0,3}?(?:accents?"
    r"|dialects?|dialectes?|dialekt\w*|akzent\w*)",
)
# Leaving people out by age: "skip the candidates over 50", "pas de quinquas".
_BY_AGE = _any(
    r"(?:skip|avoid|no|never hire|don't hire|drop|undgå|ingen|keine|undvik|inga|geen|pas de"
    r"|évitez) (?:the |de |die |les )?(?:\w+ )?(?:candidates|applicants|people|developers|devs"
    r"|engineers|workers|employees|kandidater|ansøgere|folk|bewerber\w*|leute|sökande|søkere"
    r"|sollicitanten|mensen|candidats|profils|gens) (?:over|above|older than|plus de|über"
    r"|ældre end|äldre än|eldre enn|ouder dan|boven de) [4-9]\d",
    r"pas de (?:quinquas|quinquagénaires|seniors|vieux)|no (?:boomers|oldies)",
    # "If the candidate is over 50, … they won't keep up".
    r"(?:over|above|older than|plus de|über|ældre end|äldre än|eldre enn|ouder dan) [4-9]\d"
    r"[^.!?\n]{0,60}?(?:won't keep up|can't keep up|cannot keep up|kan ikke følge med"
    r"|können nicht mithalten|kan inte hänga med|henger ikke med|kunnen het niet bijhouden"
    r"|ne suivent pas|dinosaurs?|dinosaurer|dinosaurier)",
)
_DEMEANING = re.compile(
    rf"(?<!\w){_GROUP}\b[^.!?\n]{{0,60}}?(?:can't keep up|cannot keep up|never learn"
    r"|waste of money|are (?:all |just )?(?:lazy|useless|worse|slow|stupid)|duer ikke"
    r"|kan ikke følge med|spild af penge|kan inte hänga med|slöseri|können nicht mithalten"
    r"|geldverschwendung|sløsing|henger ikke med|kunnen het niet bijhouden|zonde van het geld"
    r"|ne suivent pas|gaspillage)",
    re.IGNORECASE,
)
# Taking sides in politics: telling people how to vote, or an opinion in political words.
_VOTE_FOR = _any(
    # Voting in a contest or for awards is no politics.
    r"(?:vote|voting) (?:for|against|no|yes)"
    r"(?![^.!?\n]*(?<!\w)(?:awards?|prizes?|contest|competition))"
    r"|don't vote|do not vote|never vote",
    r"vote (?:them|him|her) (?:in|out)",
    r"stem (?:på|nej|ja|imod)|stem ikke|ikke stem|stemmer (?:\w+ ){0,2}på",
    r"rösta (?:på|nej|ja|emot)|rösta inte|röstar (?:\w+ ){0,2}på",
    r"wählt|wählen sie|nicht wählen|stimmt (?:für|gegen)",
    r"stem (?:på|nei|ja|mot)",
    # ... nor is voting for a prize ("stem op ons voor de award", "votez pour nous au concours").
    # ... nor for a photo ("stem op je favoriete foto", "votez pour votre photo préférée"): in
    # Dutch and French voting is politics only with a party or an election in its sentence.
    r"votate|votatelo|votateli|votare per|non votate|votad|votar por|no votéis|votem em"
    r"|vote em|votar em|não votem|głosujcie na|głosuj na|zagłosuj na|nie głosujcie",
    r"(?:stem (?:op|tegen|niet)|stemt (?:op|tegen)|niet stemmen op|votez|votons|ne votez pas"
    r"|voter pour|voter contre)(?=[^.!?\n]*(?<!\w)(?:partij\w*|verkiezing\w*|pvv|vvd|d66|cda"
    r"|groenlinks|partis?|élection\w*|rassemblement national|reconquête|insoumise"
    r"|républicains|gauche|droite|links|rechts)(?!\w))",
)
# Asking people to vote whoever they vote for tells no one how to vote: "Whoever you vote for,
# just go and vote", "Egal wen ihr wählt: geht wählen", "Uanset hvem du stemmer på…".
_ANY_VOTE = _any(
    r"(?:whoever|whatever|no matter (?:who|what)) (?:you|u|y['\u2019]all) (?:vote|are voting)"
    r" for",
    r"egal,? (?:wen|was|wie) (?:ihr|du|sie) (?:wählt|wählst|wählen)",
    r"uanset hvem (?:du|i) stemmer på|uansett hvem (?:du|dere) stemmer på",
    r"oavsett (?:vem|vad) (?:du|ni) röstar på",
    r"ongeacht (?:op )?wie (?:je|jij|u|jullie) (?:stemt|stemmen)",
    r"peu importe pour qui (?:vous votez|tu votes)|quel que soit votre vote",
    r"(?:just |please )?go (?:and |out and )?vote|geht wählen|gå (?:og|och) (?:stem|rösta)"
    r"|ga stemmen|allez voter",
)
_POLITICAL = re.compile(
    r"(?<!\w)(?:government|parliament|politicians?|political|referendum|election|elections"
    r"|opposition|(?:ruling|governing|opposition) party"
    r"|left[- ]wing|right[- ]wing|prime minister|regering\w*|folketing\w*|politiker\w*"
    r"|parti|partiet|partier|partiets|folkeafstemning\w*|valg|valget|folketingsvalg\w*"
    r"|kommunalvalg\w*|regionsvalg\w*|regierung\w*|bundestag\w*|partei\w*|wahl|wahlen"
    r"|bundestagswahl\w*|riksdag\w*|val|valet|riksdagsval\w*|kommunval\w*|regjering\w*"
    r"|storting\w*|politisk\w*|politisch\w*"
    # Parties by name (none whose name is also an everyday word: Venstre, Høyre, Labour).
    r"|socialdemokrat\w*|moderaterne|moderaterna|enhedslisten|liberal alliance"
    r"|dansk folkeparti|danmarksdemokraterne|radikale venstre|alternativet|sverigedemokraterna"
    r"|vänsterpartiet|centerpartiet|liberalerna|kristdemokraterna|miljöpartiet"
    r"|arbeiderpartiet|fremskrittspartiet|senterpartiet|kristelig folkeparti|cdu|csu|spd|afd"
    r"|fdp|die grünen|die linke|tories|lib dems|reform uk|republicans|gop|maga"
    r"|kabinet|tweede kamer|verkiezing\w*|politiek\w*|partij\w*|pvv|vvd"
    r"|groenlinks|d66|cda|gouvernement|élection\w*|politique\w*|partis"
    # Political hashtags ("#dkpol", "#svpol"), voting against, calling opponents deniers.
    r"|#(?:dk|sv|no|de|nl|eu|uk|us)pol|#politik\w*|stemmer (?:imod|mod|for)|röstar (?:emot|mot)"
    r"|stimmen (?:gegen|für)|stemmen tegen|votent contre|vote against|klimafornægter\w*"
    r"|klimaleugner\w*|klimatförnekar\w*|klimafornekter\w*|klimaatontkenner\w*"
    r"|climatosceptiques?|climate deniers?"
    r"|assemblée nationale|rassemblement national|reconquête|la france insoumise"
    r"|les républicains|elezioni|partito|governo|parlamento|elecciones|partido|gobierno"
    r"|eleições|wybory|wyborach|partia|partii|rząd\w*|sejm\w*)(?!\w)",
    re.IGNORECASE,
)
_RELIGIOUS = re.compile(
    r"(?<!\w)(?:jesus|christ|christian|allah|islam\w*|muslim\w*|jewish|church|mosque|bible"
    r"|quran|koran|faith|pray\w*|kristne?|kristen|kirke\w*|kyrka\w*|kirche\w*|christlich\w*"
    r"|glaube\w*|troen|bøn|bön|gebet|religio\w*|religiø\w*|religiö\w*|kerk\w*|moskee\w*"
    r"|geloof\w*|bidden|gebed\w*|église\w*|mosquée\w*|prière\w*|prier|foi)(?!\w)",
    re.IGNORECASE,
)
# Speaking as the company, not as oneself.
_BEHALF = _any(
    r"on behalf of|on (?:the company's|our company's|our) behalf|speaking for (?:the company|us)",
    r"official (?:statement|position|response)|we apologi[sz]e|we take full responsibility",
    r"(?:the )?official (?:voice|spokesperson|representative) of",
    r"(?:['\u2019]s?|our) official (?:view|stance|line|opinion|take)",
    r"speak(?:ing)? for \w+ (?:now|here)",
    r"officielt fra|officiellt från|offisielt fra|talsmand for|talsperson för|talsperson for",
    r"på (?:\w+s )?vegne|vi beklager|vi tager (?:det )?fulde? ansvar",
    r"im namen (?:von|der|des|unserer|unseres)|wir entschuldigen uns|wir übernehmen die volle",
    r"på (?:\w+s )?vägnar|vi ber om ursäkt|vi tar fullt ansvar",
    r"på vegne av",
    r"namens (?:het bedrijf|ons bedrijf|\w+)|officiële (?:verklaring|reactie|standpunt)"
    r"|wij bieden (?:onze )?excuses aan|we bieden (?:onze )?excuses aan",
    r"au nom (?:de|du|d['\u2019]|des)|(?:déclaration|position|réponse) officielle"
    r"|nous présentons nos excuses|nous assumons (?:l['\u2019]entière|toute la) responsabilité",
)
# Posing as a neutral customer.
_NEUTRAL = _any(
    r"not affiliated|no affiliation|unaffiliated|not sponsored|not paid to say|no connection to",
    r"just an? (?:happy|satisfied|regular|normal|ordinary) (?:customer|user|punter)",
    r"as an? (?:happy|satisfied|loyal|regular|neutral|long-?time|long-standing|paying)"
    r" (?:customer|user)",
    r"(?:independent|unbiased|neutral) (?:review|recommendation|opinion)",
    r"uafhængig anbefaling|almindelig kunde|tilfreds kunde|ikke sponsoreret|ingen forbindelse",
    r"unabhängige (?:empfehlung|meinung)|zufriedener kunde|nicht gesponsert|keine verbindung"
    r"|als (?:langjähriger |zufriedener )?kunde",
    r"oberoende (?:rekommendation|recension)|nöjd kund|vanlig kund|inte sponsrad|ingen koppling",
    r"uavhengig anbefaling|fornøyd kunde|vanlig kunde|ikke sponset|ingen tilknytning",
    r"gewoon een tevreden klant|tevreden klant|onafhankelijk advies|niet gesponsord"
    r"|geen band met|geen connectie met",
    r"simple client|client satisfait|cliente satisfaite|avis indépendant|non sponsorisé"
    r"|aucun lien avec",
)
# Telling news before it is out.
_NOT_YET = _any(
    r"not (?:yet )?(?:public|announced|official)|isn't (?:public|official|announced) yet",
    r"(?:officially )?announced next (?:week|month)|ahead of (?:the )?(?:launch|announcement)",
    r"before (?:it's|it is) (?:announced|official)|not (?:known|out) yet",
    r"ikke kendt endnu|ikke ude endnu|ikke officielt endnu",
    r"ikke offentligt? (?:endnu|ennå|enda)|før det bliver offentliggjort",
    r"noch nicht bekannt|noch nicht (?:offiziell|öffentlich)",
    r"bevor es offiziell|inte känt än|inte ute än",
    r"inte offentligt? (?:än|ännu)|inte officiellt (?:än|ännu)",
    r"innan det (?:annonseras|blir offentligt)|ikke kjent ennå|ikke ute ennå",
    r"ikke offisielt ennå|før det blir offentlig",
    # "Nog niet officieel" news, not a house "nog niet officieel verkocht".
    r"nog niet (?:openbaar|officieel|bekend|aangekondigd)"
    r"(?! (?!bekend\b)(?:ver|ge|be|ont|her)\w+[dt])"
    r"|voordat het (?:officieel|openbaar) is",
    r"pas encore (?:public|officiel|officielle|annoncé|annoncée)"
    r"|avant l['\u2019]annonce officielle",
)
# How any date or surprise to come is said ("le film ne sort qu'en avril", "ik kan nog niet
# zeggen of we komen", "our baby arrives in March, can't say more"): news told early only in a
# draft that names the company.
_NOT_YET_DATE = _any(
    r"can't say (?:any )?more|kan ikke sige mere|mehr darf ich nicht sagen|kan inte säga mer"
    r"|kan ikke si mer|je ne peux pas en dire plus|kan (?:er )?nog niet (?:veel )?zeggen",
    r"ne sera annoncée?|(?:ne sort|ne sortent|ne sera publiée?|ne seront publiée?s) qu",
)
# Said of news only an insider has, whoever's it is.
_INSIDER = _any(
    r"you heard it here first|a (?:week|day|month) early|under embargo|embargoed",
    r"you didn't (?:hear|see) (?:it|this) (?:from me|here)|can't hold it in|don't tell anyone",
    r"sig det ikke til nogen|har ikke hørt det fra mig|kan ikke holde det for mig selv",
    r"sagt es niemandem|ihr habt es nicht von mir|säg inget till någon|ikke si det til noen",
    r"(?:not|n't) (?:really )?(?:supposed|allowed) to (?:say|share|tell)",
    r"må (?:egentlig )?ikke (?:sige|si) (?:noget|noe|det)|får (?:egentligen )?inte säga",
    r"darf (?:eigentlich )?(?:noch )?nichts sagen|får (?:egentlig )?ikke si",
    r"zeg het tegen niemand|je hebt het niet van mij|mag (?:eigenlijk )?(?:nog )?niks zeggen"
    r"|mag (?:eigenlijk )?(?:nog )?niets zeggen",
    r"(?:shouldn't|should not|am not supposed to|i'm not supposed to) (?:really )?(?:be )?"
    r"(?:say|saying|tell|telling|share|sharing) (?:this|that|it)"
    r"|(?:but|men|aber|maar|mais) (?:just )?between us|unter uns gesagt|oss emellan"
    r"|mellem os sagt|mellom oss sagt|onder ons gezegd",
    r"burde (?:egentlig )?ikke (?:sige|si) det|sollte (?:das )?eigentlich nicht sagen"
    r"|borde (?:egentligen )?inte säga det",
    r"mag (?:het|dit|dat) (?:eigenlijk )?(?:nog )?niet (?:zeggen|vertellen|delen)",
    r"je ne (?:devrais|dois) pas (?:le dire|en parler|vous le dire|le partager)",
    r"petite fuite|en exclusivité|ne le dites à personne|vous ne l['\u2019]avez pas entendu de moi"
    r"|je ne suis pas censée? (?:le dire|en parler)",
)
# Starting an account, page or group of one's own for the company.
_NEW_ACCOUNT = _any(
    r"(?:started|created|set up|made|launched|opened) (?:a|an|the|my|our)? ?(?:new )?"
    r"(?:[@#]?\w+[- ]){0,3}(?:account|page|group|channel|profile)",
    r"(?:oprettet|lavet|startet) (?:en|et|min|vores)? ?(?:ny )?(?:\w+[- ]){0,3}"
    r"(?:side|gruppe|konto|kanal|profil)",
    r"(?:erstellt|angelegt|gegründet|gestartet) (?:\w+ )?(?:seite|gruppe|konto|account|kanal)",
    r"(?:seite|gruppe|konto|account|kanal) (?:\w+ ){0,3}(?:erstellt|angelegt|gegründet)",
    r"(?:skapat|startat|gjort) (?:ett|en)? ?(?:ny |nytt )?(?:\w+[- ])?(?:konto|sida|grupp|kanal)",
    r"(?:opprettet|laget|startet) (?:en|ei|et)? ?(?:ny )?(?:\w+[- ])?(?:side|gruppe|konto|kanal)",
    r"(?:aangemaakt|opgericht|gestart|gemaakt) (?:een|de|mijn|onze)? ?(?:nieuwe )?(?:\w+[- ]){0,2}"
    r"(?:pagina|groep|account|kanaal|profiel)",
    r"(?:créé|créée|lancé|lancée|ouvert|ouverte) (?:un|une|la|le|ma|mon|notre)? ?(?:nouvelle? )?"
    r"(?:page|groupe|compte|chaîne|profil)",
    # An account named by its handle ("launched @AcmeMadrid, the new account of…").
    r"(?:started|created|set up|launched|opened) @\w+",
    r"(?:abierto|abrí|abrimos|creado|creé|creamos|lanzado|lanzamos) (?:una|un|la|el|mi|nuestra"
    r"|nuestro)? ?(?:nueva |nuevo )?(?:cuenta|página|perfil|grupo|canal)",
    r"(?:creato|aperto|lanciato) (?:un|una|la|il|mio|mia|nostro|nostra)? ?(?:nuovo |nuova )?"
    r"(?:account|pagina|profilo|gruppo|canale)",
    r"(?:criei|criamos|abri|abrimos|lancei|lançamos|criado|aberto) (?:um|uma|o|a|meu|minha|nosso"
    r"|nossa)? ?(?:novo |nova )?(?:perfil|página|conta|grupo|canal)",
    r"(?:założył\w*|utworzył\w*|stworzył\w*|otworzył\w*) (?:nowe |nową |nowy |własne |własną )?"
    r"(?:konto|stronę|profil|grupę|kanał)",
    r"(?:perustin|perustimme|loin|avasin|avasimme) (?:uuden |oman )?[\w-]*?(?:tilin|sivun|ryhmän"
    r"|kanavan|profiilin)",
)
# A picture or recording of what is internal: a chat, a meeting, a price list, a customer list.
_INTERNAL_PICTURE = re.compile(
    # What is shown on a screen or a board behind the people in the picture.
    r"(?<!\w)(?:on the (?:screen|whiteboard|board) behind|på (?:skærmen|tavlen) bag"
    r"|auf dem (?:bildschirm|whiteboard) hinter|på (?:skärmen|tavlan) bakom"
    r"|på (?:skjermen|tavla) bak|op het (?:scherm|whiteboard) achter|sur l['\u2019]écran derrière)"
    r"(?!\w)"
    r"|(?<!\w)(?:screenshot\w*|photo\w*|pic|pics|picture\w*|image|snapped|here['\u2019]s our"
    r"|here is our|swipe"
    r"|billede\w*|foto\w*|skærmbillede\w*|optaget|optog|bild\w*|aufgenommen|aufnahme"
    r"|skärmdump\w*|spelade in|inspelning|bilde\w*|skjermbilde\w*|tok opp|opptak"
    r"|schermafbeelding\w*|capture d['\u2019]écran|captures d['\u2019]écran|opgenomen"
    # A recording of a meeting, not of a podcast "about our Slack integration" (a topic).
    r"|(?:recorded|recording)(?![^.!?\n]{0,60}?\babout\b))(?!\w)"
    r"[^.!?\n]{0,60}?(?<!\w)(?:slack|teams|chat|thread|e-?mails?|inbox|all-hands|town hall"
    r"|meeting|roadmap|pricing|price list|customer list|crm|dashboard|org chart|prisliste\w*"
    r"|kundeliste\w*|møde\w*|preisliste\w*|kundenliste\w*|besprechung\w*|prislista\w*"
    r"|kundlista\w*|möte\w*|møte\w*|intranet\w*|whiteboard|vergadering\w*|klantenlijst\w*"
    r"|pipeline|salgstavle\w*|sales board"
    r"|prijslijst\w*|réunion\w*|liste (?:de |des )?clients|tableau blanc|grille tarifaire)(?!\w)",
    re.IGNORECASE,
)
# Deleting one's own posts ("deleting my old tweets", "meine Beiträge gelöscht").
_DELETING = (
    r"(?:delet\w*|remov\w*|slet\w*|lösch\w*|gelöscht|rader\w*|ta bort|tar bort|verwijder\w*"
    r"|supprim\w*|effac\w*)"
)
_POSTS = (
    r"(?:posts?|tweets?|comments?|opslag\w*|indlæg\w*|beitr\w*|inlägg\w*|innlegg\w*|kommentar\w*"
    r"|berichten|bericht|reacties|publications?|commentaires?)"
)
_INCIDENT = re.compile(
    r"(?<!\w)(?:outages?|incidents?|downtime|complaints?|criticism|backlash|shitstorm"
    r"|nedbrud\w*|driftsforstyrrelse\w*|ausfall\w*|störung\w*|pann?e\w*|avbrott\w*|störning\w*"
    r"|nedetid|storing\w*|klacht\w*|plainte\w*|kriti\w*|critique\w*)(?!\w)",
    re.IGNORECASE,
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
    r"(?:whole|full|entire|complete) (?:\w+ ){0,3}(?:article|piece|text|story) (?:below|here"
    r"|pasted|copied)",
    r"(?:below|here) is the (?:whole|full|entire|complete) (?:\w+ )?(?:article|piece|text|story)"
    r"|(?:copied|pasted) in full|get (?:past|behind|around) the paywall",
    r"(?:get (?:a)?round|skip|bypass|slipper for|umgehen|slippa|slipper unna) (?:\w+ ){0,2}"
    r"(?:paywall|betalingsmur\w*|bezahlschranke|betalvägg\w*)",
    r"found (?:this|the|a) (?:photo|picture|image) on (?:google|the internet|instagram)",
    # Music used, not mentioned ("Great song by Queen playing tonight").
    r"(?:to|with|over|under|using|set to) (?:a |the )?(?:song|music|track|single) by|soundtrack",
    r"(?:used|borrowed|took|ripped|brugte|lånte|lånade|tog|benutzt|geliehen|brukte|lånt)"
    r" (?:\w+ ){0,2}(?:song|track|music|sangen|musikken|låten|musiken|lied|musik)",
    r"hele artiklen|kompletten? artikel|ganzen artikel|hela artikeln|hele artikkelen",
    r"(?:kopieret|kopiert|kopierat|eingefügt|inklistrad|limt inn) (?:\w+ ){0,3}"
    r"(?:artikel\w*|tekst\w*|text\w*|billede\w*|bild\w*|foto\w*)",
    r"(?:hele|volledige) artikel|(?:gekopieerd|geplakt|overgenomen) (?:\w+ ){0,3}"
    r"(?:artikel|tekst|foto)|betaalmuur",
    r"(?:article|texte) (?:complet|en entier|entier)|(?:copié|collé|recopié) (?:\w+ ){0,3}"
    r"(?:article|texte|photo)|contourner (?:le )?paywall",
    r"(?:l['\u2019])?(?:intero|completo) articolo|articolo (?:completo|intero)|testo completo"
    r"|artículo completo|texto completo|artigo completo|texto integral|cały artykuł"
    r"|całego artykułu|senza abbonamento|sin suscripción|sem assinatura|bez subskrypcji",
    # A whole book, chapter or film passed on: "here's the whole chapter, scanned", "das komplette
    # Kapitel abfotografiert", "lastet ned hele dokumentaren og legger den ut".
    r"(?:whole|entire|full|complete|hele|hela|ganzen?|komplette?n?|gesamten?|volledige|entier"
    r"|intero|completo|cały) (?:\w+ ){0,2}(?:chapter|book|documentary|film|movie|episode"
    r"|kapitel|bog|bogen|bok|boken|buch|dokumentar\w*|hoofdstuk|boek|documentaire|chapitre"
    r"|livre|capitolo|libro|rozdział|książk\w+)(?=[^.!?\n]{0,80}(?:scanned|photographed"
    r"|abfotografiert|eingescannt|scannet|scannat|gescand|scanné|fotografat\w+|here|below"
    r"|in full|i full|lastet ned|downloaded|heruntergeladen|legger|lægger|uploaded|posting|teile))"
    r"|(?:scanned|abfotografiert|eingescannt|downloaded|lastet ned|heruntergeladen|hentet"
    r"|gedownload|téléchargé) (?:\w+ ){0,3}(?:whole|entire|full|complete|hele|hela|ganzen?"
    r"|komplette?n?|volledige|entier)",
)
# Other people's health, family or pay ("she's been on sick leave since her diagnosis").
_PRIVATE = re.compile(
    # "sick" alone is also praise ("his sick demo"), "skilt" also a sign.
    r"(?<!\w)(?:sick leave|off sick|is sick|was sick|surgery|diagnos\w*|cancer\w*|pregnan\w*"
    r"|divorc\w*|burnout|depression|illness|sygemeld\w*|syg|kræft|gravid|skilsmisse"
    # Pay is private when it is someone's ("her salary"), not a topic ("salary negotiation").
    r"|(?:his|her|their|hans|hendes|deres|sein|seine|ihr|ihre|zijn|haar|son|sa|leur) (?:\w+ )?"
    r"(?:salary|pay|løn|lønn|lön|gehalt|salaris|loon|salaire)(?! (?:negotiation|tips|advice"
    r"|talks?|forhandling\w*|verhandlung\w*|onderhandeling\w*|négociation\w*))"
    r"|(?:er|blevet|blitt) skilt|skilt fra|løn"
    r"|passport|id card|social security|home address|reisepass|personalausweis"
    r"|cpr|cpr-nummer|personnummer|hjemmeadresse|hemadress|privatadresse"
    r"|krank\w*|krebs|schwanger|scheidung|gehalt|sjukskriv\w*|sjuk|cancerdiagnos"
    r"|skilsmässa|sykmeld\w*|syk|kreft"
    r"|ziek|ziekte|ziekgemeld|ziekteverlof|operatie|kanker|zwanger|scheiding|burn-out|overspannen"
    r"|malade|maladie|arrêt maladie|opéré|opérée|enceinte|dépression|hospitalisée?"
    r"|(?:heart|knee|hip|back|eye|brain) operation)(?!\w)",
    re.IGNORECASE,
)
# Someone else: third-person words, or a name inside a sentence.
_SOMEONE = re.compile(
    # The pronouns in any case ("He had surgery"), the names capitalised (below).
    r"(?<!\w)(?i:she|he|her|his|him|colleague|candidate|hun|han|hendes|hans|kollega|kandidat\w*"
    r"|kollegin|kollege|bewerber\w*|hon|hennes|honom|henne|zij|hij|haar|hem|collega"
    r"|il|elle|lui|collègue|candidat\w*)(?!\w)"
    r"|(?<=[a-zæøåäöü,] )[A-ZÆØÅÄÖÜ][a-zæøåäöüß]+(?= (?:fra|from|i|in|aus|från|som|who|der)\b)",
)
_ME = re.compile(
    r"(?<!\w)(?:i|me|my|mig|min|mit|mich|mir|mein\w*|jag|mej|mitt|meg|mij|mijn|moi"
    r"|mon|ma)(?!\w)",
    re.IGNORECASE,
)
# Photos of people posted without asking them.
_UNASKED = _any(
    r"didn't ask (?:him|her|them|anyone|anybody)|without asking|without (?:their|his|her) "
    r"(?:permission|consent)|haven't asked"
    # "Didn't have time to ask", "couldn't wait for the permission slips", "asked not to be in it".
    r"|(?:didn't|did not|no) (?:have )?(?:time|chance) to ask|(?:didn't|did not) bother (?:to )?ask"
    r"|(?:couldn't|could not|can't|didn't) wait for (?:the |their |his |her )?(?:permission|consent"
    r"|approval|ok)|(?:didn't|did not|doesn't|does not) want to be (?:in|on) (?:the |it|this)"
    r"|caught @?\w+ (?:fast )?(?:asleep|sleeping|napping|drunk"
    r"|snoring|dozing|passed out)",
    r"har ikke spurgt|uden at spørge|uden (?:deres|hans|hendes) (?:tilladelse|samtykke)"
    r"|spurgte ikke(?: om lov)?|uden lov|ville ikke (?:være )?med på (?:billedet|billederne)",
    r"ohne (?:zu fragen|sie zu fragen|ihn zu fragen|erlaubnis|einverständnis)",
    r"utan att fråga|har inte frågat|utan (?:deras|hans|hennes) (?:tillåtelse|samtycke)"
    r"|frågade inte|utan lov",
    r"uten å spørre|har ikke spurt|spurte ikke|uten lov",
    r"nicht gefragt|wollte nicht (?:\w+ )?(?:aufs|auf dem|ins) (?:foto|bild|video)",
    # ... or who do not know they were filmed.
    r"(?:doesn't|don't|didn't) know (?:that )?i (?:filmed|recorded|took|posted|shot)",
    r"ved ikke,? at jeg (?:har )?(?:filmet|optaget|taget|lagt)",
    r"weiß nicht,? dass ich (?:\w+ )?(?:gefilmt|aufgenommen|fotografiert)",
    r"vet inte att jag (?:har )?(?:filmat|tagit|lagt)",
    r"vet ikke at jeg (?:har )?(?:filmet|tatt|lagt)",
    r"zonder (?:het )?(?:te vragen|toestemming)|niet gevraagd|weet niet dat ik"
    r"|(?:liever )?niet op de (?:foto|video) (?:wilde|wou|wil|wilden)",
    r"sans (?:lui |leur )?demander|sans (?:son|leur) (?:accord|autorisation|consentement)"
    r"|(?:il|elle) ne sait pas que|sans (?:autorisation|permission)|pas demandé"
    r"|senza (?:chiedere|permesso|consenso|autorizzazione)|non (?:ho|abbiamo) chiesto"
    r"|sin (?:pedir|permiso|consentimiento|autorización)|no (?:he|hemos) preguntado"
    r"|sem (?:pedir|autorização|permissão|consentimento)|não (?:pedi|perguntei)"
    r"|bez (?:pytania|zgody|pozwolenia)|nie pytał(?:em|am|iśmy)"
    r"|ne voulait pas être (?:sur|dans) (?:la|les) (?:photo|vidéo)",
)
# Posted behind their back ("before he wakes up", "she'll kill me when she sees this"): with
# a picture of them only ("before he wakes up, I'll bake his cake" is kind).
_BEHIND_BACK = _any(
    r"before (?:he|she|they) (?:wakes?|sees?|notices?|finds? out)"
    r"|(?:will|'ll|is going to|gonna) kill me when (?:he|she|they) see",
    r"før (?:han|hun|de) (?:vågner|ser det|opdager)|slår mig ihjel når (?:han|hun|de) ser",
    r"bevor (?:er|sie) (?:aufwacht|es sieht)|(?:bringt|wird) mich umbringen,? wenn",
    r"innan (?:han|hon|de) (?:vaknar|ser det)|kommer (?:att )?döda mig när (?:han|hon|de) ser",
    r"før (?:han|hun|de) (?:våkner|ser det)|dreper meg når (?:han|hun|de) ser",
    r"voordat (?:hij|zij|ze) (?:wakker wordt|het ziet)|vermoordt me als (?:hij|zij|ze)",
    r"avant qu['\u2019](?:il|elle|ils) (?:se réveille|le voie)|va me tuer quand",
)
_PICTURED = re.compile(
    r"[\U0001f4f8\U0001f4f7]|(?<!\w)(?:photo\w*|pic|pics|picture\w*|video\w*|vidéo\w*|billede\w*"
    r"|foto\w*|bild\w*|bilde\w*|posting this|poster det her|lägger upp)(?!\w)",
    re.IGNORECASE,
)


def _behind_back(draft: str) -> int | None:
    """Where `draft` posts a picture of someone behind their back."""
    found = _BEHIND_BACK.search(draft)
    return found.start() if found and _PICTURED.search(draft) else None


# People shown drunk or asleep in a photo or video.
_SHOWN_UNWELL = re.compile(
    r"(?<!\w)(?:photo\w*|pic|pics|picture\w*|video\w*|vidéo\w*|filmed|billede\w*|foto\w*|film\w*"
    r"|bild\w*|bilde\w*)(?!\w)[^.!?\n]{0,80}?(?<!\w)(?:drunk|wasted|hammered|passed out"
    r"|asleep|fuld|stangstiv|plakatfuld|betrunken|besoffen|packad|full(?! of)|dritings|dronken"
    r"|lazarus|ladderzat|slaapt|in slaap|ivre|bourré|bourrée|(?<!me suis )endormie?)(?!\w)",
    re.IGNORECASE,
)


# Where someone can be found: a street address ("14 Pound Lane", "Vesterbrogade 12", "in via
# Nizza") or a phone number (8 to 13 digits, spaced or with a leading + or 0).
_ADDRESS = re.compile(
    r"(?<!\w)\d{1,5}[a-z]?,?\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave"
    r"|Drive|Dr|Way|Close|Court|Ct|Place|Pl|Boulevard|Blvd|Terrace|Crescent)(?!\w)"
    r"|(?<!\w)[A-ZÆØÅÄÖÜ][\wæøåäöüß-]*(?:gade|vej|straße|strasse|gatan|gata|gaten|veien|vegen"
    r"|straat|laan|weg|allé|plads|platz)\s+\d{1,4}(?!\w)"
    r"|(?<!\w)(?:in via|in viale|in piazza|en la calle|na rua|przy ulicy|rue) (?:de |del |della "
    r"|da |do )?[A-Z][\w'-]+",
)
_PHONE = re.compile(r"(?<![\w+./:-])(?:\+|\(?0)?\d[\d \-()]{6,16}\d(?!\w|[.,]\d|[/:-])")


def _whereabouts(draft: str) -> int | None:
    """Where a street address or a phone number said of a person ("my cell is…", "he's on…",
    "I live at…"; not a support line or a club's boathouse) is in `draft`."""
    for match in (*_PHONE.finditer(draft), *_ADDRESS.finditer(draft)):
        sentence = re.search(r"[^.!?\n]*$", draft[: match.start()])
        if not (sentence and (_SOMEONE.search(sentence.group(0)) or _ME.search(sentence.group(0)))):
            continue
        if OWN.search(draft[: match.start()]):  # "call me at…": one's own line, for business
            continue
        number = match.group(0)
        if not _ADDRESS.fullmatch(number) and not (
            8 <= sum(c.isdigit() for c in number) <= 13
            and re.search(r"[ ()-]|^[+0]", number)
            and not re.fullmatch(
                r"\d{4}\s?-\s?\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{4}", number
            )
        ):
            continue
        return match.start()
    return None


# Selling something of one's own: "selling my…", "for sale", a price and "DM me".
_FOR_SALE = _any(
    r"selling my|for sale|til salg|sælger (?:min|mit|mine)|zu verkaufen|verkaufe (?:meine?n?|mein)"
    r"|säljes|säljer (?:min|mitt|mina)|selges|selger (?:min|mitt|mine)|te koop|verkoop (?:mijn)"
    r"|à vendre|je vends|vendo|in vendita|se vende|à venda|na sprzedaż|sprzedam",
)
_PRICE = re.compile(
    r"(?:[£$€]\s?\d[\d.,]*|(?<![\w.,])\d[\d.,]*\s?(?:€|eur|euros?|kr|dkk|sek|nok|usd|zł|pln)(?!\w))",
    re.IGNORECASE,
)
_CONTACT_ME = _any(
    r"dm me|message me|pm me|text me|call me|email me|order (?:now|here|link)|book (?:now|here)"
    r"|for bookings|skriv til mig|send mig|schreib mir|ruf mich an|skriv till mig|skriv til meg"
    r"|stuur me|écrivez-moi|contactez-moi|scrivetemi|scrivimi|contattatemi|escríbeme|escríbanme"
    r"|me escreva|fale comigo|napisz do mnie|piszcie",
)


def _selling(draft: str) -> int | None:
    """Where `draft` sells something: "for sale", or a price and a call to get in touch."""
    sale = _FOR_SALE.search(draft)
    if sale:
        return sale.start()
    price = _PRICE.search(draft)
    return price.start() if price and _CONTACT_ME.search(draft) else None


def _politics(draft: str) -> int | None:
    draft = _ANY_VOTE.sub(lambda m: " " * len(m.group(0)), draft)  # the same offsets
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


def _first(draft: str, *patterns: re.Pattern[str]) -> int | None:
    """Where the first of `patterns` found in `draft` starts."""
    found = [m.start() for p in patterns if (m := p.search(draft))]
    return min(found) if found else None


def _searcher(pattern: re.Pattern[str]) -> Callable[[str], int | None]:
    def search(draft: str) -> int | None:
        found = pattern.search(draft)
        return found.start() if found else None

    return search


# Speaking to the press: "off the record", "you can quote me", a news outlet's handle addressed,
# its questions answered.
_PRESS = _any(
    r"off the record|(?:you can|feel free to) quote me|quote me on",
    r"du (?:må gerne|kan) citere mig|(?:sie )?(?:können|dürfen) mich (?:gerne )?zitieren",
    r"du (?:får|kan) citera mig|du (?:kan|må gjerne) sitere meg|(?:je|u) (?:mag|kunt) me citeren",
    r"vous pouvez me citer",
    r"(?:(?:hi|hello|hallo|hej|bonjour) )?@\w*(?:news|nyheder|nyheter|nachrichten|nieuws|presse?"
    r"|journal\w*|reporter|redaktion\w*)\w*",
    r"(?:answer|beantworte\w*|besvare\w*|besvara\w*|beantwoord\w*|répondre à) (?:\w+ ){0,2}?"
    r"(?:your|ihre|dine|dina|uw|vos) (?:questions|fragen|spørgsmål|frågor|spørsmål|vragen)",
)
# Behaviour → where in the draft it is (None: not there). The names are ideas of CONCEPTS.
FINDERS: dict[str, Callable[[str], int | None]] = {
    "harass": lambda draft: _first(draft, _INSULT, _THREAT, _DEMEANING, _BY_AGE, _BY_ACCENT),
    "swearing": _searcher(_SWEARING),
    "politics": _politics,
    "copy": _searcher(_COPY),
    "sell": _selling,
    "personal": lambda draft: min(
        (at for at in (_private(draft), _whereabouts(draft)) if at is not None), default=None
    ),
    "consent": lambda draft: min(
        (
            at
            for at in (_first(draft, _UNASKED, _SHOWN_UNWELL), _behind_back(draft))
            if at is not None
        ),
        default=None,
    ),
    "screen": _searcher(_INTERNAL_PICTURE),
    "press": _searcher(_PRESS),
}
# Behaviours that concern the company only when the draft names it: a page of one's own, a
# thank-you on behalf of a meetup's organisers, a happy customer of the local bakery are fine.
ABOUT_THE_COMPANY = {"account": _NEW_ACCOUNT, "behalf": _BEHALF, "neutral": _NEUTRAL}
# News told early is the company's news: the draft names it or speaks as "we" and "our".
OURS = re.compile(
    r"(?<!\w)(?:we|we're|our|us|vi|vores|os|wir|unser\w*|uns|vår|vårt|våra|oss|wij|ons|onze"
    r"|nous|notre|nos)(?!\w)"
    r"|#(?:employee|ansat|ansatt|anställd|mitarbeiter)",
    re.IGNORECASE,
)


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
    # One's own posts deleted are the company's business when they name it, speak as "we" or
    # are about an incident ("my old tweets about the outage"), not a fresh start on Instagram.
    if company_mentioned or OURS.search(draft) or _INCIDENT.search(draft):
        deleted = _DELETE.search(draft)
        if deleted:
            found["delete"] = deleted.start()
    if "account" in found:  # what was done to the account: it was created
        found["create"] = found["account"]
    early = (
        _INSIDER.search(draft)
        or (_NOT_YET.search(draft) if company_mentioned or OURS.search(draft) else None)
        or (_NOT_YET_DATE.search(draft) if company_mentioned else None)
    )
    if early:
        found["early"] = early.start()
    return found
