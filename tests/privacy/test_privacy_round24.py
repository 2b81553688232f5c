"""Round 24: blind23's error classes (opened for development in this round), fixed with pack data.

New sentences of our own (none copied from any redaction part or the SGD corpus). Classes:
person-bound ids after new cues (a crowdfunding backer id, an animal adoption number, a
sunbed or gym card: ``customer_id`` in ``models/{en,sv}/privacy.yaml``); animals and made
things given people's names (llamas, alpacas and donkeys in ``animal_nouns``; a scent, a
soap, a hamper, a hat in ``thing_nouns``); a product line after a designer's name
("Filippa-kollektionen": ``product_lines``); "stig på" as a greeting, not the name Stig
(``not_name_phrases``); the people a gift is from ("love from Rupert and Pearl"), a family
member after "our" ("Our son Elliot") and Arabic surnames with a bare "El"/"Al" particle
(``medium_cues``, ``surname_prefixes``).

Every row fails before round 24 and passes after: NEGATIVES were masked before and are not
now; KEPT were not masked before and are now. Hard negatives of the new name cues (a bakery's
"love from all of us", "Al Pacino", "El Paso", "our son's school") are GUARDS: masked neither
before nor after.
"""

from __future__ import annotations

import pytest
from privacy_masks import covered as _covers

from verbalkit.privacy import find_personal_data

NEGATIVES = [
    ("en", "Our new scent is called Harriet, with notes of cedar."),
    ("en", "The llamas are called Boris, Nigel and Sandra."),
    ("en", "Our donkeys are called Derek and Maureen."),
    ("en", "The hamper called Edward has cheese and crackers."),
    ("sv", "Tvålen heter Agnes och doftar lavendel."),
    ("sv", "Lamorna heter Sixten, Berit och Holger."),
    ("sv", "Alpackorna heter Rune och Britt."),
    ("sv", "Mössan heter Ingrid och kostar 349 kr."),
    ("sv", "Doften heter Selma och är vår bästsäljare."),
    ("sv", "Väskan från Filippa Kollektionen säljs slut."),
    ("sv", "kom in kom in stig på bara"),
]

KEPT: list[tuple[str, str, list[str], str | None]] = [
    ("en", "My backer ID is KS-448 2013, I chipped in twenty pounds.", ["KS-448 2013"], None),
    ("en", "The adoption number is AD 5521 for the donkey sponsorship.", ["AD 5521"], None),
    ("en", "backer id k s four four one two nine", ["k s four four one two nine"], None),
    ("en", "My animal adoption number is ZA 4418.", ["ZA 4418"], None),
    ("sv", "Mitt backer-id är KB-350 1187.", ["KB-350 1187"], None),
    ("sv", "Adoptionsnumret är AD 4412 för faddergrisen.", ["AD 4412"], None),
    ("sv", "Solariekortet SL 3318 07 ska spärras.", ["SL 3318 07"], None),
    ("sv", "Gymkortet GK 5521 09 har slutat fungera.", ["GK 5521 09"], None),
    ("en", "the tag should say love from rupert and pearl", ["rupert"], "name"),
    ("en", "Tell Karim El Haddad his order is ready.", ["Karim El Haddad"], "name"),
    ("en", "Our son Elliot is booked on the trail.", ["Elliot"], "name"),
]

GUARDS = [
    ("en", "Lots of love from all of us at Brightside Bakery."),
    ("en", "love from the whole team at the depot"),
    ("en", "Greetings and love from London."),
    ("en", "Al Pacino was great in that film."),
    ("en", "We went to El Paso last year."),
    ("en", "Our son's school is closed."),
    ("sv", "Det kostar max 200 kronor."),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES)
def test_no_false_mask(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "values", "kind"), KEPT)
def test_kept(lang: str, text: str, values: list[str], kind: str | None) -> None:
    for value in values:
        assert _covers(text, lang, value, kind), value


@pytest.mark.parametrize(("lang", "text"), GUARDS)
def test_guards(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []
