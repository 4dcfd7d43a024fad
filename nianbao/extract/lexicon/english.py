"""Rules as data for figures written in English (news pages in English, government annual reports).

`english.py` (the extractor's English pass) reads a number written in English (`2.02 million`,
`2,467,200`, `1 633 405`, `more than 1,100`) only on an English line (no Chinese character on it), and
decides its metric with the cues below: the noun right after the number (`RIGHT_CUES`: `2.02 million
visits`, `12 mobile libraries`), else the nearest cue on its left in the sentence (`LEFT_CUES`:
`registered readers reached 2,467,200`). Cues are the lexicon's `Cue` records with the English unit
family `EN` as their unit key, so they are applied as the Chinese ones are (nearest cue wins).
"""

from __future__ import annotations

import re

from . import Cue

EN = "en"  # the unit key of an English cue (an English number carries no Chinese unit)

# scale words: value multipliers
SCALE_WORDS = {"million": 1_000_000, "billion": 1_000_000_000, "thousand": 1_000, "hundred thousand": 100_000}
# qualifier words before a number, as the Chinese 余/超 (at_least), 约 (approx), 近 (at_most)
QUALIFIER_WORDS = {
    "more than": "at_least",
    "over": "at_least",
    "in excess of": "at_least",
    "upwards of": "at_least",
    "at least": "at_least",
    "exceeding": "at_least",
    "nearly": "at_most",
    "almost": "at_most",
    "close to": "at_most",
    "up to": "at_most",
    "less than": "at_most",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "some": "approx",
    "roughly": "approx",
}
# words between the qualifier or verb and the number that change nothing (as many as, a total of)
FILLER_BEFORE = r"(?:as\s+many\s+as|a\s+total\s+of|a\s+cumulative|a\s+record|a\s+combined|total|an?\s+estimated)"

_QUAL = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in QUALIFIER_WORDS), key=len, reverse=True))
_SCALE = "|".join(sorted(SCALE_WORDS, key=len, reverse=True)).replace(" ", r"\s+")
# a number as English prints it: 2,467,200 / 1 633 405 (thin-space groups) / 2.02 (million) / 1100
EN_NUMBER_RE = re.compile(
    rf"(?<![\w.,/:-])(?:(?P<pre>{_QUAL})\s+(?:{FILLER_BEFORE}\s+)?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.]\d)|\d+(?:\.\d+)?)"
    rf"(?:\s+(?P<scale>{_SCALE})\b)?(?![\w/:-]|[.,]\d|\s*%|\s+per\s*cent|\s+percent)",
    re.IGNORECASE,
)

# an English line: no Chinese character on it, and a few words
CJK = re.compile(r"[\u3400-\u9fff]")
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{2,}\b")
ENGLISH_MIN_WORDS = 4

# what a number is not (its surroundings): a year, a date, a time, a phone, an age, a size, money, a share,
# a rank, a rate per day, a change
MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
NOT_A_COUNT_RIGHT = re.compile(
    rf"^(?:\s*(?:-|–|to)\s*\d|\s*{MONTH}\b|(?:st|nd|rd|th)\b|\s*(?:years?|months?|weeks?|days?|hours?|minutes?|"
    r"square|sq\b|metres?|meters?|km|kilomet|seats?\b|storey|floors?|yuan|rmb|dollars?|hk\$|usd|percent|per\s*cent|"
    r"times\b|fold\b|am\b|pm\b|a\.m|p\.m|o'clock|th\b|computer|workstation|e-books?\s+for))"
    r"|^[^.;\n]{0,40}?\b(?:per\s+day|every\s+day|each\s+day|a\s+day|daily|per\s+capita|per\s+person)\b",
    re.IGNORECASE,
)
NOT_A_COUNT_LEFT = re.compile(
    rf"(?:\b{MONTH}\.?\s*|\b(?:no|page|tel|phone|fax|room|aged?|age\s+of|ages|ranked|top|between|"
    r"increase\s+of|increased\s+by|rise\s+of|up|down|growth\s+of|extra|additional|another|average(?:\s+\w+){0,2}\s+of|"
    r"rmb|hk\$|us\$|\$|yuan|budget\s+of|cost\s+of|investment\s+of|funding\s+of)\s*|[#$¥€£(\[-])$",
    re.IGNORECASE,
)
YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
# a year written in the sentence: `In 2019,`, `by the end of 2018`, `in 2017`, `2016-17`
YEAR_IN_SENTENCE = re.compile(
    r"\b(?:in|by\s+the\s+end\s+of|by\s+end\s+of|during|for|of|throughout)\s+(?P<y>(?:19|20)\d\d)(?:\s*[-–/]\s*\d\d)?\b",
    re.IGNORECASE,
)

# ---- cues: the noun right after the number (a few words may sit between: 12.72 million books,
# 30 “…” credit lending service points, 70 static and 12 mobile libraries)
_M = {EN: None}


