"""Start-up cost of the CC-CEDICT lexicon: one line through the CLI, and the load itself.

    python benchmarks/startup.py [--repeat 5]

Measures in one run, every figure the median of ``--repeat`` fresh processes (Linux):

* ``python -m bilingual split FILE`` on a one-line bilingual headline: wall time and the
  child's peak RSS (``os.wait4``), with the cache unusable (the directory cannot be made,
  so every process parses CC-CEDICT: today's behaviour), cold (cache removed before each
  run: parse and write) and warm (cache present);
* in-process: the time, retained RSS and peak RSS growth of getting the lexicon:
  ``lexicon()`` without a cache (today's parse into frozensets), ``index()`` without a
  cache (the parse into strings), ``index()`` from the cache, and, for reference, a pickle
  of today's dict of frozensets;
* the ratios of warm to today's.

The cache lives in a temporary directory (``BILINGUAL_CACHE_DIR``); the user's is untouched.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADLINE = "Typhoon signal 8 is up. 八號風球已經掛起。\n"

LOADER = """
import gc, json, os, pickle, resource, sys, time
from pathlib import Path
from bilingual import lexicon as L

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

mode = sys.argv[1]
gc.collect()
before = rss()
start = time.perf_counter()
if mode == "pickle":
    obj = pickle.loads(Path(sys.argv[2]).read_bytes())
elif mode == "lexicon":
    obj = L.lexicon()
else:
    obj = L.index()
seconds = time.perf_counter() - start
gc.collect()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"s": seconds, "kept": rss() - before, "peak": peak - before, "n": len(obj)}))
"""

PICKLER = """
import pickle, sys
from bilingual import lexicon as L
with open(sys.argv[1], "wb") as out:
    pickle.dump(L.lexicon(), out, protocol=pickle.HIGHEST_PROTOCOL)
"""


def _env(cache: Path) -> dict[str, str]:
    """The environment of a child: this checkout first on the path, the given cache dir."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed
    return {**env, "PYTHONPATH": path, "BILINGUAL_CACHE_DIR": str(cache)}


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, int, bytes]:
    """Wall seconds, peak RSS in bytes and standard output of one child process."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            raise SystemExit(f"{argv} exited with {child.returncode}")
        out.seek(0)
        return seconds, usage.ru_maxrss * 1024, out.read()


def cli_runs(headline: Path, cache: Path, mode: str, repeat: int) -> tuple[float, int, bytes]:
    """Median wall time and peak RSS of ``bilingual split`` in a cache ``mode``."""
    argv = [sys.executable, "-m", "bilingual", "split", str(headline)]
    where = cache / "not-a-dir" / "cache" if mode == "no cache" else cache / "cache"
    times, peaks, outputs = [], [], set()
    for _ in range(repeat):
        if mode == "cold":
            shutil.rmtree(where, ignore_errors=True)
        seconds, peak, stdout = _run(argv, _env(where))
        times.append(seconds)
        peaks.append(peak)
        outputs.add(stdout)
    if len(outputs) != 1:
        raise SystemExit(f"{mode}: the output changed between runs")
    return statistics.median(times), int(statistics.median(peaks)), outputs.pop()


def load_runs(cache: Path, mode: str, extra: list[str], repeat: int) -> dict[str, float]:
    """Median seconds, retained and peak RSS growth of getting the lexicon in a child."""
    rows = []
    for _ in range(repeat):
        _, _, stdout = _run([sys.executable, "-c", LOADER, mode, *extra], _env(cache))
        rows.append(json.loads(stdout))
    return {key: statistics.median(row[key] for row in rows) for key in ("s", "kept", "peak", "n")}


def _mb(n: float) -> str:
    return f"{n / 1e6:7.1f} MB"


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="processes per figure (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "not-a-dir").write_text("blocks the cache directory")
        headline = base / "headline.txt"
        headline.write_text(HEADLINE, encoding="utf-8")
        print(f"python {sys.version.split()[0]}; `bilingual split` on {HEADLINE.strip()!r}")
        print(f"median of {args.repeat} processes each\n")
        cli = {m: cli_runs(headline, base, m, args.repeat) for m in ("no cache", "cold", "warm")}
        if len({out for _, _, out in cli.values()}) != 1:
            raise SystemExit("the CLI's output differs between cache modes")
        print(f"{'CLI, one line':<34}{'wall':>9}{'peak RSS':>12}")
        for mode, (seconds, peak, _) in cli.items():
            label = "no cache (today: parse each run)" if mode == "no cache" else mode
            print(f"  {label:<32}{seconds:8.3f}s{_mb(peak):>12}")

        _run([sys.executable, "-c", PICKLER, str(base / "lexicon.pickle")], _env(base / "x"))
        blocked, warm = base / "not-a-dir" / "cache", base / "cache"
        loads = {
            "lexicon() parse (today)": load_runs(blocked, "lexicon", [], args.repeat),
            "index() parse, no cache": load_runs(blocked, "index", [], args.repeat),
            "index() from cache (warm)": load_runs(warm, "index", [], args.repeat),
            "pickle of today's dict (ref)": load_runs(
                warm, "pickle", [str(base / "lexicon.pickle")], args.repeat
            ),
        }
        print(f"\n{'lexicon load, in process':<34}{'time':>9}{'kept':>12}{'peak':>12}{'words':>9}")
        for label, row in loads.items():
            print(
                f"  {label:<32}{row['s']:8.3f}s{_mb(row['kept']):>12}{_mb(row['peak']):>12}"
                f"{int(row['n']):>9}"
            )

        today, fast = loads["lexicon() parse (today)"], loads["index() from cache (warm)"]
        print("\nratios (today / warm)")
        print(f"  CLI wall     {cli['no cache'][0] / cli['warm'][0]:6.1f}x")
        print(f"  CLI peak RSS {cli['no cache'][1] / cli['warm'][1]:6.1f}x")
        print(f"  load time    {today['s'] / fast['s']:6.1f}x")
        print(f"  load memory  {today['kept'] / fast['kept']:6.1f}x (retained)")


if __name__ == "__main__":
    main()
