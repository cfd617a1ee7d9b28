"""Format detection from a bounded prefix, with a confidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.decode import split_lines
from bilingual.formats import sniff
from bilingual.formats.detect import PREFIX, Detection, detect, weigh

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
INPUTS = sorted(p for p in FIXTURES.iterdir() if p.suffix in {".txt", ".json"})


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_each_fixture_is_detected_as_its_format(path: Path) -> None:
    """A fixture is detected as the format its name says, with confidence at least 0.75."""
    found = detect(list(split_lines(path.read_text(encoding="utf-8"))))
    assert found.format == path.name.split("-")[0]
    assert 0.75 <= found.confidence <= 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello there.\n今天天氣很好。\n", Detection("plain", 1.0, 2)),
        ("Note: one\nNote: two\n", Detection("plain", 1.0, 2)),
        ("Q: 為什麼？\nA: Because.\n", Detection("transcript", 1.0, 2)),
        ("12/31/22, 10:15 PM - Amy: hi\n", Detection("whatsapp", 1.0, 1)),
        ("21:10\tTom\t晚餐吃什麼？\n", Detection("line", 1.0, 1)),
        ("2023/03/04（六）\n21:10\tTom\t晚餐吃什麼？\n", Detection("line", 1.0, 2)),
        ("Read this.\n12/31/22, 10:15 PM - Amy: hi\nThe end.\n", Detection("plain", 1.0, 3)),
        ('{"name": "not telegram"}\n', Detection("plain", 1.0, 1)),
    ],
)
def test_detect_small_inputs(text: str, expected: Detection) -> None:
    """A pasted chat line (its header first) is a chat; one header inside prose is not
    evidence; editorial labels do not make a transcript."""
    assert detect(list(split_lines(text))) == expected


def test_sniff_reads_only_the_prefix_and_returns_every_line() -> None:
    """``sniff`` consumes PREFIX lines to decide, then hands back the full stream."""
    stream = iter([(n, f"GT: line {n}") for n in range(1, PREFIX + 51)])
    found, lines = sniff(stream)
    assert (found.format, found.lines) == ("transcript", PREFIX)
    assert next(stream) == (PREFIX + 1, f"GT: line {PREFIX + 1}")
    assert [n for n, _ in lines] == [*range(1, PREFIX + 1), *range(PREFIX + 2, PREFIX + 51)]


def test_detection_to_dict() -> None:
    """The detection is reportable as JSON."""
    assert Detection("line", 0.9, 12).to_dict() == {"format": "line", "confidence": 0.9,
                                                    "lines": 12}  # fmt: skip


STORY = FIXTURES / "whatsapp-forwarded-story.txt"
PASTE = (
    "3/4/23, 8:01 PM - Grace: 我到了\n3/4/23, 8:05 PM - Grace added Tom\n21:10\tTom\t晚餐吃什麼？\n"
    "王小明：我請客\nBreaking news: the MRT is delayed\n"
)


def test_quoted_dialogue_does_not_outweigh_chat_headers() -> None:
    """A WhatsApp export whose first messages quote a dialogue (``Me: "..."``) stays WhatsApp,
    though the quoted labels head more lines than the headers do."""
    sample = list(split_lines(STORY.read_text(encoding="utf-8")))
    evidence = {e.format: e for e in weigh(sample)}
    assert evidence["transcript"].share > evidence["whatsapp"].share
    assert detect(sample).format == "whatsapp"


def test_a_transcript_quoting_two_chat_lines_stays_a_transcript() -> None:
    """Two WhatsApp headers quoted among forty labelled turns do not make a chat export."""
    turns = [f"{'GT' if n % 2 else 'Lee'}: turn {n} of the interview." for n in range(40)]
    quoted = ["1/5/23, 3:07 PM - Amy: hi", "1/5/23, 3:08 PM - Bo: yo"]
    sample = list(enumerate([*turns[:20], *quoted, *turns[20:]], start=1))
    assert detect(sample).format == "transcript"


def test_headers_of_several_apps_make_a_mixed_paste() -> None:
    """WhatsApp and LINE lines with neither dominant: ``mixed``."""
    assert detect(list(split_lines(PASTE))) == Detection("mixed", 0.8, 5)


def test_one_dominant_app_is_not_mixed() -> None:
    """A WhatsApp export with one line shaped like a LINE message is still WhatsApp."""
    rows = [f"1/5/23, 3:{n:02d} PM - Amy: message {n}" for n in range(12)]
    sample = list(enumerate([*rows, "21:10\tTom\t晚餐吃什麼？"], start=1))
    assert detect(sample).format == "whatsapp"
