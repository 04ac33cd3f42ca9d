"""The disclosure check: a draft that promotes the company must say the author works there."""

from __future__ import annotations

import re
from collections.abc import Iterator

from handlers.checks.concerns import Concern, Kind, Span
from handlers.checks.text import links, listed, name_pattern, phrase_pattern, without_links
from handlers.texts import text_for

# Words that recommend, sell or recruit (English, Danish, German, Swedish, Norwegian, Dutch,
# French).
# Comparatives and "perfect" alone praise as often as they sell ("We're better than this").
PROMOTING = phrase_pattern(
    """recommend|highly recommend|best|must|must-see|a must|try|try it|check out|check it out
    |get this|sign up|register|join|launch|launches|new
    |impressive|amazing|great|love|buy|free|demo|webinar|works|ships|game changer|game-changer
    |anbefale|anbefales|anbefaler|bedste|prøv|prøv det|tilmeld|lancerer|ny|nye
    |fed|fantastisk|gratis|billig|billigt|kig på|køb
    |empfehlung|empfehlen|empfehle|testen|jetzt|neu|neue|toll|tolles
    |großartig|kostenlos|ausprobieren|don't miss|saved me|saves you|link in comments
    |link in the comments|link in bio|favourite|favorite|yndlings|yndlingsapp|das beste
    |anschauen|unbedingt|awesome|excellent|brilliant|incredible|you need
    |discount code|special offer|genial|tilbud|rabat|angebot|rabatt
    |grym|grymt|erbjudande
    |rekommenderar|rekommenderas|bästa|prova|testa|anmäl dig|lanserar|nya|nytt
    |fantastiska|köp|missa inte
    |beste|lanserer|kjøp|ikke gå glipp
    |probeer|probeer het|nieuw|nieuwe|bekijk|ontdek|download|aanrader|geweldig|fantastisch
    |meld je aan|schrijf je in|korting
    |aanbieding|mis het niet|vraag nu|vraag een demo|gratis proberen|de beste|het beste
    |découvrez|essayez|essai gratuit|gratuit|gratuite|nouveau|nouvelle|nouveaux|nouvelles
    |le meilleur|la meilleure|incroyable|génial|géniale
    |rejoignez|inscrivez-vous|téléchargez|demandez|démo|réduction
    |promo|ne manquez pas|je recommande|à tester|jetez un œil|jetez un oeil|testez
    |book a demo|book your|order now|subscribe|learn more
    |read more|find out more|get started|free trial|use code|sign up today
    |læs mere|hent appen|bestil|book en
    |mehr erfahren|herunterladen
    |bestellen|jetzt testen|läs mer|ladda ner|beställ|boka
    |les mer|last ned|bestill|lees meer|meer weten|bestel|boek een|en savoir plus|commandez
    |réservez|go get it|grab it|grab yours|get yours|out now|now available|available now
    |schaut euch|schau dir|schauen sie sich|jetzt verfügbar|ude nu|nu tilgængelig|nu ute
    |nu tillgänglig|nu beschikbaar|disponible maintenant
    |læs den|read it|lies ihn|lies es|läs den|les den|lees het|lees dit|lisez-le
    |winner|the winner|clear winner|by a mile|hands down|vinderen|klar vinder|vinnaren|vinneren
    |testsieger|der gewinner|de winnaar|le gagnant|grand gagnant
    |pro tip|hot tip|my advice|my tip|unbiased|totally unbiased|thank me later|trust me
    |godt råd|et godt råd|mit råd|mit tip|upartisk|tak mig senere|stol på mig
    |mein tipp|ein tipp|unparteiisch|danke mir später|vertrau mir
    |mitt tips|ett tips|mitt råd|opartisk|tacka mig senare|lita på mig
    |takk meg senere|mitt beste råd|stol på meg
    |mijn tip|een tip|mijn advies|onpartijdig|bedank me later|geloof me
    |mon conseil|un conseil|impartial|remerciez-moi plus tard|faites-moi confiance
    |put them on your list|on your shortlist|worth a look|worth checking out|worth your time
    |money out the window|money down the drain|penge ud af vinduet|geld aus dem fenster
    |pengar i sjön|penger ut av vinduet|geld over de balk|l'argent par les fenêtres
    |with code|med koden|mit dem code|met de code|avec le code|rabatkode|rabatkoden|rabattkod
    |rabattkode|rabattcode|kortingscode|code promo|prices start|prices starting|starting at
    |preise starten|ab nur|priser fra|priserne starter|priserna börjar|prisene starter
    |prijzen vanaf|à partir de seulement
    |recomiendo|os recomiendo|te recomiendo|recomendadísimo|recomendadísima|el mejor|la mejor
    |lo mejor|probad|pruébalo|pruébala|probadlo|nuevo|nueva|nuevos|nuevas|descubre
    |descarga|regístrate|no te lo pierdas|oferta|descuento|compra ya
    |recomiendo la lectura|recomendo a leitura|consiglio la lettura|polecam lekturę
    |recomendo|recomendamos|o melhor|a melhor|experimente|experimentem|experimentar|novo|nova
    |novos|novas|grátis|descubra|descarregue|baixe|inscreva-se|desconto|não percam
    |vi consiglio|ti consiglio|lo consiglio|la consiglio|consigliatissimo|il migliore
    |la migliore|provate
    |provatelo|provalo|nuovo|nuova|nuovi|nuove|gratuito|scopri|scarica|iscriviti|offerta|sconto
    |da non perdere
    |polecam|polecamy|najlepszy|najlepsza|najlepsze|wypróbuj|wypróbujcie|spróbujcie|nowy|nowa
    |nowe|za darmo|darmowy|pobierz|zapisz się|promocja|zniżka
    |suosittelen|suosittelemme|paras|parasta|parhaat|kokeile|kokeilkaa|uusi|uuden|ilmainen
    |ilmaiseksi|lataa|tarjous|alennus
    |doporučuji|doporučuju|doporučujeme|nejlepší|vyzkoušejte|vyzkoušej|zkuste|nový|nová|nové
    |zdarma|stáhněte|sleva
    |fantastic|fantastico|fantastica|fantástico|fantástica|fantastique|excelente
    |ottimo|ottima|ótimo|ótima|świetny|świetna|świetne|skvělý|skvělá|skvělé|loistava|mahtava
    |vítěz|zwycięzca|voittaja|ganador|el ganador|vencedor|o vencedor|vincitore|il vincitore
    |nothing beats|nothing comes close|don't come close|doesn't come close|unbeatable
    |unschlagbar|uslåelig|oslagbar|onverslaanbaar|imbattable|insuperable|imbattibile|lyömätön
    |nepřekonatelný|nepřekonatelná
    |giveaway|verlosung|gewinnspiel|winactie|weggeefactie|jeu-concours|sorteo|sorteio|arvonta
    |alennuksen|alennusta
    |not sponsored|not an ad|no ad|not paid|no sponsorship|honest tip|completely independent
    |totally independent|no affiliation|ikke sponsoreret|ingen reklame|keine werbung
    |nicht gesponsert|unbezahlte werbung|inte sponsrat|ingen reklam|ikke sponset|geen reclame
    |geen sponsoring|niet gesponsord|pas sponsorisé|pas de pub|non sponsorisé|no es publicidad
    |no patrocinado|sin patrocinio|não é publicidade|não patrocinado|non è pubblicità
    |non sponsorizzato|to nie reklama|nie reklama|niesponsorowane|ei mainos|ei sponsoroitu
    |není reklama|žádná reklama|nesponzorováno
    |tavsiye ederim|tavsiye ediyorum|şiddetle tavsiye|kesinlikle tavsiye|herkese tavsiye
    |en iyi|en iyisi|en iyi fiyat|deneyin|mutlaka deneyin|deneyen var mı|kaçırmayın|kaçırma
    |indirim|indirimde|indirimli|kampanya|fırsat|fırsatı|kod|kodu|indirim kodu|çekiliş
    |ücretsiz|bedava|yeni|yeni seri|yeni koleksiyon|satışta|satışa çıktı|satışa çıkardık
    |hemen al|sipariş verin|link profilde|linki profilde|göz atın|bir göz atın|teklif için
    |harika|muhteşem|bayıldım|bayıldı|bayılacaksınız|reklam değil|sponsorlu değil|tüyo|ipucu
    |rekomendasi|rekomen|recommended|recommended banget|wajib coba|wajib punya|terbaik
    |paling bagus|cobain|coba deh|diskon|kode promo|pakai kode|voucher|gratis ongkir
    |terbaru|koleksi terbaru|launching|sudah bisa dibeli|bisa dibeli|buruan|jangan sampai
    |kehabisan|jangan lewatkan|cek link|link di bio|penawaran|harga spesial|harga terbaik
    |dijamin|pasti puas|mantap|bukan iklan|bukan endorse|tidak disponsori
    |recomand|vă recomand|îl recomand|o recomand|cel mai bun|cea mai bună|cele mai bune
    |încercați|încearcă|gratuită|reducere|reduceri|ofertă|descoperiți|descarcă
    |înscrie-te|înscrieți-vă|nu ratați|merită încercat|nu este reclamă|nu e reclamă
    |рекомендую|раджу|найкращий|найкраща|найкраще|спробуйте|безкоштовно|безкоштовна
    |знижка|знижку|знижки|завантажуйте|реєструйтеся|не пропустіть|не реклама
    |öneririm|öneriyorum|you won't regret it|you will not regret it|du vil ikke fortryde det
    |du kommer inte att ångra dig|du vil ikke angre|ihr werdet es nicht bereuen
    |du wirst es nicht bereuen|je zult er geen spijt van krijgen|vous ne le regretterez pas
    |no te arrepentirás|não se vai arrepender|non te ne pentirai|nie pożałujesz|et kadu
    |nebudete litovat|pişman olmazsınız|nggak bakal nyesel|gak bakal nyesel|nu veți regreta
    |nu o să regreți|не пошкодуєте|не пожалеете
    |never going back|never look back|not going back|wouldn't go back|look no further
    |nie wieder anders|aldrig tilbage|aldrig tillbaka|aldri tilbake|nooit meer terug
    |plus jamais sans|no vuelvo atrás|não volto atrás|non torno indietro|nigdy nie wrócę
    |katılın|çekilişine|super tare|cel mai fain|cea mai faină|înscrieri
    |jaribu|jaribuni|pakua|ofa|msikose|usikose|bure|bei poa|bei nafuu|punguzo|jisajili|wahini
    |σας προτείνω|το προτείνω|προτείνω ανεπιφύλακτα|δοκιμάστε|δοκίμασέ το|δωρεάν|έκπτωση
    |εκπτώσεις|προσφορά|προσφορές|ο καλύτερος|η καλύτερη|το καλύτερο|κλείστε τώρα|κατεβάστε
    |εγγραφείτε|μην το χάσετε|μη χάσετε|αξίζει|νέο|νέα|νέος|νέες
    |zaroor try karo|zaroor try karein|try karo|try karein|try kijiye|recommend karta hoon
    |recommend karti hoon|best hai|sabse best|free mein|jaldi karo|miss mat karo|miss mat karna
    |download karo|download karein|book karo|book karein|order karo|order karein"""  # noqa: RUF001
)
# Words that recommend what comes right after them ("switch to Nordlys Cloud", "my favourite
# lamp? Nordlys Lumen"), not a workplace or a walk ("take a look at my slides from the Nordlys
# meetup", "favourite colleagues at Nordlys").
RECOMMENDING = phrase_pattern(
    """favoriete|favoriet|favorit|favorito|favorita|preferito|preferita|ulubiony|ulubiona
    |ulubione|suosikki|suosikkini|oblíbený|oblíbená|schönste|mooiste|smukkeste|vackraste
    |vakreste|le plus beau|la plus belle|il più bello|la più bella|najpiękniejszy|najpiękniejsza
    |kaunein|nejhezčí|nejkrásnější
    |take a look at|have a look at|look at|you should really|you should try|switch to
    |time to switch to|worth it|worth every penny|lohnt sich|värt det|verdt det
    |det er det værd|de moeite waard|vaut le coup|vale la pena|vale a pena|ne vale la pena
    |kannattaa|stojí za to|prueba|experimenta|sprawdź|sprawdźcie|tjek|kijk eens naar|regardez
    |échale un vistazo|dá uma olhada|dai un'occhiata|rzuć okiem|koukněte na
    |przejdź na|przejść na|passez à|cambia a|cámbiate a|wechsel zu|wechselt zu|skift til
    |byt till|bytt til|stap over op|vaihda|přejděte na|giving away|rozdávám|on sale|on sale now
    |i salg nu|jetzt im verkauf|till salu|nu i salg|nu te koop|en vente|a la venta|à venda
    |in vendita|w sprzedaży|myynnissä|v prodeji|reserva ya|prenota ora|zarezerwuj|varaa nyt
    |rezervujte|liity|liittykää|dołącz do|bli medlem i|bliv medlem af|word lid van
    |devenez membre|hazte socio|torne-se membro"""
)
# Words between a recommending word and the name it recommends: a few, not ending in a
# preposition that makes the company a place ("favourite colleagues at Nordlys").
_FEW_WORDS = 3
_PLACE = frozenset(
    listed(
        """at in on with from for of by to bij in van met hos i på med fra af bei in von mit aus
        chez à de avec en con da di w z u na ve v""",
        separator=" ",
    )
)
# "15 % off", "-20 %", "20 % rabat": a discount.
_PERCENT_OFF = re.compile(
    r"(?<!\w)-\s?\d{1,2}\s?%|%\s?\d{1,2}\s+(?:\w+\s+)?indirim\w*|diskon\s+\d{1,2}\s?%"
    r"|\d{1,2}\s?%\s+(?:off|rabat|rabatt|korting|de réduction|de descuento"
    r"|di sconto|de desconto|zniżki|rabatu|alennus\w*|sleva|slevu|slevy)(?!\w)",
    re.IGNORECASE,
)
# Selling by comparison: the company's product set above others ("Nordlys Cloud won on every
# count", "runs circles around Dropbox", "the only serious option").
COMPARING = phrase_pattern(
    """beats|outperforms|runs circles around|run circles around|blows away|crushes|crush every
    |won on every|wins on every|the only serious|the only real|better than|faster than
    |cheaper than|bedre end|hurtigere end|billigere end|slår|besser als|schneller als
    |günstiger als|bättre än|snabbare än|billigare än|bedre enn|raskere enn|billigere enn
    |beter dan|sneller dan|goedkoper dan|meilleur que|plus rapide que|moins cher que
    |is the only|is the one exception|er den eneste|er det eneste|ist der einzige|ist die einzige
    |ist das einzige|är den enda|är det enda|is de enige|is het enige|est le seul|est la seule"""
)
# Words that recruit: they promote the company only when it is the one recruiting, its name a
# few words away ("Nordlys is hiring", "bij Nordlys") or a link to its site, not "experience
# with Nordlys" in another company's job ad.
RECRUITING = phrase_pattern(
    """apply|apply here|hiring|is hiring|søger|søg|ansøg|bewerben|sucht|verstärkung
    |sök|söker|ansök|søk|vacature|vacatures|solliciteer|zoekt|op zoek naar|recrute|postulez
    |candidature|offre d'emploi|openings|opening for|vacancy|vacancies|open role|open roles
    |open position|open positions|looking for a|looking for an|ledig stilling|ledige stillinger
    |offene stelle|offene stellen|stellenangebot|jetzt bewerben|lediga tjänster|ledig tjänst
    |poste à pourvoir|postes à pourvoir|cherche un|cherche une|new roles|careers|careers page
    |karriere|karriär|karrière|carrières|werken bij|embauche|recrutons|ansætter|stellt ein
    |stellen ein|anställer|ansetter|neemt aan|nemen aan|send me your cv|send your cv
    |envoyez-moi vos cv|envoyez vos cv
    |busca|buscamos|contrata|estamos contratando|únete|apúntate|vacante|vacantes
    |oferta de empleo|ofertas de empleo|inscríbete|contrata-se|procuramos|estamos a contratar
    |vaga|vagas|candidata-te|candidate-se|sta assumendo|assumiamo|cerca un|cerca una|cerca nuovi
    |cerca nuove|cerchiamo|stiamo assumendo
    |posizione aperta|posizioni aperte|candidati|candidatevi|lavora con noi|offerta di lavoro
    |zatrudnia|zatrudniamy|szuka|szukamy|rekrutuje|rekrutacja|oferta pracy|aplikuj
    |dołącz do nas|hakee|haemme|rekrytoi|rekrytoimme|avoin työpaikka|avoimet työpaikat
    |hae täältä|hledá|hledáme|přijímá|nabírá|nabíráme|volná místa|volné pozice
    |přihlaste se|přidej se k nám|está a contratar|está contratando|etsii|etsimme
    |aranıyor|arıyoruz|arıyor|işe alım|iş ilanı|iş ilanları|başvuru|başvurun|başvurabilirsiniz
    |açık pozisyon|açık pozisyonlar|kadromuza|ekibimize katıl|cv'nizi|cv gönderin
    |angajăm|angajează|căutăm colegi|post vacant|posturi vacante|aplică aici|aplicați aici
    |шукаємо|шукає|вакансія|вакансії|наймаємо|приєднуйтесь до команди|подавайтесь|відгукуйтесь
    |lowongan|loker|buka lowongan|membuka lowongan|kami mencari|sedang mencari|lagi cari
    |dicari|kirim cv|rekrutmen|bergabung bersama kami|gabung bersama kami
    |gesucht|bewerbungen|karriereseite|m/w/d|alınıyor|nafasi za kazi|nafasi ya kazi|tunatafuta
    |tunaajiri|ajira|tuma cv|tuma maombi|προσλαμβάνουμε|ζητείται|ζητούνται|θέσεις εργασίας
    |θέση εργασίας|αγγελία|στείλτε βιογραφικό|ψάχνουμε|αναζητούμε|hiring kar rahe|bharti|naukri
    |apply karein|apply karo|cv bhejein|cv bhejo|resume bhejein|resume bhejo"""
)
# A name after these is a skill asked for, not the employer.
_SKILL = re.compile(
    r"(?:experience\s+(?:with|in|of)|knowledge\s+of|skills?\s+in|erfaring\s+(?:i|med)"
    r"|kendskab\s+til|kjennskap\s+til|erfarenhet\s+(?:av|med|i)|erfahrung\s+(?:mit|in)"
    r"|kenntnisse\s+(?:in|von)|kennis\s+van|ervaring\s+(?:met|in)"
    r"|expérience(?:\s+(?:avec|en|sur|de))?|connaissance\s+de|maîtrise\s+de)\s+$",
    re.IGNORECASE,
)
_NEAR = 40  # characters between a recruiting word and the name of the one recruiting
# How people say they work there.
_SAYS = [
    "#employee",
    "#emp",
    "#ad",
    "#sponsored",
    "#ansat",
    "#medarbejder",
    "#reklame",
    "#mitarbeiter",
    "#anställd",
    "#ansatt",
    "#medewerker",
    "#salarié",
    "#empleado",
    "#werbung",
    "#anzeige",
    "i work",
    "proud to be part of",
    "part of the team",
    "proud to work",
    "we launched",
    "we've launched",
    "we just launched",
    "we're launching",
    "we are launching",
    "we built",
    "we've built",
    "join our team",
    "vi har lanceret",
    "vi lancerer",
    "en del af holdet",
    "her hos",
    "wir haben gelauncht",
    "wir starten",
    "hier bei",
    "vi har lanserat",
    "vi lanserar",
    "här på",
    "vi har lansert",
    "vi lanserer",
    "as an employee",
    "on staff at",
    "staff member at",
    "som medarbejder",
    "als mitarbeiter",
    "als mitarbeiterin",
    "jag jobbar",
    "jag arbetar",
    "jobbar på",
    "jobbar själv",
    "arbetar på",
    "mitt team",
    "vårt team",
    "mina kollegor",
    "vi söker",
    "min arbetsgivare",
    "som anställd",
    "jeg jobber",
    "jobber i",
    "jobber hos",
    "jobber selv",
    "teamet mitt",
    "kollegene mine",
    "min arbeidsgiver",
    "som ansatt",
    "i've worked",
    "i have worked",
    "i worked",
    "i'm at",
    "i am at",
    "my employer",
    "my company",
    "my team",
    "my colleagues",
    "our team",
    "our office",
    "our company",
    "our product",
    "our products",
    "we're hiring",
    "we are hiring",
    "we at",
    "join us",
    "join my team",
    "work here",
    "work there",
    "disclosure",
    "full disclosure",
    "jeg arbejder",
    "arbejder hos",
    "arbejder selv",
    "ansat hos",
    "ansat i",
    "min arbejdsplads",
    "mine kolleger",
    "vores team",
    "vi søger",
    "medarbejder hos",
    "arbejde her",
    "arbejder her",
    "ich arbeite",
    "arbeite bei",
    "arbeite selbst",
    "mein team",
    "meinem team",
    "mein arbeitgeber",
    "meine kollegen",
    "unser team",
    "unserem team",
    "wir suchen",
    "wir bei",
    "bei uns",
    "teil dieses teams",
    "teil des teams",
    "folgt uns",
    "i'm leaving",
    "i am leaving",
    "my last day",
    "first day at",
    "joined",
    "jeg forlader",
    "min sidste dag",
    "første dag",
    "ich verlasse",
    "mein letzter tag",
    "ersten tag",
    "erster tag",
    "#werkenbij",
    "#employé",
    "#collaborateur",
    "ik werk",
    "werk bij",
    "werkzaam bij",
    "mijn werkgever",
    "mijn team",
    "ons team",
    "mijn collega's",
    "onze collega's",
    "wij zoeken",
    "we zoeken",
    "bij ons",
    "wij bij",
    "als medewerker",
    "eerste werkdag",
    "laatste werkdag",
    "ons product",
    "onze producten",
    "we lanceren",
    "wij lanceren",
    "we hebben gebouwd",
    "je travaille",
    "je bosse",
    "travaille chez",
    "mon employeur",
    "mon équipe",
    "notre équipe",
    "mes collègues",
    "nous recrutons",
    "on recrute",
    "chez nous",
    "rejoignez-nous",
    "en tant que salarié",
    "en tant que salariée",
    "en tant qu'employé",
    "en tant qu'employée",
    "premier jour chez",
    "dernier jour chez",
    "notre produit",
    "nos produits",
    "nous lançons",
    "nous avons lancé",
    # The company's site called one's own ("our blog: nordlys.dk/blog").
    "our blog",
    "our site",
    "our website",
    "vores blog",
    "vores hjemmeside",
    "unser blog",
    "unsere website",
    "vår blogg",
    "vår webbplats",
    "bloggen vår",
    "nettsiden vår",
    "onze blog",
    "onze site",
    "onze website",
    "notre blog",
    "notre site",
    "#empleado",
    "trabajo en",
    "trabajo para",
    "mi empresa",
    "mi equipo",
    "nuestro equipo",
    "mis compañeros",
    "como empleado",
    "como empleada",
    "trabalho na",
    "trabalho no",
    "trabalho em",
    "trabalho para",
    "minha empresa",
    "minha equipa",
    "nossa equipa",
    "nossa equipe",
    "meus colegas",
    "como funcionário",
    "como funcionária",
    "lavoro in",
    "lavoro per",
    "lavoro presso",
    "lavoro alla",
    "lavoro nel",
    "la mia azienda",
    "il mio team",
    "il nostro team",
    "i miei colleghi",
    "come dipendente",
    "pracuję w",
    "pracuję dla",
    "pracuję na",
    "moja firma",
    "mój zespół",
    "nasz zespół",
    "jako pracownik",
    "olen töissä",
    "työskentelen",
    "työpaikkani",
    "tiimini",
    "kollegani",
    "pracuji v",
    "pracuju v",
    "pracuji pro",
    "pracuju pro",
    "moje firma",
    "můj tým",
    "náš tým",
    "jako zaměstnanec",
    "#çalışan",
    "#calisan",
    "#karyawan",
    "çalışıyorum",
    "çalışanıyım",
    "çalışanı olarak",
    "ekibimiz",
    "ekibimizin",
    "ekibimizde",
    "ekibimize katılın",
    "şirketimiz",
    "şirketimizin",
    "ürünlerimiz",
    "ürünlerimizi",
    "çalıştığım",
    "çalıştığımı",
    "çalıştığımız",
    "çalıştığımızı",
    "lucrez la",
    "lucrez pentru",
    "lucrez în",
    "echipa mea",
    "echipa noastră",
    "colegii mei",
    "compania mea",
    "angajat la",
    "angajată la",
    "ca angajat",
    "ca angajată",
    "я працюю",
    "працюю в",
    "працюю у",  # noqa: RUF001
    "працюю на",
    "моя команда",
    "наша команда",
    "мої колеги",
    "моя компанія",
    "я работаю",
    "работаю в",
    "мои коллеги",
    "моя компания",
    "rekan kerja saya",
    "kerja di",
    "bekerja di",
    "saya karyawan",
    "sebagai karyawan",
    "bagian dari tim",
    "tim kami",
    "perusahaan kami",
    "produk kami",
    "kantor kami",
    "#υπάλληλος",
    "#εργαζόμενος",
    "δουλεύω στην",
    "δουλεύω στο",
    "δουλεύω στη",
    "εργάζομαι στην",
    "εργάζομαι στο",
    "εργάζομαι στη",
    "η ομάδα μου",
    "οι συνάδελφοί μου",  # noqa: RUF001
    "ως εργαζόμενος",
    "ως εργαζόμενη",
    "η εταιρεία μου",
    "kaam karta hoon",
    "kaam karti hoon",
    "kaam karta hu",
    "kaam karti hu",
    "naukri karta",
    "meri company",
    "meri team",
    "hamari team",
    "humari team",
]
SAYS_SO = phrase_pattern(s for s in _SAYS if not s.startswith("#"))
# "We're hiring", "join us": a job ad or an invitation in the company's voice, which does not
# tell readers that the author works there, even beside the company's name ("On recrute à
# Kigali ! … via la page carrières de Pwani Cargo").
WE_RECRUIT = frozenset(
    listed(
        """we're hiring|we are hiring|join our team|join us|vi søger|wir suchen|vi söker|wij zoeken
        |we zoeken|nous recrutons|on recrute|rejoignez-nous"""
    )
)
# Saying which of the company's teams one is on says one works there: "I'm on the content team",
# "I lead the design team", "jeg sidder i supportteamet", "ich bin im Vertriebsteam".
ON_A_TEAM = re.compile(
    r"(?:"
    r"(?<!\w)(?:(?:i['\u2019]m|i am|i work|i sit|i['\u2019]ve been|i have been)\s+(?:on|in|with)"
    r"|(?:i|we)\s+(?:lead|run|manage|joined)|member of|i['\u2019]m part of|i am part of)"
    r"\s+(?:the|our)\s+(?:[\w&/-]+\s+){0,3}?(?:team|squad|department|crew)(?!\w)"
    r"|(?<!\w)(?:jeg (?:er|sidder|arbejder|jobber)|vi (?:er|sidder))\s+(?:på|i)\s+(?:\w+[- ])?"
    r"(?:\w*teamet|\w*holdet|\w*avdelingen|\w*afdelingen)(?!\w)"
    r"|(?<!\w)(?:ich (?:bin|arbeite)|wir sind)\s+im\s+(?:[\w-]+[- ])?\w*team(?!\w)"
    r"|(?<!\w)(?:jag (?:är|sitter|jobbar|arbetar)|vi (?:är|sitter))\s+(?:på|i)\s+(?:\w+[- ])?"
    r"\w*(?:teamet|avdelningen)(?!\w)"
    r"|(?<!\w)(?:ik (?:zit|werk)|wij zitten|we zitten)\s+in\s+het\s+(?:[\w-]+[- ])?\w*team(?!\w)"
    r"|(?<!\w)(?:je suis|je travaille)\s+dans\s+l['\u2019]équipe(?!\w)"
    # Not a team somewhere else ("on the content team at Acme"): _works_as reads the company's.
    r")(?!\s+(?:at|for|bei|hos|chez|bij|för|ved)\s)",
    re.IGNORECASE,
)
_HASHTAGS = re.compile(
    "(?:" + "|".join(re.escape(s) for s in _SAYS if s.startswith("#")) + r")(?!\w)",
    re.IGNORECASE,
)
_HASHTAG = re.compile(r"(?<![\w&#])#[^\W\d_][\w-]*\w")
# What an employee's hashtag joins to the company's name: "#RoutaTeam", "#LifeAtRouta".
_STAFF_TAG = re.compile(
    r"team|employees?|staff|crew|family|life|lifeat|people|proud|weare|insiders?|ansat|ansatt"
    r"|anställd|medarbejder|medarbetare|mitarbeiter|medewerker|salarié|empleado|empleada"
    r"|colaborador|funcionário|dipendente|pracownik|zaměstnanec|työntekijä|tiimi|equipo|equipe"
    r"|équipe|holdet|teamet|ekibi|ailesi|çalışanı|calisani|karyawan|keluarga|社員|スタッフ",
    re.IGNORECASE,
)
# Japanese writes no spaces between words and Korean glues its particles to them: their forms
# are found anywhere in a run of letters. Recommending or selling ("おすすめ", "…一択",
# "ぜひ試してみて", "無料体験", "추천합니다", "할인", "채용"), and saying one works there
# ("…で働いています", "…の社員です", "入社", "…에서 일하고 있습니다", "저희 회사").
_GLUED_PROMOTING = re.compile(
    "おすすめ|オススメ|お勧め|一択|ぜひ(?:試|使|行|お試し|チェック|ご覧|ご検討)|無料体験|無料で試"
    "|使いやすい|募集中|応募はこちら"
    "|추천합니다|추천해요|강추|써 ?보세요|사용해 ?보세요|가 ?보세요|무료|할인|이벤트|최고의"
    "|지금 바로|신제품|출시|채용|모집|지원하세요|이력서|구인|예약하세요|놓치지 마"
)
_GLUED_SAYS_SO = re.compile(
    "(?:で|に)(?:働いて|勤めて|勤務して)|の社員(?:です|として)|社員として|入社して|中の人"
    "|에서 일하고 있|에서 일합니다|에서 근무|직원입니다|직원으로|저희 회사|우리 회사|재직 ?중"
    "|입사했"
)


