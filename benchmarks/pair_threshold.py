"""Choose the score threshold of pairs within a line on the dev split of our labelled set.

    python benchmarks/pair_threshold.py [--data PATH] [--check]

Every line of ``benchmarks/data/segments.jsonl`` (README there) is split
(:func:`bilingual.split`) and its candidate pair found
(:func:`bilingual.pipeline.message_candidates`); the candidates that the named rules of
:mod:`bilingual.pairing` refuse whatever their score (English that is no text, a label,
a name and its transcription, a trailing term) are left out. Over the **dev** split only,
the script then prints, per threshold, the pairs kept and:

* **decision P**: the share of kept pairs on lines whose gold holds a pair: whether a
  pair was right to be made at all, which is all a threshold decides (a pair whose
  boundaries are off is a segmentation error that no threshold mends);
* **exact P**: the share of kept pairs equal to a gold pair (texts after whitespace
  normalisation, as ``benchmarks/accuracy.py`` counts them);
* **recall**: the share of the gold pairs within one line that a kept pair equals.

The chosen threshold is the lowest (on a 0.01 grid) whose decision precision is at least
0.98: the one that keeps most pairs at that precision. The held-out **test** split is
scored only at that threshold, never used to choose it. ``--check`` fails unless
``MODEL.pair_threshold`` is the chosen value.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accuracy import DATA, load, normalise, prf

from bilingual import split
from bilingual.model import MODEL
from bilingual.pairing import refusal
from bilingual.pipeline import message_candidates

#: The precision the issue asks pairs to reach.
TARGET = 0.98
#: The thresholds tried: 0.00, 0.01, ..., 1.00.
GRID = tuple(k / 100 for k in range(101))


@dataclass(frozen=True, slots=True)
class Scored:
    """One candidate pair: its score and whether it is a right decision / a gold pair."""

    score: float
    decision: bool
    exact: bool
    label: str


@dataclass(frozen=True, slots=True)
class Split:
    """A split's candidates (those no score-free rule refuses) and its in-line gold pairs."""

    candidates: tuple[Scored, ...]
    gold: int


def in_line(row: dict[str, Any], pair: dict[str, str]) -> bool:
    """Do both sides of a gold pair stand on one line of the row?"""
    return any(pair["en"] in line and pair["zh"] in line for line in row["text"].split("\n"))


def candidates(rows: Sequence[dict[str, Any]], split_name: str) -> Split:
    """The scored candidates of one split."""
    found: list[Scored] = []
    gold = 0
    for row in rows:
        if row["split"] != split_name:
            continue
        inline = [p for p in row["pairs"] if in_line(row, p)]
        gold += len(inline)
        want = {(normalise(p["en"]), normalise(p["zh"])) for p in inline}
        for line in row["text"].split("\n"):
            for pair, layout in message_candidates(split(line)):
                if refusal(pair, layout, threshold=0.0) is not None:
                    continue
                exact = (normalise(pair.en), normalise(pair.zh)) in want
                label = f"{row['id']}: {pair.en!r} / {pair.zh!r}"
                found.append(Scored(pair.score, bool(want), exact, label))
    return Split(tuple(found), gold)


def figures(data: Split, threshold: float) -> tuple[int, float, float, float]:
    """Pairs kept, decision precision, exact precision and recall at ``threshold``."""
    kept = [c for c in data.candidates if c.score >= threshold]
    decision = prf(sum(c.decision for c in kept), len(kept), data.gold)[0]
    exact_p, recall, _ = prf(sum(c.exact for c in kept), len(kept), data.gold)
    return len(kept), decision, exact_p, recall


def choose(data: Split) -> float:
    """The lowest threshold of :data:`GRID` whose decision precision reaches the target."""
    return next(t for t in GRID if figures(data, t)[1] >= TARGET)


def main(argv: list[str] | None = None) -> int:
    """Print the dev sweep, the chosen threshold and the test figures at it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--check", action="store_true", help="fail unless MODEL agrees")
    args = parser.parse_args(argv)
    rows = load(args.data)
    dev = candidates(rows, "dev")
    chosen = choose(dev)
    print(f"dev: {len(dev.candidates)} candidates, {dev.gold} gold pairs within a line")
    print(f"{'threshold':>9}{'kept':>6}{'decision P':>12}{'exact P':>9}{'recall':>8}")
    last = None
    for t in GRID:
        row = figures(dev, t)
        if row[0] != last or t == chosen:  # only where the kept set changes
            mark = "  <- chosen" if t == chosen else ""
            print(f"{t:>9.2f}{row[0]:>6}{row[1]:>12.3f}{row[2]:>9.3f}{row[3]:>8.3f}{mark}")
            last = row[0]
    wrong = "; ".join(f"{c.score:.3f} {c.label}" for c in dev.candidates if not c.decision)
    print(f"dev pairs that are no translation: {wrong}")
    kept, decision, exact_p, recall = figures(candidates(rows, "test"), chosen)
    print(f"\nchosen on dev: {chosen:.2f} (MODEL.pair_threshold is {MODEL.pair_threshold})")
    print(f"held-out test at {chosen:.2f}: kept {kept}, decision P {decision:.3f}, "
          f"exact P {exact_p:.3f}, recall {recall:.3f}")  # fmt: skip
    if args.check and chosen != MODEL.pair_threshold:
        print("MODEL.pair_threshold differs from the chosen threshold", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
