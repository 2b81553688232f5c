"""CSV and TSV, one row per utterance; and :func:`from_pandas` for DataFrames of the same shape.

Columns are found by name, with common aliases (``conversation_id``, ``role``, ``talare``,
``transcript``, ``start_time``...) or by the user's ``columns=`` mapping. Rows of one call
should be together; when they are not, the file is read twice (once for the call ids), which
keeps memory flat when they are.

A row the csv module cannot read (a field longer than ``Limits.max_field_chars``, a quote
that is never closed) fails its call with an error naming the line; the lines after it are
read again as rows, so the other calls are kept.
"""

from __future__ import annotations

import csv
import itertools
import math
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING, Any

from verbalkit.errors import TranscriptError
from verbalkit.io.raw import RawCall, RawUtterance, parse_time
from verbalkit.io.source import TextSource
from verbalkit.limits import DEFAULT_LIMITS, Limits

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
        "interaction_id",
        "samtal",
        "samtals_id",
        "samtalsid",
        "samtal_id",
        "samtals_nr",
        "samtalsnummer",
        "ärende",
        "ärende_id",
        "ärendenummer",
    ),
    "speaker": (
        "speaker",
        "role",
        "speaker_label",
        "participant",
        "participant_role",
        "participantrole",
        "speaker_role",
        "speaker_name",
        "sender",
        "talare",
        "roll",
        "talarroll",
        "avsändare",
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
        "transkription",
        "transkript",
        "mening",
        "innehåll",
        "meddelande",
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
        "start_tid",
        "tid_start",
        "början",
        "start_sek",
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
        "slut",
        "sluttid",
        "slut_tid",
        "tid_slut",
        "stopp",
        "stopptid",
        "slut_sek",
        "end_ms",
        "stop_ms",
        "end_offset_millis",
        "endoffsetmillis",
    ),
    "agent_id": (
        "agent_id",
        "agentid",
        "agent_name",
        "agentnamn",
        "agent_namn",
        "handläggare_id",
        "handläggarid",
        "handläggarnamn",
        "handläggare_namn",
        "medarbetare",
        "medarbetar_id",
        "employee_id",
        # Also a speaker column in a file without another one: see AGENT_OR_SPEAKER.
        "handläggare",
        "handläggaren",
        "agent",
        "agenten",
    ),
    "team": (
        "team",
        "team_id",
        "team_name",
        "teamnamn",
        "group",
        "group_name",
        "grupp",
        "avdelning",
        "department",
    ),
    "language": ("language", "lang", "language_code", "locale", "språk", "språkkod"),
    "started_at": (
        "started_at",
        "call_start",
        "call_started_at",
        "call_date",
        "call_datetime",
        "date",
        "datetime",
        "samtalsstart",
        "samtalsdatum",
        "startdatum",
        "start_datum",
        "datum",
    ),
}
REQUIRED = ("speaker", "text")
#: Columns that hold the agent's name (the same on every row of a call: ``agent_id``) or, in a
#: file without another speaker column, each row's speaker (values that change row by row).
AGENT_OR_SPEAKER = frozenset({"handläggare", "handläggaren", "agent", "agenten"})
#: Columns that hold an utterance's start (changing row by row) or the call's time of day (the
#: same on every row of a call: joined with a date column into ``started_at``).
TIME_OR_START = ("tid", "time", "klockslag", "tidpunkt")
#: Rows read ahead to tell those columns apart by their values.
SAMPLE_ROWS = 200
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
        # "Handläggare" may be the speaker column (resolve_columns looks at the values).
        speakers = {*COLUMN_ALIASES["speaker"], *AGENT_OR_SPEAKER}
        has_required = names & speakers and names & set(COLUMN_ALIASES["text"])
        if has_required and (best is None or found > best[0]):
            best = (found, delimiter)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class Columns:
    """Which source column holds each field (index into a row), and time scales."""

    index: dict[str, int]
    names: dict[str, str]
    scale: dict[str, float]
    ignored: tuple[str, ...] = ()
    """Header names of the columns no field uses, as written."""
    call_time: int | None = None
    """A time-of-day column joined with the ``started_at`` date (``Datum`` + ``Tid``)."""

    def ignored_warning(self) -> list[str]:
        """``["ignored columns: kommentar, kanal"]``, or nothing."""
        if not self.ignored:
            return []
        return [
            f"ignored columns: {', '.join(self.ignored)} "
            "(no field reads them; name one with columns={...} if it should)"
        ]

    def started_at(self, cells: Sequence[str]) -> str | None:
        """The call's start from its date column, with the time-of-day column when there is
        one and the date has no time."""
        date = _cell(cells, self, "started_at")
        if date is None or self.call_time is None or len(date) > len("2024-04-09"):
            return date
        time = cells[self.call_time].strip() if self.call_time < len(cells) else ""
        return f"{date}T{time}" if time else date


