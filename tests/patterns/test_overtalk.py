"""Over-talking: interruptions, monologues, talk share and pace, with and without timestamps."""

from __future__ import annotations

import re
import statistics
from itertools import pairwise

import pytest
from pattern_builders import (
    call,
    dev_call,
    dev_call_ids,
    dev_dir_or_skip,
    load_dev_json,
    turns,
    utt,
)

from verbalkit.patterns import detect
from verbalkit.patterns.common import UNSORTED_WARNING
from verbalkit.patterns.overtalk import (
    LONG_MONOLOGUE_S,
    LONG_MONOLOGUE_WORDS,
    METRIC_NAMES,
    detect_overtalk,
)
from verbalkit.schema import AnalysedCall, Metric


def metric(c: AnalysedCall, name: str) -> Metric:
    m = c.metric(name)
    assert m is not None, name
    return m


def value(c: AnalysedCall, name: str) -> float | None:
    return metric(c, name).value


def events(c: AnalysedCall, pattern: str) -> list[list[int]]:
    return [e.utterances for e in c.events if e.pattern == pattern]


# -- hand-written calls ------------------------------------------------------------------

SV_HEATING = [
    ("agent", 0.0, 3.0, "Hej, du har kommit till Fjärrvärme Syd, jag heter Lina."),
    (
        "customer",
        3.5,
        12.0,
        "Hej, elementen har varit kalla i tre dagar nu och jag har ringt två gånger redan, "
        "det är verkligen –",
    ),
    ("agent", 11.0, 20.0, "Ja, det är ett känt fel, vi byter ventilen i morgon förmiddag."),
    ("customer", 20.5, 22.0, "Okej, men när då?"),
    ("agent", 22.8, 24.0, "Före tolv."),
]

EN_CHARGE = [
    (
        "customer",
        0.0,
        6.0,
        "I was charged twice for the same order and I just want to know why it keeps --",
    ),
    ("agent", 6.3, 10.0, "Right, that's a duplicate authorisation, it drops off in five days."),
    ("customer", 10.5, 24.0, "OK but it's the third time this year and the money is just gone."),
    ("agent", 15.0, 15.4, "Mm."),  # backchannel inside the customer's turn
    ("agent", 24.5, 50.0, "So what happens with a card payment is that the shop asks first."),
    ("agent", 50.5, 65.0, "Then the bank holds the money until the shop confirms the amount."),
    ("customer", 65.5, 67.0, "Right."),
]


@pytest.mark.parametrize("lang", ["sv"])
def test_sv_overlap_interruption_and_timed_metrics(lang: str) -> None:
    c = detect(turns(lang, SV_HEATING))
    assert events(c, "interruption") == [[1, 2]]
    ev = next(e for e in c.events if e.pattern == "interruption")
    assert ev.basis == "timestamps"
    assert ev.start == 11.0
    assert ev.details["overlap_s"] == 1.0
    assert ev.details["cut_off_marker"] is True
    # agent 3 + 9 + 1.2 = 13.2 s, customer 8.5 + 1.5 = 10 s
    assert value(c, "agent_talk_share") == pytest.approx(13.2 / 23.2, abs=1e-4)
    assert value(c, "longest_monologue_s") == pytest.approx(9.0)
    assert value(c, "customer_longest_s") == pytest.approx(8.5)
    # gaps: 11.0 - 12.0 = -1.0 (included) and 22.8 - 22.0 = 0.8
    assert value(c, "response_gap_mean_s") == pytest.approx(-0.1)
    assert value(c, "response_gap_median_s") == pytest.approx(-0.1)
    assert value(c, "switches_per_min") == pytest.approx(4 / (24.0 / 60), abs=0.01)
    assert value(c, "n_interruptions") == 1
    assert all(m.basis == "timestamps" for m in c.metrics)
    assert [m.name for m in c.metrics] == list(METRIC_NAMES)


def test_en_cut_off_marker_backchannel_and_monologue() -> None:
    c = detect(turns("en", EN_CHARGE))
    # "--" with no overlap is an interruption; "Mm." inside a customer turn is not.
    assert events(c, "interruption") == [[0, 1]]
    ev = next(e for e in c.events if e.pattern == "interruption")
    assert ev.details["overlap_s"] == 0.0
    assert ev.details["cut_off_marker"] is True
    assert events(c, "long_monologue") == [[4, 5]]
    assert value(c, "longest_monologue_s") == pytest.approx(40.5)
    words_45 = len(EN_CHARGE[4][3].split()) + len(EN_CHARGE[5][3].split())
    assert value(c, "longest_monologue_words") == words_45
    assert value(c, "customer_longest_s") == pytest.approx(13.5)


