"""`--jobs`: worker processes give the one-process results, in order, and survive trouble."""

from __future__ import annotations

import contextlib
import itertools
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from verbalkit import parallel
from verbalkit.analysis import analyze_many
from verbalkit.cli import app
from verbalkit.io import read_many
from verbalkit.parallel import analyze_parallel
from verbalkit.schema import Failure, Transcript
from verbalkit.scoring.engine import score_many
from verbalkit.scoring.scorecard import load_scorecard

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
N_CORPUS = 200
N_KILLED = 40
SOME_EXAMPLES = (
    "en-broadband.txt",
    "en-refund.vtt",
    "en-card-blocked.json",
    "sv-faktura.csv",
    "sv-matkasse.json",
    "sv-forsakring.srt",
)
# Generous: a hang is what these bounds catch, not slowness on a busy machine.
TIMEOUT_S = 240


def as_json(items: Iterable[Any]) -> list[str]:
    """Every result as its JSON line (a failure with its kind, message and call)."""
    out = []
    for item in items:
        kind = type(item).__name__
        out.append(json.dumps({kind: item.to_dict()}, ensure_ascii=False, sort_keys=True))
    return out


@pytest.fixture(scope="module")
def examples() -> list[Transcript | Failure]:
    return list(read_many([EXAMPLES]))


@pytest.fixture(scope="module")
def corpus(data_dir: Path) -> list[Transcript | Failure]:
    path = data_dir / "corpus" / "sgd.jsonl"
    if not path.is_file():
        pytest.skip(f"corpus not found at {path} (set VERBALKIT_SHARED_DATA)")
    return list(itertools.islice(read_many([path]), N_CORPUS))


@pytest.fixture(scope="module")
def corpus_scored(corpus: list[Transcript | Failure]) -> list[str]:
    return as_json(score_many(analyze_many(corpus), load_scorecard()))


def with_failures(calls: list[Transcript | Failure]) -> list[Transcript | Failure]:
    """The calls with a read failure first, one in the middle, and a call that cannot be
    analysed (its language has no rule pack) near the end."""
    first = next(c for c in calls if isinstance(c, Transcript))
    unsupported = first.model_copy(update={"call_id": "no-pack", "language": "xx"})
    read_error = Failure(path="bad.json", message="line 3: not JSON")
    middle = len(calls) // 2
    return [
        Failure(path="first.json", message="empty file"),
        *calls[:middle],
        read_error,
        *calls[middle:-1],
        unsupported,
        calls[-1],
    ]


def consume(stream: Iterable[Any], timeout: float = TIMEOUT_S) -> list[Any]:
    """Everything ``stream`` yields, failing the test (not hanging it) after ``timeout``."""
    out: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            out.extend(stream)
        except BaseException as err:
            errors.append(err)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        for child in multiprocessing.active_children():
            child.kill()
        pytest.fail(f"the run did not finish in {timeout} s")
    if errors:
        raise errors[0]
    return out


def many_calls(path: Path, n: int) -> Path:
    """A JSON Lines file of ``n`` calls (the examples over and over, ids ``c0``…)."""
    calls = [t for t in read_many([EXAMPLES]) if isinstance(t, Transcript)]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            call = calls[i % len(calls)]
            f.write(json.dumps({**call.to_dict(), "call_id": f"c{i}"}, ensure_ascii=False) + "\n")
    return path


def workers() -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name.startswith("verbalkit-worker")]


