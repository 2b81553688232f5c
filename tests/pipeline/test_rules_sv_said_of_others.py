"""Swedish analogues of the SwDA kinds: sympathy, apology and thanks not said to the customer.

The English rules learnt these kinds from casual talk (the SwDA development half, see
``test_rules_swda_kinds.py``); Swedish has the same ones:

- someone else's words reported ("Han sa bara, oroa dig inte", "Tack, sa hon");
- pity for a third party ("jag tycker så synd om personalen"), while "synd om dig" stays;
- someone's own hard time told as a story ("min son hade det så tufft i skolan");
- "jag är inte ledsen för det";
- a number or day put right ("fyrtio, förlåt, fjorton"): a slip, no apology.

Every case is a line written for this file; each list has cases that must stay tagged.
"""

from __future__ import annotations

import pytest

from verbalkit.analysis import tag_many

CHECKED = {"sympathy", "apology", "thanking"}


def labels(text: str, prev: str) -> set[str]:
    tags = next(tag_many([(text, prev)], "sv", role="agent"))
    return {t.label for t in tags} & CHECKED


NOT_TO_THE_CUSTOMER = [
    ("Han sa bara, oroa dig inte, det löser sig.", "Vad sa läkaren?"),
    ("Hon sa förlåt till mig efteråt.", "Vad hände sen?"),
    ("Tack för hjälpen, sa hon och gick.", "Vad gjorde hon?"),
    ("Montören sa att det var tråkigt men att delen var slut.", "Varför kom han inte?"),
    ("Jag tycker så synd om personalen på nattskiftet.", "Det är fullt överallt."),
    ("Min son hade det så tufft i skolan förra året.", "Hur gick det för honom?"),
    ("Vi hade det jobbigt med systemet hela morgonen.", "Varför var det kö?"),
    ("Jag är inte ledsen för det, det var rätt beslut.", "Ångrar du det?"),
    ("Det kostar fyrtio, förlåt, fjorton kronor i månaden.", "Vad kostar det?"),
    ("Vi kommer på tisdag, förlåt, onsdag förmiddag.", "När kommer ni?"),
]


@pytest.mark.parametrize(("text", "prev"), NOT_TO_THE_CUSTOMER)
def test_not_said_to_the_customer(text: str, prev: str) -> None:
    assert labels(text, prev) == set()


STILL_SAID = [
    ("Oroa dig inte, vi löser det i dag.", "Jag är så orolig.", {"sympathy"}),
    (
        "Jag tycker synd om dig, det låter jobbigt.",
        "Jag har inte sovit på tre nätter.",
        {"sympathy"},
    ),
    ("Förlåt, det var vårt fel.", "Ni skickade fel vara.", {"apology"}),
    ("Tack för att du väntade.", "Okej.", {"thanking"}),
    ("Du ska inte vara ledsen, det ordnar sig.", "Jag är så ledsen.", {"sympathy"}),
]


@pytest.mark.parametrize(("text", "prev", "expected"), STILL_SAID)
def test_still_said_to_the_customer(text: str, prev: str, expected: set[str]) -> None:
    assert expected <= labels(text, prev)
