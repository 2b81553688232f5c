"""report.html: self-contained, charts, call sections, both languages, and nothing from a
transcript or scorecard can run script (checked with html.parser, element by element)."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import time
from collections.abc import Sequence
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
import yaml

import verbalkit
from verbalkit.report import charts
from verbalkit.report.html import render_html, segments, ui_strings
from verbalkit.report.selection import worth_a_look
from verbalkit.schema import AnalysedCall, Failure, Tag, Transcript, Utterance
from verbalkit.scoring.agents import summarise_agents
from verbalkit.scoring.engine import score
from verbalkit.scoring.models import ScoredCall
from verbalkit.vocab import Role

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

# What a hostile transcript, file name or scorecard might hold. Each would change the page
# (title, a global, a new element) if it ever ran.
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">klicka här</a>',
    "<script>document.title='pwned';window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=2;document.title='pwned'\">",
    '<svg onload="window.__pwned=3"></svg>',
    '<iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>',
    "</textarea></style></title></script><script>window.__pwned=5</script>",
    "{{ 7*7 }} {% raw %} $x^2$ | a | b |",
)
HOSTILE_AGENT = '"><script>window.__pwned=6</script>'
HOSTILE_TEAM = "<b onmouseover=alert(1)>team</b>"
HOSTILE_TITLE = "</title><script>window.__pwned=7</script>"


# -- data ------------------------------------------------------------------------------


@cache
def example_calls() -> tuple[ScoredCall, ...]:
    """The example calls of the repository, read, analysed and scored for real."""
    out = []
    paths = sorted(
        p for p in EXAMPLES.iterdir() if p.suffix in {".json", ".txt", ".vtt", ".csv", ".srt"}
    )
    for item in verbalkit.read_many(paths):
        assert not isinstance(item, Failure), str(item)
        out.append(score(verbalkit.analyze(item)))
    assert len(out) >= 6
    return tuple(out)


def _hostile_transcript() -> Transcript:
    p = PAYLOADS
    return Transcript(
        call_id=f"call-{p[0]}",
        agent_id=HOSTILE_AGENT,
        team=HOSTILE_TEAM,
        language="sv",
        source=f"samtal/{p[1]}.json",
        utterances=[
            Utterance(
                speaker=Role.AGENT, start=0.0, end=3.0, text="Hej, du pratar med Lisa på Matkassen."
            ),
            Utterance(
                speaker=Role.CUSTOMER,
                start=3.2,
                end=12.0,
                text=f"Jag är så trött på det här, laxen saknades igen {p[0]} och jag fick {p[1]} tredje gången!",
            ),
            Utterance(
                speaker=Role.AGENT,
                start=11.0,
                end=20.0,
                text=f"Jag skickar en ny lax i morgon {p[2]}. Du måste skicka in kvittot {p[3]}.",
            ),
            Utterance(
                speaker=Role.CUSTOMER,
                start=20.5,
                end=25.0,
                text=f"Men {p[4]} varför händer det hela tiden {p[5]} –",
            ),
            Utterance(
                speaker=Role.AGENT,
                start=24.6,
                end=32.0,
                text=f"Det är lagret som har slarvat {p[6]}, ärendet ligger i kö för 2nd line i CRM:et {p[7]}.",
            ),
            Utterance(speaker=Role.CUSTOMER, start=32.5, end=34.0, text=f"Okej. {p[8]}"),
        ],
    )


@cache
def hostile_call() -> ScoredCall:
    """A real scored call whose every free text holds a payload, also where the engine
    would not put one (a rule id, a suggestion, a scorecard label, coaching texts)."""
    analysed = verbalkit.analyze(_hostile_transcript())
    utts = list(analysed.utterances)
    extra = Tag(
        label="jargon",
        start=0,
        end=3,
        text=utts[4].text[:3],
        rule=PAYLOADS[0],
        confidence=0.9,
        suggestion=PAYLOADS[1],
    )
    utts[4] = utts[4].model_copy(update={"tags": [*utts[4].tags, extra]})
    analysed = AnalysedCall.model_validate(
        {**analysed.model_dump(), "utterances": [u.model_dump() for u in utts]}
    )
    scored = score(analysed)
    priorities = [
        p.model_copy(update={"problem": f"{p.problem} {PAYLOADS[3]}", "suggestion": PAYLOADS[4]})
        for p in scored.priorities
    ]
    strengths = [s.model_copy(update={"text": f"{s.text} {PAYLOADS[5]}"}) for s in scored.strengths]
    stages = [
        s.model_copy(
            update={
                "name": PAYLOADS[6],
                "indicators": [i.model_copy(update={"name": PAYLOADS[7]}) for i in s.indicators],
            }
        )
        for s in scored.stages
    ]
    assert priorities, "the hostile call should have coaching priorities"
    return scored.model_copy(
        update={
            "priorities": priorities,
            "strengths": strengths,
            "stages": stages,
            "scorecard": f"{PAYLOADS[0]}@1",
        }
    )


def hostile_failures() -> list[Failure]:
    return [Failure(path=f"calls/{PAYLOADS[1]}.json", message=PAYLOADS[0], call_id=PAYLOADS[2])]


def hostile_report(lang: str = "sv") -> str:
    calls = [*example_calls(), hostile_call()]
    return render_html(
        calls, summarise_agents(calls), lang=lang, title=HOSTILE_TITLE, failures=hostile_failures()
    )


# -- reading the page ---------------------------------------------------------------------


class Page(HTMLParser):
    """Every element with its attributes, and every script with its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.titles: list[str] = []
        self._in: str | None = None
        self._text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "title"):
            self._in, self._text = tag, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in == "script":
            self.scripts.append((dict(self.elements_with("script")[-1][1]), "".join(self._text)))
        elif tag == self._in == "title":
            self.titles.append("".join(self._text))
        if tag == self._in:
            self._in = None

    def elements_with(self, tag: str) -> list[tuple[str, dict[str, str | None]]]:
        return [e for e in self.elements if e[0] == tag]


