"""Limits that keep one hostile or broken input from stalling or exhausting a batch.

Every limit is documented here and in the README, can be changed per run
(``Limits(max_utterance_chars=...)``, or the CLI's ``--max-*`` options), and is never silent:
what is cut or skipped becomes a warning in the call's output, and what is refused becomes a
one-line error naming the file.

>>> from verbalkit.limits import Limits
>>> Limits().max_utterance_chars
1000000
>>> Limits(max_utterances=500).max_utterances
500
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from verbalkit.errors import VerbalkitError


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on input size and shape; all are positive integers."""

    max_file_bytes: int = 512 * 1024 * 1024
    """Bytes of an input that is parsed as one document: JSON that is not a top-level list of
    calls (one call object, Amazon Transcribe, Whisper), WebVTT, SRT and plain text. A larger
    file is refused, before it is read when its size is known, with a hint to use JSON Lines
    or CSV. Formats that are read call by call are not bounded by it: JSON Lines and CSV/TSV
    stream line by line, and a top-level JSON list of calls streams element by element (one
    element larger than this is refused, and the elements after it are still read)."""

    max_utterances: int = 50_000
    """Utterances in one call; a call with more is refused (a corrupt file, not a call)."""

    max_utterance_chars: int = 1_000_000
    """Characters of one utterance that are analysed; the rest is cut with a warning. Text
    below this is analysed whole, long text in linear chunks at sentence boundaries."""

    max_field_chars: int = 16 * 1024 * 1024
    """Characters of one CSV/TSV field. Python's csv module stops at 131,072 by default; the
    readers raise its limit to this. A longer field (usually a quote that is never closed) is
    an error for its row, naming the line; the lines after it are read on."""

    max_json_depth: int = 64
    """Nesting depth of a JSON document, JSON Lines line or list element (``{"a": [1]}`` is 2
    deep); deeper input is refused, never recursed into."""

    max_number_digits: int = 32
    """Digits of a number in JSON or a time field; longer numbers are refused, as are NaN and
    Infinity in JSON, numbers too large for a float (``1e400``) and non-finite times."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise VerbalkitError(f"limits: {f.name} must be a positive integer, not {value!r}")


#: The limits used when a caller gives none.
DEFAULT_LIMITS = Limits()
