"""Round 2 of gaps closed by kind, each rule with new positives and hard negatives.

- addresses: a flat, floor or entrance after the street ("lgh 1102", "2 tr", "Apt 4B"),
  ordinal street names ("East 57th Street", "andra långgatan"), a lower-case town and
  postcode after the street, UK house names ("Rose Cottage, Mill Lane");
- customer ids with letters and grouped digits ("A73-2291");
- a bare "nummer"/"number" that belongs to an invoice or a case is not a phone number;
- e-mails with a domain said as several words and "at sign";
- names: common words as names after a strong cue ("will turner"), the answer to a name
  question ("who am I speaking to? – It's Marcus"), spelled names ("B-E-N", "a som i
  adam"), "c/o"; first names that are places or public figures are not masked;
- bank accounts: a bankgiro in English.
"""

from __future__ import annotations

import pytest

from verbalkit.privacy import find_personal_data

Case = tuple[str, str, set[tuple[str, str]]]


def _found(text: str, lang: str) -> set[tuple[str, str]]:
    return {(p.kind, p.text) for p in find_personal_data(text, lang)}


def _ids(cases: list[Case] | list[tuple[str, str]]) -> list[str]:
    return [f"{c[0]}-{c[1][:40]}" for c in cases]


def _check(cases: list[Case]) -> pytest.MarkDecorator:
    return pytest.mark.parametrize(("lang", "text", "expected"), cases, ids=_ids(cases))


def _negatives(cases: list[tuple[str, str]]) -> pytest.MarkDecorator:
    return pytest.mark.parametrize(("lang", "text"), cases, ids=_ids(cases))


# ---------------------------------------------------------------- addresses

ADDRESSES: list[Case] = [
    ("sv", "Jag bor på Kungsgatan 7, lgh 1102.", {("address", "Kungsgatan 7, lgh 1102")}),
    (
        "sv",
        "Adressen är Storgatan 12 B, 2 tr, 411 38 Göteborg.",
        {("address", "Storgatan 12 B, 2 tr, 411 38 Göteborg")},
    ),
    ("sv", "skicka till vasavägen 3 lägenhet 1204", {("address", "vasavägen 3 lägenhet 1204")}),
    ("sv", "Hemma är Björkvägen 9, våning 3.", {("address", "Björkvägen 9, våning 3")}),
    ("sv", "jag bor på första långgatan tolv", {("address", "första långgatan tolv")}),
    ("sv", "Det är Tredje Långgatan 4 i Göteborg.", {("address", "Tredje Långgatan 4 i Göteborg")}),
    (
        "en",
        "Send it to 12 Oak Road, Apt 4B, Springfield, IL 62704.",
        {("address", "12 Oak Road, Apt 4B, Springfield, IL 62704")},
    ),
    ("en", "I'm at 410 West 23rd Street now.", {("address", "410 West 23rd Street")}),
    ("en", "Suite 200, 55 2nd Avenue", {("address", "Suite 200, 55 2nd Avenue")}),
    ("en", "it's 14 mill lane york yo1 7hh", {("address", "14 mill lane york yo1 7hh")}),
    ("en", "22 park road flat 3 leeds ls6 2ab", {("address", "22 park road flat 3 leeds ls6 2ab")}),
    (
        "en",
        "It's Ivy Cottage, Mill Lane, Ashford TN24 8AB.",
        {("address", "Ivy Cottage, Mill Lane, Ashford TN24 8AB")},
    ),
    (
        "en",
        "my address is 3 the old vicarage, church street",
        {("address", "3 the old vicarage, church street")},
    ),
    ("sv", "postnummer 411 38 göteborg", {("address", "411 38 göteborg")}),
    ("sv", "postadressen är 752 36 uppsala", {("address", "752 36 uppsala")}),
    ("en", "my zip is 62704", {("address", "62704")}),
    ("en", "Zip code: 10022-1234, that's Manhattan.", {("address", "10022-1234")}),
    (
        "en",
        "Flat 2, The Old Mill, Station Road, York YO1 6AA",
        {("address", "Flat 2, The Old Mill, Station Road, York YO1 6AA")},
    ),
]

ADDRESS_NEGATIVES = [
    ("sv", "Vi har en lägenhet på 2 tr utan hiss."),
    ("sv", "Det ligger på andra gatan till vänster."),
    ("sv", "Lgh 1102 har ingen bredbandsdosa, säger de i föreningen."),
    ("sv", "det kostade 123 45 och sen lite till"),
    ("en", "Everyone in zip code 62704 has the outage."),
    ("en", "the whole zip 62704 area is down"),
    ("en", "The shop on 5th Avenue is closed on Sundays."),
    ("en", "Is the Old Rectory, Church Lane still open for weddings?"),
    ("en", "the farm house was lovely, right by the park"),
    ("en", "Apartment 4B is what the lease says, but that's the landlord's problem."),
]


