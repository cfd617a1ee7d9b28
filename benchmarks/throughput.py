"""Throughput, messages per second and peak memory of `bilingual split`, and what it competes with.

    python benchmarks/throughput.py [--size-mb 20] [--chat-mb 5] [--dump FILE] [--curve]

Measures, in one run, each figure in its own child process:

* ``bilingual split FILE -o OUT`` through the command line (``python -m bilingual``) with
  the defaults, ``--simplify`` and ``-f tmx``: MB/s and messages/s from the child's CPU
  time (user + sys, ``os.wait4``; start-up included) and its peak RSS, on
  (a) a Tatoeba-built dump from ``../shared/bench/make_dump.py`` (seeded; ``--dump`` reads
  a ready one instead) and (b) a chat-shaped dump generated here (:func:`chat_dump`):
  short WhatsApp and LINE messages of 20 to 120 characters, speakers and times, some
  bilingual, built from the Tatoeba pairs in ``../shared/data``;
* on the same text: a bare ``regex`` pass finding script runs (the floor of any
  segmenter), langdetect per line and lingua en+zh multi-span (both on a sample of lines;
  lingua from the ``bench`` extra, skipped when it is not installed), each as a ratio to
  ``bilingual`` with the defaults;
* start-up: wall time of one bilingual headline line through the command line (median of 5);
* ``--jobs 1`` / ``--jobs 2`` when the command line has ``--jobs``, and with ``--curve``
  the defaults on 10, 100 and 1000 MB dumps (slow).

The machine is shared, so rates come from CPU time, not wall time; the start-up figure is
wall time (what a user waits for) and moves with the load. The child imports ``bilingual``
from the current ``PYTHONPATH`` (point it at another checkout to measure that one).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
TATOEBA = SHARED / "data" / "tatoeba-cmn-manythings"
HEADLINE = "Typhoon signal 8 is up. 八號風球已經掛起。\n"
SAMPLE_LINES = 2000
NAMES = ("Amy Chan", "陳志明", "Ben", "林美玲", "Priya", "王偉", "Tom Lee", "黃小華")

#: The three command-line runs measured on each dump.
CONFIGS: dict[str, list[str]] = {
    "defaults": [],
    "--simplify": ["--simplify"],
    "-f tmx": ["-f", "tmx"],
}

#: Children that time one competitor in-process (CPU time of the loop only) and print
#: ``seconds bytes``; argv: the files, the sample size.
COMPETITORS: dict[str, str] = {
    "regex script runs": """
import sys, time, regex
runs = regex.compile(r"\\p{Han}+|\\p{Latin}+|\\p{N}+|[^\\p{Han}\\p{Latin}\\p{N}\\s]+")
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:-1]]
start = time.process_time()
n = sum(len(runs.findall(t)) for t in texts)
print(time.process_time() - start, sum(len(t.encode()) for t in texts))
""",
    "langdetect/line": """
import itertools, sys, time
from langdetect import DetectorFactory, detect
from langdetect.lang_detect_exception import LangDetectException
DetectorFactory.seed = 0
lines = [l for p in sys.argv[1:-1] for l in open(p, encoding="utf-8") if l.strip()]
lines = lines[: int(sys.argv[-1])]
start = time.process_time()
for line in lines:
    try:
        detect(line)
    except LangDetectException:
        pass
print(time.process_time() - start, sum(len(l.encode()) for l in lines))
""",
    "lingua en+zh multi": """
import sys, time
from lingua import Language, LanguageDetectorBuilder
d = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.CHINESE).build()
lines = [l for p in sys.argv[1:-1] for l in open(p, encoding="utf-8") if l.strip()]
lines = lines[: int(sys.argv[-1])]
d.detect_multiple_languages_of(lines[0])  # models load lazily: not part of the rate
start = time.process_time()
for line in lines:
    d.detect_multiple_languages_of(line)
print(time.process_time() - start, sum(len(l.encode()) for l in lines))
""",
}


@dataclass(frozen=True, slots=True)
class Run:
    """One child process: CPU seconds (user + sys), wall seconds, peak RSS in bytes."""

    cpu: float
    wall: float
    peak: int
    stdout: bytes


#: A child's environment: as a user's, who has the bytecode an install compiles (a shell
#: with ``PYTHONDONTWRITEBYTECODE`` would recompile every module in every child).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def child(argv: Sequence[str]) -> Run:
    """Run ``argv`` and measure it with ``os.wait4`` (raises when it fails).

    The child runs in the temporary directory: ``python -m`` puts its working directory
    first on ``sys.path``, which would import a checkout there instead of ``PYTHONPATH``'s.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv), stdout=out, stderr=err, cwd=tempfile.gettempdir(), env=CHILD_ENV
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status):
            err.seek(0)
            raise SystemExit(f"{' '.join(argv)} failed:\n{err.read().decode()[-2000:]}")
        out.seek(0)
        return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss * 1024, out.read())


