"""Round 8: personal data said the ways people say them, with hard negatives per kind.

Company role e-mail addresses (info@, kundservice@, hello@) are not personal; pets and
animals with names are not people; names spelled letter by letter after a name cue; names
after role and booking cues; addresses on streets named after people, rural routes, spoken
UK postcodes and Irish house-name addresses; personal and company bankgiro/plusgiro; a
clearing and account number with the bank named after it.
"""

from __future__ import annotations

import pytest

import verbalkit


def _kinds(text: str, lang: str) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in verbalkit.find_personal_data(text, lang)]


def _of(text: str, lang: str, kind: str) -> list[str]:
    return [p.text for p in verbalkit.find_personal_data(text, lang) if p.kind == kind]


# 1. company role e-mail addresses ------------------------------------------------------

ROLE_EMAILS = [
    ("sv", "Skicka frågan till kundtjanst@cykelbolaget.se så hjälper de dig."),
    ("sv", "Bokningar görs via bokning@fjallstugan.se eller i appen."),
    ("sv", "fakturafrågor går till faktura snabel-a hamnbolaget punkt se"),
    ("sv", "Föreningens styrelse läser styrelsen@brfeken.se varje vecka."),
    ("sv", "Mejla hej@kaffekollektivet.se om du vill ha ett offertförslag."),
    ("en", "Please send the proofs to print@quaysideprinters.co.uk."),
    ("en", "For returns email returns@bootstore.com with the order number."),
    ("en", "you can email bookings at lakesidecamping dot co dot uk"),
    ("en", "Our office address is office@parkviewhousing.org, not the agent's."),
    ("en", "Write to jobs@greenleafcafe.com if you'd like to apply."),
]

PERSONAL_EMAILS = [
    (
        "sv",
        "Min mejl är maja.lindstrom@kontorsnavet.se, alltså jobbet.",
        "maja.lindstrom@kontorsnavet.se",
    ),
    ("sv", "skicka det till ek.berg@tryckverkstan.se tack", "ek.berg@tryckverkstan.se"),
    ("sv", "Mejla mig på info.karin@gmail.com.", "info.karin@gmail.com"),
    ("en", "My work email is tom.fairley@harbourprint.co.uk.", "tom.fairley@harbourprint.co.uk"),
    ("en", "it's j.okafor@millbrookpharmacy.co.uk", "j.okafor@millbrookpharmacy.co.uk"),
    ("en", "Email me at sales.david@acme.com please.", "sales.david@acme.com"),
]


@pytest.mark.parametrize(("lang", "text"), ROLE_EMAILS)
def test_company_role_address_is_not_personal(lang: str, text: str) -> None:
    assert _of(text, lang, "email") == []


@pytest.mark.parametrize(("lang", "text", "value"), PERSONAL_EMAILS)
def test_personal_address_on_company_domain_stays(lang: str, text: str, value: str) -> None:
    assert value in _of(text, lang, "email")


# 2. animals and things with names ------------------------------------------------------

ANIMALS = [
    ("sv", "Stoet heter Linnea och fölet heter Kalle."),
    ("sv", "valpen heter maja och tiken heter stina"),
    ("sv", "Hingsten heter Zorro, han står på stall två."),
    ("sv", "Valacken hette Herman och är såld nu."),
    ("en", "The dam is called Daisy and the sire is Max."),
    ("en", "the mare's called lady grace and she's in foal"),
    ("en", "Our stallion is Oscar, he's standing at stud this year."),
    ("en", "The puppy is called Charlie and the brood bitch is Bella."),
    ("en", "the gelding's called mr bingley"),
]

ANIMAL_AND_PERSON = [
    ("sv", "Hingsten heter Zorro och ägaren heter Lena Björk.", "Lena Björk", "Zorro"),
    ("en", "The mare is Bella and the owner is Jack Turner.", "Jack Turner", "Bella"),
]


@pytest.mark.parametrize(("lang", "text"), ANIMALS)
def test_animal_names_are_not_people(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


@pytest.mark.parametrize(("lang", "text", "person", "animal"), ANIMAL_AND_PERSON)
def test_person_beside_animal_stays(lang: str, text: str, person: str, animal: str) -> None:
    names = _of(text, lang, "name")
    assert person in " ".join(names)
    assert not any(animal in n for n in names)


# 3. names spelled letter by letter after a name cue ------------------------------------

SPELLED = [
    ("sv", "jag heter ingrid öh s a n d s t r ö m", "s a n d s t r ö m"),
    ("sv", "efternamnet är h o l m q u i s t med q", "h o l m q u i s t"),
    ("sv", "och efternamnet är n y s t r ö m", "n y s t r ö m"),
    ("sv", "mitt namn är j o k i n e n", "j o k i n e n"),
    ("sv", "han heter pekka v i r t a n e n", "v i r t a n e n"),
    ("en", "my surname is m c g r a t h", "m c g r a t h"),
    ("en", "his last name is d u b o i s", "d u b o i s"),
    ("en", "her surname is r e n é e", "r e n é e"),
    ("en", "my name is kate, surname o w u s u", "o w u s u"),
    ("en", "the surname is F-A-R-R-E-L-L", "F-A-R-R-E-L-L"),
]

SPELLED_THEN_SAID = [
    ("en", "That's H-A-L-L-O-R-A-N, Halloran.", "Halloran"),
    ("en", "it's K-E-A-N-E, Keane, like the footballer", "Keane"),
    ("sv", "Det stavas S-J-Ö-B-L-O-M, Sjöblom.", "Sjöblom"),
]

NOT_SPELLED_NAMES = [
    ("sv", "tryck på a b c d i menyn och sedan ok"),
    ("sv", "Sätena är i rad k l m n på färjan."),
    ("en", "choose options a b c d from the list"),
    ("en", "the rows are labelled p q r s on the seating plan"),
]


@pytest.mark.parametrize(("lang", "text", "value"), SPELLED)
def test_spelled_name_after_a_cue(lang: str, text: str, value: str) -> None:
    assert any(value in n for n in _of(text, lang, "name"))


@pytest.mark.parametrize(("lang", "text", "value"), SPELLED_THEN_SAID)
def test_name_said_after_its_spelling(lang: str, text: str, value: str) -> None:
    assert value in _of(text, lang, "name")


@pytest.mark.parametrize(("lang", "text"), NOT_SPELLED_NAMES)
def test_letter_runs_without_a_name_cue(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []
