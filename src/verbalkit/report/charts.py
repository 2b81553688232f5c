"""Static charts for the HTML report: inline SVG written by hand, no plotting library.

Each chart is built as a string of SVG elements in a ``viewBox`` of CSS pixels (the page
scales it down to its width), with text kept as ``<text>`` in a sans-serif font. Nothing
is measured: a label's width is estimated from its length (:data:`CHAR_WIDTH` of the font
size per character), which is enough to size the margins. The output depends only on the
data, so the same calls give the same bytes on every run. Every text and attribute value
that came from a transcript or scorecard (agent ids, team names, stage names) is escaped
where it is written, and the finished SVG still goes through :func:`svg_inline` before it
goes into the page: no script, no foreign object, no event-handler attribute, no link other
than to the SVG's own ids, no namespace declarations (an SVG inside HTML needs none).

Not importing matplotlib keeps ``verbalkit score`` quick to start, and a report of many
calls quick to write (a timeline is a few hundred rectangles, not a figure to lay out).
"""

from __future__ import annotations

import math
import re
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from verbalkit.vocab import Role

if TYPE_CHECKING:
    from verbalkit.schema import AnalysedCall

__all__ = [
    "AgentRow",
    "UnsafeSVGError",
    "agent_comparison_svg",
    "stage_heatmap_svg",
    "svg_inline",
    "timeline_svg",
]

#: Agents drawn in the comparison charts at most; the tables list every agent.
MAX_CHART_AGENTS = 120
#: A label longer than this is cut with "…" on a chart (the tables show it whole).
MAX_LABEL_CHARS = 40
#: A timeline merges bars closer than this share of the call's length.
TIMELINE_RESOLUTION = 1 / 1500
#: Estimated width of one character, as a share of the font size (sans-serif, mixed case).
CHAR_WIDTH = 0.6

AGENT_COLOUR = "#2563eb"
CUSTOMER_COLOUR = "#f59e0b"
OTHER_COLOUR = "#9ca3af"
INTERRUPTION_COLOUR = "#dc2626"
MONOLOGUE_COLOUR = "#fde68a"
TEAM_COLOURS = ("#2563eb", "#059669", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#ea580c")
#: The heatmap's scale: red at 0, amber at 50, green at 100; grey where there is no value.
HEAT_COLOURS = ("#dc2626", "#fbbf24", "#16a34a")
HEAT_MISSING = "#f3f4f6"

INK = "#111827"
MUTED = "#4b5563"
GRID = "#e5e7eb"
SEPARATOR = "#d1d5db"
LEGEND_GREY = "#6b7280"
FONT = 11.0
SMALL_FONT = 9.5

_SVG_NS = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_FORBIDDEN_TAGS = frozenset(
    {"script", "foreignobject", "iframe", "object", "embed", "a", "image", "animate", "set"}
)
# Characters XML 1.0 does not allow at all (a transcript may still hold them).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class UnsafeSVGError(ValueError):
    """A chart's SVG holds something that must not go into the page (a bug, not input)."""


@dataclass(frozen=True, slots=True)
class AgentRow:
    """One agent on the comparison charts: the label drawn, the team (its colour)."""

    label: str
    team: str
    scores: tuple[float, ...]
    stage_means: tuple[float | None, ...]


def svg_inline(svg: str) -> str:
    """Check an SVG and return it ready to sit inside an HTML page.

    The SVG is parsed and written out again (so every text and attribute is escaped by the
    XML serialiser, whatever the writer did), without the prologue, any metadata, the
    namespace declarations, and the ids nothing refers to (which could repeat in a page of
    charts). The root gets ``role="img"``.

    Raises:
        UnsafeSVGError: the SVG has an element or attribute that could run script or load
            something (never expected from the chart functions; this is the check that says
            so), or is not well-formed XML.
    """
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as err:
        raise UnsafeSVGError(f"chart SVG is not well-formed: {err}") from err
    referenced: set[str] = set()
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""
        if tag in _FORBIDDEN_TAGS:
            raise UnsafeSVGError(f"chart SVG has a <{tag}> element")
        for name, value in el.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                raise UnsafeSVGError(f"chart SVG has an {local} attribute")
            if local == "href":
                if not value.startswith("#"):
                    raise UnsafeSVGError("chart SVG links outside itself")
                referenced.add(value[1:])
            for target in re.findall(r"url\(([^)]*)\)", value):
                if not target.startswith("#"):
                    raise UnsafeSVGError("chart SVG refers to something outside itself")
                referenced.add(target[1:])
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == f"{_SVG_NS}metadata":
                parent.remove(child)
    for el in root.iter():
        if el.get("id") is not None and el.get("id") not in referenced:
            del el.attrib["id"]
    root.set("role", "img")
    ET.register_namespace("", _SVG_NS[1:-1])
    ET.register_namespace("xlink", _XLINK_HREF[1:].split("}", 1)[0])
    out = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    head_end = out.index(">")
    head = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", out[:head_end])
    return head + out[head_end:]


def short_label(label: str, limit: int = MAX_LABEL_CHARS) -> str:
    """A label on one line, cut with "…" beyond ``limit`` characters."""
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1] + "…"


