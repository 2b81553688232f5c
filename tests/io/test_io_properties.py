"""Properties of every reader on arbitrary input (issue 8, "No call can stop a batch").

For any input, ``list(read_many(...))``:

- never raises, and every problem is a planned :class:`Failure` (one line, no traceback: not
  the last-resort "unexpected error");
- never hangs (each read runs under an alarm);
- in a multi-call file (JSON Lines line, JSON list element, CSV call), a bad call never loses
  the other calls.

The example files are truncated at every position (with a stride for large ones); calls are
written in every format with arbitrary Unicode (control, zero-width and format characters,
lone surrogates where the format can carry them), huge and non-finite numbers, and deep
nesting. Example counts are modest so the file runs in seconds.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verbalkit.io import read_many
from verbalkit.schema import Failure, Transcript

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted(
    [p for p in (REPO / "examples").iterdir() if p.suffix != ".md"]
    + list((REPO / "tests" / "fixtures").iterdir())
)
# Files up to this size are cut at every byte; larger ones at about this many positions.
EVERY_BYTE_UP_TO = 4096
SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ALARM_SECONDS = 10


@contextlib.contextmanager
def _alarm(seconds: int = ALARM_SECONDS) -> Iterator[None]:
    """Fail instead of hanging: a read that blocks or loops is interrupted."""

    def timeout(*_: object) -> None:
        raise TimeoutError(f"reading took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _read(source: Any, **kwargs: Any) -> list[Transcript | Failure]:
    """Read everything; every item is a Transcript or a planned, one-line Failure."""
    with _alarm():
        items = list(read_many(source, **kwargs))
    for item in items:
        assert isinstance(item, Transcript | Failure), item
        if isinstance(item, Failure):
            assert item.traceback is None, f"unexpected error: {item}\n{item.traceback}"
            assert "\n" not in str(item) and "\r" not in str(item), str(item)
        else:
            item.model_dump_json()  # the call can be written out (no lone surrogates left)
    return items


def _stream(data: bytes | str, name: str) -> io.BytesIO | io.StringIO:
    stream: io.BytesIO | io.StringIO = (
        io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data)
    )
    stream.name = name  # type: ignore[misc]
    return stream


def _ids(items: list[Transcript | Failure]) -> list[str]:
    return [i.call_id for i in items if isinstance(i, Transcript)]


# Truncation


def _positions(size: int) -> range:
    return range(0, size + 1, max(1, size // EVERY_BYTE_UP_TO))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_truncated_at_every_position(path: Path) -> None:
    data = path.read_bytes()
    for end in _positions(len(data)):
        _read(_stream(data[:end], path.name))


# Arbitrary text in every format

# Characters that break parsers: controls, zero-width and direction marks, BOM, line and
# paragraph separators, quotes, delimiters, markup of the formats themselves.
HOSTILE = [
    "\x00", "\x01", "\x1b", "\x7f", "\x85", "\u200b", "\u200d", "\u200e", "\u202e", "\ufeff",
    "\u2028", "\u2029", "\r", "\n", "\r\n", "\t", '"', "'", ",", ";", "|", ":", "\\", "{",
    "}", "[", "]", "-->", "<v ", ">", "&amp;", "WEBVTT", "00:00:01,000", "\ud800", "\udfff",
    "Agent:", "Kund:", "Customer: ",
]  # fmt: skip
TEXT = st.lists(
    st.one_of(st.characters(blacklist_categories=()), st.sampled_from(HOSTILE)), max_size=24
).map("".join)
NUMBER = st.one_of(
    st.integers(min_value=-(10**50), max_value=10**50),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["9" * 400, "1e400", "-1e400", "NaN", "Infinity", "-0", "1E-400"]),
)

AGENT = "Thanks for calling Northwire, how can I help you today?"
CUSTOMER = "My parcel has not arrived and it was due on Monday."


def _num(value: object) -> str:
    """A number as JSON text, including what json.dumps would refuse or cannot write."""
    if isinstance(value, str):
        return value
    return json.dumps(value)


def _json_call(call_id: str, text: str, label: str, start: str) -> str:
    utterances = (
        f'[{{"speaker": "agent", "start": {start}, "end": 3.0, "text": {json.dumps(AGENT)}}},'
        f' {{"speaker": {json.dumps(label)}, "start": 3.5, "end": 7.0, "text": {json.dumps(text)}}}]'
    )
    return f'{{"call_id": {json.dumps(call_id)}, "language": "en", "utterances": {utterances}}}'


def _formats(text: str, label: str, start: str) -> dict[str, str]:
    """One call per format, with ``text`` said by ``label`` and the agent starting at ``start``."""
    clock = "00:00:00,000" if not start.isdigit() else f"00:00:{start[-2:]},000"
    csv_text = io.StringIO()
    writer = csv.writer(csv_text, lineterminator="\n")
    writer.writerows([["call_id", "speaker", "start", "text"], ["c1", "Agent", start, AGENT]])
    writer.writerow(["c1", label, "3.5", text])
    tsv_text = io.StringIO()
    writer = csv.writer(tsv_text, delimiter="\t", lineterminator="\n")
    writer.writerows([["call_id", "speaker", "text"], ["c1", "Agent", AGENT], ["c1", label, text]])
    whisper = (
        f'{{"language": "en", "segments": [{{"start": {start}, "end": 3.0, "speaker": "S0", '
        f'"text": {json.dumps(AGENT)}}}, {{"start": 3.5, "end": 7.0, "speaker": '
        f'{json.dumps(label)}, "text": {json.dumps(text)}}}]}}'
    )
    transcribe = (
        '{"jobName": "j1", "results": {"language_code": "en-US", "items": ['
        f'{{"start_time": "{start}", "end_time": "3.0", "speaker_label": "spk_0", '
        '"type": "pronunciation", "alternatives": [{"content": "Thanks"}]}, '
        f'{{"start_time": {start}, "end_time": "7.0", "speaker_label": {json.dumps(label)}, '
        f'"type": "pronunciation", "alternatives": [{{"content": {json.dumps(text)}}}]}}]}}}}'
    )
    return {
        "call.json": _json_call("c1", text, label, start),
        "calls.jsonl": _json_call("c1", text, label, start) + "\n",
        "call.csv": csv_text.getvalue(),
        "call.tsv": tsv_text.getvalue(),
        "call.txt": f"Agent: {AGENT}\n{label}: {text}\nCustomer: {CUSTOMER}\n",
        "call.vtt": (
            f"WEBVTT\n\n{clock.replace(',', '.')} --> 00:00:03.000\n<v Agent>{AGENT}\n\n"
            f"00:00:03.500 --> 00:00:07.000\n<v {label}>{text}\n"
        ),
        "call.srt": (
            f"1\n{clock} --> 00:00:03,000\nAgent: {AGENT}\n\n"
            f"2\n00:00:03,500 --> 00:00:07,000\n{label}: {text}\n"
        ),
        "whisper.json": whisper,
        "transcribe.json": transcribe,
    }


@SETTINGS
@given(text=TEXT, label=TEXT, start=NUMBER)
def test_arbitrary_text_and_numbers_in_every_format(text: str, label: str, start: object) -> None:
    for name, content in _formats(text, label, _num(start)).items():
        # As a text stream: lone surrogates reach the reader as they are.
        _read(_stream(content, name))
        # As bytes: surrogates become invalid UTF-8, which must be a clean error too.
        _read(_stream(content.encode("utf-8", "surrogatepass"), name))


@SETTINGS
@given(data=st.binary(max_size=300), name=st.sampled_from(sorted({p.name for p in SAMPLES})))
def test_arbitrary_bytes_under_every_name(data: bytes, name: str) -> None:
    _read(_stream(data, name))


@SETTINGS
@given(text=st.lists(st.sampled_from(HOSTILE), max_size=40).map("".join), fmt=st.sampled_from(
    ["json", "jsonl", "csv", "tsv", "text", "vtt", "srt", "transcribe", "whisper"]
))  # fmt: skip
def test_format_forced_on_hostile_text(text: str, fmt: str) -> None:
    _read(_stream(text or " x", "input"), format=fmt)


# Deep nesting

NESTING = st.tuples(st.integers(min_value=1, max_value=3000), st.sampled_from(["[", "{"]))


def _nest(depth: int, opener: str) -> str:
    if opener == "[":
        return "[" * depth + "]" * depth
    return '{"a": ' * depth + "1" + "}" * depth


@settings(SETTINGS, max_examples=25)
@given(nesting=NESTING, where=st.sampled_from(["metadata", "element", "line", "segment"]))
def test_deep_nesting_anywhere(nesting: tuple[int, str], where: str) -> None:
    deep = _nest(*nesting)
    good = _json_call("good", CUSTOMER, "customer", "0.0")
    if where == "metadata":
        _read(_stream(good[:-1] + f', "metadata": {{"x": {deep}}}}}', "call.json"))
    elif where == "element":
        items = _read(_stream(f"[{good}, {deep}, {good.replace('good', 'last')}]", "calls.json"))
        assert _ids(items) == ["good", "last"]
    elif where == "line":
        items = _read(_stream(f"{good}\n{deep}\n{good.replace('good', 'last')}\n", "c.jsonl"))
        assert _ids(items) == ["good", "last"]
    else:
        segment = f'{{"start": 0, "end": 1, "speaker": "S0", "text": "Hi", "x": {deep}}}'
        _read(_stream(f'{{"segments": [{segment}]}}', "whisper.json"))


# A bad call never loses the others

JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=12,
)
BAD_JSON = st.one_of(
    JSON_VALUE.map(lambda v: json.dumps(v)),  # valid JSON of any shape (NaN, Infinity too)
    NESTING.map(lambda n: _nest(*n)),
    st.sampled_from(
        [
            '{"call_id": "x", "utterances": [1, 2,, 3]}',  # invalid, brackets balanced
            '{"utterances": [{"speaker": "agent", "start": ' + "9" * 400 + "}]}",
            '{"utterances": [{"speaker": "agent", "start": 1e400, "text": "\\ud800"}]}',
            '{"utterances": [{"speaker": "agent", "start": NaN}]}',
            '{"utterances": "\\udfff"}',
            '{"a": "unterminated \\" [ { string"}',
        ]
    ),
)


@SETTINGS
@given(bad=BAD_JSON, position=st.integers(min_value=0, max_value=2))
def test_bad_jsonl_line_or_list_element_loses_only_itself(bad: str, position: int) -> None:
    good = [_json_call(f"g{i}", CUSTOMER, "customer", "0.0") for i in range(2)]
    parts = [*good[:position], bad, *good[position:]]
    assert _ids(_read(_stream("\n".join(parts) + "\n", "calls.jsonl"))) == ["g0", "g1"]
    listed = _read(_stream("[\n" + ",\n".join(parts) + "\n]\n", "calls.json"))
    assert [i for i in _ids(listed) if i in ("g0", "g1")] == ["g0", "g1"]


@SETTINGS
@given(
    cells=st.lists(
        st.one_of(TEXT, st.sampled_from(['"', '"x', 'x"', '""', '"a"b', "\n", "9" * 400])),
        min_size=1,
        max_size=5,
    ),
    raw=st.booleans(),
    position=st.integers(min_value=0, max_value=2),
)
def test_bad_csv_call_loses_only_itself(cells: list[str], raw: bool, position: int) -> None:
    def rows(call_id: str) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerows([[call_id, "agent", "0.0", AGENT], [call_id, "customer", "4.0", CUSTOMER]])
        return out.getvalue()

    if raw:
        # Cells written as they are: stray quotes, newlines and delimiters included.
        bad = "bad," + ",".join(c.replace("\r", "").replace("\x00", "") for c in cells) + "\n"
    else:
        writer_out = io.StringIO()
        csv.writer(writer_out, lineterminator="\n").writerow(["bad", "agent", *cells])
        bad = writer_out.getvalue().replace("\x00", "")
    good = [rows("good-call-0"), rows("good-call-1")]
    body = "".join([*good[:position], bad, *good[position:]])
    items = _read(_stream("call_id,speaker,start,text\n" + body, "calls.csv"))
    kept = [i for i in _ids(items) if i.startswith("good-call-")]
    assert kept == ["good-call-0", "good-call-1"]


@SETTINGS
@given(start=NUMBER, end=NUMBER)
def test_numbers_in_every_time_field(start: object, end: object) -> None:
    call = _json_call("c1", CUSTOMER, "customer", _num(start)).replace("7.0", _num(end))
    _read(_stream(call, "call.json"))
    _read(_stream(f"{call}\n{_json_call('c2', CUSTOMER, 'customer', '0')}\n", "calls.jsonl"))
    table = f"call_id,speaker,start,end,text\nc1,agent,{start},{end},{AGENT}\n"
    _read(_stream(table + f"c1,customer,{end},{start},{CUSTOMER}\n", "call.csv"))
