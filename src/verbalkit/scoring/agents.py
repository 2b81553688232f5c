"""Per-agent and per-team summaries of scored calls, and one table to compare agents.

:func:`summarise_agents` reads scored calls once (streaming: it keeps a few numbers per call,
never the transcripts) and returns an :class:`AgentSummary`: per agent, per team and for the
whole set, the behaviour profile, pattern frequencies, stage scores, the trend over time,
recurring coaching priorities and, per agent, where they stand against their team and the
whole set. :func:`compare_agents` turns it into the one table a coach reads to compare two
or more agents.

The choices, also in :attr:`AgentSummary.method`:

- **Talk time** is the agent's own talk: an agent utterance with a start and an end (end
  after start) counts its duration; any other agent utterance counts its words at
  :data:`WORDS_PER_MINUTE`. ``TalkTime.basis`` says ``"timestamps"``, ``"words"`` or
  ``"mixed"``.
- **Behaviour profile**: a behaviour's ``count`` is the number of agent utterances carrying
  it (jargon: the number of jargon spans). Its ``share`` is of all utterance-level behaviour
  labels of the agent (the twelve of :data:`verbalkit.vocab.BEHAVIOURS`; jargon is not in the
  denominator and has no share), so the shares sum to 1. Rates are per 10 minutes of agent
  talk and per call.
- **Spread** is the *sample* standard deviation (n − 1), ``None`` below two calls. A stage
  counts only the calls where it applied (``n_calls``); the rest are ``n_not_applicable``.
- **Trend** periods are calendar months when the whole set's dated calls span at least
  :data:`MONTHLY_FROM_DAYS` days (8 weeks), else ISO weeks; one granularity for every agent
  and team so they compare. A period is the call's calendar date as recorded (its own time
  zone). The slope is a least-squares line through (date, overall score) of the dated,
  scored calls, in points per 30 days, when there are at least three and their dates differ.
- **Standing**: an agent's team is the team of most of their calls (ties: alphabetical).
  The team median is the median of the *per-agent* medians of the team's agents (each agent
  counts once, however many calls they took), the whole-set median the same over all
  agents. The percentile is the share of the *other* agents whose median overall score is
  lower (ties count half): 0 is the lowest, 100 the highest, ``None`` with no other agent.
  Calls without an agent id are pooled under ``"(unknown)"``, which gets a standing but is
  not one of the agents the others are measured against.

Everything is sorted (agents, teams, stages in scorecard order, priorities, examples) and
sums are exact (:func:`math.fsum`), so the same calls in any order give the same summary.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from verbalkit.patterns.common import n_words
from verbalkit.schema import Failure
from verbalkit.scoring.models import ScoredCall
from verbalkit.vocab import BEHAVIOURS, Behaviour, Pattern, Role

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AgentSummary",
    "BehaviourStat",
    "GroupSummary",
    "PatternStat",
    "PriorityExample",
    "RecurringPriority",
    "ScoreStat",
    "StageStat",
    "Standing",
    "TalkTime",
    "Trend",
    "TrendPoint",
    "compare_agents",
    "priority_name",
    "summarise_agents",
]

#: Words per minute an agent utterance without timestamps is assumed to take.
WORDS_PER_MINUTE = 150.0
#: Trend periods are months when the dated calls span at least this many days, else weeks.
MONTHLY_FROM_DAYS = 56
#: Where calls without an agent id, or without a team, are counted.
UNKNOWN_AGENT = "(unknown)"
NO_TEAM = "(no team)"
#: Examples kept per recurring priority.
N_EXAMPLES = 2

Lang = Literal["sv", "en"]
Basis = Literal["timestamps", "words", "mixed"]
PeriodKind = Literal["week", "month"]
FrameKind = Literal["agents", "teams", "behaviours", "stages", "trend", "priorities"]

_JARGON = Behaviour.JARGON.value
_BEHAVIOUR_IDS: tuple[str, ...] = tuple(b.value for b in BEHAVIOURS)
_PROFILE_IDS: tuple[str, ...] = (*_BEHAVIOUR_IDS, _JARGON)
_PATTERN_IDS: tuple[str, ...] = tuple(p.value for p in Pattern)

#: Readable names of priority keys, per language ("premature solution in 6 of 9 calls").
#: A behaviour the scorecard asks for is named as what was missing; one it counts against
#: as what was done.
PRIORITY_NAMES: dict[str, dict[str, str]] = {
    "behaviour:open_question": {"en": "too few open questions", "sv": "för få öppna frågor"},
    "behaviour:restating": {
        "en": "too little restating",
        "sv": "för lite återkoppling med egna ord",
    },
    "behaviour:sympathy": {"en": "no sympathy shown", "sv": "ingen sympati visad"},
    "behaviour:apology": {"en": "no apology", "sv": "ingen ursäkt"},
    "behaviour:thanking": {"en": "customer not thanked", "sv": "inget tack till kunden"},
    "behaviour:solution": {"en": "no solution offered", "sv": "inget lösningsförslag"},
    "behaviour:expectation": {
        "en": "no word on what happens next",
        "sv": "inget besked om vad som händer sedan",
    },
    "behaviour:collaboration": {
        "en": "solution not shaped with the customer",
        "sv": "lösningen inte utvecklad tillsammans med kunden",
    },
    "behaviour:follow_up": {"en": "no follow-up", "sv": "ingen uppföljning"},
    "behaviour:jargon": {"en": "jargon", "sv": "fikonspråk"},
    "behaviour:demanding": {
        "en": "demanding phrasing (“you have to”)",
        "sv": "kravfyllda formuleringar (”du måste”)",
    },
    "behaviour:blaming": {"en": "blaming others", "sv": "vi och dom (skyller på andra)"},
    "behaviour:closed_question": {
        "en": "too many closed questions",
        "sv": "för många slutna frågor",
    },
    "pattern:premature_solution": {"en": "premature solution", "sv": "för tidig lösning"},
    "pattern:give_away": {"en": "giving away the shop", "sv": "ger bort butiken"},
    "pattern:interruption": {"en": "interrupting the customer", "sv": "avbryter kunden"},
    "pattern:long_monologue": {"en": "long monologues", "sv": "långa monologer"},
    "metric:agent_talk_share": {
        "en": "agent talks too much of the call",
        "sv": "agenten pratar för stor del av samtalet",
    },
    "metric:longest_monologue_s": {
        "en": "monologue too long (seconds)",
        "sv": "för lång monolog (sekunder)",
    },
    "metric:longest_monologue_words": {
        "en": "monologue too long (words)",
        "sv": "för lång monolog (ord)",
    },
}

_METHOD: dict[str, str] = {
    "talk_time": (
        "agent talk: durations of agent utterances with start and end; other agent "
        f"utterances at {WORDS_PER_MINUTE:g} words per minute"
    ),
    "behaviour_count": "agent utterances carrying the behaviour; jargon: spans",
    "behaviour_share": "of all utterance-level behaviour labels of the agent (jargon excluded)",
    "std": "sample standard deviation (n - 1); None below 2 calls",
    "stage_n": "calls where the stage applied",
    "period": (
        f"calendar month when the dated calls span >= {MONTHLY_FROM_DAYS} days, else ISO week; "
        "by the call's recorded local date"
    ),
    "slope": "least squares of overall score on date, points per 30 days, >= 3 dated calls",
    "agent_team": "the team of most of the agent's calls (ties: alphabetical)",
    "team_median": "median of the per-agent median overall scores of the team's agents",
    "whole_median": "median of the per-agent median overall scores of all agents",
    "percentile": "share of the other agents with a lower median overall (ties half), 0-100",
    "unknown_agent": f"calls without agent id pooled as {UNKNOWN_AGENT!r}, not a peer",
}


def priority_name(key: str, lang: str = "en") -> str:
    """A readable name for a priority key: ``pattern:premature_solution`` → "premature solution".

    Keys outside :data:`PRIORITY_NAMES` read as their id with underscores as spaces.
    """
    names = PRIORITY_NAMES.get(key)
    if names is not None and lang in names:
        return names[lang]
    return key.split(":", 1)[-1].replace("_", " ")


def _check_lang(lang: str) -> Lang:
    if lang not in ("sv", "en"):
        raise ValueError(f"lang must be 'sv' or 'en', not {lang!r}")
    return "sv" if lang == "sv" else "en"


# -- result models --------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-safe dict (the documented JSON shape)."""
        return self.model_dump(mode="json")


