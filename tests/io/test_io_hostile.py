"""Hostile and broken input (issue 8, "No call can stop a batch"): one test per reproducer.

Every problem ends as one line naming the file (and the line or call where known), never a
traceback, a hang or a crash; the other calls of a multi-call file are still read.
"""

from __future__ import annotations

import io
import json
import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from verbalkit.errors import TranscriptError
from verbalkit.io import parse_time, read, read_many
from verbalkit.limits import Limits
from verbalkit.schema import Failure, Transcript

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"

HEADER = "call_id,speaker,text\n"
AGENT = "Thanks for calling Northwire, how can I help you today?"
CUSTOMER = "My parcel has not arrived and it was due on Monday."


def _rows(call_id: str) -> str:
    return f"{call_id},agent,{AGENT}\n{call_id},customer,{CUSTOMER}\n"


def _call(call_id: str = "c1", **overrides: Any) -> dict[str, Any]:
    call: dict[str, Any] = {
        "call_id": call_id,
        "language": "en",
        "utterances": [
            {"speaker": "agent", "start": 0.0, "end": 3.0, "text": AGENT},
            {"speaker": "customer", "start": 3.5, "end": 7.0, "text": CUSTOMER},
        ],
    }
    call.update(overrides)
    return call


def _items(source: Any, **kwargs: Any) -> list[Transcript | Failure]:
    return list(read_many(source, **kwargs))


def _summary(items: list[Transcript | Failure]) -> list[str]:
    """Call ids of the calls read and ``FAIL`` for each failure, in order."""
    return [i.call_id if isinstance(i, Transcript) else "FAIL" for i in items]


def _one_failure(items: list[Transcript | Failure]) -> Failure:
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == 1, items
    return failures[0]


def _check_line(failure: Failure, path: Path | str, message: str) -> None:
    """The failure is a planned one (no traceback), one line, naming the file."""
    assert failure.traceback is None, failure.traceback
    assert failure.path == str(path)
    assert failure.message == message
    assert "\n" not in str(failure) and "Traceback" not in str(failure)


def _read_error(path: Path, **kwargs: Any) -> str:
    with pytest.raises(TranscriptError) as info:
        read(path, **kwargs)
    message = str(info.value)
    assert message.startswith(f"{path}:") and "\n" not in message
    return message


# 1. CSV/TSV


