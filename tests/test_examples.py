"""Golden files: each example dump and the JSONL it must produce (with --simplify).

Regenerate after an intended change with ``python tests/regen_goldens.py`` (the test
never writes what it compares) and review the diff line by line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bilingual import Options, process_file

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DUMPS = sorted(EXAMPLES.glob("*.txt"))


@pytest.mark.parametrize("dump", DUMPS, ids=[d.stem for d in DUMPS])
def test_example_matches_golden(dump: Path) -> None:
    """The example's records equal its expected JSONL, row by row."""
    source = os.path.relpath(dump, EXAMPLES.parent)
    with dump.open("rb") as stream:
        got = [r.to_dict() for r in process_file(stream, Options(simplify="tw2s"), source=source)]
    expected_path = dump.with_suffix(".expected.jsonl")
    expected = [json.loads(line) for line in expected_path.read_text("utf-8").splitlines()]
    assert got == expected


def test_there_are_examples() -> None:
    """The README's first command runs on examples/headlines.txt."""
    assert (EXAMPLES / "headlines.txt") in DUMPS
    assert len(DUMPS) >= 3
