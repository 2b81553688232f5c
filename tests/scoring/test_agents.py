"""Per-agent and per-team summaries (summarise_agents) and the agent comparison table."""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest

from verbalkit.schema import AnalysedCall, AnalysedUtterance, Failure, PatternEvent, Tag
from verbalkit.scoring.agents import (
    MONTHLY_FROM_DAYS,
    NO_TEAM,
    UNKNOWN_AGENT,
    AgentSummary,
    compare_agents,
    priority_name,
    summarise_agents,
)
from verbalkit.scoring.models import Moment, Priority, ScoredCall, StageScore
from verbalkit.vocab import BEHAVIOURS, Pattern, Role

STAGES = ("lyssna", "uttryck", "sympatisera", "finn_losningar")
NAMES = {"lyssna": "Lyssna", "uttryck": "Uttryck", "sympatisera": "Sympatisera"}

# -- building scored calls by hand ----------------------------------------------------

Line = tuple[str, str, tuple[str, ...]]  # speaker, text, labels ("jargon" once per span)


def _utterances(
    lines: list[Line], times: list[tuple[float, float | None]] | None
) -> list[AnalysedUtterance]:
    out = []
    for i, (speaker, text, labels) in enumerate(lines):
        start, end = times[i] if times is not None else (None, None)
        tags = [
            Tag(label=label, start=0, end=len(text), text=text, rule="test", confidence=0.9)
            for label in labels
        ]
        out.append(
            AnalysedUtterance(
                index=i, speaker=Role(speaker), start=start, end=end, text=text, tags=tags
            )
        )
    return out


def make_call(
    call_id: str,
    agent: str | None,
    team: str | None,
    *,
    lines: list[Line] | None = None,
    times: list[tuple[float, float | None]] | None = None,
    stages: dict[str, float | None] | None = None,
    overall: float | None = None,
    priorities: Sequence[tuple[str, float, int]] = (),
    events: tuple[str, ...] = (),
    started_at: datetime | None = None,
    language: str = "sv",
) -> ScoredCall:
    """A scored call built by hand: the analysis, stage scores and priorities as given."""
    lines = lines if lines is not None else DEFAULT_LINES
    utterances = _utterances(lines, times)
    call = AnalysedCall(
        call_id=call_id,
        agent_id=agent,
        team=team,
        language=language,
        started_at=started_at,
        has_timestamps=times is not None,
        utterances=utterances,
        events=[
            PatternEvent(pattern=p, utterances=[2], message=f"{p} at utterance 2") for p in events
        ],
    )
    stages = stages if stages is not None else dict.fromkeys(STAGES, overall)
    stage_scores = [
        StageScore(
            id=sid,
            name=NAMES.get(sid, sid),
            weight=1.0,
            score=value,
            applicable=value is not None,
            reason=None if value is not None else "the customer showed no emotion or problem",
            indicators=[],
        )
        for sid, value in stages.items()
    ]
    prios = [
        Priority(
            rank=rank,
            key=key,
            stages=["lyssna"],
            points=points,
            moment=Moment(
                utterance=at,
                speaker="agent",
                start=utterances[at].start,
                quote=utterances[at].text,
                labels=[key.split(":")[1]],
            ),
            problem=f"{key} here",
            suggestion="Berätta gärna mer om vad som hände?",
        )
        for rank, (key, points, at) in enumerate(priorities, start=1)
    ]
    return ScoredCall(
        call_id=call_id,
        agent_id=agent,
        team=team,
        language=language,
        started_at=started_at,
        scorecard="lustfull@1",
        overall=overall,
        stages=stage_scores,
        priorities=prios,
        call=call,
    )


DEFAULT_LINES: list[Line] = [
    ("agent", "Hej, du pratar med Sofia, vad kan jag hjälpa dig med?", ("open_question",)),
    ("customer", "Min matkasse kom i går och burken med räkor saknades.", ("problem",)),
    ("agent", "Jag lägger in 200 kr på ditt konto direkt.", ("solution",)),
    ("customer", "Jaha, okej.", ()),
    ("agent", "Tack för att du hörde av dig!", ("thanking",)),
]

