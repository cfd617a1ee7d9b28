"""Output safety: never an input overwritten, modes kept, links followed, streams
streamed, no temporary file left behind, errors naming the user's path."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilingual.cli import EXIT_OUTPUT, EXIT_USAGE, app, normalize_argv

runner = CliRunner()
TEXT = "Thanks for coming! 謝謝你來！\n"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, normalize_argv(list(args)))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, "utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("command", ["split", "convert"])
def test_output_that_is_an_input_is_refused(dump: Path, command: str) -> None:
    """-o naming an input (directly or by another path) is exit 2; the input is untouched."""
    for out in (str(dump), str(dump.parent / "." / dump.name)):
        code, _, err = run(command, str(dump), "-o", out)
        assert code == EXIT_USAGE
        assert f"{out}: is also an input; refusing to overwrite it" in err
        assert dump.read_text("utf-8") == TEXT
    assert leftovers(dump.parent) == []


def test_moses_sibling_that_is_an_input_is_refused(tmp_path: Path) -> None:
    """A Moses output file (OUT.zh) that is an input is refused too, and OUT.en not made."""
    src = tmp_path / "out.zh"
    src.write_text("I like tea.\n我喜歡茶。\n", "utf-8")
    code, _, err = run("split", str(src), "-f", "moses", "-o", str(tmp_path / "out"))
    assert code == EXIT_USAGE
    assert "out.zh: is also an input" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.zh"]


def test_symlink_is_followed(dump: Path, tmp_path: Path) -> None:
    """Writing to a symlink replaces its target; the link stays a link."""
    real = tmp_path / "real.jsonl"
    real.write_text("old\n", "utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert run("split", str(dump), "-o", str(link))[0] == 0
    assert link.is_symlink()
    assert real.read_text("utf-8").startswith('{"id"')


def test_symlink_to_an_input_is_refused(dump: Path, tmp_path: Path) -> None:
    """A link whose target is an input is the input."""
    link = tmp_path / "link.txt"
    link.symlink_to(dump)
    assert run("split", str(dump), "-o", str(link))[0] == EXIT_USAGE
    assert dump.read_text("utf-8") == TEXT


def test_new_file_honours_the_umask(dump: Path, tmp_path: Path) -> None:
    """A new output file gets 0666 & ~umask, like any file a shell makes."""
    old = os.umask(0o027)
    try:
        assert run("split", str(dump), "-o", str(tmp_path / "new.jsonl"))[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.jsonl").stat().st_mode) == 0o640


def test_replaced_file_keeps_its_mode(dump: Path, tmp_path: Path) -> None:
    """Overwriting a file keeps its permission bits."""
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", "utf-8")
    out.chmod(0o604)
    assert run("split", str(dump), "-o", str(out))[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o604


def test_error_names_the_users_path(dump: Path, tmp_path: Path) -> None:
    """An output in a missing folder is exit 4 naming that path, not a temporary file."""
    out = tmp_path / "nodir" / "o.jsonl"
    code, _, err = run("split", str(dump), "-o", str(out))
    assert code == EXIT_OUTPUT
    assert err == f"error: {out}: No such file or directory\n"


def test_fifo_output_is_streamed(dump: Path, tmp_path: Path) -> None:
    """A FIFO stays a FIFO: the records are written into it, not renamed over it."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert run("split", str(dump), "-o", str(fifo))[0] == 0
    reader.join(timeout=10)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got
    assert got[0].startswith(b'{"id"')


def test_fifo_and_process_substitution_inputs_are_read(tmp_path: Path) -> None:
    """A named pipe is an input like a file (it is not 'no such file')."""
    fifo = tmp_path / "in"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(TEXT, "utf-8"))
    writer.start()
    code, out, err = run("split", str(fifo))
    writer.join(timeout=10)
    assert (code, err) == (0, "")
    assert '"lang": "zh"' in out


def test_undecodable_file_name_is_written_as_replacement_characters(tmp_path: Path) -> None:
    """A file name that is not UTF-8 becomes U+FFFD in records, never a crash."""
    name = os.fsdecode(bytes(tmp_path) + b"/c\xc1\xc4.txt")
    Path(name).write_text(TEXT, "utf-8")
    out = tmp_path / "o.jsonl"
    assert run("split", name, "-o", str(out))[0] == 0
    assert "c\ufffd\ufffd.txt:1" in out.read_text("utf-8")


@pytest.mark.parametrize(
    ("sig", "code"),
    [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)],
)
def test_signal_leaves_no_temporary_file(tmp_path: Path, sig: signal.Signals, code: int) -> None:
    """A run stopped by SIGTERM, SIGHUP or Ctrl-C while it waits on a pipe exits 128+N
    (130 for Ctrl-C) and leaves neither output nor temp."""
    fifo = tmp_path / "slow-input"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-m", "bilingual", "split", str(fifo),
         "-o", str(out)],
        stderr=subprocess.PIPE,
    )  # fmt: skip
    with fifo.open("w", encoding="utf-8") as feed:  # blocks until the run opens it
        feed.write(TEXT * 100)
        feed.flush()
        deadline = time.monotonic() + 30
        while not leftovers(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert leftovers(tmp_path), "the run never started writing"
        proc.send_signal(sig)
        assert _exit_code(proc) == code
    assert leftovers(tmp_path) == []
    assert not out.exists()


def _exit_code(proc: subprocess.Popen[bytes]) -> int:
    """The run's exit code; if it does not end within a minute, its stack (faulthandler
    dumps it on SIGABRT) goes into the failure message."""
    try:
        return proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGABRT)
        _, err = proc.communicate(timeout=30)
        raise AssertionError(f"the run did not stop:\n{err.decode(errors='replace')}") from None
