"""Analysis and scores match the stored fingerprints (benchmarks/reference/).

Speed work must not change a single tag: this compares today's output on the dev calls, the
dev utterances and the first 300 corpus calls with the SHA-256 fingerprints stored when the
reference was made. After a deliberate change to the rules or the scorecard, rewrite them
with ``python benchmarks/reference/make_reference.py`` and say why in the commit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks" / "reference"))

import make_reference  # noqa: E402

STORED = json.loads(make_reference.FINGERPRINTS.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "limit"), [("dev-calls", None), ("dev-utterances", None), ("corpus", 300)]
)
def test_output_matches_the_reference(name: str, limit: int | None) -> None:
    if not make_reference.shared().is_dir():
        pytest.skip(f"shared data not found at {make_reference.shared()}")
    now = make_reference.fingerprints(name, limit)
    assert now, f"no calls in {name}"
    differ = [key for key, value in now.items() if STORED[name].get(key) != value]
    assert not differ, f"{len(differ)} of {len(now)} calls differ from the reference: {differ[:5]}"
