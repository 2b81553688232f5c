"""Console output for ``verbalkit validate``: a fixed-width table printed while reading.

Rows are printed as calls arrive, so a 17,000-call corpus never sits in memory; failures go
to stderr as ``error: <path>: <problem>``, warnings as ``warning: <path>: <call>: <text>``.
"""

from __future__ import annotations

from collections.abc import Iterable

import typer

from verbalkit.schema import Failure, Transcript

# (title, width, align): fixed widths so rows line up without seeing every row first.
COLUMNS: tuple[tuple[str, int, str], ...] = (
    ("call", 28, "<"),
    ("language", 9, "<"),
    ("agent", 10, "<"),
    ("utts", 5, ">"),
    ("duration", 8, ">"),
    ("times", 5, "<"),
    ("speaker rule", 23, "<"),
    ("warnings", 8, ">"),
)


def print_validation(
    results: Iterable[Transcript | Failure], *, debug: bool = False
) -> tuple[int, int]:
    """Print one row per call, one stderr line per failure, and a summary.

    Args:
        results: Transcripts and failures, e.g. from :func:`verbalkit.io.read_many`; consumed
            lazily.
        debug: Also print the traceback of unexpected errors.

    Returns:
        The number of calls read and of failures. On Ctrl-C the summary so far is printed
        (to stderr) before ``KeyboardInterrupt`` goes on.
    """
    typer.echo(_row([title for title, _, _ in COLUMNS]))
    n_read = n_failed = n_warned = 0
    try:
        for item in results:
            if isinstance(item, Failure):
                n_failed += 1
                typer.echo(f"error: {item.path}: {item.message}", err=True)
                if debug and item.traceback:
                    typer.echo(item.traceback.rstrip(), err=True)
                continue
            n_read += 1
            typer.echo(_row(_cells(item)))
            if item.warnings:
                n_warned += 1
                for warning in item.warnings:
                    typer.echo(f"warning: {item.source}: {item.call_id}: {warning}", err=True)
    except KeyboardInterrupt:
        typer.echo(f"interrupted: {n_read} calls read, {n_failed} failed", err=True)
        raise
    summary = f"{n_read} calls read, {n_failed} failed"
    if n_warned:
        summary += f" ({n_warned} with warnings)"
    if not n_read and not n_failed:
        summary += ": no calls found"
    typer.echo(summary)
    return n_read, n_failed


def _cells(call: Transcript) -> list[str]:
    info = call.language_info
    language = call.language or "-"
    if info is not None and info.source == "detected":
        language = f"{info.code} {info.confidence:.2f}"
    elif info is not None and info.source == "default":
        language = f"{info.code} ?"
    duration = call.duration_s
    rule = call.speaker_rule or "-"
    confidence = call.speaker_confidence
    if call.speaker_rule and confidence is not None and confidence < 1.0:
        # As for the language: a number only when the rule guessed ("first-speaker 0.50").
        rule = f"{rule} {confidence:.2f}"
    return [
        call.call_id,
        language,
        call.agent_id or "-",
        str(len(call.utterances)),
        "-" if duration is None else _clock(duration),
        "yes" if call.has_timestamps else "no",
        rule,
        str(len(call.warnings)),
    ]


def _row(cells: list[str]) -> str:
    parts = []
    for (_, width, align), cell in zip(COLUMNS, cells, strict=True):
        text = cell if len(cell) <= width else cell[: width - 1] + "…"
        parts.append(f"{text:{align}{width}}")
    return "  ".join(parts).rstrip()


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
