"""Measure tagging accuracy on the shared labelled data and write benchmarks/accuracy.md.

Run from the repository root::

    .venv/bin/python benchmarks/accuracy.py            # or: make accuracy
    .venv/bin/python benchmarks/accuracy.py --limit 500  # quick check on the first rows
    .venv/bin/python benchmarks/accuracy.py --swda-limit 20000  # SwDA dev cut short

Every run is scored twice: AFTER with the code and rule packs of this checkout, and BEFORE
with the code and rule packs of ``--before REF`` (default :data:`BEFORE_REF`). The before
figures come from a subprocess run in a temporary ``git worktree`` of REF, with
``PYTHONPATH`` set to its ``src`` and the built-in pack folder pointed at its ``models``;
the worktree is removed afterwards. ``--before none`` skips it.

The data is found through ``$VERBALKIT_SHARED_DATA`` or ``<repo>/../shared/data``; when it
is absent the script says so and exits 0 without writing anything. Only scores, counts and
ids go into the Markdown file, never the labelled text itself (error rows are dropped).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from machine import cpu_model  # beside this file

import verbalkit
from verbalkit.errors import VerbalkitError
from verbalkit.evaluate import EvaluationReport, LanguageScores, evaluate_file
from verbalkit.report.evaluation import render_markdown
from verbalkit.vocab import SUPPORTED_LANGUAGES

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = REPO / "benchmarks" / "accuracy.md"

#: The last commit before issue 13's rule changes: the BEFORE figures use its code and packs.
BEFORE_REF = "044612c"

#: In the BEFORE subprocess: the ``models/`` folder its built-in packs must come from.
MODELS_ENV = "VERBALKIT_ACCURACY_MODELS"


@dataclass(frozen=True)
class Run:
    """One evaluation: a labelled file (relative to shared/data) and its options."""

    title: str
    path: str
    exclude_notes: tuple[str, ...] = ()
    in_repo: bool = False  # path is relative to the repository, not shared/data
    large: bool = False  # cut to --swda-limit rows
    compare: bool = True  # gets a per-behaviour before → after table


RUNS: tuple[Run, ...] = (
    Run("Dev utterances, Swedish", "dev/utterances_sv.csv"),
    Run("Dev utterances, English", "dev/utterances_en.csv"),
    Run(
        "Dev utterances, Swedish, AMB: rows excluded",
        "dev/utterances_sv.csv",
        ("AMB:",),
        compare=False,
    ),
    Run(
        "Dev utterances, English, AMB: rows excluded",
        "dev/utterances_en.csv",
        ("AMB:",),
        compare=False,
    ),
    Run("Dev calls, utterance labels", "dev/calls_utterance_labels.csv"),
    Run("Dev calls, call-level labels", "dev/calls_manual_labels.csv"),
    Run(
        "Hold-out 1, Swedish (used in rule round 2)",
        "benchmarks/holdout/holdout_sv.csv",
        in_repo=True,
        compare=False,
    ),
    Run(
        "Hold-out 1, English (used in rule round 2)",
        "benchmarks/holdout/holdout_en.csv",
        in_repo=True,
        compare=False,
    ),
    Run(
        "Hold-out 2, Swedish (used in rule round 3)",
        "benchmarks/holdout2/holdout2_sv.csv",
        in_repo=True,
    ),
    Run(
        "Hold-out 2, English (used in rule round 3)",
        "benchmarks/holdout2/holdout2_en.csv",
        in_repo=True,
    ),
    Run(
        "Wild, Swedish (written blind, used to develop rules in round 3)",
        "benchmarks/wild/wild_sv.csv",
        in_repo=True,
    ),
    Run(
        "Wild, English (written blind, used to develop rules in round 3)",
        "benchmarks/wild/wild_en.csv",
        in_repo=True,
    ),
    Run(
        "Wild 2, Swedish (written blind, used to develop rules in round 4)",
        "benchmarks/wild2/wild2_sv.csv",
        in_repo=True,
    ),
    Run(
        "Wild 2, English (written blind, used to develop rules in round 4)",
        "benchmarks/wild2/wild2_en.csv",
        in_repo=True,
    ),
    Run(
        "Wild 3, Swedish (written blind; first run 0.808 macro F1, then used in round 5)",
        "benchmarks/wild3/wild3_sv.csv",
        in_repo=True,
    ),
    Run(
        "Wild 3, English (written blind; first run 0.800 macro F1, then used in round 5)",
        "benchmarks/wild3/wild3_en.csv",
        in_repo=True,
    ),
    Run(
        "Wild 4, Swedish (written blind after round 5; untouched, like sealed)",
        "benchmarks/wild4/wild4_sv.csv",
        in_repo=True,
    ),
    Run(
        "Wild 4, English (written blind after round 5; untouched, like sealed)",
        "benchmarks/wild4/wild4_en.csv",
        in_repo=True,
    ),
    Run(
        "Wild 5, Swedish (written blind after round 5; first run 0.812 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild5/wild5_sv.csv",
        in_repo=True,
    ),
    Run(
        "Wild 5, English (written blind after round 5; first run 0.770 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild5/wild5_en.csv",
        in_repo=True,
    ),
    Run(
        "Wild 6, Swedish (written blind after wild 5; first run 0.866 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild6/wild6_sv.csv",
        in_repo=True,
    ),
    Run(
        "Wild 6, English (written blind after wild 5; first run 0.809 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild6/wild6_en.csv",
        in_repo=True,
    ),
    Run(
        "Wild 7, Swedish (written blind after wild 6; first run 0.862 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild7/wild7_sv.csv",
        in_repo=True,
    ),
    Run(
        "Wild 7, English (written blind after wild 6; first run 0.813 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild7/wild7_en.csv",
        in_repo=True,
    ),
    Run(
        "Wild 8, Swedish (written blind after wild 7; first run 0.829 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild8/wild8_sv.csv",
        in_repo=True,
    ),
    Run(
        "Wild 8, English (written blind after wild 7; first run 0.805 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild8/wild8_en.csv",
        in_repo=True,
    ),
    Run(
        "Wild 9, Swedish (written blind after wild 8; first run 0.821 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild9/wild9_sv.csv",
        in_repo=True,
    ),
    Run(
        "Wild 9, English (written blind after wild 8; first run 0.793 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild9/wild9_en.csv",
        in_repo=True,
    ),
    Run(
        "Wild 10, Swedish (written blind after wild 9; first run 0.785 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild10/wild10_sv.csv",
        in_repo=True,
    ),
    Run(
        "Wild 10, English (written blind after wild 9; first run 0.810 macro F1, then the "
        "trained component is judged and trained on it, no rule)",
        "benchmarks/wild10/wild10_en.csv",
        in_repo=True,
    ),
    Run(
        "Sealed, Swedish (untouched until the end of issue 13)",
        "benchmarks/sealed/sealed_sv.csv",
        in_repo=True,
    ),
    Run(
        "Sealed, English (untouched until the end of issue 13)",
        "benchmarks/sealed/sealed_en.csv",
        in_repo=True,
    ),
    Run(
        "Blind calls, call-level labels (32 calls written blind; first run 28/32 agree on "
        "both patterns; then opened for development)",
        "benchmarks/calls_blind/calls_manual_labels.csv",
        in_repo=True,
    ),
    Run(
        "Blind calls 2, call-level labels (32 calls written blind; first run 22/32 agree on "
        "both patterns; then opened for development)",
        "benchmarks/calls_blind2/calls_manual_labels.csv",
        in_repo=True,
    ),
    Run(
        "Blind calls 3, call-level labels (32 calls written blind; first run 23/32 agree on "
        "both patterns; then opened for development)",
        "benchmarks/calls_blind3/calls_manual_labels.csv",
        in_repo=True,
    ),
    Run(
        "Blind calls 4, call-level labels (32 calls written blind after the fixes from "
        "blind calls 1-3; first run 21/32 agree on both patterns; then opened for development)",
        "benchmarks/calls_blind4/calls_manual_labels.csv",
        in_repo=True,
    ),
    Run(
        "Blind calls 5, call-level labels (32 calls written blind after call-level round 5; "
        "first run 25/32 agree on both patterns; then opened for development in round 6)",
        "benchmarks/calls_blind5/calls_manual_labels.csv",
        in_repo=True,
    ),
    Run(
        "Blind calls 6, call-level labels (32 calls written blind after call-level round 6; "
        "untouched: first run 25/32 agree on both patterns)",
        "benchmarks/calls_blind6/calls_manual_labels.csv",
        in_repo=True,
    ),
    Run("AnnoMI dev (therapist turns)", "external/annomi_dev.csv"),
    Run("SwDA dev (all speakers)", "external/swda_dev.csv", large=True),
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


# ------------------------------------------------------------------------ evaluation


@dataclass
class Outcome:
    """One run, scored by one version of the code: a report, or why there is none."""

    report: EvaluationReport | None = None
    seconds: float = 0.0
    problem: str | None = None  # "not found" or the error, when report is None


def run_limit(run: Run, limit: int | None, swda_limit: int | None) -> int | None:
    """Rows to score for ``run``: ``--limit``, and ``--swda-limit`` for the large files."""
    limits = [n for n in (limit, swda_limit if run.large else None) if n is not None]
    return min(limits) if limits else None


def run_path(run: Run, root: Path) -> Path:
    return (REPO if run.in_repo else root) / run.path


def evaluate_runs(
    root: Path, limit: int | None, swda_limit: int | None, *, tag: str
) -> dict[str, Outcome]:
    """Score every run with the verbalkit this process imported; errors are not kept."""
    outcomes: dict[str, Outcome] = {}
    for run in RUNS:
        path = run_path(run, root)
        if not path.is_file():
            outcomes[run.title] = Outcome(problem=f"`{run.path}` not found")
            continue
        print(f"accuracy [{tag}]: {run.title} ...", flush=True)
        began = time.perf_counter()
        try:
            report = evaluate_file(
                path, exclude_notes=run.exclude_notes, limit=run_limit(run, limit, swda_limit)
            )
        except (VerbalkitError, NotImplementedError) as err:
            # The message names a file and line, never a row's text.
            print(f"accuracy [{tag}]: {run.title}: failed: {err}", file=sys.stderr)
            outcomes[run.title] = Outcome(problem=f"{type(err).__name__}: {err}")
            continue
        shown = run.path if run.in_repo else f"shared/data/{run.path}"
        # Drop the error rows: they hold labelled text (and sealed rows must not be shown).
        report = report.model_copy(update={"path": shown, "errors": []})
        outcomes[run.title] = Outcome(report=report, seconds=time.perf_counter() - began)
    return outcomes


def point_packs_at(models: Path) -> None:
    """Make the built-in rule packs (and anything else under ``models/``) come from ``models``.

    The editable install maps ``verbalkit.models`` to this checkout's ``models/`` whatever
    ``PYTHONPATH`` says, so ``builtin_root`` is replaced in every module that holds it.
    """
    import verbalkit.pipeline.packs as packs

    original = packs.builtin_root

    def builtin_root() -> Path:
        return models

    for module in list(sys.modules.values()):
        if getattr(module, "builtin_root", None) is original:
            module.builtin_root = builtin_root  # type: ignore[attr-defined]
    packs.load_pack.cache_clear()


def worker(output: Path, root: Path, limit: int | None, swda_limit: int | None) -> int:
    """The BEFORE side: run in a subprocess with ``PYTHONPATH=<worktree>/src``."""
    models = Path(os.environ[MODELS_ENV]).resolve()
    source = Path(verbalkit.__file__).resolve()
    if not source.is_relative_to(models.parent):
        print(f"accuracy [before]: verbalkit imported from {source}, not {models.parent}")
        return 2
    point_packs_at(models)
    from verbalkit.pipeline import packs

    used = Path(packs.builtin_root()).resolve()
    versions = pack_versions()
    print(f"accuracy [before]: verbalkit from {source}", flush=True)
    print(f"accuracy [before]: builtin_root() = {used}; packs {', '.join(versions)}", flush=True)
    if used != models:
        return 2
    outcomes = evaluate_runs(root, limit, swda_limit, tag="before")
    data = {
        "verbalkit": str(source),
        "builtin_root": str(used),
        "packs": versions,
        "runs": {
            title: {
                "report": o.report.to_dict() if o.report is not None else None,
                "seconds": o.seconds,
                "problem": o.problem,
            }
            for title, o in outcomes.items()
        },
    }
    output.write_text(json.dumps(data), encoding="utf-8")
    return 0


@dataclass
class Before:
    """The BEFORE figures, or why there are none."""

    ref: str
    commit: str | None = None
    packs: list[str] | None = None
    outcomes: dict[str, Outcome] | None = None
    problem: str | None = None


class BeforeJob:
    """The BEFORE evaluation running beside this process in a temporary worktree."""

    def __init__(self, ref: str, root: Path, limit: int | None, swda_limit: int | None) -> None:
        self.ref = ref
        self.tmp = Path(tempfile.mkdtemp(prefix="verbalkit-accuracy-"))
        self.tree = self.tmp / "tree"
        self.output = self.tmp / "before.json"
        self.commit: str | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self.problem: str | None = None
        try:
            self.commit = self._git("rev-parse", "--short", f"{ref}^{{commit}}").strip()
            self._git("worktree", "add", "--detach", str(self.tree), self.commit)
        except subprocess.CalledProcessError as err:
            self.problem = f"git failed: {(err.stderr or '').strip() or err}"
            return
        env = dict(os.environ)
        env["PYTHONPATH"] = str(self.tree / "src")
        env[MODELS_ENV] = str(self.tree / "models")
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker-output", str(self.output)]
        cmd += ["--shared-data", str(root)]
        if limit is not None:
            cmd += ["--limit", str(limit)]
        if swda_limit is not None:
            cmd += ["--swda-limit", str(swda_limit)]
        self.proc = subprocess.Popen(cmd, cwd=REPO, env=env)

    @staticmethod
    def _git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=REPO, check=True, capture_output=True, text=True
        ).stdout

    def result(self) -> Before:
        """Wait for the subprocess, read its JSON and remove the worktree."""
        try:
            if self.problem is not None or self.proc is None:
                return Before(self.ref, self.commit, problem=self.problem)
            code = self.proc.wait()
            if code != 0 or not self.output.is_file():
                return Before(self.ref, self.commit, problem=f"the evaluation exited with {code}")
            data = json.loads(self.output.read_text(encoding="utf-8"))
            outcomes = {
                title: Outcome(
                    report=EvaluationReport.model_validate(r["report"])
                    if r["report"] is not None
                    else None,
                    seconds=r["seconds"],
                    problem=r["problem"],
                )
                for title, r in data["runs"].items()
            }
            return Before(self.ref, self.commit, packs=data["packs"], outcomes=outcomes)
        finally:
            self.close()

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.tree.exists():
            try:
                self._git("worktree", "remove", "--force", str(self.tree))
            except subprocess.CalledProcessError as err:
                print(f"accuracy: could not remove worktree {self.tree}: {err.stderr}")
        self.output.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self.tmp.rmdir()


# ------------------------------------------------------------------------ rendering


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _delta(before: float | None, after: float | None) -> str:
    if before is None or after is None:
        return "–"
    return f"{after - before:+.3f}"


def _arrow(before: float | None, after: float | None) -> str:
    return f"{_fmt(before)} → {_fmt(after)}"


def _jargon_f1(scores: LanguageScores | None) -> float | None:
    return scores.jargon.f1 if scores is not None and scores.jargon is not None else None


def _languages(*reports: EvaluationReport | None) -> list[str]:
    codes: dict[str, None] = {}
    for report in reports:
        if report is not None:
            codes.update(dict.fromkeys(s.language for s in report.languages))
    return list(codes)


def _agreement(report: EvaluationReport | None, language: str) -> str:
    """Calls of ``language`` where every pattern's prediction agrees with the label."""
    if report is None:
        return "–"
    results = [r for r in report.calls if r.language == language]
    calls = {r.call_id for r in results}
    missed = {r.call_id for r in results if r.gold != r.predicted}
    return f"{len(calls - missed)}/{len(calls)}"