def test_csv_field_over_131072_chars_reads(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    long_text = "I have been waiting a long time. " * 6000  # ~200,000 characters
    path.write_text(HEADER + _rows("a") + f'b,agent,"{AGENT}"\nb,customer,"{long_text}"\n')
    items = _items(path)
    assert _summary(items) == ["a", "b"]
    last = items[1]
    assert isinstance(last, Transcript) and len(last.utterances[1].text) > 131_072


def test_csv_field_over_the_limit_fails_its_call_only(tmp_path: Path) -> None:
    path = tmp_path / "limit.csv"
    path.write_text(
        HEADER
        + _rows("a")
        + "b,agent,"
        + "x" * 2000
        + "\n"
        + f"b,customer,{CUSTOMER}\n"
        + _rows("c")
    )
    items = _items(path, limits=Limits(max_field_chars=1000))
    assert _summary(items) == ["a", "FAIL", "c"]
    _check_line(
        _one_failure(items),
        path,
        "line 4: a field longer than 1,000 characters (limits.max_field_chars), or a quote "
        "that is never closed; the row is skipped and the lines after it are read as rows",
    )


def test_csv_unclosed_quote_names_its_line_and_keeps_other_calls(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text(
        HEADER + _rows("a") + f'b,agent,"{AGENT}\nb,customer,{CUSTOMER}\n' + _rows("c"),
        encoding="utf-8",
    )
    items = _items(path)
    assert _summary(items) == ["a", "FAIL", "c"]
    _check_line(
        _one_failure(items),
        path,
        "line 4: unclosed quote: a quoted field in this row runs to the end of the file; "
        "the row is skipped and the lines after it are read as rows",
    )


def test_csv_quoted_newlines_still_read(tmp_path: Path) -> None:
    path = tmp_path / "multiline.csv"
    path.write_text(HEADER + f'a,agent,"{AGENT}\nsecond line"\na,customer,"{CUSTOMER}"\n')
    (call,) = _items(path)
    assert isinstance(call, Transcript)
    assert call.utterances[0].text.endswith("second line")


def test_csv_header_only_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text(HEADER)
    (failure,) = _items(path)
    assert isinstance(failure, Failure)
    _check_line(failure, path, "line 1: no rows after the header: no calls")


def test_tsv_unclosed_quote(tmp_path: Path) -> None:
    path = tmp_path / "quote.tsv"
    rows = [
        "call_id\tspeaker\ttext",
        f"a\tagent\t{AGENT}",
        f"a\tcustomer\t{CUSTOMER}",
        f'b\tagent\t"{AGENT}',
        f"b\tcustomer\t{CUSTOMER}",
    ]
    path.write_text("\n".join(rows) + "\n")
    items = _items(path)
    assert _summary(items) == ["a", "FAIL"]
    assert _one_failure(items).message.startswith("line 4: unclosed quote")


# 2. JSON: nesting, numbers, surrogates

DEEP = "[" * 100_000 + "]" * 100_000


def test_deep_json_document(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(_call())[:-1] + f', "metadata": {{"x": {DEEP}}}}}')
    assert _read_error(path) == f"{path}: nested more than 64 levels deep (limits.max_json_depth)"


def test_deep_jsonl_line_loses_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(f"{json.dumps(_call('a'))}\n{DEEP}\n{json.dumps(_call('c'))}\n")
    items = _items(path)
    assert _summary(items) == ["a", "FAIL", "c"]
    _check_line(
        _one_failure(items), path, "line 2: nested more than 64 levels deep (limits.max_json_depth)"
    )


def test_deep_element_of_a_json_list_loses_only_that_element(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(f"[{json.dumps(_call('a'))}, {DEEP}, {json.dumps(_call('c'))}]")
    items = _items(path)
    assert _summary(items) == ["a", "FAIL", "c"]
    _check_line(
        _one_failure(items), path, "[1]: nested more than 64 levels deep (limits.max_json_depth)"
    )


def test_depth_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "meta.json"
    path.write_text(json.dumps(_call(metadata={"a": {"b": {"c": 1}}})))
    assert read(path).metadata == {"a": {"b": {"c": 1}}}
    assert "nested more than 3 levels deep" in _read_error(path, limits=Limits(max_json_depth=3))


HUGE = "9" * 400


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        (HUGE, "a number with more than 32 digits (limits.max_number_digits)"),
        ("1e400", "an infinite number (Infinity, or too large for a float: 1e400)"),
        ("-Infinity", "an infinite number (Infinity, or too large for a float: 1e400)"),
        ("NaN", "NaN is not a number (JSON has no NaN)"),
    ],
    ids=["400-digits", "1e400", "infinity", "nan"],
)
def test_bad_numbers_in_verbalkit_json(tmp_path: Path, number: str, problem: str) -> None:
    path = tmp_path / "num.json"
    path.write_text(json.dumps(_call()).replace('"start": 3.5', f'"start": {number}', 1))
    assert _read_error(path) == f"{path}:utterances[1].start: {problem}"


def test_bad_number_in_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "num.jsonl"
    bad = json.dumps(_call("b")).replace('"end": 3.0', f'"end": {HUGE}', 1)
    path.write_text(f"{json.dumps(_call('a'))}\n{bad}\n{json.dumps(_call('c'))}\n")
    items = _items(path)
    assert _summary(items) == ["a", "FAIL", "c"]
    _check_line(
        _one_failure(items),
        path,
        "line 2: utterances[0].end: a number with more than 32 digits (limits.max_number_digits)",
    )


def test_huge_time_in_whisper(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "whisper_en.json").read_text(encoding="utf-8"))
    path = tmp_path / "whisper.json"
    path.write_text(json.dumps(data).replace('"start": ', f'"start": {HUGE}, "x": ', 1))
    assert _read_error(path) == (
        f"{path}:segments[0].start: a number with more than 32 digits (limits.max_number_digits)"
    )


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (int(HUGE), "start_time: a number with more than 32 digits (limits.max_number_digits)"),
        (HUGE, "start_time: not a time: a number with 400 digits (more than 32)"),
        ("1e400", "start_time: not a time: '1e400' (infinite or too large)"),
    ],
    ids=["int", "string", "1e400-string"],
)
def test_huge_time_in_transcribe(tmp_path: Path, value: object, problem: str) -> None:
    data = json.loads((FIXTURES / "transcribe_standard_en.json").read_text(encoding="utf-8"))
    data["results"]["items"][0]["start_time"] = value
    path = tmp_path / "transcribe.json"
    path.write_text(json.dumps(data))
    assert _read_error(path) == f"{path}:results.items[0].{problem}"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (10**400, "a number with more than 32 digits"),
        (float("inf"), "inf (infinite or too large)"),
        (float("nan"), "nan (not a number)"),
        ("1e400", "'1e400' (infinite or too large)"),
        ("NaN", "'NaN' (not a number)"),
        (HUGE, "a number with 400 digits (more than 32)"),
        ("01:75", "'01:75' (seconds must be below 60)"),
        ("1:60:00", "'1:60:00' (minutes must be below 60)"),
        ("9" * 40 + ":00:00", "a number with 44 digits (more than 32)"),
    ],
)
def test_parse_time_refuses_what_is_not_a_finite_time(value: object, problem: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_time(value)
    assert str(info.value) == f"not a time: {problem}"


def test_parse_time_keeps_long_leading_minutes() -> None:
    assert parse_time("75:30") == 4530.0
    assert parse_time("1:02:03,250") == 3723.25


def test_csv_seconds_of_60_or_more_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "clock.csv"
    path.write_text(
        "call_id,speaker,start,text\n"
        f"a,agent,00:10,{AGENT}\na,customer,00:75,{CUSTOMER}\n"
        f"b,agent,00:10,{AGENT}\nb,customer,00:15,{CUSTOMER}\n"
    )
    items = _items(path)
    assert _summary(items) == ["FAIL", "b"]
    _check_line(
        _one_failure(items),
        path,
        "line 3: 'start' (start): not a time: '00:75' (seconds must be below 60)",
    )


def test_lone_surrogate_in_json_is_replaced_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(_call()).replace("My parcel", "My \\ud800 parcel"))
    call = read(path)
    assert call.utterances[1].text.startswith("My \ufffd parcel")
    assert call.warnings == [
        "utterances[1].text: 1 invalid character (lone UTF-16 surrogate) replaced with U+FFFD"
    ]
    call.model_dump_json()  # encodes as UTF-8 without error


