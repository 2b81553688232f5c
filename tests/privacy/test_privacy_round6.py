"""Round 6: names said in the ways people say them on calls, with hard negatives.

Introductions with stutters, people to ring at a number, people from a team who said
something, the speaker named after "me,", a bare Swedish "heter" said of a person,
role cues ("the tenant is ..."), spelled surnames with diacritics; pets are not people.
"""

from __future__ import annotations

import pytest

import verbalkit


def _names(text: str, lang: str) -> list[str]:
    return [p.text for p in verbalkit.find_personal_data(text, lang) if p.kind == "name"]


def _masked(text: str, lang: str) -> str:
    return verbalkit.redact(text, lang).text


NAMES = [
    ("en", "hello this is tom tom barker sorry bad line", "tom tom barker"),
    ("en", "call steve on oh seven seven double oh nine double oh four two two", "steve"),
    ("en", "ring Priya on 07700 900123 she has the keys", "Priya"),
    ("en", "text kieran on 07911 123456 when you're outside", "kieran"),
    ("en", "Gareth from your install team said it would be free.", "Gareth"),
    ("en", "dave from the depot rang me yesterday", "dave"),
    ("en", "The pet is registered to me, Nguyen Thi Lan.", "Nguyen Thi Lan"),
    ("en", "sorry, it's me, Oluwaseun Adeyemi.", "Oluwaseun Adeyemi"),
    ("en", "the tenant is Mei Ling Wong", "Mei Ling Wong"),
    ("en", "the person you need is Bronwen", "Bronwen"),
    ("en", "the policyholder is Siddharth Rao", "Siddharth Rao"),
    ("en", "the named driver is Cerys Pritchard", "Cerys Pritchard"),
    ("en", "my late husband Trevor set up the account", "Trevor"),
    ("en", "It's Ingrid Håkansson, shall I spell that? H A K A N S S O N.", "H A K A N S S O N"),
    ("sv", "ring stefan på 070-998 12 40 så öppnar han porten", "stefan"),
    ("sv", "jo alltså björn från flyttfirman sa att det skulle ingå", "björn"),
    ("sv", "Anna på ekonomi sa att fakturan var betald", "Anna"),
    (
        "sv",
        "Försäkringen gäller min katt, men jag som äger henne heter Li Wei Chen.",
        "Li Wei Chen",
    ),
    ("sv", "min man som står på kontraktet heter Dragan Petrović", "Dragan Petrović"),
    ("sv", "det är jag, Oluwaseun Adeyemi.", "Oluwaseun Adeyemi"),
]


@pytest.mark.parametrize(("lang", "text", "name"), NAMES, ids=[t for _, t, _ in NAMES])
def test_name_is_masked(lang: str, text: str, name: str) -> None:
    assert name not in _masked(text, lang)


NOT_NAMES = [
    ("en", "call Vodafone on 0800 123 456"),
    ("en", "my dog is called Max"),
    ("en", "the dog's name is Max and he's insured with you"),
    ("en", "call us on 0800 123 456 any time"),
    ("en", "the engineer from the install team said it would be free"),
    ("en", "thanks for helping me, really appreciated."),
    ("en", "It's Amazon that delivers it, not us."),
    ("sv", "Katten heter Sixten och är fem år gammal."),
    ("sv", "Hunden heter Bamse."),
    ("sv", "vår hund heter Sixten"),
    ("sv", "Routern heter Technicolor TG799vac Xtream."),
    ("sv", "Företaget heter Svea Solar."),
    ("sv", "ring Telia på 90 200"),
    ("sv", "ring oss på 08-123 456 78"),
    ("sv", "teknikern från flyttfirman sa att det skulle ingå"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_NAMES, ids=[t for _, t in NOT_NAMES])
def test_not_a_name(lang: str, text: str) -> None:
    assert _names(text, lang) == []


OTHER = [
    ("sv", "adressen är Lilla Torget 2 A, 211 34 Malmö.", "Lilla Torget 2 A, 211 34 Malmö"),
    ("sv", "jag bor på Stora Gatan 5", "Stora Gatan 5"),
    (
        "en",
        "the van should park at twelve a victoria terrace by eight",
        "twelve a victoria terrace",
    ),
    (
        "en",
        "my tenancy number is three six seven one two for twenty norton road",
        "twenty norton road",
    ),
    ("en", "the postcode is s w one a one a a", "s w one a one a a"),
    ("en", "the personnummer is 930441-2829 that's my coordination number", "930441-2829"),
    ("sv", "Hyresgästnumret står på kontraktet: HG 118 402.", "HG 118 402"),
]


@pytest.mark.parametrize(("lang", "text", "value"), OTHER, ids=[t for _, t, _ in OTHER])
def test_value_is_masked(lang: str, text: str, value: str) -> None:
    masked = _masked(text, lang)
    assert not any(part in masked for part in value.split() if len(part) > 2 or part.isdigit())


NOT_OTHER = [
    ("sv", "vi ses på torget 5 minuter innan"),
    ("sv", "Vi har öppet måndag till fredag 07.00–18.00."),
    ("en", "we cover everyone in the postcode area s w one"),
    ("en", "it was a twenty a day habit"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_OTHER, ids=[t for _, t in NOT_OTHER])
def test_nothing_masked(lang: str, text: str) -> None:
    assert verbalkit.find_personal_data(text, lang) == []
