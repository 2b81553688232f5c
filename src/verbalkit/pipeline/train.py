"""Train the per-behaviour logistic regressions of :mod:`verbalkit.pipeline.model`.

``make train`` (``python -m verbalkit.pipeline.train``) reads the labelled utterance files
the project may learn from, runs the rules on every row (the rules' labels are features),
and for each language and behaviour:

1. splits the rows into five folds by a hash of their id (the same split on every run);
2. trains on four folds, predicts the fifth: probabilities for every row, each from a
   model that never saw it;
3. picks the threshold at which "rules, or the model at or above it" has the best F1 on
   those held-back predictions without losing more than :data:`MAX_PRECISION_LOSS` of the
   rules' precision, and keeps the behaviour only when that F1 beats the rules'
   own by at least :data:`MIN_GAIN` and no source file with enough examples gets worse by
   more than :data:`MAX_SOURCE_LOSS` (a model that helps therapy talk and hurts calls is
   not kept);
4. trains the kept behaviours on all rows and writes ``models/{lang}/tagger.json``.

Training is deterministic (fixed folds, full-batch gradient steps from zeros) and needs
only numpy. The data: the dev utterances (``shared/data/dev``), hold-outs 1 and 2, the
blind-written ``benchmarks/wild``, ``wild2`` and ``wild3`` sets, and for English the AnnoMI dev half
(therapist turns, public domain; open and closed questions and restating only). Never the sealed
sets (``benchmarks/sealed``) or the external test halves: they measure the result.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from verbalkit.pipeline.model import BehaviourModel, TaggerModel, disabled, features, model_path
from verbalkit.vocab import BEHAVIOURS

REPO = Path(__file__).resolve().parents[3]
FOLDS = 5
#: F1 a kept model must add over the rules, on held-back predictions.
MIN_GAIN = 0.01
#: F1 a source file (with at least MIN_SOURCE_POSITIVES examples) may lose.
MAX_SOURCE_LOSS = 0.03
MIN_SOURCE_POSITIVES = 8
#: Precision the rules-plus-model may lose against the rules alone, on held-back rows. The
#: model is there for recall; a wrong ``solution`` costs more than a missed one (it makes a
#: premature solution out of a good call).
MAX_PRECISION_LOSS = 0.01
#: Features seen in fewer training rows than this are dropped.
MIN_COUNT = 2
L2 = 1e-3
STEPS = 400
RATE = 0.1
THRESHOLDS = tuple(round(0.5 + 0.025 * i, 3) for i in range(19))  # 0.5 … 0.95
#: Rows of the SwDA dev half (casual phone talk, English) that check every kept model on
#: text unlike the training data. Evaluation only: nothing is learnt from them.
GUARD_ROWS = 6000
#: On those rows, the tags a model adds must be right at least this often (when it adds
#: MIN_GUARD_TAGS or more): a model that finds "restating" in every statement of small talk
#: is not kept, even if the few real ones lift F1.
MIN_GUARD_PRECISION = 0.5
MIN_GUARD_TAGS = 5
VERSION = "1.0.0"


@dataclass
class Row:
    """One labelled agent utterance."""

    id: str
    source: str
    text: str
    prev: str
    gold: dict[str, int]
    rules: set[str] = field(default_factory=set)
    feats: list[str] = field(default_factory=list)


def shared_root() -> Path:
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def sources(lang: str) -> list[Path]:
    """The labelled files training reads for ``lang`` (those that exist)."""
    shared = shared_root()
    files = [
        shared / "dev" / f"utterances_{lang}.csv",
        REPO / "benchmarks" / "holdout" / f"holdout_{lang}.csv",
        REPO / "benchmarks" / "holdout2" / f"holdout2_{lang}.csv",
        REPO / "benchmarks" / "wild" / f"wild_{lang}.csv",
        REPO / "benchmarks" / "wild2" / f"wild2_{lang}.csv",
        REPO / "benchmarks" / "wild3" / f"wild3_{lang}.csv",
    ]
    if lang == "en":
        files.append(shared / "external" / "annomi_dev.csv")
    return [f for f in files if f.is_file()]


def guards(lang: str) -> list[Path]:
    """Labelled files that only check a model (never trained on)."""
    path = shared_root() / "external" / "swda_dev.csv"
    return [path] if lang == "en" and path.is_file() else []


def read_rows(path: Path, limit: int | None = None) -> list[Row]:
    behaviours = [b.value for b in BEHAVIOURS]
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            text = rec.get("agent_text") or rec.get("text") or ""
            prev = rec.get("prev_customer_text") or rec.get("prev_text") or ""
            gold = {b: int(rec[b]) for b in behaviours if rec.get(b, "") in ("0", "1")}
            if text.strip() and gold:
                rows.append(Row(rec["id"], path.name, text, prev, gold))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def tag_with_rules(rows: list[Row], lang: str) -> None:
    """The rules' behaviour labels and the features of every row."""
    from verbalkit.analysis import tag

    labels = {b.value for b in BEHAVIOURS}
    with disabled():
        for r in rows:
            found = tag(r.text, lang=lang, prev=r.prev or None)
            r.rules = {t.label for t in found} & labels
            r.feats = features(r.text, r.prev or None, r.rules)


