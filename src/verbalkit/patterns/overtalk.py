"""Over-talking (*prata ihjäl kunden*): interruptions, monologues, talk share, pace.

Two bases, and every :class:`~verbalkit.schema.Metric` says which one it used:

* ``"timestamps"`` when every utterance has a start time. Utterances are put in time
  order (stable sort by start; a warning says so when the input was not in order)
  and all measures come from the intervals.
* ``"words"`` otherwise: talk share and run lengths come from word counts, and
  cut-off markers at the end of a customer turn ("–", "—", "--", "…", "...") hint
  at interruptions. Measures that need time are reported with ``value=None``.

Definitions (timestamps):

* **interruption**: an agent utterance starts while a customer utterance that began
  earlier is still going (overlap), or right after a customer utterance whose text
  ends in a cut-off marker. A short agent backchannel ("mm", "ja", "right": at most
  :data:`BACKCHANNEL_MAX_WORDS` words, over before the customer stops) is not one.
* **run**: consecutive utterances by one speaker in time order; its length is first
  start to latest end, its words the sum. Backchannels (at most
  :data:`BACKCHANNEL_MAX_WORDS` words, wholly inside the other speaker's utterance)
  are not turns: they do not break or start a run and are not speaker switches, but
  their seconds and words still count as speech. The agent's longest run is the *monologue*;
  a run above :data:`LONG_MONOLOGUE_S` seconds or :data:`LONG_MONOLOGUE_WORDS` words
  is a ``long_monologue`` event.
* **speech seconds** of a speaker: the length of the *union* of that speaker's
  intervals, so a speaker's own overlapping utterances are not counted twice.
  ``agent_talk_share`` is the agent's speech seconds over the sum of every speaker's
  speech seconds (time when both talk counts for both, as in the dev-set reference).
* **response gap**: for each switch from customer to agent, agent start minus the
  latest end in the customer run before it. Negative gaps (the agent started before
  the customer finished) are *included* in the mean and median; the interruptions
  themselves are counted separately in ``n_interruptions``.
* **missing end times** are estimated as start + words / :data:`WORDS_PER_SECOND`,
  capped at the next utterance's start (so an estimate never creates an overlap);
  a warning and the metric descriptions say how many were estimated.
"""

from __future__ import annotations

import heapq
import statistics
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from pydantic import JsonValue

from verbalkit.patterns.common import (
    UNSORTED_WARNING,
    PatternResult,
    ends_cut_off,
    in_time_order,
    is_timed,
    n_words,
)
from verbalkit.schema import AnalysedCall, AnalysedUtterance, Basis, Metric, PatternEvent
from verbalkit.vocab import Pattern, Role

#: An agent run longer than this many seconds is a ``long_monologue`` (about 75 words
#: at a normal pace; coaching guides put the limit for one stretch at 30-60 s).
LONG_MONOLOGUE_S = 30.0
#: An agent run longer than this many words is a ``long_monologue`` (needed without
#: timestamps; 30 s at 2.5 words/s).
LONG_MONOLOGUE_WORDS = 75
#: Speaking rate used to estimate a missing end time.
WORDS_PER_SECOND = 2.5
#: A turn of at most this many words said wholly inside the other speaker's utterance
#: is a backchannel ("mm", "ja precis"): not an interruption, not a turn.
BACKCHANNEL_MAX_WORDS = 3

#: Metric names, in output order.
METRIC_NAMES: tuple[str, ...] = (
    "agent_talk_share",
    "longest_monologue_s",
    "longest_monologue_words",
    "agent_wpm",
    "response_gap_mean_s",
    "response_gap_median_s",
    "switches_per_min",
    "customer_longest_s",
    "customer_longest_words",
    "n_interruptions",
)


@dataclass(frozen=True)
class _Seg:
    """One utterance with a resolved end time (timestamps basis)."""

    utt: AnalysedUtterance
    start: float
    end: float
    words: int
    end_estimated: bool

    @property
    def index(self) -> int:
        return self.utt.index

    @property
    def speaker(self) -> Role:
        return self.utt.speaker


