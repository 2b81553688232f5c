"""The analyze timeline: header, one entry per utterance, marks, metrics and patterns."""

from __future__ import annotations

import pytest
from pattern_builders import call, dev_call, dev_call_ids, dev_dir_or_skip, turns, utt

from verbalkit.patterns import detect
from verbalkit.report.timeline import MAX_TEXT_LINES, render_call


@pytest.fixture
def sv_call() -> str:
    c = turns(
        "sv",
        [
            ("agent", 0.0, 3.0, "Hej, IT-supporten, Nils."),
            (
                "customer",
                3.5,
                12.0,
                "Hej, jag kommer inte åt ekonomimappen sedan jag fick ny dator, det är –",
                ["problem"],
            ),
            (
                "agent",
                11.0,
                45.0,
                "Ja, det är säkert AD-gruppen som saknas, jag lägger till dig nu. " * 10,
                ["solution", ("jargon", "AD-gruppen")],
            ),
            ("customer", 45.5, 47.0, "Okej, tack."),
        ],
    )
    return render_call(detect(c).model_copy(update={"agent_id": "d4", "team": "team-beta"}))


def test_header(sv_call: str) -> None:
    first = sv_call.splitlines()[0]
    assert first.startswith("Call test")
    assert "agent d4 (team-beta)" in first
    assert "language sv" in first
    assert "timestamps: yes" in first


def test_one_entry_per_utterance_with_time(sv_call: str) -> None:
    lines = sv_call.splitlines()
    assert any(line.startswith("00:00  agent     Hej, IT-supporten, Nils.") for line in lines)
    assert any(line.startswith("00:03  customer  Hej, jag kommer") for line in lines)
    assert any(line.startswith("00:11  agent") for line in lines)
    assert any(line.startswith("00:45  customer  Okej, tack.") for line in lines)


def test_tags_and_jargon_term(sv_call: str) -> None:
    assert '[solution, jargon "AD-gruppen"]' in sv_call or (
        "[solution," in sv_call and 'jargon "AD-gruppen"' in sv_call
    )
    assert "[problem]" in sv_call


def test_marks(sv_call: str) -> None:
    lines = sv_call.splitlines()
    inter = next(i for i, line in enumerate(lines) if "⚡ interrupts customer" in line)
    assert "overlap 1.0 s" in lines[inter]
    mono = next(i for i, line in enumerate(lines) if "▶ long monologue" in line)
    agent = next(i for i, line in enumerate(lines) if line.startswith("00:11  agent"))
    assert mono == agent - 1  # marked where the run starts
    assert "⏩ premature solution" in sv_call


def test_metrics_and_patterns_blocks(sv_call: str) -> None:
    assert "\nMetrics\n" in sv_call
    assert "agent_talk_share" in sv_call
    metric_line = next(line for line in sv_call.splitlines() if "n_interruptions" in line)
    assert metric_line.split()[1:] == ["1", "timestamps"]
    assert "Patterns (" in sv_call
    assert "interruption" in sv_call and "premature_solution" in sv_call


def test_long_text_is_cut(sv_call: str) -> None:
    lines = sv_call.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("00:11  agent"))
    text_lines = []
    for line in lines[start:]:
        if line.strip().startswith(("[", "⚡", "⏩")):
            break
        text_lines.append(line)
    assert len(text_lines) == MAX_TEXT_LINES
    assert text_lines[-1].endswith("…")


@pytest.mark.parametrize("width", [44, 60, 80, 100, 140])
def test_width_is_respected(width: int) -> None:
    c = detect(
        turns(
            "en",
            [
                ("customer", 0.0, 9.0, "My energy bill has doubled and I really can't afford – "),
                ("agent", 8.0, 50.0, "Right, so what happens every six months is a review. " * 5),
            ],
        )
    )
    out = render_call(c, width=width)
    assert max(len(line) for line in out.splitlines()) <= width


def test_without_timestamps_uses_index() -> None:
    c = detect(
        call(
            "en",
            [
                utt(
                    0,
                    "customer",
                    "The parcel never came and I need it for Friday --",
                    tags=["problem"],
                ),
                utt(1, "agent", "I'll send another by express.", tags=["solution"]),
            ],
        )
    )
    out = render_call(c)
    assert "timestamps: no" in out.splitlines()[0]
    assert any(line.startswith("#0  customer") for line in out.splitlines())
    assert any(line.startswith("#1  agent") for line in out.splitlines())
    assert "turn cut off" in out
    assert "words" in out  # metric basis


def test_no_events() -> None:
    c = detect(turns("sv", [("agent", 0.0, 2.0, "Hej!"), ("customer", 2.5, 3.0, "Hej.")]))
    out = render_call(c)
    assert "Patterns (0)" in out and "none found" in out
    assert out.endswith("\n")


def test_warnings_are_shown() -> None:
    c = detect(
        call(
            "sv",
            [
                utt(1, "customer", "Tack.", 5.0, 6.0),
                utt(0, "agent", "Hej, hur kan jag hjälpa dig?", 0.0, 2.0),
            ],
        )
    )
    out = render_call(c)
    assert "! utterances were not in time order" in out
    assert out.index("00:00  agent") < out.index("00:05  customer")


@pytest.mark.parametrize("call_id", dev_call_ids() or ["(no dev data)"])
def test_dev_calls_render(call_id: str) -> None:
    dev = dev_dir_or_skip()
    c = detect(dev_call(dev, call_id))
    out = render_call(c, width=100)
    assert max(len(line) for line in out.splitlines()) <= 100
    assert out.count("⚡") == len([e for e in c.events if e.pattern == "interruption"])


def test_unavailable_metrics_say_why() -> None:
    c = detect(
        call("sv", [utt(0, "customer", "Hej."), utt(1, "agent", "Hej, hur kan jag hjälpa?")])
    )
    line = next(x for x in render_call(c).splitlines() if "agent_wpm" in x)
    assert line.split()[1] == "–"
    assert "needs timestamps" in line
