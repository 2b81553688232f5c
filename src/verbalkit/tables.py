"""Tidy pandas tables from results: one row per tag, utterance, event, metric, stage …

Tables are their own layer: they read the result models (:mod:`verbalkit.schema`,
:mod:`verbalkit.scoring.models`) and the models reach them only through ``to_frame()``,
imported when called. Column order is stable, ids are ``category``, seconds and scores are
floats. The same fields as the JSON (``to_dict()``), so notebooks and scripts agree; every
row carries the call's ``team``, ``started_at`` and ``source`` at the end, so per-team and
per-date views need no join.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from verbalkit.schema import AnalysedCall
from verbalkit.vocab import BEHAVIOURS

if TYPE_CHECKING:
    import pandas as pd

    from verbalkit.scoring.models import ScoredCall

FrameKind = Literal["tags", "utterances", "events", "metrics"]

TAG_COLUMNS = [
    "call_id",
    "agent_id",
    "language",
    "utt_index",
    "speaker",
    "label",
    "start_char",
    "end_char",
    "text",
    "rule",
    "confidence",
    "suggestion",
]
UTTERANCE_COLUMNS = [
    "call_id",
    "agent_id",
    "language",
    "utt_index",
    "speaker",
    "speaker_label",
    "start",
    "end",
    "n_words",
    "text",
    *[b.value for b in BEHAVIOURS],
    "jargon",
    "emotion",
    "problem",
]
EVENT_COLUMNS = [
    "call_id",
    "agent_id",
    "pattern",
    "utterances",
    "start",
    "end",
    "basis",
    "message",
    "details",
]
METRIC_COLUMNS = ["call_id", "agent_id", "name", "value", "basis"]
#: Columns every table ends with: who the call belongs to, when, and where it came from.
CALL_COLUMNS = ["team", "started_at", "source"]
#: Id columns of the calls and utterances tables of ``verbalkit score`` stored as ``category``.
CALL_CATEGORIES = (
    "call_id",
    "agent_id",
    "team",
    "language",
    "speaker",
    "scorecard",
    "top_priority",
)
CATEGORIES = (
    "call_id",
    "agent_id",
    "team",
    "language",
    "speaker",
    "label",
    "rule",
    "pattern",
    "name",
    "stage",
    "key",
)


def _base(call: AnalysedCall | ScoredCall) -> dict[str, object]:
    """The columns every row starts (ids) and ends with (team, date, source)."""
    return {
        "call_id": call.call_id,
        "agent_id": call.agent_id,
        "team": call.team,
        "started_at": call.started_at,
        "source": call.source,
    }


def _rows(call: AnalysedCall, kind: FrameKind) -> list[dict[str, object]]:
    base = _base(call)
    if kind == "tags":
        return [
            {
                **base,
                "language": call.language,
                "utt_index": u.index,
                "speaker": u.speaker.value,
                "label": t.label,
                "start_char": t.start,
                "end_char": t.end,
                "text": t.text,
                "rule": t.rule,
                "confidence": t.confidence,
                "suggestion": t.suggestion,
            }
            for u in call.utterances
            for t in u.tags
        ]
    if kind == "utterances":
        rows: list[dict[str, object]] = []
        for u in call.utterances:
            counts = {label: 0 for label in UTTERANCE_COLUMNS[10:]}
            for t in u.tags:
                if t.label in counts:
                    counts[t.label] = 1 if t.label != "jargon" else counts[t.label] + 1
            rows.append(
                {
                    **base,
                    "language": call.language,
                    "utt_index": u.index,
                    "speaker": u.speaker.value,
                    "speaker_label": u.speaker_label,
                    "start": u.start,
                    "end": u.end,
                    "n_words": len(u.text.split()),
                    "text": u.text,
                    **counts,
                }
            )
        return rows
    if kind == "events":
        return [
            {
                **base,
                "pattern": e.pattern,
                "utterances": list(e.utterances),
                "start": e.start,
                "end": e.end,
                "basis": e.basis,
                "message": e.message,
                "details": dict(e.details),
            }
            for e in call.events
        ]
    return [{**base, "name": m.name, "value": m.value, "basis": m.basis} for m in call.metrics]


def _finish(rows: list[dict[str, object]], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    df = pd.DataFrame(rows, columns=[*columns, *CALL_COLUMNS])
    for col in CATEGORIES:
        if col in df.columns:
            df[col] = df[col].astype("category")
    for col in ("start", "end", "value", "confidence", "score", "weight", "points"):
        if col in df.columns:
            df[col] = df[col].astype("float64")
    for col in ("overall_points", "stage_points"):
        if col in df.columns:
            df[col] = df[col].astype("float64")
    df["started_at"] = pd.to_datetime(df["started_at"], utc=True)
    return df


def frame(calls: Iterable[AnalysedCall | ScoredCall], kind: FrameKind = "tags") -> pd.DataFrame:
    """One tidy table over many calls (analysed or scored: a scored call gives its analysis)."""
    columns = {
        "tags": TAG_COLUMNS,
        "utterances": UTTERANCE_COLUMNS,
        "events": EVENT_COLUMNS,
        "metrics": METRIC_COLUMNS,
    }[kind]
    rows = [
        row
        for call in calls
        for row in _rows(call if isinstance(call, AnalysedCall) else call.call, kind)
    ]
    df = _finish(rows, columns)
    if kind == "events":
        df = _flatten_details(df)
    return df


def _flatten_details(df: pd.DataFrame) -> pd.DataFrame:
    """Add a ``details.<key>`` column for every detail that is a plain value (a number, a
    string, a flag) in some event; lists and objects stay in ``details`` only."""
    keys: dict[str, None] = {}
    for details in df["details"]:
        for key, value in details.items():
            if isinstance(value, str | int | float | bool) or value is None:
                keys.setdefault(key, None)
    for key in sorted(keys):
        values = [
            d.get(key) if isinstance(d.get(key), str | int | float | bool) else None
            for d in df["details"]
        ]
        df[f"details.{key}"] = values
    return df


def call_frame(call: AnalysedCall, kind: FrameKind = "tags") -> pd.DataFrame:
    """The table of one call (what ``AnalysedCall.to_frame`` returns)."""
    return frame([call], kind)


# -- scores ---------------------------------------------------------------------------

ScoredKind = Literal["stages", "indicators", "priorities"]

STAGE_COLUMNS = [
    "call_id",
    "agent_id",
    "language",
    "scorecard",
    "stage",
    "name",
    "weight",
    "score",
    "applicable",
    "reason",
    "overall_points",
    "overall",
]
INDICATOR_COLUMNS = [
    "call_id",
    "agent_id",
    "stage",
    "indicator",
    "name",
    "source",
    "measure",
    "scope",
    "direction",
    "value",
    "score",
    "weight",
    "applicable",
    "reason",
    "stage_points",
    "overall_points",
]
PRIORITY_COLUMNS = [
    "call_id",
    "agent_id",
    "language",
    "rank",
    "key",
    "stages",
    "points",
    "utt_index",
    "start",
    "quote",
    "problem",
    "suggestion",
    "occurrences",
]


def _scored_rows(s: ScoredCall, kind: ScoredKind) -> list[dict[str, object]]:
    base = _base(s)
    if kind == "stages":
        return [
            {
                **base,
                "language": s.language,
                "scorecard": s.scorecard,
                "stage": st.id,
                "name": st.name,
                "weight": st.weight,
                "score": st.score,
                "applicable": st.applicable,
                "reason": st.reason,
                "overall_points": st.overall_points,
                "overall": s.overall,
            }
            for st in s.stages
        ]
    if kind == "indicators":
        return [
            {
                **base,
                "stage": r.stage,
                "indicator": r.id,
                "name": r.name,
                "source": r.source,
                "measure": r.measure,
                "scope": r.scope,
                "direction": r.direction,
                "value": r.value,
                "score": r.score,
                "weight": r.weight,
                "applicable": r.applicable,
                "reason": r.reason,
                "stage_points": r.stage_points,
                "overall_points": r.overall_points,
            }
            for st in s.stages
            for r in st.indicators
        ]
    return [
        {
            **base,
            "language": s.language,
            "rank": p.rank,
            "key": p.key,
            "stages": list(p.stages),
            "points": p.points,
            "utt_index": p.moment.utterance if p.moment is not None else None,
            "start": p.moment.start if p.moment is not None else None,
            "quote": p.moment.quote if p.moment is not None else None,
            "problem": p.problem,
            "suggestion": p.suggestion,
            "occurrences": p.occurrences,
        }
        for p in s.priorities
    ]


def scored_frame(scored: Iterable[ScoredCall], kind: ScoredKind = "stages") -> pd.DataFrame:
    """One tidy table of scores over many calls: per stage, per indicator or per priority.

    The indicator table is the explanation in table form: ``stage_points`` is what an
    indicator cost its stage (of 100), ``overall_points`` what it cost the overall score.
    """
    columns = {
        "stages": STAGE_COLUMNS,
        "indicators": INDICATOR_COLUMNS,
        "priorities": PRIORITY_COLUMNS,
    }[kind]
    rows = [row for s in scored for row in _scored_rows(s, kind)]
    df = _finish(rows, columns)  # pandas is imported there, only when a table is asked for
    if kind == "priorities":
        df["utt_index"] = df["utt_index"].astype("Int64")
    return df


# -- one row per call, one per utterance (for ``verbalkit score`` and Results) -------


def call_row(s: ScoredCall) -> dict[str, object]:
    """One call as a flat row: ids, team, date, language, scores per stage and overall,
    metrics, pattern counts (``<pattern>_events``), behaviour counts, the top priority.

    Behaviour counts are agent utterances carrying the behaviour; ``jargon`` counts spans.
    A stage that does not apply is ``None`` (NaN in a table), never 0.
    """
    from verbalkit.vocab import Pattern, Role

    call = s.call
    agent = [u for u in call.utterances if u.speaker is Role.AGENT]
    row: dict[str, object] = {
        "call_id": s.call_id,
        "agent_id": s.agent_id,
        "team": s.team,
        "started_at": s.started_at,
        "date": s.started_at.date().isoformat() if s.started_at is not None else None,
        "source": s.source,
        "language": s.language,
        "scorecard": s.scorecard,
        "n_utterances": len(call.utterances),
        "n_agent_turns": len(agent),
        "n_words": sum(len(u.text.split()) for u in call.utterances),
        "duration_s": None if call.duration_s is None else round(call.duration_s, 3),
        "has_timestamps": call.has_timestamps,
        "overall": s.overall,
    }
    for stage in s.stages:
        row[f"stage_{stage.id}"] = stage.score
    for m in call.metrics:
        row[m.name] = m.value
    for p in Pattern:
        row[f"{p.value}_events"] = sum(1 for e in call.events if e.pattern == p.value)
    for b in BEHAVIOURS:
        row[b.value] = sum(1 for u in agent if b.value in u.labels)
    row["jargon"] = sum(1 for u in agent for t in u.tags if t.label == "jargon")
    row["top_priority"] = s.priorities[0].key if s.priorities else None
    row["n_priorities"] = len(s.priorities)
    row["n_warnings"] = len(call.warnings)
    return row


def utterance_rows(call: AnalysedCall) -> list[dict[str, object]]:
    """The utterances of a call as rows, each with its tags as a list of dicts (evidence)."""
    rows = _rows(call, "utterances")
    for row, u in zip(rows, call.utterances, strict=True):
        row["tags"] = [
            {
                "label": t.label,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "rule": t.rule,
                "confidence": t.confidence,
                "suggestion": t.suggestion,
            }
            for t in u.tags
        ]
    return rows
