"""Score the tagger against hand-labelled files: precision, recall and F1 per behaviour.

One entry point, :func:`evaluate_file`, reads a labelled CSV, tags its rows with
:func:`verbalkit.analysis.tag_many` (or, for call-level labels, runs
:func:`verbalkit.analysis.analyze` on each call) and returns an :class:`EvaluationReport`.
The file's format is detected from its header:

- ``utterances``: ``id, prev_customer_text, agent_text``, the twelve behaviour columns,
  ``jargon_terms`` (the dev utterance files; language from the id prefix ``sv-``/``en-``);
- ``call_utterances``: ``call_id, utt_index, agent_text``, the twelve columns,
  ``jargon_terms``; context and language come from ``calls/<call_id>.json`` next to it;
- ``call_labels``: ``call_id, premature_solution, give_away`` (call-level judgements);
- ``external``: ``id, prev_text, text`` and any behaviour columns (AnnoMI, SwDA; English).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from verbalkit.errors import LabelFileError
from verbalkit.schema import Tag, Transcript
from verbalkit.vocab import BEHAVIOURS, Behaviour, Pattern, Role

if TYPE_CHECKING:
    import pandas as pd

Format = Literal["utterances", "call_utterances", "call_labels", "external"]
ErrorKind = Literal["FP", "FN"]

#: Human-readable names of the formats, for messages and reports.
FORMAT_NAMES: dict[Format, str] = {
    "utterances": "utterance labels",
    "call_utterances": "call utterance labels",
    "call_labels": "call-level labels",
    "external": "external labels",
}

_BEHAVIOUR_IDS: tuple[str, ...] = tuple(str(b) for b in BEHAVIOURS)
_CALL_PATTERNS: tuple[str, ...] = (str(Pattern.PREMATURE_SOLUTION), str(Pattern.GIVE_AWAY))
_QUESTIONS: frozenset[str] = frozenset(
    {str(Behaviour.OPEN_QUESTION), str(Behaviour.CLOSED_QUESTION)}
)
_WH_COLUMN = "wh_question"
_NOTES_FILE = "row_notes.csv"
_CALLS_FOLDER = "calls"

# Columns every file of a format must have; the first column set of each entry is what
# makes a header look like that format (so errors can name the right missing columns).
_REQUIRED: dict[Format, tuple[str, ...]] = {
    "utterances": ("id", "prev_customer_text", "agent_text", *_BEHAVIOUR_IDS, "jargon_terms"),
    "call_utterances": ("call_id", "utt_index", "agent_text", *_BEHAVIOUR_IDS, "jargon_terms"),
    "call_labels": ("call_id", *_CALL_PATTERNS),
    "external": ("id", "prev_text", "text"),
}
_SIGNATURE: dict[Format, frozenset[str]] = {
    "call_labels": frozenset({"call_id", "premature_solution"}),
    "call_utterances": frozenset({"call_id", "utt_index"}),
    "utterances": frozenset({"id", "agent_text"}),
    "external": frozenset({"id", "text"}),
}


class _Result(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-safe dict."""
        return self.model_dump(mode="json")


class BehaviourScore(_Result):
    """Counts and scores for one behaviour (or call-level pattern) in one language."""

    behaviour: str = Field(description="Behaviour id, or pattern id for call-level labels.")
    tp: int = Field(ge=0, description="Rows labelled and predicted.")
    fp: int = Field(ge=0, description="Rows predicted but not labelled.")
    fn: int = Field(ge=0, description="Rows labelled but not predicted.")
    precision: float | None = Field(description="tp / (tp + fp); None when nothing was predicted.")
    recall: float | None = Field(description="tp / (tp + fn); None when nothing is labelled.")
    f1: float | None = Field(description="2tp / (2tp + fp + fn); None when tp = fp = fn = 0.")
    support: int = Field(ge=0, description="Rows labelled with the behaviour (tp + fn).")
    n_rows: int = Field(ge=0, description="Rows scored for this behaviour.")


class SpanScore(_Result):
    """Jargon spans scored by character overlap within a row."""

    n_gold: int = Field(ge=0, description="Gold spans.")
    n_pred: int = Field(ge=0, description="Predicted spans.")
    tp: int = Field(ge=0, description="Predicted spans that overlap a gold span.")
    fp: int = Field(ge=0, description="Predicted spans that overlap no gold span.")
    fn: int = Field(ge=0, description="Gold spans that no predicted span overlaps.")
    precision: float | None = Field(description="tp / n_pred; None when nothing was predicted.")
    recall: float | None = Field(description="(n_gold - fn) / n_gold; None when no gold spans.")
    f1: float | None = Field(description="Harmonic mean of precision and recall.")


