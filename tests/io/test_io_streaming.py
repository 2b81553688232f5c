"""read_many streams: a generator, first call out before the file is read; folders in order."""

from __future__ import annotations

import inspect
import io
import json
from pathlib import Path
from typing import Any

from verbalkit.io import find_files, read_many
from verbalkit.schema import Failure, Transcript

N_CALLS = 4000


def _jsonl(n: int) -> str:
    lines = []
    for i in range(n):
        call = {
            "call_id": f"big-{i:05d}",
            "agent_id": f"agent-{i % 7}",
            "language": "en",
            "utterances": [
                {"speaker": "customer", "text": f"Hi, I am calling about order number {i}."},
                {"speaker": "agent", "text": "Thanks, let me look that up for you right away."},
                {"speaker": "customer", "text": "It was meant to arrive on Monday."},
                {"speaker": "agent", "text": "I can see it left the warehouse this morning."},
            ],
        }
        lines.append(json.dumps(call))
    return "\n".join(lines) + "\n"


class CountingText(io.StringIO):
    """A text file that counts the characters handed out."""

    name = "big.jsonl"

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.chars_read = 0

    def read(self, size: int | None = -1) -> str:
        chunk = super().read(size)
        self.chars_read += len(chunk)
        return chunk


class CountingBytes(io.BytesIO):
    name = "big.csv"

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk


def test_read_many_is_a_generator(tmp_path: Path) -> None:
    assert inspect.isgenerator(read_many(tmp_path))


def test_first_call_comes_before_the_jsonl_is_read() -> None:
    text = _jsonl(N_CALLS)
    stream = CountingText(text)
    items = read_many(stream)
    first = next(items)
    assert isinstance(first, Transcript) and first.call_id == "big-00000"
    assert stream.chars_read < len(text) / 5, (stream.chars_read, len(text))
    rest = list(items)
    assert len(rest) == N_CALLS - 1
    assert stream.chars_read == len(text)


def test_first_call_comes_before_the_csv_is_read() -> None:
    rows = ["call_id,speaker,text"]
    for i in range(N_CALLS):
        rows += [
            f"c{i},customer,My parcel number {i} has not arrived yet.",
            f"c{i},agent,Thanks for calling; I will check where parcel {i} is right now.",
        ]
    data = ("\n".join(rows) + "\n").encode("utf-8")
    stream = CountingBytes(data)
    items = read_many(stream, language="en")
    first = next(items)
    assert isinstance(first, Transcript) and first.call_id == "c0"
    assert stream.bytes_read < len(data) / 5
    assert sum(1 for _ in items) == N_CALLS - 1


def test_jsonl_file_streams_every_call(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(_jsonl(500), encoding="utf-8")
    ids = [i.call_id for i in read_many(path) if isinstance(i, Transcript)]
    assert ids == [f"big-{i:05d}" for i in range(500)]


def _call(call_id: str) -> dict[str, Any]:
    return {
        "call_id": call_id,
        "language": "sv",
        "utterances": [
            {"speaker": "agent", "text": "Välkommen, vad kan jag hjälpa dig med?"},
            {"speaker": "customer", "text": "Hej, det gäller min beställning."},
        ],
    }


def test_folders_walk_recursively_in_sorted_order(tmp_path: Path) -> None:
    for rel in ["b/2.json", "a/z.json", "a/sub/1.json", "c.json", ".hidden/x.json"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(_call(rel)), encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not a call", encoding="utf-8")
    (tmp_path / "a" / ".DS_Store").write_bytes(b"\x00\x01")
    found = [p.relative_to(tmp_path).as_posix() for p in find_files(tmp_path)]
    assert found == ["a/sub/1.json", "a/z.json", "b/2.json", "c.json"]
    items = list(read_many([tmp_path / "c.json", tmp_path]))
    assert [i.call_id for i in items if isinstance(i, Transcript)] == [
        "c.json",
        "a/sub/1.json",
        "a/z.json",
        "b/2.json",
        "c.json",
    ]
    assert not any(isinstance(i, Failure) for i in items)
