"""Everything ``verbalkit score`` writes into its output folder, in one pass over the calls.

Scored calls stream through once: each is written to ``results.jsonl`` as it comes, its row
goes to the calls and utterances tables, and it feeds the agent summary. Only the calls a
report will show in full are kept whole; the others are kept without their transcript
(their scores, priorities and strengths stay), so memory grows with the number of calls,
not with their length.

Every file is written under a temporary name and renamed into place when complete; an
interrupted or failed run leaves yesterday's outputs as they were.
"""

from __future__ import annotations

import csv
import heapq
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from verbalkit.report.output import AtomicOutput, OutputError, atomic_path
from verbalkit.schema import Failure
from verbalkit.scoring.models import ScoredCall

if TYPE_CHECKING:
    from verbalkit.scoring.agents import AgentDigest

#: The files of a score folder, in the order they are listed.
OUTPUTS = (
    "report.html",
    "report.md",
    "calls.parquet",
    "calls.csv",
    "utterances.parquet",
    "agents.csv",
    "results.jsonl",
    "errors.csv",
)


@dataclass
class RunSummary:
    """What a run did: counts, time, the files written, the report language."""

    scored: int = 0
    failed: int = 0
    seconds: float = 0.0
    written: list[Path] = field(default_factory=list)
    report_lang: str = "en"
    interrupted: bool = False

    @property
    def rate(self) -> float:
        """Calls per second."""
        return self.scored / self.seconds if self.seconds > 0 else 0.0


def _slim(s: ScoredCall) -> ScoredCall:
    """What the reports' tables need of a call they do not show in full: ids, dates, the
    stage and overall scores and the top priority, without the transcript, the indicators'
    evidence or events (a few kB instead of ~100 kB per call); strengths stay (the reports
    count them per agent)."""
    call = s.call.model_copy(update={"utterances": [], "events": [], "metrics": []})
    stages = [st.model_copy(update={"indicators": []}) for st in s.stages]
    return s.model_copy(update={"call": call, "stages": stages, "priorities": s.priorities[:1]})


class _Keep:
    """The calls a report shows in full (the most worth a look), and slim copies of all."""

    def __init__(self, n_full: int) -> None:
        self.n_full = n_full
        self.heap: list[tuple[Any, int, ScoredCall | bytes]] = []
        self.slim: list[ScoredCall] = []

    def add(self, d: CallDigest) -> None:
        n = len(self.slim)
        self.slim.append(d.slim)
        if self.n_full <= 0:
            return
        # Max-heap on the key (negated via wrapper): keep the n_full smallest keys.
        entry = (_Neg(d.key), n, d.full)
        if len(self.heap) < self.n_full:
            heapq.heappush(self.heap, entry)
        elif entry[0] > self.heap[0][0]:
            heapq.heapreplace(self.heap, entry)

    def calls(self) -> list[ScoredCall]:
        """Every call in input order: whole where a report may show it, slim elsewhere."""
        full = {n: _whole(s) for _, n, s in self.heap}
        return [full.get(n, slim) for n, slim in enumerate(self.slim)]


def _whole(full: ScoredCall | bytes) -> ScoredCall:
    if isinstance(full, bytes):
        import pickle

        call: ScoredCall = pickle.loads(full)
        return call
    return full


@dataclass(frozen=True, slots=True)
class CallDigest:
    """Everything the score folder needs of one scored call, made where it was scored.

    In ``--jobs`` workers each call is digested where it was scored, so the main process
    writes the call's JSON line and table rows and folds its agent digest without rebuilding
    the call's models: a digest pickles the whole call as bytes of its own, which are
    unpickled only if a report shows the call in full.
    """

    call_id: str
    source: str | None
    warnings: list[str]
    language: str
    json_line: str
    call_row: dict[str, Any]
    utterance_rows: list[dict[str, Any]]
    agent: AgentDigest
    slim: ScoredCall
    key: tuple[bool, float, float, str, str]
    full: ScoredCall | bytes

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        import pickle

        values = [getattr(self, f.name) for f in fields(self)]
        if not isinstance(self.full, bytes):
            values[-1] = pickle.dumps(self.full, protocol=pickle.HIGHEST_PROTOCOL)
        return (CallDigest, tuple(values))


