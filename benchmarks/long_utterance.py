"""Cost of one long utterance: tagging time per 1,000 words at 1,000 and at 40,000 words.

Issue 8: one long utterance used to be quadratic (4,000 words 3 s, 16,000 words 56 s).
This times :func:`verbalkit.tag` on one agent utterance of about 1,000 and one of about
40,000 words, per language, built by joining real agent lines (the dev set when the shared
data is present, else the lines below) so that the rules fire as they do on real text; the
"unpunctuated" variant drops punctuation and case, as ASR output does. It prints seconds per
1,000 words, in CPU time (``time.process_time``; the machine may be shared) beside wall
time, each the fastest of its runs, and the ratio of the long to the short cost (CPU); the
target is at most ``TARGET_RATIO``. ``--check`` exits 1 when a ratio is above it; ``--json``
prints one JSON object a measurement instead of the table.

Run it with ``python benchmarks/long_utterance.py`` (``make bench`` runs it too, one fresh
process per language).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: The 40,000-word utterance may cost at most this much more per word than the 1,000-word one.
TARGET_RATIO = 1.5
SHORT_WORDS = 1_000
LONG_WORDS = 40_000

#: Agent lines used when the shared dev set is absent.
FALLBACK_LINES = {
    "sv": [
        "Åh nej, vad tråkigt. Hur såg det ut när du packade upp kassen?",
        "Så det var inte bara äggen, brödet blev också förstört, och det mitt i kalasförberedelserna.",
        "Jag makulerar fakturan nu och du får en ny slutfaktura inom fem dagar.",
        "Har du kvittot kvar?",
        "Du måste kontakta leverantören själv, det är deras fel att leveransen blev sen.",
        "Jag förstår att det är jobbigt. Vill du att vi skickar en ny kasse eller ska vi "
        "kreditera beloppet?",
        "Tack för att du väntade. Jag ringer dig på fredag och hör hur det gick.",
    ],
    "en": [
        "I'm sorry to hear that. Can you walk me through what happened at the station?",
        "So you were charged twice for the same ticket?",
        "When you're ready, could you read me the meter number?",
        "I'll refund the duplicate charge today and you'll get an email within 24 hours.",
        "That's not our fault, the courier keeps losing parcels.",
        "What would be a fair outcome for you? We could send a replacement or a voucher.",
        "Thanks for waiting. I'll call you back on Friday to check it's working.",
    ],
}


def shared_data() -> Path:
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def agent_lines(lang: str) -> tuple[list[str], str]:
    """Real agent lines of ``lang`` and where they come from."""
    path = shared_data() / "dev" / f"utterances_{lang}.csv"
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as f:
            lines = [row["agent_text"] for row in csv.DictReader(f) if row["agent_text"].strip()]
        if lines:
            return lines, str(path)
    return FALLBACK_LINES[lang], "built-in lines"


def utterance(lines: list[str], n_words: int, *, punctuated: bool) -> str:
    """About ``n_words`` words of agent speech: the lines joined, repeated as needed."""
    out: list[str] = []
    count = 0
    while count < n_words:
        line = lines[len(out) % len(lines)]
        if not punctuated:
            line = re.sub(r"[.,!?;:…]", "", line).lower()
        out.append(line)
        count += len(line.split())
    return " ".join(out)


def best_of(repeats: int, run: Callable[[], object]) -> tuple[float, float]:
    """The fastest of ``repeats`` timed runs: (CPU seconds, wall seconds), each its minimum."""
    best_cpu = best_wall = float("inf")
    for _ in range(repeats):
        cpu0, wall0 = time.process_time(), time.perf_counter()
        run()
        best_cpu = min(best_cpu, time.process_time() - cpu0)
        best_wall = min(best_wall, time.perf_counter() - wall0)
    return best_cpu, best_wall


def measure(lang: str, long_words: int = LONG_WORDS) -> list[dict[str, object]]:
    """Per text style, the short and the long utterance of ``lang``: words, CPU and wall s."""
    from verbalkit.analysis import tag

    lines, source = agent_lines(lang)
    tag(lines[0], lang)  # build the pipeline outside the timings
    rows: list[dict[str, object]] = []
    for punctuated in (True, False):
        for n_words, repeats in ((SHORT_WORDS, 5), (long_words, 2)):
            text = utterance(lines, n_words, punctuated=punctuated)
            cpu, wall = best_of(repeats, lambda text=text: tag(text, lang))
            rows.append(
                {
                    "lang": lang,
                    "source": source,
                    "style": "punctuated" if punctuated else "unpunctuated",
                    "target_words": n_words,
                    "words": len(text.split()),
                    "cpu_s": cpu,
                    "wall_s": wall,
                }
            )
    return rows


def per_1k(row: dict[str, object], key: str = "cpu_s") -> float:
    """Seconds per 1,000 words of a measurement."""
    return float(row[key]) / float(row["words"]) * 1000  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["sv", "en"], action="append", help="default: both")
    parser.add_argument("--long-words", type=int, default=LONG_WORDS)
    parser.add_argument("--check", action="store_true", help=f"exit 1 above {TARGET_RATIO}x")
    parser.add_argument("--json", action="store_true", help="one JSON object a measurement")
    args = parser.parse_args(argv)

    over = False
    if not args.json:
        print(
            f"{'':19} {'words':>7} {'CPU s':>7} {'wall s':>7} {'s/1k CPU':>9} {'s/1k wall':>10}"
            f"   ratio, CPU (target <= {TARGET_RATIO})"
        )
    for lang in args.lang or ["sv", "en"]:
        rows = measure(lang, args.long_words)
        if args.json:
            for row in rows:
                print(json.dumps(row, ensure_ascii=False))
        else:
            print(f"{lang}: {rows[0]['source']}")
        for short, long in zip(rows[::2], rows[1::2], strict=True):
            ratio = per_1k(long) / per_1k(short)
            over = over or ratio > TARGET_RATIO
            if args.json:
                continue
            for row in (short, long):
                print(
                    f"  {row['style']:17} {row['words']:>7} {row['cpu_s']:7.2f} "
                    f"{row['wall_s']:7.2f} {per_1k(row):9.3f} {per_1k(row, 'wall_s'):10.3f}"
                )
            verdict = "ok" if ratio <= TARGET_RATIO else "ABOVE TARGET"
            print(f"  {short['style']:17} {'':>44}   {ratio:.2f}x {verdict}")
    return 1 if over and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
