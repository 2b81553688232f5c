"""Premature solution: a fix before any open question, restating or sympathy."""

from __future__ import annotations

import re

import pytest
from pattern_builders import (
    call,
    dev_call,
    dev_call_ids,
    dev_dir_or_skip,
    make_tag,
    manual_labels,
    turns,
    utt,
)

from verbalkit.patterns import detect_premature, problem_episodes
from verbalkit.patterns.premature import FALLBACK_MIN_WORDS
from verbalkit.schema import AnalysedCall, PatternEvent, Tag


def premature(c: AnalysedCall) -> list[PatternEvent]:
    return detect_premature(c).events


def pairs(c: AnalysedCall) -> list[list[int]]:
    return [e.utterances for e in premature(c)]


# (lang, rows, expected [customer, agent] pairs); rows are (speaker, text, tags).
CASES = [
    (
        "sv",
        [
            ("customer", "Hej, räkorna saknades i kassen i går och jag hade gäster.", ["problem"]),
            ("agent", "Då skickar jag en ny burk med morgondagens leverans.", ["solution"]),
        ],
        [[0, 1]],
    ),
    (
        "sv",
        [
            (
                "customer",
                "Fakturan är dubbelt så hög som vanligt, jag blev helt chockad.",
                ["problem", "emotion"],
            ),
            ("agent", "Oj, vad jobbigt. Vad står det på fakturan?", ["sympathy", "open_question"]),
            ("customer", "Att jag har förbrukat 4 000 kWh på en månad.", []),
            ("agent", "Då gör jag en ny avläsning och rättar fakturan.", ["solution"]),
        ],
        [],
    ),
    (
        "sv",
        [
            (
                "customer",
                "Mitt BankID fungerar inte sedan jag bytte telefon i helgen.",
                ["problem"],
            ),
            (
                "agent",
                "Jag ber om ursäkt för krånglet. Har du kvar den gamla telefonen?",
                ["apology", "closed_question"],
            ),
            ("customer", "Nej, den är inlämnad.", []),
            ("agent", "Då beställer jag ett nytt BankID åt dig direkt.", ["solution"]),
        ],
        [[0, 3]],
    ),
    (
        "en",
        [
            (
                "customer",
                "My train was cancelled and I missed my connection in Leeds.",
                ["problem"],
            ),
            ("agent", "I can refund the ticket for you now.", ["solution"]),
        ],
        [[0, 1]],
    ),
    (
        "en",
        [
            (
                "customer",
                "The engineer never turned up and I took the day off work.",
                ["problem", "emotion"],
            ),
            (
                "agent",
                "So you waited in all day and nobody came?",
                ["restating", "closed_question"],
            ),
            ("customer", "Yes, the whole day.", []),
            ("agent", "I'll book the first slot tomorrow morning.", ["solution"]),
        ],
        [],
    ),
    (
        "en",
        [
            ("customer", "I keep getting logged out of the app every few minutes.", ["problem"]),
            ("agent", "Is that on Android or iPhone?", ["closed_question"]),
            ("customer", "iPhone.", []),
            (
                "agent",
                "Sorry about that. Delete the app and install it again.",
                ["apology", "solution"],
            ),
        ],
        [[0, 3]],
    ),
]


@pytest.mark.parametrize(
    "lang,rows,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_cases(
    lang: str, rows: list[tuple[str, str, list[str]]], expected: list[list[int]]
) -> None:
    c = call(lang, [utt(i, s, t, tags=tags) for i, (s, t, tags) in enumerate(rows)])
    assert pairs(c) == expected
    for e in premature(c):
        assert e.details["problem_basis"] == "tags"


def test_closed_questions_and_apology_are_reported_as_what_came_instead() -> None:
    c = call("en", [utt(i, s, t, tags=tags) for i, (s, t, tags) in enumerate(CASES[5][1])])
    (event,) = premature(c)
    assert event.details["before_listening"] == ["closed_question", "apology"]
    assert "closed_question" in event.message
    assert "#3" in event.message and "#0" in event.message


@pytest.mark.parametrize(
    "lang,text,first,second,expected",
    [
        # Sympathy sentence before the fix in one utterance: listening came first.
        (
            "sv",
            "Det låter verkligen tråkigt. Jag skickar en ny laddare i dag.",
            ("sympathy", "Det låter verkligen tråkigt."),
            ("solution", "Jag skickar en ny laddare i dag."),
            [],
        ),
        # The fix first, the open question after it: premature.
        (
            "sv",
            "Jag skickar en ny laddare i dag. Vad hände med den gamla?",
            ("solution", "Jag skickar en ny laddare i dag."),
            ("open_question", "Vad hände med den gamla?"),
            [[0, 1]],
        ),
        (
            "en",
            "That sounds really stressful. I'll reverse the charge now.",
            ("sympathy", "That sounds really stressful."),
            ("solution", "I'll reverse the charge now."),
            [],
        ),
        (
            "en",
            "I'll reverse the charge now, so you were charged twice?",
            ("solution", "I'll reverse the charge now"),
            ("restating", "so you were charged twice?"),
            [[0, 1]],
        ),
    ],
)
def test_span_order_decides_in_one_utterance(
    lang: str,
    text: str,
    first: tuple[str, str],
    second: tuple[str, str],
    expected: list[list[int]],
) -> None:
    problem = {
        "sv": "Laddaren jag köpte förra veckan har redan slutat fungera.",
        "en": "I've been charged twice for my gym membership this month.",
    }[lang]
    c = call(
        lang,
        [
            utt(0, "customer", problem, tags=["problem"]),
            utt(1, "agent", text, tags=[second, first]),  # tag order in the list is irrelevant
        ],
    )
    assert pairs(c) == expected


def test_tie_at_same_offset_goes_to_listening() -> None:
    text = "Tråkigt att höra, jag skickar en ny direkt."
    c = call(
        "sv",
        [
            utt(
                0,
                "customer",
                "Paketet kom trasigt och glaset i ramen var krossat.",
                tags=["problem"],
            ),
            utt(1, "agent", text, tags=["solution", "sympathy"]),  # both whole-utterance
        ],
    )
    assert pairs(c) == []


def test_a_model_listening_tag_on_the_remedy_sentence_does_not_clear_it() -> None:
    # The trained component's evidence is a whole sentence. When the sentence it reads as
    # sympathy is the remedy itself, nothing was heard before the fix: still premature. A
    # rule's listening tag at the same offset keeps the benefit of the doubt.
    text = (
        "Sorry about that. What I'll do is put three months' credit on your account, "
        "and I'll move you up to the gigabit package at no extra cost."
    )
    remedy = text[text.index("What") :]
    problem = "My broadband's been really slow for a week and my son can't do his homework."

    def agent(rule: str) -> AnalysedCall:
        u = utt(1, "agent", text, tags=[("apology", "Sorry"), ("solution", remedy)])
        model_tag = make_tag(text, ("sympathy", remedy)).model_copy(update={"rule": rule})
        u = u.model_copy(update={"tags": [*u.tags, model_tag]})
        return call("en", [utt(0, "customer", problem, tags=["problem"]), u])

    assert pairs(agent("en.sympathy.model")) == [[0, 1]]
    assert pairs(agent("en.sympathy.hand_rule")) == []


def test_emotion_alone_opens_a_problem() -> None:
    c = call(
        "en",
        [
            utt(0, "customer", "Honestly this is the third time, I'm fed up.", tags=["emotion"]),
            utt(1, "agent", "I'll send a new router out today.", tags=["solution"]),
        ],
    )
    assert pairs(c) == [[0, 1]]