def test_lone_surrogates_in_a_text_stream_label_and_text() -> None:
    # A text stream opened with errors="surrogateescape" carries them, in any format.
    stream = io.StringIO(
        f"speaker,text\nAgent,{AGENT}\nKund\udc80,Hej \udc81\udc82 jag ringer om fakturan.\n"
    )
    stream.name = "call.csv"
    (call,) = _items(stream, agent_speaker="Agent", language="en")
    assert isinstance(call, Transcript)
    assert call.utterances[1].speaker_label == "Kund\ufffd"
    assert call.utterances[1].text == "Hej \ufffd\ufffd jag ringer om fakturan."
    assert call.warnings == [
        "line 3: utterances[1].speaker: 1 invalid character (lone UTF-16 surrogate) "
        "replaced with U+FFFD",
        "line 3: utterances[1].text: 2 invalid characters (lone UTF-16 surrogate) "
        "replaced with U+FFFD",
    ]


def test_lone_surrogate_in_a_json_list_element(tmp_path: Path) -> None:
    path = tmp_path / "calls.json"
    bad = json.dumps(_call("b")).replace('"agent"', '"agent\\ud800"')
    path.write_text(f"[{json.dumps(_call('a'))}, {bad}]")
    items = _items(path, agent_speaker="agent\ufffd")
    assert _summary(items) == ["a", "b"]
    assert items[1].warnings[0].startswith("[1].utterances[0].speaker: 1 invalid character")  # type: ignore[union-attr]


# 3. Files


