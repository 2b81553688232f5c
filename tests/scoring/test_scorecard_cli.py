"""`verbalkit scorecard show` and `verbalkit scorecard check`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from verbalkit.cli import app

runner = CliRunner()

GOOD = """
name: acme
version: 3
description: {sv: "Acmes kort.", en: "Acme's card."}
stages:
  - id: listen
    name: {sv: Lyssna, en: Listen}
    description: {sv: "Lyssna först.", en: "Listen first."}
    weight: 1
    applies: {customer: [problem]}
    indicators:
      - id: open
        name: {sv: "Öppen fråga", en: "Open question"}
        behaviour: open_question
        direction: for
        target: 1
        weight: 1
"""


def test_show_default_in_both_languages() -> None:
    en = runner.invoke(app, ["scorecard", "show"])
    assert en.exit_code == 0, en.output
    assert "LUSTFULL@" in en.stdout
    assert "1. Listen [lyssna]" in en.stdout and "8. Follow up [folj_upp]" in en.stdout
    assert "premature_solution (events) ≤ 0, 0 at 1" in en.stdout
    sv = runner.invoke(app, ["scorecard", "show", "--lang", "sv"])
    assert sv.exit_code == 0
    assert "1. Lyssna [lyssna]" in sv.stdout
    assert "gäller när: kunden visar emotion eller problem" in sv.stdout


def test_show_and_check_a_file(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(GOOD, encoding="utf-8")
    shown = runner.invoke(app, ["scorecard", "show", str(path)])
    assert shown.exit_code == 0
    assert "acme@3" in shown.stdout and "applies when: customer shows problem" in shown.stdout
    checked = runner.invoke(app, ["scorecard", "check", str(path)])
    assert checked.exit_code == 0
    assert checked.stdout.strip() == f"{path}: ok: acme@3, 1 stages, 1 indicators"


def test_check_names_file_key_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(GOOD.replace("weight: 1\n    applies", "weight: 0\n    applies"), "utf-8")
    result = runner.invoke(app, ["scorecard", "check", str(path)])
    assert result.exit_code == 1
    assert f"error: {path}: stages[0].weight: must be > 0" in result.output
    assert "Traceback" not in result.output
    missing = runner.invoke(app, ["scorecard", "check", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 1
    assert "nope.yaml: no such file" in missing.output
