"""Scorecards are data: a YAML file of stages and indicators, validated by pydantic.

A scorecard says what a good call looks like. It holds **stages** (LUSTFULL's Lyssna,
Uttryck, … in the default one), each with a weight and **indicators**. An indicator reads
one thing from an analysed call:

- a ``behaviour`` (``present`` in the indicator's scope, its ``count``, its
  ``rate_per_turn`` of agent turns in scope, or its ``rate_per_10min`` of call time),
- a ``pattern`` event (``count`` of events whose moment lies in scope), or
- a ``metric`` (its ``value``: agent talk share, longest monologue, interruptions …),

and turns it into a number from 0 to 1 by a **direction**: ``for`` (1 from ``target`` on,
linear below), ``against`` (1 up to ``target``, 0 from ``limit`` on, linear between), or a
``band`` (1 inside ``[low, high]``, 0 at ``tolerance`` outside it). A stage or an indicator
can say when it ``applies``; one that does not apply is *not applicable*, never a penalty.

>>> card = load_scorecard()            # the default LUSTFULL scorecard
>>> [s.id for s in card.stages][:3]
['lyssna', 'uttryck', 'sympatisera']
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from verbalkit import _yaml
from verbalkit.errors import VerbalkitError
from verbalkit.vocab import Behaviour, Pattern, Signal

#: Languages every text in a scorecard is given in.
TEXT_LANGUAGES = ("sv", "en")

#: Metrics an indicator may read (what :func:`verbalkit.analyze` computes).
METRICS = (
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

Scope = Literal["call", "after_problem", "before_solution", "feelings_first", "closing"]
Measure = Literal["present", "count", "rate_per_turn", "rate_per_10min", "value"]
Direction = Literal["for", "against"]


class ScorecardError(VerbalkitError):
    """A scorecard file that cannot be used; the message names the file, key and reason."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A text in both languages. Written by people, never machine-translated."""

    sv: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        """The text in ``lang`` (English for a language without its own)."""
        return self.sv if lang == "sv" else self.en


class Condition(_Strict):
    """When a stage or indicator applies. Every field given must hold (all of them).

    ``customer``: the customer showed one of these signals (any of them). ``agent``: the
    agent used one of these behaviours (any of them). ``timestamps``: the call is (not) timed.
    """

    customer: list[Signal] | None = Field(default=None, min_length=1)
    agent: list[Behaviour] | None = Field(default=None, min_length=1)
    timestamps: bool | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Condition:
        if self.customer is None and self.agent is None and self.timestamps is None:
            raise ValueError("give at least one of customer, agent, timestamps")
        return self


