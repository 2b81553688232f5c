"""Fingerprints of today's analysis output, so speed work can prove it changed nothing.

For each call, the SHA-256 of its ``verbalkit analyze --json`` line (and of the scored
result), keyed by source and call id. Only hashes are stored: no transcript text leaves
``../shared/data``. ``python benchmarks/reference/make_reference.py`` rewrites
``fingerprints.json``; ``tests/test_reference.py`` and ``--check`` compare against it.

Sets: the dev calls, the Swedish and English dev utterances assembled into calls (one call
per 40 rows), and the first 2,000 corpus calls (the test checks the first 300).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
FINGERPRINTS = HERE / "fingerprints.json"
CORPUS_CALLS = 2000


def shared() -> Path:
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def utterance_calls(path: Path, lang: str, per_call: int = 40) -> Iterator[object]:
    """Dev utterances as calls: customer context (when given) then the agent line."""
    from verbalkit.schema import Transcript, Utterance

    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for k in range(0, len(rows), per_call):
        utts = []
        for row in rows[k : k + per_call]:
            context = (row.get("prev_customer_text") or "").strip()
            if context:
                utts.append(Utterance(speaker="customer", text=context))
            utts.append(Utterance(speaker="agent", text=row.get("agent_text") or ""))
        utts = [u for u in utts if u.text.strip()]
        if utts:
            yield Transcript(
                call_id=f"{path.stem}-{k // per_call:03d}",
                language=lang,
                utterances=utts,
                source=path.name,
            )


def calls(set_name: str, limit: int | None = None) -> Iterator[object]:
    import verbalkit

    root = shared()
    if set_name == "dev-calls":
        yield from verbalkit.read_many([root / "dev" / "calls"])
    elif set_name == "dev-utterances":
        yield from utterance_calls(root / "dev" / "utterances_sv.csv", "sv")
        yield from utterance_calls(root / "dev" / "utterances_en.csv", "en")
    elif set_name == "corpus":
        yield from itertools.islice(
            verbalkit.read_many([root / "corpus" / "sgd.jsonl"]), limit or CORPUS_CALLS
        )


def digest(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def fingerprints(set_name: str, limit: int | None = None) -> dict[str, dict[str, str]]:
    import verbalkit
    from verbalkit.schema import Failure

    out: dict[str, dict[str, str]] = {}
    for item in calls(set_name, limit):
        if isinstance(item, Failure):
            out[f"{item.path}#failed"] = {"analysis": item.message, "score": ""}
            continue
        analysed = verbalkit.analyze(item)  # type: ignore[arg-type]
        scored = verbalkit.score(analysed)
        data = analysed.to_dict()
        data.pop("source", None)
        key = f"{Path(str(item.source)).name}#{item.call_id}"  # type: ignore[attr-defined]
        sdata = scored.to_dict()
        sdata.pop("source", None)
        sdata["call"].pop("source", None)
        out[key] = {"analysis": digest(data), "score": digest(sdata)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    if not shared().is_dir():
        print(f"shared data not found at {shared()}; nothing to do")
        return 0
    sets = {name: fingerprints(name) for name in ("dev-calls", "dev-utterances", "corpus")}
    if args.check:
        stored = json.loads(FINGERPRINTS.read_text(encoding="utf-8"))
        bad = 0
        for name, now in sets.items():
            for key, value in now.items():
                if stored[name].get(key, {}).get("analysis") != value["analysis"]:
                    bad += 1
                    print(f"{name}: {key}: analysis differs")
        print(f"{sum(len(v) for v in sets.values())} calls compared, {bad} differ")
        return 1 if bad else 0
    FINGERPRINTS.write_text(json.dumps(sets, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {FINGERPRINTS}: " + ", ".join(f"{k} {len(v)}" for k, v in sets.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
