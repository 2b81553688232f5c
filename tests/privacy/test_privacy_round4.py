"""Round 4: formats by kind, as parametrised tables with hard negatives.

Each positive names the values that must end up fully masked (every letter and digit under
some span, as the benchmark counts it); each negative must get no mask at all.
"""

from __future__ import annotations

import pytest

from verbalkit.privacy import find_personal_data


def _masked(text: str, lang: str, value: str) -> bool:
    found = find_personal_data(text, lang)
    start = text.index(value)
    return all(
        any(p.start <= i < p.end for p in found)
        for i in range(start, start + len(value))
        if text[i].isalnum()
    )


# ------------------------------------------------------------------ addresses

SV_ADDRESSES = [
    # spoken numbers for the flat and the floor
    ("kungsgatan tolv lägenhet tolvhundrafem", "kungsgatan tolv lägenhet tolvhundrafem"),
    ("jag bor på hamngatan åtta lgh elvahundratre", "hamngatan åtta lgh elvahundratre"),
    ("det är björkvägen sju a två trappor", "björkvägen sju a två trappor"),
    ("adressen är Sveavägen 24 B, fyra trappor", "Sveavägen 24 B, fyra trappor"),
    ("Tallstigen 5, 3 tr, 123 45 Farsta", "Tallstigen 5, 3 tr, 123 45 Farsta"),
    ("Storgatan 3, våning två", "Storgatan 3, våning två"),
    # "hundra" as a street number; ground floor marks
    ("ja det är parkvägen hundra", "parkvägen hundra"),
    ("ja det är ringvägen hundra nb", "ringvägen hundra nb"),
    ("Ekvägen 12 nb, 341 32 Ljungby", "Ekvägen 12 nb, 341 32 Ljungby"),
    ("vi bor på Åsgatan 7 bv", "Åsgatan 7 bv"),
    # c/o before the street goes with the address
    ("skicka till c/o Lindqvist, Bergsgatan 4, 722 14 Västerås", "Bergsgatan 4, 722 14 Västerås"),
    # rural addresses: a village or farm with a number, postcode and town
    ("Adressen är Norrby 12, 776 92 Hedemora.", "Norrby 12, 776 92 Hedemora"),
    ("jag bor på Lillgården 3, 795 90 Rättvik", "Lillgården 3, 795 90 Rättvik"),
    ("Skicka det till Östanbäck 221, 915 93 Robertsfors", "Östanbäck 221, 915 93 Robertsfors"),
    # spoken postcode after a street
    (
        "drottninggatan fyrtiotvå fyra ett ett två två göteborg",
        "drottninggatan fyrtiotvå fyra ett ett två två göteborg",
    ),
]

SV_NOT_ADDRESSES = [
    "Per timme kostar parkeringen 25 kr på vardagar.",
    "Parkeringen 30 minuter är gratis.",
    "Leveransen 2 dagar senare var för sen.",
    "Bussen går från torget 14.30.",
    "Ringen 18 karat kostar 2 400 kr.",
    "Vi har 123 45 kunder i hela landet.",
    "Priset är 649:- och frakten 49 kr.",
]

EN_ADDRESSES = [
    # PO boxes take their town and postcode along
    ("My correspondence address is PO Box 77, Perth PH1 5XA.", "PO Box 77, Perth PH1 5XA"),
    ("send it to P.O. Box 1203, Leeds LS1 4DY", "P.O. Box 1203, Leeds LS1 4DY"),
    # a Swedish address said in English
    (
        "In Sweden I'm at Kungsgatan 12B, 2 tr, 111 43 Stockholm.",
        "Kungsgatan 12B, 2 tr, 111 43 Stockholm",
    ),
    ("my address in Malmö is Lundavägen 7, 212 18 Malmö", "Lundavägen 7, 212 18 Malmö"),
    # US: apartment first, spoken numbers, ordinal street, city at the end (ASR)
    (
        "um apartment four c two twenty west ninety eighth street new york",
        "apartment four c two twenty west ninety eighth street new york",
    ),
    (
        "apt twelve b three ten east fifth avenue boston",
        "apt twelve b three ten east fifth avenue boston",
    ),
    (
        "I live at 14 West 57th Street, Apt 5C, New York, NY 10019",
        "14 West 57th Street, Apt 5C, New York, NY 10019",
    ),
    (
        "Suite 300, 1200 Main Street, Dallas, TX 75202",
        "Suite 300, 1200 Main Street, Dallas, TX 75202",
    ),
    # UK flats, house names, numbered roads
    ("Flat 3, 18 Church Lane, Harrogate HG1 4DZ", "Flat 3, 18 Church Lane, Harrogate HG1 4DZ"),
    ("it's flat two, twelve mill road, cambridge", "flat two, twelve mill road, cambridge"),
]

EN_NOT_ADDRESSES = [
    "seat twenty three c gate fourteen",
    "Your seat is 23C and boarding is at gate 14.",
    "row twelve seat b platform four",
    "Everyone in the LS1 area had an outage.",
]


@pytest.mark.parametrize(("text", "value"), SV_ADDRESSES)
def test_sv_address(text: str, value: str) -> None:
    assert _masked(text, "sv", value)


@pytest.mark.parametrize("text", SV_NOT_ADDRESSES)
def test_sv_not_address(text: str) -> None:
    assert find_personal_data(text, "sv") == []


