"""``report.html``: one self-contained page a coach opens offline.

:func:`render_html` turns scored calls and their :class:`~verbalkit.scoring.agents.AgentSummary`
into one HTML file: a header, the team overview, two agent charts (overall score per
agent, stage scores per agent), sortable tables of agents and calls, then a section per
call most worth a coach's time (:func:`~verbalkit.report.selection.worth_a_look`): a talk
timeline, the coaching priorities with suggested phrasing, strengths, the patterns, the
stage scores with what cost points, and the transcript with every tagged span highlighted
and its evidence on hover.

How it stays safe and self-contained:

- The page is built from Jinja2 templates (``templates/report.html.j2``) with autoescape on;
  this module only prepares plain values (texts, numbers, lists) for them. Everything that
  came from a transcript, a file name or a scorecard is escaped by the template.
- Charts are matplotlib SVG (:mod:`verbalkit.report.charts`), checked and re-serialised
  before they go in, without namespace URIs or metadata.
- The only script is the table sorter (``templates/report.js``), small vanilla JS; the data
  it reads is embedded with ``|tojson``. A Content-Security-Policy in the page allows that
  one script (by its hash), inline styles and nothing else: no network, no other script,
  no inline event handler, even if something slipped through.
- No URL of any kind: no CDN, no font, no link outside the page.

UI text comes from ``templates/strings.<lang>.yaml`` (Swedish and English). Texts the
scoring engine wrote (what went wrong, suggested phrasing, indicator names) are in the
call's language, the language the agent speaks.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from verbalkit import _yaml
from verbalkit.report import charts
from verbalkit.report.selection import worth_a_look
from verbalkit.schema import AnalysedCall, AnalysedUtterance, Failure, PatternEvent, Tag
from verbalkit.scoring.agents import (
    NO_TEAM,
    UNKNOWN_AGENT,
    AgentSummary,
    GroupSummary,
    priority_name,
)
from verbalkit.scoring.models import IndicatorResult, Moment, ScoredCall
from verbalkit.vocab import Behaviour, Pattern, Signal

__all__ = ["render_html", "ui_strings"]

Lang = Literal["sv", "en"]

#: A call section shows at most this many turns of the transcript (the rest is counted).
MAX_TRANSCRIPT_UTTERANCES = 400
#: A turn longer than this many characters is cut in the transcript (the rest is counted).
MAX_UTTERANCE_CHARS = 3000
#: Failures listed in the page at most (the rest is counted).
MAX_FAILURES_SHOWN = 200
#: Quotes in priorities and strengths are cut to this many characters.
MAX_QUOTE_CHARS = 300

# Highlight colour per label: the order decides which colour a span covered by several
# tags gets (the first), so behaviours come in the spec's order, then customer signals.
_LABEL_ORDER: dict[str, int] = {
    **{b.value: i for i, b in enumerate(Behaviour)},
    Signal.EMOTION.value: 100,
    Signal.PROBLEM.value: 101,
}
_KNOWN_LABELS = frozenset(_LABEL_ORDER)
_JARGON = Behaviour.JARGON.value


# -- strings and formatting -------------------------------------------------------------


def check_lang(lang: str) -> Lang:
    """``"sv"`` or ``"en"``; anything else is a ValueError naming both."""
    if lang not in ("sv", "en"):
        raise ValueError(f"report language must be 'sv' or 'en', not {lang!r}")
    return "sv" if lang == "sv" else "en"


@cache
def ui_strings(lang: str) -> Mapping[str, Any]:
    """The report's UI strings in ``lang`` (``templates/strings.<lang>.yaml``)."""
    code = check_lang(lang)
    text = (
        resources.files("verbalkit.report")
        .joinpath("templates", f"strings.{code}.yaml")
        .read_text(encoding="utf-8")
    )
    data = _yaml.safe_load(text)
    if not isinstance(data, dict):  # pragma: no cover - the file is ours
        raise ValueError(f"strings.{code}.yaml is not a mapping")
    return data