def our_script() -> str:
    return resources.files("verbalkit.report").joinpath("templates", "report.js").read_text("utf-8")


def assert_nothing_runs(html: str) -> Page:
    """No element has an event-handler attribute, no link or source leaves the page, and
    the only scripts are the report's own: its JSON data block and its sorter."""
    page = Page(html)
    for tag, attrs in page.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), f"<{tag}> has {name}={value!r}"
            if name in ("href", "xlink:href"):
                assert value is not None and value.startswith("#"), f"<{tag} {name}={value!r}>"
            assert name not in ("src", "srcdoc", "action", "formaction"), f"<{tag}> has {name}"
        assert tag not in (
            "img",
            "iframe",
            "object",
            "embed",
            "link",
            "base",
            "form",
            "foreignobject",
        )
    assert len(page.scripts) == 2, [s[0] for s in page.scripts]
    (data_attrs, data_text), (code_attrs, code_text) = page.scripts
    assert data_attrs == {"type": "application/json", "id": "vk-data"}
    json.loads(data_text)
    assert code_attrs == {}
    assert code_text == our_script()
    assert "<script>alert" not in html
    assert "<script>document" not in html and "<script>window" not in html
    return page


def section_ids(html: str) -> list[str]:
    return re.findall(r'<section class="call" id="(call-\d+)">', html)


def section_titles(html: str) -> list[str]:
    return re.findall(
        r'<section class="call" id="call-\d+">\s*<div class="callhead">\s*<h3><span class="turn-n">\d+\.</span> ([^<]*)</h3>',
        html,
    )


