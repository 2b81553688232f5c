"""Money in what people say: amounts, percentages and compensation offers (sv, en).

:func:`find_amounts` finds

* digits with a currency: "79 kr", "79 kronor", "3 000 kr" (space, no-break space or
  narrow space between thousands), "1 200:-", "149:-", "2,50 kr", "£2.50", "$40",
  "€15", "15 euro", "1,200 pounds", "5 tusen kronor", "50 öre", "50p";
* percentages: "20 %", "20%", "20 procent", "twenty percent";
* number words with a currency: Swedish "tvåhundra kronor", "femhundra kr",
  "tvåhundrafemtio spänn", "tre tusen fem hundra kronor", "en hundralapp"; English
  "two hundred dollars", "thirty pounds", "two hundred and fifty pounds", "a tenner";
* compensation with no stated value: "a free month", "fri frakt", "gratis månad",
  "a voucher", "rabatt" (``value=None``, ``compensation=True``). "Gratis", "for free"
  and "free of charge" alone say that a remedy costs nothing, which is not
  compensation; next to an amount they mark it as given.

Each amount says whether it is said in a *compensation* context: the nearest cue word
in the same sentence, within :data:`CUE_WINDOW` words, is a compensation cue
("presentkort på 300 kr", "500 kr i tillgodo", "a £30 voucher", "refund the £3.20",
"200 kronor extra för besväret") rather than a price cue ("avgift på 695 kronor",
"49 kronor i månaden", "£84 a month"). A compensation cue that no amount claims
becomes an amount of unknown value.

A bare number ("45 210", "23,418", "10.42") is not money: a currency or "%" is needed.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: A cue word counts for an amount when at most this many words lie between them.
CUE_WINDOW = 8

Kind = Literal["money", "percent"]


class Amount(BaseModel):
    """An amount of money (or a percentage) found in a text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float | None = Field(description="In the currency's main unit; None when not said.")
    currency: str | None = Field(description="ISO code (SEK, GBP, USD, EUR); None for percent.")
    kind: Kind = Field(description="'money' or 'percent'.")
    start: int = Field(ge=0, description="Character offset in the text.")
    end: int = Field(ge=0, description="Character offset (exclusive).")
    text: str = Field(description="text[start:end].")
    compensation: bool = Field(description="Said as compensation (voucher, refund, credit…).")
    cue: str | None = Field(default=None, description="The cue word that decided the context.")


# -- currencies --------------------------------------------------------------------

# (pattern, currency, factor); factor turns a subunit (öre, pence) into the main unit.
_SUFFIXES: list[tuple[str, str | None, float]] = [
    (r":[-–]", "SEK", 1.0),
    (r"kr\b", "SEK", 1.0),
    (r"kronor\b|kronan\b|krona\b", "SEK", 1.0),
    (r"spänn\b", "SEK", 1.0),
    (r"sek\b", "SEK", 1.0),
    (r"öre\b", "SEK", 0.01),
    (r"pounds?\b|quid\b|gbp\b", "GBP", 1.0),
    (r"pence\b", "GBP", 0.01),
    (r"dollars?\b|bucks\b|usd\b", "USD", 1.0),
    (r"euros?\b|eur\b|€", "EUR", 1.0),
    (r"%|procent\b|percent\b|per cent\b", None, 1.0),
]
_SUFFIX_RE = [(re.compile(p, re.IGNORECASE), c, f) for p, c, f in _SUFFIXES]
_PREFIXES = {"£": "GBP", "$": "USD", "us$": "USD", "€": "EUR", "sek": "SEK", "gbp": "GBP"}

_NUM = (
    r"(?<![\d.,])(?:"
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?"  # 3 000, 1 200,50
    r"|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?"  # 1,200 / 1,200.50
    r"|\d+(?:[.,]\d{1,2})?"  # 79, 2.50, 2,50
    r")(?![\d])"
)
_DIGITS_RE = re.compile(
    r"(?P<pre>US\$|£|\$|€|(?:SEK|GBP)\s?)?"
    rf"(?P<num>{_NUM})"
    r"(?:\s?(?P<mult>tusen|thousand|miljoner|miljon|millions?|k)\b)?",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[^\W\d_]+")

# -- number words -------------------------------------------------------------------

_SV_MORPHEMES: dict[str, int] = {
    "ettusen": 1000,
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "nitton": 19,
    "tjugo": 20,
    "trettio": 30,
    "fyrtio": 40,
    "femtio": 50,
    "sextio": 60,
    "sjuttio": 70,
    "åttio": 80,
    "nittio": 90,
    "hundra": 100,
    "tusen": 1000,
}
_SV_BY_LENGTH = sorted(_SV_MORPHEMES, key=len, reverse=True)

_EN_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
}
# Words that are a sum of money on their own.
_WHOLE_WORDS: dict[str, tuple[float, str]] = {"fiver": (5.0, "GBP"), "tenner": (10.0, "GBP")}

