"""Alignment benchmark: sentence pairs and cross-line pairs against make_dump.py's gold.

    python benchmarks/align.py [--size-mb 2] [--seed 1] [--threshold 0.5]

Builds a dump from Tatoeba with ``../shared/bench/make_dump.py --gold`` and reports:

* **sentence-pair strict F1** on the ``headline`` units: align ``" ".join(en)`` with
  ``"".join(zh)`` and compare the predicted (English, Chinese) pairs with the gold 1-1
  pairs, exactly; ours against a Gale & Church (1993) length-only baseline implemented
  here (same sentence splitter, same beads, character lengths);
* **cross-line pair precision / recall**: the ``alternating`` units (an English line and
  its Chinese line) are the true pairs; every other pair found is a false one;
* throughput of both stages.

The records come from the real pipeline (format detection, segmentation, labels,
cross-line pairing), as ``bilingual split`` makes them.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypedDict

from bilingual import Options, align, process_file
from bilingual.model import MODEL
from bilingual.sentences import split_en, split_zh

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
MAKE_DUMP = SHARED / "bench" / "make_dump.py"
TATOEBA = SHARED / "data" / "tatoeba-cmn-manythings" / "v2022-simplified" / "cmn.txt"


class Unit(TypedDict):
    """One gold unit of make_dump.py (the fields this benchmark reads)."""

    kind: str
    line: int
    en: list[str]
    zh: list[str]


def make_dump(size_mb: float, seed: int, workdir: Path) -> tuple[Path, list[Unit]]:
    """Run make_dump.py; return the dump's path and its gold units."""
    dump, gold = workdir / "dump.txt", workdir / "dump.gold.jsonl"
    subprocess.run(
        [
            sys.executable,
            str(MAKE_DUMP),
            "--size-mb",
            str(size_mb),
            "--seed",
            str(seed),
            "-o",
            str(dump),
            "--gold",
            str(gold),
        ],
        check=True,
    )
    units: list[Unit] = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
    return dump, units


def gale_church_params() -> tuple[float, float]:
    """c and s2 of Gale & Church's length model, estimated on Tatoeba characters."""
    pairs = []
    for line in TATOEBA.read_text(encoding="utf-8-sig").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2:
            pairs.append((len(cols[0].replace(" ", "")), len(cols[1].strip())))
    c = sum(z for _, z in pairs) / sum(e for e, _ in pairs)
    s2 = sum((z - c * e) ** 2 / e for e, z in pairs if e) / len(pairs)
    return c, s2


def _length_cost(en_lengths: list[int], zh_lengths: list[int], c: float, s2: float) -> float:
    """-log of the probability that the summed lengths translate each other."""
    l1, l2 = sum(en_lengths), sum(zh_lengths)
    mean = (l1 + l2 / c) / 2 or 1.0
    delta = (l2 - l1 * c) / math.sqrt(mean * s2)
    return -math.log(max(2 * (1 - 0.5 * (1 + math.erf(abs(delta) / math.sqrt(2)))), 1e-12))


def _best_bead(
    i: int, j: int, cost: list[list[float]], el: list[int], zl: list[int], *, c: float, s2: float
) -> tuple[float, tuple[int, int]]:
    """The cheapest bead ending at cell ``(i, j)``: the cell's cost and the bead's shape."""
    best, back = math.inf, (0, 0)
    for (di, dj), prior in MODEL.bead_priors:
        if di > i or dj > j:
            continue
        step = -math.log(prior) + _length_cost(el[i - di : i], zl[j - dj : j], c, s2)
        if cost[i - di][j - dj] + step < best:
            best, back = cost[i - di][j - dj] + step, (di, dj)
    return best, back


def gale_church(en: str, zh: str, c: float, s2: float) -> list[tuple[str, str]]:
    """Length-only alignment (Gale & Church 1993): the 1-1, 2-1, ... pairs it finds."""
    es, zs = split_en(en), split_zh(zh)
    el = [e - s - en[s:e].count(" ") for s, e in es]
    zl = [e - s for s, e in zs]
    n, m = len(es), len(zs)
    cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i, j in itertools.product(range(n + 1), range(m + 1)):
        if (i, j) != (0, 0):
            cost[i][j], back[i][j] = _best_bead(i, j, cost, el, zl, c=c, s2=s2)
    return _paired_texts(back, en, es, zh, zs)


