"""Measure tagging accuracy on the shared labelled data and write benchmarks/accuracy.md.

Run from the repository root::

    .venv/bin/python benchmarks/accuracy.py            # or: make accuracy
    .venv/bin/python benchmarks/accuracy.py --limit 500  # quick check on the first rows

The data is found through ``$VERBALKIT_SHARED_DATA`` or ``<repo>/../shared/data``; when it
is absent the script says so and exits 0 without writing anything. Only scores, counts and
ids go into the Markdown file, never the labelled text itself.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import verbalkit
from verbalkit.errors import VerbalkitError
from verbalkit.evaluate import EvaluationReport, evaluate_file
from verbalkit.report.evaluation import render_markdown
from verbalkit.vocab import SUPPORTED_LANGUAGES

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = REPO / "benchmarks" / "accuracy.md"


@dataclass(frozen=True)
class Run:
    """One evaluation: a labelled file (relative to shared/data) and its options."""

    title: str
    path: str
    exclude_notes: tuple[str, ...] = ()
    in_repo: bool = False  # path is relative to the repository, not shared/data


RUNS: tuple[Run, ...] = (
    Run("Dev utterances, Swedish", "dev/utterances_sv.csv"),
    Run("Dev utterances, English", "dev/utterances_en.csv"),
    Run("Dev utterances, Swedish, AMB: rows excluded", "dev/utterances_sv.csv", ("AMB:",)),
    Run("Dev utterances, English, AMB: rows excluded", "dev/utterances_en.csv", ("AMB:",)),
    Run("Dev calls, utterance labels", "dev/calls_utterance_labels.csv"),
    Run("Dev calls, call-level labels", "dev/calls_manual_labels.csv"),
    Run(
        "Hold-out 1, Swedish (used in rule round 2)",
        "benchmarks/holdout/holdout_sv.csv",
        in_repo=True,
    ),
    Run(
        "Hold-out 1, English (used in rule round 2)",
        "benchmarks/holdout/holdout_en.csv",
        in_repo=True,
    ),
    Run(
        "Hold-out 2, Swedish (never tuned on)", "benchmarks/holdout2/holdout2_sv.csv", in_repo=True
    ),
    Run(
        "Hold-out 2, English (never tuned on)", "benchmarks/holdout2/holdout2_en.csv", in_repo=True
    ),
    Run("AnnoMI dev (therapist turns)", "external/annomi_dev.csv"),
    Run("SwDA dev (all speakers)", "external/swda_dev.csv"),
)


#: Hand-written commentary included after the summary (what the numbers mean).
NOTES = Path(__file__).resolve().parent / "accuracy_notes.md"


def shared_data() -> Path | None:
    """The shared data folder, or None when it is not there."""
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    root = Path(env) if env else REPO.parent / "shared" / "data"
    return root if root.is_dir() else None


def pack_versions() -> list[str]:
    """``lang: name@version`` of each built-in rule pack, as far as they can be loaded."""
    try:
        from verbalkit.pipeline.packs import load_pack
    except ImportError:
        return ["(rule packs: loader not available)"]
    versions = []
    for lang in SUPPORTED_LANGUAGES:
        try:
            pack = load_pack(lang)
            versions.append(f"{lang}: {pack.name}@{pack.version}")
        except (AttributeError, VerbalkitError) as err:
            versions.append(f"{lang}: unavailable ({err})")
    return versions


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def summary_rows(title: str, report: EvaluationReport, seconds: float) -> list[str]:
    rows = []
    for scores in report.languages:
        jargon = _fmt(scores.jargon.f1) if scores.jargon is not None else "–"
        rows.append(
            f"| {title} | {scores.language} | {scores.n_rows} | {_fmt(scores.micro_f1)} | "
            f"{_fmt(scores.macro_f1)} | {jargon} | {seconds:.1f} |"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="Only the first N rows per file.")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="Markdown file.")
    args = parser.parse_args(argv)

    root = shared_data()
    if root is None:
        print(
            "accuracy: skipped, no shared data (set VERBALKIT_SHARED_DATA or put it at "
            f"{REPO.parent / 'shared' / 'data'})"
        )
        return 0

    summary = [
        "| run | language | rows | micro F1 | macro F1 | jargon F1 | seconds |",
        "| :--- | :--- | ---: | ---: | ---: | ---: | ---: |",
    ]
    sections: list[str] = []
    for run in RUNS:
        path = (REPO if run.in_repo else root) / run.path
        if not path.is_file():
            print(f"accuracy: {run.title}: skipped, {run.path} not found")
            sections.append(f"## {run.title}\n\nNot run: `{run.path}` not found.\n")
            continue
        print(f"accuracy: {run.title} ...", flush=True)
        began = time.perf_counter()
        try:
            report = evaluate_file(path, exclude_notes=run.exclude_notes, limit=args.limit)
        except (VerbalkitError, NotImplementedError) as err:
            print(f"accuracy: {run.title}: failed: {err}", file=sys.stderr)
            sections.append(f"## {run.title}\n\nNot run: {type(err).__name__}: {err}\n")
            continue
        seconds = time.perf_counter() - began
        shown = run.path if run.in_repo else f"shared/data/{run.path}"
        report = report.model_copy(update={"path": shown})
        summary.extend(summary_rows(run.title, report, seconds))
        sections.append(render_markdown(report, title=run.title))

    now = datetime.now(UTC).astimezone()
    header = [
        "# verbalkit accuracy",
        "",
        "Generated by `benchmarks/accuracy.py` (`make accuracy`); do not edit by hand.",
        "",
        f"- date: {now:%Y-%m-%d %H:%M %Z}",
        f"- verbalkit {verbalkit.__version__}",
        *(f"- rule pack {v}" for v in pack_versions()),
        "- data: `shared/data` (dev files and external `_dev` halves; see their READMEs)",
        f"- rows per file: {'first ' + str(args.limit) if args.limit is not None else 'all'}",
        "",
        "Precision, recall and F1 per behaviour; micro F1 sums tp/fp/fn over the behaviours a "
        "file labels, macro F1 averages their F1. Jargon spans count as found when they "
        "overlap a gold span. `–` means undefined (nothing predicted or nothing labelled).",
        "",
        "## Summary",
        "",
        *summary,
        "",
    ]
    if NOTES.is_file():
        header += [NOTES.read_text(encoding="utf-8").strip(), ""]
    args.output.write_text("\n".join(header) + "\n" + "\n".join(sections), encoding="utf-8")
    print(f"accuracy: wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
