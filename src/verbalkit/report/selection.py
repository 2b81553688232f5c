"""What both reports pick out: the calls a coach should open first, and agents' strengths.

:func:`worth_a_look` ranks scored calls by how much there is to coach in them: the lowest
overall score first; among equal scores, the call whose coaching priorities cost the most
points; then by call id (and source, so two files with the same call id still sort the same
way every run). A call without an overall score (no stage applied) has nothing to coach on
and comes last.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from verbalkit.scoring.models import ScoredCall

__all__ = [
    "RecurringStrength",
    "StrengthExample",
    "agent_strengths",
    "priority_points",
    "worth_a_look",
    "worth_a_look_key",
]


def priority_points(scored: ScoredCall) -> float:
    """Overall points the call's coaching priorities cost, summed (exact)."""
    return math.fsum(p.points for p in scored.priorities)


def worth_a_look_key(scored: ScoredCall) -> tuple[bool, float, float, str, str]:
    """The sort key of :func:`worth_a_look`: smaller is more worth a look."""
    no_score = scored.overall is None
    overall = math.inf if scored.overall is None else round(scored.overall, 6)
    return (
        no_score,
        overall,
        -round(priority_points(scored), 6),
        scored.call_id,
        scored.source or "",
    )


def worth_a_look(scored: Sequence[ScoredCall] | Iterable[ScoredCall], n: int) -> list[ScoredCall]:
    """The ``n`` calls most worth a coach's time, most worth it first.

    Lowest overall score first; ties go to the call whose priorities cost more points, then
    to the call id (then the source). Calls without an overall score come last. The order
    does not depend on the order of ``scored``. ``n`` of 0 or less gives an empty list.
    """
    if n <= 0:
        return []
    return heapq.nsmallest(n, scored, key=worth_a_look_key)


@dataclass(frozen=True, slots=True)
class StrengthExample:
    """One call where a strength showed, and the words that show it."""

    call_id: str
    quote: str
    start: float | None
    utterance: int | None


@dataclass(frozen=True, slots=True)
class RecurringStrength:
    """A strength that came up in some of an agent's calls, with its clearest example."""

    key: str
    n_calls: int
    of_calls: int
    examples: tuple[StrengthExample, ...]


def agent_strengths(
    scored: Iterable[ScoredCall], *, n_examples: int = 1
) -> dict[str, list[RecurringStrength]]:
    """Per agent id (``"(unknown)"`` for calls without one), the strengths of their calls.

    Most calls first, then the key; examples are taken from the agent's best-scoring calls
    (then by call id), so they show the move at its clearest. Deterministic.
    """
    from verbalkit.scoring.agents import UNKNOWN_AGENT

    by_agent: dict[str, list[ScoredCall]] = {}
    for s in scored:
        by_agent.setdefault(s.agent_id or UNKNOWN_AGENT, []).append(s)
    out: dict[str, list[RecurringStrength]] = {}
    for agent, calls in sorted(by_agent.items()):
        calls.sort(key=lambda c: (-(c.overall or 0.0), c.call_id, c.source or ""))
        found: dict[str, list[StrengthExample]] = {}
        counts: dict[str, int] = {}
        for c in calls:
            for key in dict.fromkeys(st.key for st in c.strengths):
                counts[key] = counts.get(key, 0) + 1
            for st in c.strengths:
                examples = found.setdefault(st.key, [])
                if (
                    st.moment is not None
                    and len(examples) < n_examples
                    and all(e.call_id != c.call_id for e in examples)
                ):
                    examples.append(
                        StrengthExample(
                            call_id=c.call_id,
                            quote=st.moment.quote,
                            start=st.moment.start,
                            utterance=st.moment.utterance,
                        )
                    )
        out[agent] = [
            RecurringStrength(
                key=key,
                n_calls=counts[key],
                of_calls=len(calls),
                examples=tuple(found.get(key, ())),
            )
            for key in sorted(counts, key=lambda k: (-counts[k], k))
        ]
    return out