def test_examples_with_failures_identical_in_order(examples: list[Transcript | Failure]) -> None:
    items = with_failures(examples)
    expected = as_json(analyze_many(items))
    got = as_json(consume(analyze_parallel(items, jobs=2, chunk=1, pool_min_words=0)))
    assert got == expected
    assert sum(line.startswith('{"Failure"') for line in got) == 3
    assert "no-pack" in got[-2] and "is not supported" in got[-2]
    assert not workers(), "workers left running"


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_corpus_scored_identical_in_order(
    corpus: list[Transcript | Failure],
    corpus_scored: list[str],
    method: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    monkeypatch.setenv("VERBALKIT_START_METHOD", method)
    assert parallel.start_method() == method
    got = consume(
        analyze_parallel(corpus, jobs=3, scorecard=load_scorecard(), pool_min_words=0, chunk=2)
    )
    assert as_json(got) == corpus_scored


def test_workers_fork_only_when_no_other_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERBALKIT_START_METHOD", raising=False)
    on_linux = "fork" if sys.platform == "linux" else "spawn"
    assert parallel.start_method() == (on_linux if threading.active_count() == 1 else "spawn")
    seen: list[str] = []
    thread = threading.Thread(target=lambda: seen.append(parallel.start_method()))
    thread.start()
    thread.join()
    assert seen == ["spawn"]  # two threads ran: a fork could copy a held lock
    monkeypatch.setenv("VERBALKIT_START_METHOD", "spawn")
    assert parallel.start_method() == "spawn"


@pytest.mark.skipif(sys.platform != "linux", reason="workers fork on Linux only")
def test_forked_worker_stops_when_its_parent_is_killed(tmp_path: Path) -> None:
    # A forked worker must not hold its parent's end of its own task pipe (nor a sibling's):
    # else it would wait for tasks forever once the parent is gone.
    src = many_calls(tmp_path / "calls.jsonl", 1000)
    cmd = [sys.executable, "-m", "verbalkit", "analyze", str(src), "--json", "-o", os.devnull]
    env = {**os.environ, "VERBALKIT_START_METHOD": "fork"}
    proc = subprocess.Popen(
        [*cmd, "--jobs", "3"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline and len(_group(proc.pid)) < 3:
            time.sleep(0.1)
        assert len(_group(proc.pid)) >= 3, "the two workers did not start"
        os.kill(proc.pid, signal.SIGKILL)  # the parent only
        proc.wait(timeout=60)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _group(proc.pid):
            time.sleep(0.2)
        assert not _group(proc.pid), "workers outlived their parent"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


def test_killed_worker_fails_its_call_and_the_run_goes_on(
    corpus: list[Transcript | Failure], corpus_scored: list[str]
) -> None:
    calls = corpus[:N_KILLED]
    stream = analyze_parallel(calls, jobs=2, scorecard=load_scorecard(), pool_min_words=0)
    first = next(stream)  # the workers are up and busy
    victim = workers()[0]
    assert victim.pid is not None
    os.kill(victim.pid, signal.SIGKILL)
    got = as_json([first, *consume(stream)])
    expected = corpus_scored[:N_KILLED]
    differ = [i for i, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b]
    # The call the worker was on fails (none if it died between calls); the others are the
    # one-process results, each in its place.
    assert len(differ) <= 1
    for i in differ:
        assert "the worker process analysing it died (killed by SIGKILL)" in got[i]
    assert not workers()


def test_reads_a_bounded_window_ahead_and_closing_stops_the_workers(
    examples: list[Transcript | Failure],
) -> None:
    english = [c for c in examples if isinstance(c, Transcript) and c.language == "en"]
    pulled = 0

    def endless() -> Iterator[Transcript]:
        nonlocal pulled
        for call in itertools.cycle(english):
            pulled += 1
            yield call

    stream = analyze_parallel(endless(), jobs=2, chunk=1, pool_min_words=0)
    got = [next(stream) for _ in range(10)]
    assert [r.call_id for r in got] == [c.call_id for c in itertools.islice(english * 2, 10)]
    # Memory stays flat: the input is read a bounded window ahead of the results.
    assert pulled <= 10 + 32
    assert workers()
    stream.close()  # what Ctrl-C or an early break in the caller does
    assert not workers()


def test_small_input_and_one_job_stay_in_this_process(
    examples: list[Transcript | Failure], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "_Pool", no_pool)
    expected = as_json(analyze_many(examples[:3]))
    assert as_json(analyze_parallel(examples[:1], jobs=4, pool_min_words=0)) == expected[:1]
    assert as_json(analyze_parallel(examples[:3], jobs=4)) == expected  # a few words
    assert as_json(analyze_parallel(examples[:3], jobs=1, pool_min_words=0)) == expected


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="jobs"):
        analyze_parallel([], jobs=0)
    with pytest.raises(ValueError, match="chunk"):
        analyze_parallel([], jobs=2, chunk=0)
    assert parallel.default_jobs() >= 1


def test_cli_score_jobs_2_writes_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both languages, several formats (JSON, CSV, text, VTT), a call with warnings.
    src = tmp_path / "calls"
    src.mkdir()
    for name in SOME_EXAMPLES:
        shutil.copy(EXAMPLES / name, src / name)
    runner = CliRunner()
    one = runner.invoke(app, ["score", str(src), "-o", str(tmp_path / "one"), "--jobs", "1"])
    assert one.exit_code == 0, one.stderr
    monkeypatch.setattr(parallel, "SMALL_INPUT_WORDS", 0)  # the examples are a small input
    two = runner.invoke(app, ["score", str(src), "-o", str(tmp_path / "two"), "--jobs", "2"])
    assert two.exit_code == 0, two.stderr
    lines_one = (tmp_path / "one" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    lines_two = (tmp_path / "two" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines_one) == len(SOME_EXAMPLES)
    for a, b in zip(lines_one, lines_two, strict=True):
        assert a == b
    said = [
        [line for line in r.stderr.splitlines() if line.startswith(("warning:", "error:"))]
        for r in (one, two)
    ]
    assert said[0] == said[1]


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_stops_cleanly_without_worker_tracebacks(tmp_path: Path) -> None:
    # Enough calls for a pool that is still busy when Ctrl-C comes.
    src = many_calls(tmp_path / "calls.jsonl", 1000)
    cmd = [sys.executable, "-m", "verbalkit", "score", str(src), "-o", str(tmp_path / "out")]
    proc = subprocess.Popen(
        [*cmd, "--jobs", "2", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        text=True,
    )
    try:
        deadline = time.monotonic() + TIMEOUT_S
        # The command and its worker (a spawned worker also brings a resource tracker).
        while time.monotonic() < deadline and len(_group(proc.pid)) < 2:
            time.sleep(0.1)
        time.sleep(1.0)
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert "interrupted:" in err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    time.sleep(0.5)
    assert not _group(proc.pid), "worker processes left"


def _group(pgid: int) -> list[str]:
    """Live processes of a process group (not zombies), as ``ps`` lines."""
    out = subprocess.run(
        ["ps", "-o", "stat=,args=", "-g", str(pgid)], capture_output=True, text=True
    ).stdout
    return [line for line in out.splitlines() if line.strip() and not line.lstrip().startswith("Z")]


def test_encoded_in_the_workers_is_what_one_process_writes(
    examples: list[Transcript | Failure],
) -> None:
    import functools

    from verbalkit.parallel import Encoded, encode_parallel
    from verbalkit.report.output import json_line, timeline_text

    items = with_failures(examples)
    analysed = [c for c in analyze_many(items) if not isinstance(c, Failure)]
    got = consume(encode_parallel(items, json_line, jobs=2, chunk=1, pool_min_words=0))
    assert [g.text for g in got if isinstance(g, Encoded)] == [json_line(c) for c in analysed]
    assert [g.call_id for g in got if isinstance(g, Encoded)] == [c.call_id for c in analysed]
    assert sum(isinstance(g, Failure) for g in got) == 3
    text = functools.partial(timeline_text, width=80)
    in_process = consume(encode_parallel(items, text, jobs=1))
    assert [g.text for g in in_process if isinstance(g, Encoded)] == [
        timeline_text(c, width=80) for c in analyze_many(items) if not isinstance(c, Failure)
    ]
    assert not workers(), "workers left running"


def test_scored_calls_digested_in_the_workers_give_the_same_folder_data(
    corpus: list[Transcript | Failure],
) -> None:
    """What ``score --jobs`` does: each call digested where it was scored. The digests carry
    the one-process JSON lines, table rows and agent summary; the whole call comes back
    only as bytes, and unpacks to the very call."""
    from verbalkit.parallel import map_parallel
    from verbalkit.report.folder import CallDigest, digest_scored
    from verbalkit.scoring.agents import summarise_agents
    from verbalkit.tables import call_row

    card = load_scorecard()
    items = with_failures(corpus[:60])
    scored = list(score_many(analyze_many(items), card))
    calls = [s for s in scored if not isinstance(s, Failure)]
    got = consume(map_parallel(items, digest_scored, jobs=2, scorecard=card, pool_min_words=0))
    digests = [g for g in got if isinstance(g, CallDigest)]
    assert [isinstance(g, Failure) for g in got] == [isinstance(s, Failure) for s in scored]
    assert [d.json_line for d in digests] == [
        json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in calls
    ]
    assert [d.call_row for d in digests] == [call_row(s) for s in calls]
    # From a worker the whole call is bytes; from this process (it analyses calls too), the
    # call itself. A digest sent between processes always carries bytes.
    import pickle

    from verbalkit.report.folder import _whole

    sent = [pickle.loads(pickle.dumps(d)) for d in digests]
    assert all(isinstance(d.full, bytes) for d in sent)
    assert [_whole(d.full).to_dict() for d in digests] == [s.to_dict() for s in calls]
    assert [_whole(d.full).to_dict() for d in sent] == [s.to_dict() for s in calls]
    by_digest = summarise_agents(d.agent for d in digests)
    assert by_digest.model_dump() == summarise_agents(calls).model_dump()
    assert not workers(), "workers left running"


def test_calls_built_in_the_workers_fail_and_succeed_as_read_many_does(tmp_path: Path) -> None:
    """``analyze``/``score`` parse files here and build each call in its worker: a call that
    fails its checks (no utterances, times running backwards, no rule pack) is the same
    Failure, in the same place, as when ``read_many`` builds it."""
    from verbalkit.io.reader import Unbuilt, read_many_unbuilt

    good = json.loads((EXAMPLES / "en-card-blocked.json").read_text(encoding="utf-8"))
    lines = [
        good,
        {**good, "call_id": "empty", "utterances": []},
        {
            **good,
            "call_id": "backwards",
            "utterances": [{"speaker": "agent", "text": "Hello there.", "start": 5.0, "end": 1.0}],
        },
        {**good, "call_id": "german", "language": "de"},
        {**good, "call_id": "again"},
    ]
    path = tmp_path / "calls.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in lines) + "{not json\n")
    unbuilt = list(read_many_unbuilt([path]))
    assert sum(isinstance(u, Unbuilt) for u in unbuilt) == 5
    assert as_json(u.build() if isinstance(u, Unbuilt) else u for u in unbuilt) == as_json(
        read_many([path])
    )
    expected = as_json(analyze_many(read_many([path])))
    got = as_json(consume(analyze_parallel(unbuilt, jobs=2, chunk=1, pool_min_words=0)))
    assert got == expected
    assert [json.loads(g).get("Failure") is not None for g in got] == [
        False,
        True,
        True,
        True,
        False,
        True,
    ]
    assert not workers(), "workers left running"