def test_customer_backchannel_does_not_break_a_monologue() -> None:
    c = detect(
        turns(
            "sv",
            [
                ("customer", 0.0, 4.0, "Jag förstår inte min elräkning alls."),
                ("agent", 5.0, 25.0, "Räkningen består av två delar, elhandel och elnät."),
                ("customer", 12.0, 12.5, "Mm."),
                ("agent", 25.5, 40.0, "Elnätet betalar du till nätägaren och elen till oss."),
                ("customer", 41.0, 43.0, "Jaha, okej."),
            ],
        )
    )
    assert events(c, "long_monologue") == [[1, 3]]
    assert value(c, "longest_monologue_s") == pytest.approx(35.0)
    assert events(c, "interruption") == []
    assert value(c, "switches_per_min") == pytest.approx(2 / (43 / 60), abs=0.01)


def test_agent_wpm() -> None:
    text = " ".join(["ord"] * 50)
    c = detect(
        turns("sv", [("customer", 0.0, 4.0, "Min räkning är fel."), ("agent", 5.0, 25.0, text)])
    )
    assert value(c, "agent_wpm") == pytest.approx(150.0)


def test_long_monologue_by_words_alone() -> None:
    text = " ".join(["word"] * (LONG_MONOLOGUE_WORDS + 1))
    c = detect(
        turns("en", [("customer", 0.0, 3.0, "My bill is wrong."), ("agent", 4.0, 20.0, text)])
    )
    assert LONG_MONOLOGUE_S > 16.0
    assert events(c, "long_monologue") == [[1]]


# -- without timestamps ------------------------------------------------------------------


@pytest.mark.parametrize("lang,rows", [("sv", SV_HEATING), ("en", EN_CHARGE)], ids=["sv", "en"])
def test_untimed_uses_words(lang: str, rows: list[tuple[str, float, float, str]]) -> None:
    c = detect(turns(lang, rows, timed=False))
    agent = sum(len(r[3].split()) for r in rows if r[0] == "agent")
    total = sum(len(r[3].split()) for r in rows)
    # "–" and "--" are not words
    agent_words = agent - sum(
        1 for r in rows if r[0] == "agent" for w in r[3].split() if w in "–--"
    )
    total_words = total - sum(1 for r in rows for w in r[3].split() if w in ("–", "--"))
    assert value(c, "agent_talk_share") == pytest.approx(agent_words / total_words, abs=1e-4)
    assert metric(c, "agent_talk_share").basis == "words"
    assert metric(c, "longest_monologue_words").basis == "words"
    assert metric(c, "customer_longest_words").basis == "words"
    for name in ("longest_monologue_s", "agent_wpm", "response_gap_mean_s", "switches_per_min"):
        assert value(c, name) is None
    inter = [e for e in c.events if e.pattern == "interruption"]
    assert len(inter) == 1 and inter[0].basis == "words"
    assert value(c, "n_interruptions") == 1


@pytest.mark.parametrize("marker", ["–", "—", "--", "…", "..."])
def test_cut_off_markers_without_timestamps(marker: str) -> None:
    c = detect(
        turns(
            "sv",
            [
                ("customer", 0, 0, f"Jag har väntat i två veckor på att någon ska {marker}"),
                ("agent", 0, 0, "Jag förstår, jag kollar ärendet."),
                ("customer", 0, 0, "Tack."),
            ],
            timed=False,
        )
    )
    assert events(c, "interruption") == [[0, 1]]


def test_marker_before_customer_is_not_interruption() -> None:
    c = detect(
        turns(
            "en",
            [
                ("customer", 0, 0, "I was going to say…"),
                ("customer", 0, 0, "never mind, it's the bill."),
                ("agent", 0, 0, "Let me look."),
            ],
            timed=False,
        )
    )
    assert events(c, "interruption") == []


