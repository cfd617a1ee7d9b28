"""``bilingual.stats``: counts per speaker, language mix, pairs, dates, formats."""

from __future__ import annotations

import io
import json
from pathlib import Path

from typer.testing import CliRunner

from bilingual.cli import app, normalize_argv
from bilingual.records import Message, Pair, Record, Segment
from bilingual.stats import NO_SPEAKER, Stats, Tally, collect, render


def _record(
    speaker: str | None,
    segments: list[tuple[str, str | None]],
    *,
    time: str | None = None,
    pairs: int = 0,
    fmt: str = "whatsapp",
) -> Record:
    message = Message("d.txt", 1, "x", format=fmt, speaker=speaker, time=time)
    segs = tuple(Segment(0, 1, lang, script, "x") for lang, script in segments)
    return Record(message, segs, tuple(Pair("Hi", "你好", 0.9) for _ in range(pairs)))


RECORDS = [
    _record("Amy", [("en", "Latn"), ("zh", "Hant"), ("url", None)], time="2023-01-05T10:00:00"),
    _record("Amy", [("zh", "Hani"), ("zh", "Hans")], time="2023-01-04T09:00:00", pairs=2),
    _record("陳大文", [("ja", "Jpan"), ("zh", "Hant")], time="2023-02-01T00:00:00"),
    _record(None, [("en", "Latn"), ("mention", None)], fmt="plain"),
    _record("Bo", [], pairs=1),
]


def test_collect_to_dict() -> None:
    """Counts per speaker and bucket, Hani as zh-Hans, URLs and mentions not counted."""
    assert collect(RECORDS).to_dict() == {
        "messages": 5,
        "pairs": 3,
        "first_time": "2023-01-04T09:00:00",
        "last_time": "2023-02-01T00:00:00",
        "formats": {"plain": 1, "whatsapp": 4},
        "speakers": [
            {"speaker": "Amy", "messages": 2,
             "languages": {"en": 1, "zh-Hant": 1, "zh-Hans": 2, "other": 0}},
            {"speaker": "Bo", "messages": 1,
             "languages": {"en": 0, "zh-Hant": 0, "zh-Hans": 0, "other": 0}},
            {"speaker": "陳大文", "messages": 1,
             "languages": {"en": 0, "zh-Hant": 1, "zh-Hans": 0, "other": 1}},
            {"speaker": None, "messages": 1,
             "languages": {"en": 1, "zh-Hant": 0, "zh-Hans": 0, "other": 0}},
        ],
    }  # fmt: skip


def test_collect_nothing() -> None:
    """No records give zero counts and no dates."""
    assert collect(iter([])) == Stats(0, 0, None, None, (), ())


def test_collect_reads_a_generator_once() -> None:
    """``collect`` accepts any iterable, consumed in one pass."""
    assert collect(r for r in RECORDS).messages == 5


def test_render_table() -> None:
    """The table shows the summary and one row per speaker, in a fixed width."""
    out = io.StringIO()
    render(collect(RECORDS), out, width=80)
    text = out.getvalue()
    lines = text.splitlines()
    assert lines[0] == "format: plain (1), whatsapp (4)"
    assert lines[1] == "messages: 5  pairs: 3  dates: 2023-01-04T09:00:00 .. 2023-02-01T00:00:00"
    assert max(len(line) for line in lines) <= 80
    rows = [line.split() for line in lines if line.startswith("│")]
    assert ["│", "Amy", "│", "2", "│", "1", "│", "1", "│", "2", "│", "0", "│"] in rows
    assert any(NO_SPEAKER.split()[0] in line for line in lines)
    assert "\x1b[" not in text


# --- the detection report of `bilingual stats` and `split -v` (issue 11) ----------------

PASTE = (
    "3/4/23, 8:01 PM - Grace: 我到了\n3/4/23, 8:05 PM - Grace added Tom\n"
    "21:10\tTom\t晚餐吃什麼？\n王小明：我請客\nBreaking news: the MRT is delayed\n"
)


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, normalize_argv(list(args)))
    return result.exit_code, result.stdout, result.stderr


def test_stats_names_the_detected_format_and_confidence(tmp_path: Path) -> None:
    """The table and ``--json`` both carry each input's detected format and confidence."""
    path = tmp_path / "paste.txt"
    path.write_text(PASTE, encoding="utf-8")
    code, out, _ = _cli("stats", str(path))
    assert code == 0
    assert f"{path}: detected mixed (confidence 0.8)" in out.splitlines()
    assert "format: mixed (5)" in out
    code, out, _ = _cli("stats", str(path), "--json")
    assert code == 0
    assert json.loads(out)["detected"] == [
        {"source": str(path), "format": "mixed", "confidence": 0.8, "lines": 5}
    ]


def test_split_v_names_a_one_line_paste_as_whatsapp(tmp_path: Path) -> None:
    """``split -v`` reports the detected format per file on stderr; the one-line paste is
    a WhatsApp message with its speaker and time."""
    path = tmp_path / "one.txt"
    path.write_text("12/31/22, 10:15 PM - Kevin Chou: Happy new year! 新年快樂！\n", "utf-8")
    code, out, err = _cli("split", str(path), "-v")
    assert (code, err) == (0, f"{path}: detected whatsapp (confidence 1.0)\n")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert (row["speaker"], row["time"]) == ("Kevin Chou", "2022-12-31T22:15:00")


# --- one computation for stats and report (issue 13) -------------------------------------


def test_tally_fed_one_by_one_equals_collect() -> None:
    """The accumulator ``report`` feeds record by record gives what ``collect`` gives."""
    tally = Tally()
    for record in RECORDS:
        tally.add(record)
    assert tally.result() == collect(RECORDS)
    assert tally.result().to_dict()["pairs"] == 3


def test_stats_json_keys_and_sources(tmp_path: Path) -> None:
    """``stats --json`` keeps its keys in order: the counts, each input's detected format
    and decoding, the date-order warnings (none here), then the signature."""
    path = tmp_path / "paste.txt"
    path.write_text(PASTE, encoding="utf-8")
    code, out, _ = _cli("stats", str(path), "--json")
    assert code == 0
    payload = json.loads(out)
    assert list(payload) == ["messages", "pairs", "first_time", "last_time", "formats",
                             "speakers", "detected", "decoded", "date_order_warnings",
                             "signature"]  # fmt: skip
    assert payload["date_order_warnings"] == []
    assert payload["decoded"] == [
        {"source": str(path), "encoding": "utf-8", "bom": False, "replaced": 0}
    ]


def test_stats_says_when_a_file_never_proves_its_date_order(tmp_path: Path) -> None:
    """A WhatsApp file with no day above 12: ``stats`` names it in the table and the JSON."""
    path = tmp_path / "chat.txt"
    path.write_text("1/2/23, 10:15 - Amy: Hello\n3/4/23, 11:00 - Bo: Hi\n", encoding="utf-8")
    warning = (
        f"{path}: no date proves whether the day or the month comes first (none has a value"
        " above 12 in either place); read as day/month/year, time_raw kept"
    )
    code, out, _ = _cli("stats", str(path))
    assert code == 0
    assert f"warning: {warning}\n" in out
    code, out, _ = _cli("stats", str(path), "--json")
    assert json.loads(out)["date_order_warnings"] == [warning]
