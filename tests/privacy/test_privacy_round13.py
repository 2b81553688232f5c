"""Round 13: gaps closed by kind after blind13 was opened for development.

Each table holds new sentences written for the kind (other names, other wordings, both
languages where it applies, lower-case ASR rows too), with hard negatives next to the
positives.
"""

from __future__ import annotations

import pytest
from privacy_masks import covered as _covered
from privacy_masks import of_kind as _of

# ---------------------------------------------------------------- first names of more origins

MORE_ORIGINS = [
    ("sv", "Hej, det är Ailsa Brodie, jag ringer om hyrbilen.", "Ailsa Brodie"),
    ("sv", "ja hej det är sirkka här jag undrar över fakturan", "sirkka"),
    ("sv", "Jag pratade med Fartun i går om bokningen.", "Fartun"),
    ("en", "It's Ji-yeon Choi, I'm ringing about the lease.", "Ji-yeon"),
    ("en", "hi it's tesfaye i'm calling about my order", "tesfaye"),
    ("en", "This is Mhairi Campbell from flat six.", "Mhairi Campbell"),
]


@pytest.mark.parametrize(("lang", "text", "value"), MORE_ORIGINS)
def test_first_names_of_more_origins(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


# ---------------------------------------------------------------- hyphenated given names


HYPHENATED_GIVEN = [
    ("en", "It's Eun-ji Kang, calling about the invoice.", "Eun-ji Kang"),
    ("en", "This is Sung-min Yoon, I booked the van for Friday.", "Sung-min Yoon"),
    ("sv", "Det är Jae-won Lim, jag ringer om bokningen.", "Jae-won Lim"),
]


@pytest.mark.parametrize(("lang", "text", "value"), HYPHENATED_GIVEN)
def test_hyphenated_given_names_are_names(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


NOT_HYPHENATED_GIVEN = [
    ("sv", "Det är Anna-paketet jag vill ha, inte Max-paketet."),
    ("en", "It's the Self-service option I want."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_HYPHENATED_GIVEN)
def test_hyphenated_product_words_stay_unmasked(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


# ---------------------------------------------------------------- "he's my husband" after a name

KIN_PRONOUN = [
    ("en", "could you also text ciaran he's my brother", "ciaran"),
    ("en", "the parcel is for grace she's my daughter", "grace"),
    ("en", "Please send the reminder to Tobias, he's my son.", "Tobias"),
    ("sv", "kan du mejla jonas han är min sambo", "jonas"),
    ("sv", "det är till sten hon är min mamma alltså nej han är min pappa", "sten"),
]


@pytest.mark.parametrize(("lang", "text", "value"), KIN_PRONOUN)
def test_a_name_that_a_pronoun_and_kin_word_follow(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


NOT_KIN_PRONOUN = [
    ("en", "can you tell him he's my favourite technician"),
    ("en", "the boiler is old and he's my landlord's problem now"),
    ("sv", "ring honom han är min kontakt där"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_KIN_PRONOUN)
def test_a_pronoun_and_a_noun_alone_are_no_name(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


# ---------------------------------------------------------------- Swedish genitive of a first name

GENITIVE = [
    ("sv", "Jag hämtar Gunvors medicin på apoteket i morgon.", "Gunvor"),
    ("sv", "Vi har fortfarande Kajsas cykel i förrådet.", "Kajsa"),
    ("sv", "Det gäller inte mitt abonnemang utan Ingegerds telefon.", "Ingegerd"),
]


@pytest.mark.parametrize(("lang", "text", "value"), GENITIVE)
def test_a_first_names_genitive_is_masked(lang: str, text: str, value: str) -> None:
    assert value in _of(text, lang, "name")  # the name without the genitive "s"


NOT_GENITIVE = [
    ("sv", "Hans cykel står i förrådet."),
    ("sv", "Jag har läst Astrid Lindgrens böcker för barnen."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_GENITIVE)
def test_genitives_that_are_no_caller_stay_unmasked(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


# ---------------------------------------------------------------- monarchs, animals, things, authors

NOT_A_PERSON = [
    ("sv", "Slottet byggdes på Karl XI:s tid, och Gustav V bodde där en sommar."),
    ("sv", "Myntet från Erik XIV är det dyraste vi har."),
    ("en", "The coin is from the reign of Henry VIII, not George III."),
    ("en", "Duchess is the mare we bought in spring, not my sister."),
    ("sv", "Bamse är katten som jag menade, inte min granne."),
    ("sv", "Flora och Linnea är sorterna vi odlar i växthuset."),
    ("en", "Gloria and Felicia are the varieties we grow now."),
    ("en", "There was a woman called something like that in the shop."),
    ("sv", "Stig Dagerman skrev om Älvkarleby, vi läser honom i läsecirkeln."),
    ("sv", "Vi säljer Ingrid Marie i lösvikt på hösten."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_A_PERSON)
def test_monarchs_animals_varieties_and_authors_are_no_caller(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


STILL_PEOPLE = [
    ("sv", "Gustav Lindqvist ringde om fakturan i går.", "Gustav Lindqvist"),
    ("en", "My neighbour Henry Walsh is the owner of the van.", "Henry Walsh"),
    ("en", "Hi, it's Rebecca Hale, I own the horse.", "Rebecca Hale"),
    ("sv", "Det är Linnea Falk, jag ringer om sorterna ni skickade.", "Linnea Falk"),
]


@pytest.mark.parametrize(("lang", "text", "value"), STILL_PEOPLE)
def test_people_next_to_those_words_stay_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


# ---------------------------------------------------------------- "member" alone, owner ids

MEMBER_AND_OWNER_IDS = [
    ("en", "This is Priya Nair, member 5521-904.", "5521-904"),
    ("en", "yeah it's tom walsh member seven seven one two oh four", "seven seven one two oh four"),
    ("sv", "Mitt ägar-id hos Svensk Kennelklubb är SKK-778120.", "SKK-778120"),
    ("sv", "ägarnumret i registret är 30915-4 tror jag", "30915-4"),
]


@pytest.mark.parametrize(("lang", "text", "value"), MEMBER_AND_OWNER_IDS)
def test_member_and_owner_ids_are_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


NOT_MEMBER_IDS = [
    ("en", "I've been a member since 2019 and never had this problem."),
    ("en", "As a member I get 15 percent off, don't I?"),
    ("en", "She's member 3 of the 12 on the committee."),
    ("sv", "Ägaren av lokalen har ordernummer 55120-7 på fakturan."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_MEMBER_IDS)
def test_member_as_a_word_is_no_id(lang: str, text: str) -> None:
    assert _of(text, lang, "customer_id") == []