class TalkTime(_Model):
    """How long the agent talked, and what that rests on."""

    minutes: float = Field(description="Agent talk time in minutes.")
    basis: Basis | None = Field(
        description="timestamps, words (150 wpm estimate), mixed; None without agent turns."
    )
    timed_minutes: float = Field(description="The part measured from timestamps.")
    estimated_minutes: float = Field(description="The part estimated from words.")


class BehaviourStat(_Model):
    """One behaviour in a behaviour profile."""

    behaviour: str
    count: int = Field(description="Agent utterances carrying it (jargon: spans).")
    share: float | None = Field(
        description="Of all utterance-level behaviour labels; None for jargon or none tagged."
    )
    per_10min: float | None = Field(description="Per 10 minutes of agent talk.")
    per_call: float | None


class PatternStat(_Model):
    """How often a call-level pattern happened."""

    pattern: str
    n_calls: int = Field(description="Calls with at least one event.")
    share_of_calls: float | None
    events: int
    per_call: float | None = Field(description="Events per call.")


class ScoreStat(_Model):
    """Scores over calls (0–100)."""

    n_calls: int = Field(description="Calls with a score.")
    mean: float | None
    std: float | None = Field(description="Sample standard deviation (n − 1); None below 2.")
    median: float | None


class StageStat(_Model):
    """A stage's scores over the calls where it applied."""

    stage: str
    names: dict[str, str] = Field(description="The stage's name per language seen.")
    n_calls: int = Field(description="Calls where the stage applied.")
    n_not_applicable: int
    mean: float | None
    std: float | None = Field(description="Sample standard deviation (n − 1); None below 2.")
    median: float | None