# -- cues ---------------------------------------------------------------------------

# Compensation cues that can stand alone (an offer of unknown value) ...
_COMP_SV = [
    r"presentkort\w*",
    r"värdecheck\w*",
    r"värdebevis\w*",
    r"tillgodo\w*",
    r"kompensation\w*",
    r"kompenser\w*",
    r"ersättning(?:en|ar|arna)?\b",  # the noun; not "ersättningsbar" (an assessment)
    r"återbetal\w*",
    r"pengarna tillbaka",
    r"kreditera\w*",
    r"kreditering\w*",
    r"rabatt\w*",
    r"gratis\s+(?:månad\w*|frakt|leverans\w*)",
    r"månad\w*\s+gratis",
    r"fri(?:tt)?\s+(?:frakt|leverans|månad)\w*",
    r"(?:gratis|fri)(?:månad|vecka|veckor|frakt|leverans)\w*",
    r"för besväret",
    r"plåster på såren",
    r"bjuder på",
]
_COMP_EN = [
    r"(?:gift\s+)?vouchers?",
    r"gift\s+cards?",
    r"credit(?:s|ed|ing)?(?!\s+(?:card|check|score|rating|limit|history|agreement|union))",
    r"refund\w*",
    r"reimburs\w*",
    r"discount\w*",
    r"compensat\w*",
    r"goodwill(?:\s+gesture|\s+payment)?",
    r"money\s+back",
    r"(?<!-)free\s+(?:months?|delivery|deliveries|shipping|postage|returns?|upgrade|"
    r"replacement|installation|visit|call-?out|trial|month's|weeks?|nights?|sessions?|lessons?|"
    r"classes)\b",
    r"(?:months?|delivery)\s+free",
    r"on\s+the\s+house",
    r"on\s+us",
    r"complimentary",
    r"waive[ds]?",
    r"for\s+the\s+(?:trouble|inconvenience|hassle)",
]
# ... and cues that only mark an amount said next to them ("£10 off", "få 200 kr tillbaka").
# "Gratis", "for free" alone usually say a remedy costs nothing ("jag skickar ett nytt
# skal, helt gratis", "we can book the installation for free"): not compensation by itself.
_ATTACH_ONLY = [
    r"off",
    # Money to spend next time is a credit: "300 kronor i appen som du kan använda på nästa
    # resa", "£10 towards your next order".
    r"(?:på|till|vid)\s+(?:din\s+|er\s+)?nästa\s+(?:resa|köp|beställning|order|bokning|besök)",
    r"(?:on|towards|toward|off)\s+(?:your|the)\s+next\s+(?:order|trip|ride|booking|purchase|visit|"
    r"stay|shop)",
    r"tillbaka",
    r"back",
    r"avdrag\w*",
    r"gratis",
    r"kostnadsfri\w*",
    r"utan\s+kostnad",
    r"free\s+of\s+charge",
    r"for\s+free",
]
# Price cues: the amount is a cost, a fee or a balance, not something given.
_PRICE = [
    r"avgift\w*",
    r"kostar",
    r"kostade",
    r"kostnad\w*",
    r"pris\w*",
    r"självrisk\w*",
    r"debiter\w*",
    r"saldo\w*",
    r"skuld\w*",
    r"betala\w*",
    r"i\s+månaden",
    r"per\s+månad",
    r"i\s+mån",
    r"fees?",
    r"charge[sd]?",
    r"costs?",
    r"price\w*",
    r"excess",
    r"balance",
    r"owe\w*",
    r"pay\w*",
    r"direct\s+debit",
    r"(?:a|per)\s+(?:month|year|week)",
]