# A timed call: agent turns of 30 s, 60 s and 30 s = 2 minutes of agent talk.
TIMED_LINES: list[Line] = [
    ("agent", "Hej och välkommen, vad kan jag hjälpa dig med i dag?", ("open_question",)),
    ("customer", "Jag blev dubbeldebiterad för min beställning och jag är så trött på det.", ()),
    (
        "agent",
        "Åh nej, det var tråkigt att höra. Så du har betalat två gånger? Berätta mer, vad hände?",
        ("sympathy", "restating", "open_question", "open_question"),
    ),
    ("customer", "Ja, två dragningar på kortet.", ()),
    ("agent", "Ärendet ligger i CRM:et, jag skickar en chargeback via PSP:n.", ("solution",)),
]
TIMED_TIMES: list[tuple[float, float | None]] = [
    (0.0, 30.0),
    (31.0, 45.0),
    (46.0, 106.0),
    (107.0, 110.0),
    (111.0, 141.0),
]


def _timed_lines_with_jargon() -> list[Line]:
    lines = list(TIMED_LINES)
    speaker, text, labels = lines[4]
    lines[4] = (speaker, text, (*labels, "jargon", "jargon"))  # two spans: CRM, chargeback
    return lines


# -- behaviour profile ----------------------------------------------------------------


def test_timed_call_rates_per_10_minutes() -> None:
    s = summarise_agents(
        [
            make_call(
                "t1",
                "a1",
                "alfa",
                lines=_timed_lines_with_jargon(),
                times=TIMED_TIMES,
                overall=60.0,
            )
        ]
    )
    a1 = s.agent("a1")
    assert a1.talk.basis == "timestamps"
    assert a1.talk.minutes == pytest.approx(2.0)
    assert a1.talk.estimated_minutes == 0.0
    oq = a1.behaviour("open_question")
    assert oq.count == 2  # two agent utterances, not four tags
    assert oq.per_10min == pytest.approx(10.0)  # 2 per 2 minutes
    assert oq.per_call == 2.0
    assert a1.behaviour("sympathy").per_10min == pytest.approx(5.0)
    jargon = a1.behaviour("jargon")
    assert jargon.count == 2  # spans, not utterances
    assert jargon.per_10min == pytest.approx(10.0)
    assert jargon.share is None
    # 2 open questions + sympathy + restating + solution = 5 utterance-level labels
    assert oq.share == pytest.approx(2 / 5)
    assert a1.behaviour("solution").share == pytest.approx(1 / 5)
    assert a1.behaviour("closed_question").share == 0.0


def test_untimed_call_rates_from_150_words_per_minute() -> None:
    # 75 agent words = half a minute at 150 words per minute; "–" alone is not a word.
    filler = " ".join(["ord"] * 53) + " –"
    lines: list[Line] = [
        ("agent", "Det var verkligen tråkigt att höra att kassen kom fram tinad.", ("sympathy",)),
        ("customer", "Ja, glassen var som soppa.", ("emotion",)),
        ("agent", filler, ()),
        ("agent", "Jag förstår. Vad hände sedan med resten av varorna?", ("open_question",)),
        ("agent", "Sista ord.", ()),
    ]
    # agent words: 11 + 53 + 9 + 2 = 75
    s = summarise_agents([make_call("u1", "a1", "alfa", lines=lines, overall=55.0)])
    a1 = s.agent("a1")
    assert a1.talk.basis == "words"
    assert a1.talk.minutes == pytest.approx(0.5)
    assert a1.talk.timed_minutes == 0.0
    assert a1.behaviour("sympathy").per_10min == pytest.approx(20.0)  # 1 per half a minute
    assert a1.behaviour("open_question").per_call == 1.0
    assert a1.behaviour("sympathy").share == pytest.approx(0.5)
    with pytest.raises(KeyError):
        a1.behaviour("emotion")  # a customer signal, not an agent behaviour