@pytest.mark.parametrize(("text", "value"), EN_ADDRESSES)
def test_en_address(text: str, value: str) -> None:
    assert _masked(text, "en", value)


@pytest.mark.parametrize("text", EN_NOT_ADDRESSES)
def test_en_not_address(text: str) -> None:
    assert find_personal_data(text, "en") == []


# ------------------------------------------------------------------ personnummer in English

# 850312-9036 passes the Luhn check
EN_PNR = [
    (
        "yeah it's eight five zero three one two dash nine zero three six",
        "eight five zero three one two dash nine zero three six",
    ),
    (
        "my number is nineteen eighty-five oh three twelve dash nine oh three six",
        "nineteen eighty-five oh three twelve dash nine oh three six",
    ),
    ("It's 1985 03 12-9036 on my ID card.", "1985 03 12-9036"),
    ("The letter says 85 03 12-9036 for me.", "85 03 12-9036"),
    (
        "personal number eight five oh three one two hyphen nine oh three six",
        "eight five oh three one two hyphen nine oh three six",
    ),
]

EN_NOT_PNR = [
    "the order is eight five zero three one two dash nine zero three six",
    "Call us on 020 7946 0958.",
    "It's 2024 03 12 at 10:30.",
]


@pytest.mark.parametrize(("text", "value"), EN_PNR)
def test_en_personnummer(text: str, value: str) -> None:
    assert _masked(text, "en", value)
    assert any(p.kind == "personnummer" for p in find_personal_data(text, "en"))


@pytest.mark.parametrize("text", EN_NOT_PNR)
def test_en_not_personnummer(text: str) -> None:
    assert not any(p.kind == "personnummer" for p in find_personal_data(text, "en"))


# ------------------------------------------------------------------ names

SV_NAMES = [
    ("Jag hade tid hos tandläkare Okonkwo förra veckan.", "Okonkwo"),
    ("läkaren Bergqvist skrev remissen", "Bergqvist"),
    ("min handläggare Nyambura har inte hört av sig", "Nyambura"),
    ("min granne Jovanović tog emot paketet", "Jovanović"),
    ("kontot står på Aleksandra Nowak", "Aleksandra Nowak"),
    ("abonnemanget står i namnet Reza Tehrani", "Reza Tehrani"),
    ("min kollega Chidi Okafor ringde er igår", "Chidi Okafor"),
]

SV_NOT_NAMES = [
    "Greta Thunberg pratade om elpriser på nyheterna.",
    "Jag köpte den på Clas Ohlson.",
    "Finns den hos Kjell & Company?",
    "Jag såg Carola i tv i lördags.",
    "Kontot står på Nordea.",
    "Per timme blir det dyrt.",
]

EN_NAMES = [
    ("My Swedish colleague Per Lindgren gave me your number.", "Per Lindgren"),
    ("my colleague Chidi Okafor rang you yesterday", "Chidi Okafor"),
    ("The account's under Mary-Kate Fitzgerald-Jones.", "Mary-Kate Fitzgerald-Jones"),
    ("it's booked under Oluwaseun Adeyemi", "Oluwaseun Adeyemi"),
    ("the policy is in the name of Siobhan O'Reilly", "Siobhan O'Reilly"),
    ("my neighbour Wojciech took the parcel in", "Wojciech"),
    ("I saw my dentist Dr Haddad last week", "Haddad"),
]

EN_NOT_NAMES = [
    "It's under Settings, then Privacy.",
    "The account's under review.",
    "I watched Greta Thunberg on the news last night.",
    "I bought it at Marks and Spencer.",
    "It's listed under Accessories.",
]


@pytest.mark.parametrize(("text", "value"), SV_NAMES)
def test_sv_name(text: str, value: str) -> None:
    assert _masked(text, "sv", value)


@pytest.mark.parametrize("text", SV_NOT_NAMES)
def test_sv_not_name(text: str) -> None:
    assert find_personal_data(text, "sv") == []


@pytest.mark.parametrize(("text", "value"), EN_NAMES)
def test_en_name(text: str, value: str) -> None:
    assert _masked(text, "en", value)


@pytest.mark.parametrize("text", EN_NOT_NAMES)
def test_en_not_name(text: str) -> None:
    assert find_personal_data(text, "en") == []


# ------------------------------------------------------------------ Swedish bank accounts

SV_BANK = [
    # a sole trader's own bankgiro ("mitt bankgiro", "min firmas bankgiro")
    ("Jag har enskild firma så ni kan betala till mitt bankgiro 5050-1055.", "5050-1055"),
    ("betala in på mitt bankgiro 5050-1055 tack", "5050-1055"),
    ("sätt in det på mitt bankgiro 5050-1055", "5050-1055"),
    ("mitt plusgiro är 4 12 34-5", "4 12 34-5"),
]

SV_NOT_BANK = [
    "Betala till vårt bankgiro 5050-1055.",
    "Fakturan betalas till bankgiro 5050-1055.",
    "Ni kan betala till bankgiro 5050-1055 som står på fakturan.",
]


@pytest.mark.parametrize(("text", "value"), SV_BANK)
def test_sv_bank_account(text: str, value: str) -> None:
    assert _masked(text, "sv", value)


@pytest.mark.parametrize("text", SV_NOT_BANK)
def test_sv_not_bank_account(text: str) -> None:
    assert find_personal_data(text, "sv") == []