class Indicator(_Strict):
    """One thing a stage reads from the call, how it is judged, and how much it counts."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Unique within its stage.")
    name: Text
    behaviour: Behaviour | None = None
    pattern: Pattern | None = None
    metric: str | None = None
    measure: Measure | None = Field(
        default=None,
        description="present, count, rate_per_turn, rate_per_10min (behaviours), count "
        "(patterns), value (metrics). Default: present, count, value.",
    )
    scope: Scope = Field(
        default="call",
        description="Which agent turns count: the whole call, from the customer's first "
        "problem on, before the agent's first solution, between the two (feelings first), or "
        "the last three agent turns.",
    )
    direction: Direction | None = None
    target: float | None = Field(default=None, ge=0)
    limit: float | None = Field(default=None, gt=0)
    band: tuple[float, float] | None = None
    tolerance: float | None = Field(default=None, gt=0)
    weight: float = Field(gt=0)
    applies: Condition | None = None

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, value: str | None) -> str | None:
        if value is not None and value not in METRICS:
            raise ValueError(f"unknown metric {value!r}; known: {', '.join(METRICS)}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        sources = [k for k in ("behaviour", "pattern", "metric") if getattr(self, k) is not None]
        if len(sources) != 1:
            raise ValueError("give exactly one of behaviour, pattern, metric")
        allowed = {
            "behaviour": ("present", "count", "rate_per_turn", "rate_per_10min"),
            "pattern": ("count",),
            "metric": ("value",),
        }[sources[0]]
        if self.measure is not None and self.measure not in allowed:
            raise ValueError(
                f"measure {self.measure!r} does not go with {sources[0]}; use one of "
                + ", ".join(allowed)
            )
        if self.metric is not None and self.scope != "call":
            raise ValueError("a metric is about the whole call: leave scope out")
        if self.band is not None:
            if self.direction is not None or self.target is not None or self.limit is not None:
                raise ValueError("a band stands alone: leave direction, target and limit out")
            low, high = self.band
            if low > high:
                raise ValueError(f"band: low {low:g} is above high {high:g}")
            if self.tolerance is None:
                raise ValueError("a band needs a tolerance (how far outside it scores 0)")
            return self
        if self.tolerance is not None:
            raise ValueError("tolerance goes with band")
        if self.direction is None:
            raise ValueError("give a direction (for or against) or a band")
        if self.direction == "for":
            if self.target is None or self.target <= 0:
                raise ValueError("direction for needs a target > 0 (the value that scores 1)")
            if self.limit is not None:
                raise ValueError("limit goes with direction against")
        else:
            target = self.target or 0.0
            if self.limit is None:
                raise ValueError("direction against needs a limit (the value that scores 0)")
            if self.limit <= target:
                raise ValueError(f"limit {self.limit:g} must be above target {target:g}")
        return self

    @property
    def source(self) -> tuple[Literal["behaviour", "pattern", "metric"], str]:
        """What the indicator reads: ``("behaviour", "sympathy")`` and the like."""
        if self.behaviour is not None:
            return "behaviour", self.behaviour.value
        if self.pattern is not None:
            return "pattern", self.pattern.value
        assert self.metric is not None
        return "metric", self.metric

    @property
    def how(self) -> Measure:
        """The measure, with its default filled in."""
        if self.measure is not None:
            return self.measure
        return {"behaviour": "present", "pattern": "count", "metric": "value"}[self.source[0]]  # type: ignore[return-value]

    def judge(self, value: float) -> float:
        """The indicator's score (0–1) for a measured value."""
        if self.band is not None:
            assert self.tolerance is not None
            low, high = self.band
            outside = max(low - value, value - high, 0.0)
            return max(0.0, 1.0 - outside / self.tolerance)
        if self.direction == "for":
            assert self.target is not None
            return min(1.0, max(0.0, value / self.target))
        assert self.limit is not None
        target = self.target or 0.0
        if value <= target:
            return 1.0
        return max(0.0, 1.0 - (value - target) / (self.limit - target))

    def describe(self, lang: str = "en") -> str:
        """How the indicator is judged, in one short line (for ``scorecard show``)."""
        sv = lang == "sv"
        kind, name = self.source
        how = self.how
        measures = {
            "count": "antal" if sv else "count",
            "rate_per_turn": "per agenttur" if sv else "per agent turn",
            "rate_per_10min": "per 10 min",
        }
        what = name if how in ("value", "present") else f"{name} {measures[how]}"
        if kind == "pattern":
            what = f"{name} ({'händelser' if sv else 'events'})"
        if self.scope != "call":
            scopes = {
                "after_problem": "efter problemet" if sv else "after the problem",
                "before_solution": "före lösningen" if sv else "before the solution",
                "feelings_first": "mellan problem och lösning" if sv else "feelings first",
                "closing": "avslutningen" if sv else "closing",
            }
            what += f" [{scopes[self.scope]}]"
        at = "0 vid" if sv else "0 at"
        if self.band is not None:
            return f"{what} {'inom' if sv else 'in'} {self.band[0]:g}–{self.band[1]:g} (±{self.tolerance:g})"
        if self.direction == "for":
            return f"{what} ≥ {self.target:g}"
        return f"{what} ≤ {self.target or 0:g}, {at} {self.limit:g}"


