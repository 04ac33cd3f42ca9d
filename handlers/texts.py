"""The bot's fixed sentences in every language it reads, in one place: what guideline answers
and checks of drafts say, by key; `{name}` fields are filled in by the caller."""

from __future__ import annotations

# The fixed sentences of guideline answers (handlers/guidelines).
_GUIDELINES: dict[str, dict[str, str]] = {
    "en": {
        "unsure": (
            "I'm not sure our guidelines answer this; "
            "these sections look closest. Ask the social media team if they don't help."
        ),
        "not_covered": (
            "Our guidelines don't cover this question. Ask the social media team: "
            "they can answer it, and may add it to the guidelines."
        ),
        "from": "From",
        "from_other": "From (quoted in the guidelines' own language)",
        "empty": "Ask me a question about our social media guidelines.",
        "thanks": "You're welcome! Ask me again any time.",
        "acknowledged": "👍 Ask me whenever you have a question about a post.",
        "answer_helpful": "👍 Helpful",
        "answer_unhelpful": "👎 Not helpful",
        "ask_team": "Ask the social media team",
        "by_model_answer": "Answered with an AI model, from the sections cited.",
        "thanks_helpful": "Thanks, glad it helped.",
        "thanks_unhelpful": (
            "Thanks for telling me. The people who maintain the guidelines will see it."
        ),
        "passed_to_team": (
            "I've passed your question to the social media team; their answer will come to you in"
            " your chat with me."
        ),
        "saved_for_team": (
            "I've saved your question for the social media team: it reaches them as soon as the "
            "bot can reach them, and their answer will come to you in your chat with me."
        ),
        "team_answered": "The social media team answered your question",
        "team_you_asked": "You asked: {question}",
        "team_answered_by": "Answered by {name}.",
    },
    "da": {
        "unsure": (
            "Jeg er ikke sikker på, at retningslinjerne svarer på det; "
            "disse afsnit ligner mest. Spørg social media-teamet, hvis de ikke hjælper."
        ),
        "not_covered": (
            "Vores retningslinjer dækker ikke dette spørgsmål. Spørg social media-teamet: "
            "de kan svare, og måske tilføje det til retningslinjerne."
        ),
        "from": "Fra",
        "from_other": "Fra (citeret på retningslinjernes eget sprog)",
        "empty": "Stil mig et spørgsmål om vores retningslinjer for sociale medier.",
        "thanks": "Selv tak! Spørg mig bare igen når som helst.",
        "acknowledged": "👍 Spørg mig, når du har et spørgsmål om et opslag.",
        "answer_helpful": "👍 Hjælpsomt",
        "answer_unhelpful": "👎 Ikke hjælpsomt",
        "ask_team": "Spørg social media-teamet",
        "by_model_answer": "Besvaret med en AI-model ud fra de citerede afsnit.",
        "thanks_helpful": "Tak, godt det hjalp.",
        "thanks_unhelpful": (
            "Tak fordi du siger det. Dem, der vedligeholder retningslinjerne, får det at se."
        ),
        "passed_to_team": (
            "Jeg har sendt dit spørgsmål til social media-teamet; deres svar kommer til dig i din"
            " chat med mig."
        ),
        "saved_for_team": (
            "Jeg har gemt dit spørgsmål til social media-teamet: det når dem, så snart botten kan "
            "nå dem, og deres svar kommer til dig i din chat med mig."
        ),
        "team_answered": "Social media-teamet har svaret på dit spørgsmål",
        "team_you_asked": "Du spurgte: {question}",
        "team_answered_by": "Besvaret af {name}.",
    },
    "de": {
        "unsure": (
            "Ich bin nicht sicher, ob unsere Richtlinien das beantworten; "
            "diese Abschnitte passen am ehesten. Frag das Social-Media-Team, wenn sie nicht helfen."
        ),
        "not_covered": (
            "Unsere Richtlinien behandeln diese Frage nicht. Frag das Social-Media-Team: "
            "es kann sie beantworten und vielleicht in die Richtlinien aufnehmen."
        ),
        "from": "Aus",
        "from_other": "Aus (zitiert in der Sprache der Richtlinien)",
        "empty": "Stell mir eine Frage zu unseren Social-Media-Richtlinien.",
        "thanks": "Gern geschehen! Frag mich jederzeit wieder.",
        "acknowledged": "👍 Frag mich, wann immer du eine Frage zu einem Beitrag hast.",
        "answer_helpful": "👍 Hilfreich",
        "answer_unhelpful": "👎 Nicht hilfreich",
        "ask_team": "Social-Media-Team fragen",
        "by_model_answer": "Mit einem KI-Modell beantwortet, aus den zitierten Abschnitten.",
        "thanks_helpful": "Danke, schön, dass es geholfen hat.",
        "thanks_unhelpful": (
            "Danke für den Hinweis. Wer die Richtlinien pflegt, bekommt ihn zu sehen."
        ),
        "passed_to_team": (
            "Ich habe deine Frage an das Social-Media-Team weitergegeben; die Antwort bekommst "
            "du in deinem Chat mit mir."
        ),
        "saved_for_team": (
            "Ich habe deine Frage für das Social-Media-Team gespeichert: Sie erreicht es, sobald "
            "der Bot es erreichen kann, und die Antwort bekommst du in deinem Chat mit mir."
        ),
        "team_answered": "Das Social-Media-Team hat deine Frage beantwortet",
        "team_you_asked": "Du hast gefragt: {question}",
        "team_answered_by": "Beantwortet von {name}.",
    },
    "sv": {
        "unsure": (
            "Jag är inte säker på att riktlinjerna svarar på det; "
            "de här avsnitten ligger närmast. Fråga social media-teamet om de inte hjälper."
        ),
        "not_covered": (
            "Våra riktlinjer tar inte upp den här frågan. Fråga social media-teamet: "
            "de kan svara och kanske lägga till den i riktlinjerna."
        ),
        "from": "Från",
        "from_other": "Från (citerat på riktlinjernas eget språk)",
        "empty": "Ställ en fråga om våra riktlinjer för sociala medier.",
        "thanks": "Varsågod! Fråga mig igen när du vill.",
        "acknowledged": "👍 Fråga mig när du har en fråga om ett inlägg.",
        "answer_helpful": "👍 Hjälpsamt",
        "answer_unhelpful": "👎 Inte hjälpsamt",
        "ask_team": "Fråga teamet för sociala medier",
        "by_model_answer": "Besvarat med en AI-modell, utifrån de citerade avsnitten.",
        "thanks_helpful": "Tack, vad bra att det hjälpte.",
        "thanks_unhelpful": (
            "Tack för att du säger till. De som underhåller riktlinjerna får se det."
        ),
        "passed_to_team": (
            "Jag har skickat din fråga till teamet för sociala medier; deras svar kommer till dig i"
            " din chatt med mig."
        ),
        "saved_for_team": (
            "Jag har sparat din fråga till teamet för sociala medier: den når dem så snart boten "
            "kan nå dem, och deras svar kommer till dig i din chatt med mig."
        ),
        "team_answered": "Teamet för sociala medier har svarat på din fråga",
        "team_you_asked": "Du frågade: {question}",
        "team_answered_by": "Besvarad av {name}.",
    },
    "nb": {
        "unsure": (
            "Jeg er ikke sikker på at retningslinjene svarer på dette; "
            "disse avsnittene ligger nærmest. Spør sosiale medier-teamet hvis de ikke hjelper."
        ),
        "not_covered": (
            "Retningslinjene våre dekker ikke dette spørsmålet. Spør sosiale medier-teamet: "
            "de kan svare, og kanskje legge det til i retningslinjene."
        ),
        "from": "Fra",
        "from_other": "Fra (sitert på retningslinjenes eget språk)",
        "empty": "Still meg et spørsmål om retningslinjene våre for sosiale medier.",
        "thanks": "Bare hyggelig! Spør meg igjen når som helst.",
        "acknowledged": "👍 Spør meg når du har et spørsmål om et innlegg.",
        "answer_helpful": "👍 Nyttig",
        "answer_unhelpful": "👎 Ikke nyttig",
        "ask_team": "Spør teamet for sosiale medier",
        "by_model_answer": "Besvart med en AI-modell, ut fra de siterte avsnittene.",
        "thanks_helpful": "Takk, godt at det hjalp.",
        "thanks_unhelpful": (
            "Takk for at du sier fra. De som vedlikeholder retningslinjene, får se det."
        ),
        "passed_to_team": (
            "Jeg har sendt spørsmålet ditt til teamet for sosiale medier; svaret deres kommer "
            "til deg i chatten din med meg."
        ),
        "saved_for_team": (
            "Jeg har lagret spørsmålet ditt til teamet for sosiale medier: det når dem så snart "
            "boten kan nå dem, og svaret deres kommer til deg i chatten din med meg."
        ),
        "team_answered": "Teamet for sosiale medier har svart på spørsmålet ditt",
        "team_you_asked": "Du spurte: {question}",
        "team_answered_by": "Besvart av {name}.",
    },
    "nl": {
        "unsure": (
            "Ik weet niet zeker of onze richtlijnen dit beantwoorden; "
            "deze onderdelen komen het dichtst in de buurt. "
            "Vraag het socialemediateam als ze niet helpen."
        ),
        "not_covered": (
            "Onze richtlijnen behandelen deze vraag niet. Vraag het socialemediateam: "
            "zij kunnen hem beantwoorden en misschien aan de richtlijnen toevoegen."
        ),
        "from": "Uit",
        "from_other": "Uit (geciteerd in de taal van de richtlijnen)",
        "empty": "Stel me een vraag over onze richtlijnen voor sociale media.",
        "thanks": "Graag gedaan! Vraag het me gerust nog eens.",
        "acknowledged": "👍 Vraag het me wanneer je een vraag over een bericht hebt.",
        "answer_helpful": "👍 Nuttig",
        "answer_unhelpful": "👎 Niet nuttig",
        "ask_team": "Vraag het socialemediateam",
        "by_model_answer": "Beantwoord met een AI-model, uit de geciteerde onderdelen.",
        "thanks_helpful": "Bedankt, fijn dat het hielp.",
        "thanks_unhelpful": (
            "Bedankt voor je melding. Wie de richtlijnen onderhoudt, krijgt het te zien."
        ),
        "passed_to_team": (
            "Ik heb je vraag aan het socialemediateam doorgegeven; hun antwoord krijg je in je chat"
            " met mij."
        ),
        "saved_for_team": (
            "Ik heb je vraag voor het socialemediateam bewaard: die bereikt hen zodra de bot hen "
            "kan bereiken, en hun antwoord krijg je in je chat met mij."
        ),
        "team_answered": "Het socialemediateam heeft je vraag beantwoord",
        "team_you_asked": "Je vroeg: {question}",
        "team_answered_by": "Beantwoord door {name}.",
    },
    "fr": {
        "unsure": (
            "Je ne suis pas sûr que nos règles répondent à cela ; "
            "ces sections sont les plus proches. "
            "Demandez à l'équipe réseaux sociaux si elles n'aident pas."
        ),
        "not_covered": (
            "Nos règles ne traitent pas cette question. Demandez à l'équipe réseaux sociaux : "
            "elle peut y répondre, et peut-être l'ajouter aux règles."
        ),
        "from": "Extrait de",
        "from_other": "Extrait de (cité dans la langue des règles)",
        "empty": "Posez-moi une question sur nos règles d'usage des réseaux sociaux.",
        "thanks": "Avec plaisir ! Demandez-moi quand vous voulez.",
        "acknowledged": "👍 Demandez-moi dès que vous avez une question sur une publication.",
        "answer_helpful": "👍 Utile",
        "answer_unhelpful": "👎 Pas utile",
        "ask_team": "Demander à l'équipe réseaux sociaux",
        "by_model_answer": "Répondu avec un modèle d'IA, à partir des sections citées.",
        "thanks_helpful": "Merci, ravi que cela ait aidé.",
        "thanks_unhelpful": (
            "Merci de me le dire. Les personnes qui tiennent les règles le verront."
        ),
        "passed_to_team": (
            "J'ai transmis votre question à l'équipe réseaux sociaux ; sa réponse vous arrivera "
            "dans votre conversation avec moi."
        ),
        "saved_for_team": (
            "J'ai gardé votre question pour l'équipe réseaux sociaux : elle lui parviendra dès "
            "que le bot pourra la joindre, et sa réponse vous arrivera dans votre conversation "
            "avec moi."
        ),
        "team_answered": "L'équipe réseaux sociaux a répondu à votre question",
        "team_you_asked": "Vous avez demandé : {question}",
        "team_answered_by": "Réponse de {name}.",
    },
    "es": {
        "unsure": (
            "No estoy seguro de que nuestras pautas respondan a esto; "
            "estas secciones son las más cercanas. "
            "Pregunta al equipo de redes sociales si no te ayudan."
        ),
        "not_covered": (
            "Nuestras pautas no tratan esta pregunta. Pregunta al equipo de redes sociales: "
            "pueden responderla y quizá añadirla a las pautas."
        ),
        "from": "De",
        "from_other": "De (citado en el idioma de las pautas)",
        "empty": "Hazme una pregunta sobre nuestras pautas de redes sociales.",
        "thanks": "¡De nada! Pregúntame cuando quieras.",
        "acknowledged": "👍 Pregúntame cuando tengas una duda sobre una publicación.",
        "answer_helpful": "👍 Útil",
        "answer_unhelpful": "👎 No es útil",
        "ask_team": "Preguntar al equipo de redes sociales",
        "by_model_answer": "Respondido con un modelo de IA, a partir de las secciones citadas.",
        "thanks_helpful": "Gracias, me alegra que haya servido.",
        "thanks_unhelpful": "Gracias por decírmelo. Quienes mantienen las pautas lo verán.",
        "passed_to_team": (
            "He pasado tu pregunta al equipo de redes sociales; su respuesta te llegará en tu chat"
            " conmigo."
        ),
        "saved_for_team": (
            "He guardado tu pregunta para el equipo de redes sociales: les llegará en cuanto el "
            "bot pueda contactarles, y su respuesta te llegará en tu chat conmigo."
        ),
        "team_answered": "El equipo de redes sociales ha respondido a tu pregunta",
        "team_you_asked": "Preguntaste: {question}",
        "team_answered_by": "Respondida por {name}.",
    },
}


# The fixed sentences of a check of a draft (handlers/checks), in the draft's language.
_CHECKS: dict[str, dict[str, str]] = {
    "en": {
        "label_confidential": "Confidential",
        "label_disclosure": "Say you work here",
        "label_reply_to_criticism": "Reply to criticism",
        "label_guideline": "Against the guidelines",
        "nothing": "Nothing in the guidelines speaks against this post.",
        "never_posted": "I never post anything: the draft stays yours, and I do not keep it.",
        "one_thing": "1 thing to look at before you post:",
        "things": "{count} things to look at before you post:",
        "fix": "Fix",
        "source": "Source",
        "report_button": "Report it to the social media team",
        "by_model": (
            "Reviewed by an AI model too, against the sections cited: the draft went to the"
            " model's server for that, without your name."
        ),
        "helpful": "Helpful",
        "unhelpful": "Not right",
        "term": "“{term}” is confidential.",
        "term_until": "“{term}” is confidential until {until}.",
        "fix_term": "Leave out “{term}”.",
        "fix_term_until": "Leave out “{term}”, or wait until after {until}.",
        "internal_link": (
            "{host} is an internal address: it shows our internal systems and does not open"
            " for your readers."
        ),
        "fix_internal_link": "Cut the internal link; link to a public page instead.",
        "financial": "This looks like a financial figure that is not published yet.",
        "fix_financial": (
            "Remove the figure, or wait until it is published and link to where it is. "
        ),
        "email": "A person's e-mail address: personal data is theirs to share, not ours.",
        "fix_email": "Remove the address, or use a shared one such as the press or jobs mailbox.",
        "phone": "A phone number: personal data is theirs to share, not ours.",
        "fix_phone": "Remove the number.",
        "credential": (
            "This looks like a password, key or token. Once posted it is public for good. "
        ),
        "fix_credential": "Remove it, and have it changed: it may already have been seen.",
        "disclosure": (
            "The post promotes {name} but does not say you work there; readers must know it is"
            " an employee speaking."
        ),
        "fix_disclosure": "Add “I work at {company}” or the hashtag #employee.",
        "reported": (
            "This is about a post already reported to the social media team: they decide"
            " whether and how the company answers."
        ),
        "fix_reported": "Don't post it; add what you know to the report instead.",
        "criticism": (
            "This answers criticism of the company. Answering in the heat of the moment usually"
            " makes it worse: the social media team decides whether and how to respond."
        ),
        "fix_criticism": "Don't post it; report the criticism to the social media team.",
        "guideline": "The guidelines say: “{rule}”",
    },
    "da": {
        "label_confidential": "Fortroligt",
        "label_disclosure": "Sig, at du arbejder her",
        "label_reply_to_criticism": "Svar på kritik",
        "label_guideline": "Mod retningslinjerne",
        "nothing": "Intet i retningslinjerne taler imod dette opslag.",
        "never_posted": "Jeg poster aldrig noget: udkastet er dit, og jeg gemmer det ikke.",
        "one_thing": "1 ting at se på, før du poster:",
        "things": "{count} ting at se på, før du poster:",
        "fix": "Forslag",
        "source": "Kilde",
        "report_button": "Rapportér det til social media-teamet",
        "by_model": (
            "Også gennemgået af en AI-model, ud fra de citerede afsnit: udkastet blev sendt til"
            " modellens server til det, uden dit navn."
        ),
        "helpful": "Nyttigt",
        "unhelpful": "Ikke rigtigt",
        "term": "“{term}” er fortroligt.",
        "term_until": "“{term}” er fortroligt indtil {until}.",
        "fix_term": "Udelad “{term}”.",
        "fix_term_until": "Udelad “{term}”, eller vent til efter {until}.",
        "internal_link": (
            "{host} er en intern adresse: den viser vores interne systemer og kan ikke åbnes"
            " af dine læsere."
        ),
        "fix_internal_link": "Fjern det interne link; link til en offentlig side i stedet.",
        "financial": "Det ligner et økonomisk tal, der ikke er offentliggjort endnu.",
        "fix_financial": (
            "Fjern tallet, eller vent til det er offentliggjort, og link til, hvor det står."
        ),
        "email": "En persons e-mailadresse: personoplysninger er deres at dele, ikke vores.",
        "fix_email": "Fjern adressen, eller brug en fælles, som presse- eller jobpostkassen.",
        "phone": "Et telefonnummer: personoplysninger er deres at dele, ikke vores.",
        "fix_phone": "Fjern nummeret.",
        "credential": (
            "Det ligner en adgangskode, nøgle eller token. Når det er postet, er det offentligt"
            " for altid."
        ),
        "fix_credential": "Fjern det, og få det skiftet: det kan allerede være set.",
        "disclosure": (
            "Opslaget promoverer {name}, men siger ikke, at du arbejder der; læserne skal vide,"
            " at det er en medarbejder, der taler."
        ),
        "fix_disclosure": "Tilføj “Jeg arbejder hos {company}” eller hashtagget #ansat.",
        "reported": (
            "Det handler om et opslag, der allerede er rapporteret til social media-teamet: de"
            " afgør, om og hvordan virksomheden svarer."
        ),
        "fix_reported": "Post det ikke; føj det, du ved, til rapporten i stedet.",
        "criticism": (
            "Det her svarer på kritik af virksomheden. Et svar i affekt gør det som regel værre:"
            " social media-teamet afgør, om og hvordan der svares."
        ),
        "fix_criticism": "Post det ikke; rapportér kritikken til social media-teamet.",
        "guideline": "Retningslinjerne siger: “{rule}”",
    },
    "de": {
        "label_confidential": "Vertraulich",
        "label_disclosure": "Sag, dass du hier arbeitest",
        "label_reply_to_criticism": "Antwort auf Kritik",
        "label_guideline": "Gegen die Richtlinien",
        "nothing": "Nichts in den Richtlinien spricht gegen diesen Beitrag.",
        "never_posted": (
            "Ich poste nie etwas: Der Entwurf bleibt deiner, und ich speichere ihn nicht. "
        ),
        "one_thing": "1 Punkt, den du vor dem Posten ansehen solltest:",
        "things": "{count} Punkte, die du vor dem Posten ansehen solltest:",
        "fix": "Vorschlag",
        "source": "Quelle",
        "report_button": "An das Social-Media-Team melden",
        "by_model": (
            "Auch von einem KI-Modell geprüft, anhand der zitierten Abschnitte: Der Entwurf ging"
            " dafür an den Server des Modells, ohne deinen Namen."
        ),
        "helpful": "Hilfreich",
        "unhelpful": "Nicht richtig",
        "term": "„{term}“ ist vertraulich.",
        "term_until": "„{term}“ ist bis {until} vertraulich.",
        "fix_term": "Lass „{term}“ weg.",
        "fix_term_until": "Lass „{term}“ weg, oder warte bis nach dem {until}.",
        "internal_link": (
            "{host} ist eine interne Adresse: Sie zeigt unsere internen Systeme und öffnet sich"
            " für deine Leser nicht."
        ),
        "fix_internal_link": (
            "Entferne den internen Link; verlinke stattdessen eine öffentliche Seite. "
        ),
        "financial": "Das sieht nach einer Finanzzahl aus, die noch nicht veröffentlicht ist.",
        "fix_financial": (
            "Entferne die Zahl, oder warte, bis sie veröffentlicht ist, und verlinke die Quelle."
        ),
        "email": "Die E-Mail-Adresse einer Person: Persönliche Daten gehören ihr, nicht uns.",
        "fix_email": (
            "Entferne die Adresse, oder nimm eine gemeinsame wie das Presse- oder Jobs-Postfach."
        ),
        "phone": "Eine Telefonnummer: Persönliche Daten gehören der Person, nicht uns.",
        "fix_phone": "Entferne die Nummer.",
        "credential": (
            "Das sieht nach einem Passwort, Schlüssel oder Token aus. Einmal gepostet, ist es"
            " für immer öffentlich."
        ),
        "fix_credential": "Entferne es und lass es ändern: Es könnte schon gesehen worden sein.",
        "disclosure": (
            "Der Beitrag wirbt für {name}, sagt aber nicht, dass du dort arbeitest; Leser müssen"
            " wissen, dass hier ein Mitarbeiter spricht."
        ),
        "fix_disclosure": "Ergänze „Ich arbeite bei {company}“ oder den Hashtag #Mitarbeiter.",
        "reported": (
            "Es geht um einen Beitrag, der dem Social-Media-Team schon gemeldet ist: Das Team"
            " entscheidet, ob und wie das Unternehmen antwortet."
        ),
        "fix_reported": "Poste es nicht; ergänze stattdessen die Meldung um das, was du weißt.",
        "criticism": (
            "Das antwortet auf Kritik am Unternehmen. Eine Antwort im Eifer des Gefechts macht"
            " es meist schlimmer: Das Social-Media-Team entscheidet, ob und wie geantwortet wird."
        ),
        "fix_criticism": "Poste es nicht; melde die Kritik dem Social-Media-Team.",
        "guideline": "Die Richtlinien sagen: „{rule}“",
    },
    "sv": {
        "label_confidential": "Konfidentiellt",
        "label_disclosure": "Säg att du jobbar här",
        "label_reply_to_criticism": "Svar på kritik",
        "label_guideline": "Mot riktlinjerna",
        "nothing": "Inget i riktlinjerna talar emot det här inlägget.",
        "never_posted": "Jag publicerar aldrig något: utkastet är ditt, och jag sparar det inte.",
        "one_thing": "1 sak att titta på innan du publicerar:",
        "things": "{count} saker att titta på innan du publicerar:",
        "fix": "Förslag",
        "source": "Källa",
        "report_button": "Rapportera till social media-teamet",
        "by_model": (
            "Granskat av en AI-modell också, mot de citerade avsnitten: utkastet skickades till"
            " modellens server för det, utan ditt namn."
        ),
        "helpful": "Hjälpsamt",
        "unhelpful": "Inte rätt",
        "term": "”{term}” är konfidentiellt.",
        "term_until": "”{term}” är konfidentiellt till {until}.",
        "fix_term": "Ta bort ”{term}”.",
        "fix_term_until": "Ta bort ”{term}”, eller vänta till efter {until}.",
        "internal_link": (
            "{host} är en intern adress: den visar våra interna system och öppnas inte för dina"
            " läsare."
        ),
        "fix_internal_link": "Ta bort den interna länken; länka till en offentlig sida i stället.",
        "financial": "Det här ser ut som en ekonomisk siffra som inte är publicerad än.",
        "fix_financial": "Ta bort siffran, eller vänta tills den är publicerad och länka dit.",
        "email": "En persons e-postadress: personuppgifter är deras att dela, inte våra.",
        "fix_email": "Ta bort adressen, eller använd en gemensam, som press- eller jobbrevlådan.",
        "phone": "Ett telefonnummer: personuppgifter är deras att dela, inte våra.",
        "fix_phone": "Ta bort numret.",
        "credential": (
            "Det här ser ut som ett lösenord, en nyckel eller en token. När det är publicerat"
            " är det offentligt för alltid."
        ),
        "fix_credential": "Ta bort det och låt byta det: det kan redan ha setts.",
        "disclosure": (
            "Inlägget marknadsför {name} men säger inte att du jobbar där; läsarna måste veta"
            " att det är en anställd som talar."
        ),
        "fix_disclosure": "Lägg till ”Jag jobbar på {company}” eller hashtaggen #anställd.",
        "reported": (
            "Det här gäller ett inlägg som redan är rapporterat till social media-teamet: de"
            " avgör om och hur företaget svarar."
        ),
        "fix_reported": "Publicera det inte; lägg till det du vet i rapporten i stället.",
        "criticism": (
            "Det här svarar på kritik mot företaget. Ett svar i stundens hetta gör det oftast"
            " värre: social media-teamet avgör om och hur man svarar."
        ),
        "fix_criticism": "Publicera det inte; rapportera kritiken till social media-teamet.",
        "guideline": "Riktlinjerna säger: ”{rule}”",
    },
    "nb": {
        "label_confidential": "Konfidensielt",
        "label_disclosure": "Si at du jobber her",
        "label_reply_to_criticism": "Svar på kritikk",
        "label_guideline": "Mot retningslinjene",
        "nothing": "Ingenting i retningslinjene taler imot dette innlegget.",
        "never_posted": "Jeg publiserer aldri noe: utkastet er ditt, og jeg lagrer det ikke.",
        "one_thing": "1 ting å se på før du publiserer:",
        "things": "{count} ting å se på før du publiserer:",
        "fix": "Forslag",
        "source": "Kilde",
        "report_button": "Rapporter det til sosiale medier-teamet",
        "by_model": (
            "Også gjennomgått av en AI-modell, ut fra avsnittene som er sitert: utkastet ble"
            " sendt til modellens server for det, uten navnet ditt."
        ),
        "helpful": "Nyttig",
        "unhelpful": "Ikke riktig",
        "term": "«{term}» er konfidensielt.",
        "term_until": "«{term}» er konfidensielt til {until}.",
        "fix_term": "Ta ut «{term}».",
        "fix_term_until": "Ta ut «{term}», eller vent til etter {until}.",
        "internal_link": (
            "{host} er en intern adresse: den viser våre interne systemer og åpnes ikke for"
            " leserne dine."
        ),
        "fix_internal_link": "Fjern den interne lenken; lenk til en offentlig side i stedet.",
        "financial": "Dette ser ut som et økonomisk tall som ikke er offentliggjort ennå.",
        "fix_financial": "Fjern tallet, eller vent til det er offentliggjort, og lenk dit.",
        "email": "En persons e-postadresse: personopplysninger er deres å dele, ikke våre.",
        "fix_email": "Fjern adressen, eller bruk en felles, som presse- eller jobbpostkassen.",
        "phone": "Et telefonnummer: personopplysninger er deres å dele, ikke våre.",
        "fix_phone": "Fjern nummeret.",
        "credential": (
            "Dette ser ut som et passord, en nøkkel eller et token. Når det er publisert, er det"
            " offentlig for alltid."
        ),
        "fix_credential": "Fjern det, og få det byttet: det kan allerede være sett.",
        "disclosure": (
            "Innlegget promoterer {name}, men sier ikke at du jobber der; leserne må vite at det"
            " er en ansatt som snakker."
        ),
        "fix_disclosure": "Legg til «Jeg jobber i {company}» eller emneknaggen #ansatt.",
        "reported": (
            "Dette gjelder et innlegg som allerede er rapportert til sosiale medier-teamet: de"
            " avgjør om og hvordan selskapet svarer."
        ),
        "fix_reported": "Ikke publiser det; legg heller til det du vet i rapporten.",
        "criticism": (
            "Dette svarer på kritikk av selskapet. Et svar i affekt gjør det som regel verre:"
            " sosiale medier-teamet avgjør om og hvordan det skal svares."
        ),
        "fix_criticism": "Ikke publiser det; rapporter kritikken til sosiale medier-teamet.",
        "guideline": "Retningslinjene sier: «{rule}»",
    },
    "nl": {
        "label_confidential": "Vertrouwelijk",
        "label_disclosure": "Zeg dat je hier werkt",
        "label_reply_to_criticism": "Reactie op kritiek",
        "label_guideline": "Tegen de richtlijnen",
        "nothing": "Niets in de richtlijnen spreekt dit bericht tegen.",
        "never_posted": "Ik plaats nooit iets: het concept blijft van jou en ik bewaar het niet.",
        "one_thing": "1 punt om naar te kijken voor je plaatst:",
        "things": "{count} punten om naar te kijken voor je plaatst:",
        "fix": "Oplossing",
        "source": "Bron",
        "report_button": "Meld het aan het socialemediateam",
        "by_model": (
            "Ook beoordeeld door een AI-model, aan de hand van de geciteerde onderdelen: het"
            " concept ging daarvoor naar de server van het model, zonder je naam."
        ),
        "helpful": "Nuttig",
        "unhelpful": "Niet juist",
        "term": "“{term}” is vertrouwelijk.",
        "term_until": "“{term}” is vertrouwelijk tot {until}.",
        "fix_term": "Laat “{term}” weg.",
        "fix_term_until": "Laat “{term}” weg, of wacht tot na {until}.",
        "internal_link": (
            "{host} is een intern adres: het toont onze interne systemen en opent niet voor je"
            " lezers."
        ),
        "fix_internal_link": (
            "Haal de interne link weg; link in plaats daarvan naar een openbare pagina. "
        ),
        "financial": "Dit lijkt een financieel cijfer dat nog niet gepubliceerd is.",
        "fix_financial": "Haal het cijfer weg, of wacht tot het gepubliceerd is en link ernaar.",
        "email": "Iemands e-mailadres: persoonsgegevens zijn aan hen om te delen, niet aan ons.",
        "fix_email": (
            "Haal het adres weg, of gebruik een gedeeld adres zoals de pers- of vacaturemailbox."
        ),
        "phone": "Een telefoonnummer: persoonsgegevens zijn aan hen om te delen, niet aan ons.",
        "fix_phone": "Haal het nummer weg.",
        "credential": (
            "Dit lijkt een wachtwoord, sleutel of token. Eenmaal geplaatst is het voorgoed"
            " openbaar."
        ),
        "fix_credential": "Haal het weg en laat het wijzigen: het kan al gezien zijn.",
        "disclosure": (
            "Het bericht promoot {name} maar zegt niet dat je daar werkt; lezers moeten weten"
            " dat een medewerker aan het woord is."
        ),
        "fix_disclosure": "Voeg “Ik werk bij {company}” of de hashtag #medewerker toe.",
        "reported": (
            "Dit gaat over een bericht dat al gemeld is bij het socialemediateam: zij beslissen"
            " of en hoe het bedrijf reageert."
        ),
        "fix_reported": "Plaats het niet; voeg wat je weet toe aan de melding.",
        "criticism": (
            "Dit reageert op kritiek op het bedrijf. Reageren in de hitte van het moment maakt"
            " het meestal erger: het socialemediateam beslist of en hoe er gereageerd wordt."
        ),
        "fix_criticism": "Plaats het niet; meld de kritiek bij het socialemediateam.",
        "guideline": "De richtlijnen zeggen: “{rule}”",
    },
    "fr": {
        "label_confidential": "Confidentiel",
        "label_disclosure": "Dites que vous travaillez ici",
        "label_reply_to_criticism": "Réponse à une critique",
        "label_guideline": "Contraire aux règles",
        "nothing": "Rien dans nos règles ne s'oppose à cette publication.",
        "never_posted": (
            "Je ne publie jamais rien : le brouillon reste le vôtre et je ne le conserve pas. "
        ),
        "one_thing": "1 point à regarder avant de publier :",
        "things": "{count} points à regarder avant de publier :",
        "fix": "Suggestion",
        "source": "Source",
        "report_button": "Le signaler à l'équipe réseaux sociaux",
        "by_model": (
            "Relu aussi par un modèle d'IA, au regard des sections citées : le brouillon a été"
            " envoyé pour cela au serveur du modèle, sans votre nom."
        ),
        "helpful": "Utile",
        "unhelpful": "Pas juste",
        "term": "« {term} » est confidentiel.",
        "term_until": "« {term} » est confidentiel jusqu'au {until}.",
        "fix_term": "Retirez « {term} ».",
        "fix_term_until": "Retirez « {term} », ou attendez après le {until}.",
        "internal_link": (
            "{host} est une adresse interne : elle montre nos systèmes internes et ne s'ouvre"
            " pas pour vos lecteurs."
        ),
        "fix_internal_link": (
            "Retirez le lien interne ; mettez plutôt un lien vers une page publique. "
        ),
        "financial": "Cela ressemble à un chiffre financier qui n'est pas encore publié.",
        "fix_financial": (
            "Retirez le chiffre, ou attendez qu'il soit publié et mettez un lien vers la source."
        ),
        "email": (
            "L'adresse e-mail d'une personne : ses données personnelles sont à elle de les"
            " partager, pas à nous."
        ),
        "fix_email": (
            "Retirez l'adresse, ou utilisez une adresse commune comme celle de la presse ou du"
            " recrutement."
        ),
        "phone": (
            "Un numéro de téléphone : les données personnelles sont aux personnes de les"
            " partager, pas à nous."
        ),
        "fix_phone": "Retirez le numéro.",
        "credential": (
            "Cela ressemble à un mot de passe, une clé ou un jeton. Une fois publié, il est"
            " public pour toujours."
        ),
        "fix_credential": "Retirez-le et faites-le changer : il a peut-être déjà été vu.",
        "disclosure": (
            "La publication fait la promotion de {name} sans dire que vous y travaillez ; les"
            " lecteurs doivent savoir que c'est un salarié qui parle."
        ),
        "fix_disclosure": "Ajoutez « Je travaille chez {company} » ou le hashtag #salarié.",
        "reported": (
            "Il s'agit d'une publication déjà signalée à l'équipe réseaux sociaux : elle décide"
            " si et comment l'entreprise répond."
        ),
        "fix_reported": "Ne la publiez pas ; ajoutez plutôt ce que vous savez au signalement.",
        "criticism": (
            "Ceci répond à une critique de l'entreprise. Répondre à chaud aggrave souvent les"
            " choses : l'équipe réseaux sociaux décide si et comment répondre."
        ),
        "fix_criticism": "Ne la publiez pas ; signalez la critique à l'équipe réseaux sociaux.",
        "guideline": "Nos règles disent : « {rule} »",
    },
    "es": {
        "label_confidential": "Confidencial",
        "label_disclosure": "Di que trabajas aquí",
        "label_reply_to_criticism": "Respuesta a una crítica",
        "label_guideline": "Contra las pautas",
        "nothing": "Nada en las pautas se opone a esta publicación.",
        "never_posted": "Nunca publico nada: el borrador sigue siendo tuyo y no lo guardo.",
        "one_thing": "1 cosa que revisar antes de publicar:",
        "things": "{count} cosas que revisar antes de publicar:",
        "fix": "Sugerencia",
        "source": "Fuente",
        "report_button": "Avisar al equipo de redes sociales",
        "by_model": (
            "Revisado también por un modelo de IA, según las secciones citadas: el borrador se"
            " envió para ello al servidor del modelo, sin tu nombre."
        ),
        "helpful": "Útil",
        "unhelpful": "No es correcto",
        "term": "«{term}» es confidencial.",
        "term_until": "«{term}» es confidencial hasta el {until}.",
        "fix_term": "Quita «{term}».",
        "fix_term_until": "Quita «{term}», o espera hasta después del {until}.",
        "internal_link": (
            "{host} es una dirección interna: muestra nuestros sistemas internos y tus lectores"
            " no pueden abrirla."
        ),
        "fix_internal_link": "Quita el enlace interno; enlaza una página pública en su lugar.",
        "financial": "Parece una cifra financiera que aún no se ha publicado.",
        "fix_financial": "Quita la cifra, o espera a que se publique y enlaza la fuente.",
        "email": (
            "La dirección de correo de una persona: sus datos personales son suyos para"
            " compartirlos, no nuestros."
        ),
        "fix_email": "Quita la dirección, o usa una compartida, como la de prensa o empleo.",
        "phone": (
            "Un número de teléfono: los datos personales son de cada persona para compartirlos,"
            " no nuestros."
        ),
        "fix_phone": "Quita el número.",
        "credential": (
            "Parece una contraseña, una clave o un token. Una vez publicado, es público para"
            " siempre."
        ),
        "fix_credential": "Quítalo y haz que lo cambien: puede que ya lo hayan visto.",
        "disclosure": (
            "La publicación promociona {name} pero no dice que trabajas allí; los lectores deben"
            " saber que habla un empleado."
        ),
        "fix_disclosure": "Añade «Trabajo en {company}» o el hashtag #empleado.",
        "reported": (
            "Se trata de una publicación ya reportada al equipo de redes sociales: ellos deciden"
            " si la empresa responde y cómo."
        ),
        "fix_reported": "No la publiques; añade lo que sepas al reporte.",
        "criticism": (
            "Esto responde a una crítica a la empresa. Responder en caliente suele empeorarlo:"
            " el equipo de redes sociales decide si se responde y cómo."
        ),
        "fix_criticism": "No la publiques; reporta la crítica al equipo de redes sociales.",
        "guideline": "Las pautas dicen: «{rule}»",
    },
}

