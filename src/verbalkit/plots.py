"""Plots for notebooks (matplotlib figures): agents' scores, stage scores, behaviour rates.

Each function returns a :class:`matplotlib.figure.Figure`; a notebook shows it, a script
saves it (``fig.savefig("agents.svg")``). Nothing is drawn on a global pyplot state.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from verbalkit.scoring.agents import UNKNOWN_AGENT
from verbalkit.vocab import BEHAVIOURS, Pattern

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from verbalkit.results import Results
    from verbalkit.scoring.agents import GroupSummary

_TEXT = {
    "sv": {
        "overall": "Totalpoäng (0–100)",
        "agent": "Agent",
        "stage": "Medelpoäng per steg",
        "per10": "Per 10 minuter agenttal",
        "median": "median",
        "calls_with": "Andel samtal (%)",
    },
    "en": {
        "overall": "Overall score (0–100)",
        "agent": "Agent",
        "stage": "Mean score per stage",
        "per10": "Per 10 minutes of agent talk",
        "median": "median",
        "calls_with": "Share of calls (%)",
    },
}


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    _notebook_display()
    return Figure(figsize=(width, height), layout="constrained")


def _notebook_display() -> None:
    """In IPython/Jupyter, let a returned figure show itself (the inline backend registers
    its display hook when pyplot is first imported); elsewhere, touch no global state."""
    try:
        get_ipython  # type: ignore[name-defined]  # noqa: B018
    except NameError:
        import builtins

        if not hasattr(builtins, "get_ipython"):
            return
    import matplotlib.pyplot  # noqa: F401


def _agents(results: Results, agent_ids: Sequence[str] | None) -> list[str]:
    known = [a.id for a in results.summary.agents]
    if agent_ids is None:
        return known
    missing = [a for a in agent_ids if a not in known]
    if missing:
        raise ValueError(f"unknown agent ids {missing}; known: {known}")
    return list(agent_ids)


def plot_agents(
    results: Results, agent_ids: Sequence[str] | None = None, lang: str = "en"
) -> Figure:
    """Overall score per agent: each call a dot, the median a horizontal bar."""
    text = _TEXT.get(lang, _TEXT["en"])
    agents = _agents(results, agent_ids)
    fig = _figure(max(4.0, 1.0 + 0.9 * len(agents)), 3.6)
    ax = fig.add_subplot()
    calls = results.calls
    for x, agent in enumerate(agents):
        mine = calls["agent_id"].isna() if agent == UNKNOWN_AGENT else calls["agent_id"] == agent
        scores = calls.loc[mine, "overall"].dropna().to_list()
        if not scores:
            continue
        xs = [x + (i % 5 - 2) * 0.05 for i in range(len(scores))]
        ax.scatter(xs, scores, s=18, alpha=0.7, color="#4c72b0")
        median = statistics.median(scores)
        ax.hlines(median, x - 0.3, x + 0.3, color="#c44e52", linewidth=2)
    ax.set_xticks(range(len(agents)), agents, rotation=30 if len(agents) > 6 else 0)
    ax.set_ylim(0, 105)
    ax.set_ylabel(text["overall"])
    ax.set_xlabel(text["agent"])
    ax.grid(axis="y", alpha=0.3)
    return fig


def _grouped_bars(
    results: Results,
    agent_ids: Sequence[str] | None,
    groups: list[str],
    tick_labels: list[str],
    value: Callable[[GroupSummary, str], float | None],
    ylabel: str,
    *,
    width: float,
    ylim: float | None = None,
    rotation: int = 30,
) -> Figure:
    """One group of bars per item of ``groups``, one bar per agent (legend outside)."""
    agents = _agents(results, agent_ids)
    fig = _figure(width, 3.8)
    ax = fig.add_subplot()
    bar = 0.8 / max(1, len(agents))
    for k, agent in enumerate(agents):
        g = results.summary.agent(agent)
        heights = [value(g, item) for item in groups]
        xs = [i - 0.4 + bar * (k + 0.5) for i in range(len(groups))]
        ax.bar(xs, [float("nan") if h is None else h for h in heights], width=bar, label=agent)
    ax.set_xticks(
        range(len(groups)), tick_labels, rotation=rotation, ha="right" if rotation else "center"
    )
    if ylim is not None:
        ax.set_ylim(0, ylim)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.grid(axis="y", alpha=0.3)
    return fig


def plot_stages(
    results: Results, agent_ids: Sequence[str] | None = None, lang: str = "en"
) -> Figure:
    """Mean score per stage, one group of bars per stage and one bar per agent."""
    stages = list(results.summary.stages)
    names = _stage_names(results, lang)

    def mean(g: GroupSummary, stage: str) -> float | None:
        stat = next((s for s in g.stages if s.stage == stage), None)
        return stat.mean if stat is not None else None

    return _grouped_bars(
        results,
        agent_ids,
        stages,
        [names.get(s, s) for s in stages],
        mean,
        _TEXT.get(lang, _TEXT["en"])["stage"],
        width=max(6.0, 1.1 * len(stages)),
        ylim=105,
    )


def plot_behaviours(
    results: Results, agent_ids: Sequence[str] | None = None, lang: str = "en"
) -> Figure:
    """Each behaviour's rate per 10 minutes of agent talk, per agent (grouped bars)."""
    labels = [*(b.value for b in BEHAVIOURS), "jargon"]

    def rate(g: GroupSummary, label: str) -> float | None:
        stat = next((b for b in g.behaviours if b.behaviour == label), None)
        return stat.per_10min if stat is not None else None

    return _grouped_bars(
        results,
        agent_ids,
        labels,
        [b.replace("_", " ") for b in labels],
        rate,
        _TEXT.get(lang, _TEXT["en"])["per10"],
        width=10.0,
        rotation=35,
    )


def plot_patterns(
    results: Results, agent_ids: Sequence[str] | None = None, lang: str = "en"
) -> Figure:
    """Share of each agent's calls with each pattern (interruption, long monologue,
    premature solution, give-away): how often over-talking and rushing happen."""
    patterns = [p.value for p in Pattern]

    def share(g: GroupSummary, name: str) -> float | None:
        stat = next((p for p in g.patterns if p.pattern == name), None)
        value = stat.share_of_calls if stat is not None else None
        return None if value is None else 100.0 * value

    return _grouped_bars(
        results,
        agent_ids,
        patterns,
        [p.replace("_", "\n") for p in patterns],
        share,
        _TEXT.get(lang, _TEXT["en"])["calls_with"],
        width=7.0,
        ylim=105,
        rotation=0,
    )


def stage_names(results: Results, lang: str = "en") -> dict[str, str]:
    """Stage id → its name in ``lang``."""
    return _stage_names(results, lang)


def _stage_names(results: Results, lang: str) -> dict[str, str]:
    """Stage id → its name in ``lang`` (as the scored calls carry it)."""
    out = {}
    for st in results.summary.whole_set.stages:
        out[st.stage] = st.names.get(lang) or next(iter(st.names.values()), st.stage)
    return out