def test_several_problems_restart_the_check() -> None:
    c = call(
        "sv",
        [
            utt(
                0,
                "customer",
                "Mitt tåg blev inställt och jag kom för sent till jobbet.",
                tags=["problem"],
            ),
            utt(
                1,
                "agent",
                "Så tåget klockan sju gick inte alls?",
                tags=["restating", "closed_question"],
            ),
            utt(2, "customer", "Nej, det gick inte.", tags=[]),
            utt(3, "agent", "Då kan du få ersättning för resan.", tags=["solution"]),
            utt(
                4, "customer", "Och i går var det samma sak, tjugo minuter sent.", tags=["problem"]
            ),
            utt(5, "agent", "Då lägger jag in ersättning för den resan också.", tags=["solution"]),
        ],
    )
    assert pairs(c) == [[4, 5]]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_answer_to_open_question_is_not_a_new_problem(lang: str) -> None:
    text = {
        "sv": [
            "Frysvarorna var tinade när kassen kom i går kväll.",
            "Åh nej. Berätta mer om hur det såg ut.",
            "Väskan var öppen och glassen hade smält helt.",
            "Hur skulle du vilja att vi gör det här bra igen?",
            "Jag vill ha tillbaka pengarna för frysvarorna.",
            "Jag återbetalar dem till ditt kort i dag.",
        ],
        "en": [
            "My card was declined at the hotel and I was so embarrassed.",
            "That sounds awful. Can you tell me what happened at the desk?",
            "It said declined three times and there was a queue behind me.",
            "What would put this right for you?",
            "I just want it to work for the rest of my trip.",
            "I've lifted the block, so it works straight away.",
        ],
    }[lang]
    tags = [
        ["problem"],
        ["sympathy", "open_question"],
        ["problem"],
        ["open_question", "collaboration"],
        ["problem"],
        ["solution"],
    ]
    speakers = ["customer", "agent"] * 3
    c = call(lang, [utt(i, speakers[i], text[i], tags=tags[i]) for i in range(6)])
    assert pairs(c) == []
    assert [e.problem.index for e in problem_episodes(c)] == [0]


def test_first_problem_after_greeting_question_opens() -> None:
    c = call(
        "sv",
        [
            utt(0, "agent", "Hej, vad kan jag hjälpa dig med?", tags=["open_question"]),
            utt(1, "customer", "Min router blinkar rött och nätet är nere.", tags=["problem"]),
            utt(2, "agent", "Då skickar jag en ny router i dag.", tags=["solution"]),
        ],
    )
    assert pairs(c) == [[1, 2]]


def test_problem_restated_while_open_keeps_the_first_statement() -> None:
    c = call(
        "en",
        [
            utt(0, "customer", "My parcel says delivered but it's not here.", tags=["problem"]),
            utt(1, "agent", "What's the tracking number?", tags=["closed_question"]),
            utt(
                2, "customer", "It's on the email, and I really needed it today.", tags=["emotion"]
            ),
            utt(3, "agent", "I'll send a replacement by express.", tags=["solution"]),
        ],
    )
    assert pairs(c) == [[0, 3]]


def test_listening_before_the_problem_does_not_count() -> None:
    c = turns(
        "en",
        [
            ("agent", 0.0, 2.0, "Hi, how can I help today?", ["open_question"]),
            (
                "customer",
                2.5,
                8.0,
                "My card was swallowed by the cash machine this morning.",
                ["problem"],
            ),
            ("agent", 8.5, 12.0, "I'll order a new card for you right away.", ["solution"]),
        ],
    )
    assert pairs(c) == [[1, 2]]
    assert premature(c)[0].start == 8.5


def test_fallback_uses_first_substantive_customer_turn() -> None:
    c = call(
        "sv",
        [
            utt(0, "agent", "Hej, Vattenverket, Maja.", tags=[]),
            utt(1, "customer", "Hej hej.", tags=[]),
            utt(2, "customer", "Det kommer brunt vatten ur kranen sedan i morse.", tags=[]),
            utt(
                3,
                "agent",
                "Spola kallvatten i tio minuter så brukar det gå över.",
                tags=["solution"],
            ),
        ],
    )
    (event,) = premature(c)
    assert event.utterances == [2, 3]
    assert event.details["problem_basis"] == "fallback"
    assert len(["Det", "kommer", "brunt", "vatten", "ur", "kranen"]) >= FALLBACK_MIN_WORDS