# The fixed sentences of Slack's assistant pane (handlers/assistant): in the asker's language
# once they wrote something, else in the guidelines' own language.
_ASSISTANT: dict[str, dict[str, str]] = {
    "en": {
        "pane_greeting": (
            "Hi! I answer questions about our social media guidelines, check a post before you "
            "publish it, and take reports of negative mentions to the social media team. "
            "Ask me anything, or pick a suggestion below."
        ),
        "pane_report_this": "Report this",
        "pane_open_form": "Open the report form",
        "pane_check_ask": (
            "Paste your draft here and I'll check it against the guidelines. I post it nowhere."
        ),
        "pane_report_ask": (
            "Paste the link of the post or comment here, with a word on what it is about, "
            "or open the form."
        ),
        "pane_no_link": "I found no link in that. Paste the link of the post, or open the form.",
        "pane_status": "is looking in the guidelines…",
        "pane_check_prompt": "Check a post before I publish it",
        "pane_report_prompt": "Report a negative mention",
        "pane_question_news": "Can I share company news on LinkedIn?",
        "pane_question_criticism": "How should I respond to criticism of the company online?",
    },
    "da": {
        "pane_greeting": (
            "Hej! Jeg svarer på spørgsmål om vores retningslinjer for sociale medier, tjekker et "
            "opslag, før du udgiver det, og giver social media-teamet besked om negative omtaler. "
            "Spørg mig om hvad som helst, eller vælg et forslag nedenfor."
        ),
        "pane_report_this": "Rapportér dette",
        "pane_open_form": "Åbn rapportformularen",
        "pane_check_ask": (
            "Indsæt dit udkast her, så tjekker jeg det mod retningslinjerne. "
            "Jeg slår det ikke op nogen steder."
        ),
        "pane_report_ask": (
            "Indsæt linket til opslaget eller kommentaren her med et ord om, hvad det handler "
            "om, eller åbn formularen."
        ),
        "pane_no_link": (
            "Jeg fandt intet link i det. Indsæt linket til opslaget, eller åbn formularen."
        ),
        "pane_status": "kigger i retningslinjerne…",
        "pane_check_prompt": "Tjek et opslag, før jeg udgiver det",
        "pane_report_prompt": "Rapportér en negativ omtale",
        "pane_question_news": "Må jeg dele firmanyheder på LinkedIn?",
        "pane_question_criticism": "Hvordan skal jeg svare på kritik af virksomheden online?",
    },
    "de": {
        "pane_greeting": (
            "Hallo! Ich beantworte Fragen zu unseren Social-Media-Richtlinien, prüfe einen "
            "Beitrag, bevor du ihn veröffentlichst, und melde negative Erwähnungen an das "
            "Social-Media-Team. Frag mich etwas oder wähle unten einen Vorschlag."
        ),
        "pane_report_this": "Das melden",
        "pane_open_form": "Meldeformular öffnen",
        "pane_check_ask": (
            "Füge deinen Entwurf hier ein, und ich prüfe ihn anhand der Richtlinien. "
            "Ich veröffentliche ihn nirgends."
        ),
        "pane_report_ask": (
            "Füge hier den Link zum Beitrag oder Kommentar ein, mit einem Wort, worum es geht, "
            "oder öffne das Formular."
        ),
        "pane_no_link": (
            "Darin habe ich keinen Link gefunden. Füge den Link zum Beitrag ein oder öffne das "
            "Formular."
        ),
        "pane_status": "sieht in den Richtlinien nach…",
        "pane_check_prompt": "Einen Beitrag vor dem Veröffentlichen prüfen",
        "pane_report_prompt": "Eine negative Erwähnung melden",
        "pane_question_news": "Darf ich Unternehmensnachrichten auf LinkedIn teilen?",
        "pane_question_criticism": "Wie reagiere ich online auf Kritik am Unternehmen?",
    },
    "sv": {
        "pane_greeting": (
            "Hej! Jag svarar på frågor om våra riktlinjer för sociala medier, granskar ett "
            "inlägg innan du publicerar det och för vidare rapporter om negativa omnämnanden "
            "till social media-teamet. Fråga mig vad som helst, eller välj ett förslag nedan."
        ),
        "pane_report_this": "Rapportera det här",
        "pane_open_form": "Öppna rapportformuläret",
        "pane_check_ask": (
            "Klistra in ditt utkast här så granskar jag det mot riktlinjerna. "
            "Jag publicerar det ingenstans."
        ),
        "pane_report_ask": (
            "Klistra in länken till inlägget eller kommentaren här, med ett ord om vad det "
            "gäller, eller öppna formuläret."
        ),
        "pane_no_link": (
            "Jag hittade ingen länk i det. Klistra in länken till inlägget, eller öppna formuläret."
        ),
        "pane_status": "tittar i riktlinjerna…",
        "pane_check_prompt": "Granska ett inlägg innan jag publicerar det",
        "pane_report_prompt": "Rapportera ett negativt omnämnande",
        "pane_question_news": "Får jag dela företagsnyheter på LinkedIn?",
        "pane_question_criticism": "Hur ska jag bemöta kritik mot företaget på nätet?",
    },
    "nb": {
        "pane_greeting": (
            "Hei! Jeg svarer på spørsmål om retningslinjene våre for sosiale medier, sjekker et "
            "innlegg før du publiserer det, og sender meldinger om negative omtaler til "
            "sosiale medier-teamet. Spør meg om hva som helst, eller velg et forslag nedenfor."
        ),
        "pane_report_this": "Rapporter dette",
        "pane_open_form": "Åpne rapportskjemaet",
        "pane_check_ask": (
            "Lim inn utkastet ditt her, så sjekker jeg det mot retningslinjene. "
            "Jeg publiserer det ingen steder."
        ),
        "pane_report_ask": (
            "Lim inn lenken til innlegget eller kommentaren her, med et ord om hva det gjelder, "
            "eller åpne skjemaet."
        ),
        "pane_no_link": (
            "Jeg fant ingen lenke i det. Lim inn lenken til innlegget, eller åpne skjemaet."
        ),
        "pane_status": "ser i retningslinjene…",
        "pane_check_prompt": "Sjekk et innlegg før jeg publiserer det",
        "pane_report_prompt": "Rapporter en negativ omtale",
        "pane_question_news": "Kan jeg dele firmanyheter på LinkedIn?",
        "pane_question_criticism": "Hvordan bør jeg svare på kritikk av selskapet på nett?",
    },
    "nl": {
        "pane_greeting": (
            "Hoi! Ik beantwoord vragen over onze socialemediarichtlijnen, controleer een bericht "
            "voordat je het plaatst en geef meldingen van negatieve vermeldingen door aan het "
            "socialemediateam. Vraag me wat je wilt, of kies hieronder een suggestie."
        ),
        "pane_report_this": "Dit melden",
        "pane_open_form": "Meldformulier openen",
        "pane_check_ask": (
            "Plak je concept hier en ik controleer het aan de hand van de richtlijnen. "
            "Ik plaats het nergens."
        ),
        "pane_report_ask": (
            "Plak hier de link naar het bericht of de reactie, met een woord over waar het om "
            "gaat, of open het formulier."
        ),
        "pane_no_link": (
            "Ik vond daarin geen link. Plak de link naar het bericht, of open het formulier."
        ),
        "pane_status": "kijkt in de richtlijnen…",
        "pane_check_prompt": "Een bericht controleren voordat ik het plaats",
        "pane_report_prompt": "Een negatieve vermelding melden",
        "pane_question_news": "Mag ik bedrijfsnieuws delen op LinkedIn?",
        "pane_question_criticism": "Hoe reageer ik online op kritiek op het bedrijf?",
    },
    "fr": {
        "pane_greeting": (
            "Bonjour ! Je réponds aux questions sur nos règles relatives aux réseaux sociaux, "
            "je vérifie une publication avant que tu la publies et je transmets les signalements "
            "de mentions négatives à l'équipe réseaux sociaux. Pose-moi ta question, ou choisis "
            "une suggestion ci-dessous."
        ),
        "pane_report_this": "Signaler ceci",
        "pane_open_form": "Ouvrir le formulaire de signalement",
        "pane_check_ask": (
            "Colle ton brouillon ici et je le vérifie au regard des règles. "
            "Je ne le publie nulle part."
        ),
        "pane_report_ask": (
            "Colle ici le lien de la publication ou du commentaire, avec un mot sur le sujet, "
            "ou ouvre le formulaire."
        ),
        "pane_no_link": (
            "Je n'y ai trouvé aucun lien. Colle le lien de la publication, ou ouvre le formulaire."
        ),
        "pane_status": "consulte les règles…",
        "pane_check_prompt": "Vérifier une publication avant de la publier",
        "pane_report_prompt": "Signaler une mention négative",
        "pane_question_news": "Puis-je partager les actualités de l'entreprise sur LinkedIn ?",
        "pane_question_criticism": "Comment répondre aux critiques contre l'entreprise en ligne ?",
    },
    "es": {
        "pane_greeting": (
            "¡Hola! Respondo preguntas sobre nuestras pautas de redes sociales, reviso una "
            "publicación antes de que la publiques y paso los avisos de menciones negativas al "
            "equipo de redes sociales. Pregúntame lo que quieras, o elige una sugerencia abajo."
        ),
        "pane_report_this": "Informar de esto",
        "pane_open_form": "Abrir el formulario de aviso",
        "pane_check_ask": (
            "Pega aquí tu borrador y lo reviso según las pautas. No lo publico en ningún sitio."
        ),
        "pane_report_ask": (
            "Pega aquí el enlace de la publicación o del comentario, con una palabra sobre de "
            "qué trata, o abre el formulario."
        ),
        "pane_no_link": (
            "No encontré ningún enlace. Pega el enlace de la publicación, o abre el formulario."
        ),
        "pane_status": "está consultando las pautas…",
        "pane_check_prompt": "Revisar una publicación antes de publicarla",
        "pane_report_prompt": "Informar de una mención negativa",
        "pane_question_news": "¿Puedo compartir noticias de la empresa en LinkedIn?",
        "pane_question_criticism": "¿Cómo debo responder a las críticas a la empresa en internet?",
    },
}


# What Teams shows at once for a button or dialog whose work outlasts its wait (bot/teams), in
# the language of the presser's Teams client.
_TEAMS: dict[str, dict[str, str]] = {
    "en": {"still_working": "Still working on it: the answer comes in your chat with socialbot."},
    "da": {"still_working": "Jeg arbejder stadig på det: svaret kommer i din chat med socialbot."},
    "de": {
        "still_working": "Ich arbeite noch daran: Die Antwort kommt in deinem Chat mit socialbot."
    },
    "sv": {
        "still_working": "Jag jobbar fortfarande på det: svaret kommer i din chatt med socialbot."
    },
    "nb": {
        "still_working": "Jeg jobber fortsatt med det: svaret kommer i chatten din med socialbot."
    },
    "nl": {"still_working": "Ik ben er nog mee bezig: het antwoord komt in je chat met socialbot."},
    "fr": {
        "still_working": "J'y travaille encore : la réponse arrivera dans votre conversation avec"
        " socialbot."
    },
    "es": {
        "still_working": "Sigo trabajando en ello: la respuesta llegará a tu chat con socialbot."
    },
}


# What a person is told after a restart cut their question's answer short (bot/delivery/
# unanswered.py): the question itself is not kept, so they are asked for it again (a button
# pressed again, a form sent again; again only if the answer being sent did not arrive).
_RESTARTED: dict[str, dict[str, str]] = {
    "en": {
        "restarted": "I was restarted while answering your question; please ask it again.",
        "restarted_button": "I was restarted while doing what you pressed; if nothing changed,"
        " please press the button again.",
        "restarted_form": "I was restarted while saving the form you sent, so it may not have"
        " been saved; please fill it in and send it again.",
        "restarted_answering": "I was restarted just as I was answering you; if my answer has"
        " not reached you, please ask again.",
    },
    "da": {
        "restarted": "Jeg blev genstartet, mens jeg besvarede dit spørgsmål; stil det igen.",
        "restarted_button": "Jeg blev genstartet, mens jeg udførte det, du trykkede på; hvis"
        " intet er ændret, så tryk på knappen igen.",
        "restarted_form": "Jeg blev genstartet, mens jeg gemte den formular, du sendte, så den"
        " er måske ikke gemt; udfyld og send den igen.",
        "restarted_answering": "Jeg blev genstartet, netop som jeg svarede dig; hvis mit svar"
        " ikke er nået frem, så spørg igen.",
    },
    "de": {
        "restarted": "Ich wurde neu gestartet, während ich deine Frage beantwortete; bitte stelle"
        " sie noch einmal.",
        "restarted_button": "Ich wurde neu gestartet, während ich ausführte, was du gedrückt"
        " hast; wenn sich nichts geändert hat, drücke die Schaltfläche bitte noch einmal.",
        "restarted_form": "Ich wurde neu gestartet, während ich dein gesendetes Formular"
        " speicherte, es ist also vielleicht nicht gespeichert; bitte fülle es aus und sende es"
        " noch einmal.",
        "restarted_answering": "Ich wurde neu gestartet, gerade als ich dir antwortete; wenn"
        " meine Antwort dich nicht erreicht hat, frag bitte noch einmal.",
    },
    "sv": {
        "restarted": "Jag startades om medan jag besvarade din fråga; ställ den gärna igen.",
        "restarted_button": "Jag startades om medan jag utförde det du tryckte på; om inget har"
        " ändrats, tryck på knappen igen.",
        "restarted_form": "Jag startades om medan jag sparade formuläret du skickade, så det"
        " kanske inte sparades; fyll i det och skicka det igen.",
        "restarted_answering": "Jag startades om just när jag svarade dig; om mitt svar inte har"
        " kommit fram, fråga gärna igen.",
    },
    "nb": {
        "restarted": "Jeg ble startet på nytt mens jeg svarte på spørsmålet ditt; spør igjen.",
        "restarted_button": "Jeg ble startet på nytt mens jeg utførte det du trykket på; hvis"
        " ingenting er endret, trykk på knappen igjen.",
        "restarted_form": "Jeg ble startet på nytt mens jeg lagret skjemaet du sendte, så det er"
        " kanskje ikke lagret; fyll det ut og send det igjen.",
        "restarted_answering": "Jeg ble startet på nytt akkurat da jeg svarte deg; hvis svaret"
        " mitt ikke har kommet frem, spør igjen.",
    },
    "nl": {
        "restarted": "Ik werd opnieuw gestart terwijl ik je vraag beantwoordde; stel hem"
        " alsjeblieft opnieuw.",
        "restarted_button": "Ik werd opnieuw gestart terwijl ik uitvoerde waarop je drukte; als"
        " er niets veranderd is, druk dan nog eens op de knop.",
        "restarted_form": "Ik werd opnieuw gestart terwijl ik het formulier opsloeg dat je"
        " stuurde, dus het is misschien niet opgeslagen; vul het in en stuur het opnieuw.",
        "restarted_answering": "Ik werd opnieuw gestart net toen ik je antwoordde; als mijn"
        " antwoord je niet bereikt heeft, vraag het dan opnieuw.",
    },
    "fr": {
        "restarted": "J'ai été redémarré pendant que je répondais à votre question ; posez-la de"
        " nouveau, s'il vous plaît.",
        "restarted_button": "J'ai été redémarré pendant que je traitais ce sur quoi vous avez"
        " appuyé ; si rien n'a changé, appuyez de nouveau sur le bouton.",
        "restarted_form": "J'ai été redémarré pendant que j'enregistrais le formulaire envoyé,"
        " il n'a donc peut-être pas été enregistré ; remplissez-le et envoyez-le de nouveau.",
        "restarted_answering": "J'ai été redémarré au moment où je vous répondais ; si ma"
        " réponse ne vous est pas parvenue, posez votre question de nouveau.",
    },
    "es": {
        "restarted": "Me reiniciaron mientras respondía a tu pregunta; por favor, hazla de nuevo.",
        "restarted_button": "Me reiniciaron mientras hacía lo que pulsaste; si nada ha cambiado,"
        " pulsa el botón de nuevo.",
        "restarted_form": "Me reiniciaron mientras guardaba el formulario que enviaste, así que"
        " quizá no se guardó; rellénalo y envíalo de nuevo.",
        "restarted_answering": "Me reiniciaron justo cuando te respondía; si mi respuesta no te"
        " ha llegado, pregunta de nuevo.",
    },
}


# The help's opening and closing lines (handlers/help.py) and the answer to a near miss of a
# command word, in the language of a greeting or a "help" in one ("hilfe", "hjælp"), else the
# person's (`Core.language_for`); the commands' own lines are in English.
_HELP: dict[str, dict[str, str]] = {
    "en": {
        "button_gone": "That button is no longer active. Type `{again}` to start over.",
        "shortcut_gone": "That shortcut is no longer in use.",
        "form_gone": "That form is no longer in use. Please start again.",
        "did_you_mean": "Did you mean `{meant}`? Type `{again}` to see what I can do.",
        "help_intro": (
            "I help you put our social media guidelines into practice: share company news in one"
            " click, report negative mentions to the social media team, and get quick answers"
            " about what is fine to post."
        ),
        "help_again": "Send me a direct message any time; type `{again}` to see this again.",
    },
    "da": {
        "button_gone": "Den knap er ikke længere aktiv. Skriv `{again}` for at starte forfra.",
        "shortcut_gone": "Den genvej bruges ikke længere.",
        "form_gone": "Den formular bruges ikke længere. Start venligst forfra.",
        "did_you_mean": "Mente du `{meant}`? Skriv `{again}` for at se, hvad jeg kan.",
        "help_intro": (
            "Jeg hjælper dig med at bruge vores retningslinjer for sociale medier i praksis: del"
            " virksomhedens nyheder med ét klik, meld negative omtaler til social media-teamet,"
            " og få hurtige svar på, hvad der er i orden at poste."
        ),
        "help_again": "Skriv til mig når som helst; skriv `{again}` for at se dette igen.",
    },
    "de": {
        "button_gone": (
            "Diese Schaltfläche ist nicht mehr aktiv. Mit `{again}` fängst du von vorn an."
        ),
        "shortcut_gone": "Diese Verknüpfung wird nicht mehr verwendet.",
        "form_gone": "Dieses Formular wird nicht mehr verwendet. Bitte fang noch einmal an.",
        "did_you_mean": "Meintest du `{meant}`? Mit `{again}` siehst du, was ich kann.",
        "help_intro": (
            "Ich helfe dir, unsere Social-Media-Richtlinien im Alltag anzuwenden: Neuigkeiten des"
            " Unternehmens mit einem Klick teilen, negative Erwähnungen an das Social-Media-Team"
            " melden und schnell erfahren, was du posten kannst."
        ),
        "help_again": (
            "Schreib mir jederzeit eine Direktnachricht; mit `{again}` siehst du das hier wieder."
        ),
    },
    "sv": {
        "button_gone": "Den knappen är inte längre aktiv. Skriv `{again}` för att börja om.",
        "shortcut_gone": "Den genvägen används inte längre.",
        "form_gone": "Det formuläret används inte längre. Börja om från början.",
        "did_you_mean": "Menade du `{meant}`? Skriv `{again}` för att se vad jag kan.",
        "help_intro": (
            "Jag hjälper dig att använda våra riktlinjer för sociala medier i vardagen: dela"
            " företagets nyheter med ett klick, rapportera negativa omnämnanden till teamet för"
            " sociala medier och få snabba svar om vad som är okej att publicera."
        ),
        "help_again": "Skriv till mig när du vill; skriv `{again}` för att se det här igen.",
    },
    "nb": {
        "button_gone": "Den knappen er ikke aktiv lenger. Skriv `{again}` for å begynne på nytt.",
        "shortcut_gone": "Den snarveien er ikke i bruk lenger.",
        "form_gone": "Det skjemaet er ikke i bruk lenger. Begynn på nytt.",
        "did_you_mean": "Mente du `{meant}`? Skriv `{again}` for å se hva jeg kan.",
        "help_intro": (
            "Jeg hjelper deg å bruke retningslinjene våre for sosiale medier i praksis: del"
            " selskapets nyheter med ett klikk, meld negative omtaler til teamet for sosiale"
            " medier, og få raske svar på hva som er greit å publisere."
        ),
        "help_again": "Skriv til meg når som helst; skriv `{again}` for å se dette igjen.",
    },
    "nl": {
        "button_gone": "Die knop werkt niet meer. Typ `{again}` om opnieuw te beginnen.",
        "shortcut_gone": "Die snelkoppeling is niet meer in gebruik.",
        "form_gone": "Dat formulier is niet meer in gebruik. Begin opnieuw.",
        "did_you_mean": "Bedoelde je `{meant}`? Typ `{again}` om te zien wat ik kan.",
        "help_intro": (
            "Ik help je onze richtlijnen voor sociale media in de praktijk te brengen: deel"
            " bedrijfsnieuws met één klik, meld negatieve vermeldingen aan het socialemediateam"
            " en krijg snel antwoord op wat je kunt posten."
        ),
        "help_again": "Stuur me altijd een bericht; typ `{again}` om dit opnieuw te zien.",
    },
    "fr": {
        "button_gone": "Ce bouton n'est plus actif. Tapez `{again}` pour recommencer.",
        "shortcut_gone": "Ce raccourci n'est plus utilisé.",
        "form_gone": "Ce formulaire n'est plus utilisé. Veuillez recommencer.",
        "did_you_mean": (
            "Vouliez-vous dire `{meant}` ? Tapez `{again}` pour voir ce que je sais faire."
        ),
        "help_intro": (
            "Je vous aide à appliquer nos règles pour les réseaux sociaux : partagez les"
            " actualités de l'entreprise en un clic, signalez les mentions négatives à l'équipe"
            " réseaux sociaux et obtenez vite une réponse sur ce que vous pouvez publier."
        ),
        "help_again": "Écrivez-moi quand vous voulez ; tapez `{again}` pour revoir ceci.",
    },
    "es": {
        "button_gone": "Ese botón ya no está activo. Escribe `{again}` para empezar de nuevo.",
        "shortcut_gone": "Ese atajo ya no se usa.",
        "form_gone": "Ese formulario ya no se usa. Vuelve a empezar, por favor.",
        "did_you_mean": "¿Querías decir `{meant}`? Escribe `{again}` para ver lo que puedo hacer.",
        "help_intro": (
            "Te ayudo a poner en práctica nuestras pautas de redes sociales: comparte las"
            " noticias de la empresa con un clic, informa de menciones negativas al equipo de"
            " redes sociales y obtén respuestas rápidas sobre qué está bien publicar."
        ),
        "help_again": "Escríbeme cuando quieras; escribe `{again}` para volver a ver esto.",
    },
}


# The few lines atop a Slack person's first digest (handlers/digest/views.py `welcome`), in the
# language the bot speaks to people it has not heard from: `{when}` is `every_day`, `from_to`
# or `on_days`; day names Monday first.
_DIGEST: dict[str, dict[str, str]] = {
    "en": {
        "welcome": (
            "Hi, I'm socialbot, your company's helper for social media. {when} I send you a few"
            " items worth sharing, each with a post ready for {networks}: one click opens it to"
            " share. Ask me anything about our social media guidelines, have a post checked"
            " before you publish it, or report a post about us that worries you: `{help}` lists"
            " it all. The time, days and topics of your digest are yours to change with"
            " `{preferences}`; the buttons under this digest mute it for a week or stop it."
        ),
        "every_day": "Every day",
        "from_to": "From {first} to {last}",
        "on_days": "Every {days}",
        "and": "and",
        "day_names": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    },
    "da": {
        "welcome": (
            "Hej, jeg er socialbot, din virksomheds hjælper til sociale medier. {when} sender jeg"
            " dig et par ting, der er værd at dele, hver med et opslag klar til {networks}: ét"
            " klik åbner det, så du kan dele det. Spørg mig om alt i vores retningslinjer for"
            " sociale medier, få et opslag tjekket, før du udgiver det, eller meld et opslag om"
            " os, der bekymrer dig: `{help}` viser det hele. Tidspunkt, dage og emner for din"
            " oversigt ændrer du selv med `{preferences}`; knapperne under denne oversigt sætter"
            " den på pause i en uge eller stopper den."
        ),
        "every_day": "Hver dag",
        "from_to": "Fra {first} til {last}",
        "on_days": "Hver {days}",
        "and": "og",
        "day_names": "mandag,tirsdag,onsdag,torsdag,fredag,lørdag,søndag",
    },
    "de": {
        "welcome": (
            "Hallo, ich bin socialbot, der Helfer deines Unternehmens für soziale Medien. {when}"
            " schicke ich dir ein paar Beiträge, die sich zum Teilen lohnen, jeweils mit einem"
            " fertigen Post für {networks}: Ein Klick öffnet ihn zum Teilen. Frag mich alles zu"
            " unseren Social-Media-Richtlinien, lass einen Beitrag vor dem Veröffentlichen prüfen"
            " oder melde einen Beitrag über uns, der dir Sorgen macht: `{help}` zeigt alles."
            " Uhrzeit, Tage und Themen deines Digests änderst du mit `{preferences}`; die Buttons"
            " unter diesem Digest pausieren ihn für eine Woche oder beenden ihn."
        ),
        "every_day": "Jeden Tag",
        "from_to": "Von {first} bis {last}",
        "on_days": "Jeden {days}",
        "and": "und",
        "day_names": "Montag,Dienstag,Mittwoch,Donnerstag,Freitag,Samstag,Sonntag",
    },
    "sv": {
        "welcome": (
            "Hej, jag är socialbot, ditt företags hjälpreda för sociala medier. {when} skickar"
            " jag dig några saker som är värda att dela, var och en med ett inlägg klart för"
            " {networks}: ett klick öppnar det för delning. Fråga mig vad som helst om våra"
            " riktlinjer för sociala medier, låt mig granska ett inlägg innan du publicerar det,"
            " eller rapportera ett inlägg om oss som oroar dig: `{help}` visar allt. Tid, dagar"
            " och ämnen för ditt utskick ändrar du själv med `{preferences}`; knapparna under"
            " det här utskicket pausar det en vecka eller stoppar det."
        ),
        "every_day": "Varje dag",
        "from_to": "Från {first} till {last}",
        "on_days": "Varje {days}",
        "and": "och",
        "day_names": "måndag,tisdag,onsdag,torsdag,fredag,lördag,söndag",
    },
    "nb": {
        "welcome": (
            "Hei, jeg er socialbot, selskapets hjelper for sosiale medier. {when} sender jeg deg"
            " noen saker som er verdt å dele, hver med et innlegg klart for {networks}: ett klikk"
            " åpner det for deling. Spør meg om hva som helst i retningslinjene våre for sosiale"
            " medier, få et innlegg sjekket før du publiserer det, eller meld et innlegg om oss"
            " som bekymrer deg: `{help}` viser alt. Tidspunkt, dager og emner for sammendraget"
            " ditt endrer du selv med `{preferences}`; knappene under dette sammendraget pauser"
            " det i en uke eller stopper det."
        ),
        "every_day": "Hver dag",
        "from_to": "Fra {first} til {last}",
        "on_days": "Hver {days}",
        "and": "og",
        "day_names": "mandag,tirsdag,onsdag,torsdag,fredag,lørdag,søndag",
    },
    "nl": {
        "welcome": (
            "Hoi, ik ben socialbot, de hulp van je bedrijf voor sociale media. {when} stuur ik je"
            " een paar berichten die het delen waard zijn, elk met een bericht klaar voor"
            " {networks}: één klik opent het om te delen. Vraag me alles over onze richtlijnen"
            " voor sociale media, laat een bericht controleren voordat je het publiceert, of meld"
            " een bericht over ons dat je zorgen baart: `{help}` toont alles. De tijd, dagen en"
            " onderwerpen van je overzicht pas je zelf aan met `{preferences}`; de knoppen onder"
            " dit overzicht pauzeren het een week of stoppen het."
        ),
        "every_day": "Elke dag",
        "from_to": "Van {first} tot en met {last}",
        "on_days": "Elke {days}",
        "and": "en",
        "day_names": "maandag,dinsdag,woensdag,donderdag,vrijdag,zaterdag,zondag",
    },
    "fr": {
        "welcome": (
            "Bonjour, je suis socialbot, l'assistant de votre entreprise pour les réseaux"
            " sociaux. {when}, je vous envoie quelques contenus à partager, chacun avec une"
            " publication prête pour {networks} : un clic l'ouvre pour la partager. Posez-moi"
            " toute question sur nos règles pour les réseaux sociaux, faites vérifier une"
            " publication avant de la publier, ou signalez une publication sur nous qui vous"
            " inquiète : `{help}` liste tout. L'heure, les jours et les sujets de votre sélection"
            " se changent avec `{preferences}` ; les boutons sous cette sélection la suspendent"
            " une semaine ou l'arrêtent."
        ),
        "every_day": "Tous les jours",
        "from_to": "Du {first} au {last}",
        "on_days": "Chaque {days}",
        "and": "et",
        "day_names": "lundi,mardi,mercredi,jeudi,vendredi,samedi,dimanche",
    },
    "es": {
        "welcome": (
            "Hola, soy socialbot, el asistente de tu empresa para redes sociales. {when} te envío"
            " algunas noticias que vale la pena compartir, cada una con una publicación lista"
            " para {networks}: un clic la abre para compartirla. Pregúntame lo que quieras sobre"
            " nuestras pautas de redes sociales, haz que revise una publicación antes de"
            " publicarla o informa de una publicación sobre nosotros que te preocupe: `{help}` lo"
            " muestra todo. La hora, los días y los temas de tu resumen los cambias tú con"
            " `{preferences}`; los botones bajo este resumen lo pausan una semana o lo detienen."
        ),
        "every_day": "Todos los días",
        "from_to": "De {first} a {last}",
        "on_days": "Los {days}",
        "and": "y",
        "day_names": "lunes,martes,miércoles,jueves,viernes,sábado,domingo",
    },
}


# A share button's label, `{network}` the network's name ("LinkedIn").
_SHARES: dict[str, dict[str, str]] = {
    "en": {"share_on": "Share on {network}"},
    "da": {"share_on": "Del på {network}"},
    "de": {"share_on": "Auf {network} teilen"},
    "sv": {"share_on": "Dela på {network}"},
    "nb": {"share_on": "Del på {network}"},
    "nl": {"share_on": "Delen op {network}"},
    "fr": {"share_on": "Partager sur {network}"},
    "es": {"share_on": "Compartir en {network}"},
}


# The answer to "forget me" / "delete my data": what the bot keeps and who can delete it.
_OWN_DATA: dict[str, dict[str, str]] = {
    "en": {
        "own_data": (
            "I keep your name, time zone and language, your digest settings, what I sent you and"
            " your questions to me (90 days), and what you reported. Only an admin of this bot can"
            " show it to you or delete it (`socialbot export` and `socialbot forget --platform"
            " {platform} --user {user_id}`): I have noted your request in the bot's log for them;"
            " you may also ask them directly. Once forgotten, you get no more digests and I store"
            " nothing more about you, until you write to me again."
        ),
    },
    "da": {
        "own_data": (
            "Jeg gemmer dit navn, din tidszone og dit sprog, dine indstillinger for oversigten,"
            " hvad jeg har sendt dig, og dine spørgsmål til mig (90 dage), og hvad du har meldt."
            " Kun en administrator af denne bot kan vise dig det eller slette det (`socialbot"
            " export` og `socialbot forget --platform {platform} --user {user_id}`): jeg har"
            " noteret din anmodning i bottens log til dem; du kan også spørge dem direkte. Når du"
            " er glemt, får du ikke flere oversigter, og jeg gemmer ikke mere om dig, før du"
            " skriver til mig igen."
        ),
    },
    "de": {
        "own_data": (
            "Ich speichere deinen Namen, deine Zeitzone und Sprache, deine Übersicht-"
            "Einstellungen, was ich dir geschickt habe und deine Fragen an mich (90 Tage) und was"
            " du gemeldet hast. Nur ein Admin dieses Bots kann es dir zeigen oder löschen"
            " (`socialbot export` und `socialbot forget --platform {platform} --user {user_id}`):"
            " Ich habe deine Bitte für sie im Log des Bots vermerkt; du kannst sie auch direkt"
            " fragen. Danach bekommst du keine Übersichten mehr und ich speichere nichts mehr über"
            " dich, bis du mir wieder schreibst."
        ),
    },
    "sv": {
        "own_data": (
            "Jag sparar ditt namn, din tidszon och ditt språk, dina inställningar för"
            " sammanfattningen, vad jag har skickat dig och dina frågor till mig (90 dagar), och"
            " vad du har rapporterat. Bara en administratör för den här botten kan visa det för"
            " dig eller radera det (`socialbot export` och `socialbot forget --platform {platform}"
            " --user {user_id}`): jag har noterat din begäran i bottens logg åt dem; du kan också"
            " fråga dem direkt. När du är glömd får du inga fler sammanfattningar och jag sparar"
            " inget mer om dig, tills du skriver till mig igen."
        ),
    },
    "nb": {
        "own_data": (
            "Jeg lagrer navnet ditt, tidssonen og språket ditt, innstillingene for sammendraget,"
            " det jeg har sendt deg og spørsmålene dine til meg (90 dager), og det du har meldt."
            " Bare en administrator for denne boten kan vise deg det eller slette det (`socialbot"
            " export` og `socialbot forget --platform {platform} --user {user_id}`): jeg har"
            " notert forespørselen din i botens logg for dem; du kan også spørre dem direkte. Når"
            " du er glemt, får du ingen flere sammendrag, og jeg lagrer ikke mer om deg før du"
            " skriver til meg igjen."
        ),
    },
    "nl": {
        "own_data": (
            "Ik bewaar je naam, tijdzone en taal, je instellingen voor het overzicht, wat ik je"
            " heb gestuurd en je vragen aan mij (90 dagen), en wat je hebt gemeld. Alleen een"
            " beheerder van deze bot kan het je laten zien of verwijderen (`socialbot export` en"
            " `socialbot forget --platform {platform} --user {user_id}`): ik heb je verzoek voor"
            " hen in het logboek van de bot gezet; je kunt het hun ook zelf vragen. Daarna krijg"
            " je geen overzichten meer en bewaar ik niets meer over je, tot je me weer schrijft."
        ),
    },
    "fr": {
        "own_data": (
            "Je garde votre nom, votre fuseau horaire et votre langue, vos réglages de sélection,"
            " ce que je vous ai envoyé et vos questions (90 jours), et ce que vous avez signalé."
            " Seul un administrateur de ce bot peut vous le montrer ou le supprimer (`socialbot"
            " export` et `socialbot forget --platform {platform} --user {user_id}`) : j'ai noté"
            " votre demande pour lui dans le journal du bot ; vous pouvez aussi le lui demander"
            " directement. Une fois oublié, vous ne recevez plus de sélections et je ne garde plus"
            " rien sur vous, jusqu'à ce que vous m'écriviez à nouveau."
        ),
    },
    "es": {
        "own_data": (
            "Guardo tu nombre, tu zona horaria y tu idioma, la configuración de tu resumen, lo que"
            " te he enviado y tus preguntas (90 días), y lo que has informado. Solo un"
            " administrador de este bot puede mostrártelo o borrarlo (`socialbot export` y"
            " `socialbot forget --platform {platform} --user {user_id}`): he anotado tu petición"
            " para ellos en el registro del bot; también puedes pedírselo directamente. Una vez"
            " olvidado, no recibes más resúmenes y no guardo nada más sobre ti, hasta que me"
            " vuelvas a escribir."
        ),
    },
}


