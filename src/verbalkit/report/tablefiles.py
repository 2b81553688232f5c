"""Rows of dicts written as Parquet (pyarrow) and CSV (the csv module) without pandas.

``verbalkit score`` writes its call and agent tables here rather than through a DataFrame:
importing pandas costs about 0.35 s, a quarter of a one-file run. The files are the ones
pandas would write for the same rows (``verbalkit.results.calls_frame(rows)``): a column's
type is what pandas would infer (integers with a gap become floats, ``None`` an empty
field), ids listed in ``categories`` are dictionary-encoded so they read back as
``category``, datetimes are UTC timestamps. ``tests/report/test_tablefiles.py`` compares
the two.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

__all__ = ["columns_of", "write_csv", "write_parquet"]

Kind = Literal["null", "bool", "int", "float", "datetime", "str", "object"]


def columns_of(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Every key of ``rows`` in first-seen order (the columns ``pd.DataFrame(rows)`` has)."""
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def _kind(values: list[Any]) -> Kind:
    present = [v for v in values if v is not None]
    if not present:
        return "null"
    if all(isinstance(v, bool) for v in present):
        return "bool" if len(present) == len(values) else "object"
    if any(isinstance(v, bool) for v in present):
        return "object"
    if all(isinstance(v, int) for v in present):
        return "int" if len(present) == len(values) else "float"
    if all(isinstance(v, int | float) for v in present):
        return "float"
    if all(isinstance(v, datetime) for v in present):
        return "datetime"
    if all(isinstance(v, str) for v in present):
        return "str"
    return "object"


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def write_parquet(
    rows: Sequence[dict[str, Any]],
    path: Path,
    *,
    columns: Sequence[str] | None = None,
    categories: Sequence[str] = (),
) -> None:
    """Write ``rows`` as one Parquet table; ``categories`` are dictionary-encoded."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = list(columns) if columns is not None else columns_of(rows)
    arrays = []
    for name in names:
        values = [row.get(name) for row in rows]
        kind = _kind(values)
        if kind == "null":
            array = pa.nulls(len(values))
        elif kind == "float":
            array = pa.array(
                [math.nan if v is None else float(v) for v in values], type=pa.float64()
            )
        elif kind == "int":
            array = pa.array(values, type=pa.int64())
        elif kind == "bool":
            array = pa.array(values, type=pa.bool_())
        elif kind == "datetime":
            array = pa.array([_utc(v) for v in values], type=pa.timestamp("us", tz="UTC"))
        elif kind == "str":
            if name in categories:
                # Sorted categories, as pandas makes them.
                levels = sorted({v for v in values if v is not None})
                code = {v: i for i, v in enumerate(levels)}
                array = pa.DictionaryArray.from_arrays(
                    pa.array([None if v is None else code[v] for v in values], type=pa.int32()),
                    pa.array(levels, type=pa.string()),
                )
            else:
                array = pa.array(values, type=pa.string())
        else:
            array = pa.array([None if v is None else str(v) for v in values], type=pa.string())
        arrays.append(array)
    pq.write_table(pa.Table.from_arrays(arrays, names=names), path)


def _cell(value: Any, kind: Kind) -> str:
    if value is None:
        return ""
    if kind == "float":
        number = float(value)
        return "" if math.isnan(number) else repr(number)
    if kind == "datetime":
        return str(_utc(value))
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def write_csv(
    rows: Sequence[dict[str, Any]], path: Path, *, columns: Sequence[str] | None = None
) -> None:
    """Write ``rows`` as CSV with a header, formatted as ``DataFrame.to_csv`` would."""
    names = list(columns) if columns is not None else columns_of(rows)
    kinds = {name: _kind([row.get(name) for row in rows]) for name in names}
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(names)
        for row in rows:
            out.writerow([_cell(row.get(name), kinds[name]) for name in names])


def pyarrow_without_pandas() -> None:
    """Tell pyarrow, for the rest of this process, that pandas is not installed.

    pyarrow imports pandas the first time it builds an array, to check whether its input
    is a pandas object (0.3 s, a fifth of a one-file ``verbalkit score``). The command
    line, which hands pyarrow only lists, calls this before it writes; a process that has
    already imported pandas or pyarrow (a notebook, a test) is left as it is, and so is
    this process's own ``import pandas``. Only pyarrow's DataFrame conversions
    (``Table.to_pandas``) are off afterwards, which the command line never uses.
    """
    import sys
    from importlib.abc import MetaPathFinder

    if "pandas" in sys.modules or "pyarrow" in sys.modules:
        return

    class _NoPandas(MetaPathFinder):
        def find_spec(self, name: str, *_: object) -> None:
            if name == "pandas":
                raise ModuleNotFoundError("No module named 'pandas'", name="pandas")

    blocker = _NoPandas()
    sys.meta_path.insert(0, blocker)
    try:
        import pyarrow as pa

        pa.array([0])  # pyarrow tries pandas once, finds none and remembers
    finally:
        sys.meta_path.remove(blocker)
