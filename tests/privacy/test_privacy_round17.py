"""Round 17: names by class, not by row: new sentences per fixed class, with hard negatives.

Every positive here fails on the code before round 17 (none is copied from blind17); the
negatives are the hard cases the new rules must leave alone (some were masked before). The
classes: names of origins the lists lacked (by-origin lists from Faker's person data, with
accents folded); the positions a person stands in (the object of a person-taking verb, a
form label, an agent's greeting at an organisation, one at their post who says something,
two people named together, a name set off by commas after a kin word's thing); in ASR text
a first name that is also a common word, before a listed surname, said twice, after a kin
word and before a pronoun, and said again on its own. The negatives: firms, assistants,
things named, public figures in a TV clause, in the same positions.
"""

from __future__ import annotations

import pytest
from privacy_masks import covered
from privacy_masks import masked as _masked

from verbalkit.privacy.lexicon import broad_names, word_names


def _covers(text: str, lang: str, value: str) -> bool:
    return covered(text, lang, value, "name")


POSITIVES = [
    # the object of a person-taking verb, names of origins the lists lacked
    ("en", "Please text Radoslaw when the van is outside.", ["Radoslaw"]),
    ("sv", "Kan du smsa Radosław när bilen står utanför?", ["Radosław"]),
    ("sv", "Jag ringde Oddvar i går men han svarade inte.", ["Oddvar"]),
    ("sv", "Fråga Henrikson på lagret om delarna.", ["Henrikson"]),
    # one at their post said to say or do something
    ("en", "Grady the plumber said it was fine.", ["Grady"]),
    ("en", "Prendeville in accounts says it's been paid.", ["Prendeville"]),
    # form labels
    ("en", "Recipient: Folasade Adeyemi-Okafor.", ["Folasade Adeyemi-Okafor"]),
    ("sv", "Namn på kortet: Ludvig Wachtmeister.", ["Ludvig Wachtmeister"]),
    # an agent's greeting at an organisation
    ("en", "You've reached Ottoline at Stairway Lifts, how can I help?", ["Ottoline"]),
    ("sv", "Du har kommit till Ann-Sofie på Trapphuset, vad gäller saken?", ["Ann-Sofie"]),
    # a name set off by commas after a kin word's thing
    ("sv", "Det kommer från min brors konto, Ilkka Hautamäki, clearing 6112.",
     ["Ilkka Hautamäki"]),
    # two people named together
    ("en", "it's for hazel and basil they both need the check", ["hazel", "basil"]),
    ("sv", "det gäller märta och folke båda två ska till logopeden", ["märta", "folke"]),
    # ASR: a common-word first name before a listed surname, stutters, said again
    ("en", "it's ginger here ginger pemberton", ["ginger", "ginger pemberton"]),
    ("en", "it's sterling here sterling okafor", ["sterling", "sterling okafor"]),
    ("sv", "det är sten som betalar alltså sten wallin", ["sten", "sten wallin"]),
    ("sv", "det är dag här dag holmberg", ["dag", "dag holmberg"]),
    # ASR: a common-word first name after a kin word and before a pronoun
    ("en", "the account holder is my husband forest he's at work", ["forest"]),
    ("en", "my mum dot she's ninety next week", ["dot"]),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "names"), POSITIVES)
def test_round17_positions(lang: str, text: str, names: list[str]) -> None:
    for name in names:
        assert _covers(text, lang, name), (name, _masked(text, lang))


NEGATIVES = [
    # person-taking verbs with an assistant, a firm or a thing named after them
    ("sv", "jag frågade siri men det funkade inte"),
    ("en", "The recruitment agency is called Hale & Jordan, they're in Birmingham."),
    ("en", "Please text us when the van is outside."),
    ("en", "Can you ring the office back before five?"),
    # greetings from a firm, not a person
    ("sv", "Du har kommit till Lindbergs Lås & Larm, vi har öppet till fem."),
    ("sv", "Du har kommit till Tapetserarna i Gamla stan."),
    ("en", "You're through to Harrison & Sons Locksmiths, we're open till five."),
    # firms named after people
    ("sv", "Per Jansson Bygg har gjort flest badrum i området."),
    ("sv", "Erik Olsson Fastighetsförmedling och Svensk Fastighetsförmedling sålde mest."),
    ("en", "Grady Lifts sold most of the stairlifts round here."),
    # public figures in a TV clause
    ("en", "Gordon Ramsay did an episode about kitchens like this."),
    # common words that are also first names, with no person meant
    ("en", "it's fifteen pounds per person per night"),
    ("en", "The sterling price went up and page two lists the parts."),
    ("en", "It comes in olive green or heath grey."),
    ("en", "we have the royal albert hall booked for the fourteenth"),
    ("sv", "Vi har axel och bromsskivor i lager."),
    ("sv", "Bror och syster kan dela rum."),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES)
def test_round17_negatives(lang: str, text: str) -> None:
    assert _masked(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("en", ["mairead", "cillian", "jędrzej", "jedrzej", "radoslaw", "matej", "ivo"]),
        ("sv", ["jovana", "ingegerd", "radosław", "zoltan"]),
    ],
)
def test_round17_origin_first_names(lang: str, names: list[str]) -> None:
    first, _ = broad_names(lang)
    assert [n for n in names if n not in first] == []


def test_round17_origin_surnames_and_word_names() -> None:
    _, sv_last = broad_names("sv")
    assert {"ahlström", "sjödin", "hautala", "kranjc"} <= sv_last
    assert {"page", "heath", "dot", "sterling", "olive"} <= word_names("en")
    assert {"bror", "sten"} <= word_names("sv")
    assert "per" not in word_names("en")
