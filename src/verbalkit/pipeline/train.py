"""Train the per-behaviour logistic regressions of :mod:`verbalkit.pipeline.model`.

``make train`` (``python -m verbalkit.pipeline.train``) reads the labelled utterance files
the project may learn from, runs the rules on every row (the rules' labels are features,
with the words, word pairs and the kinds of word of the pack's lists), and for each
language and behaviour:

1. splits the rows into five folds by a hash of their id (the same split on every run);
2. trains on four folds, predicts the fifth: probabilities for every row, each from a
   model that never saw it (rare behaviours weigh more: :data:`POS_WEIGHT_CAP`);
3. judges "rules, or the model at or above a threshold" on those held-back predictions:
   on the **fresh** rows (:func:`fresh`: written blind and never used to change a rule)
   when they hold enough examples of the behaviour, else on all rows. On every other file
   the rules were developed until they fit it, so there they look far better than on new
   text and the model can only look useless; on fresh rows the rules' misses are the
   ones new calls have. The model is kept at the best threshold that adds at least
   :data:`MIN_FRESH_GAIN` (:data:`MIN_GAIN` on all rows) F1, loses little precision,
   makes no developed source file with enough examples worse by more than
   :data:`MAX_SOURCE_LOSS` and does not flood the guard rows (SwDA, never trained on);
4. trains the kept behaviours on all rows and writes ``models/{lang}/tagger.json``.

Training is deterministic (fixed folds, full-batch gradient steps from zeros) and needs
only numpy. The data: the dev utterances (``shared/data/dev``), hold-outs 1 and 2, the
blind-written ``benchmarks/wild``, ``wild2`` and ``wild3`` sets, the fresh ``wild5``, ``wild6`` and ``wild7`` sets, and
for English the AnnoMI dev half (therapist turns, public domain; open and closed questions
and restating only). Never the sealed sets (``benchmarks/sealed``), ``wild4`` or the
external test halves: they measure the result.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from verbalkit.pipeline.model import (
    LONG_TURN_WORDS,
    BehaviourModel,
    Lexicons,
    TaggerModel,
    disabled,
    features,
    model_path,
    sentences,
)
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
#: A behaviour with at least this many examples among the fresh rows is judged on them
#: alone (held-back predictions, as everywhere): the gain it must show there, and the
#: precision it may lose (per behaviour, else the default).
MIN_FRESH_POSITIVES = 15
MIN_FRESH_GAIN = 0.02
MAX_FRESH_PRECISION_LOSS = 0.05
FRESH_PRECISION_LOSS = {"solution": MAX_PRECISION_LOSS}
#: Behaviours left to the rules (none today). Restating was, because it is what the
#: call-level patterns read as listening: a model's restating on a long monologue ("det vi
#: ser mycket den här tiden på året är att…") made a remedy given before listening look like
#: one given after and hid a premature solution (tests/patterns/test_long_turns.py). Two
#: changes took that risk away: in a long turn a model tag needs a sentence that carries it
#: (:data:`~verbalkit.pipeline.model.LONG_TURN_WORDS`), and a model's listening tag on the
#: remedy's own sentence does not come before it (``verbalkit.patterns.premature``).
RULES_ONLY: frozenset[str] = frozenset()
#: Features seen in fewer training rows than this are dropped.
MIN_COUNT = 2
L2 = 1e-3
#: Weights smaller than this are dropped (in cross-validation too): together they move a
#: score by a few hundredths, and every kept weight is a look-up for each utterance.
MIN_WEIGHT = 0.01
#: Rare behaviours weigh more in training: each positive row as much as up to this many
#: negative rows (balanced classes below that ratio). Chosen on the fresh rows' held-back
#: predictions (1, 3, 5 and 10 tried), not on the sealed sets.
POS_WEIGHT_CAP = 10.0
STEPS = 400
RATE = 0.1
THRESHOLDS = tuple(round(0.5 + 0.025 * i, 3) for i in range(19))  # 0.5 … 0.95
#: Rows of the SwDA dev half (casual phone talk, English) that check every kept model on
#: text unlike the training data. Evaluation only: nothing is learnt from them. 6,000 rows
#: let a sympathy model through that made 60 false tags over the whole half (long chatty
#: turns with "hard" or "a lot" in them); 40,000 hold it to a surer threshold.
GUARD_ROWS = 40000
#: On those rows, the tags a model adds must be right at least this often (when it adds
#: MIN_GUARD_TAGS or more): a model that finds "restating" in every statement of small talk
#: is not kept, even if the few real ones lift F1.
MIN_GUARD_PRECISION = 0.5
MIN_GUARD_TAGS = 5
#: Casual talk learnt from as negatives: SwDA dev rows after the guard's (whole
#: conversations only, so none is split between the two), every SMALL_TALK_STEP-th row,
#: for these behaviours only. A sympathy model that learnt "weight of the situation"
#: sympathy from the wild sets ("that's a lot to hold together") also found it in chatty
#: opinions ("taking care of a baby, I know, is not an easy thing"); these rows show it
#: what talk about the world looks like. Appreciation rows (SWBD-DAMSL ``ba``: "I can
#: imagine", "that's awful") are left out: some are sympathy under DOMAIN.md.
SMALL_TALK_LABELS = frozenset({"sympathy"})
SMALL_TALK_STEP = 3
SMALL_TALK_SKIP = frozenset({"ba"})
VERSION = "1.1.0"


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
    sentence_feats: list[list[str]] = field(default_factory=list)
    """The features of each sentence of a long turn (see :data:`LONG_TURN_WORDS`)."""
    fresh: bool = False
    """Written blind and never used to change a rule (see :func:`fresh`)."""


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


def fresh(lang: str) -> list[Path]:
    """Labelled files written blind to the rules and never used to change one: trained on
    like the others, and where the model is judged (see :func:`train_behaviour`)."""
    files = [
        REPO / "benchmarks" / name / f"{name}_{lang}.csv"
        for name in ("wild5", "wild6", "wild7", "wild8", "wild9", "wild10")
    ]
    return [f for f in files if f.is_file()]


def small_talk(lang: str) -> list[Row]:
    """Casual-talk rows learnt from as negatives (see :data:`SMALL_TALK_LABELS`)."""
    path = shared_root() / "external" / "swda_dev.csv"
    if lang != "en" or not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
    if len(records) <= GUARD_ROWS:
        return []
    straddling = _conversation(records[GUARD_ROWS - 1]["id"])
    rows = []
    for n, rec in enumerate(records[GUARD_ROWS:]):
        if _conversation(rec["id"]) == straddling or n % SMALL_TALK_STEP:
            continue
        if rec.get("source_label", "") in SMALL_TALK_SKIP or not rec["text"].strip():
            continue
        gold = {b: int(rec[b]) for b in SMALL_TALK_LABELS if rec.get(b, "") in ("0", "1")}
        if gold:
            rows.append(
                Row(rec["id"], f"{path.name} (small talk)", rec["text"], rec["prev_text"], gold)
            )
    return rows


def _conversation(row_id: str) -> str:
    """``swda-4325-000`` → ``swda-4325``."""
    return row_id.rsplit("-", 1)[0]


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
    from verbalkit.pipeline.packs import load_pack

    labels = {b.value for b in BEHAVIOURS}
    lexicons = Lexicons(load_pack(lang).lexicons)
    with disabled():
        for r in rows:
            found = tag(r.text, lang=lang, prev=r.prev or None)
            r.rules = {t.label for t in found} & labels
            r.feats = features(r.text, r.prev or None, r.rules, lexicons)
            parts = sentences(r.text)
            if len(parts) > 1 and len(r.text.split()) >= LONG_TURN_WORDS:
                r.sentence_feats = [
                    features(r.text[a:b], r.prev or None, r.rules, lexicons) for a, b in parts
                ]


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


def adam(
    gradient: Callable[[np.ndarray, float], tuple[np.ndarray, float]],
    n_features: int,
    *,
    steps: int = STEPS,
    rate: float = RATE,
) -> tuple[np.ndarray, float]:
    """Full-batch Adam steps from zero weights and bias; ``gradient(w, b)`` gives the loss's
    gradient at the current point. Shared by the trained components (deterministic)."""
    w = np.zeros(n_features)
    b = 0.0
    m_w = np.zeros_like(w)
    v_w = np.zeros_like(w)
    m_b = v_b = 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        g_w, g_b = gradient(w, b)
        m_w = beta1 * m_w + (1 - beta1) * g_w
        v_w = beta2 * v_w + (1 - beta2) * g_w * g_w
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b * g_b
        corr1, corr2 = 1 - beta1**step, 1 - beta2**step
        w -= rate * (m_w / corr1) / (np.sqrt(v_w / corr2) + eps)
        b -= rate * (m_b / corr1) / (np.sqrt(v_b / corr2) + eps)
    return w, b


def fit(rows: list[list[str]], y: np.ndarray) -> tuple[dict[str, float], float]:
    """L2-regularised logistic regression by full-batch Adam steps from zero."""
    vocab = _vocab(rows)
    design = _Design(rows, vocab)
    n = len(rows)
    # Rare behaviours: each example weighs as much as POS_WEIGHT_CAP negatives at most.
    n_pos = float(y.sum())
    pos_weight = min(POS_WEIGHT_CAP, max(1.0, (n - n_pos) / n_pos)) if n_pos else 1.0
    sample = np.where(y > 0, pos_weight, 1.0)
    sample = sample / sample.sum()

    def gradient(w: np.ndarray, b: float) -> tuple[np.ndarray, float]:
        p = 1.0 / (1.0 + np.exp(-np.clip(design.scores(w, b), -40, 40)))
        residual = (p - y) * sample
        return design.gradient(residual) + 2 * L2 * w, float(residual.sum())

    w, b = adam(gradient, len(vocab))
    names = sorted(vocab, key=vocab.__getitem__)
    weights = {f: round(float(w[i]), 4) for f, i in zip(names, range(len(names)), strict=True)}
    return {f: v for f, v in weights.items() if abs(v) >= MIN_WEIGHT}, round(b, 4)


def _predict(weights: dict[str, float], bias: float, feats: list[str]) -> float:
    # The order tagging sums in (TaggerModel.probabilities), not set order: the same bits
    # whatever Python's hash seed.
    z = bias + sum(weights.get(f, 0.0) for f in dict.fromkeys(feats))
    return float(1.0 / (1.0 + np.exp(-np.clip(z, -40, 40))))


def _row_probability(weights: dict[str, float], bias: float, row: Row) -> float:
    """What tagging uses: the utterance's probability, in a long turn no more than its best
    sentence's (see :data:`~verbalkit.pipeline.model.LONG_TURN_WORDS`)."""
    p = _predict(weights, bias, row.feats)
    if row.sentence_feats:
        p = min(p, max(_predict(weights, bias, f) for f in row.sentence_feats))
    return p


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
            probs[i] = _row_probability(weights, bias, rows[i])
    rules = [label in r.rules for r in rows]
    # Judged on the fresh rows when they hold enough examples: on every other file the rules
    # were developed until they fit it, so there the model can only look useless.
    judged = [i for i, r in enumerate(rows) if r.fresh]
    on_fresh = sum(gold[i] for i in judged) >= MIN_FRESH_POSITIVES
    if not on_fresh:
        judged = list(range(len(rows)))
    j_gold = [gold[i] for i in judged]
    base = _prf(j_gold, [rules[i] for i in judged])
    loss = FRESH_PRECISION_LOSS.get(label, MAX_FRESH_PRECISION_LOSS) if on_fresh else None
    min_gain = MIN_FRESH_GAIN if on_fresh else MIN_GAIN
    floor = base["precision"] - (MAX_PRECISION_LOSS if loss is None else loss)
    candidates = []  # (scores, threshold): better than the rules, precise enough
    for t in THRESHOLDS:
        scores = _prf(j_gold, [rules[i] or probs[i] >= t for i in judged])
        if scores["f1"] - base["f1"] >= min_gain and scores["precision"] >= floor:
            candidates.append((scores, t))
    # The best threshold that no check rules out (a higher one adds fewer, surer tags).
    candidates.sort(key=lambda c: (-c[0]["f1"], -c[1]))
    where = " on the fresh rows" if on_fresh else ""
    verdict = f"rules F1{where} {base['f1']:.3f}"
    if not candidates:
        log.append(f"  {label}: {verdict}, the model adds less than {min_gain}: rules only")
        return None
    weights, bias = fit([r.feats for r in rows], np.array(gold))
    checked = [r for r in guard if label in r.gold]
    guard_probs = [_row_probability(weights, bias, r) for r in checked]
    why = ""
    best_t: float | None = None
    best = base
    for scores, t in candidates:
        why = _source_loss(rows, gold, rules, probs, t) or _guard_loss(
            checked, label, guard_probs, t
        )
        if not why:
            best_t, best = t, scores
            break
    if best_t is None:
        top = candidates[0][0]["f1"]
        log.append(f"  {label}: {verdict} → {top:.3f} at best, but {why}: rules only")
        return None
    log.append(
        f"  {label}: {verdict} (P {base['precision']:.3f} R {base['recall']:.3f}) → "
        f"{best['f1']:.3f} (P {best['precision']:.3f} R {best['recall']:.3f}) at "
        f"threshold {best_t}: kept ({len(weights)} weights)"
    )
    cv = {f"rules_{k}": v for k, v in base.items()} | {f"combined_{k}": v for k, v in best.items()}
    return BehaviourModel(bias=bias, threshold=best_t, weights=weights, cv=cv)