@dataclass(frozen=True)
class _Run:
    """Consecutive utterances by one speaker."""

    speaker: Role
    segs: tuple[_Seg, ...]

    @property
    def start(self) -> float:
        return self.segs[0].start

    @property
    def end(self) -> float:
        return max(s.end for s in self.segs)

    @property
    def seconds(self) -> float:
        return self.end - self.start

    @property
    def words(self) -> int:
        return sum(s.words for s in self.segs)

    @property
    def indexes(self) -> list[int]:
        return [s.index for s in self.segs]


def detect_overtalk(call: AnalysedCall) -> PatternResult:
    """Measure over-talking in one call.

    Args:
        call: An analysed call; tags are not needed.

    Returns:
        The ten over-talking metrics (see :data:`METRIC_NAMES`), ``interruption`` and
        ``long_monologue`` events (utterance indexes are :attr:`AnalysedUtterance.index`,
        whatever the input order), and warnings about the timings.

    >>> from verbalkit.schema import AnalysedCall, AnalysedUtterance
    >>> call = AnalysedCall(call_id="x", language="sv", has_timestamps=True, utterances=[
    ...     AnalysedUtterance(index=0, speaker="customer", start=0.0, end=4.0,
    ...                       text="Min faktura är fel igen, det är verkligen –"),
    ...     AnalysedUtterance(index=1, speaker="agent", start=3.0, end=6.0,
    ...                       text="Då krediterar jag mellanskillnaden.")])
    >>> [e.pattern for e in detect_overtalk(call).events]
    ['interruption']
    """
    if not call.utterances:
        return PatternResult(metrics=_empty_metrics("words", "the call has no utterances"))
    if is_timed(call):
        return _timed(call)
    warnings = []
    n_timed = sum(u.start is not None for u in call.utterances)
    if n_timed:
        warnings.append(
            f"{len(call.utterances) - n_timed} of {len(call.utterances)} utterances have no "
            "start time; over-talking measures use word counts"
        )
    result = _untimed(call)
    return PatternResult(result.metrics, result.events, warnings)


# -- timestamps -------------------------------------------------------------------


