"""False masks on real text: how much of the SGD corpus personal-data redaction masks.

The Schema-Guided Dialogue corpus (``shared/data/corpus/sgd.jsonl``, English) is real
crowd-written customer-service dialogue about restaurants, events, music, films, travel and
banking, written by nobody here. It holds almost no personal data, so the share of its
utterances that :func:`verbalkit.find_personal_data` masks is close to a false-mask rate on
text of a kind the redaction sets do not cover. Only aggregates are printed, never a row or
a masked value: dialogues 0-4000 are for development (look at them as you like), 6000-10000
are held out and measured only this way (``benchmarks/redaction/README.md``, "Real text").

    python benchmarks/redaction_sgd.py 6000 8000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def corpus() -> Path | None:
    """The SGD corpus file, or None when the shared data is not there."""
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    root = Path(env) if env else REPO.parent / "shared" / "data"
    path = root / "corpus" / "sgd.jsonl"
    return path if path.is_file() else None


def count(path: Path, lo: int, hi: int) -> dict[str, Any]:
    """Utterances, utterances with a mask (by speaker) and masks by kind in dialogues
    ``lo``..``hi - 1`` (line numbers of the JSON Lines file)."""
    import verbalkit

    n_utt = n_masked = 0
    by_role: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i < lo:
                continue
            if i >= hi:
                break
            for u in json.loads(line)["utterances"]:
                n_utt += 1
                found = verbalkit.find_personal_data(u["text"], "en")
                if found:
                    n_masked += 1
                    by_role[u["speaker"]] += 1
                kinds.update(p.kind for p in found)
    return {
        "dialogues": f"{lo}-{hi}",
        "utterances": n_utt,
        "with_a_mask": n_masked,
        "share": round(n_masked / n_utt, 4) if n_utt else 0.0,
        "by_speaker": dict(by_role),
        "masks_by_kind": dict(kinds),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("start", type=int, help="first dialogue (line number, from 0)")
    parser.add_argument("stop", type=int, help="dialogue to stop before")
    args = parser.parse_args(argv)
    path = corpus()
    if path is None:
        print("redaction_sgd: skipped, no shared corpus (set VERBALKIT_SHARED_DATA)")
        return 0
    result = count(path, args.start, args.stop)
    print(
        f"SGD dialogues {result['dialogues']}: {result['utterances']} utterances, "
        f"{result['with_a_mask']} with a mask ({100 * result['share']:.1f} %), "
        f"by speaker {result['by_speaker']}, masks by kind {result['masks_by_kind']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