def resolve_columns(
    header: Sequence[str],
    user: Mapping[str, str],
    *,
    path: str,
    where: str | None = None,
    sample: Sequence[Sequence[str]] | None = None,
) -> Columns:
    """Find each field's column; a missing required column raises, naming what was found.

    Some names are told apart by the values of ``sample`` (the first rows): a ``Handläggare``
    or ``Agent`` column is ``agent_id`` when its value is the same on every row of a call, and
    the speaker when it changes row by row and no other column names the speaker; a ``Tid`` or
    ``Time`` column that changes row by row is the start time, one that stays the same is the
    call's time of day (joined with a date column into ``started_at``). Without a sample, such
    a column is the speaker only when nothing else is, and ``Tid`` is the start time.

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
    call_col = index.get("call_id")
    agent_col = index.get("agent_id")
    if (
        "speaker" not in index
        and agent_col is not None
        and "agent_id" not in user
        and normalised[agent_col] in AGENT_OR_SPEAKER
        and (sample is None or _changes(sample, call_col, agent_col))
    ):
        index["speaker"] = index.pop("agent_id")
    call_time = None
    taken = set(index.values())
    time_col = next(
        (i for i, n in enumerate(normalised) if n in TIME_OR_START and i not in taken), None
    )
    if time_col is not None:
        constant = sample is not None and not _changes(sample, call_col, time_col)
        if constant and "started_at" in index:
            call_time = time_col
        elif not constant and "start" not in index:
            index["start"] = time_col
    for field in REQUIRED:
        if field not in index:
            raise _missing(path, field, None, header, where, normalised, index)
    names = {field: str(header[i]) for field, i in index.items()}
    scale: dict[str, float] = {
        field: 0.001
        for field in ("start", "end")
        if field in index and normalised[index[field]].endswith(("_ms", "millis"))
    }
    used = {*index.values(), call_time}
    ignored = tuple(
        str(h).strip() for i, h in enumerate(header) if i not in used and str(h).strip()
    )
    return Columns(index, names, scale, ignored, call_time)


def _changes(sample: Sequence[Sequence[str]], call_col: int | None, col: int) -> bool:
    """True when a column's value changes between rows of one call in ``sample`` (or no call
    has two rows to tell)."""
    seen: dict[str, str] = {}
    multi = False
    for cells in sample:
        if col >= len(cells):
            continue
        call = cells[call_col].strip() if call_col is not None and call_col < len(cells) else ""
        value = cells[col].strip()
        if not value:
            continue
        if call in seen:
            multi = True
            if seen[call] != value:
                return True
        else:
            seen[call] = value
    return not multi


def _missing(
    path: str,
    field: str,
    wanted: str | None,
    header: Sequence[str],
    where: str | None,
    normalised: Sequence[str] = (),
    index: Mapping[str, int] | None = None,
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
        agent_col = (index or {}).get("agent_id")
        if (
            field == "speaker"
            and agent_col is not None
            and normalised[agent_col] in AGENT_OR_SPEAKER
        ):
            problem += f" ({str(header[agent_col])!r} has one value per call: read as agent_id)"
    return TranscriptError(path, problem, where=where)


def read_table(
    src: TextSource,
    delimiter: str | None,
    user_columns: Mapping[str, str],
    reopen: Callable[[], TextSource] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[RawCall | TranscriptError]:
    """Calls in a CSV/TSV file, streamed call by call when the rows of a call are together.

    Raises:
        TranscriptError: For a file without a header, without the needed columns, or with no
            rows after the header.
    """
    rows = _rows(src, delimiter, limits)
    header_row = next(rows, None)
    if header_row is None:
        raise TranscriptError(src.name, "empty file: no header row")
    if header_row.error is not None:
        raise header_row.error
    where = f"line {header_row.line}"
    # The first rows, to tell an agent-name column from a speaker column by their values.
    ahead = list(itertools.islice(rows, SAMPLE_ROWS))
    sample = [row.cells for row in ahead if row.error is None]
    cols = resolve_columns(
        header_row.cells, user_columns, path=src.name, where=where, sample=sample
    )
    if not ahead:
        # Without this, a header alone reads as "0 calls, 0 failed": a silent success.
        raise TranscriptError(src.name, "no rows after the header: no calls", where=where)
    rows = itertools.chain(ahead, rows)
    if (
        "call_id" in cols.index
        and reopen is not None
        and not _contiguous(reopen, delimiter, cols, limits)
    ):
        yield from _grouped(src.name, src.stem, rows, cols, limits)
        return
    yield from _streamed(src.name, src.stem, rows, cols, limits)


@dataclass(slots=True)
class _Row:
    """One row: its first line, its cells, and the error when csv could not read it (then
    ``cells`` is a guess from the first line alone, for the call id)."""

    line: int
    cells: list[str]
    error: TranscriptError | None = None


class _OpenQuote(Exception):
    """csv asked for a line past the end of the file while inside a quoted field."""


@dataclass(slots=True)
class _Feed:
    """Lines for :func:`csv.reader`, remembering those of the row being read.

    csv.reader cannot say where a broken row started, nor tell a quote that is never closed
    from a last row that ends the file: it returns the rest of the file as one field. The
    feed knows which lines the current row took, and that csv asked for more at the end.
    """

    lines: Iterator[tuple[int, str]]
    record: list[tuple[int, str, bool]] = dataclass_field(default_factory=list)
    replay: deque[tuple[int, str, bool]] = dataclass_field(default_factory=deque)

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self.replay:
            item = self.replay.popleft()
        else:
            nxt = next(self.lines, None)
            if nxt is None:
                if self.record:
                    raise _OpenQuote
                raise StopIteration
            item = (nxt[0], nxt[1], False)
        self.record.append(item)
        return item[1] + "\n"

    def take(self) -> list[tuple[int, str, bool]]:
        """The lines of the row just read (or just failed), and start a new row."""
        record, self.record = self.record, []
        return record

    def read_again(self, record: list[tuple[int, str, bool]]) -> None:
        """Feed a failed row's lines after its first one again, each line at most once (so
        a file of broken rows stays linear)."""
        again = [(n, line, True) for n, line, replayed in record[1:] if not replayed]
        self.replay.extendleft(reversed(again))


def _rows(src: TextSource, delimiter: str | None, limits: Limits) -> Iterator[_Row]:
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
    feed = _Feed(itertools.chain([first], lines))
    # strict: text after a closing quote ('"Hi" there') is an error, not glued on. With a
    # stray quote, that error comes at the next row's quote, so the rows after it are read
    # again instead of being swallowed into one field.
    reader = csv.reader(feed, delimiter=delimiter, strict=True)
    field_limit = min(limits.max_field_chars, sys.maxsize)
    while True:
        # The csv module's field limit is one setting for the whole process (131,072 by
        # default). Set just before each row, it holds for this reader even when readers
        # with other limits are interleaved.
        csv.field_size_limit(field_limit)
        try:
            cells = next(reader)
        except StopIteration:
            return
        except (csv.Error, _OpenQuote) as err:
            record = feed.take()
            if not record:  # pragma: no cover (csv fails only on a line it was given)
                return
            start, text = record[0][0], record[0][1]
            error = TranscriptError(src.name, _row_problem(err, limits), where=f"line {start}")
            yield _Row(start, _guess(text, delimiter), error)
            feed.read_again(record)
            continue
        record = feed.take()
        if record and cells and any(cell.strip() for cell in cells):
            yield _Row(record[0][0], cells)


def _row_problem(err: Exception, limits: Limits) -> str:
    if isinstance(err, _OpenQuote):
        return (
            "unclosed quote: a quoted field in this row runs to the end of the file; "
            "the row is skipped and the lines after it are read as rows"
        )
    if "field larger than field limit" in str(err):
        return (
            f"a field longer than {limits.max_field_chars:,} characters "
            "(limits.max_field_chars), or a quote that is never closed; the row is skipped "
            "and the lines after it are read as rows"
        )
    detail = " ".join(str(err).split())
    if "expected after" in detail:
        return (
            f"text after a closing quote ({detail}): a stray or unclosed quote?; "
            "the row is skipped and the lines after it are read as rows"
        )
    return f"unreadable row ({detail}); the row is skipped and the lines after it are read as rows"


def _guess(line: str, delimiter: str) -> list[str]:
    """The cells of a broken row's first line read alone: enough to find its call id."""
    # The line is in memory already; the row loop sets the limit back before the next row.
    csv.field_size_limit(min(len(line) + 1, sys.maxsize))
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # pragma: no cover (one line within the limit always reads)
        return []


