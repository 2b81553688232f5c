"""Scored calls as a notebook works with them: tables, examples, comparisons, plots.

>>> import verbalkit
>>> results = verbalkit.score_folder("examples/")           # doctest: +SKIP
>>> results.calls[["call_id", "agent_id", "overall"]]        # doctest: +SKIP
>>> results.examples("premature_solution", agent="a2")       # doctest: +SKIP
>>> results.compare_agents(["a1", "a2"])                     # doctest: +SKIP
>>> again = verbalkit.load_results("scored/")                # doctest: +SKIP

:func:`score_folder` reads, analyses and scores; :func:`load_results` reloads what
``verbalkit score --out DIR`` wrote (``results.jsonl``, ``errors.csv``) without analysing
again. Both give a :class:`Results`.
"""

from __future__ import annotations

import csv
import json
import textwrap
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from verbalkit.errors import VerbalkitError
from verbalkit.limits import Limits
from verbalkit.schema import Failure
from verbalkit.scoring.models import ScoredCall
from verbalkit.tables import CALL_CATEGORIES, call_row, frame, scored_frame, utterance_rows
from verbalkit.vocab import Pattern

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from verbalkit.scoring.agents import AgentSummary
    from verbalkit.scoring.scorecard import Scorecard


class ResultsError(VerbalkitError):
    """A results folder that cannot be loaded."""