# --- SVG writing -----------------------------------------------------------------------


def _n(x: float) -> str:
    """A coordinate, at most two decimals, no trailing zeros (stable across runs)."""
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = FONT,
    fill: str = INK,
    anchor: str = "start",
    extra: str = "",
) -> str:
    """A ``<text>``, vertically centred on ``y``, its content escaped."""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" dy="0.35em" font-size="{_n(size)}" '
        f"fill={quoteattr(fill)} text-anchor={quoteattr(anchor)}{extra}>"
        f"{escape(_clean(text))}</text>"
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, extra: str = "") -> str:
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(max(w, 0.0))}" height="{_n(max(h, 0.0))}" '
        f"fill={quoteattr(fill)}{extra}/>"
    )


def _line(
    x1: float, y1: float, x2: float, y2: float, stroke: str, width: float, extra: str = ""
) -> str:
    return (
        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
        f'stroke={quoteattr(stroke)} stroke-width="{_n(width)}"{extra}/>'
    )


def _diamond(x: float, y: float, r: float, fill: str) -> str:
    return (
        f'<path d="M{_n(x)} {_n(y - r)}L{_n(x + r)} {_n(y)}L{_n(x)} {_n(y + r)}'
        f'L{_n(x - r)} {_n(y)}Z" fill={quoteattr(fill)}/>'
    )


def _down_triangle(x: float, y: float, r: float, fill: str) -> str:
    """A ▼ whose tip is at ``(x, y)``."""
    return (
        f'<path d="M{_n(x - r)} {_n(y - 1.6 * r)}L{_n(x + r)} {_n(y - 1.6 * r)}'
        f'L{_n(x)} {_n(y)}Z" fill={quoteattr(fill)}/>'
    )


def _svg(width: float, height: float, body: list[str]) -> str:
    """The whole chart, checked by :func:`svg_inline`."""
    w, h = _n(math.ceil(width)), _n(math.ceil(height))
    return svg_inline(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" font-family="sans-serif" '
        f'style="max-width:100%;height:auto">{"".join(body)}</svg>'
    )


def _quantiles(values: Sequence[float]) -> tuple[float, float]:
    if len(values) < 2:
        return (values[0], values[0]) if values else (math.nan, math.nan)
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], q[2]


# --- agent comparison ------------------------------------------------------------------

_COMPARE_WIDTH = 780.0
_COMPARE_ROW = 22.0
_X_MIN, _X_MAX = -2.0, 104.0


