"""Train the jargon recogniser of :mod:`verbalkit.pipeline.jargon_model`.

``make train`` (``python -m verbalkit.pipeline.train_jargon``) reads the labelled utterance
files with jargon spans that training may learn from (those of :mod:`verbalkit.pipeline.train`),
runs the jargon rules alone on every row, and for each language:

1. makes one example per candidate word (no stop word or number, untagged by the rules, not
   said by the customer first): positive when it lies in a gold span;
2. splits the rows into five folds by a hash of their id (:func:`train._fold`), trains on four
   with :func:`train.fit` and scores the words of the fifth: held-back probabilities;
3. chooses the threshold on the **fresh** rows (``wild5``: written blind and never used to
   change a rule) by span F1 of rules plus model (overlap, as ``verbalkit evaluate`` scores),
   keeping span precision within :data:`MAX_PRECISION_LOSS` of the rules'; on the other files
   the rules were developed until they fit them. The threshold must also leave every
   developed file's span F1 within ``train.MAX_SOURCE_LOSS`` (as for the behaviour models).
   No threshold that adds :data:`MIN_GAIN` F1 on the fresh rows and passes: no model (the
   file is removed);
4. trains on all rows and writes ``models/{lang}/jargon_model.json`` (weights below
   :data:`MIN_WEIGHT` pruned), with the English frequency bands of spaCy's lookup data.

Deterministic (fixed folds, full-batch steps from zeros), numpy only. Never reads the sealed
sets or ``wild4``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from verbalkit.pipeline.jargon_model import (
    Lists,
    Word,
    candidate,
    disabled,
    features,
    jargon_model_path,
    join_words,
    words,
)
from verbalkit.pipeline.train import MAX_SOURCE_LOSS, _fold, _predict, fit, fresh, sources

FOLDS = 5
#: Span precision rules-plus-model may lose against the rules alone on the fresh rows.
MAX_PRECISION_LOSS = 0.05
#: Span F1 the model must add on the fresh rows' held-back predictions to be kept. Higher
#: than the behaviour models' gain: the recogniser scores every candidate word of every
#: agent utterance, about 12 % more CPU per core (issue 11), whatever its threshold.
MIN_GAIN = 0.05
#: A developed file with at least this many gold spans may not lose more than
#: ``train.MAX_SOURCE_LOSS`` span F1 with the model.
MIN_SOURCE_SPANS = 8
THRESHOLDS = tuple(round(0.3 + 0.025 * i, 3) for i in range(28))  # 0.3 … 0.975
#: Weights smaller than this are dropped from the shipped model.
MIN_WEIGHT = 0.02
#: English frequency bands: words at or above these log probabilities (spaCy lookups).
FREQ_BANDS = (-10.0, -11.0, -12.0, -13.0, -14.0)
VERSION = "1.0.0"


@dataclass
class Row:
    """One labelled agent utterance, its gold and rule spans and its candidate words."""

    id: str
    source: str
    text: str
    prev: str
    gold: list[tuple[int, int]]
    fresh: bool = False
    rules: list[tuple[int, int]] = field(default_factory=list)
    cands: list[tuple[int, int]] = field(default_factory=list)
    feats: list[list[str]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)


def locate(text: str, terms: str) -> list[tuple[int, int]]:
    """The ``|``-joined gold terms in ``text``, as ``verbalkit evaluate`` finds them."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for term in (t.strip() for t in terms.split("|")):
        if not term:
            continue
        start = text.find(term, pos)
        if start < 0:
            start = text.find(term)
        if start < 0:
            continue
        spans.append((start, start + len(term)))
        pos = start + len(term)
    return spans


def read_rows(path: Path) -> list[Row]:
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if "jargon_terms" not in (reader.fieldnames or []):
            return []
        for rec in reader:
            text = rec.get("agent_text") or ""
            if text.strip():
                prev = rec.get("prev_customer_text") or ""
                rows.append(
                    Row(rec["id"], path.name, text, prev, locate(text, rec["jargon_terms"]))
                )
    return rows


def freq_bands(lang: str) -> dict[str, str]:
    """English words by frequency band (``"10"``: log probability ≥ -10 …), from the
    ``lexeme_prob`` table of spacy-lookups-data; lower-case letters only. Swedish: none."""
    if lang != "en":
        return {}
    path = resources.files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        probs: dict[str, float] = json.load(f)
    bands: dict[str, list[str]] = {}
    for word, p in sorted(probs.items()):
        if not re.fullmatch(r"[a-z]+", word):
            continue
        for edge in FREQ_BANDS:
            if p >= edge:
                bands.setdefault(str(int(-edge)), []).append(word)
                break
    return {band: " ".join(ws) for band, ws in sorted(bands.items())}