def _source_loss(
    rows: list[Row], gold: list[int], rules: list[bool], probs: list[float], t: float
) -> str:
    """Why threshold ``t`` makes a (non-fresh) source file worse, or ""."""
    for source in sorted({r.source for r in rows if not r.fresh}):
        idx = [i for i, r in enumerate(rows) if r.source == source]
        g = [gold[i] for i in idx]
        if sum(g) < MIN_SOURCE_POSITIVES:
            continue
        alone = _prf(g, [rules[i] for i in idx])["f1"]
        both = _prf(g, [rules[i] or probs[i] >= t for i in idx])["f1"]
        if both < alone - MAX_SOURCE_LOSS:
            return f"{source} {alone:.3f} → {both:.3f} at {t}"
    return ""


def _guard_loss(checked: list[Row], label: str, probs: list[float], t: float) -> str:
    """Why threshold ``t`` makes the guard rows (never trained on) worse, or ""."""
    if not checked:
        return ""
    g = [r.gold[label] for r in checked]
    rules_only = [label in r.rules for r in checked]
    with_model = [a or p >= t for a, p in zip(rules_only, probs, strict=True)]
    before, after = _prf(g, rules_only), _prf(g, with_model)
    extra = [gi for gi, a, b in zip(g, rules_only, with_model, strict=True) if b and not a]
    right = sum(extra) / len(extra) if extra else 1.0
    if after["f1"] < before["f1"] - MAX_SOURCE_LOSS or (
        len(extra) >= MIN_GUARD_TAGS and right < MIN_GUARD_PRECISION
    ):
        return (
            f"on {checked[0].source} (not trained on) at {t} F1 {before['f1']:.3f} → "
            f"{after['f1']:.3f}, {len(extra)} more tags, {right:.0%} of them right"
        )
    return ""


