"""Tidy pandas tables from analysed calls: one row per tag, utterance, event or metric.

Column order is stable, ids are ``category``, seconds are floats. The same fields as the
JSON (``AnalysedCall.to_dict()``), so notebooks and scripts agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import pandas as pd

from verbalkit.schema import AnalysedCall
from verbalkit.vocab import BEHAVIOURS

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
EVENT_COLUMNS = ["call_id", "agent_id", "pattern", "utterances", "start", "end", "basis", "message"]
METRIC_COLUMNS = ["call_id", "agent_id", "name", "value", "basis"]
CATEGORIES = ("call_id", "agent_id", "language", "speaker", "label", "rule", "pattern", "name")


def _rows(call: AnalysedCall, kind: FrameKind) -> list[dict[str, object]]:
    base = {"call_id": call.call_id, "agent_id": call.agent_id}
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
            }
            for e in call.events
        ]
    return [{**base, "name": m.name, "value": m.value, "basis": m.basis} for m in call.metrics]


def frame(calls: Iterable[AnalysedCall], kind: FrameKind = "tags") -> pd.DataFrame:
    """One tidy table over many calls."""
    columns = {
        "tags": TAG_COLUMNS,
        "utterances": UTTERANCE_COLUMNS,
        "events": EVENT_COLUMNS,
        "metrics": METRIC_COLUMNS,
    }[kind]
    rows = [row for call in calls for row in _rows(call, kind)]
    df = pd.DataFrame(rows, columns=columns)
    for col in CATEGORIES:
        if col in df.columns:
            df[col] = df[col].astype("category")
    for col in ("start", "end", "value", "confidence"):
        if col in df.columns:
            df[col] = df[col].astype("float64")
    return df


def call_frame(call: AnalysedCall, kind: FrameKind = "tags") -> pd.DataFrame:
    """The table of one call (what ``AnalysedCall.to_frame`` returns)."""
    return frame([call], kind)
