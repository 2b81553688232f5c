"""Round 7: names, e-mails, addresses and ids said in the ways people say them, with hard
negatives for each kind.

Names: lower-case full names whose first name is also a common word ("det är hans
persson"), double first names, "skriv det på X" / "put it under X", "det gäller X" with a
person cue, a role and a comma ("I'm the patient, Daniel Whitaker"), a name opening the
turn ("Gareth Pritchard again"), a full name said with a person verb, "im X", references
and referees, a hyphenated surname said aloud. Not people: pets, things that are called
something, namesakes, clefts, organisations after "calling from", common words, public
figures. E-mails with spoken number words, Swedish and English spoken addresses, Irish and
Canadian addresses, product names with "box", fee notice numbers, spoken NI numbers.
"""

from __future__ import annotations

import pytest

import verbalkit


def _names(text: str, lang: str) -> list[str]:
    return [p.text for p in verbalkit.find_personal_data(text, lang) if p.kind == "name"]


def _kinds(text: str, lang: str) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in verbalkit.find_personal_data(text, lang)]


def _masked(text: str, lang: str) -> str:
    return verbalkit.redact(text, lang).text


NAMES = [
    # 1. lower-case full names whose first name is a common word, double first names
    ("sv", "hej det är hans lindqvist jag ringer om fakturan", "hans lindqvist"),
    ("sv", "ja det är per olof sandström här", "per olof sandström"),
    ("sv", "hej det är anna karin bergqvist från föreningen", "anna karin bergqvist"),
    ("sv", "det är karl johan nyström som ringer", "karl johan nyström"),
    ("sv", "hallå det är per holmgren", "per holmgren"),
    ("en", "hi it's jack robinson about the boiler", "jack robinson"),
    # 2. "skriv det på X", "put it under X"
    ("sv", "skriv det på gunvor ekström tack", "gunvor ekström"),
    ("sv", "Sätt den på Mirela Hadžić, hon betalar.", "Mirela Hadžić"),
    ("sv", "Skriv det på Tarja, hon hämtar paketet.", "Tarja"),
    ("en", "Put it under Ngozi Okafor, she's collecting.", "Ngozi Okafor"),
    ("en", "please put it in the name of Priyanka Sharma", "Priyanka Sharma"),
    ("en", "put it under margaret hollis please", "margaret hollis"),
    # 3. "det gäller X" + a person cue
    ("sv", "Det gäller Omid Rahimi, jag är hans förmyndare.", "Omid Rahimi"),
    ("sv", "det gäller lena söderlund hon är min mamma", "lena söderlund"),
    ("en", "It's about Tobias Fenwick, he's my son.", "Tobias Fenwick"),
    ("en", "Regarding Wiktoria Zielinska, I'm her guardian.", "Wiktoria Zielinska"),
    # 4. a role and a comma; a name opening the turn
    ("en", "I'm the account holder, Rosalind Ebbw, and I want to close it.", "Rosalind Ebbw"),
    ("en", "I'm the tenant, Kwabena Asante.", "Kwabena Asante"),
    ("sv", "Jag är kontoinnehavaren, Leila Haddad.", "Leila Haddad"),
    ("en", "Morwenna Tregothnan again, sorry to bother you.", "Morwenna Tregothnan"),
    ("en", "hiya sandra here about the parcel", "sandra"),
    ("sv", "Ulla Lindqvist igen, jag ringde i förmiddags.", "Ulla Lindqvist"),
    # 5. a known first name and a surname with a person verb
    ("en", "Our daughter Amelia Thornbury is starting school in May.", "Amelia Thornbury"),
    ("en", "Then Oliver Quennell was born in March.", "Oliver Quennell"),
    ("sv", "Sen har Elsa Brännström börjat på förskolan.", "Elsa Brännström"),
    # 6. "im X" for "I'm X"
    ("en", "im siobhan walsh from the residents association", "siobhan walsh"),
    ("en", "yeah im gareth morgan", "gareth morgan"),
    # 7. references and referees
    ("en", "my referee is Margaret Oduya from the library", "Margaret Oduya"),
    ("en", "my reference is tom gallagher he was my manager", "tom gallagher"),
    ("sv", "min referens är Birgitta Holm på förra jobbet", "Birgitta Holm"),
    # 8. a hyphenated surname said aloud
    ("en", "It's Lucy Ashton-Warner, that's Ashton hyphen Warner.", "Ashton hyphen Warner"),
    ("sv", "Jag heter Eva Lind-Ek, alltså Lind bindestreck Ek.", "Lind bindestreck Ek"),
]


@pytest.mark.parametrize(("lang", "text", "name"), NAMES)
def test_names(lang: str, text: str, name: str) -> None:
    assert name in _names(text, lang)
    assert name not in _masked(text, lang)