def disclosure(
    draft: str,
    company_names: tuple[str, ...],
    profile: str,
    section: str,
    language: str = "en",
    internal_domains: tuple[str, ...] = (),
    tags: frozenset[str] = frozenset(),
) -> Iterator[Concern]:
    """A concern when `draft` promotes the company without saying the author works there: it
    names the company, or links to the company's own site, with words that sell or recruit.
    `tags` are the hashtags (lower-case) the guidelines ask employees to add."""
    if not company_names:
        return
    names = name_pattern(company_names)
    plain = without_links(draft)
    match = names.search(plain)
    site = _company_site(draft, company_names, internal_domains)
    if (site is None and match is None) or not _promotes(draft, plain, names, site is not None):
        return
    says = {" ".join(m.group(0).lower().split()) for m in SAYS_SO.finditer(draft)}
    if says - WE_RECRUIT or _HASHTAGS.search(draft):
        return
    if _GLUED_SAYS_SO.search(draft):
        return
    if any(_staff_tag(tag, company_names) or tag in tags for tag in hashtags(draft)):
        return
    if _works_as(draft, company_names) or ON_A_TEAM.search(draft):
        return
    if profile and names.search(profile):
        return
    if match:
        mention, name = Span.of(draft, match.start(), match.end()), match.group(0)
    else:
        assert site is not None
        mention, name = site
    yield Concern(
        Kind.DISCLOSURE,
        section,
        text_for("disclosure", language, name=name),
        mention,
        text_for("fix_disclosure", language, company=company_names[0]),
    )


