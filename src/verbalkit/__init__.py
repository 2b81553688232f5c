"""verbalkit: tag what customer-service agents do with words, in Swedish and English.

>>> import verbalkit
>>> call = verbalkit.read("examples/sv-matkasse.json")   # doctest: +SKIP
>>> result = verbalkit.analyze(call)                      # doctest: +SKIP
>>> result.to_frame("tags")                               # doctest: +SKIP
>>> scored = verbalkit.score(result)                      # doctest: +SKIP
>>> print(scored.explain())                               # doctest: +SKIP

Nothing heavy is imported here: spaCy pipelines are built on first use, once per process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from verbalkit import _spacycli

# spaCy's command line (a third of `import spacy`) is imported only if something uses it.
_spacycli.defer()

__version__ = "0.1.0"

__all__ = [
    "AgentSummary",
    "AnalysedCall",
    "Behaviour",
    "Failure",
    "Results",
    "Scorecard",
    "ScoredCall",
    "Tag",
    "Transcript",
    "Utterance",
    "VerbalkitError",
    "__version__",
    "analyze",
    "analyze_many",
    "analyze_parallel",
    "compare_agents",
    "find_personal_data",
    "from_pandas",
    "load_results",
    "load_scorecard",
    "read",
    "read_many",
    "redact",
    "redact_call",
    "score",
    "score_folder",
    "score_many",
    "summarise_agents",
    "tag",
]

_LAZY = {
    "read": "verbalkit.io",
    "read_many": "verbalkit.io",
    "from_pandas": "verbalkit.io",
    "analyze": "verbalkit.analysis",
    "analyze_many": "verbalkit.analysis",
    "analyze_parallel": "verbalkit.parallel",
    "tag": "verbalkit.analysis",
    "AnalysedCall": "verbalkit.schema",
    "Failure": "verbalkit.schema",
    "Tag": "verbalkit.schema",
    "Transcript": "verbalkit.schema",
    "Utterance": "verbalkit.schema",
    "Behaviour": "verbalkit.vocab",
    "VerbalkitError": "verbalkit.errors",
    "score": "verbalkit.scoring.engine",
    "score_many": "verbalkit.scoring.engine",
    "load_scorecard": "verbalkit.scoring.scorecard",
    "Scorecard": "verbalkit.scoring.scorecard",
    "ScoredCall": "verbalkit.scoring.models",
    "summarise_agents": "verbalkit.scoring.agents",
    "compare_agents": "verbalkit.scoring.agents",
    "AgentSummary": "verbalkit.scoring.agents",
    "Results": "verbalkit.results",
    "score_folder": "verbalkit.results",
    "load_results": "verbalkit.results",
    "find_personal_data": "verbalkit.privacy.redact",
    "redact": "verbalkit.privacy.redact",
    "redact_call": "verbalkit.privacy.calls",
}

if TYPE_CHECKING:
    from verbalkit.analysis import analyze, analyze_many, tag
    from verbalkit.errors import VerbalkitError
    from verbalkit.io import from_pandas, read, read_many
    from verbalkit.parallel import analyze_parallel
    from verbalkit.privacy.calls import redact_call
    from verbalkit.privacy.redact import find_personal_data, redact
    from verbalkit.results import Results, load_results, score_folder
    from verbalkit.schema import AnalysedCall, Failure, Tag, Transcript, Utterance
    from verbalkit.scoring.agents import AgentSummary, compare_agents, summarise_agents
    from verbalkit.scoring.engine import score, score_many
    from verbalkit.scoring.models import ScoredCall
    from verbalkit.scoring.scorecard import Scorecard, load_scorecard
    from verbalkit.vocab import Behaviour


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'verbalkit' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
