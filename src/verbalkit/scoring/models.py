"""Scored results: what :func:`verbalkit.score` returns for one call.

A :class:`ScoredCall` holds the analysed call it was computed from, a score per stage and
overall (0–100, ``None`` when not applicable), every indicator's measured value and what it
cost (so a coach can ask "why 42?"), the top coaching priorities and the strengths.
Results are frozen pydantic models with ``to_dict()`` (JSON-safe) and ``to_frame()``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal

from pydantic import Field, JsonValue

from verbalkit.schema import AnalysedCall, ResultModel

if TYPE_CHECKING:
    import pandas as pd


class Moment(ResultModel):
    """A place in the call a coach can go to: the utterance, its time and a quote."""

    utterance: int = Field(description="Index of the utterance.")
    speaker: str
    start: float | None = Field(default=None, description="Seconds, when timed.")
    quote: str = Field(description="The words (the tagged span, or the utterance, shortened).")
    labels: list[str] = Field(
        default_factory=list, description="The tags or pattern events behind it."
    )


class IndicatorResult(ResultModel):
    """One indicator measured on one call and what it did to the score."""

    id: str
    stage: str
    name: str = Field(description="The indicator's name in the call's language.")
    source: str = Field(description="What it reads: 'behaviour:sympathy', 'pattern:…', 'metric:…'.")
    measure: str
    scope: str
    direction: str = Field(description="for, against, or band.")
    value: float | None = Field(description="The measured value; None when not applicable.")
    score: float | None = Field(description="0–1; None when not applicable.")
    weight: float
    applicable: bool
    reason: str | None = Field(default=None, description="Why it does not apply.")
    stage_points: float = Field(
        default=0.0, description="Points of the stage's 100 this indicator cost."
    )
    overall_points: float = Field(
        default=0.0, description="Points of the overall 100 this indicator cost."
    )
    evidence: list[Moment] = Field(default_factory=list)


class StageScore(ResultModel):
    """A stage's score (0–100) and the indicators behind it."""

    id: str
    name: str
    weight: float
    score: float | None = Field(description="0–100; None when the stage does not apply.")
    applicable: bool
    reason: str | None = None
    overall_points: float = Field(
        default=0.0, description="Points of the overall 100 this stage cost."
    )
    indicators: list[IndicatorResult]


class Priority(ResultModel):
    """A coaching priority: the moment, what went wrong, and a better phrasing."""

    rank: int
    key: str = Field(description="What it is about, e.g. 'pattern:premature_solution'.")
    stages: list[str] = Field(description="Stages it cost points in.")
    points: float = Field(description="Overall points it cost.")
    moment: Moment | None = Field(
        default=None, description="Where it happened, or where the missing move was due."
    )
    problem: str = Field(description="What went wrong, in one sentence, in the call's language.")
    suggestion: str | None = Field(
        default=None, description="A better phrasing for this situation, in the call's language."
    )
    occurrences: int = Field(default=1, description="How many times it happened in the call.")


class Strength(ResultModel):
    """Something the agent did well, with the quote that shows it."""

    key: str
    stages: list[str]
    text: str = Field(description="What went well, in the call's language.")
    moment: Moment | None = None


class ScoredCall(ResultModel):
    """The result of :func:`verbalkit.score`: scores, explanation, priorities, strengths."""

    call_id: str
    agent_id: str | None = None
    team: str | None = None
    language: str
    started_at: datetime | None = None
    source: str | None = None
    scorecard: str = Field(description="The scorecard used, 'name@version'.")
    overall: float | None = Field(description="0–100; None when no stage applies.")
    stages: list[StageScore]
    priorities: list[Priority] = Field(default_factory=list)
    strengths: list[Strength] = Field(default_factory=list)
    call: AnalysedCall = Field(description="The analysed call the scores were computed from.")
    details: dict[str, JsonValue] = Field(
        default_factory=dict,
        description="Call facts the scores used: agent turns, minutes and their basis.",
    )

    def stage(self, stage_id: str) -> StageScore:
        """The score of the stage called ``stage_id``."""
        for s in self.stages:
            if s.id == stage_id:
                return s
        raise KeyError(stage_id)

    def stage_scores(self) -> dict[str, float | None]:
        """``{stage id: score}``, ``None`` for a stage that does not apply."""
        return {s.id: s.score for s in self.stages}

    def explain(self) -> str:
        """Why the call scored what it did: each stage and the indicators that moved it."""
        from verbalkit.scoring.explain import explain

        return explain(self)

    def to_frame(
        self, kind: Literal["stages", "indicators", "priorities"] = "stages"
    ) -> pd.DataFrame:
        """A tidy table: one row per stage, per indicator, or per priority."""
        from verbalkit.tables import scored_frame

        return scored_frame([self], kind)
