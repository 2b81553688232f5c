"""Helpers shared by the call-level patterns: time order, results, cut-off markers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from verbalkit.schema import AnalysedCall, AnalysedUtterance, Metric, PatternEvent

#: Warning added when the input was not in time order (events keep the original indexes).
UNSORTED_WARNING = "utterances were not in time order; sorted by start"

#: Text endings that show a turn was cut off ("det är verkligen –", "we're hardly ever --").
CUT_OFF_MARKERS: tuple[str, ...] = ("–", "—", "--", "…", "...")


@dataclass(frozen=True)
class PatternResult:
    """What one pattern detector found: metrics, events and warnings for the call."""

    metrics: list[Metric] = field(default_factory=list)
    events: list[PatternEvent] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def is_timed(call: AnalysedCall) -> bool:
    """True when every utterance has a start time (the timestamps basis is usable)."""
    return bool(call.utterances) and all(u.start is not None for u in call.utterances)


def in_time_order(call: AnalysedCall) -> tuple[list[AnalysedUtterance], bool]:
    """The utterances in the order they were spoken, and whether that differs from the input.

    Timed calls are sorted by start time (stable, so equal starts keep their input
    order); untimed calls keep the input order.
    """
    utts = list(call.utterances)
    if not is_timed(call):
        return utts, False
    ordered = sorted(utts, key=lambda u: u.start if u.start is not None else 0.0)
    changed = any(a is not b for a, b in zip(ordered, utts, strict=True))
    return ordered, changed


def ends_cut_off(text: str) -> bool:
    """True when the text ends in a cut-off marker ("–", "—", "--", "…", "...")."""
    stripped = text.rstrip()
    return stripped.endswith(CUT_OFF_MARKERS)


#: A whitespace-separated word with a letter or digit in it (``[^\W_]`` is ``str.isalnum``).
_COUNTED_WORD = re.compile(r"\S*[^\W_]\S*")


def n_words(text: str) -> int:
    """Whitespace-separated words, not counting bare punctuation such as a dash.

    >>> n_words("Well -- I waited, 3 weeks ...")
    5
    """
    return len(_COUNTED_WORD.findall(text))
