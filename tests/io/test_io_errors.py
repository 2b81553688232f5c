"""Broken input: every error names the file, the place and the problem; batches go on."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from verbalkit.errors import TranscriptError
from verbalkit.io import read, read_many, validation_error_lines
from verbalkit.schema import Failure, Transcript

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"

SV_TEXT = (
    "Agent: Välkommen till Matkassen, du pratar med Sara. Vad kan jag hjälpa dig med?\n"
    "Kund: Hej, det saknades en burk räkor i min kasse i går och jag är väldigt besviken.\n"
    "Agent: Det var tråkigt att höra. Jag skickar en ny burk i morgon, går det bra?\n"
)


def _call(**overrides: Any) -> dict[str, Any]:
    call: dict[str, Any] = {
        "call_id": "sv-0042",
        "language": "sv",
        "utterances": [
            {"speaker": "agent", "start": 0.5, "end": 4.0, "text": "Välkommen till Matkassen."},
            {"speaker": "customer", "start": 4.5, "end": 9.0, "text": "Det saknades räkor."},
            {"speaker": "agent", "start": 9.5, "end": 13.0, "text": "Det var tråkigt att höra."},
            {"speaker": "customer", "start": 14.5, "end": 18.0, "text": "Ja, verkligen."},
        ],
    }
    call.update(overrides)
    return call


def _write_json(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _error(path: Path, **kwargs: Any) -> str:
    with pytest.raises(TranscriptError) as info:
        read(path, **kwargs)
    message = str(info.value)
    assert message.startswith(str(path)), message
    return message


def test_end_before_start_names_file_utterance_and_field(tmp_path: Path) -> None:
    call = _call()
    call["utterances"][3]["end"] = 12.0
    path = _write_json(tmp_path / "calls" / "0042.json", call)
    assert _error(path) == f"{path}:utterances[3].end: ends at 12 s, before it starts (14.5 s)"


def test_negative_time(tmp_path: Path) -> None:
    call = _call()
    call["utterances"][1]["start"] = -2
    message = _error(_write_json(tmp_path / "neg.json", call))
    assert message.endswith("utterances[1].start: starts at -2 s, a negative time")


def test_some_timed_some_not(tmp_path: Path) -> None:
    call = _call()
    call["utterances"][2]["start"] = None
    call["utterances"][2]["end"] = None
    message = _error(_write_json(tmp_path / "mixed.json", call))
    assert "utterances[2].start: has no start time but 3 of 4 utterances have one" in message


def test_no_utterances(tmp_path: Path) -> None:
    assert _error(_write_json(tmp_path / "none.json", _call(utterances=[]))).endswith(
        "none.json: no utterances"
    )


def test_no_agent_turns(tmp_path: Path) -> None:
    call = _call()
    for u in call["utterances"]:
        u["speaker"] = "customer"
    message = _error(_write_json(tmp_path / "solo.json", call))
    assert "no agent turns" in message and "check the speaker mapping (--agent-speaker)" in message


def test_unknown_speaker_roles(tmp_path: Path) -> None:
    path = tmp_path / "three.txt"
    path.write_text(
        "Anna: Hej, jag ringer om min räkning.\nBo: Hej Anna, vad gäller det?\n"
        "Cilla: Jag lyssnar också.\nAnna: Den är för hög.\nBo: Jag förstår.\nCilla: Okej.\n",
        encoding="utf-8",
    )
    message = _error(path)
    assert "3 speakers ('Anna', 'Bo', 'Cilla') and none is a known role" in message
    assert "--agent-speaker" in message
    call = read(path, agent_speaker="Bo")
    assert call.speaker_rule == "user-mapping"
    assert any("all taken as customers" in w for w in call.warnings)


def test_known_and_unknown_speaker_mix(tmp_path: Path) -> None:
    path = tmp_path / "mix.csv"
    path.write_text(
        "speaker,text\nAgent,Hej och välkommen.\nKund,Hej.\nBosse,Jag är kundens granne.\n",
        encoding="utf-8",
    )
    message = _error(path)
    assert "cannot tell the role of speaker 'Bosse'" in message


def test_truncated_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    text = json.dumps(_call(), indent=2)
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    message = _error(path)
    assert "cut.json:line " in message and ", column " in message
    assert "invalid JSON" in message and "truncated" in message


def test_missing_csv_column_lists_found_columns(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_text("call_id,who_said,words\nc1,agent,Hej\n", encoding="utf-8")
    # Not a recognisable table: force CSV to get the column message.
    message = _error(path, format="csv")
    assert "no speaker column" in message
    assert "columns found: 'call_id', 'who_said', 'words'" in message


def test_latin1_bytes_are_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(SV_TEXT.encode("latin-1"))
    message = _error(path)
    assert "not valid UTF-8 text" in message
    assert "line 1" in message and "Latin-1" in message and "save it as UTF-8" in message


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom"],
)
def test_boms_and_utf16_read_fine(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "call.txt"
    path.write_bytes(bom + SV_TEXT.encode(encoding))
    call = read(path)
    assert call.utterances[0].speaker_label == "Agent"
    assert call.language == "sv"


def test_bom_before_csv_header(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    text = 'call_id,speaker,text\nc1,agent,Hej och välkommen!\nc1,customer,"Hej, jag har ett problem."\n'
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    assert read(path, language="sv").call_id == "c1"


@pytest.mark.parametrize("content", [b"", b"   \n\n  \t\n"], ids=["zero-bytes", "blank"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(content)
    assert "empty file" in _error(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "recording.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)))
    assert "looks like a binary file" in _error(path)


def test_missing_file(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.json").endswith("nope.json: no such file")
    (failure,) = read_many(tmp_path / "nope.json")
    assert isinstance(failure, Failure) and failure.message == "no such file"


def test_unrecognisable_content(tmp_path: Path) -> None:
    path = tmp_path / "notes.dat"
    path.write_text("just some words without any structure at all\n", encoding="utf-8")
    assert "cannot tell the format" in _error(path)


def test_json_of_the_wrong_shape(tmp_path: Path) -> None:
    path = _write_json(tmp_path / "other.json", {"name": "x", "items": [1, 2]})
    assert "not a transcript" in _error(path) and "keys: name, items" in _error(path)
    path = _write_json(tmp_path / "strings.json", _call(utterances=["hej", "hallå"]))
    assert _error(path).endswith("utterances[0]: expected an object, found a string")
    bad_time = _call()
    bad_time["utterances"][0]["start"] = "soon"
    path = _write_json(tmp_path / "time.json", bad_time)
    assert "utterances[0].start: not a time: 'soon'" in _error(path)


def test_transcribe_without_speaker_labels(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "transcribe_standard_en.json").read_text(encoding="utf-8"))
    del data["results"]["speaker_labels"]
    for item in data["results"]["items"]:
        item.pop("speaker_label", None)
    path = _write_json(tmp_path / "nolabels.json", data)
    assert "no speaker labels: run the job with ShowSpeakerLabels" in _error(path)


def test_whisper_without_speakers(tmp_path: Path) -> None:
    path = _write_json(
        tmp_path / "plain_whisper.json",
        {"segments": [{"start": 0.0, "end": 2.0, "text": " Hello there."}], "language": "en"},
    )
    assert "no speaker labels in the segments" in _error(path)


def test_folder_without_transcripts(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("not a call", encoding="utf-8")
    (failure,) = read_many(tmp_path)
    assert isinstance(failure, Failure)
    assert "no transcript files" in failure.message


def test_one_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    _write_json(tmp_path / "a.json", _call(call_id="a"))
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    _write_json(tmp_path / "c.json", _call(call_id="c"))
    items = list(read_many(tmp_path))
    assert [getattr(i, "call_id", None) for i in items] == ["a", None, "c"]
    failure = items[1]
    assert isinstance(failure, Failure) and failure.path == str(tmp_path / "b.json")


# Warnings: kept in Transcript.warnings, errors with strict=True.


def test_unsorted_times_warn_and_keep_order(tmp_path: Path) -> None:
    call = _call()
    call["utterances"][2].update(start=4.1, end=4.3)
    path = _write_json(tmp_path / "unsorted.json", call)
    result = read(path)
    assert [u.start for u in result.utterances] == [0.5, 4.5, 4.1, 14.5]
    assert result.warnings == [
        "utterances[2].start: starts at 4.1 s, before an earlier utterance (order kept as given)"
    ]
    with pytest.raises(TranscriptError, match=r"--strict"):
        read(path, strict=True)


def test_same_speaker_overlap_warns(tmp_path: Path) -> None:
    call = _call()
    call["utterances"].insert(
        2, {"speaker": "customer", "start": 8.0, "end": 9.2, "text": "Och grädden."}
    )
    result = read(_write_json(tmp_path / "overlap.json", call))
    assert any("'customer' starts at 8 s while their previous turn" in w for w in result.warnings)


def test_empty_text_warns_and_strict_fails(tmp_path: Path) -> None:
    call = _call()
    call["utterances"][3]["text"] = "  "
    path = _write_json(tmp_path / "empty_text.json", call)
    assert read(path).warnings == ["utterances[3].text: empty text"]
    (failure,) = read_many(path, strict=True)
    assert isinstance(failure, Failure)
    assert failure.message.startswith("utterances[3].text: empty text")


def test_validation_error_lines_helper() -> None:
    data = _call(started_at="last tuesday")
    data["utterances"][1]["speaker"] = "supervisor"
    with pytest.raises(ValidationError) as info:
        Transcript.model_validate(data)
    lines = validation_error_lines(info.value, "calls/0042.json")
    assert any(line.startswith("calls/0042.json:started_at: ") for line in lines)
    assert any(line.startswith("calls/0042.json:utterances[1].speaker: ") for line in lines)
    assert all("found" in line for line in lines)
