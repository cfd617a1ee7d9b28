"""Writers: TMX read back by translate-toolkit, Moses line alignment, TSV rows."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from translate.storage import tmx

from bilingual.errors import ConfigError
from bilingual.options import Options
from bilingual.output import Target
from bilingual.records import Message, Pair, Record, Segment, SentencePair
from bilingual.signature import signature
from bilingual.writers.moses import write_moses
from bilingual.writers.tmx import write_tmx
from bilingual.writers.tsv import write_tsv


def records() -> list[Record]:
    trad = Pair(
        'A <b> & "c". Bye.',
        "甲<乙>與「丙」。再見。",
        0.9,
        sentences=(
            SentencePair('A <b> & "c".', "甲<乙>與「丙」。", 0.95, zh_script="Hant"),
            SentencePair("Bye.", "再見。", 0.2, zh_script="Hant"),
            SentencePair("Extra\tline\nhere.", "", 0.0, zh_script="Hani"),
        ),
        zh_script="Hant",
    )
    simp = Pair(
        "Tea.", "茶葉。", 0.8, zh_simplified="茶叶。", en_id="d:2", zh_id="d:3", zh_script="Hant"
    )
    text = 'A <b> & "c". Bye. 甲<乙>與「丙」。再見。'
    return [
        Record(
            Message("d", 1, text),
            (Segment(18, 30, "zh", "Hant", "甲<乙>與「丙」。再見。"),),
            (trad,),
        ),
        Record(Message("d", 3, "茶葉。"), pairs=(simp,)),
    ]


def test_tmx_reads_back(tmp_path: Path) -> None:
    """translate-toolkit reads every unit's source and target back, escaped text intact."""
    path = tmp_path / "out.tmx"
    with path.open("w", encoding="utf-8") as f:
        n = write_tmx(records(), Target(stream=f), Options(min_score=0.1, simplify="t2s"))
    assert n == 3
    store = tmx.tmxfile.parsefile(str(path))  # type: ignore[no-untyped-call]
    got = [(u.source, u.target) for u in store.units]
    assert got == [('A <b> & "c".', "甲<乙>與「丙」。"), ("Bye.", "再見。"), ("Tea.", "茶叶。")]
    root = ET.parse(path).getroot()
    header = root.find("header")
    assert header is not None
    for attr in (
        "creationtool",
        "creationtoolversion",
        "datatype",
        "segtype",
        "adminlang",
        "srclang",
        "o-tmf",
    ):
        assert header.get(attr)
    (sig,) = [p.text for p in header.iter("prop") if p.get("type") == "x-signature"]
    assert sig == signature(Options(simplify="t2s"))
    langs = [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in root.iter("tuv")]
    assert langs == ["en", "zh-Hant", "en", "zh-Hant", "en", "zh-Hans"]
    props = [p.text for p in root.iter("prop") if p.get("type") == "x-score"]
    assert props == ["0.95", "0.2", "0.8"]


def test_tmx_message_units() -> None:
    """With unit="message" one <tu> per pair, tagged by the pair's script."""
    buf = io.StringIO()
    assert write_tmx(records(), Target(stream=buf), Options(unit="message")) == 2
    langs = [t.get("{http://www.w3.org/XML/1998/namespace}lang")
             for t in ET.fromstring(buf.getvalue()).iter("tuv")]  # fmt: skip
    assert langs == ["en", "zh-Hant", "en", "zh-Hans"]


def test_moses_skips_empty_sides(tmp_path: Path) -> None:
    """OUT.en and OUT.zh are line-aligned; empty sides are left out."""
    assert write_moses(records(), Target(str(tmp_path / "out")), Options()) == 3
    en = (tmp_path / "out.en").read_text(encoding="utf-8").splitlines()
    zh = (tmp_path / "out.zh").read_text(encoding="utf-8").splitlines()
    assert en == ['A <b> & "c".', "Bye.", "Tea."]
    assert zh == ["甲<乙>與「丙」。", "再見。", "茶叶。"]


def test_tsv_rows_and_min_score() -> None:
    """A header, one row per unit, tabs and newlines as spaces; min_score filters."""
    buf = io.StringIO()
    assert write_tsv(records(), Target(stream=buf), Options()) == 4
    rows = buf.getvalue().splitlines()
    assert rows[0] == "en\tzh\tscore\tid"
    assert rows[3] == "Extra line here.\t\t0.0\td:1"
    assert rows[4] == "Tea.\t茶叶。\t0.8\td:2 d:3"
    assert write_tsv(records(), Target(stream=io.StringIO()), Options(min_score=0.5)) == 2


def test_moses_to_a_stream_is_a_config_error() -> None:
    """Moses needs a file name to put OUT.en and OUT.zh beside; a stream has none."""
    with pytest.raises(ConfigError, match="give -o OUT"):
        write_moses(records(), Target(stream=io.StringIO()), Options())