def bilingual(files: Sequence[Path], options: Sequence[str], out: Path) -> Run:
    """``python -m bilingual split FILES -o OUT OPTIONS`` in a child process."""
    return child([sys.executable, "-m", "bilingual", "split", *map(str, files), "-o", str(out),
                  *options])  # fmt: skip


def _chat_text(rng: random.Random, pairs: Sequence[tuple[str, str]]) -> str:
    """One message of 20 to 120 characters: English, Chinese or both (one in five)."""
    shape = rng.random()
    text = ""
    while len(text) < 20:
        en, zh = rng.choice(pairs)
        part = f"{en} {zh}" if shape < 0.2 else en if shape < 0.6 else zh
        text = f"{text} {part}".strip() if text else part
    return text[:120].rstrip()


def chat_dump(directory: Path, size_mb: float, seed: int) -> list[Path]:
    """A WhatsApp (Android) export and a LINE export of short messages, about ``size_mb`` MB.

    Speakers from a fixed list, a minute or two between messages, each message 20 to 120
    characters of Tatoeba English, Chinese or both; deterministic for a given ``seed``.
    """
    rng = random.Random(seed)
    pairs = []
    for release in ("v2021-07-14-mixed", "v2022-simplified"):
        for row in (TATOEBA / release / "cmn.txt").read_text(encoding="utf-8-sig").splitlines():
            cols = row.split("\t")
            if len(cols) >= 2 and cols[0].strip() and cols[1].strip():
                pairs.append((cols[0].strip(), cols[1].strip()))
    half = int(size_mb * 1e6 / 2)
    whatsapp, line = directory / "chat-whatsapp.txt", directory / "chat-line.txt"
    with whatsapp.open("w", encoding="utf-8") as out:
        minute, size = 0, 0
        while size < half:
            minute += rng.randint(0, 2)
            day, hm = divmod(minute, 24 * 60)
            hour, mins = divmod(hm, 60)
            row = (f"{1 + day // 28 % 12}/{1 + day % 28}/23, {(hour - 1) % 12 + 1}:{mins:02d} "
                   f"{'AM' if hour < 12 else 'PM'} - {rng.choice(NAMES)}: "
                   f"{_chat_text(rng, pairs)}\n")  # fmt: skip
            out.write(row)
            size += len(row.encode())  # bytes: --chat-mb is the file size
    with line.open("w", encoding="utf-8") as out:
        out.write("[LINE] Chat history in Bench 測試群\nSaved on: 2023/12/31 23:00\n\n")
        minute, size, day = 0, 0, -1
        while size < half:
            minute += rng.randint(0, 2)
            if minute // (24 * 60) != day:
                day = minute // (24 * 60)
                size += out.write(f"\n2023/{1 + day // 28 % 12:02d}/{1 + day % 28:02d}\n")  # ASCII
            hour, mins = divmod(minute % (24 * 60), 60)
            row = f"{hour:02d}:{mins:02d}\t{rng.choice(NAMES)}\t{_chat_text(rng, pairs)}\n"
            out.write(row)
            size += len(row.encode())  # bytes: --chat-mb is the file size
    return [whatsapp, line]


def make_dump(path: Path, size_mb: float, seed: int) -> Path:
    """A Tatoeba-built dump from the team's ``make_dump.py``."""
    maker = SHARED / "bench" / "make_dump.py"
    if not maker.is_file():
        sys.exit(f"needs {maker} (the team's shared folder beside the repository)")
    subprocess.run([sys.executable, str(maker), "--size-mb", str(size_mb), "--seed", str(seed),
                    "-o", str(path)], check=True)  # fmt: skip
    return path


def has_module(name: str) -> bool:
    """Whether the child's Python can import ``name``."""
    code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({name!r}) is None)"
    return subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def has_jobs() -> bool:
    """Whether this ``bilingual split`` takes ``--jobs``."""
    return b"--jobs" in child([sys.executable, "-m", "bilingual", "split", "--help"]).stdout


@dataclass(frozen=True, slots=True)
class Row:
    """One printed row: a rate in MB/s, messages/s when known, peak RSS."""

    name: str
    mb_per_s: float
    msgs_per_s: float | None = None
    peak: int | None = None


def e2e_rows(label: str, files: Sequence[Path], tmp: Path, jobs: bool) -> list[Row]:
    """The command-line runs on one dump; messages counted from the defaults' JSONL rows."""
    mb = sum(f.stat().st_size for f in files) / 1e6
    rows, messages = [], 0
    configs = dict(CONFIGS)
    if jobs:
        configs |= {"--jobs 1": ["--jobs", "1"], "--jobs 2": ["--jobs", "2"]}
    for name, options in configs.items():
        out = tmp / "out.jsonl"
        run = bilingual(files, options, out if name == "defaults" else Path(os.devnull))
        if name == "defaults":
            with out.open("rb") as f:
                messages = sum(1 for _ in f)
            out.unlink()
        # --jobs N uses N processes: its rate is what the user waits for, so wall time
        seconds = run.wall if name.startswith("--jobs") else run.cpu
        rows.append(Row(f"{label}: {name}", mb / seconds, messages / seconds, run.peak))
    return rows


