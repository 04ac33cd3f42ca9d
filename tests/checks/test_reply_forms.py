"""Replies to criticism in the forms people write them (a group of critics addressed by what they
say, a rhetorical question, a quoted accusation denied, a complaint taken to one's own DMs), and
the everyday posts in the same forms that answer nobody; through `socialbot check --json`."""

from __future__ import annotations

import pytest

from bot.settings import DEFAULT_GUIDELINES
from handlers.checks.concerns import Context, Kind
from handlers.checks.review import OfflineReview
from handlers.guidelines.document import GuidelinesFile
from handlers.reports.links import keys
from tests.checks.test_cli import _kinds
from tests.checks.test_review import SETTINGS, TODAY

REPLIES = [
    "To everyone on Mastodon claiming Nordlys lost their files: nonsense, nothing was lost.",
    "Til alle der klager over vores priser: det passer slet ikke, vi er billigst.",
    "@grumpy_dev what are you even talking about? Our app has never crashed on me.",
    'Hej @kritiker, vi er ikke "en svindelbutik", Nordlys har kunder i hele Norden.',
    "Sorry for the trouble with the sync, DM me your account ID and I'll check. #nordlys",
    "Re: the thread about Nordlys support: simply not true, they answer within the hour.",
    "Pour ceux qui se plaignent de nos tarifs : comparez d'abord, nous sommes les moins chers.",
    "@kunde_123 du übertreibst, der Ausfall dauerte zehn Minuten.",
    "Naar aanleiding van de klachten over onze app: het ligt aan jullie wifi.",
    # Having seen the criticism, putting it right oneself.
    "Seeing a lot of complaints about the sync this week. For the record: it was our host's DNS.",
    "Jeg har set kritikken af Nordlys i dag. Vil bare sige at det er stærkt overdrevet.",
    "Ich sehe gerade viel Kritik an Nordlys. Zur Klarstellung: es lag am Rechenzentrum.",
    # Said to a critic by name, to what was written of the company, or under a piece.
    "Hej Mikael, jag läste ditt inlägg om att vår app kraschar. Det stämmer tyvärr inte alls.",
    "Beste mevrouw Jansen, u heeft het helaas mis: onze app werkt gewoon.",
    "Til deg som skrev at vi tar betalt for ingenting: sjekk fakta før du skriver sånt.",
    "The comments under that Politiken piece about our outage: our engineers fixed it in an hour"
    " and deserve better. Do better.",
    "So sorry to hear your sync stopped working again! DM me and I'll look into it today.",
    # Their words about the company quoted back to them, a heading that names their review or
    # comments, those who complain spoken of where they did.
    "Replying to @glasshater: 'overpriced junk'? Every Nordlys server is tested for a week.",
    "@marta_w napisałaś, że nasza aplikacja to „drogi szmelc”. Zapraszam na demo.",
    "Sobre los comentarios de ayer en Facebook: la app de Nordlys funciona, solo hay que"
    " actualizarla.",
    "Odnośnie opinii na Google: aplikacja Nordlys działa, wystarczy ją zaktualizować.",
    "De mensen die klagen over Nordlys in de reacties hebben de app nooit geopend.",
    "Tengo que responder a este hilo: no es verdad que Nordlys pierda archivos.",
    # Greeted by what they are to the company, or naming what the company is.
    "Estimado cliente: no es verdad que Nordlys cobre por el soporte.",
    "Drogi recenzencie, to nieprawda, aplikacja Nordlys działa.",
    "Een klant noemde onze app traag: dat klopt niet, Nordlys draait overal.",
    # Defending the company with the words that sell it: a reply, not a post to disclose in.
    "@techgrump Nordlys is not 'expensive junk'. Try the free demo and see for yourself.",
    # Critics addressed by their moaning, the company's name for them quoted, their piece called
    # one-sided, their expectations mocked, their review answered in Finnish, the staff defended.
    "To all of you on Facebook whining about the parking fees: it is free after six.",
    "Replying to the man who called us 'a rip-off': every price is on the website.",
    "Your article about Nordlys 'hiding outages' is one-sided. Every incident is published.",
    "Saw the thread calling our app 'spyware'. It's a sync client, what did you expect?",
    "Vastaus siihen arvosteluun: sovellus toimii ihan hyvin.",
    "Till dig som skrev att personalen i butiken var sur: de hade jobbat hela natten.",
    "To everyone ganging up on Nordlys after that podcast: the outage lasted ten minutes.",
    # One who knows the company from inside putting its critics right, a support answer by
    # someone who says where they work, a rebuttal "with respect", their word quoted and denied,
    # critics named by what they do.
    "Nordlys engineer here. The sync complaints in this thread are about version 2.1; update"
    " and they go away.",
    "Really sorry the app keeps crashing on your phone 😔 I work on the Nordlys support team: DM"
    " me your account ID and I'll sort it today.",
    "With respect, calling Nordlys Cloud 'unusable' in your review after one afternoon is not"
    " fair.",
    'Nej Sven, vi "skjuler" inte avgifter. Priset står på sidan.',
    "To everyone review-bombing Nordlys over the new login: it takes two seconds and keeps your"
    " files safe.",
    # Critics named first by what they say, the verb before a comma; Romanian, Ukrainian and
    # Japanese (written without spaces) replies.
    "Whoever wrote that our app loses files has never opened it.",
    "Wer behauptet, unsere App würde Dateien verlieren, hat sie nie benutzt.",
    "Ca răspuns la recenzia de ieri: nu este adevărat că Nordlys pierde fișiere.",
    "Cine spune că aplicația noastră e lentă nu a încercat versiunea nouă.",
    "Тим, хто пише, що Nordlys втрачає файли: це неправда.",
    "Nordlysの口コミで「遅い」と書いている方へ：事実と違います。",  # noqa: RUF001
    # Sarcasm at critics: agreement or praise said in scorn, about their complaint, whose fault
    # it is, or their words quoted.
    "Oh sure, blame Nordlys because your router died. Very fair. 👏",
    "Funny how everyone complaining about the Nordlys price in the comments spends more on coffee.",
    "Ah oui, bien sûr, c'est toujours la faute de notre appli quand le wifi tombe 🙄",
    'Tabii tabii, "Nordlys dosyaları siliyor" 🙄 Çok mantıklı, bravo.',
    'Eti Nordlys "wanaiba data" 😂 Endelea kutuchafua Twitter.',
    # A support answer to a customer by name about their parcel; a critic named by their trade;
    # the press told nobody asked; under someone's post; having seen the noise, from inside.
    "Hi Sara, I'm sorry your parcel is late. DM me the tracking number and I'll chase it today.",
    "Hallo Frau Berg, es tut mir leid, dass Ihre Sendung noch nicht da ist. Schicken Sie mir"
    " bitte die Sendungsnummer per Direktnachricht.",
    "Pole sana kwa kifurushi chako kuchelewa, nitumie nambari ya waybill kwa DM.",
    "Gentile signora Bianchi, capisco la sua frustrazione, ma il guasto era del router.",
    "That reporter who says Nordlys 'ignores security' should have called first.",
    "About today's story on the outage: nobody asked us. Call before you write.",
    "Replying under Lena's post since people keep tagging me: our servers were up all day.",
    "Stitching this video of the 'Nordlys ate my files' guy: that folder isn't even ours.",
    "Seeing a lot of noise about the sync this week. As someone who works on it: nothing is lost.",
    "Kwa wale wanaosema huduma yetu ni mbaya: si kweli, tunajibu ndani ya saa moja.",
    # Greek, Korean (its particles glued to its words) and Hindi written in Latin letters.
    "Σε όσους λένε ότι η εταιρεία μας κρύβει χρεώσεις: δεν ισχύει, όλες οι τιμές είναι online.",  # noqa: RUF001
    "별점 1점 주신 분께: 배송 지연은 사실이 아닙니다. 저희 기록을 확인해 주세요.",
    "Jo log keh rahe hain ki hamari app data bechti hai: ye bilkul galat hai.",
]
# The same forms, said to friends and family, or about something not the company's.
FINE = [
    "Sorry for the late reply @jens, the slides are attached.",
    "To everyone who came to the release party last night: thank you!",
    "Release party for Nordlys Cloud 2.0 tonight, great people!",
    "Maybe you should try the new bakery on Main Street, @anna!",
    "My kids keep complaining about our holiday plans, sigh.",
    "@lars maybe you should come to the gym with us, we never skip leg day.",
    'Dear @mum, we are not "too busy" to visit, see you Sunday!',
    "To all the people who helped us move: you are the best.",
    "Stop spreading the butter so thin, @ole 😂",
    "I see lots of posts about burnout lately. For the record, taking a break is fine.",
    "Saw the reviews of the new Bond film. For the record, I loved it.",
    "Hej Mikael, tack för en härlig middag i går!",
    "My brother wrote that we should visit in May, see you then!",
    "So sorry to hear your cat is unwell, @anna, give her a hug from me.",
    "@anna 'best sourdough in town'? I'll be the judge of that on Sunday 😄",
    "About the article on Nordlys in Børsen: proud of the whole team!",
    "Odnośnie komentarzy pod moim zdjęciem z wakacji: tak, to był Kraków 😄",
    "The people complaining about the weather in the comments need a holiday.",
    "Dear customer, the shop is closed on Monday for the holidays.",
    "My friend called our dog 'a sofa with legs' 😂",
    # Their comments or thread named, or their words quoted, with no complaint to answer.
    "About yesterday's thread: here are the slides from my talk at Nordlys.",
    'Replying to @anna: "great product"? Yes, and our app gets better in v2!',
    "To everyone in the office moaning about the rain: the sun is back tomorrow.",
    "My neighbours called us the loudest family on the street 😂",
    "What did you expect from a Monday? Coffee first.",
    "To everyone piling on the pasta at lunch: save some for me!",
    # Working there, having been there, saying no to a friend by name.
    "I work at Nordlys and helped build the new office garden 🌱 Come see it!",
    "I was there when Nordlys started in a garage, and the article in Børsen brings it all"
    " back. Proud!",
    "No Mark, I am not coming to the party in that costume 😂",
    "Sorry for the long silence, friends! I work in Lisbon now, message me for coffee.",
    "Those who said hello at our booth: thank you!",
    "Wer heute Abend kommt, sagt bitte kurz Bescheid!",
    "Mulțumesc tuturor celor care au venit la lansarea noastră!",
    "Дякую всім, хто прийшов на нашу зустріч у Львові!",  # noqa: RUF001
    "新入社員の方へ：Nordlysへようこそ！",  # noqa: RUF001
    # Scorn, sorrow, a journalist and someone's post with nothing of the company's to defend.
    "Funny how a week off makes Monday feel twice as long.",
    "Sure, blame it on the rain 🙄 #mondays",
    "Lost a whole afternoon to a missing semicolon 🙃 #devlife",
    "Hi Sara, I'm so sorry about your grandmother. DM me if you need anything.",
    "Replying under Lena's post: congrats on the new job!",
    "That journalist who interviewed me last week sent the article, what a fun day.",
    "Καλημέρα! Σε όσους έρχονται απόψε στο πάρτι, φέρτε καλή διάθεση.",
    "오늘 점심 정말 맛있었어요! 다음에 또 가요 😊",
    "Wah wah, aaj ki chai ekdum mast thi ☕",
]


