"""The conditions under which a rule of the guidelines allows what it forbids ("unless
Communications has approved it", "without their consent", "before they are published"), and
whether a draft says the condition is met ("approved by comms", "she said yes", "from our
annual report"): a draft that says so breaks no such rule."""

from __future__ import annotations

import re

# A condition in a rule, by name: words that say something is allowed once approved, agreed to
# or public. In English, Danish, German, Swedish, Norwegian, Dutch, French, Italian, Spanish and
# Portuguese.
_UNLESS = (
    r"(?:unless|except|without|until|medmindre|med mindre|uden|undtagen|indtil|es sei denn|ohne"
    r"|außer|bis|såvida inte|om inte|utan|förrän|uten|tenzij|zonder|totdat|à moins que|sauf"
    r"|sans|jusqu['\u2019]à|a meno che|salvo|senza|finché|a menos que|sin|hasta|sem|até)"
)
RULE_CONDITIONS = {
    "approved": re.compile(
        rf"\b{_UNLESS}\b[^.;]{{0,80}}?\b(?:approv\w*|authori[sz]\w*|permission|clearance|cleared"
        r"|signed off|sign-off|godkend\w*|tilladelse|genehmig\w*|freigabe|freigegeben|godkänn\w*"
        r"|tillstånd|godkjen\w*|tillatelse|goedkeuring|goedgekeurd|toestemming|autorisation"
        r"|approbation|accord|autorizzazion\w*|approvazion\w*|permesso|autorización|aprobación"
        r"|permiso|autorização|aprovação)"
        r"|\b(?:must|should|needs? to|has to|have to)\s+(?:first\s+)?be\s+(?:\w+\s+)?(?:approved"
        r"|authori[sz]ed|cleared|signed off)\b",
        re.IGNORECASE,
    ),
    "consent": re.compile(
        rf"\b{_UNLESS}\b[^.;]{{0,80}}?\b(?:consent\w*|agree\w*|permission|samtykke|accept\w*"
        r"|einverständnis|einwilligung|zustimmung|erlaubnis|samtycke|toestemming|consentement"
        r"|accord|consenso|consentimiento|consentimento)"
        r"|\b(?:who|that) (?:have|has) not (?:agreed|consented|given (?:their )?(?:consent"
        r"|permission))",
        re.IGNORECASE,
    ),
    "public": re.compile(
        r"\b(?:before|until|bevor|vor|innan|før|voordat|avant|prima che|antes de|antes que)\s+"
        r"(?:(?:they|it|these|this|we|the company|sie|es|de|det|ze|het|ils|elles|il|elle)\s+)?"
        r"(?:(?:are|is|has been|have been|being|sind|ist|wurden|är|har|er|zijn|is|soient|soit"
        r"|siano|sia|sean|sea|sejam|seja)\s+)?(?:\w+\s+)?(?:published|announced|launched|released"
        r"|public|official|made public|veröffentlicht|angekündigt|offiziell|offentliggjort"
        r"|offentlige?|publicerade?|publiserte?|publisert|gepubliceerd|aangekondigd|officieel"
        r"|publiée?s?|annoncée?s?|pubblicat\w|annunciat\w|publicad\w|anunciad\w)\b"
        r"|\b(?:not|isn['\u2019]t|aren['\u2019]t|ikke|nicht|inte|niet|pas)\s+(?:yet\s+)?(?:been\s+)?"
        r"(?:in\s+(?:a|an|the|our|its|their)\s+)?(?:public|published|announced|offentlig\w*"
        r"|öffentlich\w*|veröffentlicht"
        r"|publicerad\w*|gepubliceerd|publiée?s?)\b"
        r"|\bhas not (?:yet )?(?:published|announced|made public)\b",
        re.IGNORECASE,
    ),
}
# What a draft says to mean a condition is met, by name.
_MET = {
    "approved": r"approved|signed off|cleared by|cleared it|cleared with|with (?:the )?(?:ok"
    r"|okay|go-ahead|green light|approval|permission) (?:of|from)|got the (?:ok|okay|go-ahead"
    r"|green light)|godkendt|genehmigt|freigegeben|godkänd|godkänt|godkjent|goedgekeurd"
    r"|approuvée?s?|approvat[oaie]|aprobad[oa]s?|aprovad[oa]s?",
    "consent": r"(?:with|gave|given|got|have|has)\s+(?:[\w.'\u2019-]+\s+){0,3}?(?:consent"
    r"|permission|blessing)|(?:with|gave|given|got) (?:their|his|her|everyone['\u2019]s) (?:ok"
    r"|okay)|(?:they|he|she|everyone|all of them|both) (?:agreed|said yes|said it['\u2019]s fine"
    r"|are happy to be|were happy to be|(?:is|are|was|were) (?:ok|okay|fine|happy) with (?:it"
    r"|the (?:photo|picture|video)))|asked (?:him|her|them|everyone) first"
    # "hij vond de foto goed", "sie fand das Foto gut", "han syntes bildet var fint".
    r"|(?:vond|vindt|fand|findet) (?:\w+ ){0,2}(?:goed|gut|ok|okay)"
    r"|(?:med|mit|with) (?:\w+ )?(?:samtykke|einverständnis|erlaubnis|tillstånd|samtycke"
    r"|toestemming)|(?:gav|gave|gab|gaf|a donné|ha dato|dio|deu)"
    r" (?:\w+ )?(?:samtykke|tilladelse|erlaubnis|einverständnis|tillstånd|samtycke|toestemming"
    r"|consentement|accord|consenso|consentimiento|consentimento)|einverstanden|toestemming"
    r" gegeven|har sagt ja|sagde ja|sa ja|zei ja|hat ja gesagt",
    "public": r"published|announced|press release|annual report|quarterly report|interim report"
    r"|results are out|report is out|(?:is|are|it['\u2019]s) (?:now )?(?:official|public|out|live)"
    r"|now official|now public|offentliggjort|offentliggjorde|årsrapport\w*|kvartalsrapport\w*"
    r"|veröffentlicht|jahresbericht\w*|quartalsbericht\w*|publicerad\w*|årsredovisning\w*"
    r"|publisert|gepubliceerd|jaarverslag\w*|publiée?s?|rapport annuel|pubblicat\w|bilancio"
    r"|publicad\w|informe anual|relatório anual|officiel(?:le)?ment",
}
# Said not to be met: "not approved", "isn't official until March", "before it is public".
_NOT = (
    r"(?:\bnot|n['\u2019]t|\bno|\bnever|\bwithout|\byet to be|\buntil|\bbefore|\bikke|\bnicht"
    r"|\binte|\bniet|\bpas|\bnon|\bsin|\bsem|\bohne|\buden|\butan|\buten|\bzonder|\bsans"
    r"|\bsenza|\binnan|\bbevor|\bfør|\bvoordat|\bavant|\bnoch nicht|\bendnu ikke|\bännu inte"
    r"|\bennå ikke|\bnog niet|\bpas encore)"
)
DRAFT_CONDITIONS = {
    name: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE) for name, words in _MET.items()
}
_NEGATED = re.compile(rf"{_NOT}\W+(?:\w+\W+){{0,3}}$", re.IGNORECASE)


def rule_conditions(rule: str) -> frozenset[str]:
    """The conditions under which `rule` allows what it forbids, by name."""
    return frozenset(name for name, pattern in RULE_CONDITIONS.items() if pattern.search(rule))


def met(draft: str) -> frozenset[str]:
    """The conditions `draft` says are met ("approved by comms"; not "not approved yet")."""
    return frozenset(
        name
        for name, pattern in DRAFT_CONDITIONS.items()
        if any(not _NEGATED.search(draft[: m.start()]) for m in pattern.finditer(draft))
    )