def hashtags(text: str) -> frozenset[str]:
    """The hashtags in `text`, lower-case ("#routaemployee")."""
    return frozenset(match.group(0).lower() for match in _HASHTAG.finditer(text))


def _staff_tag(tag: str, company_names: tuple[str, ...]) -> bool:
    """Whether `tag` is an employee's hashtag of the company: its name joined to a word for its
    staff ("#RoutaEmployee", "#TeamRouta", "#LifeAtRouta"), not a product's name ("#RoutaCold")."""
    words = tag.removeprefix("#").replace("-", "").replace("_", "")
    for name in company_names:
        joined = re.sub(r"[\W_]+", "", name.lower())
        if joined and joined in words and words != joined:
            rest = words.replace(joined, "", 1)
            if _STAFF_TAG.fullmatch(rest):
                return True
    return False


# Second-level labels under a country code that belong to the public suffix ("co.uk", "com.au").
_SECOND_LEVEL = frozenset(listed("co com net org gov edu ac or ne go gob nic mil", separator=" "))


def _company_site(
    draft: str, company_names: tuple[str, ...], internal_domains: tuple[str, ...]
) -> tuple[Span, str] | None:
    """A link to the company's public site ("nordlys.dk/jobs", "www.nordlys.co.uk") and the name
    it is named after: the host is (www. and) a registrable domain whose label before the public
    suffix is one of the company's names, spaces and hyphens left out. Another site's subdomain
    ("polaris.observatory.edu", "hub.docker.com"), the company's own subdomains ("docs.nordlys.dk")
    and internal hosts are not."""
    wanted = {re.sub(r"[\W_]+", "", name.lower()): name for name in company_names}
    for span, host in links(draft):
        if any(host == d or host.endswith(f".{d}") for d in internal_domains):
            continue
        labels = host.removeprefix("www.").split(".")
        country = len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL
        label = labels[0].replace("-", "")
        if len(labels) == (3 if country else 2) and label in wanted:
            return span, wanted[label]
    return None


