"""Round 11: gaps closed by kind after blind11 was measured untouched.

Each table holds new sentences written for the kind (other names, other wordings, both
languages where it applies), with hard negatives next to the positives.
"""

from __future__ import annotations

import pytest
from privacy_masks import covered as _covered
from privacy_masks import of_kind as _of

from verbalkit import find_personal_data

# ---------------------------------------------------------------- names in fixed frames

NAMES_IN_FRAMES = [
    # the holder of an account or card, in the genitive
    ("en", "Pay it into the account in Priya Raman's name, please.", "Priya Raman"),
    ("en", "The card is in Oliver Bramwell's name, not mine.", "Oliver Bramwell"),
    ("en", "Send the refund to Megan's account, she paid for it.", "Megan"),
    ("sv", "Kontot står i Jun Wangs namn.", "Jun Wang"),
    ("sv", "Pengarna kan sättas in på Elins konto i stället.", "Elin"),
    ("en", "the refund can go in oliver bramwells name", "oliver bramwell"),
    ("en", "The account is in Joanne Whitfields name.", "Joanne Whitfield"),
    ("sv", "kontot står i anna lunds namn", "anna lund"),
    # a greeting written on a cake, a card or a banner
    ("en", "The banner should read Happy Birthday Oscar in blue letters.", "Oscar"),
    ("en", "Can the card say Congratulations Harriet on the front?", "Harriet"),
    ("sv", "Skriv Grattis Maja 3 år på tårtan.", "Maja"),
    ("sv", "På kortet ska det stå Grattis på födelsedagen Gunnel.", "Gunnel"),
    # "a Siobhan on the switchboard": one of that name
    ("en", "I talked to a Niamh in billing and she promised a call back.", "Niamh"),
    ("en", "Last week I spoke with a Dariusz from your depot.", "Dariusz"),
    ("sv", "Jag pratade med en Soraya i kassan förra veckan.", "Soraya"),
    ("sv", "Vi talade med en Henrik på lagret.", "Henrik"),
    ("en", "i spoke to a niamh in accounts yesterday", "niamh"),
    ("sv", "jag pratade med en soraya på kontoret", "soraya"),
    # the kin to ring at a number, lower case, a common word as the name
    ("en", "ring my son river on oh seven seven double two", "river"),
    ("en", "call my wife holly on 07700 900 431 if I'm out", "holly"),
    ("sv", "ring min dotter ylva på noll sju tre fyra fem", "ylva"),
    ("sv", "ring min son sten på 070-123 45 67 om jag inte svarar", "sten"),
    # the surname said first, after a copula
    ("sv", "Det är Zhang Wei som hämtar paketet.", "Zhang Wei"),
    ("en", "It's Tran Thi Mai, calling about the boiler.", "Tran Thi Mai"),
    ("en", "This is Nguyen Van Long speaking.", "Nguyen Van Long"),
    # clergy titles
    ("en", "The service is led by Reverend Paul Ashdown.", "Paul Ashdown"),
    ("sv", "Vigseln förrättas av pastor Lina Berggren.", "Lina Berggren"),
    # particles inside a surname
    ("en", "I left the coat for Rhodri ap Gwyn yesterday.", "Rhodri ap Gwyn"),
    ("en", "My name is Ahmad bin Ismail.", "Ahmad bin Ismail"),
    ("sv", "Jag heter Ludwig van der Berg.", "Ludwig van der Berg"),
    # a booking said to be for someone
    ("en", "The booking's for Laila Ahmadi-Clarke, a table for six.", "Laila Ahmadi-Clarke"),
    ("en", "The table's for Marcus, party of four.", "Marcus"),
    ("sv", "Bordet är bokat på Karin Lund, fyra personer.", "Karin Lund"),
    # common-word and virtue names after a copula with a person cue
    ("en", "yeah it was mercy who rang me last week", "mercy"),
    ("en", "hi this is ruby calling about the boiler", "ruby"),
    ("sv", "ja hej det är sten här jag ringer om räkningen", "sten"),
    ("sv", "det är inge här igen", "inge"),
    # a name with a comma and a person-bound number's cue after it
    ("sv", "Vi spelar i korpen, Lina Sjöholm, medlemsnummer 1188.", "Lina Sjöholm"),
    ("en", "We play in the darts league, Owen Pritchard, member number 5521.", "Owen Pritchard"),
]


@pytest.mark.parametrize(("lang", "text", "value"), NAMES_IN_FRAMES)
def test_names_in_fixed_frames_are_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


