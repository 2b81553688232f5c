"""Round 16: new sentences per fixed kind, with hard negatives.

Every positive here fails on the code before round 16; the negatives are the classes the
round made no longer masked (things named after people, firms, animals, public figures,
organisations' own numbers, business mailboxes, org numbers).
"""

from __future__ import annotations

import pytest
from privacy_masks import covered as _covers
from privacy_masks import masked as _masked

NEGATIVES = [
    # things named after people: shoes and clothes by the pair, product lines, a designer's
    # piece, named patterns and colours
    ("en", "I bought two pairs of Dr. Martens 1461s and one of them has split."),
    ("en", "She got a pair of Emma Willis shirts for his birthday."),
    ("en", "it's a karen millen and the zip has gone"),
    ("en", "The colourway is Harriet Blue and we need four rolls."),
    ("sv", "Jag köpte ett par Hanna Andersson i storlek 110 men de var för små."),
    ("sv", "Vi har Gevalia Mellanrost och Per Olsson Original i automaten."),
    ("sv", "Vi valde Anna Olsson Classic i prenumerationen."),
    ("sv", "Mönstret heter Stora Karin och vi behöver tre rullar till."),
    ("sv", "Vi säljer mest Elsa Beskow-tapeten men mönstret Karin finns också."),
    # animals named in Swedish compounds
    ("sv", "Elefanthonan Vera och sjölejonet Kalle ska få nya inhägnader."),
    ("sv", "Giraffhanen Tage och pingvinen Mona är populärast."),
    # an organisation's own customer or account numbers
    ("sv", "Bostadsrättsföreningens kundnummer hos er är 88120, det gäller soprummet."),
    ("en", "The parish council's customer number is 55102, it's for the hall's electricity."),
    ("en", "Our charity account number with you is 40912, for the shop's gas."),
    # a business's giro said after it
    ("sv", "Sätt in det på plusgiro 4417092-6, det är firmans konto."),
    ("en", "Pay plusgiro 4417092-6, that's the club's account."),
    # plain-word mailboxes at a business's own domain
    ("en", "Send it to garden@greenleafdesign.co.uk and we'll quote."),
    ("en", "Send the plans to plans@oakbuild.co.uk"),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES)
def test_round16_negatives(lang: str, text: str) -> None:
    assert _masked(text, lang) == []


POSITIVES = [
    # the speaker opens the turn with a full name and goes on in the first person
    ("en", "Hi, it's Radovan Kovačič, I've moved here from Brno.", "Radovan Kovačič", "name"),
    (
        "en",
        "Hello, it's Jarek Wójcikowski, I'd like to close the account.",
        "Jarek Wójcikowski",
        "name",
    ),
    # a common-word name opening the turn, said again
    ("en", "yeah hi it's chase again about the skylight", "chase", "name"),
    ("sv", "hej det är sten igen jag ringde om fakturan", "sten", "name"),
    # the person to ring, after "ring me"
    ("en", "or you can ring me sandy on oh seven seven double oh nine", "sandy", "name"),
    ("sv", "annars kan du ringa mig kicki på noll sju tre fyra fem", "kicki", "name"),
    # the holder in the genitive, also a common-word name in ASR text; on someone's behalf
    ("en", "the policy is in holly's name not mine", "holly", "name"),
    ("en", "I'm ringing on Walter Pemberton's behalf, he's my dad.", "Walter Pemberton", "name"),
    ("sv", "Jag ringer på Gunnel Hammarbergs vägnar.", "Gunnel Hammarberg", "name"),
    # a person who will ring back
    (
        "sv",
        "Han sa att Lindqvist skulle ringa mig i morse men ingen har hört av sig.",
        "Lindqvist",
        "name",
    ),
    ("en", "They told me Okonjo would call me back before five.", "Okonjo", "name"),
    # something left with a person
    ("en", "I dropped the keys off with Benedetta.", "Benedetta", "name"),
    # a town after the street in ASR text, the speaker going on
    (
        "en",
        "i live at forty one linden avenue kettering i need a new meter",
        "forty one linden avenue kettering",
        "address",
    ),
    (
        "sv",
        "jag bor på tallstigen nio fyra fyra sju lerum jag behöver hjälp",
        "tallstigen nio fyra fyra sju lerum",
        "address",
    ),
]


@pytest.mark.parametrize(("lang", "text", "value", "kind"), POSITIVES)
def test_round16_positives(lang: str, text: str, value: str, kind: str) -> None:
    assert _covers(text, lang, value, kind), _masked(text, lang)


def test_kin_word_stays_outside_the_name() -> None:
    text = "My nan Joan has the card."
    assert _masked(text, "en") == [("name", "Joan")]
