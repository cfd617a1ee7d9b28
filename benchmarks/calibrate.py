"""Calibrate the alignment model on Tatoeba (the constants in ``bilingual/align.py``).

    python benchmarks/calibrate.py [--sample 4000] [--seed 1]

1. The length model: mean and standard deviation of log(Chinese letters and digits /
   English non-space characters) over every pair of the 2022 release.
2. The score: a logistic regression over the features of ``align._features`` (length
   plausibility, CC-CEDICT overlap, anchors matched, anchors missed, punctuation), on
   ``--sample`` true pairs against as many false ones: half with the Chinese side
   shuffled, half *partial* (a true pair with an unrelated sentence added to one side, so
   that the alignment prefers leaving a sentence unpaired to gluing it on); plain batch
   gradient descent, standard library only.

Data: ``../shared/data/tatoeba-cmn-manythings`` (Tatoeba, CC BY 2.0 FR).
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
from pathlib import Path

import regex

from bilingual import align

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "tatoeba-cmn-manythings"


def load(name: str = "v2022-simplified") -> list[tuple[str, str]]:
    """The (English, Chinese) pairs of one Tatoeba release."""
    pairs = []
    for line in (DATA / name / "cmn.txt").read_text(encoding="utf-8-sig").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2 and cols[0].strip() and cols[1].strip():
            pairs.append((cols[0].strip(), cols[1].strip()))
    return pairs


def length_model(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """Mean and standard deviation of the log length ratio."""
    en_chars, zh_chars = regex.compile(r"\S"), regex.compile(r"[\p{L}\p{N}]")
    logs = []
    for en, zh in pairs:
        n_en, n_zh = len(en_chars.findall(en)), len(zh_chars.findall(zh))
        if n_en and n_zh:
            logs.append(math.log(n_zh / n_en))
    return statistics.fmean(logs), statistics.stdev(logs)


def features(en: str, zh: str) -> list[float]:
    """The model's inputs for one pair, as the score uses them."""
    length, lexical, matched, missed, punct = align._features(
        align._en_side(en), align._zh_side(zh)
    )
    return [length, lexical, min(matched, 3), min(missed, 3), punct]


def fit(xs: list[list[float]], ys: list[int], steps: int = 3000, rate: float = 0.5) -> list[float]:
    """Logistic regression weights [bias, *features] by batch gradient descent."""
    w = [0.0] * (len(xs[0]) + 1)
    for _ in range(steps):
        grad = [0.0] * len(w)
        for x, y in zip(xs, ys, strict=True):
            z = w[0] + sum(wi * xi for wi, xi in zip(w[1:], x, strict=True))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            grad[0] += p - y
            for k, xi in enumerate(x):
                grad[k + 1] += (p - y) * xi
        w = [wi - rate * g / len(xs) for wi, g in zip(w, grad, strict=True)]
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    pairs = load()
    mean, sd = length_model(pairs)
    print(f"length model on {len(pairs)} pairs: LOG_RATIO_MEAN={mean:.3f} LOG_RATIO_SD={sd:.3f}")
    rng = random.Random(args.seed)
    sample = rng.sample(pairs, args.sample)
    shuffled = [zh for _, zh in sample]
    rng.shuffle(shuffled)
    half = len(sample) // 2
    negatives = [(en, zh) for (en, _), zh in zip(sample[:half], shuffled[:half], strict=True)]
    for k, (en, zh) in enumerate(sample[half:]):
        extra_en, extra_zh = rng.choice(pairs)
        negatives.append((f"{en} {extra_en}", zh) if k % 2 else (en, zh + extra_zh))
    xs = [features(en, zh) for en, zh in sample] + [features(en, zh) for en, zh in negatives]
    ys = [1] * len(sample) + [0] * len(negatives)
    w = fit(xs, ys)
    names = ["bias", "length", "lexicon", "matched", "missed", "punct"]
    print("logistic weights:", " ".join(f"{n}={v:.2f}" for n, v in zip(names, w, strict=True)))


if __name__ == "__main__":
    main()