NOT_NAMES_IN_FRAMES = [
    ("en", "It's in the company's name, not mine."),
    ("en", "The booking's for New Year's Eve."),
    ("en", "The order's for Christmas Day."),
    ("en", "The booking's for Friday at eight."),
    ("en", "Happy Birthday Mum on the card please."),
    ("en", "I spoke to a Manager on the phone."),
    ("en", "it was the heat pump that broke again"),
    ("en", "I ordered the ruby red one in June."),
    ("en", "ring my mobile on 07700 900123"),
    ("en", "It's the Royal Free, patient number 8812."),
    ("sv", "Det är på företagets konto."),
    ("sv", "Grattis Sverige!"),
    ("sv", "Jag pratade med en Handläggare igår."),
    ("sv", "det var juni som var varmast"),
    ("sv", "Laget heter Gröna Lund, medlemsnummer 55."),
    ("en", "Happy Birthday Sweetheart on the cake please."),
    ("en", "its in the companys name"),
    ("en", "It's in Barclays name."),
    ("en", "i spoke to a manager on the phone"),
    ("sv", "jag pratade med en kille i kassan"),
    ("sv", "det står på företagets konto"),
    ("en", "The money is in Tesco's account."),
    ("en", "call my son later on 07700 900123"),
    ("en", "text my daughter instead on 07700 900123"),
    ("sv", "ring min son direkt på 070-123 45 67"),
    ("sv", "ring min pappa hemma på 08-123 45 67"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_NAMES_IN_FRAMES)
def test_frames_without_a_person_are_not_names(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


# ---------------------------------------------------------------- names by origin

NAMES_BY_ORIGIN = [
    ("en", "The parcel is for Kourosh Rahimi at the back door.", "Kourosh Rahimi"),
    ("sv", "Min kollega Shirin Mousavi tar över ärendet.", "Shirin Mousavi"),
    ("en", "I've copied in my colleague Kofi Mensah.", "Kofi Mensah"),
    ("sv", "Kontaktpersonen är Kwabena Owusu på lagret.", "Kwabena Owusu"),
    ("en", "The tenant is Gruffydd Pritchard, he's away till May.", "Gruffydd Pritchard"),
    ("en", "I'm calling for Lowri Bevan about her prescription.", "Lowri Bevan"),
    ("en", "It's Joaquín Núñez, patient number 556231.", "Joaquín Núñez"),
    ("sv", "Jag heter Ramón Ibáñez och ringer om fakturan.", "Ramón Ibáñez"),
    ("sv", "Det är Orvar Lindqvist här.", "Orvar Lindqvist"),
    ("sv", "Min svärfar Algot Berglund ska hämta bilen.", "Algot Berglund"),
    ("en", "It's Huy Pham, about the tutoring invoice.", "Huy Pham"),
]


@pytest.mark.parametrize(("lang", "text", "value"), NAMES_BY_ORIGIN)
def test_names_of_more_origins_are_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


# ---------------------------------------------------------------- not people

NOT_PEOPLE = [
    # an animal named by a pronoun, or said inside the name
    ("sv", "Kattens chip är registrerat, hon heter Smulan."),
    ("sv", "ja han heter sixten alltså hunden och han haltar"),
    ("en", "The pony's passport came back, she's called Biscuit."),
    ("en", "the gelding he's called monty the horse i mean"),
    # authors and characters read at school
    ("sv", "Vi läser Vilhelm Moberg i svenskan den här terminen."),
    ("sv", "Dottern har läxa om Karin Boye och Edith Södergran."),
    ("en", "We're studying Ted Hughes and Sylvia Plath in English this term."),
    ("en", "His essay is on Wilfred Owen and Siegfried Sassoon."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_PEOPLE)
def test_animals_and_authors_are_not_people(lang: str, text: str) -> None:
    assert _of(text, lang, "name") == []


PEOPLE_NEAR_ANIMALS = [
    ("sv", "Min dotter rider på hästen, hon heter Ylva Berg.", "Ylva Berg"),
    ("en", "My daughter rides the pony, she's called Emma Shaw.", "Emma Shaw"),
    ("en", "Thanks Tom and Anna Price for the help.", "Anna Price"),
]


@pytest.mark.parametrize(("lang", "text", "value"), PEOPLE_NEAR_ANIMALS)
def test_people_near_animals_stay_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


# ---------------------------------------------------------------- business contact

BUSINESS_MOVED = [
    ("sv", "Tandvårdskliniken har flyttat och ligger nu på Storgatan 12 i Umeå."),
    ("sv", "Vi finns numera på Verkstadsvägen 4 i Borås."),
    ("en", "The surgery has moved, it's now at 14 Mill Road, Ely CB7 4DT."),
    ("en", "Our studio has moved and we're now at 3 Dock Street, Hull HU1 3DL."),
]


@pytest.mark.parametrize(("lang", "text"), BUSINESS_MOVED)
def test_an_organisation_that_moved_gives_its_own_address(lang: str, text: str) -> None:
    assert _of(text, lang, "address") == []


PEOPLE_WHO_MOVED = [
    ("sv", "Vi har flyttat, vi bor nu på Storgatan 12 i Umeå.", "Storgatan 12 i Umeå"),
    ("en", "We've moved, we're now at 14 Mill Road, Ely CB7 4DT.", "14 Mill Road"),
]


@pytest.mark.parametrize(("lang", "text", "value"), PEOPLE_WHO_MOVED)
def test_a_caller_who_moved_gives_a_personal_address(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


ROLE_MAILBOXES = [
    ("sv", "Skicka frågorna till kyrkogardsexpeditionen@stad.se så svarar de."),
    ("sv", "Anmälan görs till gruppbokning@vandrarhemmet.se."),
    ("en", "Send the menu choices to functions@theredlion.co.uk please."),
    ("en", "Email the weddings@oakhall.co.uk team for a tour."),
]


@pytest.mark.parametrize(("lang", "text"), ROLE_MAILBOXES)
def test_role_mailboxes_are_not_personal(lang: str, text: str) -> None:
    assert _of(text, lang, "email") == []


PERSONAL_MAILBOXES = [
    ("sv", "Maila mig på annasvensson@gmail.com.", "annasvensson@gmail.com"),
    ("sv", "Min adress är lisa.kontoret@gmail.com.", "lisa.kontoret@gmail.com"),
    ("en", "my email is jonathanbrookes@gmail.com", "jonathanbrookes@gmail.com"),
]


@pytest.mark.parametrize(("lang", "text", "value"), PERSONAL_MAILBOXES)
def test_personal_mailboxes_stay_masked(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


# ---------------------------------------------------------------- addresses

ADDRESSES = [
    ("sv", "Adressen är Avenida da Liberdade 120, 1250-096 Lisboa.", "Avenida da Liberdade 120"),
    ("sv", "Skicka det till Via Roma 22, 00184 Roma.", "Via Roma 22, 00184 Roma"),
    ("sv", "Jag bor på Calle Mayor 3, 28013 Madrid på vintern.", "Calle Mayor 3, 28013 Madrid"),
    ("en", "I live at Calle Mayor 3, 28013 Madrid.", "Calle Mayor 3, 28013 Madrid"),
    ("en", "Send it to 12 Rue de Rivoli, 75001 Paris.", "12 Rue de Rivoli, 75001 Paris"),
    ("en", "Send it to 22 Ffordd y Parc, Cardiff CF14 3XY.", "22 Ffordd y Parc, Cardiff CF14 3XY"),
    ("en", "My home is Tŷ Coch, Heol yr Ysgol, Tregaron SY25 6HG.", "Tŷ Coch, Heol yr Ysgol"),
    ("en", "Post it to my dad, 5 Clos y Wern, Caerphilly CF83 1RS.", "5 Clos y Wern"),
]


@pytest.mark.parametrize(("lang", "text", "value"), ADDRESSES)
def test_street_word_first_and_welsh_addresses(lang: str, text: str, value: str) -> None:
    assert _covered(text, lang, value)


NOT_ADDRESSES = [
    ("sv", "Vi åkte via Rom och Paris i somras."),
    ("en", "We went to the Rue de Rivoli for shopping."),
    ("en", "The hotel is on Via Roma 22, near the station."),
    ("sv", "Restaurangen ligger på Calle Mayor 3 i Madrid."),
    ("en", "Flight 22 leaves via Paris 14 at noon."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_ADDRESSES)
def test_streets_in_general_talk_are_not_addresses(lang: str, text: str) -> None:
    assert _of(text, lang, "address") == []


# ---------------------------------------------------------------- numbers

NUMBERS = [
    ("sv", "Servicekundnumret är 10024587.", "10024587", "customer_id"),
    ("sv", "Föreningsmedlemsnumret är 55321.", "55321", "customer_id"),
    (
        "sv",
        "Ärendenumret är 10024587. Sätt in det på 5412 10 234 56 hos SEB.",
        "5412 10 234 56",
        "bank_account",
    ),
    (
        "sv",
        "Ordernumret är 4471. Pengarna kan gå till 8105-9, 934 112 557-2 hos Swedbank.",
        "8105-9, 934 112 557-2",
        "bank_account",
    ),
]


@pytest.mark.parametrize(("lang", "text", "value", "kind"), NUMBERS)
def test_person_bound_numbers_after_compounds_and_other_sentences(
    lang: str, text: str, value: str, kind: str
) -> None:
    assert value in _of(text, lang, kind)


NOT_NUMBERS = [
    ("sv", "Supportärendenumret är 10024587."),
    ("sv", "Ordernummer 4471 och 4472 gäller."),
    ("en", "Order number 55123 and 55124 are both late."),
    ("en", "The tracking number is 1Z 999 AA1 01 2345 6784."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_NUMBERS)
def test_case_and_order_numbers_stay_unmasked(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []
