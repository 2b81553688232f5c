"""Plain-text transcripts: ``Name: text`` lines, optional timestamps, continuation lines.

Accepted line shapes::

    Agent: Välkommen till Matkassen, du pratar med Sara.
    [00:01:12] Kund: Hej, jag ringer om min leverans.
    00:12 - Customer: Hi, I'm calling about my bill.
    Handläggare [01:05]: Hur kan jag hjälpa dig?
      a line without a prefix continues the previous utterance

``# call_id: sv-0042`` style comment lines at the top set call fields (call_id, agent_id, team,
language, started_at); other ``#`` lines are ignored. The call id defaults to the file stem.
A ``Word:`` prefix counts as a speaker when it is a known role name, appears on two or more
lines, carries a timestamp, or starts the file, so "Så här: ..." in running text stays text.
A label used once ("Supervisor: ...", "Maria Lind: ...") starts a turn too when it looks like
a speaker: a line that is not indented, capitalised words (or a role such as "team leader"),
and not a word that starts notes and prose ("Note:", "Obs:", "Tips:", "Svar:"); the call
gets a warning naming the line, so a wrong guess can be checked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from verbalkit.errors import TranscriptError
from verbalkit.io.raw import RawCall, RawUtterance, parse_time
from verbalkit.io.registry import ReadContext, text_reader
from verbalkit.io.roles import alias_role
from verbalkit.io.source import TextSource
from verbalkit.limits import DEFAULT_LIMITS, Limits

_TS = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_LEADING_TIME = re.compile(
    rf"^\s*(?:\[(?P<s1>{_TS})(?:\s*(?:-|–|-->)\s*(?P<e1>{_TS}))?\]|\(?(?P<s2>{_TS})\)?(?=\s))"
    r"\s*(?:[-–—|]\s+)?"
)
_LABEL = r"(?P<label>[^\W\d_][\w.'’&/ -]{0,30}?)"
# Possessive quantifiers (*+): two runs that can both take the same spaces ("\s*...\s*")
# backtrack quadratically on a long line of spaces without a colon.
_SPEAKER = re.compile(rf"^{_LABEL}\s*+(?:[\[(](?P<s3>{_TS})[\])]\s*+)?:(?:\s+|$)(?P<text>.*)$")
_COMMENT = re.compile(r"^\s*+#[ \t]*+(?P<key>\w[\w \t]*+):(?P<value>.*)$")
_HEADER_FIELDS = ("call_id", "agent_id", "team", "language", "started_at")
MAX_LABEL_WORDS = 3

# First words of "Word: text" lines that are notes, form fields or prose, not speakers.
_NOT_SPEAKERS = frozenset(
    {
        # en
        "note", "nb", "ps", "pps", "fyi", "tip", "tips", "hint", "example", "e.g", "i.e",
        "re", "fwd", "subject", "date", "time", "address", "email", "e-mail", "phone", "tel",
        "mobile", "fax", "order", "case", "ticket", "account", "reference", "ref", "status",
        "total", "sum", "price", "amount", "cost", "warning", "important", "result", "step",
        "answer", "question", "reason", "problem", "issue", "solution", "summary", "update",
        "edit", "number", "name", "comment", "info", "information", "action", "todo", "also",
        "then", "so", "well", "yes", "no", "ok", "okay", "hello", "hi", "thanks", "first",
        "second", "third", "finally", "and", "but", "or", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday",
        # sv
        "obs", "observera", "notera", "exempel", "t.ex", "ämne", "rubrik", "datum", "tid",
        "klockan", "kl", "adress", "e-post", "mejl", "telefon", "telefonnummer", "mobil",
        "ordernummer", "ärende", "ärendenummer", "kundnummer", "konto", "referens", "summa",
        "totalt", "pris", "belopp", "kostnad", "varning", "viktigt", "resultat", "steg", "svar",
        "fråga", "orsak", "anledning", "lösning", "sammanfattning", "uppdatering", "nummer",
        "namn", "personnummer", "kommentar", "anteckning", "åtgärd", "också", "dessutom",
        "alltså", "sen", "sedan", "då", "så", "ja", "nej", "okej", "hej", "tack", "först",
        "och", "men", "eller", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag",
        "söndag", "idag", "imorgon", "igår",
    }
)  # fmt: skip
# Words that make a lower-case label a speaker ("Team leader:", "Kundens fru:").
_ROLE_WORDS = frozenset(
    {
        "supervisor", "leader", "lead", "manager", "colleague", "technician", "engineer",
        "interpreter", "nurse", "doctor", "officer", "specialist", "wife", "husband",
        "partner", "mother", "father", "daughter", "son", "neighbour", "neighbor", "friend",
        "handledare", "chef", "teamledare", "arbetsledare", "gruppledare", "kollega",
        "tekniker", "tolk", "sjuksköterska", "läkare", "fru", "make", "maka", "sambo", "mamma",
        "pappa", "dotter", "granne", "vän",
    }
)  # fmt: skip
# Lower-case words inside names: "Ludwig van Beethoven", "Anna af Klint".
_NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "af", "la", "le", "di", "da"})


@dataclass(slots=True)
class _Line:
    number: int
    label: str | None
    text: str
    start: float | None
    end: float | None
    indented: bool = False
    problem: str | None = None
    """A timestamp that is not a time, for the error."""


def looks_like_text(head: str) -> bool:
    """True when most of the first non-blank lines start with ``Name:`` (after a timestamp)."""
    lines = [
        line for line in head.split("\n")[:40] if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        return False
    labelled = sum(1 for line in lines if _parse_line(0, line).label is not None)
    return labelled >= max(1, len(lines) // 3)


def _recognise(head: str) -> float:
    return 0.6 if looks_like_text(head) else 0.0


@text_reader(
    "text",
    title="plain text",
    recognise=_recognise,
    extensions=(".txt", ".text"),
    aliases=("txt", "plain"),
    order=4,
)
def read_plain_text(src: TextSource, ctx: ReadContext) -> Iterator[RawCall]:
    """The one call in a plain-text transcript, within ``limits.max_file_bytes``."""
    # One call per file, held in memory while it is parsed: bounded by the file size.
    src.limit_size(ctx.limits.max_file_bytes, "a plain-text transcript is read as one call")
    return read_text(src, ctx.limits)


def read_text(src: TextSource, limits: Limits = DEFAULT_LIMITS) -> Iterator[RawCall]:
    """The one call in a plain-text transcript.

    Raises:
        TranscriptError: For a file without speaker lines, text before the first speaker, or
            a timestamp that is not a time.
    """
    fields: dict[str, str] = {}
    parsed: list[_Line] = []
    in_header = True
    for number, line in src.lines():
        if not line.strip():
            continue
        comment = _COMMENT.match(line) if line.lstrip().startswith("#") else None
        if line.lstrip().startswith("#"):
            key = comment.group("key").strip().lower().replace(" ", "_") if comment else ""
            if in_header and comment and key in _HEADER_FIELDS:
                fields[key] = comment.group("value").strip()
            continue
        in_header = False
        p = _parse_line(number, line, limits)
        if p.problem is not None:
            raise TranscriptError(src.name, p.problem, where=f"line {number}")
        parsed.append(p)
    if not parsed:
        raise TranscriptError(src.name, "no 'Speaker: text' lines found")
    counts = Counter(p.label.lower() for p in parsed if p.label)
    utterances: list[RawUtterance] = []
    # Continuation lines are collected and joined once: adding each to a growing string
    # is quadratic in the length of a turn.
    more_text: list[list[str]] = []
    warnings: list[str] = []
    for i, p in enumerate(parsed):
        is_turn = p.label is not None and (
            counts[p.label.lower()] >= 2
            or alias_role(p.label) is not None
            or p.start is not None
            or i == 0
        )
        if not is_turn and p.label is not None and _looks_like_speaker(p):
            # Merging it into the previous turn would hide a third voice (a supervisor, a
            # named person) inside someone else's words; a new turn, flagged, is safer.
            is_turn = True
            warnings.append(
                f"line {p.number}: speaker {_show(p.label)} appears only once; read as a new "
                "turn (check that it is not part of the previous one)"
            )
        if is_turn and p.label is not None:
            utterances.append(RawUtterance(p.label, p.text, p.start, p.end, line=p.number))
            more_text.append([])
        elif p.start is not None and utterances:
            # A new timestamp without a name: the same speaker goes on, as a new turn.
            text = _full_text(p)
            utterances.append(
                RawUtterance(utterances[-1].label, text, p.start, p.end, line=p.number)
            )
            more_text.append([])
        elif utterances:
            more_text[-1].append(_full_text(p))
        else:
            raise TranscriptError(
                src.name,
                "no speaker: expected 'Name: text' (e.g. 'Agent: Hej!' or 'Kund: Hej')",
                where=f"line {p.number}",
            )
    for u, more in zip(utterances, more_text, strict=True):
        if more:
            u.text = " ".join(t for t in (u.text, *more) if t)
    return iter(
        [
            RawCall(
                path=src.name,
                call_id=fields.get("call_id") or src.stem,
                utterances=utterances,
                language=fields.get("language"),
                fields={k: fields.get(k) for k in ("agent_id", "team", "started_at")},
                warnings=warnings,
            )
        ]
    )


def _full_text(p: _Line) -> str:
    return f"{p.label}: {p.text}" if p.label is not None else p.text


def _looks_like_speaker(p: _Line) -> bool:
    """A label seen once that still reads as a speaker, not as prose or a note."""
    if p.label is None or p.indented or not p.label[0].isupper():
        return False
    words = p.label.split()
    if words[0].lower().rstrip(".!") in _NOT_SPEAKERS:
        return False
    if any(w.lower() in _ROLE_WORDS for w in words):
        return True
    return all(w[0].isupper() or w.isdigit() or w in _NAME_PARTICLES for w in words)


def _show(label: str) -> str:
    shown = repr(label)
    return shown if len(shown) <= 40 else f"{shown[:39]}…"


def _parse_line(number: int, line: str, limits: Limits = DEFAULT_LIMITS) -> _Line:
    start = end = None
    rest = line
    timed = _LEADING_TIME.match(line)
    try:
        if timed and timed.end() > 0:
            start = _time(timed.group("s1") or timed.group("s2"), limits)
            end = _time(timed.group("e1"), limits)
            rest = line[timed.end() :]
        indented = rest[:1].isspace()
        rest = rest.strip()
        speaker = _SPEAKER.match(rest)
        if speaker is None:
            return _Line(number, None, rest, start, end, indented)
        label = speaker.group("label").strip()
        if len(label.split()) > MAX_LABEL_WORDS:
            return _Line(number, None, rest, start, end, indented)
        if start is None and speaker.group("s3"):
            start = _time(speaker.group("s3"), limits)
    except ValueError as err:
        return _Line(number, None, line.strip(), None, None, problem=f"timestamp: {err}")
    return _Line(number, label, speaker.group("text").strip(), start, end, indented)


def _time(value: str | None, limits: Limits) -> float | None:
    return parse_time(value, max_digits=limits.max_number_digits) if value else None
