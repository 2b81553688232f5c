"""Round 12: gaps closed by kind after blind12 was measured untouched.

Each table holds new sentences written for the kind (other names, other wordings, both
languages where it applies, lower-case ASR rows too), with hard negatives next to the
positives.
"""

from __future__ import annotations

import pytest
from privacy_masks import covered as _covered
from privacy_masks import of_kind as _of

from verbalkit import find_personal_data

# ---------------------------------------------------------------- a sole trader's bankgiro

SOLE_TRADER_GIRO = [
    ("sv", "Jag har enskild firma som hundfrisör sedan i våras, bankgiro 5402-1133.", "5402-1133"),
    ("sv", "Jag är egenföretagare inom städ och trädgård, bankgiro 817-2290 går bra.", "817-2290"),
    ("sv", "han har enskild firma som målare i Sollefteå, bankgiro 512-7718", "512-7718"),
]


@pytest.mark.parametrize(("lang", "text", "value"), SOLE_TRADER_GIRO)
def test_a_sole_traders_bankgiro_is_personal(lang: str, text: str, value: str) -> None:
    assert _of(text, lang, "bank_account") == [value]


NOT_SOLE_TRADER_GIRO = [
    ("sv", "Vi är ett aktiebolag sedan i fjol, bankgiro 5402-1133 gäller fortfarande."),
    ("sv", "Föreningen har bytt bank och nytt bankgiro 817-2290 från första mars."),
    ("sv", "Det är inte en enskild firma utan ett bolag, betala till bankgiro 512-7718."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_SOLE_TRADER_GIRO)
def test_a_companys_bankgiro_stays_unmasked(lang: str, text: str) -> None:
    assert _of(text, lang, "bank_account") == []


# ---------------------------------------------------------------- person-bound ids

PERSON_IDS = [
    ("sv", "Mitt golf-id är 650312-044 om ni behöver det.", "650312-044"),
    ("sv", "Mitt dykcertifikatnummer är 1902XY5512.", "1902XY5512"),
    ("sv", "Certifikatnumret hos SSI är 77120B443, det står Karin Lund på kortet.", "77120B443"),
    ("en", "My golf ID is 2200134455 if you need it.", "2200134455"),
    ("en", "The course was with PADI, certification number 1811KA4207.", "1811KA4207"),
    ("en", "my padi number is 2207RT5510 and i dive with a club in leeds", "2207RT5510"),
    ("en", "My diver number with SSI is 4418827.", "4418827"),
]


@pytest.mark.parametrize(("lang", "text", "value"), PERSON_IDS)
def test_golf_and_dive_ids_are_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


NOT_PERSON_IDS = [
    ("sv", "Golfbanans bokningsnummer är 8812-55."),
    ("sv", "Ordernumret för golfbagen är 1902XY5512."),
    ("en", "The golf course booking reference is 8812-55."),
    ("en", "Hole number 14 is the hardest on the course."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_PERSON_IDS)
def test_golf_bookings_are_not_ids(lang: str, text: str) -> None:
    assert _of(text, lang, "customer_id") == []


# ---------------------------------------------------------------- spoken e-mail domains

SPELLED_TLD = [
    ("en", "my email's marta dot zielinska at o two dot p l thanks", "marta dot zielinska"),
    ("en", "it's kasia at w p dot p l", "kasia at w p dot p l"),
    ("en", "send it to jan dot kowal at gmail dot c o m please", "jan dot kowal"),
    ("en", "email me on piotr at onet dot p l", "piotr at onet dot p l"),
]


@pytest.mark.parametrize(("lang", "text", "value"), SPELLED_TLD)
def test_top_level_domains_spelled_letter_by_letter(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


NOT_SPELLED_TLD = [
    ("en", "the office at a b c dot d e f is closed"),
    ("en", "we land at t five dot then a taxi"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_SPELLED_TLD)
def test_letters_that_spell_no_domain_are_no_email(lang: str, text: str) -> None:
    assert _of(text, lang, "email") == []


# ---------------------------------------------------------------- Nordic and Glasgow addresses

NORDIC_ADDRESSES = [
    ("sv", "Min vinteradress är Karl Johans gate 14, 0162 Oslo.", "Karl Johans gate 14, 0162 Oslo"),
    ("sv", "Skicka det till Bogstadveien 22, 0355 Oslo.", "Bogstadveien 22, 0355 Oslo"),
    (
        "sv",
        "Adressen är Kauppakatu 4 A 7, 00100 Helsingfors.",
        "Kauppakatu 4 A 7, 00100 Helsingfors",
    ),
    ("sv", "Jag bor på Storgatan 7 B 12, 41301 Göteborg.", "Storgatan 7 B 12, 41301 Göteborg"),
    ("sv", "Leverera till Nørrebrogade 40, 2200 København.", "Nørrebrogade 40, 2200 København"),
]


@pytest.mark.parametrize(("lang", "text", "value"), NORDIC_ADDRESSES)
def test_norwegian_danish_and_finnish_addresses(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


NOT_NORDIC_ADDRESSES = [
    ("sv", "Vi ses vid gate 14 på Arlanda."),
    ("sv", "Planet går från gate 22, 0555 är flightnumret."),
    ("sv", "Storgatan är avstängd mellan 7 och 12, säger kommunen."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_NORDIC_ADDRESSES)
def test_gates_and_times_are_no_nordic_address(lang: str, text: str) -> None:
    assert _of(text, lang, "address") == []


def test_a_flat_entrance_letter_and_door_number_stay_with_the_street() -> None:
    text = "Bussen går från Storgatan 7 B 12, 15 minuter senare."
    assert "12, 15" not in " ".join(_of(text, "sv", "address"))


GLASGOW_FLATS = [
    ("en", "I moved to Flat 3/2, 12 Byres Road, Glasgow G12 8AW.", "Flat 3/2"),
    ("en", "Send it to flat 1/1, 7 Hyndland Street, Glasgow G11 5QE.", "flat 1/1"),
    ("en", "It's Flat 0/2, 31 Copland Road, Glasgow G51 2SB.", "Flat 0/2"),
]


@pytest.mark.parametrize(("lang", "text", "value"), GLASGOW_FLATS)
def test_glasgow_flat_numbers_go_with_the_street(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


def test_a_fraction_before_an_address_is_no_flat() -> None:
    text = "It was 3/2 in the end at 12 Byres Road, Glasgow G12 8AW."
    assert not any(v.startswith("3/2") for v in _of(text, "en", "address"))


# ---------------------------------------------------------------- rural addresses said aloud

RURAL_SPOKEN = [
    (
        "en",
        "we're at knockbrack kilmacow county kilkenny x ninety one a b one two",
        "knockbrack kilmacow county kilkenny x ninety one a b one two",
    ),
    (
        "en",
        "i live at carrigeen lodge county cork p seventy two y t eight six so",
        "carrigeen lodge county cork p seventy two y t eight six",
    ),
    (
        "en",
        "we live at the old mill mill lane great snoring n r twenty two one a b",
        "the old mill mill lane great snoring n r twenty two one a b",
    ),
    (
        "en",
        "deliver it to rose cottage back lane wells p e thirty one eight x y",
        "rose cottage back lane wells p e thirty one eight x y",
    ),
]


@pytest.mark.parametrize(("lang", "text", "value"), RURAL_SPOKEN)
def test_rural_addresses_with_a_spoken_postcode(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


NOT_RURAL_SPOKEN = [
    ("en", "county cork is lovely in may"),
    ("en", "we stayed at the farm house lane near york"),
    ("en", "The Old Rectory Church Lane is a lovely walk."),
    ("en", "our engineers cover county durham and all of the north east"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_RURAL_SPOKEN)
def test_places_without_a_postcode_are_no_rural_address(lang: str, text: str) -> None:
    assert _of(text, lang, "address") == []


def test_round12_rows_find_only_their_kind() -> None:
    found = find_personal_data("Jag har enskild firma, bankgiro 603-8541.", "sv")
    assert [p.kind for p in found] == ["bank_account"]