class LanguageScores(_Result):
    """All scores for the rows of one language."""

    language: str
    n_rows: int = Field(ge=0, description="Rows (or calls) evaluated in this language.")
    behaviours: list[BehaviourScore] = Field(description="One entry per behaviour the file covers.")
    micro_f1: float | None = Field(description="F1 of the summed tp, fp and fn.")
    macro_f1: float | None = Field(
        description="Mean F1 over the covered behaviours whose F1 is defined."
    )
    jargon: SpanScore | None = Field(default=None, description="None when the file has no spans.")


class ErrorRow(_Result):
    """One false positive or false negative, for error analysis."""

    id: str = Field(description="Row id (call_id:utt_index in call files, call_id for calls).")
    language: str
    behaviour: str = Field(description="Behaviour id, 'jargon', or a call-level pattern id.")
    kind: ErrorKind
    text: str = Field(description="The agent utterance (or, for calls, the event or topic).")
    span: str | None = Field(default=None, description="The jargon span, for jargon errors.")
    rules: list[str] = Field(
        default_factory=list, description="Rule ids that fired for this behaviour (FPs)."
    )


class CallResult(_Result):
    """Gold and predicted presence of one call-level pattern in one call."""

    call_id: str
    language: str
    pattern: str
    gold: bool
    predicted: bool
    utterances: list[int] = Field(
        default_factory=list, description="Utterances named by the predicted events."
    )


class EvaluationReport(_Result):
    """The result of :func:`evaluate_file`."""

    path: str = Field(description="The labelled file.")
    format: Format
    n_rows: int = Field(ge=0, description="Rows (or calls) evaluated, all languages.")
    n_excluded: int = Field(ge=0, description="Rows dropped because of their row notes.")
    exclude_notes: list[str] = Field(default_factory=list, description="Note prefixes excluded.")
    language_filter: str | None = None
    limit: int | None = None
    notes: list[str] = Field(default_factory=list, description="How this file was scored.")
    languages: list[LanguageScores] = Field(default_factory=list)
    calls: list[CallResult] = Field(default_factory=list, description="Call-level labels only.")
    errors: list[ErrorRow] = Field(default_factory=list)

    def language(self, code: str) -> LanguageScores | None:
        """The scores for language ``code``, or None."""
        return next((s for s in self.languages if s.language == code), None)

    def to_frame(self) -> pd.DataFrame:
        """One row per language × behaviour (jargon spans as behaviour ``jargon``).

        Columns: language, behaviour, kind (``behaviour``, ``pattern`` or ``span``), tp, fp,
        fn, precision, recall, f1, support, n_rows.
        """
        import pandas as pd

        kind = "pattern" if self.format == "call_labels" else "behaviour"
        records: list[dict[str, object]] = []
        for scores in self.languages:
            for b in scores.behaviours:
                records.append({"language": scores.language, "kind": kind, **b.to_dict()})
            if scores.jargon is not None:
                j = scores.jargon
                records.append(
                    {
                        "language": scores.language,
                        "kind": "span",
                        "behaviour": str(Behaviour.JARGON),
                        "tp": j.tp,
                        "fp": j.fp,
                        "fn": j.fn,
                        "precision": j.precision,
                        "recall": j.recall,
                        "f1": j.f1,
                        "support": j.n_gold,
                        "n_rows": scores.n_rows,
                    }
                )
        columns = [
            "language",
            "behaviour",
            "kind",
            "tp",
            "fp",
            "fn",
            "precision",
            "recall",
            "f1",
            "support",
            "n_rows",
        ]
        frame = pd.DataFrame.from_records(records, columns=columns)
        for col in ("language", "behaviour", "kind"):
            frame[col] = frame[col].astype("category")
        for col in ("precision", "recall", "f1"):
            frame[col] = frame[col].astype("float64")
        return frame


