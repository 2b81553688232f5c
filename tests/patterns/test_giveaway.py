"""Give-away: compensation as the first move, or worth more than the stated loss."""

from __future__ import annotations

import pytest
from pattern_builders import call, dev_call, dev_call_ids, dev_dir_or_skip, manual_labels, utt

from verbalkit.patterns import detect, detect_give_away
from verbalkit.schema import AnalysedCall, PatternEvent


def give_away(c: AnalysedCall) -> list[PatternEvent]:
    return detect_give_away(c).events


def test_sv_first_move_and_above_loss() -> None:
    c = call(
        "sv",
        [
            utt(0, "agent", "Hej, Hemelektronik, Karin.", 0.0, 2.0),
            utt(
                1,
                "customer",
                "Hej, laddsladden saknades i lådan, den kostar 149 kronor.",
                2.5,
                7.0,
                ["problem"],
            ),
            utt(
                2,
                "agent",
                "Då lägger jag ett presentkort på 500 kronor på ditt konto.",
                7.3,
                11.0,
                ["solution"],
            ),
            utt(3, "customer", "Oj. Men sladden då?", 11.5, 13.0),
            utt(
                4,
                "agent",
                "Den skickar jag också, och 200 kronor extra för besväret.",
                13.3,
                17.0,
                ["solution"],
            ),
        ],
    )
    (event,) = give_away(c)
    assert event.pattern == "give_away"
    assert event.details["reasons"] == ["first_move", "above_loss"]
    assert event.details["loss"] == 149.0
    assert event.details["offer"] == 700.0
    assert event.details["currency"] == "SEK"
    assert event.details["ratio"] == pytest.approx(4.7, abs=0.01)
    assert "offered 700 kr against a stated loss of 149 kr (4.7×)" in event.message
    assert event.utterances == [1, 2, 4]
    assert event.start == 2.5


def test_sv_refund_of_exact_loss_after_listening_is_not_give_away() -> None:
    c = call(
        "sv",
        [
            utt(
                0,
                "customer",
                "Mjölken var sur när den kom och jag fick slänga den.",
                tags=["problem"],
            ),
            utt(
                1,
                "agent",
                "Usch, vad tråkigt. Hur många paket gällde det?",
                tags=["sympathy", "open_question"],
            ),
            utt(2, "customer", "Tre paket, det var för 57 kronor.", tags=[]),
            utt(3, "agent", "Jag återbetalar 57 kronor till ditt kort.", tags=["solution"]),
        ],
    )
    assert give_away(c) == []


def test_sv_above_loss_after_listening() -> None:
    c = call(
        "sv",
        [
            utt(
                0, "customer", "Burken med räkor saknades, den kostade 80 kronor.", tags=["problem"]
            ),
            utt(
                1,
                "agent",
                "Vad tråkigt att höra. Vad hade du tänkt laga?",
                tags=["sympathy", "open_question"],
            ),
            utt(2, "customer", "Räksmörgåsar till mammas födelsedag.", tags=[]),
            utt(3, "agent", "Jag lägger in 200 kronor i tillgodo åt dig.", tags=["solution"]),
        ],
    )
    (event,) = give_away(c)
    assert event.details["reasons"] == ["above_loss"]
    assert event.message == "offered 200 kr against a stated loss of 80 kr (2.5×)"


def test_en_first_move_without_amounts() -> None:
    c = call(
        "en",
        [
            utt(
                0,
                "customer",
                "My broadband has dropped out every evening this week.",
                tags=["problem"],
            ),
            utt(
                1,
                "agent",
                "I'll put a free month on your account straight away.",
                tags=["solution"],
            ),
        ],
    )
    (event,) = give_away(c)
    assert event.details["reasons"] == ["first_move"]
    assert "free month" in event.message
    assert "loss" not in event.details


def test_en_voucher_against_small_loss() -> None:
    c = call(
        "en",
        [
            utt(
                0,
                "customer",
                "The butter was missing from my order, it was £2.10.",
                tags=["problem"],
            ),
            utt(
                1,
                "agent",
                "Sorry! I'll add a £25 voucher and refund the £2.10.",
                tags=[("apology", "Sorry!"), ("solution", "I'll add a £25 voucher")],
            ),
        ],
    )
    (event,) = give_away(c)
    assert event.details["reasons"] == ["first_move", "above_loss"]
    assert event.details["offer"] == pytest.approx(27.1)
    assert "offered £27.10 against a stated loss of £2.10 (12.9×)" in event.message


def test_en_refund_of_exact_loss_after_restating() -> None:
    c = call(
        "en",
        [
            utt(0, "customer", "You charged me twice for the same £12.99 order.", tags=["problem"]),
            utt(
                1,
                "agent",
                "So the £12.99 went out twice on the same day?",
                tags=["restating", "closed_question"],
            ),
            utt(2, "customer", "Yes, on Monday.", tags=[]),
            utt(3, "agent", "I'll refund the extra £12.99 now.", tags=["solution"]),
        ],
    )
    assert give_away(c) == []


