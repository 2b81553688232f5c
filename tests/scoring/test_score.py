"""Per-call scoring: properties that must hold for any call, explanations, priorities."""

from __future__ import annotations

import csv
import functools
import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import verbalkit
from verbalkit.patterns import detect
from verbalkit.patterns.premature import detect_premature
from verbalkit.schema import (
    AnalysedCall,
    AnalysedUtterance,
    PatternEvent,
    Tag,
    Transcript,
    Utterance,
)
from verbalkit.scoring import ScoredCall, load_scorecard, parse_scorecard, score, score_many
from verbalkit.vocab import Role

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def shared_data() -> Path:
    """``../shared/data`` beside the checkout, or $VERBALKIT_SHARED_DATA (as in conftest)."""
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


@functools.cache
def base_calls() -> tuple[AnalysedCall, ...]:
    """The project's example calls, and the dev calls when the shared data is here."""
    transcripts = {".json", ".jsonl", ".csv", ".txt", ".vtt", ".srt"}
    paths = sorted(p for p in EXAMPLES.iterdir() if p.suffix in transcripts)
    dev = shared_data() / "dev" / "calls"
    if dev.is_dir():
        paths += sorted(dev.glob("*.json"))
    # A call with nothing to complain about: the feelings and solution stages do not apply.
    quiet = Transcript(
        call_id="quiet-booking",
        language="en",
        utterances=[
            Utterance(speaker="agent", text="Thanks for calling Northwind, how can I help?"),
            Utterance(speaker="customer", text="Hi, just checking my order number."),
            Utterance(speaker="agent", text="Of course, it's 4471. Anything else?"),
            Utterance(speaker="customer", text="No, thanks."),
        ],
    )
    calls = [verbalkit.analyze(verbalkit.read(p)) for p in paths]
    return (*calls, verbalkit.analyze(quiet))


def _tag(u: AnalysedUtterance, label: str) -> Tag:
    return Tag(label=label, start=0, end=len(u.text), text=u.text, rule="test", confidence=1.0)


def _with_tag(call: AnalysedCall, index: int, label: str) -> AnalysedCall:
    utts = [
        u.model_copy(update={"tags": [*u.tags, _tag(u, label)]}) if u.index == index else u
        for u in call.utterances
    ]
    return call.model_copy(update={"utterances": utts})


def _with_event(call: AnalysedCall, pattern: str, at: int) -> AnalysedCall:
    event = PatternEvent(pattern=pattern, utterances=[at], message=f"test {pattern}")
    return call.model_copy(update={"events": [*call.events, event]})


def _first_solution(call: AnalysedCall) -> int | None:
    return next(
        (u.index for u in call.utterances if u.speaker is Role.AGENT and "solution" in u.labels),
        None,
    )


def _overall(call: AnalysedCall) -> float:
    result = score(call).overall
    return -1.0 if result is None else result


# An index into base_calls(): the calls are analysed once, outside the strategies.
calls = st.integers(min_value=0, max_value=10_000)
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(
    i=calls,
    pick=st.integers(min_value=0),
    label=st.sampled_from(["open_question", "restating", "sympathy"]),
)
def test_listening_before_the_first_solution_never_lowers_the_score(
    i: int, pick: int, label: str
) -> None:
    call = base_calls()[i % len(base_calls())]
    first = _first_solution(call)
    agent = [
        u for u in call.utterances if u.speaker is Role.AGENT and (first is None or u.index < first)
    ]
    if not agent:
        return
    target = agent[pick % len(agent)]
    changed = detect(_with_tag(call, target.index, label))
    assert _overall(changed) >= _overall(call)


@PROPS
@given(
    i=calls,
    pick=st.integers(min_value=0),
    pattern=st.sampled_from(["premature_solution", "give_away", "interruption", "long_monologue"]),
)
def test_premature_solution_give_away_or_interruption_never_raise_it(
    i: int, pick: int, pattern: str
) -> None:
    call = base_calls()[i % len(base_calls())]
    agent = [u for u in call.utterances if u.speaker is Role.AGENT]
    at = agent[pick % len(agent)].index
    assert _overall(_with_event(call, pattern, at)) <= _overall(call)


@PROPS
@given(i=calls, pick=st.integers(min_value=0))
def test_a_solution_before_listening_never_raises_it(i: int, pick: int) -> None:
    """A solution tag moved before the listening: the premature solution it makes costs."""
    call = base_calls()[i % len(base_calls())]
    first = _first_solution(call)
    if first is None:
        return
    earlier = [u for u in call.utterances if u.speaker is Role.AGENT and u.index < first]
    if not earlier:
        return
    changed = _with_tag(call, earlier[pick % len(earlier)].index, "solution")
    premature = detect_premature(changed).events
    events = [e for e in call.events if e.pattern != "premature_solution"] + premature
    changed = changed.model_copy(update={"events": events})
    assert _overall(changed) <= _overall(call)


