"""Everyday posts that look like a reply to criticism, and real replies, through `socialbot check`
(review4 1-3)."""

from __future__ import annotations

from typing import Any

from tests.checks.test_cli import _answers

# review4's drafts: a flat denial or a pushback word said to a friend (1), an apology with
# "message us" and no complaint (2), "to everyone who / regarding your" with a medium (3).
FINE = [
    "@lars we didn't make it to the concert, traffic was terrible",
    "@maria we did not forget your birthday, the cake is coming!",
    "@jonas vi har aldrig været i Rom, tips modtages",
    "@julie on n'a jamais vu ça, quelle soirée !",
    "@pieter we hebben nooit zo gelachen, bedankt voor het feest",
    "@ole wir haben nie so viel Schnee gesehen!",
    "@sophie no idea what you're talking about, I never borrowed your charger :)",
    "@julie je n'ai jamais essayé le ski, tu m'apprends ?",
    "@sanne ik heb nog nooit geprobeerd te surfen, wie gaat mee?",
    "@marc c'est ridicule comme il fait chaud aujourd'hui",
    "@eva onzin, jij bent de beste kok van ons team!",
    "@jens where did you get that jacket? Love it!",
    "@mette hvor har du det fra? Den kjole er fantastisk",
    "@sanne waar haal je dat vandaan? Die taart ziet er heerlijk uit!",
    "@leo try reading the book first, it's so much better than the film",
    "@ana lies die Anleitung nicht, einfach ausprobieren, macht Spaß!",
    "@kim I've never used chopsticks properly, teach me!",
    "Vi har aldri sett så mye nordlys som i Tromsø i år!",
    "So sorry we missed your party, Lisa! Message us the photos please.",
    "Sorry for the late invite everyone: email us if you can make it to our wedding!",
    "Désolée pour le retard, je t'envoie les photos en dm.",
    "Sorry voor de late reactie! Stuur ons je adres voor de kerstkaart.",
    "Our apologies for the noise last night, neighbours! Contact us directly if it bothers you.",
    "Undskyld for larmet i går, kontakt os hvis det var for meget 🙏",
    "@tom sorry for the mess at the barbecue, the delivery of the new grill was late",
    "Finally had time for a rant about my neighbour's leaf blower, to everyone who has one: sorry!",
    "To everyone who came to the party: thank you! That video of us dancing is hilarious.",
    "@mia regarding your blog post on sourdough: loved it, trying it this weekend!",
    "To the guy who filmed the concert last night: your video is amazing, please share!",
    "À tous ceux qui ont lu l'article sur notre club de lecture : merci, "
    "les critiques étaient super !",
    "Aan iedereen die het artikel over onze buurtmoestuin las: bedankt voor de lieve reacties!",
]
# Replies to criticism that the narrower phrases still catch: a denial about the company, its
# service or a post, an apology that takes a customer's trouble to a private message.
REPLIES = [
    "@techfan we never sold your data, Nordlys takes privacy seriously.",
    "@kunde42 we didn't lose your files, our servers were up the whole time.",
    "@julie_b on n'a jamais perdu de données, notre service fonctionne très bien.",
    "@klant_boos onzin, onze helpdesk reageert altijd binnen een uur.",
    "Replying to that blog post about Nordlys: we never said the app was free.",
    "To the guy who wrote that thread about our outage: no idea what you're talking about.",
    "@sarah_writes so sorry about the delay with your order! Drop us a DM and we'll sort it.",
    "@anna Undskyld for besværet med din faktura, kontakt os i en privat besked.",
    "Toutes nos excuses pour la gêne ! Envoyez-nous un message privé.",
]


def test_everyday_posts_are_no_reply_to_criticism(env: dict[str, str]) -> None:
    answers = _answers(FINE, env)
    assert [a["draft"] for a in answers if not a["ok"]] == []


def test_replies_to_criticism_are_still_flagged(env: dict[str, str]) -> None:
    answers = _answers(REPLIES, env)
    missed = [a["draft"] for a in answers if "reply_to_criticism" not in _kinds(a)]
    assert missed == []


def test_answering_a_message_is_no_reply_to_criticism(env: dict[str, str]) -> None:
    # "pique-nique" is read as a swear word (review4 5, another check): only this kind here.
    draft = "Réponse à ton message de ce matin : oui, je viens au pique-nique !"
    (answer,) = _answers([draft], env)
    assert "reply_to_criticism" not in _kinds(answer)


def _kinds(answer: dict[str, Any]) -> list[str]:
    """The kinds of concern in one answer of `socialbot check --json`."""
    return [concern["kind"] for concern in answer["concerns"]]
