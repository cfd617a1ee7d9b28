"""Peak memory and speed of ``bilingual split`` by input size and ``--jobs``.

    python benchmarks/memory.py --sizes 20,100 --jobs 1,2 [--args "--dedup"]

Builds seeded dumps with ../shared/bench/make_dump.py (or reads ``--dump FILE``), then
runs ``python -m bilingual split DUMP -o /dev/null --jobs J`` for each size and J, in
the same run, one after the other. For each run it prints the wall time, the CPU time
of the run and its workers (user + sys from ``os.wait4``), MB/s of CPU time and of wall
time, and the peak RSS of the largest process (the parent or one worker), then for
each size the wall and CPU ratios of every J to the first. Wall ratios mean something
only on an otherwise idle machine; say how loaded it was.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_DUMP = ROOT.parent / "shared" / "bench" / "make_dump.py"


def run(dump: Path, jobs: int, extra: list[str]) -> dict[str, float]:
    """One ``bilingual split`` run: wall and CPU seconds, peak RSS in MB."""
    command = [sys.executable, "-m", "bilingual", "split", str(dump), "-o", os.devnull,
               "--jobs", str(jobs), *extra]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{shlex.join(command)} failed")
    # wait4 reports the child and the workers it waited for; ru_maxrss is the largest.
    cpu = usage.ru_utime + usage.ru_stime
    return {"wall": wall, "cpu": cpu, "rss": usage.ru_maxrss / 1024}


def dump_of(size: int, folder: Path) -> Path:
    path = folder / f"dump{size}.txt"
    if not path.exists():
        subprocess.run([sys.executable, str(MAKE_DUMP), "--size-mb", str(size), "--seed", "1",
                        "-o", str(path)], check=True)  # fmt: skip
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20", help="dump sizes in MB, comma-separated")
    parser.add_argument("--jobs", default="1,2", help="--jobs values, comma-separated")
    parser.add_argument("--dump", type=Path, help="measure this file instead of new dumps")
    parser.add_argument("--args", default="", help="more bilingual split arguments")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    ns = parser.parse_args()
    extra = shlex.split(ns.args)
    jobs = [int(j) for j in ns.jobs.split(",")]
    dumps = [ns.dump] if ns.dump else [dump_of(int(s), ns.dir) for s in ns.sizes.split(",")]
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'input':>12} {'MB':>7} {'jobs':>4} {'wall s':>8} {'cpu s':>8} "
          f"{'MB/s cpu':>8} {'MB/s wall':>9} {'peak RSS MB':>11}")  # fmt: skip
    for dump in dumps:
        mb = dump.stat().st_size / 1e6
        results = []
        for j in jobs:
            r = run(dump, j, extra)
            results.append(r)
            rates = f"{mb / r['cpu']:8.2f} {mb / r['wall']:9.2f}"
            print(f"{dump.name:>12} {mb:7.1f} {j:4d} {r['wall']:8.1f} {r['cpu']:8.1f} "
                  f"{rates} {r['rss']:11.1f}", flush=True)  # fmt: skip
        for j, r in zip(jobs[1:], results[1:], strict=True):
            first = results[0]
            speed, cpu = first["wall"] / r["wall"], r["cpu"] / first["cpu"]
            print(f"{dump.name}: --jobs {j} vs --jobs {jobs[0]}: wall {speed:.2f}x faster, "
                  f"CPU {cpu:.2f}x as much")  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