def _cue_re(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_COMP_RE = {"sv": _cue_re(_COMP_SV), "en": _cue_re(_COMP_EN), "*": _cue_re(_COMP_SV + _COMP_EN)}
#: Compensation cues that only give back what the customer lost (a refund, money back):
#: putting it right, not giving anything away. Every other cue is goodwill.
_RESTITUTION = (
    r"återbetal\w*",
    r"pengarna tillbaka",
    r"refund\w*",
    r"reimburs\w*",
    r"money\s+back",
)
_GOODWILL_RE = {
    lang: _cue_re([c for c in cues if c not in _RESTITUTION])
    for lang, cues in (("sv", _COMP_SV), ("en", _COMP_EN), ("*", _COMP_SV + _COMP_EN))
}


#: Giving the loss back: a refund, money back, "we'll cover the £60", "vi står för taxin".
_GIVES_BACK_RE = re.compile(
    r"\b(?:refund\w*|reimburs\w*|money\s+back|cover(?:ed|ing)?\s+(?:the|your|it|that)|"
    r"återbetal\w*|pengarna\s+tillbaka|betalar\s+tillbaka|står\s+för|ersätter|"
    # A charge the customer should not have paid, struck off: "den stryker jag", "we'll waive
    # the fee", "makulerar fakturan".
    r"stryker|stryks|strukit|makulerar|makuleras|krediterar|"
    r"waiv(?:e|ed|ing)\s+(?:the|your|that|this|it)\b(?!\s+next))\b",
    re.IGNORECASE,
)
#: A gift on top of the remedy (not a replacement, a repair or a rebooking, which put the
#: same thing right): vouchers, account credit, free time, discounts, upgrades.
_GIFT_RE = re.compile(
    r"\b(?:(?:gift\s+)?vouchers?|gift\s+cards?|credit\s+(?:on|to)\s+(?:your|the)\s+account|"
    r"account\s+credit|(?:free|complimentary)\s+(?:months?|weeks?|weekend|nights?|upgrades?|"
    r"stay|dinner|meal|session|lesson|class)|(?:vip|priority|premium)\s+upgrades?|discount\w*|"
    r"\w*\s+off\s+(?:your|the)\s+(?:[\w-]+\s+){0,2}(?:next|invoice|bill|order|renewal)|"
    r"on\s+the\s+house|"
    r"for\s+the\s+(?:trouble|inconvenience|hassle)|goodwill|presentkort\w*|värdecheck\w*|"
    r"värdebevis\w*|tillgodo\w*|rabatt\w*|(?:gratis|fri)(?:månad|vecka|veckor|helg)\w*|"
    r"(?:gratis|fri|fritt)\s+(?:månad|vecka|helg|natt)\w*|bjuder\s+(?:dig|er|på)|"
    r"för\s+besväret|plåster\s+på\s+såren|"
    r"(?:på|till|vid)\s+(?:din\s+|er\s+)?nästa\s+(?:resa|köp|beställning|order|bokning|besök)|"
    r"(?:on|towards|toward|off)\s+(?:your|the)\s+next\s+(?:order|trip|ride|booking|purchase|"
    r"visit|stay|shop))\b",
    re.IGNORECASE,
)


def gives_back_and_gifts(texts: list[str]) -> bool:
    """Whether the agent's words give the loss back (a refund) and add a gift on top."""
    joined = " ".join(texts)
    return gives_back(texts) and _GIFT_RE.search(joined) is not None


def gives_back(texts: list[str]) -> bool:
    """Whether the agent's words give the loss back: a refund, money back, a charge waived
    or struck off ("den stryker jag")."""
    return _GIVES_BACK_RE.search(" ".join(texts)) is not None


#: Sending the goods again, new: "send you six new ones", "a replacement", "skickar nya",
#: "ett nytt exemplar".
_REPLACES_RE = re.compile(
    r"\b(?:(?:send|ship|post|deliver|dispatch)\w*\s+(?:you\s+)?(?:[\w-]+\s+){0,2}?(?:new|fresh|"
    r"replacements?)\b|(?:skicka|skickar|postar|levererar)\s+(?:\w+\s+){0,3}?(?:nya?|nytt|ersättnings\w*)\b)",
    re.IGNORECASE,
)
#: Said as an addition: "as well", "too", "on top", "också", "dessutom", "på köpet".
_ON_TOP_RE = re.compile(
    r"\b(?:as\s+well|too|also|on\s+top|in\s+addition|också|dessutom|på\s+köpet|därtill)\b",
    re.IGNORECASE,
)
_SENTENCE_RE = re.compile(r"[^.!?]+[.!?]*")


def refunds_and_replaces(text: str) -> bool:
    """Whether one sentence of ``text`` gives the money back and, said as an addition, sends
    the goods again ("I'll refund the £34 and send you six new ones as well", "jag
    återbetalar 300 kr och skickar dessutom nya"): the loss is made good twice. A refund and
    a replacement without that ("refund the £30 and send a replacement") stay a remedy, as
    calls_blind read them (en-b15)."""
    return any(
        _GIVES_BACK_RE.search(s) is not None
        and _REPLACES_RE.search(s) is not None
        and _ON_TOP_RE.search(s) is not None
        for s in _SENTENCE_RE.findall(text)
    )


def offers_goodwill(text: str, lang: str) -> bool:
    """Whether ``text`` offers compensation beyond restitution: a voucher, a credit, a free
    month, a discount, "for the trouble" ("We'll refund the £45" gives back only the loss)."""
    return (
        _GOODWILL_RE.get(lang, _GOODWILL_RE["*"]).search(text) is not None
        or _GIFT_RE.search(text) is not None
    )


def names_a_gift(text: str) -> bool:
    """Whether ``text`` names a gift on top of a remedy (:data:`_GIFT_RE`): a voucher, a
    credit to spend next time, free months, a discount."""
    return _GIFT_RE.search(text) is not None


_ATTACH_RE = _cue_re(_ATTACH_ONLY)
_PRICE_RE = _cue_re(_PRICE)
_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|\n+")

# Cheap tests that rule out most texts before the number scans (each finds a superset):
# an amount in digits needs a digit; one in words needs a currency or percent word after
# its number words (every suffix _suffix_at reads starts with one of these, matched
# ignoring case as there), a banknote word ("hundralapp") or a sum word ("a tenner").
_ANY_DIGIT = re.compile(r"\d")
_SUFFIX_HINT = (
    r":-|:–|%|€|kr|spänn|sek|öre|pound|quid|gbp|pence|dollar|bucks|usd|eur|procent|percent|per cent"
)
_WORD_AMOUNT_HINT = {
    "sv": re.compile(_SUFFIX_HINT + "|lapp", re.IGNORECASE),
    "en": re.compile(_SUFFIX_HINT + "|" + "|".join(_WHOLE_WORDS), re.IGNORECASE),
    "*": re.compile(_SUFFIX_HINT + "|lapp|" + "|".join(_WHOLE_WORDS), re.IGNORECASE),
}
_HINT_WORDS = {lang: tuple(rx.pattern.split("|")) for lang, rx in _WORD_AMOUNT_HINT.items()}
# A word that each compensation cue contains (one per cue of _COMP_SV and _COMP_EN), to
# skip the cue search in a text that has none. "on us" needs both of its words.
_COMP_WORDS_SV = (
    "presentkort", "värdecheck", "värdebevis", "tillgodo", "kompensation", "kompenser",
    "ersättning", "återbetal", "pengarna tillbaka", "kreditera", "kreditering", "rabatt",
    "gratis", "fri", "för besväret", "plåster på såren", "bjuder på",
)  # fmt: skip
_COMP_WORDS_EN = (
    "voucher", "gift", "credit", "refund", "reimburs", "discount", "compensat", "goodwill",
    "money", "free", "house", "complimentary", "waive", "trouble", "inconvenience", "hassle",
)  # fmt: skip
_COMP_WORDS = {
    "sv": _COMP_WORDS_SV,
    "en": _COMP_WORDS_EN,
    "*": _COMP_WORDS_SV + _COMP_WORDS_EN,
}
#: Characters whose str.lower() folds case exactly as the IGNORECASE regexes here do
#: (ASCII, the Swedish letters, é): in text made of them, a case-insensitive literal is in
#: the text exactly when it is in text.lower(). Other text is left to the regexes.
_PLAIN_CHARS = frozenset(chr(i) for i in range(128)) | frozenset("åäöÅÄÖéÉ€")


def _folded(text: str) -> str | None:
    """``text.lower()``, when it stands exactly for case-insensitive matching; else None."""
    if text.isascii() or _PLAIN_CHARS.issuperset(text):
        return text.lower()
    return None


def _has_word_amount_hint(text: str, folded: str | None, lang: str) -> bool:
    """What ``_WORD_AMOUNT_HINT[lang].search(text)`` says, by substring look-ups if it can."""
    if folded is None:
        hint = _WORD_AMOUNT_HINT.get(lang, _WORD_AMOUNT_HINT["*"])
        return hint.search(text) is not None
    return any(word in folded for word in _HINT_WORDS.get(lang, _HINT_WORDS["*"]))


def _may_have_cue(folded: str | None, lang: str) -> bool:
    """False when no compensation cue can be in the text (``folded``: :func:`_folded`)."""
    if folded is None:
        return True
    for word in _COMP_WORDS.get(lang, _COMP_WORDS["*"]):
        if word in folded:
            return True
    return lang != "sv" and "on" in folded and "us" in folded  # "on us"


def find_amounts(text: str, lang: str) -> list[Amount]:
    """Find amounts of money, percentages and compensation offers in a text.

    Args:
        text: One utterance.
        lang: ``"sv"`` or ``"en"`` (number words and cues of that language; any other
            code uses both).

    Returns:
        The amounts in text order. Compensation offers with no value have
        ``value=None``.

    >>> [(a.value, a.currency, a.compensation) for a in find_amounts(
    ...     "Jag lägger in ett presentkort på 500 kronor, och så får du fri frakt.", "sv")]
    [(500.0, 'SEK', True), (None, None, True)]
    """
    digits = _digit_amounts(text) if _ANY_DIGIT.search(text) else []
    if digits:
        digits = _with_parallel(text, digits)
    folded = _folded(text)
    in_words = _word_amounts(text, lang) if _has_word_amount_hint(text, folded, lang) else []
    if not digits and not in_words and not _may_have_cue(folded, lang):
        return []  # no amount and no compensation cue
    digit_spans = _Spans([(d[0], d[1]) for d in digits])
    raw = digits + [w for w in in_words if not digit_spans.overlaps((w[0], w[1]))]
    raw.sort(key=lambda r: r[0])
    raw_starts = [r[0] for r in raw]
    words: _Words | None = None
    comp_re = _COMP_RE.get(lang, _COMP_RE["*"])
    amounts: list[Amount] = []
    claimed: set[tuple[int, int]] = set()
    # Overlaps and distances are looked up in sorted spans, not by comparing every pair: an
    # unpunctuated turn is one long "sentence", where the pairs made it cubic in its length.
    for sent_start, sent_end in _sentences(text):
        in_sent = raw[bisect_left(raw_starts, sent_start) : bisect_left(raw_starts, sent_end)]
        comp = [(m.start(), m.end()) for m in comp_re.finditer(text, sent_start, sent_end)]
        if not in_sent:
            # No amount here: each compensation cue is an offer of unknown value.
            amounts.extend(_unvalued(text, span) for span in comp)
            continue
        if words is None:
            words = _Words(text)
        comp_spans = _Spans(comp)
        attach = [
            (m.start(), m.end())
            for m in _ATTACH_RE.finditer(text, sent_start, sent_end)
            if not comp_spans.overlaps((m.start(), m.end()))
        ]
        attach_spans = _Spans(attach)
        price = [
            (m.start(), m.end())
            for m in _PRICE_RE.finditer(text, sent_start, sent_end)
            if not comp_spans.overlaps((m.start(), m.end()))
            and not attach_spans.overlaps((m.start(), m.end()))
        ]
        cues = _Cues(comp + attach, price, words)
        for start, end, value, currency, kind in in_sent:
            cue = cues.nearest((start, end))
            is_comp = cue is not None and cue[1]
            if cue is not None and is_comp:
                claimed.add(cue[0])
            amounts.append(
                Amount(
                    value=value,
                    currency=currency,
                    kind=kind,
                    start=start,
                    end=end,
                    text=text[start:end],
                    compensation=bool(is_comp),
                    cue=text[cue[0][0] : cue[0][1]] if cue is not None else None,
                )
            )
        said = _Spans([(r[0], r[1]) for r in in_sent])
        for span in comp:
            if span in claimed or said.overlaps(span):
                continue
            amounts.append(_unvalued(text, span))
    amounts.sort(key=lambda a: a.start)
    return amounts


#: A bare number in a list after an amount, in the same frame as it: "449 kronor i mars och
#: 449 i april", "£20 for the cot and 15 for the chair". The word after each number is the
#: same preposition, so the second is money in the first's currency (a date or a count in
#: another frame is not).
_PARALLEL = re.compile(
    r"\s+(?P<p>i|in|för|for|on|på|till|to|at)\s[^,.;:!?\d]{0,30}?\s(?:och|and|plus|samt)\s+"
    r"(?P<n>\d{1,3}(?:[ \u00a0]\d{3})*(?:[.,]\d{1,2})?|\d+)\s+(?P<q>\w+)\b",
    re.IGNORECASE,
)


def _with_parallel(text: str, digits: list[_Raw]) -> list[_Raw]:
    """``digits`` plus the bare numbers that repeat an amount's frame (:data:`_PARALLEL`)."""
    extra: list[_Raw] = []
    taken = _Spans([(d[0], d[1]) for d in digits])
    for _start, end, value, currency, kind in digits:
        if kind != "money" or currency is None or value is None:
            continue
        m = _PARALLEL.match(text, end)
        if m is None or m.group("q").lower() != m.group("p").lower():
            continue
        span = (m.start("n"), m.end("n"))
        number = _to_float(m.group("n"))
        if number is None or taken.overlaps(span):
            continue
        extra.append((span[0], span[1], number, currency, "money"))
    return sorted(digits + extra, key=lambda r: r[0]) if extra else digits


def _unvalued(text: str, span: tuple[int, int]) -> Amount:
    """A compensation cue no amount claims: an offer of unknown value."""
    return Amount(
        value=None,
        currency=None,
        kind="money",
        start=span[0],
        end=span[1],
        text=text[span[0] : span[1]],
        compensation=True,
        cue=text[span[0] : span[1]],
    )


def parse_number_words(words: list[str], lang: str) -> float | None:
    """The value of a run of number words, or None if they are not all number words.

    >>> parse_number_words(["tvåhundrafemtio"], "sv"), parse_number_words(
    ...     ["two", "hundred", "and", "fifty"], "en")
    (250.0, 250.0)
    """
    parts: list[int] = []
    for i, word in enumerate(words):
        w = word.lower()
        if lang == "en":
            if w == "and" and 0 < i < len(words) - 1:
                continue
            if (
                w == "a"
                and i == 0
                and len(words) > 1
                and words[1].lower() in ("hundred", "thousand")
            ):
                parts.append(1)
                continue
            if w not in _EN_WORDS:
                return None
            parts.append(_EN_WORDS[w])
        else:
            split = _sv_morphemes(w)
            if split is None:
                return None
            parts.extend(split)
    if not parts:
        return None
    total, current = 0, 0
    for v in parts:
        if v == 100:
            current = (current or 1) * 100
        elif v == 1000:
            total += (current or 1) * 1000
            current = 0
        else:
            current += v
    return float(total + current)


def format_amount(value: float, currency: str | None) -> str:
    """Write an amount the way people read it: "700 kr", "£3.20", "$40", "€15", "20 %".

    >>> format_amount(1200, "SEK"), format_amount(3.2, "GBP")
    ('1 200 kr', '£3.20')
    """
    whole = abs(value - round(value)) < 0.005
    if currency == "SEK":
        num = f"{value:,.0f}" if whole else f"{value:,.2f}"
        num = num.replace(",", " ").replace(".", ",")
        return f"{num} kr"
    num = f"{value:,.0f}" if whole else f"{value:,.2f}"
    symbol = {"GBP": "£", "USD": "$", "EUR": "€"}.get(currency or "")
    if symbol:
        return f"{symbol}{num}"
    if currency is None:
        return f"{num} %"
    return f"{num} {currency}"


# -- internals ------------------------------------------------------------------------

_Raw = tuple[int, int, float | None, str | None, Kind]


def _digit_amounts(text: str) -> list[_Raw]:
    found: list[_Raw] = []
    for m in _DIGITS_RE.finditer(text):
        value = _to_float(m.group("num"))
        if value is None:
            continue
        mult = (m.group("mult") or "").lower()
        end = m.end()
        if mult:
            if mult == "k" and not m.group("pre"):
                # "5k" needs a currency prefix ("£5k") to be money; "5 k" is rarely it.
                end = m.end("num")
                mult = ""
            else:
                value *= 1_000_000 if mult.startswith(("milj", "mill")) else 1000
        pre = (m.group("pre") or "").strip().lower()
        currency = _PREFIXES.get(pre)
        kind: Kind = "money"
        if currency is None:
            suffix = _suffix_at(text, end)
            if suffix is None:
                continue
            end, currency, factor = suffix
            if currency is None:
                kind = "percent"
            value *= factor
        elif mult == "" and (suffix := _suffix_at(text, end)) is not None and suffix[1] == currency:
            end = suffix[0]  # "€15 euro" once
        found.append((m.start(), end, round(value, 2), currency, kind))
    return found


def _suffix_at(text: str, pos: int) -> tuple[int, str | None, float] | None:
    """A currency or percent word starting at ``pos`` (after at most one space)."""
    if text.startswith(":", pos):
        m = _SUFFIX_RE[0][0].match(text, pos)
        return (m.end(), "SEK", 1.0) if m else None
    gap = 0
    # "a forty-dollar shirt", "a 20-pound voucher": the amount as a compound adjective.
    if pos < len(text) and text[pos] in " \u00a0\u202f-":
        gap = 1
    for rx, currency, factor in _SUFFIX_RE[1:]:
        m = rx.match(text, pos + gap)
        if m:
            return m.end(), currency, factor
    # "50p": pence written against the number.
    if gap == 0 and re.match(r"p\b", text[pos : pos + 2]):
        return pos + 1, "GBP", 0.01
    return None


def _word_amounts(text: str, lang: str) -> list[_Raw]:
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]
    langs = [lang] if lang in ("sv", "en") else ["sv", "en"]
    found: list[_Raw] = []
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        low = word.lower()
        if low in _WHOLE_WORDS and ("en" in langs):
            value, currency = _WHOLE_WORDS[low]
            found.append((start, end, value, currency, "money"))
            i += 1
            continue
        if "sv" in langs and (lapp := _sv_note(low)) is not None:
            count = 1.0
            first = start
            if i > 0:
                prev = parse_number_words([tokens[i - 1][2]], "sv")
                if prev is not None and _adjacent(text, tokens[i - 1][1], start):
                    count, first = prev, tokens[i - 1][0]
            found.append((first, end, lapp * count, "SEK", "money"))
            i += 1
            continue
        hit = None
        for lg in langs:
            if not _may_start_run(low, lg):
                continue  # _number_run would find nothing here
            hit = _number_run(text, tokens, i, lg)
            if hit is not None:
                break
        if hit is None:
            i += 1
            continue
        j, value = hit  # tokens[i:j] are the number words
        suffix = _suffix_at(text, tokens[j - 1][1])
        if suffix is None:
            i = j
            continue
        s_end, cur, factor = suffix
        kind: Kind = "percent" if cur is None else "money"
        found.append((start, s_end, round(value * factor, 2), cur, kind))
        i = j
    return found


