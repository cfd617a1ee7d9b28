"""Peak memory and speed of ``bilingual split`` by input size and ``--jobs``.

    python benchmarks/memory.py --sizes 20,100 --jobs 1,2 [--args "--dedup"]
    python benchmarks/memory.py --telegram-mb 200 --jobs 1 [--repo ../main]

Builds seeded dumps with ../shared/bench/make_dump.py (or reads ``--dump FILE``), and
with ``--telegram-mb N`` a Telegram Desktop JSON export of about N MB (seeded chat
messages, pretty-printed as Telegram Desktop writes it) and the same minified onto one
line (only these, unless ``--sizes`` is given too). It then runs ``python -m bilingual
split INPUT -o /dev/null --jobs J`` (the ``bilingual`` of ``--repo``, by default this
checkout) for each input and J, in the same run, one after the other. For each run it
prints the wall time, the CPU time of the run and its workers (user + sys from
``os.wait4``), MB/s of CPU time and of wall time, and the peak RSS of the largest
process (the parent or one worker), then for each input the wall and CPU ratios of
every J to the first. Wall ratios mean something
only on an otherwise idle machine; say how loaded it was.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_DUMP = ROOT.parent / "shared" / "bench" / "make_dump.py"


def run(dump: Path, jobs: int, extra: list[str], repo: Path = ROOT) -> dict[str, float]:
    """One ``bilingual split`` run: wall and CPU seconds, peak RSS in MB."""
    command = [sys.executable, "-m", "bilingual", "split", str(dump), "-o", os.devnull,
               "--jobs", str(jobs), *extra]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=repo)
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


#: Words of the generated Telegram messages (written for this benchmark).
_WORDS = (
    "tea market rain trip phone update match school price train food see you at the "
    "station tomorrow morning 今天 下雨 我們 明天 見 火車站 早上 好的 謝謝 價格 學校"
).split()


def telegram_messages(count: int, seed: int = 1) -> list[dict[str, object]]:
    """``count`` seeded messages shaped as Telegram Desktop exports them.

    >>> telegram_messages(2)[1]["from"], len(telegram_messages(5))
    ('Ben', 5)
    """
    rng = random.Random(seed)
    messages: list[dict[str, object]] = []
    for number in range(1, count + 1):
        text = " ".join(rng.choices(_WORDS, k=rng.randint(4, 30)))
        messages.append({"id": number, "type": "message",
                         "date": f"2023-05-{1 + number % 28:02d}T18:{number % 60:02d}:00",
                         "date_unixtime": str(1_684_576_800 + number),
                         "from": ("Amy", "Ben", "陳大文")[number % 3], "from_id": "user1",
                         "text": text,
                         "text_entities": [{"type": "plain", "text": text}]})  # fmt: skip
    return messages


def telegram_export(size_mb: int, folder: Path) -> tuple[Path, Path]:
    """A Telegram JSON export of about ``size_mb`` MB, pretty-printed as Telegram Desktop
    writes it (one-space indent), and the same minified onto one line."""
    pretty, minified = folder / f"telegram{size_mb}.json", folder / f"telegram{size_mb}-min.json"
    if pretty.exists() and minified.exists():
        return pretty, minified
    batch = telegram_messages(1000)
    size = len(json.dumps(batch, ensure_ascii=False, indent=1).encode())
    rounds = max(1, size_mb * 1_000_000 // size)
    with pretty.open("w", encoding="utf-8") as out, minified.open("w", encoding="utf-8") as one:
        out.write('{\n "name": "Tea Lovers",\n "type": "private_group",\n "id": 1,\n "messages": [')
        one.write('{"name":"Tea Lovers","type":"private_group","id":1,"messages":[')
        for index in range(rounds * len(batch)):
            message = dict(batch[index % len(batch)], id=index + 1)
            text = json.dumps(message, ensure_ascii=False, indent=1).replace("\n", "\n  ")
            out.write(("," if index else "") + "\n  " + text)
            one.write(("," if index else "") + json.dumps(message, ensure_ascii=False,
                                                          separators=(",", ":")))  # fmt: skip
        out.write("\n ]\n}\n")
        one.write("]}")
    return pretty, minified


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="dump sizes in MB, comma-separated (default 20)")
    parser.add_argument("--telegram-mb", type=int, help="measure Telegram JSON of this size")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the checkout to run")
    parser.add_argument("--jobs", default="1,2", help="--jobs values, comma-separated")
    parser.add_argument("--dump", type=Path, help="measure this file instead of new dumps")
    parser.add_argument("--args", default="", help="more bilingual split arguments")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    ns = parser.parse_args()
    extra = shlex.split(ns.args)
    jobs = [int(j) for j in ns.jobs.split(",")]
    sizes = ns.sizes or ("" if ns.telegram_mb else "20")
    dumps = [ns.dump] if ns.dump else [dump_of(int(s), ns.dir) for s in sizes.split(",") if s]
    if ns.telegram_mb:
        dumps.extend(telegram_export(ns.telegram_mb, ns.dir))
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"bilingual of {ns.repo.resolve()}")
    print(f"{'input':>20} {'MB':>7} {'jobs':>4} {'wall s':>8} {'cpu s':>8} "
          f"{'MB/s cpu':>8} {'MB/s wall':>9} {'peak RSS MB':>11}")  # fmt: skip
    for dump in dumps:
        mb = dump.stat().st_size / 1e6
        results = []
        for j in jobs:
            r = run(dump, j, extra, ns.repo)
            results.append(r)
            rates = f"{mb / r['cpu']:8.2f} {mb / r['wall']:9.2f}"
            print(f"{dump.name:>20} {mb:7.1f} {j:4d} {r['wall']:8.1f} {r['cpu']:8.1f} "
                  f"{rates} {r['rss']:11.1f}", flush=True)  # fmt: skip
        for j, r in zip(jobs[1:], results[1:], strict=True):
            first = results[0]
            speed, cpu = first["wall"] / r["wall"], r["cpu"] / first["cpu"]
            print(f"{dump.name}: --jobs {j} vs --jobs {jobs[0]}: wall {speed:.2f}x faster, "
                  f"CPU {cpu:.2f}x as much")  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
