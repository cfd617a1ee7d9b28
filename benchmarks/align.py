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
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bilingual import Options, align, process_file
from bilingual.model import MODEL
from bilingual.sentences import split_en, split_zh

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
MAKE_DUMP = SHARED / "bench" / "make_dump.py"
TATOEBA = SHARED / "data" / "tatoeba-cmn-manythings" / "v2022-simplified" / "cmn.txt"


def make_dump(size_mb: float, seed: int, workdir: Path) -> tuple[Path, list[dict[str, object]]]:
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
    units = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
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


def gale_church(en: str, zh: str, c: float, s2: float) -> list[tuple[str, str]]:
    """Length-only alignment (Gale & Church 1993): the 1-1, 2-1, ... pairs it finds."""
    es, zs = split_en(en), split_zh(zh)
    el = [e - s - en[s:e].count(" ") for s, e in es]
    zl = [e - s for s, e in zs]
    n, m = len(es), len(zs)
    cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for (di, dj), prior in MODEL.bead_priors:
                if (i, j) == (0, 0) or di > i or dj > j:
                    continue
                l1, l2 = sum(el[i - di : i]), sum(zl[j - dj : j])
                mean = (l1 + l2 / c) / 2 or 1.0
                delta = (l2 - l1 * c) / math.sqrt(mean * s2)
                p = max(2 * (1 - 0.5 * (1 + math.erf(abs(delta) / math.sqrt(2)))), 1e-12)
                step = -math.log(prior) - math.log(p)
                if cost[i - di][j - dj] + step < cost[i][j]:
                    cost[i][j] = cost[i - di][j - dj] + step
                    back[i][j] = (di, dj)
    pairs, i, j = [], n, m
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


def sentence_f1(units: list[dict[str, object]]) -> None:
    """Strict sentence-pair F1 on headline units, ours against Gale & Church."""
    heads = [u for u in units if u["kind"] == "headline"]
    c, s2 = gale_church_params()
    gold_n = sum(len(u["en"]) for u in heads)  # type: ignore[arg-type]
    results = {}
    for name in ("bilingual", "gale-church"):
        tp = predicted = 0
        start = time.perf_counter()
        for u in heads:
            en, zh = " ".join(u["en"]), "".join(u["zh"])  # type: ignore[arg-type]
            if name == "bilingual":
                got = [(p.en, p.zh) for p in align.align_sentences(en, zh) if p.en and p.zh]
            else:
                got = gale_church(en, zh, c, s2)
            gold = set(zip(u["en"], u["zh"], strict=True))  # type: ignore[call-overload]
            predicted += len(got)
            tp += sum(1 for g in got if g in gold)
        results[name] = (*f1(tp, predicted, gold_n), time.perf_counter() - start)
    print(f"sentence pairs on {len(heads)} headline units ({gold_n} gold pairs), strict:")
    print(f"  {'':12} {'precision':>9} {'recall':>7} {'F1':>6} {'units/s':>8}")
    for name, (p, r, f, secs) in results.items():
        print(f"  {name:12} {p:9.3f} {r:7.3f} {f:6.3f} {len(heads) / secs:8.0f}")


def crossline(dump: Path, units: list[dict[str, object]], threshold: float) -> None:
    """Cross-line pair precision and recall against the alternating units."""
    gold = {
        (int(u["line"]), int(u["line"]) + 1)
        for u in units  # type: ignore[call-overload]
        if u["kind"] == "alternating"
    }
    start = time.perf_counter()
    found = set()
    n = 0
    options = Options(pair_threshold=threshold)
    with dump.open("rb") as stream:
        records = list(process_file(stream, options, source=dump.name))
    for r in records:
        n += 1
        for p in r.pairs:
            if p.en_id and p.zh_id:
                a, b = (int(x.rsplit(":", 1)[1]) for x in (p.en_id, p.zh_id))
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