def agent_comparison_svg(
    rows: Sequence[AgentRow], words: Mapping[str, str], *, salt: str = "agents"
) -> str:
    """Overall score per agent: every call a dot, the middle half a bar, the median a mark.

    Agents are grouped by team (the order of ``rows``), one colour per team, a thin line
    between teams. ``words`` holds the axis and legend texts in the report's language.
    ``salt`` is kept for callers; the chart has no ids for it to keep apart.
    """
    del salt
    rows = list(rows)[:MAX_CHART_AGENTS]
    n = max(len(rows), 1)
    labels = [short_label(r.label, MAX_LABEL_CHARS) for r in rows]
    teams = list(dict.fromkeys(r.team for r in rows))
    colour = {t: TEAM_COLOURS[i % len(TEAM_COLOURS)] for i, t in enumerate(teams)}

    left = max([_text_width(lb, FONT) for lb in labels] + [30.0]) + 16
    right = 14.0
    top = 30.0
    plot_h = (n + 0.4) * _COMPARE_ROW
    bottom = top + plot_h
    width = max(_COMPARE_WIDTH, left + 300 + right)
    plot_w = width - left - right
    height = bottom + 44

    def x_of(v: float) -> float:
        v = min(max(v, _X_MIN), _X_MAX)
        return left + (v - _X_MIN) / (_X_MAX - _X_MIN) * plot_w

    def y_of(i: float) -> float:
        return top + (0.7 + i) * _COMPARE_ROW

    out: list[str] = []
    # grid, ticks and tick labels
    for tick in range(0, 101, 20):
        x = x_of(tick)
        out.append(_line(x, top, x, bottom, GRID, 0.8))
        out.append(_line(x, bottom, x, bottom + 4, INK, 1))
        out.append(_text(x, bottom + 13, str(tick), size=SMALL_FONT + 0.5, anchor="middle"))
    out.append(_text(left + plot_w / 2, bottom + 32, words["x"], anchor="middle"))
    # lines between teams
    for t in teams[1:]:
        first = next(i for i, r in enumerate(rows) if r.team == t)
        y = y_of(first - 0.5)
        out.append(_line(left, y, left + plot_w, y, SEPARATOR, 1))
    # one row per agent
    for i, (r, label) in enumerate(zip(rows, labels, strict=True)):
        y = y_of(i)
        c = colour[r.team]
        out.append(_text(left - 8, y, label, fill=c, anchor="end"))
        scores = sorted(s for s in r.scores if math.isfinite(s))
        if not scores:
            continue
        # Deterministic jitter: the k-th call of the agent sits at a fixed offset.
        for k, s in enumerate(scores):
            jitter = ((k * 0.618034) % 1.0 - 0.5) * 0.36
            out.append(
                f'<circle cx="{_n(x_of(s))}" cy="{_n(y - jitter * _COMPARE_ROW)}" r="2.7" '
                f'fill={quoteattr(c)} fill-opacity="0.45"/>'
            )
        lo, hi = _quantiles(scores)
        out.append(_line(x_of(lo), y, x_of(hi), y, c, 5, ' stroke-opacity="0.55"'))
        med = statistics.median(scores)
        out.append(_diamond(x_of(med), y, 4.6, INK))
        out.append(_text(x_of(med) + 7, y - 7, f"{med:.0f}", size=SMALL_FONT - 0.5))
    # axes
    out.append(_line(left, top, left, bottom, INK, 1))
    out.append(_line(left, bottom, left + plot_w, bottom, INK, 1))
    # legend, above the plot on the left
    x, y = left + 6, 12.0
    out.append(_diamond(x, y, 4.6, INK))
    x += 10
    out.append(_text(x, y, words["median"], size=SMALL_FONT + 0.5))
    x += _text_width(words["median"], SMALL_FONT + 0.5) + 16
    out.append(_line(x, y, x + 22, y, LEGEND_GREY, 5, ' stroke-opacity="0.55"'))
    x += 28
    out.append(_text(x, y, words["middle"], size=SMALL_FONT + 0.5))
    x += _text_width(words["middle"], SMALL_FONT + 0.5) + 16
    out.append(
        f'<circle cx="{_n(x + 3)}" cy="{_n(y)}" r="2.7" fill="{LEGEND_GREY}" fill-opacity="0.5"/>'
    )
    x += 10
    out.append(_text(x, y, words["call"], size=SMALL_FONT + 0.5))
    width = max(width, x + _text_width(words["call"], SMALL_FONT + 0.5) + right)
    return _svg(width, height, out)


# --- stage heatmap ---------------------------------------------------------------------

_CELL_W = 76.0
_CELL_H = 22.0
_STAGE_ANGLE = 30.0


def _hex_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _heat_colour(value: float | None) -> str:
    """The cell colour for a mean score: red → amber → green over 0–100, grey if none."""
    if value is None or not math.isfinite(value):
        return HEAT_MISSING
    v = min(max(value, 0.0), 100.0) / 50.0
    low, high = (HEAT_COLOURS[0], HEAT_COLOURS[1]) if v <= 1 else (HEAT_COLOURS[1], HEAT_COLOURS[2])
    share = v if v <= 1 else v - 1
    a, b = _hex_rgb(low), _hex_rgb(high)
    r, g, bl = (round(p + (q - p) * share) for p, q in zip(a, b, strict=True))
    return f"#{r:02x}{g:02x}{bl:02x}"


