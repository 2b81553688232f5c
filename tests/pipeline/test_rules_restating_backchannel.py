"""Restating after a backchannel: the customer's "Yeah." hands the turn back.

A kind found on real talk nobody here wrote (the AnnoMI development half): the client's
last turn is often only "Yeah." or "Mm-hmm.", and the reflection that follows sums up what
they said before it ("So you've got a lot on right now."). The rules looked for the
customer's words in the previous turn and found none. Now, when the previous turn only
acknowledges, a turn that opens with "So you…" or "You're / You feel / You want…" (after
at most "Okay." or "Right.") gives the customer's situation back: ``restating``.

Still not restating: the speaker's own story going on ("And you had to queue…"), "you"
meaning anyone ("you never know", "you have to restart it"), a next step or a consequence
("So you'll get an email tonight"), a
courtesy ("You're welcome"), "so you're not left wondering" in the middle of a turn (a
purpose clause), a second-person statement after a turn with content of its own that it
does not take up, and the same sentences after a question.

Every case is a line written for this file.
"""

from __future__ import annotations

import pytest

from verbalkit.analysis import tag_many


def restates(prev: str, text: str) -> bool:
    tags = next(tag_many([(text, prev)], "en", role="agent"))
    return any(t.label == "restating" for t in tags)


GIVEN_BACK = [
    ("Yeah.", "So you've been without heating since the weekend."),
    ("Mm-hmm.", "So your landlord hasn't answered any of the letters."),
    ("Yeah, yeah.", "Okay, so you're worried the bill will go up again."),
    ("Uh-huh.", "You're fed up with being passed from one team to the next."),
    ("Right.", "Right. You want the account closed before the next payment goes out."),
    ("I guess so.", "You don't feel anyone has listened so far."),
    ("That's right.", "So you've already paid the engineer twice."),
]


@pytest.mark.parametrize(("prev", "text"), GIVEN_BACK)
def test_a_summary_after_a_backchannel_restates(prev: str, text: str) -> None:
    assert restates(prev, text)


NOT_GIVEN_BACK = [
    ("Yeah.", "So you'll get an email from us tonight."),
    ("Okay.", "You're welcome."),
    ("Mm-hmm.", "I'll ring you on Friday once I've heard back so you're not left wondering."),
    ("Yeah.", "So you're right that the fee shouldn't have been taken, and I've refunded it."),
    # the previous turn has content of its own and this does not take any of it up
    ("I want to know when the parcel is coming.", "You're on the premium plan."),
    # the speaker's own story going on, and "you" meaning anyone
    ("Uh-huh.", "And you had to queue for an hour just to get a form."),
    ("Yeah.", "You never know with these old boilers."),
    ("Mm-hmm.", "So you have to restart it after every update."),
    # after a question, the agent answers; it does not sum anything up
    ("Is it still under warranty?", "So you've got another six months on it."),
]


@pytest.mark.parametrize(("prev", "text"), NOT_GIVEN_BACK)
def test_not_a_summary(prev: str, text: str) -> None:
    assert not restates(prev, text)
