"""Money parsing in Swedish and English: amounts, percentages, compensation context."""

from __future__ import annotations

import pytest

from verbalkit.patterns.money import find_amounts, format_amount, parse_number_words

# (lang, text, [(value, currency, kind, compensation), ...]) in text order.
CASES = [
    # Swedish digits and currencies
    ("sv", "Den kostade 79 kr.", [(79.0, "SEK", "money", False)]),
    ("sv", "Det blir 79 kronor.", [(79.0, "SEK", "money", False)]),
    ("sv", "Jag betalade 3 000 kr för cykeln.", [(3000.0, "SEK", "money", False)]),
    ("sv", "Jag betalade 3\u00a0000 kr för cykeln.", [(3000.0, "SEK", "money", False)]),
    ("sv", "Jackan var nedsatt till 1 200:-", [(1200.0, "SEK", "money", False)]),
    ("sv", "Skalet kostar 149:-", [(149.0, "SEK", "money", False)]),
    ("sv", "Påsen kostar 2,50 kr.", [(2.5, "SEK", "money", False)]),
    ("sv", "Det drogs 5 tusen kronor från kontot.", [(5000.0, "SEK", "money", False)]),
    ("sv", "Pantade för 50 öre.", [(0.5, "SEK", "money", False)]),
    ("sv", "Det var typ tvåhundra spänn.", [(200.0, "SEK", "money", False)]),
    ("sv", "Du får 20 % rabatt på nästa köp.", [(20.0, None, "percent", True)]),
    ("sv", "Räntan är 20% just nu.", [(20.0, None, "percent", False)]),
    ("sv", "Det blir tjugo procent billigare.", [(20.0, None, "percent", False)]),
    # Swedish number words
    ("sv", "Den kostade tvåhundra kronor.", [(200.0, "SEK", "money", False)]),
    ("sv", "Jag lägger på femhundra kr.", [(500.0, "SEK", "money", False)]),
    ("sv", "Det blev tvåhundrafemtio kronor i avgift.", [(250.0, "SEK", "money", False)]),
    ("sv", "Det var tre tusen fem hundra kronor.", [(3500.0, "SEK", "money", False)]),
    ("sv", "Det var ettusen kronor.", [(1000.0, "SEK", "money", False)]),
    ("sv", "Han fick en hundralapp tillbaka.", [(100.0, "SEK", "money", True)]),
    ("sv", "Jag hade två hundralappar i plånboken.", [(200.0, "SEK", "money", False)]),
    ("sv", "Biljetten kostade fyrtiofem kronor.", [(45.0, "SEK", "money", False)]),
    # Swedish compensation context
    ("sv", "Jag ger dig ett presentkort på 300 kr.", [(300.0, "SEK", "money", True)]),
    ("sv", "Du får 500 kr i tillgodo hos oss.", [(500.0, "SEK", "money", True)]),
    ("sv", "Jag återbetalar 312 kronor till ditt kort.", [(312.0, "SEK", "money", True)]),
    ("sv", "Och så lägger jag på 200 kronor extra för besväret.", [(200.0, "SEK", "money", True)]),
    ("sv", "Jag krediterar 150 kronor på nästa faktura.", [(150.0, "SEK", "money", True)]),
    ("sv", "Jag ger dig en gratis månad på abonnemanget.", [(None, None, "money", True)]),
    ("sv", "Jag skickar ett nytt skal, helt gratis.", []),
    ("sv", "Montören kommer kostnadsfritt.", []),
    ("en", "We can book the installation for free.", []),
    ("en", "The replacement is free of charge.", []),
    ("sv", "Du får fri frakt resten av året.", [(None, None, "money", True)]),
    ("sv", "Det tillkommer en avgift på 695 kronor.", [(695.0, "SEK", "money", False)]),
    ("sv", "Tillägget kostar 49 kronor i månaden.", [(49.0, "SEK", "money", False)]),
    ("sv", "Självrisken är 1 500 kronor.", [(1500.0, "SEK", "money", False)]),
    (
        "sv",
        "Jag krediterar 100 kr nu. Nästa månad kostar abonnemanget 299 kr.",
        [(100.0, "SEK", "money", True), (299.0, "SEK", "money", False)],
    ),
    # English digits and currencies
    ("en", "The bag was £2.50 extra.", [(2.5, "GBP", "money", False)]),
    ("en", "It cost $40 plus tax.", [(40.0, "USD", "money", False)]),
    ("en", "The tour was €15 each.", [(15.0, "EUR", "money", False)]),
    ("en", "They took 15 euros for the transfer.", [(15.0, "EUR", "money", False)]),
    ("en", "I paid 1,200 pounds for the sofa.", [(1200.0, "GBP", "money", False)]),
    ("en", "That's £1,250.50 in total.", [(1250.5, "GBP", "money", False)]),
    ("en", "The stamp was 50p.", [(0.5, "GBP", "money", False)]),
    ("en", "Rates went up 20% in April.", [(20.0, None, "percent", False)]),
    ("en", "I can take 20 % off your next bill.", [(20.0, None, "percent", True)]),
    ("en", "They charged me £5k for the repair.", [(5000.0, "GBP", "money", False)]),
    # English number words
    ("en", "It was two hundred dollars.", [(200.0, "USD", "money", False)]),
    ("en", "I spent thirty pounds on it.", [(30.0, "GBP", "money", False)]),
    ("en", "That's two hundred and fifty pounds.", [(250.0, "GBP", "money", False)]),
    ("en", "About a hundred pounds, I think.", [(100.0, "GBP", "money", False)]),
    ("en", "It was twenty-five pounds.", [(25.0, "GBP", "money", False)]),
    ("en", "Fifty quid, near enough.", [(50.0, "GBP", "money", False)]),
    ("en", "It was only a tenner.", [(10.0, "GBP", "money", False)]),
    ("en", "We'll give you ten percent off.", [(10.0, None, "percent", True)]),
    # English compensation context
    ("en", "I'll add a £30 voucher to your account.", [(30.0, "GBP", "money", True)]),
    ("en", "I'll refund the £3.20 today.", [(3.2, "GBP", "money", True)]),
    ("en", "I've credited £15 to your account.", [(15.0, "GBP", "money", True)]),
    ("en", "Here's $25 for the trouble.", [(25.0, "USD", "money", True)]),
    ("en", "You'll get £12 back on your card.", [(12.0, "GBP", "money", True)]),
    ("en", "I can give you a free month.", [(None, None, "money", True)]),
    ("en", "The delivery is on us.", [(None, None, "money", True)]),
    ("en", "I'll add free delivery and a voucher.", [(None, None, "money", True)] * 2),
    ("en", "It comes out at £84 a month.", [(84.0, "GBP", "money", False)]),
    ("en", "There's a £25 fee for a missed appointment.", [(25.0, "GBP", "money", False)]),
    (
        "en",
        "I'll refund the £3.20 and add free delivery for a month.",
        [(3.2, "GBP", "money", True), (None, None, "money", True)],
    ),
    # Not money
    ("sv", "Mätaren visar 45 210.", []),
    ("sv", "Jag ringde klockan 10.42 och 14.30.", []),
    ("sv", "Vi har sex barn och en hund.", []),
    # The bare "2 000" repeats the first amount's frame ("för …"), so it is kronor too
    # (call-level round 5; it was read as no amount before).
    (
        "sv",
        "Självrisken är 3 000 kronor för huset och 2 000 för bilen.",
        [(3000.0, "SEK", "money", False), (2000.0, "SEK", "money", False)],
    ),
    ("en", "The reading says 23,418.", []),
    ("en", "Was it you at the hotel at 10.42 last night?", []),
    ("en", "Feel free to call us back any time.", []),
    ("en", "Is the credit card in your name?", []),
    ("en", "I'll call you back tomorrow.", []),
    ("en", "One of the two boxes was missing.", []),
]


