"""verbalkit.patterns.detect: one entry point, a new call, re-runnable."""

from __future__ import annotations

from pattern_builders import turns

from verbalkit.patterns import detect
from verbalkit.patterns.overtalk import METRIC_NAMES
from verbalkit.schema import Metric

ROWS = [
    ("agent", 0.0, 2.0, "Hej, Elbolaget, Jonna."),
    ("customer", 2.5, 9.0, "Ni har dragit 140 kronor för mycket på fakturan och –", ["problem"]),
    ("agent", 8.0, 14.0, "Då krediterar jag 500 kronor direkt.", ["solution"]),
]


def test_returns_new_call_and_leaves_input_alone() -> None:
    c = turns("sv", ROWS)
    out = detect(c)
    assert out is not c
    assert c.metrics == [] and c.events == []
    assert [m.name for m in out.metrics] == list(METRIC_NAMES)
    assert {e.pattern for e in out.events} == {"interruption", "premature_solution", "give_away"}


def test_events_are_in_time_order() -> None:
    out = detect(turns("sv", ROWS))
    starts = [e.start for e in out.events]
    assert starts == sorted(s for s in starts if s is not None)


def test_rerun_replaces_its_own_results_and_keeps_others() -> None:
    extra = Metric(name="n_open_question", value=0.0, basis="words")
    c = turns("sv", ROWS).model_copy(update={"metrics": [extra], "warnings": ["read: note"]})
    once = detect(c)
    twice = detect(once)
    assert twice.metrics == once.metrics
    assert twice.events == once.events
    assert twice.metrics[0] == extra
    assert twice.warnings == ["read: note"]


def test_en_untimed_words_basis() -> None:
    out = detect(
        turns(
            "en",
            [("customer", 0, 0, "Where is my parcel?"), ("agent", 0, 0, "Let me check.")],
            timed=False,
        )
    )
    assert {m.basis for m in out.metrics if m.value is not None} == {"words"}
