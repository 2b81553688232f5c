"""Questions, round 6: wh-clauses inside statements, offers to explain, and "wondering if".

Kinds found on real talk nobody here wrote (the SwDA and AnnoMI development halves): in
unpunctuated speech a wh-word after a preposition or a verb of knowing, telling or checking
opens an embedded clause ("i told everybody what happened", "jag ska kolla vad som har
hänt"), not a new question; "let me explain how…" offers an explanation and "it helps
explain why…" states one, neither asks the listener to explain; "I'm wondering if…" asks yes
or no; "they would say, how…" quotes. Every case is a line written for this file; only the
question tags are checked, and each list has cases that must still be asked.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from verbalkit.analysis import tag_many
from verbalkit.pipeline.build import get_nlp
from verbalkit.schema import Tag

Tagger = Callable[[str, str], set[str]]
QUESTIONS = {"open_question", "closed_question"}


@pytest.fixture(scope="module")
def questions() -> Tagger:
    def run(text: str, lang: str) -> set[str]:
        tags: list[Tag] = next(tag_many([(text, None)], lang, role="agent"))
        return {t.label for t in tags} & QUESTIONS

    return run


EMBEDDED = [
    ("en", "okay so i have a rough idea of what went wrong with the meter", set()),
    ("en", "right let me see what i can do for you on the bill", set()),
    ("en", "we did ring the depot and they told us what happened to the van", set()),
    ("en", "no worries i'm not sure about when the engineer gets there though", set()),
    ("sv", "okej då ska jag kolla vad som har hänt med beställningen", set()),
    ("sv", "ja jag vet inte riktigt hur det gick till med fakturan", set()),
    ("sv", "nej men jag förstår precis vad du menar med avgiften", set()),
    ("sv", "vi får ta reda på var paketet har tagit vägen", set()),
    # A new question after a statement is still split off and asked.
    (
        "en",
        "okay the parcel left the depot on monday what happened when it arrived",
        {"open_question"},
    ),
    (
        "sv",
        "okej paketet lämnade terminalen i måndags vad hände när det kom fram",
        {"open_question"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), EMBEDDED)
def test_an_embedded_wh_clause_is_not_a_question(
    questions: Tagger, lang: str, text: str, expected: set[str]
) -> None:
    assert questions(text, lang) == expected


def test_the_splitter_keeps_an_embedded_clause_in_its_sentence() -> None:
    nlp = get_nlp("en")
    doc = nlp("so i rang the courier to ask what happened to the parcel")
    assert [s.text for s in doc.sents] == [doc.text]
    doc = nlp("okay the parcel left the depot on monday what happened when it arrived")
    assert [s.text for s in doc.sents][-1] == "what happened when it arrived"


OFFERS = [
    ("Let me explain how the refund works.", set()),
    ("Allow me to quickly explain what the fee covers.", set()),
    ("That would explain why the router keeps dropping.", set()),
    ("The letter helps explain why the premium went up.", set()),
    # Asked of the listener.
    ("Could you explain what happened when you logged in?", {"open_question"}),
    ("Please describe the noise for me.", {"open_question"}),
    ("Can you help me understand what went wrong?", {"open_question"}),
]


@pytest.mark.parametrize(("text", "expected"), OFFERS)
def test_an_offer_to_explain_asks_nothing(questions: Tagger, text: str, expected: set[str]) -> None:
    assert questions(text, "en") == expected


WONDERING = [
    ("I'm wondering if the second payment went through.", {"closed_question"}),
    ("I'm wondering whether you still have the old router.", {"closed_question"}),
    # An invitation to tell stays open.
    ("I'm wondering if you could talk me through what happened.", {"open_question"}),
    ("I'm wondering how the move has gone for you.", {"open_question"}),
]


@pytest.mark.parametrize(("text", "expected"), WONDERING)
def test_wondering_if_asks_yes_or_no(questions: Tagger, text: str, expected: set[str]) -> None:
    assert questions(text, "en") == expected


QUOTED = [
    ("and the neighbours would say, how do you put up with that?", set()),
    ("I just think, why would anyone pay that much?", set()),
    ("They'll always go, so when is it fixed?", set()),
    # Asked of the listener.
    ("I think, just to check, when did it start?", {"open_question", "closed_question"}),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED)
def test_a_quoted_or_thought_question_is_not_asked(
    questions: Tagger, text: str, expected: set[str]
) -> None:
    found = questions(text, "en")
    if len(expected) > 1:  # either reading asks the listener
        assert found and found <= expected
    else:
        assert found == expected


YES_NO_FORMS = [
    ("He wasn't on the list yesterday, was he.", {"closed_question"}),
    ("It was the same fault last time, isn't it, with the old router.", {"closed_question"}),
    ("or are you still with the other provider", {"closed_question"}),
    ("I don't know if you've had a chance to look at the letter.", {"closed_question"}),
    # not questions
    ("That's just the way it is.", set()),
    ("I don't know if the depot has it in stock.", set()),
]


@pytest.mark.parametrize(("text", "expected"), YES_NO_FORMS)
def test_yes_no_forms_without_a_question_mark(
    questions: Tagger, text: str, expected: set[str]
) -> None:
    assert questions(text, "en") == expected


ECHOES = [
    ("Oh, are you really?", set()),
    ("Have you?", set()),
    ("Oh, it does?", set()),
    ("Isn't that amazing?", set()),
    ("You think so?", set()),
    # real questions with the same words
    ("Are you still on the line?", {"closed_question"}),
    ("Have you tried restarting it?", {"closed_question"}),
]


@pytest.mark.parametrize(("text", "expected"), ECHOES)
def test_an_echo_with_rising_pitch_asks_nothing(
    questions: Tagger, text: str, expected: set[str]
) -> None:
    assert questions(text, "en") == expected