# -- tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_self_contained_no_urls_at_all(lang: str) -> None:
    calls = list(example_calls())
    html = render_html(calls, summarise_agents(calls), lang=lang)
    assert html.startswith("<!DOCTYPE html>")
    for needle in ("http://", "https://", "//cdn", "url(http", "@import", "src="):
        assert needle not in html, needle
    page = assert_nothing_runs(html)
    csp = next(a["content"] for t, a in page.elements if t == "meta" and a.get("http-equiv"))
    assert csp is not None and "default-src 'none'" in csp
    digest = base64.b64encode(hashlib.sha256(our_script().encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def test_charts_are_inline_svg_with_the_agents() -> None:
    calls = list(example_calls())
    html = render_html(calls, summarise_agents(calls), lang="en", max_call_sections=4)
    svgs = re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)
    # agent comparison + stage heatmap + one timeline per section
    assert len(svgs) == 2 + 4
    comparison = re.search(r'id="chart-agents">(.*?)</figure>', html, flags=re.DOTALL)
    heatmap = re.search(r'id="chart-stages">(.*?)</figure>', html, flags=re.DOTALL)
    assert comparison and "<svg" in comparison.group(1) and heatmap and "<svg" in heatmap.group(1)
    for agent in ("a-sara", "a-tom", "a-ahmed"):
        assert f">{agent}" in comparison.group(1) or f"{agent} ·" in comparison.group(1), agent
    for svg in svgs:
        assert "<script" not in svg and "<metadata" not in svg and "xmlns" not in svg
        assert 'role="img"' in svg[:200]


def test_one_section_per_selected_call_in_worth_a_look_order() -> None:
    calls = list(example_calls())
    summary = summarise_agents(calls)
    html = render_html(calls, summary, lang="en", max_call_sections=3)
    picked = worth_a_look(calls, 3)
    assert section_ids(html) == ["call-1", "call-2", "call-3"]
    assert section_titles(html) == [c.call_id for c in picked]
    t = ui_strings("en")
    more = t["worth"]["more"].format(total=len(calls), rest=len(calls) - 3)
    assert more in html.replace("&#39;", "'")
    # every call has a row in the calls table; the three with a section link to it
    table = html[
        html.index('id="calls-table"') : html.index("</table>", html.index('id="calls-table"'))
    ]
    assert table.count("<tr>") == len(calls) + 1
    for k, c in enumerate(picked, 1):
        assert f'<a href="#call-{k}">{c.call_id}</a>' in table

    all_of_them = render_html(calls, summary, lang="en", max_call_sections=100)
    assert len(section_ids(all_of_them)) == len(calls)
    assert "calls were scored;" not in all_of_them
    assert section_ids(render_html(calls, summary, lang="en", max_call_sections=0)) == []


def test_a_section_has_timeline_priorities_stages_events_and_transcript() -> None:
    calls = list(example_calls())
    worst = worth_a_look(calls, 1)[0]
    html = render_html(calls, summarise_agents(calls), lang="en", max_call_sections=1)
    section = html[html.index('<section class="call" id="call-1">') :]
    section = section[: section.index("</section>")]
    t = ui_strings("en")
    for heading in ("timeline", "priorities", "strengths", "stages", "events", "transcript"):
        assert t["call"][heading] in section.replace("&#39;", "'"), heading
    top = worst.priorities[0]
    assert top.suggestion is not None
    from markupsafe import escape

    assert str(escape(top.suggestion)) in section
    assert str(escape(top.problem)) in section
    # one transcript line per utterance, each an anchor the moments link to
    assert section.count('<li id="call-1-u') == len(worst.call.utterances)
    if top.moment is not None:
        assert f'href="#call-1-u{top.moment.utterance}"' in section
    # tagged spans are highlighted with their evidence on hover
    tagged = [tag for u in worst.call.utterances for tag in u.tags]
    assert tagged and section.count("<mark class=") >= 1
    assert re.search(
        r'<mark class="hl[^"]*" title="[^"]+ · rule [^"]+ · confidence 0\.\d\d', section
    )


def test_untimed_call_says_its_timeline_is_by_words() -> None:
    faktura = next(c for c in example_calls() if c.call_id == "sv-faktura")
    assert not faktura.call.has_timestamps
    html = render_html([faktura], summarise_agents([faktura]), lang="sv")
    t = ui_strings("sv")
    assert t["timeline"]["x_words"] in html
    assert t["call"]["timeline_caption_words"].split(":")[0] in html


@pytest.mark.parametrize(("lang", "other"), [("sv", "en"), ("en", "sv")])
def test_each_language_renders_its_own_strings(lang: str, other: str) -> None:
    calls = list(example_calls())
    html = render_html(calls, summarise_agents(calls), lang=lang).replace("&#39;", "'")
    mine, theirs = ui_strings(lang), ui_strings(other)
    assert f'<html lang="{lang}">' in html
    for key in ("overview", "comparison", "agents", "worth"):
        assert mine["sections"][key] in html
        assert theirs["sections"][key] not in html
    assert f"<title>{mine['title']}</title>" in html
    assert mine["call"]["went_wrong"] in html and theirs["call"]["went_wrong"] not in html
    # stage names in the report's language (the scorecard has both)
    assert ("Lyssna" if lang == "sv" else "Listen") in html


def test_the_two_string_files_have_the_same_keys() -> None:
    def keys(data: object, prefix: str = "") -> set[str]:
        if isinstance(data, dict):
            return {k2 for k, v in data.items() for k2 in keys(v, f"{prefix}{k}.")} | {prefix}
        return {prefix}

    folder = resources.files("verbalkit.report").joinpath("templates")
    sv = yaml.safe_load(folder.joinpath("strings.sv.yaml").read_text("utf-8"))
    en = yaml.safe_load(folder.joinpath("strings.en.yaml").read_text("utf-8"))
    assert keys(sv) == keys(en)
    assert set(sv["labels"]) >= {b.value for b in verbalkit.vocab.Behaviour}


def test_unknown_language_is_refused() -> None:
    calls = list(example_calls())
    with pytest.raises(ValueError, match="'sv' or 'en'"):
        render_html(calls, summarise_agents(calls), lang="de")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_hostile_transcript_agent_and_scorecard_are_escaped_everywhere(lang: str) -> None:
    html = hostile_report(lang)
    page = assert_nothing_runs(html)
    # the payloads are shown, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;a href=&#34;javascript:alert(1)&#34;&gt;" in html
    assert page.titles == [HOSTILE_TITLE]
    data = json.loads(page.scripts[0][1])
    assert data["title"] == HOSTILE_TITLE
    assert "</" not in page.scripts[0][1]  # |tojson escapes < and >
    # the hostile agent id is in the tables, the charts and the call section, escaped
    assert html.count("&#34;&gt;&lt;script&gt;window.__pwned=6&lt;/script&gt;") >= 3
    svgs = re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)
    assert any("&gt;&lt;script&gt;window.__pwne" in s for s in svgs)
    # the call section of the hostile call is there, with its transcript
    assert "</span> call-&lt;script&gt;alert(1)&lt;/script&gt;</h3>" in html
    # no Jinja evaluation of transcript text
    assert "{{ 7*7 }} {% raw %} $x^2$" in html


