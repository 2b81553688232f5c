"""English rules by kind: phrasings written for the kinds of error seen on unseen text.

Each case is a realistic line of the kind, not a sentence taken from any labelled set; the
conventions are those of ``shared/data/dev/LABELLING.md``. Only the behaviours of the kind
under test are checked (``labels & checked == expected``), so a case documents one kind.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from verbalkit.analysis import tag_many
from verbalkit.schema import Tag

Tagger = Callable[[str, str | None], set[str]]


@pytest.fixture(scope="module")
def labels() -> Tagger:
    def run(text: str, prev: str | None = None) -> set[str]:
        tags: list[Tag] = next(tag_many([(text, prev)], "en", role="agent"))
        return {t.label for t in tags}

    return run


QUESTIONS = {"open_question", "closed_question"}

# Wh-questions that ask for one fact (a number, a named thing, what a third party said),
# and wh-questions followed by a yes/no clause.
ONE_FACT_WH = [
    ("What are the first three letters of the postcode?", {"closed_question"}),
    ("What were the dates on the booking?", {"closed_question"}),
    ("what account number did you pay it from", {"closed_question"}),
    ("And what value did you declare on the form?", {"closed_question"}),
    ("What flight number was that?", {"closed_question"}),
    ("What did the garage say about how long it would take?", {"closed_question"}),
    ("What did the screen show when it froze?", {"closed_question"}),
    ("What did the agent tell you was the cause?", {"closed_question"}),
    ("What reason did the bank give for stopping it?", {"closed_question"}),
    ("What happened next, did the screen go black?", {"open_question", "closed_question"}),
    ("How is he getting on, is he still coughing?", {"open_question", "closed_question"}),
    # still open
    ("What did you notice when you got home?", {"open_question"}),
    ("What did the surveyor say?", {"open_question"}),
    ("What are you hoping we can do?", {"open_question"}),
    ("How did the engineer leave things?", {"open_question"}),
    ("When you're ready, could you talk me through the last bill?", {"open_question"}),
]


@pytest.mark.parametrize(("text", "expected"), ONE_FACT_WH, ids=[c[0][:40] for c in ONE_FACT_WH])
def test_one_fact_wh_questions(labels: Tagger, text: str, expected: set[str]) -> None:
    assert labels(text) & QUESTIONS == expected


# Collaboration asked as what would make the customer feel or cope, what matters most, how a
# proposal sits with them; a wh-question over options already laid out is a closed choice.
COLLAB = {"collaboration", "open_question", "closed_question"}
COLLABORATION = [
    ("What would make this week a bit easier for you?", {"collaboration", "open_question"}),
    (
        "What would make you feel more confident about the new meter?",
        {"collaboration", "open_question"},
    ),
    ("What matters most to you in a replacement?", {"collaboration", "open_question"}),
    ("What did you have in mind?", {"collaboration", "open_question"}),
    (
        "What would you think about us fitting a new valve instead?",
        {"collaboration", "open_question"},
    ),
    ("We could credit the month. How does that sit with you?", {"collaboration"}),
    ("I can move the visit to Tuesday. How would that land with you?", {"collaboration"}),
    (
        "We can post a new card or you can collect one in branch. Which sounds better to you?",
        {"collaboration", "closed_question"},
    ),
    (
        "I can refund it to your card, or put it on your account as credit, what suits you?",
        {"collaboration", "closed_question"},
    ),
    (
        "What would work best for you, a morning visit or an evening call?",
        {"collaboration", "closed_question"},
    ),
    # not collaboration
    ("What did the engineer do when he came?", {"open_question"}),
    ("How does the app behave when it crashes?", {"open_question"}),
]


@pytest.mark.parametrize(
    ("text", "expected"), COLLABORATION, ids=[c[0][:40] for c in COLLABORATION]
)
def test_collaboration_kinds(labels: Tagger, text: str, expected: set[str]) -> None:
    assert labels(text) & COLLAB == expected


# Sympathy that names the weight of the situation without a feeling word, reassurance that
# the customer will not lose out, and feelings named indirectly.
SYMPATHY = [
    ("Three kids and no hot water, that's a lot to juggle.", True),
    ("Honestly, with a move and a new job there's a whole lot going on for you.", True),
    ("Eight weeks is a long wait for a simple answer.", True),
    ("A whole weekend gone because of a missed delivery.", True),
    ("That's a lot of money to be out of pocket over Christmas.", True),
    ("Changing doctors at his age, that's a big change.", True),
    ("Night feeds every two hours really take it out of you.", True),
    ("Ringing round all week must be driving you mad.", True),
    ("That's properly annoying.", True),
    ("A cracked screen two days after buying it, no wonder you're cross.", True),
    ("Same bill twice with nothing used, I'd be worried too.", True),
    ("You must have been relying on that payment.", True),
    ("Don't worry, you won't lose any of your photos.", True),
    ("Okay, we'll get to the bottom of this.", True),
    ("Oh, poor Max.", True),
    ("That's a real blow right before the holidays.", True),
    # not sympathy
    ("The queue for that team is a long time at the moment, it's about two weeks.", False),
    ("It's a poor signal area, so the app may drop out.", False),
    ("That's hard to say without seeing it.", False),
    ("You'll get it back within five working days.", False),
    ("Have a good day.", False),
]


@pytest.mark.parametrize(("text", "expected"), SYMPATHY, ids=[c[0][:40] for c in SYMPATHY])
def test_sympathy_kinds(labels: Tagger, text: str, expected: bool) -> None:
    assert ("sympathy" in labels(text)) is expected


# Remedies stated in the passive, as the company's own process, priced with "do", handed to
# someone else, or as self-help with its outcome (rule 6).
SOLUTION = [
    ("The £24.50 has been refunded to your card.", True),
    ("Your replacement charger's been dispatched this morning.", True),
    ("A new meter's been booked for Tuesday.", True),
    ("it's being posted first class today", True),
    ("Good news, the late fee has been waived.", True),
    ("That'll go out tonight by courier.", True),
    ("We'll have to order the hinge in before we can refit the door.", True),
    ("I'll need to raise a ticket with our network team so they can reset the port.", True),
    ("We need to swap the router before anything else will work.", True),
    ("Then I'll book you in for Monday.", True),
    ("I can do £40 off the next bill.", True),
    ("I could do you a free month on top.", True),
    ("I've asked the warehouse to resend it on the first van.", True),
    ("I'll get the team to rebook the visit.", True),
    ("I'll keep the room reserved for you until Friday.", True),
    ("If you hold the power button for ten seconds, that usually sorts it.", True),
    ("if you clear the cache in the app it should fix the login", True),
    ("The repair's on us.", True),
    ("There'll be no charge for the second visit.", True),
    ("First of all, if there's a smell of gas, open the windows and leave the house.", True),
    ("Done, the new card's been ordered, and I'll ring you on Friday to check it's arrived.", True),
    # not solution
    ("Your card was cancelled by mistake last week.", False),
    ("The payment has been refunded by the shop, it's with your bank now.", False),
    ("You're all set on that side.", False),
    ("You've done everything right.", False),
    ("I'll call you back on Thursday.", False),
    ("the morning it's released I'll let you know", False),
    ("If you want it faster, that's a different service.", False),
    ("We may have to turn the supply off for an hour while the crew works.", False),
]


@pytest.mark.parametrize(("text", "expected"), SOLUTION, ids=[c[0][:40] for c in SOLUTION])
def test_solution_kinds(labels: Tagger, text: str, expected: bool) -> None:
    assert ("solution" in labels(text)) is expected


# Fault put on a third party's act or on the customer's own slip; naming a partner as a fact,
# and owning the fault ourselves, are not blaming (LABELLING "Other hard negatives").
BLAMING = [
    (
        "The installers haven't been turning up on time all month, and we keep having to chase them.",
        True,
    ),
    ("Whoever set the account up should have ticked the paperless box.", True),
    ("That's down to the landlord not passing on the letter.", True),
    ("It's their mess, frankly, their scaffolder cracked the tile.", True),
    ("The warehouse packed the order in the wrong box, so it was crushed.", True),
    ("Honestly the airline keeps letting us down with these transfers.", True),
    ("Bexford Logistics have really messed this up.", True),
    ("The charge came from the parking firm, not from us.", True),
    ("You entered the card number wrong, one digit's missing.", True),
    ("you picked the 14th instead of the 4th when you booked", True),
    ("To be fair you could have let us know a bit sooner.", True),
    ("You should have checked the size guide before ordering.", True),
    ("You must have deleted the email by mistake.", True),
    # not blaming
    ("The meter belongs to the network operator, so they'll come out to read it.", False),
    ("We packed it in the wrong box, that's our mistake.", False),
    ("Let's see how the repair's doing next week.", False),
    ("The courier has been told to bring it tomorrow.", False),
    ("You could have a refund or a replacement, whichever you prefer.", False),
    ("It wasn't your fault, you typed exactly what the form asked for.", False),
]


@pytest.mark.parametrize(("text", "expected"), BLAMING, ids=[c[0][:40] for c in BLAMING])
def test_blaming_kinds(labels: Tagger, text: str, expected: bool) -> None:
    assert ("blaming" in labels(text)) is expected


# Casual acknowledgements are sympathy only after a complaint; "a big deal" only when said of
# the customer's situation; "take care of …" only as a closing wish (SwDA small talk).
SYMPATHY_IN_CONTEXT = [
    ("I get it.", "I've been on hold three times today and nobody calls back.", True),
    ("Yeah, I hear you.", "I can't keep taking time off work for this.", True),
    (
        "Completely get that, let me see what I can do.",
        "That's far too much for a week's delay.",
        True,
    ),
    ("I get it.", "It's the country Panama, all right?", False),
    ("I hear you.", "We went up to the lake at the weekend.", False),
    ("That's a big change for the whole family.", None, True),
    ("Bye now, take care of your dad.", None, True),
    ("That was a big deal back then.", None, False),
    ("We take care of the garden ourselves.", None, False),
    ("You'll need someone to take care of them in the day.", None, False),
]


@pytest.mark.parametrize(
    ("text", "prev", "expected"), SYMPATHY_IN_CONTEXT, ids=[c[0][:30] for c in SYMPATHY_IN_CONTEXT]
)
def test_sympathy_in_context(labels: Tagger, text: str, prev: str | None, expected: bool) -> None:
    assert ("sympathy" in labels(text, prev)) is expected


# Restating by kind: what matters most to the customer said back, an ASR "so …" summary that
# runs on over "and …", the customer's last word ("…my router.") shared;
# not general information, the agent's own view, or a question.
RESTATING = [
    ("so what's worrying you most is the cost", "It's the bill, I just can't afford it.", True),
    (
        "the main thing for you is getting the heating back on",
        "We've had no heat since Monday.",
        True,
    ),
    ("okay so the real problem is the letters keep going to the old flat", "I moved in May.", True),
    ("so it's the noise at night that bothers you", "The fan's going all night long.", True),
    (
        "your biggest worry right now is the deposit",
        "I need that money back for the new place.",
        True,
    ),
    ("so, what really gets to you is nobody rang back", "I waited in all day for the call.", True),
    (
        "so the engineer came monday and then the fault came back",
        "The engineer fixed the line but it's dropped again.",
        True,
    ),
    ("so what we see a lot is the meter resets after a power cut", "My meter shows zero.", False),
    ("I think the biggest problem is the weather this year.", "Our garden did badly.", False),
    ("So I'll book the engineer for Thursday morning.", "The boiler's still leaking.", False),
    ("So what's worrying you most?", "I'm not sure about any of this.", False),
    ("the important thing is that you keep the receipt", "I bought it last week.", False),
]


@pytest.mark.parametrize(
    ("text", "prev", "expected"), RESTATING, ids=[c[0][:30] for c in RESTATING]
)
def test_restating_kinds(labels: Tagger, text: str, prev: str, expected: bool) -> None:
    assert ("restating" in labels(text, prev)) is expected


# Question typing on real conversational text: an embedded wh-clause after a verb of
# wondering asks for an explanation; "any other…?" invites more; a backchannel or a repair
# said with rising pitch asks nothing; "what are your thoughts/plans" is open.
QUESTION_KINDS = [
    ("I'm wondering how the new rota has been working for you?", {"open_question"}),
    ("I wonder what your partner made of all this?", {"open_question"}),
    ("Do you have a sense of why the app keeps logging you out?", {"open_question"}),
    ("Have you given any thought to how you'd like to handle the move?", {"open_question"}),
    ("Any other worries about the switchover?", {"open_question"}),
    ("Anything else that's been bothering you about the account?", {"open_question"}),
    ("What are your thoughts on the new tariff?", {"open_question"}),
    ("What kind of problems have you had with the boiler?", {"open_question"}),
    ("So where do you want to go from here?", {"open_question"}),
    # still closed, or no question at all
    ("Is there anything else I can help you with?", {"closed_question"}),
    ("Anything else I can do for you today?", {"closed_question"}),
    ("What are the last four digits of the card?", {"closed_question"}),
    ("Where would you like it delivered?", {"closed_question"}),
    ("What kind of phone is it?", {"closed_question"}),
    ("Do you have any idea what time it arrived?", {"closed_question"}),
    ("Yeah?", set()),
    ("Oh, really?", set()),
    ("Sorry, what did you say?", set()),
    ("what do I do now", set()),
]


@pytest.mark.parametrize(
    ("text", "expected"), QUESTION_KINDS, ids=[c[0][:40] for c in QUESTION_KINDS]
)
def test_question_kinds(labels: Tagger, text: str, expected: set[str]) -> None:
    assert labels(text) & QUESTIONS == expected


# Reflection stems after a customer statement, without a shared word: "it sounds like
# there's…", "part of you…", "you're not sure…", "you feel like…", "you said you…".
REFLECTION_STEMS = [
    ("It sounds like there's a lot riding on this move.", "We're moving house next month.", True),
    ("Part of you would rather just cancel the whole thing.", "I keep going back and forth.", True),
    ("You're not sure the new plan will suit the kids.", "The new plan starts in June.", True),
    ("You feel like nobody has listened so far.", "I rang three times last week.", True),
    ("You said your landlord already knows about it.", "The landlord came round on Monday.", True),
    ("So for you, it's the waiting that's hardest.", "I just want to know when.", True),
    # not reflections
    ("That sounds like a good plan for the weekend.", "We're off to the coast on Saturday.", False),
    ("It seems like the form is missing a page.", "I filled everything in.", False),
    ("You're wondering, well, when did all that happen?", "Prices went up again.", False),
    ("You feel like a cup of tea?", "Do you want anything?", False),
]


@pytest.mark.parametrize(
    ("text", "prev", "expected"), REFLECTION_STEMS, ids=[c[0][:40] for c in REFLECTION_STEMS]
)
def test_reflection_stems(labels: Tagger, text: str, prev: str, expected: bool) -> None:
    assert ("restating" in labels(text, prev)) is expected


# Sympathy in casual talk: a bare reaction ("Oh no.", "That's awful.") after a turn that named
# no problem, a judgement of the speaker's own story, a goodbye "Take care." or the speaker's
# own calm is not sympathy; the same words after a problem still are.
SYMPATHY_CASUAL = [
    ("Oh no.", "We drove up to the lake on Sunday with the whole family.", False),
    ("That's awful.", "We watched the old film on channel five.", False),
    ("And that was a pretty rough year for the team.", "We went to most home games.", False),
    ("Take care.", "Okay, bye now.", False),
    ("So I really don't worry about that.", "Some people check the locks twice.", False),
    ("Oh no.", "My flight got cancelled and I'm stuck at the airport.", True),
    ("That's awful.", "The boiler broke and we've had no heating for a week.", True),
    ("I know it was a long day.", "Really? That's it?", True),
    ("Take care of yourself.", "Thanks so much.", True),
    ("Don't worry, we'll get it sorted today.", "I can't find the reference anywhere.", True),
]


@pytest.mark.parametrize(
    ("text", "prev", "expected"), SYMPATHY_CASUAL, ids=[c[0][:40] for c in SYMPATHY_CASUAL]
)
def test_sympathy_casual_talk(labels: Tagger, text: str, prev: str, expected: bool) -> None:
    assert ("sympathy" in labels(text, prev)) is expected


# Asking the customer to go on or list more, in V1 form, and requests to elaborate: open;
# the service closing "is there anything else I can help with?" stays closed.
MORE_ITEMS = [
    ("Is there anything else that's been worrying you about the move?", {"open_question"}),
    ("Are there any other costs you've noticed on the bill?", {"open_question"}),
    ("Can you think of any other times it cut out?", {"open_question"}),
    ("Could you elaborate on what the engineer told you?", {"open_question"}),
    ("Can you talk to me about how the billing changed?", {"open_question"}),
    ("Is there anything else I can do for you today?", {"closed_question"}),
    ("Are there any other accounts we can help with?", {"closed_question"}),
    ("Is there anything else you need from me?", {"closed_question"}),
]


@pytest.mark.parametrize(("text", "expected"), MORE_ITEMS, ids=[c[0][:40] for c in MORE_ITEMS])
def test_more_items_questions(labels: Tagger, text: str, expected: set[str]) -> None:
    assert labels(text) & QUESTIONS == expected


# A judgement of life in general, of the speaker's own side or of a hypothetical is not
# sympathy; the same words about the customer's situation still are.
SYMPATHY_GENERIC = [
    ("I guess that's hard on people who work shifts.", "The buses stop at midnight now.", False),
    ("That would be hard for us with the family so far away.", "We thought about moving.", False),
    ("To me that's really scary.", "They're putting cameras on every corner.", False),
    ("They put a lot of pressure on him at work.", "My brother's a nurse.", False),
    ("I know it's hard to prove who was driving.", "The insurers won't say who's at fault.", False),
    ("That must be really hard for her.", "My mum's been stuck indoors since the fall.", True),
    (
        "That's a lot of pressure to be under.",
        "I've got the deadline on Friday and no laptop.",
        True,
    ),
    ("Oh no, that's horrible.", "Someone broke into my car last night.", True),
]


@pytest.mark.parametrize(
    ("text", "prev", "expected"), SYMPATHY_GENERIC, ids=[c[0][:40] for c in SYMPATHY_GENERIC]
)
def test_sympathy_generic_judgement(labels: Tagger, text: str, prev: str, expected: bool) -> None:
    assert ("sympathy" in labels(text, prev)) is expected


# The customer's wants, likes and inner state said back in the agent's words, after a
# statement: restating; the same verbs in an offer or an instruction are not.
YOU_INNER = [
    (
        "You'd rather keep the old number if you can.",
        "I've had that number for twenty years.",
        True,
    ),
    ("You really want the kids settled before winter.", "The school term starts soon.", True),
    ("You're doing your best with all of it.", "I work nights and look after my dad.", True),
    ("So you have a lot going on right now.", "The flat flooded and my car's in the garage.", True),
    ("You like to keep the paperwork in order.", "I file every bill the day it comes.", True),
    ("You'll get a text when it's on its way.", "I placed the order this morning.", False),
    ("You can reset it from the app.", "The router light is flashing orange.", False),
    ("You need to sign the form first.", "I sent the documents on Monday.", False),
]


@pytest.mark.parametrize(
    ("text", "prev", "expected"), YOU_INNER, ids=[c[0][:40] for c in YOU_INNER]
)
def test_restating_you_inner(labels: Tagger, text: str, prev: str, expected: bool) -> None:
    assert ("restating" in labels(text, prev)) is expected
