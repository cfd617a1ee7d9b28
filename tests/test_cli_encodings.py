"""Inputs in the encodings people have: the same records as their UTF-8 originals."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilingual.cli import EXIT_INPUT, EXIT_USAGE, app, normalize_argv

runner = CliRunner()
TRADITIONAL = (
    "王小明: 颱風來了，明天停課嗎？ Typhoon is coming, school tomorrow?\n陳大文: 應該會停課。\n"
)
SIMPLIFIED = (
    "王小明: 台风来了，明天停课吗？ Typhoon is coming, school tomorrow?\n陈大文: 应该会停课。\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, normalize_argv(list(args)))
    return result.exit_code, result.stdout, result.stderr


def records(path: Path, *args: str) -> list[dict[str, object]]:
    code, out, err = run("split", str(path), *args)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    for row in rows:  # the source name differs; everything else must not
        row.pop("id")
        row.pop("source")
    return rows


@pytest.mark.parametrize(
    ("text", "data"),
    [
        pytest.param(TRADITIONAL, TRADITIONAL.encode("big5"), id="big5"),
        pytest.param(TRADITIONAL, TRADITIONAL.encode("gb18030"), id="gb18030-traditional"),
        pytest.param(SIMPLIFIED, SIMPLIFIED.encode("gb18030"), id="gb18030"),
        pytest.param("颱風停課了嗎\n", "颱風停課了嗎\n".encode("big5"), id="big5-six-chars"),
        pytest.param("台风停课了吗\n", "台风停课了吗\n".encode("gb18030"), id="gb18030-six-chars"),
        pytest.param(
            TRADITIONAL, codecs.BOM_UTF16_LE + TRADITIONAL.encode("utf-16-le"), id="utf16le-bom"
        ),
        pytest.param(TRADITIONAL, TRADITIONAL.encode("utf-16-le"), id="utf16le"),
        pytest.param(
            TRADITIONAL,
            codecs.BOM_UTF8 + TRADITIONAL.replace("\n", "\r\n").encode(),
            id="utf8-bom-crlf",
        ),
    ],
)
def test_same_records_as_utf8(tmp_path: Path, text: str, data: bytes) -> None:
    """Each encoding of a dump gives exactly the records of its UTF-8 original."""
    original, encoded = tmp_path / "utf8.txt", tmp_path / "encoded.txt"
    original.write_text(text, "utf-8")
    encoded.write_bytes(data)
    assert records(encoded, "--simplify") == records(original, "--simplify")


def test_stats_reports_the_encoding(tmp_path: Path) -> None:
    """stats names each file's encoding, in the table and in JSON."""
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    code, out, _ = run("stats", str(path))
    assert code == 0
    assert f"{path}: encoding cp950\n" in out  # Big5 as Windows writes it
    decoded = json.loads(run("stats", str(path), "--json")[1])["decoded"]
    assert [(d["source"], d["encoding"], d["replaced"]) for d in decoded] == [
        (str(path), "cp950", 0)
    ]


def test_encoding_override_and_replace(tmp_path: Path) -> None:
    """--encoding reads as told; --errors replace keeps going and says how much it replaced."""
    path = tmp_path / "bad.txt"
    path.write_bytes("好的 OK\n".encode() + b"caf\xe9 ok\n")
    code, _, err = run("split", str(path))
    assert code == EXIT_INPUT
    assert f"{path}:2: byte 0xe9 at column 4 is not valid UTF-8" in err
    assert "--errors replace" in err
    code, out, err = run("split", str(path), "--errors", "replace")
    assert code == 0
    assert err == f"{path}: 1 undecodable byte sequences replaced with U+FFFD\n"
    assert "caf\ufffd ok" in out
    code, out, _ = run("split", str(path), "--encoding", "latin-1")
    assert code == 0
    assert "café ok" in out


def test_bad_encoding_options_are_usage_errors(tmp_path: Path) -> None:
    """An unknown codec or errors mode is exit 2."""
    path = tmp_path / "a.txt"
    path.write_text("hi\n", "utf-8")
    assert run("split", str(path), "--encoding", "klingon")[0] == EXIT_USAGE
    assert run("split", str(path), "--errors", "ignore")[0] == EXIT_USAGE


def test_binary_input_is_refused(tmp_path: Path) -> None:
    """A file with NUL bytes that is not UTF-16/32 is an input error, and no output is left."""
    path = tmp_path / "blob.bin"
    path.write_bytes(b"\x00\x01binary\x00" * 100)
    out = tmp_path / "out.jsonl"
    code, _, err = run("split", str(path), "-o", str(out))
    assert code == EXIT_INPUT
    assert "looks like a binary file" in err
    assert not out.exists()


def test_keep_going_writes_the_rest_and_summarises(tmp_path: Path) -> None:
    """With --keep-going a bad file is reported, the others written, and the run exits 3
    with a summary; without it, the run stops and leaves no output."""
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Thanks! 謝謝！\n", "utf-8")
    bad.write_bytes(b"ok line\n" + b"\x00\x01binary\x00" * 50)
    out = tmp_path / "out.jsonl"
    code, _, err = run("split", str(bad), str(good), "-o", str(out))
    assert code == EXIT_INPUT
    assert not out.exists()
    code, _, err = run("split", str(bad), str(good), "-o", str(out), "--keep-going")
    assert code == EXIT_INPUT
    assert err.count("looks like a binary file") == 2  # reported, then summarised
    assert "1 of 2 inputs failed:\n" in err
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["source"] for r in rows] == [str(good)]
    code, out_text, _ = run("stats", str(bad), str(good), "--keep-going", "--json")
    assert code == EXIT_INPUT
    assert json.loads(out_text)["messages"] == 1
