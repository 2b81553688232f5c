"""Call-level patterns: over-talking, premature solution, give-away.

:func:`detect` runs them all on an :class:`~verbalkit.schema.AnalysedCall` and returns
a new one with ``metrics``, ``events`` and ``warnings`` filled in.
"""

from __future__ import annotations

from verbalkit.patterns.common import PatternResult
from verbalkit.patterns.overtalk import detect_overtalk
from verbalkit.schema import AnalysedCall

__all__ = ["PatternResult", "detect", "detect_overtalk"]


def detect(call: AnalysedCall) -> AnalysedCall:
    """Find the call-level patterns in a tagged call.

    Metrics and events from an earlier run of :func:`detect` are replaced, others kept.

    Args:
        call: A call whose utterances carry their tags.

    Returns:
        A copy of ``call`` with over-talking metrics, pattern events and warnings added.
    """
    results = [detect_overtalk(call)]
    metrics = [m for r in results for m in r.metrics]
    events = [e for r in results for e in r.events]
    names = {m.name for m in metrics}
    patterns = {"interruption", "long_monologue", "premature_solution", "give_away"}
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
