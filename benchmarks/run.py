"""Throughput and memory benchmark on the shared SGD corpus (``make bench``).

Reads the whole corpus (streaming) and analyses the first ``--calls`` calls, printing
calls/s, utterances/s and peak memory. Skips with a message when the corpus is absent.
Then times one long utterance against a short one (``long_utterance.py``).
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def corpus_path() -> Path:
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    root = Path(env) if env else REPO.parent / "shared" / "data"
    return root / "corpus" / "sgd.jsonl"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=1000, help="calls to analyse")
    args = parser.parse_args()
    corpus(args.calls)
    print("\nlong utterance: tagging cost per 1,000 words, 1,000 vs 40,000 words")
    import long_utterance  # beside this file: run as a script, its folder is on sys.path

    return long_utterance.main([])


def corpus(calls: int) -> None:
    """Read the whole corpus, then analyse its first ``calls`` calls."""
    path = corpus_path()
    if not path.is_file():
        print(f"skipped: corpus not found at {path} (set VERBALKIT_SHARED_DATA)")
        return

    from verbalkit.analysis import analyze_many
    from verbalkit.io import read_many
    from verbalkit.pipeline.build import get_nlp
    from verbalkit.schema import Failure

    t0 = time.perf_counter()
    n_calls = n_failed = n_utts = 0
    for item in read_many([path]):
        if isinstance(item, Failure):
            n_failed += 1
        else:
            n_calls += 1
            n_utts += len(item.utterances)
    read_s = time.perf_counter() - t0
    print(
        f"read     {n_calls:>6} calls ({n_failed} failed), {n_utts} utterances in {read_s:6.1f} s"
    )
    print(f"         {n_calls / read_s:8.0f} calls/s, peak RSS {peak_mb():.0f} MB")

    t0 = time.perf_counter()
    get_nlp("en")
    print(f"pipeline built in {time.perf_counter() - t0:.1f} s")

    t0 = time.perf_counter()
    n_calls = n_utts = n_tags = 0
    for result in analyze_many(itertools.islice(read_many([path]), calls)):
        if isinstance(result, Failure):
            continue
        n_calls += 1
        n_utts += len(result.utterances)
        n_tags += sum(len(u.tags) for u in result.utterances)
    analyse_s = time.perf_counter() - t0
    print(f"analyse  {n_calls:>6} calls, {n_utts} utterances, {n_tags} tags in {analyse_s:6.1f} s")
    print(
        f"         {n_calls / analyse_s:8.1f} calls/s, {n_utts / analyse_s:8.0f} utterances/s, "
        f"peak RSS {peak_mb():.0f} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
