"""Telegram exports written by another project (teknologi-umum/tgif), checked against
the export's own fields and against tgif's test target."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from _real import needs, real_dir

from bilingual.decode import split_lines
from bilingual.formats import parse, sniff
from bilingual.records import Message

REAL = real_dir("telegram")
pytestmark = needs("telegram")
EXPORTS = sorted(p for p in REAL.glob("tgif-*.json") if not p.name.endswith(".expected.json"))
COPY = REAL / "tgif-parser-test-copy.txt"


def run(text: str) -> list[Message]:
    return list(parse(split_lines(text), source="t"))


def without_local_dates(document: dict[str, Any]) -> str:
    """The export as it would be with only ``date_unixtime`` (``date`` keys removed)."""
    for message in document["messages"]:
        del message["date"]
    return json.dumps(document, ensure_ascii=False, indent=1)


def test_the_real_exports_are_here() -> None:
    """Both tgif exports are present (one with, one without ``date_unixtime``)."""
    assert [p.name for p in EXPORTS] == ["tgif-oop.json", "tgif-ssl-tidak-hanya-untuk-website.json"]


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.name)
def test_json_export_speakers_and_times_are_the_exports_own(path: Path) -> None:
    """One message per exported object, with its ``from`` and its local ``date``."""
    text = path.read_text(encoding="utf-8")
    targets = json.loads(text)["messages"]
    assert sniff(split_lines(text))[0].format == "telegram"
    got = [(m.speaker, m.time) for m in run(text)]
    assert got == [(t["from"], t["date"]) for t in targets]


def test_unixtime_only_export_gets_utc_times() -> None:
    """Without ``date``, each time is ``date_unixtime`` in UTC with ``+00:00``, exactly the
    export's local ``date`` minus one fixed offset (+07:00, the group's time zone)."""
    path = REAL / "tgif-ssl-tidak-hanya-untuk-website.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    local = [dt.datetime.fromisoformat(t["date"]) for t in document["messages"]]
    messages = run(without_local_dates(document))
    assert len(messages) == len(local) == 14
    assert all(m.time is not None and m.time.endswith("+00:00") for m in messages)
    offsets = {
        here - dt.datetime.fromisoformat(m.time).replace(tzinfo=None)  # type: ignore[arg-type]
        for here, m in zip(local, messages, strict=True)
    }
    assert offsets == {dt.timedelta(hours=7)}
    assert [m.time_raw for m in messages] == [t["date_unixtime"] for t in document["messages"]]


def test_copied_text_matches_tgif_target() -> None:
    """tgif's own copied-text test: 18 messages, its speakers, and its texts (tgif joins a
    message's lines with nothing between them)."""
    targets = json.loads((REAL / "tgif-parser-test-copy.expected.json").read_text("utf-8"))
    messages = run(COPY.read_text(encoding="utf-8"))
    assert sniff(split_lines(COPY.read_text(encoding="utf-8")))[0].format == "telegram"
    assert len(messages) == len(targets) == 18
    assert [m.speaker for m in messages] == [t["from"] for t in targets]
    assert [m.text.replace("\n", "") for m in messages] == [t["text"] for t in targets]


def test_copied_text_times_are_day_first() -> None:
    """``[25/06/2022 07:25]`` is 25 June: the 25 settles the file's day/month order."""
    times = [m.time for m in run(COPY.read_text(encoding="utf-8"))]
    assert times[0] == "2022-06-25T07:25:00"
    assert times[-1] == "2022-06-25T08:20:00"
    assert all(t is not None and t.startswith("2022-06-25T") for t in times)
