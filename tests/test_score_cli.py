"""`verbalkit score PATH --out DIR`: every output, bad files, Ctrl-C, and reloading."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import verbalkit
from verbalkit.cli import app
from verbalkit.report.folder import OUTPUTS
from verbalkit.scoring.models import ScoredCall

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
runner = CliRunner()

SV_CALL = {
    "call_id": "sv-ok",
    "agent_id": "a-kim",
    "team": "team-syd",
    "language": "sv",
    "started_at": "2024-05-02T10:00:00+02:00",
    "utterances": [
        {
            "speaker": "agent",
            "start": 0.0,
            "end": 3.0,
            "text": "Välkommen till Elbolaget, vad kan jag hjälpa dig med?",
        },
        {
            "speaker": "customer",
            "start": 3.5,
            "end": 9.0,
            "text": "Min faktura är alldeles för hög, jag är riktigt orolig.",
        },
        {
            "speaker": "agent",
            "start": 9.5,
            "end": 13.0,
            "text": "Det förstår jag. Kan du berätta mer om vad som står på fakturan?",
        },
        {
            "speaker": "customer",
            "start": 13.5,
            "end": 18.0,
            "text": "Det står 4 000 kronor, jag brukar betala 900.",
        },
        {
            "speaker": "agent",
            "start": 18.5,
            "end": 24.0,
            "text": "Jag kontrollerar mätarställningen och skickar en rättad faktura i dag.",
        },
    ],
}


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "sv-ok.json").write_text(json.dumps(SV_CALL, ensure_ascii=False), encoding="utf-8")
    shutil.copy(EXAMPLES / "en-refund.vtt", src / "en-refund.vtt")
    shutil.copy(EXAMPLES / "sv-faktura.csv", src / "sv-faktura.csv")
    return src


def test_score_writes_every_output(tmp_path: Path) -> None:
    out = tmp_path / "scored" / "nightly"
    result = runner.invoke(app, ["score", str(_folder(tmp_path)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for name in OUTPUTS:
        assert (out / name).is_file(), name
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temp files left behind"
    assert "3 calls scored, 0 failed" in result.stderr
    assert "calls/s" in result.stderr and "report.html" in result.stderr

    calls = pd.read_parquet(out / "calls.parquet")
    assert sorted(calls["call_id"]) == ["en-refund", "sv-faktura", "sv-ok"]
    row = calls.set_index("call_id").loc["sv-ok"]
    assert row["team"] == "team-syd" and row["agent_id"] == "a-kim"
    assert row["date"] == "2024-05-02"
    assert 0 <= row["overall"] <= 100
    for col in ("stage_lyssna", "agent_talk_share", "premature_solution_events", "sympathy"):
        assert col in calls.columns
    assert len(pd.read_csv(out / "calls.csv")) == 3

    utts = pd.read_parquet(out / "utterances.parquet")
    assert len(utts) == calls["n_utterances"].sum()
    tagged = utts[utts["call_id"] == "sv-ok"].set_index("utt_index")
    evidence = list(tagged.loc[2, "tags"])
    assert any(t["label"] == "open_question" and t["rule"] for t in evidence)
    assert {"team", "started_at", "source"} <= set(utts.columns)

    agents = pd.read_csv(out / "agents.csv")
    assert "a-kim" in set(agents["agent_id"])

    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    scored = [ScoredCall.model_validate(json.loads(line)) for line in lines]
    assert {s.call_id for s in scored} == {"en-refund", "sv-faktura", "sv-ok"}
    with (out / "errors.csv").open(encoding="utf-8") as f:
        assert list(csv.reader(f)) == [["file", "call", "reason"]]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html and "sv-ok" in html
    # Two Swedish calls out of three: the reports are in Swedish.
    assert "Samtal" in (out / "report.md").read_text(encoding="utf-8")


def test_a_bad_file_lands_in_errors_csv_and_the_rest_is_scored(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    (src / "broken.json").write_text('{"call_id": "x", "utterances": [', encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["score", str(src), "-o", str(out), "--report-lang", "en"])
    assert result.exit_code == 1
    assert "error: " in result.stderr and "broken.json" in result.stderr
    assert "3 calls scored, 1 failed" in result.stderr
    with (out / "errors.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 1 and rows[0]["file"].endswith("broken.json") and rows[0]["reason"]
    assert len(pd.read_csv(out / "calls.csv")) == 3
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# Coaching report")


def test_nothing_scored_exits_1_and_keeps_old_outputs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "broken.json").write_text("{", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("yesterday", encoding="utf-8")
    result = runner.invoke(app, ["score", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert "nothing scored" in result.stderr
    assert (out / "report.html").read_text(encoding="utf-8") == "yesterday"
    assert (out / "errors.csv").is_file()


def test_ctrl_c_leaves_yesterdays_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import verbalkit.scoring.engine as engine

    src = _folder(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "results.jsonl").write_text("yesterday\n", encoding="utf-8")
    real = engine.score_many

    def interrupted(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for n, item in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if n == 1:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(engine, "score_many", interrupted)
    result = runner.invoke(app, ["score", str(src), "-o", str(out)])
    assert result.exit_code == 130
    assert "interrupted: 1 calls scored" in result.stderr
    assert (out / "results.jsonl").read_text(encoding="utf-8") == "yesterday\n"
    assert (out / "results.jsonl.partial").read_text(encoding="utf-8").count("\n") == 1
    assert not (out / "report.html").exists()


def test_load_results_gives_back_what_score_wrote(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    out = tmp_path / "out"
    assert runner.invoke(app, ["score", str(src), "-o", str(out), "-q"]).exit_code == 0
    loaded = verbalkit.load_results(out)
    fresh = verbalkit.score_folder(src)
    assert sorted(s.call_id for s in loaded.scored) == sorted(s.call_id for s in fresh.scored)
    a = loaded.calls.sort_values("call_id").reset_index(drop=True)
    b = fresh.calls.sort_values("call_id").reset_index(drop=True)
    pd.testing.assert_series_equal(a["overall"], b["overall"])
    assert list(loaded.events.columns) == list(fresh.events.columns)
    assert "details" in loaded.events.columns
    assert {"team", "started_at", "source"} <= set(loaded.events.columns)
    written = pd.read_parquet(out / "calls.parquet").sort_values("call_id").reset_index(drop=True)
    assert list(written["overall"]) == list(b["overall"])


def test_load_results_errors_name_the_folder(tmp_path: Path) -> None:
    with pytest.raises(verbalkit.VerbalkitError, match=r"no results\.jsonl here"):
        verbalkit.load_results(tmp_path)
    (tmp_path / "results.jsonl").write_text('{"call_id": 1}\n', encoding="utf-8")
    with pytest.raises(
        verbalkit.VerbalkitError, match=r"results\.jsonl: line 1: not a scored call"
    ):
        verbalkit.load_results(tmp_path)


def test_examples_show_the_moment_with_context(tmp_path: Path) -> None:
    results = verbalkit.score_folder(_folder(tmp_path))
    ex = results.examples("premature_solution", n=5, context=1)
    assert len(ex) >= 1
    text = str(ex)
    assert "▶" in text
    moment_rows = ex.frame[ex.frame["is_moment"]]
    assert len(moment_rows) == len(ex)
    # The lines around it are there (context 1: up to three lines per example).
    assert len(ex.frame) > len(ex)
    sym = results.examples("open_question", agent="a-kim", n=1, context=0)
    assert len(sym) == 1 and sym.frame.iloc[0]["agent_id"] == "a-kim"
    assert "no examples" in str(results.examples("give_away", agent="nobody"))
    html = ex._repr_html_()
    assert html.startswith("<pre>")


def test_python_m_verbalkit_works() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "verbalkit", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith("verbalkit ")
