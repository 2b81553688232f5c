"""report.md: the team overview, agents with strengths and recurring priorities (two
examples each, quoted, with a better phrasing), the calls most worth a coach's time; both
languages; transcript text cannot break a table or start Markdown of its own."""

from __future__ import annotations

import re

import pytest
from test_html_report import example_calls

from verbalkit.report.html import ui_strings
from verbalkit.report.markdown import md_escape, render_markdown
from verbalkit.report.selection import worth_a_look
from verbalkit.schema import Failure
from verbalkit.scoring.agents import summarise_agents
from verbalkit.scoring.models import ScoredCall


def _report(calls: list[ScoredCall], lang: str = "en", **kw: object) -> str:
    return render_markdown(calls, summarise_agents(calls), lang=lang, **kw)  # type: ignore[arg-type]


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


@pytest.mark.parametrize(("lang", "other"), [("sv", "en"), ("en", "sv")])
def test_sections_present_in_each_language(lang: str, other: str) -> None:
    calls = list(example_calls())
    md = _report(calls, lang)
    t, o = ui_strings(lang), ui_strings(other)
    headings = re.findall(r"^(#{1,3}) (.*)$", md, flags=re.MULTILINE)
    h2 = [text for level, text in headings if level == "##"]
    assert h2 == [t["sections"]["overview"], t["md"]["agents"], t["md"]["worth"]]
    assert md.startswith(f"# {t['title']}\n")
    for key in ("overview", "agents", "worth"):
        assert o["md"].get(key, o["sections"].get(key)) not in h2
    # one heading per agent, then one per call worth a look
    summary = summarise_agents(calls)
    h3 = [text for level, text in headings if level == "###"]
    assert len(h3) == len(summary.agents) + min(10, len(calls))
    assert f"**{t['md']['priorities']}**" in md and f"**{o['md']['priorities']}**" not in md
    # the team table has a header, a rule and one row per team plus "all calls"
    table = [line for line in md.splitlines() if line.startswith("|")]
    assert len(table) == 2 + len(summary.teams) + 1
    assert len({_unescaped_pipes(line) for line in table}) == 1


def test_recurring_priorities_quote_their_examples_with_a_better_phrasing() -> None:
    calls = list(example_calls())
    summary = summarise_agents(calls)
    md = _report(calls, "en")
    t = ui_strings("en")
    shown = 0
    for agent in summary.agents:
        for p in agent.priorities[:3]:
            assert md_escape(p.text("en")) in md
            assert len(p.examples) <= 2
            for e in p.examples:
                assert md_escape(e.problem) in md
                if e.quote:
                    assert f"“{md_escape(e.quote)}”" in md or "…" in md
                if e.suggestion:
                    assert f"*{t['md']['try']}:* “{md_escape(e.suggestion)}”" in md
                    shown += 1
    assert shown >= 4


def test_calls_worth_a_look_with_scores_and_top_priorities() -> None:
    calls = list(example_calls())
    md = _report(calls, "sv", max_calls=2)
    t = ui_strings("sv")
    part = md[md.index(f"## {t['md']['worth']}") :]
    picked = worth_a_look(calls, 2)
    heads = re.findall(r"^### (\d+)\\?\. (.*) · Totalt (\S+)$", part, flags=re.MULTILINE)
    assert [(int(n), cid) for n, cid, _ in heads] == [
        (1, picked[0].call_id),
        (2, picked[1].call_id),
    ]
    assert heads[0][2] == f"{picked[0].overall:.0f}"
    for p in picked[0].priorities:
        assert md_escape(p.problem) in part
        if p.suggestion:
            assert md_escape(p.suggestion) in part


def test_pipes_and_newlines_in_transcript_text_are_escaped() -> None:
    base = next(c for c in example_calls() if c.priorities and c.priorities[0].moment)
    moment = base.priorities[0].moment
    assert moment is not None
    hostile_quote = (
        "Du måste | fylla i | formuläret\n## inte en rubrik\n- inte en lista <script>x</script>"
    )
    prio = base.priorities[0].model_copy(
        update={
            "moment": moment.model_copy(update={"quote": hostile_quote}),
            "suggestion": "Skulle du | kunna *fylla* i `formuläret`?",
        }
    )
    call = base.model_copy(
        update={"team": "team|alfa", "agent_id": "a|1", "priorities": [prio, *base.priorities[1:]]}
    )
    md = _report([call], "sv")
    assert (
        r"Du måste \| fylla i \| formuläret \#\# inte en rubrik - inte en lista \<script\>x\</script\>"
        in md
    )
    assert r"Skulle du \| kunna \*fylla\* i \`formuläret\`?" in md
    assert "<script>" not in md
    assert not re.search(r"^## inte", md, flags=re.MULTILINE)
    table = [line for line in md.splitlines() if line.startswith("|")]
    assert any(r"team\|alfa" in line for line in table)
    assert len({_unescaped_pipes(line) for line in table}) == 1
    assert r"### a\|1 · team\|alfa" in md


def test_md_escape() -> None:
    assert md_escape("a | b\nc") == r"a \| b c"
    assert md_escape("1. first") == r"1\. first"
    assert md_escape("- item") == r"\- item"
    assert md_escape("> quote") == r"\> quote"
    assert md_escape("**bold** _it_ [x](y) <b>") == r"\*\*bold\*\* \_it\_ \[x\](y) \<b\>"
    assert md_escape(None) == ""
    assert md_escape(42) == "42"


def test_failures_are_listed_and_counted() -> None:
    calls = list(example_calls())
    failures = [Failure(path="calls/bad|file.json", message="line 3: not JSON", call_id=None)]
    md = _report(calls, "en", failures=failures)
    assert "1 could not be read or scored" in md
    assert r"calls/bad\|file.json: line 3: not JSON" in md


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'sv' or 'en'"):
        _report(list(example_calls()), "fi")
