"""Pydantic models: transcripts in, analysed calls out.

A :class:`Transcript` is what the readers produce; an :class:`AnalysedCall` is what
:func:`verbalkit.analyze` returns. Results are frozen and serialise with ``to_dict()``
(JSON-safe) and ``to_frame()`` (tidy pandas tables), so JSON and DataFrames agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, model_validator

from verbalkit.vocab import Role

if TYPE_CHECKING:
    import pandas as pd

Basis = Literal["timestamps", "words"]


class ResultModel(BaseModel):
    """Base of every result model: frozen, unknown keys refused, ``to_dict()`` for JSON."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-safe dict (the documented JSON shape)."""
        return self.model_dump(mode="json")


class Utterance(ResultModel):
    """One turn of speech."""

    speaker: Role = Field(description="Role: agent, customer or other.")
    speaker_label: str | None = Field(
        default=None, description="The speaker as written in the source (e.g. 'spk_0', 'Kund')."
    )
    start: float | None = Field(
        default=None, description="Start in seconds from the recording's start."
    )
    end: float | None = Field(default=None, description="End in seconds; may be missing.")
    text: str = Field(description="What was said.")

    @model_validator(mode="after")
    def _check_times(self) -> Utterance:
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None and (math.isnan(value) or math.isinf(value)):
                raise ValueError(f"{name} is not a number ({value})")
            if value is not None and value < 0:
                raise ValueError(f"{name} is negative ({value:g} s)")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"ends at {self.end:g} s, before it starts ({self.start:g} s)")
        return self

    @property
    def n_words(self) -> int:
        """Number of whitespace-separated words."""
        return len(self.text.split())


class LanguageInfo(ResultModel):
    """How the transcript's language was decided."""

    code: str = Field(description="ISO 639-1 code, e.g. 'sv'.")
    source: Literal["declared", "detected", "default"] = Field(description="How it was decided.")
    confidence: float = Field(ge=0.0, le=1.0, description="1.0 when declared.")


class Transcript(ResultModel):
    """A call: who, when, and what each speaker said, in order."""

    call_id: str
    agent_id: str | None = None
    team: str | None = None
    language: str | None = Field(default=None, description="ISO code; see language_info.")
    started_at: datetime | None = None
    metadata: dict[str, JsonValue] = Field(default_factory=dict)
    utterances: list[Utterance]
    source: str | None = Field(default=None, description="File the call was read from.")
    speaker_rule: str | None = Field(
        default=None,
        description="Which rule mapped speaker labels to roles "
        "(e.g. 'roles-in-source', 'alias', 'user-mapping', 'greeting-heuristic', "
        "'outbound-heuristic', 'first-speaker').",
    )
    speaker_confidence: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="How sure the speaker rule is, 0-1: 1.0 for 'user-mapping' and "
        "'roles-in-source', 0.5 for 'first-speaker'.",
    )
    language_info: LanguageInfo | None = None
    warnings: list[str] = Field(
        default_factory=list, description="Problems that did not stop reading."
    )

    @property
    def has_timestamps(self) -> bool:
        """True when every utterance has a start time."""
        return bool(self.utterances) and all(u.start is not None for u in self.utterances)

    @property
    def duration_s(self) -> float | None:
        """Seconds from the first start to the last end (or start), if timed."""
        return _duration(self.utterances) if self.has_timestamps else None

    @property
    def n_words(self) -> int:
        return sum(u.n_words for u in self.utterances)


def _duration(utterances: Sequence[Utterance | AnalysedUtterance]) -> float:
    """Seconds from the first start to the last end (or start) of timed utterances."""
    starts = [u.start for u in utterances if u.start is not None]
    ends = [u.end if u.end is not None else u.start for u in utterances]
    return max(e for e in ends if e is not None) - min(starts)


