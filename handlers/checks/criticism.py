"""The reply-to-criticism check: a draft that answers a complaint, a review or a reported post."""

from __future__ import annotations

import re
from collections.abc import Iterator

from handlers.checks.concerns import Concern, Kind, Span
from handlers.checks.text import phrase_pattern, sentence_at
from handlers.reports.links import keys, links_in
from handlers.texts import text_for

# Words that push back at someone (English, Danish, German, Swedish, Norwegian, Dutch, French).
REBUTTAL = phrase_pattern(
    """not true|simply not|that's wrong|you're wrong|you are wrong|fake news|misinformation
    |disinformation|lying|liar|liars|you clearly|do your homework
    |read the ticket|don't believe|do not believe|trolling|troll|full of mistakes
    |get your facts|just false|that's false|that is false|simply false|is false
    |completely false|untrue|misleading|spreading rumours|spreading rumors|spreading lies
    |total fiction|pure fiction|you obviously|clearly never
    |you haven't even|before you rant|you didn't even|shoddy
    |hit piece|clickbait|you're mistaken|you are mistaken|misinformed|baseless|unfounded
    |not the case|with all due respect|with respect|respectfully|no offence but|no offense but
    |bei allem respekt|med al respekt|med all respekt|met alle respect|avec tout le respect
    |sauf votre respect|con todo respeto|con todo el respeto|com todo o respeito
    |con tutto il rispetto|z całym szacunkiem|kaikella kunnioituksella|se vší úctou
    |ikke tilfældet|grundløs|grundløse|ubegrundet
    |nicht der fall|haltlos|unbegründet|inte fallet|grundlöst|grundlösa|ikke tilfellet
    |grunnløs|grunnløse
    |ikke rigtigt|ikke sandt|forkert|løgn|løgne|løgner|fyldt med fejl|urimelig|urimeligt
    |klager offentligt|falske|passer ikke|passer simpelthen ikke|misvisende
    |usandt|fuld af fejl|lyver|er forkert|du har ikke engang|opdigtet
    |stimmt nicht|stimmt so nicht|stimmt so einfach nicht|einfach falsch|irreführend
    |falschinformation|falschinformationen|lüge|lügen|lügner|gelogen
    |ist falsch|frei erfunden|du hast nicht einmal
    |stämmer inte|inte sant|lögn|lögner|ljuger|full av fel|felaktigt|sprida lögner
    |desinformation|vilseledande|är fel|påhittat|inte ens testat|har inte ens
    |stemmer ikke|full av feil|feilaktig|sprer løgner|er feil
    |rett og slett feil|oppdiktet|har ikke engang
    |klopt niet|klopt gewoon niet|klopt helemaal niet|klopt van geen kant|niet waar|onwaar
    |leugen|leugens|nepnieuws|desinformatie|misleidend|je hebt het mis|u heeft het mis
    |heb je het mis|je hebt geen idee|verzonnen|ongegrond|ongegronde
    |c'est faux|complètement faux|totalement faux|archi faux|pas vrai
    |mensonge|mensonges|mensonger|mensongère|désinformation|trompeur|trompeuse
    |vous avez tort|tu as tort|infondé|infondée|infondés|infondées
    |sans fondement|renseignez-vous|renseigne-toi|calomnie
    |rtfm|stop complaining|quit whining|sorry you feel that way|before you complain
    |before complaining
    |calomnies|diffamatoire|inventé de toutes pièces
    |stop spreading|quit spreading|not our fault|stop blaming us|ikke vores skyld
    |nicht unsere schuld|inte vårt fel|sluta skylla på oss|ikke vår feil|niet onze schuld
    |pas notre faute|you're exaggerating|you are exaggerating|du overdriver|du übertreibst
    |du överdriver|je overdrijft|jullie overdrijven|vous exagérez|tu exagères
    |do your research|lazy journalism
    |no es verdad|no es cierto|es falso|es mentira|totalmente falso|mentiras|mentiroso|mentirosos
    |desinformación|bulo|bulos|engañoso|infórmate|informaos|infórmese|no tienes ni idea
    |no tenéis ni idea|antes de criticar|no es culpa nuestra|no fue culpa nuestra
    |no es nuestra culpa|no nuestra|exageras|exageráis
    |não é verdade|é falso|é mentira|desinformação|enganoso|informe-se
    |informem-se|informa-te|não fazes ideia|não faz ideia|não é culpa nossa
    |a culpa não é nossa|exagera
    |non è vero|è falso|falsità|bugie|bugiardo|disinformazione|fuorviante|informati
    |informatevi|si informi|non hai idea|prima di criticare|non è colpa nostra
    |la colpa non è nostra|esageri|esagerate
    |one-sided|ensidig|ensidigt|einseitig|eenzijdig|yksipuolinen
    |stop blaming|sluta skylla på|slutt å skylde på|hold op med at skyde skylden på
    |lopettakaa syyttäminen|lopeta syyttäminen
    |nieprawda|to nieprawda|nie jest prawdą|kłamstwo|kłamstwa|kłamiesz|dezinformacja
    |wprowadza w błąd|bzdura|bzdury|sprawdź fakty|nie masz pojęcia|to nie nasza wina
    |nie z naszej winy|przesadzasz
    |ei pidä paikkaansa|ei ole totta|valhe|valheita|valehtelet|disinformaatiota|harhaanjohtava
    |tarkista faktat|ei ole meidän vikamme|ei meidän vikamme|liioittelet
    |není pravda|to není pravda|lež|lži|lžete|lžeš|dezinformace|zavádějící|nesmysl|nesmysly
    |ověřte si fakta|ověř si fakta|nemáte ponětí|není naše chyba|není to naše vina
    |není naše vina|přeháníte|přeháníš
    |doğru değil|gerçeği yansıtmıyor|tamamen yanlış|yanlış bilgi|yanlış bilgiyi|yalan|yalan haber
    |asılsız|iftira|bilmeden konuşmayın|bilmeden karalamayın|karalamayın|düzeltiyorum
    |iddia ettiğiniz gibi|bizim suçumuz değil|suç bizde değil|abartıyorsunuz|biraz insaf
    |tidak benar|gak bener|nggak bener|hoaks|hoax|fitnah|salah total|keliru|tidak berdasar
    |jangan asal|jangan asal nyebar|bukan salah kami|bukan salah produknya|gak usah julid
    |nggak usah julid|lebay|berlebihan|perlu kami luruskan|perlu kami sampaikan
    |nu este adevărat|nu e adevărat|nu-i adevărat|e fals|este fals|complet fals|minciună
    |minciuni|dezinformare|înșelător|înșelătoare|nu este vina noastră|nu e vina noastră
    |exagerați|exagerezi|informați-vă|informează-te|verificați faptele|fără temei
    |це неправда|неправда|не відповідає дійсності|брехня|фейк|дезінформація|маніпуляція
    |не наша вина|ви перебільшуєте|перевірте факти|безпідставні|безпідставно
    |stop the drama|si kweli|sio kweli|siyo kweli|uongo|upande mmoja|uzushi|fanyeni utafiti
    |fanya utafiti
    |δεν ισχύει|δεν είναι αλήθεια|δεν είναι αληθές|ψέματα|ψέμα|ψευδή|ψευδείς|παραπληροφόρηση
    |ανακρίβειες|ανακριβή|συκοφαντία|συκοφαντίες|αβάσιμο|αβάσιμα|αβάσιμες|αβάσιμη|μονόπλευρο
    |μονόπλευρη|δεν φταίμε|δεν είναι δικό μας λάθος|υπερβάλλετε|υπερβάλλεις|ενημερωθείτε
    |ενημερώσου|κάνετε λάθος|κάνεις λάθος|ανοησίες
    |galat hai|bilkul galat|sach nahi|sach nahin|jhooth|jhoot|jhuth|afwah|afwaah|bakwas|bakwaas
    |hamari galti nahi|humari galti nahi|hamari galti nahin|humari galti nahin|fake hai
    |pehle check karo|pehle check karein"""
)
# Words that push back only when it is clear what they push back at: said to a friend they
# deny a plan, laugh at the weather or ask where a jacket is from ("@lars we didn't make it").
DENIAL = phrase_pattern(
    """lies|nonsense|never used|embarrassing|made up|made-up|no idea how|vrøvl|tøv|quatsch|unsinn
    |keine ahnung|struntprat|onzin|kletskoek|flauwekul|lees eerst|nooit gebruikt|nooit geprobeerd
    |n'importe quoi|ridicule|absurde|jamais utilisé|jamais essayé
    |no idea what you're talking about|don't know what you're talking about|check your facts
    |check your numbers|way off|ingen anelse om hvad du taler om|keine ahnung wovon du redest
    |geen idee waar je het over hebt|aucune idée de ce que vous dites
    |we never|we did not|we didn't|we have never|we've never|that never happened
    |vi har aldrig|vi har aldri|wir haben nie|wir haben niemals|we hebben nooit|wij hebben nooit
    |nous n'avons jamais|on n'a jamais
    |try reading|read the manual|learn to read
    |where you got that|where did you get that
    |læs manualen|læs vejledningen|hvor har du det fra|lies die anleitung|woher hast du das
    |läs manualen|var har du fått det ifrån|les bruksanvisningen
    |lees de handleiding|waar haal je dat vandaan|lisez la doc|lis la doc|d'où vous sortez ça
    |d'où tu sors ça|blödsinn|schwachsinn|unfug|nonsens|sludder|pjat|tull|tullprat|tøys
    |bêtises|foutaises
    |what are you talking about|what are you even talking about|hvad taler du om
    |hvad snakker du om|wovon redest du|wovon sprichst du|vad pratar du om|hva snakker du om
    |waar heb je het over|waar hebben jullie het over|de quoi vous parlez|de quoi tu parles
    |maybe you should|perhaps you should|måske du skulle|måske skulle du|vielleicht solltest du
    |kanske du borde|kanske borde du|kanskje du burde|kanskje du skulle|misschien moet je
    |misschien zou je|peut-être devriez-vous|tu devrais peut-être
    |what did you expect|what do you expect|hvad havde du forventet|vad väntade du dig
    |was hast du erwartet|wat had je verwacht|mitä odotit|à quoi vous attendiez-vous
    |tonterías|nunca hemos|jamás hemos|disparates|nunca fizemos|nunca vendemos|sciocchezze
    |assurdità|non abbiamo mai|nigdy nie|emme ole koskaan|emme koskaan|nikdy jsme
    |not even ours|isn't even ours|wasn't even ours|isn't ours|wasn't ours|not our truck
    |ikke engang vores|nicht mal unserer|nicht einmal unserer|pas le nôtre|pas à nous
    |ni siquiera es nuestro|nem é nosso|non è nemmeno nostro|to nawet nie nasz|halikuwa letu
    |haikuwa yetu|si letu|si yetu"""
)
# Saying nobody asked the company before writing about it ("nobody asked us", "Hawakutuuliza",
# "niemand hat uns gefragt"): an answer to coverage, about the company by its very words.
UNASKED = phrase_pattern(
    """nobody asked us|no one asked us|never asked us|didn't ask us|did not ask us|never called us
    |didn't call us|did not call us|never contacted us|didn't contact us|didn't even call
    |call before you write|ask before you write|ingen spurgte os|ingen har spurgt os
    |ingen frågade oss|ingen spurte oss|niemand hat uns gefragt|hat uns nicht gefragt
    |hat uns nie gefragt|niemand heeft ons gevraagd|niemand heeft ons gebeld|personne ne nous a
    |ne nous a pas contactés|ne nous a jamais contactés|nadie nos preguntó|nadie nos llamó
    |ninguém nos perguntou|nessuno ci ha chiesto|nessuno ci ha chiamato|nikt nas nie zapytał
    |kukaan ei kysynyt meiltä|nikdo se nás nezeptal|kimse bize sormadı|bize sormadı|bizi aramadı
    |hawakutuuliza|hakuna aliyetuuliza|nimeni nu ne-a întrebat|nu ne-a întrebat nimeni
    |нас ніхто не питав|ніхто нас не питав"""
)
# "We're not 'a scam'": denying what the critic called the company, in their quoted words.
# "Det passer overhovedet ikke", "klopt echt niet": a denial with a word of emphasis between.
_NOT_SO = re.compile(
    r"(?<!\w)(?:passer|stemmer|stämmer|stimmt|klopt)\s+(?:(?:overhovedet|slet|simpelthen|bare"
    r"|altså|gar|überhaupt|einfach|absolut|alls|helt|heller|rett og slett|helemaal|echt|gewoon"
    r"|totaal|totalt|faktisk|faktiskt|faktisch|eigentlich|wirklich|virkelig|verkligen|eigenlijk"
    r"|dessverre|tyvärr|desværre|leider|helaas)\s+)?(?:ikke|inte|nicht|niet)(?!\w)"
    # "u heeft het echt mis", "you've got it all wrong", "du har helt fel", "vous avez tout faux".
    r"|(?<!\w)(?:(?:je|u|jullie)\s+(?:hebt|heeft|hebben)\s+het\s+(?:\w+\s+)?mis"
    r"|you(?:['\u2019]ve| have)\s+(?:got\s+)?(?:it|this|that)\s+(?:\w+\s+)?wrong"
    r"|(?:du|ni|dere)\s+(?:har|tar)\s+(?:\w+\s+)?(?:fel|feil)"
    r"|(?:vous avez|tu as)\s+(?:\w+\s+)?(?:tort|faux))(?!\w)"
    # "Check the facts before you write that", "bevor man andere Leute als Amateure bezeichnet".
    r"|(?<!\w)(?:check (?:the|your) facts|sjekk fakta|tjek fakta|kolla fakta|prüf(?:en sie)? die"
    r" fakten|check de feiten|vérifiez les faits|do better)(?!\w)"
    r"|(?<!\w)(?:before you|bevor (?:man|du|sie)|før (?:du|man)|innan (?:du|man)|voordat (?:je|u)"
    r"|avant de)\s+(?:\w+\s+){0,4}?(?:call\w*|label\w*|judge\w*|accus\w*|critici[sz]\w*"
    r"|writ\w*|trash\w*|slam\w*|bash\w*|bezeichne\w*|nenn\w*|kritisier\w*|skriv\w*|kalde\w*"
    r"|kalla\w*|kalle\w*"
    r"|noem\w*|schrijf\w*|schrijv\w*|trait\w*|écri\w*|critiqu\w*)(?!\w)",
    re.IGNORECASE,
)
_QUOTED_DENIAL = re.compile(
    r"(?<!\w)(?:we(?: a|\u2019|')re|we are|vi er|wir sind|vi är|wij zijn|we zijn"
    r"|nous (?:ne )?sommes)\s+(?:\w+\s+){0,2}?(?:not|ikke|nicht|inte|niet|pas)\s+(?:\w+\s+)?"
    r"[\"\u201c\u201e\u00ab']"
    # Their verb quoted, then denied (the Nordic, German and Dutch order): "vi «lurar» inte".
    r"|(?<!\w)(?:vi|wir|wij|we)\s+[\"\u201c\u201e\u00ab'][^\"\u201c\u201d\u00bb'\n]{2,30}"
    r"[\"\u201c\u201d\u00bb']\s+(?:ikke|inte|nicht|niet|not)(?!\w)",
    re.IGNORECASE,
)
# What a denial is about when it defends the company: its product, support or prices.
ABOUT_US = re.compile(
    r"(?<!\w)(?:our|onze|ons|notre|nos|vores|vor|unser\w*|vår|vårt|våra|våre)\s+"
    r"(?:support|helpdesk|help desk|app|apps|application|applicatie|product\w*|produit\w*"
    r"|service|services|software|logiciel|pricing|prices|prijzen|prix|priser|preise|data"
    r"|données|customer service|kundeservice|kundenservice|kundtjänst|klantenservice"
    r"|company|bedrijf|entreprise|firma|virksomhed|platform|plateforme|plattform|plattformen|uptime"
    r"|servers?"
    # Its people: defending them is defending the company ("our CTO", "vores teknikere").
    r"|ceo|cto|cfo|founders?|engineers|technicians|teknikere|medarbejdere"
    r"|techniker\w*|mitarbeiter\w*|tekniker|medarbetare|ansatte|monteurs|medewerkers"
    r"|technici|techniciens|employés|salariés)(?!\w)"
    # Turkish says "our" by a suffix ("ürünlerimiz", "havlularımızda", "ekibimiz"), Indonesian
    # after the noun ("produk kami", "tim kami").
    r"|(?<!\w)(?:ürün\w*|hizmet\w*|fiyat\w*|şirket\w*|fabrika\w*|ekib\w*|\w+)(?:ımız|imiz|umuz"
    r"|ümüz)\w*(?<!bizim)(?!\w)"
    r"|(?<!\w)(?:produk|layanan|harga|perusahaan|pabrik|tim|karyawan|toko|pelayanan) kami(?!\w)"
    # Greek after the noun too ("η εταιρεία μας"), Hindi before it ("hamari service"), Korean
    # its humble "we" ("저희 회사", "저희가").
    r"|(?<!\w)(?:εταιρεία|εταιρία|υπηρεσί\w*|προϊόν\w*|πλοί\w*|πλήρωμ\w*|προσωπικό|τιμές|εφαρμογή"
    r"|ομάδα|πληρώματ\w*)\s+μας(?!\w)|(?<!\w)(?:hamar|humar)[iae]\s+\w+|(?<!\w)저희\w*",
    re.IGNORECASE,
)
# What a company is accused of: selling data, breaking a promise ("we never sold your data").
ACCUSED = phrase_pattern(
    """fees|hidden fees|charges|surcharges|overcharging|avgifter|gebyrer|gebühren|zuschläge
    |toeslagen|frais|suppléments|recargos|comisiones|taxas|sovrapprezzi|opłaty|lisämaksut
    |poplatky|data|privacy|privacy policy|promised|leaked|sold|hacked|scam|persondata|privatliv
    |lovet
    |solgt|daten|datenschutz|versprochen|verkauft|personuppgifter|integritet|lovade|sålt
    |personvern|lovte|gegevens|beloofd|verkocht|données|vie privée|promis|vendu|vendues"""
)
# What is being answered: a review, a complaint, critical coverage.
CRITICISM = phrase_pattern(
    """review|reviews|1-star|one-star|complaint|complaints|criticism|bad press
    |trustpilot|glassdoor|kununu
    |anmeldelse|anmeldelsen|klage|klagen|kritik|kritikken
    |bewertung|beschwerde|deine bewertung
    |recension|recensionen|omdöme|klagomål|kritiken
    |accused us|accusing us
    |accuses us|negative comment|negative comments|bad review|beskylder os|beskyldte os
    |beschuldigt uns|vorwürfe|anklagar oss|beskyller oss|beskylder oss|anklager oss
    |recensie|recensies|beoordeling|klacht|klachten|kritiek|negatieve reactie|negatieve review
    |beschuldigt ons|beschuldigen ons|your review|bashing|hit job|haters|trolls|kritiseret
    |kritisiert|kritiserat|kritisert|bekritiseerd|critique|critiqué|critiquée
    |avis négatif|avis négatifs|plainte|plaintes|réclamation|commentaire négatif
    |nous accuse|nous accusent|sviner os til|sviner os|svine os til|trash-talking|talking trash
    |badmouthing|bad-mouthing|slagging us off|hating on us|schimpfen über uns|hetzen gegen uns
    |snakker dritt om oss|kaster dritt|talar skit om oss|afkraken|cracher sur nous
    |reseña|reseñas|tu reseña|queja|quejas|tu queja|las críticas|comentario negativo
    |comentarios negativos|una estrella|mala valoración|nos acusa|nos acusan
    |avaliação|avaliações|reclamação|reclamações|as críticas|comentário negativo|uma estrela
    |nos acusam
    |recensione|recensioni|reclamo|reclami|lamentela|lamentele|le critiche|commento negativo
    |una stella|ci accusa|ci accusano
    |recenzja|recenzji|recenzję|skarga|skargę|skargi|krytyka|krytykę|negatywny komentarz
    |jedną gwiazdkę|jedna gwiazdka|oskarża nas
    |arvostelu|arvostelun|arvostelussa|arvosteluun|arvostelusta|arvosteluihin
    |valitus|valituksen|kritiikki|kritiikkiä|yhden tähden
    |negatiivinen kommentti|syyttää meitä
    |recenze|recenzi|stížnost|stížnosti|kritika|kritiku|jednu hvězdičku|negativní komentář
    |obviňuje nás
    |şikayet|şikayetiniz|şikayetinizi|şikayetinize|eleştiri|eleştiriler|olumsuz yorum|tek yıldız
    |bir yıldız|entrynizi|yorumunuzu|yorumunuza|yorumlarınızı
    |ulasan|ulasan ibu|ulasan bapak|keluhan|komplain|komplainnya|komentar negatif
    |bintang satu|review jelek
    |recenzie|recenzia|recenzii|recenziile|recenzia ta|plângere|plângeri|plângerea|reclamație
    |reclamații|criticile|comentariu negativ|comentarii negative|o stea|o singură stea|ne acuză
    |відгук|відгуку|відгуки|відгуків|скарга|скарги|скаргу|критика|критику|негативний коментар
    |негативні коментарі|одну зірку|одна зірка|звинувачує нас|звинувачують нас
    |one star|1 star|gave us one|nous critiquer|your frustration|votre frustration|ta frustration
    |sua frustrazione|tua frustrazione|ihren ärger|ihren frust|deinen ärger|deinen frust
    |tu frustración|su frustración|sua frustração|din frustration|jouw frustratie|uw frustratie
    |twoją frustrację|pańską frustrację|turhautumisesi|vaši frustraci|malalamiko|mnalalamika
    |wanalalamika|analalamika|unalalamika|kutuchafua|wanatuchafua|mnatuchafua|nyota moja
    |κριτική|κριτικές|την αξιολόγησή σας|παράπονο|παράπονα|καταγγελία|ένα αστέρι|αρνητικά σχόλια
    |αρνητικό σχόλιο|μας κατηγορεί|μας κατηγορούν|μας κατηγόρησε|μας κράζουν
    |shikayat|shikayatein|bura review|kharab review|1 star diya|ek star|ilzaam|badnaam"""
)
# "Someone wrote that we…", "skrev at vi «svindler kundene»": what they said of the company.
_SAID_OF_US = re.compile(
    r"(?<!\w)(?:wrote|writes|said|says|claimed|claims|skrev|skriver|sagde|siger|sa|sier|påstod"
    r"|påstår|schrieb|schreibt|behauptet\w*|sagte|sagt|schreef|schrijft|zei|zegt|beweerde|beweert"
    r"|a écrit|écrit|dit|prétend\w*|escribió|escribe|dijo|dice|afirma|escreveu|disse|diz"
    r"|ha scritto|scrive|dice|sostiene|napisał\w*|pisze|twierdzi|kirjoitti|kirjoittaa|väittää"
    r"|napsal\w*|píše|tvrdí|called|calls|calling|llamó|llama|llaman|nazwał\w*|nazywa\w*|noemde"
    r"|noemt|noemen|nannte|nennt|kaldte|kalder|kallade|kallar|kalte|kaller|appelle|appelé\w*"
    r"|chamou|chama|chiama\w*|nazval\w*|nazývá|kutsui|kutsuu|a scris|scrie|spune|a spus|susține"
    r"|pretinde|пише|написав|написала|каже|сказав|сказала|стверджує|заявляє"
    r"|wanaosema|wanasema|anasema|alisema|aliandika|wameandika|wanadai|anadai|mnasema"
    r"|γράφει|έγραψε|λέει|είπε|λένε|γράφουν|ισχυρίζεται|ισχυρίστηκε|ισχυρίζονται)"
    # A comma may stand before what was said ("behauptet, unsere…", "пише, що наш…").
    r",?\s+(?:\S+\s+){0,3}?(?:that|at|att|dass|dat|que|qu['\u2019]|che|że|että|že|că|що|ότι|πως)?,?"
    r"\s*(?:we|vi|wir|wij|nous|our|vores|vår\w*|unser\w*|onze|notre|nos|nuestr\w*|somos"
    r"|nosso\w*|nossa\w*|noi|nostr\w*|siamo|nasz\w*|jesteśmy|meidän|olemme|náš|naše|naši|jsme"
    # Or the company's people: "skrev att personalen var otrevlig".
    r"|the staff|the crew|personalen"
    r"|personalet|besättningen|mannskapet|das personal|die crew|het personeel|de bemanning"
    r"|le personnel|l['\u2019]équipage|el personal|la tripulación|henkilökunta|miehistö"
    r"|noi|nostr\w*|noastr\w*|noștri|suntem|ми|наш\w*"
    # Swahili says "our" after the noun: "madereva wetu", "kampuni yetu".
    r"|wetu|yetu|letu|zetu|sisi|μας|εμείς)"
    r"(?!\w)",
    re.IGNORECASE,
)
# What the company was called: "the guy who called us 'the worst ferry company'", "kallade oss".
_CALLED_US = re.compile(
    r"(?<!\w)(?:(?:call(?:ed|s|ing)|kald(?:te|er)|kalla(?:de|r)|kal(?:te|ler)|nannte|nennt"
    r"|noem(?:de|t|en))\s+(?:us|os|oss|uns|ons)|nous (?:a|ont) (?:traités?|appelés?)"
    r"|nos (?:llamó|llaman|llamaron|llama)|ci (?:ha|hanno) chiamat[oi]|nazwał\w* nas"
    r"|kutsui meitä|nás nazval\w*)(?!\w)",
    re.IGNORECASE,
)
# Complaints about the company's own things ("those complaining about our prices").
_COMPLAINED = re.compile(
    r"(?<!\w)(?:complain\w*|klage[rn]?|klagar|beschwer\w*|klagen|klaagt|klagen|se plai\w+|râle\w*"
    r"|brokker|se queja\w*|quejándose|reclama\w*|si lamenta\w*|narzeka\w*|valitta\w*"
    r"|stěžuj\w*)"
    r"\s+(?:about|over|på|över|über|de|sur|di|na|z|kvůli|del|da)\s+(?:our|vores|vor|unser\w*"
    r"|vår\w*|onze|ons|nos|notre|nuestr\w*|noss\w*|nostr\w*|nasz\w*|meidän|naš\w*)"
    r"(?!\w)",
    re.IGNORECASE,
)
# Where something was said: criticism only with a pushback or the company named ("to everyone
# who came: that video of us dancing is hilarious" thanks; "critiques" are reviews as often).
MEDIUM = phrase_pattern(
    """that article|the article|your article|your piece|your comment|your post|your tweet|artiklen
    |din kommentar
    |dit opslag|artikel|dein kommentar|artikeln|ditt inlägg|artikkelen|kommentaren din
    |innlegget ditt|je reactie|jouw reactie|uw reactie|je bericht|je tweet|dat artikel
    |het artikel|that thread|your thread|that blog post|your blog post|your video|that video
    |rant|votre avis|ton avis|cet avis|l'avis|votre commentaire|ton commentaire|votre message
    |ton message|cet article|l'article|critiques|hot take|hot takes|your hot take
    |comment section|comments section|the comments under|the comments below|in the comments
    |in den kommentaren|in de reacties|dans les commentaires|en los comentarios|nos comentários
    |nei commenti|w komentarzach|i kommentarerne|i kommentarerna|i kommentarene|v komentářích
    |kommenteissa|kommentarfeltet
    |kommentarfelt|kommentarsporet|kommentarspalte|kommentarspalten|kommentarsfältet
    |kommentarsfält|reactiesectie|onder het artikel|section commentaires
    |this thread|in the thread|i tråden|im thread|in de thread|o artigo|esse artigo|este artigo
    |el artículo|ese artículo|este artículo|l'articolo|quell'articolo|artykuł|artykule|artykułu
    |wątek|wątku|artikkeli|artikkelin|artikkelissa|článek|článku|vlákno|vlákně
    |bu başlıkta|başlıkta|bu başlık|haberde|habere|haberi|gönderimizin altına|yorumlarda
    |yorumları|yorumlarını|makalede|makalenizde
    |thread ini|di thread|artikelnya|kolom komentar|di komentar|postingan kami|di story
    |articolul|acest articol|în comentarii|la comentarii|статті|статтю|цій статті
    |у коментарях|в коментарях|цей допис|ваш допис|this video|this clip|your clip|that clip
    |the piece|that piece|this piece|habari ya|habari hiyo|makala|kwenye group|ile video
    |video hiyo|kwenye maoni|kwenye thread|το άρθρο|στο άρθρο|το δημοσίευμα|στο δημοσίευμα
    |στα σχόλια|την ανάρτηση|στην ανάρτηση"""  # noqa: RUF001
)
# A comment under a post or a piece: "the comments under this Børsen piece", "Kommentar unter
# unserem Beitrag", "kommentarerne under TV2's artikel", "sviner os til under TV2's artikel".
_UNDER_A_POST = re.compile(
    r"(?<!\w)(?:comments?|kommentar\w*|reacties?|reactie|commentaires?)\s+(?:under|below|on|unter"
    r"|onder|sous|på)\s+(?:\S+\s+){0,3}?(?:post|piece|article|thread|tweet|video|beitrag|artikel"
    r"|artikkel|artikeln|opslag|inlägg|innlegg|bericht|artikel|publication|vidéo)\w*(?!\w)"
    r"|(?<!\w)(?:under|unter|onder|sous)\s+\S+['\u2019]?s?\s+(?:artikel|article|artikkel|post"
    r"|beitrag|opslag|video|tråd|thread)\w*(?!\w)",
    re.IGNORECASE,
)
# How a reply to it starts.
ANSWERING = phrase_pattern(
    """replying to|reply to|in reply to|response to|responding to|to everyone sharing
    |to all sharing|to the person who|to whoever wrote|to those sharing|to the journalist
    |to the reporter|til journalisten|an den journalisten|an die journalistin|till journalisten
    |svar til|som svar på
    |til alle der deler|til jer der deler|til dig der|til den der skrev|zu der|zu dem
    |antwort auf|an alle, die|an die person, die|till alla som delar|till dig som|svar till
    |til alle som deler|til deg som
    |to the guy who|to the people who|to everyone who|to whoever|to all the people
    |regarding your|to all the haters|to the haters|to the trolls|til alle haterne|an alle hater
    |aan alle haters|à tous les haters|à tous les rageux
    |reactie op|als reactie op|in reactie op|antwoord op|aan iedereen die|aan de persoon die
    |aan degene die|aan wie|aan de journalist|aan de schrijver
    |en réponse à|réponse à|pour répondre à|à ceux qui|à celles et ceux qui|à la personne qui
    |à tous ceux qui|au journaliste|à la journaliste|à l'auteur|naar aanleiding van
    |in response to|med anledning af|med anledning av|suite aux|en réaction à
    |en respuesta a|respondiendo a|sobre la reseña|em resposta a|respondendo a|in risposta a
    |rispondendo a|w odpowiedzi na|odpowiadając na|vastauksena|vastaus tähän|vastaus tuohon
    |vastaus siihen|v reakci na
    |odpověď na|reakce na|antwort an|respond to this
    |yazanlara|diyenlere|atanlara|atan hesaplara|yazan hesaplara|paylaşanlara|iddia edenlere
    |yazan değerli|diyen abla|diyen abi|diyen arkadaş|cevaben|yanıt olarak|sayın yazar
    |menanggapi|untuk yang bilang|buat yang bilang|buat yang di|untuk yang di|yang komen
    |yang berkomentar|untuk bapak yang|untuk ibu yang|buat mbak|buat mas|buat kakak yang
    |kepada yang|answer this|responder a este|responder a esta
    |responder a ese|responder a esa|contestar a este|contestar a esta|odpowiedzieć na ten
    |odpowiedzieć na tę|odpowiem na|reageren op dit|reageren op deze|reageren op die
    |ca răspuns la|răspuns la|celor care|pentru cei care|către cei care|celui care|celei care
    |pentru cel care|pentru cea care|pentru cei ce|pentru cel ce|către cel care|către cea care
    |для того, хто|для тих хто|для того хто|до тих, хто|до того, хто|тій, хто
    |у відповідь на|відповідь на|тим, хто|тим хто|для тих, хто|усім, хто|всім, хто|тому, хто
    |replying under|replying here|answering under|stitching this|stitching the
    |kwa wale|kwa yule|kwa wote wanaosema|kwa wanaosema|kwa aliyeandika|kwa mliosema
    |σε όσους|για όσους λένε|απάντηση σε|απάντηση στο|απάντηση στην|απαντώντας σε|απαντώντας στο
    |στον κύριο που|στην κυρία που|σε αυτούς που|σε όποιον|όποιος λέει|όποιος γράφει
    |jo log keh rahe|jo log bol rahe|jo bol rahe hain|jo keh rahe hain|jinhone likha|jisne likha
    |un logon ko jo|un sabko jo|aapne likha|aap ne likha|tumne likha"""  # noqa: RUF001
)
# Answering a complaint kindly is still answering it ("even to defend the company").
APOLOGY = phrase_pattern(
    """sorry to hear|sorry for the trouble|sorry about your|we apologise|we apologize
    |we're sorry|we are sorry|ked af at høre|det er vi kede af|beklager ulejligheden
    |beklager oplevelsen|beklager problemet|beklager at høre|beklager det du|tut uns leid
    |entschuldigen sie|wir entschuldigen uns|tråkigt att höra|vi ber om ursäkt|leit å høre
    |vi beklager|apologies for|our apologies|sorry about the|sorry for the|so sorry
    |undskyld for|undskyld ulejligheden|es tut uns leid|entschuldigung für|förlåt för
    |ursäkta besväret|beklager bryderiet
    |sorry voor|excuses voor|onze excuses|het spijt ons|vervelend om te horen|wij bieden excuses
    |we bieden excuses|désolé pour|désolée pour|désolés pour|nous sommes désolés|navrés
    |nous nous excusons|toutes nos excuses|veuillez nous excuser|excusez-nous
    |siento mucho|lo siento|lo sentimos|lamento|lamentamos|disculpa|disculpas|perdón por
    |disculpen las molestias|sinto muito|desculpe|desculpa|pedimos desculpa|pedimos desculpas
    |mi dispiace|ci dispiace|ci scusiamo|mi scuso|scusate|przykro mi|mi przykro|przepraszam
    |przepraszamy|pahoittelen|pahoittelemme|olen pahoillani|olemme pahoillamme|omlouvám se
    |omlouváme se|je mi líto|mrzí mě|mrzí nás
    |özür dilerim|özür dileriz|kusura bakmayın|mohon maaf|minta maaf|maaf atas
    |i'm sorry|i am sorry|i'm so sorry|really sorry|truly sorry|es tut mir leid|tut mir leid
    |tut mir sehr leid|je suis désolé|je suis désolée|het spijt me|pole sana|samahani
    |tunaomba radhi|naomba radhi|tunasikitika|ninasikitika|λυπάμαι|λυπούμαστε|ζητώ συγγνώμη
    |ζητούμε συγγνώμη|ζητάμε συγγνώμη|συγγνώμη για|죄송합니다|죄송해요|사과드립니다|사과 드립니다
    |maafi chahte|maafi chahta|maafi chahti|maaf kijiye|maaf karein|khed hai"""  # noqa: RUF001
)
# Sorry for one's own absence or lateness ("So sorry I missed the meetup!", "Undskyld jeg kom
# for sent", "Désolé de ne pas avoir pu venir"): no apology to a customer.
_OWN_ABSENCE = re.compile(
    r"(?<!\w)(?:sorry,?\s+(?:that\s+)?(?:i|we)\s+(?:missed|miss|couldn['\u2019]t|could not"
    r"|can['\u2019]t|cannot|won['\u2019]t|wasn['\u2019]t|weren['\u2019]t|didn['\u2019]t make"
    r"|had to miss|forgot|['\u2019]m late|am late|['\u2019]re late|are late|was late|were late)"
    r"|sorry (?:to miss|for missing|to have missed|for being late|i['\u2019]m late)"
    r"|(?:undskyld|beklager|ked af),?\s+(?:at\s+)?(?:jeg|vi)\s+(?:missede|gik glip|ikke kunne"
    r"|ikke kan|kom for sent|glemte)"
    r"|(?:tut mir leid|sorry|entschuldigung),?\s+dass\s+(?:ich|wir)\s+(?:\w+\s+){0,3}?"
    r"(?:verpasst|nicht|zu spät|vergessen)"
    r"|(?:förlåt|ledsen|sorry),?\s+(?:att\s+)?(?:jag|vi)\s+(?:missade|inte kunde|kom sent|glömde)"
    r"|(?:beklager|lei meg|sorry),?\s+(?:for\s+)?(?:at\s+)?(?:jeg|vi)\s+(?:gikk glipp|ikke kunne"
    r"|kom sent|glemte)"
    r"|sorry,?\s+dat\s+(?:ik|we)\s+(?:\w+\s+){0,3}?(?:gemist|miste|niet kon|te laat|vergeten)"
    r"|désolée?s?\s+(?:d['\u2019]avoir (?:raté|manqué|oublié)|de ne pas (?:avoir pu|pouvoir)"
    r"|d['\u2019]être en retard|pour le retard))",
    re.IGNORECASE,
)
# Taking a complaint to a private message: how a company's support answers one.
TO_US_PRIVATELY = phrase_pattern(
    """dm us|send us a dm|drop us a dm|send us a message|send us a private message|message us
    |pm us|inbox us|contact us directly|reach out to us|get in touch with us|email us
    |skriv til os|send os en besked|send os en privat besked|kontakt os|skriv en pb
    |schreib uns|schreiben sie uns|kontaktieren sie uns|als direktnachricht
    |skriv till oss|skicka ett dm|kontakta oss|dm:a oss|send oss en melding|kontakt oss
    |stuur ons|dm ons|neem contact met ons op|mail ons|bel ons
    |envoyez-nous|écrivez-nous|contactez-nous|en message privé|par message privé
    |dm me|send me a dm|message me|pm me|skriv til mig|send mig en besked|schreib mir
    |skriv till mig|skriv til meg|stuur me|stuur mij|écrivez-moi|envoyez-moi
    |escríbeme|escríbenos|por privado|por mensaje privado|mensaje directo|contáctanos
    |contacta conmigo|envíame|envíanos|manda-me|envie-nos|envia-me|mensagem privada
    |fala comigo|contacte-nos|scrivimi|scriveteci|scrivici|in privato|messaggio privato
    |contattaci|contattami|napisz do mnie|napisz do nas|napisać do mnie|prywatnie
    |prywatną wiadomość|wiadomość prywatną|skontaktuj się|yksityisviesti|yksityisviestillä
    |yksityisviestiä|laita minulle viestiä|napište mi|napiš mi|napište nám|soukromou zprávu
    |soukromě|ozvěte se mi|mándame|mándanos|mandame|in een dm|per dm|via dm|in a dm|by dm
    |via pm|en dm|en mp|por dm|por md|na priv|na privie|w prywatnej wiadomości
    |bana dm|dm atın|dm atarsanız|özelden yazın|özelden|dm saya|japri saya|inbox kami
    |hubungi kami|per direktnachricht|kwa dm|kwa inbox|in private|privately|στείλτε μου μήνυμα
    |στείλτε μας μήνυμα|στείλε μου μήνυμα|σε προσωπικό μήνυμα|με προσωπικό μήνυμα|στα προσωπικά
    |dm 주세요|메시지 주세요|쪽지 주세요|연락 주세요|dm karein|dm kijiye|dm karo|inbox karein
    |inbox karo|message karein|message kijiye|mujhe dm"""
)
# What customers complain about to a company's support.
SERVICE = phrase_pattern(
    """order|invoice|bill|delivery|refund|login|log in|outage|your account|your experience
    |support ticket|your ticket|ordre|bestilling|faktura|levering|tilbagebetaling
    |bestellung|rechnung|lieferung|erstattung|beställning|leverans|återbetaling
    |bestelling|factuur|terugbetaling|je account|uw account|je ervaring|uw ervaring
    |commande|facture|livraison|remboursement|votre compte|votre expérience
    |pedido|factura|entrega|reembolso|encomenda|fatura|ordine|fattura|consegna|rimborso
    |zamówienie|zamówienia|dostawa|dostawy|przesyłka|przesyłki|zwrot|tilaus|tilauksen
    |lasku|toimitus|toimituksen|objednávka|objednávky|dodávka|zásilka|zásilky|vrácení
    |parcel|package|shipment|waybill|tracking number|colis|numéro de suivi|sendung|sendungsnummer
    |pakke|pakken|paket|paketet|pakket|pakketje|paquete|pacote|pacco|paczka|paczki|paketti
    |balík|kargo|kargonuz|colet|coletul|посилка|посилку|kifurushi|mzigo|παραγγελία|κράτηση
    |εισιτήριο|επιστροφή χρημάτων|δέμα|주문|예약|환불|배송|택배"""
)
# What a support desk apologises for: the trouble a customer had, not a late invite or noise.
INCONVENIENCE = phrase_pattern(
    """inconvenience|the trouble|trouble with|issues with|problems with|bad experience|ulejlighed
    |ulejligheden|besvær|besværet|bryderiet|problemet|unannehmlichkeiten|olägenhet|besväret
    |ulempe|ulempen|ongemak|ongemakken|vervelende ervaring|gêne|désagrément|désagréments
    |went offline|went down|stopped working|not working|isn't working|doesn't work|broke down
    |crash|crashes|crashing|keeps crashing|crashed|error|errors|bug|bugs|broken|kaputt|absturz
    |stürzt ab|abstürzt|fehler|kraschar|kraschade|krasjer|crasht|plante|bloqueo|se cuelga
    |se bloquea|no funciona|não funciona|trava|si blocca|non funziona|nie działa|zawiesza się
    |wysypuje się|kaatuu|ei toimi|padá|nefunguje|ne se lance pas|ne démarre pas
    |virker ikke|gik ned|holdt op med at virke|funktioniert nicht|ausgefallen|fungerar inte|gick ner
    |fungerer ikke|gikk ned|werkt niet|viel uit|ne marche pas|ne fonctionne pas|en panne"""
)
# The customer's own order, invoice or login ("your order"), not a grill's delivery.
# Japanese writes no spaces between words and Korean glues its particles to them: their forms
# are found anywhere in a run of letters. A denial ("事実と違う", "誤解しないで", "デマ",
# "사실이 아닙니다", "사실무근"), criticism (a review, one star, being slated: "口コミ", "星1",
# "叩かれ", "악플", "별점 1점"), where it was said ("記事", "コメント欄", "기사", "댓글") and who is
# answered, by what they did ("…と書いている方へ", "…をつけた方へ", "…라고 하신 분께").
_GLUED_DENIAL = re.compile(
    "事実と(?:は)?(?:違|異な)|事実ではな|事実ではありません|誤解(?:しないで|です|され|を招)|デマ"
    "|嘘を|嘘です|嘘つき|根拠のな|根拠がな|間違っています|間違いです|そんなことはな"
    "|そんなことはありません|でたらめ|フェイクニュース"
    "|사실이 아닙|사실이 아니|사실과 다릅|사실과 달라|사실무근|허위 사실|허위사실|가짜 ?뉴스|거짓말"
    "|왜곡|근거 ?없는|오해하지 마|저희 잘못이 아|잘못 알고 계"
)
_GLUED_CRITICISM = re.compile(
    "口コミ|星1|星１|星ひとつ|星一つ|低評価|批判|叩かれ|炎上|苦情|クレーム|悪評|酷評"
    "|악플|별점 ?1|별점 ?한 ?개|별 ?하나|불만|항의|비난|비판|혹평|악평|악성 ?리뷰|저격"
)
_GLUED_MEDIUM = re.compile("記事|コメント欄|スレッド|기사|댓글|게시글|리뷰|후기")
_GLUED_ADDRESSED = re.compile(
    r"(?:方|人|人たち|皆さん|皆様|みなさん)へ(?=[。、\uff1a:\uff01!\s]|$)"
    r"|(?:하신|남기신|다신|쓰신|작성하신|올리신|주신|말씀하신) ?분(?:께|들께|들에게|에게|들)"
)
_YOUR = r"(?:your|din|dit|dine|dein\w*|ihre?|je|jouw|uw|votre|vos|ton|ta|tes|ditt|deg)"
# Said to someone: their handle first, perhaps after a greeting ("Kære @techgrump").
_GREETING = (
    r"(?i:dear|hi|hey|hello|kære|hej|hallo|liebe|lieber|hallå|kjære|beste|geachte|hoi|cher|chère"
    r"|salut|bonjour|estimad[oa]|querid[oa]|hola|buenas|drog[ia]|szanown[ya]|cześć|witam|car[oa]"
    r"|olá|prezad[oa]|gentile|ciao|mil[ýá]|vážen[ýá]|ahoj|hei|hyvä|moi|αγαπητέ|αγαπητή"
    r"|καλησπέρα|καλημέρα|γεια σας|γεια σου"  # noqa: RUF001
    # Or contradicted by name: "Nej Janne, …", "No Mark, …".
    r"|no|nej|nei|nee|nein|non|ei|ne)"
)
_MENTION = re.compile(
    rf"^\s*(?:{_GREETING}\s+)?@\w+"
    # Or by their name after a greeting: "Hej Johan,", "Beste meneer De Vries,".
    rf"|^\s*{_GREETING}\s+(?:(?i:mr|mrs|ms|meneer|mevrouw|herr|frau|hr|fru|monsieur|madame"
    r"|señor|señora|sr|sra|pan|pani|panie|senhor|senhora|signor|signora|pane|paní|κύριε|κυρία)"
    r"\.?\s+)?"
    r"(?:[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃČŘŠŽΆ-Ω][\w-]*\s+){0,2}[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃČŘŠŽΆ-Ω][\w-]*,"
    # Or by what they are to the company: "Dear reviewer,", "Estimado cliente:", "Drogi
    # recenzencie,", "Beste klant,".
    rf"|^\s*{_GREETING}\s+(?i:reviewer|critic|customer|client|commenter|user|author|sir|madam"
    r"|recenzen\w*|klienci\w*|kliencie|klient|cliente|usuari[oa]|crític[oa]|autor\w*"
    r"|użytkowni\w*|gebruiker|klant|recensent|schrijver|kunde|kund|rezensent\w*|critique"
    r"|utilisat\w*|utente|recensore|zákazník\w*|asiakas)[,:!]",
)
# Said to a critic: complaining, or writing somewhere public ("who wrote on Facebook").
_COMPLAIN = (
    r"(?:complain\w*|moaning|whining|piling on|piling into|dogpiling|ganging up on|brokke\w*"
    r"|klage[rn]?|klagar|gnäll\w*|beschwer\w*|meckern\w*"
    r"|klaagt|klagen|zeur\w*|se plai\w+|râle\w*|se queja\w*|quejándose|reclama\w*|queix\w*"
    r"|si lamenta\w*|narzeka\w*|valitta\w*|stěžuj\w*|accus\w*|beschuldig\w*|anklag\w*"
    r"|beskyld\w*|beskyll\w*|acus[ae]\w*|oskarż\w*|syyt\w*|obviň\w*"
    # Whining, crying over it, review-bombing: complaining said with scorn.
    r"|review-?bomb\w*|crying (?:about|over)|jammer\w*|huil\w*|jank\w*|pleurnich\w*"
    r"|lloriquea\w*|piagnucol\w*|płacz\w*|brečí\w*|ulise\w*|yelling|ranting|\w*lalamik\w*)(?!\w)"
)
# Said to a group of critics or to one by their handle, by who they are or what they say: "To
# everyone on Reddit saying…", "Till alla som klagar…", "Re: the post…", "à @marc qui raconte…".
_GAP = r"(?:,? [\w-]+){0,5}?,?"
_ADDRESSED = re.compile(
    r"^\s*re\b:?|(?<!\w)(?:to (?:everyone|everybody|all(?: of)?(?: you| the)?|those|the people"
    rf"|anyone){_GAP} (?:saying|claiming|complaining|calling|spreading|posting"
    rf"|writing|who|{_COMPLAIN})"
    rf"|til (?:alle|jer|dem|dig|dere|deg){_GAP} (?:der|som)"
    rf"|till (?:alla|er|dem|dig){_GAP} som"
    rf"|an (?:alle|euch|diejenigen){_GAP} (?:die|der)"
    rf"|aan (?:iedereen|allen|degenen|jullie|wie){_GAP} die"
    rf"|(?:à|pour) (?:tous|toutes|ceux|celles){_GAP} qui"
    # "Al señor que se queja…", "A quem escreveu…", "A chi scrive…", "Do osoby, która…",
    # "Sille, joka kirjoitti…", "Všem, kteří…".
    rf"|(?:a|al|alla|allo|ai|agli|alle|para|ao|à|aos|às) (?:todos|todas|los|las|quien|quienes"
    rf"|aquellos|señor|señora"
    rf"|quem|os|as|aqueles|senhor|senhora|chi|tutti|tutte|quelli|quelle|coloro|signore|signora)"
    rf"{_GAP} (?:que|che|quem|chi)"
    rf"|do (?:wszystkich|osoby|osób|tych|pana|pani|tego|tej|ciebie|autora|autorki){_GAP}"
    r" (?:która|który|którzy|które|co)"
    rf"|(?:sille|niille|kaikille|hänelle|teille){_GAP} (?:joka|jotka)"
    rf"|(?:všem|tomu|těm|té|pánovi|paní|autorovi){_GAP} (?:kdo|kteří|který|která|co)"
    r"|(?:to|til|till|an|aan|à|a|do|pentru|către|для|до) @\w+,? (?:who|der|som|die|qui|que|che"
    r"|który|która|kdo|care|хто|який|яка)"
    # Turkish: the one who did it, by a participle ("…yazan müşterimize:", "…açan arkadaş:").
    r"|(?<!\w)\w+[ye]?(?:an|en)\s+(?:arkadaş\w*|kişi\w*|müşteri\w*|kullanıcı\w*|abla|abi|hesap\w*)"
    r"[:,]"
    # One critic, opening the draft by who they are and what they say: "To the guy on Reddit
    # calling our…", "Til konkurrenten der kalder vores…", "An den Herrn, der behauptet…".
    rf"|^\s*(?:to the (?:guy|man|woman|lady|gentleman|person|user|customer|reviewer|commenter"
    rf"|troll|critic|competitor|one)|til (?:ham|hende|den|\w+(?:en|et))"
    rf"|till (?:han|henne|den|\w+(?:en|et))|an (?:den|die) \w+|aan (?:de|het) \w+"
    rf"|(?:à la|au) \w+){_GAP} (?:saying|claiming|calling|writing|who|der|som|die|dat|qui)"
    # Or who they are by what they say, first in a sentence: "Whoever wrote that…", "Wer hier
    # im Thread behauptet…", "Chi dice che…", "Quem diz que…", "Cine spune că…", "Хто пише…"
    # (not "Those who said hello…": a group is thanked as often).
    r"|(?:^|[.!?]\s+)(?:whoever|wer|wie|quien|chi|quem|kto|kdo|cine|хто)"
    r"(?: [\w-]+){0,4}? (?:says?|said|claims?|claimed|writes?|wrote|thinks?|calls?|called"
    r"|behauptet|schreibt|sagt|meint|beweert|zegt|schrijft|påstår|skriver|säger|siger|sier"
    r"|disent|dit|écrit|prétend\w*|dice|dicen|escribe|escriben|scrive|sostiene|diz|escreve"
    r"|twierdzi|twierdzą|pisze|piszą|mówi|tvrdí|píše|říká|spune|scrie|susține|пише|каже"
    r"|стверджує))(?!\w)",
    re.IGNORECASE | re.MULTILINE,
)
# Having seen what others say about it: "I see the thread saying…", "Lots of noise about…",
# "Ser at der er sure anmeldelser…", "Jag har sett kritiken…"; the words after it say whether
# it is criticism itself (group 1) or only talk (group 2).
_NOTICED = re.compile(
    r"(?<!\w)(?:i see|i saw|^saw|just saw|i['\u2019]ve seen|i have seen|seeing|lots of|a lot of"
    r"|so much|ser at|ser att"
    r"|så at|jeg har set|jeg har sett|jeg ser|jag ser|jag har sett|såg att|ich sehe|ich habe"
    r"|hab gesehen|viel|ik zie|ik heb|veel|je vois|j['\u2019]ai vu|beaucoup de)(?!\w)"
    r"[^.!?\n]{0,80}?(?<!\w)(?:(criticism|complaints?|noise|outrage|backlash|drama|kritik\w*"
    r"|klager|brok|klagomål|beschwerden|aufregung|kritiek|klachten|ophef|critiques?|plaintes"
    r"|polémique|(?:bad|negative|angry|sour|dårlige|negative|sure|vrede|schlechte|negative"
    r"|dåliga|arga|sura|slechte|boze|negatieve|mauvais) (?:reviews|anmeldelser|bewertungen"
    r"|recensioner|recensies|avis))|(thread|posts?|comments?|tweets?|reviews|saying|claiming"
    r"|writes|writing|skriver|kommentarer|opslag|tråd|tråden|inlägg|anmeldelser|bewertungen"
    r"|recensioner|recensies|schreibt|kommentare|beiträge|reacties|schrijft|commentaires"
    r"|écrit))(?!\w)",
    re.IGNORECASE,
)
# Then putting it right oneself: "let me set the record straight", "vil bare sige at…", "that's
# just not my experience", "since no one else answers, I will".
CLARIFYING = phrase_pattern(
    """set the record straight|for the record|just to be clear|let me be clear|let me clarify
    |to clarify|not my experience|since no one else|since nobody else|someone has to
    |as one of the|vil bare sige|ville bare sige|for en god ordens skyld|ikke min oplevelse
    |ikke min erfaring|da ingen andre|siden ingen andre|inte min upplevelse|eftersom ingen annan
    |vill bara säga|zur klarstellung|um das klarzustellen|nicht meine erfahrung|ich will nur sagen
    |da sonst niemand|voor de duidelijkheid|niet mijn ervaring|ik wil alleen zeggen
    |omdat niemand anders|pour être clair|pour rétablir la vérité|mettons les choses au clair
    |pas mon expérience|je tiens à préciser|puisque personne d'autre|as someone who works
    |as someone who worked|als jemand, der dort arbeitet|comme quelqu'un qui travaille"""
)
# "…, Carmen 😔", "…, Panie Tomaszu.": the customer named at the end of a clause.
_VOCATIVE = re.compile(
    r",\s+(?:(?:Mr|Mrs|Ms|Pan|Pani|Panie|Señor|Señora|Sr|Sra|Senhor|Senhora|Signor|Signora|Herr"
    r"|Frau|pane|paní)\.?\s+)?[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃČŘŠŽ][^\W\d_]+"
    r"(?=\s*(?:[.!?\n]|[\u2600-\u27bf\U0001f300-\U0001faff]|$))"
)
# Sorrow shown, not said: "…, Mette 😔".
_SAD = re.compile("[\U0001f614\U0001f61e\U0001f641\u2639\U0001f61f\U0001f622\U0001f625\U0001f615]")
# Someone who speaks for the company as one who knows it from inside ("Clarivida employee here",
# "Trabalho lá", "I helped build it", "Ik heb het systeem zelf ontworpen").
INSIDER = re.compile(
    r"(?<!\w)(?:employee|staff|dev|developer|engineer|insider|ex-employee) here"
    r"|(?<!\w)(?:i work there|i work here|i worked there|i was there|i've worked there"
    r"|jeg arbejder der|jeg arbejder her|jeg var der|ich arbeite dort|ich arbeite da"
    r"|ich arbeite hier|ich war dabei|jag jobbar där|jag jobbar här|jag var där|jeg jobber der"
    r"|jeg jobber her|ik werk daar|ik werk er|ik werk hier|ik was erbij|j['\u2019]y travaille"
    r"|je travaille là|je travaille ici|j['\u2019]y étais|trabajo ahí|trabajo allí|trabajo aquí"
    r"|yo estaba allí|trabalho lá|trabalho aqui|eu estava lá|lavoro lì|lavoro qui|c['\u2019]ero"
    r"|pracuję tu|pracuję tam|pracuję tutaj|byłem tam|byłam tam|olen töissä siellä|olin siellä"
    r"|pracuji tam|pracuji tady|byl jsem tam|byla jsem tam)(?!\w)"
    # Having made the thing oneself: "I helped build it", "ik heb het systeem zelf ontworpen".
    r"|(?<!\w)(?:i (?:helped )?(?:build|built|design|designed|develop|developed|wrote|coded)"
    r"|ik heb (?:\w+ ){0,3}?(?:zelf )?(?:mee )?(?:gebouwd|ontworpen|ontwikkeld|geschreven)"
    r"|jeg har (?:selv )?(?:været med til at )?(?:bygget|designet|udviklet|skrevet)"
    r"|ich habe (?:\w+ ){0,3}?(?:selbst )?(?:mit )?(?:gebaut|entworfen|entwickelt|geschrieben)"
    r"|jag har (?:själv )?(?:varit med och )?(?:byggt|designat|utvecklat|skrivit)"
    r"|j['\u2019]ai (?:\w+ ){0,2}?(?:construit|conçu|développé|écrit))(?!\w)",
    re.IGNORECASE,
)
# The one answering says where they work ("Trabajo en el almacén de Getafe").
WORK_HERE = phrase_pattern(
    """i work|i'm at the|jeg arbejder|ich arbeite|jag jobbar|jag arbetar|jeg jobber|ik werk
    |je travaille|trabajo en|trabalho na|trabalho no|trabalho em|lavoro in|lavoro alla
    |lavoro al|lavoro nel|lavoro nella|lavoro presso|pracuję w|pracuję na|olen töissä
    |työskentelen|pracuji v|pracuju v|pracuji ve|pracuji na|pracuju na|çalışıyorum
    |saya kerja di|saya bekerja di"""
)
_COMPLAINING = re.compile(rf"(?<!\w){_COMPLAIN}", re.IGNORECASE)
_QUOTE = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')
_PLATFORM = re.compile(
    r"(?<![\w@#])(?:facebook|google|twitter|x\.com|trustpilot|reddit|tripadvisor|glassdoor|yelp"
    r"|instagram|tiktok|youtube|linkedin|kununu|threads|mastodon|bluesky)",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"(?<!\w)(?:thank\w*|tak|takk|tack|danke|dank|bedankt|merci|gracias|obrigad\w|grazie|dziękuj\w*"
    r"|kiitos|děkuj\w*|congrat\w*|tillykke|gratul\w*|felicit\w*)(?!\w)",
    re.IGNORECASE,
)
# Someone's words quoted: in straight, curly or angled quotes, or between apostrophes that are
# not an elision's ("isn't 'a disgrace'").
_QUOTED = re.compile(
    r"(?<![\w'\u2019])['\u2018][^'\u2018\u2019\n]{2,60}?['\u2019](?![\w'\u2019])"
    r'|"[^"\n]{2,60}?"|[\u201c\u201e][^\u201c\u201d\u201e\n]{2,60}?[\u201d\u201c]'
    r"|\u00ab[^\u00bb\n]{2,60}?\u00bb|\u00bb[^\u00ab\n]{2,60}?\u00ab"
)
# The company's, in any language ("onze lamp", "naše sklo"): what a quote said to someone is about.
_OURS = re.compile(
    r"(?<!\w)(?:our|onze|ons|unser\w*|vores|vår|vårt|våra|våre|notre|nos|nuestr\w*|noss[ao]s?"
    r"|nostr[aoie]|nasz\w*|meidän|naš\w*|náš)(?!\w)",
    re.IGNORECASE,
)
# A draft that starts by naming what it is about, someone else's review, comment or piece, before
# a colon: "Re the Reddit thread saying…:", "Zu den Bewertungen, dass…:", "Sobre los
# comentarios de ayer:", "Co do opinii na Google:".
_ABOUT_THEIR_WORDS = re.compile(
    r"^\s*(?:re|regarding|about|concerning|as for|on|zu[rm]?|bezüglich|betreffend|wegen|sobre"
    r"|acerca d[aoe]s?|respecto a|respecto de|en cuanto a|con respecto a|over|wat betreft|omtrent"
    r"|quant à|concernant|à propos de|au sujet de|angående|beträffande|vedrørende|vedr\.?|ang\.?"
    r"|odnośnie|co do|w sprawie|jeśli chodzi o|quanto a|riguardo a|in merito a|a proposito d\w*"
    r"|ohledně|k|ke|koskien|em relação a|siihen|tuohon|niihin|noihin|referitor la"
    r"|în legătură cu|cu privire la|legat de|щодо|стосовно|з приводу|відносно)\s"
    r"[^:\n.!?]{0,120}?(?<!\w)(?:threads?|comments?|reviews?|articles?|piece|tweets?|forum"
    r"|stor(?:y|ies)|coverage|reportage|berichterstattung|habari|makala"
    r"|criticism|bewertung\w*|kommentar\w*|rezension\w*|kritik\w*|artikel\w*|reseñas?"
    r"|comentarios?|hilo|artículo|críticas?|opiniones|wpis\w*|komentarz\w*|recenzj\w*|opini\w*"
    r"|artykuł\w*|krytyk\w*|reacties?|recensies?|kritiek|anmeldelse\w*|recension\w*|avis"
    r"|commentaires?|critiques?|comentários?|artigo|recensioni|commenti|articolo|recenze"
    r"|komentář\w*|článek|kritik\w*|arvostelu\w*|kommentti\w*|recenzi\w*|comentari\w*"
    r"|articol\w*|postar\w*|відгук\w*|коментар\w*|статт\w*|допис\w*|огляд\w*)(?!\w)"
    r"[^:\n.!?]{0,100}:",
    re.IGNORECASE,
)
# Those who complain, spoken of: "the people complaining loudest about…", "A quem se queixa…".
_COMPLAINERS = re.compile(
    r"(?<!\w)(?:people|those|folks|everyone|everybody|anyone|whoever|who|folk|leute|mensen|gens"
    r"|gente|persone|ludzie|ihmiset|lidé|die|der|som|que|qui|che|którzy"
    r"|która|który|kteří|kdo|jotka|joka|wer|quem|quien|quienes|degenen|iedereen|ceux|celles)"
    rf"(?:\s+[\w-]+){{0,2}}?\s+{_COMPLAIN}",
    re.IGNORECASE,
)
# Praise or thanks: a reply that says them answers no criticism ("@mia regarding your blog
# post: loved it").
_PRAISE = re.compile(
    r"(?<!\w)(?:lov(?:e|ed|es|ely|ing)|proud|stolz|stolt|trots|fier|fière|orgullos\w*"
    r"|dumn\w*|ylpe\w*|hrd\w*|orgoglios\w*|orgulhos\w*)(?!\w)",
    re.IGNORECASE,
)
# Good words in quoted words: "great product", «świetna aplikacja».
_GOOD = re.compile(
    r"(?<!\w)(?:great|good|best|better|amazing|awesome|excellent|brilliant|fantastic|perfect"
    r"|wonderful|superb|impressive|super|god|godt|bedste|gut|toll|großartig|bra|bäst|goed"
    r"|geweldig|prima|bon|bonne|meilleur\w*|génial\w*|excelente|genial|buen[oa]?|mejor|ótim[oa]"
    r"|bom|boa|ottim[oa]|bell[oa]|miglior\w*|świetn\w*|dobr[aey]|najlepsz\w*|hyvä|loistava"
    r"|mahtava|paras|skvěl\w*|dobr[ýá]|nejlepší)(?!\w)",
    re.IGNORECASE,
)
# The thing said to work or to fail ("la app funciona, solo hay que actualizarla", "aplikacja
# działa", "dass die App ständig abstürzt"), or someone complaining or blaming.
_WORKS_OR_COMPLAINT = re.compile(
    rf"{_COMPLAIN}|(?<!\w)(?:works|working|funciona|funcionan|działa|działają|toimii|funguje"
    r"|fungerer|funktioniert|werkt|fonctionne|funziona|fungerar|virker|läuft|runs|crash\w*"
    r"|abstürz\w*|blam\w*)(?!\w)",
    re.IGNORECASE,
)
# What a customer had of the company besides an order: "votre expérience", "your stay".
_THEIR_VISIT = phrase_pattern(
    """experience|stay|visit|flight|trip|expérience|séjour|vol|erfahrung|aufenthalt|flug
    |ervaring|verblijf|vlucht|oplevelse|ophold|upplevelse|vistelse|opplevelse|opphold
    |experiencia|estancia|vuelo|experiência|estadia|voo|esperienza|soggiorno|volo"""
)
_YOUR_SERVICE = re.compile(
    rf"(?<!\w){_YOUR}\s+(?:[^\W\d_]+\s+)?(?:{SERVICE.pattern}|{_THEIR_VISIT.pattern})",
    re.IGNORECASE,
)
# Scorn said as agreement or praise, first in a sentence ("Oh yes, let's all blame…", "Funny how
# everyone crying about…", "Ah oui, bien sûr, c'est toujours la faute…", "Klar, der … ist
# schuld", "Tabii tabii", "Wah hebat ya", "Eti …", Ukrainian "ну звісно"), or an eye-roll.
_IRONY = re.compile(
    r"(?:^|(?<=[.!?\n])\s*)(?:oh (?:yes|yeah|sure|right|look|great|wow)|yeah,? right|sure,"
    r"|funny how|love how|gotta love|got to love|don['\u2019]t you just love|ja klar|na klar|klar,"
    r"|herrlich,|natürlich,|ah oui|bien sûr,|évidemment,|ja ja|jaja|javel,|jaha,"
    r"|selvfølgelig,|självklart,|claro,|sí, claro|ah sí|certo,|ovviamente,"
    r"|oczywiście,|no jasne|jasně,|no jasně|tietysti,|tabii tabii|tabii canım|ne güzel"
    r"|wah hebat|hebat ya|eti|cum să nu|ну звісно|ну звичайно|аякже|ναι καλά|σιγά|προφανώς,"  # noqa: RUF001
    r"|네네|wah wah|waah|kya baat hai|haan haan|haan bilkul)(?!\w)"
    r"|(?P<emoji>[\U0001f644\U0001f643])"
    # Mock praise after it: "Very fair. Very smart.", "sehr hilfreich", "çok mantıklı, bravo".
    r"|(?<!\w)(?:very (?:fair|smart|helpful|mature)|sehr hilfreich|sehr fair|çok mantıklı"
    r"|logika yang luar biasa|we need the laughs|ça règle tout|ça aide beaucoup|μπράβο σας"
    r"|대단하시네요|대단하십니다)(?!\w)",
    re.IGNORECASE,
)
# Whose fault it is: what sarcasm at critics turns on ("blame the logistics company").
_BLAME = re.compile(
    r"(?<!\w)(?:blam\w*|fault|skyld\w*|skuld\w*|schuld\w*|faute|culpa\w*|colpa|wina|vika"
    r"|suç\w*|vina|вина|вину|lawama|φταί\w*|galti|탓)(?!\w)",
    re.IGNORECASE,
)
# A critic named by what they are and what they do: "Quel giornalista che ci accusa…", "Die
# YouTuber die zegt…", "That reporter who…", "Ce journaliste qui…".
_CRITIC = re.compile(
    r"(?<!\w)(?:that|the|this|quel|quella|questo|ce|cette|der|die|dieser|diese|de|deze|el|ese|esa"
    r"|aquel|o|esse|essa|ten|ta|ta|den|denne|yule|huyo|bu|şu|sa|acel|acea|той|та)\s+"
    r"(?:journalist\w*|reporter\w*|youtuber\w*|blogger\w*|influencer\w*|critic|giornalista"
    r"|journaliste|periodista|jornalista|dziennikar\w*|toimittaja|novinář\w*|gazeteci|muhabir"
    r"|wartawan|jurnalist\w*|журналіст\w*|mwandishi|blogueu\w*|reviewer|recensent|rezensent\w*)"
    r",?\s+(?:who|that|che|qui|der|die|dat|que|który|która|joka|který|která|som|yang|care|який"
    r"|яка|aliye\w*)(?!\w)",
    re.IGNORECASE,
)


