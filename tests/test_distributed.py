"""The Dask engine: a bag of transcripts scored on a local cluster of two worker processes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from verbalkit.analysis import analyze_many
from verbalkit.cli import app
from verbalkit.distributed import (
    from_record,
    read_bag,
    score_bag,
    score_on_dask,
    score_records,
    to_record,
)
from verbalkit.io import read_many
from verbalkit.schema import Failure
from verbalkit.scoring.engine import score_many

pytest.importorskip("distributed", reason="the dask extra is not installed")

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def expected() -> list[dict[str, Any]]:
    """The one-process results of the examples, as records."""
    return [to_record(s) for s in score_many(analyze_many(read_many([EXAMPLES])))]


def test_import_verbalkit_does_not_import_dask() -> None:
    code = (
        "import sys, verbalkit, verbalkit.cli, verbalkit.parallel, verbalkit.distributed\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_score_bag_is_the_one_process_run(client: Any, expected: list[dict[str, Any]]) -> None:
    bag = read_bag([EXAMPLES], npartitions=4)
    got = score_bag(bag).compute()
    assert len(got) == len(expected) == 20
    for a, b in zip(got, expected, strict=True):
        assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    assert from_record(got[0]).to_dict() == expected[0]


def test_score_bag_keeps_failures_in_place(client: Any, expected: list[dict[str, Any]]) -> None:
    import dask.bag as db

    calls = [r for r in read_many([EXAMPLES]) if not isinstance(r, Failure)][:2]
    records: list[Any] = [
        calls[0],  # a model
        to_record(Failure(path="bad.json", message="line 3: not JSON")),  # a read failure
        {"call_id": "x", "utterances": "nope"},  # not a transcript
        json.dumps(calls[1].to_dict()),  # a JSON string
        {**calls[1].to_dict(), "call_id": "no-pack", "language": "xx"},  # cannot be analysed
    ]
    got = score_bag(db.from_sequence(records, npartitions=2)).compute()
    assert [r.get("failure", False) for r in got] == [False, True, True, False, True]
    assert got[0] == expected[0] and got[3] == expected[1]
    assert got[1]["message"] == "line 3: not JSON"
    assert got[2]["call_id"] == "x" and "not a transcript record" in got[2]["message"]
    assert "is not supported" in got[4]["message"]
    assert isinstance(from_record(got[4]), Failure)
    # The same function runs anywhere, e.g. in a Spark executor: no Dask needed.
    assert score_records(records) == got


def test_score_on_dask_streams_in_order(client: Any, expected: list[dict[str, Any]]) -> None:
    items = list(read_many([EXAMPLES]))
    items.insert(5, Failure(path="bad.json", message="not JSON"))
    got = list(score_on_dask(items, scheduler=client.scheduler.address, chunk=3))
    assert [to_record(s) for s in got[:5] + got[6:]] == expected
    assert got[5] == items[5]


def test_cli_engine_dask_on_a_running_scheduler(client: Any, tmp_path: Path) -> None:
    one = runner.invoke(app, ["score", str(EXAMPLES), "-o", str(tmp_path / "one"), "--jobs", "1"])
    assert one.exit_code == 0, one.stderr
    address = client.scheduler.address
    dask = runner.invoke(
        app,
        [
            "score",
            str(EXAMPLES),
            "-o",
            str(tmp_path / "dask"),
            "--engine",
            "dask",
            "--scheduler",
            address,
        ],
    )
    assert dask.exit_code == 0, dask.stderr
    lines_one = (tmp_path / "one" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    lines_dask = (tmp_path / "dask" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines_one) == 20
    for a, b in zip(lines_one, lines_dask, strict=True):
        assert a == b


def test_cli_engine_dask_starts_a_local_cluster(tmp_path: Path) -> None:
    src = tmp_path / "calls"
    src.mkdir()
    for name in ("en-card-blocked.json", "en-refund.vtt"):
        shutil.copy(EXAMPLES / name, src / name)
    one = runner.invoke(app, ["score", str(src), "-o", str(tmp_path / "one"), "--jobs", "1"])
    assert one.exit_code == 0, one.stderr
    dask = runner.invoke(
        app, ["score", str(src), "-o", str(tmp_path / "dask"), "--engine", "dask", "--jobs", "2"]
    )
    assert dask.exit_code == 0, dask.stderr
    assert "2 calls scored, 0 failed" in dask.stderr
    results = "results.jsonl"
    assert (tmp_path / "dask" / results).read_bytes() == (tmp_path / "one" / results).read_bytes()


def test_cli_engine_options_are_checked(tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    wrong = runner.invoke(app, ["score", str(EXAMPLES), "-o", out, "--engine", "spark"])
    assert wrong.exit_code == 2 and "is not local or dask" in wrong.stderr
    alone = runner.invoke(app, ["score", str(EXAMPLES), "-o", out, "--scheduler", "tcp://x:1"])
    assert alone.exit_code == 2 and "--scheduler needs --engine dask" in alone.stderr
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        unreachable = runner.invoke(
            app,
            [
                "score",
                str(EXAMPLES),
                "-o",
                out,
                "--engine",
                "dask",
                "--scheduler",
                "tcp://127.0.0.1:9",
            ],
        )
    assert unreachable.exit_code == 1
    assert "error: cannot reach the Dask scheduler at tcp://127.0.0.1:9" in unreachable.stderr