# Praise sells only what one can use: "love the new app" does, "great culture", "the summer
# party was amazing" do not.
PRAISE = frozenset(
    listed(
        """new impressive amazing great love works ships fed fantastisk toll tolles großartig
    fantastic fantastisch fantastico fantastica fantástico fantástica fantastique excelente ottimo
    ottima ótimo ótima świetny świetna świetne skvělý skvělá skvělé loistava mahtava harika
    muhteşem bayıldım bayıldı bayılacaksınız yeni mantap terbaru launching
    awesome excellent brilliant incredible genial grym grymt nya nytt fantastiska ny nye neu neue
    nieuw nieuwe geweldig fantastisch nouveau nouvelle nouveaux nouvelles incroyable génial
    géniale launch launches lancerer lanserar lanserer favourite favorite yndlings nuevo nueva
    nuevos nuevas novo nova novos novas nuovo nuova nuovi nuove nowy nowa nowe uusi uuden nový
    nová nové νέο νέα νέος νέες""",
        separator=" ",
    )
)
_ANNOUNCING = frozenset(
    listed(
        """new ny nye nytt nya neu neue nieuw nieuwe nouveau nouvelle nouveaux nouvelles nuevo
        nueva nuevos nuevas novo nova novos novas nuovo nuova nuovi nuove nowy nowa nowe uusi
        uuden nový nová nové yeni terbaru launching νέο νέα νέος νέες""",
        " ",
    )
)
# How any article is shared ("read more", "les mer"): selling only of something one can use, too.
_NOT_SELLING = PRAISE | frozenset(
    listed(
        """learn more|read more|find out more|recomiendo la lectura|recomendo a leitura
        |consiglio la lettura|polecam lekturę|læs mere|mehr erfahren|läs mer|les mer|lees meer
        |meer weten|en savoir plus|læs den|read it|lies ihn|lies es|läs den|les den|lees het
        |lees dit|lisez-le"""
    )
)
PRODUCT = phrase_pattern(
    """app|apps|product|products|tool|platform|feature|features|release|version|update|service
    |solution|dashboard|software|produkt|produkter|produktet|værktøj|værktøjet|funktion|tjeneste
    |løsning|løsningen|appen|plattform|werkzeug|lösung|dienst|verktyg|verktøy|tjänst
    |lösningen|programma|oplossing|functie|produit|produits|outil|plateforme|fonctionnalité
    |logiciel|application|mise à jour|aplicación|producto|herramienta|plataforma|servicio
    |función|aplicação|aplicativo|produto|ferramenta|serviço|applicazione|prodotto|strumento
    |piattaforma|servizio|funzione|aplikacja|aplikację|narzędzie|usługa|sovellus
    |sovelluksen|tuote|työkalu|alusta|palvelu|aplikace|nástroj|služba|ürün|ürünü|ürünleri
    |koleksiyon|koleksiyonu|serisi|produk|koleksi|layanan|aplikasi"""
)
# A product word naming a party is the party ("release party", "release-fest").
_PARTY_AFTER = re.compile(
    r"[\s-]+(?:party|parties|celebration|drinks|dinner|fest|bash|fejring|feier|feest|fête|soirée)"
    r"(?!\w)",
    re.IGNORECASE,
)
_SUBJECT_GAP = re.compile(r"\s+(?:[\w'\u2019-]+\s+){0,2}")
# Praise of a meeting or a party, not of something sold ("Best planning session of the year",
# "great kickoff workshop"); "get started on this one" is work begun.
_EVENT_AFTER = re.compile(
    r"(?:\s+[^\W\d][\w-]*){0,2}?\s+(?:sessions?|workshops?|kick-?offs?|offsites?|meetups?"
    r"|part(?:y|ies)|dinners?|lunch(?:es)?|evenings?|nights?|trips?|crew|colleagues|vibes)(?!\w)"
    r"|(?<=started)\s+on\b",
    re.IGNORECASE,
)
# "misleading at best", "at the best price": an "at" of its own, not the end of "that" or "great".
_AT_BEFORE = re.compile(r"(?<!\w)at (?:the )?$", re.IGNORECASE)