def _contiguous(
    reopen: Callable[[], TextSource], delimiter: str | None, cols: Columns, limits: Limits
) -> bool:
    seen: set[str] = set()
    current: str | None = None
    with reopen() as again:
        rows = _rows(again, delimiter, limits)
        next(rows, None)
        for row in rows:
            call_id = _call_id(row, cols, current, "")
            if call_id != current:
                if call_id in seen:
                    return False
                seen.add(call_id)
                current = call_id
    return True


def _call_id(row: _Row, cols: Columns, current: str | None, default: str) -> str:
    """A row's call id; a broken row without one belongs to the call being read."""
    found = _cell(row.cells, cols, "call_id")
    if found is None and row.error is not None and current is not None:
        return current
    return found or default


def _streamed(
    path: str, stem: str, rows: Iterator[_Row], cols: Columns, limits: Limits
) -> Iterator[RawCall | TranscriptError]:
    current: list[_Row] = []
    current_id: str | None = None
    for row in rows:
        call_id = _call_id(row, cols, current_id, stem)
        if current and call_id != current_id:
            yield _call_or_error(path, current_id or stem, current, cols, limits)
            current = []
        current_id = call_id
        current.append(row)
    if current:
        yield _call_or_error(path, current_id or stem, current, cols, limits)


def _grouped(
    path: str, stem: str, rows: Iterator[_Row], cols: Columns, limits: Limits
) -> Iterator[RawCall | TranscriptError]:
    calls: dict[str, list[_Row]] = {}
    current: str | None = None
    for row in rows:
        current = _call_id(row, cols, current, stem)
        calls.setdefault(current, []).append(row)
    for call_id, call_rows in calls.items():
        yield _call_or_error(path, call_id, call_rows, cols, limits)


