"""WebVTT and SRT with speaker names: ``<v Agent>`` voice tags or ``Name:`` in the cue text.

Each cue (or each voice in a cue) becomes an utterance with the cue's times; consecutive cues
of one speaker stay separate utterances. A cue with no name continues with the previous
cue's speaker. Cue times are clock times: minutes and seconds below 60 (``00:61:05.000`` is
an error naming the line, not 3665 s).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from verbalkit.errors import TranscriptError
from verbalkit.io.raw import RawCall, RawUtterance, parse_time
from verbalkit.io.registry import ReadContext, text_reader
from verbalkit.io.source import TextSource
from verbalkit.limits import DEFAULT_LIMITS, Limits

_TIME = r"(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_TIMING = re.compile(rf"^\s*(?P<start>{_TIME})\s*-->\s*(?P<end>{_TIME})")
# No "<" inside a tag and possessive runs (*+): "<v <v <v ..." or "<a<a<a..." without a ">"
# would otherwise rescan the rest of the line from every "<" (quadratic).
_VOICE = re.compile(r"<v(?:\.[\w.-]++)?[ \t]++([^<>]*+)>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*+>|<\d[\d:.]*+>")
_PREFIX = re.compile(
    r"^\s*(?:-\s*)?(?:\[(?P<b>[^\]]{1,32})\]|(?P<n>[^\W\d_][\w.'’ -]{0,30}?)\s*:)\s+(?P<text>.*)$"
)
_SKIP_BLOCKS = ("NOTE", "STYLE", "REGION", "WEBVTT")


@dataclass(slots=True)
class _Cue:
    line: int
    start: float
    end: float
    payload: list[str]


@text_reader("vtt", title="WebVTT", extensions=(".vtt",), aliases=("webvtt",), order=5)
def read_vtt(src: TextSource, ctx: ReadContext) -> Iterator[RawCall]:
    """The one call in a WebVTT file, within ``limits.max_file_bytes``."""
    src.limit_size(ctx.limits.max_file_bytes, "a WebVTT file is read as one call")
    return read_subtitles(src, "vtt", ctx.limits)


@text_reader("srt", title="SRT", extensions=(".srt",), aliases=("subrip",), order=6)
def read_srt(src: TextSource, ctx: ReadContext) -> Iterator[RawCall]:
    """The one call in an SRT file, within ``limits.max_file_bytes``."""
    src.limit_size(ctx.limits.max_file_bytes, "an SRT file is read as one call")
    return read_subtitles(src, "srt", ctx.limits)


def read_subtitles(src: TextSource, fmt: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[RawCall]:
    """The one call in a WebVTT (``fmt="vtt"``) or SRT file.

    Raises:
        TranscriptError: For a file without cues, a block that is not a cue, a cue time that
            is not a clock time, or a cue that names no speaker.
    """
    header: dict[str, str] = {}
    cues = list(_cues(src, header, limits))
    if not cues:
        raise TranscriptError(
            src.name, f"no cues found: not a {'WebVTT' if fmt == 'vtt' else 'SRT'} file?"
        )
    utterances: list[RawUtterance] = []
    current: str | None = None
    for cue in cues:
        parts = _speakers(cue.payload, current)
        if parts is None:
            raise TranscriptError(
                src.name,
                "cue has no speaker: use <v Name> voice tags or 'Name:' at the start of the text",
                where=f"line {cue.line}",
            )
        for label, text in parts:
            if text:
                utterances.append(RawUtterance(label, text, cue.start, cue.end, line=cue.line))
            current = label
    return iter(
        [
            RawCall(
                path=src.name,
                call_id=src.stem,
                utterances=utterances,
                language=header.get("language"),
            )
        ]
    )


def _cues(src: TextSource, header: dict[str, str], limits: Limits) -> Iterator[_Cue]:
    """Cues in order; the WebVTT header's ``Key: value`` lines go into ``header``."""
    block: list[tuple[int, str]] = []
    for number, line in src.lines():
        if line.strip():
            block.append((number, line))
            continue
        if block:
            if block[0][1].lstrip("\ufeff").startswith("WEBVTT"):
                for _, text in block[1:]:
                    key, sep, value = text.partition(":")
                    if sep:
                        header[key.strip().lower()] = value.strip()
            cue = _cue(src.name, block, limits)
            if cue is not None:
                yield cue
            block = []
    if block:
        cue = _cue(src.name, block, limits)
        if cue is not None:
            yield cue


def _cue(path: str, block: list[tuple[int, str]], limits: Limits) -> _Cue | None:
    first = block[0][1].lstrip("\ufeff").strip()
    if first.split(" ", 1)[0] in _SKIP_BLOCKS:
        return None
    for i, (number, line) in enumerate(block):
        timing = _TIMING.match(line)
        if timing is None:
            continue
        times = []
        for name in ("start", "end"):
            try:
                times.append(_cue_time(timing.group(name), limits))
            except ValueError as err:
                raise TranscriptError(path, f"cue {name}: {err}", where=f"line {number}") from err
        return _Cue(number, times[0], times[1], [text for _, text in block[i + 1 :]])
    number = block[0][0]
    raise TranscriptError(
        path, "expected a cue timing like '00:00:01.000 --> 00:00:04.000'", where=f"line {number}"
    )


def _cue_time(text: str, limits: Limits) -> float:
    """Seconds of a cue time; minutes below 60 even without hours (WebVTT's ``mm:ss.ttt``)."""
    parts = text.split(":")
    if len(parts) == 2 and int(parts[0]) >= 60:
        raise ValueError(f"not a time: {text!r} (minutes must be below 60)")
    seconds = parse_time(text, max_digits=limits.max_number_digits)
    assert seconds is not None  # the timing regex only lets clock times through
    return seconds


def _speakers(payload: list[str], current: str | None) -> list[tuple[str, str]] | None:
    """(speaker, text) pairs of a cue; None when the cue names no one and no one spoke before."""
    text = "\n".join(payload)
    if _VOICE.search(text):
        parts: list[tuple[str, str]] = []
        pieces = _VOICE.split(text)
        if pieces[0].strip() and current is not None:
            parts.append((current, _clean(pieces[0])))
        for label, chunk in zip(pieces[1::2], pieces[2::2], strict=True):
            parts.append((label.strip(), _clean(chunk)))
        return parts
    # Lines of one speaker are collected and joined once (linear in a long cue).
    lines: list[tuple[str, list[str]]] = []
    for line in payload:
        match = _PREFIX.match(_TAG.sub("", line))
        if match and len((match.group("b") or match.group("n")).split()) <= 3:
            current = (match.group("b") or match.group("n")).strip()
            lines.append((current, [_clean(match.group("text"))]))
        elif lines:
            lines[-1][1].append(_clean(line))
        elif current is not None:
            lines.append((current, [_clean(line)]))
        else:
            return None
    return [(label, " ".join(t for t in texts if t)) for label, texts in lines]


def _clean(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", text)).split())
