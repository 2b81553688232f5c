"""The ``verbalkit`` command: a thin shell over the library."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from verbalkit import __version__
from verbalkit.errors import VerbalkitError

app = typer.Typer(
    help="Tag what customer-service agents do with words (Swedish and English).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DebugOpt = Annotated[
    bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.")
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", "--language", help="Declare the language (sv, en); default: detect."),
]
AgentOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--agent-speaker", help="Speaker label that is the agent (repeatable), e.g. spk_0."
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", help="Input format; default: detect from extension and content."),
]


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
    paths: Annotated[list[Path], typer.Argument(help="Transcript files or folders.")],
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    agent_speaker: AgentOpt = None,
    customer_speaker: Annotated[
        list[str] | None,
        typer.Option("--customer-speaker", help="Speaker label that is the customer (repeatable)."),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Read and validate transcripts; print one summary row per call.

    Rows are printed as calls are read; each file or call that cannot be read is one
    `error:` line on stderr, and the exit code is 1 when any failed.
    """
    from verbalkit.io import read_many
    from verbalkit.report.console import print_validation

    with user_errors(debug):
        results = read_many(
            paths,
            format=fmt,
            language=lang,
            agent_speaker=agent_speaker or None,
            customer_speaker=customer_speaker or None,
            strict=strict,
        )
        n_failed = print_validation(results)
    if n_failed:
        raise typer.Exit(1)


@app.command()
def evaluate(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Labelled CSV files (utterance, call, call-level or external labels)."),
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
            help="Drop rows with a note in row_notes.csv starting with this (repeatable), "
            "e.g. AMB:.",
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=0, help="Evaluate only the first N rows of each file."),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", "--language", help="Evaluate only rows in this language."),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Score the tagger against labelled files: precision, recall and F1 per behaviour."""
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


PackOpt = Annotated[
    list[Path] | None,
    typer.Option("--pack", help="A rule-pack folder that extends the built-in one (repeatable)."),
]


@app.command("tag")
def tag_command(
    text: Annotated[str, typer.Argument(help="One utterance.")],
    lang: Annotated[str, typer.Option("--lang", "--language", help="sv or en.")],
    prev: Annotated[
        str | None, typer.Option("--prev", help="The customer's previous turn (context).")
    ] = None,
    role: Annotated[
        str, typer.Option("--role", help="agent (behaviours, jargon) or customer (signals).")
    ] = "agent",
    pack: PackOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the tags as JSON.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Tag one utterance and show each tag with its evidence."""
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
    paths: Annotated[list[Path], typer.Argument(help="Transcript files or folders.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Write JSON Lines: one analysed call per line.")
    ] = False,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")
    ] = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    agent_speaker: AgentOpt = None,
    pack: PackOpt = None,
    width: Annotated[int, typer.Option(help="Width of the timeline text.")] = 100,
    debug: DebugOpt = False,
) -> None:
    """Tag every call and show its timeline, metrics and patterns (or JSON Lines)."""
    import json

    from verbalkit.analysis import analyze_many
    from verbalkit.io import read_many
    from verbalkit.report.timeline import render_call
    from verbalkit.schema import Failure

    n_failed = n_ok = 0
    with user_errors(debug):
        stream = read_many(paths, format=fmt, language=lang, agent_speaker=agent_speaker or None)
        results = analyze_many(stream, packs=tuple(str(p) for p in pack or ()))
        sink = out.open("w", encoding="utf-8") if out else None
        try:
            for item in results:
                if isinstance(item, Failure):
                    n_failed += 1
                    typer.echo(f"error: {item.path}: {item.message}", err=True)
                    continue
                n_ok += 1
                if as_json:
                    line = json.dumps(item.to_dict(), ensure_ascii=False)
                else:
                    line = render_call(item, width=width) + "\n"
                typer.echo(line, file=sink)
        finally:
            if sink:
                sink.close()
    typer.echo(f"{n_ok} calls analysed, {n_failed} failed", err=True)
    if n_failed:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    app()
