"""verbalkit JSON (one call, or a list of calls) and JSON Lines (one call per line).

The shape::

    {"call_id": "sv-0042", "agent_id": "a7", "team": "team-alfa", "language": "sv",
     "started_at": "2024-04-09T10:03:44+01:00", "metadata": {...},
     "utterances": [{"speaker": "agent", "start": 0.5, "end": 6.0, "text": "..."}]}

A JSON file may also hold a vendor's output (Amazon Transcribe, Whisper, AssemblyAI, Deepgram,
Genesys, Twilio, Rev...): :func:`read_json` asks the reader registry
(:func:`verbalkit.io.registry.recognise_json`) which shape each document, list element or line
has, and hands it to that reader. A shape no reader knows is an error naming the keys found and
the closest known shapes; a vendor's shape is never read as verbalkit JSON.

Untrusted JSON is bounded (:class:`~verbalkit.limits.Limits`): a top-level list of calls is
read element by element, so memory stays flat; any other document must fit
``max_file_bytes``; nesting deeper than ``max_json_depth``, numbers longer than
``max_number_digits``, numbers a float cannot hold and NaN/Infinity are errors for the
document, line or element they are in, never a crash.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any

from verbalkit.errors import TranscriptError
from verbalkit.io import registry
from verbalkit.io.raw import RawCall, RawUtterance, parse_time, units_problem
from verbalkit.io.registry import JsonDoc, ReadContext, ReaderSpec, json_reader, text_reader
from verbalkit.io.source import CHUNK, TextSource
from verbalkit.limits import DEFAULT_LIMITS, Limits

_KNOWN_KEYS = frozenset(
    {
        "call_id",
        "id",
        "agent_id",
        "team",
        "language",
        "started_at",
        "metadata",
        "utterances",
        "source",
    }
)
_IGNORED_KEYS = frozenset(
    {"source", "speaker_rule", "language_info", "warnings"}
)  # fields our own output adds
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class JsonLimitError(ValueError):
    """Valid JSON that a transcript cannot be: too deep, a number too long, NaN, Infinity."""

    def __init__(self, problem: str, place: str | None = None) -> None:
        super().__init__(f"{place}: {problem}" if place else problem)
        self.problem = problem
        self.place = place
        """Where in the document (``utterances[3].start``), when known."""

    def where(self, outer: str | None = None) -> str | None:
        """The place inside ``outer`` (``line 4`` or ``[2]``), as parse_call writes it."""
        return inside(outer, self.place)


def inside(outer: str | None, place: str | None) -> str | None:
    """A place inside a line or list element: ``line 4: utterances[3].start``,
    ``[2].utterances[3].start``."""
    if not outer or not place:
        return place or outer
    if outer.startswith("["):
        return outer + (place if place.startswith("[") else f".{place}")
    return f"{outer}: {place}"


def loads(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse a JSON document within the limits.

    Raises:
        json.JSONDecodeError: For invalid JSON.
        JsonLimitError: For nesting deeper than ``limits.max_json_depth``, numbers longer than
            ``limits.max_number_digits`` or out of float range, NaN and Infinity.
    """
    try:
        value = _DECODER.decode(text)
    except RecursionError:
        raise JsonLimitError(too_deep(limits)) from None
    except json.JSONDecodeError:
        raise
    except ValueError:
        # int() refuses over 4,300 digits (sys.get_int_max_str_digits) inside the parser.
        raise JsonLimitError(too_long(limits)) from None
    check_value(value, limits)
    return value


def too_deep(limits: Limits) -> str:
    """The message for JSON nested beyond the limit (or beyond what the parser can recurse)."""
    return f"nested more than {limits.max_json_depth} levels deep (limits.max_json_depth)"


def too_long(limits: Limits) -> str:
    """The message for a number with too many digits."""
    return f"a number with more than {limits.max_number_digits} digits (limits.max_number_digits)"