@cache
def _asset(name: str) -> str:
    return resources.files("verbalkit.report").joinpath("templates", name).read_text("utf-8")


def fmt_num(value: float | int | None, lang: str, digits: int = 0) -> str:
    """A number for people: fixed decimals, decimal comma in Swedish, "–" for none."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{value:.{digits}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace(".", ",") if lang == "sv" else text


def fmt_signed(value: float | None, lang: str, digits: int = 0) -> str:
    """Like :func:`fmt_num` with a sign: "+4", "−3"."""
    if value is None or not math.isfinite(value):
        return "–"
    text = fmt_num(abs(value), lang, digits)
    if text.strip("0,.") == "":
        return text
    return ("+" if value > 0 else "−") + text


def fmt_amount(value: Any, lang: str) -> str:
    """A money amount: whole numbers without decimals, others with two."""
    if not isinstance(value, int | float):
        return "?"
    return fmt_num(value, lang, 0 if float(value).is_integer() else 2)


def fmt_clock(seconds: float | None) -> str:
    """Seconds as "m:ss" (or "h:mm:ss"); "" for none."""
    if seconds is None or not math.isfinite(seconds):
        return ""
    minutes, secs = divmod(round(max(seconds, 0.0)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def fmt_date(when: datetime | None, *, time: bool = False) -> str:
    """The call's date as recorded (its own time zone), ISO; with ``time``, "HH:MM" too."""
    if when is None:
        return ""
    return when.strftime("%Y-%m-%d %H:%M") if time else when.strftime("%Y-%m-%d")


def fill(template: str, **values: Any) -> str:
    """A UI string with its ``{placeholders}`` filled."""
    return template.format(**values)


def short(text: str | None, limit: int = MAX_QUOTE_CHARS) -> str:
    """One line, cut with "…" beyond ``limit`` characters."""
    if not text:
        return ""
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"


def agent_label(agent_id: str | None, t: Mapping[str, Any]) -> str:
    """An agent id for people: the pooled unknown agent in words."""
    return t["unknown_agent"] if agent_id in (None, UNKNOWN_AGENT) else str(agent_id)


def team_label(team: str | None, t: Mapping[str, Any]) -> str:
    """A team id for people: no team in words."""
    return t["no_team"] if team in (None, NO_TEAM) else str(team)


def label_name(label: str, t: Mapping[str, Any]) -> str:
    """A tag label (behaviour, signal) in words."""
    names: Mapping[str, str] = t["labels"]
    return names.get(label, label.replace("_", " "))


def pattern_name(pattern: str, t: Mapping[str, Any]) -> str:
    """A pattern id in words."""
    names: Mapping[str, str] = t["patterns"]
    return names.get(pattern, pattern.replace("_", " "))


def strength_name(key: str, t: Mapping[str, Any]) -> str:
    """A strength key (``behaviour:sympathy``) in words."""
    names: Mapping[str, str] = t["strengths"]
    if key in names:
        return names[key]
    return label_name(key.split(":", 1)[-1], t)


