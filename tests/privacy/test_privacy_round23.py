"""Round 23: the round-22 filters made precise, and SGD's next false-mask classes.

New sentences of our own (none copied from the SGD corpus or any redaction part). Classes
from blind22 (opened for development in this round): a person the caller knows named in a
media, venue or ticket frame must stay masked: in-laws, step-relatives, tutors and coaches
("my brother-in-law, Declan Forde", "min svägerska, Maja Rydén"), an account's holders ("in
the names of Harold and Wendy Pike", "i namnet Erik och Greta Wall"), a caller who says who
they are ("Hiya, it's Orla Brennan ringing about the gig"). Classes from SGD dialogues
0-4000 (the development slice): a flat to let with its rooms and rent ("… Apartments at 410
Birch Avenue has 2 bedrooms"), an event's place with its time or as held somewhere ("It is
at 900 Lakeshore Boulevard and starts at 7:30 pm", "It's being held at …", "äger rum på"),
a venue's number after the agent's own action ("I've booked your table. The phone number
is …"), by its frame ("here is the number:", "the phone number listed", "The location is"),
and an act offered at a named venue ("How about Ella Burns at Pier 40?").

Every row fails before round 23 and passes after: NEGATIVES were masked before and are not
now; KEPT were not masked before (a round-22 filter dropped them) and are now. Guards of the
same frames (the caller's own home and number, people met at a place, doctors) were checked
unchanged while developing and live in earlier rounds' tests.
"""

from __future__ import annotations

import pytest
from privacy_masks import covered as _covers

from verbalkit.privacy import find_personal_data

NEGATIVES = [
    ("en", "There's a furnished studio at 88 Ocean View Drive, rent is $1,750 per month."),
    ("en", "I found Harbor Point Apartments at 1200 Shoreline Road with 3 bed rooms and 2 baths."),
    ("sv", "Lägenheten på Björkvägen 12 har tre rum och kök, hyran är 9 800 kr i månaden."),
    ("sv", "Jag hittade en lägenhet på Ekgatan 5 med två sovrum för 11 000 kr per månad."),
    ("en", "It is at 900 Lakeshore Boulevard and starts at 7:30 pm."),
    ("en", "It's being held at 350 Stadium Drive this Saturday."),
    ("sv", "Mässan hålls på Mässvägen 1 i helgen."),
    ("en", "I've booked your table. The phone number is 415-555-0172."),
    ("en", "I have confirmed your appointment and the number is 650-555-0148."),
    ("en", "Sadly they have no parking, but here is the number: 510-555-0163."),
    ("en", "The phone number listed is 408-555-0111."),
    ("en", "The location is 2200 Mission Street."),
    ("en", "The apartment's phone number is 925-555-0190."),
    ("en", "How about Ella Burns at Pier 40?"),
    ("en", "I found Nora Quinn at the Red Barn."),
    ("sv", "Det finns Viktor Sand på Kulturhuset på fredag."),
    ("en", "Riverside Fair is at 40 Quay Road at 11 am."),
    ("en", "It is at 18 Garden Row and begins at 8 pm."),
    ("sv", "Det finns en lägenhet på Tallvägen 8 med två rum, hyran är 8 500 kr."),
    ("en", "Here is the phone number, 312-555-0144."),
    ("en", "Great, I've scheduled your visit. The number is 707-555-0182."),
    ("en", "I made your reservation and the phone number is 213-555-0129."),
    ("en", "The contact number for reservations is 646-555-0105."),
    ("sv", "Jag har bokat ert bord. Numret är 08-555 332 10."),
    ("sv", "Jag hittade Hanna Lind på Folkan i Malmö."),
]

KEPT: list[tuple[str, str, list[str], str | None]] = [
    ("en", "Our season tickets are in the names of Harold and Wendy Pike.", ["Wendy Pike"], "name"),
    ("en", "Hiya, it's Orla Brennan ringing about the gig.", ["Orla Brennan"], "name"),
    ("sv", "Biljetterna står i namnet Erik och Greta Wall.", ["Greta Wall"], "name"),
    ("sv", "Hallå, det är Tove Ahl som ringer om festivalen.", ["Tove Ahl"], "name"),
    ("sv", "Min tränare, Jonas Bäck, har bokat matchen.", ["Jonas Bäck"], "name"),
    (
        "en",
        "Can you post the tickets to my sister-in-law, Tessa Morgan, at tessa.m@example.com?",
        ["Tessa Morgan"],
        "name",
    ),
    (
        "en",
        "The theatre membership is in the name of Grace and Tom Hollis.",
        ["Tom Hollis"],
        "name",
    ),
    ("en", "Hiya, it's Niamh Doyle calling about the festival.", ["Niamh Doyle"], "name"),
    (
        "sv",
        "Kan ni maila biljetterna till min svärmor, Berit Holm, berit.holm@example.se?",
        ["Berit Holm"],
        "name",
    ),
    ("sv", "Hejsan, det är Klara Nyberg som ringer om konserten.", ["Klara Nyberg"], "name"),
    ("sv", "Min lärare, Agnes Moberg, har bokat biljetterna.", ["Agnes Moberg"], "name"),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES)
def test_no_false_mask(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "values", "kind"), KEPT)
def test_kept(lang: str, text: str, values: list[str], kind: str | None) -> None:
    for value in values:
        assert _covers(text, lang, value, kind), value
