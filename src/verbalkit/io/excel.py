"""Excel workbooks (``.xlsx``, ``.xlsm``): one row per utterance, like CSV, on every sheet.

Each sheet is a table with a header row and the columns CSV has (``call_id``, ``speaker``,
``start``, ``end``, ``text`` and the same aliases: ``samtal``, ``talare``, ``roll``,
``starttid``...; ``columns=`` names your own). The rows are handed to the CSV reader
(:func:`verbalkit.io.table.read_table`), so the aliases, the checks and the messages are the
ones of CSV; messages say ``sheet 'Samtal', row 5`` instead of a line.

- Every sheet is read, in workbook order; ``sheet="Samtal"`` reads one. A sheet without a
  ``call_id`` column is one call (``<file>-<sheet>`` when the workbook has several sheets).
- An empty sheet is an error naming the file and the sheet when it is the one asked for or
  when no sheet has rows; next to sheets with rows it is a warning on the workbook's first call.
- Cells are read as values (the last computed value of a formula). Times may be numbers
  (seconds), ``mm:ss`` text, or Excel times and durations (``0:01:12``); text with line breaks
  is one line.
- The workbook is opened read-only (rows are streamed); its uncompressed size counts against
  ``limits.max_file_bytes``. Old ``.xls`` workbooks are refused with a hint to save as ``.xlsx``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from verbalkit.errors import TranscriptError
from verbalkit.io.raw import RawCall
from verbalkit.io.registry import FileSource, ReadContext, file_reader
from verbalkit.io.source import TextSource

# openpyxl has no type information: its workbook and read-only sheet are Any here.
Workbook = Any
ReadOnlyWorksheet = Any

_LINE = re.compile(r"\bline (\d+)")
_CHUNK_ROWS = 512


@dataclass
class _SheetSource(TextSource):
    """A sheet's rows as CSV text, one line per row (line N is row N)."""

    call_stem: str = "call"

    @property
    def stem(self) -> str:
        return self.call_stem


@file_reader(
    "excel",
    title="Excel workbook",
    extensions=(".xlsx", ".xlsm", ".xls"),
    aliases=("xlsx", "xlsm", "xls"),
    order=16,
)
def read_excel(source: FileSource, ctx: ReadContext) -> Iterator[RawCall | TranscriptError]:
    """Calls in an Excel workbook: every sheet (or ``ctx.opts.sheet``), row by row.

    Raises:
        TranscriptError: For an old ``.xls``, a file that is not a workbook, a workbook larger
            than the limit, a sheet that is not there, or no rows in any sheet.
    """
    name = os.fspath(source) if isinstance(source, str | os.PathLike) else _stream_name(source)
    if Path(name).suffix.lower() == ".xls":
        raise TranscriptError(
            name, "an Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx"
        )
    workbook = _open(source, name, ctx)
    try:
        yield from _read_workbook(workbook, name, ctx)
    finally:
        workbook.close()


def _stream_name(stream: IO[bytes]) -> str:
    return str(getattr(stream, "name", "<stream>"))


def _open(source: FileSource, name: str, ctx: ReadContext) -> Workbook:
    try:
        from openpyxl import load_workbook  # type: ignore[import-untyped]
    except ImportError as err:  # pragma: no cover (openpyxl is a dependency)
        raise TranscriptError(name, "reading Excel needs openpyxl: pip install openpyxl") from err
    handle: Any = source
    if isinstance(source, str | os.PathLike):
        if not os.path.exists(source):
            raise TranscriptError(name, "no such file")
        if os.path.isdir(source):
            raise TranscriptError(name, "is a folder, not a file")
        if os.path.getsize(source) == 0:
            raise TranscriptError(name, "empty file (0 bytes)")
    try:
        with zipfile.ZipFile(handle) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as err:
        raise TranscriptError(
            name, "not an Excel workbook (.xlsx is a zip archive; this file is not one)"
        ) from err
    except OSError as err:
        raise TranscriptError(name, f"cannot read: {err.strerror or err}") from err
    limit = ctx.limits.max_file_bytes
    if size > limit:
        raise TranscriptError(
            name,
            f"{size:,} bytes uncompressed, larger than {limit:,} bytes (limits.max_file_bytes): "
            "split the workbook or export it as CSV",
        )
    if hasattr(handle, "seek"):
        handle.seek(0)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it skips: nothing a reader can act on.
            warnings.simplefilter("ignore")
            return load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise TranscriptError(name, f"not a readable Excel workbook ({err})") from err
    except Exception as err:  # openpyxl raises its own kinds for broken parts
        raise TranscriptError(
            name, f"not a readable Excel workbook ({type(err).__name__}: {err})"
        ) from err


