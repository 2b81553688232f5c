"""A declared language the text contradicts: a warning naming both, an error with --strict."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from verbalkit.cli import app
from verbalkit.errors import TranscriptError
from verbalkit.io import read
from verbalkit.io.language import detect_language

REPO = Path(__file__).resolve().parents[2]

# Invented calls, long enough to tell.
ENGLISH = (
    "Agent: Good afternoon, you're through to Harbour Bank, this is Ellie. How can I help?\n"
    "Customer: Hi, I'm abroad and my card keeps getting declined, I couldn't pay for the "
    "hotel last night and I told you before I left that I was travelling.\n"
    "Agent: I'm sorry, that sounds really stressful. Let me have a look at your card now.\n"
)
SWEDISH = (
    "Agent: Välkommen till Elbolaget, du pratar med Karin. Vad kan jag hjälpa dig med?\n"
    "Kund: Hej, jag har fått en faktura som är mycket högre än vanligt och jag förstår inte "
    "varför, vi har inte använt mer el än förut.\n"
    "Agent: Det förstår jag att du undrar över. Jag tittar på din mätare med en gång.\n"
)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "declared", "reads_as"), [(ENGLISH, "sv", "en"), (SWEDISH, "en", "sv")]
)
def test_declared_language_contradicted_warns(
    tmp_path: Path, text: str, declared: str, reads_as: str
) -> None:
    path = _write(tmp_path / "call.txt", text)
    call = read(path, language=declared)
    assert call.language == declared  # the user's word stands; the warning says it is odd
    info = call.language_info
    assert info is not None and info.source == "declared"
    (warning,) = [w for w in call.warnings if w.startswith("language:")]
    share = detect_language([text]).contradicts(declared)
    assert share is not None and share[0] == reads_as and share[1] >= 0.8
    assert warning == (
        f"language: declared {declared} but the text reads as {reads_as} ({share[1]:.2f}); "
        f"analysed as {declared}: check --lang (language=)"
    )


def test_declared_language_contradicted_is_an_error_with_strict(tmp_path: Path) -> None:
    path = _write(tmp_path / "call.txt", ENGLISH)
    with pytest.raises(TranscriptError) as info:
        read(path, language="sv", strict=True)
    message = str(info.value)
    assert "declared sv but the text reads as en" in message
    assert "[--strict: warnings are errors]" in message


def test_file_field_contradicted(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    lines = ["call_id,language,speaker,text"]
    for line in ENGLISH.strip().splitlines():
        label, text = line.split(": ", 1)
        lines.append(f'c1,sv-SE,{label},"{text}"')
    _write(path, "\n".join(lines) + "\n")
    call = read(path)
    assert call.language == "sv"
    assert any(
        w.startswith("language: declared sv but the text reads as en")
        and w.endswith("check the file's language field")
        for w in call.warnings
    ), call.warnings


def test_validate_lang_strict_fails_the_call(tmp_path: Path) -> None:
    path = _write(tmp_path / "call.txt", ENGLISH)
    runner = CliRunner()
    lenient = runner.invoke(app, ["validate", str(path), "--lang", "sv"])
    assert lenient.exit_code == 0, lenient.output
    assert "declared sv but the text reads as en" in lenient.stderr
    strict = runner.invoke(app, ["validate", str(path), "--lang", "sv", "--strict"])
    assert strict.exit_code != 0
    assert "error:" in strict.stderr and "declared sv but the text reads as en" in strict.stderr


@pytest.mark.parametrize(("text", "declared"), [(ENGLISH, "en"), (SWEDISH, "sv")])
def test_correct_declaration_does_not_warn(tmp_path: Path, text: str, declared: str) -> None:
    call = read(_write(tmp_path / "call.txt", text), language=declared)
    assert call.warnings == []


def test_too_little_text_is_not_a_contradiction(tmp_path: Path) -> None:
    call = read(
        _write(tmp_path / "call.txt", "Agent: Hello, how can I help?\nKund: Hi.\n"), language="sv"
    )
    assert not [w for w in call.warnings if w.startswith("language: declared")]


def test_no_false_warnings_on_the_examples_and_fixtures() -> None:
    result = CliRunner().invoke(
        app, ["validate", str(REPO / "examples"), str(REPO / "tests" / "fixtures")]
    )
    assert "language: declared" not in result.stderr
    assert "role rules disagree" not in result.stderr
    assert "roles guessed from who spoke first" not in result.stderr
