"""`--redact`: no planted personal datum survives in any output of `score` or `analyze`.

The dev calls (shared data) get personal data planted in their customer and agent turns,
in the forms callers use: written, grouped, spoken in ASR lower case. Every file
`verbalkit score --redact` writes is then searched for every planted value (Parquet
decoded, HTML unescaped), and tags must still quote exactly the text they point at.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import verbalkit
from verbalkit.cli import app

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "calls"

#: (customer line, values that must not appear in any output)
PLANTED = {
    "sv": [
        (
            "Jag heter Karin Lindqvist och mitt personnummer är 19850312-2384.",
            ["Lindqvist", "19850312-2384", "850312-2384"],
        ),
        (
            "Ni når mig på 070-123 45 67 eller karin.lindqvist@exempel.se.",
            ["070-123 45 67", "karin.lindqvist@exempel.se"],
        ),
        ("Jag bor på Storgatan 12, 123 45 Uppsala.", ["Storgatan 12"]),
        (
            "Kortet är 4111 1111 1111 1111 och kontot SE45 5000 0000 0583 9825 7466.",
            ["4111 1111 1111 1111", "SE45 5000 0000 0583 9825 7466"],
        ),
        (
            "mitt nummer är noll sju noll ett två tre fyra fem sex sju",
            ["noll sju noll ett två tre fyra fem sex sju"],
        ),
    ],
    "en": [
        (
            "My name is Oliver Bennett, my National Insurance number is QQ 12 34 56 C.",
            ["Bennett", "QQ 12 34 56 C"],
        ),
        (
            "You can reach me on 07700 900123 or oliver.bennett@example.co.uk.",
            ["07700 900123", "oliver.bennett@example.co.uk"],
        ),
        ("I live at 221B Baker Street, London NW1 6XE.", ["221B Baker Street", "NW1 6XE"]),
        ("The card is 5500 0000 0000 0004.", ["5500 0000 0000 0004"]),
        ("its oliver dot bennett at gmail dot com", ["oliver dot bennett at gmail dot com"]),
    ],
}


def _planted_calls(folder: Path) -> list[str]:
    """Copy the dev calls into ``folder`` with personal data in their turns; the values."""
    values: list[str] = []
    for path in sorted(SHARED.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        lang = "sv" if path.name.startswith("sv") else "en"
        lines = PLANTED[lang]
        utts = data["utterances"] if isinstance(data, dict) else data
        customer = [u for u in utts if str(u.get("speaker", "")).lower().startswith("c")]
        for i, u in enumerate(customer[: len(lines)]):
            line, vals = lines[i]
            u["text"] = f"{u['text']} {line}"
            values += vals
        agent = [u for u in utts if str(u.get("speaker", "")).lower().startswith("a")]
        if agent and len(customer) > 0:
            # The agent repeats the caller's name later in the call, without a cue.
            name = "Karin" if lang == "sv" else "Oliver"
            agent[-1]["text"] = f"Tack {name}! {agent[-1]['text']}"
            values.append(f"Tack {name}")
        (folder / path.name).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return sorted(set(values))


def _all_text(out: Path) -> str:
    import pyarrow.parquet as pq

    parts = []
    for f in sorted(out.iterdir()):
        if f.suffix == ".parquet":
            parts.append(json.dumps(pq.read_table(f).to_pylist(), default=str, ensure_ascii=False))
        else:
            parts.append(html.unescape(f.read_text("utf-8")))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    if not SHARED.is_dir():
        pytest.skip(f"dev calls not found at {SHARED} (../shared/data is not beside the project)")
    folder = tmp_path_factory.mktemp("planted")
    return folder, _planted_calls(folder)


def test_planted_values_are_in_the_input(planted: tuple[Path, list[str]]) -> None:
    folder, values = planted
    text = "\n".join(p.read_text("utf-8") for p in folder.iterdir())
    assert len(values) >= 15 and all(v in text for v in values)


def test_score_redact_leaves_no_planted_value(
    planted: tuple[Path, list[str]], tmp_path: Path
) -> None:
    folder, values = planted
    out = tmp_path / "scored"
    result = CliRunner().invoke(app, ["score", str(folder), "--out", str(out), "--redact", "-q"])
    assert result.exit_code == 0, result.output
    text = _all_text(out)
    leaked = [v for v in values if v.lower() in text.lower()]
    assert not leaked
    for kind in ("NAME", "PERSONNUMMER", "PHONE", "EMAIL", "CARD", "IBAN", "ADDRESS"):
        assert f"[{kind}]" in text
    # Without --redact the same run shows them: the test can fail.
    plain = tmp_path / "plain"
    CliRunner().invoke(app, ["score", str(folder), "--out", str(plain), "-q"])
    assert all(v.lower() in _all_text(plain).lower() for v in values if " at " not in v)


def test_tags_still_quote_their_text(planted: tuple[Path, list[str]]) -> None:
    folder, _ = planted
    for item in verbalkit.analyze_many(verbalkit.read_many(folder), redact=True):
        assert isinstance(item, verbalkit.AnalysedCall)
        for u in item.utterances:
            for t in u.tags:
                assert u.text[t.start : t.end] == t.text


def test_tags_survive_redaction() -> None:
    call = verbalkit.Transcript(
        call_id="c1",
        language="sv",
        utterances=[
            verbalkit.Utterance(
                speaker="customer", text="Hej, jag heter Anna Lindqvist och min faktura är fel."
            ),
            verbalkit.Utterance(
                speaker="agent",
                text="Tack Anna, så fakturan stämmer inte? Vad står det på den?",
            ),
        ],
    )
    plain = verbalkit.analyze(call)
    red = verbalkit.analyze(call, redact=True)
    assert red.utterances[0].text == "Hej, jag heter [NAME] och min faktura är fel."
    assert red.utterances[1].text.startswith("Tack [NAME], så fakturan")
    labels = [[t.label for t in u.tags] for u in plain.utterances]
    assert [[t.label for t in u.tags] for u in red.utterances] == labels
    assert {"thanking", "closed_question"} <= set(labels[1])
    for u in red.utterances:
        for t in u.tags:
            assert u.text[t.start : t.end] == t.text
            assert "Anna" not in t.text


def test_analyze_redact_json(planted: tuple[Path, list[str]]) -> None:
    folder, values = planted
    result = CliRunner().invoke(app, ["analyze", str(folder), "--json", "--redact", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    records: list[dict[str, Any]] = [
        json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")
    ]
    assert len(records) == len(list(folder.glob("*.json")))
    dumped = json.dumps(records, ensure_ascii=False).lower()
    assert not [v for v in values if v.lower() in dumped]
    assert re.search(r"\[(name|phone)\]", dumped)