def test_hostile_text_in_tag_hover_is_an_attribute_value_only() -> None:
    html = hostile_report("en")
    titles = [a.get("title") or "" for t, a in Page(html).elements if t == "mark"]
    assert any(PAYLOADS[0] in t and PAYLOADS[1] in t for t in titles)


def test_svg_check_refuses_script_handlers_and_outside_links() -> None:
    ok = '<svg xmlns="http://www.w3.org/2000/svg"><text>&lt;script&gt;</text></svg>'
    assert "<script" not in charts.svg_inline(ok)
    for bad in (
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<use xlink:href="http://example.com/x.svg#a"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><path style="fill: url(http://x/y)"/></svg>',
    ):
        with pytest.raises(charts.UnsafeSVGError):
            charts.svg_inline(bad)


def test_chart_labels_with_dollars_and_markup_stay_text() -> None:
    rows = [
        charts.AgentRow(label="$x^2$ <b>", team="t", scores=(40.0, 60.0), stage_means=(50.0,)),
        charts.AgentRow(label="a&b", team="u", scores=(80.0,), stage_means=(None,)),
    ]
    svg = charts.agent_comparison_svg(rows, ui_strings("en")["comparison"])
    assert "$x^2$ &lt;b&gt;" in svg and "a&amp;b" in svg
    heat = charts.stage_heatmap_svg(rows, ["Listen"], {"caption": "mean"})
    assert "$x^2$ &lt;b&gt;" in heat


def test_same_calls_in_any_order_give_the_same_page() -> None:
    calls = list(example_calls())
    shuffled = list(calls)
    random.Random(7).shuffle(shuffled)
    a = render_html(calls, summarise_agents(calls), lang="en")
    b = render_html(shuffled, summarise_agents(shuffled), lang="en")
    assert a == b


