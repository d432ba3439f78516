"""The rule registry: named patterns over masked sentences (see masking), each with the builder that turns a
match into facts or into slots of an event frame (see frames). Adding a relation is adding a row here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import gazetteer, quantities as q
from kg.extract.mention import APPOSED_NAME_END

ITEM = r"(?:(?:his|her)\s+(?:«CTY\d+»(?:[’']s)?\s+)?counterparts?,?\s+)?(?:(?:the\s+)?«OFF\d+»,?\s+)?«PER\d+»"
# A signed document: a head noun with optional capitalised words before and an 'on/for/of' subject after,
# ending before a preposition of place or time, a relative clause, punctuation or another mention.
DOC = (r"(?:[Aa]n?\s+|[Tt]he\s+)?(?P<doc>(?:[A-Z][\w-]*\s+)*(?:[Aa]greement|[Mm]emorandum of [Uu]nderstanding|MoU|MOU|"
       r"[Tt]reaty|[Pp]rotocol|[Aa]ccord|[Cc]onvention)\b(?:\s+between\s+(?:the\s+)?«[A-Z]{3}\d+»\s+and\s+(?:the\s+)?«[A-Z]{3}\d+»(?=\s+(?:on|for)\b))?"
       r"(?:\s+(?:on|for|of)\s+[^,.;«]*?)?)"
       r"(?=\s+(?:at|during|which|that|between|with|by|was|were|and|to)\b|\s+(?:in|on)\s+(?:the\s+)?[A-Z«\d]|\s*[,.;«]|\s*$)")

# Pattern macros, expanded before compiling.
MACROS = {
    "PER": r"«PER\d+»",
    "OFF": r"«OFF\d+»",
    "ORG": r"«ORG\d+»",
    "CTY": r"«CTY\d+»",
    "GPE": r"«GPE\d+»",
    "VEN": r"«VEN\d+»",
    "AWD": r"«AWD\d+»",
    "WHERE": r"«(?:VEN|ORG|GPE|CTY)\d+»",
    # a person, titled before the name or in apposition ("«OFF», «PER»"), or an office without a holder
    "AGENT": r"(?:«OFF\d+»,?\s+)?«PER\d+»|«OFF\d+»",
    # one or more coordinated people, each possibly titled or in apposition, or "his <demonym> counterpart(,) X"
    "PERS": ITEM + r"(?:(?:,\s*(?:and\s+)?|,?\s+and\s+|\s*&\s*)" + ITEM + r")*",
    "NEAR": r"(?:(?!«PER)[^.;])*?",
    # what people do when they meet: "met (with)", "held (bilateral) talks with", "had a friendly talk with",
    # "paid a courtesy call on", "talked to", "welcomed"
    "MEET": (r"(?:also\s+)?(?:met(?:\s+and\s+had\s+(?:a\s+)?(?:[\w-]+\s+)?talks?)?(?:\s+with)?|meets(?:\s+with)?|called\s+on|calls\s+on"
             r"|(?:held|holds|had|has)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:talks?|meetings?|discussions?|consultations|conversation|audience)\s+with"
             r"|(?:talked|spoke|speaks|talks)\s+(?:to|with)|welcomed|welcomes"
             r"|paid\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:courtesy|farewell|introductory|official)\s+(?:call|visit)\s+(?:on|to)"
             r"|granted\s+(?:an\s+)?audience\s+to|(?:bid|bade|bids)\s+farewell\s+to)"),
    "ANY": r"[^.;]*?",
    # "the insignia of Chevalier of the", "the rank of Knight Commander in the": an order's grade before its name
    "GRADE": lambda: (r"(?:(?:insignia|rank|grade|title)\s+of\s+(?:an?\s+|the\s+)?)?(?:(?:"
                      + gazetteer.alternation(gazetteer.load().award_grades) + r")\s+(?:of|in)\s+(?:the\s+)?)?"),
}


def expand(pattern: str) -> re.Pattern:
    def sub(m):
        name, group = m.group(1), m.group(2)
        body = MACROS[name]() if callable(MACROS[name]) else MACROS[name]
        return f"(?P<{group}>{body})" if group else f"(?:{body})"

    return re.compile(re.sub(r"\{([A-Z]+)(?::(\w+))?\}", sub, pattern))


@dataclass(frozen=True)
class Rule:
    name: str
    stage: int  # 1: offices and memberships (feed coreference); 2: events and relations
    pattern: str
    build: str  # builder name in kg.extract.builders
    confidence: float = 0.8

    @property
    def regex(self) -> re.Pattern:
        return _compiled(self.pattern)


@dataclass(frozen=True)
class DepRule:
    """A rule over the dependency parse: a trigger word (any listed form) whose clause the builder reads."""
    name: str
    stage: int
    triggers: frozenset  # lower-case word forms of the trigger
    build: str  # builder name in kg.extract.builders (deprules registers dep_*)
    confidence: float = 0.8
    pos: tuple = ("VERB", "AUX")


def forms(*words: str) -> frozenset:
    return frozenset(w.lower() for w in words)


_CACHE: dict[str, re.Pattern] = {}


def _compiled(pattern: str) -> re.Pattern:
    if pattern not in _CACHE:
        _CACHE[pattern] = expand(pattern)
    return _CACHE[pattern]


CONFER = r"(?:conferred|confers|bestowed|bestows|awarded|awards|presented|presents|decorated|handed over|gave|conferring)"
PASSIVE = r"(?:was|were|has been|have been|had been|is|are)\s+(?:formally\s+)?(?:decorated with|awarded|presented with|conferred with|conferred|given|honou?red with)"
# "his credentials", "a copy of her credentials", "copies of their letters of credence", "the credential"
# ("his Letter of Credence", "Letters of Credentials": capitalised as often as not)
CREDENCE = (r"(?:(?:a\s+)?cop(?:y|ies)\s+of\s+(?:his|her|their|the)\s+)?"
            r"(?i:letters?\s+of\s+(?:credence|credentials?|accreditation)|credentials?|credential\s+letters?)")
# "over 70 million members", "eight (8) Bureaus", "four «OFF»" (a plural title): not after "the" (a definite
# "the four corners" is not a count), not inside a word or a number, not part of a name ("COVID 19 masks")
QUANTITY = (rf"(?<![\w.,«])(?<![Tt]he )(?<![A-Z]{{2}} )(?<!» )(?:(?P<cmp>{q.COMPARATOR})\s+)?(?P<num>{q.NUMBER})(?:\s*\(\d[\d,.]*\))?"
            rf"(?:\s+(?P<scale>{q.SCALE}))?\s+(?P<measure>{q.MEASURE})")
FOUNDED = r"(?:founded|established|set up|created|formed)"

RULES: tuple[Rule, ...] = (
    # --- offices -----------------------------------------------------------------------------------
    Rule("office_title_before_name", 1, r"{OFF:off}\s+{PER:per}", "office", 0.9),
    # "Ghana's Vice-President, Dr X spoke": the title set off before the name; not a title that follows another
    # name in a list ("A, Minister of B, C, ..."), where the title is A's (office_apposition)
    Rule("office_before_apposition", 1, r"(?<!», )(?<!»,){OFF:off},\s+{PER:per}(?=" + APPOSED_NAME_END + ")", "office", 0.85),
    Rule("office_apposition", 1, r"{PER:per},\s+(?:(?:who|which)\s+(?:is|was)\s+)?(?:also\s+)?(?:the\s+|a\s+|an\s+)?(?:(?:first|current|late|then|incumbent|sitting)\s+)?{OFF:off}(?!\s*«PER)", "office", 0.85),
    # several offices of one person: "Deputy Prime Minister and Foreign Minister X", "X, Deputy Crown Prince,
    # Second Deputy Premier and Minister of Defense" (the title next to the name is read by the rules above)
    Rule("office_coordinated_before", 1, r"(?<!», )(?P<offs>{OFF}(?:,\s+{OFF})*),?\s+(?:and|&)\s+{OFF}\s+{PER:per}", "office_each", 0.8),
    Rule("office_coordinated_after", 1, r"{PER:per},\s+(?:the\s+)?{OFF}(?P<offs>(?:,\s+(?:the\s+)?{OFF})*,?\s+(?:and|&)\s+(?:the\s+)?{OFF})(?!\s*«PER)", "office_each", 0.75),
    # "X (Ambassador to Austria)": the title in brackets after the name
    Rule("office_name_bracketed", 1, r"{OFF:off}\s*\(\s*{PER:per}\s*\)", "office", 0.8),
    Rule("office_bracketed", 1, r"{PER:per}\s*\(\s*(?:the\s+)?{OFF:off}\s*\)", "office", 0.8),
    # a plural title over its holders: "former Australian Prime Ministers A, B and C", "incoming ambassadors A of
    # Germany, B of the Sudan and C of Ethiopia" (each holder's own country after the name)
    Rule("office_plural_list", 1, r"{OFF:off}\s+(?P<list>{PER}(?:\s+of\s+(?:the\s+)?{CTY})?(?:(?:,\s*(?:and\s+)?|,?\s+and\s+){PER}(?:\s+of\s+(?:the\s+)?{CTY})?)+)", "office_plural_list", 0.75),
    Rule("office_copula", 1, r"{PER:per}\s+(?:is|was|has been|has served as|serves as|served as|previously served as|also serves as|had served as|is also)\s+(?:also\s+)?(?:the\s+|a\s+|an\s+)?(?:(?:outgoing|current|former)\s+)?{OFF:off}", "office", 0.85),
    Rule("office_who_copula", 1, r"{PER:per}{NEAR},?\s+who\s+(?:is\s+also|is|also\s+serves\s+as|serves\s+as)\s+(?:the\s+)?{OFF:off}", "office", 0.75),
    Rule("office_and_also", 1, r"{PER:per}\s+(?:is|was)\s+{OFF}{NEAR},?\s+and\s+(?:also\s+)?(?:the\s+|a\s+)?{OFF:off}", "office", 0.75),
    Rule("office_heads", 1, r"{PER:per},?\s+who\s+(?P<verb>heads|leads|chairs)\s+(?:the\s+)?{ORG:org}", "office_heads", 0.85),
    Rule("office_represents", 1, r"{PER:per},\s+who\s+represents\s+{CTY:sender}\s+in\s+{CTY:host}", "office_represents", 0.8),
    # "Mr. X -PTI's advisor on ...": an office attached to the name by a dash
    Rule("office_dash", 1, r"{PER:per}\s*[-–—]\s*(?:the\s+)?{OFF:off}", "office", 0.75),
    Rule("office_staff_list", 1, r"from\s+(?:the\s+)?{ORG:org},\s+{PERS:people}", "office_list_org", 0.8),
    # appointments: "P appointed X as <office>", "X was appointed <office>"
    Rule("office_appointed_as", 1, r"\b(?:appointed|named|nominated|designated)\s+{PER:per}\s+as\s+(?:the\s+|a\s+|an\s+|its\s+|(?:his|her|their)\s+)?(?:new\s+)?{OFF:off}", "office", 0.8),
    # each "X as <office>" of a list of appointments ("..., B as ambassador to C, D as ambassador to E")
    Rule("office_name_as", 1, r"{PER:per},?\s+as\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:new\s+)?{OFF:off}", "office", 0.75),
    # "A was appointed ambassador to B, replacing C": C held it before
    Rule("office_replaced", 1, r"{OFF:off}(?:(?!«PER)[^.;]){0,60}?,?\s+(?:replacing|succeeding|who\s+(?:replaces|succeeds)|in\s+place\s+of)\s+{PER:per}",
         "office_replaced", 0.7),
    Rule("office_was_appointed", 1, r"{PER:per}{NEAR}\b(?:was|has been|had been|is)\s+(?:appointed|named)\s+(?:as\s+)?(?:the\s+|a\s+|an\s+)?(?:new\s+)?{OFF:off}", "office", 0.8),
    Rule("member_of", 1, r"{PER:per}{NEAR}\b(?:a member of|member of|sits in|has belonged to|belongs to|belonged to)\s+(?:the\s+)?{ORG:org}", "member_of", 0.8),
    # the body before the word: "CPC Central Committee member (and <title>) X", "NC leaders A and B"
    Rule("member_of_before", 1, r"{ORG:org}\s+(?:member|members|leaders?|officials?|cadres?)(?:\s+and\s+{OFF})?,?\s+(?P<people>{PERS})", "member_list", 0.7),
    # --- award conferral (frame slots) -------------------------------------------------------------
    Rule("award_confer_on", 2, r"(?P<agent>{AGENT}){ANY}\b" + CONFER + r"\s+(?:the\s+|a\s+)?(?:{AWD:award}|(?:civil\s+)?award(?:\s+of\s+{CTY})?){ANY}\b(?:up)?on\s+(?:[“\"]?(?P<award2>«AWD\d+»)[”\"]?\s+)?(?:the\s+two\s+\w+|{PERS:rec})", "award_active", 0.85),
    Rule("award_passive", 2, r"{PERS:rec}{NEAR}\b" + PASSIVE + r"\s+(?:the\s+)?{AWD:award}(?:{ANY}\bby\s+(?:the\s+)?(?P<agent>{AGENT}|{ORG}))?", "award_passive", 0.85),
    Rule("award_received", 2, r"{PERS:rec}\s+(?:received|receives|accepted)\s+(?:the\s+)?{GRADE}{AWD:award}"
         r"(?:\s*\([^)]*\))?(?:\s+at\s+(?:the\s+)?{WHERE:place})?", "award_received", 0.8),
    Rule("award_recipients_were", 2, r"[Tt]he\s+(?:recipients|awardees|honourees)\s+(?:were|are)\s+{PERS:rec}", "award_recipients", 0.8),
    # earlier holders of the award: "Other recipients include A and B", "... has been presented to figures including A"
    Rule("award_past_recipients", 2, r"\b(?:recipients|awardees|honou?rees|laureates|dignitaries|figures|personalities|leaders|holders)\b{ANY}\b(?:include|includes|included|including|have\s+included|such\s+as)\s+(?P<list>.+)", "award_past_recipients", 0.6),
    Rule("award_presented_by", 2, r"{AWD:award}{ANY}\b(?:was|were)\s+(?:handed over|presented|conferred|given){ANY}\bby\s+(?P<agent>{AGENT})", "award_presenter", 0.8),
    Rule("award_present_to", 2, r"(?P<agent>{AGENT}){NEAR}\b(?:presented|handed over|gave)\s+(?:the\s+)?(?:insignia\s+of\s+(?:the\s+)?)?{AWD:award}(?:\s*\([^)]*\))?\s+to\s+{PERS:rec}", "award_presenter_to", 0.8),
    Rule("award_passive_on", 2, r"{AWD:award}\s+(?:was|were|has been|had been)\s+(?:conferred|bestowed)\s+(?:up)?on\s+{PERS:rec}(?:{ANY}\bby\s+(?:the\s+)?(?P<agent>{AGENT}|{ORG}))?", "award_passive", 0.8),
    Rule("award_handed_at", 2, r"{AWD:award}\s+(?:was|were)\s+(?:handed over|presented|conferred|given)\s+at\s+(?:the\s+)?{WHERE:place}", "award_place", 0.7),
    Rule("award_on_behalf", 2, r"(?:on behalf of|on the authority of|in the name of)\s+(?:the\s+)?(?P<agent>{AGENT}|{CTY})", "award_behalf", 0.8),
    Rule("award_ceremony_place", 2, r"(?P<surface>(?:[Ss]pecial\s+)?(?:[Ii]nvestiture\s+)?(?P<word>[Cc]eremony|[Rr]eception|[Ff]unction)),?\s+(?:was\s+)?(?:held\s+)?(?:at|in)\s+(?:the\s+)?{WHERE:place}", "award_place", 0.7),
    # --- credentials ----------------------------------------------------------------------------------
    Rule("credentials_presented", 2, r"{PER:per}{NEAR}\b(?:presented|presents|handed|hands|submitted|submits|handed over|handed in)\s+(?:(?:a\s+)?cop(?:y|ies)\s+of\s+)?(?:his|her|their|the)\s+" + CREDENCE + r"(?:\s+in\s+person)?\s+to\s+(?:the\s+)?(?P<agent>{AGENT})", "credentials", 0.85),
    # "P received from Mr X Letters of Credence accrediting him as ...": the receiver first, the envoy after "from"
    Rule("credentials_received_from", 2, r"(?P<agent>{AGENT}){NEAR}\b(?:received|receives|accepted)\s+from\s+{PER:per},?\s+(?:the\s+)?" + CREDENCE, "credentials", 0.8),
    # the receiver of a presentation whose envoys the sentence does not name ("The ambassadors presented their
    # Letters of Credence to King X"): the envoys are found by their offices when the frame closes
    Rule("credentials_receiver", 2, r"\b(?:presented|present|handed|submitted|handed\s+over)\s+(?:(?:a\s+)?cop(?:y|ies)\s+of\s+)?(?:his|her|their|the)\s+(?:diplomatic\s+)?" + CREDENCE + r"{NEAR}\s+to\s+(?:the\s+)?(?P<agent>{AGENT})", "credentials_receiver", 0.7),
    # "The two discussed ...", "During the meeting, ...", "held cordial talks" after the credentials were presented
    Rule("credentials_talks", 2, r"\b(?:discussed|(?:held|had)\s+(?:a\s+)?(?:[\w-]+\s+)?(?:talks?|discussions?|conversation)|exchanged\s+views"
         r"|(?:during|after|at)\s+the\s+(?:[\w-]+\s+)?(?:meeting|talks|conversation|audience|bilateral\s+session))\b", "credentials_talks", 0.6),
    Rule("credentials_plural", 2, r"(?P<title>«OFF\d+»)\s+from\s+{ANY}\b(?:presented|handed|submitted)\s+(?:their\s+)?" + CREDENCE + r"\s+to\s+(?P<agent>{AGENT})", "credentials_group", 0.8),
    # "P received / accepted the credentials (letters of credence) of the new Ambassador of X, A, and ...": the
    # envoys are listed there, or in the next sentence ("Among them were ...")
    Rule("credentials_received", 2, r"(?P<agent>{AGENT}){NEAR}\b(?:received|receives|accepted|accepts)\s+(?:the\s+)?"
         + CREDENCE + r"(?:\s+(?:of|from)\s+(?P<list>[^.;]+))?", "credentials_received", 0.8),
    Rule("envoys_among_them", 2, r"^\s*[Aa]mong\s+(?:them|the\s+(?:envoys|ambassadors|diplomats|high\s+commissioners))\s+(?:were|was)\s+(?P<list>.+)",
         "envoy_list", 0.75),
    Rule("envoys_were", 2, r"(?:diplomats|envoys|ambassadors)\b{ANY}\bwere\s+(?P<list>.+)", "envoy_list", 0.75),
    # --- meetings ----------------------------------------------------------------------------------
    Rule("meeting_called_on", 2, r"{PER:a}{NEAR}\bcalled on\s+(?P<b>{AGENT})", "meeting", 0.8),
    Rule("meeting_met", 2, r"{PER:a}{NEAR}\b{MEET}\s+(?:(?:his|her)\s+(?:{CTY}\s+)?counterpart,?\s+)?(?P<b>{AGENT})", "meeting", 0.8),
    # "A, accompanied by B and C, called on D": the companions do not meet D in A's place
    Rule("meeting_accompanied", 2, r"{PER:a},?\s+(?:was\s+)?accompanied\s+by\s+[^.;]*?\b{MEET}\s+(?:(?:his|her)\s+(?:{CTY}\s+)?counterpart,?\s+)?(?P<b>{AGENT})", "meeting", 0.75),
    Rule("meeting_pronoun", 2, r"^\s*(?:[A-Z][\w ,]{0,30},\s+)?(?:He|She)\s+(?:also\s+|later\s+|then\s+|separately\s+)?{MEET}\s+(?:(?:his|her)\s+(?:{CTY}\s+)?counterpart,?\s+)?(?P<b>{AGENT})", "meeting_pronoun", 0.7),
    # a meeting with the envoys of the report's credentials ceremony, named as a group
    Rule("meeting_envoy_group", 2, r"{PER:a}{NEAR}\b(?:{MEET}|received)\s+(?:the\s+|all\s+the\s+)?(?:[\w-]+\s+){0,3}?(?:ambassadors|envoys|heads\s+of\s+mission|diplomats|{OFF:off})(?!\s*,?\s*«PER)", "meeting_envoy_group", 0.7),
    # "X bid the ambassador farewell", "During the meeting with Y, X said ...", "A was received by B"
    Rule("meeting_farewell", 2, r"{PER:a}{NEAR}\b(?:bid|bade|bids|bidding)\s+(?P<b>{AGENT}),?\s+(?:a\s+)?(?:fond\s+)?farewell", "meeting", 0.75),
    Rule("meeting_during", 2, r"\b[Dd]uring\s+(?:the|his|her|their)\s+(?:[\w-]+\s+)?(?:meeting|talks|call|audience|conversation)\s+with\s+(?P<b>{AGENT}),\s+(?:the\s+)?(?:«OFF\d+»\s+)?{PER:a}", "meeting", 0.75),
    Rule("meeting_received_by", 2, r"{PER:a}{NEAR}\b(?:was|were)\s+received\s+(?:in\s+(?:an\s+)?audience\s+)?{NEAR}\bby\s+(?:the\s+)?(?P<b>{AGENT})", "meeting", 0.75),
    Rule("meeting_delegation_led", 2, r"{PER:a}{NEAR}\b{MEET}\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}?delegation,?\s+(?:led|headed)\s+by\s+(?P<b>{AGENT})", "meeting_leader", 0.75),
    Rule("meeting_led_delegation_met", 2, r"delegation,?\s+(?:led|headed)\s+by\s+(?:the\s+)?(?:«OFF\d+»,?\s+)?{PER:a}{ANY}\b(?:met|met\s+with|held\s+talks\s+with|called\s+on)\s+(?P<b>{PERS})", "meeting_leader", 0.7),
    Rule("meeting_call_from", 2, r"{PER:a}{NEAR}\breceived\s+(?:a\s+)?(?:courtesy|farewell|introductory)\s+(?:call|visit)\s+(?:from|by)\s+(?:the\s+)?(?:visiting\s+)?(?P<b>{AGENT})", "meeting", 0.75),
    Rule("meeting_each_called_on", 2, r"\b(?:each|every|all)\s+(?:of the\s+)?(?:ambassadors?|envoys?|diplomats?|«OFF\d+»){ANY}\b(?:call|called|calls)\s+on\s+(?:the\s+)?(?P<b>{AGENT})", "meeting_each_envoy", 0.7),
    Rule("delegation_received", 2, r"{PER:host}{ANY}\breceived\s+(?:a|the|two)?\s*{ANY}\bdelegations?", "delegation_host", 0.75),
    Rule("delegation_received_by", 2, r"delegations?{ANY}\b(?:were|was)\s+received{ANY}\bby\s+{PER:host}", "delegation_host", 0.75),
    Rule("delegation_led_by", 2, r"\b(?:led|headed)\s+by\s+{PER:guest}", "delegation_guest", 0.75),
    # --- attendance --------------------------------------------------------------------------------
    Rule("attended_by", 2, r"\battended\s+by\s+(?P<list>.+)", "attended_list", 0.8),
    # --- places and structure ----------------------------------------------------------------------
    Rule("located_in_venue", 2, r"{VEN:place}\s+in\s+{GPE:in}", "located_in", 0.8),
    Rule("located_in_part", 2, r"{GPE:in}\s*(?:province|region|state)?,?\s+of which\s+{GPE:place}\s+is a part", "located_in", 0.7),
    Rule("part_of_organ", 2, r"{ORG:org}\s+is\s+(?:a|an|the)\s+(?:\w+\s+)?(?:organ|unit|department|body|arm)\s+of\s+(?:the\s+)?{ORG:parent}", "part_of", 0.75),
    Rule("part_of_leadership", 2, r"{ORG:org}{ANY}\bunder the (?:direct\s+)?leadership of\s+(?:the\s+)?{ORG:parent}", "part_of", 0.7),
    Rule("founded_since", 2, r"{ORG:org}\s+(?:since|" + FOUNDED + r"\s+in)\s+(?P<year>(?:1[89]|20)\d\d)\b", "founded", 0.7),
    Rule("founded_was", 2, r"{ORG:org},?\s+(?:(?:which|that)\s+)?(?:was|has been)\s+(?:first\s+)?" + FOUNDED + r"\s+in\s+(?:the\s+year\s+)?(?P<year>(?:1[89]|20)\d\d)\b", "founded", 0.75),
    Rule("founded_fronted", 2, r"(?:^|\.\s+)(?:Founded|Established|Set up|Created|Formed)\s+in\s+(?P<year>(?:1[89]|20)\d\d),\s+(?:the\s+)?{ORG:org}", "founded", 0.75),
    # --- quantities --------------------------------------------------------------------------------
    Rule("quantity_count", 2, QUANTITY, "quantity", 0.6),
    # --- signing: every coordinated signatory, active or passive ------------------------------------------
    Rule("signed", 2, r"{PERS:people}{NEAR}\b(?:signed|inked|(?:went\s+on|proceeded|then\s+went)\s+to\s+sign)\s+" + DOC, "signed", 0.7),
    # "The agreement on X between «ORG» and «ORG» was signed by A and B": the parties named between
    Rule("signed_by", 2, DOC + r"(?:\s+between\s+[^.;]{1,160}?)?\s+(?:was|were|has been|had been)\s+(?:signed|inked)\s+by\s+{PERS:people}", "signed", 0.7),
    # "The first MoU, on defence cooperation, was signed by A and B": the subject set off by commas
    Rule("signed_by_apposed", 2, r"\b(?P<head>(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?:MoU|MOU|[Mm]emorandum(?:\s+of\s+[Uu]nderstanding)?|[Aa]greement|[Pp]rotocol|[Ee]xchange\s+of\s+[Nn]otes?|[Tt]reaty)),\s+"
         r"(?P<subj>(?:on|concerning|pertaining\s+to|regarding|for)\s+[^,«]+),\s+(?:was|were)\s+(?:signed|inked|exchanged|executed)(?:\s+and\s+exchanged)?\s+(?:by|between)\s+{PERS:people}",
         "signed_apposed", 0.7),
    # "A and his counterpart B signed, here Friday, a Memorandum ...", "A and B affixed their signatures to the MoU"
    Rule("signed_adverbial", 2, r"{PERS:people}{NEAR}\bsigned,\s+[^,.;«]{1,30},\s+" + DOC, "signed", 0.65),
    Rule("signed_affixed", 2, r"{PERS:people}{NEAR}\baffixed\s+their\s+signatures\s+to\s+" + DOC, "signed", 0.65),
    # --- constructions of the wider genre (builders in kg.extract.coordination) -------------------------
    Rule("office_counterpart", 1, r"{PER:a}{NEAR}\b(?:his|her)\s+{CTY:c}\s+counterpart,?\s+{PER:b}", "office_counterpart", 0.75),
    Rule("office_served_and_as", 1, r"{PER:per}{NEAR}\bserved\s+as\s+{ANY}«OFF\d+»{NEAR}\s+and\s+(?:later\s+)?as\s+(?:the\s+|a\s+|an\s+)?{OFF:off}", "office", 0.7),
    Rule("office_copula_apposition", 1, r"{PER:per},\s+(?:a|an|the)\s+[^,«]{1,40},\s+(?:previously\s+|also\s+|formerly\s+)?(?:is|was|served as|serves as|has served as)\s+(?:the\s+|a\s+|an\s+)?{OFF:off}", "office", 0.75),
    Rule("sworn_in", 2, r"(?P<a>{AGENT}){NEAR}\b(?:swore in|sworn in)\s+{PERS:people}\s+as\s+(?:the\s+)?(?:new\s+)?{OFF:off}", "sworn_in", 0.8),
    Rule("sworn_in_passive", 2, r"{PERS:people}{NEAR}\b(?:was|were|has been|have been)\s+(?:also\s+|formally\s+|officially\s+)?sworn(?:\s+|-)(?:in|into\s+office)\b(?:\s+as\s+(?:the\s+)?(?:new\s+)?{OFF:off})?(?:\s+by\s+(?:the\s+)?(?P<a>{AGENT}))?(?:{NEAR}\btogether\s+with\s+(?:the\s+)?(?:new\s+)?(?P<more>{PERS}))?", "sworn_in", 0.75),
    # a group sworn in, named in the next sentence: "X swore in five new ambassadors at ...", "Saudi ambassadors
    # ... were sworn in." then "They included A, ...; B, ..." / "The new envoys include A (...), B (...)"
    Rule("sworn_in_group", 2, r"(?:(?P<a>{AGENT}){NEAR}\b(?:swore|swears|sworn)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?P<noun>(?:[a-z]+\s+)?[a-z]+s|«OFF\d+»)(?!\s*,?\s*«PER)"
         r"|(?P<noun2>(?:[a-z]+\s+)?[a-z]+s|«OFF\d+»){NEAR}\b(?:were|have\s+been|had\s+been)\s+sworn(?:\s+|-)in\b)", "sworn_in_group", 0.75),
    Rule("group_included", 2, r"^\s*(?:They|The\s+(?:new\s+|newly\s+\w+\s+)?(?:[\w-]+\s+)?(?:envoys|ambassadors|ministers|appointees|diplomats|«OFF\d+»))[^.;«]*?\b(?:include|included|includes|are|were)\s*(?:[:;]\s*$|\s(?P<list>.+))", "group_included", 0.7),
    # "X issued the Oaths and Affirmations of Office to the newly appointed Ministers: A, Title; B, Title; ..."
    Rule("oath_list", 2, r"(?P<a>{AGENT}){NEAR}\b(?:issued|administered)\s+the\s+[Oo]aths?\b[^:;]*?:\s*(?P<list>.+)", "oath_list", 0.7),
    # "X presided over the oath-taking of the newly appointed ambassadors"
    Rule("presided_oath", 2, r"(?P<a>{AGENT}){NEAR}\bpresided\s+over\s+the\s+(?:oath-taking|swearing-in|oath)(?:\s+ceremony)?\s+of\b", "sworn_in_group", 0.75),
    # the bulleted lines after "... include:" ("• X, Ambassador-designate to Y")
    Rule("group_bullet", 2, r"^\s*[•▪◦\-\*]\s*(?:(?:the\s+)?«OFF\d+»,?\s+)?{PER:per}", "group_bullet", 0.7),
    # "A, B and C took (the) oath (of office) (before X)", "... have taken oath", "... were among the ministers who took oath"
    Rule("took_oath", 2, r"{PERS:people}{NEAR}\b(?:took|takes|have\s+taken|has\s+taken|had\s+taken|subscribed\s+to)\s+(?:the\s+|their\s+|his\s+|her\s+)?oaths?(?:\s+of\s+(?:office|allegiance))?"
         r"(?:\s+before\s+(?:the\s+)?(?P<a>{AGENT}))?", "sworn_in", 0.7),
    Rule("oath_administered", 2, r"(?P<a>{AGENT}){NEAR}\badministered\s+the\s+oath(?:\s+of\s+office)?\s+to\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]+?)s?,\s+{PERS:people}", "sworn_in", 0.75),
    Rule("credentials_list", 2, r"{PERS:people}\s+(?:presented|handed over|submitted)\s+(?:their|his|her)\s+" + CREDENCE + r"\s+to\s+(?P<agent>{AGENT})", "credentials_list", 0.85),
    Rule("meeting_received", 2, r"{PER:a}{NEAR}\breceived\s+(?:the\s+)?(?:visiting\s+)?(?:(?:his|her)\s+(?:{CTY}\s+)?counterpart,?\s+)?(?P<b>{AGENT})", "meeting", 0.75),
    Rule("meeting_pair", 2, r"{PERS:people},?\s+(?:also\s+|later\s+|jointly\s+)?(?:(?:have|has|had)\s+(?:also\s+)?)?(?:met|(?:held|had)\s+(?:a\s+)?(?:[\w-]+\s+)?(?:talks|meeting|discussions?|conversation)|co-chaired|talked|spoke\s+(?:by|over\s+the)\s+(?:tele)?phone)\b(?!\s+with)", "meeting_pair", 0.75),
    Rule("meeting_the_two", 2, r"\b[Tt]he\s+two\s+(?P<noun>ministers|leaders|diplomats|envoys|officials|presidents|ambassadors)\s+(?:also\s+|later\s+|then\s+)?(?:met|held\s+(?:separate\s+)?talks|held\s+(?:a\s+)?(?:separate\s+)?meetings?)(?:\s+with\s+(?P<b>{AGENT}))?", "meeting_the_two", 0.7),
    Rule("attended_present", 2, r"{PERS:list}\s+(?:was|were)\s+(?:also\s+)?present\b", "attended_list", 0.75),
    Rule("attended_among_present", 2, r"(?:[Aa]mong those present|[Aa]lso present|[Pp]resent on the occasion)\s+(?:were|was)\s+(?P<list>.+)", "attended_list", 0.75),
    # companions and hosts of the event told so far: "accompanied by A and B", "Present at the ceremony was A",
    # "in the presence of A", "witnessed by A and B"
    Rule("attended_accompanied", 2, r"\baccompanied\s+by\s+(?P<list>.+)", "attended_list", 0.7),
    Rule("attended_present_fronted", 2, r"^\s*(?:Also\s+)?[Pp]resent\s+(?:at\s+the\s+[\w-]+|on\s+the\s+occasion|during\s+the\s+[\w-]+)?\s*(?:was|were)\s+(?P<list>.+)", "attended_list", 0.75),
    Rule("attended_presence_of", 2, r"\bin\s+(?:the\s+)?(?:august\s+)?presence\s+of,?\s+(?:among\s+others,\s+)?(?:the\s+)?(?P<list>{PERS})", "attended_list", 0.7),
    # a photo caption naming who is in the picture of the report's event: "From left to right: A, B, C"
    Rule("attended_caption", 2, r"(?:\b[Ff]rom\s+)?\b(?:[Ll]eft\s+to\s+[Rr]ight|\([Ll]\s*-\s*[Rr]\))\s*[:,]?\s+(?P<list>.+)", "attended_list", 0.6),
    # a gathering someone attended, named as the object: "attended the 55th National Conference of the ANC"
    Rule("attended_gathering", 2, r"{PERS:list}{NEAR}\b(?:attended|attends|participated\s+in|took\s+part\s+in)\s+(?P<event>(?:the\s+|a\s+)?(?:[\w’'-]+\s+){0,6}?(?:[Cc]onference|[Ss]ummit|[Ff]orum|[Cc]ongress|[Ss]ession|[Cc]elebrations?|[Rr]eception|[Oo]pening|[Ii]nauguration|[Ff]uneral|[Pp]arade|[Ff]estival|[Ee]xhibition|[Ss]eminar|[Ss]ymposium|[Mm]eeting|[Dd]ialogue|[Ff]air)\b(?:\s+of\s+(?:the\s+)?(?:«(?:ORG|CTY|GPE)\d+»|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*))?)", "attended_gathering", 0.65),
    Rule("attended_witnessed_by", 2, r"\bwitnessed\s+by\s+(?P<list>{PERS})", "attended_list", 0.7),
    Rule("attended_ceremony", 2, r"{PERS:list}{NEAR}\battended\s+the\s+(?:[\w-]+\s+)?(?:ceremony|function|event)", "attended_list", 0.75),
    Rule("located_in_comma", 2, r"{VEN:place},\s+{GPE:in}(?!\w)", "located_in", 0.75),
    Rule("located_in_body", 2, r"\b(?:at|held at)\s+(?:the\s+)?{ORG:place}\s+in\s+{GPE:in}", "located_in_body", 0.7),
)

# --- dependency rules: one clause of the parse each (kg.extract.clauses, builders in kg.extract.deprules) ------
DEP_RULES: tuple[DepRule, ...] = (
    DepRule("dep_conferral", 2, forms("conferred", "confers", "confer", "conferring", "awarded", "awards", "award",
                                      "bestowed", "bestows", "bestow", "decorated", "decorates", "presented", "presents",
                                      "handed", "gave", "given"), "dep_conferral", 0.85),
    DepRule("dep_signing_named", 2, forms("witnessed", "witness", "witnesses", "attended", "oversaw"), "dep_note_documents", 0.8),
    DepRule("dep_signing", 2, forms("signed", "signs", "sign", "inked", "inks"), "dep_signing", 0.8),
    DepRule("dep_meeting", 2, forms("called", "calls", "call", "paid", "pays", "pay", "met", "meets", "meet", "held",
                                    "holds", "hold"), "dep_meeting", 0.8),
    DepRule("dep_credentials", 2, forms("presented", "presents", "present", "submitted", "submits", "handed", "hands"),
            "dep_credentials", 0.85),
    DepRule("dep_witnessed", 2, forms("witnessed", "witness", "witnesses"), "dep_witnessed", 0.75),
    DepRule("dep_present", 2, forms("was", "were"), "dep_present", 0.75),
)