class Stage(_Strict):
    """One stage of the conversation a coach judges, with its indicators."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text
    description: Text
    weight: float = Field(gt=0)
    applies: Condition | None = None
    indicators: list[Indicator] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Stage:
        ids = [i.id for i in self.indicators]
        dup = next((i for i in ids if ids.count(i) > 1), None)
        if dup is not None:
            raise ValueError(f"indicator id {dup!r} is used twice")
        return self


class Scorecard(_Strict):
    """A whole scorecard: stages with weights, the overall score is their weighted mean."""

    name: str = Field(min_length=1)
    version: str = Field(min_length=1)
    description: Text
    stages: list[Stage] = Field(min_length=1)
    source: str | None = Field(default=None, description="The file it was read from.")

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value

    @model_validator(mode="after")
    def _unique(self) -> Scorecard:
        ids = [s.id for s in self.stages]
        dup = next((i for i in ids if ids.count(i) > 1), None)
        if dup is not None:
            raise ValueError(f"stage id {dup!r} is used twice")
        return self

    def stage(self, stage_id: str) -> Stage:
        """The stage called ``stage_id``."""
        for s in self.stages:
            if s.id == stage_id:
                return s
        raise KeyError(stage_id)

    @property
    def label(self) -> str:
        """``name@version``, as results record it."""
        return f"{self.name}@{self.version}"


DEFAULT_SCORECARD = "lustfull.yaml"

_cache: dict[str, Scorecard] = {}

Source = Annotated[str | Path | None, "a file, or None for the default scorecard"]


def load_scorecard(path: Source = None) -> Scorecard:
    """Read and validate a scorecard file; ``None`` gives the default LUSTFULL scorecard.

    Raises:
        ScorecardError: The file is missing, is not YAML, or breaks the schema. The message
            names the file, the key path and the reason, e.g.
            ``acme.yaml: stages[2].indicators[0].weight: must be > 0``.
    """
    if path is None:
        cached = _cache.get(DEFAULT_SCORECARD)
        if cached is None:
            text = resources.files("verbalkit.scoring").joinpath(DEFAULT_SCORECARD).read_text()
            name = f"built-in {DEFAULT_SCORECARD}"
            cached = _cache[DEFAULT_SCORECARD] = parse_scorecard(text, name)
        return cached
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScorecardError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise ScorecardError(f"{p}: is a folder, not a scorecard file") from None
    except UnicodeDecodeError as err:
        raise ScorecardError(f"{p}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise ScorecardError(f"{p}: cannot read ({err.strerror or err})") from None
    return parse_scorecard(text, str(p))


def parse_scorecard(text: str, name: str = "<scorecard>") -> Scorecard:
    """Validate scorecard YAML ``text``; ``name`` is the file named in errors."""
    try:
        data = _yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise ScorecardError(f"{name}: {where}not valid YAML ({problem})") from None
    if not isinstance(data, dict):
        raise ScorecardError(f"{name}: expected a mapping with name, version, stages")
    data.setdefault("source", name)
    try:
        return Scorecard.model_validate(data)
    except ValidationError as err:
        raise ScorecardError(_first_error(name, err)) from None


def _first_error(name: str, err: ValidationError) -> str:
    """``file: key.path: reason`` for each error (at most three), on one line each."""
    lines = []
    for e in err.errors()[:3]:
        path = ""
        for part in e["loc"]:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        msg = _plain(e)
        lines.append(f"{name}: {path}: {msg}" if path else f"{name}: {msg}")
    more = err.error_count() - len(lines)
    if more > 0:
        lines.append(f"{name}: … and {more} more")
    return "\n".join(lines)


def _plain(e: Any) -> str:
    """A pydantic error message in plain words."""
    kind = e["type"]
    ctx = e.get("ctx") or {}
    if kind == "greater_than":
        return f"must be > {_num(ctx.get('gt'))}"
    if kind == "greater_than_equal":
        return f"must be >= {_num(ctx.get('ge'))}"
    if kind == "missing":
        return "missing"
    if kind == "extra_forbidden":
        return "unknown key (a typo?)"
    if kind == "enum":
        return f"must be one of {ctx.get('expected')}"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected')}"
    if kind == "too_short":
        return "must not be empty"
    msg = str(e["msg"])
    return msg.removeprefix("Value error, ")


def _num(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)
