"""Otter-style text exports: a ``Name  0:04`` line, then what that speaker said.

The shape (Otter.ai "Export text" with speaker names and timestamps; Rev and others export the
same blocks)::

    Maria Lind  0:02
    Thank you for calling Northwind Energy, this is Maria. How can I help you?

    Peter Holm  0:07
    Hi, I'm calling about my bill.
    It's twice what I usually pay.

    Transcribed by https://otter.ai

- A speaker line is a name (up to five words), spaces, and a time ``m:ss`` or ``h:mm:ss``
  (optionally in brackets), at the start of the file or after a blank line; the lines under
  it, up to the next speaker line, are the text ("See you at 10:30" inside a block stays text).
- Times are starts (seconds); the files have no end times. Consecutive blocks of one speaker
  make one turn.
- Text before the first speaker line (a title) is skipped with a warning; Otter's
  "Transcribed by https://otter.ai" line is left out.
- ``Name (0:04):`` with a colon is the plain-text format (:mod:`verbalkit.io.plaintext`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from verbalkit.errors import TranscriptError
from verbalkit.io.raw import RawCall, RawUtterance, join_turns, parse_time
from verbalkit.io.registry import ReadContext, text_reader
from verbalkit.io.source import TextSource

_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
# A name (letters first, at most 40 characters), at least one space, the time, nothing else.
# Possessive runs (*+) keep a long line of spaces linear.
_HEADER = re.compile(
    rf"^[ \t]*+(?P<label>[^\W\d_][\w.'’&/-]*+(?:[ \t][\w.'’&/-]++){{0,4}}?)[ \t]++"
    rf"(?:\[(?P<b>{_TIME})\]|\((?P<p>{_TIME})\)|(?P<t>{_TIME}))[ \t]*+$"
)
_FOOTER = re.compile(r"^\s*transcribed by\s+\S*otter\.ai\S*\s*$", re.IGNORECASE)
_MAX_LABEL = 40


def _header(line: str) -> tuple[str, str] | None:
    found = _HEADER.match(line)
    if found is None or len(found.group("label")) > _MAX_LABEL:
        return None
    return found.group("label").strip(), found.group("b") or found.group("p") or found.group("t")


def _headers(lines: list[str]) -> list[int]:
    """Indexes of the speaker lines: at the start or after a blank line."""
    found = []
    after_blank = True
    for i, line in enumerate(lines):
        if not line.strip():
            after_blank = True
            continue
        if after_blank and _header(line) is not None:
            found.append(i)
        after_blank = False
    return found


def looks_like_otter(head: str) -> float:
    """0.9 when speaker lines with a time, each followed by text, make the head's blocks."""
    lines = head.split("\n")[:400]
    if len(lines) >= 400:
        lines = lines[:-1]  # the head may end inside a line
    filled = [i for i, line in enumerate(lines) if line.strip()]
    headers = _headers(lines)
    if not headers or len(headers) < min(2, len(filled)):
        return 0.0
    followed = sum(
        1 for i in headers if i + 1 < len(lines) and lines[i + 1].strip() and i + 1 not in headers
    )
    if followed < max(1, len(headers) - 1) or len(headers) * 8 < len(filled):
        return 0.0
    return 0.9


@text_reader(
    "otter",
    title="Otter-style text",
    recognise=looks_like_otter,
    aliases=("otter.ai", "otter-txt"),
    order=15,
)
def read_otter(src: TextSource, ctx: ReadContext) -> Iterator[RawCall]:
    """The one call in an Otter-style text export, within ``limits.max_file_bytes``.

    Raises:
        TranscriptError: For a file without speaker lines, or a time that is not a time.
    """
    src.limit_size(ctx.limits.max_file_bytes, "a text transcript is read as one call")
    parts: list[RawUtterance] = []
    texts: list[list[str]] = []
    skipped: int | None = None
    after_blank = True
    for number, line in src.lines():
        if not line.strip():
            after_blank = True
            continue
        if _FOOTER.match(line):
            continue
        found = _header(line) if after_blank else None
        after_blank = False
        if found is not None:
            label, clock = found
            try:
                start = parse_time(clock, max_digits=ctx.limits.max_number_digits)
            except ValueError as err:
                raise TranscriptError(
                    src.name, f"timestamp: {err}", where=f"line {number}"
                ) from err
            parts.append(RawUtterance(label, "", start, None, line=number))
            texts.append([])
        elif texts:
            texts[-1].append(line.strip())
        elif skipped is None:
            skipped = number
    if not parts:
        raise TranscriptError(
            src.name, "no speaker lines: expected 'Name  0:04' followed by the text"
        )
    for part, lines in zip(parts, texts, strict=True):
        part.text = " ".join(lines)
    warnings = []
    if skipped is not None:
        first = parts[0].line
        warnings.append(
            f"line {skipped}: text before the first speaker line (line {first}) skipped (a title?)"
        )
    return iter(
        [
            RawCall(
                path=src.name,
                call_id=src.stem,
                utterances=join_turns(parts),
                fields={"metadata": {"format": "otter"}},
                warnings=warnings,
            )
        ]
    )