def test_premature_fix_without_compensation_is_not_give_away() -> None:
    c = call(
        "en",
        [
            utt(0, "customer", "My password reset email never arrives.", tags=["problem"]),
            utt(1, "agent", "I'll send you a new reset link by text.", tags=["solution"]),
        ],
    )
    assert give_away(c) == []


def test_price_is_not_an_offer() -> None:
    c = call(
        "sv",
        [
            utt(
                0,
                "customer",
                "Internet är jättesegt, jag betalar 399 kronor i månaden.",
                tags=["problem"],
            ),
            utt(1, "agent", "Vad hände när du startade om routern?", tags=["open_question"]),
            utt(2, "customer", "Ingenting.", tags=[]),
            utt(
                3,
                "agent",
                "Vårt snabbare abonnemang kostar 499 kronor i månaden.",
                tags=["solution"],
            ),
        ],
    )
    assert give_away(c) == []


def test_different_currencies_are_not_compared() -> None:
    c = call(
        "en",
        [
            utt(
                0,
                "customer",
                "The hotel charged me 80 euros for a room I cancelled.",
                tags=["problem"],
            ),
            utt(1, "agent", "What did the hotel say when you called them?", tags=["open_question"]),
            utt(2, "customer", "They said to ask you.", tags=[]),
            utt(3, "agent", "I'll credit £90 to your account.", tags=["solution"]),
        ],
    )
    assert give_away(c) == []


def test_untimed_event_has_no_start() -> None:
    c = call(
        "sv",
        [
            utt(0, "customer", "Pizzan kom kall och kostade 120 kronor.", tags=["problem"]),
            utt(1, "agent", "Du får 300 kronor i tillgodo.", tags=["solution"]),
        ],
    )
    (event,) = give_away(c)
    assert event.start is None


def test_detect_includes_give_away() -> None:
    c = call(
        "sv",
        [
            utt(0, "customer", "Pizzan kom kall och kostade 120 kronor.", tags=["problem"]),
            utt(1, "agent", "Du får 300 kronor i tillgodo.", tags=["solution"]),
        ],
    )
    patterns = [e.pattern for e in detect(c).events]
    assert "give_away" in patterns and "premature_solution" in patterns


# -- dev calls ---------------------------------------------------------------------------


@pytest.mark.parametrize("call_id", dev_call_ids() or ["(no dev data)"])
def test_dev_calls_agree_with_manual_labels(call_id: str) -> None:
    dev = dev_dir_or_skip()
    c = dev_call(dev, call_id)
    expected = manual_labels(dev)[call_id]["give_away"] == "1"
    events = give_away(c)
    assert bool(events) == expected, [e.message for e in events]


def test_dev_sv_d01_exact_refund_is_compared() -> None:
    """sv-d01 refunds exactly what was lost: the comparison runs and finds no give-away."""
    dev = dev_dir_or_skip()
    from verbalkit.patterns.giveaway import GIVE_AWAY_RATIO
    from verbalkit.patterns.money import find_amounts

    c = dev_call(dev, "sv-d01")
    customer = [
        a.value for u in c.utterances if u.speaker == "customer" for a in find_amounts(u.text, "sv")
    ]
    agent = [
        a.value
        for u in c.utterances
        if u.speaker == "agent"
        for a in find_amounts(u.text, "sv")
        if a.compensation
    ]
    assert customer and agent and customer == agent
    assert GIVE_AWAY_RATIO == 1.0
    assert give_away(c) == []


def test_explaining_first_then_a_small_discount_is_not_a_first_move() -> None:
    c = call(
        "en",
        [
            utt(0, "customer", "My bill has doubled and I can't afford it.", tags=["problem"]),
            utt(
                1,
                "agent",
                "I'm sorry to hear that. So what happens is we review the payments twice a "
                "year. What I can do is set up a payment plan, and paperless billing gives "
                "you a small discount.",
                tags=[
                    ("sympathy", "I'm sorry to hear that."),
                    ("solution", "What I can do is set up a payment plan"),
                ],
            ),
        ],
    )
    assert give_away(c) == []


def test_sympathy_then_voucher_is_a_first_move() -> None:
    c = call(
        "en",
        [
            utt(0, "customer", "The cake arrived squashed, the party is ruined.", tags=["problem"]),
            utt(
                1,
                "agent",
                "Oh no. I'll put a £40 voucher on your account right away.",
                tags=[("sympathy", "Oh no."), ("solution", "I'll put a £40 voucher")],
            ),
        ],
    )
    (event,) = give_away(c)
    assert event.details["reasons"] == ["first_move"]


