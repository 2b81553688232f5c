"""Spoken and written digit runs."""

from __future__ import annotations

import pytest

from verbalkit.privacy.spoken import number_runs

CASES = [
    ("sv", "ring 070-123 45 67 nu", ["0701234567"]),
    ("sv", "noll sju noll dubbel fem sex sju åtta nio noll", ["0705567890"]),
    ("sv", "noll sju sex trippel två fyra", ["0762224"]),
    ("sv", "åttiofem noll tre tolv", ["850312"]),
    ("sv", "nittonhundrafemtiofem noll sex noll sju", ["19550607"]),
    ("sv", "det blir tvåhundranittionio kronor", ["299"]),
    ("sv", "Farmor har 240314+8469.", ["2403148469"]),
    ("en", "oh seven seven double oh nine double oh one two three", ["07700900123"]),
    ("en", "two hundred and five park avenue", ["205"]),
    ("en", "eleven twenty two thirty three", ["112233"]),
    ("en", "forty two wallaby way", ["42"]),
    ("en", "+44 (0)20 7946 0321", ["4402079460321"]),
    ("en", "(555) 123-4567", ["5551234567"]),
    ("en", "oh I see, it was 12. 45 people came", ["0", "12", "45"]),  # a lone "oh": one digit
]


@pytest.mark.parametrize(
    ("lang", "text", "digits"), CASES, ids=[f"{c[0]}-{c[1][:20]}" for c in CASES]
)
def test_runs(lang: str, text: str, digits: list[str]) -> None:
    assert [r.digits for r in number_runs(text, lang)] == digits


def test_run_offsets_and_plus() -> None:
    text = "numret är +46 70 123 45 67."
    (run,) = number_runs(text, "sv")
    assert run.plus
    assert text[run.start : run.end] == "+46 70 123 45 67"
    assert run.groups == ["46", "70", "123", "45", "67"]
