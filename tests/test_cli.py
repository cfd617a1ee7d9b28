"""The command line: layouts, conversion, exit codes, atomic output."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilingual import __version__
from bilingual.cli import (
    EXIT_INPUT,
    EXIT_USAGE,
    app,
    normalize_argv,
)
from bilingual.formats import FORMAT_NAMES

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, normalize_argv(list(args)), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.txt"
    path.write_text(
        "Thanks for coming! 謝謝你來！ https://example.com/a\n\njust English\n", "utf-8"
    )
    return path


def test_split_messages(dump: Path) -> None:
    """The default layout is one JSON object per message."""
    code, out, _ = run("split", str(dump))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["line"] for r in rows] == [1, 3]
    assert [s["lang"] for s in rows[0]["segments"]] == ["en", "zh", "url"]
    assert rows[0]["pairs"][0]["zh"] == "謝謝你來！"


def test_simplify_without_value_uses_default(dump: Path) -> None:
    """A bare --simplify, before or after the input, converts with tw2s."""
    for args in (("split", str(dump), "--simplify"), ("split", "--simplify", str(dump))):
        code, out, _ = run(*args)
        assert code == 0
        assert json.loads(out.splitlines()[0])["segments"][1]["simplified"] == "谢谢你来！"


def test_pairs_layout_is_the_translation_form(dump: Path) -> None:
    """--layout pairs writes Hugging Face translation rows, Simplified with --simplify."""
    code, out, _ = run("split", str(dump), "--layout", "pairs", "--simplify=hk2s")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert row["translation"] == {"en": "Thanks for coming!", "zh": "谢谢你来！"}
    assert row["zh_original"] == "謝謝你來！"
    assert row["id"] == f"{dump}:1#p0"


def test_segments_layout(dump: Path) -> None:
    """--layout segments writes one row per language segment, URLs left out."""
    code, out, _ = run("split", str(dump), "--layout", "segments")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["message_id"], r["lang"]) for r in rows] == [
        (f"{dump}:1", "en"),
        (f"{dump}:1", "zh"),
        (f"{dump}:3", "en"),
    ]


def test_stdin_and_output_file(tmp_path: Path) -> None:
    """'-' reads standard input; -o writes the file."""
    out = tmp_path / "out.jsonl"
    code, _, _ = run("split", "-", "-o", str(out), stdin="你好 world\n".encode())
    assert code == 0
    assert json.loads(out.read_text("utf-8"))["source"] == "<stdin>"


def test_bad_bytes_name_file_line_and_leave_no_output(dump: Path, tmp_path: Path) -> None:
    """Undecodable input is exit 3, names file and line, and no partial file is left."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine\nalso fine\n\xe4\xb8 broken\n")
    out = tmp_path / "out.jsonl"
    code, _, err = run("split", str(dump), str(bad), "-o", str(out))
    assert code == EXIT_INPUT
    assert f"{bad}:3: byte 0xe4 at column 1 is not valid UTF-8" in err
    assert sorted(tmp_path.iterdir()) == sorted([dump, bad])


def test_failed_run_keeps_existing_output(dump: Path, tmp_path: Path) -> None:
    """An existing output file is untouched when the run fails."""
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", "utf-8")
    code, _, _ = run("split", str(dump), str(tmp_path / "missing.txt"), "-o", str(out))
    assert code == EXIT_INPUT
    assert out.read_text("utf-8") == "previous\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--simplify", "s2t"),
            "'s2t' does not convert to Simplified Chinese; choose one of: tw2s",
        ),
        (("--simplify", "t2z"), "'t2z' is not an OpenCC config"),
        (
            ("--layout", "rows"),
            "Invalid value for '--layout': 'rows' is not a layout; choose one of: messages, "
            "segments, pairs",
        ),
        (("-f", "xlsx"), "'xlsx' is not an output format; choose one of: jsonl, tmx, moses"),
        (("--unit", "word"), "'word' is not a unit; choose one of: sentence, message"),
        (("--format", "skype"), "'skype' is not an input format; choose one of: auto, whatsapp"),
    ],
)
def test_usage_errors(dump: Path, args: tuple[str, ...], message: str) -> None:
    """Bad options are exit 2 with the valid choices."""
    code, _, err = run("split", str(dump), *args)
    assert code == EXIT_USAGE
    assert message in err


def test_missing_input_is_an_input_error(tmp_path: Path) -> None:
    """A missing file is exit 3 and named."""
    code, _, err = run("split", str(tmp_path / "nope.txt"))
    assert code == EXIT_INPUT
    assert f"{tmp_path / 'nope.txt'}: no such file" in err


