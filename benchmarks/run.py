"""``make bench``: the throughput benchmarks of issue 11 in one table, per language.

Runs four measurements, each in fresh processes as the scripts beside this one do, and
prints one Markdown report: a headline table with one row per language, then the detail
of each measurement. It rewrites the measured block of ``benchmarks/throughput.md``
(between the ``measured`` markers; the rest of the file is kept) unless ``--no-write``.

- **Full job on one process** (``throughput.py``): read → analyze → score → JSON at 1,000 and
  10,000 calls, words/s and calls/s in CPU and wall time, peak RSS, and spaCy's blank
  tokenizer's words/s on the same text with the ratio of the two. English: the first calls of
  the shared SGD corpus; Swedish: the Swedish dev and hold-out utterances assembled into
  calls, repeated.
- **``--jobs``** (``parallel.py``): ``verbalkit analyze`` and ``verbalkit score`` with
  ``--jobs 1`` and ``--jobs N`` (default: all cores), whole commands, on the 1,000-call file
  of each language.
- **Start-up** (``startup.py``): ``analyze`` and ``score`` of one small example file per
  language, cold and warm lemma cache.
- **Long utterance** (``long_utterance.py``): seconds per 1,000 words of a 1,000- and a
  40,000-word agent utterance.

CPU time is reported beside wall time throughout: the machine may be shared.

    python benchmarks/run.py [--quick] [--no-write] [--lang en] [--jobs N] [--src DIR/src]

``--quick`` (100 and 1,000 calls, one run each) checks this script in a few minutes.
``--src`` measures another checkout's code (for instance a clean ``git worktree`` of HEAD)
with this interpreter. Skips with a message when the shared data (``../shared/data``, or
``VERBALKIT_SHARED_DATA``) is absent. Needs nothing outside the project's environment.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

# Beside this file: run as a script, its folder is on sys.path.
import long_utterance
import parallel
import startup
import throughput
from machine import cpu_model  # beside this file

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
REPORT = HERE / "throughput.md"
BEGIN, END = "<!-- measured: begin -->", "<!-- measured: end -->"

Result = dict[str, object]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def machine() -> str:
    model = cpu_model()
    try:
        spacy = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        spacy = "?"
    return (
        f"{model} ({platform.machine()}), {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, spaCy {spacy}"
    )


def code(src: Path) -> str:
    """The commit of the measured code, and whether its src/ or models/ has changes."""

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(src), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return f"`{src}` (not a git checkout)"
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", ".", "../models")
    return f"commit `{commit}`" + (" with uncommitted changes in src/ or models/" if dirty else "")


def words_in(path: Path) -> tuple[int, int]:
    """Calls and whitespace-separated words of a JSON Lines file (as ``throughput.py`` counts)."""
    with path.open(encoding="utf-8") as f:
        n_calls = sum(1 for line in f if line.strip())
    return n_calls, sum(len(t.split()) for t in throughput.texts(path))


def pair(a: float, b: float, fmt: str = ",.0f") -> str:
    return f"{a:{fmt}} / {b:{fmt}}"


def f(r: Result, key: str) -> float:
    return float(r[key])  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 calls, one run each")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--lang", action="append", choices=["en", "sv"], help="default: both")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="default: cores")
    parser.add_argument("--repeat", type=int, help="start-up and --jobs runs (default 3 and 1)")
    parser.add_argument("--src", type=Path, help="measure this checkout's src/ instead")
    args = parser.parse_args(argv)

    data = throughput.shared()
    needs = {"en": data / "corpus" / "sgd.jsonl", "sv": data / "dev" / "utterances_sv.csv"}
    langs = []
    for lang in args.lang or ["en", "sv"]:
        if needs[lang].is_file():
            langs.append(lang)
        else:
            print(f"skipped {lang}: {needs[lang]} not found (set VERBALKIT_SHARED_DATA)")
    if not langs:
        print(f"skipped: shared data not found at {data} (set VERBALKIT_SHARED_DATA)")
        return 0

    src = (args.src or REPO / "src").resolve()
    if args.src:
        path = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), path]))
    probe = "import verbalkit; from importlib import resources as r; "
    probe += "print(verbalkit.__file__); print(r.files('verbalkit.models'))"
    where, models = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split("\n")[:2]
    if Path(models).resolve() != (src.parent / "models").resolve():
        # An editable install maps verbalkit.models to its own checkout's models/.
        print(
            f"error: the code of {src} would read the packs of {models}, not of "
            f"{src.parent / 'models'}: link them (ln -s ../../models {src}/verbalkit/models)"
        )
        return 2
    log(f"measuring {where}, packs {models} ({code(src)})")

    counts = [100, 1000] if args.quick else [1000, 10000]
    startup_repeat = args.repeat or (1 if args.quick else 3)
    parallel_repeat = args.repeat or 1
    load_before, started = load(), time.perf_counter()
    per_core: dict[tuple[str, int], Result] = {}
    jobs: dict[str, tuple[int, int, list[tuple[tuple[str, str], parallel.Run]]]] = {}
    long: dict[str, list[Result]] = {}
    differs: list[str] = []
    with tempfile.TemporaryDirectory(prefix="verbalkit-bench-") as tmp:
        inputs: dict[tuple[str, int], Path] = {}
        for lang in langs:
            for n in counts:
                inputs[(lang, n)] = throughput.write_input(lang, n, Path(tmp))
                log(f"full job, one process: {lang}, {n:,} calls …")
                per_core[(lang, n)] = r = throughput.measure(lang, inputs[(lang, n)])
                log(f"  {f(r, 'cpu_s'):.1f} s CPU, {f(r, 'wall_s'):.1f} s wall")
        for lang in langs:
            sample = inputs[(lang, counts[0])]
            log(f"--jobs 1 and --jobs {args.jobs}: {lang}, {counts[0]:,} calls …")
            runs, differ = parallel.compare(
                sample, Path(tmp) / f"jobs-{lang}", jobs=args.jobs, repeat=parallel_repeat
            )
            jobs[lang] = (*words_in(sample), runs)
            differs += [f"{lang}, {problem}" for problem in differ]
            for problem in differ:
                log(f"  NOT THE SAME RESULTS: {problem}")
        log("start-up …")
        start_rows = startup.measure(startup_repeat, langs=langs)
        for lang in langs:
            log(f"long utterance: {lang} …")
            done = subprocess.run(
                [sys.executable, long_utterance.__file__, "--lang", lang, "--json"],
                capture_output=True,
                text=True,
                check=True,
            )
            long[lang] = [json.loads(line) for line in done.stdout.splitlines()]
    minutes = (time.perf_counter() - started) / 60

    head = (
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `make bench` "
        f"(`benchmarks/run.py{' --quick' if args.quick else ''}`) on {machine()}; "
        f"code: {code(src)}; load average (1, 5, 15 min) {load_before} before, "
        f"{load()} after; {minutes:.0f} min in all. CPU time beside wall time: the machine "
        "is shared.\n"
    )
    body = "\n".join(
        [
            head,
            headline(
                langs, counts, per_core, jobs, start_rows, long, args.jobs, startup_repeat, differs
            ),
            per_core_table(langs, counts, per_core),
            jobs_table(langs, jobs, parallel_repeat, differs),
            f"#### Start-up (one example file, median of {startup_repeat} run(s))\n\n"
            + startup.table(start_rows)
            + "\n",
            long_table(langs, long),
        ]
    )
    print(body)
    if not args.no_write:
        write_report(body)
        print(f"wrote {REPORT}")
    return 0


def headline(
    langs: list[str],
    counts: list[int],
    per_core: dict[tuple[str, int], Result],
    jobs: dict[str, tuple[int, int, list[tuple[tuple[str, str], parallel.Run]]]],
    start_rows: list[tuple[str, str, str, startup.Run]],
    long: dict[str, list[Result]],
    n_jobs: int,
    startup_repeat: int,
    differs: list[str],
) -> str:
    small, big = counts[0], counts[-1]
    lines = [
        "### All in one",
        "",
        f"| lang | words/s, {small:,} calls, one process (CPU / wall) "
        f"| calls/s, {small:,} calls (CPU / wall) "
        f"| words/s, {big:,} calls, one process (CPU / wall) "
        f"| calls/s, {big:,} calls (CPU / wall) "
        f"| words/s, `score --jobs {n_jobs}`, {small:,} calls (wall / CPU) "
        f"| speed-up of `--jobs {n_jobs}` (wall) "
        f"| tokenizer words/s, {big:,} calls (CPU) | job / tokenizer (CPU) "
        f"| peak RSS MiB, {small:,} / {big:,} calls "
        "| start-up s, `score`, warm (CPU / wall) "
        "| s per 1,000 words, 1,000-word utterance (CPU / wall) "
        f"| s per 1,000 words, {long_utterance.LONG_WORDS:,}-word utterance (CPU / wall) |",
        "|---|" + "---:|" * 12,
    ]
    for lang in langs:
        one, many = per_core[(lang, small)], per_core[(lang, big)]
        _, n_words, runs = jobs[lang]
        by_name = dict(runs)
        j1, jn = by_name[("score", "--jobs 1")], by_name[("score", f"--jobs {n_jobs}")]
        warm = next(r for la, cmd, st, r in start_rows if (la, cmd, st) == (lang, "score", "warm"))
        short, longest = long[lang][0], long[lang][1]  # punctuated: 1,000 words, then the long
        ratio = f(many, "words_per_cpu_s") / f(many, "tokenizer_words_per_cpu_s")
        same = " (**results differ**)" if any(d.startswith(f"{lang},") for d in differs) else ""
        lines.append(
            f"| {lang} "
            f"| {pair(f(one, 'words_per_cpu_s'), f(one, 'words_per_wall_s'))} "
            f"| {pair(f(one, 'calls_per_cpu_s'), f(one, 'calls_per_wall_s'), ',.1f')} "
            f"| {pair(f(many, 'words_per_cpu_s'), f(many, 'words_per_wall_s'))} "
            f"| {pair(f(many, 'calls_per_cpu_s'), f(many, 'calls_per_wall_s'), ',.1f')} "
            f"| {pair(n_words / jn.wall, n_words / jn.cpu)} "
            f"| {j1.wall / jn.wall:.2f}×{same} "
            f"| {f(many, 'tokenizer_words_per_cpu_s'):,.0f} | {ratio:.1%} "
            f"| {f(one, 'peak_mb'):,.0f} / {f(many, 'peak_mb'):,.0f} "
            f"| {pair(warm.cpu, warm.wall, '.2f')} "
            f"| {pair(long_utterance.per_1k(short), long_utterance.per_1k(short, 'wall_s'), '.3f')} "
            f"| {pair(long_utterance.per_1k(longest), long_utterance.per_1k(longest, 'wall_s'), '.3f')} |"
        )
    lines += [
        "",
        "One process: read → analyze → score → JSON of each call in one fresh process, start-up "
        f"not timed. `--jobs {n_jobs}`: the whole `verbalkit score` command (start-up, reading, "
        "reports) on the same calls; its CPU words/s divides by the CPU time of all its "
        "processes. Tokenizer: spaCy's blank tokenizer on the distinct texts. Peak RSS: the "
        f"one-process job. Start-up: one small example file, median of {startup_repeat} "
        "run(s). Utterances: punctuated agent speech, the fastest of 5 (1,000 words) and 2 "
        "(long) runs. Details below.",
        "",
    ]
    return "\n".join(lines)


def per_core_table(
    langs: list[str], counts: list[int], per_core: dict[tuple[str, int], Result]
) -> str:
    lines = [
        "#### Full job on one process",
        "",
        "| lang | calls | words | CPU s | wall s | words/s (CPU) | words/s (wall) | calls/s (CPU) "
        "| calls/s (wall) | tokenizer words/s (CPU) | job / tokenizer | peak RSS MiB |",
        "|---|" + "---:|" * 11,
    ]
    for lang in langs:
        for n in counts:
            r = per_core[(lang, n)]
            ratio = f(r, "words_per_cpu_s") / f(r, "tokenizer_words_per_cpu_s")
            lines.append(
                f"| {lang} | {f(r, 'calls'):,.0f} | {f(r, 'words'):,.0f} | {f(r, 'cpu_s'):.1f} "
                f"| {f(r, 'wall_s'):.1f} | {f(r, 'words_per_cpu_s'):,.0f} "
                f"| {f(r, 'words_per_wall_s'):,.0f} | {f(r, 'calls_per_cpu_s'):,.1f} "
                f"| {f(r, 'calls_per_wall_s'):,.1f} | {f(r, 'tokenizer_words_per_cpu_s'):,.0f} "
                f"| {ratio:.1%} | {f(r, 'peak_mb'):,.0f} |"
            )
    return "\n".join(lines) + "\n"


def jobs_table(
    langs: list[str],
    jobs: dict[str, tuple[int, int, list[tuple[tuple[str, str], parallel.Run]]]],
    repeat: int,
    differs: list[str],
) -> str:
    lines = [
        f"#### `--jobs` (whole commands, median of {repeat} run(s); CPU: all processes)",
        "",
        "| lang | calls | words | command | run | wall s | CPU s | calls/s (wall) "
        "| words/s (wall) | words/s (CPU) | speed-up (wall) | CPU ÷ `--jobs 1` "
        "| peak MiB (one process) | peak MiB (all) |",
        "|---|---:|---:|---|---|" + "---:|" * 9,
    ]
    for lang in langs:
        n_calls, n_words, runs = jobs[lang]
        baseline = {command: r for (command, name), r in runs if name == "--jobs 1"}
        for (command, name), r in runs:
            one = baseline[command]
            total = f"{r.total_mib:.0f}" if r.total_mib is not None else "–"
            lines.append(
                f"| {lang} | {n_calls:,} | {n_words:,} | `{command}` | `{name}` | {r.wall:.1f} "
                f"| {r.cpu:.1f} | {n_calls / r.wall:,.1f} | {n_words / r.wall:,.0f} "
                f"| {n_words / r.cpu:,.0f} | {one.wall / r.wall:.2f}× | {r.cpu / one.cpu:.2f}× "
                f"| {r.peak_mib:.0f} | {total} |"
            )
    lines.append("")
    if differs:
        lines.append("**Not the same results** with `--jobs N` as with `--jobs 1`:")
        lines += [f"- {problem}" for problem in differs]
    else:
        lines.append("Every run of a command wrote the same results, line for line.")
    return "\n".join(lines) + "\n"


def long_table(langs: list[str], long: dict[str, list[Result]]) -> str:
    lines = [
        "#### Long utterance (`verbalkit.tag` on one agent utterance)",
        "",
        "| lang | text | words | CPU s | wall s | s per 1,000 words (CPU) "
        "| s per 1,000 words (wall) | long ÷ short (CPU) |",
        "|---|---|" + "---:|" * 6,
    ]
    for lang in langs:
        rows = long[lang]
        for k, r in enumerate(rows):
            cost = long_utterance.per_1k(r)
            ratio = f"{cost / long_utterance.per_1k(rows[k - 1]):.2f}×" if k % 2 else ""
            lines.append(
                f"| {lang} | {r['style']} | {f(r, 'words'):,.0f} | {f(r, 'cpu_s'):.2f} "
                f"| {f(r, 'wall_s'):.2f} | {cost:.3f} | {long_utterance.per_1k(r, 'wall_s'):.3f} "
                f"| {ratio} |"
            )
    return "\n".join(lines) + "\n"


def write_report(body: str) -> None:
    """Replace the measured block of ``throughput.md``; the rest of the file is kept."""
    block = f"{BEGIN}\n{body}{END}"
    old = REPORT.read_text(encoding="utf-8") if REPORT.is_file() else ""
    if BEGIN in old and END in old:
        new = old[: old.index(BEGIN)] + block + old[old.index(END) + len(END) :]
    else:
        new = f"# Throughput\n\n{block}\n" + old
    REPORT.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