def test_partial_timestamps_fall_back_to_words() -> None:
    c = detect(
        call(
            "sv",
            [
                utt(0, "customer", "Fakturan är fel igen.", 0.0, 2.0),
                utt(1, "agent", "Då tittar jag på den.", None, None),
            ],
        )
    )
    assert metric(c, "agent_talk_share").basis == "words"
    assert any("no start time" in w for w in c.warnings)


def test_empty_call() -> None:
    c = detect(call("sv", []))
    assert [m.name for m in c.metrics] == list(METRIC_NAMES)
    assert all(m.value is None for m in c.metrics)
    assert c.events == []


# -- messy timings -----------------------------------------------------------------------


def test_unsorted_input_is_sorted_with_warning_and_original_indexes() -> None:
    utts = [
        utt(0, "agent", "Hej, Bankservice, Omar.", 0.0, 2.0),
        utt(1, "agent", "Ja, det är spärrat, jag låser upp det nu.", 9.0, 14.0),
        utt(2, "customer", "Hej, mitt kort fungerar inte i butiken och jag har ingen …", 3.0, 10.0),
        utt(3, "customer", "Okej, tack.", 15.0, 16.0),
    ]
    c = detect(call("sv", utts))
    assert UNSORTED_WARNING in c.warnings
    assert events(c, "interruption") == [[2, 1]]
    assert value(c, "customer_longest_s") == pytest.approx(7.0)


def test_sorted_input_has_no_warning() -> None:
    c = detect(turns("sv", SV_HEATING))
    assert UNSORTED_WARNING not in c.warnings


def test_same_speaker_overlap_is_counted_once() -> None:
    c = detect(
        turns(
            "en",
            [
                ("agent", 0.0, 10.0, "Let me explain how the refund works for card payments."),
                ("agent", 5.0, 12.0, "And the bank adds a few days on top of that."),
                ("customer", 13.0, 19.0, "OK, so next week then, is that right?"),
            ],
        )
    )
    assert value(c, "agent_talk_share") == pytest.approx(12 / 18, abs=1e-4)
    assert value(c, "longest_monologue_s") == pytest.approx(12.0)
    assert events(c, "interruption") == []


def test_zero_length_utterances() -> None:
    c = detect(
        turns(
            "sv",
            [
                ("customer", 0.0, 5.0, "Jag har inte fått någon faktura alls i år."),
                ("agent", 6.0, 6.0, "Okej okej okej."),  # zero length, three words
                ("customer", 6.5, 6.5, "Ja."),
                ("agent", 7.0, 19.0, " ".join(["ord"] * 30)),
            ],
        )
    )
    assert any("zero length" in w for w in c.warnings)
    assert value(c, "agent_wpm") == pytest.approx(150.0)  # the zero-length turn is left out
    assert value(c, "agent_talk_share") == pytest.approx(12 / 17, abs=1e-4)
    assert value(c, "switches_per_min") == pytest.approx(3 / (19 / 60), abs=0.01)


def test_missing_end_times_are_estimated() -> None:
    c = detect(
        call(
            "en",
            [
                utt(0, "agent", "Hello, you're through to Riverside Water, this is Sam.", 0.0),
                utt(1, "customer", "Hi, there's no water pressure at all.", 6.0),
                utt(2, "agent", "I'm sorry, there's a burst main on your street.", 9.0),
            ],
        )
    )
    # Ends from words at 2.5 words/s: 9 words -> 3.6 s, 7 words -> 2.8 s (the next start
    # is later, so no cap), 9 words -> 3.6 s.
    assert any("had no end time" in w for w in c.warnings)
    assert "estimated" in metric(c, "agent_talk_share").description
    assert value(c, "agent_talk_share") == pytest.approx(7.2 / (7.2 + 2.8), abs=1e-4)
    assert events(c, "interruption") == []


def test_end_before_start_is_treated_as_missing() -> None:
    c = detect(
        call(
            "en",
            [
                utt(0, "customer", "My meter reading is wrong on the bill.", 0.0, 3.0),
                utt(1, "agent", "Let me correct it.", 4.0, 2.0),  # 4 words -> 1.6 s
            ],
        )
    )
    assert any("had no end time" in w for w in c.warnings)
    assert value(c, "agent_talk_share") == pytest.approx(1.6 / 4.6, abs=1e-4)


