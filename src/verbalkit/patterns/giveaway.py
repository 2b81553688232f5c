"""Give-away (*ge bort butiken*): compensation as the first move, or worth more than the loss.

A call has a ``give_away`` event when either holds:

* **first move**: the agent's first ``solution`` after a problem statement (see
  :mod:`verbalkit.patterns.premature`) offers goodwill compensation (a voucher, credit,
  discount, free month, presentkort, tillgodo, rabatt…, with or without an amount) as the
  agent's first move: the first sentence that is more than sympathy, apology or thanks.
  A refund alone (återbetalning, money back) gives back what was lost: as a first move it
  puts things right and gives nothing away;
* **above the loss**: the customer states a loss and the agent's compensation in the
  same currency is worth more than :data:`GIVE_AWAY_RATIO` times it (80 kr jar,
  200 kr credit);
* **refund and gift**: the customer states a loss and the agent both gives it back (a
  refund, "we'll cover the £60") and adds a gift (a voucher, free nights, a discount), so
  the offer is worth more than the loss whatever units the amounts are said in;
* **refund and replacement**: the customer states a loss and the agent gives it back and,
  said as an addition, sends the goods again ("I'll refund the £34 and send you six new
  ones as well");
* **time above the loss**: the agent gives more free time than the customer says was lost
  ("a free month" for "closed five days"; :mod:`verbalkit.patterns.duration`) or than the
  agent's remedy says it is for ("for the three days you couldn't watch, three free
  months"), or, when the
  customer says no time lost but a price per period ("129 kr i månaden"), more than one
  such period (three free months for an app down since Saturday).

The *loss* is the money the customer mentions in a problem context: amounts in
customer utterances tagged ``problem``/``emotion``, or said before the agent's first
compensation amount. The *offer* is the sum of the compensation amounts the agent
names (money, not percentages). The same value mentioned twice by one side counts
once ("the £3.20 … yes, the £3.20"). Refunding exactly what was lost is not a
give-away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import JsonValue

from verbalkit.patterns.common import PatternResult, in_time_order
from verbalkit.patterns.duration import compensated_days, free_days, lost_days, rate_days
from verbalkit.patterns.money import (
    Amount,
    find_amounts,
    format_amount,
    gives_back,
    gives_back_and_gifts,
    names_a_gift,
    offers_goodwill,
    refunds_and_replaces,
)
from verbalkit.patterns.premature import problem_episodes
from verbalkit.schema import AnalysedCall, AnalysedUtterance, PatternEvent
from verbalkit.vocab import Behaviour, Pattern, Role, Signal

#: The offer must be worth more than this many times the stated loss.
GIVE_AWAY_RATIO = 1.0

_PROBLEM_LABELS = frozenset({Signal.PROBLEM.value, Signal.EMOTION.value})


@dataclass(frozen=True)
class _Said:
    utt: AnalysedUtterance
    amount: Amount


def detect_give_away(call: AnalysedCall) -> PatternResult:
    """Find a give-away in one call.

    Args:
        call: A tagged call (the ``solution`` and listening tags decide the first move;
            amounts are read from the text in the call's language).

    Returns:
        At most one ``give_away`` event; its details hold ``reasons`` (``first_move``,
        ``above_loss``, ``refund_and_gift``, ``refund_and_replacement``, ``above_loss_time``),
        ``loss``, ``offer``, ``currency`` and ``ratio`` when known.

    >>> from verbalkit.schema import AnalysedCall, AnalysedUtterance
    >>> call = AnalysedCall(call_id="x", language="sv", has_timestamps=False, utterances=[
    ...     AnalysedUtterance(index=0, speaker="customer",
    ...                       text="Burken med räkor saknades, den kostade 80 kr."),
    ...     AnalysedUtterance(index=1, speaker="agent",
    ...                       text="Jag lägger in 200 kr i tillgodo på ditt konto.")])
    >>> detect_give_away(call).events[0].message
    'offered 200 kr against a stated loss of 80 kr (2.5×)'
    """
    ordered, _ = in_time_order(call)
    said = [
        _Said(u, a)
        for u in ordered
        if u.speaker in (Role.AGENT, Role.CUSTOMER)
        for a in find_amounts(u.text, call.language)
    ]
    # Looked up per utterance and episode: by position and by utterance, not by a scan of the
    # call each time (quadratic in calls with many utterances).
    position: dict[int, int] = {}
    for i, u in enumerate(ordered):
        position.setdefault(id(u), i)
    said_in: dict[int, list[_Said]] = {}
    for s in said:
        said_in.setdefault(id(s.utt), []).append(s)

    # First move: the first thing the agent does about the problem is to offer
    # compensation. A quick "Oh no, sorry" before the voucher is not a move; an explanation,
    # a question or another remedy first is (en-d03 explains, then offers a payment plan).
    first_moves = [
        ep
        for ep in problem_episodes(call)
        if ep.solution is not None
        and _first_move_offers(
            ordered, position[id(ep.problem)], ep.solution, said_in, call.language
        )
    ]

    offers = [
        s
        for s in said
        if s.utt.speaker is Role.AGENT
        and s.amount.compensation
        and s.amount.kind == "money"
        and s.amount.value is not None
    ]
    first_offer = offers[0].utt if offers else None
    before_offer = set()
    for u in ordered:
        if u is first_offer:
            break
        before_offer.add(u.index)
    losses = [
        s
        for s in said
        if s.utt.speaker is Role.CUSTOMER
        and s.amount.kind == "money"
        and s.amount.value is not None
        and (s.utt.index in before_offer or s.utt.labels & _PROBLEM_LABELS)
    ]

    currency, loss, offer = _compare(losses, offers)
    above = loss is not None and offer is not None and offer > loss * GIVE_AWAY_RATIO + 0.005
    # The loss given back and a gift on top ("I'll refund the full £170 and put two VIP
    # upgrades on", "vi står för taxin och drar av 250 på fakturan") is worth more than the
    # loss, whatever units the amounts come in (per night, per day, per month).
    remedies = [
        u for u in ordered if u.speaker is Role.AGENT and Behaviour.SOLUTION.value in u.labels
    ]
    texts = [u.text for u in remedies]
    # Free time in each remedy (read once: the gift and the time comparison both use it).
    free = [] if above else [d for t in texts if (d := free_days(t)) is not None]
    # Free time on top counts as the gift however it is phrased ("den stryker jag. Och så får
    # du tre månader utan månadsavgift").
    gift = (
        bool(losses)
        and not above
        and (gives_back_and_gifts(texts) or (gives_back(texts) and bool(free)))
    )
    # The loss given back and the goods replaced as well ("I'll refund the £34 and send you
    # six new ones as well"): put right twice over.
    replaced = (
        bool(losses)
        and not above
        and not gift
        and any(refunds_and_replaces(u.text) for u in remedies)
    )
    # Time given against time lost: "a free month" for "closed five days".
    # (Customer turns are read for time lost only when free time was given.)
    given_time = float(sum(free))
    lost_time = [
        d
        for u in (ordered if given_time else ())
        if u.speaker is Role.CUSTOMER
        and (u.index in before_offer or u.labels & _PROBLEM_LABELS)
        and (d := lost_days(u.text)) is not None
    ]
    # The agent's own account of the time lost, in the remedy: "for the three days you
    # couldn't watch, I've added three free months", "för de fyra dagarna…".
    lost_time += [d for u in (remedies if given_time else ()) if (d := compensated_days(u.text))]
    # No time lost said, but a price per period ("129 spänn i månaden"): one failure of a
    # service paid by the period costs at most that period, so more free time than one
    # period (three free months for an app down since Saturday) is more than the loss.
    per_period = (
        []
        if lost_time or not given_time
        else [
            d
            for u in ordered
            if u.speaker is Role.CUSTOMER
            and (u.index in before_offer or u.labels & _PROBLEM_LABELS)
            and (d := rate_days(u.text)) is not None
        ]
    )
    bound = lost_time or per_period
    more_time = bool(bound) and given_time > max(bound) + 0.5
    if not (first_moves or above or gift or replaced or more_time):
        return PatternResult()

    parts: list[str] = []
    reasons: list[JsonValue] = []
    involved: set[int] = set()
    details: dict[str, JsonValue] = {}
    if first_moves:
        ep = first_moves[0]
        assert ep.solution is not None
        offered = [s.amount.text for s in said if s.utt is ep.solution and s.amount.compensation]
        parts.append(
            f"compensation is the agent's first move after the problem (#{ep.problem.index}): "
            f"#{ep.solution.index} offers {', '.join(repr(t) for t in offered) or 'free time'}"
        )
        reasons.append("first_move")
        involved |= {ep.problem.index, ep.solution.index}
        details |= {
            "first_move_utterance": ep.solution.index,
            "problem_utterance": ep.problem.index,
            "problem_basis": ep.problem_basis,
        }
    if loss is not None and offer is not None:
        ratio = offer / loss if loss > 0 else None
        times = f" ({ratio:.1f}×)" if ratio is not None else ""
        if above or first_moves:
            parts.append(
                f"offered {format_amount(offer, currency)} against a stated loss of "
                f"{format_amount(loss, currency)}{times}"
            )
        if above:
            reasons.append("above_loss")
        involved |= {s.utt.index for s in offers if s.amount.currency == currency}
        involved |= {s.utt.index for s in losses if s.amount.currency == currency}
        details |= {
            "loss": loss,
            "offer": offer,
            "currency": currency,
            "ratio": None if ratio is None else round(ratio, 2),
        }
    if more_time:
        lost = max(bound)
        if lost_time:
            parts.append(f"{given_time:g} days given free against {lost:g} days lost")
        else:
            parts.append(
                f"{given_time:g} days given free; the customer pays by a period of {lost:g} days"
            )
        reasons.append("above_loss_time")
        details |= {"lost_days": lost, "free_days": given_time}
    if gift:
        parts.append("the stated loss is given back and a gift comes on top of it")
        reasons.append("refund_and_gift")
        involved |= {u.index for u in remedies} | {s.utt.index for s in losses}
    if replaced:
        parts.append("the stated loss is given back and the goods are sent again as well")
        reasons.append("refund_and_replacement")
        involved |= {u.index for u in remedies} | {s.utt.index for s in losses}
    details["reasons"] = reasons
    details["offers"] = [
        {"utterance": s.utt.index, "text": s.amount.text, "value": s.amount.value}
        for s in said
        if s.utt.speaker is Role.AGENT and s.amount.compensation
    ]
    indexes = sorted(involved)
    starts = [u.start for u in ordered if u.index in involved and u.start is not None]
    message = "; ".join(parts)
    return PatternResult(
        events=[
            PatternEvent(
                pattern=Pattern.GIVE_AWAY.value,
                utterances=indexes,
                start=min(starts) if starts else None,
                basis=None,
                message=message,
                details=details,
            )
        ]
    )


#: Tags that, alone in a short sentence, are not yet a move on the problem.
_NOT_A_MOVE = frozenset(
    {Behaviour.SYMPATHY.value, Behaviour.APOLOGY.value, Behaviour.THANKING.value}
)
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")


def _first_move_offers(
    ordered: list[AnalysedUtterance],
    problem_at: int,
    solution: AnalysedUtterance,
    said_in: dict[int, list[_Said]],
    lang: str,
) -> bool:
    """Whether the agent's first substantive sentence after the problem offers goodwill
    compensation (:func:`~verbalkit.patterns.money.offers_goodwill`).

    ``problem_at`` is the problem's position in ``ordered``; ``said_in`` holds the amounts
    of each utterance, by ``id``. Sentences carrying only sympathy, apology or thanks ("Oh
    no, I'm so sorry.") and short untagged ones ("Right.") are skipped; the first other
    sentence is the first move.
    """
    for u in (ordered[i] for i in range(problem_at + 1, len(ordered))):
        if u.speaker is not Role.AGENT:
            continue
        for match in _SENTENCE.finditer(u.text):
            lo, hi = match.span()
            labels = {t.label for t in u.tags if t.start < hi and t.end > lo}
            if labels <= _NOT_A_MOVE and (labels or len(match.group().split()) <= 4):
                continue
            # Goodwill, not a refund of the loss alone: giving back what was lost as the first
            # move puts it right; it gives nothing away.
            amounts = [s.amount for s in said_in.get(id(u), ()) if lo <= s.amount.start < hi]
            # A gift named in the sentence makes its money a gift too: "300 kronor i appen som
            # du kan använda på nästa resa".
            # Free time is goodwill however it is phrased ("då bjuder jag på hela nästa månad").
            return free_days(match.group()) is not None or (
                offers_goodwill(match.group(), lang)
                and any(
                    a.compensation or (a.kind == "money" and names_a_gift(match.group()))
                    for a in amounts
                )
            )
        if u is solution:
            break
    return False


def _compare(
    losses: list[_Said], offers: list[_Said]
) -> tuple[str | None, float | None, float | None]:
    """(currency, loss, offer) for the first currency both sides used."""
    # Grouped once: summing all losses again for each loss was quadratic in their number.
    lost: dict[str | None, list[_Said]] = {}
    for s in losses:
        lost.setdefault(s.amount.currency, []).append(s)
    offered: dict[str | None, list[_Said]] = {}
    for s in offers:
        offered.setdefault(s.amount.currency, []).append(s)
    for currency, mine in lost.items():  # in the order the losses name them
        if currency in offered:
            return currency, _distinct_sum(mine), _distinct_sum(offered[currency])
    return None, None, None


def _distinct_sum(items: Iterable[_Said]) -> float:
    """Sum of the distinct values: a value said again in a later turn counts once ("the
    £3.20 … yes, the £3.20"), but the same value twice in one turn is two amounts ("449 kr i
    mars och 449 i april"): each value counts as often as one turn names it at most."""
    counts: dict[float, dict[int, int]] = {}
    for s in items:
        if s.amount.value is not None:
            per_turn = counts.setdefault(s.amount.value, {})
            per_turn[id(s.utt)] = per_turn.get(id(s.utt), 0) + 1
    return round(sum(value * max(turns.values()) for value, turns in counts.items()), 2)
