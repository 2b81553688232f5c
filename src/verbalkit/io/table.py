"""CSV and TSV, one row per utterance; and :func:`from_pandas` for DataFrames of the same shape.

Columns are found by name, with common aliases (``conversation_id``, ``role``, ``talare``,
``transcript``, ``start_time``...) or by the user's ``columns=`` mapping. Rows of one call
should be together; when they are not, the file is read twice (once for the call ids), which
keeps memory flat when they are.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from verbalkit.errors import TranscriptError
from verbalkit.io.raw import RawCall, RawUtterance, parse_time
from verbalkit.io.source import TextSource

if TYPE_CHECKING:
    import pandas as pd

#: Column names recognised for each field, after lower-casing and ``-``/space -> ``_``.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "call_id": (
        "call_id",
        "callid",
        "conversation_id",
        "conversationid",
        "conversation",
        "call",
        "id",
        "dialogue_id",
        "dialog_id",
        "session_id",
        "contact_id",
        "samtal",
        "samtals_id",
        "samtalsid",
        "ärende",
        "ärende_id",
    ),
    "speaker": (
        "speaker",
        "role",
        "speaker_label",
        "participant",
        "participant_role",
        "participantrole",
        "speaker_role",
        "talare",
        "roll",
        "who",
    ),
    "text": (
        "text",
        "transcript",
        "utterance",
        "content",
        "message",
        "utterance_text",
        "sentence",
        "yttrande",
        "replik",
    ),
    "start": (
        "start",
        "start_time",
        "begin",
        "begin_time",
        "start_s",
        "start_sec",
        "start_seconds",
        "starttid",
        "start_ms",
        "begin_ms",
        "begin_offset_millis",
        "beginoffsetmillis",
    ),
    "end": (
        "end",
        "end_time",
        "stop",
        "stop_time",
        "end_s",
        "end_sec",
        "end_seconds",
        "sluttid",
        "end_ms",
        "stop_ms",
        "end_offset_millis",
        "endoffsetmillis",
    ),
    "agent_id": ("agent_id", "agentid", "agent_name", "handläggare_id"),
    "team": ("team", "team_id", "group", "grupp"),
    "language": ("language", "lang", "language_code", "språk"),
    "started_at": ("started_at", "call_start", "call_started_at"),
}
REQUIRED = ("speaker", "text")
_DELIMITERS = (",", ";", "\t", "|")


def normalise_column(name: str) -> str:
    """``"Start Time"`` -> ``"start_time"``."""
    return "_".join(name.strip().lstrip("\ufeff").lower().replace("-", " ").split())


def sniff_delimiter(header: str) -> str | None:
    """The delimiter of a header line that names at least a speaker and a text column."""
    best: tuple[int, str] | None = None
    for delimiter in _DELIMITERS:
        if delimiter not in header:
            continue
        names = {normalise_column(n.strip('"')) for n in header.split(delimiter)}
        found = sum(1 for aliases in COLUMN_ALIASES.values() if names & set(aliases))
        has_required = all(names & set(COLUMN_ALIASES[f]) for f in REQUIRED)
        if has_required and (best is None or found > best[0]):
            best = (found, delimiter)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class Columns:
    """Which source column holds each field (index into a row), and time scales."""

    index: dict[str, int]
    names: dict[str, str]
    scale: dict[str, float]


def resolve_columns(
    header: Sequence[str], user: Mapping[str, str], *, path: str, where: str | None = None
) -> Columns:
    """Find each field's column; a missing required column raises, naming what was found.

    Raises:
        TranscriptError: When a required column (speaker, text) or a column named in ``user``
            is missing.
    """
    normalised = [normalise_column(str(h)) for h in header]
    index: dict[str, int] = {}
    for field, aliases in COLUMN_ALIASES.items():
        wanted = user.get(field)
        if wanted is not None:
            key = normalise_column(wanted)
            if key not in normalised:
                raise _missing(path, field, wanted, header, where)
            index[field] = normalised.index(key)
            continue
        for alias in aliases:
            if alias in normalised:
                index[field] = normalised.index(alias)
                break
    for field in REQUIRED:
        if field not in index:
            raise _missing(path, field, None, header, where)
    names = {field: str(header[i]) for field, i in index.items()}
    scale: dict[str, float] = {
        field: 0.001
        for field in ("start", "end")
        if field in index and normalised[index[field]].endswith(("_ms", "millis"))
    }
    return Columns(index, names, scale)


def _missing(
    path: str, field: str, wanted: str | None, header: Sequence[str], where: str | None
) -> TranscriptError:
    found = ", ".join(repr(str(h)) for h in header) or "none"
    if wanted:
        problem = f"no column {wanted!r} (given for {field}); columns found: {found}"
    else:
        aliases = ", ".join(COLUMN_ALIASES[field][:5])
        problem = (
            f"no {field} column (looked for {aliases}...); columns found: {found}; "
            f"name it with columns={{'{field}': ...}}"
        )
    return TranscriptError(path, problem, where=where)


def read_table(
    src: TextSource,
    delimiter: str | None,
    user_columns: Mapping[str, str],
    reopen: Callable[[], TextSource] | None = None,
) -> Iterator[RawCall | TranscriptError]:
    """Calls in a CSV/TSV file, streamed call by call when the rows of a call are together."""
    rows = _rows(src, delimiter)
    try:
        header_line, header = next(rows)
    except StopIteration:
        raise TranscriptError(src.name, "empty file: no header row") from None
    cols = resolve_columns(header, user_columns, path=src.name, where=f"line {header_line}")
    if "call_id" in cols.index and reopen is not None and not _contiguous(reopen, delimiter, cols):
        yield from _grouped(src.name, src.stem, rows, cols)
        return
    yield from _streamed(src.name, src.stem, rows, cols)


def _rows(src: TextSource, delimiter: str | None) -> Iterator[tuple[int, list[str]]]:
    lines = src.lines()
    first: tuple[int, str] | None = None
    for number, line in lines:
        if line.strip():
            first = (number, line)
            break
    if first is None:
        return
    if delimiter is None:
        delimiter = sniff_delimiter(first[1]) or ","
    offset = first[0] - 1

    def text() -> Iterator[str]:
        yield first[1] + "\n"
        for _, line in lines:
            yield line + "\n"

    reader = csv.reader(text(), delimiter=delimiter)
    for row in reader:
        if row and any(cell.strip() for cell in row):
            yield offset + reader.line_num, row


def _contiguous(reopen: Callable[[], TextSource], delimiter: str | None, cols: Columns) -> bool:
    column = cols.index["call_id"]
    seen: set[str] = set()
    current: str | None = None
    with reopen() as again:
        rows = _rows(again, delimiter)
        next(rows, None)
        for _, row in rows:
            call_id = row[column].strip() if column < len(row) else ""
            if call_id != current:
                if call_id in seen:
                    return False
                seen.add(call_id)
                current = call_id
    return True


def _streamed(
    path: str, stem: str, rows: Iterator[tuple[int, list[str]]], cols: Columns
) -> Iterator[RawCall | TranscriptError]:
    current: list[tuple[int, list[str]]] = []
    current_id: str | None = None
    for number, row in rows:
        call_id = _cell(row, cols, "call_id") or stem
        if current and call_id != current_id:
            yield _call_or_error(path, current_id or stem, current, cols)
            current = []
        current_id = call_id
        current.append((number, row))
    if current:
        yield _call_or_error(path, current_id or stem, current, cols)


def _grouped(
    path: str, stem: str, rows: Iterator[tuple[int, list[str]]], cols: Columns
) -> Iterator[RawCall | TranscriptError]:
    calls: dict[str, list[tuple[int, list[str]]]] = {}
    for number, row in rows:
        calls.setdefault(_cell(row, cols, "call_id") or stem, []).append((number, row))
    for call_id, call_rows in calls.items():
        yield _call_or_error(path, call_id, call_rows, cols)


def _call_or_error(
    path: str, call_id: str, rows: list[tuple[int, list[str]]], cols: Columns
) -> RawCall | TranscriptError:
    try:
        return _call(path, call_id, rows, cols)
    except TranscriptError as err:
        return err


def _call(path: str, call_id: str, rows: list[tuple[int, list[str]]], cols: Columns) -> RawCall:
    utterances = []
    for number, row in rows:
        label = _cell(row, cols, "speaker")
        if not label:
            raise TranscriptError(
                path, f"empty {cols.names['speaker']!r} (speaker)", where=f"line {number}"
            )
        times: list[float | None] = []
        for field in ("start", "end"):
            try:
                value = parse_time(_cell(row, cols, field))
            except ValueError as err:
                raise TranscriptError(
                    path, f"{cols.names[field]!r} ({field}): {err}", where=f"line {number}"
                ) from err
            if value is not None and field in cols.scale:
                value *= cols.scale[field]
            times.append(value)
        text = _cell(row, cols, "text") or ""
        utterances.append(RawUtterance(label, text, times[0], times[1], line=number))
    first_row = rows[0][1]
    return RawCall(
        path=path,
        call_id=call_id,
        utterances=utterances,
        where=f"call {call_id!r} (line {rows[0][0]})" if "call_id" in cols.index else None,
        language=_cell(first_row, cols, "language"),
        roles_in_source=True,
        fields={
            "agent_id": _cell(first_row, cols, "agent_id"),
            "team": _cell(first_row, cols, "team"),
            "started_at": _cell(first_row, cols, "started_at"),
        },
    )


def _cell(row: Sequence[str], cols: Columns, field: str) -> str | None:
    i = cols.index.get(field)
    if i is None or i >= len(row):
        return None
    value = row[i].strip()
    return value or None


def frame_calls(
    df: pd.DataFrame,
    names: Mapping[str, str | None],
) -> Iterable[RawCall]:
    """Calls in a DataFrame with one row per utterance, in order of first appearance.

    Raises:
        TranscriptError: For missing columns or bad values (path ``DataFrame``).
    """
    path = "DataFrame"
    header = [str(c) for c in df.columns]
    user = {k: v for k, v in names.items() if v is not None and v != k}
    explicit = {k: v for k, v in names.items() if v is not None and v in header}
    cols = resolve_columns(header, {**user, **explicit}, path=path)
    columns = list(df.columns)
    picked = {field: columns[i] for field, i in cols.index.items()}
    has_id = "call_id" in picked
    groups: Iterable[tuple[Any, pd.DataFrame]]
    groups = df.groupby(picked["call_id"], sort=False) if has_id else [("call", df)]
    calls = []
    for key, part in groups:
        call_id = str(key[0] if isinstance(key, tuple) else key)
        utterances = []
        for position, (_, row) in enumerate(part.iterrows()):
            where = f"call {call_id!r}, row {position}"
            label = _value(row.get(picked["speaker"]))
            if label is None:
                raise TranscriptError(
                    path, f"empty {cols.names['speaker']!r} (speaker)", where=where
                )
            times: list[float | None] = []
            for field in ("start", "end"):
                raw = row.get(picked[field]) if field in picked else None
                try:
                    value = _seconds(raw)
                except ValueError as err:
                    raise TranscriptError(
                        path, f"{cols.names[field]!r}: {err}", where=where
                    ) from err
                if value is not None and field in cols.scale:
                    value *= cols.scale[field]
                times.append(value)
            text = _value(row.get(picked["text"])) or ""
            utterances.append(RawUtterance(str(label), str(text), times[0], times[1]))
        first = part.iloc[0]
        extra = {
            field: _value(first.get(picked[field])) if field in picked else None
            for field in ("agent_id", "team", "language", "started_at")
        }
        calls.append(
            RawCall(
                path=path,
                call_id=call_id,
                utterances=utterances,
                where=f"call {call_id!r}",
                language=None if extra["language"] is None else str(extra["language"]),
                roles_in_source=True,
                fields={
                    k: (None if v is None else str(v)) for k, v in extra.items() if k != "language"
                },
            )
        )
    return calls


def _value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, str):
        return value.strip() or None
    return value


def _seconds(value: Any) -> float | None:
    value = _value(value)
    if value is None:
        return None
    total_seconds = getattr(value, "total_seconds", None)
    if callable(total_seconds):
        return float(total_seconds())
    if hasattr(value, "item"):
        value = value.item()
    return parse_time(value)