# A refund gives back what was lost; as the first move it puts things right and gives
# nothing away. Goodwill first (a credit, a voucher, free months) is a give-away even when
# it is worth less than the loss or comes with a refund.
FIRST_MOVES = [
    ("en", "I'll refund the two missing items straight away, £9.40 in total.", False),
    ("en", "What we can do is a partial refund on the portion that never arrived.", False),
    ("en", "You'll get your money back on the card within five days.", False),
    ("en", "I'll pop a £20 credit on your account for next time.", True),
    ("en", "I can give you two free weeks on the subscription.", True),
    ("en", "I'll refund the £45 and add a £10 voucher for the trouble.", True),
    ("sv", "Jag återbetalar de 349 kronorna direkt, de syns inom tre bankdagar.", False),
    ("sv", "Du får pengarna tillbaka på kortet i morgon.", False),
    ("sv", "Då lägger jag in två gratismånader på ditt medlemskap direkt.", True),
    ("sv", "Jag ger dig ett presentkort på 200 kronor och återbetalar avgiften.", True),
]


@pytest.mark.parametrize(("lang", "offer", "expected"), FIRST_MOVES)
def test_only_goodwill_as_the_first_move_gives_away(lang: str, offer: str, expected: bool) -> None:
    problem = {
        "en": "You charged me twice this month and half the order never came.",
        "sv": "Ni har dragit avgiften två gånger och halva beställningen kom aldrig.",
    }[lang]
    c = call(
        lang,
        [
            utt(0, "customer", problem, tags=["problem"]),
            utt(1, "agent", offer, tags=["solution"]),
        ],
    )
    events = give_away(c)
    assert bool(events) is expected
    if expected:
        assert events[0].details["reasons"] == ["first_move"]


@pytest.mark.parametrize(
    ("lang", "loss", "offer", "expected"),
    [
        # The loss given back and a gift on top is worth more than the loss, whatever the
        # units (per night, per day).
        (
            "sv",
            "Vi betalade 1 350 kronor per natt och sov inte alls.",
            "Jag återbetalar hela vistelsen och bjuder er på en ny helg.",
            True,
        ),
        (
            "en",
            "The cab cost me sixty bucks.",
            "We'll cover the sixty and take two hundred and fifty off your invoice.",
            True,
        ),
        (
            "en",
            "I paid £30 for the sheets.",
            "I'll refund the £30 and send a replacement free of charge.",
            False,
        ),
        (
            "sv",
            "Jag betalade 449 kronor två gånger.",
            "Jag återbetalar den ena dragningen på 449 kronor i dag.",
            False,
        ),
    ],
)
def test_refund_and_a_gift_on_top_gives_away(
    lang: str, loss: str, offer: str, expected: bool
) -> None:
    c = call(
        lang,
        [
            utt(0, "customer", loss, tags=["problem"]),
            utt(1, "agent", "Oh no, what happened?", tags=["open_question"]),
            utt(2, "customer", "It was like that all week."),
            utt(3, "agent", offer, tags=["solution"]),
        ],
    )
    events = give_away(c)
    assert bool(events) is expected
    if expected:
        assert (
            "refund_and_gift" in events[0].details["reasons"]
            or "above_loss" in (events[0].details["reasons"])
        )


@pytest.mark.parametrize(
    ("lang", "loss", "offer", "expected"),
    [
        (
            "sv",
            "Gymmet har varit stängt i fem dagar och jag betalar 449 i månaden.",
            "Jag lägger in en gratis månad på ditt medlemskap.",
            True,
        ),
        (
            "en",
            "I was locked out of my unit for two days, and I pay £120 a month.",
            "I'll waive next month's rent completely.",
            True,
        ),
        (
            "en",
            "The club was closed for ten days and I pay £45 a month.",
            "For the hassle I'll give you three months' free membership.",
            True,
        ),
        ("en", "We had no internet for three weeks.", "I'll add a free week to your plan.", False),
        (
            "sv",
            "Jag har varit medlem i tre år och nu är duschen trasig.",
            "Jag lägger in en gratis månad.",
            False,
        ),
    ],
)
def test_time_given_free_against_time_lost(
    lang: str, loss: str, offer: str, expected: bool
) -> None:
    c = call(
        lang,
        [
            utt(0, "customer", loss, tags=["problem"]),
            utt(1, "agent", "That's not good, what happened?", tags=["open_question"]),
            utt(2, "customer", "Nobody told us anything."),
            utt(3, "agent", offer, tags=["solution"]),
        ],
    )
    events = give_away(c)
    assert bool(events) is expected
    if expected:
        assert "above_loss_time" in events[0].details["reasons"]


def test_money_to_spend_next_time_is_a_gift_as_the_first_move() -> None:
    c = call(
        "sv",
        [
            utt(
                0,
                "customer",
                "Chauffören var otrevlig och släppte av oss på fel ställe.",
                tags=["problem"],
            ),
            utt(
                1,
                "agent",
                "Okej, då lägger jag in 300 kronor i appen som du kan använda på nästa resa.",
                tags=["solution"],
            ),
        ],
    )
    (event,) = give_away(c)
    assert event.details["reasons"] == ["first_move"]
