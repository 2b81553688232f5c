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


@pytest.mark.parametrize(
    ("lang", "text", "person", "animal"),
    [
        ("sv", "valpen heter bella och uppfödaren heter ingrid", "ingrid", "bella"),
        ("en", "The sire is Rocky, and the breeder is Karen Hollis.", "Karen Hollis", "Rocky"),
    ],
)
def test_person_role_beside_animal(lang: str, text: str, person: str, animal: str) -> None:
    names = _of(text, lang, "name")
    assert person in names
    assert not any(animal in n for n in names)


# 4. names after role and booking cues ------------------------------------------------

ROLE_NAMES = [
    ("sv", "Passageraren heter Ana Lucía Ferreira och reser i morgon.", "Ana Lucía Ferreira"),
    ("sv", "föraren heter tomas och han har körkortet med sig", "tomas"),
    ("sv", "Jag är hästägare, eh, nej ryttaren, Lovisa Brandt.", "Lovisa Brandt"),
    ("sv", "Jag är köpare, Håkan Ödmark, och vill ha kvittot.", "Håkan Ödmark"),
    ("sv", "min mamma heter britt och bor kvar i huset", "britt"),
    ("sv", "det är jag som är son till ingvar holm", "ingvar holm"),
    ("sv", "Rummet är bokat i mitt namn, Selma Åkerlund.", "Selma Åkerlund"),
    ("sv", "Vinterdäcken är inlagda på Kent Wiklund.", "Kent Wiklund"),
    ("sv", "Stugan står på familjen Lindahl sedan i våras.", "Lindahl"),
    ("en", "The lead passenger is Tomasz Wiśniewski, travelling on Friday.", "Tomasz Wiśniewski"),
    ("en", "The driver is Graham Pollock and he'll bring the van.", "Graham Pollock"),
    ("en", "the owner's name is dorothy fenwick", "dorothy fenwick"),
    ("en", "Please mark it for the attention of Priya Raman.", "Priya Raman"),
    ("en", "fao kieran walsh please", "kieran walsh"),
    ("en", "Put the invoice in my name, Connor Ashby.", "Connor Ashby"),
    ("en", "The table is booked under Hollingsworth for eight.", "Hollingsworth"),
    ("en", "We're friends of the Pemberton family, they said to call.", "Pemberton"),
    ("en", "This is Maria José Fonseca, I rang yesterday.", "Maria José Fonseca"),
    ("en", "hi it's rich tomlinson about the boiler", "rich tomlinson"),
    ("en", "it's will ashford from flat two", "will ashford"),
]

SURNAME_AGAIN = [
    ("sv", "Paketet står på Leyla Demirci, så det kan stå Demirci på lådan.", "Demirci"),
    ("en", "It's under Oliver Pennington; Pennington with two Ns.", "Pennington"),
    ("en", "this is gareth pryce-jones, pryce-jones is the surname", "pryce-jones"),
]

NOT_ROLE_NAMES = [
    ("sv", "Föraren är sen idag, bussen kommer kvart över."),
    ("sv", "Hela familjen åker till fjällen i vecka nio."),
    ("sv", "Resenären heter inget särskilt i systemet, det står bara gäst."),
    ("sv", "Hon är dotter till en kollega på jobbet."),
    ("en", "The driver is running late because of the roadworks."),
    ("en", "The owner is away until Monday, so leave it with reception."),
    ("en", "It's under Settings, then Privacy."),
    ("en", "It's a big event for the whole family and the Royal family too."),
    ("en", "it's rich in iron and really good for you"),
    ("en", "I'm Marcus Doyle from Doyle Joinery.", "Doyle Joinery"),
]


@pytest.mark.parametrize(("lang", "text", "value"), ROLE_NAMES)
def test_name_after_role_or_booking_cue(lang: str, text: str, value: str) -> None:
    assert value in _of(text, lang, "name")


@pytest.mark.parametrize(("lang", "text", "value"), SURNAME_AGAIN)
def test_surname_said_again(lang: str, text: str, value: str) -> None:
    names = _of(text, lang, "name")
    assert names.count(value) + sum(value in n and n != value for n in names) >= 2


@pytest.mark.parametrize("row", NOT_ROLE_NAMES)
def test_not_a_name_after_role_words(row: tuple[str, ...]) -> None:
    lang, text = row[0], row[1]
    names = _of(text, lang, "name")
    if len(row) == 3:  # the person is a name, the firm named after them is not
        assert not any(row[2] in n for n in names)
    else:
        assert names == []


# 5. addresses ----------------------------------------------------------------------

ADDRESSES = [
    (
        "sv",
        "Jag bor på Olof Palmes gata 13, 111 37 Stockholm.",
        "Olof Palmes gata 13, 111 37 Stockholm",
    ),
    ("sv", "Leverera till Sankt Eriks gata 8 B, lgh 1203.", "Sankt Eriks gata 8 B, lgh 1203"),
    ("sv", "adressen är gustav adolfs torg fem i göteborg", "gustav adolfs torg fem i göteborg"),
    (
        "sv",
        "Vi har flyttat till Drottning Kristinas väg 18, 114 28 Stockholm.",
        "Drottning Kristinas väg 18, 114 28 Stockholm",
    ),
    (
        "en",
        "we're out at rural route four box twenty two lebanon ohio",
        "rural route four box twenty two lebanon ohio",
    ),
    ("en", "Send it to RR 2 Box 118, Elkins, WV 26241.", "RR 2 Box 118, Elkins, WV 26241"),
    (
        "en",
        "i'm at nine station road amersham h p seven oh a b",
        "nine station road amersham h p seven oh a b",
    ),
    (
        "en",
        "we live at four mill lane high wycombe h p eleven two x y",
        "four mill lane high wycombe h p eleven two x y",
    ),
    (
        "en",
        "Post it to Glenview Cottage, Ballyvourney, Co. Cork P12 AK34.",
        "Glenview Cottage, Ballyvourney, Co. Cork P12 AK34",
    ),
    (
        "en",
        "It's 3 Harbour View, Kinsale, Co. Cork P17 KX22.",
        "3 Harbour View, Kinsale, Co. Cork P17 KX22",
    ),
]

