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


# ---------------------------------------------------------------- names in person slots

NAMES_IN_SLOTS = [
    # the name said before "heter jag"
    ("sv", "Aslak Gaup heter jag, och jag ringer om renskötseln.", "Aslak Gaup"),
    ("sv", "ja hej öh dag heter jag och jag har en fråga om fakturan", "dag"),
    ("sv", "alltså rosa maria de los santos heter jag", "rosa maria de los santos"),
    ("sv", "Hej! Thanh Huong heter jag.", "Thanh Huong"),
    # the name a card or a letter says
    (
        "sv",
        "På tårtan ska det stå Grattis, och på kortet står det Eero Virtanen på.",
        "Eero Virtanen",
    ),
    ("sv", "Det står Leena Korhonen på brevet, men hon har flyttat.", "Leena Korhonen"),
    ("en", "The card says Dimitris Georgiou on it, not my name.", "Dimitris Georgiou"),
    ("en", "It came with Somchai Boonmee on the label.", "Somchai Boonmee"),
    # a person's appointment
    ("sv", "jag har en tid hos ros på torsdag för en klippning", "ros"),
    ("sv", "Jag har en tid hos Kerstin på tisdag.", "Kerstin"),
    ("en", "I've got a session with Hazel on Tuesday for the rest of the sleeve.", "Hazel"),
    ("en", "my daughter has a lesson with dawn on saturday", "dawn"),
    ("en", "I had an appointment with Priya last week.", "Priya"),
    # the agent of a booking or a purchase
    ("sv", "Bokningen gjordes av Anneli Heikkinen i mars.", "Anneli Heikkinen"),
    ("en", "The order was placed by Valentina Herrera on my card.", "Valentina Herrera"),
    ("en", "the tickets were booked by rodrigo salazar last week", "rodrigo salazar"),
    # the one to hand a thing to
    ("en", "Please send the parcel to Georgios Papadakis at 14 Elm Road.", "Georgios Papadakis"),
    ("en", "leave the keys with milica jovanović at reception", "milica jovanović"),
    ("sv", "Lämna nyckeln till Tuula Lehtonen på kontoret.", "Tuula Lehtonen"),
    # a full name closing the utterance
    (
        "en",
        "My booking reference is HX-2291, Karthikeyan Ramachandran.",
        "Karthikeyan Ramachandran",
    ),
    ("en", "The deposit went through yesterday, Siriporn Wongsawat.", "Siriporn Wongsawat"),
    ("sv", "Jag har medlemsnummer 44120, Pirjo Salminen.", "Pirjo Salminen"),
    # a role and a comma
    ("sv", "Jag är kortinnehavare, Pham Thi Mai, och kortet är spärrat.", "Pham Thi Mai"),
    ("en", "I'm the cardholder, Yusuf Demir, and the card ends 4417.", "Yusuf Demir"),
    ("sv", "Mottagare, Ante Somby, ska hämta paketet.", "Ante Somby"),
    # the holder in the genitive, after "from"
    ("en", "The refund came from Kourosh Rahimi's account.", "Kourosh Rahimi"),
    ("en", "the money came from siavash karimis account", "siavash karimi"),
]


@pytest.mark.parametrize(("lang", "text", "value"), NAMES_IN_SLOTS)
def test_names_in_person_slots_are_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