NOT_NAMES = [
    # 1. a first name that is a common word, without a surname
    ("sv", "det är hans bil som står där", ""),
    ("sv", "det är per månad du betalar", ""),
    # 2. "skriv det på" something that is no person
    ("sv", "skriv det på kortet istället", ""),
    ("sv", "Sätt det på Kivra så hittar jag det.", ""),
    ("en", "put it under the mat by the door", ""),
    ("en", "Put it under Settings and then Privacy.", ""),
    # 3. "det gäller" a thing
    ("sv", "Det gäller Volvo XC60, den har ett fel.", ""),
    ("en", "It's about Microsoft Teams, it keeps crashing.", ""),
    ("en", "Regarding Premium Plus, is it still available?", ""),
    # 4. a role without a name; a thanks opening the turn
    ("en", "I'm the account holder, and I want to close it.", ""),
    ("en", "Thanks again for your help.", ""),
    ("en", "Virgin Media here about your broadband.", ""),
    # 5. a verb after a thing
    ("en", "The Sunflower Room is starting a new timetable.", ""),
    # 6. "im" with no name
    ("en", "im not sure what the problem is", ""),
    ("en", "im calling about the bill", ""),
    # 7. a reference number
    ("en", "my reference is AB 44 19 07", ""),
    ("sv", "min referens är 4488 1920", ""),
    # 8. a hyphen said without the word before
    ("en", "the model is X hyphen ray pro", ""),
    # 9. pets, things, namesakes, clefts, organisations, common words, public figures
    ("en", "I'm Rolo's owner, he's due his jabs.", ""),
    ("en", "Hi, I'm Bella's owner.", ""),
    ("sv", "Båten heter Astrid och ligger vid brygga två.", ""),
    ("sv", "Rosen heter Elsa Beskow och är rosa.", ""),
    ("sv", "Hästen hette Sven och var en fjording.", ""),
    ("sv", "bilen heter Greta efter min farmor", ""),
    ("en", "The boat is called Emily Rose and she's moored in Falmouth.", ""),
    ("en", "The new room is named after Florence Nightingale.", ""),
    ("sv", "Salen är uppkallad efter Selma Lagerlöf.", ""),
    ("sv", "Det var Avicii som spelade där 2012.", ""),
    ("sv", "det var zlatan som invigde hallen", ""),
    ("en", "It was Shakespeare who wrote it.", ""),
    ("en", "I'm calling from Addison Lee about a booking.", ""),
    ("sv", "Hej, jag ringer från Svea Ekonomi om en faktura.", ""),
    ("en", "The spare wheel and jack are in the boot.", ""),
    ("en", "Bring a jack and a torch.", ""),
    ("sv", "vi tar en per person", ""),
    ("en", "We watched a film with Tom Hanks last night.", ""),
    ("sv", "Hon läste Astrid Lindgren för barnen.", ""),
    ("en", "Prince William opened the hospital wing.", ""),
]


@pytest.mark.parametrize(("lang", "text", "_"), NOT_NAMES)
def test_not_names(lang: str, text: str, _: str) -> None:
    assert _names(text, lang) == []


EMAILS = [
    # 10. spoken number words inside the local part
    ("sv", "mejlen är lena punkt berg sjuttiotre snabel-a gmail punkt com", "lena punkt berg sjuttiotre snabel-a gmail punkt com"),
    ("sv", "min mejl är hans punkt ek nittionio snabel-a telia punkt com", "hans punkt ek nittionio snabel-a telia punkt com"),
    ("sv", "skicka till per fyra två snabel-a hotmail punkt se", "per fyra två snabel-a hotmail punkt se"),
    ("en", "my email is jo dot baker twenty one at outlook dot com", "jo dot baker twenty one at outlook dot com"),
    ("en", "it's sam underscore lee seven at yahoo dot co dot uk", "sam underscore lee seven at yahoo dot co dot uk"),
    ("en", "email me on rhys dot owen eighty eight at gmail dot com", "rhys dot owen eighty eight at gmail dot com"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "email"), EMAILS)
def test_spoken_emails_with_numbers(lang: str, text: str, email: str) -> None:
    assert ("email", email) in _kinds(text, lang)


NOT_EMAILS = [
    ("sv", "vi ses klockan tre på kontoret punkt slut", ""),
    ("en", "call me on one two three at home dot com", ""),
    ("en", "there were twenty one at the meeting dot com bubble talk", ""),
]


@pytest.mark.parametrize(("lang", "text", "_"), NOT_EMAILS)
def test_not_spoken_emails(lang: str, text: str, _: str) -> None:
    assert [k for k, _ in _kinds(text, lang) if k == "email"] == []