def test_timed_and_untimed_calls_make_a_mixed_basis() -> None:
    timed = make_call("t1", "a1", "alfa", lines=TIMED_LINES, times=TIMED_TIMES, overall=60.0)
    untimed = make_call("u1", "a1", "alfa", overall=70.0)  # DEFAULT_LINES: 11 + 9 + 7 words
    a1 = summarise_agents([timed, untimed]).agent("a1")
    assert a1.talk.basis == "mixed"
    assert a1.talk.timed_minutes == pytest.approx(2.0)
    assert a1.talk.estimated_minutes == pytest.approx(27 / 150)
    assert a1.talk.minutes == pytest.approx(2.0 + 27 / 150)
    # open question: 2 (timed) + 1 (untimed) per 2.18 minutes
    assert a1.behaviour("open_question").per_10min == pytest.approx(3 / (2.18 / 10))


def test_missing_agent_end_time_is_estimated_from_words() -> None:
    times = list(TIMED_TIMES)
    times[4] = (111.0, None)  # 10 words, no end
    a1 = summarise_agents(
        [make_call("t1", "a1", "alfa", lines=TIMED_LINES, times=times, overall=60.0)]
    ).agent("a1")
    assert a1.talk.basis == "mixed"
    assert a1.talk.timed_minutes == pytest.approx(1.5)
    assert a1.talk.estimated_minutes == pytest.approx(10 / 150)


def test_shares_sum_to_one_for_every_group() -> None:
    calls = [
        make_call("t1", "a1", "alfa", lines=_timed_lines_with_jargon(), times=TIMED_TIMES),
        make_call("c2", "a1", "alfa", overall=50.0),
        make_call("c3", "a2", "beta", overall=80.0),
        make_call("c4", None, None, overall=40.0),
    ]
    s = summarise_agents(calls)
    for g in [*s.agents, *s.teams, s.whole_set]:
        shares = [g.behaviour(b.value).share for b in BEHAVIOURS]
        assert all(x is not None for x in shares), g.id
        assert math.fsum(x for x in shares if x is not None) == pytest.approx(1.0), g.id
        assert g.behaviour("jargon").share is None
    assert [b.behaviour for b in s.whole_set.behaviours] == [
        *(b.value for b in BEHAVIOURS),
        "jargon",
    ]


def test_an_agent_with_no_tags_has_no_shares() -> None:
    lines: list[Line] = [("agent", "Hej.", ()), ("customer", "Hej hej.", ())]
    a1 = summarise_agents([make_call("c1", "a1", "alfa", lines=lines)]).agent("a1")
    assert all(b.share is None for b in a1.behaviours)
    assert all(b.count == 0 for b in a1.behaviours)


# -- patterns and stages --------------------------------------------------------------


def test_pattern_frequencies() -> None:
    calls = [
        make_call("c1", "a1", "alfa", events=("premature_solution", "interruption")),
        make_call("c2", "a1", "alfa", events=("interruption", "interruption", "interruption")),
        make_call("c3", "a1", "alfa"),
        make_call("c4", "a1", "alfa", events=("give_away",)),
    ]
    a1 = summarise_agents(calls).agent("a1")
    assert [p.pattern for p in a1.patterns] == [p.value for p in Pattern]
    inter = a1.pattern("interruption")
    assert (inter.n_calls, inter.share_of_calls, inter.events, inter.per_call) == (2, 0.5, 4, 1.0)
    prem = a1.pattern("premature_solution")
    assert (prem.n_calls, prem.share_of_calls) == (1, 0.25)
    assert a1.pattern("long_monologue").n_calls == 0


def test_a_stage_that_does_not_apply_is_not_counted() -> None:
    calls = [
        make_call("c1", "a1", "alfa", stages={"lyssna": 40.0, "sympatisera": 80.0}, overall=60),
        make_call("c2", "a1", "alfa", stages={"lyssna": 60.0, "sympatisera": None}, overall=60),
        make_call("c3", "a1", "alfa", stages={"lyssna": 80.0, "sympatisera": 100.0}, overall=90),
    ]
    a1 = summarise_agents(calls).agent("a1")
    sym = a1.stage("sympatisera")
    assert (sym.n_calls, sym.n_not_applicable) == (2, 1)
    assert sym.mean == pytest.approx(90.0)  # not (80 + 0 + 100) / 3
    assert sym.median == pytest.approx(90.0)
    assert sym.std == pytest.approx(math.sqrt(200.0))  # sample: ((10² + 10²) / (2 − 1))
    lys = a1.stage("lyssna")
    assert (lys.n_calls, lys.mean, lys.median) == (3, 60.0, 60.0)
    assert lys.std == pytest.approx(20.0)
    assert lys.names == {"sv": "Lyssna"}
    assert a1.overall.n_calls == 3
    assert a1.overall.median == 60.0
    assert a1.overall.mean == pytest.approx(70.0)