def test_fallback_when_only_later_turns_are_tagged() -> None:
    c = call(
        "en",
        [
            utt(0, "customer", "Hi, the olive oil I ordered wasn't in my delivery.", tags=[]),
            utt(1, "agent", "Sorry! I'll refund it now.", tags=["apology", "solution"]),
            utt(2, "customer", "OK. Why does this keep happening?", tags=["emotion"]),
            utt(3, "agent", "What else was missing recently?", tags=["open_question"]),
        ],
    )
    (event,) = premature(c)
    assert event.utterances == [0, 1]
    assert event.details["problem_basis"] == "fallback"


def test_no_fallback_when_a_tagged_turn_comes_before_the_solution() -> None:
    c = call(
        "sv",
        [
            utt(0, "customer", "Hej, jag ringer om min beställning från i tisdags.", tags=[]),
            utt(1, "agent", "Vad gäller det?", tags=["open_question"]),
            utt(
                2,
                "customer",
                "Halva beställningen saknas och jag är riktigt irriterad.",
                tags=["problem"],
            ),
            utt(3, "agent", "Jag skickar resten i morgon.", tags=["solution"]),
        ],
    )
    (event,) = premature(c)
    assert event.utterances == [2, 3]
    assert event.details["problem_basis"] == "tags"


def test_no_substantive_customer_turn_no_event() -> None:
    c = call(
        "en",
        [
            utt(0, "customer", "Hi.", tags=[]),
            utt(1, "agent", "I'll send it again.", tags=["solution"]),
        ],
    )
    assert pairs(c) == []


def test_time_order_not_list_order() -> None:
    # Listed out of order: the open question (t=5) precedes the solution (t=9).
    c = call(
        "en",
        [
            utt(
                0, "customer", "The heating has been off since Sunday night.", 0.0, 4.0, ["problem"]
            ),
            utt(2, "agent", "I'll get an engineer out tomorrow.", 9.0, 11.0, ["solution"]),
            utt(
                1,
                "agent",
                "What happens when you turn the thermostat up?",
                5.0,
                8.0,
                ["open_question"],
            ),
        ],
    )
    assert pairs(c) == []


def test_episodes_record_solution_after_listening() -> None:
    c = call(
        "sv",
        [
            utt(
                0,
                "customer",
                "Min lägenhet har inte haft varmvatten på två dagar.",
                tags=["problem"],
            ),
            utt(1, "agent", "Vad tråkigt, berätta mer.", tags=["sympathy", "open_question"]),
            utt(2, "customer", "Det är iskallt i duschen.", tags=[]),
            utt(3, "agent", "Jag skickar en rörmokare i eftermiddag.", tags=["solution"]),
        ],
    )
    (ep,) = problem_episodes(c)
    assert ep.listened_first and not ep.premature
    assert ep.solution is not None and ep.solution.index == 3


# -- dev calls ---------------------------------------------------------------------------


@pytest.mark.parametrize("call_id", dev_call_ids() or ["(no dev data)"])
def test_dev_calls_agree_with_manual_labels(call_id: str) -> None:
    """Gold agent labels (whole-utterance spans) + the fallback problem statement."""
    dev = dev_dir_or_skip()
    c = dev_call(dev, call_id)
    expected = manual_labels(dev)[call_id]["premature_solution"] == "1"
    events = premature(c)
    assert bool(events) == expected, [e.message for e in events]
    assert all(e.details["problem_basis"] == "fallback" for e in events)


@pytest.mark.parametrize("call_id", dev_call_ids() or ["(no dev data)"])
def test_dev_calls_with_first_customer_turn_tagged(call_id: str) -> None:
    """The same with the first substantive customer turn tagged ``problem``."""
    dev = dev_dir_or_skip()
    c = dev_call(dev, call_id)
    first = next(u for u in c.utterances if u.speaker == "customer" and len(u.text.split()) >= 6)
    utts = [
        u.model_copy(update={"tags": [_whole(u.text, "problem")]}) if u is first else u
        for u in c.utterances
    ]
    c = c.model_copy(update={"utterances": utts})
    expected = manual_labels(dev)[call_id]["premature_solution"] == "1"
    events = premature(c)
    assert bool(events) == expected
    assert all(e.details["problem_basis"] == "tags" for e in events)


