"""Per-core throughput of the full job: read → analyze → score → JSON, per language.

For each language and call count (default 1,000 and 10,000), one fresh process reads the
calls from a JSON Lines file, analyses and scores each, and serialises the scored result
to JSON (what ``verbalkit score`` writes to ``results.jsonl``). It reports words/s and
calls/s in CPU time (``time.process_time``; the machine is shared) and wall time, the peak
resident memory of that process, and spaCy's blank tokenizer's words/s on the same texts,
with the ratio of the two (the issue's target: the job at ≥ 10 % of the tokenizer). The
tokenizer is timed on each distinct utterance text once, with its vocabulary warm and its
cache of seen texts emptied (the cache would flatter repeated text).

Text: English is the first N calls of the shared SGD corpus; Swedish is the Swedish dev
and hold-out utterances assembled into calls (customer context, then the agent line, 40
rows a call, as ``benchmarks/reference/make_reference.py`` does), repeated to N calls and
written to a temporary JSON Lines file so that reading is timed as for English. Words are
whitespace-separated words of the utterance texts.

``python benchmarks/throughput.py`` prints the table; ``--calls 1000`` and ``--lang en``
narrow the run. ``make bench`` (``benchmarks/run.py``) runs the same measurement, one
process per row, with the other benchmarks, and writes them to ``benchmarks/throughput.md``.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from machine import cpu_model  # beside this file

REPO = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent


def shared() -> Path:
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def swedish_rows() -> list[tuple[str, str]]:
    """(customer context, agent line) of the Swedish dev and hold-out utterances."""
    paths = [
        shared() / "dev" / "utterances_sv.csv",
        HERE / "holdout" / "holdout_sv.csv",
        HERE / "holdout2" / "holdout2_sv.csv",
    ]
    rows = []
    for path in paths:
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                rows.append(
                    (
                        (row.get("prev_customer_text") or "").strip(),
                        (row.get("agent_text") or "").strip(),
                    )
                )
    return rows


def swedish_calls(rows: list[tuple[str, str]], per_call: int = 40) -> list[dict[str, object]]:
    calls = []
    for k in range(0, len(rows), per_call):
        utts = []
        for context, agent in rows[k : k + per_call]:
            if context:
                utts.append({"speaker": "customer", "text": context})
            if agent:
                utts.append({"speaker": "agent", "text": agent})
        if utts:
            calls.append(
                {"call_id": f"sv-{k // per_call:03d}", "language": "sv", "utterances": utts}
            )
    return calls


def write_input(lang: str, n: int, folder: Path) -> Path:
    """A JSON Lines file of ``n`` calls of ``lang``."""
    path = folder / f"{lang}-{n}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        if lang == "en":
            with (shared() / "corpus" / "sgd.jsonl").open(encoding="utf-8") as f:
                for line in itertools.islice(f, n):
                    out.write(line)
        else:
            base = swedish_calls(swedish_rows())
            for i in range(n):
                call = dict(base[i % len(base)])
                call["call_id"] = f"{call['call_id']}-{i:05d}"
                out.write(json.dumps(call, ensure_ascii=False) + "\n")
    return path


def texts(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            for utt in json.loads(line)["utterances"]:
                yield utt["text"]


def measure_one(lang: str, path: Path) -> dict[str, object]:
    """The full job over ``path`` in this process, then the blank tokenizer on its texts."""
    import spacy

    import verbalkit
    from verbalkit.pipeline.build import get_nlp
    from verbalkit.schema import Failure

    get_nlp(lang)  # start-up is measured elsewhere (issue 11): not part of throughput
    verbalkit.score  # noqa: B018  (imported before timing)
    n_calls = n_failed = n_words = n_bytes = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for item in verbalkit.analyze_many(verbalkit.read_many([path])):
        if isinstance(item, Failure):
            n_failed += 1
            continue
        scored = verbalkit.score(item)
        n_bytes += len(json.dumps(scored.to_dict(), ensure_ascii=False))
        n_calls += 1
        n_words += sum(len(u.text.split()) for u in item.utterances)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # The tokenizer on each distinct text once, its vocabulary warm (one pass before) and its
    # cache of seen texts emptied: the cache would make text repeated (the Swedish calls
    # are) look far faster than new text, and a cold vocabulary would make a small text
    # (the Swedish one is) look slower.
    blank = spacy.blank(lang)
    distinct = list(dict.fromkeys(texts(path)))
    tok_words = sum(len(t.split()) for t in distinct)
    for t in distinct:
        blank.make_doc(t)
    runs = []
    for _ in range(5):  # the median of five passes (a small text is over in milliseconds)
        blank.tokenizer.rules = blank.tokenizer.rules  # empties the tokenizer's cache
        tcpu0 = time.process_time()
        for t in distinct:
            blank.make_doc(t)
        runs.append(time.process_time() - tcpu0)
    tok_cpu = sorted(runs)[2]
    return {
        "lang": lang,
        "calls": n_calls,
        "failed": n_failed,
        "words": n_words,
        "json_mb": n_bytes / 1e6,
        "cpu_s": cpu,
        "wall_s": wall,
        "words_per_cpu_s": n_words / cpu,
        "words_per_wall_s": n_words / wall,
        "calls_per_cpu_s": n_calls / cpu,
        "calls_per_wall_s": n_calls / wall,
        "peak_mb": peak,
        "tokenizer_words_per_cpu_s": tok_words / tok_cpu,
    }


def machine() -> str:
    model = cpu_model()
    return (
        f"{platform.machine()}, {model}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )


def table(results: list[dict[str, object]]) -> str:
    head = (
        "| lang | calls | words | CPU s | wall s | words/s (CPU) | words/s (wall) | calls/s (CPU) "
        "| tokenizer words/s (CPU) | job / tokenizer | peak RSS MB |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    rows = []
    for r in results:
        ratio = float(r["words_per_cpu_s"]) / float(r["tokenizer_words_per_cpu_s"])  # type: ignore[arg-type]
        rows.append(
            f"| {r['lang']} | {r['calls']:,} | {r['words']:,} | {r['cpu_s']:.1f} | {r['wall_s']:.1f} "
            f"| {r['words_per_cpu_s']:,.0f} | {r['words_per_wall_s']:,.0f} "
            f"| {r['calls_per_cpu_s']:,.1f} | {r['tokenizer_words_per_cpu_s']:,.0f} "
            f"| {ratio:.1%} | {r['peak_mb']:,.0f} |"
        )
    return head + "\n".join(rows) + "\n"


def measure(lang: str, path: Path) -> dict[str, object]:
    """:func:`measure_one` in a fresh process (this script with ``--one``)."""
    done = subprocess.run(
        [sys.executable, __file__, "--one", lang, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", action="append", choices=["en", "sv"], help="default: both")
    parser.add_argument("--calls", action="append", type=int, help="default: 1000 and 10000")
    parser.add_argument("--one", nargs=2, metavar=("LANG", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one[0], Path(args.one[1]))))
        return 0
    if not (shared() / "corpus" / "sgd.jsonl").is_file():
        print(f"skipped: shared data not found at {shared()} (set VERBALKIT_SHARED_DATA)")
        return 0
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in args.lang or ["en", "sv"]:
            for n in args.calls or [1000, 10000]:
                results.append(measure(lang, write_input(lang, n, Path(tmp))))
                print(table(results[-1:]).splitlines()[-1], flush=True)
    print()
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