def test_stages_keep_scorecard_order_and_one_call_has_no_spread() -> None:
    s = summarise_agents([make_call("c1", "a1", "alfa", overall=70.0)])
    assert s.stages == list(STAGES)
    assert [st.stage for st in s.agent("a1").stages] == list(STAGES)
    assert s.agent("a1").overall.std is None


def test_calls_without_agent_or_team_are_pooled() -> None:
    calls = [
        make_call("c1", None, None, overall=50.0),
        make_call("c2", None, "alfa", overall=70.0),
        make_call("c3", "a1", "alfa", overall=80.0),
        Failure(path="calls/bad.json", message="line 3: not JSON"),
    ]
    s = summarise_agents(calls)  # type: ignore[arg-type]
    assert s.n_failed == 1
    assert s.n_calls == 3
    assert [a.id for a in s.agents] == [UNKNOWN_AGENT, "a1"]
    assert sorted(t.id for t in s.teams) == [NO_TEAM, "alfa"]
    unknown = s.agent(UNKNOWN_AGENT)
    assert unknown.n_calls == 2
    assert unknown.teams == [NO_TEAM, "alfa"]
    # "(unknown)" is a pool, not a peer: a1 is the only agent, so no percentile
    a1 = s.agent("a1")
    assert a1.standing is not None
    assert a1.standing.n_agents == 1
    assert a1.standing.percentile is None
    assert s.team("alfa").agents == ["a1"]


def test_no_calls_make_an_empty_summary() -> None:
    s = summarise_agents([])
    assert (s.n_calls, s.agents, s.teams, s.period) == (0, [], [], None)
    assert s.whole_set.overall.median is None
    assert s.whole_set.behaviour("sympathy").per_call is None
    assert s.to_frame("agents").empty
    with pytest.raises(ValueError, match=r"unknown agent id 'a1'; known: \(none\)"):
        compare_agents(s, ["a1"])


def test_summarise_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="ScoredCall"):
        summarise_agents(["not a call"])  # type: ignore[list-item]


# -- recurring priorities -------------------------------------------------------------


def _agent_with_priorities() -> list[ScoredCall]:
    prem = "pattern:premature_solution"
    sym = "behaviour:sympathy"
    return [
        make_call("c1", "a1", "alfa", overall=50, priorities=[(prem, 12.0, 2), (sym, 9.0, 2)]),
        make_call("c2", "a1", "alfa", overall=55, priorities=[(prem, 20.5, 4), (sym, 3.0, 0)]),
        make_call("c3", "a1", "alfa", overall=65, priorities=[(sym, 30.0, 2)]),
        make_call("c4", "a1", "alfa", overall=45, priorities=[(prem, 15.0, 2)]),
        make_call("c5", "a1", "alfa", overall=90, priorities=[("metric:agent_talk_share", 1, 0)]),
        make_call("c6", "a1", "alfa", overall=70, priorities=[(prem, 30.0, 4), (prem, 4.0, 2)]),
    ]


def test_recurring_priorities_count_calls_and_keep_two_clearest_examples() -> None:
    a1 = summarise_agents(_agent_with_priorities()).agent("a1")
    keys = [(r.key, r.n_calls, r.of_calls) for r in a1.priorities]
    # premature: c1, c2, c4, c6 (c6 twice: one call); sympathy 3 calls; talk share 1
    assert keys == [
        ("pattern:premature_solution", 4, 6),
        ("behaviour:sympathy", 3, 6),
        ("metric:agent_talk_share", 1, 6),
    ]
    prem = a1.priorities[0]
    assert prem.points == pytest.approx(12.0 + 20.5 + 15.0 + 30.0)
    assert [(e.call_id, e.points, e.utterance) for e in prem.examples] == [
        ("c6", 30.0, 4),
        ("c2", 20.5, 4),
    ]
    ex = prem.examples[0]
    assert ex.quote == DEFAULT_LINES[4][1]
    assert ex.suggestion == "Berätta gärna mer om vad som hände?"
    assert ex.problem == "pattern:premature_solution here"
    sym = a1.priorities[1]
    assert [e.call_id for e in sym.examples] == ["c3", "c1"]


