"""`--jobs 1` against `--jobs N`: wall time, CPU time, speed-up and peak memory.

Runs whole jobs as a user does, in a fresh process, start-up, reading and every output
included, on the first ``--calls`` calls of the shared SGD corpus (2,000 by default, or as
many as there are), or on the calls of ``--input FILE`` (a JSON Lines file of calls, such
as the Swedish calls ``throughput.py`` assembles; ``make bench`` passes those):

- ``verbalkit analyze FILE --json -o OUT --jobs N``: analysis, one JSON line per call;
- ``verbalkit score FILE --out DIR --jobs N``: analysis, scores and the reports. Writing the
  reports after the last call (``report.html`` draws a timeline for each of the 100 calls it
  shows in full) runs in the main process, after the workers are done, so it bounds the
  speed-up of ``score`` (Amdahl); ``analyze`` shows what the workers themselves give.

Times are the median of ``--repeat`` runs, the settings taken in turn. CPU time is user +
system of the command and every process it waited for (the workers), so the CPU ratio shows
what the workers cost beyond the work itself (their start-up: imports and pipelines). Peak
memory is the largest single process, and the sum over the command's processes sampled
every 50 ms.

    python benchmarks/parallel.py [--calls 2000 | --input FILE] [--jobs 2] [--repeat 1]
        [--only analyze] [--dask]

Skips with a message when the corpus is absent. The machine may be shared: the CPU figures
hold when the wall figures do not.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def corpus_path() -> Path:
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    root = Path(env) if env else REPO.parent / "shared" / "data"
    return root / "corpus" / "sgd.jsonl"


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float
    """The largest single process."""
    total_mib: float | None
    """The sum over the command's processes (None without psutil)."""


def measure(cmd: list[str]) -> Run:
    """Run ``cmd`` to its end; its wall and CPU time (with its children) and peak memory."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = _Sampler(proc.pid)
    sampler.start()
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()}")
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_mib=usage.ru_maxrss / 1024,
        total_mib=sampler.peak_mib,
    )


class _Sampler(threading.Thread):
    """The peak of the summed resident memory of a process and its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_mib: float | None = None
        self.done = threading.Event()

    def run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        self.peak_mib = 0.0
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.done.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
            self.peak_mib = max(self.peak_mib, total / 2**20)
            self.done.wait(0.05)

    def stop(self) -> None:
        self.done.set()
        self.join()


