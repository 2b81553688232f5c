"""English rules, round 4: kinds of phrasing missed on text written blind to the rules.

Every case is a line written for this file (no labelled set's row, edited or not); the
conventions are those of ``shared/data/dev/LABELLING.md`` and the wild sets' README notes.
Each table documents one kind with its hard negatives; only the behaviour of the kind is
checked.
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


# Blaming by implication: the customer's own paperwork or a past counterfactual
# (AMB:soft-blame-customer), a third party without a fault word, "the system"
# (AMB:deflect-to-system); against neutral partners and passive faults.
BLAMING = [
    ("You'd have needed to send the original deed, not a photocopy.", True),
    ("so you would have had to renew it before the end of june", True),
    ("The declaration page was left blank, so the claim couldn't go forward.", True),
    ("Question six on the health form was answered no.", True),
    ("The transfer form you posted wasn't witnessed, which is why it bounced.", True),
    ("It was refused because of an undeclared extension on the property.", True),
    ("The parcel was logged as intact at the door, which you signed for.", True),
    ("looks like someone at your end switched the billing contact last week", True),
    ("That's between you and the phone shop, they set the contract up.", True),
    ("You'll need to take that up with the garage directly.", False),
    ("It's the removals firm's paperwork, not you.", True),
    ("the hold-up is with your buyer's solicitor at the moment", True),
    ("We've paid it out, so really that's theirs to chase now.", True),
    ("Their claims desk is notoriously slow this time of year.", True),
    ("They've made a mistake with the postcode on the order.", True),
    ("Honestly I'd have expected better from them on this.", True),
    ("Your letting agent would have needed to register the deposit within thirty days.", True),
    ("That's just how the system works, it sends the reminder on day ten.", True),
    # not blaming
    ("We would have needed to see the receipt, and that's our mistake for not asking.", False),
    ("The partner bank handles the payout and they're usually quick.", False),
    ("The engineer is booked with our contractor for Friday morning.", False),
    ("The ventilator's useless until the supply is back, so let's get you a generator.", False),
    ("It's the storm, nobody's fault, the ferry just can't sail in that wind.", False),
    ("You should have had that letter by now, I'm sorry it hasn't come.", False),
    ("We posted the renewal pack in May and it wasn't returned, so it lapsed.", False),
    ("Would you have needed the van for the whole day?", False),
]


@pytest.mark.parametrize(("text", "expected"), BLAMING)
def test_blaming_round4(labels: Tagger, text: str, expected: bool) -> None:
    assert ("blaming" in labels(text, None)) is expected


# Collaboration: the customer shapes the remedy ("which is handiest for you", "how would you
# feel about…", "what else would make it easier"), also in ASR rows without "?"; a yes/no
# check on a proposal already made is not collaboration (rule 1).
COLLABORATION = [
    ("We've got the Leeds or the York depot, which is handiest for you?", True),
    ("Which of those options feels more manageable at the moment?", True),
    ("Which slot would fit better around the school run?", True),
    ("What else would make the move easier for you this week?", True),
    ("How would you feel about us spreading the balance over six months?", True),
    ("how would you feel about me holding the room until friday", True),
    ("how much do you think you could manage to put aside each week", True),
    ("i can send a courier today would that work or would a voucher suit you better", True),
    ("Would you want the same model again or something a bit lighter?", True),
    ("so we swap the meter first and then recheck the bill how does that sound", True),
    # not collaboration
    ("I'll refund the delivery fee today, would that work for you?", False),
    ("Which is quicker from the station, the bus or the tram?", False),
    ("How would you describe the noise it makes?", False),
    ("how much did you pay for it originally", False),
    ("What else did the engineer say when he came?", False),
]


@pytest.mark.parametrize(("text", "expected"), COLLABORATION)
def test_collaboration_round4(labels: Tagger, text: str, expected: bool) -> None:
    assert ("collaboration" in labels(text, None)) is expected


# Sympathy naming the weight of a situation without a feeling word, reassurance in other
# words, well-wishes; against "no worries" as you're welcome, small talk and pardon-sorry.
SYMPATHY = [
    ("Oh goodness, with the exams next week that's the last thing you need.", None, True),
    ("Moving house and a broken boiler is a lot to be coping with at once.", None, True),
    ("it's a lot to keep on top of with three kids in different schools", None, True),
    ("Not at all, you're juggling plenty as it is.", None, True),
    ("A bill like that landing out of the blue would rattle anybody.", None, True),
    ("Losing a pet is hard enough without the paperwork on top.", None, True),
    ("Nine hours is a long shift for anyone, let alone after a night feed.", None, True),
    ("That's a nasty one to come home to after a fortnight away.", None, True),
    ("so your whole claim has been sat in limbo since spring", None, True),
    ("It's been a rotten few weeks for you, hasn't it.", None, True),
    ("I can see why that would sting after twenty years with us.", None, True),
    ("And you shouldn't have to ring us four times to get an answer.", None, True),
    ("don't be stressing about the deadline, I've put a note on it", None, True),
    ("I'm so glad she's back home. Try to get some rest tonight.", None, True),
    (
        "Honestly, it happens all the time, nothing to be embarrassed about.",
        "I deleted the email by mistake and now nothing works.",
        True,
    ),
    ("no dramas, let me pull that up for you", "Also can you check my other booking?", True),
    ("That must have been terrifying on the motorway.", None, True),
    ("okay i can hear that's been a real worry for you", None, True),
    # not sympathy
    ("No worries at all, have a lovely evening.", "Brilliant, thank you so much.", False),
    ("no dramas mate enjoy the game", "cheers for that", False),
    ("Oh that's lovely, where are you off to?", None, False),
    ("Sorry, say that again? The line dropped.", None, False),
    ("That's the last thing on the list, then we're done.", None, False),
    (
        "It happens all the time on that route, the bus just skips the stop.",
        "How often does the bus skip it?",
        False,
    ),
    ("You shouldn't have any trouble logging in now.", None, False),
]


@pytest.mark.parametrize(("text", "prev", "expected"), SYMPATHY)
def test_sympathy_round4(labels: Tagger, text: str, prev: str | None, expected: bool) -> None:
    assert ("sympathy" in labels(text, prev)) is expected


# Apology: owning a fault without the stock phrases ("that's our failing", "a slip on our
# side", "I shouldn't have put it that way", "sorry we've kept you waiting"); against
# "it's on us" = we pay, "unfortunately", pardon and sorry-for-the-situation.
APOLOGY = [
    ("That's our failing, the note never reached the engineer.", True),
    ("There was a slip on our side with the booking date.", True),
    ("You're right, I shouldn't have put it like that.", True),
    ("I should have explained the fee before you signed up.", True),
    ("It shouldn't have, and that's not the service we aim for.", True),
    ("So this is most likely on our end after last night's update.", True),
    ("I'm really sorry we've left you without heating all weekend.", True),
    ("Sorry, that came out a bit harsh.", True),
    ("Honestly that's a lapse on our side, the note was never passed on.", True),
    # not apology
    ("Unfortunately the warranty ended in March.", False),
    ("Sorry, did you say the 14th or the 40th?", False),
    ("I'm so sorry to hear about your dad.", False),
    ("If the part fails again in the first year, the repair's on us.", False),
    ("You shouldn't have any trouble with it now.", False),
    ("I can see it's been fixed on our side since this morning.", False),
]


@pytest.mark.parametrize(("text", "expected"), APOLOGY)
def test_apology_round4(labels: Tagger, text: str, expected: bool) -> None:
    assert ("apology" in labels(text, None)) is expected


# Solutions as a process or in the passive (AMB:passive-solution, AMB:process-solution),
# agent remedies with more verbs and self-help inside a turn;
# against a fault narrated in the passive, a diagnostic test and reporting to a team.
SOLUTION = [
    ("The overpayment gets credited to your card once the meter reading is in.", True),
    ("Your replacement handset is being dispatched from the Derby warehouse today.", True),
    ("so the fee will automatically be waived on the next cycle", True),
    ("The missed day comes off your next bill as a goodwill credit.", True),
    ("You're entitled to a delay repay payment for the cancelled train.", True),
    ("Right, that's reprocessed for you now.", True),
    ("I've flagged your account as a priority for the next crew.", True),
    ("I'll lodge the complaint with the insurer this afternoon.", True),
    ("I can submit a fresh application for you while we're on the phone.", True),
    ("For now, keep the freezer door shut and it'll hold for a good few hours.", True),
    ("in the app go to settings and turn off battery saver", True),
    ("If the agency rings again, just tell them it's in dispute. Don't pay anything yet.", True),
    # not solution
    ("Your flight was cancelled by the airline on Monday.", False),
    ("The first payment got reversed by your bank, that's why it bounced.", False),
    ("Have you tried a speed test while the laptop's on a cable?", False),
    ("We've flagged the issue to the product team for their next review.", False),
    ("The payment's gone through twice, I can see both.", False),
    ("Will that be refunded to the same card?", False),
]


@pytest.mark.parametrize(("text", "expected"), SOLUTION)
def test_solution_round4(labels: Tagger, text: str, expected: bool) -> None:
    assert ("solution" in labels(text, None)) is expected


# Expectation: a span counted from an event (AMB:event-anchored-span), hoped-for and
# estimated times, clock times in words, the bill or pay packet it shows on; against a time
# inside a condition, an offer not yet taken and a past date.
EXPECTATION = [
    ("The driver will text you about twenty minutes before he gets to you.", True),
    ("We're aiming to have the water back on by 4 this afternoon.", True),
    ("The current ETA for the engineer is 3 pm.", True),
    ("you'll get the confirmation within seventy two hours", True),
    ("i'll message you by three o'clock with the answer", True),
    ("I'll update the ticket every 30 minutes until it's fixed.", True),
    ("You should see the refund on your next payslip.", True),
    ("Talk to you on the 12th, then.", True),
    ("You'll get a text in the next few minutes.", True),
    # not expectation
    ("If you can send the meter photo by Friday, we'd adjust the bill.", False),
    ("I can book you in for Tuesday at 10, would that suit?", False),
    ("The parcel was scanned at the depot on the 3rd.", False),
    ("It usually takes me about five minutes to walk there.", False),
]


@pytest.mark.parametrize(("text", "expected"), EXPECTATION)
def test_expectation_round4(labels: Tagger, text: str, expected: bool) -> None:
    assert ("expectation" in labels(text, None)) is expected


# Thanking for what the customer did ("appreciate you bearing with us"), an obligation with
# an adverb ("you'll just need to"), "you're saying" anywhere in the turn; against an
# acknowledged feeling, "thanks to", a negated obligation and "if you're saying".
SMALL_KINDS = [
    ("I really appreciate you waiting while I checked.", "thanking", True),
    ("appreciate you sticking with us on this one", "thanking", True),
    ("I appreciate you're worried about the cost.", "thanking", False),
    ("Thanks to the new app, the refund goes through faster.", "thanking", False),
    ("You'll just need to bring the card to the branch.", "demanding", True),
    ("You'll still need to sign the mandate before we can start.", "demanding", True),
    ("That doesn't mean you have to pay the whole thing now.", "demanding", False),
    ("You'd have to ask the landlord about that one.", "demanding", False),
    ("okay right so you're saying the boiler cut out twice overnight", "restating", True),
    ("I'm not sure if you're saying the first or the second invoice.", "restating", False),
]


@pytest.mark.parametrize(("text", "behaviour", "expected"), SMALL_KINDS)
def test_small_kinds_round4(labels: Tagger, text: str, behaviour: str, expected: bool) -> None:
    prev = "The boiler cut out twice last night and the house was freezing."
    assert (behaviour in labels(text, prev)) is expected


# Requests for one fact with a request verb are closed ("can you tell me his full name",
# "tell me roughly when"); a yes/no question run on in an ASR row is closed over a longer
# tail; requests to explain stay open.
QUESTIONS = [
    ("Could you tell me roughly when you posted the form?", {"closed_question"}),
    ("Can you tell me her full name as it's on the policy?", {"closed_question"}),
    ("can you please tell me the reference number of the payment", {"closed_question"}),
    ("Can you tell me what happened when the engineer arrived?", {"open_question"}),
    (
        "right let me look um did you send us the signed copy of the lease last week",
        {"closed_question"},
    ),
    ("oh that's a pain with the school run can i get the postcode there", {"closed_question"}),
    ("okay so i can take the payment now and it'll clear by friday", set()),
]


@pytest.mark.parametrize(("text", "expected"), QUESTIONS)
def test_questions_round4(labels: Tagger, text: str, expected: set[str]) -> None:
    assert labels(text, None) & {"open_question", "closed_question"} == expected


# Late additions: sorry for the feeling caused, "of all days", "you shouldn't be stuck";
# a slot offered with "do"; getting the customer seen.
LATE_KINDS = [
    ("I'm sorry for all the stress the letter must have caused.", "sympathy", True),
    ("And it went down on a Friday night of all nights.", "sympathy", True),
    ("You shouldn't be left without hot water over a weekend.", "sympathy", True),
    ("Sorry for the inconvenience, the page is back up.", "sympathy", False),
    ("You shouldn't be charged for the second month.", "sympathy", False),
    ("I can do Thursday the 9th at half ten, would that suit?", "solution", True),
    ("I'd like to get you back in for a proper fitting next week.", "solution", True),
    (
        "We'll get you back in once the password is reset, what browser are you on?",
        "solution",
        False,
    ),
    ("I can do the paperwork side but the tenant has to sign.", "solution", False),
]


@pytest.mark.parametrize(("text", "behaviour", "expected"), LATE_KINDS)
def test_late_kinds_round4(labels: Tagger, text: str, behaviour: str, expected: bool) -> None:
    assert (behaviour in labels(text, None)) is expected