def test_replies_in_other_forms_are_found_and_everyday_posts_in_them_are_fine(
    env: dict[str, str],
) -> None:
    assert _kinds(REPLIES + FINE, env) == [["reply_to_criticism"]] * len(REPLIES) + [[]] * len(FINE)


@pytest.mark.parametrize(
    "draft",
    [
        "Saw the review going around ({link}). For the record: the outage was short.",
        # Before a colon, in a language the criticism words do not know.
        "Sobre la reseña de {link}: el retraso no fue nuestro.",
    ],
)
def test_a_reported_link_in_brackets_with_www_is_the_report(draft: str) -> None:
    review = OfflineReview(GuidelinesFile(DEFAULT_GUIDELINES), SETTINGS, lambda: TODAY)
    link = "https://www.trustpilot.com/reviews/6751a2b3c4d5e6f7a8b9c0d1"
    draft = draft.format(link=link)
    (concern,) = review.check(draft, Context(open_report_keys=frozenset(keys((link,))))).concerns
    assert concern.kind is Kind.REPLY_TO_CRITICISM
    assert concern.report_link == link


def test_a_promotional_post_naming_a_thread_is_still_asked_to_disclose(
    env: dict[str, str],
) -> None:
    draft = "About yesterday's thread: our new Nordlys app is out and it is amazing, get it today!"
    assert _kinds([draft], env) == [["disclosure"]]