def _read_workbook(
    workbook: Workbook, name: str, ctx: ReadContext
) -> Iterator[RawCall | TranscriptError]:
    from verbalkit.io.table import read_table

    titles = list(workbook.sheetnames)
    wanted = ctx.opts.sheet
    if wanted is not None:
        match = [t for t in titles if t == wanted] or [
            t for t in titles if t.casefold() == wanted.casefold()
        ]
        if not match:
            shown = ", ".join(repr(t) for t in titles)
            raise TranscriptError(name, f"no sheet {wanted!r} (sheets: {shown})")
        titles = match[:1]
    sheets = [(title, workbook[title]) for title in titles]
    has_rows = {title: _has_rows(sheet) for title, sheet in sheets}
    filled = [(title, sheet) for title, sheet in sheets if has_rows[title]]
    empty = [title for title, _ in sheets if not has_rows[title]]
    if not filled:
        if len(empty) == 1:
            raise TranscriptError(name, f"sheet {empty[0]!r} is empty: no header row, no rows")
        shown = ", ".join(repr(t) for t in empty)
        raise TranscriptError(name, f"every sheet is empty ({shown}): no rows")
    notes = [f"sheet {t!r} is empty: no rows (skipped)" for t in empty]
    stem = Path(name).stem or "workbook"
    for title, sheet in filled:
        call_stem = stem if len(sheets) == 1 else f"{stem}-{title}"

        def reopen(sheet: ReadOnlyWorksheet = sheet, call_stem: str = call_stem) -> TextSource:
            return _source(name, call_stem, sheet)

        src = _source(name, call_stem, sheet)
        try:
            for item in read_table(src, ",", ctx.opts.column_map, reopen, ctx.limits):
                found = _on_sheet(item, title)
                if notes and isinstance(found, RawCall):
                    found.warnings.extend(notes)
                    notes = []
                yield found
        except TranscriptError as err:
            # A sheet that cannot be read (no header, no text column) is that sheet's error;
            # the other sheets are still read.
            yield _on_sheet(err, title)


def _has_rows(sheet: ReadOnlyWorksheet) -> bool:
    return any(any(not _blank(v) for v in row) for row in sheet.iter_rows(values_only=True))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _source(name: str, call_stem: str, sheet: ReadOnlyWorksheet) -> TextSource:
    chunks = _csv_chunks(sheet)
    head = next(chunks, "")
    return _SheetSource(name=name, head=head, rest=chunks, encoding="xlsx", call_stem=call_stem)


def _csv_chunks(sheet: ReadOnlyWorksheet) -> Iterator[str]:
    """The sheet as CSV text, one line per row from row 1 (blank rows too, so line N is row
    N), cut to the header's width."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    width: int | None = None
    for rows, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [_cell(value) for value in row]
        if width is None and any(cells):
            width = max(i for i, cell in enumerate(cells) if cell) + 1
        if width is not None:
            cells = cells[:width]
        if any(cells):
            writer.writerow(cells)
        else:
            buffer.write("\n")
        if rows % _CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def _cell(value: object) -> str:
    """A cell as CSV text: times as clock text or seconds, line breaks as spaces."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split()) if ("\n" in value or "\r" in value) else value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.timedelta):
        return repr(value.total_seconds())
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.time):
        clock = f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
        return f"{clock}.{value.microsecond:06d}".rstrip("0") if value.microsecond else clock
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _on_sheet(item: RawCall | TranscriptError, title: str) -> RawCall | TranscriptError:
    """A call or error of the CSV reader placed on its sheet: ``sheet 'Samtal', row 5``."""
    sheet = f"sheet {title!r}"
    if isinstance(item, TranscriptError):
        where = _LINE.sub(r"row \1", item.where) if item.where else None
        return TranscriptError(
            str(item.path), item.problem, where=f"{sheet}, {where}" if where else sheet
        )
    where = _LINE.sub(r"row \1", item.where) if item.where else None
    metadata = item.fields.get("metadata")
    fields = {
        **item.fields,
        "metadata": {**(metadata if isinstance(metadata, dict) else {}), "sheet": title},
    }
    # Rows of a call are named through the call's place: a sheet has rows, not lines.
    return replace(
        item,
        where=f"{sheet}: {where}" if where else sheet,
        utterances=[replace(u, line=None) for u in item.utterances],
        fields=fields,
    )