SUMMARY_HEADERS = (
    "run",
    "language",
    "rows",
    "micro F1 before",
    "micro F1 after",
    "macro F1 before",
    "macro F1 after",
    "Δ macro",
    "jargon F1 before",
    "jargon F1 after",
    "seconds",
)


def summary_rows(title: str, before: Outcome | None, after: Outcome) -> list[str]:
    b_report = before.report if before is not None else None
    rows = []
    for code in _languages(after.report, b_report):
        a = after.report.language(code) if after.report is not None else None
        b = b_report.language(code) if b_report is not None else None
        n_rows = a.n_rows if a is not None else (b.n_rows if b is not None else 0)
        cells = [
            title,
            code,
            str(n_rows),
            _fmt(b.micro_f1 if b else None),
            _fmt(a.micro_f1 if a else None),
            _fmt(b.macro_f1 if b else None),
            _fmt(a.macro_f1 if a else None),
            _delta(b.macro_f1 if b else None, a.macro_f1 if a else None),
            _fmt(_jargon_f1(b)),
            _fmt(_jargon_f1(a)),
            f"{after.seconds:.1f}",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def comparison(title: str, before: Outcome | None, after: Outcome) -> list[str]:
    """Per behaviour, precision, recall and F1 before → after, one table per language."""
    b_report = before.report if before is not None else None
    out = [f"### {title}", ""]
    for code in _languages(after.report, b_report):
        a = after.report.language(code) if after.report is not None else None
        b = b_report.language(code) if b_report is not None else None
        calls = (after.report or b_report).format == "call_labels"  # type: ignore[union-attr]
        head = (
            f"**{code}**: {a.n_rows if a else b.n_rows if b else 0} {'calls' if calls else 'rows'}"
        )
        head += f"; macro F1 {_arrow(b.macro_f1 if b else None, a.macro_f1 if a else None)}"
        if calls:
            head += (
                f"; calls agreeing on both patterns {_agreement(b_report, code)} → "
                f"{_agreement(after.report, code)}"
            )
        out += [
            head,
            "",
            "| behaviour | support | precision | recall | F1 | Δ F1 | FP | FN |",
            "| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        a_by = {s.behaviour: s for s in a.behaviours} if a else {}
        b_by = {s.behaviour: s for s in b.behaviours} if b else {}
        for name in dict.fromkeys([*a_by, *b_by]):
            sa, sb = a_by.get(name), b_by.get(name)
            support = sa.support if sa else sb.support if sb else 0
            cells = [
                name,
                str(support),
                _arrow(sb.precision if sb else None, sa.precision if sa else None),
                _arrow(sb.recall if sb else None, sa.recall if sa else None),
                _arrow(sb.f1 if sb else None, sa.f1 if sa else None),
                _delta(sb.f1 if sb else None, sa.f1 if sa else None),
                f"{sb.fp if sb else '–'} → {sa.fp if sa else '–'}",
                f"{sb.fn if sb else '–'} → {sa.fn if sa else '–'}",
            ]
            out.append("| " + " | ".join(cells) + " |")
        ja = a.jargon if a else None
        jb = b.jargon if b else None
        if ja is not None or jb is not None:
            support = ja.n_gold if ja else jb.n_gold if jb else 0
            cells = [
                "jargon (spans)",
                str(support),
                _arrow(jb.precision if jb else None, ja.precision if ja else None),
                _arrow(jb.recall if jb else None, ja.recall if ja else None),
                _arrow(jb.f1 if jb else None, ja.f1 if ja else None),
                _delta(jb.f1 if jb else None, ja.f1 if ja else None),
                f"{jb.fp if jb else '–'} → {ja.fp if ja else '–'}",
                f"{jb.fn if jb else '–'} → {ja.fn if ja else '–'}",
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return out


# ------------------------------------------------------------------------ main


def machine() -> str:
    """CPU model, cores and Python version (the seconds depend on them)."""
    model = cpu_model()
    return f"{model} ({platform.machine()}), {os.cpu_count()} cores, Python {platform.python_version()}"


def _limit_text(limit: int | None, swda_limit: int | None) -> str:
    text = f"first {limit}" if limit is not None else "all"
    if swda_limit is not None and (limit is None or swda_limit < limit):
        text += f" (SwDA dev: first {swda_limit})"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="Only the first N rows per file.")
    parser.add_argument(
        "--swda-limit",
        type=int,
        default=None,
        help="Only the first N rows of SwDA dev (default: all; a full pass takes minutes).",
    )
    parser.add_argument(
        "--before",
        default=BEFORE_REF,
        help=f"Commit whose code and rule packs give the BEFORE figures (default {BEFORE_REF}; "
        "'none' to skip).",
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="Markdown file.")
    parser.add_argument("--worker-output", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--shared-data", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    root = args.shared_data or shared_data()
    if root is None:
        print(
            "accuracy: skipped, no shared data (set VERBALKIT_SHARED_DATA or put it at "
            f"{REPO.parent / 'shared' / 'data'})"
        )
        return 0
    if args.worker_output is not None:
        return worker(args.worker_output, root, args.limit, args.swda_limit)

    job = None
    if args.before.lower() != "none":
        job = BeforeJob(args.before, root, args.limit, args.swda_limit)
    try:
        after = evaluate_runs(root, args.limit, args.swda_limit, tag="after")
        before = job.result() if job is not None else None
    finally:
        if job is not None:
            job.close()
    if before is not None and before.problem is not None:
        print(f"accuracy: BEFORE ({before.ref}) not available: {before.problem}", file=sys.stderr)
    b_outcomes = before.outcomes if before is not None and before.outcomes else {}

    summary = [
        "| " + " | ".join(SUMMARY_HEADERS) + " |",
        "| :--- | :--- | " + " | ".join("---:" for _ in SUMMARY_HEADERS[2:]) + " |",
    ]
    compared: list[str] = []
    sections: list[str] = []
    for run in RUNS:
        outcome = after[run.title]
        if outcome.report is None:
            sections.append(f"## {run.title}\n\nNot run: {outcome.problem}.\n")
            continue
        b = b_outcomes.get(run.title)
        summary.extend(summary_rows(run.title, b, outcome))
        if run.compare:
            compared.extend(comparison(run.title, b, outcome))
        sections.append(render_markdown(outcome.report, title=f"{run.title} (after)"))

    now = datetime.now(UTC).astimezone()
    if before is None:
        before_lines = ["- before: not computed (`--before none`)"]
    elif before.problem is not None:
        before_lines = [f"- before: `{before.ref}` not available ({before.problem})"]
    else:
        before_lines = [
            f"- before: commit `{before.commit}` (code and rule packs of that commit, in a "
            "temporary worktree)",
            *(f"- rule pack before {v}" for v in before.packs or []),
        ]
    header = [
        "# verbalkit accuracy",
        "",
        "Generated by `benchmarks/accuracy.py` (`make accuracy`); do not edit by hand.",
        "",
        f"- date: {now:%Y-%m-%d %H:%M %Z}",
        f"- machine: {machine()}",
        f"- verbalkit {verbalkit.__version__}",
        *before_lines,
        *(f"- rule pack after {v}" for v in pack_versions()),
        "- data: `shared/data` (dev files and external `_dev` halves; see their READMEs) and "
        "`benchmarks/` (hold-out, wild and sealed sets)",
        f"- rows per file: {_limit_text(args.limit, args.swda_limit)}",
        "",
        "Precision, recall and F1 per behaviour; micro F1 sums tp/fp/fn over the behaviours a "
        "file labels, macro F1 averages their F1. Jargon spans count as found when they "
        "overlap a gold span. `–` means undefined (nothing predicted or nothing labelled). "
        "BEFORE is the code and rule packs of the commit named above, AFTER this checkout; "
        "seconds are the AFTER run's.",
        "",
        "## Summary",
        "",
        *summary,
        "",
    ]
    if NOTES.is_file():
        header += [NOTES.read_text(encoding="utf-8").strip(), ""]
    if compared:
        header += ["## Per behaviour, before → after", "", *compared]
    args.output.write_text("\n".join(header) + "\n" + "\n".join(sections), encoding="utf-8")
    print(f"accuracy: wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
