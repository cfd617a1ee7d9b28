"""``bilingual.stats``: counts per speaker, language mix, pairs, dates, formats."""

from __future__ import annotations

import io

from bilingual.records import Message, Pair, Record, Segment
from bilingual.stats import NO_SPEAKER, Stats, collect, render


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
