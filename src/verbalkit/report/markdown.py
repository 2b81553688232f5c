"""``report.md``: the summary a coach reads in any Markdown viewer (or as plain text).

:func:`render_markdown` writes the team overview, then per agent their strengths and
recurring coaching priorities, each priority with its two clearest examples (what was said,
what went wrong, a better phrasing), then the calls most worth a coach's time
(:func:`~verbalkit.report.selection.worth_a_look`) with their top priorities.

Built from ``templates/report.md.j2``. Every value the template prints goes through
:func:`md_escape` (Jinja's ``finalize``), so a transcript's pipes cannot break a table, its
newlines cannot start a heading or list, and ``*``, ``_``, backticks, brackets and angle
brackets (raw HTML) print as themselves.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import jinja2

from verbalkit.report.html import (
    agent_label,
    check_lang,
    fill,
    fmt_clock,
    fmt_date,
    fmt_num,
    fmt_signed,
    short,
    stage_texts,
    strength_name,
    team_label,
    ui_strings,
)
from verbalkit.report.selection import agent_strengths, worth_a_look
from verbalkit.schema import Failure
from verbalkit.scoring.agents import UNKNOWN_AGENT, AgentSummary, priority_name
from verbalkit.scoring.models import ScoredCall

__all__ = ["md_escape", "render_markdown"]

#: Recurring priorities and strengths listed per agent at most.
MAX_AGENT_ITEMS = 3
#: Failures listed at most (the rest is counted).
MAX_FAILURES_SHOWN = 50

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&#!])")
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=>])")


class Raw(str):
    """Text the template writes as it is (Markdown we built, never transcript text)."""

    __slots__ = ()


def md_escape(value: Any) -> str:
    """A value as Markdown text that shows as itself, on one line.

    Whitespace (newlines included) becomes one space; Markdown punctuation is
    backslash-escaped (``|`` too, so it is safe in a table cell); a leading ``1.``, ``-``,
    ``+``, ``=`` or ``>`` is escaped so it cannot start a list, heading or quote.
    """
    if value is None:
        return ""
    if isinstance(value, Raw):
        return str(value)
    text = " ".join(str(value).split())
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(
        lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", text
    )


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("verbalkit.report", "templates"),
        autoescape=False,
        finalize=md_escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["fill"] = lambda template, **values: fill(str(template), **values)
    env.filters["raw"] = lambda value: Raw(value)
    return env


def _when(start: float | None, utterance: int | None) -> str:
    if start is not None:
        return fmt_clock(start)
    return f"#{utterance}" if utterance is not None else ""


def render_markdown(
    scored: Sequence[ScoredCall],
    summary: AgentSummary,
    *,
    lang: str,
    title: str | None = None,
    max_calls: int = 10,
    failures: Sequence[Failure] = (),
) -> str:
    """The whole ``report.md``, as a string.

    Args:
        scored: The scored calls (any order).
        summary: :func:`~verbalkit.scoring.agents.summarise_agents` of the same calls.
        lang: ``"sv"`` or ``"en"``: the language of the report's own text (what went
            wrong and the suggested phrasing are in each call's language).
        title: The first heading; default "Coaching report" / "Coachningsrapport".
        max_calls: How many calls to list under "calls most worth a coach's time".
        failures: Files or calls that could not be used; counted and listed at the end.

    Raises:
        ValueError: ``lang`` is not "sv" or "en".
    """
    code = check_lang(lang)
    t = ui_strings(code)
    calls = list(scored)
    stage_names, _ = stage_texts(summary, calls, code)
    stage_ids = list(summary.stages)

    dates = sorted(c.started_at.date() for c in calls if c.started_at is not None)
    if dates:
        first, last = dates[0].isoformat(), dates[-1].isoformat()
        date_range = first if first == last else f"{first} – {last}"
    else:
        date_range = t["no_dates"]
    languages = Counter(c.language for c in calls)

    def stage_cells(means: Mapping[str, float | None]) -> list[str]:
        return [fmt_num(means.get(sid), code) for sid in stage_ids]

    teams = []
    for g in [*summary.teams, summary.whole_set]:
        whole = g is summary.whole_set
        teams.append(
            {
                "label": t["overview"]["whole"] if whole else team_label(g.id, t),
                "n_agents": len([a for a in g.agents if a != UNKNOWN_AGENT]),
                "n_calls": g.n_calls,
                "median": fmt_num(g.agent_median, code),
                "mean": fmt_num(g.overall.mean, code),
                "stages": stage_cells({s.stage: s.mean for s in g.stages}),
                "priorities": [p.text(code) for p in g.priorities[:MAX_AGENT_ITEMS]],
            }
        )

    strengths = agent_strengths(calls)
    agents = []
    for a in summary.agents:
        st = a.standing
        agents.append(
            {
                "label": agent_label(a.id, t),
                "team": team_label(a.team, t),
                "n_calls": a.n_calls,
                "median": fmt_num(a.overall.median, code),
                "vs_team": fmt_signed(st.diff_from_team if st else None, code),
                "strengths": [
                    {
                        "name": strength_name(s.key, t),
                        "count": fill(
                            t["md"]["in_calls_one" if s.of_calls == 1 else "in_calls"],
                            n=s.n_calls,
                            of=s.of_calls,
                        ),
                        "examples": [
                            {
                                "call": e.call_id,
                                "when": _when(e.start, e.utterance),
                                "quote": short(e.quote),
                            }
                            for e in s.examples
                        ],
                    }
                    for s in strengths.get(a.id, [])[:MAX_AGENT_ITEMS]
                ],
                "priorities": [
                    {
                        "text": p.text(code),
                        "examples": [
                            {
                                "call": e.call_id,
                                "when": _when(e.start, e.utterance),
                                "quote": short(e.quote) if e.quote else "",
                                "problem": e.problem,
                                "suggestion": e.suggestion or "",
                            }
                            for e in p.examples
                        ],
                    }
                    for p in a.priorities[:MAX_AGENT_ITEMS]
                ],
            }
        )

    picked = worth_a_look(calls, max(max_calls, 0))
    worth = []
    for rank, c in enumerate(picked, 1):
        worth.append(
            {
                "rank": rank,
                "call_id": c.call_id,
                "overall": fmt_num(c.overall, code),
                "facts": [
                    (k, v)
                    for k, v in (
                        (t["call"]["agent"], agent_label(c.agent_id, t)),
                        (t["call"]["team"], team_label(c.team, t)),
                        (t["call"]["date"], fmt_date(c.started_at, time=True)),
                        (t["call"]["file"], c.source or ""),
                    )
                    if v
                ],
                "priorities": [
                    {
                        "name": priority_name(p.key, code),
                        "points": fill(t["call"]["points"], points=fmt_num(p.points, code, 1)),
                        "when": _when(p.moment.start, p.moment.utterance) if p.moment else "",
                        "quote": short(p.moment.quote) if p.moment else "",
                        "problem": p.problem,
                        "suggestion": p.suggestion or "",
                    }
                    for p in c.priorities
                ],
            }
        )

    context = {
        "t": t,
        "title": title or t["title"],
        "scorecards": ", ".join(summary.scorecards) or t["none"],
        "n_calls": len(calls),
        "n_failed": len(failures),
        "date_range": date_range,
        "call_languages": ", ".join(f"{k} {v}" for k, v in sorted(languages.items())),
        "stage_labels": [stage_names.get(sid, sid) for sid in stage_ids],
        "teams": teams,
        "agents": agents,
        "worth": worth,
        "worth_intro": fill(t["md"]["worth_intro"], shown=len(worth), total=len(calls)),
        "failures": list(failures)[:MAX_FAILURES_SHOWN],
        "failures_more": max(len(failures) - MAX_FAILURES_SHOWN, 0),
    }
    text = _environment().get_template("report.md.j2").render(context)
    return re.sub(r"\n{3,}", "\n\n", text)