@pytest.mark.parametrize(
    "lang,text,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_find_amounts(
    lang: str, text: str, expected: list[tuple[float | None, str | None, str, bool]]
) -> None:
    found = find_amounts(text, lang)
    assert [(a.value, a.currency, a.kind, a.compensation) for a in found] == expected
    for a in found:
        assert text[a.start : a.end] == a.text
        assert a.start < a.end


@pytest.mark.parametrize(
    "lang,text,span_text",
    [
        ("sv", "Jag ger dig ett presentkort på 300 kr.", "300 kr"),
        ("sv", "Jackan kostade 1 200:-", "1 200:-"),
        ("sv", "Den kostade tvåhundra kronor.", "tvåhundra kronor"),
        ("en", "That's two hundred and fifty pounds.", "two hundred and fifty pounds"),
        ("en", "I'll add a £30 voucher.", "£30"),
        ("en", "I can give you a free month.", "free month"),
    ],
)
def test_spans(lang: str, text: str, span_text: str) -> None:
    (a,) = find_amounts(text, lang)
    assert a.text == span_text


def test_cue_is_reported() -> None:
    (a,) = find_amounts("Du får 500 kr i tillgodo.", "sv")
    assert a.cue == "tillgodo"
    (b,) = find_amounts("There's a £25 fee.", "en")
    assert b.cue == "fee" and not b.compensation


def test_unknown_language_uses_both() -> None:
    assert [a.value for a in find_amounts("tvåhundra kronor, two hundred pounds", "de")] == [
        200.0,
        200.0,
    ]


@pytest.mark.parametrize(
    "lang,words,value",
    [
        ("sv", ["tjugofem"], 25.0),
        ("sv", ["tvåhundrafemtio"], 250.0),
        ("sv", ["tretusenfemhundra"], 3500.0),
        ("sv", ["hundra"], 100.0),
        ("sv", ["tusen"], 1000.0),
        ("sv", ["nittionio"], 99.0),
        ("sv", ["sexton"], 16.0),
        ("sv", ["två", "hundra"], 200.0),
        ("sv", ["kronor"], None),
        ("en", ["two", "hundred", "and", "fifty"], 250.0),
        ("en", ["a", "thousand"], 1000.0),
        ("en", ["one", "thousand", "two", "hundred"], 1200.0),
        ("en", ["ninety", "nine"], 99.0),
        ("en", ["and"], None),
        ("en", ["pounds"], None),
    ],
)
def test_parse_number_words(lang: str, words: list[str], value: float | None) -> None:
    assert parse_number_words(words, lang) == value


@pytest.mark.parametrize(
    "value,currency,text",
    [
        (700.0, "SEK", "700 kr"),
        (1200.0, "SEK", "1 200 kr"),
        (2.5, "SEK", "2,50 kr"),
        (3.2, "GBP", "£3.20"),
        (30.0, "GBP", "£30"),
        (40.0, "USD", "$40"),
        (15.0, "EUR", "€15"),
        (20.0, None, "20 %"),
    ],
)
def test_format_amount(value: float, currency: str | None, text: str) -> None:
    assert format_amount(value, currency) == text


def test_an_assessment_of_cover_is_not_compensation() -> None:
    text = "Skaderegleraren bedömer om det är en ersättningsbar skada enligt villkoren."
    assert not [a for a in find_amounts(text, "sv") if a.compensation]