def digest_scored(s: ScoredCall) -> CallDigest:
    """The :class:`CallDigest` of a scored call."""
    from verbalkit.report.selection import worth_a_look_key
    from verbalkit.scoring.agents import agent_digest
    from verbalkit.tables import call_row, utterance_rows

    return CallDigest(
        call_id=s.call_id,
        source=s.source,
        warnings=list(s.call.warnings),
        language=s.language,
        json_line=json.dumps(s.to_dict(), ensure_ascii=False) + "\n",
        call_row=call_row(s),
        utterance_rows=utterance_rows(s.call),
        agent=agent_digest(s),
        slim=_slim(s),
        key=worth_a_look_key(s),
        full=s,
    )


class _Neg:
    """Reverses the order of a key, to keep the smallest keys in a min-heap."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: _Neg) -> bool:
        return bool(self.key > other.key)

    def __gt__(self, other: _Neg) -> bool:
        return bool(self.key < other.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Neg) and bool(self.key == other.key)

    __hash__ = None  # type: ignore[assignment]


class _NothingScored(Exception):
    """No call was scored: the outputs of the last run are kept."""


class _UtteranceSink:
    """``utterances.parquet`` written in row groups as calls come, with a fixed schema, so
    the utterances of ten thousand calls are never all in memory at once."""

    BATCH = 20_000

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows: list[dict[str, Any]] = []
        self.writer: Any = None
        self.n = 0

    @staticmethod
    def _schema() -> Any:
        # Built at the first write, so pyarrow is imported only once calls come (while
        # ``--jobs`` workers start, not before they are started).
        import pyarrow as pa

        from verbalkit.tables import UTTERANCE_COLUMNS

        text = {"call_id", "agent_id", "language", "speaker", "speaker_label", "text"}
        text |= {"team", "source"}
        fields = []
        for name in [*UTTERANCE_COLUMNS, "team", "started_at", "source"]:
            if name in text:
                kind = pa.string()
            elif name in ("start", "end"):
                kind = pa.float64()
            elif name == "started_at":
                kind = pa.timestamp("us", tz="UTC")
            else:
                kind = pa.int64()
            fields.append(pa.field(name, kind))
        tag = pa.struct(
            [
                ("label", pa.string()),
                ("start", pa.int64()),
                ("end", pa.int64()),
                ("text", pa.string()),
                ("rule", pa.string()),
                ("confidence", pa.float64()),
                ("suggestion", pa.string()),
            ]
        )
        fields.append(pa.field("tags", pa.list_(tag)))
        return pa.schema(fields)

    def add(self, rows: list[dict[str, Any]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.rows:
            return
        for row in self.rows:
            when = row.get("started_at")
            if when is not None and getattr(when, "tzinfo", None) is None:
                from datetime import UTC

                row["started_at"] = when.replace(tzinfo=UTC)
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, self._schema())
        table = pa.Table.from_pylist(self.rows, schema=self.writer.schema)
        self.writer.write_table(table)
        self.n += len(self.rows)
        self.rows = []

    def close(self) -> None:
        self.flush()
        if self.writer is not None:
            self.writer.close()


def write_score_folder(
    items: Iterable[ScoredCall | CallDigest | Failure],
    out: Path,
    *,
    report_lang: str | None = None,
    title: str | None = None,
    max_call_sections: int = 100,
    on_item: Callable[[CallDigest | Failure], None] | None = None,
) -> RunSummary:
    """Consume scored calls and failures and write every output into ``out``.

    Args:
        items: What :func:`verbalkit.score_many` yields, or the :class:`CallDigest` of each
            scored call (what ``--jobs`` workers send).
        out: The output folder (created if missing, with its parents).
        report_lang: ``sv`` or ``en``; default the language of most calls.
        title: The reports' title.
        max_call_sections: Calls shown in full in ``report.html``.
        on_item: Called with each failure and each call's digest as it comes (progress,
            stderr lines).

    Returns:
        The run's counts and the files written. On Ctrl-C nothing in ``out`` is replaced
        and ``KeyboardInterrupt`` goes on.
    """
    from verbalkit.report.tablefiles import write_csv, write_parquet
    from verbalkit.scoring.agents import agent_rows, summarise_agents
    from verbalkit.tables import CALL_CATEGORIES

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{out}: cannot create the output folder: {err.strerror or err}") from err
    if not out.is_dir():
        raise OutputError(f"{out}: is a file, not a folder")

    started = time.perf_counter()
    summary = RunSummary()
    failures: list[Failure] = []
    call_rows: list[dict[str, Any]] = []
    languages: Counter[str] = Counter()
    keep = _Keep(max(max_call_sections, 10))

    utt_out = out / "utterances.parquet"
    agents = None
    try:
        with (
            AtomicOutput(out / "results.jsonl") as results_file,
            atomic_path(utt_out) as utt_tmp,
        ):
            utt_sink = _UtteranceSink(utt_tmp)

            def scored_calls() -> Iterator[AgentDigest]:
                for item in items:
                    if isinstance(item, ScoredCall):
                        item = digest_scored(item)
                    if on_item is not None:
                        on_item(item)
                    if isinstance(item, Failure):
                        failures.append(item)
                        continue
                    results_file.write(item.json_line)
                    call_rows.append(item.call_row)
                    utt_sink.add(item.utterance_rows)
                    languages[item.language] += 1
                    keep.add(item)
                    yield item.agent

            try:
                agents = summarise_agents(scored_calls())
            finally:
                utt_sink.close()
            if not call_rows:
                # Nothing scored: yesterday's results.jsonl and utterances.parquet stay.
                raise _NothingScored
    except _NothingScored:
        pass
    summary.scored = len(call_rows)
    summary.failed = len(failures)
    if call_rows:
        summary.written += [out / "results.jsonl", utt_out]

    lang = report_lang or (languages.most_common(1)[0][0] if languages else "en")
    summary.report_lang = lang if lang in ("sv", "en") else "en"

    def write(name: str, writer: Callable[[Path], object]) -> None:
        with atomic_path(out / name) as tmp:
            writer(tmp)
        summary.written.append(out / name)

    if call_rows and agents is not None:
        # Written without pandas (its import is a quarter of a one-file run); the files
        # are what `calls_frame(call_rows)` and `agents.to_frame()` would write.
        write("calls.parquet", lambda p: write_parquet(call_rows, p, categories=CALL_CATEGORIES))
        write("calls.csv", lambda p: write_csv(call_rows, p))
        agent_table, agent_columns = agent_rows(agents)
        write("agents.csv", lambda p: write_csv(agent_table, p, columns=agent_columns))
        shown = keep.calls()
        from verbalkit.report.html import render_html
        from verbalkit.report.markdown import render_markdown

        md = render_markdown(
            shown, agents, lang=summary.report_lang, title=title, failures=failures
        )
        write("report.md", lambda p: p.write_text(md, encoding="utf-8"))
        page = render_html(
            shown,
            agents,
            lang=summary.report_lang,
            title=title,
            max_call_sections=max_call_sections,
            failures=failures,
        )
        write("report.html", lambda p: p.write_text(page, encoding="utf-8"))
    write("errors.csv", lambda p: _write_errors(p, failures))
    summary.seconds = time.perf_counter() - started
    order = {name: i for i, name in enumerate(OUTPUTS)}
    summary.written.sort(key=lambda p: order.get(p.name, len(order)))
    return summary


def _write_errors(path: Path, failures: list[Failure]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "call", "reason"])
        for fail in failures:
            w.writerow([fail.path, fail.call_id or "", fail.message])
