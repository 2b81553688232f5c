"""verbalkit JSON (one call, or a list of calls) and JSON Lines (one call per line).

The shape::

    {"call_id": "sv-0042", "agent_id": "a7", "team": "team-alfa", "language": "sv",
     "started_at": "2024-04-09T10:03:44+01:00", "metadata": {...},
     "utterances": [{"speaker": "agent", "start": 0.5, "end": 6.0, "text": "..."}]}

A JSON file may also hold Amazon Transcribe or Whisper output; :func:`read_json` hands those
to their readers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from verbalkit.errors import TranscriptError
from verbalkit.io.raw import RawCall, RawUtterance, parse_time
from verbalkit.io.source import TextSource

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


def read_json(src: TextSource, fmt: str) -> Iterator[RawCall | TranscriptError]:
    """Calls in a JSON document (``fmt`` is "json", "transcribe" or "whisper")."""
    text = src.read_all()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data" and fmt == "json":
            # One object per line in a .json file: JSON Lines after all.
            yield from _jsonl_lines(src, enumerate(text.splitlines(), start=1))
            return
        raise json_error(src.name, err) from err
    kind = fmt if fmt != "json" else classify(data)
    if kind == "transcribe":
        from verbalkit.io.transcribe import parse_transcribe

        yield parse_transcribe(data, src)
    elif kind == "whisper":
        from verbalkit.io.whisper import parse_whisper

        yield parse_whisper(data, src)
    elif isinstance(data, list):
        if not data:
            raise TranscriptError(src.name, "an empty list: no calls")
        for i, item in enumerate(data):
            try:
                yield parse_call(item, src.name, default_id=f"{src.stem}-{i + 1}", where=f"[{i}]")
            except TranscriptError as err:
                yield err
    elif isinstance(data, dict) and "utterances" in data:
        yield parse_call(data, src.name, default_id=src.stem)
    else:
        found = f"keys: {', '.join(list(data)[:8])}" if isinstance(data, dict) else type_name(data)
        raise TranscriptError(
            src.name,
            "not a transcript: expected an object with 'utterances' (verbalkit JSON), "
            f"Amazon Transcribe or Whisper output; found {found}",
        )


def read_jsonl(src: TextSource) -> Iterator[RawCall | TranscriptError]:
    """Calls in a JSON Lines file, one per line, read line by line."""
    yield from _jsonl_lines(src, src.lines())


def _jsonl_lines(
    src: TextSource, lines: Iterator[tuple[int, str]]
) -> Iterator[RawCall | TranscriptError]:
    seen = 0
    stem = src.stem
    for number, line in lines:
        if not line.strip():
            continue
        seen += 1
        where = f"line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            yield TranscriptError(
                src.name, f"invalid JSON: {err.msg} (column {err.colno})", where=where
            )
            continue
        try:
            yield parse_call(data, src.name, default_id=f"{stem}-{number}", where=where)
        except TranscriptError as err:
            yield err
    if not seen:
        raise TranscriptError(src.name, "no calls: every line is blank")


def classify(data: Any) -> str:
    """Which JSON dialect a parsed document is: "json", "transcribe" or "whisper"."""
    if isinstance(data, dict):
        results = data.get("results")
        if isinstance(results, dict) and ("items" in results or "transcripts" in results):
            return "transcribe"
        transcript = data.get("Transcript")
        first = transcript[0] if isinstance(transcript, list) and transcript else None
        if isinstance(transcript, list) and (
            first is None or (isinstance(first, dict) and "ParticipantRole" in first)
        ):
            return "transcribe"
        if isinstance(data.get("segments"), list) and "utterances" not in data:
            return "whisper"
    if isinstance(data, list) and data and isinstance(data[0], dict):
        first = data[0]
        if (
            "utterances" not in first
            and "text" in first
            and ("start" in first or "speaker" in first)
        ):
            return "whisper"
    return "json"


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