def train(lang: str, out: Path | None = None) -> tuple[TaggerModel | None, list[str]]:
    """Train ``lang``'s component; write it (or remove a stale one) unless nothing to read."""
    log: list[str] = []
    files = sources(lang)
    if not files:
        log.append(f"{lang}: no labelled files found (is ../shared/data beside the project?)")
        return None, log
    rows = [r for f in files for r in read_rows(f)]
    log.append(f"{lang}: {len(rows)} rows from " + ", ".join(f.name for f in files))
    new = [r for f in fresh(lang) for r in read_rows(f)]
    for r in new:
        r.fresh = True
    if new:
        names = ", ".join(sorted({r.source for r in new}))
        log.append(f"{lang}: {len(new)} fresh rows ({names}) judge the models")
    rows += new
    talk = small_talk(lang)
    if talk:
        log.append(f"{lang}: {len(talk)} rows of casual talk ({talk[0].source}) as negatives")
    rows += talk
    tag_with_rules(rows, lang)
    guard = [r for f in guards(lang) for r in read_rows(f, limit=GUARD_ROWS)]
    if guard:
        tag_with_rules(guard, lang)
        log.append(f"{lang}: {len(guard)} rows of {guard[0].source} check the models")
    kept: dict[str, BehaviourModel] = {}
    for b in BEHAVIOURS:
        if b.value in RULES_ONLY:
            log.append(f"  {b.value}: rules only (RULES_ONLY)")
            continue
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
        lexicon_features=True,
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