def _timed(call: AnalysedCall) -> PatternResult:
    ordered, changed = in_time_order(call)
    warnings = [UNSORTED_WARNING] if changed else []
    segs = _resolve_ends(ordered)
    n_est = sum(s.end_estimated for s in segs)
    note = ""
    if n_est:
        note = (
            f" End times of {n_est} utterance(s) were estimated "
            f"(words at {WORDS_PER_SECOND:g} words/s, capped at the next start)."
        )
        warnings.append(
            f"{n_est} utterance(s) had no end time (or one before the start); estimated "
            f"from words at {WORDS_PER_SECOND:g} words/s, capped at the next utterance's start"
        )
    n_zero = sum(1 for s in segs if s.end == s.start and not s.end_estimated)
    if n_zero:
        warnings.append(
            f"{n_zero} utterance(s) have zero length; they count as turns but add no speech time"
        )

    cover = _Cover(segs)
    interruptions = _interruptions(segs, cover)
    # Backchannels are not turns: they neither end nor start a run, nor switch speakers.
    turns = [s for s in segs if not _is_backchannel(s, cover)]
    runs = _runs(turns)
    agent_runs = [r for r in runs if r.speaker is Role.AGENT]
    customer_runs = [r for r in runs if r.speaker is Role.CUSTOMER]

    speech = {
        role: _union_seconds((s.start, s.end) for s in segs if s.speaker is role) for role in Role
    }
    total_speech = sum(speech.values())
    share = speech[Role.AGENT] / total_speech if total_speech > 0 else None

    # Rate from utterances that take time: a zero-length utterance has words but no seconds.
    rated = [s for s in segs if s.speaker is Role.AGENT and s.end > s.start]
    rated_s = _union_seconds((s.start, s.end) for s in rated)
    wpm = sum(s.words for s in rated) / (rated_s / 60.0) if rated_s > 0 else None

    gaps = _response_gaps(runs)
    duration = max(s.end for s in segs) - min(s.start for s in segs)
    switches = sum(1 for a, b in pairwise(turns) if a.speaker is not b.speaker)
    spm = switches / (duration / 60.0) if duration > 0 else None

    mono_s = max((r.seconds for r in agent_runs), default=None)
    mono_w = max((r.words for r in agent_runs), default=None)
    cust_s = max((r.seconds for r in customer_runs), default=None)
    cust_w = max((r.words for r in customer_runs), default=None)

    ts: Basis = "timestamps"
    metrics = [
        Metric(
            name="agent_talk_share",
            value=_round(share, 4),
            basis=ts,
            description="Agent speech seconds / all speakers' speech seconds (0-1); each "
            "speaker's seconds are the union of their utterance intervals, so their own "
            "overlaps count once." + note,
        ),
        Metric(
            name="longest_monologue_s",
            value=_round(mono_s, 2),
            basis=ts,
            description="Longest run of consecutive agent utterances, first start to last "
            f"end, in seconds (long_monologue above {LONG_MONOLOGUE_S:g} s)." + note,
        ),
        Metric(
            name="longest_monologue_words",
            value=_num(mono_w),
            basis=ts,
            description="Most words in one run of consecutive agent utterances "
            f"(long_monologue above {LONG_MONOLOGUE_WORDS} words).",
        ),
        Metric(
            name="agent_wpm",
            value=_round(wpm, 1),
            basis=ts,
            description="Agent words per minute of agent speech (zero-length utterances "
            "left out)." + note,
        ),
        Metric(
            name="response_gap_mean_s",
            value=_round(statistics.fmean(gaps), 2) if gaps else None,
            basis=ts,
            description="Mean seconds from the customer's end to the agent's start, over "
            f"all {len(gaps)} customer-to-agent switches; negative gaps (agent started "
            "early) are included, interruptions are counted in n_interruptions." + note,
        ),
        Metric(
            name="response_gap_median_s",
            value=_round(statistics.median(gaps), 2) if gaps else None,
            basis=ts,
            description="Median of the same response gaps (negative gaps included)." + note,
        ),
        Metric(
            name="switches_per_min",
            value=_round(spm, 2),
            basis=ts,
            description=f"Speaker switches ({switches}) per minute of call "
            f"({duration:.1f} s, first start to last end)." + note,
        ),
        Metric(
            name="customer_longest_s",
            value=_round(cust_s, 2),
            basis=ts,
            description="Longest run of consecutive customer utterances (the customer's "
            "longest uninterrupted stretch), first start to last end, in seconds." + note,
        ),
        Metric(
            name="customer_longest_words",
            value=_num(cust_w),
            basis=ts,
            description="Most words in one run of consecutive customer utterances.",
        ),
        Metric(
            name="n_interruptions",
            value=float(len(interruptions)),
            basis=ts,
            description="Agent turns that start while the customer is still speaking, or "
            "right after a customer turn that ends cut off ('–', '…').",
        ),
    ]
    events = interruptions + _monologue_events(agent_runs, ts)
    events.sort(key=lambda e: (e.start if e.start is not None else 0.0, e.utterances))
    return PatternResult(metrics, events, warnings)


def _resolve_ends(ordered: list[AnalysedUtterance]) -> list[_Seg]:
    """Segments of the utterances, which are in start order, with missing ends estimated."""
    starts: list[float] = []
    for u in ordered:
        assert u.start is not None  # is_timed() checked every start
        starts.append(u.start)
    # The first start after each utterance that is later than its own caps its estimated
    # end. Starts are in order, so it is the next start unless that one is equal, in which
    # case it is the same as the next utterance's: one pass backwards, not a scan per
    # utterance (which made calls with many utterances quadratic).
    later: list[float | None] = [None] * len(starts)
    for pos in range(len(starts) - 2, -1, -1):
        after = starts[pos + 1]
        later[pos] = after if after > starts[pos] else later[pos + 1]
    segs = []
    for pos, u in enumerate(ordered):
        start = starts[pos]
        words = n_words(u.text)
        # An end before the start is as good as no end (AnalysedUtterance does not check).
        if u.end is not None and u.end >= start:
            segs.append(_Seg(u, start, u.end, words, end_estimated=False))
            continue
        end = start + words / WORDS_PER_SECOND
        cap = later[pos]
        if cap is not None:
            end = min(end, cap)
        segs.append(_Seg(u, start, end, words, end_estimated=True))
    return segs


