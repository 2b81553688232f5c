"""Scoring and coaching: the LUSTFULL scorecard, per-call priorities, per-agent comparison.

Scoring is its own stage. It reads analysed calls (:mod:`verbalkit.schema`) and is read by
the reports, never the other way round:

- :mod:`~verbalkit.scoring.scorecard`: the scorecard schema and loader (YAML, pydantic);
  ``lustfull.yaml`` beside it is the default scorecard, every choice commented;
- :mod:`~verbalkit.scoring.engine`: :func:`score` and :func:`score_many` (per call);
- :mod:`~verbalkit.scoring.coaching`: what went wrong and a better phrasing, from the
  per-language texts in the rule packs (``models/<lang>/coaching.yaml``);
- :mod:`~verbalkit.scoring.agents`: :func:`summarise_agents`, :func:`compare_agents`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "AgentSummary",
    "IndicatorResult",
    "Moment",
    "Priority",
    "Scorecard",
    "ScorecardError",
    "ScoredCall",
    "StageScore",
    "Strength",
    "compare_agents",
    "load_scorecard",
    "parse_scorecard",
    "score",
    "score_many",
    "summarise_agents",
]

_LAZY = {
    "AgentSummary": "verbalkit.scoring.agents",
    "compare_agents": "verbalkit.scoring.agents",
    "summarise_agents": "verbalkit.scoring.agents",
    "score": "verbalkit.scoring.engine",
    "score_many": "verbalkit.scoring.engine",
    "IndicatorResult": "verbalkit.scoring.models",
    "Moment": "verbalkit.scoring.models",
    "Priority": "verbalkit.scoring.models",
    "ScoredCall": "verbalkit.scoring.models",
    "StageScore": "verbalkit.scoring.models",
    "Strength": "verbalkit.scoring.models",
    "Scorecard": "verbalkit.scoring.scorecard",
    "ScorecardError": "verbalkit.scoring.scorecard",
    "load_scorecard": "verbalkit.scoring.scorecard",
    "parse_scorecard": "verbalkit.scoring.scorecard",
}

if TYPE_CHECKING:
    from verbalkit.scoring.agents import AgentSummary, compare_agents, summarise_agents
    from verbalkit.scoring.engine import score, score_many
    from verbalkit.scoring.models import (
        IndicatorResult,
        Moment,
        Priority,
        ScoredCall,
        StageScore,
        Strength,
    )
    from verbalkit.scoring.scorecard import (
        Scorecard,
        ScorecardError,
        load_scorecard,
        parse_scorecard,
    )


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'verbalkit.scoring' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
