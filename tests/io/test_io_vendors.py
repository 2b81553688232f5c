"""Vendors' exports (AssemblyAI, Deepgram, Genesys Cloud, Twilio Voice Intelligence, Rev,
Otter-style text, Excel), the reader registry, and detection by content.

Each fixture in tests/fixtures/ is made to the vendor's documented schema (see each reader's
module docstring for the page) with invented Swedish and English calls.
"""

from __future__ import annotations

import copy
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from verbalkit.cli import app
from verbalkit.errors import TranscriptError, VerbalkitError
from verbalkit.io import FORMATS, read, read_many
from verbalkit.io import registry as reg
from verbalkit.io.raw import RawCall, RawUtterance
from verbalkit.limits import Limits
from verbalkit.schema import Failure, Transcript
from verbalkit.vocab import Role

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
runner = CliRunner()

VENDOR_FILES = [
    "assemblyai_en.json",
    "deepgram_sv.json",
    "deepgram_multichannel_en.json",
    "genesys_sv.json",
    "twilio_en.json",
    "rev_sv.json",
    "otter_en.txt",
    "excel_sv.xlsx",
]

# file, call_id, language (how decided), utterances, speaker rule, first two turns (label,
# start, end): times in seconds.
CASES = [
    (
        "assemblyai_en.json",
        "assemblyai_en",
        ("en", "declared"),
        6,
        "greeting-heuristic",
        [("A", 0.24, 5.12), ("B", 5.6, 11.8)],
    ),
    (
        "deepgram_sv.json",
        "deepgram_sv",
        ("sv", "declared"),
        6,
        "greeting-heuristic",
        [("speaker 0", 0.42, 7.12), ("speaker 1", 7.8, 13.4)],
    ),
    (
        "deepgram_multichannel_en.json",
        "deepgram_multichannel_en",
        ("en", "declared"),
        6,
        "greeting-heuristic",
        [("channel 1", 0.5, 4.767), ("channel 0", 5.3, 10.857)],
    ),
    (
        "genesys_sv.json",
        "c7e1a0f2-3b4c-4d5e-9f6a-7b8c9d0e1f2a",
        ("sv", "declared"),
        6,
        "roles-in-source",
        [("agent", 0.6, 4.1), ("customer", 4.7, 10.2)],
    ),
    (
        "twilio_en.json",
        "twilio_en",
        ("en", "declared"),
        6,
        "roles-in-source",
        [("agent", 0.48, 6.3), ("customer", 6.9, 12.7)],
    ),
    (
        "rev_sv.json",
        "rev_sv",
        ("sv", "detected"),
        6,
        "greeting-heuristic",
        [("speaker 0", 1.0, 7.68), ("speaker 1", 8.22, 12.8)],
    ),
    (
        "otter_en.txt",
        "otter_en",
        ("en", "detected"),
        6,
        "greeting-heuristic",
        [("Maria Lind", 2.0, None), ("Peter Holm", 7.0, None)],
    ),
]