def _finishes(work: Callable[[], Any], seconds: int = 20) -> Any:
    """Run ``work``; fail (instead of hanging the suite) if it blocks or loops.

    An alarm interrupts a blocking open and a long regex alike (both check for signals).
    """

    def timeout(*_: object) -> None:
        raise TimeoutError(f"reading took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(seconds)
    try:
        return work()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_named_pipe_on_the_command_line_and_in_a_folder(tmp_path: Path) -> None:
    pipe = tmp_path / "calls" / "live.json"
    pipe.parent.mkdir()
    os.mkfifo(pipe)
    (pipe.parent / "ok.json").write_text(json.dumps(_call("ok")))
    named = _finishes(lambda: _items(pipe))
    _check_line(_one_failure(named), pipe, "not a regular file (a named pipe)")
    walked = _finishes(lambda: _items(pipe.parent))
    assert _summary(walked) == ["FAIL", "ok"]
    _check_line(_one_failure(walked), pipe, "not a regular file (a named pipe)")


def test_unreadable_subfolder_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod 000 does not bite: refuse the listing instead.
    for rel in ["a/1.json", "locked/2.json", "z.json"]:
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(json.dumps(_call(rel)))
    locked = tmp_path / "locked"
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = _items(tmp_path)
    assert _summary(items) == ["a/1.json", "FAIL", "z.json"]
    _check_line(
        _one_failure(items),
        locked,
        "cannot read this folder (permission denied); its files are skipped",
    )


def test_unreadable_file_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.json"
    path.write_text(json.dumps(_call()))
    real_open = os.open

    def fake_open(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    (failure,) = _items(path)
    assert isinstance(failure, Failure)
    _check_line(failure, path, "permission denied: cannot read this file")


# 4. Size: JSON lists stream, whole documents are bounded


class CountingText(io.StringIO):
    """A text file that counts the characters handed out."""

    name = "calls.json"

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.chars_read = 0

    def read(self, size: int | None = -1) -> str:
        chunk = super().read(size)
        self.chars_read += len(chunk)
        return chunk


def test_json_list_streams_element_by_element() -> None:
    text = json.dumps([_call(f"c{i}") for i in range(3000)])
    stream = CountingText(text)
    items = read_many(stream)
    first = next(items)
    assert isinstance(first, Transcript) and first.call_id == "c0"
    assert stream.chars_read < len(text) / 5, (stream.chars_read, len(text))
    assert sum(1 for _ in items) == 2999


def test_json_list_element_larger_than_a_chunk(tmp_path: Path) -> None:
    big = _call("big")
    big["utterances"] = big["utterances"] * 500  # ~150 KB, over two 64 KiB chunks
    path = tmp_path / "calls.json"
    path.write_text(json.dumps([_call("a"), big, _call("c")], indent=1))
    items = _items(path)
    assert _summary(items) == ["a", "big", "c"]
    assert len(items[1].utterances) == 1000  # type: ignore[union-attr]


def test_json_list_is_not_bounded_by_max_file_bytes(tmp_path: Path) -> None:
    path = tmp_path / "calls.json"
    path.write_text(json.dumps([_call("a"), _call("b")]))
    assert _summary(_items(path, limits=Limits(max_file_bytes=300))) == ["a", "b"]
    items = _items(path, limits=Limits(max_file_bytes=100))
    assert _summary(items) == ["FAIL", "FAIL"]
    assert items[0].message.startswith(  # type: ignore[union-attr]
        "[0]: larger than 100 bytes (limits.max_file_bytes)"
    )


def test_broken_element_of_a_json_list_loses_only_that_element(tmp_path: Path) -> None:
    path = tmp_path / "calls.json"
    broken = json.dumps(_call("b"))[:-1] + ', "x": [1, 2,, 3]}'
    path.write_text(f"[\n{json.dumps(_call('a'))},\n{broken},\n{json.dumps(_call('c'))}\n]\n")
    items = _items(path)
    assert _summary(items) == ["a", "FAIL", "c"]
    failure = _one_failure(items)
    assert failure.message.startswith("[1]: invalid JSON: Expecting value (line 3, column ")


def test_truncated_json_list_keeps_the_calls_before(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    text = json.dumps([_call("a"), _call("b")])
    path.write_text(text[: len(text) - 40])
    items = _items(path)
    assert _summary(items) == ["a", "FAIL"]
    assert "truncated" in _one_failure(items).message


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("call.json", json.dumps(_call()), "a JSON document that is not a list of calls"),
        ("call.txt", f"Agent: {AGENT}\nCustomer: {CUSTOMER}\n", "a plain-text transcript"),
        ("call.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Agent>Hello\n", "a WebVTT file"),
        ("call.srt", "1\n00:00:00,000 --> 00:00:02,000\nAgent: Hello\n", "an SRT file"),
    ],
)
def test_whole_documents_over_max_file_bytes(
    tmp_path: Path, name: str, content: str, what: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    message = _read_error(path, limits=Limits(max_file_bytes=40))
    size = path.stat().st_size
    assert message.startswith(
        f"{path}: {size:,} bytes, larger than 40 bytes (limits.max_file_bytes): {what}"
    )
    assert message.endswith(
        "use JSON Lines (one call per line) or CSV, which are read call by call"
    )


def test_whole_document_stream_is_bounded_while_reading() -> None:
    stream = io.StringIO(json.dumps(_call()) + " " * 200_000)
    stream.name = "big.json"
    (failure,) = _items(stream, limits=Limits(max_file_bytes=100_000))
    assert isinstance(failure, Failure)
    assert failure.message.startswith("larger than 100,000 bytes (limits.max_file_bytes)")


def test_one_object_per_line_in_a_json_file_still_works(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text(f"{json.dumps(_call('a'))}\n{json.dumps(_call('b'))}\n")
    assert _summary(_items(path, format="json")) == ["a", "b"]


def test_bare_whisper_list_is_still_one_document(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "whisper_en.json").read_text(encoding="utf-8"))
    path = tmp_path / "segments.json"
    path.write_text(json.dumps(data["segments"]))
    (call,) = _items(path)
    assert isinstance(call, Transcript) and len(call.utterances) == 6


# 5. Utterances per call


def test_too_many_utterances(tmp_path: Path) -> None:
    call = _call()
    call["utterances"] = call["utterances"] * 30
    path = tmp_path / "many.json"
    path.write_text(json.dumps(call))
    assert _read_error(path, limits=Limits(max_utterances=50)) == (
        f"{path}: 60 utterances, more than 50 (limits.max_utterances): a corrupt file, "
        "or several calls in one?"
    )
    assert len(read(path).utterances) == 60


# 6. Plain text: a label used once


def _text_call(tmp_path: Path, middle: str, **kwargs: Any) -> Transcript:
    path = tmp_path / "call.txt"
    path.write_text(
        f"Agent: {AGENT}\nCustomer: {CUSTOMER}\n{middle}\n"
        "Agent: I'm sorry to hear that, let me check.\nCustomer: Thank you.\n",
        encoding="utf-8",
    )
    return read(path, **kwargs)


def test_supervisor_once_is_a_turn(tmp_path: Path) -> None:
    call = _text_call(tmp_path, "Supervisor: Hi, I'm the supervisor, I'll take it from here.")
    assert [u.speaker_label for u in call.utterances] == [
        "Agent",
        "Customer",
        "Supervisor",
        "Agent",
        "Customer",
    ]
    assert call.utterances[2].speaker.value == "agent"
    assert call.warnings == []


def test_a_name_used_once_is_a_turn_with_a_warning(tmp_path: Path) -> None:
    call = _text_call(
        tmp_path, "Maria Lind: Hello, I'm joining from billing.", customer_speaker="Maria Lind"
    )
    assert call.utterances[2].speaker_label == "Maria Lind"
    assert call.utterances[1].text == CUSTOMER
    assert call.warnings == [
        "line 3: speaker 'Maria Lind' appears only once; read as a new turn "
        "(check that it is not part of the previous one)"
    ]


@pytest.mark.parametrize(
    "middle",
    [
        "Note: the router was reset on Monday.",
        "Obs: kunden ringde i går också.",
        "Så här: först ringde jag, sedan mejlade jag.",
        "Kl. 10:30 ringde jag igen.",
        "and then I said: never again.",
        "    Maria: was the name on the parcel.",
    ],
    ids=["note", "obs", "prose", "clock", "lower-case", "indented"],
)
def test_continuation_lines_with_a_colon_stay_continuations(tmp_path: Path, middle: str) -> None:
    call = _text_call(tmp_path, middle)
    assert len(call.utterances) == 4
    assert call.utterances[1].text == f"{CUSTOMER} {middle.strip()}"
    assert call.warnings == []


def test_plain_text_bad_timestamp_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_text(f"[00:00] Agent: {AGENT}\n[00:75] Customer: {CUSTOMER}\n")
    assert _read_error(path) == (
        f"{path}:line 2: timestamp: not a time: '00:75' (seconds must be below 60)"
    )


# 7. Subtitles: clock times


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "bad.vtt",
            "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Agent>Hello, how can I help?\n\n"
            "00:61:05.000 --> 00:61:06.000\n<v Customer>My parcel is late.\n",
            "line 6: cue start: not a time: '00:61:05.000' (minutes must be below 60)",
        ),
        (
            "bad.srt",
            "1\n00:00:00,000 --> 00:00:02,000\nAgent: Hello, how can I help?\n\n"
            "2\n12:59:59,000 --> 12:99:99,000\nCustomer: My parcel is late.\n",
            "line 6: cue end: not a time: '12:99:99,000' (minutes must be below 60)",
        ),
        (
            "short.vtt",
            "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Agent>Hello, how can I help?\n\n"
            "00:03.000 --> 00:04.990\n<v Customer>My parcel is late.\n\n"
            "61:05.000 --> 61:06.000\n<v Agent>Let me check.\n",
            "line 9: cue start: not a time: '61:05.000' (minutes must be below 60)",
        ),
        (
            "seconds.vtt",
            "WEBVTT\n\n00:00:00.000 --> 00:00:60.000\n<v Agent>Hello, how can I help?\n",
            "line 3: cue end: not a time: '00:00:60.000' (seconds must be below 60)",
        ),
    ],
)
def test_cue_times_must_be_clock_times(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    (failure,) = _items(path)
    assert isinstance(failure, Failure)
    _check_line(failure, path, message)


def test_hostile_files_in_one_folder_never_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(_call("a")))
    (tmp_path / "b.jsonl").write_text(f"{DEEP}\n")
    (tmp_path / "c.csv").write_text(HEADER)
    (tmp_path / "d.json").write_text(json.dumps(_call("d")).replace("3.5", HUGE, 1))
    (tmp_path / "e.vtt").write_text("WEBVTT\n\n00:99:00.000 --> 01:00:00.000\n<v Agent>Hi\n")
    (tmp_path / "z.json").write_text(json.dumps(_call("z")))
    items = _items(tmp_path)
    assert _summary(items) == ["a", "FAIL", "FAIL", "FAIL", "FAIL", "z"]
    assert all(i.traceback is None for i in items if isinstance(i, Failure))


