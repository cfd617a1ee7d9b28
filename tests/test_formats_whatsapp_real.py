"""Real WhatsApp exports written by other projects, against the targets they ship (issue 11).

The exports are test data from ``joweich/chat-miner`` (MIT), ``lucasrodes/whatstk`` and
``starkdmi/whats_json`` (GPL-3.0), read from a ``whatsapp-exports`` folder found by
``tests/_real.py`` (``tests/REAL_DATA.md`` names repositories, commits and licences);
the tests skip when there is none.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
import regex
from _real import needs, real_dir

from bilingual.decode import read_lines
from bilingual.formats import parse
from bilingual.records import Message

pytestmark = needs("whatsapp-exports")

#: A line that starts with a numeric date: a header in these exports (checked by eye:
#: no continuation line in them starts with a date).
_DATED = regex.compile(
    r"^[\u200e\u200f]*\[?[\u200e\u200f]*\d{1,4}\u200f?[./\-]\d{1,2}\u200f?[./\-]"
)
#: The date fields of a header, ASCII or Arabic-Indic digits.
_FIELDS = regex.compile(
    r"^[\u200e\u200f]*\[?[\u200e\u200f]*(\d{1,4})\u200f?[./\-](\d{1,2})\u200f?[./\-]"
)


def _root() -> Path:
    return real_dir("whatsapp-exports")


def _read(path: Path) -> tuple[list[tuple[int, str]], list[Message]]:
    with path.open("rb") as stream:
        rows = list(read_lines(stream, source=path.name))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return rows, list(parse(iter(rows), source=path.name))


def _proven_order(rows: list[tuple[int, str]]) -> str | None:
    """d/m or m/d as the file itself proves it (a day above 12), independently of the parser."""
    day_first = month_first = False
    for _, text in rows:
        if (match := _FIELDS.match(text)) is not None:
            first, second = int(match[1]), int(match[2])
            day_first |= 12 < first <= 31
            month_first |= 12 < second <= 31
    return {(True, False): "dmy", (False, True): "mdy"}.get((day_first, month_first))


def _swapped(rows: list[tuple[int, str]], messages: list[Message]) -> int:
    """Messages whose (month, day) differ from the header's under the proven order."""
    order = _proven_order(rows)
    if order is None:
        return 0
    wrong = 0
    for message in messages:
        match = _FIELDS.match(message.time_raw or "")
        if match is None or message.time is None or int(match[1]) > 31:
            continue
        first, second = int(match[1]), int(match[2])
        month, day = (second, first) if order == "dmy" else (first, second)
        wrong += (int(message.time[5:7]), int(message.time[8:10])) != (month, day)
    return wrong


CHAT_MINER = ["test_[mmddyy]_24hrs.txt", "test_ddmmyy_24hrs.txt", "test_mmddyy_24hrs.txt",
              "test_mmddyyyy_12hrs.txt", "test_yyyymmdd_24hrs.txt"]  # fmt: skip


@pytest.mark.parametrize("name", CHAT_MINER)
def test_chat_miner_exports_match_its_target(name: str) -> None:
    """Each chat-miner export: one message per header, and every message of its
    ``target.json`` with the same time, author and text (lines joined by a space there)."""
    folder = _root() / "chat-miner"
    rows, messages = _read(folder / name)
    target = json.loads((folder / "target.json").read_text(encoding="utf-8"))
    assert len(messages) == sum(1 for _, text in rows if _DATED.match(text))
    ours = {(m.time, m.speaker, m.text.replace("\n", " ")) for m in messages}
    for row in target:
        assert (row["timestamp"], row["author"], row["message"]) in ours