def _load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _error(path: Path, **kwargs: Any) -> str:
    with pytest.raises(TranscriptError) as info:
        read(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


@pytest.mark.parametrize(("name", "call_id", "lang", "n", "rule", "turns"), CASES)
def test_vendor_fixture_reads(
    name: str,
    call_id: str,
    lang: tuple[str, str],
    n: int,
    rule: str,
    turns: list[tuple[str, float, float | None]],
) -> None:
    call = read(FIXTURES / name)
    assert call.call_id == call_id
    assert (call.language, call.language_info.source if call.language_info else None) == lang
    assert (len(call.utterances), call.speaker_rule) == (n, rule)
    assert call.warnings == []
    assert call.has_timestamps
    assert call.utterances[0].speaker is Role.AGENT
    assert [u.speaker for u in call.utterances] == [Role.AGENT, Role.CUSTOMER] * (n // 2)
    for u, (label, start, end) in zip(call.utterances, turns, strict=False):
        assert u.speaker_label == label
        assert u.start == pytest.approx(start)
        assert u.end == (pytest.approx(end) if end is not None else None)
    # Seconds, never milliseconds: every call here is well under a minute.
    assert max(u.start or 0 for u in call.utterances) < 60
    # Vendors' word arrays are not dumped into the metadata.
    assert "words" not in json.dumps(call.metadata or {})
    assert call.metadata is not None and call.metadata["format"] == name.split("_")[0]


def test_excel_every_sheet_and_one_sheet() -> None:
    path = FIXTURES / "excel_sv.xlsx"
    items = list(read_many(path))
    assert all(isinstance(i, Transcript) for i in items)
    calls = [i for i in items if isinstance(i, Transcript)]
    assert [c.call_id for c in calls] == ["sv-xl-1", "sv-xl-2", "en-xl-3"]
    assert [c.language for c in calls] == ["sv", "sv", "en"]
    assert [len(c.utterances) for c in calls] == [5, 4, 5]
    assert [c.speaker_rule for c in calls] == ["alias", "alias", "roles-in-source"]
    assert [(c.metadata or {}).get("sheet") for c in calls] == ["Samtal", "Samtal", "Kväll"]
    assert all(c.warnings == [] for c in calls)
    evening = calls[2]
    # Excel times (0:00:05.3) are seconds; a cell with a line break is one line of text.
    assert (evening.utterances[1].start, evening.utterances[1].end) == (5.3, 10.0)
    assert "house has been" in evening.utterances[1].text
    assert evening.utterances[-1].end == 62.0
    only = list(read_many(path, sheet="kväll"))
    assert [c.call_id for c in only if isinstance(c, Transcript)] == ["en-xl-3"]
    assert read(path, sheet="Kväll").call_id == "en-xl-3"
    with pytest.raises(TranscriptError, match=r"no sheet 'Natt' \(sheets: 'Samtal', 'Kväll'\)"):
        read(path, sheet="Natt")


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


HEADER: list[object] = ["call_id", "speaker", "start", "end", "text"]
ROWS: list[list[object]] = [
    ["x1", "Agent", 0.5, 3.0, "Välkommen till Banken, du pratar med Eva."],
    ["x1", "Kund", 3.5, 7.0, "Hej, mitt kort fungerar inte i butiken."],
]


def test_excel_empty_sheets(tmp_path: Path) -> None:
    empty = _workbook(tmp_path / "tom.xlsx", {"Blad1": []})
    assert _error(empty) == f"{empty}: sheet 'Blad1' is empty: no header row, no rows"
    two = _workbook(tmp_path / "tva.xlsx", {"Blad1": [], "Blad2": []})
    assert "every sheet is empty ('Blad1', 'Blad2')" in _error(two)
    mixed = _workbook(tmp_path / "mixed.xlsx", {"Samtal": [HEADER, *ROWS], "Blad2": []})
    call = read(mixed)
    assert call.call_id == "x1"
    assert call.warnings == ["sheet 'Blad2' is empty: no rows (skipped)"]
    named = _error(mixed, sheet="Blad2")
    assert named == f"{mixed}: sheet 'Blad2' is empty: no header row, no rows"
    header_only = _workbook(tmp_path / "rubrik.xlsx", {"Samtal": [HEADER]})
    assert "sheet 'Samtal', row 1: no rows after the header" in _error(header_only)


def test_excel_broken_rows_name_sheet_and_row(tmp_path: Path) -> None:
    bad = [*ROWS, ["x1", "Agent", "soon", 9.0, "Jag kollar."]]
    path = _workbook(tmp_path / "bad.xlsx", {"Samtal": [HEADER, *bad]})
    (failure,) = read_many(path)
    assert isinstance(failure, Failure)
    assert failure.message.startswith("sheet 'Samtal', row 4: 'start' (start): not a time")
    no_text = _workbook(tmp_path / "notext.xlsx", {"Samtal": [HEADER[:4], *[r[:4] for r in ROWS]]})
    assert "sheet 'Samtal', row 1: no text column" in _error(no_text)


def test_excel_in_a_folder_is_read_and_bad_workbooks_are_errors(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "excel_sv.xlsx", tmp_path / "a.xlsx")
    (tmp_path / "b.xlsx").write_bytes(b"call_id,speaker,text\nc1,agent,Hej\n")
    (tmp_path / "c.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))
    items = list(read_many(tmp_path))
    assert [i.call_id for i in items if isinstance(i, Transcript)] == [
        "sv-xl-1",
        "sv-xl-2",
        "en-xl-3",
    ]
    failures = {Path(f.path).name: f.message for f in items if isinstance(f, Failure)}
    assert failures["b.xlsx"].startswith("not an Excel workbook")
    assert failures["c.xls"].startswith("an Excel 97-2003 workbook (.xls): ")
    too_big = read_many(tmp_path / "a.xlsx", limits=Limits(max_file_bytes=1000))
    (failure,) = too_big
    assert isinstance(failure, Failure) and "limits.max_file_bytes" in failure.message


def test_excel_from_a_binary_stream() -> None:
    data = (FIXTURES / "excel_sv.xlsx").read_bytes()
    stream = io.BytesIO(data)
    stream.name = "upload.xlsx"  # type: ignore[attr-defined]
    calls = [c for c in read_many(stream) if isinstance(c, Transcript)]
    assert len(calls) == 3
    assert read(io.BytesIO(data), format="excel", sheet="Kväll").call_id == "en-xl-3"


# Detection by content: a vendor's JSON is never verbalkit JSON.


def test_assemblyai_is_never_read_as_verbalkit_json(tmp_path: Path) -> None:
    call = read(FIXTURES / "assemblyai_en.json", format="json")
    assert call.metadata == {
        "format": "assemblyai",
        "transcript_id": "6rlr37v1ob-8f1a-4b54-9b0e-2c3d7f1a9e10",
    }
    assert call.utterances[-1].end == 31.0  # 31000 ms, not 8.6 hours
    # Stripped of AssemblyAI's fields, the same times are verbalkit JSON in milliseconds:
    # refused, not read as a call of nine hours.
    data = _load("assemblyai_en.json")
    bare = {
        "utterances": [
            {k: u[k] for k in ("speaker", "start", "end", "text")} for u in data["utterances"]
        ]
    }
    message = _error(_write(tmp_path / "bare.json", bare))
    assert "the times look like milliseconds, not the seconds verbalkit JSON uses" in message


def test_unknown_json_names_keys_and_closest_format(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "dg.json", {"results": {"summary": "x"}, "metadata": {"request_id": "r"}}
    )
    message = _error(path)
    assert "not a transcript" in message and "(keys: results, metadata)" in message
    assert "closest: deepgram (needs results.utterances or results.channels)" in message
    path = _write(tmp_path / "conv.json", {"conversationId": "c1", "participants": []})
    assert "closest: genesys (needs transcripts[].phrases[]" in _error(path)


def test_format_names_and_registry() -> None:
    names = reg.names()
    assert names[:9] == (
        "json",
        "jsonl",
        "csv",
        "tsv",
        "text",
        "vtt",
        "srt",
        "transcribe",
        "whisper",
    )
    for vendor in ("assemblyai", "deepgram", "genesys", "twilio", "rev", "otter", "excel"):
        assert vendor in names and vendor in FORMATS
    assert reg.normalise_format("Rev.ai") == "rev"
    assert reg.normalise_format("XLSX") == "excel"
    assert reg.extensions()[".xlsx"] == "excel"
    with pytest.raises(VerbalkitError, match="unknown format 'docx'"):
        reg.normalise_format("docx")


def test_a_new_vendor_is_one_registration(tmp_path: Path) -> None:
    def looks(data: Any) -> float:
        return 0.9 if isinstance(data, dict) and "acme_turns" in data else 0.0

    def parse(data: Any, doc: reg.JsonDoc) -> RawCall:
        turns = [RawUtterance(t["who"], t["said"]) for t in data["acme_turns"]]
        return RawCall(path=doc.path, call_id=doc.default_id, utterances=turns, where=doc.where)

    reg.json_reader(
        "acme", title="Acme", recognise=looks, keys=("acme_turns",), needs="acme_turns"
    )(parse)
    try:
        data = {
            "acme_turns": [
                {"who": "Agent", "said": "Hej och välkommen!"},
                {"who": "Kund", "said": "Hej."},
            ]
        }
        call = read(_write(tmp_path / "acme.json", data), language="sv")
        assert [u.speaker for u in call.utterances] == [Role.AGENT, Role.CUSTOMER]
        lines = "\n".join(json.dumps({**data, "n": i}) for i in range(3))
        (tmp_path / "acme.jsonl").write_text(lines, encoding="utf-8")
        assert len([c for c in read_many(tmp_path / "acme.jsonl", language="sv")]) == 3
        assert "acme" in reg.names()
        with pytest.raises(VerbalkitError, match="taken by 'acme'"):
            reg.register(
                reg.ReaderSpec(name="other", kind="json", title="x", func=parse, aliases=("acme",))
            )
    finally:
        reg.unregister("acme")
    assert "acme" not in reg.names()


def test_vendor_documents_in_lists_and_json_lines(tmp_path: Path) -> None:
    one = _load("assemblyai_en.json")
    two = _load("deepgram_sv.json")
    items = list(read_many(_write(tmp_path / "many.json", [one, two, {"nope": 1}])))
    assert [getattr(i, "call_id", None) for i in items] == ["many-1", "many-2", None]
    assert isinstance(items[2], Failure) and items[2].message.startswith("[2].utterances: missing")
    lines = "\n".join(json.dumps(d, ensure_ascii=False) for d in (two, one))
    (tmp_path / "many.jsonl").write_text(lines + "\n", encoding="utf-8")
    calls = list(read_many(tmp_path / "many.jsonl"))
    assert [(c.call_id, c.language) for c in calls if isinstance(c, Transcript)] == [
        ("many-1", "sv"),
        ("many-2", "en"),
    ]


# Broken variants: one line naming the file and the place.


def test_broken_assemblyai(tmp_path: Path) -> None:
    data = _load("assemblyai_en.json")
    no_text = copy.deepcopy(data)
    del no_text["utterances"][2]["text"]
    message = _error(_write(tmp_path / "notext.json", no_text))
    assert message.endswith("utterances[2].text: missing: every utterance needs its text")
    seconds = copy.deepcopy(data)
    for u in seconds["utterances"]:
        u["start"], u["end"] = u["start"] / 1000, u["end"] / 1000
    message = _error(_write(tmp_path / "seconds.json", seconds))
    assert "the times look like seconds, not the milliseconds AssemblyAI writes" in message
    unlabelled = {**copy.deepcopy(data), "utterances": None, "speaker_labels": False}
    assert "transcribe with speaker_labels=true" in _error(
        _write(tmp_path / "nolabels.json", unlabelled)
    )
    failed = {**copy.deepcopy(data), "status": "error", "error": "Download error"}
    assert "transcription failed: Download error" in _error(
        _write(tmp_path / "failed.json", failed)
    )
    queued = {**copy.deepcopy(data), "status": "processing"}
    assert "not finished (status 'processing')" in _error(_write(tmp_path / "queued.json", queued))


def test_broken_deepgram(tmp_path: Path) -> None:
    data = _load("deepgram_sv.json")
    mono = copy.deepcopy(data)
    for u in mono["results"]["utterances"]:
        del u["speaker"]
    assert "no speakers: run Deepgram with diarize=true" in _error(
        _write(tmp_path / "mono.json", mono)
    )
    no_text = copy.deepcopy(data)
    del no_text["results"]["utterances"][1]["transcript"]
    assert _error(_write(tmp_path / "notext.json", no_text)).endswith(
        "results.utterances[1].transcript: missing: every utterance needs its text"
    )
    bad_time = copy.deepcopy(data)
    bad_time["results"]["utterances"][0]["end"] = "later"
    assert "results.utterances[0].end: not a time: 'later'" in _error(
        _write(tmp_path / "t.json", bad_time)
    )
    ms = copy.deepcopy(data)
    for u in ms["results"]["utterances"]:
        u["start"], u["end"] = u["start"] * 1000, u["end"] * 1000
    assert "look like milliseconds" in _error(_write(tmp_path / "ms.json", ms))


def test_deepgram_words_without_utterances_and_agent_channel(tmp_path: Path) -> None:
    data = _load("deepgram_sv.json")
    del data["results"]["utterances"]
    call = read(_write(tmp_path / "words.json", data))
    assert len(call.utterances) == 6 and call.utterances[0].speaker_label == "speaker 0"
    assert call.utterances[1].text.startswith("Hej, jag har fått en faktura")
    path = FIXTURES / "deepgram_multichannel_en.json"
    chosen = read(path, agent_channel=1)
    assert chosen.speaker_rule == "user-mapping"
    assert [u.speaker for u in chosen.utterances][:2] == [Role.AGENT, Role.CUSTOMER]
    swapped = read(path, agent_channel=0)
    assert swapped.utterances[0].speaker is Role.CUSTOMER
    assert swapped.utterances[0].speaker_label == "channel 1"
    absent = read(path, agent_channel=5)
    assert absent.speaker_rule == "greeting-heuristic"
    assert any("'channel 5' matches no speaker here" in w for w in absent.warnings)
    with pytest.raises(VerbalkitError, match="agent_channel: expected a channel number"):
        read(path, agent_channel=-1)


def test_genesys_variants(tmp_path: Path) -> None:
    data = _load("genesys_sv.json")
    assert read(FIXTURES / "genesys_sv.json").agent_id == "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"
    flat = copy.deepcopy(data)
    for phrase in flat["transcripts"][0]["phrases"]:
        phrase["offsetMs"] = phrase.pop("offset")["milliseconds"]
        phrase["durationMs"] = phrase.pop("duration")["milliseconds"]
    call = read(_write(tmp_path / "flat.json", flat))
    assert (call.utterances[1].start, call.utterances[1].end) == (4.7, 10.2)
    epoch = copy.deepcopy(data)
    for phrase in epoch["transcripts"][0]["phrases"]:
        del phrase["offset"]
    call = read(_write(tmp_path / "epoch.json", epoch))
    assert (call.utterances[0].start, call.utterances[1].start) == (0.6, 4.7)
    missing = copy.deepcopy(data)
    del missing["transcripts"][0]["phrases"][3]["participantPurpose"]
    assert _error(_write(tmp_path / "who.json", missing)).endswith(
        "transcripts[0].phrases[3].participantPurpose: missing: who spoke (internal or external)"
    )
    no_text = copy.deepcopy(data)
    for key in ("text", "decoratedText"):
        del no_text["transcripts"][0]["phrases"][0][key]
    assert "transcripts[0].phrases[0].decoratedText: missing" in _error(
        _write(tmp_path / "t.json", no_text)
    )


def test_twilio_variants(tmp_path: Path) -> None:
    data = _load("twilio_en.json")
    bare = {"sentences": list(reversed(data["sentences"])), "meta": data["meta"]}
    call = read(_write(tmp_path / "bare.json", bare))
    # Without the participant mapping: channels, put back in sentence_index order.
    assert call.speaker_rule == "greeting-heuristic"
    assert call.utterances[0].speaker_label == "channel 2"
    assert call.utterances[0].text.startswith("Good morning")
    assert call.language == "en" and call.language_info is not None
    assert call.language_info.source == "detected"
    mapped = read(_write(tmp_path / "bare2.json", bare), agent_channel=2)
    assert (mapped.speaker_rule, mapped.utterances[0].speaker) == ("user-mapping", Role.AGENT)
    override = read(FIXTURES / "twilio_en.json", agent_channel=1)
    assert override.utterances[0].speaker is Role.CUSTOMER
    flat = {**data["transcript"], "sentences": data["sentences"]}
    assert read(_write(tmp_path / "flat.json", flat)).speaker_rule == "roles-in-source"
    mono = {"sentences": [{**s, "media_channel": 1} for s in data["sentences"]]}
    assert "every sentence is on media channel 1" in _error(_write(tmp_path / "mono.json", mono))
    no_text = copy.deepcopy(data)
    del no_text["sentences"][4]["transcript"]
    assert "sentences[4].transcript: missing" in _error(_write(tmp_path / "t.json", no_text))


def test_broken_rev(tmp_path: Path) -> None:
    data = _load("rev_sv.json")
    broken = copy.deepcopy(data)
    del broken["monologues"][1]["elements"]
    assert _error(_write(tmp_path / "rev.json", broken)).endswith(
        "monologues[1].elements: missing: a monologue needs its elements (the words)"
    )
    named = copy.deepcopy(data)
    for monologue in named["monologues"]:
        monologue["speaker_name"] = ("Handläggare", "Kund")[monologue["speaker"]]
    assert read(_write(tmp_path / "named.json", named)).speaker_rule == "alias"


def test_otter_text(tmp_path: Path) -> None:
    text = (FIXTURES / "otter_en.txt").read_text(encoding="utf-8")
    call = read(FIXTURES / "otter_en.txt")
    # A time inside the text ("at 10:30 tomorrow") is text; two blocks of Maria are one turn.
    assert "call you back at 10:30 tomorrow" in call.utterances[4].text
    assert call.utterances[4].text.startswith("Let me check your meter readings. The last")
    titled = tmp_path / "titled.txt"
    titled.write_text("Billing call, 12 March\n\n" + text, encoding="utf-8")
    call = read(titled)
    assert call.warnings == [
        "line 1: text before the first speaker line (line 3) skipped (a title?)"
    ]
    assert len(call.utterances) == 6
    bad = tmp_path / "bad.txt"
    bad.write_text(text.replace("Peter Holm  0:21", "Peter Holm  0:71"), encoding="utf-8")
    assert _error(bad, format="otter").endswith(
        "line 11: timestamp: not a time: '0:71' (seconds must be below 60)"
    )
    nothing = tmp_path / "nothing.txt"
    nothing.write_text("just words\nand more words\n", encoding="utf-8")
    assert "no speaker lines" in _error(nothing, format="otter")


def test_plain_text_is_still_plain_text() -> None:
    for name in ("text_sv.txt", "text_names_en.txt"):
        assert "format" not in (read(FIXTURES / name).metadata or {})


# Hostile input: the limits hold for every new JSON reader.


@pytest.mark.parametrize("name", [n for n in VENDOR_FILES if n.endswith(".json")])
def test_vendor_json_limits(tmp_path: Path, name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    deep = text.rstrip()[:-1] + ', "x": ' + "[" * 100 + "]" * 100 + "}"
    message = _error(_write_text(tmp_path / "deep.json", deep))
    assert "nested more than 64 levels deep" in message
    long_number = text.rstrip()[:-1] + ', "x": ' + "9" * 40 + "}"
    assert "more than 32 digits" in _error(_write_text(tmp_path / "long.json", long_number))
    small = Limits(max_file_bytes=len(text.encode()) // 2)
    assert "limits.max_file_bytes" in _error(FIXTURES / name, limits=small)


def _write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "fmt", ["assemblyai", "deepgram", "genesys", "twilio", "rev", "otter", "excel"]
)
@pytest.mark.parametrize(
    "content",
    ["{}", "[]", '{"results": 1}', '{"sentences": [1]}', "null", "x", '{"monologues": [{}]}'],
)
def test_forced_vendor_format_on_wrong_content_is_one_line(
    tmp_path: Path, fmt: str, content: str
) -> None:
    path = _write_text(tmp_path / "input.json", content)
    items = list(read_many(path, format=fmt))
    assert items and all(isinstance(i, Failure) for i in items)
    assert all("\n" not in i.message and "unexpected error" not in i.message for i in items)  # type: ignore[union-attr]


# The command line: one row per call over a folder of mixed vendors' files.


def test_validate_a_folder_of_mixed_vendor_files(tmp_path: Path) -> None:
    for name in VENDOR_FILES:
        shutil.copy(FIXTURES / name, tmp_path / name)
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rows = result.stdout.strip().splitlines()
    assert rows[-1] == "10 calls read, 0 failed"
    body = rows[1:-1]
    assert len(body) == 10
    expected = {
        "assemblyai_en": ("en", "6", "greeting-heuristic"),
        "deepgram_multichannel_en": ("en", "6", "greeting-heuristic"),
        "deepgram_sv": ("sv", "6", "greeting-heuristic"),
        "sv-xl-1": ("sv", "5", "alias"),
        "sv-xl-2": ("sv", "4", "alias"),
        "en-xl-3": ("en", "5", "roles-in-source"),
        "c7e1a0f2-3b4c-4d5e-9f6a-7b8": ("sv", "6", "roles-in-source"),
        "otter_en": ("en", "6", "greeting-heuristic"),
        "rev_sv": ("sv", "6", "greeting-heuristic"),
        "twilio_en": ("en", "6", "roles-in-source"),
    }
    for row in body:
        call_id = next(k for k in expected if row.startswith(k))
        language, n, rule = expected.pop(call_id)
        cells = row.split()
        assert cells[1] == language and n in cells and rule in row
    assert expected == {}
    channel = runner.invoke(
        app, ["validate", str(tmp_path / "deepgram_multichannel_en.json"), "--agent-channel", "0"]
    )
    assert channel.exit_code == 0 and "user-mapping" in channel.stdout


def test_readme_format_table_lists_every_reader_with_an_example_file() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Reading transcripts", 1)[1].split("Encodings:", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    listed: dict[str, str] = {}
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        for name in cells[0].replace("`", "").split(","):
            listed[name.strip()] = cells[-1]
    assert set(listed) == set(reg.names())
    for name, files in listed.items():
        for file in files.replace("`", "").split(","):
            path = REPO / file.strip()
            assert path.exists() or file.strip().startswith("../shared"), (name, file)