# The help's header and channel line, and the commands' summaries in the help ("summary:"
# and the command, with its subcommand), in English as each command's registration says it
# (the Teams manifest's words; tests/slack/test_http.py pins the two equal); a command with
# none here keeps its registration's.
_COMMAND_HELP: dict[str, dict[str, str]] = {
    "en": {
        "summary:socialbot": "Help and your preferences",
        "summary:socialbot help": "what I can do and how to ask",
        "summary:socialbot preferences": "your daily digest: time, days, topics",
        "summary:socialbot digest": "today's digest, now",
        "summary:socialbot mute": "no digest for a week",
        "summary:socialbot unmute": "digests again after a mute",
        "summary:socialbot stop": "no more digests",
        "summary:socialbot insights": (
            "for managers: shares, participation, reports, questions (7d, 30d or 90d)"
        ),
        "summary:socialbot feeds": "for managers: feeds and their items, hide one from digests",
        "summary:socialbot questions": (
            "for managers: the questions forwarded to the team and their answers"
        ),
        "summary:guidelines": "Ask about our social media guidelines",
        "summary:report-mention": "Report a negative mention to the social media team",
        "summary:check-post": "Check a post against the guidelines before you publish it",
        "summary:announce": "Announce news, with posts to share",
        "summary:announce new": "write an announcement (the default)",
        "summary:announce list": "scheduled and recent announcements",
        "help_header": "socialbot help",
        "help_in_channel": (
            "Here, @mention me first (`{again}` shows this again); or send me a direct message."
        ),
    },
    "da": {
        "summary:socialbot": "Hjælp og dine indstillinger",
        "summary:socialbot help": "hvad jeg kan, og hvordan du spørger",
        "summary:socialbot preferences": "din daglige oversigt: tidspunkt, dage, emner",
        "summary:socialbot digest": "dagens oversigt, nu",
        "summary:socialbot mute": "ingen oversigt i en uge",
        "summary:socialbot unmute": "oversigter igen efter en pause",
        "summary:socialbot stop": "ikke flere oversigter",
        "summary:socialbot insights": (
            "for managere: delinger, deltagelse, meldinger, spørgsmål (7d, 30d eller 90d)"
        ),
        "summary:socialbot feeds": "for managere: feeds og deres indlæg, skjul et fra oversigterne",
        "summary:socialbot questions": "for managere: spørgsmålene sendt til teamet og deres svar",
        "summary:guidelines": "Spørg om vores retningslinjer for sociale medier",
        "summary:report-mention": "Meld en negativ omtale til social media-teamet",
        "summary:check-post": "Tjek et opslag mod retningslinjerne, før du udgiver det",
        "summary:announce": "Annoncér nyheder med opslag til deling",
        "summary:announce new": "skriv en annoncering (standard)",
        "summary:announce list": "planlagte og seneste annonceringer",
        "help_header": "socialbot-hjælp",
        "help_in_channel": (
            "Her skal du @nævne mig først (`{again}` viser dette igen); eller send mig en direkte"
            " besked."
        ),
    },
    "de": {
        "summary:socialbot": "Hilfe und deine Einstellungen",
        "summary:socialbot help": "was ich kann und wie du fragst",
        "summary:socialbot preferences": "deine tägliche Übersicht: Uhrzeit, Tage, Themen",
        "summary:socialbot digest": "die heutige Übersicht, jetzt",
        "summary:socialbot mute": "eine Woche keine Übersicht",
        "summary:socialbot unmute": "wieder Übersichten nach einer Pause",
        "summary:socialbot stop": "keine Übersichten mehr",
        "summary:socialbot insights": (
            "für Manager: Teilungen, Beteiligung, Meldungen, Fragen (7d, 30d oder 90d)"
        ),
        "summary:socialbot feeds": (
            "für Manager: Feeds und ihre Beiträge, einen aus den Übersichten ausblenden"
        ),
        "summary:socialbot questions": (
            "für Manager: die an das Team weitergeleiteten Fragen und ihre Antworten"
        ),
        "summary:guidelines": "Frag zu unseren Social-Media-Richtlinien",
        "summary:report-mention": "Eine negative Erwähnung an das Social-Media-Team melden",
        "summary:check-post": (
            "Einen Beitrag vor dem Veröffentlichen mit den Richtlinien abgleichen"
        ),
        "summary:announce": "Neuigkeiten ankündigen, mit Beiträgen zum Teilen",
        "summary:announce new": "eine Ankündigung schreiben (Standard)",
        "summary:announce list": "geplante und letzte Ankündigungen",
        "help_header": "socialbot-Hilfe",
        "help_in_channel": (
            "Hier erwähne mich zuerst mit @ (`{again}` zeigt dies erneut); oder schreib mir eine"
            " Direktnachricht."
        ),
    },
    "sv": {
        "summary:socialbot": "Hjälp och dina inställningar",
        "summary:socialbot help": "vad jag kan och hur du frågar",
        "summary:socialbot preferences": "din dagliga sammanfattning: tid, dagar, ämnen",
        "summary:socialbot digest": "dagens sammanfattning, nu",
        "summary:socialbot mute": "ingen sammanfattning på en vecka",
        "summary:socialbot unmute": "sammanfattningar igen efter en paus",
        "summary:socialbot stop": "inga fler sammanfattningar",
        "summary:socialbot insights": (
            "för ansvariga: delningar, deltagande, rapporter, frågor (7d, 30d eller 90d)"
        ),
        "summary:socialbot feeds": (
            "för ansvariga: flöden och deras inlägg, dölj ett från sammanfattningarna"
        ),
        "summary:socialbot questions": (
            "för ansvariga: frågorna som skickats till teamet och deras svar"
        ),
        "summary:guidelines": "Fråga om våra riktlinjer för sociala medier",
        "summary:report-mention": (
            "Rapportera ett negativt omnämnande till teamet för sociala medier"
        ),
        "summary:check-post": "Granska ett inlägg mot riktlinjerna innan du publicerar det",
        "summary:announce": "Meddela nyheter, med inlägg att dela",
        "summary:announce new": "skriv ett meddelande (standard)",
        "summary:announce list": "planerade och senaste meddelanden",
        "help_header": "socialbot-hjälp",
        "help_in_channel": (
            "Här, @nämn mig först (`{again}` visar detta igen); eller skicka mig ett"
            " direktmeddelande."
        ),
    },
    "nb": {
        "summary:socialbot": "Hjelp og innstillingene dine",
        "summary:socialbot help": "hva jeg kan, og hvordan du spør",
        "summary:socialbot preferences": "det daglige sammendraget ditt: tidspunkt, dager, emner",
        "summary:socialbot digest": "dagens sammendrag, nå",
        "summary:socialbot mute": "ikke noe sammendrag på en uke",
        "summary:socialbot unmute": "sammendrag igjen etter en pause",
        "summary:socialbot stop": "ingen flere sammendrag",
        "summary:socialbot insights": (
            "for ansvarlige: delinger, deltakelse, meldinger, spørsmål (7d, 30d eller 90d)"
        ),
        "summary:socialbot feeds": (
            "for ansvarlige: feeder og innleggene deres, skjul ett fra sammendragene"
        ),
        "summary:socialbot questions": (
            "for ansvarlige: spørsmålene sendt til teamet og svarene på dem"
        ),
        "summary:guidelines": "Spør om retningslinjene våre for sosiale medier",
        "summary:report-mention": "Meld en negativ omtale til teamet for sosiale medier",
        "summary:check-post": "Sjekk et innlegg mot retningslinjene før du publiserer det",
        "summary:announce": "Kunngjør nyheter, med innlegg å dele",
        "summary:announce new": "skriv en kunngjøring (standard)",
        "summary:announce list": "planlagte og nylige kunngjøringer",
        "help_header": "socialbot-hjelp",
        "help_in_channel": (
            "Her må du @nevne meg først (`{again}` viser dette igjen); eller send meg en"
            " direktemelding."
        ),
    },
    "nl": {
        "summary:socialbot": "Hulp en je voorkeuren",
        "summary:socialbot help": "wat ik kan en hoe je het vraagt",
        "summary:socialbot preferences": "je dagelijkse overzicht: tijd, dagen, onderwerpen",
        "summary:socialbot digest": "het overzicht van vandaag, nu",
        "summary:socialbot mute": "een week geen overzicht",
        "summary:socialbot unmute": "weer overzichten na een pauze",
        "summary:socialbot stop": "geen overzichten meer",
        "summary:socialbot insights": (
            "voor managers: gedeelde berichten, deelname, meldingen, vragen (7d, 30d of 90d)"
        ),
        "summary:socialbot feeds": (
            "voor managers: feeds en hun berichten, verberg er een uit de overzichten"
        ),
        "summary:socialbot questions": (
            "voor managers: de vragen die naar het team zijn doorgestuurd en hun antwoorden"
        ),
        "summary:guidelines": "Vraag iets over onze richtlijnen voor sociale media",
        "summary:report-mention": "Meld een negatieve vermelding aan het socialemediateam",
        "summary:check-post": "Controleer een bericht aan de richtlijnen voordat je het publiceert",
        "summary:announce": "Kondig nieuws aan, met berichten om te delen",
        "summary:announce new": "schrijf een aankondiging (standaard)",
        "summary:announce list": "geplande en recente aankondigingen",
        "help_header": "socialbot-hulp",
        "help_in_channel": (
            "Hier @vermeld je mij eerst (`{again}` toont dit opnieuw); of stuur me een direct"
            " bericht."
        ),
    },
    "fr": {
        "summary:socialbot": "Aide et vos préférences",
        "summary:socialbot help": "ce que je sais faire et comment me demander",
        "summary:socialbot preferences": "votre sélection quotidienne : heure, jours, sujets",
        "summary:socialbot digest": "la sélection du jour, maintenant",
        "summary:socialbot mute": "pas de sélection pendant une semaine",
        "summary:socialbot unmute": "les sélections à nouveau après une pause",
        "summary:socialbot stop": "plus de sélections",
        "summary:socialbot insights": (
            "pour les responsables : partages, participation, signalements, questions (7d, 30d ou"
            " 90d)"
        ),
        "summary:socialbot feeds": (
            "pour les responsables : les flux et leurs articles, en masquer un des sélections"
        ),
        "summary:socialbot questions": (
            "pour les responsables : les questions transmises à l'équipe et leurs réponses"
        ),
        "summary:guidelines": "Posez une question sur nos règles pour les réseaux sociaux",
        "summary:report-mention": "Signalez une mention négative à l'équipe réseaux sociaux",
        "summary:check-post": "Vérifiez une publication au regard des règles avant de la publier",
        "summary:announce": "Annoncez une nouvelle, avec des publications à partager",
        "summary:announce new": "rédiger une annonce (par défaut)",
        "summary:announce list": "annonces programmées et récentes",
        "help_header": "Aide de socialbot",
        "help_in_channel": (
            "Ici, mentionnez-moi d'abord avec @ (`{again}` affiche ceci à nouveau) ; ou envoyez-moi"
            " un message direct."
        ),
    },
    "es": {
        "summary:socialbot": "Ayuda y tus preferencias",
        "summary:socialbot help": "lo que sé hacer y cómo preguntar",
        "summary:socialbot preferences": "tu resumen diario: hora, días, temas",
        "summary:socialbot digest": "el resumen de hoy, ahora",
        "summary:socialbot mute": "sin resumen durante una semana",
        "summary:socialbot unmute": "resúmenes otra vez tras una pausa",
        "summary:socialbot stop": "no más resúmenes",
        "summary:socialbot insights": (
            "para responsables: compartidos, participación, informes, preguntas (7d, 30d o 90d)"
        ),
        "summary:socialbot feeds": (
            "para responsables: los feeds y sus noticias, ocultar una de los resúmenes"
        ),
        "summary:socialbot questions": (
            "para responsables: las preguntas enviadas al equipo y sus respuestas"
        ),
        "summary:guidelines": "Pregunta sobre nuestras pautas de redes sociales",
        "summary:report-mention": "Informa de una mención negativa al equipo de redes sociales",
        "summary:check-post": "Revisa una publicación según las pautas antes de publicarla",
        "summary:announce": "Anuncia noticias, con publicaciones para compartir",
        "summary:announce new": "escribir un anuncio (por defecto)",
        "summary:announce list": "anuncios programados y recientes",
        "help_header": "Ayuda de socialbot",
        "help_in_channel": (
            "Aquí, mencióname primero con @ (`{again}` muestra esto de nuevo); o envíame un mensaje"
            " directo."
        ),
    },
}

# What one person reads of their digest: its own words, its buttons and what they answer.
_DIGEST_OWN: dict[str, dict[str, str]] = {
    "en": {
        "digest_nobody": (
            "I don't know you yet: people are learnt from Slack's and Teams' member lists when "
            "`socialbot run` connects to them. Try again in a few minutes."
        ),
        "digest_no_feeds": (
            "No feed is set yet, so there is nothing to suggest: `socialbot feeds add URL` adds "
            "one."
        ),
        "digest_not_fetched": (
            "No feed has been fetched yet: `socialbot run` fetches them as it starts, then hourly."
        ),
        "digest_nothing_fresh": "Nothing fresh: no feed has an item from the last {days} days.",
        "digest_all_seen": "Nothing new for you: every fresh item has already come.",
        "item_gone": "That item is no longer available.",
        "digest_header": "Your daily picks to share",
        "digest_summary_one": "Your daily digest: 1 pick to share",
        "digest_summary": "Your daily digest: {count} picks to share",
        "suggested_post": "Suggested post: {text}",
        "company_news": "company news",
        "industry": "industry",
        "not_for_me": "Not for me",
        "mute_week": "Mute for a week",
        "change_time": "Change time",
        "stop_digests": "Stop digests",
        "topics_networks": "Topics and networks: `{command}`.",
        "saved": "Saved.",
        "saved_off": "Saved. Daily digests are off; turn them on here any time.",
        "saved_guest": "Saved. Guest accounts get no digest.",
        "saved_guest_timed": (
            "Saved. Guest accounts get no digest; your workdays and time zone set when report"
            " reminders reach you."
        ),
        "next_in_a_minute": "Today's digest comes in a minute.",
        "next_digest": "Your next digest comes {when} ({zone}).",
        "date": "{weekday} {day} {month}",
        "date_at": "{date} at {time}",
        "month_names": (
            "January,February,March,April,May,June,July,August,September,October,November,December"
        ),
        "hidden": "Hidden: “{title}”. I'll suggest fewer items like it.",
        "demoted": "Items from {feed} now come last in your digest.",
        "nothing_to_mute": "Your digests are off: there is nothing to mute.",
        "muted_week": "Digests muted for a week, until {day}.",
        "unmute": "Unmute",
        "off_none_come": "Your digests are off, so none will come.",
        "not_muted": "Your digests are not muted.",
        "unmuted": "Digests unmuted.",
        "stopped": "Digests stopped.",
        "on_again": "Turn them back on any time with `{command}`.",
        "change_preferences": "Change preferences",
        "digest_failed": (
            "Sorry: today's digest could not be put together (the team that runs the bot can see"
            " why in its log). The next one comes on your next digest day."
        ),
        "digest_came": "Today's digest has already come; the next comes on your next day.",
        "digest_coming": "Today's digest is on its way.",
    },
    "da": {
        "digest_nobody": (
            "Jeg kender dig ikke endnu: folk læres fra Slacks og Teams' medlemslister, når "
            "`socialbot run` forbinder til dem. Prøv igen om et par minutter."
        ),
        "digest_no_feeds": (
            "Der er ikke sat noget feed op endnu, så der er intet at foreslå: `socialbot feeds "
            "add URL` tilføjer et."
        ),
        "digest_not_fetched": (
            "Der er ikke hentet noget feed endnu: `socialbot run` henter dem, når den starter, og"
            " derefter hver time."
        ),
        "digest_nothing_fresh": "Intet nyt: intet feed har et indlæg fra de seneste {days} dage.",
        "digest_all_seen": "Intet nyt til dig: alle nye indlæg er allerede kommet.",
        "item_gone": "Det indlæg findes ikke længere.",
        "digest_header": "Dine daglige forslag til deling",
        "digest_summary_one": "Din daglige oversigt: 1 forslag til deling",
        "digest_summary": "Din daglige oversigt: {count} forslag til deling",
        "suggested_post": "Forslag til opslag: {text}",
        "company_news": "virksomhedsnyt",
        "industry": "branchen",
        "not_for_me": "Ikke noget for mig",
        "mute_week": "Pause i en uge",
        "change_time": "Skift tidspunkt",
        "stop_digests": "Stop oversigter",
        "topics_networks": "Emner og netværk: `{command}`.",
        "saved": "Gemt.",
        "saved_off": "Gemt. Daglige oversigter er slået fra; slå dem til her når som helst.",
        "saved_guest": "Gemt. Gæstekonti får ingen oversigt.",
        "saved_guest_timed": (
            "Gemt. Gæstekonti får ingen oversigt; dine arbejdsdage og din tidszone bestemmer,"
            " hvornår påmindelser om rapporter når dig."
        ),
        "next_in_a_minute": "Dagens oversigt kommer om et minut.",
        "next_digest": "Din næste oversigt kommer {when} ({zone}).",
        "date": "{weekday} den {day}. {month}",
        "date_at": "{date} kl. {time}",
        "month_names": (
            "januar,februar,marts,april,maj,juni,juli,august,september,oktober,november,december"
        ),
        "hidden": "Skjult: “{title}”. Jeg foreslår færre af den slags.",
        "demoted": "Ting fra {feed} kommer nu sidst i din oversigt.",
        "nothing_to_mute": "Dine oversigter er slået fra: der er intet at sætte på pause.",
        "muted_week": "Oversigter sat på pause i en uge, til {day}.",
        "unmute": "Slut pausen",
        "off_none_come": "Dine oversigter er slået fra, så der kommer ingen.",
        "not_muted": "Dine oversigter er ikke sat på pause.",
        "unmuted": "Pausen er slut.",
        "stopped": "Oversigter stoppet.",
        "on_again": "Slå dem til igen når som helst med `{command}`.",
        "change_preferences": "Skift indstillinger",
        "digest_failed": (
            "Beklager: dagens oversigt kunne ikke sammensættes (dem, der driver botten, kan se"
            " hvorfor i dens log). Den næste kommer på din næste oversigtsdag."
        ),
        "digest_came": "Dagens oversigt er allerede kommet; den næste kommer på din næste dag.",
        "digest_coming": "Dagens oversigt er på vej.",
    },
    "de": {
        "digest_nobody": (
            "Ich kenne dich noch nicht: Personen lerne ich aus den Mitgliederlisten von Slack und"
            " Teams, wenn `socialbot run` sich mit ihnen verbindet. Versuch es in ein paar "
            "Minuten noch einmal."
        ),
        "digest_no_feeds": (
            "Es ist noch kein Feed eingerichtet, also gibt es nichts vorzuschlagen: `socialbot "
            "feeds add URL` fügt einen hinzu."
        ),
        "digest_not_fetched": (
            "Es wurde noch kein Feed abgerufen: `socialbot run` ruft sie beim Start ab, danach "
            "stündlich."
        ),
        "digest_nothing_fresh": (
            "Nichts Neues: Kein Feed hat einen Beitrag aus den letzten {days} Tagen."
        ),
        "digest_all_seen": "Nichts Neues für dich: Alle neuen Beiträge hast du schon bekommen.",
        "item_gone": "Diesen Beitrag gibt es nicht mehr.",
        "digest_header": "Deine Tipps zum Teilen für heute",
        "digest_summary_one": "Deine tägliche Übersicht: 1 Tipp zum Teilen",
        "digest_summary": "Deine tägliche Übersicht: {count} Tipps zum Teilen",
        "suggested_post": "Vorgeschlagener Beitrag: {text}",
        "company_news": "Unternehmensnews",
        "industry": "Branche",
        "not_for_me": "Nichts für mich",
        "mute_week": "Eine Woche pausieren",
        "change_time": "Uhrzeit ändern",
        "stop_digests": "Übersichten beenden",
        "topics_networks": "Themen und Netzwerke: `{command}`.",
        "saved": "Gespeichert.",
        "saved_off": (
            "Gespeichert. Tägliche Übersichten sind aus; du kannst sie hier jederzeit einschalten."
        ),
        "saved_guest": "Gespeichert. Gastkonten bekommen keine Übersicht.",
        "saved_guest_timed": (
            "Gespeichert. Gastkonten bekommen keine Übersicht; deine Arbeitstage und Zeitzone"
            " bestimmen, wann dich Erinnerungen an Meldungen erreichen."
        ),
        "next_in_a_minute": "Die heutige Übersicht kommt in einer Minute.",
        "next_digest": "Deine nächste Übersicht kommt {when} ({zone}).",
        "date": "{weekday}, {day}. {month}",
        "date_at": "{date} um {time}",
        "month_names": (
            "Januar,Februar,März,April,Mai,Juni,Juli,August,September,Oktober,November,Dezember"
        ),
        "hidden": "Ausgeblendet: „{title}“. Ich schlage weniger davon vor.",
        "demoted": "Beiträge von {feed} kommen jetzt zuletzt in deiner Übersicht.",
        "nothing_to_mute": "Deine Übersichten sind aus: Es gibt nichts zu pausieren.",
        "muted_week": "Übersichten für eine Woche pausiert, bis {day}.",
        "unmute": "Pause beenden",
        "off_none_come": "Deine Übersichten sind aus, also kommt keine.",
        "not_muted": "Deine Übersichten sind nicht pausiert.",
        "unmuted": "Pause beendet.",
        "stopped": "Übersichten beendet.",
        "on_again": "Schalte sie jederzeit wieder ein mit `{command}`.",
        "change_preferences": "Einstellungen ändern",
        "digest_failed": (
            "Entschuldigung: Die heutige Übersicht konnte nicht zusammengestellt werden (wer den"
            " Bot betreibt, sieht den Grund im Log). Die nächste kommt an deinem nächsten Tag."
        ),
        "digest_came": (
            "Die heutige Übersicht kam schon; die nächste kommt an deinem nächsten Tag."
        ),
        "digest_coming": "Die heutige Übersicht ist unterwegs.",
    },
    "sv": {
        "digest_nobody": (
            "Jag känner inte dig än: personer hämtas från Slacks och Teams medlemslistor när "
            "`socialbot run` ansluter till dem. Försök igen om några minuter."
        ),
        "digest_no_feeds": (
            "Inget flöde är inställt än, så det finns inget att föreslå: `socialbot feeds add "
            "URL` lägger till ett."
        ),
        "digest_not_fetched": (
            "Inget flöde har hämtats än: `socialbot run` hämtar dem när den startar och sedan "
            "varje timme."
        ),
        "digest_nothing_fresh": (
            "Inget nytt: inget flöde har något inlägg från de senaste {days} dagarna."
        ),
        "digest_all_seen": "Inget nytt för dig: alla nya inlägg har redan kommit.",
        "item_gone": "Det inlägget finns inte längre.",
        "digest_header": "Dagens tips att dela",
        "digest_summary_one": "Din dagliga sammanfattning: 1 tips att dela",
        "digest_summary": "Din dagliga sammanfattning: {count} tips att dela",
        "suggested_post": "Förslag på inlägg: {text}",
        "company_news": "företagsnyheter",
        "industry": "branschen",
        "not_for_me": "Inte för mig",
        "mute_week": "Pausa en vecka",
        "change_time": "Ändra tid",
        "stop_digests": "Stoppa sammanfattningar",
        "topics_networks": "Ämnen och nätverk: `{command}`.",
        "saved": "Sparat.",
        "saved_off": "Sparat. Dagliga sammanfattningar är avstängda; slå på dem här när du vill.",
        "saved_guest": "Sparat. Gästkonton får ingen sammanfattning.",
        "saved_guest_timed": (
            "Sparat. Gästkonton får ingen sammanfattning; dina arbetsdagar och din tidszon styr"
            " när påminnelser om rapporter når dig."
        ),
        "next_in_a_minute": "Dagens sammanfattning kommer om en minut.",
        "next_digest": "Din nästa sammanfattning kommer {when} ({zone}).",
        "date": "{weekday} {day} {month}",
        "date_at": "{date} kl. {time}",
        "month_names": (
            "januari,februari,mars,april,maj,juni,juli,augusti,september,oktober,november,december"
        ),
        "hidden": "Dold: ”{title}”. Jag föreslår färre sådana.",
        "demoted": "Inlägg från {feed} kommer nu sist i din sammanfattning.",
        "nothing_to_mute": "Dina sammanfattningar är avstängda: det finns inget att pausa.",
        "muted_week": "Sammanfattningar pausade en vecka, till {day}.",
        "unmute": "Avsluta pausen",
        "off_none_come": "Dina sammanfattningar är avstängda, så ingen kommer.",
        "not_muted": "Dina sammanfattningar är inte pausade.",
        "unmuted": "Pausen är avslutad.",
        "stopped": "Sammanfattningar stoppade.",
        "on_again": "Slå på dem igen när du vill med `{command}`.",
        "change_preferences": "Ändra inställningar",
        "digest_failed": (
            "Tyvärr: dagens sammanfattning kunde inte sättas ihop (de som driver boten ser varför"
            " i dess logg). Nästa kommer på din nästa dag."
        ),
        "digest_came": "Dagens sammanfattning har redan kommit; nästa kommer på din nästa dag.",
        "digest_coming": "Dagens sammanfattning är på väg.",
    },
    "nb": {
        "digest_nobody": (
            "Jeg kjenner deg ikke ennå: folk hentes fra medlemslistene i Slack og Teams når "
            "`socialbot run` kobler seg til dem. Prøv igjen om noen minutter."
        ),
        "digest_no_feeds": (
            "Ingen feed er satt opp ennå, så det er ingenting å foreslå: `socialbot feeds add "
            "URL` legger til en."
        ),
        "digest_not_fetched": (
            "Ingen feed er hentet ennå: `socialbot run` henter dem når den starter, og deretter "
            "hver time."
        ),
        "digest_nothing_fresh": (
            "Ikke noe nytt: ingen feed har et innlegg fra de siste {days} dagene."
        ),
        "digest_all_seen": "Ikke noe nytt for deg: alle nye innlegg har allerede kommet.",
        "item_gone": "Det innlegget finnes ikke lenger.",
        "digest_header": "Dagens forslag til deling",
        "digest_summary_one": "Din daglige oversikt: 1 forslag til deling",
        "digest_summary": "Din daglige oversikt: {count} forslag til deling",
        "suggested_post": "Forslag til innlegg: {text}",
        "company_news": "selskapsnytt",
        "industry": "bransjen",
        "not_for_me": "Ikke for meg",
        "mute_week": "Pause i en uke",
        "change_time": "Endre tidspunkt",
        "stop_digests": "Stopp oversikter",
        "topics_networks": "Emner og nettverk: `{command}`.",
        "saved": "Lagret.",
        "saved_off": "Lagret. Daglige oversikter er slått av; slå dem på her når som helst.",
        "saved_guest": "Lagret. Gjestekontoer får ingen oversikt.",
        "saved_guest_timed": (
            "Lagret. Gjestekontoer får ingen oversikt; arbeidsdagene og tidssonen din bestemmer"
            " når påminnelser om rapporter når deg."
        ),
        "next_in_a_minute": "Dagens oversikt kommer om et minutt.",
        "next_digest": "Din neste oversikt kommer {when} ({zone}).",
        "date": "{weekday} {day}. {month}",
        "date_at": "{date} kl. {time}",
        "month_names": (
            "januar,februar,mars,april,mai,juni,juli,august,september,oktober,november,desember"
        ),
        "hidden": "Skjult: «{title}». Jeg foreslår færre slike.",
        "demoted": "Saker fra {feed} kommer nå sist i oversikten din.",
        "nothing_to_mute": "Oversiktene dine er slått av: det er ingenting å sette på pause.",
        "muted_week": "Oversikter satt på pause i en uke, til {day}.",
        "unmute": "Avslutt pausen",
        "off_none_come": "Oversiktene dine er slått av, så ingen kommer.",
        "not_muted": "Oversiktene dine er ikke satt på pause.",
        "unmuted": "Pausen er avsluttet.",
        "stopped": "Oversikter stoppet.",
        "on_again": "Slå dem på igjen når som helst med `{command}`.",
        "change_preferences": "Endre innstillinger",
        "digest_failed": (
            "Beklager: dagens oversikt kunne ikke settes sammen (de som drifter boten ser hvorfor"
            " i loggen). Den neste kommer på din neste dag."
        ),
        "digest_came": "Dagens oversikt har allerede kommet; den neste kommer på din neste dag.",
        "digest_coming": "Dagens oversikt er på vei.",
    },
    "nl": {
        "digest_nobody": (
            "Ik ken je nog niet: mensen leer ik kennen uit de ledenlijsten van Slack en Teams "
            "zodra `socialbot run` daarmee verbindt. Probeer het over een paar minuten opnieuw."
        ),
        "digest_no_feeds": (
            "Er is nog geen feed ingesteld, dus er valt niets voor te stellen: `socialbot feeds "
            "add URL` voegt er een toe."
        ),
        "digest_not_fetched": (
            "Er is nog geen feed opgehaald: `socialbot run` haalt ze op bij het starten en daarna"
            " elk uur."
        ),
        "digest_nothing_fresh": (
            "Niets nieuws: geen enkele feed heeft een bericht van de afgelopen {days} dagen."
        ),
        "digest_all_seen": "Niets nieuws voor jou: alle nieuwe berichten heb je al gehad.",
        "item_gone": "Dat bericht is niet meer beschikbaar.",
        "digest_header": "Je tips om te delen van vandaag",
        "digest_summary_one": "Je dagelijkse overzicht: 1 tip om te delen",
        "digest_summary": "Je dagelijkse overzicht: {count} tips om te delen",
        "suggested_post": "Voorgesteld bericht: {text}",
        "company_news": "bedrijfsnieuws",
        "industry": "branche",
        "not_for_me": "Niet voor mij",
        "mute_week": "Een week pauzeren",
        "change_time": "Tijd wijzigen",
        "stop_digests": "Overzichten stoppen",
        "topics_networks": "Onderwerpen en netwerken: `{command}`.",
        "saved": "Opgeslagen.",
        "saved_off": (
            "Opgeslagen. Dagelijkse overzichten staan uit; zet ze hier aan wanneer je wilt."
        ),
        "saved_guest": "Opgeslagen. Gastaccounts krijgen geen overzicht.",
        "saved_guest_timed": (
            "Opgeslagen. Gastaccounts krijgen geen overzicht; je werkdagen en tijdzone bepalen"
            " wanneer herinneringen aan meldingen je bereiken."
        ),
        "next_in_a_minute": "Het overzicht van vandaag komt over een minuut.",
        "next_digest": "Je volgende overzicht komt {when} ({zone}).",
        "date": "{weekday} {day} {month}",
        "date_at": "{date} om {time}",
        "month_names": (
            "januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,"
            "december"
        ),
        "hidden": "Verborgen: “{title}”. Ik stel er minder van dit soort voor.",
        "demoted": "Berichten van {feed} komen nu als laatste in je overzicht.",
        "nothing_to_mute": "Je overzichten staan uit: er is niets te pauzeren.",
        "muted_week": "Overzichten een week gepauzeerd, tot {day}.",
        "unmute": "Pauze beëindigen",
        "off_none_come": "Je overzichten staan uit, dus er komt er geen.",
        "not_muted": "Je overzichten zijn niet gepauzeerd.",
        "unmuted": "Pauze beëindigd.",
        "stopped": "Overzichten gestopt.",
        "on_again": "Zet ze weer aan wanneer je wilt met `{command}`.",
        "change_preferences": "Voorkeuren wijzigen",
        "digest_failed": (
            "Sorry: het overzicht van vandaag kon niet worden samengesteld (wie de bot beheert,"
            " ziet waarom in het log). Het volgende komt op je volgende dag."
        ),
        "digest_came": (
            "Het overzicht van vandaag is al gekomen; het volgende komt op je volgende dag."
        ),
        "digest_coming": "Het overzicht van vandaag is onderweg.",
    },
    "fr": {
        "digest_nobody": (
            "Je ne vous connais pas encore : j'apprends qui est là par les listes de membres de "
            "Slack et de Teams quand `socialbot run` s'y connecte. Réessayez dans quelques "
            "minutes."
        ),
        "digest_no_feeds": (
            "Aucun flux n'est encore configuré, il n'y a donc rien à suggérer : `socialbot feeds "
            "add URL` en ajoute un."
        ),
        "digest_not_fetched": (
            "Aucun flux n'a encore été récupéré : `socialbot run` les récupère au démarrage, puis"
            " toutes les heures."
        ),
        "digest_nothing_fresh": (
            "Rien de récent : aucun flux n'a d'article des {days} derniers jours."
        ),
        "digest_all_seen": (
            "Rien de nouveau pour vous : tous les articles récents vous ont déjà été envoyés."
        ),
        "item_gone": "Cet article n'est plus disponible.",
        "digest_header": "Vos suggestions à partager du jour",
        "digest_summary_one": "Votre sélection du jour : 1 suggestion à partager",
        "digest_summary": "Votre sélection du jour : {count} suggestions à partager",
        "suggested_post": "Publication suggérée : {text}",
        "company_news": "actualité de l'entreprise",
        "industry": "secteur",
        "not_for_me": "Pas pour moi",
        "mute_week": "Pause d'une semaine",
        "change_time": "Changer l'heure",
        "stop_digests": "Arrêter les sélections",
        "topics_networks": "Sujets et réseaux : `{command}`.",
        "saved": "Enregistré.",
        "saved_off": (
            "Enregistré. Les sélections quotidiennes sont désactivées ; réactivez-les ici quand"
            " vous voulez."
        ),
        "saved_guest": "Enregistré. Les comptes invités ne reçoivent pas de sélection.",
        "saved_guest_timed": (
            "Enregistré. Les comptes invités ne reçoivent pas de sélection ; vos jours de travail"
            " et votre fuseau horaire fixent l'heure des rappels de signalements."
        ),
        "next_in_a_minute": "La sélection du jour arrive dans une minute.",
        "next_digest": "Votre prochaine sélection arrive {when} ({zone}).",
        "date": "{weekday} {day} {month}",
        "date_at": "{date} à {time}",
        "month_names": (
            "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre"
        ),
        "hidden": "Masqué : « {title} ». Je vous proposerai moins d'articles de ce genre.",
        "demoted": "Les articles de {feed} viennent désormais en dernier dans votre sélection.",
        "nothing_to_mute": "Vos sélections sont désactivées : il n'y a rien à mettre en pause.",
        "muted_week": "Sélections en pause pour une semaine, jusqu'au {day}.",
        "unmute": "Reprendre",
        "off_none_come": "Vos sélections sont désactivées : aucune n'arrivera.",
        "not_muted": "Vos sélections ne sont pas en pause.",
        "unmuted": "Sélections reprises.",
        "stopped": "Sélections arrêtées.",
        "on_again": "Réactivez-les quand vous voulez avec `{command}`.",
        "change_preferences": "Modifier les préférences",
        "digest_failed": (
            "Désolé : la sélection du jour n'a pas pu être préparée (l'équipe qui gère le bot en"
            " voit la raison dans son journal). La prochaine arrive à votre prochain jour."
        ),
        "digest_came": (
            "La sélection du jour est déjà arrivée ; la prochaine arrive à votre prochain jour."
        ),
        "digest_coming": "La sélection du jour est en route.",
    },
    "es": {
        "digest_nobody": (
            "Todavía no te conozco: aprendo quién está aquí de las listas de miembros de Slack y "
            "Teams cuando `socialbot run` se conecta a ellas. Vuelve a intentarlo en unos "
            "minutos."
        ),
        "digest_no_feeds": (
            "Todavía no hay ningún feed configurado, así que no hay nada que sugerir: `socialbot "
            "feeds add URL` añade uno."
        ),
        "digest_not_fetched": (
            "Todavía no se ha descargado ningún feed: `socialbot run` los descarga al arrancar y "
            "después cada hora."
        ),
        "digest_nothing_fresh": (
            "Nada reciente: ningún feed tiene publicaciones de los últimos {days} días."
        ),
        "digest_all_seen": (
            "Nada nuevo para ti: ya te han llegado todas las publicaciones recientes."
        ),
        "item_gone": "Esa publicación ya no está disponible.",
        "digest_header": "Tus sugerencias para compartir de hoy",
        "digest_summary_one": "Tu resumen diario: 1 sugerencia para compartir",
        "digest_summary": "Tu resumen diario: {count} sugerencias para compartir",
        "suggested_post": "Publicación sugerida: {text}",
        "company_news": "noticias de la empresa",
        "industry": "sector",
        "not_for_me": "No es para mí",
        "mute_week": "Pausar una semana",
        "change_time": "Cambiar la hora",
        "stop_digests": "Dejar de recibir resúmenes",
        "topics_networks": "Temas y redes: `{command}`.",
        "saved": "Guardado.",
        "saved_off": (
            "Guardado. Los resúmenes diarios están desactivados; actívalos aquí cuando quieras."
        ),
        "saved_guest": "Guardado. Las cuentas de invitado no reciben resumen.",
        "saved_guest_timed": (
            "Guardado. Las cuentas de invitado no reciben resumen; tus días laborables y tu zona"
            " horaria fijan cuándo te llegan los recordatorios de informes."
        ),
        "next_in_a_minute": "El resumen de hoy llega en un minuto.",
        "next_digest": "Tu próximo resumen llega el {when} ({zone}).",
        "date": "{weekday} {day} de {month}",
        "date_at": "{date} a las {time}",
        "month_names": (
            "enero,febrero,marzo,abril,mayo,junio,julio,agosto,septiembre,octubre,noviembre,"
            "diciembre"
        ),
        "hidden": "Oculto: «{title}». Te sugeriré menos de este tipo.",
        "demoted": "Lo de {feed} aparece ahora al final de tu resumen.",
        "nothing_to_mute": "Tus resúmenes están desactivados: no hay nada que pausar.",
        "muted_week": "Resúmenes en pausa una semana, hasta el {day}.",
        "unmute": "Reanudar",
        "off_none_come": "Tus resúmenes están desactivados, así que no llegará ninguno.",
        "not_muted": "Tus resúmenes no están en pausa.",
        "unmuted": "Resúmenes reanudados.",
        "stopped": "Resúmenes detenidos.",
        "on_again": "Vuelve a activarlos cuando quieras con `{command}`.",
        "change_preferences": "Cambiar preferencias",
        "digest_failed": (
            "Lo siento: no se pudo preparar el resumen de hoy (el equipo que gestiona el bot ve el"
            " motivo en su registro). El próximo llega en tu próximo día."
        ),
        "digest_came": "El resumen de hoy ya llegó; el próximo llega en tu próximo día.",
        "digest_coming": "El resumen de hoy está en camino.",
    },
}