def criticism(
    draft: str,
    open_report_keys: frozenset[str],
    section: str,
    language: str = "en",
    company_mentioned: bool = False,
) -> Iterator[Concern]:
    """A concern when `draft` answers criticism, or links a post reported to the team."""
    for link in links_in(_with_schemes(draft)):
        if keys((link,))[0] in open_report_keys:
            start = _find_link(draft, link)
            yield Concern(
                Kind.REPLY_TO_CRITICISM,
                section,
                text_for("reported", language),
                Span.of(draft, start[0], start[1]),
                text_for("fix_reported", language),
                report_link=link,
            )
            return
    praised = _THANKS.search(draft) or _PRAISE.search(draft)
    criticised = (
        CRITICISM.search(draft)
        or _GLUED_CRITICISM.search(draft)
        or _COMPLAINED.search(draft)
        or _SAID_OF_US.search(draft)
        or _CALLED_US.search(draft)
    )
    # Naming their comments or thread answers them only with a complaint, a pushback, an apology
    # or a defence in the draft ("About yesterday's thread: here are the slides" answers nobody).
    their_words = (
        None
        if praised or not (criticised or _disputed(draft))
        else _ABOUT_THEIR_WORDS.search(draft)
    )
    answering = (
        ANSWERING.search(draft)
        or _ADDRESSED.search(draft)
        or _GLUED_ADDRESSED.search(draft)
        # A critic named by their trade answers them when what they said is there too.
        or (_CRITIC.search(draft) if criticised or _QUOTED.search(draft) else None)
        or their_words
    )
    medium = (
        MEDIUM.search(draft)
        or _UNDER_A_POST.search(draft)
        or _GLUED_MEDIUM.search(draft)
        or their_words
    )
    mention = _MENTION.match(draft)
    unasked = UNASKED.search(draft)
    about_us = company_mentioned or bool(
        criticised or unasked or ABOUT_US.search(draft) or ACCUSED.search(draft)
    )
    # An apology answers a complaint when it takes the customer's trouble or the company's
    # matter to a private message, or names their order to them or to the complaint ("@anna so
    # sorry about your cat" answers none; "sorry we missed your party, message us the photos"
    # neither).
    trouble = INCONVENIENCE.search(draft) or SERVICE.search(draft)
    # Sorry for one's own absence apologises to no customer, unless for their trouble.
    sorry = None if not trouble and _OWN_ABSENCE.search(draft) else APOLOGY.search(draft)
    apology = sorry
    if apology and not (
        (TO_US_PRIVATELY.search(draft) and (trouble or company_mentioned))
        or (mention and _YOUR_SERVICE.search(draft))
        or (criticised and trouble)
    ):
        apology = None
    # A pushback answers someone when it is said to them or about what they wrote; a denial
    # only when it is also about the company or a post ("@lars we didn't make it" is not).
    said_to = mention or criticised or answering or _COMPLAINERS.search(draft)
    claim = (said_to and (about_us or medium)) or (medium and about_us)
    rebuttal = REBUTTAL.search(draft) or _NOT_SO.search(draft) or _GLUED_DENIAL.search(draft)
    # A pushback answers someone said to, or what was written about the company ("jag såg ditt
    # inlägg om att vår app… Det stämmer faktiskt inte").
    if not (rebuttal and (said_to or claim)):
        denial = DENIAL.search(draft) or _QUOTED_DENIAL.search(draft) or unasked
        rebuttal = denial if denial and claim else None
    # One who knows the company from inside, answering its critics or putting their words right
    # ("Clarivida employee here. The battery complaints in this thread are about the old firmware").
    insider = None if praised else INSIDER.search(draft) or WORK_HERE.search(draft)
    if not rebuttal and insider and about_us:
        their = criticised or medium or their_words
        if answering or (their and (_QUOTED.search(draft) or _disputed(draft))):
            rebuttal = insider
    # A support desk's answer: sorry (or sad), to the customer by name, take it to a private
    # message, from someone who works here or about their order ("Siento mucho…, Carmen 😔
    # Trabajo en el almacén; escríbeme por privado").
    private = TO_US_PRIVATELY.search(draft)
    if (
        not apology
        and private
        and (sorry or _SAD.search(draft))
        and (mention or _VOCATIVE.search(draft) or (trouble and WORK_HERE.search(draft)))
        and (trouble or company_mentioned or WORK_HERE.search(draft))
    ):
        apology = sorry or private
    # Said to someone complaining or accusing, where they did it or about the company, or to
    # someone quoted from a public site; not thanked.
    if answering and not criticised and not _THANKS.search(draft):
        complaining = _COMPLAINING.search(draft)
        where = _PLATFORM.search(draft[: answering.end() + 80]) or medium
        if (complaining and (where or about_us)) or (where and _QUOTE.search(draft)):
            criticised = answering
    # Their words about the company quoted to them ("@jeroen Jij noemt onze lamp 'belachelijk
    # duur'?"); those who complain about it, spoken of where they did it.
    if not rebuttal and not praised:
        quoted = _QUOTED.search(draft)
        if (mention or answering or medium) and (about_us or _OURS.search(draft)) and quoted:
            # Their praise quoted back ('"great product"? Yes!') answers no criticism.
            rebuttal = None if _GOOD.search(quoted.group()) else quoted
        complainers = _COMPLAINERS.search(draft)
        if complainers and about_us and (medium or _PLATFORM.search(draft)):
            rebuttal = complainers
    # Sarcasm at critics: said as agreement or praise, about their complaint, whose fault it is,
    # or their words about the company quoted.
    # An eye-roll alone is sarcasm at critics only with their complaint or words ("Lost an
    # afternoon to this 🙃" over a quoted command is not).
    scorn = _IRONY.search(draft)
    if not rebuttal and scorn:
        quoted = _QUOTED.search(draft) if about_us else None
        if quoted and re.search(r"[\d_/:=]", quoted.group()):
            quoted = None
        # Blame said of someone's complaint about the company, not "blame it on the rain".
        concerned = about_us or medium or _PLATFORM.search(draft) or _OURS.search(draft)
        blamed = _BLAME.search(draft) if concerned and not scorn.group("emoji") else None
        if criticised or _COMPLAINING.search(draft) or blamed or quoted:
            rebuttal = scorn
    noticed = _NOTICED.search(draft)
    clarifying = CLARIFYING.search(draft)
    if not (noticed and clarifying and (noticed.group(1) or company_mentioned)):
        clarifying = None
    if (
        apology
        or rebuttal
        or clarifying
        or (
            answering
            and (
                criticised
                or (medium and company_mentioned)
                # Under a post about the company's things, not thanking ("Replying under
                # Wanjiru's post…: our logger shows 2°C").
                or (medium and not praised and (about_us or _OURS.search(draft)))
            )
        )
        # Their complaint named to them by name: "Gentile signor Rossi, capisco la sua
        # frustrazione…".
        or (mention and criticised and not praised and not _GOOD.search(draft))
    ):
        found = rebuttal or apology or answering or clarifying or criticised
        assert found is not None
        links = links_in(_with_schemes(draft))
        yield Concern(
            Kind.REPLY_TO_CRITICISM,
            section,
            text_for("criticism", language),
            sentence_at(draft, found.start()),
            text_for("fix_criticism", language),
            report_link=links[0] if links else "",
        )


def _disputed(draft: str) -> bool:
    """Whether `draft` answers a complaint: names one, pushes back, apologises or says it works."""
    return any(
        pattern.search(draft)
        for pattern in (_WORKS_OR_COMPLAINT, REBUTTAL, _NOT_SO, _GLUED_DENIAL, DENIAL, APOLOGY)
    )


def _with_schemes(draft: str) -> str:
    """Links typed without https:// read as links too, and a link before a colon ("Sobre la
    reseña de https://…/6752c4d5: …") without it."""
    # Not inside a host already written out ("https://www.trustpilot.com/…").
    draft = re.sub(r"(?<=\S):(?=\s|$)", " ", draft)
    return re.sub(
        r"(?<![\w/.@-])(?=(?:www\.)?[a-z0-9-]+\.(?:com|dk|de|net|org)/)", "https://", draft
    )


def _find_link(draft: str, link: str) -> tuple[int, int]:
    host_and_path = link.split("://", 1)[-1]
    at = draft.find(host_and_path[:30])
    if at < 0:
        return 0, len(draft)
    end = at
    while end < len(draft) and not draft[end].isspace():
        end += 1
    return max(0, draft.rfind(" ", 0, at) + 1), end