def check_value(value: Any, limits: Limits) -> None:
    """Check a parsed JSON value against the limits without recursion.

    Raises:
        JsonLimitError: Naming the place (``utterances[3].start``) and the problem.
    """
    big = 10**limits.max_number_digits
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth >= limits.max_json_depth:
                raise JsonLimitError(too_deep(limits))
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
        elif _bad_number(item, big):
            # Rare: walk again to say where; the first walk keeps no paths, to stay cheap.
            place, problem = _find_bad_number(value, big, limits)
            raise JsonLimitError(problem, place or None)


def _bad_number(item: object, big: int) -> bool:
    # Floats too: 1e300 has few digits written but as many as a 301-digit integer.
    if isinstance(item, float):
        return not (math.isfinite(item) and -big < item < big)
    return isinstance(item, int) and not isinstance(item, bool) and not -big < item < big


def _find_bad_number(value: Any, big: int, limits: Limits) -> tuple[str, str]:
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        item, place = stack.pop()
        if isinstance(item, dict):
            stack.extend((v, _join(place, k)) for k, v in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((v, f"{place}[{i}]") for i, v in reversed(list(enumerate(item))))
        elif _bad_number(item, big):
            if isinstance(item, float) and math.isnan(item):
                return place, "NaN is not a number (JSON has no NaN)"
            if isinstance(item, float) and math.isinf(item):
                return place, "an infinite number (Infinity, or too large for a float: 1e400)"
            return place, too_long(limits)
    return "", "a number out of range"  # pragma: no cover (only called after one was found)


_PLAIN_KEY = re.compile(r"^[A-Za-z_][\w-]{0,39}$")


def _join(place: str, key: str) -> str:
    # Keys are untrusted: a newline or a megabyte in a key must not reach a one-line message.
    part = key if _PLAIN_KEY.match(key) else f"[{_short(key, 30)}]"
    if part.startswith("["):
        return f"{place}{part}"
    return f"{place}.{part}" if place else part


def _short(value: object, width: int = 60) -> str:
    shown = repr(value)
    return shown if len(shown) <= width else f"{shown[: width - 1]}…"


# Python's decoder accepts NaN and Infinity, which JSON has not, and turns 1e400 into
# infinity: check_value() refuses them after parsing, naming the field.
_DECODER = json.JSONDecoder()


def read_json(
    src: TextSource, ctx: ReadContext | None = None, forced: str | None = None
) -> Iterator[RawCall | TranscriptError]:
    """Calls in a JSON file: each document, list element or line read by the reader of its shape.

    A top-level list is read element by element; a bad element is an error item and the others
    are read. Any other document is read whole, within ``limits.max_file_bytes``.

    Args:
        src: The decoded file.
        ctx: Options and limits.
        forced: A JSON format given with ``format=`` ("deepgram"): every value is read as that
            shape. None or "json": each value's shape is recognised.
    """
    ctx = ctx or ReadContext()
    spec = registry.get(forced) if forced and forced != "json" else None
    if src.head.lstrip("\ufeff \t\r\n").startswith("[") and not (spec and spec.whole_list):
        yield from _read_list(src, ctx, spec)
        return
    src.limit_size(
        ctx.limits.max_file_bytes, "a JSON document that is not a list of calls is read whole"
    )
    yield from _read_document(src, src.read_all(), ctx, spec)


def parse_value(
    value: Any, doc: JsonDoc, spec: ReaderSpec | None = None, *, document: bool = False
) -> RawCall:
    """One parsed JSON value (a document, list element or line) as a call.

    Args:
        value: The parsed value.
        doc: Where it came from.
        spec: The reader to use (a forced format); None: the reader of the value's shape.
        document: The value is a whole file: a shape no reader knows is an error naming the
            keys and the closest shapes (in a list or JSON Lines, verbalkit calls are expected).

    Raises:
        TranscriptError: When the value is not a call of its shape.
    """
    if spec is None:
        spec = registry.recognise_json(value)
    if spec is None:
        if document:
            raise doc.error(registry.unknown_json(value))
        return parse_call(value, doc.path, default_id=doc.default_id, where=doc.where)
    raw: RawCall = spec.func(value, doc)
    return raw


class _Buffer:
    """Text of a JSON list being read element by element: what is not parsed yet, and where
    it starts in the file (for messages)."""

    def __init__(self, chunks: Iterator[str]) -> None:
        self._chunks = chunks
        self.text = ""
        self.pos = 0
        self.eof = False
        self.line = 1
        """Line of ``text[0]`` in the file."""
        self.column = 1
        """Column of ``text[0]`` in the file."""
        self.keep = True
        """Keep all text read (no compacting) while the document may still be read whole."""

    @property
    def pending(self) -> int:
        """Characters read but not parsed yet."""
        return len(self.text) - self.pos

    def fill(self, wanted: int) -> None:
        """Read until ``wanted`` characters are pending, or the text ends.

        Joined once per call: asking for twice what is pending each time keeps an element
        larger than a chunk linear, not quadratic.
        """
        parts = [self.text]
        have = self.pending
        while have < wanted:
            chunk = next(self._chunks, None)
            if chunk is None:
                self.eof = True
                break
            parts.append(chunk)
            have += len(chunk)
        self.text = "".join(parts)

    def compact(self) -> None:
        """Forget the text before ``pos`` (memory stays flat); keep line and column right."""
        if self.pos == 0 or self.keep:
            return
        dropped = self.text[: self.pos]
        newline = dropped.rfind("\n")
        if newline < 0:
            self.column += self.pos
        else:
            self.line += dropped.count("\n")
            self.column = self.pos - newline
        self.text = self.text[self.pos :]
        self.pos = 0

    def location(self, pos: int) -> str:
        """``line L, column C`` of a position in ``text``."""
        newline = self.text.rfind("\n", 0, pos)
        column = pos - newline if newline >= 0 else self.column + pos
        return f"line {self.line + self.text.count(chr(10), 0, pos)}, column {column}"

    def whole(self) -> str:
        """All the text, from the start (only while ``keep``)."""
        self.text += "".join(self._chunks)
        self.eof = True
        return self.text

    def next_char(self) -> str | None:
        """Skip whitespace; the next character (not consumed), or None at the end."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.text):
                return self.text[self.pos]
            if self.eof:
                return None
            self.compact()
            self.fill(CHUNK)

    def skip_value(self) -> bool:
        """Move past the value at ``pos`` without parsing it: brackets are counted outside
        strings, one regex step at a time (linear, no recursion, any depth). False when the
        text ends first."""
        depth = 0
        in_string = False
        while True:
            if in_string:
                found = _STRING_STOP.search(self.text, self.pos)
                if found is not None and found.group() == "\\" and found.end() < len(self.text):
                    self.pos = found.end() + 1
                    continue
                if found is not None and found.group() == '"':
                    self.pos = found.end()
                    in_string = False
                    continue
                self.pos = found.start() if found is not None else len(self.text)
            else:
                found = _STRUCTURE.search(self.text, self.pos)
                if found is not None:
                    char = found.group()
                    if depth == 0 and char in ",]}":
                        self.pos = found.start()
                        return True
                    self.pos = found.end()
                    if char == '"':
                        in_string = True
                    elif char in "[{":
                        depth += 1
                    elif char in "]}":
                        depth -= 1
                        if depth == 0:
                            return True
                    continue
                self.pos = len(self.text)
            if self.eof:
                return False
            self.compact()
            self.fill(CHUNK)


_STRUCTURE = re.compile(r'[\[\]{},"]')
_STRING_STOP = re.compile(r'["\\]')
# Errors at most this far from the end of the buffer may only mean the element goes on.
_NEAR_END = 16


def _read_list(
    src: TextSource, ctx: ReadContext, spec: ReaderSpec | None
) -> Iterator[RawCall | TranscriptError]:
    """Calls in a top-level JSON list, element by element, in flat memory.

    A list of Whisper segments is one document, read whole after the first element shows it.
    """
    limits = ctx.limits
    buf = _Buffer(src.chunks())
    buf.fill(CHUNK)
    while buf.next_char() == "\ufeff":
        buf.pos += 1
    buf.pos += 1  # the "[" that read_json saw
    index = 0
    while True:
        char = buf.next_char()
        if char is None:
            raise TranscriptError(
                src.name,
                "invalid JSON: the list of calls is not closed (the file ends early: truncated?)",
                where=buf.location(buf.pos),
            )
        if char == "]" and index == 0:
            raise TranscriptError(src.name, "an empty list: no calls")
        start = buf.pos
        where = f"[{index}]"
        try:
            value, end = _decode_element(buf, limits)
        except _ElementError as err:
            buf.keep = False
            buf.pos = start
            if not buf.skip_value():
                raise TranscriptError(
                    src.name,
                    f"the file ends inside this element (truncated?): {err.problem}",
                    where=where,
                ) from None
            yield TranscriptError(src.name, err.problem, where=inside(where, err.place))
        else:
            whole = registry.recognise_json([value]) if index == 0 and spec is None else None
            if whole is not None and whole.whole_list:
                # A bare list of Whisper segments is one transcript, not a list of calls.
                src.limit_size(limits.max_file_bytes, f"a {whole.title} document is read whole")
                yield from _read_document(src, buf.whole(), ctx, whole)
                return
            buf.keep = False
            buf.pos = end
            doc = JsonDoc(src.name, f"{src.stem}-{index + 1}", where, ctx.opts)
            try:
                yield parse_value(value, doc, spec)
            except TranscriptError as err:
                yield err
        index += 1
        # Compacting copies what is left: only when that frees at least half stays linear.
        if buf.pos > max(CHUNK, len(buf.text) // 2):
            buf.compact()
        char = buf.next_char()
        if char == ",":
            buf.pos += 1
            continue
        if char == "]":
            buf.pos += 1
            break
        found = "the end of the file (truncated?)" if char is None else repr(char)
        raise TranscriptError(
            src.name,
            f"invalid JSON after element [{index - 1}]: expected ',' or ']', found {found}; "
            "the rest of the file is not read",
            where=buf.location(buf.pos),
        )
    if buf.next_char() is not None:
        raise TranscriptError(
            src.name,
            "invalid JSON: more text after the list of calls",
            where=buf.location(buf.pos),
        )


class _ElementError(Exception):
    def __init__(self, problem: str, place: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.place = place


def _decode_element(buf: _Buffer, limits: Limits) -> tuple[Any, int]:
    """Parse the element at ``buf.pos``, reading more text while it may be incomplete.

    Raises:
        _ElementError: For invalid JSON, limits, or an element larger than max_file_bytes.
    """
    while True:
        try:
            value, end = _DECODER.raw_decode(buf.text, buf.pos)
        except json.JSONDecodeError as err:
            maybe_cut = err.pos >= len(buf.text) - _NEAR_END or err.msg.startswith(
                "Unterminated string"
            )
            if maybe_cut and not buf.eof:
                # Everything pending belongs to this element so far.
                if buf.pending > limits.max_file_bytes:
                    raise _ElementError(_element_too_big(limits)) from None
                buf.fill(2 * buf.pending + CHUNK)
                continue
            raise _ElementError(f"invalid JSON: {err.msg} ({buf.location(err.pos)})") from None
        except RecursionError:
            raise _ElementError(too_deep(limits)) from None
        except ValueError:
            raise _ElementError(too_long(limits)) from None
        if end >= len(buf.text) and not buf.eof:
            # A number at the very end of the buffer may have more digits to come.
            buf.fill(buf.pending + CHUNK)
            continue
        if end - buf.pos > limits.max_file_bytes:
            raise _ElementError(_element_too_big(limits))
        try:
            check_value(value, limits)
        except JsonLimitError as err:
            raise _ElementError(err.problem, err.place) from None
        return value, end


def _element_too_big(limits: Limits) -> str:
    return (
        f"larger than {limits.max_file_bytes:,} bytes (limits.max_file_bytes): "
        "split the call or use JSON Lines"
    )


def _read_document(
    src: TextSource, text: str, ctx: ReadContext, spec: ReaderSpec | None
) -> Iterator[RawCall | TranscriptError]:
    limits = ctx.limits
    try:
        data = loads(text, limits)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data" and not (spec and spec.whole_list):
            # One object per line in a .json file: JSON Lines after all.
            lines = enumerate(_LINE_BREAK.split(text), start=1)
            yield from _jsonl_lines(src, lines, ctx, spec)
            return
        raise json_error(src.name, err) from err
    except JsonLimitError as err:
        raise TranscriptError(src.name, err.problem, where=err.where()) from err
    if isinstance(data, list) and not (spec and spec.whole_list):
        whole = registry.recognise_json(data) if spec is None else None
        if whole is not None and whole.whole_list:
            yield whole.func(data, JsonDoc(src.name, src.stem, None, ctx.opts))
            return
        if not data:
            raise TranscriptError(src.name, "an empty list: no calls")
        for i, item in enumerate(data):
            doc = JsonDoc(src.name, f"{src.stem}-{i + 1}", f"[{i}]", ctx.opts)
            try:
                yield parse_value(item, doc, spec)
            except TranscriptError as err:
                yield err
        return
    yield parse_value(data, JsonDoc(src.name, src.stem, None, ctx.opts), spec, document=True)


def show_keys(data: dict[str, Any], limit: int = 8) -> str:
    """The first keys of an object for a one-line message (odd keys quoted and cut)."""
    return ", ".join(k if _PLAIN_KEY.match(k) else _short(k, 30) for k in list(data)[:limit])


def read_jsonl(
    src: TextSource, ctx: ReadContext | None = None, forced: str | None = None
) -> Iterator[RawCall | TranscriptError]:
    """Calls in a JSON Lines file, one per line, read line by line."""
    ctx = ctx or ReadContext()
    spec = registry.get(forced) if forced and forced not in ("json", "jsonl") else None
    yield from _jsonl_lines(src, src.lines(), ctx, spec)


def _jsonl_lines(
    src: TextSource,
    lines: Iterator[tuple[int, str]],
    ctx: ReadContext,
    spec: ReaderSpec | None = None,
) -> Iterator[RawCall | TranscriptError]:
    limits = ctx.limits
    seen = 0
    stem = src.stem
    for number, line in lines:
        if not line.strip():
            continue
        seen += 1
        where = f"line {number}"
        try:
            data = loads(line, limits)
        except json.JSONDecodeError as err:
            yield TranscriptError(
                src.name, f"invalid JSON: {err.msg} (column {err.colno})", where=where
            )
            continue
        except JsonLimitError as err:
            yield TranscriptError(src.name, err.problem, where=err.where(where))
            continue
        try:
            yield parse_value(data, JsonDoc(src.name, f"{stem}-{number}", where, ctx.opts), spec)
        except TranscriptError as err:
            yield err
    if not seen:
        raise TranscriptError(src.name, "no calls: every line is blank")


def parse_call(data: Any, path: str, *, default_id: str, where: str | None = None) -> RawCall:
    """A verbalkit call object -> RawCall; structural problems raise TranscriptError."""

    def fail(place: str | None, problem: str) -> TranscriptError:
        if where and place:
            place = f"{where}.{place}" if where.startswith("[") else f"{where}: {place}"
        return TranscriptError(path, problem, where=place or where)

    if not isinstance(data, dict):
        raise fail(None, f"expected a call object, found {type_name(data)}")
    utterances = data.get("utterances")
    if utterances is None:
        raise fail("utterances", "missing: a call needs a list of utterances")
    if not isinstance(utterances, list):
        raise fail("utterances", f"expected a list, found {type_name(utterances)}")
    raw_utterances = []
    for i, item in enumerate(utterances):
        if not isinstance(item, dict):
            raise fail(f"utterances[{i}]", f"expected an object, found {type_name(item)}")
        label = item.get("speaker", item.get("role"))
        if label is None or (isinstance(label, str) and not label.strip()):
            raise fail(f"utterances[{i}].speaker", "missing")
        if not isinstance(label, str | int):
            raise fail(f"utterances[{i}].speaker", f"expected a name, found {type_name(label)}")
        text = item.get("text", "")
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise fail(f"utterances[{i}].text", f"expected a string, found {type_name(text)}")
        times = []
        for name in ("start", "end"):
            try:
                times.append(parse_time(item.get(name)))
            except ValueError as err:
                raise fail(f"utterances[{i}].{name}", str(err)) from err
        raw_utterances.append(RawUtterance(str(label).strip(), text, times[0], times[1]))
    wrong_unit = units_problem(raw_utterances, "s", "verbalkit JSON")
    if wrong_unit:
        raise fail(None, wrong_unit)
    call_id = data.get("call_id", data.get("id"))
    metadata = data.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise fail("metadata", f"expected an object, found {type_name(metadata)}")
    extra = {k: v for k, v in data.items() if k not in _KNOWN_KEYS and k not in _IGNORED_KEYS}
    if extra:
        # Unknown top-level keys are kept, not refused: exports often carry extra ids.
        metadata = {**(metadata or {}), **extra}
    language = data.get("language")
    return RawCall(
        path=path,
        call_id=str(call_id) if call_id not in (None, "") else default_id,
        utterances=raw_utterances,
        where=where,
        language=str(language) if language else None,
        roles_in_source=True,
        fields={
            "agent_id": _opt_str(data.get("agent_id")),
            "team": _opt_str(data.get("team")),
            "started_at": data.get("started_at"),
            "metadata": metadata,
        },
    )


def json_error(path: str, err: json.JSONDecodeError) -> TranscriptError:
    """A JSON syntax error as a TranscriptError with line and column."""
    truncated = err.pos >= len(err.doc.rstrip()) if err.doc else False
    hint = " (the file ends early: truncated?)" if truncated else ""
    return TranscriptError(
        path, f"invalid JSON: {err.msg}{hint}", where=f"line {err.lineno}, column {err.colno}"
    )


def type_name(value: object) -> str:
    """JSON's name for a value's type, for messages."""
    if value is None:
        return "null"
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
    }.get(type(value), type(value).__name__)


def _opt_str(value: object) -> str | None:
    return None if value in (None, "") else str(value)


# The registry entries of this module: verbalkit's own JSON shape, and the JSON containers.


def _looks_like_verbalkit(data: Any) -> float:
    return 0.5 if isinstance(data, dict) and isinstance(data.get("utterances"), list) else 0.0


@json_reader(
    "json",
    title="verbalkit JSON",
    recognise=_looks_like_verbalkit,
    keys=("call_id", "utterances", "agent_id", "team", "language", "started_at", "metadata"),
    needs="utterances[] with speaker, start, end, text",
    extensions=(".json",),
    order=0,
)
def parse_verbalkit(data: Any, doc: JsonDoc) -> RawCall:
    """A verbalkit call object (the shape above) as a RawCall."""
    return parse_call(data, doc.path, default_id=doc.default_id, where=doc.where)


@text_reader(
    "jsonl",
    title="JSON Lines",
    extensions=(".jsonl", ".ndjson"),
    aliases=("ndjson", "json-lines", "jsonlines"),
    order=1,
)
def read_json_lines(src: TextSource, ctx: ReadContext) -> Iterator[RawCall | TranscriptError]:
    """Calls in a JSON Lines file: each line is read by the reader of its shape."""
    return read_jsonl(src, ctx)