def test_a_stage_that_does_not_apply_changes_nothing() -> None:
    card = load_scorecard()
    checked = 0
    for call in base_calls():
        result = score(call, card)
        for stage in result.stages:
            if stage.applicable:
                continue
            checked += 1
            assert stage.score is None and stage.overall_points == 0
            assert all(i.overall_points == 0 for i in stage.indicators)
            without = card.model_copy(
                update={"stages": [s for s in card.stages if s.id != stage.id]}
            )
            assert score(call, without).overall == result.overall
            heavier = card.model_copy(
                update={
                    "stages": [
                        s.model_copy(update={"weight": 50.0}) if s.id == stage.id else s
                        for s in card.stages
                    ]
                }
            )
            assert score(call, heavier).overall == result.overall
    assert checked, "no example call has a stage that does not apply"


def test_stage_scores_add_up_to_the_explanation() -> None:
    """100 minus the points every indicator cost gives the score, per stage and overall."""
    for call in base_calls():
        result = score(call)
        if result.overall is None:
            continue
        lost = sum(s.overall_points for s in result.stages)
        assert result.overall == pytest.approx(100 - lost, abs=0.2)
        for stage in result.stages:
            if stage.applicable:
                assert stage.score is not None
                cost = sum(i.stage_points for i in stage.indicators)
                assert stage.score == pytest.approx(100 - cost, abs=0.2)
                by_indicator = sum(i.overall_points for i in stage.indicators)
                assert stage.overall_points == pytest.approx(by_indicator, abs=0.1)
        assert result.explain().startswith(("Totalt", "Overall"))


CUSTOM = """
name: thanks-only
version: 1
description: {sv: "Bara tack.", en: "Thanks only."}
stages:
  - id: thanks
    name: {sv: Tacka, en: Thank}
    description: {sv: "Tacka.", en: "Thank."}
    weight: 1
    indicators:
      - id: thanked
        name: {sv: Tackar, en: Thanks}
        behaviour: thanking
        direction: for
        target: 1
        weight: 3
      - id: jargon
        name: {sv: Fikonspråk, en: Jargon}
        behaviour: jargon
        measure: count
        direction: against
        limit: 4
        weight: 1
"""


def test_a_custom_scorecard_changes_results_as_written() -> None:
    card = parse_scorecard(CUSTOM, "thanks-only.yaml")
    for call in base_calls():
        thanked = any(u.speaker is Role.AGENT and "thanking" in u.labels for u in call.utterances)
        n_jargon = sum(
            1
            for u in call.utterances
            if u.speaker is Role.AGENT
            for t in u.tags
            if t.label == "jargon"
        )
        expected = 100 * (3 * float(thanked) + max(0.0, 1 - n_jargon / 4)) / 4
        result = score(call, card)
        assert result.scorecard == "thanks-only@1"
        assert [s.id for s in result.stages] == ["thanks"]
        assert result.overall == pytest.approx(expected, abs=0.051)  # rounded to 0.1


def test_scores_are_deterministic_and_serialise() -> None:
    call = base_calls()[0]
    a, b = score(call), score(call)
    assert a == b
    data = a.to_dict()
    assert data["scorecard"].startswith("LUSTFULL@")
    assert ScoredCall.model_validate(data) == a
    frame = a.to_frame("indicators")
    assert len(frame) == sum(len(s.indicators) for s in a.stages)
    assert set(a.to_frame("stages")["stage"]) == {s.id for s in a.stages}


def test_score_many_streams_and_keeps_failures() -> None:
    from verbalkit.schema import Failure

    bad = Failure(path="x.json", message="broken")
    out = list(score_many([bad, *base_calls()[:2]]))
    assert out[0] is bad
    assert [o.call_id for o in out[1:] if isinstance(o, ScoredCall)] == [
        c.call_id for c in base_calls()[:2]
    ]


def test_priorities_name_a_moment_in_the_calls_language() -> None:
    for call in base_calls():
        result = score(call)
        assert len(result.priorities) <= 3
        points = [p.points for p in result.priorities]
        assert points == sorted(points, reverse=True)
        for p in result.priorities:
            assert p.problem and p.problem[0].isupper()
            assert "{" not in p.problem and "{" not in (p.suggestion or "")
            if p.moment is not None:
                assert p.moment.utterance in {u.index for u in call.utterances}
                assert p.moment.quote
        for s in result.strengths:
            assert s.moment is not None and s.moment.quote


def _labels(data_dir: Path) -> dict[str, dict[str, str]]:
    with (data_dir / "dev" / "calls_manual_labels.csv").open(encoding="utf-8") as f:
        return {r["call_id"]: r for r in csv.DictReader(f)}


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rho (ties get their mean rank)."""
    a, b = _ranks(xs), _ranks(ys)
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    return cov / math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))


def test_default_scorecard_orders_dev_calls_like_the_coach(data_dir: Path) -> None:
    labels = _labels(data_dir)
    scores, coach = [], []
    for path in sorted((data_dir / "dev" / "calls").glob("*.json")):
        result = score(verbalkit.analyze(verbalkit.read(path)))
        assert result.overall is not None
        scores.append(result.overall)
        coach.append(float(labels[result.call_id]["listening_quality"]))
        if labels[result.call_id]["premature_solution"] == "1":
            # The coach marked a premature solution: it is what to fix first.
            assert result.priorities[0].key == "pattern:premature_solution", result.call_id
    assert spearman(scores, coach) >= 0.8