# The digest's preferences form, its mistakes, and the digest's part of App Home.
_PREFERENCES: dict[str, dict[str, str]] = {
    "en": {
        "prefs_title": "Digest preferences",
        "save": "Save",
        "cancel": "Cancel",
        "required": "{field} is required.",
        "form_in_words": "I can't open that form from a message: type `/{command}` to open it.",
        "at_most_characters": "At most {limit} characters.",
        "thousands": ",",
        "times_in_zone": "Times are in your time zone ({zone}).",
        "daily_digest": "Daily digest",
        "on": "On",
        "off": "Off",
        "muted_until": "Muted until {day}",
        "end_mute": "Choose On to end the mute now.",
        "time": "Time",
        "time_zone": "Time zone",
        "zone_hint": "Your digest comes at its time in this zone.",
        "your_workdays": "Your workdays",
        "workdays": "Workdays",
        "workdays_hint": (
            "Your digest comes on these days, except holidays your company set for your office."
        ),
        "workdays_hint_reminders": (
            "Your digest comes on these days, except holidays your company set for your office;"
            " report reminders to social media managers wait for them too."
        ),
        "topics": "Topics",
        "topics_example": "sustainability, hiring, AI",
        "topics_hint": "Items on these topics come first; separate them with commas.",
        "all_topics": "all",
        "networks": "Networks",
        "leaderboard": "Leaderboard",
        "leaderboard_hint": (
            "On: the social media team sees your shares among the top 10 sharers. Off: your"
            " shares are only counted, never named."
        ),
        "days_span": "{first} to {last}",
        "choose_on_off": "Choose On or Off.",
        "choose_zone": "Choose a time zone from the list, such as Europe/Copenhagen.",
        "give_time": "Give a time of day such as 09:30.",
        "choose_days": "Choose at least one day, from Monday to Sunday.",
        "choose_networks": "Choose at least one of LinkedIn, X and Facebook.",
        "too_many_topics": "Name at most {count} topics.",
        "home_digest": "Your daily digest",
        "home_guest": "None: guest accounts get none",
        "guests_get_none": (
            "Daily digests are for the company's own people: guest accounts get none, so there"
            " is no digest to send or set up for you."
        ),
        "shares_title": "Shares of digest items",
        "no_shares": "No share clicks yet.",
        "more_shares": "{count} more: `socialbot stats`.",
    },
    "da": {
        "prefs_title": "Indstillinger for oversigt",
        "save": "Gem",
        "cancel": "Annuller",
        "required": "{field} skal udfyldes.",
        "form_in_words": (
            "Jeg kan ikke åbne den formular fra en besked: skriv `/{command}` for at åbne den."
        ),
        "at_most_characters": "Højst {limit} tegn.",
        "thousands": ".",
        "times_in_zone": "Tidspunkter er i din tidszone ({zone}).",
        "daily_digest": "Daglig oversigt",
        "on": "Til",
        "off": "Fra",
        "muted_until": "På pause til {day}",
        "end_mute": "Vælg Til for at afslutte pausen nu.",
        "time": "Tidspunkt",
        "time_zone": "Tidszone",
        "zone_hint": "Din oversigt kommer på sit tidspunkt i denne tidszone.",
        "your_workdays": "Dine arbejdsdage",
        "workdays": "Arbejdsdage",
        "workdays_hint": (
            "Din oversigt kommer på disse dage, undtagen helligdage, som din virksomhed har sat"
            " for dit kontor."
        ),
        "workdays_hint_reminders": (
            "Din oversigt kommer på disse dage, undtagen helligdage, som din virksomhed har sat"
            " for dit kontor; påmindelser om rapporter til social media-ansvarlige venter også"
            " på dem."
        ),
        "topics": "Emner",
        "topics_example": "bæredygtighed, rekruttering, AI",
        "topics_hint": "Ting om disse emner kommer først; adskil dem med kommaer.",
        "all_topics": "alle",
        "networks": "Netværk",
        "leaderboard": "Topliste",
        "leaderboard_hint": (
            "Til: social media-teamet ser dine delinger blandt de 10, der deler mest. Fra: dine"
            " delinger tælles kun med, dit navn vises aldrig."
        ),
        "days_span": "{first} til {last}",
        "choose_on_off": "Vælg Til eller Fra.",
        "choose_zone": "Vælg en tidszone på listen, fx Europe/Copenhagen.",
        "give_time": "Angiv et tidspunkt, fx 09:30.",
        "choose_days": "Vælg mindst én dag fra mandag til søndag.",
        "choose_networks": "Vælg mindst ét af LinkedIn, X og Facebook.",
        "too_many_topics": "Angiv højst {count} emner.",
        "home_digest": "Din daglige oversigt",
        "home_guest": "Ingen: gæstekonti får ingen",
        "guests_get_none": (
            "Daglige oversigter er for virksomhedens egne folk: gæstekonti får ingen, så der er"
            " ingen oversigt at sende eller indstille for dig."
        ),
        "shares_title": "Delinger af ting fra oversigten",
        "no_shares": "Ingen klik på del endnu.",
        "more_shares": "{count} mere: `socialbot stats`.",
    },
    "de": {
        "prefs_title": "Übersicht-Einstellungen",
        "save": "Speichern",
        "cancel": "Abbrechen",
        "required": "{field} muss ausgefüllt werden.",
        "form_in_words": (
            "Dieses Formular kann ich aus einer Nachricht nicht öffnen:"
            " Tippe `/{command}`, um es zu öffnen."
        ),
        "at_most_characters": "Höchstens {limit} Zeichen.",
        "thousands": ".",
        "times_in_zone": "Uhrzeiten gelten in deiner Zeitzone ({zone}).",
        "daily_digest": "Tägliche Übersicht",
        "on": "An",
        "off": "Aus",
        "muted_until": "Pausiert bis {day}",
        "end_mute": "Wähle An, um die Pause jetzt zu beenden.",
        "time": "Uhrzeit",
        "time_zone": "Zeitzone",
        "zone_hint": "Deine Übersicht kommt zu ihrer Uhrzeit in dieser Zeitzone.",
        "your_workdays": "Deine Arbeitstage",
        "workdays": "Arbeitstage",
        "workdays_hint": (
            "Deine Übersicht kommt an diesen Tagen, außer an Feiertagen, die dein Unternehmen für"
            " dein Büro festgelegt hat."
        ),
        "workdays_hint_reminders": (
            "Deine Übersicht kommt an diesen Tagen, außer an Feiertagen, die dein Unternehmen für"
            " dein Büro festgelegt hat; Erinnerungen an Meldungen für das Social-Media-Team"
            " richten sich ebenfalls danach."
        ),
        "topics": "Themen",
        "topics_example": "Nachhaltigkeit, Recruiting, KI",
        "topics_hint": "Beiträge zu diesen Themen kommen zuerst; trenne sie mit Kommas.",
        "all_topics": "alle",
        "networks": "Netzwerke",
        "leaderboard": "Bestenliste",
        "leaderboard_hint": (
            "An: Das Social-Media-Team sieht deine geteilten Beiträge unter den 10 Personen, die"
            " am meisten teilen. Aus: Sie werden nur gezählt, dein Name erscheint nie."
        ),
        "days_span": "{first} bis {last}",
        "choose_on_off": "Wähle An oder Aus.",
        "choose_zone": "Wähle eine Zeitzone aus der Liste, etwa Europe/Berlin.",
        "give_time": "Gib eine Uhrzeit an, etwa 09:30.",
        "choose_days": "Wähle mindestens einen Tag von Montag bis Sonntag.",
        "choose_networks": "Wähle mindestens eins von LinkedIn, X und Facebook.",
        "too_many_topics": "Nenne höchstens {count} Themen.",
        "home_digest": "Deine tägliche Übersicht",
        "home_guest": "Keine: Gastkonten bekommen keine",
        "guests_get_none": (
            "Tägliche Übersichten sind für die eigenen Leute des Unternehmens: Gastkonten"
            " bekommen keine, es gibt also keine Übersicht, die ich dir schicken oder für dich"
            " einrichten könnte."
        ),
        "shares_title": "Geteilte Beiträge aus den Übersichten",
        "no_shares": "Noch keine Klicks auf Teilen.",
        "more_shares": "{count} weitere: `socialbot stats`.",
    },
    "sv": {
        "prefs_title": "Inställningar",
        "save": "Spara",
        "cancel": "Avbryt",
        "required": "{field} måste fyllas i.",
        "form_in_words": (
            "Jag kan inte öppna det formuläret från ett meddelande:"
            " skriv `/{command}` för att öppna det."
        ),
        "at_most_characters": "Högst {limit} tecken.",
        "thousands": "\u00a0",
        "times_in_zone": "Tider anges i din tidszon ({zone}).",
        "daily_digest": "Daglig sammanfattning",
        "on": "På",
        "off": "Av",
        "muted_until": "Pausad till {day}",
        "end_mute": "Välj På för att avsluta pausen nu.",
        "time": "Tid",
        "time_zone": "Tidszon",
        "zone_hint": "Din sammanfattning kommer på sin tid i den här tidszonen.",
        "your_workdays": "Dina arbetsdagar",
        "workdays": "Arbetsdagar",
        "workdays_hint": (
            "Din sammanfattning kommer de här dagarna, utom helgdagar som ditt företag har lagt"
            " in för ditt kontor."
        ),
        "workdays_hint_reminders": (
            "Din sammanfattning kommer de här dagarna, utom helgdagar som ditt företag har lagt"
            " in för ditt kontor; påminnelser om rapporter till sociala medier-ansvariga väntar"
            " också på dem."
        ),
        "topics": "Ämnen",
        "topics_example": "hållbarhet, rekrytering, AI",
        "topics_hint": "Saker om de här ämnena kommer först; skilj dem åt med kommatecken.",
        "all_topics": "alla",
        "networks": "Nätverk",
        "leaderboard": "Topplista",
        "leaderboard_hint": (
            "På: teamet för sociala medier ser dina delningar bland de 10 som delar mest. Av:"
            " dina delningar räknas bara, ditt namn visas aldrig."
        ),
        "days_span": "{first} till {last}",
        "choose_on_off": "Välj På eller Av.",
        "choose_zone": "Välj en tidszon i listan, till exempel Europe/Stockholm.",
        "give_time": "Ange en tid på dagen, till exempel 09:30.",
        "choose_days": "Välj minst en dag, från måndag till söndag.",
        "choose_networks": "Välj minst ett av LinkedIn, X och Facebook.",
        "too_many_topics": "Ange högst {count} ämnen.",
        "home_digest": "Din dagliga sammanfattning",
        "home_guest": "Ingen: gästkonton får ingen",
        "guests_get_none": (
            "Dagliga sammanfattningar är till för företagets egna medarbetare: gästkonton får"
            " ingen, så det finns ingen sammanfattning att skicka eller ställa in åt dig."
        ),
        "shares_title": "Delningar av saker i sammanfattningarna",
        "no_shares": "Inga klick på dela ännu.",
        "more_shares": "{count} till: `socialbot stats`.",
    },
    "nb": {
        "prefs_title": "Innstillinger",
        "save": "Lagre",
        "cancel": "Avbryt",
        "required": "{field} må fylles ut.",
        "form_in_words": (
            "Jeg kan ikke åpne det skjemaet fra en melding: skriv `/{command}` for å åpne det."
        ),
        "at_most_characters": "Høyst {limit} tegn.",
        "thousands": "\u00a0",
        "times_in_zone": "Tidspunktene er i tidssonen din ({zone}).",
        "daily_digest": "Daglig oversikt",
        "on": "På",
        "off": "Av",
        "muted_until": "På pause til {day}",
        "end_mute": "Velg På for å avslutte pausen nå.",
        "time": "Tidspunkt",
        "time_zone": "Tidssone",
        "zone_hint": "Oversikten din kommer på sitt tidspunkt i denne tidssonen.",
        "your_workdays": "Arbeidsdagene dine",
        "workdays": "Arbeidsdager",
        "workdays_hint": (
            "Oversikten din kommer disse dagene, unntatt helligdager selskapet har lagt inn for"
            " kontoret ditt."
        ),
        "workdays_hint_reminders": (
            "Oversikten din kommer disse dagene, unntatt helligdager selskapet har lagt inn for"
            " kontoret ditt; påminnelser om rapporter til de som har ansvar for sosiale medier"
            " venter også på dem."
        ),
        "topics": "Emner",
        "topics_example": "bærekraft, rekruttering, KI",
        "topics_hint": "Saker om disse emnene kommer først; skill dem med komma.",
        "all_topics": "alle",
        "networks": "Nettverk",
        "leaderboard": "Toppliste",
        "leaderboard_hint": (
            "På: teamet for sosiale medier ser delingene dine blant de 10 som deler mest. Av:"
            " delingene dine telles bare, navnet ditt vises aldri."
        ),
        "days_span": "{first} til {last}",
        "choose_on_off": "Velg På eller Av.",
        "choose_zone": "Velg en tidssone fra listen, for eksempel Europe/Oslo.",
        "give_time": "Oppgi et tidspunkt, for eksempel 09:30.",
        "choose_days": "Velg minst én dag, fra mandag til søndag.",
        "choose_networks": "Velg minst ett av LinkedIn, X og Facebook.",
        "too_many_topics": "Oppgi høyst {count} emner.",
        "home_digest": "Den daglige oversikten din",
        "home_guest": "Ingen: gjestekontoer får ingen",
        "guests_get_none": (
            "Daglige oversikter er for selskapets egne folk: gjestekontoer får ingen, så det er"
            " ingen oversikt å sende eller sette opp for deg."
        ),
        "shares_title": "Delinger av saker fra oversiktene",
        "no_shares": "Ingen klikk på del ennå.",
        "more_shares": "{count} til: `socialbot stats`.",
    },
    "nl": {
        "prefs_title": "Voorkeuren overzicht",
        "save": "Opslaan",
        "cancel": "Annuleren",
        "required": "{field} is verplicht.",
        "form_in_words": (
            "Dat formulier kan ik niet vanuit een bericht openen:"
            " typ `/{command}` om het te openen."
        ),
        "at_most_characters": "Maximaal {limit} tekens.",
        "thousands": ".",
        "times_in_zone": "Tijden zijn in jouw tijdzone ({zone}).",
        "daily_digest": "Dagelijks overzicht",
        "on": "Aan",
        "off": "Uit",
        "muted_until": "Gepauzeerd tot {day}",
        "end_mute": "Kies Aan om de pauze nu te beëindigen.",
        "time": "Tijd",
        "time_zone": "Tijdzone",
        "zone_hint": "Je overzicht komt op zijn tijd in deze tijdzone.",
        "your_workdays": "Je werkdagen",
        "workdays": "Werkdagen",
        "workdays_hint": (
            "Je overzicht komt op deze dagen, behalve op feestdagen die je bedrijf voor je"
            " kantoor heeft ingesteld."
        ),
        "workdays_hint_reminders": (
            "Je overzicht komt op deze dagen, behalve op feestdagen die je bedrijf voor je"
            " kantoor heeft ingesteld; herinneringen aan meldingen voor het socialemediateam"
            " wachten daar ook op."
        ),
        "topics": "Onderwerpen",
        "topics_example": "duurzaamheid, werving, AI",
        "topics_hint": "Berichten over deze onderwerpen komen eerst; scheid ze met komma's.",
        "all_topics": "alle",
        "networks": "Netwerken",
        "leaderboard": "Ranglijst",
        "leaderboard_hint": (
            "Aan: het socialemediateam ziet je gedeelde berichten bij de 10 mensen die het meest"
            " delen. Uit: ze worden alleen geteld, je naam wordt nooit genoemd."
        ),
        "days_span": "{first} t/m {last}",
        "choose_on_off": "Kies Aan of Uit.",
        "choose_zone": "Kies een tijdzone uit de lijst, zoals Europe/Amsterdam.",
        "give_time": "Geef een tijdstip op, zoals 09:30.",
        "choose_days": "Kies minstens één dag, van maandag tot en met zondag.",
        "choose_networks": "Kies minstens één van LinkedIn, X en Facebook.",
        "too_many_topics": "Noem hoogstens {count} onderwerpen.",
        "home_digest": "Je dagelijkse overzicht",
        "home_guest": "Geen: gastaccounts krijgen er geen",
        "guests_get_none": (
            "Dagelijkse overzichten zijn voor de eigen mensen van het bedrijf: gastaccounts"
            " krijgen er geen, dus er is geen overzicht om je te sturen of voor je in te stellen."
        ),
        "shares_title": "Gedeelde berichten uit de overzichten",
        "no_shares": "Nog geen klikken op delen.",
        "more_shares": "Nog {count}: `socialbot stats`.",
    },
    "fr": {
        "prefs_title": "Vos préférences",
        "save": "Enregistrer",
        "cancel": "Annuler",
        "required": "{field} : ce champ est obligatoire.",
        "form_in_words": (
            "Je ne peux pas ouvrir ce formulaire depuis un message :"
            " tapez `/{command}` pour l'ouvrir."
        ),
        "at_most_characters": "{limit} caractères au maximum.",
        "thousands": "\u202f",
        "times_in_zone": "Les heures sont celles de votre fuseau horaire ({zone}).",
        "daily_digest": "Sélection quotidienne",
        "on": "Oui",
        "off": "Non",
        "muted_until": "En pause jusqu'au {day}",
        "end_mute": "Choisissez Oui pour mettre fin à la pause maintenant.",
        "time": "Heure",
        "time_zone": "Fuseau horaire",
        "zone_hint": "Votre sélection arrive à son heure dans ce fuseau.",
        "your_workdays": "Vos jours de travail",
        "workdays": "Jours de travail",
        "workdays_hint": (
            "Votre sélection arrive ces jours-là, sauf les jours fériés que votre entreprise a"
            " fixés pour votre bureau."
        ),
        "workdays_hint_reminders": (
            "Votre sélection arrive ces jours-là, sauf les jours fériés que votre entreprise a"
            " fixés pour votre bureau ; les rappels de signalements destinés à l'équipe réseaux"
            " sociaux les attendent aussi."
        ),
        "topics": "Sujets",
        "topics_example": "développement durable, recrutement, IA",
        "topics_hint": (
            "Les articles sur ces sujets viennent en premier ; séparez-les par des virgules."
        ),
        "all_topics": "tous",
        "networks": "Réseaux",
        "leaderboard": "Classement",
        "leaderboard_hint": (
            "Oui : l'équipe réseaux sociaux voit vos partages parmi les 10 personnes qui"
            " partagent le plus. Non : vos partages sont seulement comptés, jamais"
            " nommés."
        ),
        "days_span": "du {first} au {last}",
        "choose_on_off": "Choisissez Oui ou Non.",
        "choose_zone": "Choisissez un fuseau horaire dans la liste, par exemple Europe/Paris.",
        "give_time": "Indiquez une heure, par exemple 09:30.",
        "choose_days": "Choisissez au moins un jour, du lundi au dimanche.",
        "choose_networks": "Choisissez au moins un réseau parmi LinkedIn, X et Facebook.",
        "too_many_topics": "Indiquez au plus {count} sujets.",
        "home_digest": "Votre sélection quotidienne",
        "home_guest": "Aucune : les comptes invités n'en reçoivent pas",
        "guests_get_none": (
            "Les sélections quotidiennes sont réservées aux salariés de l'entreprise : les"
            " comptes invités n'en reçoivent pas, il n'y a donc pas de sélection à vous envoyer"
            " ni à régler."
        ),
        "shares_title": "Partages des articles des sélections",
        "no_shares": "Aucun clic sur partager pour l'instant.",
        "more_shares": "{count} de plus : `socialbot stats`.",
    },
    "es": {
        "prefs_title": "Tus preferencias",
        "save": "Guardar",
        "cancel": "Cancelar",
        "required": "{field}: este campo es obligatorio.",
        "form_in_words": (
            "No puedo abrir ese formulario desde un mensaje: escribe `/{command}` para abrirlo."
        ),
        "at_most_characters": "Como máximo {limit} caracteres.",
        "thousands": ".",
        "times_in_zone": "Las horas son las de tu zona horaria ({zone}).",
        "daily_digest": "Resumen diario",
        "on": "Sí",
        "off": "No",
        "muted_until": "En pausa hasta el {day}",
        "end_mute": "Elige Sí para terminar la pausa ahora.",
        "time": "Hora",
        "time_zone": "Zona horaria",
        "zone_hint": "Tu resumen llega a su hora en esta zona.",
        "your_workdays": "Tus días laborables",
        "workdays": "Días laborables",
        "workdays_hint": (
            "Tu resumen llega estos días, salvo los festivos que tu empresa haya fijado para tu"
            " oficina."
        ),
        "workdays_hint_reminders": (
            "Tu resumen llega estos días, salvo los festivos que tu empresa haya fijado para tu"
            " oficina; los recordatorios de informes para el equipo de redes sociales también"
            " los esperan."
        ),
        "topics": "Temas",
        "topics_example": "sostenibilidad, contratación, IA",
        "topics_hint": "Lo que trata de estos temas llega primero; sepáralos con comas.",
        "all_topics": "todos",
        "networks": "Redes",
        "leaderboard": "Clasificación",
        "leaderboard_hint": (
            "Sí: el equipo de redes sociales ve lo que compartes entre las 10 personas que"
            " más comparten. No: solo se cuenta, tu nombre nunca aparece."
        ),
        "days_span": "de {first} a {last}",
        "choose_on_off": "Elige Sí o No.",
        "choose_zone": "Elige una zona horaria de la lista, como Europe/Madrid.",
        "give_time": "Indica una hora del día, como 09:30.",
        "choose_days": "Elige al menos un día, de lunes a domingo.",
        "choose_networks": "Elige al menos una de LinkedIn, X y Facebook.",
        "too_many_topics": "Indica como máximo {count} temas.",
        "home_digest": "Tu resumen diario",
        "home_guest": "Ninguno: las cuentas de invitado no reciben resumen",
        "guests_get_none": (
            "Los resúmenes diarios son para la gente de la empresa: las cuentas de invitado no"
            " reciben ninguno, así que no hay resumen que enviarte ni que configurar."
        ),
        "shares_title": "Veces que se compartió lo de los resúmenes",
        "no_shares": "Aún nadie ha pulsado compartir.",
        "more_shares": "{count} más: `socialbot stats`.",
    },
}