def _call_or_error(
    path: str, call_id: str, rows: list[_Row], cols: Columns, limits: Limits
) -> RawCall | TranscriptError:
    for row in rows:
        if row.error is not None:
            # A call with a row that could not be read is incomplete: fail it, say where.
            return row.error
    try:
        return _call(path, call_id, rows, cols, limits)
    except TranscriptError as err:
        return err


def _call(path: str, call_id: str, rows: list[_Row], cols: Columns, limits: Limits) -> RawCall:
    utterances = []
    for row in rows:
        number, cells = row.line, row.cells
        label = _cell(cells, cols, "speaker")
        if not label:
            raise TranscriptError(
                path, f"empty {cols.names['speaker']!r} (speaker)", where=f"line {number}"
            )
        times: list[float | None] = []
        for name in ("start", "end"):
            try:
                value = parse_time(_cell(cells, cols, name), max_digits=limits.max_number_digits)
            except ValueError as err:
                raise TranscriptError(
                    path, f"{cols.names[name]!r} ({name}): {err}", where=f"line {number}"
                ) from err
            if value is not None and name in cols.scale:
                value *= cols.scale[name]
            times.append(value)
        text = _cell(cells, cols, "text") or ""
        utterances.append(RawUtterance(label, text, times[0], times[1], line=number))
    first_row = rows[0].cells
    return RawCall(
        path=path,
        call_id=call_id,
        utterances=utterances,
        where=f"call {call_id!r} (line {rows[0].line})" if "call_id" in cols.index else None,
        language=_cell(first_row, cols, "language"),
        roles_in_source=True,
        fields={
            "agent_id": _cell(first_row, cols, "agent_id"),
            "team": _cell(first_row, cols, "team"),
            "started_at": cols.started_at(first_row),
        },
        warnings=cols.ignored_warning(),
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
    sample = [
        ["" if _value(v) is None else str(v) for v in row]
        for row in df.head(SAMPLE_ROWS).itertuples(index=False, name=None)
    ]
    cols = resolve_columns(header, {**user, **explicit}, path=path, sample=sample)
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
        if cols.call_time is not None and extra["started_at"] is not None:
            time = _value(first.iloc[cols.call_time])
            cells = {cols.index["started_at"]: str(extra["started_at"]), cols.call_time: time}
            extra["started_at"] = cols.started_at(
                ["" if cells.get(i) is None else str(cells[i]) for i in range(len(columns))]
            )
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
                warnings=cols.ignored_warning(),
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
