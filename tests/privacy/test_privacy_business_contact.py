"""A business's own address or phone number is not personal data (issue 14): "the restaurant
is located at …", "their phone number is …", "butiken ligger på …". The same values said of a
person stay masked. Every sentence is invented for this file."""

from __future__ import annotations

import pytest

from verbalkit.privacy import find_personal_data

BUSINESS = [
    ("en", "The salon is located at 48 Kingsway, Leeds LS2 7HT."),
    ("en", "Their phone number is 0161 496 0732 if you want to ring ahead."),
    ("en", "the clinic's number is oh one one three four nine six oh five five five"),
    ("en", "Our head office is at 200 Gray's Inn Road, London WC1X 8XZ."),
    ("en", "You can call them on 020 7946 0018 between nine and five."),
    ("en", "The garage is on 17 Mill Lane, Bicester OX26 6HZ, next to the station."),
    ("sv", "Butiken ligger på Kungsgatan 12 i Uppsala, mitt emot torget."),
    ("sv", "Vårt kontor ligger på Sveavägen 44, 111 34 Stockholm."),
    ("sv", "deras nummer är noll åtta sju tre sex fem noll noll"),
    ("sv", "Kliniken har adressen Ringvägen 3, 118 60 Stockholm."),
]

PERSONAL = [
    ("en", "My address is 48 Kingsway, Leeds LS2 7HT.", "address"),
    ("en", "Her phone number is 07700 900412 if the courier needs it.", "phone"),
    ("en", "I live at 17 Mill Lane, Bicester OX26 6HZ.", "address"),
    ("en", "you can call me on oh seven seven double oh nine hundred four one two", "phone"),
    ("sv", "Jag bor på Kungsgatan 12, 753 21 Uppsala.", "address"),
    ("sv", "Min lägenhet ligger på Sveavägen 44, 111 34 Stockholm.", "address"),
    ("sv", "ring mig på noll sju noll ett två tre fyra fem sex sju", "phone"),
]


@pytest.mark.parametrize(("lang", "text"), BUSINESS)
def test_a_business_contact_is_not_masked(lang: str, text: str) -> None:
    found = [p for p in find_personal_data(text, lang) if p.kind in ("address", "phone")]
    assert found == []


@pytest.mark.parametrize(("lang", "text", "kind"), PERSONAL)
def test_a_persons_contact_is_still_masked(lang: str, text: str, kind: str) -> None:
    assert kind in {p.kind for p in find_personal_data(text, lang)}