# What a reporter hears: the receipt, the reminder not to engage, the news of their report.
_REPORTS: dict[str, dict[str, str]] = {
    "en": {
        "report_new": "Thanks! Your report {ref} is saved.",
        "report_new_team": "Thanks! Your report {ref} is with the social media team.",
        "report_merged": "Thanks! Others reported this too; you are added to {ref}.",
        "report_merged_team": (
            "Thanks! Others reported this too; you are added to {ref}, which the team already has."
        ),
        "report_repeat": "You already reported this; it is {ref} ({status}).",
        "report_repeat_added": "What you wrote this time is added to it.",
        "report_reopened": (
            "Thanks! This was reported before as {ref}, which the team had closed; your report"
            " reopens it."
        ),
        "report_reopened_team": (
            "Thanks! This was reported before as {ref}, which the team had closed; your report"
            " reopens it and the team is told."
        ),
        "reach_team": "The social media team handles it from here.",
        "reach_waiting": (
            "It reaches the social media team as soon as the bot can reach them; you don't need"
            " to do anything."
        ),
        "reach_console": (
            "No social media managers are set up on the console: it waits in the team's inbox,"
            " which `socialbot console --manager` shows, and `/report-mention open` there lists"
            " it."
        ),
        "reach_nobody": (
            "No social media team can receive reports yet (none is set up, or the managers named"
            " have left), so nobody has seen it: please tell whoever runs this bot for your"
            " company. It is kept and reaches the team once they set one up."
        ),
        "reach_nobody_admin": (
            "No social media team can receive reports yet (none is set up, or the managers named"
            " have left), so nobody has seen it: set SOCIALBOT_ESCALATION_CHANNEL or"
            " SOCIALBOT_SOCIAL_MEDIA_MANAGERS (to an active manager). It is kept and reaches the"
            " team once one of them is set."
        ),
        "dont_engage": (
            "In the meantime:\n"
            "- Don't reply to it, however tempting.\n"
            "- Don't like, share or quote it; that only spreads it.\n"
            "- Don't delete your own related posts; the team may need them."
        ),
        "dont_reply": "Please don't reply to it, like it or share it.",
        "report_reference": "Reference {ref}. You'll hear from me when its status changes.",
        "unseen_too_large": "too large for the bot to keep (over {mb} MB)",
        "unseen_no_address": (
            "sent to the bot only, and the bot has no public web address to show it from"
        ),
        "unseen_not_kept": "the bot could not pass it on",
        "report_unseen": (
            "The team cannot see what you sent with it ({files}). Your report is filed without"
            " it: send it to a social media manager yourself."
        ),
        "report_kept": (
            "The bot cannot save your report this moment (another program is holding its"
            " database), so it is kept and filed as soon as the database is free: you get its"
            " reference then. You don't need to report it again."
        ),
        "report_filed_at_last": "Your report, kept while the database was busy, is filed now.",
        "report_saved": "Your report {ref} is saved.",
        "reference": "Reference {ref}.",
        "update_acknowledged": "The social media team has seen your report {ref} and is on it.",
        "update_assigned": "{who} is handling your report {ref}.",
        "update_reopened": "The social media team reopened your report {ref}.",
        "update_resolved": "Your report {ref} is resolved ({outcome}). Thank you for reporting it.",
        "update_dismissed": (
            "The team looked at your report {ref} and it needs no action. Thanks for keeping an"
            " eye out."
        ),
        "updated_by": "Updated by {who}.",
        "status_new": "new",
        "status_acknowledged": "acknowledged",
        "status_resolved": "resolved",
        "status_dismissed": "not an issue",
        "outcome_responded": "responded",
        "outcome_removed": "removed by the platform",
        "outcome_ignored": "ignored on purpose",
        "outcome_escalated": "escalated to legal/PR",
    },
    "da": {
        "report_new": "Tak! Din rapport {ref} er gemt.",
        "report_new_team": "Tak! Din rapport {ref} er hos social media-teamet.",
        "report_merged": "Tak! Andre har også meldt dette; du er tilføjet til {ref}.",
        "report_merged_team": (
            "Tak! Andre har også meldt dette; du er tilføjet til {ref}, som teamet allerede har."
        ),
        "report_repeat": "Du har allerede meldt dette; det er {ref} ({status}).",
        "report_repeat_added": "Det, du skrev denne gang, er føjet til den.",
        "report_reopened": (
            "Tak! Dette blev meldt før som {ref}, som teamet havde lukket; din rapport åbner den"
            " igen."
        ),
        "report_reopened_team": (
            "Tak! Dette blev meldt før som {ref}, som teamet havde lukket; din rapport åbner den"
            " igen, og teamet får besked."
        ),
        "reach_team": "Social media-teamet tager sig af det herfra.",
        "reach_waiting": (
            "Den når social media-teamet, så snart botten kan nå dem; du behøver ikke gøre noget."
        ),
        "reach_console": (
            "Der er ingen social media-ansvarlige sat op på konsollen: den venter i teamets"
            " indbakke, som `socialbot console --manager` viser, og `/report-mention open` dér"
            " lister den."
        ),
        "reach_nobody": (
            "Intet social media-team kan modtage rapporter endnu (der er ikke sat et op, eller de"
            " nævnte ansvarlige er gået), så ingen har set den: sig det til den, der driver denne"
            " bot i din virksomhed. Den gemmes og når teamet, når de har sat et op."
        ),
        "reach_nobody_admin": (
            "Intet social media-team kan modtage rapporter endnu (der er ikke sat et op, eller de"
            " nævnte ansvarlige er gået), så ingen har set den: sæt SOCIALBOT_ESCALATION_CHANNEL"
            " eller SOCIALBOT_SOCIAL_MEDIA_MANAGERS (til en aktiv ansvarlig). Den gemmes og når"
            " teamet, når en af dem er sat."
        ),
        "dont_engage": (
            "Indtil da:\n"
            "- Svar ikke på det, hvor fristende det end er.\n"
            "- Lik, del eller citér det ikke; det spreder det bare.\n"
            "- Slet ikke dine egne opslag om det; teamet kan få brug for dem."
        ),
        "dont_reply": "Svar ikke på det, lik det ikke og del det ikke.",
        "report_reference": "Reference {ref}. Du hører fra mig, når dens status ændrer sig.",
        "unseen_too_large": "for stor til, at botten kan gemme den (over {mb} MB)",
        "unseen_no_address": (
            "kun sendt til botten, og botten har ingen offentlig webadresse at vise den fra"
        ),
        "unseen_not_kept": "botten kunne ikke sende den videre",
        "report_unseen": (
            "Teamet kan ikke se det, du sendte med ({files}). Din rapport er meldt uden det: send"
            " det selv til en social media-ansvarlig."
        ),
        "report_kept": (
            "Botten kan ikke gemme din rapport lige nu (et andet program holder dens database),"
            " så den bliver gemt og meldt, så snart databasen er fri: så får du dens reference."
            " Du behøver ikke melde det igen."
        ),
        "report_filed_at_last": "Din rapport, gemt mens databasen var optaget, er meldt nu.",
        "report_saved": "Din rapport {ref} er gemt.",
        "reference": "Reference {ref}.",
        "update_acknowledged": "Social media-teamet har set din rapport {ref} og er i gang.",
        "update_assigned": "{who} tager sig af din rapport {ref}.",
        "update_reopened": "Social media-teamet har genåbnet din rapport {ref}.",
        "update_resolved": "Din rapport {ref} er løst ({outcome}). Tak fordi du meldte det.",
        "update_dismissed": (
            "Teamet har set på din rapport {ref}, og den kræver ingen handling. Tak fordi du holder"
            " øje."
        ),
        "updated_by": "Opdateret af {who}.",
        "status_new": "ny",
        "status_acknowledged": "set af teamet",
        "status_resolved": "løst",
        "status_dismissed": "ikke et problem",
        "outcome_responded": "besvaret",
        "outcome_removed": "fjernet af platformen",
        "outcome_ignored": "bevidst ignoreret",
        "outcome_escalated": "sendt videre til jura/PR",
    },
    "de": {
        "report_new": "Danke! Deine Meldung {ref} ist gespeichert.",
        "report_new_team": "Danke! Deine Meldung {ref} liegt beim Social-Media-Team.",
        "report_merged": "Danke! Andere haben das auch gemeldet; du bist zu {ref} hinzugefügt.",
        "report_merged_team": (
            "Danke! Andere haben das auch gemeldet; du bist zu {ref} hinzugefügt, die das Team"
            " schon hat."
        ),
        "report_repeat": "Das hast du schon gemeldet; es ist {ref} ({status}).",
        "report_repeat_added": "Was du diesmal geschrieben hast, ist ergänzt.",
        "report_reopened": (
            "Danke! Das wurde schon als {ref} gemeldet, die das Team geschlossen hatte; deine"
            " Meldung öffnet sie wieder."
        ),
        "report_reopened_team": (
            "Danke! Das wurde schon als {ref} gemeldet, die das Team geschlossen hatte; deine"
            " Meldung öffnet sie wieder, und das Team erfährt es."
        ),
        "reach_team": "Das Social-Media-Team kümmert sich ab hier darum.",
        "reach_waiting": (
            "Sie erreicht das Social-Media-Team, sobald der Bot es erreichen kann; du musst"
            " nichts tun."
        ),
        "reach_console": (
            "Auf der Konsole sind keine Social-Media-Manager eingerichtet: Sie wartet im"
            " Posteingang des Teams, den `socialbot console --manager` zeigt, und"
            " `/report-mention open` listet sie dort."
        ),
        "reach_nobody": (
            "Noch kann kein Social-Media-Team Meldungen empfangen (keins ist eingerichtet, oder"
            " die genannten Manager sind gegangen), also hat sie niemand gesehen: Sag bitte"
            " Bescheid, wer diesen Bot in deinem Unternehmen betreibt. Sie bleibt gespeichert und"
            " erreicht das Team, sobald eins eingerichtet ist."
        ),
        "reach_nobody_admin": (
            "Noch kann kein Social-Media-Team Meldungen empfangen (keins ist eingerichtet, oder"
            " die genannten Manager sind gegangen), also hat sie niemand gesehen: Setze"
            " SOCIALBOT_ESCALATION_CHANNEL oder SOCIALBOT_SOCIAL_MEDIA_MANAGERS (auf einen aktiven"
            " Manager). Sie bleibt gespeichert und erreicht das Team, sobald eins davon gesetzt"
            " ist."
        ),
        "dont_engage": (
            "Bis dahin:\n"
            "- Antworte nicht darauf, so verlockend es ist.\n"
            "- Like, teile oder zitiere es nicht; das verbreitet es nur.\n"
            "- Lösche deine eigenen Beiträge dazu nicht; das Team braucht sie vielleicht."
        ),
        "dont_reply": "Bitte antworte nicht darauf, like es nicht und teile es nicht.",
        "report_reference": ("Referenz {ref}. Du hörst von mir, sobald sich ihr Status ändert."),
        "unseen_too_large": "zu groß, als dass der Bot sie aufbewahren könnte (über {mb} MB)",
        "unseen_no_address": (
            "nur an den Bot geschickt, und der Bot hat keine öffentliche Webadresse, um sie zu"
            " zeigen"
        ),
        "unseen_not_kept": "der Bot konnte sie nicht weitergeben",
        "report_unseen": (
            "Das Team kann nicht sehen, was du mitgeschickt hast ({files}). Deine Meldung ist"
            " ohne es eingereicht: Schick es selbst an einen Social-Media-Manager."
        ),
        "report_kept": (
            "Der Bot kann deine Meldung gerade nicht speichern (ein anderes Programm hält seine"
            " Datenbank), also wird sie aufbewahrt und eingereicht, sobald die Datenbank frei ist:"
            " Dann bekommst du ihre Referenz. Du musst sie nicht noch einmal melden."
        ),
        "report_filed_at_last": (
            "Deine Meldung, aufbewahrt während die Datenbank belegt war, ist jetzt eingereicht."
        ),
        "report_saved": "Deine Meldung {ref} ist gespeichert.",
        "reference": "Referenz {ref}.",
        "update_acknowledged": (
            "Das Social-Media-Team hat deine Meldung {ref} gesehen und kümmert sich darum."
        ),
        "update_assigned": "{who} bearbeitet deine Meldung {ref}.",
        "update_reopened": "Das Social-Media-Team hat deine Meldung {ref} wieder geöffnet.",
        "update_resolved": (
            "Deine Meldung {ref} ist erledigt ({outcome}). Danke, dass du sie gemeldet hast."
        ),
        "update_dismissed": (
            "Das Team hat sich deine Meldung {ref} angesehen; sie erfordert nichts. Danke, dass"
            " du die Augen offen hältst."
        ),
        "updated_by": "Aktualisiert von {who}.",
        "status_new": "neu",
        "status_acknowledged": "vom Team gesehen",
        "status_resolved": "erledigt",
        "status_dismissed": "kein Problem",
        "outcome_responded": "beantwortet",
        "outcome_removed": "von der Plattform entfernt",
        "outcome_ignored": "bewusst ignoriert",
        "outcome_escalated": "an Recht/PR weitergegeben",
    },
    "sv": {
        "report_new": "Tack! Din rapport {ref} är sparad.",
        "report_new_team": "Tack! Din rapport {ref} är hos teamet för sociala medier.",
        "report_merged": "Tack! Andra har också rapporterat detta; du är tillagd i {ref}.",
        "report_merged_team": (
            "Tack! Andra har också rapporterat detta; du är tillagd i {ref}, som teamet redan har."
        ),
        "report_repeat": "Du har redan rapporterat detta; det är {ref} ({status}).",
        "report_repeat_added": "Det du skrev den här gången har lagts till.",
        "report_reopened": (
            "Tack! Detta rapporterades tidigare som {ref}, som teamet hade stängt; din rapport"
            " öppnar den igen."
        ),
        "report_reopened_team": (
            "Tack! Detta rapporterades tidigare som {ref}, som teamet hade stängt; din rapport"
            " öppnar den igen och teamet får veta det."
        ),
        "reach_team": "Teamet för sociala medier tar hand om det härifrån.",
        "reach_waiting": (
            "Den når teamet för sociala medier så snart boten kan nå dem; du behöver inte göra"
            " något."
        ),
        "reach_console": (
            "Inga ansvariga för sociala medier är inställda på konsolen: den väntar i teamets"
            " inkorg, som `socialbot console --manager` visar, och `/report-mention open` där"
            " listar den."
        ),
        "reach_nobody": (
            "Inget team för sociala medier kan ta emot rapporter än (inget är inställt, eller de"
            " namngivna ansvariga har slutat), så ingen har sett den: säg till den som driver den"
            " här boten i ditt företag. Den sparas och når teamet när de har ställt in ett."
        ),
        "reach_nobody_admin": (
            "Inget team för sociala medier kan ta emot rapporter än (inget är inställt, eller de"
            " namngivna ansvariga har slutat), så ingen har sett den: ställ in"
            " SOCIALBOT_ESCALATION_CHANNEL eller SOCIALBOT_SOCIAL_MEDIA_MANAGERS (till en aktiv"
            " ansvarig). Den sparas och når teamet när en av dem är inställd."
        ),
        "dont_engage": (
            "Under tiden:\n"
            "- Svara inte på det, hur frestande det än är.\n"
            "- Gilla, dela eller citera det inte; det sprider det bara.\n"
            "- Radera inte dina egna inlägg om det; teamet kan behöva dem."
        ),
        "dont_reply": "Svara inte på det, gilla det inte och dela det inte.",
        "report_reference": "Referens {ref}. Du hör av mig när dess status ändras.",
        "unseen_too_large": "för stor för att boten ska kunna spara den (över {mb} MB)",
        "unseen_no_address": (
            "bara skickad till boten, och boten har ingen offentlig webbadress att visa den från"
        ),
        "unseen_not_kept": "boten kunde inte skicka den vidare",
        "report_unseen": (
            "Teamet kan inte se det du skickade med ({files}). Din rapport är inlämnad utan det:"
            " skicka det själv till en ansvarig för sociala medier."
        ),
        "report_kept": (
            "Boten kan inte spara din rapport just nu (ett annat program håller dess databas), så"
            " den sparas och lämnas in så snart databasen är ledig: då får du dess referens. Du"
            " behöver inte rapportera det igen."
        ),
        "report_filed_at_last": (
            "Din rapport, sparad medan databasen var upptagen, är inlämnad nu."
        ),
        "report_saved": "Din rapport {ref} är sparad.",
        "reference": "Referens {ref}.",
        "update_acknowledged": (
            "Teamet för sociala medier har sett din rapport {ref} och tar hand om den."
        ),
        "update_assigned": "{who} hanterar din rapport {ref}.",
        "update_reopened": "Teamet för sociala medier har öppnat din rapport {ref} igen.",
        "update_resolved": "Din rapport {ref} är löst ({outcome}). Tack för att du rapporterade.",
        "update_dismissed": (
            "Teamet har tittat på din rapport {ref} och den kräver ingen åtgärd. Tack för att du"
            " håller utkik."
        ),
        "updated_by": "Uppdaterad av {who}.",
        "status_new": "ny",
        "status_acknowledged": "sedd av teamet",
        "status_resolved": "löst",
        "status_dismissed": "inget problem",
        "outcome_responded": "besvarad",
        "outcome_removed": "borttagen av plattformen",
        "outcome_ignored": "medvetet ignorerad",
        "outcome_escalated": "skickad vidare till juridik/PR",
    },
    "nb": {
        "report_new": "Takk! Rapporten din {ref} er lagret.",
        "report_new_team": "Takk! Rapporten din {ref} er hos teamet for sosiale medier.",
        "report_merged": "Takk! Andre har også meldt dette; du er lagt til i {ref}.",
        "report_merged_team": (
            "Takk! Andre har også meldt dette; du er lagt til i {ref}, som teamet allerede har."
        ),
        "report_repeat": "Du har allerede meldt dette; det er {ref} ({status}).",
        "report_repeat_added": "Det du skrev denne gangen, er lagt til.",
        "report_reopened": (
            "Takk! Dette ble meldt før som {ref}, som teamet hadde lukket; rapporten din åpner"
            " den igjen."
        ),
        "report_reopened_team": (
            "Takk! Dette ble meldt før som {ref}, som teamet hadde lukket; rapporten din åpner"
            " den igjen, og teamet får beskjed."
        ),
        "reach_team": "Teamet for sosiale medier tar seg av det herfra.",
        "reach_waiting": (
            "Den når teamet for sosiale medier så snart boten kan nå dem; du trenger ikke gjøre"
            " noe."
        ),
        "reach_console": (
            "Ingen ansvarlige for sosiale medier er satt opp på konsollen: den venter i teamets"
            " innboks, som `socialbot console --manager` viser, og `/report-mention open` der"
            " lister den."
        ),
        "reach_nobody": (
            "Ingen team for sosiale medier kan ta imot rapporter ennå (ingen er satt opp, eller de"
            " navngitte ansvarlige har sluttet), så ingen har sett den: si fra til den som drifter"
            " denne boten i selskapet ditt. Den lagres og når teamet når de har satt opp et."
        ),
        "reach_nobody_admin": (
            "Ingen team for sosiale medier kan ta imot rapporter ennå (ingen er satt opp, eller de"
            " navngitte ansvarlige har sluttet), så ingen har sett den: sett"
            " SOCIALBOT_ESCALATION_CHANNEL eller SOCIALBOT_SOCIAL_MEDIA_MANAGERS (til en aktiv"
            " ansvarlig). Den lagres og når teamet når en av dem er satt."
        ),
        "dont_engage": (
            "I mellomtiden:\n"
            "- Ikke svar på det, hvor fristende det enn er.\n"
            "- Ikke lik, del eller siter det; det sprer det bare.\n"
            "- Ikke slett dine egne innlegg om det; teamet kan trenge dem."
        ),
        "dont_reply": "Ikke svar på det, lik det eller del det.",
        "report_reference": "Referanse {ref}. Du hører fra meg når statusen endrer seg.",
        "unseen_too_large": "for stor til at boten kan lagre den (over {mb} MB)",
        "unseen_no_address": (
            "bare sendt til boten, og boten har ingen offentlig nettadresse å vise den fra"
        ),
        "unseen_not_kept": "boten kunne ikke sende den videre",
        "report_unseen": (
            "Teamet kan ikke se det du sendte med ({files}). Rapporten din er levert uten det:"
            " send det selv til en ansvarlig for sosiale medier."
        ),
        "report_kept": (
            "Boten kan ikke lagre rapporten din akkurat nå (et annet program holder databasen),"
            " så den tas vare på og leveres så snart databasen er ledig: da får du referansen."
            " Du trenger ikke melde det igjen."
        ),
        "report_filed_at_last": (
            "Rapporten din, tatt vare på mens databasen var opptatt, er levert nå."
        ),
        "report_saved": "Rapporten din {ref} er lagret.",
        "reference": "Referanse {ref}.",
        "update_acknowledged": (
            "Teamet for sosiale medier har sett rapporten din {ref} og jobber med den."
        ),
        "update_assigned": "{who} tar seg av rapporten din {ref}.",
        "update_reopened": "Teamet for sosiale medier har åpnet rapporten din {ref} igjen.",
        "update_resolved": "Rapporten din {ref} er løst ({outcome}). Takk for at du meldte det.",
        "update_dismissed": (
            "Teamet har sett på rapporten din {ref}, og den krever ingen handling. Takk for at du"
            " følger med."
        ),
        "updated_by": "Oppdatert av {who}.",
        "status_new": "ny",
        "status_acknowledged": "sett av teamet",
        "status_resolved": "løst",
        "status_dismissed": "ikke et problem",
        "outcome_responded": "besvart",
        "outcome_removed": "fjernet av plattformen",
        "outcome_ignored": "bevisst ignorert",
        "outcome_escalated": "sendt videre til juss/PR",
    },
    "nl": {
        "report_new": "Bedankt! Je melding {ref} is opgeslagen.",
        "report_new_team": "Bedankt! Je melding {ref} ligt bij het socialemediateam.",
        "report_merged": "Bedankt! Anderen meldden dit ook; je bent toegevoegd aan {ref}.",
        "report_merged_team": (
            "Bedankt! Anderen meldden dit ook; je bent toegevoegd aan {ref}, die het team al heeft."
        ),
        "report_repeat": "Je hebt dit al gemeld; het is {ref} ({status}).",
        "report_repeat_added": "Wat je deze keer schreef, is eraan toegevoegd.",
        "report_reopened": (
            "Bedankt! Dit werd eerder gemeld als {ref}, die het team had gesloten; je melding"
            " heropent hem."
        ),
        "report_reopened_team": (
            "Bedankt! Dit werd eerder gemeld als {ref}, die het team had gesloten; je melding"
            " heropent hem en het team krijgt bericht."
        ),
        "reach_team": "Het socialemediateam neemt het vanaf hier over.",
        "reach_waiting": (
            "Hij bereikt het socialemediateam zodra de bot hen kan bereiken; je hoeft niets te"
            " doen."
        ),
        "reach_console": (
            "Er zijn geen socialemediamanagers ingesteld op de console: hij wacht in de inbox van"
            " het team, die `socialbot console --manager` toont, en `/report-mention open` daar"
            " toont hem."
        ),
        "reach_nobody": (
            "Nog geen socialemediateam kan meldingen ontvangen (er is er geen ingesteld, of de"
            " genoemde managers zijn vertrokken), dus niemand heeft hem gezien: laat het weten aan"
            " wie deze bot voor je bedrijf beheert. Hij wordt bewaard en bereikt het team zodra er"
            " een is ingesteld."
        ),
        "reach_nobody_admin": (
            "Nog geen socialemediateam kan meldingen ontvangen (er is er geen ingesteld, of de"
            " genoemde managers zijn vertrokken), dus niemand heeft hem gezien: stel"
            " SOCIALBOT_ESCALATION_CHANNEL of SOCIALBOT_SOCIAL_MEDIA_MANAGERS in (op een actieve"
            " manager). Hij wordt bewaard en bereikt het team zodra een van beide is ingesteld."
        ),
        "dont_engage": (
            "In de tussentijd:\n"
            "- Reageer er niet op, hoe verleidelijk ook.\n"
            "- Like, deel of citeer het niet; dat verspreidt het alleen.\n"
            "- Verwijder je eigen berichten erover niet; het team heeft ze misschien nodig."
        ),
        "dont_reply": "Reageer er niet op, like het niet en deel het niet.",
        "report_reference": "Referentie {ref}. Je hoort van me zodra de status verandert.",
        "unseen_too_large": "te groot voor de bot om te bewaren (meer dan {mb} MB)",
        "unseen_no_address": (
            "alleen naar de bot gestuurd, en de bot heeft geen openbaar webadres om het te tonen"
        ),
        "unseen_not_kept": "de bot kon het niet doorsturen",
        "report_unseen": (
            "Het team kan niet zien wat je meestuurde ({files}). Je melding is zonder ingediend:"
            " stuur het zelf naar een socialemediamanager."
        ),
        "report_kept": (
            "De bot kan je melding nu niet opslaan (een ander programma houdt de database vast),"
            " dus hij wordt bewaard en ingediend zodra de database vrij is: dan krijg je de"
            " referentie. Je hoeft het niet opnieuw te melden."
        ),
        "report_filed_at_last": (
            "Je melding, bewaard terwijl de database bezet was, is nu ingediend."
        ),
        "report_saved": "Je melding {ref} is opgeslagen.",
        "reference": "Referentie {ref}.",
        "update_acknowledged": (
            "Het socialemediateam heeft je melding {ref} gezien en is ermee bezig."
        ),
        "update_assigned": "{who} behandelt je melding {ref}.",
        "update_reopened": "Het socialemediateam heeft je melding {ref} heropend.",
        "update_resolved": (
            "Je melding {ref} is afgehandeld ({outcome}). Bedankt voor het melden."
        ),
        "update_dismissed": (
            "Het team heeft naar je melding {ref} gekeken en er is geen actie nodig. Bedankt dat"
            " je een oogje in het zeil houdt."
        ),
        "updated_by": "Bijgewerkt door {who}.",
        "status_new": "nieuw",
        "status_acknowledged": "gezien door het team",
        "status_resolved": "afgehandeld",
        "status_dismissed": "geen probleem",
        "outcome_responded": "beantwoord",
        "outcome_removed": "verwijderd door het platform",
        "outcome_ignored": "bewust genegeerd",
        "outcome_escalated": "doorgezet naar juridisch/pr",
    },
    "fr": {
        "report_new": "Merci ! Votre signalement {ref} est enregistré.",
        "report_new_team": "Merci ! Votre signalement {ref} est entre les mains de l'équipe"
        " réseaux sociaux.",
        "report_merged": (
            "Merci ! D'autres l'ont signalé aussi ; vous êtes ajouté au signalement {ref}."
        ),
        "report_merged_team": (
            "Merci ! D'autres l'ont signalé aussi ; vous êtes ajouté au signalement {ref}, que"
            " l'équipe a déjà."
        ),
        "report_repeat": "Vous avez déjà signalé ceci ; c'est {ref} ({status}).",
        "report_repeat_added": "Ce que vous avez écrit cette fois y est ajouté.",
        "report_reopened": (
            "Merci ! Ceci a déjà été signalé sous {ref}, que l'équipe avait clos ; votre"
            " signalement le rouvre."
        ),
        "report_reopened_team": (
            "Merci ! Ceci a déjà été signalé sous {ref}, que l'équipe avait clos ; votre"
            " signalement le rouvre et l'équipe est prévenue."
        ),
        "reach_team": "L'équipe réseaux sociaux s'en occupe désormais.",
        "reach_waiting": (
            "Il parviendra à l'équipe réseaux sociaux dès que le bot pourra la joindre ; vous"
            " n'avez rien à faire."
        ),
        "reach_console": (
            "Aucun responsable des réseaux sociaux n'est configuré sur la console : il attend"
            " dans la boîte de l'équipe, que montre `socialbot console --manager`, où"
            " `/report-mention open` le liste."
        ),
        "reach_nobody": (
            "Aucune équipe réseaux sociaux ne peut encore recevoir de signalements (aucune n'est"
            " configurée, ou les responsables nommés sont partis), donc personne ne l'a vu :"
            " prévenez la personne qui gère ce bot dans votre entreprise. Il est conservé et"
            " parviendra à l'équipe dès qu'elle sera configurée."
        ),
        "reach_nobody_admin": (
            "Aucune équipe réseaux sociaux ne peut encore recevoir de signalements (aucune n'est"
            " configurée, ou les responsables nommés sont partis), donc personne ne l'a vu :"
            " définissez SOCIALBOT_ESCALATION_CHANNEL ou SOCIALBOT_SOCIAL_MEDIA_MANAGERS (avec un"
            " responsable actif). Il est conservé et parviendra à l'équipe dès que l'un des deux"
            " sera défini."
        ),
        "dont_engage": (
            "En attendant :\n"
            "- N'y répondez pas, même si c'est tentant.\n"
            "- Ne l'aimez pas, ne le partagez pas et ne le citez pas : cela ne fait que le"
            " diffuser.\n"
            "- Ne supprimez pas vos propres publications liées : l'équipe peut en avoir besoin."
        ),
        "dont_reply": "Merci de ne pas y répondre, ni de l'aimer ou le partager.",
        "report_reference": ("Référence {ref}. Je vous préviendrai quand son statut changera."),
        "unseen_too_large": "trop volumineux pour que le bot le conserve (plus de {mb} Mo)",
        "unseen_no_address": (
            "envoyé au bot seul, et le bot n'a pas d'adresse web publique pour le montrer"
        ),
        "unseen_not_kept": "le bot n'a pas pu le transmettre",
        "report_unseen": (
            "L'équipe ne peut pas voir ce que vous avez joint ({files}). Votre signalement est"
            " enregistré sans : envoyez-le vous-même à un responsable des réseaux sociaux."
        ),
        "report_kept": (
            "Le bot ne peut pas enregistrer votre signalement pour l'instant (un autre programme"
            " occupe sa base de données) : il est conservé et enregistré dès que la base est"
            " libre, et vous recevrez alors sa référence. Inutile de le signaler à nouveau."
        ),
        "report_filed_at_last": (
            "Votre signalement, conservé pendant que la base de données était occupée, est"
            " enregistré."
        ),
        "report_saved": "Votre signalement {ref} est enregistré.",
        "reference": "Référence {ref}.",
        "update_acknowledged": (
            "L'équipe réseaux sociaux a vu votre signalement {ref} et s'en occupe."
        ),
        "update_assigned": "{who} s'occupe de votre signalement {ref}.",
        "update_reopened": "L'équipe réseaux sociaux a rouvert votre signalement {ref}.",
        "update_resolved": (
            "Votre signalement {ref} est traité ({outcome}). Merci de l'avoir signalé."
        ),
        "update_dismissed": (
            "L'équipe a examiné votre signalement {ref} : il ne demande aucune action. Merci de"
            " votre vigilance."
        ),
        "updated_by": "Mis à jour par {who}.",
        "status_new": "nouveau",
        "status_acknowledged": "vu par l'équipe",
        "status_resolved": "traité",
        "status_dismissed": "sans suite",
        "outcome_responded": "réponse apportée",
        "outcome_removed": "retiré par la plateforme",
        "outcome_ignored": "ignoré volontairement",
        "outcome_escalated": "transmis au juridique/aux RP",
    },
    "es": {
        "report_new": "¡Gracias! Tu informe {ref} está guardado.",
        "report_new_team": "¡Gracias! Tu informe {ref} está con el equipo de redes sociales.",
        "report_merged": (
            "¡Gracias! Otras personas también lo informaron; te hemos añadido a {ref}."
        ),
        "report_merged_team": (
            "¡Gracias! Otras personas también lo informaron; te hemos añadido a {ref}, que el"
            " equipo ya tiene."
        ),
        "report_repeat": "Ya informaste de esto; es {ref} ({status}).",
        "report_repeat_added": "Lo que escribiste esta vez se ha añadido.",
        "report_reopened": (
            "¡Gracias! Esto ya se informó como {ref}, que el equipo había cerrado; tu informe lo"
            " reabre."
        ),
        "report_reopened_team": (
            "¡Gracias! Esto ya se informó como {ref}, que el equipo había cerrado; tu informe lo"
            " reabre y el equipo lo sabrá."
        ),
        "reach_team": "El equipo de redes sociales se encarga a partir de aquí.",
        "reach_waiting": (
            "Llegará al equipo de redes sociales en cuanto el bot pueda contactarles; no tienes"
            " que hacer nada."
        ),
        "reach_console": (
            "No hay responsables de redes sociales configurados en la consola: espera en la"
            " bandeja del equipo, que muestra `socialbot console --manager`, donde"
            " `/report-mention open` lo lista."
        ),
        "reach_nobody": (
            "Ningún equipo de redes sociales puede recibir informes todavía (no hay ninguno"
            " configurado, o los responsables indicados se han ido), así que nadie lo ha visto:"
            " avisa a quien gestiona este bot en tu empresa. Se guarda y llegará al equipo en"
            " cuanto lo configuren."
        ),
        "reach_nobody_admin": (
            "Ningún equipo de redes sociales puede recibir informes todavía (no hay ninguno"
            " configurado, o los responsables indicados se han ido), así que nadie lo ha visto:"
            " define SOCIALBOT_ESCALATION_CHANNEL o SOCIALBOT_SOCIAL_MEDIA_MANAGERS (con un"
            " responsable activo). Se guarda y llegará al equipo en cuanto se defina uno de ellos."
        ),
        "dont_engage": (
            "Mientras tanto:\n"
            "- No respondas, por tentador que sea.\n"
            "- No le des me gusta, no lo compartas ni lo cites: solo lo difunde más.\n"
            "- No borres tus propias publicaciones relacionadas: el equipo puede necesitarlas."
        ),
        "dont_reply": "Por favor, no respondas, no le des me gusta ni lo compartas.",
        "report_reference": "Referencia {ref}. Te avisaré cuando cambie su estado.",
        "unseen_too_large": "demasiado grande para que el bot lo guarde (más de {mb} MB)",
        "unseen_no_address": (
            "enviado solo al bot, y el bot no tiene una dirección web pública desde la que"
            " mostrarlo"
        ),
        "unseen_not_kept": "el bot no pudo reenviarlo",
        "report_unseen": (
            "El equipo no puede ver lo que enviaste con él ({files}). Tu informe se ha registrado"
            " sin ello: envíaselo tú a un responsable de redes sociales."
        ),
        "report_kept": (
            "El bot no puede guardar tu informe ahora mismo (otro programa tiene ocupada su base"
            " de datos), así que se conserva y se registra en cuanto la base esté libre: entonces"
            " recibirás su referencia. No hace falta que lo informes otra vez."
        ),
        "report_filed_at_last": (
            "Tu informe, conservado mientras la base de datos estaba ocupada, ya está registrado."
        ),
        "report_saved": "Tu informe {ref} está guardado.",
        "reference": "Referencia {ref}.",
        "update_acknowledged": (
            "El equipo de redes sociales ha visto tu informe {ref} y se está ocupando."
        ),
        "update_assigned": "{who} se encarga de tu informe {ref}.",
        "update_reopened": "El equipo de redes sociales ha reabierto tu informe {ref}.",
        "update_resolved": "Tu informe {ref} está resuelto ({outcome}). Gracias por informar.",
        "update_dismissed": (
            "El equipo ha revisado tu informe {ref} y no requiere ninguna acción. Gracias por"
            " estar atento."
        ),
        "updated_by": "Actualizado por {who}.",
        "status_new": "nuevo",
        "status_acknowledged": "visto por el equipo",
        "status_resolved": "resuelto",
        "status_dismissed": "sin problema",
        "outcome_responded": "respondido",
        "outcome_removed": "retirado por la plataforma",
        "outcome_ignored": "ignorado a propósito",
        "outcome_escalated": "derivado a legal/RR. PP.",
    },
}

# The report form a person fills in, what it says is wrong, and a bad link in a typed report.
_REPORT_FORM: dict[str, dict[str, str]] = {
    "en": {
        "rf_title": "Report a mention",
        "rf_intro": "Seen something negative about us online? Tell the social media team here.",
        "rf_from": "From {message} you shared.",
        "rf_a_message": "a message",
        "file_screenshot": "Screenshot",
        "file_other": "File",
        "rf_message_by": "Message by {author}",
        "rf_message_by_in": "Message by {author} in {channel}",
        "rf_someone": "someone",
        "rf_sent_with": "Sent with it to the team: {files}.",
        "rf_check": "Please check:",
        "rf_links": "Link(s)",
        "rf_links_hint": "One per line. Leave empty if you saw it in print, on TV or offline.",
        "rf_where": "Where you saw it",
        "rf_where_hint": "Leave empty to detect it from the link.",
        "rf_about": "What is it about?",
        "rf_about_hint": "Needed when there is no link.",
        "rf_urgency": "How urgent is it?",
        "rf_note": "Anything else?",
        "rf_submit": "Report",
        "site_news": "News site",
        "site_other": "Other",
        "urgency_normal": "Normal",
        "urgency_urgent": "Urgent (today)",
        "urgency_crisis": "Crisis (spreading fast, press, safety)",
        "rf_in_words": (
            "To report it in a message, write `report <link> [what it is about]` with the link"
            " of the post or comment; `/report-mention` opens the form."
        ),
        "rf_no_about": "Without a link, tell us what you saw and where (print, TV, a talk…).",
        "rf_bad_urgency": "Choose normal, urgent or crisis.",
        "link_empty": "The link is empty.",
        "link_spaces": "`{link}` has spaces in it; paste the link as it is in the browser.",
        "link_too_long": "`{link}` is longer than {limit} characters.",
        "link_malformed": "`{link}` is not a well-formed web address.",
        "link_not_web": "`{link}` is not a web link; it must start with https:// or http://.",
        "link_no_site": "`{link}` has no website in it.",
        "link_no_domain": "`{link}` does not name a website such as example.com.",
        "too_many_links": "That is more than {limit} links; report the most telling ones.",
    },
    "da": {
        "rf_title": "Meld en omtale",
        "rf_intro": (
            "Har du set noget negativt om os på nettet? Fortæl social media-teamet det her."
        ),
        "rf_from": "Fra {message}, du delte.",
        "rf_a_message": "en besked",
        "file_screenshot": "Skærmbillede",
        "file_other": "Fil",
        "rf_message_by": "Besked fra {author}",
        "rf_message_by_in": "Besked fra {author} i {channel}",
        "rf_someone": "nogen",
        "rf_sent_with": "Sendt med til teamet: {files}.",
        "rf_check": "Tjek venligst:",
        "rf_links": "Link(s)",
        "rf_links_hint": (
            "Ét pr. linje. Lad feltet stå tomt, hvis du så det på tryk, i tv eller uden for nettet."
        ),
        "rf_where": "Hvor du så det",
        "rf_where_hint": "Lad feltet stå tomt, så finder jeg det ud fra linket.",
        "rf_about": "Hvad handler det om?",
        "rf_about_hint": "Skal udfyldes, når der ikke er noget link.",
        "rf_urgency": "Hvor hastende er det?",
        "rf_note": "Andet?",
        "rf_submit": "Meld",
        "site_news": "Nyhedsside",
        "site_other": "Andet",
        "urgency_normal": "Normal",
        "urgency_urgent": "Haster (i dag)",
        "urgency_crisis": "Krise (spreder sig hurtigt, presse, sikkerhed)",
        "rf_in_words": (
            "Skriv `report <link> [hvad det handler om]` med linket til opslaget eller"
            " kommentaren for at melde det i en besked; `/report-mention` åbner formularen."
        ),
        "rf_no_about": (
            "Uden et link skal du fortælle, hvad du så og hvor (på tryk, i tv, ved et foredrag …)."
        ),
        "rf_bad_urgency": "Vælg Normal, Haster eller Krise.",
        "link_empty": "Linket er tomt.",
        "link_spaces": "`{link}` indeholder mellemrum; indsæt linket, som det står i browseren.",
        "link_too_long": "`{link}` er længere end {limit} tegn.",
        "link_malformed": "`{link}` er ikke en gyldig webadresse.",
        "link_not_web": "`{link}` er ikke et weblink; det skal starte med https:// eller http://.",
        "link_no_site": "`{link}` indeholder ingen hjemmeside.",
        "link_no_domain": "`{link}` angiver ikke en hjemmeside som example.com.",
        "too_many_links": "Det er mere end {limit} links; meld dem, der siger mest.",
    },
    "de": {
        "rf_title": "Erwähnung melden",
        "rf_intro": (
            "Etwas Negatives über uns im Netz gesehen? Sag es hier dem Social-Media-Team."
        ),
        "rf_from": "Aus {message}, die du geteilt hast.",
        "rf_a_message": "einer Nachricht",
        "file_screenshot": "Screenshot",
        "file_other": "Datei",
        "rf_message_by": "Nachricht von {author}",
        "rf_message_by_in": "Nachricht von {author} in {channel}",
        "rf_someone": "jemandem",
        "rf_sent_with": "Damit ans Team geschickt: {files}.",
        "rf_check": "Bitte prüfen:",
        "rf_links": "Link(s)",
        "rf_links_hint": (
            "Einer pro Zeile. Leer lassen, wenn du es gedruckt, im Fernsehen oder offline gesehen"
            " hast."
        ),
        "rf_where": "Wo du es gesehen hast",
        "rf_where_hint": "Leer lassen, um es am Link zu erkennen.",
        "rf_about": "Worum geht es?",
        "rf_about_hint": "Nötig, wenn es keinen Link gibt.",
        "rf_urgency": "Wie dringend ist es?",
        "rf_note": "Sonst noch etwas?",
        "rf_submit": "Melden",
        "site_news": "Nachrichtenseite",
        "site_other": "Sonstiges",
        "urgency_normal": "Normal",
        "urgency_urgent": "Dringend (heute)",
        "urgency_crisis": "Krise (verbreitet sich schnell, Presse, Sicherheit)",
        "rf_in_words": (
            "Um es in einer Nachricht zu melden, schreib `report <Link> [worum es geht]` mit dem"
            " Link des Beitrags oder Kommentars; `/report-mention` öffnet das Formular."
        ),
        "rf_no_about": (
            "Ohne Link sag uns, was du gesehen hast und wo (gedruckt, im Fernsehen, bei einem"
            " Vortrag …)."
        ),
        "rf_bad_urgency": "Wähle Normal, Dringend oder Krise.",
        "link_empty": "Der Link ist leer.",
        "link_spaces": (
            "`{link}` enthält Leerzeichen; füge den Link so ein, wie er im Browser steht."
        ),
        "link_too_long": "`{link}` ist länger als {limit} Zeichen.",
        "link_malformed": "`{link}` ist keine gültige Webadresse.",
        "link_not_web": ("`{link}` ist kein Weblink; er muss mit https:// oder http:// beginnen."),
        "link_no_site": "`{link}` enthält keine Website.",
        "link_no_domain": "`{link}` nennt keine Website wie example.com.",
        "too_many_links": "Das sind mehr als {limit} Links; melde die aussagekräftigsten.",
    },
    "sv": {
        "rf_title": "Rapportera omnämnande",
        "rf_intro": (
            "Har du sett något negativt om oss på nätet? Berätta det för teamet för sociala"
            " medier här."
        ),
        "rf_from": "Från {message} som du delade.",
        "rf_a_message": "ett meddelande",
        "file_screenshot": "Skärmbild",
        "file_other": "Fil",
        "rf_message_by": "Meddelande från {author}",
        "rf_message_by_in": "Meddelande från {author} i {channel}",
        "rf_someone": "någon",
        "rf_sent_with": "Skickat med till teamet: {files}.",
        "rf_check": "Kontrollera:",
        "rf_links": "Länk(ar)",
        "rf_links_hint": (
            "En per rad. Lämna tomt om du såg det i tryck, på tv eller utanför nätet."
        ),
        "rf_where": "Var du såg det",
        "rf_where_hint": "Lämna tomt så läser jag av det från länken.",
        "rf_about": "Vad handlar det om?",
        "rf_about_hint": "Behövs när det inte finns någon länk.",
        "rf_urgency": "Hur brådskande är det?",
        "rf_note": "Något mer?",
        "rf_submit": "Rapportera",
        "site_news": "Nyhetssajt",
        "site_other": "Annat",
        "urgency_normal": "Normal",
        "urgency_urgent": "Brådskande (i dag)",
        "urgency_crisis": "Kris (sprids snabbt, press, säkerhet)",
        "rf_in_words": (
            "För att rapportera det i ett meddelande, skriv `report <länk> [vad det handlar om]`"
            " med länken till inlägget eller kommentaren; `/report-mention` öppnar formuläret."
        ),
        "rf_no_about": (
            "Utan länk behöver du berätta vad du såg och var (i tryck, på tv, på en föreläsning …)."
        ),
        "rf_bad_urgency": "Välj Normal, Brådskande eller Kris.",
        "link_empty": "Länken är tom.",
        "link_spaces": (
            "`{link}` innehåller mellanslag; klistra in länken som den står i webbläsaren."
        ),
        "link_too_long": "`{link}` är längre än {limit} tecken.",
        "link_malformed": "`{link}` är ingen giltig webbadress.",
        "link_not_web": ("`{link}` är ingen webblänk; den måste börja med https:// eller http://."),
        "link_no_site": "`{link}` innehåller ingen webbplats.",
        "link_no_domain": "`{link}` anger ingen webbplats som example.com.",
        "too_many_links": "Det är fler än {limit} länkar; rapportera de mest talande.",
    },
    "nb": {
        "rf_title": "Meld en omtale",
        "rf_intro": (
            "Har du sett noe negativt om oss på nettet? Si fra til teamet for sosiale medier her."
        ),
        "rf_from": "Fra {message} du delte.",
        "rf_a_message": "en melding",
        "file_screenshot": "Skjermbilde",
        "file_other": "Fil",
        "rf_message_by": "Melding fra {author}",
        "rf_message_by_in": "Melding fra {author} i {channel}",
        "rf_someone": "noen",
        "rf_sent_with": "Sendt med til teamet: {files}.",
        "rf_check": "Sjekk dette:",
        "rf_links": "Lenke(r)",
        "rf_links_hint": (
            "Én per linje. La feltet stå tomt hvis du så det på trykk, på TV eller utenfor nettet."
        ),
        "rf_where": "Hvor du så det",
        "rf_where_hint": "La feltet stå tomt, så finner jeg det ut fra lenken.",
        "rf_about": "Hva handler det om?",
        "rf_about_hint": "Må fylles ut når det ikke er noen lenke.",
        "rf_urgency": "Hvor mye haster det?",
        "rf_note": "Noe annet?",
        "rf_submit": "Meld",
        "site_news": "Nyhetsside",
        "site_other": "Annet",
        "urgency_normal": "Normal",
        "urgency_urgent": "Haster (i dag)",
        "urgency_crisis": "Krise (sprer seg raskt, presse, sikkerhet)",
        "rf_in_words": (
            "For å melde det i en melding, skriv `report <lenke> [hva det handler om]` med lenken"
            " til innlegget eller kommentaren; `/report-mention` åpner skjemaet."
        ),
        "rf_no_about": (
            "Uten lenke må du fortelle hva du så og hvor (på trykk, på TV, på et foredrag …)."
        ),
        "rf_bad_urgency": "Velg Normal, Haster eller Krise.",
        "link_empty": "Lenken er tom.",
        "link_spaces": "`{link}` har mellomrom i seg; lim inn lenken slik den står i nettleseren.",
        "link_too_long": "`{link}` er lengre enn {limit} tegn.",
        "link_malformed": "`{link}` er ikke en gyldig nettadresse.",
        "link_not_web": (
            "`{link}` er ikke en nettlenke; den må begynne med https:// eller http://."
        ),
        "link_no_site": "`{link}` inneholder ikke noe nettsted.",
        "link_no_domain": "`{link}` angir ikke et nettsted som example.com.",
        "too_many_links": "Det er mer enn {limit} lenker; meld de som sier mest.",
    },
    "nl": {
        "rf_title": "Vermelding melden",
        "rf_intro": (
            "Iets negatiefs over ons online gezien? Vertel het hier aan het socialemediateam."
        ),
        "rf_from": "Uit {message} dat je deelde.",
        "rf_a_message": "een bericht",
        "file_screenshot": "Schermafbeelding",
        "file_other": "Bestand",
        "rf_message_by": "Bericht van {author}",
        "rf_message_by_in": "Bericht van {author} in {channel}",
        "rf_someone": "iemand",
        "rf_sent_with": "Meegestuurd naar het team: {files}.",
        "rf_check": "Controleer dit:",
        "rf_links": "Link(s)",
        "rf_links_hint": ("Eén per regel. Laat leeg als je het in print, op tv of offline zag."),
        "rf_where": "Waar je het zag",
        "rf_where_hint": "Laat leeg om het uit de link af te leiden.",
        "rf_about": "Waar gaat het over?",
        "rf_about_hint": "Nodig als er geen link is.",
        "rf_urgency": "Hoe dringend is het?",
        "rf_note": "Nog iets?",
        "rf_submit": "Melden",
        "site_news": "Nieuwssite",
        "site_other": "Anders",
        "urgency_normal": "Normaal",
        "urgency_urgent": "Dringend (vandaag)",
        "urgency_crisis": "Crisis (verspreidt zich snel, pers, veiligheid)",
        "rf_in_words": (
            "Om het in een bericht te melden, schrijf je `report <link> [waar het over gaat]` met"
            " de link van het bericht of de reactie; `/report-mention` opent het formulier."
        ),
        "rf_no_about": (
            "Zonder link: vertel ons wat je zag en waar (in print, op tv, bij een lezing …)."
        ),
        "rf_bad_urgency": "Kies Normaal, Dringend of Crisis.",
        "link_empty": "De link is leeg.",
        "link_spaces": "`{link}` bevat spaties; plak de link zoals hij in de browser staat.",
        "link_too_long": "`{link}` is langer dan {limit} tekens.",
        "link_malformed": "`{link}` is geen geldig webadres.",
        "link_not_web": "`{link}` is geen weblink; hij moet beginnen met https:// of http://.",
        "link_no_site": "`{link}` bevat geen website.",
        "link_no_domain": "`{link}` noemt geen website zoals example.com.",
        "too_many_links": "Dat zijn meer dan {limit} links; meld de meest veelzeggende.",
    },
    "fr": {
        "rf_title": "Signaler une mention",
        "rf_intro": (
            "Vous avez vu quelque chose de négatif sur nous en ligne ? Dites-le ici à l'équipe"
            " réseaux sociaux."
        ),
        "rf_from": "Depuis {message} que vous avez partagé.",
        "rf_a_message": "un message",
        "file_screenshot": "Capture d'écran",
        "file_other": "Fichier",
        "rf_message_by": "Message de {author}",
        "rf_message_by_in": "Message de {author} dans {channel}",
        "rf_someone": "quelqu'un",
        "rf_sent_with": "Envoyé avec à l'équipe : {files}.",
        "rf_check": "À vérifier :",
        "rf_links": "Lien(s)",
        "rf_links_hint": (
            "Un par ligne. Laissez vide si vous l'avez vu dans la presse écrite, à la télé ou"
            " hors ligne."
        ),
        "rf_where": "Où vous l'avez vu",
        "rf_where_hint": "Laissez vide pour le déduire du lien.",
        "rf_about": "De quoi s'agit-il ?",
        "rf_about_hint": "Nécessaire s'il n'y a pas de lien.",
        "rf_urgency": "Quelle urgence ?",
        "rf_note": "Autre chose ?",
        "rf_submit": "Signaler",
        "site_news": "Site d'actualité",
        "site_other": "Autre",
        "urgency_normal": "Normale",
        "urgency_urgent": "Urgente (aujourd'hui)",
        "urgency_crisis": "Crise (se propage vite, presse, sécurité)",
        "rf_in_words": (
            "Pour le signaler dans un message, écrivez `report <lien> [de quoi il s'agit]` avec"
            " le lien de la publication ou du commentaire ; `/report-mention` ouvre le formulaire."
        ),
        "rf_no_about": (
            "Sans lien, dites-nous ce que vous avez vu et où (presse écrite, télé, une"
            " conférence…)."
        ),
        "rf_bad_urgency": "Choisissez Normale, Urgente ou Crise.",
        "link_empty": "Le lien est vide.",
        "link_spaces": (
            "`{link}` contient des espaces ; collez le lien tel qu'il apparaît dans le navigateur."
        ),
        "link_too_long": "`{link}` dépasse {limit} caractères.",
        "link_malformed": "`{link}` n'est pas une adresse web valide.",
        "link_not_web": (
            "`{link}` n'est pas un lien web ; il doit commencer par https:// ou http://."
        ),
        "link_no_site": "`{link}` ne contient aucun site web.",
        "link_no_domain": "`{link}` ne désigne pas un site web comme example.com.",
        "too_many_links": "Cela fait plus de {limit} liens ; signalez les plus parlants.",
    },
    "es": {
        "rf_title": "Informar de una mención",
        "rf_intro": (
            "¿Has visto algo negativo sobre nosotros en internet? Cuéntaselo aquí al equipo de"
            " redes sociales."
        ),
        "rf_from": "De {message} que compartiste.",
        "rf_a_message": "un mensaje",
        "file_screenshot": "Captura de pantalla",
        "file_other": "Archivo",
        "rf_message_by": "Mensaje de {author}",
        "rf_message_by_in": "Mensaje de {author} en {channel}",
        "rf_someone": "alguien",
        "rf_sent_with": "Enviado con él al equipo: {files}.",
        "rf_check": "Revisa esto:",
        "rf_links": "Enlace(s)",
        "rf_links_hint": (
            "Uno por línea. Déjalo vacío si lo viste en prensa, en la tele o fuera de internet."
        ),
        "rf_where": "Dónde lo viste",
        "rf_where_hint": "Déjalo vacío para deducirlo del enlace.",
        "rf_about": "¿De qué se trata?",
        "rf_about_hint": "Necesario si no hay enlace.",
        "rf_urgency": "¿Cuánta urgencia tiene?",
        "rf_note": "¿Algo más?",
        "rf_submit": "Informar",
        "site_news": "Sitio de noticias",
        "site_other": "Otro",
        "urgency_normal": "Normal",
        "urgency_urgent": "Urgente (hoy)",
        "urgency_crisis": "Crisis (se extiende rápido, prensa, seguridad)",
        "rf_in_words": (
            "Para informar en un mensaje, escribe `report <enlace> [de qué se trata]` con el"
            " enlace de la publicación o el comentario; `/report-mention` abre el formulario."
        ),
        "rf_no_about": (
            "Sin enlace, cuéntanos qué viste y dónde (en prensa, en la tele, en una charla…)."
        ),
        "rf_bad_urgency": "Elige Normal, Urgente o Crisis.",
        "link_empty": "El enlace está vacío.",
        "link_spaces": (
            "`{link}` tiene espacios; pega el enlace tal como aparece en el navegador."
        ),
        "link_too_long": "`{link}` tiene más de {limit} caracteres.",
        "link_malformed": "`{link}` no es una dirección web válida.",
        "link_not_web": "`{link}` no es un enlace web; debe empezar por https:// o http://.",
        "link_no_site": "`{link}` no contiene ningún sitio web.",
        "link_no_domain": "`{link}` no indica un sitio web como example.com.",
        "too_many_links": "Son más de {limit} enlaces; informa de los más reveladores.",
    },
}

