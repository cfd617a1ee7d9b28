"""``--jobs``: the same output as one process, for any chunk size, with real workers, and
no temporary file or worker left behind by a signal."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from _inputs import INPUTS, ROOT, sources
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual import writers
from bilingual.decode import Line
from bilingual.errors import InputError
from bilingual.options import Options
from bilingual.output import Target
from bilingual.parallel import Workers, chunk_messages, records_task
from bilingual.pipeline import each_source, finish, process_sources
from bilingual.records import Message, Record

OPTIONS = {
    "defaults": Options(),
    "simplify": Options(simplify="tw2s"),
    "no-pair-lines": Options(pair_lines=False, clean=False),
}
#: English lines and Chinese lines that translate each other in several ways, so that a
#: plain dump drawn from them pairs across lines in chains (each line could pair with
#: the one before and the one after).
#: Scores differ: "I like tea." pairs with 我喜歡茶。 at 0.991 but with 我喜歡喝茶。 at 0.95.
ENGLISH = ["I like tea.", "I like green tea.", "I really like tea.", "Good morning!",
           "The train is late again."]  # fmt: skip
CHINESE = ["我喜歡茶。", "我喜歡喝茶。", "我喜歡綠茶。", "早上好！", "火車又晚點了。"]


def _threads(options: Options, chars: int) -> Workers:
    return Workers(options.with_(jobs=2), chunk_chars=chars, executor=ThreadPoolExecutor(2))


def _messages(lines: list[str]) -> list[Message]:
    return [Message("d", n, text) for n, text in enumerate(lines, start=1)]


@settings(max_examples=200, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 30), max_size=30),
    chars=st.integers(1, 100),
    ahead=st.integers(0, 3),
)
def test_chunks_cover_the_messages_once_in_order(sizes: list[int], chars: int, ahead: int) -> None:
    """Each message is in exactly one chunk's own part, in order; a chunk's look-ahead
    is the messages after it; every chunk but the last reaches ``chars``."""
    messages = _messages(["x" * size for size in sizes])
    chunks = list(chunk_messages(messages, chars=chars, ahead=ahead))
    owned = [m for c in chunks for m in c.messages[: c.own]]
    assert owned == messages
    start = 0
    for n, chunk in enumerate(chunks):
        assert chunk.first == (n == 0)
        assert chunk.own >= 1
        assert list(chunk.messages) == messages[start : start + chunk.own + ahead]
        if n < len(chunks) - 1:
            assert sum(len(m.text) + 1 for m in chunk.messages[: chunk.own]) >= chars
        start += chunk.own


@pytest.mark.parametrize("name", list(OPTIONS))
@pytest.mark.parametrize("chars", [1, 2, 5, 30, 200, 5000])
def test_chunked_records_equal_one_process_on_every_input(name: str, chars: int) -> None:
    """Every example and fixture gives the same records through chunks of any size."""
    options = OPTIONS[name]
    expected = list(process_sources(sources(INPUTS), options))
    with _threads(options, chars) as workers:
        got = list(each_source(sources(INPUTS), options, workers.records))
    assert got == expected


@pytest.mark.parametrize("layout", ["messages", "pairs"])
@pytest.mark.parametrize("chars", [1, 3, 80])
def test_chunked_jsonl_text_equals_the_writer_on_every_input(layout: str, chars: int) -> None:
    """Workers that write JSONL themselves give the bytes the writer gives in one process."""
    options = Options(simplify="tw2s", layout=layout, min_score=0.3)
    buf = io.StringIO()
    writers.get("jsonl").write(process_sources(sources(INPUTS), options), Target(stream=buf),
                               options)  # fmt: skip
    with _threads(options, chars) as workers:
        pieces = list(each_source(sources(INPUTS), options, workers.texts("jsonl")))
    assert "".join(text for text, _ in pieces) == buf.getvalue()
    assert sum(rows for _, rows in pieces) == buf.getvalue().count("\n")


lines_strategy = st.lists(st.sampled_from(ENGLISH + CHINESE), min_size=1, max_size=24)


@settings(max_examples=60, deadline=None)
@given(lines=lines_strategy, chars=st.integers(1, 60))
def test_pairs_across_chunk_boundaries_are_the_one_process_pairs(
    lines: list[str], chars: int
) -> None:
    """Lines that could each pair with either neighbour pair as in one process, wherever
    the chunks are cut."""
    options = Options()
    messages = _messages(lines)
    expected = list(finish(messages, options))
    with _threads(options, chars) as workers:
        assert list(workers.records(messages, options)) == expected


def test_a_chunk_boundary_inside_a_chain_of_pairs_is_resolved() -> None:
    """Cut inside alternating translations, a chunk's two scans differ (its first record
    is free in one, taken by the previous chunk's pair in the other) and the result is
    still the one-process result, pairs straddling the cut included."""
    lines = ["I like tea.", "我喜歡茶。"] * 6
    messages = _messages(lines)
    options = Options()
    expected = list(finish(messages, options))
    assert sum(bool(r.pairs) for r in expected) == 6
    chunks = list(chunk_messages(messages, chars=len(lines[0]) + 1))
    second = records_task(chunks[1], options)  # starts on a Chinese line
    assert second.consumed is not None
    assert second.fresh != second.consumed
    assert second.consumed_carry is not None or second.fresh_carry is not None
    with _threads(options, len(lines[0]) + 1) as workers:
        assert list(workers.records(messages, options)) == expected


@pytest.mark.parametrize("chars", [1, 6, 12, 20, 30])
def test_a_better_pair_just_past_the_chunk_end_wins(chars: int) -> None:
    """``我喜歡喝茶。 / I like tea. / 我喜歡茶。``: the English line pairs with the better
    translation after it, also when a chunk ends before the English line or on it."""
    lines = ["Good morning!", "我喜歡喝茶。", "I like tea.", "我喜歡茶。", "早上好！"]
    messages = _messages(lines)
    options = Options()
    expected = list(finish(messages, options))
    assert [(p.en, p.zh) for r in expected for p in r.pairs] == [("I like tea.", "我喜歡茶。")]
    with _threads(options, chars) as workers:
        assert list(workers.records(messages, options)) == expected


def _failing(lines: list[str], at: int) -> Iterator[Line]:
    for n, text in enumerate(lines, start=1):
        if n == at:
            raise InputError("unreadable", source="d", line=n)
        yield n, text


@settings(max_examples=40, deadline=None)
@given(lines=lines_strategy, at=st.integers(1, 25), chars=st.integers(1, 40))
def test_a_reading_error_keeps_what_one_process_keeps(
    lines: list[str], at: int, chars: int
) -> None:
    """An input that fails at some line (``--keep-going``) yields exactly the records a
    one-process run yields before reporting the error, and the error once."""
    options = Options()
    seen: list[list[str]] = [[], []]
    expected = list(
        each_source([("d", _failing(lines, at))], options, finish,
                    on_error=lambda s, e: seen[0].append(str(e)))
    )  # fmt: skip
    with _threads(options, chars) as workers:
        got = list(
            each_source([("d", _failing(lines, at))], options, workers.records,
                        on_error=lambda s, e: seen[1].append(str(e)))
        )  # fmt: skip
    assert got == expected
    assert seen[0] == seen[1]


@pytest.mark.parametrize("name", ["defaults", "simplify"])
def test_worker_processes_give_the_one_process_records(name: str) -> None:
    """Real worker processes, small chunks, every input: the same records."""
    options = OPTIONS[name].with_(jobs=2)
    expected = list(process_sources(sources(INPUTS), options.with_(jobs=1)))
    with Workers(options, chunk_chars=50) as workers:
        got: list[Record] = list(each_source(sources(INPUTS), options, workers.records))
    assert got == expected


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bilingual", *args], capture_output=True, timeout=300, check=False
    )


@pytest.mark.parametrize(
    "args",
    [
        ["split", "--dedup", "--simplify=tw2s"],
        ["split", "--layout", "segments"],
        ["split", "-f", "tmx", "--simplify=tw2s"],
        ["stats", "--json"],
    ],
    ids=["dedup-simplify", "segments", "tmx", "stats"],
)
def test_cli_jobs_output_is_byte_identical(args: list[str], tmp_path: Path) -> None:
    """``--jobs 2`` and ``--jobs 0`` write the bytes ``--jobs 1`` writes, duplicates
    across inputs collapsed as in one process."""
    copy = tmp_path / "again.txt"
    copy.write_bytes((ROOT / "examples" / "headlines.txt").read_bytes())
    inputs = [str(p) for p in INPUTS] + [str(copy)]
    outputs = [_cli(*args, *inputs, "--jobs", jobs) for jobs in ("1", "2", "0")]
    assert [o.returncode for o in outputs] == [0, 0, 0]
    assert outputs[0].stdout
    assert outputs[1].stdout == outputs[0].stdout
    assert outputs[2].stdout == outputs[0].stdout


def test_negative_jobs_is_a_usage_error() -> None:
    """``--jobs -1`` is refused with exit 2."""
    assert _cli("split", str(INPUTS[0]), "--jobs", "-1").returncode == 2


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize(
    ("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["TERM", "INT"]
)
def test_signal_leaves_no_temporary_file_and_no_worker(
    tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    """A ``--jobs 2`` run stopped while its workers are busy exits 128+N (130 for
    Ctrl-C), leaves neither output nor temporary file, and its workers are gone."""
    fifo = tmp_path / "slow-input"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bilingual", "split", str(fifo), "-o", str(out), "--jobs", "2"],
        stderr=subprocess.PIPE,
    )
    with fifo.open("w", encoding="utf-8") as feed:  # stays open: the run waits for more
        feed.write("Thanks for coming! 謝謝你來！\nI like tea.\n我喜歡茶。\n" * 8000)
        feed.flush()
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = _children(proc.pid)
        assert len(workers) >= 2, "the workers never started"
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        proc.send_signal(sig)
        assert proc.wait(timeout=60) == code
    assert [p.name for p in tmp_path.iterdir()] == ["slow-input"]
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)
