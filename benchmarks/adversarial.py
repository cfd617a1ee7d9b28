"""Time of `bilingual.split` on hostile inputs, and its growth per 10x of length.

    python benchmarks/adversarial.py [--sizes 4 5 6] [--rss-mb 50]

Each pattern is built at 10^4, 10^5 and 10^6 characters and split once per repeat (the
fastest repeat counts); one more row runs a single-line input end to end through
`bilingual.process`. Prints a table of seconds with the ratio of each size's time to the
previous one, and exits 1 if any ratio is above ``--max-ratio`` (12: linear time gives
about 10). With ``--rss-mb``, also prints the peak RSS of ``bilingual split`` in a child process on
files of that many MB that are one long line: plain text, CR line ends only, and a chat
export whose messages are separated by U+2028; and on WhatsApp exports holding one message
of that size, on one line or on many (its parts are given out as it is read).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import subprocess
import sys
import tempfile
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
    "hashtag + quoted Han, no space": lambda n: "#iPhone「對」" * (n // 10),
}
END_TO_END = "process: (word + Han word)*n"


def _split(text: str) -> None:
    bilingual.split(text)


def _process(text: str) -> None:
    list(bilingual.process([text], source="bench"))


def best_time(run: Callable[[str], None], text: str, repeat: int) -> float:
    """The fastest of ``repeat`` calls of ``run(text)``, in seconds of CPU time.

    The garbage of the calls before is collected first, so that it is not counted.
    """
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        run(text)
        best = min(best, time.process_time() - start)
    return best


def measure(sizes: list[int]) -> dict[str, list[float]]:
    """Seconds per pattern and size (five repeats up to 10^4 characters, then 3)."""
    jobs = [(name, build, _split) for name, build in PATTERNS.items()]
    jobs.append((END_TO_END, PATTERNS["(word + Han word)*n"], _process))
    _split("warm up: 中文 and English, http://a.b/c a@b.com #tag @me")
    table = {}
    for name, build, run in jobs:
        table[name] = [best_time(run, build(n), 5 if n <= 10**4 else 3) for n in sizes]
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


_WHATSAPP_HEAD = "1/5/23, 3:07 PM - Amy: hi\n1/5/23, 3:08 PM - Bo: "
_WHATSAPP_TAIL = "\n1/5/23, 3:09 PM - Amy: bye\n"
#: Kind of long input -> how it starts, the unit it repeats and how it ends.
ONE_LINE: dict[str, tuple[str, str, str]] = {
    "one line": ("", "Some English words, 一些中文字。 ", "\n"),
    "CR-only": ("", "Some English words, 一些中文字。\r", ""),
    "U+2028 chat": (
        "",
        "[05/01/2023, 22:15:03] Amy: Hello there 你好嗎\u2028"
        "[05/01/2023, 22:15:09] Bo: Fine, thanks! 很好\u2028",
        "\n",
    ),
    "WhatsApp message, one line": (
        _WHATSAPP_HEAD,
        "Some English words, 一些中文字。 ",
        _WHATSAPP_TAIL,
    ),
    "WhatsApp message, many lines": (
        _WHATSAPP_HEAD,
        "Some English words, 一些中文字。 And a second sentence.\n",
        _WHATSAPP_TAIL,
    ),
}


def one_line_bytes(kind: str, size: int) -> bytes:
    """About ``size`` bytes of UTF-8: the start of ``kind``, its unit repeated, its ending.

    >>> len(one_line_bytes("CR-only", 1000)) <= 1000 < len(one_line_bytes("CR-only", 1000)) + 40
    True
    """
    head, unit, ending = ONE_LINE[kind]
    data = unit.encode()
    return head.encode() + data * (size // len(data)) + ending.encode()


def peak_rss_mb(path: Path) -> tuple[float, float]:
    """Peak RSS (MB) and CPU seconds of ``bilingual split`` over ``path`` in a child process."""
    command = [sys.executable, "-m", "bilingual", "split", str(path), "-o", os.devnull]
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed with status {status}")
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def rss_report(mb: int) -> None:
    """Print the peak RSS of ``bilingual split`` on each kind of long input of ``mb`` MB."""
    with tempfile.TemporaryDirectory() as folder:
        for name in ONE_LINE:
            path = Path(folder) / "input.txt"
            path.write_bytes(one_line_bytes(name, mb * 2**20))
            size = path.stat().st_size / 2**20
            peak, seconds = peak_rss_mb(path)
            print(f"peak RSS, split on {name} ({size:.0f} MB): {peak:.0f} MB, {seconds:.0f} s CPU")


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
        rss_report(args.rss_mb)
    print("ok" if ok else f"FAIL: a growth ratio is above {args.max_ratio}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