# The insights a social media manager reads (on demand, weekly in their DM, on App Home).
_INSIGHTS: dict[str, dict[str, str]] = {
    "en": {
        "ins_feeds_failing": "**Feeds failing** (their new stories are missing from the digests):",
        "ins_feed_unread_since": "Feed {id} ({name}) has not been read since {since}: {error}",
        "ins_feed_never_read": "Feed {id} ({name}) was never read: {error}",
        "chart_shares": "Shares per day ({days} days): {total}",
        "chart_weekly": "People who got a digest and shared, per week (this week {this_week})",
        "chart_this_week": "{percent} ({shared} of {reached})",
        "chart_alt_days": "Shares per day from {first} to {last}: {total} in all ({networks})",
        "chart_alt_no_days": "No days to show",
        "chart_alt_busiest": "; busiest day {day} with {total}",
        "chart_alt_weekly": (
            "{days}. Weekly share of people who got a digest and shared, oldest first: {rates}."
        ),
        "ins_shares": "**Shares:** {count}",
        "ins_by_conversation": (
            "; {count} on posts in Teams channels or group chats, once per conversation (Teams"
            " does not say who opened a link there)"
        ),
        "ins_participation": (
            "**Participation:** {shared} of {reached} people who got a digest{left_out}"
            " shared ({percent})"
        ),
        "ins_trend": "; last weeks {trend}",
        "ins_first_week": ", the first week with digests",
        "ins_feed_error": "{error}",
        "ins_left_out": " (not counting {names}, whose share clicks are not counted)",
        "ins_not_delivered_one": "; 1 digest not delivered (`{command}`)",
        "ins_not_delivered": "; {count} digests not delivered (`{command}`)",
        "ins_unshared": (
            "**Not shared by anyone:** {unshared} of the {offered} items in the digests people got"
        ),
        "ins_reports": (
            "**Reports:** {filed} filed, median time to acknowledge {wait}, {open} open now"
        ),
        "ins_minutes": "{n} min",
        "ins_hours": "{n} h",
        "ins_days": "{n} d",
        "percent": "{n}%",
        "ins_no_rate": "n/a",
        "decimal": ".",
        "ins_questions": (
            "**Guideline questions:** {asked}, {percent} answered with confidence, {not_covered}"
            " not covered, {downvoted} marked 👎"
        ),
        "ins_not_covered": "- not covered: {question}",
        "ins_to_team": (
            "**Sent to the team:** {sent}, {answered} answered; {waiting} waiting for an answer now"
        ),
        "ins_top_sharers": "**Top sharers** (who opted in):",
        "ins_title_days": "Insights: the last {days} days",
        "ins_title_dated": "Insights: {dates} ({days} days)",
        "ins_dates": "{start} to {last}",
        "ins_date": "{day:02d} {month} {year}",
        "month_abbr": "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec",
        "ins_nothing": (
            "{title}: nothing happened. No digest went out, nothing was shared, reported or"
            " asked, and no feed failed ({dates}, {zone})."
        ),
        "ins_summary": "{title}: {count} shares",
        "ins_counted": "People are counted, never named, unless they joined the leaderboard.",
        "ins_teams_uncounted": (
            "Share clicks on Teams are not counted: set SOCIALBOT_PUBLIC_URL to the bot's public"
            " address so that Teams share buttons go through the bot."
        ),
        "ins_drawing_chat": (
            "Drawing the insights for the last {days} days; they arrive in our chat in a moment."
        ),
        "ins_drawing_dm": (
            "Drawing the insights for the last {days} days; they arrive in your direct messages"
            " in a moment."
        ),
        "ins_bad_period": "`{text}` is not a period I know. Try `{example}`, `30d` or `90d`.",
        "ins_managers_only": "Only the social media managers see the insights.",
        "ins_home_title": "Insights",
        "ins_home_weekly": (
            "The insights with their chart come every {weekday} at {time}; `{command}` any time."
        ),
        "ins_home_any": "The insights with their chart: `{command}` any time.",
        "ins_chart_failed": (
            "The latest chart could not be drawn just now; I will try again in a while."
        ),
    },
    "da": {
        "ins_feeds_failing": "**Feeds med fejl** (deres nye historier mangler i oversigterne):",
        "ins_feed_unread_since": "Feed {id} ({name}) er ikke blevet læst siden {since}: {error}",
        "ins_feed_never_read": "Feed {id} ({name}) er aldrig blevet læst: {error}",
        "chart_shares": "Delinger pr. dag ({days} dage): {total}",
        "chart_weekly": "Fik en oversigt og delte, pr. uge (denne uge {this_week})",
        "chart_this_week": "{percent} ({shared} af {reached})",
        "chart_alt_days": "Delinger pr. dag fra {first} til {last}: {total} i alt ({networks})",
        "chart_alt_no_days": "Ingen dage at vise",
        "chart_alt_busiest": "; travleste dag {day} med {total}",
        "chart_alt_weekly": (
            "{days}. Ugentlig andel, der fik en oversigt og delte, ældste først: {rates}."
        ),
        "ins_shares": "**Delinger:** {count}",
        "ins_by_conversation": (
            "; {count} på opslag i Teams-kanaler eller gruppechats, én gang pr. samtale (Teams"
            " siger ikke, hvem der åbnede et link dér)"
        ),
        "ins_participation": (
            "**Deltagelse:** {shared} af {reached}, der fik en oversigt{left_out},"
            " delte ({percent})"
        ),
        "ins_trend": "; de seneste uger {trend}",
        "ins_first_week": ", den første uge med oversigter",
        "ins_feed_error": "»{error}«",
        "ins_left_out": " (uden {names}, hvis klik på del ikke tælles)",
        "ins_not_delivered_one": "; 1 oversigt ikke leveret (`{command}`)",
        "ins_not_delivered": "; {count} oversigter ikke leveret (`{command}`)",
        "ins_unshared": (
            "**Ikke delt af nogen:** {unshared} af de {offered} ting i de oversigter, folk fik"
        ),
        "ins_reports": (
            "**Rapporter:** {filed} meldt, mediantid til de blev set {wait}, {open} åbne nu"
        ),
        "ins_minutes": "{n} min.",
        "ins_hours": "{n} t",
        "ins_days": "{n} d.",
        "percent": "{n}\u00a0%",
        "ins_no_rate": "i/t",
        "decimal": ",",
        "ins_questions": (
            "**Spørgsmål om retningslinjerne:** {asked}, {percent} besvaret med sikkerhed,"
            " {not_covered} ikke dækket, {downvoted} markeret 👎"
        ),
        "ins_not_covered": "- ikke dækket: {question}",
        "ins_to_team": (
            "**Sendt til teamet:** {sent}, {answered} besvaret; {waiting} venter på svar nu"
        ),
        "ins_top_sharers": "**Dem, der deler mest** (som har tilmeldt sig):",
        "ins_title_days": "Indsigt: de seneste {days} dage",
        "ins_title_dated": "Indsigt: {dates} ({days} dage)",
        "ins_dates": "{start} til {last}",
        "ins_date": "{day}. {month} {year}",
        "month_abbr": "jan.,feb.,mar.,apr.,maj,jun.,jul.,aug.,sep.,okt.,nov.,dec.",
        "ins_nothing": (
            "{title}: der skete ingenting. Ingen oversigt blev sendt, intet blev delt, meldt"
            " eller spurgt om, og intet feed fejlede ({dates}, {zone})."
        ),
        "ins_summary": "{title}: {count} delinger",
        "ins_counted": "Folk tælles, men nævnes aldrig ved navn, medmindre de er på toplisten.",
        "ins_teams_uncounted": (
            "Klik på del i Teams tælles ikke: sæt SOCIALBOT_PUBLIC_URL til bottens offentlige"
            " adresse, så Teams' del-knapper går gennem botten."
        ),
        "ins_drawing_chat": (
            "Jeg laver indsigten for de seneste {days} dage; den kommer i vores chat om et øjeblik."
        ),
        "ins_drawing_dm": (
            "Jeg laver indsigten for de seneste {days} dage; den kommer i dine direkte beskeder"
            " om et øjeblik."
        ),
        "ins_bad_period": (
            "`{text}` er ikke en periode, jeg kender. Prøv `{example}`, `30d` eller `90d`."
        ),
        "ins_managers_only": "Kun social media-ansvarlige kan se indsigten.",
        "ins_home_title": "Indsigt",
        "ins_home_weekly": (
            "Indsigten med diagram kommer hver {weekday} kl. {time}; `{command}` når som helst."
        ),
        "ins_home_any": "Indsigten med diagram: `{command}` når som helst.",
        "ins_chart_failed": (
            "Det seneste diagram kunne ikke tegnes lige nu; jeg prøver igen om lidt."
        ),
    },
    "de": {
        "ins_feeds_failing": (
            "**Feeds mit Fehlern** (ihre neuen Beiträge fehlen in den Übersichten):"
        ),
        "ins_feed_unread_since": "Feed {id} ({name}) wurde seit {since} nicht gelesen: {error}",
        "ins_feed_never_read": "Feed {id} ({name}) wurde nie gelesen: {error}",
        "chart_shares": "Geteilt pro Tag ({days} Tage): {total}",
        "chart_weekly": "Mit Übersicht und geteilt, pro Woche (diese Woche {this_week})",
        "chart_this_week": "{percent} ({shared} von {reached})",
        "chart_alt_days": "Geteilt pro Tag vom {first} bis {last}: {total} insgesamt ({networks})",
        "chart_alt_no_days": "Keine Tage zu zeigen",
        "chart_alt_busiest": "; stärkster Tag {day} mit {total}",
        "chart_alt_weekly": (
            "{days}. Wöchentlicher Anteil der Personen mit Übersicht, die geteilt haben, älteste"
            " zuerst: {rates}."
        ),
        "ins_shares": "**Geteilt:** {count}",
        "ins_by_conversation": (
            "; {count} bei Posts in Teams-Kanälen oder Gruppenchats, einmal pro Unterhaltung"
            " (Teams sagt nicht, wer dort einen Link geöffnet hat)"
        ),
        "ins_participation": (
            "**Beteiligung:** {shared} von {reached} Personen mit Übersicht{left_out}"
            " haben geteilt ({percent})"
        ),
        "ins_trend": "; letzte Wochen {trend}",
        "ins_first_week": ", die erste Woche mit Übersichten",
        "ins_feed_error": "„{error}“",
        "ins_left_out": " (ohne {names}, deren Klicks auf Teilen nicht gezählt werden)",
        "ins_not_delivered_one": "; 1 Übersicht nicht zugestellt (`{command}`)",
        "ins_not_delivered": "; {count} Übersichten nicht zugestellt (`{command}`)",
        "ins_unshared": (
            "**Von niemandem geteilt:** {unshared} der {offered} Beiträge in den verschickten"
            " Übersichten"
        ),
        "ins_reports": (
            "**Meldungen:** {filed} eingegangen, Median bis zur Kenntnisnahme {wait}, {open}"
            " jetzt offen"
        ),
        "ins_minutes": "{n} Min.",
        "ins_hours": "{n} Std.",
        "ins_days": "{n} Tg.",
        "percent": "{n}\u00a0%",
        "ins_no_rate": "k.\u00a0A.",
        "decimal": ",",
        "ins_questions": (
            "**Fragen zu den Richtlinien:** {asked}, {percent} sicher beantwortet, {not_covered}"
            " nicht abgedeckt, {downvoted} mit 👎 markiert"
        ),
        "ins_not_covered": "- nicht abgedeckt: {question}",
        "ins_to_team": (
            "**Ans Team geschickt:** {sent}, {answered} beantwortet; {waiting} warten gerade auf"
            " eine Antwort"
        ),
        "ins_top_sharers": "**Wer am meisten teilt** (mit Zustimmung):",
        "ins_title_days": "Insights: die letzten {days} Tage",
        "ins_title_dated": "Insights: {dates} ({days} Tage)",
        "ins_dates": "{start} bis {last}",
        "ins_date": "{day}. {month} {year}",
        "month_abbr": "Jan.,Feb.,März,Apr.,Mai,Juni,Juli,Aug.,Sept.,Okt.,Nov.,Dez.",
        "ins_nothing": (
            "{title}: Nichts passiert. Keine Übersicht ging raus, nichts wurde geteilt, gemeldet"
            " oder gefragt, und kein Feed ist ausgefallen ({dates}, {zone})."
        ),
        "ins_summary": "{title}: {count}-mal geteilt",
        "ins_counted": (
            "Personen werden gezählt, nie genannt, außer sie stehen auf der Bestenliste."
        ),
        "ins_teams_uncounted": (
            "Klicks auf Teilen in Teams werden nicht gezählt: Setze SOCIALBOT_PUBLIC_URL auf die"
            " öffentliche Adresse des Bots, damit die Teilen-Buttons in Teams über den Bot laufen."
        ),
        "ins_drawing_chat": (
            "Ich erstelle die Insights der letzten {days} Tage; sie kommen gleich in unserem Chat."
        ),
        "ins_drawing_dm": (
            "Ich erstelle die Insights der letzten {days} Tage; sie kommen gleich in deinen"
            " Direktnachrichten."
        ),
        "ins_bad_period": (
            "`{text}` ist kein Zeitraum, den ich kenne. Versuch `{example}`, `30d` oder `90d`."
        ),
        "ins_managers_only": "Nur das Social-Media-Team sieht die Insights.",
        "ins_home_title": "Insights",
        "ins_home_weekly": (
            "Die Insights mit Diagramm kommen jeden {weekday} um {time}; `{command}` jederzeit."
        ),
        "ins_home_any": "Die Insights mit Diagramm: `{command}` jederzeit.",
        "ins_chart_failed": (
            "Das neueste Diagramm ließ sich gerade nicht zeichnen; ich versuche es gleich noch"
            " einmal."
        ),
    },
    "sv": {
        "ins_feeds_failing": (
            "**Flöden med fel** (deras nya artiklar saknas i sammanfattningarna):"
        ),
        "ins_feed_unread_since": "Flöde {id} ({name}) har inte lästs sedan {since}: {error}",
        "ins_feed_never_read": "Flöde {id} ({name}) har aldrig lästs: {error}",
        "chart_shares": "Delningar per dag ({days} dagar): {total}",
        "chart_weekly": "Fick sammanfattning och delade, per vecka (denna vecka {this_week})",
        "chart_this_week": "{percent} ({shared} av {reached})",
        "chart_alt_days": "Delningar per dag från {first} till {last}: {total} totalt ({networks})",
        "chart_alt_no_days": "Inga dagar att visa",
        "chart_alt_busiest": "; mest på {day} med {total}",
        "chart_alt_weekly": (
            "{days}. Andel per vecka som fick en sammanfattning och delade, äldsta först: {rates}."
        ),
        "ins_shares": "**Delningar:** {count}",
        "ins_by_conversation": (
            "; {count} på inlägg i Teams-kanaler eller gruppchattar, en gång per konversation"
            " (Teams säger inte vem som öppnade en länk där)"
        ),
        "ins_participation": (
            "**Deltagande:** {shared} av {reached} som fick en sammanfattning{left_out}"
            " delade ({percent})"
        ),
        "ins_trend": "; senaste veckorna {trend}",
        "ins_first_week": ", första veckan med sammanfattningar",
        "ins_feed_error": "”{error}”",
        "ins_left_out": " (utom {names}, vars klick på dela inte räknas)",
        "ins_not_delivered_one": "; 1 sammanfattning inte levererad (`{command}`)",
        "ins_not_delivered": "; {count} sammanfattningar inte levererade (`{command}`)",
        "ins_unshared": (
            "**Inte delat av någon:** {unshared} av de {offered} sakerna i de sammanfattningar"
            " folk fick"
        ),
        "ins_reports": (
            "**Rapporter:** {filed} inkomna, mediantid tills de setts {wait}, {open} öppna nu"
        ),
        "ins_minutes": "{n} min",
        "ins_hours": "{n} tim",
        "ins_days": "{n} d",
        "percent": "{n}\u00a0%",
        "ins_no_rate": "saknas",
        "decimal": ",",
        "ins_questions": (
            "**Frågor om riktlinjerna:** {asked}, {percent} besvarade med säkerhet, {not_covered}"
            " inte täckta, {downvoted} markerade 👎"
        ),
        "ins_not_covered": "- inte täckt: {question}",
        "ins_to_team": (
            "**Skickat till teamet:** {sent}, {answered} besvarade; {waiting} väntar på svar nu"
        ),
        "ins_top_sharers": "**De som delar mest** (som har gått med):",
        "ins_title_days": "Insikter: de senaste {days} dagarna",
        "ins_title_dated": "Insikter: {dates} ({days} dagar)",
        "ins_dates": "{start} till {last}",
        "ins_date": "{day} {month} {year}",
        "month_abbr": "jan.,feb.,mars,apr.,maj,juni,juli,aug.,sep.,okt.,nov.,dec.",
        "ins_nothing": (
            "{title}: ingenting hände. Ingen sammanfattning gick ut, inget delades, rapporterades"
            " eller frågades, och inget flöde fallerade ({dates}, {zone})."
        ),
        "ins_summary": "{title}: {count} delningar",
        "ins_counted": "Folk räknas men nämns aldrig vid namn, om de inte gått med i topplistan.",
        "ins_teams_uncounted": (
            "Klick på dela i Teams räknas inte: sätt SOCIALBOT_PUBLIC_URL till botens offentliga"
            " adress så att delningsknapparna i Teams går via boten."
        ),
        "ins_drawing_chat": (
            "Jag tar fram insikterna för de senaste {days} dagarna; de kommer i vår chatt om en"
            " liten stund."
        ),
        "ins_drawing_dm": (
            "Jag tar fram insikterna för de senaste {days} dagarna; de kommer i dina"
            " direktmeddelanden om en liten stund."
        ),
        "ins_bad_period": (
            "`{text}` är ingen period jag känner till. Prova `{example}`, `30d` eller `90d`."
        ),
        "ins_managers_only": "Bara de som ansvarar för sociala medier ser insikterna.",
        "ins_home_title": "Insikter",
        "ins_home_weekly": (
            "Insikterna med diagram kommer varje {weekday} kl. {time}; `{command}` när du vill."
        ),
        "ins_home_any": "Insikterna med diagram: `{command}` när du vill.",
        "ins_chart_failed": (
            "Det senaste diagrammet gick inte att rita just nu; jag försöker igen om en stund."
        ),
    },
    "nb": {
        "ins_feeds_failing": "**Feeder med feil** (de nye sakene deres mangler i oversiktene):",
        "ins_feed_unread_since": "Feed {id} ({name}) er ikke lest siden {since}: {error}",
        "ins_feed_never_read": "Feed {id} ({name}) er aldri lest: {error}",
        "chart_shares": "Delinger per dag ({days} dager): {total}",
        "chart_weekly": "Fikk en oversikt og delte, per uke (denne uken {this_week})",
        "chart_this_week": "{percent} ({shared} av {reached})",
        "chart_alt_days": "Delinger per dag fra {first} til {last}: {total} i alt ({networks})",
        "chart_alt_no_days": "Ingen dager å vise",
        "chart_alt_busiest": "; travleste dag {day} med {total}",
        "chart_alt_weekly": (
            "{days}. Andel per uke som fikk en oversikt og delte, eldste først: {rates}."
        ),
        "ins_shares": "**Delinger:** {count}",
        "ins_by_conversation": (
            "; {count} på innlegg i Teams-kanaler eller gruppechatter, én gang per samtale (Teams"
            " sier ikke hvem som åpnet en lenke der)"
        ),
        "ins_participation": (
            "**Deltakelse:** {shared} av {reached} som fikk en oversikt{left_out},"
            " delte ({percent})"
        ),
        "ins_trend": "; de siste ukene {trend}",
        "ins_first_week": ", den første uken med oversikter",
        "ins_feed_error": "«{error}»",
        "ins_left_out": " (uten {names}, der klikk på del ikke telles)",
        "ins_not_delivered_one": "; 1 oversikt ikke levert (`{command}`)",
        "ins_not_delivered": "; {count} oversikter ikke levert (`{command}`)",
        "ins_unshared": (
            "**Ikke delt av noen:** {unshared} av de {offered} sakene i oversiktene folk fikk"
        ),
        "ins_reports": (
            "**Rapporter:** {filed} meldt, mediantid til de ble sett {wait}, {open} åpne nå"
        ),
        "ins_minutes": "{n} min",
        "ins_hours": "{n} t",
        "ins_days": "{n} d",
        "percent": "{n}\u00a0%",
        "ins_no_rate": "i/t",
        "decimal": ",",
        "ins_questions": (
            "**Spørsmål om retningslinjene:** {asked}, {percent} besvart med sikkerhet,"
            " {not_covered} ikke dekket, {downvoted} merket 👎"
        ),
        "ins_not_covered": "- ikke dekket: {question}",
        "ins_to_team": (
            "**Sendt til teamet:** {sent}, {answered} besvart; {waiting} venter på svar nå"
        ),
        "ins_top_sharers": "**De som deler mest** (som har meldt seg på):",
        "ins_title_days": "Innsikt: de siste {days} dagene",
        "ins_title_dated": "Innsikt: {dates} ({days} dager)",
        "ins_dates": "{start} til {last}",
        "ins_date": "{day}. {month} {year}",
        "month_abbr": "jan.,feb.,mar.,apr.,mai,jun.,jul.,aug.,sep.,okt.,nov.,des.",
        "ins_nothing": (
            "{title}: ingenting skjedde. Ingen oversikt ble sendt, ingenting ble delt, meldt"
            " eller spurt om, og ingen feed feilet ({dates}, {zone})."
        ),
        "ins_summary": "{title}: {count} delinger",
        "ins_counted": "Folk telles, men nevnes aldri ved navn, med mindre de er på topplisten.",
        "ins_teams_uncounted": (
            "Klikk på del i Teams telles ikke: sett SOCIALBOT_PUBLIC_URL til botens offentlige"
            " adresse, så delingsknappene i Teams går via boten."
        ),
        "ins_drawing_chat": (
            "Jeg lager innsikten for de siste {days} dagene; den kommer i chatten vår om et"
            " øyeblikk."
        ),
        "ins_drawing_dm": (
            "Jeg lager innsikten for de siste {days} dagene; den kommer i direktemeldingene dine"
            " om et øyeblikk."
        ),
        "ins_bad_period": (
            "`{text}` er ikke en periode jeg kjenner. Prøv `{example}`, `30d` eller `90d`."
        ),
        "ins_managers_only": "Bare de som har ansvar for sosiale medier, ser innsikten.",
        "ins_home_title": "Innsikt",
        "ins_home_weekly": (
            "Innsikten med diagram kommer hver {weekday} kl. {time}; `{command}` når som helst."
        ),
        "ins_home_any": "Innsikten med diagram: `{command}` når som helst.",
        "ins_chart_failed": (
            "Det siste diagrammet kunne ikke tegnes akkurat nå; jeg prøver igjen om litt."
        ),
    },
    "nl": {
        "ins_feeds_failing": (
            "**Feeds met fouten** (hun nieuwe berichten ontbreken in de overzichten):"
        ),
        "ins_feed_unread_since": "Feed {id} ({name}) is sinds {since} niet gelezen: {error}",
        "ins_feed_never_read": "Feed {id} ({name}) is nooit gelezen: {error}",
        "chart_shares": "Gedeeld per dag ({days} dagen): {total}",
        "chart_weekly": "Met een overzicht en gedeeld, per week (deze week {this_week})",
        "chart_this_week": "{percent} ({shared} van {reached})",
        "chart_alt_days": "Gedeeld per dag van {first} tot {last}: {total} in totaal ({networks})",
        "chart_alt_no_days": "Geen dagen om te tonen",
        "chart_alt_busiest": "; drukste dag {day} met {total}",
        "chart_alt_weekly": (
            "{days}. Wekelijks aandeel mensen met een overzicht die deelden, oudste eerst: {rates}."
        ),
        "ins_shares": "**Gedeeld:** {count}",
        "ins_by_conversation": (
            "; {count} op berichten in Teams-kanalen of groepschats, één keer per gesprek (Teams"
            " zegt niet wie daar een link opende)"
        ),
        "ins_participation": (
            "**Deelname:** {shared} van de {reached} mensen met een overzicht{left_out}"
            " deelden ({percent})"
        ),
        "ins_trend": "; afgelopen weken {trend}",
        "ins_first_week": ", de eerste week met overzichten",
        "ins_feed_error": "“{error}”",
        "ins_left_out": " (zonder {names}, waar klikken op delen niet worden geteld)",
        "ins_not_delivered_one": "; 1 overzicht niet afgeleverd (`{command}`)",
        "ins_not_delivered": "; {count} overzichten niet afgeleverd (`{command}`)",
        "ins_unshared": (
            "**Door niemand gedeeld:** {unshared} van de {offered} berichten in de verstuurde"
            " overzichten"
        ),
        "ins_reports": (
            "**Meldingen:** {filed} ontvangen, mediane tijd tot gezien {wait}, {open} nu open"
        ),
        "ins_minutes": "{n} min",
        "ins_hours": "{n} uur",
        "ins_days": "{n} d",
        "percent": "{n}%",
        "ins_no_rate": "n.v.t.",
        "decimal": ",",
        "ins_questions": (
            "**Vragen over de richtlijnen:** {asked}, {percent} met zekerheid beantwoord,"
            " {not_covered} niet gedekt, {downvoted} met 👎"
        ),
        "ins_not_covered": "- niet gedekt: {question}",
        "ins_to_team": (
            "**Naar het team gestuurd:** {sent}, {answered} beantwoord; {waiting} wachten nu op"
            " antwoord"
        ),
        "ins_top_sharers": "**Meeste delers** (die ervoor kozen):",
        "ins_title_days": "Inzichten: de afgelopen {days} dagen",
        "ins_title_dated": "Inzichten: {dates} ({days} dagen)",
        "ins_dates": "{start} t/m {last}",
        "ins_date": "{day} {month} {year}",
        "month_abbr": "jan,feb,mrt,apr,mei,jun,jul,aug,sep,okt,nov,dec",
        "ins_nothing": (
            "{title}: er gebeurde niets. Er ging geen overzicht uit, er werd niets gedeeld,"
            " gemeld of gevraagd, en geen feed faalde ({dates}, {zone})."
        ),
        "ins_summary": "{title}: {count} keer gedeeld",
        "ins_counted": ("Mensen worden geteld, nooit genoemd, tenzij ze op de ranglijst staan."),
        "ins_teams_uncounted": (
            "Klikken op delen in Teams worden niet geteld: zet SOCIALBOT_PUBLIC_URL op het"
            " openbare adres van de bot, zodat de deelknoppen in Teams via de bot lopen."
        ),
        "ins_drawing_chat": (
            "Ik maak de inzichten van de afgelopen {days} dagen; ze komen zo in onze chat."
        ),
        "ins_drawing_dm": (
            "Ik maak de inzichten van de afgelopen {days} dagen; ze komen zo in je directe"
            " berichten."
        ),
        "ins_bad_period": (
            "`{text}` is geen periode die ik ken. Probeer `{example}`, `30d` of `90d`."
        ),
        "ins_managers_only": "Alleen het socialemediateam ziet de inzichten.",
        "ins_home_title": "Inzichten",
        "ins_home_weekly": (
            "De inzichten met grafiek komen elke {weekday} om {time}; `{command}` wanneer je wilt."
        ),
        "ins_home_any": "De inzichten met grafiek: `{command}` wanneer je wilt.",
        "ins_chart_failed": (
            "De laatste grafiek kon nu niet worden getekend; ik probeer het straks opnieuw."
        ),
    },
    "fr": {
        "ins_feeds_failing": (
            "**Flux en échec** (leurs nouveaux articles manquent dans les sélections) :"
        ),
        "ins_feed_unread_since": (
            "Le flux {id} ({name}) n'a pas été lu depuis le {since} : {error}"
        ),
        "ins_feed_never_read": "Le flux {id} ({name}) n'a jamais été lu : {error}",
        "chart_shares": "Partages par jour ({days} jours) : {total}",
        "chart_weekly": "Sélection reçue et partagé, par semaine (cette semaine {this_week})",
        "chart_this_week": "{percent} ({shared} sur {reached})",
        "chart_alt_days": "Partages par jour du {first} au {last} : {total} au total ({networks})",
        "chart_alt_no_days": "Aucun jour à montrer",
        "chart_alt_busiest": " ; jour le plus actif le {day} avec {total}",
        "chart_alt_weekly": (
            "{days}. Part hebdomadaire des personnes ayant reçu une sélection et partagé, de la"
            " plus ancienne à la plus récente : {rates}."
        ),
        "ins_shares": "**Partages :** {count}",
        "ins_by_conversation": (
            " ; {count} sur des publications dans des canaux ou conversations de groupe Teams,"
            " une fois par conversation (Teams ne dit pas qui y a ouvert un lien)"
        ),
        "ins_participation": (
            "**Participation :** {shared} des {reached} personnes ayant reçu une"
            " sélection{left_out} ont partagé ({percent})"
        ),
        "ins_trend": " ; dernières semaines {trend}",
        "ins_first_week": ", première semaine avec des sélections",
        "ins_feed_error": "« {error} »",
        "ins_left_out": " (hors {names}, dont les clics sur partager ne sont pas comptés)",
        "ins_not_delivered_one": " ; 1 sélection non remise (`{command}`)",
        "ins_not_delivered": " ; {count} sélections non remises (`{command}`)",
        "ins_unshared": (
            "**Partagés par personne :** {unshared} des {offered} articles des sélections reçues"
        ),
        "ins_reports": (
            "**Signalements :** {filed} reçus, délai médian de prise en compte {wait}, {open}"
            " en cours"
        ),
        "ins_minutes": "{n} min",
        "ins_hours": "{n} h",
        "ins_days": "{n} j",
        "percent": "{n}\u202f%",
        "ins_no_rate": "n.d.",
        "decimal": ",",
        "ins_questions": (
            "**Questions sur les règles :** {asked}, {percent} avec une réponse sûre,"
            " {not_covered} non couvertes, {downvoted} notées 👎"
        ),
        "ins_not_covered": "- non couverte : {question}",
        "ins_to_team": (
            "**Transmises à l'équipe :** {sent}, {answered} avec réponse ; {waiting} en attente"
            " de réponse"
        ),
        "ins_top_sharers": "**Ceux qui partagent le plus** (avec leur accord) :",
        "ins_title_days": "Statistiques : les {days} derniers jours",
        "ins_title_dated": "Statistiques : {dates} ({days} jours)",
        "ins_dates": "du {start} au {last}",
        "ins_date": "{day} {month} {year}",
        "month_abbr": "janv.,févr.,mars,avr.,mai,juin,juil.,août,sept.,oct.,nov.,déc.",
        "ins_nothing": (
            "{title} : rien à signaler. Aucune sélection envoyée, rien de partagé, signalé ou"
            " demandé, et aucun flux en échec ({dates}, {zone})."
        ),
        "ins_summary": "{title} : {count} partages",
        "ins_counted": (
            "Les personnes sont comptées, jamais nommées, sauf si elles ont rejoint le classement."
        ),
        "ins_teams_uncounted": (
            "Les clics sur partager dans Teams ne sont pas comptés : réglez SOCIALBOT_PUBLIC_URL"
            " sur l'adresse publique du bot pour que les boutons de partage de Teams passent par"
            " le bot."
        ),
        "ins_drawing_chat": (
            "Je prépare les statistiques des {days} derniers jours ; elles arrivent dans notre"
            " conversation dans un instant."
        ),
        "ins_drawing_dm": (
            "Je prépare les statistiques des {days} derniers jours ; elles arrivent dans vos"
            " messages privés dans un instant."
        ),
        "ins_bad_period": (
            "Je ne connais pas la période `{text}`. Essayez `{example}`, `30d` ou `90d`."
        ),
        "ins_managers_only": "Seule l'équipe réseaux sociaux voit les statistiques.",
        "ins_home_title": "Statistiques",
        "ins_home_weekly": (
            "Les statistiques et leur graphique arrivent chaque {weekday} à {time} ; `{command}`"
            " à tout moment."
        ),
        "ins_home_any": "Les statistiques et leur graphique : `{command}` à tout moment.",
        "ins_chart_failed": (
            "Le dernier graphique n'a pas pu être dessiné pour l'instant ; je réessaierai dans un"
            " moment."
        ),
    },
    "es": {
        "ins_feeds_failing": (
            "**Fuentes con fallos** (sus noticias nuevas faltan en los resúmenes):"
        ),
        "ins_feed_unread_since": "El feed {id} ({name}) no se lee desde el {since}: {error}",
        "ins_feed_never_read": "El feed {id} ({name}) nunca se ha leído: {error}",
        "chart_shares": "Compartidos por día ({days} días): {total}",
        "chart_weekly": "Compartieron tras su resumen, por semana (esta semana {this_week})",
        "chart_this_week": "{percent} ({shared} de {reached})",
        "chart_alt_days": (
            "Compartidos por día del {first} al {last}: {total} en total ({networks})"
        ),
        "chart_alt_no_days": "No hay días que mostrar",
        "chart_alt_busiest": "; día con más el {day} con {total}",
        "chart_alt_weekly": (
            "{days}. Proporción semanal de personas que recibieron un resumen y compartieron, de"
            " la más antigua a la más reciente: {rates}."
        ),
        "ins_shares": "**Veces compartido:** {count}",
        "ins_by_conversation": (
            "; {count} en publicaciones de canales o chats de grupo de Teams, una vez por"
            " conversación (Teams no dice quién abrió allí un enlace)"
        ),
        "ins_participation": (
            "**Participación:** {shared} de {reached} personas que recibieron un"
            " resumen{left_out} compartieron ({percent})"
        ),
        "ins_trend": "; últimas semanas {trend}",
        "ins_first_week": ", la primera semana con resúmenes",
        "ins_feed_error": "«{error}»",
        "ins_left_out": " (sin contar {names}, cuyos clics en compartir no se cuentan)",
        "ins_not_delivered_one": "; 1 resumen sin entregar (`{command}`)",
        "ins_not_delivered": "; {count} resúmenes sin entregar (`{command}`)",
        "ins_unshared": (
            "**Sin compartir por nadie:** {unshared} de las {offered} noticias de los resúmenes"
            " enviados"
        ),
        "ins_reports": (
            "**Informes:** {filed} recibidos, mediana hasta que se vieron {wait}, {open}"
            " abiertos ahora"
        ),
        "ins_minutes": "{n} min",
        "ins_hours": "{n} h",
        "ins_days": "{n} d",
        "percent": "{n}\u00a0%",
        "ins_no_rate": "n/d",
        "decimal": ",",
        "ins_questions": (
            "**Preguntas sobre las pautas:** {asked}, {percent} respondidas con seguridad,"
            " {not_covered} sin cubrir, {downvoted} marcadas con 👎"
        ),
        "ins_not_covered": "- sin cubrir: {question}",
        "ins_to_team": (
            "**Enviadas al equipo:** {sent}, {answered} respondidas; {waiting} esperan respuesta"
            " ahora"
        ),
        "ins_top_sharers": "**Quienes más comparten** (con su permiso):",
        "ins_title_days": "Estadísticas: los últimos {days} días",
        "ins_title_dated": "Estadísticas: {dates} ({days} días)",
        "ins_dates": "del {start} al {last}",
        "ins_date": "{day} {month} {year}",
        "month_abbr": "ene,feb,mar,abr,may,jun,jul,ago,sept,oct,nov,dic",
        "ins_nothing": (
            "{title}: no pasó nada. No salió ningún resumen, no se compartió, informó ni"
            " preguntó nada, y ninguna fuente falló ({dates}, {zone})."
        ),
        "ins_summary": "{title}: compartido {count} veces",
        "ins_counted": (
            "Se cuenta a las personas, nunca se las nombra, salvo que se hayan unido a la"
            " clasificación."
        ),
        "ins_teams_uncounted": (
            "Los clics en compartir de Teams no se cuentan: pon en SOCIALBOT_PUBLIC_URL la"
            " dirección pública del bot para que los botones de compartir de Teams pasen por él."
        ),
        "ins_drawing_chat": (
            "Estoy preparando las estadísticas de los últimos {days} días; llegan a nuestro chat"
            " en un momento."
        ),
        "ins_drawing_dm": (
            "Estoy preparando las estadísticas de los últimos {days} días; llegan a tus mensajes"
            " directos en un momento."
        ),
        "ins_bad_period": (
            "`{text}` no es un periodo que conozca. Prueba `{example}`, `30d` o `90d`."
        ),
        "ins_managers_only": "Solo el equipo de redes sociales ve las estadísticas.",
        "ins_home_title": "Estadísticas",
        "ins_home_weekly": (
            "Las estadísticas con su gráfico llegan cada {weekday} a las {time}; `{command}`"
            " cuando quieras."
        ),
        "ins_home_any": "Las estadísticas con su gráfico: `{command}` cuando quieras.",
        "ins_chart_failed": (
            "No se pudo dibujar el último gráfico ahora mismo; lo volveré a intentar en un rato."
        ),
    },
}