@_check(ADDRESSES)
def test_addresses(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert _found(text, lang) == expected


@_negatives(ADDRESS_NEGATIVES)
def test_not_addresses(lang: str, text: str) -> None:
    assert _found(text, lang) == set()


# ---------------------------------------------------------------- customer ids, owned numbers

NUMBERS: list[Case] = [
    ("sv", "Mitt kundnummer är B12-44871.", {("customer_id", "B12-44871")}),
    ("sv", "medlemsnummer är KS4-55012", {("customer_id", "KS4-55012")}),
    ("en", "My customer ID is KX12-55821.", {("customer_id", "KX12-55821")}),
    ("en", "membership number is AB-12-3456", {("customer_id", "AB-12-3456")}),
    (
        "sv",
        "fakturan skickas till mitt nummer 070-123 45 67",
        {("phone", "070-123 45 67")},
    ),
    ("en", "the bill comes to my number 07700 900123", {("phone", "07700 900123")}),
    ("en", "My personal bankgiro is 505-0109.", {("bank_account", "505-0109")}),
]

NUMBER_NEGATIVES = [
    ("sv", "Ärendet har nummer 2-4471229."),
    ("sv", "fakturan med numret fyra fyra sju ett två två nio noll"),
    ("sv", "beställningen som har nummer 88124577 är skickad"),
    ("sv", "Modellen är A12-4471, den nya."),
    ("en", "Your case with number 2293847 is closed."),
    ("en", "the invoice has the number 4471 2290"),
    ("en", "The parcel has number 77120934 on it."),
    ("en", "Our bankgiro is 5050-1055."),
]


@_check(NUMBERS)
def test_numbers(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert _found(text, lang) == expected


@_negatives(NUMBER_NEGATIVES)
def test_numbers_that_are_not_personal(lang: str, text: str) -> None:
    assert _found(text, lang) == set()


# ---------------------------------------------------------------- e-mails

EMAILS: list[Case] = [
    (
        "en",
        "it's sam dot lee at green valley farms dot co dot uk",
        {("email", "sam dot lee at green valley farms dot co dot uk")},
    ),
    (
        "en",
        "j underscore khan at sign outlook dot com",
        {("email", "j underscore khan at sign outlook dot com")},
    ),
    (
        "en",
        "email is mary dash ann at blue sky dash media dot com",
        {("email", "mary dash ann at blue sky dash media dot com")},
    ),
    (
        "sv",
        "mejlen är lisa punkt ek snabel-a norra bygg punkt se",
        {("email", "lisa punkt ek snabel-a norra bygg punkt se")},
    ),
    (
        "sv",
        "det är per underscore berg at-tecken hotmail punkt se",
        {("email", "per underscore berg at-tecken hotmail punkt se")},
    ),
]

EMAIL_NEGATIVES = [
    ("en", "I was at the office. Dot com companies, you know."),
    ("en", "we met at the cafe and then the dot com bubble came up"),
    ("en", "I'm at my desk dot com sites won't load"),
    ("sv", "jag var på kontoret, punkt slut"),
    ("sv", "vi sågs på stationen, punkt se upp"),
]


@_check(EMAILS)
def test_emails(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert _found(text, lang) == expected


@_negatives(EMAIL_NEGATIVES)
def test_not_emails(lang: str, text: str) -> None:
    assert _found(text, lang) == set()


# ---------------------------------------------------------------- names

NAMES: list[Case] = [
    ("en", "my name is will turner", {("name", "will turner")}),
    ("en", "My name is Bill Okafor.", {("name", "Bill Okafor")}),
    ("sv", "jag heter maj lindqvist", {("name", "maj lindqvist")}),
    ("en", "Who am I speaking to? – It's Tariq.", {("name", "Tariq")}),
    ("en", "and who's calling? it's Oluwadamilare", {("name", "Oluwadamilare")}),
    ("sv", "Vem pratar jag med? – Det är Zoran.", {("name", "Zoran")}),
    ("sv", "vad heter du? det är Ebru", {("name", "Ebru")}),
    ("en", "that's B-E-N, Ben", {("name", "B-E-N"), ("name", "Ben")}),
    (
        "sv",
        "det stavas a som i adam, d som i david, a som i adam",
        {("name", "a som i adam, d som i david, a som i adam")},
    ),
    ("en", "it's k as in kilo, h as in hotel", {("name", "k as in kilo, h as in hotel")}),
    ("sv", "Det är s-v-e-n-s-s-o-n.", {("name", "s-v-e-n-s-s-o-n")}),
    ("en", "Send it c/o Sarah Okafor.", {("name", "c/o Sarah Okafor")}),
    ("sv", "jag heter ahmed abdullahi", {("name", "ahmed abdullahi")}),
    ("en", "It's Georgia Malik who called, she's my sister.", {("name", "Georgia Malik")}),
    ("sv", "Jag pratade med Zlatan igår om fakturan.", {("name", "Zlatan")}),
]

NAME_NEGATIVES = [
    ("en", "My name will be on the bill, won't it?"),
    ("en", "We're flying to Charlotte on Tuesday."),
    ("en", "I'm in Victoria until the weekend."),
    ("en", "Meet me at Florence station at noon."),
    ("en", "The hold music is a song by Harry Styles."),
    ("en", "Your advert with Emma Watson was on TV last night."),
    ("sv", "Vi bor i Sofia sedan i våras."),
    ("sv", "Jag åkte till Victoria med tåget."),
    ("sv", "Det var en låt av Björn Skifs i kön."),
    ("sv", "Er reklamfilm med Håkan Hellström var rolig."),
    ("sv", "Vi träffas vid Anna Lindhs plats."),
    ("en", "I paid a for a coffee and b for the bus."),
]


@_check(NAMES)
def test_names(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert _found(text, lang) == expected


@_negatives(NAME_NEGATIVES)
def test_not_names(lang: str, text: str) -> None:
    assert _found(text, lang) == set()
