"""Time lost and time given: "closed for five days" against "a free month" (sv, en).

A give-away is compensation worth more than the customer's own loss. Customers often state
the loss as time without service ("the gym's been closed for five days", "vi har varit utan
internet i två veckor", "locked out the whole weekend") and agents often give time back
("a free month", "tre gratismånader", "I'll waive next month's rent"). Both are counted in
days here, so that the two can be compared when no money amount is said on one side.

Only durations that come with a loss cue in the same sentence count as lost ("I've been a
member for three years" is no loss); only free periods count as given.
"""

from __future__ import annotations

import re

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "couple of": 2, "few": 3,
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "fjorton": 14, "femton": 15,
    "tjugo": 20, "trettio": 30, "ett par": 2, "några": 3,
}  # fmt: skip
_UNIT_DAYS = {
    "day": 1, "days": 1, "night": 1, "nights": 1, "week": 7, "weeks": 7, "weekend": 2,
    "fortnight": 14, "month": 30, "months": 30,
    "dag": 1, "dagen": 1, "dagar": 1, "dagarna": 1, "dygn": 1, "natt": 1, "nätter": 1, "vecka": 7,
    "veckor": 7, "veckan": 7, "helg": 2, "helgen": 2, "månad": 30, "månader": 30,
    "månaden": 30,
}  # fmt: skip
_NUMBER_ALT = "|".join(sorted(_NUMBERS, key=len, reverse=True))
_UNIT_ALT = "|".join(sorted(_UNIT_DAYS, key=len, reverse=True))
_SPAN = re.compile(rf"\b(?:(?P<n>\d{{1,3}}|{_NUMBER_ALT})\s+)?(?P<u>{_UNIT_ALT})\b", re.IGNORECASE)
#: Words that make a stated duration a loss: time without the service, closed, missed.
_LOSS_CUE = re.compile(
    r"\b(?:without|closed|shut|down|no\s+(?:service|internet|signal|power|heating|water|"
    r"access|tv|broadband)|missed|lost|couldn'?t|could\s+not|can'?t|cannot|locked\s+out|"
    r"out\s+of\s+action|not\s+working|unusable|utan|stängt|stängd|stängda|nere|ingen|inget|"
    r"missade|missat|förlorade|kunde\s+inte|kan\s+inte|inte\s+kunnat|utelåst|ur\s+funktion|"
    r"har\s+inte\s+(?:fungerat|funkat|gått))\b",
    re.IGNORECASE,
)
#: Time given back: "a free month", "two weeks free", "tre gratismånader", "en gratis månad",
#: "waive next month's rent", "stryker nästa månadsavgift", "bjuder på en månad", "då bjuder jag
#: på hela nästa månad", "the next six months of the plan on us".
_FREE = re.compile(
    rf"\b(?:(?P<n1>\d{{1,3}}|{_NUMBER_ALT})\s+)?(?:gratis\s*|(?:free|fri|fria|fritt)\s+)(?P<u1>{_UNIT_ALT})\b|"
    rf"\b(?:(?P<n2>\d{{1,3}}|{_NUMBER_ALT})\s+)?(?P<u2>{_UNIT_ALT})'?\s+(?:free|on\s+us|on\s+the\s+house|"
    rf"gratis)\b|"
    r"\bwaive\s+(?:the\s+|your\s+)?(?:next|this|a|one)\s+(?P<u3>month|week)'?s\b|"
    r"\b(?:stryker|bjuder(?:\s+(?:jag|vi))?\s+på)\s+(?:hela\s+)?(?:nästa|en|den\s+här)\s+(?P<u4>månad|vecka)|"
    # "the next six months of the plan on us", "två månader av abonnemanget gratis"
    rf"\b(?:(?P<n5>\d{{1,3}}|{_NUMBER_ALT})\s+)?(?P<u5>{_UNIT_ALT})\s+(?:of|av)\s+(?:the\s+|your\s+|"
    r"ditt\s+|din\s+|ert\s+|er\s+)?(?:[\w-]+\s+){0,2}?(?:free|on\s+us|on\s+the\s+house|gratis)\b|"
    # The period without its price: "tre månader utan månadsavgift", "two months without
    # paying", "no charge for the next three months", "ingen avgift på två månader".
    rf"\b(?:(?P<n6>\d{{1,3}}|{_NUMBER_ALT})\s+)?(?P<u6>{_UNIT_ALT})\s+(?:without|utan)\s+(?:the\s+|any\s+|"
    r"your\s+|att\s+)?(?:\w+\s+)?(?:fee|fees|charge|charges|cost|paying|payment|rent|avgift|"
    r"\w+avgift|kostnad|hyra|betala)\b|"
    r"\b(?:no|ingen|inte\s+någon)\s+(?:\w+\s+)?(?:charge|fee|cost|avgift|\w+avgift|kostnad|hyra)\s+"
    rf"(?:for|på|för|i|under)\s+(?:the\s+next\s+|de\s+närmaste\s+|nästa\s+)?(?:(?P<n7>\d{{1,3}}|"
    rf"{_NUMBER_ALT})\s+)?(?P<u7>{_UNIT_ALT})\b",
    re.IGNORECASE,
)
#: The time a remedy is for, in the agent's own words: "for the three days you couldn't
#: watch", "för de fyra dagarna", "for those two weeks".
_FOR_TIME = re.compile(
    rf"\b(?:for|för)\s+(?:the|those|these|de|dom|dessa|de\s+där|the\s+last|de\s+senaste)\s+"
    rf"(?P<n>\d{{1,3}}|{_NUMBER_ALT})\s+(?P<u>{_UNIT_ALT})\b",
    re.IGNORECASE,
)
#: Just before a rate's unit: "per", "i" ("i månaden"), "om dagen", "each", or an amount
#: (also in number words: "twelve ninety-nine a month").
_RATE_BEFORE = re.compile(
    r"(?:\bper|\bi|\bom|\beach|\bevery|\bvarje|\d|\bkr|\bkronor|\bspänn|\bpounds?|\bquid|"
    r"\bdollars?|\bbucks|\beuros?|£|\$|€|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"\s+(?:an?\s+)?$",
    re.IGNORECASE,
)
_AMOUNT_BEFORE = re.compile(
    r"(?:\bper|\beach|\bevery|\bvarje|\bkr|\bkronor|\bspänn|\bpounds?|\bquid|\bdollars?|\bbucks|"
    r"\beuros?)\s+$",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def _days(n: str | None, unit: str) -> float:
    count = 1.0
    if n:
        low = n.lower()
        count = float(low) if low.isdigit() else float(_NUMBERS.get(low, 1))
    return count * _UNIT_DAYS.get(unit.lower(), 0)


def lost_days(text: str) -> float | None:
    """The longest duration ``text`` states as lost (time without service), in days."""
    best: float | None = None
    for sentence in _SENTENCE.findall(text):
        if _LOSS_CUE.search(sentence) is None:
            continue
        for m in _SPAN.finditer(sentence):
            counted = m.group("n") is not None and m.group("n").lower() not in ("a", "an")
            rate = _AMOUNT_BEFORE if counted else _RATE_BEFORE  # "i fem dagar" is time lost
            if rate.search(sentence, 0, m.start()) is not None:
                continue  # "449 i månaden", "£45 a month", "per night": a rate, not time lost
            days = _days(m.group("n"), m.group("u"))
            if days and (best is None or days > best):
                best = days
    return best


def free_days(text: str) -> float | None:
    """The time ``text`` gives as free (free months, waived rent), in days, summed."""
    total = 0.0
    for m in _FREE.finditer(text):
        n = m.group("n1") or m.group("n2") or m.group("n5") or m.group("n6") or m.group("n7")
        unit = next((u for k in range(1, 8) if (u := m.group(f"u{k}"))), "")
        total += _days(n, unit)
    return total or None


#: An amount just before a rate's unit: "129 spänn i månaden", "twelve bucks a month",
#: "£45 per week", "359 kronor/månad"; or a price said in number words with no currency,
#: "fourteen ninety-nine a month", "fyrahundrafyrtionio i månaden" (two number words, or one
#: compound of two).
_EN_NUM = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand)"
)
_SV_NUM = (
    r"(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|"
    r"sjutton|arton|nitton|tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra|tusen)"
)
_PRICE_BEFORE = re.compile(
    r"(?:\d|\bkr|\bkronor|\bspänn|\bpounds?|\bquid|\bdollars?|\bbucks|\beuros?|£|\$|€|"
    rf"\b{_EN_NUM}(?:[\s-]+(?:and\s+)?{_EN_NUM})+|\b{_SV_NUM}{{2,}})\s*"
    r"(?:/|(?:per|a|an|i|om|each|every|varje)\s+)?$",
    re.IGNORECASE,
)


def rate_days(text: str) -> float | None:
    """The longest period of a price per period that ``text`` states ("129 spänn i månaden"
    is 30 days), or None. A customer who pays by the period can lose at most that period's
    service on one failure that the customer gives no duration for."""
    best: float | None = None
    for m in _SPAN.finditer(text):
        if m.group("n") is not None and m.group("n").lower() not in ("a", "an"):
            continue
        if _PRICE_BEFORE.search(text, 0, m.start()) is None:
            continue
        days = _UNIT_DAYS.get(m.group("u").lower(), 0)
        if days and (best is None or days > best):
            best = float(days)
    return best


def compensated_days(text: str) -> float | None:
    """The time the agent says a remedy is for ("for the three days you couldn't watch",
    "för de fyra dagarna vill jag ge dig…"), in days: the agent's own account of the time
    lost, or None."""
    best: float | None = None
    for m in _FOR_TIME.finditer(text):
        days = _days(m.group("n"), m.group("u"))
        if days and (best is None or days > best):
            best = days
    return best
