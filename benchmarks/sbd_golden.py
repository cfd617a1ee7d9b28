"""Score the English sentence splitter on pySBD's 48 golden rules.

    python benchmarks/sbd_golden.py [--verbose]

Reads ``../shared/data/pysbd-golden-rules/english_golden_rules.json`` (MIT, pySBD);
prints ``passed/total`` and the rules that fail.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bilingual.sentences import sentences

RULES = (
    Path(__file__).resolve().parents[1]
    / ".."
    / "shared"
    / "data"
    / "pysbd-golden-rules"
    / "english_golden_rules.json"
)


def failures(path: Path = RULES) -> tuple[int, list[tuple[int, str, list[str], list[str]]]]:
    """The number of rules and the failing ones: (id, rule, expected, got)."""
    rules = json.loads(path.read_text(encoding="utf-8"))
    bad = []
    for r in rules:
        got = list(sentences(r["text"], "en"))
        if got != r["expected"]:
            bad.append((r["id"], r["rule"], r["expected"], got))
    return len(rules), bad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    total, bad = failures()
    print(f"pySBD English golden rules: {total - len(bad)}/{total} passed")
    for _rid, rule, expected, got in bad:
        print(f"  FAIL {rule}")
        if args.verbose:
            print(f"    expected {expected}\n    got      {got}")


if __name__ == "__main__":
    main()
