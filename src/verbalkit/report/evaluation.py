"""Render an :class:`~verbalkit.evaluate.EvaluationReport` as aligned text or Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from verbalkit.evaluate import FORMAT_NAMES, EvaluationReport, LanguageScores

_SCORE_HEADERS = ("behaviour", "tp", "fp", "fn", "precision", "recall", "f1", "support")


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _text_table(headers: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> list[str]:
    """Align columns: the first ``left`` columns to the left, the others to the right."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.ljust(w) if i < left else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> list[str]:
    def esc(cell: str) -> str:
        return cell.replace("|", "\\|").replace("\n", " ")

    align = [":---" if i < left else "---:" for i in range(len(headers))]
    return [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join(align) + " |",
        *("| " + " | ".join(esc(c) for c in row) + " |" for row in rows),
    ]


def _score_rows(scores: LanguageScores) -> list[list[str]]:
    rows = [
        [
            b.behaviour,
            str(b.tp),
            str(b.fp),
            str(b.fn),
            _num(b.precision),
            _num(b.recall),
            _num(b.f1),
            str(b.support),
        ]
        for b in scores.behaviours
    ]
    if scores.jargon is not None:
        j = scores.jargon
        rows.append(
            [
                "jargon (spans)",
                str(j.tp),
                str(j.fp),
                str(j.fn),
                _num(j.precision),
                _num(j.recall),
                _num(j.f1),
                str(j.n_gold),
            ]
        )
    return rows


def _summary(report: EvaluationReport, scores: LanguageScores) -> str:
    calls = report.format == "call_labels"
    return (
        f"{scores.n_rows} {'calls' if calls else 'rows'}; micro F1 {_num(scores.micro_f1)}, "
        f"macro F1 {_num(scores.macro_f1)} over {len(scores.behaviours)} "
        f"{'patterns' if calls else 'behaviours'}"
    )


def _call_rows(report: EvaluationReport) -> tuple[list[str], list[list[str]]]:
    patterns = list(dict.fromkeys(r.pattern for r in report.calls))
    by_call: dict[tuple[str, str], dict[str, tuple[bool, bool]]] = {}
    for r in report.calls:
        by_call.setdefault((r.call_id, r.language), {})[r.pattern] = (r.gold, r.predicted)
    headers = ["call", "language", *(f"{p} gold/pred" for p in patterns)]
    rows: list[list[str]] = []
    for (call_id, language), found in by_call.items():
        cells = [call_id, language]
        for p in patterns:
            if p not in found:
                cells.append("")
                continue
            gold, pred = found[p]
            cells.append(f"{int(gold)}/{int(pred)} {'ok' if gold == pred else 'MISS'}")
        rows.append(cells)
    return headers, rows


def _error_rows(report: EvaluationReport) -> list[list[str]]:
    return [
        [
            e.id,
            e.language,
            e.behaviour,
            e.kind,
            ",".join(e.rules) or "-",
            f"[{e.span}] {e.text}" if e.span is not None else e.text,
        ]
        for e in report.errors
    ]


_ERROR_HEADERS = ("id", "lang", "behaviour", "kind", "rules", "text")


def render_report(report: EvaluationReport, *, errors: bool = False) -> str:
    """The report as aligned text tables, one per language.

    Args:
        report: What :func:`verbalkit.evaluate.evaluate_file` returned.
        errors: Also list every false positive and false negative.

    Returns:
        Text ending in a newline.
    """
    out = [f"{report.path} ({FORMAT_NAMES[report.format]})"]
    filters = []
    if report.language_filter:
        filters.append(f"language {report.language_filter}")
    if report.limit is not None:
        filters.append(f"first {report.limit} rows")
    if report.exclude_notes:
        filters.append(f"{report.n_excluded} excluded by notes {', '.join(report.exclude_notes)}")
    out.append(f"evaluated: {report.n_rows}" + (f" ({'; '.join(filters)})" if filters else ""))
    for note in report.notes:
        out.append(f"  * {note}")
    if not report.languages:
        out.append("")
        out.append("Nothing to evaluate: no rows left after the filters.")
    for scores in report.languages:
        out.append("")
        out.append(f"[{scores.language}] {_summary(report, scores)}")
        out.extend(_text_table(_SCORE_HEADERS, _score_rows(scores)))
    if report.calls:
        out.append("")
        out.append("Calls")
        headers, rows = _call_rows(report)
        out.extend(_text_table(headers, rows, left=len(headers)))
    if errors:
        out.append("")
        out.append(f"Errors ({len(report.errors)})")
        if report.errors:
            out.extend(_text_table(_ERROR_HEADERS, _error_rows(report), left=6))
    return "\n".join(out) + "\n"


def render_markdown(
    report: EvaluationReport, *, title: str | None = None, errors: bool = False, level: int = 2
) -> str:
    """The report as Markdown: a heading, the scoring notes and one table per language.

    Args:
        report: What :func:`verbalkit.evaluate.evaluate_file` returned.
        title: Heading text; default: the file name.
        errors: Also list every false positive and false negative.
        level: Heading level of the title.

    Returns:
        Markdown ending in a newline.
    """
    h = "#" * level
    out = [f"{h} {title or report.path}", ""]
    out.append(
        f"`{report.path}` ({FORMAT_NAMES[report.format]}): {report.n_rows} evaluated"
        + (
            f", {report.n_excluded} excluded by notes {', '.join(report.exclude_notes)}"
            if report.exclude_notes
            else ""
        )
        + (f", first {report.limit} only" if report.limit is not None else "")
        + "."
    )
    out.append("")
    out.extend(f"- {note}" for note in report.notes)
    for scores in report.languages:
        out.append("")
        out.append(f"{h}# {scores.language}: {_summary(report, scores)}")
        out.append("")
        out.extend(_md_table(_SCORE_HEADERS, _score_rows(scores)))
    if report.calls:
        out.append("")
        out.append(f"{h}# Calls")
        out.append("")
        headers, rows = _call_rows(report)
        out.extend(_md_table(headers, rows, left=len(headers)))
    if errors and report.errors:
        out.append("")
        out.append(f"{h}# Errors ({len(report.errors)})")
        out.append("")
        out.extend(_md_table(_ERROR_HEADERS, _error_rows(report), left=6))
    return "\n".join(out) + "\n"
