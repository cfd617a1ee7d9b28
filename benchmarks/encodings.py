"""Accuracy of encoding detection on short Chinese texts: bilingual vs charset-normalizer.

    python benchmarks/encodings.py [-n 1000] [--seed 0]

Samples held-out Tatoeba sentences (the lines ``benchmarks/common_han.py`` leaves out of the
common-character table): Traditional ones encoded in Big5 and in GB18030, Simplified ones
in GB18030 (and both in UTF-16LE without BOM), as 1-3 sentences and cut to 6 characters.
A detection is right when the bytes decode with the detected codec to the original text.
Prints one table, with charset-normalizer's column when it is installed.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from common_han import sentences

from bilingual.decode import detect_encoding
from bilingual.errors import InputError

#: (script, codec) pairs measured; Big5 cannot encode Simplified text.
CASES = (
    ("t", "big5"),
    ("t", "gb18030"),
    ("s", "gb18030"),
    ("t", "utf-16-le"),
    ("s", "utf-16-le"),
)
SIX = 6

Detector = Callable[[bytes], str | None]


def ours(data: bytes) -> str | None:
    """bilingual's guess."""
    try:
        return detect_encoding(data).encoding
    except InputError:
        return None


def charset_normalizer_detector() -> Detector | None:
    """charset-normalizer's best guess, if it is installed."""
    try:
        from charset_normalizer import from_bytes  # noqa: PLC0415
    except ImportError:
        return None

    def detect(data: bytes) -> str | None:
        best = from_bytes(data).best()
        return None if best is None else best.encoding

    return detect


def samples(texts: list[str], codec: str, n: int, *, six: bool, rng: random.Random) -> list[str]:
    """``n`` texts of 1-3 random sentences (or their first six characters) ``codec`` encodes."""
    found: list[str] = []
    while len(found) < n:
        text = "".join(rng.choice(texts) for _ in range(rng.randint(1, 3)))
        while six and len(text) < SIX:
            text += rng.choice(texts)
        text = text[:SIX] if six else text
        try:
            text.encode(codec)
        except UnicodeEncodeError:
            continue
        found.append(text)
    return found


def right(detector: Detector, text: str, codec: str) -> tuple[bool, str | None]:
    """Whether ``detector`` finds a codec that gives ``text`` back, and which it found."""
    data = text.encode(codec)
    guess = detector(data)
    try:
        return guess is not None and data.decode(guess) == text, guess
    except (UnicodeDecodeError, LookupError):
        return False, guess


def main() -> None:
    """Print the accuracy table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="texts per row")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    detectors: dict[str, Detector] = {"bilingual": ours}
    if (other := charset_normalizer_detector()) is not None:
        detectors["charset-normalizer"] = other
    pools = {script: sentences(script, held_out=True) for script in "st"}
    header = f"{'text':<13}{'encoding':<11}{'length':<8}{'n':>6}"
    print(header + "".join(f"{name:>20}" for name in detectors) + "  most frequent wrong guesses")
    for script, codec in CASES:
        for six in (False, True):
            rng = random.Random(f"{args.seed}-{script}-{codec}-{six}")
            texts = samples(pools[script], codec, args.n, six=six, rng=rng)
            row = f"{'Traditional' if script == 't' else 'Simplified':<13}{codec:<11}"
            row += f"{'6 chars' if six else '1-3 sent':<8}{len(texts):>6}"
            wrong: dict[str, collections.Counter[str | None]] = {}
            for name, detector in detectors.items():
                results = [right(detector, text, codec) for text in texts]
                wrong[name] = collections.Counter(g for ok, g in results if not ok)
                row += f"{sum(ok for ok, _ in results) / len(texts):>20.1%}"
            row += "  " + "; ".join(
                f"{name}: {', '.join(f'{g} {c}' for g, c in counts.most_common(2))}"
                for name, counts in wrong.items()
                if counts
            )
            print(row)


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"({time.perf_counter() - started:.0f} s)")
