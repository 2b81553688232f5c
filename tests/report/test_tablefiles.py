"""The call and agent tables `verbalkit score` writes without pandas are the files pandas
would write for the same rows."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import verbalkit
from verbalkit.report.tablefiles import columns_of, write_csv, write_parquet
from verbalkit.results import calls_frame
from verbalkit.scoring.agents import agent_rows
from verbalkit.tables import CALL_CATEGORIES, call_row

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def scored() -> list[verbalkit.ScoredCall]:
    items = verbalkit.score_many(verbalkit.analyze_many(verbalkit.read_many(EXAMPLES)))
    return [s for s in items if isinstance(s, verbalkit.ScoredCall)]


def _pandas_files(df: pd.DataFrame, tmp: Path) -> tuple[pd.DataFrame, str]:
    df.to_parquet(tmp / "pandas.parquet", index=False)
    df.to_csv(tmp / "pandas.csv", index=False)
    return pd.read_parquet(tmp / "pandas.parquet"), (tmp / "pandas.csv").read_text("utf-8")


def test_calls_table_is_what_pandas_writes(
    scored: list[verbalkit.ScoredCall], tmp_path: Path
) -> None:
    rows = [call_row(s) for s in scored]
    expected_frame, expected_csv = _pandas_files(calls_frame(rows), tmp_path)
    write_parquet(rows, tmp_path / "calls.parquet", categories=CALL_CATEGORIES)
    write_csv(rows, tmp_path / "calls.csv")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "calls.parquet"), expected_frame)
    assert (tmp_path / "calls.csv").read_text("utf-8") == expected_csv
    # Calls with and without a date, a stage that does not apply (None) and warnings.
    assert expected_frame["started_at"].isna().any() and expected_frame["started_at"].notna().any()


def test_agents_table_is_what_pandas_writes(
    scored: list[verbalkit.ScoredCall], tmp_path: Path
) -> None:
    summary = verbalkit.summarise_agents(scored)
    rows, columns = agent_rows(summary)
    summary.to_frame("agents").to_csv(tmp_path / "pandas.csv", index=False)
    write_csv(rows, tmp_path / "agents.csv", columns=columns)
    assert (tmp_path / "agents.csv").read_text("utf-8") == (tmp_path / "pandas.csv").read_text(
        "utf-8"
    )


def test_gaps_types_and_order_follow_pandas(tmp_path: Path) -> None:
    when = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    rows: list[dict[str, Any]] = [
        {"call_id": "b", "n": 3, "gap": 4, "flag": True, "never": None, "at": when, "x": 1.5},
        {"call_id": "a", "n": 5, "gap": None, "flag": False, "never": None, "at": None, "x": 2},
        {"call_id": "b", "n": 7, "gap": 9, "flag": True, "never": None, "at": when, "late": "z"},
    ]
    df = pd.DataFrame(rows)
    df["call_id"] = df["call_id"].astype("category")
    df["at"] = pd.to_datetime(df["at"], utc=True)
    expected_frame, expected_csv = _pandas_files(df, tmp_path)
    assert columns_of(rows) == list(df.columns)
    write_parquet(rows, tmp_path / "t.parquet", categories=["call_id"])
    write_csv(rows, tmp_path / "t.csv")
    got = pd.read_parquet(tmp_path / "t.parquet")
    pd.testing.assert_frame_equal(
        got.drop(columns=["never"]), expected_frame.drop(columns=["never"])
    )
    assert got["never"].isna().all()
    assert (tmp_path / "t.csv").read_text("utf-8") == expected_csv
    assert list(got["call_id"].cat.categories) == ["a", "b"]
