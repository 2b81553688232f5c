"""The notebook API: Results tables, plots, trend, stage names."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import verbalkit
from verbalkit.results import Results

REPO = Path(__file__).resolve().parents[1]


@functools.cache
def results() -> Results:
    return verbalkit.score_folder(REPO / "examples")


def test_tables_carry_team_date_and_source() -> None:
    r = results()
    for table in (r.calls, r.utterances, r.tags, r.events, r.stages, r.priorities):
        assert {"team", "started_at", "source"} <= set(table.columns)
    assert "details" in r.events.columns
    assert r.calls["call_id"].is_unique
    agents = set(r.agents["agent_id"])
    assert {"a-sara", "a-mikael", "a-henrik"} <= agents


def test_plots_are_figures_with_one_bar_group_per_agent() -> None:
    from matplotlib.figure import Figure

    r = results()
    ids = ["a-sara", "a-mikael", "a-henrik"]
    for plot in (r.plot_agents, r.plot_stages, r.plot_behaviours, r.plot_patterns):
        fig = plot(ids)
        assert isinstance(fig, Figure) and fig.axes
    legend = r.plot_patterns(ids).axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ids
    with pytest.raises(ValueError, match="unknown agent ids"):
        r.plot_agents(["nobody"])


def test_unknown_agent_is_plotted_from_calls_without_an_agent() -> None:
    r = results()
    if "(unknown)" not in {a.id for a in r.summary.agents}:
        pytest.skip("every example call names its agent")
    fig = r.plot_agents(["(unknown)"])
    assert fig.axes[0].collections, "no dots for the calls without an agent"


def test_trend_and_stage_names() -> None:
    r = results()
    trend = r.trend()
    assert {"a-sara", "a-mikael"} <= set(trend.columns)
    assert len(trend) >= 3
    assert r.stage_names("sv")["folj_upp"] == "Följ upp"
    assert r.stage_names("en")["folj_upp"] == "Follow up"
    assert all(f"stage_{sid}" in r.calls.columns for sid in r.stage_names())


def test_examples_of_a_pattern_take_one_per_call_first() -> None:
    ex = results().examples("interruption", n=3, context=0)
    calls = [m["call_id"] for m in ex.moments]
    assert len(calls) == len(set(calls))


def test_event_details_are_flattened_where_they_are_plain_values() -> None:
    events = results().events
    give = events[events["pattern"] == "give_away"]
    assert not give.empty
    assert (give["details.ratio"].dropna() > 0).all()
    assert give["details"].map(lambda d: "offers" in d).any()  # lists stay in details
    assert not any(c == "details.offers" for c in events.columns)
