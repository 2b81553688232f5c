"""Round 14: gaps closed by kind after blind14 was opened for development.

Each table holds new sentences written for the kind (other names, other wordings, both
languages where it applies, lower-case ASR rows too), with hard negatives next to the
positives.
"""

from __future__ import annotations

import pytest
from privacy_masks import covered as _covered
from privacy_masks import of_kind as _of

from verbalkit import find_personal_data

# ---------------------------------------------------------------- card brand compounds

CARD_BRAND_COMPOUNDS = [
    ("sv", "Visanumret är 4539 5781 2201 9466, giltigt till nästa år.", "4539 5781 2201 9466"),
    ("sv", "mastercardnumret är 5425 2334 3010 9903", "5425 2334 3010 9903"),
    ("sv", "Amexnumret är 3714 496353 98431.", "3714 496353 98431"),
]


@pytest.mark.parametrize(("lang", "text", "value"), CARD_BRAND_COMPOUNDS)
def test_a_card_brand_compounded_with_nummer_is_a_card_cue(
    lang: str, text: str, value: str
) -> None:
    assert value in _of(text, lang, "card")


def test_other_compounds_still_speak_for_a_thing() -> None:
    assert _of("Biljettnumret är 4539 5781 2201 9466.", "sv", "card") == []


# ---------------------------------------------------------------- a business's own line

BUSINESS_LINES = [
    ("sv", "Vår växel har nummer 031-700 12 00, den är bemannad hela dagen."),
    ("sv", "Vårt kontor har telefonnummer 040-611 23 40 om du vill boka om."),
    ("sv", "vår verkstad har numret noll åtta sju fem noll noll tre två noll noll"),
    ("en", "Our office number is 01904 611230 if you need to rebook."),
    ("en", "Our workshop's phone number is 0113 496 0772."),
    ("en", "You can ring 01632 960331, lines open at half eight."),
    ("en", "Try 0161 496 0018, open nine to five on weekdays."),
]


@pytest.mark.parametrize(("lang", "text"), BUSINESS_LINES)
def test_a_business_s_own_line_is_not_masked(lang: str, text: str) -> None:
    assert _of(text, lang, "phone") == []


PERSONAL_LINES = [
    ("sv", "Min växel på jobbet har nummer 031-700 12 00.", "031-700 12 00"),
    ("sv", "Mitt nummer är 070-412 33 98, ring efter fem.", "070-412 33 98"),
    ("en", "My office number is 01904 611230, that's my direct line.", "01904 611230"),
    ("en", "Ring me on 07700 900417, I'm in from nine to five.", "07700 900417"),
]


@pytest.mark.parametrize(("lang", "text", "value"), PERSONAL_LINES)
def test_a_person_s_own_line_stays_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


# ---------------------------------------------------------------- test and certificate numbers

TEST_NUMBERS = [
    ("en", "The MOT test number is 5512 8830 1947."),
    ("en", "the certificate number is 0771 204 3391 on the paperwork"),
    ("en", "Inspection number 4410 2287 6653, passed with advisories."),
]


@pytest.mark.parametrize(("lang", "text"), TEST_NUMBERS)
def test_test_and_certificate_numbers_are_not_phones(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []


# ---------------------------------------------------------------- cultivars, characters, brands

NOT_A_PERSON = [
    ("sv", "Vi har päron av sorten Clara Frijs och Herzogin Elsa."),
    ("sv", "Jag köpte Clara Frijs och Greve Moltke i plantskolan."),
    ("sv", "Rosorna heter Gertrude Jekyll och Nina Weibull."),
    ("en", "The potatoes are Maris Piper, plus some King Edward."),
    ("en", "Have you got any Charles Ross or Annie Elizabeth left?"),
    ("en", "We'd like the Mary Poppins and Peter Pan costumes."),
    ("sv", "Vi vill hyra dräkterna Kapten Krok och Peter Pan till kalaset."),
    ("en", "They're Sophie Conran pans, the blue ones."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_A_PERSON)
def test_cultivars_characters_and_brands_are_no_person(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


STILL_PEOPLE = [
    ("en", "Hi, it's Peter Walsh, I'm calling about the costumes.", "Peter Walsh"),
    ("sv", "Hej, det är Clara Lindholm, jag ringer om päronträden.", "Clara Lindholm"),
    ("en", "I gave the knives to Grace Okafor at the front desk.", "Grace Okafor"),
]


@pytest.mark.parametrize(("lang", "text", "value"), STILL_PEOPLE)
def test_people_next_to_those_words_stay_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


# ---------------------------------------------------------------- trade names before "said"

TRADE_NAMES = [
    ("en", "Dyno Rod said the drain was collapsed."),
    ("en", "Speedy Hire said the breaker was out."),
]


@pytest.mark.parametrize(("lang", "text"), TRADE_NAMES)
def test_trade_names_before_a_person_verb_are_no_person(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


def test_an_unknown_full_name_before_said_is_still_a_person() -> None:
    text = "Kwabena Mensah said the part was on order."
    assert _covered(text, "en", "Kwabena Mensah")


# ---------------------------------------------------------------- a business's premises

PREMISES = [
    ("en", "We're at Unit 7, Lakeside Industrial Estate, Leeds LS12 4QP, open eight till six."),
    ("en", "We're at Suite 3, Kingsway Business Park, Rochdale OL16 4NW."),
    ("en", "We are at 22 Market Street, Ludlow SY8 1AA, open nine to half five."),
]


@pytest.mark.parametrize(("lang", "text"), PREMISES)
def test_a_business_s_premises_are_not_masked(lang: str, text: str) -> None:
    assert _of(text, lang, "address") == []


HOMES = [
    ("en", "We're at 14 Rowan Close, Ludlow SY8 2PL, me and the kids.", "14 Rowan Close"),
    ("en", "we are at forty two elm grove leeds", "forty two elm grove"),
]


@pytest.mark.parametrize(("lang", "text", "value"), HOMES)
def test_a_family_s_home_stays_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)
