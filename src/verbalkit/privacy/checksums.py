"""Check digits: Luhn (cards, personnummer, bankgiro, plusgiro) and IBAN mod 97."""

from __future__ import annotations

import datetime as dt

#: IBAN lengths per country: the ISO 13616 registry (SWIFT, release 2024), every country.
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24,
    "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27,
    "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20,
    "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
    "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
    "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    "YE": 30,
}  # fmt: skip


def iban_shaped(text: str) -> bool:
    """True when ``text`` has a registered country code, two check digits and that
    country's length (the check digits themselves may be wrong: a mis-said IBAN)."""
    s = "".join(text.split()).upper()
    return (
        s[:2] in IBAN_LENGTHS
        and len(s) == IBAN_LENGTHS[s[:2]]
        and s[2:4].isdigit()
        and s.isalnum()
        and sum(ch.isdigit() for ch in s[4:]) >= (len(s) - 4) // 2
    )


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
    if expected is None or len(s) != expected:
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


#: Swedish clearing-number ranges (Swedish Bankers' Association list): first, last clearing
#: number, and the allowed lengths of the account number written after it. Type-1 accounts
#: have 7 digits after the clearing number; Handelsbanken 9; Nordea personkonto (3300,
#: 3782), Plusgirot, Sparbanken Syd and Riksgälden 10; Swedbank's 8xxx-x clearing numbers
#: (five digits, the fifth a check digit) up to 10.
CLEARING_RANGES: tuple[tuple[int, int, tuple[int, ...]], ...] = (
    (1100, 1199, (7,)),  # Nordea
    (1200, 1399, (7,)),  # Danske Bank
    (1400, 2099, (7,)),  # Nordea
    (2300, 2399, (7,)),  # Ålandsbanken
    (2400, 2499, (7,)),  # Danske Bank
    (3000, 3299, (7,)),  # Nordea
    (3300, 3300, (10,)),  # Nordea personkonto (the account number is a personnummer)
    (3301, 3399, (7,)),  # Nordea
    (3400, 3409, (7,)),  # Länsförsäkringar Bank
    (3410, 3781, (7,)),  # Nordea
    (3782, 3782, (10,)),  # Nordea personkonto
    (3783, 3999, (7,)),  # Nordea
    (4000, 4999, (7,)),  # Nordea
    (5000, 5999, (7,)),  # SEB
    (6000, 6999, (8, 9)),  # Handelsbanken
    (7000, 7999, (7,)),  # Swedbank
    (8000, 8999, (6, 7, 8, 9, 10)),  # Swedbank, 5-digit clearing 8xxx-x
    (9020, 9029, (7,)),  # Länsförsäkringar Bank
    (9040, 9049, (7,)),  # Citibank
    (9060, 9069, (7,)),  # Länsförsäkringar Bank
    (9100, 9109, (7,)),  # Nordnet Bank
    (9120, 9124, (7,)),  # SEB
    (9130, 9149, (7,)),  # SEB
    (9150, 9169, (7,)),  # Skandiabanken
    (9170, 9179, (7,)),  # Ikano Bank
    (9180, 9189, (10,)),  # Danske Bank
    (9190, 9199, (7,)),  # DNB
    (9230, 9239, (7,)),  # Marginalen
    (9250, 9259, (7,)),  # SBAB
    (9260, 9269, (7,)),  # DNB
    (9270, 9279, (7,)),  # ICA Banken
    (9280, 9289, (7,)),  # Resurs Bank
    (9300, 9349, (10,)),  # Swedbank (Sparbanken Öresund)
    (9390, 9399, (7,)),  # Landshypotek
    (9400, 9449, (7,)),  # Forex Bank
    (9460, 9469, (7,)),  # Santander Consumer Bank
    (9470, 9479, (7,)),  # BNP Paribas
    (9500, 9549, (7, 8, 9, 10)),  # Nordea / Plusgirot
    (9550, 9569, (7,)),  # Avanza Bank
    (9570, 9579, (10,)),  # Sparbanken Syd
    (9590, 9599, (7,)),  # Erik Penser
    (9630, 9639, (7,)),  # Lån & Spar Bank
    (9640, 9649, (7,)),  # Nordax Bank
    (9660, 9669, (7,)),  # Svea Bank
    (9670, 9679, (7,)),  # JAK Medlemsbank
    (9680, 9689, (7,)),  # Bluestep
    (9700, 9709, (7,)),  # Ekobanken
    (9750, 9759, (7,)),  # Northmill
    (9780, 9789, (7,)),  # Klarna Bank
    (9880, 9899, (10,)),  # Riksgälden
    (9960, 9969, (7, 8, 9, 10)),  # Nordea / Plusgirot
)


def clearing_account_lengths(clearing: str) -> tuple[int, ...]:
    """The account-number lengths a Swedish clearing number allows; () when it is unknown.

    Four digits, or five for Swedbank's 8xxx-x form.

    >>> clearing_account_lengths("5000"), clearing_account_lengths("83279")
    ((7,), (6, 7, 8, 9, 10))
    >>> clearing_account_lengths("0701"), clearing_account_lengths("9999")
    ((), ())
    """
    if not clearing.isdigit() or len(clearing) not in (4, 5):
        return ()
    if len(clearing) == 5 and clearing[0] != "8":
        return ()
    value = int(clearing[:4])
    for first, last, lengths in CLEARING_RANGES:
        if first <= value <= last:
            return lengths
    return ()