def test_convert_command(tmp_path: Path) -> None:
    """bilingual convert applies any OpenCC config to whole files."""
    src = tmp_path / "s.txt"
    src.write_text("汉字\r\n软件\n", "utf-8")
    assert run("convert", str(src), "-c", "s2twp")[:2] == (0, "漢字\n軟體\n")
    assert run("convert", "-", stdin="沒有後門".encode())[:2] == (0, "没有后门\n")


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_cli_accepts_every_format(dump: Path, name: str) -> None:
    """--format takes every name the parse stage registers."""
    assert run("split", str(dump), "--format", name)[0] == 0


def test_version_is_the_signature() -> None:
    """--version prints the package version, then the rest of the signature."""
    code, out, _ = run("--version")
    assert code == 0
    parts = out.rstrip("\n").split("|")
    assert parts[0] == f"bilingual {__version__}"
    assert [p.split()[0] for p in parts[1:]] == ["opencc", "model", "cedict"]
    assert parts[1].endswith(" tw2s")


def test_python_dash_m(dump: Path) -> None:
    """python -m bilingual runs the same CLI, with the --simplify default."""
    result = subprocess.run(
        [sys.executable, "-m", "bilingual", "split", "--simplify", str(dump), "--layout", "pairs"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["translation"]["zh"] == "谢谢你来！"


def test_unproven_date_order_is_one_warning_line(tmp_path: Path) -> None:
    """A WhatsApp file whose dates never show a day above 12: one plain warning on stderr
    naming it (not Python's warning format), and the run still succeeds."""
    path = tmp_path / "chat.txt"
    path.write_text("1/2/23, 10:15 - Amy: Hello 你好\n3/4/23, 11:00 - Bo: Hi\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bilingual", "split", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stderr == (
        f"warning: {path}: no date proves whether the day or the month comes first (none has"
        " a value above 12 in either place); read as day/month/year, time_raw kept\n"
    )
    assert [json.loads(row)["time"] for row in result.stdout.splitlines()] == [
        "2023-02-01T10:15:00",
        "2023-04-03T11:00:00",
    ]


def test_output_is_deterministic(dump: Path) -> None:
    """The same input and options give byte-identical output."""
    assert run("split", str(dump), "--simplify") == run("split", str(dump), "--simplify")


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"


def test_stats_table() -> None:
    """bilingual stats prints the detected format, the totals and a per-speaker table."""
    code, out, _ = run("stats", str(FIXTURES / "whatsapp-android-zh.txt"))
    assert code == 0
    assert "detected whatsapp" in out
    assert "messages: 7  pairs: 3  dates: 2023-01-05T09:12:00 .. 2023-01-06T00:05:00" in out
    rows = [line.split("│")[1:-1] for line in out.splitlines() if line.startswith("│")]
    table = {cells[0].strip(): [c.strip() for c in cells[1:]] for cells in rows}
    assert table["陈思远"] == ["3", "3", "0", "4", "0"]
    assert table["Hannah Kim"] == ["3", "2", "0", "1", "0"]
    assert table["(no speaker)"] == ["1", "0", "0", "1", "0"]  # the system line, segmented


def test_stats_json() -> None:
    """--json gives speakers, language mix, pairs, dates and the detection."""
    path = FIXTURES / "transcript-qa.txt"
    code, out, _ = run("stats", str(path), "--json")
    data = json.loads(out)
    assert code == 0
    assert (data["messages"], data["pairs"], data["first_time"]) == (5, 0, None)
    assert data["formats"] == {"transcript": 5}
    assert [(d["format"], d["confidence"]) for d in data["detected"]] == [("transcript", 0.9)]
    mix = {s["speaker"]: s["languages"] for s in data["speakers"]}
    assert list(mix) == ["A", "Q", "問", "答", None]
    assert mix["答"] == {"en": 1, "zh-Hant": 0, "zh-Hans": 0, "other": 0}  # 廣東話. stays in
    assert mix["Q"] == {"en": 1, "zh-Hant": 0, "zh-Hans": 0, "other": 0}


@pytest.fixture
def alternating(tmp_path: Path) -> Path:
    path = tmp_path / "alt.txt"
    path.write_text(
        "The ferry leaves at 8 p.m. sharp, so please do not be late.\n"
        "渡輪晚上8點準時開出,請大家不要遲到。\n"
        "My cat sleeps all day on the sofa in the living room.\n"
        "明天的會議改到三樓的會議室。\n"
        "Thanks for coming! 謝謝你來！\n"
        "The ferry leaves at 8 p.m. sharp, so please do not be late.\n",
        "utf-8",
    )
    return path


def test_tmx_output_is_read_by_translate_toolkit(alternating: Path, tmp_path: Path) -> None:
    """-f tmx writes a TMX file that translate-toolkit loads with every unit intact, the
    Chinese cleaned (the halfwidth comma after Han written fullwidth)."""
    from translate.storage import tmx  # noqa: PLC0415

    out = tmp_path / "out.tmx"
    code, _, err = run("split", str(alternating), "-f", "tmx", "--simplify", "-o", str(out))
    assert code == 0, err
    units = [(u.source, u.target) for u in tmx.tmxfile.parsefile(str(out)).units]  # type: ignore[no-untyped-call]
    assert units == [
        (
            "The ferry leaves at 8 p.m. sharp, so please do not be late.",
            "渡轮晚上8点准时开出，请大家不要迟到。",
        ),
        ("Thanks for coming!", "谢谢你来！"),
    ]


def test_moses_needs_an_output_name_and_writes_two_files(alternating: Path, tmp_path: Path) -> None:
    """-f moses writes OUT.en and OUT.zh with equal line counts; without -o it is a usage error."""
    code, _, err = run("split", str(alternating), "-f", "moses")
    assert code == EXIT_USAGE
    assert "give -o OUT" in err
    out = tmp_path / "corpus"
    assert run("split", str(alternating), "-f", "moses", "-o", str(out))[0] == 0
    en = out.with_name("corpus.en").read_text("utf-8").splitlines()
    zh = out.with_name("corpus.zh").read_text("utf-8").splitlines()
    assert en == [
        "The ferry leaves at 8 p.m. sharp, so please do not be late.",
        "Thanks for coming!",
    ]
    assert zh == ["渡輪晚上8點準時開出，請大家不要遲到。", "謝謝你來！"]  # cleaned


def test_tsv_and_min_score(alternating: Path) -> None:
    """-f tsv has a header row; --min-score drops pairs below it in every format."""
    code, out, _ = run("split", str(alternating), "-f", "tsv", "--unit", "message")
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0
    assert rows[0] == ["en", "zh", "score", "id"]
    assert [r[3] for r in rows[1:]] == [f"{alternating}:1 {alternating}:2", f"{alternating}:5"]
    scores = sorted(float(r[2]) for r in rows[1:])
    _, out, _ = run("split", str(alternating), "--layout", "pairs", "--min-score", str(scores[1]))
    assert [json.loads(line)["score"] for line in out.splitlines()] == [scores[1]]


def test_unrelated_neighbours_do_not_pair(alternating: Path) -> None:
    """An English line next to an unrelated Chinese line is not a pair."""
    _, out, _ = run("split", str(alternating))
    rows = {json.loads(line)["line"]: json.loads(line) for line in out.splitlines()}
    assert rows[4]["pairs"] == []
    assert rows[2]["pairs"][0]["en_id"] == f"{alternating}:1"


def test_dedup_counts_repeats(alternating: Path) -> None:
    """--dedup keeps the first occurrence with its count and the repeated lines."""
    _, out, _ = run("split", str(alternating), "--dedup", "--no-pair-lines")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in rows] == [1, 2, 3, 4, 5]
    assert (rows[0]["count"], rows[0]["duplicate_lines"]) == (2, [6])
    assert "count" not in rows[1]


def test_dash_h_is_help() -> None:
    """-h works like --help, at the top and per command, with no type tags."""
    for args in (("-h",), ("split", "-h"), ("stats", "-h"), ("convert", "-h")):
        code, out, _ = run(*args)
        assert code == 0
        assert out.startswith("Usage: ")
        assert not re.search(r"<(?:bool|str|float|list\[str\]|[a-z]+\|[a-z|]+)>", out)
        assert "{" not in out
    assert " split [OPTIONS] INPUT...\n" in run("split", "-h")[1]
    assert "Examples:" in run("split", "-h")[1]


def test_a_writer_registered_outside_the_package_runs_from_the_cli(
    dump: Path, tmp_path: Path
) -> None:
    """A user's writer is offered by -f and gets the records, the target and the options."""
    from bilingual import writers  # noqa: PLC0415
    from bilingual.options import Options  # noqa: PLC0415
    from bilingual.output import Target  # noqa: PLC0415
    from bilingual.records import Record  # noqa: PLC0415

    def write_langs(records: Iterable[Record], target: Target, options: Options) -> int:
        n = 0
        with target.open() as out:
            for r in records:
                out.write(f"{r.id} {' '.join(s.lang for s in r.segments)} {options.unit}\n")
                n += 1
        return n

    with writers.registered(writers.Writer("langs", write_langs, "Languages per message.")):
        out = tmp_path / "langs.txt"
        code, _, err = run("split", str(dump), "-f", "langs", "--unit", "message", "-o", str(out))
        assert (code, err) == (0, "")
        assert out.read_text("utf-8") == f"{dump}:1 en zh url message\n{dump}:3 en message\n"
    assert run("split", str(dump), "-f", "langs")[0] == EXIT_USAGE


def test_a_format_registered_outside_the_package_runs_from_the_cli(tmp_path: Path) -> None:
    """A user's format is detected and parsed by split and stats, and named by --format."""
    from bilingual.formats import Format, registered  # noqa: PLC0415
    from bilingual.records import Message  # noqa: PLC0415

    def parse_arrows(lines: Iterable[tuple[int, str]], *, source: str) -> Iterator[Message]:
        for number, text in lines:
            nick, _, body = text.partition(" >> ")
            if body:
                yield Message(source, number, body, format="arrows", speaker=nick)

    def detect_arrows(sample: Sequence[tuple[int, str]]) -> float:
        return 1.0 if sum(" >> " in text for _, text in sample) >= 2 else 0.0

    src = tmp_path / "arrows.txt"
    src.write_text("amy >> Good morning! 早安！\nbo >> 你好\n", "utf-8")
    fmt = Format("arrows", parse_arrows, "nick >> text lines", detect=detect_arrows)
    with registered(fmt):
        code, out, err = run("split", str(src), "-v")
        assert (code, err) == (0, f"{src}: detected arrows (confidence 1.0)\n")
        rows = [json.loads(line) for line in out.splitlines()]
        assert [(r["format"], r["speaker"], len(r["pairs"])) for r in rows] == [
            ("arrows", "amy", 1),
            ("arrows", "bo", 0),
        ]
        assert run("split", str(src), "--format", "arrows")[1] == out
        assert '"arrows": 2' in run("stats", str(src), "--json")[1]
    assert run("split", str(src), "--format", "arrows")[0] == EXIT_USAGE


def test_verbose_reports_the_detected_format(dump: Path) -> None:
    """-v names each input's detected format on stderr; stdout holds only records."""
    code, out, err = run("split", str(dump), str(dump), "-v")
    assert code == 0
    assert err == f"{dump}: detected plain (confidence 1.0)\n" * 2
    assert len(out.splitlines()) == 4


def test_stats_without_dates_says_so(dump: Path) -> None:
    """A dump with no timestamps says it has none instead of printing placeholders."""
    code, out, _ = run("stats", str(dump))
    assert code == 0
    assert "dates: none (no message has a time)" in out


def test_line_separators_are_escaped_in_jsonl(tmp_path: Path) -> None:
    """U+2028, U+2029 and U+0085 inside a message are escaped: splitlines sees one row."""
    src = tmp_path / "sep.txt"
    src.write_text("one\u2028two\u2029three\u0085four 中文\nnext\n", "utf-8")
    code, out, _ = run("split", str(src))
    assert code == 0
    assert len(out.splitlines()) == 2
    assert json.loads(out.splitlines()[0])["text"] == "one\u2028two\u2029three\u0085four 中文"


def test_line_limit_cuts_messages_into_parts(tmp_path: Path) -> None:
    """--line-limit CHARS cuts a longer line into parts of at most CHARS characters,
    numbered in the id and ``part`` (a real process, as a user runs it)."""
    path = tmp_path / "long.txt"
    path.write_text("Hi. How are you?\nok\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bilingual", "split", str(path), "--line-limit", "10"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(row) for row in result.stdout.splitlines()]
    assert [(r["id"].rsplit(":", 1)[1], r.get("part"), r["text"]) for r in rows] == [
        ("1.1", 1, "Hi. How "),
        ("1.2", 2, "are you?"),
        ("2", None, "ok"),
    ]


@pytest.mark.parametrize("command", ["split", "stats", "report"])
@pytest.mark.parametrize("value", ["1", "0", "-3", "abc", "2.5", ""])
def test_line_limit_must_be_a_number_of_at_least_2(dump: Path, command: str, value: str) -> None:
    """A --line-limit that is not a whole number of at least 2 is a usage error, named."""
    code, out, err = run(command, str(dump), "--line-limit", value)
    assert code == EXIT_USAGE
    assert out == ""
    assert f"Invalid value for '--line-limit': {value!r} is not a number of characters" in err