def _paired_texts(
    back: list[list[tuple[int, int]]],
    en: str,
    es: tuple[tuple[int, int], ...],
    zh: str,
    zs: tuple[tuple[int, int], ...],
) -> list[tuple[str, str]]:
    """The texts of the beads that pair both sides, traced back from the last cell."""
    pairs, i, j = [], len(es), len(zs)
    while i or j:
        di, dj = back[i][j]
        if di and dj:
            pairs.append((en[es[i - di][0] : es[i - 1][1]], zh[zs[j - dj][0] : zs[j - 1][1]]))
        i, j = i - di, j - dj
    return pairs[::-1]


def f1(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ours(en: str, zh: str) -> list[tuple[str, str]]:
    return [(p.en, p.zh) for p in align.align_sentences(en, zh) if p.en and p.zh]


def _run_aligner(
    aligner: Callable[[str, str], list[tuple[str, str]]], heads: list[Unit], gold_n: int
) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and seconds of one aligner over the headline units."""
    tp = predicted = 0
    start = time.perf_counter()
    for u in heads:
        got = aligner(" ".join(u["en"]), "".join(u["zh"]))
        gold = set(zip(u["en"], u["zh"], strict=True))
        predicted += len(got)
        tp += sum(1 for g in got if g in gold)
    return (*f1(tp, predicted, gold_n), time.perf_counter() - start)


def sentence_f1(units: list[Unit]) -> None:
    """Strict sentence-pair F1 on headline units, ours against Gale & Church."""
    heads = [u for u in units if u["kind"] == "headline"]
    c, s2 = gale_church_params()
    gold_n = sum(len(u["en"]) for u in heads)
    aligners: dict[str, Callable[[str, str], list[tuple[str, str]]]] = {
        "bilingual": _ours,
        "gale-church": lambda en, zh: gale_church(en, zh, c, s2),
    }
    results = {name: _run_aligner(aligner, heads, gold_n) for name, aligner in aligners.items()}
    print(f"sentence pairs on {len(heads)} headline units ({gold_n} gold pairs), strict:")
    print(f"  {'':12} {'precision':>9} {'recall':>7} {'F1':>6} {'units/s':>8}")
    for name, (p, r, f, secs) in results.items():
        print(f"  {name:12} {p:9.3f} {r:7.3f} {f:6.3f} {len(heads) / secs:8.0f}")


def crossline(dump: Path, units: list[Unit], threshold: float) -> None:
    """Cross-line pair precision and recall against the alternating units."""
    gold = {(u["line"], u["line"] + 1) for u in units if u["kind"] == "alternating"}
    start = time.perf_counter()
    found = set()
    n = 0
    options = Options(pair_threshold=threshold)
    with dump.open("rb") as stream:
        records = list(process_file(stream, options, source=dump.name))
    for record in records:
        n += 1
        for pair in record.pairs:
            if pair.en_id and pair.zh_id:
                a, b = (int(x.rsplit(":", 1)[1]) for x in (pair.en_id, pair.zh_id))
                found.add((min(a, b), max(a, b)))
    secs = time.perf_counter() - start
    p, r, f = f1(len(found & gold), len(found), len(gold))
    mb = dump.stat().st_size / 1e6
    print(f"cross-line pairs at threshold {threshold}: {len(found)} found, {len(gold)} gold")
    print(f"  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print(f"  throughput {n / secs:,.0f} records/s, {mb / secs:.2f} MB/s ({secs:.1f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threshold", type=float, default=MODEL.cross_line_threshold)
    args = ap.parse_args()
    if not MAKE_DUMP.exists():
        sys.exit(f"{MAKE_DUMP} not found: the benchmark needs the shared data")
    with tempfile.TemporaryDirectory() as tmp:
        dump, units = make_dump(args.size_mb, args.seed, Path(tmp))
        sentence_f1(units)
        crossline(dump, units, args.threshold)


if __name__ == "__main__":
    main()