IDS = [
    # 15. spoken UK National Insurance numbers: letters spelled, digits spoken
    ("en", "my national insurance is j e one two three four five six a", "customer_id", "j e one two three four five six a"),
    ("en", "national insurance number is n e four four eight one oh six d", "customer_id", "n e four four eight one oh six d"),
    ("en", "my ni number is k l seven seven two nine oh one c", "customer_id", "k l seven seven two nine oh one c"),
    # phones stay phones beside a fee word
    ("sv", "ring mig på 070 448 20 31 om kontrollavgiften", "phone", "070 448 20 31"),
    ("en", "call me on 07700 900123 about the parking fine", "phone", "07700 900123"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "kind", "value"), IDS)
def test_ids(lang: str, text: str, kind: str, value: str) -> None:
    assert (kind, value) in _kinds(text, lang)


NOT_PERSONAL_NUMBERS = [
    # 14. a fee or penalty notice number is not a phone
    ("sv", "Kontrollavgiftens nummer är 5 310 227 846, betala inom åtta dagar."),
    ("sv", "Parkeringsboten har nummer 6 612 330 981."),
    ("sv", "felparkeringsavgiftens nummer är sju fyra fyra åtta två noll tre ett ett nio"),
    ("en", "The penalty charge notice number is 6 602 118 453."),
    ("en", "my PCN number is 55 6123 4471"),
    ("en", "the pcn is oh seven seven one two three four five six seven eight"),
    # 13. "box" inside a product name is not a post box
    ("sv", "Vi har larmpanelen V-box 2 och sensorn PIR-300 i lager."),
    ("en", "The X-box 360 and the T-box 4 are both in stock."),
    ("sv", "Routern heter Fritzbox 7590."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_PERSONAL_NUMBERS)
def test_not_personal_numbers(lang: str, text: str) -> None:
    assert _kinds(text, lang) == []


ADDRESSES = [
    # 11. Swedish: a direction or adjective and a street word, spoken numbers, spoken
    # flat numbers, villages with a spoken postcode
    ("sv", "min adress är västra vägen nio i sundsvall", "västra vägen nio i sundsvall"),
    ("sv", "jag bor på lilla gatan sex i ystad", "lilla gatan sex i ystad"),
    ("sv", "vi bor på södra storgatan fjorton i växjö", "södra storgatan fjorton i växjö"),
    ("sv", "jag bor på björkgränd tre lägenhet tolv noll ett i umeå", "björkgränd tre lägenhet tolv noll ett i umeå"),
    ("sv", "adressen är ekvägen sju lgh fjorton noll tre i gävle", "ekvägen sju lgh fjorton noll tre i gävle"),
    ("sv", "vi bor i storby fem sju sex fyra två ett mora så det tar en stund", "storby fem sju sex fyra två ett mora"),
    ("sv", "gården ligger i västerby tjugo sju sju fem nio tre hedemora och vi är hemma", "västerby tjugo sju sju fem nio tre hedemora"),
    # 12. English: a spoken house number and "in" a town; Irish and Canadian addresses
    ("en", "we moved to twelve mill lane in wells so the bill should go there", "twelve mill lane in wells"),
    ("en", "i live at forty one church street in ripon and work in leeds", "forty one church street in ripon"),
    ("en", "Send it to 4 Harbour View, Cobh, Co. Cork P24 X9T2, please.", "4 Harbour View, Cobh, Co. Cork P24 X9T2"),
    ("en", "It's 27 Main Street, Ennis, County Clare V95 T2K8.", "27 Main Street, Ennis, County Clare V95 T2K8"),
    ("en", "My address is 88 Queen Street East, Toronto, ON M5C 2Z3.", "88 Queen Street East, Toronto, ON M5C 2Z3"),
    ("en", "Unit 4, 1200 Robson Street, Vancouver, BC V6E 1C1 is the address.", "Unit 4, 1200 Robson Street, Vancouver, BC V6E 1C1"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "address"), ADDRESSES)
def test_addresses(lang: str, text: str, address: str) -> None:
    masked = _masked(text, lang)
    assert address not in masked
    for word in address.replace(",", " ").split():
        if len(word) > 3:
            assert word not in masked, word


NOT_ADDRESSES = [
    ("sv", "vi åkte norra vägen i sex timmar"),
    ("sv", "hon bor i norrland och har sex barn"),
    ("sv", "ordernummer fyra sju tre tre nio ett sala"),
    ("en", "we drove in one go to ely and back"),
    ("en", "The A96 is closed near Dublin today."),
    ("en", "Flight AC 850 from Toronto, ON time, lands at six."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_ADDRESSES)
def test_not_addresses(lang: str, text: str) -> None:
    assert [k for k, _ in _kinds(text, lang) if k == "address"] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Hej, det är Elsa Energi, vi ringer om ditt avtal."),
        ("en", "Hi, it's Max Broadband, we're calling about your router."),
    ],
)
def test_copula_company_is_not_a_name(lang: str, text: str) -> None:
    assert _names(text, lang) == []