# A person's own lists of reports (`/report-mention list`, App Home), and the managers' Home.
_REPORT_LISTS: dict[str, dict[str, str]] = {
    "en": {
        "not_told": "{ref}: {reporter} has left, so they were not told after all.",
        "not_told_bot": "{ref}: {reporter} is a bot account, which the bot cannot message, so it"
        " was not told after all.",
        "listing": "{title}:\n{lines}",
        "listed_new": "New, not acknowledged yet",
        "listed_acknowledged": "Acknowledged",
        "listed_resolved": "Resolved",
        "listed_dismissed": "Not an issue",
        "status_assigned": "{status}, assigned to {who}",
        "status_outcome": "{status}: {outcome}",
        "age_now": "just now",
        "age_minutes": "{n} min ago",
        "age_hour_one": "1 h ago",
        "age_hours": "{n} h ago",
        "age_day_one": "1 d ago",
        "age_days": "{n} d ago",
        "own_reports": "Your reports, newest first",
        "own_reports_cut": (
            "Your reports, newest first (the {count} latest; older ones are not shown)"
        ),
        "home_reports": "Your open reports",
        "home_reports_cut": "The {count} latest; older ones are not shown.",
        "home_no_reports": "None. Seen something negative about us? `{command}`",
        "home_team": "Open reports",
        "home_team_counts": "{count}, {waiting} not acknowledged",
        "home_team_open": "`{command}` shows them with their buttons.",
        "home_team_cut": "The {count} latest here; `{command}` shows them with their buttons.",
    },
    "da": {
        "not_told": "{ref}: {reporter} er ikke længere her og fik derfor alligevel ikke besked.",
        "not_told_bot": "{ref}: {reporter} er en bot-konto, som botten ikke kan skrive til, så den"
        " fik alligevel ikke besked.",
        "listing": "{title}:\n{lines}",
        "listed_new": "Ny, endnu ikke set af teamet",
        "listed_acknowledged": "Set af teamet",
        "listed_resolved": "Løst",
        "listed_dismissed": "Ikke et problem",
        "status_assigned": "{status}, tildelt {who}",
        "status_outcome": "{status}: {outcome}",
        "age_now": "lige nu",
        "age_minutes": "for {n} min. siden",
        "age_hour_one": "for 1 time siden",
        "age_hours": "for {n} timer siden",
        "age_day_one": "for 1 dag siden",
        "age_days": "for {n} dage siden",
        "own_reports": "Dine rapporter, nyeste først",
        "own_reports_cut": "Dine rapporter, nyeste først (de {count} seneste; ældre vises ikke)",
        "home_reports": "Dine åbne rapporter",
        "home_reports_cut": "De {count} seneste; ældre vises ikke.",
        "home_no_reports": "Ingen. Har du set noget negativt om os? `{command}`",
        "home_team": "Åbne rapporter",
        "home_team_counts": "{count}, {waiting} ikke set af teamet",
        "home_team_open": "`{command}` viser dem med deres knapper.",
        "home_team_cut": "De {count} seneste her; `{command}` viser dem med deres knapper.",
    },
    "de": {
        "not_told": (
            "{ref}: {reporter} ist nicht mehr da und hat deshalb doch keine Nachricht bekommen."
        ),
        "not_told_bot": "{ref}: {reporter} ist ein Bot-Konto, dem der Bot nicht schreiben kann, und"
        " hat deshalb doch keine Nachricht bekommen.",
        "listing": "{title}:\n{lines}",
        "listed_new": "Neu, noch nicht vom Team gesehen",
        "listed_acknowledged": "Vom Team gesehen",
        "listed_resolved": "Erledigt",
        "listed_dismissed": "Kein Problem",
        "status_assigned": "{status}, zugewiesen an {who}",
        "status_outcome": "{status}: {outcome}",
        "age_now": "gerade eben",
        "age_minutes": "vor {n} Min.",
        "age_hour_one": "vor 1 Stunde",
        "age_hours": "vor {n} Stunden",
        "age_day_one": "vor 1 Tag",
        "age_days": "vor {n} Tagen",
        "own_reports": "Deine Meldungen, die neuesten zuerst",
        "own_reports_cut": (
            "Deine Meldungen, die neuesten zuerst (die {count} letzten; ältere werden nicht"
            " gezeigt)"
        ),
        "home_reports": "Deine offenen Meldungen",
        "home_reports_cut": "Die {count} letzten; ältere werden nicht gezeigt.",
        "home_no_reports": "Keine. Etwas Negatives über uns gesehen? `{command}`",
        "home_team": "Offene Meldungen",
        "home_team_counts": "{count}, {waiting} noch nicht gesehen",
        "home_team_open": "`{command}` zeigt sie mit ihren Buttons.",
        "home_team_cut": "Hier die {count} letzten; `{command}` zeigt sie mit ihren Buttons.",
    },
    "sv": {
        "not_told": "{ref}: {reporter} har lämnat och fick därför ändå inget besked.",
        "not_told_bot": "{ref}: {reporter} är ett botkonto som boten inte kan skriva till och fick"
        " därför ändå inget besked.",
        "listing": "{title}:\n{lines}",
        "listed_new": "Ny, ännu inte sedd av teamet",
        "listed_acknowledged": "Sedd av teamet",
        "listed_resolved": "Löst",
        "listed_dismissed": "Inget problem",
        "status_assigned": "{status}, tilldelad {who}",
        "status_outcome": "{status}: {outcome}",
        "age_now": "just nu",
        "age_minutes": "för {n} min sedan",
        "age_hour_one": "för 1 timme sedan",
        "age_hours": "för {n} timmar sedan",
        "age_day_one": "för 1 dag sedan",
        "age_days": "för {n} dagar sedan",
        "own_reports": "Dina rapporter, nyaste först",
        "own_reports_cut": "Dina rapporter, nyaste först (de {count} senaste; äldre visas inte)",
        "home_reports": "Dina öppna rapporter",
        "home_reports_cut": "De {count} senaste; äldre visas inte.",
        "home_no_reports": "Inga. Har du sett något negativt om oss? `{command}`",
        "home_team": "Öppna rapporter",
        "home_team_counts": "{count}, {waiting} inte sedda ännu",
        "home_team_open": "`{command}` visar dem med deras knappar.",
        "home_team_cut": "De {count} senaste här; `{command}` visar dem med deras knappar.",
    },
    "nb": {
        "not_told": "{ref}: {reporter} er ikke lenger her og fikk derfor likevel ikke beskjed.",
        "not_told_bot": "{ref}: {reporter} er en bot-konto som boten ikke kan skrive til, og fikk"
        " derfor likevel ikke beskjed.",
        "listing": "{title}:\n{lines}",
        "listed_new": "Ny, ennå ikke sett av teamet",
        "listed_acknowledged": "Sett av teamet",
        "listed_resolved": "Løst",
        "listed_dismissed": "Ikke et problem",
        "status_assigned": "{status}, tildelt {who}",
        "status_outcome": "{status}: {outcome}",
        "age_now": "akkurat nå",
        "age_minutes": "for {n} min siden",
        "age_hour_one": "for 1 time siden",
        "age_hours": "for {n} timer siden",
        "age_day_one": "for 1 dag siden",
        "age_days": "for {n} dager siden",
        "own_reports": "Rapportene dine, nyeste først",
        "own_reports_cut": "Rapportene dine, nyeste først (de {count} siste; eldre vises ikke)",
        "home_reports": "Dine åpne rapporter",
        "home_reports_cut": "De {count} siste; eldre vises ikke.",
        "home_no_reports": "Ingen. Har du sett noe negativt om oss? `{command}`",
        "home_team": "Åpne rapporter",
        "home_team_counts": "{count}, {waiting} ikke sett ennå",
        "home_team_open": "`{command}` viser dem med knappene deres.",
        "home_team_cut": "De {count} siste her; `{command}` viser dem med knappene deres.",
    },
    "nl": {
        "not_told": "{ref}: {reporter} is vertrokken en heeft het dus toch niet gehoord.",
        "not_told_bot": "{ref}: {reporter} is een botaccount waar de bot geen berichten naar kan"
        " sturen, en heeft het dus toch niet gehoord.",
        "listing": "{title}:\n{lines}",
        "listed_new": "Nieuw, nog niet gezien door het team",
        "listed_acknowledged": "Gezien door het team",
        "listed_resolved": "Afgehandeld",
        "listed_dismissed": "Geen probleem",
        "status_assigned": "{status}, toegewezen aan {who}",
        "status_outcome": "{status}: {outcome}",
        "age_now": "zojuist",
        "age_minutes": "{n} min geleden",
        "age_hour_one": "1 uur geleden",
        "age_hours": "{n} uur geleden",
        "age_day_one": "1 dag geleden",
        "age_days": "{n} dagen geleden",
        "own_reports": "Je meldingen, nieuwste eerst",
        "own_reports_cut": (
            "Je meldingen, nieuwste eerst (de laatste {count}; oudere worden niet getoond)"
        ),
        "home_reports": "Je openstaande meldingen",
        "home_reports_cut": "De laatste {count}; oudere worden niet getoond.",
        "home_no_reports": "Geen. Iets negatiefs over ons gezien? `{command}`",
        "home_team": "Openstaande meldingen",
        "home_team_counts": "{count}, {waiting} nog niet gezien",
        "home_team_open": "`{command}` toont ze met hun knoppen.",
        "home_team_cut": "Hier de laatste {count}; `{command}` toont ze met hun knoppen.",
    },
    "fr": {
        "not_told": (
            "{ref} : {reporter} a quitté l'organisation ; cette personne n'a donc finalement pas"
            " été prévenue."
        ),
        "not_told_bot": "{ref} : {reporter} est un compte de bot, auquel le bot ne peut pas"
        " écrire ; il n'a donc finalement pas été prévenu.",
        "listing": "{title} :\n{lines}",
        "listed_new": "Nouveau, pas encore vu par l'équipe",
        "listed_acknowledged": "Vu par l'équipe",
        "listed_resolved": "Traité",
        "listed_dismissed": "Sans suite",
        "status_assigned": "{status}, confié à {who}",
        "status_outcome": "{status} : {outcome}",
        "age_now": "à l'instant",
        "age_minutes": "il y a {n} min",
        "age_hour_one": "il y a 1 heure",
        "age_hours": "il y a {n} heures",
        "age_day_one": "il y a 1 jour",
        "age_days": "il y a {n} jours",
        "own_reports": "Vos signalements, les plus récents d'abord",
        "own_reports_cut": (
            "Vos signalements, les plus récents d'abord (les {count} derniers ; les plus anciens"
            " ne sont pas affichés)"
        ),
        "home_reports": "Vos signalements en cours",
        "home_reports_cut": "Les {count} derniers ; les plus anciens ne sont pas affichés.",
        "home_no_reports": "Aucun. Vous avez vu quelque chose de négatif sur nous ? `{command}`",
        "home_team": "Signalements en cours",
        "home_team_counts": "{count}, dont {waiting} pas encore vus",
        "home_team_open": "`{command}` les affiche avec leurs boutons.",
        "home_team_cut": "Les {count} derniers ici ; `{command}` les affiche avec leurs boutons.",
    },
    "es": {
        "not_told": "{ref}: {reporter} ya no está, así que al final no se le avisó.",
        "not_told_bot": "{ref}: {reporter} es una cuenta de bot, a la que el bot no puede escribir,"
        " así que al final no se le avisó.",
        "listing": "{title}:\n{lines}",
        "listed_new": "Nuevo, el equipo aún no lo ha visto",
        "listed_acknowledged": "Visto por el equipo",
        "listed_resolved": "Resuelto",
        "listed_dismissed": "Sin problema",
        "status_assigned": "{status}, asignado a {who}",
        "status_outcome": "{status}: {outcome}",
        "age_now": "ahora mismo",
        "age_minutes": "hace {n} min",
        "age_hour_one": "hace 1 hora",
        "age_hours": "hace {n} horas",
        "age_day_one": "hace 1 día",
        "age_days": "hace {n} días",
        "own_reports": "Tus informes, los más recientes primero",
        "own_reports_cut": (
            "Tus informes, los más recientes primero (los {count} últimos; los anteriores no se"
            " muestran)"
        ),
        "home_reports": "Tus informes abiertos",
        "home_reports_cut": "Los {count} últimos; los anteriores no se muestran.",
        "home_no_reports": "Ninguno. ¿Has visto algo negativo sobre nosotros? `{command}`",
        "home_team": "Informes abiertos",
        "home_team_counts": "{count}, {waiting} sin ver aún",
        "home_team_open": "`{command}` los muestra con sus botones.",
        "home_team_cut": "Aquí los {count} últimos; `{command}` los muestra con sus botones.",
    },
}


# What a link alone is offered, and a reporter's list of reports when it has none.
_ANSWERS: dict[str, dict[str, str]] = {
    "en": {
        "link_offer": "Is this a post you want to report to the social media team?",
        "report_it": "Report it",
        "or_ask": "Or ask me about it in a sentence, with the link.",
        "no_reports_yet": "You haven't reported anything yet. `{command}` reports a mention.",
        "not_your_report": "{ref} is not one of your reports. `{command}` shows the ones you made.",
    },
    "da": {
        "link_offer": "Er det et opslag, du vil melde til social media-teamet?",
        "report_it": "Meld det",
        "or_ask": "Eller spørg mig om det i en sætning, med linket.",
        "no_reports_yet": "Du har ikke meldt noget endnu. `{command}` melder en omtale.",
        "not_your_report": (
            "{ref} er ikke en af dine rapporter. `{command}` viser dem, du har lavet."
        ),
    },
    "de": {
        "link_offer": "Ist das ein Beitrag, den du dem Social-Media-Team melden willst?",
        "report_it": "Melden",
        "or_ask": "Oder frag mich in einem Satz danach, mit dem Link.",
        "no_reports_yet": "Du hast noch nichts gemeldet. `{command}` meldet eine Erwähnung.",
        "not_your_report": (
            "{ref} ist keine deiner Meldungen. `{command}` zeigt die, die du gemacht hast."
        ),
    },
    "sv": {
        "link_offer": "Är det här ett inlägg du vill rapportera till teamet för sociala medier?",
        "report_it": "Rapportera",
        "or_ask": "Eller fråga mig om det i en mening, med länken.",
        "no_reports_yet": (
            "Du har inte rapporterat något än. `{command}` rapporterar ett omnämnande."
        ),
        "not_your_report": (
            "{ref} är inte en av dina rapporter. `{command}` visar dem du har gjort."
        ),
    },
    "nb": {
        "link_offer": "Er dette et innlegg du vil melde til teamet for sosiale medier?",
        "report_it": "Meld det",
        "or_ask": "Eller spør meg om det i en setning, med lenken.",
        "no_reports_yet": "Du har ikke meldt noe ennå. `{command}` melder en omtale.",
        "not_your_report": (
            "{ref} er ikke en av rapportene dine. `{command}` viser dem du har laget."
        ),
    },
    "nl": {
        "link_offer": "Is dit een bericht dat je bij het socialemediateam wilt melden?",
        "report_it": "Melden",
        "or_ask": "Of vraag me ernaar in een zin, met de link.",
        "no_reports_yet": "Je hebt nog niets gemeld. `{command}` meldt een vermelding.",
        "not_your_report": (
            "{ref} is niet een van je meldingen. `{command}` toont de meldingen die je deed."
        ),
    },
    "fr": {
        "link_offer": "Est-ce une publication à signaler à l'équipe réseaux sociaux ?",
        "report_it": "La signaler",
        "or_ask": "Ou posez-moi une question à son sujet dans une phrase, avec le lien.",
        "no_reports_yet": "Vous n'avez encore rien signalé. `{command}` signale une mention.",
        "not_your_report": (
            "{ref} n'est pas un de vos signalements. `{command}` montre ceux que vous avez faits."
        ),
    },
    "es": {
        "link_offer": "¿Es una publicación que quieres informar al equipo de redes sociales?",
        "report_it": "Informar",
        "or_ask": "O pregúntame por ella en una frase, con el enlace.",
        "no_reports_yet": "Todavía no has informado de nada. `{command}` informa de una mención.",
        "not_your_report": (
            "{ref} no es uno de tus informes. `{command}` muestra los que has hecho."
        ),
    },
}

# The console's own words around a form (bot/console), in the form's language: the word `cancel`
# stays as typed.
_CONSOLE: dict[str, dict[str, str]] = {
    "en": {
        "console_form_keys": (
            "Type cancel to stop, or a /command to leave the form for it; leave optional fields"
            " empty."
        ),
        "console_cancelled": "Cancelled; nothing was sent.",
        "console_numbers": "numbers separated by commas",
        "console_now": "now: {initial}; press Enter to keep",
        "console_type_number": "type the number of your choice",
        "console_cannot_undo": "Type the number of your choice: this step cannot be undone.",
        "console_no_choice": "There is no choice {part}: pick 1 to {last}.",
        "console_none_of_them": "{part} is none of the choices.",
    },
    "da": {
        "console_form_keys": (
            "Skriv cancel for at stoppe, eller en /kommando for at forlade formularen for den; lad"
            " valgfrie felter stå tomme."
        ),
        "console_cancelled": "Annulleret; intet blev sendt.",
        "console_numbers": "tal adskilt af kommaer",
        "console_now": "nu: {initial}; tryk Enter for at beholde",
        "console_type_number": "skriv nummeret på dit valg",
        "console_cannot_undo": "Skriv nummeret på dit valg: dette trin kan ikke fortrydes.",
        "console_no_choice": "Der er intet valg {part}: vælg 1 til {last}.",
        "console_none_of_them": "{part} er ikke et af valgene.",
    },
    "de": {
        "console_form_keys": (
            "Tippe cancel zum Abbrechen oder einen /Befehl, um das Formular dafür zu verlassen;"
            " lass optionale Felder leer."
        ),
        "console_cancelled": "Abgebrochen; nichts wurde gesendet.",
        "console_numbers": "Nummern durch Kommas getrennt",
        "console_now": "jetzt: {initial}; Enter behält es",
        "console_type_number": "tippe die Nummer deiner Wahl",
        "console_cannot_undo": (
            "Tippe die Nummer deiner Wahl: Dieser Schritt lässt sich nicht rückgängig machen."
        ),
        "console_no_choice": "Es gibt keine Wahl {part}: Wähle 1 bis {last}.",
        "console_none_of_them": "{part} ist keine der Wahlmöglichkeiten.",
    },
    "sv": {
        "console_form_keys": (
            "Skriv cancel för att avbryta, eller ett /kommando för att lämna formuläret för det;"
            " lämna valfria fält tomma."
        ),
        "console_cancelled": "Avbrutet; inget skickades.",
        "console_numbers": "siffror åtskilda med kommatecken",
        "console_now": "nu: {initial}; tryck Enter för att behålla",
        "console_type_number": "skriv numret på ditt val",
        "console_cannot_undo": "Skriv numret på ditt val: det här steget kan inte ångras.",
        "console_no_choice": "Det finns inget val {part}: välj 1 till {last}.",
        "console_none_of_them": "{part} är inget av valen.",
    },
    "nb": {
        "console_form_keys": (
            "Skriv cancel for å avbryte, eller en /kommando for å forlate skjemaet for den; la"
            " valgfrie felt stå tomme."
        ),
        "console_cancelled": "Avbrutt; ingenting ble sendt.",
        "console_numbers": "tall skilt med komma",
        "console_now": "nå: {initial}; trykk Enter for å beholde",
        "console_type_number": "skriv nummeret på valget ditt",
        "console_cannot_undo": "Skriv nummeret på valget ditt: dette steget kan ikke angres.",
        "console_no_choice": "Det finnes ikke noe valg {part}: velg 1 til {last}.",
        "console_none_of_them": "{part} er ikke et av valgene.",
    },
    "nl": {
        "console_form_keys": (
            "Typ cancel om te stoppen, of een /opdracht om het formulier daarvoor te verlaten;"
            " laat optionele velden leeg."
        ),
        "console_cancelled": "Geannuleerd; er is niets verzonden.",
        "console_numbers": "nummers gescheiden door komma's",
        "console_now": "nu: {initial}; druk op Enter om te behouden",
        "console_type_number": "typ het nummer van je keuze",
        "console_cannot_undo": (
            "Typ het nummer van je keuze: deze stap kan niet ongedaan worden gemaakt."
        ),
        "console_no_choice": "Er is geen keuze {part}: kies 1 tot en met {last}.",
        "console_none_of_them": "{part} is geen van de keuzes.",
    },
    "fr": {
        "console_form_keys": (
            "Tapez cancel pour arrêter, ou une /commande pour quitter le formulaire pour elle ;"
            " laissez vides les champs facultatifs."
        ),
        "console_cancelled": "Annulé ; rien n'a été envoyé.",
        "console_numbers": "numéros séparés par des virgules",
        "console_now": "actuellement : {initial} ; appuyez sur Entrée pour garder",
        "console_type_number": "tapez le numéro de votre choix",
        "console_cannot_undo": "Tapez le numéro de votre choix : cette étape est irréversible.",
        "console_no_choice": "Il n'y a pas de choix {part} : choisissez de 1 à {last}.",
        "console_none_of_them": "{part} ne fait pas partie des choix.",
    },
    "es": {
        "console_form_keys": (
            "Escribe cancel para parar, o un /comando para dejar el formulario por él; deja vacíos"
            " los campos opcionales."
        ),
        "console_cancelled": "Cancelado; no se envió nada.",
        "console_numbers": "números separados por comas",
        "console_now": "ahora: {initial}; pulsa Intro para mantenerlo",
        "console_type_number": "escribe el número de tu elección",
        "console_cannot_undo": "Escribe el número de tu elección: este paso no se puede deshacer.",
        "console_no_choice": "No hay ninguna opción {part}: elige de 1 a {last}.",
        "console_none_of_them": "{part} no es ninguna de las opciones.",
    },
}

# The social media team's side of reports: the card, its buttons, and what a manager hears
# after acting on one (handlers/reports/views.py), in each manager's language.
_TEAM_CARDS: dict[str, dict[str, str]] = {
    "en": {
        "card_title": "Negative mention {ref}",
        "card_summary": "Negative mention {ref} ({urgency}): {what}",
        "card_where": "Where",
        "card_urgency": "Urgency",
        "card_status": "Status",
        "card_reported_by": "Reported by ({count})",
        "card_and_others_one": "{names} and 1 other",
        "card_and_others": "{names} and {count} others",
        "card_reported_at": "Reported {moment}.",
        "card_no_link": "(no link)",
        "card_others_wrote_one": "What the 1 other wrote: press **{button}**.",
        "card_others_wrote": "What the {count} others wrote: press **{button}**.",
        "card_shared_from": "Shared from {message}.",
        "card_a_chat_message": "a chat message",
        "card_sent": "{name} sent {files}",
        "card_sent_more": "{name} sent {files} and {count} more",
        "card_closing_note": "Closing note: {note}",
        "card_reported_again": "Reopened: reported again by {who}",
        "card_reopened_by": "Reopened by {who}",
        "card_earlier_by": "{earlier}, by {who}",
        "card_before": "Before it was reopened: {earlier}.",
        "card_team_only": "Reporters' names are shown to the social media team only.",
        "urgency_word_normal": "normal",
        "urgency_word_urgent": "urgent",
        "urgency_word_crisis": "crisis",
        "button_acknowledge": "Acknowledge",
        "button_assign_me": "Assign to me",
        "button_assign_other": "Assign to…",
        "button_resolve": "Resolve",
        "button_dismiss": "Not an issue",
        "button_reopen": "Reopen",
        "button_all_notes": "Show all notes",
        "done_acknowledged": "{ref} acknowledged.",
        "done_assigned_you": "{ref} assigned to you.",
        "done_assigned": "{ref} assigned to {who}.",
        "done_resolved": "{ref} resolved ({outcome}).",
        "done_dismissed": "{ref} closed as not an issue.",
        "done_reopened": "{ref} reopened and assigned to you.",
        "done_already": "{ref} is already {status}.",
        "told_one": "The reporter has been told{left}.",
        "told_many": "The {count} reporters have been told{left}.",
        "told_left_one": "; 1 other has left",
        "told_left_many": "; {count} others have left",
        "told_gone_one": "The reporter has left: nobody was told.",
        "told_gone_many": "The {count} reporters have left: nobody was told.",
        "handed_over": "{by} assigned {ref} to you.",
        "former_employee": "a former employee",
    },
    "da": {
        "card_title": "Negativ omtale {ref}",
        "card_summary": "Negativ omtale {ref} ({urgency}): {what}",
        "card_where": "Hvor",
        "card_urgency": "Hastegrad",
        "card_status": "Status",
        "card_reported_by": "Meldt af ({count})",
        "card_and_others_one": "{names} og 1 anden",
        "card_and_others": "{names} og {count} andre",
        "card_reported_at": "Meldt {moment}.",
        "card_no_link": "(intet link)",
        "card_others_wrote_one": "Det, den anden skrev: tryk på **{button}**.",
        "card_others_wrote": "Det, de {count} andre skrev: tryk på **{button}**.",
        "card_shared_from": "Delt fra {message}.",
        "card_a_chat_message": "en chatbesked",
        "card_sent": "{name} sendte {files}",
        "card_sent_more": "{name} sendte {files} og {count} mere",
        "card_closing_note": "Afsluttende note: {note}",
        "card_reported_again": "Genåbnet: meldt igen af {who}",
        "card_reopened_by": "Genåbnet af {who}",
        "card_earlier_by": "{earlier}, af {who}",
        "card_before": "Før den blev genåbnet: {earlier}.",
        "card_team_only": "Navnene på dem, der melder, vises kun for social media-teamet.",
        "urgency_word_normal": "normal",
        "urgency_word_urgent": "haster",
        "urgency_word_crisis": "krise",
        "button_acknowledge": "Markér som set",
        "button_assign_me": "Tildel mig",
        "button_assign_other": "Tildel til…",
        "button_resolve": "Løs",
        "button_dismiss": "Ikke et problem",
        "button_reopen": "Genåbn",
        "button_all_notes": "Vis alle noter",
        "done_acknowledged": "{ref} er markeret som set.",
        "done_assigned_you": "{ref} er tildelt dig.",
        "done_assigned": "{ref} er tildelt {who}.",
        "done_resolved": "{ref} er løst ({outcome}).",
        "done_dismissed": "{ref} er lukket som ikke et problem.",
        "done_reopened": "{ref} er genåbnet og tildelt dig.",
        "done_already": "{ref} er allerede: {status}.",
        "told_one": "Den, der meldte det, har fået besked{left}.",
        "told_many": "De {count}, der meldte det, har fået besked{left}.",
        "told_left_one": "; 1 anden er ikke længere her",
        "told_left_many": "; {count} andre er ikke længere her",
        "told_gone_one": "Den, der meldte det, er ikke længere her: ingen fik besked.",
        "told_gone_many": "De {count}, der meldte det, er ikke længere her: ingen fik besked.",
        "handed_over": "{by} har tildelt dig {ref}.",
        "former_employee": "en tidligere medarbejder",
    },
    "de": {
        "card_title": "Negative Erwähnung {ref}",
        "card_summary": "Negative Erwähnung {ref} ({urgency}): {what}",
        "card_where": "Wo",
        "card_urgency": "Dringlichkeit",
        "card_status": "Status",
        "card_reported_by": "Gemeldet von ({count})",
        "card_and_others_one": "{names} und 1 weitere Person",
        "card_and_others": "{names} und {count} weitere",
        "card_reported_at": "Gemeldet {moment}.",
        "card_no_link": "(kein Link)",
        "card_others_wrote_one": "Was die weitere Person schrieb: auf **{button}** klicken.",
        "card_others_wrote": "Was die {count} weiteren schrieben: auf **{button}** klicken.",
        "card_shared_from": "Geteilt aus {message}.",
        "card_a_chat_message": "einer Chatnachricht",
        "card_sent": "{name} hat {files} gesendet",
        "card_sent_more": "{name} hat {files} und {count} weitere gesendet",
        "card_closing_note": "Abschlussnotiz: {note}",
        "card_reported_again": "Wieder geöffnet: erneut gemeldet von {who}",
        "card_reopened_by": "Wieder geöffnet von {who}",
        "card_earlier_by": "{earlier}, von {who}",
        "card_before": "Vor dem Wiederöffnen: {earlier}.",
        "card_team_only": "Die Namen der meldenden Personen sieht nur das Social-Media-Team.",
        "urgency_word_normal": "normal",
        "urgency_word_urgent": "dringend",
        "urgency_word_crisis": "Krise",
        "button_acknowledge": "Gesehen",
        "button_assign_me": "Mir zuweisen",
        "button_assign_other": "Zuweisen an…",
        "button_resolve": "Erledigen",
        "button_dismiss": "Kein Problem",
        "button_reopen": "Wieder öffnen",
        "button_all_notes": "Alle Notizen zeigen",
        "done_acknowledged": "{ref} ist als gesehen markiert.",
        "done_assigned_you": "{ref} ist dir zugewiesen.",
        "done_assigned": "{ref} ist {who} zugewiesen.",
        "done_resolved": "{ref} ist erledigt ({outcome}).",
        "done_dismissed": "{ref} ist als kein Problem geschlossen.",
        "done_reopened": "{ref} ist wieder geöffnet und dir zugewiesen.",
        "done_already": "{ref} ist bereits: {status}.",
        "told_one": "Die meldende Person wurde benachrichtigt{left}.",
        "told_many": "Die {count} meldenden Personen wurden benachrichtigt{left}.",
        "told_left_one": "; 1 weitere ist nicht mehr da",
        "told_left_many": "; {count} weitere sind nicht mehr da",
        "told_gone_one": "Die meldende Person ist nicht mehr da: niemand wurde benachrichtigt.",
        "told_gone_many": (
            "Die {count} meldenden Personen sind nicht mehr da: niemand wurde benachrichtigt."
        ),
        "handed_over": "{by} hat dir {ref} zugewiesen.",
        "former_employee": "ein ehemaliges Teammitglied",
    },
    "sv": {
        "card_title": "Negativt omnämnande {ref}",
        "card_summary": "Negativt omnämnande {ref} ({urgency}): {what}",
        "card_where": "Var",
        "card_urgency": "Hur brådskande",
        "card_status": "Status",
        "card_reported_by": "Rapporterat av ({count})",
        "card_and_others_one": "{names} och 1 till",
        "card_and_others": "{names} och {count} till",
        "card_reported_at": "Rapporterat {moment}.",
        "card_no_link": "(ingen länk)",
        "card_others_wrote_one": "Vad den andra skrev: tryck på **{button}**.",
        "card_others_wrote": "Vad de {count} andra skrev: tryck på **{button}**.",
        "card_shared_from": "Delat från {message}.",
        "card_a_chat_message": "ett chattmeddelande",
        "card_sent": "{name} skickade {files}",
        "card_sent_more": "{name} skickade {files} och {count} till",
        "card_closing_note": "Avslutande anteckning: {note}",
        "card_reported_again": "Öppnad igen: rapporterad igen av {who}",
        "card_reopened_by": "Öppnad igen av {who}",
        "card_earlier_by": "{earlier}, av {who}",
        "card_before": "Innan den öppnades igen: {earlier}.",
        "card_team_only": (
            "Namnen på dem som rapporterar visas bara för teamet för sociala medier."
        ),
        "urgency_word_normal": "normal",
        "urgency_word_urgent": "brådskande",
        "urgency_word_crisis": "kris",
        "button_acknowledge": "Markera som sedd",
        "button_assign_me": "Tilldela mig",
        "button_assign_other": "Tilldela…",
        "button_resolve": "Lös",
        "button_dismiss": "Inget problem",
        "button_reopen": "Öppna igen",
        "button_all_notes": "Visa alla anteckningar",
        "done_acknowledged": "{ref} är markerad som sedd.",
        "done_assigned_you": "{ref} är tilldelad dig.",
        "done_assigned": "{ref} är tilldelad {who}.",
        "done_resolved": "{ref} är löst ({outcome}).",
        "done_dismissed": "{ref} är stängd som inget problem.",
        "done_reopened": "{ref} är öppnad igen och tilldelad dig.",
        "done_already": "{ref} är redan: {status}.",
        "told_one": "Den som rapporterade har fått besked{left}.",
        "told_many": "De {count} som rapporterade har fått besked{left}.",
        "told_left_one": "; 1 annan har lämnat",
        "told_left_many": "; {count} andra har lämnat",
        "told_gone_one": "Den som rapporterade har lämnat: ingen fick besked.",
        "told_gone_many": "De {count} som rapporterade har lämnat: ingen fick besked.",
        "handed_over": "{by} tilldelade dig {ref}.",
        "former_employee": "en tidigare anställd",
    },
    "nb": {
        "card_title": "Negativ omtale {ref}",
        "card_summary": "Negativ omtale {ref} ({urgency}): {what}",
        "card_where": "Hvor",
        "card_urgency": "Hastegrad",
        "card_status": "Status",
        "card_reported_by": "Meldt av ({count})",
        "card_and_others_one": "{names} og 1 annen",
        "card_and_others": "{names} og {count} andre",
        "card_reported_at": "Meldt {moment}.",
        "card_no_link": "(ingen lenke)",
        "card_others_wrote_one": "Det den andre skrev: trykk på **{button}**.",
        "card_others_wrote": "Det de {count} andre skrev: trykk på **{button}**.",
        "card_shared_from": "Delt fra {message}.",
        "card_a_chat_message": "en chatmelding",
        "card_sent": "{name} sendte {files}",
        "card_sent_more": "{name} sendte {files} og {count} til",
        "card_closing_note": "Avsluttende notat: {note}",
        "card_reported_again": "Åpnet igjen: meldt på nytt av {who}",
        "card_reopened_by": "Åpnet igjen av {who}",
        "card_earlier_by": "{earlier}, av {who}",
        "card_before": "Før den ble åpnet igjen: {earlier}.",
        "card_team_only": "Navnene på dem som melder, vises bare for teamet for sosiale medier.",
        "urgency_word_normal": "normal",
        "urgency_word_urgent": "haster",
        "urgency_word_crisis": "krise",
        "button_acknowledge": "Merk som sett",
        "button_assign_me": "Tildel meg",
        "button_assign_other": "Tildel til…",
        "button_resolve": "Løs",
        "button_dismiss": "Ikke et problem",
        "button_reopen": "Åpne igjen",
        "button_all_notes": "Vis alle notater",
        "done_acknowledged": "{ref} er merket som sett.",
        "done_assigned_you": "{ref} er tildelt deg.",
        "done_assigned": "{ref} er tildelt {who}.",
        "done_resolved": "{ref} er løst ({outcome}).",
        "done_dismissed": "{ref} er lukket som ikke et problem.",
        "done_reopened": "{ref} er åpnet igjen og tildelt deg.",
        "done_already": "{ref} er allerede: {status}.",
        "told_one": "Den som meldte det, har fått beskjed{left}.",
        "told_many": "De {count} som meldte det, har fått beskjed{left}.",
        "told_left_one": "; 1 annen er ikke her lenger",
        "told_left_many": "; {count} andre er ikke her lenger",
        "told_gone_one": "Den som meldte det, er ikke her lenger: ingen fikk beskjed.",
        "told_gone_many": "De {count} som meldte det, er ikke her lenger: ingen fikk beskjed.",
        "handed_over": "{by} har tildelt deg {ref}.",
        "former_employee": "en tidligere ansatt",
    },
    "nl": {
        "card_title": "Negatieve vermelding {ref}",
        "card_summary": "Negatieve vermelding {ref} ({urgency}): {what}",
        "card_where": "Waar",
        "card_urgency": "Urgentie",
        "card_status": "Status",
        "card_reported_by": "Gemeld door ({count})",
        "card_and_others_one": "{names} en 1 ander",
        "card_and_others": "{names} en {count} anderen",
        "card_reported_at": "Gemeld {moment}.",
        "card_no_link": "(geen link)",
        "card_others_wrote_one": "Wat de ander schreef: klik op **{button}**.",
        "card_others_wrote": "Wat de {count} anderen schreven: klik op **{button}**.",
        "card_shared_from": "Gedeeld vanuit {message}.",
        "card_a_chat_message": "een chatbericht",
        "card_sent": "{name} stuurde {files}",
        "card_sent_more": "{name} stuurde {files} en nog {count}",
        "card_closing_note": "Afsluitende notitie: {note}",
        "card_reported_again": "Heropend: opnieuw gemeld door {who}",
        "card_reopened_by": "Heropend door {who}",
        "card_earlier_by": "{earlier}, door {who}",
        "card_before": "Voordat het werd heropend: {earlier}.",
        "card_team_only": "De namen van melders zijn alleen zichtbaar voor het socialemediateam.",
        "urgency_word_normal": "normaal",
        "urgency_word_urgent": "dringend",
        "urgency_word_crisis": "crisis",
        "button_acknowledge": "Gezien",
        "button_assign_me": "Aan mij toewijzen",
        "button_assign_other": "Toewijzen aan…",
        "button_resolve": "Afhandelen",
        "button_dismiss": "Geen probleem",
        "button_reopen": "Heropenen",
        "button_all_notes": "Alle notities tonen",
        "done_acknowledged": "{ref} is gemarkeerd als gezien.",
        "done_assigned_you": "{ref} is aan jou toegewezen.",
        "done_assigned": "{ref} is toegewezen aan {who}.",
        "done_resolved": "{ref} is afgehandeld ({outcome}).",
        "done_dismissed": "{ref} is gesloten als geen probleem.",
        "done_reopened": "{ref} is heropend en aan jou toegewezen.",
        "done_already": "{ref} is al: {status}.",
        "told_one": "De melder heeft bericht gekregen{left}.",
        "told_many": "De {count} melders hebben bericht gekregen{left}.",
        "told_left_one": "; 1 ander is vertrokken",
        "told_left_many": "; {count} anderen zijn vertrokken",
        "told_gone_one": "De melder is vertrokken: niemand heeft bericht gekregen.",
        "told_gone_many": "De {count} melders zijn vertrokken: niemand heeft bericht gekregen.",
        "handed_over": "{by} heeft {ref} aan jou toegewezen.",
        "former_employee": "een oud-medewerker",
    },
    "fr": {
        "card_title": "Mention négative {ref}",
        "card_summary": "Mention négative {ref} ({urgency}) : {what}",
        "card_where": "Où",
        "card_urgency": "Urgence",
        "card_status": "Statut",
        "card_reported_by": "Signalé par ({count})",
        "card_and_others_one": "{names} et 1 autre personne",
        "card_and_others": "{names} et {count} autres personnes",
        "card_reported_at": "Signalé {moment}.",
        "card_no_link": "(aucun lien)",
        "card_others_wrote_one": "Ce qu'a écrit l'autre personne : cliquez sur **{button}**.",
        "card_others_wrote": (
            "Ce qu'ont écrit les {count} autres personnes : cliquez sur **{button}**."
        ),
        "card_shared_from": "Partagé depuis {message}.",
        "card_a_chat_message": "un message de discussion",
        "card_sent": "{name} a envoyé {files}",
        "card_sent_more": "{name} a envoyé {files} et {count} autres",
        "card_closing_note": "Note de clôture : {note}",
        "card_reported_again": "Rouvert : signalé à nouveau par {who}",
        "card_reopened_by": "Rouvert par {who}",
        "card_earlier_by": "{earlier}, par {who}",
        "card_before": "Avant sa réouverture : {earlier}.",
        "card_team_only": (
            "Les noms des personnes qui signalent ne sont visibles que par l'équipe réseaux"
            " sociaux."
        ),
        "urgency_word_normal": "normale",
        "urgency_word_urgent": "urgente",
        "urgency_word_crisis": "crise",
        "button_acknowledge": "Marquer comme vu",
        "button_assign_me": "Me l'attribuer",
        "button_assign_other": "Attribuer à…",
        "button_resolve": "Traiter",
        "button_dismiss": "Sans suite",
        "button_reopen": "Rouvrir",
        "button_all_notes": "Voir toutes les notes",
        "done_acknowledged": "{ref} est marqué comme vu.",
        "done_assigned_you": "{ref} vous est attribué.",
        "done_assigned": "{ref} est attribué à {who}.",
        "done_resolved": "{ref} est traité ({outcome}).",
        "done_dismissed": "{ref} est classé sans suite.",
        "done_reopened": "{ref} est rouvert et vous est attribué.",
        "done_already": "{ref} est déjà : {status}.",
        "told_one": "La personne qui l'a signalé a été prévenue{left}.",
        "told_many": "Les {count} personnes qui l'ont signalé ont été prévenues{left}.",
        "told_left_one": " ; 1 autre est partie",
        "told_left_many": " ; {count} autres sont parties",
        "told_gone_one": "La personne qui l'a signalé est partie : personne n'a été prévenu.",
        "told_gone_many": (
            "Les {count} personnes qui l'ont signalé sont parties : personne n'a été prévenu."
        ),
        "handed_over": "{by} vous a attribué {ref}.",
        "former_employee": "un ancien membre du personnel",
    },
    "es": {
        "card_title": "Mención negativa {ref}",
        "card_summary": "Mención negativa {ref} ({urgency}): {what}",
        "card_where": "Dónde",
        "card_urgency": "Urgencia",
        "card_status": "Estado",
        "card_reported_by": "Informado por ({count})",
        "card_and_others_one": "{names} y 1 persona más",
        "card_and_others": "{names} y {count} personas más",
        "card_reported_at": "Informado {moment}.",
        "card_no_link": "(sin enlace)",
        "card_others_wrote_one": "Lo que escribió la otra persona: pulsa **{button}**.",
        "card_others_wrote": "Lo que escribieron las otras {count} personas: pulsa **{button}**.",
        "card_shared_from": "Compartido desde {message}.",
        "card_a_chat_message": "un mensaje del chat",
        "card_sent": "{name} envió {files}",
        "card_sent_more": "{name} envió {files} y {count} más",
        "card_closing_note": "Nota de cierre: {note}",
        "card_reported_again": "Reabierto: informado de nuevo por {who}",
        "card_reopened_by": "Reabierto por {who}",
        "card_earlier_by": "{earlier}, por {who}",
        "card_before": "Antes de reabrirse: {earlier}.",
        "card_team_only": (
            "Los nombres de quienes informan solo los ve el equipo de redes sociales."
        ),
        "urgency_word_normal": "normal",
        "urgency_word_urgent": "urgente",
        "urgency_word_crisis": "crisis",
        "button_acknowledge": "Marcar como visto",
        "button_assign_me": "Asignármelo",
        "button_assign_other": "Asignar a…",
        "button_resolve": "Resolver",
        "button_dismiss": "Sin problema",
        "button_reopen": "Reabrir",
        "button_all_notes": "Ver todas las notas",
        "done_acknowledged": "{ref} marcado como visto.",
        "done_assigned_you": "{ref} asignado a ti.",
        "done_assigned": "{ref} asignado a {who}.",
        "done_resolved": "{ref} resuelto ({outcome}).",
        "done_dismissed": "{ref} cerrado: sin problema.",
        "done_reopened": "{ref} reabierto y asignado a ti.",
        "done_already": "{ref} ya está: {status}.",
        "told_one": "Se ha avisado a la persona que informó{left}.",
        "told_many": "Se ha avisado a las {count} personas que informaron{left}.",
        "told_left_one": "; 1 persona más se ha ido",
        "told_left_many": "; {count} personas más se han ido",
        "told_gone_one": "La persona que informó se ha ido: no se avisó a nadie.",
        "told_gone_many": "Las {count} personas que informaron se han ido: no se avisó a nadie.",
        "handed_over": "{by} te ha asignado {ref}.",
        "former_employee": "un antiguo empleado",
    },
}

