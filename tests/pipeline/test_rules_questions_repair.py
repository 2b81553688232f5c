"""Questions, round 7: asking to hear again, "you know?" and the speaker's own doubt.

Kinds found on real talk nobody here wrote (the SwDA development half), each in both
languages where the language has it:

- a lone "Pardon?", "Excuse me?", "I'm sorry?", "Come again?", "Förlåt?", "Ursäkta?",
  "Hursa?" asks to hear again: no question about the matter, and no apology
  (LABELLING's ``HN:pardon-not-apology``);
- "…, you know?" and "…, vet du?" are fillers said with rising pitch: what comes before
  them is typed on its own, so a statement stays a statement and a real question stays one;
- "I'm not sure if it was sent or not" states the speaker's own doubt; it asks nothing
  ("I don't know if you've had a chance to…" still asks).

Every case is a line written for this file; each list has cases that must still be asked.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from verbalkit.analysis import tag_many
from verbalkit.schema import Tag

Tagger = Callable[[str, str], set[str]]
CHECKED = {"open_question", "closed_question", "apology"}


@pytest.fixture(scope="module")
def labels() -> Tagger:
    def run(text: str, lang: str) -> set[str]:
        tags: list[Tag] = next(tag_many([(text, None)], lang, role="agent"))
        return {t.label for t in tags} & CHECKED

    return run


REPAIRS = [
    ("en", "Pardon me?", set()),
    ("en", "Excuse me?", set()),
    ("en", "Sorry, what?", set()),
    ("en", "I'm sorry?", set()),
    ("en", "Come again?", set()),
    ("sv", "Förlåt?", set()),
    ("sv", "Ursäkta?", set()),
    ("sv", "Hursa?", set()),
    ("sv", "Öh, va?", set()),
    # Still asked, or still owned.
    ("en", "Sorry, did you say the ninth or the nineteenth?", {"closed_question"}),
    ("en", "I'm sorry, we sent the wrong size.", {"apology"}),
    ("sv", "Förlåt, sa du nionde eller nittonde?", {"closed_question"}),
    ("sv", "Va, har den inte kommit än?", {"closed_question"}),
    ("sv", "Vad sa du till butiken när du lämnade in den?", {"closed_question"}),
    ("sv", "Förlåt, det var vi som skickade fel storlek.", {"apology"}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), REPAIRS)
def test_asking_to_hear_again_is_no_question_and_no_apology(
    labels: Tagger, lang: str, text: str, expected: set[str]
) -> None:
    assert labels(text, lang) == expected


FILLER_TAGS = [
    ("en", "It can take a couple of days to clear, you know?", set()),
    ("en", "The older models run hot, you know?", set()),
    ("en", "You know?", set()),
    ("sv", "Det kan ta ett par dagar innan det syns, vet du?", set()),
    ("sv", "De äldre modellerna blir varma, vet du?", set()),
    # A real question before the filler is still asked.
    ("en", "Did the light go green after that, you know?", {"closed_question"}),
    ("sv", "Har du startat om routern sedan dess, vet du?", {"closed_question"}),
    # "Do you know?" with nothing before it asks.
    ("sv", "Vet du vilken dag den skickades?", {"closed_question"}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FILLER_TAGS)
def test_a_filler_with_rising_pitch_asks_nothing(
    labels: Tagger, lang: str, text: str, expected: set[str]
) -> None:
    assert labels(text, lang) & {"open_question", "closed_question"} == expected


OWN_DOUBT = [
    ("I'm not sure if the courier has been yet or not.", set()),
    ("We're not sure whether the part was ordered or not.", set()),
    ("I don't know whether it's the socket or the lamp.", set()),
    # Asked of the listener.
    ("Did the courier come yesterday or not?", {"closed_question"}),
    ("I don't know if you've had a chance to read the letter.", {"closed_question"}),
    ("I'm not sure if the courier has been or not?", {"closed_question"}),
]


@pytest.mark.parametrize(("text", "expected"), OWN_DOUBT)
def test_the_speakers_own_doubt_asks_nothing(labels: Tagger, text: str, expected: set[str]) -> None:
    assert labels(text, "en") & {"open_question", "closed_question"} == expected