# ---------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Row:
    """One labelled agent utterance."""

    id: str
    language: str
    text: str
    context: str | None
    gold: frozenset[str]
    gold_spans: tuple[tuple[int, int, str], ...] | None  # None: the file has no jargon column
    skip: frozenset[str] = frozenset()  # behaviours not scored on this row


@dataclass
class _Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    n_rows: int = 0


@dataclass
class _SpanCounts:
    n_gold: int = 0
    n_pred: int = 0
    tp: int = 0
    gold_hit: int = 0


@dataclass
class _LanguageCounts:
    n_rows: int = 0
    behaviours: dict[str, _Counts] = field(default_factory=dict)
    spans: _SpanCounts | None = None


def _open_csv(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """Read the header of a CSV and return it with an iterator over ``(line, values)``."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as err:
        raise LabelFileError(path, f"cannot read the file ({err.strerror or err})") from err
    reader = csv.reader(handle)
    try:
        header = next(reader, None)
    except (csv.Error, UnicodeDecodeError) as err:
        handle.close()
        raise LabelFileError(path, f"not a UTF-8 CSV file ({err})", "line 1") from err
    if header is None:
        handle.close()
        raise LabelFileError(path, "the file is empty (no header row)")
    columns = [c.strip() for c in header]

    def rows() -> Iterator[tuple[int, list[str]]]:
        with handle:
            try:
                for values in reader:
                    if not any(v.strip() for v in values):
                        continue
                    yield reader.line_num, values
            except (csv.Error, UnicodeDecodeError) as err:
                where = f"line {reader.line_num + 1}"
                raise LabelFileError(path, f"not a valid UTF-8 CSV row ({err})", where) from err

    return columns, rows()


def detect_format(path: Path | str, columns: Sequence[str]) -> Format:
    """Tell which kind of labelled file a header belongs to.

    Args:
        path: The file, named in errors.
        columns: Its header.

    Returns:
        The format id.

    Raises:
        LabelFileError: The header fits no format, or lacks columns its format needs.
    """
    have = set(columns)
    for fmt, signature in _SIGNATURE.items():
        if signature <= have:
            missing = [c for c in _REQUIRED[fmt] if c not in have]
            if missing:
                raise LabelFileError(
                    path,
                    f"missing columns: {', '.join(missing)} (read as {FORMAT_NAMES[fmt]}, "
                    f"which need: {', '.join(_REQUIRED[fmt])})",
                )
            if fmt == "external" and not any(b in have for b in _BEHAVIOUR_IDS):
                raise LabelFileError(
                    path,
                    "missing columns: no behaviour column (read as external labels, which "
                    f"need id, prev_text, text and at least one of: {', '.join(_BEHAVIOUR_IDS)})",
                )
            return fmt
    # No format fits: name what the closest one lacks.
    closest = min(_REQUIRED, key=lambda f: sum(c not in have for c in _REQUIRED[f]))
    missing = [c for c in _REQUIRED[closest] if c not in have]
    raise LabelFileError(
        path,
        f"missing columns: {', '.join(missing)} (not a labelled file; the closest format, "
        f"{FORMAT_NAMES[closest]}, needs: {', '.join(_REQUIRED[closest])})",
    )


def _flag(path: Path, line: int, column: str, value: str) -> bool:
    value = value.strip()
    if value == "1":
        return True
    if value == "0":
        return False
    raise LabelFileError(path, f"column {column!r} must be 0 or 1, not {value!r}", f"line {line}")


def _locate_spans(path: Path, line: int, text: str, terms: str) -> tuple[tuple[int, int, str], ...]:
    """Find each ``|``-joined term in ``text``: the first occurrence after the previous term."""
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for term in (t.strip() for t in terms.split("|")):
        if not term:
            continue
        start = text.find(term, pos)
        if start < 0:  # listed out of order: take the first occurrence anywhere
            start = text.find(term)
        if start < 0:
            raise LabelFileError(
                path, f"jargon term {term!r} does not occur in agent_text", f"line {line}"
            )
        spans.append((start, start + len(term), term))
        pos = start + len(term)
    return tuple(spans)


def _read_notes(path: Path) -> dict[str, tuple[str, ...]]:
    """Read ``row_notes.csv``: id -> notes."""
    columns, rows = _open_csv(path)
    missing = [c for c in ("id", "notes") if c not in columns]
    if missing:
        raise LabelFileError(path, f"missing columns: {', '.join(missing)}")
    i_id, i_notes = columns.index("id"), columns.index("notes")
    notes: dict[str, tuple[str, ...]] = {}
    for _, values in rows:
        values = values + [""] * (len(columns) - len(values))
        notes[values[i_id].strip()] = tuple(
            n.strip() for n in values[i_notes].split(";") if n.strip()
        )
    return notes


def _language_of_id(path: Path, line: int, row_id: str) -> str:
    prefix = row_id.split("-", 1)[0]
    if "-" not in row_id or not prefix:
        raise LabelFileError(
            path,
            f"cannot tell the language of id {row_id!r} (expected a prefix such as 'sv-' or 'en-')",
            f"line {line}",
        )
    return prefix


def _read_transcript(path: Path) -> Transcript:
    """Read one call (verbalkit JSON, or any format :func:`verbalkit.io.read` knows)."""
    from verbalkit.io import read

    return read(path)


class _Calls:
    """The call transcripts in ``calls/`` next to a labels file, read once each."""

    def __init__(self, labels_path: Path) -> None:
        self.folder = labels_path.parent / _CALLS_FOLDER
        self._cache: dict[str, Transcript] = {}

    def get(self, call_id: str) -> Transcript:
        if call_id not in self._cache:
            path = self.folder / f"{call_id}.json"
            if not path.is_file():
                raise LabelFileError(path, f"call {call_id!r} not found (expected {path})")
            self._cache[call_id] = _read_transcript(path)
        return self._cache[call_id]

    def language(self, call_id: str) -> str:
        transcript = self.get(call_id)
        code = transcript.language or (
            transcript.language_info.code if transcript.language_info else None
        )
        if code is None:
            raise LabelFileError(self.folder / f"{call_id}.json", "the call declares no language")
        return code


def _parse_rows(
    path: Path, fmt: Format, columns: list[str], rows: Iterable[tuple[int, list[str]]]
) -> Iterator[_Row]:
    """Turn CSV rows of an utterance-level format into :class:`_Row` s."""
    index = {c: i for i, c in enumerate(columns)}
    covered = [b for b in _BEHAVIOUR_IDS if b in index]
    has_spans = "jargon_terms" in index
    has_wh = _WH_COLUMN in index
    text_col = "text" if fmt == "external" else "agent_text"
    calls = _Calls(path) if fmt == "call_utterances" else None
    seen: set[str] = set()
    for line, raw in rows:
        values = raw + [""] * (len(columns) - len(raw))

        def get(column: str, values: list[str] = values) -> str:
            return values[index[column]]

        if calls is not None:
            call_id = get("call_id").strip()
            utt = get("utt_index").strip()
            if not utt.isdigit():
                raise LabelFileError(
                    path, f"utt_index must be a whole number, not {utt!r}", f"line {line}"
                )
            row_id = f"{call_id}:{utt}"
            language = calls.language(call_id)
            context = _previous_customer_text(path, line, calls.get(call_id), int(utt))
        else:
            row_id = get("id").strip()
            if not row_id:
                raise LabelFileError(path, "empty id", f"line {line}")
            if fmt == "external":
                language, context = "en", get("prev_text")
            else:
                language, context = _language_of_id(path, line, row_id), get("prev_customer_text")
        if row_id in seen:
            raise LabelFileError(path, f"duplicate id {row_id!r}", f"line {line}")
        seen.add(row_id)
        text = get(text_col)
        gold = frozenset(b for b in covered if _flag(path, line, b, get(b)))
        skip: frozenset[str] = frozenset()
        if has_wh and _flag(path, line, _WH_COLUMN, get(_WH_COLUMN)):
            skip = _QUESTIONS
        spans = _locate_spans(path, line, text, get("jargon_terms")) if has_spans else None
        yield _Row(row_id, language, text, context or None, gold, spans, skip)


def _previous_customer_text(path: Path, line: int, call: Transcript, utt_index: int) -> str | None:
    """The latest customer utterance before ``utt_index`` (the agent's context)."""
    if utt_index >= len(call.utterances):
        raise LabelFileError(
            path,
            f"utt_index {utt_index} is past the end of call {call.call_id!r} "
            f"({len(call.utterances)} utterances)",
            f"line {line}",
        )
    for utterance in reversed(call.utterances[:utt_index]):
        if utterance.speaker == Role.CUSTOMER:
            return utterance.text
    return None


# ---------------------------------------------------------------------------- scoring


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _behaviour_score(name: str, c: _Counts) -> BehaviourScore:
    return BehaviourScore(
        behaviour=name,
        tp=c.tp,
        fp=c.fp,
        fn=c.fn,
        precision=_ratio(c.tp, c.tp + c.fp),
        recall=_ratio(c.tp, c.tp + c.fn),
        f1=_ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
        support=c.tp + c.fn,
        n_rows=c.n_rows,
    )


def _span_score(s: _SpanCounts) -> SpanScore:
    precision = _ratio(s.tp, s.n_pred)
    recall = _ratio(s.gold_hit, s.n_gold)
    f1: float | None
    if precision is None or recall is None:
        f1 = 0.0 if (s.n_pred or s.n_gold) else None
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SpanScore(
        n_gold=s.n_gold,
        n_pred=s.n_pred,
        tp=s.tp,
        fp=s.n_pred - s.tp,
        fn=s.n_gold - s.gold_hit,
        precision=precision,
        recall=recall,
        f1=f1,
    )


def _language_scores(
    language: str, counts: _LanguageCounts, order: Sequence[str]
) -> LanguageScores:
    behaviours = [_behaviour_score(b, counts.behaviours[b]) for b in order]
    tp = sum(b.tp for b in behaviours)
    fp = sum(b.fp for b in behaviours)
    fn = sum(b.fn for b in behaviours)
    f1s = [b.f1 for b in behaviours if b.f1 is not None]
    return LanguageScores(
        language=language,
        n_rows=counts.n_rows,
        behaviours=behaviours,
        micro_f1=_ratio(2 * tp, 2 * tp + fp + fn),
        macro_f1=sum(f1s) / len(f1s) if f1s else None,
        jargon=_span_score(counts.spans) if counts.spans is not None else None,
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _score_row(
    row: _Row,
    tags: list[Tag],
    covered: Sequence[str],
    counts: _LanguageCounts,
    errors: list[ErrorRow],
) -> None:
    counts.n_rows += 1
    rules: dict[str, list[str]] = {}
    for tag in tags:
        rules.setdefault(tag.label, [])
        if tag.rule not in rules[tag.label]:
            rules[tag.label].append(tag.rule)
    for behaviour in covered:
        if behaviour in row.skip:
            continue
        c = counts.behaviours[behaviour]
        c.n_rows += 1
        gold, predicted = behaviour in row.gold, behaviour in rules
        if gold and predicted:
            c.tp += 1
        elif predicted:
            c.fp += 1
            errors.append(
                ErrorRow(
                    id=row.id,
                    language=row.language,
                    behaviour=behaviour,
                    kind="FP",
                    text=row.text,
                    rules=rules[behaviour],
                )
            )
        elif gold:
            c.fn += 1
            errors.append(
                ErrorRow(
                    id=row.id, language=row.language, behaviour=behaviour, kind="FN", text=row.text
                )
            )
    if row.gold_spans is None or counts.spans is None:
        return
    spans = counts.spans
    predicted_spans = [t for t in tags if t.label == Behaviour.JARGON]
    spans.n_gold += len(row.gold_spans)
    spans.n_pred += len(predicted_spans)
    for tag in predicted_spans:
        if any(_overlaps((tag.start, tag.end), g[:2]) for g in row.gold_spans):
            spans.tp += 1
        else:
            errors.append(
                ErrorRow(
                    id=row.id,
                    language=row.language,
                    behaviour=str(Behaviour.JARGON),
                    kind="FP",
                    text=row.text,
                    span=tag.text,
                    rules=[tag.rule],
                )
            )
    for start, end, term in row.gold_spans:
        if any(_overlaps((t.start, t.end), (start, end)) for t in predicted_spans):
            spans.gold_hit += 1
        else:
            errors.append(
                ErrorRow(
                    id=row.id,
                    language=row.language,
                    behaviour=str(Behaviour.JARGON),
                    kind="FN",
                    text=row.text,
                    span=term,
                )
            )


def _tag_rows(rows: Sequence[_Row]) -> Iterator[tuple[_Row, list[Tag]]]:
    """Tag every row, one ``tag_many`` batch stream per language."""
    from verbalkit import analysis

    by_language: dict[str, list[_Row]] = {}
    for row in rows:
        by_language.setdefault(row.language, []).append(row)
    for language, group in by_language.items():
        tagged = analysis.tag_many(((r.text, r.context) for r in group), language, role="agent")
        yield from zip(group, tagged, strict=True)


def _select(
    rows: Iterable[_Row],
    *,
    notes: dict[str, tuple[str, ...]] | None,
    exclude_notes: Sequence[str],
    lang: str | None,
    limit: int | None,
) -> tuple[list[_Row], int]:
    """Apply the language filter, the note exclusions and the row limit, in that order."""
    kept: list[_Row] = []
    n_excluded = 0
    if limit is not None and limit <= 0:
        return kept, n_excluded
    for row in rows:
        if lang is not None and row.language != lang:
            continue
        if notes is not None and any(
            note.startswith(prefix) for note in notes.get(row.id, ()) for prefix in exclude_notes
        ):
            n_excluded += 1
            continue
        kept.append(row)
        if limit is not None and len(kept) >= limit:
            break
    return kept, n_excluded


def evaluate_file(
    path: Path | str,
    *,
    exclude_notes: Sequence[str] = (),
    lang: str | None = None,
    limit: int | None = None,
) -> EvaluationReport:
    """Tag a labelled file's rows and score the tags against its labels.

    Args:
        path: A labelled CSV (utterance, call utterance, call-level or external labels).
        exclude_notes: Drop rows with a note (in ``row_notes.csv`` next to the file) that
            starts with one of these prefixes, e.g. ``"AMB:"``.
        lang: Only evaluate rows (or calls) in this language.
        limit: Only evaluate the first ``limit`` rows (or calls) left after the filters.

    Returns:
        Scores per language, and every false positive and negative.

    Raises:
        LabelFileError: The file (or its notes or calls) is missing, malformed or lacks columns.

    >>> report = evaluate_file("utterances_sv.csv", exclude_notes=["AMB:"])  # doctest: +SKIP
    >>> report.language("sv").macro_f1  # doctest: +SKIP
    """
    path = Path(path)
    columns, raw_rows = _open_csv(path)
    fmt = detect_format(path, columns)
    exclude = tuple(exclude_notes)
    notes: dict[str, tuple[str, ...]] | None = None
    if exclude:
        notes_path = path.parent / _NOTES_FILE
        if not notes_path.is_file():
            raise LabelFileError(
                notes_path, "not found; --exclude-note needs row_notes.csv next to the labels"
            )
        notes = _read_notes(notes_path)
    if fmt == "call_labels":
        return _evaluate_calls(
            path, columns, raw_rows, exclude=exclude, notes=notes, lang=lang, limit=limit
        )
    covered = [b for b in _BEHAVIOUR_IDS if b in columns]
    rows, n_excluded = _select(
        _parse_rows(path, fmt, columns, raw_rows),
        notes=notes,
        exclude_notes=exclude,
        lang=lang,
        limit=limit,
    )
    has_spans = "jargon_terms" in columns
    counts: dict[str, _LanguageCounts] = {}
    errors: list[ErrorRow] = []
    for row, tags in _tag_rows(rows):
        if row.language not in counts:
            counts[row.language] = _LanguageCounts(
                behaviours={b: _Counts() for b in covered},
                spans=_SpanCounts() if has_spans else None,
            )
        _score_row(row, tags, covered, counts[row.language], errors)
    report_notes = _scoring_notes(fmt, covered, has_spans, rows, exclude, n_excluded)
    return EvaluationReport(
        path=str(path),
        format=fmt,
        n_rows=len(rows),
        n_excluded=n_excluded,
        exclude_notes=list(exclude),
        language_filter=lang,
        limit=limit,
        notes=report_notes,
        languages=[_language_scores(code, c, covered) for code, c in counts.items()],
        errors=errors,
    )


def _scoring_notes(
    fmt: Format,
    covered: Sequence[str],
    has_spans: bool,
    rows: Sequence[_Row],
    exclude: Sequence[str],
    n_excluded: int,
) -> list[str]:
    notes: list[str] = []
    if len(covered) < len(_BEHAVIOUR_IDS):
        notes.append(
            f"Only the {len(covered)} behaviours this file labels are scored: {', '.join(covered)}."
        )
    n_wh = sum(1 for r in rows if r.skip)
    if n_wh:
        notes.append(
            f"open_question and closed_question are not scored on the {n_wh} rows with "
            "wh_question=1: the source does not say whether a wh-question is open or asks "
            "for one fact."
        )
    if fmt == "external":
        notes.append("Every row is tagged as an agent utterance; prev_text is its context.")
    if fmt == "call_utterances":
        notes.append(
            "Context and language come from calls/<call_id>.json; the context is the "
            "latest customer utterance before the agent's."
        )
    if has_spans:
        notes.append(
            "Jargon spans: a predicted span is correct if it overlaps a gold span in the same "
            "row; recall counts the gold spans some predicted span overlaps."
        )
    if exclude:
        notes.append(f"{n_excluded} rows excluded: a row note starts with {' or '.join(exclude)}.")
    notes.append(
        "Macro F1 averages the behaviours whose F1 is defined (support or predictions > 0)."
    )
    return notes


# ---------------------------------------------------------------------------- call level


def _evaluate_calls(
    path: Path,
    columns: list[str],
    raw_rows: Iterable[tuple[int, list[str]]],
    *,
    exclude: Sequence[str],
    notes: dict[str, tuple[str, ...]] | None,
    lang: str | None,
    limit: int | None,
) -> EvaluationReport:
    from verbalkit import analysis

    index = {c: i for i, c in enumerate(columns)}
    calls = _Calls(path)
    counts: dict[str, _LanguageCounts] = {}
    results: list[CallResult] = []
    errors: list[ErrorRow] = []
    n_calls = n_excluded = 0
    seen: set[str] = set()
    for line, raw in raw_rows:
        if limit is not None and n_calls >= limit:
            break
        values = raw + [""] * (len(columns) - len(raw))
        call_id = values[index["call_id"]].strip()
        if call_id in seen:
            raise LabelFileError(path, f"duplicate call_id {call_id!r}", f"line {line}")
        seen.add(call_id)
        gold = {p: _flag(path, line, p, values[index[p]]) for p in _CALL_PATTERNS}
        language = calls.language(call_id)
        if lang is not None and language != lang:
            continue
        if notes is not None and any(
            n.startswith(prefix) for n in notes.get(call_id, ()) for prefix in exclude
        ):
            n_excluded += 1
            continue
        n_calls += 1
        result = analysis.analyze(calls.get(call_id))
        c = counts.setdefault(
            language, _LanguageCounts(behaviours={p: _Counts() for p in _CALL_PATTERNS})
        )
        c.n_rows += 1
        topic = values[index["topic"]].strip() if "topic" in index else ""
        for pattern in _CALL_PATTERNS:
            events = [e for e in result.events if e.pattern == pattern]
            predicted = bool(events)
            named = sorted({i for e in events for i in e.utterances})
            results.append(
                CallResult(
                    call_id=call_id,
                    language=language,
                    pattern=pattern,
                    gold=gold[pattern],
                    predicted=predicted,
                    utterances=named,
                )
            )
            pc = c.behaviours[pattern]
            pc.n_rows += 1
            if gold[pattern] and predicted:
                pc.tp += 1
            elif predicted or gold[pattern]:
                kind: ErrorKind = "FP" if predicted else "FN"
                if predicted:
                    pc.fp += 1
                    text = " | ".join(e.message for e in events)
                else:
                    pc.fn += 1
                    text = topic
                errors.append(
                    ErrorRow(id=call_id, language=language, behaviour=pattern, kind=kind, text=text)
                )
    agreement = Counter(r.pattern for r in results if r.gold == r.predicted)
    per_pattern = ", ".join(f"{p} {agreement[p]}/{n_calls}" for p in _CALL_PATTERNS)
    report_notes = [
        "Each call is analysed with verbalkit.analyze; a pattern is predicted when at least "
        "one event of that pattern is found.",
        f"Calls where prediction and label agree: {per_pattern}.",
    ]
    if exclude:
        report_notes.append(
            f"{n_excluded} calls excluded: a row note starts with {' or '.join(exclude)}."
        )
    return EvaluationReport(
        path=str(path),
        format="call_labels",
        n_rows=n_calls,
        n_excluded=n_excluded,
        exclude_notes=list(exclude),
        language_filter=lang,
        limit=limit,
        notes=report_notes,
        languages=[_language_scores(code, c, _CALL_PATTERNS) for code, c in counts.items()],
        calls=results,
        errors=errors,
    )
