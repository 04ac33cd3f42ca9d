"""A message starting with a command word runs that command: Teams has no slash commands, and
Slack direct messages and mentions understand the same words.

The words come from the core's registry, so the manifest's command list and the routing of
messages cannot drift apart; `typed` says a command as each platform's people type it, for
every hint the bot gives.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from content_feed.text import DIRECTION_MARKS

if TYPE_CHECKING:  # commands.py says its hints with `typed`: no import back at run time
    from handlers.commands import Commands, SlashCommand

# The words people type in a message (and Teams users see in the command menu): word →
# (command, its text). Each is offered only while the core has that command (and
# subcommand), so the manifest stays true.
ALIASES: dict[str, tuple[str, str]] = {
    "report": ("report-mention", ""),
    "ask": ("guidelines", ""),
    "announce": ("announce", ""),
    "preferences": ("socialbot", "preferences"),
    "digest": ("socialbot", "digest"),
    "insights": ("socialbot", "insights"),
    "help": ("socialbot", "help"),
    "stop": ("socialbot", "stop"),
    "unsubscribe": ("socialbot", "stop"),
    "mute": ("socialbot", "mute"),
    "unmute": ("socialbot", "unmute"),
}
# The same words in the other languages the bot speaks, as its texts there name what they run
# (a German digest is an "Übersicht", its preferences "Einstellungen"): language → word → the
# English word it stands for. Understood in a message from anyone, whatever their language;
# never in the command menu (the manifest's words are English). "Help" in each is a greeting
# (handlers/core.py), answered in the word's language.
WORDS_IN: dict[str, dict[str, str]] = {
    "da": {
        "indstillinger": "preferences", "oversigt": "digest", "pause": "mute",
        "genoptag": "unmute", "afmeld": "unsubscribe", "meld": "report", "anmeld": "report",
    },
    "de": {
        "einstellungen": "preferences", "übersicht": "digest",
        "pausieren": "mute", "pause": "mute", "fortsetzen": "unmute", "stopp": "stop",
        "abbestellen": "unsubscribe", "abmelden": "unsubscribe", "melden": "report",
        "melde": "report",
    },
    "sv": {
        "inställningar": "preferences", "sammanfattning": "digest",
        "pausa": "mute", "återuppta": "unmute", "stoppa": "stop", "rapportera": "report",
    },
    "nb": {
        "innstillinger": "preferences", "oversikt": "digest", "pause": "mute",
        "gjenoppta": "unmute", "stopp": "stop", "meld": "report", "rapporter": "report",
    },
    "nl": {
        "voorkeuren": "preferences", "instellingen": "preferences",
        "overzicht": "digest", "pauzeren": "mute", "pauze": "mute", "hervatten": "unmute",
        "stoppen": "stop", "afmelden": "unsubscribe", "melden": "report", "meld": "report",
    },
    "fr": {
        "préférences": "preferences", "sélection": "digest", "pause": "mute",
        "reprendre": "unmute", "arrêter": "stop", "désabonner": "unsubscribe",
        "signaler": "report",
    },
    "es": {
        "preferencias": "preferences", "resumen": "digest", "pausar": "mute",
        "pausa": "mute", "reanudar": "unmute", "detener": "stop", "parar": "stop",
        "reportar": "report", "denunciar": "report",
    },
}  # fmt: skip
# The digest's buttons as words: a message of the word alone runs them ("stop sharing this?"
# is a question), and the command menu (ten entries at most) leaves them out.
ALONE = frozenset({"stop", "unsubscribe", "mute", "unmute"})
# Where people type command words rather than slash commands.
WORDS_ONLY = frozenset({"teams"})
# What people type after an @mention of the bot ("@socialbot: report …", "@socialbot, report …",
# a Japanese IME's full-width colon, a direction mark a right-to-left client puts after the name).
SALUTATION = f"[\\s{DIRECTION_MARKS}]*[:,;\uff1a\uff0c\u3001]?"
# Words that ask for a report in a sentence ("can you report https://…?", "bitte melden"): a
# link in such a message is offered for a report, never taken for a question alone.
REPORTING = frozenset(
    ("report", "reporting", "reported", "melde", "melden", "rapporter", "rapporteer",
     "rapporteren", "anmeld", "anmelde", "signaler", "signalez", "reportar", "denunciar")
)  # fmt: skip
_AROUND = "()[]{}\"'.,;:!?"
# Commands that people there start with a word of the capability's own (the prefix it listens
# for with `Core.on_prefix`), so the help and every hint say that word.
PREFIXED = {"check-post": "check:"}
# Commands whose words after them are a link and a note (`report <link> [note]`): a sentence
# without a link after the word ("Report on Q3 results: may I…?") is a question.
LINKED = frozenset({"report-mention"})
# A word typed as a link: with a scheme, "www.", or a host and a path ("x.com/p/1").
_LINK = re.compile(r"^<?(?:[a-z][a-z0-9+.-]*://|www\.|(?:[\w-]+\.)+[a-z]{2,63}/)", re.IGNORECASE)
# What may follow a command word as its argument (`insights 30d`, `insights last 30 days`,
# `report list`, `help me`): a word or two besides numbers, not a sentence ("Digest items: may
# I…", "Preferences aside, can I…").
_ARGUMENT_WORDS = 2
_SENTENCE = re.compile(r"[?\uff1f]|[:,;\uff1a\uff0c]\s|[:,;\uff1a\uff0c]$")
# A sentence that asks for a check of the draft after it ("Check this post: …", "can you
# check my post? …", "Kannst du meinen Beitrag prüfen? …", "is this post ok? …"): a few words
# with a verb of checking and a word for a post (or the verb alone: "check - …"), then a colon,
# a question mark, a dash or a line break, then the draft.
_CHECK_STEM = (
    r"\b(?:check|review|proofread|look (?:at|over)|tjek|prüf|überprüf|kolla|granska|sjekk"
    r"|controleer|nakijk|vérifi|relis|revis|comprueb)"
)
_CHECK_VERB = _CHECK_STEM + r"\w*"
# The verb alone as a request ("check please", "prüfen", "vérifier"), not a word that starts
# alike ("checkin").
_CHECK_ALONE = _CHECK_STEM + r"(?:e|en|er|es|a|ar|ez)?"
_POST_NOUN = (
    r"\b(?:post|draft|text|tweet|caption|update|opslag|indlæg|beitrag|entwurf|inlägg|utkast"
    r"|innlegg|bericht|concept|brouillon|texte|publicaci[oó]n|borrador)\b"
)
_ASKS_FOR_CHECK = (
    re.compile(f"^(?=.*{_CHECK_VERB})(?=.*{_POST_NOUN})", re.IGNORECASE),
    re.compile(f"^(?:please |pls )?{_CHECK_ALONE}(?: please)?$", re.IGNORECASE),
    re.compile(f"^is (?:this|my) (?:\\w+ )?{_POST_NOUN} (?:ok|okay|fine|alright)", re.IGNORECASE),
)
# A question about what the asker may do ("Can I post a review of …?", "May I proofread a
# colleague's post?", "Darf ich …"): one for the guidelines, however it speaks of posts.
_ASKER_ASKS = re.compile(
    r"^(?:(?:can|could|may|might|should|shall|must|do|would|am|are) (?:i|we)\b"
    r"|is it (?:ok|okay|alright|fine|allowed|wise)\b"
    r"|(?:kan|må|skal|bør|får|ska|mag|moet|mogen|darf|kann|soll|muss|dürfen|können|sollen)"
    r" (?:jeg|jag|ik|we|vi|ich|wir|man)\b"
    r"|(?:puis-je|peux-je|dois-je|est-ce que je|puedo|debo|podemos|posso|devo|podemos)\b)",
    re.IGNORECASE,
)
_DRAFT_AFTER = re.compile(r"\s*(?:[:?!\uff1a\uff1f]+|\s[-\u2013\u2014]|\n)\s*")
_ASKING_WORDS = 9
# How close a one-word message must be to a command word to be taken for it ("prefrences").
NEAR = 0.75
_NEAR_SHORTEST = 4
_NEAR_LETTERS = 2


def typed(platform: str, command: str, text: str = "") -> str:
    """The command `command` with `text` as people on `platform` type it: `/socialbot
    preferences` in Slack and on the console, `preferences` in Teams (its command menu's word)."""
    if platform not in WORDS_ONLY:
        return f"/{command} {text}".rstrip()
    if command in PREFIXED:
        return f"{PREFIXED[command]} {text}".rstrip()
    first, _, rest = text.partition(" ")
    for word, (name, sub) in ALIASES.items():
        if name == command and sub and sub == first:
            return f"{word} {rest}".rstrip()
    for word, (name, sub) in ALIASES.items():
        if name == command and not sub:
            return f"{word} {text}".rstrip()
    return f"{command} {text}".rstrip()


@dataclass(frozen=True)
class CommandWord:
    """A word a person can type in a message (or pick from the command menu) and what it runs."""

    word: str
    command: str
    text: str
    description: str
    listed: bool = True  # in the manifest's command menu (not when an alias stands for it)
    alone: bool = False  # runs only when it is the whole message


def _summary(command: SlashCommand, text: str) -> str | None:
    """What `command` does with `text`: its summary, or its subcommand `text`'s; None when it
    has no such subcommand."""
    # A command with subcommands runs a `Subcommands`, which lists their summaries.
    summaries: dict[str, str] | None = getattr(command.run, "summaries", None)
    if not text or summaries is None:
        return command.summary
    return summaries.get(text)


# Every alias word, English first, with the English word it stands for.
_ALIAS_WORDS = {
    **{word: word for word in ALIASES},
    **{word: english for words in WORDS_IN.values() for word, english in words.items()},
}


def command_words(commands: Commands) -> Iterator[CommandWord]:
    """Every command word: the aliases whose command exists (English, then in the other
    languages: WORDS_IN), then each registered command."""
    registered = {command.name: command for command in commands}
    aliased: set[str] = set()
    for word, english in _ALIAS_WORDS.items():
        name, text = ALIASES[english]
        target = registered.get(name)
        summary = _summary(target, text) if target is not None else None
        if target is not None and summary is not None:
            if not text:
                aliased.add(name)
            said = f"{word} {target.usage}" if not text else word
            description = f"{summary}: {said}".rstrip()
            listed = word in ALIASES and english not in ALONE
            yield CommandWord(word, name, text, description, listed, english in ALONE)
    for command in commands:
        description = f"{command.summary}: {typed('teams', command.name, command.usage)}"
        yield CommandWord(command.name, command.name, "", description, command.name not in aliased)


# What may come before a message's first word: spaces of any kind and direction marks.
_OPENING = re.compile(f"^[\\s{DIRECTION_MARKS}]+")


def after_word(text: str, word: str) -> str | None:
    """What follows `word` (a lower-case command word or prefix, "check:") when `text` starts
    with it as people type it: after spaces and direction marks, in any case, in full-width
    letters or with a Japanese IME's full-width colon (U+FF1A); None when it does not."""
    text = _OPENING.sub("", text)
    head = unicodedata.normalize("NFKC", text[: len(word)]).lower()
    return text[len(word) :] if head == word else None


def parse_command(
    text: str, commands: Commands, *, with_files: bool = False
) -> tuple[str, str] | None:
    """`(command, rest)` when `text` starts with a command word (`help`, `/socialbot help`),
    whatever space follows it: a line break, a no-break space, a Japanese ideographic space.
    A word without a slash runs its command only when what follows fits it (`fits`): "Help me
    understand: can I…?" is a question. `with_files`: the message came with files (a report's
    screenshot)."""
    word, rest = [*_OPENING.sub("", text).split(maxsplit=1), "", ""][:2]
    word = unicodedata.normalize("NFKC", word)
    key, rest = word.removeprefix("/").lower(), rest.rstrip()
    slash = word.startswith("/")
    registered = {command.name: command for command in commands}
    for candidate in command_words(commands):
        if candidate.word != key or (candidate.alone and rest):
            continue
        if slash or fits(registered[candidate.command], candidate.text, rest, with_files):
            return candidate.command, " ".join(part for part in (candidate.text, rest) if part)
        return None
    # A slash means a command was meant: let the core answer with its usage and a suggestion.
    return (key, rest) if slash and key else None


def fits(command: SlashCommand, sub: str, rest: str, with_files: bool = False) -> bool:
    """Whether `rest`, typed after a command word without a slash, is for `command` (its
    subcommand `sub`, when the word stands for one): nothing, or a word or two of argument
    (`insights 30d`, `report list`), one of its subcommands (`announce list`, `socialbot feeds
    add …`), a link after `report`, anything after `ask` and `check-post` (the question, the
    draft). Anything else is a sentence that begins with the word: a question."""
    if not rest or (with_files and command.with_files is not None):
        return True
    words = rest.split()
    said = [word for word in words if not word.isdigit()]  # "last 30 days": a period
    argument = len(said) <= _ARGUMENT_WORDS and not _SENTENCE.search(rest)
    subcommands: list[str] | None = getattr(command.run, "words", None)
    if sub or command.name in LINKED:
        linked = command.name in LINKED and any(_LINK.match(w.strip(_AROUND)) for w in words)
        return argument or linked
    if subcommands is not None:
        return argument or words[0].lower() in subcommands
    return True


# A request to be forgotten, or to see one's data, in the languages the bot speaks ("Please
# delete all my data", "forget me", "Lösch meine Daten"): language → pattern, at the start of
# a short message (after a greeting or "please"), outside quotes: "A customer commented
# 'delete all my data' under our post" is a guideline question.
_OWN_DATA = {
    "en": r"\bforget me\b|\b(?:delete|erase|remove|wipe)(?: all)? (?:of )?my (?:personal )?data\b"
    r"|\bwhat (?:data )?do you (?:have|keep|store|know) (?:about|on|of) me\b",
    "da": r"\bglem mig\b|\bslet(?: alle)? mine (?:person)?(?:data|oplysninger)\b",
    "de": r"\bvergiss mich\b|\blösch\w*(?: alle)? meine (?:persönlichen )?daten\b"
    r"|\bmeine daten (?:löschen|entfernen)\b",
    "sv": r"\bglöm mig\b|\b(?:radera|ta bort)(?: alla)? mina (?:personuppgifter|data|uppgifter)\b",
    "nb": r"\bglem meg\b|\bslett(?: alle)? mine (?:person)?(?:data|opplysninger)\b",
    "nl": r"\bvergeet (?:mij|me)\b|\bverwijder(?: al)? mijn (?:persoons)?gegevens\b",
    "fr": r"\boubliez?-moi\b|\bsupprim\w*(?: toutes)? mes (?:données|informations)\b",
    "es": r"\bolvídame\b|\b(?:borr|elimin)\w*(?: todos)? mis datos\b",
}
_OWN_DATA_LEAD = (
    r"^(?:(?:hi|hey|hello|hej|hallo|hola|bonjour|salut|dear|bot|socialbot|please|pls|kindly"
    r"|bitte|venligst|vennligst|snälla|alsjeblieft|svp|por favor|can you|could you|would you"
    r"|kannst du|kan du|kun je|peux-tu|pouvez-vous|puedes)[\s,.:;!-]+)*(?:"
)
_OWN_DATA_PATTERNS = {
    code: re.compile(f"{_OWN_DATA_LEAD}{pattern})", re.IGNORECASE)
    for code, pattern in _OWN_DATA.items()
}
_OWN_DATA_WORDS = 20
# What someone else said, quoted: "…", “…”, „…“, «…», '…' (not an apostrophe: "I'm").
_QUOTED = re.compile(
    r"\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|(?<!\w)['\u2018][^'\u2019]*['\u2019](?!\w)"
)


def own_data_request(text: str) -> str | None:
    """The language of a message that asks the bot to forget the person or to say what it
    keeps about them ("Please delete all my data, I am leaving"); None for any other, and for
    a question of what the asker may do ("Can I delete my data from LinkedIn?")."""
    said = " ".join(unicodedata.normalize("NFKC", text).split())
    if len(said.split()) > _OWN_DATA_WORDS or _ASKER_ASKS.search(said):
        return None
    said = _QUOTED.sub(" ", said).strip()
    return next((code for code, p in _OWN_DATA_PATTERNS.items() if p.search(said)), None)


def check_request(text: str) -> str | None:
    """The draft when `text` asks in a sentence for it to be checked ("Check this post: …",
    "can you check my post? …"), "" when nothing follows the request ("can you check my
    post?"); None when it asks nothing of the kind."""
    text = unicodedata.normalize("NFKC", _OPENING.sub("", text)).lstrip("¿¡")
    apart = _DRAFT_AFTER.search(text)
    if apart is None:
        return None
    asking = " ".join(text[: apart.start()].split())
    if (
        len(asking.split()) > _ASKING_WORDS
        or _ASKER_ASKS.search(asking)
        or not any(pattern.search(asking) for pattern in _ASKS_FOR_CHECK)
    ):
        return None
    return text[apart.end() :].strip().strip("\"“”„«»'")


def near_command_word(
    text: str, commands: Commands, language: str | None = None
) -> CommandWord | None:
    """The command word a one-word message is a near miss of ("prefrences"), or None: not a
    word asked about ("Reposts?"), nor one longer or shorter by more than a typo's letters
    ("Announcements" is a topic, not `announce`), nor a word of a topic of the guidelines in a
    language the bot reads ("Repost" is no typo of `report`). Near misses are of the English
    words and those of the person's `language` only: an English "Resume" is no typo of the
    Spanish `resumen` (typed exactly, every language's word runs)."""
    if "?" in text or "\uff1f" in text:
        return None
    word = unicodedata.normalize("NFKC", text.strip().strip(_AROUND)).lower()
    if len(word) < _NEAR_SHORTEST or " " in word or is_topic_word(word):
        return None
    found = {
        candidate.word: candidate
        for candidate in command_words(commands)
        if abs(len(candidate.word) - len(word)) <= _NEAR_LETTERS
        and not _of_another_language(candidate.word, language)
    }
    close = difflib.get_close_matches(word, list(found), n=1, cutoff=NEAR)
    return found[close[0]] if close and close[0] != word else None


def _of_another_language(word: str, language: str | None) -> bool:
    """Whether a command word is one of another language's than `language` (WORDS_IN), not an
    English word nor a command's name."""
    if word in ALIASES or word in WORDS_IN.get(language or "", {}):
        return False
    return any(word in words for words in WORDS_IN.values())


def is_topic_word(word: str) -> bool:
    """Whether a lower-case word is one the guidelines' lexicon knows in a language the bot
    reads ("repost", "annonce"): a real word, never a typo of a command word."""
    # Imported here: the guidelines' package imports the commands, which import this module.
    from handlers.guidelines.language import LANGUAGES, stem
    from handlers.guidelines.lexicon import ideas

    return any(ideas(word, stem(word, code), code) for code in LANGUAGES)


def offered_words(text: str) -> list[str]:
    """The words of a message a capability may offer something for ("Report it"): the message
    when it is one word (a lone link), else each word when it speaks of reporting ("please
    report https://x.com/… it is rude"), as a question with a link is not one to answer alone."""
    words = text.split()
    if len(words) <= 1:
        return words
    if not any(word.strip(_AROUND).lower() in REPORTING for word in words):
        return []
    return [word.strip(_AROUND) for word in words]


def said_to_bot(text: str, after: str | None, commands: Commands) -> str:
    """What a message that @mentions the bot says to it: `text` (the mentions taken out), or
    the words after the mention (`after`: None when none come before it) when only those
    start with a command word ("Hi @socialbot report …")."""
    if after and not parse_command(text, commands) and parse_command(after, commands):
        return after
    return text
