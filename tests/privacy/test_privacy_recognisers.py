"""Personal data found (and not found) in realistic call lines, per language."""

from __future__ import annotations

import itertools

import pytest

from verbalkit.privacy import KINDS, find_personal_data

# (lang, text, {(kind, text)}) : what must be found, exactly
POSITIVE = [
    ("sv", "Mitt personnummer är 19850312-3310.", {("personnummer", "19850312-3310")}),
    ("sv", "ja det är 920704-9702", {("personnummer", "920704-9702")}),
    ("sv", "Pappa har 250607+4349.", {("personnummer", "250607+4349")}),
    ("sv", "samordningsnummer 730562-0960", {("personnummer", "730562-0960")}),
    (
        "sv",
        "personnumret är åttioåtta elva trettio noll fyra nio tre",
        {("personnummer", "åttioåtta elva trettio noll fyra nio tre")},
    ),
    ("sv", "Du når mig på 070-123 45 67.", {("phone", "070-123 45 67")}),
    ("sv", "Ring jobbet, 08-123 456 78.", {("phone", "08-123 456 78")}),
    ("sv", "Det är +46 70 123 45 67.", {("phone", "+46 70 123 45 67")}),
    (
        "sv",
        "mitt nummer är noll sju noll dubbel fem sex sju åtta nio noll",
        {("phone", "noll sju noll dubbel fem sex sju åtta nio noll")},
    ),
    ("sv", "Min mejl är anna.svensson@gmail.com.", {("email", "anna.svensson@gmail.com")}),
    (
        "sv",
        "den är anna punkt svensson snabel-a gmail punkt com",
        {("email", "anna punkt svensson snabel-a gmail punkt com")},
    ),
    ("sv", "Kortnumret är 4111 1111 1111 1111.", {("card", "4111 1111 1111 1111")}),
    ("sv", "IBAN SE45 5000 0000 0583 9825 7466 tack", {("iban", "SE45 5000 0000 0583 9825 7466")}),
    (
        "sv",
        "Clearingnummer 8327-9 och kontonummer 123 456 789-0.",
        {("bank_account", "8327-9"), ("bank_account", "123 456 789-0")},
    ),
    ("sv", "Jag bor på Storgatan 12.", {("address", "Storgatan 12")}),
    ("sv", "Adressen är Sveavägen 44 B.", {("address", "Sveavägen 44 B")}),
    ("sv", "Det är 123 45 Stockholm.", {("address", "123 45 Stockholm")}),
    ("sv", "jag heter anna svensson", {("name", "anna svensson")}),
    ("sv", "Hej, det är Lisa på Telia.", {("name", "Lisa")}),
    ("sv", "Hej Karin, vad kan jag hjälpa dig med?", {("name", "Karin")}),
    ("sv", "Medlemsnummer 448812.", {("customer_id", "448812")}),
    ("sv", "Kundnumret är K-558201.", {("customer_id", "K-558201")}),
    ("en", "You can reach me on 07700 900123.", {("phone", "07700 900123")}),
    ("en", "It's (555) 123-4567.", {("phone", "(555) 123-4567")}),
    ("en", "the best number is 555-123-4567", {("phone", "555-123-4567")}),
    (
        "en",
        "it's oh seven seven double oh nine double oh one two three",
        {("phone", "oh seven seven double oh nine double oh one two three")},
    ),
    (
        "en",
        "it's john dot smith at gmail dot com",
        {("email", "john dot smith at gmail dot com")},
    ),
    ("en", "it's 5555-5555-5555-4444", {("card", "5555-5555-5555-4444")}),
    ("en", "My IBAN is GB82 WEST 1234 5698 7654 32.", {("iban", "GB82 WEST 1234 5698 7654 32")}),
    (
        "en",
        "Sort code 12-34-56, account number 12345678.",
        {("bank_account", "12-34-56"), ("bank_account", "12345678")},
    ),
    ("en", "I live at 221B Baker Street.", {("address", "221B Baker Street")}),
    ("en", "Send it to 1600 Pennsylvania Avenue.", {("address", "1600 Pennsylvania Avenue")}),
    ("en", "the postcode is SW1A 1AA", {("address", "SW1A 1AA")}),
    ("en", "I'm in Springfield, IL 62704.", {("address", "Springfield, IL 62704")}),
    ("en", "My name is John Smith.", {("name", "John Smith")}),
    ("en", "Hi, this is Sarah from Vodafone.", {("name", "Sarah")}),
    ("en", "Can I speak to Mr Patel, please?", {("name", "Mr Patel")}),
    ("en", "My NI number is QQ 12 34 56 C.", {("customer_id", "QQ 12 34 56 C")}),
    (
        "en",
        "member number four four eight eight one two",
        {("customer_id", "four four eight eight one two")},
    ),
]

