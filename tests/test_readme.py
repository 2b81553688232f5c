"""The README's examples agree with the code."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import verbalkit

REPO = Path(__file__).resolve().parents[1]


def _shape_matches(doc: Any, real: Any, where: str = "$") -> list[str]:
    """Differences in keys and kinds between the README's example and a real result."""
    if isinstance(doc, dict):
        if not isinstance(real, dict):
            return [f"{where}: README has an object, the code gives {type(real).__name__}"]
        out = []
        if set(doc) != set(real):
            out.append(f"{where}: keys differ: README {sorted(set(doc) ^ set(real))}")
        for key in set(doc) & set(real):
            out += _shape_matches(doc[key], real[key], f"{where}.{key}")
        return out
    if isinstance(doc, list):
        if not isinstance(real, list):
            return [f"{where}: README has a list, the code gives {type(real).__name__}"]
        if doc and real:
            return _shape_matches(doc[0], real[0], f"{where}[0]")
        return []
    numbers = isinstance(doc, int | float) and isinstance(real, int | float)
    if doc is not None and real is not None and type(doc) is not type(real) and not numbers:
        return [f"{where}: README {doc!r}, the code {real!r}"]
    return []


def test_readme_scored_json_is_what_score_gives() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- scored-json[^>]*-->\s*```json\n(.*?)\n```", text, re.S)
    assert block, "the README has no scored-json example"
    doc = json.loads(block.group(1))
    real = verbalkit.score(verbalkit.analyze(verbalkit.read(REPO / "examples/sv-faktura.csv")))
    data = real.to_dict()
    assert _shape_matches(doc, data) == []
    # The figures quoted are the real ones, not an old run's.
    assert doc["overall"] == data["overall"]
    assert doc["priorities"][0]["key"] == data["priorities"][0]["key"]
    assert doc["priorities"][0]["suggestion"] == data["priorities"][0]["suggestion"]
