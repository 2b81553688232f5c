"""English rules, round 5: questions that are not asked of the listener, and requests that are.

Kinds found on real talk nobody here wrote (the SwDA and AnnoMI development halves) and on
the blind development sets: a question quoted in a story, a speaker looking for a word, a
false start before the real question, a cut-off fragment, a pseudo-cleft ("what bothers me
is…"), a "tell me" that reports what someone else does, and unpunctuated speech cut
between a subject and its verb. Every case is a line written for this file (no labelled
set's row, edited or not); only the question tags are checked.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from verbalkit.analysis import tag_many
from verbalkit.schema import Tag

Tagger = Callable[[str], set[str]]
QUESTIONS = {"open_question", "closed_question"}


@pytest.fixture(scope="module")
def questions() -> Tagger:
    def run(text: str) -> set[str]:
        tags: list[Tag] = next(tag_many([(text, None)], "en", role="agent"))
        return {t.label for t in tags} & QUESTIONS

    return run


# A question inside a story: the speaker quotes themselves or someone else.
REPORTED = [
    ("So I said to the driver, well, where's the rest of the delivery?", set()),
    ("and she was like, how am I meant to pay that?", set()),
    ("My neighbour asked me, why is your bin still out?", set()),
    ("they always go, oh, what time will it be fixed?", set()),
    ("I kept asking them, when is the engineer coming?", set()),
    ("and he thought, why would they charge twice?", set()),
    # Asked of the listener, after a lead-in that is not a report.
    ("Can I ask you, what made you cancel in the end?", {"closed_question"}),
    ("Just so I'm clear, what happened after the first payment?", {"open_question"}),
    ("So tell me, how did the problem start?", {"open_question"}),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED)
def test_a_quoted_question_is_not_asked(questions: Tagger, text: str, expected: set[str]) -> None:
    assert questions(text) == expected


# Looking for a word, in text that punctuates; the speaker often answers themselves.
WORD_SEARCH = [
    ("It's on the, um, what's it called, the dashboard.", set()),
    ("what do they call it, the loyalty tier,", set()),
    ("Oh, what was it called, the green tariff?", set()),
    ("Uh, what is her name, the lady on reception.", set()),
    # A real question for the word, asked of the customer.
    ("What's it called?", {"open_question"}),
    ("what is his name", {"open_question"}),  # unpunctuated: may be asked
]


@pytest.mark.parametrize(("text", "expected"), WORD_SEARCH)
def test_looking_for_a_word_asks_nothing(questions: Tagger, text: str, expected: set[str]) -> None:
    assert questions(text) == expected


# A false start or an echo, then the question proper.
RESTARTS = [
    ("What, the whole order?", {"closed_question"}),
    ("What, like, the premium one?", {"closed_question"}),
    ("Where is, um, is the meter outside?", {"closed_question"}),
    ("how do you, how would you like us to handle it?", {"open_question"}),
    ("Why, what went wrong with it?", {"open_question"}),
    # One question with a filler or an aside inside: no restart.
    ("So how has that, uh, affected your bills?", {"open_question"}),
    ("What has the, um, engineer told you so far?", {"open_question"}),
]


@pytest.mark.parametrize(("text", "expected"), RESTARTS)
def test_a_false_start_is_typed_by_what_follows(
    questions: Tagger, text: str, expected: set[str]
) -> None:
    assert questions(text) == expected


CUT_OFF_AND_CLEFT = [
    ("how did you, -", set()),
    ("What are you --", set()),
    ("what changed was the billing date", set()),
    ("What worries me is the second charge.", set()),
    ("What surprised me was how quickly it went through.", set()),
    # Still questions.
    ("so I'm curious how you've got on with the paperwork and all that —", {"open_question"}),
    ("what changed on your side?", {"open_question"}),
    ("What was the reference it gave you?", {"closed_question"}),
]


@pytest.mark.parametrize(("text", "expected"), CUT_OFF_AND_CLEFT)
def test_cut_offs_and_clefts(questions: Tagger, text: str, expected: set[str]) -> None:
    assert questions(text) == expected


# "Tell me", "explain", "what happened" asked of the listener, or only reported.
REQUESTS = [
    ("and then he'll tell me it's fine and hang up", set()),
    ("They found out what happened at the depot.", set()),
    ("so she'll explain it to the manager tomorrow", set()),
    ("What you're describing is exactly what we've seen on other lines.", set()),
    ("the courier will tell you what went wrong", set()),
    ("Could you walk me through what you did?", {"open_question"}),
    ("I'd like you to tell me how it started.", {"open_question"}),
    ("please describe the noise it makes", {"open_question"}),
    ("Thanks for that, and so, tell me what you saw.", {"open_question"}),
    ("would you mind explaining how the fee came up", {"open_question"}),
]


@pytest.mark.parametrize(("text", "expected"), REQUESTS)
def test_a_request_is_asked_of_the_listener(
    questions: Tagger, text: str, expected: set[str]
) -> None:
    assert questions(text) == expected


# Unpunctuated speech: a subject and its verb, a modal and its verb, "tell you" and its
# clause stay in one sentence; "talk me through" after a clause starts one.
ASR = [
    ("yeah that's what the last engineer said as well", set()),
    ("ok so we can see from what's on the account it went out twice", set()),
    ("and then they can just tell me what they want", set()),
    ("the team will show you how it works on the day", set()),
    (
        "right i've got the order up in front of me now talk me through what happened",
        {"open_question"},
    ),
    ("okay thanks for that can you walk me through the steps you took", {"open_question"}),
]


@pytest.mark.parametrize(("text", "expected"), ASR)
def test_unpunctuated_clauses(questions: Tagger, text: str, expected: set[str]) -> None:
    assert questions(text) == expected


# Sympathy that weighs the situation by what it asks of the customer, imagines their
# reaction, or says they are not to blame, without a feeling word.
SYMPATHY = [
    ("Four months of chasing this is a lot to sit with.", True),
    ("a burst pipe and a newborn is an awful lot to be carrying", True),
    ("That's a huge amount riding on one delivery.", True),
    ("£240 is a lot to find just before Christmas.", True),
    ("that's a really long delay for a short hop", True),
    ("The queue for repairs is a long time at the moment.", False),
    ("A letter like that must have made your heart sink.", True),
    ("I can see why the late fee felt like a kick in the teeth.", True),
    ("and I get that it feels unfair to you.", True),
    ("Honestly, it's nobody's fault, these things slip through.", True),
    ("no it's not you at all the form was confusing", True),
    ("you weren't to know the tariff had changed", True),
    ("That one's our fault, not yours.", True),
    # Hard negatives: amounts, durations and workloads stated, not weighed for the customer.
    ("There's a lot to pay on the first invoice, then it drops.", False),
    ("We have a lot to process today, so it may be tomorrow.", False),
    ("That was a long time ago, so the record may be archived.", False),
    ("It takes a long while to show on the app.", False),
    ("It's not your card that's the problem, it's the terminal.", False),
]


@pytest.fixture(scope="module")
def labels() -> Callable[[str], set[str]]:
    def run(text: str) -> set[str]:
        return {t.label for t in next(tag_many([(text, None)], "en", role="agent"))}

    return run


@pytest.mark.parametrize(("text", "expected"), SYMPATHY)
def test_sympathy_by_weight_and_reassurance(
    labels: Callable[[str], set[str]], text: str, expected: bool
) -> None:
    assert ("sympathy" in labels(text)) is expected


# Blaming by implication: the customer's own agreement invoked, damage put down to the
# customer's act or time, a colleague who "should have" and didn't.
BLAMING = [
    ("The early exit fee is in the terms you agreed to when you joined.", True),
    ("that's all in the contract you signed last year", True),
    ("late returns cost a day's hire and you accepted that when you booked", True),
    ("The screen was probably cracked from when you dropped it in March.", True),
    ("so that's a stain during your stay, which is why the deposit was held", True),
    ("Your fitter, Dave, should have sealed the joint before he left, which he didn't.", True),
    # Hard negatives: terms pointed to, cover offered, a check that was done.
    ("You can find the cancellation terms in the app under Help.", False),
    ("We'll cover any damage during your stay under the waiver.", False),
    ("You agreed to the new price in March, so that's what we charged.", False),
]


@pytest.mark.parametrize(("text", "expected"), BLAMING)
def test_blaming_by_implication(
    labels: Callable[[str], set[str]], text: str, expected: bool
) -> None:
    assert ("blaming" in labels(text)) is expected


# A remedy in the passive or a waiver: a solution without "I will". (Money on its way back
# with a time, "it'll show on your card in three days", stays an expectation only.)
SOLUTION = [
    ("The full £64.50 is refunded and the direct debit is cancelled.", True),
    ("Your mum's booking fee is refunded, of course.", True),
    ("we waive the call-out charge for pensioners", True),
    # Hard negatives: how a charge appears, a refund refused, a general statement.
    ("It'll show on your statement as BRK Energy.", False),
    ("Your refund was declined by the card issuer.", False),
    ("Refunds aren't something I can do on this line.", False),
]


@pytest.mark.parametrize(("text", "expected"), SOLUTION)
def test_money_back_as_a_process(
    labels: Callable[[str], set[str]], text: str, expected: bool
) -> None:
    assert ("solution" in labels(text)) is expected


# Stems of a reflection that need no word of the customer's: the agent says how they took it.
RESTATING = [
    ("So what I'm hearing is that the second bill is the real worry.", True),
    ("What I hear you saying is you'd rather keep the old plan.", True),
    ("So what I'm picking up is that the app keeps logging you out.", True),
    ("I get the impression that you were never really told why.", True),
    ("Let me see if I've got this: the meter was read twice in one week.", True),
    ("let me make sure i understand the order of things here", True),
    ("If I heard you right, the parcel came but the box was empty.", True),
    ("It sounds like, overall, your new router is doing better.", True),
    ("Okay, so this is really important to you.", True),
    ("It doesn't feel like a priority to you right now.", True),
    # Hard negatives: hearing the line, an impression about something else, a plan.
    ("What I hear is a lot of background noise on the line.", False),
    ("I get the impression the courier's system is down today.", False),
    ("Let me see if I can get a supervisor for you.", False),
    ("It's a priority for us to get this fixed.", False),
]


@pytest.mark.parametrize(("text", "expected"), RESTATING)
def test_reflection_stems(labels: Callable[[str], set[str]], text: str, expected: bool) -> None:
    assert ("restating" in labels(text)) is expected


# A relative clause is no question, in a run of speech or as the rest of a turn; a lone
# "Right?" asks for agreement.
RELATIVES = [
    ("and customers who are on the old tariff get the discount", set()),
    ("which is handy for them, to be fair,", set()),
    ("We've got two engineers who've done that model.", set()),
    ("which is better for you, mornings or afternoons?", {"closed_question"}),
    ("okay which is easier for you the app or the website", {"closed_question"}),
    ("You put the card in first, then the PIN. Right?", {"closed_question"}),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVES)
def test_relative_clauses_and_lone_tags(questions: Tagger, text: str, expected: set[str]) -> None:
    assert questions(text) == expected


# A topic judged is no sympathy; the listener's situation judged is.
TOPICS = [
    ("That's a tough question, let me check with billing.", False),
    ("Oh, that's a rough area for signal, to be fair.", False),
    ("That is awful quiet for a Monday.", False),
    ("That must have been a rough week for you.", True),
    ("Oh no, that's awful.", True),
]


@pytest.mark.parametrize(("text", "expected"), TOPICS)
def test_a_topic_judged_is_no_sympathy(
    labels: Callable[[str], set[str]], text: str, expected: bool
) -> None:
    prev = "My boiler broke and my daughter has been ill all week."
    found = {t.label for t in next(tag_many([(text, prev)], "en", role="agent"))}
    assert ("sympathy" in found) is expected


# A wh-clause inside a statement: after a copula or preposition, a cleft, "what happened"
# reported.
STATEMENT_WH = [
    ("and that's exactly what happened with my last order", set()),
    ("Especially after what happened in March, I get it.", set()),
    ("What happened is the courier scanned it at the wrong depot.", set()),
    ("Well, what, what's annoying is the second letter crossed with yours.", set()),
    ("We're in what's called the cooling-off period now.", set()),
    ("lemme have a look for you what's the tracking number", {"closed_question"}),
    ("ok no worries we'll get you back in can you tell me what you did", {"open_question"}),
    ("So what happened after that?", {"open_question"}),
]


@pytest.mark.parametrize(("text", "expected"), STATEMENT_WH)
def test_wh_clauses_inside_statements(questions: Tagger, text: str, expected: set[str]) -> None:
    assert questions(text) == expected


# A lead clause ("well, when you…, and, sort of, …,") before the question proper: the
# question is typed by the first clause after a comma that asks one.
LEAD_CLAUSES = [
    (
        "Well, when you think about the move and, sort of, the next few months, how do you "
        "see the payments fitting in?",
        {"open_question"},
    ),
    ("So, if it trips again tonight, what do you notice first?", {"open_question"}),
    ("OK, when you open the app on your phone, what error comes up?", {"closed_question"}),
    ("Right, when the driver arrived, what reading did the meter show?", {"closed_question"}),
]


@pytest.mark.parametrize(("text", "expected"), LEAD_CLAUSES)
def test_question_after_a_lead_clause(questions: Tagger, text: str, expected: set[str]) -> None:
    assert questions(text) == expected


# An optional comma is optional: "oh really?" and "oh, really?" are the same backchannel
# (the patterns once needed the comma, or two spaces, to match).
BACKCHANNELS = [
    ("Oh really?", set()),
    ("Oh, really?", set()),
    ("Sorry what did you say?", set()),
    ("Sorry, what did you say?", set()),
    ("Oh really, so it's been going on since March?", {"closed_question"}),
]


@pytest.mark.parametrize(("text", "expected"), BACKCHANNELS)
def test_optional_commas(questions: Tagger, text: str, expected: set[str]) -> None:
    assert questions(text) == expected