def test_recurring_priorities_tie_on_calls_sorts_by_points() -> None:
    calls = [
        make_call("c1", "a1", "alfa", priorities=[("behaviour:jargon", 5.0, 2)]),
        make_call("c2", "a1", "alfa", priorities=[("pattern:interruption", 8.0, 2)]),
    ]
    a1 = summarise_agents(calls).agent("a1")
    assert [r.key for r in a1.priorities] == ["pattern:interruption", "behaviour:jargon"]


def test_recurring_priority_text_in_both_languages() -> None:
    prem = summarise_agents(_agent_with_priorities()).agent("a1").priorities[0]
    assert prem.text("en") == "premature solution in 4 of 6 calls"
    assert prem.text("sv") == "för tidig lösning i 4 av 6 samtal"
    one = summarise_agents(
        [make_call("c1", "a1", "alfa", priorities=[("pattern:give_away", 5.0, 2)])]
    ).agent("a1")
    assert one.priorities[0].text("en") == "giving away the shop in 1 of 1 call"
    assert one.priorities[0].text("sv") == "ger bort butiken i 1 av 1 samtal"
    with pytest.raises(ValueError, match="'sv' or 'en'"):
        prem.text("de")


def test_priority_names_cover_the_listed_keys_and_fall_back() -> None:
    keys = [
        *(f"behaviour:{b}" for b in [*(b.value for b in BEHAVIOURS), "jargon"]),
        *(f"pattern:{p.value}" for p in Pattern),
        "metric:agent_talk_share",
        "metric:longest_monologue_s",
        "metric:longest_monologue_words",
    ]
    for key in keys:
        for lang in ("sv", "en"):
            name = priority_name(key, lang)
            assert "_" not in name and ":" not in name, (key, lang, name)
    assert priority_name("behaviour:closed_question", "sv") == "för många slutna frågor"
    assert priority_name("metric:response_gap_s", "sv") == "response gap s"


# -- standing -------------------------------------------------------------------------


def _four_agents() -> list[ScoredCall]:
    scores = {
        ("a1", "alfa"): [70.0, 80.0, 95.0],  # median 80
        ("a2", "alfa"): [60.0],  # 60
        ("b1", "beta"): [40.0, 60.0],  # 50
        ("b2", "beta"): [70.0, 70.0, 72.0, 10.0],  # 70
    }
    calls = []
    for (agent, team), values in scores.items():
        for i, v in enumerate(values):
            calls.append(make_call(f"{agent}-{i}", agent, team, overall=v))
    # one call of b2's in another team does not move b2 out of beta
    calls.append(make_call("b2-x", "b2", "gamma", overall=70.0))
    return calls


def test_standing_against_team_and_whole_set() -> None:
    s = summarise_agents(_four_agents())
    st = {a.id: a.standing for a in s.agents}
    assert all(x is not None for x in st.values())
    a1, a2, b1, b2 = (st[k] for k in ("a1", "a2", "b1", "b2"))
    assert a1 is not None and a2 is not None and b1 is not None and b2 is not None
    assert (a1.median, a2.median, b1.median, b2.median) == (80.0, 60.0, 50.0, 70.0)
    assert b2.team == "beta"
    # team medians are of per-agent medians: alfa (80, 60) -> 70, beta (50, 70) -> 60
    assert (a1.team_median, b1.team_median) == (70.0, 60.0)
    assert (a1.diff_from_team, a2.diff_from_team) == (10.0, -10.0)
    assert (b1.diff_from_team, b2.diff_from_team) == (-10.0, 10.0)
    # whole set: median of 50, 60, 70, 80
    assert a1.whole_median == 65.0
    assert (a1.diff_from_whole, b1.diff_from_whole) == (15.0, -15.0)
    assert a1.percentile == 100.0
    assert b1.percentile == 0.0
    assert a2.percentile == pytest.approx(100 / 3)
    assert b2.percentile == pytest.approx(200 / 3)
    assert (a1.n_team_agents, a1.n_agents) == (2, 4)
    assert s.team("alfa").agent_median == 70.0
    assert s.whole_set.agent_median == 65.0
    # a team summary pools its calls; gamma is nobody's team
    assert s.team("alfa").n_calls == 4
    assert s.team("gamma").n_calls == 1
    assert s.team("gamma").agents == []
    assert s.team("gamma").agent_median is None
    assert s.agent("b2").teams == ["beta", "gamma"]


