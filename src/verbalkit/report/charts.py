"""Static charts for the HTML report: matplotlib figures rendered to inline SVG.

Every chart is a :class:`matplotlib.figure.Figure` drawn without pyplot (so a notebook's
backend is never touched), saved as SVG with text kept as text
(``svg.fonttype: none``), no date or creator in the metadata and a fixed hash salt per
chart, so the same calls give the same bytes on every run. Text that came from a
transcript or scorecard (agent ids, team names) is drawn with mathtext off, so a ``$`` is a
dollar sign; matplotlib escapes it in the SVG, and :func:`svg_inline` checks the result
before it goes into the page: no script, no foreign object, no event-handler attribute, no
link other than to the SVG's own ids. The XML prologue, the namespace declarations and the
RDF metadata (which carry ``http://`` URIs) are left out: an SVG inside HTML needs none of
them.
"""

from __future__ import annotations

import io
import math
import re
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

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

AGENT_COLOUR = "#2563eb"
CUSTOMER_COLOUR = "#f59e0b"
OTHER_COLOUR = "#9ca3af"
INTERRUPTION_COLOUR = "#dc2626"
MONOLOGUE_COLOUR = "#fde68a"
TEAM_COLOURS = ("#2563eb", "#059669", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#ea580c")

_RC: dict[Any, Any] = {
    "svg.fonttype": "none",
    "text.parse_math": False,
    "text.usetex": False,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica", "Liberation Sans"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "path.simplify": True,
    "svg.image_inline": True,
}

_SVG_NS = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_FORBIDDEN_TAGS = frozenset(
    {"script", "foreignobject", "iframe", "object", "embed", "a", "image", "animate", "set"}
)


class UnsafeSVGError(ValueError):
    """A chart's SVG holds something that must not go into the page (a bug, not input)."""


@dataclass(frozen=True, slots=True)
class AgentRow:
    """One agent on the comparison charts: the label drawn, the team (its colour)."""

    label: str
    team: str
    scores: tuple[float, ...]
    stage_means: tuple[float | None, ...]


def _rc(salt: str) -> dict[Any, Any]:
    rc = dict(_RC)
    rc["svg.hashsalt"] = f"verbalkit-{salt}"
    return rc


@contextmanager
def _figure(salt: str, width: float, height: float) -> Iterator[Figure]:
    with matplotlib.rc_context(_rc(salt)):
        fig = Figure(figsize=(width, height), dpi=72)
        try:
            yield fig
        finally:
            fig.clear()


def _render(fig: Figure, salt: str) -> str:
    buf = io.StringIO()
    with matplotlib.rc_context(_rc(salt)):
        fig.savefig(
            buf,
            format="svg",
            bbox_inches="tight",
            pad_inches=0.08,
            metadata={"Date": None, "Creator": None},
        )
    return svg_inline(buf.getvalue())


def svg_inline(svg: str) -> str:
    """Check a matplotlib SVG and return it ready to sit inside an HTML page.

    The SVG is parsed and written out again (so every text and attribute is escaped by the
    XML serialiser, whatever matplotlib did), without the prologue, the RDF metadata, the
    namespace declarations, and the ids nothing refers to (matplotlib numbers its groups
    ``figure_1``, ``axes_1``… in every chart, which would repeat in a page of charts).

    Raises:
        UnsafeSVGError: the SVG has an element or attribute that could run script or load
            something (never expected from matplotlib; this is the check that says so).
    """
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as err:  # pragma: no cover - matplotlib writes well-formed XML
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


def _quantiles(values: Sequence[float]) -> tuple[float, float]:
    if len(values) < 2:
        return (values[0], values[0]) if values else (math.nan, math.nan)
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], q[2]


