"""Throughput and peak memory of `bilingual split` on a Tatoeba-built dump.

    python benchmarks/throughput.py --size-mb 20

Builds a dump with ../shared/bench/make_dump.py (seeded), then measures, each in its own
process on one core, in the same run:
- ``bilingual``: decode, parse (auto), segment, label, pair, JSONL (messages layout);
- ``bilingual --simplify``: the same with OpenCC conversion;
- ``io-floor``: decode lines and write each as a JSON string (the cost of I/O alone);
- ``langdetect/line``: langdetect on every line, the naive way to label a dump
  (measured on the first 2,000 lines and reported per MB).
Prints MB/s, peak RSS and each throughput as a ratio to bilingual's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"

RUNNERS = {
    "bilingual": """
import sys
from bilingual import Options, process_file
from bilingual.writers.jsonl import write_jsonl
with open(sys.argv[1], "rb") as f, open("/dev/null", "w", encoding="utf-8") as out:
    write_jsonl(process_file(f, Options(), source="dump"), out)
""",
    "bilingual --simplify": """
import sys
from bilingual import Options, process_file
from bilingual.writers.jsonl import write_jsonl
with open(sys.argv[1], "rb") as f, open("/dev/null", "w", encoding="utf-8") as out:
    write_jsonl(process_file(f, Options(simplify="tw2s"), source="dump"), out)
""",
    "io-floor": """
import json, sys
from bilingual.decode import read_lines
with open(sys.argv[1], "rb") as f, open("/dev/null", "w", encoding="utf-8") as out:
    for n, line in read_lines(f, source="dump"):
        out.write(json.dumps({"line": n, "text": line}, ensure_ascii=False) + "\\n")
""",
    "langdetect/line": """
import itertools, sys
from langdetect import DetectorFactory, detect
from langdetect.lang_detect_exception import LangDetectException
DetectorFactory.seed = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in itertools.islice(f, 2000):
        try:
            detect(line)
        except LangDetectException:
            pass
""",
}


_PEAK = "\nimport resource\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"


def measure(name: str, dump: Path) -> tuple[float, float, int]:
    """Seconds, megabytes processed, peak RSS in KiB of one runner in a child process."""
    start = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", RUNNERS[name] + _PEAK, str(dump)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    peak = int(child.stdout.split()[-1])
    size = dump.stat().st_size
    if name == "langdetect/line":
        with dump.open("rb") as f:
            size = sum(len(line) for _, line in zip(range(2000), f, strict=False))
    return seconds, size / 1e6, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    maker = SHARED / "bench" / "make_dump.py"
    if not maker.is_file():
        sys.exit(f"needs {maker} (the team's shared folder beside the repository)")
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "dump.txt"
        subprocess.run(
            [sys.executable, str(maker), "--size-mb", str(args.size_mb), "--seed",
             str(args.seed), "-o", str(dump)],
            check=True,
        )  # fmt: skip
        results = {name: measure(name, dump) for name in RUNNERS}
    base = results["bilingual"][1] / results["bilingual"][0]
    print(f"dump: {args.size_mb} MB, seed {args.seed}; one process each, one core")
    print(f"{'runner':22} {'MB/s':>8} {'x bilingual':>12} {'peak RSS MB':>12}")
    rows = {}
    for name, (seconds, mb, peak) in results.items():
        rate = mb / seconds
        rows[name] = {"mb_per_s": round(rate, 3), "peak_rss_mb": round(peak / 1024, 1)}
        print(f"{name:22} {rate:8.2f} {rate / base:12.2f} {peak / 1024:12.1f}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
