"""The word lists in models/{sv,en}/privacy.yaml load, and bad files fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from verbalkit.errors import RulePackError
from verbalkit.privacy import load_lexicon, read_lexicon


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_builtin_lexicon_loads(lang: str) -> None:
    lex = load_lexicon(lang)
    assert lex.language == lang
    assert len(lex.names.first_names) >= 200
    assert lex.names.strong_cues and lex.addresses.street_suffixes and lex.cues.negative
    assert all(p == p.lower() for p in lex.names.first_names)


def test_bad_key_names_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "privacy.yaml"
    path.write_text(
        "language: sv\nversion: '1'\nnames: {strong_cues: jag heter}\naddresses: {}\ncues: {}\n",
        encoding="utf-8",
    )
    with pytest.raises(RulePackError, match=r"privacy\.yaml: names\.strong_cues: must be a list"):
        read_lexicon(path)


def test_unknown_key(tmp_path: Path) -> None:
    path = tmp_path / "privacy.yaml"
    path.write_text(
        "language: sv\nversion: '1'\nnames: {}\naddresses: {}\ncues: {telefon: [x]}\n",
        encoding="utf-8",
    )
    with pytest.raises(RulePackError, match=r"cues\.telefon"):
        read_lexicon(path)


def test_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "privacy.yaml"
    path.write_text("names: [unclosed\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="cannot read"):
        read_lexicon(path)
