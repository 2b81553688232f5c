"""The report's charts: hand-written SVG, checked, escaped, deterministic, no matplotlib."""

from __future__ import annotations

import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from verbalkit.report import charts
from verbalkit.report.html import ui_strings
from verbalkit.schema import AnalysedCall, AnalysedUtterance, PatternEvent
from verbalkit.vocab import Role

WORDS = ui_strings("en")
HOSTILE = "\"><script>alert(1)</script> <b onmouseover='x'>a&b</b> $x^2$\x01"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == "svg" and root.get("role") == "img" and "xmlns" not in svg
    assert root.get("viewBox")
    return root


def texts(svg: str) -> list[str]:
    return [el.text or "" for el in parse(svg).iter("text")]


def rows() -> list[charts.AgentRow]:
    return [
        charts.AgentRow(label="anna", team="north", scores=(10.0, 50.0, 90.0), stage_means=(0.0, 50.0)),
        charts.AgentRow(label=HOSTILE, team="north", scores=(70.0,), stage_means=(100.0, None)),
        charts.AgentRow(label="bo", team="south", scores=(), stage_means=(24.0,)),
    ]  # fmt: skip


def call(*, timed: bool, other: bool = False) -> AnalysedCall:
    speakers = [Role.AGENT, Role.CUSTOMER, Role.AGENT, Role.CUSTOMER]
    if other:
        speakers.append(Role.OTHER)
    utts = [
        AnalysedUtterance(
            index=i,
            speaker=sp,
            start=30.0 * i if timed else None,
            end=30.0 * i + 28 if timed else None,
            text="ett två tre fyra fem",
        )
        for i, sp in enumerate(speakers)
    ]
    events = [
        PatternEvent(pattern="long_monologue", utterances=[2], message="m"),
        PatternEvent(
            pattern="interruption",
            utterances=[1, 2],
            start=60.0 if timed else None,
            message="i",
            details={"agent_utterance": 2},
        ),
    ]
    return AnalysedCall(
        call_id="c", language="sv", has_timestamps=timed, utterances=utts, events=events
    )


def test_charts_do_not_import_matplotlib() -> None:
    code = "import sys, verbalkit.report.html; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("value", "colour"),
    [
        (0.0, "#dc2626"),
        (50.0, "#fbbf24"),
        (100.0, "#16a34a"),
        (-5.0, "#dc2626"),
        (130.0, "#16a34a"),
        (25.0, "#ec7225"),  # half-way red → amber
        (None, "#f3f4f6"),
        (math.nan, "#f3f4f6"),
    ],
)
def test_heatmap_colour_scale(value: float | None, colour: str) -> None:
    assert charts._heat_colour(value) == colour


def test_heatmap_cells_values_and_text_colours() -> None:
    svg = charts.stage_heatmap_svg(rows(), ["Listen", "Solve <it>"], {"caption": "mean"})
    root = parse(svg)
    fills = [r.get("fill") for r in root.iter("rect")]
    # 3 agents × 2 stages; a missing or never-applied stage is grey
    assert fills == ["#dc2626", "#fbbf24", "#16a34a", "#f3f4f6", "#eb6f25", "#f3f4f6"]
    cells = {(t.text, t.get("fill")) for t in root.iter("text") if t.get("text-anchor") == "middle"}
    assert ("0", "white") in cells and ("100", "white") in cells and ("24", "white") in cells
    assert ("50", "#111827") in cells and ("–", "#111827") in cells
    assert "Solve <it>" in texts(svg) and "Listen" in texts(svg) and "mean" in texts(svg)


def test_data_text_is_escaped_and_kept_whole() -> None:
    label = charts.short_label(HOSTILE.replace("\x01", ""))
    for svg in (
        charts.agent_comparison_svg(rows(), WORDS["comparison"]),
        charts.stage_heatmap_svg(rows(), ["<script>x</script>"], {"caption": "&"}),
    ):
        assert "<script" not in svg
        assert not any(k.startswith("on") for el in parse(svg).iter() for k in el.attrib)
        assert "&lt;script&gt;" in svg
        assert label in texts(svg)


def test_comparison_shows_every_call_the_median_and_the_legend() -> None:
    svg = charts.agent_comparison_svg(rows(), WORDS["comparison"])
    root = parse(svg)
    assert len(list(root.iter("circle"))) == 3 + 1 + 1  # every call, plus the legend dot
    shown = texts(svg)
    assert {"50", "70"} <= set(shown)  # medians
    assert [str(t) for t in range(0, 101, 20)] == [t for t in shown if t in {"0", "20", "40", "60", "80", "100"}][:6]  # fmt: skip
    c = WORDS["comparison"]
    assert {c["x"], c["median"], c["middle"], c["call"]} <= set(shown)
    # agents of a team share its colour; a line between the teams
    label_fill = {t.text: t.get("fill") for t in root.iter("text") if t.get("text-anchor") == "end"}
    assert (
        label_fill["anna"] == charts.TEAM_COLOURS[0] and label_fill["bo"] == charts.TEAM_COLOURS[1]
    )
    assert [ln.get("stroke") for ln in root.iter("line")].count(charts.SEPARATOR) == 1


def test_timeline_lanes_axis_and_events() -> None:
    tw = WORDS["timeline"]
    timed = charts.timeline_svg(call(timed=True), tw, salt="t")
    shown = texts(timed)
    assert {
        tw["agent"],
        tw["customer"],
        tw["x_seconds"],
        tw["monologue"],
        tw["interruption"],
    } <= set(shown)
    assert tw["other"] not in shown
    # 1:58 long: a tick every 15 s
    assert [t for t in shown if re.fullmatch(r"\d+:\d\d", t)] == [
        f"{s // 60}:{s % 60:02d}" for s in range(0, 106, 15)
    ]
    root = parse(timed)
    assert sum(r.get("fill") == charts.MONOLOGUE_COLOUR for r in root.iter("rect")) == 2  # + legend
    red = [ln for ln in root.iter("line") if ln.get("stroke") == charts.INTERRUPTION_COLOUR]
    assert len(red) == 2  # the mark and the legend
    untimed = charts.timeline_svg(call(timed=False, other=True), tw, salt="t")
    shown = texts(untimed)
    assert {tw["other"], tw["x_words"]} <= set(shown) and tw["x_seconds"] not in shown
    assert "0" in shown and "25" in shown


@pytest.mark.parametrize("total", [0.5, 7, 59, 61, 140, 141, 185, 600, 1234, 3599, 7300, 98765])
def test_timeline_ticks_are_few_and_nice(total: float) -> None:
    for timed in (True, False):
        ticks = charts._ticks(total, timed)
        assert ticks[0] == 0 and ticks[-1] <= total and len(ticks) <= 8
        if total >= 10:
            assert len(ticks) >= 4


def test_charts_are_deterministic_and_handle_no_data() -> None:
    a = charts.agent_comparison_svg(rows(), WORDS["comparison"])
    assert a == charts.agent_comparison_svg(rows(), WORDS["comparison"])
    assert charts.timeline_svg(
        call(timed=True), WORDS["timeline"], salt="a"
    ) == charts.timeline_svg(call(timed=True), WORDS["timeline"], salt="b")
    parse(charts.agent_comparison_svg([], WORDS["comparison"]))
    parse(charts.stage_heatmap_svg([], [], {"caption": "c"}))
    empty = AnalysedCall(call_id="e", language="en", has_timestamps=False, utterances=[])
    parse(charts.timeline_svg(empty, WORDS["timeline"], salt="e"))