# "Acme busca crecer", "cerca di migliorare": seeking to do something is no job ad.
_SEEKS_TO = re.compile(
    r"(?:busca|buscamos|cerca|cerchiamo|szuka|szukamy|hledá|hledáme)\s+(?:di|de"
    r"|[^\W\d_]+(?:ar|er|ir|ír|ć|t))(?!\w)",
    re.IGNORECASE,
)
# Stars given ("⭐⭐⭐⭐⭐ Servicio impecable de Routa") rate the company as a customer would.
_STARS = re.compile(r"(?:\u2b50|\u2605|\U0001f31f){3,}|(?<![\w/])(?:5/5|10/10)(?![\w/])")
# A job ad's hashtags, in any language ("#empleo", "#praca", "#rekrytointi").
_JOB_TAG = re.compile(
    r"(?<![\w&])#(?:(?:we|now)?hiring|jobs?|jobb|job\w+|careers?|empleo|trabajo|vacantes?"
    r"|emprego|vagas?|lavoro|offertedilavoro|praca|rekrutacja|rekrytointi|työpaikka\w*"
    r"|prace|nabor|vacatures?|stellenangebot\w*|karriere|recrutement|emploi|ledigstilling)"
    r"(?!\w)",
    re.IGNORECASE,
)


def _promotes(draft: str, plain: str, names: re.Pattern[str], at_site: bool) -> bool:
    """Whether `draft` recommends, sells or recruits ("best" in "misleading at best" does not);
    praise or "read more" alone only of something one can use; a job ad only the company's own
    (its site linked, or its name near the recruiting word and not asked for as a skill)."""
    if _STARS.search(draft) or _JOB_TAG.search(draft) or _PERCENT_OFF.search(draft):
        return True
    if _GLUED_PROMOTING.search(draft):
        return True
    if any(_recommended(plain, m.end(), names) for m in RECOMMENDING.finditer(plain)):
        return True
    found = [
        match.group(0).lower()
        for match in PROMOTING.finditer(draft)
        if not _AT_BEFORE.search(draft[: match.start()])
        and not _EVENT_AFTER.match(draft, match.end())
    ]
    if any(" ".join(word.split()) not in _NOT_SELLING for word in found) or bool(
        found and any(not _PARTY_AFTER.match(draft, m.end()) for m in PRODUCT.finditer(draft))
    ):
        return True
    if at_site:
        # The company's own page: praise or "read more" of its blog promotes it, and "new on…"
        # announces it; "great article" on a namesake's news site does not.
        blog = re.search(r"(?:https?://)?[^\s/]+\.[^\s/]+/(?:[^\s/]+/)?blog", draft, re.IGNORECASE)
        if any(blog or word in _ANNOUNCING for word in found):
            return True
        return RECRUITING.search(draft) is not None
    employers = [
        name
        for name in names.finditer(plain)
        if not _SKILL.search(plain[max(0, name.start() - _NEAR) : name.start()])
    ]
    # The company's name the subject of the comparison: a few words before it, one clause.
    if any(
        _SUBJECT_GAP.fullmatch(plain, name.end(), better.start())
        for better in COMPARING.finditer(plain)
        for name in employers
    ):
        return True
    return any(
        max(job.start() - name.end(), name.start() - job.end()) <= _NEAR
        for job in RECRUITING.finditer(plain)
        if not _SEEKS_TO.match(plain, job.start())
        for name in employers
    )