def _fold(row_id: str) -> int:
    return zlib.crc32(row_id.encode("utf-8")) % FOLDS


class _Design:
    """Rows as sparse feature indexes (CSR without scipy)."""

    def __init__(self, rows: list[list[str]], vocab: dict[str, int]) -> None:
        idx = [[vocab[f] for f in set(feats) if f in vocab] for feats in rows]
        self.lengths = np.array([len(i) for i in idx], dtype=np.int64)
        self.indices = np.array([j for i in idx for j in sorted(i)], dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]]).astype(np.int64)
        self.n_features = len(vocab)

    def scores(self, w: np.ndarray, b: float) -> np.ndarray:
        sums = np.zeros(len(self.lengths))
        nonempty = self.lengths > 0
        if self.indices.size:
            reduced = np.add.reduceat(w[self.indices], self.starts[nonempty])
            sums[nonempty] = reduced
        return sums + b

    def gradient(self, residual: np.ndarray) -> np.ndarray:
        return np.bincount(
            self.indices, weights=np.repeat(residual, self.lengths), minlength=self.n_features
        )


def _vocab(rows: list[list[str]]) -> dict[str, int]:
    counts = Counter(f for feats in rows for f in set(feats))
    kept = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    return {f: i for i, f in enumerate(kept)}


def fit(rows: list[list[str]], y: np.ndarray) -> tuple[dict[str, float], float]:
    """L2-regularised logistic regression by full-batch Adam steps from zero."""
    vocab = _vocab(rows)
    design = _Design(rows, vocab)
    n = len(rows)
    w = np.zeros(len(vocab))
    b = 0.0
    m_w = np.zeros_like(w)
    v_w = np.zeros_like(w)
    m_b = v_b = 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-np.clip(design.scores(w, b), -40, 40)))
        residual = (p - y) / n
        g_w = design.gradient(residual) + 2 * L2 * w
        g_b = float(residual.sum())
        m_w = beta1 * m_w + (1 - beta1) * g_w
        v_w = beta2 * v_w + (1 - beta2) * g_w * g_w
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b * g_b
        corr1, corr2 = 1 - beta1**step, 1 - beta2**step
        w -= RATE * (m_w / corr1) / (np.sqrt(v_w / corr2) + eps)
        b -= RATE * (m_b / corr1) / (np.sqrt(v_b / corr2) + eps)
    names = sorted(vocab, key=vocab.__getitem__)
    weights = {f: round(float(w[i]), 4) for f, i in zip(names, range(len(names)), strict=True)}
    return {f: v for f, v in weights.items() if abs(v) >= 1e-3}, round(b, 4)


def _predict(weights: dict[str, float], bias: float, feats: list[str]) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in set(feats))
    return float(1.0 / (1.0 + np.exp(-np.clip(z, -40, 40))))


