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

DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.")]
LangOpt = Annotated[
    str | None, typer.Option("--lang", "--language", help="Declare the language (sv, en); default: detect.")
]
AgentOpt = Annotated[
    list[str] | None,
    typer.Option("--agent-speaker", help="Speaker label that is the agent (repeatable), e.g. spk_0."),
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
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """verbalkit: coaching insight from call transcripts."""


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Transcript files or folders.")],
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    agent_speaker: AgentOpt = None,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Read and validate transcripts; print one summary row per call."""
    from verbalkit.report.console import print_validation

    from verbalkit.io import read_many

    with user_errors(debug):
        results = read_many(
            paths, format=fmt, language=lang, agent_speaker=agent_speaker or None, strict=strict
        )
        n_failed = print_validation(results)
    if n_failed:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    app()
