"""The reply-to-criticism check: a draft that answers a complaint, a review or a reported post."""

from __future__ import annotations

import re
from collections.abc import Iterator

from handlers.checks.concerns import Concern, Kind, Span
from handlers.checks.text import phrase_pattern, sentence_at
from handlers.reports.links import keys, links_in
from handlers.texts import text_for

# Words that push back at someone (English, Danish, German, Swedish, Norwegian).
REBUTTAL = phrase_pattern(
    """not true|simply not|that's wrong|you're wrong|you are wrong|fake news|misinformation
    |disinformation|lies|lying|liar|liars|nonsense|you clearly|never used|do your homework
    |read the ticket|don't believe|do not believe|trolling|troll|full of mistakes
    |embarrassing|get your facts|just false|that's false|that is false|simply false|is false
    |completely false|untrue|misleading|spreading rumours|spreading rumors|spreading lies
    |total fiction|pure fiction|made up|made-up|you obviously|clearly never|no idea how
    |you haven't even|before you rant|you didn't even|shoddy
    |hit piece|clickbait|you're mistaken|you are mistaken|misinformed|baseless|unfounded
    |not the case|with all due respect|ikke tilfældet|grundløs|grundløse|ubegrundet
    |nicht der fall|haltlos|unbegründet|inte fallet|grundlöst|grundlösa|ikke tilfellet
    |grunnløs|grunnløse
    |ikke rigtigt|ikke sandt|forkert|løgn|løgne|løgner|vrøvl|fyldt med fejl|urimelig|urimeligt
    |klager offentligt|falske|passer ikke|passer simpelthen ikke|misvisende
    |usandt|fuld af fejl|lyver|er forkert|du har ikke engang|opdigtet
    |stimmt nicht|stimmt so nicht|stimmt so einfach nicht|einfach falsch|irreführend
    |falschinformation|falschinformationen|quatsch|unsinn|lüge|lügen|lügner|gelogen|keine ahnung
    |ist falsch|frei erfunden|du hast nicht einmal
    |stämmer inte|inte sant|lögn|lögner|ljuger|struntprat|full av fel|felaktigt|sprida lögner
    |desinformation|vilseledande|är fel|påhittat|inte ens testat|har inte ens
    |stemmer ikke|tøv|full av feil|feilaktig|sprer løgner|er feil
    |rett og slett feil|oppdiktet|har ikke engang"""
)
# What is being answered: a review, a complaint, critical coverage.
CRITICISM = phrase_pattern(
    """review|reviews|1-star|one-star|complaint|complaints|criticism|critique|bad press
    |that article|the article|your comment|your post|your tweet|trustpilot|glassdoor|kununu
    |anmeldelse|anmeldelsen|klage|klagen|kritik|kritikken|artiklen|din kommentar|dit opslag
    |bewertung|beschwerde|artikel|dein kommentar|deine bewertung
    |recension|recensionen|omdöme|klagomål|kritiken|artikeln|ditt inlägg
    |artikkelen|kommentaren din|innlegget ditt|accused us|accusing us
    |accuses us|negative comment|negative comments|bad review|beskylder os|beskyldte os
    |beschuldigt uns|vorwürfe|anklagar oss|beskyller oss|beskylder oss|anklager oss"""
)
# How a reply to it starts.
ANSWERING = phrase_pattern(
    """replying to|reply to|in reply to|response to|responding to|to everyone sharing
    |to all sharing|to the person who|to whoever wrote|to those sharing|to the journalist
    |to the reporter|til journalisten|an den journalisten|an die journalistin|till journalisten
    |svar til|som svar på
    |til alle der deler|til jer der deler|til dig der|til den der skrev|zu der|zu dem
    |antwort auf|an alle, die|an die person, die|till alla som delar|till dig som|svar till
    |til alle som deler|til deg som"""
)
# Answering a complaint kindly is still answering it ("even to defend the company").
APOLOGY = phrase_pattern(
    """sorry to hear|sorry for the trouble|sorry about your|we apologise|we apologize
    |we're sorry|we are sorry|ked af at høre|det er vi kede af|beklager ulejligheden
    |beklager oplevelsen|beklager problemet|beklager at høre|beklager det du|tut uns leid
    |entschuldigen sie|wir entschuldigen uns|tråkigt att höra|vi ber om ursäkt|leit å høre
    |vi beklager"""
)
_MENTION = re.compile(r"^\s*@\w+")


def criticism(
    draft: str, open_report_keys: frozenset[str], section: str, language: str = "en"
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
    rebuttal = REBUTTAL.search(draft) or (APOLOGY.search(draft) if _MENTION.match(draft) else None)
    answering = ANSWERING.search(draft)
    criticised = CRITICISM.search(draft)
    if (rebuttal and (_MENTION.match(draft) or criticised or answering)) or (
        answering and criticised
    ):
        found = rebuttal or answering
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


def _with_schemes(draft: str) -> str:
    """Links typed without https:// read as links too."""
    return re.sub(r"(?<![\w/])(?=(?:www\.)?[a-z0-9-]+\.(?:com|dk|de|net|org)/)", "https://", draft)


def _find_link(draft: str, link: str) -> tuple[int, int]:
    host_and_path = link.split("://", 1)[-1]
    at = draft.find(host_and_path[:30])
    if at < 0:
        return 0, len(draft)
    end = at
    while end < len(draft) and not draft[end].isspace():
        end += 1
    return max(0, draft.rfind(" ", 0, at) + 1), end