def stage_texts(
    summary: AgentSummary, calls: Sequence[ScoredCall], lang: Lang
) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Stage names and indicator names in the report's language.

    From the scorecard when it is the built-in one the calls were scored with (it has both
    languages); else the names the summary saw in that language; else the call's own.
    """
    stages: dict[str, str] = {}
    indicators: dict[tuple[str, str], str] = {}
    try:
        from verbalkit.scoring.scorecard import load_scorecard

        card = load_scorecard()
        if summary.scorecards == [card.label]:
            for st in card.stages:
                stages[st.id] = st.name.get(lang)
                for ind in st.indicators:
                    indicators[(st.id, ind.id)] = ind.name.get(lang)
    except Exception:  # pragma: no cover - the names then come from the results
        pass
    for stat in summary.whole_set.stages:
        if stat.stage not in stages and stat.names:
            stages[stat.stage] = stat.names.get(lang) or next(iter(stat.names.values()))
    for c in calls:
        for s in c.stages:
            stages.setdefault(s.id, s.name)
    return stages, indicators


# -- what the templates get ---------------------------------------------------------------


@dataclass(slots=True)
class Cell:
    """A table cell: what is shown and what it sorts by."""

    text: str
    sort: float | str | None = None
    cls: str = ""
    href: str | None = None


@dataclass(slots=True)
class Segment:
    """A piece of an utterance: plain, or covered by tags (classes and the hover text)."""

    text: str
    cls: str = ""
    tip: str = ""


@dataclass(slots=True)
class Turn:
    index: int
    anchor: str
    clock: str
    role: str
    speaker: str
    segments: list[Segment]
    cut: str = ""
    badges: list[str] = field(default_factory=list)
    priority: bool = False


@dataclass(slots=True)
class EventView:
    name: str
    pattern: str
    when: str
    text: str
    href: str | None


@dataclass(slots=True)
class PriorityView:
    rank: int
    name: str
    points: str
    times: str
    when: str
    href: str | None
    quote: str
    problem: str
    suggestion: str


@dataclass(slots=True)
class StrengthView:
    name: str
    text: str
    when: str
    href: str | None


@dataclass(slots=True)
class Why:
    name: str
    value: str
    points: str
    href: str | None


@dataclass(slots=True)
class StageView:
    name: str
    score: str
    width: int
    applicable: bool
    reason: str
    why: list[Why]


@dataclass(slots=True)
class CallSection:
    anchor: str
    rank: int
    call_id: str
    facts: list[tuple[str, str]]
    overall: str
    overall_value: float | None
    timed: bool
    timeline: Markup
    priorities: list[PriorityView]
    strengths: list[StrengthView]
    events: list[EventView]
    stages: list[StageView]
    turns: list[Turn]
    more_turns: str


@dataclass(slots=True)
class TeamView:
    label: str
    n_agents: int
    n_calls: int
    median: str
    median_value: float | None
    mean: str
    stages: list[Cell]
    priorities: list[str]
    patterns: list[str]
    whole: bool = False


# -- building blocks ----------------------------------------------------------------------


def _score_cell(value: float | None, lang: str) -> Cell:
    band = "" if value is None else ("lo" if value < 50 else "mid" if value < 75 else "hi")
    return Cell(fmt_num(value, lang), value, f"num score {band}".strip())


def _num_cell(value: float | None, lang: str, digits: int = 0, *, signed: bool = False) -> Cell:
    text = fmt_signed(value, lang, digits) if signed else fmt_num(value, lang, digits)
    return Cell(text, value, "num")


def _when(moment_start: float | None, utterance: int | None) -> str:
    if moment_start is not None:
        return fmt_clock(moment_start)
    return f"#{utterance}" if utterance is not None else ""


def _tip(tags: Sequence[Tag], t: Mapping[str, Any], lang: str) -> str:
    lines = []
    for tag in tags:
        line = (
            f"{label_name(tag.label, t)}: “{short(tag.text, 80)}” · {t['tip']['rule']} "
            f"{tag.rule} · {t['tip']['confidence']} {fmt_num(tag.confidence, lang, 2)}"
        )
        if tag.suggestion:
            line += f"\n→ {t['tip']['say']}: {short(tag.suggestion, 120)}"
        lines.append(line)
    return "\n".join(lines)


def _css_label(label: str) -> str:
    return label if label in _KNOWN_LABELS else "other"


def segments(text: str, tags: Sequence[Tag], t: Mapping[str, Any], lang: str) -> list[Segment]:
    """Cut ``text`` at every tag boundary; each piece knows the tags that cover it.

    A piece covered by several tags takes the colour of the first in the spec's order;
    jargon is drawn as an underline on top, so it shows inside a coloured sentence.
    """
    n = len(text)
    spans = [tag for tag in tags if 0 <= tag.start < tag.end and tag.start < n]
    if not spans:
        return [Segment(text)]
    bounds = sorted({0, n, *(tag.start for tag in spans), *(min(tag.end, n) for tag in spans)})
    out: list[Segment] = []
    for a, b in itertools.pairwise(bounds):
        piece = text[a:b]
        covering = [tag for tag in spans if tag.start <= a and tag.end >= b]
        if not covering:
            out.append(Segment(piece))
            continue
        covering.sort(key=lambda tag: (_LABEL_ORDER.get(tag.label, 50), tag.start, tag.rule))
        colour = next((tag.label for tag in covering if tag.label != _JARGON), None)
        classes = ["hl"]
        if colour is not None:
            classes.append(f"hl-{_css_label(colour)}")
        if any(tag.label == _JARGON for tag in covering):
            classes.append("jg")
        out.append(Segment(piece, " ".join(classes), _tip(covering, t, lang)))
    return out


def _event_text(e: PatternEvent, t: Mapping[str, Any], lang: str) -> str:
    words: Mapping[str, str] = t["events"]
    d = e.details

    def num(key: str, digits: int = 1) -> str:
        v = d.get(key)
        return fmt_num(float(v), lang, digits) if isinstance(v, int | float) else "?"

    def ref(key: str) -> str:
        v = d.get(key)
        return f"#{v}" if isinstance(v, int) else "?"

    try:
        if e.pattern == Pattern.INTERRUPTION:
            overlap = d.get("overlap_s")
            if isinstance(overlap, int | float) and overlap > 0:
                return fill(
                    words["interruption_overlap"],
                    overlap=num("overlap_s"),
                    customer=ref("customer_utterance"),
                    agent=ref("agent_utterance"),
                )
            return fill(
                words["interruption_cut"],
                customer=ref("customer_utterance"),
                agent=ref("agent_utterance"),
            )
        if e.pattern == Pattern.LONG_MONOLOGUE:
            if "seconds" in d:
                return fill(words["monologue_timed"], seconds=num("seconds"), words=num("words", 0))
            return fill(words["monologue_words"], words=num("words", 0))
        if e.pattern == Pattern.PREMATURE_SOLUTION:
            return fill(
                words["premature_solution"],
                solution=ref("solution_utterance"),
                problem=ref("problem_utterance"),
            )
        if e.pattern == Pattern.GIVE_AWAY:
            reasons = d.get("reasons")
            parts = []
            if isinstance(reasons, list) and "first_move" in reasons:
                parts.append(fill(words["give_away_first_move"], problem=ref("problem_utterance")))
            if isinstance(d.get("offer"), int | float) and isinstance(d.get("loss"), int | float):
                currency = str(d.get("currency") or "")
                parts.append(
                    fill(
                        words["give_away_above_loss"],
                        offer=f"{fmt_amount(d['offer'], lang)} {currency}".strip(),
                        loss=f"{fmt_amount(d['loss'], lang)} {currency}".strip(),
                    )
                )
            if isinstance(reasons, list) and "refund_and_gift" in reasons:
                parts.append(words["give_away_refund_and_gift"])
            if isinstance(d.get("free_days"), int | float) and isinstance(
                d.get("lost_days"), int | float
            ):
                parts.append(
                    fill(
                        words["give_away_above_loss_time"],
                        free=fmt_amount(d["free_days"], lang),
                        lost=fmt_amount(d["lost_days"], lang),
                    )
                )
            if parts:
                return " ".join(parts)
    except (KeyError, ValueError):  # pragma: no cover - an event shape we do not know
        pass
    return e.message


def _event_utterance(e: PatternEvent) -> int | None:
    d = e.details
    for key in ("agent_utterance", "solution_utterance", "first_move_utterance"):
        v = d.get(key)
        if isinstance(v, int):
            return v
    return e.utterances[0] if e.utterances else None


def _value_text(ind: IndicatorResult, t: Mapping[str, Any], lang: str) -> str:
    v = ind.value
    if v is None:
        return "–"
    yes_no: Mapping[str, str] = t["values"]
    if ind.measure == "present":
        return yes_no["yes"] if v >= 1 else yes_no["no"]
    if ind.measure == "count":
        kind, _, what = ind.source.partition(":")
        if kind == "pattern":
            return f"{fmt_num(v, lang)} × {pattern_name(what, t)}"
        if kind == "behaviour":
            return f"{fmt_num(v, lang)} × {label_name(what, t)}"
        return fmt_num(v, lang)
    if ind.source.endswith("_share") or ind.measure == "rate_per_turn":
        return f"{fmt_num(100 * v, lang)} %"
    if ind.source.endswith("_s"):
        return f"{fmt_num(v, lang, 1)} s"
    if ind.source.endswith("_words"):
        return fmt_num(v, lang)
    return fmt_num(v, lang, 1)


def _moment_href(anchor: str, moment: Moment | None, shown: int) -> str | None:
    if moment is None or moment.utterance >= shown:
        return None
    return f"#{anchor}-u{moment.utterance}"


def _call_section(
    s: ScoredCall,
    rank: int,
    *,
    t: Mapping[str, Any],
    lang: Lang,
    stage_names: Mapping[str, str],
    indicator_names: Mapping[tuple[str, str], str],
) -> CallSection:
    anchor = f"call-{rank}"
    call: AnalysedCall = s.call
    cw: Mapping[str, str] = t["call"]
    utts: list[AnalysedUtterance] = list(call.utterances)
    shown = utts[:MAX_TRANSCRIPT_UTTERANCES]
    n_shown = len(shown)
    timed, _ = charts.call_positions(call)

    def href(utterance: int | None) -> str | None:
        if utterance is None or not 0 <= utterance < n_shown:
            return None
        return f"#{anchor}-u{utterance}"

    facts = [
        (cw["agent"], agent_label(s.agent_id, t)),
        (cw["team"], team_label(s.team, t)),
        (cw["date"], fmt_date(s.started_at, time=True) or t["none"]),
        (cw["language"], s.language),
        (cw["timestamps"], cw["timed"] if timed else cw["untimed"]),
    ]
    if s.source:
        facts.append((cw["file"], s.source))

    priorities = [
        PriorityView(
            rank=p.rank,
            name=priority_name(p.key, lang),
            points=fill(cw["points"], points=fmt_num(p.points, lang, 1)),
            times=fill(cw["times"], n=p.occurrences) if p.occurrences > 1 else "",
            when=_when(p.moment.start, p.moment.utterance) if p.moment else "",
            href=href(p.moment.utterance) if p.moment else None,
            quote=short(p.moment.quote) if p.moment else "",
            problem=p.problem,
            suggestion=p.suggestion or "",
        )
        for p in s.priorities
    ]
    strengths = [
        StrengthView(
            name=strength_name(st.key, t),
            text=short(st.text),
            when=_when(st.moment.start, st.moment.utterance) if st.moment else "",
            href=href(st.moment.utterance) if st.moment else None,
        )
        for st in s.strengths
    ]
    events = [
        EventView(
            name=pattern_name(e.pattern, t),
            pattern=_css_label(e.pattern) if e.pattern in set(Pattern) else "other",
            when=_when(e.start, _event_utterance(e)),
            text=_event_text(e, t, lang),
            href=href(_event_utterance(e)),
        )
        for e in sorted(
            call.events,
            key=lambda e: (
                -1.0 if e.start is None else e.start,
                _event_utterance(e) or 0,
                e.pattern,
            ),
        )
    ]
    stage_views = []
    for st in s.stages:
        why = [
            Why(
                name=indicator_names.get((st.id, ind.id), ind.name),
                value=_value_text(ind, t, lang),
                points=fmt_num(ind.stage_points, lang, 0),
                href=href(ind.evidence[0].utterance) if ind.evidence else None,
            )
            for ind in sorted(st.indicators, key=lambda i: (-i.stage_points, i.id))
            if ind.applicable and ind.stage_points >= 0.5
        ]
        stage_views.append(
            StageView(
                name=stage_names.get(st.id, st.name),
                score=fmt_num(st.score, lang),
                width=round(st.score) if st.score is not None else 0,
                applicable=st.applicable and st.score is not None,
                reason=st.reason or "",
                why=why,
            )
        )

    badges: dict[int, list[str]] = {}
    for e in call.events:
        at = _event_utterance(e)
        if at is not None:
            name = pattern_name(e.pattern, t)
            if name not in badges.setdefault(at, []):
                badges[at].append(name)
    priority_turns = {p.moment.utterance for p in s.priorities if p.moment}
    speakers: Mapping[str, str] = t["speaker"]
    turns = []
    for u in shown:
        text = u.text
        cut = ""
        if len(text) > MAX_UTTERANCE_CHARS:
            cut = fill(cw["cut"], rest=len(text) - MAX_UTTERANCE_CHARS)
            text = text[:MAX_UTTERANCE_CHARS]
        role = u.speaker.value
        speaker = speakers.get(role, role)
        if u.speaker_label and u.speaker_label.casefold() != speaker.casefold():
            speaker = f"{speaker} · {short(u.speaker_label, 40)}"
        turns.append(
            Turn(
                index=u.index,
                anchor=f"{anchor}-u{u.index}",
                clock=fmt_clock(u.start) if u.start is not None else "",
                role=role if role in ("agent", "customer") else "other",
                speaker=speaker,
                segments=segments(text, u.tags, t, lang),
                cut=cut,
                badges=badges.get(u.index, []),
                priority=u.index in priority_turns,
            )
        )
    more = (
        fill(cw["more_utterances"], rest=len(utts) - n_shown, total=len(utts))
        if len(utts) > n_shown
        else ""
    )
    timeline = Markup(charts.timeline_svg(call, t["timeline"], salt=f"timeline-{rank}"))
    return CallSection(
        anchor=anchor,
        rank=rank,
        call_id=s.call_id,
        facts=facts,
        overall=fmt_num(s.overall, lang),
        overall_value=s.overall,
        timed=timed,
        timeline=timeline,
        priorities=priorities,
        strengths=strengths,
        events=events,
        stages=stage_views,
        turns=turns,
        more_turns=more,
    )


def _pct(share: float, lang: str) -> str:
    pct = 100 * share
    if 0 < pct < 1:
        return "<1 %"
    if 99 < pct < 100:
        return ">99 %"
    return f"{fmt_num(pct, lang)} %"


def _team_view(
    g: GroupSummary, stage_ids: Sequence[str], t: Mapping[str, Any], lang: Lang, *, whole: bool
) -> TeamView:
    stage_mean = {st.stage: st.mean for st in g.stages}
    patterns = [
        fill(
            t["overview"]["pattern_share"],
            name=pattern_name(p.pattern, t),
            pct=_pct(p.share_of_calls, lang),
        )
        for p in g.patterns
        if p.share_of_calls
    ]
    return TeamView(
        label=t["overview"]["whole"] if whole else team_label(g.id, t),
        n_agents=len([a for a in g.agents if a != UNKNOWN_AGENT]),
        n_calls=g.n_calls,
        median=fmt_num(g.agent_median, lang),
        median_value=g.agent_median,
        mean=fmt_num(g.overall.mean, lang),
        stages=[_score_cell(stage_mean.get(sid), lang) for sid in stage_ids],
        priorities=[p.text(lang) for p in g.priorities[:3]],
        patterns=patterns,
        whole=whole,
    )


def _chart_rows(
    summary: AgentSummary, calls: Sequence[ScoredCall], t: Mapping[str, Any]
) -> list[charts.AgentRow]:
    """Agents for the charts: grouped by team, best median first within a team."""
    scores: dict[str, list[float]] = {}
    for c in calls:
        if c.overall is not None:
            scores.setdefault(c.agent_id or UNKNOWN_AGENT, []).append(c.overall)
    agents = sorted(summary.agents, key=lambda a: (-a.n_calls, a.id))[: charts.MAX_CHART_AGENTS]

    def order(a: GroupSummary) -> tuple[bool, str, float, str]:
        med = a.overall.median
        return (a.team in (None, NO_TEAM), a.team or "", -(med if med is not None else -1), a.id)

    several_teams = len({a.team for a in agents}) > 1
    rows = []
    for a in sorted(agents, key=order):
        means = {st.stage: st.mean for st in a.stages}
        label = agent_label(a.id, t)
        if several_teams:
            label = (
                f"{charts.short_label(label, 24)} · {charts.short_label(team_label(a.team, t), 16)}"
            )
        rows.append(
            charts.AgentRow(
                label=label,
                team=team_label(a.team, t),
                scores=tuple(scores.get(a.id, ())),
                stage_means=tuple(means.get(sid) for sid in summary.stages),
            )
        )
    return rows


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; "
        f"script-src 'sha256-{digest}'; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("verbalkit.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["fill"] = lambda template, **values: fill(str(template), **values)
    return env


# -- the page -----------------------------------------------------------------------------


def render_html(
    scored: Sequence[ScoredCall],
    summary: AgentSummary,
    *,
    lang: str,
    title: str | None = None,
    max_call_sections: int = 100,
    failures: Sequence[Failure] = (),
) -> str:
    """The whole ``report.html`` page, as a string.

    Args:
        scored: The scored calls (any order; the page is the same for the same calls).
        summary: :func:`~verbalkit.scoring.agents.summarise_agents` of the same calls.
        lang: ``"sv"`` or ``"en"``: the language of the page's own text.
        title: The page title; default "Coaching report" / "Coachningsrapport".
        max_call_sections: At most this many calls get a section of their own, chosen by
            :func:`~verbalkit.report.selection.worth_a_look`; the page says when there are
            more.
        failures: Files or calls that could not be used; listed at the end.

    Raises:
        ValueError: ``lang`` is not "sv" or "en".
    """
    code = check_lang(lang)
    t = ui_strings(code)
    calls = list(scored)
    stage_ids = list(summary.stages)
    stage_names, indicator_names = stage_texts(summary, calls, code)
    stage_labels = [stage_names.get(sid, sid) for sid in stage_ids]
    page_title = title if title else t["title"]

    dates = sorted(c.started_at.date() for c in calls if c.started_at is not None)
    if dates:
        first, last = dates[0].isoformat(), dates[-1].isoformat()
        date_range = first if first == last else f"{first} – {last}"
    else:
        date_range = t["no_dates"]
    languages = Counter(c.language for c in calls)
    call_languages = ", ".join(f"{k} {v}" for k, v in sorted(languages.items()))

    # Sections, and which table rows link to them.
    picked = worth_a_look(calls, max(max_call_sections, 0))
    section_of = {id(c): i + 1 for i, c in enumerate(picked)}
    sections = [
        _call_section(
            c,
            i + 1,
            t=t,
            lang=code,
            stage_names=stage_names,
            indicator_names=indicator_names,
        )
        for i, c in enumerate(picked)
    ]

    teams = [_team_view(g, stage_ids, t, code, whole=False) for g in summary.teams]
    teams.append(_team_view(summary.whole_set, stage_ids, t, code, whole=True))

    agent_rows: list[list[Cell]] = []
    for a in summary.agents:
        st = a.standing
        means = {s.stage: s.mean for s in a.stages}
        agent_rows.append(
            [
                Cell(agent_label(a.id, t), agent_label(a.id, t).casefold(), "nw"),
                Cell(team_label(a.team, t), team_label(a.team, t).casefold(), "nw"),
                _num_cell(a.n_calls, code),
                _num_cell(a.talk.minutes, code, 1),
                _score_cell(a.overall.median, code),
                _score_cell(a.overall.mean, code),
                _num_cell(a.overall.std, code, 1),
                _num_cell(st.diff_from_team if st else None, code, signed=True),
                _num_cell(st.percentile if st else None, code),
                _num_cell(a.trend.slope_per_30d, code, 1, signed=True),
                Cell(
                    a.priorities[0].text(code) if a.priorities else t["none"],
                    a.priorities[0].text(code).casefold() if a.priorities else None,
                    "text",
                ),
                *[_score_cell(means.get(sid), code) for sid in stage_ids],
            ]
        )

    def call_key(c: ScoredCall) -> tuple[str, str, str]:
        return (c.started_at.isoformat() if c.started_at else "", c.call_id, c.source or "")

    call_rows: list[list[Cell]] = []
    for c in sorted(calls, key=call_key):
        rank = section_of.get(id(c))
        scores = c.stage_scores()
        top = c.priorities[0] if c.priorities else None
        call_rows.append(
            [
                Cell(
                    c.call_id,
                    c.call_id.casefold(),
                    "id",
                    href=f"#call-{rank}" if rank is not None else None,
                ),
                Cell(agent_label(c.agent_id, t), agent_label(c.agent_id, t).casefold(), "nw"),
                Cell(team_label(c.team, t), team_label(c.team, t).casefold(), "nw"),
                Cell(fmt_date(c.started_at), fmt_date(c.started_at, time=True) or None, "nw"),
                Cell(c.language, c.language),
                _score_cell(c.overall, code),
                Cell(
                    priority_name(top.key, code) if top else t["none"],
                    priority_name(top.key, code).casefold() if top else None,
                    "text",
                ),
                *[_score_cell(scores.get(sid), code) for sid in stage_ids],
            ]
        )

    chart_rows = _chart_rows(summary, calls, t)
    comparison_svg = Markup(charts.agent_comparison_svg(chart_rows, t["comparison"]))
    heatmap_svg = Markup(
        charts.stage_heatmap_svg(chart_rows, stage_labels, {"caption": t["stages"]["heat_caption"]})
    )

    script = _asset("report.js")
    data = {
        "lang": code,
        "title": page_title,
        "sort": {"asc": t["sort_asc"], "desc": t["sort_desc"]},
    }
    shown_failures = list(failures)[:MAX_FAILURES_SHOWN]
    context = {
        "t": t,
        "lang": code,
        "title": page_title,
        "csp": _csp(script),
        "style": Markup(_asset("report.css")),
        "script": Markup(script),
        "data": data,
        "scorecards": ", ".join(summary.scorecards) or t["none"],
        "n_calls": len(calls),
        "n_failed": len(failures),
        "date_range": date_range,
        "call_languages": call_languages or t["none"],
        "teams": teams,
        "stage_labels": stage_labels,
        "comparison_svg": comparison_svg,
        "heatmap_svg": heatmap_svg,
        "charts_capped": (
            fill(
                t["comparison"]["capped"],
                shown=len(chart_rows),
                total=len(summary.agents),
            )
            if len(summary.agents) > len(chart_rows)
            else ""
        ),
        "agent_rows": agent_rows,
        "call_rows": call_rows,
        "sections": sections,
        "worth_intro": fill(
            t["worth"]["intro" if len(sections) < len(calls) else "intro_all"],
            shown=len(sections),
        ),
        "worth_more": (
            fill(t["worth"]["more"], total=len(calls), rest=len(calls) - len(sections))
            if len(calls) > len(sections)
            else ""
        ),
        "failures": shown_failures,
        "failures_capped": (
            fill(t["failures"]["capped"], shown=len(shown_failures), total=len(failures))
            if len(failures) > len(shown_failures)
            else ""
        ),
        "behaviour_legend": [
            (_css_label(b.value), label_name(b.value, t))
            for b in Behaviour
            if b is not Behaviour.JARGON
        ]
        + [(s.value, label_name(s.value, t)) for s in Signal],
    }
    return _environment().get_template("report.html.j2").render(context)