class TrendPoint(_Model):
    """One calendar week or month."""

    period: str = Field(description="'2024-W15' (ISO week) or '2024-04' (month).")
    start: date = Field(description="First day of the period.")
    n_calls: int
    mean_overall: float | None


class Trend(_Model):
    """Overall score over time, by call date."""

    period: PeriodKind | None
    points: list[TrendPoint]
    n_dated: int = Field(description="Dated calls with an overall score.")
    slope_per_30d: float | None = Field(
        description="Least-squares slope, points per 30 days; None below 3 dated calls."
    )


class Standing(_Model):
    """Where an agent stands: their median overall against the team's and the whole set's."""

    median: float | None
    team: str
    team_median: float | None = Field(description="Median of the team's per-agent medians.")
    diff_from_team: float | None
    whole_median: float | None = Field(description="Median of all agents' medians.")
    diff_from_whole: float | None
    percentile: float | None = Field(
        description="Share of the other agents with a lower median (ties half), 0–100."
    )
    n_team_agents: int
    n_agents: int


class PriorityExample(_Model):
    """One call where a recurring priority came up, and its moment."""

    call_id: str
    started_at: datetime | None = None
    points: float
    utterance: int | None
    start: float | None
    quote: str | None
    problem: str
    suggestion: str | None


class RecurringPriority(_Model):
    """A coaching priority that came up in several of an agent's calls."""

    key: str
    n_calls: int = Field(description="Calls where it was among the call's priorities.")
    of_calls: int = Field(description="The agent's (or team's) calls.")
    points: float = Field(description="Overall points it cost, summed over those calls.")
    examples: list[PriorityExample] = Field(description="The two with the most points.")

    def name(self, lang: str = "en") -> str:
        """The key as words, in Swedish or English."""
        return priority_name(self.key, _check_lang(lang))

    def text(self, lang: str = "en") -> str:
        """ "premature solution in 6 of 9 calls" / "för tidig lösning i 6 av 9 samtal"."""
        code = _check_lang(lang)
        name = priority_name(self.key, code)
        if code == "sv":
            return f"{name} i {self.n_calls} av {self.of_calls} samtal"
        calls = "call" if self.of_calls == 1 else "calls"
        return f"{name} in {self.n_calls} of {self.of_calls} {calls}"


class GroupSummary(_Model):
    """One agent, one team, or the whole set, across their calls."""

    id: str
    level: Literal["agent", "team", "all"]
    team: str | None = Field(description="An agent's team (most of their calls); a team's id.")
    teams: list[str] = Field(description="Every team the calls were in.")
    agents: list[str] = Field(
        description="Agents: itself; team: agents whose team it is; all: every agent."
    )
    n_calls: int
    talk: TalkTime
    behaviours: list[BehaviourStat]
    patterns: list[PatternStat]
    overall: ScoreStat
    stages: list[StageStat]
    trend: Trend
    priorities: list[RecurringPriority] = Field(description="Most calls first, then points.")
    standing: Standing | None = Field(default=None, description="Agents only.")
    agent_median: float | None = Field(
        default=None, description="Teams and all: median of the agents' median overall scores."
    )

    def behaviour(self, behaviour: str) -> BehaviourStat:
        """The profile entry of ``behaviour``."""
        for b in self.behaviours:
            if b.behaviour == behaviour:
                return b
        raise KeyError(behaviour)

    def pattern(self, pattern: str) -> PatternStat:
        """The frequency of ``pattern``."""
        for p in self.patterns:
            if p.pattern == pattern:
                return p
        raise KeyError(pattern)

    def stage(self, stage: str) -> StageStat:
        """The scores of ``stage``."""
        for s in self.stages:
            if s.stage == stage:
                return s
        raise KeyError(stage)


class AgentSummary(_Model):
    """What :func:`summarise_agents` returns: per agent, per team, and the whole set."""

    n_calls: int
    n_failed: int = Field(default=0, description="Failures in the input, skipped.")
    scorecards: list[str]
    stages: list[str] = Field(description="Stage ids, in scorecard order.")
    period: PeriodKind | None = Field(description="Trend granularity for every group.")
    method: dict[str, str] = Field(description="How each figure is computed.")
    agents: list[GroupSummary]
    teams: list[GroupSummary]
    whole_set: GroupSummary

    def agent(self, agent_id: str) -> GroupSummary:
        """The summary of one agent; ValueError naming the known ids if there is none."""
        for a in self.agents:
            if a.id == agent_id:
                return a
        raise ValueError(_unknown("agent id", [agent_id], [a.id for a in self.agents]))

    def team(self, team: str) -> GroupSummary:
        """The summary of one team; ValueError naming the known teams if there is none."""
        for t in self.teams:
            if t.id == team:
                return t
        raise ValueError(_unknown("team", [team], [t.id for t in self.teams]))

    def compare(self, agent_ids: Sequence[str], lang: str = "en") -> pd.DataFrame:
        """:func:`compare_agents` on this summary."""
        return compare_agents(self, agent_ids, lang=lang)

    def to_frame(self, kind: FrameKind = "agents") -> pd.DataFrame:
        """A tidy table: ``agents``, ``teams``, ``behaviours``, ``stages``, ``trend``, ``priorities``.

        ``agents`` and ``teams`` have one row per agent or team (counts, talk, overall
        stats, stage means, behaviour rates and shares, pattern shares, standing);
        ``behaviours`` and ``stages`` are long (one row per agent and behaviour or stage),
        ``trend`` one row per agent and period, ``priorities`` one per agent and key.
        """
        return _frame(self, kind)