def _interruptions(segs: list[_Seg], cover: _Cover) -> list[PatternEvent]:
    """Interruption events; ``segs`` are in start order."""
    events = []
    # Customer turns begun before the current agent turn, latest start first (earliest
    # position on a tie). One that has ended by an agent turn's start has ended for every
    # later agent turn too, so it is dropped for good: linear, where collecting the
    # overlapping turns for each agent turn was quadratic in the call's utterances.
    begun: list[tuple[float, int, _Seg]] = []
    n_begun = 0
    for pos, a in enumerate(segs):
        if a.speaker is not Role.AGENT:
            continue
        while n_begun < len(segs) and segs[n_begun].start < a.start:
            if segs[n_begun].speaker is Role.CUSTOMER:
                heapq.heappush(begun, (-segs[n_begun].start, n_begun, segs[n_begun]))
            n_begun += 1
        while begun and begun[0][2].end <= a.start:
            heapq.heappop(begun)
        # The customer turn the agent talks over: started earlier, still going.
        customer = begun[0][2] if begun else None
        prev = segs[pos - 1] if pos > 0 else None
        marker = prev is not None and prev.speaker is Role.CUSTOMER and ends_cut_off(prev.utt.text)
        if customer is not None:
            cut = marker and customer is prev
            if _is_backchannel(a, cover) and not cut:
                continue
        elif marker and prev is not None:
            customer, cut = prev, True
        else:
            continue
        overlap = max(0.0, min(customer.end, a.end) - a.start)
        if overlap > 0:
            message = (
                f"agent (#{a.index}) starts {overlap:.1f} s before the customer "
                f"(#{customer.index}) has finished"
            )
        else:
            message = (
                f"agent (#{a.index}) takes over from a cut-off customer turn (#{customer.index})"
            )
        events.append(
            PatternEvent(
                pattern=Pattern.INTERRUPTION.value,
                utterances=[customer.index, a.index],
                start=a.start,
                end=customer.end,
                basis="timestamps",
                message=message,
                details={
                    "customer_utterance": customer.index,
                    "agent_utterance": a.index,
                    "time_s": round(a.start, 2),
                    "overlap_s": round(overlap, 2),
                    "cut_off_marker": cut,
                },
            )
        )
    return events


class _Cover:
    """Whether a segment lies inside another speaker's utterance that began before it.

    Per speaker: the starts in order and the furthest end reached so far; a binary search
    finds how far that speaker's earlier utterances reach (n log n for a call, where
    comparing every pair of utterances was quadratic).
    """

    def __init__(self, segs: list[_Seg]) -> None:
        self.starts: dict[Role, list[float]] = {}
        self.reach: dict[Role, list[float]] = {}
        for seg in sorted(segs, key=lambda s: s.start):
            starts = self.starts.setdefault(seg.speaker, [])
            reach = self.reach.setdefault(seg.speaker, [])
            starts.append(seg.start)
            reach.append(max(reach[-1], seg.end) if reach else seg.end)

    def inside_other(self, seg: _Seg) -> bool:
        """Some other speaker's utterance started before ``seg`` and ends at or after it."""
        for role, starts in self.starts.items():
            if role is seg.speaker:
                continue
            n_before = bisect_left(starts, seg.start)
            if n_before and self.reach[role][n_before - 1] >= seg.end:
                return True
        return False


def _is_backchannel(seg: _Seg, cover: _Cover) -> bool:
    """A short turn ("mm", "ja precis") said wholly inside another speaker's utterance."""
    return seg.words <= BACKCHANNEL_MAX_WORDS and cover.inside_other(seg)


def _runs(segs: list[_Seg]) -> list[_Run]:
    runs: list[_Run] = []
    current: list[_Seg] = []
    for s in segs:
        if current and s.speaker is not current[0].speaker:
            runs.append(_Run(current[0].speaker, tuple(current)))
            current = []
        current.append(s)
    if current:
        runs.append(_Run(current[0].speaker, tuple(current)))
    return runs


def _response_gaps(runs: list[_Run]) -> list[float]:
    return [
        b.start - a.end
        for a, b in pairwise(runs)
        if a.speaker is Role.CUSTOMER and b.speaker is Role.AGENT
    ]