def agent_comparison_svg(
    rows: Sequence[AgentRow], words: Mapping[str, str], *, salt: str = "agents"
) -> str:
    """Overall score per agent: every call a dot, the middle half a bar, the median a mark.

    Agents are grouped by team (the order of ``rows``), one colour per team. ``words``
    holds the axis and legend texts in the report's language.
    """
    rows = list(rows)[:MAX_CHART_AGENTS]
    n = max(len(rows), 1)
    height = 0.9 + 0.24 * n
    with _figure(salt, 8.6, height) as fig:
        ax = fig.add_axes((0.27, 0.72 / height, 0.70, 1 - 1.0 / height))
        teams = list(dict.fromkeys(r.team for r in rows))
        colour = {t: TEAM_COLOURS[i % len(TEAM_COLOURS)] for i, t in enumerate(teams)}
        labels = []
        for i, r in enumerate(rows):
            y = n - 1 - i
            c = colour[r.team]
            scores = sorted(r.scores)
            if scores:
                # Deterministic jitter: the k-th call of the agent sits at a fixed offset.
                jitter = [((k * 0.618034) % 1.0 - 0.5) * 0.36 for k in range(len(scores))]
                ax.scatter(
                    scores,
                    [y + j for j in jitter],
                    s=16,
                    color=c,
                    alpha=0.45,
                    linewidths=0,
                    zorder=2,
                )
                lo, hi = _quantiles(scores)
                ax.plot([lo, hi], [y, y], color=c, linewidth=4, alpha=0.55, zorder=3)
                med = statistics.median(scores)
                ax.plot([med], [y], marker="D", color="#111827", markersize=5, zorder=4)
                ax.annotate(
                    f"{med:.0f}",
                    (med, y),
                    xytext=(6, 2),
                    textcoords="offset points",
                    fontsize=7,
                    color="#111827",
                    va="bottom",
                )
            labels.append(short_label(r.label, MAX_LABEL_CHARS))
        ax.set_yticks(range(n - 1, n - 1 - len(rows), -1), labels=labels, fontsize=8)
        for t in teams[1:]:
            first = next(i for i, r in enumerate(rows) if r.team == t)
            ax.axhline(n - 1 - first + 0.5, color="#d1d5db", linewidth=0.8)
        ax.set_xlim(-2, 104)
        ax.set_xticks([0, 20, 40, 60, 80, 100])
        ax.set_ylim(-0.7, n - 0.3)
        ax.set_xlabel(words["x"])
        ax.grid(axis="x", color="#e5e7eb", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
        for label, t in zip(ax.get_yticklabels(), [r.team for r in rows], strict=False):
            label.set_color(colour[t])
        handles = [
            Line2D([], [], marker="D", color="#111827", linestyle="", label=words["median"]),
            Line2D([], [], color="#6b7280", linewidth=4, alpha=0.55, label=words["middle"]),
            Line2D([], [], marker="o", color="#6b7280", linestyle="", alpha=0.5,
                       markersize=4, label=words["call"]),
        ]  # fmt: skip
        ax.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncols=3,
            frameon=False,
            fontsize=8,
        )
        return _render(fig, salt)