# The social media team's reminders, forms and lists of reports, in each manager's language.
_TEAM_LISTS: dict[str, dict[str, str]] = {
    "en": {
        "not_a_manager": (
            "Thanks for looking out! Only the social media managers can act on"
            " reports or see them all; `{command}` shows yours."
        ),
        "report_closed": "{ref} is already closed ({status}).",
        "report_gone": "I can't find that report any more.",
        "snooze_gone": "That snooze button is no longer valid.",
        "remind_count": "{count} reports wait for the social media team.",
        "remind_waited": "{ref} ({urgency}) has waited {waited} without acknowledgement.",
        "remind_open": "{ref} ({urgency}) is still open, {waited} after it was reported.",
        "remind_more": "And {count} more: {refs}. `{command}` shows them all.",
        "remind_summary": "{count} reports wait: {lines}",
        "button_snooze": "Snooze {hours} h",
        "span_now": "under a minute",
        "span_minutes": "{n} min",
        "span_hour_one": "1 h",
        "span_hours": "{n} h",
        "span_day_one": "1 d",
        "span_days": "{n} d",
        "snoozed": "Reminders about {ref} snoozed for {hours} h.",
        "snooze_stopped": "{ref}: {status}; reminders to acknowledge it stopped.",
        "resolve_title": "Resolve {ref}",
        "resolve_outcome": "Outcome",
        "resolve_note": "Note for the record",
        "resolve_choose": "Choose how it ended.",
        "assign_title": "Assign {ref}",
        "assign_manager": "Social media manager",
        "assign_submit": "Assign",
        "assign_choose": "Choose one of the social media managers.",
        "open_none": "No open reports. 🎉",
        "open_count_one": "1 open report",
        "open_count": "{count} open reports",
        "open_intro": "{count}, the most urgent first, then the longest waiting.",
        "open_intro_part": (
            "{count}, the most urgent first, then the longest waiting: {first} to {end} shown."
        ),
        "open_more": "{count} more: {refs}. `{command}` shows the next {next}.",
        "open_past": "{count} fit on {pages} page(s): `{command}` is the last.",
        "no_such_report": "There is no report {ref}.",
        "notes_title": "All {count} reporters of {ref} and what they wrote",
        "notes_more": (
            "{count} more not shown here, for the message's size: an admin lists them with"
            " `socialbot reports list --json`."
        ),
    },
    "da": {
        "not_a_manager": (
            "Tak fordi du holder øje! Kun de social media-ansvarlige kan behandle"
            " rapporter eller se dem alle; `{command}` viser dine."
        ),
        "report_closed": "{ref} er allerede lukket ({status}).",
        "report_gone": "Jeg kan ikke finde den rapport længere.",
        "snooze_gone": "Den udsæt-knap gælder ikke længere.",
        "remind_count": "{count} rapporter venter på social media-teamet.",
        "remind_waited": "{ref} ({urgency}) har ventet {waited} uden at blive markeret som set.",
        "remind_open": "{ref} ({urgency}) er stadig åben, {waited} efter den blev meldt.",
        "remind_more": "Og {count} mere: {refs}. `{command}` viser dem alle.",
        "remind_summary": "{count} rapporter venter: {lines}",
        "button_snooze": "Udsæt {hours} t",
        "span_now": "under et minut",
        "span_minutes": "{n} min.",
        "span_hour_one": "1 time",
        "span_hours": "{n} timer",
        "span_day_one": "1 dag",
        "span_days": "{n} dage",
        "snoozed": "Påmindelser om {ref} er udsat i {hours} t.",
        "snooze_stopped": "{ref}: {status}; påmindelserne om at markere den som set er stoppet.",
        "resolve_title": "Løs {ref}",
        "resolve_outcome": "Udfald",
        "resolve_note": "Note til arkivet",
        "resolve_choose": "Vælg, hvordan det endte.",
        "assign_title": "Tildel {ref}",
        "assign_manager": "Social media-ansvarlig",
        "assign_submit": "Tildel",
        "assign_choose": "Vælg en af de social media-ansvarlige.",
        "open_none": "Ingen åbne rapporter. 🎉",
        "open_count_one": "1 åben rapport",
        "open_count": "{count} åbne rapporter",
        "open_intro": "{count}, de mest presserende først, derefter dem, der har ventet længst.",
        "open_intro_part": (
            "{count}, de mest presserende først, derefter dem, der har ventet længst: {first} til"
            " {end} vises."
        ),
        "open_more": "{count} mere: {refs}. `{command}` viser de næste {next}.",
        "open_past": "{count} fylder {pages} side(r): `{command}` er den sidste.",
        "no_such_report": "Der er ingen rapport {ref}.",
        "notes_title": "Alle {count}, der meldte {ref}, og hvad de skrev",
        "notes_more": (
            "{count} mere vises ikke her på grund af beskedens størrelse: en administrator kan"
            " liste dem med `socialbot reports list --json`."
        ),
    },
    "de": {
        "not_a_manager": (
            "Danke fürs Aufpassen! Nur die Social-Media-Verantwortlichen können"
            " Meldungen bearbeiten oder alle sehen; `{command}` zeigt deine."
        ),
        "report_closed": "{ref} ist bereits geschlossen ({status}).",
        "report_gone": "Ich finde diese Meldung nicht mehr.",
        "snooze_gone": "Diese Zurückstellen-Schaltfläche gilt nicht mehr.",
        "remind_count": "{count} Meldungen warten auf das Social-Media-Team.",
        "remind_waited": "{ref} ({urgency}) wartet seit {waited}, ohne gesehen worden zu sein.",
        "remind_open": "{ref} ({urgency}) ist noch offen, {waited} nach der Meldung.",
        "remind_more": "Und {count} weitere: {refs}. `{command}` zeigt alle.",
        "remind_summary": "{count} Meldungen warten: {lines}",
        "button_snooze": "{hours} Std. zurückstellen",
        "span_now": "weniger als einer Minute",
        "span_minutes": "{n} Min.",
        "span_hour_one": "1 Std.",
        "span_hours": "{n} Std.",
        "span_day_one": "1 Tag",
        "span_days": "{n} Tagen",
        "snoozed": "Erinnerungen zu {ref} sind für {hours} Std. zurückgestellt.",
        "snooze_stopped": "{ref}: {status}; die Erinnerungen, sie zu sichten, sind beendet.",
        "resolve_title": "{ref} erledigen",
        "resolve_outcome": "Ergebnis",
        "resolve_note": "Notiz für die Akten",
        "resolve_choose": "Wähle, wie es ausgegangen ist.",
        "assign_title": "{ref} zuweisen",
        "assign_manager": "Social-Media-Verantwortliche",
        "assign_submit": "Zuweisen",
        "assign_choose": "Wähle eine der Social-Media-Verantwortlichen.",
        "open_none": "Keine offenen Meldungen. 🎉",
        "open_count_one": "1 offene Meldung",
        "open_count": "{count} offene Meldungen",
        "open_intro": "{count}, die dringendsten zuerst, dann die, die am längsten warten.",
        "open_intro_part": (
            "{count}, die dringendsten zuerst, dann die, die am längsten warten: {first} bis"
            " {end} gezeigt."
        ),
        "open_more": "{count} weitere: {refs}. `{command}` zeigt die nächsten {next}.",
        "open_past": "{count} passen auf {pages} Seite(n): `{command}` ist die letzte.",
        "no_such_report": "Es gibt keine Meldung {ref}.",
        "notes_title": "Alle {count} meldenden Personen von {ref} und was sie schrieben",
        "notes_more": (
            "{count} weitere werden hier wegen der Nachrichtengröße nicht gezeigt: ein Admin"
            " listet sie mit `socialbot reports list --json`."
        ),
    },
    "sv": {
        "not_a_manager": (
            "Tack för att du håller utkik! Bara de ansvariga för sociala medier"
            " kan hantera rapporter eller se alla; `{command}` visar dina."
        ),
        "report_closed": "{ref} är redan stängd ({status}).",
        "report_gone": "Jag hittar inte den rapporten längre.",
        "snooze_gone": "Den uppskjutningsknappen gäller inte längre.",
        "remind_count": "{count} rapporter väntar på teamet för sociala medier.",
        "remind_waited": "{ref} ({urgency}) har väntat {waited} utan att markeras som sedd.",
        "remind_open": "{ref} ({urgency}) är fortfarande öppen, {waited} efter rapporten.",
        "remind_more": "Och {count} till: {refs}. `{command}` visar alla.",
        "remind_summary": "{count} rapporter väntar: {lines}",
        "button_snooze": "Skjut upp {hours} h",
        "span_now": "under en minut",
        "span_minutes": "{n} min",
        "span_hour_one": "1 timme",
        "span_hours": "{n} timmar",
        "span_day_one": "1 dag",
        "span_days": "{n} dagar",
        "snoozed": "Påminnelser om {ref} är uppskjutna i {hours} h.",
        "snooze_stopped": "{ref}: {status}; påminnelserna om att markera den som sedd har slutat.",
        "resolve_title": "Lös {ref}",
        "resolve_outcome": "Utfall",
        "resolve_note": "Anteckning för arkivet",
        "resolve_choose": "Välj hur det slutade.",
        "assign_title": "Tilldela {ref}",
        "assign_manager": "Ansvarig för sociala medier",
        "assign_submit": "Tilldela",
        "assign_choose": "Välj en av de ansvariga för sociala medier.",
        "open_none": "Inga öppna rapporter. 🎉",
        "open_count_one": "1 öppen rapport",
        "open_count": "{count} öppna rapporter",
        "open_intro": "{count}, de mest brådskande först, sedan de som väntat längst.",
        "open_intro_part": (
            "{count}, de mest brådskande först, sedan de som väntat längst: {first} till {end}"
            " visas."
        ),
        "open_more": "{count} till: {refs}. `{command}` visar de {next} nästa.",
        "open_past": "{count} ryms på {pages} sida/sidor: `{command}` är den sista.",
        "no_such_report": "Det finns ingen rapport {ref}.",
        "notes_title": "Alla {count} som rapporterade {ref} och vad de skrev",
        "notes_more": (
            "{count} till visas inte här på grund av meddelandets storlek: en administratör"
            " listar dem med `socialbot reports list --json`."
        ),
    },
    "nb": {
        "not_a_manager": (
            "Takk for at du følger med! Bare de ansvarlige for sosiale medier kan"
            " behandle rapporter eller se alle; `{command}` viser dine."
        ),
        "report_closed": "{ref} er allerede lukket ({status}).",
        "report_gone": "Jeg finner ikke den rapporten lenger.",
        "snooze_gone": "Den utsett-knappen gjelder ikke lenger.",
        "remind_count": "{count} rapporter venter på teamet for sosiale medier.",
        "remind_waited": "{ref} ({urgency}) har ventet {waited} uten å bli merket som sett.",
        "remind_open": "{ref} ({urgency}) er fortsatt åpen, {waited} etter at den ble meldt.",
        "remind_more": "Og {count} til: {refs}. `{command}` viser alle.",
        "remind_summary": "{count} rapporter venter: {lines}",
        "button_snooze": "Utsett {hours} t",
        "span_now": "under ett minutt",
        "span_minutes": "{n} min",
        "span_hour_one": "1 time",
        "span_hours": "{n} timer",
        "span_day_one": "1 dag",
        "span_days": "{n} dager",
        "snoozed": "Påminnelser om {ref} er utsatt i {hours} t.",
        "snooze_stopped": "{ref}: {status}; påminnelsene om å merke den som sett er stoppet.",
        "resolve_title": "Løs {ref}",
        "resolve_outcome": "Utfall",
        "resolve_note": "Notat for arkivet",
        "resolve_choose": "Velg hvordan det endte.",
        "assign_title": "Tildel {ref}",
        "assign_manager": "Ansvarlig for sosiale medier",
        "assign_submit": "Tildel",
        "assign_choose": "Velg en av de ansvarlige for sosiale medier.",
        "open_none": "Ingen åpne rapporter. 🎉",
        "open_count_one": "1 åpen rapport",
        "open_count": "{count} åpne rapporter",
        "open_intro": "{count}, de mest presserende først, så de som har ventet lengst.",
        "open_intro_part": (
            "{count}, de mest presserende først, så de som har ventet lengst: {first} til {end}"
            " vises."
        ),
        "open_more": "{count} til: {refs}. `{command}` viser de {next} neste.",
        "open_past": "{count} fyller {pages} side(r): `{command}` er den siste.",
        "no_such_report": "Det finnes ingen rapport {ref}.",
        "notes_title": "Alle {count} som meldte {ref}, og hva de skrev",
        "notes_more": (
            "{count} til vises ikke her på grunn av meldingens størrelse: en administrator"
            " lister dem med `socialbot reports list --json`."
        ),
    },
    "nl": {
        "not_a_manager": (
            "Bedankt voor het opletten! Alleen de socialemediamanagers kunnen"
            " meldingen behandelen of ze allemaal zien; `{command}` toont de jouwe."
        ),
        "report_closed": "{ref} is al gesloten ({status}).",
        "report_gone": "Ik kan die melding niet meer vinden.",
        "snooze_gone": "Die uitstelknop is niet meer geldig.",
        "remind_count": "{count} meldingen wachten op het socialemediateam.",
        "remind_waited": "{ref} ({urgency}) wacht al {waited} zonder te zijn gezien.",
        "remind_open": "{ref} ({urgency}) staat nog open, {waited} nadat het werd gemeld.",
        "remind_more": "En nog {count}: {refs}. `{command}` toont ze allemaal.",
        "remind_summary": "{count} meldingen wachten: {lines}",
        "button_snooze": "{hours} u uitstellen",
        "span_now": "minder dan een minuut",
        "span_minutes": "{n} min",
        "span_hour_one": "1 uur",
        "span_hours": "{n} uur",
        "span_day_one": "1 dag",
        "span_days": "{n} dagen",
        "snoozed": "Herinneringen over {ref} zijn {hours} u uitgesteld.",
        "snooze_stopped": "{ref}: {status}; de herinneringen om het te bekijken zijn gestopt.",
        "resolve_title": "{ref} afhandelen",
        "resolve_outcome": "Uitkomst",
        "resolve_note": "Notitie voor het dossier",
        "resolve_choose": "Kies hoe het is afgelopen.",
        "assign_title": "{ref} toewijzen",
        "assign_manager": "Socialemediamanager",
        "assign_submit": "Toewijzen",
        "assign_choose": "Kies een van de socialemediamanagers.",
        "open_none": "Geen open meldingen. 🎉",
        "open_count_one": "1 open melding",
        "open_count": "{count} open meldingen",
        "open_intro": "{count}, de dringendste eerst, dan die het langst wachten.",
        "open_intro_part": (
            "{count}, de dringendste eerst, dan die het langst wachten: {first} tot en met {end}"
            " getoond."
        ),
        "open_more": "Nog {count}: {refs}. `{command}` toont de volgende {next}.",
        "open_past": "{count} passen op {pages} pagina('s): `{command}` is de laatste.",
        "no_such_report": "Er is geen melding {ref}.",
        "notes_title": "Alle {count} melders van {ref} en wat ze schreven",
        "notes_more": (
            "Nog {count} worden hier niet getoond vanwege de grootte van het bericht: een"
            " beheerder toont ze met `socialbot reports list --json`."
        ),
    },
    "fr": {
        "not_a_manager": (
            "Merci de votre vigilance ! Seuls les responsables réseaux sociaux"
            " peuvent traiter les signalements ou les voir tous ; `{command}` affiche les vôtres."
        ),
        "report_closed": "{ref} est déjà clos ({status}).",
        "report_gone": "Je ne trouve plus ce signalement.",
        "snooze_gone": "Ce bouton de report n'est plus valable.",
        "remind_count": "{count} signalements attendent l'équipe réseaux sociaux.",
        "remind_waited": "{ref} ({urgency}) attend depuis {waited} sans avoir été vu.",
        "remind_open": "{ref} ({urgency}) est toujours ouvert, {waited} après son signalement.",
        "remind_more": "Et {count} de plus : {refs}. `{command}` les affiche tous.",
        "remind_summary": "{count} signalements attendent : {lines}",
        "button_snooze": "Reporter de {hours} h",
        "span_now": "moins d'une minute",
        "span_minutes": "{n} min",
        "span_hour_one": "1 heure",
        "span_hours": "{n} heures",
        "span_day_one": "1 jour",
        "span_days": "{n} jours",
        "snoozed": "Rappels sur {ref} reportés de {hours} h.",
        "snooze_stopped": "{ref} : {status} ; les rappels pour le marquer comme vu ont cessé.",
        "resolve_title": "Traiter {ref}",
        "resolve_outcome": "Issue",
        "resolve_note": "Note pour le dossier",
        "resolve_choose": "Choisissez comment cela s'est terminé.",
        "assign_title": "Attribuer {ref}",
        "assign_manager": "Responsable réseaux sociaux",
        "assign_submit": "Attribuer",
        "assign_choose": "Choisissez l'un des responsables réseaux sociaux.",
        "open_none": "Aucun signalement ouvert. 🎉",
        "open_count_one": "1 signalement ouvert",
        "open_count": "{count} signalements ouverts",
        "open_intro": "{count}, les plus urgents d'abord, puis ceux qui attendent depuis le plus"
        " longtemps.",
        "open_intro_part": (
            "{count}, les plus urgents d'abord, puis ceux qui attendent depuis le plus longtemps :"
            " {first} à {end} affichés."
        ),
        "open_more": "{count} de plus : {refs}. `{command}` affiche les {next} suivants.",
        "open_past": "{count} tiennent sur {pages} page(s) : `{command}` est la dernière.",
        "no_such_report": "Il n'y a pas de signalement {ref}.",
        "notes_title": "Les {count} personnes qui ont signalé {ref} et ce qu'elles ont écrit",
        "notes_more": (
            "{count} de plus ne sont pas affichés ici, vu la taille du message : un administrateur"
            " les liste avec `socialbot reports list --json`."
        ),
    },
    "es": {
        "not_a_manager": (
            "¡Gracias por estar atento! Solo los responsables de redes sociales"
            " pueden gestionar los informes o verlos todos; `{command}` muestra los tuyos."
        ),
        "report_closed": "{ref} ya está cerrado ({status}).",
        "report_gone": "Ya no encuentro ese informe.",
        "snooze_gone": "Ese botón de posponer ya no es válido.",
        "remind_count": "{count} informes esperan al equipo de redes sociales.",
        "remind_waited": "{ref} ({urgency}) lleva {waited} esperando sin que nadie lo vea.",
        "remind_open": "{ref} ({urgency}) sigue abierto, {waited} después de informarse.",
        "remind_more": "Y {count} más: {refs}. `{command}` los muestra todos.",
        "remind_summary": "{count} informes esperan: {lines}",
        "button_snooze": "Posponer {hours} h",
        "span_now": "menos de un minuto",
        "span_minutes": "{n} min",
        "span_hour_one": "1 hora",
        "span_hours": "{n} horas",
        "span_day_one": "1 día",
        "span_days": "{n} días",
        "snoozed": "Recordatorios de {ref} pospuestos {hours} h.",
        "snooze_stopped": "{ref}: {status}; los recordatorios para marcarlo como visto terminaron.",
        "resolve_title": "Resolver {ref}",
        "resolve_outcome": "Resultado",
        "resolve_note": "Nota para el registro",
        "resolve_choose": "Elige cómo terminó.",
        "assign_title": "Asignar {ref}",
        "assign_manager": "Responsable de redes sociales",
        "assign_submit": "Asignar",
        "assign_choose": "Elige a uno de los responsables de redes sociales.",
        "open_none": "No hay informes abiertos. 🎉",
        "open_count_one": "1 informe abierto",
        "open_count": "{count} informes abiertos",
        "open_intro": "{count}, los más urgentes primero, luego los que llevan más esperando.",
        "open_intro_part": (
            "{count}, los más urgentes primero, luego los que llevan más esperando: se muestran"
            " del {first} al {end}."
        ),
        "open_more": "{count} más: {refs}. `{command}` muestra los {next} siguientes.",
        "open_past": "{count} caben en {pages} página(s): `{command}` es la última.",
        "no_such_report": "No hay ningún informe {ref}.",
        "notes_title": "Las {count} personas que informaron de {ref} y lo que escribieron",
        "notes_more": (
            "{count} más no se muestran aquí por el tamaño del mensaje: un administrador los"
            " lista con `socialbot reports list --json`."
        ),
    },
}

# The bot's words around an announcement, in the language it is written in.
_ANNOUNCEMENTS: dict[str, dict[str, str]] = {
    "en": {
        "ann_read_more": "Read more",
        "ann_spread": "**Help spread the word.** A post to start from, for each network:",
        "ann_from": "An announcement from {sender}.",
    },
    "da": {
        "ann_read_more": "Læs mere",
        "ann_spread": (
            "**Hjælp med at sprede budskabet.** Et opslag at starte fra, til hvert netværk:"
        ),
        "ann_from": "En meddelelse fra {sender}.",
    },
    "de": {
        "ann_read_more": "Mehr lesen",
        "ann_spread": (
            "**Hilf mit, es zu verbreiten.** Ein Beitrag als Anfang, für jedes Netzwerk:"
        ),
        "ann_from": "Eine Ankündigung von {sender}.",
    },
    "sv": {
        "ann_read_more": "Läs mer",
        "ann_spread": (
            "**Hjälp till att sprida ordet.** Ett inlägg att utgå från, för varje nätverk:"
        ),
        "ann_from": "Ett meddelande från {sender}.",
    },
    "nb": {
        "ann_read_more": "Les mer",
        "ann_spread": (
            "**Hjelp til med å spre budskapet.** Et innlegg å starte fra, for hvert nettverk:"
        ),
        "ann_from": "En kunngjøring fra {sender}.",
    },
    "nl": {
        "ann_read_more": "Lees meer",
        "ann_spread": (
            "**Help het nieuws te verspreiden.** Een bericht om mee te beginnen, per netwerk:"
        ),
        "ann_from": "Een aankondiging van {sender}.",
    },
    "fr": {
        "ann_read_more": "En savoir plus",
        "ann_spread": (
            "**Aidez à faire passer le message.** Une publication pour commencer, pour chaque"
            " réseau :"
        ),
        "ann_from": "Une annonce de {sender}.",
    },
    "es": {
        "ann_read_more": "Leer más",
        "ann_spread": "**Ayuda a difundirlo.** Una publicación para empezar, para cada red:",
        "ann_from": "Un anuncio de {sender}.",
    },
}

# What waits for the social media team: who holds a report when another manager presses
# "Assign to me", the DM to a manager whose report someone else took (handlers/reports/views.py:
# held, taken_from), the reports nobody acknowledged in the insights (handlers/insights/views.py).
_WAITING_FOR_TEAM: dict[str, dict[str, str]] = {
    "en": {
        "ins_reports_unacknowledged": "; {count} not acknowledged yet (the longest waiting {wait})",
        "held_by": "{who} holds {ref} already. Take it over? They will be told.",
        "button_take_over": "Take it over",
        "held_told": "{who}, who held it, has been told.",
        "taken_over": "{by} took over {ref} from you: it is no longer yours.",
        "given_away": "{by} gave {ref} to {who}: it is no longer yours.",
    },
    "da": {
        "ins_reports_unacknowledged": "; {count} endnu ikke set (den ældste har ventet {wait})",
        "held_by": "{who} har allerede {ref}. Vil du overtage den? {who} får besked.",
        "button_take_over": "Overtag den",
        "held_told": "{who}, som havde den, har fået besked.",
        "taken_over": "{by} har overtaget {ref} fra dig: den er ikke længere din.",
        "given_away": "{by} har givet {ref} til {who}: den er ikke længere din.",
    },
    "de": {
        "ins_reports_unacknowledged": (
            "; {count} noch nicht gesehen (die älteste wartet seit {wait})"
        ),
        "held_by": "{who} bearbeitet {ref} schon. Übernehmen? {who} wird benachrichtigt.",
        "button_take_over": "Übernehmen",
        "held_told": "{who}, bisher zuständig, wurde benachrichtigt.",
        "taken_over": "{by} hat {ref} von dir übernommen: Du bist nicht mehr zuständig.",
        "given_away": "{by} hat {ref} an {who} gegeben: Du bist nicht mehr zuständig.",
    },
    "sv": {
        "ins_reports_unacknowledged": "; {count} ännu inte sedda (den äldsta har väntat {wait})",
        "held_by": "{who} har redan {ref}. Vill du ta över den? {who} får veta det.",
        "button_take_over": "Ta över den",
        "held_told": "{who}, som hade den, har fått veta det.",
        "taken_over": "{by} har tagit över {ref} från dig: den är inte längre din.",
        "given_away": "{by} har gett {ref} till {who}: den är inte längre din.",
    },
    "nb": {
        "ins_reports_unacknowledged": "; {count} ennå ikke sett (den eldste har ventet {wait})",
        "held_by": "{who} har allerede {ref}. Vil du overta den? {who} får beskjed.",
        "button_take_over": "Overta den",
        "held_told": "{who}, som hadde den, har fått beskjed.",
        "taken_over": "{by} har overtatt {ref} fra deg: den er ikke lenger din.",
        "given_away": "{by} har gitt {ref} til {who}: den er ikke lenger din.",
    },
    "nl": {
        "ins_reports_unacknowledged": "; {count} nog niet gezien (de oudste wacht al {wait})",
        "held_by": "{who} heeft {ref} al. Overnemen? {who} krijgt een bericht.",
        "button_take_over": "Overnemen",
        "held_told": "{who}, die hem had, heeft een bericht gekregen.",
        "taken_over": "{by} heeft {ref} van je overgenomen: je hoeft er niets meer mee.",
        "given_away": "{by} heeft {ref} aan {who} gegeven: je hoeft er niets meer mee.",
    },
    "fr": {
        "ins_reports_unacknowledged": (
            " ; {count} pas encore pris en compte (le plus ancien attend depuis {wait})"
        ),
        "held_by": "{who} s'occupe déjà de {ref}. Le reprendre ? {who} sera prévenu.",
        "button_take_over": "Le reprendre",
        "held_told": "{who}, qui s'en occupait, a été prévenu.",
        "taken_over": "{by} a repris {ref} : vous ne vous en occupez plus.",
        "given_away": "{by} a confié {ref} à {who} : vous ne vous en occupez plus.",
    },
    "es": {
        "ins_reports_unacknowledged": (
            "; {count} aún sin ver (el más antiguo lleva {wait} esperando)"
        ),
        "held_by": "{who} ya se ocupa de {ref}. ¿Quieres quedártelo? Se le avisará.",
        "button_take_over": "Quedármelo",
        "held_told": "Se ha avisado a {who}, que se ocupaba de él.",
        "taken_over": "{by} se ha quedado con {ref}: ya no es tuyo.",
        "given_away": "{by} ha pasado {ref} a {who}: ya no es tuyo.",
    },
}

TEXTS: dict[str, dict[str, str]] = {
    code: {
        **_GUIDELINES[code],
        **_CHECKS[code],
        **_ASSISTANT[code],
        **_TEAMS[code],
        **_RESTARTED[code],
        **_HELP[code],
        **_DIGEST[code],
        **_DIGEST_OWN[code],
        **_SHARES[code],
        **_OWN_DATA[code],
        **_COMMAND_HELP[code],
        **_PREFERENCES[code],
        **_REPORTS[code],
        **_REPORT_LISTS[code],
        **_REPORT_FORM[code],
        **_TEAM_CARDS[code],
        **_TEAM_LISTS[code],
        **_ANNOUNCEMENTS[code],
        **_WAITING_FOR_TEAM[code],
        **_INSIGHTS[code],
        **_ANSWERS[code],
        **_CONSOLE[code],
    }
    for code in _GUIDELINES
}
# Locales of a client whose language the bot speaks under another code.
_LOCALES = {"no": "nb", "nn": "nb"}


def text_for(key: str, language: str, **fields: object) -> str:
    """A fixed sentence of the bot in `language` (English when it has no translation), with
    `fields` filled in."""
    text = TEXTS.get(language, TEXTS["en"])[key]
    return text.format(**fields) if fields else text


def text_or(key: str, language: str, default: str) -> str:
    """A fixed sentence of the bot in `language`, else `default` (English, as a command's
    registration says it)."""
    return TEXTS.get(language, TEXTS["en"]).get(key, default)


def language_of(locale: str) -> str:
    """The bot's language for a client's locale ("de-DE" → "de", "nn-NO" → "nb"), English when
    it speaks none of it."""
    code = locale.replace("_", "-").partition("-")[0].lower()
    code = _LOCALES.get(code, code)
    return code if code in TEXTS else "en"