def _union_seconds(intervals: Iterable[tuple[float, float]]) -> float:
    """Length of the union of [start, end] intervals."""
    total = 0.0
    cur_start: float | None = None
    cur_end = 0.0
    for start, end in sorted(intervals):
        if cur_start is None or start > cur_end:
            if cur_start is not None:
                total += cur_end - cur_start
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_start is not None:
        total += cur_end - cur_start
    return total


def _monologue_events(agent_runs: list[_Run], basis: Basis) -> list[PatternEvent]:
    events = []
    for r in agent_runs:
        timed = basis == "timestamps"
        long_time = timed and r.seconds > LONG_MONOLOGUE_S
        if not (long_time or r.words > LONG_MONOLOGUE_WORDS):
            continue
        what = f"{r.seconds:.1f} s ({r.words} words)" if timed else f"{r.words} words"
        where = f"#{r.indexes[0]}" if len(r.indexes) == 1 else f"#{r.indexes[0]}-#{r.indexes[-1]}"
        details: dict[str, JsonValue] = {"words": r.words, "n_utterances": len(r.segs)}
        if timed:
            details["seconds"] = round(r.seconds, 2)
        events.append(
            PatternEvent(
                pattern=Pattern.LONG_MONOLOGUE.value,
                utterances=r.indexes,
                start=r.start if timed else None,
                end=r.end if timed else None,
                basis=basis,
                message=f"agent talks for {what} without a customer turn ({where})",
                details=details,
            )
        )
    return events


# -- words only -------------------------------------------------------------------


def _untimed(call: AnalysedCall) -> PatternResult:
    utts = list(call.utterances)
    fake = [_Seg(u, 0.0, 0.0, n_words(u.text), end_estimated=False) for u in utts]
    runs = _runs(fake)
    agent_runs = [r for r in runs if r.speaker is Role.AGENT]
    customer_runs = [r for r in runs if r.speaker is Role.CUSTOMER]
    words = {role: sum(s.words for s in fake if s.speaker is role) for role in Role}
    total = sum(words.values())
    share = words[Role.AGENT] / total if total else None

    events = []
    for prev, cur in pairwise(fake):
        handover = prev.speaker is Role.CUSTOMER and cur.speaker is Role.AGENT
        if handover and ends_cut_off(prev.utt.text):
            events.append(
                PatternEvent(
                    pattern=Pattern.INTERRUPTION.value,
                    utterances=[prev.index, cur.index],
                    basis="words",
                    message=f"customer turn (#{prev.index}) ends cut off and the agent "
                    f"(#{cur.index}) takes over",
                    details={
                        "customer_utterance": prev.index,
                        "agent_utterance": cur.index,
                        "cut_off_marker": True,
                    },
                )
            )
    n_interruptions = len(events)
    events += _monologue_events(agent_runs, "words")

    none = "needs timestamps; this call has none"
    metrics = _empty_metrics("timestamps", none)
    by_name = {m.name: m for m in metrics}
    by_name["agent_talk_share"] = Metric(
        name="agent_talk_share",
        value=_round(share, 4),
        basis="words",
        description="Agent words / all words (0-1); no timestamps, so words stand in for time.",
    )
    by_name["longest_monologue_words"] = Metric(
        name="longest_monologue_words",
        value=_num(max((r.words for r in agent_runs), default=None)),
        basis="words",
        description="Most words in one run of consecutive agent utterances "
        f"(long_monologue above {LONG_MONOLOGUE_WORDS} words).",
    )
    by_name["customer_longest_words"] = Metric(
        name="customer_longest_words",
        value=_num(max((r.words for r in customer_runs), default=None)),
        basis="words",
        description="Most words in one run of consecutive customer utterances.",
    )
    by_name["n_interruptions"] = Metric(
        name="n_interruptions",
        value=float(n_interruptions),
        basis="words",
        description="Customer turns that end cut off ('–', '—', '--', '…', '...') with the "
        "agent speaking next; a hint only, without timestamps overlaps are not visible.",
    )
    return PatternResult([by_name[n] for n in METRIC_NAMES], events, [])


def _empty_metrics(basis: Basis, why: str) -> list[Metric]:
    return [Metric(name=n, value=None, basis=basis, description=why) for n in METRIC_NAMES]


def _round(value: float | None, ndigits: int) -> float | None:
    return None if value is None else round(value, ndigits)


def _num(value: int | None) -> float | None:
    return None if value is None else float(value)
