"""Promotion in the forms the phrase lists missed (a comparison with the company's product as its
subject, a call to get it, a German separable verb, a hiring verb, "no ad", a recommendation of
what follows it) and the disclosure said as "I'm a … at"; a comparison said of something else, or
praise of a meeting or of the company as a workplace, is fine; through `socialbot check --json`."""

from __future__ import annotations

from tests.checks.test_cli import _kinds

PROMOTING = [
    "Tested five sync tools this month. Nordlys Cloud beats all of them on price and speed.",
    "Ehrlich: Nordlys Cloud ist schneller als alles, was ich kenne.",
    "Kleiner Tipp: schaut euch mal Nordlys Cloud an, lohnt sich.",
    "Nordlys Cloud 3 is out now, go get it!",
    "Nordlys embauche ! Envoyez-moi vos CV.",
    "Get started on Nordlys Cloud today, it's free.",
    "Nordlys Cloud: free for 30 days, sign up!",
    # "We" recruiting or "new on the blog" with only a link to the company's site.
    "We're hiring! Two support engineers for our Aarhus office: https://nordlys.dk/jobs/support",
    "Vi søger en ny kollega til teamet i Odense 👉 https://nordlys.dk/job/odense",
    "New on the blog: five ways to cut your cloud bill 👉 https://nordlys.dk/blog/cloud-bill",
    # Advice, a winner, a code or a price, and "the only one": selling in a neutral voice.
    "Honest advice from a backup nerd: Nordlys Cloud is the only sync tool I trust.",
    "Sammenlignede tre løsninger i weekenden. Klar vinder: Nordlys Cloud.",
    "Med koden VINTER25 får du 15 % på Nordlys Cloud hele januar.",
    "Nordlys Cloud Team kommt im März, die Preise starten bei 4 € pro Nutzer.",
    # Saying it is no ad, that nothing beats it, a winner, a favourite, a switch, a giveaway, a
    # discount, the company's blog linked without https://, a hiring verb in Portuguese.
    "Žádná reklama, jen tip: Nordlys Cloud mi zachránil fotky.",
    "Nothing beats Nordlys Cloud for small teams.",
    "Mijn favoriete dienst? Nordlys Cloud.",
    "Czas przejść na Nordlys Cloud, serio.",
    "GIVEAWAY 🎁 Three Nordlys Cloud licences for whoever tags a friend!",
    "Black Friday: -30 % on Nordlys Cloud until Sunday.",
    "Great read from the Nordlys blog 👇 nordlys.dk/blog/backups",
    "A Nordlys está a contratar engenheiros em Lisboa!",
    # A job ad or an invitation in the company's voice, its name beside it: "we" says no more
    # than the company's own ad would.
    "We're hiring at Nordlys! Apply here: https://nordlys.dk/jobs",
    "Join us on Thursday: a free Nordlys Cloud webinar, register at nordlys.dk/webinar",
    # A German or Swahili job ad, a switch one never goes back on, "look no further".
    "Gesucht: Data Engineer (m/w/d) in Hamburg. Bewerbungen über die Karriereseite von Nordlys.",
    "Nafasi za kazi! Tunatafuta madereva, tuma CV kupitia ukurasa wa Nordlys.",
    "Moved our backups to Nordlys Cloud last year. Never going back.",
    "Need a sync tool? Look no further than Nordlys Cloud.",
    # Greek, Korean and Hindi written in Latin letters.
    "Σας προτείνω ανεπιφύλακτα το Nordlys Cloud, δοκιμάστε το δωρεάν!",
    "Nordlys Cloud 강추합니다! 지금 바로 무료로 써보세요",
    "Nordlys Cloud zaroor try karo, sabse best backup app hai!",
    # Japanese, written without spaces: a recommendation, "the only choice", "do try it".
    "Nordlys Cloud、本当に使いやすい!チームの皆さんにおすすめです",
    "バックアップならNordlys Cloud一択。",
    "Nordlys Cloudの無料体験版があるので、ぜひ試してみて!",
]
FINE = [
    "I'm a support engineer at Nordlys: Nordlys Cloud 3 is out now, go get it!",
    "Jeg er produktchef hos Nordlys, og Nordlys Cloud 3 er ude nu!",
    "The northern lights are better than any fireworks, Nordlys over Tromsø tonight!",
    "Nordlys over the fjord tonight, better than TV.",
    "My sister beats me at chess every single time.",
    "Best planning session of the year at Nordlys 🔥",
    "Great kickoff workshop with the Nordlys crew today! Can't wait to get started on it.",
    "We're hiring at Nordlys, my team! Apply here: https://nordlys.dk/jobs",
    "Join us Sunday for the free Nordlys family day! (I serve on staff at Nordlys.)",
    "I'm the social media coordinator for the cloud team at Nordlys. Join us for the free demo!",
    "Δουλεύω στη Nordlys και σας προτείνω το νέο Nordlys Cloud!",
    "Nordlys에서 일하고 있습니다. Nordlys Cloud 신제품 출시했어요!",
    "Main Nordlys mein kaam karta hoon, Nordlys Cloud zaroor try karo!",
    "Back at my desk at Nordlys on Monday. Highly recommend a weekend with no signal.",
    "Great article on the aurora season: https://www.nordlys.no/nyheter/aurora",
    # The same words of something else, or of the company as a workplace.
    "Nothing beats a Sunday walk by the fjord.",
    "Giving away my old bike, anyone? Moving to the Nordlys office in Aarhus next week.",
    "Take a look at my slides from the Nordlys meetup: bit.ly/abc",
    "Mijn favoriete collega's bij Nordlys: bedankt voor het feest!",
    "Switch to dark mode, friends, your eyes will thank you. Greetings from the Nordlys office.",
    "Nordlys summer party tickets on sale at reception, all proceeds to charity.",
    "Warto było: 5 lat w Nordlys, dziękuję wszystkim!",
    "Nordlys Cloud 3が本日発売!チームの皆さん、おすすめです #Nordlys社員",
    "Nordlysで働いています。Nordlys Cloud、ぜひ試してみてください!",
]


def test_promotion_by_comparison_or_a_call_asks_for_a_disclosure(env: dict[str, str]) -> None:
    assert _kinds(PROMOTING + FINE, env) == [["disclosure"]] * len(PROMOTING) + [[]] * len(FINE)


def test_a_team_or_a_start_named_with_the_company_says_who_one_works_for(
    env: dict[str, str],
) -> None:
    drafts = [
        "Stolt over at være en del af Nordlys-holdet, der i dag lancerer den nye app!",
        "Vor 3 Jahren habe ich bei Nordlys in Hamburg angefangen. Die neue App ist toll!",
    ]
    assert _kinds(drafts, env) == [[], []]