def _unknown(what: str, missing: Sequence[str], known: Sequence[str]) -> str:
    shown = ", ".join(repr(k) for k in known[:20])
    more = f" and {len(known) - 20} more" if len(known) > 20 else ""
    names = ", ".join(repr(m) for m in missing)
    plural = "s" if len(missing) > 1 else ""
    return f"unknown {what}{plural} {names}; known: {shown or '(none)'}{more}"


# -- what is kept per call ------------------------------------------------------------


@dataclass(slots=True)
class _Example:
    call_id: str
    started_at: datetime | None
    points: float
    utterance: int | None
    start: float | None
    quote: str | None
    problem: str
    suggestion: str | None

    def sort_key(self) -> tuple[float, str, int]:
        """Most points first, then call id and utterance (deterministic)."""
        return (-self.points, self.call_id, -1 if self.utterance is None else self.utterance)


@dataclass(slots=True)
class _Call:
    """The few numbers a summary needs from one scored call."""

    call_id: str
    agent: str
    team: str
    source: str
    started_at: datetime | None
    when: float | None
    overall: float | None
    stages: dict[str, float]
    not_applicable: set[str]
    timed_s: float
    estimated_s: float
    n_timed: int
    n_estimated: int
    behaviours: Counter[str]
    patterns: Counter[str]
    priorities: dict[str, _Example] = field(default_factory=dict)

    def sort_key(self) -> tuple[str, str, str, float, str, float]:
        return (
            self.agent,
            self.team,
            self.call_id,
            -math.inf if self.when is None else self.when,
            self.source,
            -1.0 if self.overall is None else self.overall,
        )


@dataclass(frozen=True, slots=True)
class AgentDigest:
    """What :func:`summarise_agents` needs of one scored call: a few numbers, its
    priorities' examples, its scorecard and its stages' ids and names. Small to send between
    processes; a summary of digests equals the summary of the calls they were made from."""

    record: _Call
    scorecard: str
    language: str
    stages: tuple[tuple[str, str], ...]


def agent_digest(s: ScoredCall) -> AgentDigest:
    """The :class:`AgentDigest` of one scored call."""
    return AgentDigest(
        record=_record(s),
        scorecard=s.scorecard,
        language=s.language,
        stages=tuple((st.id, st.name) for st in s.stages),
    )


def _timestamp(when: datetime) -> float:
    """POSIX seconds; a naive time is taken as UTC."""
    return (when if when.tzinfo is not None else when.replace(tzinfo=UTC)).timestamp()


def _record(s: ScoredCall) -> _Call:
    call = s.call
    timed_s = estimated_s = 0.0
    n_timed = n_estimated = 0
    behaviours: Counter[str] = Counter()
    for u in call.utterances:
        if u.speaker is not Role.AGENT:
            continue
        if u.start is not None and u.end is not None and u.end > u.start:
            timed_s += u.end - u.start
            n_timed += 1
        else:
            estimated_s += n_words(u.text) / WORDS_PER_MINUTE * 60.0
            n_estimated += 1
        labels = {t.label for t in u.tags}
        for label in labels:
            if label in _BEHAVIOUR_IDS:
                behaviours[label] += 1
        if _JARGON in labels:
            behaviours[_JARGON] += sum(1 for t in u.tags if t.label == _JARGON)
    patterns: Counter[str] = Counter(e.pattern for e in call.events if e.pattern in _PATTERN_IDS)
    priorities: dict[str, _Example] = {}
    for p in s.priorities:
        m = p.moment
        example = _Example(
            call_id=s.call_id,
            started_at=s.started_at,
            points=p.points,
            utterance=m.utterance if m is not None else None,
            start=m.start if m is not None else None,
            quote=m.quote if m is not None else None,
            problem=p.problem,
            suggestion=p.suggestion,
        )
        # A key twice in one call is one call: keep its clearest moment.
        old = priorities.get(p.key)
        if old is None or example.sort_key() < old.sort_key():
            priorities[p.key] = example
    return _Call(
        call_id=s.call_id,
        agent=s.agent_id if s.agent_id is not None else UNKNOWN_AGENT,
        team=s.team if s.team is not None else NO_TEAM,
        source=s.source or "",
        started_at=s.started_at,
        when=_timestamp(s.started_at) if s.started_at is not None else None,
        overall=s.overall,
        stages={st.id: st.score for st in s.stages if st.applicable and st.score is not None},
        not_applicable={st.id for st in s.stages if not (st.applicable and st.score is not None)},
        timed_s=timed_s,
        estimated_s=estimated_s,
        n_timed=n_timed,
        n_estimated=n_estimated,
        behaviours=behaviours,
        patterns=patterns,
        priorities=priorities,
    )


