"""Format detection from a bounded prefix, with a confidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.decode import split_lines
from bilingual.formats import sniff
from bilingual.formats.detect import PREFIX, Detection, detect

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
        ("12/31/22, 10:15 PM - Amy: hi\n", Detection("plain", 1.0, 1)),
        ('{"name": "not telegram"}\n', Detection("plain", 1.0, 1)),
    ],
)
def test_detect_small_inputs(text: str, expected: Detection) -> None:
    """One header is not enough evidence; editorial labels do not make a transcript."""
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
