"""Time of `bilingual.split` on hostile inputs, and its growth per 10x of length.

    python benchmarks/adversarial.py [--sizes 4 5 6] [--rss-mb 50]

Each pattern is built at 10^4, 10^5 and 10^6 characters and split once per repeat (the
fastest repeat counts); one more row runs a single-line input end to end through
`bilingual.process`. Prints a table of seconds with the ratio of each size's time to the
previous one, and exits 1 if any ratio is above ``--max-ratio`` (12: linear time gives
about 10). With ``--rss-mb``, also prints the peak RSS of a child process that runs
`bilingual.process` over one line of that many MB.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import bilingual  # noqa: E402

#: Pattern name -> text of about ``n`` characters.
PATTERNS: dict[str, Callable[[int], str]] = {
    "code-switch (a+Han)*n": lambda n: "a中" * (n // 2),
    "(word + Han word)*n": lambda n: "word 中文 " * (n // 8),
    "url + closers": lambda n: "http://a" + ")" * (n - 8),
    "a.a.a. + @": lambda n: "a." * (n // 2) + "@",
    "email label chain": lambda n: "x@" + "a." * (n // 2 - 1) + "1",
    "hashtag digits": lambda n: "#" + "1" * (n - 1),
}
END_TO_END = "process: (word + Han word)*n"


def _split(text: str) -> None:
    bilingual.split(text)


def _process(text: str) -> None:
    list(bilingual.process([text], source="bench"))


def best_time(run: Callable[[str], None], text: str, repeat: int) -> float:
    """The fastest of ``repeat`` calls of ``run(text)``, in seconds of CPU time."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run(text)
        best = min(best, time.process_time() - start)
    return best


def measure(sizes: list[int]) -> dict[str, list[float]]:
    """Seconds per pattern and size (five repeats up to 10^4 characters, then 3, then 2)."""
    jobs = [(name, build, _split) for name, build in PATTERNS.items()]
    jobs.append((END_TO_END, PATTERNS["(word + Han word)*n"], _process))
    _split("warm up: 中文 and English, http://a.b/c a@b.com #tag @me")
    table = {}
    for name, build, run in jobs:
        table[name] = [
            best_time(run, build(n), 5 if n <= 10**4 else 3 if n <= 10**5 else 2) for n in sizes
        ]
        print(f"  measured {name}", file=sys.stderr, flush=True)
    return table


def ratios(times: list[float]) -> list[float]:
    """Each time over the one before it.

    >>> ratios([1.0, 10.0, 120.0])
    [10.0, 12.0]
    """
    return [later / max(earlier, 1e-9) for earlier, later in itertools.pairwise(times)]


def report(table: dict[str, list[float]], sizes: list[int], max_ratio: float) -> bool:
    """Print the table; True if every growth ratio is at most ``max_ratio``."""
    ok = True
    heads = [f"{n:>9,}" for n in sizes] + [
        f"x{sizes[k + 1] // sizes[k]:<6}" for k in range(len(sizes) - 1)
    ]
    print(f"{'pattern (seconds; growth per step)':<36}" + " ".join(heads))
    for name, times in table.items():
        growth = ratios(times)
        ok = ok and all(g <= max_ratio for g in growth)
        flags = [f"{g:6.1f}{'!' if g > max_ratio else ' '}" for g in growth]
        print(f"{name:<36}" + " ".join(f"{t:9.3f}" for t in times) + " " + " ".join(flags))
    return ok


def peak_rss_mb(mb: int) -> float:
    """Peak RSS (MB) of a child process that runs ``process`` over one line of ``mb`` MB."""
    code = (
        "import bilingual\n"
        f"line = 'Some English words, 一些中文字。 ' * ({mb} * 2**20 // 40)\n"
        "for _ in bilingual.process([line], source='big'): pass\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    """Measure, print, and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 5, 6], help="powers of 10")
    parser.add_argument("--max-ratio", type=float, default=12.0)
    parser.add_argument("--rss-mb", type=int, default=0, help="also measure peak RSS")
    args = parser.parse_args()
    sizes = [10**p for p in args.sizes]
    ok = report(measure(sizes), sizes, args.max_ratio)
    if args.rss_mb:
        peak = peak_rss_mb(args.rss_mb)
        print(f"peak RSS, one {args.rss_mb} MB line through process: {peak:.0f} MB")
    print("ok" if ok else f"FAIL: a growth ratio is above {args.max_ratio}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
