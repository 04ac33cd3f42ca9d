"""The lexicon's ideas in German, Swedish, Norwegian, Dutch, French, Spanish and Italian.

The same ideas as handlers/guidelines/lexicon.py, in the everyday words of the other languages
the bot reads, from general bilingual vocabulary (no policy's wording): a question in one of
them finds the section of an English policy that speaks of the same idea, and the reverse.
"""

from __future__ import annotations

IDEAS = """
share:
  de teilen teile geteilt weiterleiten verbreiten retweeten
  sv dela delar delat sprida vidarebefordra
  nb dele deler delt spre videresende
  nl delen deel gedeeld doorsturen verspreiden retweeten
  fr partager partage partagé repartager relayer diffuser retweeter
  es compartir comparto compartido difundir reenviar retuitear
  it condividere condivido condiviso condivisione diffondere inoltrare ricondividere retweettare
publish:
  de posten poste gepostet veröffentlichen veröffentlicht hochladen beitrag beiträge schreiben
  sv posta postar publicera publicerar lägga inlägg skriva
  nb poste poster publisere publiserer legge innlegg skrive
  nl posten post gepost publiceren plaatsen bericht berichten schrijven uploaden
  fr publier publie publié poster posté publication publications écrire mettre
  es publicar publico publicado postear subir publicación publicaciones escribir
  it pubblicare pubblico pubblicato postare caricare pubblicazione pubblicazioni scrivere
photo:
  de foto fotos bild bilder selfie video videos filmen aufnahme
  sv foto foton bild bilder selfie video videor filma
  nb foto bilde bilder selfie video videoer filme
  nl foto foto's afbeelding afbeeldingen selfie video video's filmen
  fr photo photos image images selfie vidéo vidéos filmer
  es foto fotos imagen imágenes fotografía selfie vídeo video vídeos grabar
  it foto fotografia fotografie immagine immagini selfie video filmare girare
news:
  de neuigkeit neuigkeiten nachricht nachrichten ankündigung pressemitteilung
  sv nyhet nyheter meddelande pressmeddelande lansering
  nb nyhet nyheter kunngjøring pressemelding lansering
  nl nieuws aankondiging persbericht lancering
  fr nouvelle nouvelles actualité actualités annonce communiqué lancement
  es noticia noticias anuncio comunicado lanzamiento novedades
  it notizia notizie annuncio comunicato lancio novità
event:
  de veranstaltung veranstaltungen feier party weihnachtsfeier konferenz firmenfeier
  sv evenemang fest julfest konferens
  nb arrangement fest julebord konferanse
  nl evenement evenementen feest kerstfeest borrel conferentie
  fr événement événements fête soirée conférence
  es evento eventos fiesta conferencia celebración
  it evento eventi festa conferenza celebrazione
company:
  de firma unternehmen arbeitgeber betrieb organisation
  sv företag företaget företagets arbetsgivare organisation
  nb firma bedrift bedriften selskap selskapet arbeidsgiver organisasjon
  nl bedrijf organisatie werkgever onderneming
  fr entreprise société employeur organisation
  es empresa compañía organización empleador
  it azienda società organizzazione datore ente
secret:
  de vertraulich vertrauliche vertraulichen geheim geheime intern interne internen sensibel
  sv konfidentiell konfidentiella hemlig hemliga intern interna känslig
  nb konfidensiell konfidensielle hemmelig hemmelige intern interne sensitiv
  nl vertrouwelijk vertrouwelijke geheim geheime interne gevoelig gevoelige
  fr confidentiel confidentielle confidentielles confidentiels secret secrète interne sensible
  es confidencial confidenciales secreto secreta interna interno sensible
  it riservato riservata riservati riservate segreto segreta interno interna sensibile
money:
  de umsatz zahlen finanzen finanziell gewinn quartalszahlen budget geld
  sv omsättning siffror ekonomi vinst budget pengar
  nb omsetning tall økonomi fortjeneste budsjett penger
  nl omzet cijfers financiën financieel winst budget geld
  fr chiffre chiffres finances financier financiers bénéfice budget argent
  es ingresos cifras finanzas financiero financieros beneficio presupuesto dinero ventas
  it ricavi fatturato cifre finanze finanziario finanziari utile bilancio soldi vendite
customer:
  de kunde kunden klient
  sv kund kunder klient
  nb kunde kunder klient
  nl klant klanten
  fr client clients cliente
  es cliente clientes
  it cliente clienti
press:
  de journalist journalisten presse reporter interview
  sv journalist journalister press reporter intervju
  nb journalist journalister presse intervju
  nl journalist journalisten pers verslaggever interview
  fr journaliste journalistes presse interview
  es periodista periodistas prensa entrevista medios
  it giornalista giornalisti stampa intervista
negative:
  de negativ negative negativen böse kritik beschwerde beleidigung hass
  sv negativ negativa elak kritik klagomål förolämpning hat
  nb negativ negative stygg kritikk klage fornærmelse hat
  nl negatief negatieve kritiek klacht klachten belediging haat
  fr négatif négatifs négative négatives critique critiques plainte insulte haine
  es negativo negativos negativa negativas crítica críticas queja insulto odio
  it negativo negativi negativa negative critica critiche lamentela insulto odio
reply:
  de antworten antwort reagieren kommentar kommentare kommentieren
  sv svara svar kommentar kommentarer kommentera reagera
  nb svare svar kommentar kommentarer kommentere reagere
  nl antwoorden reageren reactie reacties commentaar
  fr répondre réponse réagir commentaire commentaires commenter
  es responder respuesta comentario comentarios comentar
  it rispondere risposta commento commenti commentare
message:
  de nachricht nachrichten direktnachricht
  sv meddelande meddelanden
  nb melding meldinger
  nl bericht berichten privébericht
  fr message messages
  es mensaje mensajes
  it messaggio messaggi
report:
  de melden meldet
  sv rapportera anmäla
  nb rapportere melde
  nl melden rapporteren
  fr signaler signalez
  es reportar denunciar informar
  it segnalare denunciare segnalazione
colleague:
  de kollege kollegen kollegin
  sv kollega kollegor
  nb kollega kolleger
  nl collega collega's
  fr collègue collègues
  es compañero compañeros colega colegas
  it collega colleghi
politics:
  de politik politisch politische religion religiös
  sv politik politisk politiska religion
  nb politikk politisk politiske religion
  nl politiek politieke religie
  fr politique politiques religion religieux
  es política político políticas religión religioso
  it politica politico politiche religione religioso
copyright:
  de urheberrecht musik lied marke
  sv upphovsrätt musik låt varumärke
  nb opphavsrett musikk sang varemerke
  nl auteursrecht muziek liedje merk
  fr musique chanson marque
  es derechos música canción marca
  it diritti musica canzone marchio
account:
  de konto profil seite gruppe
  sv konto profil sida grupp
  nb konto profil side gruppe
  nl account profiel pagina groep
  fr compte profil page groupe
  es cuenta perfil página grupo
  it account profilo pagina gruppo
mistake:
  de fehler versehen falsch
  sv fel misstag
  nb feil
  nl fout fouten vergissing
  fr erreur erreurs
  es error errores equivocación
  it errore errori sbaglio
ask:
  de fragen frage kontakt hilfe
  sv fråga frågor kontakt hjälp
  nb spørre spørsmål kontakt hjelp
  nl vragen vraag contact hulp
  fr question questions contact aide demander
  es pregunta preguntas contacto ayuda preguntar
  it domanda domande contatto aiuto chiedere
mention:
  de erwähnen name namen markieren
  sv nämna namn tagga
  nb nevne navn tagge
  nl noemen naam namen taggen
  fr mentionner nom noms identifier
  es mencionar nombre nombres etiquetar
  it menzionare nome nomi taggare
approve:
  de genehmigung erlaubnis zustimmung einverständnis
  sv godkännande tillstånd samtycke
  nb godkjenning tillatelse samtykke
  nl goedkeuring toestemming
  fr autorisation permission accord consentement
  es aprobación permiso autorización consentimiento
  it approvazione permesso autorizzazione consenso
hacked:
  de gehackt hacker gestohlen phishing
  sv hackad hackat kapad
  nb hacket kapret
  nl gehackt gestolen phishing
  fr piraté piratage phishing
  es hackeado hackeada robada phishing
  it hackerato hackerata rubato rubata phishing
violation:
  de verstoß verstöße konsequenzen strafe kündigung
  sv brott konsekvenser straff uppsägning
  nb brudd konsekvenser straff oppsigelse
  nl overtreding gevolgen straf ontslag
  fr violation sanction sanctions conséquences licenciement
  es infracción sanción sanciones consecuencias despido
  it violazione sanzione sanzioni conseguenze licenziamento
device:
  de gerät laptop computer handy telefon
  sv dator telefon mobil
  nb datamaskin telefon mobil
  nl apparaat laptop computer telefoon
  fr appareil ordinateur téléphone portable
  es dispositivo ordenador computadora teléfono móvil
  it dispositivo computer telefono cellulare
recruit:
  de stelle stellen bewerber bewerbung
  sv tjänst jobbannons sökande
  nb stilling stillinger søker
  nl vacature vacatures sollicitant
  fr poste emploi candidat candidats recrutement
  es empleo vacante candidato candidatos
  it assunzione assunzioni candidato candidati candidatura
legal:
  de rechtlich anwalt klage gericht verleumdung
  sv juridisk advokat rättegång domstol förtal
  nb juridisk advokat søksmål rettssak ærekrenkelse
  nl juridisch advocaat rechtszaak laster
  fr juridique avocat procès tribunal diffamation diffamatoires
  es legal abogado demanda tribunal difamación
  it legale avvocato querela tribunale diffamazione
crisis:
  de krise notfall
  sv kris nödsituation
  nb krise nødsituasjon
  nl crisis noodgeval
  fr crise urgence
  es crisis emergencia
  it crisi emergenza
product:
  de produkt produkte
  sv produkt produkter
  nb produkt produkter
  nl product producten
  fr produit produits
  es producto productos
  it prodotto prodotti
opinion:
  de meinung meinungen ansicht
  sv åsikt åsikter
  nb mening meninger
  nl mening meningen
  fr opinion opinions avis
  es opinión opiniones
  it opinione opinioni
truth:
  de falsch gerücht gerüchte fakten wahr
  sv falsk rykte rykten fakta
  nb falsk rykte rykter fakta
  nl onwaar gerucht geruchten feiten
  fr faux rumeur rumeurs faits vrai
  es falso rumor rumores hechos verdad
  it falso falsa bufala bufale fatti verità
article:
  de artikel link links inhalt inhalte
  sv artikel artiklar länk länkar innehåll
  nb artikkel artikler lenke lenker innhold
  nl artikel artikelen link links inhoud
  fr article articles lien liens contenu
  es artículo artículos enlace enlaces contenido
  it articolo articoli link collegamento contenuto
leadership:
  de chef geschäftsführung vorstand führungskraft
  sv chef ledning
  nb leder ledelse
  nl directie leidinggevende
  fr direction dirigeant dirigeants
  es dirección directivo directivos
  it direzione dirigente dirigenti
official:
  de offiziell offizielle offiziellen
  sv officiell officiella
  nb offisiell offisielle
  nl officieel officiële
  fr officiel officielle officiels
  es oficial oficiales
  it ufficiale ufficiali
harassment:
  de belästigung mobbing drohung bedrohung
  sv trakasserier mobbning hot
  nb trakassering mobbing trussel
  nl intimidatie pesten bedreiging
  fr harcèlement harceler menace menaces
  es acoso acosar amenaza amenazas
  it molestie molestare minaccia minacce
discrimination:
  de diskriminierung rassistisch beleidigend anstößig
  sv diskriminering rasistisk kränkande stötande
  nb diskriminering rasistisk krenkende støtende
  nl discriminatie racistisch beledigend aanstootgevend
  fr discrimination raciste offensant injurieux
  es discriminación racista ofensivo ofensiva
  it discriminazione razzista offensivo offensiva
brand:
  de logo marke
  sv logga logotyp
  nb logo
  nl logo
  fr logo
  es logotipo logo
  it logotipo logo
""".strip()