#: Words made of Swedish number parts, ambiguous splits included (a superset of the words
#: _sv_morphemes splits, which never backtracks).
_SV_NUMBER_WORD = re.compile("(?:" + "|".join(_SV_BY_LENGTH) + ")+")


def _may_start_run(low: str, lang: str) -> bool:
    """Whether a run of number words can start at a word (lower-cased).

    In English a run starts at a number word or at "a" ("a hundred"); a run starting at
    "and" never parses. In Swedish it starts at a word made of number parts.
    """
    if lang == "en":
        return low in _EN_WORDS or low == "a"
    return _SV_NUMBER_WORD.fullmatch(low) is not None


def _number_run(
    text: str, tokens: list[tuple[int, int, str]], i: int, lang: str
) -> tuple[int, float] | None:
    """The longest run of number words starting at token i: (end token, value)."""
    best = None
    j = i
    while j < len(tokens):
        if j > i and not _adjacent(text, tokens[j - 1][1], tokens[j][0]):
            break
        value = parse_number_words([t[2] for t in tokens[i : j + 1]], lang)
        if value is None:
            # "two hundred and" is not a number yet, "two hundred and fifty" is.
            if tokens[j][2].lower() in ("and", "a"):
                j += 1
                continue
            break
        best = (j + 1, value)
        j += 1
    return best


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only spaces or a hyphen between two tokens ("twenty-five", "två hundra")."""
    return text[end:start].strip(" -\u00a0") == "" and start - end <= 2


def _sv_morphemes(word: str) -> list[int] | None:
    """Split a Swedish number word ("tvåhundrafemtio") into its parts ([2, 100, 50])."""
    parts: list[int] = []
    pos = 0
    while pos < len(word):
        for m in _SV_BY_LENGTH:
            if word.startswith(m, pos):
                parts.append(_SV_MORPHEMES[m])
                pos += len(m)
                break
        else:
            return None
    return parts


def _sv_note(word: str) -> float | None:
    """A Swedish banknote word: "hundralapp" = 100, "femhundralappar" = 500 each."""
    m = re.fullmatch(r"(\w+?)lapp(?:en|ar|arna)?", word)
    if not m:
        return None
    return parse_number_words([m.group(1)], "sv")


def _to_float(num: str) -> float | None:
    s = num.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in s:
        s = s.replace(" ", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?", s):
        s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Spans:
    """Character spans, sorted, to ask whether any of them overlaps a span (log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # The furthest end among the spans up to each position.
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))

    def overlaps(self, span: tuple[int, int]) -> bool:
        """Whether some span overlaps ``span`` (as :func:`_overlaps` says)."""
        n_before = bisect_left(self.starts, span[1])  # the spans that start before it ends
        return n_before > 0 and self.reach[n_before - 1] > span[0]