class Tag(ResultModel):
    """One behaviour, signal or jargon span found in an utterance, with its evidence."""

    label: str = Field(description="Behaviour id (DOMAIN.md), signal id, or 'jargon'.")
    start: int = Field(ge=0, description="Character offset in the utterance text.")
    end: int = Field(ge=0, description="Character offset (exclusive).")
    text: str = Field(description="The evidence text, utterance.text[start:end].")
    rule: str = Field(description="Id of the rule (or model) that fired.")
    confidence: float = Field(ge=0.0, le=1.0)
    suggestion: str | None = Field(default=None, description="Plain-language alternative (jargon).")


class AnalysedUtterance(ResultModel):
    """An utterance with the tags found in it."""

    index: int
    speaker: Role
    speaker_label: str | None = None
    start: float | None = None
    end: float | None = None
    text: str
    tags: list[Tag] = Field(default_factory=list)

    @property
    def labels(self) -> set[str]:
        """The distinct labels on this utterance (jargon included)."""
        return {t.label for t in self.tags}


class Metric(ResultModel):
    """A call-level number, with the basis it was computed from."""

    name: str = Field(description="e.g. 'agent_talk_share', 'longest_monologue_s'.")
    value: float | None
    basis: Basis
    description: str = ""


class PatternEvent(ResultModel):
    """Where a call-level pattern happened."""

    pattern: str = Field(
        description="Pattern id: interruption, long_monologue, premature_solution, give_away."
    )
    utterances: list[int] = Field(description="Indexes of the utterances involved.")
    start: float | None = Field(default=None, description="Seconds, when timed.")
    end: float | None = None
    basis: Basis | None = None
    message: str = Field(description="One line a coach can read.")
    details: dict[str, JsonValue] = Field(default_factory=dict)


class AnalysedCall(ResultModel):
    """The result of :func:`verbalkit.analyze`: every utterance tagged, metrics and patterns."""

    call_id: str
    agent_id: str | None = None
    team: str | None = None
    language: str
    started_at: datetime | None = None
    source: str | None = None
    has_timestamps: bool
    packs: list[str] = Field(default_factory=list, description="Rule packs used, 'name@version'.")
    utterances: list[AnalysedUtterance]
    metrics: list[Metric] = Field(default_factory=list)
    events: list[PatternEvent] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @property
    def duration_s(self) -> float | None:
        """Seconds from the first start to the last end (or start), if timed."""
        return _duration(self.utterances) if self.has_timestamps else None

    def metric(self, name: str) -> Metric | None:
        """The metric called ``name``, or None."""
        return next((m for m in self.metrics if m.name == name), None)

    def to_frame(
        self, kind: Literal["tags", "utterances", "events", "metrics"] = "tags"
    ) -> pd.DataFrame:
        """A tidy table of this call: one row per tag, utterance, event or metric."""
        from verbalkit.tables import call_frame

        frame: pd.DataFrame = call_frame(self, kind)
        return frame


class Failure(ResultModel):
    """A file (or call) that could not be used in a batch.

    ``message`` is one line: where in the file (``line 41: utterances[3].end``) and what is
    wrong. ``traceback`` is set only for unexpected errors (a bug or an unforeseen input),
    so ``--debug`` can show it; it is not part of the JSON shape.
    """

    path: str
    message: str
    call_id: str | None = Field(default=None, description="The call, when it is known.")
    traceback: str | None = Field(default=None, exclude=True, repr=False)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    @classmethod
    def unexpected(cls, path: str, err: Exception, call_id: str | None = None) -> Failure:
        """A Failure for an error verbalkit did not raise on purpose, traceback kept.

        The message stays one line and says what happened; the traceback goes to ``--debug``.
        """
        import traceback

        detail = " ".join(str(err).split())[:200]
        what = type(err).__name__ + (f": {detail}" if detail else "")
        where = f"call {call_id}: " if call_id else ""
        return cls(
            path=path,
            message=f"{where}unexpected error ({what}); --debug shows the traceback",
            call_id=call_id,
            traceback="".join(traceback.format_exception(err)),
        )
