"""Cost of one long utterance: tagging time per 1,000 words at 1,000 and at 40,000 words.

Issue 8: one long utterance used to be quadratic (4,000 words 3 s, 16,000 words 56 s).
This times :func:`verbalkit.tag` on one agent utterance of about 1,000 and one of about
40,000 words, per language, built by joining real agent lines (the dev set when the shared
data is present, else the lines below) so that the rules fire as they do on real text; the
"unpunctuated" variant drops punctuation and case, as ASR output does. It prints seconds per
1,000 words and the ratio of the long to the short cost; the target is at most
``TARGET_RATIO``. ``--check`` exits 1 when a ratio is above it.

Run it with ``python benchmarks/long_utterance.py`` (``make bench`` runs it too).
"""

from __future__ import annotations

import argparse
import csv
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


def best_of(repeats: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeats`` timed runs, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["sv", "en"], action="append", help="default: both")
    parser.add_argument("--long-words", type=int, default=LONG_WORDS)
    parser.add_argument("--check", action="store_true", help=f"exit 1 above {TARGET_RATIO}x")
    args = parser.parse_args(argv)

    from verbalkit.analysis import tag

    over = False
    print(
        f"{'':19} {'words':>7} {'seconds':>8} {'s/1k words':>11}   ratio (target <= {TARGET_RATIO})"
    )
    for lang in args.lang or ["sv", "en"]:
        lines, source = agent_lines(lang)
        tag(lines[0], lang)  # build the pipeline outside the timings
        print(f"{lang}: {source}")
        for punctuated in (True, False):
            style = "punctuated" if punctuated else "unpunctuated"
            costs = []
            for n_words, repeats in ((SHORT_WORDS, 5), (args.long_words, 2)):
                text = utterance(lines, n_words, punctuated=punctuated)
                words = len(text.split())
                seconds = best_of(repeats, lambda text=text, lang=lang: tag(text, lang))
                costs.append(seconds / words * 1000)
                print(f"  {style:17} {words:>7} {seconds:8.2f} {costs[-1]:11.3f}")
            ratio = costs[1] / costs[0]
            over = over or ratio > TARGET_RATIO
            verdict = "ok" if ratio <= TARGET_RATIO else "ABOVE TARGET"
            print(f"  {style:17} {'':>7} {'':>8} {'':>11}   {ratio:.2f}x {verdict}")
    return 1 if over and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