def stage_heatmap_svg(
    rows: Sequence[AgentRow],
    stage_names: Sequence[str],
    words: Mapping[str, str],
    *,
    salt: str = "stages",
) -> str:
    """Mean score per stage (columns) and agent (rows), the number written in each cell."""
    rows = list(rows)[:MAX_CHART_AGENTS]
    n = max(len(rows), 1)
    m = max(len(stage_names), 1)
    height = 1.15 + 0.24 * n
    width = 2.9 + 0.8 * m
    with _figure(salt, width, height) as fig:
        ax = fig.add_axes((2.3 / width, 0.3 / height, 1 - 2.9 / width, 1 - 1.2 / height))
        cmap = LinearSegmentedColormap.from_list(
            "vk", ["#dc2626", "#fbbf24", "#16a34a"], N=256
        ).with_extremes(bad="#f3f4f6")
        data = [
            [math.nan if v is None else v for v in r.stage_means] + [math.nan] * (m - len(r.stage_means))
            for r in rows
        ] or [[math.nan] * m]  # fmt: skip
        ax.pcolormesh(
            [[v for v in row] for row in data],
            cmap=cmap,
            vmin=0,
            vmax=100,
            edgecolors="white",
            linewidth=1.5,
        )
        for i, row in enumerate(data):
            for j, v in enumerate(row):
                text = "–" if math.isnan(v) else f"{v:.0f}"
                dark = not math.isnan(v) and (v < 25 or v > 80)
                ax.text(
                    j + 0.5,
                    i + 0.5,
                    text,
                    ha="center",
                    va="center",
                    fontsize=7.5,
                    color="white" if dark else "#111827",
                )
        ax.set_xticks([j + 0.5 for j in range(m)], labels=[short_label(s, 22) for s in stage_names])
        ax.xaxis.tick_top()
        ax.tick_params(axis="x", rotation=30, length=0, labelsize=8)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("left")
        ax.set_yticks(
            [i + 0.5 for i in range(len(rows))],
            labels=[short_label(r.label, MAX_LABEL_CHARS) for r in rows],
            fontsize=8,
        )
        ax.tick_params(axis="y", length=0)
        ax.set_xlim(0, m)
        ax.set_ylim(n, 0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_xlabel(words["caption"], fontsize=7.5, color="#4b5563")
        return _render(fig, salt)


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


def timeline_svg(call: AnalysedCall, words: Mapping[str, str], *, salt: str) -> str:
    """Who spoke when: a lane per role, interruptions marked, long monologues shaded.

    Without timestamps the x axis is words into the call, and the axis label says so.
    """
    timed, pos = call_positions(call)
    total = max((e for _, e in pos.values()), default=1.0) or 1.0
    roles = [Role.AGENT, Role.CUSTOMER]
    if any(u.speaker is Role.OTHER for u in call.utterances):
        roles.append(Role.OTHER)
    lane = {r: len(roles) - 1 - i for i, r in enumerate(roles)}
    colour = {Role.AGENT: AGENT_COLOUR, Role.CUSTOMER: CUSTOMER_COLOUR, Role.OTHER: OTHER_COLOUR}
    height = 0.75 + 0.32 * len(roles)
    with _figure(salt, 10.0, height) as fig:
        ax = fig.add_axes((0.1, 0.5 / height, 0.88, 1 - 0.78 / height))
        for event in call.events:
            if event.pattern != "long_monologue" or not event.utterances:
                continue
            spans = [pos[i] for i in event.utterances if i in pos]
            if spans:
                ax.axvspan(
                    min(s for s, _ in spans),
                    max(e for _, e in spans),
                    color=MONOLOGUE_COLOUR,
                    alpha=0.7,
                    linewidth=0,
                    zorder=0,
                )
        for role in roles:
            intervals = [pos[u.index] for u in call.utterances if u.speaker is role]
            merged = _merge(intervals, total * TIMELINE_RESOLUTION)
            ax.broken_barh(
                [(s, max(e - s, total * TIMELINE_RESOLUTION)) for s, e in merged],
                (lane[role] - 0.32, 0.64),
                facecolors=colour[role],
                linewidth=0,
                zorder=2,
            )
        marks = []
        for event in call.events:
            if event.pattern != "interruption":
                continue
            agent = event.details.get("agent_utterance")
            at: float | None = event.start if timed else None
            if at is None and isinstance(agent, int) and agent in pos:
                at = pos[agent][0]
            if at is not None:
                marks.append(at)
        if marks:
            ax.vlines(
                marks,
                -0.5,
                len(roles) - 0.5,
                colors=INTERRUPTION_COLOUR,
                linewidth=1.2,
                zorder=3,
            )
            ax.scatter(
                marks,
                [len(roles) - 0.45] * len(marks),
                marker="v",
                s=22,
                color=INTERRUPTION_COLOUR,
                zorder=4,
                clip_on=False,
            )
        ax.set_yticks([lane[r] for r in roles], labels=[words[r.value] for r in roles])
        ax.tick_params(axis="y", length=0)
        ax.set_ylim(-0.5, len(roles) - 0.5)
        ax.set_xlim(0, total)
        ax.spines["left"].set_visible(False)
        ax.set_xlabel(words["x_seconds"] if timed else words["x_words"], fontsize=8)
        if timed:
            ax.xaxis.set_major_formatter(_mmss)
        legend = [
            Patch(color=MONOLOGUE_COLOUR, label=words["monologue"]),
            Line2D([], [], color=INTERRUPTION_COLOUR, marker="v", label=words["interruption"]),
        ]
        ax.legend(
            handles=legend,
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncols=2,
            frameon=False,
            fontsize=7.5,
        )
        return _render(fig, salt)


def _mmss(x: float, _pos: float | None = None) -> str:
    x = max(x, 0.0)
    minutes, seconds = divmod(round(x), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