class _Words:
    """The words of a text (runs of letters, as ``_WORD_RE`` finds them), by position."""

    def __init__(self, text: str) -> None:
        runs = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
        self.starts = [start for start, _ in runs]
        self.ends = [end for _, end in runs]

    def between(self, lo: int, hi: int) -> int:
        """``len(_WORD_RE.findall(text[lo:hi]))``: each word of the text that reaches into
        ``lo:hi`` is one word there, clipped."""
        if lo >= hi:
            return 0
        return bisect_left(self.starts, hi) - bisect_right(self.ends, lo)

    def start_before(self, pos: int, n: int) -> int:
        """Cues ending before ``pos`` are within ``n`` words of it if they end here or later."""
        k = bisect_left(self.starts, pos) - n - 1  # the word that would be word n + 1
        return self.ends[k] if k >= 0 else 0

    def end_after(self, pos: int, n: int) -> float:
        """Cues starting after ``pos`` are within ``n`` words of it if they start here or
        earlier."""
        k = bisect_right(self.ends, pos) + n  # the word that would be word n + 1
        return self.starts[k] if k < len(self.starts) else float("inf")


class _Cues:
    """A sentence's compensation and price cues, to find the nearest one to an amount."""

    def __init__(
        self, comp: list[tuple[int, int]], price: list[tuple[int, int]], words: _Words
    ) -> None:
        self.words = words
        # (span, rank, position): compensation ranks before price on a tie, then list order.
        cues = [(c, 0, i) for i, c in enumerate(comp)]
        cues += [(c, 1, len(comp) + i) for i, c in enumerate(price)]
        self.by_end = sorted(cues, key=lambda c: c[0][1])
        self.ends = [c[0][1] for c in self.by_end]
        self.by_start = sorted(cues, key=lambda c: c[0][0])
        self.starts = [c[0][0] for c in self.by_start]

    def nearest(self, span: tuple[int, int]) -> tuple[tuple[int, int], bool] | None:
        """The nearest cue within :data:`CUE_WINDOW` words: (its span, is compensation).

        A compensation cue wins a tie with a price cue, and an earlier cue of its list a tie
        with a later one. Only the cues that can be that close are measured.
        """
        words = self.words
        lo = bisect_left(self.ends, words.start_before(span[0], CUE_WINDOW))
        hi = bisect_right(self.ends, span[0])
        candidates = self.by_end[lo:hi]
        first = bisect_left(self.starts, span[1])
        last = bisect_right(self.starts, words.end_after(span[1], CUE_WINDOW))
        candidates += self.by_start[first:last]
        best: tuple[int, int, int, tuple[int, int]] | None = None
        for cue, rank, position in candidates:
            if _overlaps(cue, span):
                continue
            if cue[1] <= span[0]:
                distance = words.between(cue[1], span[0])
            else:
                distance = words.between(span[1], cue[0])
            if distance > CUE_WINDOW:
                continue
            key = (distance, rank, position, cue)
            if best is None or key[:3] < best[:3]:
                best = key
        return None if best is None else (best[3], best[1] == 0)
