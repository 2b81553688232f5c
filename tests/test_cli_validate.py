"""`verbalkit validate`: a row per call on stdout, one error line per failure on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verbalkit.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
FIXTURES = REPO / "tests" / "fixtures"

runner = CliRunner()


def _no_traceback(text: str) -> None:
    assert "Traceback" not in text


def test_validate_examples() -> None:
    result = runner.invoke(app, ["validate", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["call", "language", "agent"]
    for call_id in ["sv-matkasse", "en-broadband", "sv-faktura", "en-refund", "sv-forsakring"]:
        assert any(line.startswith(call_id) for line in lines), call_id
    matkasse = next(line for line in lines if line.startswith("sv-matkasse"))
    assert matkasse.split() == [
        "sv-matkasse",
        "sv",
        "a-sara",
        "16",
        "2:07",
        "yes",
        "roles-in-source",
        "0",
    ]
    broadband = next(line for line in lines if line.startswith("en-broadband"))
    assert broadband.split()[1:3] == ["en", "0.96"]  # detected, with its confidence
    transcripts = {".json", ".jsonl", ".csv", ".txt", ".vtt", ".srt"}
    n_examples = len([p for p in EXAMPLES.iterdir() if p.suffix in transcripts])
    assert lines[-1] == f"{n_examples} calls read, 0 failed"
    assert result.stderr == ""


def test_validate_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a-good.json").write_bytes((EXAMPLES / "sv-matkasse.json").read_bytes())
    (tmp_path / "b-cut.json").write_text('{"call_id": "x", "utterances": [', encoding="utf-8")
    (tmp_path / "c-latin1.txt").write_bytes("Agent: Hej och välkommen!\n".encode("latin-1"))
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"error: {tmp_path / 'b-cut.json'}: line 1, column ")
    assert "invalid JSON" in errors[0]
    assert errors[1].startswith(f"error: {tmp_path / 'c-latin1.txt'}: line 1: not valid UTF-8")
    assert result.stdout.splitlines()[-1] == "1 calls read, 2 failed"
    _no_traceback(result.output)


def test_validate_missing_path() -> None:
    result = runner.invoke(app, ["validate", "no/such/calls.json"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: no/such/calls.json: no such file"
    _no_traceback(result.output)


def test_validate_bad_options_are_one_line() -> None:
    result = runner.invoke(app, ["validate", str(EXAMPLES), "--format", "docx"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: unknown format 'docx'")
    result = runner.invoke(app, ["validate", str(EXAMPLES), "--lang", "de"])
    assert result.exit_code == 1
    assert "language 'de' (German) is not supported" in result.stderr
    _no_traceback(result.output)


def test_validate_agent_speaker_and_format() -> None:
    path = FIXTURES / "whisperx_sv.json"
    plain = runner.invoke(app, ["validate", str(path)])
    assert "greeting-heuristic" in plain.stdout
    mapped = runner.invoke(app, ["validate", str(path), "--agent-speaker", "SPEAKER_00"])
    assert mapped.exit_code == 0
    assert "user-mapping" in mapped.stdout
    forced = runner.invoke(app, ["validate", str(path), "--format", "whisper"])
    assert forced.exit_code == 0


def test_validate_strict_turns_warnings_into_failures() -> None:
    path = FIXTURES / "calls.jsonl"
    lenient = runner.invoke(app, ["validate", str(path)])
    assert lenient.exit_code == 0
    assert lenient.stdout.splitlines()[-1] == "3 calls read, 0 failed (1 with warnings)"
    assert "warning: " in lenient.stderr and "jl-3: line 4: utterances[1].text: empty text" in (
        lenient.stderr
    )
    strict = runner.invoke(app, ["validate", str(path), "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr.startswith(f"error: {path}: line 4: utterances[1].text: empty text")


def test_validate_unsupported_language_file(tmp_path: Path) -> None:
    path = tmp_path / "de.json"
    utterances = [
        {
            "speaker": "agent",
            "text": "Guten Tag, Sie sprechen mit Anna. Wie kann ich Ihnen helfen?",
        },
        {
            "speaker": "customer",
            "text": "Ich habe eine Rechnung bekommen, die nicht stimmt, und das ist nicht in Ordnung.",
        },
    ]
    path.write_text(json.dumps({"call_id": "de-1", "utterances": utterances}), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}: the text looks German (de)")


def test_validate_shared_dev_calls(data_dir: Path) -> None:
    calls = data_dir / "dev" / "calls"
    if not calls.is_dir():
        pytest.skip(f"{calls} is absent")
    result = runner.invoke(app, ["validate", str(calls)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "10 calls read, 0 failed"
    assert result.stderr == ""
