"""Reading transcripts: files, folders, streams and DataFrames into :class:`Transcript` models.

>>> from verbalkit.io import read, read_many
>>> call = read("examples/sv-matkasse.json")  # doctest: +SKIP
>>> for item in read_many(["examples/", "calls.jsonl"]):  # doctest: +SKIP
...     ...

No spaCy here: reading is cheap and independent of the analysis pipeline.
"""

from __future__ import annotations

from verbalkit.io.raw import parse_time
from verbalkit.io.reader import find_files, from_pandas, read, read_many
from verbalkit.io.validate import validation_error_lines


def __getattr__(name: str) -> tuple[str, ...]:
    # FORMATS comes from the reader registry (verbalkit.io.registry), which imports every
    # reader module: only when asked.
    if name == "FORMATS":
        from verbalkit.io.registry import names

        return names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "find_files",
    "from_pandas",
    "parse_time",
    "read",
    "read_many",
    "validation_error_lines",
]
