"""Jargon found by its shape, in both languages: compounds with trade heads and codes.

Each row is (agent text, previous customer turn, a jargon span expected or None). Positives
name a term that no pack list holds; negatives are everyday phrases of the same shape, and
terms the customer said first (``HN:customer-used-term``).
"""

from __future__ import annotations

import pytest

from verbalkit.analysis import tag
from verbalkit.schema import Tag


def jargon(text: str, lang: str, prev: str | None = None) -> list[Tag]:
    return [t for t in tag(text, lang, prev=prev) if t.label == "jargon"]


SV_POSITIVE: list[tuple[str, str | None, str]] = [
    ("Det beror på en lagerbalanseringsavvikelse hos oss.", None, "lagerbalanseringsavvikelse"),
    ("Vi väntar på ett kompletteringsföreläggande från nämnden.", None, "föreläggande"),
    ("Du har ingen premiebegränsning på den här delen.", None, "premiebegränsning"),
    ("ja det är flödesbalanseringen som strular i pumpen", None, "flödesbalanseringen"),
    ("Vi skickar ärendet på en kulansprövning hos tillverkaren.", "Den gick sönder.", "prövning"),
    ("Ärendet har fastnat i leveransavstämningen sedan i tisdags.", None, "avstämningen"),
    ("Då behöver jag ett betalningsunderlag från banken.", None, "betalningsunderlag"),
    ("Jag ser att returtemperaturen ligger för lågt hos er.", None, "returtemperaturen"),
]

SV_NEGATIVE: list[tuple[str, str | None]] = [
    ("Kan du läsa upp ditt kundnummer för mig?", None),
    ("Förfallodagen är den sista i månaden.", None),
    ("Jag tar bort påminnelseavgiften direkt.", None),
    ("Har du en fullmakt från din mamma?", None),
    ("Du kan ändra pinkoden i appen.", None),
    ("Jag skickar en ny avbetalningsplan på mejlen.", None),
    # The customer said it first.
    (
        "Ja, självriskelimineringen gäller bara hos våra verkstäder.",
        "Jag trodde jag hade självriskeliminering?",
    ),
    # An acronym customers know.
    ("Skicka gärna ett SMS när du är hemma.", None),
]

EN_POSITIVE: list[tuple[str, str | None, str]] = [
    ("It's sitting in the settlement queue until tomorrow.", None, "settlement queue"),
    ("Our pricing engine picked up the new postcode.", None, "pricing engine"),
    ("I'll need to re-push the device enrolment profile.", None, "enrolment profile"),
    ("It didn't meet the hardship criteria, I'm afraid.", None, "hardship criteria"),
    ("That's under a pre-existing exclusion on your policy.", None, "pre-existing exclusion"),
    ("It went through the returns reconciliation on Friday.", None, "reconciliation"),
    ("The job has a PTO flag on it, so it's on hold.", None, "PTO"),
]

EN_NEGATIVE: list[tuple[str, str | None]] = [
    ("You're in the phone queue, it won't be long.", None),
    ("We check the meters on a regular basis.", None),
    ("Could you update your Facebook profile picture later?", None),
    ("The main factor is the age of the boiler.", None),
    ("I'll check that for you now.", None),
    ("Your CPU is fine, it's the disk that's full.", None),
    ("Can you confirm the PIN you used?", None),
    # The customer said it first.
    ("Yes, the grading queue is where returns wait.", "Why is it still in the grading queue?"),
]


@pytest.mark.parametrize(("text", "prev", "span"), SV_POSITIVE)
def test_sv_shape_positive(text: str, prev: str | None, span: str) -> None:
    found = jargon(text, "sv", prev)
    assert any(span.lower() in t.text.lower() or t.text.lower() in span.lower() for t in found)
    assert all(t.suggestion for t in found)
    assert all(t.rule.startswith("sv.jargon.") for t in found)


@pytest.mark.parametrize(("text", "prev"), SV_NEGATIVE)
def test_sv_shape_negative(text: str, prev: str | None) -> None:
    assert jargon(text, "sv", prev) == []


@pytest.mark.parametrize(("text", "prev", "span"), EN_POSITIVE)
def test_en_shape_positive(text: str, prev: str | None, span: str) -> None:
    found = jargon(text, "en", prev)
    assert any(span.lower() in t.text.lower() or t.text.lower() in span.lower() for t in found)
    assert all(t.rule.startswith("en.jargon.") for t in found)


@pytest.mark.parametrize(("text", "prev"), EN_NEGATIVE)
def test_en_shape_negative(text: str, prev: str | None) -> None:
    assert jargon(text, "en", prev) == []


def test_shape_tag_carries_evidence() -> None:
    (found,) = jargon("The claim is stuck in the subrogation workflow.", "en")
    assert found.text == "subrogation workflow"
    assert found.rule == "en.jargon.compound_head"
    assert 0 < found.confidence < 1
    assert found.suggestion
