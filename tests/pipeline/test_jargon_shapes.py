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
    # Internal machinery named by its head (engine, portal, batch run, matrix, substation).
    ("Det är prissättningsmotorn som räknar fram erbjudandet.", None, "prissättningsmotorn"),
    ("du hittar intyget i Vårdnadsportalen under mina sidor", None, "Vårdnadsportalen"),
    ("Justeringen går med nästa faktureringsbatch på fredag.", None, "faktureringsbatch"),
    ("Enligt vår värderingsmatris blir det avdrag för slitage.", None, "värderingsmatris"),
    ("det är transformatorstationen vid skolan som har löst ut", None, "transformatorstationen"),
]

SV_NEGATIVE: list[tuple[str, str | None]] = [
    ("Kan du läsa upp ditt kundnummer för mig?", None),
    ("Förfallodagen är den sista i månaden.", None),
    ("Jag tar bort påminnelseavgiften direkt.", None),
    ("Har du en fullmakt från din mamma?", None),
    ("Du kan ändra pinkoden i appen.", None),
    ("Jag skickar en ny avbetalningsplan på mejlen.", None),
    # Everyday words with the same heads.
    ("Jag ser din plats i bokningssystemet.", None),
    ("Du kan hämta cykeln vid busstationen efter tre.", None),
    ("Motorn på båten startar inte, säger du?", None),
    ("Logga in i portalen med bankid så ser du allt.", None),
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


# Context cues: the agent presents an internal label. The term after the cue is jargon only
# when it is not an everyday word (English: the common-word list; Swedish: the lemma table).
CUE_POSITIVE: list[tuple[str, str, str | None, str]] = [
    ("en", "It's been flagged as a misroute on the sortation log.", None, "misroute"),
    ("en", "The order's showing as backordered at the moment.", None, "backordered"),
    ("en", "Right now the status is pre-advice, so nothing has moved.", None, "pre-advice"),
    ("en", "We class that as a non-conformance, so it goes to quality.", None, "non-conformance"),
    ("en", "honestly it's sitting in quarantine until the checks are done", None, "quarantine"),
    ("en", "It's logged as a P2 in our tracker.", None, "P2"),
    (
        "en",
        "On our end it's a redelivery exception, so the driver can't take it.",
        None,
        "redelivery",
    ),
    ("sv", "Den står som restnoterad i systemet.", None, "restnoterad"),
    ("sv", "Ärendet ligger som prio 2 hos tekniken.", None, "prio 2"),
    ("sv", "Den är flaggad som avvikelsekontroll just nu.", None, "avvikelsekontroll"),
    ("sv", "Det räknas som en kulansersättning hos oss.", None, "kulansersättning"),
    ("sv", "ordern låg som hängorder i flödet hela helgen", None, "hängorder"),
    ("sv", "ja den har fastnat i omprövningsstegen sen i fredags", None, "omprövningsstegen"),
]

CUE_NEGATIVE: list[tuple[str, str, str | None]] = [
    ("en", "It's showing as delivered on our side.", None),
    ("en", "The status is still open, I'm afraid.", None),
    ("en", "It's flagged as urgent now.", None),
    ("en", "It's sitting in Birmingham at the moment.", None),
    ("en", "That counts as a late payment, unfortunately.", None),
    ("en", "you're stuck in traffic no problem", None),
    # The customer said it first.
    ("en", "Yes, it's flagged as a misroute.", "Why does it say misroute?"),
    ("sv", "Paketet ligger i brevlådan.", None),
    ("sv", "Den står som levererad.", None),
    ("sv", "Paketet ligger i Göteborg just nu.", None),
    ("sv", "Det räknas som en vanlig resa.", None),
    ("sv", "Svaret ligger i e-tjänsten sedan i måndags.", None),
    ("sv", "Ja, den står som hängorder.", "Varför står den som hängorder?"),
]


@pytest.mark.parametrize(("lang", "text", "prev", "span"), CUE_POSITIVE)
def test_context_cue_positive(lang: str, text: str, prev: str | None, span: str) -> None:
    found = [t for t in jargon(text, lang, prev) if t.rule == f"{lang}.jargon.context_cue"]
    assert [t.text for t in found] == [span]
    assert all(t.suggestion and 0 < t.confidence < 1 for t in found)


@pytest.mark.parametrize(("lang", "text", "prev"), CUE_NEGATIVE)
def test_context_cue_negative(lang: str, text: str, prev: str | None) -> None:
    assert jargon(text, lang, prev) == []


# Ticket and case ids (internal codes), and CamelCase system names.
ID_NAME_POSITIVE: list[tuple[str, str, str]] = [
    ("en", "Your reference is CS-00418822, keep it handy.", "CS-00418822"),
    ("en", "the ticket number is INC0091234 if you call back", "INC0091234"),
    ("en", "I've raised it in ClaimCentre for you.", "ClaimCentre"),
    ("en", "It's showing as returned in ShipStream.", "ShipStream"),
    ("sv", "Ditt ärendenummer är SR004417 om du ringer igen.", "SR004417"),
    ("sv", "Jag har lagt in det i KundPortalen nu.", "KundPortalen"),
]

ID_NAME_NEGATIVE: list[tuple[str, str, str | None]] = [
    ("en", "Can you send it to me on WhatsApp?", None),
    ("en", "We had a LeBaron and a DeNiro poster back then.", None),
    ("en", "Is it the McDonald's on the corner?", None),
    ("en", "You can pay with PayPal if that's easier.", None),
    ("en", "Yes, INC0091234 is the right one.", "Is my number INC0091234?"),
    ("sv", "Du kan logga in med BankID.", None),
    ("sv", "Skicka det via WhatsApp så tittar jag.", None),
]


@pytest.mark.parametrize(("lang", "text", "span"), ID_NAME_POSITIVE)
def test_id_and_name_shape_positive(lang: str, text: str, span: str) -> None:
    found = jargon(text, lang)
    assert span in [t.text for t in found]
    assert all(t.suggestion and t.rule.startswith(f"{lang}.jargon.") for t in found)


@pytest.mark.parametrize(("lang", "text", "prev"), ID_NAME_NEGATIVE)
def test_id_and_name_shape_negative(lang: str, text: str, prev: str | None) -> None:
    assert jargon(text, lang, prev) == []