# -- statistics -----------------------------------------------------------------------


def _mean(values: Sequence[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def _median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def _std(values: Sequence[float]) -> float | None:
    """Sample standard deviation (n − 1), exact-summed; None below two values."""
    if len(values) < 2:
        return None
    m = math.fsum(values) / len(values)
    return math.sqrt(math.fsum((v - m) ** 2 for v in values) / (len(values) - 1))


def _score_stat(values: list[float]) -> ScoreStat:
    values = sorted(values)
    return ScoreStat(
        n_calls=len(values), mean=_mean(values), std=_std(values), median=_median(values)
    )


def _talk(calls: Sequence[_Call]) -> TalkTime:
    timed = math.fsum(c.timed_s for c in calls) / 60.0
    estimated = math.fsum(c.estimated_s for c in calls) / 60.0
    n_timed = sum(c.n_timed for c in calls)
    n_estimated = sum(c.n_estimated for c in calls)
    basis: Basis | None
    if n_timed and n_estimated:
        basis = "mixed"
    elif n_timed:
        basis = "timestamps"
    elif n_estimated:
        basis = "words"
    else:
        basis = None
    return TalkTime(
        minutes=timed + estimated, basis=basis, timed_minutes=timed, estimated_minutes=estimated
    )


def _behaviours(calls: Sequence[_Call], minutes: float) -> list[BehaviourStat]:
    totals: Counter[str] = Counter()
    for c in calls:
        totals.update(c.behaviours)
    labelled = sum(totals[b] for b in _BEHAVIOUR_IDS)
    out = []
    for b in _PROFILE_IDS:
        count = totals[b]
        share = count / labelled if labelled and b != _JARGON else None
        out.append(
            BehaviourStat(
                behaviour=b,
                count=count,
                share=share,
                per_10min=count / (minutes / 10.0) if minutes > 0 else None,
                per_call=count / len(calls) if calls else None,
            )
        )
    return out


def _patterns(calls: Sequence[_Call]) -> list[PatternStat]:
    out = []
    for p in _PATTERN_IDS:
        with_it = sum(1 for c in calls if c.patterns[p])
        events = sum(c.patterns[p] for c in calls)
        out.append(
            PatternStat(
                pattern=p,
                n_calls=with_it,
                share_of_calls=with_it / len(calls) if calls else None,
                events=events,
                per_call=events / len(calls) if calls else None,
            )
        )
    return out


def _stages(
    calls: Sequence[_Call], stage_ids: Sequence[str], names: dict[str, dict[str, str]]
) -> list[StageStat]:
    out = []
    for sid in stage_ids:
        values = sorted(c.stages[sid] for c in calls if sid in c.stages)
        out.append(
            StageStat(
                stage=sid,
                names=dict(sorted(names.get(sid, {}).items())),
                n_calls=len(values),
                n_not_applicable=sum(1 for c in calls if sid in c.not_applicable),
                mean=_mean(values),
                std=_std(values),
                median=_median(values),
            )
        )
    return out


def _period(day: date, kind: PeriodKind) -> tuple[str, date]:
    if kind == "month":
        return f"{day.year:04d}-{day.month:02d}", date(day.year, day.month, 1)
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}", day - timedelta(days=day.weekday())


def _trend(calls: Sequence[_Call], kind: PeriodKind | None) -> Trend:
    dated = [c for c in calls if c.started_at is not None]
    if kind is None or not dated:
        return Trend(period=kind, points=[], n_dated=0, slope_per_30d=None)
    periods: dict[tuple[date, str], list[_Call]] = {}
    for c in calls:
        if c.started_at is not None:
            label, start = _period(c.started_at.date(), kind)
            periods.setdefault((start, label), []).append(c)
    points = [
        TrendPoint(
            period=label,
            start=start,
            n_calls=len(group),
            mean_overall=_mean(sorted(c.overall for c in group if c.overall is not None)),
        )
        for (start, label), group in sorted(periods.items())
    ]
    pairs = sorted(
        (c.when / 86400.0, c.overall) for c in dated if c.when is not None and c.overall is not None
    )
    slope = None
    if len(pairs) >= 3:
        mx = math.fsum(x for x, _ in pairs) / len(pairs)
        my = math.fsum(y for _, y in pairs) / len(pairs)
        sxx = math.fsum((x - mx) ** 2 for x, _ in pairs)
        if sxx > 0:
            slope = math.fsum((x - mx) * (y - my) for x, y in pairs) / sxx * 30.0
    return Trend(period=kind, points=points, n_dated=len(pairs), slope_per_30d=slope)


def _priorities(calls: Sequence[_Call]) -> list[RecurringPriority]:
    by_key: dict[str, list[_Example]] = {}
    for c in calls:
        for key, example in c.priorities.items():
            by_key.setdefault(key, []).append(example)
    found = []
    for key, examples in by_key.items():
        examples.sort(key=_Example.sort_key)
        found.append(
            RecurringPriority(
                key=key,
                n_calls=len(examples),
                of_calls=len(calls),
                points=math.fsum(e.points for e in examples),
                examples=[
                    PriorityExample(
                        call_id=e.call_id,
                        started_at=e.started_at,
                        points=e.points,
                        utterance=e.utterance,
                        start=e.start,
                        quote=e.quote,
                        problem=e.problem,
                        suggestion=e.suggestion,
                    )
                    for e in examples[:N_EXAMPLES]
                ],
            )
        )
    found.sort(key=lambda r: (-r.n_calls, -r.points, r.key))
    return found


def _primary_team(calls: Sequence[_Call]) -> str:
    counts = Counter(c.team for c in calls)
    return min(counts, key=lambda t: (-counts[t], t))


def _group(
    gid: str,
    level: Literal["agent", "team", "all"],
    calls: list[_Call],
    *,
    team: str | None,
    agents: list[str],
    stage_ids: Sequence[str],
    names: dict[str, dict[str, str]],
    period: PeriodKind | None,
) -> GroupSummary:
    talk = _talk(calls)
    return GroupSummary(
        id=gid,
        level=level,
        team=team,
        teams=sorted({c.team for c in calls}),
        agents=agents,
        n_calls=len(calls),
        talk=talk,
        behaviours=_behaviours(calls, talk.minutes),
        patterns=_patterns(calls),
        overall=_score_stat([c.overall for c in calls if c.overall is not None]),
        stages=_stages(calls, stage_ids, names),
        trend=_trend(calls, period),
        priorities=_priorities(calls),
    )


# -- the summary ----------------------------------------------------------------------


def _collect(
    scored_calls: Iterable[ScoredCall | AgentDigest | Failure],
) -> tuple[list[_Call], int, set[str], dict[str, int], dict[str, dict[str, str]]]:
    """One pass: per call its numbers; stage order (first position seen) and names."""
    calls: list[_Call] = []
    failed = 0
    scorecards: set[str] = set()
    position: dict[str, int] = {}
    names: dict[str, dict[str, str]] = {}
    for item in scored_calls:
        if isinstance(item, Failure):
            failed += 1
            continue
        if isinstance(item, ScoredCall):
            item = agent_digest(item)
        elif not isinstance(item, AgentDigest):
            raise TypeError(f"expected ScoredCall objects, got {type(item).__name__}")
        calls.append(item.record)
        scorecards.add(item.scorecard)
        for i, (stage_id, stage_name) in enumerate(item.stages):
            position[stage_id] = min(position.get(stage_id, i), i)
            per_lang = names.setdefault(stage_id, {})
            old = per_lang.get(item.language)
            per_lang[item.language] = stage_name if old is None else min(old, stage_name)
    calls.sort(key=_Call.sort_key)
    return calls, failed, scorecards, position, names


def summarise_agents(
    scored_calls: Iterable[ScoredCall | AgentDigest | Failure],
) -> AgentSummary:
    """Summarise scored calls per agent, per team and for the whole set.

    Args:
        scored_calls: Scored calls (:func:`verbalkit.score`, :func:`verbalkit.score_many`),
            or their :func:`agent_digest` (made where the call was scored, so that only
            the digest travels between processes); read once. Failures from
            ``score_many`` are skipped and counted in ``n_failed``.

    Returns:
        An :class:`AgentSummary`. Calls without an agent id count under ``"(unknown)"``,
        calls without a team under ``"(no team)"``. The same calls in any order give the
        same summary.
    """
    calls, failed, scorecards, position, names = _collect(scored_calls)
    stage_ids = sorted(position, key=lambda sid: (position[sid], sid))
    whens = [c.when for c in calls if c.when is not None]
    period: PeriodKind | None = None
    if whens:
        period = "month" if max(whens) - min(whens) >= MONTHLY_FROM_DAYS * 86400 else "week"

    by_agent: dict[str, list[_Call]] = {}
    by_team: dict[str, list[_Call]] = {}
    for c in calls:
        by_agent.setdefault(c.agent, []).append(c)
        by_team.setdefault(c.team, []).append(c)
    agent_team = {a: _primary_team(cs) for a, cs in by_agent.items()}

    def group(
        gid: str,
        level: Literal["agent", "team", "all"],
        cs: list[_Call],
        team: str | None,
        members: list[str],
    ) -> GroupSummary:
        return _group(
            gid,
            level,
            cs,
            team=team,
            agents=members,
            stage_ids=stage_ids,
            names=names,
            period=period,
        )

    agents = {a: group(a, "agent", cs, agent_team[a], [a]) for a, cs in sorted(by_agent.items())}
    # Peers: the identified agents with a score; "(unknown)" is a pool, not a peer.
    peers = {a: g.overall.median for a, g in agents.items() if a != UNKNOWN_AGENT}
    medians = {a: m for a, m in peers.items() if m is not None}
    whole_median = _median(sorted(medians.values()))
    team_agents: dict[str, list[str]] = {}
    for a in sorted(peers):
        team_agents.setdefault(agent_team[a], []).append(a)
    team_median = {
        t: _median(sorted(medians[a] for a in members if a in medians))
        for t, members in team_agents.items()
    }

    def standing(a: str, g: GroupSummary) -> Standing:
        median = g.overall.median
        t = agent_team[a]
        tm = team_median.get(t)
        others = [m for b, m in medians.items() if b != a]
        percentile = None
        if median is not None and others:
            below = sum(1 for m in others if m < median)
            ties = sum(1 for m in others if m == median)
            percentile = 100.0 * (below + 0.5 * ties) / len(others)
        return Standing(
            median=median,
            team=t,
            team_median=tm,
            diff_from_team=median - tm if median is not None and tm is not None else None,
            whole_median=whole_median,
            diff_from_whole=(
                median - whole_median if median is not None and whole_median is not None else None
            ),
            percentile=percentile,
            n_team_agents=len(team_agents.get(t, [])),
            n_agents=len(peers),
        )

    agent_list = [
        g.model_copy(update={"standing": standing(a, g)}) for a, g in sorted(agents.items())
    ]
    teams = [
        group(t, "team", cs, t, team_agents.get(t, [])).model_copy(
            update={"agent_median": team_median.get(t)}
        )
        for t, cs in sorted(by_team.items())
    ]
    whole = group("(all)", "all", calls, None, sorted(by_agent)).model_copy(
        update={"agent_median": whole_median}
    )
    return AgentSummary(
        n_calls=len(calls),
        n_failed=failed,
        scorecards=sorted(scorecards),
        stages=stage_ids,
        period=period,
        method=dict(_METHOD),
        agents=agent_list,
        teams=teams,
        whole_set=whole,
    )


# -- the comparison table -------------------------------------------------------------


def _measures(g: GroupSummary, lang: Lang) -> Iterator[tuple[str, float | int | str | None]]:
    """The rows of the comparison table for one group, in order."""
    yield "n calls", g.n_calls
    yield "talk minutes", g.talk.minutes
    yield "overall median", g.overall.median
    yield "overall mean", g.overall.mean
    standing = g.standing
    yield "diff from team median", standing.diff_from_team if standing else None
    yield "percentile", standing.percentile if standing else None
    for s in g.stages:
        yield f"stage {s.stage} mean", s.mean
    for b in g.behaviours:
        yield f"{b.behaviour} per 10 min", b.per_10min
    for b in g.behaviours:
        if b.behaviour != _JARGON:
            yield f"{b.behaviour} share", b.share
    for p in g.patterns:
        yield f"{p.pattern} share of calls", p.share_of_calls
    yield "top recurring priority", g.priorities[0].text(lang) if g.priorities else None


_NOT_POOLED = {"diff from team median", "percentile", "top recurring priority"}


def _median_agent(
    groups: Sequence[GroupSummary], pooled: GroupSummary, lang: Lang
) -> list[float | int | str | None]:
    """Per measure, the median over ``groups``; the top priority of the pooled group."""
    rows = [dict(_measures(g, lang)) for g in groups]
    out: list[float | int | str | None] = []
    for measure, value in _measures(pooled, lang):
        if measure == "top recurring priority":
            out.append(value)
            continue
        if measure in _NOT_POOLED:
            out.append(None)
            continue
        values = sorted(
            float(v) for r in rows if isinstance(v := r.get(measure), int | float) and v == v
        )
        out.append(_median(values))
    return out


def compare_agents(
    summary: AgentSummary, agent_ids: Sequence[str], lang: str = "en"
) -> pd.DataFrame:
    """One table to compare agents: rows are measures, columns the agents.

    After the agents come a column per team of theirs, ``"<team> (median agent)"``, and
    ``"all agents (median agent)"``: per measure the median over that team's (or every)
    agent's value, the same basis as the standing; their top recurring priority is the
    team's (the whole set's) over all its calls. ``lang`` ("sv" or "en") is the language of
    the priority texts.

    Raises:
        ValueError: an agent id is not in the summary (the message names it and the known
            ids), or no agent is named.
    """
    code = _check_lang(lang)
    wanted = list(dict.fromkeys(agent_ids))
    if not wanted:
        raise ValueError("name at least one agent to compare")
    known = [a.id for a in summary.agents]
    missing = [a for a in wanted if a not in known]
    if missing:
        raise ValueError(_unknown("agent id", missing, known))
    import pandas as pd

    by_id = {a.id: a for a in summary.agents}
    measures = [m for m, _ in _measures(summary.whole_set, code)]
    columns: dict[str, list[float | int | str | None]] = {}
    for a in wanted:
        values = dict(_measures(by_id[a], code))
        columns[a] = [values.get(m) for m in measures]
    peers = [a for a in summary.agents if a.id != UNKNOWN_AGENT]
    teams = {t.id: t for t in summary.teams}
    for t in dict.fromkeys(by_id[a].team for a in wanted):
        if t is None or t not in teams:
            continue
        members = [a for a in peers if a.team == t]
        columns[f"{t} (median agent)"] = _median_agent(members, teams[t], code)
    columns["all agents (median agent)"] = _median_agent(peers, summary.whole_set, code)
    df = pd.DataFrame(columns, index=pd.Index(measures, name="measure"), dtype=object)
    df.columns.name = "agent"
    return df


# -- frames ---------------------------------------------------------------------------


def _wide_row(g: GroupSummary) -> dict[str, Any]:
    row: dict[str, Any] = {
        "n_calls": g.n_calls,
        "talk_minutes": g.talk.minutes,
        "talk_basis": g.talk.basis,
        "overall_mean": g.overall.mean,
        "overall_median": g.overall.median,
        "overall_std": g.overall.std,
        "overall_n": g.overall.n_calls,
    }
    for s in g.stages:
        row[f"{s.stage}_mean"] = s.mean
    for b in g.behaviours:
        row[f"{b.behaviour}_per_10min"] = b.per_10min
    for b in g.behaviours:
        if b.behaviour != _JARGON:
            row[f"{b.behaviour}_share"] = b.share
    for p in g.patterns:
        row[f"{p.pattern}_share_calls"] = p.share_of_calls
    row["trend_slope_per_30d"] = g.trend.slope_per_30d
    return row


def agent_rows(summary: AgentSummary) -> tuple[list[dict[str, Any]], list[str]]:
    """The ``agents`` table as rows and its columns (``to_frame("agents")`` without pandas)."""
    rows = []
    for g in summary.agents:
        st = g.standing
        rows.append(
            {
                "agent_id": g.id,
                "team": g.team,
                **_wide_row(g),
                "diff_from_team": st.diff_from_team if st else None,
                "diff_from_whole": st.diff_from_whole if st else None,
                "percentile": st.percentile if st else None,
            }
        )
    columns = ["agent_id", "team", *_wide_row(summary.whole_set), "diff_from_team"]
    columns += ["diff_from_whole", "percentile"]
    return rows, columns


def _frame(summary: AgentSummary, kind: FrameKind) -> pd.DataFrame:
    import pandas as pd

    if kind == "agents":
        rows, columns = agent_rows(summary)
        return pd.DataFrame(rows, columns=columns)
    if kind == "teams":
        rows = [
            {
                "team": g.id,
                "n_agents": len(g.agents),
                **_wide_row(g),
                "agent_median": g.agent_median,
            }
            for g in summary.teams
        ]
        columns = ["team", "n_agents", *_wide_row(summary.whole_set), "agent_median"]
        return pd.DataFrame(rows, columns=columns)
    if kind == "behaviours":
        return pd.DataFrame(
            [
                {
                    "agent_id": g.id,
                    "team": g.team,
                    "behaviour": b.behaviour,
                    "count": b.count,
                    "share": b.share,
                    "per_10min": b.per_10min,
                    "per_call": b.per_call,
                }
                for g in summary.agents
                for b in g.behaviours
            ],
            columns=["agent_id", "team", "behaviour", "count", "share", "per_10min", "per_call"],
        )
    if kind == "stages":
        return pd.DataFrame(
            [
                {
                    "agent_id": g.id,
                    "team": g.team,
                    "stage": s.stage,
                    "n_calls": s.n_calls,
                    "n_not_applicable": s.n_not_applicable,
                    "mean": s.mean,
                    "std": s.std,
                    "median": s.median,
                }
                for g in summary.agents
                for s in g.stages
            ],
            columns=[
                "agent_id",
                "team",
                "stage",
                "n_calls",
                "n_not_applicable",
                "mean",
                "std",
                "median",
            ],
        )
    if kind == "trend":
        df = pd.DataFrame(
            [
                {
                    "agent_id": g.id,
                    "team": g.team,
                    "period": p.period,
                    "period_start": p.start,
                    "n_calls": p.n_calls,
                    "mean_overall": p.mean_overall,
                }
                for g in summary.agents
                for p in g.trend.points
            ],
            columns=["agent_id", "team", "period", "period_start", "n_calls", "mean_overall"],
        )
        df["period_start"] = pd.to_datetime(df["period_start"])
        return df
    if kind == "priorities":
        return pd.DataFrame(
            [
                {
                    "agent_id": g.id,
                    "team": g.team,
                    "key": r.key,
                    "n_calls": r.n_calls,
                    "of_calls": r.of_calls,
                    "points": r.points,
                    "example_call_ids": [e.call_id for e in r.examples],
                }
                for g in summary.agents
                for r in g.priorities
            ],
            columns=[
                "agent_id",
                "team",
                "key",
                "n_calls",
                "of_calls",
                "points",
                "example_call_ids",
            ],
        )
    raise ValueError(
        f"unknown kind {kind!r}; use agents, teams, behaviours, stages, trend or priorities"
    )