def _cue(name: str, pattern: str, metric: str, side: str = "R") -> Cue:
    return Cue(name, "(?i)" + pattern, {EN: metric}, side=side)


# up to three words (or a quoted name) between the number and its noun
_GAP = r"^(?:\s*(?:“[^”]{1,40}”|\"[^\"]{1,40}\"|[a-z][\w'’-]*)){0,4}?\s*"
_GAP_SHORT = r"^(?:\s*[a-z][\w'’-]*){0,2}?\s*"
RIGHT_CUES: list[Cue] = [
    _cue(
        "en_online_visits",
        _GAP_SHORT + r"(?:online|website|web|page|digital)\s+(?:visits|hits|page\s*views|views)\b",
        "visits.online",
    ),
    _cue(
        "en_visits",
        _GAP_SHORT
        + r"(?:visits|visitors|visitor|attendances|admissions|entries)\b(?!\s+(?:to|of)\s+(?:the\s+|its\s+)?(?:website|web|online|portal))",
        "visits.in_person",
    ),
    _cue(
        "en_new_readers",
        _GAP_SHORT
        + r"(?:new(?:ly)?\s+(?:registered\s+)?(?:readers|borrowers|members|users|cardholders)|new\s+(?:library\s+)?cards)\b",
        "users.new_registrations",
    ),
    _cue(
        "en_registered",
        _GAP_SHORT
        + r"(?:registered\s+(?:readers|borrowers|members|users)|(?:library\s+)?card\s*holders|readers\s+with\s+(?:library|reader'?s?)\s+cards|library\s+cards\s+(?:issued|in\s+use))\b",
        "users.registered_total",
    ),
    _cue(
        "en_events",
        _GAP
        + r"(?:lectures|talks|exhibitions|activities|events|workshops|seminars|programmes|programs|reading\s+sessions|story\s*times?)\b",
        "activities.events",
    ),
    _cue(
        "en_participants",
        _GAP_SHORT + r"(?:participants|attendees|people\s+(?:took|taking)\s+part|participations)\b",
        "activities.attendance",
    ),
    _cue("en_branches", _GAP_SHORT + r"(?:branch(?:es|\s+libraries)|sub-?branches)\b", "network.branches"),
    _cue(
        "en_points",
        _GAP
        + r"(?:service\s+points|self-?service\s+libraries|mobile\s+libraries|library\s+vans|book\s*mobiles|reading\s+rooms|(?:24-hour|self-?service)\s+(?:kiosks|stations))\b",
        "network.service_points",
    ),
    _cue(
        "en_holdings",
        _GAP_SHORT
        + r"(?:volumes|books|items|titles|materials|multi-?media\s+materials|library\s+materials|e-?books)\b",
        "collection.total",
    ),
]
# the verb or noun on the left that makes counted volumes loans, additions or holdings
LOAN_LEFT = re.compile(
    r"\b(?:borrow(?:ed|ing|s)?|loans?|lent|lending|checked\s+out|check-?outs?|circulation|circulated)\b", re.IGNORECASE
)
LOAN_RIGHT = re.compile(r"^[^.;\n]{0,30}?\b(?:borrowed|lent|checked\s+out|loaned|circulated)\b", re.IGNORECASE)
ADDED_LEFT = re.compile(
    r"\b(?:newly\s+added|new(?:ly)?\s+acquired|added|acquired|purchased|bought|new\s+additions?)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
# a library's holdings are told with a verb of having or a word of stock on the left (has now 2.84 million
# volumes, a collection of 12.72 million books, a total stock of …): volumes counted otherwise are no holdings
HOLDING_LEFT = re.compile(
    r"\b(?:has|have|had|holds?|held|stocks?|stocked|collections?|holdings|consist(?:s|ed)?\s+of|offers?|offered|"
    r"houses?|housed|boasts?|possess\w*|owns?|owned|contains?|contained|comprises?|now)\b",
    re.IGNORECASE,
)
# volumes as the subject of an unrelated verb (given away, donated, recommended): no holdings
NOT_HOLDINGS_LEFT = re.compile(
    r"\b(?:donat\w*|gave|given|distribut\w*|recommend\w*|sold|read|reading|downloads?|download\w*)\b[^.;]{0,30}$",
    re.IGNORECASE,
)

# ---- cues on the left of a number with no noun after it (The number of registered readers reached 2,467,200)
LEFT_CUES: list[Cue] = [
    _cue(
        "en_online_l",
        r"\b(?:online|website|web\s*site|digital\s+resources?|online\s+platforms?|online\s+library)\b",
        "visits.online",
        side="L",
    ),
    _cue(
        "en_visits_l",
        r"\b(?:visits|visitors(?:\s+count)?|visitor\s+numbers?|attendances?|footfall|admissions)\b",
        "visits.in_person",
        side="L",
    ),
    _cue(
        "en_loans_l",
        r"\b(?:borrowed\s+books|book\s+loans|loans|circulation|borrowings?|books\s+borrowed|items\s+borrowed|borrowed|checked\s+out)\b",
        "circulation.loans",
        side="L",
    ),
    _cue(
        "en_new_l",
        r"\bnew(?:ly)?\s+registered\s+(?:readers|borrowers|members|users)\b",
        "users.new_registrations",
        side="L",
    ),
    _cue(
        "en_registered_l",
        r"\b(?:registered\s+(?:readers|borrowers|members|users)|card\s*holders|library\s+cards?\s+holders)\b",
        "users.registered_total",
        side="L",
    ),
    _cue(
        "en_holdings_l", r"\b(?:collection|holdings|total\s+stock|stock\s+of\s+books)\b", "collection.total", side="L"
    ),
]
# between a left cue and its number: a verb of reaching and a few words, no other number
LEFT_LINK = re.compile(
    r"^[^\d.;:!?]{0,60}?\b(?:reached|stood\s+at|was|were|totall?ed|amounted\s+to|hit|exceeded|topped|came\s+to|numbered|of)"
    r"(?:\s+(?:about|around|nearly|over|more\s+than|some|approximately|a\s+total\s+of|as\s+many\s+as|a\s+record))?\s*$",
    re.IGNORECASE,
)
# where an English sentence ends: a stop, a blank line (unless a lower-case word goes on after it: a page
# break inside a sentence), a menu item
SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n\s*\n(?!\s*[a-z])|\n(?=[ \t]*[-•*]?[ \t]*\n(?!\s*[a-z]))")
# a count of whole libraries (650 public libraries) is no figure of a library's network (realdev h008 / n406)
LIBRARIES_COUNTED = re.compile(r"^\s*(?:public\s+|static\s+|district\s+|community\s+)?libraries\b", re.IGNORECASE)
# a total since opening (received 1.45 million visits since its opening): no figure of a year
SINCE_OPENING = re.compile(
    r"\bsince\s+(?:its|the)\s+(?:opening|inauguration|launch)|\bsince\s+it\s+(?:opened|was\s+opened)", re.IGNORECASE
)
# two flows counted together (borrowing and returning volume): no loans
TWO_FLOWS_LEFT = re.compile(
    r"\b(?:borrowing|borrowed|loans?)\s+(?:and|&)\s+(?:returning|returned|returns?)\b", re.IGNORECASE
)
# readers counted after a loan (book borrowing of 810,000 volumes by over 230,000 readers): the borrowers
BORROWERS_RIGHT = re.compile(r"(?i)^\s*(?:readers|users|borrowers|people|persons)\b")
BY_LEFT = re.compile(r"(?i)\bby(?:\s+(?:over|more\s+than|about|nearly|some|around))?\s*$")
# a segment named right before a service point noun (12 mobile libraries)
SEGMENT_WORDS = {"mobile": "mobile", "self-service": "self_service", "selfservice": "self_service"}
# the scope of an English figure from its sentence: a region's public libraries together, or a library's
# network (system); a network's counts are of the system
REGION_SCOPE = re.compile(
    r"\b(?:city-?wide|all\s+(?:the\s+)?(?:city|province|county|district)['’]s\s+(?:public\s+)?libraries|"
    r"public\s+librar(?:y|ies)(?:\s+\w+)?\s+in\s+[A-Z]|[A-Z]\w+\s+(?:city\s+)?public\s+libraries|"
    r"the\s+(?:city|province|county|district)\s+has\s+a\s+total)"
)
SYSTEM_SCOPE = re.compile(r"\b(?:network|library\s+system|libraries\s+system|from\s+the\s+\d+\s+public\s+libraries)\b")

# ---- money: an amount in yuan is a figure only where a spending cue says what it was spent on
MONEY_RIGHT = re.compile(r"^\s*(?:yuan|rmb)\b", re.IGNORECASE)
_BOOKS = r"(?:new\s+)?(?:books|library\s+materials|materials|collections?|acquisitions|literature|documents)"
SPENDING_RIGHT_CUES: list[Cue] = [
    _cue(
        "en_spent_on_books",
        r"^\s*(?:yuan|rmb)\b[^.;\d]{0,25}?\b(?:on|for)\s+(?:buying\s+|purchasing\s+)?" + _BOOKS + r"\b",
        "spending.collections",
    )
]
SPENDING_LEFT_CUES: list[Cue] = [
    _cue(
        "en_books_budget",
        r"\b(?:book\s+purchas\w*|purchas\w*\s+(?:of\s+)?"
        + _BOOKS
        + r"|acquisitions?\s+(?:budget|funds?|funding|spending))",
        "spending.collections",
        side="L",
    ),
    _cue(
        "en_total_spending",
        r"\b(?:total\s+(?:expenditure|spending|budget)|operating\s+(?:budget|expenditure|costs?)|annual\s+budget)\b",
        "spending.total",
        side="L",
    ),
]