# Linear time on hostile lines: each of these took minutes to hours before (regexes that
# backtrack quadratically, text joined by repeated string concatenation).

N = 200_000
LONG_LINES: dict[str, Callable[[], str]] = {
    "spaces.txt": lambda: f"Agent: {AGENT}\nCustomer{' ' * N}x: {CUSTOMER}\nAgent: Okay.\n",
    "comment.txt": lambda: f"# call_id{' ' * N}x\nAgent: {AGENT}\nCustomer: {CUSTOMER}\n",
    "continued.txt": lambda: f"Agent: {AGENT}\nCustomer: {CUSTOMER}\n" + "and then some more\n" * N,
    "voices.vtt": lambda: f"WEBVTT\n\n00:00.000 --> 00:02.000\n<v Agent>{AGENT}\n{'<v ' * N}\n",
    "tags.srt": lambda: f"1\n00:00:00,000 --> 00:00:02,000\nAgent: {AGENT} {'<a' * N}\n",
    "cue.srt": lambda: "1\n00:00:00,000 --> 00:00:02,000\nAgent: Hi\n" + "more words\n" * N,
    "labels.json": lambda: json.dumps(
        {"utterances": [{"speaker": "#-" * N, "text": AGENT}, {"speaker": "(" * N, "text": "x"}]}
    ),
    "segments.json": lambda: json.dumps(
        {"segments": [{"start": i, "end": i + 1, "speaker": "S0", "text": "Hi"} for i in range(N)]}
    ),
}


@pytest.mark.parametrize("name", sorted(LONG_LINES))
def test_long_hostile_input_is_read_in_linear_time(name: str) -> None:
    stream = io.StringIO(LONG_LINES[name]())
    stream.name = name
    items = _finishes(lambda: _items(stream, language="en"))
    assert len(items) == 1
    assert not isinstance(items[0], Failure) or items[0].traceback is None
