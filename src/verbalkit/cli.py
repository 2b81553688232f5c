"""The ``verbalkit`` command: a thin shell over the library."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from verbalkit import __version__
from verbalkit.errors import VerbalkitError
from verbalkit.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from rich.progress import Progress

    from verbalkit.schema import Failure

T = TypeVar("T")

app = typer.Typer(
    help="Tag what customer-service agents do with words (Swedish and English).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: option values read as words (FILE, LABEL, sv|en), not Python types.
    rich_markup_mode=None,
)

DebugOpt = Annotated[
    bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.")
]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "--language",
        metavar="sv|en",
        help="Declare the language (sv, en); default: detect.",
    ),
]
AgentOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--agent-speaker",
        metavar="LABEL",
        help="Speaker label that is the agent (repeatable), e.g. spk_0.",
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="Input format (json, jsonl, csv, tsv, text, vtt, srt, transcribe, whisper, "
        "assemblyai, deepgram, genesys, twilio, rev, otter, excel); default: detect from "
        "extension and content.",
    ),
]
AgentChannelOpt = Annotated[
    int | None,
    typer.Option(
        "--agent-channel",
        min=0,
        metavar="N",
        help="Audio channel of the agent in multichannel files (Deepgram, Twilio, AssemblyAI, "
        "Transcribe), numbered as the vendor numbers them.",
    ),
]
CustomerOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--customer-speaker",
        metavar="LABEL",
        help="Speaker label that is the customer (repeatable).",
    ),
]
StrictOpt = Annotated[bool, typer.Option(help="Treat warnings as errors.")]
# readable=False: an unreadable file is one bad input (an error line, the others still run),
# not a usage error that refuses the whole command line.
PathsArg = Annotated[
    list[Path],
    # Hidden from the arguments list (typer would print its Python type there); each
    # command's text says what PATH is, and the usage line shows it.
    typer.Argument(
        help="Transcript files or folders.", readable=False, metavar="PATH", hidden=True
    ),
]

MB = 1024 * 1024
MaxUtterancesOpt = Annotated[
    int,
    typer.Option(
        min=1, metavar="N", help="Refuse a call with more utterances than this (a corrupt file)."
    ),
]
MaxCharsOpt = Annotated[
    int,
    typer.Option(
        min=1,
        metavar="N",
        help="Analyse at most N characters of one utterance; the rest is cut with a warning.",
    ),
]
MaxFileOpt = Annotated[
    int,
    typer.Option(
        "--max-file-mb",
        min=1,
        metavar="MB",
        help="Refuse whole-document files (JSON object, VTT, SRT, text) larger than this; "
        "JSON Lines, CSV and JSON arrays stream and are not bounded.",
    ),
]


def _limits(max_file_mb: int, max_utterances: int, max_utterance_chars: int) -> Limits:
    return Limits(
        max_file_bytes=max_file_mb * MB,
        max_utterances=max_utterances,
        max_utterance_chars=max_utterance_chars,
    )


@contextmanager
def user_errors(debug: bool) -> Iterator[None]:
    """Turn verbalkit errors into one line on stderr and exit code 1."""
    try:
        yield
    except VerbalkitError as err:
        if debug:
            raise
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"verbalkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """verbalkit: coaching insight from call transcripts."""


@app.command()
def validate(
    paths: PathsArg,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    agent_speaker: AgentOpt = None,
    agent_channel: AgentChannelOpt = None,
    customer_speaker: CustomerOpt = None,
    strict: StrictOpt = False,
    max_utterances: MaxUtterancesOpt = DEFAULT_LIMITS.max_utterances,
    max_file_mb: MaxFileOpt = DEFAULT_LIMITS.max_file_bytes // MB,
    debug: DebugOpt = False,
) -> None:
    """Read and validate transcripts; print one summary row per call.

    PATH: transcript files or folders (read recursively), JSON Lines included.

    Rows are printed as calls are read; each file or call that cannot be read is one
    `error:` line on stderr, and the exit code is 1 when any failed (or nothing was read).
    """
    from verbalkit.io import read_many
    from verbalkit.report.console import print_validation

    limits = _limits(max_file_mb, max_utterances, DEFAULT_LIMITS.max_utterance_chars)
    with user_errors(debug):
        results = read_many(
            paths,
            format=fmt,
            language=lang,
            agent_speaker=agent_speaker or None,
            agent_channel=agent_channel,
            customer_speaker=customer_speaker or None,
            strict=strict,
            limits=limits,
        )
        try:
            n_read, n_failed = print_validation(results, debug=debug)
        except KeyboardInterrupt:
            raise typer.Exit(130) from None  # print_validation said how far it got
    if n_failed or not n_read:
        raise typer.Exit(1)


@app.command()
def evaluate(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Labelled CSV files (utterance, call, call-level or external labels).",
            metavar="FILE",
            hidden=True,
        ),
    ],
    errors: Annotated[
        bool, typer.Option("--errors", help="List every false positive and false negative.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a JSON array, one report per file.")
    ] = False,
    exclude_note: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude-note",
            metavar="PREFIX",
            help="Drop rows with a note in row_notes.csv starting with this (repeatable), "
            "e.g. AMB:.",
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=0, metavar="N", help="Evaluate only the first N rows of each file."
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", "--language", metavar="sv|en", help="Evaluate only rows in this language."
        ),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Score the tagger against labelled files: precision, recall and F1 per behaviour.

    FILE: labelled CSV files (utterance, call, call-level or external labels).
    """
    import json

    from verbalkit.evaluate import evaluate_file
    from verbalkit.report.evaluation import render_report

    with user_errors(debug):
        reports = [
            evaluate_file(p, exclude_notes=tuple(exclude_note or ()), lang=lang, limit=limit)
            for p in paths
        ]
    if as_json:
        dicts = [r.to_dict() for r in reports]
        if not errors:
            for d in dicts:
                d.pop("errors")
        typer.echo(json.dumps(dicts, ensure_ascii=False, indent=2))
        return
    typer.echo("\n".join(render_report(r, errors=errors) for r in reports), nl=False)


JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="N",
        help="Worker processes, each analysing whole calls; default: all cores. "
        "1 runs everything in this process.",
    ),
]
RedactOpt = Annotated[
    bool,
    typer.Option(
        "--redact",
        help="Mask personal data (names, personnummer, phone, card and account numbers, "
        "e-mail, addresses) as [KIND] in every output; tags and quotes follow. Call ids, "
        "agent ids and file names are left as they are.",
    ),
]
PackOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--pack",
        metavar="FOLDER",
        help="A rule-pack folder that extends the built-in one (repeatable).",
    ),
]


@app.command("tag")
def tag_command(
    text: Annotated[str, typer.Argument(help="One utterance.", metavar="TEXT", hidden=True)],
    lang: Annotated[str, typer.Option("--lang", "--language", metavar="sv|en", help="sv or en.")],
    prev: Annotated[
        str | None,
        typer.Option("--prev", metavar="TEXT", help="The customer's previous turn (context)."),
    ] = None,
    role: Annotated[
        str,
        typer.Option(
            "--role",
            metavar="agent|customer",
            help="agent (behaviours, jargon) or customer (signals).",
        ),
    ] = "agent",
    pack: PackOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the tags as JSON.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Tag one utterance (TEXT) and show each tag with its evidence."""
    import json

    from verbalkit.analysis import tag
    from verbalkit.report.tags import render_tags

    if role not in ("agent", "customer"):
        typer.echo(f"error: --role must be 'agent' or 'customer', not {role!r}", err=True)
        raise typer.Exit(2)
    with user_errors(debug):
        tags = tag(text, lang, prev=prev, role=role, packs=tuple(str(p) for p in pack or ()))
    if as_json:
        typer.echo(json.dumps([t.to_dict() for t in tags], ensure_ascii=False, indent=2))
    else:
        typer.echo(render_tags(text, tags))


@app.command()
def analyze(
    paths: PathsArg,
    as_json: Annotated[
        bool, typer.Option("--json", help="Write JSON Lines: one analysed call per line.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write to this file instead of stdout; it is replaced only when the run "
            "finishes (an interrupted run leaves FILE.partial).",
            metavar="FILE",
        ),
    ] = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    agent_speaker: AgentOpt = None,
    agent_channel: AgentChannelOpt = None,
    customer_speaker: CustomerOpt = None,
    pack: PackOpt = None,
    strict: StrictOpt = False,
    width: Annotated[
        int, typer.Option(metavar="N", help="Width of the timeline text in characters.")
    ] = 100,
    max_utterances: MaxUtterancesOpt = DEFAULT_LIMITS.max_utterances,
    max_utterance_chars: MaxCharsOpt = DEFAULT_LIMITS.max_utterance_chars,
    max_file_mb: MaxFileOpt = DEFAULT_LIMITS.max_file_bytes // MB,
    jobs: JobsOpt = None,
    redact: RedactOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Tag every call and show its timeline, metrics and patterns (or JSON Lines).

    PATH: transcript files or folders (read recursively), JSON Lines included.

    A file or call that cannot be read or analysed is one `error:` line on stderr; the
    others are still written, and the exit code is 1. Ctrl-C stops cleanly with exit code 130.
    """
    import functools

    from verbalkit.io.reader import read_many_unbuilt
    from verbalkit.parallel import Encoded, encode_parallel
    from verbalkit.report.output import AtomicOutput, json_line, timeline_text

    tally = _Tally()

    def lines() -> Iterator[str]:
        limits = _limits(max_file_mb, max_utterances, max_utterance_chars)
        # Calls are parsed here and checked, built, analysed and written out as text in
        # the worker that takes them.
        stream = read_many_unbuilt(
            paths,
            format=fmt,
            language=lang,
            agent_speaker=agent_speaker or None,
            agent_channel=agent_channel,
            customer_speaker=customer_speaker or None,
            strict=strict,
            limits=limits,
        )
        packs = tuple(str(p) for p in pack or ())
        encode = json_line if as_json else functools.partial(timeline_text, width=width)
        for item in encode_parallel(
            stream, encode, jobs=jobs, packs=packs, limits=limits, redact=redact
        ):
            if not isinstance(item, Encoded):
                tally.fail(item, debug)
                continue
            tally.ok(item.source, item.call_id, item.warnings)
            yield item.text

    sink: AtomicOutput | None = None
    with user_errors(debug):
        try:
            if out is None:
                for line in lines():
                    typer.echo(line, nl=False)
            else:
                with AtomicOutput(out) as sink:
                    for line in lines():
                        sink.write(line)
        except KeyboardInterrupt:
            where = ""
            if sink is not None:
                kept = f"partial results in {sink.partial_path}" if sink.partial_path else ""
                where = f"; {out} left unchanged" + (f", {kept}" if kept else "")
            typer.echo(f"interrupted: {tally.summary('analysed')}{where}", err=True)
            raise typer.Exit(130) from None
    summary = tally.summary("analysed")
    if sink is not None:
        summary += f"; wrote {out}" if sink.outcome == "written" else "; nothing written"
    typer.echo(summary, err=True)
    if tally.failed or not tally.done:
        raise typer.Exit(1)


ScorecardOpt = Annotated[
    Path | None,
    typer.Option(
        "--scorecard",
        metavar="FILE",
        help="A scorecard YAML file; default: the built-in LUSTFULL card.",
    ),
]


@app.command()
def score(
    paths: PathsArg,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Folder for the outputs (created if missing): report.html, report.md, "
            "calls.parquet, calls.csv, utterances.parquet, agents.csv, results.jsonl, errors.csv.",
        ),
    ],
    scorecard: ScorecardOpt = None,
    report_lang: Annotated[
        str | None,
        typer.Option(
            "--report-lang", metavar="sv|en", help="Language of the reports; default: most calls'."
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(metavar="TEXT", help="Title of the reports.")] = None,
    max_call_sections: Annotated[
        int,
        typer.Option(
            min=0, metavar="N", help="Calls shown in full in report.html (most worth a look)."
        ),
    ] = 100,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    agent_speaker: AgentOpt = None,
    agent_channel: AgentChannelOpt = None,
    customer_speaker: CustomerOpt = None,
    pack: PackOpt = None,
    strict: StrictOpt = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no warning lines.")
    ] = False,
    max_utterances: MaxUtterancesOpt = DEFAULT_LIMITS.max_utterances,
    max_utterance_chars: MaxCharsOpt = DEFAULT_LIMITS.max_utterance_chars,
    max_file_mb: MaxFileOpt = DEFAULT_LIMITS.max_file_bytes // MB,
    jobs: JobsOpt = None,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            metavar="local|dask",
            help="local: worker processes on this machine; dask: a Dask cluster "
            "(pip install 'verbalkit[dask]').",
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="With --engine dask: a running Dask scheduler, e.g. tcp://host:8786; "
            "default: a local cluster of --jobs workers.",
        ),
    ] = None,
    redact: RedactOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Score every call and write reports and tables into a folder.

    PATH: transcript files or folders (read recursively), JSON Lines included.

    Reads transcripts (files, folders, JSON Lines), analyses and scores them against the
    scorecard, and writes report.html (open it in a browser; one file, works offline),
    report.md, the tables and results.jsonl into DIR. A bad file is one `error:` line and a
    row of errors.csv; the others are still scored, and the exit code is 1.
    """
    import sys
    import time

    from verbalkit.io import read_many
    from verbalkit.io.reader import read_many_unbuilt
    from verbalkit.parallel import map_parallel
    from verbalkit.report.folder import digest_scored, write_score_folder
    from verbalkit.schema import Failure
    from verbalkit.scoring.scorecard import load_scorecard

    if report_lang is not None and report_lang not in ("sv", "en"):
        typer.echo(f"error: --report-lang: {report_lang!r} is not sv or en", err=True)
        raise typer.Exit(2)
    if engine not in ("local", "dask"):
        typer.echo(f"error: --engine: {engine!r} is not local or dask", err=True)
        raise typer.Exit(2)
    if scheduler is not None and engine != "dask":
        typer.echo("error: --scheduler needs --engine dask", err=True)
        raise typer.Exit(2)
    tally = _Tally(quiet_warnings=quiet)
    with user_errors(debug):
        card = load_scorecard(scorecard)
        limits = _limits(max_file_mb, max_utterances, max_utterance_chars)
        reading: dict[str, Any] = {
            "format": fmt,
            "language": lang,
            "agent_speaker": agent_speaker or None,
            "agent_channel": agent_channel,
            "customer_speaker": customer_speaker or None,
            "strict": strict,
            "limits": limits,
        }
        packs = tuple(str(p) for p in pack or ())
        if engine == "dask":
            from verbalkit.distributed import score_on_dask

            scored = score_on_dask(
                read_many(paths, **reading),
                scheduler=scheduler,
                jobs=jobs,
                scorecard=card,
                packs=packs,
                limits=limits,
                redact=redact,
            )
        else:
            # Each call is digested in the worker that scored it: its JSON line, table rows
            # and agent numbers come back ready, not the call's models to rebuild here.
            # Calls are parsed here, and checked and built in the worker that takes them.
            scored = map_parallel(
                read_many_unbuilt(paths, **reading),
                digest_scored,
                jobs=jobs,
                packs=packs,
                limits=limits,
                scorecard=card,
                redact=redact,
            )
        if engine == "local":
            # pyarrow, kept from importing pandas, is imported once the first call is
            # back: while the workers start, not before.
            from verbalkit.report.tablefiles import pyarrow_without_pandas

            scored = _after_first(scored, pyarrow_without_pandas)
        progress = None if quiet or not sys.stderr.isatty() else _progress()
        started = time.perf_counter()
        echo = progress.console.print if progress is not None else None

        def on_item(item: object) -> None:
            if isinstance(item, Failure):
                tally.fail(item, debug, echo)
            else:
                tally.ok(item.source, item.call_id, item.warnings, echo)  # type: ignore[attr-defined]
            if progress is not None:
                rate = tally.done / max(time.perf_counter() - started, 1e-9)
                progress.update(
                    task,
                    completed=tally.done,
                    description=f"{tally.done} calls scored, {tally.failed} failed, "
                    f"{rate:.1f} calls/s",
                )

        try:
            if progress is not None:
                progress.start()
                task = progress.add_task("scoring", total=None)
            try:
                run = write_score_folder(
                    scored,
                    out,
                    report_lang=report_lang,
                    title=title,
                    max_call_sections=max_call_sections,
                    on_item=on_item,
                )
            finally:
                if progress is not None:
                    progress.stop()
        except KeyboardInterrupt:
            partial = out / "results.jsonl.partial"
            kept = f", partial results in {partial}" if partial.exists() else ""
            typer.echo(
                f"interrupted: {tally.summary('scored')}; outputs in {out} left unchanged{kept}",
                err=True,
            )
            raise typer.Exit(130) from None
    files = ", ".join(p.name for p in run.written)
    typer.echo(
        f"{tally.summary('scored')} in {run.seconds:.1f} s ({run.rate:.1f} calls/s); "
        + (f"wrote {out}/: {files}" if run.scored else f"nothing scored; wrote {out}/errors.csv"),
        err=True,
    )
    if run.scored:
        typer.echo(f"open {out / 'report.html'} in a browser", err=True)
    if tally.failed or not tally.done:
        raise typer.Exit(1)


def _after_first(items: Iterable[T], run: Callable[[], object]) -> Iterator[T]:
    """``items``, with ``run()`` called once the first item has come."""
    first = True
    for item in items:
        if first:
            run()
            first = False
        yield item


def _progress() -> Progress:
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


scorecard_app = typer.Typer(
    help="Show or check a scorecard (the default LUSTFULL card, or your own YAML file).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(scorecard_app, name="scorecard")

ReportLangOpt = Annotated[
    str,
    typer.Option("--lang", "--language", metavar="sv|en", help="Language of the texts: sv or en."),
]


@scorecard_app.command("show")
def scorecard_show(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="A scorecard YAML file; default: the built-in LUSTFULL card.",
            metavar="FILE",
            hidden=True,
        ),
    ] = None,
    lang: ReportLangOpt = "en",
    debug: DebugOpt = False,
) -> None:
    """Print a scorecard as a readable table: stages, weights, when each applies, indicators.

    FILE: a scorecard YAML file; default: the built-in LUSTFULL card.
    """
    from verbalkit.report.scorecard import render_scorecard
    from verbalkit.scoring.scorecard import load_scorecard

    with user_errors(debug):
        card = load_scorecard(file)
    typer.echo(render_scorecard(card, lang=lang), nl=False)


@scorecard_app.command("check")
def scorecard_check(
    file: Annotated[
        Path, typer.Argument(help="A scorecard YAML file.", metavar="FILE", hidden=True)
    ],
    debug: DebugOpt = False,
) -> None:
    """Validate a scorecard file: errors name the file, the key and what is wrong."""
    from verbalkit.scoring.scorecard import load_scorecard

    with user_errors(debug):
        card = load_scorecard(file)
    n = sum(len(s.indicators) for s in card.stages)
    typer.echo(f"{file}: ok: {card.label}, {len(card.stages)} stages, {n} indicators")


class _Tally:
    """Counts of a batch run, and the stderr lines for failures and warnings."""

    def __init__(self, quiet_warnings: bool = False) -> None:
        self.done = 0
        self.failed = 0
        self.quiet_warnings = quiet_warnings

    @staticmethod
    def _say(line: str, echo: Callable[..., None] | None) -> None:
        if echo is None:
            typer.echo(line, err=True)
        else:
            echo(line, markup=False, highlight=False, soft_wrap=True)

    def ok(
        self,
        source: str | None,
        call_id: str,
        warnings: list[str],
        echo: Callable[..., None] | None = None,
    ) -> None:
        self.done += 1
        if self.quiet_warnings:
            return
        for warning in warnings:
            self._say(f"warning: {source or call_id}: {call_id}: {warning}", echo)

    def fail(self, item: Failure, debug: bool, echo: Callable[..., None] | None = None) -> None:
        self.failed += 1
        self._say(f"error: {item.path}: {item.message}", echo)
        if debug and item.traceback:
            self._say(item.traceback.rstrip(), echo)

    def summary(self, verb: str) -> str:
        return f"{self.done} calls {verb}, {self.failed} failed"


def main() -> None:
    """Console-script entry point.

    When the command is done, the process ends at once (``os._exit``) after flushing its
    output: tearing down spaCy, pandas and the rule tables object by object at interpreter
    exit costs about half a second and does nothing a finished command needs. Every file
    the commands write is closed and renamed before they return; when another thread is
    still alive (a library's), the normal exit runs instead.
    """
    import os
    import sys
    import threading

    try:
        app()
        code: int | str | None = 0
    except SystemExit as done:
        code = done.code
    except BrokenPipeError:
        # `verbalkit analyze ... | head`: the reader went away; stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 141
    if threading.active_count() > 1 or not isinstance(code, int | None):
        sys.exit(code)
    if "verbalkit.pipeline.regexcache" in sys.modules:
        # What atexit would do: keep this run's compiled rule regexes for the next start.
        sys.modules["verbalkit.pipeline.regexcache"].save()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = 141
    except OSError:
        sys.exit(code)
    os._exit(code or 0)
