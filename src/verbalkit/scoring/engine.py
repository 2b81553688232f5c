"""Score one analysed call against a scorecard: stages, explanation, priorities, strengths.

Scores depend only on the analysed call and the scorecard (deterministic):

- an indicator's score ``s`` (0–1) comes from its measured value (see
  :meth:`~verbalkit.scoring.scorecard.Indicator.judge`);
- a stage's score is ``100 · Σ wᵢ sᵢ / Σ wᵢ`` over its applicable indicators, so indicator
  *i* costs the stage ``100 · wᵢ (1 − sᵢ) / Σ wᵢ`` points;
- the overall score is the weight-averaged score of the applicable stages, so stage *j*
  costs ``Wⱼ (100 − Sⱼ) / Σ W`` overall points, shared among its indicators as above.

Those costs are the explanation ("why 42?") and rank the coaching priorities.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from verbalkit.patterns.common import in_time_order, is_timed
from verbalkit.patterns.premature import problem_episodes
from verbalkit.schema import (
    AnalysedCall,
    AnalysedUtterance,
    Failure,
    PatternEvent,
    Tag,
    Transcript,
)
from verbalkit.scoring import coaching
from verbalkit.scoring.models import (
    IndicatorResult,
    Moment,
    Priority,
    ScoredCall,
    StageScore,
    Strength,
)
from verbalkit.scoring.scorecard import Condition, Indicator, Scorecard, Stage, load_scorecard
from verbalkit.vocab import Behaviour, Role, Signal

#: Words per minute a spoken turn is assumed to take when a call has no timestamps (rates
#: per 10 minutes then rest on words; results say so in ``details.minutes_basis``).
SPOKEN_WPM = 150.0

#: Agent turns at the end of the call that make up the ``closing`` scope.
CLOSING_TURNS = 3

#: Coaching priorities and strengths kept per call.
N_PRIORITIES = 3
N_STRENGTHS = 3

#: A priority must cost at least this many overall points: smaller losses are not advice.
MIN_POINTS = 1.0

#: Quotes are cut to about this many characters, at a word boundary.
QUOTE_CHARS = 160

#: A tagged span shorter than this many words is quoted with its whole utterance.
SHORT_SPAN_WORDS = 4

_LISTENING_FIRST = {"open_question", "restating", "sympathy", "apology", "thanking"}
_AT_SOLUTION = {"solution", "collaboration"}
_AFTER_SOLUTION = {"expectation", "follow_up"}
#: Sources that measure over-talking: one coaching topic, whichever costs most names it.
OVERTALK = frozenset(
    {
        "pattern:interruption",
        "pattern:long_monologue",
        "metric:agent_talk_share",
        "metric:longest_monologue_s",
        "metric:longest_monologue_words",
        "metric:n_interruptions",
        "metric:agent_wpm",
        "metric:response_gap_mean_s",
        "metric:response_gap_median_s",
    }
)

#: Why a stage or indicator does not apply, per language.
_REASONS = {
    "sv": {
        "or": "eller",
        "emotion": "känslor",
        "problem": "problem",
        "no_customer": "kunden visade inga {names}",
        "no_agent": "agenten använde ingen {names}",
        "timestamps": "kräver tidsstämplar",
        "untimed": "bara för samtal utan tidsstämplar",
        "no_metric": "samtalet saknar {name}",
        "no_turns": "inga agenturer i omfånget",
        "no_length": "samtalet har ingen längd",
        "no_indicator": "ingen av dess indikatorer gäller",
    },
    "en": {
        "or": "or",
        "emotion": "emotion",
        "problem": "problem",
        "no_customer": "the customer showed no {names}",
        "no_agent": "the agent used no {names}",
        "timestamps": "needs timestamps",
        "untimed": "only for untimed calls",
        "no_metric": "the call has no {name}",
        "no_turns": "no agent turns in scope",
        "no_length": "the call has no length",
        "no_indicator": "none of its indicators applies",
    },
}

_METRIC_EVENTS = {
    "longest_monologue_s": "long_monologue",
    "longest_monologue_words": "long_monologue",
    "agent_talk_share": "long_monologue",
    "n_interruptions": "interruption",
}


def score(call: AnalysedCall | Transcript, scorecard: Scorecard | None = None) -> ScoredCall:
    """Score one call.

    Args:
        call: An analysed call (:func:`verbalkit.analyze`); a transcript is analysed first.
        scorecard: A scorecard (:func:`~verbalkit.scoring.load_scorecard`); default LUSTFULL.

    Returns:
        Scores per stage and overall (0–100, ``None`` where nothing applies), each
        indicator's value and cost, the top coaching priorities and the strengths.
    """
    if isinstance(call, Transcript):
        from verbalkit.analysis import analyze

        call = analyze(call)
    card = scorecard if scorecard is not None else load_scorecard()
    facts = _Facts.of(call)
    stages = [_score_stage(stage, facts) for stage in card.stages]
    stages, overall = _overall(stages, {s.id: s.weight for s in card.stages})
    results = [i for s in stages for i in s.indicators]
    return ScoredCall(
        call_id=call.call_id,
        agent_id=call.agent_id,
        team=call.team,
        language=call.language,
        started_at=call.started_at,
        source=call.source,
        scorecard=card.label,
        overall=overall,
        stages=stages,
        priorities=_priorities(results, facts),
        strengths=_strengths(results, facts, card),
        call=call,
        details={
            "agent_turns": len(facts.agent),
            "minutes": round(facts.minutes, 2),
            "minutes_basis": facts.minutes_basis,
            "problem_utterance": facts.problem.index if facts.problem is not None else None,
            "first_solution_utterance": facts.solution_index,
        },
    )


def score_many(
    calls: Iterable[AnalysedCall | Transcript | Failure], scorecard: Scorecard | None = None
) -> Iterator[ScoredCall | Failure]:
    """Score calls one by one as they come (streaming); failures pass through.

    An error while scoring one call becomes a :class:`~verbalkit.schema.Failure` for that
    call and the rest go on.
    """
    card = scorecard if scorecard is not None else load_scorecard()
    for item in calls:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield score(item, card)
        except Exception as err:
            yield Failure.unexpected(item.source or "<call>", err, call_id=item.call_id)


# -- facts about the call -----------------------------------------------------------


@dataclass
class _Facts:
    """What every indicator needs, computed once per call."""

    call: AnalysedCall
    ordered: list[AnalysedUtterance]
    agent: list[AnalysedUtterance]
    position: dict[int, int]
    problem: AnalysedUtterance | None
    first_solution: tuple[int, int] | None
    minutes: float
    minutes_basis: str
    customer_signals: set[str] = field(default_factory=set)
    agent_labels: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, call: AnalysedCall) -> _Facts:
        ordered, _ = in_time_order(call)
        position = {u.index: i for i, u in enumerate(ordered)}
        agent = [u for u in ordered if u.speaker is Role.AGENT]
        episodes = problem_episodes(call)
        problem = episodes[0].problem if episodes else None
        first_solution = None
        for u in agent:
            starts = [t.start for t in u.tags if t.label == Behaviour.SOLUTION.value]
            if starts:
                first_solution = (position[u.index], min(starts))
                break
        customer_signals = {
            t.label for u in ordered if u.speaker is Role.CUSTOMER for t in u.tags
        } & {s.value for s in Signal}
        if problem is not None and any(
            e.details.get("problem_utterance") == problem.index for e in call.events
        ):
            # The patterns' untagged stand-in for a problem statement (the first substantive
            # customer turn) counts once the agent answered it with a solution: a solution
            # says there was something to solve, and listening was due before it. A plain
            # request nobody "solved" stays no problem, so feelings stages do not apply.
            customer_signals.add(Signal.PROBLEM.value)
        agent_labels = {t.label for u in agent for t in u.tags}
        if is_timed(call):
            duration = _duration(call)
            minutes, basis = duration / 60.0, "timestamps"
        else:
            words = sum(len(u.text.split()) for u in ordered)
            minutes, basis = words / SPOKEN_WPM, "words"
        return cls(
            call=call,
            ordered=ordered,
            agent=agent,
            position=position,
            problem=problem,
            first_solution=first_solution,
            minutes=minutes,
            minutes_basis=basis,
            customer_signals=customer_signals,
            agent_labels=agent_labels,
        )

    @property
    def solution_index(self) -> int | None:
        if self.first_solution is None:
            return None
        return self.ordered[self.first_solution[0]].index

    def in_scope(self, scope: str, u: AnalysedUtterance, start: int = 0) -> bool:
        """Whether (the part of) agent utterance ``u`` from character ``start`` is in scope."""
        pos = self.position[u.index]
        after = scope in ("after_problem", "feelings_first") and self.problem is not None
        if after and self.problem is not None and pos <= self.position[self.problem.index]:
            return False
        before = scope in ("before_solution", "feelings_first")
        if before and self.first_solution is not None and (pos, start) >= self.first_solution:
            return False
        if scope == "closing":
            return u in self.agent[-CLOSING_TURNS:]
        return True

    def turns(self, scope: str) -> list[AnalysedUtterance]:
        """Agent turns at least partly in scope."""
        return [u for u in self.agent if self.in_scope(scope, u)]

    def holds(self, cond: Condition | None) -> tuple[bool, str | None]:
        """Whether a condition holds, and if not, why (one line, in the call's language)."""
        if cond is None:
            return True, None
        words = _REASONS.get(self.call.language, _REASONS["en"])
        if cond.customer is not None and not self.customer_signals & {
            s.value for s in cond.customer
        }:
            names = f" {words['or']} ".join(words[s.value] for s in cond.customer)
            return False, words["no_customer"].format(names=names)
        if cond.agent is not None and not self.agent_labels & {b.value for b in cond.agent}:
            names = f" {words['or']} ".join(b.value for b in cond.agent)
            return False, words["no_agent"].format(names=names)
        if cond.timestamps is not None and cond.timestamps != is_timed(self.call):
            return False, words["timestamps"] if cond.timestamps else words["untimed"]
        return True, None

    def reason(self, key: str, **slots: str) -> str:
        """A reason text in the call's language."""
        words = _REASONS.get(self.call.language, _REASONS["en"])
        return words[key].format(**slots)

    def previous_customer(self, u: AnalysedUtterance) -> AnalysedUtterance | None:
        """The last customer turn before ``u``."""
        for prev in reversed(self.ordered[: self.position[u.index]]):
            if prev.speaker is Role.CUSTOMER:
                return prev
        return None


def _duration(call: AnalysedCall) -> float:
    starts = [u.start for u in call.utterances if u.start is not None]
    ends = [u.end if u.end is not None else u.start for u in call.utterances]
    return max(e for e in ends if e is not None) - min(starts)


# -- indicators and stages ----------------------------------------------------------


def _event_utterance(event: PatternEvent, facts: _Facts) -> AnalysedUtterance | None:
    """The agent utterance an event is about (the solution, the offer, the interruption)."""
    by_index = {u.index: u for u in facts.ordered}
    for key in ("solution_utterance", "first_move_utterance", "agent_utterance"):
        value = event.details.get(key)
        if isinstance(value, int) and value in by_index:
            return by_index[value]
    agents = [by_index[i] for i in event.utterances if i in by_index]
    agents = [u for u in agents if u.speaker is Role.AGENT] or agents
    return agents[0] if agents else None


def _measure(ind: Indicator, facts: _Facts) -> tuple[float | None, str | None, list[Moment]]:
    """The indicator's value (None: not applicable), why not, and its evidence."""
    kind, name = ind.source
    call = facts.call
    if kind == "metric":
        metric = call.metric(name)
        if metric is None or metric.value is None:
            why = (
                facts.reason("timestamps")
                if metric is not None
                else facts.reason("no_metric", name=name)
            )
            return None, why, []
        pattern = _METRIC_EVENTS.get(name)
        found = [_event_moment(e, facts) for e in call.events if pattern and e.pattern == pattern]
        return metric.value, None, [m for m in found if m is not None]
    if kind == "pattern":
        events = []
        for e in call.events:
            if e.pattern != name:
                continue
            u = _event_utterance(e, facts)
            if u is None or u.speaker is not Role.AGENT or facts.in_scope(ind.scope, u):
                events.append(e)
        moments = [_event_moment(e, facts) for e in events]
        return float(len(events)), None, [m for m in moments if m is not None]
    hits: list[tuple[AnalysedUtterance, Tag]] = []
    n_utterances = 0
    for u in facts.agent:
        tags = [t for t in u.tags if t.label == name and facts.in_scope(ind.scope, u, t.start)]
        if tags:
            n_utterances += 1
            hits += [(u, t) for t in tags]
    count = float(len(hits) if name == Behaviour.JARGON.value else n_utterances)
    evidence = [_tag_moment(u, t) for u, t in hits]
    how = ind.how
    if how == "present":
        return (1.0 if hits else 0.0), None, evidence
    if how == "count":
        return count, None, evidence
    if how == "rate_per_turn":
        turns = len(facts.turns(ind.scope))
        if not turns:
            return None, facts.reason("no_turns"), evidence
        return count / turns, None, evidence
    if facts.minutes <= 0:
        return None, facts.reason("no_length"), evidence
    return count / (facts.minutes / 10.0), None, evidence


def _score_stage(stage: Stage, facts: _Facts) -> StageScore:
    lang = facts.call.language
    ok, why = facts.holds(stage.applies)
    results: list[IndicatorResult] = []
    for ind in stage.indicators:
        kind, name = ind.source
        applies, reason = (ok, why) if not ok else facts.holds(ind.applies)
        value: float | None = None
        evidence: list[Moment] = []
        if applies:
            value, reason, evidence = _measure(ind, facts)
            applies = value is not None
        results.append(
            IndicatorResult(
                id=ind.id,
                stage=stage.id,
                name=ind.name.get(lang),
                source=f"{kind}:{name}",
                measure=ind.how,
                scope=ind.scope,
                direction="band" if ind.band is not None else str(ind.direction),
                value=None if value is None else round(value, 4),
                score=None if value is None else round(ind.judge(value), 4),
                weight=ind.weight,
                applicable=applies,
                reason=None if applies else reason,
                evidence=evidence[:5],
            )
        )
    live = [r for r in results if r.applicable and r.score is not None]
    if not ok or not live:
        reason = why or facts.reason("no_indicator")
        return StageScore(
            id=stage.id,
            name=stage.name.get(lang),
            weight=stage.weight,
            score=None,
            applicable=False,
            reason=reason,
            indicators=results,
        )
    total = sum(r.weight for r in live)
    value = 100.0 * sum(r.weight * (r.score or 0.0) for r in live) / total
    results = [
        r.model_copy(
            update={"stage_points": round(100.0 * r.weight * (1.0 - (r.score or 0.0)) / total, 2)}
        )
        if r.applicable
        else r
        for r in results
    ]
    return StageScore(
        id=stage.id,
        name=stage.name.get(lang),
        weight=stage.weight,
        score=round(value, 1),
        applicable=True,
        indicators=results,
    )


def _overall(
    stages: list[StageScore], weights: dict[str, float]
) -> tuple[list[StageScore], float | None]:
    live = [s for s in stages if s.applicable and s.score is not None]
    if not live:
        return stages, None
    total = sum(weights[s.id] for s in live)
    overall = sum(weights[s.id] * (s.score or 0.0) for s in live) / total
    out = []
    for s in stages:
        if not s.applicable:
            out.append(s)
            continue
        share = weights[s.id] / total
        indicators = [
            i.model_copy(update={"overall_points": round(share * i.stage_points, 2)})
            for i in s.indicators
        ]
        out.append(
            s.model_copy(
                update={
                    "overall_points": round(share * (100.0 - (s.score or 0.0)), 2),
                    "indicators": indicators,
                }
            )
        )
    return out, round(overall, 1)


# -- moments, priorities, strengths -------------------------------------------------


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` on one line, cut at a word boundary near ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " …"


def _tag_moment(u: AnalysedUtterance, t: Tag) -> Moment:
    # A span of a few words ("Tack", "Åh nej") says little on its own: quote the utterance.
    text = t.text if len(t.text.split()) >= SHORT_SPAN_WORDS else u.text
    return Moment(
        utterance=u.index,
        speaker=u.speaker.value,
        start=u.start,
        quote=quote(text),
        labels=sorted({t.label} | ({"jargon"} if t.label == "jargon" else set())),
    )


def _utterance_moment(u: AnalysedUtterance, labels: Iterable[str] = ()) -> Moment:
    return Moment(
        utterance=u.index,
        speaker=u.speaker.value,
        start=u.start,
        quote=quote(u.text),
        labels=sorted(set(labels) | {t.label for t in u.tags}),
    )


def _event_moment(event: PatternEvent, facts: _Facts) -> Moment | None:
    u = _event_utterance(event, facts)
    if u is None:
        return None
    moment = _utterance_moment(u, [event.pattern])
    if event.start is not None and u.start is None:
        moment = moment.model_copy(update={"start": event.start})
    return moment


def _due(key: str, facts: _Facts) -> AnalysedUtterance | None:
    """The agent turn where a missing behaviour was due."""
    if not facts.agent:
        return None
    after = (
        [u for u in facts.agent if facts.position[u.index] > facts.position[facts.problem.index]]
        if facts.problem is not None
        else list(facts.agent)
    )
    after = after or list(facts.agent)
    solutions = [u for u in facts.agent if any(t.label == "solution" for t in u.tags)]
    if key in _AT_SOLUTION:
        return solutions[0] if solutions else after[0]
    if key in _AFTER_SOLUTION:
        return solutions[-1] if solutions else facts.agent[-1]
    return after[0]


def _situation(
    key: str, direction: str, result: IndicatorResult, facts: _Facts
) -> tuple[coaching.Situation, AnalysedUtterance | None, int]:
    """What the coaching text needs, the moment, and how many times it happened."""
    kind, name = key.split(":", 1)
    by_index = {u.index: u for u in facts.ordered}
    agent_u: AnalysedUtterance | None = None
    span: str | None = None
    details: dict[str, Any] = {}
    occurrences = 1
    if kind == "pattern" or (kind == "metric" and result.evidence):
        events = [
            e
            for e in facts.call.events
            if e.pattern == (name if kind == "pattern" else _METRIC_EVENTS.get(name))
        ]
        occurrences = max(1, len(events))
        if events:
            event = max(events, key=_event_weight)
            agent_u = _event_utterance(event, facts)
            details = dict(event.details)
    elif kind == "behaviour" and direction == "against" and result.evidence:
        occurrences = len(result.evidence)
        first = result.evidence[0]
        agent_u = by_index.get(first.utterance)
        if agent_u is not None:
            # The span itself (the term, the demand): one with a plain alternative first.
            tags = sorted(
                (t for t in agent_u.tags if t.label == name),
                key=lambda t: (t.suggestion is None, t.start),
            )
            tag = tags[0] if tags else None
            if tag is not None:
                span = tag.text
                if tag.suggestion:
                    details["suggestion"] = tag.suggestion
    else:
        agent_u = _due(name, facts)
    if kind == "behaviour" and name == "solution" and direction == "for":
        agent_u = _due(name, facts)
    customer = facts.problem
    if agent_u is not None and (customer is None or name not in _LISTENING_FIRST | {"solution"}):
        customer = facts.previous_customer(agent_u) or customer
    # An event that names the customer's problem turn (premature solution, give-away) is
    # about that turn, not about whatever the customer said last ("It's a Mac.").
    problem_at = details.get("problem_utterance")
    if isinstance(problem_at, int) and problem_at in by_index:
        customer = by_index[problem_at]
    problem_span = emotion_span = None
    if customer is not None:
        problem_span = next((t.text for t in customer.tags if t.label == "problem"), None)
        emotion_span = next((t.text for t in customer.tags if t.label == "emotion"), None)
        if emotion_span is None and facts.problem is not None:
            emotion_span = next((t.text for t in facts.problem.tags if t.label == "emotion"), None)
    situation = coaching.Situation(
        lang=facts.call.language,
        key=key,
        direction=direction,  # type: ignore[arg-type]
        agent_text=agent_u.text if agent_u is not None else None,
        agent_span=span,
        customer_text=customer.text if customer is not None else None,
        problem_span=problem_span,
        emotion_span=emotion_span,
        value=result.value,
        details=details,
    )
    return situation, agent_u, occurrences


def _event_weight(event: PatternEvent) -> tuple[float, float]:
    """How clear an event is, to pick the one to show: bigger ratio, longer, earlier."""
    d = event.details
    size = 0.0
    for key in ("ratio", "seconds", "words", "overlap_s"):
        value = d.get(key)
        if isinstance(value, int | float):
            size = float(value)
            break
    return size, -(event.start or 0.0)


def _topic(source: str) -> str:
    """The coaching topic an indicator belongs to: over-talking is one topic (DOMAIN.md),
    however many of its measures a scorecard reads; any other source is its own topic."""
    return "overtalk" if source in OVERTALK else source


def _priorities(results: list[IndicatorResult], facts: _Facts) -> list[Priority]:
    grouped: dict[str, list[IndicatorResult]] = {}
    for r in results:
        if r.applicable and r.overall_points > 0:
            grouped.setdefault(_topic(r.source), []).append(r)
    ranked = sorted(grouped.items(), key=lambda kv: (-sum(r.overall_points for r in kv[1]), kv[0]))
    out: list[Priority] = []
    for _, group in ranked:
        points = round(sum(r.overall_points for r in group), 2)
        if points < MIN_POINTS or len(out) == N_PRIORITIES:
            break
        # The measure that cost most names the priority (and picks its moment and text).
        by_source: dict[str, float] = {}
        for r in group:
            by_source[r.source] = by_source.get(r.source, 0.0) + r.overall_points
        key = min(by_source, key=lambda k: (-by_source[k], k))
        main = max((r for r in group if r.source == key), key=lambda r: r.overall_points)
        direction = main.direction
        situation, agent_u, occurrences = _situation(key, direction, main, facts)
        problem, suggestion = coaching.coach_text(situation)
        moment = None
        if agent_u is not None:
            labels = [key.split(":", 1)[1]] if key.startswith("pattern:") else []
            moment = _utterance_moment(agent_u, labels)
        out.append(
            Priority(
                rank=len(out) + 1,
                key=key,
                stages=list(dict.fromkeys(r.stage for r in group)),
                points=points,
                moment=moment,
                problem=problem,
                suggestion=suggestion,
                occurrences=occurrences,
            )
        )
    return out


def _strengths(results: list[IndicatorResult], facts: _Facts, card: Scorecard) -> list[Strength]:
    """Behaviours the scorecard asks for that the agent used in scope, best weighted first."""
    share = {s.id: s.weight for s in card.stages}
    grouped: dict[str, list[IndicatorResult]] = {}
    for r in results:
        if (
            r.applicable
            and r.direction == "for"
            and r.source.startswith("behaviour:")
            and r.evidence
            and (r.score or 0.0) >= 1.0
        ):
            grouped.setdefault(r.source, []).append(r)
    ranked = sorted(
        grouped.items(),
        key=lambda kv: (-sum(share[r.stage] * r.weight for r in kv[1]), kv[0]),
    )
    # A move that is also a mistake is no strength: a solution that came too early or gave
    # the shop away is evidence against the call, not for it.
    flawed = {
        u.index
        for e in facts.call.events
        if e.pattern in ("premature_solution", "give_away")
        for u in [_event_utterance(e, facts)]
        if u is not None
    }
    out: list[Strength] = []
    for key, group in ranked:
        if len(out) == N_STRENGTHS:
            break
        moment = next((m for r in group for m in r.evidence if m.utterance not in flawed), None)
        if moment is None:
            continue
        out.append(
            Strength(
                key=key,
                stages=list(dict.fromkeys(r.stage for r in group)),
                text=coaching.strength_text(facts.call.language, key, moment.quote),
                moment=moment,
            )
        )
    return out
