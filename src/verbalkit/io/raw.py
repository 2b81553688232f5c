"""What a format reader hands to the builder: calls as written, before roles and checks.

Readers only parse. Mapping speaker labels to roles, deciding the language and checking the
call happen once, in :mod:`verbalkit.io.build`, so every format behaves the same.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from verbalkit.errors import VerbalkitError
from verbalkit.limits import DEFAULT_LIMITS, Limits


def __getattr__(name: str) -> tuple[str, ...]:
    # FORMATS comes from the reader registry, which imports the readers: only when asked.
    if name == "FORMATS":
        from verbalkit.io.registry import names

        return names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(slots=True)
class RawUtterance:
    """One turn as the source wrote it: a speaker label, text and optional times."""

    label: str
    text: str
    start: float | None = None
    end: float | None = None
    line: int | None = None
    """Line in the source file, for messages (None when the format has no useful line)."""


@dataclass(slots=True)
class RawCall:
    """One call as the source wrote it."""

    path: str
    """File the call came from, as given (for messages and ``Transcript.source``)."""
    call_id: str
    utterances: list[RawUtterance]
    where: str | None = None
    """Where the call is in a multi-call file, e.g. ``"line 41"`` (JSONL) or ``"[2]"``."""
    language: str | None = None
    """Language declared in the source, as written (``"sv-SE"``, ``"Swedish"``...)."""
    roles_in_source: bool = False
    """True when labels come from a field that names roles (``speaker`` in verbalkit JSON)."""
    fields: dict[str, object] = field(default_factory=dict)
    """Other Transcript fields: agent_id, team, started_at, metadata."""
    warnings: list[str] = field(default_factory=list)

    def utterance_where(self, index: int, name: str) -> str:
        """Location of an utterance field for messages, e.g. ``line 41: utterances[3].end``."""
        line = self.utterances[index].line if index < len(self.utterances) else None
        loc = f"utterances[{index}].{name}"
        if line is not None:
            return f"line {line}: {loc}"
        if self.where is None:
            return loc
        if self.where.startswith("["):
            return f"{self.where}.{loc}"
        return f"{self.where}: {loc}"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """The reading options shared by every format (see :func:`verbalkit.io.read`)."""

    format: str | None = None
    language: str | None = None
    agent_speaker: tuple[str, ...] = ()
    customer_speaker: tuple[str, ...] = ()
    strict: bool = False
    columns: tuple[tuple[str, str], ...] = ()
    limits: Limits = DEFAULT_LIMITS
    agent_channel: int | None = None
    """The audio channel of the agent, as the vendor numbers it (multichannel formats);
    its label (``"channel 1"``) is also in ``agent_speaker``."""
    sheet: str | None = None
    """The one sheet of an Excel workbook to read (default: every sheet)."""

    @property
    def column_map(self) -> dict[str, str]:
        """User column names by field (``{"speaker": "Talare"}``)."""
        return dict(self.columns)


def make_options(
    *,
    format: str | None,
    language: str | None,
    agent_speaker: str | Sequence[str] | None,
    customer_speaker: str | Sequence[str] | None,
    strict: bool,
    columns: Mapping[str, str] | None,
    limits: Limits | None = None,
    agent_channel: int | None = None,
    sheet: str | None = None,
) -> ReadOptions:
    """Check and normalise the keyword arguments of the public readers.

    Raises:
        VerbalkitError: For an unknown format name or an unknown column field.
        UnsupportedLanguageError: For a declared language without a rule pack.
    """
    from verbalkit.io.language import normalise_declared

    fmt = normalise_format(format) if format else None
    lang = normalise_declared(language, source="language=") if language else None
    known_fields = ("call_id", "speaker", "text", "start", "end", "agent_id", "team", "language")
    cols = dict(columns or {})
    for key in cols:
        if key not in known_fields:
            raise VerbalkitError(
                f"columns: unknown field {key!r}; use one of {', '.join(known_fields)}"
            )
    agents = _labels(agent_speaker)
    if agent_channel is not None:
        if (
            isinstance(agent_channel, bool)
            or not isinstance(agent_channel, int)
            or agent_channel < 0
        ):
            raise VerbalkitError(
                f"agent_channel: expected a channel number (0, 1, 2...), not {agent_channel!r}"
            )
        # Multichannel readers label speakers "channel N": the agent's is a user mapping.
        agents = (*agents, channel_label(agent_channel))
    if sheet is not None and not str(sheet).strip():
        raise VerbalkitError("sheet: expected the name of a sheet, not an empty string")
    return ReadOptions(
        format=fmt,
        language=lang,
        agent_speaker=agents,
        customer_speaker=_labels(customer_speaker),
        strict=strict,
        columns=tuple(sorted(cols.items())),
        limits=limits or DEFAULT_LIMITS,
        agent_channel=agent_channel,
        sheet=str(sheet).strip() if sheet is not None else None,
    )


def normalise_format(name: str) -> str:
    """``"WebVTT"`` -> ``"vtt"``; raises VerbalkitError for unknown names."""
    from verbalkit.io.registry import normalise_format as by_registry

    return by_registry(name)


def channel_label(channel: object) -> str:
    """The speaker label of an audio channel: ``"channel 1"`` (as the vendor numbers it)."""
    return f"channel {channel}"


def _labels(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    # `--agent-speaker spk_0,spk_2` is as natural as repeating the option.
    return tuple(p.strip() for v in value for p in str(v).split(",") if p.strip())


_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:[.,]\d+)?)$")


def parse_time(
    value: object, *, max_digits: int = DEFAULT_LIMITS.max_number_digits
) -> float | None:
    """Seconds from a number, ``"12.5"``, ``"01:12"``, ``"00:01:12.500"`` or ``"00:01:12,500"``.

    In a clock time the seconds, and the minutes after hours, must be below 60; leading
    minutes may be more (``"75:30"`` is 4530 s).

    Args:
        value: The time as found in the source.
        max_digits: Numbers with more digits are refused
            (:attr:`~verbalkit.limits.Limits.max_number_digits`).

    Returns:
        Seconds, or None for missing values (None, ``""``).

    Raises:
        ValueError: When the value is not a finite time (NaN, infinite, too many digits, not
            a number, minutes or seconds of 60 or more); the message says what was found.

    >>> parse_time("01:12.5"), parse_time("1:02:03,250"), parse_time(4)
    (72.5, 3723.25, 4.0)
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a time: {value!r}")
    if isinstance(value, int):
        # float() of a 400-digit int raises OverflowError; a bound on digits is clearer.
        if abs(value) >= 10**max_digits:
            raise ValueError(f"not a time: a number with more than {max_digits} digits")
        return float(value)
    if isinstance(value, float):
        return _finite(value, value, max_digits)
    if not isinstance(value, str):
        raise ValueError(f"not a time: {_show(value)}")
    text = value.strip()
    if not text:
        return None
    digits = sum(1 for c in text if c.isdigit())
    if digits > max_digits:
        raise ValueError(f"not a time: a number with {digits} digits (more than {max_digits})")
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        pass
    else:
        return _finite(number, value, max_digits)
    match = _CLOCK.match(text)
    if match is None:
        raise ValueError(f"not a time: {_show(value)} (use seconds, mm:ss or hh:mm:ss)")
    hours, minutes, seconds = match.groups()
    if hours is not None and int(minutes) >= 60:
        raise ValueError(f"not a time: {_show(value)} (minutes must be below 60)")
    second_value = float(seconds.replace(",", "."))
    if second_value >= 60:
        raise ValueError(f"not a time: {_show(value)} (seconds must be below 60)")
    return int(hours or 0) * 3600 + int(minutes) * 60 + second_value


