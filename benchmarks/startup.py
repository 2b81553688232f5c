"""Start-up time of the command line on one small file, per language (issue 11).

For Swedish and English, runs ``verbalkit analyze FILE`` and ``verbalkit score FILE --out
TMP`` in a fresh process, cold (the lemma cache removed first: the run builds it) and warm
(the cache in place), and prints CPU time (user + system), wall time and peak memory (max
RSS) of each: the median of ``--repeat`` runs, and the fastest run's CPU time. The machine
may be shared: CPU time is the steadier figure. Floors for comparison: ``python -c pass``
and ``python -c "import spacy"``.

    .venv/bin/python benchmarks/startup.py [--repeat 5] [--src OTHER_CHECKOUT/src]

``--src`` measures another checkout's code with this interpreter (e.g. a ``git worktree``
of an older commit, to compare before and after). The lemma cache goes to a temporary
folder (``VERBALKIT_CACHE_DIR``), so the user's own cache is left alone.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = {
    "sv": REPO / "examples" / "sv-matkasse.json",
    "en": REPO / "examples" / "en-card-blocked.json",
}


@dataclass(frozen=True)
class Run:
    cpu: float  # seconds, user + system
    wall: float  # seconds
    peak_mib: float  # max RSS
    cpu_min: float = 0.0  # the fastest of the runs (less disturbed by other load)


def run_once(argv: list[str], env: dict[str, str]) -> Run:
    """Run ``argv`` to completion; its own CPU time, wall time and max RSS (Linux, macOS)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {err.decode()[-800:]}")
    per_mib = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes or KiB
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / per_mib)


def median_run(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.cpu for r in runs),
        statistics.median(r.wall for r in runs),
        max(r.peak_mib for r in runs),
        min(r.cpu for r in runs),
    )


def measure(
    repeat: int = 3, src: Path | None = None, langs: list[str] | None = None
) -> list[tuple[str, str, str, Run]]:
    """Rows of (language, command, cache state, median run); ``langs``: default both."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    rows: list[tuple[str, str, str, Run]] = []
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="vk-startup-") as tmp:
        cache = Path(tmp) / "cache"
        out = Path(tmp) / "scored"
        env["VERBALKIT_CACHE_DIR"] = str(cache)
        floors = {"python -c pass": [py, "-c", "pass"], "import spacy": [py, "-c", "import spacy"]}
        for name, argv in floors.items():
            rows.append(("-", name, "-", median_run([run_once(argv, env) for _ in range(repeat)])))
        for lang, example in EXAMPLES.items():
            if langs is not None and lang not in langs:
                continue
            commands = {
                "analyze": [py, "-m", "verbalkit", "analyze", str(example)],
                "score": [py, "-m", "verbalkit", "score", str(example), "--out", str(out)],
            }
            for name, argv in commands.items():
                cold = []
                for _ in range(repeat):
                    shutil.rmtree(cache, ignore_errors=True)
                    shutil.rmtree(out, ignore_errors=True)
                    cold.append(run_once(argv, env))
                warm = []
                for _ in range(repeat):
                    shutil.rmtree(out, ignore_errors=True)
                    warm.append(run_once(argv, env))
                rows.append((lang, name, "cold", median_run(cold)))
                rows.append((lang, name, "warm", median_run(warm)))
    return rows


def table(rows: list[tuple[str, str, str, Run]]) -> str:
    lines = [
        "| lang | command | lemma cache | CPU s | CPU s (min) | wall s | peak MiB |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for lang, command, state, run in rows:
        lines.append(
            f"| {lang} | {command} | {state} | {run.cpu:.2f} | {run.cpu_min:.2f} "
            f"| {run.wall:.2f} | {run.peak_mib:.0f} |"
        )
    return "\n".join(lines)


def machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {load}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per cell (median)")
    parser.add_argument("--src", type=Path, help="measure this checkout's src/ instead")
    args = parser.parse_args(argv)
    print(f"start-up, median of {args.repeat} runs; {machine()}")
    for lang, path in EXAMPLES.items():
        print(f"  {lang}: {path.relative_to(REPO)}")
    print()
    print(table(measure(args.repeat, args.src)))
    print(f"\nafter: load average {machine().rsplit('load average ', 1)[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