class Results:
    """Scored calls and the failures of a run, with tables built on first use.

    Tables (pandas DataFrames; every one carries ``team``, ``started_at`` and ``source``):
    ``calls`` (one row per call: scores, metrics, pattern and behaviour counts), ``utterances``
    (one row per utterance with its tags and evidence), ``tags``, ``events`` (with
    ``details``), ``stages``, ``indicators``, ``priorities``, ``agents`` (the per-agent
    table), ``errors`` (file, call, reason).
    """

    def __init__(self, scored: Iterable[ScoredCall], failures: Iterable[Failure] = ()) -> None:
        self.scored: list[ScoredCall] = list(scored)
        self.failures: list[Failure] = list(failures)

    def __repr__(self) -> str:
        agents = len({s.agent_id for s in self.scored})
        return f"<Results: {len(self.scored)} calls, {agents} agents, {len(self.failures)} failed>"

    def __len__(self) -> int:
        return len(self.scored)

    def call(self, call_id: str) -> ScoredCall:
        """The scored call ``call_id``."""
        for s in self.scored:
            if s.call_id == call_id:
                return s
        raise KeyError(call_id)

    # -- tables ---------------------------------------------------------------------

    @cached_property
    def summary(self) -> AgentSummary:
        """Per agent and per team (:func:`verbalkit.summarise_agents`)."""
        from verbalkit.scoring.agents import summarise_agents

        return summarise_agents(self.scored)

    @cached_property
    def calls(self) -> pd.DataFrame:
        """One row per call: ids, team, date, language, stage and overall scores, metrics,
        pattern counts (``<pattern>_events``), behaviour counts (agent utterances; jargon
        spans)."""
        return calls_frame(call_row(s) for s in self.scored)

    @cached_property
    def utterances(self) -> pd.DataFrame:
        """One row per utterance: speaker, times, text, a 0/1 column per behaviour and
        signal, and ``tags`` (each tag's label, span, text, rule, confidence, suggestion)."""
        return utterances_frame(row for s in self.scored for row in utterance_rows(s.call))

    @cached_property
    def tags(self) -> pd.DataFrame:
        """One row per tag (behaviours, jargon spans, customer signals) with its evidence."""
        return frame(self.scored, "tags")

    @cached_property
    def events(self) -> pd.DataFrame:
        """One row per pattern event, with its ``details``."""
        return frame(self.scored, "events")

    @cached_property
    def stages(self) -> pd.DataFrame:
        """One row per call and stage: score (NaN when not applicable) and points lost."""
        return scored_frame(self.scored, "stages")

    @cached_property
    def indicators(self) -> pd.DataFrame:
        """One row per call and indicator: value, score and the points it cost."""
        return scored_frame(self.scored, "indicators")

    @cached_property
    def priorities(self) -> pd.DataFrame:
        """One row per coaching priority: moment, quote, problem, suggested phrasing."""
        return scored_frame(self.scored, "priorities")

    @cached_property
    def agents(self) -> pd.DataFrame:
        """One row per agent (:meth:`AgentSummary.to_frame`)."""
        return self.summary.to_frame("agents")

    @property
    def errors(self) -> pd.DataFrame:
        """One row per failure: file, call (when known), reason."""
        return errors_frame(self.failures)

    # -- looking closer -------------------------------------------------------------

    def examples(
        self, what: str, agent: str | None = None, n: int = 5, context: int = 2
    ) -> Examples:
        """The moments behind a figure, with the lines around them.

        Args:
            what: A behaviour or signal (``"sympathy"``, ``"jargon"``), a pattern
                (``"premature_solution"``) or a priority key (``"behaviour:restating"``:
                the calls where it was a coaching priority).
            agent: Only this agent's calls.
            n: At most this many moments (most confident tags, clearest priorities first).
            context: Utterances shown before and after each moment.
        """
        return find_examples(self.scored, what, agent=agent, n=n, context=context)

    def compare_agents(self, agent_ids: Sequence[str], lang: str = "en") -> pd.DataFrame:
        """One table comparing agents (:func:`verbalkit.compare_agents`)."""
        from verbalkit.scoring.agents import compare_agents

        return compare_agents(self.summary, list(agent_ids), lang=lang)

    def plot_agents(self, agent_ids: Sequence[str] | None = None, lang: str = "en") -> Figure:
        """Overall score per agent: each call a dot, the median a bar."""
        from verbalkit.plots import plot_agents

        figure: Figure = plot_agents(self, agent_ids, lang=lang)
        return figure

    def plot_stages(self, agent_ids: Sequence[str] | None = None, lang: str = "en") -> Figure:
        """Mean stage scores per agent, one group of bars per stage."""
        from verbalkit.plots import plot_stages

        figure: Figure = plot_stages(self, agent_ids, lang=lang)
        return figure

    def plot_patterns(self, agent_ids: Sequence[str] | None = None, lang: str = "en") -> Figure:
        """Share of each agent's calls with each pattern (over-talking, premature solution,
        give-away)."""
        from verbalkit.plots import plot_patterns

        figure: Figure = plot_patterns(self, agent_ids, lang=lang)
        return figure

    def stage_names(self, lang: str = "en") -> dict[str, str]:
        """Stage id → name in ``lang`` (the calls table has a ``stage_<id>`` column each)."""
        from verbalkit.plots import stage_names

        return stage_names(self, lang)

    def trend(self) -> pd.DataFrame:
        """Mean overall score per agent and period (week or month, whichever the span of
        dates calls for): rows are periods, columns agents."""
        long = self.summary.to_frame("trend")
        if long.empty:
            return long
        return long.pivot_table(
            index="period", columns="agent_id", values="mean_overall", observed=True
        )

    def plot_behaviours(self, agent_ids: Sequence[str] | None = None, lang: str = "en") -> Figure:
        """Each behaviour's rate per 10 minutes of agent talk, per agent."""
        from verbalkit.plots import plot_behaviours

        figure: Figure = plot_behaviours(self, agent_ids, lang=lang)
        return figure


# -- tables from rows ---------------------------------------------------------------

_CATEGORIES = CALL_CATEGORIES