def _finite(number: float, value: object, max_digits: int) -> float:
    # NaN or infinity (``1e400``) would pass every later comparison silently or wrongly,
    # and 1e300 s overflows to infinity in the first sum of durations.
    if math.isnan(number):
        raise ValueError(f"not a time: {_show(value)} (not a number)")
    if math.isinf(number):
        raise ValueError(f"not a time: {_show(value)} (infinite or too large)")
    if abs(number) >= 10**max_digits:
        raise ValueError(f"not a time: {_show(value)} (more than {max_digits} digits)")
    return number


def _show(value: object) -> str:
    """A value for a one-line message: repr, cut to 40 characters."""
    shown = repr(value)
    return shown if len(shown) <= 40 else f"{shown[:39]}…"


def join_turns(parts: Sequence[RawUtterance]) -> list[RawUtterance]:
    """Consecutive pieces of one speaker (sentences, phrases, pause-split segments) as one turn:
    the first piece's start, the last piece's end, the texts joined with a space.

    Vendors cut speech by pauses or sentences, not by turns; a turn is what the analysis
    (monologues, talk share, restating the customer) is about. Texts are collected and joined
    once per turn (a growing string is quadratic).
    """
    turns: list[RawUtterance] = []
    texts: list[list[str]] = []
    for part in parts:
        if turns and turns[-1].label == part.label:
            last = turns[-1]
            texts[-1].append(part.text)
            if part.end is not None:
                last.end = part.end if last.end is None else max(last.end, part.end)
            continue
        turns.append(RawUtterance(part.label, part.text, part.start, part.end, part.line))
        texts.append([part.text])
    for turn, pieces in zip(turns, texts, strict=True):
        if len(pieces) > 1:
            turn.text = " ".join(t.strip() for t in pieces if t.strip())
    return turns


# Speech inside an utterance runs at 1-5 words a second. Milliseconds read as seconds make
# that a thousand times slower, seconds read as milliseconds a thousand times faster.
_SLOWEST_SPEECH = 0.05  # words per second of utterance time
_SLOWEST_CALL = 0.01  # words per second between the first and the last start
_FASTEST_SPEECH = 100.0


def units_problem(utterances: Sequence[RawUtterance], unit: str, source: str) -> str | None:
    """Why the times of a call look like the wrong unit, or None when they look right.

    Args:
        utterances: The call's utterances, times already in seconds.
        unit: The unit the source was read in: ``"s"`` or ``"ms"`` (converted to seconds).
        source: The format, for the message ("verbalkit JSON", "AssemblyAI").
    """
    words = 0
    spoken = 0.0
    starts: list[float] = []
    for u in utterances:
        if u.start is None:
            continue
        starts.append(u.start)
        n = len(u.text.split())
        words += n
        if u.end is not None and u.end > u.start and n:
            spoken += u.end - u.start
    if words < 5 or not starts:
        return None
    if unit == "s":
        span = max(starts) - min(starts)
        if (spoken > 600 and words / spoken < _SLOWEST_SPEECH) or (
            spoken == 0 and span > 36_000 and words / span < _SLOWEST_CALL
        ):
            basis = spoken or span
            return (
                f"the times look like milliseconds, not the seconds {source} uses "
                f"({words:,} words over {basis:,.0f} s = {basis / 3600:,.1f} h): "
                "convert them to seconds"
            )
        return None
    if spoken > 0 and words / spoken > _FASTEST_SPEECH:
        return (
            f"the times look like seconds, not the milliseconds {source} writes "
            f"({words:,} words in {spoken:.3f} s): is this file from {source}?"
        )
    return None
