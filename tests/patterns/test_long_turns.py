"""Call-level patterns follow the tagger on long turns (issue 13): a remedy buried in a long
agent monologue is a premature solution when nothing was heard first; a long first
customer turn does not hide the problem; listening first clears the agent.

These run the real pipeline (read → tag → patterns), not hand-made tags.
"""

from __future__ import annotations

import pytest

import verbalkit
from verbalkit.schema import AnalysedCall


def analysed(lang: str, turns: list[tuple[str, str]]) -> AnalysedCall:
    call = verbalkit.Transcript(
        call_id="long",
        language=lang,
        utterances=[verbalkit.Utterance(speaker=s, text=t) for s, t in turns],
    )
    return verbalkit.analyze(call)


def patterns(c: AnalysedCall) -> set[str]:
    return {e.pattern for e in c.events}


LONG_CUSTOMER = {
    "en": (
        "Hi, yes, so this has been going on for about a week now. Every evening around "
        "seven the internet just drops, the lights on the box go orange and then it comes "
        "back after ten minutes or so. I work from home two days a week and yesterday I got "
        "thrown out of a meeting with a client twice, which was really embarrassing, and "
        "my daughter can't do her homework either. I've already been charged for the "
        "faster package this month so I'm paying more for less, honestly."
    ),
    "sv": (
        "Hej, ja alltså det här har hållit på i ungefär en vecka nu. Varje kväll runt sju "
        "så försvinner internet, lamporna på boxen blir orange och sen kommer det tillbaka "
        "efter tio minuter ungefär. Jag jobbar hemifrån två dagar i veckan och i går åkte "
        "jag ut ur ett kundmöte två gånger, vilket var jättepinsamt, och min dotter kan "
        "inte göra sina läxor heller. Och jag har betalat för det snabbare abonnemanget "
        "den här månaden, så jag betalar mer för mindre, ärligt talat."
    ),
}

BURIED_REMEDY = {
    "en": (
        "Right, okay. So what we see a lot at this time of year is that the line gets busy "
        "in the evenings, and the router sometimes loses its sync with the exchange, and "
        "that's when the light goes orange. It can also be the cable from the wall socket "
        "if it's been moved, those little connectors wear out. What I'd suggest is that "
        "you restart the router tonight and plug it straight into the main socket rather "
        "than the extension, and that usually sorts it out. If it doesn't, the system "
        "will pick it up anyway."
    ),
    "sv": (
        "Okej, jaha. Det vi ser mycket den här tiden på året är att linjen blir belastad "
        "på kvällarna, och routern tappar ibland synken mot stationen, och det är då "
        "lampan blir orange. Det kan också vara kabeln från väggen om den har flyttats, de "
        "där små kontakterna slits. Det jag skulle föreslå är att du startar om routern i "
        "kväll och kopplar den direkt i huvuduttaget i stället för förlängningssladden, så "
        "brukar det lösa sig. Annars ser systemet det ändå."
    ),
}

LISTEN_FIRST = {
    "en": (
        "Oh no, being thrown out of a client meeting twice is awful, I'm sorry. So it drops "
        "every evening around seven and comes back after about ten minutes?"
    ),
    "sv": (
        "Åh nej, att åka ut ur ett kundmöte två gånger är verkligen jobbigt. Så det "
        "försvinner varje kväll runt sju och kommer tillbaka efter ungefär tio minuter?"
    ),
}

ANSWER = {
    "en": "Yes, that's exactly it.",
    "sv": "Ja, precis så.",
}


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_remedy_buried_in_a_monologue_is_premature(lang: str) -> None:
    c = analysed(lang, [("customer", LONG_CUSTOMER[lang]), ("agent", BURIED_REMEDY[lang])])
    assert "solution" in c.utterances[1].labels
    assert "premature_solution" in patterns(c)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_listening_first_then_the_same_remedy_is_not_premature(lang: str) -> None:
    c = analysed(
        lang,
        [
            ("customer", LONG_CUSTOMER[lang]),
            ("agent", LISTEN_FIRST[lang]),
            ("customer", ANSWER[lang]),
            ("agent", BURIED_REMEDY[lang]),
        ],
    )
    assert {"sympathy", "restating"} & set(c.utterances[1].labels)
    assert "solution" in c.utterances[3].labels
    assert "premature_solution" not in patterns(c)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_what_is_common_now_is_not_restating(lang: str) -> None:
    c = analysed(lang, [("customer", LONG_CUSTOMER[lang]), ("agent", BURIED_REMEDY[lang])])
    assert "restating" not in c.utterances[1].labels