def test_tied_agents_share_a_percentile() -> None:
    calls = [
        make_call("c1", "a1", "alfa", overall=60.0),
        make_call("c2", "a2", "alfa", overall=60.0),
        make_call("c3", "a3", "alfa", overall=90.0),
    ]
    s = summarise_agents(calls)
    pct = {a.id: a.standing.percentile for a in s.agents if a.standing is not None}
    assert pct == {"a1": 25.0, "a2": 25.0, "a3": 100.0}


# -- trend ----------------------------------------------------------------------------


def _dated(agent: str, days_scores: list[tuple[int, float]], start: datetime) -> list[ScoredCall]:
    return [
        make_call(
            f"{agent}-{d}", agent, "alfa", overall=v, started_at=start + timedelta(days=d, hours=9)
        )
        for d, v in days_scores
    ]


def test_trend_slope_sign_and_value_per_30_days() -> None:
    start = datetime(2024, 4, 1, tzinfo=UTC)  # a Monday
    up = _dated("up", [(0, 50.0), (10, 60.0), (20, 70.0)], start)
    down = _dated("down", [(0, 90.0), (3, 70.0), (9, 60.0), (14, 40.0)], start)
    few = _dated("few", [(0, 50.0), (7, 90.0)], start)
    s = summarise_agents([*up, *down, *few])
    assert s.period == "week"  # 20 days of data
    assert s.agent("up").trend.slope_per_30d == pytest.approx(30.0)  # one point a day
    slope_down = s.agent("down").trend.slope_per_30d
    assert slope_down is not None and slope_down < 0
    assert s.agent("few").trend.slope_per_30d is None
    points = s.agent("up").trend.points
    assert [(p.period, p.n_calls, p.mean_overall) for p in points] == [
        ("2024-W14", 1, 50.0),
        ("2024-W15", 1, 60.0),
        ("2024-W16", 1, 70.0),  # 21 April is a Sunday
    ]
    assert str(points[0].start) == "2024-04-01"


def test_trend_uses_months_from_eight_weeks_of_data() -> None:
    start = datetime(2024, 1, 10, 12, tzinfo=UTC)
    calls = _dated("a1", [(0, 40.0), (5, 50.0), (40, 60.0), (MONTHLY_FROM_DAYS, 80.0)], start)
    s = summarise_agents(calls)
    assert s.period == "month"
    trend = s.agent("a1").trend
    assert [(p.period, p.n_calls, p.mean_overall) for p in trend.points] == [
        ("2024-01", 2, 45.0),
        ("2024-02", 1, 60.0),
        ("2024-03", 1, 80.0),
    ]
    assert trend.slope_per_30d is not None and trend.slope_per_30d > 0
    short = summarise_agents(calls[:3])
    assert short.period == "week"


def test_trend_periods_follow_the_recorded_local_date() -> None:
    cet = timezone(timedelta(hours=2))
    # 00:30 on Monday in Stockholm is still Sunday in UTC: the agent's week is the Monday's
    call = make_call(
        "c1", "a1", "alfa", overall=50.0, started_at=datetime(2024, 4, 8, 0, 30, tzinfo=cet)
    )
    s = summarise_agents([call, make_call("c2", "a1", "alfa", overall=60.0)])
    assert [p.period for p in s.agent("a1").trend.points] == ["2024-W15"]
    assert s.agent("a1").trend.points[0].n_calls == 1


# -- comparison table -----------------------------------------------------------------