def test_segments_cover_the_text_once_with_overlapping_tags() -> None:
    text = "Det var tråkigt att höra, ärendet ligger hos 2nd line nu."
    tags = [
        Tag(label="sympathy", start=0, end=24, text=text[0:24], rule="r1", confidence=0.9),
        Tag(label="solution", start=26, end=len(text), text=text[26:], rule="r2", confidence=0.8),
        Tag(label="jargon", start=45, end=53, text=text[45:53], rule="r3", confidence=0.85,
            suggestion="andra supportnivån"),
    ]  # fmt: skip
    parts = segments(text, tags, ui_strings("sv"), "sv")
    assert "".join(p.text for p in parts) == text
    jargon = [p for p in parts if "jg" in p.cls.split()]
    assert [p.text for p in jargon] == ["2nd line"]
    assert "hl-solution" in jargon[0].cls
    assert "andra supportnivån" in jargon[0].tip and "fikonspråk" in jargon[0].tip
    assert "säkerhet 0,85" in jargon[0].tip
    assert [p.cls for p in parts if p.text == ", "] == [""]


def _many(n: int) -> list[ScoredCall]:
    """n scored calls: the examples again and again, 40 agents in 4 teams."""
    base = example_calls()
    out = []
    for i in range(n):
        c = base[i % len(base)]
        out.append(
            c.model_copy(
                update={
                    "call_id": f"call-{i:05d}",
                    "agent_id": f"agent-{i % 40:02d}",
                    "team": f"team-{i % 4}",
                    "overall": None if c.overall is None else max(0.0, c.overall - (i % 17)),
                }
            )
        )
    return out


def test_two_thousand_calls_render_with_capped_sections() -> None:
    calls = _many(2000)
    summary = summarise_agents(calls)
    start = time.perf_counter()
    html = render_html(calls, summary, lang="en")
    elapsed = time.perf_counter() - start
    assert elapsed < 90, f"{elapsed:.1f} s"
    assert len(section_ids(html)) == 100
    table = html[
        html.index('id="calls-table"') : html.index("</table>", html.index('id="calls-table"'))
    ]
    assert table.count("<tr>") == 2001
    assert len(html) < 20_000_000
    assert "1900" in html  # "2000 calls were scored; 1900 more are in the calls table"


def test_worth_a_look_lowest_first_then_points_then_call_id() -> None:
    base = example_calls()[0]

    def mk(call_id: str, overall: float | None, points: Sequence[float]) -> ScoredCall:
        prios = [
            base.priorities[0].model_copy(update={"points": p, "rank": i + 1})
            for i, p in enumerate(points)
        ] if base.priorities else []  # fmt: skip
        return base.model_copy(update={"call_id": call_id, "overall": overall, "priorities": prios})

    calls = [
        mk("c", 50.0, [5.0]),
        mk("b", 50.0, [5.0]),
        mk("a", 50.0, [1.0]),
        mk("z", 20.0, [1.0]),
        mk("none", None, [30.0]),
        mk("d", 50.0, [4.0, 4.0]),
    ]
    order = [c.call_id for c in worth_a_look(calls, 10)]
    assert order == ["z", "d", "b", "c", "a", "none"]
    for seed in range(5):
        shuffled = list(calls)
        random.Random(seed).shuffle(shuffled)
        assert [c.call_id for c in worth_a_look(shuffled, 3)] == order[:3]
    assert worth_a_look(calls, 0) == [] and worth_a_look(calls, -1) == []


@pytest.mark.parametrize(
    ("lang", "details", "expected"),
    [
        ("sv", {"reasons": ["refund_and_gift"]}, "en gåva kom ovanpå"),
        ("en", {"reasons": ["refund_and_gift"]}, "with a gift on top"),
        (
            "sv",
            {"reasons": ["above_loss_time"], "free_days": 30.0, "lost_days": 5.0},
            "Gav 30 dagar gratis mot 5 förlorade dagar",
        ),
        (
            "en",
            {"reasons": ["above_loss_time"], "free_days": 90.0, "lost_days": 10.0},
            "Gave 90 days free against 10 days lost",
        ),
    ],
)
def test_give_away_reasons_are_described_in_the_report_language(
    lang: str, details: dict[str, object], expected: str
) -> None:
    from verbalkit.report.html import _event_text, ui_strings
    from verbalkit.schema import PatternEvent

    event = PatternEvent(
        pattern="give_away", utterances=[1, 3], message="English fallback", details=details
    )
    assert expected in _event_text(event, ui_strings(lang), lang)