SOCIAL = """
  de soziale sozialen medien netzwerk netzwerke internet online plattform linkedin facebook
  de twitter instagram tiktok youtube follower hashtag richtlinie richtlinien regel regeln
  sv sociala medier nätverk internet online plattform linkedin facebook twitter instagram
  sv tiktok youtube följare hashtag riktlinje riktlinjer regel regler
  nb sosiale medier nettverk internett nett plattform linkedin facebook twitter instagram
  nb tiktok youtube følgere hashtag retningslinje retningslinjer regel regler
  nl sociale media netwerk internet online platform linkedin facebook twitter instagram
  nl tiktok youtube volgers hashtag richtlijn richtlijnen regel regels
  fr réseaux réseau sociaux médias internet ligne plateforme linkedin facebook twitter
  fr instagram tiktok youtube abonnés hashtag règle règles charte
  es redes red sociales medios internet línea plataforma linkedin facebook twitter
  es instagram tiktok youtube seguidores hashtag norma normas pauta pautas regla reglas
  it social rete reti internet piattaforma linkedin facebook twitter instagram tiktok youtube
  it follower hashtag norma norme regola regole linee guida
""".strip()

OFF_TOPIC = """
  de spesen erstattung quittung urlaub urlaubstage gehalt lohn rente elternzeit drucker
  de parkplatz kantine speiseplan besprechungsraum
  sv utlägg kvitto semester semesterdagar lön pension föräldraledighet skrivare parkering
  sv matsal lunchmeny
  nb utlegg kvittering ferie feriedager lønn pensjon foreldrepermisjon skriver parkering
  nb kantine
  nl onkosten declaratie bonnetje vakantie vakantiedagen salaris loon pensioen
  nl ouderschapsverlof printer parkeren parkeerplaats kantine
  fr frais remboursement reçu congé congés vacances salaire paie retraite imprimante
  fr parking cantine
  es gastos reembolso recibo vacaciones sueldo salario nómina pensión impresora
  es aparcamiento cafetería comedor
  it spese rimborso ricevuta ferie stipendio pensione stampante parcheggio mensa
""".strip()
