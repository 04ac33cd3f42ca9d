"""The company's own rules: sentences of the guidelines that forbid something, matched against a
draft by their words, the guidelines' ideas (handlers/guidelines) and the everyday words below."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from handlers.checks.behaviours import OURS, behaviours
from handlers.checks.concerns import Concern, Kind
from handlers.checks.conditions import met, rule_conditions
from handlers.checks.text import listed, sentence_at, without_links
from handlers.guidelines.language import detect_language, stem
from handlers.guidelines.pieces import units
from handlers.guidelines.retrieval import analyse
from handlers.guidelines.sections import Section
from handlers.texts import text_for


def _imperative(not_verbs: str, never: str, subject: str = "") -> str:
    """A verb and then a never- or not-word opening a clause, as a pattern ("Deel nooit…", "Teilen
    Sie niemals…", "Publicera inte…"), perhaps with a polite `subject` between; not a question."""
    return rf"(?!(?:{not_verbs})\b)[^\W\d_]+ (?:{subject})?(?:{never})\b(?![^.!?]*\?)"


# "Must remain confidential", "doivent rester confidentiels": an obligation to keep something in.
_KEPT_IN = (
    r"|.{0,120}\b(?:must|should|shall|skal|bør|muss|müssen|sollen|moet|moeten|ska|måste|doit|doivent"
    r"|debe|deben|deve|devono)\s+(?:\w+\s+)?(?:remain|stay|be kept|forblive|forbli|bleiben"
    r"|blijven|förbli|förbliva|rester|permanecer|rimanere)\s+(?:strictly\s+)?(?:confidential"
    r"|private|internal|secret|fortrolige?|interne?|vertraulich|intern|vertrouwelijk"
    r"|konfidentiella?|confidentiel(?:le)?s?|internes?|secrets?|confidencial(?:es)?"
    r"|riservat[aie])\b"
)
# How guidelines the bot does not read the words of forbid (Italian, Portuguese, Catalan,
# Polish: read as the nearest language it knows), in words none of the others uses.
_UNREAD = (
    r"|.{0,80}\b(?:vietat[oaie]|proibid[oa]s?|proibit[oaie]|prohibit(?:s|es)?|zabronion\w*"
    r"|zakazan\w*|niedozwolon\w*|nie wolno|nie należy)\b"
    r"|\bnão\b|\bnunca\b|\bevit(?:are|ate|ar|em|i|ino)\b|\ben cap cas\b|\bin nessun caso\b"
    r"|\b(?:non|não)\s+(?:(?:si|se|es|è|é)\s+)?(?:deve|devono|devem|deves|pu[òo]|possono|pode"
    r"|podem|pot|poden|consentit[oa]|permess[oa]|permitid[oa]|permès|permesa|autorizzat[oa]"
    r"|autorizad[oa]|autoritzat|\w+(?:are|ere|ire)|\w+(?:ar|er|ir))\b|\bunikaj\w*|\bnigdy\b"
    r"|\bnie\b|\bzakaz\w*|\bzabrania się\b|\bevite[mn]?\b|\bvedad[oa]s?\b"
    # "Non saranno tollerati insulti", "Non sono ammessi contenuti", "não é permitido".
    r"|\b(?:non|não|no)\s+(?:saranno|sarà|sono|è|viene|vengono|verranno|verrà|será|serão|é|são"
    r"|serán|será|está|están|son|es)\s+(?:\w+\s+)?(?:tollerat\w|toleráve\w*|tolerad\w|ammess\w"
    r"|consentit\w|permess\w|permitid\w|possibile|possível|posible|accettat\w|aceit\w*|aceptad\w"
    r"|autorizzat\w|autorizad\w)"
    r"|\b(?:vanno|va|sono da|devono essere|deve essere)\s+evitat\w|\b(?:è|sono) vietat\w"
    r"|\bcal evitar\b|\bdeve(?:m)? ser evitad\w"
    # What "will be removed" breaks a rule: "saranno rimossi i commenti che…", "we reserve the
    # right to remove comments that…", "Beiträge, die … werden gelöscht".
    r"|.{0,120}\b(?:reserve the right to (?:remove|delete|hide|block)|will be (?:removed|deleted"
    r"|hidden)|saranno (?:rimoss|cancellat|eliminat)\w|verranno (?:rimoss|cancellat|eliminat)\w"
    r"|serão (?:removid|excluíd|apagad)\w+|serán (?:eliminad|borrad|retirad)\w+"
    r"|zostaną usunięte|będą usuwane|werden (?:\w+ )?(?:gelöscht|entfernt)"
    r"|seront (?:supprimée?s|retirée?s)|worden (?:\w+ )?verwijderd|(?:bliver|vil blive) slettet"
    r"|kommer att (?:tas bort|raderas)|blir slettet)\b"
    # An obligation to have something approved first: "must be approved", "deve essere
    # approvato", "muss freigegeben werden", "skal godkendes".
    r"|.{0,120}\b(?:must|should|shall|needs? to|has to|have to|deve|devono|debe|deben|devem"
    r"|muss|müssen|skal|ska|må|moet|moeten|doit|doivent|musi|muszą)\s+(?:first\s+|always\s+)?"
    r"(?:be|essere|ser|være|vara|worden|être|być)\s+(?:\w+\s+)?(?:approved|authori[sz]ed"
    r"|cleared|signed off|approvat\w|autorizzat\w|aprovad\w|autorizad\w|genehmigt|freigegeben"
    r"|godkendt|godkänd|godkjent|goedgekeurd|approuvée?s?|autorisée?s?|zatwierdzon\w)\b"
    # Japanese forbids at the end of a sentence: "投稿しないでください", "…ことは禁止します".
    r"|.{0,200}?(?:禁止|ないでください|てはいけません|てはならない|控えてください|ご遠慮ください"
    r"|しないこと)"
)
# How a guideline forbids something, per language.
FORBIDDING = {
    "en": r"\bnever\b|\bdo not\b|\bdon['\u2019]t\b|\bmust not\b|\bmustn['\u2019]t\b|\bmay not\b"
    r"|\bshould not\b|\bshouldn['\u2019]t\b|\bnot allowed\b|\bavoid\b"
    r"|\bkeep\b.{0,60}\b(?:apart|away|out|to yourself|to yourselves|private|confidential"
    r"|internal|secret|offline)\b|.{0,40}\bleave\b.{0,40}\bout of\b|\bthink twice before\b"
    r"|\bshall not\b|\brefrain from\b|\btry not to\b"
    # "…would be considered inappropriate", "is unacceptable".
    r"|.{0,120}\b(?:is|are|be|considered|deemed) (?:\w+ )?(?:inappropriate|unacceptable"
    r"|not appropriate)\b"
    r"|\bno\b(?! matter\b)|\bat most\b|\bno more than\b"
    r"|\bbe (?:very |extra )?careful (?:what|with|about|when|not)\b"
    r"|.{0,80}\b(?:is|are) (?:not permitted|prohibited|forbidden|not acceptable)\b"
    # "Vulgarity will not be tolerated", "Photos are not to be posted", "Social media will not
    # be used for…".
    r"|.{0,120}\b(?:will|shall|must|should|is|are|may) not be (?:tolerated|permitted|accepted"
    r"|allowed|used|posted|shared|published|included|disclosed)\b"
    r"|.{0,120}\b(?:is|are) not to be\b"
    # "Your use of social media … may not link to…": "may not" and an action, after any subject.
    r"|.{0,120}\bmay not (?:link|post|share|use|publish|include|reference|disclose|mention"
    r"|create|contain|comment|endorse|promote|represent|speak|display)\b"
    # A list item of what a post must not do: "Not contain any personal information".
    r"|\bnot (?:contain|include|use|post|share|mention|name|disclose|reveal|publish|promote"
    r"|advertise|link|tag|identify|show|display|critici[sz]e|comment|engage|respond|reply)\b"
    # "Teachers should avoid…", "you should try to avoid…".
    r"|(?:[\w'-]{1,40}\s+){1,3}(?:must|should|shall|will)\s+(?:try to\s+)?(?:avoid|refrain)\b"
    # "Posts must not comment negatively", "Content should never…": a noun as the subject ("may
    # not" after a noun is a possibility: "results may not be typical"). Words are bounded, or
    # a long hyphenated run backtracks from each hyphen.
    r"|(?:[\w'-]{1,40}\s+){1,3}(?:must|should|shall)\s+(?:not|never)\b"
    r"|(?:[\w'-]{1,40}\s+){1,3}(?:mustn['\u2019]t|shouldn['\u2019]t)\b",
    "da": r"\baldrig\b|\bmå (?:du |man |i )?ikke\b|\bskal (?:du |man )?ikke\b|\bikke tilladt\b"
    r"|\bundgå\b|\bhold\b.{0,60}\b(?:ude|væk|adskilt)\b|\bundlad\b|\blad være\b"
    r"|\bbør (?:du |man )?ikke\b|\bforbudt\b|\bingen\b|\bhøjst\b"
    r"|" + _imperative("hvis|men|og|der|som|det|du|man|jeg|vi", "ikke|aldrig"),
    "de": r"\bnie\b|\bniemals\b|\bnicht erlaubt\b|\bdarf(?:st)? (?:\w+ )?nicht\b"
    r"|\bdürfen (?:\w+ )?nicht\b|\bvermeide\w*\b|\bunterlass\w*\b|\bkeine?[nmrs]?\b"
    r"|\bverboten\b|\buntersagt\b|\bnicht gestattet\b|\bmaximal\b|\bhöchstens\b"
    r"|\bsollt?e?n? (?:\w+ )?(?:nicht|keine?n?)\b"
    r"|"
    + _imperative("wenn|aber|und|das|es|sie|ich|wir|du|man", "nicht|keine?n?|nie|niemals", "sie "),
    "sv": r"\baldrig\b|\bfår (?:du |man )?inte\b|\binte tillåtet\b|\bundvik\b"
    r"|\b(?:ska|bör) (?:du |man )?inte\b|\bförbjud\w*\b|\bingen\b|\binga\b|\bhögst\b"
    r"|" + _imperative("om|men|och|där|som|det|du|man|jag|vi", "inte|aldrig"),
    "nb": r"\baldri\b|\bmå (?:du |man )?ikke\b|\bikke lov\b|\bunngå\b"
    r"|\b(?:skal|bør) (?:du |man )?ikke\b|\bforbudt\b|\bingen\b|\bhøyst\b"
    r"|" + _imperative("hvis|men|og|der|som|det|du|man|jeg|vi", "ikke|aldri"),
    "nl": r"\bnooit\b|\bniet toegestaan\b|\bmag (?:je |u )?niet\b|\bvermijd\b|\bgeen\b"
    r"|\bverboden\b|\bniet de bedoeling\b"
    r"|" + _imperative("als|maar|en|dat|het|je|u|ik|we|wij|men|er|ook|of", "niet|geen|nooit"),
    "fr": r"\bjamais\b|\bne\b.{0,30}\b(?:pas|jamais|rien|aucune?)\b"
    r"|\bn['\u2019]\w+\b.{0,30}\b(?:pas|jamais)\b"
    r"|\binterdit\b|\bévite[zr]?\b|\baucune?\b|\bproscrit\w*\b"
    r"|.{0,80}\b(?:est|sont) (?:\w+ )?(?:interdite?s?|proscrite?s?|prohibée?s?"
    r"|pas autorisée?s?)\b"
    # "Le devoir de réserve implique de ne pas tenir des propos…", "il convient de ne jamais…".
    r"|.{0,80}\b(?:implique|impliquent|exige|exigent|impose|imposent|demande|demandent|convient"
    r"|faut|tenue?s? de|veillez à|veiller à)\s+(?:\w+\s+){0,6}?de ne (?:pas|jamais)\b",
    # "No use su cuenta…", "No haga declaraciones…": a clause opening with "no" is a command
    # (Catalan too: "No es poden emetre…"); "está prohibido", "queda prohibido", "se prohíbe".
    "es": r"\bnunca\b|\bno\b|\bno debe\w*\b|\bno está permitido\b|\bevit[ae]\b"
    r"|\bprohibid[oa]s?\b|\bse prohíbe\b|\bmai\b|\bcal evitar\b"
    r"|(?:[\w'-]{1,40}\s+){1,4}no\s+(?:es\s+|se\s+)?(?:pot|poden|puede|pueden|debe|deben|ha de"
    r"|han de|hauria|haurien)\b",
}
# A sentence that lists what the one before it forbids.
INCLUDING = re.compile(
    r"^(?:this|these|that|which|such content|examples?)\s+(?:includes?|include|means|covers?"
    r"|are|is)\b|^(?:dette|dies|das|detta|dit|cela|ceci|questo|isto|to)\s+(?:omfatter|inkluderer"
    r"|umfasst|beinhaltet|omfattar|inkluderar|omvat|comprend|include|inclui|obejmuje)\b",
    re.IGNORECASE,
)
# How a guideline obliges, in any language: "Always…", "You are expected to…", "Make sure…".
OBLIGING = (
    r"\b(?:always|altid|immer|alltid|altijd|toujours|sempre|siempre|zawsze)\b"
    r"|.{0,60}\b(?:are|is) (?:expected|required|obliged) to\b|\bmake sure (?:you|that)\b"
    r"|\bremember to\b|\bhusk (?:at|altid)\b|\bdenk(?:en sie)? (?:immer )?daran\b"
    r"|\bkom ihåg att\b|\bhusk å\b|\bzorg (?:er )?(?:altijd )?(?:voor|dat)\b"
    r"|\bveillez à\b|\bpensez à\b"
    # Italian, Spanish, Portuguese, Polish: "è obbligatorio", "é necessário", "należy", "occorre".
    r"|\b(?:è|é|es) (?:obbligatori[oa]|obrigatóri[oa]|obligatori[oa]|necessari[oa]|necessário)\b"
    r"|\b(?:occorre|bisogna|hay que|é preciso|trzeba|należy|ricordatevi di|ricordati di"
    r"|lembre-se de|recuerde|pamiętaj)\b"
)
# A sentence forbids by what its words do, wherever in it they stand and in whichever language
# the bot reads: a modal verb and a negation together ("Employees should at no time…", "Sie
# sollten dabei nicht…", "non si deve", "nie należy"), a word that prohibits ("…sind
# unzulässig", "är förbjudet", "é vedado") or one that says to avoid ("It is best to avoid…",
# "…ist zu vermeiden").
_NEGATION = (
    r"(?:not|never|nicht|nie|niemals|keine?[nmrs]?|ikke|aldrig|aldri|inte|niet|nooit|geen|ne"
    r"|non|não|nunca|nigdy|no)"
)
_MODAL = (
    r"(?:must|should|shall|skal|bør|må|muss|musst|müssen|soll|sollst|sollen|sollte|sollten"
    r"|darf|darfst|dürfen|ska|skall|bör|får|måste|moet|moeten|mag|mogen|dient|dienen|doit"
    r"|doivent|devez|devrait|devraient|debe|deben|debes|debería|deberían|deve|devono|devi"
    r"|dovrebbe|dovrebbero|devem|deves|deveria|deveriam|musi|muszą|powinien|powinna|powinno"
    r"|powinni|powinny|należy|wolno)"
)
_PERMITTED = (
    r"(?:allowed|permitted|acceptable|welcome|tolerated|erlaubt|gestattet|zulässig|erwünscht"
    r"|geduldet|tilladt|tilladte|velkomne?|tillatt|tillåtet|tillåtna|välkomna|toegestaan"
    r"|welkom|autorisée?s?|permise?s?|tolérée?s?|permitid[oa]s?|consentit[oaie]|permess[oaie]"
    r"|ammess[oaie]|dozwolon\w*|akceptowan\w*)"
)
_FUNCTION = (
    rf"|.{{0,120}}\b{_MODAL}\s+(?:[^\W\d_]+\s+){{0,3}}?{_NEGATION}\b"
    rf"|.{{0,120}}\b{_NEGATION}\s+(?:[^\W\d_]+\s+)?{_MODAL}\b"
    rf"|.{{0,120}}\b{_NEGATION}\s+(?:(?:be|sein|være|vara|zijn|être|essere|ser|być|is|are|ist"
    rf"|sind|er|är|zijn|est|sont|è|sono|é|são|es|son|jest|są)\s+)?(?:\w+\s+)?{_PERMITTED}\b"
    r"|.{0,120}\b(?:prohibited|forbidden|banned|unzulässig|untersagt|verboten|unerwünscht|tabu"
    r"|forbudt|forbudte|förbjudet|förbjudna|verboden|interdite?s?|prohibid[oa]s?|proibid[oa]s?"
    r"|vietat[oaie]|vedad[oa]s?|zabronion\w*|niedozwolon\w*|zakazan\w*)\b"
    # Not what one does something for ("…to avoid confusion", "per evitare che…", "pour éviter")
    # nor a title's "what to avoid" ("cosa postare, cosa evitare").
    r"|.{0,120}(?:\b(?:try|trying|best|asked|wise|important|need|needs|want|have|has|expected"
    r"|required|encouraged|advised|recommended|sure|please)\s+to\s+|(?<!\bto\s)(?<!\bat\s)"
    r"(?<!\bper\s)(?<!\bum\s)(?<!\bpour\s)(?<!\bpara\s)(?<!\bfor\s)(?<!\bcosa\s)(?<!\bwhat to\s)"
    r"(?<!\bquoi\s)(?<!\bque\s))\b(?:avoid|avoided|vermeiden|vermieden|undgå|undgås|undvik|undvikas|unngå|unngås"
    r"|vermijden|vermeden|éviter|évitez|evitar|evite|evitare|evitate|evitati|evitad[oa]s?"
    r"|unikać|unikaj|unikajcie|refrain|abstain|unterlassen|verzichten|zu unterlassen)\b"
)
# Shapes that forbid or limit in any language: "neither … nor" ("weder beschimpfen noch…",
# "ni … ni", "ani … ani"), doing something "sparingly", and a noun that names a ban
# ("Werbeverbot", "divieto di…").
_SHAPES = (
    r"|.{0,120}\b(?:neither|weder|hverken|varken|verken|ni|nem|né|ani)\s+(?:\S+\s+){1,8}?"
    r"(?:nor|noch|eller|ni|nem|né|ani)\s"
    r"|.{0,120}\b(?:sparingly|sparsomt|sparsam|sparsamt|med måtta|spaarzaam|avec modération"
    r"|con moderación|con moderazione|com moderação|oszczędnie|with restraint|in moderation)\b"
    r"|.{0,120}(?:\w(?:verbot|forbud|förbud|verbod)\b|\b(?:verbot|forbud|förbud|verbod|divieto"
    r"|interdiction|prohibición|proibição|prohibition|ban on)\b)"
)
# Every language also keeps things in, and the unread languages' forms are read in any.
FORBIDDING = {
    code: f"{cue}{_KEPT_IN}{_UNREAD}{_FUNCTION}{_SHAPES}" for code, cue in FORBIDDING.items()
}
# Negated words that permit, reassure or remind, per language ("don't hesitate to share", "no
# need to ask", "geen probleem", "n'oubliez pas de dire…"): no rule begins with them.
PERMITTING = {
    "en": r"don['\u2019]t (?:hesitate|worry|forget)|do not (?:hesitate|worry|forget)"
    r"|(?:you )?(?:don['\u2019]t|do not) (?:need|have) to|no (?:need|problem|worries)"
    r"|(?:is|are) not (?:necessary|required|mandatory)",
    "da": r"tøv ikke|(?:du |man )?behøver ikke|(?:du |man )?skal ikke være bange|ingen problem"
    r"|(?:glem|glemt) ikke|bare rolig|ikke nødvendigt",
    "de": r"(?:sie |du |ihr )?(?:müssen|musst|müsst|brauchen|brauchst) (?:\w+ )?(?:nicht|keine?n?)"
    r"|zögern sie nicht|zögere nicht|keine (?:sorge|angst|scheu)|kein problem"
    r"|vergessen sie nicht|vergiss nicht|nicht (?:nötig|notwendig|erforderlich)",
    "sv": r"tveka inte|(?:du |man )?behöver (?:inte|ingen)|inga problem|ingen fara|glöm inte"
    r"|inte nödvändigt",
    "nb": r"nøl ikke|ikke nøl|(?:du |man )?trenger (?:ikke|ingen)|ingen problem|glem ikke"
    r"|ikke glem|ikke nødvendig",
    "nl": r"aarzel niet|schroom niet|twijfel niet|vergeet niet|(?:je |u |jullie )?(?:hoeft|hoeven)"
    r" (?:niet|geen)|niet (?:nodig|verplicht)|geen (?:probleem|zorgen|bezwaar|nood)",
    "es": r"no obstante?|no solo|no sólo|no només|no dude[ns]?|no dudes|no hace falta"
    r"|no es necesario|no cal|no te preocupes|no se preocupe|no olvide[ns]?|no oblideu",
    "fr": r"n['\u2019]hésite[zr]? pas|ne pas hésiter|ne (?:devez|doit|devriez) pas hésiter"
    r"|(?:il )?n['\u2019](?:est|sera) pas (?:nécessaire|obligatoire|utile)|pas besoin"
    r"|n['\u2019](?:avez|a) pas (?:besoin|à)|n['\u2019]oubliez pas|ne vous inquiétez pas"
    r"|n['\u2019]ayez pas peur|aucun (?:problème|souci)|pas de (?:problème|souci)",
}
# "Only the social media team speaks for the company", "photos are welcome when everyone in them
# agrees": allowing something only on a condition forbids it otherwise ("only a few" is a
# quantity).
ONLY = {
    # Only in a restricting form: "only share…", "only the team speaks…", "only designated
    # employees may post"; not "only if there is priority", "only with those who follow you".
    "en": r"\bonly\s+(?:[\w-]{1,40}\s+){0,4}?"
    r"(?:may|can|should|must|shall|is allowed|are allowed|speaks?|posts?|publish(?:es)?|shares?"
    r"|answers?|responds?|comments?|uses?|creates?|tags?|mentions?)\b"
    r"|.{0,80}\b(?:welcome|allowed|ok|okay) (?:only )?(?:when|if|as long as)\b"
    # "Use the logos only if authorized", "only with written permission".
    r"|.{0,100}\bonly (?:if|when|with|after|once) (?:\w+ ){0,3}?(?:authori[sz]ed|approved"
    r"|permitted|permission|consent|approval|cleared)\b",
    "da": r"\bkun\b|.{0,80}\b(?:velkomne?|tilladt|ok) (?:kun )?(?:når|hvis|så længe)\b",
    "de": r"\bnur\b|.{0,80}\b(?:willkommen|erlaubt|ok) (?:nur )?(?:wenn|falls|solange)\b",
    "sv": r"\b(?:endast|bara)\b|.{0,80}\b(?:välkomna?|tillåtet|ok) (?:bara )?(?:när|om|så länge)\b",
    "nb": r"\b(?:kun|bare)\b|.{0,80}\b(?:velkomne?|tillatt|ok) (?:bare )?(?:når|hvis|så lenge)\b",
    "nl": r"\b(?:alleen|enkel)\s+(?:[\w-]{1,40}\s+){0,4}?(?:mag|mogen|moet|moeten|spreekt|spreken"
    r"|deel|deelt|delen|plaats|plaatst|post|reageert|reageren)\b",
    "fr": r"\b(?:seul(?:e|s|es)?|uniquement)\s+(?:[\w'\u2019-]{1,40}\s+){0,4}?(?:peut|peuvent"
    r"|doit|doivent|parle|parlent|publie|publient|partagez|publiez|répond|répondent)\b",
}
# "Solo lo staff può…", "apenas com autorização", "tylko za zgodą": "only" in the languages read
# as another, in any of them.
_ONLY_UNREAD = (
    r"\b(?:solo|sólo|soltanto|solamente|unicamente|únicamente|apenas|somente|só|tylko)\s+"
    r"(?:[\w'-]{1,40}\s+){0,4}?(?:pu[oò]|possono|puede|pueden|pode|podem|deve|devono|debe|deben"
    r"|devem|może|mogą)\b"
    r"|.{0,80}\b(?:solo|soltanto|solamente|apenas|somente|só|tylko)\s+(?:se|si|con|com|za|po)\s+"
    r"(?:\w+\s+){0,3}?(?:autorizzazion\w+|autorización|autorização|autorizad\w+|autorizzat\w+"
    r"|approvazion\w+|aprobación|aprovação|consenso|consentimiento|consentimento|permesso|permiso"
    r"|permissão|zgod\w+|zezwoleni\w+)"
)
ONLY = {code: f"{cue}|{_ONLY_UNREAD}" for code, cue in ONLY.items()} | {
    "es": _ONLY_UNREAD,
    "ca": _ONLY_UNREAD,
}
# "Share links rather than copying articles": what follows forbids, what comes before is fine.
PREFERRING = re.compile(
    r"\b(?:rather than|instead of|i stedet for|frem for|statt|anstatt|anstelle)\b", re.IGNORECASE
)
# A rule that forbids something only in the company's name: a group of one's own is fine.
QUALIFIED = re.compile(
    r"\b(?:in the company['\u2019]s name|in (?:its|our) name|on (?:the company['\u2019]s|its|our)"
    r" behalf|on behalf of (?:the company|us)|i (?:virksomhedens|firmaets|selskabets) navn"
    r"|på (?:virksomhedens|firmaets|selskabets) vegne|im namen (?:des unternehmens|der firma)"
    r"|i (?:företagets|bolagets) namn|på (?:företagets|bolagets) vägnar|i (?:selskapets"
    r"|bedriftens|firmaets) navn|på vegne av (?:selskapet|bedriften|firmaet)"
    r"|(?:namens|uit naam van|in (?:de )?naam van) (?:het bedrijf|de organisatie)"
    r"|au nom de (?:l['\u2019]entreprise|la société))\b",
    re.IGNORECASE,
)
# Headings whose items all forbid something ("Don'ts", "Undgå", "No-Gos").
FORBIDDING_HEADING = re.compile(
    r"^\W*(?:don['\u2019]?\s?ts?|do not|avoid|never|undgå|lad være|aldrig|no[- ]gos?|verboten"
    r"|nicht|vermeiden)\W*$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+\u2022]|\d+[.)])[ \t]+(.+)$", re.MULTILINE)
# At most this many words: a heading, not a sentence set as one.
SHORT_HEADING = 5
# At most this many words: an item that names a kind of thing, not a sentence.
NAMING_ITEM = 8
# A heading over what to do and what not to ("Do's and Don'ts", "Dos & Don'ts", "Do e non fare").
BOTH_WAYS = re.compile(r"\b(?:do['\u2019]?s|dos|and|&|und|og|och|en|et|e|y|i)\b", re.IGNORECASE)
# Words for what guidelines forbid, in English, Danish, German, Swedish, Norwegian, Dutch and
# French: a rule's words and a draft's words meet here across languages (a word after `=` in
# that form only).
# For ideas marked `!`, one everyday word (after `>`) in a draft is enough; the rules' own
# words before `>` count as any other word.
# What a draft does in everyday phrasing (name-calling, swearing, taking sides in politics…) is
# read by handlers/checks/behaviours.py, under the name of the idea here that the rules use.
CONCEPTS = """
photo:
  en photo photos picture pictures pic pics image images snapped selfie album video videos
  da billede billeder foto fotos album video videoer
  de foto fotos bild bilder aufnahme album video videos
  sv foto fotot bild bilder bilden album video videor
  nb bilde bildet bilder foto fotoet album video videoer
  nl foto foto's afbeelding plaatje selfie album video video's
  fr photo photos image images selfie album vidéo vidéos
  * foto fotos fotografia fotografie fotografías fotografias imagem imagens imagen imágenes
  * zdjęcie zdjęcia zdjęć zdjęciami wideo filmiki
  * kuva kuvan kuvia kuvat valokuva valokuvan valokuvia videon videot fotka fotki fotkę
screen:
  en screen screens monitor screenshot screenshots
  da skærm skærmen skærmbillede skærmbilleder
  de bildschirm bildschirms monitor screenshot
  sv skärm skärmen skärmdump
  nb skjerm skjermen skjermbilde
  nl scherm beeldscherm schermafbeelding
  fr écran écrans capture
  * pantalla pantallas schermo schermata schermate ecrã tela ekran ekranu ekranie
  * zrzut näyttö näytön näytöllä kuvakaappaus
whiteboard:
  en whiteboard whiteboards flipchart
  da tavle tavlen whiteboard whiteboardet
  de whiteboard tafel flipchart
  sv whiteboard whiteboardtavlan tavla tavlan
  nb whiteboard tavle tavla
  nl whiteboard flip-over
  fr paperboard
  * pizarra pizarrón lavagna quadro tablica tablicy taulu taululla
badge:
  en badge badges lanyard
  da adgangskort id-kort
  de ausweis firmenausweis
  sv passerkort id-kort
  nb adgangskort id-kort
  nl badge toegangspas
  fr badge
  * credencial acreditación tesserino crachá identyfikator kulkukortti
document:
  en document documents slide slides deck
  en contract contracts
  da dokument dokumenter dokumenterne kontrakt kontrakter
  de dokument dokumente dokumenten unterlagen folien vertrag verträge
  sv dokument dokumenten kontrakt avtal
  nb dokument dokumentene kontrakt kontrakter
  nl document documenten dia's presentatie contract
  fr document documents diapositives contrat contrats
  * documento documentos documenti diapositivas diapositive slajdy dokumenty dokumentti
  * contrato contratos contratto contratti umowa umowy sopimus
account:
  en account accounts page pages group groups channel profile
  da konto konti side siden profil gruppe kanal
  de account konto seite kanal gruppe profil
  sv konto sida sidan grupp kanal profil
  nb konto side siden gruppe kanal profil
  nl account pagina groep kanaal profiel
  fr compte page groupe chaîne profil
  * cuenta cuentas página páginas perfil perfiles grupo grupos canal canales pagina pagine
  * profilo profili gruppo gruppi canale canali conta contas perfis konto konta strona
  * stronę profilu grupa grupę kanał tili tilin sivu sivun profiili ryhmä ryhmän kanava
create:
  en create created creating
  da oprette oprettet oprettede
  de erstellen erstellt angelegt gegründet
  sv skapa skapat
  nb opprette opprettet
  nl aanmaken aangemaakt opgericht
  fr créer créé créée
  * crear creado creada creé abrí abierto abierta creare creato creata aperto aperta
  * criar criei criado criada criamos abri założyłem założyłam założyliśmy utworzyłem
  * utworzyłam perustin perustimme perustettu loin avasin
behalf:
  en behalf speaks
  da vegne
  de namen auftrag
  sv vägnar
  nb vegne
  nl namens
press:
  en journalist journalists press analyst investor
  da journalist journalisten presse analytiker investor
  de journalist journalistin presse analyst investor reporter
  sv journalist journalisten pressen analytiker investerare reporter
  nb journalist journalisten pressen analytiker investor reporter
  nl journalist journalisten pers analist investeerder
  fr journaliste journalistes presse analyste investisseur
  * periodista periodistas prensa giornalista giornalisti stampa
  * jornalista jornalistas imprensa repórter dziennikarz dziennikarka dziennikarza
  * dziennikarzem dziennikarce dziennikarze prasa prasy toimittaja toimittajan
  * toimittajalle toimittajat lehdistö
answer:
  en answer answered reply replied respond told confirmed comment commented
  da svare svarede svaret bekræftede fortalte kommentar kommenterede
  de antworten geantwortet bestätigt beantwortet kommentar kommentiert
  sv svara svarade bekräftade berättade kommentar kommenterade
  nb svare svarte bekreftet fortalte kommentar kommenterte
  nl antwoorden antwoordde reageren reageerde bevestigd
  fr répondre répondu confirmé commenté
  * respondí contesté confirmé conté risposto confermato raccontato respondi confirmei
  * contei odpowiedziałem odpowiedziałam potwierdziłem powiedziałem powiedziałam
  * kerroin vastasin vahvistin
personal:
  en personal privacy
  da personlige personoplysninger
  de persönliche personenbezogene
  sv personlig personliga personuppgifter
  nb personlige personopplysninger
  nl persoonlijke persoonsgegevens
  fr personnelles personnelle
  * personali riservatezza privacidade privacidad prywatność prywatne osobowe pessoais personales
colleague:
  en colleague colleagues coworker coworkers receptionist
  da kollega kolleger kollegaer
  de kollege kollegin kollegen
  sv kollega kollegor
  nb kollega kolleger kollegaer
  nl collega collega's
  fr collègue collègues
  * colega colegas compañero compañera compañeros collega colleghi kolega koleżanka
  * koledzy koleżanki kollega työkaveri työkaverit työtoveri
harass:
  en discriminatory harassing harassment threatening offensive insulting abusive disrespectful
  en disparage disparaging derogatory defamatory denigrating =negatively
  da diskriminerende krænkende chikane chikanerende truende fornærmende nedsættende =negativt
  de diskriminierend beleidigend belästigung bedrohlich herabsetzend abfällig verunglimpfen
  sv diskriminerande kränkande trakasserande hotfull hotfullt nedsättande
  nb diskriminerende krenkende trakasserende truende nedsettende
  nl discriminerend intimiderend beledigend belediging beledigingen kwetsend bedreigend
  fr discriminatoire harcèlement insultant insulte insultes injurieux menaçant
  * insulti insulto insultare offese offensivi offensive minacce minaccioso diffamatori
  * diffamatorio discriminatori discriminatorio molestie insultos ofensivo ofensivos amenazas
  * amenaza difamatorio discriminatorio acoso ameaças ameaça difamatório discriminatório assédio
  * ofensas obraźliwe obraźliwych obelgi groźby zniesławiające dyskryminujące nękanie hejt
swearing:
  en obscene profanity profane swearing swear vulgar cursing
  da uanstændigt uanstændige bandeord bande vulgært
  de obszön obszöne vulgär fluchen schimpfwörter
  sv obscent obscena svordomar svära vulgärt
  nb obskønt banning banne vulgært
  nl obsceen vloeken scheldwoorden grof
  fr obscène jurons vulgaire grossier
  * volgarità volgari volgare parolacce turpiloquio vulgaridad vulgaridades vulgar palabrotas
  * palavrões vulgaridade obscenidade wulgaryzmy wulgarne wulgarny przekleństwa
competitor:
  en competitor competitors rival rivals
  da konkurrent konkurrenter
  de konkurrent konkurrenten wettbewerber
  sv konkurrent konkurrenter
  nb konkurrent konkurrenter
  nl concurrent concurrenten
  fr concurrent concurrents
  * competidor competidores competencia concorrente concorrenti concorrenza
  * concorrentes concorrência konkurent konkurencja konkurencji konkurencję
  * kilpailija kilpailijat kilpailijan
politics:
  en political politics religious religion
  da politisk politiske religiøse religion
  de politisch politische religiös religion
  sv politisk politiska religiös religiösa
  nb politisk politiske religiøs religiøse
  nl politiek politieke religieuze religie
  fr politique politiques religieux religion
  * politico politica politici politiche propagandistico propaganda partitico elettorale político
  * política políticos partidário eleitoral polityczny polityczne polityka propagandowe wyborcze
neutral:
  en pretend neutral
  da foregive neutral
  de vorgeben neutral
  sv låtsas neutral
  nb late nøytral
  nl neutraal
  fr neutre
  * fingir fingere udawać puolueeton
early:
  en leak public
  da lækage offentlig offentliggjort
  de öffentlich veröffentlicht
  sv läcka offentlig publicerad
  nb lekkasje offentlig publisert
  nl lek openbaar gepubliceerd
  fr fuite public publié
  * filtración filtraciones fuga wyciek
delete:
  en delete
  da slette
  de löschen
  sv radera
  nb slette
  nl verwijderen
  fr supprimer
  * borrar eliminar borré cancellare eliminare apagar excluir usunąć usunąłem poistaa
  * poistin
consent:
  en agrees agree consent permission authorised authorized authorisation authorization ask
  da samtykke accepterer tilladelse spørge
  de einverstanden einwilligung zustimmung erlaubnis genehmigung fragen
  sv samtycke godkänner tillstånd fråga
  nb samtykke godtar tillatelse spørre
  nl toestemming vragen
  fr consentement autorisation permission demander
  * consenso autorizzazione permesso consentimiento autorización permiso consentimento autorização
  * permissão zgoda zgody zezwolenie
secret:
  en confidential
  da fortrolig fortrolige fortroligt
  de vertraulich vertrauliche geheim
  sv konfidentiell konfidentiella hemlig
  nb konfidensiell fortrolig hemmelig
  nl vertrouwelijk vertrouwelijke geheim
  fr confidentiel confidentielle secret
  * riservate riservati riservato riservata confidenziale confidenciales confidencial
  * confidenciais sigiloso sigilosas poufne poufnych tajemnica
!legal:
  en legal litigation > lawsuit lawsuits sue sued suing court courts
  da retssag retslig > retssag retssager sagsøge sagsøgt sagsøger retten
  de rechtlich rechtsstreit > klage verklagt verklagen gericht prozess
!shouting:
  en capitals caps uppercase
  da versaler
  de großbuchstaben großschreibung versalien
!emoji:
  en emoji emojis emoticons smileys
  da emoji emojis emojier smileys
  de emoji emojis smileys
!hashtag:
  en hashtag hashtags
  da hashtag hashtags
  de hashtag hashtags
copy:
  en copy copying copied pasted paywall
  da kopiere kopieret kopi betalingsmur
  de kopieren kopiert paywall bezahlschranke
  sv kopiera kopierat
  nb kopiere kopiert
  nl kopiëren gekopieerd
  fr copier copié
  * copiare copiato copiata copiati copiar copiado copiada copiados kopiować skopiowane skopiowany
sell:
  en sell selling sales commercial advertise advertising advert adverts advertisement spam
  da sælge salg kommerciel kommercielle reklame reklamer spam
  de verkaufen verkauf kommerziell kommerzielle werbung spam
  sv sälja försäljning kommersiell kommersiella reklam spam
  nb selge salg kommersiell kommersielle reklame spam
  nl verkopen verkoop commercieel commerciële reclame spam
  fr vendre vente commercial commerciale commerciales publicité spam
  * vendere commerciale commerciali pubblicità vender comercial comerciales publicidad
  * publicidade sprzedawać sprzedaż komercyjne reklama reklamy
article:
  en article articles
  da artikel artiklen artikler
  de artikel artikels
  sv artikel artikeln
  nb artikkel artikkelen
  nl artikel artikelen
  fr article articles
  * artículo artículos articolo articoli artigo artigos artykuł artykułu artykuły
  * artikkeli artikkelin
"""
# The word "confidential" alone is no concern ("confidential computing"); a draft saying that
# what it tells is still confidential is.
SAID_SECRET = re.compile(
    r"\b(?:is|are|was|still|er|var|stadig|endnu|ist|sind|war|noch|är|fortfarande)\s+(?:\w+\s+)?"
    r"(?:confidential|secret|under nda|fortroligt?|hemmeligt?|vertraulich|geheim|hemligt?)\b"
)
# "Personal" of one's own attacks, opinions or profile is no one's private data; nor of one's own
# milestone, news or record ("Big personal milestone today… thanks to my colleagues"), unless
# said of someone ("personal news about my colleague").
NOT_PRIVATE = re.compile(
    r"(?i)(?<!\w)(?:personal|persönliche[nrs]?|personlige?|personliga?|personligt|persoonlijke?"
    r"|personnel(?:le)?s?|personali|pessoais|pessoal)\s+(?:(?:attacks?|opinions?|views?|profiles?"
    r"|accounts?|use|capacity|life|brand|pages?|blogs?|websites?|angriffe?|meinung\w*|konto"
    r"|profil\w*|aanvallen|mening|attaques?|compte|opinioni|profilo|pagina)(?!\w)"
    r"|(?:milestones?|news|notes?|updates?|best|records?|goals?|growth|journey|achievements?"
    r"|chapter|reflections?|story|stories|favou?rites?|highlights?|meilenstein\w*|neuigkeit\w*"
    r"|bestleistung|rekord|ziel\w*|milepæl\w*|milstolpe\w*|milepel\w*|nyhed\w*|nyhet\w*"
    r"|mijlpaal|nieuws|doel\w*)(?!\w)"
    # Unless it is someone else's: "personal news about my colleague".
    r"(?!\s+(?:about|of|on|regarding|concerning|from|om|fra|från|über|von|van|over|sur|de|sobre"
    r"|di|su|o|z)(?!\w)))"
)
# The languages words of a `*` line of CONCEPTS are read in.
ANY_LANGUAGE = ("en", "da", "de", "sv", "nb", "nl", "fr", "es", "ca")
# Words too common in drafts and rules alike to tell anything.
GENERIC = frozenset(
    listed(
        """@share @publish @news @event @social @mention @ask @sense @message @report post share
    publish social media ask team time work people use make thing doubt onlin internet compani
    never keep apart even add often without mark seen area inform relat product produkt sale everyon
    salg vertrieb @product""",
        separator=" ",
    )
)
THRESHOLD = 2.0
# What a draft shows by its form rather than its words: shouting in capitals, a flood of emoji,
# more hashtags than guidelines usually allow (the number a rule gives is not read yet).
_LETTER = re.compile(r"[^\W\d_]")
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
_HASHTAG = re.compile(r"(?<![\w#])#\w+")
MANY_EMOJI = 6
MANY_HASHTAGS = 5
# Ideas a draft names in everyday words ("a pic of the whiteboard"); the word "confidential"
# alone is no idea of doing something ("confidential computing").
_EVERYDAY_IDEAS = frozenset(
    f"!{idea}"
    for idea in listed(
        """photo screen whiteboard badge document account create behalf press answer colleague
        competitor copy article""",
        separator=" ",
    )
)
# A group of words found in this many of the rules tells little ("customer", "company").
COMMON = 4
_SUBJECT = (
    # A polite word first: "Please do not post…", "Merci de ne pas publier…", "Bitte keine…".
    r"(?:(?:please|kindly|bitte|venligst|vänligen|vennligst|gelieve|graag|merci de|veuillez"
    r"|por favor|per favore|si us plau)[,\s]+)?"
    r"(?:(?:you|we|employees|du|man|i|i|vi|sie|ihr|wir|jij|je|vous|on)\s+)?"
    r"(?:(?:should|must|may|can|må|skal|bør|darfst|dürfen|darf|sollst|sollen|sollte|mag|moet|doit)\s+)?"
    r"(?:(?:also|always|generally|strictly|therefore|try to|please)\s+)?"
)
# A sentence ends at a stop, but not at one inside a word or an address ("robotics.com/cases",
# "wiki.lan", "version 2.0").
_SENTENCES = re.compile(
    r"(?:[^.!?\u3002\uff01\uff1f]|[.!?](?=[^\W_]|/))+(?:[.!?\u3002\uff01\uff1f]+|$)"
)
# A paragraph's number before its first sentence ("2.2  Do not open accounts…", "3) Never…"):
# no part of the sentence, which it would keep from opening with what it forbids.
_NUMBERED = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}(?:\.\d{1,2})+|\(?[a-z]\))\s+", re.IGNORECASE
)
_CLAUSES = re.compile(r"\s*[,;:\u2013\u2014]\s*|\s+-\s+")
# A short clause split from a sentence is a rule of its own when it names what it forbids by a
# negative or counting determiner ("keine Stockfotos", "no emoji", "maximal 3"); a bare verb
# ("Do not reply, argue or share the post") has its object in the rest of the sentence.
_DETERMINER = re.compile(
    r"^\W*(?:no|none|keine?[nmrs]?|ingen|inga|intet|geen|aucune?|pas de|ningún|ninguna|sin"
    r"|maximal|höchstens|højst|högst|høyst|at most|no more than|max)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Rule:
    """A sentence of the guidelines that forbids something, and what it matches on: its words
    grouped by meaning (words that share an idea are one group), and the groups that many
    rules share."""

    section: Section
    text: str
    groups: tuple[frozenset[str], ...]
    common: frozenset[int] = frozenset()
    # An item of a list of things forbidden ("Don'ts"): terse, so half of its words are enough.
    terse: bool = False
    # Forbidden only as the company ("in the company's name"): a draft must name it or say "we".
    qualified: bool = False
    # An obligation ("Always ask before…", "You are expected to credit…"): a draft that merely
    # speaks of the same things may well keep it, so only what it does (not asking) breaks it.
    obliging: bool = False
    # What allows it after all ("unless Communications has approved it", "without their
    # consent", "before they are published"): a draft that says so breaks no such rule.
    conditions: frozenset[str] = frozenset()
    # A short clause of a longer sentence ("Do not open accounts"): met only by all of its ideas,
    # the act and what it is done to, not by its noun alone ("official page", "a review").
    clause: bool = False


_SHORTEST_STEM = 3


@cache
def _concepts() -> dict[tuple[str, str], tuple[str, bool]]:
    """(language, word or stem) → (concept, whether one such word in a draft is enough)."""
    by_form: dict[tuple[str, str], tuple[str, bool]] = {}
    name, strong = "", False
    for line in CONCEPTS.strip().splitlines():
        if not line.startswith(" "):
            strong = line.startswith("!")
            name = line.strip().removeprefix("!").rstrip(":")
            continue
        code, *entries = line.split()
        everyday = ">" not in entries  # words after `>` are everyday words; before, the rules'
        for word in entries:
            if word == ">":
                everyday = True
                continue
            # `*`: a language read as the nearest one it knows (Italian, Portuguese, Polish,
            # Finnish, Spanish), whichever that is.
            for read_as in ANY_LANGUAGE if code == "*" else (code,):
                # "=negatively": this form only, not its stem ("negative comments" are no insult).
                # A stem of two letters is another language's everyday word ("sue" is "su",
                # Italian for "on"): the word's own forms only.
                stemmed = stem(word, read_as)
                short = len(stemmed) < _SHORTEST_STEM
                forms = (word[1:],) if word.startswith("=") else (word, *[stemmed][short:])
                for form in forms:
                    by_form.setdefault((read_as, form), (name, strong and everyday))
    return by_form


def concepts(text: str, codes: Sequence[str]) -> dict[str, tuple[int, bool]]:
    """The concepts `text` speaks of (read in each of `codes`): where each first is, and
    whether it was said in words one of which is enough."""
    by_form = _concepts()
    found: dict[str, tuple[int, bool]] = {}
    lowered = text.lower()
    for match in re.finditer(r"[^\W_]+(?:-[^\W_]+)*", lowered):
        word = match.group(0)
        # A hyphenated word is also its parts: "facebook-seite" is a page.
        for part in dict.fromkeys((word, *word.split("-"))):
            for code in codes:
                hit = by_form.get((code, part)) or by_form.get((code, stem(part, code)))
                if hit and (hit[0] not in found or (hit[1] and not found[hit[0]][1])):
                    found[hit[0]] = (found.get(hit[0], (match.start(), False))[0], hit[1])
    if "set up" in lowered or "setup" in lowered:
        found.setdefault("create", (lowered.find("set"), False))
    said = SAID_SECRET.search(lowered)
    if said:
        found["secret"] = (said.start(), True)
    return found


def _clause_cue(cue: str, language: str) -> re.Pattern[str]:
    """The cue at the start of a clause (or after "and"), perhaps after "you" and a modal: "do
    not cover" in "when the guidelines do not cover it" or "music you do not own" forbids
    nothing; nor does a clause that opens by permitting ("N'hésitez pas à partager…")."""
    permitting = PERMITTING.get(language, PERMITTING["en"]).replace(" ", r"\s+")
    return re.compile(
        rf"(?:^|[.:;,!?()\"\u201c\u201d\u00ab\u00bb\u2013\u2014-]\s*|\b(?:and|or|but|og|eller|men|und|oder|aber)\s+)"
        rf"(?![^.;:!?]{{0,30}}?\b(?:{permitting})\b)"
        rf"{_SUBJECT}(?:{cue}|[^.;:]{{0,60}}?{PREFERRING.pattern})",
        re.IGNORECASE,
    )


def rules(sections: Sequence[Section], language: str) -> list[Rule]:
    """The forbidding sentences of the guidelines, in order: sentences and headings that say
    so, and the items of a list a heading or a lead-in says are forbidden."""
    forbidding = FORBIDDING.get(language, FORBIDDING["en"])
    # A lead-in that allows ("Posts are welcome when they are about:") forbids none of its
    # items: "only" and "welcome when" make a rule of a sentence, never of a list.
    cue = f"{forbidding}|{ONLY[language]}" if language in ONLY else forbidding
    pattern = _clause_cue(cue, language)
    lead_pattern = _clause_cue(forbidding, language)
    obliging = _clause_cue(OBLIGING, language)
    found = []
    for section in sections:
        heading = section.title.strip()
        every_item = FORBIDDING_HEADING.match(heading) is not None
        if not every_item and pattern.search(heading):
            found.append(Rule(section, heading, _groups(_forbidden(heading), language)))
        # "Prohibited Content", "Cosa evitare", "Was Sie vermeiden sollten": the list under a
        # short heading that forbids is a list of what is forbidden (not "Do's and Don'ts").
        items = (
            _list_items(section.body)
            if len(heading.split()) <= SHORT_HEADING
            and lead_pattern.search(heading)
            and not BOTH_WAYS.search(heading)
            else frozenset()
        )
        ruled = False
        for lead_in, piece in units(section.body):
            # An item naming a kind of thing ("Financial information or forecasts"), not a
            # sentence that says what to do by itself.
            named = (
                piece in items
                and len(piece.split()) <= NAMING_ITEM
                and not pattern.search(piece)
                and not obliging.search(piece)
            )
            terse = every_item or named or bool(lead_in and lead_pattern.search(lead_in))
            for text in _SENTENCES.findall(_NUMBERED.sub("", piece)):
                text = text.strip()
                # "This includes, but is not limited to, profanity; …" after a rule lists it.
                listing = ruled and INCLUDING.match(text) is not None
                ruled = bool(text and (terse or listing or pattern.search(text)))
                if ruled:
                    groups = _groups(_forbidden(text), language)
                    # An item's conditions may be its lead-in's ("…that has not been published:").
                    unless = rule_conditions(text) | rule_conditions(lead_in or "")
                    found.append(Rule(section, text, groups, terse=terse, conditions=unless))
                    # "- keine Stockfotos, keine Überinszenierung": each short clause too.
                    found += _clause_rules(section, text, pattern, language)
                elif text and obliging.search(text):
                    found.append(Rule(section, text, _groups(text, language), obliging=True))
    forbidding_rules = [rule for rule in found if not rule.obliging]
    return [
        Rule(
            rule.section,
            rule.text,
            rule.groups,
            frozenset(
                n
                for n, group in enumerate(rule.groups)
                if sum(any(group & other for other in r.groups) for r in forbidding_rules) >= COMMON
            ),
            rule.terse,
            QUALIFIED.search(rule.text) is not None,
            rule.obliging,
            rule.conditions,
            rule.clause,
        )
        for rule in found
    ]


# A rule's words for criticism ("negative comments", "complaints", "bad reviews", "critical
# posts") beside its words for answering: the rule forbids answering critics.
_CRITICISM_KEYS = ("@negative", "complaint", "review", "critic")


def answers_critics(rule: Rule) -> bool:
    """Whether `rule` forbids answering criticism ("Do not reply to complaints or reviews
    yourself"): only a draft that answers a critic breaks it, which the criticism check reads;
    a draft that speaks of criticism ("Saw a nasty thread about us, reported it") does not."""
    keys = frozenset().union(*rule.groups)
    return bool(keys & {"!answer", "@reply"}) and any(
        key.startswith(_CRITICISM_KEYS) for key in keys
    )


def _list_items(body: str) -> frozenset[str]:
    """The items of the lists in a section's body, as `units` gives them."""
    return frozenset(
        re.sub(r"\*\*|__", "", match.group(1)).strip() for match in _LIST_ITEM.finditer(body)
    )


def _clause_rules(
    section: Section, text: str, pattern: re.Pattern[str], language: str
) -> list[Rule]:
    """The short forbidding clauses of a sentence that are rules by themselves, as terse rules."""
    found = []
    for clause in _CLAUSES.split(text):
        if clause == text or len(clause.split()) > 4 or not pattern.match(clause):
            continue
        groups = _groups(clause, language)
        if len(groups) >= 2 or _DETERMINER.match(clause):
            # "keine Stockfotos", "no emoji", "avoid GIFs": what it forbids is named whole by
            # its noun.
            named = _DETERMINER.match(clause) is not None or len(clause.split()) <= 2
            found.append(Rule(section, clause, groups, terse=True, clause=not named))
    return found


def _forbidden(text: str) -> str:
    """The part of a rule that says what is forbidden: after "rather than", or all of it."""
    preferring = PREFERRING.search(text)
    return text[preferring.end() :] if preferring else text


def _form(draft: str) -> dict[str, int]:
    """What the draft shows by its form: concept → where it starts."""
    found = {}
    letters = _LETTER.findall(draft)
    if len(letters) >= 20 and sum(c.isupper() for c in letters) >= 0.7 * len(letters):
        found["!shouting"] = 0
    emoji = list(_EMOJI.finditer(draft))
    if len(emoji) >= MANY_EMOJI:
        found["!emoji"] = emoji[0].start()
    hashtags = list(_HASHTAG.finditer(draft))
    if len(hashtags) > MANY_HASHTAGS:
        found["!hashtag"] = hashtags[0].start()
    return found


def _groups(text: str, language: str) -> tuple[frozenset[str], ...]:
    """The rule's words as groups of keys; words sharing a key are one group."""
    groups: list[set[str]] = []
    # "Personal attacks" are attacks: the word "personal" goes before the words are read.
    text = NOT_PRIVATE.sub(lambda m: m.group(0).split(None, 1)[1], text)
    for term in analyse(text, language):
        keys = set(_singular(term.keys)) | {f"!{name}" for name in concepts(term.word, (language,))}
        keys |= _parts(term.word, language)
        keys -= GENERIC
        if not keys:
            continue
        joined = [group for group in groups if group & keys]
        for group in joined:
            keys |= group
            groups.remove(group)
        groups.append(keys)
    return tuple(frozenset(group) for group in groups)


# The first part of a hyphenated word that says the rest is not so ("non-public").
_NOT_PART = frozenset({"non", "un", "anti", "ikke", "nicht", "niet", "icke"})


def _parts(word: str, language: str) -> set[str]:
    """The stems of a rule's hyphenated word's parts, so that a draft meets "AI-generated" in
    "generated with an AI tool"; none when the first part negates the rest."""
    parts = word.lower().split("-")
    if len(parts) < 2 or parts[0] in _NOT_PART:
        return set()
    return {stem(part, language) for part in parts if len(part) >= 2} - GENERIC


def _singular(keys: Sequence[str]) -> list[str]:
    """`keys`, and each long word's form without a plural -s the stemmer keeps ("Stockfotos",
    "foto's" in Dutch are "Stockfoto", "foto")."""
    found = list(keys)
    for key in keys:
        bare = re.sub(r"['\u2019]?s$", "", key)
        if bare != key and len(bare) >= 4 and key[0] not in "@!":
            found.append(bare)
    return found


def _weight(rule: Rule, n: int, strong: set[str]) -> float:
    if rule.groups[n] & strong:
        return 2.0
    return 0.5 if n in rule.common else 1.0


def guideline(
    draft: str,
    all_rules: Sequence[Rule],
    language: str,
    company_mentioned: bool,
    cite: dict[str, str],
    said_in: str = "en",
    covered: frozenset[str] = frozenset(),
    names: frozenset[str] = frozenset(),
    by_meaning: Callable[[str], Rule | None] | None = None,
) -> Iterator[Concern]:
    """A concern per section whose forbidding sentence the draft matches best, said in
    `said_in`; `cite` maps a section key to how it is cited; ideas in `covered` were already
    raised by another check; `names` are the keys of the company's names (no idea of a rule:
    "Use Stony Brook logos only if authorized" is about logos); `by_meaning` gives the rule
    that forbids a behaviour no rule names in words (review.BEHAVIOUR_QUERIES), if any."""
    words = without_links(draft)  # a link's words are not the post's; offsets stay the same
    # "Personal" of one's own milestone or opinions names no one's data (blanked, same offsets).
    words = NOT_PRIVATE.sub(lambda m: re.sub(r"^\S+", lambda w: " " * len(w[0]), m[0]), words)
    asked = detect_language(words, default=language)
    codes = tuple(dict.fromkeys((asked, language)))
    positions: dict[str, int] = {}
    for code in codes:
        for term in analyse(words, code):
            at = _position(words, term.word)
            for key in _singular(term.keys):
                positions.setdefault(key, at)
    strong = set()
    for name, (at, enough) in concepts(words, codes).items():
        positions.setdefault(f"!{name}", at)
        if enough:
            strong.add(f"!{name}")
    for key, at in _form(draft).items():
        positions[key] = at
        strong.add(key)
    shown = behaviours(words, company_mentioned)
    for name, at in shown.items():
        positions[f"!{name}"] = at
        strong.add(f"!{name}")
    if company_mentioned:
        positions.setdefault("@company", 0)
    for name in covered:
        positions.pop(f"!{name}", None)
        strong.discard(f"!{name}")
    best: dict[str, tuple[float, Rule, list[int]]] = {}
    found = positions.keys()
    ours = company_mentioned or OURS.search(words) is not None
    holds = met(words)
    for rule in all_rules:
        if (rule.qualified and not ours) or rule.conditions & holds:
            continue
        matched = [n for n, group in enumerate(rule.groups) if group & found]
        # The company's name, which a rule may spell out, names no idea of it.
        matched = [n for n in matched if not rule.groups[n] <= names]
        score = sum(_weight(rule, n, strong) for n in matched)
        strong_hit = any(rule.groups[n] & strong for n in matched)
        if rule.terse and score < THRESHOLD:
            # An item of a "Don'ts" list ("Screenshots als Bildbeitrag") is met by half of its
            # words, said in the same words (a shared idea alone is too loose for so few), or by
            # every one of its ideas in any words ("answer journalists": "a reporter… told her").
            same = [n for n in matched if any(k[0] not in "@!" for k in rule.groups[n] & found)]
            whole = len(rule.groups) >= 2 and len(matched) == len(rule.groups)
            half = not rule.clause and same and len(same) >= len(rule.groups) / 2
            score = THRESHOLD if whole or half else score
        # Without a behaviour, two ideas of the rule named in everyday words are enough (a
        # photo and a whiteboard, a journalist and what was told); words the rule merely shares
        # with a fine draft ("data", "office") need to be more, the more the rule lists.
        ideas = sum(1 for n in matched if rule.groups[n] & found & _EVERYDAY_IDEAS)
        # That the draft names the company is no idea of the rule.
        words_met = sum(1 for n in matched if rule.groups[n] & found - {"@company"})
        clear = strong_hit or rule.terse or ideas >= THRESHOLD
        if rule.obliging and not strong_hit:
            continue
        needed = THRESHOLD if clear else max(3.0, len(rule.groups) / 5)
        if not clear and words_met < needed:
            continue
        held = best.get(rule.section.key)
        # The best of a section; on a tie the shorter, more specific sentence.
        if score >= needed and (
            held is None or (score, -len(rule.groups)) > (held[0], -len(held[1].groups))
        ):
            best[rule.section.key] = (score, rule, matched)
    for _, rule, matched in _most_telling(list(best.values()), strong):
        # The span is where the draft does what the rule forbids, not where it names the company.
        keys = [key for n in matched for key in rule.groups[n] & positions.keys()]
        telling = [k for k in keys if k in strong] or [k for k in keys if k != "@company"] or keys
        first = min(positions[key] for key in telling)
        yield Concern(
            Kind.GUIDELINE,
            cite.get(rule.section.key, rule.section.title),
            text_for("guideline", said_in, rule=rule.text),
            sentence_at(draft, first),
        )
    # A behaviour the draft shows that no rule names in words: the rule closest by meaning.
    named = {
        key for rule in all_rules if not rule.obliging for group in rule.groups for key in group
    }
    for name, at in shown.items():
        meant = (
            by_meaning(name)
            if by_meaning and name not in covered and f"!{name}" not in named
            else None
        )
        if meant is not None and meant.section.key not in best and not meant.conditions & holds:
            best[meant.section.key] = (THRESHOLD, meant, [])
            yield Concern(
                Kind.GUIDELINE,
                cite.get(meant.section.key, meant.section.title),
                text_for("guideline", said_in, rule=meant.text),
                sentence_at(draft, at),
            )


def _most_telling(
    chosen: list[tuple[float, Rule, list[int]]], strong: set[str]
) -> list[tuple[float, Rule, list[int]]]:
    """One concern per thing the draft does: a rule met only by what another rule met as well
    (swearing is "obscene" in one section and "offensive" in another) goes, unless it scores
    higher; on a tie the shorter, more specific rule stays."""

    def evidence(item: tuple[float, Rule, list[int]]) -> frozenset[str]:
        return frozenset(k for n in item[2] for k in item[1].groups[n] & strong)

    def only_strong(item: tuple[float, Rule, list[int]]) -> bool:
        return all(item[1].groups[n] & strong for n in item[2])

    def better(other: tuple[float, Rule, list[int]], item: tuple[float, Rule, list[int]]) -> bool:
        return (other[0], -len(other[1].groups)) > (item[0], -len(item[1].groups))

    # Most telling first: where two concerns quote the same sentence of the draft, the first stays.
    # On a tie, the rule more of whose ideas the draft names (a photo and consent, not consent
    # and a word for money).
    chosen = sorted(
        chosen,
        key=lambda item: (
            -item[0],
            -sum(any(k[0] == "!" for k in item[1].groups[n]) for n in item[2]),
            len(item[1].groups),
        ),
    )
    return [
        item
        for item in chosen
        if not (
            only_strong(item)
            and any(
                other is not item and evidence(item) <= evidence(other) and better(other, item)
                for other in chosen
            )
        )
    ]


def _position(draft: str, word: str) -> int:
    match = re.search(rf"(?<!\w){re.escape(word)}", draft, re.IGNORECASE)
    return match.start() if match else 0
