"""Tell a transcript's format from its extension and its first 64 KiB.

Strong content signals (a ``WEBVTT`` header, SRT cue timings, JSON braces) win over the
extension, so a ``.txt`` holding WebVTT is read as WebVTT; otherwise the extension decides;
without a known extension the content decides alone. Text that is neither JSON, subtitles nor
a table goes to the text reader most sure of it (plain ``Name: text`` lines, Otter's
``Name  0:04`` blocks...).

Which JSON shape a file has (verbalkit, Amazon Transcribe, Deepgram...) is decided after
parsing, per document, list element or line (:func:`verbalkit.io.registry.recognise_json`).
Extensions come from the reader registry (:func:`verbalkit.io.registry.extensions`).
"""

from __future__ import annotations

import json
import re

from verbalkit.io import registry


def __getattr__(name: str) -> dict[str, str]:
    # EXTENSIONS comes from the reader registry (which imports the readers): only when asked.
    if name == "EXTENSIONS":
        return registry.extensions()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_SRT_START = re.compile(r"^\d+[ \t]*\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->")
_CUE_TIMING = re.compile(r"^\s*(?:\d+:)?\d{2}:\d{2}[,.]\d{3}\s*-->")
_BRACKETED_TIME = re.compile(r"^\[\s*\d{1,2}:\d{2}")  # "[00:01:12] Agent: ...", not JSON
_JSON_FAMILY = ("json", "jsonl")
_STRONG = ("vtt", "srt", "json", "jsonl")


def detect_format(suffix: str, head: str, declared: str | None = None) -> str | None:
    """The format of a file: ``declared`` if given, else from extension and content.

    Args:
        suffix: The lower-case extension with its dot (``".json"``).
        head: The first decoded chunk of the file.
        declared: A normalised format name from ``format=``.

    Returns:
        One of :data:`verbalkit.io.raw.FORMATS`, or None when nothing fits.
    """
    if declared:
        return declared
    by_ext = registry.extensions().get(suffix)
    sniffed = sniff(head)
    if by_ext == "jsonl" and sniffed == "json" and _has_json_line(head):
        # A JSON Lines file whose first line is broken, a list or too deep is still JSON
        # Lines: only a document spread over lines (pretty-printed) is not.
        return "jsonl"
    if by_ext in _JSON_FAMILY:
        return sniffed if sniffed in _JSON_FAMILY else by_ext
    if by_ext in ("vtt", "srt"):
        return sniffed if sniffed in ("vtt", "srt") else by_ext
    if by_ext in ("csv", "tsv"):
        if sniffed in _STRONG or sniffed in ("csv", "tsv"):
            return sniffed
        return by_ext
    if by_ext is not None and _is_text_family(by_ext):
        if sniffed in (*_STRONG, "csv", "tsv") or (sniffed and _is_text_family(sniffed)):
            return sniffed
        return by_ext
    return sniffed


def _is_text_family(name: str) -> bool:
    """A format for free text (plain text, Otter...), not JSON, subtitles or tables."""
    if name in (*_STRONG, "csv", "tsv"):
        return False
    spec = registry.get(name)
    return spec.kind == "text"


def sniff(head: str) -> str | None:
    """Guess a format from the first chunk of text alone."""
    text = head.lstrip("\ufeff \t\r\n")
    if not text:
        return None
    if text.startswith("WEBVTT"):
        return "vtt"
    if text[0] in "{[" and not _BRACKETED_TIME.match(text):
        return _sniff_json(text)
    normalised = text[:4000].replace("\r\n", "\n").replace("\r", "\n")
    if _SRT_START.match(normalised) or _CUE_TIMING.match(normalised):
        return "srt"
    first_line = normalised.split("\n", 1)[0]
    from verbalkit.io.table import sniff_delimiter

    delimiter = sniff_delimiter(first_line)
    if delimiter is not None:
        return "tsv" if delimiter == "\t" else "csv"
    return registry.sniff_text(normalised)


def _sniff_json(text: str) -> str:
    first, _, rest = text.partition("\n")
    if first.lstrip().startswith("{") and rest.strip().startswith("{"):
        return "jsonl" if _json_line(first) is not None else "json"
    return "json"


def _has_json_line(head: str, lines: int = 5) -> bool:
    """Whether one of the first whole lines is an object or a list on its own (a pretty-
    printed document has none), or the head holds no whole line to tell."""
    whole = head.lstrip("\ufeff \t\r\n").split("\n")[:-1]
    if not whole:
        return True
    return any(_json_line(line) is not None for line in [w for w in whole if w.strip()][:lines])


def _json_line(line: str) -> object | None:
    """The line's JSON object or list, None when it is not one (True when too deep to tell)."""
    try:
        value = json.loads(line)
    except RecursionError:
        return True  # one line, nested too deep: the line reader refuses it, naming the line
    except ValueError:
        return None
    return value if isinstance(value, dict | list) else None