def competitor_rows(label: str, files: Sequence[Path]) -> list[Row]:
    """The bare regex pass, langdetect and lingua on the same text."""
    rows = []
    for name, code in COMPETITORS.items():
        if name.startswith("lingua") and not has_module("lingua"):
            print(f"({name}: skipped, lingua is not installed: pip install '.[bench]')")
            continue
        sample = str(10**9 if name.startswith("regex") else SAMPLE_LINES)
        run = child([sys.executable, "-c", code, *map(str, files), sample])
        seconds, size = run.stdout.split()
        rows.append(Row(f"{label}: {name}", int(size) / 1e6 / float(seconds), None, run.peak))
    return rows


def startup(tmp: Path, repeat: int = 5) -> tuple[float, int]:
    """Median wall seconds and peak RSS of one bilingual headline through the command line."""
    headline = tmp / "headline.txt"
    headline.write_text(HEADLINE, encoding="utf-8")
    argv = [sys.executable, "-m", "bilingual", "split", str(headline)]
    child(argv)  # warm the lexicon cache and the page cache: a user's steady state
    runs = [child(argv) for _ in range(repeat)]
    return statistics.median(r.wall for r in runs), max(r.peak for r in runs)


def print_rows(rows: Sequence[Row], base: float) -> None:
    """The table: each rate also as a ratio to ``base`` (bilingual, defaults)."""
    print(f"{'run':44} {'MB/s':>8} {'msgs/s':>9} {'x defaults':>10} {'peak RSS MB':>12}")
    for r in rows:
        msgs = f"{r.msgs_per_s:9.0f}" if r.msgs_per_s is not None else f"{'-':>9}"
        peak = f"{r.peak / 1e6:12.1f}" if r.peak is not None else f"{'-':>12}"
        print(f"{r.name:44} {r.mb_per_s:8.3f} {msgs} {r.mb_per_s / base:10.2f} {peak}")


def main() -> None:
    """Build the dumps, measure, print the table and a JSON summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=20.0, help="make_dump.py size")
    parser.add_argument("--chat-mb", type=float, default=5.0, help="chat-shaped dump size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dump", type=Path, help="a ready make_dump.py dump to use instead")
    parser.add_argument("--curve", action="store_true", help="also 10, 100 and 1000 MB dumps")
    args = parser.parse_args()
    jobs = has_jobs()
    summary: dict[str, dict[str, float | None]] = {}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        made = None if args.dump else make_dump(tmp / "dump.txt", args.size_mb, args.seed)
        dump = made or args.dump.resolve()
        chat = chat_dump(tmp, args.chat_mb, args.seed)
        seconds, peak = startup(tmp)
        print(f"python {sys.version.split()[0]}; rates from the child's CPU time (user+sys, "
              f"start-up included), not wall time: the machine is shared and loaded")  # fmt: skip
        for label, files in (("dump", [dump]), ("chat", chat)):
            mb = sum(f.stat().st_size for f in files) / 1e6
            print(f"\n{label}: {', '.join(f.name for f in files)} ({mb:.1f} MB)")
            rows = e2e_rows(label, files, tmp, jobs)
            rows += competitor_rows(label, files)
            print_rows(rows, rows[0].mb_per_s)
            for r in rows:
                summary[r.name] = {"mb_per_s": round(r.mb_per_s, 3),
                                   "msgs_per_s": r.msgs_per_s and round(r.msgs_per_s),
                                   "peak_rss_mb": r.peak and round(r.peak / 1e6, 1)}  # fmt: skip
        if not jobs:
            print("\n(--jobs: skipped, this bilingual has no --jobs)")
        if args.curve:
            print("\nsize curve (defaults, CPU time)")
            for size in (10.0, 100.0, 1000.0):
                path = make_dump(tmp / f"curve{size:g}.txt", size, args.seed)
                run = bilingual([path], [], Path(os.devnull))
                print(f"  {size:6g} MB {size / run.cpu:8.3f} MB/s {run.peak / 1e6:8.1f} MB peak")
                rate, peak_mb = round(size / run.cpu, 3), round(run.peak / 1e6, 1)
                summary[f"curve {size:g} MB"] = {"mb_per_s": rate, "peak_rss_mb": peak_mb}
                path.unlink()
    print(f"\nstart-up: one headline through the CLI {seconds:.3f} s wall (median of 5), "
          f"peak RSS {peak / 1e6:.1f} MB")  # fmt: skip
    summary["startup"] = {"wall_s": round(seconds, 3), "peak_rss_mb": round(peak / 1e6, 1)}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