def stage_heatmap_svg(
    rows: Sequence[AgentRow],
    stage_names: Sequence[str],
    words: Mapping[str, str],
    *,
    salt: str = "stages",
) -> str:
    """Mean score per stage (columns) and agent (rows), the number written in each cell.

    ``salt`` is kept for callers; the chart has no ids for it to keep apart.
    """
    del salt
    rows = list(rows)[:MAX_CHART_AGENTS]
    m = max(len(stage_names), 1)
    data: list[list[float | None]] = [
        [v if v is not None and math.isfinite(v) else None for v in r.stage_means[:m]]
        + [None] * (m - len(r.stage_means[:m]))
        for r in rows
    ] or [[None] * m]
    labels = [short_label(r.label, MAX_LABEL_CHARS) for r in rows]
    stages = [short_label(s, 22) for s in stage_names]

    size = SMALL_FONT + 1
    cos, sin = math.cos(math.radians(_STAGE_ANGLE)), math.sin(math.radians(_STAGE_ANGLE))
    longest_stage = max([_text_width(s, size) for s in stages] + [0.0])
    left = max([_text_width(lb, FONT) for lb in labels] + [20.0]) + 14
    top = longest_stage * sin + 18
    grid_w = m * _CELL_W
    # the last stage name runs up and to the right of its column's middle
    right_edge = max(
        [left + (j + 0.5) * _CELL_W + _text_width(s, size) * cos for j, s in enumerate(stages)]
        + [left + grid_w]
    )
    caption = words["caption"]
    bottom = top + len(data) * _CELL_H
    width = max(right_edge, left + grid_w / 2 + _text_width(caption, SMALL_FONT) / 2) + 8
    height = bottom + 26

    out: list[str] = []
    for j, s in enumerate(stages):
        x, y = left + (j + 0.5) * _CELL_W - 4, top - 8
        out.append(
            _text(
                x,
                y,
                s,
                size=size,
                extra=f' transform="rotate(-{_n(_STAGE_ANGLE)} {_n(x)} {_n(y)})"',
            )
        )
    for i, row in enumerate(data):
        y = top + i * _CELL_H
        if i < len(labels):
            out.append(_text(left - 8, y + _CELL_H / 2, labels[i], anchor="end"))
        for j, v in enumerate(row):
            x = left + j * _CELL_W
            out.append(_rect(x + 1, y + 1, _CELL_W - 2, _CELL_H - 2, _heat_colour(v)))
            dark = v is not None and (v < 25 or v > 80)
            out.append(
                _text(
                    x + _CELL_W / 2,
                    y + _CELL_H / 2,
                    "–" if v is None else f"{v:.0f}",
                    size=SMALL_FONT + 0.5,
                    fill="white" if dark else INK,
                    anchor="middle",
                )
            )
    out.append(
        _text(left + grid_w / 2, bottom + 14, caption, size=SMALL_FONT, fill=MUTED, anchor="middle")
    )
    return _svg(width, height, out)


# --- call timeline ---------------------------------------------------------------------

_TIMELINE_WIDTH = 900.0
_LANE_H = 28.0
_BAR_H = 18.0
_SECOND_STEPS = (1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600)