def compare(
    sample: Path,
    tmp: Path,
    *,
    jobs: int = 2,
    repeat: int = 1,
    only: str | None = None,
    dask: bool = False,
) -> tuple[list[tuple[tuple[str, str], Run]], list[str]]:
    """((command, setting), median run) of each command on ``sample``, ``--jobs 1`` first,
    and the outputs that differ from the first run of their command (there should be none).

    Outputs go under ``tmp``.
    """
    verbalkit = [sys.executable, "-m", "verbalkit"]
    commands = {
        "analyze": [*verbalkit, "analyze", str(sample), "--json", "-o"],
        "score": [*verbalkit, "score", str(sample), "--quiet", "--out"],
    }
    settings: dict[tuple[str, str], list[str]] = {}
    for command in ("analyze", "score"):
        if only not in (None, command):
            continue
        settings[(command, "--jobs 1")] = ["--jobs", "1"]
        settings[(command, f"--jobs {jobs}")] = ["--jobs", str(jobs)]
    if dask and only in (None, "score"):
        engine = ["--engine", "dask", "--jobs", str(jobs)]
        settings[("score", f"--engine dask --jobs {jobs}")] = engine
    runs: dict[tuple[str, str], list[Run]] = {key: [] for key in settings}
    for k in range(repeat):
        for (command, name), extra in settings.items():
            out = tmp / command / f"{k}-{name.replace(' ', '')}"
            out.parent.mkdir(parents=True, exist_ok=True)
            target = out.with_suffix(".jsonl") if command == "analyze" else out
            run = measure([*commands[command], str(target), *extra])
            runs[(command, name)].append(run)
            print(f"  {command} {name}: {run.wall:.1f} s, CPU {run.cpu:.1f} s", file=sys.stderr)
    return [(key, _median(r)) for key, r in runs.items()], _same_results(tmp)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000, help="corpus calls (default 2000)")
    parser.add_argument("--input", type=Path, help="this JSON Lines file instead of the corpus")
    parser.add_argument("--jobs", type=int, default=2, help="workers to compare with 1")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each (median)")
    parser.add_argument("--only", choices=("analyze", "score"), help="one command only")
    parser.add_argument("--dask", action="store_true", help="also score --engine dask (local)")
    args = parser.parse_args(argv)

    path = args.input or corpus_path()
    if not path.is_file():
        print(f"skipped: {path} not found (set VERBALKIT_SHARED_DATA)")
        return 0
    with tempfile.TemporaryDirectory(prefix="verbalkit-parallel-") as tmp:
        if args.input:
            sample = args.input
        else:
            sample = Path(tmp) / "calls.jsonl"
            with path.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
                dst.writelines(itertools.islice(src, args.calls))
        n_calls, n_words = _count(sample)
        results, differ = compare(
            sample,
            Path(tmp),
            jobs=args.jobs,
            repeat=args.repeat,
            only=args.only,
            dask=args.dask,
        )

    what = f"calls of {args.input}" if args.input else "corpus calls"
    print(f"{n_calls:,} {what} ({n_words:,} words), {os.cpu_count()} cores")
    print(f"median of {args.repeat} run(s) each; CPU = user + system of all processes\n")
    print(
        "| command | run | wall s | CPU s | calls/s | words/s | peak MiB (one process) | peak MiB (all) |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for (command, name), r in results:
        total = f"{r.total_mib:.0f}" if r.total_mib is not None else "–"
        print(
            f"| {command} | {name} | {r.wall:.1f} | {r.cpu:.1f} | {n_calls / r.wall:.1f} | "
            f"{n_words / r.wall:,.0f} | {r.peak_mib:.0f} | {total} |"
        )
    print()
    baseline = {command: r for (command, name), r in results if name == "--jobs 1"}
    for (command, name), r in results:
        if name != "--jobs 1":
            one = baseline[command]
            print(
                f"{command} {name}: speed-up {one.wall / r.wall:.2f}× (wall); "
                f"CPU {r.cpu / one.cpu:.2f}× of --jobs 1"
            )
    for problem in differ:
        print(f"NOT THE SAME RESULTS: {problem}")
    return 1 if differ else 0


def _count(path: Path) -> tuple[int, int]:
    from verbalkit.io import read_many
    from verbalkit.schema import Transcript

    n_calls = n_words = 0
    for item in read_many([path]):
        if isinstance(item, Transcript):
            n_calls += 1
            n_words += item.n_words
    return n_calls, n_words


def _median(runs: list[Run]) -> Run:
    totals = [r.total_mib for r in runs if r.total_mib is not None]
    return Run(
        wall=statistics.median(r.wall for r in runs),
        cpu=statistics.median(r.cpu for r in runs),
        peak_mib=max(r.peak_mib for r in runs),
        total_mib=max(totals) if totals else None,
    )


def _same_results(tmp: Path) -> list[str]:
    """The runs whose results differ, line for line, from the first run of their command.

    Read line by line: this process forks the measured ones, and on Linux a child's peak RSS
    is at least its parent's at the fork, so this process must stay small.
    """
    differ = []
    for outputs in (sorted(tmp.glob("analyze/*.jsonl")), sorted(tmp.glob("score/*/results.jsonl"))):
        for other in outputs[1:]:
            with outputs[0].open("rb") as a, other.open("rb") as b:
                pairs = itertools.zip_longest(a, b)
                n_lines = n_differ = 0
                for x, y in pairs:
                    n_lines += x is not None
                    n_differ += x != y
            if n_differ:
                name = other.name
                if name == "results.jsonl":
                    name = f"{other.parent.name}/{name}"
                differ.append(
                    f"{name}: {n_differ:,} of {n_lines:,} lines differ from {outputs[0].name}"
                )
    return differ


if __name__ == "__main__":
    raise SystemExit(main())
