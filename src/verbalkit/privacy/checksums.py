"""Check digits: Luhn (cards, personnummer, bankgiro, plusgiro) and IBAN mod 97."""

from __future__ import annotations

import datetime as dt

#: IBAN lengths per country (the ones callers of Swedish and UK lines meet most).
IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22,
    "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23,
    "GL": 18, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21,
    "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28,
    "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26, "UA": 29,
}  # fmt: skip


def luhn_ok(digits: str) -> bool:
    """True when a digit string passes the Luhn (mod 10) check.

    >>> luhn_ok("4111111111111111"), luhn_ok("4111111111111112")
    (True, False)
    """
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def personnummer_ok(digits: str, *, check_luhn: bool = True) -> bool:
    """True for a Swedish personnummer or samordningsnummer (day + 60), 10 or 12 digits.

    The date must exist and, with ``check_luhn``, the last digit must be the Luhn check
    digit of the ten-digit form.

    >>> personnummer_ok("8503123310"), personnummer_ok("197305620960")
    (True, True)
    >>> personnummer_ok("8503123311"), personnummer_ok("5566778899")
    (False, False)
    """
    if not digits.isdigit() or len(digits) not in (10, 12):
        return False
    if len(digits) == 12:
        if digits[:2] not in ("18", "19", "20"):
            return False
        year = int(digits[:4])
        digits = digits[2:]
    else:
        year = 2000 + int(digits[:2])  # any century will do for the date check but Feb 29
    month, day = int(digits[2:4]), int(digits[4:6])
    if day > 60:
        day -= 60
    if not (_valid_date(year, month, day) or _valid_date(year - 100, month, day)):
        return False
    return luhn_ok(digits) if check_luhn else True


def iban_ok(text: str) -> bool:
    """True when ``text`` (spaces allowed, any case) is an IBAN with a valid mod-97 check.

    >>> iban_ok("GB82 WEST 1234 5698 7654 32"), iban_ok("SE45 5000 0000 0583 9825 7467")
    (True, False)
    """
    s = "".join(text.split()).upper()
    if len(s) < 15 or not s.isalnum() or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    expected = IBAN_LENGTHS.get(s[:2])
    if expected is not None and len(s) != expected:
        return False
    rearranged = s[4:] + s[:4]
    try:
        number = int("".join(str(int(c, 36)) for c in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def giro_ok(digits: str) -> bool:
    """True for a Swedish bankgiro (7–8 digits) or plusgiro (2–8 digits) number: Luhn."""
    return 2 <= len(digits) <= 8 and luhn_ok(digits)
