"""Tests for verbalkit.evaluate, its text rendering and the ``evaluate`` command.

The tagger is replaced by a fake so that every count and score can be checked by hand.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verbalkit import analysis
from verbalkit.cli import app
from verbalkit.errors import LabelFileError
from verbalkit.evaluate import EvaluationReport, _locate_spans, detect_format, evaluate_file
from verbalkit.report.evaluation import render_markdown, render_report
from verbalkit.schema import AnalysedCall, PatternEvent, Tag, Transcript
from verbalkit.vocab import BEHAVIOURS

B = [str(b) for b in BEHAVIOURS]
UTTERANCE_HEADER = ["id", "prev_customer_text", "agent_text", *B, "jargon_terms"]
runner = CliRunner()


def _tag(text: str, label: str, rule: str, piece: str | None = None) -> Tag:
    start = text.index(piece) if piece else 0
    end = start + len(piece) if piece else len(text)
    return Tag(label=label, start=start, end=end, text=text[start:end], rule=rule, confidence=0.9)


class FakeTagger:
    """Stands in for ``analysis.tag_many``: fixed tags per text, and a log of the calls."""

    def __init__(self, predictions: dict[str, list[tuple[str, str | None]]]) -> None:
        self.predictions = predictions
        self.calls: list[tuple[str, str, list[tuple[str, str | None]]]] = []

    def __call__(
        self,
        items: Iterable[tuple[str, str | None]],
        lang: str,
        *,
        role: str = "agent",
        packs: tuple[str, ...] = (),
        batch_size: int = 256,
    ) -> Iterator[list[Tag]]:
        items = list(items)
        self.calls.append((lang, role, items))
        for text, _ in items:
            yield [
                _tag(text, label, f"{lang}.{label}.fake", piece)
                for label, piece in self.predictions.get(text, [])
            ]


def _row(row_id: str, prev: str, text: str, labels: Sequence[str], jargon: str = "") -> list[str]:
    return [row_id, prev, text, *("1" if b in labels else "0" for b in B), jargon]


def _write(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


SV1 = "Vad hände när du öppnade kassen?"
SV2 = "Har du kvittot kvar?"
SV3 = "Tack för att du hörde av dig."
SV4 = "Ärendet ligger i CRM:et hos 2nd line."
EN1 = "So you were charged twice?"

PREDICTIONS: dict[str, list[tuple[str, str | None]]] = {
    SV1: [("open_question", None)],  # TP
    SV2: [("open_question", None)],  # FP open, FN closed
    SV3: [("thanking", None), ("sympathy", None)],  # TP thanking, FP sympathy
    SV4: [("jargon", "CRM"), ("jargon", "ligger")],  # overlap TP, FP; "2nd line" FN
    EN1: [("restating", None)],  # TP restating, FN closed
}


@pytest.fixture
def utterances(tmp_path: Path) -> Path:
    path = _write(
        tmp_path / "utterances.csv",
        UTTERANCE_HEADER,
        [
            _row("sv-t1", "Äggen var krossade.", SV1, ["open_question"]),
            _row("sv-t2", "Jag vill ha pengarna tillbaka.", SV2, ["closed_question"]),
            _row("sv-t3", "Hej.", SV3, ["thanking"]),
            _row("sv-t4", "Var är mitt ärende?", SV4, [], "CRM:et|2nd line"),
            _row("en-t1", "I was charged twice.", EN1, ["restating", "closed_question"]),
        ],
    )
    _write(
        tmp_path / "row_notes.csv",
        ["id", "notes"],
        [["sv-t3", "AMB:thanks-acknowledgement; HN:thanks-closing"], ["en-t1", "NOQM"]],
    )
    return path


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeTagger:
    tagger = FakeTagger(PREDICTIONS)
    monkeypatch.setattr(analysis, "tag_many", tagger)
    return tagger


def _scores(report: EvaluationReport, lang: str) -> dict[str, tuple[object, ...]]:
    scores = report.language(lang)
    assert scores is not None
    return {
        b.behaviour: (b.tp, b.fp, b.fn, b.precision, b.recall, b.f1, b.support)
        for b in scores.behaviours
    }


# ---------------------------------------------------------------- metric arithmetic


def test_behaviour_scores_by_hand(utterances: Path, fake: FakeTagger) -> None:
    report = evaluate_file(utterances)
    assert report.format == "utterances"
    assert report.n_rows == 5
    assert [s.language for s in report.languages] == ["sv", "en"]
    sv = _scores(report, "sv")
    assert sv["open_question"] == (1, 1, 0, 0.5, 1.0, pytest.approx(2 / 3), 1)
    assert sv["closed_question"] == (0, 0, 1, None, 0.0, 0.0, 1)
    assert sv["thanking"] == (1, 0, 0, 1.0, 1.0, 1.0, 1)
    assert sv["sympathy"] == (0, 1, 0, 0.0, None, 0.0, 0)
    assert sv["blaming"] == (0, 0, 0, None, None, None, 0)
    assert list(sv) == B
    scores_sv = report.language("sv")
    assert scores_sv is not None
    assert scores_sv.n_rows == 4
    assert scores_sv.micro_f1 == pytest.approx(4 / 7)  # tp 2, fp 2, fn 1
    assert scores_sv.macro_f1 == pytest.approx((2 / 3 + 0 + 1 + 0) / 4)

    en = report.language("en")
    assert en is not None
    assert _scores(report, "en")["restating"] == (1, 0, 0, 1.0, 1.0, 1.0, 1)
    assert en.micro_f1 == pytest.approx(2 / 3)
    assert en.macro_f1 == pytest.approx(0.5)


def test_jargon_spans_by_overlap(utterances: Path, fake: FakeTagger) -> None:
    report = evaluate_file(utterances)
    sv = report.language("sv")
    en = report.language("en")
    assert sv is not None and sv.jargon is not None
    assert (sv.jargon.n_gold, sv.jargon.n_pred) == (2, 2)
    assert (sv.jargon.tp, sv.jargon.fp, sv.jargon.fn) == (1, 1, 1)
    assert (sv.jargon.precision, sv.jargon.recall, sv.jargon.f1) == (0.5, 0.5, 0.5)
    assert en is not None and en.jargon is not None
    assert (en.jargon.n_gold, en.jargon.precision, en.jargon.f1) == (0, None, None)


def test_errors_list_fp_and_fn_with_rules(utterances: Path, fake: FakeTagger) -> None:
    report = evaluate_file(utterances)
    found = {(e.id, e.behaviour, e.kind, e.span, tuple(e.rules)) for e in report.errors}
    assert found == {
        ("sv-t2", "open_question", "FP", None, ("sv.open_question.fake",)),
        ("sv-t2", "closed_question", "FN", None, ()),
        ("sv-t3", "sympathy", "FP", None, ("sv.sympathy.fake",)),
        ("sv-t4", "jargon", "FP", "ligger", ("sv.jargon.fake",)),
        ("sv-t4", "jargon", "FN", "2nd line", ()),
        ("en-t1", "closed_question", "FN", None, ()),
    }
    assert next(e for e in report.errors if e.id == "sv-t2").text == SV2


def test_one_tag_many_stream_per_language_with_context(utterances: Path, fake: FakeTagger) -> None:
    evaluate_file(utterances)
    assert [(lang, role, len(items)) for lang, role, items in fake.calls] == [
        ("sv", "agent", 4),
        ("en", "agent", 1),
    ]
    assert fake.calls[0][2][0] == (SV1, "Äggen var krossade.")


def test_locate_spans_takes_first_occurrence_after_previous() -> None:
    text = "P2 först, sen P2 igen och AO"
    assert _locate_spans(Path("x.csv"), 2, text, "P2|P2|AO") == (
        (0, 2, "P2"),
        (14, 16, "P2"),
        (26, 28, "AO"),
    )
    assert _locate_spans(Path("x.csv"), 2, text, "") == ()


# ---------------------------------------------------------------- filters


@pytest.mark.parametrize(
    ("prefixes", "excluded"),
    [(["AMB:"], 1), (["HN:thanks"], 1), (["NOQM"], 1), (["AMB:", "NOQM"], 2), (["thanks"], 0)],
)
def test_exclude_note_prefix(
    utterances: Path, fake: FakeTagger, prefixes: list[str], excluded: int
) -> None:
    report = evaluate_file(utterances, exclude_notes=prefixes)
    assert report.n_excluded == excluded
    assert report.n_rows == 5 - excluded
    assert report.exclude_notes == prefixes


def test_exclude_note_drops_the_row_from_scores(utterances: Path, fake: FakeTagger) -> None:
    report = evaluate_file(utterances, exclude_notes=["AMB:"])
    sv = _scores(report, "sv")
    assert sv["thanking"][:3] == (0, 0, 0)
    assert sv["sympathy"][:3] == (0, 0, 0)


def test_lang_filter_and_limit(utterances: Path, fake: FakeTagger) -> None:
    only_en = evaluate_file(utterances, lang="en")
    assert [s.language for s in only_en.languages] == ["en"]
    assert only_en.n_rows == 1
    first_two = evaluate_file(utterances, limit=2)
    assert first_two.n_rows == 2
    assert {e.id for e in first_two.errors} == {"sv-t2"}
    assert evaluate_file(utterances, limit=0).languages == []


def test_exclude_note_without_notes_file(tmp_path: Path, fake: FakeTagger) -> None:
    path = _write(tmp_path / "u.csv", UTTERANCE_HEADER, [_row("sv-t1", "", SV1, [])])
    with pytest.raises(LabelFileError, match=r"row_notes\.csv"):
        evaluate_file(path, exclude_notes=["AMB:"])


# ---------------------------------------------------------------- other formats


def _write_call(folder: Path, call_id: str, language: str, turns: list[tuple[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "call_id": call_id,
        "agent_id": "a1",
        "team": "t",
        "language": language,
        "started_at": "2024-04-09T09:12:31+02:00",
        "utterances": [
            {"speaker": s, "start": float(i), "end": i + 0.5, "text": t}
            for i, (s, t) in enumerate(turns)
        ],
    }
    (folder / f"{call_id}.json").write_text(json.dumps(data), encoding="utf-8")


def test_call_utterance_labels(tmp_path: Path, fake: FakeTagger) -> None:
    turns = [
        ("agent", "Hej, vad kan jag hjälpa till med?"),
        ("customer", "Äggen var krossade."),
        ("agent", SV1),
        ("agent", SV2),
        ("customer", "Nej."),
        ("agent", SV3),
    ]
    _write_call(tmp_path / "calls", "c-1", "sv", turns)
    header = ["call_id", "utt_index", "agent_text", *B, "jargon_terms"]
    rows = [
        ["c-1", "0", turns[0][1], *("1" if b == "open_question" else "0" for b in B), ""],
        ["c-1", "2", SV1, *("1" if b == "open_question" else "0" for b in B), ""],
        ["c-1", "3", SV2, *("1" if b == "closed_question" else "0" for b in B), ""],
        ["c-1", "5", SV3, *("1" if b == "thanking" else "0" for b in B), ""],
    ]
    path = _write(tmp_path / "calls_utterance_labels.csv", header, rows)
    report = evaluate_file(path)
    assert report.format == "call_utterances"
    assert [s.language for s in report.languages] == ["sv"]
    contexts = [ctx for _, ctx in fake.calls[0][2]]
    assert contexts == [None, "Äggen var krossade.", "Äggen var krossade.", "Nej."]
    sv = _scores(report, "sv")
    assert sv["open_question"][:3] == (1, 1, 1)  # utt 0 missed, utt 2 hit, utt 3 wrong
    assert {e.id for e in report.errors} == {"c-1:0", "c-1:3", "c-1:5"}


def test_call_utterance_labels_need_the_call_file(tmp_path: Path, fake: FakeTagger) -> None:
    header = ["call_id", "utt_index", "agent_text", *B, "jargon_terms"]
    path = _write(tmp_path / "labels.csv", header, [["nope", "0", "Hej", *["0"] * 12, ""]])
    with pytest.raises(LabelFileError, match=r"nope\.json"):
        evaluate_file(path)


def test_broken_call_file_is_a_user_error(tmp_path: Path, fake: FakeTagger) -> None:
    (tmp_path / "calls").mkdir()
    (tmp_path / "calls" / "c-1.json").write_text("{not json", encoding="utf-8")
    header = ["call_id", "utt_index", "agent_text", *B, "jargon_terms"]
    path = _write(tmp_path / "labels.csv", header, [["c-1", "0", "Hej", *["0"] * 12, ""]])
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 1
    assert "c-1.json" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_call_level_labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write_call(tmp_path / "calls", "sv-c1", "sv", [("customer", "Fel."), ("agent", "200 kr!")])
    _write_call(tmp_path / "calls", "sv-c2", "sv", [("customer", "Fel."), ("agent", "Vad hände?")])
    _write_call(tmp_path / "calls", "en-c1", "en", [("customer", "Wrong."), ("agent", "£30!")])
    path = _write(
        tmp_path / "calls_manual_labels.csv",
        ["call_id", "premature_solution", "give_away", "listening_quality", "topic"],
        [
            ["sv-c1", "1", "1", "1", "mat: burk saknas"],
            ["sv-c2", "0", "0", "5", "mat: ägg"],
            ["en-c1", "1", "1", "1", "grocery: oil"],
        ],
    )
    predicted = {"sv-c1": ["premature_solution"], "sv-c2": ["give_away"], "en-c1": []}

    def fake_analyze(transcript: Transcript, *, packs: tuple[str, ...] = ()) -> AnalysedCall:
        return AnalysedCall(
            call_id=transcript.call_id,
            language=transcript.language or "sv",
            has_timestamps=True,
            utterances=[],
            events=[
                PatternEvent(pattern=p, utterances=[1], message=f"{p} at 1")
                for p in predicted[transcript.call_id]
            ],
        )

    monkeypatch.setattr(analysis, "analyze", fake_analyze, raising=False)
    report = evaluate_file(path)
    assert report.format == "call_labels"
    assert report.n_rows == 3
    sv = _scores(report, "sv")
    assert sv["premature_solution"] == (1, 0, 0, 1.0, 1.0, 1.0, 1)
    assert sv["give_away"] == (0, 1, 1, 0.0, 0.0, 0.0, 1)
    en = _scores(report, "en")
    assert en["premature_solution"] == (0, 0, 1, None, 0.0, 0.0, 1)
    agree = {(c.call_id, c.pattern): c.gold == c.predicted for c in report.calls}
    assert agree[("sv-c1", "premature_solution")] and not agree[("sv-c2", "give_away")]
    assert {(e.id, e.behaviour, e.kind) for e in report.errors} == {
        ("sv-c1", "give_away", "FN"),
        ("sv-c2", "give_away", "FP"),
        ("en-c1", "premature_solution", "FN"),
        ("en-c1", "give_away", "FN"),
    }
    assert any("premature_solution 2/3, give_away 0/3" in n for n in report.notes)
    text = render_report(report)
    assert "sv-c2" in text and "MISS" in text
    assert evaluate_file(path, lang="en").n_rows == 1


def test_external_with_wh_questions(tmp_path: Path, fake: FakeTagger) -> None:
    fake.predictions = {
        "What do you do?": [("open_question", None)],
        "Do you?": [("closed_question", None)],
        "Thanks a lot.": [("thanking", None)],
        "Okay.": [("solution", None)],  # not a column here: ignored
    }
    header = ["id", "prev_text", "text", "open_question", "closed_question", "thanking"]
    path = _write(
        tmp_path / "swda_like.csv",
        [*header, "wh_question", "source_label"],
        [
            ["s-1", "", "What do you do?", "0", "0", "0", "1", "qw"],
            ["s-2", "I work.", "Do you?", "0", "1", "0", "0", "qy"],
            ["s-3", "Bye.", "Thanks a lot.", "0", "0", "1", "0", "ft"],
            ["s-4", "", "Okay.", "0", "0", "0", "0", "b"],
        ],
    )
    report = evaluate_file(path)
    assert report.format == "external"
    assert [s.language for s in report.languages] == ["en"]
    en = report.language("en")
    assert en is not None and en.jargon is None
    assert [b.behaviour for b in en.behaviours] == ["open_question", "closed_question", "thanking"]
    n_rows = {b.behaviour: b.n_rows for b in en.behaviours}
    assert n_rows == {"open_question": 3, "closed_question": 3, "thanking": 4}
    assert _scores(report, "en")["open_question"][:3] == (0, 0, 0)  # the wh FP is not counted
    assert en.micro_f1 == 1.0
    assert en.macro_f1 == 1.0  # open_question (F1 undefined) is left out
    assert any("wh_question=1" in n for n in report.notes)
    assert report.errors == []


# ---------------------------------------------------------------- bad input


def test_missing_columns_named(tmp_path: Path) -> None:
    header = [c for c in UTTERANCE_HEADER if c not in ("blaming", "jargon_terms")]
    path = _write(tmp_path / "bad.csv", header, [])
    with pytest.raises(LabelFileError) as info:
        evaluate_file(path)
    message = str(info.value)
    assert str(path) in message
    assert "missing columns: blaming, jargon_terms" in message


def test_unknown_header_names_closest_format(tmp_path: Path) -> None:
    path = _write(tmp_path / "other.csv", ["foo", "bar"], [["1", "2"]])
    with pytest.raises(LabelFileError, match="missing columns"):
        evaluate_file(path)


def test_external_without_behaviour_columns(tmp_path: Path) -> None:
    path = _write(tmp_path / "ext.csv", ["id", "prev_text", "text", "source_label"], [])
    with pytest.raises(LabelFileError, match="no behaviour column"):
        evaluate_file(path)


@pytest.mark.parametrize(
    ("rows", "pattern"),
    [
        ([_row("sv-t1", "", SV1, [])[:3] + ["x"] + ["0"] * 11 + [""]], r"line 2.*0 or 1"),
        ([_row("sv-t1", "", SV1, [], "CRM")], r"line 2.*'CRM' does not occur"),
        ([_row("t1", "", SV1, [])], r"language of id 't1'"),
        ([_row("sv-t1", "", SV1, []), _row("sv-t1", "", SV2, [])], r"line 3.*duplicate id"),
    ],
)
def test_bad_rows(tmp_path: Path, fake: FakeTagger, rows: list[list[str]], pattern: str) -> None:
    path = _write(tmp_path / "u.csv", UTTERANCE_HEADER, rows)
    with pytest.raises(LabelFileError, match=pattern):
        evaluate_file(path)


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(LabelFileError, match="empty"):
        evaluate_file(empty)
    with pytest.raises(LabelFileError, match="cannot read"):
        evaluate_file(tmp_path / "absent.csv")


def test_detect_format() -> None:
    assert detect_format("x", UTTERANCE_HEADER) == "utterances"
    assert detect_format("x", ["call_id", "premature_solution", "give_away"]) == "call_labels"
    assert detect_format("x", ["id", "prev_text", "text", "restating"]) == "external"


# ---------------------------------------------------------------- results and rendering


def test_to_dict_and_to_frame(utterances: Path, fake: FakeTagger) -> None:
    report = evaluate_file(utterances)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["languages"][0]["behaviours"][0]["behaviour"] == "open_question"
    frame = report.to_frame()
    assert len(frame) == 2 * (12 + 1)
    assert list(frame.columns[:3]) == ["language", "behaviour", "kind"]
    assert str(frame["behaviour"].dtype) == "category"
    row = frame[(frame["language"] == "sv") & (frame["behaviour"] == "jargon")].iloc[0]
    assert (row["kind"], row["tp"], row["support"]) == ("span", 1, 2)


def _table_block(text: str, start: str) -> list[str]:
    lines = text.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith(start))
    block = []
    for line in lines[i + 1 :]:
        if not line.strip():
            break
        block.append(line)
    return block


def test_render_report_is_aligned(utterances: Path, fake: FakeTagger) -> None:
    report = evaluate_file(utterances)
    text = render_report(report, errors=False)
    assert "Errors" not in text
    block = _table_block(text, "[sv]")
    assert block[0].split() == [
        "behaviour",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall",
        "f1",
        "support",
    ]
    assert len({len(line) for line in block}) == 1  # right-aligned last column
    assert any(line.startswith("open_question") and "0.667" in line for line in block)
    assert any(line.startswith("jargon (spans)") for line in block)
    assert "micro F1 0.571" in text
    with_errors = render_report(report, errors=True)
    assert "Errors (6)" in with_errors
    assert "sv.open_question.fake" in with_errors
    markdown = render_markdown(report, title="tiny")
    assert markdown.startswith("## tiny")
    assert "| open_question | 1 | 1 | 0 | 0.500 | 1.000 | 0.667 | 1 |" in markdown


# ---------------------------------------------------------------- CLI


def test_cli_text_and_errors(utterances: Path, fake: FakeTagger) -> None:
    result = runner.invoke(app, ["evaluate", str(utterances), "--errors"])
    assert result.exit_code == 0, result.output
    assert "open_question" in result.stdout
    assert "Errors (6)" in result.stdout


def test_cli_json_and_options(utterances: Path, fake: FakeTagger) -> None:
    result = runner.invoke(
        app,
        ["evaluate", str(utterances), "--json", "--exclude-note", "AMB:", "--lang", "sv"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 1
    assert data[0]["n_excluded"] == 1
    assert [s["language"] for s in data[0]["languages"]] == ["sv"]
    assert "errors" not in data[0]
    with_errors = json.loads(
        runner.invoke(app, ["evaluate", str(utterances), "--json", "--errors"]).stdout
    )
    assert len(with_errors[0]["errors"]) == 6


def test_cli_bad_file_is_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.csv", ["id", "agent_text"], [["sv-1", "Hej"]])
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 1
    assert "bad.csv" in result.stderr
    assert "missing columns" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_cli_has_help() -> None:
    result = runner.invoke(app, ["evaluate", "--help"])
    assert result.exit_code == 0
    assert "--exclude-note" in result.stdout


# ---------------------------------------------------------------- the shared dev data


def _shared_data() -> Path | None:
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    root = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    return root if root.is_dir() else None


SHARED = _shared_data()
needs_shared = pytest.mark.skipif(SHARED is None, reason="shared/data is not available")


@needs_shared
@pytest.mark.parametrize(
    ("name", "lang", "n_rows", "support"),
    [
        ("utterances_sv.csv", "sv", 252, {"open_question": 27, "solution": 57, "blaming": 11}),
        ("utterances_en.csv", "en", 175, {"open_question": 16, "solution": 40, "blaming": 12}),
    ],
    ids=["sv", "en"],
)
def test_dev_utterance_files_parse(
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    lang: str,
    n_rows: int,
    support: dict[str, int],
) -> None:
    assert SHARED is not None
    monkeypatch.setattr(analysis, "tag_many", FakeTagger({}))
    report = evaluate_file(SHARED / "dev" / name)
    scores = report.language(lang)
    assert scores is not None and scores.n_rows == n_rows
    got = {b.behaviour: b.support for b in scores.behaviours}
    assert {k: got[k] for k in support} == support
    assert scores.jargon is not None
    assert scores.jargon.n_gold == {"sv": 31, "en": 24}[lang]
    amb = evaluate_file(SHARED / "dev" / name, exclude_notes=["AMB:"])
    assert amb.n_excluded == {"sv": 56, "en": 44}[lang]


@needs_shared
def test_dev_calls_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    assert SHARED is not None
    monkeypatch.setattr(analysis, "tag_many", FakeTagger({}))
    report = evaluate_file(SHARED / "dev" / "calls_utterance_labels.csv")
    assert report.n_rows == 78
    assert sum(s.n_rows for s in report.languages) == 78
    solution = sum(
        b.support for s in report.languages for b in s.behaviours if b.behaviour == "solution"
    )
    assert solution == 27


@needs_shared
def test_swda_parse_with_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert SHARED is not None
    path = SHARED / "external" / "swda_dev.csv"
    if not path.is_file():
        pytest.skip("swda_dev.csv is not available")
    monkeypatch.setattr(analysis, "tag_many", FakeTagger({}))
    report = evaluate_file(path, limit=500)
    assert report.n_rows == 500
    assert [s.language for s in report.languages] == ["en"]
