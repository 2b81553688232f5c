"""Round 5: English (then Swedish) formats by kind, as parametrised tables with hard negatives.

Each positive names the values that must end up fully masked (every letter and digit under
some span, as the benchmark counts it); each negative must get no mask at all. None of these
rows is copied from a benchmark part.
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


EN_POSITIVES = [
    # UK addresses written in comma-separated parts before the postcode
    (
        "Send it to Ivy Lodge, Station Road, Great Barford, Bedfordshire MK44 3JH.",
        "Ivy Lodge, Station Road, Great Barford, Bedfordshire MK44 3JH",
    ),
    (
        "c/o Mr Tom Reilly, 14 Broadway, Swansea SA1 4PL please",
        "c/o Mr Tom Reilly, 14 Broadway, Swansea SA1 4PL",
    ),
    (
        "She stays at 9 The Maltings, Lower Slaughter, Cheltenham GL54 2HP.",
        "9 The Maltings, Lower Slaughter, Cheltenham GL54 2HP",
    ),
    # spoken flats and numbers around the street
    (
        "it's flat three twenty two harbour street leith e h six eight r t",
        "flat three twenty two harbour street leith e h six eight r t",
    ),
    (
        "its four ten south oak avenue apartment nine boise idaho eight three seven oh two",
        "four ten south oak avenue apartment nine boise idaho eight three seven oh two",
    ),
    # a Swedish street with its number said in English
    ("and i live on drottninggatan nine in malmo", "drottninggatan nine in malmo"),
    # names before a person cue, any first name, and a relation
    ("Good morning, Xóchitl Ramírez here about the invoice.", "Xóchitl Ramírez"),
    ("Anne-Sophie Delacroix speaking, I'd like to pause my plan.", "Anne-Sophie Delacroix"),
    ("Tariq Haddad is my landlord, his number is 07700 900 412.", "Tariq Haddad"),
    # a name spelled letter by letter after it is said, or after a spelling cue
    ("the surname is przybylski p r z y b y l s k i", "p r z y b y l s k i"),
    ("It's Nguyen, N G U Y E N.", "N G U Y E N"),
    # customer ids after person-bound cues
    ("My donor number is DN-55120.", "DN-55120"),
    ("supporter id is 884 120", "884 120"),
    ("the membership is 40 118, thanks", "40 118"),
    ("member number for the tennis club is K L double four nine two", "K L double four nine two"),
    (
        "my national insurance number is q r one two three four five six c",
        "q r one two three four five six c",
    ),
    # bank details: ABA routing, sort code and account written together
    ("ABA 021000021 and account 4411 2201", "021000021"),
    ("Pay it to 20-45-77 55501234 please.", "20-45-77 55501234"),
]

EN_NEGATIVES = [
    "We cover Leeds, York, Hull and everywhere in between.",
    "Rose Gold is my favourite colour for the case.",
    "Harry Potter is my daughter's favourite, so we booked the tour.",
    "Octopus Energy here, calling about your meter reading.",
    "The membership costs 20 pounds a month.",
    "Our opening hours are 09-12-30 on the notice, sorry, half nine to twelve thirty.",
    "the plan is a b c d and then we see",
    "Flight BA 2490 leaves from gate twelve.",
    "Order 12-34-56 is on its way.",
]

SV_POSITIVES = [
    (
        "Det är Lars-Erik Holm, givarnummer 771 204, ta gåvan från 4532 0151 1283 0366.",
        "4532 0151 1283 0366",
    ),
    ("Det är Lars-Erik Holm, givarnummer 771 204, ta gåvan från 4532 0151 1283 0366.", "771 204"),
    ("Efternamnet är Lindqvist, L I N D Q V I S T, tack.", "L I N D Q V I S T"),
]

SV_NEGATIVES = [
    "Vi har öppet alla dagar utom söndag.",
    "Planen heter a b c d hos oss.",
]


@pytest.mark.parametrize(("text", "value"), EN_POSITIVES)
def test_en_positive(text: str, value: str) -> None:
    assert _masked(text, "en", value), find_personal_data(text, "en")


@pytest.mark.parametrize("text", EN_NEGATIVES)
def test_en_negative(text: str) -> None:
    assert find_personal_data(text, "en") == []


@pytest.mark.parametrize(("text", "value"), SV_POSITIVES)
def test_sv_positive(text: str, value: str) -> None:
    assert _masked(text, "sv", value), find_personal_data(text, "sv")


@pytest.mark.parametrize("text", SV_NEGATIVES)
def test_sv_negative(text: str) -> None:
    assert find_personal_data(text, "sv") == []
