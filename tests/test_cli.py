"""`verbalkit tag`, `verbalkit analyze`, `--version` and help for every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verbalkit import __version__
from verbalkit.cli import app
from verbalkit.schema import AnalysedCall

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

runner = CliRunner()
TRANSCRIPTS = {".json", ".jsonl", ".csv", ".txt", ".vtt", ".srt"}


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"verbalkit {__version__}"


@pytest.mark.parametrize("command", ["validate", "tag", "analyze", "evaluate"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout
    assert len(result.stdout.splitlines()) > 5


def test_tag_prints_evidence() -> None:
    result = runner.invoke(app, ["tag", "Har du kvittot kvar?", "--lang", "sv"])
    assert result.exit_code == 0, result.output
    assert "closed_question" in result.stdout
    assert "sv.closed_question." in result.stdout


def test_tag_json_uses_context() -> None:
    args = ["tag", "So you were charged twice for the same order?", "--lang", "en", "--json"]
    args += ["--prev", "I was charged twice for my order last week."]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    tags = json.loads(result.stdout)
    text = "So you were charged twice for the same order?"
    assert {"restating", "closed_question"} <= {t["label"] for t in tags}
    for t in tags:
        assert text[t["start"] : t["end"]] == t["text"]


def test_tag_unsupported_language() -> None:
    result = runner.invoke(app, ["tag", "Haben Sie die Quittung?", "--lang", "de"])
    assert result.exit_code == 1
    assert "not supported" in result.stderr
    assert "Traceback" not in result.output


def test_analyze_timeline_on_examples() -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLES / "sv-forsakring.srt")])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "sv-forsakring" in out
    assert "Metrics" in out and "agent_talk_share" in out
    assert "interruption" in out
    assert "6 calls" not in result.stderr and "1 calls analysed, 0 failed" in result.stderr


def test_analyze_json_lines_match_the_model(tmp_path: Path) -> None:
    out = tmp_path / "calls.jsonl"
    result = runner.invoke(app, ["analyze", str(EXAMPLES), "--json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    n_examples = len([p for p in EXAMPLES.iterdir() if p.suffix in TRANSCRIPTS])
    assert len(lines) == n_examples
    for line in lines:
        call = AnalysedCall.model_validate_json(line)
        assert call.utterances
        assert all(m.basis in ("timestamps", "words") for m in call.metrics)
        assert json.loads(line) == call.to_dict()


def test_analyze_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a-good.json").write_text(
        (EXAMPLES / "sv-matkasse.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "b-broken.json").write_text('{"call_id": "x", "utterances": [', encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path), "--json"])
    assert result.exit_code == 1
    assert "b-broken.json" in result.stderr
    assert "Traceback" not in result.output
    good = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [c["call_id"] for c in good] == ["sv-matkasse"]


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["tag"],
        ["analyze"],
        ["evaluate"],
        ["score"],
        ["scorecard", "show"],
        ["scorecard", "check"],
    ],
)
def test_help_shows_words_not_python_types(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    for python_type in ("<str>", "<int", "<bool>", "<path>", "list[", "Path]"):
        assert python_type not in result.stdout, (command, python_type)


def test_reading_commands_share_their_options() -> None:
    shared = ["--format", "--lang", "--agent-speaker", "--customer-speaker", "--strict"]
    for command in (["validate"], ["analyze"], ["score"]):
        text = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"}).stdout
        for option in shared:
            assert option in text, (command, option)
    for command in (["analyze"], ["score"], ["tag"]):
        text = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"}).stdout
        assert "--pack FOLDER" in text, command
    assert "--scorecard FILE" in runner.invoke(app, ["score", "--help"]).stdout


def test_format_help_names_every_reader() -> None:
    from verbalkit.io.registry import names

    text = " ".join(
        runner.invoke(app, ["validate", "--help"], env={"COLUMNS": "300"}).stdout.split()
    )
    for name in names():
        assert name in text, name