def test_compare_agents_table() -> None:
    s = summarise_agents([*_four_agents(), *_agent_with_priorities()])
    df = compare_agents(s, ["a1", "b1"])
    assert list(df.columns) == [
        "a1",
        "b1",
        "alfa (median agent)",
        "beta (median agent)",
        "all agents (median agent)",
    ]
    n_rows = 6 + len(s.stages) + 13 + 12 + len(Pattern) + 1
    assert df.shape == (n_rows, 5)
    assert df.index.name == "measure"
    assert df.loc["n calls", "a1"] == 9  # 3 + 6
    assert df.loc["overall median", "b1"] == 50.0
    assert df.loc["diff from team median", "b1"] == -10.0
    assert df.loc["top recurring priority", "a1"] == "premature solution in 4 of 9 calls"
    assert df.loc["top recurring priority", "b1"] is None
    assert df.loc["overall median", "all agents (median agent)"] == s.whole_set.agent_median
    assert "open_question per 10 min" in df.index
    assert "premature_solution share of calls" in df.index
    sv = compare_agents(s, ["a1"], lang="sv")
    assert sv.loc["top recurring priority", "a1"] == "för tidig lösning i 4 av 9 samtal"
    assert list(sv.columns) == ["a1", "alfa (median agent)", "all agents (median agent)"]


def test_compare_agents_team_column_is_the_median_agent() -> None:
    s = summarise_agents(_four_agents())
    df = s.compare(["a2"])
    # n calls of alfa's agents a1 (3) and a2 (1): median 2, not alfa's 4 pooled calls
    assert df.loc["n calls", "alfa (median agent)"] == 2.0
    assert df.loc["overall median", "alfa (median agent)"] == 70.0


def test_compare_agents_unknown_id_names_it_and_the_known_ones() -> None:
    s = summarise_agents(_four_agents())
    with pytest.raises(ValueError) as err:
        compare_agents(s, ["a1", "zz9"])
    message = str(err.value)
    assert "'zz9'" in message
    assert "'a1', 'a2', 'b1', 'b2'" in message
    with pytest.raises(ValueError, match="at least one"):
        compare_agents(s, [])


# -- frames and JSON ------------------------------------------------------------------


def test_frames() -> None:
    s = summarise_agents([*_four_agents(), make_call("t1", "a1", "alfa", lines=TIMED_LINES)])
    agents = s.to_frame("agents")
    assert list(agents["agent_id"]) == ["a1", "a2", "b1", "b2"]
    for col in ("team", "n_calls", "talk_minutes", "overall_median", "overall_std"):
        assert col in agents.columns
    for col in ("lyssna_mean", "open_question_per_10min", "sympathy_share"):
        assert col in agents.columns
    assert "premature_solution_share_calls" in agents.columns
    assert agents.set_index("agent_id").loc["a1", "diff_from_team"] == 10.0
    assert agents.set_index("agent_id").loc["b1", "percentile"] == 0.0
    teams = s.to_frame("teams")
    assert list(teams["team"]) == ["alfa", "beta", "gamma"]
    behaviours = s.to_frame("behaviours")
    assert len(behaviours) == 4 * 13
    assert list(behaviours.columns[:6]) == [
        "agent_id",
        "team",
        "behaviour",
        "count",
        "share",
        "per_10min",
    ]
    assert len(s.to_frame("stages")) == 4 * len(STAGES)
    trend = s.to_frame("trend")
    assert list(trend.columns) == [
        "agent_id",
        "team",
        "period",
        "period_start",
        "n_calls",
        "mean_overall",
    ]
    assert trend.empty  # no dates
    priorities = summarise_agents(_agent_with_priorities()).to_frame("priorities")
    assert priorities.iloc[0]["key"] == "pattern:premature_solution"
    assert priorities.iloc[0]["example_call_ids"] == ["c6", "c2"]
    assert priorities.iloc[0]["n_calls"] == 4
    with pytest.raises(ValueError, match="unknown kind"):
        s.to_frame("calls")  # type: ignore[arg-type]