# The first five rows and the size of each chat, as whatstk's documentation shows them
# (docs/source/getting_started/library-available-chats.rst).
WHATSTK = {
    "pokemon.txt": (None, [("2016-08-06T13:23:00", "Ash Ketchum"), ("2016-08-06T13:25:00", "Brock"),
                           ("2016-08-06T13:30:00", "Misty"), ("2016-08-06T13:45:00", "Ash Ketchum"),
                           ("2016-08-06T14:30:00", "Misty")]),
    "lorem.txt": (500, [("2020-01-15T02:22:56", "Mary"), ("2020-01-15T03:33:01", "Mary"),
                        ("2020-01-15T04:18:42", "+1 123 456 789"),
                        ("2020-01-15T06:05:14", "Giuseppe"), ("2020-01-15T06:56:00", "Mary")]),
    "lorem-merge-part1.txt": (300, [("2019-10-20T10:16:00", "John"),
                                    ("2019-10-20T11:15:00", "Mary"),
                                    ("2019-10-20T12:16:00", "+1 123 456 789"),
                                    ("2019-10-20T12:57:00", "+1 123 456 789"),
                                    ("2019-10-20T17:28:00", "John")]),
    "lorem-merge-part2.txt": (300, [("2020-06-20T10:16:00", "John"),
                                    ("2020-06-20T11:15:00", "Maria"),
                                    ("2020-06-20T12:16:00", "+1 123 456 789"),
                                    ("2020-06-20T12:57:00", "+1 123 456 789"),
                                    ("2020-06-20T17:28:00", "John")]),
    "lorem-2000.txt": (2000, [("2019-04-16T02:09:00", "+1 123 456 789"),
                              ("2019-04-16T03:01:00", "Mary"), ("2019-04-17T12:56:00", "John"),
                              ("2019-04-17T13:30:00", "Mary"), ("2019-04-17T15:09:00", "John")]),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(WHATSTK))
def test_whatstk_exports_match_its_documentation(name: str) -> None:
    """whatstk's chats: as many messages as interventions, the documented first rows."""
    size, head = WHATSTK[name]
    rows, messages = _read(_root() / "whatstk" / name)
    assert len(messages) == (size or sum(1 for _, text in rows if _DATED.match(text)))
    assert [(m.time, m.speaker) for m in messages if m.kind == "text"][:5] == head


def _whats_json(kind: str) -> list[Path]:
    return sorted((_root() / "whats_json" / "languages").glob(f"*_{kind}.txt"))


def test_whats_json_ios_languages_match_its_counts() -> None:
    """Each iOS UI language: 23 messages, of which 17 are the app's own lines (media
    left out, a deleted message, the encryption notice) and 6 the person's text
    (whats_json's ``languages_test.dart``: 4 texts and 2 locations, 17 system)."""
    paths = _whats_json("ios")
    assert len(paths) == 16
    for path in paths:
        _, messages = _read(path)
        kinds = [m.kind for m in messages]
        assert (len(messages), kinds.count("text")) == (23, 6), path.name
        assert all(m.speaker for m in messages if m.kind == "attachment"), path.name


def test_whats_json_android_languages_match_its_counts() -> None:
    """Each Android UI language without media: 60 messages (``languages_test.dart``)."""
    paths = _whats_json("android")
    assert len(paths) == 3
    for path in paths:
        _, messages = _read(path)
        assert len(messages) == 60, path.name


def test_whats_json_calendars_give_the_gregorian_times() -> None:
    """The Buddhist (``2565 BE``) and Japanese (``R4``) calendar exports of one chat
    give the dates of its Gregorian export, message for message (the exports were made
    apart, so a few seconds differ)."""
    folder = _root() / "whats_json" / "calendars"
    times = {
        p.name: [(m.time or "")[:10] for m in _read(p)[1]] for p in sorted(folder.glob("*.txt"))
    }
    gregorian = times.pop("Gregorian iOS.txt")
    assert len(times) == 2
    for name, got in times.items():
        assert got[: len(gregorian)] == gregorian, name
        assert "" not in got, name


def test_every_real_export_has_times_and_no_swapped_date() -> None:
    """Over every export (the ones whats_json collected from public repositories too):
    every message whose header has a year has a time, and no date is read the wrong way
    round in a file whose dates prove their order."""
    paths = sorted(p for p in _root().rglob("*.txt") if p.name != "SOURCE.txt")
    assert len(paths) >= 50  # 56 curated exports, 428 more with chats_unique
    no_time = swapped = 0
    for path in paths:
        rows, messages = _read(path)
        no_time += sum(1 for m in messages if _FIELDS.match(m.time_raw or "") and m.time is None)
        swapped += _swapped(rows, messages)
    assert (no_time, swapped) == (0, 0)
