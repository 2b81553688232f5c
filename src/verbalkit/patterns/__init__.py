"""Call-level patterns: over-talking, premature solution, give-away.

:func:`detect` runs them all on an :class:`~verbalkit.schema.AnalysedCall` and returns
a new one with ``metrics``, ``events`` and ``warnings`` filled in.
"""

from __future__ import annotations

from verbalkit.patterns.common import PatternResult
from verbalkit.patterns.giveaway import detect_give_away
from verbalkit.patterns.money import Amount, find_amounts
from verbalkit.patterns.overtalk import detect_overtalk
from verbalkit.patterns.premature import Episode, detect_premature, problem_episodes
from verbalkit.schema import AnalysedCall
from verbalkit.vocab import Pattern

__all__ = [
    "Amount",
    "Episode",
    "PatternResult",
    "detect",
    "detect_give_away",
    "detect_overtalk",
    "detect_premature",
    "find_amounts",
    "problem_episodes",
]


def detect(call: AnalysedCall) -> AnalysedCall:
    """Find the call-level patterns in a tagged call.

    Metrics and events from an earlier run of :func:`detect` are replaced, others kept.

    Args:
        call: A call whose utterances carry their tags.

    Returns:
        A copy of ``call`` with the over-talking metrics, the pattern events
        (``interruption``, ``long_monologue``, ``premature_solution``, ``give_away``) in
        time order, and warnings about the input added.
    """
    results = [detect_overtalk(call), detect_premature(call), detect_give_away(call)]
    metrics = [m for r in results for m in r.metrics]
    events = sorted(
        (e for r in results for e in r.events),
        key=lambda e: (e.start is None, e.start or 0.0, min(e.utterances, default=0)),
    )
    names = {m.name for m in metrics}
    patterns = {p.value for p in Pattern}
    warnings = list(call.warnings)
    for r in results:
        warnings += [w for w in r.warnings if w not in warnings]
    return call.model_copy(
        update={
            "metrics": [m for m in call.metrics if m.name not in names] + metrics,
            "events": [e for e in call.events if e.pattern not in patterns] + events,
            "warnings": warnings,
        }
    )