NEGATIVE = [
    ("sv", "Det kostar 1 200 kr."),
    ("sv", "Priset är 649:- för hela paketet."),
    ("sv", "Per månad blir det 299 kronor."),
    ("sv", "Ordernumret är 4400 1234 567."),
    ("sv", "ärendenummer ett två tre fyra fem sex sju åtta"),
    ("sv", "OCR-numret är 7700123456789."),
    ("sv", "Vi kan komma den 12 mars mellan klockan 8 och 12."),
    ("sv", "Leveransen kom 2024-03-12 kl. 14.30."),
    ("sv", "Du får 25 % rabatt."),
    ("sv", "Ta buss 4 till Gullmarsplan, eller linje 55."),
    ("sv", "Jag skulle flyga med SK 1417 till Luleå."),
    ("sv", "Vi har ett avbrott i 412-området just nu."),
    ("sv", "Riksväg 40 var blockerad."),
    ("sv", "Det är Max-paketet du har."),
    ("sv", "Vi har vårt bankgiro 5050-1055 på fakturan."),
    ("sv", "Organisationsnumret är 556677-8899."),
    ("sv", "Jag köpte Björn Borg-kalsonger i present."),
    ("sv", "Jag heter inte det längre."),
    ("en", "It costs £25.50 a month, or $19.99 in the US."),
    ("en", "The tracking number is 1Z999AA10123456784."),
    ("en", "case number 20241187342"),
    ("en", "The payment went out on 12/03/2024 at 14:30."),
    ("en", "I've got an iPhone 15 and the router is model XR-500."),
    ("en", "We have outages in the SW1 area."),
    ("en", "Is the Rose Gold model in stock?"),
    ("en", "It's Virgin who own the network."),
    ("en", "I was on BA 117 to New York."),
    ("en", "Take the number 4 bus."),
    ("en", "order number seven eight nine oh one two three four five"),
    ("en", "There's roadworks all along Baker Street."),
    ("en", "Our VAT number is GB 123 4567 89."),
    ("en", "That's the Victoria line, not the Jubilee."),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"), POSITIVE, ids=[f"{c[0]}-{c[1][:30]}" for c in POSITIVE]
)
def test_finds(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    found = find_personal_data(text, lang)
    assert {(p.kind, p.text) for p in found} == expected


@pytest.mark.parametrize(("lang", "text"), NEGATIVE, ids=[f"{c[0]}-{c[1][:30]}" for c in NEGATIVE])
def test_hard_negatives(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"), POSITIVE, ids=[f"{c[0]}-{c[1][:30]}" for c in POSITIVE]
)
def test_contract(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    found = find_personal_data(text, lang)
    for p in found:
        assert 0 <= p.start < p.end <= len(text)
        assert text[p.start : p.end] == p.text
        assert 0.0 <= p.confidence <= 1.0
        assert p.kind in KINDS
        assert p.rule.startswith(f"{lang}.{p.kind}.")
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_nothing_in_plain_talk(lang: str) -> None:
    text = (
        "Jag förstår, det låter jobbigt. Vad hände när du öppnade kassen?"
        if lang == "sv"
        else "I understand, that sounds frustrating. What happened when you opened the box?"
    )
    assert find_personal_data(text, lang) == []


def test_unknown_language() -> None:
    from verbalkit.errors import UnsupportedLanguageError

    with pytest.raises(UnsupportedLanguageError):
        find_personal_data("hej", "de")
