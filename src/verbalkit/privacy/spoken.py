"""Numbers as callers say them: "noll sju tre", "double five", "åttiofem", "forty two".

:func:`number_runs` finds runs of written digits ("070-123 45 67") or spoken number words
("oh seven seven double oh nine") and turns each into its digit string, keeping the
offsets, so recognisers can apply the same checks to both.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_SV_UNITS = {
    "noll": 0, "nolla": 0, "ett": 1, "en": 1, "etta": 1, "två": 2, "tvåa": 2, "tre": 3,
    "trea": 3, "fyra": 4, "fyran": 4, "fem": 5, "femma": 5, "sex": 6, "sexa": 6, "sju": 7,
    "sjua": 7, "åtta": 8, "åttа": 8, "nio": 9, "nia": 9,
}  # fmt: skip
_SV_TEENS = {
    "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
    "sexton": 16, "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19,
}  # fmt: skip
_SV_TENS = {
    "tjugo": 20, "tjugu": 20, "trettio": 30, "tretti": 30, "fyrtio": 40, "förti": 40,
    "fyrti": 40, "femtio": 50, "femti": 50, "sextio": 60, "sexti": 60, "sjuttio": 70,
    "sjutti": 70, "åttio": 80, "åtti": 80, "nittio": 90, "nitti": 90,
}  # fmt: skip
_EN_UNITS = {
    "zero": 0, "oh": 0, "o": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_EN_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_REPEAT = {"dubbel": 2, "dubbla": 2, "double": 2, "trippel": 3, "tripple": 3, "triple": 3}
_HUNDRED = {"hundra", "hundred"}
_AND = {"och", "and"}

# Token kinds: "u" 0-9, "t" 10-19, "x" tens, "h" hundred, "r" repeat, "a" and, "d" a digit
# string (written or a Swedish compound word already resolved to its digits).
_Token = tuple[str, str, int, int]  # kind, value, start, end


def _sv_compounds() -> dict[str, str]:
    """Swedish compound number words: "åttiofem" -> "85", "nittonhundrafemtiofem" -> "1955"."""
    below_100: dict[str, int] = {}
    for tw, tv in _SV_TENS.items():
        for uw, uv in _SV_UNITS.items():
            if uv and uw not in ("en", "etta", "tvåa", "trea", "fyran", "femma", "sexa"):
                below_100[tw + uw] = tv + uv
    out = {w: str(v) for w, v in below_100.items()}
    tails = below_100 | _SV_TENS | _SV_TEENS | {k: v for k, v in _SV_UNITS.items() if v}
    for head, hv in (("nittonhundra", 19), ("tjugohundra", 20)):
        out[head] = str(hv * 100)
        for tw, tv in tails.items():
            out[head + tw] = str(hv * 100 + tv)
    for uw, uv in (("ett", 1), ("en", 1), ("två", 2), ("tre", 3), ("fyra", 4), ("fem", 5),
                   ("sex", 6), ("sju", 7), ("åtta", 8), ("nio", 9), ("", 1)):  # fmt: skip
        out[uw + "hundra"] = str(uv * 100)
        for tw, tv in tails.items():
            out[uw + "hundra" + tw] = str(uv * 100 + tv)
    return out


@functools.cache
def vocabulary(lang: str) -> dict[str, tuple[str, str]]:
    """Spoken number words of a language: word -> (token kind, value)."""
    vocab: dict[str, tuple[str, str]] = {}
    units, teens, tens = (
        (_SV_UNITS, _SV_TEENS, _SV_TENS) if lang == "sv" else (_EN_UNITS, _EN_TEENS, _EN_TENS)
    )
    for w, v in units.items():
        vocab[w] = ("u", str(v))
    for w, v in teens.items():
        vocab[w] = ("t", str(v))
    for w, v in tens.items():
        vocab[w] = ("x", str(v))
    if lang == "sv":
        for w, digits in _sv_compounds().items():
            vocab.setdefault(w, ("d", digits))
    for w in _HUNDRED:
        vocab[w] = ("h", "")
    for w, n in _REPEAT.items():
        vocab[w] = ("r", str(n))
    for w in _AND:
        vocab[w] = ("a", "")
    return vocab


@dataclass(frozen=True)
class NumberRun:
    """A run of digits, written or spoken, with offsets into the text."""

    start: int
    end: int
    digits: str
    spoken: bool
    plus: bool  # "+46 ..." or "plus fyrtiosex ..."
    raw: str  # text[start:end]

    @property
    def groups(self) -> list[str]:
        """The written digit groups ("070-123 45 67" -> ["070", "123", "45", "67"])."""
        return re.findall(r"\d+", self.raw)


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_WRITTEN_GAP = re.compile(r"[ \t]*(?:[-–./+][ \t]*)?|[ \t]*\)?[ \t]*\(?[ \t]*[-–.]?[ \t]*")
_SPOKEN_GAP = re.compile(r"[ \t]*(?:[,\-–][ \t]*)?")
_ALNUM_ID = re.compile(r"[A-Za-z]{1,4}\d+")
#: A separator said inside a spoken number: "eight five oh three one two dash nine ...".
_SPOKEN_DASH = frozenset(["dash", "hyphen", "streck", "bindestreck"])


def _fold(tokens: list[_Token]) -> str:
    """Digits of a spoken run: "double oh" -> "00", "forty two" -> "42", "two hundred and five" -> "205"."""
    out: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        kind, value, _, _ = tokens[i]
        nxt = tokens[i + 1] if i + 1 < n else None
        if kind == "r" and nxt is not None and nxt[0] in "ud":
            out.append(nxt[1] * int(value))
            i += 2
            continue
        if kind == "u" and nxt is not None and nxt[0] == "h":
            total = int(value) * 100
            j = i + 2
            if j < n and tokens[j][0] == "a":
                j += 1
            if j < n and tokens[j][0] == "x":
                total += int(tokens[j][1])
                j += 1
                if j < n and tokens[j][0] == "u" and tokens[j][1] != "0":
                    total += int(tokens[j][1])
                    j += 1
            elif j < n and tokens[j][0] in "tu":
                total += int(tokens[j][1])
                j += 1
            out.append(str(total))
            i = j
            continue
        if kind == "x" and nxt is not None and nxt[0] == "u" and nxt[1] != "0":
            out.append(str(int(value) + int(nxt[1])))
            i += 2
            continue
        if kind in "utxd":
            out.append(value)
        i += 1
    return "".join(out)


def number_runs(text: str, lang: str) -> list[NumberRun]:
    """Runs of written digits or spoken number words in ``text``.

    >>> [(r.digits, r.spoken) for r in number_runs("ring 070-123 45 67", "sv")]
    [('0701234567', False)]
    >>> [r.digits for r in number_runs("oh seven seven double oh nine", "en")]
    ['077009']
    """
    vocab = vocabulary(lang)
    runs: list[NumberRun] = []
    current: list[_Token] = []
    spoken = False

    def flush() -> None:
        nonlocal current
        # Drop leading/trailing connectors ("and", a bare "double") that carry no digit.
        while current and current[-1][0] in "ar":
            current.pop()
        while current and current[0][0] == "a":
            current.pop(0)
        if current:
            start, end = current[0][2], current[-1][3]
            digits = "".join(t[1] for t in current) if not spoken else _fold(current)
            plus = False
            k = start - 1
            while k >= 0 and text[k] in " \t":
                k -= 1
            if k >= 0 and text[k] == "+":
                plus, start = True, k
            elif (
                spoken
                and k >= 3
                and text[k - 3 : k + 1].lower() == "plus"
                and (k < 4 or not text[k - 4].isalnum())
            ):
                plus, start = True, k - 3  # "plus fyrtiosex sju noll ...", "plus four four"
            elif k >= 0 and text[k] == "(" and ")" in text[start:end]:
                start = k
            if digits:
                runs.append(NumberRun(start, end, digits, spoken, plus, text[start:end]))
        current = []

    for m in _WORD.finditer(text):
        word = m.group()
        if word.isdigit():
            kind, value, is_spoken = "d", word, False
        elif lang == "en" and word in ("O", "o") and not current:
            continue  # a lone "o" is not a number; inside a run it is "oh"
        else:
            found = vocab.get(word.lower())
            if found is None and current and spoken and word.lower() in _SPOKEN_DASH:
                found = ("a", "")  # a connector: dropped when nothing follows it
            if found is None:
                if word.lower() == "plus" and not current:
                    continue
                flush()
                continue
            (kind, value), is_spoken = found, True
        if current:
            gap = text[current[-1][3] : m.start()]
            pattern = _SPOKEN_GAP if spoken else _WRITTEN_GAP
            if is_spoken != spoken or not pattern.fullmatch(gap) or "\n" in gap:
                flush()
            elif not spoken and gap.strip() == "." and m.start() - current[-1][3] > 1:
                flush()  # "ja. 123": a sentence end, not a separator
        if not current:
            spoken = is_spoken
            if kind == "a":
                continue
        current.append((kind, value, m.start(), m.end()))
    flush()
    return _join_mixed(runs, text) if len(runs) > 1 else runs


def _join_mixed(runs: list[NumberRun], text: str) -> list[NumberRun]:
    """Join a spoken run and a written one said as one number: "noll sju noll 123 45 67".

    Only with a plain space between them and at least two digits on the spoken side, so
    "sex 070-nummer" or "one 500 pound bill" stay apart.
    """
    out = [runs[0]]
    for run in runs[1:]:
        prev = out[-1]
        spoken = prev if prev.spoken else run
        if (
            prev.spoken != run.spoken
            and text[prev.end : run.start] == " "
            and len(spoken.digits) >= 2
            and not run.plus
        ):
            out[-1] = NumberRun(
                prev.start,
                run.end,
                prev.digits + run.digits,
                True,
                prev.plus,
                text[prev.start : run.end],
            )
        else:
            out.append(run)
    return out