def calls_frame(rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """The calls table from :func:`verbalkit.tables.call_row` rows."""
    df = pd.DataFrame(list(rows))
    if df.empty:
        df = pd.DataFrame(columns=["call_id", "agent_id", "team", "started_at", "overall"])
    for col in _CATEGORIES:
        if col in df.columns:
            df[col] = df[col].astype("category")
    df["started_at"] = pd.to_datetime(df["started_at"], utc=True)
    return df


def utterances_frame(rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """The utterances table from :func:`verbalkit.tables.utterance_rows` rows."""
    df = pd.DataFrame(list(rows))
    if df.empty:
        df = pd.DataFrame(columns=["call_id", "utt_index", "speaker", "text", "tags"])
    for col in _CATEGORIES:
        if col in df.columns:
            df[col] = df[col].astype("category")
    if "started_at" in df.columns:
        df["started_at"] = pd.to_datetime(df["started_at"], utc=True)
    for col in ("start", "end"):
        if col in df.columns:
            df[col] = df[col].astype("float64")
    return df


def errors_frame(failures: Iterable[Failure]) -> pd.DataFrame:
    """``file, call, reason`` per failure."""
    return pd.DataFrame(
        [{"file": f.path, "call": f.call_id, "reason": f.message} for f in failures],
        columns=["file", "call", "reason"],
    )


# -- examples -------------------------------------------------------------------------


class Examples:
    """Moments with their context: ``.frame`` (a DataFrame, one row per line shown) and
    readable text (``str()``, and HTML in a notebook)."""

    def __init__(self, what: str, moments: list[dict[str, Any]], lines: list[dict[str, Any]]):
        self.what = what
        self.moments = moments
        self.frame = pd.DataFrame(
            lines,
            columns=[
                "example",
                "call_id",
                "agent_id",
                "utt_index",
                "start",
                "speaker",
                "text",
                "is_moment",
                "labels",
            ],
        )

    def __len__(self) -> int:
        return len(self.moments)

    def text(self, width: int = 100) -> str:
        """Each moment as a block: call, agent and time, the lines around it, the moment
        marked with ``▶`` and its evidence."""
        if not self.moments:
            return f"no examples of {self.what}"
        blocks = []
        for k, m in enumerate(self.moments):
            head = f"[{k + 1}] {m['call_id']} · agent {m['agent_id'] or '-'} · {m['why']}"
            lines = [head]
            for row in self.frame[self.frame["example"] == k].to_dict("records"):
                start = row["start"]
                clock = (
                    _clock(float(start))
                    if isinstance(start, int | float) and start == start
                    else ""
                )
                mark = "▶" if row["is_moment"] else " "
                prefix = f"{mark} {clock:>5} {row['speaker']:<8} "
                wrapped = textwrap.wrap(str(row["text"]), max(20, width - len(prefix))) or [""]
                lines.append(prefix + wrapped[0])
                lines += [" " * len(prefix) + w for w in wrapped[1:]]
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        import html

        return f"<pre>{html.escape(self.text())}</pre>"


def _clock(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    return f"{m:02d}:{s:02d}"


def find_examples(
    scored: Sequence[ScoredCall],
    what: str,
    *,
    agent: str | None = None,
    n: int = 5,
    context: int = 2,
) -> Examples:
    """See :meth:`Results.examples`."""
    patterns = {p.value for p in Pattern}
    found: list[tuple[tuple[Any, ...], ScoredCall, int, str]] = []
    for s in scored:
        if agent is not None and s.agent_id != agent:
            continue
        if ":" in what:
            for p in s.priorities:
                if p.key == what and p.moment is not None:
                    why = f"{p.problem} (−{p.points:g} points)"
                    found.append(
                        ((-p.points, s.call_id, p.moment.utterance), s, p.moment.utterance, why)
                    )
        elif what in patterns:
            events = sorted(
                (e for e in s.call.events if e.pattern == what),
                key=lambda e: -_event_size(e.details),
            )
            for rank, e in enumerate(events):
                at = _event_anchor(e.details, e.utterances)
                # One per call first (the clearest of each), then second ones, and so on.
                key = (rank, -_event_size(e.details), s.call_id, at)
                found.append((key, s, at, e.message))
        else:
            for u in s.call.utterances:
                tags = [t for t in u.tags if t.label == what]
                if tags:
                    best = max(tags, key=lambda t: t.confidence)
                    why = f"{what}: “{best.text}” ({best.rule}, {best.confidence:.2f})"
                    found.append(((-best.confidence, s.call_id, u.index), s, u.index, why))
    found.sort(key=lambda item: item[0])
    moments: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for k, (_, s, at, why) in enumerate(found[:n]):
        utts = s.call.utterances
        pos = next((i for i, u in enumerate(utts) if u.index == at), 0)
        moments.append({"call_id": s.call_id, "agent_id": s.agent_id, "utterance": at, "why": why})
        for u in utts[max(0, pos - context) : pos + context + 1]:
            lines.append(
                {
                    "example": k,
                    "call_id": s.call_id,
                    "agent_id": s.agent_id,
                    "utt_index": u.index,
                    "start": u.start,
                    "speaker": u.speaker.value,
                    "text": u.text,
                    "is_moment": u.index == at,
                    "labels": sorted(u.labels),
                }
            )
    return Examples(what, moments, lines)


def _event_size(details: dict[str, Any]) -> float:
    """How clear an event is: the give-away ratio, the monologue's length, the overlap."""
    for key in ("ratio", "seconds", "words", "overlap_s"):
        value = details.get(key)
        if isinstance(value, int | float):
            return float(value)
    return 0.0


def _event_anchor(details: dict[str, Any], utterances: list[int]) -> int:
    for key in ("solution_utterance", "first_move_utterance", "agent_utterance"):
        value = details.get(key)
        if isinstance(value, int):
            return value
    return utterances[-1] if utterances else 0


# -- building and loading -------------------------------------------------------------


def score_folder(
    *paths: str | Path,
    scorecard: Scorecard | str | Path | None = None,
    format: str | None = None,
    language: str | None = None,
    agent_speaker: Sequence[str] | None = None,
    customer_speaker: Sequence[str] | None = None,
    packs: Sequence[str | Path] = (),
    strict: bool = False,
    limits: Limits | None = None,
    redact: bool = False,
) -> Results:
    """Read, analyse and score every transcript under ``paths`` (files, folders, JSON Lines).

    Bad files and calls become :attr:`Results.failures`; the rest are scored. Arguments
    mean what they mean for :func:`verbalkit.read_many` and :func:`verbalkit.analyze_many`;
    ``scorecard`` is a :class:`~verbalkit.scoring.scorecard.Scorecard` or a YAML file.
    ``redact=True`` masks personal data in every text of the results (and so in every
    table, example and report made from them), as ``verbalkit score --redact`` does.
    """
    from verbalkit.analysis import analyze_many
    from verbalkit.io import read_many
    from verbalkit.limits import DEFAULT_LIMITS
    from verbalkit.scoring.engine import score_many
    from verbalkit.scoring.scorecard import Scorecard, load_scorecard

    card = scorecard if isinstance(scorecard, Scorecard) else load_scorecard(scorecard)
    lim = limits or DEFAULT_LIMITS
    stream = read_many(
        [Path(p) for p in paths],
        format=format,
        language=language,
        agent_speaker=list(agent_speaker) if agent_speaker else None,
        customer_speaker=list(customer_speaker) if customer_speaker else None,
        strict=strict,
        limits=lim,
    )
    analysed = analyze_many(stream, packs=tuple(str(p) for p in packs), limits=lim, redact=redact)
    scored: list[ScoredCall] = []
    failures: list[Failure] = []
    for item in score_many(analysed, card):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            scored.append(item)
    return Results(scored, failures)


def load_results(folder: str | Path) -> Results:
    """Reload what ``verbalkit score --out DIR`` wrote, without analysing again.

    Reads ``results.jsonl`` (the full scored result per call) and ``errors.csv``.

    Raises:
        ResultsError: The folder has no ``results.jsonl``, or a line of it is not a
            scored call (the message names the file and line).
    """
    from pydantic import ValidationError

    root = Path(folder)
    path = root / "results.jsonl"
    if not path.is_file():
        raise ResultsError(f"{root}: no results.jsonl here; is it a `verbalkit score` output?")
    scored: list[ScoredCall] = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                scored.append(ScoredCall.model_validate(json.loads(line)))
            except (json.JSONDecodeError, ValidationError) as err:
                first = str(err).splitlines()[0]
                raise ResultsError(f"{path}: line {n}: not a scored call ({first})") from None
    failures: list[Failure] = []
    errors = root / "errors.csv"
    if errors.is_file():
        with errors.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                failures.append(
                    Failure(
                        path=row["file"], call_id=row.get("call") or None, message=row["reason"]
                    )
                )
    return Results(scored, failures)