def _recommended(plain: str, at: int, names: re.Pattern[str]) -> bool:
    """Whether the company's name follows `at` within a few words of the same sentence, the last
    of them no preposition."""
    name = names.search(plain, at)
    if name is None:
        return False
    between = plain[at : name.start()]
    words = re.findall(r"[\w'\u2019-]+", between)
    return (
        len(words) <= _FEW_WORDS
        and not re.search(r"[.!\n]", between)
        and not (words and words[-1].lower() in _PLACE)
    )


def _works_as(draft: str, company_names: tuple[str, ...]) -> bool:
    """ "…as a developer at Nordlys", "as a Nordlys employee", "bei Nordlys angefangen"."""
    alternatives = "|".join(re.escape(name) for name in company_names)
    pattern = re.compile(
        rf"\b(?:(?:as|som|als|comme|en\s+tant\s+que)\s+|en\s+tant\s+qu['\u2019])(?:[\w-]+\s+){{1,4}}"
        rf"(?:at|hos|i|bei|på|ved|bij|chez)\s+(?:{alternatives})"
        rf"|\b(?:years?|år|jahre?n?|jaar|ans)\s+(?:at|hos|i|bei|bij|chez)\s+(?:{alternatives})"
        rf"|\bbei\s+(?:{alternatives})(?:\s+[\w-]+){{0,3}}?\s+angefangen"
        rf"|\bstarted\s+at\s+(?:{alternatives})"
        # "Part of the Nordlys team", "en del af Nordlys-holdet", "Teil des Nordlys-Teams".
        rf"|\b(?:part of|en del af|en del av|del av|teil des|teil vom|onderdeel van|deel van"
        rf"|membre de|partie de)\s+(?:the\s+|l['\u2019]équipe\s+|het\s+)?(?:{alternatives})"
        rf"[- ]?(?:team|teams|holdet|teamet|teamets|family|familien|familie|équipe)\b"
        rf"|\b(?:begonnen|gestart)\s+bij\s+(?:{alternatives})"
        rf"|\b(?:commencé|arrivée?)\s+chez\s+(?:{alternatives})"
        # "As a Nordlys employee", "som Nordlys-medarbejder", "I work for Nordlys".
        rf"|\b(?:a|an|as|som|als|en|ein|eine)\s+(?:{alternatives})[- ](?:employee|ansat|ansatt"
        rf"|anställd|medarbejder|medarbetare|medarbeider|mitarbeiter(?:in)?|medewerker)\b"
        rf"|\b(?:salariée?|employée?|collaborat(?:eur|rice))\s+(?:de|chez)\s+(?:{alternatives})"
        rf"|\bhere\s+at\s+(?:{alternatives})"
        # One's own desk or office there: "back at my desk at Sowa on Monday".
        rf"|\bmy\s+(?:desk|office|workplace|shift)\s+(?:at|in)\s+(?:{alternatives})"
        # "I'm a support engineer at Nordlys", "jeg er produktchef hos Nordlys".
        rf"|\b(?:i['\u2019]m|i\s+am|jeg\s+er|ich\s+bin|jag\s+är|ik\s+ben|je\s+suis)\s+"
        rf"(?:[\w-]+\s+){{1,12}}(?:at|hos|bei|på|ved|bij|chez)\s+(?:{alternatives})"
        # "work at/for Nordlys" in any form ("proud to work for", "stolt af at arbejde hos").
        rf"|\b(?:work(?:s|ing)?|arbejd(?:e|er)|arbeite[nt]?|arbeta|arbetar|jobb(?:a|ar|e|er)"
        rf"|werk(?:en)?|travaill(?:e|er|ons)|bosse[r]?)\s+(?:at|for|hos|bei|für|på|i|ved|bij|voor"
        rf"|chez|pour)\s+(?:{alternatives})",
        re.IGNORECASE,
    )
    return pattern.search(draft) is not None
