"""Build AnalysedCalls by hand for the pattern tests, and find the shared dev data."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import pytest

from verbalkit.schema import AnalysedCall, AnalysedUtterance, Tag
from verbalkit.vocab import BEHAVIOURS

REPO_ROOT = Path(__file__).resolve().parents[2]

BEHAVIOUR_COLUMNS = [b.value for b in BEHAVIOURS]

# A tag is a label (span = the whole text) or (label, evidence) with the evidence found in
# the text (span = its first occurrence).
TagSpec = str | tuple[str, str]


def make_tag(text: str, spec: TagSpec) -> Tag:
    label, evidence = (spec, text) if isinstance(spec, str) else spec
    start = text.index(evidence)
    return Tag(
        label=label,
        start=start,
        end=start + len(evidence),
        text=evidence,
        rule="test.hand",
        confidence=1.0,
    )


def utt(
    index: int,
    speaker: str,
    text: str,
    start: float | None = None,
    end: float | None = None,
    tags: tuple[TagSpec, ...] | list[TagSpec] = (),
) -> AnalysedUtterance:
    return AnalysedUtterance(
        index=index,
        speaker=speaker,
        start=start,
        end=end,
        text=text,
        tags=[make_tag(text, t) for t in tags],
    )


def call(lang: str, utterances: list[AnalysedUtterance], call_id: str = "test") -> AnalysedCall:
    timed = bool(utterances) and all(u.start is not None for u in utterances)
    return AnalysedCall(call_id=call_id, language=lang, has_timestamps=timed, utterances=utterances)


def turns(lang: str, rows: list[tuple[Any, ...]], timed: bool = True) -> AnalysedCall:
    """A call from rows (speaker, start, end, text[, tags]); times dropped when not timed."""
    out = []
    for i, row in enumerate(rows):
        speaker, start, end, text = row[:4]
        tags = row[4] if len(row) > 4 else ()
        out.append(utt(i, speaker, text, start if timed else None, end if timed else None, tags))
    return call(lang, out)


# -- shared dev data ------------------------------------------------------------------


def shared_data_dir() -> Path | None:
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    path = Path(env) if env else REPO_ROOT.parent / "shared" / "data"
    return path if (path / "dev" / "calls").is_dir() else None


def dev_dir_or_skip() -> Path:
    path = shared_data_dir()
    if path is None:
        pytest.skip(
            "shared dev data not found: set VERBALKIT_SHARED_DATA or put it at "
            f"{REPO_ROOT.parent / 'shared' / 'data'}"
        )
    return path / "dev"


def dev_call_ids() -> list[str]:
    path = shared_data_dir()
    if path is None:
        return []
    return sorted(p.stem for p in (path / "dev" / "calls").glob("*.json"))


def load_dev_json(dev: Path, call_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((dev / "calls" / f"{call_id}.json").read_text("utf-8"))
    return data


def gold_labels(dev: Path) -> dict[tuple[str, int], set[str]]:
    with (dev / "calls_utterance_labels.csv").open(encoding="utf-8", newline="") as f:
        return {
            (r["call_id"], int(r["utt_index"])): {c for c in BEHAVIOUR_COLUMNS if r[c] == "1"}
            for r in csv.DictReader(f)
        }


def manual_labels(dev: Path) -> dict[str, dict[str, str]]:
    with (dev / "calls_manual_labels.csv").open(encoding="utf-8", newline="") as f:
        return {r["call_id"]: r for r in csv.DictReader(f)}


def dev_call(dev: Path, call_id: str, *, with_gold: bool = True) -> AnalysedCall:
    """A dev call as an AnalysedCall; gold agent labels as whole-utterance tags."""
    doc = load_dev_json(dev, call_id)
    gold = gold_labels(dev) if with_gold else {}
    utts = [
        utt(
            i,
            u["speaker"],
            u["text"],
            u["start"],
            u["end"],
            sorted(gold.get((call_id, i), set())),
        )
        for i, u in enumerate(doc["utterances"])
    ]
    return call(doc["language"], utts, call_id=call_id)
