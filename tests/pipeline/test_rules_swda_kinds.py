"""Kinds of false tag seen on casual two-party talk (SwDA), in English and Swedish.

Every case is written for its kind, in customer-service or casual wording, not taken from any
labelled set; the conventions are those of ``shared/data/dev/LABELLING.md`` (which wins where
it and SwDA disagree: "Oh, that's awful" answering a story stays sympathy). Only the
behaviours of the kind under test are checked (``labels & checked == expected``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from verbalkit.analysis import tag_many
from verbalkit.schema import Tag

Tagger = Callable[[str, str | None, str], set[str]]


@pytest.fixture(scope="module")
def labels() -> Tagger:
    def run(text: str, prev: str | None, lang: str) -> set[str]:
        tags: list[Tag] = next(tag_many([(text, prev)], lang, role="agent"))
        return {t.label for t in tags}

    return run


SYMPATHY = {"sympathy"}
APOLOGY = {"apology", "sympathy"}
THANKING = {"thanking"}
QUESTIONS = {"open_question", "closed_question"}

# (text, previous turn, language, checked behaviours, expected)
CASES = [
    # Sympathy that must stay: a judgement answering the other's trouble, a reassurance, a
    # wish, feelings named.
    (
        "Oh, that's horrible.",
        "The van reversed into my fence and drove off.",
        "en",
        SYMPATHY,
        SYMPATHY,
    ),
    ("That must be so stressful for you.", "Yeah.", "en", SYMPATHY, SYMPATHY),
    (
        "Don't worry, we'll sort the refund out today.",
        "I think I pressed the wrong button.",
        "en",
        SYMPATHY,
        SYMPATHY,
    ),
    (
        "Like I said, don't worry about the fee.",
        "Will I still be charged?",
        "en",
        SYMPATHY,
        SYMPATHY,
    ),
    ("Aw, poor thing.", "My cat got out and hurt her paw on the fence.", "en", SYMPATHY, SYMPATHY),
    ("Take care of yourself now.", "I'll rest up this weekend.", "en", SYMPATHY, SYMPATHY),
    ("Usch, vad jobbigt.", "Cykeln blev stulen utanför jobbet igår.", "sv", SYMPATHY, SYMPATHY),
    ("Ingen fara, vi löser det.", "Jag tror jag har fyllt i fel.", "sv", SYMPATHY, SYMPATHY),
    # The speaker's own story after a bare acknowledgement: not sympathy.
    ("That's really frightening, honestly.", "Uh-huh.", "en", SYMPATHY, set()),
    ("So that's pretty tough.", "Right.", "en", SYMPATHY, set()),
    # A judgement inside a relative clause or about a topic: not sympathy.
    (
        "The one thing that's hard with flat-pack furniture is the instructions.",
        "I built a wardrobe last week.",
        "en",
        SYMPATHY,
        set(),
    ),
    (
        "Something that's really scary about night driving is the deer.",
        "We drove up through the hills.",
        "en",
        SYMPATHY,
        set(),
    ),
    (
        "One thing that's tough about the job is the early starts.",
        "Do you like the work?",
        "en",
        SYMPATHY,
        set(),
    ),
    # The speaker's own trouble.
    (
        "My daughter had such a rough time at her first job.",
        "Work can be a lot when you're new.",
        "en",
        SYMPATHY,
        set(),
    ),
    (
        "That's a real sore spot with me, the parking at the station.",
        "They raised the prices again.",
        "en",
        SYMPATHY,
        set(),
    ),
    # Reported speech: someone else's words.
    (
        "The nurse just said, don't worry, it happens to lots of people.",
        "Mm.",
        "en",
        SYMPATHY,
        set(),
    ),
    (
        "And my neighbour goes, oh, I'm sorry, I thought it was our bin.",
        "Ha, really?",
        "en",
        APOLOGY,
        set(),
    ),
    (
        "So you just say thanks and walk off.",
        "The waiter barely looked at us.",
        "en",
        THANKING,
        set(),
    ),
    # Reassurance words in a plain statement.
    (
        "Most of the teachers don't stress the grammar very much.",
        "My son finds English hard.",
        "en",
        SYMPATHY,
        set(),
    ),
    (
        "If the bus is late you don't worry about it, you just get the next one.",
        "How do you get to work?",
        "en",
        SYMPATHY,
        set(),
    ),
    (
        "Poor drivers, for example, never check their mirrors.",
        "The roads are awful round here.",
        "en",
        SYMPATHY,
        set(),
    ),
    (
        "I was raised on a farm, so I've got that take care of yourself attitude.",
        "Do you fix things yourself?",
        "en",
        SYMPATHY,
        set(),
    ),
    (
        "We need somebody to come round and take care of the little jobs.",
        "The house is a lot of work.",
        "en",
        SYMPATHY,
        set(),
    ),
    # Sorry that neither apologises nor sympathises: pity, a thing judged poor, a repair.
    (
        "I really feel sorry for the staff on the night shift.",
        "Hospitals are so busy now.",
        "en",
        APOLOGY,
        set(),
    ),
    (
        "The old fence was so sorry it fell over in the wind.",
        "Did you replace it?",
        "en",
        APOLOGY,
        set(),
    ),
    (
        "It costs about forty, I'm sorry, fourteen pounds a month.",
        "How much is it?",
        "en",
        APOLOGY,
        set(),
    ),
    ("That's our mistake, I'm sorry.", "I was charged twice.", "en", {"apology"}, {"apology"}),
    # "the" before and after "sorry" is no repair: the apology stands.
    (
        "oh right so that wasn't down to you it was the meter sorry for jumping the gun",
        "I never touched the meter.",
        "en",
        {"apology"},
        {"apology"},
    ),
    (
        "I'm sorry, we should have told you about the fee.",
        "Nobody mentioned a fee.",
        "en",
        {"apology"},
        {"apology"},
    ),
    # Faults that are not owned.
    (
        "It wasn't our fault, the pipe was old.",
        "The landlord wants us to pay.",
        "en",
        {"apology"},
        set(),
    ),
    (
        "Do you think we should have cancelled the trip?",
        "Prices have dropped a lot.",
        "en",
        {"apology"},
        set(),
    ),
    # Thanks that stay and a show's name.
    ("Well, thanks for calling.", "I think that's everything.", "en", THANKING, THANKING),
    ("As I said, thank you for your patience.", "Okay.", "en", THANKING, THANKING),
    ("We always watch Cheers on a Friday.", "What do you watch?", "en", THANKING, set()),
    ("I appreciate it when the trains run on time.", "How's the commute?", "en", THANKING, set()),
    # Closed questions: a choice inside a statement is not asked.
    ("They decide whether the claim is valid or not.", "Who checks it?", "en", QUESTIONS, set()),
    (
        "You never really know whether the courier has been or not.",
        "Is it here yet?",
        "en",
        QUESTIONS,
        set(),
    ),
    ("do you want the paper copy or not", "Yes.", "en", QUESTIONS, {"closed_question"}),
    (
        "I wonder if the meter is faulty or not",
        "The readings jump around.",
        "en",
        QUESTIONS,
        {"closed_question"},
    ),
    ("Are you still at the same address or not?", "Yes.", "en", QUESTIONS, {"closed_question"}),
]


@pytest.mark.parametrize(("text", "prev", "lang", "checked", "expected"), CASES)
def test_swda_kind(
    labels: Tagger, text: str, prev: str, lang: str, checked: set[str], expected: set[str]
) -> None:
    assert labels(text, prev, lang) & checked == expected