NOT_ADDRESSES = [
    ("sv", "Avgången 09.15 från Trelleborg är inställd."),
    ("sv", "Promenaden 07:30 utgår från hamnen."),
    ("sv", "Hans plan 2 var att åka tidigt."),
    ("sv", "Karl Johans gata är avstängd hela veckan."),
    ("sv", "Vi ses vid Gustav Adolfs torg 5 minuter efter stängning."),
    ("en", "The route two bus goes every twenty minutes."),
    ("en", "Our Cork office covers everything in P72 and the surrounding area."),
    ("en", "the h p sixteen area has had outages all week"),
]


@pytest.mark.parametrize(("lang", "text", "value"), ADDRESSES)
def test_address_forms(lang: str, text: str, value: str) -> None:
    assert value in _of(text, lang, "address")


@pytest.mark.parametrize(("lang", "text"), NOT_ADDRESSES)
def test_not_addresses(lang: str, text: str) -> None:
    assert _of(text, lang, "address") == []


# 6. bank accounts: personal and company giros, the bank named after the account -----------

PERSONAL_GIROS = [
    ("sv", "Bankgirot är 5402-9681, det är mitt privata.", "5402-9681"),
    ("sv", "Hon vill ha pengarna på hennes bankgiro 5050-1055.", "5050-1055"),
    ("sv", "betala tillbaka till hans bankgiro 5402-9681 tack", "5402-9681"),
    ("en", "The refund went to his bankgiro, 5050-1055.", "5050-1055"),
    ("en", "Her bankgiro is 5402-9681, she's a sole trader but it's her own.", "5402-9681"),
    ("en", "Use bankgiro 5050-1055, that's my personal one.", "5050-1055"),
]

CLEARING_BANK_AFTER = [
    ("sv", "Sätt in det på 6152 254 163 884 i Handelsbanken.", "6152 254 163 884"),
    ("sv", "kontot är 8327 9 123 456 789 0 hos swedbank", None),
    ("en", "Pay it to 6152 254 163 884 at Handelsbanken, please.", "6152 254 163 884"),
]

COMPANY_GIROS = [
    ("sv", "Klubbens bankgiro är 5050-1055, märk med medlemsnamnet."),
    ("sv", "Föreningens plusgiro är 44 26 89-6."),
    ("sv", "Kennelns plusgiro 44 26 89-6 gäller för valpanmälan."),
    ("sv", "Betala till bankgiro 5402-9681, det är inget privat konto men det går bra."),
    ("en", "The club's bankgiro is 5050-1055 for the annual fee."),
    ("en", "Our bankgiro is 5402-9681, and it's not a private one."),
    ("sv", "Ordernummer 6152 254 163 884 gäller leveransen från Handelsbanken."),
]


@pytest.mark.parametrize(("lang", "text", "value"), PERSONAL_GIROS)
def test_personal_giro(lang: str, text: str, value: str) -> None:
    assert value in _of(text, lang, "bank_account")


@pytest.mark.parametrize(("lang", "text", "value"), CLEARING_BANK_AFTER)
def test_clearing_with_the_bank_after(lang: str, text: str, value: str | None) -> None:
    found = _of(text, lang, "bank_account")
    if value is None:
        assert found
    else:
        assert value in found


@pytest.mark.parametrize(("lang", "text"), COMPANY_GIROS)
def test_company_giro_is_not_personal(lang: str, text: str) -> None:
    assert _of(text, lang, "bank_account") == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Bankgirot 5402-9681 är inte privat, det är firmans."),
        ("en", "Bankgiro 5050-1055 is not a personal account, it's the shop's."),
    ],
)
def test_giro_said_not_private(lang: str, text: str) -> None:
    assert _of(text, lang, "bank_account") == []


# 7. false masks: times after a street-like word ------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Avgången 07.30 från Nynäshamn är inställd."),
        ("sv", "avgången 18:45 går från kaj fyra"),
        ("sv", "Nedgången 06.10 på morgonen är brant."),
    ],
)
def test_a_time_is_no_house_number(lang: str, text: str) -> None:
    assert _of(text, lang, "address") == []


# a name before a role said with "som"/"as" -------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "value", "absent"),
    [
        ("sv", "Lägg in Mirza Hodžić som mottagare av fakturan.", "Mirza Hodžić", None),
        ("sv", "Sätt upp Greta Lundmark som kontaktperson.", "Greta Lundmark", None),
        ("sv", "Lägg till Svea Energi som mottagare.", None, "Svea Energi"),
        ("en", "Add Tomasz Zielinski as a named driver from Monday.", "Tomasz Zielinski", "Add"),
        ("en", "Please list Harriet Okoro as the beneficiary.", "Harriet Okoro", None),
        ("en", "Add British Gas as the payee.", None, "British Gas"),
    ],
)
def test_name_before_a_role(lang: str, text: str, value: str | None, absent: str | None) -> None:
    names = _of(text, lang, "name")
    if value is not None:
        assert value in names
    if absent is not None:
        assert not any(absent in n for n in names)