def test_to_dict_is_json_and_round_trips() -> None:
    start = datetime(2024, 4, 1, tzinfo=UTC)
    s = summarise_agents([*_agent_with_priorities(), *_dated("d1", [(0, 50), (8, 70)], start)])
    data = s.to_dict()
    text = json.dumps(data)
    assert AgentSummary.model_validate(json.loads(text)) == s
    assert data["method"]["std"].startswith("sample")
    assert isinstance(s.to_frame("trend"), pd.DataFrame)


# -- determinism ----------------------------------------------------------------------


def test_same_calls_in_any_order_give_the_same_summary() -> None:
    start = datetime(2024, 3, 4, 8, tzinfo=UTC)
    calls = [
        *_four_agents(),
        *_agent_with_priorities(),
        *_dated("d1", [(0, 50.0), (8, 70.5), (19, 61.3), (30, 88.8)], start),
        make_call("t1", "a2", "alfa", lines=_timed_lines_with_jargon(), times=TIMED_TIMES),
        make_call("n1", None, None, overall=33.3, events=("interruption",)),
    ]
    expected = summarise_agents(calls).to_dict()
    rng = random.Random(9)
    for _ in range(5):
        shuffled = list(calls)
        rng.shuffle(shuffled)
        assert summarise_agents(iter(shuffled)).to_dict() == expected
    frame = summarise_agents(reversed(calls)).to_frame("agents")
    pd.testing.assert_frame_equal(frame, summarise_agents(calls).to_frame("agents"))


def test_reads_the_input_once() -> None:
    def once() -> Iterator[ScoredCall]:
        yield from _four_agents()

    s = summarise_agents(once())
    assert s.n_calls == 11


# -- end to end on the dev calls -------------------------------------------------------


def test_dev_calls_end_to_end(data_dir: Path) -> None:
    """Score the dev calls with the engine and check the summary against the raw scores."""
    import verbalkit
    from verbalkit.scoring.engine import score, score_many

    calls_dir = data_dir / "dev" / "calls"
    paths = sorted(calls_dir.glob("*.json"))
    if not paths:
        pytest.skip(f"no dev calls in {calls_dir}")
    scored = [score(verbalkit.analyze(verbalkit.read(p))) for p in paths]
    s = summarise_agents(scored)
    assert (s.n_calls, s.n_failed) == (len(paths), 0)
    assert [a.id for a in s.agents] == sorted({c.agent_id or UNKNOWN_AGENT for c in scored})
    assert sum(a.n_calls for a in s.agents) == len(paths)
    assert sum(t.n_calls for t in s.teams) == len(paths)
    assert s.stages == [st.id for st in scored[0].stages]
    assert s.period == "week"  # the dev calls span one week and a bit
    assert s.whole_set.talk.minutes == pytest.approx(math.fsum(a.talk.minutes for a in s.agents))
    for a in s.agents:
        mine = [c for c in scored if (c.agent_id or UNKNOWN_AGENT) == a.id]
        assert a.talk.basis == "timestamps"
        assert a.talk.minutes > 0
        shares = [a.behaviour(b.value).share or 0.0 for b in BEHAVIOURS]
        assert math.fsum(shares) == pytest.approx(1.0)
        assert a.standing is not None and a.standing.percentile is not None
        overall = sorted(c.overall for c in mine if c.overall is not None)
        assert a.overall.median == pytest.approx(float(pd.Series(overall).median()))
        for st in a.stages:
            applied = [c.stage(st.stage).score for c in mine if c.stage(st.stage).applicable]
            assert st.n_calls == len(applied)
        for r in a.priorities:
            with_key = [c for c in mine if any(p.key == r.key for p in c.priorities)]
            assert r.n_calls == len(with_key) and r.of_calls == len(mine)
            assert 1 <= len(r.examples) <= 2
            best = max(p.points for c in with_key for p in c.priorities if p.key == r.key)
            assert r.examples[0].points == best
    # the coach's table in Swedish, and the same summary from a stream in another order
    table = compare_agents(s, [a.id for a in s.agents[:2]], lang="sv")
    assert table.shape == (len(table.index), 2 + len({a.team for a in s.agents[:2]}) + 1)
    stream = score_many(verbalkit.analyze(verbalkit.read(p)) for p in reversed(paths))
    assert summarise_agents(stream).to_dict() == s.to_dict()