NOT_NAMES_IN_SLOTS = [
    ("sv", "Vad heter jag i systemet, står det rätt?"),
    ("sv", "Så heter jag inte, det är fel."),
    ("sv", "Det står Visa på kortet."),
    ("sv", "Det står Telia Sverige på fakturan."),
    ("sv", "Jag har en tid hos frisören på fredag."),
    ("sv", "Beställningen gjordes av Ica Maxi i Umeå."),
    ("sv", "Lämna nyckeln till Kundtjänst på kontoret."),
    ("en", "The card says Visa Debit on it."),
    ("en", "I have an appointment with april the 3rd in mind."),
    ("en", "I've got a session with the physio on Friday."),
    ("en", "The order was placed by Amazon Logistics on Monday."),
    ("en", "Send it to Customer Services at 12 High Street."),
    ("en", "Thanks for your help, New York."),
    ("en", "See you soon, Merry Christmas."),
    ("en", "It's all sorted now, Happy Days."),
    ("en", "The payment came from Barclays Bank's account."),
    ("en", "i spoke to them at reception yesterday"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_NAMES_IN_SLOTS)
def test_slots_without_a_person_are_not_names(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


# ---------------------------------------------------------------- common-word names

COMMON_WORD_NAMES = [
    # the speaker opening the turn, then why they ring
    ("sv", "ja hej det är sol jag ringer om bokningen", "sol"),
    ("sv", "öh hej det är dag jag undrar över räkningen", "dag"),
    ("en", "yeah hi it's may i'm ringing about the boiler", "may"),
    ("en", "hi it's faith i'm calling about my prescription", "faith"),
    ("en", "um it's joy from the leeds office my number is oh one one three", "joy"),
    ("en", "it's grace from the hr team about your leave", "grace"),
    # "he's called", "she's called", then the clause goes on
    ("en", "it's my husband's card he's called rowan and the number is four four", "rowan"),
    ("en", "she's called hope and she's my carer", "hope"),
    # the one to ring at a number
    ("en", "you can ring faith on oh seven seven double one two three four", "faith"),
    ("en", "ring dawn on 07700 900431 after six", "dawn"),
    # kin and a capitalised common-word name in written text
    ("sv", "Paketet ska till min dotter Saga på förskolan.", "Saga"),
    ("en", "Please give it to my daughter Ruby at the front desk.", "Ruby"),
    # the same name said again
    ("sv", "Blommorna ska till min son Dag på jobbet, och på kortet ska det stå Dag.", "stå Dag"),
    ("en", "It's for my wife Holly, so please write Holly on the tag.", "write Holly"),
]


@pytest.mark.parametrize(("lang", "text", "value"), COMMON_WORD_NAMES)
def test_common_word_names_in_a_frame(lang: str, text: str, value: str) -> None:
    word = value.split()[-1]
    start = text.index(value) + len(value) - len(word)
    spans = [(p.start, p.end) for p in find_personal_data(text, lang) if p.kind == "name"]
    assert any(s <= start and start + len(word) <= e for s, e in spans)


NOT_COMMON_WORD_NAMES = [
    ("sv", "det är sten jag vill ha i trädgården"),
    ("sv", "det är sol i hela landet i morgon"),
    ("en", "it's may from the third floor that we need"),
    ("en", "it's will i'm not sure about"),
    ("en", "yes it's hope from the bottom of my heart"),
    ("en", "call back on 07700 900431 after six"),
    ("en", "my dog, he's called rusty and he's ill"),
    ("en", "We'd like a Victoria sponge for the party."),
    ("en", "Is it a Laura Ashley print or something else?"),
    ("en", "Our Jack Russell, Pip, needs a bigger crate."),
    ("en", "The jacket is Harris Tweed, size 40."),
    ("en", "I watched Tiger Woods play at St Andrews."),
    ("sv", "Vi vill ha en Carl Malmsten-stol till hallen."),
    ("sv", "Tyget är William Morris, det blommiga."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_COMMON_WORD_NAMES)
def test_common_words_and_eponyms_are_not_names(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


# ---------------------------------------------------------------- turn openings and lists

TURN_AND_LIST_NAMES = [
    ("en", "um maricel bautista here about the dive trip", "maricel bautista"),
    ("en", "er kanya srisuk here my mobile is oh seven", "kanya srisuk"),
    ("sv", "öh juha kettunen här jag ringer om bastun", "juha kettunen"),
    ("en", "Could you check the account of Eleni Papadaki, please?", "Eleni Papadaki"),
    (
        "sv",
        "Beställningen gjordes av Camila Andrea Rojas men fakturan ska till mig.",
        "Camila Andrea Rojas",
    ),
    ("en", "Jelena Marković is my name.", "Jelena Marković"),
    ("en", "The booking was for Subramanian Venkatesh, table for two.", "Subramanian Venkatesh"),
]


@pytest.mark.parametrize(("lang", "text", "value"), TURN_AND_LIST_NAMES)
def test_names_from_the_round12_origin_lists(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


NOT_TURN_NAMES = [
    ("en", "um the engineer here said it was fine"),
    ("en", "yeah everything here is broken"),
    ("sv", "öh alla här är sjuka"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_TURN_NAMES)
def test_turn_openings_without_a_name(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


# ---------------------------------------------------------------- a business's premises

PREMISES = [
    ("en", "We're at 14 Castle Street in Chester, opposite the cathedral."),
    ("en", "We're based at 3 Quay Road, Whitby, next to the harbour office."),
    ("sv", "Vi finns på Storgatan 12 i Umeå, mittemot stationen."),
]


@pytest.mark.parametrize(("lang", "text"), PREMISES)
def test_premises_given_by_a_landmark_are_not_personal(lang: str, text: str) -> None:
    assert _of(text, lang, "address") == []


HOMES_BY_LANDMARK = [
    ("en", "I'm at 14 Castle Street in Chester, opposite the cathedral.", "14 Castle Street"),
    ("sv", "Jag bor på Storgatan 12 i Umeå, mittemot stationen.", "Storgatan 12"),
    ("en", "We're at 22 Mill Lane, Ely, so send it there.", "22 Mill Lane"),
]


@pytest.mark.parametrize(("lang", "text", "value"), HOMES_BY_LANDMARK)
def test_homes_near_a_landmark_stay_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)
