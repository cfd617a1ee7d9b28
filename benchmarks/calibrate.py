"""Calibrate the alignment model on Tatoeba (the numbers of ``bilingual.model.MODEL``).

    python benchmarks/calibrate.py [--sample 4000] [--seed 1]

1. The length models, over every pair of the 2022 release: mean and standard deviation
   of log(Chinese letters and digits / English non-space characters) for whole texts;
   and for the score's length feature, the log ratio of the characters a translator
   writes (``align.written_chars``): its mean, and its variance by the English length n
   as floor + per_char / n (least squares of the squared deviations on 1/n).
2. The score: a logistic regression over the features of ``align._features`` (length
   plausibility, CC-CEDICT overlap, anchors matched, anchors missed, punctuation), on
   ``--sample`` true pairs against as many false ones: half with the Chinese side
   shuffled, half *partial* (a true pair with an unrelated sentence added to one side, so
   that the alignment prefers leaving a sentence unpaired to gluing it on); plain batch
   gradient descent, standard library only.

The result is printed as a ``Model(...)`` to paste into ``bilingual/model.py`` (the
hand-set weight ``match`` is kept; see the comment there).

Data: ``../shared/data/tatoeba-cmn-manythings`` (Tatoeba, CC BY 2.0 FR).
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import random
import statistics
from pathlib import Path

import regex

from bilingual import align
from bilingual.model import MODEL, LengthModel, Model, Weights

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "tatoeba-cmn-manythings"
#: The fitted weights' names: the intercept, then one per feature of :func:`features`.
WEIGHT_NAMES = ("bias", "length", "lexicon", "match", "miss", "punct")
#: Set by hand in the model, not taken from the fit.
HAND_SET = ("match",)


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


def _line(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Intercept and slope of the least-squares line through ``(xs, ys)``.

    >>> _line([1.0, 2.0, 3.0], [3.0, 5.0, 7.0])
    (1.0, 2.0)
    """
    slope, intercept = statistics.linear_regression(xs, ys)
    return intercept, slope


def short_length_model(pairs: list[tuple[str, str]]) -> LengthModel:
    """The score's length model: the log written-length ratio, its variance by length."""
    ns, logs = [], []
    for en, zh in pairs:
        n_en, n_zh = align.written_chars(en, "en"), align.written_chars(zh, "zh")
        if n_en and n_zh:
            ns.append(n_en)
            logs.append(math.log(n_zh / n_en))
    mean = statistics.fmean(logs)
    floor, per_char = _line([1 / n for n in ns], [(r - mean) ** 2 for r in logs])
    return LengthModel(mean=round(mean, 3), floor=round(floor, 3), per_char=round(per_char, 3))


def features(en: str, zh: str) -> list[float]:
    """The model's inputs for one pair, as the score uses them."""
    length, lexical, matched, missed, punct = align._features(
        align._en_side(en), align._zh_side(zh)
    )
    cap = MODEL.anchor_cap
    return [length, lexical, min(matched, cap), min(missed, cap), punct]


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


def refit(
    mean: float, sd: float, length: LengthModel, w: list[float], base: Model = MODEL
) -> Model:
    """``base`` with the fitted numbers (rounded as the model writes them), hand-set kept.

    >>> m = refit(MODEL.log_ratio_mean, MODEL.log_ratio_sd, MODEL.length,
    ...           [*MODEL.weights.as_tuple()[:3], -0.09, *MODEL.weights.as_tuple()[4:]])
    >>> m == MODEL, refit(-1.2, 0.3, MODEL.length, [-8.0, 7.0, 7.0, 0.1, -0.7, 2.0]).version
    (True, 4)
    """
    fitted = dict(zip(WEIGHT_NAMES, (round(v, 2) for v in w), strict=True))
    fitted.update({name: getattr(base.weights, name) for name in HAND_SET})
    new = dataclasses.replace(
        base,
        log_ratio_mean=round(mean, 3),
        log_ratio_sd=round(sd, 3),
        length=length,
        weights=Weights(**fitted),
    )
    return new if new == base else dataclasses.replace(new, version=base.version + 1)


def model_source(model: Model) -> str:
    """The fitted part of ``model`` as a ``Model(...)`` expression (other fields default).

    >>> print(model_source(MODEL))  # doctest: +NORMALIZE_WHITESPACE
    Model(version=3, log_ratio_mean=-1.093, log_ratio_sd=0.254,
          length=LengthModel(mean=-1.099, floor=0.02, per_char=1.007),
          weights=Weights(bias=-8.92, length=7.37, lexicon=7.47, match=1.0, miss=-0.97, punct=2.17))
    """
    weights = ", ".join(f"{n}={getattr(model.weights, n)!r}" for n in WEIGHT_NAMES)
    return (
        f"Model(version={model.version!r}, log_ratio_mean={model.log_ratio_mean!r}, "
        f"log_ratio_sd={model.log_ratio_sd!r},\n      length={model.length!r},"
        f"\n      weights=Weights({weights}))"
    )


def partial_alignments(pairs: list[tuple[str, str]], n: int, seed: int) -> tuple[int, int]:
    """How many of ``n`` partial pairs the alignment gets exactly right, and ``n``.

    A partial pair is a true pair (English over 20 characters) with an unrelated sentence
    added before or after one side; right is the true pair as one bead and the stray
    sentence unmatched, the failure a length model can cause (gluing the stray on).
    """
    pool = [p for p in pairs if len(p[0]) > 20]
    rng = random.Random(seed)
    right = 0
    for k in range(n):
        (en, zh), (x_en, x_zh) = rng.sample(pool, 2)
        cases = [
            (f"{en} {x_en}", zh, [(en, zh), (x_en, "")]),
            (f"{x_en} {en}", zh, [(x_en, ""), (en, zh)]),
            (en, zh + x_zh, [(en, zh), ("", x_zh)]),
            (en, x_zh + zh, [("", x_zh), (en, zh)]),
        ]
        english, chinese, want = cases[k % 4]
        got = [(p.en, p.zh) for p in align.align_sentences(english, chinese)]
        right += got == want
    return right, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--partial", type=int, default=0, metavar="N",
        help="only check the running model: align N partial pairs, print how many are right",
    )  # fmt: skip
    args = ap.parse_args()
    pairs = load()
    if args.partial:
        right, n = partial_alignments(pairs, args.partial, args.seed)
        print(f"partial pairs aligned right: {right}/{n} = {right / n:.3f} (model {MODEL.version})")
        return
    mean, sd = length_model(pairs)
    print(f"length model on {len(pairs)} pairs: log_ratio_mean={mean:.3f} log_ratio_sd={sd:.3f}")
    length = short_length_model(pairs)
    print(f"score's length model: {length!r}")
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
    print(
        "logistic weights:", " ".join(f"{n}={v:.2f}" for n, v in zip(WEIGHT_NAMES, w, strict=True))
    )
    model = refit(mean, sd, length, w)
    print(f"as a model (hand-set: {', '.join(HAND_SET)}; same as MODEL: {model == MODEL}):")
    print(model_source(model))


if __name__ == "__main__":
    main()