def prepare(rows: list[Row], lang: str, lists: Lists) -> None:
    """The rules' spans, the candidate words, their features and labels, for every row."""
    from verbalkit.analysis import tag_many
    from verbalkit.pipeline.components.jargon import customer_test

    with disabled():
        found = list(tag_many(((r.text, r.prev or None) for r in rows), lang))
    for r, tags in zip(rows, found, strict=True):
        r.rules = [(t.start, t.end) for t in tags if t.label == "jargon"]
        ws = words(r.text)
        tagged = [any(s < w.end and w.start < e for s, e in r.rules) for w in ws]
        used = customer_test(r.prev or None)
        keys: list[int] = []
        for i, w in enumerate(ws):
            if tagged[i] or not candidate(w, lists) or used(w.text):
                continue
            keys.append(i)
        # One positive word per gold span, its rarest; its other words teach nothing (an
        # everyday modifier, "priority" in "priority services list", is no jargon alone).
        best: dict[tuple[int, int], int] = {}
        for i in keys:
            w = ws[i]
            for g in r.gold:
                if (g[0] < w.end and w.start < g[1]) and (
                    g not in best or rarity(ws[best[g]], lists) < rarity(w, lists)
                ):
                    best[g] = i
        positive = set(best.values())
        for i in keys:
            w = ws[i]
            in_gold = any(s < w.end and w.start < e for s, e in r.gold)
            r.cands.append((w.start, w.end))
            r.feats.append(features(ws, i, lists, tagged))
            # -1: scored (held back, as at tagging time) but not trained on.
            r.labels.append(-1 if in_gold and i not in positive else int(in_gold))


def rarity(w: Word, lists: Lists) -> tuple[int, int]:
    """How unusual a word is: its frequency band (English) or whether the lemma table knows
    it (Swedish), then its length."""
    low = w.low
    if lists.lang == "en":
        band = lists.freq.get(low) or lists.freq.get(low.rstrip("s")) or "99"
        return int(band), len(low)
    return int(not lists.known(low)), len(low)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def span_prf(rows: list[Row], predicted: list[list[tuple[int, int]]]) -> dict[str, float]:
    """Span precision, recall and F1 by overlap (as ``verbalkit evaluate``)."""
    tp = n_pred = hit = n_gold = 0
    for r, pred in zip(rows, predicted, strict=True):
        n_pred += len(pred)
        tp += sum(1 for p in pred if any(_overlaps(p, g) for g in r.gold))
        n_gold += len(r.gold)
        hit += sum(1 for g in r.gold if any(_overlaps(p, g) for p in pred))
    precision = tp / n_pred if n_pred else 0.0
    recall = hit / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "predicted": n_pred,
        "gold": n_gold,
    }


def with_model(rows: list[Row], probs: list[list[float]], t: float) -> list[list[tuple[int, int]]]:
    """Rules' spans plus the model's (words at or above ``t``, adjacent ones joined)."""
    out = []
    for r, ps in zip(rows, probs, strict=True):
        scored = [(s, e, p) for (s, e), p in zip(r.cands, ps, strict=True)]
        out.append(r.rules + [(s, e) for s, e, _ in join_words(r.text, scored, t)])
    return out


def fit_rows(rows: list[Row]) -> tuple[dict[str, float], float]:
    """:func:`train.fit` on the candidate words of ``rows`` that are trained on."""
    pairs = [(f, y) for r in rows for f, y in zip(r.feats, r.labels, strict=True) if y >= 0]
    return fit([f for f, _ in pairs], np.array([y for _, y in pairs], dtype=float))


def held_back(rows: list[Row]) -> list[list[float]]:
    """Every candidate's probability from a model trained on the other folds."""
    probs: list[list[float]] = [[0.0] * len(r.cands) for r in rows]
    for k in range(FOLDS):
        train = [r for r in rows if _fold(r.id) != k]
        weights, bias = fit_rows(train)
        for n, r in enumerate(rows):
            if _fold(r.id) == k:
                probs[n] = [_predict(weights, bias, f) for f in r.feats]
    return probs


def _source_loss(rows: list[Row], probs: list[list[float]], t: float) -> str:
    """Why threshold ``t`` makes a developed (non-fresh) file's span F1 worse, or ""."""
    for source in sorted({r.source for r in rows if not r.fresh}):
        idx = [i for i, r in enumerate(rows) if r.source == source]
        s_rows = [rows[i] for i in idx]
        if sum(len(r.gold) for r in s_rows) < MIN_SOURCE_SPANS:
            continue
        alone = span_prf(s_rows, [r.rules for r in s_rows])["f1"]
        both = span_prf(s_rows, with_model(s_rows, [probs[i] for i in idx], t))["f1"]
        if both < alone - MAX_SOURCE_LOSS:
            return f"{source} span F1 {alone:.3f} → {both:.3f}"
    return ""


