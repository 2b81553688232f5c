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
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from verbalkit.errors import TranscriptError
from verbalkit.io.raw import RawCall, RawUtterance, parse_time
from verbalkit.io.roles import alias_role
from verbalkit.io.source import TextSource

_TS = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_LEADING_TIME = re.compile(
    rf"^\s*(?:\[(?P<s1>{_TS})(?:\s*(?:-|–|-->)\s*(?P<e1>{_TS}))?\]|\(?(?P<s2>{_TS})\)?(?=\s))"
    r"\s*(?:[-–—|]\s+)?"
)
_LABEL = r"(?P<label>[^\W\d_][\w.'’&/ -]{0,30}?)"
_SPEAKER = re.compile(rf"^{_LABEL}\s*(?:[\[(](?P<s3>{_TS})[\])])?\s*:(?:\s+|$)(?P<text>.*)$")
_COMMENT = re.compile(r"^\s*#\s*(?P<key>[\w ]+?)\s*:\s*(?P<value>.*?)\s*$")
_HEADER_FIELDS = ("call_id", "agent_id", "team", "language", "started_at")
MAX_LABEL_WORDS = 3


@dataclass(slots=True)
class _Line:
    number: int
    label: str | None
    text: str
    start: float | None
    end: float | None


def looks_like_text(head: str) -> bool:
    """True when most of the first non-blank lines start with ``Name:`` (after a timestamp)."""
    lines = [
        line for line in head.split("\n")[:40] if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        return False
    labelled = sum(1 for line in lines if _parse_line(0, line).label is not None)
    return labelled >= max(1, len(lines) // 3)


def read_text(src: TextSource) -> Iterator[RawCall]:
    """The one call in a plain-text transcript."""
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
                fields[key] = comment.group("value")
            continue
        in_header = False
        parsed.append(_parse_line(number, line))
    if not parsed:
        raise TranscriptError(src.name, "no 'Speaker: text' lines found")
    counts = Counter(p.label.lower() for p in parsed if p.label)
    utterances: list[RawUtterance] = []
    for i, p in enumerate(parsed):
        is_turn = p.label is not None and (
            counts[p.label.lower()] >= 2
            or alias_role(p.label) is not None
            or p.start is not None
            or i == 0
        )
        if is_turn and p.label is not None:
            utterances.append(RawUtterance(p.label, p.text, p.start, p.end, line=p.number))
        elif p.start is not None and utterances:
            # A new timestamp without a name: the same speaker goes on, as a new turn.
            text = _full_text(p)
            utterances.append(
                RawUtterance(utterances[-1].label, text, p.start, p.end, line=p.number)
            )
        elif utterances:
            last = utterances[-1]
            last.text = f"{last.text} {_full_text(p)}".strip()
        else:
            raise TranscriptError(
                src.name,
                "no speaker: expected 'Name: text' (e.g. 'Agent: Hej!' or 'Kund: Hej')",
                where=f"line {p.number}",
            )
    return iter(
        [
            RawCall(
                path=src.name,
                call_id=fields.get("call_id") or src.stem,
                utterances=utterances,
                language=fields.get("language"),
                fields={k: fields.get(k) for k in ("agent_id", "team", "started_at")},
            )
        ]
    )


def _full_text(p: _Line) -> str:
    return f"{p.label}: {p.text}" if p.label is not None else p.text


def _parse_line(number: int, line: str) -> _Line:
    start = end = None
    rest = line
    timed = _LEADING_TIME.match(line)
    if timed and timed.end() > 0:
        start = _time(timed.group("s1") or timed.group("s2"))
        end = _time(timed.group("e1"))
        rest = line[timed.end() :]
    rest = rest.strip()
    speaker = _SPEAKER.match(rest)
    if speaker is None:
        return _Line(number, None, rest, start, end)
    label = speaker.group("label").strip()
    if len(label.split()) > MAX_LABEL_WORDS:
        return _Line(number, None, rest, start, end)
    if start is None and speaker.group("s3"):
        start = _time(speaker.group("s3"))
    return _Line(number, label, speaker.group("text").strip(), start, end)


def _time(value: str | None) -> float | None:
    return parse_time(value) if value else None