def _prf(gold: list[int], pred: list[bool]) -> dict[str, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def train_behaviour(
    rows: list[Row], label: str, log: list[str], guard: Sequence[Row] = ()
) -> BehaviourModel | None:
    """Cross-validate one behaviour; the model on all rows when it beats the rules (and does
    not make the ``guard`` rows worse)."""
    rows = [r for r in rows if label in r.gold]
    gold = [r.gold[label] for r in rows]
    if sum(gold) < 10:
        log.append(f"  {label}: {sum(gold)} positive rows, too few; rules only")
        return None
    probs = [0.0] * len(rows)
    for k in range(FOLDS):
        train = [i for i, r in enumerate(rows) if _fold(r.id) != k]
        test = [i for i, r in enumerate(rows) if _fold(r.id) == k]
        weights, bias = fit([rows[i].feats for i in train], np.array([gold[i] for i in train]))
        for i in test:
            probs[i] = _predict(weights, bias, rows[i].feats)
    rules = [label in r.rules for r in rows]
    base = _prf(gold, rules)
    best_t, best = None, base
    for t in THRESHOLDS:
        scores = _prf(gold, [r or p >= t for r, p in zip(rules, probs, strict=True)])
        if (
            scores["f1"] > best["f1"]
            and scores["precision"] >= base["precision"] - MAX_PRECISION_LOSS
        ):
            best_t, best = t, scores
    verdict = f"rules F1 {base['f1']:.3f}"
    if best_t is None or best["f1"] - base["f1"] < MIN_GAIN:
        log.append(f"  {label}: {verdict}, with the model at best {best['f1']:.3f}: rules only")
        return None
    for source in sorted({r.source for r in rows}):
        idx = [i for i, r in enumerate(rows) if r.source == source]
        g = [gold[i] for i in idx]
        if sum(g) < MIN_SOURCE_POSITIVES:
            continue
        alone = _prf(g, [rules[i] for i in idx])["f1"]
        both = _prf(g, [rules[i] or probs[i] >= best_t for i in idx])["f1"]
        if both < alone - MAX_SOURCE_LOSS:
            log.append(
                f"  {label}: {verdict} → {best['f1']:.3f} overall, but {source} "
                f"{alone:.3f} → {both:.3f}: rules only"
            )
            return None
    weights, bias = fit([r.feats for r in rows], np.array(gold))
    checked = [r for r in guard if label in r.gold]
    if checked:
        g = [r.gold[label] for r in checked]
        rules_only = [label in r.rules for r in checked]
        with_model = [
            a or _predict(weights, bias, r.feats) >= best_t
            for a, r in zip(rules_only, checked, strict=True)
        ]
        before, after = _prf(g, rules_only), _prf(g, with_model)
        extra = [gi for gi, a, b in zip(g, rules_only, with_model, strict=True) if b and not a]
        right = sum(extra) / len(extra) if extra else 1.0
        if after["f1"] < before["f1"] - MAX_SOURCE_LOSS or (
            len(extra) >= MIN_GUARD_TAGS and right < MIN_GUARD_PRECISION
        ):
            log.append(
                f"  {label}: {verdict} → {best['f1']:.3f}, but on {checked[0].source} (not "
                f"trained on) F1 {before['f1']:.3f} → {after['f1']:.3f}, {len(extra)} more "
                f"tags, {right:.0%} of them right: rules only"
            )
            return None
    log.append(
        f"  {label}: {verdict} (P {base['precision']:.3f} R {base['recall']:.3f}) → "
        f"{best['f1']:.3f} (P {best['precision']:.3f} R {best['recall']:.3f}) at "
        f"threshold {best_t}: kept ({len(weights)} weights)"
    )
    cv = {f"rules_{k}": v for k, v in base.items()} | {f"combined_{k}": v for k, v in best.items()}
    return BehaviourModel(bias=bias, threshold=best_t, weights=weights, cv=cv)


def train(lang: str, out: Path | None = None) -> tuple[TaggerModel | None, list[str]]:
    """Train ``lang``'s component; write it (or remove a stale one) unless nothing to read."""
    log: list[str] = []
    files = sources(lang)
    if not files:
        log.append(f"{lang}: no labelled files found (is ../shared/data beside the project?)")
        return None, log
    rows = [r for f in files for r in read_rows(f)]
    log.append(f"{lang}: {len(rows)} rows from " + ", ".join(f.name for f in files))
    tag_with_rules(rows, lang)
    guard = [r for f in guards(lang) for r in read_rows(f, limit=GUARD_ROWS)]
    if guard:
        tag_with_rules(guard, lang)
        log.append(f"{lang}: {len(guard)} rows of {guard[0].source} check the models")
    kept: dict[str, BehaviourModel] = {}
    for b in BEHAVIOURS:
        model = train_behaviour(rows, b.value, log, guard)
        if model is not None:
            kept[b.value] = model
    target = out or model_path(lang)
    if not kept:
        if target.exists():
            target.unlink()
        log.append(f"{lang}: no behaviour kept; {target.name} removed")
        return None, log
    counts = Counter(r.source for r in rows)
    tagger = TaggerModel(
        language=lang,
        version=VERSION,
        trained_on=[f"{name}: {n} rows" for name, n in sorted(counts.items())],
        behaviours=kept,
    )
    data: dict[str, Any] = tagger.model_dump()
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    log.append(f"{lang}: wrote {target} ({', '.join(kept)})")
    return tagger, log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", action="append", choices=["sv", "en"], help="default: both")
    args = parser.parse_args(argv)
    status = 0
    for lang in args.lang or ["sv", "en"]:
        _, log = train(lang)
        print("\n".join(log), flush=True)
        if any("no labelled files" in line for line in log):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