def test_estimated_end_is_capped_at_next_start() -> None:
    c = detect(
        call(
            "sv",
            [
                utt(0, "customer", " ".join(["ord"] * 20), 0.0),  # 8 s by words, next at 3 s
                utt(1, "agent", "Jag förstår.", 3.0, 4.0),
            ],
        )
    )
    assert events(c, "interruption") == []
    assert value(c, "customer_longest_s") == pytest.approx(3.0)


# -- dev calls: an independent reference ---------------------------------------------------


def reference(doc: dict[str, object]) -> tuple[int, float, float]:
    """Interruptions, longest agent monologue (s) and agent share, by plain loops."""
    us = doc["utterances"]
    assert isinstance(us, list)
    interruptions = 0
    for i in range(1, len(us)):
        prev, cur = us[i - 1], us[i]
        handover = cur["speaker"] == "agent" and prev["speaker"] == "customer"
        overlap = cur["start"] < prev["end"]
        if handover and (overlap or prev["text"].rstrip().endswith("–")):
            interruptions += 1
    longest = 0.0
    run_start = None
    run_end = 0.0
    for u in us:
        if u["speaker"] == "agent":
            if run_start is None:
                run_start = u["start"]
            run_end = u["end"]
            longest = max(longest, run_end - run_start)
        else:
            run_start = None
    agent = 0.0
    everyone = 0.0
    for u in us:
        everyone += u["end"] - u["start"]
        if u["speaker"] == "agent":
            agent += u["end"] - u["start"]
    return interruptions, longest, agent / everyone


def labelling_table(dev_path: object) -> dict[str, tuple[int, float, float]]:
    """The call table in LABELLING.md: interrupts, longest mono s, agent share."""
    from pathlib import Path

    assert isinstance(dev_path, Path)
    text = (dev_path / "LABELLING.md").read_text(encoding="utf-8")
    header = next(
        line for line in text.splitlines() if line.startswith("| call |") and "interrupts" in line
    )
    cols = [c.strip() for c in header.strip("|").split("|")]
    rows: dict[str, tuple[int, float, float]] = {}
    for line in text.splitlines():
        if re.match(r"\| (sv|en)-d\d\d \|", line):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if len(cells) != len(cols):
                continue
            row = dict(zip(cols, cells, strict=True))
            rows[row["call"]] = (
                int(row["interrupts"]),
                float(row["longest mono s"]),
                float(row["agent share"]),
            )
    return rows


@pytest.mark.parametrize("call_id", dev_call_ids() or ["(no dev data)"])
def test_dev_calls_match_reference(call_id: str) -> None:
    dev = dev_dir_or_skip()
    doc = load_dev_json(dev, call_id)
    c = detect(dev_call(dev, call_id, with_gold=False))
    n, mono, share = reference(doc)
    assert value(c, "n_interruptions") == n
    assert len(events(c, "interruption")) == n
    assert value(c, "longest_monologue_s") == pytest.approx(mono, abs=0.01)
    assert value(c, "agent_talk_share") == pytest.approx(share, abs=1e-3)
    assert c.warnings == []

    table = labelling_table(dev)
    if call_id in table:
        t_n, t_mono, t_share = table[call_id]
        assert value(c, "n_interruptions") == t_n
        assert f"{value(c, 'longest_monologue_s'):.2f}" == f"{t_mono:.2f}"
        assert f"{value(c, 'agent_talk_share'):.2f}" == f"{t_share:.2f}"


@pytest.mark.parametrize("call_id", dev_call_ids() or ["(no dev data)"])
def test_dev_calls_gaps_and_untimed(call_id: str) -> None:
    dev = dev_dir_or_skip()
    doc = load_dev_json(dev, call_id)
    us = doc["utterances"]
    c = detect(dev_call(dev, call_id, with_gold=False))
    gaps = [
        cur["start"] - prev["end"]
        for prev, cur in pairwise(us)
        if prev["speaker"] == "customer" and cur["speaker"] == "agent"
    ]
    assert value(c, "response_gap_mean_s") == pytest.approx(statistics.fmean(gaps), abs=0.01)
    assert value(c, "response_gap_median_s") == pytest.approx(statistics.median(gaps), abs=0.01)

    # Without timestamps the "–" markers still find the same interruptions.
    untimed = detect_overtalk(
        call(
            doc["language"],
            [u.model_copy(update={"start": None, "end": None}) for u in c.utterances],
        )
    )
    assert len([e for e in untimed.events if e.pattern == "interruption"]) == value(
        c, "n_interruptions"
    )
