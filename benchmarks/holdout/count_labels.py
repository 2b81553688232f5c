"""Counts per behaviour for the verbalkit hold-out CSVs (standard library only)."""

import csv
from pathlib import Path

COLS = [
    "open_question",
    "closed_question",
    "restating",
    "sympathy",
    "apology",
    "thanking",
    "solution",
    "collaboration",
    "expectation",
    "follow_up",
    "demanding",
    "blaming",
]
HEADER = ["id", "prev_customer_text", "agent_text", *COLS, "jargon_terms"]


def count(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(path, encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == HEADER, "bad header"
    c = {k: sum(int(r[k]) for r in rows) for k in COLS}
    c["rows"] = len(rows)
    c["jargon_rows"] = sum(1 for r in rows if r["jargon_terms"])
    c["jargon_terms"] = sum(len(r["jargon_terms"].split("|")) for r in rows if r["jargon_terms"])
    c["no_behaviour"] = sum(
        1 for r in rows if not r["jargon_terms"] and all(r[k] == "0" for k in COLS)
    )
    c["two_plus"] = sum(1 for r in rows if sum(int(r[k]) for k in COLS) >= 2)
    c["asr_style"] = sum(
        1
        for r in rows
        if r["agent_text"] == r["agent_text"].lower()
        and not any(p in r["agent_text"] for p in ".,?!")
    )
    for r in rows:
        for t in filter(None, r["jargon_terms"].split("|")):
            assert t in r["agent_text"], (r["id"], t)
    return c


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    sv, en = count(here / "holdout_sv.csv"), count(here / "holdout_en.csv")
    print("| column | sv | en |\n|---|---:|---:|")
    for k in [
        "rows",
        *COLS,
        "jargon_rows",
        "jargon_terms",
        "no_behaviour",
        "two_plus",
        "asr_style",
    ]:
        print(f"| {k} | {sv[k]} | {en[k]} |")