def train(lang: str, out: Path | None = None, *, force: bool = False) -> list[str]:
    """Train ``lang``'s jargon recogniser; write it, or remove a stale one when not kept.
    ``force`` writes the model to ``out`` even when it adds less than :data:`MIN_GAIN` (at
    the best threshold that passes the other checks; for tests and experiments, never the
    shipped file)."""
    from verbalkit.pipeline.components.jargon import model_lists

    log: list[str] = []
    rows = [r for f in sources(lang) for r in read_rows(f)]
    new = [r for f in fresh(lang) for r in read_rows(f)]
    for r in new:
        r.fresh = True
    rows += new
    if not rows:
        log.append(f"{lang}: no labelled files with jargon spans found")
        return log
    freq = freq_bands(lang)
    bands = {w: band for band, joined in freq.items() for w in joined.split()}
    lists = model_lists(lang, [], bands)
    prepare(rows, lang, lists)
    n_words = sum(len(r.cands) for r in rows)
    n_pos = sum(y > 0 for r in rows for y in r.labels)
    counts = Counter(r.source for r in rows)
    log.append(
        f"{lang}: {len(rows)} rows ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}); "
        f"{n_words} candidate words, {n_pos} in gold spans"
    )
    probs = held_back(rows)
    judged = [i for i, r in enumerate(rows) if r.fresh] or list(range(len(rows)))
    j_rows = [rows[i] for i in judged]
    j_probs = [probs[i] for i in judged]
    base = span_prf(j_rows, [r.rules for r in j_rows])
    floor = base["precision"] - MAX_PRECISION_LOSS
    candidates: list[tuple[float, dict[str, float]]] = []
    for t in THRESHOLDS:
        scores = span_prf(j_rows, with_model(j_rows, j_probs, t))
        log.append(
            f"  t={t:.3f}: P {scores['precision']:.3f} R {scores['recall']:.3f} "
            f"F1 {scores['f1']:.3f} ({scores['predicted']} spans)"
        )
        # forced (tests, experiments): any gain, the other checks as for a kept model
        gain = scores["f1"] - base["f1"]
        if scores["precision"] >= floor and (gain >= MIN_GAIN or (force and gain > 0)):
            candidates.append((t, scores))
    # The best threshold that makes no developed file worse by more than MAX_SOURCE_LOSS
    # (the rule the behaviour models follow): a model that adds a little on fresh rows and
    # costs much precision on the files it has seen is not kept.
    candidates.sort(key=lambda c: (-c[1]["f1"], -c[0]))
    best: tuple[float, dict[str, float]] | None = None
    for t, scores in candidates:
        why = _source_loss(rows, probs, t)
        if not why:
            best = (t, scores)
            break
        log.append(f"  t={t:.3f}: {why}")
    where = j_rows[0].source if rows[judged[0]].fresh else "all rows"
    log.append(
        f"{lang}: rules on {where} (held back): P {base['precision']:.3f} "
        f"R {base['recall']:.3f} F1 {base['f1']:.3f}"
    )
    target = out or jargon_model_path(lang)
    if force and best is None and out is not None:  # no gain at all: the surest threshold
        best = (THRESHOLDS[-1], span_prf(j_rows, with_model(j_rows, j_probs, THRESHOLDS[-1])))
    if force and best is not None and best[1]["f1"] - base["f1"] < MIN_GAIN:
        log.append(f"{lang}: not kept, written anyway (force) at {best[0]}")
    if best is None or (not force and best[1]["f1"] - base["f1"] < MIN_GAIN):
        if target.exists():
            target.unlink()
        log.append(
            f"{lang}: no threshold adds {MIN_GAIN} F1 on the fresh rows and keeps the "
            "developed files: rules only"
        )
        return log
    t, scores = best
    log.append(
        f"{lang}: rules + model at {t}: P {scores['precision']:.3f} R {scores['recall']:.3f} "
        f"F1 {scores['f1']:.3f}"
    )
    by_source: dict[str, dict[str, Any]] = {}
    for source in sorted(counts):
        idx = [i for i, r in enumerate(rows) if r.source == source]
        s_rows = [rows[i] for i in idx]
        before = span_prf(s_rows, [r.rules for r in s_rows])
        after = span_prf(s_rows, with_model(s_rows, [probs[i] for i in idx], t))
        by_source[source] = {"rules": before, "combined": after}
        log.append(
            f"  {source}: rules P {before['precision']:.3f} R {before['recall']:.3f} "
            f"F1 {before['f1']:.3f} → P {after['precision']:.3f} R {after['recall']:.3f} "
            f"F1 {after['f1']:.3f} (held back)"
        )
    weights, bias = fit_rows(rows)
    kept = {f: w for f, w in sorted(weights.items()) if abs(w) >= MIN_WEIGHT}
    data: dict[str, Any] = {
        "language": lang,
        "version": VERSION,
        "trained_on": [f"{name}: {n} rows" for name, n in sorted(counts.items())],
        "threshold": t,
        "bias": bias,
        "weights": kept,
        "freq": freq,
        "held_back": {"judged_on": where, "rules": base, "combined": scores} | by_source,
    }
    target.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    log.append(f"{lang}: wrote {target} ({len(kept)} weights, {target.stat().st_size} bytes)")
    return log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", action="append", choices=["sv", "en"], help="default: both")
    args = parser.parse_args(argv)
    status = 0
    for lang in args.lang or ["sv", "en"]:
        log = train(lang)
        print("\n".join(log), flush=True)
        if any("no labelled files" in line for line in log):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