def _merge(intervals: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    """Join intervals closer than ``gap`` (keeps a very long call's chart small)."""
    out: list[tuple[float, float]] = []
    for start, end in sorted(intervals):
        if out and start - out[-1][1] <= gap:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def call_positions(call: AnalysedCall) -> tuple[bool, dict[int, tuple[float, float]]]:
    """Where each utterance sits on the timeline: seconds when every utterance has a start,
    else cumulative words. Returns ``(timed, {utterance index: (start, end)})``."""
    utts = call.utterances
    timed = bool(utts) and all(u.start is not None for u in utts)
    pos: dict[int, tuple[float, float]] = {}
    if timed:
        for u in utts:
            start = float(u.start or 0.0)
            end = float(u.end) if u.end is not None else start + max(len(u.text.split()) / 2.5, 0.3)
            pos[u.index] = (start, max(end, start))
        return True, pos
    at = 0.0
    for u in utts:
        words = max(len(u.text.split()), 1)
        pos[u.index] = (at, at + words)
        at += words
    return False, pos


def _tick_step(total: float, timed: bool, most: int = 8) -> float:
    """The smallest "nice" step that puts at most ``most`` ticks on ``[0, total]``."""
    if timed:
        for step in _SECOND_STEPS:
            if int(total / step) + 1 <= most:
                return float(step)
        base = 3600.0
    else:
        base = 1.0
    scale = base
    while True:
        for k in (1.0, 2.0, 2.5, 5.0):
            nice = k * scale
            if nice == int(nice) and int(total / nice) + 1 <= most:
                return nice
        scale *= 10


def _ticks(total: float, timed: bool) -> list[float]:
    step = _tick_step(total, timed)
    return [k * step for k in range(int(total / step + 1e-9) + 1)]


def timeline_svg(call: AnalysedCall, words: Mapping[str, str], *, salt: str) -> str:
    """Who spoke when: a lane per role, interruptions marked, long monologues shaded.

    Without timestamps the x axis is words into the call, and the axis label says so.
    ``salt`` is kept for callers; the chart has no ids for it to keep apart.
    """
    del salt
    timed, pos = call_positions(call)
    total = max((e for _, e in pos.values()), default=1.0) or 1.0
    roles = [Role.AGENT, Role.CUSTOMER]
    if any(u.speaker is Role.OTHER for u in call.utterances):
        roles.append(Role.OTHER)
    colour = {Role.AGENT: AGENT_COLOUR, Role.CUSTOMER: CUSTOMER_COLOUR, Role.OTHER: OTHER_COLOUR}

    # the same left margin for every call of a report (the words are the report's)
    names = [words[r.value] for r in (Role.AGENT, Role.CUSTOMER, Role.OTHER) if r.value in words]
    left = max([_text_width(w, FONT) for w in names] + [30.0]) + 14
    right = 18.0
    top = 34.0
    bottom = top + len(roles) * _LANE_H
    width = _TIMELINE_WIDTH
    plot_w = width - left - right
    height = bottom + 40

    def x_of(v: float) -> float:
        return left + min(max(v, 0.0), total) / total * plot_w

    out: list[str] = []
    for event in call.events:
        if event.pattern != "long_monologue" or not event.utterances:
            continue
        spans = [pos[i] for i in event.utterances if i in pos]
        if spans:
            x0, x1 = x_of(min(s for s, _ in spans)), x_of(max(e for _, e in spans))
            out.append(
                _rect(x0, top, x1 - x0, bottom - top, MONOLOGUE_COLOUR, ' fill-opacity="0.7"')
            )
    min_w = total * TIMELINE_RESOLUTION
    for lane, role in enumerate(roles):
        y = top + lane * _LANE_H + _LANE_H / 2
        out.append(_text(left - 8, y, words[role.value], anchor="end"))
        intervals = [pos[u.index] for u in call.utterances if u.speaker is role]
        bars = [
            _rect(
                x_of(s), y - _BAR_H / 2, x_of(s + max(e - s, min_w)) - x_of(s), _BAR_H, colour[role]
            )
            for s, e in _merge(intervals, min_w)
        ]
        if bars:
            out.append(f"<g>{''.join(bars)}</g>")
    marks = []
    for event in call.events:
        if event.pattern != "interruption":
            continue
        agent = event.details.get("agent_utterance")
        at: float | None = event.start if timed else None
        if at is None and isinstance(agent, int) and agent in pos:
            at = pos[agent][0]
        if at is not None and 0 <= at <= total:
            marks.append(x_of(at))
    for x in sorted(marks):
        out.append(_line(x, top - 2, x, bottom, INTERRUPTION_COLOUR, 1.5))
        out.append(_down_triangle(x, top - 1, 4.5, INTERRUPTION_COLOUR))
    # x axis
    out.append(_line(left, bottom, left + plot_w, bottom, INK, 1))
    for tick in _ticks(total, timed):
        x = x_of(tick)
        out.append(_line(x, bottom, x, bottom + 4, INK, 1))
        label = _mmss(tick) if timed else f"{tick:.0f}"
        out.append(_text(x, bottom + 13, label, size=SMALL_FONT + 0.5, anchor="middle"))
    axis = words["x_seconds"] if timed else words["x_words"]
    out.append(_text(left + plot_w / 2, bottom + 30, axis, size=SMALL_FONT, anchor="middle"))
    # legend, above the plot on the right
    y = 11.0
    interruption, monologue = words["interruption"], words["monologue"]
    x = width - right - _text_width(interruption, SMALL_FONT)
    out.append(_text(x, y, interruption, size=SMALL_FONT))
    x -= 15
    out.append(_line(x - 9, y, x + 9, y, INTERRUPTION_COLOUR, 1.5))
    out.append(_down_triangle(x, y + 3, 4.5, INTERRUPTION_COLOUR))
    x -= 9 + 16 + _text_width(monologue, SMALL_FONT)
    out.append(_text(x, y, monologue, size=SMALL_FONT))
    x -= 24
    out.append(_rect(x, y - 5, 18, 10, MONOLOGUE_COLOUR, ' fill-opacity="0.7"'))
    return _svg(width, height, out)


def _mmss(x: float, _pos: float | None = None) -> str:
    x = max(x, 0.0)
    minutes, seconds = divmod(round(x), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