def test_dev_en_d03_sentence_spans() -> None:
    """en-d03: sympathy sentence first, payment-plan offer last: not premature; reversed: is."""
    dev = dev_dir_or_skip()
    c = dev_call(dev, "en-d03")
    u = c.utterances[2]
    sentences = [m.span() for m in re.finditer(r"[^.!?]+[.!?]", u.text)]
    first, last = sentences[0], sentences[-1]

    def with_spans(sym: tuple[int, int], sol: tuple[int, int]) -> AnalysedCall:
        tags = [_span(u.text, "sympathy", sym), _span(u.text, "solution", sol)]
        utts = list(c.utterances)
        utts[2] = u.model_copy(update={"tags": tags})
        return c.model_copy(update={"utterances": utts})

    assert pairs(with_spans(first, last)) == []
    assert pairs(with_spans(last, first)) == [[1, 2]]


def _whole(text: str, label: str) -> Tag:
    return Tag(label=label, start=0, end=len(text), text=text, rule="test", confidence=1.0)


def _span(text: str, label: str, span: tuple[int, int]) -> Tag:
    return Tag(
        label=label,
        start=span[0],
        end=span[1],
        text=text[span[0] : span[1]],
        rule="test",
        confidence=1.0,
    )


@pytest.mark.parametrize(
    ("lang", "second"),
    [
        ("sv", "Tack. Och så var det en sak till, kranen i köket har lossnat helt."),
        ("en", "Thanks. Oh, and one more thing, the tap in the kitchen has come loose."),
    ],
)
def test_a_new_matter_after_listening_is_a_new_problem(lang: str, second: str) -> None:
    c = call(
        lang,
        [
            utt(0, "customer", "The invoice is wrong, I cancelled that visit.", tags=["problem"]),
            utt(1, "agent", "How did you cancel it?", tags=["open_question"]),
            utt(2, "customer", "By phone on Monday."),
            utt(
                3,
                "agent",
                "So you cancelled by phone. I'll remove the fee.",
                tags=[("restating", "So you cancelled by phone."), ("solution", "I'll remove")],
            ),
            utt(4, "customer", second, tags=["problem"]),
            utt(5, "agent", "I'll book a plumber for tomorrow morning.", tags=["solution"]),
        ],
    )
    assert pairs(c) == [[4, 5]]


def test_an_answer_to_an_invitation_is_not_a_new_problem() -> None:
    c = call(
        "en",
        [
            utt(0, "customer", "The invoice is wrong, I cancelled that visit.", tags=["problem"]),
            utt(1, "agent", "What happened when you cancelled?", tags=["open_question"]),
            utt(2, "customer", "They said it was done, but the fee still came.", tags=["problem"]),
            utt(3, "agent", "I'll remove the fee now.", tags=["solution"]),
        ],
    )
    assert pairs(c) == []


@pytest.mark.parametrize(
    ("lang", "reaction"),
    [
        ("en", "Honestly, I wouldn't know where to start with that."),
        ("en", "Okay. And if he doesn't turn up?"),
        ("sv", "Men om det inte funkar då?"),
    ],
)
def test_a_reaction_to_the_remedy_is_not_a_new_problem(lang: str, reaction: str) -> None:
    c = call(
        lang,
        [
            utt(
                0,
                "customer",
                "The worktop is too short and water gets behind it.",
                tags=["problem"],
            ),
            utt(1, "agent", "What happened when the fitters came?", tags=["open_question"]),
            utt(2, "customer", "They left it like that."),
            utt(3, "agent", "I'll send our senior fitter on Saturday.", tags=["solution"]),
            # the reaction carries a signal: a feeling, or a what-if with a problem word
            utt(4, "customer", reaction, tags=["emotion" if "where" in reaction else "problem"]),
            utt(5, "agent", "I'll call you myself on Friday to confirm.", tags=["solution"]),
        ],
    )
    assert pairs(c) == []
